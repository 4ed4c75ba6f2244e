//! The store's use cases on their own: facts in, a decision out, exactly
//! what both backends write. Where `Shop` already shows a rule (see
//! store_orders.rs and store_catalogue.rs), these cover what only the
//! decision shows: the stock to take and give back, the status to write
//! over, the key answers, paging, what is not found.

mod common;

use common::*;
use domain::common::{FieldError, Forbidden, Rule};
use domain::seed::{demo_company, demo_shop};
use domain::store::order::KeyUse;
use domain::store::use_cases::{self as uc, KeyCheck, OrderDecision, OrderPlacement, Shopper, StatusDecision, UNNUMBERED};
use domain::store::{Actor, Order, OrderFilter, OrderId, OrderStatus, ProductId, ProductPatch, Review, ReviewDraft, StoreError};
use domain::{Company, LocalizedText, Member};

fn placed(company: &Company, member: &Member, lines: &[(u32, i64)]) -> OrderPlacement {
    let shop = demo_shop();
    let shopper = Shopper { company, member, orders: &[] };
    match uc::place_order(&shopper, &shop.policy, &shop.products, None, &request(lines, HANOI), now()) {
        Ok(OrderDecision::Place(placement)) => placement,
        other => panic!("expected a placement, got {other:?}"),
    }
}

/// Lan's order of products 1 (twice, 3 units) and 5 (1 unit), numbered 1,
/// brought to `status` by HR.
fn order_in(company: &Company, status: OrderStatus) -> Order {
    let lan = person(company, "lan.tran");
    let mut order = placed(company, lan, &[(1, 2), (5, 1), (1, 1)]).order;
    order.id = OrderId(1);
    let path: &[OrderStatus] = match status {
        OrderStatus::Placed => &[],
        OrderStatus::ReadyForPickup => &[OrderStatus::ReadyForPickup],
        OrderStatus::Collected => &[OrderStatus::ReadyForPickup, OrderStatus::Collected],
        OrderStatus::Cancelled => &[OrderStatus::Cancelled],
    };
    for &step in path {
        order = uc::change_status(Some(&order), step, Actor::Hr, now()).unwrap().order;
    }
    order
}

// ------------------------------------------------------------ placing an order

#[test]
fn a_new_order_takes_exactly_its_units_once_per_product_and_waits_for_its_number() {
    let company = demo_company();
    let placement = placed(&company, person(&company, "lan.tran"), &[(1, 2), (5, 3), (1, 1)]);
    assert_eq!(placement.take_stock, [(ProductId(1), 3), (ProductId(5), 3)]);
    assert_eq!(placement.order.id, UNNUMBERED);
    assert_eq!(placement.order.status, OrderStatus::Placed);
    assert_eq!(placement.order.placed_at, now());
}

#[test]
fn an_order_that_breaks_a_rule_decides_nothing_to_write() {
    let company = demo_company();
    let shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let shopper = Shopper { company: &company, member: lan, orders: &[] };
    let stock = product(&shop, 16).stock;
    let result = uc::place_order(&shopper, &shop.policy, &shop.products, None, &request(&[(16, i64::from(stock) + 1)], HANOI), now());
    assert_eq!(result, Err(StoreError::Rejected(vec![violation("lines[0].quantity", Rule::Stock, Some(u64::from(stock)))])));
}

#[test]
fn a_retry_with_the_same_key_repeats_the_first_order_without_checking_the_rules_again() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let r = request(&[(16, 1)], HANOI);
    // The last unit is gone now, but the retry is the order already placed.
    shop.products.iter_mut().for_each(|p| p.stock = 0);
    let shopper = Shopper { company: &company, member: lan, orders: &[] };
    let done = KeyUse { request: r.clone(), order: Some(OrderId(7)) };
    assert_eq!(uc::place_order(&shopper, &shop.policy, &shop.products, Some(&done), &r, now()), Ok(OrderDecision::Repeat(OrderId(7))));
}

#[test]
fn a_key_answers_fresh_repeat_reused_or_in_flight() {
    let r = request(&[(1, 1)], HANOI);
    let other = request(&[(1, 2)], HANOI);
    let in_flight = KeyUse { request: r.clone(), order: None };
    let done = KeyUse { request: r.clone(), order: Some(OrderId(7)) };
    assert_eq!(uc::check_key(None, &r), Ok(KeyCheck::Fresh));
    assert_eq!(uc::check_key(Some(&done), &r), Ok(KeyCheck::Repeat(OrderId(7))));
    assert_eq!(uc::check_key(Some(&in_flight), &r), Err(StoreError::InFlight));
    assert_eq!(uc::check_key(Some(&done), &other), Err(StoreError::Rejected(vec![violation("Idempotency-Key", Rule::KeyReused, None)])));
}

