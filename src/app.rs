//! The application: router, the shell around every page, and the route table
//! (`../shared/DESIGN.md`, "Pages and URLs").

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};

use crate::{
    components::{footer::SiteFooter, header::SiteHeader},
    i18n::provide_i18n,
    routes::{
        contacts::ContactsPage, home::HomePage, language_gate::LanguageGate,
        language_redirect::LanguageRedirect, not_found::NotFoundPage, platform::PlatformPage,
        statement::StatementPage, statements::StatementsPage, union_day::UnionDayPage,
    },
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

/// Header, main and footer: the same on every page, the not-found page too.
#[component]
fn Shell() -> impl IntoView {
    let i18n = provide_i18n();
    view! {
        <Html {..} lang=move || i18n.lang.get().code() dir="ltr"/>
        <SiteHeader/>
        <main id="main" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=LanguageRedirect/>
                <ParentRoute path=path!("/:lang") view=LanguageGate>
                    <Route path=path!("") view=HomePage/>
                    <Route path=path!("statements") view=StatementsPage/>
                    <Route path=path!("statements/:slug") view=StatementPage/>
                    <Route path=path!("platform") view=PlatformPage/>
                    <Route path=path!("union-day") view=UnionDayPage/>
                    <Route path=path!("contacts") view=ContactsPage/>
                </ParentRoute>
            </Routes>
        </main>
        <SiteFooter/>
    }
}
