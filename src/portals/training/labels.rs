//! Training's enums and rules as people read them, and times on the
//! company's clock (Asia/Ho_Chi_Minh, as the backend writes them).

use crate::i18n::format::date;
use crate::i18n::{fill, Key};
use domain::common::{FieldError, Rule};
use domain::training::certificate::CertificateStatus;
use domain::training::course::{Format, Topic};
use domain::training::event::{EventKind, RsvpAnswer};
use domain::{Lang, LocalizedText, Timestamp};

pub fn topic_key(topic: Topic) -> Key {
    match topic {
        Topic::Onboarding => Key::TrainingTopicOnboarding,
        Topic::Safety => Key::TrainingTopicSafety,
        Topic::Sales => Key::TrainingTopicSales,
        Topic::DigitalSkills => Key::TrainingTopicDigitalSkills,
        Topic::Leadership => Key::TrainingTopicLeadership,
        Topic::Languages => Key::TrainingTopicLanguages,
    }
}

pub const FORMATS: [Format; 2] = [Format::SelfPaced, Format::Classroom];

pub fn format_key(format: Format) -> Key {
    match format {
        Format::SelfPaced => Key::TrainingFormatSelfPaced,
        Format::Classroom => Key::TrainingFormatClassroom,
    }
}

pub const EVENT_KINDS: [EventKind; 2] = [EventKind::Workshop, EventKind::TeamActivity];

pub fn event_kind_key(kind: EventKind) -> Key {
    match kind {
        EventKind::Workshop => Key::TrainingEventWorkshop,
        EventKind::TeamActivity => Key::TrainingEventTeamActivity,
    }
}

pub const RSVP_ANSWERS: [RsvpAnswer; 3] = [RsvpAnswer::Going, RsvpAnswer::Maybe, RsvpAnswer::NotGoing];

pub fn rsvp_key(answer: RsvpAnswer) -> Key {
    match answer {
        RsvpAnswer::Going => Key::TrainingRsvpGoing,
        RsvpAnswer::Maybe => Key::TrainingRsvpMaybe,
        RsvpAnswer::NotGoing => Key::TrainingRsvpNotGoing,
    }
}

pub fn certificate_status_key(status: CertificateStatus) -> Key {
    match status {
        CertificateStatus::Valid => Key::TrainingCertificateValid,
        CertificateStatus::Expired => Key::TrainingCertificateExpired,
        CertificateStatus::Revoked => Key::TrainingCertificateRevoked,
    }
}

/// The CSS classes of a certificate's status badge.
pub fn certificate_status_class(status: CertificateStatus) -> &'static str {
    match status {
        CertificateStatus::Valid => "badge badge-done",
        CertificateStatus::Expired => "badge badge-placed",
        CertificateStatus::Revoked => "badge badge-cancelled",
    }
}

/// `22/11/2026 08:30` (vi), `22 Nov 2026, 08:30` (en): Vietnam's clock.
pub fn when(at: Timestamp, lang: Lang) -> String {
    let (hour, minute) = at.local_time();
    let separator = if lang == Lang::Vi { " " } else { ", " };
    format!("{}{separator}{hour:02}:{minute:02}", date(at.date(), lang))
}

/// `22/11/2026 08:30–16:30`, or both ends in full when the days differ.
pub fn span(starts: Timestamp, ends: Timestamp, lang: Lang) -> String {
    if starts.date() == ends.date() {
        let (hour, minute) = ends.local_time();
        format!("{}–{hour:02}:{minute:02}", when(starts, lang))
    } else {
        format!("{} – {}", when(starts, lang), when(ends, lang))
    }
}

/// Where a session is held: its room at its site, by the site's name.
pub fn room_at_site(room: &str, site: &LocalizedText, lang: Lang) -> String {
    fill(Key::TrainingRoomAtSite, lang, &[("room", room), ("site", site.get(lang))])
}

/// A time as a `datetime-local` input shows it: `2026-11-22T08:30`.
pub fn to_input(at: Timestamp) -> String {
    let (hour, minute) = at.local_time();
    format!("{}T{hour:02}:{minute:02}", at.date())
}

/// What a `datetime-local` input gives, on Vietnam's clock; `None` when empty.
pub fn from_input(typed: &str) -> Option<Timestamp> {
    format!("{}:00+07:00", typed.trim()).parse().ok()
}

/// Training's rules as sentences in `lang` (registered with the shell's
/// `rule_message` when the module loads).
pub fn rule_message(error: &FieldError, lang: Lang) -> Option<String> {
    let key = match error.rule? {
        Rule::AlreadyEnrolled => Key::TrainingRuleAlreadyEnrolled,
        Rule::NotEnrolled => Key::TrainingRuleNotEnrolled,
        Rule::CancellationClosed => Key::TrainingRuleCancellationClosed,
        Rule::AlreadyStarted => Key::TrainingRuleAlreadyStarted,
        Rule::NotStarted => Key::TrainingRuleNotStarted,
        Rule::PathLocked => Key::TrainingRulePathLocked,
        Rule::LessonsFirst => Key::TrainingRuleLessonsFirst,
        Rule::NoAttemptsLeft => Key::TrainingRuleNoAttemptsLeft,
        Rule::AlreadyPassed => Key::TrainingRuleAlreadyPassed,
        Rule::AttemptSubmitted => Key::TrainingRuleAttemptSubmitted,
        Rule::NotCompleted => Key::TrainingRuleNotCompleted,
        Rule::AlreadyRevoked => Key::TrainingRuleAlreadyRevoked,
        Rule::EventFull => Key::TrainingRuleEventFull,
        Rule::EventCancelled => Key::TrainingRuleEventCancelled,
        Rule::LinkScheme => Key::TrainingRuleLinkScheme,
        Rule::ClassroomOnly => Key::TrainingRuleClassroomOnly,
        Rule::UnknownCourse => Key::TrainingRuleUnknownCourse,
        Rule::DuplicateCourse => Key::TrainingRuleDuplicateCourse,
        Rule::DeadlineAfterStart => Key::TrainingRuleDeadlineAfterStart,
        Rule::EndsBeforeStart => Key::TrainingRuleEndsBeforeStart,
        Rule::NotInAudience => Key::TrainingRuleNotInAudience,
        _ => return None,
    };
    Some(fill(key, lang, &[("limit", &error.limit.unwrap_or_default().to_string())]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_and_written_on_vietnams_clock() {
        let at: Timestamp = "2026-11-22T08:30:00+07:00".parse().unwrap();
        assert_eq!(to_input(at), "2026-11-22T08:30");
        assert_eq!(from_input("2026-11-22T08:30"), Some(at));
        assert_eq!(from_input(""), None);
    }
}
