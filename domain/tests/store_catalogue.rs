//! The store's shelves: searching the catalogue, HR's product edits,
//! reviews, the cart, the order export and the demo store itself.

mod common;

use common::*;
use domain::common::{Rule, MAX_PER_PAGE};
use domain::seed::{demo_company, demo_shop};
use domain::store::cart::{cart_total, order_request, quota_violation};
use domain::store::csv::orders_csv;
use domain::store::review::MAX_COMMENT_CHARS;
use domain::store::search::fold;
use domain::store::{
    Actor, CartChange, CartLine, Category, OrderStatus, ProductDraft, ProductId, ProductPatch, ProductQuery, RatingSummary, ReviewDraft, Shop, Sort, StoreError,
};
use domain::{Lang, LocalizedText};
use std::collections::HashSet;

fn find(shop: &Shop, query: ProductQuery) -> (Vec<u32>, u32) {
    let page = shop.products.search(&query);
    (page.items.iter().map(|p| p.id.0).collect(), page.total)
}

fn words(q: &str) -> ProductQuery {
    ProductQuery { q: q.to_owned(), per_page: Some(MAX_PER_PAGE), ..Default::default() }
}

fn sorted(sort: Sort, lang: Option<Lang>) -> Vec<u32> {
    find(&demo_shop(), ProductQuery { sort, lang, per_page: Some(MAX_PER_PAGE), ..Default::default() }).0
}

// ---------------------------------------------------------------- search

#[test]
fn searching_without_accents_finds_names_with_accents() {
    let shop = demo_shop();
    assert_eq!(find(&shop, words("ca phe")), (vec![1], 1));
    assert_eq!(find(&shop, words("CÀ PHÊ")), (vec![1], 1));
    assert_eq!(find(&shop, words("nuoc mam")), (vec![3], 1));
    assert_eq!(find(&shop, words("hat dieu")).0, [6]);
}

#[test]
fn d_and_đ_are_the_same_letter_to_the_search() {
    let shop = demo_shop();
    // "đậu nành" (soy) and "dầu gội" (shampoo) fold to the same "dau".
    assert_eq!(find(&shop, words("đậu")).0, find(&shop, words("dau")).0);
    assert_eq!(find(&shop, words("dau nanh")).0, [9]);
    assert_eq!(find(&shop, words("Đậu nành")).0, [9]);
    assert_eq!(find(&shop, words("dien giai")).0, [23], "điện giải");
    assert_eq!(fold("Đồng ĐẶNG"), "dong dang");
}

#[test]
fn a_search_typed_with_combining_accents_finds_the_same_products() {
    // Vietnamese keyboards can send decomposed text: "ê" as "e" + U+0302,
    // the tone mark as a further combining character.
    let shop = demo_shop();
    let decomposed = "Ca\u{300} phe\u{302}\u{300}";
    assert_eq!(find(&shop, words(decomposed)), (vec![1], 1));
    assert_eq!(fold(decomposed), "ca phe");
}

#[test]
fn english_names_are_searched_too() {
    let shop = demo_shop();
    assert_eq!(find(&shop, words("coffee")).0, [1]);
    assert_eq!(find(&shop, words("Sunscreen")).0, [20]);
    assert_eq!(find(&shop, words("honey")).0, [18, 10], "Dầu gội… before Trà gừng…");
}

#[test]
fn every_word_of_a_search_must_match() {
    let shop = demo_shop();
    assert_eq!(find(&shop, words("nuoc")).1, 6);
    assert_eq!(find(&shop, words("nuoc chanh")).0, [11]);
    assert_eq!(find(&shop, words("  nuoc   chanh  ")).0, [11]);
    assert_eq!(find(&shop, words("nuoc socola")).0, Vec::<u32>::new());
}

#[test]
fn a_settled_search_is_the_same_words_and_finds_the_same_products() {
    let shop = demo_shop();
    for typed in ["  nuoc   chanh  ", "nuoc ", " tra\tsen", "", "   "] {
        let settled = words(typed).settled();
        assert_eq!(settled.q, typed.split_whitespace().collect::<Vec<_>>().join(" "));
        assert_eq!(find(&shop, settled), find(&shop, words(typed)), "{typed:?}");
    }
    assert_eq!(words("nuoc  chanh").settled(), words("nuoc chanh ").settled());
}

#[test]
fn an_empty_search_lists_every_visible_product() {
    let shop = demo_shop();
    assert_eq!(find(&shop, words("")).1, 24);
    assert_eq!(find(&shop, words("   ")).1, 24);
}

