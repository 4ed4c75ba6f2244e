//! `--static DIR` as a CDN would serve the app: the `.br` and `.gz` files
//! `make dist` writes, to the clients that accept them, and a cache policy
//! that keeps hashed files for a year and revalidates everything else.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use noibo_server::{app, db};
use std::path::PathBuf;
use tower::ServiceExt;
mod common;

const JS: &str = "noibo-0123456789abcdef.js";
const WASM: &str = "noibo-0123456789abcdef_bg.wasm";
const STORE_WASM: &str = "noibo-0123456789abcdef-split_store.wasm";
const CSS: &str = "main-fedcba9876543210.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A dist folder as `make dist` leaves it, in a temp dir of its own, removed
/// on drop. The server sends files as they are, so each `.br` and `.gz` here
/// only has to differ from the others for a test to tell which one came.
struct Dist(PathBuf);

impl Dist {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("noibo-static-site-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["index.html", JS, WASM, STORE_WASM, CSS] {
            std::fs::write(dir.join(file), plain(file)).unwrap();
            std::fs::write(dir.join(format!("{file}.br")), format!("brotli of {file}")).unwrap();
            std::fs::write(dir.join(format!("{file}.gz")), format!("gzip of {file}")).unwrap();
        }
        // Never precompressed: operators rewrite it after the build.
        std::fs::write(dir.join("config.json"), plain("config.json")).unwrap();
        Dist(dir)
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn plain(file: &str) -> String {
    match file {
        "index.html" => "<html><head><script type=\"module\">start()</script></head></html>".to_owned(),
        "config.json" => r#"{"backend":"http"}"#.to_owned(),
        _ => format!("the bytes of {file}"),
    }
}

async fn server(dist: &Dist) -> Router {
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    app(common::state(pool, false), &[], Some(&dist.0)).unwrap()
}

async fn get(app: &Router, path: &str, accept_encoding: Option<&str>) -> (StatusCode, HeaderMap, Bytes) {
    let mut request = Request::get(path);
    if let Some(encodings) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, encodings);
    }
    let response = app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body.collect().await.unwrap().to_bytes())
}

fn text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).map(|value| value.to_str().unwrap())
}

/// Whether a `Vary` header (the CORS layer adds one of its own) names `Accept-Encoding`.
fn varies_with_encoding(headers: &HeaderMap) -> bool {
    headers.get_all(header::VARY).iter().flat_map(|value| value.to_str().unwrap().split(',')).any(|name| name.trim().eq_ignore_ascii_case("accept-encoding"))
}

#[tokio::test]
async fn a_browser_that_accepts_brotli_downloads_the_brotli_files() {
    let dist = Dist::new("brotli");
    let app = server(&dist).await;
    for (file, content_type) in [(JS, "text/javascript"), (WASM, "application/wasm"), (STORE_WASM, "application/wasm"), ("index.html", "text/html")] {
        let (status, headers, body) = get(&app, &format!("/{file}"), Some("gzip, deflate, br, zstd")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_eq!(text(&headers, header::CONTENT_ENCODING), Some("br"), "{file}");
        assert!(varies_with_encoding(&headers), "{file}: {headers:?}");
        assert!(text(&headers, header::CONTENT_TYPE).unwrap().starts_with(content_type), "{file}: {headers:?}");
        assert_eq!(body, format!("brotli of {file}"));
    }
}

#[tokio::test]
async fn a_client_that_only_accepts_gzip_downloads_the_gzip_files() {
    let dist = Dist::new("gzip");
    let app = server(&dist).await;
    for file in [JS, WASM, CSS] {
        let (status, headers, body) = get(&app, &format!("/{file}"), Some("gzip")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_eq!(text(&headers, header::CONTENT_ENCODING), Some("gzip"), "{file}");
        assert!(varies_with_encoding(&headers), "{file}: {headers:?}");
        assert_eq!(body, format!("gzip of {file}"));
    }
    let (_, headers, _) = get(&app, &format!("/{WASM}"), Some("gzip")).await;
    assert_eq!(text(&headers, header::CONTENT_TYPE), Some("application/wasm"));
}

#[tokio::test]
async fn a_client_that_accepts_no_compression_gets_the_plain_files_and_a_cache_keeps_them_apart() {
    let dist = Dist::new("identity");
    let app = server(&dist).await;
    for file in [JS, WASM, "index.html", "config.json"] {
        let (status, headers, body) = get(&app, &format!("/{file}"), None).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_eq!(text(&headers, header::CONTENT_ENCODING), None, "{file}");
        // A shared cache must not hand this answer to a client that asked for brotli, or the other way round.
        assert!(varies_with_encoding(&headers), "{file}: {headers:?}");
        assert_eq!(body, plain(file));
    }
    let (_, headers, body) = get(&app, "/config.json", Some("br, gzip")).await;
    assert_eq!((text(&headers, header::CONTENT_ENCODING), body), (None, Bytes::from(plain("config.json"))), "config.json is never precompressed");
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_without_asking_again() {
    let dist = Dist::new("immutable");
    let app = server(&dist).await;
    for file in [JS, WASM, STORE_WASM, CSS] {
        for encoding in [Some("br"), Some("gzip"), None] {
            let (status, headers, _) = get(&app, &format!("/{file}"), encoding).await;
            assert_eq!(status, StatusCode::OK, "{file}");
            assert_eq!(text(&headers, header::CACHE_CONTROL), Some(IMMUTABLE), "{file} {encoding:?}");
        }
    }
}

#[tokio::test]
async fn the_page_its_config_and_deep_links_are_checked_for_a_new_version_on_every_visit() {
    let dist = Dist::new("no-cache");
    let app = server(&dist).await;
    for path in ["/", "/index.html", "/config.json", "/store/orders", "/profile"] {
        let (status, headers, _) = get(&app, path, Some("br")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(text(&headers, header::CACHE_CONTROL), Some("no-cache"), "{path}");
    }
}

#[tokio::test]
async fn a_deep_link_gets_the_compressed_app() {
    let dist = Dist::new("deep-link");
    let app = server(&dist).await;
    let (status, headers, body) = get(&app, "/store/orders", Some("br")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&headers, header::CONTENT_ENCODING), Some("br"));
    assert!(varies_with_encoding(&headers), "{headers:?}");
    assert!(text(&headers, header::CONTENT_TYPE).unwrap().starts_with("text/html"));
    assert_eq!(body, "brotli of index.html");
}

#[tokio::test]
async fn a_file_name_from_an_older_build_is_answered_with_the_app_and_not_cached_for_a_year() {
    // A tab open across a deploy asks for a hashed name that is gone: the
    // fallback page must not be stored under that name for a year.
    let dist = Dist::new("old-build");
    let app = server(&dist).await;
    let (status, headers, _) = get(&app, "/noibo-ffffffffffffffff_bg.wasm", Some("br")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&headers, header::CONTENT_TYPE).unwrap().starts_with("text/html"));
    assert_eq!(text(&headers, header::CACHE_CONTROL), Some("no-cache"));
}
