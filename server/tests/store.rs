//! The internal store through the reference server, in process, on a
//! database seeded with the demo company and the demo store. Sessions are
//! made directly in SQL: argon2 sign-in is slow in debug builds, and
//! `api.rs` covers signing in.
//!
//! The clock is pinned to 20 November 2026 (`NOW`); the seeded orders
//! were placed and collected in October 2026.

use axum::http::StatusCode;
use axum::Router;
use noibo_server::portals::store::db as store_db;
mod common;

use common::{now, seeded, send, session, state, Answer};
use noibo_server::{app, db, seed};
use serde_json::{json, Value};
use sqlx::AnyPool;

const LAN: &str = "lan.tran@noibo.example";
const MINH: &str = "minh.le@noibo.example";
const HOA: &str = "hoa.nguyen@noibo.example";
const TUAN: &str = "tuan.pham@noibo.example";
const AN: &str = "an.vo@noibo.example";

async fn get(app: &Router, path: &str, cookie: &str) -> Answer {
    send(app, "GET", path, Some(cookie), None, None).await
}

async fn order(app: &Router, cookie: &str, key: &str, body: &Value) -> Answer {
    send(app, "POST", "/api/v1/store/orders", Some(cookie), Some(key), Some(&body.to_string())).await
}

fn one_line(product: u32, quantity: i64, site: u32) -> Value {
    json!({"lines": [{"product_id": product, "quantity": quantity}], "pickup_site_id": site})
}

async fn stock_of(pool: &AnyPool, product: i64) -> i64 {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = $1").bind(product).fetch_one(pool).await.unwrap()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().unwrap().iter().map(|item| item["id"].as_i64().or(item["product"]["id"].as_i64()).unwrap()).collect()
}

// ---------------------------------------------------------------- browsing

#[tokio::test]
async fn the_catalogue_finds_filters_sorts_and_pages() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let all = get(&app, "/api/v1/store/products", &lan).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.body["total"], 24);
    let milk = get(&app, "/api/v1/store/products?q=sua", &lan).await;
    assert_eq!(milk.body["total"], 2, "'sua' finds both Sữa products, accents ignored");
    let cosmetics = get(&app, "/api/v1/store/products?category=cosmetics", &lan).await;
    assert_eq!(cosmetics.body["total"], 5);
    let cheapest = get(&app, "/api/v1/store/products?sort=price&per_page=3", &lan).await;
    assert_eq!(ids(&cheapest.body["items"]), [14, 8, 5]);
    assert_eq!(cheapest.body["total"], 24, "total counts every match, not the page");
    let next = get(&app, "/api/v1/store/products?sort=price&per_page=3&page=2", &lan).await;
    assert_eq!(ids(&next.body["items"]), [13, 11, 24]);
    let english = get(&app, "/api/v1/store/products?per_page=1&lang=en", &lan).await;
    assert_eq!(english.body["items"][0]["product"]["name"]["en"], "Anchovy fish sauce 40°N, 500ml");
}

#[tokio::test]
async fn the_catalogue_shows_every_change_at_once_though_it_is_kept_in_memory() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let first = |page: &Answer| page.body["items"][0]["product"].clone();
    let listed = get(&app, "/api/v1/store/products?q=sen+vang+500g", &lan).await;
    assert_eq!(first(&listed)["id"], 1);
    send(
        &app,
        "PATCH",
        "/api/v1/hr/store/products/1",
        Some(&hoa),
        None,
        Some(r#"{"name":{"vi":"Cà phê hạt Tây Nguyên 1kg","en":"Highland coffee beans 1kg"}}"#),
    )
    .await;
    assert_eq!(get(&app, "/api/v1/store/products?q=sen+vang+500g", &lan).await.body["total"], 0, "the old name is gone");
    let renamed = get(&app, "/api/v1/store/products?q=tay+nguyen", &lan).await;
    assert_eq!(first(&renamed)["id"], 1, "the new name is found");
    let before = first(&renamed)["stock"].as_i64().unwrap();
    assert_eq!(order(&app, &lan, "c1", &one_line(1, 2, 1)).await.status, StatusCode::CREATED);
    assert_eq!(first(&get(&app, "/api/v1/store/products?q=tay+nguyen", &lan).await)["stock"], before - 2, "an order's stock");
    // Another server process writing the same database.
    sqlx::query("UPDATE products SET stock = 0 WHERE id = 1").execute(&pool).await.unwrap();
    assert_eq!(first(&get(&app, "/api/v1/store/products?q=tay+nguyen", &lan).await)["stock"], 0, "a write from elsewhere");
}

#[tokio::test]
async fn bad_catalogue_queries_are_422_naming_the_parameter() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    for (query, field) in [
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("per_page=lots", "per_page"),
        ("page=0", "page"),
        ("category=toys", "category"),
        ("sort=random", "sort"),
    ] {
        let answer = get(&app, &format!("/api/v1/store/products?{query}"), &lan).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(answer.content_type, "application/problem+json", "{query}");
        assert_eq!(answer.body["errors"][0]["field"], field, "{query}: {}", answer.body);
    }
    let long = get(&app, &format!("/api/v1/store/products?q={}", "a".repeat(101)), &lan).await;
    assert_eq!(long.errors(), [("q".to_owned(), "too_long".to_owned())]);
}

