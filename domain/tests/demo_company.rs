//! The demo company is believable enough to try every feature on.

use domain::seed::{demo_company, PERSONA_EMAILS};
use domain::{EmploymentType, Role};
use std::collections::HashSet;

fn today() -> domain::Date {
    "2026-11-22".parse().unwrap()
}

#[test]
fn has_at_least_forty_members_in_five_departments_and_two_sites() {
    let company = demo_company();
    assert!(company.members.len() >= 40);
    let departments: HashSet<_> = company.members.iter().map(|m| m.department_id).collect();
    let sites: HashSet<_> = company.members.iter().map(|m| m.site_id).collect();
    assert!(departments.len() >= 5);
    assert!(sites.len() >= 2);
}

#[test]
fn has_every_employment_type_and_role() {
    let company = demo_company();
    for kind in EmploymentType::ALL {
        assert!(company.members.iter().any(|m| m.employment_type == kind), "{kind:?} missing");
    }
    for role in [Role::Member, Role::Manager, Role::Hr] {
        assert!(company.members.iter().any(|m| m.role == role), "{role:?} missing");
    }
}

#[test]
fn ids_and_emails_are_unique_and_every_reference_resolves() {
    let company = demo_company();
    let ids: HashSet<_> = company.members.iter().map(|m| m.id).collect();
    let emails: HashSet<_> = company.members.iter().map(|m| m.email.to_lowercase()).collect();
    assert_eq!(ids.len(), company.members.len());
    assert_eq!(emails.len(), company.members.len());
    for member in &company.members {
        assert!(company.profile(member.id, today()).is_some(), "{} has a dangling reference", member.email);
    }
}

#[test]
fn the_five_demo_personas_are_who_the_brief_says() {
    let company = demo_company();
    let get = |email: &str| company.member_by_email(email).unwrap_or_else(|| panic!("{email} missing"));
    let sales = get("minh.le@noibo.example").department_id;

    let lan = get("lan.tran@noibo.example");
    assert_eq!((lan.employment_type, lan.department_id), (EmploymentType::FullTime, sales));
    assert!(lan.tenure_months(today()) >= 36);

    assert_eq!(get("minh.le@noibo.example").role, Role::Manager);
    assert_eq!(get("hoa.nguyen@noibo.example").role, Role::Hr);

    let tuan = company.profile(get("tuan.pham@noibo.example").id, today()).unwrap();
    assert_eq!(tuan.member.employment_type, EmploymentType::Seasonal);
    assert_eq!(tuan.department.name.en, "Production");

    assert_eq!(get("an.vo@noibo.example").employment_type, EmploymentType::PartnerSupplier);
    assert_eq!(PERSONA_EMAILS.len(), 5);
}

#[test]
fn sign_in_emails_match_whatever_case_was_typed() {
    let company = demo_company();
    assert!(company.member_by_email("  Lan.Tran@NoiBo.example ").is_some());
    assert!(company.member_by_email("nobody@noibo.example").is_none());
}

#[test]
fn lan_sees_her_manager_and_her_segments() {
    let company = demo_company();
    let lan = company.member_by_email("lan.tran@noibo.example").unwrap();
    let profile = company.profile(lan.id, today()).unwrap();
    assert_eq!(profile.manager_name.as_deref(), Some("Lê Văn Minh"));
    let segments: Vec<_> = profile.segments.iter().map(|s| s.en.as_str()).collect();
    assert_eq!(segments, ["Parents of young children"]);
}

#[test]
fn minh_sees_the_sales_team_he_manages_and_lan_manages_nobody() {
    let company = demo_company();
    let profile = |email: &str| company.profile(company.member_by_email(email).unwrap().id, today()).unwrap();
    let team: Vec<String> = profile("minh.le@noibo.example").team.into_iter().map(|m| m.full_name).collect();
    assert_eq!(
        team,
        ["Đặng Minh Khoa", "Trần Thị Lan", "Huỳnh Bảo Ngọc", "Đỗ Nhật Quang", "Bùi Phương Thảo", "Khúc Thị Xuân"],
        "everyone else in Sales, by given name as Vietnamese lists go"
    );
    assert!(profile("lan.tran@noibo.example").team.is_empty());
    assert!(profile("hoa.nguyen@noibo.example").team.is_empty(), "HR manages nobody by being HR");
}

#[test]
fn workforce_overview_counts_everyone_once() {
    let company = demo_company();
    let overview = company.workforce_overview(today());
    let by_type: u32 = overview.by_employment_type.iter().map(|(_, n)| n).sum();
    let by_department: u32 = overview.by_department.iter().map(|(_, n)| n).sum();
    assert_eq!(by_type, overview.total);
    assert_eq!(by_department, overview.total);
    let new_hires = overview.segments.iter().find(|s| s.segment.tag == "new_hire").unwrap();
    assert!(new_hires.members >= 5);
}
