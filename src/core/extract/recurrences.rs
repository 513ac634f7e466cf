//! Recurrences: a time that repeats. `كل` or `every` before a unit, an
//! amount of time, a weekday or a part of a day (`كل يوم`, `كل ثلاثة
//! أسابيع`, `كل جمعة`, `كل صباح`, `every other week`, `each morning`); a
//! frequency in one word (`يوميا`, `weekly`); weekdays in the plural
//! (`أيام الجمعة والسبت`, `Mondays`); a part of every day or weekday
//! (`صباح كل يوم`, `بعد ظهر كل جمعة`); each with the time of day written
//! after it (`كل يوم اثنين الساعة 4 مساءً`, `every Monday at 4pm`) or,
//! joined after the pass, before it (`الساعة 3 مساءً كل يوم`, `9am daily`).
//!
//! A count of times before a period (`مرتين في الأسبوع`, `ثلاث مرات يوميا`,
//! `twice a week`) says how many times it falls in each.
//!
//! The value is structured ([`RecurrenceValue`]) and written as an RFC 5545
//! rule and an ISO 8601 period. What a rule cannot say without inventing
//! days (`twice a week`, `مرتين يوميا`) has no rule, only its period and
//! its count of times.

use std::cell::Cell;

use chrono::Timelike;

use super::clock;
use super::dates::day_of_any_year;
use super::decimal::Dec;
use super::durations::{amount_of_time, in_whole_units, iso_duration, unit_sense};
use super::lexicon::{lexicon, Count, Sense, TimeUnit};
use super::number_bounds::Placed;
use super::number_words::ordinal;
use super::relative::{day_part, direction_or_this, weekday_sense};
use super::words::{Form, Memo, Words};
use super::{Context, Entity, EntityKind, Found, Grain, RecurrenceValue, Reference, Value, Zone};

/// The most units a recurrence may count between two occurrences.
const MOST_UNITS: i64 = 10_000;

/// A recurrence entity at token `i`.
pub(super) fn recurrence(cx: &Context, i: usize) -> Option<Found> {
    let (end, value) = repeating(cx.words, i)?;
    let (end, value) = date_after(cx.words, end, value);
    let (end, value) = match time_after(cx, end, &value) {
        Some((after, time, zone)) => (
            after,
            RecurrenceValue {
                time: Some(time),
                zone,
                ..value
            },
        ),
        None => (end, value),
    };
    if !cx.beats(end) {
        return None;
    }
    Some(Found::entity(end, entity(cx, i, end, value)))
}

fn entity(cx: &Context, start: usize, end: usize, value: RecurrenceValue) -> Entity {
    Entity {
        kind: EntityKind::Recurrence,
        span: cx.span(start, end),
        value: Value::Recurrence(value),
        confidence: 0.8,
    }
}

/// What repeats at `i`, before any time of day, and the token after it.
fn repeating(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    every(w, i)
        .or_else(|| frequency(w, i))
        .or_else(|| plural_weekdays(w, i))
        .or_else(|| part_of_every(w, i))
        .or_else(|| times_per_period(w, i))
}

/// A count of times before its period: `مرتين في الأسبوع`, `مرة واحدة في
/// الشهر`, `مرتين أسبوعيا`, `مرة كل أسبوعين`, `twice a week`, `once a
/// month`, `twice weekly`. The plural after a number (`ثلاث مرات يوميا`,
/// `3 times a day`) is read here with a count of 0, which the number
/// before it gives after the pass (see [`join_times_and_days`]).
fn times_per_period(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    let times = w.find_whole(i, |s| match s {
        Sense::Times(n) => Some(*n),
        _ => None,
    })?;
    // `Times` (the newspaper) is a name.
    if w.raw(i).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let k = i + 1 + usize::from(times == 1 && w.next_on_line(i + 1) && w.folded(i + 1) == "واحده");
    if !w.next_on_line(k) {
        return None;
    }
    let (end, value) = per_period(w, k)?;
    let times = (times != 1).then_some(times);
    Some((end, RecurrenceValue { times, ..value }))
}

