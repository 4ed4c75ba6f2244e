//! The server's persistence: opening the database (SQLite or PostgreSQL)
//! and migrating it, the helpers every portal's SQL shares (JSON columns,
//! enum names, ids, localized text, holding a row, numbering), and the
//! company, its sessions and sign-in attempts.
//!
//! One pool type, sqlx's `Any`, serves both databases, so a portal writes
//! each query once: both accept `$1` parameters, `RETURNING`,
//! `ON CONFLICT`, and the column types used here (BIGINT, TEXT, BOOLEAN,
//! read as i64, String, bool). What differs lives in the migrations (one
//! folder per database) and in `continue_numbering`.
//! A portal's own tables are read and written in its folder
//! (`portals/<name>/db.rs`).

use domain::member::normalized_email;
use domain::LocalizedText;
use domain::{Audience, Company, Date, Department, DepartmentId, Member, MemberId, Offering, OfferingId, Segment, Site, SiteId};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyConnection, AnyExecutor, AnyPool, Row};

/// Opens the database at `url` (`sqlite://file.db`, `sqlite::memory:` or
/// `postgres://…`), creating a SQLite file if needed, and brings its schema
/// up to date.
pub async fn connect(url: &str) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
    let options = if url.contains(":memory:") {
        // An in-memory database lives and dies with its one connection.
        AnyPoolOptions::new().max_connections(1).min_connections(1).idle_timeout(None).max_lifetime(None)
    } else {
        AnyPoolOptions::new().max_connections(if postgres { 16 } else { 8 })
    };
    let pool = options.connect(&with_sqlite_defaults(url)).await?;
    if postgres {
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
    } else {
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        if !url.contains(":memory:") {
            // Readers never wait for a writer, nor a writer for readers.
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
    }
    Ok(pool)
}

/// A SQLite file is created when missing (`mode=rwc`) unless the URL says
/// otherwise.
fn with_sqlite_defaults(url: &str) -> String {
    if !url.starts_with("sqlite:") || url.contains(":memory:") || url.contains("mode=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}mode=rwc")
}

/// Takes `table`'s row `id` for the rest of the transaction by writing it
/// unchanged: PostgreSQL then holds that row's lock, and SQLite its
/// database's write lock, until the transaction ends. Changes that hold
/// the same row run one after another, on any number of servers, and each
/// reads what the one before it wrote. `false` when there is no such row.
pub async fn hold(conn: &mut AnyConnection, table: &'static str, id: u32) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!("UPDATE {table} SET id = id WHERE id = $1")).bind(i64::from(id)).execute(&mut *conn).await?;
    Ok(done.rows_affected() == 1)
}

