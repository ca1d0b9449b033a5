//! The headquarters contacts on screen (the file's format: docs/contacts.md):
//! the last good copy at once, then the file from
//! the endpoint, checked by `kasipodaq_core::contacts`. The footer and the
//! home page show its hotline when the file gives it as current (not marked
//! historical); the contacts page shows everything, history marked as such,
//! and keeps it fresh while it is open.
//!
//! Data from the file only ever reaches text nodes, and attributes built by
//! the core (`tel:`, `mailto:`, checked `https:` links): never `inner_html`.

// Prerendered, nothing is fetched or saved.
#![cfg_attr(feature = "ssr", allow(dead_code))]

mod saved;

use std::{rc::Rc, sync::Arc};

use kasipodaq_core::contacts::{
    Checking, Contacts, Failure, Hotline, Parsed, Rejection, Validators, MAX_BODY_BYTES, MIN_RECHECK_MS,
};
use leptos::{prelude::*, task::spawn_local};
use web_sys::RequestCache;

use crate::{
    fetch::{self, Answer, InFlight},
    json,
};

/// Where the endpoint's address is: the prerender writes the build setting
/// `KASIPODAQ_CONTACTS_URL` into it (`docs/deployment.md`).
const ENDPOINT_META: &str = "meta[name=\"kasipodaq-contacts-endpoint\"]";
/// The file next to the site's `index.html` (under the base path).
const DEFAULT_ENDPOINT: &str = "/contacts.json";

/// The file that ships with the site (`public/contacts.json`), shown when
/// there is no saved copy and the endpoint cannot be read: a citizen never
/// gets an empty page.
const BUILT_IN: &str = include_str!("../../public/contacts.json");

/// Where the contacts on screen came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The endpoint, during this visit.
    Endpoint,
    /// The copy saved on an earlier visit.
    Saved,
    /// The copy built into the site.
    BuiltIn,
}

/// Checked contacts and how they got here.
#[derive(Debug, PartialEq)]
pub struct Shown {
    pub contacts: Contacts,
    /// Entries of the file left out by the checks.
    pub dropped: usize,
    pub origin: Origin,
}

/// The contacts state, shared through the context.
#[derive(Clone, Copy)]
pub struct ContactsStore {
    /// What is on screen; `None` until the first good copy.
    pub shown: RwSignal<Option<Arc<Shown>>>,
    /// How the last refresh ended; `None` before any ended.
    pub outcome: RwSignal<Option<Result<(), Failure>>>,
    /// A refresh is under way.
    pub busy: RwSignal<bool>,
    endpoint: StoredValue<String>,
    validators: StoredValue<Validators>,
    flight: StoredValue<Option<Rc<InFlight>>, LocalStorage>,
    /// `Date.now()` when the last refresh ended.
    checked_at: StoredValue<f64>,
}

/// What the contacts start from: the endpoint's address, the copy to show
/// until it answers, and that copy's validators.
#[derive(Clone)]
pub struct Initial {
    endpoint: String,
    shown: Option<Arc<Shown>>,
    validators: Validators,
}

impl Initial {
    /// The saved copy, if any, else the copy built into the site. Prerendered:
    /// the built-in copy.
    ///
    /// Reading and checking the copy is the costliest step of the app's start,
    /// so [`crate::take_over`] does it in tasks of their own
    /// ([`Initial::read_in_steps`]) and provides the result in the context;
    /// [`provide_contacts`] reads it itself otherwise.
    pub fn read() -> Initial {
        #[cfg(feature = "ssr")]
        return Initial { endpoint: String::new(), shown: built_in().map(Arc::new), validators: Validators::default() };
        #[cfg(not(feature = "ssr"))]
        at_once(Self::read_with(usize::MAX)).unwrap_or_else(|| Initial {
            endpoint: endpoint(),
            shown: built_in().map(Arc::new),
            validators: Validators::default(),
        })
    }

    /// [`Initial::read`], a saved copy of thousands of headquarters read in
    /// several tasks.
    #[cfg(not(feature = "ssr"))]
    pub async fn read_in_steps() -> Initial {
        Self::read_with(ENTRIES_PER_TASK).await
    }

