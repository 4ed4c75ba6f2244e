//! The eligibility engine: one rule type, one evaluation, reasons included.

use domain::seed::demo_company;
use domain::{Audience, Company, Condition, Date, EmploymentType, Member, Requirement};
use proptest::prelude::*;

fn today() -> Date {
    "2026-11-22".parse().unwrap()
}

fn member<'a>(company: &'a Company, email: &str) -> &'a Member {
    company.member_by_email(email).unwrap()
}

fn usable_titles(company: &Company, email: &str) -> Vec<String> {
    company.offering_statuses(member(company, email).id, today()).into_iter().filter(|s| s.eligibility.eligible).map(|s| s.offering.title.en).collect()
}

#[test]
fn a_full_time_sales_veteran_can_use_the_training_budget() {
    let company = demo_company();
    let titles = usable_titles(&company, "lan.tran@noibo.example");
    assert!(titles.contains(&"Training budget".to_owned()));
    assert!(titles.contains(&"Parents' support".to_owned()));
    assert!(!titles.contains(&"Onboarding path".to_owned()));
}

#[test]
fn a_seasonal_worker_is_told_which_employment_types_the_leave_scheme_needs() {
    let company = demo_company();
    let tuan = member(&company, "tuan.pham@noibo.example");
    let statuses = company.offering_statuses(tuan.id, today());
    let leave = statuses.iter().find(|s| s.offering.title.en == "Flexible leave days").unwrap();
    assert!(!leave.eligibility.eligible);
    let reasons: Vec<_> = leave.eligibility.unmet().collect();
    assert!(
        reasons.contains(&&Requirement::EmploymentType { allowed: vec![EmploymentType::FullTime, EmploymentType::PartTime], actual: EmploymentType::Seasonal })
    );
    assert!(reasons.contains(&&Requirement::MinTenure { months: 3, actual: 2 }));
}

#[test]
fn a_new_seasonal_worker_on_the_factory_floor_gets_onboarding_and_safety_training() {
    let company = demo_company();
    let titles = usable_titles(&company, "tuan.pham@noibo.example");
    assert!(titles.contains(&"Onboarding path".to_owned()));
    assert!(titles.contains(&"Factory safety certificate".to_owned()));
}

#[test]
fn a_partner_supplier_may_use_only_the_internal_allowance() {
    let company = demo_company();
    assert_eq!(usable_titles(&company, "an.vo@noibo.example"), ["Internal product allowance"]);
}

#[test]
fn usable_offerings_are_listed_before_the_others() {
    let company = demo_company();
    let statuses = company.offering_statuses(member(&company, "an.vo@noibo.example").id, today());
    let first_unusable = statuses.iter().position(|s| !s.eligibility.eligible).unwrap();
    assert!(statuses[first_unusable..].iter().all(|s| !s.eligibility.eligible));
}

#[test]
fn reasons_name_departments_and_segments_in_both_languages() {
    let company = demo_company();
    let lan = member(&company, "lan.tran@noibo.example");
    let audience = Audience::everyone().and(Condition::DepartmentIn(vec![domain::DepartmentId(2)])).and(Condition::InSegment(vec!["factory_floor".into()]));
    let verdict = company.evaluate(&audience, lan, today());
    let reasons: Vec<_> = verdict.unmet().cloned().collect();
    assert_eq!(
        reasons,
        [
            Requirement::Department { allowed: vec![domain::LocalizedText::new("Sản xuất", "Production")] },
            Requirement::Segment { allowed: vec![domain::LocalizedText::new("Khối nhà máy", "Factory floor")] },
        ]
    );
}

#[test]
fn a_new_hire_segment_follows_the_calendar() {
    let company = demo_company();
    let tuan = member(&company, "tuan.pham@noibo.example");
    let new_hires = Audience::everyone().and(Condition::InSegment(vec!["new_hire".into()]));
    assert!(company.evaluate(&new_hires, tuan, today()).eligible);
    let a_year_on = "2027-09-01".parse().unwrap();
    assert!(!company.evaluate(&new_hires, tuan, a_year_on).eligible);
}

