//! The store's tables: products, orders with their lines and status
//! history, reviews, the allowance policy and idempotency keys. This module
//! stores and loads facts; every rule about them is `domain::store`'s,
//! called from `handlers`. A read of one query takes any executor (the pool
//! or a connection); a read of several and every write take a connection
//! (usually a transaction), so a change is written whole or not at all.

use crate::db::{continue_numbering, date, decode_id, enum_from_name, enum_name, from_json, id, signed, text, to_json};
use domain::store::order::KeyUse;
use domain::store::review::StoredReview;
use domain::store::{
    AllowancePolicy, Order, OrderId, OrderLine, OrderRequest, OrderStatus, Product, ProductDraft, ProductId, Review, SegmentAllowance, Shop, StatusChange, Vnd,
};
use domain::{MemberId, SiteId, Timestamp};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{AnyConnection, AnyExecutor, Row};
use std::collections::HashMap;

fn money(row: &AnyRow, column: &str) -> Result<Vnd, sqlx::Error> {
    let value: i64 = row.try_get(column)?;
    Vnd::try_from(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

// ---------------------------------------------------------------- products

/// `hidden` is read as a number: sqlx's `Any` reads no SQLite BOOLEAN
/// column, and both databases cast a boolean to 0 or 1.
const PRODUCT_COLUMNS: &str = "id, name_vi, name_en, description_vi, description_en, category, market_price, internal_price, stock, monthly_quota, audience,
     CAST(hidden AS INTEGER) AS hidden";

fn product_from(row: &AnyRow) -> Result<Product, sqlx::Error> {
    Ok(Product {
        id: ProductId(id(row, "id")?),
        name: text(row, "name_vi", "name_en")?,
        description: text(row, "description_vi", "description_en")?,
        category: enum_from_name(row.try_get("category")?)?,
        market_price: money(row, "market_price")?,
        internal_price: money(row, "internal_price")?,
        stock: id(row, "stock")?,
        monthly_quota: id(row, "monthly_quota")?,
        audience: from_json(row.try_get("audience")?)?,
        hidden: row.try_get::<i64, _>("hidden")? != 0,
    })
}

/// Every product, hidden ones too, in id order.
pub async fn products<'c>(db: impl AnyExecutor<'c>) -> Result<Vec<Product>, sqlx::Error> {
    sqlx::query(&format!("SELECT {PRODUCT_COLUMNS} FROM products ORDER BY id")).fetch_all(db).await?.iter().map(product_from).collect()
}

pub async fn product(db: impl AnyExecutor<'_>, product: ProductId) -> Result<Option<Product>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE id = $1")).bind(i64::from(product.0)).fetch_optional(db).await?;
    row.as_ref().map(product_from).transpose()
}

/// Stores a new product and returns its id: `id` when given (seeding),
/// else the one the database assigns.
pub async fn insert_product(conn: &mut AnyConnection, id: Option<ProductId>, draft: &ProductDraft) -> Result<ProductId, sqlx::Error> {
    let (id_column, id_value) = if id.is_some() { ("id, ", "$12, ") } else { ("", "") };
    let sql = format!(
        "INSERT INTO products ({id_column}name_vi, name_en, description_vi, description_en, category, market_price, internal_price, stock, monthly_quota, audience, hidden)
         VALUES ({id_value}$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
    );
    let mut query = bind_fields(sqlx::query_scalar(&sql), draft);
    if let Some(id) = id {
        query = query.bind(i64::from(id.0));
    }
    Ok(ProductId(decode_id(query.fetch_one(&mut *conn).await?)?))
}

/// Writes every field of an existing product.
pub async fn update_product(conn: &mut AnyConnection, product: &Product) -> Result<(), sqlx::Error> {
    let draft = product.draft();
    let sql = "UPDATE products SET name_vi = $1, name_en = $2, description_vi = $3, description_en = $4, category = $5, market_price = $6,
         internal_price = $7, stock = $8, monthly_quota = $9, audience = $10, hidden = $11 WHERE id = $12 RETURNING id";
    bind_fields(sqlx::query_scalar(sql), &draft).bind(i64::from(product.id.0)).fetch_one(&mut *conn).await?;
    Ok(())
}

type IdQuery<'q> = sqlx::query::QueryScalar<'q, sqlx::Any, i64, AnyArguments<'q>>;

/// Binds a product's fields as `$1`…`$11`, in the column order both the
/// insert and the update list.
fn bind_fields<'q>(query: IdQuery<'q>, draft: &'q ProductDraft) -> IdQuery<'q> {
    query
        .bind(&draft.name.vi)
        .bind(&draft.name.en)
        .bind(&draft.description.vi)
        .bind(&draft.description.en)
        .bind(enum_name(&draft.category))
        .bind(signed(draft.market_price))
        .bind(signed(draft.internal_price))
        .bind(i64::from(draft.stock))
        .bind(i64::from(draft.monthly_quota))
        .bind(to_json(&draft.audience))
        .bind(draft.hidden)
}

/// Takes `quantity` units out of stock unless fewer are left; `false` when
/// they were not there. The rules have checked already: this guard only
/// fires if something outside this process sold them in between.
pub async fn take_stock(conn: &mut AnyConnection, product: ProductId, quantity: u32) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1")
        .bind(i64::from(quantity))
        .bind(i64::from(product.0))
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn return_stock(conn: &mut AnyConnection, product: ProductId, quantity: u32) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET stock = stock + $1 WHERE id = $2").bind(i64::from(quantity)).bind(i64::from(product.0)).execute(&mut *conn).await?;
    Ok(())
}

// ------------------------------------------------------------------ orders

/// Which orders to load.
#[derive(Clone, Copy, Debug)]
pub enum Orders {
    All,
    Of(MemberId),
    One(OrderId),
}

impl Orders {
    fn condition(self) -> (&'static str, Option<i64>) {
        match self {
            Orders::All => ("1 = 1", None),
            Orders::Of(member) => ("o.member_id = $1", Some(i64::from(member.0))),
            Orders::One(order) => ("o.id = $1", Some(i64::from(order.0))),
        }
    }
}

/// Orders with their lines and history, newest first, in three queries
/// whatever their number.
pub async fn orders(conn: &mut AnyConnection, which: Orders) -> Result<Vec<Order>, sqlx::Error> {
    let (condition, value) = which.condition();
    let heads = fetch_where(
        conn,
        value,
        format!("SELECT o.id, o.member_id, o.buyer_name, o.pickup_site_id, o.total, o.status, o.placed_at FROM orders o WHERE {condition} ORDER BY o.id DESC"),
    )
    .await?;
    let mut lines: HashMap<u32, Vec<OrderLine>> = HashMap::new();
    for row in fetch_where(
        conn,
        value,
        format!(
            "SELECT l.order_id, l.product_id, l.name_vi, l.name_en, l.quantity, l.unit_price
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE {condition} ORDER BY l.order_id, l.position"
        ),
    )
    .await?
    {
        lines.entry(id(&row, "order_id")?).or_default().push(OrderLine {
            product_id: ProductId(id(&row, "product_id")?),
            name: text(&row, "name_vi", "name_en")?,
            quantity: id(&row, "quantity")?,
            unit_price: money(&row, "unit_price")?,
        });
    }
    let mut history: HashMap<u32, Vec<StatusChange>> = HashMap::new();
    for row in fetch_where(
        conn,
        value,
        format!("SELECT h.order_id, h.status, h.at FROM order_history h JOIN orders o ON o.id = h.order_id WHERE {condition} ORDER BY h.order_id, h.position"),
    )
    .await?
    {
        history
            .entry(id(&row, "order_id")?)
            .or_default()
            .push(StatusChange { status: enum_from_name(row.try_get("status")?)?, at: Timestamp::from_unix_millis(row.try_get("at")?) });
    }
    heads
        .iter()
        .map(|row| {
            let order = id(row, "id")?;
            Ok(Order {
                id: OrderId(order),
                member_id: MemberId(id(row, "member_id")?),
                buyer_name: row.try_get("buyer_name")?,
                pickup_site_id: SiteId(id(row, "pickup_site_id")?),
                lines: lines.remove(&order).unwrap_or_default(),
                total: money(row, "total")?,
                status: enum_from_name(row.try_get("status")?)?,
                placed_at: Timestamp::from_unix_millis(row.try_get("placed_at")?),
                history: history.remove(&order).unwrap_or_default(),
            })
        })
        .collect()
}

/// Runs `sql`, binding `value` as `$1` if there is one.
async fn fetch_where(conn: &mut AnyConnection, value: Option<i64>, sql: String) -> Result<Vec<AnyRow>, sqlx::Error> {
    let query = sqlx::query(&sql);
    match value {
        Some(value) => query.bind(value).fetch_all(&mut *conn).await,
        None => query.fetch_all(&mut *conn).await,
    }
}

pub async fn order(conn: &mut AnyConnection, order: OrderId) -> Result<Option<Order>, sqlx::Error> {
    Ok(orders(conn, Orders::One(order)).await?.pop())
}

/// Stores a new order, numbered by the database; returns it with its id
/// (the id `order` carries is ignored).
pub async fn insert_order(conn: &mut AnyConnection, mut order: Order) -> Result<Order, sqlx::Error> {
    order.id = insert_head(conn, None, &order).await?;
    insert_parts(conn, &order).await?;
    Ok(order)
}

/// Stores an order exactly as given, id included (seeding).
async fn insert_order_as_is(conn: &mut AnyConnection, order: &Order) -> Result<(), sqlx::Error> {
    insert_head(conn, Some(order.id), order).await?;
    insert_parts(conn, order).await
}

/// The order's own row, numbered by the database unless `id` is given.
async fn insert_head(conn: &mut AnyConnection, id: Option<OrderId>, order: &Order) -> Result<OrderId, sqlx::Error> {
    let (id_column, id_value) = if id.is_some() { ("id, ", "$7, ") } else { ("", "") };
    let sql = format!(
        "INSERT INTO orders ({id_column}member_id, buyer_name, pickup_site_id, total, status, placed_at)
         VALUES ({id_value}$1, $2, $3, $4, $5, $6) RETURNING id"
    );
    let mut query = sqlx::query_scalar::<_, i64>(&sql)
        .bind(i64::from(order.member_id.0))
        .bind(&order.buyer_name)
        .bind(i64::from(order.pickup_site_id.0))
        .bind(signed(order.total))
        .bind(enum_name(&order.status))
        .bind(order.placed_at.unix_millis());
    if let Some(id) = id {
        query = query.bind(i64::from(id.0));
    }
    Ok(OrderId(decode_id(query.fetch_one(&mut *conn).await?)?))
}

async fn insert_parts(conn: &mut AnyConnection, order: &Order) -> Result<(), sqlx::Error> {
    for (position, line) in order.lines.iter().enumerate() {
        sqlx::query("INSERT INTO order_lines (order_id, position, product_id, name_vi, name_en, quantity, unit_price) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(i64::from(order.id.0))
            .bind(position as i64)
            .bind(i64::from(line.product_id.0))
            .bind(&line.name.vi)
            .bind(&line.name.en)
            .bind(i64::from(line.quantity))
            .bind(signed(line.unit_price))
            .execute(&mut *conn)
            .await?;
    }
    for (position, change) in order.history.iter().enumerate() {
        append_history(conn, order.id, position, change).await?;
    }
    Ok(())
}

async fn append_history(conn: &mut AnyConnection, order: OrderId, position: usize, change: &StatusChange) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO order_history (order_id, position, status, at) VALUES ($1, $2, $3, $4)")
        .bind(i64::from(order.0))
        .bind(position as i64)
        .bind(enum_name(&change.status))
        .bind(change.at.unix_millis())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes the status `order` moved to (its last history entry), provided
/// it still had status `from`; `false` when someone moved it meanwhile.
pub async fn record_status(conn: &mut AnyConnection, order: &Order, from: OrderStatus) -> Result<bool, sqlx::Error> {
    let Some(change) = order.history.last() else { return Ok(false) };
    let done = sqlx::query("UPDATE orders SET status = $1 WHERE id = $2 AND status = $3")
        .bind(enum_name(&order.status))
        .bind(i64::from(order.id.0))
        .bind(enum_name(&from))
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    append_history(conn, order.id, order.history.len() - 1, change).await?;
    Ok(true)
}

// ----------------------------------------------------------------- reviews

const REVIEW_SELECT: &str = "SELECT r.product_id, m.full_name, d.name_vi, d.name_en, r.rating, r.comment, r.updated_on
     FROM reviews r JOIN members m ON m.id = r.member_id JOIN departments d ON d.id = m.department_id";

fn review_from(row: &AnyRow) -> Result<Review, sqlx::Error> {
    let rating: i64 = row.try_get("rating")?;
    Ok(Review {
        product_id: ProductId(id(row, "product_id")?),
        reviewer_name: row.try_get("full_name")?,
        department: text(row, "name_vi", "name_en")?,
        rating: u8::try_from(rating).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        comment: row.try_get("comment")?,
        updated_on: date(row.try_get("updated_on")?)?,
    })
}

pub async fn review_by(db: impl AnyExecutor<'_>, member: MemberId, product: ProductId) -> Result<Option<Review>, sqlx::Error> {
    let row = sqlx::query(&format!("{REVIEW_SELECT} WHERE r.member_id = $1 AND r.product_id = $2"))
        .bind(i64::from(member.0))
        .bind(i64::from(product.0))
        .fetch_optional(db)
        .await?;
    row.as_ref().map(review_from).transpose()
}

/// A product's reviews, most recently written first (as the API lists
/// them, `use_cases::product_reviews`).
pub async fn reviews_of(db: impl AnyExecutor<'_>, product: ProductId) -> Result<Vec<Review>, sqlx::Error> {
    reviews_ordered(db, product, "r.updated_on DESC, r.seq DESC").await
}

/// A product's reviews in the order they were (last) written, oldest
/// first: the facts `use_cases::product_reviews` takes.
pub async fn reviews_written(db: impl AnyExecutor<'_>, product: ProductId) -> Result<Vec<Review>, sqlx::Error> {
    reviews_ordered(db, product, "r.seq").await
}

async fn reviews_ordered(db: impl AnyExecutor<'_>, product: ProductId, order_by: &str) -> Result<Vec<Review>, sqlx::Error> {
    sqlx::query(&format!("{REVIEW_SELECT} WHERE r.product_id = $1 ORDER BY {order_by}"))
        .bind(i64::from(product.0))
        .fetch_all(db)
        .await?
        .iter()
        .map(review_from)
        .collect()
}

/// Puts a member's one review of a product in place of any earlier one;
/// it becomes the product's last written.
pub async fn put_review(conn: &mut AnyConnection, stored: &StoredReview) -> Result<(), sqlx::Error> {
    let (member, review) = (stored.member_id, &stored.review);
    sqlx::query(
        "INSERT INTO reviews (member_id, product_id, rating, comment, updated_on, seq)
         VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(seq), 0) + 1 FROM reviews))
         ON CONFLICT (member_id, product_id) DO UPDATE SET
           rating = excluded.rating, comment = excluded.comment, updated_on = excluded.updated_on, seq = excluded.seq",
    )
    .bind(i64::from(member.0))
    .bind(i64::from(review.product_id.0))
    .bind(i64::from(review.rating))
    .bind(&review.comment)
    .bind(review.updated_on.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---------------------------------------------------------- the allowance

pub async fn policy(conn: &mut AnyConnection) -> Result<AllowancePolicy, sqlx::Error> {
    let default_limit: i64 = sqlx::query_scalar("SELECT default_limit FROM allowance_policy WHERE id = 1").fetch_one(&mut *conn).await?;
    let segments = sqlx::query("SELECT segment, yearly_limit FROM allowance_segments ORDER BY position")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| Ok(SegmentAllowance { segment: row.try_get("segment")?, yearly_limit: money(row, "yearly_limit")? }))
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(AllowancePolicy { default_limit: Vnd::try_from(default_limit).map_err(|e| sqlx::Error::Decode(Box::new(e)))?, segments })
}

