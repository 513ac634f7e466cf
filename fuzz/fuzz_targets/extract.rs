//! Extraction on arbitrary text: entity spans in bounds, on char boundaries,
//! in order and never overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lisan::core::analyze::{analyze, AnalyzeOptions};
use lisan::core::extract::{ExtractOptions, Reference};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = AnalyzeOptions {
        extract: Some(ExtractOptions {
            kinds: Vec::new(),
            reference: Reference::at_date(chrono::NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()),
            ner_model: None,
        }),
        ..Default::default()
    };
    let entities = analyze(&text, &options).entities.unwrap().entities;
    for e in &entities {
        assert!(e.span.start < e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
    }
    for pair in entities.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "entities never overlap"
        );
    }
});
