//! Tokens with what the extractors ask of them: raw text, folded form, the
//! meanings of a word (alone, after a proclitic, without its article), and
//! whether neighbours are on one line. Folded forms are computed once.

use super::lexicon::{fold, lexicon, strip_article, strip_proclitic, Sense};
use crate::core::segment::{digit_value, Token, TokenKind};

/// How a word was found in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// As written.
    Whole,
    /// After a one-letter proclitic (`و`, `ب`...).
    Proclitic,
}

pub(super) struct Words<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
    folded: Vec<String>,
    senses: Vec<(&'static [Sense], Form)>,
}

impl<'t> Words<'t> {
    pub(super) fn new(text: &'t str, tokens: &'t [Token]) -> Words<'t> {
        let folded = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word | TokenKind::Symbol | TokenKind::Punctuation => {
                    fold(t.span.slice(text))
                }
                _ => String::new(),
            })
            .collect::<Vec<String>>();
        let senses = folded.iter().map(|f| look_up(f)).collect();
        Words {
            text,
            tokens,
            folded,
            senses,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i`, empty past the end.
    pub(super) fn raw(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The folded form of word, symbol or punctuation token `i`.
    pub(super) fn folded(&self, i: usize) -> &str {
        self.folded.get(i).map_or("", String::as_str)
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Whether tokens `i` and `i + 1` are on the same line.
    pub(super) fn same_line(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => !self.text[a.span.end..b.span.start].contains('\n'),
            _ => false,
        }
    }

    /// Whether token `i + 1` directly follows token `i` (no space).
    pub(super) fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// Whether token `i` exists and is on the line of token `i - 1`.
    pub(super) fn next_on_line(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.same_line(i - 1)
    }

    /// The meanings of word `i` as written, else after a proclitic.
    pub(super) fn senses(&self, i: usize) -> (&'static [Sense], Form) {
        self.senses.get(i).copied().unwrap_or((&[], Form::Whole))
    }

    /// The first meaning of word `i` (as written or after a proclitic) that
    /// `pick` accepts.
    pub(super) fn find<T>(&self, i: usize, pick: impl Fn(&Sense) -> Option<T>) -> Option<(T, Form)> {
        let (senses, form) = self.senses(i);
        senses.iter().find_map(&pick).map(|t| (t, form))
    }

    /// The first meaning of word `i` as written (no proclitic) that `pick` accepts.
    pub(super) fn find_whole<T>(&self, i: usize, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        match self.senses(i) {
            (senses, Form::Whole) => senses.iter().find_map(pick),
            _ => None,
        }
    }

    /// A meaning of words `i` and `i + 1` together (on one line), the first
    /// word possibly after a proclitic.
    pub(super) fn find_pair<T>(&self, i: usize, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        if !self.is_word(i) || !self.same_line(i) || !self.is_word(i + 1) {
            return None;
        }
        let first = self.folded(i);
        let second = self.folded(i + 1);
        let look = |f: &str| {
            lexicon()
                .senses(&format!("{f} {second}"))
                .iter()
                .find_map(&pick)
        };
        look(first).or_else(|| strip_proclitic(first).and_then(look))
    }

    /// A meaning of word `i` without its article (`الثالث`), or after `و`
    /// and the article (`والعشرين`).
    pub(super) fn find_after_article<T>(
        &self,
        i: usize,
        pick: impl Fn(&Sense) -> Option<T>,
    ) -> Option<(T, bool)> {
        let folded = self.folded(i);
        let (rest, conj) = match folded.strip_prefix('و').and_then(strip_article) {
            Some(rest) => (rest, true),
            None => (strip_article(folded)?, false),
        };
        lexicon()
            .senses(rest)
            .iter()
            .find_map(pick)
            .map(|t| (t, conj))
    }

    /// The meaning of tokens `i..i + n` written together without spaces
    /// (`ج.م`, `US$`), the longest first; returns it and the token after.
    pub(super) fn find_glued<T>(
        &self,
        i: usize,
        max: usize,
        pick: impl Fn(&Sense) -> Option<T>,
    ) -> Option<(T, usize)> {
        let mut last = i;
        while last + 1 < self.tokens.len() && last + 1 < i + max && self.glued(last) {
            last += 1;
        }
        (i..=last).rev().find_map(|end| {
            let raw = &self.text[self.tokens[i].span.start..self.tokens[end].span.end];
            lexicon()
                .senses(&fold(raw))
                .iter()
                .find_map(&pick)
                .map(|t| (t, end + 1))
        })
    }

    /// The value and digit count of a plain number token of 1 to 4 digits.
    pub(super) fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_number(i) {
            return None;
        }
        digits(self.raw(i))
    }
}

/// The meanings of a folded word as written, else after a proclitic.
fn look_up(folded: &str) -> (&'static [Sense], Form) {
    if folded.is_empty() {
        return (&[], Form::Whole);
    }
    let whole = lexicon().senses(folded);
    if !whole.is_empty() {
        return (whole, Form::Whole);
    }
    match strip_proclitic(folded) {
        Some(rest) => (lexicon().senses(rest), Form::Proclitic),
        None => (&[], Form::Whole),
    }
}

/// The value and digit count of a string of 1-4 digits of any script.
pub(super) fn digits(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars() {
        value = value * 10 + digit_value(c)?;
        len += 1;
        if len > 4 {
            return None;
        }
    }
    (len > 0).then_some((value, len))
}
