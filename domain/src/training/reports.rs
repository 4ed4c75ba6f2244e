//! What HR and managers read across people: completion by department and
//! segment (HR everyone, a manager their team), and the CSV exports of
//! enrolments and completions, written in the language asked.

use crate::common::access::{is_hr, team_of};
use crate::common::csv;
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{Lang, LocalizedText, Member};
use crate::training::certificate::{Certificate, CertificateStatus};
use crate::training::course::CourseId;
use crate::training::progress::Records;
use crate::training::session::{Enrolment, EnrolmentStatus};
use crate::training::use_cases::{TrainingError, TrainingFacts};
use crate::training::wire::PersonProgress;
use serde::{Deserialize, Serialize};

/// How far one group of members is with a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCompletion {
    pub name: LocalizedText,
    /// Members of the group the course is for.
    pub members: u32,
    /// Of them, those who began and have not completed it.
    pub in_progress: u32,
    pub complete: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCompletion {
    pub course: CourseId,
    pub title: LocalizedText,
    pub overall: GroupCompletion,
    pub by_department: Vec<GroupCompletion>,
    pub by_segment: Vec<GroupCompletion>,
    /// Each member the course is for, by given name.
    pub people: Vec<PersonProgress>,
}

/// Completion of every course among the people `viewer` may see: HR
/// everyone, a manager their team; anyone else is forbidden.
pub fn completion(facts: &TrainingFacts, records: Records, viewer: &Member, now: Timestamp) -> Result<Vec<CourseCompletion>, TrainingError> {
    let company = facts.company;
    let mut people: Vec<&Member> = if is_hr(viewer) { company.members.iter().collect() } else { team_of(company, viewer) };
    if people.is_empty() {
        return Err(TrainingError::Forbidden);
    }
    people.sort_by_cached_key(|m| crate::common::text::person_order(&m.full_name));
    let today = now.date();
    let segments_of: Vec<Vec<String>> = people.iter().map(|m| company.facts(m, today).segments).collect();
    Ok(facts
        .courses
        .iter()
        .map(|course| {
            // (member, its segments, percent, complete) for those the course is for.
            let rows: Vec<(&Member, &Vec<String>, u8, bool)> = people
                .iter()
                .zip(&segments_of)
                .filter(|(m, _)| company.evaluate(&course.draft.audience, m, today).eligible)
                .map(|(m, segments)| {
                    let progress = facts.progress(course, &records.learner(m), now);
                    (*m, segments, progress.percent, progress.complete)
                })
                .collect();
            let group = |name: &LocalizedText, keep: &dyn Fn(&Member, &Vec<String>) -> bool| {
                let inside: Vec<_> = rows.iter().filter(|(m, s, _, _)| keep(m, s)).collect();
                GroupCompletion {
                    name: name.clone(),
                    members: inside.len() as u32,
                    in_progress: inside.iter().filter(|(_, _, percent, complete)| !complete && *percent > 0).count() as u32,
                    complete: inside.iter().filter(|(_, _, _, complete)| *complete).count() as u32,
                }
            };
            let by_department = company.departments.iter().map(|d| group(&d.name, &|m, _| m.department_id == d.id)).filter(|g| g.members > 0).collect();
            let by_segment = company.segments.iter().map(|s| group(&s.name, &|_, tags| tags.contains(&s.tag))).filter(|g| g.members > 0).collect();
            CourseCompletion {
                course: course.id,
                title: course.draft.title.clone(),
                overall: group(&company.name, &|_, _| true),
                by_department,
                by_segment,
                people: rows
                    .iter()
                    .map(|(m, _, percent, complete)| PersonProgress { member: m.id, name: m.full_name.clone(), percent: *percent, complete: *complete })
                    .collect(),
            }
        })
        .collect())
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Where a member works, in `lang`.
fn department_name(company: &Company, member: Option<&Member>, lang: Lang) -> String {
    member.and_then(|m| company.department(m.department_id)).map(|d| d.name.get(lang).to_owned()).unwrap_or_default()
}

/// Every enrolment as RFC 4180 CSV after a byte order mark, with column
/// names and statuses in `lang` (the backend has no locale files).
pub fn enrolments_csv(facts: &TrainingFacts, enrolments: &[Enrolment], lang: Lang) -> String {
    let header = match lang {
        Lang::Vi => {
            ["Mã ghi danh", "Khóa học", "Bắt đầu", "Địa điểm", "Nhân viên", "Phòng ban", "Trạng thái", "Đăng ký lúc", "Rời danh sách chờ lúc", "Tham dự"]
        }
        Lang::En => ["Enrolment", "Course", "Starts", "Site", "Member", "Department", "Status", "Asked at", "Moved from waitlist at", "Attended"],
    };
    let mut out = format!("{}{}", csv::BOM, csv::row(&header));
    let company = facts.company;
    for e in enrolments {
        let session = facts.session(e.session).ok();
        let course = session.and_then(|s| facts.course(s.draft.course).ok());
        let member = company.member(e.member);
        let status = match e.status {
            EnrolmentStatus::Enrolled => pick(lang, "Đã ghi danh", "Enrolled"),
            EnrolmentStatus::Waiting => pick(lang, "Đang chờ", "Waiting"),
            EnrolmentStatus::Cancelled => pick(lang, "Đã hủy", "Cancelled"),
        };
        let attended = match e.attended {
            Some(true) => pick(lang, "Có", "Yes"),
            Some(false) => pick(lang, "Không", "No"),
            None => "",
        };
        out.push_str(&csv::row(&[
            e.id.0.to_string(),
            course.map(|c| c.draft.title.get(lang).to_owned()).unwrap_or_default(),
            session.map(|s| s.draft.starts.to_string()).unwrap_or_default(),
            session.and_then(|s| company.site(s.draft.site)).map(|s| s.name.get(lang).to_owned()).unwrap_or_default(),
            member.map(|m| m.full_name.clone()).unwrap_or_default(),
            department_name(company, member, lang),
            status.to_owned(),
            e.asked_at.to_string(),
            e.promoted_at.map(|t| t.to_string()).unwrap_or_default(),
            attended.to_owned(),
        ]));
    }
    out
}

/// Every certificate (a completion) as CSV, like [`enrolments_csv`].
pub fn completions_csv(company: &Company, certificates: &[Certificate], lang: Lang, now: Timestamp) -> String {
    let header = match lang {
        Lang::Vi => ["Mã chứng chỉ", "Nhân viên", "Phòng ban", "Khóa học", "Ngày cấp", "Hết hạn", "Trạng thái"],
        Lang::En => ["Certificate", "Member", "Department", "Course", "Issued on", "Expires on", "Status"],
    };
    let mut out = format!("{}{}", csv::BOM, csv::row(&header));
    for c in certificates {
        let status = match c.status(now) {
            CertificateStatus::Valid => pick(lang, "Còn hiệu lực", "Valid"),
            CertificateStatus::Expired => pick(lang, "Hết hạn", "Expired"),
            CertificateStatus::Revoked => pick(lang, "Đã thu hồi", "Revoked"),
        };
        out.push_str(&csv::row(&[
            c.code.to_string(),
            c.member_name.clone(),
            department_name(company, company.member(c.member), lang),
            c.course_title.get(lang).to_owned(),
            c.issued_at.date().to_string(),
            c.expires_on.map(|d| d.to_string()).unwrap_or_default(),
            status.to_owned(),
        ]));
    }
    out
}
