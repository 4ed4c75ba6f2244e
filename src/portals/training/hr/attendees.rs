use super::TrainingHrFrame;
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::rsvp_key;
use crate::portals::training::training_resource;
use domain::training::event::EventId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Who answered an event's invitation, going first, by given name.
#[component]
pub fn Attendees(id: EventId) -> impl IntoView {
    let i18n = use_i18n();
    let attendees = training_resource(move |api| async move { api.attendees(id).await });
    view! {
        <TrainingHrFrame title=Key::TrainingHrAttendees>
            <p><A href=app_href(&format!("/hr/training/events/{}", id.0)) attr:class="back-link"><Tr key=Key::TrainingHrBackToEvent/></A></p>
            <Loadable resource=attendees skeleton_lines=8 render=move |attendees| if attendees.is_empty() {
                view! { <p class="empty"><Tr key=Key::TrainingHrNobody/></p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="training-attendees">
                            <thead><tr>
                                <th scope="col"><Tr key=Key::TrainingHrName/></th>
                                <th scope="col"><Tr key=Key::TrainingHrDepartment/></th>
                                <th scope="col"><Tr key=Key::TrainingRsvp/></th>
                                <th scope="col"><Tr key=Key::TrainingHrAnsweredOn/></th>
                            </tr></thead>
                            <tbody>
                                {attendees.into_iter().map(|a| {
                                    let department = a.department.clone();
                                    let day = a.at.date();
                                    view! {
                                        <tr>
                                            <td>{a.name.clone()}</td>
                                            <td>{move || department.get(i18n.lang()).to_owned()}</td>
                                            <td><Tr key=rsvp_key(a.answer)/></td>
                                            <td>{move || date(day, i18n.lang())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }/>
        </TrainingHrFrame>
    }
}
