//! Which scripts a text uses, and which language it is likely in.

use crate::core::char_class::is_alphabetic;
use unicode_script::{Script, UnicodeScript};

/// Letters and marks per script (ISO 15924 code, count), most used first.
pub type ScriptShares = Vec<(&'static str, usize)>;

/// Letters and marks of each script in `text`, most used first (ties by
/// code). Common and inherited characters are not counted.
///
/// ```
/// use lisan::core::language::script_shares;
/// assert_eq!(script_shares("سلام hi"), [("Arab", 4), ("Latn", 2)]);
/// ```
pub fn script_shares(text: &str) -> ScriptShares {
    let mut scripts = ScriptTally::default();
    scripts.count_text(text);
    scripts.shares()
}

/// The document's language, read on its first `sample_bytes` bytes (as
/// [`detect_language`] reads them), and its [`script_shares`], in one pass
/// over the sample and one over the rest: what a Normalize answer carries.
///
/// ```
/// use lisan::core::language::language_and_scripts;
/// let (language, scripts) = language_and_scripts("قال المتحدث باسم الحكومة إن الاجتماع سيعقد hi", 4096);
/// assert_eq!(language.unwrap().0, "ar");
/// assert_eq!(scripts, [("Arab", 36), ("Latn", 2)]);
/// ```
pub fn language_and_scripts(
    text: &str,
    sample_bytes: usize,
) -> (Option<(String, f32)>, ScriptShares) {
    let sample = prefix(text, sample_bytes);
    let mut scripts = ScriptTally::default();
    let facts = PassageFacts::of_with(sample, |c| scripts.count(c, BEYOND_LOW));
    scripts.add_low(&facts.low_scripts);
    scripts.count_text(&text[sample.len()..]);
    let language = identify_from(&facts, sample).map(|(g, _)| (g.code, g.confidence));
    (language, scripts.shares())
}

/// Letters and marks per script, without common and inherited characters:
/// below U+0800 by the slot of [`low_chars`], beyond by Unicode's lookup.
#[derive(Default)]
struct ScriptTally {
    /// Characters per slot of [`LowChars::scripts`] (slot 0: not counted).
    low: [usize; LOW_SCRIPT_SLOTS],
    /// Characters of U+0800 and beyond, per script, the last used first
    /// to be found (a text uses few scripts).
    other: Vec<(Script, usize)>,
}

/// Slots of the scripts of U+0000..U+07FF (Latin, Greek, Cyrillic, Hebrew,
/// Arabic, Syriac...), slot 0 meaning not counted.
const LOW_SCRIPT_SLOTS: usize = 16;

/// The slot of characters of U+0800 and beyond in [`LowChars::chars`]' stead.
const BEYOND_LOW: u8 = u8::MAX;

impl ScriptTally {
    /// Counts `c`, whose slot is `slot` ([`BEYOND_LOW`] beyond U+07FF).
    #[inline(always)]
    fn count(&mut self, c: char, slot: u8) {
        if slot != BEYOND_LOW {
            self.low[usize::from(slot)] += 1;
            return;
        }
        let script = c.script();
        if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            return;
        }
        match self.other.iter().position(|(s, _)| *s == script) {
            Some(0) => self.other[0].1 += 1,
            Some(i) => {
                self.other[i].1 += 1;
                self.other.swap(0, i);
            }
            None => {
                self.other.push((script, 1));
                let last = self.other.len() - 1;
                self.other.swap(0, last);
            }
        }
    }

    /// Adds characters below U+0800 counted per slot elsewhere.
    fn add_low(&mut self, counts: &[usize; LOW_SCRIPT_SLOTS]) {
        for (mine, n) in self.low.iter_mut().zip(counts) {
            *mine += n;
        }
    }

    fn count_text(&mut self, text: &str) {
        let low = low_chars();
        for c in text.chars() {
            let slot = low.chars.get(c as usize).map_or(BEYOND_LOW, |l| l.slot);
            self.count(c, slot);
        }
    }

    /// The counts by script, most used first (ties by code). A script with
    /// characters on both sides of U+0800 (Arabic and its presentation
    /// forms, Latin and its extended blocks) is one share.
    fn shares(self) -> ScriptShares {
        let low = low_chars();
        let mut shares: Vec<(&'static str, usize)> = self
            .low
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, &n)| n > 0)
            .map(|(slot, &n)| (low.scripts[slot].short_name(), n))
            .collect();
        for (script, n) in self.other {
            let name = script.short_name();
            match shares.iter_mut().find(|(s, _)| *s == name) {
                Some(share) => share.1 += n,
                None => shares.push((name, n)),
            }
        }
        shares.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        shares
    }
}