pub async fn put_policy(conn: &mut AnyConnection, policy: &AllowancePolicy) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE allowance_policy SET default_limit = $1 WHERE id = 1").bind(signed(policy.default_limit)).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM allowance_segments").execute(&mut *conn).await?;
    for (position, s) in policy.segments.iter().enumerate() {
        sqlx::query("INSERT INTO allowance_segments (position, segment, yearly_limit) VALUES ($1, $2, $3)")
            .bind(position as i64)
            .bind(&s.segment)
            .bind(signed(s.yearly_limit))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

// ------------------------------------------------------- idempotency keys

/// What the member used `key` for before, if anything.
pub async fn key_use(db: impl AnyExecutor<'_>, member: MemberId, key: &str) -> Result<Option<KeyUse>, sqlx::Error> {
    let row = sqlx::query("SELECT request, order_id FROM idempotency_keys WHERE member_id = $1 AND idempotency_key = $2")
        .bind(i64::from(member.0))
        .bind(key)
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        let order: Option<i64> = row.try_get("order_id")?;
        Ok(KeyUse { request: from_json(row.try_get("request")?)?, order: order.map(decode_id).transpose()?.map(OrderId) })
    })
    .transpose()
}

/// Records `key` as in flight for `request`; `false` when the member
/// already holds that key (another request claimed it first).
pub async fn claim_key(db: impl AnyExecutor<'_>, member: MemberId, key: &str, request: &OrderRequest, now: Timestamp) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO idempotency_keys (member_id, idempotency_key, request, order_id, created_at) VALUES ($1, $2, $3, NULL, $4)
         ON CONFLICT (member_id, idempotency_key) DO NOTHING",
    )
    .bind(i64::from(member.0))
    .bind(key)
    .bind(to_json(request))
    .bind(now.unix_millis())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The key's request succeeded: from now on it answers with `order`.
