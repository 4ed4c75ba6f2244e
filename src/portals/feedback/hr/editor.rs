use super::directory::{self, Directory};
use super::{editor_path, surveys_path, today, FeedbackHrFrame};
use crate::api::ApiError;
use crate::browser::{app_href, focus_first, replace_app_path};
use crate::components::{
    form_errors, form_errors_at, ActionError, AudienceChoice, AudienceEditor, ErrorSummary, FieldMessages, FieldTarget, Loadable, TextField,
};
use crate::i18n::{fill, use_i18n, Key, Tr};
use crate::portals::feedback::api::{feedback_resource, use_feedback};
use domain::common::{FieldError, Rule, Violation, WholeRange};
use domain::feedback::survey::{Question, QuestionKind, Survey, SurveyDraft, SurveyId, MIN_THRESHOLD};
use domain::{Date, Lang, LocalizedText};
use leptos::prelude::*;
use leptos_router::components::A;

/// What a threshold may be typed as; the draft's rules then judge it.
const THRESHOLD: WholeRange = WholeRange::new(MIN_THRESHOLD as u64, 1000);
/// A new survey's thresholds.
const DEFAULT_THRESHOLD: u32 = 5;

/// Creates (`/hr/feedback/surveys/new`) or edits a survey.
#[component]
pub fn SurveyEditor(id: Option<SurveyId>) -> impl IntoView {
    let data = feedback_resource(move |api| async move {
        let names = directory::load(api.clone()).await;
        let survey = match id {
            Some(id) => Some(api.surveys().await?.into_iter().find(|s| s.survey.id == id).ok_or(ApiError::NotFound)?.survey),
            None => None,
        };
        Ok((survey, names))
    });
    // Set once a new survey is saved: the address names it, the page is its
    // edit page, and every later save edits that one.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::FeedbackHrEditorEditTitle } else { Key::FeedbackHrEditorNewTitle });
    view! {
        <FeedbackHrFrame title>
            <p><A href=app_href(surveys_path(true)) attr:class="back-link"><Tr key=Key::FeedbackHrBackToSurveys/></A></p>
            <Loadable resource=data skeleton_lines=14 render=move |(survey, directory)| view! { <SurveyForm survey directory id=saved/> }/>
        </FeedbackHrFrame>
    }
}

/// The kinds of question, as the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Agreement,
    Enps,
    Choice,
    Text,
}

const KINDS: [(Kind, &str, Key); 4] = [
    (Kind::Agreement, "agreement", Key::FeedbackHrKindAgreement),
    (Kind::Enps, "enps", Key::FeedbackHrKindEnps),
    (Kind::Choice, "choice", Key::FeedbackHrKindChoice),
    (Kind::Text, "text", Key::FeedbackHrKindText),
];

/// An option as typed; its key stays with it when others are removed.
#[derive(Clone, Copy)]
struct OptionRow {
    key: u32,
    vi: RwSignal<String>,
    en: RwSignal<String>,
}

/// A question as typed; its key stays with it as it moves.
#[derive(Clone, Copy)]
struct QuestionRow {
    key: u32,
    kind: RwSignal<Kind>,
    vi: RwSignal<String>,
    en: RwSignal<String>,
    options: RwSignal<Vec<OptionRow>>,
}

/// The questions being edited, and where new rows' signals live (the
/// form's owner, not the click that added them).
#[derive(Clone, Copy)]
struct Rows {
    questions: RwSignal<Vec<QuestionRow>>,
    next: StoredValue<u32>,
    owner: StoredValue<Option<Owner>>,
}

impl Rows {
    fn new() -> Rows {
        Rows { questions: RwSignal::new(Vec::new()), next: StoredValue::new(0), owner: StoredValue::new(Owner::current()) }
    }

    fn key(&self) -> u32 {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        key
    }

