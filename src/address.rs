//! The address the app shows: its path, query and fragment as signals. A
//! click on a link to one of the site's pages moves there without a reload,
//! and the history (the browser's back and forward) follows.
//!
//! This is what `leptos_router`'s `<Router>` did for the site, which used
//! nothing else of it (which page a path shows is `Page::parse`'s:
//! `src/app.rs`), in less WebAssembly: docs/performance.md, "Size".

use leptos::prelude::*;

/// The address, as the browser's `location` gives it: the path
/// percent-encoded, the query without its `?`, the fragment with its `#`.
#[derive(Clone, Copy)]
pub struct Address {
    pub pathname: Memo<String>,
    pub search: Memo<String>,
    pub hash: Memo<String>,
    url: RwSignal<Url>,
    /// A move to another page, put in the address bar once that page is
    /// on screen ([`Address::page_shown`]).
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    pending: StoredValue<Option<Change>>,
    /// The moves begun (a click, back or forward): a move that waits for
    /// its language's messages is dropped if a later one began meanwhile.
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    moves: StoredValue<u32>,
}

struct Url {
    path: String,
    search: String,
    hash: String,
}

#[cfg_attr(feature = "ssr", allow(dead_code))]
struct Change {
    to: String,
    replace: bool,
    scroll: bool,
}

impl Url {
    /// `path?search#hash`, as a link or the history has it.
    fn parse(address: &str) -> Url {
        let (rest, hash) = address.find('#').map_or((address, ""), |at| address.split_at(at));
        let (path, search) = rest.split_once('?').unwrap_or((rest, ""));
        Url::new(path.to_owned(), search, hash.to_owned())
    }

    /// From the parts a `location` or a link gives (the query with or
    /// without its `?`).
    fn new(path: String, search: &str, hash: String) -> Url {
        Url { path, search: search.strip_prefix('?').unwrap_or(search).to_owned(), hash }
    }

    #[cfg_attr(feature = "ssr", allow(dead_code))]
    fn to_address(&self) -> String {
        let question = if self.search.is_empty() { "" } else { "?" };
        format!("{}{question}{}{}", self.path, self.search, self.hash)
    }
}

/// The page the prerender writes (`src/prerender.rs`): its path stands for
/// the browser's address.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct PrerenderedPath(pub String);

/// Gives the app its address; in the browser, follows the site's links and
/// the history from then on.
pub fn provide_address() {
    #[cfg(feature = "ssr")]
    let url = Url::parse(&use_context::<PrerenderedPath>().map(|path| path.0).unwrap_or_default());
    #[cfg(not(feature = "ssr"))]
    let url = browser::current();
    let url = RwSignal::new(url);
    let part = move |part: fn(&Url) -> &String| Memo::new(move |_| url.with(|url| part(url).clone()));
    let address = Address {
        pathname: part(|url| &url.path),
        search: part(|url| &url.search),
        hash: part(|url| &url.hash),
        url,
        pending: StoredValue::new(None),
        moves: StoredValue::new(0),
    };
    provide_context(address);
    #[cfg(not(feature = "ssr"))]
    browser::listen(address);
}

pub fn use_address() -> Address {
    expect_context()
}

/// Where the view goes after a move without a fragment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    Top,
    Stay,
}

impl Address {
    /// Moves to `to` (a path with its query and fragment) in place of the
    /// history's current entry, the address bar at once: the app's own moves
    /// (the archive's filters as the reader types, the root's redirect), which
    /// "back" should not step through.
    #[cfg_attr(feature = "ssr", allow(unused_variables))]
    pub fn replace(self, to: &str, scroll: Scroll) {
        self.url.set(Url::parse(to));
        #[cfg(not(feature = "ssr"))]
        browser::complete(&Change { to: to.to_owned(), replace: true, scroll: scroll == Scroll::Top });
    }

