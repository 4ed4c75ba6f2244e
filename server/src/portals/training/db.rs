//! Training's tables. Each record is its `domain::training` struct as JSON
//! (`doc`); a record the database numbers keeps its id in the `id` column,
//! which is the one read back ([`Numbered`]). Facts only: every rule is
//! the domain's, called from `handlers`.

use crate::db::{continue_numbering, decode_id, from_json, to_json};
use domain::training::book::TrainingBook;
use domain::training::wire::EnrolRequest;
use domain::training::{
    Attempt, AttemptId, Certificate, CertificateCode, Course, CourseId, Enrolment, EnrolmentId, Event, EventId, LearningPath, Lesson, LessonDone, LessonId,
    PathId, Quiz, Rsvp, Session, SessionId,
};
use domain::MemberId;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::{AnyConnection, AnyExecutor, Row};

/// A record stored under a number the database gives it.
pub trait Numbered: Serialize + DeserializeOwned {
    const TABLE: &'static str;
    fn set_id(&mut self, id: u32);
    /// The columns beside `doc` (ids the server filters or holds on).
    fn columns(&self) -> Vec<(&'static str, i64)> {
        Vec::new()
    }
}

macro_rules! numbered {
    ($type:ty, $table:literal, $id:ident $(, $column:literal => $get:expr)*) => {
        impl Numbered for $type {
            const TABLE: &'static str = $table;
            fn set_id(&mut self, id: u32) {
                self.id = $id(id);
            }
            fn columns(&self) -> Vec<(&'static str, i64)> {
                vec![$(($column, i64::from(($get)(self)))),*]
            }
        }
    };
}

numbered!(Course, "training_courses", CourseId);
numbered!(Lesson, "training_lessons", LessonId, "course_id" => |l: &Lesson| l.draft.course.0);
numbered!(Session, "training_sessions", SessionId, "course_id" => |s: &Session| s.draft.course.0);
numbered!(LearningPath, "training_paths", PathId);
numbered!(Event, "training_events", EventId);
numbered!(Enrolment, "training_enrolments", EnrolmentId, "session_id" => |e: &Enrolment| e.session.0, "member_id" => |e: &Enrolment| e.member.0);
numbered!(Attempt, "training_attempts", AttemptId, "member_id" => |a: &Attempt| a.member.0);

/// Every record of `T`'s table, or `of` one member's, in the order they
/// were numbered.
pub async fn all<T: Numbered>(db: impl AnyExecutor<'_>, of: Option<MemberId>) -> Result<Vec<T>, sqlx::Error> {
    let filter = if of.is_some() { "WHERE member_id = $1" } else { "" };
    let sql = format!("SELECT id, doc FROM {} {filter} ORDER BY id", T::TABLE);
    let mut query = sqlx::query(&sql);
    if let Some(member) = of {
        query = query.bind(i64::from(member.0));
    }
    query.fetch_all(db).await?.iter().map(|row| read(row.try_get("id")?, row.try_get("doc")?)).collect()
}

fn read<T: Numbered>(id: i64, doc: &str) -> Result<T, sqlx::Error> {
    let mut record: T = from_json(doc)?;
    record.set_id(decode_id(id)?);
    Ok(record)
}

pub async fn one<T: Numbered>(db: impl AnyExecutor<'_>, id: u32) -> Result<Option<T>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT doc FROM {} WHERE id = $1", T::TABLE)).bind(i64::from(id)).fetch_optional(db).await?;
    row.map(|row| read(i64::from(id), row.try_get("doc")?)).transpose()
}

/// Stores a new record; it comes back with the number it was given.
pub async fn insert<T: Numbered + Clone>(db: impl AnyExecutor<'_>, record: &T) -> Result<T, sqlx::Error> {
    let id = insert_as(db, record, None).await?;
    let mut stored = record.clone();
    stored.set_id(decode_id(id)?);
    Ok(stored)
}

