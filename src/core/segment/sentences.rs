//! Sentences inside one paragraph, decided over its tokens.
//!
//! A sentence ends after a run of terminal punctuation (with the closing
//! quotes and brackets that follow it), unless the period belongs to an
//! abbreviation or initial, or what follows continues the sentence. A line
//! break ends a sentence when the line looks like a heading or a label (short,
//! no terminal punctuation), and not when it is a hard wrap inside a running
//! sentence.

use std::sync::OnceLock;

use super::chars::{gap_has_line_break, is_closer, is_terminal};
use super::tokens::{Token, TokenKind};
use crate::core::span::Span;

/// Lines at least this many characters long that end without punctuation are
/// hard wraps; shorter ones are headings, bylines or labels...
const HARD_WRAP_MIN_CHARS: usize = 70;

/// ...unless they are nearly as long as the longest line of their paragraph
/// (text wrapped at a narrow width) and not tiny.
const WRAP_SHARE_OF_LONGEST: f64 = 0.8;
const WRAP_MIN_CHARS: usize = 40;

/// Abbreviations that take a period (English), one per line.
const ABBREVIATIONS: &str = include_str!("../../../data/abbreviations_en.txt");

/// How a sentence ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SentenceEnd {
    /// Terminal punctuation (`.` `؟` `!` `。`...).
    Punctuation,
    /// A line break after a heading, byline or label.
    LineBreak,
    /// The end of the paragraph (or the text) without punctuation.
    ParagraphEnd,
    /// A heading glued to the next sentence, split inside a word.
    GluedHeading,
}

impl SentenceEnd {
    /// How sure a boundary of this kind is, glued headings aside (theirs is
    /// measured per junction).
    pub fn confidence(self) -> f32 {
        match self {
            SentenceEnd::ParagraphEnd => 1.0,
            SentenceEnd::Punctuation => 0.95,
            SentenceEnd::LineBreak => 0.8,
            SentenceEnd::GluedHeading => 0.5,
        }
    }
}

/// A sentence of a paragraph, as [`sentences`] finds it.
pub(super) struct Found {
    pub span: Span,
    pub end: SentenceEnd,
    pub confidence: f32,
    /// The index of its last token among the paragraph's tokens.
    pub last: usize,
}

/// The sentences of one paragraph's `tokens`: each span, how it ends, how
/// sure that end is, and its last token. They cover the tokens in order,
/// each sentence starting at the token after the last of the one before.
/// `forced` lists tokens (by index, ascending) after which a sentence ends
/// whatever follows, with the confidence of each.
pub(super) fn sentences(text: &str, tokens: &[Token], forced: &[(usize, f32)]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut first = 0; // first token of the current sentence
    let mut line_first = 0; // first token of the current line
                            // Asked only at a line break without punctuation: most paragraphs
                            // have none, and counting every line's characters costs a pass.
    let mut longest_line = None;
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let mut end = None;
        if is_terminal_token(text, tokens[i]) {
            last = punctuation_run_end(text, tokens, i);
            end = punctuation_ends_sentence(text, tokens, i, last).then_some((
                SentenceEnd::Punctuation,
                SentenceEnd::Punctuation.confidence(),
            ));
        }
        let next = tokens.get(last + 1);
        let line_break =
            next.is_some_and(|n| gap_has_line_break(text, tokens[last].span.end, n.span.start));
        if end.is_none() && line_break {
            let line = Span::new(tokens[line_first].span.start, tokens[last].span.end);
            let longest = *longest_line.get_or_insert_with(|| longest_line_chars(text, tokens));
            end = line_ends_sentence(text, line, longest, tokens[last], next.copied())
                .then_some((SentenceEnd::LineBreak, SentenceEnd::LineBreak.confidence()));
        }
        if end.is_none() {
            end = forced
                .iter()
                .find(|&&(at, _)| at == last)
                .map(|&(_, confidence)| (SentenceEnd::GluedHeading, confidence));
        }
        if end.is_none() && next.is_none() {
            end = Some((SentenceEnd::ParagraphEnd, 1.0));
        }
        if let Some((kind, mut confidence)) = end {
            if next.is_none() {
                confidence = 1.0; // the paragraph ends here whatever the reason
            }
            let span = Span::new(tokens[first].span.start, tokens[last].span.end);
            out.push(Found {
                span,
                end: kind,
                confidence,
                last,
            });
            first = last + 1;
        }
        if line_break {
            line_first = last + 1;
        }
        i = last + 1;
    }
    out
}

