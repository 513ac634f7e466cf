//! GetServiceInfo: what this server is and what it accepts.

use crate::core::extract::EntityKind;
use crate::core::normalize::Profile;
use crate::proto::v1 as pb;

use super::config::Config;
use super::convert::{
    duration_to_proto, entity_type, normalize_options_to_proto, profile_to_proto,
};

/// Languages with dedicated rules (folds, month names, abbreviations).
pub const SUPPORTED_LANGUAGES: [&str; 4] = ["ar", "fa", "ur", "en"];

pub fn service_info(config: &Config) -> pb::GetServiceInfoResponse {
    pb::GetServiceInfoResponse {
        version: env!("CARGO_PKG_VERSION").to_string(),
        limits: Some(pb::Limits {
            max_document_bytes: config.max_document_bytes as u64,
            max_request_message_bytes: config.max_request_bytes as u64,
            max_response_message_bytes: config.max_response_bytes as u64,
            max_concurrent_documents: config.max_concurrent_documents as u32,
            max_stream_in_flight: config.max_stream_in_flight as u32,
            max_concurrent_requests: config.max_concurrent_requests as u32,
            request_timeout: config.request_timeout.map(duration_to_proto),
        }),
        supported_languages: SUPPORTED_LANGUAGES.iter().map(|s| s.to_string()).collect(),
        offset_units: [
            pb::OffsetUnit::Utf8Byte,
            pb::OffsetUnit::Utf16CodeUnit,
            pb::OffsetUnit::CodePoint,
        ]
        .map(|u| u as i32)
        .to_vec(),
        profiles: Profile::ALL
            .iter()
            .map(|&p| pb::ProfileInfo {
                profile: profile_to_proto(p) as i32,
                description: p.description().to_string(),
                options: Some(normalize_options_to_proto(p)),
            })
            .collect(),
        segment_levels: [
            pb::SegmentLevel::Paragraph,
            pb::SegmentLevel::Sentence,
            pb::SegmentLevel::Token,
        ]
        .map(|l| l as i32)
        .to_vec(),
        entity_types: EntityKind::ALL
            .iter()
            .map(|&k| entity_type(k) as i32)
            .collect(),
    }
}
