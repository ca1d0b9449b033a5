use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::{
    components::{page_header::PageHeader, points::PointsFromFile},
    content::PLATFORM,
};

/// `/{lang}/platform/`: the candidate platforms and demands, each point linked
/// to the paragraph it comes from.
#[component]
pub fn PlatformPage() -> impl IntoView {
    view! {
        <PageHeader page=Page::Platform/>
        <PointsFromFile source=&PLATFORM/>
    }
}
