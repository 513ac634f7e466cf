//! Tokens: Unicode word boundaries (UAX #29), with numbers, URLs, emails,
//! hashtags and mentions kept whole.

use unicode_segmentation::UnicodeSegmentation;

use super::chars::{continuation_bits, in_continuation_mask, is_digit, is_punctuation};
use super::dictionary;
use crate::core::budget::Budget;
use crate::core::error::Error;
use crate::core::script::is_emoji_start;
use crate::core::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
    Emoji,
}

/// A token of the text: its span and its kind. Whitespace is not a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Splits `text` into tokens, in order, never overlapping.
///
/// ```
/// use lisan::core::segment::{tokenize, TokenKind};
/// let text = "زار 12,500 شخص https://example.com/a?b=1 يوم 2024/07/23 #غزة";
/// let tokens: Vec<(&str, TokenKind)> =
///     tokenize(text).iter().map(|t| (t.span.slice(text), t.kind)).collect();
/// assert_eq!(tokens[1], ("12,500", TokenKind::Number));
/// assert_eq!(tokens[3], ("https://example.com/a?b=1", TokenKind::Url));
/// assert_eq!(tokens[5], ("2024/07/23", TokenKind::Number));
/// assert_eq!(tokens[6], ("#غزة", TokenKind::Hashtag));
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    match tokenize_within(text, &Budget::unlimited()) {
        Ok(tokens) => tokens,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`tokenize`], stopping with the budget's error once it runs out.
pub fn tokenize_within(text: &str, budget: &Budget) -> Result<Vec<Token>, Error> {
    tokenize_with(text, budget, true)
}

/// The tokenizer, with the fast paths (`fast`) or with every word boundary
/// left to UAX #29 (the reference the fast paths must agree with).
fn tokenize_with(text: &str, budget: &Budget, fast: bool) -> Result<Vec<Token>, Error> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut steps = 0usize;
    while pos < text.len() {
        steps += 1;
        budget.check_at(steps)?;
        let rest = &text[pos..];
        if fast && matches!(rest.as_bytes()[0], b' ' | b'\t' | b'\n') {
            // No special token or dictionary run starts with whitespace.
            if let Some(len) = plain_whitespace_len(rest) {
                pos += len;
                continue;
            }
        }
        if fast {
            if let Some(len) = letter_word_len(rest) {
                pos = push_word(&mut tokens, text, pos, pos + len);
                // The space after a word, as the whitespace path above
                // takes it, without another turn of the loop.
                if text.as_bytes().get(pos) == Some(&b' ') {
                    pos += plain_whitespace_len(&text[pos..]).unwrap_or(0);
                }
                continue;
            }
        }
        if let Some((len, kind)) = special(text, pos) {
            tokens.push(Token {
                span: Span::new(pos, pos + len),
                kind,
            });
            pos += len;
            continue;
        }
        let run = dictionary::run_len(rest);
        if run > 0 {
            push_dictionary_words(&mut tokens, pos, &rest[..run]);
            pos += run;
            continue;
        }
        // (Plain whitespace was taken above, before the special tokens.)
        if !fast {
        } else if let Some(len) = plain_word_len(rest) {
            let word = &rest[..len];
            // A plain run that starts with a letter is a word.
            let kind = match rest.as_bytes() {
                [b'0'..=b'9', ..] | [0xD9, 0xA0..=0xA9, ..] => kind_of_segment(word),
                _ => None,
            };
            pos = match kind {
                Some(kind) => {
                    tokens.push(Token {
                        span: Span::new(pos, pos + len),
                        kind,
                    });
                    pos + len
                }
                None => push_word(&mut tokens, text, pos, pos + len),
            };
            continue;
        } else if let Some((len, kind)) = lone_punctuation(rest) {
            debug_assert_eq!(kind_of_segment(&rest[..len]), Some(kind));
            tokens.push(Token {
                span: Span::new(pos, pos + len),
                kind,
            });
            pos += len;
            continue;
        }
        let word = rest.split_word_bounds().next().unwrap_or(rest);
        pos = match kind_of_segment(word) {
            Some(TokenKind::Word) => push_word(&mut tokens, text, pos, pos + word.len()),
            Some(kind) => {
                tokens.push(Token {
                    span: Span::new(pos, pos + word.len()),
                    kind,
                });
                pos + word.len()
            }
            None => pos + blank_len(word),
        };
    }
    Ok(tokens)
}

/// How much of a segment that starts with whitespace is blank: all of it,
/// but the letters or digits that a narrow no-break space (U+202F, which
/// UAX #29 joins to them as it joins `_`) carries: `1\u{202f}250` is two
/// numbers, and the second must not be lost with the space.
fn blank_len(segment: &str) -> usize {
    let after = segment.trim_start_matches(char::is_whitespace);
    if after.starts_with(char::is_alphanumeric) {
        segment.len() - after.len()
    } else {
        segment.len()
    }
}

