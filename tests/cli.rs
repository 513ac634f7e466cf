//! The `lisan` binary: local commands print proto3 JSON; `serve` runs a real
//! server that `--remote` commands reach, and SIGTERM stops it with exit 0.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::process::ServerProcess;

fn lisan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lisan"))
}

/// Runs `lisan args...` with `stdin` and parses its JSON output.
fn run_json(args: &[&str], stdin: &str) -> serde_json::Value {
    let mut child = lisan()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "lisan {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn local_commands_print_proto3_json() {
    let normalized = run_json(&["normalize", "--profile", "search", "-"], "مُحَمَّد ٣");
    assert_eq!(normalized["text"], "محمد 3");
    let first = &normalized["alignment"][0];
    assert_eq!(
        (&first["input"]["end"], &first["output"]["end"]),
        (&4.into(), &2.into()),
        "م + damma became م"
    );
    assert_eq!(first["edited"], true);

    let segmented = run_json(
        &["segment", "--offset-unit", "codepoint", "-"],
        "جملة. وأخرى؟",
    );
    assert_eq!(segmented["sentences"][1]["text"], "وأخرى؟");
    assert_eq!(segmented["sentences"][1]["span"]["start"], 6);
    assert_eq!(segmented["tokens"][0]["kind"], "TOKEN_KIND_WORD");

    let extracted = run_json(&["extract", "-"], "في 23 يوليو 2024");
    assert_eq!(extracted["entities"][0]["dateTime"]["value"], "2024-07-23");
    assert_eq!(extracted["entities"][0]["type"], "ENTITY_TYPE_DATE_TIME");

    let analyzed = run_json(&["analyze", "--id", "x1", "-"], "نص.");
    assert_eq!(analyzed["documentId"], "x1");

    let info = run_json(&["info"], "");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let out = lisan()
        .args(["normalize", "--offset-unit", "bytes", "-"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("offset-unit"));
    let out = lisan()
        .args(["segment", "/no/such/file.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[cfg(unix)]
#[test]
fn serve_answers_remote_commands_and_exits_cleanly_on_sigterm() {
    let mut server = ServerProcess::start("127.0.0.1:0", &[]);
    let remote = server.url();
    let reply = run_json(&["segment", "--remote", &remote, "-"], "أولى. ثانية.");
    assert_eq!(reply["sentences"].as_array().unwrap().len(), 2);
    let info = run_json(&["info", "--remote", &remote], "");
    assert!(
        info["limits"]["maxDocumentBytes"].is_string(),
        "uint64 is a JSON string in proto3"
    );

    server.signal("-TERM");
    let status = server.child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "SIGTERM ends the server with exit code 0"
    );
}

/// The value of `key` in the `fields` of the first JSON log line whose
/// message is `message`.
fn json_log_field(stderr: &mut impl BufRead, message: &str, key: &str) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "no {message:?} log line"
        );
        let entry: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("not JSON: {line}"));
        if entry["fields"]["message"] == message {
            return entry["fields"][key].as_str().unwrap().to_string();
        }
    }
}

#[cfg(unix)]
#[test]
fn serve_flags_reach_the_server_metrics_and_json_logs() {
    let mut server = lisan()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--metrics-listen",
            "127.0.0.1:0",
            "--log-format",
            "json",
            "--max-concurrent-requests",
            "7",
        ])
        .env("LISAN_REQUEST_TIMEOUT_MS", "1500")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let metrics = json_log_field(&mut stderr, "metrics at /metrics", "address");
    let addr = json_log_field(&mut stderr, "lisan serving", "address");
    let info = run_json(&["info", "--remote", &format!("http://{addr}")], "");
    assert_eq!(info["limits"]["maxConcurrentRequests"], 7);
    assert_eq!(info["limits"]["requestTimeout"], "1.500s");

    let mut scrape = std::net::TcpStream::connect(&metrics).unwrap();
    scrape
        .write_all(b"GET /metrics HTTP/1.1\r\nhost: lisan\r\n\r\n")
        .unwrap();
    let mut body = String::new();
    std::io::Read::read_to_string(&mut scrape, &mut body).unwrap();
    assert!(
        body.contains("lisan_requests_total{method=\"GetServiceInfo\",code=\"OK\"} 1"),
        "{body}"
    );
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    assert_eq!(server.wait().unwrap().code(), Some(0));
}

#[test]
fn unreadable_security_files_stop_serve_with_the_flag_named() {
    for (flag, extra) in [
        ("--auth-token-file", vec![]),
        ("--tls-cert", vec!["--tls-key", "/no/such/key.pem"]),
    ] {
        let out = lisan()
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                flag,
                "/no/such/file.pem",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(flag), "{stderr}");
    }
}

#[test]
fn info_publishes_the_descriptor_set() {
    use prost::Message;
    let path = std::env::temp_dir().join(format!("lisan-fds-{}.binpb", std::process::id()));
    let status = lisan()
        .args(["info", "--descriptor-set", path.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let set = prost_types::FileDescriptorSet::decode(std::fs::read(&path).unwrap().as_slice())
        .expect("a FileDescriptorSet");
    let lisan = set
        .file
        .iter()
        .find(|f| f.package() == "lisan.v1")
        .expect("lisan.v1 is in it");
    assert_eq!(lisan.service[0].name(), "TextService");
    assert!(
        set.file
            .iter()
            .any(|f| f.name() == "google/rpc/status.proto"),
        "with its imports"
    );
    let _ = std::fs::remove_file(path);
}