#[test]
fn a_category_narrows_the_catalogue() {
    let shop = demo_shop();
    let in_category = |category| find(&shop, ProductQuery { category: Some(category), per_page: Some(100), ..Default::default() });
    let (cosmetics, total) = in_category(Category::Cosmetics);
    assert_eq!(total, 5);
    assert!(cosmetics.iter().all(|id| product(&shop, *id).category == Category::Cosmetics));
    let totals: u32 = Category::ALL.into_iter().map(|c| in_category(c).1).sum();
    assert_eq!(totals, 24);
    let query = ProductQuery { q: "sen".into(), category: Some(Category::Beverage), ..words("") };
    assert_eq!(find(&shop, query).0, [1, 2], "Sen Vàng coffee and lotus (sen) tea, not the Tết set");
}

#[test]
fn names_sort_alphabetically_in_the_readers_language_ignoring_accents() {
    // Bánh pía, Bộ quà Tết, Cà phê, Dầu gội, Găng tay, Hạt điều…
    assert_eq!(sorted(Sort::Name, None)[..6], [4, 22, 1, 18, 24, 6]);
    assert_eq!(sorted(Sort::Name, Some(Lang::Vi)), sorted(Sort::Name, None));
    // Anchovy, Bamboo, Ben Tre, Bio laundry, Brown rice…
    assert_eq!(sorted(Sort::Name, Some(Lang::En))[..5], [3, 15, 7, 12, 5]);
}

#[test]
fn names_that_fold_alike_are_ordered_by_id() {
    let mut shop = demo_shop();
    shop.products[9].name.vi = "Cà Phê rang xay Sen Vàng 500g".into(); // product 10 renamed to a near twin of 1
    let ids = find(&shop, ProductQuery { q: "ca phe".into(), ..Default::default() }).0;
    assert_eq!(ids, [1, 10]);
}

#[test]
fn the_catalogue_searches_products_as_they_are_after_any_change() {
    let mut shop = demo_shop();
    let ids = |shop: &Shop, q: &str| find(shop, words(q)).0;
    assert_eq!(ids(&shop, "ca phe"), [1], "the first search builds the index");
    shop.products[9].name = LocalizedText::new("Cà phê phin giấy", "Drip coffee bags");
    shop.products.swap(0, 1);
    let mut added = shop.products[2].clone();
    (added.id, added.name) = (ProductId(99), LocalizedText::new("Cà phê sữa hòa tan", "Instant milk coffee"));
    shop.products.push(added);
    assert_eq!(ids(&shop, "ca phe"), [10, 1, 99], "renamed, moved and added products are all found");
    let beverages = |shop: &Shop| find(shop, ProductQuery { category: Some(Category::Beverage), ..words("") }).0;
    let before = beverages(&shop);
    assert!(before.contains(&1));
    shop.products[0].hidden = true; // product 2, moved to the front
    shop.products[1].category = Category::Household; // product 1
    let expected: Vec<u32> = before.into_iter().filter(|id| *id != 1 && *id != 2).collect();
    assert_eq!(beverages(&shop), expected, "hiding and recategorising are seen too");
}

