//! Host side: small helpers for writing static data as Rust source, shared by
//! the translation, statement and page compilers that `build.rs` runs.

/// A `Cow<'static, str>` literal.
pub fn cow_str(text: &str) -> String {
    format!("::std::borrow::Cow::Borrowed({text:?})")
}

/// `Some(…)` or `None` of an optional value written by `f`.
pub fn option<T>(value: Option<&T>, f: impl Fn(&T) -> String) -> String {
    value.map(|v| format!("Some({})", f(v))).unwrap_or_else(|| "None".into())
}
