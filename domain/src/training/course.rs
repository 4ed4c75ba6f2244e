//! Courses: what a course teaches (topic), how (self-paced lessons or a
//! classroom with sessions), who may take it (an audience for the one
//! eligibility engine) and how long its certificate lasts.

use crate::audience::Audience;
use crate::common::{Violation, WholeRange};
use crate::member::LocalizedText;
use crate::training::fields::{check_text, MAX_BODY, MAX_TITLE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CourseId(pub u32);

/// What a course is about; the catalogue filters by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Onboarding,
    Safety,
    Sales,
    DigitalSkills,
    Leadership,
    Languages,
}

impl Topic {
    pub const ALL: [Topic; 6] = [Topic::Onboarding, Topic::Safety, Topic::Sales, Topic::DigitalSkills, Topic::Leadership, Topic::Languages];
}

/// How a course is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Online, at one's own pace: lessons (and a quiz).
    SelfPaced,
    /// In a room: sessions at a site, with seats; lessons are the material.
    Classroom,
}

/// How long a certificate may last: up to five years.
pub const RENEWAL_MONTHS: WholeRange = WholeRange::new(1, 60);

/// What HR writes: the course without its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDraft {
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub topic: Topic,
    pub format: Format,
    #[serde(default)]
    pub audience: Audience,
    /// Certificates expire this many months after issue (food safety: 12);
    /// `None`: they never expire.
    #[serde(default)]
    pub renewal_months: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub id: CourseId,
    #[serde(flatten)]
    pub draft: CourseDraft,
}

impl CourseDraft {
    /// Everything wrong with the draft, at its fields.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        check_text(&mut found, "title", &self.title, MAX_TITLE);
        check_text(&mut found, "summary", &self.summary, MAX_BODY);
        if let Some(months) = self.renewal_months {
            found.extend(RENEWAL_MONTHS.check("renewal_months", u64::from(months)));
        }
        found
    }
}

/// The catalogue's filters; each left out matches every course.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    #[serde(default)]
    pub topic: Option<Topic>,
    #[serde(default)]
    pub format: Option<Format>,
    /// Only the courses meant for the member.
    #[serde(default)]
    pub for_you: bool,
}

impl CatalogueQuery {
    pub fn matches(&self, course: &Course) -> bool {
        self.topic.is_none_or(|t| t == course.draft.topic) && self.format.is_none_or(|f| f == course.draft.format)
    }
}