#[tokio::test]
async fn partner_suppliers_see_cosmetics_they_may_not_buy_and_why() {
    let (app, pool) = seeded().await;
    let an = session(&pool, AN).await;
    let cosmetics = get(&app, "/api/v1/store/products?category=cosmetics", &an).await;
    assert!(cosmetics.body["items"].as_array().unwrap().iter().all(|l| l["eligible"] == false));
    let detail = get(&app, "/api/v1/store/products/17", &an).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_eq!(detail.body["eligibility"]["eligible"], false);
    assert_eq!(detail.body["eligibility"]["checks"][0]["requirement"]["employment_type"]["allowed"][0], "full_time");
    let refused = order(&app, &an, "an-1", &one_line(17, 1, 3)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.errors(), [("lines[0].product_id".to_owned(), "eligibility".to_owned())]);
}

#[tokio::test]
async fn the_product_page_shows_rating_quota_and_whether_i_may_review() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let coffee = get(&app, "/api/v1/store/products/1", &lan).await;
    assert_eq!(coffee.status, StatusCode::OK);
    assert_eq!(coffee.body["rating"], json!({"count": 2, "average_tenths": 45}));
    assert_eq!(coffee.body["can_review"], true, "Lan collected coffee in October");
    assert_eq!(coffee.body["quota_left"], 4, "October's purchase does not count this month");
    let reviews = get(&app, "/api/v1/store/products/1/reviews", &lan).await;
    let names: Vec<&str> = reviews.body.as_array().unwrap().iter().map(|r| r["reviewer_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Đỗ Nhật Quang", "Trần Thị Lan"], "newest first");
    assert_eq!(reviews.body[1]["department"]["en"], "Sales");
    let mine = get(&app, "/api/v1/store/products/1/review", &lan).await;
    assert_eq!((mine.status, mine.body["rating"].clone()), (StatusCode::OK, json!(5)));
    let none = get(&app, "/api/v1/store/products/2/review", &lan).await;
    assert_eq!((none.status, none.content_type.as_str()), (StatusCode::NOT_FOUND, "application/problem+json"));
    for path in ["/api/v1/store/products/999", "/api/v1/store/products/abc", "/api/v1/store/products/999/reviews"] {
        let missing = get(&app, path, &lan).await;
        assert_eq!((missing.status, missing.content_type.as_str()), (StatusCode::NOT_FOUND, "application/problem+json"), "{path}");
    }
}

#[tokio::test]
async fn checkout_offers_the_company_sites() {
    let (app, pool) = seeded().await;
    let tuan = session(&pool, TUAN).await;
    let sites = get(&app, "/api/v1/store/pickup-sites", &tuan).await;
    assert_eq!(sites.status, StatusCode::OK);
    assert_eq!(ids(&sites.body), [1, 2, 3]);
    assert_eq!(sites.body[1]["name"]["en"], "Binh Duong factory");
}

#[tokio::test]
async fn every_store_endpoint_needs_a_session() {
    let (app, _) = seeded().await;
    for path in [
        "/store/products",
        "/store/products/1",
        "/store/products/1/review",
        "/store/products/1/reviews",
        "/store/pickup-sites",
        "/store/allowance",
        "/store/orders",
        "/store/orders/1",
    ] {
        let answer = send(&app, "GET", &format!("/api/v1{path}"), None, None, None).await;
        assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::UNAUTHORIZED, "application/problem+json"), "{path}");
    }
    let answer = send(&app, "POST", "/api/v1/store/orders", None, Some("k"), Some(&one_line(1, 1, 1).to_string())).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

// ---------------------------------------------------------------- ordering

#[tokio::test]
async fn prices_come_from_the_server_and_a_request_that_sends_one_is_refused() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let tampered = json!({"lines": [{"product_id": 1, "quantity": 2, "unit_price": 1}], "pickup_site_id": 1});
    let refused = order(&app, &lan, "tampered", &tampered).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.body["errors"][0]["field"], "lines[0].unit_price");
    let totalled = order(&app, &lan, "totalled", &json!({"lines": [{"product_id": 1, "quantity": 2}], "pickup_site_id": 1, "total": 2})).await;
    assert_eq!(totalled.body["errors"][0]["field"], "total");
    assert_eq!(stock_of(&pool, 1).await, 120 - 3, "nothing placed");
    let placed = order(&app, &lan, "plain", &one_line(1, 2, 1)).await;
    assert_eq!(placed.status, StatusCode::CREATED, "{}", placed.body);
    assert_eq!(placed.body["lines"][0]["unit_price"], 129_000);
    assert_eq!(placed.body["total"], 258_000);
    assert_eq!(placed.body["status"], "placed");
    assert_eq!(placed.body["buyer_name"], "Trần Thị Lan");
    assert_eq!(placed.body["history"].as_array().unwrap().len(), 1);
    assert_eq!(stock_of(&pool, 1).await, 120 - 3 - 2, "120 made, 3 sold in October, 2 now");
}

