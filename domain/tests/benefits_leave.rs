//! Leave, as members, approvers and HR meet it: balances that count
//! pending days, refusals at the field at fault, approvals that never let
//! anyone decide their own request, delegation, and cancellation.

mod common;

use common::{at, person};
use domain::benefits::use_cases::{AdjustmentDraft, DelegationDraft, Verdict};
use domain::benefits::{Approver, Half, HalfDays, LeaveBook, LeaveDraft, LeaveError, LeaveSpan, LeaveStatus, LeaveTypeId};
use domain::common::{Rule, Violation};
use domain::seed::{demo_company, demo_leave};
use domain::{Company, Date, Period, Timestamp};

const ANNUAL: LeaveTypeId = LeaveTypeId(1);
const MARRIAGE: LeaveTypeId = LeaveTypeId(2);
const UNPAID: LeaveTypeId = LeaveTypeId(6);

/// The e2e tests' instant: Friday 20 November 2026.
fn now() -> Timestamp {
    at("2026-11-20T10:00:00+07:00")
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn days(from: &str, to: &str) -> LeaveSpan {
    LeaveSpan::full_days(d(from), d(to))
}

fn draft(leave_type: LeaveTypeId, span: LeaveSpan) -> LeaveDraft {
    LeaveDraft { leave_type, span, reason: String::new() }
}

fn rejected(result: Result<impl std::fmt::Debug, LeaveError>) -> Vec<Violation> {
    match result {
        Err(LeaveError::Rejected(violations)) => violations,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn annual(book: &LeaveBook, company: &Company, local: &str) -> domain::benefits::Balance {
    let member = person(company, local);
    book.balances(company, member, 2026, now()).into_iter().find(|b| b.leave_type.id == ANNUAL).and_then(|b| b.balance).unwrap()
}

fn approve(comment: &str) -> Verdict {
    Verdict { approve: true, comment: comment.to_owned() }
}

#[test]
fn lan_asks_for_friday_to_monday_and_it_costs_two_working_days_held_as_pending() {
    let (company, mut book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let before = annual(&book, &company, "lan.tran");
    let request = book.submit(&company, lan, "k1", &draft(ANNUAL, days("2026-11-27", "2026-11-30")), now()).unwrap();
    assert_eq!(request.working, HalfDays::days(2));
    let after = annual(&book, &company, "lan.tran");
    assert_eq!(after.pending, before.pending + HalfDays::days(2));
    assert_eq!(after.available.unwrap(), before.available.unwrap() - HalfDays::days(2));
    // available = entitled + carried (expired unused) + adjusted − taken − pending, on every screen
    assert_eq!(after.available.unwrap(), after.entitled + after.carried - after.carried_lost(d("2026-11-20")) + after.adjusted - after.taken - after.pending);
}

#[test]
fn lans_balance_shows_her_computation_and_her_expired_carried_days() {
    let (company, book) = (demo_company(), demo_leave());
    let balance = annual(&book, &company, "lan.tran");
    let entitlement = balance.entitlement.unwrap();
    // Hired 15 August 2022: 12 days, no seniority yet, a full year.
    assert_eq!((entitlement.base_days, entitlement.seniority_days, entitlement.months_worked), (12, 0, 12));
    assert_eq!(balance.entitled, HalfDays::days(12));
    // 3 days carried until 31 March; 2 used in February, 1 lost.
    assert_eq!((balance.carried, balance.carried_used, balance.carried_lost(d("2026-11-20"))), (HalfDays::days(3), HalfDays::days(2), HalfDays::days(1)));
    assert_eq!(balance.taken, HalfDays::days(7));
    assert_eq!(balance.available, Some(HalfDays::days(12 + 3 - 1 - 7)));
}

#[test]
fn a_request_over_tet_2027_skips_the_holidays_and_names_them() {
    let (company, book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let facts = domain::benefits::LeaveFacts { company: &company, settings: &book.settings, types: &book.types };
    let cost = facts.cost(lan, days("2027-02-03", "2027-02-12"));
    // Wed 3 – Fri 12 Feb: 8 weekdays, of which Tết takes Fri 5, Mon 8, Tue 9 and the days in lieu Wed 10, Thu 11.
    assert_eq!(cost.working, HalfDays::days(3));
    let skipped: Vec<String> = cost.skipped.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(skipped, ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]);
}

#[test]
fn each_refusal_names_the_rule_broken_at_its_field() {
    let (company, mut book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let mut submit = |d: LeaveDraft| rejected(book.submit(&company, lan, &format!("{d:?}"), &d, now()));
    let backwards = LeaveSpan { from: d("2026-11-27"), starts: Half::Morning, to: d("2026-11-26"), ends: Half::Afternoon };
    assert_eq!(submit(draft(ANNUAL, backwards)), [Violation::new("span.to", Rule::EndsBeforeStart, None)]);
    assert_eq!(submit(draft(ANNUAL, days("2026-11-21", "2026-11-22"))), [Violation::new("span.to", Rule::NoWorkingDays, None)]);
    assert_eq!(submit(draft(ANNUAL, days("2026-11-10", "2026-11-10"))), [Violation::new("span.from", Rule::TooFarBack, Some(7))]);
    assert_eq!(submit(draft(ANNUAL, days("2026-12-30", "2027-01-04"))), [Violation::new("span.to", Rule::AcrossYears, None)]);
    // Lan has 7 days left in 2026: 8 working days are one too many (in half days).
    assert_eq!(submit(draft(ANNUAL, days("2026-12-01", "2026-12-10"))), [Violation::new("span.to", Rule::LeaveBalance, Some(14))]);
    assert_eq!(submit(draft(MARRIAGE, days("2026-12-01", "2026-12-04"))), [Violation::new("span.to", Rule::PerOccasion, Some(6))]);
    // Unpaid leave by agreement has no balance to exceed.
    let long_unpaid = book.submit(&company, lan, "unpaid", &draft(UNPAID, days("2026-12-01", "2026-12-18")), now()).unwrap();
    assert_eq!(long_unpaid.working, HalfDays::days(14));
    let overlapping = rejected(book.submit(&company, lan, "again", &draft(ANNUAL, days("2026-12-18", "2026-12-18")), now()));
    assert_eq!(overlapping, [Violation::new("span.from", Rule::Overlap, None)]);
}

#[test]
fn a_partner_supplier_may_not_take_annual_leave_and_is_told_why() {
    let (company, mut book) = (demo_company(), demo_leave());
    let an = person(&company, "an.vo");
    let balances = book.balances(&company, an, 2026, now());
    let annual = balances.iter().find(|b| b.leave_type.id == ANNUAL).unwrap();
    assert!(!annual.eligibility.eligible && annual.balance.is_none());
    assert_eq!(
        rejected(book.submit(&company, an, "k", &draft(ANNUAL, days("2026-11-23", "2026-11-23")), now())),
        [Violation::new("leave_type", Rule::Eligibility, None)]
    );
}

#[test]
fn two_half_days_of_one_day_are_one_day_and_do_not_overlap() {
    let (company, mut book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let day = d("2026-11-24");
    let morning = LeaveSpan { from: day, starts: Half::Morning, to: day, ends: Half::Morning };
    let afternoon = LeaveSpan { from: day, starts: Half::Afternoon, to: day, ends: Half::Afternoon };
    let before = annual(&book, &company, "lan.tran").available.unwrap();
    book.submit(&company, lan, "am", &draft(ANNUAL, morning), now()).unwrap();
    book.submit(&company, lan, "pm", &draft(ANNUAL, afternoon), now()).unwrap();
    assert_eq!(annual(&book, &company, "lan.tran").available.unwrap(), before - HalfDays::days(1));
}

#[test]
fn a_retried_request_with_the_same_key_is_recorded_once() {
    let (company, mut book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let ask = draft(ANNUAL, days("2026-11-27", "2026-11-30"));
    let first = book.submit(&company, lan, "same", &ask, now()).unwrap();
    let again = book.submit(&company, lan, "same", &ask, now()).unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(book.requests.iter().filter(|r| r.member == lan.id).count(), 3);
    let other = draft(ANNUAL, days("2026-12-01", "2026-12-01"));
    assert_eq!(rejected(book.submit(&company, lan, "same", &other, now())), [Violation::new("Idempotency-Key", Rule::KeyReused, None)]);
}

#[test]
fn minh_approves_lans_request_with_a_comment_and_the_timeline_records_it() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (lan, minh) = (person(&company, "lan.tran"), person(&company, "minh.le"));
    let request = book.submit(&company, lan, "k", &draft(ANNUAL, days("2026-11-27", "2026-11-30")), now()).unwrap();
    assert_eq!(request.approval.steps[0].approver, Approver::Member(minh.id));
    assert!(book.queue(&company, minh, now()).iter().any(|item| item.request.id == request.id));
    let decided = book.decide(&company, minh, request.id, &approve("Nghỉ vui nhé"), now()).unwrap();
    let decision = decided.approval.steps[0].decision.clone().unwrap();
    assert_eq!((decision.by, decision.approved, decision.comment.as_str(), decision.on_behalf_of), (minh.id, true, "Nghỉ vui nhé", None));
    assert_eq!(decided.status(d("2026-11-20")), LeaveStatus::Approved);
    assert_eq!(decided.status(d("2026-11-27")), LeaveStatus::Taken);
    let balance = annual(&book, &company, "lan.tran");
    assert_eq!((balance.pending, balance.taken), (HalfDays::ZERO, HalfDays::days(9)));
    // Final: a second decision is refused.
    let again = rejected(book.decide(&company, minh, request.id, &approve(""), now()));
    assert_eq!(again, [Violation::new("approve", Rule::AlreadyDecided, None)]);
}

#[test]
fn a_rejection_needs_a_reason() {
    let (company, mut book) = (demo_company(), demo_leave());
    let minh = person(&company, "minh.le");
    let quangs = book.requests.iter().find(|r| r.member == person(&company, "quang.do").id && r.status(d("2026-11-20")) == LeaveStatus::Pending).unwrap().id;
    let refusal = rejected(book.decide(&company, minh, quangs, &Verdict { approve: false, comment: "  ".into() }, now()));
    assert_eq!(refusal, [Violation::new("comment", Rule::Required, None)]);
    let rejected_request = book.decide(&company, minh, quangs, &Verdict { approve: false, comment: "Cuối năm chốt số".into() }, now()).unwrap();
    assert_eq!(rejected_request.status(d("2026-11-20")), LeaveStatus::Rejected);
}

#[test]
fn someone_who_is_not_the_approver_cannot_decide_or_even_see_the_request() {
    let (company, mut book) = (demo_company(), demo_leave());
    let quangs = book.requests.iter().find(|r| r.member == person(&company, "quang.do").id).unwrap().id;
    for outsider in ["trang.phan", "lan.tran", "hoa.nguyen"] {
        let actor = person(&company, outsider);
        assert_eq!(book.decide(&company, actor, quangs, &approve(""), now()), Err(LeaveError::NotFound), "{outsider}");
        assert_eq!(book.request(&company, actor, quangs, now()).map(|_| ()), Err(LeaveError::NotFound), "{outsider}");
    }
}

#[test]
fn minhs_own_request_goes_to_the_director_above_him() {
    let (company, book) = (demo_company(), demo_leave());
    let minhs = book.requests.iter().find(|r| r.member == person(&company, "minh.le").id).unwrap();
    assert_eq!(minhs.approval.steps[0].approver, Approver::Member(person(&company, "thanh.nguyen").id));
    assert!(book.queue(&company, person(&company, "thanh.nguyen"), now()).iter().any(|item| item.request.id == minhs.id));
}

#[test]
fn unpaid_leave_by_agreement_goes_to_the_manager_then_to_hr_and_hr_never_approves_its_own() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (lan, minh, hoa, giang) = (person(&company, "lan.tran"), person(&company, "minh.le"), person(&company, "hoa.nguyen"), person(&company, "giang.luong"));
    let request = book.submit(&company, lan, "k", &draft(UNPAID, days("2026-12-14", "2026-12-15")), now()).unwrap();
    assert_eq!(request.approval.steps.iter().map(|s| s.approver).collect::<Vec<_>>(), [Approver::Member(minh.id), Approver::Hr]);
    book.decide(&company, minh, request.id, &approve(""), now()).unwrap();
    let done = book.decide(&company, giang, request.id, &approve(""), now()).unwrap();
    assert_eq!(done.status(d("2026-11-20")), LeaveStatus::Approved);
    // Hoa's own unpaid leave: the director, then HR, which means Giang, never Hoa herself.
    let hoas = book.submit(&company, hoa, "h", &draft(UNPAID, days("2026-12-14", "2026-12-14")), now()).unwrap();
    book.decide(&company, person(&company, "thanh.nguyen"), hoas.id, &approve(""), now()).unwrap();
    assert_eq!(book.decide(&company, hoa, hoas.id, &approve(""), now()), Err(LeaveError::NotFound));
    assert!(book.queue(&company, giang, now()).iter().any(|item| item.request.id == hoas.id));
    assert!(!book.queue(&company, hoa, now()).iter().any(|item| item.request.id == hoas.id));
}

#[test]
fn a_delegate_approves_while_the_manager_is_away_on_his_behalf() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (thu, hung, son) = (person(&company, "thu.tran"), person(&company, "hung.nguyen"), person(&company, "son.ly"));
    let thus = book.requests.iter().find(|r| r.member == thu.id && r.status(d("2026-11-20")) == LeaveStatus::Pending).unwrap().id;
    assert!(book.queue(&company, son, now()).iter().any(|item| item.request.id == thus));
    let decided = book.decide(&company, son, thus, &approve(""), now()).unwrap();
    let decision = decided.approval.steps[0].decision.clone().unwrap();
    assert_eq!((decision.by, decision.on_behalf_of), (son.id, Some((hung.id, hung.full_name.clone()))));
    // After the delegation ends, Sơn approves nothing of Hùng's.
    let later = at("2026-11-28T10:00:00+07:00");
    let dung = person(&company, "dung.le");
    let next = book.submit(&company, dung, "k", &draft(ANNUAL, days("2026-12-01", "2026-12-01")), later).unwrap();
    assert_eq!(book.decide(&company, son, next.id, &approve(""), later), Err(LeaveError::NotFound));
}

#[test]
fn a_delegate_never_approves_their_own_request() {
    let (company, mut book) = (demo_company(), demo_leave());
    let son = person(&company, "son.ly");
    let own = book.submit(&company, son, "k", &draft(ANNUAL, days("2026-11-24", "2026-11-24")), now()).unwrap();
    assert_eq!(book.decide(&company, son, own.id, &approve(""), now()), Err(LeaveError::NotFound));
    assert!(!book.queue(&company, son, now()).iter().any(|item| item.request.id == own.id));
}

#[test]
fn delegation_refuses_oneself_a_past_period_and_an_overlap() {
    let (company, mut book) = (demo_company(), demo_leave());
    let minh = person(&company, "minh.le");
    let period = |from: &str, to: &str| Period { from: d(from), to: d(to) };
    let mut ask = |delegate, p| rejected(book.delegate(&company, minh, &DelegationDraft { delegate, period: p }, now()));
    assert_eq!(ask(minh.id, period("2026-12-28", "2026-12-31")), [Violation::new("delegate", Rule::DelegateSelf, None)]);
    assert_eq!(ask(person(&company, "quang.do").id, period("2026-11-01", "2026-11-10")), [Violation::new("period.to", Rule::TooFarBack, Some(0))]);
    book.delegate(&company, minh, &DelegationDraft { delegate: person(&company, "quang.do").id, period: period("2026-12-28", "2026-12-31") }, now()).unwrap();
    let overlap = rejected(book.delegate(
        &company,
        minh,
        &DelegationDraft { delegate: person(&company, "lan.tran").id, period: period("2026-12-30", "2027-01-02") },
        now(),
    ));
    assert_eq!(overlap, [Violation::new("period.from", Rule::Overlap, None)]);
    // Someone who approves nobody has nothing to delegate.
    assert_eq!(
        book.delegate(&company, person(&company, "lan.tran"), &DelegationDraft { delegate: minh.id, period: period("2026-12-28", "2026-12-31") }, now()),
        Err(LeaveError::Forbidden)
    );
}

#[test]
fn a_pending_request_is_withdrawn_and_an_approved_one_comes_back_only_through_an_approved_cancellation() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (lan, minh) = (person(&company, "lan.tran"), person(&company, "minh.le"));
    let before = annual(&book, &company, "lan.tran").available.unwrap();
    let pending = book.submit(&company, lan, "a", &draft(ANNUAL, days("2026-11-27", "2026-11-27")), now()).unwrap();
    assert_eq!(book.withdraw(lan, pending.id, now()).unwrap().status(d("2026-11-20")), LeaveStatus::Withdrawn);
    let approved = book.submit(&company, lan, "b", &draft(ANNUAL, days("2026-12-03", "2026-12-04")), now()).unwrap();
    book.decide(&company, minh, approved.id, &approve(""), now()).unwrap();
    assert_eq!(rejected(book.withdraw(lan, approved.id, now())), [Violation::new("status", Rule::Transition, None)]);
    let asked = book.ask_cancellation(&company, lan, approved.id, now()).unwrap();
    assert_eq!(asked.status(d("2026-11-20")), LeaveStatus::CancellationPending);
    assert_eq!(annual(&book, &company, "lan.tran").available.unwrap(), before - HalfDays::days(2), "still held while the cancellation waits");
    let cancelled = book.decide(&company, minh, approved.id, &approve(""), now()).unwrap();
    assert_eq!(cancelled.status(d("2026-11-20")), LeaveStatus::Cancelled);
    assert_eq!(annual(&book, &company, "lan.tran").available.unwrap(), before, "the days came back");
    // Leave that has begun cannot be given back.
    let lans_july = book.requests.iter().find(|r| r.member == lan.id && r.span.from == d("2026-07-13")).unwrap().id;
    assert_eq!(rejected(book.ask_cancellation(&company, lan, lans_july, now())), [Violation::new("status", Rule::LeaveBegun, None)]);
}

#[test]
fn hr_adjusts_a_balance_with_a_reason_and_never_below_zero() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (hoa, lan) = (person(&company, "hoa.nguyen"), person(&company, "lan.tran"));
    let adjust = |days: i64, reason: &str| AdjustmentDraft { leave_type: ANNUAL, year: 2026, days: HalfDays(days), reason: reason.to_owned() };
    assert_eq!(rejected(book.adjust(&company, hoa, lan, &adjust(2, " "), now())), [Violation::new("reason", Rule::Required, None)]);
    assert_eq!(rejected(book.adjust(&company, hoa, lan, &adjust(-20, "Trừ"), now())), [Violation::new("days", Rule::LeaveBalance, Some(14))]);
    assert_eq!(book.adjust(&company, lan, lan, &adjust(2, "Tự thưởng"), now()), Err(LeaveError::Forbidden));
    let allocation = book.adjust(&company, hoa, lan, &adjust(3, "Thưởng dự án"), now()).unwrap();
    assert_eq!(allocation.adjustments.last().map(|a| (a.by, a.reason.as_str())), Some((hoa.id, "Thưởng dự án")));
    assert_eq!(annual(&book, &company, "lan.tran").available, Some(HalfDays(17)));
}

#[test]
fn a_projected_balance_loses_carried_days_after_they_expire() {
    let (company, mut book) = (demo_company(), demo_leave());
    let quang = person(&company, "quang.do");
    // Quang carried 5 days; on 20 November they have long expired unused.
    let balance = annual(&book, &company, "quang.do");
    assert_eq!(balance.carried_lost(d("2026-11-20")), HalfDays::days(5));
    assert_eq!(balance.projected(d("2026-12-31")), balance.available);
    let _ = book.submit(&company, quang, "k", &draft(ANNUAL, days("2026-11-23", "2026-11-23")), now()).unwrap();
    assert_eq!(annual(&book, &company, "quang.do").projected(d("2026-12-31")), balance.available.map(|a| a - HalfDays::days(1)));
}

#[test]
fn annual_leave_next_year_counts_against_next_years_entitlement() {
    let (company, mut book) = (demo_company(), demo_leave());
    let lan = person(&company, "lan.tran");
    let request = book.submit(&company, lan, "k", &draft(ANNUAL, days("2027-02-01", "2027-02-12")), now()).unwrap();
    // 10 weekdays, of which Tết and its days in lieu take 5.
    assert_eq!(request.working, HalfDays::days(5));
    let next_year = book.balances(&company, lan, 2027, now()).into_iter().find(|b| b.leave_type.id == ANNUAL).and_then(|b| b.balance).unwrap();
    assert_eq!(next_year.pending, HalfDays::days(5));
    // Hired August 2022: five full years in 2027 add a day (Art. 114).
    assert_eq!(next_year.entitlement.map(|e| e.seniority_days), Some(1));
    assert_eq!(next_year.available, Some(HalfDays::days(13 - 5)));
}

#[test]
fn a_span_of_centuries_or_an_absurd_adjustment_is_refused_at_once() {
    let (company, mut book) = (demo_company(), demo_leave());
    let (lan, hoa) = (person(&company, "lan.tran"), person(&company, "hoa.nguyen"));
    let centuries = LeaveSpan::full_days(Date::new(1, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap());
    let refused = rejected(book.submit(&company, lan, "k", &draft(ANNUAL, centuries), now()));
    assert_eq!(
        refused,
        [
            Violation::new("span.from", Rule::TooFarBack, Some(7)),
            Violation::new("span.to", Rule::TooFarAhead, None),
            Violation::new("span.to", Rule::AcrossYears, None)
        ]
    );
    let absurd = AdjustmentDraft { leave_type: ANNUAL, year: 2026, days: HalfDays(i64::MIN), reason: "x".into() };
    assert_eq!(rejected(book.adjust(&company, hoa, lan, &absurd, now())), [Violation { min: Some(1), ..Violation::new("days", Rule::OutOfRange, Some(30)) }]);
}

#[test]
fn hr_types_an_adjustment_in_whole_or_half_days_within_thirty() {
    use domain::benefits::use_cases::read_adjustment;
    let range = Violation { min: Some(1), ..Violation::new("days", Rule::OutOfRange, Some(30)) };
    assert_eq!(read_adjustment(" 2 "), Ok(HalfDays(4)));
    assert_eq!(read_adjustment("-1"), Ok(HalfDays(-2)));
    assert_eq!(read_adjustment("0,5"), Ok(HalfDays(1)));
    assert_eq!(read_adjustment("-30"), Ok(HalfDays(-60)));
    assert_eq!(read_adjustment("+2"), Ok(HalfDays(4)));
    for typed in ["0", "", "30.5", "0.25", "1e3", "abc", "-", "--1", "NaN", "inf", "99999999999999999999"] {
        assert_eq!(read_adjustment(typed), Err(range.clone()), "{typed:?}");
    }
}
