//! The HTTP/JSON API over a real server (gRPC and HTTP on loopback ports)
//! with a real HTTP client: every route, parity with gRPC, the error
//! mapping, auth, limits, load shedding, the batch's order and per-line
//! errors, slow uploads and the metrics.

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use lisan::proto::v1 as pb;
use lisan::server::auth::Tokens;
use lisan::server::Config;
use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn client() -> Client {
    Client::builder().no_proxy().build().unwrap()
}

async fn post(server: &TestServer, path: &str, body: &Value) -> reqwest::Response {
    client()
        .post(server.url(path))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// The status, the `error` object's gRPC code name, ErrorInfo reason and
/// BadRequest fields of an error response.
async fn error_of(response: reqwest::Response) -> (u16, String, String, Vec<String>) {
    let code = response.status().as_u16();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/json",
        "errors are JSON"
    );
    let body: Value = response.json().await.unwrap();
    let error = &body["error"];
    assert_eq!(
        error["code"], code,
        "the body repeats the HTTP code: {body}"
    );
    let details = error["details"].as_array().cloned().unwrap_or_default();
    let reason = details
        .iter()
        .find(|d| d["@type"] == "type.googleapis.com/google.rpc.ErrorInfo")
        .map(|d| d["reason"].as_str().unwrap().to_string())
        .unwrap_or_default();
    let fields = details
        .iter()
        .filter(|d| d["@type"] == "type.googleapis.com/google.rpc.BadRequest")
        .flat_map(|d| d["fieldViolations"].as_array().unwrap().clone())
        .map(|v| v["field"].as_str().unwrap().to_string())
        .collect();
    (
        code,
        error["status"].as_str().unwrap().to_string(),
        reason,
        fields,
    )
}

