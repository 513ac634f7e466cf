//! Normalization options and the named profiles that bundle them.

use super::folds::Fold;

/// A Unicode normalization form, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UnicodeForm {
    None,
    #[default]
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// What happens to whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Whitespace {
    /// Left as it is.
    #[default]
    Keep,
    /// Spaces to U+0020, runs to one, line endings to `\n`, blank lines to
    /// one blank line, the text trimmed.
    Collapse,
    /// As `Collapse`, and single line breaks (hard wraps) become spaces.
    Paragraphs,
    /// Every run, line breaks included, becomes one space.
    SingleLine,
}

/// Which form of the letters Arabic, Persian and Urdu write differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LetterVariants {
    #[default]
    Keep,
    /// ی ې ے to ي, ک to ك, ۀ ہ ە to ه.
    ToArabic,
    /// ي ى to ی, ك to ک.
    ToPersian,
}

/// Which digits numbers are written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Digits {
    #[default]
    Keep,
    /// Arabic-Indic and Extended Arabic-Indic to ASCII (and ٫ ٬ to `.` `,`).
    Ascii,
    /// To Arabic-Indic (ASCII only inside Arabic runs).
    ArabicIndic,
    /// To Extended Arabic-Indic (ASCII only inside Arabic runs).
    ExtendedArabicIndic,
}

/// Every normalization switch. Lossy folds are off unless asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalizeOptions {
    pub form: UnicodeForm,
    /// Remove zero-width and bidi controls, BOM, soft hyphen, C0/C1 controls
    /// (tab, newlines kept; ZWNJ/ZWJ kept inside words and emoji).
    pub remove_invisible: bool,
    pub whitespace: Whitespace,
    /// Arabic presentation forms to letters (hamza kept), ligatures expanded.
    pub fold_presentation_forms: bool,
    pub remove_arabic_diacritics: bool,
    pub remove_tatweel: bool,
    pub fold_alef_variants: bool,
    pub fold_hamza_carriers: bool,
    pub fold_alef_maqsura: bool,
    pub fold_teh_marbuta: bool,
    pub letter_variants: LetterVariants,
    pub digits: Digits,
    /// ، ؛ ؟ ٪ to , ; ? %.
    pub fold_arabic_punctuation: bool,
    /// Typographic quotes to `"` `'`, dashes and minus to `-`.
    pub fold_quotes_dashes: bool,
    /// Remove accents from Latin, Greek and Cyrillic letters.
    pub strip_accents: bool,
    /// Full case folding.
    pub case_fold: bool,
    /// Insert the line break lost between a heading and the sentence glued
    /// to it (see [`crate::core::segment::find_junctions`]).
    pub split_glued_headings: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Profile::Nfc.options()
    }
}

impl NormalizeOptions {
    /// Options that change nothing.
    pub const NONE: NormalizeOptions = NormalizeOptions {
        form: UnicodeForm::None,
        remove_invisible: false,
        whitespace: Whitespace::Keep,
        fold_presentation_forms: false,
        remove_arabic_diacritics: false,
        remove_tatweel: false,
        fold_alef_variants: false,
        fold_hamza_carriers: false,
        fold_alef_maqsura: false,
        fold_teh_marbuta: false,
        letter_variants: LetterVariants::Keep,
        digits: Digits::Keep,
        fold_arabic_punctuation: false,
        fold_quotes_dashes: false,
        strip_accents: false,
        case_fold: false,
        split_glued_headings: false,
    };