#[test]
fn audiences_travel_as_readable_json() {
    let audience = Audience::everyone().and(Condition::EmploymentTypeIn(vec![EmploymentType::Seasonal])).and(Condition::MinTenureMonths(6));
    let json = serde_json::to_value(&audience).unwrap();
    assert_eq!(json, serde_json::json!({"all_of":[{"employment_type_in":["seasonal"]},{"min_tenure_months":6}]}));
    assert_eq!(serde_json::from_value::<Audience>(json).unwrap(), audience);
}

#[test]
fn reasons_travel_as_readable_json() {
    let reason = Requirement::MinTenure { months: 12, actual: 7 };
    let json = serde_json::to_value(&reason).unwrap();
    assert_eq!(json, serde_json::json!({"min_tenure":{"months":12,"actual":7}}));
    assert_eq!(serde_json::from_value::<Requirement>(json).unwrap(), reason);
}

fn any_condition() -> impl Strategy<Value = Condition> {
    prop_oneof![
        proptest::sample::subsequence(EmploymentType::ALL.to_vec(), 0..=5).prop_map(Condition::EmploymentTypeIn),
        proptest::collection::vec((1u32..=8).prop_map(domain::DepartmentId), 0..4).prop_map(Condition::DepartmentIn),
        proptest::collection::vec((1u32..=4).prop_map(domain::SiteId), 0..3).prop_map(Condition::SiteIn),
        (0u32..200).prop_map(Condition::MinTenureMonths),
        (0u32..200).prop_map(Condition::MaxTenureMonths),
        proptest::sample::subsequence(vec!["new_hire".to_owned(), "long_service".into(), "factory_floor".into(), "parents".into(), "unknown".into()], 0..3)
            .prop_map(Condition::InSegment),
    ]
}

fn any_audience() -> impl Strategy<Value = Audience> {
    proptest::collection::vec(any_condition(), 0..5).prop_map(|all_of| Audience { all_of })
}

fn any_member_index() -> impl Strategy<Value = usize> {
    0..demo_company().members.len()
}

fn any_day() -> impl Strategy<Value = Date> {
    (19_000i64..22_000).prop_map(Date::from_days_since_epoch)
}

proptest! {
    #[test]
    fn an_empty_audience_admits_everyone(index in any_member_index(), day in any_day()) {
        let company = demo_company();
        let verdict = company.evaluate(&Audience::everyone(), &company.members[index], day);
        prop_assert!(verdict.eligible);
        prop_assert!(verdict.checks.is_empty());
    }

    #[test]
    fn adding_a_condition_never_admits_more_members(audience in any_audience(), extra in any_condition(), day in any_day()) {
        let company = demo_company();
        let narrower = audience.clone().and(extra);
        for member in &company.members {
            if company.evaluate(&narrower, member, day).eligible {
                prop_assert!(company.evaluate(&audience, member, day).eligible);
            }
        }
    }

    #[test]
    fn a_member_is_eligible_exactly_when_no_reason_stands_in_the_way(audience in any_audience(), index in any_member_index(), day in any_day()) {
        let company = demo_company();
        let verdict = company.evaluate(&audience, &company.members[index], day);
        prop_assert_eq!(verdict.eligible, verdict.unmet().next().is_none());
        prop_assert_eq!(verdict.checks.len(), audience.all_of.len());
    }

    #[test]
    fn the_order_of_conditions_does_not_change_the_verdict(audience in any_audience(), index in any_member_index(), day in any_day()) {
        let company = demo_company();
        let mut reversed = audience.clone();
        reversed.all_of.reverse();
        let member = &company.members[index];
        prop_assert_eq!(company.evaluate(&audience, member, day).eligible, company.evaluate(&reversed, member, day).eligible);
    }
}
