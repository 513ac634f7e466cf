//! Glued headings: scraped pages often lose the line break between a
//! heading and the sentence after it, leaving the heading's last word and
//! the sentence's first word run together (`اجتماع محتملمن جانبها، ...`).
//!
//! A junction is looked for near the start of each line, before its first
//! comma or terminal punctuation: an Arabic word that is not a known form,
//! has no clitic reading, and is two known forms run together (short halves
//! must be common words), with a
//! heading of at least two words before the junction and a sentence of at
//! least [`MIN_SENTENCE_WORDS`] words after it. The split with the most
//! common pair of halves wins; its confidence grows with how common the
//! rarer half is.

use super::chars::is_terminal;
use super::clitics::{is_arabic_letter, split_clitics, CliticConvention};
use super::tokens::{Token, TokenKind};
use crate::core::wordfreq::{is_ignored_mark, zipf};

/// Words from the start of a line within which a junction is looked for.
const MAX_HEADING_WORDS: usize = 12;
/// Words that must follow a junction on its line.
const MIN_SENTENCE_WORDS: usize = 3;
/// Longer words are not two words run together (the longest Arabic words
/// have about fifteen letters); this also keeps the search linear.
const MAX_GLUED_LETTERS: usize = 40;

/// Letters the heading's last word must have (the sentence's first word may
/// be a two-letter particle such as `من` or `في`).
const MIN_HEAD_LETTERS: usize = 3;
const MIN_TAIL_LETTERS: usize = 2;

/// How common a half must be (Zipf; 3 is once per million words), by its
/// length in letters: short halves must be common function words, or any
/// rare name would split into two fragments that happen to be words.
fn min_zipf(letters: usize) -> f32 {
    match letters {
        0..=2 => 6.5,
        3 => 4.5,
        _ => 3.5,
    }
}

/// The lowest Zipf frequency of the word list: any listed word.
const MIN_LISTED_ZIPF: f32 = 2.5;

/// Endings of Arabic inflection (dual and plural, verb person endings,
/// object pronouns, and their combinations): a word that ends in one of
/// these is an inflected word, not a heading glued to a sentence.
const INFLECTIONAL_ENDINGS: [&str; 24] = [
    "ان", "ين", "ون", "ات", "وا", "تم", "تن", "تما", "نا", "ها", "هم", "هن", "هما", "كم", "كن",
    "ني", "ية", "يا", "ما", "وه", "وها", "وهم", "تها", "تهم",
];

/// The article and the proclitics that carry it, which begin words and
/// never end them.
fn is_word_beginning(head: &str) -> bool {
    let without_conjunction = head.strip_prefix(['و', 'ف']).unwrap_or(head);
    matches!(without_conjunction, "ال" | "بال" | "كال" | "لل" | "الم")
}

/// A heading glued to the sentence after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Junction {
    /// The index of the glued word among the tokens [`find_junctions`] was
    /// given; in a [`super::Segmentation`], the index of the token that
    /// starts the sentence (the word's second half).
    pub token: usize,
    /// The byte offset where the heading ends and the sentence begins.
    pub at: usize,
    /// How sure the split is, from 0 to 1.
    pub confidence: f32,
}

/// The junctions in `tokens` of `text`, one at most per line, in order.
pub fn find_junctions(text: &str, tokens: &[Token]) -> Vec<Junction> {
    let starts = line_starts(text, tokens);
    let mut out = Vec::new();
    for (n, &first) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(tokens.len());
        if let Some(junction) = junction_in_line(text, &tokens[first..end]) {
            out.push(Junction {
                token: junction.token + first,
                ..junction
            });
        }
    }
    out
}

