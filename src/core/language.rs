//! Which scripts a text uses, and which language it is likely in.

use std::collections::HashMap;

use unicode_script::{Script, UnicodeScript};

/// Letters and marks of each script in `text`, most used first (ties by
/// code). Common and inherited characters are not counted.
///
/// ```
/// use lisan::core::language::script_shares;
/// assert_eq!(script_shares("سلام hi"), [("Arab", 4), ("Latn", 2)]);
/// ```
pub fn script_shares(text: &str) -> Vec<(&'static str, usize)> {
    let mut counts: HashMap<Script, usize> = HashMap::new();
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                *counts.entry(Script::Latin).or_default() += 1;
            }
            continue;
        }
        let script = c.script();
        if !matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            *counts.entry(script).or_default() += 1;
        }
    }
    let mut shares: Vec<(&'static str, usize)> = counts
        .into_iter()
        .map(|(s, n)| (s.short_name(), n))
        .collect();
    shares.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    shares
}

/// The language of `text` as a BCP-47 code with a confidence in 0..1, when
/// the text says enough (whatlang's trigram and alphabet models).
///
/// ```
/// use lisan::core::language::detect_language;
/// let (code, _) = detect_language("قال المتحدث باسم الحكومة إن الاجتماع سيعقد في موعده").unwrap();
/// assert_eq!(code, "ar");
/// ```
pub fn detect_language(text: &str) -> Option<(String, f32)> {
    let info = whatlang::detect(text)?;
    let code = info.lang().code();
    let bcp47 = ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two);
    Some((bcp47.to_string(), info.confidence() as f32))
}

/// ISO 639-3 codes whatlang reports and their ISO 639-1 forms (BCP-47
/// prefers the two-letter code where one exists).
const ISO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// The language a passage in the Arabic script shows by its spelling alone:
/// `ur` for letters only Urdu uses; `fa` for Persian yeh or keheh (ی ک) or
/// Persian letters (پ چ ژ گ) with no Arabic yeh, kaf or teh marbuta (ي ك ة)
/// beside them; `ar` for Arabic yeh, kaf or teh marbuta without Persian
/// letters; `None` when the letters do not tell.
///
/// ```
/// use lisan::core::language::arabic_script_orthography;
/// assert_eq!(arabic_script_orthography("من می‌خواهم کتاب بخرم."), Some("fa"));
/// assert_eq!(arabic_script_orthography("ذهبت إلى المدرسة."), Some("ar"));
/// assert_eq!(arabic_script_orthography("یہ ایک جملہ ہے۔"), Some("ur"));
/// assert_eq!(arabic_script_orthography("من"), None);
/// ```
pub fn arabic_script_orthography(passage: &str) -> Option<&'static str> {
    let (mut persian, mut arabic) = (false, false);
    for c in passage.chars() {
        if is_urdu_only(c) {
            return Some("ur");
        }
        persian |= is_persian_only(c) || is_persian_yeh_or_keheh(c);
        arabic |= matches!(c, '\u{064A}' | '\u{0643}' | '\u{0629}'); // ي ك ة
    }
    match (persian, arabic) {
        (true, false) => Some("fa"),
        (false, true) => Some("ar"),
        _ => None,
    }
}

/// Letters only Urdu uses: ٹ ڈ ڑ ں ھ ہ ے.
fn is_urdu_only(c: char) -> bool {
    matches!(
        c,
        '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06BE}' | '\u{06C1}' | '\u{06D2}'
    )
}

/// Letters Persian (and Urdu) add to Arabic: پ چ ژ گ.
fn is_persian_only(c: char) -> bool {
    matches!(c, '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}')
}

/// Persian keheh and yeh (ک ی), also common misspellings in Arabic text.
fn is_persian_yeh_or_keheh(c: char) -> bool {
    matches!(c, '\u{06A9}' | '\u{06CC}')
}

/// Languages written in the Arabic script that a document may be in.
const ARABIC_SCRIPT_LANGUAGES: [&str; 8] = ["ar", "fa", "ur", "ps", "ckb", "ku", "sd", "ug"];

/// The language of a word in the Arabic script, from the letters it uses
/// and the document's language: `ur` for letters only Urdu uses (ٹ ڈ ڑ ں ے ہ ھ),
/// `fa` for Persian letters (پ چ ژ گ, and ک ی outside Arabic documents, where
/// they are common misspellings), else the document's language when it is
/// written in Arabic script, else `ar`. `None` for words with no Arabic letter.
///
/// ```
/// use lisan::core::language::arabic_word_language;
/// assert_eq!(arabic_word_language("پدر", Some("ar")), Some("fa"));
/// assert_eq!(arabic_word_language("علی", Some("ar")), Some("ar"));
/// assert_eq!(arabic_word_language("پاکستان", Some("ur")), Some("ur"));
/// assert_eq!(arabic_word_language("hello", Some("ar")), None);
/// ```
pub fn arabic_word_language(word: &str, document: Option<&str>) -> Option<&'static str> {
    let mut arabic = false;
    let mut persian = false;
    let mut persian_or_misspelled = false;
    for c in word.chars() {
        if is_urdu_only(c) {
            return Some("ur");
        }
        persian |= is_persian_only(c);
        persian_or_misspelled |= is_persian_yeh_or_keheh(c);
        arabic |= crate::core::script::is_arabic(c) && c.is_alphabetic();
    }
    let document = document
        .map(|d| d.split(['-', '_']).next().unwrap_or(d))
        .and_then(|d| ARABIC_SCRIPT_LANGUAGES.iter().find(|&&l| l == d).copied());
    if persian || (persian_or_misspelled && document != Some("ar")) {
        return Some(if document == Some("ur") { "ur" } else { "fa" });
    }
    arabic.then_some(document.unwrap_or("ar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_persian_and_urdu_are_told_apart() {
        let cases = [
            (
                "ar",
                "أعلنت وزارة النقل اليوم عن خطة جديدة لتطوير الطرق في جميع المحافظات",
            ),
            (
                "fa",
                "من می‌خواهم امروز به کتابخانه بروم و چند کتاب جدید بخرم",
            ),
            ("ur", "یہ ایک بہت اچھی کتاب ہے اور میں اسے پڑھنا چاہتا ہوں"),
            (
                "en",
                "The ministry announced a new plan to improve the roads",
            ),
        ];
        for (want, text) in cases {
            assert_eq!(
                detect_language(text).map(|(c, _)| c).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn scripts_are_counted_without_common_characters() {
        assert_eq!(script_shares("123 !?"), []);
        assert_eq!(script_shares("שלום سلام"), [("Arab", 4), ("Hebr", 4)]);
    }
}
