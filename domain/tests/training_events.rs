//! Workshops and team activities: answers within the room there is, an
//! attendee list for organisers, and a calendar invitation that a calendar
//! can read back (parsed here by an RFC 5545 reader written for the test),
//! keeps its UID, raises its SEQUENCE with each change, and says
//! `STATUS:CANCELLED` when HR cancels.

mod common;

use common::*;
use domain::audience::Audience;
use domain::common::Rule;
use domain::seed::{demo_company, demo_training};
use domain::training::ics::{escape, event_ics, fold};
use domain::training::{EventDraft, EventId, EventKind, RsvpAnswer, TrainingBook, TrainingError};
use domain::{Company, Lang, LocalizedText, Timestamp};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use std::collections::BTreeMap;

fn world() -> (Company, TrainingBook) {
    (demo_company(), demo_training(now(), &mut ChaCha20Rng::seed_from_u64(2)))
}

fn hours(h: i64) -> Timestamp {
    Timestamp::from_unix_millis(now().unix_millis() + h * 3_600_000)
}

/// The content lines of an iCalendar text: unfolded, split at CRLF,
/// as (name, value unescaped).
fn parse(ics: &str) -> Vec<(String, String)> {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, value) = line.split_once(':').expect("NAME:value");
            let mut text = String::new();
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                match (c, c == '\\') {
                    (_, true) => match chars.next() {
                        Some('n') | Some('N') => text.push('\n'),
                        Some(other) => text.push(other),
                        None => panic!("a lone backslash"),
                    },
                    (';', _) | (',', _) => panic!("an unescaped {c} in {value:?}"),
                    _ => text.push(c),
                }
            }
            (name.to_owned(), text)
        })
        .collect()
}

fn fields(ics: &str) -> BTreeMap<String, String> {
    parse(ics).into_iter().collect()
}

fn draft(title: &str, place: &str) -> EventDraft {
    EventDraft {
        kind: EventKind::Workshop,
        title: LocalizedText::new(title, "Workshop"),
        description: LocalizedText::new("Dòng 1\nDòng 2; có dấu, phẩy\\gạch", "Line one"),
        place: place.into(),
        starts: at("2026-11-25T09:00:00+07:00"),
        ends: at("2026-11-25T11:30:00+07:00"),
        capacity: 2,
        audience: Audience::everyone(),
    }
}

#[test]
fn an_invitation_reads_back_with_its_texts_escaped_folded_and_in_utc() {
    let (company, mut book) = world();
    let hoa = person(&company, "hoa.nguyen");
    let title = "Hội thảo kỹ năng phản hồi: lắng nghe, đặt câu hỏi, và ghi nhận đóng góp của đồng nghiệp";
    let event = book.save_event(hoa, None, &draft(title, "Phòng 3.1; Trụ sở Hà Nội, tầng 3"), now()).unwrap();
    let ics = event_ics(&event, Lang::Vi);
    let lines = parse(&ics);
    assert_eq!(lines.first().unwrap(), &("BEGIN".to_owned(), "VCALENDAR".to_owned()));
    assert_eq!(lines.last().unwrap(), &("END".to_owned(), "VCALENDAR".to_owned()));
    let f = fields(&ics);
    assert_eq!(f["SUMMARY"], title);
    assert_eq!(f["LOCATION"], "Phòng 3.1; Trụ sở Hà Nội, tầng 3");
    assert_eq!(f["DESCRIPTION"], "Dòng 1\nDòng 2; có dấu, phẩy\\gạch");
    assert_eq!((f["DTSTART"].as_str(), f["DTEND"].as_str()), ("20261125T020000Z", "20261125T043000Z"));
    assert_eq!((f["VERSION"].as_str(), f["SEQUENCE"].as_str(), f["STATUS"].as_str()), ("2.0", "0", "CONFIRMED"));
    assert!(ics.contains("\r\n "), "the long summary is folded");
}

