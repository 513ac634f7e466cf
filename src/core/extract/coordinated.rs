//! Dates in a list that leave out what the last of them writes: `يومي 5
//! و6 يونيو 2023` (5 June 2023 too), `في 12 و13 مارس`, `مايو ويونيو/حزيران
//! 2009` (May 2009), `خلال شهري يناير وفبراير 2020`, `في أكتوبر أو نوفمبر
//! 2022`, `5 and 6 June 2023`, `in May and June 2009`. Each earlier item is
//! read with the month and year (or the year) of the first complete date
//! after it, as a reader of the list takes it; the complete date is read
//! where it stands. Spans cover the item alone: the list's items are dates
//! of their own, not one interval (`5 و9 يونيو` are two days). With the
//! month first, as American news writes it (`June 5 and 6, 2023`), the
//! first day is a date already and the year after the last day is the
//! year of all of them.

use chrono::{Datelike, NaiveDate};

use super::dates::{
    day_number, midnight, month, month_case_fits, with_month_direction, written_date,
    year_written_after, When,
};
use super::lexicon::Sense;
use super::number_words::{ordinal, ordinal_after_and};
use super::starts;
use super::words::Words;
use super::{Anchor, Grain};

/// At most this many items before the complete one (`5 و6 و7 و8 يونيو`).
const MAX_ITEMS: usize = 6;

/// A date read from an item of a list: the token after the item and the
/// date (none when the day does not exist in the month it is given).
pub(super) type Item = (usize, Option<(When, f32)>);

/// A number at `i` that is a date by the list it stands in: a day before
/// the complete date of its list ([`day_in_list`]), a later day of a list
/// with its month first ([`day_after_month_first`]) or a later year of a
/// list of years ([`year_in_list`]). Most numbers have no joint on either
/// side: two class tests answer for them.
pub(super) fn number_in_list(w: &Words, i: usize, today: NaiveDate) -> Option<Item> {
    let reference_year = today.year();
    let after = i + 1;
    if w.next_on_line(after) && (is_joint(w, after) || w.folded(after).starts_with('و')) {
        if let Some(found) = day_in_list(w, i, today) {
            return Some(found);
        }
    }
    if i < 2 || !w.next_on_line(i) || !is_joint(w, i - 1) {
        return None;
    }
    day_after_month_first(w, i, reference_year).or_else(|| year_in_list(w, i))
}

/// The day in digits at `i` followed by more days and a complete date
/// that starts with its day (`5 و6 يونيو 2023`, `5، 6 و7 يونيو`): the day
/// in that date's month and year (ordinal days: [`ordinal_in_list`]).
fn day_in_list(w: &Words, i: usize, today: NaiveDate) -> Option<Item> {
    // The joint first: most numbers have none after them.
    let after = i + 1;
    next_item(w, after)?;
    let day = day_number(w, i)?;
    day_by_last_of_list(w, day, after, today, |next| {
        day_number(w, next).map(|_| next + 1)
    })
}

/// An ordinal day at `i` followed by more ordinal days and a complete
/// date that starts with its day (`الخامس والسادس من يونيو 2023`, `في
/// الأول والثاني والثالث من مارس`, `الخامس، السادس من يونيو`): the day in
/// that date's month and year, as [`day_in_list`] reads digits. An item
/// after the first carries `و` glued to its article (`والسادس`).
pub(super) fn ordinal_in_list(w: &Words, i: usize, today: NaiveDate) -> Option<Item> {
    let (after, day) = ordinal_day_word(w, i)?;
    day_by_last_of_list(w, day, after, today, |next| {
        ordinal_day_word(w, next).map(|(end, _)| end)
    })
}

/// Day `day` of a list whose item ends at `after`, in the month and year
/// of the first complete date among the items after it, each of which
/// `item_end` reads (the token after it; none when it is no day of the
/// list).
fn day_by_last_of_list(
    w: &Words,
    day: u32,
    after: usize,
    today: NaiveDate,
    item_end: impl Fn(usize) -> Option<usize>,
) -> Option<Item> {
    let mut k = after;
    for _ in 0..MAX_ITEMS {
        let next = next_item(w, k)?;
        let next_end = item_end(next)?;
        if let Some(found) = written_date(w, next, today.year()) {
            let last = complete_day(w, found, today)?;
            let date = last.start.date();
            let when = NaiveDate::from_ymd_opt(date.year(), date.month(), day)
                .map(|d| (When::day(d, last.anchor), 0.8));
            return Some((after, when));
        }
        k = next_end;
    }
    None
}