/// A value without the fields that differ between two calls (timings and
/// the server clock).
fn without_timings(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.remove("processingTime");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

const NEWS: &str =
    "أعلنت الوزارة يوم 15 مارس 2024 عن 250 مليون دولار، التفاصيل على https://example.org/a 😀.";

#[tokio::test]
async fn every_unary_route_answers_as_its_grpc_method_does() {
    let server = TestServer::start_with_http(Config::default()).await;
    let mut grpc = server.client();
    let document = pb::Document {
        id: "n1".into(),
        text: NEWS.into(),
        reference_time: Some(prost_types::Timestamp {
            seconds: 1_710_000_000,
            nanos: 0,
        }),
        ..Default::default()
    };
    let doc_json = json!({"id": "n1", "text": NEWS, "referenceTime": "2024-03-09T16:00:00Z"});
    let unit = pb::OffsetUnit::Utf16CodeUnit as i32;

    let normalize = grpc
        .normalize(pb::NormalizeRequest {
            document: Some(document.clone()),
            offset_unit: unit,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let segment = grpc
        .segment(pb::SegmentRequest {
            document: Some(document.clone()),
            offset_unit: unit,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let extract = grpc
        .extract(pb::ExtractRequest {
            document: Some(document.clone()),
            offset_unit: unit,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let analyze = grpc
        .analyze(pb::AnalyzeRequest {
            document: Some(document.clone()),
            options: Some(pb::AnalyzeOptions {
                offset_unit: unit,
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner();
    // What the CLI prints for the gRPC answer.
    let to = |v: &dyn Fn() -> Result<String, Box<dyn std::error::Error>>| {
        without_timings(serde_json::from_str(&v().unwrap()).unwrap())
    };
    let cases = [
        (
            "/v1/normalize",
            json!({"document": doc_json, "offsetUnit": "OFFSET_UNIT_UTF16_CODE_UNIT"}),
            to(&|| lisan::cli::json::to_json(&normalize, "lisan.v1.NormalizeResponse")),
        ),
        (
            "/v1/segment",
            json!({"document": doc_json, "offset_unit": "OFFSET_UNIT_UTF16_CODE_UNIT"}),
            to(&|| lisan::cli::json::to_json(&segment, "lisan.v1.SegmentResponse")),
        ),
        (
            "/v1/extract",
            json!({"document": doc_json, "offsetUnit": 2}),
            to(&|| lisan::cli::json::to_json(&extract, "lisan.v1.ExtractResponse")),
        ),
        (
            "/v1/analyze",
            json!({"document": doc_json, "options": {"offsetUnit": "OFFSET_UNIT_UTF16_CODE_UNIT"}}),
            to(&|| lisan::cli::json::to_json(&analyze, "lisan.v1.AnalyzeResponse")),
        ),
    ];
    for (path, request, expected) in cases {
        let response = post(&server, path, &request).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.headers().contains_key("lisan-processing-time-ms"),
            "{path}: processing time header"
        );
        let body: Value = response.json().await.unwrap();
        assert!(body.get("processingTime").is_some() || path == "/v1/analyze");
        assert_eq!(without_timings(body), expected, "{path} differs from gRPC");
    }
    // Spans are UTF-16 units: the money is where JavaScript would find it.
    let money = &lisan::cli::json::to_value(&extract, "lisan.v1.ExtractResponse").unwrap()
        ["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "ENTITY_TYPE_MONEY")
        .unwrap()
        .clone();
    let units: Vec<u16> = NEWS.encode_utf16().collect();
    let (start, end) = (
        money["span"]["start"].as_u64().unwrap() as usize,
        money["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        String::from_utf16(&units[start..end]).unwrap(),
        "250 مليون دولار"
    );
    server.stop().await;
}

#[tokio::test]
async fn info_openapi_and_playground_are_served_with_get() {
    let server = TestServer::start_with_http(Config::default()).await;
    let info: Value = client()
        .get(server.url("/v1/info"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["limits"]["maxDocumentBytes"], "10485760");

    let openapi: Value = client()
        .get(server.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(openapi, lisan::server::http::openapi::document());
    for path in [
        "/v1/normalize",
        "/v1/segment",
        "/v1/extract",
        "/v1/analyze",
        "/v1/analyze:batch",
    ] {
        assert!(openapi["paths"][path]["post"].is_object(), "{path}");
    }
    assert!(openapi["paths"]["/v1/info"]["get"].is_object());

    let page = client().get(server.url("/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .starts_with("default-src 'none'"));
    let html = page.text().await.unwrap();
    assert!(html.contains("OFFSET_UNIT_UTF16_CODE_UNIT"));
    assert!(html.contains(r#"dir="auto""#));
    for external in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(external), "the page loads {external}...");
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_requests_get_clear_json_errors() {
    let config = Config {
        max_request_bytes: 4096,
        max_document_bytes: 1024,
        max_response_bytes: 4000,
        ..Config::default()
    };
    let server = TestServer::start_with_http(config).await;
    let raw = |path: &'static str, content_type: Option<&'static str>, body: Vec<u8>| {
        let mut request = client().post(server.url(path)).body(body);
        if let Some(ct) = content_type {
            request = request.header(header::CONTENT_TYPE, ct);
        }
        request.send()
    };
    let json_ct = Some("application/json");
    let cases: Vec<(&str, reqwest::Response, Expected)> = vec![
        (
            "malformed JSON",
            raw("/v1/analyze", json_ct, b"{\"document\": ".to_vec())
                .await
                .unwrap(),
            (400, "INVALID_ARGUMENT", "MALFORMED_JSON", &["body"]),
        ),
        (
            "not an object",
            raw("/v1/analyze", json_ct, b"[1, 2]".to_vec())
                .await
                .unwrap(),
            (400, "INVALID_ARGUMENT", "MALFORMED_JSON", &["body"]),
        ),
        (
            "unknown field",
            raw(
                "/v1/extract",
                json_ct,
                br#"{"document": {"text": "x", "colour": 1}}"#.to_vec(),
            )
            .await
            .unwrap(),
            (400, "INVALID_ARGUMENT", "MALFORMED_JSON", &["body"]),
        ),
        (
            "wrong type",
            raw(
                "/v1/extract",
                json_ct,
                br#"{"document": {"text": 5}}"#.to_vec(),
            )
            .await
            .unwrap(),
            (400, "INVALID_ARGUMENT", "MALFORMED_JSON", &["body"]),
        ),
        (
            "trailing data",
            raw("/v1/extract", json_ct, br#"{} {}"#.to_vec())
                .await
                .unwrap(),
            (400, "INVALID_ARGUMENT", "MALFORMED_JSON", &["body"]),
        ),
        (
            "no document",
            raw("/v1/extract", json_ct, b"{}".to_vec()).await.unwrap(),
            (400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", &["document"]),
        ),
        (
            "unknown enum number",
            raw(
                "/v1/normalize",
                json_ct,
                br#"{"document": {"text": "x"}, "offsetUnit": 9}"#.to_vec(),
            )
            .await
            .unwrap(),
            (
                400,
                "INVALID_ARGUMENT",
                "INVALID_ARGUMENT",
                &["offset_unit"],
            ),
        ),
        (
            "document over the limit",
            raw(
                "/v1/extract",
                json_ct,
                serde_json::to_vec(&json!({"document": {"text": "ب".repeat(600)}})).unwrap(),
            )
            .await
            .unwrap(),
            (
                400,
                "INVALID_ARGUMENT",
                "DOCUMENT_TOO_LARGE",
                &["document.text"],
            ),
        ),
        (
            "body over the limit",
            raw(
                "/v1/extract",
                json_ct,
                serde_json::to_vec(&json!({"document": {"text": "x".repeat(5000)}})).unwrap(),
            )
            .await
            .unwrap(),
            (413, "OUT_OF_RANGE", "REQUEST_TOO_LARGE", &[]),
        ),
        (
            "response over the limit",
            raw(
                "/v1/analyze",
                json_ct,
                serde_json::to_vec(&json!({"document": {"text": "كلمة ".repeat(100)}})).unwrap(),
            )
            .await
            .unwrap(),
            (400, "OUT_OF_RANGE", "RESPONSE_TOO_LARGE", &[]),
        ),
        (
            "wrong content type",
            raw("/v1/analyze", Some("text/plain"), b"{}".to_vec())
                .await
                .unwrap(),
            (
                415,
                "INVALID_ARGUMENT",
                "UNSUPPORTED_MEDIA_TYPE",
                &["content-type"],
            ),
        ),
        (
            "no content type",
            raw("/v1/analyze", None, b"{}".to_vec()).await.unwrap(),
            (
                415,
                "INVALID_ARGUMENT",
                "UNSUPPORTED_MEDIA_TYPE",
                &["content-type"],
            ),
        ),
        (
            "JSON to the batch",
            raw("/v1/analyze:batch", json_ct, b"{}".to_vec())
                .await
                .unwrap(),
            (
                415,
                "INVALID_ARGUMENT",
                "UNSUPPORTED_MEDIA_TYPE",
                &["content-type"],
            ),
        ),
        (
            "no route",
            raw("/v2/analyze", json_ct, b"{}".to_vec()).await.unwrap(),
            (404, "NOT_FOUND", "ROUTE_NOT_FOUND", &[]),
        ),
    ];
    for (name, response, (code, status, reason, fields)) in cases {
        let (got_code, got_status, got_reason, got_fields) = error_of(response).await;
        assert_eq!(
            (got_code, got_status.as_str(), got_reason.as_str()),
            (code, status, reason),
            "{name}"
        );
        assert_eq!(got_fields, fields, "{name}");
    }
    // A chunked body over the limit (no content-length to refuse early).
    let chunks = futures_chunks(vec![vec![b' '; 3000], vec![b' '; 3000]]);
    let response = client()
        .post(server.url("/v1/extract"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(response).await.0, 413);
    // A wrong method names the allowed one.
    let response = client()
        .get(server.url("/v1/analyze"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[header::ALLOW], "POST");
    assert_eq!(error_of(response).await.2, "METHOD_NOT_ALLOWED");
    let response = client().delete(server.url("/")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    server.stop().await;
}

/// An error's HTTP code, gRPC code name, ErrorInfo reason and BadRequest fields.
type Expected = (u16, &'static str, &'static str, &'static [&'static str]);

fn futures_chunks(
    chunks: Vec<Vec<u8>>,
) -> impl tokio_stream::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    tokio_stream::iter(chunks.into_iter().map(Ok))
}

#[tokio::test]
async fn bearer_tokens_guard_the_api_but_not_the_pages() {
    let config = Config {
        auth_tokens: Tokens::parse("s3cret\n"),
        ..Config::default()
    };
    let server = TestServer::start_with_http(config).await;
    let body = json!({"document": {"text": "نص."}});
    for token in [None, Some("Bearer wrong"), Some("s3cret")] {
        let mut request = client().post(server.url("/v1/analyze")).json(&body);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, token);
        }
        let (code, status, reason, _) = error_of(request.send().await.unwrap()).await;
        assert_eq!(
            (code, status.as_str(), reason.as_str()),
            (401, "UNAUTHENTICATED", "UNAUTHENTICATED"),
            "{token:?}"
        );
    }
    let ok = client()
        .post(server.url("/v1/analyze"))
        .bearer_auth("s3cret")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let info = client().get(server.url("/v1/info")).send().await.unwrap();
    assert_eq!(info.status(), StatusCode::UNAUTHORIZED);
    for page in ["/", "/openapi.json"] {
        let response = client().get(server.url(page)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{page}");
    }
    server.stop().await;
}

/// A batch body whose lines are sent when the test says so.
fn held_body() -> (
    tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
    reqwest::Body,
) {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let stream = tokio_stream::wrappers::ReceiverStream::new(rx);
    (tx, reqwest::Body::wrap_stream(stream))
}

#[tokio::test]
async fn a_full_server_sheds_with_429_and_retry_after() {
    let config = Config {
        max_concurrent_requests: 1,
        retry_after: Duration::from_millis(1500),
        ..Config::default()
    };
    let server = TestServer::start_with_http(config.clone()).await;
    // A batch holds the one admission slot while its body is open.
    let (lines, body) = held_body();
    let batch = client()
        .post(server.url("/v1/analyze:batch"))
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(batch.status(), StatusCode::OK);
    let response = post(&server, "/v1/analyze", &json!({"document": {"text": "x"}})).await;
    assert_eq!(response.headers()[header::RETRY_AFTER], "2");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], 429);
    assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
    let retry = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["@type"] == "type.googleapis.com/google.rpc.RetryInfo")
        .expect("RetryInfo detail");
    assert_eq!(retry["retryDelay"], "1.500s");
    assert_eq!(
        common::counter(&config, "lisan_shed_requests_total", "method=\"Analyze\""),
        1
    );
    // gRPC callers are shed by the same gate.
    let status = server
        .client()
        .analyze(pb::AnalyzeRequest {
            document: Some(common::document("x")),
            options: None,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::ResourceExhausted);
    lines
        .send(Ok(b"{\"document\":{\"text\":\"a.\"}}\n".to_vec()))
        .await
        .unwrap();
    drop(lines);
    let out = batch.text().await.unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    server.stop().await;
}

#[tokio::test]
async fn batch_answers_every_line_in_order_with_errors_in_place() {
    let config = Config {
        max_request_bytes: 8192,
        max_stream_in_flight: 4,
        ..Config::default()
    };
    let server = TestServer::start_with_http(config.clone()).await;
    let mut body = String::new();
    let mut expected = Vec::new();
    for i in 0..40 {
        let line = match i % 10 {
            3 => {
                expected.push((String::new(), Some("MALFORMED_JSON")));
                "{not json".to_string()
            }
            5 => {
                expected.push((String::new(), Some("REQUEST_TOO_LARGE")));
                format!(
                    "{{\"document\":{{\"id\":\"d{i}\",\"text\":\"{}\"}}}}",
                    "x".repeat(10_000)
                )
            }
            7 => {
                expected.push((format!("d{i}"), Some("INVALID_ARGUMENT")));
                format!("{{\"document\":{{\"id\":\"d{i}\",\"text\":\"x\"}},\"options\":{{\"offsetUnit\":42}}}}")
            }
            _ => {
                expected.push((format!("d{i}"), None));
                // Longer documents first, so later ones finish sooner.
                let text = "في 3 مارس 2024 دفع 50 دولارا. ".repeat(40 - i);
                json!({"document": {"id": format!("d{i}"), "text": text}, "options": {"features": {"extract": true}}}).to_string()
            }
        };
        body.push_str(&line);
        body.push('\n');
        if i == 20 {
            body.push_str("   \n\n"); // blank lines are skipped
        }
    }
    let response = client()
        .post(server.url("/v1/analyze:batch"))
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/x-ndjson"
    );
    let out = response.text().await.unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), expected.len());
    for (i, (line, (id, error))) in lines.iter().zip(&expected).enumerate() {
        let index = if i == 0 { None } else { Some(i.to_string()) };
        assert_eq!(
            line["index"].as_str().map(String::from),
            index,
            "line {i}: {line}"
        );
        assert_eq!(line["documentId"].as_str().unwrap_or(""), id, "line {i}");
        match error {
            None => {
                let entities = line["analysis"]["extraction"]["entities"]
                    .as_array()
                    .unwrap();
                assert_eq!(entities.len(), 2 * (40 - i), "line {i}");
            }
            Some(reason) => {
                let details = line["error"]["details"].as_array().unwrap();
                assert!(
                    details.iter().any(|d| d["reason"] == *reason),
                    "line {i}: {line}"
                );
                assert_eq!(
                    line["error"]["code"],
                    3 + u64::from(*reason == "REQUEST_TOO_LARGE") * 8,
                    "line {i}"
                );
            }
        }
    }
    assert_eq!(
        common::counter(
            &config,
            "lisan_requests_total",
            "method=\"AnalyzeStream\",code=\"OK\""
        ),
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn batch_answers_stream_before_the_body_ends() {
    let server = TestServer::start_with_http(Config::default()).await;
    let (lines, body) = held_body();
    let response = client()
        .post(server.url("/v1/analyze:batch"))
        .header(header::CONTENT_TYPE, "application/jsonl")
        .body(body)
        .send()
        .await
        .unwrap();
    let mut stream = response.bytes_stream();
    use tokio_stream::StreamExt;
    lines
        .send(Ok(
            b"{\"document\":{\"id\":\"first\",\"text\":\"a.\"}}\n".to_vec()
        ))
        .await
        .unwrap();
    let first = tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("the first answer arrives while the body is still open")
        .unwrap()
        .unwrap();
    let first: Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(first["documentId"], "first");
    drop(lines);
    assert!(stream.next().await.is_none());
    server.stop().await;
}

/// Opens a raw connection and sends `head` (and nothing more).
async fn stalled(server: &TestServer, head: &str) -> tokio::net::TcpStream {
    let mut stream = tokio::net::TcpStream::connect(server.http.unwrap())
        .await
        .unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// What the server sends before closing, read for at most `limit`.
async fn read_until_closed(stream: &mut tokio::net::TcpStream, limit: Duration) -> String {
    let mut out = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut out))
        .await
        .expect("the server closes a stalled connection")
        .ok();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn slow_uploads_are_cut_off_after_the_read_timeout() {
    let timeout = Duration::from_millis(400);
    let server = TestServer::start_with_http(Config {
        http_read_timeout: timeout,
        ..Config::default()
    })
    .await;
    // Headers that never end.
    let started = Instant::now();
    let mut headers_only = stalled(&server, "POST /v1/analyze HTTP/1.1\r\nhost: x\r\n").await;
    read_until_closed(&mut headers_only, Duration::from_secs(5)).await;
    assert!(started.elapsed() >= timeout, "closed before the timeout");

    // A body that stops half way: 408 with a JSON error.
    let started = Instant::now();
    let mut half = stalled(
        &server,
        "POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"document\":",
    )
    .await;
    let answer = read_until_closed(&mut half, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"REQUEST_READ_TIMEOUT\""), "{answer}");
    assert!(started.elapsed() >= timeout);

    // A batch whose next line never comes: the answered lines, then an error line.
    let mut batch = stalled(
        &server,
        "POST /v1/analyze:batch HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\n\r\n1b\r\n{\"document\":{\"text\":\"a.\"}}\n\r\n",
    )
    .await;
    let answer = read_until_closed(&mut batch, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"analysis\""), "{answer}");
    assert!(answer.contains("\"REQUEST_READ_TIMEOUT\""), "{answer}");
    server.stop().await;
}

#[tokio::test]
async fn http_calls_are_counted_with_grpc_calls() {
    let config = Config::default();
    let server = TestServer::start_with_http(config.clone()).await;
    for _ in 0..3 {
        post(
            &server,
            "/v1/extract",
            &json!({"document": {"text": "5 دولارات"}}),
        )
        .await;
    }
    post(
        &server,
        "/v1/extract",
        &json!({"document": {"content": "eA==", "charset": "no-such"}}),
    )
    .await;
    server
        .client()
        .extract(pb::ExtractRequest {
            document: Some(common::document("5 دولارات")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        common::counter(
            &config,
            "lisan_requests_total",
            "method=\"Extract\",code=\"OK\""
        ),
        4
    );
    assert_eq!(
        common::counter(
            &config,
            "lisan_requests_total",
            "method=\"Extract\",code=\"INVALID_ARGUMENT\""
        ),
        1
    );
    server.stop().await;
}

#[tokio::test]
async fn shutdown_stops_the_http_listener_too() {
    let server = TestServer::start_with_http(Config {
        shutdown_grace: Duration::from_secs(2),
        ..Config::default()
    })
    .await;
    let addr = server.http.unwrap();
    let started = Instant::now();
    server.stop().await;
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}
