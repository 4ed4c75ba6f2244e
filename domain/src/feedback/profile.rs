//! The group a survey response is filed under. Results are broken down by
//! department, site, employment type and tenure, so a response carries
//! them, but a stored response must not single out its author: a member
//! whose department, site, contract and tenure match nobody else's would be
//! named by them. So the response carries only as much of the profile as
//! at least `k` members of the survey's audience share, dropping tenure,
//! then the contract, then the site, then the department until it does.
//! The backend issues the member's token for that group (`Scope::Survey`),
//! so the group a response claims is proven, not typed.

use crate::date::Date;
use crate::member::{DepartmentId, EmploymentType, Member, SiteId};
use serde::{Deserialize, Serialize};

/// Time with the company, in the bands results are shown by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenureBand {
    UnderOneYear,
    OneToThreeYears,
    ThreeToFiveYears,
    FiveYearsOrMore,
}

impl TenureBand {
    pub const ALL: [TenureBand; 4] = [TenureBand::UnderOneYear, TenureBand::OneToThreeYears, TenureBand::ThreeToFiveYears, TenureBand::FiveYearsOrMore];

    pub fn of(months: u32) -> TenureBand {
        match months {
            0..12 => TenureBand::UnderOneYear,
            12..36 => TenureBand::OneToThreeYears,
            36..60 => TenureBand::ThreeToFiveYears,
            _ => TenureBand::FiveYearsOrMore,
        }
    }
}

/// A response's group: each part is left out (`None`) when keeping it
/// would leave fewer than `k` members of the audience in the group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReportedProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<EmploymentType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenure: Option<TenureBand>,
}

impl ReportedProfile {
    /// The whole profile of `member` on `today`.
    pub fn full(member: &Member, today: Date) -> ReportedProfile {
        ReportedProfile {
            department: Some(member.department_id),
            site: Some(member.site_id),
            employment: Some(member.employment_type),
            tenure: Some(TenureBand::of(member.tenure_months(today))),
        }
    }

    /// Whether `other` (a whole profile) is in this group.
    pub fn covers(&self, other: &ReportedProfile) -> bool {
        self.department.is_none_or(|d| other.department == Some(d))
            && self.site.is_none_or(|s| other.site == Some(s))
            && self.employment.is_none_or(|e| other.employment == Some(e))
            && self.tenure.is_none_or(|t| other.tenure == Some(t))
    }

    /// A short stable text for the group (`d3.s1.e-.t2`), part of the name
    /// of the key its tokens are issued under.
    pub fn code(&self) -> String {
        fn part<T>(letter: char, value: Option<T>, number: impl Fn(T) -> u32) -> String {
            value.map_or_else(|| format!("{letter}-"), |v| format!("{letter}{}", number(v)))
        }
        [part('d', self.department, |d| d.0), part('s', self.site, |s| s.0), part('e', self.employment, |e| e as u32), part('t', self.tenure, |t| t as u32)]
            .join(".")
    }
}

impl ReportedProfile {
    /// Reads [`ReportedProfile::code`] back.
    pub fn from_code(code: &str) -> Option<ReportedProfile> {
        let mut parts = code.split('.');
        let mut next = |letter: char| -> Option<Option<u32>> {
            let part = parts.next()?.strip_prefix(letter)?;
            if part == "-" {
                Some(None)
            } else {
                part.parse().ok().map(Some)
            }
        };
        let department = next('d')?.map(DepartmentId);
        let site = next('s')?.map(SiteId);
        let employment = match next('e')? {
            Some(i) => Some(*EmploymentType::ALL.iter().find(|e| **e as u32 == i)?),
            None => None,
        };
        let tenure = match next('t')? {
            Some(i) => Some(*TenureBand::ALL.iter().find(|t| **t as u32 == i)?),
            None => None,
        };
        parts.next().is_none().then_some(ReportedProfile { department, site, employment, tenure })
    }
}

/// The group `member`'s response is filed under: the most of their profile
/// that at least `k` of `audience` (the survey's whole audience, answering
/// or not) share.
pub fn reported_profile(member: &Member, audience: &[&Member], k: u32, today: Date) -> ReportedProfile {
    let everyone: Vec<ReportedProfile> = audience.iter().map(|m| ReportedProfile::full(m, today)).collect();
    let mut group = ReportedProfile::full(member, today);
    let large_enough = |group: &ReportedProfile| everyone.iter().filter(|p| group.covers(p)).count() as u32 >= k;
    let coarser: [fn(&mut ReportedProfile); 4] = [|g| g.tenure = None, |g| g.employment = None, |g| g.site = None, |g| g.department = None];
    for drop in coarser {
        if large_enough(&group) {
            break;
        }
        drop(&mut group);
    }
    group
}