/// Pushes the word at `start..end` of `text` and says where tokenizing goes
/// on. An Arabic word with digits glued to it (`عام2022`, `الساعة10:30`,
/// `يوليو2024م`, the article drawn out before a number, `الـ24`) is cut
/// where its letters end: the number from there is read as a number
/// anywhere is (`10:30`, `2.5`, `5%`), and tokenizing goes on after it (an
/// era glued after, `2024م`, is a word of its own), so that the number is
/// read (`خلال الـ24 ساعة`, `القمة الـ33`): no Arabic word is spelt with
/// digits, and scraped text often loses the space between them. Latin
/// words keep their digits (`COVID19`, `mp3`, `H1N1`). Words of letters
/// alone pay a read or two of their bytes (see [`may_hold_digit`]).
#[inline(always)]
fn push_word(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[start..end];
    // A letter first: `٫٧٧` (a decimal separator first) is a number.
    if matches!(bytes[0], 0xD8..=0xDB)
        && may_hold_digit(bytes)
        && text[start..end].starts_with(char::is_alphabetic)
    {
        if let Some(next) = push_letters_then_number(tokens, text, start, end) {
            return next;
        }
    }
    tokens.push(Token {
        span: Span::new(start, end),
        kind: TokenKind::Word,
    });
    end
}

/// Whether `bytes` (a word that starts with an Arabic-script character)
/// may hold a digit: an ASCII byte anywhere (a digit or a Latin letter), or
/// an Arabic-Indic (U+0660..U+0669) or Persian (U+06F0..U+06F9) digit among
/// its last three characters (`عام٢٠٢٢`, `عام١٤٤٥هـ`, `٢٠٢٤م`). Words of
/// Arabic letters alone are the common case: their bytes all have the high
/// bit, read eight (or four) at a time, the last read overlapping the one
/// before.
#[inline(always)]
fn may_hold_digit(bytes: &[u8]) -> bool {
    const HIGH8: u64 = 0x8080_8080_8080_8080;
    const HIGH4: u32 = 0x8080_8080;
    let n = bytes.len();
    let word8 = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let word4 = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    let ascii = if n >= 8 {
        (0..n - 8).step_by(8).any(|at| word8(at) & HIGH8 != HIGH8) || word8(n - 8) & HIGH8 != HIGH8
    } else if n >= 4 {
        (word4(0) & word4(n - 4) & HIGH4) != HIGH4
    } else {
        bytes.iter().any(|&b| b < 0x80)
    };
    let arabic_digit_at = |end: usize| match bytes.get(end.wrapping_sub(2)..end) {
        Some([0xD9, b]) => (0xA0..=0xA9).contains(b),
        Some([0xDB, b]) => (0xB0..=0xB9).contains(b),
        _ => false,
    };
    ascii || arabic_digit_at(n) || arabic_digit_at(n - 2) || arabic_digit_at(n.wrapping_sub(4))
}

/// Pushes the letters of the word at `start..end` before its first digit
/// as a word, and the number that starts there as a number token; where
/// tokenizing goes on. `None` when no digit starts a number there.
fn push_letters_then_number(
    tokens: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let (at, _) = text[start..end]
        .char_indices()
        .find(|&(_, c)| is_digit(c))?;
    let number = number_len(&text[start + at..])?;
    tokens.push(Token {
        span: Span::new(start, start + at),
        kind: TokenKind::Word,
    });
    tokens.push(Token {
        span: Span::new(start + at, start + at + number),
        kind: TokenKind::Number,
    });
    Some(start + at + number)
}

// Fast paths: runs of ASCII and Arabic letters and of plain whitespace,
// where the UAX #29 boundary is certain without its tables. Each returns
// `None` whenever a rule of UAX #29 could join what follows, and the
// general path decides.

/// Characters a plain word run may hold: ASCII letters and digits, Arabic
/// letters, harakat and Arabic-Indic digits.
fn is_plain_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{065F}'
            | '\u{0660}'..='\u{0669}' | '\u{0670}'..='\u{06D3}')
}

fn is_word_char(c: char) -> bool {
    is_plain_word_char(c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// One whitespace character (but `\r`, which joins a `\n` after it)
/// followed by something no rule attaches to it.
fn plain_whitespace_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if !matches!(bytes.first()?, b' ' | b'\t' | b'\n') {
        return None;
    }
    let next_plain = match bytes.get(1) {
        None => true,
        Some(b) if b.is_ascii() => true,
        Some(_) => {
            starts_plain_word(&bytes[1..])
                || rest[1..]
                    .chars()
                    .next()
                    .is_some_and(attaches_to_nothing_before)
        }
    };
    next_plain.then_some(1)
}

/// Characters that no rule of UAX #29 attaches to a whitespace character
/// or punctuation mark before them (they are not extending or format
/// characters, WB4): ASCII, plain word characters but Arabic marks, and
/// dashes and quotes.
fn attaches_to_nothing_before(n: char) -> bool {
    n.is_ascii() || is_plain_word_char(n) && !is_arabic_mark(n) || is_general_punctuation(n)
}

/// The digits a plain word run may hold: ASCII and Arabic-Indic.
fn is_plain_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c)
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// A plain word run (as [`plain_word_len`]) that starts with a letter no
/// special token can start with: an Arabic letter but a proclitic before a
/// digit (`و15`), or an ASCII letter that begins neither a URL (`http`,
/// `www.`) nor an email address. Such a run is a word whatever precedes it,
/// so neither [`special`] nor [`kind_of_segment`] needs to be asked.
fn letter_word_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let no_special = match bytes {
        [0xD8..=0xDB, ..] => {
            !(starts_arabic_digit(bytes) || starts_proclitic(bytes) && starts_digit(&bytes[2..]))
        }
        [b'a'..=b'z' | b'A'..=b'Z', ..] => !may_start_url(bytes) && !may_continue_email(bytes),
        _ => false,
    };
    if no_special {
        plain_word_len(rest)
    } else {
        None
    }
}

