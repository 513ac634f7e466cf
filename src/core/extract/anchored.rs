//! An amount of time before or after a day or a time the text names: the
//! day or time that far from it (`3 days after March 5`, `two weeks before
//! Christmas`, `a week from Monday`, `15 minutes from 1pm`, `بعد ثلاثة أيام
//! من عيد الفطر`, `قبل أسبوع من 5 مارس`, and the Arabic order that puts the
//! amount last with `ب`: `قبل عيد الفطر بثلاثة أيام`, `بعد 5 مارس
//! بأسبوعين`).
//!
//! Only from a day or a time that is itself a date: an amount before or
//! after an event (`بعد ثلاث سنوات من الحرب`, `two weeks before the
//! election`) names no date the text gives, and stays a duration. Days,
//! weeks, months and years move a day; hours, minutes and seconds move a
//! time of day. Whole counts only (`a year and a half` is 18 months).
//! A count of weekdays is counted from the reference the same way (`3
//! fridays from now`, `2 thursdays ago`).

use chrono::{Datelike, Duration};

use super::dates::{written_day, When};
use super::decimal::Dec;
use super::durations::{amount_of_time, unit_sense, AmountOfTime};
use super::lexicon::{Count, Sense, TimeUnit};
use super::relative::{date_after, relative};
use super::{clock, holidays, starts, Anchor, Calendar, Context, Found, Grain};

/// The day or time an amount of time before or after another one names,
/// at token `i`: `3 days after March 5` (English: the amount first), `بعد
/// ثلاثة أيام من عيد الفطر` or `قبل عيد الفطر بثلاثة أيام` (Arabic: `قبل` or
/// `بعد` first).
pub(super) fn offset_from_date(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if !cx.may_start(i, starts::OFFSET_FROM_DATE) {
        return None;
    }
    match arabic_side(w.folded(i)) {
        Some(sign) => amount_then_date(cx, i, sign).or_else(|| date_then_amount(cx, i, sign)),
        // `after`, `before` or `from` a few tokens on first (each starts a
        // bound): an amount alone is far more common.
        None if (i + 1..=i + 5).any(|k| w.class(k) & starts::LEAD_BOUND != 0) => {
            english(cx, i).or_else(|| weekdays_from_now(cx, i))
        }
        None => weekdays_from_now(cx, i),
    }
}

/// `3 days after March 5`, `two weeks before Christmas`, `a week from
/// Monday` (not `from` a day that starts a range: `3 days from March 5 to
/// 8`).
fn english(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let time = amount_of_time(w, i)?;
    let k = time.end;
    if !w.next_on_line(k) || !w.next_on_line(k + 1) {
        return None;
    }
    let word = w.folded(k);
    let sign = match word {
        "after" | "from" => 1,
        "before" => -1,
        _ => return None,
    };
    let (end, anchor) = anchor_at(cx, k + 1)?;
    if word == "from" && starts_range(cx, end) {
        return None;
    }
    let when = moved(anchor, &time, sign)?;
    Some(when.found(cx, i, end, 0.85))
}

