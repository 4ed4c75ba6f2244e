//! The store's promises under any sequence of members ordering, retrying,
//! cancelling, HR fulfilling and repricing, as time moves on across month
//! and year ends.

mod common;

use common::*;
use domain::common::Rule;
use domain::seed::{demo_company, demo_shop};
use domain::store::{
    Actor, Category, Order, OrderId, OrderRequest, OrderStatus, ProductId, ProductPatch, ProductQuery, RatingSummary, Shop, Sort, StoreError, Vnd,
};
use domain::{Company, Lang, MemberId, Timestamp};
use proptest::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Debug)]
enum Op {
    /// A member places an order under an `Idempotency-Key`.
    Place { member: usize, key: u8, lines: Vec<(u32, i64)>, site: u32 },
    /// A member sends their last order again under the same key, as a
    /// client does after a timeout.
    Retry { member: usize },
    /// A member cancels one of their orders (whatever its status).
    Cancel { member: usize, pick: usize },
    /// HR moves any order to any status.
    Hr { pick: usize, to: usize },
    /// HR sets a product's internal price to a share of its market price.
    Reprice { product: u32, percent: u64 },
    /// HR hides or shows a product again.
    ToggleHidden { product: u32 },
}

const MEMBERS: usize = 43;
const LAN: usize = 0;
const TUAN: usize = 3;
const AN: usize = 4;

fn any_member() -> impl Strategy<Value = usize> {
    // Mostly anyone; often the same few, so allowances and quotas bind.
    prop_oneof![4 => 0..MEMBERS, 1 => Just(LAN), 3 => Just(TUAN), 1 => Just(AN)]
}

fn any_quantity() -> impl Strategy<Value = i64> {
    prop_oneof![20 => 1i64..=3, 1 => -1i64..=0, 2 => 4i64..=12, 1 => Just(100)]
}

/// Any product id, unknown ones (25, 26) included; often the dearest ones
/// and the candle, of which there is a single unit.
fn any_product() -> impl Strategy<Value = u32> {
    prop_oneof![3 => 1u32..=26, 2 => prop::sample::select(vec![22u32, 2, 20, 6, 12, 1, 21, 23]), 1 => Just(16u32)]
}

fn any_lines() -> impl Strategy<Value = Vec<(u32, i64)>> {
    prop_oneof![15 => prop::collection::vec((any_product(), any_quantity()), 1..6), 1 => Just(vec![])]
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (any_member(), 0u8..4, any_lines(), prop_oneof![15 => 1u32..=3, 1 => Just(9u32)])
            .prop_map(|(member, key, lines, site)| Op::Place { member, key, lines, site }),
        2 => any_member().prop_map(|member| Op::Retry { member }),
        2 => (any_member(), any::<usize>()).prop_map(|(member, pick)| Op::Cancel { member, pick }),
        3 => (any::<usize>(), 0usize..4).prop_map(|(pick, to)| Op::Hr { pick, to }),
        1 => (1u32..=24, 40u64..=100).prop_map(|(product, percent)| Op::Reprice { product, percent }),
        1 => (1u32..=24).prop_map(|product| Op::ToggleHidden { product }),
    ]
}

/// Each step happens 0–96 hours after the one before, starting on
/// 20 November 2026, so runs cross month ends and often the new year.
fn any_history() -> impl Strategy<Value = Vec<(u32, Op)>> {
    prop::collection::vec((0u32..96, any_op()), 1..40)
}

/// An order attempt: key, lines, pickup site.
type Attempt = (u8, Vec<(u32, i64)>, u32);

struct World {
    company: Company,
    shop: Shop,
    now: Timestamp,
    /// Stock of each product when the run starts (the seed's history already taken).
    initial_stock: HashMap<ProductId, u32>,
    /// Orders the seed placed; they are not part of the run's stock balance.
    seeded: Vec<OrderId>,
    /// Each order's total when placed.
    totals: HashMap<OrderId, Vnd>,
    /// Keys that placed an order, and for what.
    keys: HashMap<(MemberId, String), (OrderRequest, OrderId)>,
    /// Each member's last attempt.
    last: HashMap<usize, Attempt>,
}

