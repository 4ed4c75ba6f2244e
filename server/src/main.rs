use clap::Parser;
use domain::common::{Clock, FixedClock};
use noibo_server::auth::SystemClock;
use noibo_server::cli::Args;
use noibo_server::{app, db, seed, AppState};
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into())).init();
    let args = Args::parse();
    let pool = db::connect(&args.database_url).await?;
    if args.seed.as_deref() == Some("demo") && seed::seed_demo(&pool).await? {
        tracing::info!("seeded the demo company");
    }
    // Plain HTTP on loopback is local development; anywhere else cookies
    // must only travel over HTTPS (a TLS proxy sits in front).
    let secure_cookies = !args.listen.ip().is_loopback();
    let clock: Arc<dyn Clock + Send + Sync> = match args.now {
        Some(at) => Arc::new(FixedClock(at)),
        None => Arc::new(SystemClock),
    };
    let router = app(AppState::new(pool, secure_cookies, clock), &args.cors_origins, args.static_dir.as_deref())?;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    tracing::info!(address = %listener.local_addr()?, "listening");
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
