//! Leave's enums and spans as people read them.

use crate::i18n::format::date;
use crate::i18n::{fill, text, Key};
use domain::benefits::{DayOff, Half, HalfDays, LeaveSpan, LeaveStatus};
use domain::common::{FieldError, Rule};
use domain::Lang;

pub fn status_key(status: LeaveStatus) -> Key {
    match status {
        LeaveStatus::Pending => Key::LeaveStatusPending,
        LeaveStatus::Approved => Key::LeaveStatusApproved,
        LeaveStatus::Taken => Key::LeaveStatusTaken,
        LeaveStatus::Rejected => Key::LeaveStatusRejected,
        LeaveStatus::Withdrawn => Key::LeaveStatusWithdrawn,
        LeaveStatus::CancellationPending => Key::LeaveStatusCancellationPending,
        LeaveStatus::Cancelled => Key::LeaveStatusCancelled,
    }
}

/// The CSS modifier of a status badge.
pub fn status_class(status: LeaveStatus) -> &'static str {
    match status {
        LeaveStatus::Pending | LeaveStatus::CancellationPending => "badge badge-placed",
        LeaveStatus::Approved => "badge badge-ready",
        LeaveStatus::Taken => "badge badge-done",
        LeaveStatus::Rejected | LeaveStatus::Withdrawn | LeaveStatus::Cancelled => "badge badge-cancelled",
    }
}

/// "2 ngày" / "1.5 days": a number of days with its unit.
pub fn days(amount: HalfDays, lang: Lang) -> String {
    let number = half_days(amount.0.unsigned_abs(), lang);
    let number = if amount.0 < 0 { format!("−{number}") } else { number };
    fill(if amount == HalfDays::days(1) { Key::LeaveDaysOne } else { Key::LeaveDaysMany }, lang, &[("n", &number)])
}

/// "27/11/2026 – 30/11/2026", with "(chiều)" / "(sáng)" on a half end.
pub fn span(span: LeaveSpan, lang: Lang) -> String {
    let start = match span.starts {
        Half::Afternoon => format!("{} ({})", date(span.from, lang), text(Key::LeaveAfternoon, lang)),
        Half::Morning => date(span.from, lang),
    };
    let end = match span.ends {
        Half::Morning => format!("{} ({})", date(span.to, lang), text(Key::LeaveMorning, lang)),
        Half::Afternoon => date(span.to, lang),
    };
    if span.from == span.to {
        let part = match (span.starts, span.ends) {
            (Half::Morning, Half::Afternoon) => return date(span.from, lang),
            (Half::Morning, Half::Morning) => text(Key::LeaveMorning, lang),
            _ => text(Key::LeaveAfternoon, lang),
        };
        return format!("{} ({part})", date(span.from, lang));
    }
    format!("{start} – {end}")
}

/// Why a day is not worked: "Tết Nguyên đán", "nghỉ bù Giỗ Tổ", "ngày nghỉ hằng tuần".
pub fn day_off(reason: &DayOff, lang: Lang) -> String {
    match reason {
        DayOff::WeeklyRest => text(Key::LeaveWeeklyRest, lang).to_owned(),
        DayOff::Holiday(holiday) => holiday.name.get(lang).to_owned(),
        DayOff::InLieu(holiday) => fill(Key::LeaveInLieu, lang, &[("holiday", holiday.name.get(lang))]),
    }
}

/// A number of half days as days in `lang` ("1,5" in Vietnamese).
pub fn half_days(halves: u64, lang: Lang) -> String {
    let days = HalfDays(halves as i64).to_string();
    match lang {
        Lang::Vi => days.replace('.', ","),
        Lang::En => days,
    }
}

/// Leave's rules as sentences in `lang` (registered with the shell's
/// `rule_message` when the module loads).
pub fn rule_message(error: &FieldError, lang: Lang) -> Option<String> {
    let limit = error.limit.unwrap_or_default();
    let (key, limit) = match error.rule? {
        Rule::UnknownLeaveType => (Key::LeaveRuleUnknownLeaveType, String::new()),
        Rule::UnknownMember => (Key::LeaveRuleUnknownMember, String::new()),
        Rule::EndsBeforeStart => (Key::LeaveRuleEndsBeforeStart, String::new()),
        Rule::TooFarBack => (Key::LeaveRuleTooFarBack, limit.to_string()),
        Rule::TooFarAhead => (Key::LeaveRuleTooFarAhead, String::new()),
        Rule::AcrossYears => (Key::LeaveRuleAcrossYears, String::new()),
        Rule::NoWorkingDays => (Key::LeaveRuleNoWorkingDays, String::new()),
        Rule::Overlap => (Key::LeaveRuleOverlap, String::new()),
        Rule::LeaveBalance => (Key::LeaveRuleLeaveBalance, half_days(limit, lang)),
        Rule::PerOccasion => (Key::LeaveRulePerOccasion, half_days(limit, lang)),
        Rule::LeaveBegun => (Key::LeaveRuleLeaveBegun, String::new()),
        Rule::AlreadyDecided => (Key::LeaveRuleAlreadyDecided, String::new()),
        Rule::DelegateSelf => (Key::LeaveRuleDelegateSelf, String::new()),
        Rule::CarryOverAnnualOnly => (Key::LeaveRuleCarryOverAnnualOnly, String::new()),
        Rule::HolidayCount => (Key::LeaveRuleHolidayCount, limit.to_string()),
        _ => return None,
    };
    Some(fill(key, lang, &[("limit", &limit)]))
}