    /// The fold stages these options switch on, in the order they run.
    pub(super) fn folds(&self) -> Vec<Fold> {
        let switches = [
            (self.remove_invisible, Fold::RemoveInvisible),
            (self.remove_arabic_diacritics, Fold::RemoveArabicDiacritics),
            (self.remove_tatweel, Fold::RemoveTatweel),
            (self.fold_alef_variants, Fold::AlefVariants),
            (self.fold_hamza_carriers, Fold::HamzaCarriers),
            (self.fold_alef_maqsura, Fold::AlefMaqsura),
            (self.fold_teh_marbuta, Fold::TehMarbuta),
            (
                self.letter_variants == LetterVariants::ToArabic,
                Fold::PersianToArabic,
            ),
            (
                self.letter_variants == LetterVariants::ToPersian,
                Fold::ArabicToPersian,
            ),
            (self.digits == Digits::Ascii, Fold::DigitsToAscii),
            (
                self.digits == Digits::ArabicIndic,
                Fold::DigitsToArabicIndic,
            ),
            (
                self.digits == Digits::ExtendedArabicIndic,
                Fold::DigitsToExtended,
            ),
            (self.fold_arabic_punctuation, Fold::ArabicPunctuation),
            (self.fold_quotes_dashes, Fold::QuotesDashes),
            (self.case_fold, Fold::CaseFold),
        ];
        switches
            .into_iter()
            .filter_map(|(on, fold)| on.then_some(fold))
            .collect()
    }
}

/// A named, documented set of options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Profile {
    /// Nothing changes.
    None,
    /// NFC and removal of invisible characters: safe, lossless for reading.
    #[default]
    Nfc,
    /// For search indexes (matches Lucene's ArabicNormalizer on Arabic).
    Search,
    /// For showing text to people.
    Display,
    /// For tokenizer-based models.
    Ml,
}

impl Profile {
    pub const ALL: [Profile; 5] = [
        Profile::None,
        Profile::Nfc,
        Profile::Search,
        Profile::Display,
        Profile::Ml,
    ];

    pub fn options(self) -> NormalizeOptions {
        let none = NormalizeOptions::NONE;
        let nfc = NormalizeOptions {
            form: UnicodeForm::Nfc,
            remove_invisible: true,
            ..none
        };
        match self {
            Profile::None => none,
            Profile::Nfc => nfc,
            Profile::Search => NormalizeOptions {
                form: UnicodeForm::Nfkc,
                whitespace: Whitespace::Collapse,
                fold_presentation_forms: true,
                remove_arabic_diacritics: true,
                remove_tatweel: true,
                fold_alef_variants: true,
                fold_alef_maqsura: true,
                fold_teh_marbuta: true,
                letter_variants: LetterVariants::ToArabic,
                digits: Digits::Ascii,
                ..nfc
            },
            Profile::Display => NormalizeOptions {
                whitespace: Whitespace::Paragraphs,
                fold_presentation_forms: true,
                ..nfc
            },
            Profile::Ml => NormalizeOptions {
                form: UnicodeForm::Nfkc,
                whitespace: Whitespace::SingleLine,
                fold_presentation_forms: true,
                remove_arabic_diacritics: true,
                remove_tatweel: true,
                digits: Digits::Ascii,
                fold_quotes_dashes: true,
                ..nfc
            },
        }
    }

    /// One line on what the profile is for.
    pub fn description(self) -> &'static str {
        match self {
            Profile::None => "no change; single options may still be switched on",
            Profile::Nfc => "the default: NFC and removal of invisible and control characters (lossless for reading)",
            Profile::Search => {
                "for search indexes: NFKC, cleanup, whitespace collapsed, Arabic diacritics and tatweel removed, \
                 alef/alef maqsura/teh marbuta folded, Persian/Urdu letters to Arabic, ASCII digits; \
                 hamza on carriers, case and accents kept"
            }
            Profile::Display => {
                "for showing text: NFC, cleanup, presentation forms to letters, spaces collapsed and \
                 hard-wrapped lines joined (blank lines kept)"
            }
            Profile::Ml => {
                "for tokenizer-based models: NFKC, cleanup, whitespace on one line, Arabic diacritics and \
                 tatweel removed, quotes and dashes to ASCII, ASCII digits"
            }
        }
    }
}
