//! The eve of a holiday or of a date (`عشية عيد الفطر`, `عشية 25 ديسمبر`,
//! `ليلة عيد الميلاد`, `on the eve of Christmas`): the day before it. Only
//! a holiday or a day written with its month: `عشية` is also "evening"
//! (`عشية الأحد` may be Sunday evening), and the eve of an event (`عشية
//! الانتخابات`) is no date the text gives. `ليلة` (the night of) only
//! before a holiday: the night before a feast is its eve (`ليلة عيد
//! الفطر`, `ليلة رأس السنة الميلادية`), and a night that is a holiday
//! itself (`ليلة القدر`) is read by its name.

use chrono::Duration;

use super::dates::{written_day, When};
use super::lexicon::strip_proclitic;
use super::{holidays, starts, Context, Found, Grain};

/// The eve of what follows token `i` (`عشية`, `ليلة`, also after a
/// proclitic: `وعشية`; `eve of`, `the eve of`): the day before a holiday,
/// or (not after `ليلة`) before a day written with its month, spanning the
/// words of the eve.
pub(super) fn eve_of(cx: &Context, i: usize) -> Option<Found> {
    if !may_start(cx, i) {
        return None;
    }
    let (at, night) = eve_words(cx, i)?;
    let written =
        || written_day(cx, at).filter(|(_, when)| when.grain == Grain::Day && when.end.is_none());
    let (end, day) = holidays::holiday(cx, at).or_else(|| (!night).then(written).flatten())?;
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
    if arabic_eve(w.folded(i)).is_some_and(|(_, proclitic)| proclitic) {
        if let Some(entity) = found.entity.as_mut() {
            entity.span.start = w.tokens[i].span.start + w.first_letter_len(i);
        }
    }
    Some(found)
}

/// Whether an eve may start at token `i` (see `starts::EVE`).
fn may_start(cx: &Context, i: usize) -> bool {
    let w = cx.words;
    !cx.gated || starts::passes(starts::EVE, w.class(i), w.class(i + 1))
}

/// The token after the words of an eve at `i`, when they are there and a
/// word follows them on the line, and whether they say the night (`ليلة`).
fn eve_words(cx: &Context, i: usize) -> Option<(usize, bool)> {
    let w = cx.words;
    let on_line = |k: usize| w.next_on_line(k);
    let folded = w.folded(i);
    let (at, night) = if let Some((word, _)) = arabic_eve(folded) {
        (i + 1, word == ARABIC_NIGHT)
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
        (k + 2, false)
    };
    on_line(at).then_some((at, night))
}

/// The Arabic word of an eve `folded` is (`عشية`, `ليلة`), and whether a
/// proclitic is glued to it (`وعشية`).
pub(super) fn arabic_eve(folded: &str) -> Option<(&str, bool)> {
    if ARABIC_EVES.contains(&folded) {
        return Some((folded, false));
    }
    strip_proclitic(folded)
        .filter(|rest| ARABIC_EVES.contains(rest))
        .map(|rest| (rest, true))
}

/// `عشية` (the eve of) and `ليلة` (the night of), folded (teh marbuta as
/// heh).
const ARABIC_EVES: [&str; 2] = ["عشيه", ARABIC_NIGHT];
const ARABIC_NIGHT: &str = "ليله";
