//! Character classes the segmenter relies on.

/// The value of a decimal digit in ASCII, Arabic-Indic or Extended
/// Arabic-Indic (Persian/Urdu) form.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Whether the gap `from..to` of `text` between two tokens holds a line
/// break, read as bytes without the character-boundary checks of slicing a
/// `str`.
#[allow(clippy::manual_contains)] // gaps are a byte or two: a loop, not a memchr call
pub(super) fn gap_has_line_break(text: &str, from: usize, to: usize) -> bool {
    text.as_bytes()[from..to].iter().any(|&b| b == b'\n')
}

/// Punctuation that ends a sentence, in every script we know.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '؟'
            | '۔'
            | '…'
            | '。'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '܀'
            | '।'
            | '॥'
    )
}

/// Closing quotes and brackets that belong to the sentence they follow.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '›' | ')' | ']' | '}' | '”' | '’' | '」' | '』' | '）' | '〕' | '】'
    )
}

/// Punctuation (as opposed to symbols such as `$`, `+`, `©`).
pub(super) fn is_punctuation(c: char) -> bool {
    match c {
        '!'..='/' | ':'..='@' | '['..='`' | '{'..='~' => {
            !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
        }
        _ => matches!(c,
            '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
            | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061E}' | '\u{061F}' | '\u{066A}'..='\u{066D}'
            | '\u{06D4}' | '\u{0964}' | '\u{0965}' | '\u{0700}'..='\u{070D}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205E}' | '\u{2E00}'..='\u{2E4F}' | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{FD3E}' | '\u{FD3F}'
            | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF3D}' | '\u{FF5B}'..='\u{FF65}'),
    }
}

/// The UTF-8 continuation bytes from `lo` to `hi` (inclusive, 0x80..=0xBF)
/// as bits of a mask, bit `b & 0x3F` for byte `b`: tables of two-byte
/// characters, one mask per lead byte.
pub(super) const fn continuation_bits(lo: u8, hi: u8) -> u64 {
    let width = hi - lo + 1;
    let ones = if width == 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    };
    ones << (lo - 0x80)
}

/// Whether continuation byte `next` is in `mask` (see [`continuation_bits`]).
pub(super) fn in_continuation_mask(mask: u64, next: u8) -> bool {
    mask >> (next & 0x3F) & 1 == 1
}
