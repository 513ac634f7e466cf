//! Times of day: `الساعة 10:30 صباحا`, `5 مساءً`, `الثالثة فجرا`,
//! `الساعة 3 و 18 دقيقة`, `الثالثة وربع بعد الظهر`, `الساعة 12 إلا ربع`,
//! `10:30 pm`, `15:23:24`, with a zone written after them (`GMT`,
//! `بتوقيت مكة`) that applies to that time only.

use chrono::{NaiveDateTime, NaiveTime};

use super::dates::{hour_in_part_after, When};
use super::lexicon::{NumRole, Period, Sense};
use super::number_words::{amount, ordinal, ordinal_after_and};
use super::words::{digits, Words};
use super::{Anchor, Context, Grain, Zone};

/// A time of day at token `i` on the reference date, with the token after it.
// Asked from many files: inlinable across the release build's codegen
// units, wherever the compiler puts them.
#[inline]
pub(super) fn time_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    if !cx.may_start(i, super::starts::TIME_OF_DAY) {
        return None;
    }
    cx.times_of_day.get(i, || find_time_of_day(cx, i))
}

fn find_time_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    find_time_in_part(cx, i, None)
}

/// A part of the day said before a time (`في المساء الساعة 7`, `مساء
/// الساعة السابعة`, `بعد الظهر الساعة 7`, `ليلا 11:30`, `in the evening at
/// eight`): the time in that part of the reference day, with the token
/// after it. A bare hour after the part takes `at`, `عند` or `في` before
/// it (`في المساء 3 قتلى` counts people); a period the time says itself
/// wins over the part's.
pub(super) fn period_then_time(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (period, k) = period_before(w, i)?;
    let (k, connector) = after_part(w, k);
    if !w.next_on_line(k) {
        return None;
    }
    find_time_in_part(cx, k, Some((period, connector)))
}

/// The token after what may join a part of the day to its time at `k` (a
/// comma, then `في` or `at`: `صباح اليوم، في الساعة العاشرة`), and whether
/// `في` or `at` was read.
pub(super) fn after_part(w: &Words, mut k: usize) -> (usize, bool) {
    if w.next_on_line(k) && matches!(w.folded(k), "," | "،") {
        k += 1;
    }
    let word = w.next_on_line(k) && matches!(w.folded(k), "في" | "at");
    (k + usize::from(word), word)
}

/// A part of the day that may be said before a time at `i`: `في` and the
/// part with the article (`في المساء`), an Arabic part (`مساء`, `ليلا`,
/// `بعد الظهر`), or `in the` and an English one (`in the evening`); with
/// the token after it.
fn period_before(w: &Words, i: usize) -> Option<(Period, usize)> {
    match w.folded(i) {
        "في" if w.next_on_line(i + 1) && w.folded(i + 1).starts_with("ال") => {
            w.find_whole(i + 1, period_sense).map(|p| (p, i + 2))
        }
        "in" => part_of_day(w, i),
        f if !f.is_ascii() => match w.find_pair(i, period_sense) {
            Some(p) => Some((p, i + 2)),
            None => w.find(i, period_sense).map(|(p, _)| (p, i + 1)),
        },
        _ => None,
    }
}