/// What identification and script counting read of a code point below
/// U+0800 (ASCII, Latin, Greek, Cyrillic, Hebrew, the Arabic block...), looked
/// up once per process: Unicode's own script lookup is a search over
/// ranges, about a tenth of a 1 KB Normalize call.
struct LowChars {
    chars: Vec<LowChar>,
    /// The script of each slot (slot 0: not counted).
    scripts: Vec<Script>,
    /// The flags and the script slot of each class (see [`LowChar`]).
    classes: Vec<(u8, u8)>,
}

#[derive(Clone, Copy)]
struct LowChar {
    /// [`char_flags`].
    flags: u8,
    /// Its script's slot in [`LowChars::scripts`], 0 for common and
    /// inherited characters.
    slot: u8,
    /// Its flags and slot together, as an index of [`LowChars::classes`]:
    /// a passage's characters are counted once, by class, and the counts
    /// by flags and by script derived from those at the end.
    class: u8,
}

fn low_chars() -> &'static LowChars {
    static TABLE: std::sync::OnceLock<LowChars> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut scripts = vec![Script::Unknown];
        let mut classes = vec![(0u8, 0u8)];
        let chars = (0..0x800u32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return LowChar {
                        flags: 0,
                        slot: 0,
                        class: 0,
                    };
                };
                let script = c.script();
                let slot = if matches!(script, Script::Common | Script::Inherited | Script::Unknown)
                {
                    0
                } else {
                    scripts
                        .iter()
                        .position(|&s| s == script)
                        .unwrap_or_else(|| {
                            scripts.push(script);
                            scripts.len() - 1
                        })
                };
                let (flags, slot) = (char_flags(c), slot as u8);
                let class = classes
                    .iter()
                    .position(|&k| k == (flags, slot))
                    .unwrap_or_else(|| {
                        classes.push((flags, slot));
                        classes.len() - 1
                    });
                LowChar {
                    flags,
                    slot,
                    class: class as u8,
                }
            })
            .collect();
        assert!(
            scripts.len() <= LOW_SCRIPT_SLOTS,
            "more scripts below U+0800 than slots"
        );
        assert!(
            classes.len() <= LOW_CLASSES,
            "more classes below U+0800 than counters"
        );
        LowChars {
            chars,
            scripts,
            classes,
        }
    })
}

/// The language of `text` as a BCP-47 code with a confidence in 0..1, when
/// the text says enough: [`identify_language`], the same identification the
/// paragraphs get, so a document and its paragraphs never disagree on how
/// a language is told apart (Arabic, Persian and Urdu by their letters and
/// stop words; clear Latin-script stop words; whatlang's trigram models
/// otherwise).
///
/// ```
/// use lisan::core::language::detect_language;
/// let (code, _) = detect_language("قال المتحدث باسم الحكومة إن الاجتماع سيعقد في موعده").unwrap();
/// assert_eq!(code, "ar");
/// ```
pub fn detect_language(text: &str) -> Option<(String, f32)> {
    identify_language(text).map(|guess| (guess.code, guess.confidence))
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
        arabic |= crate::core::script::is_arabic(c) && is_alphabetic(c);
    }
    let document = document
        .map(|d| d.split(['-', '_']).next().unwrap_or(d))
        .and_then(|d| ARABIC_SCRIPT_LANGUAGES.iter().find(|&&l| l == d).copied());
    if persian || (persian_or_misspelled && document != Some("ar")) {
        return Some(if document == Some("ur") { "ur" } else { "fa" });
    }
    arabic.then_some(document.unwrap_or("ar"))
}

/// A language guess: a BCP-47 code and a confidence in 0..1.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageGuess {
    pub code: String,
    pub confidence: f32,
}

