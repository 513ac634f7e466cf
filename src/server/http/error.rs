//! The one place a gRPC status becomes an HTTP response: the code as
//! Google's API design guide maps it (refined for the few reasons only HTTP
//! has: 405, 408, 413, 415), `Retry-After` from `RetryInfo`, and a JSON body
//! `{"error": {"code", "status", "message", "details"}}`: the
//! `google.rpc.Status` with the HTTP code, the code's name and the details in
//! proto3 JSON (each an `Any` with its `@type`).

use std::time::Duration;

use http::{header, HeaderValue, Response, StatusCode};
use http_body_util::BodyExt;
use serde_json::json;
use tonic::{Code, Status};
use tonic_types::StatusExt;

use super::super::metrics::code_name;
use super::super::status::{http_reason, to_rpc_status};
use super::json;
use super::Body;

/// The HTTP code of a gRPC code (Google API design guide, "Errors").
pub fn http_code(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::Aborted | Code::AlreadyExists => StatusCode::CONFLICT,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        // "499 Client Closed Request" (nginx), as the guide has it.
        Code::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
        Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
        Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
    }
}

/// The HTTP code of `status`: [`http_code`], except for the HTTP-only
/// reasons, which have codes of their own.
pub fn status_code(status: &Status) -> StatusCode {
    let reason = status
        .get_details_error_info()
        .map(|info| info.reason)
        .unwrap_or_default();
    match reason.as_str() {
        http_reason::METHOD_NOT_ALLOWED => StatusCode::METHOD_NOT_ALLOWED,
        http_reason::REQUEST_READ_TIMEOUT => StatusCode::REQUEST_TIMEOUT,
        http_reason::REQUEST_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
        http_reason::UNSUPPORTED_MEDIA_TYPE => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        _ => http_code(status.code()),
    }
}

/// The whole HTTP response for a failed call.
pub fn response(status: &Status) -> Response<Body> {
    let code = status_code(status);
    let body = json!({ "error": error_object(status, code) });
    let mut response = json_response(code, &body);
    let headers = response.headers_mut();
    if let Some(delay) = status.get_details_retry_info().and_then(|r| r.retry_delay) {
        headers.insert(header::RETRY_AFTER, retry_after_seconds(delay).into());
    }
    if let Some(allow) = status
        .get_details_error_info()
        .and_then(|info| info.metadata.get("allow").cloned())
        .and_then(|allow| HeaderValue::from_str(&allow).ok())
    {
        headers.insert(header::ALLOW, allow);
    }
    copy_lisan_headers(status.metadata(), headers);
    response
}

/// The `error` object of an error body: the `google.rpc.Status` fields in
/// proto3 JSON, `code` as the HTTP code, and `status` the gRPC code's name.
pub fn error_object(status: &Status, code: StatusCode) -> serde_json::Value {
    let rpc = to_rpc_status(status);
    let details = json::to_value(&rpc, "google.rpc.Status")
        .ok()
        .and_then(|v| v.get("details").cloned())
        .unwrap_or_else(|| json!([]));
    json!({
        "code": code.as_u16(),
        "status": code_name(status.code()),
        "message": status.message(),
        "details": details,
    })
}

/// `Retry-After` is whole seconds: the delay rounded up, at least 1.
fn retry_after_seconds(delay: Duration) -> u64 {
    let seconds = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
    seconds.max(1)
}

/// Copies the `lisan-*` metadata (the processing time) to HTTP headers.
pub fn copy_lisan_headers(metadata: &tonic::metadata::MetadataMap, headers: &mut http::HeaderMap) {
    for (name, value) in metadata.clone().into_headers().iter() {
        if name.as_str().starts_with("lisan-") {
            headers.insert(name.clone(), value.clone());
        }
    }
}

/// A JSON response with `code`.
pub fn json_response(code: StatusCode, body: &serde_json::Value) -> Response<Body> {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    bytes_response(code, "application/json", bytes)
}

/// A whole response of `content_type`.
pub fn bytes_response(
    code: StatusCode,
    content_type: &'static str,
    bytes: impl Into<bytes::Bytes>,
) -> Response<Body> {
    let body = http_body_util::Full::new(bytes.into())
        .map_err(|never| match never {})
        .boxed_unsync();
    let mut response = Response::new(body);
    *response.status_mut() = code;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_as_the_google_api_design_guide_says() {
        for (code, http) in [
            (Code::Ok, 200),
            (Code::InvalidArgument, 400),
            (Code::FailedPrecondition, 400),
            (Code::OutOfRange, 400),
            (Code::Unauthenticated, 401),
            (Code::PermissionDenied, 403),
            (Code::NotFound, 404),
            (Code::Aborted, 409),
            (Code::AlreadyExists, 409),
            (Code::ResourceExhausted, 429),
            (Code::Cancelled, 499),
            (Code::DataLoss, 500),
            (Code::Unknown, 500),
            (Code::Internal, 500),
            (Code::Unimplemented, 501),
            (Code::Unavailable, 503),
            (Code::DeadlineExceeded, 504),
        ] {
            assert_eq!(http_code(code).as_u16(), http, "{code:?}");
        }
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        for (ms, seconds) in [(1, 1), (200, 1), (1000, 1), (1001, 2), (2500, 3)] {
            assert_eq!(retry_after_seconds(Duration::from_millis(ms)), seconds);
        }
    }
}
