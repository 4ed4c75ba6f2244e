//! The REST client for `api/openapi.yaml`: one private request function
//! that maps statuses to [`ApiError`], and a thin typed call per resource.

use super::{ApiError, Backend, Credentials, SignInMethod};
use async_trait::async_trait;
use domain::common::FieldError;
use domain::company::WorkforceOverview;
use domain::{Member, MemberProfile, OfferingStatus};
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use web_sys::{AbortController, ReferrerPolicy, RequestCredentials};

pub struct HttpBackend {
    /// Prefix for `/api/v1/...`; empty for the app's own origin.
    base_url: String,
    email_domain: Option<String>,
}

/// Aborts the fetch when the future that owns it is dropped, so a page that
/// goes away takes its requests with it.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// Who a request says it comes from.
#[derive(Clone, Copy)]
enum Sender {
    /// The signed-in member: the session cookie goes with it.
    Member,
    /// Nobody: no credentials (anonymous feedback, public checks).
    Nobody,
}

/// The per-field part of an RFC 9457 problem document.
#[derive(Deserialize)]
struct Problem {
    #[serde(default)]
    errors: Vec<FieldError>,
}

impl HttpBackend {
    pub fn new(base_url: &str) -> HttpBackend {
        HttpBackend { base_url: base_url.trim_end_matches('/').to_owned(), email_domain: None }
    }

    /// The company's email domain, for the sign-in form's hint.
    pub fn with_email_domain(self, email_domain: Option<String>) -> HttpBackend {
        HttpBackend { email_domain, ..self }
    }

    /// Sends one request as the signed-in member (with the session
    /// cookie) and reads its whole body, mapping the status to an
    /// [`ApiError`].
    pub async fn request(&self, method: Method, path: &str, body: Option<&(impl Serialize + ?Sized)>, headers: &[(&str, &str)]) -> Result<String, ApiError> {
        self.exchange(Sender::Member, method, path, body, headers).await
    }

    /// Sends one anonymous POST (`/feedback/anonymous/...`): no cookie, no
    /// header of ours, no referrer; nothing in it names the member.
    pub async fn anonymous(&self, path: &str, body: &(impl Serialize + ?Sized)) -> Result<String, ApiError> {
        self.exchange(Sender::Nobody, Method::POST, path, Some(body), &[]).await
    }

    /// Reads a public resource (`/certificates/{code}`) as anyone would:
    /// no cookie, nothing that names the member.
    pub async fn public_get(&self, path: &str) -> Result<String, ApiError> {
        self.exchange(Sender::Nobody, Method::GET, path, None::<&()>, &[]).await
    }

    /// The one request function. The abort guard lives until the body is
    /// read. No request sends a referrer: the page's address can say what
    /// the member is looking at (a conversation), which a request signed
    /// with the session cookie must not carry.
    async fn exchange(
        &self,
        sender: Sender,
        method: Method,
        path: &str,
        body: Option<&(impl Serialize + ?Sized)>,
        headers: &[(&str, &str)],
    ) -> Result<String, ApiError> {
        let guard = AbortOnDrop(AbortController::new().ok());
        let credentials = match sender {
            Sender::Member => RequestCredentials::Include,
            Sender::Nobody => RequestCredentials::Omit,
        };
        let mut builder = RequestBuilder::new(&format!("{}/api/v1{path}", self.base_url))
            .method(method)
            .credentials(credentials)
            .referrer_policy(ReferrerPolicy::NoReferrer)
            .header("Accept", "application/json")
            .abort_signal(guard.0.as_ref().map(|c| c.signal()).as_ref());
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(body) => builder.json(body),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after").and_then(|seconds| seconds.trim().parse().ok());
        // The body exactly as sent: `text()` would drop a leading byte order
        // mark, which the CSV export carries for Excel.
        let bytes = response.binary().await.map_err(|_| ApiError::Network)?;
        let text = String::from_utf8(bytes).map_err(|_| ApiError::Server { status })?;
        drop(guard);
        let fields = || serde_json::from_str::<Problem>(&text).map(|p| p.errors).unwrap_or_default();
        match status {
            200..=299 => Ok(text),
            401 => Err(ApiError::Unauthorized),
            403 => Err(ApiError::Forbidden),
            404 => Err(ApiError::NotFound),
            // A conflict that names a rule (a token already spent) is shown at
            // its field; one that names none (a request still in flight) is
            // worth trying again.
            409 => match fields() {
                fields if fields.is_empty() => Err(ApiError::Conflict),
                fields => Err(ApiError::Invalid { fields }),
            },
            429 => Err(ApiError::TooManyAttempts { retry_after }),
            400 | 422 => Err(ApiError::Invalid { fields: fields() }),
            status => Err(ApiError::Server { status }),
        }
    }

    pub async fn json<T: DeserializeOwned>(&self, method: Method, path: &str, body: Option<&(impl Serialize + ?Sized)>) -> Result<T, ApiError> {
        let text = self.request(method, path, body, &[]).await?;
        parse(&text)
    }

    pub async fn send<T: DeserializeOwned>(&self, method: Method, path: &str, body: &(impl Serialize + ?Sized)) -> Result<T, ApiError> {
        self.json(method, path, Some(body)).await
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.json(Method::GET, path, None::<&()>).await
    }
}

/// A 2xx answer we cannot read is the server's fault, not the member's.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::Server { status: 200 })
}

/// `?name=value&…` from a query struct's fields, URL-encoded; `""` if none.
pub fn query_string(query: &impl Serialize) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(query) else { return String::new() };
    let pairs: Vec<String> = fields
        .iter()
        .filter_map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some(format!("{name}={}", js_sys::encode_uri_component(&text)))
        })
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

#[async_trait(?Send)]
impl Backend for HttpBackend {
    fn sign_in_method(&self) -> SignInMethod {
        SignInMethod::Password { email_domain: self.email_domain.clone() }
    }

    async fn sign_in(&self, credentials: &Credentials) -> Result<Member, ApiError> {
        match self.json(Method::POST, "/session", Some(credentials)).await {
            Err(ApiError::Unauthorized) => Err(ApiError::BadCredentials),
            other => other,
        }
    }

    async fn session(&self) -> Result<Option<Member>, ApiError> {
        match self.get("/session").await {
            Ok(member) => Ok(Some(member)),
            Err(ApiError::Unauthorized) => Ok(None),
            Err(other) => Err(other),
        }
    }

    async fn sign_out(&self) -> Result<(), ApiError> {
        self.request(Method::DELETE, "/session", None::<&()>, &[]).await.map(drop)
    }

    async fn profile(&self) -> Result<MemberProfile, ApiError> {
        self.get("/me").await
    }

    async fn offerings(&self) -> Result<Vec<OfferingStatus>, ApiError> {
        self.get("/me/offerings").await
    }

    async fn workforce(&self) -> Result<WorkforceOverview, ApiError> {
        self.get("/hr/workforce").await
    }
}