/// The language of a passage, for the Arabic script as for others.
///
/// Arabic-script passages are told apart by their letters and their stop
/// words (`data/stopwords.tsv`): letters only Urdu uses weigh most, then
/// stop words listed for one language only, then Persian letters (پ چ ژ گ,
/// shared with Urdu), Persian yeh and keheh, and Arabic yeh, kaf and teh
/// marbuta. The confidence is the winner's share of the evidence, lowered
/// when there is little of it. Other passages are decided by stop words of
/// English, French, German, Spanish, Portuguese, Italian and Dutch when they
/// point overwhelmingly to one (cheap, and most news lines), else by
/// whatlang's trigram models, with the stop words again when whatlang is
/// unsure.
///
/// ```
/// use lisan::core::language::identify_language;
/// let fa = identify_language("این کتاب را دیروز از کتابخانه گرفتم و خیلی خوب است").unwrap();
/// assert_eq!(fa.code, "fa");
/// let ur = identify_language("یہ کتاب میں نے کل لائبریری سے لی تھی").unwrap();
/// assert_eq!(ur.code, "ur");
/// assert!(identify_language("123 !!").is_none());
/// ```
pub fn identify_language(passage: &str) -> Option<LanguageGuess> {
    identify(passage).map(|(guess, _)| guess)
}

/// [`identify_language`] with the passage's alphabetic characters (its
/// weight in the document's language), counted in the same pass.
fn identify(passage: &str) -> Option<(LanguageGuess, usize)> {
    identify_from(&PassageFacts::of_with(passage, |_| {}), passage)
}

/// [`identify`] from the facts of `passage`, read already.
fn identify_from(facts: &PassageFacts, passage: &str) -> Option<(LanguageGuess, usize)> {
    let letters = &facts.letters;
    if letters.all == 0 {
        return None;
    }
    let guess = if letters.arabic * 2 >= letters.all {
        arabic_script_language(facts)
    } else {
        other_script_language(passage)
    };
    guess.map(|g| (g, letters.alphabetic))
}

/// The language of a passage mostly in other scripts than Arabic: clear
/// Latin-script stop words, else whatlang, with the stop words again when
/// whatlang is unsure.
fn other_script_language(passage: &str) -> Option<LanguageGuess> {
    if let Some(guess) = latin_stop_word_language(passage, CLEAR_STOP_WORDS) {
        return Some(guess);
    }
    let info = whatlang::detect(passage);
    match info.as_ref().filter(|i| i.is_reliable()) {
        Some(info) => detect_language_info(info),
        None => latin_stop_word_language(passage, 1.0)
            .or_else(|| info.as_ref().and_then(detect_language_info)),
    }
}

/// What identification counts in a passage, in one pass.
struct Letters {
    /// Letters: ASCII letters, letters of the Arabic blocks (see
    /// [`is_arabic_block_letter`]) and other alphabetic characters.
    all: usize,
    /// Of them, letters of the Arabic blocks.
    arabic: usize,
    /// Characters with Unicode's Alphabetic property (letters and the
    /// vowel marks, not digits).
    alphabetic: usize,
}

/// Everything identification reads of a passage, gathered in one pass over
/// its characters (one table lookup for each character of the Arabic block):
/// the letter counts, the Arabic-script letter evidence and the stop words
/// of Arabic, Persian and Urdu it holds.
struct PassageFacts {
    letters: Letters,
    /// Letter evidence for ar, fa, ur (see [`arabic_script_language`]),
    /// summed in text order.
    letter_score: [f32; 3],
    /// The ar/fa/ur bits of each word that is a stop word of one of them,
    /// in text order (the scores are summed in that order, so that the
    /// floating-point result is the same as word by word).
    stop_words: Vec<u8>,
    /// Characters below U+0800 per script slot ([`LowChars::scripts`]).
    low_scripts: [usize; LOW_SCRIPT_SLOTS],
}

/// Flags of one character, for [`PassageFacts`].
const ALPHABETIC: u8 = 1;
const ARABIC_LETTER: u8 = 1 << 1;
const SEPARATOR: u8 = 1 << 2;
const URDU_ONLY: u8 = 1 << 3;
const PERSIAN_ONLY: u8 = 1 << 4;
const PERSIAN_YEH_OR_KEHEH: u8 = 1 << 5;
/// Arabic yeh, kaf or teh marbuta (ي ك ة).
const ARABIC_YEH_KAF_TEH: u8 = 1 << 6;

