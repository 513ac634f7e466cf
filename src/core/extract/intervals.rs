//! Intervals of dates: two written dates (`من 5 مارس إلى 7 أبريل`), two days
//! of one month (`من 5 إلى 7 مارس`, `13-15 يوليو`, `يوليو 13-15`,
//! `من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر`), and two years
//! (`بين عامي 2011 و2014`, `from 2011 to 2014`), and two times of a day
//! (`من الساعة الثالثة إلى الساعة الرابعة مساء`, `from 9:00 to 17:30`,
//! `from 3 to 5 pm`; with their day: `9:30 - 11:00 on Thursday`), two
//! weekdays (`from Monday to Friday`) and two months after `from` (`from
//! March to June`, `من مارس إلى يونيو 2024`). The end is exclusive: the day
//! (month, year) after the last one.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::clock::{hour_at, hour_in_part_said_at, is_clock_word, time_after_and, time_of_day};
use super::dates::{
    day_number, day_of_relative_month, midnight, month, time_then_day, with_month_direction,
    written_date, year_said_after, year_written_after, When,
};
use super::lexicon::{strip_proclitic, Sense};
use super::number_words::{ordinal, ordinal_after_and};
use super::relative::{next_weekday, weekday_sense};
use super::starts;
use super::words::{digits, Form, Words};
use super::{Anchor, Context, Found, Grain};

pub(super) fn interval(cx: &Context, i: usize) -> Option<Found> {
    let ends = Ends::at(cx.words, i)?;
    let a = ends.first;
    let (end, when) = [
        two_dates(cx, a, ends.between),
        two_days(cx, a, ends.between),
        days_of_relative_month(cx, a, ends.between),
        month_then_days(cx, a, ends.between),
        two_years(cx.words, a, &ends),
        two_times(cx, a, &ends),
        bare_hour_to_time(cx, a, &ends),
        bare_hours_in_part(cx, a, &ends),
        time_to_bare_hour(cx, a),
        two_weekdays(cx, a),
        ends.from.then(|| two_months(cx, a, ends.between)).flatten(),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(end, _)| *end)?;
    // `9:30 - 11:00 on Thursday`, `1pm-2pm tomorrow`: the range on its day.
    if is_time_range(&when) {
        if let Some(found) = time_then_day(cx, i, end, when) {
            return Some(found);
        }
    }
    Some(when.found(cx, i, end, 0.85))
}

/// A range of times of day at `i` (`from 9:30 to 11:00`, `between 9:30 and
/// 11:00`, `9-11am`), for the day written before it (`Thursday from 9:30 to
/// 11:00`): the token after it and the range on the reference day.
pub(super) fn time_range(cx: &Context, i: usize) -> Option<(usize, When)> {
    let ends = Ends::at(cx.words, i)?;
    let a = ends.first;
    [
        two_times(cx, a, &ends),
        bare_hour_to_time(cx, a, &ends),
        bare_hours_in_part(cx, a, &ends),
        time_to_bare_hour(cx, a),
        bare_hours_after_day(cx, a, &ends),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(end, _)| *end)
}

/// Two bare hours after `from`, `من`, `between` or `بين` and with no word
/// after the second, which only a day before them makes times (`اليوم من
/// الخامسة إلى السابعة`, `tomorrow from 5 to 7`; alone, `من 5 إلى 7` is a
/// range of numbers): the first read as an hour alone is, the second the
/// first such hour after it, to the end of that hour.
fn bare_hours_after_day(cx: &Context, a: usize, ends: &Ends) -> Option<(usize, When)> {
    let w = cx.words;
    if !ends.from {
        return None;
    }
    let (after, first) = bare_hour_at(w, a)?;
    // `بين الثامنة والعاشرة`: the second hour with `و` glued, counted in
    // the feminine.
    let glued_and = || {
        let (end, hour) = ordinal_after_and(w, after)?;
        ((1..=12).contains(&hour) && w.raw(end - 1).ends_with('ة')).then_some((end, hour))
    };
    let glued = ends.between && w.next_on_line(after);
    let (end, second) = glued.then(glued_and).flatten().or_else(|| {
        bare_hour_at(
            w,
            second_end_of_hours(w, after, ends.and_joins || ends.between)?,
        )
    })?;
    if w.next_on_line(end) && w.is_word(end) {
        return None;
    }
    let start = super::clock::hour_alone(cx, first, 0)?;
    let last = first_after(start.start, NaiveTime::from_hms_opt(second, 0, 0)?)?;
    let mut when = start;
    when.end = Some(last + Duration::hours(1));
    Some((end, when))
}

/// Whether `when` is a range of times within a day, not of days.
fn is_time_range(when: &When) -> bool {
    when.end.is_some() && matches!(when.grain, Grain::Hour | Grain::Minute | Grain::Second)
}

