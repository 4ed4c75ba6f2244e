//! Lessons: Markdown text in both languages and links to videos and
//! documents, in the order HR gives them. The text is stored as written;
//! the interface renders it without raw HTML, so a `<script>` typed into a
//! lesson shows as text.

use crate::common::{Violation, WholeRange};
use crate::member::LocalizedText;
use crate::training::course::CourseId;
use crate::training::fields::{check_link, check_text, MAX_BODY, MAX_TITLE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LessonId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Video,
    Document,
}

/// A video or document a lesson points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    pub title: LocalizedText,
    pub url: String,
}

/// Where a lesson sits in its course, and how long it takes to read.
pub const POSITION: WholeRange = WholeRange::new(1, 1000);
pub const MINUTES: WholeRange = WholeRange::new(1, 600);
/// The most links a lesson may hold.
pub const MAX_LINKS: usize = 20;

/// What HR writes: the lesson without its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDraft {
    pub course: CourseId,
    /// Lessons are read in ascending position.
    pub position: u32,
    pub title: LocalizedText,
    /// Markdown.
    pub body: LocalizedText,
    #[serde(default)]
    pub links: Vec<Link>,
    pub minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: LessonId,
    #[serde(flatten)]
    pub draft: LessonDraft,
}

impl LessonDraft {
    /// Everything wrong with the draft, at its fields (the course is the
    /// use case's to find).
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        found.extend(POSITION.check("position", u64::from(self.position)));
        check_text(&mut found, "title", &self.title, MAX_TITLE);
        check_text(&mut found, "body", &self.body, MAX_BODY);
        found.extend(MINUTES.check("minutes", u64::from(self.minutes)));
        if self.links.len() > MAX_LINKS {
            found.push(Violation::out_of_range("links", 0, MAX_LINKS as u64));
        }
        for (i, link) in self.links.iter().enumerate() {
            check_text(&mut found, &format!("links[{i}].title"), &link.title, MAX_TITLE);
            check_link(&mut found, &format!("links[{i}].url"), &link.url);
        }
        found
    }
}

/// The lessons of `course`, in reading order (position, then id).
pub fn lessons_of(lessons: &[Lesson], course: CourseId) -> Vec<&Lesson> {
    let mut found: Vec<&Lesson> = lessons.iter().filter(|l| l.draft.course == course).collect();
    found.sort_by_key(|l| (l.draft.position, l.id));
    found
}