// ------------------------------------------------------------ status changes

#[test]
fn stock_comes_back_exactly_when_an_order_stops_counting_on_every_legal_path() {
    let company = demo_company();
    for from in OrderStatus::ALL {
        for to in OrderStatus::ALL {
            for actor in [Actor::Buyer, Actor::Hr] {
                if !from.can_become(to, actor) {
                    continue;
                }
                let order = order_in(&company, from);
                let later = at("2026-11-23T09:00:00+07:00");
                let StatusDecision { order: moved, from: was, return_stock } = uc::change_status(Some(&order), to, actor, later).unwrap();
                assert_eq!((was, moved.status), (from, to));
                assert_eq!(moved.history.last().map(|c| (c.status, c.at)), Some((to, later)));
                let expected: &[(ProductId, u32)] = if to == OrderStatus::Cancelled { &[(ProductId(1), 3), (ProductId(5), 1)] } else { &[] };
                assert_eq!(return_stock, expected, "{from:?} → {to:?} by {actor:?}");
            }
        }
    }
}

#[test]
fn a_refused_status_change_gives_nothing_back() {
    let company = demo_company();
    let cancelled = order_in(&company, OrderStatus::Cancelled);
    assert_eq!(
        uc::change_status(Some(&cancelled), OrderStatus::Cancelled, Actor::Hr, now()),
        Err(StoreError::Rejected(vec![violation("status", Rule::Transition, None)]))
    );
    let collected = order_in(&company, OrderStatus::Collected);
    assert_eq!(
        uc::change_status(Some(&collected), OrderStatus::Cancelled, Actor::Hr, now()),
        Err(StoreError::Rejected(vec![violation("status", Rule::Transition, None)]))
    );
    assert_eq!(uc::change_status(None, OrderStatus::Cancelled, Actor::Hr, now()), Err(StoreError::NotFound));
}

#[test]
fn a_member_cancels_only_their_own_placed_order() {
    let company = demo_company();
    let (lan, minh) = (person(&company, "lan.tran"), person(&company, "minh.le"));
    let order = order_in(&company, OrderStatus::Placed);
    assert_eq!(uc::cancel_order(minh.id, Some(&order), now()), Err(StoreError::NotFound));
    assert_eq!(uc::cancel_order(lan.id, None, now()), Err(StoreError::NotFound));
    let decision = uc::cancel_order(lan.id, Some(&order), now()).unwrap();
    assert_eq!((decision.from, decision.order.status), (OrderStatus::Placed, OrderStatus::Cancelled));
    assert_eq!(decision.return_stock, [(ProductId(1), 3), (ProductId(5), 1)]);
    let ready = order_in(&company, OrderStatus::ReadyForPickup);
    assert_eq!(uc::cancel_order(lan.id, Some(&ready), now()), Err(StoreError::Rejected(vec![violation("status", Rule::Transition, None)])));
}

#[test]
fn a_cancelled_order_gives_its_allowance_back() {
    let company = demo_company();
    let shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = order_in(&company, OrderStatus::Placed);
    let before = uc::allowance(&Shopper { company: &company, member: lan, orders: &[] }, &shop.policy, now());
    let holding = uc::allowance(&Shopper { company: &company, member: lan, orders: std::slice::from_ref(&order) }, &shop.policy, now());
    assert_eq!(holding.remaining, before.remaining - order.total);
    let cancelled = uc::cancel_order(lan.id, Some(&order), now()).unwrap().order;
    let after = uc::allowance(&Shopper { company: &company, member: lan, orders: &[cancelled] }, &shop.policy, now());
    assert_eq!(after, before);
}

// ------------------------------------------------------------ what is not found

#[test]
fn a_hidden_product_has_no_page_no_reviews_and_takes_no_review() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let mut hidden = product(&demo_shop(), 1).clone();
    hidden.hidden = true;
    let shopper = Shopper { company: &company, member: lan, orders: &[] };
    assert_eq!(uc::product_detail(&shopper, Some(&hidden), [], now()), Err(StoreError::NotFound));
    assert_eq!(uc::product_detail(&shopper, None, [], now()), Err(StoreError::NotFound));
    assert_eq!(uc::product_reviews(Some(&hidden), std::iter::empty()), Err(StoreError::NotFound));
    let draft = ReviewDraft { rating: 5, comment: String::new() };
    assert_eq!(uc::save_review(&shopper, Some(&hidden), &draft, now()), Err(StoreError::NotFound));
}

