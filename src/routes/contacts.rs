#[cfg(not(feature = "ssr"))]
use std::time::Duration;

use kasipodaq_core::{
    contacts::{
        filter, first_of, freshness, grouped, hotline_details, regions, Failure, Localized, MAX_HEADQUARTERS,
        SHOWN_AT_ONCE,
    },
    urls::Page,
};
use leptos::{either::Either, prelude::*};

use crate::i18n::msg;
use crate::{
    browser::now_ms,
    components::{
        headquarters_card::{localized_view, pieces_view, HeadquartersCard},
        hotline::HotlineNumber,
        page_header::PageHeader,
    },
    contacts::{use_contacts, ContactsStore, Origin},
    i18n::time_ago,
    i18n::{message, tr, use_i18n},
};

/// How often "updated 5 minutes ago" is recomputed, and the refresh timer looked at.
#[cfg(not(feature = "ssr"))]
const TICK: Duration = Duration::from_secs(30);

/// `/{lang}/contacts/`: the hotline first, then the headquarters by level and
/// region, with a region filter and a city search. The data stays fresh
/// while the page is open: every few minutes while the tab is visible, and
/// when the tab is shown again or the network comes back.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let store = use_contacts();
    keep_fresh(store);
    view! {
        <PageHeader page=Page::Contacts/>
        <HotlineSection store=store/>
        <Freshness store=store/>
        <ErrorBanner store=store/>
        <HeadquartersList store=store/>
    }
}

/// Refreshes on arrival (unless just done), on a timer while the tab is
/// visible, when it becomes visible and when the browser is back online;
/// leaving the page removes all of it and aborts the request under way.
#[cfg(feature = "ssr")]
fn keep_fresh(_: ContactsStore) {}

#[cfg(not(feature = "ssr"))]
fn keep_fresh(store: ContactsStore) {
    store.refresh_if_stale();
    let timer = set_interval_with_handle(
        move || {
            if !document().hidden() {
                store.refresh_if_older_than(f64::from(kasipodaq_core::contacts::REFRESH_INTERVAL_MS));
            }
        },
        TICK,
    )
    .ok();
    let on_visible = window_event_listener_untyped("visibilitychange", move |_| {
        if !document().hidden() {
            store.refresh_if_stale();
        }
    });
    let on_online = window_event_listener_untyped("online", move |_| store.refresh_if_stale());
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
        on_visible.remove();
        on_online.remove();
        store.cancel();
    });
}

/// The hotline, first on the page; while nothing has arrived yet a box of
/// the same size holds its place, so nothing below moves when it comes. A
/// number the file marks as historical is not the hotline: the box says there
/// is no current one, and the paragraph under it gives that number with its
/// period and that it may no longer be in service (`hotline_details`).
#[component]
fn HotlineSection(store: ContactsStore) -> impl IntoView {
    let i18n = use_i18n();
    let loading = move || store.shown.with(Option::is_none) && store.outcome.with(Option::is_none);
    view! {
        <section class="hotline" aria-labelledby="hotline-heading" aria-busy=move || loading().to_string()>
            <h2 id="hotline-heading">{tr(msg::CONTACTS_HOTLINE)}</h2>
            {move || {
                let lang = i18n.lang.get();
                let hotline = store.hotline();
                let phone = match &hotline {
                    Some(hotline) if hotline.is_current() => Either::Left(view! { <HotlineNumber hotline=hotline.clone()/> }),
                    _ => Either::Right(message(lang, if loading() { msg::CONTACTS_LOADING } else { msg::CONTACTS_NO_HOTLINE })),
                };
                let notice = message(lang, msg::CONTACTS_HISTORICAL_NUMBER);
                let details = hotline.and_then(|hotline| {
                    let pieces = hotline_details(&hotline, lang, &notice);
                    (!pieces.is_empty()).then(|| view! { <p class="hotline__label">{pieces_view(pieces)}</p> })
                });
                view! { <p class="hotline__phone">{phone}</p> {details} }
            }}
        </section>
    }
}

