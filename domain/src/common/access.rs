//! Access: who is HR and who manages whom. The one place these questions
//! are answered; the server's extractors, the demo backend and the shell
//! ask here instead of comparing roles themselves.
//!
//! - HR (the people team) is a member whose role is [`Role::Hr`].
//! - A member's manager is the member with the [`Role::Manager`] role in
//!   the member's own department (the first one listed, should a
//!   department have several), never the member themself; a department
//!   without one (or whose manager asks) looks to its parent department. HR manages
//!   nobody by virtue of being HR; what HR may do is asked with
//!   [`require_hr`].

use crate::company::Company;
use crate::member::{Member, Role};
use std::fmt;

/// The member may not do this: signed in, but not in the right role (403).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forbidden;

impl fmt::Display for Forbidden {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not allowed for your role")
    }
}

impl std::error::Error for Forbidden {}

/// Whether `member` belongs to the people team.
pub fn is_hr(member: &Member) -> bool {
    member.role == Role::Hr
}

/// Lets HR through; anyone else is [`Forbidden`].
pub fn require_hr(member: &Member) -> Result<(), Forbidden> {
    if is_hr(member) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}

/// The manager of `member`: the manager of their department, unless that
/// is the member themself; otherwise the manager of the department above,
/// and so on up (a department manager reports to the parent department's).
pub fn manager_of<'c>(company: &'c Company, member: &Member) -> Option<&'c Member> {
    let mut department = Some(member.department_id);
    // At most one step per department, so a cycle in the data ends.
    for _ in 0..=company.departments.len() {
        let id = department?;
        let manager = company.members.iter().find(|m| m.role == Role::Manager && m.department_id == id && m.id != member.id);
        if manager.is_some() {
            return manager;
        }
        department = company.department(id).and_then(|d| d.parent);
    }
    None
}

/// The people `manager` manages, by given name.
pub fn team_of<'c>(company: &'c Company, manager: &Member) -> Vec<&'c Member> {
    let mut team: Vec<&Member> = company.members.iter().filter(|m| manages(company, manager, m)).collect();
    team.sort_by_cached_key(|m| crate::common::text::person_order(&m.full_name));
    team
}

/// Whether `manager` is `member`'s manager.
pub fn manages(company: &Company, manager: &Member, member: &Member) -> bool {
    manager_of(company, member).is_some_and(|m| m.id == manager.id)
}

/// Lets `manager` through for `member`'s affairs; anyone else is [`Forbidden`].
pub fn require_manager_of(company: &Company, manager: &Member, member: &Member) -> Result<(), Forbidden> {
    if manages(company, manager, member) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::demo_company;

    fn person<'c>(company: &'c Company, local_part: &str) -> &'c Member {
        company.member_by_email(&format!("{local_part}@noibo.example")).unwrap()
    }

    #[test]
    fn only_the_people_team_is_hr() {
        let company = demo_company();
        assert_eq!(require_hr(person(&company, "hoa.nguyen")), Ok(()));
        assert_eq!(require_hr(person(&company, "lan.tran")), Err(Forbidden));
        assert_eq!(require_hr(person(&company, "minh.le")), Err(Forbidden));
    }

    #[test]
    fn a_manager_manages_the_others_in_their_department_and_nobody_else() {
        let company = demo_company();
        let (minh, lan, hung) = (person(&company, "minh.le"), person(&company, "lan.tran"), person(&company, "hung.nguyen"));
        assert!(manages(&company, minh, lan));
        assert_eq!(require_manager_of(&company, minh, lan), Ok(()));
        assert!(!manages(&company, minh, minh), "nobody manages themself");
        assert!(!manages(&company, hung, lan), "another department's manager");
        assert!(!manages(&company, lan, minh), "a member manages nobody");
        assert_eq!(require_manager_of(&company, hung, lan), Err(Forbidden));
    }
}