/// The flags of `c`, from the predicates identification is defined by.
fn char_flags(c: char) -> u8 {
    let alphabetic = if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_alphabetic(c)
    };
    let evidence = if is_urdu_only(c) {
        URDU_ONLY
    } else if is_persian_only(c) {
        PERSIAN_ONLY
    } else if is_persian_yeh_or_keheh(c) {
        PERSIAN_YEH_OR_KEHEH
    } else if matches!(c, '\u{064A}' | '\u{0643}' | '\u{0629}') {
        ARABIC_YEH_KAF_TEH
    } else {
        0
    };
    (u8::from(alphabetic) * ALPHABETIC)
        | (u8::from(is_arabic_block_letter(c)) * ARABIC_LETTER)
        | (u8::from(separates_words(c)) * SEPARATOR)
        | evidence
}

impl PassageFacts {
    /// The facts of `passage`; `on_beyond` is also given each character
    /// of U+0800 and beyond, in the same pass (those below are counted by
    /// script in [`PassageFacts::low_scripts`]).
    #[inline(always)]
    fn of_with(passage: &str, mut on_beyond: impl FnMut(char)) -> PassageFacts {
        let low = low_chars();
        let table = low.chars.as_slice();
        let mut tally = FlagTally::default();
        let mut stop_words = Vec::new();
        // The word being read starts at `word_start` (it is empty when that
        // is `at`); `word_is_ascii` says it has no character beyond ASCII
        // (no ar/fa/ur stop word is ASCII alone).
        let mut word_start = 0;
        let mut word_is_ascii = true;
        for (at, c) in passage.char_indices() {
            let flags = match table.get(c as usize) {
                Some(low) => {
                    tally.count_class(low.class);
                    low.flags
                }
                None => {
                    let flags = char_flags(c);
                    tally.count_beyond(flags);
                    on_beyond(c);
                    flags
                }
            };
            if flags & SEPARATOR != 0 {
                if word_start < at && !word_is_ascii {
                    read_word(&passage[word_start..at], &mut stop_words);
                }
                word_start = at + c.len_utf8();
                word_is_ascii = true;
            } else {
                word_is_ascii &= c.is_ascii();
            }
        }
        if word_start < passage.len() && !word_is_ascii {
            read_word(&passage[word_start..], &mut stop_words);
        }
        let (letters, letter_score) = tally.totals(&low.classes);
        PassageFacts {
            letters,
            letter_score,
            stop_words,
            low_scripts: tally.low_scripts(&low.classes),
        }
    }
}

/// Counts of characters: below U+0800 by their class ([`LowChar::class`]),
/// beyond by their identification flags; one increment a character, the
/// letter counts, the letter evidence and the scripts derived from the
/// counts at the end.
struct FlagTally {
    /// Characters below U+0800 per class.
    by_class: [u32; LOW_CLASSES],
    /// Characters of U+0800 and beyond per value of their flags, in the
    /// order first seen (a passage has few: CJK, emoji, presentation forms).
    beyond_by_flags: Vec<(u8, u32)>,
}

/// Classes of [`LowChar`] at most (distinct flags and script slots below
/// U+0800: fewer than sixty).
const LOW_CLASSES: usize = 64;

impl Default for FlagTally {
    fn default() -> FlagTally {
        FlagTally {
            by_class: [0; LOW_CLASSES],
            beyond_by_flags: Vec::new(),
        }
    }
}

/// Where the four evidence flags start in a character's flags.
const EVIDENCE_SHIFT: u32 = URDU_ONLY.trailing_zeros();

impl FlagTally {
    #[inline(always)]
    fn count_class(&mut self, class: u8) {
        self.by_class[usize::from(class)] += 1;
    }

    fn count_beyond(&mut self, flags: u8) {
        match self.beyond_by_flags.iter_mut().find(|(f, _)| *f == flags) {
            Some((_, n)) => *n += 1,
            None => self.beyond_by_flags.push((flags, 1)),
        }
    }

    /// Characters below U+0800 per script slot.
    fn low_scripts(&self, classes: &[(u8, u8)]) -> [usize; LOW_SCRIPT_SLOTS] {
        let mut slots = [0; LOW_SCRIPT_SLOTS];
        for (&(_, slot), &n) in classes.iter().zip(&self.by_class) {
            slots[usize::from(slot)] += n as usize;
        }
        slots
    }

