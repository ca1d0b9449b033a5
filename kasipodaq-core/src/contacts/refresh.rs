//! When the page asks for the contacts file again, how long it waits, and
//! what it tells the visitor when the answer does not come. The app does the
//! requests; the rules are here so they are tested without a browser.

use super::Rejection;

/// One request may take this long (headers and body) before it is aborted:
/// long enough for a slow mobile connection to fetch a few kilobytes.
pub const REQUEST_TIMEOUT_MS: u32 = 10_000;

/// Waits before the second and third attempt of one refresh; then it gives up
/// until the next refresh, keeping what is on screen.
pub const RETRY_DELAYS_MS: [u32; 2] = [1_000, 4_000];

/// While the contacts page is open and visible, it asks again this often.
pub const REFRESH_INTERVAL_MS: u32 = 5 * 60 * 1_000;

/// A tab that becomes visible, or a browser back online, asks again only if
/// the last answer is older than this: switching tabs back and forth should
/// not send a request each time.
pub const MIN_RECHECK_MS: f64 = 30_000.0;

/// Why a refresh brought no new data. Whatever is on screen stays there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, DNS, refused or dropped connection, or a
    /// cross-origin server without the CORS header (browsers do not tell
    /// these apart).
    Network,
    /// No complete answer within [`REQUEST_TIMEOUT_MS`].
    Timeout,
    /// An HTTP status other than 200 and 304.
    Status(u16),
    /// An answer that is not a usable contacts file.
    Refused(Rejection),
}

/// The visitor's message for a [`Failure`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureMessage {
    Network,
    Timeout,
    Status,
    Future,
    TooMany,
    Refused,
}

impl Failure {
    /// Whether another attempt of the same refresh may help: a network
    /// problem, a timeout, an overloaded or failing server. A file that was
    /// refused, or a 404, will be the same a second later.
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Network | Failure::Timeout => true,
            Failure::Status(status) => *status == 408 || *status == 429 || *status >= 500,
            Failure::Refused(_) => false,
        }
    }

    /// Which message the visitor is told (the app maps it to its constant).
    pub fn message(&self) -> FailureMessage {
        match self {
            Failure::Network => FailureMessage::Network,
            Failure::Timeout => FailureMessage::Timeout,
            Failure::Status(_) => FailureMessage::Status,
            Failure::Refused(Rejection::UpdatedAtInFuture { .. }) => FailureMessage::Future,
            Failure::Refused(Rejection::TooManyHeadquarters { .. }) => FailureMessage::TooMany,
            Failure::Refused(_) => FailureMessage::Refused,
        }
    }

    /// A short code for the console, for the staff who keep the file:
    /// `network`, `timeout`, `http-503`, `refused-not-json`.
    pub fn code(&self) -> String {
        match self {
            Failure::Network => "network".to_owned(),
            Failure::Timeout => "timeout".to_owned(),
            Failure::Status(status) => format!("http-{status}"),
            Failure::Refused(rejection) => format!("refused-{}", rejection.code()),
        }
    }
}

/// How long to wait before attempt number `attempt + 1` (attempts count from
/// 0) after `failure`, or `None` to stop: after the last delay in
/// [`RETRY_DELAYS_MS`], and at once for a failure that is not transient.
pub fn retry_delay_ms(attempt: usize, failure: &Failure) -> Option<u32> {
    if failure.is_transient() {
        RETRY_DELAYS_MS.get(attempt).copied()
    } else {
        None
    }
}

/// What the server said about the file, to ask next time whether it changed
/// (`If-None-Match`, `If-Modified-Since`) so an unchanged file costs no body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    /// From the `ETag` and `Last-Modified` response headers. A value that
    /// could not be sent back as a header (too long, or with characters
    /// outside visible ASCII) is ignored.
    pub fn from_headers(etag: Option<&str>, last_modified: Option<&str>) -> Validators {
        fn usable(value: Option<&str>) -> Option<String> {
            value
                .map(str::trim)
                .filter(|value| !value.is_empty() && value.len() <= 200)
                .filter(|value| value.bytes().all(|byte| (0x20..0x7f).contains(&byte)))
                .map(str::to_owned)
        }
        Validators { etag: usable(etag), last_modified: usable(last_modified) }
    }

    /// The request headers that ask "has it changed?".
    pub fn request_headers(&self) -> Vec<(&'static str, &str)> {
        let mut headers = Vec::new();
        if let Some(etag) = &self.etag {
            headers.push(("If-None-Match", etag.as_str()));
        }
        if let Some(last_modified) = &self.last_modified {
            headers.push(("If-Modified-Since", last_modified.as_str()));
        }
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_timeouts_and_server_errors_are_retried_twice_with_growing_waits() {
        for failure in [Failure::Network, Failure::Timeout, Failure::Status(500), Failure::Status(503)] {
            assert_eq!(retry_delay_ms(0, &failure), Some(1_000), "{failure:?}");
            assert_eq!(retry_delay_ms(1, &failure), Some(4_000), "{failure:?}");
            assert_eq!(retry_delay_ms(2, &failure), None, "{failure:?}");
        }
        assert_eq!(retry_delay_ms(0, &Failure::Status(429)), Some(1_000));
        assert_eq!(retry_delay_ms(0, &Failure::Status(408)), Some(1_000));
    }

    #[test]
    fn refused_files_and_client_errors_are_not_retried() {
        for failure in [
            Failure::Status(404),
            Failure::Status(403),
            Failure::Refused(Rejection::NotAnObject),
            Failure::Refused(Rejection::TooLarge { bytes: 600_000 }),
        ] {
            assert_eq!(retry_delay_ms(0, &failure), None, "{failure:?}");
        }
    }

    #[test]
    fn failures_have_a_message_and_a_console_code() {
        assert_eq!(Failure::Status(503).code(), "http-503");
        assert_eq!(Failure::Refused(Rejection::NotJson { detail: String::new() }).code(), "refused-not-json");
        assert_eq!(Failure::Timeout.message(), FailureMessage::Timeout);
        assert_eq!(Failure::Status(404).message(), FailureMessage::Status);
        assert_eq!(
            Failure::Refused(Rejection::UpdatedAtInFuture { ahead_seconds: 60 }).message(),
            FailureMessage::Future
        );
    }

    #[test]
    fn validators_are_sent_back_only_when_they_are_plain_header_values() {
        let validators = Validators::from_headers(Some(" \"abc\" "), Some("Mon, 23 Nov 2026 10:00:00 GMT"));
        assert_eq!(
            validators.request_headers(),
            vec![("If-None-Match", "\"abc\""), ("If-Modified-Since", "Mon, 23 Nov 2026 10:00:00 GMT")]
        );
        let odd = Validators::from_headers(Some("\"ä\"\n"), Some(&"x".repeat(201)));
        assert_eq!(odd, Validators::default());
        assert!(odd.request_headers().is_empty());
        assert_eq!(Validators::from_headers(Some(""), None), Validators::default());
    }
}
