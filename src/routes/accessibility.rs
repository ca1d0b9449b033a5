use std::sync::Arc;

use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::{
    components::{
        page_header::PageHeader,
        texts_file::{fetch_texts, texts_view},
    },
    content::{accessibility_html, load_accessibility_html},
    i18n::use_i18n,
};

/// `/{lang}/accessibility/`: the accessibility statement — the standard the
/// portal aims at, what the tests check on every build, the limits known,
/// and how to report a problem.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    // Its body, built at build time from escaped translations
    // (kasipodaq_build::content::accessibility), comes in its texts file,
    // used only when its content matches the hash in its name
    // (crate::content::fetch_checked): never data from elsewhere.
    let (body, retry) = fetch_texts(accessibility_html(), load_accessibility_html);
    let body = texts_view(body, retry, move |html: &Arc<[String; 3]>| {
        view! { <div class="accessibility-statement" inner_html=html[i18n.lang.get().index()].clone()></div> }
            .into_any()
    });
    view! {
        <PageHeader page=Page::Accessibility/>
        {body}
    }
}