#[test]
fn price_sorts_cheapest_first_with_ties_by_id() {
    let shop = demo_shop();
    let ids = sorted(Sort::Price, None);
    assert_eq!(ids[..10], [14, 8, 5, 13, 11, 24, 9, 7, 15, 19], "15 and 19 both cost 45,000 ₫");
    assert_eq!(*ids.last().unwrap(), 22);
    let prices: Vec<_> = ids.iter().map(|id| product(&shop, *id).internal_price).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn saving_sorts_the_biggest_percentage_first_with_ties_by_id() {
    let shop = demo_shop();
    let ids = sorted(Sort::Saving, None);
    assert_eq!(ids[..7], [23, 16, 17, 19, 18, 21, 22]);
    assert_eq!(product(&shop, 23).saving_percent(), 50);
    for pair in ids.windows(2) {
        let (a, b) = (product(&shop, pair[0]), product(&shop, pair[1]));
        assert!(a.saving_percent() > b.saving_percent() || (a.saving_percent() == b.saving_percent() && a.id < b.id), "{pair:?}");
    }
}

#[test]
fn a_saving_is_rounded_down_and_never_negative() {
    let shop = demo_shop();
    let coffee = product(&shop, 1);
    assert_eq!(coffee.saving(), 56_000);
    assert_eq!(coffee.saving_percent(), 30, "56/185 = 30.3 %");
    let mut odd = coffee.clone();
    odd.internal_price = odd.market_price + 1;
    assert_eq!((odd.saving(), odd.saving_percent()), (0, 0));
    odd.market_price = 0;
    assert_eq!(odd.saving_percent(), 0);
}

#[test]
fn pages_cut_the_sorted_list_and_the_total_counts_all_of_it() {
    let shop = demo_shop();
    let all = sorted(Sort::Name, None);
    let page = |n, per| find(&shop, ProductQuery { page: Some(n), per_page: Some(per), ..Default::default() });
    assert_eq!(page(1, 5), (all[0..5].to_vec(), 24));
    assert_eq!(page(2, 5), (all[5..10].to_vec(), 24));
    assert_eq!(page(5, 5), (all[20..24].to_vec(), 24));
    assert_eq!(page(6, 5), (vec![], 24));
    assert_eq!(page(u32::MAX, 100), (vec![], 24));
    assert_eq!(find(&shop, ProductQuery::default()).0.len(), 24, "24 a page by default");
}

#[test]
fn hidden_products_are_never_listed() {
    let mut shop = demo_shop();
    shop.products[0].hidden = true;
    assert_eq!(find(&shop, words("ca phe")), (vec![], 0));
    assert_eq!(find(&shop, words("")).1, 23);
    assert!(!find(&shop, ProductQuery { sort: Sort::Price, per_page: Some(100), ..Default::default() }).0.contains(&1));
    let company = demo_company();
    let lan = person(&company, "lan.tran");
    assert_eq!(shop.product_detail(&company, lan, ProductId(1), now()), Err(StoreError::NotFound));
    assert_eq!(shop.reviews_of(ProductId(1)), Err(StoreError::NotFound));
}

#[test]
fn paging_and_search_length_are_checked() {
    let ok = ProductQuery { page: Some(1), per_page: Some(MAX_PER_PAGE), q: "ạ".repeat(100), ..Default::default() };
    assert!(ok.violations().is_empty(), "100 characters, even when each is several bytes");
    let zero_page = ProductQuery { page: Some(0), ..Default::default() };
    assert_eq!(zero_page.violations(), [violation("page", Rule::OutOfRange, None)]);
    for per_page in [0, MAX_PER_PAGE + 1] {
        let query = ProductQuery { per_page: Some(per_page), ..Default::default() };
        assert_eq!(query.violations(), [violation("per_page", Rule::OutOfRange, Some(100))]);
    }
    let long = ProductQuery { q: "a".repeat(101), ..Default::default() };
    assert_eq!(long.violations(), [violation("q", Rule::TooLong, Some(100))]);

    let company = demo_company();
    let shop = demo_shop();
    let result = shop.catalogue(&company, person(&company, "lan.tran"), &zero_page, now());
    assert_eq!(rejected(result), [violation("page", Rule::OutOfRange, None)]);
}

#[test]
fn a_query_string_with_nothing_in_it_means_page_one_of_everything_by_name() {
    let query: ProductQuery = serde_json::from_str("{}").unwrap();
    assert_eq!(query, ProductQuery::default());
    assert_eq!((query.page(), query.per_page(), query.sort, query.q.as_str(), query.category), (1, 24, Sort::Name, "", None));
    assert!(query.violations().is_empty());

    let full: ProductQuery =
        serde_json::from_value(serde_json::json!({"q": "ca phe", "category": "beverage", "sort": "saving", "page": 2, "per_page": 10, "lang": "en"})).unwrap();
    assert_eq!(
        full,
        ProductQuery { q: "ca phe".into(), category: Some(Category::Beverage), sort: Sort::Saving, page: Some(2), per_page: Some(10), lang: Some(Lang::En) }
    );
    assert_eq!(serde_json::to_value(ProductQuery::default()).unwrap(), serde_json::json!({"sort": "name"}));
    assert_eq!(serde_json::from_value::<ProductQuery>(serde_json::to_value(&full).unwrap()).unwrap(), full);
}

// ---------------------------------------------------------------- HR's product edits

fn coffee_draft() -> ProductDraft {
    product(&demo_shop(), 1).draft()
}

#[test]
fn a_sensible_product_draft_has_no_violations() {
    assert!(coffee_draft().violations().is_empty());
    let cheapest = ProductDraft { market_price: 1, internal_price: 1, monthly_quota: 1, stock: 0, ..coffee_draft() };
    assert!(cheapest.violations().is_empty(), "equal prices, zero stock and a quota of one are fine");
    let largest = ProductDraft { monthly_quota: 99, ..coffee_draft() };
    assert!(largest.violations().is_empty());
}

#[test]
fn a_product_needs_a_name_in_both_languages() {
    let draft = ProductDraft { name: LocalizedText::new("  ", ""), ..coffee_draft() };
    assert_eq!(draft.violations(), [violation("name.vi", Rule::Required, None), violation("name.en", Rule::Required, None)]);
}

#[test]
fn the_internal_price_may_not_exceed_the_market_price() {
    let draft = ProductDraft { market_price: 100_000, internal_price: 100_001, ..coffee_draft() };
    assert_eq!(draft.violations(), [violation("internal_price", Rule::AboveMarketPrice, Some(100_000))]);
}

#[test]
fn prices_must_be_at_least_one_dong() {
    let draft = ProductDraft { market_price: 0, internal_price: 0, ..coffee_draft() };
    assert_eq!(draft.violations(), [out_of_range("market_price", 1, 1_000_000_000), out_of_range("internal_price", 1, 1_000_000_000)]);
    let free = ProductDraft { internal_price: 0, ..coffee_draft() };
    assert_eq!(free.violations(), [out_of_range("internal_price", 1, 1_000_000_000)]);
}

#[test]
fn a_monthly_quota_is_between_one_and_ninety_nine() {
    for quota in [0, 100, u32::MAX] {
        let draft = ProductDraft { monthly_quota: quota, ..coffee_draft() };
        assert_eq!(draft.violations(), [out_of_range("monthly_quota", 1, 99)], "quota {quota}");
    }
}

#[test]
fn absurd_stock_is_refused() {
    let draft = ProductDraft { stock: 1_000_001, ..coffee_draft() };
    assert_eq!(draft.violations(), [out_of_range("stock", 0, 1_000_000)]);
}

#[test]
fn hr_creates_a_product_with_the_next_id_or_learns_what_is_wrong() {
    let mut shop = demo_shop();
    let created = shop.create_product(coffee_draft()).unwrap();
    assert_eq!(created.id, ProductId(25));
    assert_eq!(created.draft(), coffee_draft());
    let bad = ProductDraft { monthly_quota: 0, ..coffee_draft() };
    assert_eq!(rejected(shop.create_product(bad)), [out_of_range("monthly_quota", 1, 99)]);
    assert_eq!(shop.products.len(), 25);
}

#[test]
fn a_patch_changes_only_the_fields_it_names() {
    let mut shop = demo_shop();
    let before = product(&shop, 1).clone();
    let patch: ProductPatch = serde_json::from_str(r#"{"internal_price": 119000, "hidden": true}"#).unwrap();
    let after = shop.update_product(ProductId(1), patch).unwrap();
    assert_eq!(after, domain::store::Product { internal_price: 119_000, hidden: true, ..before.clone() });
    assert_eq!(product(&shop, 1), &after);
    assert_eq!(shop.update_product(ProductId(1), ProductPatch::default()).unwrap(), after, "an empty patch changes nothing");
}

#[test]
fn a_patch_that_would_break_a_rule_leaves_the_product_alone() {
    let mut shop = demo_shop();
    let before = product(&shop, 1).clone();
    let patch = ProductPatch { internal_price: Some(200_000), ..Default::default() };
    assert_eq!(rejected(shop.update_product(ProductId(1), patch)), [violation("internal_price", Rule::AboveMarketPrice, Some(185_000))]);
    assert_eq!(product(&shop, 1), &before);
    assert_eq!(shop.update_product(ProductId(99), ProductPatch::default()), Err(StoreError::NotFound));
    assert!(serde_json::from_str::<ProductPatch>(r#"{"price": 1}"#).is_err(), "a misspelt field is not silently ignored");
}

// ---------------------------------------------------------------- reviews

fn collect(shop: &mut Shop, company: &domain::Company, who: &str, lines: &[(u32, i64)]) {
    let member = person(company, who);
    let order = shop.place_order(company, member, &format!("collect-{who}-{}", shop.orders.len()), &request(lines, member.site_id.0), now()).unwrap();
    shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, now()).unwrap();
    shop.change_status(order.id, OrderStatus::Collected, Actor::Hr, now()).unwrap();
}

fn stars(rating: i64) -> ReviewDraft {
    ReviewDraft { rating, comment: String::new() }
}

#[test]
fn only_a_member_who_collected_a_product_may_review_it() {
    let company = demo_company();
    let mut shop = demo_shop();
    let minh = person(&company, "minh.le");
    assert_eq!(rejected(shop.save_review(&company, minh, ProductId(1), &stars(5), now())), [violation("product_id", Rule::NotCollected, None)]);
    // Placed, even ready for pickup, is not enough.
    let order = shop.place_order(&company, minh, "k", &request(&[(1, 1)], 1), now()).unwrap();
    shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, now()).unwrap();
    assert!(!shop.product_detail(&company, minh, ProductId(1), now()).unwrap().can_review);
    assert!(shop.save_review(&company, minh, ProductId(1), &stars(5), now()).is_err());
    shop.change_status(order.id, OrderStatus::Collected, Actor::Hr, now()).unwrap();
    assert!(shop.product_detail(&company, minh, ProductId(1), now()).unwrap().can_review);
    let review = shop.save_review(&company, minh, ProductId(1), &stars(5), now()).unwrap();
    assert_eq!((review.reviewer_name.as_str(), review.department.en.as_str()), ("Lê Văn Minh", "Sales"), "reviews are signed");
    // Collecting coffee does not make the tea reviewable.
    assert!(shop.save_review(&company, minh, ProductId(2), &stars(5), now()).is_err());
}

#[test]
fn a_rating_is_one_to_five_stars() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran"); // collected coffee in October
    for bad in [0, 6, -1] {
        assert_eq!(rejected(shop.save_review(&company, lan, ProductId(1), &stars(bad), now())), [violation("rating", Rule::OutOfRange, Some(5))]);
    }
    for good in 1..=5 {
        assert_eq!(shop.save_review(&company, lan, ProductId(1), &stars(good), now()).unwrap().rating, good as u8);
    }
}

#[test]
fn a_comment_is_at_most_a_thousand_characters() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let longest = ReviewDraft { rating: 4, comment: "ữ".repeat(MAX_COMMENT_CHARS) };
    assert!(shop.save_review(&company, lan, ProductId(1), &longest, now()).is_ok());
    let too_long = ReviewDraft { rating: 4, comment: "a".repeat(MAX_COMMENT_CHARS + 1) };
    assert_eq!(rejected(shop.save_review(&company, lan, ProductId(1), &too_long, now())), [violation("comment", Rule::TooLong, Some(1000))]);
    let everything_wrong = ReviewDraft { rating: 9, comment: "a".repeat(MAX_COMMENT_CHARS + 1) };
    let minh = person(&company, "minh.le");
    assert_eq!(
        rejected(shop.save_review(&company, minh, ProductId(1), &everything_wrong, now())),
        [violation("rating", Rule::OutOfRange, Some(5)), violation("comment", Rule::TooLong, Some(1000)), violation("product_id", Rule::NotCollected, None)]
    );
}

