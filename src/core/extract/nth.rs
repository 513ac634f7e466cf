//! A day or week counted within a month: the nth or last weekday
//! (`ثاني أربعاء من شهر أكتوبر 2014`, `الثلاثاء الأول من تشرين الأول`,
//! `الاثنين الأخير من شهر مارس`, `the second Wednesday of October`), the nth
//! or last day (`اليوم الثالث من شهر عشرة`, `آخر يوم من شهر أكتوبر 2015`), and
//! the nth or last week (`أول أسبوع من أكتوبر 2014`), a week being Monday to
//! Sunday wholly inside the month, and the nth or last weekend (`the last
//! weekend of October`, counted by its Saturday; see `weekends`). Also a weekday of a relative week
//! (`أحد الأسبوع الماضي`).
//!
//! The month comes after `من`, `في`, `of`, `in` or a glued `ب`/`ل`, with an
//! optional `شهر`; a year may follow (`2014`, `من عام 2014`, `السنة القادمة`),
//! else the reference year. Or the month is named from the reference
//! (`الأسبوع الثاني من الشهر المقبل`, `the last week of this month`).

use chrono::{Datelike, Duration, NaiveDate};

use super::dates::{self, midnight, When};
use super::lexicon::{strip_proclitic, Count, Sense, TimeUnit};
use super::weekends::SATURDAY;
use super::words::Words;
use super::{Anchor, Context, Grain};

/// Which one of the month's days or weeks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Which {
    Nth(u32),
    Last,
}

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Weekday(u32),
    Day,
    Week,
    Weekend,
}

