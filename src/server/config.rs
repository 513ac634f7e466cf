//! Server configuration: limits and shutdown timing, with defaults that need
//! no configuration file.

use std::time::Duration;

/// Everything `serve` needs to know besides its listener.
#[derive(Clone, Debug)]
pub struct Config {
    /// Largest `Document.text`, in UTF-8 bytes.
    pub max_document_bytes: usize,
    /// Largest request message tonic decodes; larger ones get OUT_OF_RANGE.
    pub max_request_bytes: usize,
    /// Largest response message tonic encodes.
    pub max_response_bytes: usize,
    /// Documents processed at once across the server (the CPU-bound pool).
    pub max_concurrent_documents: usize,
    /// Responses of one stream in progress before the server stops reading it.
    pub max_stream_in_flight: usize,
    /// After a shutdown signal: how long to report NOT_SERVING while still
    /// accepting calls, so load balancers stop sending new work.
    pub shutdown_drain: Duration,
    /// Then: how long in-flight calls may take before the server stops anyway.
    pub shutdown_grace: Duration,
}

pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;
pub const DEFAULT_MAX_STREAM_IN_FLIGHT: usize = 32;

impl Default for Config {
    fn default() -> Self {
        Config {
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_concurrent_documents: default_concurrency(),
            max_stream_in_flight: DEFAULT_MAX_STREAM_IN_FLIGHT,
            shutdown_drain: Duration::ZERO,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// One document per available core.
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}
