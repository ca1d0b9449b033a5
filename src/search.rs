//! The archive's full-text search: Pagefind's index of the statement pages
//! (written by tools/search-index.mjs), loaded through its JS API the first
//! time a reader searches, never before. The page's language is searched
//! first; when it finds nothing, the two others are merged in, so a quote
//! pasted in another language is found too (and marked as such). A large
//! archive has two indexes (tools/search-index.mjs): the newest statements
//! give the first results, and the older ones are merged in right after.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use kasipodaq_core::{
    calendar::Date,
    content::Kind,
    search::{excerpt_runs, kazakh_stems, paragraph_at, statement_href},
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

fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// Pagefind, loaded once; a failed load is tried again by the next caller.
async fn pagefind(lang: Lang) -> Result<JsValue, JsValue> {
    let loading = PAGEFIND
        .with(|p| p.borrow_mut().get_or_insert_with(|| wasm_bindgen_futures::future_to_promise(load(lang))).clone());
    let loaded = JsFuture::from(loading).await;
    if loaded.is_err() {
        PAGEFIND.with(|p| *p.borrow_mut() = None);
    }
    loaded
}

/// Loads Pagefind (`index.html` gives `kasipodaqImport`, a dynamic
/// `import()`, which the WebAssembly cannot write itself).
async fn load(lang: Lang) -> Result<JsValue, JsValue> {
    let window: JsValue = leptos::prelude::window().into();
    let import: Function = get(&window, "kasipodaqImport").dyn_into()?;
    let promise: Promise = import.call1(&window, &site_path("/pagefind/pagefind.js").into())?.dyn_into()?;
    let module = JsFuture::from(promise).await?;
    let bundle = site_path("/pagefind/");
    let base_url = format!("{BASE_PATH}/");
    call(
        &module,
        "options",
        &[object(&[
            ("basePath", bundle.clone().into()),
            ("baseUrl", base_url.clone().into()),
            ("excerptLength", 24.into()),
            ("language", lang.code().into()),
            // Without its worker: one request and one round trip fewer
            // before the first results, and a search over our archive is
            // short work for the main thread (the bench measures it).
            ("noWorker", true.into()),
        ])],
    )
    .await?;
    call(&module, "init", &[]).await?;
    Ok(module)
}

/// Merges more of the archive into the search (`src/pagefind-glue.js`,
/// which the build appends to Pagefind's module): `"recent"`, the two other
/// languages' newest statements, once (each costs requests a search in the
/// page's language does not need); `"older"`, the older statements of the
/// languages searched. `Ok(true)` when this call merged something.
pub async fn merge(lang: Lang, tier: &str) -> Result<bool, JsValue> {
    let module = pagefind(lang).await?;
    let languages: Array = Lang::ALL.into_iter().map(|each| JsValue::from(each.code())).collect();
    let merged = call(
        &module,
        "kasipodaqMerge",
        &[
            tier.into(),
            lang.code().into(),
            languages.into(),
            site_path("/pagefind/").into(),
            format!("{BASE_PATH}/").into(),
        ],
    )
    .await;
    if merged.is_err() {
        // Pagefind forgot its indexes (see the glue): loaded afresh next time.
        PAGEFIND.with(|p| *p.borrow_mut() = None);
    }
    Ok(merged?.is_truthy())
}

/// Starts loading the search (on the search box's focus), so the first
/// query does not wait for it.
pub fn preload(lang: Lang) {
    leptos::task::spawn_local(async move {
        let _ = pagefind(lang).await;
    });
}

/// Searches the statements for `query` within a year and kind; reads the
/// first `first` results.
pub async fn search(
    lang: Lang,
    query: &str,
    year: Option<i32>,
    kind: Option<Kind>,
    first: usize,
) -> Result<Found, JsValue> {
    let module = pagefind(lang).await?;
    let mut filters = Vec::new();
    if let Some(year) = year {
        filters.push(("year", JsValue::from(year.to_string())));
    }
    if let Some(kind) = kind {
        filters.push(("kind", JsValue::from(kind.code())));
    }
    // Pagefind has no Kazakh stemmer: Kazakh words go as their stems.
    let query = kazakh_stems(query, lang == Lang::Kk);
    let found = call(&module, "search", &[query.into(), object(&[("filters", object(&filters))])]).await?;
    let pending: Vec<JsValue> = Array::from(&get(&found, "results")).iter().collect();
    let older_pending: Function = get(&module, "kasipodaqOlderPending").dyn_into()?;
    let older =
        if older_pending.call1(&module, &lang.code().into())?.is_truthy() { Older::Searching } else { Older::Included };
    let mut found = Found { total: pending.len(), pending, hits: Vec::new(), older };
    more(&mut found, first).await?;
    Ok(found)
}

/// Reads the next `count` results of `found`, all at once (a request
/// each, in parallel).
pub async fn more(found: &mut Found, count: usize) -> Result<(), JsValue> {
    let batch: Array = found.pending.drain(..found.pending.len().min(count)).collect();
    let data = batch.iter().map(|result| {
        let function: Function = get(&result, "data").dyn_into()?;
        function.call0(&result)
    });
    let data: Array = data.collect::<Result<_, JsValue>>()?;
    let all = JsFuture::from(Promise::all(&data)).await?;
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
