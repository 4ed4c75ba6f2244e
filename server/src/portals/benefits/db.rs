//! Leave's tables: leave types, each site's work week, HR's holiday
//! calendars, allocations, requests, idempotency keys and delegations.
//! Each record is its `domain::benefits` struct as JSON beside the columns
//! the server filters on, holds or writes conditionally. This module stores
//! and loads facts; every rule about them is the domain's, called from
//! `handlers`. A read of one query takes any executor; a read of several
//! and every write take a connection (usually a transaction).

use crate::db::{continue_numbering, decode_id, enum_from_name, enum_name, from_json, id, to_json};
use domain::benefits::book::UsedKey;
use domain::benefits::{Allocation, Delegation, HolidayCalendar, LeaveBook, LeaveDraft, LeaveRequest, LeaveRequestId, LeaveSettings, LeaveType, SiteWorkWeek};
use domain::{MemberId, SiteId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyExecutor, Row};

// ------------------------------------------------------------- settings

/// Every leave type, in id order.
pub async fn types(db: impl AnyExecutor<'_>) -> Result<Vec<LeaveType>, sqlx::Error> {
    sqlx::query("SELECT doc FROM leave_types ORDER BY id").fetch_all(db).await?.iter().map(|row| from_json(row.try_get("doc")?)).collect()
}

pub async fn type_count(db: impl AnyExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM leave_types").fetch_one(db).await
}

/// Replaces an existing leave type; `false` when there is none with its id.
pub async fn put_type(db: impl AnyExecutor<'_>, leave_type: &LeaveType) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE leave_types SET doc = $1 WHERE id = $2").bind(to_json(leave_type)).bind(i64::from(leave_type.id.0)).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

async fn insert_type(conn: &mut AnyConnection, leave_type: &LeaveType) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO leave_types (id, doc) VALUES ($1, $2)").bind(i64::from(leave_type.id.0)).bind(to_json(leave_type)).execute(&mut *conn).await?;
    Ok(())
}

/// What HR sets company-wide: the sites' work weeks and the years'
/// holiday calendars.
pub async fn settings(conn: &mut AnyConnection) -> Result<LeaveSettings, sqlx::Error> {
    let work_weeks = sqlx::query("SELECT site_id, work_week FROM leave_work_weeks ORDER BY site_id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| Ok(SiteWorkWeek { site: SiteId(id(row, "site_id")?), work_week: enum_from_name(row.try_get("work_week")?)? }))
        .collect::<Result<_, sqlx::Error>>()?;
    let calendars = sqlx::query("SELECT doc FROM holiday_calendars ORDER BY year")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| from_json(row.try_get("doc")?))
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(LeaveSettings { work_weeks, calendars })
}

/// HR's calendar of `year`, if HR keeps one.
pub async fn calendar(db: impl AnyExecutor<'_>, year: i32) -> Result<Option<HolidayCalendar>, sqlx::Error> {
    let doc: Option<String> = sqlx::query_scalar("SELECT doc FROM holiday_calendars WHERE year = $1").bind(i64::from(year)).fetch_optional(db).await?;
    doc.as_deref().map(from_json).transpose()
}

/// Puts HR's calendar of its year in place of any earlier one.
pub async fn put_calendar(db: impl AnyExecutor<'_>, calendar: &HolidayCalendar) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO holiday_calendars (year, doc) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET doc = excluded.doc")
        .bind(i64::from(calendar.year))
        .bind(to_json(calendar))
        .execute(db)
        .await?;
    Ok(())
}

// ----------------------------------------------------------- allocations

/// Allocations (every year, every type): `member`'s, or everyone's.
pub async fn allocations(db: impl AnyExecutor<'_>, member: Option<MemberId>) -> Result<Vec<Allocation>, sqlx::Error> {
    let rows = match member {
        Some(member) => {
            sqlx::query("SELECT doc FROM leave_allocations WHERE member_id = $1 ORDER BY year, leave_type_id").bind(i64::from(member.0)).fetch_all(db).await?
        }
        None => sqlx::query("SELECT doc FROM leave_allocations ORDER BY member_id, year, leave_type_id").fetch_all(db).await?,
    };
    rows.iter().map(|row| from_json(row.try_get("doc")?)).collect()
}

