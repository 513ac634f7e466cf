//! Reading request bodies: the content type a route reads, the size limit
//! (`max_request_bytes`, as for a gRPC message) and the read timeout that
//! ends slow uploads.

use std::time::Duration;

use bytes::Bytes;
use http::{header, HeaderMap};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use tonic::Status;

use super::super::status;

/// The content type of JSON bodies.
pub const JSON: &str = "application/json";
/// The content types of batch bodies: one JSON value per line.
pub const NDJSON: [&str; 2] = ["application/x-ndjson", "application/jsonl"];

/// Checks that the body's media type (before any `;` parameter, case
/// insensitive) is one of `accepted`.
pub fn check_content_type(headers: &HeaderMap, accepted: &[&str]) -> Result<(), Status> {
    let sent = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    let media = sent.split(';').next().unwrap_or_default().trim();
    if accepted.iter().any(|a| media.eq_ignore_ascii_case(a)) {
        Ok(())
    } else {
        Err(status::unsupported_media_type(
            &sent,
            &accepted.join(" or "),
        ))
    }
}

/// The declared `content-length`, when there is a valid one.
pub fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// The whole body: at most `limit` bytes (refused at once when the declared
/// length is over), received within `timeout`.
pub async fn read_all(
    headers: &HeaderMap,
    body: Incoming,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, Status> {
    if declared_length(headers).is_some_and(|n| n > limit as u64) {
        return Err(status::request_too_large(limit));
    }
    let collected = tokio::time::timeout(timeout, Limited::new(body, limit).collect())
        .await
        .map_err(|_| status::request_read_timeout(timeout))?;
    match collected {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
            Err(status::request_too_large(limit))
        }
        Err(e) => Err(status::unreadable_body(&e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_match_without_parameters_or_case() {
        for (sent, ok) in [
            (Some("application/json"), true),
            (Some("Application/JSON; charset=utf-8"), true),
            (Some("text/plain"), false),
            (Some("application/jsonx"), false),
            (None, false),
        ] {
            let mut headers = HeaderMap::new();
            if let Some(sent) = sent {
                headers.insert(header::CONTENT_TYPE, sent.parse().unwrap());
            }
            assert_eq!(
                check_content_type(&headers, &[JSON]).is_ok(),
                ok,
                "{sent:?}"
            );
        }
    }
}
