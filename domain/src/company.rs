//! The company's reference data and the questions asked of it.

use crate::audience::{Audience, Check, Condition, Eligibility, MemberFacts, Requirement, Segment};
use crate::date::Date;
use crate::member::{normalized_email, Department, DepartmentId, EmploymentType, LocalizedText, Member, MemberId, Site, SiteId};
use crate::offering::Offering;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub name: LocalizedText,
    pub departments: Vec<Department>,
    pub sites: Vec<Site>,
    pub segments: Vec<Segment>,
    pub members: Vec<Member>,
    pub offerings: Vec<Offering>,
}

/// The company's departments, sites and segments, to name the groups a
/// page shows and the audiences HR chooses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub departments: Vec<Department>,
    pub sites: Vec<Site>,
    pub segments: Vec<Segment>,
}

impl Directory {
    pub fn department(&self, id: DepartmentId) -> Option<&LocalizedText> {
        self.departments.iter().find(|d| d.id == id).map(|d| &d.name)
    }

    pub fn site(&self, id: SiteId) -> Option<&LocalizedText> {
        self.sites.iter().find(|s| s.id == id).map(|s| &s.name)
    }

    pub fn segment(&self, tag: &str) -> Option<&LocalizedText> {
        self.segments.iter().find(|s| s.tag == tag).map(|s| &s.name)
    }
}

/// What the profile card and the home page show about the signed-in member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProfile {
    pub member: Member,
    pub department: Department,
    pub site: Site,
    pub tenure_months: u32,
    /// Names of the segments the member belongs to today.
    pub segments: Vec<LocalizedText>,
    pub manager_name: Option<String>,
    /// The people the member manages (empty for anyone who manages nobody).
    pub team: Vec<TeamMember>,
}

/// Someone on a manager's team, as the manager's profile lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: MemberId,
    pub full_name: String,
    pub email: String,
    pub employment_type: EmploymentType,
}

/// One offering and whether this member may use it, with reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingStatus {
    pub offering: Offering,
    pub eligibility: Eligibility,
}

/// Headcount for the HR area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkforceOverview {
    pub total: u32,
    pub by_employment_type: Vec<(EmploymentType, u32)>,
    pub by_department: Vec<(LocalizedText, u32)>,
    pub segments: Vec<SegmentCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentCount {
    pub segment: Segment,
    pub members: u32,
}

impl Company {
    pub fn directory(&self) -> Directory {
        Directory { departments: self.departments.clone(), sites: self.sites.clone(), segments: self.segments.clone() }
    }

    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn member_by_email(&self, email: &str) -> Option<&Member> {
        let email = normalized_email(email);
        self.members.iter().find(|m| normalized_email(&m.email) == email)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn site(&self, id: SiteId) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    fn segment_named(&self, tag: &str) -> Option<&Segment> {
        self.segments.iter().find(|s| s.tag == tag)
    }

    /// The member's facts on `today`, with rule-based segments resolved.
    pub fn facts(&self, member: &Member, today: Date) -> MemberFacts {
        let mut facts = MemberFacts {
            employment_type: member.employment_type,
            department_id: member.department_id,
            site_id: member.site_id,
            tenure_months: member.tenure_months(today),
            segments: member.tags.clone(),
        };
        let matched: Vec<String> = self
            .segments
            .iter()
            .filter(|s| !facts.segments.contains(&s.tag))
            .filter(|s| s.rule.as_ref().is_some_and(|rule| rule.admits(&facts)))
            .map(|s| s.tag.clone())
            .collect();
        facts.segments.extend(matched);
        facts
    }

    /// Whether `member` is in `audience` on `today`, and why.
    pub fn evaluate(&self, audience: &Audience, member: &Member, today: Date) -> Eligibility {
        let facts = self.facts(member, today);
        let checks: Vec<Check> =
            audience.all_of.iter().map(|condition| Check { requirement: self.explain(condition, &facts), met: condition.is_met_by(&facts) }).collect();
        Eligibility { eligible: checks.iter().all(|c| c.met), checks }
    }

    fn explain(&self, condition: &Condition, facts: &MemberFacts) -> Requirement {
        let names = |ids: &mut dyn Iterator<Item = Option<&LocalizedText>>| ids.flatten().cloned().collect();
        match condition {
            Condition::EmploymentTypeIn(types) => Requirement::EmploymentType { allowed: types.clone(), actual: facts.employment_type },
            Condition::DepartmentIn(ids) => Requirement::Department { allowed: names(&mut ids.iter().map(|id| self.department(*id).map(|d| &d.name))) },
            Condition::SiteIn(ids) => Requirement::Site { allowed: names(&mut ids.iter().map(|id| self.site(*id).map(|s| &s.name))) },
            Condition::MinTenureMonths(months) => Requirement::MinTenure { months: *months, actual: facts.tenure_months },
            Condition::MaxTenureMonths(months) => Requirement::MaxTenure { months: *months, actual: facts.tenure_months },
            Condition::InSegment(tags) => Requirement::Segment { allowed: names(&mut tags.iter().map(|tag| self.segment_named(tag).map(|s| &s.name))) },
        }
    }

    pub fn profile(&self, id: MemberId, today: Date) -> Option<MemberProfile> {
        let member = self.member(id)?;
        let facts = self.facts(member, today);
        Some(MemberProfile {
            department: self.department(member.department_id)?.clone(),
            site: self.site(member.site_id)?.clone(),
            tenure_months: facts.tenure_months,
            segments: facts.segments.iter().filter_map(|tag| self.segment_named(tag)).map(|s| s.name.clone()).collect(),
            manager_name: self.manager_of(member).map(|m| m.full_name.clone()),
            team: crate::common::access::team_of(self, member)
                .into_iter()
                .map(|m| TeamMember { id: m.id, full_name: m.full_name.clone(), email: m.email.clone(), employment_type: m.employment_type })
                .collect(),
            member: member.clone(),
        })
    }

    /// The member's manager (`common::access` says who that is).
    fn manager_of(&self, member: &Member) -> Option<&Member> {
        crate::common::access::manager_of(self, member)
    }

    /// Every offering with this member's eligibility; usable ones first.
    pub fn offering_statuses(&self, id: MemberId, today: Date) -> Vec<OfferingStatus> {
        let Some(member) = self.member(id) else { return Vec::new() };
        let mut statuses: Vec<OfferingStatus> = self
            .offerings
            .iter()
            .map(|offering| OfferingStatus { eligibility: self.evaluate(&offering.audience, member, today), offering: offering.clone() })
            .collect();
        statuses.sort_by_key(|s| !s.eligibility.eligible);
        statuses
    }

    pub fn workforce_overview(&self, today: Date) -> WorkforceOverview {
        let count = |keep: &dyn Fn(&Member) -> bool| self.members.iter().filter(|m| keep(m)).count() as u32;
        WorkforceOverview {
            total: self.members.len() as u32,
            by_employment_type: EmploymentType::ALL.iter().map(|t| (*t, count(&|m| m.employment_type == *t))).collect(),
            by_department: self.departments.iter().map(|d| (d.name.clone(), count(&|m| m.department_id == d.id))).collect(),
            segments: self
                .segments
                .iter()
                .map(|segment| SegmentCount { members: count(&|m| self.facts(m, today).segments.contains(&segment.tag)), segment: segment.clone() })
                .collect(),
        }
    }
}