/// [`find_time_of_day`] after a part of the day said before the time
/// (`before`: its period, and whether `في` joined them).
fn find_time_in_part(
    cx: &Context,
    i: usize,
    before: Option<(Period, bool)>,
) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    // `تمام` (on the dot: `في تمام الساعة العاشرة`) and `@` as `at`.
    if matches!(
        w.folded(k),
        "عند" | "حوالي" | "تمام" | "at" | "@" | "around"
    ) && w.next_on_line(k + 1)
    {
        k += 1;
        // `at about 3pm`, `at around 10`.
        if w.folded(i) == "at" && matches!(w.folded(k), "about" | "around") && w.next_on_line(k + 1)
        {
            k += 1;
        }
    }
    if let Some(found) = minutes_from_hour(cx, k) {
        return Some(found);
    }
    let clock_word = is_clock_word(w, k);
    if clock_word {
        if !w.next_on_line(k + 1) {
            return None;
        }
        k += 1;
    }
    if !clock_word {
        if let Some(h) = hour_word(w, k) {
            // An Arabic hour with its article (`الظهيرة`) only where a word
            // leads a time to it (`عند الظهيرة`, `قبل الظهيرة`, `وقت
            // الظهيرة`): `شمس الظهيرة` is the noon sun.
            let led = k > i || leads_a_time(w, k) || k > 0 && w.folded(k - 1) == "وقت";
            if w.folded(k).starts_with("ال") && !led {
                return None;
            }
            return named_hour(cx, k + 1, h);
        }
        // `منتصف الليل`.
        if let Some(h) = w.find_pair(k, hour_sense) {
            return named_hour(cx, k + 2, h);
        }
    }
    if let Some(found) = compact_time(cx, k) {
        return Some(found);
    }
    let wire = wire_time(w, k);
    let (mut end, hour, mut minute, second, colon) = match wire {
        Some((end, hour, minute)) => (end, hour, minute, None, false),
        None => hour_at(w, k)?,
    };
    let mut grain = if second.is_some() {
        Grain::Second
    } else if colon || wire.is_some() {
        Grain::Minute
    } else {
        Grain::Hour
    };
    let mut spelled = false;
    let mut part_of_hour = false;
    if !colon && wire.is_none() {
        let arabic = minutes_after(w, end);
        if let Some((after, m)) = arabic.or_else(|| spelled_minutes(w, k, end)) {
            spelled = arabic.is_none();
            // Minutes by their word only after a word that leads a time
            // (`في الثامنة وعشرين دقيقة`; `الحلقة الثالثة و10 دقائق` is an
            // episode and an amount).
            let minutes_said = is_minutes_word(w, after - 1) && (k > i || leads_a_time(w, k));
            part_of_hour = arabic.is_some() && (is_part_of_hour(w, after - 1) || minutes_said);
            end = after;
            minute = m;
            grain = Grain::Minute;
        }
    }
    // `3 o'clock`: the hour with nothing after it.
    let oclock = !colon
        && wire.is_none()
        && w.next_on_line(end)
        && matches!(w.folded(end), "o'clock" | "oclock" | "o’clock");
    if oclock {
        end += 1;
    }
    let period = period_at(w, end)
        .or_else(|| {
            // `الساعة 8 في المساء`: `في` before the part; not after bare
            // digits (`أصيب 3 في الصباح` counts people).
            let digits_alone = w.is_number(k) && !clock_word && !colon;
            (!digits_alone).then(|| period_after_fi(w, end)).flatten()
        })
        .map(|(p, after)| {
            end = after;
            p
        });
    // Without `الساعة`, a bare number is a time only with a period, a
    // colon or `o'clock`.
    // Spelled minutes after `at` say "a time" as a period would (`at
    // three twenty`).
    // So does a time zone after `at` and the hour (`at 8 GMT`). The `at`
    // may be read by the caller (`Thursday at 8 GMT`).
    let at_before = k > 0 && w.next_on_line(k) && w.folded(k - 1) == "at";
    // The part said before, where the time says none: a bare hour after
    // it takes a word before it (`in the evening at eight`, `في المساء
    // عند الثامنة`).
    let part_before = before
        .filter(|(_, connector)| period.is_none() && (*connector || k > i))
        .map(|(p, _)| p);
    let says_time = clock_word
        || colon
        || oclock
        || period.is_some()
        || part_before.is_some()
        || spelled && at_before
        || clock_ordinal(cx, k, end, (hour, minute), part_of_hour);
    // A wire service's time (`30ر8`) is also read before its zone alone (`في
    // 30ر8 بتوقيت مكة`), as a bare hour after `at`.
    let zone = (says_time || at_before || wire.is_some())
        .then(|| zone_after(w, end))
        .flatten();
    if !says_time && zone.is_none() {
        return None;
    }
    let period = period.or(before.map(|(p, _)| p));
    // `04:00`: an hour written with its leading zero is on the 24-hour
    // clock, as wire copy and timetables write it (`04:00 بتوقيت غرينتش`).
    let period = period.or((colon && zero_led_hour(w, k)).then_some(Period::Am));
    let start = clock_time(cx, hour, minute, second.unwrap_or(0), period)?;
    let mut when = When::new(start, grain, Anchor::Reference);
    if let Some((after, zone)) = zone {
        end = after;
        when.zone = zone;
    }
    Some((end, when))
}

/// Whether the time in digits at `k` writes its hour in two digits, the
/// first a zero (`04:00`, `٠٩:٣٠`).
fn zero_led_hour(w: &Words, k: usize) -> bool {
    let hour = w.raw(k).split(':').next().unwrap_or_default();
    hour.chars().count() == 2 && hour.starts_with(['0', '\u{0660}', '\u{06F0}'])
}

