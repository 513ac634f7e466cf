//! The full Analyze pass (every step, clitics on) on arbitrary text: one
//! result per token, spans sound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lisan::core::analyze::{analyze, AnalyzeOptions};
use lisan::core::extract::{ExtractOptions, Reference};
use lisan::core::normalize::Profile;
use lisan::core::segment::CliticConvention;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = AnalyzeOptions {
        normalize: Some(Profile::Search.options()),
        segment: Some(Profile::Ml.options()),
        extract: Some(ExtractOptions {
            kinds: Vec::new(),
            reference: Reference::at_date(chrono::NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()),
            ner_model: None,
        }),
        clitics: Some(CliticConvention::SeparateArticle),
        language_hint: None,
        ..Default::default()
    };
    let analysis = analyze(&text, &options);
    let seg = analysis.segmentation.as_ref().unwrap();
    assert_eq!(analysis.token_forms.len(), seg.tokens.len());
    assert_eq!(analysis.token_morphemes.len(), seg.tokens.len());
    assert_eq!(analysis.token_languages.len(), seg.tokens.len());
    for (t, _) in &seg.tokens {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
});
