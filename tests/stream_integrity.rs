//! Stream integrity: many documents through one AnalyzeStream, some of them
//! invalid, get exactly one answer each, in input order, with their id, and
//! the invalid ones their status (the stream goes on).
//!
//! 10,000 documents by default (debug builds); `LISAN_STREAM_DOCUMENTS=100000`
//! runs the full count (scripts/soak.sh does, on the release build).

mod common;

use common::TestServer;
use lisan::proto::v1 as pb;
use tokio_stream::StreamExt;

/// Every `INVALID_EVERY`-th document is invalid, in one of three ways.
const INVALID_EVERY: usize = 97;

fn request(i: usize) -> pb::AnalyzeStreamRequest {
    let mut document = pb::Document {
        id: format!("doc-{i}"),
        text: format!("الخبر رقم {i} نُشر في 23 يوليو 2024. Item {i}."),
        ..Default::default()
    };
    let mut options = None;
    if i.is_multiple_of(INVALID_EVERY) {
        match (i / INVALID_EVERY) % 3 {
            // Bytes that are not the charset they claim.
            0 => {
                document.text.clear();
                document.content = vec![b'a', 0xff, 0xfe, b'b'];
                document.charset = "utf-8".into();
            }
            // An offset unit this server does not know.
            1 => {
                options = Some(pb::AnalyzeOptions {
                    offset_unit: 99,
                    ..Default::default()
                })
            }
            // Both text and content.
            _ => document.content = b"x".to_vec(),
        }
    }
    pb::AnalyzeStreamRequest {
        document: Some(document),
        options,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_document_of_a_long_stream_is_answered_once_in_order() {
    let total: usize = std::env::var("LISAN_STREAM_DOCUMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let mut answers = client
        .analyze_stream(tokio_stream::iter((0..total).map(request)))
        .await
        .unwrap()
        .into_inner();
    let (mut next, mut invalid) = (0usize, 0usize);
    while let Some(answer) = answers.next().await {
        let answer = answer.expect("a bad item never ends the stream");
        assert_eq!(answer.index, next as u64, "in input order");
        assert_eq!(answer.document_id, format!("doc-{next}"));
        match answer.outcome.expect("an outcome") {
            pb::analyze_stream_response::Outcome::Analysis(analysis) => {
                assert!(!next.is_multiple_of(INVALID_EVERY), "doc-{next} is invalid");
                let sentences = analysis.segmentation.unwrap().sentences;
                assert_eq!(sentences.len(), 2, "doc-{next}");
            }
            pb::analyze_stream_response::Outcome::Error(status) => {
                assert!(
                    next.is_multiple_of(INVALID_EVERY),
                    "doc-{next} is valid: {status:?}"
                );
                assert_eq!(
                    status.code,
                    tonic::Code::InvalidArgument as i32,
                    "{status:?}"
                );
                invalid += 1;
            }
        }
        next += 1;
    }
    assert_eq!(next, total, "one answer per document");
    assert_eq!(invalid, total.div_ceil(INVALID_EVERY));
    server.stop().await;
}
