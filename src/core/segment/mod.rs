//! Segmentation: paragraphs, sentences and tokens, each with a byte span into
//! the text it was given.

mod chars;
mod paragraphs;
mod sentences;
mod tokens;

pub use chars::digit_value;
pub use tokens::{tokenize, tokenize_within, Token, TokenKind};

use super::budget::{Budget, CHECK_EVERY};
use super::error::Error;
use super::span::Span;

/// A sentence and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Paragraphs, sentences and tokens of a text, in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// Tokens, each with the index of its sentence.
    pub tokens: Vec<(Token, usize)>,
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
    let tokens = tokenize_within(text, budget)?;
    let mut out = Segmentation::default();
    let mut next_token = 0;
    let mut checked_at = 0;
    for paragraph in paragraphs::paragraphs(text) {
        if next_token >= checked_at + CHECK_EVERY {
            budget.check()?;
            checked_at = next_token;
        }
        let first = next_token;
        while next_token < tokens.len() && tokens[next_token].span.start < paragraph.end {
            next_token += 1;
        }
        let index = out.paragraphs.len();
        out.paragraphs.push(paragraph);
        for span in sentences::sentences(text, &tokens[first..next_token]) {
            out.sentences.push(Sentence {
                span,
                paragraph: index,
            });
        }
    }
    let mut sentence = 0;
    for token in tokens {
        while sentence + 1 < out.sentences.len()
            && out.sentences[sentence].span.end <= token.span.start
        {
            sentence += 1;
        }
        out.tokens.push((token, sentence));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
