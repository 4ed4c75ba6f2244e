use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser;
use crate::components::{ActionError, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::training::reports::{CourseCompletion, GroupCompletion};
use leptos::prelude::*;

/// Completion of each course by department and segment, and by person:
/// HR sees everyone (with the CSV exports), a manager their own team
/// (`team`, from the member side).
#[component]
pub fn Completion(team: bool) -> impl IntoView {
    let report = training_resource(|api| async move { api.completion().await });
    let body = move || view! { <Loadable resource=report skeleton_lines=12 render=|courses| view! { <Report courses/> }/> };
    if team {
        view! { <h1><Tr key=Key::TrainingTeamTitle/></h1><crate::portals::training::member::TrainingTabs/>{body()} }.into_any()
    } else {
        view! { <TrainingHrFrame title=Key::HrTrainingCompletion><Exports/>{body()}</TrainingHrFrame> }.into_any()
    }
}

/// The two CSV files, in the interface's language.
#[component]
fn Exports() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let export = Action::new_local(move |completions: &bool| {
        let (api, completions, lang) = (api.clone(), *completions, i18n.lang());
        async move {
            let (name, csv) =
                if completions { ("completions.csv", api.completions_csv(lang).await?) } else { ("enrolments.csv", api.enrolments_csv(lang).await?) };
            browser::download_text(name, "text/csv;charset=utf-8", &csv);
            Ok::<bool, ApiError>(completions)
        }
    });
    let button = move |completions: bool, key: Key, test: &'static str| {
        view! {
            <button type="button" class="button secondary" data-testid=test disabled=move || export.pending().get() on:click=move |_| { export.dispatch(completions); }>
                <Tr key/>
            </button>
        }
    };
    view! {
        <p class="actions">
            {button(false, Key::TrainingHrEnrolmentsCsv, "training-enrolments-csv")}
            {button(true, Key::TrainingHrCompletionsCsv, "training-completions-csv")}
        </p>
        {move || export.value().get().and_then(Result::err).map(|error| view! { <ActionError error/> })}
    }
}

#[component]
fn Report(courses: Vec<CourseCompletion>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stack" data-testid="training-completion">
            {courses.into_iter().filter(|c| c.overall.members > 0).map(|course| {
                let title = course.title.clone();
                let overall = course.overall.clone();
                view! {
                    <section class="card">
                        <h2>{move || title.get(i18n.lang()).to_owned()}</h2>
                        <p>{move || counts(&overall, i18n)}</p>
                        <Groups caption=Key::TrainingHrByDepartment groups=course.by_department/>
                        <Groups caption=Key::TrainingHrBySegment groups=course.by_segment/>
                        <details>
                            <summary><Tr key=Key::TrainingHrPeople/></summary>
                            <ul>
                                {course.people.into_iter().map(|p| view! {
                                    <li>{p.name.clone()}": "{move || i18n.t(if p.complete { Key::TrainingComplete } else { Key::TrainingHrInProgress })}
                                        {(!p.complete).then(|| view! { " ("{p.percent}"%)" })}</li>
                                }).collect_view()}
                            </ul>
                        </details>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

/// "12 people: 5 complete, 3 in progress".
fn counts(group: &GroupCompletion, i18n: crate::i18n::I18n) -> String {
    i18n.fill(
        Key::TrainingHrCounts,
        &[("members", &group.members.to_string()), ("complete", &group.complete.to_string()), ("progress", &group.in_progress.to_string())],
    )
}

#[component]
fn Groups(caption: Key, groups: Vec<GroupCompletion>) -> impl IntoView {
    let i18n = use_i18n();
    (!groups.is_empty()).then(|| {
        view! {
            <div class="table-scroll">
                <table class="data-table">
                    <caption><Tr key=caption/></caption>
                    <thead><tr>
                        <th scope="col"><Tr key=Key::TrainingHrGroup/></th>
                        <th scope="col"><Tr key=Key::TrainingHrMembers/></th>
                        <th scope="col"><Tr key=Key::TrainingComplete/></th>
                        <th scope="col"><Tr key=Key::TrainingHrInProgress/></th>
                    </tr></thead>
                    <tbody>
                        {groups.into_iter().map(|g| {
                            let name = g.name.clone();
                            view! { <tr><th scope="row">{move || name.get(i18n.lang()).to_owned()}</th><td>{g.members}</td><td>{g.complete}</td><td>{g.in_progress}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}
