//! Table-driven tests of the segmenter.

use super::*;

fn sentences_of(text: &str) -> Vec<&str> {
    segment(text)
        .sentences
        .iter()
        .map(|s| s.span.slice(text))
        .collect()
}

fn tokens_of(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text)
        .iter()
        .map(|t| (t.span.slice(text), t.kind))
        .collect()
}

fn check_sentences(text: &str, expected: &[&str]) {
    assert_eq!(sentences_of(text), expected, "sentences of {text:?}");
}

#[test]
fn terminal_punctuation_of_every_script_ends_sentences() {
    check_sentences("أين أنت؟ أنا هنا.", &["أين أنت؟", "أنا هنا."]);
    check_sentences("یہ ہے۔ وہ ہے۔", &["یہ ہے۔", "وہ ہے۔"]);
    check_sentences("你好。再见！", &["你好。", "再见！"]);
    check_sentences("Really?! Yes... Fine.", &["Really?!", "Yes...", "Fine."]);
    check_sentences(
        "He said \"stop.\" Then left.",
        &["He said \"stop.\"", "Then left."],
    );
    check_sentences("قال «انتهى.» ثم غادر.", &["قال «انتهى.»", "ثم غادر."]);
}

#[test]
fn no_split_on_comma_abbreviations_numbers_and_links() {
    check_sentences("ذهب، ثم عاد، ثم نام.", &["ذهب، ثم عاد، ثم نام."]);
    check_sentences(
        "Dr. Smith met Mr. Jones in the U.S. last week.",
        &["Dr. Smith met Mr. Jones in the U.S. last week."],
    );
    check_sentences(
        "قابل د. أحمد الوزير. ثم عاد.",
        &["قابل د. أحمد الوزير.", "ثم عاد."],
    );
    check_sentences(
        "بلغ النمو 3.5 في المئة و١٢٫٥ أمس.",
        &["بلغ النمو 3.5 في المئة و١٢٫٥ أمس."],
    );
    check_sentences(
        "Visit www.example.com. Then mail a.b@example.org now.",
        &["Visit www.example.com.", "Then mail a.b@example.org now."],
    );
}

#[test]
fn headings_are_sentences_and_hard_wraps_are_not() {
    let text = "عنوان الخبر هنا\nقال المتحدث إن الاجتماع سيعقد في موعده المحدد بعد مشاورات طويلة مع\nجميع الأطراف المعنية.";
    check_sentences(text, &[
        "عنوان الخبر هنا",
        "قال المتحدث إن الاجتماع سيعقد في موعده المحدد بعد مشاورات طويلة مع\nجميع الأطراف المعنية.",
    ]);
    check_sentences(
        "المصدر: الجزيرة\nإقرأ أيضاً:\nخبر آخر.",
        &["المصدر: الجزيرة", "إقرأ أيضاً:", "خبر آخر."],
    );
}

#[test]
fn paragraphs_split_on_blank_lines_and_index_sentences() {
    let text = "  أولى. ثانية.\n \t\nثالثة.\n";
    let seg = segment(text);
    let paragraphs: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
    assert_eq!(paragraphs, ["أولى. ثانية.", "ثالثة."]);
    let owners: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(owners, [0, 0, 1]);
    let last = seg.tokens.last().unwrap();
    assert_eq!(last.1, 2, "the last token belongs to the third sentence");
}

#[test]
fn tokens_keep_numbers_links_and_words_whole() {
    use TokenKind::*;
    assert_eq!(
        tokens_of("-3.5% ١٢٬٥٠٠ 10:30 2024-07-23 23rd"),
        [
            ("-3.5%", Number),
            ("١٢٬٥٠٠", Number),
            ("10:30", Number),
            ("2024-07-23", Number),
            ("23rd", Number),
        ]
    );
    assert_eq!(
        tokens_of("write to info@lisan.dev or @lisan_bot #نص"),
        [
            ("write", Word),
            ("to", Word),
            ("info@lisan.dev", Email),
            ("or", Word),
            ("@lisan_bot", Mention),
            ("#نص", Hashtag),
        ]
    );
    assert_eq!(
        tokens_of("العـــربية مُحَمَّد می‌خواهم"),
        [
            ("العـــربية", Word),
            ("مُحَمَّد", Word),
            ("می\u{200C}خواهم", Word),
        ]
    );
    assert_eq!(
        tokens_of("👩‍👩‍👧 🇸🇾 ok!"),
        [
            ("👩‍👩‍👧", Emoji),
            ("🇸🇾", Emoji),
            ("ok", Word),
            ("!", Punctuation),
        ]
    );
    assert_eq!(
        tokens_of("10-20 $5"),
        [
            ("10", Number),
            ("-", Punctuation),
            ("20", Number),
            ("$", Symbol),
            ("5", Number)
        ]
    );
}

#[test]
fn hostile_inputs_give_sane_spans() {
    for text in [
        "",
        "   ",
        "\n\n\n",
        "....",
        "\u{064E}\u{064E}",
        &"ب".repeat(5000),
        &"\n".repeat(1000),
    ] {
        let seg = segment(text);
        for s in &seg.sentences {
            assert!(s.span.start < s.span.end && s.span.end <= text.len());
        }
        for w in seg.sentences.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "sentences overlap in {text:?}"
            );
        }
    }
}
