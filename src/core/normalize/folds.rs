//! Character folds: small stages that each map one character to itself,
//! another character, or nothing. Each has a cheap `applies` check so the
//! common case (nothing to do) costs one range test.

/// What the stages know of a character's surroundings in the input.
#[derive(Clone, Copy, Debug)]
pub(super) struct FoldContext {
    /// The last letter before this point was Arabic.
    pub in_arabic_run: bool,
    /// The character written before this one, if any.
    pub before: Option<char>,
    /// For ZWNJ/ZWJ only: the next character that stays, marks looked through.
    pub after: Option<char>,
}

/// The result of one stage on one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folded {
    Keep,
    Drop,
    Into(char),
    /// Replaced by several characters; no later stage sees them.
    Expand(&'static str),
}

/// A fold stage. They run in the order of this enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Zero-width, bidi and C0/C1 controls, BOM, soft hyphen. ZWNJ and ZWJ
    /// stay when they join two letters or emoji.
    RemoveInvisible,
    /// Harakat, tanween, shadda, sukun, superscript alef and Quranic marks, in
    /// Arabic runs.
    RemoveArabicDiacritics,
    /// Tatweel (U+0640), in Arabic runs.
    RemoveTatweel,
    /// أ إ آ ٱ and the other hamza/madda/wasla alefs to ا.
    AlefVariants,
    /// ؤ to و, ئ to ي.
    HamzaCarriers,
    /// ى to ي.
    AlefMaqsura,
    /// ة to ه.
    TehMarbuta,
    /// ی ې ے ۍ to ي, ک to ك, ۀ ہ ە to ه.
    PersianToArabic,
    /// ي ى to ی, ك to ک.
    ArabicToPersian,
    /// Arabic-Indic and Extended Arabic-Indic digits to ASCII, and the
    /// Arabic decimal and thousands separators (٫ ٬) to `.` and `,`.
    DigitsToAscii,
    /// Extended Arabic-Indic digits, and ASCII digits in Arabic runs, to Arabic-Indic.
    DigitsToArabicIndic,
    /// Arabic-Indic digits, and ASCII digits in Arabic runs, to Extended Arabic-Indic.
    DigitsToExtended,
    /// ، ؛ ؟ ٪ to , ; ? %.
    ArabicPunctuation,
    /// Typographic quotes to `"` and `'`, dashes and minus signs to `-`.
    QuotesDashes,
    /// Full case folding. Runs last: it may expand a character.
    CaseFold,
}

impl Fold {
    /// Whether this stage may change `c` (its cheap "does this apply?" check).
    pub(super) fn applies(self, c: char) -> bool {
        let u = c as u32;
        match self {
            Fold::RemoveInvisible => u < 0x20 || (0x7f..=0x9f).contains(&u) || is_format(c),
            Fold::RemoveArabicDiacritics => is_arabic_diacritic(c),
            Fold::RemoveTatweel => c == '\u{0640}',
            Fold::AlefVariants => matches!(
                c,
                '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}'..='\u{0673}' | '\u{0675}'
            ),
            Fold::HamzaCarriers => matches!(c, '\u{0624}' | '\u{0626}'),
            Fold::AlefMaqsura => c == '\u{0649}',
            Fold::TehMarbuta => c == '\u{0629}',
            Fold::PersianToArabic => matches!(
                c,
                '\u{06CC}'
                    | '\u{06D0}'
                    | '\u{06D2}'
                    | '\u{06CD}'
                    | '\u{06A9}'
                    | '\u{06C0}'
                    | '\u{06C1}'
                    | '\u{06D5}'
            ),
            Fold::ArabicToPersian => matches!(c, '\u{064A}' | '\u{0649}' | '\u{0643}'),
            Fold::DigitsToAscii => {
                matches!(c, '\u{0660}'..='\u{0669}' | '\u{066B}' | '\u{066C}' | '\u{06F0}'..='\u{06F9}')
            }
            Fold::DigitsToArabicIndic => c.is_ascii_digit() || matches!(c, '\u{06F0}'..='\u{06F9}'),
            Fold::DigitsToExtended => c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}'),
            Fold::ArabicPunctuation => {
                matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}')
            }
            Fold::QuotesDashes => quote_or_dash(c).is_some(),
            Fold::CaseFold => matches!(c, 'ß' | 'ς') || !c.to_lowercase().eq(std::iter::once(c)),
        }
    }

    fn fold(self, c: char, ctx: &FoldContext) -> Folded {
        match self {
            Fold::RemoveInvisible => remove_invisible(c, ctx),
            Fold::RemoveArabicDiacritics | Fold::RemoveTatweel if ctx.in_arabic_run => Folded::Drop,
            Fold::RemoveArabicDiacritics | Fold::RemoveTatweel => Folded::Keep,
            Fold::AlefVariants => Folded::Into('\u{0627}'),
            Fold::HamzaCarriers if c == '\u{0624}' => Folded::Into('\u{0648}'),
            Fold::HamzaCarriers => Folded::Into('\u{064A}'),
            Fold::AlefMaqsura => Folded::Into('\u{064A}'),
            Fold::TehMarbuta => Folded::Into('\u{0647}'),
            Fold::PersianToArabic => Folded::Into(match c {
                '\u{06A9}' => '\u{0643}',
                '\u{06C0}' | '\u{06C1}' | '\u{06D5}' => '\u{0647}',
                _ => '\u{064A}',
            }),
            Fold::ArabicToPersian => Folded::Into(if c == '\u{0643}' {
                '\u{06A9}'
            } else {
                '\u{06CC}'
            }),
            Fold::DigitsToAscii => match c {
                '\u{066B}' => Folded::Into('.'),
                '\u{066C}' => Folded::Into(','),
                _ => Folded::Into(digit_in(c, '0')),
            },
            Fold::DigitsToArabicIndic | Fold::DigitsToExtended
                if c.is_ascii_digit() && !ctx.in_arabic_run =>
            {
                Folded::Keep
            }
            Fold::DigitsToArabicIndic => Folded::Into(digit_in(c, '\u{0660}')),
            Fold::DigitsToExtended => Folded::Into(digit_in(c, '\u{06F0}')),
            Fold::ArabicPunctuation => Folded::Into(match c {
                '\u{060C}' => ',',
                '\u{061B}' => ';',
                '\u{061F}' => '?',
                _ => '%',
            }),
            Fold::QuotesDashes => quote_or_dash(c).map_or(Folded::Keep, Folded::Into),
            Fold::CaseFold => case_fold(c),
        }
    }
}

