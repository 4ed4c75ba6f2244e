//! Ordering from the internal store: prices, the rules an order must obey,
//! the allowance, quotas, stock, an order's life, and safe retries.

mod common;

use common::*;
use domain::common::Rule;
use domain::seed::{demo_company, demo_shop};
use domain::store::order::{check_order, is_valid_key, replay, Buyer, KeyUse, Replay, MAX_KEY_LENGTH, MAX_LINES, MAX_QUANTITY};
use domain::store::shop::StoredKey;
use domain::store::{Actor, AllowancePolicy, OrderId, OrderRequest, OrderStatus, Product, ProductId, StoreError, Vnd};
use domain::{Company, Member, Timestamp};

/// `check_order` for `member` with the demo products and no earlier orders.
fn check_with(
    company: &Company,
    member: &Member,
    products: &[Product],
    remaining: Vnd,
    request: &OrderRequest,
) -> Result<domain::store::order::Placement, Vec<domain::common::Violation>> {
    let buyer = Buyer { company, member, orders: &[], allowance_remaining: remaining, now: now() };
    check_order(&buyer, |id| products.iter().find(|p| p.id == id), request)
}

// ---------------------------------------------------------------- prices

#[test]
fn an_order_is_charged_at_the_stores_internal_prices() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 2), (3, 1)], HANOI), now()).unwrap();
    assert_eq!(order.lines.iter().map(|l| (l.product_id.0, l.quantity, l.unit_price)).collect::<Vec<_>>(), [(1, 2, 129_000), (3, 1, 69_000)]);
    assert_eq!(order.total, 2 * 129_000 + 69_000);
    assert_eq!(order.status, OrderStatus::Placed);
    assert_eq!(order.buyer_name, "Trần Thị Lan");
    assert_eq!(order.id.number(), format!("SV-{:06}", order.id.0));
}

#[test]
fn the_price_charged_is_whatever_the_backend_holds_now_not_what_the_member_saw() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let mut products = demo_shop().products;
    products[0].internal_price = 1_000; // HR changed the price after the cart was filled
    products[2].internal_price = 50_000;
    let placement = check_with(&company, lan, &products, 5_000_000, &request(&[(1, 3), (3, 2)], HANOI)).unwrap();
    assert_eq!(placement.lines.iter().map(|l| l.unit_price).collect::<Vec<_>>(), [1_000, 50_000]);
    assert_eq!(placement.total, 3 * 1_000 + 2 * 50_000);
    assert_eq!(placement.total, placement.lines.iter().map(|l| l.total()).sum::<Vnd>());
}

#[test]
fn a_tampered_price_or_total_in_an_order_request_is_dropped_unread() {
    let with_price = r#"{"lines":[{"product_id":1,"quantity":1,"unit_price":1}],"pickup_site_id":1}"#;
    let with_total = r#"{"lines":[{"product_id":1,"quantity":1}],"pickup_site_id":1,"total":1}"#;
    assert_eq!(serde_json::from_str::<OrderRequest>(with_price).unwrap(), request(&[(1, 1)], 1));
    assert_eq!(serde_json::from_str::<OrderRequest>(with_total).unwrap(), request(&[(1, 1)], 1));
    let plain = r#"{"lines":[{"product_id":1,"quantity":1}],"pickup_site_id":1}"#;
    assert_eq!(serde_json::from_str::<OrderRequest>(plain).unwrap(), request(&[(1, 1)], 1));
}

#[test]
fn an_order_keeps_its_price_and_name_after_hr_edits_the_product() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
    let patch =
        domain::store::ProductPatch {
            internal_price: Some(99_000), name: Some(domain::LocalizedText::new("Cà phê mới", "New coffee")), ..Default::default()
        };
    shop.update_product(ProductId(1), patch).unwrap();
    let again = shop.order(lan.id, order.id).unwrap();
    assert_eq!(again.total, 129_000);
    assert_eq!(again.lines[0].name.vi, "Cà phê rang xay Sen Vàng 500g");
}

// ---------------------------------------------------------------- what an order may say

