//! Limits under load: load shedding, deadlines (the client's and the
//! server's), cancelled work stopping, and a graceful drain that loses no
//! in-flight request. All against the real server on loopback.

mod common;

use std::time::Duration;

use common::{document, stream_error_codes, TestServer};
use lisan::proto::v1 as pb;
use lisan::server::convert::TEST_SLOW_ID;
use lisan::server::Config;
use tonic::{Code, Request};
use tonic_types::StatusExt;

/// An Analyze request for a document that takes `TEST_SLOW_DURATION`.
fn slow_request() -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        document: Some(pb::Document {
            id: TEST_SLOW_ID.into(),
            text: "نص".into(),
            ..Default::default()
        }),
        options: None,
    }
}

/// A request for `text` that gives up after `timeout` (grpc-timeout).
fn with_timeout<T>(message: T, timeout: Duration) -> Request<T> {
    let mut request = Request::new(message);
    request.set_timeout(timeout);
    request
}

/// About 1 MB of news-like Arabic: seconds of work in a debug build.
fn large_text() -> String {
    "في 23 يوليو 2024 قال المتحدث إن الاجتماع ممكن، وارتفع المؤشر ٣٫٥٪ https://example.com/a.\n"
        .repeat(7_000)
}

#[tokio::test]
async fn a_burst_over_the_limit_is_shed_with_retry_info_and_the_rest_served() {
    let retry_after = Duration::from_millis(250);
    let server = TestServer::start(Config {
        max_concurrent_requests: 2,
        max_concurrent_documents: 2,
        retry_after,
        ..Config::default()
    })
    .await;
    let calls: Vec<_> = (0..8)
        .map(|_| {
            let mut client = server.client();
            tokio::spawn(async move { client.analyze(slow_request()).await })
        })
        .collect();
    let (mut served, mut shed) = (0, 0);
    for call in calls {
        match call.await.unwrap() {
            Ok(_) => served += 1,
            Err(status) => {
                assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
                let details = status.get_error_details();
                let retry = details.retry_info().expect("RetryInfo on a shed call");
                assert_eq!(retry.retry_delay, Some(retry_after));
                assert_eq!(details.error_info().unwrap().reason, "OVERLOADED");
                shed += 1;
            }
        }
    }
    assert!(served >= 2, "admitted calls are served ({served} of 8)");
    assert!(shed >= 1, "calls over the limit are shed, not queued");
    let after = server.client().analyze(slow_request()).await;
    assert!(after.is_ok(), "slots come back once calls end");

    let info = server
        .client()
        .get_service_info(pb::GetServiceInfoRequest {})
        .await
        .unwrap()
        .into_inner();
    let limits = info.limits.unwrap();
    assert_eq!(limits.max_concurrent_requests, 2);
    assert_eq!(limits.request_timeout.unwrap().seconds, 60);
    server.stop().await;
}

#[tokio::test]
async fn a_short_client_deadline_on_a_large_document_stops_the_work() {
    // One worker: if the abandoned work went on, the next call would wait
    // for it (seconds) and miss its own deadline.
    let metrics = std::sync::Arc::new(lisan::server::metrics::Metrics::default());
    let server = TestServer::start(Config {
        max_concurrent_documents: 1,
        metrics: metrics.clone(),
        ..Config::default()
    })
    .await;
    let mut client = server.client();
    let large = pb::AnalyzeRequest {
        document: Some(document(&large_text())),
        options: None,
    };
    let err = client
        // The whole Analyze of this document takes about 150 ms on the
        // development machine (it took seconds when this test was written):
        // the deadline stays well under it.
        .analyze(with_timeout(large, Duration::from_millis(50)))
        .await
        .unwrap_err();
    // The server answers a fifth before the deadline; on a loaded machine
    // its answer may still arrive after the client's own timer (the same
    // deadline) has cancelled the call. Either way the server's metrics say
    // what it answered.
    match err.code() {
        Code::DeadlineExceeded => assert_eq!(
            err.get_error_details().error_info().unwrap().reason,
            "DEADLINE_EXCEEDED"
        ),
        Code::Cancelled => assert!(err.message().contains("Timeout expired"), "{err:?}"),
        _ => panic!("{err:?}"),
    }
    let answered = r#"lisan_requests_total{method="Analyze",code="DEADLINE_EXCEEDED"} 1"#;
    let mut waited = Duration::ZERO;
    while !metrics.render().contains(answered) && waited < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += Duration::from_millis(20);
    }
    assert!(
        metrics.render().contains(answered),
        "the server itself answered DEADLINE_EXCEEDED"
    );
    let next = pb::SegmentRequest {
        document: Some(document("ما زال يعمل.")),
        ..Default::default()
    };
    let answer = client
        .segment(with_timeout(next, Duration::from_secs(2)))
        .await;
    assert!(answer.is_ok(), "the worker was freed: {answer:?}");
    server.stop().await;
}

#[tokio::test]
async fn the_server_request_timeout_applies_without_a_client_deadline() {
    let server = TestServer::start(Config {
        request_timeout: Some(Duration::from_millis(100)),
        ..Config::default()
    })
    .await;
    let mut client = server.client();
    let err = client.analyze(slow_request()).await.unwrap_err();
    assert_eq!(err.code(), Code::DeadlineExceeded);

    // In a stream the timeout is per item: the slow one fails, the others pass.
    let codes = stream_error_codes(&mut client, slow_request().document.unwrap()).await;
    assert_eq!(codes, [None, Some(Code::DeadlineExceeded as i32), None]);
    server.stop().await;
}

#[tokio::test]
async fn a_call_the_client_abandons_frees_its_worker() {
    let server = TestServer::start(Config {
        max_concurrent_documents: 1,
        ..Config::default()
    })
    .await;
    let mut client = server.client();
    let abandoned = tokio::spawn(async move { client.analyze(slow_request()).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    abandoned.abort();
    // The slow work had 500 ms left; cancelled, it frees the worker at once.
    let next = pb::SegmentRequest {
        document: Some(document("نص قصير.")),
        ..Default::default()
    };
    let answer = server
        .client()
        .segment(with_timeout(next, Duration::from_millis(300)))
        .await;
    assert!(answer.is_ok(), "the abandoned work stopped: {answer:?}");
    server.stop().await;
}

#[tokio::test]
async fn a_graceful_shutdown_loses_no_in_flight_request() {
    let mut server = TestServer::start_default().await;
    let mut client = server.client();
    let in_flight = tokio::spawn(async move { client.analyze(slow_request()).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.signal_shutdown();
    let answer = in_flight.await.unwrap();
    assert!(answer.is_ok(), "the in-flight call completed: {answer:?}");
    server.stop().await;
}