#[test]
fn a_member_has_one_review_per_product_and_saving_again_replaces_it() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    let count = shop.reviews_of(ProductId(1)).unwrap().len();
    let draft = ReviewDraft { rating: 3, comment: "  Đổi ý: hơi chua.  ".into() };
    shop.save_review(&company, lan, ProductId(1), &draft, now()).unwrap();
    let reviews = shop.reviews_of(ProductId(1)).unwrap();
    assert_eq!(reviews.len(), count);
    assert_eq!(reviews.iter().filter(|r| r.reviewer_name == "Trần Thị Lan").count(), 1);
    let mine = shop.my_review(lan.id, ProductId(1)).unwrap();
    assert_eq!((mine.rating, mine.comment.as_str(), mine.updated_on), (3, "Đổi ý: hơi chua.", now().date()));
}

#[test]
fn reviews_are_listed_newest_first() {
    let company = demo_company();
    let mut shop = demo_shop();
    // Seeded: Lan reviewed coffee on 8 October, Quang on 9 October.
    let names = |shop: &Shop| shop.reviews_of(ProductId(1)).unwrap().into_iter().map(|r| r.reviewer_name).collect::<Vec<_>>();
    assert_eq!(names(&shop), ["Đỗ Nhật Quang", "Trần Thị Lan"]);
    collect(&mut shop, &company, "minh.le", &[(1, 1)]);
    shop.save_review(&company, person(&company, "minh.le"), ProductId(1), &stars(4), at("2026-11-20T09:00:00+07:00")).unwrap();
    shop.save_review(&company, person(&company, "lan.tran"), ProductId(1), &stars(5), at("2026-11-21T09:00:00+07:00")).unwrap();
    assert_eq!(names(&shop), ["Trần Thị Lan", "Lê Văn Minh", "Đỗ Nhật Quang"]);
}

