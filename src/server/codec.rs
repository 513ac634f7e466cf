//! The gRPC codec of `lisan.v1.TextService` (client and server): prost's,
//! except that a Normalize answer's text and alignment are written by hand
//! and a request's text is checked as UTF-8 by `simdutf8`
//! ([`super::wire_decode`]).
//!
//! prost writes a message through `BufMut` a byte at a time and computes
//! the length of each nested message again at every level above it: for a
//! 1 KB Arabic document's alignment (about 120 segments of two spans each)
//! that was about a fifth of a Normalize call's instructions in the server
//! (BENCHMARKS.md, "The server"). Here the text and the segments are
//! written into one scratch buffer of the thread, each length computed
//! once, and copied out in one piece; the buffer is reused as it is, not
//! cleared and zeroed for every answer.
//! The bytes are the same as prost's, field for field (tested against
//! `prost::Message::encode_to_vec`); the other fields and every other
//! message are written by prost itself.

use std::cell::RefCell;
use std::marker::PhantomData;

use prost::bytes::BufMut;
use prost::Message;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::Status;

use super::wire_decode::WireDecode;
use crate::proto::v1 as pb;

/// How a message is written on the wire (prost's way unless said otherwise).
pub trait WireEncode: Message + Sized {
    fn wire_encode(&self, buf: &mut impl BufMut) {
        self.encode_raw(buf);
    }
}

macro_rules! prost_encoded {
    ($($t:ty),* $(,)?) => { $(impl WireEncode for $t {})* };
}

prost_encoded!(
    pb::NormalizeRequest,
    pb::SegmentRequest,
    pb::SegmentResponse,
    pb::ExtractRequest,
    pb::ExtractResponse,
    pb::AnalyzeRequest,
    pb::AnalyzeResponse,
    pb::AnalyzeStreamRequest,
    pb::AnalyzeStreamResponse,
    pb::GetServiceInfoRequest,
    pb::GetServiceInfoResponse,
);

impl WireEncode for pb::NormalizeResponse {
    fn wire_encode(&self, buf: &mut impl BufMut) {
        thread_local! {
            static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => {
                let end = encode_text_and_alignment(self, &mut scratch);
                buf.put_slice(&scratch[..end]);
                // A rare huge answer does not keep its buffer for good.
                if scratch.len() > 1 << 20 {
                    *scratch = Vec::new();
                }
            }
            Err(_) => {
                let mut own = Vec::new();
                let end = encode_text_and_alignment(self, &mut own);
                buf.put_slice(&own[..end]);
            }
        });
        encode_the_rest(self, buf);
    }
}

/// Writes `message`'s text and alignment, as prost writes them, at the
/// start of `scratch`; returns where they end. `scratch` only grows (its
/// bytes past the end are left from earlier answers), so it is not filled
/// with zeros at every call.
fn encode_text_and_alignment(message: &pb::NormalizeResponse, scratch: &mut Vec<u8>) -> usize {
    // Room for the text's key and length, the text, and every segment at
    // its most: a segment's fields take at most 30 bytes (two spans of two
    // 5-byte varints and their keys, the flag), so its length and each
    // span's fit in one byte; each is written in place, its lengths filled
    // in after.
    let room = 11 + message.text.len() + message.alignment.len() * SEGMENT_MAX;
    if scratch.len() < room {
        scratch.resize(room, 0);
    }
    let mut at = 0;
    if !message.text.is_empty() {
        let text = message.text.as_bytes();
        scratch[0] = 1 << 3 | 2;
        at = put_varint(text.len() as u64, scratch, 1);
        scratch[at..at + text.len()].copy_from_slice(text);
        at += text.len();
    }
    for segment in &message.alignment {
        let Some(bytes) = scratch
            .get_mut(at..at + SEGMENT_MAX)
            .and_then(|b| <&mut [u8; SEGMENT_MAX]>::try_from(b).ok())
        else {
            break;
        };
        bytes[0] = 2 << 3 | 2;
        let end = span_field(1, segment.output.as_ref(), bytes, 2);
        let mut end = span_field(2, segment.input.as_ref(), bytes, end);
        if segment.edited {
            bytes[end] = 3 << 3;
            bytes[end + 1] = 1;
            end += 2;
        }
        bytes[1] = (end - 2) as u8;
        at += end;
    }
    at
}