#[test]
fn a_quantity_must_be_a_whole_number_from_one_to_ninety_nine() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let products = demo_shop().products;
    let max = Some(MAX_QUANTITY as u64);
    for bad in [0, -1, i64::MIN, MAX_QUANTITY + 1, i64::MAX] {
        let result = check_with(&company, lan, &products, Vnd::MAX, &request(&[(5, 1), (5, bad)], HANOI));
        assert_eq!(result.unwrap_err(), [violation("lines[1].quantity", Rule::Quantity, max)], "quantity {bad}");
    }
    // 99 is a legal quantity; this product simply has a smaller quota.
    let result = check_with(&company, lan, &products, Vnd::MAX, &request(&[(5, MAX_QUANTITY)], HANOI));
    assert_eq!(result.unwrap_err(), [violation("lines[0].quantity", Rule::Quota, Some(10))]);
}

#[test]
fn an_unknown_or_hidden_product_cannot_be_ordered() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.products[2].hidden = true; // product 3
    let violations = rejected(shop.place_order(&company, lan, "k", &request(&[(1, 1), (999, 1), (3, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[1].product_id", Rule::UnknownProduct, None), violation("lines[2].product_id", Rule::UnknownProduct, None)]);
    assert_eq!(stock_of(&shop, 1), 117, "nothing was placed");
}

#[test]
fn the_pickup_site_must_be_one_of_the_companys() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let products = demo_shop().products;
    let result = check_with(&company, lan, &products, Vnd::MAX, &request(&[(1, 1)], 99));
    assert_eq!(result.unwrap_err(), [violation("pickup_site_id", Rule::UnknownSite, None)]);
    // Any of the company's sites will do, not only the member's own.
    assert!(check_with(&company, lan, &products, Vnd::MAX, &request(&[(1, 1)], SAIGON)).is_ok());
}

#[test]
fn an_empty_order_is_refused() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let products = demo_shop().products;
    let result = check_with(&company, lan, &products, Vnd::MAX, &request(&[], HANOI));
    assert_eq!(result.unwrap_err(), [violation("lines", Rule::EmptyOrder, None)]);
}

#[test]
fn an_order_has_at_most_fifty_lines() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let products = demo_shop().products;
    let lines: Vec<(u32, i64)> = (0..=MAX_LINES).map(|i| (5 + (i % 2) as u32 * 9, 0)).collect();
    let violations = check_with(&company, lan, &products, Vnd::MAX, &request(&lines, HANOI)).unwrap_err();
    assert_eq!(violations[0], violation("lines", Rule::OutOfRange, Some(MAX_LINES as u64)));
}

#[test]
fn every_broken_rule_is_reported_at_once_each_at_its_field() {
    let company = demo_company();
    let an = person(&company, "an.vo");
    let products = demo_shop().products;
    let lines = [(1, 0), (999, 1), (17, 1), (16, 2), (2, 3), (3, -4)];
    let violations = check_with(&company, an, &products, Vnd::MAX, &request(&lines, 42)).unwrap_err();
    assert_eq!(
        violations,
        [
            violation("pickup_site_id", Rule::UnknownSite, None),
            violation("lines[0].quantity", Rule::Quantity, Some(99)),
            violation("lines[1].product_id", Rule::UnknownProduct, None),
            violation("lines[2].product_id", Rule::Eligibility, None),
            violation("lines[3].quantity", Rule::Stock, Some(1)),
            violation("lines[4].quantity", Rule::Quota, Some(2)),
            violation("lines[5].quantity", Rule::Quantity, Some(99)),
        ]
    );
}

#[test]
fn violations_travel_as_json_the_interface_can_place_next_to_a_field() {
    let json = serde_json::to_value(violation("lines[0].quantity", Rule::Stock, Some(3))).unwrap();
    assert_eq!(json, serde_json::json!({"field": "lines[0].quantity", "rule": "stock", "limit": 3}));
    let json = serde_json::to_value(violation("lines", Rule::EmptyOrder, None)).unwrap();
    assert_eq!(json, serde_json::json!({"field": "lines", "rule": "empty_order"}));
}

// ---------------------------------------------------------------- who may buy what

#[test]
fn a_partner_supplier_cannot_buy_cosmetics_but_can_buy_food() {
    let company = demo_company();
    let mut shop = demo_shop();
    let an = person(&company, "an.vo");
    let violations = rejected(shop.place_order(&company, an, "k1", &request(&[(17, 1)], SAIGON), now()));
    assert_eq!(violations, [violation("lines[0].product_id", Rule::Eligibility, None)]);
    assert!(shop.place_order(&company, an, "k2", &request(&[(3, 2)], SAIGON), now()).is_ok());
}

#[test]
fn the_factory_electrolyte_drink_is_for_the_factory_floor_only() {
    let company = demo_company();
    let mut shop = demo_shop();
    let tuan = person(&company, "tuan.pham");
    let lan = person(&company, "lan.tran");
    assert!(shop.place_order(&company, tuan, "k", &request(&[(23, 1)], BINH_DUONG), now()).is_ok());
    let violations = rejected(shop.place_order(&company, lan, "k", &request(&[(23, 1)], BINH_DUONG), now()));
    assert_eq!(violations, [violation("lines[0].product_id", Rule::Eligibility, None)]);
}

#[test]
fn the_catalogue_tells_each_member_what_they_may_buy() {
    let company = demo_company();
    let shop = demo_shop();
    let query = domain::store::ProductQuery { category: Some(domain::store::Category::Cosmetics), ..Default::default() };
    let an = shop.catalogue(&company, person(&company, "an.vo"), &query, now()).unwrap();
    let lan = shop.catalogue(&company, person(&company, "lan.tran"), &query, now()).unwrap();
    assert_eq!(an.total, 5);
    assert!(an.items.iter().all(|l| !l.eligible));
    assert!(lan.items.iter().all(|l| l.eligible));
    let detail = shop.product_detail(&company, person(&company, "an.vo"), ProductId(17), now()).unwrap();
    assert!(!detail.eligibility.eligible);
    assert!(detail.eligibility.unmet().next().is_some(), "the member is told why");
}

// ---------------------------------------------------------------- stock

#[test]
fn nobody_can_order_more_than_is_in_stock() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let violations = rejected(shop.place_order(&company, lan, "k1", &request(&[(16, 2)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Stock, Some(1))]);
    let violations = rejected(shop.place_order(&company, lan, "k2", &request(&[(24, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Stock, Some(0))]);
}

#[test]
fn two_lines_of_the_same_product_share_its_stock() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let violations = rejected(shop.place_order(&company, lan, "k", &request(&[(16, 1), (16, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[1].quantity", Rule::Stock, Some(0))]);
    assert_eq!(stock_of(&shop, 16), 1);
}

#[test]
fn the_last_unit_goes_to_whoever_orders_first() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let minh = person(&company, "minh.le");
    shop.place_order(&company, lan, "k", &request(&[(16, 1)], HANOI), now()).unwrap();
    assert_eq!(stock_of(&shop, 16), 0);
    let violations = rejected(shop.place_order(&company, minh, "k", &request(&[(16, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Stock, Some(0))]);
    assert_eq!(stock_of(&shop, 16), 0);
}

// ---------------------------------------------------------------- monthly quota

#[test]
fn a_member_can_buy_up_to_the_monthly_quota_and_not_one_more() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    // Lotus tea: two a month per member.
    shop.place_order(&company, lan, "k1", &request(&[(2, 1)], HANOI), at("2026-11-02T08:00:00+07:00")).unwrap();
    let detail = shop.product_detail(&company, lan, ProductId(2), now()).unwrap();
    assert_eq!(detail.quota_left, 1);
    let violations = rejected(shop.place_order(&company, lan, "k2", &request(&[(2, 2)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Quota, Some(1))]);
    shop.place_order(&company, lan, "k3", &request(&[(2, 1)], HANOI), now()).unwrap();
    let violations = rejected(shop.place_order(&company, lan, "k4", &request(&[(2, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Quota, Some(0))]);
    // The quota is per member: someone else may still buy.
    assert!(shop.place_order(&company, person(&company, "minh.le"), "k1", &request(&[(2, 2)], HANOI), now()).is_ok());
}

#[test]
fn two_lines_of_the_same_product_share_the_quota() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let violations = rejected(shop.place_order(&company, lan, "k", &request(&[(2, 1), (2, 2)], HANOI), now()));
    assert_eq!(violations, [violation("lines[1].quantity", Rule::Quota, Some(1))]);
}

#[test]
fn the_quota_month_is_the_calendar_month_in_vietnam_not_in_utc() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.place_order(&company, lan, "nov", &request(&[(2, 2)], HANOI), at("2026-11-30T10:00:00+07:00")).unwrap();
    // 23:30 UTC on 30 November is 06:30 on 1 December in Hanoi: a new month.
    let late = utc("2026-11-30", 23, 30);
    assert_eq!(late, at("2026-12-01T06:30:00+07:00"));
    let december = shop.place_order(&company, lan, "dec", &request(&[(2, 2)], HANOI), late).unwrap();
    assert_eq!(december.placed_at.date().to_string(), "2026-12-01");
    // …and it uses up December's quota.
    let violations = rejected(shop.place_order(&company, lan, "dec2", &request(&[(2, 1)], HANOI), at("2026-12-20T12:00:00+07:00")));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Quota, Some(0))]);
}

#[test]
fn an_order_at_half_past_eleven_utc_on_the_last_day_counts_for_the_next_month() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    // Placed at 23:30 UTC on 31 October: already 1 November in Vietnam.
    shop.place_order(&company, lan, "k1", &request(&[(2, 2)], HANOI), utc("2026-10-31", 23, 30)).unwrap();
    let on_october_31 = at("2026-10-31T20:00:00+07:00");
    assert_eq!(shop.product_detail(&company, lan, ProductId(2), on_october_31).unwrap().quota_left, 2);
    assert_eq!(shop.product_detail(&company, lan, ProductId(2), now()).unwrap().quota_left, 0);
}

#[test]
fn cancelled_orders_do_not_use_the_quota() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let first = shop.place_order(&company, lan, "k1", &request(&[(2, 2)], HANOI), now()).unwrap();
    shop.cancel(lan.id, first.id, now()).unwrap();
    assert!(shop.place_order(&company, lan, "k2", &request(&[(2, 2)], HANOI), now()).is_ok());
}

#[test]
fn next_month_the_quota_is_fresh() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.place_order(&company, lan, "k1", &request(&[(2, 2)], HANOI), now()).unwrap();
    assert!(shop.place_order(&company, lan, "k2", &request(&[(2, 1)], HANOI), now()).is_err());
    assert!(shop.place_order(&company, lan, "k3", &request(&[(2, 2)], HANOI), at("2026-12-01T00:00:00+07:00")).is_ok());
}

#[test]
fn a_collected_order_still_counts_towards_the_quota() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = shop.place_order(&company, lan, "k1", &request(&[(2, 2)], HANOI), now()).unwrap();
    shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, now()).unwrap();
    shop.change_status(order.id, OrderStatus::Collected, Actor::Hr, now()).unwrap();
    let violations = rejected(shop.place_order(&company, lan, "k2", &request(&[(2, 1)], HANOI), now()));
    assert_eq!(violations, [violation("lines[0].quantity", Rule::Quota, Some(0))]);
}

