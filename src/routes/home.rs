use kasipodaq_core::calendar::next_union_day;
use leptos::prelude::*;

use crate::{
    browser::{format_date, today_in_kazakhstan},
    components::{page_meta::PageMeta, section_links::SectionLinks},
    i18n::use_i18n,
};

/// `/{lang}/`: what the federation is, the next Trade Union Day, and the way
/// into every section.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || i18n.t("site-name"));
    let description = Signal::derive(move || i18n.t("page-home-description"));
    view! {
        <PageMeta title=title description=description/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{move || i18n.t("home-lead")}</p>
        <p>{move || i18n.t("home-federation-facts")}</p>
        <NextUnionDay/>
        <h2>{move || i18n.t("home-sections")}</h2>
        <SectionLinks/>
    }
}

/// "Trade Union Day: 10 October 2027, in 321 days", counted in Kazakhstan.
#[component]
fn NextUnionDay() -> impl IntoView {
    let i18n = use_i18n();
    // The date is read once per visit; a page left open over midnight shows
    // yesterday's count, which is harmless.
    let next = today_in_kazakhstan().map(next_union_day);
    next.map(|(date, days)| {
        view! {
            <section class="next-union-day" aria-labelledby="next-union-day-heading">
                <h2 id="next-union-day-heading">{move || i18n.t("union-day-next-heading")}</h2>
                <p class="next-union-day__date">
                    <time datetime=date.to_string()>{move || format_date(date, i18n.lang.get())}</time>
                </p>
                <p>{move || i18n.t_with("union-day-countdown", &[("days", days.into())])}</p>
            </section>
        }
    })
}
