use kasipodaq_core::urls::Page;
use leptos::prelude::*;
use leptos_router::{hooks::use_navigate, NavigateOptions};

use crate::i18n::visitor_language;

/// `/`: goes to the home page in the saved language, else the browser's, else
/// English. Replaces the history entry, so "back" does not bounce here.
#[component]
pub fn LanguageRedirect() -> impl IntoView {
    let navigate = use_navigate();
    let target = Page::Home.path(visitor_language());
    Effect::new(move |_| {
        navigate(&target, NavigateOptions { replace: true, ..Default::default() });
    });
}