/// A weekday of a week named relatively: `أحد الأسبوع الماضي`, `ثلاثاء
/// الأسبوع القادم`, `الخميس من الأسبوع المقبل`, `يوم الجمعة من الأسبوع
/// المقبل` (`يوم`, day, or `on` before the weekday, in the span), `Monday
/// of next week`, `on Monday next week`, `sunday from last week`.
pub(super) fn weekday_of_week(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let at = past_day_word(w, i);
    let day = weekday(w, at)?;
    let mut k = at + 1;
    if matches!(w.folded(k), "من" | "of" | "from") && w.next_on_line(k + 1) {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let (end, week) = super::relative::relative(cx, k)?;
    if week.grain != Grain::Week {
        return None;
    }
    Some((end, day_of_week(&week, day)))
}

/// Past `يوم` (day) or `on` at `i` when a token follows on its line, else
/// `i`: where a weekday after them is.
fn past_day_word(w: &Words, i: usize) -> usize {
    i + usize::from(matches!(w.folded(i), "يوم" | "on") && w.next_on_line(i + 1))
}

/// ISO weekday `day` of `week` (which starts on Monday), as a day.
fn day_of_week(week: &When, day: u32) -> When {
    let date = week.start.date() + Duration::days(i64::from(day) - 1);
    When::day(date, week.anchor)
}

/// A weekday after a week named relatively, at `k` after the week's
/// words (`الأسبوع المقبل يوم الثلاثاء`, `الأسبوع الماضي الأحد`, `next week
/// on Tuesday`, `next week, Tuesday`): that day of the week, which starts
/// on Monday. `يوم`, `on` or a comma may stand between; an English weekday
/// is written in full (`sun` is also a word).
pub(super) fn weekday_after_week(cx: &Context, k: usize, week: &When) -> Option<(usize, When)> {
    let w = cx.words;
    if week.grain != Grain::Week || week.end.is_some() || !w.next_on_line(k) {
        return None;
    }
    let mut at = k;
    if matches!(w.raw(at), "," | "،") && w.next_on_line(at + 1) {
        at += 1;
    }
    at = past_day_word(w, at);
    let full = |s: &Sense| match s {
        Sense::Weekday(d) => Some(*d),
        _ => None,
    };
    let day = if w.raw(at).is_ascii() {
        w.find_whole(at, full)?
    } else {
        weekday(w, at)?
    };
    Some((at + 1, day_of_week(week, day)))
}

/// The day (or week) at token `i`, and the token after it.
pub(super) fn day_in_month(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (which, target, k) = counted_first(w, i).or_else(|| target_first(w, i))?;
    let (month, year, anchor, end) = month_and_year(cx, k)?;
    let (date, grain) = resolve(year, month, which, target)?;
    if target == Target::Weekend {
        return Some((end, super::weekends::weekend_of(date, anchor)?));
    }
    Some((end, When::new(midnight(date), grain, anchor)))
}

/// A quarter of a year: `the third quarter`, `Q3 2024`, `the 4th quarter
/// of 2018`, `الربع الثالث`, `الربع الأول من عام 2024`: its first month
/// at quarter grain, of the reference year when no year follows; or a
/// quarter near the reference (`next quarter`, `الربع المقبل`).
pub(super) fn quarter_of_year(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if let Some(found) = year_then_quarter(w, i) {
        return Some(found);
    }
    let k = w.past_the(i);
    // Every quarter is `Q3`, `الربع ...` or one word before `quarter`
    // (hyphened before a noun: `third-quarter results`).
    let named = matches!(w.folded(k + 1), "quarter" | "qtr")
        || w.joins_by_hyphen(k + 1) && matches!(w.folded(k + 2), "quarter" | "qtr");
    if !named && w.folded(k) != "الربع" && quarter_code(w.folded(k)).is_none() {
        return None;
    }
    if let Some(found) = quarter_near(cx, k) {
        return Some(found);
    }
    let (n, k) = if let Some(n) = quarter_code(w.folded(k)) {
        (n, k + 1)
    } else if w.folded(k) == "الربع" {
        if !w.next_on_line(k + 1) {
            return None;
        }
        last_or_ordinal(w, k + 1, 4)?
    } else if w.folded(k) == "last" {
        // `the last quarter of 2023` (`last quarter` alone is the one
        // before the reference's, read above).
        (4, k + 2)
    } else {
        let (end, n) = super::number_words::ordinal(w, k)?;
        let end = end + usize::from(w.joins_by_hyphen(end));
        let quarter = w.next_on_line(end) && matches!(w.folded(end), "quarter" | "qtr");
        (n, quarter.then_some(end + 1)?)
    };
    if !(1..=4).contains(&n) {
        return None;
    }
    let (year, end, anchor) = match year_after(cx, k) {
        Some(found) => found,
        // `the third quarter of the match` is not of a year.
        None if w.next_on_line(k) && matches!(w.folded(k), "of" | "من") => return None,
        None => (cx.reference.date().year(), k, Anchor::ReferenceYear),
    };
    let first = NaiveDate::from_ymd_opt(year, 3 * n - 2, 1)?;
    Some((end, quarter_from(first, anchor)?))
}

/// A year before the code of its quarter (`2018 Q4`, `2018-Q4`, `2018Q4`,
/// as reports and spreadsheets write it).
fn year_then_quarter(w: &Words, i: usize) -> Option<(usize, When)> {
    // The code first: every number is tried here, few have one after them.
    let k = if w.joins_by_hyphen(i + 1) {
        i + 2
    } else {
        i + 1
    };
    if !w.next_on_line(k) {
        return None;
    }
    let n = quarter_code(w.folded(k))?;
    let (year, 4) = w.small_number(i)? else {
        return None;
    };
    if !super::intervals::BARE_YEARS.contains(&year) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 3 * n - 2, 1)?;
    Some((k + 1, quarter_from(first, Anchor::Absolute)?))
}

/// A half of a year: `the first half of 2024`, `H2 2023`, `the second half
/// of the year`, `النصف الأول من عام 2024`, `النصف الثاني من العام الجاري`:
/// its six months (first month, grain month, the month after the last as
/// the end). Or a half of a month: `النصف الأول من الشهر الجاري`, `the
/// second half of March`, `النصف الثاني من مارس`: days 1 to 15 or 16 to
/// the last, at day grain. The year or the month must be said (`the second
/// half` alone is as often of a match).
pub(super) fn half_of_year(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let k = w.past_the(i);
    let (n, k) = match w.folded(k) {
        "h1" => (1, k + 1),
        "h2" => (2, k + 1),
        "النصف" if w.next_on_line(k + 1) => last_or_ordinal(w, k + 1, 2)?,
        "last" if w.next_on_line(k + 1) && w.folded(k + 1) == "half" => (2, k + 2),
        _ => {
            let (end, n) = super::number_words::ordinal(w, k)?;
            let half = w.next_on_line(end) && w.folded(end) == "half";
            (n, half.then_some(end + 1)?)
        }
    };
    if !(1..=2).contains(&n) {
        return None;
    }
    let Some((year, end, anchor)) = year_after(cx, k) else {
        return half_of_month(cx, k, n);
    };
    let first = NaiveDate::from_ymd_opt(year, 6 * n - 5, 1)?;
    let mut half = When::new(midnight(first), Grain::Month, anchor);
    half.end = Some(midnight(first.checked_add_months(chrono::Months::new(6))?));
    Some((end, half))
}

