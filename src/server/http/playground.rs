//! `GET /`: the playground, one self-contained page (no external assets)
//! embedded in the binary. It calls `POST /v1/analyze` with UTF-16 offsets
//! (JavaScript's string index) and renders the response.

use http::{header, HeaderValue, Response, StatusCode};

use super::error::bytes_response;
use super::Body;

/// The page.
pub const PAGE: &str = include_str!("playground.html");

/// The page as a response; it may load nothing from elsewhere.
pub fn response() -> Response<Body> {
    let mut response = bytes_response(StatusCode::OK, "text/html; charset=utf-8", PAGE);
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
        ),
    );
    response
}
