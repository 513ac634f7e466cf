//! Calendar dates and times: written with digits (`2024-07-23`,
//! `٢٣/٧/٢٠٢٤`) or with month names in Arabic (every regional system) and
//! English, with or without a day, a year or a weekday; bare years after a
//! year word (`عام 2022`); relative dates (`relative.rs`), times of day
//! (`clock.rs`) and Hijri dates (`hijri.rs`); and a date followed by a time
//! (`الخميس الساعة 8 بتوقيت gmt`).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::bounds::bound_before;
use super::lexicon::{strip_proclitic, NumRole, Sense, TimeUnit};
use super::words::{digits, Words};
use super::{
    clock, coordinated, hijri, holidays, intervals, nth, relative, seasons, starts, weekends,
};
use super::{
    Anchor, Bound, Calendar, Context, Entity, EntityKind, Found, Grain, TimeBound, TimeValue,
    Value, Warning, Zone,
};

/// A resolved time before it gets its span: the start in local time, the
/// exclusive end of an interval, and the zone offset written in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct When {
    pub start: NaiveDateTime,
    pub grain: Grain,
    pub end: Option<NaiveDateTime>,
    /// The zone the text named, if it named one.
    pub zone: Option<Zone>,
    pub anchor: Anchor,
    pub calendar: Calendar,
    /// The end of an open interval the time is, when its own words say so
    /// (`منذ أكثر من عامين`: before two years ago).
    pub bound: Option<TimeBound>,
}

impl When {
    pub(super) fn new(start: NaiveDateTime, grain: Grain, anchor: Anchor) -> When {
        When {
            start,
            grain,
            end: None,
            zone: None,
            anchor,
            calendar: Calendar::Gregorian,
            bound: None,
        }
    }

    pub(super) fn day(date: NaiveDate, anchor: Anchor) -> When {
        When::new(midnight(date), Grain::Day, anchor)
    }

    /// The entity over tokens `start..end` of the context.
    pub(super) fn found(self, cx: &Context, start: usize, end: usize, confidence: f32) -> Found {
        let zone = self.zone.unwrap_or(cx.reference.zone);
        let offset_at = |t: NaiveDateTime| zone.offset_at(t);
        let value = TimeValue {
            iso: iso(self.start, self.grain, offset_at(self.start)),
            grain: self.grain,
            end: self.end.map(|e| iso(e, self.grain, offset_at(e))),
            anchor: self.anchor,
            calendar: self.calendar,
            bound: self.bound,
        };
        Found::entity(
            end,
            Entity {
                kind: EntityKind::DateTime,
                span: cx.span(start, end),
                value: Value::DateTime(value),
                confidence,
            },
        )
    }
}

pub(super) fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// ISO 8601 of `t` as precise as `grain`; times carry their UTC offset.
pub(super) fn iso(t: NaiveDateTime, grain: Grain, offset: i32) -> String {
    match grain {
        Grain::Year | Grain::Quarter | Grain::Month if plain_year(t) => {
            let mut out = String::with_capacity(7);
            push_digits(&mut out, t.year().unsigned_abs(), 4);
            if grain != Grain::Year {
                out.push('-');
                push_digits(&mut out, t.month(), 2);
            }
            out
        }
        // Years before 1 or after 9999 as chrono writes them, sign first
        // (`-0499`, `+10000`), as days are.
        Grain::Year => t.format("%Y").to_string(),
        Grain::Quarter | Grain::Month => t.format("%Y-%m").to_string(),
        Grain::Week | Grain::Day if plain_year(t) => {
            let mut out = String::with_capacity(10);
            push_date(&mut out, t);
            out
        }
        Grain::Week | Grain::Day => t.format("%Y-%m-%d").to_string(),
        Grain::Hour | Grain::Minute | Grain::Second => {
            let sign = if offset < 0 { '-' } else { '+' };
            let abs = offset.unsigned_abs();
            let (hours, minutes) = (abs / 3600, abs % 3600 / 60);
            if plain_year(t) && t.nanosecond() < 1_000_000_000 {
                let mut out = String::with_capacity(25);
                push_date(&mut out, t);
                out.push('T');
                for (n, sep) in [(t.hour(), ':'), (t.minute(), ':'), (t.second(), sign)] {
                    push_digits(&mut out, n, 2);
                    out.push(sep);
                }
                push_digits(&mut out, hours, 2);
                out.push(':');
                push_digits(&mut out, minutes, 2);
                out
            } else {
                format!(
                    "{}{sign}{hours:02}:{minutes:02}",
                    t.format("%Y-%m-%dT%H:%M:%S")
                )
            }
        }
    }
}

/// `YYYY-MM-DD` of `t`, for a [`plain_year`].
fn push_date(out: &mut String, t: NaiveDateTime) {
    push_digits(out, t.year().unsigned_abs(), 4);
    out.push('-');
    push_digits(out, t.month(), 2);
    out.push('-');
    push_digits(out, t.day(), 2);
}

/// The last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Years chrono's `%Y` writes as four plain digits (no sign), and no leap
/// second: for these, the ISO form is written without parsing a format
/// string (which cost more than the rest of the entity).
fn plain_year(t: NaiveDateTime) -> bool {
    (0..=9999).contains(&t.year())
}

/// A date, a time, or both, at token `i`: the longest of a written date,
/// a relative or Hijri date (each possibly followed by a time), and a time,
/// possibly after a word that makes it approximate, bounds it, or takes its
/// eve (`eve.rs`).
pub(super) fn date_or_time(cx: &Context, i: usize) -> Option<Found> {
    let here = date_or_time_here(cx, i);
    let longer = |found: Option<Found>, here: Option<Found>| match found {
        Some(found) if here.as_ref().is_none_or(|h| found.end > h.end) => Some(found),
        _ => here,
    };
    // A word that makes it approximate, one that takes its eve and an
    // amount of time before or after a date never start at the same token:
    // one candidate for all.
    let word_before = approximately(cx, i)
        .or_else(|| super::eve::eve_of(cx, i))
        .or_else(|| super::anchored::offset_from_date(cx, i));
    let here = longer(word_before, here);
    longer(bounded(cx, i), here)
}

/// A date or time after a word that makes it one end of an open interval
/// (`before 11 am`, `since 2pm`, `until 2:00pm`, `قبل عام 2011`, `منذ عام
/// 2011`, `حتى نهاية`...): the same value with its bound, spanning the word.
/// An amount of time after the word is not a time (`منذ ثلاثة أيام`, `after
/// 5 days` are read as such elsewhere).
fn bounded(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if !cx.may_start(i, starts::TIME_BOUND) || !w.next_on_line(i + 1) {
        return None;
    }
    // `in`, `on` and `at` bound a time only before `or` (`on or before`).
    if matches!(w.folded(i), "in" | "on" | "at") && w.folded(i + 1) != "or" {
        return None;
    }
    let (bound, at) = bound_at(w, i)?;
    if !w.next_on_line(at) || !cx.may_start(at, starts::DATE_OR_TIME) {
        return None;
    }
    let since = matches!(w.folded(i), "منذ" | "since");
    let mut found = date_or_time_here(cx, at)
        .or_else(|| {
            let (end, year) = intervals::year_since(w, at).filter(|_| since)?;
            Some(year.found(cx, at, end, 0.85))
        })
        .or_else(|| month_after_bound(cx, i))
        .or_else(|| year_after_bound(cx, i, at))?;
    let entity = found.entity.as_mut()?;
    let Value::DateTime(time) = &mut entity.value else {
        return None;
    };
    // `from 3 to 5`: a range after `from` has both ends already. A part of
    // a unit with its end is one time, bounded as any other (`حتى نهاية
    // الشهر`, `منذ مطلع العام`, `by the end of next month`).
    if time.end.is_some() && w.folded(i) == "from" {
        return None;
    }
    time.bound = Some(bound);
    entity.span = cx.span(i, found.end);
    // `ومنذ عام 2011`: the conjunction is no part of the time.
    if after_conjunction(w.folded(i)).is_some() {
        entity.span = crate::core::span::Span::new(
            w.tokens[i].span.start + w.first_letter_len(i),
            entity.span.end,
        );
    }
    Some(found)
}

/// The bound the word at `i` (or two words) puts on the time after it, and
/// where that time starts: [`time_bound`], or a start said in two words or
/// with a participle (`اعتبارا من`, `ابتداء من`, `بدءا من`: as of, from
/// then on; `starting`, `starting from`, `effective`), after it. Not `as
/// of`, which is as often "at" that time (`as of January 1, it had 500
/// staff`).
fn bound_at(w: &Words, i: usize) -> Option<(TimeBound, usize)> {
    if let Some(found) = english_bound_phrase(w, i) {
        return Some(found);
    }
    let folded = w.folded(i);
    if let Some(bound) = time_bound(after_conjunction(folded).unwrap_or(folded)) {
        return Some((bound, i + 1));
    }
    let next = if w.next_on_line(i + 1) {
        w.folded(i + 1)
    } else {
        ""
    };
    match (w.folded(i), next) {
        ("اعتبارا" | "ابتداء" | "ابتداءا" | "بدءا", "من") | ("starting" | "effective", "from") => {
            Some((TimeBound::After, i + 2))
        }
        ("starting" | "effective", next) if !matches!(next, "من" | "from") => {
            Some((TimeBound::After, i + 1))
        }
        _ => None,
    }
}

/// An English bound of several words at `i` and the token after it:
/// `later than` (after), `earlier than` (before), `no later than`, `not
/// later than` (by: before), `no earlier than` (after), and a bound with
/// the time itself allowed, either way round (`on or before`, `at or
/// after`, `in or after`, `before or on`, `on or earlier than`, `later
/// than or at`). The time itself is in the bound; [`TimeBound`] does not
/// say whether an end is included.
fn english_bound_phrase(w: &Words, i: usize) -> Option<(TimeBound, usize)> {
    let word = |k: usize| {
        if k == i || w.next_on_line(k) {
            w.folded(k)
        } else {
            ""
        }
    };
    // `later than`, `earlier than`, `before`, `after` at `k`.
    let comparison = |k: usize| match (word(k), word(k + 1)) {
        ("later", "than") => Some((TimeBound::After, k + 2)),
        ("earlier", "than") => Some((TimeBound::Before, k + 2)),
        ("before", _) => Some((TimeBound::Before, k + 1)),
        ("after", _) => Some((TimeBound::After, k + 1)),
        _ => None,
    };
    let at_the_time = |k: usize| matches!(word(k), "on" | "at" | "in");
    match w.folded(i) {
        "no" | "not" => match comparison(i + 1)? {
            (TimeBound::After, end) if word(i + 1) == "later" => Some((TimeBound::Before, end)),
            (TimeBound::Before, end) if word(i + 1) == "earlier" => Some((TimeBound::After, end)),
            _ => None,
        },
        "on" | "at" | "in" if word(i + 1) == "or" => comparison(i + 2),
        _ => {
            let (bound, end) = comparison(i)?;
            if word(end) == "or" && at_the_time(end + 1) {
                return Some((bound, end + 2));
            }
            matches!(w.folded(i), "later" | "earlier").then_some((bound, end))
        }
    }
}