// ---------------------------------------------------------------- allowance

#[test]
fn the_yearly_limit_is_the_highest_of_the_members_segments_or_else_the_default() {
    let company = demo_company();
    let policy = demo_shop().policy;
    let today = now().date();
    let limit = |who: &str| policy.applied(&company, person(&company, who), today).limit;
    assert_eq!(limit("lan.tran"), 5_000_000, "parents");
    assert_eq!(limit("minh.le"), 6_000_000, "five years or more");
    assert_eq!(limit("hoa.nguyen"), 6_000_000, "parent and five years: the higher one");
    assert_eq!(limit("tuan.pham"), 1_500_000, "new hire");
    assert_eq!(limit("duc.hoang"), 3_000_000, "no listed segment: the default");
    assert_eq!(limit("an.vo"), 3_000_000);
}

#[test]
fn a_segment_limit_replaces_the_default_even_when_lower_and_says_so() {
    let company = demo_company();
    let shop = demo_shop();
    let tuan = person(&company, "tuan.pham");
    let allowance = shop.allowance(&company, tuan, now());
    assert_eq!(allowance.limit, 1_500_000, "below the 3,000,000 default: the new-hire limit, not the default");
    assert_eq!(allowance.segment.map(|name| name.vi), Some("Nhân sự mới (dưới 12 tháng)".to_owned()));
    let hoa = shop.allowance(&company, person(&company, "hoa.nguyen"), now());
    assert_eq!((hoa.limit, hoa.segment.map(|name| name.en)), (6_000_000, Some("Five years or more".to_owned())), "the highest of her segments");
    let duc = shop.allowance(&company, person(&company, "duc.hoang"), now());
    assert_eq!((duc.limit, duc.segment), (3_000_000, None), "no listed segment: the default, named as such");
}

