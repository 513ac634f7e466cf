//! Arabic clitics: the conjunctions, prepositions, future particle and
//! article written joined to a word (`و` `ف` `ب` `ك` `ل` `س`, `ال`), and the
//! pronouns joined to its end (`ه` `ها` `هم` `هما` `هن` `ك` `كم` `كما` `كن`
//! `نا` `ني` `ي`).
//!
//! A split is proposed only in the legal order (conjunction, then a
//! preposition or `س` before an imperfect verb, then the article; pronouns
//! never after the article) and kept only when the stem left over is a
//! known word that is common enough compared with the whole form, judged on
//! the Zipf frequencies of [`crate::core::wordfreq`]. Short stems need more
//! evidence than long ones: `كان` is not `ك` + `ان`, `الله` is not `ال` + `له`,
//! `بين` is not `ب` + `ين`, while `وبالحكومة` is `و` + `ب` + `الحكومة`.
//! `ل` + `ال` written `لل` is recognised (`للحكومة` = `ل` + `(ا)لحكومة`).
//! Prepositions with a pronoun (`له`, `بها`, `لي`) are split, as in the
//! Arabic treebanks; so are `في`/`على` + pronoun (`فيه`, `عليه`), where the
//! stem's final `ى` shows as `ي`.

use super::chars::{continuation_bits, in_continuation_mask};
use crate::core::span::Span;
#[cfg(doc)]
use crate::core::wordfreq::is_ignored_mark;
use crate::core::wordfreq::zipf;

/// How the article is reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CliticConvention {
    /// As the Arabic treebanks (PADT, UD) do: the article stays on its noun
    /// (`و` `ب` `الحكومة`).
    #[default]
    Treebank,
    /// The article is a morpheme of its own (`و` `ب` `ال` `حكومة`).
    SeparateArticle,
}

/// What part of a word a morpheme is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MorphemeRole {
    Proclitic,
    Article,
    Stem,
    Enclitic,
}

/// A piece of a word: its span in the text, its role and its form (the
/// letters without diacritics or tatweel; the article of `لل` as `ال`; a
/// stem before a pronoun as it is spelled alone, `خطة` for the `خطت` of
/// `خطتها`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Morpheme {
    pub span: Span,
    pub role: MorphemeRole,
    pub form: String,
}

/// The morphemes of the word at `word` in `text`, in order, covering it.
/// Words that are not Arabic letters throughout come back as one stem.
///
/// ```
/// use lisan::core::segment::{split_clitics, CliticConvention};
/// use lisan::core::Span;
/// let text = "وبالحكومة";
/// let forms: Vec<String> = split_clitics(text, Span::new(0, text.len()), CliticConvention::Treebank)
///     .into_iter().map(|m| m.form).collect();
/// assert_eq!(forms, ["و", "ب", "الحكومة"]);
/// ```
pub fn split_clitics(text: &str, word: Span, convention: CliticConvention) -> Vec<Morpheme> {
    let Some(form) = arabic_letters(text, word) else {
        return vec![Morpheme {
            span: word,
            role: MorphemeRole::Stem,
            form: word.slice(text).to_string(),
        }];
    };
    if stays_whole(&form, convention) {
        // What `Analysis::whole` gives, without reading the letters again.
        return vec![Morpheme {
            span: word,
            role: MorphemeRole::Stem,
            form,
        }];
    }
    let letters = Letters::new(text, word, form);
    let analysis = may_have_clitics(&letters.text)
        .then(|| best_analysis(&letters))
        .flatten()
        .unwrap_or(Analysis::whole(letters.len()));
    analysis.morphemes(&letters, convention)
}

/// Whether a word of these letters is one stem whatever the evidence: no
/// clitic letter at either end, and no article to split off.
fn stays_whole(form: &str, convention: CliticConvention) -> bool {
    !may_have_clitics(form) && (convention == CliticConvention::Treebank || !form.starts_with("ال"))
}

