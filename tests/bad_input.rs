//! Bad input gets a precise status, never a crash; a bad stream item fails
//! only itself.

mod common;

use common::{document, stream_error_codes, TestServer};
use lisan::proto::v1 as pb;
use lisan::server::Config;
use tokio_stream::StreamExt;
use tonic::Code;
use tonic_types::StatusExt;

/// The field named by the status's BadRequest violation, and its ErrorInfo reason.
fn violation(status: &tonic::Status) -> (String, String) {
    let details = status.get_error_details();
    let field = details
        .bad_request()
        .and_then(|b| b.field_violations.first())
        .map(|v| v.field.clone())
        .unwrap_or_default();
    let reason = details
        .error_info()
        .map(|i| i.reason.clone())
        .unwrap_or_default();
    (field, reason)
}

#[tokio::test]
async fn empty_text_gives_empty_results() {
    let server = TestServer::start_default().await;
    let analysis = server
        .client()
        .analyze(pb::AnalyzeRequest {
            document: Some(document("")),
            options: None,
        })
        .await
        .unwrap()
        .into_inner()
        .analysis
        .unwrap();
    assert_eq!(analysis.normalization.unwrap().text, "");
    let seg = analysis.segmentation.unwrap();
    assert!(seg.tokens.is_empty() && seg.sentences.is_empty() && seg.paragraphs.is_empty());
    assert!(analysis.extraction.unwrap().entities.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn missing_document_is_invalid() {
    let server = TestServer::start_default().await;
    let err = server
        .client()
        .segment(pb::SegmentRequest::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(violation(&err).0, "document");
    server.stop().await;
}

#[tokio::test]
async fn unknown_enum_values_are_invalid_arguments_naming_the_field() {
    let server = TestServer::start_default().await;
    let mut client = server.client();

    let err = client
        .normalize(pb::NormalizeRequest {
            document: Some(document("نص")),
            offset_unit: 99,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        violation(&err),
        ("offset_unit".into(), "INVALID_ARGUMENT".into())
    );

    let err = client
        .normalize(pb::NormalizeRequest {
            document: Some(document("نص")),
            options: Some(pb::NormalizeOptions {
                profile: 42,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(violation(&err).0, "options.profile");

    let err = client
        .segment(pb::SegmentRequest {
            document: Some(document("نص")),
            levels: vec![pb::SegmentLevel::Token as i32, 7],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(violation(&err).0, "levels[1]");

    let err = client
        .extract(pb::ExtractRequest {
            document: Some(document("نص")),
            entity_types: vec![-3],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(violation(&err).0, "entity_types[0]");

    let err = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document("نص")),
            options: Some(pb::AnalyzeOptions {
                normalization: Some(pb::NormalizeOptions {
                    unicode_form: 17,
                    ..Default::default()
                }),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(violation(&err).0, "options.normalization.unicode_form");
    server.stop().await;
}

#[tokio::test]
async fn oversized_documents_are_refused_with_the_documented_limit() {
    let server = TestServer::start(Config {
        max_document_bytes: 1024,
        ..Config::default()
    })
    .await;
    let err = server
        .client()
        .analyze(pb::AnalyzeRequest {
            document: Some(document(&"ب".repeat(600))),
            options: None,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        violation(&err),
        ("document.text".into(), "DOCUMENT_TOO_LARGE".into())
    );
    assert!(
        err.message().contains("1024"),
        "the message states the limit: {}",
        err.message()
    );
    server.stop().await;
}

#[tokio::test]
async fn oversized_messages_are_refused_before_processing() {
    let server = TestServer::start(Config {
        max_request_bytes: 4096,
        ..Config::default()
    })
    .await;
    let err = server
        .client()
        .normalize(pb::NormalizeRequest {
            document: Some(document(&"x".repeat(10_000))),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::OutOfRange);
    server.stop().await;
}

#[tokio::test]
async fn a_bad_item_in_a_stream_fails_only_itself() {
    let server = TestServer::start(Config {
        max_document_bytes: 1000,
        ..Config::default()
    })
    .await;
    let item = |id: &str, text: String, offset_unit: i32| pb::AnalyzeStreamRequest {
        document: Some(pb::Document {
            id: id.into(),
            text,
            ..Default::default()
        }),
        options: Some(pb::AnalyzeOptions {
            offset_unit,
            ..Default::default()
        }),
    };
    let requests = vec![
        item("good-1", "جملة أولى.".into(), 0),
        item("too-large", "x".repeat(2000), 0),
        item("bad-enum", "نص".into(), 12),
        pb::AnalyzeStreamRequest::default(),
        item("good-2", "جملة أخيرة.".into(), 2),
    ];
    let responses: Vec<pb::AnalyzeStreamResponse> = server
        .client()
        .analyze_stream(tokio_stream::iter(requests))
        .await
        .unwrap()
        .into_inner()
        .map(|r| r.unwrap())
        .collect()
        .await;
    let outcome: Vec<(&str, Option<i32>)> = responses
        .iter()
        .map(|r| {
            let code = match &r.outcome {
                Some(pb::analyze_stream_response::Outcome::Error(status)) => Some(status.code),
                _ => None,
            };
            (r.document_id.as_str(), code)
        })
        .collect();
    let invalid = Some(Code::InvalidArgument as i32);
    assert_eq!(
        outcome,
        [
            ("good-1", None),
            ("too-large", invalid),
            ("bad-enum", invalid),
            ("", invalid),
            ("good-2", None),
        ]
    );
    let Some(pb::analyze_stream_response::Outcome::Error(status)) = &responses[1].outcome else {
        unreachable!()
    };
    assert!(
        !status.details.is_empty(),
        "per-item errors carry their details"
    );
    server.stop().await;
}

#[tokio::test]
async fn reference_times_outside_the_calendar_are_invalid() {
    let server = TestServer::start_default().await;
    let mut doc = document("في 5 آب");
    doc.reference_time = Some(prost_types::Timestamp {
        seconds: i64::MAX,
        nanos: 0,
    });
    let err = server
        .client()
        .extract(pb::ExtractRequest {
            document: Some(doc),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(violation(&err).0, "document.reference_time");
    server.stop().await;
}

/// A document whose processing panics (the `test-hooks` trigger).
fn panicking() -> pb::Document {
    panicking_text("نص")
}

fn panicking_text(text: &str) -> pb::Document {
    pb::Document {
        id: lisan::server::convert::TEST_PANIC_ID.into(),
        text: text.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_panic_fails_one_request_and_the_server_keeps_serving() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    // A short document runs on the async worker that received it, a long
    // one on the blocking pool: a panic is contained on both.
    for text in ["نص".to_string(), "نص طويل. ".repeat(1000)] {
        let err = client
            .analyze(pb::AnalyzeRequest {
                document: Some(panicking_text(&text)),
                options: None,
            })
            .await
            .unwrap_err();
        assert_eq!(err.code(), Code::Internal, "{} bytes", text.len());
    }
    let after = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document("ما زال يعمل.")),
            options: None,
        })
        .await;
    assert!(after.is_ok(), "the server still answers after a panic");

    let codes = stream_error_codes(&mut client, panicking()).await;
    assert_eq!(codes, [None, Some(Code::Internal as i32), None]);
    server.stop().await;
}