fn is_terminal_token(text: &str, token: Token) -> bool {
    token.kind == TokenKind::Punctuation && token.span.slice(text).chars().all(is_terminal)
}

/// The last token of the run of terminal punctuation and closers at `i`.
fn punctuation_run_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut last = i;
    while let Some(&next) = tokens.get(last + 1) {
        let adjacent = next.span.start == tokens[last].span.end;
        let continues = next.kind == TokenKind::Punctuation
            && next
                .span
                .slice(text)
                .chars()
                .all(|c| is_terminal(c) || is_closer(c));
        if !adjacent || !continues {
            break;
        }
        last += 1;
    }
    last
}

fn punctuation_ends_sentence(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let Some(&next) = tokens.get(last + 1) else {
        return true;
    };
    let glued = next.span.start == tokens[last].span.end;
    let periods = text[tokens[first].span.start..tokens[last].span.end].starts_with('.');
    if periods && glued && matches!(next.kind, TokenKind::Word | TokenKind::Number) {
        return false;
    }
    if starts_lowercase(next.span.slice(text)) {
        return false;
    }
    let single_period = first == last && tokens[first].span.slice(text) == ".";
    if single_period && first > 0 {
        let prev = tokens[first - 1];
        if prev.span.end == tokens[first].span.start && prev.kind == TokenKind::Word {
            return !is_abbreviation(prev.span.slice(text));
        }
    }
    true
}

/// Characters in the longest line of the paragraph that `tokens` make up.
fn longest_line_chars(text: &str, tokens: &[Token]) -> usize {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return 0;
    };
    let paragraph = &text[first.span.start..last.span.end];
    paragraph
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

fn line_ends_sentence(
    text: &str,
    line: Span,
    longest: usize,
    last: Token,
    next: Option<Token>,
) -> bool {
    let last_text = last.span.slice(text);
    if last.kind == TokenKind::Punctuation
        && last_text
            .chars()
            .all(|c| matches!(c, ',' | '،' | ';' | '؛' | '-' | '–'))
    {
        return false;
    }
    if next.is_some_and(|n| starts_lowercase(n.span.slice(text))) {
        return false;
    }
    let chars = line.slice(text).chars().count();
    let wrapped_narrow =
        chars >= WRAP_MIN_CHARS && chars as f64 >= WRAP_SHARE_OF_LONGEST * longest as f64;
    chars < HARD_WRAP_MIN_CHARS && !wrapped_narrow
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// An abbreviation from the list, an initial (one letter, in any script,
/// tatweel aside: `د`, `هـ`, `J`), or a dotted form like `U.S` or `e.g`.
fn is_abbreviation(word: &str) -> bool {
    if is_initial(word) || word.contains('.') {
        return true;
    }
    abbreviations()
        .iter()
        .any(|abbr| abbr.len() == word.len() && abbr.eq_ignore_ascii_case(word))
}

/// Whether `word` is an initial: one letter in any script, tatweel aside
/// (`د`, `هـ`, `J`).
pub(crate) fn is_initial(word: &str) -> bool {
    word.chars().filter(|&c| c != '\u{0640}').count() == 1
}

/// The abbreviations of the list, read once: every single period after a
/// word asks, and splitting the file into lines each time cost a sixth of
/// the segmentation.
fn abbreviations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        ABBREVIATIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect()
    })
}