#[test]
fn the_average_rating_is_shown_in_tenths_rounded_to_the_nearest() {
    let of = |ratings: &[u8]| RatingSummary::of(ratings.iter().copied());
    assert_eq!(of(&[]), RatingSummary { count: 0, average_tenths: 0 });
    assert_eq!(of(&[5, 4]), RatingSummary { count: 2, average_tenths: 45 });
    assert_eq!(of(&[5, 4, 4]), RatingSummary { count: 3, average_tenths: 43 });
    assert_eq!(of(&[5, 5, 4]).average_tenths, 47);
    assert_eq!(of(&[1, 2]).average_tenths, 15);
    assert_eq!(of(&[1, 1, 2]).average_tenths, 13);
    assert_eq!(of(&[3; 7]).average_tenths, 30);
    assert_eq!(of(&[5; 10_000]).average_tenths, 50);
}

#[test]
fn a_product_page_shows_the_rating_of_everyone_who_reviewed_it() {
    let company = demo_company();
    let mut shop = demo_shop();
    let minh = person(&company, "minh.le");
    assert_eq!(shop.product_detail(&company, minh, ProductId(1), now()).unwrap().rating, RatingSummary { count: 2, average_tenths: 45 });
    collect(&mut shop, &company, "minh.le", &[(1, 1)]);
    shop.save_review(&company, minh, ProductId(1), &stars(4), now()).unwrap();
    assert_eq!(shop.product_detail(&company, minh, ProductId(1), now()).unwrap().rating, RatingSummary { count: 3, average_tenths: 43 });
}

