//! Unlinkable one-time tokens: a member proves they may act once in a
//! [`Scope`] (answer a survey, vote on an idea, send one of a month's
//! messages) without the server learning which member it is.
//!
//! The protocol is a verifiable oblivious PRF (RFC 9497, VOPRF mode,
//! ristretto255-SHA512):
//! 1. the member's browser picks a random input and blinds it
//!    ([`TokenRequest::new`]); the signed-in member sends the
//!    [`BlindedRequest`], the server checks they may act in the scope (and
//!    have not asked already: the caller's rule) and evaluates it blindly
//!    with the scope's key ([`ScopeKey::issue`]);
//! 2. the browser unblinds the answer and checks its proof against the
//!    scope's *published* key ([`PendingToken::finalize`]): this is what
//!    stops a server from marking one member with a personal key;
//! 3. later, in a request that does not say who sends it, the browser
//!    spends the [`Token`]; the server recomputes the PRF on the token's
//!    input ([`ScopeKey::redeem`]) and stores only the [`SpentMark`] to refuse
//!    a second spend.
//!
//! Unlinkability is the protocol's property, not this module's: the blinded
//! element the server signs is uniformly random whatever the input, so the
//! token it later sees cannot be matched to an issue. The tests check its
//! visible face only (the request hides the input and never repeats).
//!
//! Everything here is pure: no clock, no storage, and randomness is passed
//! in, so the crate needs no `getrandom` and builds for the browser.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use core::fmt;
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use voprf::{BlindedElement, EvaluationElement, Group, Proof, Ristretto255, VoprfClient, VoprfServer};

/// Versioned prefix of every derivation here: a new protocol gets new keys.
const CONTEXT: &str = "noibo-feedback-v1";
const INPUT_LEN: usize = 32;
/// SHA-512's output: the PRF output of the ristretto255-SHA512 suite.
const OUTPUT_LEN: usize = 64;
const ELEMENT_LEN: usize = 32;
/// A DLEQ proof: two scalars.
const PROOF_LEN: usize = 64;
/// The client's state: the blind (a scalar) and the blinded element.
const STATE_LEN: usize = 64;

/// What a token admits, once.
///
/// Read strictly: a key the variant does not have is refused (an
/// internally tagged enum is buffered, so the server's strict reader
/// cannot see inside it; `deny_unknown_fields` does).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum Scope {
    /// Answer survey `survey` once, filed under `group` (a
    /// `ReportedProfile::code`): each group has its own key, so the group a
    /// response claims is proven.
    Survey { survey: u32, group: String },
    /// Vote once on the idea with this id.
    IdeaVote { idea: String },
    /// One anonymous message of a month's allowance (`month`: "2026-12");
    /// how many tokens a member gets is the caller's rule.
    Messages { month: String },
}

impl Scope {
    /// The string a scope is stored and shown under: "survey:7:d3.s1.e-.t-",
    /// "idea:<id>", "messages:2026-12".
    pub fn key(&self) -> String {
        match self {
            Scope::Survey { survey, group } => format!("survey:{survey}:{group}"),
            Scope::IdeaVote { idea } => format!("idea:{idea}"),
            Scope::Messages { month } => format!("messages:{month}"),
        }
    }

    /// Whether an issue recorded under `stored` (a [`Scope::key`]) was for
    /// this scope. A survey counts once whatever the group: a member whose
    /// group changed during the survey (a new tenure band) must not get a
    /// second token under the new group's key.
    pub fn issued_as(&self, stored: &str) -> bool {
        match self {
            Scope::Survey { survey, .. } => {
                stored.strip_prefix("survey:").and_then(|rest| rest.split_once(':')).is_some_and(|(id, _)| id == survey.to_string())
            }
            _ => stored == self.key(),
        }
    }

    /// The bytes the scope's key is derived from (RFC 9497 `info`), e.g.
    /// `b"noibo-feedback-v1:survey:7"`. Stable: changing it changes every key.
    pub fn info(&self) -> Vec<u8> {
        format!("{CONTEXT}:{}", self.key()).into_bytes()
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// Why a token step failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// A field is not base64url (no padding) of the right length, or not a
    /// valid group element; `field` is its wire name, for a 422 answer.
    Malformed { field: &'static str },
    /// The evaluation was not made with the published key: the server may be
    /// trying to tell this member apart.
    BadProof,
    /// The token was not issued under this scope's key (or was altered).
    Invalid,
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenError::Malformed { field } => write!(f, "malformed token field `{field}`"),
            TokenError::BadProof => f.write_str("the evaluation's proof does not match the published key"),
            TokenError::Invalid => f.write_str("the token is not valid for this scope"),
        }
    }
}

