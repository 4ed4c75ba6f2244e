//! The app: language, configuration, backend, session, router and shell.

use crate::api::config::{Config, ConfigError};
use crate::api::demo;
use crate::api::http::HttpBackend;
use crate::api::{Api, ApiError, Chosen};
use crate::browser;
use crate::components::{Icon, LanguageSwitcher, NoticeBanner, PlainHeader, Skeleton, StatusMessage};
use crate::i18n::{I18n, Key, Tr};
use crate::pages::{ConfigErrorPage, Home, HrOverview, NotFound, ProfilePage, SignIn};
use crate::portals::{self, Portal, PortalPage, SeenBy};
use crate::session::{Session, SessionState};
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use std::rc::Rc;
use web_sys::RequestCache;

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    // A link straight to a portal's page: fetch its module while the
    // configuration and the session load, not after.
    let opening = web_sys::window().and_then(|w| w.location().pathname().ok()).and_then(|path| page_within_app(&path));
    if let Some(portal) = opening.as_deref().and_then(portals::owning) {
        (portal.prefetch)();
    }
    let chosen = LocalResource::new(choose_backend);
    view! {
        <Suspense fallback=|| view! { <Splash/> }>
            {move || Suspend::new(async move {
                match chosen.await {
                    Ok(chosen) => view! { <Configured chosen/> }.into_any(),
                    Err(StartError::Config(error)) => view! { <ConfigErrorPage error/> }.into_any(),
                    Err(StartError::DemoDownload) => view! { <DemoDownloadFailed/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Why the app could not start.
#[derive(Clone, Debug)]
enum StartError {
    Config(ConfigError),
    /// The demo backend's module did not arrive.
    DemoDownload,
}

/// The backend `config.json` names, ready to use. The demo backend is a
/// module of its own, fetched only when it is the one named.
async fn choose_backend() -> Result<Chosen, StartError> {
    Ok(match load_config().await.map_err(StartError::Config)? {
        Config::Demo {} => Chosen::Demo(demo::start(Rc::new(browser::BrowserClock)).await.map_err(|_| StartError::DemoDownload)?),
        Config::Http { base_url, email_domain } => Chosen::Http(Rc::new(HttpBackend::new(&base_url).with_email_domain(email_domain))),
    })
}

/// The demo's module could not be downloaded: say so, offer a reload.
#[component]
fn DemoDownloadFailed() -> impl IntoView {
    view! {
        <div class="sign-in-layout">
            <PlainHeader/>
            <main class="page narrow" id="main">
                <StatusMessage title=Key::ErrorPortalDownload page=true>
                    <a class="button" href=""><Tr key=Key::ActionReload/></a>
                </StatusMessage>
            </main>
        </div>
    }
}

/// Reads `config.json` next to `index.html`, never from the cache, so an
/// operator's edit applies on the next load. The boot script (`web/boot.js`)
/// has usually fetched it already, while this module downloaded.
async fn load_config() -> Result<Config, ConfigError> {
    let unreachable = ConfigError::Unreachable { status: 0 };
    let response = match browser::started_fetch("noiboConfig") {
        Some(started) => started.await.map_err(|_| unreachable)?,
        None => Request::get("config.json").cache(RequestCache::NoCache).send().await.map_err(|_| unreachable)?,
    };
    if !response.ok() {
        return Err(ConfigError::Unreachable { status: response.status() });
    }
    let text = response.text().await.map_err(|_| ConfigError::Unreachable { status: response.status() })?;
    Config::parse(&text)
}

/// A quiet placeholder while the app starts: the same frame as the static
/// one in `index.html`, which it replaces, so nothing moves.
#[component]
fn Splash() -> impl IntoView {
    view! {
        <div class="boot">
            <header class="topbar plain">
                <span class="brand"><Icon name="leaf"/><Tr key=Key::AppName/></span>
            </header>
            <div class="splash">
                <Skeleton lines=3/>
            </div>
        </div>
    }
}

/// The app as `config.json` configured it: the backend in context, the
/// session, the routes.
#[component]
pub fn Configured(chosen: Chosen) -> impl IntoView {
    let api = Api::provide(chosen);
    Session::provide();
    view! {
        <Router base=browser::base_path()>
            // One at a time: dismissing one shows the next.
            {move || api.notice().map(|notice| view! { <NoticeBanner notice on_dismiss=move || api.dismiss(notice)/> })}
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/sign-in") view=SignIn/>
                <ParentRoute path=path!("") view=MemberArea>
                    <Route path=path!("") view=Home/>
                    <Route path=path!("profile") view=ProfilePage/>
                    <Route path=path!("hr") view=HrOverview/>
                    <Route path=path!("*any") view=PortalPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The signed-in part of the app: the shell around a page. Sends anyone
/// not signed in to sign-in, remembering where they wanted to go.
#[component]
fn MemberArea() -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    move || match session.state() {
        SessionState::Checking => view! { <Splash/> }.into_any(),
        SessionState::Unreachable(error) => view! { <SessionUnreachable error/> }.into_any(),
        SessionState::SignedOut { return_here } => {
            // Every path reaches here (portals share one route): an address no
            // page lives at says so at once rather than after signing in, and
            // its link home leads on to signing in (hence tracked).
            let page = page_within_app(&location.pathname.get());
            if page.as_deref().is_some_and(|page| portals::owning(page).is_some_and(|portal| portal.is_public(page))) {
                return view! { <PublicPage/> }.into_any();
            }
            if page.as_deref().is_some_and(|page| !SHELL_PAGES.contains(&page) && portals::owning(page).is_none()) {
                return view! { <NotFound/> }.into_any();
            }
            let next = return_here.then_some(page).flatten();
            let query = next.map(|path| format!("?next={}", js_sys::encode_uri_component(&path))).unwrap_or_default();
            view! { <Redirect path=format!("/sign-in{query}")/> }.into_any()
        }
        SessionState::SignedIn(member) => {
            for portal in portals::PORTALS {
                (portal.signed_in)(member.id);
            }
            view! { <Shell/> }.into_any()
        }
    }
}

/// A page anyone may open (a portal's `public_paths`), for someone not
/// signed in: without the member's navigation.
#[component]
fn PublicPage() -> impl IntoView {
    view! {
        <div class="sign-in-layout">
            <PlainHeader/>
            <main class="page narrow" id="main" tabindex="-1">
                <PortalPage/>
            </main>
        </div>
    }
}

/// The shell's own pages besides home, as its routes in [`Configured`] name them.
const SHELL_PAGES: [&str; 2] = ["/profile", "/hr"];

/// The app-relative path of a browser path (the router's paths include the
/// base the app is served under), or `None` for the home page.
fn page_within_app(pathname: &str) -> Option<String> {
    let page = pathname.strip_prefix(&browser::base_path()).unwrap_or(pathname);
    (!page.is_empty() && page != "/").then(|| page.to_owned())
}

/// The backend could not say who is signed in: say why, offer a retry.
#[component]
fn SessionUnreachable(error: ApiError) -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <main class="page narrow" id="main">
            <StatusMessage title=error.message_key() page=true>
                <button class="button" on:click=move |_| session.check()><Tr key=Key::ActionRetry/></button>
            </StatusMessage>
        </main>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let session = expect_context::<Session>();
    // Once the first page is up, so that a portal opens without waiting;
    // not sooner, or its download competes with the page being opened.
    Effect::new(move |_| {
        set_timeout(
            move || {
                for portal in portals::seen_by(session.is_hr()) {
                    (portal.prefetch)();
                }
            },
            PREFETCH_AFTER,
        );
    });
    follow_route_changes_with_focus();
    keep_current_nav_entry_in_view();
    // The router would treat "#main" as a navigation: focus the page instead.
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus_first("#main");
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip><Tr key=Key::NavSkip/></a>
        <div class="shell">
            <header class="topbar">
                <A href=browser::app_href("/") attr:class="brand">
                    <Icon name="leaf"/>
                    <span><Tr key=Key::AppName/></span>
                </A>
                <LanguageSwitcher/>
            </header>
            <nav class="nav" aria-label=move || i18n.t(Key::NavLabel)>
                <NavLink href="/" icon="home" label=Key::NavHome/>
                {portals::PORTALS.iter().filter(|portal| portal.seen_by == SeenBy::Members).map(portal_link).collect_view()}
                <NavLink href="/profile" icon="user" label=Key::NavProfile/>
                <Show when=move || session.is_hr()>
                    <NavLink href="/hr" icon="team" label=Key::NavHr exact=false/>
                    {portals::PORTALS.iter().filter(|portal| portal.seen_by == SeenBy::Hr).map(portal_link).collect_view()}
                </Show>
            </nav>
            <main class="page" id="main" tabindex="-1">
                <Outlet/>
            </main>
        </div>
    }
}

/// How long after the shell appears the portals the member sees are
/// fetched: the first page's own requests (its data, a directly linked
/// portal's module) go first.
pub(crate) const PREFETCH_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// After a route change, focus goes to the new page's `<h1>` once it is
/// drawn (its module or its data may still be loading), so that a screen
/// reader reads the new page and Tab starts there; unless the member has
/// moved focus meanwhile.
fn follow_route_changes_with_focus() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            focus_heading_when_drawn(browser::focused(), HEADING_WAIT);
        }
        path
    });
}

/// On a phone the tab bar scrolls sideways once its entries outgrow the
/// screen (HR's seven do at 360 px): after each route change, and on the
/// first page, the current entry is scrolled into the bar's view, so the
/// bar always shows where the member is.
fn keep_current_nav_entry_in_view() {
    let location = use_location();
    Effect::new(move || {
        location.pathname.track();
        request_animation_frame(|| browser::reveal_sideways(".nav", "[aria-current=\"page\"]"));
    });
}

/// How many times, 50 ms apart, to see to the new page's heading.
const HEADING_WAIT: u32 = 100;

/// Until the wait is over, or the member moves focus: focus goes to the
/// page's heading whenever it is not there. The old page's heading may be
/// the one found first and then removed, taking focus with it.
fn focus_heading_when_drawn(focused_before: Option<web_sys::Element>, tries: u32) {
    let now = browser::focused();
    let on_heading = now.as_ref().is_some_and(|el| el.matches("#main h1").unwrap_or(false));
    let moved_by_member = !on_heading && now.is_some_and(|el| Some(&el) != focused_before.as_ref() && el.is_connected());
    if moved_by_member || tries == 0 {
        return;
    }
    if !on_heading {
        browser::focus_first("#main h1");
    }
    set_timeout(move || focus_heading_when_drawn(focused_before, tries - 1), std::time::Duration::from_millis(50));
}

/// A portal's navigation entry.
fn portal_link(portal: &'static Portal) -> impl IntoView {
    view! { <NavLink href=portal.home() icon=portal.icon label=portal.label exact=false/> }
}

/// One navigation entry; the router marks the current one `aria-current`.
#[component]
fn NavLink(
    href: &'static str,
    icon: &'static str,
    label: Key,
    /// Whether only this very page marks the entry current, not pages under it.
    #[prop(default = true)]
    exact: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <A href=browser::app_href(href) exact attr:class="nav-link">
            <Icon name=icon/>
            <span>{move || i18n.t(label)}</span>
        </A>
    }
}
