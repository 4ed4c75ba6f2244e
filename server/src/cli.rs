//! The command line operators script against; every flag also reads an
//! environment variable.

use clap::Parser;
use std::net::SocketAddr;

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

    /// An origin allowed to call the API from a browser; repeatable.
    #[arg(long = "cors-origin", env = "NOIBO_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

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
