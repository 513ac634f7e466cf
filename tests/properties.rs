//! Properties of the core that must hold for any input (proptest).

use lisan::core::normalize::{normalize, Profile};
use lisan::core::segment::segment;
use lisan::core::Span;
use proptest::prelude::*;
use unicode_normalization::is_nfc;

/// Strings mixing the characters that stress normalization: Arabic letters
/// and marks, presentation forms, invisible and bidi controls, spaces,
/// combining accents, emoji with ZWJ, digits of several scripts.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ب", "أ", "ا", "ى", "ة", "ؤ", "ی", "ک", "\u{0640}", "\u{064E}", "\u{0651}", "\u{0654}",
        "\u{0670}", "ﻷ", "ﷲ", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{202E}",
        "\u{00AD}", "\u{0007}", "\u{0085}", " ", "\n", "\r\n", "\t", "\u{00A0}", "\u{3000}",
        "\u{2029}", "e", "E", "\u{0301}", "\u{0323}", "ß", "İ", "😀", "👩", "🏽", "\u{FE0F}", "1",
        "٣", "۴", "٫", "٬", "%", ".", "؟", "«", "»", "—", "ܫ", "한", "\u{1100}", "\u{1161}", "ℌ",
        "ﬁ", "Ａ",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(str::to_string),
            any::<char>().prop_map(String::from)
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn profiles_are_idempotent(text in hostile_text()) {
        for profile in Profile::ALL {
            let once = normalize(&text, &profile.options()).text.into_owned();
            let twice = normalize(&once, &profile.options()).text.into_owned();
            prop_assert_eq!(&once, &twice, "{:?} on {:?}", profile, text);
        }
    }

    #[test]
    fn alignment_covers_both_texts_on_char_boundaries(text in hostile_text()) {
        for profile in Profile::ALL {
            let out = normalize(&text, &profile.options());
            let segments = out.alignment.segments();
            let (mut input, mut output) = (0, 0);
            for seg in &segments {
                prop_assert_eq!(seg.input.start, input);
                prop_assert_eq!(seg.output.start, output);
                prop_assert!(text.is_char_boundary(seg.input.end) && out.text.is_char_boundary(seg.output.end));
                if !seg.edited {
                    prop_assert_eq!(seg.input.slice(&text), seg.output.slice(&out.text));
                }
                input = seg.input.end;
                output = seg.output.end;
            }
            if !segments.is_empty() {
                prop_assert_eq!((input, output), (text.len(), out.text.len()));
            }
            let whole = out.alignment.to_input(Span::new(0, out.text.len()));
            prop_assert!(whole.end <= text.len() && text.is_char_boundary(whole.start));
        }
    }

    #[test]
    fn nfc_output_is_nfc(text in hostile_text()) {
        for profile in [Profile::Nfc, Profile::Display] {
            let out = normalize(&text, &profile.options());
            prop_assert!(is_nfc(&out.text), "{:?} left {:?} un-normalized", profile, out.text);
        }
    }

    #[test]
    fn segmentation_spans_are_ordered_and_inside(text in hostile_text()) {
        let seg = segment(&text);
        for spans in [
            seg.paragraphs.clone(),
            seg.sentences.iter().map(|s| s.span).collect::<Vec<_>>(),
            seg.tokens.iter().map(|(t, _)| t.span).collect::<Vec<_>>(),
        ] {
            for s in &spans {
                prop_assert!(s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
        }
    }
}
