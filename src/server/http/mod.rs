//! The HTTP/JSON API beside gRPC (`lisan serve --http-listen ADDR`): the same
//! RPCs of the same [`Service`] (so the same limits, admission, auth,
//! deadlines and metrics), with bodies in the proto3 JSON mapping, an
//! OpenAPI document generated from the proto, and the playground page.
//!
//! - `routes.rs`: the route table (one row per RPC, checked against the
//!   proto's service by a test) and the dispatch.
//! - `json.rs`: proto3 JSON both ways, from the descriptors.
//! - `body.rs`: content types, the body limit and the read timeout.
//! - `error.rs`: the one place a status becomes an HTTP code and JSON body.
//! - `batch.rs`: `POST /v1/analyze:batch`, NDJSON in and out, streamed.
//! - `openapi.rs`: the OpenAPI 3 document, generated from the descriptors.
//! - `playground.rs` (+ `playground.html`): `GET /`, one self-contained page.

pub mod batch;
pub mod body;
pub mod error;
pub mod json;
pub mod openapi;
pub mod playground;
pub mod routes;

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::Service;

/// The body of every HTTP response (whole, or streamed for a batch).
pub type Body = UnsyncBoxBody<Bytes, Infallible>;

/// Tells [`serve_http`] to stop: it stops accepting, lets each connection
/// finish the request in progress, and returns.
pub type Stop = watch::Receiver<bool>;

/// Serves the HTTP/JSON API of `service` on `listener` (HTTP/1.1) until
/// `stop` turns true. A client gets `read_timeout` to send a request's
/// headers (hyper's header timeout) and its body (see [`body`]).
pub async fn serve_http(listener: TcpListener, service: Service, mut stop: Stop) {
    let read_timeout = service.config().http_read_timeout;
    let api = Arc::new(routes::Api::new(service));
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                connections.spawn(connection(stream, api.clone(), read_timeout, stop.clone()));
            }
            changed = stop.changed() => {
                if changed.is_err() || *stop.borrow() {
                    break;
                }
            }
        }
        // Reap finished connections so the set does not grow.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
}

/// One HTTP/1.1 connection, shut down gracefully (the request in progress
/// finishes, keep-alive ends) when `stop` turns true.
async fn connection(
    stream: tokio::net::TcpStream,
    api: Arc<routes::Api>,
    read_timeout: Duration,
    mut stop: Stop,
) {
    let service = hyper::service::service_fn(move |request| {
        let api = api.clone();
        async move { Ok::<_, Infallible>(api.handle(request).await) }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .serve_connection(TokioIo::new(stream), service);
    let mut conn = std::pin::pin!(conn);
    let mut stopping = *stop.borrow();
    if stopping {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "HTTP connection ended with an error");
                }
                return;
            }
            changed = stop.changed(), if !stopping => {
                if changed.is_err() || *stop.borrow() {
                    stopping = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
