//! Every core stage and the full Analyze pass, side by side with the memory
//! limit, on the generated mixed corpus (`lisan::core::corpus`: Arabic,
//! English, Persian, Urdu, CJK, emoji; seeded, the same text everywhere).
//!
//! `cargo bench --bench analyze` reports, in one run:
//! - `stages_1MB/*`: MB/s of each stage on a 1 MiB document, beside a byte
//!   copy and a UTF-8 validation of the same input (the limit);
//! - `docs_1KB/*`: documents/s of each stage over 256 documents of 1 KiB
//!   (short documents pay the per-document costs);
//! - `scaling/*`: MB/s of each stage at 1 KiB, 64 KiB, 1 MiB and 10 MiB,
//!   to show the cost is linear.
//!
//! `analyze_served` is what the server does for one Analyze call apart from
//! the transport: validation, the core pass with the default options
//! (normalize NFC, segment with SEARCH forms, extract), the conversion to
//! the proto with offsets, and the response's encoding.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use lisan::core::analyze::{analyze, AnalyzeOptions};
use lisan::core::budget::Budget;
use lisan::core::corpus::{documents, generate, Mix};
use lisan::core::extract::{extract, ExtractOptions, Reference};
use lisan::core::normalize::{normalize, Profile};
use lisan::core::segment::{segment, split_clitics, CliticConvention};
use lisan::proto::v1 as pb;
use lisan::server::convert::Job;
use lisan::server::service::analyze_parts;
use lisan::server::Config;
use prost::Message;

/// A stage: its name and what it does to one text (returning a size, so
/// nothing is optimized away).
type Stage = (&'static str, fn(&str) -> usize);

fn extract_options() -> ExtractOptions {
    ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
        ner_model: None,
    }
}

fn normalize_search(text: &str) -> usize {
    normalize(text, &Profile::Search.options()).text.len()
}

fn segment_tokens(text: &str) -> usize {
    segment(text).tokens.len()
}

fn segment_clitics(text: &str) -> usize {
    let seg = segment(text);
    seg.tokens
        .iter()
        .map(|(t, _)| split_clitics(text, t.span, CliticConvention::Treebank).len())
        .sum()
}

fn extract_entities(text: &str) -> usize {
    extract(text, &extract_options()).entities.len()
}

fn analyze_core(text: &str) -> usize {
    let options = AnalyzeOptions {
        normalize: Some(Profile::Nfc.options()),
        segment: Some(Profile::Search.options()),
        extract: Some(extract_options()),
        ..Default::default()
    };
    analyze(text, &options).token_forms.len()
}

fn analyze_served(text: &str) -> usize {
    let document = pb::Document {
        text: text.to_string(),
        ..Default::default()
    };
    let job = Job::new(analyze_parts(Some(document), None), &Config::default()).expect("valid");
    let analysis = job.run(&Budget::unlimited()).expect("no deadline");
    pb::AnalyzeResponse {
        document_id: String::new(),
        analysis: Some(analysis),
        processing_time: None,
    }
    .encode_to_vec()
    .len()
}

const STAGES: [Stage; 7] = [
    ("limit_utf8_validate", |t| {
        std::str::from_utf8(black_box(t.as_bytes())).map_or(0, str::len)
    }),
    ("normalize_search", normalize_search),
    ("segment", segment_tokens),
    ("segment_clitics", segment_clitics),
    ("extract", extract_entities),
    ("analyze_core", analyze_core),
    ("analyze_served", analyze_served),
];

fn quick<M: criterion::measurement::Measurement>(group: &mut BenchmarkGroup<'_, M>) {
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.sampling_mode(SamplingMode::Flat);
}

fn stages(c: &mut Criterion) {
    let text = generate(1 << 20, 1);
    let mut group = c.benchmark_group("stages_1MB");
    quick(&mut group);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("limit_memcpy", |b| {
        b.iter(|| black_box(text.as_bytes().to_vec()))
    });
    for (name, stage) in STAGES {
        group.bench_function(name, |b| b.iter(|| black_box(stage(&text))));
    }
    group.finish();
}

fn short_documents(c: &mut Criterion) {
    let docs = documents(256, 1024, 1, Mix::Mixed);
    let mut group = c.benchmark_group("docs_1KB");
    quick(&mut group);
    group.throughput(Throughput::Elements(docs.len() as u64));
    for (name, stage) in STAGES {
        group.bench_function(name, |b| {
            b.iter(|| docs.iter().map(|d| stage(black_box(d))).sum::<usize>())
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    quick(&mut group);
    for (size, bytes) in [
        ("1KB", 1 << 10),
        ("64KB", 64 << 10),
        ("1MB", 1 << 20),
        ("10MB", 10 << 20),
    ] {
        let text = generate(bytes, 2);
        group.throughput(Throughput::Bytes(text.len() as u64));
        for (name, stage) in STAGES {
            group.bench_function(format!("{name}/{size}"), |b| {
                b.iter(|| black_box(stage(&text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, stages, short_documents, scaling);
criterion_main!(benches);