    /// The letter counts and the letter evidence for ar, fa, ur, in one
    /// pass over the counts. Evidence: Urdu's letters weigh 3 for Urdu,
    /// Persian's 1 for Persian and Urdu, Persian yeh and keheh 0.5 for
    /// both, Arabic yeh, kaf and teh marbuta 0.5 for Arabic; summed in half
    /// units as integers, so the result is what adding the weights one
    /// character at a time gives (exactly, below 2^23 characters).
    fn totals(&self, classes: &[(u8, u8)]) -> (Letters, [f32; 3]) {
        let mut letters = Letters {
            all: 0,
            arabic: 0,
            alphabetic: 0,
        };
        // Characters per evidence flag (at most one is set), indexed by
        // the flags shifted down to `URDU_ONLY`.
        let mut evidence = [0usize; 16];
        let mut add = |flags: u8, n: u32| {
            let n = n as usize;
            if flags & (ALPHABETIC | ARABIC_LETTER) != 0 {
                letters.all += n;
            }
            if flags & ARABIC_LETTER != 0 {
                letters.arabic += n;
            }
            if flags & ALPHABETIC != 0 {
                letters.alphabetic += n;
            }
            evidence[usize::from((flags >> EVIDENCE_SHIFT) & 0xF)] += n;
        };
        for (&(flags, _), &n) in classes.iter().zip(&self.by_class) {
            if n != 0 {
                add(flags, n);
            }
        }
        for &(flags, n) in &self.beyond_by_flags {
            add(flags, n);
        }
        let of = |flag: u8| evidence[usize::from(flag >> EVIDENCE_SHIFT)];
        let urdu = of(URDU_ONLY);
        let persian = of(PERSIAN_ONLY);
        let yeh_or_keheh = of(PERSIAN_YEH_OR_KEHEH);
        let arabic = of(ARABIC_YEH_KAF_TEH);
        let halves = |n: usize| n as f32 / 2.0;
        let score = [
            halves(arabic),
            halves(2 * persian + yeh_or_keheh),
            halves(6 * urdu + 2 * persian + yeh_or_keheh),
        ];
        (letters, score)
    }
}

/// Notes `word` (a word with a character beyond ASCII) if it is a stop
/// word of Arabic, Persian or Urdu.
fn read_word(word: &str, stop_words: &mut Vec<u8>) {
    let langs = (super::stopwords::languages_of(word) & 0b111) as u8;
    if langs != 0 {
        stop_words.push(langs);
    }
}

/// Stop-word weight that decides a Latin-script passage without whatlang.
const CLEAR_STOP_WORDS: f32 = 4.0;

