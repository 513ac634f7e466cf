//! Faults: the server killed and restarted in the middle of a remote batch
//! (nothing lost, nothing twice); a client that stops reading its stream
//! (the server stops reading and working for it, frees its slot and ends
//! the call); SIGTERM under load (the calls in flight complete, exit 0).

mod common;

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::process::{free_port, ServerProcess};
use common::TestServer;
use lisan::proto::v1 as pb;
use lisan::proto::v1::text_service_client::TextServiceClient;
use lisan::server::Config;
use serde_json::Value;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lisan-faults-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn a_batch_survives_its_server_being_killed_and_restarted() {
    let dir = temp_dir("restart");
    let (input, output) = (dir.join("in.jsonl"), dir.join("out.jsonl"));
    let total = 3_000;
    let mut text = String::new();
    for i in 0..total {
        text.push_str(&format!(
            "{{\"id\": \"doc-{i}\", \"text\": \"قال المتحدث إن الاجتماع رقم {i} سيعقد. ثم انتهى.\"}}\n"
        ));
    }
    std::fs::write(&input, text).unwrap();
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let server = ServerProcess::start(&listen, &[]);
    let batch = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .args(["batch", "--input", input.to_str().unwrap()])
        .args(["--output", output.to_str().unwrap()])
        .args([
            "--remote",
            &server.url(),
            "--concurrency",
            "2",
            "--stream-chunk",
            "16",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::fs::metadata(&output).map_or(0, |m| m.len()) < 20_000 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the batch writes"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    server.signal("-KILL");
    drop(server);
    let written_at_kill = std::fs::read_to_string(&output).unwrap().lines().count();
    std::thread::sleep(Duration::from_millis(300));
    let _restarted = ServerProcess::start(&listen, &[]);
    let out = batch.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the batch finishes: {stderr}");
    assert!(
        written_at_kill < total,
        "killed mid-batch ({written_at_kill} written)"
    );
    assert!(
        stderr.contains("re-sending"),
        "the broken streams were re-sent: {stderr}"
    );
    let results = lines(&output);
    assert_eq!(results.len(), total, "one line per document");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, line) in results.iter().enumerate() {
        assert_eq!(line["index"].as_u64(), Some(i as u64), "in order");
        assert_eq!(line["id"], format!("doc-{i}"));
        let sentences = line["analysis"]["segmentation"]["sentences"]
            .as_array()
            .unwrap_or_else(|| panic!("doc-{i} has its analysis: {line}"));
        assert_eq!(sentences.len(), 2, "doc-{i}");
        *seen.entry(line["id"].as_str().unwrap()).or_default() += 1;
    }
    assert!(seen.values().all(|&n| n == 1), "no id twice");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_stops_reading_is_dropped_after_the_send_timeout() {
    let server = TestServer::start(Config {
        max_concurrent_requests: 1,
        max_stream_in_flight: 4,
        stream_send_timeout: Some(Duration::from_millis(300)),
        ..Config::default()
    })
    .await;
    let total = 5_000;
    let pulled = Arc::new(AtomicUsize::new(0));
    let counter = pulled.clone();
    // Each answer is far larger than its request: the transport's windows
    // fill after a few dozen unread answers.
    let text = "قال المتحدث إن الاجتماع سيعقد في 23 يوليو 2024. ".repeat(40);
    let requests = tokio_stream::iter((0..total).map(move |i| {
        counter.fetch_add(1, Ordering::Relaxed);
        pb::AnalyzeStreamRequest {
            document: Some(pb::Document {
                id: format!("doc-{i}"),
                text: text.clone(),
                ..Default::default()
            }),
            options: None,
        }
    }));
    let mut stalled = server.client();
    let mut answers = stalled.analyze_stream(requests).await.unwrap().into_inner();
    // The client reads nothing. Once the send timeout passes, the stream's
    // admission slot is free again (the server admits one call at a time).
    let mut other = TextServiceClient::new(server.channel.clone());
    let started = Instant::now();
    loop {
        let reply = other
            .analyze(pb::AnalyzeRequest {
                document: Some(common::document("نص قصير.")),
                options: None,
            })
            .await;
        match reply {
            Ok(_) => break,
            Err(status) => assert_eq!(status.code(), tonic::Code::ResourceExhausted),
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the stalled stream never gave its slot back"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The server stopped reading the stalled stream: no more requests leave.
    let read_then = pulled.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let read_now = pulled.load(Ordering::Relaxed);
    assert!(
        read_now < total / 2,
        "the server stopped reading ({read_now} sent)"
    );
    assert!(read_now <= read_then + 64, "{read_then} then {read_now}");
    // When the client reads again it gets what was already on its way,
    // then the end of the call: DEADLINE_EXCEEDED, reason CLIENT_NOT_READING.
    let mut answered = 0;
    let status = loop {
        match answers.message().await {
            Ok(Some(answer)) => {
                assert_eq!(answer.index, answered);
                answered += 1;
            }
            Ok(None) => panic!("the stream ended OK after {answered} answers"),
            Err(status) => break status,
        }
    };
    assert_eq!(status.code(), tonic::Code::DeadlineExceeded, "{status:?}");
    assert!(status.message().contains("read no answer"), "{status:?}");
    assert!((answered as usize) < total / 2, "{answered} answered");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_under_load_lets_the_calls_in_flight_complete() {
    let server = ServerProcess::start("127.0.0.1:0", &["--shutdown-grace-seconds", "60"]);
    let channel = tonic::transport::Endpoint::from_shared(server.url())
        .unwrap()
        .connect()
        .await
        .unwrap();
    // Long documents, so that the calls are still running at the signal.
    let text = lisan::core::corpus::generate(400_000, 3);
    let calls: Vec<_> = (0..6)
        .map(|i| {
            let mut client =
                TextServiceClient::new(channel.clone()).max_decoding_message_size(usize::MAX);
            let text = text.clone();
            tokio::spawn(async move {
                client
                    .analyze(pb::AnalyzeRequest {
                        document: Some(pb::Document {
                            id: format!("long-{i}"),
                            text,
                            ..Default::default()
                        }),
                        options: None,
                    })
                    .await
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let signalled = Instant::now();
    server.signal("-TERM");
    for call in calls {
        let response = call.await.unwrap().expect("a call in flight completes");
        let analysis = response.into_inner().analysis.unwrap();
        assert!(analysis.segmentation.unwrap().sentences.len() > 1000);
    }
    let mut server = server;
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "exit 0 after a graceful shutdown");
    assert!(
        signalled.elapsed() < Duration::from_secs(60),
        "within the grace period"
    );
    // Gone: new calls cannot connect.
    let refused = TextServiceClient::connect(server.url()).await;
    assert!(refused.is_err(), "the server no longer listens");
}