/// A bound word with the conjunction `و` or `ف` glued before it (`ومنذ`,
/// `وحتى`, `وقبل`, `فبعد`, `وبحلول`): the word.
pub(super) fn after_conjunction(folded: &str) -> Option<&str> {
    folded
        .strip_prefix(['و', 'ف'])
        .filter(|rest| time_bound(rest).is_some())
}

/// The bound a word puts on the time after it. English `from` with no
/// second end (`from 2 pm`, `open from Monday`; `from 3 to 5` is a range,
/// read first) starts an open interval; Arabic `من` is too often "of" for
/// that. `through` a time is up to it (`runs through Friday`); `بحلول` is
/// "by" (`بحلول عام 2030`).
fn time_bound(folded: &str) -> Option<TimeBound> {
    match folded {
        "before" | "until" | "till" | "til" | "by" | "through" | "thru" | "قبل" | "حتي"
        | "بحلول" => Some(TimeBound::Before),
        "after" | "since" | "from" | "بعد" | "منذ" => Some(TimeBound::After),
        _ => None,
    }
}

/// A date or time after an Arabic word that makes it approximate
/// (`قرابة الثلاثاء القادم`, `حوالي منتصف الشهر`; the `about` bounds of
/// `data/amount_bounds.tsv`): the same value, spanning the word, as
/// Duckling reads it. In English only after `around` and `approximately`
/// (`around next week`, `around Christmas`): `about Monday` is more often
/// "concerning Monday".
fn approximately(cx: &Context, i: usize) -> Option<Found> {
    if !cx.may_start(i, starts::BOUND) {
        return None;
    }
    let w = cx.words;
    let folded = w.folded(i);
    if folded.is_ascii() && !matches!(folded, "around" | "approximately") {
        return None;
    }
    let (Bound::About, at) = bound_before(w, i)? else {
        return None;
    };
    let mut found = date_or_time_here(cx, at)?;
    let entity = found.entity.as_mut()?;
    entity.span = cx.span(i, found.end);
    Some(found)
}

/// [`date_or_time`] without a word before it.
fn date_or_time_here(cx: &Context, i: usize) -> Option<Found> {
    let absolute = if cx.may_start(i, starts::ABSOLUTE) {
        absolute(cx, i)
    } else {
        None
    };
    let absolute = absolute
        .or_else(|| month_after_fi(cx, i))
        .or_else(|| year_after_fi(cx, i))
        .or_else(|| later_month_after_fi(cx, i));
    let written_end = absolute.as_ref().map_or(0, |f| f.end);
    // The longest of the other readings (the first of one length), tried in
    // turn without collecting them.
    let mut best: Option<(usize, When)> = None;
    let mut consider = |found: Option<(usize, When)>| {
        if let Some((end, when)) = found {
            if best.is_none_or(|(longest, _)| end > longest) {
                best = Some((end, when));
            }
        }
    };
    let relative = relative::relative(cx, i);
    // `الأسبوع المقبل يوم الثلاثاء`: the day of the week just read.
    if let Some((end, week)) = &relative {
        consider(nth::weekday_after_week(cx, *end, week));
    }
    consider(relative.or_else(|| {
        cx.may_start(i, starts::HIJRI_DATE)
            .then(|| hijri::hijri_date(cx, i))
            .flatten()
    }));
    if cx.may_start(i, starts::HIJRI_DAY) {
        consider(holidays::hijri_day(cx, i));
    }
    if cx.may_start(i, starts::HIJRI_MONTH_ALONE) {
        consider(holidays::hijri_month(cx, i));
    }
    if cx.may_start(i, starts::DAY_OF_HOLIDAY) {
        consider(holidays::day_of_holiday(cx, i));
    }
    if cx.may_start(i, starts::CONSECUTIVE_YEARS) {
        consider(super::intervals::consecutive_years(cx.words, i));
    }
    if cx.may_start(i, starts::DAY_IN_MONTH) {
        consider(nth::day_in_month(cx, i));
    }
    if cx.may_start(i, starts::QUARTER) {
        consider(nth::quarter_of_year(cx, i));
        consider(nth::half_of_year(cx, i));
    }
    if cx.may_start(i, starts::WEEKDAY_OF_WEEK) {
        consider(nth::weekday_of_week(cx, i));
    }
    if cx.may_start(i, starts::WEEKEND_NEAR) {
        consider(weekends::weekend_near(cx, i));
        consider(weekends::arabic_weekend(cx, i));
    }
    let w = cx.words;
    if !cx.gated || starts::passes(starts::SEASON_NAME, w.class(i), w.class(i + 1)) {
        consider(seasons::season(cx, i));
    }
    if !cx.gated || starts::passes(starts::HOLIDAY_NAME, w.class(i), w.class(i + 1)) {
        let holiday = holidays::holiday(cx, i);
        consider(holiday.and_then(|found| weekends::holiday_weekend(w, found)));
        consider(holiday);
    }
    let time = clock::time_of_day(cx, i).filter(|_| !second_of_a_score(w, i));
    let time_end = time.as_ref().map(|(end, _)| *end);
    consider(time);
    if cx.may_start(i, starts::TIME_OF_DAY) {
        consider(hour_then_part(cx, i));
    }
    if cx.may_start(i, starts::PERIOD_THEN_TIME) {
        consider(clock::period_then_time(cx, i));
    }
    match best.filter(|(end, _)| *end > written_end) {
        Some((end, when)) => {
            let day_after = (time_end == Some(end))
                .then(|| time_then_day(cx, i, end, when))
                .flatten();
            Some(day_after.unwrap_or_else(|| {
                with_time(cx, i, end, when).unwrap_or_else(|| when.found(cx, i, end, 0.85))
            }))
        }
        None => absolute,
    }
}

/// A time of day followed by its day on the same line (`at 5pm tomorrow`,
/// `at 9am on Saturday`, `الساعة الخامسة مساء أمس`): both together.
pub(super) fn time_then_day(cx: &Context, start: usize, end: usize, time: When) -> Option<Found> {
    let w = cx.words;
    if let Some(found) = time_of_part(cx, start, end, &time) {
        return Some(found);
    }
    let at = if w.next_on_line(end) && matches!(w.folded(end), "," | "،") {
        end + 1
    } else {
        end
    };
    if !w.next_on_line(at) {
        return None;
    }
    // Of a day said (`on Fri`) and a date written (`on Fri, Aug 23`), the
    // longer.
    let one_day = |found: Option<(usize, When)>| {
        found.filter(|(_, day)| day.grain == Grain::Day && day.end.is_none())
    };
    let (day_end, day) = match (
        one_day(relative::relative(cx, at)),
        one_day(written_day(cx, at)),
    ) {
        (Some(said), Some(written)) => relative::longer(said, written),
        (said, written) => said.or(written)?,
    };
    Some(on_day(time, day).found(cx, start, day_end, 0.9))
}

/// A time of day, `من`, and a part of a day with its day (`الساعة العاشرة
/// من صباح اليوم`, `الساعة 8 من مساء الثلاثاء`, as Arabic news dates an
/// event): the hour in that part, after noon in the afternoon and
/// evening. Not when the time names a zone, nor when the hour falls
/// outside the part.
fn time_of_part(cx: &Context, start: usize, end: usize, time: &When) -> Option<Found> {
    if time.end.is_some() || time.zone.is_some() {
        return None;
    }
    let (hour, minute) = (time.start.hour(), time.start.minute());
    let (part_end, when) = hour_in_part_after(cx, end, hour, minute)?;
    Some(when.found(cx, start, part_end, 0.9))
}

/// `من` and a part of a day with its day at `end` (`من صباح اليوم`): the
/// time `hour`:`minute` in that part, and the token after it. The hour as
/// read, else on the other half of the clock (`الساعة الثالثة`, read 15:00
/// alone, is 03:00 of `فجر اليوم`); `None` when it falls outside the part.
pub(super) fn hour_in_part_after(
    cx: &Context,
    end: usize,
    hour: u32,
    minute: u32,
) -> Option<(usize, When)> {
    let w = cx.words;
    if !w.next_on_line(end) || w.folded(end) != "من" || !w.next_on_line(end + 1) {
        return None;
    }
    let (part_end, part) = relative::relative(cx, end + 1)?;
    if part.grain != Grain::Hour || part.end.is_none() {
        return None;
    }
    let when = in_part(part, hour, minute, false)
        .or_else(|| in_part(part, hour % 12, minute, false))
        .or_else(|| in_evening_said(w, end + 1, part, hour, minute))?;
    Some((part_end, when))
}

/// `الخامسة من مساء الخميس`: `مساء` names the hours after noon as the
/// period of a time does (`الخامسة مساء` is 17:00), before its own part
/// (CLDR's evening, from 18:00) begins; the hour in them.
fn in_evening_said(w: &Words, k: usize, part: When, hour: u32, minute: u32) -> Option<When> {
    if w.folded(k) != "مساء" {
        return None;
    }
    let afternoon = When {
        start: part
            .start
            .date()
            .and_time(NaiveTime::from_hms_opt(12, 0, 0)?),
        ..part
    };
    in_part(afternoon, hour % 12, minute, false)
}

/// `time`, a time of the reference day or a range of them, moved to `day`'s
/// date (a range moves as a whole), with the day's anchor.
fn on_day(time: When, day: When) -> When {
    let mut merged = time;
    merged.start = day.start.date().and_time(time.start.time());
    merged.end = time.end.map(|e| e + (merged.start - time.start));
    merged.anchor = day.anchor;
    merged
}

/// A written date after a time (`on Fri, Sep 20`, `on 23 July 2024`,
/// `الخميس 25 يوليو`): its day and the token after it.
pub(super) fn written_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if matches!(w.folded(k), "on" | "يوم") && w.next_on_line(k + 1) {
        k += 1;
    }
    let year = cx.reference.date().year();
    let found = match weekday_lead(w, k) {
        Some((day, d)) => match date_on_weekday(w, day, d, year) {
            Some(found) => found,
            None => return hijri_day_at(cx, d),
        },
        None => written_date(w, k, year).or_else(|| the_ordinal_day(w, k, year))?,
    };
    // A direction after its month sets the year (`الثلاثاء 18 يوليو الماضي`).
    match with_month_direction(w, cx.reference.date(), found) {
        (end, Some((when, _))) => Some((end, when)),
        _ => None,
    }
}