/// Puts an allocation in place of the one for its member, type and year.
pub async fn put_allocation(db: impl AnyExecutor<'_>, allocation: &Allocation) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO leave_allocations (member_id, leave_type_id, year, doc) VALUES ($1, $2, $3, $4)
         ON CONFLICT (member_id, leave_type_id, year) DO UPDATE SET doc = excluded.doc",
    )
    .bind(i64::from(allocation.member.0))
    .bind(i64::from(allocation.leave_type.0))
    .bind(i64::from(allocation.year))
    .bind(to_json(allocation))
    .execute(db)
    .await?;
    Ok(())
}

// -------------------------------------------------------------- requests

/// A request as stored, with the version a conditional write names.
#[derive(Clone, Debug)]
pub struct Stored {
    pub request: LeaveRequest,
    pub version: i64,
}

fn stored_from(row: &AnyRow) -> Result<Stored, sqlx::Error> {
    let mut request: LeaveRequest = from_json(row.try_get("doc")?)?;
    request.id = LeaveRequestId(id(row, "id")?);
    Ok(Stored { request, version: row.try_get("version")? })
}

/// Requests in id order: `member`'s, or everyone's.
pub async fn requests(db: impl AnyExecutor<'_>, member: Option<MemberId>) -> Result<Vec<LeaveRequest>, sqlx::Error> {
    let rows = match member {
        Some(member) => {
            sqlx::query("SELECT id, doc, version FROM leave_requests WHERE member_id = $1 ORDER BY id").bind(i64::from(member.0)).fetch_all(db).await?
        }
        None => sqlx::query("SELECT id, doc, version FROM leave_requests ORDER BY id").fetch_all(db).await?,
    };
    rows.iter().map(|row| Ok(stored_from(row)?.request)).collect()
}

pub async fn request(db: impl AnyExecutor<'_>, id: LeaveRequestId) -> Result<Option<Stored>, sqlx::Error> {
    let row = sqlx::query("SELECT id, doc, version FROM leave_requests WHERE id = $1").bind(i64::from(id.0)).fetch_optional(db).await?;
    row.as_ref().map(stored_from).transpose()
}

/// Stores a new request, numbered by the database unless `keep_id`
/// (seeding); returns it with its id.
pub async fn insert_request(conn: &mut AnyConnection, mut request: LeaveRequest, keep_id: bool) -> Result<LeaveRequest, sqlx::Error> {
    let (id_column, id_value) = if keep_id { ("id, ", "$6, ") } else { ("", "") };
    let sql = format!(
        "INSERT INTO leave_requests ({id_column}member_id, leave_type_id, from_date, to_date, doc, version)
         VALUES ({id_value}$1, $2, $3, $4, $5, 0) RETURNING id"
    );
    let mut query = sqlx::query_scalar::<_, i64>(&sql)
        .bind(i64::from(request.member.0))
        .bind(i64::from(request.leave_type.0))
        .bind(request.span.from.to_string())
        .bind(request.span.to.to_string())
        .bind(to_json(&request));
    if keep_id {
        query = query.bind(i64::from(request.id.0));
    }
    request.id = LeaveRequestId(decode_id(query.fetch_one(&mut *conn).await?)?);
    Ok(request)
}