/// Pronouns a preposition (`ب`, `ل`) takes with nothing between (`به`, `لنا`).
const PREPOSITION_PRONOUNS: [&str; 7] = ["ه", "ها", "هم", "هما", "نا", "كم", "ك"];
const ENCLITICS: [&str; 12] = [
    "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ني", "ي",
];
/// Letters that open an imperfect verb, which the future `س` comes before.
const IMPERFECT_PREFIXES: [char; 4] = ['ي', 'ت', 'ن', 'أ'];

/// The letters of a word (diacritics and tatweel left out) and where each
/// starts in the text. Every letter [`is_arabic_letter`] accepts is two
/// bytes in UTF-8, so letter `i` of `text` is `text[2 * i..2 * i + 2]` and
/// any run of letters is a slice of it, looked up without copying. Nothing
/// else is allocated: where a letter starts is read from the word's bytes
/// when a morpheme's span asks (directly when the word has no marks).
struct Letters<'a> {
    /// The letters as one string: the whole form, sliced for its parts.
    text: String,
    /// The word in the text, marks and tatweel included.
    source: &'a [u8],
    start: usize,
    end: usize,
    /// Whether `source` holds marks or tatweel (so letter `i` may not start
    /// at byte `2 * i` of it).
    marks: bool,
}

/// The Arabic letters of the word at `word` (diacritics and tatweel left
/// out), or `None` when it holds anything else or fewer than two letters.
///
/// Read as pairs of UTF-8 bytes: every [`is_arabic_letter`] and every
/// [`is_ignored_mark`] character is two bytes with a lead byte 0xD8 to
/// 0xDB, so a word of nothing else is a run of such pairs.
fn arabic_letters(text: &str, word: Span) -> Option<String> {
    let bytes = word.slice(text).as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    // Check first, so that a word that is not Arabic allocates nothing.
    let mut count = 0;
    let mut marks = false;
    for pair in bytes.chunks_exact(2) {
        match pair_class(pair[0], pair[1]) {
            PairClass::Letter => count += 1,
            PairClass::Mark => marks = true,
            PairClass::Other => return None,
        }
    }
    if count < 2 {
        return None;
    }
    if !marks {
        return Some(word.slice(text).to_string());
    }
    let mut form = Vec::with_capacity(2 * count);
    for pair in bytes.chunks_exact(2) {
        if pair_class(pair[0], pair[1]) == PairClass::Letter {
            form.extend_from_slice(pair);
        }
    }
    // Whole two-byte characters of a `str`, so still UTF-8.
    String::from_utf8(form).ok()
}

/// What the two bytes `lead`, `next` are, as a character of a word
/// [`arabic_letters`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PairClass {
    /// An [`is_arabic_letter`] character.
    Letter,
    /// An [`is_ignored_mark`] character.
    Mark,
    /// Anything else (or not a whole two-byte character).
    Other,
}

fn pair_class(lead: u8, next: u8) -> PairClass {
    if !(0xD8..=0xDB).contains(&lead) || next & 0xC0 != 0x80 {
        return PairClass::Other;
    }
    let index = usize::from(lead - 0xD8);
    if in_continuation_mask(LETTER_PAIRS[index], next) {
        PairClass::Letter
    } else if in_continuation_mask(MARK_PAIRS[index], next) {
        PairClass::Mark
    } else {
        PairClass::Other
    }
}

