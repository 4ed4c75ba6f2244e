//! Serving the built app from the same port as the API, as a CDN would:
//! files from the dist folder, the `.br` or `.gz` copy `make dist` wrote
//! when the client accepts it, `index.html` for any other path (deep links),
//! a year's caching for hashed files and revalidation for the rest, and
//! security headers with a Content-Security-Policy that allows exactly the
//! inline loader script Trunk writes into `index.html`.

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, VARY, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// A hashed file never changes under its name: keep it a year, never ask again.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// The rest (`index.html`, `config.json`, the app at a deep link) may change
/// with a deploy or an operator's edit: revalidate on every use.
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

/// The app in `dir` as a fallback service for everything outside the API.
pub fn serve_app<S: Clone + Send + Sync + 'static>(router: Router<S>, dir: &Path) -> std::io::Result<Router<S>> {
    let index = dir.join("index.html");
    let policy = content_security_policy(&std::fs::read_to_string(&index)?);
    // Whatever path it answers, even a hashed name from an older build that
    // a tab open across a deploy asks for, the app page is never cached for a year.
    let app_page = SetResponseHeader::overriding(ServeFile::new(index).precompressed_br().precompressed_gzip(), CACHE_CONTROL, NO_CACHE);
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip().fallback(app_page);
    let files = Router::new().fallback_service(files).layer(middleware::from_fn(cache_policy));
    Ok(router
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy).expect("ASCII policy")))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(REFERRER_POLICY, HeaderValue::from_static("no-referrer"))))
}

/// `Cache-Control` by file name, unless the app page set it, and `Vary`:
/// ServeDir picks the `.br`, `.gz` or plain file by `Accept-Encoding` but
/// sends no `Vary`, and a shared cache must keep the three apart.
async fn cache_policy(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.entry(CACHE_CONTROL).or_insert(if hashed { IMMUTABLE } else { NO_CACHE });
    headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Whether the file name carries Trunk's content hash: a dash, 16 hex digits,
/// then `.`, `_` or `-` (`noibo-<hash>.js`, `noibo-<hash>_bg.wasm`,
/// `main-<hash>.css`, and the split hook's `noibo-<hash>-split_store.wasm`).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default().as_bytes();
    name.windows(18).any(|w| w[0] == b'-' && w[1..17].iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) && matches!(w[17], b'.' | b'_' | b'-'))
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

    #[test]
    fn the_names_of_a_real_build_are_hashed_or_not_as_they_should_be() {
        for name in [
            "/noibo-a896c6f59dfdac42.js",
            "/noibo-a896c6f59dfdac42_bg.wasm",
            "/noibo-a896c6f59dfdac42-wasm_split.js",
            "/noibo-a896c6f59dfdac42-split_store.wasm",
            "/main-43812091c2826628.css",
            "/favicon-127d52d5881d8c5c.svg",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in ["/", "/index.html", "/404.html", "/config.json", "/store/orders", "/noibo-a896c6f59dfdac4.js", "/a896c6f59dfdac42.js"] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
