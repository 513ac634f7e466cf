//! Arbitrary bytes as an AnalyzeRequest, the way the server receives them:
//! decoded, validated, run. Either a clear error or a result whose spans lie
//! inside the document; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lisan::core::Budget;
use lisan::proto::v1 as pb;
use lisan::server::convert::Job;
use lisan::server::service::analyze_parts;
use lisan::server::Config;
use prost::Message;

fuzz_target!(|data: &[u8]| {
    let Ok(request) = pb::AnalyzeRequest::decode(data) else {
        return;
    };
    let config = Config {
        max_document_bytes: 64 << 10,
        ..Config::default()
    };
    let parts = analyze_parts(request.document, request.options.as_ref());
    let Ok(job) = Job::new(parts, &config) else {
        return;
    };
    let _ = job.run(&Budget::unlimited());
});
