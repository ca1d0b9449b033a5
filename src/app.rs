//! The application: the shell around every page, and which page a path shows
//! (`kasipodaq_core::urls`).
//!
//! `crate::address` owns the location, history and link clicks; which page a
//! path shows is decided by `Page::parse`, the same tested rule that builds
//! every URL. (`leptos_router` did both with much more WebAssembly:
//! docs/performance.md, "Decisions in the code, measured".)

use crate::{
    address::{provide_address, use_address},
    components::{footer::SiteFooter, header::SiteHeader, page_meta::DocumentLanguage},
    contacts::provide_contacts,
    i18n::provide_i18n,
    routes::{
        accessibility::AccessibilityPage, contacts::ContactsPage, home::HomePage, language_redirect::LanguageRedirect,
        not_found::NotFoundPage, platform::PlatformPage, statement::StatementPage, statements::StatementsPage,
        union_day::UnionDayPage,
    },
};
use kasipodaq_core::urls::{is_root, ArchiveView, Page};
use leptos::{prelude::*, wasm_bindgen::JsCast};

#[component]
pub fn App() -> impl IntoView {
    // The prerender collects the head's tags (components::page_meta).
    #[cfg(feature = "ssr")]
    leptos_meta::provide_meta_context();
    provide_address();
    view! { <Shell/> }
}

/// Header, main and footer: the same on every page, the not-found page too.
#[component]
fn Shell() -> impl IntoView {
    provide_i18n();
    provide_contacts();
    let address = use_address();
    // The page without its language: a language switch keeps the page
    // mounted and only its texts change.
    let page = Memo::new(move |_| {
        address.pathname.with(|path| {
            if is_root(path) {
                Route::Root
            } else {
                // Every archive view is one route: moving between its pages,
                // years and kinds keeps the page (and the search box) mounted.
                Page::parse(path)
                    .map(|(_, page)| match page {
                        Page::Statements(_) => Route::Page(Page::Statements(ArchiveView::ALL)),
                        page => Route::Page(page),
                    })
                    .unwrap_or(Route::NotFound)
            }
        })
    });
    // A new path goes to the address bar (and the view to its fragment)
    // once the page for it is on screen: say so after each render.
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        address.pathname.track();
        address.page_shown();
    });
    // After a move to another page (not a language switch, not the first
    // load), focus goes to the new page's heading, so keyboard and screen
    // reader users start reading there instead of at a link that is gone.
    Effect::new(move |previous: Option<Route>| {
        let current = page.get();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(|| focus_heading(false));
        }
        current
    });
    // Memos: each part is built once, when the staged build reaches it (a
    // later step must not build the page again).
    let staged = use_context::<StagedBuild>();
    let built = move |part: BuildPart| Memo::new(move |_| staged.is_none_or(|staged| staged.0.get() >= part));
    let (header_built, page_built, footer_built) =
        (built(BuildPart::Header), built(BuildPart::Page), built(BuildPart::Footer));
    view! {
        <DocumentLanguage/>
        {move || header_built.get().then(|| view! { <SiteHeader/> })}
        <main id="main" tabindex="-1">
            {move || match page.get() {
                _ if !page_built.get() => ().into_any(),
                Route::Root => view! { <LanguageRedirect/> }.into_any(),
                Route::NotFound => view! { <NotFoundPage/> }.into_any(),
                Route::Page(Page::Home) => view! { <HomePage/> }.into_any(),
                Route::Page(Page::Statements(_)) => view! { <StatementsPage/> }.into_any(),
                Route::Page(Page::Statement(slug)) => view! { <StatementPage slug=slug/> }.into_any(),
                Route::Page(Page::Platform) => view! { <PlatformPage/> }.into_any(),
                Route::Page(Page::UnionDay) => view! { <UnionDayPage/> }.into_any(),
                Route::Page(Page::Contacts) => view! { <ContactsPage/> }.into_any(),
                Route::Page(Page::Accessibility) => view! { <AccessibilityPage/> }.into_any(),
            }}
        </main>
        {move || footer_built.get().then(|| view! { <SiteFooter/> })}
    }
}

/// Focuses the page's heading after a move; a page whose heading comes with
/// its headers file (a statement not yet read) has `main` focused until
/// then, and `arrived` moves focus on to the heading only if the reader has
/// not moved it elsewhere meanwhile.
pub fn focus_heading(arrived: bool) {
    let focus = |selector: &str| {
        let element = document().query_selector(selector).ok().flatten();
        element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|e| e.focus().is_ok())
    };
    let on_main = || document().active_element().is_some_and(|e| e.id() == "main");
    if arrived && !on_main() {
        return;
    }
    if !focus("main h1") && !arrived {
        focus("main");
    }
}

/// Given by [`crate::take_over`] while it builds the app in place of a
/// prerendered page: the header and the parts after it are built only once
/// this has reached them, each in a task of its own, so a slow phone's main
/// thread is never blocked by the whole build at once (a task under about
/// 10 ms at full speed is one Lighthouse leaves out of its slow-phone model:
/// docs/performance.md, "The takeover's tasks"). Without it (the app mounted
/// elsewhere, as in the component tests) everything is built at once.
#[derive(Clone, Copy)]
pub struct StagedBuild(pub ReadSignal<BuildPart>);

/// The parts of the shell, in the order a staged build adds them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BuildPart {
    Shell,
    Header,
    Page,
    PageEnd,
    Footer,
}

/// The longer part of a page (a statement's text and what follows it),
/// built one step after the page's header in a staged build: the page is
/// then two shorter tasks instead of one.
pub fn page_end(view: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let staged = use_context::<StagedBuild>();
    let built = Memo::new(move |_| staged.is_none_or(|staged| staged.0.get() >= BuildPart::PageEnd));
    move || built.get().then(&view)
}

/// What the path shows.
#[derive(Clone, PartialEq)]
enum Route {
    /// `/`: goes to the visitor's language.
    Root,
    Page(Page),
    NotFound,
}