/// Where an interval's first end starts, after `from` or `between` if one
/// is at `i`, once a word or sign between two ends was seen ahead.
struct Ends {
    /// The token of the first end.
    first: usize,
    /// Whether `from`, `between` or their Arabic words came first.
    from: bool,
    /// Whether English `and` joins two times (after `between`).
    and_joins: bool,
    /// Whether `between` or `بين` came first: `and` or `و` joins two dates,
    /// days or months (`بين 5 و7 مارس`, `بين يناير ومارس 2021`).
    between: bool,
}

impl Ends {
    fn at(w: &Words, i: usize) -> Option<Ends> {
        // `وبين 5 و7 مارس`, `فبين عامي 1922 و1942`: `بين` after a
        // one-letter proclitic opens the interval too (the span leaves the
        // proclitic out).
        let proclitic_between = glued_between(w, i);
        let from = (super::measures::is_from(w, i) || proclitic_between) && w.next_on_line(i + 1);
        let first = if from { i + 1 } else { i };
        let and_joins = from && w.folded(i) == "between";
        let between = if from {
            proclitic_between || matches!(w.folded(i), "between" | "بين")
        } else {
            w.next_on_line(i) && glued_between(w, i - 1)
        };
        let ahead = to_ahead(w, first) || between && and_ahead(w, first);
        ahead.then_some(Ends {
            first,
            from,
            and_joins,
            between,
        })
    }
}

/// Whether token `i` is `بين` after a one-letter proclitic (`وبين`).
fn glued_between(w: &Words, i: usize) -> bool {
    w.class(i) & starts::FROM_WORD != 0 && strip_proclitic(w.folded(i)) == Some("بين")
}

/// Tokens after an interval's first end within which the word or sign
/// between the ends must come (`الثالث والعشرين من شهر أكتوبر 2024 إلى`).
const MAX_FIRST_END_TOKENS: usize = 8;

/// Whether a word or sign between two ends comes soon after `a` on its
/// line: a cheap test before the five parsers, which most tokens fail.
fn to_ahead(w: &Words, a: usize) -> bool {
    // Whether each token is such a word is asked up to eight times per
    // token: it is found once for all of them.
    let joins = w.between_ends(|k| to_at(w, k, true).is_some());
    (a + 1..a + 1 + MAX_FIRST_END_TOKENS)
        .take_while(|&k| w.next_on_line(k))
        .any(|k| joins[k])
}

/// [`to_at`] with `و`, and with English `and` when `and_joins` (after
/// `between`): the token after it.
fn joined_at(w: &Words, i: usize, and_joins: bool) -> Option<usize> {
    to_at(w, i, true)
        .or_else(|| (and_joins && w.folded(i) == "and" && w.next_on_line(i + 1)).then_some(i + 1))
}

/// Whether `and` or `و` (alone or glued to a word) comes soon after `a`
/// on its line.
fn and_ahead(w: &Words, a: usize) -> bool {
    (a + 1..a + 1 + MAX_FIRST_END_TOKENS)
        .take_while(|&k| w.next_on_line(k))
        .any(|k| w.folded(k) == "and" || w.folded(k).starts_with('و'))
}

/// [`to_at`], and after `between` (`between`) `and` or `و` alone or glued
/// to the second end (`ومارس`: its reader takes the proclitic): where the
/// second end starts.
fn second_end_at(w: &Words, i: usize, between: bool) -> Option<usize> {
    if let Some(b) = to_at(w, i, false) {
        return Some(b);
    }
    if !between || !w.next_on_line(i) {
        return None;
    }
    match w.folded(i) {
        "and" | "و" => w.next_on_line(i + 1).then_some(i + 1),
        f if f.starts_with('و') => Some(i),
        _ => None,
    }
}

/// The word or sign between two ends at `i` (`إلى`, `حتى`, `وحتى`, `-`,
/// `و` between years): the token after it.
fn to_at(w: &Words, i: usize, and: bool) -> Option<usize> {
    if w.class(i) & starts::TO_AT == 0 || !w.next_on_line(i) {
        return None;
    }
    let f = w.folded(i);
    if f == "-" || f == "–" || (and && f == "و") {
        return w.next_on_line(i + 1).then_some(i + 1);
    }
    match w.find(i, |s| matches!(s, Sense::To).then_some(())) {
        Some(((), Form::Whole)) if w.next_on_line(i + 1) => Some(i + 1),
        Some(((), Form::Proclitic)) if f.starts_with('و') && w.next_on_line(i + 1) => Some(i + 1),
        _ => None,
    }
}

/// A day of a month at `i` in digits or as an ordinal, after `the` too
/// (`from the 13th to the 15th of July`), with the token after it.
fn day_at(w: &Words, i: usize) -> Option<(u32, usize)> {
    let i = if w.folded(i) == "the" && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    };
    if let Some(d) = day_number(w, i) {
        return Some((d, i + 1));
    }
    ordinal(w, i)
        .filter(|(_, v)| (1..=31).contains(v))
        .map(|(end, v)| (v, end))
}