#[test]
fn hr_edits_hidden_products_too_but_not_unknown_ones() {
    let mut hidden = product(&demo_shop(), 1).clone();
    hidden.hidden = true;
    let patch = ProductPatch { stock: Some(7), ..ProductPatch::default() };
    assert_eq!(uc::update_product(Some(&hidden), patch.clone()).map(|p| (p.stock, p.hidden)), Ok((7, true)));
    assert_eq!(uc::update_product(None, patch), Err(StoreError::NotFound));
}

#[test]
fn reviews_written_the_same_day_list_the_last_written_first() {
    let review = |name: &str, day: &str| Review {
        product_id: ProductId(1),
        reviewer_name: name.into(),
        department: LocalizedText::new("", ""),
        rating: 4,
        comment: String::new(),
        updated_on: day.parse().unwrap(),
    };
    let written = vec![review("a", "2026-11-20"), review("b", "2026-11-21"), review("c", "2026-11-20")];
    let listed = uc::product_reviews(Some(product(&demo_shop(), 1)), written.into_iter()).unwrap();
    assert_eq!(listed.iter().map(|r| r.reviewer_name.as_str()).collect::<Vec<_>>(), ["b", "c", "a"]);
}

// ------------------------------------------------------------ HR's queue

#[test]
fn hrs_queue_is_fifty_orders_a_page_newest_first_and_refuses_impossible_pages() {
    let company = demo_company();
    let template = order_in(&company, OrderStatus::Placed);
    let orders: Vec<Order> = (1..=60).map(|n| Order { id: OrderId(n), ..template.clone() }).collect();
    let all = OrderFilter::default();
    let first = uc::order_queue_page(&orders, &all, None, None).unwrap();
    assert_eq!((first.total, first.items.len(), first.items[0].id), (60, 50, OrderId(60)));
    let second = uc::order_queue_page(&orders, &all, Some(2), None).unwrap();
    assert_eq!(second.items.iter().map(|o| o.id.0).collect::<Vec<_>>(), (1..=10).rev().collect::<Vec<_>>());
    assert_eq!(uc::order_queue_page(&orders, &all, Some(0), None), Err(StoreError::Rejected(vec![violation("page", Rule::OutOfRange, None)])));
    assert_eq!(uc::order_queue_page(&orders, &all, None, Some(101)), Err(StoreError::Rejected(vec![violation("per_page", Rule::OutOfRange, Some(100))])));
    let cancelled = OrderFilter { status: Some(OrderStatus::Cancelled), site: None };
    assert_eq!(uc::order_queue_page(&orders, &cancelled, None, None).unwrap().total, 0);
}

// ------------------------------------------------------------ the wire and access

#[test]
fn a_field_error_travels_as_field_rule_limit_and_an_english_message() {
    let error = FieldError::from(violation("lines[0].quantity", Rule::Quota, Some(2)));
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json, serde_json::json!({"field": "lines[0].quantity", "rule": "quota", "limit": 2, "message": Rule::Quota.describe()}));
    assert_eq!(serde_json::from_value::<FieldError>(json).unwrap(), error);
    let unreadable = serde_json::to_value(FieldError::unreadable("email", "email must not be empty")).unwrap();
    assert_eq!(unreadable, serde_json::json!({"field": "email", "message": "email must not be empty"}));
}

#[test]
fn a_field_error_is_read_without_a_message_rule_or_limit() {
    let bare: FieldError = serde_json::from_value(serde_json::json!({"field": "lines", "rule": "empty_order"})).unwrap();
    assert_eq!(bare, FieldError { field: "lines".into(), rule: Some(Rule::EmptyOrder), limit: None, min: None, message: String::new() });
    let plain: FieldError = serde_json::from_value(serde_json::json!({"field": "body"})).unwrap();
    assert_eq!((plain.rule, plain.message.as_str()), (None, ""));
}

#[test]
fn only_hr_may_run_the_store() {
    let company = demo_company();
    assert_eq!(domain::common::require_hr(person(&company, "hoa.nguyen")), Ok(()));
    assert_eq!(domain::common::require_hr(person(&company, "minh.le")), Err(Forbidden));
}
