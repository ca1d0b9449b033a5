//! The Content-Security-Policy of the prerendered pages, and the SHA-256 of
//! an inline script it allows.

/// The policy for a `<meta http-equiv="Content-Security-Policy">`, directives
/// joined by `"; "`: only the site's own files, plus the inline scripts with
/// the given hashes (from [`sha256_base64`]), WebAssembly, `data:` images and
/// requests to the given extra origins (from [`super::ContactsEndpoint`]; a
/// duplicate is written once). No `frame-ancestors`: a meta policy may not
/// set it, so it belongs in a response header if the host allows one.
///
/// # Panics
/// If a hash is not base64 or an origin holds whitespace, `;`, `,` or a
/// quote: either would change the policy's meaning, so the build stops.
pub fn content_security_policy(script_sha256_base64: &[String], connect_origins: &[String]) -> String {
    for hash in script_sha256_base64 {
        assert!(
            !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')),
            "not a base64 SHA-256: {hash:?}"
        );
    }
    for origin in connect_origins {
        assert!(
            !origin.is_empty() && !origin.chars().any(|c| c.is_whitespace() || matches!(c, ';' | ',' | '\'' | '"')),
            "not an origin for connect-src: {origin:?}"
        );
    }
    let mut script_src = String::from("script-src 'self' 'wasm-unsafe-eval'");
    for hash in script_sha256_base64 {
        script_src.push_str(&format!(" 'sha256-{hash}'"));
    }
    let mut connect_src = String::from("connect-src 'self'");
    for (i, origin) in connect_origins.iter().enumerate() {
        if !connect_origins[..i].contains(origin) {
            connect_src.push_str(&format!(" {origin}"));
        }
    }
    [
        "default-src 'self'",
        &script_src,
        "style-src 'self'",
        "img-src 'self' data:",
        &connect_src,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    .join("; ")
}

/// The SHA-256 of `bytes` in standard base64 with padding: the form of a
/// CSP `'sha256-…'` source.
pub fn sha256_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(sha256(bytes))
}

/// SHA-256 (FIPS 180-4).
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_hashes_are_padded_standard_base64() {
        // the empty script's hash, as browsers print it in a CSP report
        assert_eq!(sha256_base64(b""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(sha256_base64(b"abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    }

    #[test]
    fn sha256_crosses_block_boundaries() {
        // FIPS 180-4 examples: two blocks, and the padding of 55 and 56 bytes.
        let hex = |digest: [u8; 32]| digest.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(hex(sha256(&[b'a'; 1_000_000])), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        assert_eq!(hex(sha256(&[b'a'; 55])), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
        assert_eq!(hex(sha256(&[b'a'; 56])), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    }
}
