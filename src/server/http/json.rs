//! The proto3 JSON mapping, both directions, for every message of the
//! descriptor set: generated from the descriptors (prost-reflect), so a
//! field added to the proto is read and written with no change here. The
//! CLI prints with the same functions.

use prost::Message;
use prost_reflect::{DeserializeOptions, DynamicMessage, MessageDescriptor};
use tonic::Status;

use crate::proto::descriptor_pool;

/// The descriptor of the message named `name` (like `lisan.v1.Document`).
pub fn message(name: &str) -> Result<MessageDescriptor, String> {
    descriptor_pool()
        .get_message_by_name(name)
        .ok_or_else(|| format!("unknown message {name}"))
}

/// `message`, whose full proto name is `name`, as a reflected message that
/// serializes to proto3 JSON: lowerCamelCase names in field order, enums by
/// name, 64-bit integers as strings, defaults omitted.
pub fn to_dynamic<M: Message>(message_value: &M, name: &str) -> Result<DynamicMessage, String> {
    DynamicMessage::decode(message(name)?, message_value.encode_to_vec().as_slice())
        .map_err(|e| e.to_string())
}

/// `message` as a proto3 JSON value (see [`to_dynamic`]).
pub fn to_value<M: Message>(message_value: &M, name: &str) -> Result<serde_json::Value, String> {
    serde_json::to_value(&to_dynamic(message_value, name)?).map_err(|e| e.to_string())
}

/// `message` as proto3 JSON bytes (see [`to_dynamic`]), fields in proto order.
pub fn to_vec<M: Message>(message_value: &M, name: &str) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&to_dynamic(message_value, name)?).map_err(|e| e.to_string())
}

/// The message `M` (full proto name `name`) read from proto3 JSON `bytes`:
/// names in lowerCamelCase or as in the proto, enums by name or number;
/// unknown fields, trailing data and wrong types are INVALID_ARGUMENT
/// naming `field` (where the JSON came from: `body`, `line 3`).
pub fn from_slice<M: Message + Default>(
    bytes: &[u8],
    name: &str,
    field: &str,
) -> Result<M, Status> {
    let descriptor = message(name).map_err(|e| super::super::status::internal(&e))?;
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let dynamic = DynamicMessage::deserialize_with_options(
        descriptor,
        &mut reader,
        &DeserializeOptions::new(),
    )
    .and_then(|m| reader.end().map(|()| m))
    .map_err(|e| super::super::status::malformed_json(field, &e.to_string()))?;
    dynamic
        .transcode_to::<M>()
        .map_err(|e| super::super::status::malformed_json(field, &e.to_string()))
}
