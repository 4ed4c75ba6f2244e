//! Choosing who an audience admits, in HR's editors: employment types,
//! departments, sites and segments by name. A condition the form cannot
//! show (tenure) is kept as it is, and the form says so.

use crate::i18n::labels::employment_type_key;
use crate::i18n::{use_i18n, Key, Tr};
use domain::company::Directory;
use domain::{Audience, Condition, DepartmentId, EmploymentType, SiteId};
use leptos::prelude::*;

/// What HR ticked, and the conditions kept as they were. `Copy`, so a
/// form's submit reads it with [`Self::audience`].
#[derive(Clone, Copy)]
pub struct AudienceChoice {
    types: RwSignal<Vec<EmploymentType>>,
    departments: RwSignal<Vec<DepartmentId>>,
    sites: RwSignal<Vec<SiteId>>,
    segments: RwSignal<Vec<String>>,
    kept: StoredValue<Vec<Condition>>,
}

impl AudienceChoice {
    /// Ticks what `audience` lists, one condition of each kind; any other
    /// condition (tenure, or a second one of a kind) is kept as it is.
    pub fn new(audience: &Audience) -> AudienceChoice {
        let (mut types, mut departments, mut sites, mut segments) = (None, None, None, None);
        let mut kept = Vec::new();
        for condition in &audience.all_of {
            match condition {
                Condition::EmploymentTypeIn(t) if types.is_none() => types = Some(t.clone()),
                Condition::DepartmentIn(d) if departments.is_none() => departments = Some(d.clone()),
                Condition::SiteIn(s) if sites.is_none() => sites = Some(s.clone()),
                Condition::InSegment(s) if segments.is_none() => segments = Some(s.clone()),
                other => kept.push(other.clone()),
            }
        }
        AudienceChoice {
            types: RwSignal::new(types.unwrap_or_default()),
            departments: RwSignal::new(departments.unwrap_or_default()),
            sites: RwSignal::new(sites.unwrap_or_default()),
            segments: RwSignal::new(segments.unwrap_or_default()),
            kept: StoredValue::new(kept),
        }
    }

    /// The audience as chosen: the kept conditions, then one condition
    /// for each group with anything ticked.
    pub fn audience(self) -> Audience {
        let mut all_of = self.kept.get_value();
        let ticked = [
            Some(self.types.get_untracked()).filter(|t| !t.is_empty()).map(Condition::EmploymentTypeIn),
            Some(self.departments.get_untracked()).filter(|d| !d.is_empty()).map(Condition::DepartmentIn),
            Some(self.sites.get_untracked()).filter(|s| !s.is_empty()).map(Condition::SiteIn),
            Some(self.segments.get_untracked()).filter(|s| !s.is_empty()).map(Condition::InSegment),
        ];
        all_of.extend(ticked.into_iter().flatten());
        Audience { all_of }
    }
}

/// The audience's part of a form: a fieldset under `legend` with a group
/// of checkboxes for each kind of condition; none ticked in a group leaves
/// it open to all.
#[component]
pub fn AudienceEditor(
    /// The fieldset's legend: what the audience is of ("Who is asked").
    legend: Key,
    choice: AudienceChoice,
    /// The names to tick from.
    directory: Directory,
) -> impl IntoView {
    let i18n = use_i18n();
    // Departments, sites and segments named already but no longer in the
    // directory stay tickable, by number or tag.
    let mut departments: Vec<DepartmentId> = directory.departments.iter().map(|d| d.id).collect();
    departments.extend(choice.departments.get_untracked().into_iter().filter(|d| directory.department(*d).is_none()));
    let mut sites: Vec<SiteId> = directory.sites.iter().map(|s| s.id).collect();
    sites.extend(choice.sites.get_untracked().into_iter().filter(|s| directory.site(*s).is_none()));
    let mut segments: Vec<String> = directory.segments.iter().map(|s| s.tag.clone()).collect();
    segments.extend(choice.segments.get_untracked().into_iter().filter(|s| directory.segment(s).is_none()));
    let directory = StoredValue::new(directory);
    let department_name =
        move |id: DepartmentId| directory.with_value(|d| d.department(id).map(|n| n.get(i18n.lang()).to_owned())).unwrap_or_else(|| id.0.to_string());
    let site_name = move |id: SiteId| directory.with_value(|d| d.site(id).map(|n| n.get(i18n.lang()).to_owned())).unwrap_or_else(|| id.0.to_string());
    let segment_name = move |tag: String| directory.with_value(|d| d.segment(&tag).map(|n| n.get(i18n.lang()).to_owned())).unwrap_or(tag);
    let kept = !choice.kept.with_value(Vec::is_empty);
    view! {
        <fieldset class="stack audience">
            <legend><Tr key=legend/></legend>
            <p class="muted"><Tr key=Key::AudienceHint/></p>
            {kept.then(|| view! { <p class="muted"><Tr key=Key::AudienceKept/></p> })}
            <Checks legend=Key::AudienceTypes choices=EmploymentType::ALL.to_vec() chosen=choice.types name=move |t| i18n.t(employment_type_key(t)).to_owned()/>
            <Checks legend=Key::AudienceDepartments choices=departments chosen=choice.departments name=department_name/>
            <Checks legend=Key::AudienceSites choices=sites chosen=choice.sites name=site_name/>
            <Checks legend=Key::AudienceSegments choices=segments chosen=choice.segments name=segment_name/>
        </fieldset>
    }
}

/// Checkboxes for the members of one part of the audience.
#[component]
fn Checks<T, N>(legend: Key, choices: Vec<T>, chosen: RwSignal<Vec<T>>, name: N) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    N: Fn(T) -> String + Copy + Send + Sync + 'static,
{
    (!choices.is_empty()).then(|| {
        view! {
            <fieldset>
                <legend><Tr key=legend/></legend>
                {choices.into_iter().map(|choice| {
                    let (checked, toggled, named) = (choice.clone(), choice.clone(), choice);
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || chosen.read().contains(&checked)
                                on:change=move |_| chosen.update(|all| match all.iter().position(|c| *c == toggled) {
                                    Some(i) => { all.remove(i); }
                                    None => all.push(toggled.clone()),
                                })/>
                            {move || name(named.clone())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
    })
}
