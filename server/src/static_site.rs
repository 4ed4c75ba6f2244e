//! Serving the built app from the same port as the API: files from the
//! dist folder, `index.html` for any other path (deep links), and security
//! headers with a Content-Security-Policy that allows exactly the inline
//! loader script Trunk writes into `index.html`.

use axum::http::header::{CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The app in `dir` as a fallback service for everything outside the API.
pub fn serve_app<S: Clone + Send + Sync + 'static>(router: Router<S>, dir: &Path) -> std::io::Result<Router<S>> {
    let index = dir.join("index.html");
    let policy = content_security_policy(&std::fs::read_to_string(&index)?);
    let files = ServeDir::new(dir).fallback(ServeFile::new(index));
    Ok(router
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy).expect("ASCII policy")))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(REFERRER_POLICY, HeaderValue::from_static("no-referrer"))))
}

/// A policy with no `'unsafe-inline'`: inline scripts are allowed by hash.
pub fn content_security_policy(index_html: &str) -> String {
    let hashes: String = inline_scripts(index_html)
        .map(|script| format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_nothing_else_inline() {
        let html = r#"<head><script type="module">import init from '/app.js';</script><script src="/x.js"></script></head>"#;
        let policy = content_security_policy(html);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"import init from '/app.js';"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("'wasm-unsafe-eval'") && policy.contains("frame-ancestors 'none'"));
    }
}
