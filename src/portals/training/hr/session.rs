use super::form::{whole, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{AudienceChoice, AudienceEditor, FieldMessages, Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{from_input, to_input};
use crate::portals::training::{now, training_resource, use_training};
use domain::common::{Rule, Violation};
use domain::company::Directory;
use domain::training::course::CourseId;
use domain::training::session::{Session, SessionDraft, SessionId, CAPACITY};
use domain::{SiteId, Timestamp};
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates or edits a classroom session: when, at which of the company's
/// sites and in which room, how many seats, until when members may
/// cancel, and who may take it (on top of the course's audience).
#[component]
pub fn SessionEditor(course: CourseId, id: Option<SessionId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let catalogue = api.hr_catalogue().await?;
        let sessions = catalogue.courses.into_iter().find(|c| c.course.id == course).ok_or(ApiError::NotFound)?.sessions;
        let session = match id {
            Some(id) => Some(sessions.into_iter().find(|s| s.id == id).ok_or(ApiError::NotFound)?),
            None => None,
        };
        Ok((session, catalogue.directory))
    });
    // Set once a new session is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditSession } else { Key::TrainingHrNewSession });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |(session, directory)| view! { <SessionForm course session directory id=saved/> }/>
        </TrainingHrFrame>
    }
}

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
fn SessionForm(course: CourseId, session: Option<Session>, directory: Directory, id: RwSignal<Option<SessionId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let draft = session.map(|s| s.draft);
    let week = now().date().plus_days(7);
    let at = |hour: u8| format!("{week}T{hour:02}:00");
    let text = |read: fn(&SessionDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, read));
    let starts = text(|d| to_input(d.starts), at(8));
    let ends = text(|d| to_input(d.ends), at(16));
    let cancel_until = text(|d| to_input(d.cancel_until), format!("{}T17:00", week.plus_days(-2)));
    // A new session is at the company's first site until HR chooses.
    let site = RwSignal::new(draft.as_ref().map(|d| d.site).or(directory.sites.first().map(|s| s.id)).unwrap_or(SiteId(0)));
    let room = text(|d| d.room.clone(), String::new());
    let capacity = text(|d| d.capacity.to_string(), "12".to_owned());
    let audience = AudienceChoice::new(&draft.map(|d| d.audience).unwrap_or_default());
    let sites = directory.sites.clone();
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
        let capacity = whole("capacity", &capacity.get_untracked(), CAPACITY).map_err(|v| violations.push(v)).unwrap_or(CAPACITY.min as u32);
        let draft = SessionDraft {
            course,
            site: site.get_untracked(),
            room: room.get_untracked(),
            starts,
            ends,
            capacity,
            cancel_until,
            audience: audience.audience(),
        };
        if violations.is_empty() {
            violations = draft.violations();
        }
        saving.submit(violations, draft);
    };
    let fields = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-session-form">
            <Summary saving fields/>
            <TextField id="session-starts".into() label=Key::TrainingHrStarts value=starts errors=saving.at("starts") kind="datetime-local"/>
            <TextField id="session-ends".into() label=Key::TrainingHrEnds value=ends errors=saving.at("ends") kind="datetime-local"/>
            <TextField id="session-cancel-until".into() label=Key::TrainingHrCancelUntil value=cancel_until errors=saving.at("cancel_until") kind="datetime-local"/>
            <div class="field">
                <label for="session-site"><Tr key=Key::TrainingHrSite/></label>
                <select id="session-site" aria-describedby="session-site-error" on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() { site.set(SiteId(id)) }
                }>
                    {sites.into_iter().map(|s| {
                        let (id, name) = (s.id, s.name);
                        view! { <option value=id.0.to_string() selected=move || site.get() == id>{move || name.get(i18n.lang()).to_owned()}</option> }
                    }).collect_view()}
                </select>
                <FieldMessages errors=saving.at("site") id="session-site-error".to_owned()/>
            </div>
            <TextField id="session-room".into() label=Key::TrainingHrRoom value=room errors=saving.at("room")/>
            <TextField id="session-capacity".into() label=Key::TrainingHrCapacity value=capacity errors=saving.at("capacity") numeric=true/>
            <AudienceEditor legend=Key::TrainingHrSessionAudience choice=audience directory/>
            <SaveButton saving/>
        </form>
    }
}