/// `بعد ثلاثة أيام من عيد الفطر`, `قبل أسبوع على 5 مارس`, `بعد مرور عام على
/// 11 سبتمبر`: the side at `i`, the amount, `من` or `على`, the date.
fn amount_then_date(cx: &Context, i: usize, sign: i64) -> Option<Found> {
    let w = cx.words;
    let mut k = i + 1;
    if w.next_on_line(k) && w.folded(k) == "مرور" {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let time = amount_of_time(w, k).or_else(|| one_unit(cx, k))?;
    let of = time.end;
    if !w.next_on_line(of) || !matches!(w.folded(of), "من" | "علي") || !w.next_on_line(of + 1)
    {
        return None;
    }
    let (end, anchor) = anchor_at(cx, of + 1)?;
    let when = moved(anchor, &time, sign)?;
    Some(when.found(cx, i, end, 0.85))
}

/// A unit word alone at `k`, one of it (`قبل أسبوع من`, `بعد عام على`):
/// [`amount_of_time`] takes no lone unit before another word, which is
/// mostly a noun in a phrase (`يوم الخميس`); before `من` or `على` and a
/// date it is the amount.
fn one_unit(cx: &Context, k: usize) -> Option<AmountOfTime> {
    let (unit, Count::One) = cx.words.find_whole(k, unit_sense)? else {
        return None;
    };
    Some(AmountOfTime {
        end: k + 1,
        count: Dec::int(1),
        unit,
        bare: true,
        first: unit,
    })
}

/// `قبل عيد الفطر بثلاثة أيام`, `بعد 5 مارس بأسبوعين`: the side at `i`, the
/// date, then the amount after `ب` (by so much).
fn date_then_amount(cx: &Context, i: usize, sign: i64) -> Option<Found> {
    let w = cx.words;
    // An amount after `ب` a few tokens on first: `قبل` and `بعد` are common,
    // and reading a date after each costs far more.
    let by_amount =
        |k: usize| w.class(k) & starts::AMOUNT_OF_TIME != 0 && w.folded(k).starts_with('ب');
    if !w.next_on_line(i + 1) || !(i + 2..=i + 7).any(by_amount) {
        return None;
    }
    let (k, anchor) = anchor_at(cx, i + 1)?;
    let by = w.next_on_line(k) && w.folded(k).starts_with('ب') && w.proclitic_len(k) > 0;
    if !by {
        return None;
    }
    let time = amount_of_time(w, k)?;
    let when = moved(anchor, &time, sign)?;
    Some(when.found(cx, i, time.end, 0.85))
}

/// `3 fridays from now`, `two sundays hence`, `2 thursdays ago`, `2
/// thursdays back`: the `n`th such weekday after the reference (the
/// reference's own day not counted) or before it.
fn weekdays_from_now(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    // A plural weekday within a few tokens first (its bit is shared with
    // the other words of recurrences): rarer than a number.
    let plural_weekday = |k: usize| w.class(k) & starts::REPEATING != 0;
    if !(i + 1..=i + 3).any(plural_weekday) || !w.folded(i).is_ascii() {
        return None;
    }
    let count = super::number_words::amount(w, i).filter(|a| !a.approximate)?;
    let n = count.value.to_i64().filter(|n| (1..=52).contains(n))?;
    let k = count.end;
    if !w.next_on_line(k) || !w.next_on_line(k + 1) {
        return None;
    }
    let day = w.find_whole(k, |s| match s {
        Sense::Weekdays(d) => Some(*d),
        _ => None,
    })?;
    let word = |j: usize| if w.next_on_line(j) { w.folded(j) } else { "" };
    let (sign, end) = match (word(k + 1), word(k + 2)) {
        ("from", "now" | "today") => (1, k + 3),
        ("hence", _) => (1, k + 2),
        ("ago" | "back", _) => (-1, k + 2),
        _ => return None,
    };
    let today = cx.reference.date();
    let step = Duration::days(sign);
    let mut date = today;
    let mut found = 0;
    while found < n {
        date = date.checked_add_signed(step)?;
        found += i64::from(date.weekday().number_from_monday() == day);
    }
    Some(When::day(date, Anchor::Reference).found(cx, i, end, 0.85))
}

/// -1 for `قبل` (before), 1 for `بعد` (after), also after `و` or `ف`.
fn arabic_side(folded: &str) -> Option<i64> {
    let word = folded
        .strip_prefix('و')
        .or_else(|| folded.strip_prefix('ف'))
        .unwrap_or(folded);
    match word {
        "قبل" => Some(-1),
        "بعد" => Some(1),
        _ => None,
    }
}

/// The day or time an amount is counted from, at `k`: a holiday of one
/// day, a day written with its month, a day said (`tomorrow`, `Monday`,
/// `الخميس المقبل`), or a time of day; with the token after it.
fn anchor_at(cx: &Context, k: usize) -> Option<(usize, When)> {
    let one_day =
        |found: Option<(usize, When)>| found.filter(|(_, d)| d.grain == Grain::Day && is_point(d));
    let said = |found: Option<(usize, When)>| found.filter(|(_, t)| is_point(t));
    one_day(holidays::holiday(cx, k))
        .or_else(|| one_day(written_day(cx, k)))
        .or_else(|| one_day(relative(cx, k)))
        .or_else(|| said(clock::time_of_day(cx, k)).filter(|(_, t)| is_time_of_day(t)))
}

/// A time that is one point, neither a range nor one end of one.
fn is_point(when: &When) -> bool {
    when.end.is_none() && when.bound.is_none()
}

fn is_time_of_day(when: &When) -> bool {
    matches!(when.grain, Grain::Hour | Grain::Minute | Grain::Second)
}

/// Whether a second end follows the day ending at `end` (`to`, `until`, a
/// dash): the day is the start of a range, not an anchor.
fn starts_range(cx: &Context, end: usize) -> bool {
    let w = cx.words;
    w.next_on_line(end) && matches!(w.folded(end), "to" | "until" | "till" | "through" | "-")
}

/// `anchor` moved by the amount `time`, forward (`sign` 1) or back (-1):
/// a day by whole days, weeks, months or years (in the Gregorian calendar:
/// a Hijri holiday moves by days or weeks only), a time of day by whole
/// hours, minutes or seconds, at the finer of its grain and the unit's.
fn moved(anchor: When, time: &AmountOfTime, sign: i64) -> Option<When> {
    let n = time.count.to_i64()?.checked_mul(sign)?;
    if anchor.grain == Grain::Day {
        let by_calendar = matches!(time.unit, TimeUnit::Month | TimeUnit::Year);
        let unit_of_days = matches!(time.unit, TimeUnit::Day | TimeUnit::Week);
        if !(unit_of_days || by_calendar && anchor.calendar == Calendar::Gregorian) {
            return None;
        }
        let date = date_after(anchor.start.date(), time.unit, n)?;
        return Some(When {
            start: super::dates::midnight(date),
            calendar: Calendar::Gregorian,
            ..anchor
        });
    }
    let (seconds, grain) = match time.unit {
        TimeUnit::Hour => (3600, Grain::Hour),
        TimeUnit::Minute => (60, Grain::Minute),
        TimeUnit::Second => (1, Grain::Second),
        _ => return None,
    };
    let start = anchor
        .start
        .checked_add_signed(Duration::try_seconds(n.checked_mul(seconds)?)?)?;
    Some(When {
        start,
        // The finer grain: `Grain` orders from the year down.
        grain: anchor.grain.max(grain),
        ..anchor
    })
}
