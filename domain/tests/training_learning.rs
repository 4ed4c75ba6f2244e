//! Lessons, quizzes, paths and certificates, as Tuấn and the others meet
//! them: progress in percent with a place to resume; a quiz whose answers
//! never reach the member before submitting, graded with the wrong
//! questions named, within its attempts; a path that keeps its order; a
//! certificate with a code anyone can check, that expires, warns 30 days
//! before, renews when the course is done again, and can be revoked.

mod common;

use common::*;
use domain::common::Rule;
use domain::seed::{demo_company, demo_training};
use domain::training::certificate::months_after;
use domain::training::lesson::lessons_of;
use domain::training::wire::{CertificateQuery, StepResult};
use domain::training::{
    CertificateCode, CertificateStatus, CourseId, LessonDraft, LessonId, Link, LinkKind, QuizDraft, QuizQuestion, StepState, TrainingBook, TrainingError,
};
use domain::{Company, Date, LocalizedText, Member, Timestamp};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const FOOD_SAFETY: CourseId = CourseId(2);
const EXCEL: CourseId = CourseId(4);

fn world() -> (Company, TrainingBook, ChaCha20Rng) {
    let mut rng = ChaCha20Rng::seed_from_u64(11);
    (demo_company(), demo_training(now(), &mut rng), rng)
}

fn days(n: i64) -> Timestamp {
    Timestamp::from_unix_millis(now().unix_millis() + n * 86_400_000)
}

fn rule_of<T: std::fmt::Debug>(result: Result<T, TrainingError>) -> Rule {
    match result {
        Err(TrainingError::Rejected(v)) if v.len() == 1 => v[0].rule,
        other => panic!("expected one broken rule, got {other:?}"),
    }
}

fn lessons(book: &TrainingBook, course: CourseId) -> Vec<LessonId> {
    lessons_of(&book.lessons, course).iter().map(|l| l.id).collect()
}

fn right_answers(book: &TrainingBook, course: CourseId) -> Vec<u8> {
    book.quizzes.iter().find(|q| q.course == course).unwrap().draft.questions.iter().map(|q| q.correct).collect()
}

/// Every lesson of `course` done by `member` at `at`; the last step's result.
fn read_all(company: &Company, book: &mut TrainingBook, member: &Member, course: CourseId, at: Timestamp, rng: &mut ChaCha20Rng) -> StepResult {
    let ids = lessons(book, course);
    ids.iter().map(|id| book.complete_lesson(company, member, *id, at, rng).unwrap()).last().unwrap()
}

#[test]
fn lessons_count_towards_progress_and_the_member_resumes_at_the_first_not_done() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    let ids = lessons(&book, FOOD_SAFETY);
    let step = book.complete_lesson(&company, tuan, ids[0], now(), &mut rng).unwrap();
    // Three lessons and a quiz: one step of four.
    assert_eq!((step.progress.percent, step.progress.resume, step.certificate), (25, Some(ids[1]), None));
    let again = book.complete_lesson(&company, tuan, ids[0], days(1), &mut rng).unwrap();
    assert_eq!(again.progress.percent, 25, "a lesson done twice counts once");
    assert_eq!(book.lessons_done.iter().filter(|d| d.member == tuan.id && d.lesson == ids[0]).count(), 1);
}

#[test]
fn the_quiz_opens_once_every_lesson_is_done_and_shows_no_answers() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    assert_eq!(rule_of(book.start_attempt(&company, tuan, FOOD_SAFETY, now())), Rule::LessonsFirst);
    read_all(&company, &mut book, tuan, FOOD_SAFETY, now(), &mut rng);
    let start = book.start_attempt(&company, tuan, FOOD_SAFETY, now()).unwrap();
    let json = serde_json::to_string(&start).unwrap();
    assert!(!json.contains("correct"), "{json}");
    let detail = serde_json::to_string(&book.course_detail(&company, tuan, FOOD_SAFETY, now()).unwrap()).unwrap();
    assert!(!detail.contains("correct"));
    assert_eq!((start.quiz.questions.len(), start.quiz.pass_percent, start.quiz.attempts_left), (5, 80, 3));
    let again = book.start_attempt(&company, tuan, FOOD_SAFETY, days(1)).unwrap();
    assert_eq!(again.attempt.id, start.attempt.id, "an attempt begun is taken up again");
}