/// A Hijri date with its day at `d`, after a weekday (`يوم الجمعة 5 رمضان
/// 1445 هـ`, `الجمعة الموافق 5 رمضان 1445`).
fn hijri_day_at(cx: &Context, d: usize) -> Option<(usize, When)> {
    hijri::hijri_date(cx, d).filter(|(_, when)| when.grain == Grain::Day)
}

/// A day followed by a time of day on the same line: both together.
fn with_time(cx: &Context, start: usize, end: usize, day: When) -> Option<Found> {
    if day.grain == Grain::Hour && day.end.is_some() {
        return part_then_hour(cx, start, end, day);
    }
    if day.grain != Grain::Day || day.end.is_some() {
        return None;
    }
    let w = cx.words;
    if let Some((part_end, part)) = relative::part_after(w, end, day, false) {
        return Some(part.found(cx, start, part_end, 0.9));
    }
    let mut at = end;
    if abbreviated_weekday_dot(w, at) {
        at += 1;
    }
    if w.next_on_line(at) && matches!(w.folded(at), "في" | "at" | "," | "،" | "on") {
        at += 1;
    }
    if !w.next_on_line(at) {
        return None;
    }
    // A time (`Thursday at 9:30`) or a range of them (`Thursday from 9:30
    // to 11:00`, `this Thu 9-11am`), the longer; a bare hour after `at`
    // or `في` (`tomorrow at 10`, `غدا في الرابعة`).
    let range = || {
        cx.may_start(at, starts::INTERVAL)
            .then(|| intervals::time_range(cx, at))
            .flatten()
    };
    let (time_end, time) = [clock::time_of_day(cx, at), range()]
        .into_iter()
        .flatten()
        .max_by_key(|(end, _)| *end)
        .or_else(|| (at > end).then(|| clock::hour_after_day(cx, at)).flatten())?;
    Some(on_day(time, day).found(cx, start, time_end, 0.9))
}

/// Whether the token at `k` is the period of an English weekday
/// abbreviated before it, with `at` after it (`on Tues. at 4`; `on Tues.
/// At 4` starts a sentence).
fn abbreviated_weekday_dot(w: &Words, k: usize) -> bool {
    let bare = |s: &Sense| matches!(s, Sense::BareWeekday(_)).then_some(());
    k > 0
        && w.raw(k) == "."
        && w.glued(k - 1)
        && w.folded(k - 1).is_ascii()
        && w.find_whole(k - 1, bare).is_some()
        && w.next_on_line(k + 1)
        && w.raw(k + 1) == "at"
}

/// A part of a day followed by an hour in it (`tomorrow afternoon at 5`,
/// `tonight at 11`, `مساء أمس الساعة 8`, `صباح اليوم، في الساعة العاشرة`).
fn part_then_hour(cx: &Context, start: usize, end: usize, part: When) -> Option<Found> {
    let w = cx.words;
    let (at, _) = clock::after_part(w, end);
    if !w.next_on_line(at) {
        return None;
    }
    if let Some((hour_end, hour, minute, said)) = clock::hour_beside_part(w, at) {
        return Some(in_part(part, hour, minute, said)?.found(cx, start, hour_end, 0.85));
    }
    // A time as written alone (`الساعة الثامنة`), its hour as read or on
    // the other half of the clock (`الساعة 3`, read 15:00 alone, is 03:00
    // of `فجر اليوم`).
    let (time_end, time) =
        clock::time_of_day(cx, at).filter(|(_, time)| time.end.is_none() && time.zone.is_none())?;
    let (hour, minute) = (time.start.hour(), time.start.minute());
    let when =
        in_part(part, hour, minute, false).or_else(|| in_part(part, hour % 12, minute, false))?;
    Some(when.found(cx, start, time_end, 0.85))
}

/// Whether the digits at `i` (or `صفر`) are the second number of a
/// match's score before an Arabic word (`فاز 2-1 مساء السبت`, `تعادل 1 - 1
/// مساء أمس`, `1 - صفر مساء الجمعة`: no 1 p.m., no noon): not above the
/// first. A range of hours so written runs forward (`8-9 صباحا`) and is
/// read from its first hour (see `intervals::a_score_before_arabic_time`).
fn second_of_a_score(w: &Words, i: usize) -> bool {
    i >= 2 && super::intervals::is_score_before_arabic_word(w, i - 2, i - 1)
}

/// An hour followed by the part of a day it is in (`8 tonight`, `at 5
/// tomorrow afternoon`, `8 this evening`), with the token after them.
fn hour_then_part(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let k = if w.folded(i) == "at" && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    };
    // An hour of 1 to 12 is one token, with `am` or `pm` three at most;
    // what follows them must start a day (looked for first: an hour alone
    // is far more common).
    if !(k + 1..=k + 3).any(|j| w.next_on_line(j) && cx.may_start(j, starts::RELATIVE)) {
        return None;
    }
    let (end, hour, minute, said) = clock::hour_beside_part(w, k)?;
    if end > k + 3 || !w.next_on_line(end) || !cx.may_start(end, starts::RELATIVE) {
        return None;
    }
    let (part_end, part) = relative::relative(cx, end)?;
    if part.grain == Grain::Day && part.end.is_none() {
        // `at 10 tomorrow`, `at 4 on Friday`: digits after `at` (`8
        // tomorrow` alone may count something).
        if k == i || said || !w.is_number(k) {
            return None;
        }
        return Some((part_end, on_day(clock::hour_alone(cx, hour, minute)?, part)));
    }
    Some((part_end, in_part(part, hour, minute, said)?))
}

/// Hour `hour` and `minute` inside `part`, an interval of hours within a
/// day: an hour of 1 to 12 with no `am` or `pm` (`said` false) is after
/// noon in the afternoon and evening; one they said must fall in the part
/// as it is (`this morning at 7pm` is none).
fn in_part(part: When, hour: u32, minute: u32, said: bool) -> Option<When> {
    let end = part.end?;
    if part.grain != Grain::Hour {
        return None;
    }
    let hour = if !said && part.start.hour() >= 12 && hour < 12 {
        hour + 12
    } else {
        hour
    };
    let t = part
        .start
        .date()
        .and_time(NaiveTime::from_hms_opt(hour, minute, 0)?);
    if t < part.start || t >= end {
        return None;
    }
    let grain = if minute > 0 {
        Grain::Minute
    } else {
        Grain::Hour
    };
    Some(When {
        start: t,
        grain,
        end: None,
        ..part
    })
}

/// A written date (with an optional weekday before it and time after it).
fn absolute(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    // `2016-12-16T12:23:59`: a day that runs on into its time.
    if w.is_number(i) && w.glued(i) {
        if let Some(found) = super::timestamp::timestamp(cx, i) {
            return Some(found);
        }
    }
    let year = cx.reference.date().year();
    if w.folded(i) == "on" {
        // `on` starts no other written date (`on 23 July` is found at 23)
        // but one after its weekday (`on Friday, March 8, 2024`, `on
        // Tuesday the 19th`), which `on` and the weekday alone would cut.
        let after_weekday = || {
            let (day, d) = weekday_lead(w, i + 1)?;
            date_on_weekday(w, day, d, year).or_else(|| weekday_and_day(cx, day, d))
        };
        let found = on_the_day(cx, i)
            .or_else(|| slashed_day_and_month(w, i + 1, year))
            .or_else(after_weekday);
        return found.map(|found| finish(cx, i, found));
    }
    // `اليوم الأحد 5 مايو`, `غدا الأربعاء الموافق 13 فبراير`: a day word,
    // its weekday and the date, which says which day it is.
    if matches!(w.folded(i), "اليوم" | "امس" | "غدا") && w.next_on_line(i + 1) {
        let found = weekday_lead(w, i + 1).and_then(|(day, d)| date_on_weekday(w, day, d, year));
        if let Some(found) = found {
            return Some(finish(cx, i, found));
        }
    }
    let mut k = i;
    if w.folded(k) == "يوم" && w.next_on_line(k + 1) {
        k += 1;
    }
    if let Some((day, d)) = weekday_lead(w, k) {
        if let Some(found) = date_on_weekday(w, day, d, year) {
            return Some(finish(cx, i, found));
        }
        if let Some(found) = weekday_and_day(cx, day, d) {
            return Some(finish(cx, i, found));
        }
        // `الأحد 5 الجاري`, `الثلاثاء 3 من الشهر المقبل`.
        if let Some(found) = day_of_relative_month(cx, d) {
            return Some(finish(cx, i, found));
        }
        if let Some((end, when)) = hijri_day_at(cx, d) {
            return Some(finish(cx, i, (end, Some((when, 0.85)))));
        }
    }
    // `اليوم الأول من شهر آذار`, `اليوم 23 يوليو 2024`, `بتاريخ 15/2`: the
    // day (or "dated"), then its date.
    if matches!(w.folded(i), "اليوم" | "يوم" | "بتاريخ") && w.next_on_line(i + 1) {
        let found = written_date(w, i + 1, year).or_else(|| slashed_day_and_month(w, i + 1, year));
        if let Some(found) = found {
            return Some(finish(cx, i, found));
        }
    }
    if let Some(found) = day_of_relative_month(cx, k).or_else(|| day_alone_after_yawm(cx, i)) {
        return Some(finish(cx, i, found));
    }
    let found = the_ordinal_day(w, i, year)
        .or_else(|| year_or_month_after_in(cx, i))
        .or_else(|| the_month_of(cx, i));
    if let Some(found) = found {
        return Some(finish(cx, i, found));
    }
    // `4/25 at 4pm`, `15/2 الساعة 10`: a day and a month with a time after
    // them are a date.
    if let Some((end, Some((when, _)))) = slashed_day_and_month_at(w, i, year) {
        if let Some(found) = with_time(cx, i, end, when) {
            return Some(found);
        }
    }
    written_date(w, i, year)
        .or_else(|| {
            cx.may_start(i, starts::DAY_IN_LIST)
                .then(|| coordinated::number_in_list(w, i, cx.reference.date()))
                .flatten()
        })
        .or_else(|| {
            cx.may_start(i, starts::ORDINAL_IN_LIST)
                .then(|| coordinated::ordinal_in_list(w, i, cx.reference.date()))
                .flatten()
        })
        .or_else(|| {
            cx.may_start(i, starts::MONTH_IN_LIST)
                .then(|| coordinated::month_in_list(w, i, year))
                .flatten()
        })
        .or_else(|| month_alone(cx, i, false))
        .map(|found| finish(cx, i, found))
}

/// `the 23rd of July`, `the first of March 2024`: `the` belongs to a date
/// whose day is an ordinal (`the July 23 meeting` leaves it out).
fn the_ordinal_day(w: &Words, i: usize, reference_year: i32) -> Option<Written> {
    if w.folded(i) != "the" || !w.next_on_line(i + 1) {
        return None;
    }
    let k = i + 1;
    let ordinal = if w.is_number(k) {
        english_ordinal(w.raw(k))
    } else {
        w.is_word(k) && ordinal_word(w, k).is_some()
    };
    if !ordinal {
        return None;
    }
    named_date(w, k, reference_year)
}

