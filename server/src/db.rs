//! The server's persistence: opening the database and migrating it, the
//! helpers every portal's SQL shares (JSON columns, enum names, ids,
//! localized text), and the company and its sessions. Queries are plain SQL
//! that SQLite and Postgres both accept, so a Postgres URL is a small step.
//! A portal's own tables are read and written in its folder
//! (`portals/<name>/db.rs`).

use domain::member::normalized_email;
use domain::LocalizedText;
use domain::{Audience, Company, Date, Department, DepartmentId, Member, MemberId, Offering, OfferingId, Segment, Site, SiteId};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Row, SqlitePool};
use std::str::FromStr;

/// Opens (creating if needed) the database and brings its schema up to date.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?.create_if_missing(true).foreign_keys(true);
    // An in-memory database lives and dies with its one connection.
    let pool = if url.contains(":memory:") {
        SqlitePoolOptions::new().max_connections(1).min_connections(1).idle_timeout(None).max_lifetime(None)
    } else {
        SqlitePoolOptions::new().max_connections(8)
    }
    .connect_with(options)
    .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
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
pub(crate) fn id(row: &sqlx::sqlite::SqliteRow, column: &str) -> Result<u32, sqlx::Error> {
    decode_id(row.try_get(column)?)
}

pub(crate) fn text(row: &sqlx::sqlite::SqliteRow, vi: &str, en: &str) -> Result<LocalizedText, sqlx::Error> {
    Ok(LocalizedText { vi: row.try_get(vi)?, en: row.try_get(en)? })
}

fn member_from(row: &sqlx::sqlite::SqliteRow) -> Result<Member, sqlx::Error> {
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
pub async fn load_company(pool: &SqlitePool) -> Result<Company, sqlx::Error> {
    let departments = sqlx::query("SELECT id, name_vi, name_en FROM departments ORDER BY id")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok(Department { id: DepartmentId(id(r, "id")?), name: text(r, "name_vi", "name_en")? }))
        .collect::<Result<_, sqlx::Error>>()?;
    let sites = sqlx::query("SELECT id, name_vi, name_en, city FROM sites ORDER BY id")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok(Site { id: SiteId(id(r, "id")?), name: text(r, "name_vi", "name_en")?, city: r.try_get("city")? }))
        .collect::<Result<_, sqlx::Error>>()?;
    let segments = sqlx::query("SELECT tag, name_vi, name_en, rule FROM segments ORDER BY position")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| {
            let rule: Option<String> = r.try_get("rule")?;
            Ok(Segment { tag: r.try_get("tag")?, name: text(r, "name_vi", "name_en")?, rule: rule.as_deref().map(from_json::<Audience>).transpose()? })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let members = sqlx::query(&format!("SELECT {MEMBER_COLUMNS} FROM members ORDER BY id"))
        .fetch_all(pool)
        .await?
        .iter()
        .map(member_from)
        .collect::<Result<_, sqlx::Error>>()?;
    let offerings = sqlx::query("SELECT id, kind, title_vi, title_en, summary_vi, summary_en, audience FROM offerings ORDER BY id")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Offering {
                id: OfferingId(id(r, "id")?),
                kind: enum_from_name(r.try_get("kind")?)?,
                title: text(r, "title_vi", "title_en")?,
                summary: text(r, "summary_vi", "summary_en")?,
                audience: from_json(r.try_get("audience")?)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let company = sqlx::query("SELECT name_vi, name_en FROM company WHERE id = 1").fetch_one(pool).await?;
    let name = text(&company, "name_vi", "name_en")?;
    Ok(Company { name, departments, sites, segments, members, offerings })
}

/// A member and their password hash, by email (case-insensitive).
pub async fn member_for_sign_in(pool: &SqlitePool, email: &str) -> Result<Option<(Member, String)>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {MEMBER_COLUMNS}, password_hash FROM members WHERE email = $1"))
        .bind(normalized_email(email))
        .fetch_optional(pool)
        .await?;
    row.map(|r| Ok((member_from(&r)?, r.try_get("password_hash")?))).transpose()
}

pub async fn create_session(pool: &SqlitePool, token_hash: &str, member: MemberId, expires_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sessions (token_hash, member_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(i64::from(member.0))
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

/// The member of a live session; expired sessions are deleted on sight.
pub async fn session_member(pool: &SqlitePool, token_hash: &str, now: i64) -> Result<Option<Member>, sqlx::Error> {
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

pub async fn delete_session(pool: &SqlitePool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}
