//! Anonymous feedback through the reference server, in process, on a
//! database seeded with the demo company and its feedback. Each test plays
//! the member's browser with the domain's client half of the token
//! protocol: ask for a token signed in, check its proof against the
//! published key, spend it in a call that carries no credentials.
//!
//! The clock is pinned to Friday 20 November 2026 (`NOW`): the September
//! and October pulses and the canteen survey are closed, November's pulse
//! (survey 4) is open.

mod common;

use axum::Router;
use common::{seeded, send, session, Answer};
use domain::feedback::anonymous::ThreadKey;
use domain::feedback::token::{PublicKey, Scope, Token, TokenRequest};
use serde_json::{json, Value};
use sqlx::{AnyPool, Row};
use std::collections::BTreeSet;

const LAN: &str = "lan.tran@noibo.example";
const MINH: &str = "minh.le@noibo.example";
const HOA: &str = "hoa.nguyen@noibo.example";
const TRANG: &str = "trang.phan@noibo.example";
const NOVEMBER: u32 = 4;

async fn get(app: &Router, path: &str, cookie: &str) -> Answer {
    send(app, "GET", path, Some(cookie), None, None).await
}

async fn post(app: &Router, path: &str, cookie: Option<&str>, body: &Value) -> Answer {
    send(app, "POST", path, cookie, None, Some(&body.to_string())).await
}

/// What the member's browser does: asks for a token signed in, checks the
/// answer against the key everyone is shown, and keeps the token.
async fn token(app: &Router, cookie: &str, scope: Scope) -> Result<Token, Answer> {
    let published = post(app, "/api/v1/feedback/anonymous/key", None, &serde_json::to_value(&scope).unwrap()).await;
    let key: PublicKey = serde_json::from_value(published.body["public_key"].clone()).unwrap();
    let (pending, request) = TokenRequest::new(scope, &mut rand::rngs::OsRng);
    let issued = post(app, "/api/v1/feedback/tokens", Some(cookie), &serde_json::to_value(&request).unwrap()).await;
    if issued.status != 200 {
        return Err(issued);
    }
    Ok(pending.finalize(&serde_json::from_value(issued.body).unwrap(), &key).expect("the published key proves the answer"))
}

/// The scope `cookie`'s member answers November's pulse under.
async fn november_scope(app: &Router, cookie: &str) -> Scope {
    let home = get(app, "/api/v1/feedback/home", cookie).await;
    let open = home.body["open_surveys"].as_array().unwrap();
    let november = open.iter().find(|o| o["survey"]["id"] == NOVEMBER).expect("November's pulse is open");
    serde_json::from_value(november["scope"].clone()).unwrap()
}

fn answers() -> Value {
    json!([{"kind": "score", "value": 4}, {"kind": "score", "value": 5}, {"kind": "score", "value": 9}, {"kind": "text", "value": "Thêm chỗ để xe"}])
}

async fn messages_token(app: &Router, cookie: &str) -> Token {
    token(app, cookie, Scope::Messages { month: "2026-11".into() }).await.unwrap()
}

/// Every row of every table, each column as text (`name=value`).
async fn snapshot(pool: &AnyPool) -> BTreeSet<(String, String)> {
    let postgres = pool.connect_options().database_url.scheme().starts_with("postgres");
    let tables: Vec<String> = if postgres {
        sqlx::query_scalar("SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public'").fetch_all(pool).await.unwrap()
    } else {
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'").fetch_all(pool).await.unwrap()
    };
    let mut rows = BTreeSet::new();
    // sqlx's own bookkeeping (its migrations, dated) is not ours.
    for table in tables.into_iter().filter(|t| !t.starts_with("_sqlx")) {
        let columns: Vec<String> = if postgres {
            sqlx::query_scalar("SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position")
                .bind(&table)
                .fetch_all(pool)
                .await
                .unwrap()
        } else {
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')")).fetch_all(pool).await.unwrap()
        };
        let as_text: Vec<String> = columns.iter().map(|c| format!("COALESCE(CAST({c} AS TEXT), '')")).collect();
        for row in sqlx::query(&format!("SELECT {} FROM {table}", as_text.join(", "))).fetch_all(pool).await.unwrap() {
            let cells: Vec<String> = columns.iter().enumerate().map(|(i, name)| format!("{name}={}", row.get::<String, _>(i))).collect();
            rows.insert((table.clone(), cells.join(" | ")));
        }
    }
    rows
}

