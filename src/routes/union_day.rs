use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::{
    components::{next_union_day::NextUnionDay, page_header::PageHeader, points::PointsFromFile},
    content::UNION_DAY,
};

/// `/{lang}/union-day/`: 10 October, how it was established and why, the 2019
/// celebration and its awards, and how long until the next one.
#[component]
pub fn UnionDayPage() -> impl IntoView {
    view! {
        <PageHeader page=Page::UnionDay/>
        <NextUnionDay/>
        <PointsFromFile source=&UNION_DAY/>
    }
}
