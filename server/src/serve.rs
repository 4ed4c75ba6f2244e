//! Accepting connections: HTTP/1.1, with a header read timeout, a cap on
//! open connections and a graceful stop. (`axum::serve` has neither the
//! timeout nor the cap: a client that never finishes its headers would keep
//! its connection, and a file descriptor, for ever.)

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How connections are bounded (`--header-timeout`, `--max-connections`).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// A connection that has not sent a request's whole headers this long
    /// after it opened, or after its previous answer, is closed.
    pub header_timeout: Duration,
    /// Connections beyond this wait in the listen queue until one closes.
    pub max_connections: usize,
}

/// How long a stop waits for the requests in progress.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `stop` completes, then lets the
/// requests in progress finish (up to `DRAIN`).
pub async fn serve(listener: TcpListener, router: Router, limits: Limits, stop: impl Future<Output = ()>) {
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut stop => break,
        };
        // The peer's address is dropped unread: nothing can log it.
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors, usually: wait rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router.clone())));
        tokio::spawn(async move {
            // A connection that ends badly (reset, timed out) is routine.
            let _ = connection.await;
            drop(permit);
        });
    }
    let _ = tokio::time::timeout(DRAIN, graceful.shutdown()).await;
}