#[test]
fn a_limit_follows_the_calendar_as_a_member_reaches_five_years() {
    let company = demo_company();
    let policy = demo_shop().policy;
    let lan = person(&company, "lan.tran"); // hired 2022-08-15
    assert_eq!(policy.applied(&company, lan, "2027-08-14".parse().unwrap()).limit, 5_000_000);
    assert_eq!(policy.applied(&company, lan, "2027-08-15".parse().unwrap()).limit, 6_000_000);
}

#[test]
fn an_empty_policy_gives_everyone_the_default() {
    let company = demo_company();
    let policy = AllowancePolicy { default_limit: 2_000_000, segments: vec![] };
    for member in &company.members {
        assert_eq!(policy.applied(&company, member, now().date()).limit, 2_000_000);
    }
}

#[test]
fn spent_is_this_years_orders_that_were_not_cancelled() {
    let company = demo_company();
    let shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let allowance = shop.allowance(&company, lan, now());
    assert_eq!(allowance.period.from.to_string(), "2026-01-01");
    assert_eq!(allowance.period.to.to_string(), "2026-12-31");
    assert_eq!(allowance.limit, 5_000_000);
    assert_eq!(allowance.spent, 2 * 129_000 + 35_000, "the seeded coffee and dish soap");
    assert_eq!(allowance.remaining, 5_000_000 - 293_000);
}

