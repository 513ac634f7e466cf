//! Segmentation: paragraphs, sentences and tokens, each with a byte span into
//! the text it was given.

mod chars;
mod clitics;
mod dictionary;
mod glued;
mod paragraphs;
mod sentences;
mod tokens;

pub use chars::digit_value;
pub use clitics::{split_clitics, CliticConvention, Morpheme, MorphemeRole};
pub use glued::{find_junctions, Junction};
pub(crate) use sentences::is_initial;
pub use sentences::SentenceEnd;
pub use tokens::{tokenize, tokenize_within, Token, TokenKind};

use super::budget::{Budget, CHECK_EVERY};
use super::error::Error;
use super::span::Span;

/// A sentence, the paragraph it belongs to, and how it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub end: SentenceEnd,
    /// How sure the end is, from 0 to 1.
    pub confidence: f32,
}

/// Paragraphs, sentences and tokens of a text, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// Tokens, each with the index of its sentence. A word split at a
    /// glued heading is two tokens.
    pub tokens: Vec<(Token, usize)>,
    /// Headings found glued to the sentence after them, with the index of
    /// the token that starts that sentence.
    pub junctions: Vec<Junction>,
}

/// Segments `text` into paragraphs, sentences and tokens.
///
/// ```
/// use lisan::core::segment::segment;
/// let text = "قال الكرملين إن الاجتماع ممكن. هل يعقد؟\n\nفقرة ثانية.";
/// let seg = segment(text);
/// assert_eq!(seg.paragraphs.len(), 2);
/// let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
/// assert_eq!(sentences, ["قال الكرملين إن الاجتماع ممكن.", "هل يعقد؟", "فقرة ثانية."]);
/// ```
pub fn segment(text: &str) -> Segmentation {
    match segment_within(text, &Budget::unlimited()) {
        Ok(segmentation) => segmentation,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`segment`], stopping with the budget's error once it runs out (checked
/// while tokenizing and between paragraphs).
pub fn segment_within(text: &str, budget: &Budget) -> Result<Segmentation, Error> {
    let mut tokens = tokenize_within(text, budget)?;
    let mut out = Segmentation {
        junctions: split_glued_words(text, &mut tokens),
        ..Segmentation::default()
    };
    let mut next_token = 0;
    let mut sentence_ends = Vec::new();
    let mut checked_at = 0;
    let junction_list = out.junctions.clone();
    let mut junctions = junction_list.iter().peekable();
    for paragraph in paragraphs::paragraphs(text) {
        if next_token >= checked_at + CHECK_EVERY {
            budget.check()?;
            checked_at = next_token;
        }
        let first = next_token;
        while next_token < tokens.len() && tokens[next_token].span.start < paragraph.end {
            next_token += 1;
        }
        let mut forced = Vec::new();
        while let Some(j) = junctions.next_if(|j| j.token < next_token) {
            forced.push((j.token - 1 - first, j.confidence));
        }
        let index = out.paragraphs.len();
        out.paragraphs.push(paragraph);
        for found in sentences::sentences(text, &tokens[first..next_token], &forced) {
            out.sentences.push(Sentence {
                span: found.span,
                paragraph: index,
                end: found.end,
                confidence: found.confidence,
            });
            sentence_ends.push(first + found.last + 1);
        }
    }
    out.tokens = with_sentence_indices(tokens, &sentence_ends);
    Ok(out)
}

/// Each token with the index of its sentence, given where each sentence's
/// tokens end (exclusive, ascending). Tokens after the last end (none, as
/// sentences cover their paragraphs' tokens) go with the last sentence.
fn with_sentence_indices(tokens: Vec<Token>, sentence_ends: &[usize]) -> Vec<(Token, usize)> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter();
    let mut start = 0;
    for (sentence, &end) in sentence_ends.iter().enumerate() {
        out.extend(tokens.by_ref().take(end - start).map(|t| (t, sentence)));
        start = end;
    }
    let last = sentence_ends.len().saturating_sub(1);
    out.extend(tokens.map(|t| (t, last)));
    out
}

/// The tokens of `text` as segmentation reports them: words glued across a
/// lost heading break (`للقاءيذكر`) split in two, without the work of
/// sentences and paragraphs. Extraction reads these, so that Extract and
/// Analyze see the same words. Also returns the junctions, with `token` the
/// index of each second half.
pub fn word_tokens_within(
    text: &str,
    budget: &Budget,
) -> Result<(Vec<Token>, Vec<Junction>), Error> {
    let mut tokens = tokenize_within(text, budget)?;
    let junctions = split_glued_words(text, &mut tokens);
    Ok((tokens, junctions))
}

/// Splits each word found to be a glued heading into its two halves, and
/// returns the junctions with `token` the index of the second half.
fn split_glued_words(text: &str, tokens: &mut Vec<Token>) -> Vec<Junction> {
    let mut junctions = find_junctions(text, tokens);
    if junctions.is_empty() {
        return junctions;
    }
    let mut split = Vec::with_capacity(tokens.len() + junctions.len());
    let mut next = junctions.iter_mut().peekable();
    for (i, token) in tokens.iter().enumerate() {
        match next.next_if(|j| j.token == i) {
            Some(junction) => {
                split.push(Token {
                    span: Span::new(token.span.start, junction.at),
                    kind: token.kind,
                });
                junction.token = split.len();
                split.push(Token {
                    span: Span::new(junction.at, token.span.end),
                    kind: token.kind,
                });
            }
            None => split.push(*token),
        }
    }
    *tokens = split;
    junctions
}

#[cfg(test)]
mod tests;