#[tokio::test]
async fn quantities_must_be_whole_numbers_from_1_to_99() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    for (n, quantity) in ["0", "-1", "100", "100000", "1e20", "1.5", "99999999999999999999", "\"2\""].into_iter().enumerate() {
        let body = format!(r#"{{"lines":[{{"product_id":5,"quantity":{quantity}}}],"pickup_site_id":1}}"#);
        let answer = send(&app, "POST", "/api/v1/store/orders", Some(&lan), Some(&format!("q{n}")), Some(&body)).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{quantity}: {}", answer.body);
        assert_eq!(answer.body["errors"][0]["field"], "lines[0].quantity", "{quantity}: {}", answer.body);
    }
    let zero = order(&app, &lan, "zero", &one_line(5, 0, 1)).await;
    assert_eq!(zero.body["errors"][0]["rule"], "quantity");
    assert_eq!(zero.body["errors"][0]["limit"], 99);
    assert_eq!(get(&app, "/api/v1/store/orders", &lan).await.body.as_array().unwrap().len(), 2, "only the two seeded orders");
}

#[tokio::test]
async fn unknown_products_sites_and_empty_orders_are_refused_each_at_its_field() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let unknown = order(&app, &lan, "u1", &json!({"lines": [{"product_id": 999, "quantity": 1}], "pickup_site_id": 99})).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.errors(), [("pickup_site_id".to_owned(), "unknown_site".to_owned()), ("lines[0].product_id".to_owned(), "unknown_product".to_owned())]);
    let empty = order(&app, &lan, "u2", &json!({"lines": [], "pickup_site_id": 1})).await;
    assert_eq!(empty.errors(), [("lines".to_owned(), "empty_order".to_owned())]);
    let message = &empty.body["errors"][0]["message"];
    assert_eq!(message, "an order needs at least one line");
}