/// `on the 15th`, `on the first`: a day of the month alone, an ordinal
/// after `on the` with no word after it on its line (`on the 15th floor`,
/// `on the first try` are not days; `on the 15th of March` is a written
/// date, found at `the`). Its next occurrence, today included, as a
/// weekday alone reads: in February 2013, `on the 15th` is 15 February and
/// `on the first` 1 March.
fn on_the_day(cx: &Context, i: usize) -> Option<Written> {
    let w = cx.words;
    if w.folded(i + 1) != "the" || !w.next_on_line(i + 2) {
        return None;
    }
    let k = i + 2;
    let (end, day) = if w.is_number(k) && english_ordinal(w.raw(k)) {
        (k + 1, day_number(w, k)?)
    } else if w.is_word(k) {
        ordinal_word(w, k)?
    } else {
        return None;
    };
    if !(1..=31).contains(&day) || w.next_on_line(end) && w.is_word(end) {
        return None;
    }
    let date = day_of_month_near(cx.reference.date(), day, false)?;
    Some((end, Some((When::day(date, Anchor::Reference), 0.7))))
}

/// The next date on or after `today` that is day `day` of its month, or
/// with `past` the last on or before it (months without that day
/// skipped), within a year.
fn day_of_month_near(today: NaiveDate, day: u32, past: bool) -> Option<NaiveDate> {
    let first_of_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
    let months = |n: u32| {
        let months = chrono::Months::new(n);
        if past {
            first_of_month.checked_sub_months(months)
        } else {
            first_of_month.checked_add_months(months)
        }
    };
    (0..12)
        .filter_map(months)
        .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
        .find(|d| if past { *d <= today } else { *d >= today })
}

/// `يوم 27` (on the 27th), a day of the month in digits alone after `يوم`,
/// with no noun it could count after it nor `من` (`يوم 27 من الإضراب`: the
/// strike's 27th day), as `on the 27th` reads in English: the day's next
/// occurrence, today included, or its last when the clause tells of the
/// past (`عقدت الجلسة يوم 3`).
fn day_alone_after_yawm(cx: &Context, i: usize) -> Option<Written> {
    let w = cx.words;
    if w.folded(i) != "يوم" || !w.next_on_line(i + 1) {
        return None;
    }
    let end = i + 2;
    let day = day_number(w, i + 1).filter(|_| !english_ordinal(w.raw(i + 1)))?;
    let of = w.next_on_line(end) && w.folded(end) == "من";
    if of || w.noun_follows(end) || w.next_on_line(end) && w.is_number(end) {
        return None;
    }
    let past = super::tense::clause_tense(w, i, end) == Some(super::tense::Tense::Past);
    let date = day_of_month_near(cx.reference.date(), day, past)?;
    Some((end, Some((When::day(date, Anchor::Reference), 0.7))))
}

/// `2/15`, `15/2`: a day and a month of digits with a slash and no year at
/// `k`, in `year`; the order as [`day_and_month`] reads it. Read only where
/// what comes before makes it a date (`on 2/15`, `يوم 15/2`, `بتاريخ 15/2`,
/// `الأحد 15/2`) or a time after it (`2/15 at 4pm`): alone, `2/15` may be a
/// fraction or a score.
fn slashed_day_and_month(w: &Words, k: usize, year: i32) -> Option<Written> {
    if !w.next_on_line(k) {
        return None;
    }
    slashed_day_and_month_at(w, k, year)
}

/// [`slashed_day_and_month`] at `k`, whatever comes before it.
fn slashed_day_and_month_at(w: &Words, k: usize, year: i32) -> Option<Written> {
    if !w.is_number(k) {
        return None;
    }
    let (a, b) = w.raw(k).split_once('/')?;
    let ((a, 1..=2), (b, 1..=2)) = (digits(a)?, digits(b)?) else {
        return None;
    };
    let (d, m) = day_and_month(a, b);
    Some((k + 1, day_when(year, m, d, Anchor::ReferenceYear, 0.8)))
}

/// `في مارس`, `في شهر أغسطس/آب` (an Arabic month alone after `في`, which
/// makes it a date, so the span holds it): the month's next occurrence,
/// the current one included, or its last when the clause tells of the
/// past (`قال الوزير في مارس`), as [`month_alone`] reads an English one. A
/// month with its day or year is a written date, and a month with a
/// direction after it (`في مارس الماضي`) a relative one, both found at the
/// month. The word `شهر` (month) before a month's name makes it a date as
/// `في` does (`وصل الوفد شهر مارس`, `خلال شهر أيار`), the word in the
/// span; not before a number (`شهر واحد` is an amount of time).
fn month_after_fi(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if cx.gated && !starts::passes(starts::MONTH_AFTER_FI, w.class(i), w.class(i + 1)) {
        return None;
    }
    // The clause's tense is read before `في` or `شهر` (right after it, the
    // word would say nothing).
    match w.folded(i) {
        "في" => month_after_word(cx, i, i),
        "شهر" if w.next_on_line(i + 1) => month_named_at(cx, i, i + 1, i),
        // `خلال شهري مارس وأبريل`: the dual, "the two months of", before two.
        "شهري" if w.next_on_line(i + 1) => month_named_at(cx, i, i + 1, i)
            .filter(|found| coordinated::another_month_follows(w, found.end)),
        _ => None,
    }
}

/// `في 2011`, `في 1970 ,` (the year): four digits in
/// [`BARE_YEARS`](intervals::BARE_YEARS) after `في`, as after `in`, where
/// the word after them cannot be a noun they count: nothing, a sign, a
/// word with the article or a stop word (`ولد في 1970 في القاهرة`). A
/// word without the article may be what the number counts (`في 2000
/// قرية`), or a verb (`في 2011 اندلعت`): not read. Nor a year glued to
/// more (`في 2015/16`), nor one before a unit or a currency.
fn year_after_fi(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if cx.gated && !starts::passes(starts::YEAR_AFTER_FI, w.class(i), w.class(i + 1)) {
        return None;
    }
    if w.folded(i) != "في" || !w.next_on_line(i + 1) {
        return None;
    }
    let k = i + 1;
    let year = year_number(w, k).filter(|&y| intervals::BARE_YEARS.contains(&(y as u32)))?;
    if glued_on(w, k) || counted(w, k + 1) || !ends_a_bare_year(w, k + 1) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
    Some(finish(cx, i, (k + 1, Some((when, 0.8)))))
}

/// Whether token `i` cannot be a noun that a number before it counts:
/// the line ends, or it is a sign, an Arabic word with the article (after
/// a proclitic too: `وال`, `بال`, `لل`), a stop word, or a verb the tense
/// words know (`في 2011 اندلعت الثورة`).
fn ends_a_bare_year(w: &Words, i: usize) -> bool {
    if !w.noun_follows(i) {
        return !(w.next_on_line(i) && w.is_number(i));
    }
    let definite = |f: &str| f.starts_with("ال") || f.starts_with("لل");
    definite(w.folded(i))
        || strip_proclitic(w.folded(i)).is_some_and(definite)
        || !w.folded(i).is_ascii() && super::tense::is_verb(w, i)
}

/// A bare year after a word that bounds it, at `at` (`before 1990`, `by
/// 2030,`, `until 2020.`, `قبل 2011`, `بحلول 2030`): as after `في`, four
/// digits in [`BARE_YEARS`](intervals::BARE_YEARS) with no noun after them
/// that they could count (`before 2014 elections`, `بعد 2000 قتيل` are
/// not read). Not after `from`, which is as often "of" that year (`data
/// from 2014`).
fn year_after_bound(cx: &Context, i: usize, at: usize) -> Option<Found> {
    let w = cx.words;
    if w.folded(i) == "from" {
        return None;
    }
    let year = year_number(w, at).filter(|&y| intervals::BARE_YEARS.contains(&(y as u32)))?;
    if glued_on(w, at) || counted(w, at + 1) || !ends_a_bare_year(w, at + 1) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
    Some(when.found(cx, at, at + 1, 0.8))
}

/// `منذ مارس`, `منذ شهر نوفمبر`, `منذ تشرين الثاني`, `حتى مارس`, `قبل
/// شهر مايو`: an Arabic month alone after a word that bounds it (at `i`);
/// `bounded` gives it its bound. After `منذ`, a word of the past, its
/// last occurrence, the current month included; after the others, the
/// occurrence the clause's tense says, as after `في`.
fn month_after_bound(cx: &Context, i: usize) -> Option<Found> {
    match cx.words.folded(i) {
        "منذ" => month_after_word(cx, i, i + 1),
        "حتي" | "قبل" | "بعد" => month_after_word(cx, i, i),
        _ => None,
    }
}

/// An Arabic month alone after the word at `i` (`في`, `منذ`), spanning
/// both, its year chosen by the tense of the clause read back from
/// `tense_from`.
fn month_after_word(cx: &Context, i: usize, tense_from: usize) -> Option<Found> {
    let w = cx.words;
    if !w.next_on_line(i + 1) {
        return None;
    }
    // `في شهر مارس`, `في شهري مايو ويونيو` (the two months of).
    let after_word =
        matches!(w.folded(i + 1), "شهر" | "شهري") && w.next_on_line(i + 2) && w.is_word(i + 2);
    let k = i + 1 + usize::from(after_word);
    // `شهر ثلاثة` (month three) is read from `شهر`.
    let numbered = || numbered_month(w, i + 1);
    month_named_or(cx, i, k, tense_from, numbered)
}

/// A month's name alone at `k` (one word or two), the expression opening
/// at `i` and its year read by the tense back from `tense_from`.
fn month_named_at(cx: &Context, i: usize, k: usize, tense_from: usize) -> Option<Found> {
    month_named_or(cx, i, k, tense_from, || None)
}

/// [`month_named_at`], or the month `otherwise` gives (with the token
/// after it) where no name is at `k`.
fn month_named_or(
    cx: &Context,
    i: usize,
    k: usize,
    tense_from: usize,
    otherwise: impl FnOnce() -> Option<(u32, usize)>,
) -> Option<Found> {
    let w = cx.words;
    if w.folded(k).is_ascii() {
        return None;
    }
    // `شهر مارس` is read from the name, as written: `في باب` (in the
    // chapter) is no `ب` and `آب`.
    let (m, end) = w
        .find_whole(k, month_sense)
        .map(|m| (m, k + 1))
        .or_else(|| w.find_pair(k, month_sense).map(|m| (m, k + 2)))
        .or_else(otherwise)?;
    if written_date(w, k, cx.reference.date().year()).is_some() {
        return None;
    }
    // `في مارس الماضي`: the month and its direction, read at the month.
    // A gloss or a second name after it (`في يناير (كانون الثاني) عام
    // 2003`, `في يناير / كانون ثان الماضي`) or a year named after `من`
    // (`في يناير من العام 1901`) may give it another year: not read here.
    let glossed = w.next_on_line(end) && matches!(w.raw(end), "(" | "/" | "من");
    if relative::direction_at(w, end).is_some() || glossed {
        return None;
    }
    let (year, anchor) = year_of_month_alone(cx, m, tense_from, end);
    Some(finish(cx, i, (end, month_when(year, m, anchor, 0.7))))
}

