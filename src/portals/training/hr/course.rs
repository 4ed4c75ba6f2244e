use super::form::{whole, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{from_wire_name, wire_name, AudienceChoice, AudienceEditor, Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{format_key, topic_key, FORMATS};
use crate::portals::training::{training_resource, use_training};
use domain::company::Directory;
use domain::training::course::{Course, CourseDraft, CourseId, Format, Topic, RENEWAL_MONTHS};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates (`/hr/training/courses/new`) or edits a course, and whom it is for.
#[component]
pub fn CourseEditor(id: Option<CourseId>) -> impl IntoView {
    let course = training_resource(move |api| async move {
        let catalogue = api.hr_catalogue().await?;
        let course = match id {
            Some(id) => Some(catalogue.courses.into_iter().find(|c| c.course.id == id).ok_or(ApiError::NotFound)?.course),
            None => None,
        };
        Ok((course, catalogue.directory))
    });
    // Set once a new course is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditCourse } else { Key::TrainingHrNewCourse });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=course skeleton_lines=10 render=move |(course, directory)| view! { <CourseForm course directory id=saved/> }/>
        </TrainingHrFrame>
    }
}

const FIELDS: [(&str, &str, Key); 6] = [
    ("title.vi", "course-title-vi", Key::TrainingHrTitleVi),
    ("title.en", "course-title-en", Key::TrainingHrTitleEn),
    ("summary.vi", "course-summary-vi", Key::TrainingHrSummaryVi),
    ("summary.en", "course-summary-en", Key::TrainingHrSummaryEn),
    ("topic", "course-topic", Key::TrainingTopic),
    ("renewal_months", "course-renewal", Key::TrainingHrRenewal),
];

#[component]
fn CourseForm(course: Option<Course>, directory: Directory, id: RwSignal<Option<CourseId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let draft = course.map(|c| c.draft);
    let text = |read: fn(&CourseDraft) -> String| RwSignal::new(draft.as_ref().map(read).unwrap_or_default());
    let (title_vi, title_en) = (text(|d| d.title.vi.clone()), text(|d| d.title.en.clone()));
    let (summary_vi, summary_en) = (text(|d| d.summary.vi.clone()), text(|d| d.summary.en.clone()));
    let renewal = text(|d| d.renewal_months.map(|m| m.to_string()).unwrap_or_default());
    let topic = RwSignal::new(draft.as_ref().map_or(Topic::Onboarding, |d| d.topic));
    let format = RwSignal::new(draft.as_ref().map_or(Format::SelfPaced, |d| d.format));
    let audience = AudienceChoice::new(&draft.map(|d| d.audience).unwrap_or_default());
    let saving = Saving::new(
        move |draft: CourseDraft| {
            let api = api.clone();
            async move { api.save_course(id.get_untracked(), &draft).await }
        },
        move |saved: &Course| {
            let new = id.get_untracked().is_none();
            id.set(Some(saved.id));
            new.then(|| format!("/hr/training/courses/{}", saved.id.0))
        },
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = renewal.get_untracked();
        let (renewal_months, mut violations) = match typed.trim() {
            "" => (None, vec![]),
            typed => match whole("renewal_months", typed, RENEWAL_MONTHS) {
                Ok(months) => (Some(months), vec![]),
                Err(v) => (None, vec![v]),
            },
        };
        let draft = CourseDraft {
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            summary: LocalizedText { vi: summary_vi.get_untracked(), en: summary_en.get_untracked() },
            topic: topic.get_untracked(),
            format: format.get_untracked(),
            audience: audience.audience(),
            renewal_months,
        };
        violations.extend(draft.violations().into_iter().filter(|v| v.field != "renewal_months" || renewal_months.is_some()));
        saving.submit(violations, draft);
    };
    let fields = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-course-form">
            <Summary saving fields/>
            <TextField id="course-title-vi".into() label=Key::TrainingHrTitleVi value=title_vi errors=saving.at("title.vi")/>
            <TextField id="course-title-en".into() label=Key::TrainingHrTitleEn value=title_en errors=saving.at("title.en")/>
            <TextField id="course-summary-vi".into() label=Key::TrainingHrSummaryVi value=summary_vi errors=saving.at("summary.vi") kind="textarea"/>
            <TextField id="course-summary-en".into() label=Key::TrainingHrSummaryEn value=summary_en errors=saving.at("summary.en") kind="textarea"/>
            <div class="field">
                <label for="course-topic"><Tr key=Key::TrainingTopic/></label>
                <select id="course-topic" on:change=move |ev| { if let Some(t) = from_wire_name(&event_target_value(&ev)) { topic.set(t) } }>
                    {Topic::ALL.into_iter().map(|t| view! { <option value=wire_name(&t) selected=move || topic.get() == t>{move || i18n.t(topic_key(t))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="course-format"><Tr key=Key::TrainingFormat/></label>
                <select id="course-format" on:change=move |ev| { if let Some(f) = from_wire_name(&event_target_value(&ev)) { format.set(f) } }>
                    {FORMATS.into_iter().map(|f| view! { <option value=wire_name(&f) selected=move || format.get() == f>{move || i18n.t(format_key(f))}</option> }).collect_view()}
                </select>
            </div>
            <TextField id="course-renewal".into() label=Key::TrainingHrRenewal value=renewal errors=saving.at("renewal_months") numeric=true hint=Key::TrainingHrRenewalHint/>
            <AudienceEditor legend=Key::TrainingHrCourseAudience choice=audience directory/>
            <SaveButton saving/>
        </form>
    }
}