/// A letter of the Arabic blocks (Arabic, Supplement, Extended-A,
/// presentation forms), by range: much cheaper than a script lookup.
fn is_arabic_block_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` separates words for stop-word lookups (cheap checks only).
fn separates_words(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '“' | '”' | '۔' | '…')
}

/// whatlang's answer as a guess with a BCP-47 code.
fn detect_language_info(info: &whatlang::Info) -> Option<LanguageGuess> {
    let code = info.lang().code();
    let bcp47 = ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two);
    Some(LanguageGuess {
        code: bcp47.to_string(),
        confidence: info.confidence() as f32,
    })
}

/// Evidence for Arabic, Persian and Urdu in an Arabic-script passage: its
/// letters (only Urdu's weigh 3; Persian's, shared with Urdu, 1; Persian
/// yeh and keheh 0.5 for both; Arabic yeh, kaf and teh marbuta 0.5), then
/// its stop words (2 shared among the languages that list one).
fn arabic_script_language(facts: &PassageFacts) -> Option<LanguageGuess> {
    // Scores in the order of stopwords::LANGUAGES: ar, fa, ur.
    let mut score = facts.letter_score;
    for &langs in &facts.stop_words {
        let n = langs.count_ones() as f32;
        for (bit, s) in score.iter_mut().enumerate() {
            if langs & (1 << bit) != 0 {
                *s += 2.0 / n;
            }
        }
    }
    let total: f32 = score.iter().sum();
    if total == 0.0 {
        return Some(LanguageGuess {
            code: "ar".into(),
            confidence: 0.3,
        });
    }
    let (best, &value) = score
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    let certainty = 1.0 - (-total / 6.0).exp();
    Some(LanguageGuess {
        code: super::stopwords::LANGUAGES[best].to_string(),
        confidence: value / total * certainty,
    })
}

/// English, French, German, Spanish, Portuguese, Italian or Dutch when the
/// passage's stop words point clearly to one of them: each stop word counts
/// 1 shared among the languages that list it, and the winner needs at least
/// `min` and twice the next language's count.
fn latin_stop_word_language(passage: &str, min: f32) -> Option<LanguageGuess> {
    use super::stopwords::{languages_of, LANGUAGES};
    const FIRST_LATIN: usize = 3;
    let mut score = [0f32; LANGUAGES.len() - FIRST_LATIN];
    let mut lower = String::new();
    for word in passage.split(|c: char| c != '\'' && separates_words(c)) {
        if word.is_empty() {
            continue;
        }
        let word = if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase()) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        let langs = languages_of(word) >> FIRST_LATIN;
        let n = langs.count_ones() as f32;
        for (i, s) in score.iter_mut().enumerate() {
            if langs & (1 << i) != 0 {
                *s += 1.0 / n;
            }
        }
    }
    let (mut best, mut first, mut second) = (0, 0f32, 0f32);
    for (i, &s) in score.iter().enumerate() {
        if s > first {
            (best, first, second) = (i, s, first);
        } else if s > second {
            second = s;
        }
    }
    (first >= min && first >= 2.0 * second).then(|| LanguageGuess {
        code: LANGUAGES[FIRST_LATIN + best].to_string(),
        confidence: (first - second) / first * (1.0 - (-first / 3.0).exp()),
    })
}

/// Bytes of a paragraph that identification reads.
const PARAGRAPH_SAMPLE_BYTES: usize = 256;

/// The language of each paragraph (each non-blank line: scraped and plain
/// text put one paragraph per line) that has letters, and of the document:
/// the language with the most letters over its paragraphs, with their
/// letter-weighted mean confidence times its share of the letters.
///
/// ```
/// use lisan::core::language::paragraph_languages;
/// let text = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد في موعده\nThe meeting will take place as planned, he said.";
/// let (document, paragraphs) = paragraph_languages(text);
/// let codes: Vec<&str> = paragraphs.iter().map(|(_, g)| g.code.as_str()).collect();
/// assert_eq!(codes, ["ar", "en"]);
/// assert_eq!(document.unwrap().code, "ar");
/// ```
pub fn paragraph_languages(
    text: &str,
) -> (
    Option<LanguageGuess>,
    Vec<(crate::core::Span, LanguageGuess)>,
) {
    match paragraph_languages_within(text, &crate::core::Budget::unlimited()) {
        Ok(found) => found,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// The document's language and its paragraphs' languages.
pub type Languages = (
    Option<LanguageGuess>,
    Vec<(crate::core::Span, LanguageGuess)>,
);

/// [`paragraph_languages`] within a budget, checked every paragraph.
pub fn paragraph_languages_within(
    text: &str,
    budget: &crate::core::Budget,
) -> Result<Languages, crate::core::Error> {
    let mut paragraphs = Vec::new();
    let mut weights: Vec<(String, f32, f32)> = Vec::new();
    let mut all_letters = 0f32;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        budget.check()?;
        let offset = start + (piece.len() - piece.trim_start().len());
        start += piece.len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let sample = prefix(trimmed, PARAGRAPH_SAMPLE_BYTES);
        let Some((guess, letters)) = identify(sample) else {
            continue;
        };
        let letters = letters as f32;
        all_letters += letters;
        match weights.iter_mut().find(|w| w.0 == guess.code) {
            Some(w) => {
                w.1 += letters;
                w.2 += letters * guess.confidence;
            }
            None => weights.push((guess.code.clone(), letters, letters * guess.confidence)),
        }
        let span = crate::core::Span::new(offset, offset + trimmed.len());
        paragraphs.push((span, guess));
    }
    let document =
        weights
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(code, letters, weighted)| LanguageGuess {
                code: code.clone(),
                confidence: weighted / letters * (letters / all_letters),
            });
    Ok((document, paragraphs))
}

