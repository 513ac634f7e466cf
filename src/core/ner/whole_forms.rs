//! A name the document writes whole elsewhere keeps its first letters.
//!
//! A mention's first word loses what the clitic splitter reads as
//! proclitics (`وأردوغان` -> `أردوغان`). But a name can start with a letter
//! that is also a proclitic (`بلينكن`, Blinken: `ب` + `لينكن`), and the
//! splitter, seeing one word at a time, cannot tell. The document can:
//! when the same word stands inside another mention, after that mention's
//! first word (`أنتوني بلينكن`), it is a whole name, so a mention trimmed
//! inside that word gets its letters back (`وأضاف بلينكن` -> `بلينكن`).

use foldhash::HashSet;

use super::Mention;
use crate::core::segment::Token;

/// Moves the start of each mention of `mentions` that was trimmed inside
/// its first token back to the longest end of that token which the
/// document writes as a later word of a mention.
pub(super) fn restore(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let trimmed_inside =
        |m: &Mention| token_around(tokens, m.span.start).filter(|t| t.span.start != m.span.start);
    // Most documents have no trimmed mention: no word set to build then.
    if !mentions.iter().any(|m| trimmed_inside(m).is_some()) {
        return;
    }
    let inner = inner_words(text, tokens, mentions);
    for m in mentions.iter_mut() {
        let Some(token) = trimmed_inside(m) else {
            continue;
        };
        let word = token.span.slice(text);
        let trimmed = m.span.start - token.span.start;
        let longest = word
            .char_indices()
            .map(|(at, _)| at)
            .take_while(|&at| at < trimmed)
            .find(|&at| inner.contains(&word[at..]));
        if let Some(at) = longest {
            m.span.start = token.span.start + at;
        }
    }
}

/// The words that stand after the first word of some mention (whole tokens).
fn inner_words<'t>(text: &'t str, tokens: &[Token], mentions: &[Mention]) -> HashSet<&'t str> {
    let mut words = HashSet::default();
    for m in mentions {
        let from = tokens.partition_point(|t| t.span.start <= m.span.start);
        for t in tokens[from..]
            .iter()
            .take_while(|t| t.span.end <= m.span.end)
        {
            words.insert(t.span.slice(text));
        }
    }
    words
}

/// The token whose span holds byte `at` strictly after its start, or starts
/// at it.
fn token_around(tokens: &[Token], at: usize) -> Option<&Token> {
    let i = tokens
        .partition_point(|t| t.span.start <= at)
        .checked_sub(1)?;
    let token = &tokens[i];
    (at < token.span.end).then_some(token)
}