/// Half `n` of the month said at `k` (see [`month_said_at`]): its days 1
/// to 15, or 16 to the last.
fn half_of_month(cx: &Context, k: usize, n: u32) -> Option<(usize, When)> {
    let (first, anchor, end) = month_said_at(cx, k)?;
    let middle = first.with_day(16)?;
    let (start, stop) = if n == 1 {
        (first, middle)
    } else {
        (middle, first.checked_add_months(chrono::Months::new(1))?)
    };
    let mut half = When::day(start, anchor);
    half.end = Some(midnight(stop));
    Some((end, half))
}

/// The month said at `k` after `of` or `من` (`من الشهر الجاري`, `of next
/// month`, `من مارس`, `of March 2024`, `من شهر أكتوبر المقبل`): its first
/// day, how it is anchored, and the token after it.
fn month_said_at(cx: &Context, k: usize) -> Option<(NaiveDate, Anchor, usize)> {
    let w = cx.words;
    let of = matches!(w.folded(k), "من" | "of") && w.next_on_line(k + 1);
    let near = of
        .then(|| super::relative::unit_and_direction(cx, k + 1))
        .flatten()
        .filter(|(_, month)| month.grain == Grain::Month);
    let (first, anchor, end) = match near {
        Some((end, month)) => (month.start.date(), Anchor::Reference, end),
        None => {
            let (month, mut year, mut anchor, mut end) = month_and_year(cx, k)?;
            // `من شهر أكتوبر المقبل`: the month named with a direction.
            let direction = super::relative::direction_at(w, end);
            if let (Anchor::ReferenceYear, Some(direction)) = (anchor, direction) {
                year = super::relative::year_of_month(cx.reference.date(), month, direction);
                anchor = Anchor::Reference;
                end += 1;
            }
            (NaiveDate::from_ymd_opt(year, month, 1)?, anchor, end)
        }
    };
    Some((first, anchor, end))
}

/// The first or the last months of a year: `الأشهر التسعة الأولى من العام
/// الجاري`, `الشهور الستة الأخيرة من عام 2023`, `the first nine months of
/// 2023`, `the last three months of the year`: those months (the first
/// month at month grain, the month after the last as the end). Or the
/// first or last days of a month: `الأيام العشرة الأولى من الشهر الجاري`,
/// `الأيام الثلاثة الأخيرة من يوليو`, `the first ten days of July`: those
/// days (day grain, the day after the last as the end). The year or the
/// month must be said: `الأشهر الستة الأخيرة` alone is the last six months
/// before the reference (`relative::several_units`).
pub(super) fn first_or_last_units(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let units = |s: &Sense| match s {
        Sense::Unit(unit @ (TimeUnit::Month | TimeUnit::Day), Count::Plural) => Some(*unit),
        _ => None,
    };
    let (n, first, unit, k) = if w.folded(i).is_ascii() {
        let k = w.past_the(i);
        let first = match w.folded(k) {
            "first" => true,
            "last" => false,
            _ => return None,
        };
        if !w.next_on_line(k + 1) {
            return None;
        }
        let amount = super::number_words::amount(w, k + 1)?;
        let end = amount.end;
        if !w.next_on_line(end) {
            return None;
        }
        let unit = w.find_whole(end, units)?;
        (amount.value.to_i64(), first, unit, end + 1)
    } else {
        let (unit, _) = w.find_after_article(i, units).filter(|(_, conj)| !conj)?;
        if !w.next_on_line(i + 1) {
            return None;
        }
        let (n, after) = super::relative::count_after_plural(w, i + 1)?;
        if !w.next_on_line(after) {
            return None;
        }
        let first = if super::relative::LATEST.contains(&w.folded(after)) {
            false
        } else {
            super::number_words::ordinal(w, after).filter(|&(_, n)| n == 1)?;
            true
        };
        (n, first, unit, after + 1)
    };
    if !(w.next_on_line(k) && matches!(w.folded(k), "of" | "من")) {
        return None;
    }
    if unit == TimeUnit::Day {
        return days_of_month(cx, k, n?, first);
    }
    let n = n.filter(|n| (1..=11).contains(n))? as u32;
    let (year, end, anchor) = year_after(cx, k)?;
    let month = if first { 1 } else { 13 - n };
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let mut when = When::new(midnight(start), Grain::Month, anchor);
    when.end = Some(midnight(start.checked_add_months(chrono::Months::new(n))?));
    Some((end, when))
}

