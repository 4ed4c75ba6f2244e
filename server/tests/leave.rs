//! Leave (the benefits portal) through the reference server, in process,
//! on a database seeded with the demo company and the demo leave. Sessions
//! are made directly in SQL, as in `store.rs`.
//!
//! The clock is pinned to Friday 20 November 2026 (`NOW`). In the seed,
//! Lan (Sales, Hanoi office) reports to Minh; Quang's request 3 (24-25
//! December) waits for Minh; Hoa is HR.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
mod common;

use common::{seeded, send, session, state, Answer};
use noibo_server::{app, db, seed};
use serde_json::{json, Value};
use tower::ServiceExt;

const LAN: &str = "lan.tran@noibo.example";
const MINH: &str = "minh.le@noibo.example";
const HOA: &str = "hoa.nguyen@noibo.example";
const QUANG: &str = "quang.do@noibo.example";
const TRANG: &str = "trang.phan@noibo.example";
const TUAN: &str = "tuan.pham@noibo.example";

/// Quang's request of 24-25 December, waiting for Minh.
const QUANGS: i64 = 3;

async fn get(app: &Router, path: &str, cookie: &str) -> Answer {
    send(app, "GET", path, Some(cookie), None, None).await
}

async fn post(app: &Router, path: &str, cookie: &str, body: &Value) -> Answer {
    send(app, "POST", path, Some(cookie), None, Some(&body.to_string())).await
}

async fn ask(app: &Router, cookie: &str, key: &str, draft: &Value) -> Answer {
    send(app, "POST", "/api/v1/leave/requests", Some(cookie), Some(key), Some(&draft.to_string())).await
}

/// Annual leave (type 1) over whole days.
fn annual(from: &str, to: &str) -> Value {
    json!({"leave_type": 1, "span": {"from": from, "starts": "morning", "to": to, "ends": "afternoon"}, "reason": "nghỉ phép"})
}

fn approve() -> Value {
    json!({"approve": true})
}

/// The annual balance (type 1) in a `/leave/balances` answer.
fn annual_balance(balances: &Value) -> Value {
    balances.as_array().unwrap().iter().find(|b| b["leave_type"]["id"] == 1).unwrap()["balance"].clone()
}

// ------------------------------------------------------------- requests

#[tokio::test]
async fn lan_asks_for_friday_to_monday_and_sees_four_half_days_pending() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let before = annual_balance(&get(&app, "/api/v1/leave/balances?year=2026", &lan).await.body);
    assert_eq!(before["pending"], 0);
    let asked = ask(&app, &lan, "long-weekend", &annual("2026-11-27", "2026-11-30")).await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.text);
    assert_eq!(asked.body["request"]["working"], 4, "Friday and Monday, the weekend skipped");
    assert_eq!(asked.body["status"], "pending");
    assert_eq!(asked.body["member_name"], "Trần Thị Lan");
    assert_eq!(asked.body["approver_names"], json!(["Lê Văn Minh"]));
    let after = get(&app, "/api/v1/leave/balances", &lan).await;
    assert_eq!(after.status, StatusCode::OK);
    let balance = annual_balance(&after.body);
    assert_eq!(balance["pending"], 4);
    assert_eq!(balance["available"].as_i64().unwrap(), before["available"].as_i64().unwrap() - 4);
    let mine = get(&app, "/api/v1/leave/requests", &lan).await.body;
    let firsts: Vec<&str> = mine.as_array().unwrap().iter().map(|v| v["request"]["span"]["from"].as_str().unwrap()).collect();
    assert_eq!(firsts, ["2026-11-27", "2026-07-13", "2026-02-23"], "the latest leave first");
    let summary = get(&app, "/api/v1/leave/summary", &lan).await.body;
    assert_eq!(summary["pending"], 1);
    let id = asked.body["request"]["id"].as_i64().unwrap();
    assert_eq!(get(&app, &format!("/api/v1/leave/requests/{id}"), &lan).await.body, asked.body);
    let overlapping = ask(&app, &lan, "again", &annual("2026-11-30", "2026-12-01")).await;
    assert_eq!(overlapping.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(overlapping.errors(), [("span.from".to_owned(), "overlap".to_owned())]);
}

