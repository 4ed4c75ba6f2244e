//! Properties of leave that hold whatever people do: nobody decides their
//! own request under any org chart or delegation, and a paid balance never
//! goes below zero under any sequence of requests, decisions and
//! cancellations.

mod common;

use common::at;
use domain::benefits::approval::{acting_for, route};
use domain::benefits::use_cases::Verdict;
use domain::benefits::{Approver, Chain, Delegation, LeaveDraft, LeaveSpan, LeaveTypeId};
use domain::seed::{demo_company, demo_leave};
use domain::{Date, DepartmentId, MemberId, Period, Role};
use proptest::prelude::*;

fn day(offset: i64) -> Date {
    "2026-11-20".parse::<Date>().unwrap().plus_days(offset)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Arbitrary roles, departments, parent departments and delegations:
    /// no step is routed to the requester, and nobody may act on a step of
    /// their own request.
    #[test]
    fn nobody_ever_decides_their_own_request(
        roles in prop::collection::vec(0u8..3, 43),
        departments in prop::collection::vec(1u32..9, 43),
        parents in prop::collection::vec(prop::option::of(1u32..9), 8),
        delegations in prop::collection::vec((1u32..44, 1u32..44, -5i64..5, 0i64..10), 0..12),
        requester in 1u32..44,
        two_steps in any::<bool>(),
    ) {
        let mut company = demo_company();
        for (member, (role, department)) in company.members.iter_mut().zip(roles.iter().zip(&departments)) {
            member.role = [Role::Member, Role::Manager, Role::Hr][usize::from(*role)];
            member.department_id = DepartmentId(*department);
        }
        for (department, parent) in company.departments.iter_mut().zip(&parents) {
            department.parent = parent.map(DepartmentId);
        }
        let delegations: Vec<Delegation> = delegations
            .iter()
            .enumerate()
            .map(|(i, &(approver, delegate, start, length))| Delegation {
                id: i as u32,
                approver: MemberId(approver),
                delegate: MemberId(delegate),
                period: Period { from: day(start), to: day(start + length) },
                created_at: at("2026-11-01T09:00:00+07:00"),
            })
            .collect();
        let requester = company.member(MemberId(requester)).unwrap().clone();
        let chain = if two_steps { Chain::ManagerThenHr } else { Chain::Manager };
        let steps = route(&company, &requester, chain);
        prop_assert!(!steps.contains(&Approver::Member(requester.id)));
        for step in steps {
            for actor in &company.members {
                if acting_for(step, requester.id, actor, &delegations, day(0)).is_some() {
                    prop_assert_ne!(actor.id, requester.id);
                }
            }
        }
    }

    /// Lan asks, withdraws, is approved, rejected and cancelled in any
    /// order: what she has left of paid annual leave never goes below zero.
    #[test]
    fn a_paid_balance_never_goes_below_zero(
        actions in prop::collection::vec((0u8..4, 0i64..40, 0i64..6, any::<bool>()), 1..30),
    ) {
        let (company, mut book) = (demo_company(), demo_leave());
        let lan = company.member_by_email("lan.tran@noibo.example").unwrap().clone();
        let minh = company.member_by_email("minh.le@noibo.example").unwrap().clone();
        let now = at("2026-11-20T10:00:00+07:00");
        for (i, (action, start, length, approve)) in actions.into_iter().enumerate() {
            let mine: Vec<_> = book.requests.iter().filter(|r| r.member == lan.id).map(|r| r.id).collect();
            let pick = mine[(start as usize) % mine.len().max(1)];
            match action {
                0 | 1 => {
                    let draft = LeaveDraft { leave_type: LeaveTypeId(1), span: LeaveSpan::full_days(day(start), day(start + length)), reason: String::new() };
                    let _ = book.submit(&company, &lan, &i.to_string(), &draft, now);
                }
                2 => {
                    let _ = book.decide(&company, &minh, pick, &Verdict { approve, comment: "ok".into() }, now);
                }
                _ => {
                    let _ = book.withdraw(&lan, pick, now);
                    let _ = book.ask_cancellation(&company, &lan, pick, now);
                }
            }
            let balance = book.balances(&company, &lan, 2026, now).into_iter().find(|b| b.leave_type.id == LeaveTypeId(1)).and_then(|b| b.balance).unwrap();
            prop_assert!(balance.available.unwrap().0 >= 0, "{balance:?}");
        }
    }
}
