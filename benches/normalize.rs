//! Normalization throughput beside the memory limit, on the generated corpus.
//!
//! `cargo bench --bench normalize` reports MB/s for: a byte copy and a UTF-8
//! validation of the same input (the limit), the NFC profile on text that is
//! already NFC (the quick-check path), SEARCH, SEARCH with the alignment
//! exported, and the ML profile.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lisan::core::corpus::generate;
use lisan::core::normalize::{normalize, Profile};

const CORPUS_BYTES: usize = 5 * 1024 * 1024;

fn normalization(c: &mut Criterion) {
    let raw = generate(CORPUS_BYTES, 1);
    let nfc_text = normalize(&raw, &Profile::Nfc.options()).text.into_owned();
    let mut group = c.benchmark_group("normalize_5MB");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.sample_size(10);
    group.bench_function("limit_memcpy", |b| {
        b.iter(|| black_box(raw.as_bytes().to_vec()))
    });
    group.bench_function("limit_utf8_validate", |b| {
        b.iter(|| black_box(std::str::from_utf8(black_box(raw.as_bytes())).is_ok()))
    });
    let nfc = Profile::Nfc.options();
    group.bench_function("nfc_on_nfc_text", |b| {
        b.iter(|| black_box(normalize(&nfc_text, &nfc).text.len()))
    });
    let search = Profile::Search.options();
    group.bench_function("search", |b| {
        b.iter(|| black_box(normalize(&raw, &search).text.len()))
    });
    group.bench_function("search_with_alignment", |b| {
        b.iter(|| {
            let out = normalize(&raw, &search);
            black_box((out.text.len(), out.alignment.segments().len()))
        })
    });
    let ml = Profile::Ml.options();
    group.bench_function("ml", |b| {
        b.iter(|| black_box(normalize(&raw, &ml).text.len()))
    });
    group.finish();
}

criterion_group!(benches, normalization);
criterion_main!(benches);
