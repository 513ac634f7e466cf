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
        "He paid Rs. 20 for it. Then he left.",
        &["He paid Rs. 20 for it.", "Then he left."],
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
    // Digits alone after `#` are no tag: a rank, a character reference.
    assert_eq!(
        tokens_of("issue #1 #غزة2024"),
        [
            ("issue", Word),
            ("#", Punctuation),
            ("1", Number),
            ("#غزة2024", Hashtag),
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

/// A narrow no-break space, which French typography puts between groups of
/// thousands, separates numbers and loses none of them (UAX #29 joins it to
/// the digits after it, as it joins `_`).
#[test]
fn digits_after_a_narrow_no_break_space_are_kept() {
    use TokenKind::*;
    assert_eq!(
        tokens_of("1\u{202f}250,50 \u{202f}km"),
        [("1", Number), ("250,50", Number), ("km", Word)]
    );
}

/// Scraped Arabic text often loses the space between a word and a number:
/// an Arabic word never holds digits, so they are cut apart there; Latin
/// words keep theirs, and a number that starts with its separator stays one.
#[test]
fn digits_glued_to_arabic_letters_are_a_number_of_their_own() {
    use TokenKind::*;
    assert_eq!(
        tokens_of("عام2022 الساعة10:30 يوليو2024م الـ24 وبـ2.5 عام٢٠٢٢ عام١٤٤٥هـ كوفيد19"),
        [
            ("عام", Word),
            ("2022", Number),
            ("الساعة", Word),
            ("10:30", Number),
            ("يوليو", Word),
            ("2024", Number),
            ("م", Word),
            ("الـ", Word),
            ("24", Number),
            ("وبـ", Word),
            ("2.5", Number),
            ("عام", Word),
            ("٢٠٢٢", Number),
            ("عام", Word),
            ("١٤٤٥", Number),
            ("هـ", Word),
            ("كوفيد", Word),
            ("19", Number),
        ]
    );
    assert_eq!(
        tokens_of("COVID19 H1N1 mp3 ٫٧٧"),
        [
            ("COVID19", Word),
            ("H1N1", Word),
            ("mp3", Word),
            ("٫٧٧", Word),
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

/// Cases of `tests/clitics.tsv`: word, convention, expected morphemes.
const CLITIC_CASES: &str = include_str!("../../../tests/clitics.tsv");

#[test]
fn clitics_split_as_the_table_says() {
    let mut failures = Vec::new();
    for line in CLITIC_CASES.lines().filter(|l| !l.starts_with('#')) {
        let [word, convention, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("bad row {line:?}");
        };
        let convention = match convention {
            "treebank" => CliticConvention::Treebank,
            "separate" => CliticConvention::SeparateArticle,
            other => panic!("unknown convention {other:?}"),
        };
        let got: Vec<&str> = split_clitics(word, Span::new(0, word.len()), convention)
            .iter()
            .map(|m| m.span.slice(word))
            .collect();
        if got.join("|") != expected {
            failures.push(format!(
                "{word} ({convention:?}): got {got:?}, want {expected}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn morphemes_carry_roles_and_forms() {
    let word = "وللحكومة";
    let morphemes = split_clitics(word, Span::new(0, word.len()), CliticConvention::Treebank);
    let got: Vec<(&str, MorphemeRole)> = morphemes
        .iter()
        .map(|m| (m.form.as_str(), m.role))
        .collect();
    assert_eq!(
        got,
        [
            ("و", MorphemeRole::Proclitic),
            ("ل", MorphemeRole::Proclitic),
            ("الحكومة", MorphemeRole::Stem),
        ],
        "the article hidden in لل comes back in the stem's form"
    );
    let word = "خطتها";
    let forms: Vec<String> =
        split_clitics(word, Span::new(0, word.len()), CliticConvention::Treebank)
            .into_iter()
            .map(|m| m.form)
            .collect();
    assert_eq!(forms, ["خطة", "ها"], "the stem is spelled as it is alone");
    let word = "كتابهم";
    let roles: Vec<MorphemeRole> =
        split_clitics(word, Span::new(0, word.len()), CliticConvention::Treebank)
            .iter()
            .map(|m| m.role)
            .collect();
    assert_eq!(roles, [MorphemeRole::Stem, MorphemeRole::Enclitic]);
}

#[test]
fn glued_headings_end_a_sentence_inside_a_word() {
    // A heading and the next sentence run together on one line, after a
    // complete sentence on the line before.
    let text = "قال الوزير إن المحادثات ستستمر.\nزيارة مرتقبةمن جهة أخرى، أعلنت الحكومة عن خطة جديدة للتعليم.";
    let seg = segment(text);
    let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(
        sentences,
        [
            "قال الوزير إن المحادثات ستستمر.",
            "زيارة مرتقبة",
            "من جهة أخرى، أعلنت الحكومة عن خطة جديدة للتعليم."
        ]
    );
    assert_eq!(seg.sentences[1].end, SentenceEnd::GluedHeading);
    assert!(seg.sentences[1].confidence >= 0.5 && seg.sentences[1].confidence < 1.0);
    assert_eq!(seg.junctions.len(), 1);
    let second_half = seg.tokens[seg.junctions[0].token].0;
    assert_eq!(second_half.span.slice(text), "من");
    assert_eq!(
        seg.tokens[seg.junctions[0].token - 1].0.span.slice(text),
        "مرتقبة"
    );

    let text = "موقف واضحيذكر أن الحكومة أعلنت عن خطة جديدة للتعليم.";
    let sentences: Vec<&str> = segment(text)
        .sentences
        .iter()
        .map(|s| s.span.slice(text))
        .collect();
    assert_eq!(
        sentences,
        ["موقف واضح", "يذكر أن الحكومة أعلنت عن خطة جديدة للتعليم."]
    );
}

#[test]
fn ordinary_words_are_not_taken_for_glued_headings() {
    for text in [
        // Inflected words, names and rare words at the start of a line.
        "المعلمون يدرسون الطلاب في المدارس الحكومية كل يوم.",
        "والتقى الرئيسان في موسكو لبحث العلاقات الثنائية بينهما.",
        "ذهب كريستوفرسون إلى المدينة مع أصدقائه القدامى.",
        // A listed name written without its hamza (`أولمرت`), not `اول` +
        // `مرت`.
        "التقى ايهود اولمرت وزراء حكومته في القدس أمس.",
        // A listed word with an inflectional ending (`متعلقات` + `هم`),
        // though `اتهم` is a word too.
        "جمع اللاجئون متعلقاتهم القليلة وغادروا المخيم صباحا.",
        "The heading without punctuation\nThen a sentence follows here.",
    ] {
        assert!(segment(text).junctions.is_empty(), "{text}");
    }
}

#[test]
fn sentences_say_how_they_end() {
    let text = "عنوان الخبر\nقال الوزير إن الاجتماع ممكن. وأضاف أنه مهم\n\nفقرة ثانية";
    let ends: Vec<SentenceEnd> = segment(text).sentences.iter().map(|s| s.end).collect();
    assert_eq!(
        ends,
        [
            SentenceEnd::LineBreak,
            SentenceEnd::Punctuation,
            SentenceEnd::ParagraphEnd,
            SentenceEnd::ParagraphEnd
        ]
    );
}
