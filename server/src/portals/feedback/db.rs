//! Feedback's tables: the master secret, HR's settings and surveys, issues
//! by member and day, spent marks, and the anonymous items (responses,
//! conversations, ideas), each its `domain::feedback` struct as JSON under
//! its random id. Facts only: every rule is the domain's, called from
//! `handlers`.

use crate::db::{continue_numbering, date, from_json, id, to_json};
use domain::feedback::anonymous::{AccessHash, AnonymousId};
use domain::feedback::book::FeedbackBook;
use domain::feedback::idea::Idea;
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Response, Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::Thread;
use domain::feedback::token::SpentMark;
use domain::feedback::use_cases::{Issuance, MasterKey};
use domain::MemberId;
use sqlx::{AnyConnection, AnyExecutor, Row};

/// The master secret, made from `fresh` the first time it is asked for.
pub async fn master(conn: &mut AnyConnection, fresh: [u8; 32]) -> Result<MasterKey, sqlx::Error> {
    let hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO feedback_master_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING").bind(hex).execute(&mut *conn).await?;
    let stored: String = sqlx::query_scalar("SELECT secret FROM feedback_master_key WHERE id = 1").fetch_one(&mut *conn).await?;
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = stored.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or_else(|| sqlx::Error::Decode("a 64-digit hex secret".into()))?;
    }
    Ok(MasterKey(key))
}

pub async fn settings(db: impl AnyExecutor<'_>) -> Result<FeedbackSettings, sqlx::Error> {
    let doc: Option<String> = sqlx::query_scalar("SELECT doc FROM feedback_settings WHERE id = 1").fetch_optional(db).await?;
    doc.as_deref().map(from_json).transpose().map(Option::unwrap_or_default)
}

pub async fn put_settings(db: impl AnyExecutor<'_>, settings: &FeedbackSettings) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_settings (id, doc) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc")
        .bind(to_json(settings))
        .execute(db)
        .await?;
    Ok(())
}

pub async fn surveys(db: impl AnyExecutor<'_>) -> Result<Vec<Survey>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, doc FROM feedback_surveys ORDER BY id").fetch_all(db).await?;
    rows.iter().map(|row| Ok(Survey { id: SurveyId(id(row, "id")?), draft: from_json(row.try_get("doc")?)? })).collect()
}

/// Stores a new survey; its id.
pub async fn insert_survey(db: impl AnyExecutor<'_>, draft: &SurveyDraft) -> Result<SurveyId, sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO feedback_surveys (doc) VALUES ($1) RETURNING id").bind(to_json(draft)).fetch_one(db).await?;
    Ok(SurveyId(crate::db::decode_id(id)?))
}

pub async fn put_survey(db: impl AnyExecutor<'_>, survey: &Survey) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE feedback_surveys SET doc = $1 WHERE id = $2").bind(to_json(&survey.draft)).bind(i64::from(survey.id.0)).execute(db).await?;
    Ok(())
}

/// `member`'s issues, every scope.
pub async fn issuances(db: impl AnyExecutor<'_>, member: MemberId) -> Result<Vec<Issuance>, sqlx::Error> {
    let rows = sqlx::query("SELECT scope, day, blinded FROM feedback_issuances WHERE member_id = $1").bind(i64::from(member.0)).fetch_all(db).await?;
    rows.iter().map(|row| Ok(Issuance { member, scope: row.try_get("scope")?, day: date(row.try_get("day")?)?, blinded: row.try_get("blinded")? })).collect()
}

pub async fn insert_issuance(db: impl AnyExecutor<'_>, issuance: &Issuance) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_issuances (member_id, scope, day, blinded) VALUES ($1, $2, $3, $4)")
        .bind(i64::from(issuance.member.0))
        .bind(&issuance.scope)
        .bind(issuance.day.to_string())
        .bind(&issuance.blinded)
        .execute(db)
        .await?;
    Ok(())
}

