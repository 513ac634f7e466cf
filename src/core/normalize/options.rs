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

/// Every normalization switch. Lossy folds are off unless asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalizeOptions {
    pub form: UnicodeForm,
    /// Remove zero-width and bidi controls, BOM, soft hyphen, C0/C1 controls
    /// (tab, newlines kept; ZWNJ/ZWJ kept inside words and emoji).
    pub remove_invisible: bool,
    /// Unicode spaces to U+0020, runs collapsed, line endings unified, the
    /// text trimmed; blank lines kept as one paragraph break.
    pub collapse_whitespace: bool,
    pub remove_arabic_diacritics: bool,
    pub remove_tatweel: bool,
    pub fold_alef_variants: bool,
    pub fold_alef_maqsura: bool,
    pub fold_teh_marbuta: bool,
    pub digits_to_ascii: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Profile::Nfc.options()
    }
}

impl NormalizeOptions {
    /// The fold stages these options switch on, in the order they run.
    pub(super) fn folds(&self) -> Vec<Fold> {
        let switches = [
            (self.remove_invisible, Fold::RemoveInvisible),
            (self.remove_arabic_diacritics, Fold::RemoveArabicDiacritics),
            (self.remove_tatweel, Fold::RemoveTatweel),
            (self.fold_alef_variants, Fold::AlefVariants),
            (self.fold_alef_maqsura, Fold::AlefMaqsura),
            (self.fold_teh_marbuta, Fold::TehMarbuta),
            (self.digits_to_ascii, Fold::DigitsToAscii),
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
    /// NFKC, cleanup, whitespace collapsed, every Arabic fold, ASCII digits:
    /// what a search index wants.
    Search,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::None, Profile::Nfc, Profile::Search];

    pub fn options(self) -> NormalizeOptions {
        let off = NormalizeOptions {
            form: UnicodeForm::None,
            remove_invisible: false,
            collapse_whitespace: false,
            remove_arabic_diacritics: false,
            remove_tatweel: false,
            fold_alef_variants: false,
            fold_alef_maqsura: false,
            fold_teh_marbuta: false,
            digits_to_ascii: false,
        };
        match self {
            Profile::None => off,
            Profile::Nfc => NormalizeOptions {
                form: UnicodeForm::Nfc,
                remove_invisible: true,
                ..off
            },
            Profile::Search => NormalizeOptions {
                form: UnicodeForm::Nfkc,
                remove_invisible: true,
                collapse_whitespace: true,
                remove_arabic_diacritics: true,
                remove_tatweel: true,
                fold_alef_variants: true,
                fold_alef_maqsura: true,
                fold_teh_marbuta: true,
                digits_to_ascii: true,
            },
        }
    }

    /// One line on what the profile is for.
    pub fn description(self) -> &'static str {
        match self {
            Profile::None => "no change; single options may still be switched on",
            Profile::Nfc => {
                "the default: NFC and removal of invisible and control characters (lossless for reading)"
            }
            Profile::Search => {
                "NFKC, cleanup, whitespace collapsed, Arabic diacritics and tatweel removed, \
                 alef/alef maqsura/teh marbuta folded, digits to ASCII (for search indexes)"
            }
        }
    }
}