fn days_interval(
    cx: &Context,
    year: Option<(i32, Anchor)>,
    m: u32,
    d1: u32,
    d2: u32,
) -> Option<When> {
    let (y, anchor) = year.unwrap_or((cx.reference.date().year(), Anchor::ReferenceYear));
    let first = NaiveDate::from_ymd_opt(y, m, d1)?;
    let last = NaiveDate::from_ymd_opt(y, m, d2)?;
    if last < first {
        return None;
    }
    let mut when = When::day(first, anchor);
    when.end = Some(midnight(last + Duration::days(1)));
    Some(when)
}

/// The year written after days and their month ending at `end` (`2024`,
/// `عام 2024`), or said from the reference (`من العام الماضي`, `next
/// year`), or the year a direction after the month gives the first day
/// (`بين 5 و7 مارس الماضي`, `من 10 إلى 15 مارس الجاري`, as `5 مارس
/// الماضي` alone): the year, its anchor and the token after it.
fn year_of_days(
    cx: &Context,
    end: usize,
    month_number: u32,
    first_day: u32,
) -> Option<(i32, Anchor, usize)> {
    let w = cx.words;
    if let Some((y, e)) = year_written_after(w, end) {
        return Some((y, Anchor::Absolute, e));
    }
    let today = cx.reference.date();
    if let Some((y, e)) = year_said_after(w, end, today.year()) {
        return Some((y, Anchor::Reference, e));
    }
    let first = NaiveDate::from_ymd_opt(today.year(), month_number, first_day)?;
    let found = (end, Some((When::day(first, Anchor::ReferenceYear), 1.0)));
    match with_month_direction(w, today, found) {
        (e, Some((moved, _))) if e > end => Some((moved.start.year(), Anchor::Reference, e)),
        _ => None,
    }
}

fn year_after(w: &Words, i: usize) -> Option<(i32, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    let (y, len) = w.small_number(i)?;
    (len == 4).then_some((y as i32, i + 1))
}

/// `13 الى 15 تموز`, `13-15 July 2024`, `الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر`.
fn two_days(cx: &Context, i: usize, between: bool) -> Option<(usize, When)> {
    let w = cx.words;
    let (d1, after) = day_at(w, i)?;
    let b = second_end_at(w, after, between)?;
    let (d2, mut k) = day_at(w, b)?;
    if matches!(w.folded(k), "من" | "of") && w.next_on_line(k + 1) {
        k += 1;
    }
    if matches!(w.folded(k), "شهر" | "month") && w.next_on_line(k + 1) {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let (m, mut end, _) = month(w, k)?;
    let year = year_of_days(cx, end, m, d1).map(|(y, anchor, e)| {
        end = e;
        (y, anchor)
    });
    Some((end, days_interval(cx, year, m, d1, d2)?))
}

/// Two days of a month named by a direction (`من 4 إلى 22 من الشهر
/// الجاري`, `بين 4 و22 الجاري`, `from the 4th to the 22nd of next month`):
/// the first in the second's month.
fn days_of_relative_month(cx: &Context, i: usize, between: bool) -> Option<(usize, When)> {
    let w = cx.words;
    let (d1, after) = day_at(w, i)?;
    let b = second_end_at(w, after, between)?;
    let (end, Some((last, _))) = day_of_relative_month(cx, b)? else {
        return None;
    };
    let first = last.start.date().with_day(d1)?;
    if first >= last.start.date() {
        return None;
    }
    let mut when = When::day(first, Anchor::Reference);
    when.end = Some(midnight(last.start.date() + Duration::days(1)));
    Some((end, when))
}

/// `يوليو 13-15`, `July 13 to 15`, `between June 5 and 7`.
fn month_then_days(cx: &Context, i: usize, between: bool) -> Option<(usize, When)> {
    let w = cx.words;
    let (m, k, _) = month(w, i)?;
    if !w.next_on_line(k) {
        return None;
    }
    let d1 = day_number(w, k)?;
    let b = second_end_at(w, k + 1, between)?;
    let d2 = day_number(w, b)?;
    let mut end = b + 1;
    let year = year_of_days(cx, end, m, d1).map(|(y, anchor, e)| {
        end = e;
        (y, anchor)
    });
    Some((end, days_interval(cx, year, m, d1, d2)?))
}

/// Two written dates of the same grain.
fn two_dates(cx: &Context, i: usize, between: bool) -> Option<(usize, When)> {
    let w = cx.words;
    let year = cx.reference.date().year();
    let (after, Some((first, _))) = written_date(w, i, year)? else {
        return None;
    };
    let b = second_end_at(w, after, between)?;
    let (end, Some((last, _))) = written_date(w, b, year)? else {
        return None;
    };
    if first.grain != last.grain || last.start < first.start {
        return None;
    }
    let mut when = first;
    // A last date with its own end (a Hijri year, `عام 1450هـ`) ends there.
    when.end = match last.end {
        Some(last_end) => Some(last_end),
        None => Some(after_last(last.start.date(), last.grain)?),
    };
    Some((end, when))
}

fn after_last(d: NaiveDate, grain: Grain) -> Option<chrono::NaiveDateTime> {
    let next = match grain {
        Grain::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)?,
        Grain::Month => d.checked_add_months(chrono::Months::new(1))?,
        _ => d + Duration::days(1),
    };
    Some(midnight(next))
}