#[tokio::test]
async fn hidden_products_are_neither_listed_shown_nor_sold() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let hidden = send(&app, "PATCH", "/api/v1/hr/store/products/1", Some(&hoa), None, Some(r#"{"hidden":true}"#)).await;
    assert_eq!((hidden.status, hidden.body["hidden"].clone()), (StatusCode::OK, json!(true)));
    let listed = get(&app, "/api/v1/store/products?per_page=100", &lan).await;
    assert_eq!(listed.body["total"], 23);
    assert!(!ids(&listed.body["items"]).contains(&1));
    assert_eq!(get(&app, "/api/v1/store/products/1", &lan).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/api/v1/store/products/1/reviews", &lan).await.status, StatusCode::NOT_FOUND);
    let refused = order(&app, &lan, "h1", &one_line(1, 1, 1)).await;
    assert_eq!(refused.errors(), [("lines[0].product_id".to_owned(), "unknown_product".to_owned())]);
    let hr_list = get(&app, "/api/v1/hr/store/products", &hoa).await;
    assert_eq!(ids(&hr_list.body), (1..=24).collect::<Vec<i64>>(), "HR still sees it, in id order");
}

#[tokio::test]
async fn the_monthly_quota_holds_across_orders() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let three = order(&app, &lan, "tea-3", &one_line(2, 3, 1)).await;
    assert_eq!(three.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        three.body["errors"][0],
        json!({"field": "lines[0].quantity", "rule": "quota", "limit": 2, "message": "more than this product's monthly quota per member"})
    );
    assert_eq!(order(&app, &lan, "tea-2", &one_line(2, 2, 1)).await.status, StatusCode::CREATED);
    let more = order(&app, &lan, "tea-1", &one_line(2, 1, 1)).await;
    assert_eq!((more.body["errors"][0]["rule"].clone(), more.body["errors"][0]["limit"].clone()), (json!("quota"), json!(0)));
    assert_eq!(get(&app, "/api/v1/store/products/2", &lan).await.body["quota_left"], 0);
    let split =
        order(&app, &lan, "tea-split", &json!({"lines": [{"product_id": 7, "quantity": 4}, {"product_id": 7, "quantity": 3}], "pickup_site_id": 1})).await;
    assert_eq!(split.errors(), [("lines[1].quantity".to_owned(), "quota".to_owned())], "lines of one product add up");
}

#[tokio::test]
async fn the_yearly_allowance_holds_and_a_new_hire_has_less() {
    let (app, pool) = seeded().await;
    let tuan = session(&pool, TUAN).await;
    let before = get(&app, "/api/v1/store/allowance", &tuan).await;
    assert_eq!(before.status, StatusCode::OK);
    assert_eq!((before.body["limit"].clone(), before.body["spent"].clone()), (json!(1_500_000), json!(0)), "a new hire until September 2027");
    assert!(before.body["period"]["from"].as_str().unwrap().ends_with("-01-01"));
    // 590,000 + 2 × 199,000 + 3 × 152,000 = 1,444,000 of 1,500,000.
    let big = json!({"lines": [{"product_id": 22, "quantity": 1}, {"product_id": 20, "quantity": 2}, {"product_id": 6, "quantity": 3}], "pickup_site_id": 2});
    let placed = order(&app, &tuan, "big", &big).await;
    assert_eq!((placed.status, placed.body["total"].clone()), (StatusCode::CREATED, json!(1_444_000)), "{}", placed.body);
    let coffee = order(&app, &tuan, "coffee", &one_line(1, 1, 2)).await;
    assert_eq!(coffee.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        coffee.body["errors"][0],
        json!({"field": "lines", "rule": "allowance", "limit": 56_000, "message": "the order exceeds your remaining allowance"})
    );
    let after = get(&app, "/api/v1/store/allowance", &tuan).await;
    assert_eq!((after.body["spent"].clone(), after.body["remaining"].clone()), (json!(1_444_000), json!(56_000)));
}

#[tokio::test]
async fn stock_runs_out_and_says_how_many_are_left() {
    let (app, pool) = seeded().await;
    let (lan, minh) = (session(&pool, LAN).await, session(&pool, MINH).await);
    let gloves = order(&app, &lan, "gloves", &one_line(24, 1, 1)).await;
    assert_eq!(gloves.body["errors"][0], json!({"field": "lines[0].quantity", "rule": "stock", "limit": 0, "message": "not enough in stock"}));
    let two = order(&app, &lan, "candle-2", &one_line(16, 2, 1)).await;
    assert_eq!((two.body["errors"][0]["rule"].clone(), two.body["errors"][0]["limit"].clone()), (json!("stock"), json!(1)));
    assert_eq!(order(&app, &lan, "candle-1", &one_line(16, 1, 1)).await.status, StatusCode::CREATED);
    let late = order(&app, &minh, "candle-1", &one_line(16, 1, 1)).await;
    assert_eq!((late.body["errors"][0]["rule"].clone(), late.body["errors"][0]["limit"].clone()), (json!("stock"), json!(0)));
    assert_eq!(stock_of(&pool, 16).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_members_racing_for_the_last_unit_sell_exactly_one() {
    // A database with a pool of several connections, so the requests
    // really overlap (an in-memory one has one connection).
    let pool = db::connect(&common::fresh_shared_database("race").await).await.unwrap();
    assert!(seed::seed_demo(&pool, common::now()).await.unwrap());
    let app = app(state(pool.clone(), false), &[], None).unwrap();
    let emails: Vec<String> = sqlx::query_scalar("SELECT email FROM members ORDER BY id").fetch_all(&pool).await.unwrap();
    let mut cookies = Vec::new();
    for n in 0..50 {
        cookies.push(session(&pool, &emails[n % emails.len()]).await);
    }
    assert_eq!(stock_of(&pool, 16).await, 1);
    let racers: Vec<_> = cookies
        .into_iter()
        .enumerate()
        .map(|(n, cookie)| {
            let app = app.clone();
            tokio::spawn(async move { order(&app, &cookie, &format!("race-{n}"), &one_line(16, 1, 1)).await })
        })
        .collect();
    let mut answers = Vec::new();
    for racer in racers {
        answers.push(racer.await.unwrap());
    }
    let sold = answers.iter().filter(|a| a.status == StatusCode::CREATED).count();
    assert_eq!(sold, 1, "{:?}", answers.iter().map(|a| (a.status, a.body.clone())).collect::<Vec<_>>());
    for answer in answers.iter().filter(|a| a.status != StatusCode::CREATED) {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.body);
        assert_eq!(answer.errors(), [("lines[0].quantity".to_owned(), "stock".to_owned())]);
    }
    assert_eq!(stock_of(&pool, 16).await, 0);
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_lines WHERE product_id = 16").fetch_one(&pool).await.unwrap();
    assert_eq!(orders, 1);
    pool.close().await;
}

// ------------------------------------------------------------- idempotency

#[tokio::test]
async fn retrying_with_the_same_key_returns_the_same_order_placed_once() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let first = order(&app, &lan, "retry-me", &one_line(3, 2, 1)).await;
    assert_eq!(first.status, StatusCode::CREATED);
    // The same request written differently is still the same request.
    let again = r#"{ "pickup_site_id": 1, "lines": [ { "quantity": 2, "product_id": 3 } ] }"#;
    let second = send(&app, "POST", "/api/v1/store/orders", Some(&lan), Some("retry-me"), Some(again)).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.body, first.body, "the same order, same id");
    assert_eq!(get(&app, "/api/v1/store/orders", &lan).await.body.as_array().unwrap().len(), 3, "two seeded and one new");
    assert_eq!(stock_of(&pool, 3).await, 200 - 2 - 2, "200 made, 2 sold in October, taken once now");
    let minh = session(&pool, MINH).await;
    let other = order(&app, &minh, "retry-me", &one_line(3, 2, 1)).await;
    assert_eq!(other.status, StatusCode::CREATED, "keys are per member");
    assert_ne!(other.body["id"], first.body["id"]);
}