/// Whether `bytes` starts with an Arabic-Indic or Persian digit.
fn starts_arabic_digit(bytes: &[u8]) -> bool {
    matches!(bytes, [0xD9, 0xA0..=0xA9, ..] | [0xDB, 0xB0..=0xB9, ..])
}

/// Whether `bytes` starts with a digit [`is_digit`] accepts.
fn starts_digit(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(u8::is_ascii_digit) || starts_arabic_digit(bytes)
}

/// Whether `bytes` starts with one of the [`is_proclitic`] letters, read
/// from their UTF-8 bytes (و U+0648, ف U+0641, ب U+0628, ل U+0644,
/// ك U+0643).
fn starts_proclitic(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xD9, 0x88 | 0x81 | 0x84 | 0x83, ..] | [0xD8, 0xA8, ..]
    )
}

/// Whether `bytes` could start what [`url_len`] reads: `http` or `www.`,
/// in any case.
fn may_start_url(bytes: &[u8]) -> bool {
    bytes.get(..4).is_some_and(|head| {
        head.eq_ignore_ascii_case(b"http") || head.eq_ignore_ascii_case(b"www.")
    })
}

/// Whether the ASCII letters and digits `bytes` starts with are followed by
/// a byte that could continue an email's local part or end it (`@`): a
/// cheap necessary condition of [`may_be_email`].
fn may_continue_email(bytes: &[u8]) -> bool {
    let alnum = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    bytes
        .get(alnum)
        .is_some_and(|&b| is_email_local_byte(b) || b == b'@')
}

/// A run of plain word characters that ends where UAX #29 surely breaks.
fn plain_word_len(rest: &str) -> Option<usize> {
    if !starts_plain_word(rest.as_bytes()) {
        return None;
    }
    let bytes = rest.as_bytes();
    let len = plain_run_len(bytes);
    let ends_in_digit = || {
        bytes[..len].last().is_some_and(u8::is_ascii_digit)
            || len >= 2 && starts_arabic_digit(&bytes[len - 2..])
    };
    let certain = match bytes.get(len..) {
        None | Some([]) => return Some(len),
        Some([b' ' | b'\t' | b'\n' | b'\r', ..]) => true,
        // Join letters or digits on both sides (MidLetter, MidNumLet).
        Some([b'.' | b':' | b'\'', after @ ..]) => after
            .first()
            .is_none_or(|c| c.is_ascii_whitespace() || c.is_ascii_punctuation()),
        // Join digits on both sides only (MidNum).
        Some([b',' | b';', ..]) => !ends_in_digit(),
        Some([b'_', ..]) => false,
        Some([b, ..]) if b.is_ascii() => b.is_ascii_punctuation(),
        Some(_) => non_ascii_ends_word(&rest[len..], ends_in_digit),
    };
    certain.then_some(len)
}

/// Whether UAX #29 surely breaks before the non-ASCII `after`, which
/// follows a plain word run (whose last character is a digit when
/// `ends_in_digit` says so).
fn non_ascii_ends_word(after: &str, ends_in_digit: impl Fn() -> bool) -> bool {
    match after.chars().next() {
        None => true,
        // The Arabic comma joins digits on both sides only (MidNum).
        Some('\u{060C}') => !ends_in_digit(),
        Some('\u{061B}' | '\u{061F}') => true,
        // Dashes and quotes, but the apostrophes, the one-dot leader
        // (MidNumLet) and the hyphenation point (MidLetter).
        Some('\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}') => false,
        Some(c) => is_general_punctuation(c),
    }
}

/// A punctuation mark or symbol that is a segment by itself: ASCII
/// punctuation but `_` (which joins words, WB13a), the Arabic comma,
/// semicolon and question mark, the guillemets, and the dashes and quotes
/// of U+2010 to U+2027, followed by nothing a
/// rule attaches to it (marks and format characters, WB4). At the start of
/// a segment none of these joins what follows (WB6 to WB12 need a letter or
/// digit before them). Its length and kind, as [`kind_of_segment`] says.
fn lone_punctuation(rest: &str) -> Option<(usize, TokenKind)> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    let lone = (first.is_ascii_punctuation() && first != '_')
        || matches!(first, '\u{060C}' | '\u{061B}' | '\u{061F}' | '«' | '»')
        || is_general_punctuation(first);
    let next_plain = chars.next().is_none_or(attaches_to_nothing_before);
    let kind = if is_punctuation(first) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    };
    (lone && next_plain).then_some((first.len_utf8(), kind))
}

