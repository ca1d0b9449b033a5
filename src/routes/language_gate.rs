use kasipodaq_core::Lang;
use leptos::prelude::*;
use leptos_router::{components::Outlet, hooks::use_params_map};

use crate::routes::not_found::NotFoundPage;

/// `/{lang}/…`: the pages below it when `{lang}` is one of ours, else the
/// not-found page with links to the three languages.
#[component]
pub fn LanguageGate() -> impl IntoView {
    let params = use_params_map();
    let known = Memo::new(move |_| params.with(|p| p.get("lang").as_deref().and_then(Lang::from_code).is_some()));
    view! {
        <Show when=move || known.get() fallback=NotFoundPage>
            <Outlet/>
        </Show>
    }
}