/// The day a list's complete date gives its earlier days: one day, not a
/// range, in the year a direction after its month gives it (`4 و5 يوليو
/// الماضي`: the last 5 July before the reference, and 4 July of that year).
fn complete_day(w: &Words, found: Item, today: NaiveDate) -> Option<When> {
    let (_, Some((last, _))) = with_month_direction(w, today, found) else {
        return None;
    };
    (last.grain == Grain::Day && last.end.is_none()).then_some(last)
}

/// An ordinal of a day at `i`, with the article or after `و` and the
/// article (`الخامس`, `والسادس`, `والحادي والعشرين`): the token after it
/// and the day.
fn ordinal_day_word(w: &Words, i: usize) -> Option<(usize, u32)> {
    let (end, day) = ordinal(w, i).or_else(|| ordinal_after_and(w, i))?;
    (w.is_word(i) && (1..=31).contains(&day)).then_some((end, day))
}

/// The month at `i` followed by more months and a month with its year
/// (`مايو ويونيو/حزيران 2009`, `May and June 2009`, `يناير وفبراير من
/// العام الماضي`): the month in that year, when it comes before the last
/// one in it (`ديسمبر ويناير 2010` spans two years, and is left alone). An
/// English month is capitalised.
pub(super) fn month_in_list(w: &Words, i: usize, reference_year: i32) -> Option<Item> {
    if !month_case_fits(w, i) {
        return None;
    }
    let (m, after, _) = month(w, i)?;
    let (year, anchor) = year_of_list(w, after, m, reference_year)?;
    let when = NaiveDate::from_ymd_opt(year, m, 1)
        .map(|d| (When::new(midnight(d), Grain::Month, anchor), 0.8));
    Some((after, when))
}

/// The year of month `m` whose item ends at `after`, from the month with
/// its year that ends the list (see [`month_in_list`]), and how that year
/// was anchored.
pub(super) fn year_of_list(
    w: &Words,
    after: usize,
    m: u32,
    reference_year: i32,
) -> Option<(i32, Anchor)> {
    let mut k = after;
    for _ in 0..MAX_ITEMS {
        let next = next_item(w, k)?;
        let (_, next_end, _) = month(w, next)?;
        // A year written, or said from the reference (`من العام الماضي`).
        if let Some((_, Some((last, _)))) = written_date(w, next, reference_year) {
            let complete = last.grain == Grain::Month
                && matches!(last.anchor, Anchor::Absolute | Anchor::Reference);
            let date = last.start.date();
            return (complete && m < date.month()).then_some((date.year(), last.anchor));
        }
        k = next_end;
    }
    None
}

/// The year written after the last of the days that follow a date with
/// its month first and no year (`June 5 and 6, 2023` after `June 5`, which
/// ends at `after`; `6, 2023` after the `6`), and where the year ends.
pub(super) fn year_after_days(w: &Words, after: usize) -> Option<(i32, usize)> {
    let mut k = after;
    for _ in 0..=MAX_ITEMS {
        if let Some(year) = year_written_after(w, k) {
            return Some(year);
        }
        let next = next_item(w, k)?;
        day_number(w, next)?;
        k = next + 1;
    }
    None
}

/// The day in digits at `i` after a date with its month first and more
/// days (`6` of `June 5 and 6, 2023`, `7` of `July 5, 6 and 7`): the day
/// in that month, in the year written after the last day (the reference
/// year when none is), and the token after it (after the year when it
/// follows this day).
fn day_after_month_first(w: &Words, i: usize, reference_year: i32) -> Option<Item> {
    if i < 2 || !w.next_on_line(i) || !is_joint(w, i - 1) {
        return None;
    }
    let day = day_number(w, i)?;
    // The first day, after its month.
    let first = first_of_list(w, i, |k| day_number(w, k).is_some())?;
    let month_before = (first.saturating_sub(3)..first)
        .filter(|&m| (m + 1..=first).all(|k| w.next_on_line(k)))
        .find_map(|m| month(w, m).filter(|&(_, next, _)| next == first))?;
    let (m, _, _) = month_before;
    let (year, anchor, end) = match year_after_days(w, i + 1) {
        Some((year, year_end)) => {
            let end = if year_written_after(w, i + 1).is_some() {
                year_end
            } else {
                i + 1
            };
            (year, Anchor::Absolute, end)
        }
        None => (reference_year, Anchor::ReferenceYear, i + 1),
    };
    let when = NaiveDate::from_ymd_opt(year, m, day).map(|d| (When::day(d, anchor), 0.8));
    Some((end, when))
}

