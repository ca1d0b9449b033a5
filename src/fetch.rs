//! Requests for the app's JSON files (the contacts, the texts of a
//! statement, Platform, Union Day and the accessibility statement): a
//! timeout on each attempt, retries with growing waits
//! (`kasipodaq_core::contacts::retry_delay_ms`), conditional requests, a size
//! cap of the caller's enforced while the body streams in, and abort when the
//! visitor leaves the contacts page.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    time::Duration,
};

use gloo_net::http::{Method, Request, RequestBuilder};
use js_sys::{Promise, Reflect, Uint8Array};
use kasipodaq_core::contacts::{retry_delay_ms, Failure, Rejection, Validators, REQUEST_TIMEOUT_MS};
use leptos::prelude::{set_timeout, set_timeout_with_handle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStream, ReadableStreamDefaultReader, RequestCache};

/// What the server answered.
pub enum Answer {
    /// 304: the file has not changed since the copy on screen.
    NotModified,
    /// A new body (at most the caller's cap, UTF-8) and its validators.
    Body { text: String, validators: Validators },
}

/// One refresh in progress, which the page can cancel.
#[derive(Default)]
pub struct InFlight {
    cancelled: Cell<bool>,
    controller: RefCell<Option<AbortController>>,
}

impl InFlight {
    /// Aborts the current request and stops further attempts.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = self.controller.borrow_mut().take() {
            controller.abort();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

/// What to ask for, and what to accept.
pub struct Ask<'a> {
    pub url: &'a str,
    /// `NoStore` for a file that changes under the same name (with our own
    /// `validators`), `Default` for one whose name changes with its content.
    pub cache: RequestCache,
    pub validators: &'a Validators,
    /// A body over this is refused as soon as the header or the stream shows it.
    pub max_bytes: usize,
    /// `sha256-…`: the browser refuses a body with another hash (as a failed request).
    pub integrity: Option<&'a str>,
}

/// Asks for the file up to three times; the last failure if none succeeds
/// (or when cancelled).
pub async fn with_retries(ask: &Ask<'_>, flight: &InFlight) -> Result<Answer, Failure> {
    let mut attempt = 0;
    loop {
        let failure = match once(ask, flight).await {
            Ok(answer) => return Ok(answer),
            Err(failure) => failure,
        };
        match retry_delay_ms(attempt, &failure) {
            Some(wait) if !flight.is_cancelled() => sleep(wait).await,
            _ => return Err(failure),
        }
        if flight.is_cancelled() {
            return Err(failure);
        }
        attempt += 1;
    }
}

/// Resolves after `milliseconds`, in a later task.
pub async fn sleep(milliseconds: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        set_timeout(move || drop(resolve.call0(&JsValue::UNDEFINED)), Duration::from_millis(milliseconds.into()));
    });
    let _ = JsFuture::from(promise).await;
}

/// One attempt, aborted after `REQUEST_TIMEOUT_MS` (headers and body).
async fn once(ask: &Ask<'_>, flight: &InFlight) -> Result<Answer, Failure> {
    let controller = AbortController::new().map_err(|_| Failure::Network)?;
    *flight.controller.borrow_mut() = Some(controller.clone());
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_millis(REQUEST_TIMEOUT_MS.into()),
        )
        .ok()
    };
    let result = send(ask, &controller).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    flight.controller.borrow_mut().take();
    result.map_err(|failure| if timed_out.get() { Failure::Timeout } else { failure })
}

async fn send(ask: &Ask<'_>, controller: &AbortController) -> Result<Answer, Failure> {
    let signal = controller.signal();
    // With `no-store` the browser's cache is not consulted; the file's
    // freshness is asked with our own validators, and a 304 reaches us as a 304.
    let mut request = Request::get(ask.url).cache(ask.cache).abort_signal(Some(&signal));
    if let Some(integrity) = ask.integrity {
        request = request.integrity(integrity);
    }
    for (name, value) in ask.validators.request_headers() {
        request = request.header(name, value);
    }
    let response = match request.send().await {
        Ok(response) => response,
        // A file named by its hash that the host no longer has (the site
        // published again since) answers 404, which the browser reports as
        // a failed integrity check: its status, asked without one, tells
        // the two apart.
        Err(_) if ask.integrity.is_some() => {
            let head = RequestBuilder::new(ask.url).method(Method::HEAD).abort_signal(Some(&signal)).send().await;
            return Err(match head.map(|response| response.status()) {
                Ok(status @ (404 | 410)) => Failure::Status(status),
                _ => Failure::Network,
            });
        }
        Err(_) => return Err(Failure::Network),
    };
    match response.status() {
        200 => {}
        304 => return Ok(Answer::NotModified),
        status => return Err(Failure::Status(status)),
    }
    let headers = response.headers();
    let declared = headers.get("content-length").and_then(|length| length.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > ask.max_bytes) {
        controller.abort();
        return Err(Failure::Refused(Rejection::TooLarge { bytes }));
    }
    let validators = Validators::from_headers(headers.get("etag").as_deref(), headers.get("last-modified").as_deref());
    let bytes = read_capped(response.body(), ask.max_bytes).await?;
    // Decoded by the browser (refusing what is not UTF-8, as Rust would): checked
    // byte by byte in the WebAssembly, the takeover's files made this function hot
    // enough for V8 to optimize it, and a returning reader's visit then no longer
    // found the app's compiled code in Chromium's cache (docs/performance.md,
    // "Each language's messages, fetched with the page").
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoded = web_sys::TextDecoder::new_with_label_and_options("utf-8", &options)
        .and_then(|decoder| decoder.decode_with_u8_array(&bytes));
    let text = decoded.map_err(|_| Failure::Refused(Rejection::NotJson { detail: "not UTF-8".to_owned() }))?;
    Ok(Answer::Body { text, validators })
}

/// The body, read chunk by chunk and given up (the stream cancelled) as soon
/// as it passes `max_bytes`: a huge file is never held in memory whole.
async fn read_capped(body: Option<ReadableStream>, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let Some(body) = body else { return Ok(Vec::new()) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| Failure::Network)?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|done| done.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()) else { return Err(Failure::Network) };
        let chunk: Uint8Array = value.unchecked_into();
        let total = bytes.len() + chunk.length() as usize;
        if total > max_bytes {
            let _ = reader.cancel();
            return Err(Failure::Refused(Rejection::TooLarge { bytes: total }));
        }
        let start = bytes.len();
        bytes.resize(total, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}