impl std::error::Error for TokenError {}

/// A scope's public key, base64url: published to every member alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PublicKey(pub String);

impl PublicKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a signed-in member sends to get a token: the blinded input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindedRequest {
    pub scope: Scope,
    /// The blinded element, base64url.
    pub blinded: String,
}

/// The server's answer: the blind evaluation and its DLEQ proof, base64url.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issued {
    pub evaluated: String,
    pub proof: String,
}

/// What the browser keeps between asking and receiving (it may reload in
/// between). Secret to the browser: the input and blind link the request to
/// the token, so this never leaves it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingToken {
    pub scope: Scope,
    /// The random input, base64url.
    pub input: String,
    /// The VOPRF client state (blind and blinded element), base64url.
    pub state: String,
}

/// A token the browser keeps and spends later, in a request that does not
/// say who sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub scope: Scope,
    /// The random input, base64url (32 bytes).
    pub input: String,
    /// The PRF output on `input` under the scope's key, base64url (64 bytes).
    pub output: String,
}

/// What the server stores for a spent token, and all it stores: SHA-256
/// (hex) of the scope's key string and the token's input. The same token
/// always gives the same mark, so a second spend is refused.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpentMark(pub String);

impl SpentMark {
    fn of(scope: &Scope, input: &[u8; INPUT_LEN]) -> SpentMark {
        let mut hash = Sha256::new();
        hash.update(CONTEXT.as_bytes());
        hash.update(b":spent:");
        hash.update(scope.key().as_bytes());
        // No scope key holds a NUL, and the input has a fixed length: unambiguous.
        hash.update([0]);
        hash.update(input);
        SpentMark(hex(&hash.finalize()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SpentMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The server's key for one scope. Derived, never stored: the master secret
/// and the scope give the same key every time, so every member is issued
/// under the one published key.
#[derive(Clone)]
pub struct ScopeKey {
    scope: Scope,
    server: VoprfServer<Ristretto255>,
}

impl fmt::Debug for ScopeKey {
    // The derived Debug of the VOPRF server prints the private key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScopeKey").field("scope", &self.scope).field("public_key", &self.public_key()).finish_non_exhaustive()
    }
}

impl ScopeKey {
    /// RFC 9497 `DeriveKeyPair(master_secret, scope.info())`.
    pub fn derive(master_secret: &[u8; 32], scope: &Scope) -> ScopeKey {
        let mut info = scope.info();
        // `info` has a 2-byte length: rather than fail (or panic) on a hostile
        // month string, anything over 1 KiB is hashed. No scope key starts
        // with "sha256:", so a hashed info never equals a plain one.
        if info.len() > 1024 {
            info = [format!("{CONTEXT}:sha256:").as_bytes(), Sha256::digest(&info).as_slice()].concat();
        }
        let server = VoprfServer::new_from_seed(master_secret, &info)
            // Fails only for an info over u16::MAX - 3 bytes (ruled out above) or
            // 256 zero scalars in a row (probability about 2^-64000).
            .expect("scope key derivation");
        ScopeKey { scope: scope.clone(), server }
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey(encode(&Ristretto255::serialize_elem(self.server.get_public_key())))
    }

    /// Evaluates a member's blinded input and proves it used this key.
    ///
    /// The caller has checked that the signed-in member may act in the scope
    /// and how many tokens they have had. A request for another scope is
    /// `Malformed { field: "scope" }`: the caller picked the wrong key.
    pub fn issue(&self, request: &BlindedRequest, rng: &mut (impl CryptoRng + RngCore)) -> Result<Issued, TokenError> {
        if request.scope != self.scope {
            return Err(TokenError::Malformed { field: "scope" });
        }
        let blinded = decode::<ELEMENT_LEN>(&request.blinded, "blinded")?;
        let blinded = BlindedElement::<Ristretto255>::deserialize(&blinded).map_err(|_| TokenError::Malformed { field: "blinded" })?;
        let evaluation = self.server.blind_evaluate(rng, &blinded);
        Ok(Issued { evaluated: encode(&evaluation.message.serialize()), proof: encode(&evaluation.proof.serialize()) })
    }

    /// Checks a token and returns the mark to store so it is spent once.
    ///
    /// The PRF is recomputed on the token's input and compared with its
    /// output in constant time. A token for scope A does not redeem for
    /// scope B, even relabelled: B's key gives another output (`Invalid`).
    /// Whether the mark was stored before is the caller's check.
    pub fn redeem(&self, token: &Token) -> Result<SpentMark, TokenError> {
        let input = decode::<INPUT_LEN>(&token.input, "input")?;
        let output = decode::<OUTPUT_LEN>(&token.output, "output")?;
        // Fails only if the input hashes to the identity: never, in practice.
        let expected = self.server.evaluate(&input).map_err(|_| TokenError::Invalid)?;
        // The label is public; only the output comparison must not leak timing.
        if token.scope == self.scope && bool::from(expected.as_slice().ct_eq(&output)) {
            Ok(SpentMark::of(&self.scope, &input))
        } else {
            Err(TokenError::Invalid)
        }
    }
}

/// The browser's side of asking for a token.
pub struct TokenRequest;

impl TokenRequest {
    /// Picks a random input and blinds it: the [`PendingToken`] stays in the
    /// browser, the [`BlindedRequest`] goes to the server.
    #[allow(clippy::new_ret_no_self)] // The two halves go different ways; there is no request object to keep.
    pub fn new(scope: Scope, rng: &mut (impl CryptoRng + RngCore)) -> (PendingToken, BlindedRequest) {
        let mut input = [0u8; INPUT_LEN];
        rng.fill_bytes(&mut input);
        // Fails only for an empty or over-long input.
        let blind = VoprfClient::<Ristretto255>::blind(&input, rng).expect("a 32-byte input blinds");
        let pending = PendingToken { scope: scope.clone(), input: encode(&input), state: encode(&blind.state.serialize()) };
        (pending, BlindedRequest { scope, blinded: encode(&blind.message.serialize()) })
    }
}

impl PendingToken {
    /// Unblinds the server's answer into a token, after checking its proof
    /// against the key published for the scope (`BadProof` otherwise).
    pub fn finalize(self, issued: &Issued, published: &PublicKey) -> Result<Token, TokenError> {
        let key = decode::<ELEMENT_LEN>(&published.0, "public_key")?;
        let key = Ristretto255::deserialize_elem(&key).map_err(|_| TokenError::Malformed { field: "public_key" })?;
        let state = decode::<STATE_LEN>(&self.state, "state")?;
        let client = VoprfClient::<Ristretto255>::deserialize(&state).map_err(|_| TokenError::Malformed { field: "state" })?;
        let evaluated = decode::<ELEMENT_LEN>(&issued.evaluated, "evaluated")?;
        let evaluated = EvaluationElement::deserialize(&evaluated).map_err(|_| TokenError::Malformed { field: "evaluated" })?;
        let proof = decode::<PROOF_LEN>(&issued.proof, "proof")?;
        let proof = Proof::deserialize(&proof).map_err(|_| TokenError::Malformed { field: "proof" })?;
        let input = decode::<INPUT_LEN>(&self.input, "input")?;
        // Input errors are ruled out by its fixed length: what is left is the proof.
        let output = client.finalize(&input, &evaluated, &proof, key).map_err(|_| TokenError::BadProof)?;
        Ok(Token { scope: self.scope, input: self.input, output: encode(&output) })
    }
}

fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Base64url without padding, of exactly `N` bytes: the VOPRF decoders
/// ignore trailing bytes, and the base64 engine refuses non-canonical
/// endings, so each value has one spelling.
fn decode<const N: usize>(text: &str, field: &'static str) -> Result<[u8; N], TokenError> {
    let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| TokenError::Malformed { field })?;
    bytes.try_into().map_err(|_| TokenError::Malformed { field })
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [DIGITS[usize::from(b >> 4)] as char, DIGITS[usize::from(b & 0xf)] as char]).collect()
}
