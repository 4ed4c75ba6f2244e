use super::form::{SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::{app_href, focus_first};
use crate::components::{AudienceChoice, AudienceEditor, FieldMessages, Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::common::FieldError;
use domain::company::Directory;
use domain::training::course::CourseId;
use domain::training::path::{LearningPath, PathDraft, PathId};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates (`/hr/training/paths/new`) or edits a learning path: its title
/// and summary, its courses in order, whether that order is kept, and whom
/// it is for.
#[component]
pub fn PathEditor(id: Option<PathId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let catalogue = api.hr_catalogue().await?;
        let path = match id {
            Some(id) => Some(catalogue.paths.into_iter().find(|p| p.id == id).ok_or(ApiError::NotFound)?),
            None => None,
        };
        let courses = catalogue.courses.into_iter().map(|c| (c.course.id, c.course.draft.title)).collect();
        Ok((path, courses, catalogue.directory))
    });
    // Set once a new path is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditPath } else { Key::TrainingHrNewPath });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=12 render=move |(path, courses, directory)| view! { <PathForm path courses directory id=saved/> }/>
        </TrainingHrFrame>
    }
}

const FIELDS: [(&str, &str, Key); 5] = [
    ("title.vi", "path-title-vi", Key::TrainingHrTitleVi),
    ("title.en", "path-title-en", Key::TrainingHrTitleEn),
    ("summary.vi", "path-summary-vi", Key::TrainingHrSummaryVi),
    ("summary.en", "path-summary-en", Key::TrainingHrSummaryEn),
    ("courses", "path-add-course", Key::TrainingHrPathCourseList),
];