/// `بين عامي 2011 و2014`, `من عام 2011 إلى عام 2014`, `2011-2014`, and
/// after `from` or `between`, [`bare_years`] (`from 2011 to 2014`).
fn two_years(w: &Words, i: usize, ends: &Ends) -> Option<(usize, When)> {
    let mut k = i;
    let year_word = w
        .find(k, |s| matches!(s, Sense::YearWord).then_some(()))
        .is_some();
    if year_word {
        k += 1;
    }
    // Without a year word, only `2011-2014` (a dash, no spaces) is a range
    // of years, or two years alone between brackets (`(1911 - 2006)`), or
    // after a word for a period (`الفترة 2010 - 2015`, `للفترة 2010 –
    // 2015`).
    let (y1, after) = match year_after(w, k) {
        Some(found) if year_word => found,
        _ if !year_word && w.glued(k) && w.glued(k + 1) && matches!(w.folded(k + 1), "-" | "–") =>
        {
            let (y, len) = w.small_number(k)?;
            (len == 4).then_some((y as i32, k + 1))?
        }
        _ if !year_word && matches!(w.folded(k + 1), "-" | "–") && period_before(w, k) => {
            let (y, len) = w.small_number(k)?;
            (len == 4 && BARE_YEARS.contains(&y)).then_some((y as i32, k + 1))?
        }
        _ if ends.from => return bare_years(w, k, ends.and_joins),
        _ => return bracketed_years(w, k),
    };
    let b = to_at(w, after, year_word)?;
    let mut b2 = b;
    if year_word
        && w.find(b2, |s| matches!(s, Sense::YearWord).then_some(()))
            .is_some()
    {
        b2 += 1;
    }
    let (y2, end) = match year_after(w, b2) {
        Some(found) => found,
        None if b2 == b => {
            let (y, len) = w.small_number(b2)?;
            (len == 4).then_some((y as i32, b2 + 1))?
        }
        None => return None,
    };
    if y2 <= y1 {
        return None;
    }
    // `في عامي 2008 و2012` are two years, not the five from the first to
    // the last: `و` joins the ends of a range after `بين` only, or two
    // years in a row (whose range is the two of them).
    let joined_by_and = w.folded(after) == "و" || w.folded(after) == "and";
    if joined_by_and && !ends.between && y2 != y1 + 1 {
        return None;
    }
    Some((end, whole_years(y1, y2)?))
}

/// A year and the next written together with a slash or a dash, the
/// second in full or by its last two digits (`2023/2024`, `موسم 2023/24`,
/// `the 2023-24 season`, `العام الدراسي 2024/2025`): a season, a school or
/// a fiscal year across the two, read as both years. A slash between
/// other numbers may be a fraction or a score, and is not read.
pub(super) fn consecutive_years(w: &Words, k: usize) -> Option<(usize, When)> {
    // The tokenizer keeps digits joined by a slash as one number
    // (`2023/2024`), a dash as a token of its own. `2023/24` is the
    // shortest such number: most numbers are shorter, and not searched.
    let raw = w.raw(k);
    let slashed = (raw.len() >= "2023/24".len() && w.is_number(k))
        .then(|| raw.bytes().position(|b| b == b'/'))
        .flatten()
        .map(|at| (&raw[..at], &raw[at + 1..]));
    let (first, second, end) = match slashed {
        Some((a, b)) => (digits(a)?, digits(b)?, k + 1),
        _ => {
            let dash = w.glued(k) && w.glued(k + 1) && matches!(w.folded(k + 1), "-" | "–");
            if !dash || !w.next_on_line(k + 1) {
                return None;
            }
            let second = w.small_number(k + 2)?;
            // A dash between four digits is any range (`two_years` below).
            if second.1 != 2 {
                return None;
            }
            (w.small_number(k)?, second, k + 3)
        }
    };
    let (y1, 4) = first else {
        return None;
    };
    let follows = match second {
        (y2, 4) => y2 == y1 + 1,
        (y2, 2) => y2 == (y1 + 1) % 100,
        _ => false,
    };
    if !BARE_YEARS.contains(&y1) || !follows {
        return None;
    }
    let y1 = y1 as i32;
    Some((end, whole_years(y1, y1 + 1)?))
}

