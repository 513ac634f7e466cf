//! Segmentation throughput beside the memory limit, on the generated corpus.
//!
//! `cargo bench --bench segment` reports MB/s for: a UTF-8 validation of the
//! same input (the limit), sentences and tokens together (`segment`), and
//! the same with every token's Arabic clitics split; then `segment` on
//! 1 KB, 1 MB and 10 MB documents, to show the cost is linear.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use lisan::core::corpus::generate;
use lisan::core::segment::{segment, split_clitics, CliticConvention};

const CORPUS_BYTES: usize = 5 * 1024 * 1024;

fn segmentation(c: &mut Criterion) {
    let text = generate(CORPUS_BYTES, 1);
    let mut group = c.benchmark_group("segment_5MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("limit_utf8_validate", |b| {
        b.iter(|| black_box(std::str::from_utf8(black_box(text.as_bytes())).is_ok()))
    });
    group.bench_function("sentences_and_tokens", |b| {
        b.iter(|| black_box(segment(&text).tokens.len()))
    });
    group.bench_function("with_clitics", |b| {
        b.iter(|| {
            let seg = segment(&text);
            let morphemes: usize = seg
                .tokens
                .iter()
                .map(|(t, _)| split_clitics(&text, t.span, CliticConvention::Treebank).len())
                .sum();
            black_box(morphemes)
        })
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment_scaling");
    group.sample_size(10);
    for (name, bytes) in [("1KB", 1024), ("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let text = generate(bytes, 2);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(segment(&text).tokens.len())));
    }
    group.finish();
}

criterion_group!(benches, segmentation, scaling);
criterion_main!(benches);
