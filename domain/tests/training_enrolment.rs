//! Seats and the waitlist, as members meet them: a seat while there is
//! one, then a place in line in the order people asked; a freed seat goes
//! to the first in line at once and home tells them; cancelling closes at
//! HR's deadline; a retried enrolment is answered, not repeated. Property
//! tests hold the promises under any sequence of enrols and cancels.

mod common;

use common::*;
use domain::audience::Audience;
use domain::common::Rule;
use domain::seed::demo_company;
use domain::training::wire::EnrolRequest;
use domain::training::{CourseDraft, CourseId, EnrolmentStatus, Format, Place, Roster, SessionDraft, SessionId, Topic, TrainingBook, TrainingError};
use domain::{Company, LocalizedText, Member, SiteId, Timestamp};
use proptest::prelude::*;

fn hours(h: i64) -> Timestamp {
    Timestamp::from_unix_millis(now().unix_millis() + h * 3_600_000)
}

/// A classroom course for everyone with one session of `capacity` seats,
/// starting in three days, cancellable until a day before.
fn classroom(capacity: u32) -> (Company, TrainingBook) {
    let company = demo_company();
    let hoa = person(&company, "hoa.nguyen").clone();
    let mut book = TrainingBook::default();
    let text = LocalizedText::new("Sơ cứu", "First aid");
    let draft = CourseDraft {
        title: text.clone(),
        summary: text,
        topic: Topic::Safety,
        format: Format::Classroom,
        audience: Audience::everyone(),
        renewal_months: None,
    };
    book.save_course(&hoa, None, &draft).unwrap();
    book.save_session(&company, &hoa, None, &session_draft(capacity), hours(-1)).unwrap();
    (company, book)
}

fn session_draft(capacity: u32) -> SessionDraft {
    SessionDraft {
        course: CourseId(1),
        site: SiteId(HANOI),
        room: "P.501".into(),
        starts: hours(72),
        ends: hours(80),
        capacity,
        cancel_until: hours(48),
        audience: Audience::everyone(),
    }
}

const SESSION: SessionId = SessionId(1);

fn enrol(company: &Company, book: &mut TrainingBook, member: &Member, key: &str, at: Timestamp) -> Result<Place, TrainingError> {
    book.enrol(company, member, key, &EnrolRequest { session: SESSION }, at).map(|a| a.place)
}

fn rule_of<T: std::fmt::Debug>(result: Result<T, TrainingError>) -> Rule {
    match result {
        Err(TrainingError::Rejected(v)) if v.len() == 1 => v[0].rule,
        other => panic!("expected one broken rule, got {other:?}"),
    }
}

#[test]
fn twenty_members_asking_at_once_for_the_last_seat_give_one_seat_and_nineteen_in_line_in_order() {
    let (company, mut book) = classroom(1);
    let people: Vec<&Member> = company.members.iter().take(20).collect();
    let places: Vec<Place> = people.iter().map(|m| enrol(&company, &mut book, m, "k", now()).unwrap()).collect();
    assert_eq!(places[0], Place::Enrolled);
    for (i, place) in places.iter().enumerate().skip(1) {
        assert_eq!(*place, Place::Waiting { position: i as u32 });
    }
}

#[test]
fn a_freed_seat_goes_to_the_first_in_line_and_home_says_so() {
    let (company, mut book) = classroom(1);
    let (lan, minh, quang) = (person(&company, "lan.tran"), person(&company, "minh.le"), person(&company, "quang.do"));
    enrol(&company, &mut book, minh, "k", now()).unwrap();
    enrol(&company, &mut book, lan, "k", now()).unwrap();
    enrol(&company, &mut book, quang, "k", now()).unwrap();
    let seat = book.enrolments[0].id;
    let promoted = book.cancel_enrolment(&company, minh, seat, hours(1)).unwrap();
    assert_eq!(promoted.len(), 1);
    assert_eq!((promoted[0].member, promoted[0].status, promoted[0].promoted_at), (lan.id, EnrolmentStatus::Enrolled, Some(hours(1))));
    let home = book.home(&company, lan, hours(2));
    assert_eq!(home.promotions.len(), 1);
    assert!(book.home(&company, quang, hours(2)).promotions.is_empty());
    let detail = book.course_detail(&company, quang, CourseId(1), hours(2)).unwrap();
    assert_eq!(detail.sessions[0].mine.as_ref().unwrap().place, Place::Waiting { position: 1 });
}

