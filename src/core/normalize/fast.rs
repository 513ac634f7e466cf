//! The fast path: runs of characters that no step changes are skipped
//! without building chunks, using per-character facts computed once and
//! cached, and a mask of the facts that the request's options care about.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{
    is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick, IsNormalized, UnicodeNormalization,
};

use super::folds::{is_removable_invisible, Fold};
use super::options::{Digits, LetterVariants, NormalizeOptions, UnicodeForm, Whitespace};

/// Facts about a character, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Props(pub(super) u32);

impl Props {
    const NFC_STABLE: u32 = 1;
    const NFKC_STABLE: u32 = 1 << 1;
    const NFD_STABLE: u32 = 1 << 2;
    const NFKD_STABLE: u32 = 1 << 3;
    const ARABIC: u32 = 1 << 4;
    const OWN_SCRIPT: u32 = 1 << 5;
    // What some option may change:
    pub(super) const WHITESPACE: u32 = 1 << 6;
    pub(super) const INVISIBLE: u32 = 1 << 7;
    pub(super) const JOINER: u32 = 1 << 8;
    pub(super) const TATWEEL: u32 = 1 << 9;
    pub(super) const DIACRITIC: u32 = 1 << 10;
    pub(super) const ARABIC_LETTER_FOLD: u32 = 1 << 11;
    pub(super) const PERSIAN_LETTER: u32 = 1 << 12;
    pub(super) const YEH_KAF: u32 = 1 << 13;
    pub(super) const DIGIT: u32 = 1 << 14;
    pub(super) const ARABIC_PUNCTUATION: u32 = 1 << 15;
    pub(super) const QUOTE_DASH: u32 = 1 << 16;
    pub(super) const CASED: u32 = 1 << 17;
    pub(super) const PRESENTATION: u32 = 1 << 18;
    /// Has a decomposition, or is an accent (for accent stripping).
    pub(super) const DECOMPOSABLE: u32 = 1 << 19;
    // Quick-check Yes, whatever the combining class:
    const NFC_YES: u32 = 1 << 20;
    const NFKC_YES: u32 = 1 << 21;
    const NFD_YES: u32 = 1 << 22;
    const NFKD_YES: u32 = 1 << 23;
    // Starters that compose with nothing before them (quick check not Maybe)
    // and whose decomposition in the form begins with a starter (U+FF9E is a
    // starter whose NFKC, U+3099, is a mark that reorders with the marks
    // before it):
    const STARTER: u32 = 1 << 24;
    const NFC_BOUNDARY: u32 = 1 << 25;
    const NFKC_BOUNDARY: u32 = 1 << 26;
    const NFD_BOUNDARY: u32 = 1 << 29;
    const NFKD_BOUNDARY: u32 = 1 << 30;
    /// A presentation form of harakat drawn alone (on a space)...
    pub(super) const HARAKA_ON_SPACE: u32 = 1 << 27;
    /// ...or on a tatweel.
    pub(super) const HARAKA_ON_TATWEEL: u32 = 1 << 28;

    /// Whether the form leaves `c` alone and nothing before it can join it
    /// (a starter that does not compose with what precedes it).
    pub(super) fn stable_under(self, form: UnicodeForm) -> bool {
        let bits = match form {
            UnicodeForm::None => Self::NFD_STABLE | Self::NFC_STABLE,
            UnicodeForm::Nfc => Self::NFC_STABLE,
            UnicodeForm::Nfkc => Self::NFKC_STABLE,
            UnicodeForm::Nfd => Self::NFD_STABLE,
            UnicodeForm::Nfkd => Self::NFKD_STABLE,
        };
        self.0 & bits != 0
    }

