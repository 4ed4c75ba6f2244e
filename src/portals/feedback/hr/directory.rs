//! The names of departments and sites, for the groups of the results, the
//! recipients of conversations and a survey's audience.

use crate::portals::feedback::api::{use_feedback, FeedbackApi};
pub use domain::company::Directory;
use leptos::prelude::*;
use std::rc::Rc;

/// The names, as a page loads them; it never fails: without names (a
/// failed call), groups go by number and the page still works.
pub fn directory_resource() -> LocalResource<Directory> {
    let api = use_feedback();
    LocalResource::new(move || load(api.clone()))
}

/// The names, as a signal for views drawn before or after they arrive.
pub fn directory_signal(resource: LocalResource<Directory>) -> Signal<Directory> {
    Signal::derive(move || resource.get().unwrap_or_default())
}

pub async fn load(api: Rc<dyn FeedbackApi>) -> Directory {
    api.directory().await.unwrap_or_default()
}