/// A later month of a list that `في` starts (`في مايو ويونيو`, `في شهري
/// يوليو وأغسطس`, `في يناير أو فبراير`): read as [`month_after_fi`] reads
/// the first, spanning the month alone, in the first one's year (the year
/// after it when the month comes before the first in the calendar: `في
/// ديسمبر ويناير`). One with its year is a written date (`في مايو ويونيو
/// 2009`), found as such.
fn later_month_after_fi(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if !cx.may_start(i, starts::MONTH_IN_LIST) || w.folded(i).is_ascii() {
        return None;
    }
    let (m, end, _) = month(w, i)?;
    let (first, fi, first_end) = coordinated::first_of_list_after_fi(w, i)?;
    let glossed = w.next_on_line(end) && matches!(w.raw(end), "(" | "/" | "من");
    if relative::direction_at(w, end).is_some() || glossed {
        return None;
    }
    let (first_year, anchor) = year_of_month_alone(cx, first, fi, first_end);
    let year = first_year + i32::from(m < first);
    Some(finish(cx, i, (end, month_when(year, m, anchor, 0.7))))
}

/// The year of month `m` named alone on words `start..end`: its next
/// occurrence, the current month included, as Duckling reads it; or its
/// last, the current month included, when the clause tells of the past
/// (`The ministry said in March`, `قال الوزير في شهر مارس`: see `tense`).
fn year_of_month_alone(cx: &Context, m: u32, start: usize, end: usize) -> (i32, Anchor) {
    // `في مايو ويونيو 2009`: the year the list writes last.
    if let Some(year) = coordinated::year_of_list(cx.words, end, m, cx.reference.date().year()) {
        return year;
    }
    let today = cx.reference.date();
    let past = super::tense::clause_tense(cx.words, start, end) == Some(super::tense::Tense::Past);
    let year = match (past, m <= today.month()) {
        (true, true) => today.year(),
        (true, false) => today.year() - 1,
        (false, _) if m >= today.month() => today.year(),
        (false, _) => today.year() + 1,
    };
    (year, Anchor::Reference)
}

/// `the month of January`, `the month of Jan`: the month as
/// [`month_alone`] reads it after `in` (abbreviations and `May` too), the
/// words before it in the span. With its day or year it is a written date,
/// found at the month.
fn the_month_of(cx: &Context, i: usize) -> Option<Written> {
    let w = cx.words;
    let said = w.folded(i) == "the"
        && (i + 1..=i + 3).all(|k| w.next_on_line(k))
        && w.folded(i + 1) == "month"
        && w.folded(i + 2) == "of";
    if !said || written_date(w, i + 3, cx.reference.date().year()).is_some() {
        return None;
    }
    month_alone_in_clause(cx, i + 3, true, i)
}