/// The period after a count of times at `k`: `في` and a unit with the
/// article (`في الأسبوع`, `في اليوم`), `a`, `an` or `per` and a unit (`a
/// week`), `كل` or `every` and what it repeats (`كل أسبوعين`, `every two
/// weeks`), or a frequency word (`أسبوعيا`, `weekly`).
fn per_period(w: &Words, k: usize) -> Option<(usize, RecurrenceValue)> {
    if matches!(w.folded(k), "في" | "a" | "an" | "per") && w.next_on_line(k + 1) {
        let arabic = || {
            w.find_after_article(k + 1, unit_sense)
                .filter(|(_, conj)| !conj)
                .map(|(unit, _)| unit)
        };
        let (unit, count) = w.find_whole(k + 1, unit_sense).or_else(arabic)?;
        // `مرتين في الأسبوع الماضي`, `في العام 2020`, `في الأسبوع الأول`:
        // one period, named (twice last week).
        let named = w.next_on_line(k + 2)
            && (direction_or_this(w, k + 2).is_some()
                || w.is_number(k + 2)
                || ordinal(w, k + 2).is_some());
        return (count == Count::One && !named).then(|| (k + 2, each(unit, 1)));
    }
    every(w, k).or_else(|| frequency(w, k))
}

/// Once every `interval` units.
fn each(unit: TimeUnit, interval: u32) -> RecurrenceValue {
    RecurrenceValue {
        unit,
        interval,
        weekdays: Vec::new(),
        time: None,
        zone: None,
        day_part: None,
        month: None,
        month_day: None,
        times: None,
    }
}

/// Every week on `weekdays`.
fn on_weekdays(weekdays: Vec<u32>) -> RecurrenceValue {
    RecurrenceValue {
        weekdays,
        ..each(TimeUnit::Week, 1)
    }
}

/// `كل` or `every` (also after `و` or `ف`; not `لكل`, per, which makes a
/// rate, nor `ككل`, as a whole) and what it repeats.
fn every(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    let (_, form) = w.find(i, |s| matches!(s, Sense::Every).then_some(()))?;
    if form == Form::Proclitic && !w.folded(i).starts_with(['و', 'ف']) {
        return None;
    }
    let mut k = i + 1;
    if !w.next_on_line(k) {
        return None;
    }
    // `every other day`: every second one.
    let other = w.folded(k) == "other" && w.next_on_line(k + 1);
    if other {
        k += 1;
    }
    let (end, value) = every_weekday(w, k)
        .or_else(|| every_part_of_day(w, k))
        .or_else(|| every_units(w, k))
        .or_else(|| every_date(w, k))?;
    if other {
        if value.interval != 1 {
            return None;
        }
        return Some((
            end,
            RecurrenceValue {
                interval: 2,
                ..value
            },
        ));
    }
    Some((end, value))
}

/// After `كل`: a weekday (`كل جمعة`, `كل يوم اثنين`, `كل يوم الاثنين`,
/// `every Monday`). Not `كل أحد` (everyone) nor `كل اثنين` (every two),
/// whose words are those of numbers: only after `يوم`.
fn every_weekday(w: &Words, k: usize) -> Option<(usize, RecurrenceValue)> {
    let day_word = w.folded(k) == "يوم" && w.next_on_line(k + 1);
    let day = if day_word {
        weekday_sense(w, k + 1).or_else(|| bare_weekday(w, k + 1))?
    } else if w.folded(k).is_ascii() {
        weekday_sense(w, k)?
    } else {
        bare_weekday(w, k).filter(|d| !matches!(d, 1 | 7))?
    };
    let end = k + 1 + usize::from(day_word);
    Some(more_weekdays(w, end, vec![day]))
}

/// A weekday without the article, as written.
fn bare_weekday(w: &Words, k: usize) -> Option<u32> {
    w.find_whole(k, |s| match s {
        Sense::BareWeekday(d) => Some(*d),
        _ => None,
    })
}

/// After `كل`: a part of a day, every day (`كل صباح`, `every night`), or of
/// a weekday (`كل صباح جمعة`). `ليلة` (a night) is read as `ليل` here: the
/// lexicon leaves it out because before a weekday it may be the eve.
fn every_part_of_day(w: &Words, k: usize) -> Option<(usize, RecurrenceValue)> {
    let hours = part_of_day(w, k).or_else(|| {
        (w.folded(k) == "ليله")
            .then(|| lexicon().senses("ليل").iter().find_map(day_part))
            .flatten()
    })?;
    let (end, value) = match bare_weekday(w, k + 1).filter(|_| w.next_on_line(k + 1)) {
        Some(day) => (k + 2, on_weekdays(vec![day])),
        None => (k + 1, each(TimeUnit::Day, 1)),
    };
    Some((
        end,
        RecurrenceValue {
            day_part: Some(hours),
            ..value
        },
    ))
}