#[test]
fn a_member_never_spends_past_the_allowance() {
    let company = demo_company();
    let mut shop = demo_shop();
    let tuan = person(&company, "tuan.pham");
    assert_eq!(shop.allowance(&company, tuan, now()).remaining, 1_500_000);
    let too_much = request(&[(22, 1), (2, 2), (20, 2), (6, 3)], BINH_DUONG); // 1,892,000 ₫
    let violations = rejected(shop.place_order(&company, tuan, "k1", &too_much, now()));
    assert_eq!(violations, [violation("lines", Rule::Allowance, Some(1_500_000))]);

    let gift_and_tea = shop.place_order(&company, tuan, "k2", &request(&[(22, 1), (2, 2)], BINH_DUONG), now()).unwrap();
    assert_eq!(gift_and_tea.total, 1_038_000);
    assert_eq!(shop.allowance(&company, tuan, now()).remaining, 462_000);
    let violations = rejected(shop.place_order(&company, tuan, "k3", &request(&[(6, 3), (1, 1)], BINH_DUONG), now()));
    assert_eq!(violations, [violation("lines", Rule::Allowance, Some(462_000))]);
    shop.place_order(&company, tuan, "k4", &request(&[(6, 3)], BINH_DUONG), now()).unwrap();
    let allowance = shop.allowance(&company, tuan, now());
    assert_eq!((allowance.spent, allowance.remaining), (1_494_000, 6_000));
}

#[test]
fn an_order_for_exactly_what_is_left_goes_through() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    let products = demo_shop().products;
    assert!(check_with(&company, lan, &products, 129_000, &request(&[(1, 1)], HANOI)).is_ok());
    let violations = check_with(&company, lan, &products, 128_999, &request(&[(1, 1)], HANOI)).unwrap_err();
    assert_eq!(violations, [violation("lines", Rule::Allowance, Some(128_999))]);
}

#[test]
fn cancelling_an_order_gives_the_allowance_back() {
    let company = demo_company();
    let mut shop = demo_shop();
    let tuan = person(&company, "tuan.pham");
    let order = shop.place_order(&company, tuan, "k1", &request(&[(22, 1), (2, 2)], BINH_DUONG), now()).unwrap();
    assert_eq!(shop.allowance(&company, tuan, now()).spent, 1_038_000);
    shop.cancel(tuan.id, order.id, now()).unwrap();
    assert_eq!(shop.allowance(&company, tuan, now()).spent, 0);
    assert!(shop.place_order(&company, tuan, "k2", &request(&[(22, 1), (2, 2)], BINH_DUONG), now()).is_ok());
}