/// The first or the last `n` days (fewer than the month has) of the month
/// said at `k` (see [`month_said_at`]).
fn days_of_month(cx: &Context, k: usize, n: i64, first: bool) -> Option<(usize, When)> {
    let (start_of_month, anchor, end) = month_said_at(cx, k)?;
    let next_month = start_of_month.checked_add_months(chrono::Months::new(1))?;
    let length = (next_month - start_of_month).num_days();
    if !(1..length).contains(&n) {
        return None;
    }
    let start = if first {
        start_of_month
    } else {
        next_month - chrono::Duration::days(n)
    };
    let mut days = When::day(start, anchor);
    days.end = Some(midnight(start + chrono::Duration::days(n)));
    Some((end, days))
}

/// The number of a part of a year at `k` (`الأول`, `الثالث`), or `last`
/// for `الأخير` (the last of `parts`): the number and the token after it.
fn last_or_ordinal(w: &Words, k: usize, parts: u32) -> Option<(u32, usize)> {
    if w.folded(k) == "الاخير" {
        return Some((parts, k + 1));
    }
    let (end, n) = super::number_words::ordinal(w, k)?;
    Some((n, end))
}

/// The quarter starting on `first`: its grain says it lasts three months,
/// as a month's says it lasts one.
fn quarter_from(first: NaiveDate, anchor: Anchor) -> Option<When> {
    Some(When::new(midnight(first), Grain::Quarter, anchor))
}

/// `this quarter`, `next qtr`, `last quarter`, `الربع المقبل`, `الربع
/// الماضي`: the reference's quarter, or the one after or before it.
fn quarter_near(cx: &Context, k: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (direction, end) = if w.folded(k) == "الربع" {
        // `الربع الأخير` alone is the latest quarter, as `last quarter`
        // is (`الربع الأخير من العام` is the fourth, read after this).
        let latest = w.next_on_line(k + 1) && super::relative::LATEST.contains(&w.folded(k + 1));
        let direction = super::relative::direction_at(w, k + 1).or(latest.then_some(-1))?;
        (direction, k + 2)
    } else {
        let direction = super::relative::direction_or_this(w, k)?;
        let quarter = w.next_on_line(k + 1) && matches!(w.folded(k + 1), "quarter" | "qtr");
        (direction, quarter.then_some(k + 2)?)
    };
    // `the last quarter of the century` is not near the reference.
    if w.next_on_line(end) && matches!(w.folded(end), "of" | "من") {
        return None;
    }
    let today = cx.reference.date();
    let index = i64::from(today.year()) * 4 + i64::from(today.month0() / 3) + i64::from(direction);
    let year = i32::try_from(index.div_euclid(4)).ok()?;
    let first = NaiveDate::from_ymd_opt(year, 3 * index.rem_euclid(4) as u32 + 1, 1)?;
    Some((end, quarter_from(first, Anchor::Reference)?))
}

/// `q1` .. `q4` (folded): the quarter's number.
fn quarter_code(folded: &str) -> Option<u32> {
    match folded {
        "q1" => Some(1),
        "q2" => Some(2),
        "q3" => Some(3),
        "q4" => Some(4),
        _ => None,
    }
}

/// `ثاني أربعاء`, `ثالث يوم ثلاثاء`, `آخر يوم`, `أول أسبوع`, `the last Monday`.
fn counted_first(w: &Words, i: usize) -> Option<(Which, Target, usize)> {
    let k = w.past_the(i);
    let (which, mut k) = match w.folded(k) {
        "اخر" | "last" => (Which::Last, k + 1),
        _ => {
            if !w.is_word(k) {
                return None;
            }
            let (end, n) = super::number_words::ordinal(w, k)?;
            (Which::Nth(n), end)
        }
    };
    if !w.next_on_line(k) {
        return None;
    }
    let mut day_word = false;
    if matches!(w.folded(k), "يوم" | "day") {
        day_word = true;
        k += 1;
    }
    if let Some(day) = weekday(w, k).filter(|_| w.same_line(k)) {
        return Some((which, Target::Weekday(day), k + 1));
    }
    if day_word {
        return Some((which, Target::Day, k));
    }
    if let Some(end) = super::weekends::weekend_word(w, k) {
        return Some((which, Target::Weekend, end));
    }
    matches!(w.folded(k), "اسبوع" | "week").then_some((which, Target::Week, k + 1))
}