/// The hours of a part of a day written at `k` in one word.
fn part_of_day(w: &Words, k: usize) -> Option<(u32, u32)> {
    w.find_whole(k, day_part)
}

/// After `كل`: a unit (`كل ساعة`: one), its dual (`كل يومين`: two) or an
/// amount of whole units (`كل ثلاثة أسابيع`, `every 2 weeks`; `كل نصف
/// ساعة` is every 30 minutes).
fn every_units(w: &Words, k: usize) -> Option<(usize, RecurrenceValue)> {
    if let Some(time) = amount_of_time(w, k).filter(|t| !t.bare) {
        let (count, unit) = in_whole_units(time.count, time.unit);
        let n = count.to_i64().filter(|n| (1..=MOST_UNITS).contains(n))?;
        return Some((time.end, each(unit, n as u32)));
    }
    let (unit, count) = w.find_whole(k, unit_sense)?;
    let interval = match count {
        Count::One => 1,
        Count::Two => 2,
        Count::Plural => return None,
    };
    Some((k + 1, each(unit, interval)))
}

/// After `كل`: a day of the year (`كل 15 مارس`, `every March 3`, `كل
/// 4/15`), every year.
fn every_date(w: &Words, k: usize) -> Option<(usize, RecurrenceValue)> {
    let (end, month, day) = day_of_any_year(w, k)?;
    Some((end, on_day_of_year(month, day)))
}

/// Every year on day `day` of `month`.
fn on_day_of_year(month: u32, day: u32) -> RecurrenceValue {
    RecurrenceValue {
        month: Some(month),
        month_day: Some(day),
        ..each(TimeUnit::Year, 1)
    }
}

/// Whether a recurrence is every year or every month and nothing more, so
/// that a day may be given to it: not one said a number of times in each
/// period (`مرتين سنويا`, twice a year, falls on more than one day).
fn takes_day(value: &RecurrenceValue) -> bool {
    matches!(value.unit, TimeUnit::Year | TimeUnit::Month)
        && value.interval == 1
        && value.times.is_none()
        && value.month_day.is_none()
        && value.time.is_none()
        && value.day_part.is_none()
}

/// The day of the year written after a yearly recurrence ending at `end`,
/// after `في` or `on` (`كل عام في 15 مارس`, `سنويا في 21 مارس`, `every
/// year on March 3`): the recurrence falls on it.
fn date_after(w: &Words, end: usize, value: RecurrenceValue) -> (usize, RecurrenceValue) {
    let lead = w.next_on_line(end) && matches!(w.folded(end), "في" | "on");
    let yearly = value.unit == TimeUnit::Year && takes_day(&value);
    if !lead || !yearly || !w.next_on_line(end + 1) {
        return (end, value);
    }
    match day_of_any_year(w, end + 1) {
        Some((after, month, day)) => (after, on_day_of_year(month, day)),
        None => (end, value),
    }
}

/// A frequency in one word: `يوميا`, `أسبوعيا` (also after `و`), `daily`,
/// `weekly` in lower case (capitalized, it starts a name: `Daily Mail`).
fn frequency(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    let (unit, form) = w.find(i, |s| match s {
        Sense::Frequency(unit) => Some(*unit),
        _ => None,
    })?;
    if form == Form::Proclitic && !w.folded(i).starts_with('و') {
        return None;
    }
    if w.raw(i).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some((i + 1, each(unit, 1)))
}

/// Weekdays in the plural: `أيام` before one or more weekdays with the
/// article (`أيام الجمعة والسبت`), or an English plural (`Mondays and
/// Thursdays`).
fn plural_weekdays(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    if let Some(day) = plural_weekday(w, i) {
        return Some(more_weekdays(w, i + 1, vec![day]));
    }
    let days = w.find_whole(i, unit_sense)? == (TimeUnit::Day, Count::Plural);
    if !days || !w.next_on_line(i + 1) {
        return None;
    }
    // As written, with its article; `weekday_sense` leaves out `أيام
    // الأحد عشر` (the eleven days), which counts.
    let day = weekday_sense(w, i + 1).filter(|_| w.senses(i + 1).1 == Form::Whole)?;
    Some(more_weekdays(w, i + 2, vec![day]))
}

