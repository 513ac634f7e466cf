//! `lisan batch`: JSONL, directories and stdin in; one line per document out,
//! in order; local and remote (AnalyzeStream over two servers) agree; a run
//! killed midway resumes without loss or duplicates.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{counter, TestServer};
use lisan::server::Config;
use serde_json::Value;

fn lisan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lisan"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lisan-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn batch(args: &[&str], stdin: &str) {
    let mut child = lisan()
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
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
        "batch {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "quiet when not on a terminal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn sentences(line: &Value) -> Vec<String> {
    line["analysis"]["segmentation"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

const INPUT: &str = concat!(
    r#"{"id": "a", "text": "أهلاً. كيف الحال؟"}"#,
    "\n",
    "{broken\n",
    "\n",
    r#"{"id": "c", "lang": "x"}"#,
    "\n",
    r#"{"id": "d", "text": "في 23 يوليو 2024 وصلنا.", "language": "ar"}"#,
    "\n",
);

fn check_input_results(out: &[Value]) {
    let ids: Vec<_> = out.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "2", "c", "d"], "one line per input, in order");
    assert_eq!(sentences(&out[0]), ["أهلاً.", "كيف الحال؟"]);
    assert_eq!(out[1]["error"]["code"], "INVALID_ARGUMENT");
    assert!(out[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("text"));
    let entities = out[3]["analysis"]["extraction"]["entities"]
        .as_array()
        .unwrap();
    assert!(entities
        .iter()
        .any(|e| e["date"]["value"] == "2024-07-23" || e.to_string().contains("2024-07-23")));
    for (index, line) in out.iter().enumerate() {
        assert_eq!(line["index"], index as u64);
    }
}

#[test]
fn jsonl_from_a_file_and_from_stdin_give_one_line_per_input_in_order() {
    let dir = temp_dir("jsonl");
    let (input, output) = (dir.join("in.jsonl"), dir.join("out.jsonl"));
    std::fs::write(&input, INPUT).unwrap();
    batch(
        &[
            "--input",
            input.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
        ],
        "",
    );
    check_input_results(&lines(&output));

    let piped = dir.join("piped.jsonl");
    batch(
        &["--output", piped.to_str().unwrap(), "--concurrency", "3"],
        INPUT,
    );
    check_input_results(&lines(&piped));
}

#[test]
fn each_line_carries_its_own_reference_time_and_time_zone() {
    let dir = temp_dir("reference");
    let output = dir.join("out.jsonl");
    let input = concat!(
        r#"{"id": "riyadh", "text": "وصل الوفد أمس الساعة 5 مساء", "reference_time": "2024-07-23T10:00:00+03:00", "time_zone": "Asia/Riyadh"}"#,
        "\n",
        r#"{"id": "camel", "text": "وصل الوفد أمس", "referenceTime": "2020-01-01T12:00:00Z"}"#,
        "\n",
        r#"{"id": "bad", "text": "أمس", "reference_time": "yesterday"}"#,
        "\n",
    );
    batch(&["--output", output.to_str().unwrap()], input);
    let out = lines(&output);
    let dates = |line: &Value| -> Vec<String> {
        line["analysis"]["extraction"]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "ENTITY_TYPE_DATE_TIME")
            .map(|e| e["dateTime"]["value"].as_str().unwrap().to_string())
            .collect()
    };
    // The day before the line's own reference, at 17:00 in its zone.
    assert_eq!(dates(&out[0]), ["2024-07-22T17:00:00+03:00"], "{}", out[0]);
    assert_eq!(
        out[0]["analysis"]["extraction"]["referenceTimeSource"],
        "REFERENCE_TIME_SOURCE_REQUEST"
    );
    assert_eq!(dates(&out[1]), ["2019-12-31"], "{}", out[1]);
    // A malformed time fails its line, named, and the run goes on.
    assert_eq!(out[2]["id"], "bad");
    assert_eq!(out[2]["error"]["code"], "INVALID_ARGUMENT", "{}", out[2]);
    assert!(out[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("reference_time"));
}

#[test]
fn a_directory_of_text_files_is_one_document_per_file() {
    let dir = temp_dir("dir");
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("b.txt"), "ثانية. ثالثة.").unwrap();
    std::fs::write(docs.join("a.txt"), "أولى.").unwrap();
    let output = dir.join("out.jsonl");
    batch(
        &[
            "--input",
            docs.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
        ],
        "",
    );
    let out = lines(&output);
    assert_eq!(out.len(), 2);
    assert_eq!(
        (out[0]["id"].as_str(), sentences(&out[0])),
        (Some("a.txt"), vec!["أولى.".to_string()])
    );
    assert_eq!(sentences(&out[1]), ["ثانية.", "ثالثة."]);
}