/// `الأربعاء الثانية`, `الاثنين الأخير`, `اليوم الثالث`, `الأسبوع الأول`.
fn target_first(w: &Words, i: usize) -> Option<(Which, Target, usize)> {
    let target = match w.folded(i) {
        "اليوم" => Target::Day,
        "الاسبوع" => Target::Week,
        _ => Target::Weekday(weekday(w, i)?),
    };
    let k = i + 1;
    if !w.next_on_line(k) {
        return None;
    }
    if matches!(w.folded(k), "الاخير" | "الاخيره") {
        return Some((Which::Last, target, k + 1));
    }
    if !w.folded(k).starts_with("ال") {
        return None;
    }
    let (end, n) = super::number_words::ordinal(w, k)?;
    Some((Which::Nth(n), target, end))
}

/// The weekday of word `i`, with or without its article (`الثلاثاء`,
/// `ثلاثاء`, `بالثلاثاء`).
fn weekday(w: &Words, i: usize) -> Option<u32> {
    let pick = |s: &Sense| match s {
        Sense::Weekday(d) | Sense::BareWeekday(d) => Some(*d),
        _ => None,
    };
    if !w.is_word(i) {
        return None;
    }
    w.find(i, pick).map(|(d, _)| d)
}

/// The month after `k` and its year: (month, year, anchor, end).
fn month_and_year(cx: &Context, k: usize) -> Option<(u32, i32, Anchor, usize)> {
    let w = cx.words;
    let mut k = k;
    if matches!(w.folded(k), "من" | "في" | "of" | "in") && w.next_on_line(k + 1) {
        k += 1;
    }
    let f = w.folded(k);
    if (matches!(f, "شهر" | "month") || strip_proclitic(f) == Some("شهر"))
        && w.next_on_line(k + 1)
        && dates::month(w, k + 1).is_some()
    {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let Some((month, end, _)) = dates::month(w, k) else {
        return month_near(cx, k);
    };
    match year_after(cx, end) {
        Some((year, after, anchor)) => Some((month, year, anchor, after)),
        None => Some((
            month,
            cx.reference.date().year(),
            Anchor::ReferenceYear,
            end,
        )),
    }
}

/// A month named from the reference at `k` (`الشهر المقبل`, `الشهر
/// الجاري`, `next month`, `this month`): (month, year, anchor, end).
fn month_near(cx: &Context, k: usize) -> Option<(u32, i32, Anchor, usize)> {
    let (end, when) = super::relative::relative(cx, k)?;
    let one_month = when.grain == Grain::Month && when.end.is_none();
    one_month.then(|| (when.start.month(), when.start.year(), when.anchor, end))
}

/// A year after the month: `2014`, `من عام 2014`, `بعام 2014`, `في سنة 2014`,
/// `السنة القادمة`, `of the year`; the year, the token after it, and how
/// it is anchored (written, or relative to the reference: `العام الجاري`).
pub(super) fn year_after(cx: &Context, k: usize) -> Option<(i32, usize, Anchor)> {
    let w = cx.words;
    if !w.next_on_line(k) {
        return None;
    }
    if let Some((value, 4)) = w.small_number(k) {
        return Some((value as i32, k + 1, Anchor::Absolute));
    }
    let k = if matches!(w.folded(k), "من" | "في" | "," | "،" | "of" | "in") && w.next_on_line(k + 1)
    {
        k + 1
    } else {
        k
    };
    if let Some((value, 4)) = w.small_number(k) {
        return Some((value as i32, k + 1, Anchor::Absolute));
    }
    if let Some((end, Some((when, _)))) = dates::year_after_word(w, k) {
        return Some((when.start.year(), end, Anchor::Absolute));
    }
    // `of the year`: the reference's.
    if w.folded(k) == "the" && w.next_on_line(k + 1) && w.folded(k + 1) == "year" {
        return Some((cx.reference.date().year(), k + 2, Anchor::Reference));
    }
    // One year (`this year`, `العام الماضي`), not the years of a decade or
    // a century.
    if let Some((end, when)) = super::relative::relative(cx, k) {
        let one_year = when.end.is_none_or(|e| e.year() == when.start.year() + 1);
        return (when.grain == Grain::Year && one_year).then_some((
            when.start.year(),
            end,
            when.anchor,
        ));
    }
    // `من العام`, `من السنة` alone, as `of the year`: the reference's; not
    // before a word with the article, which says which year it is (`من
    // العام المالي`, `من العام الدراسي`), nor before `نفسه`, `ذاته` (the
    // same year as one said before, not always the reference's).
    let described = w.next_on_line(k + 1)
        && (w.folded(k + 1).starts_with("ال") || matches!(w.folded(k + 1), "نفسه" | "ذاته"));
    let of_the_year = !w.folded(k).is_ascii()
        && super::relative::unit_with_article(w, k) == Some(TimeUnit::Year)
        && !described;
    of_the_year.then(|| (cx.reference.date().year(), k + 1, Anchor::Reference))
}

/// The date (and its grain) of `which` `target` of `month` of `year`.
fn resolve(year: i32, month: u32, which: Which, target: Target) -> Option<(NaiveDate, Grain)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))? - Duration::days(1);
    let nth = |from: NaiveDate, n: u32| from + Duration::weeks(i64::from(n) - 1);
    let date = match (which, target) {
        (Which::Nth(0), _) => return None,
        (Which::Nth(n), Target::Day) => NaiveDate::from_ymd_opt(year, month, n)?,
        (Which::Last, Target::Day) => last,
        (Which::Nth(n), Target::Weekday(d)) => nth(on_or_after(first, d), n),
        (Which::Last, Target::Weekday(d)) => on_or_before(last, d),
        (Which::Nth(n), Target::Week) => nth(on_or_after(first, 1), n),
        (Which::Last, Target::Week) => on_or_before(last, 7) - Duration::days(6),
        (Which::Nth(n), Target::Weekend) => nth(on_or_after(first, SATURDAY), n),
        (Which::Last, Target::Weekend) => on_or_before(last, SATURDAY),
    };
    let inside = date.month() == month
        && (target != Target::Week || (date + Duration::days(6)).month() == month);
    let grain = if target == Target::Week {
        Grain::Week
    } else {
        Grain::Day
    };
    inside.then_some((date, grain))
}

