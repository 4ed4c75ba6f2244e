//! Learning paths: an ordered list of courses for a segment of members.
//! Where HR enforces the order, a course opens once every course before
//! it is complete.

use crate::audience::Audience;
use crate::common::{Rule, Violation};
use crate::member::LocalizedText;
use crate::training::course::CourseId;
use crate::training::fields::{check_text, MAX_BODY, MAX_TITLE};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PathId(pub u32);

/// The most courses a path may hold.
pub const MAX_COURSES: usize = 30;

/// What HR writes: the path without its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathDraft {
    pub title: LocalizedText,
    pub summary: LocalizedText,
    /// Who the path is for (a segment, a department…).
    #[serde(default)]
    pub audience: Audience,
    pub courses: Vec<CourseId>,
    /// Each course opens only once the ones before it are complete.
    pub enforce_order: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningPath {
    pub id: PathId,
    #[serde(flatten)]
    pub draft: PathDraft,
}

impl PathDraft {
    /// Everything wrong with the draft, at its fields; `known` tells
    /// whether a course exists.
    pub fn violations(&self, known: impl Fn(CourseId) -> bool) -> Vec<Violation> {
        let mut found = Vec::new();
        check_text(&mut found, "title", &self.title, MAX_TITLE);
        check_text(&mut found, "summary", &self.summary, MAX_BODY);
        if self.courses.is_empty() || self.courses.len() > MAX_COURSES {
            found.push(Violation::out_of_range("courses", 1, MAX_COURSES as u64));
        }
        let mut seen = HashSet::new();
        for (i, course) in self.courses.iter().enumerate() {
            let field = format!("courses[{i}]");
            if !known(*course) {
                found.push(Violation::new(&field, Rule::UnknownCourse, None));
            } else if !seen.insert(*course) {
                found.push(Violation::new(&field, Rule::DuplicateCourse, None));
            }
        }
        found
    }
}

/// Where a course stands on a member's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepState {
    Complete,
    Open,
    /// Waits for `after`, the first earlier course not complete.
    Locked {
        after: CourseId,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub course: CourseId,
    pub title: LocalizedText,
    pub percent: u8,
    #[serde(flatten)]
    pub state: StepState,
}

/// A path as one member walks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathView {
    pub path: LearningPath,
    pub steps: Vec<PathStep>,
    pub complete: u32,
    pub total: u32,
    /// Complete courses of all, in percent.
    pub percent: u8,
}

impl LearningPath {
    /// The first course before `course` on this path that is not
    /// complete, when the path keeps its order (and holds `course`).
    pub fn locked_by(&self, course: CourseId, complete: impl Fn(CourseId) -> bool) -> Option<CourseId> {
        if !self.draft.enforce_order {
            return None;
        }
        let position = self.draft.courses.iter().position(|c| *c == course)?;
        self.draft.courses[..position].iter().find(|c| !complete(**c)).copied()
    }

    /// Each course's state, from whether each is complete.
    pub fn states(&self, complete: impl Fn(CourseId) -> bool) -> Vec<(CourseId, StepState)> {
        self.draft
            .courses
            .iter()
            .map(|&course| {
                let state = match (complete(course), self.locked_by(course, &complete)) {
                    (true, _) => StepState::Complete,
                    (false, Some(after)) => StepState::Locked { after },
                    (false, None) => StepState::Open,
                };
                (course, state)
            })
            .collect()
    }
}