    #[cfg(not(feature = "ssr"))]
    async fn read_with(per_task: usize) -> Initial {
        let endpoint = endpoint();
        // Taking a large copy out of the browser's storage is a step of its
        // own, apart from the app's start.
        if per_task < usize::MAX {
            fetch::sleep(0).await;
        }
        let saved = match saved::load(&endpoint) {
            Some(copy) => read_in_steps(&copy.body, per_task)
                .await
                .ok()
                .map(|parsed| (shown_from(parsed, Origin::Saved), copy.validators)),
            None => None,
        };
        let (shown, validators) = match saved {
            Some((shown, validators)) => (Some(Arc::new(shown)), validators),
            // No saved copy: the copy published with the site, which the
            // prerendered page already shows, until the endpoint answers.
            None => (built_in().map(Arc::new), Validators::default()),
        };
        Initial { endpoint, shown, validators }
    }
}

/// Shows the first copy ([`Initial`]) and asks the endpoint. Call once, in
/// the shell.
pub fn provide_contacts() -> ContactsStore {
    let Initial { endpoint, shown, validators } = use_context::<Initial>().unwrap_or_else(Initial::read);
    let store = ContactsStore {
        shown: RwSignal::new(shown),
        outcome: RwSignal::new(None),
        busy: RwSignal::new(false),
        endpoint: StoredValue::new(endpoint),
        validators: StoredValue::new(validators),
        flight: StoredValue::new_local(None),
        checked_at: StoredValue::new(f64::NEG_INFINITY),
    };
    provide_context(store);
    #[cfg(not(feature = "ssr"))]
    store.refresh();
    store
}

pub fn use_contacts() -> ContactsStore {
    expect_context::<ContactsStore>()
}

impl ContactsStore {
    /// The hotline on screen, if the data has one, current or historical
    /// ([`Hotline::is_current`]).
    pub fn hotline(&self) -> Option<Hotline> {
        self.shown.with(|shown| shown.as_ref()?.contacts.hotline.clone())
    }

    /// Asks the endpoint for the file, unless a request is already under way.
    pub fn refresh(self) {
        if self.flight.with_value(Option::is_some) {
            return;
        }
        let flight = Rc::new(InFlight::default());
        self.flight.set_value(Some(flight.clone()));
        self.busy.set(true);
        spawn_local(async move {
            // In a task of its own: on arrival this runs while the app takes
            // the page over, and the request's set-up would lengthen that
            // long task (Lighthouse's Total Blocking Time).
            fetch::sleep(0).await;
            if flight.is_cancelled() {
                return;
            }
            let endpoint = self.endpoint.get_value();
            let validators = self.validators.get_value();
            let ask = fetch::Ask {
                url: &endpoint,
                cache: RequestCache::NoStore,
                validators: &validators,
                max_bytes: MAX_BODY_BYTES,
                integrity: None,
            };
            let answer = fetch::with_retries(&ask, &flight).await;
            if flight.is_cancelled() {
                return;
            }
            self.flight.set_value(None);
            self.busy.set(false);
            self.checked_at.set_value(js_sys::Date::now());
            let outcome = match answer {
                Ok(Answer::NotModified) => Ok(()),
                Ok(Answer::Body { text, validators }) => match read_in_steps(&text, ENTRIES_PER_TASK).await {
                    Ok(parsed) => {
                        // Saving and showing in tasks of their own too.
                        fetch::sleep(0).await;
                        saved::store(&endpoint, &text, &validators);
                        self.validators.set_value(validators);
                        fetch::sleep(0).await;
                        self.show(shown_from(parsed, Origin::Endpoint));
                        Ok(())
                    }
                    Err(rejection) => Err(Failure::Refused(rejection)),
                },
                Err(failure) => Err(failure),
            };
            if let Err(failure) = &outcome {
                warn(&format!("contacts: {endpoint}: {}", failure.code()));
                if self.shown.with_untracked(Option::is_none) {
                    if let Some(shown) = built_in() {
                        self.show(shown);
                    }
                }
            }
            self.outcome.set(Some(outcome));
        });
    }

    /// Refreshes when the last answer is older than `MIN_RECHECK_MS`
    /// (a tab shown again, the network back).
    pub fn refresh_if_stale(self) {
        self.refresh_if_older_than(MIN_RECHECK_MS);
    }

    /// Refreshes when the last answer is at least `milliseconds` old.
    pub fn refresh_if_older_than(self, milliseconds: f64) {
        if js_sys::Date::now() - self.checked_at.get_value() >= milliseconds {
            self.refresh();
        }
    }

