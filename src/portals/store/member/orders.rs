use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{ActionError, ConfirmButton, Loadable};
use crate::i18n::format::date;
use crate::i18n::format::money;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::labels::{status_class, status_key};
use crate::portals::store::use_store;
use domain::store::{Order, OrderId, OrderStatus};
use domain::Site;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The member's orders, newest first.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let api = use_store();
    let orders = LocalResource::new(move || {
        let api = api.clone();
        async move { api.orders().await }
    });
    view! {
        <A href=app_href("/store") attr:class="back-link"><Tr key=Key::StoreBackToCatalogue/></A>
        <h1><Tr key=Key::StoreMyOrders/></h1>
        <Loadable resource=orders skeleton_lines=6 render=|orders| view! { <OrderList orders/> }/>
    }
}

#[component]
fn OrderList(orders: Vec<Order>) -> impl IntoView {
    let i18n = use_i18n();
    if orders.is_empty() {
        return view! { <p class="empty"><Tr key=Key::StoreNoOrders/></p> }.into_any();
    }
    view! {
        <ul class="order-list" data-testid="order-list">
            {orders.into_iter().map(|order| {
                let (id, status, total, placed) = (order.id, order.status, order.total, order.placed_at.date());
                let units: u32 = order.lines.iter().map(|l| l.quantity).sum();
                view! {
                    <li class="card order-row">
                        <A href=app_href(&format!("/store/orders/{}", id.0))>{id.number()}</A>
                        <span class=status_class(status)>{move || i18n.t(status_key(status))}</span>
                        <span class="muted">{move || format!("{} · {}", date(placed, i18n.lang()), if units == 1 { i18n.t(Key::StoreUnitsOne).to_owned() } else { i18n.fill(Key::StoreUnits, &[("count", &units.to_string())]) })}</span>
                        <strong>{move || money(total, i18n.lang())}</strong>
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any()
}

/// One order: confirmation after checkout, lines, pickup site, the status
/// timeline, and cancelling while it is still placed.
#[component]
pub fn OrderPage(id: OrderId) -> impl IntoView {
    let api = use_store();
    let changed = RwSignal::new(None::<Order>);
    let order = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.order(id).await }
        })
    };
    let sites = LocalResource::new(move || {
        let api = api.clone();
        async move { api.pickup_sites().await }
    });
    let just_placed = use_query_map().get_untracked().get("placed").is_some();
    // Said once: a reload, or coming back later, shows the order without it.
    Effect::new(move |_| {
        if just_placed {
            crate::browser::replace_query("");
        }
    });
    view! {
        <A href=app_href("/store/orders") attr:class="back-link"><Tr key=Key::StoreBackToOrders/></A>
        <Loadable resource=order skeleton_lines=8 page=true render=move |order| view! {
            <OrderDetails order=changed.get_untracked().unwrap_or(order) sites just_placed changed/>
        }/>
    }
}

#[component]
fn OrderDetails(order: Order, sites: LocalResource<Result<Vec<Site>, ApiError>>, just_placed: bool, changed: RwSignal<Option<Order>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_store();
    let current = RwSignal::new(order);
    let cancel = Action::new_local(move |id: &OrderId| {
        let (api, id) = (api.clone(), *id);
        async move { api.cancel_order(id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(order)) = cancel.value().get() {
            changed.set(Some(order.clone()));
            current.set(order);
            // The cancel button went with the order's old status: focus
            // the status that replaced it.
            request_animation_frame(|| {
                crate::browser::focus_first("[data-testid=order-status]");
            });
        }
    });
    let order = move || current.get();
    let site_name = move || {
        let site = current.with(|o| o.pickup_site_id);
        sites.get().and_then(Result::ok).and_then(|all| all.into_iter().find(|s| s.id == site)).map(|s| s.name.get(i18n.lang()).to_owned())
    };
    view! {
        // Gone once the order no longer stands as placed (cancelled on this page).
        {move || (just_placed && order().status == OrderStatus::Placed).then(|| view! {
            <div class="success card" role="status" data-testid="order-confirmation">
                <p class="status-title"><Tr key=Key::StoreOrderPlaced/></p>
                <p>{move || i18n.fill(Key::StoreOrderNumberIs, &[("number", &current.with(|o| o.id.number()))])}</p>
            </div>
        })}
        <h1>{move || i18n.fill(Key::StoreOrderTitle, &[("number", &current.with(|o| o.id.number()))])}</h1>
        <p>
            <span class=move || status_class(order().status) data-testid="order-status">{move || i18n.t(status_key(order().status))}</span>
        </p>
        <p>{move || i18n.fill(Key::StorePickupAt, &[("site", &site_name().unwrap_or_default())])}</p>
        <ul class="order-lines">
            {move || order().lines.into_iter().map(|line| {
                let total = line.total();
                view! {
                    <li>
                        <span>{format!("{} × {}", line.quantity, line.name.get(i18n.lang()))}</span>
                        <span>{money(total, i18n.lang())}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <p class="total-row"><span><Tr key=Key::StoreTotal/></span><strong>{move || money(order().total, i18n.lang())}</strong></p>
        <Timeline order=Signal::derive(order)/>
        {move || cancel.value().get().and_then(Result::err).map(|error| view! {
            <ActionError error retry=move || { cancel.dispatch(current.with_untracked(|o| o.id)); }/>
        })}
        {move || (order().status == OrderStatus::Placed).then(|| view! {
            <ConfirmButton label=Signal::derive(move || i18n.t(Key::StoreCancelOrder)) question=Signal::derive(move || i18n.t(Key::StoreCancelQuestion))
                yes=Key::StoreCancelConfirm no=Key::StoreCancelKeep pending=cancel.pending()
                act=move || { cancel.dispatch(current.with_untracked(|o| o.id)); }/>
        })}
    }
}

/// placed → ready for pickup → collected, each with when it happened; a
/// cancelled order shows where it stopped.
#[component]
fn Timeline(#[prop(into)] order: Signal<Order>) -> impl IntoView {
    let i18n = use_i18n();
    let steps = move || {
        let order = order.get();
        let mut steps: Vec<(OrderStatus, Option<domain::Timestamp>)> = order.history.iter().map(|c| (c.status, Some(c.at))).collect();
        if order.status != OrderStatus::Cancelled {
            for upcoming in [OrderStatus::ReadyForPickup, OrderStatus::Collected] {
                if !steps.iter().any(|(s, _)| *s == upcoming) {
                    steps.push((upcoming, None));
                }
            }
        }
        steps
    };
    view! {
        <h2><Tr key=Key::StoreTimeline/></h2>
        <ol class="timeline" data-testid="timeline">
            {move || steps().into_iter().map(|(status, at)| {
                let done = at.is_some();
                view! {
                    <li class:done=done>
                        <span class="step">{i18n.t(status_key(status))}</span>
                        <span class="muted">{match at {
                            Some(at) => {
                                let (h, m) = at.local_time();
                                format!("{} {h:02}:{m:02}", date(at.date(), i18n.lang()))
                            }
                            None => i18n.t(Key::StoreNotYet).to_owned(),
                        }}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
