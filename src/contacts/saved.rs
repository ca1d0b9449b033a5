//! The last good contacts file, kept in `localStorage` so the next visit
//! shows it at once (and offline), with what the server said about it so the
//! next request can ask whether it changed.
//!
//! The body is kept as received and checked again when read: a copy saved by
//! an older release, or edited by hand, gets the same checks as a fresh one.

use kasipodaq_core::contacts::Validators;

const BODY: &str = "kasipodaq.contacts.body";
const SOURCE: &str = "kasipodaq.contacts.source";
const ETAG: &str = "kasipodaq.contacts.etag";
const LAST_MODIFIED: &str = "kasipodaq.contacts.last-modified";

/// A copy of the file as it came from `source`.
pub struct SavedCopy {
    pub body: String,
    pub validators: Validators,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The copy saved from `source`; a copy from another endpoint (the address
/// was changed) is not used.
pub fn load(source: &str) -> Option<SavedCopy> {
    let storage = storage()?;
    let get = |key: &str| storage.get_item(key).ok().flatten();
    if get(SOURCE).as_deref() != Some(source) {
        return None;
    }
    let validators = Validators::from_headers(get(ETAG).as_deref(), get(LAST_MODIFIED).as_deref());
    Some(SavedCopy { body: get(BODY)?, validators })
}

/// Keeps `body` (already checked) as the last good copy. Storage may be full
/// or refused (private modes): then the next visit simply waits for the
/// network.
pub fn store(source: &str, body: &str, validators: &Validators) {
    let Some(storage) = storage() else { return };
    forget(&storage);
    let mut stored = storage.set_item(BODY, body).is_ok() && storage.set_item(SOURCE, source).is_ok();
    for (key, value) in [(ETAG, &validators.etag), (LAST_MODIFIED, &validators.last_modified)] {
        if let Some(value) = value {
            stored &= storage.set_item(key, value).is_ok();
        }
    }
    if !stored {
        // Half a copy could pair a body with another body's validators.
        forget(&storage);
    }
}

fn forget(storage: &web_sys::Storage) {
    for key in [BODY, SOURCE, ETAG, LAST_MODIFIED] {
        let _ = storage.remove_item(key);
    }
}