#[test]
fn a_hidden_product_cannot_be_reviewed() {
    let company = demo_company();
    let mut shop = demo_shop();
    shop.products[0].hidden = true;
    assert_eq!(shop.save_review(&company, person(&company, "lan.tran"), ProductId(1), &stars(5), now()), Err(StoreError::NotFound));
}

// ---------------------------------------------------------------- the cart

fn cart_line(id: u32, quantity: u32, price_seen: u64) -> CartLine {
    CartLine { product_id: ProductId(id), quantity, price_seen }
}

#[test]
fn the_cart_says_when_a_price_changed_since_an_item_went_in() {
    let shop = demo_shop();
    assert_eq!(cart_line(1, 1, 129_000).changes(Some(product(&shop, 1))), []);
    assert_eq!(cart_line(1, 1, 119_000).changes(Some(product(&shop, 1))), [CartChange::PriceChanged { from: 119_000, to: 129_000 }]);
}

#[test]
fn the_cart_says_when_there_are_fewer_in_stock_than_in_the_cart() {
    let shop = demo_shop();
    assert_eq!(cart_line(16, 2, 99_000).changes(Some(product(&shop, 16))), [CartChange::StockShort { available: 1 }]);
    assert_eq!(cart_line(16, 1, 99_000).changes(Some(product(&shop, 16))), []);
    assert_eq!(
        cart_line(24, 1, 1).changes(Some(product(&shop, 24))),
        [CartChange::PriceChanged { from: 1, to: 38_000 }, CartChange::StockShort { available: 0 }]
    );
}

#[test]
fn a_cart_line_past_the_monthly_quota_says_so_before_ordering() {
    assert_eq!(quota_violation(&cart_line(5, 4, 32_000), 4), None);
    assert_eq!(quota_violation(&cart_line(5, 5, 32_000), 4), Some(violation("quantity", Rule::Quota, Some(4))));
    assert_eq!(quota_violation(&cart_line(5, 1, 32_000), 0), Some(violation("quantity", Rule::Quota, Some(0))), "none left this month");
}

#[test]
fn the_cart_says_when_a_product_is_no_longer_sold() {
    let mut shop = demo_shop();
    assert_eq!(cart_line(99, 1, 1).changes(shop.product(ProductId(99))), [CartChange::NoLongerSold]);
    shop.products[0].hidden = true;
    assert_eq!(cart_line(1, 1, 1).changes(Some(product(&shop, 1))), [CartChange::NoLongerSold]);
}

#[test]
fn the_cart_total_uses_todays_prices_and_skips_what_is_gone() {
    let mut shop = demo_shop();
    shop.products[2].hidden = true; // product 3
    let lines = [cart_line(1, 2, 1), cart_line(5, 3, 32_000), cart_line(3, 1, 69_000), cart_line(99, 4, 10)];
    let (total, saving) = cart_total(&lines, |id| shop.product(id));
    assert_eq!(total, 2 * 129_000 + 3 * 32_000);
    assert_eq!(saving, 2 * 56_000 + 3 * 13_000);
    assert_eq!(cart_total(&[], |id| shop.product(id)), (0, 0));
}

#[test]
fn checking_out_sends_products_and_quantities_but_never_prices() {
    let lines = [cart_line(1, 2, 129_000), cart_line(5, 3, 1)];
    let order = order_request(&lines, domain::SiteId(2));
    assert_eq!(order, request(&[(1, 2), (5, 3)], 2));
    let json = serde_json::to_value(&order).unwrap();
    assert_eq!(json, serde_json::json!({"lines": [{"product_id": 1, "quantity": 2}, {"product_id": 5, "quantity": 3}], "pickup_site_id": 2}));
}

// ---------------------------------------------------------------- the export

