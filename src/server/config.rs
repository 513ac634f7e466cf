//! Server configuration: limits, transport, security and shutdown timing,
//! with defaults that need no configuration file.

use std::sync::Arc;
use std::time::Duration;

use super::auth::Tokens;
use super::metrics::Metrics;

/// Everything `serve` needs to know besides its listener.
#[derive(Clone, Debug)]
pub struct Config {
    /// Largest `Document.text`, in UTF-8 bytes.
    pub max_document_bytes: usize,
    /// Largest request message tonic decodes; larger ones get OUT_OF_RANGE.
    pub max_request_bytes: usize,
    /// Largest response message tonic encodes.
    pub max_response_bytes: usize,
    /// Documents processed at once on the CPU-bound pool (light jobs run
    /// where they arrive: `service::is_light`).
    pub max_concurrent_documents: usize,
    /// Responses of one stream in progress before the server stops reading it.
    pub max_stream_in_flight: usize,
    /// Calls (unary, or whole streams) admitted at once; more are refused at
    /// once with RESOURCE_EXHAUSTED (load shedding).
    pub max_concurrent_requests: usize,
    /// What `RetryInfo` tells a shed caller to wait.
    pub retry_after: Duration,
    /// Longest processing of one request or stream item; `None`: no limit
    /// but the client's deadline.
    pub request_timeout: Option<Duration>,
    /// HTTP/2 keepalive pings: interval (`None`: off) and how long to wait
    /// for the answer before closing the connection.
    pub keepalive_interval: Option<Duration>,
    pub keepalive_timeout: Duration,
    /// Connections are closed (gracefully, with GOAWAY) after this age, so
    /// load balancers can rebalance; `None`: never.
    pub max_connection_age: Option<Duration>,
    /// TLS (and mutual TLS); `None`: plaintext.
    pub tls: Option<TlsPem>,
    /// Bearer tokens accepted; `None`: no authentication.
    pub auth_tokens: Option<Tokens>,
    /// Also accept gRPC-Web (HTTP/1.1 and HTTP/2) for browser callers.
    pub grpc_web: bool,
    /// Where the service counts requests, latencies and bytes; shared by
    /// every clone, rendered by `metrics::serve_metrics`.
    pub metrics: Arc<Metrics>,
    /// After a shutdown signal: how long to report NOT_SERVING while still
    /// accepting calls, so load balancers stop sending new work.
    pub shutdown_drain: Duration,
    /// Then: how long in-flight calls may take before the server stops anyway.
    pub shutdown_grace: Duration,
    /// How long an AnalyzeStream answer may wait for a client that stopped
    /// reading before the stream's work is dropped and the call ends with
    /// DEADLINE_EXCEEDED; `None`: wait for ever.
    pub stream_send_timeout: Option<Duration>,
    /// Answer without processing (`lisan serve --echo`, the benchmark
    /// baseline of `lisan loadtest`).
    pub echo: bool,
    /// HTTP/JSON API: how long a client may take to send a request's headers,
    /// and its whole body (for a batch: each wait for more of it).
    pub http_read_timeout: Duration,
    /// The named-entity tagger's model (the embedded one by default).
    pub ner_model: Arc<crate::core::ner::Model>,
}

/// PEM-encoded TLS material.
#[derive(Clone)]
pub struct TlsPem {
    /// The server's certificate chain.
    pub cert: Vec<u8>,
    /// The server's private key.
    pub key: Vec<u8>,
    /// With it, clients must present a certificate signed by this CA (mTLS).
    pub client_ca: Option<Vec<u8>>,
}

impl std::fmt::Debug for TlsPem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsPem")
            .field("mutual", &self.client_ca.is_some())
            .finish_non_exhaustive()
    }
}

pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;
pub const DEFAULT_MAX_STREAM_IN_FLIGHT: usize = 32;
pub const DEFAULT_MAX_CONCURRENT_REQUESTS: usize = 256;
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_millis(200);
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_STREAM_SEND_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_HTTP_READ_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_KEEPALIVE_TIMEOUT: Duration = Duration::from_secs(20);

impl Default for Config {
    fn default() -> Self {
        Config {
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_concurrent_documents: default_concurrency(),
            max_stream_in_flight: DEFAULT_MAX_STREAM_IN_FLIGHT,
            max_concurrent_requests: DEFAULT_MAX_CONCURRENT_REQUESTS,
            retry_after: DEFAULT_RETRY_AFTER,
            request_timeout: Some(DEFAULT_REQUEST_TIMEOUT),
            keepalive_interval: None,
            keepalive_timeout: DEFAULT_KEEPALIVE_TIMEOUT,
            max_connection_age: None,
            tls: None,
            auth_tokens: None,
            grpc_web: false,
            metrics: Arc::new(Metrics::default()),
            shutdown_drain: Duration::ZERO,
            shutdown_grace: Duration::from_secs(30),
            stream_send_timeout: Some(DEFAULT_STREAM_SEND_TIMEOUT),
            echo: false,
            http_read_timeout: DEFAULT_HTTP_READ_TIMEOUT,
            ner_model: crate::core::ner::Model::embedded(),
        }
    }
}

/// One document per available core.
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}