#[test]
fn a_seat_cannot_be_given_back_after_the_deadline_but_a_place_in_line_can() {
    let (company, mut book) = classroom(1);
    let (lan, minh) = (person(&company, "lan.tran"), person(&company, "minh.le"));
    enrol(&company, &mut book, minh, "k", now()).unwrap();
    enrol(&company, &mut book, lan, "k", now()).unwrap();
    let (seat, line) = (book.enrolments[0].id, book.enrolments[1].id);
    assert_eq!(rule_of(book.cancel_enrolment(&company, minh, seat, hours(49))), Rule::CancellationClosed);
    assert!(book.cancel_enrolment(&company, lan, line, hours(49)).unwrap().is_empty());
    assert_eq!(book.cancel_enrolment(&company, lan, seat, hours(1)), Err(TrainingError::NotFound), "someone else's seat");
}

#[test]
fn a_retried_enrolment_is_answered_with_the_first_and_a_reused_key_is_refused() {
    let (company, mut book) = classroom(5);
    let lan = person(&company, "lan.tran");
    assert_eq!(enrol(&company, &mut book, lan, "same", now()), Ok(Place::Enrolled));
    assert_eq!(enrol(&company, &mut book, lan, "same", hours(1)), Ok(Place::Enrolled));
    assert_eq!(book.enrolments.len(), 1);
    assert_eq!(rule_of(enrol(&company, &mut book, lan, "other", hours(1))), Rule::AlreadyEnrolled);
    let other = book.enrol(&company, lan, "same", &EnrolRequest { session: SessionId(9) }, hours(1));
    assert_eq!(rule_of(other), Rule::KeyReused);
}

#[test]
fn nobody_enrols_once_the_session_has_begun() {
    let (company, mut book) = classroom(5);
    assert_eq!(rule_of(enrol(&company, &mut book, person(&company, "lan.tran"), "k", hours(72))), Rule::AlreadyStarted);
}

