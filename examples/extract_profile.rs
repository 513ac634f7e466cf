//! Runs the whole extract pass over the generated corpus many times, for
//! profilers: `cargo run --release --example extract_profile -- 20`.
//! A second argument `rules` asks for the rule-based kinds only (every kind
//! but the named ones), which leaves the named-entity tagger out.

use chrono::NaiveDate;
use lisan::core::corpus::generate;
use lisan::core::extract::{extract, EntityKind, ExtractOptions, Reference};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let kinds = match args.next().as_deref() {
        Some("rules") => EntityKind::ALL
            .into_iter()
            .filter(|k| !k.is_named())
            .collect(),
        _ => Vec::new(),
    };
    let text = generate(5 << 20, 1);
    let options = ExtractOptions {
        kinds,
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
        ner_model: None,
    };
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        total += extract(&text, &options).entities.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "extract: {:.1} MB/s ({total} entities)",
        (text.len() * rounds) as f64 / secs / 1e6
    );
}