#[test]
fn last_years_orders_do_not_count_this_year() {
    let company = demo_company();
    let mut shop = demo_shop();
    let tuan = person(&company, "tuan.pham");
    shop.place_order(&company, tuan, "k1", &request(&[(22, 1), (2, 2), (6, 3)], BINH_DUONG), at("2026-12-31T23:59:00+07:00")).unwrap();
    assert_eq!(shop.allowance(&company, tuan, at("2026-12-31T23:59:30+07:00")).remaining, 6_000);
    // One minute later in Hanoi (still 31 December in UTC) it is a new year.
    let new_year = at("2027-01-01T00:00:30+07:00");
    let allowance = shop.allowance(&company, tuan, new_year);
    assert_eq!((allowance.spent, allowance.remaining), (0, 1_500_000));
    assert!(shop.place_order(&company, tuan, "k2", &request(&[(22, 1), (2, 2)], BINH_DUONG), new_year).is_ok());
}

// ---------------------------------------------------------------- an order's life

#[test]
fn only_the_legal_status_changes_are_allowed_for_each_actor() {
    use OrderStatus::*;
    let legal = [
        (Placed, Cancelled, Actor::Buyer),
        (Placed, Cancelled, Actor::Hr),
        (Placed, ReadyForPickup, Actor::Hr),
        (ReadyForPickup, Collected, Actor::Hr),
        (ReadyForPickup, Cancelled, Actor::Hr),
    ];
    for from in OrderStatus::ALL {
        for to in OrderStatus::ALL {
            for actor in [Actor::Buyer, Actor::Hr] {
                let expected = legal.contains(&(from, to, actor));
                assert_eq!(from.can_become(to, actor), expected, "{from:?} → {to:?} by {actor:?}");
            }
        }
    }
}

#[test]
fn every_status_change_is_applied_or_refused_exactly_as_the_table_says() {
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    for from in OrderStatus::ALL {
        for to in OrderStatus::ALL {
            for actor in [Actor::Buyer, Actor::Hr] {
                let mut shop = demo_shop();
                let order = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
                let path: &[OrderStatus] = match from {
                    OrderStatus::Placed => &[],
                    OrderStatus::ReadyForPickup => &[OrderStatus::ReadyForPickup],
                    OrderStatus::Collected => &[OrderStatus::ReadyForPickup, OrderStatus::Collected],
                    OrderStatus::Cancelled => &[OrderStatus::Cancelled],
                };
                for &step in path {
                    shop.change_status(order.id, step, Actor::Hr, now()).unwrap();
                }
                let before = shop.order(lan.id, order.id).unwrap();
                let result = shop.change_status(order.id, to, actor, at("2026-11-23T09:00:00+07:00"));
                let after = shop.order(lan.id, order.id).unwrap();
                if from.can_become(to, actor) {
                    assert_eq!(result.unwrap(), after);
                    assert_eq!(after.status, to);
                    assert_eq!(after.history.len(), before.history.len() + 1);
                } else {
                    assert_eq!(rejected(result), [violation("status", Rule::Transition, None)], "{from:?} → {to:?} by {actor:?}");
                    assert_eq!(after, before, "a refused change leaves the order alone");
                }
            }
        }
    }
}

#[test]
fn a_buyer_may_cancel_only_while_the_order_is_placed() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let first = shop.place_order(&company, lan, "k1", &request(&[(1, 1)], HANOI), now()).unwrap();
    assert_eq!(shop.cancel(lan.id, first.id, now()).unwrap().status, OrderStatus::Cancelled);
    let second = shop.place_order(&company, lan, "k2", &request(&[(1, 1)], HANOI), now()).unwrap();
    shop.change_status(second.id, OrderStatus::ReadyForPickup, Actor::Hr, now()).unwrap();
    assert_eq!(rejected(shop.cancel(lan.id, second.id, now())), [violation("status", Rule::Transition, None)]);
}

