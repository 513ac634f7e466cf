//! With the `otlp` feature: `lisan serve --otlp-endpoint` exports each call's
//! `rpc` span to an OpenTelemetry collector (OTLP/HTTP), in the caller's
//! W3C trace. The collector here is a minimal HTTP endpoint that keeps what
//! it receives. Run with `cargo test --features otlp --test otlp`.
#![cfg(all(feature = "otlp", unix))]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use lisan::proto::v1 as pb;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Accepts OTLP/HTTP exports and keeps their bodies.
async fn collector(listener: tokio::net::TcpListener, bodies: Arc<Mutex<Vec<Vec<u8>>>>) {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            return;
        };
        let bodies = bodies.clone();
        tokio::spawn(async move {
            let mut raw = Vec::new();
            let mut buf = [0u8; 8192];
            loop {
                let n = stream.read(&mut buf).await.unwrap_or(0);
                if n == 0 {
                    return;
                }
                raw.extend_from_slice(&buf[..n]);
                let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
                    continue;
                };
                let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                if raw.len() >= end + 4 + length {
                    bodies
                        .lock()
                        .unwrap()
                        .push(raw[end + 4..end + 4 + length].to_vec());
                    let _ = stream
                        .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/x-protobuf\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                        .await;
                    return;
                }
            }
        });
    }
}

fn hex(bytes: &str) -> Vec<u8> {
    (0..bytes.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&bytes[i..i + 2], 16).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_reach_the_collector_in_the_callers_trace() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}/v1/traces", listener.local_addr().unwrap());
    let bodies = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(collector(listener, bodies.clone()));

    let mut server = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--otlp-endpoint",
            &endpoint,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let addr = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(stderr.read_line(&mut line).unwrap() > 0, "server exited");
            if let Some(at) = line.find("address=") {
                let addr = line[at + 8..]
                    .split_whitespace()
                    .next()
                    .unwrap()
                    .to_string();
                // Keep draining stderr so the server never blocks on it.
                std::thread::spawn(move || for _ in stderr.lines() {});
                return addr;
            }
        }
    })
    .await
    .unwrap();

    let trace_id = "0af7651916cd43dd8448eb211c80319c";
    let parent = "b7ad6b7169203331";
    let mut client = pb::text_service_client::TextServiceClient::connect(format!("http://{addr}"))
        .await
        .unwrap();
    let mut request = tonic::Request::new(pb::SegmentRequest {
        document: Some(pb::Document {
            id: "otlp-doc".into(),
            text: "نص.".into(),
            ..Default::default()
        }),
        ..Default::default()
    });
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{trace_id}-{parent}-01").parse().unwrap(),
    );
    client.segment(request).await.unwrap();

    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::task::spawn_blocking(move || server.wait().unwrap())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0));

    let bodies = bodies.lock().unwrap();
    let exported = bodies
        .iter()
        .find(|b| b.windows(8).any(|w| w == b"otlp-doc"))
        .expect("the call's span was exported (flushed on shutdown)");
    let contains = |needle: &[u8]| exported.windows(needle.len()).any(|w| w == needle);
    assert!(
        contains(&hex(trace_id)),
        "the span is in the caller's trace"
    );
    assert!(contains(&hex(parent)), "its parent is the caller's span");
    assert!(contains(b"rpc") && contains(b"Segment"));
}