/// The rows of an export, after checking it opens right in Excel: a UTF-8
/// byte order mark first, CRLF line ends.
fn csv_rows(csv: &str) -> Vec<&str> {
    let csv = csv.strip_prefix(domain::store::csv::BOM).expect("starts with a byte order mark");
    assert!(csv.ends_with("\r\n"));
    let rows: Vec<&str> = csv.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    assert!(rows.iter().all(|r| !r.contains('\n') || r.contains('"')), "every line ends in CRLF");
    rows
}

#[test]
fn the_export_has_a_header_and_one_row_per_order_line() {
    let company = demo_company();
    let mut shop = demo_shop();
    let lan = person(&company, "lan.tran");
    shop.place_order(&company, lan, "k", &request(&[(1, 2), (5, 3)], HANOI), at("2026-11-22T10:05:00+07:00")).unwrap();
    let csv = orders_csv(&shop.orders, &company, Lang::En);
    let rows = csv_rows(&csv);
    assert_eq!(rows[0], "Order,Placed at,Buyer,Pickup site,Status,Product ID,Product,Quantity,Unit price (₫),Line total (₫),Order total (₫)");
    assert_eq!(rows.len(), 1 + 4 + 2, "four seeded one-line orders and a two-line one");
    assert_eq!(rows[1], "SV-000001,2026-10-05T09:30:00+07:00,Trần Thị Lan,Hanoi head office,Collected,1,Sen Vang ground coffee 500g,2,129000,258000,258000");
    assert_eq!(rows[5], "SV-000005,2026-11-22T10:05:00+07:00,Trần Thị Lan,Hanoi head office,Placed,1,Sen Vang ground coffee 500g,2,129000,258000,354000");
    assert_eq!(rows[6], "SV-000005,2026-11-22T10:05:00+07:00,Trần Thị Lan,Hanoi head office,Placed,5,Brown rice noodles 500g,3,32000,96000,354000");
    assert_eq!(csv_rows(&orders_csv(&[], &company, Lang::En)).len(), 1, "no orders: just the header");
}

#[test]
fn the_export_speaks_the_language_it_is_asked_for() {
    let company = demo_company();
    let mut shop = demo_shop();
    shop.place_order(&company, person(&company, "lan.tran"), "k", &request(&[(1, 2)], HANOI), at("2026-11-22T10:05:00+07:00")).unwrap();
    let vi = orders_csv(&shop.orders, &company, Lang::Vi);
    let rows = csv_rows(&vi);
    assert_eq!(rows[0], "Mã đơn,Thời điểm đặt,Người mua,Nơi nhận,Trạng thái,Mã sản phẩm,Sản phẩm,Số lượng,Đơn giá (₫),Thành tiền (₫),Tổng đơn (₫)");
    assert_eq!(rows[1], "SV-000001,2026-10-05T09:30:00+07:00,Trần Thị Lan,Trụ sở Hà Nội,Đã nhận,1,Cà phê rang xay Sen Vàng 500g,2,129000,258000,258000");
    assert!(rows[5].contains(",Đã đặt,"), "{}", rows[5]);
}

#[test]
fn the_export_quotes_commas_quotes_and_line_breaks() {
    let company = demo_company();
    let mut shop = demo_shop();
    shop.place_order(&company, person(&company, "lan.tran"), "k", &request(&[(13, 1)], HANOI), now()).unwrap();
    let order = shop.orders.last_mut().unwrap();
    order.buyer_name = "Trần \"Bé\" Lan, Sales".into();
    order.lines[0].name = LocalizedText::new("Nước lau sàn\r\n1 lít", "Floor cleaner\n1 l");
    let csv = orders_csv(std::slice::from_ref(order), &company, Lang::En);
    assert!(csv.contains(",\"Trần \"\"Bé\"\" Lan, Sales\","));
    assert!(csv.contains(",\"Floor cleaner\n1 l\","));
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn the_export_never_hands_a_spreadsheet_a_formula() {
    let company = demo_company();
    let mut shop = demo_shop();
    shop.place_order(&company, person(&company, "lan.tran"), "k", &request(&[(13, 1), (14, 1), (11, 1), (5, 1), (7, 1)], HANOI), now()).unwrap();
    let order = shop.orders.last_mut().unwrap();
    order.buyer_name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    for (line, name) in order.lines.iter_mut().zip(["+1+1", "-2+3", "@SUM(A1:A9)", "\tA1*2", "\r=1+1"]) {
        line.name = LocalizedText::new(name, name);
    }
    let csv = orders_csv(std::slice::from_ref(order), &company, Lang::En);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","));
    assert!(csv.contains(",'+1+1,"));
    assert!(csv.contains(",'-2+3,"));
    assert!(csv.contains(",'@SUM(A1:A9),"));
    assert!(csv.contains(",'\tA1*2,"));
    assert!(csv.contains(",\"'\r=1+1\","));
    // No field anywhere starts with a formula character.
    for row in csv_rows(&csv).into_iter().skip(1) {
        for field in row.split(',') {
            let field = field.trim_start_matches('"');
            assert!(!field.starts_with(['=', '+', '-', '@', '\t', '\r']), "{field:?} in {row:?}");
        }
    }
}

