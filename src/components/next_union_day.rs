use kasipodaq_core::calendar::next_union_day;
use leptos::prelude::*;

use crate::{
    browser::{format_date, today_in_kazakhstan},
    i18n::{format_in, text, tr},
};

/// "Trade Union Day: 10 October 2027, in 321 days", counted in Kazakhstan's
/// time zone (Asia/Almaty) whatever the visitor's clock says.
#[component]
pub fn NextUnionDay() -> impl IntoView {
    // Read once per page view; a page left open over midnight is a day off,
    // which is harmless.
    let next = today_in_kazakhstan().map(next_union_day);
    next.map(|(date, days)| {
        view! {
            <section class="next-union-day" aria-labelledby="next-union-day-heading">
                <h2 id="next-union-day-heading">{tr("union-day-next-heading")}</h2>
                <p class="next-union-day__date">
                    <time datetime=date.to_string()>{text(move |lang| format_date(date, lang))}</time>
                </p>
                <p class="next-union-day__countdown">{text(move |lang| format_in(lang, "union-day-countdown", &[("days", days.into())]))}</p>
            </section>
        }
    })
}
