//! Calendar invitations (RFC 5545): one VEVENT in a VCALENDAR, with a UID
//! that never changes and a SEQUENCE that rises with every change, so a
//! calendar that imported the event updates it, and shows it cancelled
//! (`STATUS:CANCELLED`) when it is.

use crate::date::Timestamp;
use crate::member::Lang;
use crate::training::event::Event;

/// A content line's longest length in octets, line break excluded (§3.1).
const LINE_OCTETS: usize = 75;

/// The invitation for `event`, its texts in `lang`.
pub fn event_ics(event: &Event, lang: Lang) -> String {
    let draft = &event.draft;
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Sen Vang//Noi bo training//VI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", event.uid()),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTAMP:{}", utc(event.updated_at)),
        format!("LAST-MODIFIED:{}", utc(event.updated_at)),
        format!("DTSTART:{}", utc(draft.starts)),
        format!("DTEND:{}", utc(draft.ends)),
        format!("SUMMARY:{}", escape(draft.title.get(lang))),
        format!("LOCATION:{}", escape(&draft.place)),
        format!("DESCRIPTION:{}", escape(draft.description.get(lang))),
        format!("STATUS:{}", if event.cancelled { "CANCELLED" } else { "CONFIRMED" }),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|line| fold(line)).collect()
}

/// An instant as a UTC DATE-TIME: `20261125T020000Z`.
fn utc(at: Timestamp) -> String {
    let seconds = at.unix_millis().div_euclid(1000);
    let day = crate::date::Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let of_day = seconds.rem_euclid(86_400);
    format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", day.year(), day.month(), day.day(), of_day / 3600, of_day / 60 % 60, of_day % 60)
}

/// TEXT as §3.3.11 writes it: backslash, semicolon and comma escaped,
/// every line break (CRLF, CR or LF) as `\n`, other control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // TEXT admits no other control character but the tab.
            c if c.is_control() && c != '\t' => {}
            other => out.push(other),
        }
    }
    out
}

/// One content line, folded (§3.1): no line longer than 75 octets, a
/// character never split, continuation lines starting with a space, each
/// line ending CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / LINE_OCTETS * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space is one of the next line's octets.
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