/// The character of the two UTF-8 bytes `lead`, `next`.
fn decode_pair(lead: u8, next: u8) -> char {
    let code = u32::from(lead & 0x1F) << 6 | u32::from(next & 0x3F);
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// [`is_arabic_letter`] by lead byte 0xD8..=0xDB: U+0621..U+063A,
/// U+0641..U+064A, U+0671..U+06D3.
const LETTER_PAIRS: [u64; 4] = [
    continuation_bits(0xA1, 0xBA),
    continuation_bits(0x81, 0x8A) | continuation_bits(0xB1, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0x93),
];

/// [`is_ignored_mark`] by lead byte 0xD8..=0xDB: U+0610..U+061A,
/// U+0640, U+064B..U+065F, U+0670, U+06D6..U+06DC, U+06DF..U+06E4,
/// U+06E7, U+06E8, U+06EA..U+06ED.
const MARK_PAIRS: [u64; 4] = [
    continuation_bits(0x90, 0x9A),
    continuation_bits(0x80, 0x80) | continuation_bits(0x8B, 0x9F) | continuation_bits(0xB0, 0xB0),
    0,
    continuation_bits(0x96, 0x9C)
        | continuation_bits(0x9F, 0xA4)
        | continuation_bits(0xA7, 0xA8)
        | continuation_bits(0xAA, 0xAD),
];

impl<'a> Letters<'a> {
    /// The letters of the word at `word`, given its [`arabic_letters`].
    fn new(text: &'a str, word: Span, form: String) -> Letters<'a> {
        let source = word.slice(text).as_bytes();
        Letters {
            marks: form.len() != source.len(),
            text: form,
            source,
            start: word.start,
            end: word.end,
        }
    }

    fn len(&self) -> usize {
        self.text.len() / 2
    }

    /// Letter `i`.
    fn char_at(&self, i: usize) -> char {
        let pair = &self.text.as_bytes()[2 * i..2 * i + 2];
        decode_pair(pair[0], pair[1])
    }

    /// The letters, in `buf` (the analysis reads them as a slice; words
    /// analysed are at most [`MAX_WORD_LETTERS`] long).
    fn chars_into<'b>(&self, buf: &'b mut [char; MAX_WORD_LETTERS]) -> &'b [char] {
        let len = self.len().min(MAX_WORD_LETTERS);
        for (i, slot) in buf[..len].iter_mut().enumerate() {
            *slot = self.char_at(i);
        }
        &buf[..len]
    }

    /// Where letter `i` starts in the text.
    fn letter_start(&self, i: usize) -> usize {
        if !self.marks {
            return self.start + 2 * i;
        }
        let at = self
            .source
            .chunks_exact(2)
            .enumerate()
            .filter(|(_, pair)| pair_class(pair[0], pair[1]) == PairClass::Letter)
            .nth(i)
            .map_or(self.source.len(), |(pair, _)| 2 * pair);
        self.start + at
    }

    /// Bytes of letters `from..to`, with the marks that follow them (and,
    /// for the first letter, any tatweel or mark before it).
    fn span(&self, from: usize, to: usize) -> Span {
        let start = if from == 0 {
            self.start
        } else {
            self.letter_start(from)
        };
        let end = if to < self.len() {
            self.letter_start(to)
        } else {
            self.end
        };
        Span::new(start, end)
    }

    /// The letters `from..to` as a string (a slice of [`Letters::text`]).
    fn form(&self, from: usize, to: usize) -> &str {
        &self.text[2 * from..2 * to]
    }
}

/// Letters of the Arabic block and its extension (no digits, marks or
/// punctuation), each two bytes in UTF-8.
pub(super) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// One way to cut a word: single-letter proclitics, the stem, and the
/// letters of the enclitic pronoun.
#[derive(Clone, Debug, PartialEq)]
struct Analysis {
    proclitics: usize,
    /// The stem is the `ل` of `لل`, standing for the article.
    article_from_lam: bool,
    stem_end: usize,
    len: usize,
}

impl Analysis {
    fn whole(len: usize) -> Analysis {
        Analysis {
            proclitics: 0,
            article_from_lam: false,
            stem_end: len,
            len,
        }
    }

    fn morphemes(&self, letters: &Letters, convention: CliticConvention) -> Vec<Morpheme> {
        // Proclitics, then at most an article, a stem and a pronoun.
        let mut out = Vec::with_capacity(self.proclitics + 3);
        out.extend((0..self.proclitics).map(|i| Morpheme {
            span: letters.span(i, i + 1),
            role: MorphemeRole::Proclitic,
            form: letters.char_at(i).to_string(),
        }));
        let (start, end) = (self.proclitics, self.stem_end);
        if start < end {
            let mut form = letters.form(start, end).to_string();
            if self.article_from_lam {
                form.insert(0, 'ا');
            }
            if end < self.len {
                form = spelling_on_its_own(form);
            }
            push_stem_morphemes(&mut out, letters, start, end, form, convention);
        }
        if end < self.len {
            out.push(Morpheme {
                span: letters.span(end, self.len),
                role: MorphemeRole::Enclitic,
                form: letters.form(end, self.len).to_string(),
            });
        }
        out
    }
}