#[test]
fn a_member_cannot_cancel_or_even_see_someone_elses_order() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let minh = person(&company, "minh.le");
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
    assert_eq!(shop.order(minh.id, order.id), Err(StoreError::NotFound));
    assert_eq!(shop.cancel(minh.id, order.id, now()), Err(StoreError::NotFound));
    assert_eq!(shop.cancel(lan.id, OrderId(9_999), now()), Err(StoreError::NotFound));
    assert_eq!(shop.order(lan.id, order.id).unwrap().status, OrderStatus::Placed);
}

#[test]
fn an_orders_history_records_every_change_with_its_time() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let placed = at("2026-11-22T10:00:00+07:00");
    let ready = at("2026-11-23T14:00:00+07:00");
    let collected = at("2026-11-24T17:45:00+07:00");
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), placed).unwrap();
    assert_eq!(order.history.len(), 1);
    shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, ready).unwrap();
    let order = shop.change_status(order.id, OrderStatus::Collected, Actor::Hr, collected).unwrap();
    let history: Vec<(OrderStatus, Timestamp)> = order.history.iter().map(|c| (c.status, c.at)).collect();
    assert_eq!(history, [(OrderStatus::Placed, placed), (OrderStatus::ReadyForPickup, ready), (OrderStatus::Collected, collected)]);
    assert_eq!(order.placed_at, placed);
}

#[test]
fn cancelling_puts_exactly_the_ordered_units_back_in_stock() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let before: Vec<u32> = shop.products.iter().map(|p| p.stock).collect();
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 2), (5, 3), (1, 1), (16, 1)], HANOI), now()).unwrap();
    assert_eq!((stock_of(&shop, 1), stock_of(&shop, 5), stock_of(&shop, 16)), (before[0] - 3, before[4] - 3, 0));
    shop.cancel(lan.id, order.id, now()).unwrap();
    assert_eq!(shop.products.iter().map(|p| p.stock).collect::<Vec<_>>(), before);
    // Cancelling again is refused and gives nothing back twice.
    assert!(shop.cancel(lan.id, order.id, now()).is_err());
    assert_eq!(shop.products.iter().map(|p| p.stock).collect::<Vec<_>>(), before);
}

#[test]
fn hr_cancelling_an_order_ready_for_pickup_also_restores_stock() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = shop.place_order(&company, lan, "k", &request(&[(16, 1)], HANOI), now()).unwrap();
    shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, now()).unwrap();
    shop.change_status(order.id, OrderStatus::Cancelled, Actor::Hr, now()).unwrap();
    assert_eq!(stock_of(&shop, 16), 1);
}

#[test]
fn a_members_orders_and_hrs_queue_list_the_newest_first() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let first = shop.place_order(&company, lan, "k1", &request(&[(1, 1)], HANOI), now()).unwrap();
    let second = shop.place_order(&company, lan, "k2", &request(&[(3, 1)], SAIGON), now()).unwrap();
    let mine: Vec<OrderId> = shop.my_orders(lan.id).iter().map(|o| o.id).collect();
    assert_eq!(&mine[..2], [second.id, first.id]);
    assert_eq!(mine.len(), 4, "two seeded orders too");
    let placed = domain::store::OrderFilter { status: Some(OrderStatus::Placed), site: None };
    assert_eq!(shop.queue(&placed).iter().map(|o| o.id).collect::<Vec<_>>(), [second.id, first.id]);
    let saigon = domain::store::OrderFilter { status: Some(OrderStatus::Placed), site: Some(domain::SiteId(SAIGON)) };
    assert_eq!(shop.queue(&saigon).iter().map(|o| o.id).collect::<Vec<_>>(), [second.id]);
    assert_eq!(shop.queue(&Default::default()).len(), shop.orders.len());
}

// ---------------------------------------------------------------- safe retries

#[test]
fn retrying_with_the_same_key_places_the_order_only_once() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = request(&[(1, 2)], HANOI);
    let first = shop.place_order(&company, lan, "3f2b8c1e-5d4a-4c1b-9f00-1a2b3c4d5e6f", &order, now()).unwrap();
    let (orders, stock) = (shop.orders.len(), stock_of(&shop, 1));
    let again = shop.place_order(&company, lan, "3f2b8c1e-5d4a-4c1b-9f00-1a2b3c4d5e6f", &order, at("2026-11-22T10:00:05+07:00")).unwrap();
    assert_eq!(again, first);
    assert_eq!((shop.orders.len(), stock_of(&shop, 1)), (orders, stock));
    assert_eq!(shop.allowance(&company, lan, now()).spent, 293_000 + 258_000);
}

