//! Proto3 JSON of any message of the `lisan.v1` package (the same mapping
//! as the HTTP API: `crate::server::http::json`).

use prost::Message;

use crate::server::http::json;

/// `message`, whose full proto name is `name` (like `lisan.v1.SegmentResponse`),
/// as pretty proto3 JSON: camelCase names, enums by name, defaults omitted.
pub fn to_json<M: Message>(message: &M, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(serde_json::to_string_pretty(&json::to_dynamic(
        message, name,
    )?)?)
}

/// `message` as a proto3 JSON value (see [`to_json`]).
pub fn to_value<M: Message>(
    message: &M,
    name: &str,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    Ok(json::to_value(message, name)?)
}
