//! A start and how long it runs: one interval (`from 18th Dec for 10
//! days`, `starting Monday for two weeks`, `from 4pm for thirty minutes`,
//! `اعتبارا من اليوم ولمدة ثلاثة أيام`, `من 18 ديسمبر لمدة 10 أيام`). The
//! start is a time said as one (`from`, `starting`, `اعتبارا من`: the
//! start of an open interval, or after the Arabic `من`), and the amount
//! follows `for`, `لمدة` or `ولمدة`. A time without such a word keeps its
//! amount apart (`jailed on Monday for 10 years` is a day and a sentence).
//! The interval runs from the start for that long, at the finer of the
//! start's grain and the amount's unit (`from 4pm for thirty minutes`: a
//! minute).

use chrono::{Duration, NaiveDateTime};

use super::dates::When;
use super::number_bounds::Placed;
use super::open_ends::{from_before, local, time_of};
use super::relative::date_after;
use super::{Context, DurationValue, EntityKind, Grain, TimeBound, TimeUnit, Value};

/// The entities of the pass with each start and the amount of time it
/// runs for right after it joined into one interval.
pub(super) fn join_starts_and_amounts(cx: &Context, placed: Vec<Placed>) -> Vec<Placed> {
    super::number_bounds::join_neighbours(placed, |before, p| runs_for(cx, before, p))
}

/// `before` and the amount `p` as one interval, when `p` is how long
/// `before` runs.
fn runs_for(cx: &Context, before: &Placed, p: &Placed) -> Option<Placed> {
    let w = cx.words;
    let first = time_of(before)?;
    let Value::Duration(amount) = &p.entity.value else {
        return None;
    };
    let for_between =
        before.end + 1 == p.start && matches!(w.folded(before.end), "for" | "لمده" | "ولمده");
    if !for_between || first.end.is_some() {
        return None;
    }
    let from_word = from_before(cx, before, first);
    if first.bound != Some(TimeBound::After) && !from_word {
        return None;
    }
    let start = local(cx, &first.iso)?;
    let end = moved_by(start, amount)?;
    if end <= start {
        return None;
    }
    let grain = first.grain.max(unit_grain(amount.unit?));
    let mut when = When::new(start, grain, first.anchor);
    when.end = Some(end);
    let start_token = before.start - usize::from(from_word);
    let found = when.found(cx, start_token, p.end, 0.85);
    Some(Placed {
        start: start_token,
        end: p.end,
        entity: found.entity.filter(|e| e.kind == EntityKind::DateTime)?,
    })
}

/// `start` moved on by a whole number of one unit: days and longer on the
/// calendar, hours and shorter by the clock.
fn moved_by(start: NaiveDateTime, amount: &DurationValue) -> Option<NaiveDateTime> {
    let unit = amount.unit?;
    let n: i64 = amount.amount.parse().ok()?;
    let seconds = |per: i64| start.checked_add_signed(Duration::try_seconds(n.checked_mul(per)?)?);
    match unit {
        TimeUnit::Second => seconds(1),
        TimeUnit::Minute => seconds(60),
        TimeUnit::Hour => seconds(3600),
        unit => Some(date_after(start.date(), unit, n)?.and_time(start.time())),
    }
}

/// The grain a unit counts in (a week counts days).
fn unit_grain(unit: TimeUnit) -> Grain {
    match unit {
        TimeUnit::Second => Grain::Second,
        TimeUnit::Minute => Grain::Minute,
        TimeUnit::Hour => Grain::Hour,
        TimeUnit::Day | TimeUnit::Week => Grain::Day,
        TimeUnit::Month => Grain::Month,
        TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => Grain::Year,
    }
}