/// The indices of the tokens that start a line: the first token, and each
/// token with a line break in the gap before it. Found by searching the
/// text for line breaks rather than reading every gap.
fn line_starts(text: &str, tokens: &[Token]) -> Vec<usize> {
    let Some(first) = tokens.first() else {
        return Vec::new();
    };
    let mut starts = vec![0];
    let mut i = 1;
    let mut from = first.span.end;
    while let Some(offset) = text[from..].find('\n') {
        let line_break = from + offset;
        while i < tokens.len() && tokens[i].span.start <= line_break {
            i += 1;
        }
        if i == tokens.len() {
            break;
        }
        if tokens[i - 1].span.end <= line_break {
            // In the gap before token `i`: the next gap to search is after it.
            starts.push(i);
            from = tokens[i].span.end;
        } else {
            // Inside token `i - 1`: the gap after it may still hold a break.
            from = line_break + 1;
        }
    }
    starts
}

/// The junction among the first words of the line that `line` holds (its
/// tokens, up to the next line break).
fn junction_in_line(text: &str, line: &[Token]) -> Option<Junction> {
    let mut words_after = line.iter().filter(|t| t.kind == TokenKind::Word).count();
    for (i, token) in line.iter().enumerate().take(MAX_HEADING_WORDS) {
        if token.kind == TokenKind::Punctuation && ends_heading_search(token.span.slice(text)) {
            return None;
        }
        if token.kind == TokenKind::Word {
            words_after -= 1;
        }
        if i == 0 || token.kind != TokenKind::Word || words_after < MIN_SENTENCE_WORDS {
            continue;
        }
        if let Some((at, confidence)) = split_point(text, *token) {
            return Some(Junction {
                token: i,
                at,
                confidence,
            });
        }
    }
    None
}

fn ends_heading_search(punctuation: &str) -> bool {
    punctuation
        .chars()
        .any(|c| is_terminal(c) || matches!(c, ',' | '،' | ';' | '؛'))
}

/// Where `token` splits into two known words, with a confidence, when it is
/// not itself a known word or a word with clitics.
fn split_point(text: &str, token: Token) -> Option<(usize, f32)> {
    let word = token.span.slice(text);
    if word.len() < 2 * (MIN_HEAD_LETTERS + MIN_TAIL_LETTERS) {
        // Too short: Arabic letters take two bytes each.
        return None;
    }
    // One pass without copying decides the common cases: a word with
    // anything but Arabic letters and ignored marks, a short word, a known
    // word.
    let mut count = 0;
    let mut plain = true;
    for c in word.chars() {
        if is_arabic_letter(c) {
            count += 1;
        } else if is_ignored_mark(c) {
            plain = false;
        } else {
            return None;
        }
    }
    if plain && zipf(word).is_some() {
        return None;
    }
    if !(MIN_HEAD_LETTERS + MIN_TAIL_LETTERS..=MAX_GLUED_LETTERS).contains(&count) {
        return None;
    }
    let letters: Vec<(usize, char)> = word
        .char_indices()
        .filter(|&(_, c)| !is_ignored_mark(c))
        .collect();
    let form: String = letters.iter().map(|&(_, c)| c).collect();
    if zipf(&form).is_some()
        || split_clitics(text, token.span, CliticConvention::Treebank).len() > 1
    {
        return None;
    }
    let mut best: Option<(usize, f32)> = None;
    for k in MIN_HEAD_LETTERS..=letters.len() - MIN_TAIL_LETTERS {
        let head: String = letters[..k].iter().map(|&(_, c)| c).collect();
        let tail: String = letters[k..].iter().map(|&(_, c)| c).collect();
        if INFLECTIONAL_ENDINGS.contains(&tail.as_str()) || is_word_beginning(&head) {
            continue;
        }
        let (Some(a), Some(b)) = (zipf(&head), zipf(&tail)) else {
            continue;
        };
        // Teh marbuta and alef maqsura only end words: after one, any known
        // word is evidence enough for the heading's last word.
        let head_min = if head.ends_with(['ة', 'ى']) {
            MIN_LISTED_ZIPF
        } else {
            min_zipf(k)
        };
        let weaker = (a - head_min).min(b - min_zipf(letters.len() - k));
        if weaker >= 0.0 && best.is_none_or(|(_, w)| weaker > w) {
            best = Some((k, weaker));
        }
    }
    if best.is_some() && (listed_in_full_spelling(&form) || is_listed_word_inflected(&form)) {
        return None;
    }
    best.map(|(k, weaker)| {
        let confidence = (0.5 + 0.2 * weaker).clamp(0.5, 0.95);
        (token.span.start + letters[k].0, confidence)
    })
}

