use super::form::{whole, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::browser::focus_first;
use crate::components::{from_wire_name, wire_name, FieldMessages, Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::training::course::CourseId;
use domain::training::lesson::{Lesson, LessonDraft, LessonId, Link, LinkKind, MINUTES, POSITION};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates or edits a lesson of a course: its place, title, Markdown text,
/// length, and its links to videos and documents.
#[component]
pub fn LessonEditor(course: CourseId, id: Option<LessonId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let lessons = api.hr_catalogue().await?.courses.into_iter().find(|c| c.course.id == course).ok_or(ApiError::NotFound)?.lessons;
        let next = lessons.iter().map(|l| l.draft.position).max().unwrap_or(0) + 1;
        match id {
            Some(id) => Ok((Some(lessons.into_iter().find(|l| l.id == id).ok_or(ApiError::NotFound)?), next)),
            None => Ok((None, next)),
        }
    });
    // Set once a new lesson is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditLesson } else { Key::TrainingHrNewLesson });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |(lesson, next)| view! { <LessonForm course lesson next id=saved/> }/>
        </TrainingHrFrame>
    }
}

const FIELDS: [(&str, &str, Key); 6] = [
    ("position", "lesson-position", Key::TrainingHrPosition),
    ("title.vi", "lesson-title-vi", Key::TrainingHrTitleVi),
    ("title.en", "lesson-title-en", Key::TrainingHrTitleEn),
    ("body.vi", "lesson-body-vi", Key::TrainingHrBodyVi),
    ("body.en", "lesson-body-en", Key::TrainingHrBodyEn),
    ("minutes", "lesson-minutes", Key::TrainingHrMinutes),
];

/// A link as typed; its key stays with it when others are removed.
#[derive(Clone, Copy)]
struct LinkRow {
    key: usize,
    kind: RwSignal<LinkKind>,
    vi: RwSignal<String>,
    en: RwSignal<String>,
    url: RwSignal<String>,
}

impl LinkRow {
    fn new(key: usize, link: Option<&Link>) -> LinkRow {
        LinkRow {
            key,
            kind: RwSignal::new(link.map_or(LinkKind::Video, |l| l.kind)),
            vi: RwSignal::new(link.map(|l| l.title.vi.clone()).unwrap_or_default()),
            en: RwSignal::new(link.map(|l| l.title.en.clone()).unwrap_or_default()),
            url: RwSignal::new(link.map(|l| l.url.clone()).unwrap_or_default()),
        }
    }

    fn link(&self) -> Link {
        Link {
            kind: self.kind.get_untracked(),
            title: LocalizedText { vi: self.vi.get_untracked(), en: self.en.get_untracked() },
            url: self.url.get_untracked().trim().to_owned(),
        }
    }
}

const LINK_KINDS: [(LinkKind, Key); 2] = [(LinkKind::Video, Key::TrainingVideo), (LinkKind::Document, Key::TrainingDocument)];