/// The years a bare range of numbers may name after `from` or `between`.
pub(super) const BARE_YEARS: std::ops::RangeInclusive<u32> = 1800..=2100;

/// Two numbers of four digits after `from` or `between` (`from 2011 to
/// 2014`, `between 2011 and 2014`, `من 2011 إلى 2014`), both in
/// [`BARE_YEARS`] and rising, when no noun they would count follows (the
/// line ends, or a sign or a stop word comes next: `from 1990 to 2000
/// people` are amounts) or a word for a period of time comes before
/// (`الفترة من 2005 الى 2010 شهدت`, `the period between 2011 and 2014`).
fn bare_years(w: &Words, k: usize, and_joins: bool) -> Option<(usize, When)> {
    let year = |k: usize| {
        let (y, len) = w.small_number(k)?;
        (len == 4 && BARE_YEARS.contains(&y)).then_some(y as i32)
    };
    let y1 = year(k)?;
    if !w.next_on_line(k + 1) {
        return None;
    }
    let b = joined_at(w, k + 1, and_joins)?;
    let y2 = year(b)?;
    let end = b + 1;
    if y2 <= y1 || w.noun_follows(end) && !period_before(w, k - 1) {
        return None;
    }
    Some((end, whole_years(y1, y2)?))
}

/// Words for a stretch of time before `from` or `between` (`ما` between
/// them skipped: `الفترة ما بين`): the range after them is of years.
/// Folded (`الفتره`, `الاعوام`), as the words they are compared with are.
const PERIOD_WORDS: [&str; 9] = [
    "الفتره",
    "للفتره",
    "فتره",
    "المده",
    "السنوات",
    "الاعوام",
    "period",
    "years",
    "span",
];

/// Whether a word of [`PERIOD_WORDS`] is just before the word for "from"
/// or "between" (or the first year) at `from`, on its line.
fn period_before(w: &Words, from: usize) -> bool {
    let mut j = from;
    if j > 0 && w.next_on_line(j) && w.folded(j - 1) == "ما" {
        j -= 1;
    }
    j > 0 && w.next_on_line(j) && PERIOD_WORDS.contains(&w.folded(j - 1))
}

/// The years a range between brackets may name.
const BRACKETED_YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;

/// Two numbers of four digits alone between brackets, joined by a dash or
/// a word for "to" (`(1911 - 2006)`, `(1918 – 1970)`: a lifespan, a war, a
/// reign), both in [`BRACKETED_YEARS`], rising, at most two centuries apart
/// and not followed by what an amount would count (`(1500 - 2000) دولار`
/// are amounts).
fn bracketed_years(w: &Words, k: usize) -> Option<(usize, When)> {
    if k == 0 || w.folded(k - 1) != "(" || !w.next_on_line(k) {
        return None;
    }
    let year = |k: usize| {
        let (y, len) = w.small_number(k)?;
        (len == 4 && BRACKETED_YEARS.contains(&y)).then_some(y as i32)
    };
    let y1 = year(k)?;
    let b = to_at(w, k + 1, false)?;
    let y2 = year(b)?;
    let end = b + 1;
    let closed = w.next_on_line(end) && w.folded(end) == ")";
    if !closed || y2 <= y1 || y2 - y1 > 200 || counted_after(w, end + 1) {
        return None;
    }
    Some((end, whole_years(y1, y2)?))
}

/// Whether token `i`, on the line of the token before, names what an
/// amount counts: a currency or a unit of measure or of time.
fn counted_after(w: &Words, i: usize) -> bool {
    let counted = |s: &Sense| {
        matches!(s, Sense::Currency(..) | Sense::Measure(_) | Sense::Unit(..)).then_some(())
    };
    w.next_on_line(i) && w.find(i, counted).is_some()
}

/// A bare year after `منذ` or `since` (`منذ 1998 أجرى`, `since 2011,`):
/// four digits in [`BARE_YEARS`] with nothing after them that they would
/// count (a unit, a currency, a number word: `منذ 2000 عام` is an amount).
/// The token after it and the year.
pub(super) fn year_since(w: &Words, k: usize) -> Option<(usize, When)> {
    let (y, 4) = w.small_number(k)? else {
        return None;
    };
    let number_word = |s: &Sense| matches!(s, Sense::Num(..)).then_some(());
    let counted =
        counted_after(w, k + 1) || w.next_on_line(k + 1) && w.find(k + 1, number_word).is_some();
    if !BARE_YEARS.contains(&y) || counted {
        return None;
    }
    let year = y as i32;
    let mut when = whole_years(year, year)?;
    when.end = None;
    Some((k + 1, when))
}

/// The years `y1` to `y2`, whole.
fn whole_years(y1: i32, y2: i32) -> Option<When> {
    let first = NaiveDate::from_ymd_opt(y1, 1, 1)?;
    let mut when = When::new(midnight(first), Grain::Year, Anchor::Absolute);
    when.end = Some(midnight(NaiveDate::from_ymd_opt(y2 + 1, 1, 1)?));
    Some(when)
}

