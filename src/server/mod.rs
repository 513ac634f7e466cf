//! The gRPC server: the only module that knows the protocol.
//!
//! [`serve`] is handed its listener and its shutdown signal, so tests start it
//! on `127.0.0.1:0` in process and stop it when they like.

pub mod auth;
pub mod call;
pub mod codec;
pub mod config;
pub mod convert;
pub mod echo;
pub mod http;
pub mod info;
pub mod linger;
pub mod log_fields;
pub mod log_writer;
pub mod metrics;
#[cfg(feature = "otlp")]
pub mod otlp;
pub mod service;
pub mod shedding;
pub mod status;
pub mod tls;
pub mod wire_decode;

use std::future::Future;

use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::codec::CompressionEncoding;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Server;
use tonic_health::ServingStatus;

pub use config::Config;
pub use service::Service;

use crate::proto::v1::text_service_server::{TextService, TextServiceServer, SERVICE_NAME};
use crate::proto::FILE_DESCRIPTOR_SET;

/// The error `serve` ends with when the server cannot run.
pub type ServeError = Box<dyn std::error::Error + Send + Sync>;

/// Serves `lisan.v1.TextService`, `grpc.health.v1.Health` and server
/// reflection (v1 and v1alpha) on `listener` until `shutdown` resolves.
///
/// On shutdown, health turns NOT_SERVING, calls are still accepted for
/// `config.shutdown_drain`, then in-flight calls get up to
/// `config.shutdown_grace` to finish.
pub async fn serve(
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
    config: Config,
) -> Result<(), ServeError> {
    serve_with_http(listener, None, shutdown, config).await
}

/// [`serve`], and with `http` the HTTP/JSON API ([`http::serve_http`]) on
/// that listener, over the same service (limits, admission, auth,
/// metrics). It stops accepting when the drain period ends, and its
/// requests in progress get the same grace period.
pub async fn serve_with_http(
    listener: TcpListener,
    http: Option<TcpListener>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    config: Config,
) -> Result<(), ServeError> {
    // Build the normalizer's character table now, not on the first request.
    tokio::task::spawn_blocking(crate::core::normalize::warm_up).await?;
    let (health, health_service) = tonic_health::server::health_reporter();
    for name in ["", SERVICE_NAME] {
        health
            .set_service_status(name, ServingStatus::Serving)
            .await;
    }
    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;
    let service = Service::new(config.clone());
    let (stop_http, http_stop) = tokio::sync::watch::channel(false);
    let stop_http = std::sync::Arc::new(stop_http);
    let stop_http_at_end = stop_http.clone();
    let http_server =
        http.map(|http| tokio::spawn(http::serve_http(http, service.clone(), http_stop)));
    // `--echo` swaps in the gRPC service that answers without processing (the
    // benchmark baseline); everything around it stays the same.
    let (text_service, echo_service) = if config.echo {
        tracing::warn!("echo mode: TextService answers without processing (benchmarks only)");
        (
            None,
            Some(text_service(echo::Echo::new(config.clone()), &config)),
        )
    } else {
        (Some(text_service(service, &config)), None)
    };
    let (drained_tx, drained_rx) = tokio::sync::oneshot::channel::<()>();
    let drain = config.shutdown_drain;
    let signal = async move {
        shutdown.await;
        tracing::info!("shutting down: health NOT_SERVING, draining");
        for name in ["", SERVICE_NAME] {
            health
                .set_service_status(name, ServingStatus::NotServing)
                .await;
        }
        tokio::time::sleep(drain).await;
        stop_http.send_replace(true);
        let _ = drained_tx.send(());
    };
    let closes = linger::Closes::new();
    let mut builder = Server::builder()
        .http2_keepalive_interval(config.keepalive_interval)
        .http2_keepalive_timeout(Some(config.keepalive_timeout))
        .accept_http1(config.grpc_web);
    if let Some(age) = config.max_connection_age {
        builder = builder
            .max_connection_age(age)
            .max_connection_age_grace(config.shutdown_grace);
    }
    if let Some(tls) = &config.tls {
        builder = builder.tls_config(tls::server_config(tls))?;
    }
    let web = config.grpc_web.then(tonic_web::GrpcWebLayer::new);
    let server = builder
        .layer(call::ArrivalLayer)
        .layer(tower::util::option_layer(web))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_optional_service(text_service)
        .add_optional_service(echo_service)
        .serve_with_incoming_shutdown(no_delay(listener, &closes), signal);
    let grace = config.shutdown_grace;
    let deadline = async move {
        if drained_rx.await.is_ok() {
            tokio::time::sleep(grace).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    // When the gRPC server ends (shut down, or failed), so does the HTTP API.
    let serving = async move {
        let result = server.await;
        stop_http_at_end.send_replace(true);
        if let Some(handle) = http_server {
            let _ = handle.await;
        }
        result
    };
    tokio::select! {
        result = serving => {
            // Connections that closed last may still be lingering: their
            // clients are reading the last answers.
            closes.wait(linger::LINGER).await;
            result?
        }
        () = deadline => tracing::warn!(?grace, "grace period over; stopping with calls in flight"),
    }
    tracing::info!("server stopped");
    Ok(())
}

/// `service` as served: message limits, compression, authentication.
fn text_service<T: TextService>(
    service: T,
    config: &Config,
) -> InterceptedService<TextServiceServer<T>, auth::Auth> {
    let server = TextServiceServer::new(service)
        .max_decoding_message_size(config.max_request_bytes)
        .max_encoding_message_size(config.max_response_bytes)
        .accept_compressed(CompressionEncoding::Gzip)
        .accept_compressed(CompressionEncoding::Zstd)
        .send_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Zstd);
    InterceptedService::new(server, auth::Auth(config.auth_tokens.clone()))
}

/// The listener's connections with Nagle's algorithm off (a small answer
/// must leave at once, not wait for the client's delayed ACK, 40 ms), each
/// closed with a linger (see [`linger`]).
fn no_delay(
    listener: TcpListener,
    closes: &linger::Closes,
) -> impl tokio_stream::Stream<Item = std::io::Result<linger::LingeringStream>> {
    use tokio_stream::StreamExt;
    let opener = closes.opener();
    TcpListenerStream::new(listener).map(move |stream| {
        let stream = stream?;
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
        Ok(opener.wrap(stream))
    })
}
