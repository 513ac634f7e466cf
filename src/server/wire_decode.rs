//! How a message is read off the wire: prost's way, except that the text
//! of a request's document is checked as UTF-8 with `simdutf8`.
//!
//! prost checks every `string` field with `core::str::from_utf8`, which
//! walks Arabic (two bytes a letter) a byte at a time: about 11 k
//! instructions of a 1 KB Normalize call in the server, a twentieth of the
//! call (BENCHMARKS.md, "The server"). `simdutf8` checks the same bytes
//! with vector instructions and gives the same answer. Every other field,
//! and every other message, is read by prost itself, with prost's rules (a
//! field given twice: the last value, or the two messages merged). A
//! request this reader does not take whole (bad bytes anywhere) is read
//! again by prost, so errors are prost's own, word for word.

use prost::bytes::Buf;
use prost::encoding::{decode_key, decode_varint, DecodeContext, WireType};
use prost::{DecodeError, Message};

use crate::proto::v1 as pb;

/// How a message is read (prost's way unless said otherwise).
pub trait WireDecode: Message + Default {
    fn wire_decode(buf: &mut impl Buf) -> Result<Self, DecodeError> {
        Self::decode(buf)
    }
}

macro_rules! prost_decoded {
    ($($t:ty),* $(,)?) => { $(impl WireDecode for $t {})* };
}

prost_decoded!(
    pb::NormalizeResponse,
    pb::SegmentResponse,
    pb::ExtractResponse,
    pb::AnalyzeResponse,
    pb::AnalyzeStreamResponse,
    pb::GetServiceInfoRequest,
    pb::GetServiceInfoResponse,
);

/// Requests whose field 1 is the document.
macro_rules! document_first {
    ($($t:ty),* $(,)?) => {
        $(impl WireDecode for $t {
            fn wire_decode(buf: &mut impl Buf) -> Result<Self, DecodeError> {
                // The message's bytes (no copy from tonic's buffer).
                let bytes = buf.copy_to_bytes(buf.remaining());
                match read_with_document(&bytes, |m: &mut $t| &mut m.document) {
                    Some(message) => Ok(message),
                    None => Self::decode(bytes),
                }
            }
        })*
    };
}

document_first!(
    pb::NormalizeRequest,
    pb::SegmentRequest,
    pb::ExtractRequest,
    pb::AnalyzeRequest,
    pb::AnalyzeStreamRequest,
);

/// The field number of a request's document, and of a document's text.
const DOCUMENT_TAG: u32 = 1;
const TEXT_TAG: u32 = 2;

/// Reads a message whose field [`DOCUMENT_TAG`] is a document, the
/// document with [`merge_document`] and the other fields with prost; `None`
/// if anything is wrong in the bytes (prost then reads them, for its error).
fn read_with_document<M: Message + Default>(
    mut bytes: &[u8],
    document: impl Fn(&mut M) -> &mut Option<pb::Document>,
) -> Option<M> {
    let mut message = M::default();
    while !bytes.is_empty() {
        let (tag, wire_type) = decode_key(&mut bytes).ok()?;
        if tag == DOCUMENT_TAG && wire_type == WireType::LengthDelimited {
            let field = length_delimited(&mut bytes)?;
            merge_document(
                document(&mut message).get_or_insert_with(Default::default),
                field,
            )?;
        } else {
            message
                .merge_field(tag, wire_type, &mut bytes, DecodeContext::default())
                .ok()?;
        }
    }
    Some(message)
}

/// Merges a document's fields from `bytes` into `document`: the text checked
/// by `simdutf8`, the rest by prost.
fn merge_document(document: &mut pb::Document, mut bytes: &[u8]) -> Option<()> {
    while !bytes.is_empty() {
        let (tag, wire_type) = decode_key(&mut bytes).ok()?;
        if tag == TEXT_TAG && wire_type == WireType::LengthDelimited {
            let text = simdutf8::basic::from_utf8(length_delimited(&mut bytes)?).ok()?;
            document.text.clear();
            document.text.push_str(text);
        } else {
            document
                .merge_field(tag, wire_type, &mut bytes, DecodeContext::default())
                .ok()?;
        }
    }
    Some(())
}

/// A length-delimited field's bytes, taken off the front of `bytes`.
fn length_delimited<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = usize::try_from(decode_varint(bytes).ok()?).ok()?;
    if len > bytes.len() {
        return None;
    }
    let (field, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn document() -> impl Strategy<Value = pb::Document> {
        (
            "\\PC{0,10}",
            prop_oneof![Just(String::new()), "\\PC{0,200}", "[ء-ي ]{0,200}"],
            "[a-z]{0,3}",
            proptest::collection::vec(any::<u8>(), 0..20),
            any::<bool>(),
            0i32..3,
        )
            .prop_map(
                |(id, text, language_code, content, lenient_decoding, content_type)| pb::Document {
                    id,
                    text,
                    language_code,
                    content,
                    lenient_decoding,
                    content_type,
                    ..Default::default()
                },
            )
    }

    proptest! {
        #[test]
        fn requests_read_as_prost_reads_them(
            document in proptest::option::of(document()),
            profile in 0i32..5,
            omit_alignment in any::<bool>(),
            offset_unit in 0i32..4,
        ) {
            let request = pb::NormalizeRequest {
                document,
                options: Some(pb::NormalizeOptions { profile, ..Default::default() }),
                omit_alignment,
                offset_unit,
            };
            let bytes = request.encode_to_vec();
            let ours = pb::NormalizeRequest::wire_decode(&mut bytes.as_slice()).unwrap();
            prop_assert_eq!(ours, request);
        }

        #[test]
        fn any_bytes_give_prosts_answer(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let ours = pb::AnalyzeRequest::wire_decode(&mut bytes.as_slice());
            let prosts = pb::AnalyzeRequest::decode(bytes.as_slice());
            prop_assert_eq!(format!("{ours:?}"), format!("{prosts:?}"));
        }
    }

    #[test]
    fn a_document_given_twice_is_merged_and_bad_text_is_prosts_error() {
        // Two copies of field 1: protobuf merges them (the last text wins,
        // fields only the first has stay).
        let first = pb::NormalizeRequest {
            document: Some(pb::Document {
                id: "first".into(),
                text: "نص أول".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let second = pb::NormalizeRequest {
            document: Some(pb::Document {
                text: "second text".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut bytes = first.encode_to_vec();
        bytes.extend(second.encode_to_vec());
        let ours = pb::NormalizeRequest::wire_decode(&mut bytes.as_slice()).unwrap();
        assert_eq!(
            ours,
            pb::NormalizeRequest::decode(bytes.as_slice()).unwrap()
        );
        let document = ours.document.unwrap();
        assert_eq!(
            (document.id.as_str(), document.text.as_str()),
            ("first", "second text")
        );

        // Text that is not UTF-8 (a lone continuation byte after a letter).
        let mut document = Vec::new();
        prost::encoding::bytes::encode(TEXT_TAG, &vec![0xd8, 0xb3, 0xb3], &mut document);
        let mut request = Vec::new();
        prost::encoding::bytes::encode(DOCUMENT_TAG, &document, &mut request);
        let ours = pb::NormalizeRequest::wire_decode(&mut request.as_slice()).unwrap_err();
        let prosts = pb::NormalizeRequest::decode(request.as_slice()).unwrap_err();
        assert_eq!(ours.to_string(), prosts.to_string());
    }
}