/// The stem, with its article split off when the convention asks and what
/// follows the article is itself a known word of three letters or more
/// (`الحكومة`, not `الله` or `التي`), pushed onto `out`.
fn push_stem_morphemes(
    out: &mut Vec<Morpheme>,
    letters: &Letters,
    start: usize,
    end: usize,
    form: String,
    convention: CliticConvention,
) {
    let rest = form.strip_prefix("ال").filter(|r| r.chars().count() >= 3);
    match rest {
        Some(rest) if convention == CliticConvention::SeparateArticle && zipf(rest).is_some() => {
            // The article takes two letters, or one in `لل`.
            let article_letters = 2 - usize::from(letters.char_at(start) == 'ل');
            let split = start + article_letters;
            out.push(Morpheme {
                span: letters.span(start, split),
                role: MorphemeRole::Article,
                form: "ال".to_string(),
            });
            out.push(Morpheme {
                span: letters.span(split, end),
                role: MorphemeRole::Stem,
                form: rest.to_string(),
            });
        }
        _ => out.push(Morpheme {
            span: letters.span(start, end),
            role: MorphemeRole::Stem,
            form,
        }),
    }
}

/// Longer words are left whole: no Arabic word with its clitics comes near
/// this, and it bounds the work per word.
const MAX_WORD_LETTERS: usize = 40;

/// Whether the word of these letters (two bytes each) starts with a
/// proclitic letter or ends with a letter a pronoun ends with: the only
/// words worth analysing.
fn may_have_clitics(word: &str) -> bool {
    if word.len() / 2 > MAX_WORD_LETTERS {
        return false;
    }
    let first = word.chars().next();
    let last = word.chars().next_back();
    matches!(first, Some('و' | 'ف' | 'ب' | 'ك' | 'ل' | 'س'))
        || matches!(last, Some('ه' | 'ا' | 'م' | 'ن' | 'ك' | 'ي'))
}

/// The best split of `word` that the evidence supports, if any.
fn best_analysis(letters: &Letters) -> Option<Analysis> {
    if letters.len() > MAX_WORD_LETTERS {
        return None;
    }
    let mut buf = ['\0'; MAX_WORD_LETTERS];
    let word = letters.chars_into(&mut buf);
    let whole = zipf(&letters.text).unwrap_or(0.0);
    let mut best: Option<(f32, Analysis)> = None;
    let mut consider = |score: Option<f32>, analysis: Analysis| {
        if let Some(score) = score {
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, analysis));
            }
        }
    };
    let endings = Endings::of(letters);
    let conjunction = usize::from(matches!(word[0], 'و' | 'ف'));
    for conj in 0..=conjunction {
        let preposition = word
            .get(conj)
            .is_some_and(|&c| is_preposition_or_future(c, word.get(conj + 1)));
        for prep in 0..=usize::from(preposition) {
            let proclitics = conj + prep;
            for enclitic in endings.after(word.len() - proclitics) {
                let analysis = Analysis {
                    proclitics,
                    article_from_lam: false,
                    stem_end: word.len() - enclitic,
                    len: word.len(),
                };
                consider(score(letters, word, &analysis, whole), analysis);
            }
        }
        if word[conj..].starts_with(&['ل', 'ل']) && word.len() >= conj + 4 {
            let analysis = Analysis {
                proclitics: conj + 1,
                article_from_lam: true,
                stem_end: word.len(),
                len: word.len(),
            };
            consider(lam_article_score(word, conj, whole), analysis);
        }
    }
    best.map(|(_, analysis)| analysis)
}