/// The fields after the alignment, in tag order, written by prost.
fn encode_the_rest(message: &pb::NormalizeResponse, out: &mut impl BufMut) {
    use prost::encoding::message::encode as field;
    for script in &message.scripts {
        field(3, script, out);
    }
    if let Some(language) = &message.language {
        field(4, language, out);
    }
    if let Some(decoded) = &message.decoded {
        field(15, decoded, out);
    }
    if let Some(time) = &message.processing_time {
        field(16, time, out);
    }
}

/// An alignment segment's key, length and fields at most.
const SEGMENT_MAX: usize = 32;

/// Writes `value` as a varint at `bytes[at..]`; returns where it ends.
/// (Indices are passed by value so that they stay in registers; inlined, a
/// segment's fixed-size array keeps its bounds known.)
#[inline(always)]
fn put_varint(mut value: u64, bytes: &mut [u8], mut at: usize) -> usize {
    while value >= 0x80 {
        bytes[at] = value as u8 | 0x80;
        at += 1;
        value >>= 7;
    }
    bytes[at] = value as u8;
    at + 1
}

/// Writes an optional span field (key, length, the fields that are not
/// zero) at `bytes[at..]`; returns where it ends.
#[inline(always)]
fn span_field(tag: u8, span: Option<&pb::Span>, bytes: &mut [u8; SEGMENT_MAX], at: usize) -> usize {
    let Some(span) = span else { return at };
    bytes[at] = tag << 3 | 2;
    let len_at = at + 1;
    let mut end = at + 2;
    if span.start != 0 {
        bytes[end] = 1 << 3;
        end = put_varint(u64::from(span.start), bytes, end + 1);
    }
    if span.end != 0 {
        bytes[end] = 2 << 3;
        end = put_varint(u64::from(span.end), bytes, end + 1);
    }
    bytes[len_at] = (end - len_at - 1) as u8;
    end
}

/// The codec of the generated client and server (see the module's text).
#[derive(Debug, Clone)]
pub struct LisanCodec<T, U>(PhantomData<(T, U)>);

impl<T, U> Default for LisanCodec<T, U> {
    fn default() -> Self {
        LisanCodec(PhantomData)
    }
}

impl<T, U> Codec for LisanCodec<T, U>
where
    T: WireEncode + Send + 'static,
    U: WireDecode + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = WireEncoder<T>;
    type Decoder = WireDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        WireEncoder(PhantomData)
    }

    fn decoder(&mut self) -> Self::Decoder {
        WireDecoder(PhantomData)
    }
}

/// Reads a message with [`WireDecode`].
#[derive(Debug, Clone)]
pub struct WireDecoder<U>(PhantomData<U>);

impl<U: WireDecode> Decoder for WireDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        // A message that does not parse is INTERNAL, as prost's codec says
        // (gRPC's status code guide).
        U::wire_decode(buf)
            .map(Some)
            .map_err(|e| Status::internal(e.to_string()))
    }
}

/// Writes a message with [`WireEncode`].
#[derive(Debug, Clone)]
pub struct WireEncoder<T>(PhantomData<T>);

impl<T: WireEncode> Encoder for WireEncoder<T> {
    type Item = T;
    type Error = Status;

