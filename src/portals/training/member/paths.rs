use super::{course_path, Progress, TrainingTabs};
use crate::components::Loadable;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::training_resource;
use domain::training::path::{PathView, StepState};
use leptos::prelude::*;
use leptos_router::components::A;

/// The member's learning paths: each course in order with its progress;
/// a step locked until the one before it is complete, where HR keeps the order.
#[component]
pub fn PathsPage() -> impl IntoView {
    let paths = training_resource(|api| async move { api.paths().await });
    view! {
        <h1><Tr key=Key::TrainingPathsTitle/></h1>
        <TrainingTabs/>
        <Loadable resource=paths skeleton_lines=8 render=|paths| if paths.is_empty() {
            view! { <p class="empty"><Tr key=Key::TrainingNoPaths/></p> }.into_any()
        } else {
            view! { <div class="stack" data-testid="training-paths">{paths.into_iter().map(|path| view! { <PathCard path/> }).collect_view()}</div> }.into_any()
        }/>
    }
}

#[component]
fn PathCard(path: PathView) -> impl IntoView {
    let i18n = use_i18n();
    let (title, summary) = (path.path.draft.title.clone(), path.path.draft.summary.clone());
    let counts = (path.complete.to_string(), path.total.to_string());
    let ordered = path.path.draft.enforce_order;
    view! {
        <section class="card" data-testid="training-path">
            <h2>{move || title.get(i18n.lang()).to_owned()}</h2>
            <p>{move || summary.get(i18n.lang()).to_owned()}</p>
            <p class="muted">{move || i18n.fill(Key::TrainingPathCount, &[("done", &counts.0), ("total", &counts.1)])}
                {ordered.then(|| view! { " · "<Tr key=Key::TrainingPathInOrder/> })}</p>
            <Progress percent=path.percent/>
            <ol class="stack">
                {path.steps.into_iter().map(|step| {
                    let title = step.title.clone();
                    let (badge, class) = match step.state {
                        StepState::Complete => (Key::TrainingComplete, "badge badge-done"),
                        StepState::Open => (Key::TrainingStepOpen, "badge badge-ready"),
                        StepState::Locked { .. } => (Key::TrainingLocked, "badge"),
                    };
                    let locked = matches!(step.state, StepState::Locked { .. });
                    let percent = step.percent.to_string();
                    view! {
                        <li data-testid="training-step">
                            {if locked {
                                view! { <span>{move || title.get(i18n.lang()).to_owned()}</span> }.into_any()
                            } else {
                                view! { <A href=course_path(step.course)>{move || title.get(i18n.lang()).to_owned()}</A> }.into_any()
                            }}
                            " "<span class=class><Tr key=badge/></span>
                            {(!locked).then(|| view! { " "<span class="muted">{move || i18n.fill(Key::TrainingPercentDone, &[("n", &percent)])}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
