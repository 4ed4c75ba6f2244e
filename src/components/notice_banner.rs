use crate::i18n::{I18n, Key, Tr};
use crate::storage::{Problem, StorageNotice, StoredPart};
use leptos::prelude::*;

/// Tells the member that stored demo data had to be reset, and which
/// (the session, or a portal's data by its translated name).
#[component]
pub fn NoticeBanner(
    notice: StorageNotice,
    /// The member read it.
    on_dismiss: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let message = move || match (notice.part, notice.problem) {
        (StoredPart::Session, Problem::Corrupt) => i18n.t(Key::NoticeSessionCorrupt).to_owned(),
        (StoredPart::Session, Problem::Incompatible { .. }) => i18n.t(Key::NoticeSessionIncompatible).to_owned(),
        (StoredPart::Portal(data), Problem::Corrupt) => i18n.fill(Key::NoticePortalCorrupt, &[("data", i18n.t(data))]),
        (StoredPart::Portal(data), Problem::Incompatible { .. }) => i18n.fill(Key::NoticePortalIncompatible, &[("data", i18n.t(data))]),
    };
    view! {
        <div class="notice" role="status" data-testid="storage-notice">
            <p>{message}</p>
            <button type="button" class="button secondary" on:click=move |_| on_dismiss()>
                <Tr key=Key::ActionDismiss/>
            </button>
        </div>
    }
}
