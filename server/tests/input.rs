//! What the server makes of a request body that is not quite what the API
//! says: a misspelled or unknown key, or an array where an object belongs,
//! is refused at any depth with a 422 naming the exact field, and changes
//! nothing. Without that, `{"audience":{"allOf":[…]}}` was read as an
//! audience without conditions: a restricted product open to everyone.
//!
//! Sessions are made directly in SQL, as in `store.rs`.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
mod common;

use common::{now, seeded};
use noibo_server::{auth, db};
use serde_json::{json, Value};
use sqlx::AnyPool;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

const LAN: &str = "lan.tran@noibo.example";
const HOA: &str = "hoa.nguyen@noibo.example";
/// A partner supplier: may not buy cosmetics (product 17 among them).
const AN: &str = "an.vo@noibo.example";

static KEYS: AtomicU32 = AtomicU32::new(0);

/// A session for the member with this email, as the cookie to send.
async fn session(pool: &AnyPool, email: &str) -> String {
    let id: i64 = sqlx::query_scalar("SELECT id FROM members WHERE email = $1").bind(email).fetch_one(pool).await.unwrap();
    let (token, hash) = auth::new_session_token();
    db::create_session(pool, &hash, domain::MemberId(id as u32), now().unix_millis() / 1000 + 3600).await.unwrap();
    format!("{}={token}", auth::SESSION_COOKIE)
}

/// Sends `body` as JSON, with a new `Idempotency-Key` each time (orders
/// need one); answers the status and the JSON body.
async fn send(app: &Router, method: &str, path: &str, cookie: &str, body: &str) -> (StatusCode, Value) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", format!("key-{}", KEYS.fetch_add(1, Ordering::Relaxed)))
        .body(Body::from(body.to_owned()))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// Sends `body`, expects a 422 problem, and answers the field it names.
async fn refused_field(app: &Router, method: &str, path: &str, cookie: &str, body: &Value) -> String {
    let (status, answer) = send(app, method, path, cookie, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
    assert_eq!(answer["errors"].as_array().map(Vec::len), Some(1), "{answer}");
    answer["errors"][0]["field"].as_str().unwrap().to_owned()
}

async fn get(app: &Router, path: &str, cookie: &str) -> Value {
    let request = Request::builder().uri(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

async fn stock_of(pool: &AnyPool, product: i64) -> i64 {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = $1").bind(product).fetch_one(pool).await.unwrap()
}

async fn order_count(pool: &AnyPool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM orders").fetch_one(pool).await.unwrap()
}

fn draft(audience: Value) -> Value {
    json!({
        "name": {"vi": "Son dưỡng môi", "en": "Lip balm"},
        "description": {"vi": "", "en": ""},
        "category": "cosmetics", "market_price": 60_000, "internal_price": 40_000, "stock": 10, "monthly_quota": 2,
        "audience": audience
    })
}

/// Whether the partner supplier An may order product 17.
async fn partner_may_buy_17(app: &Router, pool: &AnyPool) -> bool {
    let an = session(pool, AN).await;
    let detail = get(app, "/api/v1/store/products/17", &an).await;
    detail["eligibility"]["eligible"].as_bool().unwrap()
}

#[tokio::test]
async fn a_misspelled_audience_key_on_a_new_product_is_refused_and_nothing_is_created() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let misspelled = draft(json!({"allOf": [{"employment_type_in": ["full_time"]}]}));
    assert_eq!(refused_field(&app, "POST", "/api/v1/hr/store/products", &hoa, &misspelled).await, "audience.allOf");
    assert_eq!(get(&app, "/api/v1/hr/store/products", &hoa).await.as_array().unwrap().len(), 24, "no product was added");
}

#[tokio::test]
async fn a_misspelled_audience_key_in_an_edit_leaves_the_product_restricted() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let before = get(&app, "/api/v1/hr/store/products", &hoa).await[16].clone();
    assert_eq!(before["id"], 17);
    let misspelled = json!({"audience": {"allOf": []}, "stock": 1});
    assert_eq!(refused_field(&app, "PATCH", "/api/v1/hr/store/products/17", &hoa, &misspelled).await, "audience.allOf");
    assert_eq!(get(&app, "/api/v1/hr/store/products", &hoa).await[16], before, "neither the audience nor the stock changed");
    assert!(!partner_may_buy_17(&app, &pool).await);
    let an = session(&pool, AN).await;
    let (status, answer) =
        send(&app, "POST", "/api/v1/store/orders", &an, &json!({"lines": [{"product_id": 17, "quantity": 1}], "pickup_site_id": 3}).to_string()).await;
    assert_eq!((status, answer["errors"][0]["rule"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("eligibility")), "{answer}");
}

#[tokio::test]
async fn an_unknown_key_inside_an_audience_condition_is_refused_at_the_condition() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let two_in_one = json!({"audience": {"all_of": [{"employment_type_in": ["full_time"], "site_in": [1]}]}});
    assert_eq!(refused_field(&app, "PATCH", "/api/v1/hr/store/products/17", &hoa, &two_in_one).await, "audience.all_of[0]");
    let wrong_value = json!({"audience": {"all_of": [{"employment_type_in": ["full_time", "intern"]}]}});
    assert_eq!(refused_field(&app, "PATCH", "/api/v1/hr/store/products/17", &hoa, &wrong_value).await, "audience.all_of[0].employment_type_in[1]");
    assert!(!partner_may_buy_17(&app, &pool).await);
}

#[tokio::test]
async fn a_product_name_sent_as_a_pair_instead_of_vi_and_en_is_refused() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let pair = json!({"name": ["Cà phê", "Coffee"]});
    assert_eq!(refused_field(&app, "PATCH", "/api/v1/hr/store/products/1", &hoa, &pair).await, "name");
    let third_language = json!({"name": {"vi": "Cà phê", "en": "Coffee", "fr": "Café"}});
    assert_eq!(refused_field(&app, "PATCH", "/api/v1/hr/store/products/1", &hoa, &third_language).await, "name.fr");
    let lan = session(&pool, LAN).await;
    assert_eq!(get(&app, "/api/v1/store/products/1", &lan).await["product"]["name"]["en"], "Sen Vang ground coffee 500g");
}

