//! The demo's training is believable and ready for the journeys people
//! try: Tuấn (seasonal, factory) is offered food safety, Lan can join a
//! full session's waitlist, one certificate is about to expire.

mod common;

use common::*;
use domain::seed::{demo_company, demo_training};
use domain::training::wire::EnrolRequest;
use domain::training::{CatalogueQuery, CertificateStatus, CourseId, Format, Place, SessionId, Topic, TrainingBook};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

fn seeded() -> TrainingBook {
    demo_training(now(), &mut ChaCha20Rng::seed_from_u64(3))
}

#[test]
fn tuan_the_seasonal_factory_worker_sees_food_safety_for_him_and_why() {
    let (company, book) = (demo_company(), seeded());
    let tuan = person(&company, "tuan.pham");
    let for_him = book.catalogue(&company, tuan, &CatalogueQuery { for_you: true, ..Default::default() }, now());
    let food_safety = for_him.iter().find(|e| e.course.draft.topic == Topic::Safety).expect("food safety is for Tuấn");
    assert!(food_safety.eligibility.eligible && food_safety.locked_by.is_none());
    assert!(food_safety.eligibility.checks.iter().all(|c| c.met), "the reason shown is a met one: the factory floor");
    assert_eq!(food_safety.course.draft.renewal_months, Some(12));
    assert_eq!(food_safety.progress.percent, 0, "his own journey starts from nothing");
    assert!(for_him.iter().any(|e| e.course.draft.topic == Topic::Onboarding), "and onboarding, as a new hire");
}

#[test]
fn what_a_member_cannot_take_says_why() {
    let (company, book) = (demo_company(), seeded());
    let an = person(&company, "an.vo");
    let all = book.catalogue(&company, an, &CatalogueQuery::default(), now());
    let food_safety = all.iter().find(|e| e.course.draft.topic == Topic::Safety).unwrap();
    assert!(!food_safety.eligibility.eligible && !food_safety.for_you);
    assert_eq!(food_safety.eligibility.unmet().count(), 1);
    assert!(!all.is_empty() && all.iter().take_while(|e| e.eligibility.eligible).count() > 0, "what he may take comes first");
}

#[test]
fn lan_joins_the_full_sales_session_as_first_on_its_waitlist() {
    let (company, mut book) = (demo_company(), seeded());
    let lan = person(&company, "lan.tran");
    let detail = book.course_detail(&company, lan, CourseId(3), now()).unwrap();
    let full = detail.sessions.iter().find(|s| s.seats_left == 0 && s.waiting == 0).expect("a full Hanoi session nobody waits for");
    let answer = book.enrol(&company, lan, "k1", &EnrolRequest { session: full.session.id }, now()).unwrap();
    assert_eq!(answer.place, Place::Waiting { position: 1 });
    // Minh, who holds a seat, cancels: the seat is Lan's.
    let minh = person(&company, "minh.le");
    let seat = book.enrolments.iter().find(|e| e.member == minh.id && e.session == full.session.id).unwrap().id;
    let promoted = book.cancel_enrolment(&company, minh, seat, now()).unwrap();
    assert_eq!(promoted.iter().map(|e| e.member).collect::<Vec<_>>(), [lan.id]);
    assert_eq!(book.home(&company, lan, now()).promotions.len(), 1);
}

#[test]
fn the_catalogue_has_the_six_courses_paths_sessions_past_and_coming_and_events() {
    let book = seeded();
    let titles: Vec<&str> = book.courses.iter().map(|c| c.draft.title.vi.as_str()).collect();
    assert_eq!(
        titles,
        ["Hội nhập Sen Vàng", "An toàn thực phẩm", "Kỹ năng bán hàng", "Excel trong công việc", "Lãnh đạo cho quản lý mới", "Tiếng Anh giao tiếp công sở"]
    );
    assert!(book.courses.iter().all(|c| !c.draft.title.en.is_empty() && !c.draft.summary.en.is_empty()));
    assert!(book.courses.iter().any(|c| c.draft.format == Format::Classroom));
    assert_eq!(book.paths.len(), 3);
    assert!(book.sessions.iter().any(|s| s.draft.starts < now()) && book.sessions.iter().any(|s| s.draft.starts > now()));
    assert!(book.sessions.iter().all(|s| s.draft.starts.date() != now().date()), "never today");
    let waitlisted = book.sessions.iter().find(|s| s.id == SessionId(3)).unwrap();
    let roster = domain::training::Roster::of(waitlisted, &book.enrolments);
    assert_eq!((roster.seats_left(), roster.waiting().count()), (0, 2));
    assert_eq!(book.events.len(), 2);
    assert!(book.lessons.iter().all(|l| l.draft.body.vi.len() > 40), "lessons hold real text");
}

#[test]
fn some_completed_and_one_certificate_expires_within_thirty_days() {
    let (company, book) = (demo_company(), seeded());
    let statuses: Vec<CertificateStatus> = book.certificates.iter().map(|c| c.status(now())).collect();
    assert!(statuses.contains(&CertificateStatus::Expired) && statuses.iter().filter(|s| **s == CertificateStatus::Valid).count() >= 4);
    let thu = person(&company, "thu.tran");
    let home = book.home(&company, thu, now());
    assert_eq!(home.expiring.len(), 1);
    assert!(home.expiring[0].days_left <= 30);
    assert!(book.keys.is_empty());
}

#[test]
fn the_seed_builds_whatever_day_the_demo_starts() {
    for day in ["2025-01-10", "2026-03-01", "2027-06-15", "2030-12-31"] {
        let book = demo_training(at(&format!("{day}T08:00:00+07:00")), &mut ChaCha20Rng::seed_from_u64(1));
        assert_eq!(book.courses.len(), 6, "{day}");
    }
}
