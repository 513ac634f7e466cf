//! The bad-input catalogue: hostile documents and malformed requests, each
//! sent to the real server with its expected outcome, a result checked by
//! what a caller would look at or a precise status. The server must answer
//! every one and keep serving. (Speed on the big inputs is watched by the
//! benchmarks and `tests/hostile.rs`, not by a timer here.)

mod common;

use common::{slice, TestServer};
use lisan::proto::v1 as pb;
use lisan::server::Config;
use tonic::Code;
use tonic_types::StatusExt;

/// What a case must give.
enum Expect {
    /// A result, which this check inspects (text, analysis).
    Ok(fn(&str, &pb::Analysis)),
    /// This status code, with this field named in a BadRequest violation
    /// (or this ErrorInfo reason) when not empty.
    Status(Code, &'static str),
}

struct Case {
    name: &'static str,
    document: pb::Document,
    options: pb::AnalyzeOptions,
    expect: Expect,
}

fn text(t: impl Into<String>) -> pb::Document {
    pb::Document {
        id: "catalogue".into(),
        text: t.into(),
        ..Default::default()
    }
}

fn bytes(content: &[u8], charset: &str, lenient: bool) -> pb::Document {
    pb::Document {
        id: "catalogue".into(),
        content: content.to_vec(),
        charset: charset.into(),
        lenient_decoding: lenient,
        ..Default::default()
    }
}

fn profile(p: pb::NormalizationProfile) -> pb::AnalyzeOptions {
    pb::AnalyzeOptions {
        normalization: Some(pb::NormalizeOptions {
            profile: p as i32,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn all() -> pb::AnalyzeOptions {
    pb::AnalyzeOptions::default()
}

fn normalized(a: &pb::Analysis) -> &str {
    &a.normalization.as_ref().unwrap().text
}

fn tokens(a: &pb::Analysis) -> &[pb::Token] {
    &a.segmentation.as_ref().unwrap().tokens
}

fn sentences(a: &pb::Analysis) -> &[pb::Sentence] {
    &a.segmentation.as_ref().unwrap().sentences
}

fn entities(a: &pb::Analysis) -> &[pb::Entity] {
    &a.extraction.as_ref().unwrap().entities
}

/// Every span of the analysis lies inside `text` on char boundaries, and
/// sentences and tokens come in order without overlapping.
fn spans_are_sound(text: &str, a: &pb::Analysis) {
    let inside = |s: &pb::Span| {
        let (start, end) = (s.start as usize, s.end as usize);
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} of {}",
            text.len()
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    };
    let seg = a.segmentation.as_ref().unwrap();
    for pair in seg.sentences.windows(2) {
        assert!(pair[0].span.unwrap().end <= pair[1].span.unwrap().start);
    }
    for pair in seg.tokens.windows(2) {
        assert!(pair[0].span.unwrap().end <= pair[1].span.unwrap().start);
    }
    seg.paragraphs
        .iter()
        .filter_map(|p| p.span.as_ref())
        .for_each(inside);
    seg.sentences
        .iter()
        .filter_map(|s| s.span.as_ref())
        .for_each(inside);
    seg.tokens
        .iter()
        .filter_map(|t| t.span.as_ref())
        .for_each(inside);
    entities(a)
        .iter()
        .filter_map(|e| e.span.as_ref())
        .for_each(inside);
}

fn catalogue() -> Vec<Case> {
    use pb::NormalizationProfile::{Nfc, Search};
    let mut cases = vec![
        Case {
            name: "empty text",
            document: text(""),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert_eq!(normalized(a), "");
                assert!(tokens(a).is_empty() && sentences(a).is_empty() && entities(a).is_empty());
            }),
        },
        Case {
            name: "whitespace only",
            document: text(" \t\n\r\n\u{00A0}\u{3000} "),
            options: all(),
            expect: Expect::Ok(|_, a| assert!(tokens(a).is_empty() && sentences(a).is_empty())),
        },
        Case {
            name: "a 4 MB single token",
            document: text("x".repeat(4 << 20)),
            options: all(),
            expect: Expect::Ok(|t, a| {
                assert_eq!(tokens(a).len(), 1);
                assert_eq!(tokens(a)[0].span.unwrap().end as usize, t.len());
            }),
        },
        Case {
            name: "a million newlines",
            document: text("\n".repeat(1_000_000)),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert!(a.segmentation.as_ref().unwrap().paragraphs.is_empty());
            }),
        },
        Case {
            name: "100k combining marks on one letter",
            document: text(format!("a{}", "\u{0301}".repeat(100_000))),
            options: profile(Nfc),
            expect: Expect::Ok(|_, a| assert!(normalized(a).starts_with('\u{E1}'))),
        },
        Case {
            name: "10k harakat in a row, SEARCH",
            document: text(format!("ب{} ت", "\u{064E}".repeat(10_000))),
            options: profile(Search),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "ب ت")),
        },
        Case {
            name: "every bidi control",
            document: text("\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}نص"),
            options: profile(Nfc),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "نص")),
        },
        Case {
            name: "an RTL override hiding a file type",
            document: text("invoice\u{202E}fdp.exe"),
            options: profile(Nfc),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "invoicefdp.exe")),
        },
        Case {
            name: "NUL and C1 controls (NEL is a line break and stays)",
            document: text("a\u{0}b\u{85}c\u{9F}d\u{7}e"),
            options: profile(Nfc),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "ab\u{85}cde")),
        },
        Case {
            name: "unassigned and private-use code points pass through",
            document: text("a\u{0378}b\u{E000}c\u{F0000}d"),
            options: profile(Search),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "a\u{0378}b\u{E000}c\u{F0000}d")),
        },
        Case {
            name: "noncharacters pass through",
            document: text("\u{FDD0}x\u{FFFE}y\u{10FFFF}"),
            options: profile(Nfc),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "\u{FDD0}x\u{FFFE}y\u{10FFFF}")),
        },
        Case {
            name: "every Unicode space collapses under SEARCH",
            document: text("a\u{00A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{202F}\u{205F}\u{3000}b"),
            options: profile(Search),
            expect: Expect::Ok(|_, a| assert_eq!(normalized(a), "a b")),
        },
        Case {
            name: "an emoji ZWJ chain of 50 is one token",
            document: text(vec!["👩"; 50].join("\u{200D}")),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert_eq!(tokens(a).len(), 1);
                assert_eq!(tokens(a)[0].kind(), pb::TokenKind::Emoji);
            }),
        },
        Case {
            name: "deeply nested brackets and quotes",
            document: text(format!("{}كلمة{}", "([«\"".repeat(5_000), "\"»])".repeat(5_000))),
            options: all(),
            expect: Expect::Ok(|_, a| assert!(tokens(a).iter().any(|t| t.text == "كلمة"))),
        },
        Case {
            name: "a 10,000-digit number",
            document: text(format!("العدد {} كبير", "7".repeat(10_000))),
            options: all(),
            expect: Expect::Ok(|_, a| {
                let number = &tokens(a)[1];
                assert_eq!((number.kind(), number.text.len()), (pb::TokenKind::Number, 10_000));
            }),
        },
        Case {
            name: "an impossible date is no date",
            document: text("موعد 99/99/9999 و31 فبراير 2024"),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert!(!entities(a).iter().any(|e| e.r#type() == pb::EntityType::DateTime));
            }),
        },
        Case {
            name: "Arabic, Hebrew, Syriac and Thaana side by side",
            document: text("عربي עברית ܣܘܪܝܝܐ ދިވެހި"),
            options: all(),
            expect: Expect::Ok(|_, a| {
                let scripts: Vec<&str> = tokens(a).iter().map(|t| t.script.as_str()).collect();
                assert_eq!(scripts, ["Arab", "Hebr", "Syrc", "Thaa"]);
            }),
        },
        Case {
            name: "only punctuation",
            document: text("!?.،؟؛…".repeat(1_000)),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert!(tokens(a).iter().all(|t| t.kind() == pb::TokenKind::Punctuation));
            }),
        },
        Case {
            name: "a megabyte of Arabic without spaces",
            document: text("كتب".repeat(350_000)),
            options: all(),
            expect: Expect::Ok(|_, a| assert_eq!(tokens(a).len(), 1)),
        },
        Case {
            name: "a lone combining mark first",
            document: text("\u{0651}نص"),
            options: profile(Search),
            expect: Expect::Ok(|_, a| assert!(normalized(a).ends_with("نص"))),
        },
        Case {
            name: "a BOM and mixed line endings",
            document: text("\u{FEFF}سطر\r\nسطر\rسطر\n\n\r\nفقرة"),
            options: all(),
            expect: Expect::Ok(|_, a| {
                assert!(!normalized(a).starts_with('\u{FEFF}'));
                assert_eq!(a.segmentation.as_ref().unwrap().paragraphs.len(), 2);
            }),
        },
        Case {
            name: "astral characters with spans in UTF-16",
            document: text("𝒜𝒷 😀 كلمة"),
            options: pb::AnalyzeOptions {
                offset_unit: pb::OffsetUnit::Utf16CodeUnit as i32,
                ..Default::default()
            },
            expect: Expect::Ok(|t, a| {
                let last = tokens(a).last().unwrap();
                let span = last.span.unwrap();
                assert_eq!(slice(t, &span, pb::OffsetUnit::Utf16CodeUnit), "كلمة");
            }),
        },
        Case {
            name: "malformed HTML",
            document: pb::Document {
                content_type: pb::ContentType::Html as i32,
                ..text(format!("<p>نص <b><i>{}</p><script>x()</script", "<div>".repeat(10_000)))
            },
            options: all(),
            expect: Expect::Ok(|_, a| assert!(tokens(a).iter().any(|t| t.text == "نص"))),
        },
        Case {
            name: "HTML with only a script",
            document: pb::Document {
                content_type: pb::ContentType::Html as i32,
                ..text("<script>var x = '<p>no</p>';</script>")
            },
            options: all(),
            expect: Expect::Ok(|_, a| assert!(tokens(a).is_empty())),
        },
        Case {
            name: "invalid UTF-8, strict",
            document: bytes(b"ok \xFF\xFE bad", "utf-8", false),
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.content"),
        },
        Case {
            name: "invalid UTF-8, lenient",
            document: bytes(b"ok \xFF bad", "utf-8", true),
            options: all(),
            expect: Expect::Ok(|_, a| assert!(tokens(a).iter().any(|t| t.text == "bad"))),
        },
        Case {
            name: "windows-1256 Arabic",
            document: bytes(b"\xdf\xc7\xe4 \xc7\xe1\xd8\xe4\xd3", "windows-1256", false),
            options: all(),
            expect: Expect::Ok(|_, a| assert_eq!(tokens(a).len(), 2)),
        },
        Case {
            name: "invalid bytes in ISO-8859-6, strict",
            document: bytes(b"\xc7\xa1\xff", "iso-8859-6", false),
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.content"),
        },
        Case {
            name: "UTF-16 with an odd byte count, strict",
            document: bytes(b"\xff\xfeA\x00B", "utf-16le", false),
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.content"),
        },
        Case {
            name: "an unknown charset",
            document: bytes(b"abc", "klingon-8", false),
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.charset"),
        },
        Case {
            name: "text and bytes at once",
            document: pb::Document {
                content: b"abc".to_vec(),
                ..text("abc")
            },
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, ""),
        },
        Case {
            name: "an unknown offset unit",
            document: text("x"),
            options: pb::AnalyzeOptions {
                offset_unit: 77,
                ..Default::default()
            },
            expect: Expect::Status(Code::InvalidArgument, "options.offset_unit"),
        },
        Case {
            name: "an unknown profile",
            document: text("x"),
            options: pb::AnalyzeOptions {
                normalization: Some(pb::NormalizeOptions {
                    profile: 42,
                    ..Default::default()
                }),
                ..Default::default()
            },
            expect: Expect::Status(Code::InvalidArgument, "options.normalization.profile"),
        },
        Case {
            name: "an unknown segmentation level",
            document: text("x"),
            options: pb::AnalyzeOptions {
                levels: vec![1, 99],
                ..Default::default()
            },
            expect: Expect::Status(Code::InvalidArgument, "options.levels[1]"),
        },
        Case {
            name: "an unknown entity type",
            document: text("x"),
            options: pb::AnalyzeOptions {
                entity_types: vec![1234],
                ..Default::default()
            },
            expect: Expect::Status(Code::InvalidArgument, "options.entity_types[0]"),
        },
        Case {
            name: "an unknown clitic convention",
            document: text("x"),
            options: pb::AnalyzeOptions {
                clitic_convention: 8,
                ..Default::default()
            },
            expect: Expect::Status(Code::InvalidArgument, "options.clitic_convention"),
        },
        Case {
            name: "a language hint that is no language tag",
            document: pb::Document {
                language_code: "ar arabic!".into(),
                ..text("x")
            },
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.language_code"),
        },
        Case {
            name: "a reference time outside the calendar",
            document: pb::Document {
                reference_time: Some(prost_types::Timestamp {
                    seconds: i64::MAX,
                    nanos: 0,
                }),
                ..text("أمس")
            },
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "document.reference_time"),
        },
        Case {
            name: "a document over the limit",
            document: text("a".repeat(LIMIT + 1)),
            options: all(),
            expect: Expect::Status(Code::InvalidArgument, "DOCUMENT_TOO_LARGE"),
        },
    ];
    cases.push(Case {
        name: "URLs, emails and tags in hostile shapes",
        document: text(format!(
            "https://{} a@{} #{} @{}",
            "a.".repeat(5_000),
            "b-".repeat(5_000),
            "ـ".repeat(5_000),
            "_".repeat(5_000)
        )),
        options: all(),
        expect: Expect::Ok(spans_only),
    });
    cases
}

