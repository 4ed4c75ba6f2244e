//! One-time anonymous feedback tokens (VOPRF, RFC 9497): what a member's
//! browser and the server can and cannot do with them.
//!
//! Unlinkability itself is the protocol's property (a blinded element is
//! uniformly random whatever the input); these tests check its visible face.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use domain::feedback::token::{BlindedRequest, Issued, PendingToken, PublicKey, Scope, ScopeKey, Token, TokenError, TokenRequest};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const MASTER: [u8; 32] = [7; 32];

fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

/// The whole exchange: the browser asks, the server issues, the browser
/// checks the proof against the published key.
fn token_for(key: &ScopeKey, rng: &mut ChaCha20Rng) -> Token {
    let (pending, request) = TokenRequest::new(key.scope().clone(), rng);
    let issued = key.issue(&request, rng).unwrap();
    pending.finalize(&issued, &key.public_key()).unwrap()
}

fn bytes(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).unwrap()
}

/// The same value with its first bit flipped, re-encoded.
fn flipped(text: &str) -> String {
    let mut bytes = bytes(text);
    bytes[0] ^= 1;
    URL_SAFE_NO_PAD.encode(bytes)
}

fn survey_scope(id: u32) -> Scope {
    Scope::Survey { survey: id, group: "d1.s-.e-.t-".into() }
}

fn idea_scope(id: u32) -> Scope {
    Scope::IdeaVote { idea: id.to_string() }
}

