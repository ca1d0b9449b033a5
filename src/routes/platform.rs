use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn PlatformPage() -> impl IntoView {
    view! { <PageHeader page=Page::Platform/> }
}
