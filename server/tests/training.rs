//! Training through the reference server, in process, on a database seeded
//! with the demo company and its training. The clock is pinned to Friday
//! 20 November 2026 (`NOW`), so the seed's sessions and events fall around
//! it: the Hanoi sales session (2) is full, ten days ahead.

mod common;

use axum::http::StatusCode;
use axum::Router;
use common::{seeded, send, session, state, Answer};
use noibo_server::{app, db, seed};
use serde_json::{json, Value};
use sqlx::AnyPool;
use std::collections::BTreeSet;

const LAN: &str = "lan.tran@noibo.example";
const KHOA: &str = "khoa.dang@noibo.example";
const TUAN: &str = "tuan.pham@noibo.example";
const HOA: &str = "hoa.nguyen@noibo.example";
const MINH: &str = "minh.le@noibo.example";
/// Food safety: three lessons (4, 5, 6) and a quiz, for the factory floor.
const FOOD_SAFETY: u32 = 2;
/// Sales skills in Hanoi, ten days ahead: four seats, all taken.
const FULL_SALES_SESSION: u32 = 2;

async fn get(app: &Router, path: &str, cookie: &str) -> Answer {
    send(app, "GET", path, Some(cookie), None, None).await
}

async fn post(app: &Router, path: &str, cookie: &str, body: &Value) -> Answer {
    send(app, "POST", path, Some(cookie), None, Some(&body.to_string())).await
}

async fn enrol(app: &Router, cookie: &str, key: &str, session: u32) -> Answer {
    send(app, "POST", "/api/v1/training/enrolments", Some(cookie), Some(key), Some(&json!({"session": session}).to_string())).await
}

fn text(vi: &str, en: &str) -> Value {
    json!({"vi": vi, "en": en})
}

/// Every key anywhere in a JSON value.
fn keys(value: &Value) -> BTreeSet<String> {
    match value {
        Value::Object(map) => map.iter().flat_map(|(k, v)| std::iter::once(k.clone()).chain(keys(v))).collect(),
        Value::Array(items) => items.iter().flat_map(keys).collect(),
        _ => BTreeSet::new(),
    }
}

/// The quiz's right answers, as HR sees them.
async fn right_answers(app: &Router, hr: &str, course: u32) -> Vec<u8> {
    let catalogue = get(app, "/api/v1/hr/training/catalogue", hr).await;
    let course = catalogue.body["courses"].as_array().unwrap().iter().find(|c| c["course"]["id"] == course).unwrap().clone();
    course["quiz"]["questions"].as_array().unwrap().iter().map(|q| q["correct"].as_u64().unwrap() as u8).collect()
}

