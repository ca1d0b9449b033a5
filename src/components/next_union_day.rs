use leptos::{either::Either, prelude::*};

use crate::i18n::{format_date, msg};
use crate::i18n::{format_in, text, tr, use_i18n};

/// "Trade Union Day: 10 October 2027, in 321 days", counted in Kazakhstan's
/// time zone whatever the visitor's clock says.
///
/// A prerendered page knows no "today" (it is read long after the build): it
/// says "every year on 10 October" and keeps the countdown's line empty, so
/// the app's version takes the same room and nothing below it moves.
#[component]
pub fn NextUnionDay() -> impl IntoView {
    // Read once per page view; a page left open over midnight is a day off,
    // which is harmless.
    let next = crate::browser::today_in_kazakhstan().map(kasipodaq_core::calendar::next_union_day);
    let date = move || match next {
        Some((date, _)) => {
            Either::Left(view! { <time datetime=date.to_string()>{text(move |lang| format_date(date, lang))}</time> })
        }
        None => Either::Right(tr(msg::UNION_DAY_EVERY_YEAR)),
    };
    let i18n = use_i18n();
    let countdown = move || match next {
        Some((_, days)) => format_in(i18n.lang.get(), msg::UNION_DAY_COUNTDOWN, &[("days", days.into())]),
        None => "\u{a0}".to_owned(),
    };
    view! {
        <section class="next-union-day" aria-labelledby="next-union-day-heading">
            <h2 id="next-union-day-heading">{tr(msg::UNION_DAY_NEXT_HEADING)}</h2>
            <p class="next-union-day__date">{date}</p>
            <p class="next-union-day__countdown">{countdown}</p>
        </section>
    }
}