    /// Whether a chunk may start at this character under `form`: a starter
    /// that composes with nothing before it.
    pub(super) fn is_boundary(self, form: UnicodeForm) -> bool {
        let bit = match form {
            UnicodeForm::Nfc => Self::NFC_BOUNDARY,
            UnicodeForm::Nfkc => Self::NFKC_BOUNDARY,
            UnicodeForm::Nfd => Self::NFD_BOUNDARY,
            UnicodeForm::Nfkd => Self::NFKD_BOUNDARY,
            UnicodeForm::None => Self::STARTER,
        };
        self.0 & bit != 0
    }

    /// Whether the form's quick check says Yes for this character alone.
    pub(super) fn quick_yes(self, form: UnicodeForm) -> bool {
        let bit = match form {
            UnicodeForm::None => return true,
            UnicodeForm::Nfc => Self::NFC_YES,
            UnicodeForm::Nfkc => Self::NFKC_YES,
            UnicodeForm::Nfd => Self::NFD_YES,
            UnicodeForm::Nfkd => Self::NFKD_YES,
        };
        self.0 & bit != 0
    }

    pub(super) fn is_arabic(self) -> bool {
        self.0 & Self::ARABIC != 0
    }

    /// A starter: canonical combining class 0.
    pub(super) fn is_starter(self) -> bool {
        self.0 & Self::STARTER != 0
    }

    /// A starter with a script of its own (not Common or Inherited): it
    /// opens or closes an Arabic run. Marks of a class above 0 never do.
    pub(super) fn has_own_script(self) -> bool {
        self.0 & Self::OWN_SCRIPT != 0
    }

    pub(super) fn any(self, mask: u32) -> bool {
        self.0 & mask != 0
    }
}

/// The facts that make a character worth the slow path under `options`.
pub(super) fn change_mask(options: &NormalizeOptions) -> u32 {
    let o = options;
    let mut mask = 0;
    let mut set = |on: bool, bits: u32| {
        if on {
            mask |= bits;
        }
    };
    set(o.whitespace != Whitespace::Keep, Props::WHITESPACE);
    set(o.remove_invisible, Props::INVISIBLE | Props::JOINER);
    set(o.remove_tatweel, Props::TATWEEL);
    set(o.remove_arabic_diacritics, Props::DIACRITIC);
    set(
        o.fold_alef_variants || o.fold_hamza_carriers || o.fold_alef_maqsura || o.fold_teh_marbuta,
        Props::ARABIC_LETTER_FOLD,
    );
    set(
        o.letter_variants == LetterVariants::ToArabic,
        Props::PERSIAN_LETTER,
    );
    set(
        o.letter_variants == LetterVariants::ToPersian,
        Props::YEH_KAF | Props::ARABIC_LETTER_FOLD,
    );
    set(o.digits != Digits::Keep, Props::DIGIT);
    set(o.fold_arabic_punctuation, Props::ARABIC_PUNCTUATION);
    set(o.fold_quotes_dashes, Props::QUOTE_DASH);
    set(o.case_fold, Props::CASED);
    set(o.fold_presentation_forms, Props::PRESENTATION);
    set(o.strip_accents, Props::DECOMPOSABLE);
    mask
}

/// What the hot loop does with a character of the Arabic block (two UTF-8
/// bytes, `D8..DB` and one more) under a form and change mask: index
/// `(lead & 3) << 6 | (second & 0x3F)`.
pub(super) mod arabic_pass {
    /// Stop: a step may change it.
    pub const STOP: u8 = 0;
    /// Unchanged; no script of its own (the Arabic run stays as it is).
    pub const PASS: u8 = 1;
    /// Unchanged; an Arabic letter (an Arabic run is open after it).
    pub const PASS_ARABIC: u8 = 2;
}