#[tokio::test]
async fn tuan_completes_food_safety_fails_then_passes_and_anyone_can_verify_his_certificate() {
    let (app, pool) = seeded().await;
    let (tuan, hoa) = (session(&pool, TUAN).await, session(&pool, HOA).await);
    let catalogue = get(&app, "/api/v1/training/courses?for_you=true", &tuan).await;
    assert_eq!(catalogue.status, StatusCode::OK, "{}", catalogue.text);
    assert!(catalogue.body.as_array().unwrap().iter().any(|e| e["course"]["id"] == FOOD_SAFETY && e["for_you"] == true), "food safety is for him");

    let early = post(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}/attempts"), &tuan, &Value::Null).await;
    assert_eq!(early.errors(), [("course".to_owned(), "lessons_first".to_owned())], "the quiz waits for the lessons");
    for lesson in [4, 5, 6] {
        let step = post(&app, &format!("/api/v1/training/lessons/{lesson}/complete"), &tuan, &Value::Null).await;
        assert_eq!(step.status, StatusCode::OK, "{}", step.text);
    }
    let right = right_answers(&app, &hoa, FOOD_SAFETY).await;
    let wrong: Vec<u8> = right.iter().map(|a| if *a == 0 { 1 } else { 0 }).collect();

    let first = post(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}/attempts"), &tuan, &Value::Null).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let failed = post(&app, &format!("/api/v1/training/attempts/{}/submit", first.body["attempt"]["id"]), &tuan, &json!({"answers": wrong})).await;
    assert_eq!(failed.body["attempt"]["submitted"]["grade"]["passed"], false, "{}", failed.text);
    assert_eq!(failed.body["attempt"]["submitted"]["grade"]["wrong"].as_array().unwrap().len(), right.len(), "every wrong answer is named");
    assert!(failed.body.get("certificate").is_none());

    let second = post(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}/attempts"), &tuan, &Value::Null).await;
    assert_ne!(second.body["attempt"]["id"], first.body["attempt"]["id"], "a new attempt");
    let passed = post(&app, &format!("/api/v1/training/attempts/{}/submit", second.body["attempt"]["id"]), &tuan, &json!({"answers": right})).await;
    assert_eq!(passed.body["attempt"]["submitted"]["grade"]["passed"], true, "{}", passed.text);
    let code = passed.body["certificate"]["code"].as_str().expect("the pass completes the course: a certificate").to_owned();
    assert_eq!(passed.body["certificate"]["expires_on"], "2027-11-20", "renewed every 12 months");

    let mine = get(&app, "/api/v1/training/certificates", &tuan).await;
    assert_eq!(mine.body[0]["code"], code.as_str());

    // Signed out, typed in lowercase without dashes.
    let typed = code.replace('-', "").to_lowercase();
    let check = send(&app, "GET", &format!("/api/v1/certificates/{typed}"), None, None, None).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.text);
    assert_eq!(keys(&check.body), BTreeSet::from(["name", "course", "issued_on", "status", "vi", "en"].map(String::from)), "four facts, nothing else");
    assert_eq!((check.body["name"].as_str(), check.body["status"].as_str()), (Some("Phạm Văn Tuấn"), Some("valid")));

    let revoked = post(&app, &format!("/api/v1/hr/training/certificates/{code}/revoke"), &hoa, &json!({"reason": "Thi hộ"})).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.text);
    let again = post(&app, &format!("/api/v1/hr/training/certificates/{code}/revoke"), &hoa, &json!({"reason": "Thi hộ"})).await;
    assert_eq!(again.errors(), [("code".to_owned(), "already_revoked".to_owned())]);
    let check = send(&app, "GET", &format!("/api/v1/certificates/{code}"), None, None, None).await;
    assert_eq!(check.body["status"], "revoked");
    assert!(!check.text.contains("Thi hộ"), "the reason stays with HR");
    assert_eq!(send(&app, "GET", "/api/v1/certificates/0000-0000-0000", None, None, None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn quiz_answers_are_in_no_member_response_before_submission() {
    let (app, pool) = seeded().await;
    let tuan = session(&pool, TUAN).await;
    for lesson in [4, 5, 6] {
        post(&app, &format!("/api/v1/training/lessons/{lesson}/complete"), &tuan, &Value::Null).await;
    }
    let answers = [
        get(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}"), &tuan).await,
        get(&app, "/api/v1/training/courses", &tuan).await,
        get(&app, "/api/v1/training/home", &tuan).await,
        post(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}/attempts"), &tuan, &Value::Null).await,
    ];
    assert!(answers[0].body["quiz"]["questions"].as_array().is_some_and(|q| !q.is_empty()), "the questions are there: {}", answers[0].text);
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        assert!(!keys(&answer.body).contains("correct"), "no answer key in {}", answer.text);
    }
}

#[tokio::test]
async fn a_member_cannot_touch_another_members_attempt_or_enrolment() {
    let (app, pool) = seeded().await;
    let (tuan, lan, khoa) = (session(&pool, TUAN).await, session(&pool, LAN).await, session(&pool, KHOA).await);
    for lesson in [4, 5, 6] {
        post(&app, &format!("/api/v1/training/lessons/{lesson}/complete"), &tuan, &Value::Null).await;
    }
    let attempt = post(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}/attempts"), &tuan, &Value::Null).await;
    let theirs = post(&app, &format!("/api/v1/training/attempts/{}/submit", attempt.body["attempt"]["id"]), &lan, &json!({"answers": [0, 0, 0]})).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{}", theirs.text);
    let detail = get(&app, &format!("/api/v1/training/courses/{FOOD_SAFETY}"), &lan).await;
    assert_eq!(detail.body["progress"]["percent"], 0, "Lan sees her own progress, not Tuấn's");

    let khoas = get(&app, "/api/v1/training/courses/3", &khoa).await;
    let session_view = khoas.body["sessions"].as_array().unwrap().iter().find(|s| s["session"]["id"] == FULL_SALES_SESSION).unwrap().clone();
    let enrolment = session_view["mine"]["enrolment"]["id"].as_u64().expect("Khoa holds a seat");
    let cancel = send(&app, "DELETE", &format!("/api/v1/training/enrolments/{enrolment}"), Some(&lan), None, None).await;
    assert_eq!(cancel.status, StatusCode::NOT_FOUND, "{}", cancel.text);
    let completion = get(&app, "/api/v1/hr/training/completion", &tuan).await;
    assert_eq!(completion.status, StatusCode::FORBIDDEN, "a staff member sees no one's progress");
}

#[tokio::test]
async fn a_full_session_puts_lan_on_the_waitlist_and_a_cancel_seats_her() {
    let (app, pool) = seeded().await;
    let (lan, khoa, hoa) = (session(&pool, LAN).await, session(&pool, KHOA).await, session(&pool, HOA).await);
    let waiting = enrol(&app, &lan, "lan-1", FULL_SALES_SESSION).await;
    assert_eq!(waiting.status, StatusCode::CREATED, "{}", waiting.text);
    assert_eq!(waiting.body["place"], json!({"status": "waiting", "position": 1}));
    let retried = enrol(&app, &lan, "lan-1", FULL_SALES_SESSION).await;
    assert_eq!(retried.body, waiting.body, "a retried enrolment is the same one");
    let reused = enrol(&app, &lan, "lan-1", 3).await;
    assert_eq!(reused.errors(), [("Idempotency-Key".to_owned(), "key_reused".to_owned())]);
    let twice = enrol(&app, &lan, "lan-2", FULL_SALES_SESSION).await;
    assert_eq!(twice.errors(), [("session".to_owned(), "already_enrolled".to_owned())]);

    let course = get(&app, "/api/v1/training/courses/3", &khoa).await;
    let mine = course.body["sessions"].as_array().unwrap().iter().find(|s| s["session"]["id"] == FULL_SALES_SESSION).unwrap()["mine"].clone();
    let cancel = send(&app, "DELETE", &format!("/api/v1/training/enrolments/{}", mine["enrolment"]["id"]), Some(&khoa), None, None).await;
    assert_eq!(cancel.status, StatusCode::NO_CONTENT, "{}", cancel.text);

    let home = get(&app, "/api/v1/training/home", &lan).await;
    assert_eq!(home.body["promotions"][0]["session"], FULL_SALES_SESSION, "her home says a seat came free: {}", home.text);
    let roster = get(&app, &format!("/api/v1/hr/training/sessions/{FULL_SALES_SESSION}/roster"), &hoa).await;
    let names: Vec<&str> = roster.body["enrolled"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Trần Thị Lan") && !names.iter().any(|n| n.contains("Khoa")), "{names:?}");
    assert!(roster.body["waiting"].as_array().unwrap().is_empty());
}

/// A classroom course for everyone with one session of `capacity` seats,
/// made by HR; the session's id.
async fn open_session(app: &Router, hr: &str, capacity: u32) -> u64 {
    let course = json!({"title": text("Sơ cứu", "First aid"), "summary": text("Một buổi", "One session"), "topic": "safety", "format": "classroom"});
    let course = post(app, "/api/v1/hr/training/courses", hr, &course).await;
    assert_eq!(course.status, StatusCode::CREATED, "{}", course.text);
    let session = json!({
        "course": course.body["id"], "site": 1, "room": "Phòng 1",
        "starts": "2026-12-10T08:30:00+07:00", "ends": "2026-12-10T11:30:00+07:00",
        "capacity": capacity, "cancel_until": "2026-12-08T17:00:00+07:00"
    });
    let session = post(app, "/api/v1/hr/training/sessions", hr, &session).await;
    assert_eq!(session.status, StatusCode::CREATED, "{}", session.text);
    session.body["id"].as_u64().unwrap()
}

async fn emails(pool: &AnyPool, count: usize, except: &str) -> Vec<String> {
    let all: Vec<String> = sqlx::query_scalar("SELECT email FROM members WHERE email <> $1 ORDER BY id").bind(except).fetch_all(pool).await.unwrap();
    all.into_iter().take(count).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_members_racing_for_the_last_seat_give_one_seat_and_nineteen_places_in_arrival_order() {
    // Several connections, so the requests really overlap.
    let pool = db::connect(&common::fresh_shared_database("training-race").await).await.unwrap();
    assert!(seed::seed_demo(&pool, common::now()).await.unwrap());
    let app = app(state(pool.clone(), false), &[], None).unwrap();
    let hoa = session(&pool, HOA).await;
    let session_id = open_session(&app, &hoa, 2).await as u32;
    assert_eq!(enrol(&app, &session(&pool, MINH).await, "first", session_id).await.body["place"]["status"], "enrolled");

    let mut cookies = Vec::new();
    for email in emails(&pool, 20, MINH).await {
        cookies.push(session(&pool, &email).await);
    }
    let racers: Vec<_> = cookies
        .into_iter()
        .map(|cookie| {
            let app = app.clone();
            tokio::spawn(async move { enrol(&app, &cookie, "race", session_id).await })
        })
        .collect();
    let mut answers = Vec::new();
    for racer in racers {
        answers.push(racer.await.unwrap());
    }
    assert!(answers.iter().all(|a| a.status == StatusCode::CREATED), "{:?}", answers.iter().map(|a| &a.text).collect::<Vec<_>>());
    let seated = answers.iter().filter(|a| a.body["place"]["status"] == "enrolled").count();
    assert_eq!(seated, 1, "exactly one gets the last seat");
    // Places 1..=19, each once, in the order the enrolments were numbered.
    let mut waiting: Vec<(u64, u64)> = answers
        .iter()
        .filter(|a| a.body["place"]["status"] == "waiting")
        .map(|a| (a.body["enrolment"]["id"].as_u64().unwrap(), a.body["place"]["position"].as_u64().unwrap()))
        .collect();
    waiting.sort();
    assert_eq!(waiting.iter().map(|(_, position)| *position).collect::<Vec<_>>(), (1..=19).collect::<Vec<_>>());

    let roster = get(&app, &format!("/api/v1/hr/training/sessions/{session_id}/roster"), &hoa).await;
    assert_eq!((roster.body["enrolled"].as_array().unwrap().len(), roster.body["waiting"].as_array().unwrap().len()), (2, 19));
    let order: Vec<u64> = roster.body["waiting"].as_array().unwrap().iter().map(|e| e["enrolment"]["id"].as_u64().unwrap()).collect();
    assert_eq!(order, waiting.iter().map(|(id, _)| *id).collect::<Vec<_>>(), "HR's waitlist is the same order");
    pool.close().await;
}

#[tokio::test]
async fn an_events_invitation_updates_calendars_when_hr_changes_or_cancels_it() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let ics = get(&app, "/api/v1/training/events/1/calendar.ics?lang=en", &lan).await;
    assert_eq!(ics.status, StatusCode::OK, "{}", ics.text);
    assert!(ics.content_type.starts_with("text/calendar"), "{}", ics.content_type);
    assert!(ics.disposition.starts_with("attachment"));
    assert!(ics.text.contains("UID:training-event-1@noibo.example") && ics.text.contains("SEQUENCE:0"), "{}", ics.text);

    let mut event = get(&app, "/api/v1/hr/training/catalogue", &hoa).await.body["events"][0].clone();
    for key in ["id", "organiser", "sequence", "cancelled", "updated_at"] {
        event.as_object_mut().unwrap().remove(key);
    }
    event["place"] = json!("Hội trường tầng 3");
    let changed = send(&app, "PUT", "/api/v1/hr/training/events/1", Some(&hoa), None, Some(&event.to_string())).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let ics = get(&app, "/api/v1/training/events/1/calendar.ics", &lan).await;
    assert!(ics.text.contains("SEQUENCE:1") && ics.text.contains("Hội trường tầng 3"), "{}", ics.text);

    let cancelled = post(&app, "/api/v1/hr/training/events/1/cancel", &hoa, &Value::Null).await;
    assert_eq!(cancelled.body["sequence"], 2, "{}", cancelled.text);
    let ics = get(&app, "/api/v1/training/events/1/calendar.ics", &lan).await;
    assert!(ics.text.contains("STATUS:CANCELLED") && ics.text.contains("UID:training-event-1@noibo.example"), "{}", ics.text);
    let rsvp = send(&app, "PUT", "/api/v1/training/events/1/rsvp", Some(&lan), None, Some(r#"{"answer":"going"}"#)).await;
    assert_eq!(rsvp.errors(), [("answer".to_owned(), "event_cancelled".to_owned())]);
}

#[tokio::test]
async fn hr_writes_are_refused_at_their_fields_and_to_anyone_but_hr() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let course = json!({"title": text("", "First aid"), "summary": text("x", "x"), "topic": "safety", "format": "self_paced"});
    assert_eq!(post(&app, "/api/v1/hr/training/courses", &lan, &course).await.status, StatusCode::FORBIDDEN);
    let refused = post(&app, "/api/v1/hr/training/courses", &hoa, &course).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    assert!(refused.errors().iter().any(|(field, _)| field == "title.vi"), "{:?}", refused.errors());
    let lesson = json!({"course": 999, "position": 1, "title": text("a", "a"), "body": text("b", "b"), "links": [], "minutes": 5});
    let unknown = post(&app, "/api/v1/hr/training/lessons", &hoa, &lesson).await;
    assert!(unknown.errors().contains(&("course".to_owned(), "unknown_course".to_owned())), "{}", unknown.text);
    let nowhere = send(&app, "PUT", "/api/v1/hr/training/courses/999", Some(&hoa), None, Some(&course.to_string())).await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND, "an unknown course before its draft, as the demo backend answers: {}", nowhere.text);
    let csv = get(&app, "/api/v1/hr/training/completions.csv?lang=en", &hoa).await;
    assert!(csv.content_type.starts_with("text/csv") && csv.disposition.contains("training-completions.csv"), "{csv:?}");
    assert_eq!(get(&app, "/api/v1/hr/training/enrolments.csv", &lan).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn only_hr_lists_certificates_with_their_status_by_course_or_status() {
    let (app, pool) = seeded().await;
    let (lan, minh, hoa) = (session(&pool, LAN).await, session(&pool, MINH).await, session(&pool, HOA).await);
    for member in [&lan, &minh] {
        assert_eq!(get(&app, "/api/v1/hr/training/certificates", member).await.status, StatusCode::FORBIDDEN, "a member and a manager are refused");
    }
    let all = get(&app, "/api/v1/hr/training/certificates", &hoa).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    let all = all.body.as_array().unwrap().clone();
    assert!(!all.is_empty() && all.iter().all(|c| c["status"] == "valid" || c["status"] == "expired"), "{all:?}");
    let code = all[0]["certificate"]["code"].as_str().unwrap().to_owned();
    let revoked = post(&app, &format!("/api/v1/hr/training/certificates/{code}/revoke"), &hoa, &json!({"reason": "Thi hộ"})).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.text);
    let listed = get(&app, "/api/v1/hr/training/certificates?status=revoked", &hoa).await;
    let codes: Vec<&str> = listed.body.as_array().unwrap().iter().map(|c| c["certificate"]["code"].as_str().unwrap()).collect();
    assert_eq!(codes, [code.as_str()]);
    let course = all[0]["certificate"]["course"].as_u64().unwrap();
    let of_course = get(&app, &format!("/api/v1/hr/training/certificates?course={course}"), &hoa).await;
    assert!(of_course.body.as_array().unwrap().iter().all(|c| c["certificate"]["course"] == course), "{}", of_course.text);
    let wrong = get(&app, "/api/v1/hr/training/certificates?status=lost", &hoa).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.text);
}

#[tokio::test]
async fn sessions_name_their_site_for_members_and_hr_picks_from_the_companys_sites() {
    let (app, pool) = seeded().await;
    let (khoa, hoa) = (session(&pool, KHOA).await, session(&pool, HOA).await);
    let course = get(&app, "/api/v1/training/courses/3", &khoa).await;
    let sessions = course.body["sessions"].as_array().unwrap();
    assert!(sessions.iter().all(|s| s["site_name"]["vi"].as_str().is_some_and(|n| !n.is_empty())), "{}", course.text);
    let roster = get(&app, &format!("/api/v1/hr/training/sessions/{FULL_SALES_SESSION}/roster"), &hoa).await;
    assert_eq!(roster.body["site_name"]["en"], "Hanoi head office", "{}", roster.text);
    let catalogue = get(&app, "/api/v1/hr/training/catalogue", &hoa).await;
    let sites: Vec<&str> = catalogue.body["directory"]["sites"].as_array().unwrap().iter().map(|s| s["name"]["en"].as_str().unwrap()).collect();
    assert_eq!(sites, ["Hanoi head office", "Binh Duong factory", "Ho Chi Minh City branch"]);
}

#[tokio::test]
async fn certificate_checks_beyond_the_servers_budget_wait() {
    let (app, _pool) = seeded().await;
    let answers: Vec<StatusCode> = {
        let mut statuses = Vec::new();
        for _ in 0..200 {
            statuses.push(send(&app, "GET", "/api/v1/certificates/0000-0000-0000", None, None, None).await.status);
        }
        statuses
    };
    assert_eq!(answers[0], StatusCode::NOT_FOUND);
    assert!(answers.contains(&StatusCode::TOO_MANY_REQUESTS), "a script is slowed down");
}
