use kasipodaq_core::{
    content::{Kind, Statement},
    urls::Page,
    Lang,
};
use leptos::prelude::*;

use crate::i18n::{format_date, msg};
use crate::i18n::{message, page_href, text, tr, use_i18n};

/// The statement's date written out in `lang`, or that the source gives none.
pub fn date_text(statement: &Statement, lang: Lang) -> String {
    match statement.date {
        Some(date) => format_date(date, lang),
        None => message(lang, msg::DATE_NOT_STATED),
    }
}

/// The statement's date in the page's language, or that the source gives none.
#[component]
pub fn StatementDate(statement: &'static Statement) -> impl IntoView {
    match statement.date {
        Some(date) => {
            view! { <time datetime=date.to_string()>{text(move |lang| date_text(statement, lang))}</time> }.into_any()
        }
        None => view! { <span class="undated">{text(move |lang| date_text(statement, lang))}</span> }.into_any(),
    }
}

/// The name of a kind of statement in the page's language.
pub fn kind_label(kind: Kind) -> Signal<String> {
    text(move |lang| message(lang, crate::i18n::family::kind(kind)))
}

/// The `lang` of a statement's own words on a page in `lang`: the source
/// language's where the statement is not yet translated, otherwise none
/// (the page's).
pub fn text_lang_attr(statement: &Statement, lang: Lang) -> Option<&'static str> {
    (!statement.has(lang)).then(|| statement.source_language.code())
}

/// A statement in a list: title link, date, kind and summary.
#[component]
pub fn StatementCard(statement: &'static Statement) -> impl IntoView {
    let i18n = use_i18n();
    let version = move || statement.version(i18n.lang.get());
    let text_lang = move || text_lang_attr(statement, i18n.lang.get());
    let href = page_href(Page::Statement(statement.slug.to_string()));
    view! {
        <li class="statement-card">
            <p class="statement-card__title" lang=text_lang><a href=href>{move || version().title.to_string()}</a></p>
            <p class="statement-card__meta">
                <StatementDate statement=statement/>
                <span class="statement-card__kind">{kind_label(statement.kind)}</span>
                // A title and summary in another language than the source's are ours.
                {move || version().translation.then(|| view! {
                    <span class="statement-card__translated">{tr(msg::CARD_TRANSLATED)}</span>
                })}
            </p>
            <p class="statement-card__summary" lang=text_lang>{move || version().summary.to_string()}</p>
        </li>
    }
}
