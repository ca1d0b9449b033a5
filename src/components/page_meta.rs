//! What a page puts in the document's head: its title, its description, a
//! robots rule, and `<html lang>`.
//!
//! The prerender renders them with `leptos_meta`, which writes them into each
//! page's HTML. In the browser the app sets them on the document directly:
//! `leptos_meta` costs much more WebAssembly for these four things
//! (docs/performance.md, "Decisions in the code, measured"). They change
//! after the page's own render (effects), which no reader can see.

use leptos::prelude::*;

use crate::i18n::msg;
use crate::i18n::{format_in, text, use_i18n};

/// The document title and description of a page, in the page's language.
/// `title` is the page's own title; the site's name is added after it.
#[component]
pub fn PageMeta(#[prop(into)] title: Signal<String>, #[prop(into)] description: Signal<String>) -> impl IntoView {
    let document_title = text(move |lang| {
        let page = title.get();
        format_in(lang, msg::DOCUMENT_TITLE, &[("page", (&page).into())])
    });
    head::title_and_description(document_title, description)
}

/// Asks search engines not to index the page (the not-found page), for as
/// long as it is shown.
#[component]
pub fn NoIndex() -> impl IntoView {
    head::no_index()
}

/// `<html lang>` follows the page's language.
#[component]
pub fn DocumentLanguage() -> impl IntoView {
    let i18n = use_i18n();
    head::language(Signal::derive(move || i18n.lang.get().code()))
}

#[cfg(feature = "ssr")]
mod head {
    use leptos::prelude::*;
    use leptos_meta::{Html, Meta, Title};

    pub fn title_and_description(title: Signal<String>, description: Signal<String>) -> impl IntoView {
        view! {
            <Title text=title/>
            <Meta name="description" content=move || description.get()/>
        }
    }

    pub fn no_index() -> impl IntoView {
        view! { <Meta name="robots" content="noindex"/> }
    }

    pub fn language(code: Signal<&'static str>) -> impl IntoView {
        view! { <Html {..} lang=move || code.get() dir="ltr"/> }
    }
}

#[cfg(not(feature = "ssr"))]
mod head {
    use leptos::prelude::*;

    // Unit, as `impl IntoView` like the prerender's own: the components
    // return what these return, so the prerender's views are never dropped.
    pub fn title_and_description(title: Signal<String>, description: Signal<String>) -> impl IntoView {
        Effect::new(move |_| document().set_title(&title.get()));
        // The prerendered page's own description is updated, not doubled.
        Effect::new(move |_| set_meta("description", &description.get()));
    }

    pub fn no_index() -> impl IntoView {
        Effect::new(|_| set_meta("robots", "noindex"));
        on_cleanup(|| {
            if let Some(meta) = find_meta("robots") {
                meta.remove();
            }
        });
    }

    pub fn language(code: Signal<&'static str>) -> impl IntoView {
        Effect::new(move |_| {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", code.get());
            }
        });
    }

    fn find_meta(name: &str) -> Option<web_sys::Element> {
        document().head()?.query_selector(&format!("meta[name=\"{name}\"]")).ok().flatten()
    }

    /// Sets `<meta name content>` in `<head>`, adding it if missing.
    fn set_meta(name: &str, content: &str) {
        let meta = find_meta(name).or_else(|| {
            let meta = document().create_element("meta").ok()?;
            meta.set_attribute("name", name).ok()?;
            document().head()?.append_child(&meta).ok()?;
            Some(meta)
        });
        if let Some(meta) = meta {
            let _ = meta.set_attribute("content", content);
        }
    }
}
