//! The feedback domain's enums and groups as HR and responders read them.

use super::directory::Directory;
use crate::i18n::labels::employment_type_key;
use crate::i18n::{fill, text, Key};
use domain::feedback::disclosure::{Dimension, GroupKey, NOT_STATED};
use domain::feedback::idea::IdeaStatus;
use domain::feedback::profile::TenureBand;
use domain::feedback::thread::Recipient;
use domain::{DepartmentId, EmploymentType, Lang, SiteId};

pub fn tenure_key(band: TenureBand) -> Key {
    match band {
        TenureBand::UnderOneYear => Key::FeedbackHrTenureUnderOneYear,
        TenureBand::OneToThreeYears => Key::FeedbackHrTenureOneToThreeYears,
        TenureBand::ThreeToFiveYears => Key::FeedbackHrTenureThreeToFiveYears,
        TenureBand::FiveYearsOrMore => Key::FeedbackHrTenureFiveYearsOrMore,
    }
}

pub fn dimension_key(dimension: Dimension) -> Key {
    match dimension {
        Dimension::Department => Key::FeedbackHrDimensionDepartment,
        Dimension::Site => Key::FeedbackHrDimensionSite,
        Dimension::Employment => Key::FeedbackHrDimensionEmployment,
        Dimension::Tenure => Key::FeedbackHrDimensionTenure,
    }
}

/// The heading over a breakdown: "By department".
pub fn breakdown_key(dimension: Dimension) -> Key {
    match dimension {
        Dimension::Department => Key::FeedbackHrGroupsByDepartment,
        Dimension::Site => Key::FeedbackHrGroupsBySite,
        Dimension::Employment => Key::FeedbackHrGroupsByEmployment,
        Dimension::Tenure => Key::FeedbackHrGroupsByTenure,
    }
}

/// The statuses HR sets, in the order the board's life goes, as their
/// `<select>` values (their wire names).
pub const STATUSES: [&str; 5] = ["new", "under_review", "planned", "done", "declined"];

/// A status's `<select>` value.
pub fn status_value(status: &IdeaStatus) -> &'static str {
    match status {
        IdeaStatus::New => "new",
        IdeaStatus::UnderReview => "under_review",
        IdeaStatus::Planned => "planned",
        IdeaStatus::Done => "done",
        IdeaStatus::Declined(_) => "declined",
    }
}

/// The status a `<select>` value names; a decline carries `reason`.
pub fn status_of(value: &str, reason: &str) -> Option<IdeaStatus> {
    Some(match value {
        "new" => IdeaStatus::New,
        "under_review" => IdeaStatus::UnderReview,
        "planned" => IdeaStatus::Planned,
        "done" => IdeaStatus::Done,
        "declined" => IdeaStatus::Declined(reason.to_owned()),
        _ => return None,
    })
}

/// The answers of an agreement question, 1 to 5.
pub const AGREEMENT: [Key; 5] =
    [Key::FeedbackHrAgreement1, Key::FeedbackHrAgreement2, Key::FeedbackHrAgreement3, Key::FeedbackHrAgreement4, Key::FeedbackHrAgreement5];

pub fn department_name(directory: &Directory, id: DepartmentId, lang: Lang) -> String {
    directory.department(id).map_or_else(|| fill(Key::FeedbackHrDepartmentNumber, lang, &[("n", &id.0.to_string())]), |name| name.get(lang).to_owned())
}

pub fn site_name(directory: &Directory, id: SiteId, lang: Lang) -> String {
    directory.site(id).map_or_else(|| fill(Key::FeedbackHrSiteNumber, lang, &[("n", &id.0.to_string())]), |name| name.get(lang).to_owned())
}

/// Who a conversation is with: HR, or a department (its leadership).
pub fn recipient_name(directory: &Directory, recipient: Recipient, lang: Lang) -> String {
    match recipient {
        Recipient::Hr => text(Key::FeedbackHrRecipientHr, lang).to_owned(),
        Recipient::Department(id) => department_name(directory, id, lang),
    }
}

/// A group of the results by name: departments and sites as the company
/// calls them, contracts and tenure bands translated, and the responses
/// that left the part out (their group would have been too small).
pub fn group_name(directory: &Directory, group: GroupKey, lang: Lang) -> String {
    if group.value == NOT_STATED {
        return text(Key::FeedbackHrNotStated, lang).to_owned();
    }
    let translated = |key: Option<Key>| key.map_or_else(|| group.value.to_string(), |key| text(key, lang).to_owned());
    match group.dimension {
        Dimension::Department => department_name(directory, DepartmentId(group.value), lang),
        Dimension::Site => site_name(directory, SiteId(group.value), lang),
        Dimension::Employment => translated(EmploymentType::ALL.into_iter().find(|e| *e as u32 == group.value).map(employment_type_key)),
        Dimension::Tenure => translated(TenureBand::ALL.into_iter().find(|t| *t as u32 == group.value).map(tenure_key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_value() {
        for status in [IdeaStatus::New, IdeaStatus::UnderReview, IdeaStatus::Planned, IdeaStatus::Done, IdeaStatus::Declined("why".into())] {
            assert_eq!(status_of(status_value(&status), "why"), Some(status.clone()));
            assert!(STATUSES.contains(&status_value(&status)));
        }
        assert_eq!(status_of("lost", ""), None);
    }

    #[test]
    fn statuses_match_their_wire_names() {
        for value in STATUSES {
            let status = status_of(value, "r").unwrap();
            let wire = serde_json::to_value(&status).unwrap();
            assert_eq!(wire["status"], value);
        }
    }
}
