//! Who the internal customers are: members, departments, sites.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The interface languages. Vietnamese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `en-US` or `vi`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Data text (a department's name, a programme's title) in both languages.
/// Interface strings live in `locales/`; this is for what HR types in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocalizedText {
    pub vi: String,
    pub en: String,
}

impl LocalizedText {
    pub fn new(vi: &str, en: &str) -> LocalizedText {
        LocalizedText { vi: vi.to_owned(), en: en.to_owned() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DepartmentId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SiteId(pub u32);

/// How a person works with the company; the seeds' kinds of internal customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Seasonal,
    Collaborator,
    PartnerSupplier,
}

impl EmploymentType {
    pub const ALL: [EmploymentType; 5] =
        [EmploymentType::FullTime, EmploymentType::PartTime, EmploymentType::Seasonal, EmploymentType::Collaborator, EmploymentType::PartnerSupplier];
}

/// What a member may do beyond using the portals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Manager,
    Hr,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: DepartmentId,
    pub name: LocalizedText,
    /// The department above this one: its manager manages this
    /// department's manager (and its members when it has no manager).
    #[serde(default)]
    pub parent: Option<DepartmentId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub id: SiteId,
    pub name: LocalizedText,
    pub city: String,
}

/// An internal customer: employee, manager, seasonal worker, collaborator or
/// partner supplier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub email: String,
    pub full_name: String,
    pub department_id: DepartmentId,
    pub site_id: SiteId,
    pub employment_type: EmploymentType,
    pub role: Role,
    pub hired_on: Date,
    /// Segment tags HR assigned by hand (rule-based segments are computed).
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The form in which emails are stored and compared: as people type them,
/// surrounding spaces and letter case do not matter.
pub fn normalized_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Member {
    /// Whole months of service on `today`.
    pub fn tenure_months(&self, today: Date) -> u32 {
        self.hired_on.whole_months_until(today)
    }

    /// The name to greet someone by: Vietnamese names put the given name last.
    pub fn given_name(&self) -> &str {
        self.full_name.rsplit(' ').next().unwrap_or(&self.full_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_tags_are_understood() {
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("vi"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("VI-vn"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn emails_ignore_surrounding_spaces_and_case_including_accented_letters() {
        assert_eq!(normalized_email("  Lan.Tran@NoiBo.example "), "lan.tran@noibo.example");
        assert_eq!(normalized_email("ĐỨC@noibo.example"), "đức@noibo.example");
    }

    #[test]
    fn vietnamese_names_greet_by_the_given_name() {
        let member = crate::seed::demo_company().member_by_email("lan.tran@noibo.example").cloned().unwrap();
        assert_eq!(member.given_name(), "Lan");
    }
}