#[component]
fn LessonForm(course: CourseId, lesson: Option<Lesson>, next: u32, id: RwSignal<Option<LessonId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let draft = lesson.map(|l| l.draft);
    let text = |read: fn(&LessonDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, read));
    let position = text(|d| d.position.to_string(), next.to_string());
    let (title_vi, title_en) = (text(|d| d.title.vi.clone(), String::new()), text(|d| d.title.en.clone(), String::new()));
    let (body_vi, body_en) = (text(|d| d.body.vi.clone(), String::new()), text(|d| d.body.en.clone(), String::new()));
    let minutes = text(|d| d.minutes.to_string(), "10".to_owned());
    let links = RwSignal::new(draft.map(|d| d.links.iter().enumerate().map(|(i, l)| LinkRow::new(i, Some(l))).collect::<Vec<_>>()).unwrap_or_default());
    let next_key = StoredValue::new(links.with_untracked(Vec::len));
    let saving = Saving::new(
        move |draft: LessonDraft| {
            let api = api.clone();
            async move { api.save_lesson(id.get_untracked(), &draft).await }
        },
        move |saved: &Lesson| {
            let new = id.get_untracked().is_none();
            id.set(Some(saved.id));
            new.then(|| format!("/hr/training/courses/{}/lessons/{}", course.0, saved.id.0))
        },
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut violations = Vec::new();
        let mut number =
            |field, value: RwSignal<String>, range| whole(field, &value.get_untracked(), range).map_err(|v| violations.push(v)).unwrap_or(range.min as u32);
        let (position, minutes) = (number("position", position, POSITION), number("minutes", minutes, MINUTES));
        let draft = LessonDraft {
            course,
            position,
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            body: LocalizedText { vi: body_vi.get_untracked(), en: body_en.get_untracked() },
            links: links.get_untracked().iter().map(LinkRow::link).collect(),
            minutes,
        };
        if violations.is_empty() {
            violations = draft.violations();
        }
        saving.submit(violations, draft);
    };
    // A link's fields are told apart by their position when sent.
    let fields = move || {
        let mut fields: Vec<(String, String, Key)> = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
        fields.push(("links".into(), "lesson-add-link".into(), Key::TrainingHrLinks));
        for (i, row) in links.get_untracked().iter().enumerate() {
            let id = |part: &str| format!("lesson-link-{}-{part}", row.key);
            fields.push((format!("links[{i}].title.vi"), id("vi"), Key::TrainingHrLinkTitleVi));
            fields.push((format!("links[{i}].title.en"), id("en"), Key::TrainingHrLinkTitleEn));
            fields.push((format!("links[{i}].url"), id("url"), Key::TrainingHrLinkUrl));
        }
        fields
    };
    let link_errors = move |row: LinkRow, part: &'static str| {
        Signal::derive(move || {
            let index = links.read().iter().position(|r| r.key == row.key).unwrap_or_default();
            let field = format!("links[{index}].{part}");
            saving.all().get().into_iter().filter(|e| e.field == field).collect()
        })
    };
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        links.update(|l| l.push(LinkRow::new(key, None)));
        request_animation_frame(move || {
            focus_first(&format!("#lesson-link-{key}-kind"));
        });
    };
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-lesson-form">
            {move || view! { <Summary saving fields=fields()/> }}
            <TextField id="lesson-position".into() label=Key::TrainingHrPosition value=position errors=saving.at("position") numeric=true/>
            <TextField id="lesson-title-vi".into() label=Key::TrainingHrTitleVi value=title_vi errors=saving.at("title.vi")/>
            <TextField id="lesson-title-en".into() label=Key::TrainingHrTitleEn value=title_en errors=saving.at("title.en")/>
            <TextField id="lesson-body-vi".into() label=Key::TrainingHrBodyVi value=body_vi errors=saving.at("body.vi") kind="textarea" hint=Key::TrainingHrMarkdownHint/>
            <TextField id="lesson-body-en".into() label=Key::TrainingHrBodyEn value=body_en errors=saving.at("body.en") kind="textarea"/>
            <TextField id="lesson-minutes".into() label=Key::TrainingHrMinutes value=minutes errors=saving.at("minutes") numeric=true/>
            <fieldset class="stack">
                <legend><Tr key=Key::TrainingHrLinks/></legend>
                <FieldMessages errors=saving.at("links") id="lesson-links-error".to_owned()/>
                <For each=move || links.get() key=|row| row.key let:row>
                    {
                        let number = move || (links.read().iter().position(|r| r.key == row.key).unwrap_or_default() + 1).to_string();
                        let kind_id = format!("lesson-link-{}-kind", row.key);
                        let remove = move |_| {
                            links.update(|l| l.retain(|x| x.key != row.key));
                            request_animation_frame(|| {
                                focus_first("#lesson-add-link");
                            });
                        };
                        view! {
                            <fieldset class="card stack" data-testid="training-link">
                                <legend>{move || i18n.fill(Key::TrainingHrLinkNumber, &[("n", &number())])}</legend>
                                <div class="field">
                                    <label for=kind_id.clone()><Tr key=Key::TrainingHrLinkKind/></label>
                                    <select id=kind_id on:change=move |ev| { if let Some(k) = from_wire_name(&event_target_value(&ev)) { row.kind.set(k) } }>
                                        {LINK_KINDS.into_iter().map(|(kind, key)| view! { <option value=wire_name(&kind) selected=move || row.kind.get() == kind>{move || i18n.t(key)}</option> }).collect_view()}
                                    </select>
                                </div>
                                <TextField id=format!("lesson-link-{}-vi", row.key) label=Key::TrainingHrLinkTitleVi value=row.vi errors=link_errors(row, "title.vi")/>
                                <TextField id=format!("lesson-link-{}-en", row.key) label=Key::TrainingHrLinkTitleEn value=row.en errors=link_errors(row, "title.en")/>
                                <TextField id=format!("lesson-link-{}-url", row.key) label=Key::TrainingHrLinkUrl value=row.url errors=link_errors(row, "url") kind="url" hint=Key::TrainingHrLinkUrlHint/>
                                <p><button type="button" class="button secondary" on:click=remove>{move || i18n.fill(Key::TrainingHrRemoveLink, &[("n", &number())])}</button></p>
                            </fieldset>
                        }
                    }
                </For>
                <p><button type="button" class="button secondary" id="lesson-add-link" on:click=add><Tr key=Key::TrainingHrAddLink/></button></p>
            </fieldset>
            <SaveButton saving/>
        </form>
    }
}
