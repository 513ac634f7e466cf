//! Runs the whole extract pass over the generated corpus many times, for
//! profilers: `cargo run --release --example extract_profile -- 20`.

use chrono::NaiveDate;
use lisan::core::corpus::generate;
use lisan::core::extract::{extract, ExtractOptions, Reference};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let text = generate(5 << 20, 1);
    let options = ExtractOptions {
        kinds: Vec::new(),
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
