//! The short soak that runs with `cargo test` (the long one is
//! `scripts/soak.sh` on the release build): clients load the real server
//! binary for a few seconds; every request is answered OK, the server's
//! memory stays within 10% of what it was after warm-up and its file
//! descriptors do not grow (both sampled from /proc by `lisan loadtest`).

mod common;

use std::process::Command;

use common::process::ServerProcess;
use serde_json::Value;

/// Seconds of load; the first third is warm-up.
const SECONDS: f64 = 15.0;

#[test]
fn a_short_soak_answers_everything_with_flat_memory_and_descriptors() {
    let server = ServerProcess::start("127.0.0.1:0", &[]);
    let out = Command::new(env!("CARGO_BIN_EXE_lisan"))
        .args(["loadtest", "--remote", &server.url(), "--rpc", "analyze"])
        .args([
            "--concurrency",
            "8",
            "--connections",
            "4",
            "--doc-size",
            "2048",
        ])
        .args([
            "--duration",
            &SECONDS.to_string(),
            "--sample-ms",
            "250",
            "--json",
        ])
        .args(["--server-pid", &server.pid().to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["ok"].as_u64().unwrap() > 0, "{report}");
    assert_eq!(
        report["requests"], report["ok"],
        "every request answered OK"
    );
    assert_eq!(report["errors"], serde_json::json!({}), "no error");
    let samples = report["server"]["samples"].as_array().unwrap();
    let warm = samples
        .iter()
        .find(|s| s["seconds"].as_f64().unwrap() >= SECONDS / 3.0)
        .expect("a sample after warm-up");
    let after_warm_up = samples
        .iter()
        .skip_while(|s| s["seconds"].as_f64().unwrap() < SECONDS / 3.0);
    let peak_rss = after_warm_up
        .clone()
        .map(|s| s["rss_kib"].as_u64().unwrap())
        .max()
        .unwrap();
    let peak_fds = after_warm_up
        .map(|s| s["fds"].as_u64().unwrap())
        .max()
        .unwrap();
    let warm_rss = warm["rss_kib"].as_u64().unwrap();
    assert!(
        peak_rss as f64 <= warm_rss as f64 * 1.10,
        "RSS grew more than 10% after warm-up: {warm_rss} KiB then {peak_rss} KiB"
    );
    assert!(
        peak_fds <= warm["fds"].as_u64().unwrap(),
        "descriptors grew: {} then {peak_fds}",
        warm["fds"]
    );
}