/// Whether the hour at `k`, ending at `end`, is counted in the feminine
/// (`الثامنة`, `الواحدة`) where that says the clock's: with a part of the
/// hour after it (`الثامنة والنصف`, `الحادية عشرة إلا ربعا`), or before
/// `من` and a part of a day with its day that holds it (`في السابعة من
/// صباح اليوم`; the caller reads the part and its day). No ordinal is
/// said so.
fn clock_ordinal(
    cx: &Context,
    k: usize,
    end: usize,
    (hour, minute): (u32, i32),
    part_of_hour: bool,
) -> bool {
    let w = cx.words;
    let feminine_hour = || ordinal(w, k).is_some() || w.folded(k) == "الواحده";
    let in_part_after = || {
        on_clock_face(hour, minute)
            .and_then(|(h, m)| hour_in_part_after(cx, end, h, m))
            .is_some()
    };
    (part_of_hour || w.folded(end) == "من") && feminine_hour() && (part_of_hour || in_part_after())
}

/// `hour`:`minute` (minutes counted to the hour when negative) and
/// `second`, in `period` or the next such hour after the reference, on the
/// reference day.
fn clock_time(
    cx: &Context,
    hour: u32,
    minute: i32,
    second: u32,
    period: Option<Period>,
) -> Option<NaiveDateTime> {
    let (hour, minute) = on_clock_face(hour, minute)?;
    let hour = resolve_hour(cx, hour, minute, period)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(cx.reference.date().and_time(time))
}

/// The hour and minutes of minutes counted to an hour (negative): on a
/// clock face the hour before one is twelve, so `الواحدة إلا ربعا` is
/// 12:45 (00:45 with its period).
fn on_clock_face(hour: u32, minute: i32) -> Option<(u32, u32)> {
    if minute >= 0 {
        return Some((hour, minute as u32));
    }
    let before = if hour == 1 { 12 } else { hour.checked_sub(1)? };
    Some((before, (60 + minute) as u32))
}

/// Whether the word at `k` (its conjunction glued or not) is a part of an
/// hour that no noun follows (`والنصف`, `إلا ربعا`, `وربع.`): `ونصف
/// الكمية` is half of something else.
fn is_part_of_hour(w: &Words, k: usize) -> bool {
    let f = w.folded(k);
    let f = f.strip_prefix('و').unwrap_or(f);
    let (f, definite) = match f.strip_prefix("ال") {
        Some(rest) => (rest, true),
        None => (f, false),
    };
    HOUR_PARTS.iter().any(|(word, _)| *word == f) && (definite || !w.noun_follows(k + 1))
}

/// Whether the word at `k` counts minutes (`دقيقة`, `دقائق`): after an
/// ordinal hour and `و` it says the clock's (`الثامنة وعشرين دقيقة`).
fn is_minutes_word(w: &Words, k: usize) -> bool {
    w.find_whole(k, super::durations::unit_sense)
        .is_some_and(|(unit, _)| unit == super::lexicon::TimeUnit::Minute)
}

/// Whether the word before `k` is a preposition a time follows (`في`,
/// `حتى`, `منذ`, `قبل`, `بعد`, with `و` or `ف` glued or not).
fn leads_a_time(w: &Words, k: usize) -> bool {
    if !w.next_on_line(k) {
        return false;
    }
    let f = w.folded(k - 1);
    let f = f
        .strip_prefix(['و', 'ف'])
        .filter(|rest| rest.chars().count() > 1)
        .unwrap_or(f);
    matches!(f, "في" | "حتي" | "منذ" | "قبل" | "بعد")
}

/// The parts of an hour written as words after it, with their minutes.
const HOUR_PARTS: [(&str, i32); 7] = [
    ("ربع", 15),
    ("ربعا", 15),
    ("نصف", 30),
    ("نص", 30),
    ("ثلث", 20),
    ("ثلثا", 20),
    ("تلت", 20),
];

/// A time of day whose hour carries the conjunction `و`, counted in the
/// feminine, with its part of the day or zone after it: the second end of
/// `بين الخامسة والسادسة مساء` (and `بين الساعة الثامنة والتاسعة صباحا`).
/// The token after it and the time on the reference day.
pub(super) fn time_after_and(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (mut end, hour) = ordinal_after_and(w, i)?;
    if !(1..=12).contains(&hour) || !w.raw(end - 1).ends_with('ة') {
        return None;
    }
    let (mut minute, mut grain) = (0, Grain::Hour);
    if let Some((after, m)) = minutes_after(w, end) {
        (end, minute, grain) = (after, m, Grain::Minute);
    }
    let (period, end) = period_at(w, end)?;
    let start = clock_time(cx, hour, minute, 0, Some(period))?;
    Some(with_zone(w, start, grain, end))
}

/// A named hour (`noon`, `midnight`): its next occurrence from the
/// reference, at the grain of an hour (Duckling's reading of `midnight` is
/// the 00:00 that starts the next day).
fn named_hour(cx: &Context, mut end: usize, hour: u32) -> Option<(usize, When)> {
    let time = NaiveTime::from_hms_opt(hour, 0, 0)?;
    let mut day = cx.reference.date();
    if time < cx.reference.local.time() {
        day = day.succ_opt()?;
    }
    let mut when = When::new(day.and_time(time), Grain::Hour, Anchor::Reference);
    if let Some((after, zone)) = zone_after(cx.words, end) {
        end = after;
        when.zone = zone;
    }
    Some((end, when))
}

