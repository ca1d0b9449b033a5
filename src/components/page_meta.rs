use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{format_in, text};

/// The document title and description of a page, in the page's language.
/// `title` is the page's own title; the site's name is added after it.
#[component]
pub fn PageMeta(#[prop(into)] title: Signal<String>, #[prop(into)] description: Signal<String>) -> impl IntoView {
    let document_title = text(move |lang| {
        let page = title.get();
        format_in(lang, "document-title", &[("page", (&page).into())])
    });
    view! {
        <Title text=document_title/>
        <Meta name="description" content=move || description.get()/>
    }
}