#[tokio::test]
async fn a_key_reused_for_a_different_order_is_refused() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    assert_eq!(order(&app, &lan, "once", &one_line(3, 1, 1)).await.status, StatusCode::CREATED);
    let reused = order(&app, &lan, "once", &one_line(3, 2, 1)).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.errors(), [("Idempotency-Key".to_owned(), "key_reused".to_owned())]);
}

#[tokio::test]
async fn a_key_still_being_processed_is_a_409() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let request = one_line(3, 1, 1);
    let now = now().unix_millis();
    for (key, created_at) in [("busy", now), ("abandoned", now - 10 * 60 * 1000)] {
        sqlx::query("INSERT INTO idempotency_keys (member_id, idempotency_key, request, order_id, created_at) VALUES (1, $1, $2, NULL, $3)")
            .bind(key)
            .bind(request.to_string())
            .bind(created_at)
            .execute(&pool)
            .await
            .unwrap();
    }
    let busy = order(&app, &lan, "busy", &request).await;
    assert_eq!((busy.status, busy.content_type.as_str()), (StatusCode::CONFLICT, "application/problem+json"));
    assert_eq!(stock_of(&pool, 3).await, 198, "nothing placed");
    let different = order(&app, &lan, "busy", &one_line(3, 2, 1)).await;
    assert_eq!(different.errors(), [("Idempotency-Key".to_owned(), "key_reused".to_owned())]);
    let revived = order(&app, &lan, "abandoned", &request).await;
    assert_eq!(revived.status, StatusCode::CREATED, "a claim whose request died long ago is taken over: {}", revived.body);
}

#[tokio::test]
async fn orders_without_a_usable_key_are_400_naming_the_header() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let body = one_line(3, 1, 1).to_string();
    let long = "k".repeat(101);
    for key in [None, Some(""), Some(long.as_str()), Some("two words")] {
        let answer = send(&app, "POST", "/api/v1/store/orders", Some(&lan), key, Some(&body)).await;
        assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::BAD_REQUEST, "application/problem+json"), "{key:?}");
        assert_eq!(answer.body["errors"][0]["field"], "Idempotency-Key", "{key:?}");
    }
    let broken = send(&app, "POST", "/api/v1/store/orders", Some(&lan), None, Some("{")).await;
    assert_eq!(
        (broken.status, broken.body["errors"][0]["field"].clone()),
        (StatusCode::BAD_REQUEST, json!("Idempotency-Key")),
        "the key is checked before the body"
    );
    let fine = send(&app, "POST", "/api/v1/store/orders", Some(&lan), Some(&"k".repeat(100)), Some(&body)).await;
    assert_eq!(fine.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_refused_order_does_not_use_up_its_key() {
    let (app, pool) = seeded().await;
    let (lan, hoa) = (session(&pool, LAN).await, session(&pool, HOA).await);
    let request = one_line(24, 2, 1);
    let out = order(&app, &lan, "gloves", &request).await;
    assert_eq!(out.errors(), [("lines[0].quantity".to_owned(), "stock".to_owned())]);
    let restocked = send(&app, "PATCH", "/api/v1/hr/store/products/24", Some(&hoa), None, Some(r#"{"stock":5}"#)).await;
    assert_eq!(restocked.status, StatusCode::OK);
    let retry = order(&app, &lan, "gloves", &request).await;
    assert_eq!(retry.status, StatusCode::CREATED, "judged afresh: {}", retry.body);
    assert_eq!(stock_of(&pool, 24).await, 3);
}

// ---------------------------------------------------- orders after placing

#[tokio::test]
async fn my_orders_come_newest_first_and_nobody_else_sees_them() {
    let (app, pool) = seeded().await;
    let (lan, minh) = (session(&pool, LAN).await, session(&pool, MINH).await);
    let placed = order(&app, &lan, "mine", &one_line(5, 1, 1)).await;
    let new_id = placed.body["id"].as_i64().unwrap();
    let mine = get(&app, "/api/v1/store/orders", &lan).await;
    assert_eq!(ids(&mine.body), [new_id, 4, 1]);
    assert_eq!(get(&app, &format!("/api/v1/store/orders/{new_id}"), &lan).await.body, placed.body);
    assert_eq!(get(&app, "/api/v1/store/orders", &minh).await.body, json!([]));
    for answer in [
        get(&app, &format!("/api/v1/store/orders/{new_id}"), &minh).await,
        send(&app, "POST", &format!("/api/v1/store/orders/{new_id}/cancel"), Some(&minh), None, None).await,
        get(&app, "/api/v1/store/orders/999", &lan).await,
        get(&app, "/api/v1/store/orders/SV-000001", &lan).await,
    ] {
        assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::NOT_FOUND, "application/problem+json"), "{}", answer.text);
    }
    assert_eq!(get(&app, &format!("/api/v1/store/orders/{new_id}"), &lan).await.body["status"], "placed", "Minh's cancel did nothing");
}

#[tokio::test]
async fn cancelling_gives_back_stock_and_allowance_once() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let before = get(&app, "/api/v1/store/allowance", &lan).await.body;
    let placed = order(&app, &lan, "to-cancel", &one_line(12, 3, 1)).await;
    assert_eq!(stock_of(&pool, 12).await, 107);
    let spent = get(&app, "/api/v1/store/allowance", &lan).await.body;
    assert_eq!(spent["spent"].as_i64().unwrap() - before["spent"].as_i64().unwrap(), 3 * 132_000);
    let path = format!("/api/v1/store/orders/{}/cancel", placed.body["id"]);
    let cancelled = send(&app, "POST", &path, Some(&lan), None, None).await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.body["status"], "cancelled");
    let history: Vec<&str> = cancelled.body["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(history, ["placed", "cancelled"]);
    assert_eq!(stock_of(&pool, 12).await, 110);
    assert_eq!(get(&app, "/api/v1/store/allowance", &lan).await.body, before);
    let twice = send(&app, "POST", &path, Some(&lan), None, None).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(twice.errors(), [("status".to_owned(), "transition".to_owned())]);
    assert_eq!(stock_of(&pool, 12).await, 110, "stock came back once");
}

