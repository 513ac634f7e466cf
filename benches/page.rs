//! Throughput of this document features on the generated news
//! corpus: the whole extract pass with page structure, keyphrases and
//! languages (what `Extract` does with every document feature), and each
//! feature alone over tokens already computed.
//!
//! `cargo bench --bench page` reports MB/s on 5 MB of the seeded corpus.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lisan::core::analyze::{analyze, AnalyzeOptions, DocumentFeatures};
use lisan::core::corpus::generate;
use lisan::core::extract::{ExtractOptions, Reference};
use lisan::core::keyphrases::keyphrases;
use lisan::core::language::paragraph_languages;
use lisan::core::page::{page, PageHints};
use lisan::core::segment::tokenize;

fn document_features(c: &mut Criterion) {
    let extract = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
        ner_model: None,
    };
    let all = AnalyzeOptions {
        extract: Some(extract.clone()),
        document: DocumentFeatures {
            page: true,
            keyphrases: 10,
            languages: true,
        },
        ..Default::default()
    };
    let entities_only = AnalyzeOptions {
        extract: Some(extract),
        ..Default::default()
    };
    let mut group = c.benchmark_group("page");
    group.sample_size(10);
    let text = generate(5 * 1024 * 1024, 1);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("extract_with_all_features_5MB", |b| {
        b.iter(|| black_box(analyze(&text, &all).keyphrases.map(|k| k.len())))
    });
    group.bench_function("extract_entities_only_5MB", |b| {
        b.iter(|| {
            black_box(
                analyze(&text, &entities_only)
                    .entities
                    .map(|e| e.entities.len()),
            )
        })
    });
    group.bench_function("page_5MB", |b| {
        b.iter(|| black_box(page(&text, PageHints::default()).zones.len()))
    });
    let tokens = tokenize(&text);
    group.bench_function("keyphrases_over_tokens_5MB", |b| {
        b.iter(|| black_box(keyphrases(&text, &tokens, &[], 10).len()))
    });
    group.bench_function("languages_5MB", |b| {
        b.iter(|| black_box(paragraph_languages(&text).1.len()))
    });
    group.finish();
}

criterion_group!(benches, document_features);
criterion_main!(benches);