#[tokio::test]
async fn an_anonymous_submission_writes_nothing_in_any_table_that_names_the_member() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let lan_id: i64 = sqlx::query_scalar("SELECT id FROM members WHERE email = $1").bind(LAN).fetch_one(&pool).await.unwrap();
    let board = get(&app, "/api/v1/feedback/ideas", &lan).await;
    let idea = board.body[0]["id"].as_str().unwrap().to_owned();
    // Every token first, as the browser fetches them ahead: what follows
    // is anonymous calls only.
    let survey = token(&app, &lan, november_scope(&app, &lan).await).await.unwrap();
    let vote = token(&app, &lan, Scope::IdeaVote { idea: idea.clone() }).await.unwrap();
    let (message, idea_token, comment) = (messages_token(&app, &lan).await, messages_token(&app, &lan).await, messages_token(&app, &lan).await);
    let key = ThreadKey::from_random(rand::random());
    let before = snapshot(&pool).await;

    let calls = [
        ("/api/v1/feedback/anonymous/responses", json!({"survey": NOVEMBER, "token": survey, "answers": answers()}), 204),
        ("/api/v1/feedback/anonymous/votes", json!({"idea": idea, "token": vote}), 200),
        (
            "/api/v1/feedback/anonymous/threads",
            json!({"to": "hr", "topic": "safety", "body": "Lối thoát hiểm bị chặn.", "access": key.access(), "token": message}),
            201,
        ),
        ("/api/v1/feedback/anonymous/threads/answer", json!({"key": key, "body": "Ở tầng 2."}), 200),
        ("/api/v1/feedback/anonymous/ideas", json!({"title": "Ghế công thái học", "body": "Cho ca văn phòng.", "token": idea_token}), 201),
        ("/api/v1/feedback/anonymous/comments", json!({"idea": idea, "body": "Đồng ý!", "token": comment}), 200),
    ];
    for (path, body, status) in calls {
        let answer = post(&app, path, None, &body).await;
        assert_eq!(answer.status, status, "{path}: {}", answer.text);
    }

    let written: Vec<(String, String)> = snapshot(&pool).await.difference(&before).cloned().collect();
    let tables: BTreeSet<&str> = written.iter().map(|(table, _)| table.as_str()).collect();
    assert_eq!(tables, BTreeSet::from(["feedback_ideas", "feedback_responses", "feedback_spent", "feedback_threads"]), "{written:#?}");
    let session_token = lan.split_once('=').unwrap().1;
    for (table, row) in &written {
        let signed_by_lan = format!("\"member\":{lan_id},");
        for trace in [LAN, "Trần Thị Lan", session_token, &noibo_server::auth::token_hash(session_token), &signed_by_lan, "T10:", "10:00"] {
            assert!(!row.contains(trace), "{table} stores {trace:?}: {row}");
        }
        let numbers: Vec<&str> = row.split(" | ").filter_map(|cell| cell.split_once('=')).map(|(_, v)| v).filter(|v| v.parse::<i64>().is_ok()).collect();
        // Row versions (0, 1, 2) and a survey's id are the only numbers
        // in a column: no sequence that follows arrival, no member id.
        assert!(numbers.iter().all(|n| n.parse::<i64>().unwrap() <= i64::from(NOVEMBER)), "{table}: a number that follows arrival or names someone: {row}");
    }
    // Spent marks are hashes, nothing else.
    for (_, row) in written.iter().filter(|(table, _)| table == "feedback_spent") {
        let mark = row.strip_prefix("mark=").unwrap();
        assert!(mark.len() == 64 && mark.bytes().all(|b| b.is_ascii_hexdigit()), "{row}");
    }
}

