use clap::Parser;
use domain::common::{Clock, FixedClock};
use noibo_server::auth::SystemClock;
use noibo_server::cli::Args;
use noibo_server::serve::{serve, Limits};
use noibo_server::{app, db, seed, AppState};
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

/// `RUST_LOG` (default `info`), except what no setting may turn on: the
/// HTTP machinery's per-connection and per-request chatter and the SQL each
/// request runs, which would record when an anonymous route was used.
fn log_filter() -> EnvFilter {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    ["hyper=warn", "hyper_util=warn", "sqlx::query=off"]
        .into_iter()
        .fold(filter, |filter, directive| filter.add_directive(directive.parse().expect("a valid directive")))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(log_filter()).init();
    let args = Args::parse();
    let pool = db::connect(&args.database_url).await?;
    let clock: Arc<dyn Clock + Send + Sync> = match args.now {
        Some(at) => Arc::new(FixedClock(at)),
        None => Arc::new(SystemClock),
    };
    if args.seed.as_deref() == Some("demo") && seed::seed_demo(&pool, clock.now()).await? {
        tracing::info!("seeded the demo company");
    }
    let secure_cookies = args.cookie_secure.for_address(args.listen);
    let state = AppState::new(pool, secure_cookies, clock).with_request_timeout(args.request_timeout());
    let router = app(state, &args.cors_origins, args.static_dir.as_deref())?;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    tracing::info!(address = %listener.local_addr()?, "listening");
    let limits = Limits { header_timeout: args.header_timeout(), max_connections: args.max_connections as usize };
    serve(listener, router, limits, stop_signal()).await;
    Ok(())
}

/// Ctrl-C, or the SIGTERM a service manager or an orchestrator sends to
/// stop a replica: requests in progress then finish.
async fn stop_signal() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM can be watched");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}