/// Two times of the reference day, at the finer of their grains; the end
/// is the last one plus that grain (`من الثالثة إلى الرابعة` runs to 17:00
/// at hour grain, `3:30 to 6 PM` to 18:01 at minute grain, as Duckling
/// ends its intervals).
fn two_times(cx: &Context, i: usize, ends: &Ends) -> Option<(usize, When)> {
    let w = cx.words;
    let (after, first) = time_of_day(cx, i)?;
    let (b, (end, mut last)) = second_time(cx, after, ends.and_joins, ends.between)?;
    let mut when = first;
    // `الساعة 3 إلى الساعة 5 مساء`: the part of the day written only with
    // the second puts the first latest before it, as in `from 3 to 5 pm`.
    if first.start.hour() < 12 && !has_period(w, i..after) && has_period(w, b..end) {
        let day = first.start.date();
        when.start = latest_before(day, first.start.time(), last.start)?;
    }
    // `من 3 مساءً حتى السابعة والنصف`: written only with the first, it
    // puts the second first after it.
    if has_period(w, i..after) && !has_period(w, b..end) {
        last.start = first_after(first.start, last.start.time())?;
    }
    if last.start < when.start || first.zone != last.zone {
        return None;
    }
    when.grain = first.grain.max(last.grain);
    when.end = Some(last.start + step(when.grain));
    Some((end, when))
}

/// The second of two times joined at `after` (`إلى`, `و`, `and` when
/// `and_joins`), or after `between` by `و` glued to its hour (`بين
/// الخامسة والسادسة مساء`): where it starts, and what [`time_of_day`]
/// gives.
fn second_time(
    cx: &Context,
    after: usize,
    and_joins: bool,
    between: bool,
) -> Option<(usize, (usize, When))> {
    let w = cx.words;
    if let Some(b) = joined_at(w, after, and_joins) {
        return Some((b, time_of_day(cx, b)?));
    }
    let f = w.folded(after);
    if !between || f.len() <= 'و'.len_utf8() || !f.starts_with('و') {
        return None;
    }
    Some((after, time_after_and(cx, after)?))
}

/// The length of one `grain` of a time of day.
fn step(grain: Grain) -> Duration {
    match grain {
        Grain::Hour => Duration::hours(1),
        Grain::Minute => Duration::minutes(1),
        _ => Duration::seconds(1),
    }
}

/// Whether a part of the day (`pm`, `مساء`) is written in `tokens`.
fn has_period(w: &Words, tokens: std::ops::Range<usize>) -> bool {
    let period = |s: &Sense| matches!(s, Sense::Period(_)).then_some(());
    tokens
        .into_iter()
        .any(|k| w.find(k, period).is_some() || w.find_pair(k, period).is_some())
}

/// The time `time` of a twelve-hour clock (after noon or before it) on
/// `day` that comes latest before `last`.
fn latest_before(day: NaiveDate, time: NaiveTime, last: NaiveDateTime) -> Option<NaiveDateTime> {
    let (hour, minute) = (time.hour() % 12, time.minute());
    [hour + 12, hour]
        .into_iter()
        .filter_map(|h| day.and_hms_opt(h, minute, 0))
        .find(|t| *t < last)
}

/// A bare hour, then a time with its part of the day written: `from 3 to 5
/// pm`, `9-11 am`, `من 3 إلى 5 مساء`, and after `between` with `and`
/// (`بين 5 و6 مساء`, `between 3 and 5 pm`). The first hour takes the part of the
/// day that puts it latest before the second (3 to 5 pm: 15:00; 9 to 5
/// pm: 09:00); the zone of the second is the first's too.
fn bare_hour_to_time(cx: &Context, i: usize, ends: &Ends) -> Option<(usize, When)> {
    let w = cx.words;
    let and_joins = ends.and_joins || ends.between;
    let (after, hour, 0, None, false) = hour_at(w, i)? else {
        return None;
    };
    if !(1..=12).contains(&hour) || a_score_before_arabic_time(w, i, after, ends) {
        return None;
    }
    let (b, (end, last)) = if and_joins {
        second_time(cx, after, true, true)?
    } else {
        let b = to_at(w, after, false)?;
        (b, time_of_day(cx, b)?)
    };
    if !has_period(w, b..end) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour % 12, 0, 0)?;
    let first = latest_before(last.start.date(), time, last.start)?;
    let mut when = When::new(first, last.grain.max(Grain::Hour), Anchor::Reference);
    when.zone = last.zone;
    when.end = Some(last.start + step(last.grain));
    Some((end, when))
}