#[test]
fn a_formula_hidden_behind_spaces_or_invisible_characters_is_neutralised_too() {
    let company = demo_company();
    let mut shop = demo_shop();
    shop.place_order(&company, person(&company, "lan.tran"), "k", &request(&[(13, 1), (14, 1), (11, 1), (5, 1)], HANOI), now()).unwrap();
    let order = shop.orders.last_mut().unwrap();
    order.buyer_name = " =1+1".into();
    for (line, name) in order.lines.iter_mut().zip(["\u{A0}+1+1", "\n-2+3", "\u{200B}@SUM(A1:A9)", "  Sen Vang - 500g"]) {
        line.name = LocalizedText::new(name, name);
    }
    let csv = orders_csv(std::slice::from_ref(order), &company, Lang::En);
    assert!(csv.contains(",' =1+1,"), "leading space");
    assert!(csv.contains(",'\u{A0}+1+1,"), "leading no-break space");
    assert!(csv.contains(",\"'\n-2+3\","), "leading line feed");
    assert!(csv.contains(",'\u{200B}@SUM(A1:A9),"), "leading zero-width space");
    assert!(csv.contains(",  Sen Vang - 500g,"), "a name that only contains a dash is left alone");
}

// ---------------------------------------------------------------- the demo store

#[test]
fn the_demo_store_has_twenty_four_sensible_products() {
    let shop = demo_shop();
    assert_eq!(shop.products.len(), 24);
    let ids: HashSet<_> = shop.products.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 24);
    for product in &shop.products {
        assert_eq!(product.draft().violations(), [], "{}", product.name.en);
        assert!(!product.hidden);
    }
    for category in Category::ALL {
        assert!(shop.products.iter().filter(|p| p.category == category).count() >= 4, "{category:?}");
    }
    assert!(shop.products.iter().any(|p| p.stock == 0), "one sold out, to show how that looks");
    assert!(shop.products.iter().any(|p| p.stock == 1), "one nearly sold out");
}

#[test]
fn the_demo_stores_history_is_collected_and_reviewed() {
    let company = demo_company();
    let shop = demo_shop();
    assert_eq!(shop.orders.len(), 4);
    assert!(shop.keys.is_empty(), "seed keys are not left for anyone to collide with");
    for order in &shop.orders {
        assert_eq!(order.status, OrderStatus::Collected);
        assert_eq!(order.history.iter().map(|c| c.status).collect::<Vec<_>>(), [OrderStatus::Placed, OrderStatus::ReadyForPickup, OrderStatus::Collected]);
        let buyer = company.member(order.member_id).unwrap();
        assert_eq!(order.buyer_name, buyer.full_name);
        for line in &order.lines {
            assert!(shop.my_review(order.member_id, line.product_id).is_some(), "{} reviewed {}", buyer.email, line.name.en);
        }
    }
    assert_eq!(shop.reviews.len(), 4);
}

#[test]
fn the_demo_policy_names_only_segments_the_company_has() {
    let company = demo_company();
    let shop = demo_shop();
    assert!(shop.policy.violations(&company).is_empty());
    for segment in &shop.policy.segments {
        assert!(company.segments.iter().any(|s| s.tag == segment.segment), "{}", segment.segment);
    }
}

#[test]
fn hr_cannot_set_a_policy_for_an_unknown_or_repeated_segment() {
    let company = demo_company();
    let mut shop = demo_shop();
    let mut policy = shop.policy.clone();
    policy.segments.push(domain::store::SegmentAllowance { segment: "interns".into(), yearly_limit: 1 });
    policy.segments.push(domain::store::SegmentAllowance { segment: "parents".into(), yearly_limit: 2_000_000_000 });
    policy.default_limit = 2_000_000_000;
    let violations = rejected(shop.set_policy(&company, policy));
    assert_eq!(
        violations,
        [
            out_of_range("default_limit", 0, 1_000_000_000),
            violation("segments[3].segment", Rule::OutOfRange, None),
            out_of_range("segments[4].yearly_limit", 0, 1_000_000_000),
            violation("segments[4].segment", Rule::KeyReused, None),
        ]
    );
    assert_eq!(shop.policy, demo_shop().policy);
}