/// Whether `form` is a listed word with an inflectional ending after it
/// (`متعلقاتهم`: `متعلقات` + `هم`; `الملاذات`: `الملاذ` + `ات`): one word
/// inflected, though its last letters may also read as a word (`اتهم`,
/// `ذات`).
fn is_listed_word_inflected(form: &str) -> bool {
    INFLECTIONAL_ENDINGS.iter().any(|ending| {
        form.strip_suffix(ending)
            .is_some_and(|stem| !stem.is_empty() && zipf(stem).is_some())
    })
}

/// Alef forms a writer may leave bare (`اولمرت` for `أولمرت`).
const HAMZA_ALEFS: [char; 3] = ['أ', 'إ', 'آ'];

/// Whether `form` is a listed word written without some of its marks: one
/// bare alef that the list writes with a hamza or madda (`اولمرت`:
/// `أولمرت`), or a final `ي` or `ه` that it writes `ى` or `ة`. Much
/// text leaves these out, and such a word is one word, not two run
/// together (`اول` + `مرت`).
fn listed_in_full_spelling(form: &str) -> bool {
    let respelled = |at: usize, len: usize, with: char| {
        let mut word = String::with_capacity(form.len() + 2);
        word.push_str(&form[..at]);
        word.push(with);
        word.push_str(&form[at + len..]);
        zipf(&word).is_some()
    };
    let alef = form
        .char_indices()
        .filter(|&(_, c)| c == 'ا')
        .any(|(at, c)| HAMZA_ALEFS.iter().any(|&h| respelled(at, c.len_utf8(), h)));
    let ending = match form.char_indices().last() {
        Some((at, 'ي')) => respelled(at, 'ي'.len_utf8(), 'ى'),
        Some((at, 'ه')) => respelled(at, 'ه'.len_utf8(), 'ة'),
        _ => false,
    };
    alef || ending
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::generate;
    use crate::core::segment::tokenize;
    use crate::core::span::Span;

    /// Line starts read gap by gap: the definition `line_starts` must keep.
    fn line_starts_reference(text: &str, tokens: &[Token]) -> Vec<usize> {
        (0..tokens.len())
            .filter(|&i| {
                i == 0 || text[tokens[i - 1].span.end..tokens[i].span.start].contains('\n')
            })
            .collect()
    }

    fn word(start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        }
    }

    #[test]
    fn line_starts_agree_with_reading_every_gap() {
        let corpus = generate(200_000, 4);
        for text in [corpus.as_str(), "\n\na b\nc\r\n\nd e\n", "a", "", "\n"] {
            let tokens = tokenize(text);
            assert_eq!(
                line_starts(text, &tokens),
                line_starts_reference(text, &tokens)
            );
        }
        // Tokens that hold line breaks themselves (the tokenizer makes none,
        // but the search must not take a break inside a token for a gap).
        let text = "ab\ncd ef\n\ngh\nij kl\nmn";
        let tokens = [
            word(0, 5),
            word(6, 8),
            word(10, 15),
            word(16, 18),
            word(19, 21),
        ];
        let starts = line_starts(text, &tokens);
        assert_eq!(starts, line_starts_reference(text, &tokens));
        assert_eq!(starts, [0, 2, 4]);
        let tokens = [word(0, 2), word(3, 5), word(6, 13), word(16, 21)];
        assert_eq!(
            line_starts(text, &tokens),
            line_starts_reference(text, &tokens)
        );
    }
}
