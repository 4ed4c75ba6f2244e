//! What HR and managers read across people: completion by department and
//! segment (a manager sees their own team only), and the CSV exports,
//! written in the language asked.

mod common;

use common::*;
use domain::seed::{demo_company, demo_training};
use domain::training::{CourseId, TrainingBook, TrainingError};
use domain::{Company, Lang};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

fn world() -> (Company, TrainingBook) {
    (demo_company(), demo_training(now(), &mut ChaCha20Rng::seed_from_u64(4)))
}

#[test]
fn hr_sees_food_safety_completion_by_department_and_segment() {
    let (company, book) = world();
    let report = book.completion(&company, person(&company, "hoa.nguyen"), now()).unwrap();
    let food_safety = report.iter().find(|c| c.course == CourseId(2)).unwrap();
    // Thu, Dũng (valid certificates); Sơn's expired; Mỹ began.
    assert_eq!((food_safety.overall.complete, food_safety.overall.in_progress), (2, 1));
    let production = food_safety.by_department.iter().find(|g| g.name.en == "Production").unwrap();
    assert_eq!((production.members, production.complete), (8, 2));
    let factory = food_safety.by_segment.iter().find(|g| g.name.en == "Factory floor").unwrap();
    assert_eq!(factory.members, food_safety.overall.members);
    assert!(food_safety.by_department.iter().all(|g| g.members > 0));
}

#[test]
fn a_manager_sees_their_own_team_and_a_member_nothing() {
    let (company, book) = world();
    let report = book.completion(&company, person(&company, "minh.le"), now()).unwrap();
    let sales = report.iter().find(|c| c.course == CourseId(3)).unwrap();
    let lan = person(&company, "lan.tran");
    assert!(sales.people.iter().any(|p| p.member == lan.id));
    assert!(report.iter().flat_map(|c| &c.people).all(|p| company.member(p.member).unwrap().department_id == lan.department_id));
    assert_eq!(book.completion(&company, lan, now()), Err(TrainingError::Forbidden));
}

#[test]
fn the_enrolments_export_is_written_in_the_language_asked() {
    let (company, book) = world();
    let hoa = person(&company, "hoa.nguyen");
    let vi = book.enrolments_csv(&company, hoa, Lang::Vi).unwrap();
    let en = book.enrolments_csv(&company, hoa, Lang::En).unwrap();
    assert!(vi.starts_with("\u{FEFF}Mã ghi danh,Khóa học,"));
    assert!(en.starts_with("\u{FEFF}Enrolment,Course,Starts,Site,Member,Department,Status,"));
    assert_eq!(vi.lines().count(), book.enrolments.len() + 1);
    assert!(vi.contains("Kỹ năng bán hàng") && vi.contains("Đang chờ") && vi.contains("Đã ghi danh"));
    assert!(en.contains("Sales skills") && en.contains("Waiting") && en.contains(",Yes\r\n") && en.contains(",No\r\n"));
    assert!(vi.split_inclusive('\n').all(|line| line.ends_with("\r\n")), "RFC 4180 line ends");
    assert_eq!(book.enrolments_csv(&company, person(&company, "minh.le"), Lang::Vi), Err(TrainingError::Forbidden));
}

#[test]
fn the_completions_export_lists_each_certificate_with_its_status() {
    let (company, book) = world();
    let hoa = person(&company, "hoa.nguyen");
    let en = book.completions_csv(&company, hoa, Lang::En, now()).unwrap();
    let rows: Vec<&str> = en.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows[0], "\u{FEFF}Certificate,Member,Department,Course,Issued on,Expires on,Status");
    assert_eq!(rows.len(), book.certificates.len() + 1);
    let son = rows.iter().find(|r| r.contains("Lý Thanh Sơn")).unwrap();
    assert!(son.contains(",Production,Food safety,") && son.ends_with(",Expired"), "{son}");
    let vi = book.completions_csv(&company, hoa, Lang::Vi, now()).unwrap();
    assert!(vi.contains("An toàn thực phẩm") && vi.contains("Còn hiệu lực") && vi.contains("Hết hạn"));
}

#[test]
fn hr_edits_every_course_with_its_lessons_quiz_answers_and_sessions_and_nobody_else_reads_them() {
    let (company, book) = world();
    let catalogue = book.hr_catalogue(&company, person(&company, "hoa.nguyen")).unwrap();
    assert_eq!(catalogue.courses.len(), book.courses.len(), "courses for any audience");
    let food_safety = catalogue.courses.iter().find(|c| c.course.id == CourseId(2)).unwrap();
    assert!(food_safety.quiz.is_some(), "with its answers, for HR to edit");
    assert!(food_safety.lessons.windows(2).all(|w| w[0].draft.position <= w[1].draft.position), "lessons in order");
    assert_eq!((catalogue.paths.len(), catalogue.events.len()), (book.paths.len(), book.events.len()));
    assert_eq!(book.hr_catalogue(&company, person(&company, "minh.le")).unwrap_err(), TrainingError::Forbidden);
}