/// Records a spent mark; `false` when it was spent before.
pub async fn spend(db: impl AnyExecutor<'_>, mark: &SpentMark) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("INSERT INTO feedback_spent (mark) VALUES ($1) ON CONFLICT (mark) DO NOTHING").bind(mark.as_str()).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

/// Responses to `survey`, or to every survey.
pub async fn responses(db: impl AnyExecutor<'_>, survey: Option<SurveyId>) -> Result<Vec<Response>, sqlx::Error> {
    let rows = match survey {
        Some(survey) => sqlx::query("SELECT doc FROM feedback_responses WHERE survey_id = $1 ORDER BY id").bind(i64::from(survey.0)).fetch_all(db).await?,
        None => sqlx::query("SELECT doc FROM feedback_responses ORDER BY id").fetch_all(db).await?,
    };
    rows.iter().map(|row| from_json(row.try_get("doc")?)).collect()
}

pub async fn insert_response(db: impl AnyExecutor<'_>, response: &Response) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_responses (id, survey_id, doc) VALUES ($1, $2, $3)")
        .bind(response.id.as_str())
        .bind(i64::from(response.survey.0))
        .bind(to_json(response))
        .execute(db)
        .await?;
    Ok(())
}

/// A stored record and the version it was read at.
pub struct Stored<T> {
    pub value: T,
    pub version: i64,
}

/// Every conversation, by random id.
pub async fn threads(db: impl AnyExecutor<'_>) -> Result<Vec<Thread>, sqlx::Error> {
    sqlx::query("SELECT doc FROM feedback_threads ORDER BY id").fetch_all(db).await?.iter().map(|row| from_json(row.try_get("doc")?)).collect()
}

pub async fn thread(db: impl AnyExecutor<'_>, id: &AnonymousId) -> Result<Option<Stored<Thread>>, sqlx::Error> {
    let row = sqlx::query("SELECT doc, version FROM feedback_threads WHERE id = $1").bind(id.as_str()).fetch_optional(db).await?;
    row.map(|row| Ok(Stored { value: from_json(row.try_get("doc")?)?, version: row.try_get("version")? })).transpose()
}

pub async fn thread_by_access(db: impl AnyExecutor<'_>, access: &AccessHash) -> Result<Option<Stored<Thread>>, sqlx::Error> {
    let row = sqlx::query("SELECT doc, version FROM feedback_threads WHERE access = $1").bind(&access.0).fetch_optional(db).await?;
    row.map(|row| Ok(Stored { value: from_json(row.try_get("doc")?)?, version: row.try_get("version")? })).transpose()
}

pub async fn insert_thread(db: impl AnyExecutor<'_>, thread: &Thread) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_threads (id, access, doc) VALUES ($1, $2, $3)")
        .bind(thread.id.as_str())
        .bind(&thread.access.0)
        .bind(to_json(thread))
        .execute(db)
        .await?;
    Ok(())
}

/// Writes `thread` over the version it was read at; `false` when another
/// write got there first.
pub async fn update_thread(db: impl AnyExecutor<'_>, thread: &Thread, version: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE feedback_threads SET doc = $1, version = version + 1 WHERE id = $2 AND version = $3")
        .bind(to_json(thread))
        .bind(thread.id.as_str())
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn ideas(db: impl AnyExecutor<'_>) -> Result<Vec<Idea>, sqlx::Error> {
    sqlx::query("SELECT doc FROM feedback_ideas ORDER BY id").fetch_all(db).await?.iter().map(|row| from_json(row.try_get("doc")?)).collect()
}

pub async fn idea(db: impl AnyExecutor<'_>, id: &AnonymousId) -> Result<Option<Stored<Idea>>, sqlx::Error> {
    let row = sqlx::query("SELECT doc, version FROM feedback_ideas WHERE id = $1").bind(id.as_str()).fetch_optional(db).await?;
    row.map(|row| Ok(Stored { value: from_json(row.try_get("doc")?)?, version: row.try_get("version")? })).transpose()
}

pub async fn insert_idea(db: impl AnyExecutor<'_>, idea: &Idea) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_ideas (id, doc) VALUES ($1, $2)").bind(idea.id.as_str()).bind(to_json(idea)).execute(db).await?;
    Ok(())
}

/// Writes `idea` over the version it was read at; `false` when another
/// write got there first.
pub async fn update_idea(db: impl AnyExecutor<'_>, idea: &Idea, version: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE feedback_ideas SET doc = $1, version = version + 1 WHERE id = $2 AND version = $3")
        .bind(to_json(idea))
        .bind(idea.id.as_str())
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn survey_count(db: impl AnyExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM feedback_surveys").fetch_one(db).await
}

/// Stores the demo's feedback (`domain::seed::demo_feedback`), its master
/// secret included.
pub async fn seed(conn: &mut AnyConnection, book: &FeedbackBook) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO feedback_master_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET secret = excluded.secret")
        .bind(&book.master)
        .execute(&mut *conn)
        .await?;
    put_settings(&mut *conn, &book.settings).await?;
    for survey in &book.surveys {
        sqlx::query("INSERT INTO feedback_surveys (id, doc) VALUES ($1, $2)")
            .bind(i64::from(survey.id.0))
            .bind(to_json(&survey.draft))
            .execute(&mut *conn)
            .await?;
    }
    continue_numbering(conn, "feedback_surveys").await?;
    for response in &book.responses {
        insert_response(&mut *conn, response).await?;
    }
    for thread in &book.threads {
        insert_thread(&mut *conn, thread).await?;
    }
    for idea in &book.ideas {
        insert_idea(&mut *conn, idea).await?;
    }
    Ok(())
}