#[test]
fn a_key_reused_for_a_different_order_is_refused() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.place_order(&company, lan, "k", &request(&[(1, 2)], HANOI), now()).unwrap();
    let orders = shop.orders.len();
    let result = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now());
    assert_eq!(rejected(result), [violation("Idempotency-Key", Rule::KeyReused, None)]);
    assert_eq!(shop.orders.len(), orders);
}

#[test]
fn keys_belong_to_one_member_so_two_members_may_pick_the_same_one() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = shop.place_order(&company, person(&company, "lan.tran"), "same", &request(&[(1, 1)], HANOI), now()).unwrap();
    let minh = shop.place_order(&company, person(&company, "minh.le"), "same", &request(&[(1, 1)], HANOI), now()).unwrap();
    assert_ne!(lan.id, minh.id);
    assert_eq!(minh.member_id, person(&company, "minh.le").id);
}

#[test]
fn a_refused_order_does_not_use_up_its_key() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    assert!(shop.place_order(&company, lan, "k", &request(&[(1, 0)], HANOI), now()).is_err());
    assert!(shop.keys.is_empty());
    let placed = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
    assert_eq!(shop.keys.len(), 1);
    // And a refused request is checked afresh on retry, so it can succeed later.
    let minh = person(&company, "minh.le");
    shop.products[0].hidden = true;
    assert!(shop.place_order(&company, minh, "m", &request(&[(1, 1)], HANOI), now()).is_err());
    shop.products[0].hidden = false;
    assert!(shop.place_order(&company, minh, "m", &request(&[(1, 1)], HANOI), now()).is_ok());
    assert_ne!(placed.member_id, minh.id);
}

#[test]
fn a_retry_after_cancelling_returns_the_cancelled_order_rather_than_buying_again() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let order = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
    shop.cancel(lan.id, order.id, now()).unwrap();
    let again = shop.place_order(&company, lan, "k", &request(&[(1, 1)], HANOI), now()).unwrap();
    assert_eq!((again.id, again.status), (order.id, OrderStatus::Cancelled));
}

#[test]
fn a_key_still_being_processed_answers_in_flight() {
    let r = request(&[(1, 1)], HANOI);
    let other = request(&[(1, 2)], HANOI);
    let in_flight = KeyUse { request: r.clone(), order: None };
    let done = KeyUse { request: r.clone(), order: Some(OrderId(7)) };
    assert_eq!(replay(None, &r), Replay::Fresh);
    assert_eq!(replay(Some(&in_flight), &r), Replay::InFlight);
    assert_eq!(replay(Some(&in_flight), &other), Replay::Mismatch);
    assert_eq!(replay(Some(&done), &r), Replay::Repeat(OrderId(7)));
    assert_eq!(replay(Some(&done), &other), Replay::Mismatch);

    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.keys.push(StoredKey { member_id: lan.id, key: "k".into(), used: in_flight });
    let orders = shop.orders.len();
    assert_eq!(shop.place_order(&company, lan, "k", &r, now()), Err(StoreError::InFlight));
    assert_eq!(shop.orders.len(), orders);
}

#[test]
fn an_idempotency_key_is_one_to_a_hundred_visible_ascii_characters() {
    assert!(is_valid_key("3f2b8c1e-5d4a-4c1b-9f00-1a2b3c4d5e6f"));
    assert!(is_valid_key("a"));
    assert!(is_valid_key(&"x".repeat(MAX_KEY_LENGTH)));
    assert!(!is_valid_key(""));
    assert!(!is_valid_key(" "));
    assert!(!is_valid_key("two words"));
    assert!(!is_valid_key("tab\there"));
    assert!(!is_valid_key("line\nbreak"));
    assert!(!is_valid_key(&"x".repeat(MAX_KEY_LENGTH + 1)));
    assert!(!is_valid_key("khóa"));
    assert!(!is_valid_key("🔑"));
}
