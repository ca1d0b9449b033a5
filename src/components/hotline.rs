use kasipodaq_core::contacts::{Hotline, Piece};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{components::headquarters_card::pieces_view, contacts::use_contacts, i18n::tr};

/// The hotline number: a link that dials it when the file gives it in
/// international form (`+7 …`), else text (a local `20-10-90` dials nothing
/// useful from a mobile or another city). Rendered as every other text of the
/// contacts file ([`Piece::phone`]), so it costs no rendering code of its own;
/// the paragraph around it (`.hotline__phone`, `.hotline-line`) styles it.
#[component]
pub fn HotlineNumber(hotline: Hotline) -> impl IntoView {
    pieces_view(vec![Piece::phone(&hotline.phone)])
}

/// "Hotline: +7 …" from the contacts data, for the footer and the home page;
/// nothing while there is no data yet, and nothing for a number the file
/// marks as historical (the contacts page shows that one, with its period).
#[component]
pub fn HotlineLine() -> impl IntoView {
    let store = use_contacts();
    move || {
        store.hotline().filter(Hotline::is_current).map(|hotline| {
            view! { <p class="hotline-line">{tr(msg::CONTACTS_HOTLINE)} ": " <HotlineNumber hotline=hotline/></p> }
        })
    }
}
