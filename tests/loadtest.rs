//! `lisan loadtest` against the real server on port 0 (and its echo mode):
//! the report's counts add up, nothing fails, the server's memory is read
//! from /proc; a non-loopback server is refused without --allow-remote.

mod common;

use std::process::Command;

use common::TestServer;
use lisan::server::Config;
use serde_json::Value;

/// Runs `lisan loadtest --json` with `args` and returns its report.
fn loadtest<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .arg("loadtest")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "loadtest: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// The report of a run with no error: every request counted once, OK.
fn check_clean(report: &Value, rpc: &str) {
    assert_eq!(report["rpc"], rpc);
    let requests = report["requests"].as_u64().unwrap();
    let ok = report["ok"].as_u64().unwrap();
    let errors: u64 = report["errors"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert!(requests > 0, "some requests were sent: {report}");
    assert_eq!(
        requests,
        ok + errors,
        "every request counted once: {report}"
    );
    assert_eq!(errors, 0, "no errors: {report}");
    let seconds = report["seconds"].as_f64().unwrap();
    let rps = report["requests_per_second"].as_f64().unwrap();
    assert!((rps * seconds - ok as f64).abs() < 1.0, "{report}");
    let mbps = report["megabytes_per_second"].as_f64().unwrap();
    let doc_bytes = report["doc_bytes"].as_f64().unwrap();
    assert!(
        mbps > 0.0 && mbps * 1e6 <= rps * doc_bytes * 1.0001,
        "{report}"
    );
    let l = &report["latency_ms"];
    let order = ["p50", "p90", "p99", "p99.9", "max"].map(|p| l[p].as_f64().unwrap());
    assert!(order[0] > 0.0, "{report}");
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "percentiles ordered: {l}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_brief_load_on_the_real_server_is_reported_whole() {
    let config = Config::default();
    let server = TestServer::start(config.clone()).await;
    let remote = format!("http://{}", server.addr);
    let pid = std::process::id().to_string();
    let args = [
        "--remote",
        &remote,
        "--rpc",
        "analyze",
        "--concurrency",
        "4",
        "--duration",
        "1.5",
        "--doc-size",
        "1024",
        "--server-pid",
        &pid,
        "--sample-ms",
        "200",
    ]
    .map(String::from);
    let report = tokio::task::spawn_blocking(move || loadtest(&args))
        .await
        .unwrap();
    check_clean(&report, "Analyze");
    let server_figures = &report["server"];
    assert_eq!(
        server_figures["pid"].as_u64(),
        Some(u64::from(std::process::id()))
    );
    assert!(
        server_figures["rss_kib_peak"].as_u64().unwrap() > 1000,
        "{server_figures}"
    );
    assert!(server_figures["fds_end"].as_u64().unwrap() >= 3);
    assert!(server_figures["samples"].as_array().unwrap().len() >= 2);
    // What the load tool counted is what the server counted.
    let served = common::counter(&config, "lisan_requests_total", "method=\"Analyze\"");
    assert_eq!(served, report["requests"].as_u64().unwrap());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_echo_server_answers_every_rpc_without_processing() {
    let server = TestServer::start(Config {
        echo: true,
        ..Config::default()
    })
    .await;
    let remote = format!("http://{}", server.addr);
    for rpc in ["normalize", "segment", "extract", "analyze"] {
        let args = [
            "--remote",
            &remote,
            "--rpc",
            rpc,
            "--concurrency",
            "2",
            "--max-requests",
            "50",
            "--duration",
            "30",
        ]
        .map(String::from);
        let report = tokio::task::spawn_blocking(move || loadtest(&args))
            .await
            .unwrap();
        let name = format!("{}{}", rpc[..1].to_uppercase(), &rpc[1..]);
        check_clean(&report, &name);
        assert_eq!(report["requests"], 50, "--max-requests bounds the run");
    }
    // Echo means echo: the normalized text is the input, untouched.
    let mut client = server.client();
    let text = "مُحَمَّد إلى المدرسة";
    let response = client
        .normalize(lisan::proto::v1::NormalizeRequest {
            document: Some(common::document(text)),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.text, text);
    server.stop().await;
}

#[test]
fn a_server_off_the_loopback_is_refused_without_allow_remote() {
    let out = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .args([
            "loadtest",
            "--remote",
            "http://192.0.2.1:50051",
            "--duration",
            "1",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-remote"), "{stderr}");
    let out = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .args(["loadtest", "--concurrency", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a zero concurrency is refused");
}