impl World {
    /// The demo store, its allowance limits divided by `divisor` (HR being
    /// stingy makes the allowance bind in short runs; the seed's own
    /// spending still fits for divisors up to 10).
    fn new(divisor: u64) -> World {
        let company = demo_company();
        let mut shop = demo_shop();
        let mut policy = shop.policy.clone();
        policy.default_limit /= divisor;
        for segment in &mut policy.segments {
            segment.yearly_limit /= divisor;
        }
        shop.set_policy(&company, policy).unwrap();
        World {
            company,
            initial_stock: shop.products.iter().map(|p| (p.id, p.stock)).collect(),
            seeded: shop.orders.iter().map(|o| o.id).collect(),
            totals: shop.orders.iter().map(|o| (o.id, o.total)).collect(),
            shop,
            now: at("2026-11-20T08:00:00+07:00"),
            keys: HashMap::new(),
            last: HashMap::new(),
        }
    }

    fn stocks(&self) -> Vec<u32> {
        self.shop.products.iter().map(|p| p.stock).collect()
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match op {
            Op::Place { member, key, lines, site } => {
                self.last.insert(*member, (*key, lines.clone(), *site));
                self.place(*member, *key, lines, *site)
            }
            Op::Retry { member } => match self.last.get(member).cloned() {
                Some((key, lines, site)) => self.place(*member, key, &lines, site),
                None => Ok(()),
            },
            Op::Cancel { member, pick } => {
                let member = self.company.members[*member].clone();
                let mine = self.shop.my_orders(member.id);
                if mine.is_empty() {
                    return Ok(());
                }
                let order = &mine[pick % mine.len()];
                let result = self.shop.cancel(member.id, order.id, self.now);
                if order.status == OrderStatus::Placed {
                    prop_assert_eq!(result.map(|o| o.status), Ok(OrderStatus::Cancelled));
                } else {
                    prop_assert_eq!(result, Err(StoreError::Rejected(vec![violation("status", Rule::Transition, None)])));
                }
                Ok(())
            }
            Op::Hr { pick, to } => {
                let order = self.shop.orders[pick % self.shop.orders.len()].clone();
                let to = OrderStatus::ALL[*to];
                let result = self.shop.change_status(order.id, to, Actor::Hr, self.now);
                prop_assert_eq!(result.is_ok(), order.status.can_become(to, Actor::Hr), "{:?} → {:?}", order.status, to);
                Ok(())
            }
            Op::Reprice { product, percent } => {
                let market = self.shop.product(ProductId(*product)).unwrap().market_price;
                let patch = ProductPatch { internal_price: Some((market * percent / 100).max(1)), ..Default::default() };
                prop_assert!(self.shop.update_product(ProductId(*product), patch).is_ok());
                Ok(())
            }
            Op::ToggleHidden { product } => {
                let hidden = self.shop.product(ProductId(*product)).unwrap().hidden;
                let patch = ProductPatch { hidden: Some(!hidden), ..Default::default() };
                prop_assert!(self.shop.update_product(ProductId(*product), patch).is_ok());
                Ok(())
            }
        }
    }

