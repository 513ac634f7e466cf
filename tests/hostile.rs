//! Hostile inputs that once made the core slow (quadratic) or wrong. Each is
//! large enough that quadratic work would take minutes; the assertions check
//! the output, and the benchmarks, not a timer, watch the speed.

use lisan::core::input::html::html_to_text;
use lisan::core::normalize::{normalize, Profile};
use lisan::core::segment::{segment, split_clitics, tokenize, CliticConvention, TokenKind};

const REPEAT: usize = 40_000;

#[test]
fn runs_of_separators_tokenize_linearly() {
    for unit in ["1-", "-", "a-", ".", "1.", "a.b@", "@a", "#"] {
        let text = unit.repeat(REPEAT);
        let tokens = tokenize(&text);
        assert!(!tokens.is_empty(), "{unit:?}");
        assert!(tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}

#[test]
fn joiners_before_marks_normalize_linearly() {
    let text = "a\u{200C}\u{0301}".repeat(REPEAT);
    let out = normalize(&text, &Profile::Nfc.options());
    let kept = out.text.matches('\u{200C}').count();
    assert_eq!(
        kept,
        REPEAT - 1,
        "ZWNJ between letters stays (marks are looked through), not the last"
    );
    let spaced = " \u{200C}\u{0301}".repeat(REPEAT);
    let out = normalize(&spaced, &Profile::Nfc.options());
    assert!(
        !out.text.contains('\u{200C}'),
        "a ZWNJ after a space joins nothing"
    );
}

#[test]
fn tatweel_and_spaces_keep_their_spaces_outside_arabic() {
    let search = Profile::Search.options();
    assert_eq!(
        normalize("ـ ـ", &search).text,
        "ـ ـ",
        "tatweel outside Arabic is kept, so is the space"
    );
    let text = "ـ ".repeat(REPEAT);
    let out = normalize(&text, &search);
    assert_eq!(out.text.matches(' ').count(), REPEAT - 1);
    let arabic = format!("ب{}", "ـ ".repeat(REPEAT));
    assert_eq!(normalize(&arabic, &search).text, "ب");
}

#[test]
fn many_skipped_elements_extract_linearly() {
    let html = "<nav></nav>x".repeat(REPEAT);
    assert_eq!(html_to_text(&html).text.len(), REPEAT);
    assert_eq!(
        html_to_text("<p>Hello <svg/> world</p><p>more</p>").text,
        "Hello  world\n\nmore"
    );
}

#[test]
fn urls_with_arabic_hosts_and_upper_case_schemes() {
    for url in ["http://مثال.مصر/ص", "HTTP://عربي.com", "WWW.Example.com"] {
        let tokens = tokenize(url);
        assert_eq!(tokens.len(), 1, "{url}");
        assert_eq!(tokens[0].kind, TokenKind::Url);
    }
}

#[test]
fn a_megabyte_without_spaces_or_punctuation() {
    let text = "ب".repeat(500_000);
    let seg = segment(&text);
    assert_eq!(seg.sentences.len(), 1);
    assert_eq!(seg.tokens.len(), 1);
}

#[test]
fn glued_and_clitic_analysis_of_a_huge_word_stays_linear() {
    // A line that starts with a heading word and then a megabyte-long word
    // that begins and ends like a word with clitics.
    let word = format!("وب{}ها", "كت".repeat(250_000));
    let text = format!("عنوان {word} ثم جملة طويلة بعده.");
    let seg = segment(&text);
    assert!(seg.junctions.is_empty());
    let (long, _) = seg.tokens[1];
    assert_eq!(long.span.slice(&text), word);
    let morphemes = split_clitics(&text, long.span, CliticConvention::Treebank);
    assert_eq!(morphemes.len(), 1, "too long to be a word with clitics");
}

#[test]
fn only_marks_or_punctuation_or_newlines_give_correct_spans() {
    for text in [
        "\u{064E}".repeat(100_000),
        "!?.،؟".repeat(20_000),
        "\n".repeat(1_000_000),
    ] {
        let seg = segment(&text);
        for (token, _) in &seg.tokens {
            assert!(
                text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end)
            );
            let pieces = split_clitics(&text, token.span, CliticConvention::SeparateArticle);
            assert_eq!(pieces.first().unwrap().span.start, token.span.start);
            assert_eq!(pieces.last().unwrap().span.end, token.span.end);
        }
        for pair in seg.sentences.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }
}
