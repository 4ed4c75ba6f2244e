//! One contract suite, every backend: each scenario runs against the
//! embedded `DemoBackend` and against `HttpBackend` talking to a running
//! reference server, in headless Chromium. `scripts/contract-suite.sh`
//! starts the server and passes its address in `NOIBO_CONTRACT_SERVER`.
#![cfg(target_arch = "wasm32")]

use domain::benefits::use_cases::Verdict;
use domain::benefits::{HalfDays, LeaveDraft, LeaveSpan, LeaveStatus, LeaveTypeId};
use domain::common::FixedClock;
use noibo::api::demo::{Demo, DemoBackend};
use noibo::api::http::HttpBackend;
use noibo::api::{ApiError, Backend, Chosen, Credentials};
use noibo::portals::benefits::api::connect as connect_leave;
use noibo::portals::store::api::connect as connect_store;
use noibo::portals::store::StoreApi;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: Option<&str> = option_env!("NOIBO_CONTRACT_SERVER");
/// The instant both backends' clocks are pinned to (the server reads the
/// same variable), so the suite reads the same on any day.
const NOW: Option<&str> = option_env!("NOIBO_NOW");

/// Both backends, fresh: the demo one with empty storage, the HTTP one
/// signed out; each with a portal's side, connected as the portal does.
async fn fresh<P: ?Sized>(connect: fn(&Chosen) -> Rc<P>) -> Vec<(&'static str, Rc<dyn Backend>, Rc<P>)> {
    let server = SERVER.expect("run through scripts/contract-suite.sh, which starts the reference server");
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let http = HttpBackend::new(server);
    http.sign_out().await.unwrap();
    let now = NOW.expect("set by scripts/contract-suite.sh").parse().expect("a time as YYYY-MM-DDThh:mm:ss+07:00");
    let demo = DemoBackend::load(Rc::new(FixedClock(now)));
    [("demo", Chosen::Demo(Demo::new(demo))), ("http", Chosen::Http(Rc::new(http)))]
        .into_iter()
        .map(|(name, chosen)| (name, chosen.backend(), connect(&chosen)))
        .collect()
}

async fn backends() -> Vec<(&'static str, Rc<dyn Backend>, Rc<dyn StoreApi>)> {
    fresh(connect_store).await
}

fn credentials(email: &str, password: &str) -> Credentials {
    Credentials { email: email.to_owned(), password: password.to_owned() }
}

async fn sign_in(backend: &dyn Backend, email: &str) -> domain::Member {
    backend.sign_in(&credentials(email, "demo")).await.unwrap_or_else(|e| panic!("{email}: {e:?}"))
}

#[wasm_bindgen_test]
async fn wrong_passwords_and_unknown_emails_are_refused_alike() {
    for (name, backend, _) in backends().await {
        let wrong = backend.sign_in(&credentials("lan.tran@noibo.example", "not-demo")).await;
        assert_eq!(wrong, Err(ApiError::BadCredentials), "{name}");
        let unknown = backend.sign_in(&credentials("nobody@noibo.example", "demo")).await;
        assert_eq!(unknown, Err(ApiError::BadCredentials), "{name}");
        assert_eq!(backend.session().await, Ok(None), "{name}: still signed out");
    }
}

#[wasm_bindgen_test]
async fn a_session_starts_is_remembered_and_ends() {
    for (name, backend, _) in backends().await {
        let member = sign_in(&*backend, "Lan.Tran@noibo.example").await;
        assert_eq!(member.full_name, "Trần Thị Lan", "{name}: email case does not matter");
        assert_eq!(backend.session().await, Ok(Some(member)), "{name}");
        backend.sign_out().await.unwrap();
        assert_eq!(backend.session().await, Ok(None), "{name}");
        assert_eq!(backend.profile().await, Err(ApiError::Unauthorized), "{name}");
        assert_eq!(backend.offerings().await, Err(ApiError::Unauthorized), "{name}");
    }
}

#[wasm_bindgen_test]
async fn the_workforce_overview_is_for_hr_only() {
    for (name, backend, _) in backends().await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        assert_eq!(backend.workforce().await.map(|w| w.total), Err(ApiError::Forbidden), "{name}");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        assert_eq!(backend.workforce().await.map(|w| w.total), Ok(43), "{name}");
        backend.sign_out().await.unwrap();
    }
}

/// Every persona's profile and eligibility are the same on both backends.
#[wasm_bindgen_test]
async fn both_backends_tell_every_persona_the_same_thing() {
    let backends = backends().await;
    for email in domain::seed::PERSONA_EMAILS {
        let mut answers = Vec::new();
        for (name, backend, _) in &backends {
            sign_in(&**backend, email).await;
            let profile = backend.profile().await.unwrap();
            let offerings = backend.offerings().await.unwrap();
            backend.sign_out().await.unwrap();
            answers.push((name, profile, offerings));
        }
        let (first, rest) = answers.split_first().unwrap();
        for other in rest {
            assert_eq!(first.1, other.1, "{email}: profile differs between {} and {}", first.0, other.0);
            assert_eq!(first.2, other.2, "{email}: offerings differ between {} and {}", first.0, other.0);
        }
    }
}

// The internal store. The reference server is shared by every scenario of
// a run, so each scenario uses its own members and products.

use domain::common::{FieldError, Rule};
use domain::store::{
    AllowancePolicy, Listing, OrderFilter, OrderId, OrderRequest, OrderStatus, ProductDraft, ProductId, ProductPatch, ProductQuery, ReviewDraft, Sort,
};
use domain::{LocalizedText, SiteId};

fn order(lines: &[(u32, i64)], site: u32) -> OrderRequest {
    OrderRequest {
        lines: lines.iter().map(|&(id, quantity)| domain::store::LineRequest { product_id: ProductId(id), quantity }).collect(),
        pickup_site_id: SiteId(site),
    }
}