#[tokio::test]
async fn the_same_key_twice_makes_one_request_and_a_key_reused_for_another_is_refused() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let first = ask(&app, &lan, "retry-me", &annual("2026-12-14", "2026-12-15")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let written_differently = r#"{"reason":"nghỉ phép","span":{"ends":"afternoon","to":"2026-12-15","starts":"morning","from":"2026-12-14"},"leave_type":1}"#;
    let second = send(&app, "POST", "/api/v1/leave/requests", Some(&lan), Some("retry-me"), Some(written_differently)).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.body, first.body, "the same request, same id");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leave_requests WHERE member_id = 1").fetch_one(&pool).await.unwrap();
    assert_eq!(rows, 3, "two seeded and one new");
    let reused = ask(&app, &lan, "retry-me", &annual("2026-12-21", "2026-12-21")).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.errors(), [("Idempotency-Key".to_owned(), "key_reused".to_owned())]);
    let keyless = send(&app, "POST", "/api/v1/leave/requests", Some(&lan), None, Some(&annual("2026-12-21", "2026-12-21").to_string())).await;
    assert_eq!(keyless.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_malformed_body_is_a_problem_naming_the_field() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let mut noon = annual("2026-12-14", "2026-12-15");
    noon["span"]["starts"] = json!("noon");
    let answer = ask(&app, &lan, "noon", &noon).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(answer.body["errors"][0]["field"], "span.starts");
    let mut extra = annual("2026-12-14", "2026-12-15");
    extra["span"]["half"] = json!(true);
    assert_eq!(ask(&app, &lan, "extra", &extra).await.body["errors"][0]["field"], "span.half");
    let backwards = ask(&app, &lan, "backwards", &annual("2026-12-15", "2026-12-14")).await;
    assert_eq!(backwards.errors(), [("span.to".to_owned(), "ends_before_start".to_owned())]);
    let bad_year = get(&app, "/api/v1/leave/balances?year=1999", &lan).await;
    assert_eq!(bad_year.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_year.errors(), [("year".to_owned(), "out_of_range".to_owned())]);
    let centuries = ask(&app, &lan, "centuries", &annual("0001-01-01", "9999-12-31")).await;
    assert_eq!(
        centuries.errors(),
        [("span.from".to_owned(), "out_of_range".to_owned()), ("span.to".to_owned(), "out_of_range".to_owned())],
        "refused before counting"
    );
    assert_eq!(get(&app, "/api/v1/leave/audit", &lan).await.errors(), [("leave_type".to_owned(), "required".to_owned())]);
    let not_a_year = get(&app, "/api/v1/leave/balances?year=soon", &lan).await;
    assert_eq!((not_a_year.status, not_a_year.body["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("year")));
}

#[tokio::test]
async fn nobody_reads_or_acts_on_another_members_request() {
    let (app, pool) = seeded().await;
    let (lan, quang, minh) = (session(&pool, LAN).await, session(&pool, QUANG).await, session(&pool, MINH).await);
    let id = ask(&app, &lan, "mine", &annual("2026-12-14", "2026-12-15")).await.body["request"]["id"].as_i64().unwrap();
    let path = format!("/api/v1/leave/requests/{id}");
    assert_eq!(get(&app, &path, &quang).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &format!("{path}/withdraw"), &quang, &json!({})).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &format!("{path}/cancellation"), &quang, &json!({})).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, &path, &minh).await.status, StatusCode::OK, "her approver reads it");
    assert_eq!(get(&app, "/api/v1/leave/requests/9999", &lan).await.status, StatusCode::NOT_FOUND);
    let withdrawn = post(&app, &format!("{path}/withdraw"), &lan, &json!({})).await;
    assert_eq!((withdrawn.status, withdrawn.body["status"].clone()), (StatusCode::OK, json!("withdrawn")));
    let twice = post(&app, &format!("{path}/withdraw"), &lan, &json!({})).await;
    assert_eq!(twice.errors(), [("status".to_owned(), "transition".to_owned())]);
    assert_eq!(annual_balance(&get(&app, "/api/v1/leave/balances", &lan).await.body)["pending"], 0);
}

// -------------------------------------------------------------- approvals