#[test]
fn more_seats_seat_the_waitlist_and_fewer_than_taken_are_refused_with_the_range() {
    let (company, mut book) = classroom(1);
    let hoa = person(&company, "hoa.nguyen");
    for local in ["lan.tran", "minh.le", "quang.do"] {
        enrol(&company, &mut book, person(&company, local), "k", now()).unwrap();
    }
    book.save_session(&company, hoa, Some(SESSION), &session_draft(2), hours(1)).unwrap();
    let roster = Roster::of(&book.sessions[0], &book.enrolments);
    assert_eq!((roster.seats_taken(), roster.waiting().count()), (2, 1));
    let refused = book.save_session(&company, hoa, Some(SESSION), &session_draft(1), hours(1));
    match refused {
        Err(TrainingError::Rejected(v)) => {
            assert_eq!((v[0].field.as_str(), v[0].rule, v[0].min, v[0].limit), ("capacity", Rule::OutOfRange, Some(2), Some(500)))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hr_session_rules_name_their_fields() {
    let (company, mut book) = classroom(1);
    let hoa = person(&company, "hoa.nguyen");
    let bad = SessionDraft { ends: hours(70), cancel_until: hours(73), room: " ".into(), site: SiteId(9), ..session_draft(0) };
    let Err(TrainingError::Rejected(found)) = book.save_session(&company, hoa, None, &bad, now()) else { panic!() };
    let rules: Vec<(&str, Rule)> = found.iter().map(|v| (v.field.as_str(), v.rule)).collect();
    assert_eq!(
        rules,
        [
            ("room", Rule::Required),
            ("ends", Rule::EndsBeforeStart),
            ("cancel_until", Rule::DeadlineAfterStart),
            ("capacity", Rule::OutOfRange),
            ("site", Rule::UnknownSite)
        ]
    );
    assert_eq!(book.save_session(&company, person(&company, "lan.tran"), None, &session_draft(3), now()), Err(TrainingError::Forbidden));
}

#[test]
fn a_session_names_its_site_on_the_course_page_and_the_roster_and_hr_chooses_from_the_company_s_sites() {
    let (company, book) = classroom(3);
    let hanoi = company.site(SiteId(HANOI)).unwrap().name.clone();
    let lan = person(&company, "lan.tran");
    let detail = book.course_detail(&company, lan, CourseId(1), now()).unwrap();
    assert_eq!(detail.sessions[0].site_name, hanoi);
    let hoa = person(&company, "hoa.nguyen");
    assert_eq!(book.session_roster(&company, hoa, SESSION).unwrap().site_name, hanoi);
    let directory = book.hr_catalogue(&company, hoa).unwrap().directory;
    assert_eq!(directory.sites, company.sites);
    assert_eq!(directory.site(SiteId(HANOI)), Some(&hanoi));
}

#[derive(Clone, Debug)]
enum Op {
    Enrol(usize),
    Cancel(usize),
    Resize(u32),
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![5 => (0usize..12).prop_map(Op::Enrol), 3 => (0usize..12).prop_map(Op::Cancel), 1 => (1u32..6).prop_map(Op::Resize)]
}

proptest! {
    #[test]
    fn seats_never_overflow_the_line_keeps_arrival_order_and_a_freed_seat_goes_to_the_first_waiting(
        capacity in 1u32..5,
        ops in prop::collection::vec(any_op(), 1..60),
    ) {
        let (company, mut book) = classroom(capacity);
        let hoa = person(&company, "hoa.nguyen").clone();
        let people: Vec<Member> = company.members.iter().take(12).cloned().collect();
        for (step, op) in ops.into_iter().enumerate() {
            let at = Timestamp::from_unix_millis(now().unix_millis() + step as i64 * 60_000);
            let before = book.enrolments.clone();
            let roster_before = Roster::of(&book.sessions[0], &before);
            let first_waiting = roster_before.waiting().next().map(|e| e.member);
            match op {
                Op::Enrol(who) => { let _ = enrol(&company, &mut book, &people[who], &format!("k{step}"), at); }
                Op::Cancel(who) => {
                    if let Some(mine) = before.iter().find(|e| e.member == people[who].id && e.is_live()) {
                        let freed_a_seat = mine.status == EnrolmentStatus::Enrolled;
                        let promoted = book.cancel_enrolment(&company, &people[who], mine.id, at).unwrap();
                        if freed_a_seat && first_waiting.is_some() {
                            prop_assert_eq!(promoted.iter().map(|e| e.member).collect::<Vec<_>>(), vec![first_waiting.unwrap()]);
                        } else {
                            prop_assert!(promoted.is_empty());
                        }
                    }
                }
                Op::Resize(seats) => { let _ = book.save_session(&company, &hoa, Some(SESSION), &session_draft(seats), at); }
            }
            let session = &book.sessions[0];
            let roster = Roster::of(session, &book.enrolments);
            prop_assert!(roster.seats_taken() <= session.draft.capacity);
            prop_assert!(roster.seats_left() == 0 || roster.waiting().next().is_none(), "a free seat while someone waits");
            let line: Vec<_> = roster.waiting().map(|e| (e.id, e.asked_at)).collect();
            prop_assert!(line.windows(2).all(|w| w[0] < w[1]), "the line is in arrival order");
            for member in &people {
                let live = book.enrolments.iter().filter(|e| e.member == member.id && e.is_live()).count();
                prop_assert!(live <= 1, "nobody both seated and waiting");
            }
            // Whoever was waiting before is still waiting in the same order, or seated.
            let still: Vec<_> = roster_before.waiting().filter(|e| roster.waiting().any(|w| w.id == e.id)).map(|e| e.id).collect();
            let now_line: Vec<_> = roster.waiting().map(|e| e.id).filter(|id| still.contains(id)).collect();
            prop_assert_eq!(still, now_line);
        }
    }
}