/// "Updated 5 minutes ago" (from the file's `updated_at`), and how many
/// entries of the file could not be shown.
#[component]
fn Freshness(store: ContactsStore) -> impl IntoView {
    let i18n = use_i18n();
    // None when prerendered: "5 minutes ago" is only true when it is read.
    let now = RwSignal::new(now_ms());
    #[cfg(not(feature = "ssr"))]
    if let Ok(ticker) = set_interval_with_handle(move || now.set(now_ms()), TICK) {
        on_cleanup(move || ticker.clear());
    }
    view! {
        <p class="contacts-status" role="status">
            {move || {
                let lang = i18n.lang.get();
                store.shown.with(|shown| {
                    let shown = shown.as_ref()?;
                    let (count, unit) = freshness(shown.contacts.updated_at, (now.get()? / 1000.0) as i64);
                    let updated = i18n.t_with(msg::CONTACTS_UPDATED, &[("age", time_ago(count, unit, lang).as_str().into())]);
                    let dropped = (shown.dropped > 0)
                        .then(|| i18n.t_with(msg::CONTACTS_DROPPED, &[("count", shown.dropped.into())]));
                    Some(view! { <span>{updated}</span> {dropped.map(|text| view! { " " <span>{text}</span> })} })
                })
            }}
        </p>
    }
}

/// The last refresh's failure, translated, with what is on screen instead
/// and a button to try again; the data on screen is never removed.
#[component]
fn ErrorBanner(store: ContactsStore) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let failure = store.outcome.with(|outcome| outcome.clone()?.err())?;
        let status = match failure {
            Failure::Status(status) => status,
            _ => 0,
        };
        let problem = i18n.t_with(
            crate::i18n::family::contacts_failure(&failure),
            &[("status", i64::from(status).into()), ("max", MAX_HEADQUARTERS.into())],
        );
        let kept = store.shown.with(|shown| match shown.as_ref().map(|shown| shown.origin) {
            Some(Origin::BuiltIn) => Some(i18n.t(msg::CONTACTS_SHOWING_BUILT_IN)),
            Some(_) => Some(i18n.t(msg::CONTACTS_SHOWING_SAVED)),
            None => None,
        });
        Some(view! {
            <div class="contacts-error" role="alert">
                <p>{problem} " " {kept}</p>
                <button type="button" class="button" on:click=move |_| store.refresh() disabled=move || store.busy.get()>
                    {move || if store.busy.get() { i18n.t(msg::CONTACTS_CHECKING) } else { i18n.t(msg::CONTACTS_RETRY) }}
                </button>
            </div>
        })
    }
}