/// Whether `bytes` starts with a [`is_plain_word_char`] character that is
/// not an Arabic mark, read from the UTF-8 bytes: ASCII letters and digits,
/// U+0621..U+063A, U+0641..U+064A, U+0660..U+0669 and U+0671..U+06D3.
fn starts_plain_word(bytes: &[u8]) -> bool {
    match (bytes.first(), bytes.get(1)) {
        (Some(lead), _) if lead.is_ascii() => lead.is_ascii_alphanumeric(),
        (Some(0xD8), Some(next)) => (0xA1..=0xBA).contains(next),
        (Some(0xD9), Some(next)) => matches!(next, 0x81..=0x8A | 0xA0..=0xA9 | 0xB1..=0xBF),
        (Some(0xDA), Some(_)) => true,
        (Some(0xDB), Some(next)) => *next <= 0x93,
        _ => false,
    }
}

/// Bytes of the run of word characters `bytes` starts with, read from the
/// UTF-8 bytes without decoding characters: [`is_plain_word_char`]
/// characters (Arabic letters are two bytes, lead 0xD8 to 0xDB), and inside
/// a word also Latin letters up to U+024F, tatweel and Persian digits (all
/// letters or digits to UAX #29), and a zero-width non-joiner between
/// Arabic-script letters (a format character, which UAX #29 skips).
fn plain_run_len(bytes: &[u8]) -> usize {
    let first = match bytes {
        [b, ..] if is_ascii_alnum(*b) => 1,
        [lead @ 0xD8..=0xDB, next, ..] if in_mask(&ARABIC_FIRST, lead - 0xD8, *next) => 2,
        _ => return 0,
    };
    first + run_inside_word_len(&bytes[first..])
}

/// [`plain_run_len`] after the first character, where more is allowed.
fn run_inside_word_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            if !is_ascii_alnum(lead) {
                break;
            }
            i += 1;
            continue;
        }
        let Some(&next) = bytes.get(i + 1) else {
            break;
        };
        let plain = match lead {
            0xD8..=0xDB => in_mask(&ARABIC_INSIDE, lead - 0xD8, next),
            0xC3..=0xC9 => in_mask(&LATIN_INSIDE, lead - 0xC3, next),
            // ZWNJ (E2 80 8C) before an Arabic-script letter.
            0xE2 => {
                let zwnj = bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0x8C][..]);
                if zwnj && bytes.get(i + 3).is_some_and(|b| (0xD8..=0xDB).contains(b)) {
                    i += 3;
                    continue;
                }
                false
            }
            _ => false,
        };
        if !plain {
            break;
        }
        i += 2;
    }
    i
}

/// Whether each byte is an ASCII letter or digit, as a table (a plain run
/// asks for every ASCII byte).
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)]
}

/// Whether the two-byte character `lead`, `next` is in `masks`: one mask per
/// lead byte (from the first of the table's range), a bit per continuation
/// byte 0x80..=0xBF.
fn in_mask(masks: &[u64], lead_index: u8, next: u8) -> bool {
    in_continuation_mask(masks[usize::from(lead_index)], next)
}

/// Characters a plain run may start with, lead bytes 0xD8..=0xDB:
/// U+0621..U+063A, U+0641..U+0669, U+0670..U+06BF and U+06C0..U+06D3.
const ARABIC_FIRST: [u64; 4] = [
    continuation_bits(0xA1, 0xBA),
    continuation_bits(0x81, 0xA9) | continuation_bits(0xB0, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0x93),
];

/// [`ARABIC_FIRST`], and inside a word U+0640 (tatweel) and U+06F0..U+06F9
/// (Persian digits).
const ARABIC_INSIDE: [u64; 4] = [
    ARABIC_FIRST[0],
    ARABIC_FIRST[1] | continuation_bits(0x80, 0x80),
    ARABIC_FIRST[2],
    ARABIC_FIRST[3] | continuation_bits(0xB0, 0xB9),
];

/// Inside a word, Latin letters U+00C0..U+024F (lead bytes 0xC3..=0xC9)
/// but × and ÷.
const LATIN_INSIDE: [u64; 7] = [
    continuation_bits(0x80, 0xBF) & !continuation_bits(0x97, 0x97) & !continuation_bits(0xB7, 0xB7),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0xBF),
    continuation_bits(0x80, 0x8F),
];

/// The words of a run in a script written without spaces, from `pos`.
fn push_dictionary_words(tokens: &mut Vec<Token>, pos: usize, run: &str) {
    for (start, end) in dictionary::words(run) {
        let kind = kind_of_segment(&run[start..end]).unwrap_or(TokenKind::Word);
        tokens.push(Token {
            span: Span::new(pos + start, pos + end),
            kind,
        });
    }
}

/// Whether `pos` starts a word: nothing alphanumeric before it, or only a
/// one-letter Arabic proclitic (`و15`, `ب2024`), which is split off.
fn at_word_start(text: &str, pos: usize) -> bool {
    let mut before = text[..pos].chars().rev();
    match before.next() {
        None => true,
        Some(c) if is_proclitic(c) => !before.next().is_some_and(is_word_char),
        Some(c) => !is_word_char(c),
    }
}