/// `in 2015` (the year), `in March`, `in May` (the month, as
/// [`month_alone`] reads it): `in` is what makes them dates, so the span
/// holds it. A year before a unit, a currency or a scale word (`in 2000
/// metres`, `in 1500 dollars`) is an amount. A month with its day or year
/// is a written date, found at the month (the span leaves `in` out, as
/// for every written date).
fn year_or_month_after_in(cx: &Context, i: usize) -> Option<Written> {
    let w = cx.words;
    if w.folded(i) != "in" || !w.next_on_line(i + 1) {
        return None;
    }
    let k = i + 1;
    if let Some(year) = year_number(w, k) {
        if counted(w, k + 1) || glued_on(w, k) {
            return None;
        }
        // `in 2014 AD`: the era in the span; `in 500 BC` is read at the
        // year, with its era.
        if before_christ(w, k + 1).is_some() {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
        let end = anno_domini(w, k + 1).unwrap_or(k + 1);
        return Some((end, Some((when, 0.8))));
    }
    if written_date(w, k, cx.reference.date().year()).is_some() {
        return None;
    }
    month_alone(cx, k, true)
}

/// Whether token `i` has something glued after it that makes it part of
/// a longer form (`1990s`, `2015-2016`, `2015/16`); a closing sign
/// (`2015,`, `2015.`, `2015)`) does not.
fn glued_on(w: &Words, i: usize) -> bool {
    w.glued(i)
        && !matches!(
            w.raw(i + 1),
            "," | "." | ";" | ":" | ")" | "!" | "?" | "،" | "؛" | "؟"
        )
}

/// Whether token `i`, on the line of the token before, says that a number
/// before it counts something: a unit, a currency or a scale word.
pub(super) fn counted(w: &Words, i: usize) -> bool {
    w.next_on_line(i)
        && w.find(i, |s| {
            matches!(
                s,
                Sense::Unit(..)
                    | Sense::Measure(_)
                    | Sense::Currency(..)
                    | Sense::Num(_, NumRole::Scale | NumRole::Scales | NumRole::Abbr)
            )
            .then_some(())
        })
        .is_some()
}

/// An English month's full name written alone, capitalised (`March`;
/// `please march forward` is the verb): the month's next occurrence, the
/// current one included, as Duckling reads it (in February 2013, `March`
/// is March 2013 and `January` January 2014), or its last when the clause
/// tells of the past (`said in March`: see `tense`). `May` and the
/// abbreviations (`in Aug`, `in Sept.`, its period included) only
/// `after_in`.
fn month_alone(cx: &Context, i: usize, after_in: bool) -> Option<Written> {
    month_alone_in_clause(cx, i, after_in, i)
}

/// [`month_alone`] whose clause's tense is read from token `tense_from`
/// (`the month of March`: from `the`, since `of` right before the month
/// tells none).
fn month_alone_in_clause(
    cx: &Context,
    i: usize,
    after_in: bool,
    tense_from: usize,
) -> Option<Written> {
    let w = cx.words;
    if !w.is_word(i) || !w.raw(i).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let alone = super::lexicon::lexicon().month_alone(w.folded(i))?;
    if !alone && !after_in {
        return None;
    }
    let m = w.find_whole(i, month_sense)?;
    let end = abbreviation_end(w, i);
    let (year, anchor) = year_of_month_alone(cx, m, tense_from, end);
    Some((end, month_when(year, m, anchor, 0.7)))
}

/// The entity (or warning) for a written date spanning from `start`.
fn finish(cx: &Context, start: usize, found: Written) -> Found {
    let (end, date) = with_month_direction(cx.words, cx.reference.date(), found);
    match date {
        Some((when, confidence)) => with_time(cx, start, end, when)
            .unwrap_or_else(|| when.found(cx, start, end, confidence)),
        None => Found {
            end,
            entity: None,
            warning: Some(Warning {
                span: cx.span(start, end),
                reason: "impossible_date",
                message: "this date does not exist in the calendar".into(),
            }),
        },
    }
}

type Written = (usize, Option<(When, f32)>);

/// A date written with no year and a direction after its month (`الأول من
/// يناير المقبل`, `18 يناير الماضي`, `23 تموز الجاري`): a day's next
/// occurrence after the reference or its last before it (this year's with
/// `الجاري`); a month in the year [`relative::year_of_month`] gives it, as
/// `يناير المقبل` alone reads. Anchored to the reference; the direction
/// joins the span.
pub(super) fn with_month_direction(w: &Words, today: NaiveDate, found: Written) -> Written {
    let (end, Some((when, confidence))) = found else {
        return found;
    };
    let Some(direction) = (when.anchor == Anchor::ReferenceYear)
        .then(|| relative::direction_at(w, end))
        .flatten()
    else {
        return found;
    };
    let date = when.start.date();
    let year = match (when.grain, date.with_year(today.year())) {
        // A day: its last occurrence before today, or its next after.
        (Grain::Day, Some(this_year)) => match direction {
            -1 if this_year >= today => today.year() - 1,
            1 if this_year <= today => today.year() + 1,
            _ => today.year(),
        },
        _ => relative::year_of_month(today, date.month(), direction),
    };
    let moved = date.with_year(year).map(|date| {
        let moved = When {
            start: midnight(date),
            anchor: Anchor::Reference,
            ..when
        };
        (moved, confidence)
    });
    (end + 1, moved)
}

/// `العاشر من الشهر الجاري`, `الخامس من الشهر المقبل`, `3 من الشهر الماضي`,
/// `the 10th of this month`, `the 5th of next month`: a day of a month
/// named by a direction. Arabic news also leaves the month out of the
/// current one (`يوم 15 الجاري`, `الأحد 5 الحالي`, `في الخامس من الجاري`).
pub(super) fn day_of_relative_month(cx: &Context, i: usize) -> Option<Written> {
    let w = cx.words;
    let mut k = i;
    if w.folded(k) == "the" && w.next_on_line(k + 1) {
        k += 1;
    }
    let (day, after) = if w.is_number(k) {
        if k > i && !english_ordinal(w.raw(k)) {
            return None;
        }
        (day_number(w, k)?, k + 1)
    } else {
        // After another day, `و` glued: `بين العشرين من يونيو والسابع من
        // الشهر الحالي` (the span leaves the letter out).
        let (end, value) =
            ordinal_word(w, k).or_else(|| super::number_words::ordinal_after_and(w, k))?;
        (value, end)
    };
    if let Some(end) = current_month_word(w, after, w.is_number(k)) {
        let date = cx.reference.date().with_day(day);
        return Some((end, date.map(|d| (When::day(d, Anchor::Reference), 0.85))));
    }
    if w.is_number(k) && after_a_word_of_day(w, k) {
        let month =
            relative::unit_and_direction(cx, after).filter(|(_, m)| m.grain == Grain::Month);
        if let Some((end, month)) = month {
            let date = month.start.date().with_day(day);
            return Some((end, date.map(|d| (When::day(d, Anchor::Reference), 0.85))));
        }
    }
    if !matches!(w.folded(after), "من" | "of") || !w.next_on_line(after + 1) {
        return None;
    }
    let (end, month) = relative::unit_and_direction(cx, after + 1)?;
    if month.grain != Grain::Month {
        return None;
    }
    let date = month.start.date().with_day(day);
    Some((end, date.map(|d| (When::day(d, Anchor::Reference), 0.85))))
}

/// Whether the day in digits at `k` follows a word that makes it a day
/// (`في`, `يوم`, `منذ`, `حتى`, `الموافق`, `بتاريخ`, `اعتبارا من`, a
/// weekday), so that a month named by a direction may follow it without
/// `من` (`في 15 الشهر الجاري`, `يوم 20 الشهر الماضي`, `الأحد 3 الشهر
/// المقبل`); a count reads the same without one (`ارتفع إلى 15 الشهر
/// الماضي`).
fn after_a_word_of_day(w: &Words, k: usize) -> bool {
    if !w.next_on_line(k) {
        return false;
    }
    let before = k - 1;
    // `اعتبارا من 1 الشهر المقبل`: "as from", not `من` alone (`أكثر من 15`).
    let as_from = before > 0
        && w.folded(before) == "من"
        && matches!(
            w.folded(before - 1),
            "اعتبارا" | "ابتداء" | "ابتداءا" | "بدءا" | "بدء"
        );
    let day_word = as_from
        || matches!(
            w.folded(before),
            "في" | "وفي"
                | "يوم"
                | "ويوم"
                | "منذ"
                | "ومنذ"
                | "حتي"
                | "وحتي"
                | "الموافق"
                | "بتاريخ"
        );
    day_word
        || w.find(before, |s| {
            matches!(s, Sense::Weekday(_) | Sense::BareWeekday(_)).then_some(())
        })
        .is_some()
}

/// `الجاري` or `الحالي` (current) standing for the current month after a
/// day at `k - 1` on its line: right after a day in digits (`15 الجاري`),
/// or after `من` (`الخامس من الجاري`). The token after it.
fn current_month_word(w: &Words, k: usize, digits: bool) -> Option<usize> {
    let current = |at: usize| w.next_on_line(at) && matches!(w.folded(at), "الجاري" | "الحالي");
    if digits && current(k) {
        return Some(k + 1);
    }
    (w.next_on_line(k) && w.folded(k) == "من" && current(k + 1)).then_some(k + 2)
}

/// A weekday (with or without the article, or abbreviated) at `k` with
/// something after it on its line: the weekday and the token where its
/// date would start (after `في` or a comma).
fn weekday_lead(w: &Words, k: usize) -> Option<(u32, usize)> {
    let (day, _) = w.find(k, |s| match s {
        Sense::Weekday(d) | Sense::BareWeekday(d) => Some(*d),
        _ => None,
    })?;
    if !w.next_on_line(k + 1) {
        return None;
    }
    // `الثلاثاء، 23 تموز`, `الجمعة في 12 يناير`, and the date the weekday
    // corresponds to (`يوم الجمعة الموافق 12 يناير 2024`, `الأحد، الموافق
    // 5 مايو`: the written date says which Friday).
    let mut d = k + 1;
    if matches!(w.folded(d), "," | "،") && w.next_on_line(d + 1) {
        d += 1;
    }
    if matches!(w.folded(d), "في" | "الموافق" | "الموافقه") && w.next_on_line(d + 1)
    {
        d += 1;
    }
    Some((day, d))
}

/// The date at `d` after weekday `day`: a day in digits (`Friday 2/15`,
/// `الأحد 15/2` too, without the year) or a month name
/// (before an ordinal, `الأربعاء الثانية من أكتوبر`, the weekday is counted,
/// so that is no date), in the year where it falls on that weekday.
fn date_on_weekday(w: &Words, day: u32, d: usize, year: i32) -> Option<Written> {
    if !(w.is_number(d) || one_month(w, d).is_some()) {
        return None;
    }
    written_date(w, d, year)
        .or_else(|| slashed_day_and_month(w, d, year))
        .map(|found| on_weekday(found, day))
}

/// A date written after weekday `day` without its year (`Fri, Jul 18`): in
/// the first year from the reference's on which it falls on that weekday,
/// as Duckling reads it (the weekday is what the writer checked).
fn on_weekday(found: Written, day: u32) -> Written {
    let (end, Some((mut when, confidence))) = found else {
        return found;
    };
    if when.anchor != Anchor::ReferenceYear || when.grain != Grain::Day {
        return (end, Some((when, confidence)));
    }
    let date = when.start.date();
    let matching = (0..28).find_map(|ahead| {
        let d = date.with_year(date.year() + ahead)?;
        (d.weekday().number_from_monday() == day).then_some(d)
    });
    if let Some(d) = matching {
        when.start = midnight(d);
    }
    (end, Some((when, confidence)))
}

/// A weekday and an ordinal day of no month (`Tuesday the 19th`, `Thu
/// 15th`, `Friday the twenty second`): the first such day from the
/// reference's month on, within a year.
fn weekday_and_day(cx: &Context, day: u32, i: usize) -> Option<Written> {
    let w = cx.words;
    let k = w.past_the(i);
    // `Friday the twenty second`: an English compound too.
    let (end, n) = ordinal_word(w, k)?;
    // An Arabic day is counted in the masculine (`اليوم الثالث`); the
    // feminine after a weekday is its hour (`الأحد في الثالثة`).
    if !w.folded(k).is_ascii() && w.raw(end - 1).ends_with('ة') {
        return None;
    }
    // `Tuesday the second of March` names its month.
    let after = if matches!(w.folded(end), "of" | "من") {
        end + 1
    } else {
        end
    };
    if !(1..=31).contains(&n) || w.next_on_line(after) && one_month(w, after).is_some() {
        return None;
    }
    let today = cx.reference.date();
    let first = today.with_day(1)?;
    let date = (0..12).find_map(|ahead| {
        let month = first.checked_add_months(chrono::Months::new(ahead))?;
        let d = month.with_day(n)?;
        (d >= today && d.weekday().number_from_monday() == day).then_some(d)
    })?;
    Some((end, Some((When::day(date, Anchor::Reference), 0.85))))
}

/// A date written with digits or a month name at `i`, with the token after
/// it; `None` inside for a date that does not exist (`31 فبراير 2024`).
pub(super) fn written_date(w: &Words, i: usize, reference_year: i32) -> Option<Written> {
    numeric_date(w, i)
        .or_else(|| named_date(w, i, reference_year))
        .or_else(|| year_after_word(w, i))
        .or_else(|| year_with_era(w, i))
}

/// A day of the year written with no year at `i` (`15 مارس`, `March 3`,
/// `3rd of March`, `the 3rd of March`, `4/15`): the token after it, the
/// month and the day. Read in a leap year, so that `29 فبراير` is one.
pub(super) fn day_of_any_year(w: &Words, i: usize) -> Option<(usize, u32, u32)> {
    const LEAP: i32 = 2024;
    let (end, found) = named_date(w, i, LEAP)
        .or_else(|| the_ordinal_day(w, i, LEAP))
        .or_else(|| slashed_day_and_month_at(w, i, LEAP))?;
    let (when, _) = found?;
    let yearless = when.anchor == Anchor::ReferenceYear && when.grain == Grain::Day;
    yearless.then(|| (end, when.start.month(), when.start.day()))
}

/// A year with no word before it but its era after it, which says it is a
/// year: `3100 ق.م`, `600 ق م`, `500 BC`, `500 B.C.` (astronomical, as ISO
/// 8601 numbers years before 1), `38 هـ`, `36 للهجرة` (a Hijri year), `14
/// a.d.`, `2014 AD`.
fn year_with_era(w: &Words, i: usize) -> Option<Written> {
    if !w.is_number(i) {
        return None;
    }
    if let Some(end) = anno_domini(w, i + 1) {
        let n = w.number(i)?.to_i64().filter(|n| (1..=9999).contains(n))?;
        let start = NaiveDate::from_ymd_opt(n as i32, 1, 1)?;
        let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
        return Some((end, Some((when, 0.9))));
    }
    let before_christ = before_christ(w, i + 1);
    let hijri = before_christ.map_or_else(|| super::hijri::era_at(w, i + 1), |_| None);
    if before_christ.is_none() && hijri.is_none() {
        return None;
    }
    // `القرن 17 ق.م.`, `القرن الـ4 الهجري` number a century, not a year.
    let century = |k: usize| {
        super::relative::unit_with_article(w, k) == Some(super::lexicon::TimeUnit::Century)
    };
    let drawn = i > 1 && w.folded(i - 1) == "ال" && w.glued(i - 1);
    let before = if drawn { i - 1 } else { i };
    if before > 0 && w.same_line(before - 1) && century(before - 1) {
        return None;
    }
    if let Some(end) = before_christ {
        // Prehistory is counted in five digits too (`16000 ق.م.`).
        let n = w.number(i)?.to_i64().filter(|n| (1..=99_999).contains(n))?;
        let start = NaiveDate::from_ymd_opt(1 - n as i32, 1, 1)?;
        let when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
        return Some((end, Some((when, 0.9))));
    }
    hijri_year(w, i)
}

/// A number at `k` with the Hijri era after it (`1445 هـ`, `36 للهجرة`):
/// the Hijri year.
fn hijri_year(w: &Words, k: usize) -> Option<Written> {
    let (n, _) = w.small_number(k)?;
    let end = super::hijri::era_at(w, k + 1)?;
    Some((end, super::hijri::year_when(n).map(|when| (when, 0.9))))
}

fn day_when(
    year: i32,
    month: u32,
    day: u32,
    anchor: Anchor,
    confidence: f32,
) -> Option<(When, f32)> {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (When::day(d, anchor), confidence))
}

fn month_when(year: i32, month: u32, anchor: Anchor, confidence: f32) -> Option<(When, f32)> {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| (When::new(midnight(d), Grain::Month, anchor), confidence))
}

/// The day number of token `i` (`23`, `٢٣`, `23rd`).
pub(super) fn day_number(w: &Words, i: usize) -> Option<u32> {
    if !w.is_number(i) {
        return None;
    }
    let raw = w.raw(i);
    let body = raw
        .get(..raw.len().saturating_sub(2))
        .filter(|_| english_ordinal(raw))
        .unwrap_or(raw);
    let (value, len) = digits(body)?;
    (len <= 2 && (1..=31).contains(&value)).then_some(value)
}

pub(super) fn year_number(w: &Words, i: usize) -> Option<i32> {
    let (value, len) = w.small_number(i)?;
    (len == 4).then_some(value as i32)
}

/// The month at `i` (one or two words, then an optional second name of the
/// same month after `/` or between brackets), the token after it, and
/// whether it was paired.
pub(super) fn month(w: &Words, i: usize) -> Option<(u32, usize, bool)> {
    w.months.get(i, || find_month(w, i))
}

fn find_month(w: &Words, i: usize) -> Option<(u32, usize, bool)> {
    let (month, next) = one_month(w, i)?;
    match second_name(w, next, month) {
        Some(after) => Some((month, after, true)),
        None => Some((month, next, false)),
    }
}