    /// Called once the page of a new path is on screen: its address goes to
    /// the history, and the view to its fragment, only now (the fragment's
    /// element comes with the page).
    #[cfg(not(feature = "ssr"))]
    pub fn page_shown(self) {
        if let Some(change) = self.pending.try_update_value(Option::take).flatten() {
            // After the page's own effects, which the same change woke.
            leptos::task::spawn_local(async move { browser::complete(&change) });
        }
    }
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use kasipodaq_core::urls::{is_root, lang_of_path, Page};
    use leptos::{ev, prelude::*};
    use wasm_bindgen::JsCast;
    use web_sys::{HtmlAnchorElement, MouseEvent};

    use super::{Address, Change, Url};

    pub(super) fn current() -> Url {
        let location = window().location();
        Url::new(
            location.pathname().unwrap_or_default(),
            &location.search().unwrap_or_default(),
            location.hash().unwrap_or_default(),
        )
    }

    pub(super) fn listen(address: Address) {
        let click = window_event_listener(ev::click, move |event| follow(address, &event));
        // Back and forward: the browser has moved already, and restores the
        // scroll position itself.
        let history = window_event_listener(ev::popstate, move |_| go(address, current(), None));
        on_cleanup(move || {
            click.remove();
            history.remove();
        });
    }

    /// A plain click (no modifier key, the main button) on a link to one of
    /// the site's pages, in this tab: the app moves there. Anything else
    /// (another site, a feed, `rel="external"`, `download`, a `target`) is
    /// the browser's.
    fn follow(address: Address, event: &MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let link = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let link = link.and_then(|element| element.closest("a[href]").ok().flatten());
        let Some(link) = link.and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok()) else { return };
        let external =
            link.get_attribute("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        if external || !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let path = link.pathname();
        if crate::browser::site_origin() != link.origin() || !(is_root(&path) || Page::parse(&path).is_some()) {
            return;
        }
        event.prevent_default();
        let url = Url::new(path, &link.search(), link.hash());
        let change = Change { to: url.to_address(), replace: false, scroll: !link.has_attribute("data-noscroll") };
        if address.url.with_untracked(|current| current.path == url.path) {
            address.moves.update_value(|moves| *moves = moves.wrapping_add(1));
            address.url.set(url);
            complete(&change);
        } else {
            go(address, url, Some(change));
        }
    }

    /// Shows the page at `url` once the messages of its language are here
    /// (`crate::content::load_messages`; at once when they are, as after the
    /// takeover), then puts `change` in the history (none: the browser's
    /// back or forward, which has moved already). If they cannot be had
    /// (no network, or the site published again since), the page is loaded
    /// from the host, which shows it without the app.
    fn go(address: Address, url: Url, change: Option<Change>) {
        let number = address.moves.with_value(|moves| moves.wrapping_add(1));
        address.moves.set_value(number);
        let lang = lang_of_path(&url.path).unwrap_or_else(crate::i18n::visitor_language);
        let show = move |url: Url, change: Option<Change>| {
            address.url.set(url);
            address.pending.set_value(change);
        };
        if crate::i18n::has_messages(lang) {
            return show(url, change);
        }
        leptos::task::spawn_local(async move {
            let loaded = crate::content::load_messages(lang).await;
            if address.moves.get_value() != number {
                return;
            }
            let location = window().location();
            match (loaded, change) {
                (Ok(()), change) => show(url, change),
                (Err(_), Some(change)) => drop(location.assign(&change.to)),
                (Err(_), None) => drop(location.reload()),
            }
        });
    }

    /// The address bar and the history take the move, and the view goes to
    /// the fragment's element, or to the top.
    pub(super) fn complete(change: &Change) {
        let window = window();
        if let Ok(history) = window.history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if change.replace {
                history.replace_state_with_url(&null, "", Some(&change.to))
            } else if current().to_address() != change.to {
                history.push_state_with_url(&null, "", Some(&change.to))
            } else {
                Ok(())
            };
        }
        let hash = window.location().hash().unwrap_or_default();
        let id = hash
            .strip_prefix('#')
            .map(|id| js_sys::decode_uri(id).ok().and_then(|id| id.as_string()).unwrap_or(id.into()));
        match id.and_then(|id| document().get_element_by_id(&id)) {
            Some(element) => element.scroll_into_view(),
            None if change.scroll => window.scroll_to_with_x_and_y(0.0, 0.0),
            None => {}
        }
    }
}