fn plural_weekday(w: &Words, k: usize) -> Option<u32> {
    w.find_whole(k, |s| match s {
        Sense::Weekdays(d) => Some(*d),
        _ => None,
    })
}

/// The weekdays joined to those read before `k` (`والسبت`, `and
/// Thursdays`, `وخميس`), and the token after the last.
fn more_weekdays(w: &Words, mut k: usize, mut days: Vec<u32>) -> (usize, RecurrenceValue) {
    while w.next_on_line(k) && days.len() < 7 {
        // Not `وأحد`, `واثنين` (and one, and two) without the article.
        let joined = w
            .find(k, |s| match s {
                Sense::Weekday(d) => Some(*d),
                Sense::BareWeekday(d) if !matches!(d, 1 | 7) => Some(*d),
                _ => None,
            })
            .filter(|(_, form)| *form == Form::Proclitic && w.folded(k).starts_with('و'))
            .map(|(d, _)| (d, k + 1));
        let and = || {
            let english = w.folded(k) == "and" && w.next_on_line(k + 1);
            english
                .then(|| plural_weekday(w, k + 1).or_else(|| weekday_sense(w, k + 1)))
                .flatten()
                .map(|d| (d, k + 2))
        };
        let Some((day, next)) = joined.or_else(and) else {
            break;
        };
        if !days.contains(&day) {
            days.push(day);
        }
        k = next;
    }
    (k, on_weekdays(days))
}

/// A part of every day or weekday: a part of a day before `كل` and a day
/// or a weekday (`صباح كل يوم`, `مساء كل جمعة`, `بعد ظهر كل يوم`).
fn part_of_every(w: &Words, i: usize) -> Option<(usize, RecurrenceValue)> {
    let (hours, k) = match part_of_day(w, i) {
        Some(hours) => (hours, i + 1),
        None => (w.find_pair(i, day_part)?, i + 2),
    };
    // `كل` as written (`صباح وكل يوم` is two things).
    if !w.next_on_line(k) || w.senses(k).1 != Form::Whole {
        return None;
    }
    let (end, value) = every(w, k)?;
    // Every day or weekday, not every part of one (`صباح كل مساء`).
    if !takes_time(&value) || value.day_part.is_some() {
        return None;
    }
    Some((
        end,
        RecurrenceValue {
            day_part: Some(hours),
            ..value
        },
    ))
}

/// Whether a time of day may be read with the recurrence: every day or
/// on weekdays, without a time yet.
fn takes_time(value: &RecurrenceValue) -> bool {
    let daily = value.unit == TimeUnit::Day && value.interval == 1;
    let dated = value.month_day.is_some();
    value.time.is_none() && (daily || dated || !value.weekdays.is_empty())
}

/// The time of day written after a recurrence at `end`, after `في` or not
/// (`كل صباح في الساعة 9 صباحًا`; `at` is the time's own). After a part of
/// the day, an hour of the clock in it (`كل ليلة في الساعة 9`: 21:00) or
/// after `في` or `at` a bare hour (`كل ليلة في 9`, `each morning at 7`).
fn time_after(
    cx: &Context,
    end: usize,
    value: &RecurrenceValue,
) -> Option<(usize, (u32, u32), Option<Zone>)> {
    let w = cx.words;
    if !takes_time(value) || !w.next_on_line(end) {
        return None;
    }
    let fi = w.folded(end) == "في" && w.next_on_line(end + 1);
    let at = end + usize::from(fi);
    if let Some((after, time, zone)) = clock_time(cx, at) {
        return Some((after, in_part(time, value.day_part), zone));
    }
    let lead = fi || w.folded(end) == "at" && w.next_on_line(end + 1);
    let hours = value.day_part.filter(|_| lead)?;
    let k = end + 1;
    let (hour, _) = w
        .small_number(k)
        .filter(|(h, len)| (1..=12).contains(h) && *len <= 2)?;
    if w.noun_follows(k + 1) {
        return None;
    }
    Some((k + 1, in_part((hour, 0), Some(hours)), None))
}

