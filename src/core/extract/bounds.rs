//! Words that bound an amount of money (`تحت 7 يورو`, `أقل من 7 يورو`,
//! `3.42$ على الأقل`, `بحدود 10-20 دولار`) or a quantity (`under 40 degrees`),
//! from `data/amount_bounds.tsv`.

use std::sync::OnceLock;

use super::lexicon::{data_lines, fold};
use super::starts::{Class, BOUND, BOUND_AFTER};
use super::words::Words;
use super::{Bound, Context, Span};

const BOUNDS: &str = include_str!("../../../data/amount_bounds.tsv");

/// One bounding phrase, its words folded.
struct Phrase {
    words: Vec<String>,
    bound: Bound,
    after: bool,
}

fn phrases() -> &'static [Phrase] {
    static PHRASES: OnceLock<Vec<Phrase>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        data_lines(BOUNDS)
            .map(|cols| {
                let bound = match cols[1] {
                    "atmost" => Bound::AtMost,
                    "atleast" => Bound::AtLeast,
                    "about" => Bound::About,
                    other => panic!("amount_bounds.tsv: unknown bound {other}"),
                };
                let after = match cols[2] {
                    "before" => false,
                    "after" => true,
                    other => panic!("amount_bounds.tsv: unknown position {other}"),
                };
                let words: Vec<String> = cols[0].split(' ').map(fold).collect();
                // A token's class bit for a phrase's first word is set from
                // its folded form, which is empty only for numbers and the like.
                assert!(
                    !words[0].is_empty(),
                    "amount_bounds.tsv: a phrase's first word folds to nothing"
                );
                Phrase {
                    words,
                    bound,
                    after,
                }
            })
            .collect()
    })
}

/// The phrases by their first word (folded): the indices into
/// [`phrases`] of those that start with it.
fn phrases_starting_with(first: &str) -> &'static [usize] {
    // foldhash: short keys of our own data, looked up at every word that
    // may start a bound.
    static BY_FIRST: OnceLock<foldhash::HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first: foldhash::HashMap<&'static str, Vec<usize>> =
            foldhash::HashMap::default();
        for (k, p) in phrases().iter().enumerate() {
            by_first.entry(p.words[0].as_str()).or_default().push(k);
        }
        by_first
    });
    by_first.get(first).map_or(&[], Vec::as_slice)
}

/// Whether a folded word starts a phrase written before an amount, alone
/// or after the conjunction `و` or the preposition `ب` (`وزهاء 200`,
/// `ارتفع بنحو 7%`).
pub(super) fn starts_bound(folded: &str) -> bool {
    // A phrase's own first letter may be one of them (`بحدود`).
    let before = |first: &str| {
        phrases_starting_with(first)
            .iter()
            .any(|&k| !phrases()[k].after)
    };
    before(folded) || before(without_proclitic(folded))
}

/// A word without the conjunction `و` or the preposition `ب` glued to it,
/// when something of two letters or more is left (`وزهاء`, `وأكثر`,
/// `بنحو`, `بأكثر`); else the word.
fn without_proclitic(folded: &str) -> &str {
    folded
        .strip_prefix(['و', 'ب'])
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(folded)
}

/// Whether a folded word starts a phrase written after an amount.
pub(super) fn starts_bound_after(folded: &str) -> bool {
    phrases().iter().any(|p| p.after && p.words[0] == folded)
}

/// The class bit of the first words of the phrases written before (`after`
/// false) or after an amount: a token without it starts none of them.
fn first_word_bit(after: bool) -> Class {
    if after {
        BOUND_AFTER
    } else {
        BOUND
    }
}

/// The phrase at `i` written before (`after` false) or after an amount:
/// its bound and the token after it. Every word after the first must be on
/// the same line.
fn phrase_at(w: &Words, i: usize, after: bool) -> Option<(Bound, usize)> {
    if w.class(i) & first_word_bit(after) == 0 {
        return None;
    }
    find_phrase(w, i, after)
}