/// The first month of a list that `في` or the dual `شهري` starts when the
/// month at `i` comes later in it (`في مايو ويونيو`, `في شهري يوليو
/// وأغسطس`, `خلال شهري مارس وأبريل`): the first month, where its reading
/// starts (at `في` or `شهري`) and the token after it. Read forward from
/// each such word a few tokens before `i`.
pub(super) fn first_of_list_after_fi(w: &Words, i: usize) -> Option<(u32, usize, usize)> {
    let joined = w.folded(i).starts_with('و') || w.next_on_line(i) && is_joint(w, i - 1);
    if !joined {
        return None;
    }
    let first_reaching = |fi: usize| {
        let mut k = fi + 1;
        let fi_then_month_word = w.folded(fi) == "في" && matches!(w.folded(k), "شهر" | "شهري");
        if fi_then_month_word && w.next_on_line(k + 1) {
            k += 1;
        }
        let mut first = None;
        for _ in 0..MAX_ITEMS {
            let (m, end, _) = month(w, k).filter(|_| k < i)?;
            let first = *first.get_or_insert((m, fi, end));
            match next_item(w, end) {
                Some(next) if next == i => return Some(first),
                Some(next) if next < i => k = next,
                _ => return None,
            }
        }
        None
    };
    (i.saturating_sub(4 * MAX_ITEMS)..i)
        .rev()
        .take_while(|&s| w.next_on_line(s + 1))
        .filter(|&s| matches!(w.folded(s), "في" | "شهري"))
        .find_map(first_reaching)
}

/// A year in digits at `i` after other years in a list that a year word
/// or `in` starts (`2012` of `في عامي 2008 و2012`, `عام 2008 و2010 و2012`,
/// `in 2008 and 2012`): that year. Not before a unit or a currency (`in
/// 2008 and 2012 dollars`).
fn year_in_list(w: &Words, i: usize) -> Option<Item> {
    if i < 2 || !w.next_on_line(i) || !is_joint(w, i - 1) {
        return None;
    }
    let year = four_digits(w, i)?;
    if super::dates::counted(w, i + 1) {
        return None;
    }
    let first = first_of_list(w, i, |k| four_digits(w, k).is_some())?;
    let lead = first.checked_sub(1).filter(|_| w.next_on_line(first))?;
    let year_word = w
        .find(lead, |s| matches!(s, Sense::YearWord).then_some(()))
        .is_some();
    if !year_word && w.folded(lead) != "in" {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
    Some((i + 1, Some((when, 0.85))))
}

/// Where the list that ends with the item at `i` starts: back over the
/// items `is_item` accepts, each joined to the next by a joint (`و`, `and`,
/// a comma, or a comma and `and`), on one line; none when no item stands
/// before `i`.
fn first_of_list(w: &Words, i: usize, is_item: impl Fn(usize) -> bool) -> Option<usize> {
    let item_before = |k: usize| {
        let joint = k
            .checked_sub(1)
            .filter(|&j| w.next_on_line(k) && is_joint(w, j))?;
        let comma_and = joint >= 1
            && matches!(w.folded(joint), "and" | "و" | "or")
            && matches!(w.folded(joint - 1), "," | "،")
            && w.next_on_line(joint);
        let joint = joint - usize::from(comma_and);
        let item = joint.checked_sub(1).filter(|_| w.next_on_line(joint))?;
        is_item(item).then_some(item)
    };
    let mut first = item_before(i)?;
    for _ in 1..MAX_ITEMS {
        match item_before(first) {
            Some(item) => first = item,
            None => break,
        }
    }
    Some(first)
}

/// The year of four digits at `i`.
fn four_digits(w: &Words, i: usize) -> Option<i32> {
    let (value, len) = w.small_number(i)?;
    (len == 4).then_some(value as i32)
}

/// Whether token `k` joins two items of a list.
fn is_joint(w: &Words, k: usize) -> bool {
    w.class(k) & starts::LIST_JOINT != 0
}

/// Whether a month of a list follows the month that ends before `end`
/// (`مارس وأبريل`, `يناير، فبراير`), as after the dual `شهري`, which names
/// two (`راتب شهري` is a monthly salary).
pub(super) fn another_month_follows(w: &Words, end: usize) -> bool {
    next_item(w, end).is_some_and(|k| month(w, k).is_some())
}

/// Where the next item of a list starts when a word or sign joining two
/// items stands at `k` on the same line: after `و`, `أو`, `and`, `or` or a
/// comma (`5، 6 و7 يونيو`), or at `k` itself when `و` is glued to the
/// item (`ويونيو`: the item's reader takes the proclitic).
fn next_item(w: &Words, k: usize) -> Option<usize> {
    if !w.next_on_line(k) {
        return None;
    }
    if is_joint(w, k) {
        let next = k + 1;
        let and_after_comma = matches!(w.folded(k), "," | "،")
            && w.next_on_line(next)
            && matches!(w.folded(next), "و" | "and");
        let next = next + usize::from(and_after_comma);
        return w.next_on_line(next).then_some(next);
    }
    w.folded(k).starts_with('و').then_some(k)
}
