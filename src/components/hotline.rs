use kasipodaq_core::contacts::{tel_href, Hotline};
use leptos::prelude::*;

use crate::{contacts::use_contacts, i18n::tr};

/// The hotline number as a link that dials it.
#[component]
pub fn HotlineNumber(hotline: Hotline) -> impl IntoView {
    let href = tel_href(&hotline.phone);
    view! { <a class="hotline__number" href=href>{hotline.phone}</a> }
}

/// "Hotline: 20-10-90" from the contacts data, for the footer and the home
/// page; nothing while there is no data yet.
#[component]
pub fn HotlineLine() -> impl IntoView {
    let store = use_contacts();
    move || {
        store.hotline().map(|hotline| {
            view! { <p class="hotline-line">{tr("contacts-hotline")} ": " <HotlineNumber hotline=hotline/></p> }
        })
    }
}