    fn encode(&mut self, item: T, buf: &mut EncodeBuf<'_>) -> Result<(), Status> {
        item.wire_encode(buf);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span() -> impl Strategy<Value = Option<pb::Span>> {
        let value = prop_oneof![Just(0u32), 1u32..200, 100u32..70_000, any::<u32>()];
        proptest::option::of(
            (value.clone(), value).prop_map(|(start, end)| pb::Span { start, end }),
        )
    }

    fn response() -> impl Strategy<Value = pb::NormalizeResponse> {
        let segment = (span(), span(), any::<bool>()).prop_map(|(output, input, edited)| {
            pb::AlignmentSegment {
                output,
                input,
                edited,
            }
        });
        let script = ("[a-zA-Z]{0,8}", any::<u32>())
            .prop_map(|(script, characters)| pb::ScriptShare { script, characters });
        let language = proptest::option::of((
            "[a-z]{0,3}",
            prop_oneof![Just(0.0f32), Just(-0.0f32), any::<f32>()],
        ))
        .prop_map(|l| {
            l.map(|(language_code, confidence)| pb::LanguageGuess {
                language_code,
                confidence,
            })
        });
        let decoded =
            proptest::option::of(("\\PC{0,20}", "[a-z0-9-]{0,10}", any::<bool>()).prop_map(
                |(text, charset, charset_detected)| pb::DecodedContent {
                    text,
                    charset,
                    charset_detected,
                },
            ));
        let time = proptest::option::of((any::<i64>(), any::<i32>()))
            .prop_map(|t| t.map(|(seconds, nanos)| prost_types::Duration { seconds, nanos }));
        (
            prop_oneof![Just(String::new()), "\\PC{0,300}"],
            proptest::collection::vec(segment, 0..40),
            proptest::collection::vec(script, 0..4),
            language,
            decoded,
            time,
        )
            .prop_map(
                |(text, alignment, scripts, language, decoded, processing_time)| {
                    pb::NormalizeResponse {
                        text,
                        alignment,
                        scripts,
                        language,
                        decoded,
                        processing_time,
                    }
                },
            )
    }

    fn wire(message: &impl WireEncode) -> Vec<u8> {
        let mut out = Vec::new();
        message.wire_encode(&mut out);
        out
    }

    proptest! {
        #[test]
        fn normalize_answers_are_written_byte_for_byte_as_prost_writes_them(message in response()) {
            let ours = wire(&message);
            prop_assert_eq!(&ours, &message.encode_to_vec());
            prop_assert_eq!(pb::NormalizeResponse::decode(ours.as_slice()).unwrap(), message);
        }
    }

    #[test]
    fn a_short_answer_after_a_long_one_carries_nothing_of_it() {
        let segment = |start: u32, edited: bool| pb::AlignmentSegment {
            output: Some(pb::Span {
                start,
                end: start + 300,
            }),
            input: Some(pb::Span {
                start,
                end: start + 70_000,
            }),
            edited,
        };
        let long = pb::NormalizeResponse {
            text: "كلمة ".repeat(400),
            alignment: (0..50).map(|i| segment(i * 1000, true)).collect(),
            ..Default::default()
        };
        let short = pb::NormalizeResponse {
            text: "ab".into(),
            alignment: vec![segment(0, false)],
            ..Default::default()
        };
        assert_eq!(wire(&long), long.encode_to_vec());
        assert_eq!(wire(&short), short.encode_to_vec());
        assert_eq!(wire(&pb::NormalizeResponse::default()), Vec::<u8>::new());
    }

    #[test]
    fn a_real_normalization_answer_is_written_as_prost_writes_it() {
        let text =
            "قالَ الرئيسُ إنّ الاجتماعَ سيُعقدُ في ١٥ مارس ٢٠٢٤، والـ ﷺ Ｆｕｌｌ width.\n".repeat(20);
        let document = pb::Document {
            text,
            ..Default::default()
        };
        let options = pb::NormalizeOptions {
            profile: pb::NormalizationProfile::Search.into(),
            ..Default::default()
        };
        let parts = super::super::convert::Parts {
            document: Some(document),
            offset_unit: (0, "offset_unit"),
            normalize: Some((Some(&options), "options")),
            segment: None,
            extract: None,
            document_features: None,
            omit_alignment: false,
        };
        let config = super::super::Config::default();
        let job = super::super::convert::Job::new(parts, &config).unwrap();
        let budget = crate::core::budget::Budget::unlimited();
        let response = job.run(&budget).unwrap().normalization.unwrap();
        assert!(
            response.alignment.len() > 20,
            "{}",
            response.alignment.len()
        );
        assert_eq!(wire(&response), response.encode_to_vec());
    }
}