fn spans_only(_: &str, _: &pb::Analysis) {}

/// The document limit of the catalogue's server: small, so the oversized
/// case stays cheap, and big enough for the 4 MB cases.
const LIMIT: usize = 6 << 20;

fn status_names(status: &tonic::Status, expected: &str) -> bool {
    let details = status.get_error_details();
    let field = details
        .bad_request()
        .is_some_and(|b| b.field_violations.iter().any(|v| v.field == expected));
    let reason = details.error_info().is_some_and(|i| i.reason == expected);
    expected.is_empty() || field || reason
}

#[tokio::test]
async fn every_hostile_input_gets_its_expected_answer() {
    let server = TestServer::start(Config {
        max_document_bytes: LIMIT,
        ..Config::default()
    })
    .await;
    // Big documents have big answers (text, alignment, tokens).
    let mut client = server.client().max_decoding_message_size(256 << 20);
    let cases = catalogue();
    assert!(
        cases.len() >= 40,
        "the catalogue holds {} cases",
        cases.len()
    );
    for case in cases {
        let doc_text = case.document.text.clone();
        let in_bytes = case.options.offset_unit == 0;
        let result = client
            .analyze(pb::AnalyzeRequest {
                document: Some(case.document),
                options: Some(case.options),
            })
            .await;
        match (case.expect, result) {
            (Expect::Ok(check), Ok(response)) => {
                let analysis = response.into_inner().analysis.unwrap();
                if in_bytes && analysis.segmentation.is_some() && !doc_text.is_empty() {
                    spans_are_sound(&doc_text, &analysis);
                }
                check(&doc_text, &analysis);
            }
            (Expect::Status(code, named), Err(status)) => {
                assert_eq!(status.code(), code, "{}: {}", case.name, status.message());
                assert!(
                    status_names(&status, named),
                    "{}: {named} not named in {status:?}",
                    case.name
                );
            }
            (Expect::Ok(_), Err(status)) => panic!("{}: failed with {status:?}", case.name),
            (Expect::Status(code, _), Ok(_)) => {
                panic!("{}: succeeded, expected {code:?}", case.name)
            }
        }
    }
    // After all of that, the server still serves.
    let after = client
        .segment(pb::SegmentRequest {
            document: Some(text("ما زال يعمل.")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(after.into_inner().sentences.len(), 1);
    server.stop().await;
}

/// A SegmentRequest as a newer client might send it: with a field this
/// server's contract does not have.
#[derive(Clone, PartialEq, prost::Message)]
struct SegmentRequestFromTheFuture {
    #[prost(message, optional, tag = "1")]
    document: Option<pb::Document>,
    #[prost(string, tag = "999")]
    unknown: String,
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let server = TestServer::start_default().await;
    let mut grpc = tonic::client::Grpc::new(server.channel.clone());
    grpc.ready().await.unwrap();
    let request = SegmentRequestFromTheFuture {
        document: Some(text("نص قصير.")),
        unknown: "a field added in a later version".into(),
    };
    let codec =
        tonic_prost::ProstCodec::<SegmentRequestFromTheFuture, pb::SegmentResponse>::default();
    let path = http::uri::PathAndQuery::from_static("/lisan.v1.TextService/Segment");
    let response = grpc
        .unary(tonic::Request::new(request), path, codec)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.sentences.len(), 1);
    server.stop().await;
}
