//! Digits grouped by thousands with spaces (`1 414 021 100`, `3 000 000
//! دولار`, `1 250,50 €`): the grouping of the SI brochure and ISO 80000-1,
//! and of French typography, which Maghreb newspapers follow. The groups are
//! separate tokens; read together they are one number. So are digits
//! joined by the Arabic comma `،`, which Arabic keyboards give for both the
//! thousands separator and the decimal mark (`83،000`, `6،5 مليار`).
//!
//! A phone number may be written the same way (`912 345 678`); one that
//! shows no sign of being a phone number (a country code, a trunk `0`,
//! parentheses, dashes or dots, a last group of two or four digits) is read
//! as the number (see `phones.rs`).

use super::dates::counted;
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

/// The number written with the Arabic comma `،` (U+060C) between its
/// digits, as Arabic keyboards put it for the thousands separator or the
/// decimal mark, that starts at token `i` (digits, commas and digits are
/// separate tokens, glued): groups of exactly three digits after a first of
/// one to three are thousands (`83،000` 83000, `1،250،000`); one part of
/// another length is the decimal part when a percent sign, a unit, a
/// currency or a scale word says the number measures something (`6،5
/// مليار` 6.5 billion, `12،5 سنة`, `3،5%`); else the comma lists numbers
/// (`يومي 15،16 مارس`, `المواد 5،6`, `١،٢،٣`): nothing.
///
/// ```text
/// 83،000 -> 83000   ١،٢٥٠،٠٠٠ -> 1250000   6،5 -> 6.5   1،2،3 -> none
/// ```
pub(super) fn arabic_comma_grouped(w: &Words, i: usize) -> Option<Grouped> {
    // An Arabic comma at `k` glued to the tokens on both sides of it.
    let comma_at = |k: usize| k > 0 && w.raw(k) == "،" && w.glued(k - 1) && w.glued(k);
    if !(w.glued(i) && w.raw(i + 1) == "،") {
        return None;
    }
    // The digits of number token `k` and whether a percent sign ends it.
    let part_at = |k: usize| {
        let raw = w.raw(k);
        let body = raw.strip_suffix(['%', '٪']);
        let (value, len) = w
            .is_number(k)
            .then(|| digits(body.unwrap_or(raw)))
            .flatten()?;
        Some((i128::from(value), len, body.is_some()))
    };
    let (first, first_len, false) = part_at(i)? else {
        return None;
    };
    // Token `i` is itself a later part: `000` of `83،000`.
    if i >= 2 && comma_at(i - 1) && w.is_number(i - 2) {
        return None;
    }
    let (mut thousands, mut parts, mut last, mut percent_sign) = (Some(first), 0, None, false);
    let mut k = i + 1;
    while parts < MAX_GROUPS && comma_at(k) {
        let Some((value, len, percent)) = part_at(k + 1) else {
            break;
        };
        thousands = thousands.filter(|_| len == 3).map(|t| t * 1000 + value);
        parts += 1;
        last = Some((value, len));
        k += 2;
        if percent {
            percent_sign = true;
            break;
        }
    }
    let (last_value, last_len) = last?;
    if w.glued(k - 1) && w.is_number(k) {
        return None; // more digits glued on: no number of ours
    }
    let zero_led = w.raw(i).starts_with(['0', '٠', '۰']);
    let value = match thousands {
        Some(value) if first_len <= 3 && !zero_led => Dec::int(value),
        _ if parts == 1 && (percent_sign || counted(w, k)) => {
            Dec::int(first).add(Dec::from_parts(last_value, last_len as u32))?
        }
        _ => return None,
    };
    Some(Grouped { end: k, value })
}

/// Whether exactly one space separates token `k` from the token before:
/// a space, a no-break space (U+00A0), a thin space (U+2009) or a narrow
/// no-break space (U+202F).
fn single_space_before(w: &Words, k: usize) -> bool {
    matches!(w.gap_before(k), " " | "\u{a0}" | "\u{2009}" | "\u{202f}")
}