/// Two bare hours (after `الساعة` or not) and the part of the day said
/// after the second: `من 5 إلى 6 في المساء`, `من الساعة 5 إلى 6 في
/// المساء`, `بين 9 و11 في الصباح`, `from 5 to 6 in the evening`, `between
/// 9 and 11 in the morning`. As in [`bare_hour_to_time`], the first hour
/// is the one latest before the second, and the range runs to the end of
/// the second hour.
fn bare_hours_in_part(cx: &Context, i: usize, ends: &Ends) -> Option<(usize, When)> {
    let w = cx.words;
    let and_joins = ends.and_joins || ends.between;
    let (after, first) = bare_hour_at(w, i)?;
    if a_score_before_arabic_time(w, i, after, ends) {
        return None;
    }
    let (end, second) = bare_hour_at(w, second_end_of_hours(w, after, and_joins)?)?;
    let (last, end) = hour_in_part_said_at(cx, end, second)?;
    let time = NaiveTime::from_hms_opt(first % 12, 0, 0)?;
    let start = latest_before(last.date(), time, last)?;
    let mut when = When::new(start, Grain::Hour, Anchor::Reference);
    when.end = Some(last + Duration::hours(1));
    Some((end, when))
}

/// Whether the bare hour at `i`, a dash at `after` and the number after it
/// are the score of a match before the Arabic time it was played (`فاز
/// 2-1 مساء السبت`, `تعادل 1-1 مساء أمس`, `1 - صفر`): the first not below
/// the second, as a winner's score or a draw is written, with no `من`,
/// `بين` or `الساعة` before it. A range of hours runs forward (`الاثنين
/// 8-9 صباحا`, `1-3 مساء`) or is introduced (`من 10 - 2 ظهرا`); English
/// `3-4pm` stays a range. A loser's score first is one after a word of a
/// match's result (`خسر 1-3 مساء أمس`, `بنتيجة 0-2`).
fn a_score_before_arabic_time(w: &Words, i: usize, after: usize, ends: &Ends) -> bool {
    is_score_before_arabic_word(w, i, after)
        && !ends.from
        && !(i > 0 && super::clock::is_clock_word(w, i - 1))
}

/// Whether digits at `first`, a dash at `dash` and digits or `صفر` after it
/// stand before an Arabic word as a score: not above the first (a winner's
/// score or a draw as news writes it, `فاز 2-1 مساء السبت`, `1 - صفر`), or
/// any after a word of a match's result, up to three words back (`خسر
/// 1-3`, `خسر الفريق 1-3`, `بنتيجة 0-2`).
pub(super) fn is_score_before_arabic_word(w: &Words, first: usize, dash: usize) -> bool {
    // The result's word before the score, or before the team's name of up
    // to two words (`خسر ريال مدريد 1-3`).
    let result_before = || {
        (first.saturating_sub(3)..first)
            .any(|k| (k + 1..=first).all(|j| w.next_on_line(j)) && is_result_word(w.folded(k)))
    };
    let side = |k: usize| -> Option<u32> {
        if w.folded(k) == "صفر" {
            return Some(0);
        }
        w.is_number(k)
            .then(|| digits(w.raw(k)))
            .flatten()
            .map(|(value, _)| value)
    };
    w.is_number(first)
        && matches!(w.folded(dash), "-" | "–")
        && side(first)
            .zip(side(dash + 1))
            .is_some_and(|(first, second)| first >= second || result_before())
        && w.is_word(dash + 2)
        && !w.folded(dash + 2).is_ascii()
}

/// Words before a match's score that say it is one (folded, `و` or `ف`
/// glued or not): a result (`بنتيجة`), a loss (`خسر`, `انهزم`, `سقط`) or
/// a win or a draw (`فاز`, `تغلب`, `تعادل`).
fn is_result_word(folded: &str) -> bool {
    let word = folded.strip_prefix(['و', 'ف']).unwrap_or(folded);
    matches!(
        word,
        "بنتيجه" | "نتيجه" | "خسر" | "انهزم" | "سقط" | "فاز" | "تغلب" | "تعادل"
    )
}

/// Where the second of two bare hours starts, after the word or sign
/// between them at `after` (`to`, `-`, `إلى`; `and` or `و` when
/// `and_joins`).
fn second_end_of_hours(w: &Words, after: usize, and_joins: bool) -> Option<usize> {
    if and_joins {
        joined_at(w, after, true)
    } else {
        to_at(w, after, false)
    }
}

/// An hour of 1 to 12 at `k` without minutes, after `الساعة` or not, and
/// the token after it.
fn bare_hour_at(w: &Words, k: usize) -> Option<(usize, u32)> {
    let k = k + usize::from(is_clock_word(w, k) && w.next_on_line(k + 1));
    match hour_at(w, k)? {
        (end, hour @ 1..=12, 0, None, false) => Some((end, hour)),
        _ => None,
    }
}

