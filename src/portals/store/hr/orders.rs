use super::HrStoreFrame;
use crate::api::ApiError;
use crate::browser;
use crate::components::{from_wire_name, wire_name, ActionError, ConfirmButton, Loadable};
use crate::i18n::format::{date, money};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::labels::{status_class, status_key};
use crate::portals::store::use_store;
use domain::common::Page;
use domain::store::{Actor, Order, OrderFilter, OrderId, OrderStatus};
use domain::{Site, SiteId};
use leptos::prelude::*;

/// The pickup desk's queue: orders by status and site, moved on one step
/// at a time, and exported as CSV.
#[component]
pub fn HrOrders() -> impl IntoView {
    view! {
        <HrStoreFrame title=Key::HrStoreOrdersTitle>
            <Queue/>
        </HrStoreFrame>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let filter = RwSignal::new(OrderFilter { status: Some(OrderStatus::Placed), site: None });
    let page = RwSignal::new(1u32);
    let changes = RwSignal::new(0u32);
    // Set when an order moved on: its row, and the button that had focus,
    // go with the reload; focus then goes to the count of what is left.
    let moved = RwSignal::new(false);
    let orders = {
        let api = api.clone();
        LocalResource::new(move || {
            changes.track();
            let (api, filter, page) = (api.clone(), filter.get(), page.get());
            async move { api.hr_orders(&filter, page).await }
        })
    };
    let sites = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.pickup_sites().await }
        })
    };
    let export = Action::new_local(move |filter: &OrderFilter| {
        let (api, filter, lang) = (api.clone(), filter.clone(), i18n.lang());
        async move {
            let csv = api.orders_csv(&filter, lang).await?;
            browser::download_text("orders.csv", "text/csv;charset=utf-8", &csv);
            Ok::<(), ApiError>(())
        }
    });
    let set_status = move |value: String| {
        filter.update(|f| f.status = from_wire_name(&value));
        page.set(1);
    };
    view! {
        <div class="filters queue-filters">
            <div class="field">
                <label for="queue-status"><Tr key=Key::HrStoreStatusFilter/></label>
                <select id="queue-status" on:change=move |ev| set_status(event_target_value(&ev))>
                    <option value=""><Tr key=Key::HrStoreAll/></option>
                    {OrderStatus::ALL.into_iter().map(|s| view! {
                        <option value=wire_name(&s) selected=move || filter.read().status == Some(s)>{move || i18n.t(status_key(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <Loadable resource=sites skeleton_lines=1 render=move |sites| view! { <SiteFilter sites filter page/> }/>
            <button type="button" class="button secondary" on:click=move |_| { export.dispatch(filter.get_untracked()); }
                disabled=move || export.pending().get()>
                <Tr key=Key::HrStoreExportCsv/>
            </button>
        </div>
        {move || export.value().get().and_then(Result::err).map(|error| view! {
            <ActionError error retry=move || { export.dispatch(filter.get_untracked()); }/>
        })}
        <Loadable resource=orders skeleton_lines=8 render=move |orders| view! { <QueueList orders page changes moved sites/> }/>
    }
}

#[component]
fn SiteFilter(sites: Vec<Site>, filter: RwSignal<OrderFilter>, page: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="queue-site"><Tr key=Key::StorePickupSite/></label>
            <select id="queue-site" on:change=move |ev| {
                filter.update(|f| f.site = event_target_value(&ev).parse().ok().map(SiteId));
                page.set(1);
            }>
                <option value=""><Tr key=Key::HrStoreAll/></option>
                {sites.into_iter().map(|s| {
                    let id = s.id;
                    view! { <option value=id.0.to_string() selected=move || filter.read().site == Some(id)>{move || s.name.get(i18n.lang()).to_owned()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn QueueList(
    orders: Page<Order>,
    page: RwSignal<u32>,
    changes: RwSignal<u32>,
    moved: RwSignal<bool>,
    sites: LocalResource<Result<Vec<Site>, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if moved.get_untracked() {
            moved.set(false);
            browser::focus_first("[data-testid=queue-count]");
        }
    });
    let pages = orders.total.div_ceil(domain::store::use_cases::QUEUE_PER_PAGE).max(1);
    let total = orders.total;
    let site_name = move |id: SiteId| {
        sites.get().and_then(Result::ok).and_then(|all| all.into_iter().find(|s| s.id == id)).map(|s| s.name.get(i18n.lang()).to_owned()).unwrap_or_default()
    };
    view! {
        <p class="muted" role="status" data-testid="queue-count">{move || i18n.fill(Key::HrStoreOrderCount, &[("count", &total.to_string())])}</p>
        <ul class="order-list" data-testid="queue">
            {orders.items.into_iter().map(|order| {
                let site = order.pickup_site_id;
                view! { <QueueRow order changes moved site_name=Signal::derive(move || site_name(site))/> }
            }).collect_view()}
        </ul>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=move || i18n.t(Key::StorePagerLabel)>
                <button type="button" class="button secondary" disabled=move || page.get() <= 1 on:click=move |_| page.update(|p| *p -= 1)><Tr key=Key::StorePagerPrevious/></button>
                <span>{move || i18n.fill(Key::StorePagerPosition, &[("page", &page.get().to_string()), ("pages", &pages.to_string())])}</span>
                <button type="button" class="button secondary" disabled=move || { page.get() >= pages } on:click=move |_| page.update(|p| *p += 1)><Tr key=Key::StorePagerNext/></button>
            </nav>
        })}
    }
}

#[component]
fn QueueRow(order: Order, changes: RwSignal<u32>, moved: RwSignal<bool>, #[prop(into)] site_name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    // The action forgets its input once it resolves; retry needs it after.
    let last_move = StoredValue::new(None::<(OrderId, OrderStatus)>);
    let move_on = Action::new_local(move |(id, status): &(OrderId, OrderStatus)| {
        let (api, id, status) = (api.clone(), *id, *status);
        last_move.set_value(Some((id, status)));
        async move { api.set_order_status(id, status).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = move_on.value().get() {
            moved.set(true);
            changes.update(|n| *n += 1);
        }
    });
    let Order { id, buyer_name, status, total, placed_at, lines, .. } = order;
    let next: Vec<OrderStatus> = OrderStatus::ALL.into_iter().filter(|n| status.can_become(*n, Actor::Hr)).collect();
    let summary = move || lines.iter().map(|l| format!("{} × {}", l.quantity, l.name.get(i18n.lang()))).collect::<Vec<_>>().join(", ");
    view! {
        <li class="card queue-row" data-testid="queue-row">
            <p><strong>{id.number()}</strong>" · "{buyer_name}</p>
            <span class=status_class(status)>{move || i18n.t(status_key(status))}</span>
            <p class="muted">{move || format!("{} · {} · {}", date(placed_at.date(), i18n.lang()), site_name.get(), money(total, i18n.lang()))}</p>
            <p>{summary}</p>
            <div class="actions">
                {next.into_iter().map(|n| {
                    let label = Signal::derive(move || i18n.fill(action_key(n), &[("number", &id.number())]));
                    if n == OrderStatus::Cancelled {
                        // Not undone by a click: it asks first, as the member's cancel does.
                        let question = Signal::derive(move || i18n.fill(Key::HrStoreCancelQuestion, &[("number", &id.number())]));
                        view! {
                            <ConfirmButton label question yes=Key::StoreCancelConfirm no=Key::StoreCancelKeep pending=move_on.pending()
                                act=move || { move_on.dispatch((id, n)); }/>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button" disabled=move || move_on.pending().get() on:click=move |_| { move_on.dispatch((id, n)); }>
                                {move || label.get()}
                            </button>
                        }.into_any()
                    }
                }).collect_view()}
            </div>
            {move || move_on.value().get().and_then(Result::err).map(|error| view! {
                <ActionError error retry=move || { if let Some(last) = last_move.get_value() { move_on.dispatch(last); } }/>
            })}
        </li>
    }
}

/// What the button that moves an order to `status` says.
fn action_key(status: OrderStatus) -> Key {
    match status {
        OrderStatus::ReadyForPickup => Key::HrStoreMarkReadyForPickup,
        OrderStatus::Collected => Key::HrStoreMarkCollected,
        _ => Key::HrStoreMarkCancelled,
    }
}
