use super::HrStoreFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{form_errors, form_errors_at, from_wire_name, wire_name, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::format::money;
use crate::i18n::labels::employment_type_key;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::labels::category_key;
use crate::portals::store::{store_resource, use_store};
use domain::common::{FieldError, Violation};
use domain::company::WorkforceOverview;
use domain::store::product::{PRICE_RANGE, QUOTA_RANGE, STOCK_RANGE};
use domain::store::{Category, Product, ProductDraft, ProductId, ProductPatch};
use domain::{Audience, Condition, EmploymentType, LocalizedText};
use leptos::prelude::*;
use leptos_router::components::A;

/// Every product, hidden ones included, with a way into each.
#[component]
pub fn HrProducts() -> impl IntoView {
    let products = store_resource(|api| async move { api.hr_products().await });
    view! {
        <HrStoreFrame title=Key::HrStoreProductsTitle>
            <p><A href=app_href("/hr/store/products/new") attr:class="button"><Tr key=Key::HrStoreNewProduct/></A></p>
            <Loadable resource=products skeleton_lines=10 render=|products| view! { <ProductTable products/> }/>
        </HrStoreFrame>
    }
}

#[component]
fn ProductTable(products: Vec<Product>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="products-caption">
            <table class="data-table">
                <caption id="products-caption"><Tr key=Key::HrStoreProductsTitle/></caption>
                <thead><tr>
                    <th scope="col"><Tr key=Key::HrStoreName/></th>
                    <th scope="col"><Tr key=Key::HrStoreInternalPrice/></th>
                    <th scope="col"><Tr key=Key::StoreStock/></th>
                    <th scope="col"><Tr key=Key::HrStoreQuota/></th>
                    <th scope="col"><Tr key=Key::HrStoreVisibility/></th>
                </tr></thead>
                <tbody>
                    {products.into_iter().map(|p| {
                        let Product { id, name, internal_price, stock, monthly_quota, hidden, .. } = p;
                        view! {
                            <tr>
                                <th scope="row"><A href=app_href(&format!("/hr/store/products/{}", id.0))>{move || name.get(i18n.lang()).to_owned()}</A></th>
                                <td>{move || money(internal_price, i18n.lang())}</td>
                                <td>{stock}</td>
                                <td>{monthly_quota}</td>
                                <td>{move || i18n.t(if hidden { Key::HrStoreHidden } else { Key::HrStoreVisible })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Creates (`/hr/store/products/new`) or edits a product.
#[component]
pub fn HrProductForm(id: Option<ProductId>) -> impl IntoView {
    let backend = crate::api::use_api();
    let data = store_resource(move |api| {
        let backend = backend.clone();
        async move {
            let workforce = backend.workforce().await?;
            let product = match id {
                Some(id) => Some(api.hr_products().await?.into_iter().find(|p| p.id == id).ok_or(ApiError::NotFound)?),
                None => None,
            };
            Ok((product, workforce))
        }
    });
    // Set once a new product is saved: the address names it, the page is its
    // edit page, and every later save edits that one.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::HrStoreEditProduct } else { Key::HrStoreNewProduct });
    view! {
        <HrStoreFrame title>
            <Loadable resource=data skeleton_lines=12 render=move |(product, workforce)| view! { <ProductForm product workforce id=saved/> }/>
        </HrStoreFrame>
    }
}

/// The form's text fields, in order (the category goes after the first
/// four): the field each edits, its label, and whether it holds a number.
const TEXT_FIELDS: [(&str, Key, bool); 8] = [
    ("name.vi", Key::HrStoreNameVi, false),
    ("name.en", Key::HrStoreNameEn, false),
    ("description.vi", Key::HrStoreDescriptionVi, false),
    ("description.en", Key::HrStoreDescriptionEn, false),
    ("market_price", Key::HrStoreMarketPrice, true),
    ("internal_price", Key::HrStoreInternalPrice, true),
    ("stock", Key::StoreStock, true),
    ("monthly_quota", Key::HrStoreQuota, true),
];

/// The input id of a field name.
fn field_id(field: &str) -> String {
    format!("product-{}", field.replace('.', "-"))
}

/// One text field with its label and the messages for its field name.
#[component]
fn TextField(
    label: Key,
    field: &'static str,
    value: RwSignal<String>,
    errors: Signal<Vec<domain::common::FieldError>>,
    /// A whole number: the text is kept as typed and read by the domain's
    /// range when the form is sent, never turned into something else.
    #[prop(default = false)]
    numeric: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <input id=id type="text" inputmode=if numeric { "numeric" } else { "text" } aria-describedby=error_id.clone()
                aria-invalid=move || (!errors.get().is_empty()).to_string()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <FieldMessages errors id=error_id/>
        </div>
    }
}

#[component]
fn ProductForm(product: Option<Product>, workforce: WorkforceOverview, id: RwSignal<Option<ProductId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let draft = product.as_ref().map(Product::draft);
    let text = |f: fn(&ProductDraft) -> String| RwSignal::new(draft.as_ref().map(f).unwrap_or_default());
    let name_vi = text(|d| d.name.vi.clone());
    let name_en = text(|d| d.name.en.clone());
    let description_vi = text(|d| d.description.vi.clone());
    let description_en = text(|d| d.description.en.clone());
    let market = text(|d| d.market_price.to_string());
    let internal = text(|d| d.internal_price.to_string());
    let stock = text(|d| d.stock.to_string());
    let quota = text(|d| d.monthly_quota.to_string());
    let category = RwSignal::new(draft.as_ref().map_or(Category::Food, |d| d.category));
    let hidden = RwSignal::new(draft.as_ref().is_some_and(|d| d.hidden));
    let audience = draft.as_ref().map(|d| d.audience.clone()).unwrap_or_default();
    let types = RwSignal::new(listed(&audience, |c| match c {
        Condition::EmploymentTypeIn(t) => Some(t.clone()),
        _ => None,
    }));
    let segments = RwSignal::new(listed(&audience, |c| match c {
        Condition::InSegment(t) => Some(t.clone()),
        _ => None,
    }));
    let value_of = move |field: &str| match field {
        "name.vi" => name_vi,
        "name.en" => name_en,
        "description.vi" => description_vi,
        "description.en" => description_en,
        "market_price" => market,
        "internal_price" => internal,
        "stock" => stock,
        "monthly_quota" => quota,
        other => unreachable!("{other} is not in TEXT_FIELDS"),
    };
    let save = Action::new_local(move |draft: &ProductDraft| {
        let (api, draft, id) = (api.clone(), draft.clone(), id.get_untracked());
        async move {
            match id {
                Some(id) => api.update_product(id, &patch_of(draft)).await,
                None => api.create_product(&draft).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(product)) = save.value().get() {
            if id.get_untracked().is_none() {
                id.set(Some(product.id));
                // Not a navigation: the page at the new path would be drawn
                // afresh, without the "saved" it says now.
                crate::browser::replace_app_path(&format!("/hr/store/products/{}", product.id.0));
            }
        }
    });
    // What the rules found in the form before sending it; sent only when empty.
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || save.value().get().and_then(Result::err);
    let errors = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    let text_field = move |&(field, label, numeric): &(&'static str, Key, bool)| {
        view! { <TextField label field value=value_of(field) errors=errors(field) numeric/> }
    };
    let summary_target = Callback::new(move |field: String| {
        TEXT_FIELDS.iter().find(|(name, ..)| *name == field).map(|&(name, label, _)| FieldTarget { id: field_id(name), label: i18n.t(label).to_owned() })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut all_of: Vec<Condition> =
            audience.all_of.iter().filter(|c| !matches!(c, Condition::EmploymentTypeIn(_) | Condition::InSegment(_))).cloned().collect();
        if !types.get().is_empty() {
            all_of.push(Condition::EmploymentTypeIn(types.get()));
        }
        if !segments.get().is_empty() {
            all_of.push(Condition::InSegment(segments.get()));
        }
        // Every number as typed, in its domain range; a field that cannot be
        // read is named once, with its own error, and the rules see a
        // stand-in so the other fields are still checked.
        let typed = [
            (PRICE_RANGE, "market_price", market.get()),
            (PRICE_RANGE, "internal_price", internal.get()),
            (STOCK_RANGE, "stock", stock.get()),
            (QUOTA_RANGE, "monthly_quota", quota.get()),
        ];
        let read: Vec<Result<u64, Violation>> = typed.iter().map(|(range, field, text)| range.read(field, text)).collect();
        let unreadable: Vec<FieldError> = read.iter().filter_map(|r| r.as_ref().err()).cloned().map(FieldError::from).collect();
        let number = |i: usize| read[i].as_ref().map_or(typed[i].0.min, |n| *n);
        let draft = ProductDraft {
            name: LocalizedText { vi: name_vi.get(), en: name_en.get() },
            description: LocalizedText { vi: description_vi.get(), en: description_en.get() },
            category: category.get(),
            market_price: number(0),
            internal_price: number(1),
            // In range, so they fit.
            stock: number(2) as u32,
            monthly_quota: number(3) as u32,
            audience: Audience { all_of },
            hidden: hidden.get(),
        };
        // With a number unread, rules between numbers would judge a stand-in.
        let numeric = |field: &str| typed.iter().any(|(_, f, _)| *f == field);
        let rules = draft.violations().into_iter().filter(|v| unreadable.is_empty() || !numeric(&v.field)).map(FieldError::from);
        let broken: Vec<FieldError> = unreadable.iter().cloned().chain(rules).collect();
        let acceptable = broken.is_empty();
        found.set(broken);
        if acceptable {
            save.dispatch(draft);
        }
    };
    view! {
        <p><A href=app_href("/hr/store/products") attr:class="back-link"><Tr key=Key::HrStoreBackToProducts/></A></p>
        <form class="stack product-form" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target=summary_target/>
            {TEXT_FIELDS[..4].iter().map(text_field).collect_view()}
            <div class="field">
                <label for="product-category"><Tr key=Key::StoreCategoryLabel/></label>
                <select id="product-category" on:change=move |ev| {
                    if let Some(c) = from_wire_name(&event_target_value(&ev)) { category.set(c) }
                }>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=wire_name(&c) selected=move || category.get() == c>
                            {move || i18n.t(category_key(c))}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            {TEXT_FIELDS[4..].iter().map(text_field).collect_view()}
            <fieldset>
                <legend><Tr key=Key::HrStoreWhoMayBuy/></legend>
                <p class="muted"><Tr key=Key::HrStoreWhoMayBuyHint/></p>
                {EmploymentType::ALL.into_iter().map(|t| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || types.read().contains(&t)
                            on:change=move |_| types.update(|all| toggle(all, t))/>
                        {move || i18n.t(employment_type_key(t))}
                    </label>
                }).collect_view()}
                {workforce.segments.into_iter().map(|count| {
                    let tag = count.segment.tag.clone();
                    let name = count.segment.name.clone();
                    let checked_tag = tag.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || segments.read().contains(&checked_tag)
                                on:change=move |_| segments.update(|all| toggle(all, tag.clone()))/>
                            {move || i18n.fill(Key::HrStoreSegmentOption, &[("name", name.get(i18n.lang()))])}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label class="check">
                <input type="checkbox" prop:checked=move || hidden.get() on:change=move |_| hidden.update(|h| *h = !*h)/>
                <Tr key=Key::HrStoreHideProduct/>
            </label>
            {move || failure().map(|error| view! { <ActionError error kept=Key::FormKept/> })}
            <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::HrStoreSave/></button>
            <p role="status" class="muted">{move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::HrStoreSaved))}</p>
        </form>
    }
}

fn listed<T>(audience: &Audience, pick: impl Fn(&Condition) -> Option<Vec<T>>) -> Vec<T> {
    audience.all_of.iter().find_map(pick).unwrap_or_default()
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

/// An edit that sets every field the form shows.
fn patch_of(draft: ProductDraft) -> ProductPatch {
    let ProductDraft { name, description, category, market_price, internal_price, stock, monthly_quota, audience, hidden } = draft;
    ProductPatch {
        name: Some(name),
        description: Some(description),
        category: Some(category),
        market_price: Some(market_price),
        internal_price: Some(internal_price),
        stock: Some(stock),
        monthly_quota: Some(monthly_quota),
        audience: Some(audience),
        hidden: Some(hidden),
    }
}
