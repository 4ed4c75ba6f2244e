use crate::api::demo_store::StoreNotice;
use crate::i18n::{I18n, Key, Tr};
use leptos::prelude::*;

/// Tells the member that stored demo data had to be reset, until dismissed.
#[component]
pub fn NoticeBanner(notice: StoreNotice) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(true);
    let message = match notice {
        StoreNotice::Corrupt => Key::NoticeStoreCorrupt,
        StoreNotice::Incompatible { .. } => Key::NoticeStoreIncompatible,
    };
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status" data-testid="store-notice">
                <p>{move || i18n.t(message)}</p>
                <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                    <Tr key=Key::ActionDismiss/>
                </button>
            </div>
        </Show>
    }
}