/// The longest prefix of `text` of at most `max` bytes ending on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_on_both_sides_of_u0800_is_one_share() {
        // The lam-alef ligature of the presentation forms (U+FEFB) and an
        // extended Latin letter (U+1EA1) count with their scripts' letters.
        let (_, scripts) = language_and_scripts("قال \u{FEFB} Hạ Noi", 4096);
        assert_eq!(scripts, [("Latn", 5), ("Arab", 4)]);
        assert_eq!(script_shares("\u{FEFB}\u{FEFB} لا"), [("Arab", 4)]);
    }

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
    fn paragraphs_in_arabic_persian_urdu_and_latin_languages_are_identified() {
        let cases = [
            (
                "ar",
                "وأكد الوزير أن الحكومة ستواصل العمل على تحسين الخدمات",
            ),
            ("ar", "هذا هو"),
            ("fa", "دولت ایران اعلام کرد که مذاکرات ادامه خواهد داشت"),
            ("fa", "این است"),
            ("ur", "حکومت نے اعلان کیا کہ مذاکرات جاری رہیں گے"),
            ("en", "The government said the talks would continue"),
            (
                "fr",
                "Le gouvernement a annoncé que les négociations vont continuer",
            ),
            (
                "de",
                "Die Regierung sagte, dass die Gespräche weitergehen werden",
            ),
            (
                "es",
                "El gobierno dijo que las negociaciones van a continuar",
            ),
            ("ru", "Правительство заявило, что переговоры продолжатся"),
        ];
        for (want, text) in cases {
            let guess = identify_language(text).unwrap();
            assert_eq!(guess.code, want, "{text}");
            assert!((0.0..=1.0).contains(&guess.confidence), "{text}");
        }
    }

    #[test]
    fn the_document_language_is_the_one_with_most_letters() {
        let text = "Home | News\n\nوأكد الوزير أن الحكومة ستواصل العمل على تحسين الخدمات في جميع المحافظات\n12345\n";
        let (document, paragraphs) = paragraph_languages(text);
        assert_eq!(paragraphs.len(), 2, "the line of digits has no language");
        assert_eq!(
            paragraphs[1].0.slice(text),
            "وأكد الوزير أن الحكومة ستواصل العمل على تحسين الخدمات في جميع المحافظات"
        );
        let document = document.unwrap();
        assert_eq!(document.code, "ar");
        assert!(document.confidence > 0.5 && document.confidence < 1.0);
        assert_eq!(paragraph_languages("").0, None);
    }

    #[test]
    fn letters_are_counted_as_unicode_counts_alphabetic_characters() {
        let every_char_below_0800: String = (0..0x800u32).filter_map(char::from_u32).collect();
        let samples = [
            every_char_below_0800.as_str(),
            "مُحَمَّدٌ قَرَأَ الكِتابَ ۱۴۰۲ ١٢٣ 2024، Straße Erdoğan Ελλάδα Москва 東京 😀 ‌ـ",
            "",
        ];
        for sample in samples {
            let expected = sample.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(
                PassageFacts::of_with(sample, |_| {}).letters.alphabetic,
                expected,
                "{sample}"
            );
        }
    }

    /// Identification as it was before [`PassageFacts`] (three passes over
    /// the passage: letters, letter evidence, stop words), the reference
    /// the one-pass version must agree with exactly.
    fn identify_in_three_passes(passage: &str) -> Option<(LanguageGuess, usize)> {
        let (mut all, mut arabic, mut alphabetic) = (0, 0, 0);
        for c in passage.chars() {
            let is_alpha = if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                is_alphabetic(c)
            };
            alphabetic += usize::from(is_alpha);
            if is_arabic_block_letter(c) {
                all += 1;
                arabic += 1;
            } else {
                all += usize::from(is_alpha);
            }
        }
        if all == 0 {
            return None;
        }
        if arabic * 2 < all {
            return other_script_language(passage).map(|g| (g, alphabetic));
        }
        let mut score = [0f32; 3];
        for c in passage.chars() {
            if is_urdu_only(c) {
                score[2] += 3.0;
            } else if is_persian_only(c) {
                score[1] += 1.0;
                score[2] += 1.0;
            } else if is_persian_yeh_or_keheh(c) {
                score[1] += 0.5;
                score[2] += 0.5;
            } else if matches!(c, '\u{064A}' | '\u{0643}' | '\u{0629}') {
                score[0] += 0.5;
            }
        }
        for word in passage.split(separates_words) {
            let langs = crate::core::stopwords::languages_of(word) & 0b111;
            let n = langs.count_ones() as f32;
            for (bit, s) in score.iter_mut().enumerate() {
                if langs & (1 << bit) != 0 {
                    *s += 2.0 / n;
                }
            }
        }
        let total: f32 = score.iter().sum();
        let guess = if total == 0.0 {
            LanguageGuess {
                code: "ar".into(),
                confidence: 0.3,
            }
        } else {
            let (best, &value) = score
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
            LanguageGuess {
                code: crate::core::stopwords::LANGUAGES[best].to_string(),
                confidence: value / total * (1.0 - (-total / 6.0).exp()),
            }
        };
        Some((guess, alphabetic))
    }

    /// Passages of generated documents: whole, by line, and cut at several
    /// lengths (so words are cut too), in both corpus mixes.
    fn generated_passages() -> Vec<String> {
        use crate::core::corpus::{documents, Mix};
        let mut passages = Vec::new();
        for mix in [Mix::Arabic, Mix::Mixed] {
            for (seed, size) in [(1, 1024), (7, 4096), (40, 300), (99, 64)] {
                for document in documents(40, size, seed, mix) {
                    for cut in [3, 17, 64, 256, 1000] {
                        passages.push(prefix(&document, cut).to_string());
                    }
                    passages.extend(document.lines().map(str::to_string));
                    passages.push(document);
                }
            }
        }
        passages
    }

    #[test]
    fn one_pass_identification_agrees_with_three_passes_exactly() {
        let mut passages = generated_passages();
        passages.extend(
            [
                "٪ ٪٪ 50٪ من الطلاب",
                "ok, یہ ٹھیک ہے",
                "کتاب ي ك ة",
                "پ چ ژ گ",
                "abc",
                "۔۔۔",
                "می‌خواهم",
                "",
            ]
            .map(str::to_string),
        );
        let mut arabic_script = 0;
        for passage in &passages {
            let new = identify(passage);
            let old = identify_in_three_passes(passage);
            arabic_script += usize::from(
                matches!(&new, Some((g, _)) if ["ar", "fa", "ur"].contains(&g.code.as_str())),
            );
            match (&new, &old) {
                (Some((a, n)), Some((b, m))) => {
                    assert_eq!(a.code, b.code, "{passage:?}");
                    assert_eq!(
                        a.confidence.to_bits(),
                        b.confidence.to_bits(),
                        "{passage:?}"
                    );
                    assert_eq!(n, m, "{passage:?}");
                }
                _ => assert_eq!(new, old, "{passage:?}"),
            }
        }
        assert!(
            arabic_script > passages.len() / 2,
            "the corpus is mostly Arabic script"
        );
    }

    #[test]
    fn no_arabic_persian_or_urdu_stop_word_is_an_ascii_word() {
        // PassageFacts looks up only words with a character beyond ASCII.
        let list = include_str!("../../data/stopwords.tsv");
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let Some((language, word)) = line.split_once('\t') else {
                continue;
            };
            if ["ar", "fa", "ur"].contains(&language) && word.is_ascii() {
                assert!(word.chars().all(separates_words), "{language} {word:?}");
            }
        }
    }

    #[test]
    fn scripts_are_counted_without_common_characters() {
        assert_eq!(script_shares("123 !?"), []);
        assert_eq!(script_shares("שלום سلام"), [("Arab", 4), ("Hebr", 4)]);
        assert_eq!(
            script_shares("Ωmega сон سلام 東京 ab"),
            [
                ("Latn", 6),
                ("Arab", 4),
                ("Cyrl", 3),
                ("Hani", 2),
                ("Grek", 1)
            ]
        );
    }

    #[test]
    fn one_pass_language_and_scripts_agree_with_each_alone() {
        let mut texts = generated_passages();
        texts.push("Ωmega сон سلام 東京 ab 😀 ‌ـ".into());
        texts.push("".into());
        let long: String = generated_passages().concat();
        texts.push(long);
        for text in &texts {
            for sample in [4096, 17, 0] {
                let (language, scripts) = language_and_scripts(text, sample);
                assert_eq!(language, detect_language(prefix(text, sample)), "{text}");
                assert_eq!(scripts, script_shares(text), "{text}");
            }
        }
    }

    #[test]
    fn the_low_script_table_agrees_with_unicode() {
        for code in 0..0x800u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let expected = match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => vec![],
                s => vec![(s.short_name(), 1)],
            };
            assert_eq!(script_shares(&c.to_string()), expected, "U+{code:04X}");
        }
    }
}
