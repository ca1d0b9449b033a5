use kasipodaq_core::calendar::next_union_day;
use leptos::{either::Either, prelude::*};

use crate::{
    browser::{format_date, today_in_kazakhstan},
    i18n::{format_in, text, tr},
};

/// "Trade Union Day: 10 October 2027, in 321 days", counted in Kazakhstan's
/// time zone (Asia/Almaty) whatever the visitor's clock says.
///
/// A prerendered page knows no "today" (it is read long after the build): it
/// says "every year on 10 October" and keeps the countdown's line empty, so
/// the app's version takes the same room and nothing below it moves.
#[component]
pub fn NextUnionDay() -> impl IntoView {
    // Read once per page view; a page left open over midnight is a day off,
    // which is harmless.
    let next = today_in_kazakhstan().map(next_union_day);
    let (date, countdown) = match next {
        Some((date, days)) => (
            Either::Left(view! { <time datetime=date.to_string()>{text(move |lang| format_date(date, lang))}</time> }),
            text(move |lang| format_in(lang, "union-day-countdown", &[("days", days.into())])),
        ),
        None => (Either::Right(tr("union-day-every-year")), Signal::derive(|| "\u{a0}".to_owned())),
    };
    view! {
        <section class="next-union-day" aria-labelledby="next-union-day-heading">
            <h2 id="next-union-day-heading">{tr("union-day-next-heading")}</h2>
            <p class="next-union-day__date">{date}</p>
            <p class="next-union-day__countdown">{countdown}</p>
        </section>
    }
}
