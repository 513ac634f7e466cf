//! Times each document feature once on the generated corpus (for quick
//! checks and profilers), then the extract pass without and with them: `cargo run --release --example page_profile -- 5`.
//!
//! `page_profile MB all N` runs only the extract pass with every feature, N
//! times: run it under callgrind with two values of N and take the
//! difference to count one pass without start-up costs.

use std::time::Instant;

use chrono::NaiveDate;
use lisan::core::analyze::{analyze, AnalyzeOptions, DocumentFeatures};
use lisan::core::corpus::generate;
use lisan::core::extract::{ExtractOptions, Reference};
use lisan::core::keyphrases::keyphrases;
use lisan::core::language::paragraph_languages;
use lisan::core::page::{page, PageHints};
use lisan::core::segment::{find_junctions, tokenize};

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let text = generate(mb * 1024 * 1024, 1);
    if std::env::args().nth(2).as_deref() == Some("all") {
        let rounds: usize = std::env::args()
            .nth(3)
            .and_then(|a| a.parse().ok())
            .unwrap_or(1);
        return every_feature_rounds(&text, rounds);
    }
    let rate = |what: &str, start: Instant| {
        let s = start.elapsed().as_secs_f64();
        println!(
            "{what:12} {:7.1} ms {:6.1} MB/s",
            s * 1e3,
            text.len() as f64 / s / 1e6
        );
    };
    let t = Instant::now();
    let tokens = tokenize(&text);
    rate("tokenize", t);
    let t = Instant::now();
    let junctions = find_junctions(&text, &tokens);
    rate("junctions", t);
    let t = Instant::now();
    let found = page(&text, PageHints::default());
    rate("page", t);
    let t = Instant::now();
    let phrases = keyphrases(&text, &tokens, &[], 10);
    rate("keyphrases", t);
    let t = Instant::now();
    let languages = paragraph_languages(&text);
    rate("languages", t);
    let mut options = extract_options();
    let t = Instant::now();
    let entities = analyze(&text, &options)
        .entities
        .map_or(0, |e| e.entities.len());
    rate("extract", t);
    options.document = every_feature();
    let t = Instant::now();
    let all = analyze(&text, &options).keyphrases.map_or(0, |k| k.len());
    rate("extract+all", t);
    println!("{entities} entities, {all} phrases with every feature");
    println!(
        "{} junctions, {} zones, {} phrases, {} paragraphs",
        junctions.len(),
        found.zones.len(),
        phrases.len(),
        languages.1.len()
    );
}

fn extract_options() -> AnalyzeOptions {
    let extract = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
        ner_model: None,
    };
    AnalyzeOptions {
        extract: Some(extract),
        ..Default::default()
    }
}

fn every_feature() -> DocumentFeatures {
    DocumentFeatures {
        page: true,
        keyphrases: 10,
        languages: true,
    }
}

fn every_feature_rounds(text: &str, rounds: usize) {
    let mut options = extract_options();
    options.document = every_feature();
    for _ in 0..rounds {
        let t = Instant::now();
        let entities = analyze(text, &options)
            .entities
            .map_or(0, |e| e.entities.len());
        let s = t.elapsed().as_secs_f64();
        println!(
            "extract+all {:7.1} ms {:6.1} MB/s, {entities} entities",
            s * 1e3,
            text.len() as f64 / s / 1e6
        );
    }
}