    /// Stops the refresh under way (the visitor left the contacts page);
    /// what is on screen stays. The first answer for a visitor who has only
    /// the copy published with the site is not given up: the footer and the
    /// home page wait for it too, and on a slow phone it may be the only one.
    pub fn cancel(self) {
        let first_answer =
            self.shown.with_untracked(|shown| shown.as_ref().is_none_or(|s| s.origin == Origin::BuiltIn));
        if first_answer {
            return;
        }
        if let Some(flight) = self.flight.try_update_value(Option::take).flatten() {
            flight.cancel();
            self.busy.set(false);
        }
    }

    fn show(&self, shown: Shown) {
        // Unchanged data keeps its nodes (and the reader's place) untouched.
        if self.shown.with_untracked(|current| current.as_deref() != Some(&shown)) {
            self.shown.set(Some(Arc::new(shown)));
        }
    }
}

/// The endpoint from the page's `<meta>`, else the file next to `index.html`.
fn endpoint() -> String {
    document()
        .query_selector(ENDPOINT_META)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| content.trim().to_owned())
        .filter(|content| !content.is_empty())
        .unwrap_or_else(|| kasipodaq_core::urls::site_path(DEFAULT_ENDPOINT))
}

/// A body, through the browser's JSON parser and the core's checks. Dropped
/// entries and warnings go to the console for the staff who keep the file.
pub fn read(text: &str) -> Result<Parsed, Rejection> {
    at_once(read_in_steps(text, usize::MAX)).unwrap_or(Err(Rejection::NotAnObject))
}

/// The output of `future` that has nothing to wait for: one way of reading
/// in the WebAssembly, in steps or at once, not two.
fn at_once<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

/// [`read`] in tasks of `per_task` headquarters each ([`ENTRIES_PER_TASK`]
/// for a file from the server): a file of thousands read in one task kept
/// the page from answering the reader (docs/performance.md, "Contacts at
/// scale").
async fn read_in_steps(text: &str, per_task: usize) -> Result<Parsed, Rejection> {
    if text.len() > MAX_BODY_BYTES {
        return Err(Rejection::TooLarge { bytes: text.len() });
    }
    let now = (js_sys::Date::now() / 1000.0) as i64;
    // The browser's parse in a task of its own, apart from reading the body.
    if per_task < usize::MAX {
        fetch::sleep(0).await;
    }
    let parsed = json::parse_js(text)?;
    let (file, entries) = json::split(&parsed, "headquarters")?;
    let serde_json::Value::Object(file) = file else { return Err(Rejection::NotAnObject) };
    let mut checking = Checking::begin(&file, now)?;
    let entries = entries.unwrap_or_default();
    checking.expect(entries.length() as usize)?;
    for (index, entry) in entries.iter().enumerate() {
        if per_task < usize::MAX && index % per_task == 0 {
            fetch::sleep(0).await;
        }
        checking.entry(&json::read_item(&entry)?);
    }
    logged(checking.finish()?)
}

/// Small enough that a slow phone's task stays short.
const ENTRIES_PER_TASK: usize = 100;

/// `parsed`, its dropped entries and warnings said in the console.
fn logged(parsed: Parsed) -> Result<Parsed, Rejection> {
    for dropped in &parsed.dropped {
        warn(&format!(
            "contacts: entry {} ({}) left out: {}",
            dropped.index,
            dropped.id.as_deref().unwrap_or("no valid id"),
            dropped.reason.code()
        ));
    }
    for warning in &parsed.warnings {
        warn(&format!("contacts: {}", warning.code()));
    }
    Ok(parsed)
}

/// A line in the browser's console, for the staff who keep the file.
fn warn(text: &str) {
    web_sys::console::warn_1(&text.into());
}

/// The copy published with the site (`public/contacts.json`), checked like
/// any other (in the browser with its `JSON.parse`, prerendered with
/// `serde_json`).
fn built_in() -> Option<Shown> {
    #[cfg(feature = "ssr")]
    let parsed = kasipodaq_core::contacts::parse(BUILT_IN.as_bytes(), i64::MAX / 2);
    #[cfg(not(feature = "ssr"))]
    let parsed = read(BUILT_IN);
    parsed.ok().map(|parsed| shown_from(parsed, Origin::BuiltIn))
}

fn shown_from(parsed: Parsed, origin: Origin) -> Shown {
    Shown { contacts: parsed.contacts, dropped: parsed.dropped.len(), origin }
}