/// A second name of `month` at `i`, after `/` (`يوليو/تموز`) or between
/// brackets (`يناير (كانون الثاني)`, as news agencies gloss a month for
/// readers of the other calendar names): the token after it.
fn second_name(w: &Words, i: usize, month: u32) -> Option<usize> {
    let bracket = match w.raw(i) {
        "/" => false,
        "(" => true,
        _ => return None,
    };
    if !w.next_on_line(i) || !w.next_on_line(i + 1) {
        return None;
    }
    let (_, after) = one_month(w, i + 1).filter(|(m, _)| *m == month)?;
    match bracket {
        false => Some(after),
        true => (w.raw(after) == ")" && w.next_on_line(after)).then_some(after + 1),
    }
}

fn month_sense(s: &Sense) -> Option<u32> {
    match s {
        Sense::Month(m) => Some(*m),
        _ => None,
    }
}

fn one_month(w: &Words, i: usize) -> Option<(u32, usize)> {
    if !w.is_word(i) {
        return None;
    }
    if let Some(m) = w.find_pair(i, month_sense) {
        return Some((m, i + 2));
    }
    w.find(i, month_sense)
        .map(|(m, _)| (m, abbreviation_end(w, i)))
        .or_else(|| numbered_month(w, i))
}

/// The token after the month word at `i`, its period included when it is
/// an abbreviation written with one (`Jan. 5, 2024`, `Sept. 11`, as news
/// style writes them).
fn abbreviation_end(w: &Words, i: usize) -> usize {
    let period = w.raw(i + 1) == "." && w.glued(i);
    if period && super::lexicon::lexicon().is_abbreviated_month(w.folded(i)) {
        i + 2
    } else {
        i + 1
    }
}

/// A month by its number, as spoken in the Levant and Iraq: `شهر ثلاثة`,
/// `بشهر 10`, `الشهر الثامن` (month three, month 10, the eighth month).
fn numbered_month(w: &Words, i: usize) -> Option<(u32, usize)> {
    let f = w.folded(i);
    let word = strip_proclitic(f).filter(|r| *r == "شهر").unwrap_or(f);
    if !matches!(word, "شهر" | "الشهر") || !w.next_on_line(i + 1) {
        return None;
    }
    let (end, m) = if word == "الشهر" {
        super::number_words::ordinal(w, i + 1)?
    } else if let Some(Some(m)) = w.number(i + 1).map(|d| d.to_i64()) {
        (i + 2, u32::try_from(m).ok()?)
    } else {
        let a = super::number_words::amount(w, i + 1).filter(|a| a.words)?;
        (a.end, u32::try_from(a.value.to_i64()?).ok()?)
    };
    (1..=12).contains(&m).then_some((m, end))
}

/// Skips a comma at `i`, returning the next index.
fn skip_comma(w: &Words, i: usize) -> usize {
    if i < w.len() && matches!(w.raw(i), "," | "،") {
        i + 1
    } else {
        i
    }
}

/// A dash, slash or dot at `i` between the parts of a date, glued to the
/// part before it (`28-نوفمبر`, `12-مارس-2023`, `2/ أكتوبر`, `16. نوفمبر.
/// 2016`), with a part on its line after it: the separator and the token
/// after it. The second separator of a date must be its first one's
/// (`same`), so that a sentence's full stop after a month (`في 16 مارس.
/// 2016 كان`) is no separator; the caller reads a first dot only with a
/// second.
fn date_separator(w: &Words, i: usize, same: Option<&str>) -> Option<(&'static str, usize)> {
    if i == 0 || !w.next_on_line(i) || !w.glued(i - 1) || !w.next_on_line(i + 1) {
        return None;
    }
    let sep = ["-", "/", "."].into_iter().find(|s| *s == w.raw(i))?;
    same.is_none_or(|first| first == sep)
        .then_some((sep, i + 1))
}

/// A year of one to three digits with the Gregorian era after it, glued
/// or not (`عام 200 م`, `سنة 533م`: after a year word `م` is no metre), at
/// token `k`: the year and the token after the era.
fn early_year(w: &Words, k: usize) -> Option<(i32, usize)> {
    let (year, _) = w.small_number(k).filter(|&(y, len)| len <= 3 && y > 0)?;
    let era = w.next_on_line(k + 1) && w.raw(k + 1) == "م";
    era.then_some((year as i32, k + 2))
}

/// The era before Christ at `k`, after a year (`ق.م`, `ق م`, `قبل
/// الميلاد`, `BC`, `BCE`): the token after it.
pub(super) fn before_christ(w: &Words, k: usize) -> Option<usize> {
    if !w.next_on_line(k) {
        return None;
    }
    let two = |second: &str| w.next_on_line(k + 1) && w.folded(k + 1) == second;
    match w.folded(k) {
        "ق.م" | "bc" | "bce" => Some(k + 1),
        "b.c" | "b.c.e" => Some(abbreviation_dot(w, k)),
        "ق" if two("م") => Some(k + 2),
        "قبل" if two("الميلاد") => Some(k + 2),
        _ => None,
    }
}

/// The era after Christ at `k`, after a year (`AD`, `CE`, `A.D.`, `c.e.`):
/// the token after it (after the last dot of the abbreviation, glued to
/// it). In capitals or with its dots: `ad` alone is a word (`500 ad
/// slots`).
pub(super) fn anno_domini(w: &Words, k: usize) -> Option<usize> {
    if !w.next_on_line(k) {
        return None;
    }
    match w.folded(k) {
        "ad" | "ce" => matches!(w.raw(k), "AD" | "CE").then_some(k + 1),
        "a.d" | "c.e" => Some(abbreviation_dot(w, k)),
        _ => None,
    }
}

/// The token after a dotted abbreviation at `k` (`A.D`, `B.C`), its last
/// dot included when glued to it (`A.D.`).
fn abbreviation_dot(w: &Words, k: usize) -> usize {
    if w.next_on_line(k + 1) && w.glued(k) && w.raw(k + 1) == "." {
        k + 2
    } else {
        k + 1
    }
}

/// `م` (Gregorian era) glued after a year, or an era spaced after it.
fn skip_era(w: &Words, i: usize) -> usize {
    if let Some(end) = anno_domini(w, i) {
        return end;
    }
    let glued = i > 0 && w.glued(i - 1) && w.raw(i) == "م";
    // After a year a word names, or a month, the era spaced (`عام 1882 م`,
    // `عام 1882 ميلادية`) is no unit of measure.
    let spaced = w.next_on_line(i)
        && matches!(
            w.folded(i),
            "م" | "ميلادي" | "ميلاديه" | "الميلادي" | "الميلاديه" | "للميلاد"
        );
    i + usize::from(glued || spaced)
}

fn english_ordinal(raw: &str) -> bool {
    raw.len() > 2
        && raw.is_char_boundary(raw.len() - 2)
        && super::number_words::is_ordinal_suffix(&raw[raw.len() - 2..])
}

/// `2024-07-23`, `2024/07/23`, `23/07/2024`, `23-07-2024`, `23.07.2024`,
/// and the US month-first `07/23/2024` (see [`day_and_month`]); with the
/// Hijri era after it (`1445/8/4 هـ`), a Hijri date; the Gregorian era
/// after a year of four digits (`2024/2/14م`) joins the span.
fn numeric_date(w: &Words, i: usize) -> Option<Written> {
    if !w.is_number(i) {
        return None;
    }
    let raw = w.raw(i);
    let sep = ['-', '/', '.'].into_iter().find(|&s| raw.contains(s))?;
    let parts: Vec<(u32, usize)> = raw.split(sep).map(digits).collect::<Option<_>>()?;
    if let [a, b] = parts.as_slice() {
        return numeric_month(w, i, sep, *a, *b);
    }
    let (y, m, d) = match parts.as_slice() {
        [(y, 4), (m, 1..=2), (d, 1..=2)] => (*y, *m, *d),
        [(a, 1..=2), (b, 1..=2), (y, 4)] => {
            let (d, m) = day_and_month(*a, *b);
            (*y, m, d)
        }
        // `10/31/74`, `3-3-15`: a year of two digits, 1969-2068 as POSIX
        // `strptime` reads them; not after dots, where `1.2.15` is a version.
        [(a, 1..=2), (b, 1..=2), (y, 2)] if sep != '.' => {
            let (d, m) = day_and_month(*a, *b);
            let century = if *y >= 69 { 1900 } else { 2000 };
            (century + *y, m, d)
        }
        _ => return None,
    };
    // `1445/8/4 هـ`, `4/8/1445هـ`: a Hijri date when its era follows.
    if let Some(end) = hijri::era_at(w, i + 1) {
        let (date, calendar) = hijri::to_gregorian(i64::from(y), m, d)?;
        let mut when = When::day(date, Anchor::Absolute);
        when.calendar = calendar;
        return Some((end, Some((when, 0.95))));
    }
    let end = if parts[parts.len() - 1].1 == 4 || parts[0].1 == 4 {
        skip_era(w, i + 1)
    } else {
        i + 1
    };
    Some((end, day_when(y as i32, m, d, Anchor::Absolute, 0.95)))
}

/// A month written in digits with its year, one token (`2016/11`,
/// `2016-11`, `11/2016`, `3-2015`; `a` and `b` the two numbers with their
/// digit counts): that month. Not with a dot (`2015.3` is a decimal), not
/// a year and the next one's last two digits (`2010-11`, `2011/12`: a
/// season, a fiscal year), nor a number's reference (`رقم 3/2015`, `No.
/// 5/2016`: a law, a case).
fn numeric_month(
    w: &Words,
    i: usize,
    sep: char,
    a: (u32, usize),
    b: (u32, usize),
) -> Option<Written> {
    let (y, m) = match (a, b) {
        ((y, 4), (m, 1..=2)) if !(b.1 == 2 && m == (y + 1) % 100) => (y, m),
        ((m, 1..=2), (y, 4)) => (y, m),
        _ => return None,
    };
    let number_word = |k: usize| matches!(w.folded(k), "رقم" | "no" | "number" | "nr" | "#");
    let numbered = i > 0
        && w.next_on_line(i)
        && (number_word(i - 1) || i > 1 && w.folded(i - 1) == "." && number_word(i - 2));
    if sep == '.' || numbered || !intervals::BARE_YEARS.contains(&y) {
        return None;
    }
    Some((i + 1, month_when(y as i32, m, Anchor::Absolute, 0.9)))
}

/// The day and month of a numeric date whose year comes last, from its
/// first two numbers `a` and `b`. Day first (`23/07/2024`), as the Arab
/// world, Europe and most of the rest write it, unless `b` cannot be a
/// month while `a` can: then month first, the US order (`07/23/2024`).
/// A date both ways (`03/04/2024`) stays day first, 3 April: the text does
/// not say whose convention it follows, and day first is the one of most
/// writers (and of every Arabic-script text).
///
/// ```text
/// (23, 7) -> (23, 7)    (7, 23) -> (23, 7)    (3, 4) -> (3, 4)
/// ```
pub(super) fn day_and_month(a: u32, b: u32) -> (u32, u32) {
    if b > 12 && (1..=12).contains(&a) {
        (b, a)
    } else {
        (a, b)
    }
}