    fn owned<T>(&self, make: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    fn option(&self, text: &LocalizedText) -> OptionRow {
        let key = self.key();
        self.owned(|| OptionRow { key, vi: RwSignal::new(text.vi.clone()), en: RwSignal::new(text.en.clone()) })
    }

    fn question(&self, question: Option<&Question>) -> QuestionRow {
        let key = self.key();
        let (kind, options) = match question.map(|q| &q.kind) {
            None | Some(QuestionKind::Agreement) => (Kind::Agreement, vec![]),
            Some(QuestionKind::Enps) => (Kind::Enps, vec![]),
            Some(QuestionKind::Choice { options }) => (Kind::Choice, options.iter().map(|o| self.option(o)).collect()),
            Some(QuestionKind::Text) => (Kind::Text, vec![]),
        };
        let text = question.map(|q| q.text.clone()).unwrap_or_default();
        self.owned(|| QuestionRow { key, kind: RwSignal::new(kind), vi: RwSignal::new(text.vi), en: RwSignal::new(text.en), options: RwSignal::new(options) })
    }

    /// The questions as the draft says them.
    fn read(&self) -> Vec<Question> {
        self.questions
            .get_untracked()
            .iter()
            .map(|q| {
                let kind = match q.kind.get_untracked() {
                    Kind::Agreement => QuestionKind::Agreement,
                    Kind::Enps => QuestionKind::Enps,
                    Kind::Choice => QuestionKind::Choice {
                        options: q.options.get_untracked().iter().map(|o| LocalizedText { vi: o.vi.get_untracked(), en: o.en.get_untracked() }).collect(),
                    },
                    Kind::Text => QuestionKind::Text,
                };
                Question { text: LocalizedText { vi: q.vi.get_untracked(), en: q.en.get_untracked() }, kind }
            })
            .collect()
    }

    /// The keys of the questions and of their options, by position: what
    /// an error's `questions[i].options[j]` points at.
    fn positions(&self) -> Vec<(u32, Vec<u32>)> {
        self.questions.get_untracked().iter().map(|q| (q.key, q.options.get_untracked().iter().map(|o| o.key).collect())).collect()
    }
}

/// What part of a question an error's field names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// `questions[i].text.vi`
    Text(&'static str),
    /// `questions[i].options`: how many there are.
    Options,
    /// `questions[i].options[j].en`
    Option(usize, &'static str),
}

/// Reads `questions[2].options[1].en` as (2, `Option(1, "en")`).
fn question_part(field: &str) -> Option<(usize, Part)> {
    let rest = field.strip_prefix("questions[")?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    let lang = |tag: &str| ["vi", "en"].into_iter().find(|l| *l == tag);
    let part = match rest {
        ".options" => Part::Options,
        _ => match rest.strip_prefix(".text.") {
            Some(tag) => Part::Text(lang(tag)?),
            None => {
                let (option, tag) = rest.strip_prefix(".options[")?.split_once("].")?;
                Part::Option(option.parse().ok()?, lang(tag)?)
            }
        },
    };
    Some((index, part))
}

/// The draft's rules give a choice's number of options as a range of
/// numbers ("from 2 to 255"), which the form has no field to type in: it
/// says how many options the question needs.
fn explained(mut errors: Vec<FieldError>, lang: Lang) -> Vec<FieldError> {
    let counts = |e: &FieldError| e.rule == Some(Rule::OutOfRange) && matches!(question_part(&e.field), Some((_, Part::Options)));
    for error in errors.iter_mut().filter(|e| counts(e)) {
        let (min, limit) = (error.min.unwrap_or(2).to_string(), error.limit.unwrap_or_default().to_string());
        error.message = fill(Key::FeedbackHrOptionsCount, lang, &[("min", &min), ("limit", &limit)]);
        error.rule = None;
    }
    errors
}

/// A date as a date input gives it (`2026-11-02`); empty is `required`.
fn read_date(field: &str, typed: &str) -> Result<Date, Violation> {
    typed.trim().parse().map_err(|_| Violation::new(field, Rule::Required, None))
}

/// The simple fields: name, input id, label.
const FIELDS: [(&str, &str, Key); 8] = [
    ("title.vi", "survey-title-vi", Key::FeedbackHrTitleVi),
    ("title.en", "survey-title-en", Key::FeedbackHrTitleEn),
    ("questions", "survey-add-question", Key::FeedbackHrQuestionsLegend),
    ("opens", "survey-opens", Key::FeedbackHrOpens),
    ("closes", "survey-closes", Key::FeedbackHrCloses),
    ("min_responses", "survey-min-responses", Key::FeedbackHrMinResponses),
    ("min_comment_responses", "survey-min-comment-responses", Key::FeedbackHrMinCommentResponses),
    ("series", "survey-series", Key::FeedbackHrSeries),
];

#[component]
fn SurveyForm(survey: Option<Survey>, directory: Directory, id: RwSignal<Option<SurveyId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let draft = survey.as_ref().map(|s| s.draft.clone());
    let opened = survey.as_ref().is_some_and(|s| s.draft.opens <= today());
    let text = |f: &dyn Fn(&SurveyDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, f));
    let title_vi = text(&|d| d.title.vi.clone(), String::new());
    let title_en = text(&|d| d.title.en.clone(), String::new());
    let opens = text(&|d| d.opens.to_string(), today().plus_days(1).to_string());
    let closes = text(&|d| d.closes.to_string(), today().plus_days(14).to_string());
    let min_responses = text(&|d| d.min_responses.to_string(), DEFAULT_THRESHOLD.to_string());
    let min_comments = text(&|d| d.min_comment_responses.to_string(), DEFAULT_THRESHOLD.to_string());
    let series = text(&|d| d.series.clone().unwrap_or_default(), String::new());
    let rows = Rows::new();
    let first: Vec<QuestionRow> = match &draft {
        Some(d) => d.questions.iter().map(|q| rows.question(Some(q))).collect(),
        None => vec![rows.question(None)],
    };
    rows.questions.set(first);
    let audience = AudienceChoice::new(&draft.as_ref().map(|d| d.audience.clone()).unwrap_or_default());

    let save = Action::new_local(move |draft: &SurveyDraft| {
        let (api, draft, id) = (api.clone(), draft.clone(), id.get_untracked());
        async move {
            match id {
                Some(id) => api.update_survey(id, &draft).await,
                None => api.create_survey(&draft).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(survey)) = save.value().get() {
            if id.get_untracked().is_none() {
                id.set(Some(survey.id));
                // Not a navigation: the page at the new path would be drawn
                // afresh, without the "saved" it says now.
                replace_app_path(&editor_path(Some(survey.id)));
            }
        }
    });
    let failure = move || save.value().get().and_then(Result::err);
    // What the rules found before sending; sent only when empty.
    let found = RwSignal::new(Vec::<FieldError>::new());
    // The questions' and options' keys by position when last sent.
    let sent = RwSignal::new(Vec::<(u32, Vec<u32>)>::new());
    let announce = RwSignal::new(String::new());
    let errors = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    // A question's errors, found at its position when the form was sent
    // (an option's `Part::Option` carries the option's key).
    let question_errors = move |key: u32, part: Part| {
        Signal::derive(move || {
            let sent = sent.read();
            let Some(i) = sent.iter().position(|(k, _)| *k == key) else { return Vec::new() };
            let field = match part {
                Part::Text(lang) => format!("questions[{i}].text.{lang}"),
                Part::Options => format!("questions[{i}].options"),
                Part::Option(option_key, lang) => match sent[i].1.iter().position(|o| *o == option_key as u32) {
                    Some(j) => format!("questions[{i}].options[{j}].{lang}"),
                    None => return Vec::new(),
                },
            };
            explained(form_errors_at(&found.read(), &failure(), &field), i18n.lang())
        })
    };
    let summary_target = Callback::new(move |field: String| {
        if let Some(&(_, id, label)) = FIELDS.iter().find(|(name, ..)| *name == field) {
            return Some(FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() });
        }
        let (i, part) = question_part(&field)?;
        let (key, options) = sent.read_untracked().get(i)?.clone();
        let question = i18n.fill(Key::FeedbackHrQuestionLegend, &[("n", &(i + 1).to_string())]);
        let (id, label) = match part {
            Part::Text(lang) => {
                (format!("q{key}-text-{lang}"), i18n.t(if lang == "vi" { Key::FeedbackHrQuestionTextVi } else { Key::FeedbackHrQuestionTextEn }).to_owned())
            }
            Part::Options => (format!("q{key}-add-option"), i18n.t(Key::FeedbackHrOptionsLegend).to_owned()),
            Part::Option(j, lang) => {
                let label = if lang == "vi" { Key::FeedbackHrOptionVi } else { Key::FeedbackHrOptionEn };
                (format!("q{key}-o{}-{lang}", options.get(j)?), i18n.fill(label, &[("n", &(j + 1).to_string())]))
            }
        };
        Some(FieldTarget { id, label: format!("{question}: {label}") })
    });
    let submit = move || {
        // Every date and number as typed; one that cannot be read is named
        // once, with its own error, and the rules judge a stand-in.
        let dates = [read_date("opens", &opens.get_untracked()), read_date("closes", &closes.get_untracked())];
        let numbers = [THRESHOLD.read("min_responses", &min_responses.get_untracked()), THRESHOLD.read("min_comment_responses", &min_comments.get_untracked())];
        let unreadable: Vec<Violation> =
            dates.iter().filter_map(|d| d.as_ref().err()).chain(numbers.iter().filter_map(|n| n.as_ref().err())).cloned().collect();
        let day = |i: usize| dates[i].as_ref().map_or(today(), |d| *d);
        let number = |i: usize| numbers[i].as_ref().map_or(DEFAULT_THRESHOLD, |n| *n as u32);
        let series = series.get_untracked().trim().to_owned();
        let draft = SurveyDraft {
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            questions: rows.read(),
            audience: audience.audience(),
            opens: day(0),
            closes: day(1),
            min_responses: number(0),
            min_comment_responses: number(1),
            series: (!series.is_empty()).then_some(series),
        };
        let dates_read = dates.iter().all(Result::is_ok);
        let rules = draft.violations().into_iter().filter(|v| !unreadable.iter().any(|u| u.field == v.field) && (dates_read || v.field != "closes"));
        let broken: Vec<FieldError> = unreadable.iter().cloned().chain(rules).map(FieldError::from).collect();
        let acceptable = broken.is_empty();
        sent.set(rows.positions());
        found.set(broken);
        if acceptable {
            save.dispatch(draft);
        }
    };
    let add_question = move |_| {
        let row = rows.question(None);
        rows.questions.update(|q| q.push(row));
        let n = rows.questions.read_untracked().len().to_string();
        announce.set(i18n.fill(Key::FeedbackHrQuestionAdded, &[("n", &n)]));
        request_animation_frame(move || {
            focus_first(&format!("#q{}-kind", row.key));
        });
    };
    view! {
        <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <ErrorSummary errors=Signal::derive(move || explained(form_errors(&found.read(), &failure()), i18n.lang())) target=summary_target/>
            {opened.then(|| view! { <p class="warning"><Tr key=Key::FeedbackHrEditorOpenWarning/></p> })}
            <TextField id="survey-title-vi".to_owned() label=Key::FeedbackHrTitleVi value=title_vi errors=errors("title.vi")/>
            <TextField id="survey-title-en".to_owned() label=Key::FeedbackHrTitleEn value=title_en errors=errors("title.en")/>
            <fieldset class="stack">
                <legend><Tr key=Key::FeedbackHrQuestionsLegend/></legend>
                <FieldMessages errors=errors("questions") id="survey-questions-error".to_owned()/>
                <For each=move || rows.questions.get() key=|q| q.key let:row>
                    <QuestionEditor row rows announce errors=question_errors/>
                </For>
                <div class="actions">
                    <button type="button" class="button secondary" id="survey-add-question" on:click=add_question><Tr key=Key::FeedbackHrQuestionAdd/></button>
                </div>
            </fieldset>
            <AudienceEditor legend=Key::FeedbackHrAudienceLegend choice=audience directory/>
            <div class="field-row">
                <TextField id="survey-opens".to_owned() label=Key::FeedbackHrOpens value=opens errors=errors("opens") kind="date"/>
                <TextField id="survey-closes".to_owned() label=Key::FeedbackHrCloses value=closes errors=errors("closes") kind="date"/>
            </div>
            <p class="muted"><Tr key=Key::FeedbackHrThresholdsHint/></p>
            <div class="field-row">
                <TextField id="survey-min-responses".to_owned() label=Key::FeedbackHrMinResponses value=min_responses
                    errors=errors("min_responses") numeric=true/>
                <TextField id="survey-min-comment-responses".to_owned() label=Key::FeedbackHrMinCommentResponses
                    value=min_comments errors=errors("min_comment_responses") numeric=true/>
            </div>
            <TextField id="survey-series".to_owned() label=Key::FeedbackHrSeries value=series errors=errors("series")
                hint=Key::FeedbackHrSeriesHint/>
            {move || failure().map(|error| view! { <ActionError error kept=Key::FormKept retry=Callback::new(move |_| submit())/> })}
            <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::FeedbackHrSurveySave/></button>
            <p role="status" class="muted">{move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::FeedbackHrSaved))}</p>
            <p role="status" class="visually-hidden">{move || announce.get()}</p>
        </form>
    }
}