#[tokio::test]
async fn an_approver_decides_only_their_own_team_and_only_once() {
    let (app, pool) = seeded().await;
    let (minh, trang, quang) = (session(&pool, MINH).await, session(&pool, TRANG).await, session(&pool, QUANG).await);
    let queue = get(&app, "/api/v1/leave/approvals", &minh).await.body;
    assert!(queue.as_array().unwrap().iter().any(|item| item["request"]["id"] == QUANGS), "{queue}");
    let path = format!("/api/v1/leave/approvals/{QUANGS}");
    assert_eq!(post(&app, &path, &trang, &approve()).await.status, StatusCode::NOT_FOUND, "not her team");
    assert_eq!(post(&app, &path, &quang, &approve()).await.status, StatusCode::NOT_FOUND, "never one's own");
    let no_reason = post(&app, &path, &minh, &json!({"approve": false})).await;
    assert_eq!(no_reason.errors(), [("comment".to_owned(), "required".to_owned())]);
    let approved = post(&app, &path, &minh, &json!({"approve": true, "comment": "OK"})).await;
    assert_eq!((approved.status, approved.body["status"].clone()), (StatusCode::OK, json!("approved")), "{}", approved.text);
    assert_eq!(approved.body["request"]["approval"]["steps"][0]["decision"]["by_name"], "Lê Văn Minh");
    let again = post(&app, &path, &minh, &json!({"approve": false, "comment": "Đổi ý"})).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.errors(), [("approve".to_owned(), "already_decided".to_owned())]);
    assert_eq!(post(&app, &path, &trang, &approve()).await.status, StatusCode::NOT_FOUND, "an outsider learns nothing more");
    assert!(!get(&app, "/api/v1/leave/approvals", &minh).await.body.as_array().unwrap().iter().any(|item| item["request"]["id"] == QUANGS));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_approvals_of_one_request_record_exactly_one() {
    // Several connections, so the requests really overlap.
    let pool = db::connect(&common::fresh_shared_database("leave-race").await).await.unwrap();
    assert!(seed::seed_demo(&pool, common::now()).await.unwrap());
    let app = app(state(pool.clone(), false), &[], None).unwrap();
    let minh = session(&pool, MINH).await;
    let racers: Vec<_> = (0..8)
        .map(|_| {
            let (app, minh) = (app.clone(), minh.clone());
            tokio::spawn(async move { post(&app, &format!("/api/v1/leave/approvals/{QUANGS}"), &minh, &approve()).await })
        })
        .collect();
    let mut answers = Vec::new();
    for racer in racers {
        answers.push(racer.await.unwrap());
    }
    let decided = answers.iter().filter(|a| a.status == StatusCode::OK).count();
    assert_eq!(decided, 1, "{:?}", answers.iter().map(|a| (a.status, a.body.clone())).collect::<Vec<_>>());
    for answer in answers.iter().filter(|a| a.status != StatusCode::OK) {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text);
        assert_eq!(answer.errors(), [("approve".to_owned(), "already_decided".to_owned())]);
    }
    let (doc, version): (String, i64) = sqlx::query_as("SELECT doc, version FROM leave_requests WHERE id = $1").bind(QUANGS).fetch_one(&pool).await.unwrap();
    let stored: Value = serde_json::from_str(&doc).unwrap();
    let decisions = stored["approval"]["steps"].as_array().unwrap().iter().filter(|s| !s["decision"].is_null()).count();
    assert_eq!((decisions, version), (1, 1));
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_asks_of_one_member_are_judged_one_after_the_other() {
    let pool = db::connect(&common::fresh_shared_database("leave-asks").await).await.unwrap();
    assert!(seed::seed_demo(&pool, common::now()).await.unwrap());
    let app = app(state(pool.clone(), false), &[], None).unwrap();
    let lan = session(&pool, LAN).await;
    let race = |keys: Vec<String>, from: &'static str, to: &'static str| {
        let racers: Vec<_> = keys
            .into_iter()
            .map(|key| {
                let (app, lan) = (app.clone(), lan.clone());
                tokio::spawn(async move { ask(&app, &lan, &key, &annual(from, to)).await })
            })
            .collect();
        async move {
            let mut answers = Vec::new();
            for racer in racers {
                answers.push(racer.await.unwrap());
            }
            answers
        }
    };
    let same_key = race(vec!["one".to_owned(); 8], "2026-12-14", "2026-12-15").await;
    assert!(same_key.iter().all(|a| a.status == StatusCode::CREATED), "{:?}", same_key.iter().map(|a| &a.text).collect::<Vec<_>>());
    assert!(same_key.iter().all(|a| a.body == same_key[0].body), "one request, answered eight times");
    let other_keys = race((0..8).map(|n| format!("other-{n}")).collect(), "2026-12-21", "2026-12-22").await;
    let made = other_keys.iter().filter(|a| a.status == StatusCode::CREATED).count();
    assert_eq!(made, 1, "{:?}", other_keys.iter().map(|a| &a.text).collect::<Vec<_>>());
    for answer in other_keys.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(answer.errors(), [("span.from".to_owned(), "overlap".to_owned())], "{}", answer.text);
    }
    for from in ["2026-12-14", "2026-12-21"] {
        let rows: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM leave_requests WHERE member_id = 1 AND from_date = $1").bind(from).fetch_one(&pool).await.unwrap();
        assert_eq!(rows, 1, "{from}");
    }
    pool.close().await;
}