/// `23 يوليو 2024`, `23rd, July 2024`, `July 23, 2024`, `مارس/آذار 2012`,
/// `23 تموز`, `الأول من شباط`, and a paired month alone (`يوليو/تموز`).
fn named_date(w: &Words, i: usize, reference_year: i32) -> Option<Written> {
    if let Some((day, after_day)) = day_number(w, i)
        .map(|d| (d, i + 1))
        .or_else(|| ordinal_day(w, i))
    {
        let (after_day, sep) = match date_separator(w, after_day, None) {
            Some((sep, after)) => (after, Some(sep)),
            None => (skip_comma(w, after_day), None),
        };
        let after_day =
            if matches!(w.folded(after_day), "من" | "of") && w.next_on_line(after_day + 1) {
                skip_month_word(w, after_day + 1)
            } else {
                after_day
            };
        let (month, next, _) = month(w, after_day)?;
        let year_at = sep
            .and_then(|sep| date_separator(w, next, Some(sep)))
            .map_or(next, |(_, after)| after);
        if let Some((year, end)) = year_written_after(w, year_at) {
            return Some((end, day_when(year, month, day, Anchor::Absolute, 0.95)));
        }
        // A dot after the day may end a sentence (`قتل 12. مارس كان`): a
        // date only when a dot and a year follow the month too.
        if sep == Some(".") {
            return None;
        }
        if let Some((year, end)) = year_said_after(w, next, reference_year) {
            return Some((end, day_when(year, month, day, Anchor::Reference, 0.9)));
        }
        return Some((
            next,
            day_when(reference_year, month, day, Anchor::ReferenceYear, 0.8),
        ));
    }
    let (month, next, paired) = month(w, i)?;
    if let Some((day, after_day)) = day_after_month(w, i, next) {
        if let Some((year, end)) = year_written_after(w, after_day) {
            return Some((end, day_when(year, month, day, Anchor::Absolute, 0.95)));
        }
        if let Some((year, end)) = year_said_after(w, after_day, reference_year) {
            return Some((end, day_when(year, month, day, Anchor::Reference, 0.9)));
        }
        // `June 5 and 6, 2023`: the year after the last day of the list.
        if let Some((year, _)) = coordinated::year_after_days(w, after_day) {
            return Some((after_day, day_when(year, month, day, Anchor::Absolute, 0.9)));
        }
        // No year: a comma after the day ends the clause, not the date
        // (`On July 4, officials said`).
        return Some((
            after_day,
            day_when(reference_year, month, day, Anchor::ReferenceYear, 0.8),
        ));
    }
    if let Some((year, end)) = year_written_after(w, next) {
        return Some((end, month_when(year, month, Anchor::Absolute, 0.9)));
    }
    // `you may next year`: the verb.
    let capitalised = month_case_fits(w, i);
    if let Some((year, end)) = year_said_after(w, next, reference_year).filter(|_| capitalised) {
        return Some((end, month_when(year, month, Anchor::Reference, 0.85)));
    }
    if paired {
        return Some((
            next,
            month_when(reference_year, month, Anchor::ReferenceYear, 0.75),
        ));
    }
    None
}

/// The year written after a month, or a day and a month, ending at `at`:
/// `2024`, `, 2024`, `عام 2003`, `من العام 1901` ("of the year 1901"),
/// each on the month's line. The year and the token after it (and after
/// the era `م` glued to it).
pub(super) fn year_written_after(w: &Words, at: usize) -> Option<(i32, usize)> {
    let year_word = |k: usize| {
        w.next_on_line(k)
            && w.find(k, |s| matches!(s, Sense::YearWord).then_some(()))
                .is_some()
    };
    let mut k = skip_comma(w, at);
    if w.folded(k) == "من" && w.next_on_line(k) && year_word(k + 1) {
        k += 1;
    }
    if year_word(k) {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    if let Some(year) = year_number(w, k) {
        return Some((year, skip_era(w, k + 1)));
    }
    let (year, end) = year_in_words(w, k)?;
    Some((year, skip_era(w, end)))
}

/// A year written in number words (`ألف وتسعمائة وواحد`, `ألفين وعشرين`,
/// `two thousand twenty`): a whole number of 1000 to 2999 spelled out, and
/// the token after it. For where a year is expected (after `عام` or a
/// date); alone it is a number. Not before a noun it may count (`قتل عام
/// ألف شخص`: a thousand people), as for a bare year.
pub(super) fn year_in_words(w: &Words, k: usize) -> Option<(i32, usize)> {
    if w.is_number(k) {
        return None;
    }
    let found = super::number_words::amount(w, k)?;
    let spelled = (k..found.end).all(|j| !w.is_number(j));
    let year = found.value.to_i64().filter(|y| (1000..3000).contains(y))?;
    let end = found.end;
    let era = skip_era(w, end) > end;
    let no_noun = era || !counted(w, end) && ends_a_bare_year(w, end);
    (spelled && found.value.is_integer() && no_noun).then_some((year as i32, end))
}

/// Whether the month name at `i` is written as a month alone must be: an
/// English one capitalised (`we may and will`, `you may next year`: the
/// verb); other scripts have no case.
pub(super) fn month_case_fits(w: &Words, i: usize) -> bool {
    !w.raw(i).is_ascii() || w.raw(i).starts_with(|c: char| c.is_ascii_uppercase())
}

/// The year said relative to the reference after a month, or a day and a
/// month, ending at `at`, on its line: `من العام الماضي`, `من هذا العام`,
/// `العام المقبل`, `of last year`, `next year`. The reference year moved by
/// its direction, and the token after it.
pub(super) fn year_said_after(w: &Words, at: usize, reference_year: i32) -> Option<(i32, usize)> {
    let mut k = at;
    if matches!(w.folded(k), "من" | "of") && w.next_on_line(k) {
        k += 1;
    }
    if !w.next_on_line(k) || !w.next_on_line(k + 1) {
        return None;
    }
    let year = |j: usize| relative::unit_with_article(w, j) == Some(TimeUnit::Year);
    // `هذا العام`, `last year`; `العام الماضي` (Arabic only: the direction
    // after the unit).
    let direction = match relative::direction_or_this(w, k) {
        Some(d) if year(k + 1) => d,
        _ if !w.folded(k).is_ascii() && year(k) => relative::direction_at(w, k + 1)?,
        _ => return None,
    };
    Some((reference_year + direction, k + 2))
}

/// The day after a month at `i` (its name ending at `next`): digits (`July
/// 23`, `يوليو 23`), `the` and an ordinal (`February the 15th`, `May the
/// first`), or an English ordinal word after a capitalised month (`March
/// first`; in `you may first`, `may` is the verb). The day and the token
/// after it.
fn day_after_month(w: &Words, i: usize, next: usize) -> Option<(u32, usize)> {
    if !w.next_on_line(next) {
        return None;
    }
    if let Some(day) = day_number(w, next) {
        return Some((day, next + 1));
    }
    let (at, article) = if w.folded(next) == "the" && w.next_on_line(next + 1) {
        (next + 1, true)
    } else {
        (next, false)
    };
    let capitalised = w.raw(i).starts_with(|c: char| c.is_ascii_uppercase());
    let english_word = w.is_word(at) && w.raw(at).is_ascii();
    if !(article || english_word) {
        return None;
    }
    let (end, day) = ordinal_word(w, at)?;
    // Lower case, `march` and `may` are as often verbs (`we march first
    // to`, `they may second it`): their ordinal day must end the clause or
    // come before its year.
    let verb = matches!(w.folded(i), "march" | "may");
    let clause_ends =
        !(w.next_on_line(end) && w.is_word(end)) || year_number(w, skip_comma(w, end)).is_some();
    let fits = article || capitalised || !verb || clause_ends;
    ((1..=31).contains(&day) && fits).then_some((day, end))
}

/// An ordinal in words or with a suffix: Arabic (`الأول`, `الحادي
/// والعشرين`), English (`first`, `21st`) and English compounds
/// (`twenty-fifth`, `thirty first`). The token after it and its value.
fn ordinal_word(w: &Words, i: usize) -> Option<(usize, u32)> {
    super::number_words::english_compound_ordinal(w, i)
        .or_else(|| super::number_words::ordinal(w, i))
}

/// `شهر` (month) before a month name: `الأول من شهر شباط`.
fn skip_month_word(w: &Words, i: usize) -> usize {
    if matches!(w.folded(i), "شهر" | "month") && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    }
}

/// A day written as an ordinal word (`الأول`, `الرابع`, `الثالث عشر`), only
/// when a month follows (checked by the caller).
fn ordinal_day(w: &Words, i: usize) -> Option<(u32, usize)> {
    if !w.is_word(i) {
        return None;
    }
    // `والسادس من يونيو`: the last of a list of ordinal days.
    let (end, value) =
        ordinal_word(w, i).or_else(|| super::number_words::ordinal_after_and(w, i))?;
    let mut k = end;
    if matches!(w.folded(k), "من" | "of") {
        k += 1;
    }
    let k = skip_month_word(w, k);
    ((1..=31).contains(&value) && w.next_on_line(k) && one_month(w, k).is_some())
        .then_some((value, end))
}

/// `عام 2022`, `العام 2022`, `وسنة ١٩٩٩`, `year 2022`, `عام 641 م`, and
/// years before Christ (`عام 3100 ق.م`: -3099, as ISO 8601 numbers them).
pub(super) fn year_after_word(w: &Words, i: usize) -> Option<Written> {
    if !w.is_word(i) || !w.same_line(i) {
        return None;
    }
    w.find(i, |s| matches!(s, Sense::YearWord).then_some(()))?;
    // `عام 1445 هـ`, `سنة 36 للهجرة`: a year of the Hijri era.
    if let Some(found) = hijri_year(w, i + 1) {
        return Some(found);
    }
    let (year, end) = match (w.small_number(i + 1), before_christ(w, i + 2)) {
        // Astronomical numbering, as ISO 8601 writes it: 1 BC is year 0.
        (Some((n, _)), Some(end)) if n > 0 => (1 - n as i32, end),
        (Some((n, 4)), None) => (n as i32, skip_era(w, i + 2)),
        _ => match year_in_words(w, i + 1).filter(|_| w.next_on_line(i + 1)) {
            Some((year, end)) => (year, skip_era(w, end)),
            None => early_year(w, i + 1)?,
        },
    };
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some((
        end,
        Some((
            When::new(midnight(start), Grain::Year, Anchor::Absolute),
            0.9,
        )),
    ))
}

/// The first day of the week (Monday) of `date`.
pub(super) fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}
