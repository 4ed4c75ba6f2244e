use crate::i18n::format::tenure;
use crate::i18n::labels::{employment_people_key, employment_type_key};
use crate::i18n::{I18n, Key};
use domain::{Lang, LocalizedText, Requirement};
use leptos::prelude::*;

/// Why a member may not use something, one translated sentence a reason.
#[component]
pub fn EligibilityReasons(
    /// The unmet requirements.
    reasons: Vec<Requirement>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <ul class="reasons">
            {reasons
                .into_iter()
                .map(|reason| view! { <li>{move || explain(&reason, i18n.lang())}</li> })
                .collect_view()}
        </ul>
    }
}

fn names(list: &[LocalizedText], lang: Lang) -> String {
    list.iter().map(|name| name.get(lang)).collect::<Vec<_>>().join(", ")
}

/// A requirement as a sentence in `lang`.
pub fn explain(requirement: &Requirement, lang: Lang) -> String {
    let fill = |key, values: &[(&str, &str)]| crate::i18n::fill(key, lang, values);
    match requirement {
        Requirement::EmploymentType { allowed, actual } => {
            let kinds: Vec<_> = allowed.iter().map(|t| crate::i18n::text(employment_people_key(*t), lang)).collect();
            fill(Key::ReasonEmploymentType, &[("types", &kinds.join(", ")), ("actual", crate::i18n::text(employment_type_key(*actual), lang))])
        }
        Requirement::Department { allowed } => fill(Key::ReasonDepartment, &[("names", &names(allowed, lang))]),
        Requirement::Site { allowed } => fill(Key::ReasonSite, &[("names", &names(allowed, lang))]),
        Requirement::Segment { allowed } => fill(Key::ReasonSegment, &[("names", &names(allowed, lang))]),
        Requirement::MinTenure { months, actual } => fill(Key::ReasonMinTenure, &[("required", &tenure(*months, lang)), ("actual", &tenure(*actual, lang))]),
        Requirement::MaxTenure { months, actual } => fill(Key::ReasonMaxTenure, &[("limit", &tenure(*months, lang)), ("actual", &tenure(*actual, lang))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::EmploymentType;

    #[test]
    fn a_partner_supplier_reads_which_contracts_qualify_and_which_is_his() {
        let reason = Requirement::EmploymentType { allowed: vec![EmploymentType::FullTime, EmploymentType::PartTime], actual: EmploymentType::PartnerSupplier };
        assert_eq!(explain(&reason, Lang::En), "Only for full-time staff, part-time staff. Your contract: partner supplier.");
        assert_eq!(explain(&reason, Lang::Vi), "Chỉ dành cho nhân viên toàn thời gian, nhân viên bán thời gian. Hình thức của bạn: đối tác cung ứng.");
    }

    #[test]
    fn a_tenure_reason_says_what_is_needed_and_what_you_have() {
        let reason = Requirement::MinTenure { months: 12, actual: 7 };
        assert_eq!(explain(&reason, Lang::En), "Needs 1 year of service; you have 7 months");
    }
}
