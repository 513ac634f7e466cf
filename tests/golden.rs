//! Golden tests: each `tests/golden/NAME.txt` is analyzed by the real server
//! and the response, as proto3 JSON, must equal `tests/golden/NAME.analyze.json`;
//! each `tests/golden/page/NAME.txt` is extracted with every document feature
//! (page structure, keyphrases, languages) into `NAME.extract.json`.
//! Set `LISAN_UPDATE_GOLDEN=1` to write the expected files after a reviewed change.

mod common;

use std::path::Path;

use common::TestServer;
use lisan::cli::json::to_json;
use lisan::proto::v1 as pb;

/// Which request a golden input goes through.
#[derive(Clone, Copy)]
enum Golden {
    /// Analyze with every feature.
    Analyze,
    /// Extract with every document feature.
    Page,
}

type Client = lisan::proto::v1::text_service_client::TextServiceClient<tonic::transport::Channel>;

/// Sends `input` as `kind` says and compares the JSON with the golden file.
async fn check(client: &mut Client, input: &Path, kind: Golden) {
    let text = std::fs::read_to_string(input).unwrap();
    let document = pb::Document {
        id: input.file_stem().unwrap().to_string_lossy().into_owned(),
        text,
        reference_time: Some(prost_types::Timestamp {
            seconds: 1_721_692_800, // 2024-07-23T00:00:00Z
            nanos: 0,
        }),
        ..Default::default()
    };
    // processing_time is the one field that varies from run to run.
    let (actual, extension) = match kind {
        Golden::Analyze => {
            let request = pb::AnalyzeRequest {
                document: Some(document),
                options: None,
            };
            let mut response = client.analyze(request).await.unwrap().into_inner();
            assert!(response.processing_time.is_some());
            response.processing_time = None;
            (
                to_json(&response, "lisan.v1.AnalyzeResponse"),
                "analyze.json",
            )
        }
        Golden::Page => {
            let request = pb::ExtractRequest {
                document: Some(document),
                document_features: vec![
                    pb::DocumentFeature::PageStructure as i32,
                    pb::DocumentFeature::Keyphrases as i32,
                    pb::DocumentFeature::Languages as i32,
                ],
                max_keyphrases: 5,
                ..Default::default()
            };
            let mut response = client.extract(request).await.unwrap().into_inner();
            assert!(response.processing_time.is_some());
            response.processing_time = None;
            (
                to_json(&response, "lisan.v1.ExtractResponse"),
                "extract.json",
            )
        }
    };
    let actual = actual.unwrap() + "\n";
    let expected_path = input.with_extension(extension);
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
    let inputs = golden_inputs("tests/golden");
    assert!(inputs.len() >= 3, "golden inputs are missing");
    for input in &inputs {
        check(&mut client, input, Golden::Analyze).await;
    }
    server.stop().await;
}

#[tokio::test]
async fn golden_pages() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let inputs = golden_inputs("tests/golden/page");
    assert!(inputs.len() >= 2, "golden pages are missing");
    for input in &inputs {
        check(&mut client, input, Golden::Page).await;
    }
    server.stop().await;
}

/// The `.txt` files of `dir` (relative to the crate), sorted.
fn golden_inputs(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    inputs
}