    fn place(&mut self, member: usize, key: u8, lines: &[(u32, i64)], site: u32) -> Result<(), TestCaseError> {
        let member = self.company.members[member].clone();
        let key = format!("key-{key}");
        let request = request(lines, site);
        let prices: HashMap<ProductId, Vnd> = self.shop.products.iter().map(|p| (p.id, p.internal_price)).collect();
        let on_sale: Vec<ProductId> = self.shop.products.iter().filter(|p| !p.hidden).map(|p| p.id).collect();
        let (orders_before, stocks_before) = (self.shop.orders.len(), self.stocks());
        let result = self.shop.place_order(&self.company, &member, &key, &request, self.now);
        match self.keys.get(&(member.id, key.clone())) {
            Some((earlier, id)) if *earlier == request => {
                // A retry: the first order again, nothing placed twice.
                prop_assert_eq!(result.map(|o| o.id), Ok(*id));
                prop_assert_eq!(self.shop.orders.len(), orders_before);
                prop_assert_eq!(self.stocks(), stocks_before);
            }
            Some(_) => {
                prop_assert_eq!(result, Err(StoreError::Rejected(vec![violation("Idempotency-Key", Rule::KeyReused, None)])));
                prop_assert_eq!(self.shop.orders.len(), orders_before);
                prop_assert_eq!(self.stocks(), stocks_before);
            }
            None => match result {
                Ok(order) => {
                    prop_assert_eq!(self.shop.orders.len(), orders_before + 1);
                    prop_assert_eq!((order.member_id, order.status, order.placed_at), (member.id, OrderStatus::Placed, self.now));
                    // Exactly the lines asked for, each at the backend's price of the moment.
                    let asked: Vec<(ProductId, i64)> = request.lines.iter().map(|l| (l.product_id, l.quantity)).collect();
                    let got: Vec<(ProductId, i64)> = order.lines.iter().map(|l| (l.product_id, i64::from(l.quantity))).collect();
                    prop_assert_eq!(got, asked);
                    for line in &order.lines {
                        prop_assert_eq!(line.unit_price, prices[&line.product_id]);
                        prop_assert!(on_sale.contains(&line.product_id), "hidden {:?} was sold", line.product_id);
                        let audience = &self.shop.product(line.product_id).unwrap().audience;
                        prop_assert!(self.company.evaluate(audience, &member, self.now.date()).eligible, "{} may not buy {:?}", member.email, line.product_id);
                        prop_assert!((1..=99).contains(&line.quantity));
                    }
                    prop_assert!(self.company.site(order.pickup_site_id).is_some());
                    prop_assert_eq!(order.total, order.lines.iter().map(|l| l.unit_price * Vnd::from(l.quantity)).sum::<Vnd>());
                    self.totals.insert(order.id, order.total);
                    self.keys.insert((member.id, key), (request, order.id));
                }
                Err(StoreError::Rejected(violations)) => {
                    prop_assert!(!violations.is_empty());
                    prop_assert_eq!(self.shop.orders.len(), orders_before);
                    prop_assert_eq!(self.stocks(), stocks_before);
                    prop_assert!(!self.shop.keys.iter().any(|k| k.member_id == member.id && k.key == key), "a refused order does not burn its key");
                }
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            },
        }
        Ok(())
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let live = |o: &&Order| o.status != OrderStatus::Cancelled;
        let today = self.now.date();

        // (1) Nobody spends past their allowance this year.
        for member in &self.company.members {
            let allowance = self.shop.allowance(&self.company, member, self.now);
            let spent: Vnd =
                self.shop.orders.iter().filter(live).filter(|o| o.member_id == member.id && o.placed_at.date().year() == today.year()).map(|o| o.total).sum();
            prop_assert_eq!(allowance.spent, spent, "{}", member.email);
            prop_assert_eq!(allowance.limit, self.shop.policy.applied(&self.company, member, today).limit);
            prop_assert!(allowance.spent <= allowance.limit, "{} spent {} of {}", member.email, allowance.spent, allowance.limit);
            prop_assert_eq!(allowance.remaining, allowance.limit - allowance.spent);
        }

        // (2) Stock never goes below zero, and every unit is either on the
        // shelf or held by a live order placed during the run.
        for product in &self.shop.products {
            let held: u32 = self.shop.orders.iter().filter(live).filter(|o| !self.seeded.contains(&o.id)).map(|o| o.units_of(product.id)).sum();
            prop_assert_eq!(product.stock + held, self.initial_stock[&product.id], "{}", product.name.en);
        }

        // (3) No member buys more of a product in a (Vietnamese) calendar month than its quota.
        let mut bought: HashMap<(MemberId, ProductId, i32, u8), u32> = HashMap::new();
        for order in self.shop.orders.iter().filter(live) {
            let day = order.placed_at.date();
            for line in &order.lines {
                *bought.entry((order.member_id, line.product_id, day.year(), day.month())).or_default() += line.quantity;
            }
        }
        for ((member, product, year, month), units) in bought {
            let quota = self.shop.product(product).unwrap().monthly_quota;
            prop_assert!(units <= quota, "member {member:?} bought {units} of {product:?} in {year}-{month:02} (quota {quota})");
        }

        // (4) An order's total is the sum of its lines, and never changes afterwards.
        for order in &self.shop.orders {
            prop_assert_eq!(order.total, order.lines.iter().map(|l| l.total()).sum::<Vnd>());
            prop_assert_eq!(Some(&order.total), self.totals.get(&order.id));
            prop_assert_eq!(order.history.first().map(|c| c.status), Some(OrderStatus::Placed));
            prop_assert_eq!(order.history.last().map(|c| c.status), Some(order.status));
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn whatever_members_and_hr_do_allowance_stock_quota_and_prices_hold(
        divisor in prop_oneof![Just(1u64), 2u64..=10],
        history in any_history(),
    ) {
        let mut world = World::new(divisor);
        world.check()?;
        for (hours, op) in &history {
            world.now = Timestamp::from_unix_millis(world.now.unix_millis() + i64::from(*hours) * 3_600_000);
            world.apply(op)?;
            world.check()?;
        }
    }

    #[test]
    fn every_page_of_the_catalogue_is_a_slice_of_one_sorted_list(
        q in prop::sample::select(vec!["", "nuoc", "ca phe", "sen", "tra", "dau", "500", "honey", "x y", "Đ"]),
        category in prop::option::of(prop::sample::select(Category::ALL.to_vec())),
        sort in prop::sample::select(vec![Sort::Name, Sort::Price, Sort::Saving]),
        lang in prop::option::of(prop::sample::select(Lang::ALL.to_vec())),
        per_page in 1u32..=30,
        hidden in prop::collection::vec(1u32..=24, 0..6),
    ) {
        let mut shop = demo_shop();
        for id in &hidden {
            shop.products[*id as usize - 1].hidden = true;
        }
        let base = ProductQuery { q: q.to_owned(), category, sort, lang, ..Default::default() };
        let everything = shop.products.search(&ProductQuery { per_page: Some(100), ..base.clone() });
        let expected = shop.products.iter().filter(|p| !p.hidden && base.matches(p)).count();
        prop_assert_eq!(everything.total as usize, expected);
        prop_assert_eq!(everything.items.len(), expected);
        prop_assert!(everything.items.iter().all(|p| !p.hidden && category.is_none_or(|c| p.category == c)));
        let mut paged = Vec::new();
        for page in 1..=(expected as u32 / per_page + 1) {
            let found = shop.products.search(&ProductQuery { page: Some(page), per_page: Some(per_page), ..base.clone() });
            prop_assert_eq!(found.total as usize, expected);
            prop_assert!(found.items.len() <= per_page as usize);
            paged.extend(found.items.iter().map(|p| p.id));
        }
        prop_assert_eq!(paged, everything.items.iter().map(|p| p.id).collect::<Vec<_>>());
    }

    #[test]
    fn the_average_rating_is_the_nearest_tenth(ratings in prop::collection::vec(1u8..=5, 1..200)) {
        let summary = RatingSummary::of(ratings.iter().copied());
        let (count, sum) = (ratings.len() as i64, ratings.iter().map(|r| i64::from(*r)).sum::<i64>());
        prop_assert_eq!(i64::from(summary.count), count);
        prop_assert!((10..=50).contains(&summary.average_tenths));
        // Within half a tenth of the true average.
        prop_assert!((i64::from(summary.average_tenths) * count - sum * 10).abs() * 2 <= count);
    }
}
