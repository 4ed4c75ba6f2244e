//! The demo data set (`--seed demo`): the demo company of the embedded
//! backend, then each portal's demo data, so both backends start identical.

use crate::auth;
use crate::db::{enum_name, to_json};
use domain::member::normalized_email;
use domain::Timestamp;
use sqlx::{AnyConnection, AnyPool};

/// Loads the demo company unless members exist already, and each portal's
/// demo data unless that portal has data: seeding twice changes nothing,
/// and a database seeded before a portal existed gets that portal's data.
/// `true` when anything was loaded. Training's dates fall around `now`.
pub async fn seed_demo(pool: &AnyPool, now: Timestamp) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members").fetch_one(&mut *tx).await?;
    let company = members == 0;
    if company {
        seed_company(&mut tx).await?;
    }
    let store = crate::portals::store::seed_demo(&mut tx).await?;
    let benefits = crate::portals::benefits::seed_demo(&mut tx).await?;
    let feedback = crate::portals::feedback::seed_demo(&mut tx).await?;
    let training = crate::portals::training::seed_demo(&mut tx, now).await?;
    tx.commit().await?;
    Ok(company || store || benefits || feedback || training)
}

async fn seed_company(tx: &mut AnyConnection) -> Result<(), sqlx::Error> {
    let company = domain::seed::demo_company();
    let password_hash = auth::hash_password(domain::seed::DEMO_PASSWORD);
    sqlx::query("INSERT INTO company (id, name_vi, name_en) VALUES (1, $1, $2)").bind(&company.name.vi).bind(&company.name.en).execute(&mut *tx).await?;
    for d in &company.departments {
        sqlx::query("INSERT INTO departments (id, name_vi, name_en) VALUES ($1, $2, $3)")
            .bind(i64::from(d.id.0))
            .bind(&d.name.vi)
            .bind(&d.name.en)
            .execute(&mut *tx)
            .await?;
    }
    // Parents once every department exists, whatever the order.
    for d in &company.departments {
        sqlx::query("UPDATE departments SET parent_id = $1 WHERE id = $2")
            .bind(d.parent.map(|p| i64::from(p.0)))
            .bind(i64::from(d.id.0))
            .execute(&mut *tx)
            .await?;
    }
    for s in &company.sites {
        sqlx::query("INSERT INTO sites (id, name_vi, name_en, city) VALUES ($1, $2, $3, $4)")
            .bind(i64::from(s.id.0))
            .bind(&s.name.vi)
            .bind(&s.name.en)
            .bind(&s.city)
            .execute(&mut *tx)
            .await?;
    }
    for m in &company.members {
        sqlx::query(
            "INSERT INTO members (id, email, full_name, department_id, site_id, employment_type, role, hired_on, tags, password_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(i64::from(m.id.0))
        .bind(normalized_email(&m.email))
        .bind(&m.full_name)
        .bind(i64::from(m.department_id.0))
        .bind(i64::from(m.site_id.0))
        .bind(enum_name(&m.employment_type))
        .bind(enum_name(&m.role))
        .bind(m.hired_on.to_string())
        .bind(to_json(&m.tags))
        .bind(&password_hash)
        .execute(&mut *tx)
        .await?;
    }
    for (position, s) in company.segments.iter().enumerate() {
        sqlx::query("INSERT INTO segments (tag, position, name_vi, name_en, rule) VALUES ($1, $2, $3, $4, $5)")
            .bind(&s.tag)
            .bind(position as i64)
            .bind(&s.name.vi)
            .bind(&s.name.en)
            .bind(s.rule.as_ref().map(to_json))
            .execute(&mut *tx)
            .await?;
    }
    for o in &company.offerings {
        sqlx::query("INSERT INTO offerings (id, kind, title_vi, title_en, summary_vi, summary_en, audience, portal, amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(i64::from(o.id.0))
            .bind(enum_name(&o.kind))
            .bind(&o.title.vi)
            .bind(&o.title.en)
            .bind(&o.summary.vi)
            .bind(&o.summary.en)
            .bind(to_json(&o.audience))
            .bind(&o.portal)
            .bind(o.amount.map(|n| n as i64))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
