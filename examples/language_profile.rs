//! Runs what a Normalize call adds to the normalization proper (the
//! document's language and its script shares) over many 1 KB Arabic
//! documents, for profilers: `cargo run --release --example language_profile -- 2000`.
//! A second argument `paragraphs` runs the per-paragraph identification
//! instead.

use lisan::core::corpus::{documents, Mix};
use lisan::core::language::{language_and_scripts, paragraph_languages};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let paragraphs = args.next().is_some_and(|a| a == "paragraphs");
    let docs = documents(count, 1024, 1, Mix::Arabic);
    let start = std::time::Instant::now();
    let mut found = 0;
    for doc in &docs {
        if paragraphs {
            found += paragraph_languages(doc).1.len();
        } else {
            let (language, scripts) = language_and_scripts(doc, 4096);
            found += usize::from(language.is_some()) + scripts.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{}: {:.1} MB/s, {:.2} µs per document ({found} found)",
        if paragraphs {
            "paragraph languages"
        } else {
            "language and scripts"
        },
        bytes as f64 / secs / 1e6,
        secs * 1e6 / count as f64,
    );
}