#[tokio::test(flavor = "multi_thread")]
async fn remote_over_two_servers_matches_local() {
    let (config_a, config_b) = (Config::default(), Config::default());
    let a = TestServer::start(config_a.clone()).await;
    let b = TestServer::start(config_b.clone()).await;
    let dir = temp_dir("remote");
    let input = dir.join("in.jsonl");
    let mut text = INPUT.to_string();
    for i in 0..400 {
        text.push_str(&format!(
            "{{\"id\": \"n{i}\", \"text\": \"الجملة رقم {i}. وبعدها أخرى.\"}}\n"
        ));
    }
    std::fs::write(&input, &text).unwrap();
    let (local, remote) = (dir.join("local.jsonl"), dir.join("remote.jsonl"));
    let remotes = format!("http://{},http://{}", a.addr, b.addr);
    let args = |out: &Path| {
        vec![
            "--input".to_string(),
            input.to_str().unwrap().into(),
            "--output".into(),
            out.to_str().unwrap().into(),
        ]
    };
    let local_args = args(&local);
    let mut remote_args = args(&remote);
    remote_args.extend([
        "--remote".into(),
        remotes,
        "--concurrency".into(),
        "4".into(),
        "--stream-chunk".into(),
        "4".into(),
    ]);
    tokio::task::spawn_blocking(move || {
        batch(
            &local_args.iter().map(String::as_str).collect::<Vec<_>>(),
            "",
        );
        batch(
            &remote_args.iter().map(String::as_str).collect::<Vec<_>>(),
            "",
        );
    })
    .await
    .unwrap();
    let (local, remote) = (lines(&local), lines(&remote));
    check_input_results(&remote[..4]);
    assert_eq!(remote.len(), 404);
    for (l, r) in local.iter().zip(&remote) {
        assert_eq!(l["id"], r["id"]);
        assert_eq!(l["error"]["code"], r["error"]["code"]);
        assert_eq!(l["analysis"]["segmentation"], r["analysis"]["segmentation"]);
        assert_eq!(
            l["analysis"]["extraction"]["entities"],
            r["analysis"]["extraction"]["entities"]
        );
    }
    // 101 streams of 4 documents; a server counts a stream once it has
    // sent its end, which may be just after the client saw it.
    let streams = || {
        (
            counter(&config_a, "lisan_requests_total", "AnalyzeStream"),
            counter(&config_b, "lisan_requests_total", "AnalyzeStream"),
        )
    };
    for _ in 0..100 {
        if streams().0 + streams().1 == 101 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (streams_a, streams_b) = streams();
    assert_eq!(streams_a + streams_b, 101);
    assert!(
        streams_a > 0 && streams_b > 0,
        "both servers got streams: {streams_a}, {streams_b}"
    );
    a.stop().await;
    b.stop().await;
}

#[test]
fn a_run_killed_midway_resumes_without_loss_or_duplicates() {
    let dir = temp_dir("resume");
    let (input, output) = (dir.join("in.jsonl"), dir.join("out.jsonl"));
    let total = 4_000;
    let mut text = String::new();
    for i in 0..total {
        text.push_str(&format!(
            "{{\"id\": \"doc-{i}\", \"text\": \"في {i} يوليو قال المتحدث: نص رقم {i}. انتهى.\"}}\n"
        ));
    }
    std::fs::write(&input, text).unwrap();
    let args = [
        "batch",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--concurrency",
        "1",
    ];
    let mut run = lisan().args(args).stderr(Stdio::null()).spawn().unwrap();
    let started = Instant::now();
    while std::fs::metadata(&output).map_or(0, |m| m.len()) < 50_000 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the batch writes its output"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    run.kill().unwrap();
    run.wait().unwrap();
    let written = std::fs::read_to_string(&output).unwrap().lines().count();
    assert!(
        written > 0 && written < total,
        "killed midway: {written} of {total} lines"
    );

    let status = lisan()
        .args(args)
        .arg("--resume")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in lines(&output) {
        assert!(line["analysis"].is_object(), "{line}");
        *seen
            .entry(line["id"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(seen.len(), total, "every id is there");
    assert!(seen.values().all(|&n| n == 1), "no id twice");
}

#[test]
fn on_a_terminal_a_progress_bar_shows_rates() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipping: no `script` (util-linux) to give the batch a terminal");
        return;
    }
    let dir = temp_dir("tty");
    let (input, output) = (dir.join("in.jsonl"), dir.join("out.jsonl"));
    std::fs::write(&input, INPUT).unwrap();
    let command = format!(
        "{} batch --input {} --output {}",
        env!("CARGO_BIN_EXE_lisan"),
        input.display(),
        output.display()
    );
    let run = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let screen = String::from_utf8_lossy(&run.stdout);
    assert!(
        screen.contains("4 documents") && screen.contains("documents/s") && screen.contains("MB/s"),
        "{screen}"
    );
    assert_eq!(lines(&output).len(), 4);
}

/// Three sentences of CoNLL written for this test: a model trained on them
/// knows only these names.
const TINY_CONLL: &str = "زار B-PERS\nسمير I-PERS\nمدينة O\nحلب B-LOC\n\n\
التقى O\nسمير B-PERS\nبوفد O\nمن O\nحلب B-LOC\n\n\
وصل O\nكريم B-PERS\nإلى O\nحمص B-LOC\n";

#[test]
fn a_ner_model_file_tags_the_batch_and_a_corrupt_one_is_refused_before_any_output() {
    let dir = temp_dir("ner-model");
    let corrupt = dir.join("corrupt.model");
    // The shipped model's header (magic and versions), then garbage: only
    // the checksum can refuse it.
    let shipped = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ner_ar.model")).unwrap();
    let mut bytes = shipped[..12].to_vec();
    bytes.extend_from_slice(b"garbage");
    std::fs::write(&corrupt, bytes).unwrap();
    let output = dir.join("refused.jsonl");
    let run = lisan()
        .args(["batch", "--output"])
        .arg(&output)
        .arg("--ner-model")
        .arg(&corrupt)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("--ner-model") && stderr.contains("checksum"),
        "{stderr}"
    );
    assert!(!output.exists(), "nothing written for a refused model");

    let conll = dir.join("tiny.conll");
    std::fs::write(&conll, TINY_CONLL).unwrap();
    let model = dir.join("tiny.model");
    let trained = lisan()
        .args([
            "train",
            "ner",
            "--epochs",
            "5",
            "--min-count",
            "1",
            "--train",
        ])
        .arg(&conll)
        .arg("--out")
        .arg(&model)
        .output()
        .unwrap();
    assert!(
        trained.status.success(),
        "{}",
        String::from_utf8_lossy(&trained.stderr)
    );
    let text = "وصل سمير إلى حلب ثم زار كريم مدينة حمص";
    let output = dir.join("tagged.jsonl");
    batch(
        &[
            "--output",
            output.to_str().unwrap(),
            "--ner-model",
            model.to_str().unwrap(),
        ],
        &format!("{}\n", serde_json::json!({"id": "n", "text": text})),
    );
    let batch_names = &lines(&output)[0]["analysis"]["extraction"]["namedEntities"];
    let extract = lisan()
        .args(["extract", "--ner-model"])
        .arg(&model)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let extract: Value = serde_json::from_slice(&extract.stdout).unwrap();
    assert!(
        batch_names.as_array().is_some_and(|n| !n.is_empty()),
        "the model finds names: {batch_names}"
    );
    let names = |found: &Value| -> Vec<(String, String, String)> {
        let list = found.as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|n| {
                let text = |k: &str| n[k].to_string();
                (text("name"), text("type"), text("mentions"))
            })
            .collect()
    };
    assert_eq!(
        names(batch_names),
        names(&extract["namedEntities"]),
        "the same model tags the same names in batch and extract"
    );

    let remote = lisan()
        .args(["batch", "--remote", "http://127.0.0.1:1", "--output"])
        .arg(dir.join("remote.jsonl"))
        .arg("--ner-model")
        .arg(&model)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!remote.status.success());
    assert!(
        String::from_utf8_lossy(&remote.stderr).contains("servers, which use their own"),
        "{}",
        String::from_utf8_lossy(&remote.stderr)
    );
}