fn hour_sense(s: &Sense) -> Option<u32> {
    match s {
        Sense::Hour(h) => Some(*h),
        _ => None,
    }
}

/// The hour a word names at `k` (`noon`, `midnight`).
fn hour_word(w: &Words, k: usize) -> Option<u32> {
    w.find_whole(k, hour_sense)
}

fn period_sense(s: &Sense) -> Option<Period> {
    match s {
        Sense::Period(p) => Some(*p),
        _ => None,
    }
}

/// `330 p.m.`, `1030 am`: hours and minutes in three or four digits, read
/// only before a period (else `1030` is a number).
fn compact_time(cx: &Context, k: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if !w.is_number(k) || !(3..=4).contains(&w.raw(k).len()) {
        return None;
    }
    let (value, 3..=4) = digits(w.raw(k))? else {
        return None;
    };
    let (hour, minute) = (value / 100, value % 100);
    if !(1..=12).contains(&hour) || minute >= 60 {
        return None;
    }
    let (period, end) = period_at(w, k + 1)?;
    let start = clock_time(cx, hour, minute as i32, 0, Some(period))?;
    Some(minute_with_zone(w, start, end))
}

/// English minutes spelled after a spelled hour (`ten thirty`, `nine fifty
/// nine`, `four twenty-three`): 10 to 59, with the token after them.
fn spelled_minutes(w: &Words, hour_at: usize, i: usize) -> Option<(usize, i32)> {
    let english_word = |k: usize| w.is_word(k) && w.folded(k).is_ascii();
    if !english_word(hour_at) || !english_word(i) || !w.next_on_line(i) {
        return None;
    }
    let found = amount(w, i).filter(|a| !a.approximate)?;
    let minutes = found.value.to_i64().filter(|m| (10..60).contains(m))?;
    Some((found.end, minutes as i32))
}

/// A part of the day written at `i` (`pm`, `مساء`, `بعد الظهر`, `p m`, a
/// letter glued to the time: `3:15p`, `9a`), with the token after it.
fn period_at(w: &Words, i: usize) -> Option<(Period, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    let letter = match w.folded(i) {
        "a" => Some(Period::Am),
        "p" => Some(Period::Pm),
        _ => None,
    };
    if let Some(p) = letter {
        if w.next_on_line(i + 1) && w.folded(i + 1) == "m" {
            return Some((p, i + 2));
        }
        return w.glued(i - 1).then_some((p, i + 1));
    }
    // `الساعة الثانية بعد منتصف الليل` (two after midnight): the small hours.
    if w.folded(i) == "بعد"
        && w.next_on_line(i + 1)
        && w.next_on_line(i + 2)
        && w.folded(i + 1) == "منتصف"
        && w.folded(i + 2) == "الليل"
    {
        return Some((Period::Am, i + 3));
    }
    if let Some(p) = w.find_pair(i, period_sense) {
        return Some((p, i + 2));
    }
    let (p, _) = match w.find(i, period_sense) {
        Some(found) => found,
        None => return part_of_day(w, i),
    };
    // `p.m.`: its last dot may be a token of its own.
    let dot = matches!(w.folded(i), "a.m" | "p.m") && w.glued(i) && w.raw(i + 1) == ".";
    Some((p, if dot { i + 2 } else { i + 1 }))
}

/// Whether word `k` is the word for the clock's hour (`الساعة`; the list
/// of `data/time_words.tsv`).
pub(super) fn is_clock_word(w: &Words, k: usize) -> bool {
    w.find_whole(k, |s| matches!(s, Sense::Clock).then_some(()))
        .is_some()
}

/// The hour `hour` (1 to 12) of the reference day in the part of the day
/// said after it at `i`, with `في` and the article or any way a time takes
/// it (`في المساء`, `مساء`, `in the evening`, `pm`), and the token after
/// it. For the second end of a range of hours, where after bare digits
/// `6 في المساء` is a time (alone it may count people).
pub(super) fn hour_in_part_said_at(
    cx: &Context,
    i: usize,
    hour: u32,
) -> Option<(NaiveDateTime, usize)> {
    let (period, end) = period_at(cx.words, i).or_else(|| period_after_fi(cx.words, i))?;
    Some((clock_time(cx, hour, 0, 0, Some(period))?, end))
}