/// [`phrase_at`] without the test of the token's class bit: every phrase
/// that starts with the token's word is compared.
fn find_phrase(w: &Words, i: usize, after: bool) -> Option<(Bound, usize)> {
    if i >= w.len() {
        return None;
    }
    let folded = w.folded(i);
    // Before an amount, the first word may carry `و` or `ب` (`وأكثر من
    // 100`, `بنحو 400`).
    let first = if after {
        folded
    } else {
        without_proclitic(folded)
    };
    let glued = if first == folded {
        &[][..]
    } else {
        phrases_starting_with(folded)
    };
    phrases_starting_with(first)
        .iter()
        .chain(glued)
        .map(|&k| &phrases()[k])
        .filter(|p| p.after == after)
        .filter(|p| {
            p.words[1..]
                .iter()
                .enumerate()
                .all(|(k, word)| w.next_on_line(i + 1 + k) && w.folded(i + 1 + k) == word)
        })
        .map(|p| (p.bound, i + p.words.len()))
        .max_by_key(|(_, end)| *end)
}

/// A bound written before an amount at `i` (`تحت`, `أقل من`, `حوالي`),
/// when the amount follows on the same line.
pub(super) fn bound_before(w: &Words, i: usize) -> Option<(Bound, usize)> {
    phrase_at(w, i, false).filter(|(_, next)| w.next_on_line(*next))
}

/// The bound phrase that ends right before the amount at `i`, starting at
/// `from` or after (a phrase has four words at most): the bound and the
/// phrase's first token, the leftmost if several end there.
pub(super) fn bound_ending_at(w: &Words, from: usize, i: usize) -> Option<(Bound, usize)> {
    (i.saturating_sub(4).max(from)..i).find_map(|b| {
        bound_before(w, b)
            .filter(|&(_, next)| next == i)
            .map(|(bound, _)| (bound, b))
    })
}

/// The span of tokens `i..end` of an amount with the bound phrase written
/// before it at `i`: from the phrase's first word, without a conjunction
/// `و` or a preposition `ب` glued to it (`وزهاء 200` spans `زهاء 200`,
/// `بنحو 400` spans `نحو 400`), as [`Context::span`]
/// leaves out the proclitic of a word it knows.
pub(super) fn bounded_span(cx: &Context, i: usize, end: usize) -> Span {
    let span = cx.span(i, end);
    let w = cx.words;
    let folded = w.folded(i);
    let glued = w.proclitic_len(i) == 0
        && phrases_starting_with(folded).is_empty()
        && !phrases_starting_with(without_proclitic(folded)).is_empty();
    if glued {
        Span::new(span.start + w.first_letter_len(i), span.end)
    } else {
        span
    }
}

/// A bound written after an amount ending at `i` (`على الأقل`, `فأكثر`).
pub(super) fn bound_after(w: &Words, i: usize) -> Option<(Bound, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    phrase_at(w, i, true)
}

#[cfg(test)]
mod tests {
    use super::{find_phrase, phrase_at, phrases};
    use crate::core::budget::Budget;
    use crate::core::corpus::{generate_mix, Mix};
    use crate::core::extract::words::Words;
    use crate::core::segment::word_tokens_within;

    /// The class bits find the same phrase as comparing every phrase, at
    /// every token (and one past the end).
    fn assert_gate_changes_nothing(text: &str) {
        let (tokens, _) = word_tokens_within(text, &Budget::unlimited()).expect("no budget");
        let w = Words::new(text, &tokens);
        for i in 0..=tokens.len() {
            for after in [false, true] {
                assert_eq!(
                    phrase_at(&w, i, after),
                    find_phrase(&w, i, after),
                    "token {i} of {text:?}, after: {after}"
                );
            }
        }
    }

    #[test]
    fn the_class_bits_of_bounds_change_nothing() {
        let mut every_phrase = String::new();
        for p in phrases() {
            every_phrase.push_str(&p.words.join(" "));
            every_phrase.push_str(" 10 دولار ");
            every_phrase.push_str(&p.words.join(" "));
            every_phrase.push('\n');
        }
        assert_gate_changes_nothing(&every_phrase);
        assert_gate_changes_nothing(include_str!("../../../tests/golden/ar_news.txt"));
        assert_gate_changes_nothing(include_str!("../../../tests/golden/en_mixed.txt"));
        for mix in [Mix::Mixed, Mix::Arabic] {
            assert_gate_changes_nothing(&generate_mix(1 << 15, 3, mix));
        }
    }
}