#[test]
fn tuan_fails_with_his_wrong_answers_named_then_passes_and_gets_a_certificate() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    read_all(&company, &mut book, tuan, FOOD_SAFETY, now(), &mut rng);
    let right = right_answers(&book, FOOD_SAFETY);
    let mut wrong = right.clone();
    wrong[1] = (wrong[1] + 1) % 3;
    wrong[4] = (wrong[4] + 1) % 3;
    let first = book.start_attempt(&company, tuan, FOOD_SAFETY, now()).unwrap().attempt.id;
    let failed = book.submit_attempt(&company, tuan, first, &wrong, now(), &mut rng).unwrap();
    let grade = &failed.attempt.submitted.as_ref().unwrap().grade;
    assert_eq!((grade.correct, grade.total, grade.percent, grade.passed, grade.wrong.clone()), (3, 5, 60, false, vec![1, 4]));
    assert!(failed.result.certificate.is_none());
    assert_eq!(rule_of(book.submit_attempt(&company, tuan, first, &right, now(), &mut rng)), Rule::AttemptSubmitted);
    let second = book.start_attempt(&company, tuan, FOOD_SAFETY, days(1)).unwrap();
    assert_eq!(second.quiz.attempts_left, 2);
    let passed = book.submit_attempt(&company, tuan, second.attempt.id, &right, days(1), &mut rng).unwrap();
    let certificate = passed.result.certificate.clone().expect("the pass completes the course");
    assert!(passed.result.progress.complete);
    assert_eq!(certificate.member_name, "Phạm Văn Tuấn");
    assert_eq!(certificate.expires_on, Some(months_after(days(1).date(), 12)));
    assert_eq!(book.my_certificates(tuan)[0], certificate);
    // The same answers again (a lost response) change nothing.
    let repeat = book.submit_attempt(&company, tuan, second.attempt.id, &right, days(1), &mut rng).unwrap();
    assert!(repeat.result.certificate.is_none());
    assert_eq!(book.certificates.iter().filter(|c| c.member == tuan.id).count(), 1);
    assert_eq!(rule_of(book.start_attempt(&company, tuan, FOOD_SAFETY, days(2))), Rule::AlreadyPassed);
}

#[test]
fn a_pass_mark_is_met_exactly_and_answers_out_of_range_are_named() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    read_all(&company, &mut book, tuan, FOOD_SAFETY, now(), &mut rng);
    let mut four_of_five = right_answers(&book, FOOD_SAFETY);
    four_of_five[0] = (four_of_five[0] + 1) % 3;
    let attempt = book.start_attempt(&company, tuan, FOOD_SAFETY, now()).unwrap().attempt.id;
    match book.submit_attempt(&company, tuan, attempt, &[0, 0, 9, 0, 0], now(), &mut rng) {
        Err(TrainingError::Rejected(v)) => assert_eq!((v[0].field.as_str(), v[0].rule, v[0].limit), ("answers[2]", Rule::OutOfRange, Some(1))),
        other => panic!("{other:?}"),
    }
    let graded = book.submit_attempt(&company, tuan, attempt, &four_of_five, now(), &mut rng).unwrap();
    assert!(graded.attempt.submitted.unwrap().grade.passed, "80% of 5 is 4");
}