/// `في` and a part of the day with the article after a time (`الساعة 8
/// في المساء`, `السابعة في الصباح`, `في الليل`), with the token after it.
fn period_after_fi(w: &Words, i: usize) -> Option<(Period, usize)> {
    let said = w.next_on_line(i) && w.folded(i) == "في" && w.next_on_line(i + 1);
    if !said || !w.folded(i + 1).starts_with("ال") {
        return None;
    }
    w.find_whole(i + 1, period_sense).map(|p| (p, i + 2))
}

/// `in the morning` (am), `in the afternoon`, `in the evening` (pm), `in
/// the AM`, `at night` after a time (`3 o'clock in the afternoon`, `at 8 in the
/// evening`, `11 at night`), with the token after it.
fn part_of_day(w: &Words, i: usize) -> Option<(Period, usize)> {
    let (at, night) = match w.folded(i) {
        "in" if w.folded(i + 1) == "the" && w.next_on_line(i + 1) => (i + 2, false),
        "at" => (i + 1, true),
        _ => return None,
    };
    if !w.next_on_line(at) {
        return None;
    }
    // `3 in the AM`, `11 in the pm`.
    if !night && matches!(w.folded(at), "am" | "pm") {
        return w.find(at, period_sense).map(|(p, _)| (p, at + 1));
    }
    let from = w.find_whole(at, |s| match s {
        Sense::DayPart(from, _) => Some(*from),
        _ => None,
    })?;
    let period = match (night, w.folded(at)) {
        (true, "night") => Period::Night,
        (true, _) => return None,
        _ if from < 12 => Period::Am,
        _ => Period::Pm,
    };
    Some((period, at + 1))
}

/// Minutes counted from or to an hour, in English: `half past seven pm`,
/// `a quarter past 6`, `quarter to five`, `20 past 6`, `ten minutes to 8`,
/// `five minutes after 9 am`, at the grain of a minute. The hour is 1 to 12
/// (with its period when written, else the next one after the reference,
/// as for a bare hour). A count without `minutes` is read before `past`;
/// before `after`, and before `to` when it can be no hour (13 to 59: `3
/// to 5 pm` is a range of hours), only when the hour has its period or is
/// `noon` or `midnight` (`won 20 to 3` is a score); `half` only before
/// `past`/`after` (`half to` is not said).
///
/// ```text
/// half past seven pm -> 19:30    a quarter to 6 -> 05:45 or 17:45
/// twenty after 3pm -> 15:20      15 to noon -> 11:45
/// ```
fn minutes_from_hour(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if !w.folded(i).is_ascii() || !(w.is_word(i) || w.is_number(i)) {
        return None;
    }
    let mut k = i;
    if w.folded(k) == "a" && w.next_on_line(k + 1) {
        k += 1;
    }
    let (minutes, named, mut after) = match w.folded(k) {
        "half" => (30, true, k + 1),
        "quarter" => (15, true, k + 1),
        _ if k == i => {
            let found = amount(w, k).filter(|a| !a.approximate)?;
            (found.value.to_i64()?, false, found.end)
        }
        _ => return None,
    };
    if !(1..60).contains(&minutes) || !w.next_on_line(after) {
        return None;
    }
    let counted = !named && matches!(w.folded(after), "minutes" | "minute" | "mins" | "min");
    if counted {
        after += 1;
        if !w.next_on_line(after) {
            return None;
        }
    }
    // A bare count before `after`, or one that can be no hour (13 to 59)
    // before `to`, counts minutes only when the hour says it is a time of
    // day (`twenty after 3pm`, `15 to noon`; `won 20 to 3` is a score).
    let bare = !named && !counted;
    let (sign, needs_period) = match w.folded(after) {
        "past" => (1, false),
        "after" => (1, bare),
        "to" | "before" | "till" | "til" if (named && minutes == 15) || counted => (-1, false),
        "to" | "before" | "till" | "til" if bare && minutes > 12 => (-1, true),
        _ => return None,
    };
    if !w.next_on_line(after + 1) {
        return None;
    }
    if let Some(hour) = hour_word(w, after + 1) {
        // `a quarter to noon`, `ten minutes past midnight`: the next such
        // time from the reference.
        let on_the_hour = cx.reference.date().and_hms_opt(hour, 0, 0)?;
        let mut start = on_the_hour + chrono::Duration::minutes(sign * minutes);
        if start < cx.reference.local {
            start += chrono::Duration::days(1);
        }
        return Some(minute_with_zone(w, start, after + 2));
    }
    let (mut end, hour, 0, None, false) = hour_at(w, after + 1)? else {
        return None;
    };
    if !(1..=12).contains(&hour) {
        return None;
    }
    let period = period_at(w, end).map(|(p, next)| {
        end = next;
        p
    });
    if needs_period && period.is_none() {
        return None;
    }
    let hour = resolve_hour(cx, hour, 0, period)?;
    let on_the_hour = cx
        .reference
        .date()
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0)?);
    let start = on_the_hour + chrono::Duration::minutes(sign * minutes);
    Some(minute_with_zone(w, start, end))
}

