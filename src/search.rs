//! The archive's full-text search: Pagefind's index of the statement pages
//! (written by tools/search-index.mjs), loaded through its JS API the first
//! time a reader searches, never before. The language the first query's
//! letters say (`query_language`: the page's, unless they are Kazakh, or
//! Cyrillic on the English page) is loaded and searched first; when it finds
//! nothing, the others are merged in, so a quote pasted in another language
//! is found too (and marked as such). A large
//! archive has two indexes (tools/search-index.mjs): the newest statements
//! give the first results, and the older ones are merged in right after.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect};
use kasipodaq_core::{
    calendar::Date,
    content::Kind,
    search::{excerpt_runs, kazakh_stems, paragraph_at, query_language, statement_href},
    urls::{site_path, BASE_PATH},
    Lang,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// One statement found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The statement's page, with `#pn` of the paragraph that matched.
    pub href: String,
    pub title: String,
    pub date: Option<Date>,
    pub kind: Option<Kind>,
    /// The language of the version found.
    pub lang: Option<Lang>,
    /// The passage, `true` where a word searched for was found.
    pub excerpt: Vec<(bool, String)>,
}

/// The statements found for one query, the first few with their data.
#[derive(Clone, Default)]
pub struct Found {
    /// Pagefind's results not yet read (each read costs a request).
    pending: Vec<JsValue>,
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Whether the older statements are in these results.
    pub older: Older,
    /// Pagefind's module, which reads the results.
    module: JsValue,
}

/// The older statements' part of a search.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Older {
    /// Searched, or the archive has no older index.
    #[default]
    Included,
    /// Not yet: the results are the newest statements'.
    Searching,
    /// Its index could not be loaded: the results are the newest statements'.
    Failed,
}

impl Found {
    pub fn has_more(&self) -> bool {
        !self.pending.is_empty()
    }
}

/// How many results are shown at once: reading each is a request for its
/// page's whole text (Pagefind's fragment), and each keystroke reads its
/// new top ones, so five keep a keystroke's bytes small on a large archive
/// (docs/performance.md). Pagefind's own interface shows five as well.
pub const BATCH: usize = 5;
/// How many are read before the first results show: the rest of the first
/// batch follows at once, so a slow network shows something sooner.
pub const FIRST: usize = 2;

thread_local! {
    // Pagefind being loaded, then loaded, for the visit: one promise that
    // every caller awaits (the box's focus and the first keystrokes come
    // together; loading twice merged each index twice, every result twice).
    static PAGEFIND: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into()?;
    let result = function.apply(target, &args.iter().collect::<Array>())?;
    match result.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    }
}

/// Pagefind with its first index in `lang`, or as already loaded (in
/// whichever language); a failed load is tried again by the next caller.
async fn pagefind(lang: Lang) -> Result<JsValue, JsValue> {
    let loading = PAGEFIND
        .with(|p| p.borrow_mut().get_or_insert_with(|| wasm_bindgen_futures::future_to_promise(load(lang))).clone());
    let loaded = JsFuture::from(loading).await;
    if loaded.is_err() {
        PAGEFIND.with(|p| *p.borrow_mut() = None);
    }
    loaded
}

