use kasipodaq_core::{
    contacts::{card_fields, Headquarters, Localized, Piece},
    Lang,
};
use leptos::{either::Either, prelude::*, tachys::html::attribute::custom::CustomAttribute};

use crate::i18n::message;
use crate::i18n::msg;

/// Texts and links from the contacts file, as text nodes (never HTML). Every
/// field of the page goes through here, so the WebAssembly carries one way
/// of rendering them (each distinct view shape costs compiled code).
pub fn pieces_view(pieces: Vec<Piece<'_>>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text { text, lang } => {
                Either::Left(view! { <span lang=lang.map(Lang::code)>{text.to_owned()}</span> })
            }
            Piece::Link { href, text } => Either::Right(view! { <a href=href>{text.to_owned()}</a> }),
        })
        .collect_view()
}

/// A text in the page's language, or its fallback marked with its language.
pub fn localized_view(text: &Localized, lang: Lang) -> impl IntoView {
    pieces_view(Piece::localized(text, lang).into_iter().collect())
}

/// One headquarters: its name as a heading of `heading_level` (3 under a
/// level, 4 under a region), the fields it has (first, for one of the past,
/// its period and that it may no longer operate), and its note. Built again
/// as a whole when the language changes.
#[component]
pub fn HeadquartersCard(headquarters: Headquarters, lang: Lang, heading_level: u8) -> impl IntoView {
    let notice = message(lang, msg::CONTACTS_HISTORICAL_HEADQUARTERS);
    let fields = card_fields(&headquarters, lang, &notice)
        .into_iter()
        .map(|field| view! { <dt>{message(lang, crate::i18n::family::card_label(field.label))}</dt> <dd>{pieces_view(field.value)}</dd> })
        .collect_view();
    let note = headquarters.note.as_ref().map(|note| view! { <p class="hq__note">{localized_view(note, lang)}</p> });
    // One element for both heading levels: a second element type would be a
    // second copy of the rendering code.
    let name = view! { <p class="hq__name" role="heading">{localized_view(&headquarters.name, lang)}</p> }
        .attr("aria-level", heading_level.to_string());
    view! {
        <li class="hq">
            {name}
            <dl class="hq__fields">{fields}</dl>
            {note}
        </li>
    }
}