/// One-letter Arabic proclitics: and, then, with/in, for/to, like.
fn is_proclitic(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
}

/// A token that UAX #29 would split: its length and kind. Whether `pos`
/// starts a word (which reads the text before it) is asked only when the
/// first characters could start such a token.
fn special(text: &str, pos: usize) -> Option<(usize, TokenKind)> {
    let rest = &text[pos..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    if is_proclitic(first) {
        // A proclitic letter starts no other special token.
        let before_digit = chars.next().is_some_and(is_digit);
        return (before_digit && at_word_start(text, pos))
            .then(|| (first.len_utf8(), TokenKind::Word));
    }
    let by_first = matches!(
        first,
        'h' | 'H' | 'w' | 'W' | '#' | '@' | '+' | '-' | '\u{2212}'
    ) || is_digit(first);
    if !(by_first || may_be_email(rest)) || !at_word_start(text, pos) {
        return None;
    }
    match first {
        'h' | 'H' | 'w' | 'W' => url_len(rest).map(|n| (n, TokenKind::Url)),
        '#' => hashtag_len(rest).map(|n| (n, TokenKind::Hashtag)),
        '@' => tag_len(rest).map(|n| (n, TokenKind::Mention)),
        '+' | '-' | '\u{2212}' => number_len(rest).map(|n| (n, TokenKind::Number)),
        c if is_digit(c) => number_len(rest).map(|n| (n, TokenKind::Number)),
        _ => None,
    }
    .or_else(|| email_len(rest).map(|n| (n, TokenKind::Email)))
}

/// What [`email_len`] needs before it can match: a local part (a run of
/// local-part bytes no longer than the limit) followed by `@`.
fn may_be_email(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let local = bytes
        .iter()
        .take(EMAIL_LOCAL_MAX + 1)
        .take_while(|&&b| is_email_local_byte(b))
        .count();
    local > 0 && local <= EMAIL_LOCAL_MAX && bytes.get(local) == Some(&b'@')
}

fn is_email_local_byte(b: u8) -> bool {
    matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'_' | b'%' | b'+' | b'-')
}

fn kind_of_segment(segment: &str) -> Option<TokenKind> {
    let first = segment.chars().next()?;
    if is_plain_word_char(first) && !is_plain_digit(first) {
        return Some(TokenKind::Word);
    }
    if first.is_whitespace() {
        return None;
    }
    if is_emoji_start(first) && !first.is_ascii() {
        return Some(TokenKind::Emoji);
    }
    // Each property of the first character is looked up once (they are
    // table searches outside ASCII); dashes and quotes have none of them.
    let rest = &segment[first.len_utf8()..];
    let (numeric, alphabetic) = if is_general_punctuation(first) {
        (false, false)
    } else {
        (first.is_numeric(), first.is_alphabetic())
    };
    Some(if numeric && rest.chars().all(char::is_numeric) {
        TokenKind::Number
    } else if numeric || alphabetic || rest.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else if is_punctuation(first) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    })
}

/// Dashes, quotation marks, bullets and leaders (U+2010 to U+2027): no
/// letter, digit, space, emoji or joining mark among them, and to UAX #29
/// none joins what follows at the start of a segment.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2010}'..='\u{2027}').contains(&c)
}

/// `http://`, `https://` or `www.` followed by URL characters; trailing
/// punctuation that usually ends a sentence is left out.
fn url_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let scheme = ["https://", "http://", "www."].into_iter().find(|p| {
        bytes
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    })?;
    let body = rest[scheme.len()..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '«' | '»' | '،'))
        .map_or(rest.len() - scheme.len(), |(i, _)| i);
    let mut len = scheme.len() + body;
    len = trim_trailing(rest, len, |c| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '؟' | '\'' | ')')
    });
    (len > scheme.len() + 1).then_some(len)
}

/// Longest local part and domain of an email address (RFC 5321), which
/// also bounds how far a failed match looks.
const EMAIL_LOCAL_MAX: usize = 64;
const EMAIL_DOMAIN_MAX: usize = 255;

/// `local@domain.tld` with ASCII local part and a dotted domain.
fn email_len(rest: &str) -> Option<usize> {
    let local = rest
        .bytes()
        .take(EMAIL_LOCAL_MAX + 1)
        .take_while(|&b| is_email_local_byte(b))
        .count();
    if local == 0 || local > EMAIL_LOCAL_MAX || rest.as_bytes().get(local) != Some(&b'@') {
        return None;
    }
    let domain_start = local + 1;
    let domain = rest[domain_start..]
        .bytes()
        .take(EMAIL_DOMAIN_MAX)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-')
        .count();
    let len = trim_trailing(rest, domain_start + domain, |c| c == '.' || c == '-');
    let host = &rest[domain_start..len];
    let tld_ok = host.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
    });
    tld_ok.then_some(len)
}

