use super::form::{whole, Input, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{Key, Tr};
use crate::portals::training::labels::{from_input, to_input};
use crate::portals::training::{now, training_resource, use_training};
use domain::common::{Rule, Violation, WholeRange};
use domain::training::course::CourseId;
use domain::training::session::{Session, SessionDraft, SessionId, CAPACITY};
use domain::{SiteId, Timestamp};
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates or edits a classroom session: when, where, how many seats, and
/// until when members may cancel; its audience is kept as it is.
#[component]
pub fn SessionEditor(course: CourseId, id: Option<SessionId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let sessions = api.hr_catalogue().await?.courses.into_iter().find(|c| c.course.id == course).ok_or(ApiError::NotFound)?.sessions;
        match id {
            Some(id) => Ok(Some(sessions.into_iter().find(|s| s.id == id).ok_or(ApiError::NotFound)?)),
            None => Ok(None),
        }
    });
    // Set once a new session is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditSession } else { Key::TrainingHrNewSession });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |session| view! { <SessionForm course session id=saved/> }/>
        </TrainingHrFrame>
    }
}

/// Site numbers as the company numbers its sites.
const SITE: WholeRange = WholeRange::new(1, 1000);

const FIELDS: [(&str, &str, Key); 6] = [
    ("starts", "session-starts", Key::TrainingHrStarts),
    ("ends", "session-ends", Key::TrainingHrEnds),
    ("cancel_until", "session-cancel-until", Key::TrainingHrCancelUntil),
    ("site", "session-site", Key::TrainingHrSite),
    ("room", "session-room", Key::TrainingHrRoom),
    ("capacity", "session-capacity", Key::TrainingHrCapacity),
];

/// A time typed in a `datetime-local` field, or `required`.
fn time(field: &str, typed: RwSignal<String>, violations: &mut Vec<Violation>) -> Timestamp {
    from_input(&typed.get_untracked()).unwrap_or_else(|| {
        violations.push(Violation::new(field, Rule::Required, None));
        now()
    })
}

#[component]
fn SessionForm(course: CourseId, session: Option<Session>, id: RwSignal<Option<SessionId>>) -> impl IntoView {
    let api = use_training();
    let draft = session.map(|s| s.draft);
    let week = now().date().plus_days(7);
    let at = |hour: u8| format!("{week}T{hour:02}:00");
    let text = |read: fn(&SessionDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, read));
    let starts = text(|d| to_input(d.starts), at(8));
    let ends = text(|d| to_input(d.ends), at(16));
    let cancel_until = text(|d| to_input(d.cancel_until), format!("{}T17:00", week.plus_days(-2)));
    let site = text(|d| d.site.0.to_string(), "1".to_owned());
    let room = text(|d| d.room.clone(), String::new());
    let capacity = text(|d| d.capacity.to_string(), "12".to_owned());
    let audience = draft.map(|d| d.audience).unwrap_or_default();
    let saving = Saving::new(
        move |draft: SessionDraft| {
            let api = api.clone();
            async move { api.save_session(id.get_untracked(), &draft).await }
        },
        move |saved: &Session| {
            let new = id.get_untracked().is_none();
            id.set(Some(saved.id));
            new.then(|| format!("/hr/training/courses/{}/sessions/{}", course.0, saved.id.0))
        },
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut violations = Vec::new();
        let (starts, ends, cancel_until) =
            (time("starts", starts, &mut violations), time("ends", ends, &mut violations), time("cancel_until", cancel_until, &mut violations));
        let mut number = |field, value: RwSignal<String>, range: WholeRange| {
            whole(field, &value.get_untracked(), range).map_err(|v| violations.push(v)).unwrap_or(range.min as u32)
        };
        let (site, capacity) = (number("site", site, SITE), number("capacity", capacity, CAPACITY));
        let draft = SessionDraft { course, site: SiteId(site), room: room.get_untracked(), starts, ends, capacity, cancel_until, audience: audience.clone() };
        if violations.is_empty() {
            violations = draft.violations();
        }
        saving.submit(violations, draft);
    };
    let fields = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-session-form">
            <Summary saving fields/>
            <Input id="session-starts".into() label=Key::TrainingHrStarts value=starts errors=saving.at("starts") kind="datetime-local"/>
            <Input id="session-ends".into() label=Key::TrainingHrEnds value=ends errors=saving.at("ends") kind="datetime-local"/>
            <Input id="session-cancel-until".into() label=Key::TrainingHrCancelUntil value=cancel_until errors=saving.at("cancel_until") kind="datetime-local"/>
            <Input id="session-site".into() label=Key::TrainingHrSite value=site errors=saving.at("site") numeric=true hint=Key::TrainingHrSiteHint/>
            <Input id="session-room".into() label=Key::TrainingHrRoom value=room errors=saving.at("room")/>
            <Input id="session-capacity".into() label=Key::TrainingHrCapacity value=capacity errors=saving.at("capacity") numeric=true/>
            <SaveButton saving/>
        </form>
    }
}