// ---------------------------------------------------------------------- HR

#[tokio::test]
async fn hr_endpoints_are_refused_to_everyone_else() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let calls = [
        ("GET", "/hr/store/products", None),
        ("POST", "/hr/store/products", Some("{}")),
        ("PATCH", "/hr/store/products/1", Some(r#"{"stock":1}"#)),
        ("GET", "/hr/store/orders", None),
        ("GET", "/hr/store/orders.csv", None),
        ("POST", "/hr/store/orders/1/status", Some(r#"{"status":"cancelled"}"#)),
        ("GET", "/hr/store/allowance-policy", None),
        ("PUT", "/hr/store/allowance-policy", Some(r#"{"default_limit":99000000}"#)),
    ];
    for (method, path, body) in calls {
        let answer = send(&app, method, &format!("/api/v1{path}"), Some(&lan), None, body).await;
        assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::FORBIDDEN, "application/problem+json"), "{method} {path}");
        let anonymous = send(&app, method, &format!("/api/v1{path}"), None, None, body).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
    assert_eq!(stock_of(&pool, 1).await, 117, "nothing changed");
    assert_eq!(store_db::policy(&mut pool.acquire().await.unwrap()).await.unwrap(), domain::seed::demo_shop().policy);
}

#[tokio::test]
async fn hr_readies_an_order_the_member_collects_and_then_may_review() {
    let (app, pool) = seeded().await;
    let (tuan, hoa) = (session(&pool, TUAN).await, session(&pool, HOA).await);
    let placed = order(&app, &tuan, "soy", &one_line(9, 2, 2)).await;
    let id = placed.body["id"].as_i64().unwrap();
    let early = send(&app, "PUT", "/api/v1/store/products/9/review", Some(&tuan), None, Some(r#"{"rating":5,"comment":"Ngon"}"#)).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(early.errors(), [("product_id".to_owned(), "not_collected".to_owned())]);
    let status = |s: &str| json!({"status": s}).to_string();
    let path = format!("/api/v1/hr/store/orders/{id}/status");
    let skipped = send(&app, "POST", &path, Some(&hoa), None, Some(&status("collected"))).await;
    assert_eq!(skipped.errors(), [("status".to_owned(), "transition".to_owned())], "placed cannot jump to collected");
    let ready = send(&app, "POST", &path, Some(&hoa), None, Some(&status("ready_for_pickup"))).await;
    assert_eq!((ready.status, ready.body["status"].clone()), (StatusCode::OK, json!("ready_for_pickup")));
    let buyer_cancel = send(&app, "POST", &format!("/api/v1/store/orders/{id}/cancel"), Some(&tuan), None, None).await;
    assert_eq!(buyer_cancel.errors(), [("status".to_owned(), "transition".to_owned())], "a buyer cancels only while placed");
    let collected = send(&app, "POST", &path, Some(&hoa), None, Some(&status("collected"))).await;
    let history: Vec<&str> = collected.body["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(history, ["placed", "ready_for_pickup", "collected"]);
    assert_eq!(get(&app, "/api/v1/store/products/9", &tuan).await.body["can_review"], true);
    let review = send(&app, "PUT", "/api/v1/store/products/9/review", Some(&tuan), None, Some(r#"{"rating":4,"comment":"  Ít ngọt, vừa miệng.  "}"#)).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    assert_eq!(review.body["comment"], "Ít ngọt, vừa miệng.");
    assert_eq!(review.body["reviewer_name"], "Phạm Văn Tuấn");
    assert_eq!(review.body["department"]["en"], "Production");
    let replaced = send(&app, "PUT", "/api/v1/store/products/9/review", Some(&tuan), None, Some(r#"{"rating":5}"#)).await;
    assert_eq!((replaced.body["rating"].clone(), replaced.body["comment"].clone()), (json!(5), json!("")));
    let reviews = get(&app, "/api/v1/store/products/9/reviews", &tuan).await;
    assert_eq!(reviews.body.as_array().unwrap().len(), 1, "one review per member and product");
    assert_eq!(get(&app, "/api/v1/store/products/9", &tuan).await.body["rating"], json!({"count": 1, "average_tenths": 50}));
    let unknown = send(&app, "POST", "/api/v1/hr/store/orders/999/status", Some(&hoa), None, Some(&status("cancelled"))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn reviews_are_checked_before_they_are_kept() {
    let (app, pool) = seeded().await;
    let lan = session(&pool, LAN).await;
    let put = |body: String| {
        let (app, lan) = (app.clone(), lan.clone());
        async move { send(&app, "PUT", "/api/v1/store/products/1/review", Some(&lan), None, Some(&body)).await }
    };
    assert_eq!(put(r#"{"rating":0}"#.into()).await.errors(), [("rating".to_owned(), "out_of_range".to_owned())]);
    assert_eq!(put(r#"{"rating":6}"#.into()).await.errors(), [("rating".to_owned(), "out_of_range".to_owned())]);
    let long = json!({"rating": 3, "comment": "x".repeat(1001)}).to_string();
    assert_eq!(put(long).await.errors(), [("comment".to_owned(), "too_long".to_owned())]);
    let extra = put(r#"{"rating":3,"stars":3}"#.into()).await;
    assert_eq!((extra.status, extra.body["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("stars")));
    assert_eq!(get(&app, "/api/v1/store/products/1/review", &lan).await.body["rating"], 5, "the old review stands");
    let hidden_or_missing = send(&app, "PUT", "/api/v1/store/products/999/review", Some(&lan), None, Some(r#"{"rating":3}"#)).await;
    assert_eq!(hidden_or_missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hr_pages_and_filters_the_order_queue() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let all = get(&app, "/api/v1/hr/store/orders", &hoa).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!((ids(&all.body["items"]), all.body["total"].clone()), (vec![4, 3, 2, 1], json!(4)));
    let paged = get(&app, "/api/v1/hr/store/orders?per_page=2&page=2", &hoa).await;
    assert_eq!((ids(&paged.body["items"]), paged.body["total"].clone()), (vec![2, 1], json!(4)));
    let factory = get(&app, "/api/v1/hr/store/orders?site=2&status=collected", &hoa).await;
    assert_eq!(factory.body["items"][0]["buyer_name"], "Trần Thị Thu");
    assert_eq!(factory.body["total"], 1);
    assert_eq!(get(&app, "/api/v1/hr/store/orders?status=placed", &hoa).await.body, json!({"items": [], "total": 0}));
    for (query, field) in [("per_page=101", "per_page"), ("page=0", "page"), ("status=lost", "status"), ("site=x", "site")] {
        let answer = get(&app, &format!("/api/v1/hr/store/orders?{query}"), &hoa).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(answer.body["errors"][0]["field"], field, "{query}");
    }
}

#[tokio::test]
async fn hr_exports_orders_as_a_spreadsheet_file() {
    let (app, pool) = seeded().await;
    let hoa = session(&pool, HOA).await;
    let csv = get(&app, "/api/v1/hr/store/orders.csv", &hoa).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert_eq!(csv.disposition, "attachment; filename=\"orders.csv\"");
    let rows: Vec<&str> = csv.text.strip_prefix('\u{FEFF}').expect("a byte order mark, for Excel").split("\r\n").collect();
    assert_eq!(rows[0], "Mã đơn,Thời điểm đặt,Người mua,Nơi nhận,Trạng thái,Mã sản phẩm,Sản phẩm,Số lượng,Đơn giá (₫),Thành tiền (₫),Tổng đơn (₫)");
    assert_eq!(rows.len(), 6, "header, four orders of one line, and the final line end");
    assert!(
        rows[1].starts_with("SV-000004,2026-10-08T09:30:00+07:00,Trần Thị Lan,Trụ sở Hà Nội,Đã nhận,11,\"Nước rửa chén hương chanh 1,5 lít\",1,35000"),
        "{}",
        rows[1]
    );
    let english = get(&app, "/api/v1/hr/store/orders.csv?lang=en&site=2", &hoa).await;
    assert_eq!(
        english.text.split("\r\n").nth(1).unwrap(),
        "SV-000003,2026-10-07T09:30:00+07:00,Trần Thị Thu,Binh Duong factory,Collected,3,\"Anchovy fish sauce 40°N, 500ml\",2,69000,138000,138000"
    );
    let bad = get(&app, "/api/v1/hr/store/orders.csv?lang=fr", &hoa).await;
    assert_eq!((bad.status, bad.body["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("lang")));
}

#[tokio::test]
async fn hr_adds_and_edits_products_within_the_rules() {
    let (app, pool) = seeded().await;
    let (hoa, lan) = (session(&pool, HOA).await, session(&pool, LAN).await);
    let draft = json!({
        "name": {"vi": "Mứt gừng 200g", "en": "Candied ginger 200g"},
        "description": {"vi": "Gừng non, ít đường.", "en": "Young ginger, lightly sugared."},
        "category": "food", "market_price": 80_000, "internal_price": 56_000, "stock": 30, "monthly_quota": 3
    });
    let created = send(&app, "POST", "/api/v1/hr/store/products", Some(&hoa), None, Some(&draft.to_string())).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(
        (created.body["id"].clone(), created.body["hidden"].clone(), created.body["audience"].clone()),
        (json!(25), json!(false), json!({"all_of": []}))
    );
    assert_eq!(get(&app, "/api/v1/store/products/25", &lan).await.body["product"], created.body);
    let mut dear = draft.clone();
    dear["internal_price"] = json!(90_000);
    dear["monthly_quota"] = json!(0);
    let refused = send(&app, "POST", "/api/v1/hr/store/products", Some(&hoa), None, Some(&dear.to_string())).await;
    assert_eq!(refused.errors(), [("internal_price".to_owned(), "above_market_price".to_owned()), ("monthly_quota".to_owned(), "out_of_range".to_owned())]);
    let cheaper = send(&app, "PATCH", "/api/v1/hr/store/products/25", Some(&hoa), None, Some(r#"{"internal_price":50000}"#)).await;
    assert_eq!((cheaper.status, cheaper.body["internal_price"].clone(), cheaper.body["stock"].clone()), (StatusCode::OK, json!(50_000), json!(30)));
    let absurd = send(&app, "PATCH", "/api/v1/hr/store/products/25", Some(&hoa), None, Some(r#"{"internal_price":81000}"#)).await;
    assert_eq!(absurd.errors(), [("internal_price".to_owned(), "above_market_price".to_owned())]);
    let typo = send(&app, "PATCH", "/api/v1/hr/store/products/25", Some(&hoa), None, Some(r#"{"price":1}"#)).await;
    assert_eq!((typo.status, typo.body["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("price")));
    let array = send(&app, "PATCH", "/api/v1/hr/store/products/25", Some(&hoa), None, Some("[null, null]")).await;
    assert_eq!(
        (array.status, array.body["errors"][0]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("body")),
        "a body is an object, not fields in order"
    );
    let missing = send(&app, "PATCH", "/api/v1/hr/store/products/999", Some(&hoa), None, Some(r#"{"stock":1}"#)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/api/v1/store/products/25", &lan).await.body["product"]["internal_price"], 50_000);
}

#[tokio::test]
async fn hr_sets_the_allowance_policy_for_known_segments_only() {
    let (app, pool) = seeded().await;
    let (hoa, tuan) = (session(&pool, HOA).await, session(&pool, TUAN).await);
    let policy = get(&app, "/api/v1/hr/store/allowance-policy", &hoa).await;
    assert_eq!(policy.body, serde_json::to_value(domain::seed::demo_shop().policy).unwrap());
    let unknown = json!({"default_limit": 3_000_000, "segments": [{"segment": "interns", "yearly_limit": 1_000_000}]});
    let refused = send(&app, "PUT", "/api/v1/hr/store/allowance-policy", Some(&hoa), None, Some(&unknown.to_string())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.errors(), [("segments[0].segment".to_owned(), "out_of_range".to_owned())]);
    let generous = json!({"default_limit": 3_000_000, "segments": [{"segment": "new_hire", "yearly_limit": 2_000_000}]});
    let saved = send(&app, "PUT", "/api/v1/hr/store/allowance-policy", Some(&hoa), None, Some(&generous.to_string())).await;
    assert_eq!((saved.status, saved.body.clone()), (StatusCode::OK, generous.clone()));
    assert_eq!(get(&app, "/api/v1/hr/store/allowance-policy", &hoa).await.body, generous);
    assert_eq!(get(&app, "/api/v1/store/allowance", &tuan).await.body["limit"], 2_000_000);
}

// ----------------------------------------------------------------- seeding

#[tokio::test]
async fn the_store_loads_back_exactly_as_the_demo_backend_starts() {
    let (_, pool) = seeded().await;
    let demo = domain::seed::demo_shop();
    assert_eq!(store_db::products(&pool).await.unwrap(), *demo.products);
    let mut orders = store_db::orders(&mut pool.acquire().await.unwrap(), store_db::Orders::All).await.unwrap();
    orders.reverse();
    assert_eq!(orders, demo.orders);
    assert_eq!(store_db::policy(&mut pool.acquire().await.unwrap()).await.unwrap(), demo.policy);
    for product in &demo.products {
        assert_eq!(store_db::reviews_of(&pool, product.id).await.unwrap(), demo.reviews_of(product.id).unwrap(), "{:?}", product.id);
    }
    assert!(!seed::seed_demo(&pool, common::now()).await.unwrap(), "seeding twice changes nothing");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products").fetch_one(&pool).await.unwrap();
    assert_eq!(count, 24);
}
