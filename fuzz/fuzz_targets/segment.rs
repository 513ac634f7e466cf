//! Segmentation at every level on arbitrary text: spans on char boundaries,
//! paragraphs, sentences and tokens ordered and not overlapping, every token
//! inside its sentence, morphemes covering their token.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lisan::core::segment::{segment, split_clitics, CliticConvention};
use lisan::core::Span;

fn sound(text: &str, span: Span) {
    assert!(span.start <= span.end && span.end <= text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = segment(&text);
    for list in [
        seg.paragraphs.clone(),
        seg.sentences.iter().map(|s| s.span).collect(),
        seg.tokens.iter().map(|(t, _)| t.span).collect(),
    ] {
        for span in &list {
            sound(&text, *span);
        }
        for pair in list.windows(2) {
            assert!(pair[0].end <= pair[1].start, "ordered, not overlapping");
        }
    }
    for (token, sentence) in &seg.tokens {
        let s = seg.sentences[*sentence].span;
        assert!(
            s.start <= token.span.start && token.span.end <= s.end,
            "token inside its sentence"
        );
        for convention in [
            CliticConvention::Treebank,
            CliticConvention::SeparateArticle,
        ] {
            let morphemes = split_clitics(&text, token.span, convention);
            assert_eq!(morphemes.first().unwrap().span.start, token.span.start);
            assert_eq!(morphemes.last().unwrap().span.end, token.span.end);
            for pair in morphemes.windows(2) {
                assert_eq!(
                    pair[0].span.end, pair[1].span.start,
                    "morphemes tile the token"
                );
            }
        }
    }
    for s in &seg.sentences {
        assert!((0.0..=1.0).contains(&s.confidence));
    }
});