#[test]
fn when_every_attempt_is_used_the_quiz_says_so_with_the_number() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    read_all(&company, &mut book, tuan, FOOD_SAFETY, now(), &mut rng);
    let all_wrong: Vec<u8> = right_answers(&book, FOOD_SAFETY).iter().map(|a| (a + 1) % 2).collect();
    for day in 0..3 {
        let attempt = book.start_attempt(&company, tuan, FOOD_SAFETY, days(day)).unwrap().attempt.id;
        book.submit_attempt(&company, tuan, attempt, &all_wrong, days(day), &mut rng).unwrap();
    }
    match book.start_attempt(&company, tuan, FOOD_SAFETY, days(4)) {
        Err(TrainingError::Rejected(v)) => assert_eq!((v[0].rule, v[0].limit), (Rule::NoAttemptsLeft, Some(3))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_path_that_keeps_its_order_locks_excel_until_food_safety_is_complete() {
    let (company, mut book, mut rng) = world();
    let tuan = person(&company, "tuan.pham");
    let factory = book.paths(&company, tuan, now()).into_iter().find(|p| p.path.draft.courses == [FOOD_SAFETY, EXCEL]).unwrap();
    assert_eq!(factory.steps[1].state, StepState::Locked { after: FOOD_SAFETY });
    assert_eq!((factory.complete, factory.total, factory.percent), (0, 2, 0));
    let excel_lesson = lessons(&book, EXCEL)[0];
    assert_eq!(rule_of(book.complete_lesson(&company, tuan, excel_lesson, now(), &mut rng)), Rule::PathLocked);
    read_all(&company, &mut book, tuan, FOOD_SAFETY, now(), &mut rng);
    let attempt = book.start_attempt(&company, tuan, FOOD_SAFETY, now()).unwrap().attempt.id;
    book.submit_attempt(&company, tuan, attempt, &right_answers(&book, FOOD_SAFETY), now(), &mut rng).unwrap();
    let factory = book.paths(&company, tuan, now()).into_iter().find(|p| p.path.draft.courses == [FOOD_SAFETY, EXCEL]).unwrap();
    assert_eq!((factory.steps[0].state, factory.steps[1].state, factory.percent), (StepState::Complete, StepState::Open, 50));
    assert!(book.complete_lesson(&company, tuan, excel_lesson, now(), &mut rng).is_ok());
    // Lan's sales path does not keep its order: nothing is locked.
    let lan = person(&company, "lan.tran");
    let sales = book.paths(&company, lan, now());
    assert!(sales.iter().flat_map(|p| &p.steps).all(|s| !matches!(s.state, StepState::Locked { .. })));
}

#[test]
fn home_warns_thirty_days_before_a_certificate_expires_and_not_before() {
    let (company, mut book, mut rng) = world();
    let dung = person(&company, "dung.le");
    let certificate = book.my_certificates(dung)[0].clone();
    let expiry: Date = certificate.expires_on.unwrap();
    let at = |date: Date| at(&format!("{date}T09:00:00+07:00"));
    assert!(book.home(&company, dung, at(expiry.plus_days(-31))).expiring.is_empty());
    let warned = book.home(&company, dung, at(expiry.plus_days(-30))).expiring;
    assert_eq!((warned.len(), warned[0].days_left), (1, 30));
    assert_eq!(certificate.status(at(expiry.plus_days(-1))), CertificateStatus::Valid);
    assert_eq!(certificate.status(at(expiry)), CertificateStatus::Expired);
    assert!(book.home(&company, dung, at(expiry)).expiring.is_empty(), "expired is no longer 'about to'");
    // Within the warning the course can be done again; the new certificate ends the warning.
    let renewal = at(expiry.plus_days(-10));
    let progress = book.course_detail(&company, dung, FOOD_SAFETY, renewal).unwrap().entry.progress;
    assert!(progress.complete && progress.renewal_due && progress.percent == 0);
    read_all(&company, &mut book, dung, FOOD_SAFETY, renewal, &mut rng);
    let attempt = book.start_attempt(&company, dung, FOOD_SAFETY, renewal).unwrap().attempt.id;
    let renewed = book.submit_attempt(&company, dung, attempt, &right_answers(&book, FOOD_SAFETY), renewal, &mut rng).unwrap();
    assert_eq!(renewed.result.certificate.unwrap().expires_on, Some(months_after(renewal.date(), 12)));
    assert!(book.home(&company, dung, renewal).expiring.is_empty());
}

#[test]
fn months_after_keeps_the_day_or_the_end_of_a_shorter_month() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(months_after(d("2026-01-31"), 1), d("2026-02-28"));
    assert_eq!(months_after(d("2027-11-30"), 3), d("2028-02-29"));
    assert_eq!(months_after(d("2026-11-22"), 12), d("2027-11-22"));
}

#[test]
fn the_public_check_shows_the_name_course_date_and_status_and_nothing_else() {
    let (company, mut book, _) = world();
    let certificate = book.my_certificates(person(&company, "lan.tran"))[0].clone();
    let typed = certificate.code.as_str().to_lowercase().replace('-', " ").replace('0', "o");
    let check = book.verify(&typed, now()).unwrap();
    let json = serde_json::to_value(&check).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["course", "issued_on", "name", "status"]);
    assert_eq!((check.name.as_str(), check.status), ("Trần Thị Lan", CertificateStatus::Valid));
    assert_eq!(book.verify("ZZZZ-ZZZZ-ZZZZ", now()), Err(TrainingError::NotFound));
    assert_eq!(book.verify("not a code", now()), Err(TrainingError::NotFound));
    // HR revokes it, with a reason: the check says so, and says nothing of why.
    let hoa = person(&company, "hoa.nguyen");
    assert_eq!(rule_of(book.revoke(hoa, certificate.code.as_str(), "  ", now())), Rule::Required);
    assert_eq!(book.revoke(person(&company, "minh.le"), certificate.code.as_str(), "x", now()), Err(TrainingError::Forbidden));
    book.revoke(hoa, certificate.code.as_str(), "Làm bài hộ", now()).unwrap();
    let revoked = book.verify(certificate.code.as_str(), now()).unwrap();
    assert_eq!(revoked.status, CertificateStatus::Revoked);
    assert!(!serde_json::to_string(&revoked).unwrap().contains("Làm bài hộ"));
    assert_eq!(rule_of(book.revoke(hoa, certificate.code.as_str(), "again", now())), Rule::AlreadyRevoked);
}

