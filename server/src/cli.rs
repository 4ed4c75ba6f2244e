//! The command line operators script against; every flag also reads an
//! environment variable.

use clap::{Parser, ValueEnum};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(name = "noibo-server", version, about = "The reference REST backend of Nội bộ")]
pub struct Args {
    /// Address to listen on.
    #[arg(long, env = "NOIBO_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// The database: `sqlite://noibo.db` (one machine), `postgres://user:pass@host/db`
    /// (any number of servers on one database), or `sqlite::memory:` (tests).
    #[arg(long = "database", env = "NOIBO_DATABASE_URL", default_value = "sqlite://noibo.db")]
    pub database_url: String,

    /// An origin allowed to call the API from a browser, as the browser
    /// sends it (`https://portal.example.vn`, no trailing slash); repeatable.
    #[arg(long = "cors-origin", env = "NOIBO_CORS_ORIGINS", value_delimiter = ',', value_parser = cors_origin)]
    pub cors_origins: Vec<String>,

    /// Whether the session cookie carries `Secure`: `auto` unless the server
    /// listens on loopback; `always` behind a TLS proxy on the same machine.
    #[arg(long, env = "NOIBO_COOKIE_SECURE", value_enum, default_value_t = CookieSecure::Auto)]
    pub cookie_secure: CookieSecure,

    /// Seconds a connection may take to send a request's headers (counted
    /// from when it opened, or from its previous answer) before it is closed.
    #[arg(long, env = "NOIBO_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,

    /// Seconds a request may take, reading its body included, before it is
    /// answered 408.
    #[arg(long, env = "NOIBO_REQUEST_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout: u64,

    /// Connections open at once; more wait until one closes.
    #[arg(long, env = "NOIBO_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,

    /// Load a data set; `demo` is the demo company of the embedded backend.
    #[arg(long, value_parser = ["demo"])]
    pub seed: Option<String>,

    /// Serve the built app (a `make dist` folder) from this directory, with
    /// an SPA fallback, so one port runs the whole product.
    #[arg(long = "static", env = "NOIBO_STATIC_DIR")]
    pub static_dir: Option<std::path::PathBuf>,

    /// Pin the server's clock to this instant, in the company's time zone
    /// (`2026-11-20T10:00:00+07:00`), instead of the computer's: for tests
    /// and demos whose data must read the same on any day.
    #[arg(long, env = "NOIBO_NOW")]
    pub now: Option<domain::Timestamp>,
}

impl Args {
    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs(self.header_timeout)
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout)
    }
}

/// `--cookie-secure`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CookieSecure {
    /// `Secure` unless listening on loopback, which is local development
    /// over plain HTTP.
    Auto,
    /// Always `Secure`: a TLS proxy on this machine forwards to loopback.
    Always,
    /// Never `Secure`: plain HTTP on a trusted network (not recommended).
    Never,
}

impl CookieSecure {
    pub fn for_address(self, listen: SocketAddr) -> bool {
        match self {
            CookieSecure::Auto => !listen.ip().is_loopback(),
            CookieSecure::Always => true,
            CookieSecure::Never => false,
        }
    }
}

fn cors_origin(origin: &str) -> Result<String, String> {
    crate::app::cors_origin(origin).map(|_| origin.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::{Args, CookieSecure};
    use clap::Parser;

    #[test]
    fn behind_a_tls_proxy_on_loopback_the_cookie_can_be_made_secure() {
        let args = |extra: &[&str]| Args::try_parse_from([&["noibo-server"], extra].concat()).unwrap();
        let loopback = args(&[]);
        assert!(!loopback.cookie_secure.for_address(loopback.listen), "auto: plain HTTP on loopback");
        let proxied = args(&["--cookie-secure", "always"]);
        assert!(proxied.cookie_secure.for_address(proxied.listen));
        let public = args(&["--listen", "0.0.0.0:8080"]);
        assert!(public.cookie_secure.for_address(public.listen));
        let never = args(&["--listen", "0.0.0.0:8080", "--cookie-secure", "never"]);
        assert!(!never.cookie_secure.for_address(never.listen));
        assert_eq!(args(&[]).cookie_secure, CookieSecure::Auto);
    }

    #[test]
    fn a_wildcard_cors_origin_is_a_clear_start_up_error() {
        let error = Args::try_parse_from(["noibo-server", "--cors-origin", "*"]).unwrap_err().to_string();
        assert!(error.contains("wildcard"), "{error}");
        let error = Args::try_parse_from(["noibo-server", "--cors-origin", "https://portal.example.vn/"]).unwrap_err().to_string();
        assert!(error.contains("trailing slash"), "{error}");
    }
}
