//! The one lazy loader every portal uses. A portal's pages are a wasm
//! module of its own (`scripts/split-hook.sh` splits the build), so the
//! first load does not grow with the portals:
//! - its module is fetched once the shell is up (see `app.rs`), or at once
//!   when the app starts on one of its pages;
//! - a page shows a skeleton while the module loads, then the page;
//! - a failed download says so (translated) with a retry, which fetches
//!   again (a failure is not remembered).
//!
//! A portal declares its module with one line, [`split_module!`]. Without
//! the `split` feature (the wasm-bindgen test binaries, which cannot start
//! with a split point in them) the module is a plain call.

use crate::components::{Skeleton, StatusMessage};
use crate::i18n::{Key, Tr};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::OnceLock;

/// Draws one of a portal's pages (`P` names them); lives in its module.
pub type Draw<P> = fn(P) -> AnyView;

/// Fetches a portal's module; resolves to how it draws its pages.
pub type Fetch<P> = fn() -> Pin<Box<dyn Future<Output = Result<Draw<P>, SplitLoaderError>>>>;

/// A portal's module, as the shell and the portal's routes see it.
pub struct Module<P: 'static> {
    fetch: Fetch<P>,
    loaded: OnceLock<Draw<P>>,
    /// The heading over a failed download: the portal's name.
    title: Key,
}

impl<P: Copy + Send + Sync + 'static> Module<P> {
    /// For [`split_module!`].
    pub const fn new(title: Key, fetch: Fetch<P>) -> Module<P> {
        Module { fetch, loaded: OnceLock::new(), title }
    }

    /// Fetches the module once; a failed fetch is not remembered, so asking
    /// again retries.
    async fn load(&'static self) -> Result<Draw<P>, SplitLoaderError> {
        if let Some(draw) = self.loaded.get() {
            return Ok(*draw);
        }
        let draw = (self.fetch)().await?;
        Ok(*self.loaded.get_or_init(|| draw))
    }

    /// Fetches the module in the background, so that opening the portal
    /// later does not wait for the network.
    pub fn prefetch(&'static self) {
        leptos::task::spawn_local(async move {
            let _ = self.load().await;
        });
    }

    /// One of the portal's pages, for its route: at once when the module is
    /// loaded, else a skeleton until it is, or a retry if that fails.
    pub fn page(&'static self, page: P) -> AnyView {
        if let Some(draw) = self.loaded.get() {
            return draw(page);
        }
        lazy_page(self.title, Box::new(move || Box::pin(async move { self.load().await.ok().map(|draw| Rc::new(move || draw(page)) as Drawer) })))
    }
}

/// Draws a loaded page.
type Drawer = Rc<dyn Fn() -> AnyView>;

/// The page's skeleton, then the page `load` resolves to, or a retry.
/// Not generic, so each portal's module adds no copy of it to the first load.
#[allow(clippy::type_complexity)]
fn lazy_page(title: Key, load: Box<dyn Fn() -> Pin<Box<dyn Future<Output = Option<Drawer>>>>>) -> AnyView {
    let module = LocalResource::new(load);
    view! {
        <Suspense fallback=|| view! { <Skeleton lines=4/> }>
            {move || Suspend::new(async move {
                match module.await {
                    Some(draw) => draw(),
                    None => view! {
                        <h1><Tr key=title/></h1>
                        <StatusMessage title=Key::ErrorPortalDownload>
                            <button class="button" on:click=move |_| module.refetch()><Tr key=Key::ActionRetry/></button>
                        </StatusMessage>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Declares a portal's module: `split_module!(pub MODULE: () = store(draw), title);`
/// makes `MODULE`, a [`Module`] whose pages `draw` draws, split into
/// `*-split_store.wasm`. Everything only `draw` reaches lands in that module.
/// With `texts = portal_texts::X` the portal's own texts
/// (`locales/<portal>.*.json`) land there too, registered as it loads.
macro_rules! split_module {
    ($vis:vis $module:ident: $page:ty = $split:ident($draw:path), $title:expr, texts = $texts:path) => {
        $crate::portals::lazy::split_module!($vis $module: $page = $split(loaded), $title);

        fn loaded(page: $page) -> ::leptos::prelude::AnyView {
            $crate::i18n::register(&$texts);
            $draw(page)
        }
    };
    ($vis:vis $module:ident: $page:ty = $split:ident($draw:path), $title:expr) => {
        $vis static $module: $crate::portals::lazy::Module<$page> = $crate::portals::lazy::Module::new($title, || Box::pin($split::fetch()));

        mod $split {
            use super::*;
            use $crate::portals::lazy::Draw;
            use ::leptos::wasm_split::SplitLoaderError;

            #[cfg(feature = "split")]
            #[::leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
            pub fn fetch() -> Result<Draw<$page>, SplitLoaderError> {
                Ok($draw)
            }

            #[cfg(not(feature = "split"))]
            pub async fn fetch() -> Result<Draw<$page>, SplitLoaderError> {
                Ok($draw)
            }
        }
    };
}

pub(crate) use split_module;