/// The minute `start`, with the zone written at `end` if one is: the token
/// after them and the time.
fn minute_with_zone(w: &Words, start: NaiveDateTime, end: usize) -> (usize, When) {
    with_zone(w, start, Grain::Minute, end)
}

/// The time `start` at `grain`, with the zone written at `end` if one is:
/// the token after them and the time.
fn with_zone(w: &Words, start: NaiveDateTime, grain: Grain, mut end: usize) -> (usize, When) {
    let mut when = When::new(start, grain, Anchor::Reference);
    if let Some((next, zone)) = zone_after(w, end) {
        end = next;
        when.zone = zone;
    }
    (end, when)
}

/// A bare hour of 1 to 12 said after a day and `at` or `في` (at `k`, the
/// token after that word): `tomorrow at 10`, `on Friday at 4`, `غدا في
/// الرابعة`. Digits or an English number after `at`; after `في`, the
/// Arabic hour counted in the feminine (`في ثلاثة`, `في 4` count
/// something). Only with no word after it on its line but `and`, `or` or
/// `but`: `Friday at 10 Downing Street`, `أمس في الرابعة من عمره` are no
/// times. The token after it and the hour on the reference day, read as
/// an hour alone is ([`resolve_hour`]).
pub(super) fn hour_after_day(cx: &Context, k: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if k == 0 || !w.next_on_line(k) {
        return None;
    }
    let arabic_hour = || ordinal(w, k).is_some() || w.folded(k) == "الواحده";
    let fits_lead = match w.folded(k - 1) {
        "at" => w.is_number(k) || w.folded(k).is_ascii(),
        "في" => !w.is_number(k) && arabic_hour(),
        _ => false,
    };
    if !fits_lead {
        return None;
    }
    let (end, hour, _, _, colon) = hour_at(w, k)?;
    let word_after =
        w.next_on_line(end) && w.is_word(end) && !matches!(w.folded(end), "and" | "or" | "but");
    if colon || !(1..=12).contains(&hour) || word_after {
        return None;
    }
    Some((end, hour_alone(cx, hour, 0)?))
}

/// An hour alone (1 to 12, no period) on the reference day, read as
/// [`resolve_hour`] reads it.
pub(super) fn hour_alone(cx: &Context, hour: u32, minute: u32) -> Option<When> {
    let grain = if minute > 0 {
        Grain::Minute
    } else {
        Grain::Hour
    };
    let start = clock_time(cx, hour, minute as i32, 0, None)?;
    Some(When::new(start, grain, Anchor::Reference))
}

/// An hour of a 12-hour clock with no period (`5`, `five`, `7:30`), as said
/// with a part of the day: the token after it, the hour and the minutes.
pub(super) fn bare_hour(w: &Words, k: usize) -> Option<(usize, u32, u32)> {
    match hour_at(w, k)? {
        (end, hour @ 1..=12, minute, None, _) if minute >= 0 => Some((end, hour, minute as u32)),
        _ => None,
    }
}

/// [`bare_hour`] with what may follow it beside a part of the day
/// (`tonight at 9:30 pm`, `tomorrow morning at 9 o'clock`, `10pm
/// tonight`): `o'clock`, then `am` or `pm`. The token after them, the
/// hour (on a 24-hour clock when `am` or `pm` said it, else 1 to 12), the
/// minutes, and whether `am` or `pm` said it.
pub(super) fn hour_beside_part(w: &Words, k: usize) -> Option<(usize, u32, u32, bool)> {
    let (mut end, hour, minute) = bare_hour(w, k)?;
    if w.next_on_line(end) && matches!(w.folded(end), "o'clock" | "oclock" | "o’clock") {
        end += 1;
    }
    let twelve = hour % 12;
    match period_at(w, end) {
        Some((Period::Am, after)) => Some((after, twelve, minute, true)),
        Some((Period::Pm, after)) => Some((after, twelve + 12, minute, true)),
        _ => Some((end, hour, minute, false)),
    }
}

