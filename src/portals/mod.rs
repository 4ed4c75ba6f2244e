//! The portals: one folder each, one entry each in [`PORTALS`]. The shell (navigation, router, prefetching,
//! per-member state, the storage notice) learns about portals only from
//! this module. Recipe: `docs/adding-a-portal.md`.

pub mod benefits;
pub mod feedback;
pub mod hr_frame;
pub mod lazy;
pub mod store;
pub mod training;

use crate::i18n::Key;
use domain::MemberId;
use leptos::prelude::*;

/// Every portal, in navigation order.
pub const PORTALS: &[Portal] = &[store::PORTAL, benefits::PORTAL, feedback::PORTAL, training::PORTAL];

/// Who sees a portal in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeenBy {
    /// Every signed-in member.
    Members,
    /// HR only (after the HR entry).
    Hr,
}

/// What the shell knows of a portal.
pub struct Portal {
    /// Also the name of its wasm module (`*-split_<name>.wasm`) and of its demo storage key.
    pub name: &'static str,
    /// The navigation entry: an icon of `components::Icon` and a label.
    pub icon: &'static str,
    pub label: Key,
    /// The app paths its pages live under; navigation leads to the first.
    pub paths: &'static [&'static str],
    /// Pages anyone may open, signed out too (Training's `/verify`): drawn
    /// without the shell for those not signed in.
    pub public_paths: &'static [&'static str],
    pub seen_by: SeenBy,
    /// Fetches its module in the background, once.
    pub prefetch: fn(),
    /// Sets up what lives as long as a member is signed in (the store's
    /// cart), in context; it must not read storage (that loads with the module).
    pub signed_in: fn(MemberId),
    /// HR's pages for running it: listed on the HR page, and as the tabs
    /// of each of them ([`hr_frame::HrFrame`]).
    pub hr_pages: &'static [HrPage],
    /// Its card on the home page (drawn by its module), if it has one.
    pub home_card: Option<fn() -> AnyView>,
    /// The page at the current path, under one of `paths`: drawn by its
    /// module, which tells its pages apart ([`PageAtPath`]).
    pub page: fn() -> AnyView,
}

/// One of HR's pages for running a portal.
pub struct HrPage {
    /// An app path, under one of the portal's `paths`.
    pub path: &'static str,
    /// Its tab and link text.
    pub label: Key,
    /// A sentence on what HR does there, under the link on the HR page.
    pub summary: Key,
}

impl Portal {
    /// Where its navigation entry leads.
    pub fn home(&self) -> &'static str {
        self.paths[0]
    }

    /// Whether `page` (an app-relative path) is one of this portal's.
    pub fn owns(&self, page: &str) -> bool {
        self.paths.iter().chain(self.public_paths).any(|root| within(page, root))
    }

    /// Whether `page` is one anyone may open, signed in or not.
    pub fn is_public(&self, page: &str) -> bool {
        self.public_paths.iter().any(|root| within(page, root))
    }
}

impl HrPage {
    /// Whether its tab is current only on this very path: when another of
    /// the portal's HR pages lives under it.
    pub fn exact_in(&self, pages: &[HrPage]) -> bool {
        pages.iter().any(|other| other.path != self.path && within(other.path, self.path))
    }
}

/// Whether `page` is `root` or a path under it.
fn within(page: &str, root: &str) -> bool {
    page.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The page of whichever portal owns the current path, for the router's
/// one route for all portals: each route the router knows adds matching
/// code to the first load (a route per page cost Benefits 0.5 KB brotli).
#[component]
pub fn PortalPage() -> impl IntoView {
    let path = app_path();
    let owner = Memo::new(move |_| owning(&path.read()).map(|portal| portal.page));
    move || match owner.get() {
        Some(page) => page(),
        None => not_found(),
    }
}

/// The page for a path no page lives at.
pub fn not_found() -> AnyView {
    view! { <crate::pages::NotFound/> }.into_any()
}

/// A portal's page at the current path, drawn again when the path changes;
/// `page_at` (in the portal's module) tells its pages apart by the path's
/// segments, with `NotFound` for any it does not know.
#[component]
pub fn PageAtPath(page_at: fn(&[&str]) -> AnyView) -> impl IntoView {
    let path = app_path();
    move || {
        let path = path.get();
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        page_at(&segments)
    }
}

/// The current path within the app (without the base it is served under).
fn app_path() -> Memo<String> {
    let location = leptos_router::hooks::use_location();
    let base = crate::browser::base_path();
    Memo::new(move |_| {
        let full = location.pathname.get();
        full.strip_prefix(base.as_str()).filter(|page| page.starts_with('/')).unwrap_or(&full).to_owned()
    })
}

/// The portal `page` (an app-relative path) belongs to.
pub fn owning(page: &str) -> Option<&'static Portal> {
    PORTALS.iter().find(|portal| portal.owns(page))
}

/// The portals a member sees, for navigation and prefetching.
pub fn seen_by(hr: bool) -> impl Iterator<Item = &'static Portal> {
    PORTALS.iter().filter(move |portal| portal.seen_by == SeenBy::Members || hr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_pages_are_told_from_others() {
        for page in ["/store", "/store/cart", "/store/products/3", "/hr/store", "/hr/store/allowance"] {
            assert_eq!(owning(page).map(|portal| portal.name), Some("store"), "{page}");
        }
        for page in ["/", "/profile", "/hr", "/storefront", "/hr/stores"] {
            assert!(owning(page).is_none(), "{page}");
        }
    }

    #[test]
    fn every_hr_page_belongs_to_its_portal_and_only_a_parent_tab_is_exact() {
        for portal in PORTALS {
            for page in portal.hr_pages {
                assert_eq!(owning(page.path).map(|p| p.name), Some(portal.name), "{}", page.path);
            }
        }
        let pages = store::PORTAL.hr_pages;
        let exact: Vec<_> = pages.iter().filter(|page| page.exact_in(pages)).map(|page| page.path).collect();
        assert_eq!(exact, ["/hr/store"]);
    }

    /// `web/boot.js` finds the module of a directly linked page by this rule,
    /// before the app runs.
    #[test]
    fn a_portal_named_x_lives_at_x_and_hr_x() {
        for portal in PORTALS {
            let allowed = [format!("/{}", portal.name), format!("/hr/{}", portal.name)];
            for path in portal.paths {
                assert!(allowed.iter().any(|a| a == path), "{}: {path} is neither {allowed:?}", portal.name);
            }
        }
    }

    #[test]
    fn only_verification_opens_signed_out() {
        let public: Vec<_> = ["/verify", "/verify/ABCD-EFGH-JKMN", "/training", "/store", "/verified"]
            .into_iter()
            .filter(|page| owning(page).is_some_and(|portal| portal.is_public(page)))
            .collect();
        assert_eq!(public, ["/verify", "/verify/ABCD-EFGH-JKMN"]);
    }

    #[test]
    fn portals_have_distinct_names_and_paths() {
        for (i, portal) in PORTALS.iter().enumerate() {
            assert!(!portal.paths.is_empty(), "{}", portal.name);
            for other in &PORTALS[i + 1..] {
                assert_ne!(portal.name, other.name);
                assert!(portal.paths.iter().all(|path| !other.owns(path)), "{} and {} share a path", portal.name, other.name);
            }
        }
    }
}
