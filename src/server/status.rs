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

/// Reasons (`ErrorInfo.reason`) of the statuses the HTTP/JSON API adds for
/// what only HTTP can get wrong; `http::error` refines the HTTP code of some.
pub mod http_reason {
    pub const MALFORMED_JSON: &str = "MALFORMED_JSON";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
    pub const REQUEST_TOO_LARGE: &str = "REQUEST_TOO_LARGE";
    pub const REQUEST_READ_TIMEOUT: &str = "REQUEST_READ_TIMEOUT";
    pub const UNREADABLE_BODY: &str = "UNREADABLE_BODY";
    pub const ROUTE_NOT_FOUND: &str = "ROUTE_NOT_FOUND";
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
}

/// INVALID_ARGUMENT for a body that is not the proto3 JSON of the request
/// message (bad syntax, unknown field, wrong type); `field` is where it was
/// read (`body`, or `line 3` of a batch).
pub fn malformed_json(field: &str, problem: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.add_bad_request_violation(field, problem);
    details.set_error_info(http_reason::MALFORMED_JSON, ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::InvalidArgument,
        format!("{field} is not valid proto3 JSON of the request: {problem}"),
        details,
    )
}

/// INVALID_ARGUMENT for a body sent with a content type the route does not
/// read (`expected` lists what it reads).
pub fn unsupported_media_type(sent: &str, expected: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.add_bad_request_violation("content-type", format!("expected {expected}, got {sent:?}"));
    details.set_error_info(
        http_reason::UNSUPPORTED_MEDIA_TYPE,
        ERROR_DOMAIN,
        HashMap::from([("expected".to_string(), expected.to_string())]),
    );
    Status::with_error_details(
        Code::InvalidArgument,
        format!("content-type must be {expected}"),
        details,
    )
}

/// OUT_OF_RANGE for a body (or one batch line) over `limit` bytes, as tonic
/// answers a gRPC message over `max_request_bytes`.
pub fn request_too_large(limit: usize) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(
        http_reason::REQUEST_TOO_LARGE,
        ERROR_DOMAIN,
        HashMap::from([("max_request_bytes".to_string(), limit.to_string())]),
    );
    Status::with_error_details(
        Code::OutOfRange,
        format!("the request is larger than the limit of {limit} bytes"),
        details,
    )
}

/// DEADLINE_EXCEEDED for a client that did not send its body within
/// `timeout` (a slow upload holds no worker for longer).
pub fn request_read_timeout(timeout: Duration) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(
        http_reason::REQUEST_READ_TIMEOUT,
        ERROR_DOMAIN,
        HashMap::from([("timeout_ms".to_string(), timeout.as_millis().to_string())]),
    );
    Status::with_error_details(
        Code::DeadlineExceeded,
        format!(
            "the request body was not received within {} ms",
            timeout.as_millis()
        ),
        details,
    )
}

/// INVALID_ARGUMENT for a body that broke off (bad chunking, reset).
pub fn unreadable_body(problem: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(http_reason::UNREADABLE_BODY, ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::InvalidArgument,
        format!("the request body could not be read: {problem}"),
        details,
    )
}

/// NOT_FOUND for a path that is no route.
pub fn route_not_found(path: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(http_reason::ROUTE_NOT_FOUND, ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::NotFound,
        format!("no route {path:?}; see /openapi.json"),
        details,
    )
}

/// UNIMPLEMENTED for a known path asked with another method; `allow` lists
/// the methods it serves.
pub fn method_not_allowed(method: &str, allow: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(
        http_reason::METHOD_NOT_ALLOWED,
        ERROR_DOMAIN,
        HashMap::from([("allow".to_string(), allow.to_string())]),
    );
    Status::with_error_details(
        Code::Unimplemented,
        format!("{method} is not served here; use {allow}"),
        details,
    )
}

/// OUT_OF_RANGE for a response over `limit` bytes (`max_response_bytes`), as
/// tonic answers a gRPC response over it.
pub fn response_too_large(limit: usize) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info(
        "RESPONSE_TOO_LARGE",
        ERROR_DOMAIN,
        HashMap::from([("max_response_bytes".to_string(), limit.to_string())]),
    );
    Status::with_error_details(
        Code::OutOfRange,
        format!("the response is larger than the limit of {limit} bytes"),
        details,
    )
}
