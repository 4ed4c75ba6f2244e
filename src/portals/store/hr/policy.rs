use super::HrStoreFrame;
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::{store_resource, use_store};
use domain::common::FieldError;
use domain::company::WorkforceOverview;
use domain::store::allowance::LIMIT_RANGE;
use domain::store::{AllowancePolicy, SegmentAllowance};
use leptos::prelude::*;

/// The yearly internal-purchase allowance: a default, and a limit for any
/// segment HR chooses (a member gets the highest that applies).
#[component]
pub fn HrPolicy() -> impl IntoView {
    let backend = crate::api::use_api();
    let data = store_resource(move |store| {
        let backend = backend.clone();
        async move { Ok((store.allowance_policy().await?, backend.workforce().await?)) }
    });
    view! {
        <HrStoreFrame title=Key::HrStorePolicyTitle>
            <Loadable resource=data skeleton_lines=6 render=|(policy, workforce)| view! { <PolicyForm policy workforce/> }/>
        </HrStoreFrame>
    }
}

#[component]
fn PolicyForm(policy: AllowancePolicy, workforce: WorkforceOverview) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let default_limit = RwSignal::new(policy.default_limit.to_string());
    // One input per company segment; empty means "no own limit".
    let rows: Vec<(String, domain::LocalizedText, RwSignal<String>)> = workforce
        .segments
        .into_iter()
        .map(|count| {
            let set = policy.segments.iter().find(|s| s.segment == count.segment.tag).map(|s| s.yearly_limit.to_string());
            (count.segment.tag, count.segment.name, RwSignal::new(set.unwrap_or_default()))
        })
        .collect();
    let inputs = StoredValue::new(rows.iter().map(|(tag, _, value)| (tag.clone(), *value)).collect::<Vec<_>>());
    let save = Action::new_local(move |policy: &AllowancePolicy| {
        let (api, policy) = (api.clone(), policy.clone());
        async move { api.set_allowance_policy(&policy).await }
    });
    let failure = move || save.value().get().and_then(Result::err);
    // What the rules found in the form before sending it; sent only when empty.
    let found = RwSignal::new(Vec::<FieldError>::new());
    // The policy sent lists only filled-in segments: errors name positions in it.
    let sent = RwSignal::new(Vec::<String>::new());
    let segment_errors = move |tag: String| {
        Signal::derive(move || match sent.read().iter().position(|t| *t == tag) {
            Some(i) => form_errors_at(&found.read(), &failure(), &format!("segments[{i}].")),
            None => Vec::new(),
        })
    };
    let names = StoredValue::new(rows.iter().map(|(tag, name, _)| (tag.clone(), name.clone())).collect::<Vec<_>>());
    // `segments[i].…` names the i-th segment sent.
    let summary_target = Callback::new(move |field: String| {
        if field == "default_limit" {
            return Some(FieldTarget { id: "policy-default".to_owned(), label: i18n.t(Key::HrStoreDefaultLimit).to_owned() });
        }
        let index: usize = field.strip_prefix("segments[")?.split(']').next()?.parse().ok()?;
        let tag = sent.read_untracked().get(index)?.clone();
        let name = names.with_value(|names| names.iter().find(|(t, _)| *t == tag).map(|(_, name)| name.get(i18n.lang()).to_owned()))?;
        Some(FieldTarget { id: format!("policy-{tag}"), label: i18n.fill(Key::HrStoreSegmentLimit, &[("name", &name)]) })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let filled: Vec<(String, String)> =
            inputs.with_value(|rows| rows.iter().map(|(tag, value)| (tag.clone(), value.get())).filter(|(_, typed)| !typed.trim().is_empty()).collect());
        sent.set(filled.iter().map(|(tag, _)| tag.clone()).collect());
        let default = LIMIT_RANGE.read("default_limit", &default_limit.get());
        let limits: Vec<_> = filled.iter().enumerate().map(|(i, (_, typed))| LIMIT_RANGE.read(&format!("segments[{i}].yearly_limit"), typed)).collect();
        let broken: Vec<FieldError> =
            default.as_ref().err().into_iter().chain(limits.iter().filter_map(|l| l.as_ref().err())).cloned().map(FieldError::from).collect();
        let acceptable = broken.is_empty();
        found.set(broken);
        if let (true, Ok(default_limit)) = (acceptable, default) {
            let segments =
                filled.into_iter().zip(limits).map(|((segment, _), limit)| SegmentAllowance { segment, yearly_limit: limit.unwrap_or_default() }).collect();
            save.dispatch(AllowancePolicy { default_limit, segments });
        }
    };
    view! {
        <form class="stack" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target=summary_target/>
            <p class="muted"><Tr key=Key::HrStorePolicyHint/></p>
            <div class="field">
                <label for="policy-default"><Tr key=Key::HrStoreDefaultLimit/></label>
                <input id="policy-default" type="text" inputmode="numeric" aria-describedby="policy-default-error"
                    prop:value=move || default_limit.get() on:input=move |ev| default_limit.set(event_target_value(&ev))/>
                <FieldMessages errors=Signal::derive(move || form_errors_at(&found.read(), &failure(), "default_limit")) id="policy-default-error".to_owned()/>
            </div>
            {rows.into_iter().map(|(tag, name, value)| {
                let id = format!("policy-{tag}");
                let error_id = format!("{id}-error");
                view! {
                    <div class="field">
                        <label for=id.clone()>{move || i18n.fill(Key::HrStoreSegmentLimit, &[("name", name.get(i18n.lang()))])}</label>
                        <input id=id type="text" inputmode="numeric" aria-describedby=error_id.clone()
                            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                        <FieldMessages errors=segment_errors(tag.clone()) id=error_id/>
                    </div>
                }
            }).collect_view()}
            {move || failure().map(|error| view! { <ActionError error kept=Key::FormKept/> })}
            <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::HrStoreSave/></button>
            <p role="status" class="muted">{move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::HrStoreSaved))}</p>
        </form>
    }
}