#[tokio::test]
async fn a_token_is_spent_once_and_a_token_for_one_survey_does_not_answer_another() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let mut second = json!({
        "title": {"vi": "Khảo sát nhanh", "en": "Quick survey"},
        "questions": [{"text": {"vi": "Ổn không?", "en": "All right?"}, "kind": "agreement"}],
        "opens": "2026-11-19", "closes": "2026-11-30", "min_responses": 5, "min_comment_responses": 5
    });
    let created = post(&app, "/api/v1/hr/feedback/surveys", Some(&hoa), &second).await;
    assert_eq!(created.status, 201, "{}", created.text);
    second["id"] = created.body["id"].clone();

    let november = token(&app, &lan, november_scope(&app, &lan).await).await.unwrap();
    let elsewhere = post(
        &app,
        "/api/v1/feedback/anonymous/responses",
        None,
        &json!({"survey": second["id"], "token": november, "answers": [{"kind": "score", "value": 3}]}),
    )
    .await;
    assert_eq!((elsewhere.status.as_u16(), elsewhere.errors()), (422, vec![("token.scope".to_owned(), "token_invalid".to_owned())]));

    let answer = json!({"survey": NOVEMBER, "token": november, "answers": answers()});
    assert_eq!(post(&app, "/api/v1/feedback/anonymous/responses", None, &answer).await.status, 204);
    let replay = post(&app, "/api/v1/feedback/anonymous/responses", None, &answer).await;
    assert_eq!((replay.status.as_u16(), replay.errors()), (409, vec![("token".to_owned(), "token_spent".to_owned())]));
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM feedback_responses WHERE survey_id = $1").bind(i64::from(NOVEMBER)).fetch_one(&pool).await.unwrap();
    assert_eq!(count, 1);

    let again = token(&app, &lan, november_scope(&app, &lan).await).await.unwrap_err();
    assert_eq!((again.status.as_u16(), again.errors()), (409, vec![("scope".to_owned(), "already_issued".to_owned())]));
}

#[tokio::test]
async fn a_member_outside_a_surveys_audience_gets_no_token() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let factory_only = json!({
        "title": {"vi": "Ca đêm", "en": "Night shift"},
        "questions": [{"text": {"vi": "Ổn không?", "en": "All right?"}, "kind": "agreement"}],
        "audience": {"all_of": [{"site_in": [2]}]},
        "opens": "2026-11-19", "closes": "2026-11-30", "min_responses": 5, "min_comment_responses": 5
    });
    let created = post(&app, "/api/v1/hr/feedback/surveys", Some(&hoa), &factory_only).await;
    let id = created.body["id"].as_u64().unwrap() as u32;
    let refused = token(&app, &lan, Scope::Survey { survey: id, group: "d1.s-.e-.t-".into() }).await.unwrap_err();
    assert_eq!((refused.status.as_u16(), refused.errors()), (422, vec![("scope".to_owned(), "not_in_audience".to_owned())]));
    let issued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM feedback_issuances").fetch_one(&pool).await.unwrap();
    assert_eq!(issued, 0);
}

#[tokio::test]
async fn an_anonymous_call_with_a_session_cookie_is_treated_exactly_like_one_without() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let key = ThreadKey::from_random(rand::random());
    let start = json!({"to": "hr", "topic": "other", "body": "Xin chào", "access": key.access(), "token": messages_token(&app, &lan).await});
    let started = post(&app, "/api/v1/feedback/anonymous/threads", Some(&lan), &start).await;
    assert_eq!(started.status, 201, "{}", started.text);
    let (with, without) = (
        post(&app, "/api/v1/feedback/anonymous/threads/open", Some(&lan), &json!({"key": key})).await,
        post(&app, "/api/v1/feedback/anonymous/threads/open", None, &json!({"key": key})).await,
    );
    assert_eq!((with.status, with.text), (without.status, without.text));
    let stored: String = sqlx::query_scalar("SELECT doc FROM feedback_threads WHERE access = $1").bind(key.access().0).fetch_one(&pool).await.unwrap();
    assert!(!stored.contains("Trần") && !stored.contains("lan.tran"), "{stored}");
}