/// One question: its kind, its text in both languages, its options (a
/// single choice), and moving or removing it.
#[component]
fn QuestionEditor<E>(row: QuestionRow, rows: Rows, announce: RwSignal<String>, errors: E) -> impl IntoView
where
    E: Fn(u32, Part) -> Signal<Vec<FieldError>> + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let key = row.key;
    let position = Memo::new(move |_| rows.questions.read().iter().position(|q| q.key == key).unwrap_or(0));
    let count = Memo::new(move |_| rows.questions.read().len());
    let number = move || (position.get() + 1).to_string();
    let kind_id = format!("q{key}-kind");
    let shift = move |by: isize| {
        let from = position.get_untracked();
        let to = from as isize + by;
        if to < 0 || to as usize >= count.get_untracked() {
            return;
        }
        let to = to as usize;
        rows.questions.update(|q| q.swap(from, to));
        announce.set(i18n.fill(Key::FeedbackHrQuestionMoved, &[("n", &(to + 1).to_string())]));
        // The button pressed moved with its question; at an end it is
        // disabled, so the other one takes focus.
        let target = match (by < 0, to == 0, to + 1 == count.get_untracked()) {
            (true, true, _) => "down",
            (false, _, true) => "up",
            (true, ..) => "up",
            (false, ..) => "down",
        };
        request_animation_frame(move || {
            focus_first(&format!("#q{key}-{target}"));
        });
    };
    let remove = move |_| {
        rows.questions.update(|q| q.retain(|q| q.key != key));
        announce.set(i18n.t(Key::FeedbackHrQuestionRemoved).to_owned());
        request_animation_frame(|| {
            focus_first("#survey-add-question");
        });
    };
    let set_kind = move |ev| {
        let value = event_target_value(&ev);
        let Some(&(kind, ..)) = KINDS.iter().find(|(_, v, _)| *v == value) else { return };
        row.kind.set(kind);
        // A single choice starts with the two options it needs at least.
        if kind == Kind::Choice && row.options.read_untracked().is_empty() {
            let options = vec![rows.option(&LocalizedText::default()), rows.option(&LocalizedText::default())];
            row.options.set(options);
        }
    };
    view! {
        <fieldset class="stack" data-testid="survey-question">
            <legend>{move || i18n.fill(Key::FeedbackHrQuestionLegend, &[("n", &number())])}</legend>
            <div class="field">
                <label for=kind_id.clone()><Tr key=Key::FeedbackHrQuestionKind/></label>
                <select id=kind_id on:change=set_kind>
                    {KINDS.into_iter().map(|(kind, value, label)| view! {
                        <option value=value selected=move || row.kind.get() == kind>{move || i18n.t(label)}</option>
                    }).collect_view()}
                </select>
            </div>
            <TextField id=format!("q{key}-text-vi") label=Key::FeedbackHrQuestionTextVi value=row.vi errors=errors(key, Part::Text("vi"))/>
            <TextField id=format!("q{key}-text-en") label=Key::FeedbackHrQuestionTextEn value=row.en errors=errors(key, Part::Text("en"))/>
            {move || (row.kind.get() == Kind::Choice).then(|| view! { <OptionsEditor row rows announce errors/> })}
            <div class="actions">
                <button type="button" class="button secondary" id=format!("q{key}-up") disabled=move || position.get() == 0 on:click=move |_| shift(-1)>
                    {move || i18n.fill(Key::FeedbackHrQuestionUp, &[("n", &number())])}
                </button>
                <button type="button" class="button secondary" id=format!("q{key}-down") disabled=move || { position.get() + 1 >= count.get() } on:click=move |_| shift(1)>
                    {move || i18n.fill(Key::FeedbackHrQuestionDown, &[("n", &number())])}
                </button>
                <button type="button" class="button secondary" on:click=remove>{move || i18n.fill(Key::FeedbackHrQuestionRemove, &[("n", &number())])}</button>
            </div>
        </fieldset>
    }
}