/// An hour of the clock (1 to 12) in the afternoon or evening of a part
/// of the day that begins after noon: `9` of the night is 21.
fn in_part((hour, minute): (u32, u32), part: Option<(u32, u32)>) -> (u32, u32) {
    match part {
        Some((from, _)) if from >= 12 && (1..12).contains(&hour) => (hour + 12, minute),
        _ => (hour, minute),
    }
}

/// The entities of the pass with each time of day joined to the
/// recurrence right after it on its line (`الساعة 3 مساءً كل يوم`, `at
/// 9am every Sunday`, `9am daily`), and each day to the yearly or monthly
/// recurrence after it (`21 مارس كل عام`, `15 مارس من كل عام`, `March 3rd
/// of each year`, `في 25 من كل شهر`, `the 15th of every month`).
pub(super) fn join_times_and_days(cx: &Context, placed: Vec<Placed>) -> Vec<Placed> {
    let mut joined = super::number_bounds::join_neighbours(placed, |before, p| {
        time_then_recurrence(cx, before, p)
            .or_else(|| day_then_recurrence(cx, before, p))
            .or_else(|| count_then_recurrence(cx, before, p))
    });
    // `مرات في الأسبوع` with no number before it (`عدة مرات`) says no count.
    joined.retain(|p| !matches!(&p.entity.value, Value::Recurrence(r) if r.times == Some(0)));
    joined
}

/// A number and the count of times right after it (`ثلاث مرات يوميا`, `3
/// times a day`), as one recurrence that many times in each period.
fn count_then_recurrence(cx: &Context, before: &Placed, p: &Placed) -> Option<Placed> {
    let Value::Recurrence(value) = &p.entity.value else {
        return None;
    };
    if value.times != Some(0) || before.end != p.start || before.entity.kind != EntityKind::Number {
        return None;
    }
    let times = whole_number(before).filter(|n| (1..=MOST_UNITS as u32).contains(n))?;
    let value = RecurrenceValue {
        times: (times != 1).then_some(times),
        ..value.clone()
    };
    Some(over_both(cx, before, p, value))
}

/// A time of day and the recurrence `p` right after it, as one recurrence.
fn time_then_recurrence(cx: &Context, before: &Placed, p: &Placed) -> Option<Placed> {
    let Value::Recurrence(value) = &p.entity.value else {
        return None;
    };
    if before.end != p.start || !takes_time(value) || !cx.words.next_on_line(p.start) {
        return None;
    }
    let (time, zone) = time_before(cx, before)?;
    let value = RecurrenceValue {
        time: Some(in_part(time, value.day_part)),
        zone,
        ..value.clone()
    };
    Some(over_both(cx, before, p, value))
}

/// A day and the yearly or monthly recurrence `p` after it, right after
/// or after `من` or `of`, as one recurrence: a day of the year before
/// every year (`15 مارس من كل عام`), a day of the month, digits or an
/// ordinal, before every month (`25 من كل شهر`, `الخامس عشر من كل شهر`,
/// `the 15th of every month`).
fn day_then_recurrence(cx: &Context, before: &Placed, p: &Placed) -> Option<Placed> {
    let w = cx.words;
    let Value::Recurrence(value) = &p.entity.value else {
        return None;
    };
    let of = w.next_on_line(before.end)
        && matches!(w.folded(before.end), "من" | "of")
        && before.end + 1 == p.start;
    if !(before.end == p.start || of) || !takes_day(value) || !w.next_on_line(p.start) {
        return None;
    }
    let value = match value.unit {
        TimeUnit::Year => {
            let (end, month, day) = day_of_any_year(w, before.start)?;
            (end == before.end).then(|| on_day_of_year(month, day))?
        }
        _ => RecurrenceValue {
            month_day: Some(day_of_month(before)?),
            ..value.clone()
        },
    };
    Some(over_both(cx, before, p, value))
}

/// The day of the month that a number or an ordinal entity may be: a
/// whole number from 1 to 31.
fn day_of_month(before: &Placed) -> Option<u32> {
    if !matches!(before.entity.kind, EntityKind::Number | EntityKind::Ordinal) {
        return None;
    }
    whole_number(before).filter(|d| (1..=31).contains(d))
}

