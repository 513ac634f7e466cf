//! Digits grouped by thousands with spaces (`1 414 021 100`, `3 000 000
//! دولار`, `1 250,50 €`): the grouping of the SI brochure and ISO 80000-1,
//! and of French typography, which Maghreb newspapers follow. The groups are
//! separate tokens; read together they are one number.
//!
//! A phone number may be written the same way (`912 345 678`); one that
//! shows no sign of being a phone number (a country code, a trunk `0`,
//! parentheses, dashes or dots, a last group of two or four digits) is read
//! as the number (see `phones.rs`).

use super::decimal::Dec;
use super::words::{digits, Words};

/// The most groups after the first: up to 10^18, beyond any count a text
/// gives (the arithmetic stays exact well past it).
const MAX_GROUPS: usize = 6;

/// A grouped number: the token after its last group and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Grouped {
    pub end: usize,
    pub value: Dec,
}

/// The number grouped by spaces that starts at token `i`: a first group of
/// one to three digits that is no `0`-led trunk prefix, then one or more
/// groups of exactly three digits, each after a single space (a no-break or
/// thin space too); the last group may carry a decimal part (`567.89`,
/// `250,50`). Token `i` must start the number: inside one, nothing.
///
/// ```text
/// 1 414 021 100 -> 1414021100   3 000 -> 3000   1 250,50 -> 1250.5
/// 050 123 4567 -> none          12 5 -> none    2013 200 -> none
/// ```
pub(super) fn grouped(w: &Words, i: usize) -> Option<Grouped> {
    // Most numbers have no number after them: that is asked first.
    if !w.is_number(i + 1) || !single_space_before(w, i + 1) {
        return None;
    }
    let first = w.raw(i);
    let (_, len) = digits(first)?;
    if !(1..=3).contains(&len) || first.starts_with(['0', '٠', '۰']) {
        return None;
    }
    // Token `i` is itself a later group: `414` of `1 414 021`.
    if i > 0 && single_space_before(w, i) && digits(w.raw(i - 1)).is_some_and(|(_, n)| n <= 3) {
        return None;
    }
    let mut value = w.number(i)?;
    let mut k = i + 1;
    while k - i <= MAX_GROUPS && w.is_number(k) && single_space_before(w, k) {
        let Some(group) = later_group(w, k) else {
            break;
        };
        value = value.mul(Dec::int(1000))?.add(group)?;
        k += 1;
        if !group.is_integer() {
            break; // the decimal part ends the number
        }
    }
    (k > i + 1).then_some(Grouped { end: k, value })
}

/// The value of a later group at token `k`: three digits, with a decimal
/// part only if it is the number's end (its value stays below 1,000, so
/// `234,567` written with a comma for thousands is no group).
fn later_group(w: &Words, k: usize) -> Option<Dec> {
    let raw = w.raw(k);
    let whole = raw.split(['.', ',', '٫']).next().unwrap_or(raw);
    if digits(whole).is_none_or(|(_, n)| n != 3) {
        return None;
    }
    w.number(k).filter(|v| v.lt(Dec::int(1000)))
}

/// Whether exactly one space separates token `k` from the token before:
/// a space, a no-break space (U+00A0), a thin space (U+2009) or a narrow
/// no-break space (U+202F).
fn single_space_before(w: &Words, k: usize) -> bool {
    matches!(w.gap_before(k), " " | "\u{a0}" | "\u{2009}" | "\u{202f}")
}