/// `#` or `@` followed by letters, digits, underscores (and marks, ZWNJ).
fn tag_len(rest: &str) -> Option<usize> {
    let body: usize = rest[1..]
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '_' || c == '\u{200C}' || is_mark(c))
        .map(char::len_utf8)
        .sum();
    (body > 0).then_some(1 + body)
}

/// A tag after `#` that is no number: digits alone (`#1`, `&#0;`) are a
/// rank or a character reference, and no platform links them as a tag.
fn hashtag_len(rest: &str) -> Option<usize> {
    let len = tag_len(rest)?;
    rest[1..len].chars().any(|c| !c.is_numeric()).then_some(len)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c) || c == '\u{0640}'
}

/// A number: an optional sign, digits in any supported script with inner
/// separators (`3.5`, `١٢٬٥٠٠`, `2024/07/23`, `10:30`, `2024-07-23`), an
/// optional percent sign, or an English ordinal suffix (`21st`).
fn number_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let sign = match bytes {
        [b'+' | b'-', ..] => 1,
        [0xE2, 0x88, 0x92, ..] => 3, // U+2212 minus sign
        _ => 0,
    };
    if digit_len(&bytes[sign..]) == 0 {
        return None;
    }
    let mut len = sign;
    let mut at = sign;
    let mut dashed = false;
    let mut dashes = 0;
    loop {
        let digit = digit_len(&bytes[at..]);
        if digit > 0 {
            at += digit;
            len = at;
            continue;
        }
        let separator = separator_len(&bytes[at..]);
        if separator == 0 || digit_len(&bytes[at + separator..]) == 0 {
            break;
        }
        if bytes[at] == b'-' {
            // A dashed date has two dashes; a third ends the number here, so
            // that "1-1-1-..." is not rescanned from every dash.
            dashes += 1;
            if dashes > 2 {
                break;
            }
            dashed = true;
        }
        at += separator;
    }
    if dashed && !is_dashed_date(&rest[sign..len]) {
        len = rest[sign..len].find('-').map_or(len, |d| sign + d);
    }
    let tail = &rest[len..];
    if tail.starts_with('%') || tail.starts_with('٪') {
        len += tail.chars().next().map_or(0, char::len_utf8);
    } else if let Some(suffix) = ordinal_suffix(tail) {
        len += suffix;
    }
    Some(len)
}

/// Bytes of the digit `bytes` starts with (an [`is_digit`] character: ASCII,
/// Arabic-Indic or Persian), or 0.
fn digit_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'0'..=b'9', ..] => 1,
        [0xD9, 0xA0..=0xA9, ..] | [0xDB, 0xB0..=0xB9, ..] => 2,
        _ => 0,
    }
}

/// Bytes of the separator a number may hold between digits that `bytes`
/// starts with (`.` `,` `:` `/` `-` and the Arabic decimal and thousands
/// separators `٫` `٬`), or 0.
fn separator_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'.' | b',' | b':' | b'/' | b'-', ..] => 1,
        [0xD9, 0xAB | 0xAC, ..] => 2,
        _ => 0,
    }
}

/// `2024-07-23` or `23-07-2024`.
fn is_dashed_date(s: &str) -> bool {
    let parts: Vec<usize> = s.split('-').map(|p| p.chars().count()).collect();
    matches!(parts.as_slice(), [4, 1 | 2, 1 | 2] | [1 | 2, 1 | 2, 4])
}

/// `st`, `nd`, `rd` or `th` not followed by another letter.
fn ordinal_suffix(tail: &str) -> Option<usize> {
    let head = tail.get(..2)?.as_bytes();
    let head = [head[0].to_ascii_lowercase(), head[1].to_ascii_lowercase()];
    let after = tail[2..].chars().next();
    (matches!(&head, b"st" | b"nd" | b"rd" | b"th") && !after.is_some_and(char::is_alphanumeric))
        .then_some(2)
}