/// A time as Arabic wire services write it, the minutes first and `ر`
/// before the hour (`30ر8` is 8:30, `00ر10` 10:00), as they write a decimal
/// (`4ر12` is 12.4, three tokens glued): two digits of minutes, one or two
/// of the hour. Read as a time only with `الساعة`, a part of the day or a
/// zone (`في 30ر8 بتوقيت مكة المكرمة`); alone it is the decimal. The token
/// after it, the hour and the minutes.
fn wire_time(w: &Words, k: usize) -> Option<(usize, u32, i32)> {
    let glued = w.glued(k) && w.glued(k + 1) && w.raw(k + 1) == "ر";
    if !glued || !w.is_number(k) || !w.is_number(k + 2) {
        return None;
    }
    let (Some((m, 2)), Some((h, 1..=2))) = (digits(w.raw(k)), digits(w.raw(k + 2))) else {
        return None;
    };
    (m < 60 && h <= 24).then_some((k + 3, h, m as i32))
}

/// The hour at `k`: `10:30`, `15:23:24`, `3`, `ثلاثة`, `الثالثة` (not
/// `الثالث`); with
/// the token after it, minutes, seconds and whether a colon gave them.
pub(super) fn hour_at(w: &Words, k: usize) -> Option<(usize, u32, i32, Option<u32>, bool)> {
    if w.is_number(k) {
        let raw = w.raw(k);
        if raw.contains(':') {
            let parts: Vec<(u32, usize)> = raw.split(':').map(digits).collect::<Option<_>>()?;
            return match parts.as_slice() {
                [(h, 1..=2), (m, 2)] if *h <= 24 && *m < 60 => {
                    Some((k + 1, *h, *m as i32, None, true))
                }
                [(h, 1..=2), (m, 2), (s, 2)] if *h <= 24 && *m < 60 && *s < 60 => {
                    Some((k + 1, *h, *m as i32, Some(*s), true))
                }
                _ => None,
            };
        }
        let (h, len) = digits(raw)?;
        return (len <= 2 && h <= 24).then_some((k + 1, h, 0, None, false));
    }
    // Arabic counts the hours (`الساعة`) in the feminine: `الثانية مساء`;
    // `عبدالله الثاني مساء أمس` is a name before the evening.
    let feminine = w.folded(k).is_ascii() || w.raw(k).ends_with('ة');
    if let Some((end, h)) = ordinal(w, k).filter(|(_, h)| (1..=12).contains(h) && feminine) {
        return Some((end, h, 0, None, false));
    }
    // One o'clock is the cardinal: `الساعة الواحدة`, `الواحدة ظهرا`.
    if w.folded(k) == "الواحده" {
        return Some((k + 1, 1, 0, None, false));
    }
    let found = amount(w, k)?;
    let h = found.value.to_i64().filter(|h| (0..=24).contains(h))? as u32;
    Some((found.end, h, 0, None, false))
}

/// Minutes after an hour: `و 18 دقيقة`, `وثمانية عشرة دقيقة`, `وربع`,
/// `والنصف`, `إلا ربع` (negative), `إلا ثلث`.
fn minutes_after(w: &Words, i: usize) -> Option<(usize, i32)> {
    if !w.next_on_line(i) {
        return None;
    }
    let f = w.folded(i);
    let (sign, at) = match f {
        "و" => (1, i + 1),
        "الا" => (-1, i + 1),
        _ if f.starts_with('و') => (1, i),
        _ => return None,
    };
    if at > i && !w.next_on_line(at) {
        return None;
    }
    let word = if at == i {
        &f['و'.len_utf8()..]
    } else {
        w.folded(at)
    };
    let word = word.strip_prefix("ال").unwrap_or(word);
    let part = HOUR_PARTS.iter().find(|(part, _)| *part == word);
    if let Some((_, m)) = part {
        return Some((at + 1, sign * m));
    }
    if sign < 0 {
        return None;
    }
    // A number of minutes, its conjunction separate or glued.
    let found = if at == i {
        glued_minutes(w, i)?
    } else {
        let a = amount(w, at)?;
        (a.end, a.value.to_i64()?)
    };
    let (mut end, minutes) = found;
    if !(0..60).contains(&minutes) {
        return None;
    }
    if w.next_on_line(end) && matches!(w.folded(end), "دقيقه" | "دقائق" | "دقيقتين" | "minutes")
    {
        end += 1;
    } else if minutes < 10 || minutes % 5 != 0 {
        // Minutes without their word are the clock's quarters and fives
        // (`الساعة 10 و30`); `بين 5 و6 مساء` is two hours, not 5:06.
        return None;
    }
    Some((end, minutes as i32))
}