/// Pagefind's module (`src/page.js` gives `kasipodaqImport`, a dynamic
/// `import()`, which the WebAssembly cannot write itself); the browser
/// fetches it once however often it is asked for.
async fn module() -> Result<JsValue, JsValue> {
    let window: JsValue = leptos::prelude::window().into();
    let import: Function = get(&window, "kasipodaqImport").dyn_into()?;
    let promise: Promise = import.call1(&window, &site_path("/pagefind/pagefind.js").into())?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Loads Pagefind with its first index in `lang` (the glue's
/// `kasipodaqInit`, which gives Pagefind our options and keeps what the
/// merges need).
async fn load(lang: Lang) -> Result<JsValue, JsValue> {
    let module = module().await?;
    let languages: Array = Lang::ALL.into_iter().map(|each| JsValue::from(each.code())).collect();
    let args = [lang.code().into(), languages.into(), site_path("/pagefind/").into(), format!("{BASE_PATH}/").into()];
    call(&module, "kasipodaqInit", &args).await?;
    Ok(module)
}

/// Merges more of the archive into the search (`src/pagefind-glue.js`,
/// which the build appends to Pagefind's module): `"recent"`, the two other
/// languages' newest statements, once (each costs requests a search in the
/// page's language does not need); `"older"`, the older statements of the
/// languages searched. `Ok(true)` when this call merged something.
pub async fn merge(lang: Lang, tier: &str) -> Result<bool, JsValue> {
    let module = pagefind(lang).await?;
    let merged = call(&module, "kasipodaqMerge", &[tier.into()]).await;
    if merged.is_err() {
        // Pagefind forgot its indexes (see the glue): loaded afresh next time.
        PAGEFIND.with(|p| *p.borrow_mut() = None);
    }
    Ok(merged?.is_truthy())
}

/// Starts loading Pagefind's module (on the search box's focus), so the
/// first query waits less.
pub fn preload_module() {
    leptos::task::spawn_local(async move {
        let _ = module().await;
    });
}

/// Loads the index of the page's language (after the search box's focus)
/// only if no query has chosen one within [`PRELOAD_INDEX_AFTER`] (one
/// pasted in another script loads that language's index alone).
pub fn preload_index(lang: Lang) {
    leptos::prelude::set_timeout(
        move || {
            if PAGEFIND.with(|p| p.borrow().is_none()) {
                leptos::task::spawn_local(async move {
                    let _ = pagefind(lang).await;
                });
            }
        },
        PRELOAD_INDEX_AFTER,
    );
}

/// How long after the search box's focus the page's own index is loaded
/// when no query has come: a reader who types or pastes at once has the
/// index of what they typed, one who pauses has the likeliest one ready.
const PRELOAD_INDEX_AFTER: std::time::Duration = std::time::Duration::from_millis(700);

/// Searches the statements for `query` within a year and kind; reads the
/// first `first` results.
pub async fn search(
    lang: Lang,
    query: &str,
    year: Option<i32>,
    kind: Option<Kind>,
    first: usize,
) -> Result<Found, JsValue> {
    let wanted = query_language(query, lang);
    let module = pagefind(wanted).await?;
    // Pagefind has no Kazakh stemmer: Kazakh words go as their stems.
    let query = kazakh_stems(query, wanted == Lang::Kk);
    let year = year.map_or(JsValue::UNDEFINED, |year| year.to_string().into());
    let kind = kind.map_or(JsValue::UNDEFINED, |kind| kind.code().into());
    let results = call(&module, "kasipodaqSearch", &[query.into(), year, kind]).await?;
    let pending: Vec<JsValue> = Array::from(&results).iter().collect();
    let pending_older = call(&module, "kasipodaqOlderPending", &[]).await?;
    let older = if pending_older.is_truthy() { Older::Searching } else { Older::Included };
    let mut found = Found { total: pending.len(), pending, hits: Vec::new(), older, module };
    more(&mut found, first).await?;
    Ok(found)
}

/// Reads the next `count` results of `found`, all at once (a request
/// each, in parallel).
pub async fn more(found: &mut Found, count: usize) -> Result<(), JsValue> {
    let batch: Array = found.pending.drain(..found.pending.len().min(count)).collect();
    let all = call(&found.module, "kasipodaqRead", &[batch.into()]).await?;
    found.hits.extend(Array::from(&all).iter().filter_map(|data| hit(&data)));
    Ok(())
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

/// A result's data as the archive shows it; `None` when it does not name
/// one of our statements.
fn hit(data: &JsValue) -> Option<Hit> {
    let meta = get(data, "meta");
    let anchors: Vec<(String, u32)> = Array::from(&get(data, "anchors"))
        .iter()
        .map(|anchor| (text(&anchor, "id"), get(&anchor, "location").as_f64().unwrap_or(0.0) as u32))
        .collect();
    let first = Array::from(&get(data, "locations")).get(0).as_f64().map(|n| n as u32);
    let paragraph = first.and_then(|location| paragraph_at(&anchors, location));
    Some(Hit {
        href: statement_href(&text(data, "url"), paragraph)?,
        title: text(&meta, "title"),
        date: Date::parse_iso(&text(&meta, "date")),
        kind: Kind::from_code(&text(&meta, "kind")),
        lang: Lang::from_code(&text(&meta, "lang")),
        excerpt: excerpt_runs(&text(data, "excerpt")),
    })
}
