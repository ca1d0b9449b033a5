use kasipodaq_core::{
    contacts::{mailto_href, tel_href, Headquarters, Localized},
    Lang,
};
use leptos::prelude::*;

use crate::i18n::message;

/// A text from the contacts file in the page's language, or in the fallback
/// language marked with its own `lang` so screen readers pronounce it right.
pub fn localized_text(text: &Localized, page_lang: Lang) -> impl IntoView {
    text.pick(page_lang).map(|(lang, text)| {
        view! { <span lang=(lang != page_lang).then_some(lang.code())>{text.to_owned()}</span> }
    })
}

/// One headquarters: its name as a heading of `heading_level` (3 or 4,
/// under the page's level and region headings), then every field it has.
/// Rendered again as a whole when the language changes.
#[component]
pub fn HeadquartersCard(headquarters: Headquarters, lang: Lang, heading_level: u8) -> impl IntoView {
    let hq = headquarters;
    let name = localized_text(&hq.name, lang);
    let heading = if heading_level == 3 {
        view! { <h3 class="hq__name">{name}</h3> }.into_any()
    } else {
        view! { <h4 class="hq__name">{name}</h4> }.into_any()
    };
    let field = |id: &str, value: AnyView| {
        view! {
            <dt>{message(lang, id)}</dt>
            <dd>{value}</dd>
        }
    };
    let localized_field =
        |id: &str, text: &Option<Localized>| text.as_ref().map(|text| field(id, localized_text(text, lang).into_any()));
    let phones = (!hq.phones.is_empty()).then(|| {
        let links =
            hq.phones.iter().map(|phone| view! { <li><a href=tel_href(phone)>{phone.clone()}</a></li> }).collect_view();
        field("contacts-phones", view! { <ul class="hq__phones">{links}</ul> }.into_any())
    });
    let email = hq
        .email
        .as_ref()
        .map(|email| field("contacts-email", view! { <a href=mailto_href(email)>{email.clone()}</a> }.into_any()));
    let head = hq.head.as_ref().map(|head| {
        let role = head.role.as_ref().map(|role| view! { ", " {localized_text(role, lang)} });
        field("contacts-head", view! { {localized_text(&head.name, lang)} {role} }.into_any())
    });
    // Checked to start with https:// or http:// by the core.
    let website = hq.website.as_ref().map(|website| {
        field(
            "contacts-website",
            view! { <a href=website.clone() rel="external noopener">{website.clone()}</a> }.into_any(),
        )
    });
    let note = hq.note.as_ref().map(|note| view! { <p class="hq__note">{localized_text(note, lang)}</p> });
    view! {
        <li class="hq">
            {heading}
            <dl class="hq__fields">
                {localized_field("contacts-city", &hq.city)}
                {localized_field("contacts-address", &hq.address)}
                {phones}
                {email}
                {localized_field("contacts-hours", &hq.hours)}
                {head}
                {website}
            </dl>
            {note}
        </li>
    }
}
