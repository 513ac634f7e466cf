//! Golden tests: each `tests/golden/NAME.txt` is analyzed by the real server
//! and the response, as proto3 JSON, must equal `tests/golden/NAME.analyze.json`.
//! Set `LISAN_UPDATE_GOLDEN=1` to write the expected files after a reviewed change.

mod common;

use std::path::Path;

use common::TestServer;
use lisan::cli::json::to_json;
use lisan::proto::v1 as pb;

/// Analyzes `input` with every feature and compares the JSON with `expected`.
async fn check(
    client: &mut lisan::proto::v1::text_service_client::TextServiceClient<
        tonic::transport::Channel,
    >,
    input: &Path,
) {
    let text = std::fs::read_to_string(input).unwrap();
    let request = pb::AnalyzeRequest {
        document: Some(pb::Document {
            id: input.file_stem().unwrap().to_string_lossy().into_owned(),
            text,
            reference_time: Some(prost_types::Timestamp {
                seconds: 1_721_692_800, // 2024-07-23T00:00:00Z
                nanos: 0,
            }),
            ..Default::default()
        }),
        options: None,
    };
    let mut response = client.analyze(request).await.unwrap().into_inner();
    assert!(response.processing_time.is_some());
    // The one field that varies from run to run.
    response.processing_time = None;
    let actual = to_json(&response, "lisan.v1.AnalyzeResponse").unwrap() + "\n";
    let expected_path = input.with_extension("analyze.json");
    if std::env::var_os("LISAN_UPDATE_GOLDEN").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with LISAN_UPDATE_GOLDEN=1",
            expected_path.display()
        )
    });
    assert!(
        actual == expected,
        "{} differs from the golden file:\n{actual}",
        input.display()
    );
}

#[tokio::test]
async fn golden_analyses() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "golden inputs are missing");
    for input in &inputs {
        check(&mut client, input).await;
    }
    server.stop().await;
}
