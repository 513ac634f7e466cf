//! The one place where gRPC status codes are chosen.

use prost::Message;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::core::{Error, ErrorKind};

/// The `ErrorInfo.domain` of every error Lisan returns.
pub const ERROR_DOMAIN: &str = "lisan.v1";

/// The status for a core error: INVALID_ARGUMENT with a `BadRequest` field
/// violation and an `ErrorInfo` whose reason is stable (`DOCUMENT_TOO_LARGE`).
pub fn from_core(err: &Error) -> Status {
    let mut details = ErrorDetails::new();
    if let Some(field) = err.field() {
        details.add_bad_request_violation(field, err.message());
    }
    details.set_error_info(
        err.kind().reason(),
        ERROR_DOMAIN,
        std::collections::HashMap::new(),
    );
    let code = match err.kind() {
        ErrorKind::InvalidArgument | ErrorKind::DocumentTooLarge => Code::InvalidArgument,
    };
    Status::with_error_details(code, err.to_string(), details)
}

/// The status for processing that panicked or was lost.
pub fn internal(what: &str) -> Status {
    let mut details = ErrorDetails::new();
    details.set_error_info("INTERNAL", ERROR_DOMAIN, std::collections::HashMap::new());
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
