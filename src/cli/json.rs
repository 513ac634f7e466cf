//! Proto3 JSON of any message of the `lisan.v1` package.

use std::sync::OnceLock;

use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage};

use crate::proto::FILE_DESCRIPTOR_SET;

fn pool() -> &'static DescriptorPool {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(FILE_DESCRIPTOR_SET).expect("the built-in descriptor set decodes")
    })
}

/// `message`, whose full proto name is `name` (like `lisan.v1.SegmentResponse`),
/// as pretty proto3 JSON: camelCase names, enums by name, defaults omitted.
pub fn to_json<M: Message>(message: &M, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    let descriptor = pool()
        .get_message_by_name(name)
        .ok_or_else(|| format!("unknown message {name}"))?;
    let dynamic = DynamicMessage::decode(descriptor, message.encode_to_vec().as_slice())?;
    Ok(serde_json::to_string_pretty(&dynamic)?)
}

/// `message` as a proto3 JSON value (see [`to_json`]).
pub fn to_value<M: Message>(
    message: &M,
    name: &str,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let descriptor = pool()
        .get_message_by_name(name)
        .ok_or_else(|| format!("unknown message {name}"))?;
    let dynamic = DynamicMessage::decode(descriptor, message.encode_to_vec().as_slice())?;
    Ok(serde_json::to_value(&dynamic)?)
}
