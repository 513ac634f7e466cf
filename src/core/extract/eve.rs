//! The eve of a holiday or of a date (`عشية عيد الفطر`, `عشية 25 ديسمبر`,
//! `on the eve of Christmas`): the day before it. Only a holiday or a day
//! written with its month: `عشية` is also "evening" (`عشية الأحد` may be
//! Sunday evening), and the eve of an event (`عشية الانتخابات`) is no
//! date the text gives.

use chrono::Duration;

use super::dates::{written_day, When};
use super::lexicon::strip_proclitic;
use super::{holidays, starts, Context, Found, Grain};

/// The eve of what follows token `i` (`عشية`, also after a proclitic:
/// `وعشية`; `eve of`, `the eve of`): the day before a holiday or before a
/// day written with its month, spanning the words of the eve.
pub(super) fn eve_of(cx: &Context, i: usize) -> Option<Found> {
    if !cx.may_start(i, starts::EVE) {
        return None;
    }
    let at = eve_words(cx, i)?;
    let (end, day) = holidays::holiday(cx, at).or_else(|| {
        written_day(cx, at).filter(|(_, when)| when.grain == Grain::Day && when.end.is_none())
    })?;
    // A holiday of several days (`رمضان`) has its eve before its first.
    let eve = When {
        start: day.start - Duration::days(1),
        grain: Grain::Day,
        end: None,
        ..day
    };
    let mut found = eve.found(cx, i, end, 0.85);
    // The proclitic of `وعشية` is no part of the date.
    let w = cx.words;
    if w.folded(i) != ARABIC_EVE && is_arabic_eve(w.folded(i)) {
        if let Some(entity) = found.entity.as_mut() {
            entity.span.start = w.tokens[i].span.start + w.first_letter_len(i);
        }
    }
    Some(found)
}

/// The token after the words of an eve at `i`, when they are there and a
/// word follows them on the line.
fn eve_words(cx: &Context, i: usize) -> Option<usize> {
    let w = cx.words;
    let on_line = |k: usize| w.next_on_line(k);
    let folded = w.folded(i);
    let at = if is_arabic_eve(folded) {
        i + 1
    } else {
        // `the eve of`, `eve of`.
        let k = if folded == "the" && on_line(i + 1) {
            i + 1
        } else {
            i
        };
        let said = w.folded(k) == "eve" && on_line(k + 1) && w.folded(k + 1) == "of";
        if !said {
            return None;
        }
        k + 2
    };
    on_line(at).then_some(at)
}

/// `عشية` (folded `عشيه`), also after a proclitic (`وعشية`).
pub(super) fn is_arabic_eve(folded: &str) -> bool {
    folded == ARABIC_EVE || strip_proclitic(folded) == Some(ARABIC_EVE)
}

/// `عشية` folded (teh marbuta as heh).
const ARABIC_EVE: &str = "عشيه";
