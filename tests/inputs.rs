//! Byte input in declared and detected charsets, and HTML input whose spans
//! point into the markup, through the real server.

mod common;

use common::{slice, TestServer};
use lisan::proto::v1 as pb;
use tonic::Code;

fn bytes_document(content: Vec<u8>, charset: &str, lenient: bool) -> pb::Document {
    pb::Document {
        content,
        charset: charset.into(),
        lenient_decoding: lenient,
        ..Default::default()
    }
}

#[tokio::test]
async fn byte_input_is_decoded_and_returned() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let arabic = "قال المتحدث إن الاجتماع سيعقد في 23 يوليو 2024.";
    let windows_1256 = encoding_rs::WINDOWS_1256.encode(arabic).0.into_owned();
    for (charset, detected) in [("windows-1256", false), ("", true)] {
        let response = client
            .extract(pb::ExtractRequest {
                document: Some(bytes_document(windows_1256.clone(), charset, false)),
                offset_unit: pb::OffsetUnit::CodePoint as i32,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        let decoded = response.decoded.unwrap();
        assert_eq!(decoded.text, arabic);
        assert_eq!(
            (decoded.charset.as_str(), decoded.charset_detected),
            ("windows-1256", detected)
        );
        let date = &response.entities[0];
        assert_eq!(
            slice(
                &decoded.text,
                date.span.as_ref().unwrap(),
                pb::OffsetUnit::CodePoint
            ),
            "23 يوليو 2024"
        );
    }
    let iso_8859_6 = encoding_rs::Encoding::for_label(b"iso-8859-6")
        .unwrap()
        .encode("مرحبا")
        .0
        .into_owned();
    let normalized = client
        .normalize(pb::NormalizeRequest {
            document: Some(bytes_document(iso_8859_6, "iso-8859-6", false)),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(normalized.text, "مرحبا");
    server.stop().await;
}

#[tokio::test]
async fn invalid_bytes_fail_with_their_offset_unless_lenient() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let bad = b"abc \xC3\x28 def".to_vec();
    let err = client
        .segment(pb::SegmentRequest {
            document: Some(bytes_document(bad.clone(), "utf-8", false)),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("at byte 4"), "{}", err.message());
    let lenient = client
        .segment(pb::SegmentRequest {
            document: Some(bytes_document(bad, "utf-8", true)),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(lenient.decoded.unwrap().text.contains('\u{FFFD}'));

    let both = pb::Document {
        text: "x".into(),
        content: b"y".to_vec(),
        ..Default::default()
    };
    let err = client
        .segment(pb::SegmentRequest {
            document: Some(both),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(err.message().contains("document.content"));
    let err = client
        .segment(pb::SegmentRequest {
            document: Some(bytes_document(b"x".to_vec(), "no-such-charset", false)),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(err.message().contains("document.charset"));
    server.stop().await;
}

#[tokio::test]
async fn html_spans_point_into_the_markup() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let html = "<html><head><title>خبر عاجل</title><style>p{color:red}</style></head><body>\
        <nav><a href='/'>الرئيسية</a></nav><h1>اجتماع مرتقب</h1>\
        <p>قال <b>المتحدث</b> إن الاجتماع سيعقد في 5 مارس 2024 &amp; أكد ذلك.</p>\
        <p>مُحَمَّد&#x20;وصل.</p><script>var x = '<p>لا</p>';</script></body></html>";
    for unit in [
        pb::OffsetUnit::Utf8Byte,
        pb::OffsetUnit::Utf16CodeUnit,
        pb::OffsetUnit::CodePoint,
    ] {
        let analysis = client
            .analyze(pb::AnalyzeRequest {
                document: Some(pb::Document {
                    text: html.into(),
                    content_type: pb::ContentType::Html as i32,
                    ..Default::default()
                }),
                options: Some(pb::AnalyzeOptions {
                    offset_unit: unit as i32,
                    ..Default::default()
                }),
            })
            .await
            .unwrap()
            .into_inner()
            .analysis
            .unwrap();
        let seg = analysis.segmentation.unwrap();
        let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            sentences,
            [
                "خبر عاجل",
                "اجتماع مرتقب",
                "قال المتحدث إن الاجتماع سيعقد في 5 مارس 2024 & أكد ذلك.",
                "مُحَمَّد وصل.",
            ]
        );
        for token in &seg.tokens {
            let in_html = slice(html, token.span.as_ref().unwrap(), unit);
            if token.text == "&" {
                assert_eq!(in_html, "&amp;");
            } else {
                assert_eq!(in_html, token.text, "{unit:?}");
            }
        }
        let date = &analysis.extraction.unwrap().entities[0];
        assert_eq!(
            slice(html, date.span.as_ref().unwrap(), unit),
            "5 مارس 2024"
        );
        let sentence = &seg.sentences[2];
        let marked = slice(html, sentence.span.as_ref().unwrap(), unit);
        assert!(
            marked.starts_with("قال <b>المتحدث</b>"),
            "a span over markup covers the tags: {marked}"
        );
    }
    server.stop().await;
}