/// After rows were stored with ids given (seeding), the database numbers
/// the next one after the highest. SQLite does this by itself; a
/// PostgreSQL identity column must be told.
pub async fn continue_numbering(conn: &mut AnyConnection, table: &'static str) -> Result<(), sqlx::Error> {
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Whether the database refused a write because of a concurrent one: a
/// deadlock or serialization failure on PostgreSQL, a busy database on
/// SQLite. The operation may run again on fresh facts.
pub fn is_contention(error: &sqlx::Error) -> bool {
    let sqlx::Error::Database(error) = error else { return false };
    // PostgreSQL's SQLSTATEs, SQLite's (extended) result codes.
    matches!(error.code().as_deref(), Some("40001" | "40P01" | "5" | "6" | "261" | "517"))
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Enum values as their JSON names (`"full_time"` → `full_time`).
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    to_json(value).trim_matches('"').to_owned()
}

pub(crate) fn enum_from_name<T: DeserializeOwned>(name: &str) -> Result<T, sqlx::Error> {
    from_json(&format!("\"{name}\""))
}

/// Money and counts are unsigned in the domain and BIGINT-compatible in SQL.
pub(crate) fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(crate) fn date(text: &str) -> Result<Date, sqlx::Error> {
    text.parse().map_err(|e: String| sqlx::Error::Decode(e.into()))
}

pub(crate) fn decode_id(value: i64) -> Result<u32, sqlx::Error> {
    u32::try_from(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Ids are BIGINT-compatible in SQL (Postgres has no unsigned types) and
/// `u32` in the domain.
pub(crate) fn id(row: &AnyRow, column: &str) -> Result<u32, sqlx::Error> {
    decode_id(row.try_get(column)?)
}

pub(crate) fn text(row: &AnyRow, vi: &str, en: &str) -> Result<LocalizedText, sqlx::Error> {
    Ok(LocalizedText { vi: row.try_get(vi)?, en: row.try_get(en)? })
}

fn member_from(row: &AnyRow) -> Result<Member, sqlx::Error> {
    Ok(Member {
        id: MemberId(id(row, "id")?),
        email: row.try_get("email")?,
        full_name: row.try_get("full_name")?,
        department_id: DepartmentId(id(row, "department_id")?),
        site_id: SiteId(id(row, "site_id")?),
        employment_type: enum_from_name(row.try_get("employment_type")?)?,
        role: enum_from_name(row.try_get("role")?)?,
        hired_on: date(row.try_get("hired_on")?)?,
        tags: from_json(row.try_get("tags")?)?,
    })
}

const MEMBER_COLUMNS: &str = "id, email, full_name, department_id, site_id, employment_type, role, hired_on, tags";

/// The whole company, for the rules in `domain` to reason over.
pub async fn load_company(conn: &mut AnyConnection) -> Result<Company, sqlx::Error> {
    let departments = sqlx::query("SELECT id, name_vi, name_en, parent_id FROM departments ORDER BY id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            let parent = r.try_get::<Option<i64>, _>("parent_id")?.map(|p| DepartmentId(p as u32));
            Ok(Department { id: DepartmentId(id(r, "id")?), name: text(r, "name_vi", "name_en")?, parent })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let sites = sqlx::query("SELECT id, name_vi, name_en, city FROM sites ORDER BY id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok(Site { id: SiteId(id(r, "id")?), name: text(r, "name_vi", "name_en")?, city: r.try_get("city")? }))
        .collect::<Result<_, sqlx::Error>>()?;
    let segments = sqlx::query("SELECT tag, name_vi, name_en, rule FROM segments ORDER BY position")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            let rule: Option<String> = r.try_get("rule")?;
            Ok(Segment { tag: r.try_get("tag")?, name: text(r, "name_vi", "name_en")?, rule: rule.as_deref().map(from_json::<Audience>).transpose()? })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let members = sqlx::query(&format!("SELECT {MEMBER_COLUMNS} FROM members ORDER BY id"))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(member_from)
        .collect::<Result<_, sqlx::Error>>()?;
    let offerings = sqlx::query("SELECT id, kind, title_vi, title_en, summary_vi, summary_en, audience, portal, amount FROM offerings ORDER BY id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok(Offering {
                id: OfferingId(id(r, "id")?),
                kind: enum_from_name(r.try_get("kind")?)?,
                title: text(r, "title_vi", "title_en")?,
                summary: text(r, "summary_vi", "summary_en")?,
                audience: from_json(r.try_get("audience")?)?,
                portal: r.try_get("portal")?,
                amount: r.try_get::<Option<i64>, _>("amount")?.map(u64::try_from).transpose().map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let company = sqlx::query("SELECT name_vi, name_en FROM company WHERE id = 1").fetch_one(&mut *conn).await?;
    let name = text(&company, "name_vi", "name_en")?;
    Ok(Company { name, departments, sites, segments, members, offerings })
}

/// A member and their password hash, by email (case-insensitive).
pub async fn member_for_sign_in(db: impl AnyExecutor<'_>, email: &str) -> Result<Option<(Member, String)>, sqlx::Error> {
    let row =
        sqlx::query(&format!("SELECT {MEMBER_COLUMNS}, password_hash FROM members WHERE email = $1")).bind(normalized_email(email)).fetch_optional(db).await?;
    row.map(|r| Ok((member_from(&r)?, r.try_get("password_hash")?))).transpose()
}

pub async fn create_session(db: impl AnyExecutor<'_>, token_hash: &str, member: MemberId, expires_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sessions (token_hash, member_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(i64::from(member.0))
        .bind(expires_at)
        .execute(db)
        .await?;
    Ok(())
}

/// The member of a live session; expired sessions are deleted on sight.
pub async fn session_member(pool: &AnyPool, token_hash: &str, now: i64) -> Result<Option<Member>, sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(pool).await?;
    let row = sqlx::query(&format!(
        "SELECT {} FROM sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = $1",
        MEMBER_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(member_from).transpose()
}

pub async fn delete_session(db: impl AnyExecutor<'_>, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(db).await?;
    Ok(())
}

/// Counts one more sign-in attempt for `email` in one statement, so
/// attempts arriving together at several servers are all counted, and
/// returns the count in this window and when the window started. A window that started at or before
/// `since` has passed: the count starts again at `now`, and every other
/// passed window is forgotten, so the table holds only the last window's
/// emails.
pub async fn count_sign_in_attempt(pool: &AnyPool, email: &str, now: i64, since: i64) -> Result<(i64, i64), sqlx::Error> {
    let counted = sqlx::query(
        "INSERT INTO sign_in_attempts (email, attempts, window_start) VALUES ($1, 1, $2)
         ON CONFLICT (email) DO UPDATE SET
           attempts = CASE WHEN sign_in_attempts.window_start <= $3 THEN 1 ELSE sign_in_attempts.attempts + 1 END,
           window_start = CASE WHEN sign_in_attempts.window_start <= $3 THEN $2 ELSE sign_in_attempts.window_start END
         RETURNING attempts, window_start",
    )
    .bind(normalized_email(email))
    .bind(now)
    .bind(since)
    .fetch_one(pool)
    .await?;
    sqlx::query("DELETE FROM sign_in_attempts WHERE window_start <= $1").bind(since).execute(pool).await?;
    Ok((counted.try_get("attempts")?, counted.try_get("window_start")?))
}

pub async fn clear_sign_in_attempts(db: impl AnyExecutor<'_>, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_attempts WHERE email = $1").bind(normalized_email(email)).execute(db).await?;
    Ok(())
}