fn is_preposition_or_future(c: char, next: Option<&char>) -> bool {
    match c {
        'ب' | 'ك' | 'ل' => true,
        'س' => next.is_some_and(|n| IMPERFECT_PREFIXES.contains(n)),
        _ => false,
    }
}

/// The pronouns a word ends in, as letter counts in [`ENCLITICS`] order
/// (found once per word, then offered after each choice of proclitics).
struct Endings {
    letters: [usize; ENCLITICS.len()],
    count: usize,
}

impl Endings {
    /// Pronouns are Arabic letters, two bytes each.
    fn of(word: &Letters) -> Endings {
        let mut endings = Endings {
            letters: [0; ENCLITICS.len()],
            count: 0,
        };
        let last = word.text.as_bytes().last();
        for e in ENCLITICS {
            if e.as_bytes().last() == last && word.text.ends_with(e) {
                endings.letters[endings.count] = e.len() / 2;
                endings.count += 1;
            }
        }
        endings
    }

    /// Letters of each pronoun the word could end in when `room` letters
    /// follow its proclitics, with 0 for none.
    fn after(&self, room: usize) -> impl Iterator<Item = usize> + '_ {
        let fitting = self.letters[..self.count].iter().copied();
        std::iter::once(0).chain(fitting.filter(move |&n| n <= room))
    }
}

/// How much better a split explains `word` than the whole form does (higher
/// is better), or `None` when the split lacks evidence.
fn score(letters: &Letters, word: &[char], a: &Analysis, whole: f32) -> Option<f32> {
    let enclitic = letters.form(a.stem_end, a.len);
    let stem = &word[a.proclitics..a.stem_end];
    if a.proclitics == 0 && enclitic.is_empty() {
        return None;
    }
    if stem.is_empty() {
        return preposition_with_pronoun(&word[..a.proclitics], enclitic).then_some(9.0);
    }
    let stem_form = letters.form(a.proclitics, a.stem_end);
    let definite = stem_form.starts_with("ال");
    if definite && !enclitic.is_empty() {
        return None; // a noun with the article takes no pronoun
    }
    let stem_zipf = if enclitic.is_empty() {
        zipf(stem_form)?
    } else {
        commonest_variant_zipf(stem_form)?
    };
    let penalty: f32 = word[..a.proclitics]
        .iter()
        .map(|&c| if c == 'ك' { 1.6 } else { 0.0 })
        .sum::<f32>()
        + match enclitic {
            "ي" => 1.2,
            "ك" => 0.8,
            _ => 0.0,
        }
        + 0.05 * (a.proclitics + usize::from(!enclitic.is_empty())) as f32;
    let bonus = if definite { 0.5 } else { 0.0 };
    let margin = stem_zipf - whole + bonus - penalty;
    let (min_zipf, min_margin) = match stem.len() {
        0 | 1 => return None,
        2 => (5.0, 0.25),
        3 => (3.5, -0.6),
        _ => (3.0, -1.5),
    };
    (stem_zipf >= min_zipf && margin >= min_margin).then_some(margin)
}

/// `ب` or `ل` with a pronoun and no stem between: `به`, `لها`, `لي`.
fn preposition_with_pronoun(proclitics: &[char], pronoun: &str) -> bool {
    match proclitics {
        ['ب'] => PREPOSITION_PRONOUNS.contains(&pronoun),
        ['ل'] => PREPOSITION_PRONOUNS.contains(&pronoun) || pronoun == "ي",
        _ => false,
    }
}

/// The spellings a stem may have on its own: a pronoun turns final `ة` into
/// `ت` (`مدينته`), `ى` into `ي` (`عليه`), and drops the `ا` after `و`
/// (`كتبوه`).
fn stem_variants(stem: &str) -> impl Iterator<Item = String> + '_ {
    let swap = |from: char, to: &str| stem.strip_suffix(from).map(|s| format!("{s}{to}"));
    [
        Some(stem.to_string()),
        swap('ت', "ة"),
        swap('ي', "ى"),
        stem.ends_with('و').then(|| format!("{stem}ا")),
    ]
    .into_iter()
    .flatten()
}