/// Writes `request` over the stored one if that is still at `version`;
/// `false` when someone wrote it meanwhile.
pub async fn replace_request(db: impl AnyExecutor<'_>, request: &LeaveRequest, version: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE leave_requests SET doc = $1, version = version + 1 WHERE id = $2 AND version = $3")
        .bind(to_json(request))
        .bind(i64::from(request.id.0))
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ------------------------------------------------------- idempotency keys

/// What the member used `key` for before: the draft and the request made.
pub async fn key_use(db: impl AnyExecutor<'_>, member: MemberId, key: &str) -> Result<Option<(LeaveDraft, LeaveRequestId)>, sqlx::Error> {
    let row = sqlx::query("SELECT draft, request_id FROM leave_keys WHERE member_id = $1 AND idempotency_key = $2")
        .bind(i64::from(member.0))
        .bind(key)
        .fetch_optional(db)
        .await?;
    row.map(|row| Ok((from_json(row.try_get("draft")?)?, LeaveRequestId(id(&row, "request_id")?)))).transpose()
}

/// Records that `key` made `request`; `false` when the member holds the key
/// already.
pub async fn insert_key(db: impl AnyExecutor<'_>, member: MemberId, key: &str, draft: &LeaveDraft, request: LeaveRequestId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO leave_keys (member_id, idempotency_key, draft, request_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (member_id, idempotency_key) DO NOTHING",
    )
    .bind(i64::from(member.0))
    .bind(key)
    .bind(to_json(draft))
    .bind(i64::from(request.0))
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ----------------------------------------------------------- delegations

fn delegation_from(row: &AnyRow) -> Result<Delegation, sqlx::Error> {
    let mut delegation: Delegation = from_json(row.try_get("doc")?)?;
    delegation.id = id(row, "id")?;
    Ok(delegation)
}

/// Delegations in id order: those `approver` gave, or all.
pub async fn delegations(db: impl AnyExecutor<'_>, approver: Option<MemberId>) -> Result<Vec<Delegation>, sqlx::Error> {
    let rows = match approver {
        Some(approver) => {
            sqlx::query("SELECT id, doc FROM leave_delegations WHERE approver_id = $1 ORDER BY id").bind(i64::from(approver.0)).fetch_all(db).await?
        }
        None => sqlx::query("SELECT id, doc FROM leave_delegations ORDER BY id").fetch_all(db).await?,
    };
    rows.iter().map(delegation_from).collect()
}

/// Stores a new delegation, numbered by the database unless `keep_id`
/// (seeding); returns it with its id.
pub async fn insert_delegation(conn: &mut AnyConnection, mut delegation: Delegation, keep_id: bool) -> Result<Delegation, sqlx::Error> {
    let (id_column, id_value) = if keep_id { ("id, ", "$6, ") } else { ("", "") };
    let sql = format!(
        "INSERT INTO leave_delegations ({id_column}approver_id, delegate_id, from_date, to_date, doc)
         VALUES ({id_value}$1, $2, $3, $4, $5) RETURNING id"
    );
    let mut query = sqlx::query_scalar::<_, i64>(&sql)
        .bind(i64::from(delegation.approver.0))
        .bind(i64::from(delegation.delegate.0))
        .bind(delegation.period.from.to_string())
        .bind(delegation.period.to.to_string())
        .bind(to_json(&delegation));
    if keep_id {
        query = query.bind(i64::from(delegation.id));
    }
    delegation.id = decode_id(query.fetch_one(&mut *conn).await?)?;
    Ok(delegation)
}

// ----------------------------------------------------------------- seeding

/// Loads a whole `LeaveBook` (the demo's leave) into empty leave tables,
/// ids as they are, so both backends start identical.
pub async fn seed(conn: &mut AnyConnection, book: &LeaveBook) -> Result<(), sqlx::Error> {
    for leave_type in &book.types {
        insert_type(conn, leave_type).await?;
    }
    for w in &book.settings.work_weeks {
        sqlx::query("INSERT INTO leave_work_weeks (site_id, work_week) VALUES ($1, $2)")
            .bind(i64::from(w.site.0))
            .bind(enum_name(&w.work_week))
            .execute(&mut *conn)
            .await?;
    }
    for calendar in &book.settings.calendars {
        put_calendar(&mut *conn, calendar).await?;
    }
    for allocation in &book.allocations {
        put_allocation(&mut *conn, allocation).await?;
    }
    for request in &book.requests {
        insert_request(conn, request.clone(), true).await?;
    }
    for delegation in &book.delegations {
        insert_delegation(conn, delegation.clone(), true).await?;
    }
    continue_numbering(conn, "leave_requests").await?;
    continue_numbering(conn, "leave_delegations").await?;
    for UsedKey { member, key, draft, request } in &book.keys {
        insert_key(&mut *conn, *member, key, draft, *request).await?;
    }
    Ok(())
}