#[test]
fn a_token_issued_for_a_scope_redeems_for_it_with_a_stable_spent_mark() {
    let mut rng = rng(1);
    let key = ScopeKey::derive(&MASTER, &survey_scope(7));
    let token = token_for(&key, &mut rng);

    let mark = key.redeem(&token).unwrap();
    assert_eq!(mark.as_str().len(), 64);
    assert!(mark.as_str().bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    // A second spend gives the same mark, which the server already holds.
    assert_eq!(key.redeem(&token).unwrap(), mark);
    // A key derived again (another request, another process) agrees.
    assert_eq!(ScopeKey::derive(&MASTER, &survey_scope(7)).redeem(&token).unwrap(), mark);

    let other = token_for(&key, &mut rng);
    assert_ne!(key.redeem(&other).unwrap(), mark);
}

#[test]
fn every_kind_of_scope_issues_and_redeems() {
    let mut rng = rng(2);
    for scope in [survey_scope(1), idea_scope(3), Scope::Messages { month: "2026-12".into() }] {
        let key = ScopeKey::derive(&MASTER, &scope);
        let token = token_for(&key, &mut rng);
        assert_eq!(token.scope, scope);
        assert!(key.redeem(&token).is_ok(), "{scope}");
    }
}

#[test]
fn a_token_for_survey_1_does_not_redeem_for_survey_2() {
    let mut rng = rng(3);
    let survey_1 = ScopeKey::derive(&MASTER, &survey_scope(1));
    let survey_2 = ScopeKey::derive(&MASTER, &survey_scope(2));
    let token = token_for(&survey_1, &mut rng);

    assert_eq!(survey_2.redeem(&token), Err(TokenError::Invalid));
    // Relabelling it does not help: survey 2's key gives another output.
    let relabelled = Token { scope: survey_scope(2), ..token.clone() };
    assert_eq!(survey_2.redeem(&relabelled), Err(TokenError::Invalid));
    // Nor the other way: the label must match the key it is redeemed with.
    assert_eq!(survey_1.redeem(&relabelled), Err(TokenError::Invalid));
}

#[test]
fn the_same_input_does_not_redeem_for_an_idea_vote_with_the_same_number() {
    let mut rng = rng(4);
    let survey = ScopeKey::derive(&MASTER, &survey_scope(3));
    let idea = ScopeKey::derive(&MASTER, &idea_scope(3));
    let token = token_for(&survey, &mut rng);
    assert_eq!(idea.redeem(&Token { scope: idea_scope(3), ..token }), Err(TokenError::Invalid));
}

#[test]
fn a_client_refuses_an_evaluation_proved_with_another_key() {
    let mut rng = rng(5);
    let scope = survey_scope(9);
    let published = ScopeKey::derive(&MASTER, &scope).public_key();
    // A server handing one member a personal key, to recognise their token later.
    let personal = ScopeKey::derive(&[8; 32], &scope);

    let (pending, request) = TokenRequest::new(scope, &mut rng);
    let issued = personal.issue(&request, &mut rng).unwrap();
    assert_eq!(pending.finalize(&issued, &published), Err(TokenError::BadProof));
}

#[test]
fn a_client_refuses_an_evaluation_whose_proof_was_altered() {
    let mut rng = rng(6);
    let key = ScopeKey::derive(&MASTER, &idea_scope(4));
    let (pending, request) = TokenRequest::new(key.scope().clone(), &mut rng);
    let issued = key.issue(&request, &mut rng).unwrap();

    let other_evaluation = Issued { evaluated: key.issue(&TokenRequest::new(key.scope().clone(), &mut rng).1, &mut rng).unwrap().evaluated, ..issued };
    assert_eq!(pending.finalize(&other_evaluation, &key.public_key()), Err(TokenError::BadProof));
}

#[test]
fn a_tampered_output_or_input_does_not_redeem() {
    let mut rng = rng(7);
    let key = ScopeKey::derive(&MASTER, &Scope::Messages { month: "2026-12".into() });
    let token = token_for(&key, &mut rng);

    let output = Token { output: flipped(&token.output), ..token.clone() };
    assert_eq!(key.redeem(&output), Err(TokenError::Invalid));
    let input = Token { input: flipped(&token.input), ..token.clone() };
    assert_eq!(key.redeem(&input), Err(TokenError::Invalid));
    // Another valid token's output does not fit this input either.
    let other = token_for(&key, &mut rng);
    assert_eq!(key.redeem(&Token { output: other.output, ..token }), Err(TokenError::Invalid));
}

#[test]
fn the_server_sees_nothing_linking_issue_to_redemption() {
    let mut rng = rng(8);
    let key = ScopeKey::derive(&MASTER, &survey_scope(5));
    let (pending, request) = TokenRequest::new(key.scope().clone(), &mut rng);
    let (_, second) = TokenRequest::new(key.scope().clone(), &mut rng);
    let input = bytes(&pending.input);

    let blinded = bytes(&request.blinded);
    assert_ne!(blinded, input);
    assert!(!blinded.windows(8).any(|w| input.windows(8).any(|i| i == w)), "the blinded element shows part of the input");
    assert_ne!(request.blinded, second.blinded, "two requests for one scope look alike");

    // What is sent at redemption repeats nothing the server saw at issue.
    let issued = key.issue(&request, &mut rng).unwrap();
    let token = pending.finalize(&issued, &key.public_key()).unwrap();
    let redeemed = serde_json::to_string(&token).unwrap();
    for seen in [&request.blinded, &issued.evaluated, &issued.proof] {
        assert!(!redeemed.contains(seen.as_str()));
    }
}

#[test]
fn a_scope_key_is_the_same_for_the_same_master_and_scope_and_differs_otherwise() {
    let survey = survey_scope(1);
    let key = ScopeKey::derive(&MASTER, &survey).public_key();
    assert_eq!(ScopeKey::derive(&MASTER, &survey).public_key(), key);
    assert_ne!(ScopeKey::derive(&MASTER, &survey_scope(2)).public_key(), key);
    assert_ne!(ScopeKey::derive(&MASTER, &idea_scope(1)).public_key(), key);
    assert_ne!(ScopeKey::derive(&[8; 32], &survey).public_key(), key);
    let december = ScopeKey::derive(&MASTER, &Scope::Messages { month: "2026-12".into() }).public_key();
    assert_ne!(ScopeKey::derive(&MASTER, &Scope::Messages { month: "2027-01".into() }).public_key(), december);
}

#[test]
fn a_public_key_round_trips_through_json_as_a_base64url_string() {
    let key = ScopeKey::derive(&MASTER, &idea_scope(3)).public_key();
    let json = serde_json::to_string(&key).unwrap();
    assert_eq!(json, format!("\"{key}\""));
    assert_eq!(key.as_str().len(), 43, "32 bytes, no padding");
    assert!(key.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(serde_json::from_str::<PublicKey>(&json).unwrap(), key);
}

#[test]
fn a_scope_key_does_not_show_its_secret_in_debug() {
    let key = ScopeKey::derive(&MASTER, &survey_scope(1));
    let shown = format!("{key:?}");
    assert!(shown.contains(key.public_key().as_str()));
    assert!(!shown.contains("Scalar") && !shown.contains("VoprfServer"), "{shown}");
}

#[test]
fn a_scope_has_a_storage_key_a_derivation_info_and_a_tagged_json_shape() {
    let month = Scope::Messages { month: "2026-12".into() };
    assert_eq!(survey_scope(7).key(), "survey:7:d1.s-.e-.t-");
    assert_eq!(idea_scope(3).to_string(), "idea:3");
    assert_eq!(month.key(), "messages:2026-12");
    assert_eq!(survey_scope(7).info(), b"noibo-feedback-v1:survey:7:d1.s-.e-.t-");

    assert_eq!(serde_json::to_value(survey_scope(7)).unwrap(), serde_json::json!({"kind": "survey", "survey": 7, "group": "d1.s-.e-.t-"}));
    assert_eq!(serde_json::to_value(idea_scope(3)).unwrap(), serde_json::json!({"kind": "idea_vote", "idea": "3"}));
    assert_eq!(serde_json::to_value(&month).unwrap(), serde_json::json!({"kind": "messages", "month": "2026-12"}));
    for scope in [survey_scope(7), idea_scope(3), month] {
        assert_eq!(serde_json::from_value::<Scope>(serde_json::to_value(&scope).unwrap()).unwrap(), scope);
    }
}

#[test]
fn a_hostile_month_still_derives_a_key_of_its_own() {
    let long = |c: &str| Scope::Messages { month: c.repeat(70_000) };
    let a = ScopeKey::derive(&MASTER, &long("a"));
    assert_ne!(a.public_key(), ScopeKey::derive(&MASTER, &long("b")).public_key());
    let token = token_for(&a, &mut rng(11));
    assert!(a.redeem(&token).is_ok());
}

#[test]
fn malformed_base64_in_a_token_field_names_that_field() {
    let key = ScopeKey::derive(&MASTER, &survey_scope(1));
    let token = token_for(&key, &mut rng(12));

    // The JSON reads (the strings are only strings): redeeming names the field.
    let bad_input: Token = serde_json::from_value(
        serde_json::json!({"scope": {"kind": "survey", "survey": 1, "group": "d1.s-.e-.t-"}, "input": "not base64!", "output": token.output}),
    )
    .unwrap();
    assert_eq!(key.redeem(&bad_input), Err(TokenError::Malformed { field: "input" }));
    let bad_output = Token { output: format!("{}=", token.output), ..token.clone() };
    assert_eq!(key.redeem(&bad_output), Err(TokenError::Malformed { field: "output" }));
    // Well-formed base64 of the wrong length is malformed too.
    let short = Token { input: URL_SAFE_NO_PAD.encode([1; 31]), ..token.clone() };
    assert_eq!(key.redeem(&short), Err(TokenError::Malformed { field: "input" }));
    assert_eq!(TokenError::Malformed { field: "input" }.to_string(), "malformed token field `input`");
}

#[test]
fn malformed_fields_in_issuing_and_finalizing_are_named() {
    let mut rng = rng(13);
    let key = ScopeKey::derive(&MASTER, &survey_scope(1));
    let (pending, request) = TokenRequest::new(key.scope().clone(), &mut rng);

    let garbage = BlindedRequest { blinded: "%%".into(), ..request.clone() };
    assert_eq!(key.issue(&garbage, &mut rng), Err(TokenError::Malformed { field: "blinded" }));
    // 32 bytes that are no group element.
    let not_a_point = BlindedRequest { blinded: URL_SAFE_NO_PAD.encode([0xff; 32]), ..request.clone() };
    assert_eq!(key.issue(&not_a_point, &mut rng), Err(TokenError::Malformed { field: "blinded" }));
    let elsewhere = BlindedRequest { scope: survey_scope(2), ..request.clone() };
    assert_eq!(key.issue(&elsewhere, &mut rng), Err(TokenError::Malformed { field: "scope" }));

    let issued = key.issue(&request, &mut rng).unwrap();
    let published = key.public_key();
    let bad_proof = Issued { proof: "x".into(), ..issued.clone() };
    assert_eq!(pending.clone().finalize(&bad_proof, &published), Err(TokenError::Malformed { field: "proof" }));
    let bad_evaluation = Issued { evaluated: "x".into(), ..issued.clone() };
    assert_eq!(pending.clone().finalize(&bad_evaluation, &published), Err(TokenError::Malformed { field: "evaluated" }));
    assert_eq!(pending.clone().finalize(&issued, &PublicKey("?".into())), Err(TokenError::Malformed { field: "public_key" }));
    let bad_state = PendingToken { state: "x".into(), ..pending.clone() };
    assert_eq!(bad_state.finalize(&issued, &published), Err(TokenError::Malformed { field: "state" }));
    assert!(pending.finalize(&issued, &published).is_ok());
}

#[test]
fn a_pending_token_and_a_token_survive_a_json_round_trip() {
    let mut rng = rng(14);
    let key = ScopeKey::derive(&MASTER, &Scope::Messages { month: "2026-12".into() });
    let (pending, request) = TokenRequest::new(key.scope().clone(), &mut rng);
    // The request and the answer cross the wire as JSON too.
    let request: BlindedRequest = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    let issued = key.issue(&request, &mut rng).unwrap();
    let issued: Issued = serde_json::from_str(&serde_json::to_string(&issued).unwrap()).unwrap();

    // The browser reloads between asking and receiving.
    let stored = serde_json::to_string(&pending).unwrap();
    let pending: PendingToken = serde_json::from_str(&stored).unwrap();
    let token = pending.finalize(&issued, &key.public_key()).unwrap();

    // ... and between receiving and spending.
    let stored = serde_json::to_string(&token).unwrap();
    let token: Token = serde_json::from_str(&stored).unwrap();
    assert!(key.redeem(&token).is_ok());
}
