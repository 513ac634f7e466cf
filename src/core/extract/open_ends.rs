//! Two times side by side where the second is where the first runs
//! until: one interval (`منذ عام 2011 حتى الآن`, `من اليوم حتى نهاية
//! الشهر`, `from today till tomorrow`, `today until next Sunday`, `since
//! March until now`). The first is a time with no bound or the start of an
//! open interval (`منذ`, `since`, `from`); the second the end of one said
//! with `حتى`, `until`, `till` or `through` (not `before` or `by`, which
//! say no more than a deadline), or a start and an end with `but` between
//! them (`later than 9:30 but before 11:00`); or a start said with `from`
//! or `من` and a time after `to` or `إلى` (`from 4pm today to 5pm
//! tomorrow`), or two times after `between` joined by `and`, which the
//! rules of two times (`intervals.rs`) left apart. The interval runs from
//! the first's start to the second's end, at the finer of their grains.

use chrono::{Duration, Months, NaiveDate, NaiveDateTime};

use super::dates::When;
use super::number_bounds::Placed;
use super::{clock, Context, EntityKind, Grain, TimeBound, TimeValue, Value};

/// The entities of the pass with each time and the `until` time right
/// after it joined into one interval.
pub(super) fn join_open_ends(cx: &Context, placed: Vec<Placed>) -> Vec<Placed> {
    let placed = placed.into_iter().map(|p| to_date_after(cx, p)).collect();
    super::number_bounds::join_neighbours(placed, |before, p| until_after(cx, before, p))
}

/// `p`, a start said with `from` or `since`, as the interval to the
/// reference when `to date` follows it (`from January to date`, `since
/// 2010 to date`), as `until now` ends one; else `p` as it is. Not before
/// a word `date` is the verb of (`to date her`) or a noun.
fn to_date_after(cx: &Context, p: Placed) -> Placed {
    let w = cx.words;
    let to_date = (p.end..p.end + 2).all(|k| w.next_on_line(k))
        && w.folded(p.end) == "to"
        && w.folded(p.end + 1) == "date";
    let after = p.end + 2;
    let object = w.next_on_line(after)
        && matches!(
            w.folded(after),
            "her" | "him" | "them" | "me" | "us" | "you" | "someone" | "anyone"
        );
    let start_word = matches!(w.folded(p.start), "from" | "since");
    let since = time_of(&p).is_some_and(|t| t.bound == Some(TimeBound::After));
    if !since || !to_date || !start_word || object || w.noun_follows(after) {
        return p;
    }
    let now = cx.reference.local + Duration::seconds(1);
    let Some(start) = start_before(cx, &p, now).filter(|start| *start < now) else {
        return p;
    };
    // The end is the reference's, whatever the start's anchor.
    let mut when = When::new(start, Grain::Second, super::Anchor::Reference);
    when.end = Some(now);
    match when.found(cx, p.start, after, 0.85).entity {
        Some(entity) => Placed {
            start: p.start,
            end: after,
            entity,
        },
        None => p,
    }
}