/// Shortens `len` while the char before it matches `strip`.
fn trim_trailing(s: &str, mut len: usize, strip: impl Fn(char) -> bool) -> usize {
    while let Some(c) = s[..len].chars().next_back() {
        if !strip(c) {
            break;
        }
        len -= c.len_utf8();
    }
    len
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_article_drawn_out_before_a_number_is_a_token_of_its_own() {
        let text = "خلال الـ24 ساعة، القمة الـ٣٣ والـكتاب الـ";
        let tokens: Vec<(&str, TokenKind)> = super::tokenize(text)
            .iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect();
        use TokenKind::*;
        assert_eq!(
            tokens,
            [
                ("خلال", Word),
                ("الـ", Word),
                ("24", Number),
                ("ساعة", Word),
                ("،", Punctuation),
                ("القمة", Word),
                ("الـ", Word),
                ("٣٣", Number),
                ("والـكتاب", Word),
                ("الـ", Word),
            ]
        );
    }

    use super::*;
    use crate::core::corpus::generate;

    /// The byte scan stops where the character test says, for every
    /// character of the Basic Multilingual Plane, first or inside a word.
    #[test]
    fn plain_runs_read_from_bytes_stop_where_characters_do() {
        let inside = |c: char| {
            is_plain_word_char(c)
                || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0640}' | '\u{06F0}'..='\u{06F9}')
                    && c != '×'
                    && c != '÷'
        };
        for c in ('\0'..='\u{FFFF}').filter(|c| !c.is_ascii_alphanumeric()) {
            let text = format!("ab\u{0628}{c}x");
            let by_char = text
                .char_indices()
                .find(|&(_, c)| !inside(c))
                .map_or(text.len(), |(i, _)| i);
            assert_eq!(plain_run_len(text.as_bytes()), by_char, "{c:?}");
            let alone = format!("{c}x");
            let first = if is_plain_word_char(c) {
                alone.len()
            } else {
                0
            };
            assert_eq!(plain_run_len(alone.as_bytes()), first, "{c:?} first");
        }
        for c in '\0'..='\u{FFFF}' {
            let text = format!("{c}x");
            let by_char = is_plain_word_char(c) && !is_arabic_mark(c);
            assert_eq!(starts_plain_word(text.as_bytes()), by_char, "{c:?} starts");
        }
        let persian = "می\u{200C}خواهم";
        assert_eq!(plain_run_len(persian.as_bytes()), persian.len());
        assert_eq!(plain_run_len("ب\u{200C} ".as_bytes()), 2);
        assert_eq!(plain_run_len("\u{200C}ب".as_bytes()), 0);
    }

    /// The fast paths give the tokens UAX #29 alone gives, on the mixed
    /// corpus and on the places where a rule could join across them.
    #[test]
    fn fast_paths_agree_with_uax29() {
        // Around each dash and quote the fast paths take alone: after a
        // word or digit, before letters, marks, joiners and format characters.
        let dashes: String = ('\u{2010}'..='\u{2027}')
            .map(|c| {
                format!("ab{c}cd 1{c}2 {c}x {c}\u{0301} x{c}\u{200D}y ب{c}ب {c}{c} {c}\u{200B}. ")
            })
            .collect();
        let tricky = [
            dashes.as_str(),
            "a.b 1.5 .5 'x' \"q\" «نص» ،و ؛ ؟ ...! (a) [b] {c} a_b _x x_ -- ++ $5",
            ".\u{064E} ،\u{0651}x ؟\u{200D}y .\u{200C}. #\u{FE0F}\u{20E3} *\u{20E3} a:b 3,4 ,5 ;6",
            "\r\n.\r\n،\n«\u{1F600}» .👍 '\u{05D0} \"\u{05D0}\" ٫٣ ٬ \u{0640}. .\u{0640} ).",
            // Letters that may start special tokens, and their look-alikes.
            "و15 ب٢٠٢٤ ف۱۲ لx كب1 و_ http://a.b HTTPS://c.d www.e.f wwwx htt hx@y.co a.b@c.de \
             a-b@c.de ab%c ab+ x1@y.z ١٢ ۱۲ و١٢ مثل٣ ك",
            "ب\u{0651}15 و\u{200C}1 ب\u{064E}٢ ال2024",
        ];
        let budget = Budget::unlimited();
        let corpus = generate(300_000, 3);
        for text in tricky.iter().copied().chain([corpus.as_str()]) {
            let fast = tokenize_with(text, &budget, true).expect("unlimited");
            let reference = tokenize_with(text, &budget, false).expect("unlimited");
            let show = |t: &[Token]| -> Vec<(String, TokenKind)> {
                t.iter()
                    .map(|t| (t.span.slice(text).to_string(), t.kind))
                    .collect()
            };
            assert_eq!(show(&fast), show(&reference));
        }
    }

    /// `number_len` as it was written over characters, before it read
    /// bytes: the reference the byte scan must agree with.
    fn number_len_reference(rest: &str) -> Option<usize> {
        let sign = match rest.chars().next()? {
            c @ ('+' | '-' | '\u{2212}') => c.len_utf8(),
            _ => 0,
        };
        let chars: Vec<(usize, char)> = rest[sign..]
            .char_indices()
            .map(|(i, c)| (i + sign, c))
            .collect();
        if !chars.first().is_some_and(|&(_, c)| is_digit(c)) {
            return None;
        }
        let (mut len, mut dashed, mut dashes) = (sign, false, 0);
        for (k, &(at, c)) in chars.iter().enumerate() {
            if is_digit(c) {
                len = at + c.len_utf8();
                continue;
            }
            let separator = matches!(c, '.' | ',' | '٫' | '٬' | ':' | '/' | '-');
            if !separator || !chars.get(k + 1).is_some_and(|&(_, n)| is_digit(n)) {
                break;
            }
            if c == '-' {
                dashes += 1;
                if dashes > 2 {
                    break;
                }
            }
            dashed |= c == '-';
        }
        if dashed && !is_dashed_date(&rest[sign..len]) {
            len = rest[sign..len].find('-').map_or(len, |d| sign + d);
        }
        let tail = &rest[len..];
        if tail.starts_with('%') || tail.starts_with('٪') {
            len += tail.chars().next().map_or(0, char::len_utf8);
        } else if let Some(suffix) = ordinal_suffix(tail) {
            len += suffix;
        }
        Some(len)
    }

    /// Numbers read from bytes end where reading characters ends them, at
    /// every position of the corpus and of strings of separators, signs and
    /// digits in each script.
    #[test]
    fn numbers_read_from_bytes_agree_with_characters() {
        let tricky = "1.5 -3,5% +٢٫٥٪ \u{2212}7 ١٢٬٥٠٠ ۱۲۳/۴ 2024-07-23 23-07-2024 1-2-3-4 \
                      1--2 1..2 1.-2 10:30: 21st 2nd3 3rdx 4th 5% 6٪ .7 -.8 ١-٢-٢٠٢٤ 1/ 2, 3٫ \
                      9\u{0661}\u{06F1} 1a 1٫a -";
        let corpus = generate(100_000, 5);
        for text in [tricky, corpus.as_str()] {
            for (at, _) in text.char_indices() {
                let rest = &text[at..];
                assert_eq!(number_len(rest), number_len_reference(rest), "{rest:.20}");
            }
        }
    }

    /// `special` as it was before it learned to skip `at_word_start`: the
    /// reference its shortcuts must agree with.
    fn special_reference(rest: &str, at_word_start: bool) -> Option<(usize, TokenKind)> {
        let mut chars = rest.chars();
        let first = chars.next()?;
        if !at_word_start {
            return None;
        }
        if is_proclitic(first) && chars.next().is_some_and(is_digit) {
            return Some((first.len_utf8(), TokenKind::Word));
        }
        match first {
            'h' | 'H' | 'w' | 'W' => url_len(rest).map(|n| (n, TokenKind::Url)),
            '#' => hashtag_len(rest).map(|n| (n, TokenKind::Hashtag)),
            '@' => tag_len(rest).map(|n| (n, TokenKind::Mention)),
            '+' | '-' | '\u{2212}' => number_len(rest).map(|n| (n, TokenKind::Number)),
            c if is_digit(c) => number_len(rest).map(|n| (n, TokenKind::Number)),
            _ => None,
        }
        .or_else(|| email_len(rest).map(|n| (n, TokenKind::Email)))
    }

    /// Special tokens are found at every position exactly where the
    /// reference finds them, on the corpus and on strings built around
    /// each kind (proclitic before a digit, links, tags, signs, emails).
    #[test]
    fn special_tokens_agree_with_the_reference_everywhere() {
        let long_local = "a".repeat(EMAIL_LOCAL_MAX);
        let tricky = format!(
            "و15 ب2024 وب3 لل٣ x@y.com a.b-c%d+e_f@ex.org {long_local}@x.org a{long_local}@x.org \
             @name #وسم #x_1 +5 -3.5 \u{2212}7 12,500 ١٢٬٥٠٠ ۱۴۰۲ https://a.b/c?d www.x.org \
             Http://Q.R h w k@ @ . _@a.bc %@a.bc ٣٫٥٪ 21st 2024-07-23 1-1-1-1 و@x.com"
        );
        let corpus = generate(200_000, 5);
        for text in [tricky.as_str(), corpus.as_str()] {
            for (pos, _) in text.char_indices() {
                let reference = special_reference(&text[pos..], at_word_start(text, pos));
                assert_eq!(
                    special(text, pos),
                    reference,
                    "at {pos}: {:?}",
                    &text[pos..]
                );
            }
        }
    }

    /// `kind_of_segment` as it was before each property was looked up once.
    fn kind_reference(segment: &str) -> Option<TokenKind> {
        let first = segment.chars().next()?;
        if is_plain_word_char(first) && !is_plain_digit(first) {
            return Some(TokenKind::Word);
        }
        Some(if first.is_whitespace() {
            return None;
        } else if is_emoji_start(first) && !first.is_ascii() {
            TokenKind::Emoji
        } else if first.is_numeric() && segment.chars().all(|c| c.is_numeric()) {
            TokenKind::Number
        } else if first.is_alphanumeric() || segment.chars().any(char::is_alphanumeric) {
            TokenKind::Word
        } else if is_punctuation(first) {
            TokenKind::Punctuation
        } else {
            TokenKind::Symbol
        })
    }

    /// Every character of the Basic Multilingual Plane, alone and before a
    /// letter, a digit and a mark, gets the kind the reference gives.
    #[test]
    fn segment_kinds_agree_with_the_reference() {
        for c in '\0'..='\u{FFFF}' {
            for segment in [
                c.to_string(),
                format!("{c}a"),
                format!("{c}1"),
                format!("{c}.."),
                format!("{c}\u{0660}"),
                format!("1{c}"),
            ] {
                assert_eq!(
                    kind_of_segment(&segment),
                    kind_reference(&segment),
                    "{segment:?}"
                );
            }
        }
    }

    /// What the dashes and quotes shortcut relies on: none of them is a
    /// letter, digit, space or emoji, and all are punctuation.
    #[test]
    fn general_punctuation_has_no_letter_digit_space_or_emoji() {
        for c in ('\0'..='\u{FFFF}').filter(|&c| is_general_punctuation(c)) {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(!is_emoji_start(c) && is_punctuation(c), "{c:?}");
        }
    }
}