/// The Arabic-block pass table for `form` and `change_mask`, kept per thread
/// for the last pair (most requests and the tokens of a document share one).
pub(super) fn arabic_pass_table(form: UnicodeForm, change_mask: u32) -> [u8; 256] {
    thread_local! {
        static LAST: std::cell::Cell<Option<(UnicodeForm, u32, [u8; 256])>> =
            const { std::cell::Cell::new(None) };
    }
    LAST.with(|last| match last.get() {
        Some((f, m, table)) if f == form && m == change_mask => table,
        _ => {
            let table = std::array::from_fn(|index| {
                let c = char::from_u32(0x0600 + index as u32).unwrap_or('\0');
                let p = props(c);
                if p.any(change_mask) || !p.stable_under(form) {
                    arabic_pass::STOP
                } else if p.has_own_script() && p.is_arabic() {
                    arabic_pass::PASS_ARABIC
                } else if p.has_own_script() {
                    arabic_pass::STOP // another script's letter: left to the general loop
                } else {
                    arabic_pass::PASS
                }
            });
            last.set(Some((form, change_mask, table)));
            table
        }
    })
}

/// The facts that make a character possibly deleted under `options` (so it
/// may not end a run of unchanged characters before a mark).
pub(super) fn drop_mask(options: &NormalizeOptions) -> u32 {
    let mut mask = 0;
    if options.remove_invisible {
        mask |= Props::INVISIBLE | Props::JOINER;
    }
    if options.remove_tatweel {
        mask |= Props::TATWEEL;
    }
    if options.fold_presentation_forms && options.remove_arabic_diacritics {
        // Only whole deletions count; a form on a tatweel that stays is an edit.
        mask |= Props::HARAKA_ON_SPACE;
        if options.remove_tatweel {
            mask |= Props::HARAKA_ON_TATWEEL;
        }
    }
    mask
}

/// The facts of every character of the Basic Multilingual Plane, computed
/// once per process (about 30 ms; the server warms it at start-up).
pub(super) fn bmp_table() -> &'static [Props] {
    static TABLE: OnceLock<Vec<Props>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|u| char::from_u32(u).map_or(Props(0), compute))
            .collect()
    })
}

/// Computes the character tables now rather than on the first request.
pub(super) fn warm_up() {
    bmp_table();
    combining_class(' ');
}

/// The canonical combining class of `c`, from a table in the Basic
/// Multilingual Plane (the quick check's ordering test reads it for every
/// mark).
pub(super) fn combining_class(c: char) -> u8 {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|u| char::from_u32(u).map_or(0, canonical_combining_class))
            .collect()
    });
    match table.get(c as usize) {
        Some(&class) => class,
        None => canonical_combining_class(c),
    }
}

/// The facts about `c`: from the table in the Basic Multilingual Plane;
/// pictographic emoji are known; other supplementary characters computed.
pub(super) fn props(c: char) -> Props {
    let index = c as usize;
    if index < 0x1_0000 {
        return bmp_table()[index];
    }
    if (0x1F300..=0x1FAFF).contains(&index) {
        let stable =
            Props::NFC_STABLE | Props::NFKC_STABLE | Props::NFD_STABLE | Props::NFKD_STABLE;
        let yes = Props::NFC_YES | Props::NFKC_YES | Props::NFD_YES | Props::NFKD_YES;
        let boundary = Props::STARTER
            | Props::NFC_BOUNDARY
            | Props::NFKC_BOUNDARY
            | Props::NFD_BOUNDARY
            | Props::NFKD_BOUNDARY;
        return Props(stable | yes | boundary);
    }
    compute(c)
}