#[tokio::test]
async fn lan_writes_to_hr_hoa_replies_and_lan_reads_and_answers_with_her_key_while_other_managers_see_nothing() {
    let (app, pool) = seeded().await;
    let (lan, hoa, trang) = (session(&pool, LAN).await, session(&pool, HOA).await, session(&pool, TRANG).await);
    let key = ThreadKey::from_random(rand::random());
    let start =
        json!({"to": {"department": 8}, "topic": "management", "body": "Cần họp ít hơn.", "access": key.access(), "token": messages_token(&app, &lan).await});
    let started = post(&app, "/api/v1/feedback/anonymous/threads", None, &start).await;
    assert_eq!(started.body["routing"], json!({"to": "hr", "rerouted_below": 5}), "the board has one member: HR gets it");
    let id = started.body["thread"]["id"].as_str().unwrap().to_owned();

    assert!(!get(&app, "/api/v1/hr/feedback/threads", &trang).await.text.contains(&id));
    let refused = post(&app, &format!("/api/v1/hr/feedback/threads/{id}/replies"), Some(&trang), &json!({"body": "?"})).await;
    assert_eq!(refused.status, 404);
    let replied = post(&app, &format!("/api/v1/hr/feedback/threads/{id}/replies"), Some(&hoa), &json!({"body": "Chúng tôi sẽ xem lại lịch họp."})).await;
    assert_eq!(replied.body["messages"][1]["author"], json!({"by": "responder", "name": "Nguyễn Thị Hoa", "role": "hr"}));

    let read = post(&app, "/api/v1/feedback/anonymous/threads/open", None, &json!({"key": key.recovery_code()})).await;
    assert_eq!(read.body["messages"].as_array().unwrap().len(), 2);
    let answered = post(&app, "/api/v1/feedback/anonymous/threads/answer", None, &json!({"key": key, "body": "Cảm ơn chị."})).await;
    assert_eq!(answered.body["messages"][2]["author"], json!({"by": "member"}));
    let unknown = post(&app, "/api/v1/feedback/anonymous/threads/open", None, &json!({"key": ThreadKey::from_random(rand::random())})).await;
    assert_eq!(unknown.status, 404);
    let hidden = post(
        &app,
        &format!("/api/v1/hr/feedback/threads/{id}/messages/{}/hide", answered.body["messages"][2]["id"].as_str().unwrap()),
        Some(&hoa),
        &json!({"reason": "Thử"}),
    )
    .await;
    assert_eq!((hidden.body["messages"][2]["body"].as_str(), hidden.body["messages"][2]["hidden"]["reason"].as_str()), (Some(""), Some("Thử")));
}