#[test]
fn folding_never_splits_a_character_and_escaping_covers_every_special() {
    let line = format!("SUMMARY:{}", "ệ".repeat(60));
    let folded = fold(&line);
    for part in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(part.len() <= 75);
    }
    assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    assert_eq!(escape("a\\b;c,d\r\ne\rf\ng\u{7}"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
}

#[test]
fn each_change_keeps_the_uid_raises_the_sequence_and_cancelling_says_cancelled() {
    let (company, mut book) = world();
    let hoa = person(&company, "hoa.nguyen");
    let first = book.save_event(hoa, None, &draft("A", "P1"), now()).unwrap();
    let same = book.save_event(hoa, Some(first.id), &draft("A", "P1"), hours(1)).unwrap();
    assert_eq!(same.sequence, 0, "saving nothing new is no change");
    let moved = book.save_event(hoa, Some(first.id), &draft("A", "P2"), hours(2)).unwrap();
    let cancelled = book.cancel_event(hoa, first.id, hours(3)).unwrap();
    let [a, b, c] = [&first, &moved, &cancelled].map(|e| fields(&event_ics(e, Lang::En)));
    assert_eq!((a["UID"].clone(), b["UID"].clone()), (c["UID"].clone(), c["UID"].clone()));
    assert_eq!([&a["SEQUENCE"], &b["SEQUENCE"], &c["SEQUENCE"]], ["0", "1", "2"]);
    assert_eq!(c["STATUS"], "CANCELLED");
    assert!(a["DTSTAMP"] < c["DTSTAMP"]);
    match book.cancel_event(hoa, first.id, hours(4)) {
        Err(TrainingError::Rejected(v)) => assert_eq!(v[0].rule, Rule::EventCancelled),
        other => panic!("{other:?}"),
    }
    let lan = person(&company, "lan.tran");
    let refused = book.rsvp(&company, lan, first.id, RsvpAnswer::Going, hours(4));
    assert!(matches!(refused, Err(TrainingError::Rejected(v)) if v[0].rule == Rule::EventCancelled));
}

#[test]
fn going_stops_at_capacity_but_maybe_and_changing_ones_mind_do_not() {
    let (company, mut book) = world();
    let hoa = person(&company, "hoa.nguyen");
    let event = book.save_event(hoa, None, &draft("Nhỏ", "P1"), now()).unwrap().id;
    let [lan, minh, quang] = ["lan.tran", "minh.le", "quang.do"].map(|l| person(&company, l));
    book.rsvp(&company, lan, event, RsvpAnswer::Going, now()).unwrap();
    book.rsvp(&company, minh, event, RsvpAnswer::Going, now()).unwrap();
    match book.rsvp(&company, quang, event, RsvpAnswer::Going, now()) {
        Err(TrainingError::Rejected(v)) => assert_eq!((v[0].field.as_str(), v[0].rule, v[0].limit), ("answer", Rule::EventFull, Some(2))),
        other => panic!("{other:?}"),
    }
    assert_eq!(book.rsvp(&company, quang, event, RsvpAnswer::Maybe, now()).unwrap().mine, Some(RsvpAnswer::Maybe));
    let view = book.rsvp(&company, lan, event, RsvpAnswer::Going, hours(1)).unwrap();
    assert_eq!((view.counts.going, view.counts.maybe, view.places_left), (2, 1, 0), "answering again replaces the answer");
    book.rsvp(&company, minh, event, RsvpAnswer::NotGoing, hours(1)).unwrap();
    assert!(book.rsvp(&company, quang, event, RsvpAnswer::Going, hours(2)).is_ok());
    let list = book.attendees(&company, hoa, event).unwrap();
    let names: Vec<(&str, RsvpAnswer)> = list.iter().map(|a| (a.name.as_str(), a.answer)).collect();
    assert_eq!(names, [("Trần Thị Lan", RsvpAnswer::Going), ("Đỗ Nhật Quang", RsvpAnswer::Going), ("Lê Văn Minh", RsvpAnswer::NotGoing)]);
    assert_eq!(book.attendees(&company, lan, event), Err(TrainingError::Forbidden));
    let started = book.rsvp(&company, lan, event, RsvpAnswer::Maybe, at("2026-11-25T09:00:00+07:00"));
    assert!(matches!(started, Err(TrainingError::Rejected(v)) if v[0].rule == Rule::AlreadyStarted));
}

#[test]
fn the_factory_sports_day_is_for_the_factory_and_home_shows_the_next_thing() {
    let (company, mut book) = world();
    let (tuan, lan) = (person(&company, "tuan.pham"), person(&company, "lan.tran"));
    let sports_day = EventId(2);
    assert!(book.events(&company, tuan, now()).iter().any(|v| v.event.id == sports_day));
    assert!(!book.events(&company, lan, now()).iter().any(|v| v.event.id == sports_day));
    assert_eq!(book.event_ics(&company, lan, sports_day, Lang::Vi, now()), Err(TrainingError::NotFound));
    assert!(book.event_ics(&company, tuan, sports_day, Lang::Vi, now()).unwrap().contains("BEGIN:VEVENT"));
    assert_eq!(book.rsvp(&company, lan, sports_day, RsvpAnswer::Going, now()).map(|_| ()), Err(TrainingError::NotFound));
    // Lan is going to the workshop in six days: that is her next thing.
    let home = book.home(&company, lan, now());
    assert!(matches!(home.next, Some(domain::training::wire::NextUp::Event { event: EventId(1), .. })), "{:?}", home.next);
}
