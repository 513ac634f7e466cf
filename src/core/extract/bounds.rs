//! Words that bound an amount of money (`تحت 7 يورو`, `أقل من 7 يورو`,
//! `3.42$ على الأقل`, `بحدود 10-20 دولار`), from `data/money_bounds.tsv`.

use std::sync::OnceLock;

use super::lexicon::{data_lines, fold};
use super::words::Words;
use super::Bound;

const BOUNDS: &str = include_str!("../../../data/money_bounds.tsv");

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
                    other => panic!("money_bounds.tsv: unknown bound {other}"),
                };
                let after = match cols[2] {
                    "before" => false,
                    "after" => true,
                    other => panic!("money_bounds.tsv: unknown position {other}"),
                };
                Phrase {
                    words: cols[0].split(' ').map(fold).collect(),
                    bound,
                    after,
                }
            })
            .collect()
    })
}

/// Whether a folded word starts a phrase written before an amount.
pub(super) fn starts_bound(folded: &str) -> bool {
    phrases().iter().any(|p| !p.after && p.words[0] == folded)
}

/// The phrase at `i` written before (`after` false) or after an amount:
/// its bound and the token after it. Every word after the first must be on
/// the same line.
fn phrase_at(w: &Words, i: usize, after: bool) -> Option<(Bound, usize)> {
    if i >= w.len() {
        return None;
    }
    let first = w.folded(i);
    phrases()
        .iter()
        .filter(|p| p.after == after && p.words[0] == first)
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

/// A bound written after an amount ending at `i` (`على الأقل`, `فأكثر`).
pub(super) fn bound_after(w: &Words, i: usize) -> Option<(Bound, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    phrase_at(w, i, true)
}