/// The broken rules of a refused call, as (field, rule, limit).
fn broken(result: Result<impl std::fmt::Debug, ApiError>) -> Vec<(String, Option<Rule>, Option<u64>)> {
    match result {
        Err(ApiError::Invalid { fields }) => fields.into_iter().map(|FieldError { field, rule, limit, .. }| (field, rule, limit)).collect(),
        other => panic!("expected a 422, got {other:?}"),
    }
}

fn rule(field: &str, rule: Rule, limit: Option<u64>) -> (String, Option<Rule>, Option<u64>) {
    (field.to_owned(), Some(rule), limit)
}

/// What a catalogue page shows, without stock (other scenarios change it).
fn shown(listings: Vec<Listing>) -> Vec<(u32, String, u64, u64, bool)> {
    listings.into_iter().map(|l| (l.product.id.0, l.product.name.en, l.product.internal_price, l.product.market_price, l.eligible)).collect()
}

#[wasm_bindgen_test]
async fn the_catalogue_searches_filters_sorts_and_pages_alike() {
    let queries = [
        ProductQuery { q: "ca phe".into(), ..Default::default() },
        ProductQuery { category: Some(domain::store::Category::Cosmetics), sort: Sort::Price, ..Default::default() },
        ProductQuery { sort: Sort::Saving, page: Some(2), per_page: Some(5), ..Default::default() },
        ProductQuery { q: "TEA".into(), lang: Some(domain::Lang::En), ..Default::default() },
    ];
    let mut answers = Vec::new();
    for (name, backend, store) in backends().await {
        sign_in(&*backend, "an.vo@noibo.example").await;
        let mut pages = Vec::new();
        for query in &queries {
            let page = store.products(query).await.unwrap_or_else(|e| panic!("{name}: {e:?}"));
            pages.push((page.total, shown(page.items)));
        }
        let bad = store.products(&ProductQuery { per_page: Some(500), ..Default::default() }).await;
        assert_eq!(broken(bad), vec![rule("per_page", Rule::OutOfRange, Some(100))], "{name}");
        answers.push(pages);
        backend.sign_out().await.unwrap();
    }
    assert_eq!(answers[0][0].1[0].1, "Sen Vang ground coffee 500g", "accent-free search finds the coffee");
    assert!(answers[0][1].1.iter().all(|row| !row.4), "a partner supplier may not buy cosmetics");
    assert_eq!(answers[0], answers[1], "demo and http catalogues differ");
}