#[tokio::test]
async fn an_approved_leave_is_cancelled_by_the_same_approver() {
    let (app, pool) = seeded().await;
    let (lan, minh) = (session(&pool, LAN).await, session(&pool, MINH).await);
    let id = ask(&app, &lan, "december", &annual("2026-12-14", "2026-12-15")).await.body["request"]["id"].as_i64().unwrap();
    let cancel = format!("/api/v1/leave/requests/{id}/cancellation");
    assert_eq!(post(&app, &cancel, &lan, &json!({})).await.errors(), [("status".to_owned(), "transition".to_owned())], "not approved yet");
    assert_eq!(post(&app, &format!("/api/v1/leave/approvals/{id}"), &minh, &approve()).await.status, StatusCode::OK);
    let asked = post(&app, &cancel, &lan, &json!({})).await;
    assert_eq!((asked.status, asked.body["status"].clone()), (StatusCode::OK, json!("cancellation_pending")), "{}", asked.text);
    let queue = get(&app, "/api/v1/leave/approvals", &minh).await.body;
    assert!(queue.as_array().unwrap().iter().any(|item| item["request"]["id"] == id));
    let cancelled = post(&app, &format!("/api/v1/leave/approvals/{id}"), &minh, &approve()).await;
    assert_eq!(cancelled.body["status"], "cancelled");
    let audit = get(&app, "/api/v1/leave/audit?leave_type=1&year=2026", &lan).await.body;
    let changes: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["change"].as_str().unwrap()).collect();
    assert_eq!(changes, ["requested", "requested", "requested", "cancelled"]);
}

#[tokio::test]
async fn a_delegate_decides_on_behalf_of_the_approver() {
    let (app, pool) = seeded().await;
    let (lan, minh, trang) = (session(&pool, LAN).await, session(&pool, MINH).await, session(&pool, TRANG).await);
    let draft = json!({"delegate": 17, "period": {"from": "2026-11-20", "to": "2026-11-30"}});
    let given = post(&app, "/api/v1/leave/delegations", &minh, &draft).await;
    assert_eq!(given.status, StatusCode::CREATED, "{}", given.text);
    assert!(given.body["id"].as_i64().unwrap() > 1, "numbered after the seeded one");
    let overlapping = post(&app, "/api/v1/leave/delegations", &minh, &draft).await;
    assert_eq!(overlapping.errors(), [("period.from".to_owned(), "overlap".to_owned())]);
    assert_eq!(get(&app, "/api/v1/leave/delegations", &minh).await.body.as_array().unwrap().len(), 1);
    assert_eq!(
        post(&app, "/api/v1/leave/delegations", &lan, &json!({"delegate": 2, "period": {"from": "2026-11-20", "to": "2026-11-30"}})).await.status,
        StatusCode::FORBIDDEN,
        "Lan approves nobody"
    );
    let decided = post(&app, &format!("/api/v1/leave/approvals/{QUANGS}"), &trang, &approve()).await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text);
    assert_eq!(decided.body["request"]["approval"]["steps"][0]["decision"]["on_behalf_of"], json!([2, "Lê Văn Minh"]));
}

// ------------------------------------------------------- calendars, reports

#[tokio::test]
async fn the_team_calendar_is_for_managers_and_hr() {
    let (app, pool) = seeded().await;
    let (lan, minh, hoa) = (session(&pool, LAN).await, session(&pool, MINH).await, session(&pool, HOA).await);
    assert_eq!(get(&app, "/api/v1/leave/team-calendar", &lan).await.status, StatusCode::FORBIDDEN);
    let team = get(&app, "/api/v1/leave/team-calendar?day=2026-12-01", &minh).await;
    assert_eq!(team.status, StatusCode::OK);
    assert_eq!(team.body["month"], json!({"from": "2026-12-01", "to": "2026-12-31"}));
    let quang = team.body["rows"].as_array().unwrap().iter().find(|r| r["name"] == "Đỗ Nhật Quang").unwrap();
    assert_eq!(quang["absences"][0]["pending"], true);
    let sales = get(&app, "/api/v1/leave/team-calendar?department=1", &hoa).await;
    assert_eq!((sales.status, sales.body["department"].clone()), (StatusCode::OK, json!(1)));
}