/// `وثمانية عشرة`: a number whose first word carries the conjunction.
fn glued_minutes(w: &Words, i: usize) -> Option<(usize, i64)> {
    let (value, _) = w.find(i, |s| match s {
        Sense::Num(v, NumRole::Unit | NumRole::Ten | NumRole::Number | NumRole::Teen) => Some(*v),
        _ => None,
    })?;
    let mut total = value.to_i64()?;
    let mut end = i + 1;
    if w.next_on_line(end) {
        if let Some((v, NumRole::Teen | NumRole::Ten)) = w.find_whole(end, |s| match s {
            Sense::Num(v, r) => Some((*v, *r)),
            _ => None,
        }) {
            total += v.to_i64()?;
            end += 1;
        } else if w.folded(end) == "و" && w.next_on_line(end + 1) {
            if let Some((v, NumRole::Ten)) = w.find_whole(end + 1, |s| match s {
                Sense::Num(v, r) => Some((*v, *r)),
                _ => None,
            }) {
                total += v.to_i64()?;
                end += 2;
            }
        } else if let Some((v, _)) = w.find(end, |s| match s {
            Sense::Num(v, NumRole::Ten) => Some(*v),
            _ => None,
        }) {
            if w.folded(end).starts_with('و') {
                total += v.to_i64()?;
                end += 1;
            }
        }
    }
    Some((end, total))
}

/// The hour on a 24-hour clock. With no period, an hour up to 12 is the
/// next one after the reference time on the reference day (Duckling's
/// reading of `الساعة 3` at 04:30 is 15:00).
fn resolve_hour(cx: &Context, hour: u32, minute: u32, period: Option<Period>) -> Option<u32> {
    let h = match period {
        Some(Period::Am) if hour == 12 => 0,
        Some(Period::Am) => hour,
        Some(Period::Pm) if hour < 12 => hour + 12,
        Some(Period::Noon) if (1..=5).contains(&hour) => hour + 12,
        Some(Period::Night) if (6..12).contains(&hour) => hour + 12,
        Some(Period::Night) if hour == 12 => 0,
        Some(_) => hour,
        None if (1..12).contains(&hour) => {
            let now = cx.reference.local.time();
            let at = NaiveTime::from_hms_opt(hour, minute, 0)?;
            if at < now {
                hour + 12
            } else {
                hour
            }
        }
        None => hour,
    };
    (h < 24).then_some(h)
}

/// A zone after a time: `GMT`, `ET` or `Eastern Time` (New York's time,
/// daylight saving included), `بتوقيت مكة`, `بتوقيت القاهرة` (a city only after the zone
/// word), `UTC+3`; and local time said (`بالتوقيت المحلي`, `local time`),
/// which is the document's zone: `None` as the zone, the words in the span.
fn zone_after(w: &Words, i: usize) -> Option<(usize, Option<Zone>)> {
    if !w.next_on_line(i) {
        return None;
    }
    if let Some(end) = local_time_said(w, i) {
        return Some((end, None));
    }
    let mut k = i;
    let zone_word = w
        .find(k, |s| matches!(s, Sense::ZoneWord).then_some(()))
        .is_some();
    if zone_word {
        if !w.next_on_line(k + 1) {
            return None;
        }
        k += 1;
    }
    let pick = |s: &Sense| match s {
        Sense::Zone(zone) => Some(*zone),
        Sense::ZoneCity(zone) if zone_word => Some(*zone),
        _ => None,
    };
    // `Eastern Time`, `Pacific time`.
    if let Some(zone) = w.find_pair(k, pick) {
        return Some((k + 2, Some(zone)));
    }
    let (zone, _) = w.find(k, pick)?;
    let mut end = k + 1;
    // UTC+3, GMT+03:00
    if let (true, true, Zone::Fixed(offset)) = (w.glued(k), w.is_number(end), zone) {
        if let Some(extra) = super::lexicon::parse_offset(w.raw(end)) {
            return Some((end + 1, Some(Zone::Fixed(offset + extra))));
        }
    }
    // مكة المكرمة
    if w.next_on_line(end) && w.folded(end) == "المكرمه" {
        end += 1;
    }
    Some((end, Some(zone)))
}

/// `بالتوقيت المحلي`, `حسب التوقيت المحلي` (also after `بحسب`, `وفق`),
/// `وفقا للتوقيت المحلي`, `local time` at `i`, on the line of what is
/// before: the token after.
fn local_time_said(w: &Words, i: usize) -> Option<usize> {
    let word = |k: usize, form: &str| w.next_on_line(k) && w.folded(k) == form;
    if word(i, "local") && word(i + 1, "time") {
        return Some(i + 2);
    }
    // "Time" as the word before it takes it: `ب` glued, or after a
    // preposition of its own.
    let (k, time) = match w.folded(i) {
        "حسب" | "بحسب" | "وفق" => (i + 1, "التوقيت"),
        "وفقا" => (i + 1, "للتوقيت"),
        _ => (i, "بالتوقيت"),
    };
    (word(k, time) && word(k + 1, "المحلي")).then_some(k + 2)
}
