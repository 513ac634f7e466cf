//! What operators see: Prometheus metrics scraped over HTTP, and the
//! processing time in every response (message field and header).

mod common;

use std::sync::Arc;

use common::{document, TestServer};
use lisan::proto::v1 as pb;
use lisan::server::metrics::{serve_metrics, Metrics};
use lisan::server::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// `GET path` on the metrics listener: the status line and the body.
async fn scrape(addr: std::net::SocketAddr, path: &str) -> (String, String) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).await.unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

/// The value of the sample named exactly `series` (name and labels).
fn sample(body: &str, series: &str) -> Option<f64> {
    body.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn metrics_count_calls_by_code_latency_bytes_and_documents() {
    let metrics = Arc::new(Metrics::default());
    let server = TestServer::start(Config {
        metrics: metrics.clone(),
        ..Config::default()
    })
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let metrics_addr = listener.local_addr().unwrap();
    let exporter = tokio::spawn(serve_metrics(listener, metrics));

    let mut client = server.client();
    for text in ["جملة أولى.", "جملة ثانية."] {
        client
            .analyze(pb::AnalyzeRequest {
                document: Some(document(text)),
                options: None,
            })
            .await
            .unwrap();
    }
    let invalid = client.segment(pb::SegmentRequest::default()).await;
    assert!(invalid.is_err());

    let (status, body) = scrape(metrics_addr, "/metrics").await;
    assert!(status.contains("200"), "{status}");
    let value =
        |series: &str| sample(&body, series).unwrap_or_else(|| panic!("{series} in\n{body}"));
    assert_eq!(
        value(r#"lisan_requests_total{method="Analyze",code="OK"}"#),
        2.0
    );
    assert_eq!(
        value(r#"lisan_requests_total{method="Segment",code="INVALID_ARGUMENT"}"#),
        1.0
    );
    assert_eq!(
        value(r#"lisan_request_duration_seconds_count{method="Analyze"}"#),
        2.0
    );
    assert_eq!(
        value(r#"lisan_request_duration_seconds_bucket{method="Analyze",le="+Inf"}"#),
        2.0
    );
    assert!(value(r#"lisan_request_bytes_total{method="Analyze"}"#) > 20.0);
    assert!(value(r#"lisan_response_bytes_total{method="Analyze"}"#) > 100.0);
    assert_eq!(value("lisan_documents_processed_total"), 2.0);
    assert_eq!(value("lisan_in_flight_requests"), 0.0);
    assert!(body.contains("# TYPE lisan_request_duration_seconds histogram"));

    let (status, _) = scrape(metrics_addr, "/other").await;
    assert!(status.contains("404"), "{status}");
    exporter.abort();
    server.stop().await;
}

#[tokio::test]
async fn responses_carry_their_processing_time_in_the_message_and_a_header() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let response = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document("في 23 يوليو 2024.")),
            options: None,
        })
        .await
        .unwrap();
    let header: f64 = response
        .metadata()
        .get("lisan-processing-time-ms")
        .expect("processing time header")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let message = response.into_inner();
    let field = message.processing_time.expect("processing_time field");
    let field_ms = field.seconds as f64 * 1000.0 + f64::from(field.nanos) / 1e6;
    assert!(field_ms > 0.0 && header > 0.0);
    assert!((field_ms - header).abs() < 0.01, "{field_ms} vs {header}");
    assert!(
        message
            .analysis
            .unwrap()
            .normalization
            .unwrap()
            .processing_time
            .is_none(),
        "only the top-level response carries it"
    );

    let err = client
        .segment(pb::SegmentRequest::default())
        .await
        .unwrap_err();
    assert!(
        err.metadata().get("lisan-processing-time-ms").is_some(),
        "errors carry the header too"
    );

    let items = vec![pb::AnalyzeStreamRequest {
        document: Some(document("نص.")),
        options: None,
    }];
    let mut stream = client
        .analyze_stream(tokio_stream::iter(items))
        .await
        .unwrap()
        .into_inner();
    let item = stream.message().await.unwrap().unwrap();
    assert!(
        item.processing_time.is_some(),
        "each stream item has its time"
    );
    server.stop().await;
}

/// Log output captured in memory.
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures every log line of this test binary (a global subscriber: scoped
/// ones miss events when other tests run on other threads).
fn global_log() -> Captured {
    static LOG: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_writer(move || writer.clone())
            .init();
        captured
    })
    .clone()
}

#[tokio::test]
async fn each_call_logs_one_span_that_continues_the_callers_trace() {
    let captured = global_log();
    let server = TestServer::start_default().await;
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let mut request = tonic::Request::new(pb::AnalyzeRequest {
        document: Some(pb::Document {
            id: "traced-doc".into(),
            text: "نص.".into(),
            ..Default::default()
        }),
        options: None,
    });
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{trace_id}-00f067aa0ba902b7-01")
            .parse()
            .unwrap(),
    );
    server.client().analyze(request).await.unwrap();
    server.stop().await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let finished: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|e| e["fields"]["message"] == "call finished")
        .filter(|e| e["span"]["document_id"] == "traced-doc")
        .collect();
    assert_eq!(finished.len(), 1, "one line per call:\n{logs}");
    let span = &finished[0]["span"];
    assert_eq!(span["trace_id"], trace_id);
    assert_eq!(span["document_id"], "traced-doc");
    assert_eq!(span["code"], "OK");
    assert_eq!(span["document_bytes"], "نص.".len());
    assert!(span["response_bytes"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn a_failed_call_is_logged_at_info_with_its_code_and_fields() {
    let captured = global_log();
    let server = TestServer::start_default().await;
    let request = tonic::Request::new(pb::NormalizeRequest {
        document: Some(pb::Document {
            id: "bad-profile-doc".into(),
            text: "نص".into(),
            ..Default::default()
        }),
        options: Some(pb::NormalizeOptions {
            profile: 999,
            ..Default::default()
        }),
        ..Default::default()
    });
    let status = server.client().normalize(request).await.unwrap_err();
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    server.stop().await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let finished: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|e| e["fields"]["message"] == "call finished")
        .filter(|e| e["span"]["method"] == "Normalize")
        .filter(|e| e["fields"]["code"] == "INVALID_ARGUMENT")
        .collect();
    assert_eq!(finished.len(), 1, "one line for the failed call:\n{logs}");
    let line = &finished[0];
    assert_eq!(line["level"], "INFO");
    let span = &line["span"];
    assert_eq!(span["code"], "INVALID_ARGUMENT");
    assert!(span["request_bytes"].as_u64().unwrap() > 0);
    assert_eq!(span["response_bytes"], 0);
    assert!(span["elapsed_ms"].as_f64().unwrap() >= 0.0);
}