/// The whole number a number or ordinal entity says alone: no range, no
/// bound word, no fraction.
fn whole_number(placed: &Placed) -> Option<u32> {
    match &placed.entity.value {
        Value::Number {
            decimal,
            max: None,
            bound: None,
            fraction: None,
            ..
        } => decimal.parse().ok(),
        _ => None,
    }
}

/// The recurrence `value` over what came before it and the recurrence `p`.
fn over_both(cx: &Context, before: &Placed, p: &Placed, value: RecurrenceValue) -> Placed {
    Placed {
        start: before.start,
        end: p.end,
        entity: entity(cx, before.start, p.end, value),
    }
}

/// The hour and minute of an entity that is a time of day alone, no date,
/// and the zone written with it.
fn time_before(cx: &Context, before: &Placed) -> Option<((u32, u32), Option<Zone>)> {
    if before.entity.kind != EntityKind::DateTime {
        return None;
    }
    let (end, time, zone) = clock_time(cx, before.start)?;
    (end == before.end).then_some((time, zone))
}

/// The time of day at `k` as a schedule says it, the token after it and
/// the zone written with it: an hour without its period is the hour
/// written (`يوميا في 8:30` is 08:30), not the next such hour after the
/// reference as a time alone is.
fn clock_time(cx: &Context, k: usize) -> Option<(usize, (u32, u32), Option<Zone>)> {
    let midnight = Context {
        words: cx.words,
        reference: Reference {
            local: super::dates::midnight(cx.reference.date()),
            ..cx.reference
        },
        times_of_day: Memo::default(),
        gated: cx.gated,
        to_beat: Cell::new(k),
    };
    let (end, when) = clock::time_of_day(&midnight, k)?;
    matches!(when.grain, Grain::Hour | Grain::Minute)
        .then(|| (end, (when.start.hour(), when.start.minute()), when.zone))
}

impl RecurrenceValue {
    /// The RFC 5545 recurrence rule (the value of `RRULE`): `FREQ=DAILY`,
    /// `FREQ=WEEKLY;INTERVAL=3`, `FREQ=WEEKLY;BYDAY=FR,SA`,
    /// `FREQ=DAILY;BYHOUR=15;BYMINUTE=0`, `FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15`,
    /// `FREQ=MONTHLY;BYMONTHDAY=25`; decades and centuries are years
    /// (`FREQ=YEARLY;INTERVAL=10`). Empty when it falls more than once in
    /// each period (`twice a week`): no rule says that without the days.
    pub fn rrule(&self) -> String {
        let (frequency, scale) = match self.unit {
            TimeUnit::Second => ("SECONDLY", 1),
            TimeUnit::Minute => ("MINUTELY", 1),
            TimeUnit::Hour => ("HOURLY", 1),
            TimeUnit::Day => ("DAILY", 1),
            TimeUnit::Week => ("WEEKLY", 1),
            TimeUnit::Month => ("MONTHLY", 1),
            TimeUnit::Year => ("YEARLY", 1),
            TimeUnit::Decade => ("YEARLY", 10),
            TimeUnit::Century => ("YEARLY", 100),
        };
        let mut rule = format!("FREQ={frequency}");
        let interval = u64::from(self.interval) * scale;
        if interval > 1 {
            rule.push_str(&format!(";INTERVAL={interval}"));
        }
        if !self.weekdays.is_empty() {
            const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
            let days: Vec<&str> = self
                .weekdays
                .iter()
                .filter_map(|d| DAYS.get((*d as usize).wrapping_sub(1)).copied())
                .collect();
            rule.push_str(&format!(";BYDAY={}", days.join(",")));
        }
        if let Some(month) = self.month {
            rule.push_str(&format!(";BYMONTH={month}"));
        }
        if let Some(day) = self.month_day {
            rule.push_str(&format!(";BYMONTHDAY={day}"));
        }
        if let Some((hour, minute)) = self.time {
            rule.push_str(&format!(";BYHOUR={hour};BYMINUTE={minute}"));
        }
        if self.times.is_some_and(|n| n != 1) {
            return String::new();
        }
        rule
    }

    /// The time from one occurrence to the next, ISO 8601: `P1D`, `P3W`,
    /// `PT30M`, `P10Y` (a decade).
    pub fn period(&self) -> String {
        iso_duration(Dec::int(i128::from(self.interval)), self.unit).unwrap_or_default()
    }
}