#[component]
fn PathForm(path: Option<LearningPath>, courses: Vec<(CourseId, LocalizedText)>, directory: Directory, id: RwSignal<Option<PathId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let draft = path.map(|p| p.draft);
    let text = |read: fn(&PathDraft) -> String| RwSignal::new(draft.as_ref().map(read).unwrap_or_default());
    let (title_vi, title_en) = (text(|d| d.title.vi.clone()), text(|d| d.title.en.clone()));
    let (summary_vi, summary_en) = (text(|d| d.summary.vi.clone()), text(|d| d.summary.en.clone()));
    let chosen = RwSignal::new(draft.as_ref().map(|d| d.courses.clone()).unwrap_or_default());
    let enforce_order = RwSignal::new(draft.as_ref().is_none_or(|d| d.enforce_order));
    let audience = AudienceChoice::new(&draft.map(|d| d.audience).unwrap_or_default());
    let titles = StoredValue::new(courses);
    let name = move |course: CourseId| {
        titles.with_value(|all| all.iter().find(|(id, _)| *id == course).map(|(_, t)| t.get(i18n.lang()).to_owned())).unwrap_or_else(|| course.0.to_string())
    };
    // The course the "add" list offers: the first not on the path yet.
    let to_add = RwSignal::new(None::<CourseId>);
    let announce = RwSignal::new(String::new());
    let saving = Saving::new(
        move |draft: PathDraft| {
            let api = api.clone();
            async move { api.save_path(id.get_untracked(), &draft).await }
        },
        move |saved: &LearningPath| {
            let new = id.get_untracked().is_none();
            id.set(Some(saved.id));
            new.then(|| format!("/hr/training/paths/{}", saved.id.0))
        },
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PathDraft {
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            summary: LocalizedText { vi: summary_vi.get_untracked(), en: summary_en.get_untracked() },
            audience: audience.audience(),
            courses: chosen.get_untracked(),
            enforce_order: enforce_order.get_untracked(),
        };
        let known = |course: CourseId| titles.with_value(|all| all.iter().any(|(id, _)| *id == course));
        // The rules give the number of courses as a range of numbers, which
        // the form has no field to type in: it says how many to add.
        let found = draft
            .violations(known)
            .into_iter()
            .map(FieldError::from)
            .map(|mut error| {
                if error.field == "courses" {
                    let (min, limit) = (error.min.unwrap_or(1).to_string(), error.limit.unwrap_or_default().to_string());
                    error.message = i18n.fill(Key::TrainingHrPathCoursesCount, &[("min", &min), ("limit", &limit)]);
                    error.rule = None;
                }
                error
            })
            .collect();
        saving.submit_found(found, draft);
    };
    let remaining = move || titles.with_value(|all| all.iter().map(|(id, _)| *id).filter(|id| !chosen.read().contains(id)).collect::<Vec<_>>());
    let add = move |_| {
        let Some(course) = to_add.get_untracked().or_else(|| remaining().first().copied()) else { return };
        chosen.update(|c| c.push(course));
        to_add.set(None);
        announce.set(i18n.fill(Key::TrainingHrPathCourseAdded, &[("course", &name(course))]));
        // The list to add from is drawn afresh (without the course added),
        // or gone with the last course.
        request_animation_frame(|| {
            let _ = focus_first("#path-add-course") || focus_first("#path-enforce-order");
        });
    };
    // Each course's fields are told apart by their position when sent.
    let fields = move || {
        let mut fields: Vec<(String, String, Key)> = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
        for (i, course) in chosen.get_untracked().iter().enumerate() {
            fields.push((format!("courses[{i}]"), format!("path-course-{}-up", course.0), Key::TrainingHrPathCourseList));
        }
        fields
    };
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-path-form">
            {move || view! { <Summary saving fields=fields()/> }}
            <TextField id="path-title-vi".into() label=Key::TrainingHrTitleVi value=title_vi errors=saving.at("title.vi")/>
            <TextField id="path-title-en".into() label=Key::TrainingHrTitleEn value=title_en errors=saving.at("title.en")/>
            <TextField id="path-summary-vi".into() label=Key::TrainingHrSummaryVi value=summary_vi errors=saving.at("summary.vi") kind="textarea"/>
            <TextField id="path-summary-en".into() label=Key::TrainingHrSummaryEn value=summary_en errors=saving.at("summary.en") kind="textarea"/>
            <fieldset class="stack">
                <legend><Tr key=Key::TrainingHrPathCourseList/></legend>
                <FieldMessages errors=saving.at("courses") id="path-courses-error".to_owned()/>
                <ol class="stack path-courses" data-testid="training-path-courses">
                    <For each=move || chosen.get() key=|course| *course let:course>
                        <PathCourse course chosen name announce errors=saving.all()/>
                    </For>
                </ol>
                {move || (!remaining().is_empty()).then(|| view! {
                    <div class="field">
                        <label for="path-course-choice"><Tr key=Key::TrainingHrPathCourseToAdd/></label>
                        <select id="path-course-choice" on:change=move |ev| to_add.set(event_target_value(&ev).parse().ok().map(CourseId))>
                            {remaining().into_iter().map(|course| view! {
                                <option value=course.0.to_string() selected=move || to_add.get() == Some(course)>{move || name(course)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <p><button type="button" class="button secondary" id="path-add-course" on:click=add><Tr key=Key::TrainingHrPathAddCourse/></button></p>
                })}
            </fieldset>
            <label class="check">
                <input type="checkbox" id="path-enforce-order" prop:checked=move || enforce_order.get() on:change=move |ev| enforce_order.set(event_target_checked(&ev))/>
                <Tr key=Key::TrainingHrEnforceOrder/>
            </label>
            <AudienceEditor legend=Key::TrainingHrPathAudience choice=audience directory/>
            <SaveButton saving/>
            <p role="status" class="visually-hidden">{move || announce.get()}</p>
        </form>
    }
}

/// One course on the path, with buttons to move it and take it off that
/// name the course (a screen reader hears "Move Food safety up").
#[component]
fn PathCourse<N>(
    course: CourseId,
    chosen: RwSignal<Vec<CourseId>>,
    name: N,
    announce: RwSignal<String>,
    /// The form's errors; this course's are at `courses[i]`.
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView
where
    N: Fn(CourseId) -> String + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let position = Memo::new(move |_| chosen.read().iter().position(|c| *c == course).unwrap_or_default());
    let count = Memo::new(move |_| chosen.read().len());
    let filled = move |key: Key| i18n.fill(key, &[("course", &name(course))]);
    let shift = move |up: bool| {
        let from = position.get_untracked();
        let to = if up { from.checked_sub(1) } else { Some(from + 1).filter(|to| *to < count.get_untracked()) };
        let Some(to) = to else { return };
        chosen.update(|c| c.swap(from, to));
        announce.set(i18n.fill(Key::TrainingHrPathCourseMoved, &[("course", &name(course)), ("n", &(to + 1).to_string())]));
        // The pressed button moved with its course; at an end it is
        // disabled, so the other one takes focus.
        let at_end = if up { to == 0 } else { to + 1 == count.get_untracked() };
        let target = if up != at_end { "up" } else { "down" };
        request_animation_frame(move || {
            focus_first(&format!("#path-course-{}-{target}", course.0));
        });
    };
    let remove = move |_| {
        chosen.update(|c| c.retain(|c| *c != course));
        announce.set(filled(Key::TrainingHrPathCourseRemoved));
        // Taking one off always leaves a course to add.
        request_animation_frame(|| {
            focus_first("#path-add-course");
        });
    };
    let mine = Signal::derive(move || {
        let field = format!("courses[{}]", position.get());
        errors.get().into_iter().filter(|e| e.field == field).collect::<Vec<_>>()
    });
    view! {
        <li class="card" data-testid="training-path-course">
            <p class="status-title">{move || name(course)}</p>
            <FieldMessages errors=mine id=format!("path-course-{}-error", course.0)/>
            <div class="actions">
                <button type="button" class="button secondary" id=format!("path-course-{}-up", course.0) disabled=move || position.get() == 0
                    aria-label=move || filled(Key::TrainingHrPathMoveUp) on:click=move |_| shift(true)>
                    <Tr key=Key::TrainingHrUp/>
                </button>
                <button type="button" class="button secondary" id=format!("path-course-{}-down", course.0) disabled=move || { position.get() + 1 >= count.get() }
                    aria-label=move || filled(Key::TrainingHrPathMoveDown) on:click=move |_| shift(false)>
                    <Tr key=Key::TrainingHrDown/>
                </button>
                <button type="button" class="button secondary" aria-label=move || filled(Key::TrainingHrPathRemove) on:click=remove>
                    <Tr key=Key::TrainingHrRemove/>
                </button>
            </div>
        </li>
    }
}