fn compute(c: char) -> Props {
    let starter = canonical_combining_class(c) == 0;
    // Whether the decomposition begins with a starter too.
    let begins_with_starter =
        |first: Option<char>| starter && first.is_none_or(|d| canonical_combining_class(d) == 0);
    let canonical_first = std::iter::once(c).nfd().next();
    let compat_first = std::iter::once(c).nfkd().next();
    let canonical_starts = begins_with_starter(canonical_first);
    let compat_starts = begins_with_starter(compat_first);
    // Whether the decomposition begins with a character that composes with
    // the one before it (a Hangul vowel or final jamo: U+FFDB, a halfwidth
    // vowel, is U+1174 under NFKC and joins a leading consonant before it).
    let composes_back = |first: Option<char>| {
        first.is_some_and(|d| is_nfc_quick(std::iter::once(d)) == IsNormalized::Maybe)
    };
    let yes = |q: IsNormalized| q == IsNormalized::Yes;
    let one = || std::iter::once(c);
    let applies = |folds: &[Fold]| folds.iter().any(|f| f.applies(c));
    let facts = [
        (starter && yes(is_nfc_quick(one())), Props::NFC_STABLE),
        (starter && yes(is_nfkc_quick(one())), Props::NFKC_STABLE),
        (starter && yes(is_nfd_quick(one())), Props::NFD_STABLE),
        (starter && yes(is_nfkd_quick(one())), Props::NFKD_STABLE),
        (crate::core::script::is_arabic(c), Props::ARABIC),
        // A combining sequence takes its script from its base: a mark that
        // canonical reordering may move never opens or closes a script run.
        (
            starter && crate::core::script::has_own_script(c),
            Props::OWN_SCRIPT,
        ),
        (c.is_whitespace(), Props::WHITESPACE),
        (is_removable_invisible(c), Props::INVISIBLE),
        (matches!(c, '\u{200C}' | '\u{200D}'), Props::JOINER),
        // What the folds may change comes from their own checks.
        (applies(&[Fold::RemoveTatweel]), Props::TATWEEL),
        (applies(&[Fold::RemoveArabicDiacritics]), Props::DIACRITIC),
        (
            applies(&[
                Fold::AlefVariants,
                Fold::HamzaCarriers,
                Fold::AlefMaqsura,
                Fold::TehMarbuta,
            ]),
            Props::ARABIC_LETTER_FOLD,
        ),
        (applies(&[Fold::PersianToArabic]), Props::PERSIAN_LETTER),
        (applies(&[Fold::ArabicToPersian]), Props::YEH_KAF),
        (
            applies(&[
                Fold::DigitsToAscii,
                Fold::DigitsToArabicIndic,
                Fold::DigitsToExtended,
            ]),
            Props::DIGIT,
        ),
        (
            applies(&[Fold::ArabicPunctuation]),
            Props::ARABIC_PUNCTUATION,
        ),
        (applies(&[Fold::QuotesDashes]), Props::QUOTE_DASH),
        (applies(&[Fold::CaseFold]), Props::CASED),
        (
            matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'),
            Props::PRESENTATION,
        ),
        (
            super::haraka_form_carrier(c) == Some(' '),
            Props::HARAKA_ON_SPACE,
        ),
        (
            super::haraka_form_carrier(c) == Some('\u{0640}'),
            Props::HARAKA_ON_TATWEEL,
        ),
        (
            !yes(is_nfd_quick(one())) || super::is_accent(c),
            Props::DECOMPOSABLE,
        ),
        (yes(is_nfc_quick(one())), Props::NFC_YES),
        (yes(is_nfkc_quick(one())), Props::NFKC_YES),
        (yes(is_nfd_quick(one())), Props::NFD_YES),
        (yes(is_nfkd_quick(one())), Props::NFKD_YES),
        (starter, Props::STARTER),
        (
            canonical_starts
                && is_nfc_quick(one()) != IsNormalized::Maybe
                && !composes_back(canonical_first),
            Props::NFC_BOUNDARY,
        ),
        (
            compat_starts
                && is_nfkc_quick(one()) != IsNormalized::Maybe
                && !composes_back(compat_first),
            Props::NFKC_BOUNDARY,
        ),
        (canonical_starts, Props::NFD_BOUNDARY),
        (compat_starts, Props::NFKD_BOUNDARY),
    ];
    let mut bits = 0;
    for (fact, bit) in facts {
        if fact {
            bits |= bit;
        }
    }
    Props(bits)
}