#[test]
fn hr_lists_every_certificate_latest_first_with_its_status_and_filters_by_course_or_status() {
    let (company, mut book, _) = world();
    let hoa = person(&company, "hoa.nguyen");
    let all = book.hr_certificates(hoa, &CertificateQuery::default(), now()).unwrap();
    assert_eq!(all.len(), book.certificates.len());
    assert!(all.windows(2).all(|w| w[0].certificate.issued_at >= w[1].certificate.issued_at));
    assert!(all.iter().all(|c| c.status == c.certificate.status(now())));
    let first = all[0].certificate.clone();
    book.revoke(hoa, first.code.as_str(), "Làm bài hộ", now()).unwrap();
    let revoked = book.hr_certificates(hoa, &CertificateQuery { status: Some(CertificateStatus::Revoked), course: None }, now()).unwrap();
    assert_eq!(revoked.iter().map(|c| c.certificate.code.clone()).collect::<Vec<_>>(), [first.code]);
    let food_safety = book.hr_certificates(hoa, &CertificateQuery { course: Some(FOOD_SAFETY), status: None }, now()).unwrap();
    assert!(!food_safety.is_empty() && food_safety.iter().all(|c| c.certificate.course == FOOD_SAFETY));
    assert_eq!(book.hr_certificates(person(&company, "lan.tran"), &CertificateQuery::default(), now()), Err(TrainingError::Forbidden));
}

#[test]
fn codes_are_three_groups_of_four_typeable_characters_and_differ() {
    let mut rng = ChaCha20Rng::seed_from_u64(5);
    let codes: Vec<CertificateCode> = (0..200).map(|_| CertificateCode::generate(&mut rng)).collect();
    for code in &codes {
        let text = code.as_str();
        assert_eq!(text.len(), 14);
        assert!(text.split('-').all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit() || "ABCDEFGHJKMNPQRSTVWXYZ".contains(c))), "{text}");
        assert_eq!(CertificateCode::parse(text).as_ref(), Some(code));
    }
    let unique: std::collections::HashSet<_> = codes.iter().collect();
    assert_eq!(unique.len(), codes.len());
}

#[test]
fn hr_lessons_and_quizzes_are_checked_field_by_field() {
    let (company, mut book, _) = world();
    let hoa = person(&company, "hoa.nguyen");
    let t = |s: &str| LocalizedText::new(s, s);
    let lesson = LessonDraft {
        course: CourseId(99),
        position: 0,
        title: t(""),
        body: t("<script>alert(1)</script>"),
        links: vec![Link { kind: LinkKind::Video, title: t("x"), url: "javascript:alert(1)".into() }],
        minutes: 5,
    };
    let Err(TrainingError::Rejected(found)) = book.save_lesson(&company, hoa, None, &lesson) else { panic!() };
    let rules: Vec<(&str, Rule)> = found.iter().map(|v| (v.field.as_str(), v.rule)).collect();
    assert_eq!(
        rules,
        [
            ("position", Rule::OutOfRange),
            ("title.vi", Rule::Required),
            ("title.en", Rule::Required),
            ("links[0].url", Rule::LinkScheme),
            ("course", Rule::UnknownCourse)
        ]
    );
    let quiz = QuizDraft { questions: vec![QuizQuestion { prompt: t("?"), options: vec![t("a"), t("b")], correct: 2 }], pass_percent: 0, max_attempts: 3 };
    let Err(TrainingError::Rejected(found)) = book.save_quiz(&company, hoa, FOOD_SAFETY, &quiz) else { panic!() };
    let rules: Vec<(&str, Rule)> = found.iter().map(|v| (v.field.as_str(), v.rule)).collect();
    assert_eq!(rules, [("questions[0].correct", Rule::OutOfRange), ("pass_percent", Rule::OutOfRange)]);
}
