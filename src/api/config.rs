//! `config.json`: which backend this deployment talks to. It is copied
//! unhashed next to `index.html`, so operators repoint the app without a
//! rebuild.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase", deny_unknown_fields)]
pub enum Config {
    /// The embedded in-browser backend with the demo company.
    Demo {},
    /// A REST backend speaking `api/openapi.yaml`. An empty `base_url`
    /// means the same origin as the app.
    Http {
        #[serde(default)]
        base_url: String,
        /// The part after `@` of the company's emails, for the sign-in
        /// form's hint, such as `congty.vn`.
        #[serde(default)]
        email_domain: Option<String>,
    },
}

/// What is wrong with the deployment's configuration, for the error page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The file could not be fetched (HTTP status, or 0 for a network error).
    Unreachable { status: u16 },
    /// The file is there but is not a valid configuration.
    Invalid { detail: String },
}

impl Config {
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text).map_err(|e| ConfigError::Invalid { detail: e.to_string() })?;
        if let Config::Http { base_url, email_domain } = &config {
            let acceptable = base_url.is_empty() || base_url.starts_with('/') || base_url.starts_with("http://") || base_url.starts_with("https://");
            if !acceptable {
                return Err(ConfigError::Invalid { detail: format!("base_url must be empty, a path starting with /, or an http(s) URL; got {base_url:?}") });
            }
            if let Some(domain) = email_domain.as_deref().filter(|d| d.is_empty() || d.contains(['@', ' ']) || !d.contains('.')) {
                return Err(ConfigError::Invalid { detail: format!("email_domain must be a domain such as congty.vn, without @; got {domain:?}") });
            }
        }
        Ok(config)
    }
}

/// Examples the error page shows operators.
pub const EXAMPLE_DEMO: &str = r#"{"backend":"demo"}"#;
pub const EXAMPLE_HTTP: &str = r#"{"backend":"http","base_url":"https://api.example.com","email_domain":"example.com"}"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_selects_the_demo_backend() {
        let shipped = include_str!("../../public/config.json");
        assert_eq!(Config::parse(shipped), Ok(Config::Demo {}));
    }

    #[test]
    fn the_examples_shown_to_operators_are_valid() {
        assert_eq!(Config::parse(EXAMPLE_DEMO), Ok(Config::Demo {}));
        assert!(matches!(Config::parse(EXAMPLE_HTTP), Ok(Config::Http { .. })));
    }

    #[test]
    fn an_http_backend_names_its_base_url() {
        let config = Config::parse(r#"{"backend":"http","base_url":"https://hr.example.vn"}"#);
        assert_eq!(config, Ok(Config::Http { base_url: "https://hr.example.vn".into(), email_domain: None }));
        assert_eq!(Config::parse(r#"{"backend":"http"}"#), Ok(Config::Http { base_url: String::new(), email_domain: None }));
        let config = Config::parse(r#"{"backend":"http","email_domain":"congty.vn"}"#);
        assert_eq!(config, Ok(Config::Http { base_url: String::new(), email_domain: Some("congty.vn".into()) }));
    }

    #[test]
    fn broken_files_are_explained_not_guessed() {
        for text in ["", "{", r#"{"backend":"ftp"}"#, r#"{"backend":"demo","extra":1}"#, r#"{"backend":"http","base_ulr":"/"}"#, "[]"] {
            assert!(matches!(Config::parse(text), Err(ConfigError::Invalid { .. })), "{text:?} was accepted");
        }
        let Err(ConfigError::Invalid { detail }) = Config::parse(r#"{"backend":"http","base_url":"api.example.com"}"#) else {
            panic!("a base_url without a scheme was accepted");
        };
        assert!(detail.contains("base_url"));
        for domain in ["", "@congty.vn", "congty"] {
            let text = format!(r#"{{"backend":"http","email_domain":"{domain}"}}"#);
            let Err(ConfigError::Invalid { detail }) = Config::parse(&text) else { panic!("{domain:?} was accepted as an email domain") };
            assert!(detail.contains("email_domain"));
        }
    }
}