#[tokio::test]
async fn an_order_line_sent_as_an_array_is_refused_and_places_nothing() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let (stock, orders) = (stock_of(&pool, 5).await, order_count(&pool).await);
    let positional = json!({"lines": [[5, 1]], "pickup_site_id": 1});
    assert_eq!(refused_field(&app, "POST", "/api/v1/store/orders", &lan, &positional).await, "lines[0]");
    assert_eq!((stock_of(&pool, 5).await, order_count(&pool).await), (stock, orders), "nothing was ordered");
}

#[tokio::test]
async fn an_unknown_key_inside_an_order_line_is_refused_at_that_key() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let (stock, orders) = (stock_of(&pool, 5).await, order_count(&pool).await);
    let camel = json!({"lines": [{"product_id": 5, "quantity": 1}, {"productId": 5, "quantity": 1}], "pickup_site_id": 1});
    assert_eq!(refused_field(&app, "POST", "/api/v1/store/orders", &lan, &camel).await, "lines[1].productId");
    let gift = json!({"lines": [{"product_id": 5, "quantity": 1, "gift_wrap": true}], "pickup_site_id": 1});
    assert_eq!(refused_field(&app, "POST", "/api/v1/store/orders", &lan, &gift).await, "lines[0].gift_wrap");
    assert_eq!((stock_of(&pool, 5).await, order_count(&pool).await), (stock, orders), "nothing was ordered");
}

#[tokio::test]
async fn a_line_without_a_quantity_is_refused_at_its_quantity() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let missing = json!({"lines": [{"product_id": 5}], "pickup_site_id": 1});
    assert_eq!(refused_field(&app, "POST", "/api/v1/store/orders", &lan, &missing).await, "lines[0].quantity");
}

#[tokio::test]
async fn an_unknown_key_or_an_array_in_an_allowance_segment_is_refused_and_the_policy_stands() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let before = get(&app, "/api/v1/hr/store/allowance-policy", &hoa).await;
    let camel = json!({"default_limit": 3_000_000, "segments": [{"segment": "new_hire", "yearly_limit": 2_000_000, "yearlyLimit": 9_000_000}]});
    assert_eq!(refused_field(&app, "PUT", "/api/v1/hr/store/allowance-policy", &hoa, &camel).await, "segments[0].yearlyLimit");
    let positional = json!({"default_limit": 3_000_000, "segments": [["new_hire", 2_000_000]]});
    assert_eq!(refused_field(&app, "PUT", "/api/v1/hr/store/allowance-policy", &hoa, &positional).await, "segments[0]");
    assert_eq!(get(&app, "/api/v1/hr/store/allowance-policy", &hoa).await, before);
}

#[tokio::test]
async fn a_number_too_large_or_negative_is_refused_at_its_field_and_never_saved_as_zero() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let mut huge = draft(json!({"all_of": []}));
    huge["stock"] = json!(99_999_999_999_u64);
    assert_eq!(refused_field(&app, "POST", "/api/v1/hr/store/products", &hoa, &huge).await, "stock");
    let mut negative = draft(json!({"all_of": []}));
    negative["market_price"] = json!(-1);
    assert_eq!(refused_field(&app, "POST", "/api/v1/hr/store/products", &hoa, &negative).await, "market_price");
    assert_eq!(get(&app, "/api/v1/hr/store/products", &hoa).await.as_array().unwrap().len(), 24, "no product was added");
    for default_limit in [json!(-1_000_000), json!(null), json!("99999999999999999999")] {
        let policy = json!({"default_limit": default_limit, "segments": []});
        assert_eq!(refused_field(&app, "PUT", "/api/v1/hr/store/allowance-policy", &hoa, &policy).await, "default_limit", "{default_limit}");
    }
    assert_eq!(get(&app, "/api/v1/hr/store/allowance-policy", &hoa).await["default_limit"], 3_000_000, "the policy stands");
}

#[tokio::test]
async fn text_with_a_nul_character_is_refused_at_its_field_on_every_database() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let mut named = draft(json!({"all_of": []}));
    named["name"]["vi"] = json!("Son\u{0}dưỡng");
    assert_eq!(refused_field(&app, "POST", "/api/v1/hr/store/products", &hoa, &named).await, "name.vi");
    assert_eq!(get(&app, "/api/v1/hr/store/products", &hoa).await.as_array().unwrap().len(), 24, "no product was added");
}