/// `before` and `p` as one interval, when `p` is the `until` end right
/// after it.
fn until_after(cx: &Context, before: &Placed, p: &Placed) -> Option<Placed> {
    let (first, last) = (time_of(before)?, time_of(p)?);
    // A time with its own end is no start (`خلال ثلاثة أشهر حتى يونيو`:
    // the three months to June, not from the reference), unless `since`
    // or `من` says its start is one (`منذ بداية العام وحتى الآن`, `من
    // بداية العام حتى اليوم`: from 1 January).
    let since = first.bound == Some(TimeBound::After);
    let starts =
        (first.bound.is_none() && first.end.is_none()) || since || from_before(cx, before, first);
    if !starts || !until_between(cx, before, p, (first, last)) {
        return None;
    }
    let grain = first.grain.max(last.grain);
    // A last day, month or year coarser than the first runs to its own
    // end (`between January 1st 2015 and Feb 2018` to 1 March, `from 9am
    // today to tomorrow` to the day after); else to the last plus the
    // finer grain, as Duckling ends intervals (`from 9:30 to 11` to 11:01).
    let end_grain = if last.grain <= Grain::Day && last.grain < first.grain {
        last.grain
    } else {
        grain
    };
    let end = match &last.end {
        Some(end) => local(cx, end)?,
        None => after(local(cx, &last.iso)?, end_grain)?,
    };
    let start = start_before(cx, before, end)?;
    // A time of day said alone first runs to a time of its own day (`later
    // than 9:30 but before 11:00 on Thursday`: the day is said of the end
    // only); one said with its day may run to another day (`من الساعة 4
    // مساءً اليوم حتى 5 مساءً غدًا`, `from Monday 9am to Tuesday 5pm`,
    // whose first time is on no reference day).
    let other_day = end.date() != start.date() && last.grain >= Grain::Hour;
    let alone = || start.date() == cx.reference.date() && time_alone(cx, before);
    if end <= start || other_day && alone() {
        return None;
    }
    let anchor = if first.anchor == super::Anchor::Absolute {
        last.anchor
    } else {
        first.anchor
    };
    let mut when = When::new(start, grain, anchor);
    when.end = Some(end);
    let word_before = from_before(cx, before, first) || between_before(cx, before);
    let start_token = before.start - usize::from(word_before);
    let found = when.found(cx, start_token, p.end, 0.85);
    Some(Placed {
        start: start_token,
        end: p.end,
        entity: found.entity?,
    })
}

/// Where the interval starts: at the first time `before`, or a year
/// earlier when it is a month named without its year that the reference
/// placed at or after the end (`from November until now` in February:
/// the November just past, not the next).
fn start_before(cx: &Context, before: &Placed, end: NaiveDateTime) -> Option<NaiveDateTime> {
    let first = time_of(before)?;
    let start = local(cx, &first.iso)?;
    let month_name =
        |s: &super::lexicon::Sense| matches!(s, super::lexicon::Sense::Month(_)).then_some(());
    let named_month = first.grain == Grain::Month
        && first.anchor == super::Anchor::Reference
        && cx.words.find_whole(before.end - 1, month_name).is_some();
    if start >= end && named_month {
        return start.checked_sub_months(Months::new(12));
    }
    Some(start)
}

/// Whether the Arabic `من` (from) stands right before the time `p` with no
/// bound of its own (`من اليوم حتى`, `من 18 ديسمبر لمدة 10 أيام`): alone
/// it is as often "of"; before a time that runs until another or for an
/// amount, it is "from", in the interval's span.
pub(super) fn from_before(cx: &Context, p: &Placed, time: &TimeValue) -> bool {
    let w = cx.words;
    p.start > 0 && time.bound.is_none() && w.folded(p.start - 1) == "من" && w.next_on_line(p.start)
}

/// Whether `p` is where `before` runs until: `p` starts with the word
/// (`حتى الآن`, `وحتى الآن`, `until now`), or follows it with no bound of
/// its own (`وحتى` before a time no bound reads); or
/// `before` is a start, `p` an end and `but` between them (`later than
/// 9:30 but before 11:00`).
fn until_between(
    cx: &Context,
    before: &Placed,
    p: &Placed,
    times: (&TimeValue, &TimeValue),
) -> bool {
    let (first, last) = times;
    let w = cx.words;
    let until = |k: usize| {
        matches!(
            bound_word(w.folded(k)),
            "حتي" | "until" | "till" | "til" | "through" | "thru"
        )
    };
    let joined_by =
        |words: &[&str]| before.end + 1 == p.start && words.contains(&w.folded(before.end));
    match last.bound {
        Some(TimeBound::Before) if joined_by(&["but"]) => first.bound == Some(TimeBound::After),
        Some(TimeBound::Before) => before.end == p.start && until(p.start),
        None if joined_by(&["وحتي"]) => true,
        // `from 4pm today to 5pm tomorrow`, `من الساعة 8 صباح اليوم إلى
        // الساعة 5 مساء غد`: a start said with `from` or `من`, then `to`.
        None if joined_by(&["to", "الي"]) => said_from(cx, before, first),
        None if joined_by(&["and"]) => between_before(cx, before),
        _ => false,
    }
}

