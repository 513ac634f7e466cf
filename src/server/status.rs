//! The one place where gRPC status codes are chosen.

use std::collections::HashMap;
use std::time::Duration;

use prost::Message;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::core::{Error, ErrorKind};

/// The `ErrorInfo.domain` of every error Lisan returns.
pub const ERROR_DOMAIN: &str = "lisan.v1";

/// The status for a core error: INVALID_ARGUMENT with a `BadRequest` field
/// violation and an `ErrorInfo` whose reason is stable (`DOCUMENT_TOO_LARGE`);
/// DEADLINE_EXCEEDED or CANCELLED when the work was stopped.
pub fn from_core(err: &Error) -> Status {
    let mut details = ErrorDetails::new();
    if let Some(field) = err.field() {
        details.add_bad_request_violation(field, err.message());
    }
    details.set_error_info(err.kind().reason(), ERROR_DOMAIN, HashMap::new());
    let code = match err.kind() {
        ErrorKind::InvalidArgument | ErrorKind::DocumentTooLarge => Code::InvalidArgument,
        ErrorKind::DeadlineExceeded => Code::DeadlineExceeded,
        ErrorKind::Cancelled => Code::Cancelled,
    };
    Status::with_error_details(code, err.to_string(), details)
}

/// The status for processing that panicked or was lost.
pub fn internal(what: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info("INTERNAL", ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::Internal,
        format!("internal error while {what}"),
        details,
    )
}

/// A tonic status as a `google.rpc.Status` message (for per-item errors
/// inside a stream), details included.
pub fn to_rpc_status(status: &Status) -> tonic_types::pb::Status {
    let details = tonic_types::pb::Status::decode(status.details())
        .map(|s| s.details)
        .unwrap_or_default();
    tonic_types::pb::Status {
        code: status.code() as i32,
        message: status.message().to_string(),
        details,
    }
}

/// Reason of the status for a call refused because the server is full.
pub const OVERLOADED: &str = "OVERLOADED";

/// The status for a call refused by load shedding: RESOURCE_EXHAUSTED with
/// `RetryInfo` (when to try again, also as the `grpc-retry-pushback-ms`
/// trailer) and `ErrorInfo` reason `OVERLOADED`.
pub fn overloaded(limit: usize, retry_after: Duration) -> Status {
    let mut details = ErrorDetails::new();
    details.set_retry_info(Some(retry_after));
    details.set_error_info(
        OVERLOADED,
        ERROR_DOMAIN,
        HashMap::from([("max_concurrent_requests".to_string(), limit.to_string())]),
    );
    // gRPC's own retry policies (grpc-core, grpc-go, grpc-java: the Python
    // client) read the delay from this trailer rather than from RetryInfo.
    let mut metadata = tonic::metadata::MetadataMap::new();
    if let Ok(ms) = retry_after.as_millis().to_string().parse() {
        metadata.insert("grpc-retry-pushback-ms", ms);
    }
    Status::with_error_details_and_metadata(
        Code::ResourceExhausted,
        format!("the server is at its limit of {limit} concurrent calls; retry later"),
        details,
        metadata,
    )
}

/// The status for work whose deadline (the client's `grpc-timeout` or the
/// server's request timeout) passed.
pub fn deadline_exceeded() -> Status {
    from_core(&crate::core::Error::deadline_exceeded())
}

/// The status for a call without a valid bearer token.
pub fn unauthenticated() -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info("UNAUTHENTICATED", ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::Unauthenticated,
        "a valid `authorization: Bearer <token>` header is required",
        details,
    )
}

/// The status for a call that arrives while the server shuts down.
pub fn shutting_down() -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info("SHUTTING_DOWN", ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(Code::Unavailable, "the server is shutting down", details)
}

/// Reason of the status that ends a stream whose client stopped reading.
pub const CLIENT_NOT_READING: &str = "CLIENT_NOT_READING";

/// The status that ends an AnalyzeStream whose client has not read an
/// answer for `timeout` (the server's stream send timeout): its pending
/// work is dropped. DEADLINE_EXCEEDED, `ErrorInfo` reason
/// `CLIENT_NOT_READING`.
pub fn client_not_reading(timeout: Duration) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(CLIENT_NOT_READING, ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::DeadlineExceeded,
        format!(
            "the client read no answer for {} ms; the stream was closed",
            timeout.as_millis()
        ),
        details,
    )
}