/// Runs `c` through every stage in order and appends what is left to `out`.
pub(super) fn apply_all(folds: &[Fold], mut c: char, ctx: &FoldContext, out: &mut String) {
    for &fold in folds {
        if !fold.applies(c) {
            continue;
        }
        match fold.fold(c, ctx) {
            Folded::Keep => {}
            Folded::Drop => return,
            Folded::Into(folded) => c = folded,
            Folded::Expand(s) => {
                out.push_str(s);
                return;
            }
        }
    }
    out.push(c);
}

/// The same digit value in the digit block that starts at `zero`.
fn digit_in(c: char, zero: char) -> char {
    let value = crate::core::segment::digit_value(c).unwrap_or(0);
    char::from_u32(zero as u32 + value).unwrap_or(c)
}

fn quote_or_dash(c: char) -> Option<char> {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' | '\u{FF02}' => Some('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
        | '\u{2032}' | '\u{FF07}' => Some('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        _ => None,
    }
}

/// Unicode full case folding: lower case, with the folds that lower-casing
/// alone misses (ß to ss, final sigma to sigma).
fn case_fold(c: char) -> Folded {
    match c {
        'ß' | 'ẞ' => Folded::Expand("ss"),
        'ς' => Folded::Into('σ'),
        'İ' => Folded::Expand("i\u{0307}"),
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Folded::Into(l),
                _ => Folded::Keep,
            }
        }
    }
}

/// Invisible format characters that carry no text: ZWSP, LRM/RLM/ALM, bidi
/// embeddings, overrides and isolates, word joiner and invisible operators,
/// BOM, soft hyphen, Mongolian vowel separator, deprecated format controls,
/// interlinear annotation marks; and ZWNJ/ZWJ (kept by context).
pub(super) fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Whether `c` is removed by [`Fold::RemoveInvisible`] whatever its
/// neighbours: controls other than whitespace, and format characters other
/// than ZWNJ/ZWJ.
pub(super) fn is_removable_invisible(c: char) -> bool {
    let u = c as u32;
    let control = u < 0x20 || (0x7f..=0x9f).contains(&u);
    (control && !c.is_whitespace()) || (is_format(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
}

fn remove_invisible(c: char, ctx: &FoldContext) -> Folded {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' => Folded::Keep,
        '\u{200C}' | '\u{200D}' if joins(ctx.before) && joins(ctx.after) => Folded::Keep,
        _ => Folded::Drop,
    }
}

/// Whether a ZWNJ/ZWJ next to `c` is doing work: letters, marks, digits,
/// emoji and variation selectors are joined; spaces and edges are not.
/// Below U+0800 (Latin, Cyrillic, Arabic...), read from a table built once
/// (`is_alphanumeric` walks slow tables for most letters).
pub(super) fn joins(c: Option<char>) -> bool {
    static BELOW_0800: std::sync::OnceLock<[u64; 32]> = std::sync::OnceLock::new();
    c.is_some_and(|c| {
        let code = c as usize;
        if code >= 0x800 {
            return joins_computed(c);
        }
        let bits = BELOW_0800.get_or_init(|| {
            let mut bits = [0u64; 32];
            for (code, c) in (0..0x800u32).filter_map(|u| Some((u, char::from_u32(u)?))) {
                if joins_computed(c) {
                    bits[code as usize / 64] |= 1 << (code % 64);
                }
            }
            bits
        });
        bits[code / 64] & (1 << (code % 64)) != 0
    })
}

/// [`joins`] computed.
fn joins_computed(c: char) -> bool {
    // The range tests first: `is_alphanumeric` of an emoji walks the slow
    // tables.
    c.is_ascii_alphanumeric()
        || super::super::script::is_emoji_start(c)
        || matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
        || c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
}

/// Arabic harakat, tanween, shadda, sukun, maddah/hamza above and below,
/// superscript alef, Quranic annotation signs and small high letters.
pub(super) fn is_arabic_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}')
}