#[tokio::test]
async fn results_hide_small_groups_managers_see_their_department_and_members_none() {
    let (app, pool) = seeded().await;
    let (lan, minh, hoa) = (session(&pool, LAN).await, session(&pool, MINH).await, session(&pool, HOA).await);
    let october = get(&app, "/api/v1/hr/feedback/surveys/2/results?breakdown=department", &hoa).await;
    assert_eq!(october.body["total"]["respondents"], 16, "{}", october.text);
    let groups = october.body["groups"].as_array().unwrap();
    assert!(groups.iter().filter(|g| g.get("figures").is_none()).count() >= 2, "{groups:?}");
    assert_eq!(october.body["trend"].as_array().unwrap().len(), 2);
    let canteen = get(&app, "/api/v1/hr/feedback/surveys/3/results", &hoa).await;
    assert_eq!((canteen.body["responses"].as_u64(), canteen.body.get("total")), (Some(4), None));
    let minhs = get(&app, "/api/v1/hr/feedback/surveys/2/results?filter=department:2", &minh).await;
    assert_eq!(minhs.body["filter"], json!({"dimension": "department", "value": 1}));
    assert_eq!(get(&app, "/api/v1/hr/feedback/surveys/2/results", &lan).await.status, 403);
    let malformed = get(&app, "/api/v1/hr/feedback/surveys/2/results?filter=floor:3", &hoa).await;
    assert_eq!((malformed.status.as_u16(), malformed.errors()[0].0.as_str()), (422, "filter"));
}

#[tokio::test]
async fn hr_and_managers_get_the_names_their_results_are_grouped_by_and_members_do_not() {
    let (app, pool) = seeded().await;
    let (lan, minh, hoa) = (session(&pool, LAN).await, session(&pool, MINH).await, session(&pool, HOA).await);
    for cookie in [&hoa, &minh] {
        let directory = get(&app, "/api/v1/hr/feedback/directory", cookie).await;
        assert_eq!(directory.status, 200, "{}", directory.text);
        let sales = directory.body["departments"].as_array().unwrap().iter().find(|d| d["id"] == 1).cloned().unwrap();
        assert_eq!(sales["name"]["vi"], "Kinh doanh", "{sales}");
        assert!(!directory.body["sites"].as_array().unwrap().is_empty());
    }
    assert_eq!(get(&app, "/api/v1/hr/feedback/directory", &lan).await.status, 403);
}

#[tokio::test]
async fn a_vote_counts_once_and_a_vote_token_for_one_idea_does_not_count_for_another() {
    let (app, pool) = seeded().await;
    let minh = session(&pool, MINH).await;
    let board = get(&app, "/api/v1/feedback/ideas?sort=votes", &minh).await;
    let (first, second) = (board.body[0].clone(), board.body[1].clone());
    let vote = token(&app, &minh, Scope::IdeaVote { idea: first["id"].as_str().unwrap().to_owned() }).await.unwrap();
    let wrong = post(&app, "/api/v1/feedback/anonymous/votes", None, &json!({"idea": second["id"], "token": vote})).await;
    assert_eq!(wrong.errors(), vec![("token.scope".to_owned(), "token_invalid".to_owned())]);
    let counted = post(&app, "/api/v1/feedback/anonymous/votes", None, &json!({"idea": first["id"], "token": vote})).await;
    assert_eq!(counted.body["votes"].as_u64(), first["votes"].as_u64().map(|v| v + 1));
    let twice = post(&app, "/api/v1/feedback/anonymous/votes", None, &json!({"idea": first["id"], "token": vote})).await;
    assert_eq!(twice.status, 409);
}

#[tokio::test]
async fn a_malformed_answer_names_the_field_and_spends_nothing() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let november = token(&app, &lan, november_scope(&app, &lan).await).await.unwrap();
    let missing = post(&app, "/api/v1/feedback/anonymous/responses", None, &json!({"survey": NOVEMBER, "token": november})).await;
    assert_eq!((missing.status.as_u16(), missing.errors()[0].0.as_str()), (422, "answers"));
    let wrong =
        post(&app, "/api/v1/feedback/anonymous/responses", None, &json!({"survey": NOVEMBER, "token": november, "answers": [{"kind": "score", "value": 9}]}))
            .await;
    assert_eq!(wrong.errors(), vec![("answers".to_owned(), "out_of_range".to_owned())]);
    let fine = post(&app, "/api/v1/feedback/anonymous/responses", None, &json!({"survey": NOVEMBER, "token": november, "answers": answers()})).await;
    assert_eq!(fine.status, 204, "the refused attempts spent nothing: {}", fine.text);
}