/// The highest Zipf frequency among the spellings [`stem_variants`] gives,
/// looked up without allocating for the stem itself.
fn commonest_variant_zipf(stem: &str) -> Option<f32> {
    let mut buf = String::with_capacity(stem.len() + 2);
    let mut variant = |base: &str, end: &str| {
        buf.clear();
        buf.push_str(base);
        buf.push_str(end);
        zipf(&buf)
    };
    [
        zipf(stem),
        stem.strip_suffix('ت').and_then(|s| variant(s, "ة")),
        stem.strip_suffix('ي').and_then(|s| variant(s, "ى")),
        stem.ends_with('و').then(|| variant(stem, "ا")).flatten(),
    ]
    .into_iter()
    .flatten()
    .reduce(f32::max)
}

/// The commonest of a stem's spellings on its own (`خطت` in `خطتها` is `خطة`).
fn spelling_on_its_own(stem: String) -> String {
    stem_variants(&stem)
        .filter_map(|v| zipf(&v).map(|z| (z, v)))
        .reduce(|a, b| if b.0 > a.0 { b } else { a })
        .map_or(stem, |(_, v)| v)
}

/// `لل` read as `ل` + article: how much better than the whole form.
fn lam_article_score(word: &[char], conj: usize, whole: f32) -> Option<f32> {
    let stem: String = "ال"
        .chars()
        .chain(word[conj + 2..].iter().copied())
        .collect();
    let stem_zipf = zipf(&stem)?;
    let margin = stem_zipf - whole + 0.5 - 0.05 * (conj + 1) as f32;
    (stem_zipf >= 3.0 && margin >= -1.5).then_some(margin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::{generate_mix, Mix};
    use crate::core::segment::tokenize;
    use crate::core::wordfreq::is_ignored_mark;

    /// The byte-pair classes say what the character tests say, for every
    /// character of the Basic Multilingual Plane.
    #[test]
    fn pair_classes_agree_with_the_character_tests() {
        for c in '\0'..='\u{FFFF}' {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let expected = if is_arabic_letter(c) {
                PairClass::Letter
            } else if is_ignored_mark(c) {
                PairClass::Mark
            } else {
                PairClass::Other
            };
            let class = match bytes {
                [lead, next] => pair_class(*lead, *next),
                _ => PairClass::Other,
            };
            assert_eq!(class, expected, "{c:?}");
        }
        // Mixed words: the letters are those a character filter keeps.
        for word in [
            "مَرْحَبـاً",
            "ab",
            "بa",
            "ب\u{0301}ب",
            "ـبـ",
            "بب\u{200C}",
            "ب",
            "\u{064E}\u{064E}ب",
        ] {
            let by_chars: String = word.chars().filter(|&c| is_arabic_letter(c)).collect();
            let all_known = word
                .chars()
                .all(|c| is_arabic_letter(c) || is_ignored_mark(c));
            let expected = (all_known && by_chars.chars().count() >= 2).then_some(by_chars);
            assert_eq!(
                arabic_letters(word, Span::new(0, word.len())),
                expected,
                "{word}"
            );
        }
    }

    /// Words that stay whole skip the letter tables and the analysis: they
    /// come back exactly as the general path gives them, in both
    /// conventions.
    #[test]
    fn words_that_stay_whole_come_back_as_the_general_path_gives_them() {
        let text = generate_mix(100_000, 6, Mix::Arabic)
            + " الحكومة العـــربية مُحَمَّد مستشفى الاقتصاد آذار الرئيس";
        let mut checked = 0;
        for token in tokenize(&text) {
            let Some(form) = arabic_letters(&text, token.span) else {
                continue;
            };
            for convention in [
                CliticConvention::Treebank,
                CliticConvention::SeparateArticle,
            ] {
                if !stays_whole(&form, convention) {
                    continue;
                }
                let letters = Letters::new(&text, token.span, form.clone());
                let general = Analysis::whole(letters.len()).morphemes(&letters, convention);
                assert_eq!(split_clitics(&text, token.span, convention), general);
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
