//! Extraction throughput on the generated news corpus.
//!
//! `cargo bench --bench extract` reports MB/s for the whole extract pass
//! (tokenizing included) on 5 MB and on 10 MB of the seeded corpus (the two
//! figures show whether the pass is linear in size), the tokenizer alone (the
//! floor), extraction over tokens already computed, and the pass with the
//! rule-based kinds only (every kind but the named ones: no tagger, the
//! scope of the 20 MB/s target of issue 5); then the named-entity tagger
//! alone over tokens, and its model's loading.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lisan::core::corpus::generate;
use lisan::core::extract::{extract, extract_from_tokens, EntityKind, ExtractOptions, Reference};
use lisan::core::ner::{recognize, Model};
use lisan::core::segment::tokenize;

fn extraction(c: &mut Criterion) {
    let options = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
        ner_model: None,
    };
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for mb in [5, 10] {
        let text = generate(mb * 1024 * 1024, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("whole_pass_{mb}MB"), |b| {
            b.iter(|| black_box(extract(&text, &options).entities.len()))
        });
        if mb == 5 {
            group.bench_function("limit_tokenize_5MB", |b| {
                b.iter(|| black_box(tokenize(&text).len()))
            });
            let tokens = tokenize(&text);
            group.bench_function("over_tokens_5MB", |b| {
                b.iter(|| black_box(extract_from_tokens(&text, &tokens, &options).entities.len()))
            });
            let rules = ExtractOptions {
                kinds: EntityKind::ALL
                    .into_iter()
                    .filter(|k| !k.is_named())
                    .collect(),
                ..options.clone()
            };
            group.bench_function("rules_pass_5MB", |b| {
                b.iter(|| black_box(extract(&text, &rules).entities.len()))
            });
        }
    }
    group.finish();
}

fn named_entities(c: &mut Criterion) {
    let model = Model::embedded();
    let bytes = model.to_bytes();
    let mut group = c.benchmark_group("ner");
    group.sample_size(10);
    let text = generate(2 * 1024 * 1024, 2);
    let tokens = tokenize(&text);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tagger_over_tokens_2MB", |b| {
        b.iter(|| black_box(recognize(&text, &tokens, &model).mentions.len()))
    });
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("model_load", |b| {
        b.iter(|| black_box(Model::from_bytes(&bytes).map(|m| m.n_features())))
    });
    group.finish();
}

criterion_group!(benches, extraction, named_entities);
criterion_main!(benches);