#[wasm_bindgen_test]
async fn an_order_is_priced_by_the_backend_and_placed_once_per_key() {
    for (name, backend, store) in backends().await {
        sign_in(&*backend, "quang.do@noibo.example").await;
        let before = store.allowance().await.unwrap();
        let stock_before = store.product(ProductId(5)).await.unwrap().product.stock;
        let request = order(&[(5, 2), (8, 1)], 3);
        let placed = store.place_order("contract-key-1", &request).await.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(placed.total, 2 * 32_000 + 29_000, "{name}: internal prices");
        assert_eq!(placed.status, OrderStatus::Placed, "{name}");
        let again = store.place_order("contract-key-1", &request).await.unwrap();
        assert_eq!(again.id, placed.id, "{name}: a retry returns the first order");
        assert_eq!(store.orders().await.unwrap().iter().filter(|o| o.id == placed.id).count(), 1, "{name}");
        assert_eq!(store.product(ProductId(5)).await.unwrap().product.stock, stock_before - 2, "{name}: stock taken once");
        assert_eq!(store.allowance().await.unwrap().spent, before.spent + placed.total, "{name}: allowance spent once");
        let changed = store.place_order("contract-key-1", &order(&[(5, 1)], 3)).await;
        assert_eq!(broken(changed), vec![rule("Idempotency-Key", Rule::KeyReused, None)], "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn every_broken_rule_is_named_alike_at_its_field() {
    let cases: [(&str, OrderRequest); 6] = [
        ("tuan.pham@noibo.example", order(&[(1, 0), (3, -2), (5, 100)], 2)),
        ("tuan.pham@noibo.example", order(&[(999, 1)], 9)),
        ("an.vo@noibo.example", order(&[(17, 1), (1, 1)], 3)),
        ("tuan.pham@noibo.example", order(&[(2, 3)], 2)),
        ("tuan.pham@noibo.example", order(&[(24, 1), (16, 2)], 2)),
        ("tuan.pham@noibo.example", order(&[(22, 1), (2, 2), (12, 3), (6, 3)], 2)),
    ];
    let expected = [
        vec![
            rule("lines[0].quantity", Rule::Quantity, Some(99)),
            rule("lines[1].quantity", Rule::Quantity, Some(99)),
            rule("lines[2].quantity", Rule::Quantity, Some(99)),
        ],
        vec![rule("pickup_site_id", Rule::UnknownSite, None), rule("lines[0].product_id", Rule::UnknownProduct, None)],
        vec![rule("lines[0].product_id", Rule::Eligibility, None)],
        vec![rule("lines[0].quantity", Rule::Quota, Some(2))],
        vec![rule("lines[0].quantity", Rule::Stock, Some(0)), rule("lines[1].quantity", Rule::Stock, Some(1))],
        vec![rule("lines", Rule::Allowance, Some(1_500_000))],
    ];
    for (name, backend, store) in backends().await {
        for ((email, request), expected) in cases.iter().zip(&expected) {
            sign_in(&*backend, email).await;
            let answer = store.place_order(&format!("rules-{}", browser_random()), request).await;
            assert_eq!(&broken(answer), expected, "{name}: {email} {request:?}");
        }
        assert!(store.orders().await.unwrap().is_empty(), "{name}: nothing was placed");
        backend.sign_out().await.unwrap();
    }
}

fn browser_random() -> String {
    noibo::browser::new_request_key()
}

#[wasm_bindgen_test]
async fn cancelling_gives_back_stock_and_allowance_and_only_once() {
    for (name, backend, store) in backends().await {
        sign_in(&*backend, "dung.le@noibo.example").await;
        let allowance = store.allowance().await.unwrap();
        let stock = store.product(ProductId(11)).await.unwrap().product.stock;
        let placed = store.place_order(&browser_random(), &order(&[(11, 2)], 2)).await.unwrap();
        assert_eq!(store.allowance().await.unwrap().remaining, allowance.remaining - placed.total, "{name}");
        let cancelled = store.cancel_order(placed.id).await.unwrap();
        assert_eq!(cancelled.status, OrderStatus::Cancelled, "{name}");
        assert_eq!(cancelled.history.iter().map(|c| c.status).collect::<Vec<_>>(), [OrderStatus::Placed, OrderStatus::Cancelled], "{name}");
        assert_eq!(store.allowance().await.unwrap(), allowance, "{name}: allowance back");
        assert_eq!(store.product(ProductId(11)).await.unwrap().product.stock, stock, "{name}: stock back");
        assert_eq!(broken(store.cancel_order(placed.id).await), vec![rule("status", Rule::Transition, None)], "{name}");
        sign_in(&*backend, "lan.tran@noibo.example").await;
        assert_eq!(store.order(placed.id).await, Err(ApiError::NotFound), "{name}: someone else's order does not exist for Lan");
        assert_eq!(store.cancel_order(placed.id).await, Err(ApiError::NotFound), "{name}");
        assert_eq!(store.order(OrderId(999_999)).await, Err(ApiError::NotFound), "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn hr_moves_an_order_to_collected_and_then_the_buyer_may_review() {
    for (name, backend, store) in backends().await {
        sign_in(&*backend, "khoa.dang@noibo.example").await;
        let placed = store.place_order(&browser_random(), &order(&[(7, 1)], 1)).await.unwrap();
        let early = store.save_review(ProductId(7), &ReviewDraft { rating: 5, comment: String::new() }).await;
        assert_eq!(broken(early), vec![rule("product_id", Rule::NotCollected, None)], "{name}");
        assert_eq!(store.hr_products().await, Err(ApiError::Forbidden), "{name}");

        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let queue = store.hr_orders(&OrderFilter { status: Some(OrderStatus::Placed), site: Some(SiteId(1)) }, 1).await.unwrap();
        assert!(queue.items.iter().any(|o| o.id == placed.id), "{name}: in HR's queue");
        assert!(queue.items.iter().all(|o| o.status == OrderStatus::Placed && o.pickup_site_id == SiteId(1)), "{name}");
        assert_eq!(broken(store.set_order_status(placed.id, OrderStatus::Collected).await), vec![rule("status", Rule::Transition, None)], "{name}");
        store.set_order_status(placed.id, OrderStatus::ReadyForPickup).await.unwrap();
        let collected = store.set_order_status(placed.id, OrderStatus::Collected).await.unwrap();
        assert_eq!(collected.history.len(), 3, "{name}");
        let csv = store.orders_csv(&OrderFilter::default(), domain::Lang::En).await.unwrap();
        assert!(csv.starts_with("\u{FEFF}Order,Placed at,Buyer"), "{name}");
        assert!(csv.contains(&format!("{},", placed.id.number())) && csv.contains("Ben Tre coconut candy 400g"), "{name}");

        sign_in(&*backend, "khoa.dang@noibo.example").await;
        assert_eq!(store.order(placed.id).await.unwrap().status, OrderStatus::Collected, "{name}: the buyer sees it");
        let bad = store.save_review(ProductId(7), &ReviewDraft { rating: 6, comment: "x".repeat(1001) }).await;
        assert_eq!(broken(bad), vec![rule("rating", Rule::OutOfRange, Some(5)), rule("comment", Rule::TooLong, Some(1000))], "{name}");
        let review = store.save_review(ProductId(7), &ReviewDraft { rating: 4, comment: "Ngọt vừa".into() }).await.unwrap();
        assert_eq!((review.reviewer_name.as_str(), review.rating), ("Đặng Minh Khoa", 4), "{name}");
        store.save_review(ProductId(7), &ReviewDraft { rating: 5, comment: "Ngon".into() }).await.unwrap();
        assert_eq!(store.my_review(ProductId(7)).await.unwrap().map(|r| r.rating), Some(5), "{name}: edited, not added");
        let mine: Vec<_> = store.reviews(ProductId(7)).await.unwrap().into_iter().filter(|r| r.reviewer_name == "Đặng Minh Khoa").collect();
        assert_eq!(mine.len(), 1, "{name}: one review per member");
        assert!(store.product(ProductId(7)).await.unwrap().can_review, "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn hr_creates_edits_and_hides_products_under_the_same_rules() {
    let draft = ProductDraft {
        name: LocalizedText::new("Bánh tráng mè 500g", "Sesame rice crackers 500g"),
        description: LocalizedText::new("Bánh tráng nướng Bình Định.", "Binh Dinh toasted rice crackers."),
        category: domain::store::Category::Food,
        market_price: 50_000,
        internal_price: 35_000,
        stock: 10,
        monthly_quota: 3,
        audience: Default::default(),
        hidden: false,
    };
    for (name, backend, store) in backends().await {
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let bad = ProductDraft { name: LocalizedText::new(" ", "x"), internal_price: 60_000, monthly_quota: 0, ..draft.clone() };
        assert_eq!(
            broken(store.create_product(&bad).await),
            vec![
                rule("name.vi", Rule::Required, None),
                rule("internal_price", Rule::AboveMarketPrice, Some(50_000)),
                rule("monthly_quota", Rule::OutOfRange, Some(99))
            ],
            "{name}"
        );
        let created = store.create_product(&draft).await.unwrap();
        let edited = store.update_product(created.id, &ProductPatch { internal_price: Some(30_000), ..Default::default() }).await.unwrap();
        assert_eq!((edited.internal_price, edited.market_price), (30_000, 50_000), "{name}: only the given field changed");
        assert_eq!(store.update_product(ProductId(999_999), &ProductPatch::default()).await, Err(ApiError::NotFound), "{name}");
        let policy =
            AllowancePolicy { default_limit: 3_000_000, segments: vec![domain::store::SegmentAllowance { segment: "nobody".into(), yearly_limit: 1 }] };
        assert_eq!(broken(store.set_allowance_policy(&policy).await), vec![rule("segments[0].segment", Rule::OutOfRange, None)], "{name}");

        sign_in(&*backend, "ngoc.huynh@noibo.example").await;
        assert_eq!(store.product(created.id).await.unwrap().product.internal_price, 30_000, "{name}");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        store.update_product(created.id, &ProductPatch { hidden: Some(true), ..Default::default() }).await.unwrap();
        sign_in(&*backend, "ngoc.huynh@noibo.example").await;
        assert_eq!(store.product(created.id).await, Err(ApiError::NotFound), "{name}: a hidden product is gone for members");
        let search = store.products(&ProductQuery { q: "sesame".into(), ..Default::default() }).await.unwrap();
        assert_eq!(search.total, 0, "{name}");
        assert_eq!(
            broken(store.place_order(&browser_random(), &order(&[(created.id.0, 1)], 1)).await),
            vec![rule("lines[0].product_id", Rule::UnknownProduct, None)],
            "{name}"
        );
        backend.sign_out().await.unwrap();
    }
}

// ------------------------------------------------------------------ leave

fn annual(from: &str, to: &str) -> LeaveDraft {
    LeaveDraft { leave_type: LeaveTypeId(1), span: LeaveSpan::full_days(from.parse().unwrap(), to.parse().unwrap()), reason: String::new() }
}

#[wasm_bindgen_test]
async fn leave_balances_and_the_days_a_request_costs_read_alike() {
    let mut seen = Vec::new();
    for (name, backend, leave) in fresh(connect_leave).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        let balances = leave.balances(2026).await.unwrap();
        let annual = balances.iter().find(|b| b.leave_type.id == LeaveTypeId(1)).and_then(|b| b.balance.clone()).unwrap();
        let calendar = leave.work_calendar(2027, 2027).await.unwrap();
        let tet = calendar.cost(LeaveSpan::full_days("2027-02-01".parse().unwrap(), "2027-02-12".parse().unwrap()));
        assert_eq!((annual.entitled, annual.carried, annual.carried_used), (HalfDays::days(12), HalfDays::days(3), HalfDays::days(2)), "{name}");
        assert_eq!(tet.working, HalfDays::days(5), "{name}: Tết and its days in lieu are skipped");
        seen.push((balances.len(), annual.entitlement, tet));
        backend.sign_out().await.unwrap();
    }
    assert_eq!(seen[0], seen[1], "both backends count alike");
}

#[wasm_bindgen_test]
async fn a_leave_request_is_refused_alike_at_its_field() {
    for (name, backend, leave) in fresh(connect_leave).await {
        sign_in(&*backend, "quang.do@noibo.example").await;
        assert_eq!(broken(leave.submit(&browser_random(), &annual("2026-11-21", "2026-11-22")).await), [rule("span.to", Rule::NoWorkingDays, None)], "{name}");
        assert_eq!(
            broken(leave.submit(&browser_random(), &annual("2026-11-30", "2026-11-27")).await),
            [rule("span.to", Rule::EndsBeforeStart, None)],
            "{name}"
        );
        assert_eq!(broken(leave.submit(&browser_random(), &annual("2026-12-30", "2027-01-04")).await), [rule("span.to", Rule::AcrossYears, None)], "{name}");
        // Quang has 13 days (five years in June), his carried days expired, 2 pending: 11 left, asked 12.
        assert_eq!(
            broken(leave.submit(&browser_random(), &annual("2026-12-01", "2026-12-16")).await),
            [rule("span.to", Rule::LeaveBalance, Some(22))],
            "{name}"
        );
        assert_eq!(broken(leave.submit(&browser_random(), &annual("2026-12-24", "2026-12-24")).await), [rule("span.from", Rule::Overlap, None)], "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_request_is_decided_once_by_its_approver_and_cancelled_through_approval() {
    for (name, backend, leave) in fresh(connect_leave).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        let key = browser_random();
        let asked = leave.submit(&key, &annual("2026-12-21", "2026-12-22")).await.unwrap();
        assert_eq!(leave.submit(&key, &annual("2026-12-21", "2026-12-22")).await.map(|v| v.request.id), Ok(asked.request.id), "{name}: once per key");
        assert_eq!((asked.status, asked.request.working), (LeaveStatus::Pending, HalfDays::days(2)), "{name}");
        let id = asked.request.id;
        sign_in(&*backend, "trang.phan@noibo.example").await;
        assert_eq!(leave.decide(id, &Verdict { approve: true, comment: String::new() }).await, Err(ApiError::NotFound), "{name}: not hers to decide");
        sign_in(&*backend, "minh.le@noibo.example").await;
        assert_eq!(broken(leave.decide(id, &Verdict { approve: false, comment: String::new() }).await), [rule("comment", Rule::Required, None)], "{name}");
        let approved = leave.decide(id, &Verdict { approve: true, comment: "ok".into() }).await.unwrap();
        assert_eq!(approved.status, LeaveStatus::Approved, "{name}");
        assert_eq!(broken(leave.decide(id, &Verdict { approve: true, comment: String::new() }).await), [rule("approve", Rule::AlreadyDecided, None)], "{name}");
        sign_in(&*backend, "lan.tran@noibo.example").await;
        assert_eq!(leave.ask_cancellation(id).await.map(|v| v.status), Ok(LeaveStatus::CancellationPending), "{name}");
        sign_in(&*backend, "minh.le@noibo.example").await;
        assert_eq!(leave.decide(id, &Verdict { approve: true, comment: String::new() }).await.map(|v| v.status), Ok(LeaveStatus::Cancelled), "{name}");
        sign_in(&*backend, "quang.do@noibo.example").await;
        assert_eq!(leave.request(id).await, Err(ApiError::NotFound), "{name}: someone else's request does not exist for Quang");
        assert_eq!(leave.hr_requests(&Default::default()).await, Err(ApiError::Forbidden), "{name}");
        backend.sign_out().await.unwrap();
    }
}

// --------------------------------------------------------------- feedback

use domain::feedback::anonymous::ThreadKey;
use domain::feedback::disclosure::{Dimension, GroupKey};
use domain::feedback::idea::{IdeaSort, IdeaStatus};
use domain::feedback::results::ResultsQuery;
use domain::feedback::survey::{Answer, SurveyDraft, SurveyId};
use domain::feedback::thread::{Author, Recipient, Topic};
use domain::feedback::token::{Scope, Token, TokenRequest};
use domain::feedback::use_cases::NewThread;
use domain::feedback::wire::{SurveyAnswer, Vote};
use domain::DepartmentId;
use noibo::portals::feedback::api::connect as connect_feedback;
use noibo::portals::feedback::FeedbackApi;
use rand_core::{OsRng, RngCore};

/// November's pulse, open on the suite's day (20 November 2026).
const NOVEMBER: SurveyId = SurveyId(4);

/// What the member's browser does for a token: asks signed in, checks the
/// answer against the key published for the scope, keeps the token.
async fn token(feedback: &dyn FeedbackApi, scope: Scope) -> Result<Token, ApiError> {
    let (pending, request) = TokenRequest::new(scope.clone(), &mut OsRng);
    let issued = feedback.issue(&request).await?;
    let published = feedback.public_key(&scope).await.unwrap();
    Ok(pending.finalize(&issued, &published).expect("the published key proves the answer"))
}

/// A conversation's secret, as the member's browser draws it.
fn thread_key() -> ThreadKey {
    let mut secret = [0u8; 16];
    OsRng.fill_bytes(&mut secret);
    ThreadKey::from_random(secret)
}

async fn message_token(feedback: &dyn FeedbackApi) -> Token {
    let month = feedback.home().await.unwrap().month;
    token(feedback, Scope::Messages { month }).await.unwrap()
}

#[wasm_bindgen_test]
async fn a_survey_is_answered_once_by_those_it_is_for_and_a_token_answers_only_its_survey() {
    for (name, backend, feedback) in fresh(connect_feedback).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        let open = feedback.home().await.unwrap().open_surveys.into_iter().find(|o| o.survey.id == NOVEMBER).expect("November's pulse is open");
        assert!(!open.token_issued, "{name}");
        let ticket = token(&*feedback, open.scope.clone()).await.unwrap();
        assert_eq!(broken(token(&*feedback, open.scope.clone()).await), [rule("scope", Rule::AlreadyIssued, None)], "{name}: one token a survey");
        assert!(feedback.home().await.unwrap().open_surveys.iter().any(|o| o.survey.id == NOVEMBER && o.token_issued), "{name}");
        backend.sign_out().await.unwrap();

        let answers = vec![Answer::Score(4), Answer::Score(5), Answer::Score(9), Answer::Text("Thêm chỗ để xe".into())];
        let elsewhere = SurveyAnswer { survey: SurveyId(2), token: ticket.clone(), answers: answers.clone() };
        assert_eq!(broken(feedback.answer_survey(&elsewhere).await), [rule("token.scope", Rule::TokenInvalid, None)], "{name}: not October's");
        let short = SurveyAnswer { survey: NOVEMBER, token: ticket.clone(), answers: answers[..1].to_vec() };
        assert_eq!(broken(feedback.answer_survey(&short).await), [rule("answers", Rule::OutOfRange, Some(4))], "{name}: one answer a question");
        let mut wrong = SurveyAnswer { survey: NOVEMBER, token: ticket.clone(), answers: answers.clone() };
        wrong.answers[0] = Answer::Score(6);
        assert_eq!(broken(feedback.answer_survey(&wrong).await), [rule("answers[0]", Rule::OutOfRange, Some(5))], "{name}");
        let answer = SurveyAnswer { survey: NOVEMBER, token: ticket, answers };
        assert_eq!(feedback.answer_survey(&answer).await, Ok(()), "{name}: signed out, with the token alone");
        assert_eq!(broken(feedback.answer_survey(&answer).await), [rule("token", Rule::TokenSpent, None)], "{name}: spent once");

        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let october = Scope::Survey { survey: 2, group: open.scope.key().rsplit(':').next().unwrap().to_owned() };
        assert_eq!(broken(token(&*feedback, october).await), [rule("scope", Rule::SurveyClosed, None)], "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_conversation_reaches_hr_is_answered_by_name_and_read_back_with_its_key_alone() {
    for (name, backend, feedback) in fresh(connect_feedback).await {
        sign_in(&*backend, "tuan.pham@noibo.example").await;
        let key = thread_key();
        let empty = NewThread { to: Recipient::Hr, topic: Topic::Safety, body: "  ".into(), access: key.access(), token: message_token(&*feedback).await };
        assert_eq!(broken(feedback.start_thread(&empty).await), [rule("body", Rule::Required, None)], "{name}");
        let new = NewThread { body: "Lối thoát hiểm xưởng 2 bị chặn bởi pallet.".into(), ..empty };
        backend.sign_out().await.unwrap();
        let started = feedback.start_thread(&new).await.unwrap();
        assert_eq!(started.routing.to, Recipient::Hr, "{name}");
        let id = started.thread.id.clone();

        sign_in(&*backend, "minh.le@noibo.example").await;
        assert!(!feedback.threads().await.unwrap().iter().any(|t| t.id == id), "{name}: a manager does not read HR's");
        assert_eq!(feedback.reply(&id, "?").await.map(|_| ()), Err(ApiError::NotFound), "{name}");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        feedback.reply(&id, "Đã dọn, cảm ơn bạn.").await.unwrap();
        backend.sign_out().await.unwrap();

        let read = feedback.open_thread(&key).await.unwrap();
        assert_eq!(read.messages.len(), 2, "{name}");
        assert!(matches!(&read.messages[1].author, Author::Responder { name, .. } if name == "Nguyễn Thị Hoa"), "{name}: {:?}", read.messages[1].author);
        assert_eq!(feedback.answer_thread(&key, "Cảm ơn!").await.map(|t| t.messages.len()), Ok(3), "{name}");
        assert_eq!(feedback.open_thread(&thread_key()).await.map(|_| ()), Err(ApiError::NotFound), "{name}");

        // The board is one person: a message to it would name him.
        sign_in(&*backend, "an.vo@noibo.example").await;
        let to_board = NewThread { to: Recipient::Department(DepartmentId(8)), token: message_token(&*feedback).await, access: thread_key().access(), ..new };
        backend.sign_out().await.unwrap();
        let routed = feedback.start_thread(&to_board).await.unwrap().routing;
        assert_eq!((routed.to, routed.rerouted_below), (Recipient::Hr, Some(5)), "{name}");
    }
}

#[wasm_bindgen_test]
async fn an_idea_gets_one_vote_a_member_and_only_hr_sets_its_status_with_a_reason_to_decline() {
    for (name, backend, feedback) in fresh(connect_feedback).await {
        sign_in(&*backend, "thu.tran@noibo.example").await;
        let ideas = feedback.ideas(IdeaSort::Votes).await.unwrap();
        let reading = ideas.iter().find(|i| i.title == "Góc đọc sách ở văn phòng Hà Nội").unwrap().clone();
        let scope = Scope::IdeaVote { idea: reading.id.as_str().to_owned() };
        let ticket = token(&*feedback, scope.clone()).await.unwrap();
        assert_eq!(broken(token(&*feedback, scope).await), [rule("scope", Rule::AlreadyIssued, None)], "{name}");
        assert_eq!(feedback.set_status(&reading.id, &IdeaStatus::Planned).await.map(|_| ()), Err(ApiError::Forbidden), "{name}");
        backend.sign_out().await.unwrap();
        let vote = Vote { idea: reading.id.clone(), token: ticket };
        assert_eq!(feedback.vote(&vote).await.map(|i| i.votes), Ok(reading.votes + 1), "{name}");
        assert_eq!(broken(feedback.vote(&vote).await), [rule("token", Rule::TokenSpent, None)], "{name}");

        sign_in(&*backend, "lan.tran@noibo.example").await;
        let own = token(&*feedback, Scope::IdeaVote { idea: reading.id.as_str().to_owned() }).await;
        assert_eq!(broken(own), [rule("scope", Rule::NotInAudience, None)], "{name}: not for one's own idea");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        assert_eq!(broken(feedback.set_status(&reading.id, &IdeaStatus::Declined(" ".into())).await), [rule("reason", Rule::Required, None)], "{name}");
        assert_eq!(feedback.set_status(&reading.id, &IdeaStatus::Planned).await.map(|i| i.status), Ok(IdeaStatus::Planned), "{name}");
        backend.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn hr_reads_the_same_results_on_both_backends_and_writes_surveys_under_the_same_rules() {
    let mut seen = Vec::new();
    for (name, backend, feedback) in fresh(connect_feedback).await {
        sign_in(&*backend, "quang.do@noibo.example").await;
        assert_eq!(feedback.results(SurveyId(2), &ResultsQuery::default()).await.map(|_| ()), Err(ApiError::Forbidden), "{name}");
        assert_eq!(feedback.directory().await.map(|_| ()), Err(ApiError::Forbidden), "{name}");
        sign_in(&*backend, "minh.le@noibo.example").await;
        let minhs = feedback.results(SurveyId(2), &ResultsQuery::default()).await.unwrap();
        assert_eq!(minhs.filter, Some(GroupKey::department(DepartmentId(1))), "{name}: a manager's own department");
        assert_eq!(feedback.directory().await.map(|d| d.department(DepartmentId(1)).map(|n| n.vi.clone())), Ok(Some("Kinh doanh".into())), "{name}");

        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let query = ResultsQuery { filter: None, breakdown: Some(Dimension::Department) };
        let mut october = feedback.results(SurveyId(2), &query).await.unwrap();
        october.comments.sort_by(|a, b| a.text.cmp(&b.text));
        assert!(october.groups.iter().filter(|g| g.figures.is_none()).count() >= 2, "{name}: small departments hidden");
        let canteen = feedback.results(SurveyId(3), &ResultsQuery::default()).await.unwrap();
        assert_eq!((canteen.responses, canteen.total.is_none()), (4, true), "{name}: not enough responses to show");

        let opens = october.survey.draft.opens;
        let mut draft = SurveyDraft { closes: opens.plus_days(-1), min_responses: 2, questions: vec![], ..october.survey.draft.clone() };
        draft.title.en = String::new();
        assert_eq!(
            broken(feedback.create_survey(&draft).await),
            [
                rule("title.en", Rule::Required, None),
                rule("questions", Rule::Required, None),
                rule("closes", Rule::EndsBeforeStart, None),
                rule("min_responses", Rule::OutOfRange, Some(1000)),
            ],
            "{name}"
        );
        seen.push(october);
        backend.sign_out().await.unwrap();
    }
    assert_eq!(seen[0], seen[1], "the same figures, groups and comments on both backends");
}

// ---------------------------------------------------------------- training

use domain::training::certificate::CertificateStatus;
use domain::training::course::{CatalogueQuery, CourseDraft, CourseId, Format, Topic as CourseTopic};
use domain::training::event::{EventDraft, EventId, RsvpAnswer};
use domain::training::lesson::LessonId;
use domain::training::session::{Place, SessionId};
use domain::Lang;
use noibo::portals::training::api::{connect as connect_training, TrainingApi};

/// Food safety: lessons 4, 5 and 6 and a quiz, for the factory floor.
const FOOD_SAFETY: CourseId = CourseId(2);
/// Sales skills in Hanoi, ten days after NOW: four seats, all taken.
const FULL_SALES_SESSION: SessionId = SessionId(2);

/// The quiz's answers as HR wrote them.
async fn right_answers(training: &dyn TrainingApi, course: CourseId) -> Vec<u8> {
    let catalogue = training.hr_catalogue().await.unwrap();
    let quiz = catalogue.courses.into_iter().find(|c| c.course.id == course).and_then(|c| c.quiz).expect("a quiz");
    quiz.draft.questions.iter().map(|q| q.correct).collect()
}

#[wasm_bindgen_test]
async fn tuan_passes_food_safety_on_his_second_try_and_anyone_reads_the_same_certificate() {
    for (name, backend, training) in fresh(connect_training).await {
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let right = right_answers(&*training, FOOD_SAFETY).await;
        sign_in(&*backend, "tuan.pham@noibo.example").await;
        let for_you = training.catalogue(&CatalogueQuery { for_you: true, ..CatalogueQuery::default() }).await.unwrap();
        assert!(for_you.iter().any(|e| e.course.id == FOOD_SAFETY), "{name}: food safety is for him");
        assert_eq!(broken(training.start_attempt(FOOD_SAFETY).await), [rule("course", Rule::LessonsFirst, None)], "{name}");
        for lesson in [4, 5, 6] {
            training.complete_lesson(LessonId(lesson)).await.unwrap();
        }
        let first = training.start_attempt(FOOD_SAFETY).await.unwrap();
        let wrong: Vec<u8> = right.iter().map(|a| u8::from(*a == 0)).collect();
        let failed = training.submit_attempt(first.attempt.id, &wrong).await.unwrap();
        let grade = failed.attempt.submitted.expect("graded").grade;
        assert_eq!((grade.passed, grade.wrong.len()), (false, right.len()), "{name}");
        assert_eq!(failed.result.certificate, None, "{name}");
        let second = training.start_attempt(FOOD_SAFETY).await.unwrap();
        let passed = training.submit_attempt(second.attempt.id, &right).await.unwrap();
        let certificate = passed.result.certificate.expect("the pass completes the course");
        assert_eq!(certificate.expires_on.map(|d| d.to_string()), Some("2027-11-20".to_owned()), "{name}: renewed every 12 months");
        assert_eq!(broken(training.start_attempt(FOOD_SAFETY).await), [rule("course", Rule::AlreadyPassed, None)], "{name}");
        backend.sign_out().await.unwrap();

        let check = training.verify(&certificate.code.as_str().to_lowercase()).await.unwrap();
        assert_eq!((check.name.as_str(), check.status), ("Phạm Văn Tuấn", CertificateStatus::Valid), "{name}: signed out");
        assert_eq!(training.verify("0000-0000-0000").await.map(|_| ()), Err(ApiError::NotFound), "{name}");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        assert_eq!(broken(training.revoke(&certificate.code, " ").await), [rule("reason", Rule::Required, None)], "{name}");
        training.revoke(&certificate.code, "Thi hộ").await.unwrap();
        assert_eq!(training.verify(certificate.code.as_str()).await.map(|c| c.status), Ok(CertificateStatus::Revoked), "{name}");
    }
}

#[wasm_bindgen_test]
async fn a_full_session_puts_lan_on_the_waitlist_once_and_a_cancel_seats_her() {
    for (name, backend, training) in fresh(connect_training).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        let waiting = training.enrol("lan-sales", FULL_SALES_SESSION).await.unwrap();
        assert_eq!(waiting.place, Place::Waiting { position: 1 }, "{name}");
        assert_eq!(training.enrol("lan-sales", FULL_SALES_SESSION).await, Ok(waiting.clone()), "{name}: a retry is the same enrolment");
        assert_eq!(broken(training.enrol("lan-sales", SessionId(3)).await), [rule("Idempotency-Key", Rule::KeyReused, None)], "{name}");
        assert_eq!(broken(training.enrol("lan-again", FULL_SALES_SESSION).await), [rule("session", Rule::AlreadyEnrolled, None)], "{name}");

        sign_in(&*backend, "khoa.dang@noibo.example").await;
        let course = training.course(CourseId(3)).await.unwrap();
        let seat = course.sessions.iter().find(|s| s.session.id == FULL_SALES_SESSION).and_then(|s| s.mine.clone()).expect("Khoa holds a seat");
        training.cancel_enrolment(seat.enrolment.id).await.unwrap();
        assert_eq!(training.cancel_enrolment(seat.enrolment.id).await, Err(ApiError::NotFound), "{name}: once");

        sign_in(&*backend, "lan.tran@noibo.example").await;
        let home = training.home().await.unwrap();
        assert_eq!(home.promotions.iter().map(|p| p.session).collect::<Vec<_>>(), [FULL_SALES_SESSION], "{name}: her home says so");
        let course = training.course(CourseId(3)).await.unwrap();
        let mine = course.sessions.iter().find(|s| s.session.id == FULL_SALES_SESSION).and_then(|s| s.mine.clone()).unwrap();
        assert_eq!(mine.place, Place::Enrolled, "{name}");
    }
}

#[wasm_bindgen_test]
async fn hr_writes_training_under_the_same_rules_and_an_invitation_follows_its_event() {
    for (name, backend, training) in fresh(connect_training).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        let draft = CourseDraft {
            title: LocalizedText { vi: " ".into(), en: "First aid".into() },
            summary: LocalizedText { vi: "Một buổi".into(), en: "One session".into() },
            topic: CourseTopic::Safety,
            format: Format::Classroom,
            audience: Default::default(),
            renewal_months: Some(0),
        };
        assert_eq!(training.save_course(None, &draft).await.map(|_| ()), Err(ApiError::Forbidden), "{name}");
        assert_eq!(training.completion().await.map(|_| ()), Err(ApiError::Forbidden), "{name}: a member sees no one's progress");
        let invitation = training.event_ics(EventId(1), Lang::En).await.unwrap();
        assert!(invitation.contains("UID:training-event-1@noibo.example") && invitation.contains("SEQUENCE:0"), "{name}: {invitation}");

        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let mut errors = broken(training.save_course(None, &draft).await);
        errors.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(errors, [rule("renewal_months", Rule::OutOfRange, Some(60)), rule("title.vi", Rule::Required, None)], "{name}");
        let event = training.hr_catalogue().await.unwrap().events.into_iter().find(|e| e.id == EventId(1)).unwrap();
        let moved = EventDraft { place: "Hội trường tầng 3".into(), ..event.draft.clone() };
        assert_eq!(training.save_event(Some(EventId(1)), &moved).await.map(|e| e.sequence), Ok(1), "{name}");
        assert_eq!(training.cancel_event(EventId(1)).await.map(|e| e.sequence), Ok(2), "{name}");
        assert_eq!(broken(training.cancel_event(EventId(1)).await), [rule("cancelled", Rule::EventCancelled, None)], "{name}");

        sign_in(&*backend, "lan.tran@noibo.example").await;
        let invitation = training.event_ics(EventId(1), Lang::Vi).await.unwrap();
        assert!(invitation.contains("SEQUENCE:2") && invitation.contains("STATUS:CANCELLED"), "{name}: {invitation}");
        assert_eq!(broken(training.rsvp(EventId(1), RsvpAnswer::Going).await), [rule("answer", Rule::EventCancelled, None)], "{name}");
    }
}

#[wasm_bindgen_test]
async fn hr_places_sessions_at_named_sites_writes_paths_and_links_and_lists_certificates_alike() {
    use domain::training::lesson::{LessonDraft, Link, LinkKind};
    use domain::training::path::PathDraft;
    use domain::training::session::SessionDraft;
    use domain::training::wire::CertificateQuery;
    use domain::{Audience, Condition, Timestamp};
    let mut seen = Vec::new();
    for (name, backend, training) in fresh(connect_training).await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        assert_eq!(training.hr_certificates(&CertificateQuery::default()).await.map(|_| ()), Err(ApiError::Forbidden), "{name}");

        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        let catalogue = training.hr_catalogue().await.unwrap();
        let hcmc = catalogue.directory.site(SiteId(3)).cloned().expect("the company's third site, by name");
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        let session = SessionDraft {
            course: CourseId(3),
            site: SiteId(3),
            room: "Phòng Sen".into(),
            starts: at("2026-12-15T08:30:00+07:00"),
            ends: at("2026-12-15T16:30:00+07:00"),
            capacity: 10,
            cancel_until: at("2026-12-13T17:00:00+07:00"),
            audience: Audience::everyone().and(Condition::SiteIn(vec![SiteId(1), SiteId(3)])),
        };
        let saved = training.save_session(None, &session).await.unwrap();
        assert_eq!(saved.draft.audience, session.audience, "{name}: the audience chosen is kept");

        let t = |s: &str| LocalizedText { vi: s.into(), en: s.into() };
        let path = PathDraft {
            title: t("Bán hàng"),
            summary: t("Hai khóa"),
            audience: Audience::everyone(),
            courses: vec![CourseId(3), CourseId(99), CourseId(3)],
            enforce_order: true,
        };
        assert_eq!(
            broken(training.save_path(None, &path).await),
            [rule("courses[1]", Rule::UnknownCourse, None), rule("courses[2]", Rule::DuplicateCourse, None)],
            "{name}"
        );
        let created = training.save_path(None, &PathDraft { courses: vec![CourseId(3), CourseId(4)], ..path.clone() }).await.unwrap();
        let reordered = PathDraft { courses: vec![CourseId(4), CourseId(3)], enforce_order: false, ..path };
        assert_eq!(training.save_path(Some(created.id), &reordered).await.map(|p| p.draft), Ok(reordered), "{name}");

        let lesson = catalogue.courses.iter().find(|c| c.course.id == FOOD_SAFETY).unwrap().lessons[0].clone();
        let link = Link { kind: LinkKind::Document, title: t("Quy định"), url: "http://example.com/a.pdf".into() };
        let draft = LessonDraft { links: vec![link.clone()], ..lesson.draft.clone() };
        assert_eq!(broken(training.save_lesson(Some(lesson.id), &draft).await), [rule("links[0].url", Rule::LinkScheme, None)], "{name}");
        let https = LessonDraft { links: vec![Link { url: "https://example.com/a.pdf".into(), ..link }], ..lesson.draft };
        assert_eq!(training.save_lesson(Some(lesson.id), &https).await.map(|l| l.draft.links), Ok(https.links), "{name}");

        let valid = training.hr_certificates(&CertificateQuery { status: Some(CertificateStatus::Valid), course: None }).await.unwrap();
        assert!(!valid.is_empty() && valid.iter().all(|c| c.status == CertificateStatus::Valid), "{name}");
        let code = valid[0].certificate.code.clone();
        training.revoke(&code, "Thi hộ").await.unwrap();
        let revoked = training.hr_certificates(&CertificateQuery { status: Some(CertificateStatus::Revoked), course: None }).await.unwrap();
        // The server's other scenarios may have revoked others already.
        assert!(revoked.iter().any(|c| c.certificate.code == code) && revoked.iter().all(|c| c.status == CertificateStatus::Revoked), "{name}");

        sign_in(&*backend, "lan.tran@noibo.example").await;
        let course = training.course(CourseId(3)).await.unwrap();
        let shown = course.sessions.iter().find(|s| s.session.id == saved.id).expect("the new session, for Lan in Hanoi");
        assert_eq!(shown.site_name, hcmc, "{name}: the site by its name");
        seen.push(catalogue.directory);
        backend.sign_out().await.unwrap();
    }
    assert_eq!(seen[0], seen[1], "the same departments, sites and segments on both backends");
}