/// A single choice's options, at least two, each in both languages.
#[component]
fn OptionsEditor<E>(row: QuestionRow, rows: Rows, announce: RwSignal<String>, errors: E) -> impl IntoView
where
    E: Fn(u32, Part) -> Signal<Vec<FieldError>> + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let key = row.key;
    let add_id = format!("q{key}-add-option");
    let add = move |_| {
        let option = rows.option(&LocalizedText::default());
        row.options.update(|o| o.push(option));
        let n = row.options.read_untracked().len().to_string();
        announce.set(i18n.fill(Key::FeedbackHrOptionAdded, &[("n", &n)]));
        request_animation_frame(move || {
            focus_first(&format!("#q{key}-o{}-vi", option.key));
        });
    };
    view! {
        <fieldset class="stack">
            <legend><Tr key=Key::FeedbackHrOptionsLegend/></legend>
            <FieldMessages errors=errors(key, Part::Options) id=format!("q{key}-options-error")/>
            <For each=move || row.options.get() key=|o| o.key let:option>
                {
                    let position = Memo::new(move |_| row.options.read().iter().position(|o| o.key == option.key).unwrap_or(0));
                    let number = move || (position.get() + 1).to_string();
                    let add_id = format!("#q{key}-add-option");
                    let remove = move |_| {
                        row.options.update(|o| o.retain(|o| o.key != option.key));
                        announce.set(i18n.t(Key::FeedbackHrOptionRemoved).to_owned());
                        let add_id = add_id.clone();
                        request_animation_frame(move || {
                            focus_first(&add_id);
                        });
                    };
                    let o = option.key as usize;
                    view! {
                        <div class="field-row">
                            <TextField id=format!("q{key}-o{o}-vi") label=move || i18n.fill(Key::FeedbackHrOptionVi, &[("n", &number())]) value=option.vi
                                errors=errors(key, Part::Option(o, "vi"))/>
                            <TextField id=format!("q{key}-o{o}-en") label=move || i18n.fill(Key::FeedbackHrOptionEn, &[("n", &number())]) value=option.en
                                errors=errors(key, Part::Option(o, "en"))/>
                        </div>
                        <div class="actions">
                            <button type="button" class="button secondary" on:click=remove>{move || i18n.fill(Key::FeedbackHrOptionRemove, &[("n", &number())])}</button>
                        </div>
                    }
                }
            </For>
            <div class="actions">
                <button type="button" class="button secondary" id=add_id on:click=add><Tr key=Key::FeedbackHrOptionAdd/></button>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_s_field_names_its_position_and_part() {
        assert_eq!(question_part("questions[0].text.vi"), Some((0, Part::Text("vi"))));
        assert_eq!(question_part("questions[12].text.en"), Some((12, Part::Text("en"))));
        assert_eq!(question_part("questions[2].options"), Some((2, Part::Options)));
        assert_eq!(question_part("questions[2].options[1].en"), Some((2, Part::Option(1, "en"))));
    }

    #[test]
    fn other_fields_are_not_a_question_s() {
        for field in ["questions", "title.vi", "questions[x].text.vi", "questions[1].text.fr", "questions[1].options[1]", "questions[1].kind", "questions[1"] {
            assert_eq!(question_part(field), None, "{field}");
        }
    }

    #[test]
    fn every_field_the_draft_rules_name_is_shown_by_the_form() {
        use domain::Audience;
        let draft = SurveyDraft {
            title: LocalizedText::default(),
            questions: vec![
                Question { text: LocalizedText::default(), kind: QuestionKind::Choice { options: vec![LocalizedText::default()] } },
                Question { text: LocalizedText::default(), kind: QuestionKind::Agreement },
            ],
            audience: Audience::default(),
            opens: "2026-11-10".parse().unwrap(),
            closes: "2026-11-02".parse().unwrap(),
            min_responses: 2,
            min_comment_responses: 1001,
            series: None,
        };
        let violations = draft.violations();
        assert!(violations.len() > 8);
        for v in violations {
            assert!(FIELDS.iter().any(|(name, ..)| *name == v.field) || question_part(&v.field).is_some(), "{} has no place in the form", v.field);
        }
        let empty = SurveyDraft { questions: vec![], ..draft };
        assert!(empty.violations().iter().any(|v| v.field == "questions"));
    }

    #[test]
    fn too_few_options_are_said_as_options_not_as_a_number_to_type() {
        let count = FieldError::from(Violation::out_of_range("questions[1].options", 2, 255));
        let text = FieldError::from(Violation::new("questions[1].options[0].vi", Rule::Required, None));
        let shown = explained(vec![count, text.clone()], Lang::En);
        assert_eq!((shown[0].field.as_str(), shown[0].rule), ("questions[1].options", None));
        assert_eq!(shown[1], text);
    }

    #[test]
    fn dates_are_read_as_date_inputs_give_them() {
        assert_eq!(read_date("opens", "2026-11-02"), Ok("2026-11-02".parse().unwrap()));
        assert_eq!(read_date("opens", "").map_err(|v| (v.field, v.rule)), Err(("opens".to_owned(), Rule::Required)));
    }
}