/// Stores `record` under `id`, or the database's next number; that number.
async fn insert_as<T: Numbered>(db: impl AnyExecutor<'_>, record: &T, id: Option<u32>) -> Result<i64, sqlx::Error> {
    let mut columns = record.columns();
    if let Some(id) = id {
        columns.insert(0, ("id", i64::from(id)));
    }
    let names: String = columns.iter().map(|(name, _)| format!("{name}, ")).collect();
    let places: String = (1..=columns.len()).map(|i| format!("${i}, ")).collect();
    let sql = format!("INSERT INTO {} ({names}doc) VALUES ({places}${}) RETURNING id", T::TABLE, columns.len() + 1);
    let mut query = sqlx::query_scalar::<_, i64>(&sql);
    for (_, value) in &columns {
        query = query.bind(*value);
    }
    query.bind(to_json(record)).fetch_one(db).await
}

/// Replaces record `id`; `false` when there is none.
pub async fn update<T: Numbered>(db: impl AnyExecutor<'_>, id: u32, record: &T) -> Result<bool, sqlx::Error> {
    let columns = record.columns();
    let sets: String = columns.iter().enumerate().map(|(i, (name, _))| format!("{name} = ${}, ", i + 1)).collect();
    let sql = format!("UPDATE {} SET {sets}doc = ${} WHERE id = ${}", T::TABLE, columns.len() + 1, columns.len() + 2);
    let mut query = sqlx::query(&sql);
    for (_, value) in &columns {
        query = query.bind(*value);
    }
    let done = query.bind(to_json(record)).bind(i64::from(id)).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

/// Which learners' records a read needs: everyone's, or one member's.
/// Enrolments and answers to events are always everyone's: seats, places
/// and counts are counted over them.
pub async fn book(conn: &mut AnyConnection, of: Option<MemberId>) -> Result<TrainingBook, sqlx::Error> {
    Ok(TrainingBook {
        courses: all(&mut *conn, None).await?,
        lessons: all(&mut *conn, None).await?,
        quizzes: quizzes(&mut *conn).await?,
        sessions: all(&mut *conn, None).await?,
        paths: all(&mut *conn, None).await?,
        events: all(&mut *conn, None).await?,
        enrolments: all(&mut *conn, None).await?,
        lessons_done: docs(&mut *conn, "training_lessons_done", of).await?,
        attempts: all(&mut *conn, of).await?,
        certificates: docs(&mut *conn, "training_certificates", of).await?,
        rsvps: docs(&mut *conn, "training_rsvps", None).await?,
        keys: Vec::new(),
    })
}

/// The documents of a table whose records carry their own keys.
async fn docs<T: DeserializeOwned>(db: impl AnyExecutor<'_>, table: &'static str, of: Option<MemberId>) -> Result<Vec<T>, sqlx::Error> {
    let filter = if of.is_some() { "WHERE member_id = $1" } else { "" };
    let sql = format!("SELECT doc FROM {table} {filter}");
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    if let Some(member) = of {
        query = query.bind(i64::from(member.0));
    }
    query.fetch_all(db).await?.iter().map(|doc| from_json(doc)).collect()
}

async fn quizzes(db: impl AnyExecutor<'_>) -> Result<Vec<Quiz>, sqlx::Error> {
    sqlx::query_scalar::<_, String>("SELECT doc FROM training_quizzes ORDER BY course_id").fetch_all(db).await?.iter().map(|doc| from_json(doc)).collect()
}

pub async fn put_quiz(db: impl AnyExecutor<'_>, quiz: &Quiz) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO training_quizzes (course_id, doc) VALUES ($1, $2) ON CONFLICT (course_id) DO UPDATE SET doc = excluded.doc")
        .bind(i64::from(quiz.course.0))
        .bind(to_json(quiz))
        .execute(db)
        .await?;
    Ok(())
}

pub async fn insert_lesson_done(db: impl AnyExecutor<'_>, done: &LessonDone) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO training_lessons_done (member_id, doc) VALUES ($1, $2)").bind(i64::from(done.member.0)).bind(to_json(done)).execute(db).await?;
    Ok(())
}

/// Stores a new certificate; `false` when its code is taken (draw again).
pub async fn insert_certificate(db: impl AnyExecutor<'_>, certificate: &Certificate) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("INSERT INTO training_certificates (code, member_id, doc) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING")
        .bind(certificate.code.as_str())
        .bind(i64::from(certificate.member.0))
        .bind(to_json(certificate))
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn certificate(db: impl AnyExecutor<'_>, code: &CertificateCode) -> Result<Option<Certificate>, sqlx::Error> {
    let doc: Option<String> = sqlx::query_scalar("SELECT doc FROM training_certificates WHERE code = $1").bind(code.as_str()).fetch_optional(db).await?;
    doc.as_deref().map(from_json).transpose()
}

/// Writes `changed` over `read`, only if the stored certificate is still
/// `read`; `false` when another write got there first.
pub async fn update_certificate(db: impl AnyExecutor<'_>, read: &Certificate, changed: &Certificate) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE training_certificates SET doc = $1 WHERE code = $2 AND doc = $3")
        .bind(to_json(changed))
        .bind(read.code.as_str())
        .bind(to_json(read))
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The member's answer to an event, in place of any earlier one.
pub async fn put_rsvp(db: impl AnyExecutor<'_>, rsvp: &Rsvp) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO training_rsvps (event_id, member_id, doc) VALUES ($1, $2, $3) ON CONFLICT (event_id, member_id) DO UPDATE SET doc = excluded.doc")
        .bind(i64::from(rsvp.event.0))
        .bind(i64::from(rsvp.member.0))
        .bind(to_json(rsvp))
        .execute(db)
        .await?;
    Ok(())
}

/// What `member` enrolled with `key` before, and the enrolment it made.
pub async fn key_use(db: impl AnyExecutor<'_>, member: MemberId, key: &str) -> Result<Option<(EnrolRequest, EnrolmentId)>, sqlx::Error> {
    let row = sqlx::query("SELECT request, enrolment_id FROM training_enrolment_keys WHERE member_id = $1 AND idempotency_key = $2")
        .bind(i64::from(member.0))
        .bind(key)
        .fetch_optional(db)
        .await?;
    row.map(|row| Ok((from_json(row.try_get("request")?)?, EnrolmentId(decode_id(row.try_get("enrolment_id")?)?)))).transpose()
}

/// Records that `key` made `enrolment`; `false` when the member holds the
/// key already (a concurrent request with it got there first).
pub async fn insert_key(db: impl AnyExecutor<'_>, member: MemberId, key: &str, request: &EnrolRequest, enrolment: EnrolmentId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO training_enrolment_keys (member_id, idempotency_key, request, enrolment_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (member_id, idempotency_key) DO NOTHING",
    )
    .bind(i64::from(member.0))
    .bind(key)
    .bind(to_json(request))
    .bind(i64::from(enrolment.0))
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn course_count(db: impl AnyExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM training_courses").fetch_one(db).await
}

/// Stores the demo's training (`domain::seed::demo_training`) under its own
/// numbers, then lets the database number what comes after.
pub async fn seed(conn: &mut AnyConnection, book: &TrainingBook) -> Result<(), sqlx::Error> {
    seed_numbered(conn, &book.courses, |c| c.id.0).await?;
    seed_numbered(conn, &book.lessons, |l| l.id.0).await?;
    for quiz in &book.quizzes {
        put_quiz(&mut *conn, quiz).await?;
    }
    seed_numbered(conn, &book.sessions, |s| s.id.0).await?;
    seed_numbered(conn, &book.paths, |p| p.id.0).await?;
    seed_numbered(conn, &book.events, |e| e.id.0).await?;
    seed_numbered(conn, &book.enrolments, |e| e.id.0).await?;
    seed_numbered(conn, &book.attempts, |a| a.id.0).await?;
    for done in &book.lessons_done {
        insert_lesson_done(&mut *conn, done).await?;
    }
    for certificate in &book.certificates {
        insert_certificate(&mut *conn, certificate).await?;
    }
    for rsvp in &book.rsvps {
        put_rsvp(&mut *conn, rsvp).await?;
    }
    for key in &book.keys {
        insert_key(&mut *conn, key.member, &key.key, &key.request, key.enrolment).await?;
    }
    Ok(())
}

async fn seed_numbered<T: Numbered>(conn: &mut AnyConnection, records: &[T], id: impl Fn(&T) -> u32) -> Result<(), sqlx::Error> {
    for record in records {
        insert_as(&mut *conn, record, Some(id(record))).await?;
    }
    continue_numbering(conn, T::TABLE).await
}