/// The first `weekday` (1 Monday .. 7 Sunday) on or after `date`.
fn on_or_after(date: NaiveDate, weekday: u32) -> NaiveDate {
    let today = date.weekday().number_from_monday();
    date + Duration::days(i64::from((weekday + 7 - today) % 7))
}

/// The last `weekday` on or before `date`.
fn on_or_before(date: NaiveDate, weekday: u32) -> NaiveDate {
    let today = date.weekday().number_from_monday();
    date - Duration::days(i64::from((today + 7 - weekday) % 7))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Dates read off a calendar of 2014 and 2024.
    #[test]
    fn days_and_weeks_counted_within_a_month() {
        let day = Grain::Day;
        let cases = [
            // October 2014 began on a Wednesday.
            (
                (2014, 10, Which::Nth(1), Target::Weekday(2)),
                Some((ymd(2014, 10, 7), day)),
            ),
            (
                (2014, 10, Which::Nth(2), Target::Weekday(3)),
                Some((ymd(2014, 10, 8), day)),
            ),
            (
                (2014, 10, Which::Nth(1), Target::Weekday(3)),
                Some((ymd(2014, 10, 1), day)),
            ),
            (
                (2014, 10, Which::Last, Target::Weekday(5)),
                Some((ymd(2014, 10, 31), day)),
            ),
            ((2014, 10, Which::Nth(5), Target::Weekday(1)), None),
            (
                (2014, 10, Which::Nth(1), Target::Week),
                Some((ymd(2014, 10, 6), Grain::Week)),
            ),
            // September 2014 ended on a Tuesday: its last whole week began on the 22nd.
            (
                (2014, 9, Which::Last, Target::Week),
                Some((ymd(2014, 9, 22), Grain::Week)),
            ),
            (
                (2024, 2, Which::Last, Target::Day),
                Some((ymd(2024, 2, 29), day)),
            ),
            ((2024, 2, Which::Nth(30), Target::Day), None),
            (
                (2024, 3, Which::Last, Target::Weekday(1)),
                Some((ymd(2024, 3, 25), day)),
            ),
        ];
        for ((y, m, which, target), want) in cases {
            assert_eq!(
                resolve(y, m, which, target),
                want,
                "{which:?} {target:?} of {y}-{m}"
            );
        }
    }
}
