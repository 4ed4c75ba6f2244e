use super::FeedbackHrFrame;
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::api::{feedback_resource, use_feedback};
use domain::common::{FieldError, WholeRange};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::MIN_THRESHOLD;
use leptos::prelude::*;

/// What a number field may hold when typed; the rules
/// (`FeedbackSettings::violations`) then judge what was read.
const MIN_MEMBERS: WholeRange = WholeRange::new(MIN_THRESHOLD as u64, 1000);
const MONTHLY: WholeRange = WholeRange::new(1, 100);

/// The form's fields: name, input id, label, hint, range.
const FIELDS: [(&str, &str, Key, Key, WholeRange); 2] = [
    ("min_department_members", "settings-min-department", Key::FeedbackHrSettingsMinDepartment, Key::FeedbackHrSettingsMinDepartmentHint, MIN_MEMBERS),
    ("monthly_messages", "settings-monthly", Key::FeedbackHrSettingsMonthly, Key::FeedbackHrSettingsMonthlyHint, MONTHLY),
];

/// HR's company-wide settings: how large a department must be to be
/// written to directly, and how many anonymous messages a member may send
/// in a month.
#[component]
pub fn Settings() -> impl IntoView {
    let settings = feedback_resource(|api| async move { api.settings().await });
    view! {
        <FeedbackHrFrame title=Key::FeedbackHrSettingsTitle>
            <Loadable resource=settings skeleton_lines=4 render=|settings| view! { <SettingsForm settings/> }/>
        </FeedbackHrFrame>
    }
}

#[component]
fn SettingsForm(settings: FeedbackSettings) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let typed = [RwSignal::new(settings.min_department_members.to_string()), RwSignal::new(settings.monthly_messages.to_string())];
    let save = Action::new_local(move |settings: &FeedbackSettings| {
        let (api, settings) = (api.clone(), *settings);
        async move { api.save_settings(&settings).await }
    });
    let failure = move || save.value().get().and_then(Result::err);
    let found = RwSignal::new(Vec::<FieldError>::new());
    let summary_target = Callback::new(move |field: String| {
        FIELDS.iter().find(|(name, ..)| *name == field).map(|&(_, id, label, ..)| FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() })
    });
    let submit = move || {
        let read: Vec<_> = FIELDS.iter().zip(typed).map(|((field, .., range), value)| range.read(field, &value.get_untracked())).collect();
        let unreadable: Vec<FieldError> = read.iter().filter_map(|r| r.as_ref().err()).cloned().map(FieldError::from).collect();
        let number = |i: usize| read[i].as_ref().map_or(0, |n| *n as u32);
        let settings = FeedbackSettings { min_department_members: number(0), monthly_messages: number(1) };
        // A field that could not be read is named once, with its own error.
        let rules = settings.violations().into_iter().filter(|v| read.iter().all(|r| r.as_ref().err().is_none_or(|u| u.field != v.field)));
        let broken: Vec<FieldError> = unreadable.into_iter().chain(rules.map(FieldError::from)).collect();
        let acceptable = broken.is_empty();
        found.set(broken);
        if acceptable {
            save.dispatch(settings);
        }
    };
    view! {
        <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target=summary_target/>
            {FIELDS.into_iter().zip(typed).map(|((field, id, label, hint, _), value)| {
                let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
                let errors = Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
                view! {
                    <div class="field">
                        <label for=id><Tr key=label/></label>
                        <p class="muted" id=hint_id.clone()><Tr key=hint/></p>
                        <input id=id type="text" inputmode="numeric" aria-describedby=format!("{hint_id} {error_id}")
                            aria-invalid=move || (!errors.read().is_empty()).to_string()
                            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                        <FieldMessages errors id=error_id/>
                    </div>
                }
            }).collect_view()}
            {move || failure().map(|error| view! { <ActionError error kept=Key::FormKept retry=Callback::new(move |_| submit())/> })}
            <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::FeedbackHrSettingsSave/></button>
            <p role="status" class="muted">{move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::FeedbackHrSaved))}</p>
        </form>
    }
}