/// Whether the time `p` is said with `from` or `منذ` (in its span, as its
/// bound) or the Arabic `من` right before it ([`from_before`]).
fn said_from(cx: &Context, p: &Placed, time: &TimeValue) -> bool {
    // `منذ عام 2000 إلى عام 2008`: since, then to, as from.
    let from_word = matches!(bound_word(cx.words.folded(p.start)), "from" | "منذ");
    let said = time.bound == Some(TimeBound::After) && from_word;
    said || from_before(cx, p, time)
}

/// A bound word without the `و` or `ف` glued before it (`ومنذ`, `فحتى`),
/// else `folded` as it is.
fn bound_word(folded: &str) -> &str {
    super::dates::after_conjunction(folded).unwrap_or(folded)
}

/// Whether `between` stands right before the time `p` (`between 4pm on
/// Jan 1, 2016 and 5pm today`): the interval's span starts with it.
fn between_before(cx: &Context, p: &Placed) -> bool {
    let w = cx.words;
    p.start > 0 && w.folded(p.start - 1) == "between" && w.next_on_line(p.start)
}

/// Whether `p` ends with a time of day said without its day (`later than
/// 9:30`): a time read from one of its tokens ends where it ends.
fn time_alone(cx: &Context, p: &Placed) -> bool {
    (p.start..p.end).any(|k| clock::time_of_day(cx, k).is_some_and(|(end, _)| end == p.end))
}

/// The time value of a date or time entity of the Gregorian calendar.
pub(super) fn time_of(p: &Placed) -> Option<&TimeValue> {
    match &p.entity.value {
        Value::DateTime(t)
            if p.entity.kind == EntityKind::DateTime
                && t.calendar == super::Calendar::Gregorian =>
        {
            Some(t)
        }
        _ => None,
    }
}

/// The local time an ISO value of [`TimeValue`] names (`2011`, `2011-03`,
/// `2011-03-05`, `2011-03-05T06:30:00+03:00`); `None` for a time in another
/// offset than the document's zone gives it there (a zone the text
/// named), which one interval in that zone could not keep.
pub(super) fn local(cx: &Context, iso: &str) -> Option<NaiveDateTime> {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let t = match iso.len() {
        4 => date(&format!("{iso}-01-01"))?.and_hms_opt(0, 0, 0)?,
        7 => date(&format!("{iso}-01"))?.and_hms_opt(0, 0, 0)?,
        10 => date(iso)?.and_hms_opt(0, 0, 0)?,
        _ => {
            let t = NaiveDateTime::parse_from_str(iso.get(..19)?, "%Y-%m-%dT%H:%M:%S").ok()?;
            let offset = chrono::DateTime::parse_from_rfc3339(iso)
                .ok()?
                .offset()
                .local_minus_utc();
            if offset != cx.reference.zone.offset_at(t) {
                return None;
            }
            t
        }
    };
    Some(t)
}

/// The end of the `grain` starting at `t` (the interval's end: its last
/// time plus the interval's grain, as `intervals` ends two times).
fn after(t: NaiveDateTime, grain: Grain) -> Option<NaiveDateTime> {
    match grain {
        Grain::Year => t.checked_add_months(Months::new(12)),
        Grain::Quarter => t.checked_add_months(Months::new(3)),
        Grain::Month => t.checked_add_months(Months::new(1)),
        Grain::Week => t.checked_add_signed(Duration::weeks(1)),
        Grain::Day => t.checked_add_signed(Duration::days(1)),
        Grain::Hour => t.checked_add_signed(Duration::hours(1)),
        Grain::Minute => t.checked_add_signed(Duration::minutes(1)),
        Grain::Second => t.checked_add_signed(Duration::seconds(1)),
    }
}
