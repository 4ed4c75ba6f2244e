//! The names of departments and sites, for the groups of the results, the
//! recipients of conversations and a survey's audience.
//!
//! The portal's calls do not list the company's departments and sites, so
//! for now the names come from the member's own profile (their department
//! and site, which is all a manager's results are about); any other group
//! is named by its number. A portal call listing them all would replace
//! [`load`], and nothing else.

use crate::api::{use_api, Backend};
use domain::{DepartmentId, LocalizedText, SiteId};
use leptos::prelude::*;
use std::rc::Rc;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    pub departments: Vec<(DepartmentId, LocalizedText)>,
    pub sites: Vec<(SiteId, LocalizedText)>,
}

impl Directory {
    pub fn department(&self, id: DepartmentId) -> Option<&LocalizedText> {
        self.departments.iter().find(|(d, _)| *d == id).map(|(_, name)| name)
    }

    pub fn site(&self, id: SiteId) -> Option<&LocalizedText> {
        self.sites.iter().find(|(s, _)| *s == id).map(|(_, name)| name)
    }
}

/// The names known, as a page loads them; it never fails: without names,
/// groups go by number.
pub fn directory_resource() -> LocalResource<Directory> {
    let backend = use_api();
    LocalResource::new(move || load(backend.clone()))
}

/// The names, as a signal for views drawn before or after they arrive.
pub fn directory_signal(resource: LocalResource<Directory>) -> Signal<Directory> {
    Signal::derive(move || resource.get().unwrap_or_default())
}

pub async fn load(backend: Rc<dyn Backend>) -> Directory {
    match backend.profile().await {
        Ok(profile) => Directory { departments: vec![(profile.department.id, profile.department.name)], sites: vec![(profile.site.id, profile.site.name)] },
        Err(_) => Directory::default(),
    }
}