#[tokio::test]
async fn the_work_calendar_is_the_members_site() {
    let (app, pool) = seeded().await;
    let (lan, tuan) = (session(&pool, LAN).await, session(&pool, TUAN).await);
    let office = get(&app, "/api/v1/leave/work-calendar?from=2026&to=2027", &lan).await;
    assert_eq!((office.status, office.body["work_week"].clone()), (StatusCode::OK, json!("monday_to_friday")));
    assert!(office.body["holidays"].as_array().unwrap().iter().any(|h| h["date"] == "2027-01-01"));
    assert_eq!(get(&app, "/api/v1/leave/work-calendar", &tuan).await.body["work_week"], "monday_to_saturday");
    assert_eq!(get(&app, "/api/v1/leave/work-calendar?from=2027&to=2026", &lan).await.errors(), [("to".to_owned(), "ends_before_start".to_owned())]);
    assert_eq!(get(&app, "/api/v1/leave/work-calendar?from=2026&to=2030", &lan).await.errors(), [("to".to_owned(), "out_of_range".to_owned())]);
}

// --------------------------------------------------------------------- HR

#[tokio::test]
async fn hr_routes_answer_403_to_a_member() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    for path in [
        "/api/v1/hr/leave/requests",
        "/api/v1/hr/leave/requests.csv",
        "/api/v1/hr/leave/types",
        "/api/v1/hr/leave/holidays/2026",
        "/api/v1/hr/leave/allocations",
        "/api/v1/hr/leave/audit/1?leave_type=1",
    ] {
        let answer = get(&app, path, &lan).await;
        assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::FORBIDDEN, "application/problem+json"), "{path}");
    }
    let adjust = post(&app, "/api/v1/hr/leave/allocations/1/adjustments", &lan, &json!({"leave_type": 1, "year": 2026, "days": 2, "reason": "x"})).await;
    assert_eq!(adjust.status, StatusCode::FORBIDDEN);
    let anonymous = Request::builder().uri("/api/v1/hr/leave/types").body(Body::empty()).unwrap();
    assert_eq!(app.clone().oneshot(anonymous).await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn hr_lists_and_exports_every_request() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let all = get(&app, "/api/v1/hr/leave/requests", &hoa).await;
    assert_eq!(all.body.as_array().unwrap().len(), 9);
    let pending = get(&app, "/api/v1/hr/leave/requests?status=pending&department=1", &hoa).await.body;
    let ids: Vec<i64> = pending.as_array().unwrap().iter().map(|v| v["request"]["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [4, 3], "Sales' pending requests, the latest leave first");
    let december = get(&app, "/api/v1/hr/leave/requests?from=2026-12-01&to=2026-12-31", &hoa).await.body;
    assert_eq!(december.as_array().unwrap().len(), 3);
    let csv = get(&app, "/api/v1/hr/leave/requests.csv?lang=vi", &hoa).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert!(csv.disposition.starts_with("attachment"), "{}", csv.disposition);
    assert!(
        csv.text.starts_with("\u{feff}Mã đơn,Nhân viên,Phòng ban,Nơi làm việc,Loại nghỉ,Có lương,Từ ngày,Đến ngày,Ngày làm việc,Trạng thái"),
        "{}",
        csv.text
    );
    assert!(csv.text.contains("Chờ duyệt"));
    let english = get(&app, "/api/v1/hr/leave/requests.csv?lang=en&status=pending", &hoa).await;
    assert!(english.text.starts_with("\u{feff}Request,Member,"));
    assert_eq!(english.text.lines().count(), 1 + 3, "the header and three pending requests");
}

#[tokio::test]
async fn hr_adjusts_a_balance_with_a_reason_and_it_shows_in_the_audit_trail() {
    let (app, pool) = seeded().await;
    let (hoa, lan) = (session(&pool, HOA).await, session(&pool, LAN).await);
    let before = annual_balance(&get(&app, "/api/v1/leave/balances", &lan).await.body);
    let path = "/api/v1/hr/leave/allocations/1/adjustments";
    let no_reason = post(&app, path, &hoa, &json!({"leave_type": 1, "year": 2026, "days": 2, "reason": " "})).await;
    assert_eq!(no_reason.errors(), [("reason".to_owned(), "required".to_owned())]);
    for days in [i64::MAX, i64::MIN, 61, 0] {
        let refused = post(&app, path, &hoa, &json!({"leave_type": 1, "year": 2026, "days": days, "reason": "x"})).await;
        assert_eq!(refused.errors(), [("days".to_owned(), "out_of_range".to_owned())], "{days}");
    }
    let adjusted = post(&app, path, &hoa, &json!({"leave_type": 1, "year": 2026, "days": 2, "reason": "Trực Tết"})).await;
    assert_eq!(adjusted.status, StatusCode::OK, "{}", adjusted.text);
    assert_eq!(adjusted.body["carried"], 6, "the seeded three carried days kept");
    assert_eq!(adjusted.body["adjustments"][0]["by_name"], "Nguyễn Thị Hoa");
    let after = annual_balance(&get(&app, "/api/v1/leave/balances", &lan).await.body);
    assert_eq!(after["available"].as_i64().unwrap(), before["available"].as_i64().unwrap() + 2);
    let trail = get(&app, "/api/v1/hr/leave/audit/1?leave_type=1&year=2026", &hoa).await.body;
    assert!(trail.as_array().unwrap().iter().any(|e| e["change"] == "adjusted" && e["reason"] == "Trực Tết"), "{trail}");
    assert_eq!(get(&app, "/api/v1/leave/audit?leave_type=1", &lan).await.body, trail, "Lan reads the same trail");
    assert_eq!(
        post(&app, "/api/v1/hr/leave/allocations/999/adjustments", &hoa, &json!({"leave_type": 1, "year": 2026, "days": 2, "reason": "x"})).await.status,
        StatusCode::NOT_FOUND
    );
    let everyone = get(&app, "/api/v1/hr/leave/allocations?year=2026", &hoa).await.body;
    let lans = everyone.as_array().unwrap().iter().find(|a| a["member"] == 1).unwrap();
    assert_eq!(lans["balance"]["adjusted"], 2);
}

#[tokio::test]
async fn hr_edits_leave_types_and_confirms_a_years_holidays() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let types = get(&app, "/api/v1/hr/leave/types", &hoa).await.body;
    assert_eq!(types.as_array().unwrap().len(), 6);
    let mut marriage = types[1].clone();
    marriage["back_dating_days"] = json!(30);
    let saved = send(&app, "PUT", "/api/v1/hr/leave/types/2", Some(&hoa), None, Some(&marriage.to_string())).await;
    assert_eq!((saved.status, saved.body.clone()), (StatusCode::OK, marriage.clone()));
    assert_eq!(get(&app, "/api/v1/hr/leave/types", &hoa).await.body[1]["back_dating_days"], 30);
    assert_eq!(send(&app, "PUT", "/api/v1/hr/leave/types/3", Some(&hoa), None, Some(&marriage.to_string())).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    marriage["name"]["vi"] = json!("");
    assert_eq!(
        send(&app, "PUT", "/api/v1/hr/leave/types/2", Some(&hoa), None, Some(&marriage.to_string())).await.errors(),
        [("name.vi".to_owned(), "required".to_owned())]
    );
    marriage["id"] = json!(99);
    marriage["name"]["vi"] = json!("Kết hôn");
    assert_eq!(send(&app, "PUT", "/api/v1/hr/leave/types/99", Some(&hoa), None, Some(&marriage.to_string())).await.status, StatusCode::NOT_FOUND);

    let proposed = get(&app, "/api/v1/hr/leave/holidays/2028", &hoa).await;
    assert_eq!((proposed.status, proposed.body["confirmed"].clone()), (StatusCode::OK, json!(false)));
    let confirmed = send(&app, "PUT", "/api/v1/hr/leave/holidays/2028", Some(&hoa), None, Some(&proposed.body.to_string())).await;
    assert_eq!((confirmed.status, confirmed.body["confirmed"].clone()), (StatusCode::OK, json!(true)), "{}", confirmed.text);
    assert_eq!(get(&app, "/api/v1/hr/leave/holidays/2028", &hoa).await.body, confirmed.body);
    let mut short = proposed.body.clone();
    short["holidays"].as_array_mut().unwrap().pop();
    assert_eq!(send(&app, "PUT", "/api/v1/hr/leave/holidays/2028", Some(&hoa), None, Some(&short.to_string())).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(get(&app, "/api/v1/hr/leave/holidays/1999", &hoa).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}