/// A time with its part of the day written, then a bare hour: `8am until
/// 6`, `from 9 pm to 11`, `من 8 صباحا حتى 6`. The hour takes the part of
/// the day that puts it first after the time (8am until 6: 18:00), on its
/// day; the range runs to the end of that hour. Not before what an amount
/// would count (`from 8am to 6 dollars` is no range).
fn time_to_bare_hour(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (after, first) = time_of_day(cx, i)?;
    if !has_period(w, i..after) {
        return None;
    }
    let b = to_at(w, after, false)?;
    let (end, hour, 0, None, false) = hour_at(w, b)? else {
        return None;
    };
    if !(1..=12).contains(&hour) || counted_after(w, end) || time_of_day(cx, b).is_some() {
        return None;
    }
    let last = first_after(first.start, NaiveTime::from_hms_opt(hour, 0, 0)?)?;
    let mut when = first;
    when.grain = first.grain.max(Grain::Hour);
    when.end = Some(last + Duration::hours(1));
    Some((end, when))
}

/// The time `time` of a twelve-hour clock (after noon or before it) that
/// comes first after `start` on its day.
fn first_after(start: NaiveDateTime, time: NaiveTime) -> Option<NaiveDateTime> {
    let day = start.date();
    let (hour, minute) = (time.hour() % 12, time.minute());
    [hour, hour + 12]
        .into_iter()
        .filter_map(|h| day.and_hms_opt(h, minute, time.second()))
        .find(|t| *t > start)
}

/// `from Monday to Friday`, `من الاثنين إلى الجمعة`, `من يوم الأحد إلى
/// يوم الخميس`: from the next first weekday (as a weekday alone reads) to
/// the first second weekday after it, whole days; with `الماضي` or `last`
/// after the second, the last such days before the reference.
fn two_weekdays(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // `يوم` (day) before a weekday, as Arabic often writes it.
    let past_yawm = |k: usize| {
        if w.folded(k) == "يوم" && w.next_on_line(k + 1) {
            k + 1
        } else {
            k
        }
    };
    let a = past_yawm(i);
    let first = weekday_sense(w, a)?;
    let b = past_yawm(to_at(w, a + 1, false)?);
    let last = weekday_sense(w, b)?;
    if last == first {
        return None;
    }
    let days = i64::from((last + 7 - first) % 7);
    let today = cx.reference.date();
    // A direction after the second (`من الجمعة حتى الأحد القادم`, `from
    // Friday to last Sunday`): the coming days as without it, or the last
    // such days, to the second weekday's last occurrence before today.
    // Not before a unit it is said of (`from Monday to Friday next week`).
    let direction = super::relative::direction_of_no_unit(w, b + 1);
    let start = match direction {
        Some(-1) => {
            let back = i64::from((today.weekday().number_from_monday() + 7 - last - 1) % 7) + 1;
            today - Duration::days(back + days)
        }
        _ => next_weekday(today, first),
    };
    let end = b + 1 + usize::from(matches!(direction, Some(-1 | 1)));
    let mut when = When::day(start, Anchor::Reference);
    when.end = Some(midnight(start + Duration::days(days + 1)));
    Some((end, when))
}

/// `from March to June`, `من مارس إلى يونيو`, `from November to February
/// 2025`: two month names after `from`, whole months. With a year after
/// the second, the months are those before it (November 2024 to February
/// 2025); without one, from the first month's next occurrence (the current
/// month included, as a month alone reads) to the second after it.
fn two_months(cx: &Context, i: usize, between: bool) -> Option<(usize, When)> {
    let w = cx.words;
    let (first, after, _) = month(w, i)?;
    let b = second_end_at(w, after, between)?;
    let (last, mut end, _) = month(w, b)?;
    let today = cx.reference.date();
    let year_written = year_after(w, end)
        .map(|(y, e)| (y, Anchor::Absolute, e))
        .or_else(|| year_said_after(w, end, today.year()).map(|(y, e)| (y, Anchor::Reference, e)))
        .map(|(y, anchor, e)| {
            end = e;
            (y, anchor)
        });
    let wraps = last < first;
    let (first_year, anchor) = match year_written {
        Some((y, anchor)) => (if wraps { y - 1 } else { y }, anchor),
        None if first >= today.month() => (today.year(), Anchor::Reference),
        None => (today.year() + 1, Anchor::Reference),
    };
    let last_year = if wraps { first_year + 1 } else { first_year };
    let start = NaiveDate::from_ymd_opt(first_year, first, 1)?;
    let last_start = NaiveDate::from_ymd_opt(last_year, last, 1)?;
    let mut when = When::new(midnight(start), Grain::Month, anchor);
    when.end = Some(after_last(last_start, Grain::Month)?);
    Some((end, when))
}

#[cfg(test)]
mod period_words_tests {
    /// The period words are written as the fold writes them, so a word of
    /// the text compares with them as it is.
    #[test]
    fn period_words_are_folded() {
        for word in super::PERIOD_WORDS {
            assert_eq!(super::super::lexicon::fold(word), word);
        }
    }
}
