//! Character folds: small stages that each map one character to itself,
//! another character, or nothing. Each has a cheap `applies` check so the
//! common case (nothing to do) costs one range test.

/// What the stages know of a character's surroundings in the input.
#[derive(Clone, Copy, Debug)]
pub(super) struct FoldContext {
    /// The last letter before this point was Arabic.
    pub in_arabic_run: bool,
    /// The input character before the chunk, if any.
    pub before: Option<char>,
    /// The input character after the chunk, if any.
    pub after: Option<char>,
}

/// The result of one stage on one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folded {
    Keep,
    Drop,
    Into(char),
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
    /// ى to ي.
    AlefMaqsura,
    /// ة to ه.
    TehMarbuta,
    /// Arabic-Indic and Extended Arabic-Indic digits to ASCII, and the
    /// Arabic decimal and thousands separators (٫ ٬) to `.` and `,`.
    DigitsToAscii,
}

impl Fold {
    fn applies(self, c: char) -> bool {
        let u = c as u32;
        match self {
            Fold::RemoveInvisible => u < 0x20 || (0x7f..=0x9f).contains(&u) || is_format(c),
            Fold::RemoveArabicDiacritics => is_arabic_diacritic(c),
            Fold::RemoveTatweel => c == '\u{0640}',
            Fold::AlefVariants => matches!(
                c,
                '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}'..='\u{0673}' | '\u{0675}'
            ),
            Fold::AlefMaqsura => c == '\u{0649}',
            Fold::TehMarbuta => c == '\u{0629}',
            Fold::DigitsToAscii => {
                matches!(c, '\u{0660}'..='\u{0669}' | '\u{066B}' | '\u{066C}' | '\u{06F0}'..='\u{06F9}')
            }
        }
    }

    fn fold(self, c: char, ctx: &FoldContext) -> Folded {
        match self {
            Fold::RemoveInvisible => remove_invisible(c, ctx),
            Fold::RemoveArabicDiacritics | Fold::RemoveTatweel if ctx.in_arabic_run => Folded::Drop,
            Fold::RemoveArabicDiacritics | Fold::RemoveTatweel => Folded::Keep,
            Fold::AlefVariants => Folded::Into('\u{0627}'),
            Fold::AlefMaqsura => Folded::Into('\u{064A}'),
            Fold::TehMarbuta => Folded::Into('\u{0647}'),
            Fold::DigitsToAscii if c == '\u{066B}' => Folded::Into('.'),
            Fold::DigitsToAscii if c == '\u{066C}' => Folded::Into(','),
            Fold::DigitsToAscii => {
                let zero = if c >= '\u{06F0}' { 0x06F0 } else { 0x0660 };
                Folded::Into(char::from(b'0' + (c as u32 - zero) as u8))
            }
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
        }
    }
    out.push(c);
}

/// Invisible format characters that carry no text: ZWSP, LRM/RLM/ALM, bidi
/// embeddings, overrides and isolates, word joiner and invisible operators,
/// BOM, soft hyphen, Mongolian vowel separator, deprecated format controls,
/// interlinear annotation marks; and ZWNJ/ZWJ (kept by context).
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
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
fn joins(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_alphanumeric()
            || super::super::script::is_emoji_start(c)
            || matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
            || unicode_normalization::char::is_combining_mark(c)
    })
}

/// Arabic harakat, tanween, shadda, sukun, maddah/hamza above and below,
/// superscript alef, Quranic annotation signs and small high letters.
fn is_arabic_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}')
}