pub async fn settle_key(conn: &mut AnyConnection, member: MemberId, key: &str, order: OrderId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE idempotency_keys SET order_id = $1 WHERE member_id = $2 AND idempotency_key = $3")
        .bind(i64::from(order.0))
        .bind(i64::from(member.0))
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Forgets an in-flight key whose request failed, or whose claim is older
/// than `before` (its request died with a crashed process), so a retry is
/// judged afresh. Settled keys stay.
pub async fn release_key(db: impl AnyExecutor<'_>, member: MemberId, key: &str, before: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM idempotency_keys WHERE member_id = $1 AND idempotency_key = $2 AND order_id IS NULL AND created_at < $3")
        .bind(i64::from(member.0))
        .bind(key)
        .bind(before.unix_millis())
        .execute(db)
        .await?;
    Ok(())
}

// ----------------------------------------------------------------- seeding

/// Loads a whole `Shop` (the demo store) into empty store tables, ids and
/// history as they are, so both backends start identical.
pub async fn seed(conn: &mut AnyConnection, shop: &Shop) -> Result<(), sqlx::Error> {
    for product in &shop.products {
        insert_product(conn, Some(product.id), &product.draft()).await?;
    }
    for order in &shop.orders {
        insert_order_as_is(conn, order).await?;
    }
    continue_numbering(conn, "products").await?;
    continue_numbering(conn, "orders").await?;
    for stored in &shop.reviews {
        put_review(conn, stored).await?;
    }
    put_policy(conn, &shop.policy).await?;
    for stored in &shop.keys {
        sqlx::query("INSERT INTO idempotency_keys (member_id, idempotency_key, request, order_id, created_at) VALUES ($1, $2, $3, $4, 0)")
            .bind(i64::from(stored.member_id.0))
            .bind(&stored.key)
            .bind(to_json(&stored.used.request))
            .bind(stored.used.order.map(|o| i64::from(o.0)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