/// The headquarters by level and region, with the region filter and the
/// city search (kept while the language changes), [`SHOWN_AT_ONCE`] at a
/// time: a "show more" button adds as many again (and keeps the focus), a
/// new filter starts again from the first.
#[component]
fn HeadquartersList(store: ContactsStore) -> impl IntoView {
    let i18n = use_i18n();
    // The chosen region as the file gives it (in every language), so the
    // choice survives a language switch.
    let region = RwSignal::new(None::<Localized>);
    let city = RwSignal::new(String::new());
    let limit = RwSignal::new(SHOWN_AT_ONCE);
    // Filters help from two headquarters on. A memo: the form is built again
    // only when that changes, not on every refresh (which would take the
    // focus from the search field).
    let has_entries =
        Memo::new(move |_| store.shown.with(|shown| shown.as_ref().is_some_and(|s| s.contacts.headquarters.len() > 1)));
    let chosen_name =
        move || region.with(|region| region.as_ref().and_then(|r| r.get(i18n.lang.get()).map(str::to_owned)));
    let region_options = move || {
        let lang = i18n.lang.get();
        let chosen = chosen_name();
        store.shown.with(|shown| {
            let headquarters = shown.as_ref().map(|s| s.contacts.headquarters.as_slice()).unwrap_or_default();
            regions(headquarters, lang)
                .into_iter()
                .map(|name| {
                    let selected = chosen.as_deref() == Some(name.as_str());
                    let label = name.clone();
                    view! { <option value=name selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let on_region =
        move |ev: leptos::ev::Event| {
            let name = event_target_value(&ev);
            let lang = i18n.lang.get_untracked();
            let chosen =
                store.shown.with_untracked(|shown| {
                    shown.as_ref()?.contacts.headquarters.iter().find_map(|hq| {
                        hq.region.as_ref().filter(|region| region.get(lang) == Some(name.as_str())).cloned()
                    })
                });
            region.set(chosen);
            limit.set(SHOWN_AT_ONCE);
        };
    let show_all = move |_| {
        region.set(None);
        city.set(String::new());
        limit.set(SHOWN_AT_ONCE);
    };
    // How many match the filters but are not shown yet: the "show more"
    // button's count, set by the list (which has just filtered them).
    let left = RwSignal::new(0_usize);
    let list = move || {
        let lang = i18n.lang.get();
        store.shown.with(|shown| {
            let all = &shown.as_ref()?.contacts.headquarters;
            let chosen = chosen_name();
            let matching = city.with(|city| filter(all, chosen.as_deref(), city, lang));
            left.set(matching.len().saturating_sub(limit.get()));
            if matching.is_empty() {
                // Nothing in the file, or nothing matching the filters.
                let (text, can_clear) =
                    if all.is_empty() { (msg::CONTACTS_NONE, false) } else { (msg::CONTACTS_NO_MATCH, true) };
                let clear = can_clear.then(|| view! {
                    " "
                    <button type="button" class="button button--secondary" on:click=show_all>{message(lang, msg::CONTACTS_SHOW_ALL)}</button>
                });
                return Some(Either::Left(view! { <p class="contacts-empty">{message(lang, text)} {clear}</p> }));
            }
            let count = i18n.t_with(msg::CONTACTS_COUNT, &[("count", matching.len().into())]);
            let sections = first_of(grouped(&matching, lang), limit.get()).into_iter().map(|level| {
                let regions = level.regions.into_iter().map(|group| {
                    let heading_level = if group.region.is_some() { 4 } else { 3 };
                    let cards = group.headquarters.into_iter().map(|hq| view! {
                        <HeadquartersCard headquarters=hq.clone() lang=lang heading_level=heading_level/>
                    }).collect_view();
                    let heading = group.region.map(|region| view! { <h3>{localized_view(region, lang)}</h3> });
                    view! { {heading} <ul class="hq-list">{cards}</ul> }
                }).collect_view();
                view! {
                    <section class="hq-level">
                        <h2>{message(lang, crate::i18n::family::level(level.level))}</h2>
                        {regions}
                    </section>
                }
            }).collect_view();
            Some(Either::Right(view! { <p class="contacts-count" role="status">{count}</p> {sections} }))
        })
    };
    view! {
        {move || has_entries.get().then(|| view! {
            <form class="contacts-filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="contacts-region">{tr(msg::CONTACTS_FILTER_REGION)}</label>
                    // The value as a property too: a browser ignores `selected`
                    // on an option the visitor picked earlier, so "show all"
                    // could not reset the list by attributes alone.
                    <select id="contacts-region" on:change=on_region prop:value=move || chosen_name().unwrap_or_default()>
                        <option value="" selected=move || region.with(Option::is_none)>{tr(msg::CONTACTS_ALL_REGIONS)}</option>
                        {region_options}
                    </select>
                </div>
                <div class="field">
                    <label for="contacts-city">{tr(msg::CONTACTS_FILTER_CITY)}</label>
                    <input id="contacts-city" type="search" autocomplete="off" maxlength="100"
                        prop:value=move || city.get()
                        on:input=move |ev| {
                            city.set(event_target_value(&ev));
                            limit.set(SHOWN_AT_ONCE);
                        }/>
                </div>
            </form>
        })}
        <div class="contacts-list">{list}</div>
        // Always there (hidden when nothing is left), so it keeps the focus.
        <button type="button" class="button button--secondary contacts-more" hidden=move || left.get() == 0
            on:click=move |_| limit.update(|shown| *shown += SHOWN_AT_ONCE)>
            {move || i18n.t_with(msg::CONTACTS_SHOW_MORE, &[("left", left.get().into())])}
        </button>
    }
}
