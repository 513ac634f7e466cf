//! Amounts of time: a number and a unit (`ثلاث سنوات`, `5 hours`), a dual
//! unit (`سنتين`, `ساعتان`), a unit alone (`أسبوع`: one), with an added half
//! or quarter (`ساعة ونصف`), and `عقد من الزمن`.

use super::decimal::Dec;
use super::lexicon::{Count, NumRole, Sense, TimeUnit};
use super::number_words::amount;
use super::words::Words;
use super::{Context, DurationValue, Entity, EntityKind, Found, Value};

/// An amount of time found at some token.
#[derive(Clone, Copy)]
pub(super) struct AmountOfTime {
    pub end: usize,
    pub count: Dec,
    pub unit: TimeUnit,
    /// A unit word alone (`عام`), without a number.
    pub bare: bool,
}

fn unit_sense(s: &Sense) -> Option<(TimeUnit, Count)> {
    match s {
        Sense::Unit(u, c) => Some((*u, *c)),
        _ => None,
    }
}

/// An amount of time at token `i`.
pub(super) fn amount_of_time(w: &Words, i: usize) -> Option<AmountOfTime> {
    w.amounts_of_time.get(i, || find_amount_of_time(w, i))
}

fn find_amount_of_time(w: &Words, i: usize) -> Option<AmountOfTime> {
    if let Some(number) = amount(w, i).filter(|a| w.next_on_line(a.end)) {
        let (unit, count) = w.find_whole(number.end, unit_sense)?;
        // A dual takes no number; `سنة 2015` after a number is a year.
        let year_follows = w.next_on_line(number.end + 1)
            && w.small_number(number.end + 1).is_some_and(|(_, l)| l == 4);
        if count == Count::Two || count == Count::One && year_follows {
            return None;
        }
        return Some(with_fraction(w, number.end + 1, number.value, unit, false));
    }
    let article = matches!(w.folded(i), "a" | "an") && w.next_on_line(i + 1);
    let at = if article { i + 1 } else { i };
    let (unit, count) = w.find_whole(at, unit_sense)?;
    let n = match count {
        Count::One => 1,
        Count::Two => 2,
        Count::Plural => return None,
    };
    let found = with_fraction(
        w,
        at + 1,
        Dec::int(n),
        unit,
        count == Count::One && !article,
    );
    // A unit word alone before another word is a noun in a phrase (يوم
    // الخميس, ساعة الصفر), not an amount; `واحد` after it says "one".
    if found.bare && found.end == at + 1 && w.next_on_line(at + 1) {
        let next = w.folded(at + 1);
        if matches!(next, "واحد" | "واحده") {
            return Some(AmountOfTime {
                end: at + 2,
                bare: false,
                ..found
            });
        }
        if next == "من" && matches!(w.folded(at + 2), "الزمن" | "الوقت") {
            return Some(AmountOfTime {
                end: at + 3,
                ..found
            });
        }
        if w.is_word(at + 1) || w.is_number(at + 1) {
            return None;
        }
    }
    Some(found)
}

/// Adds `ونصف`/`وربع`/`and a half` after a unit.
fn with_fraction(w: &Words, end: usize, count: Dec, unit: TimeUnit, bare: bool) -> AmountOfTime {
    let plain = AmountOfTime {
        end,
        count,
        unit,
        bare,
    };
    if !w.next_on_line(end) {
        return plain;
    }
    let (at, conj) = if w.folded(end) == "و" {
        (end + 1, true)
    } else {
        (end, false)
    };
    let fraction = w.find(at, |s| match s {
        Sense::Num(v, NumRole::Fraction) => Some(*v),
        _ => None,
    });
    match fraction {
        Some((f, form)) if conj || form == super::words::Form::Proclitic => match count.add(f) {
            Some(count) => AmountOfTime {
                end: at + 1,
                count,
                unit,
                bare: false,
            },
            None => plain,
        },
        _ => plain,
    }
}

/// Seconds in a unit: a year is 365.2425 days (the Gregorian mean), a
/// month a twelfth of it.
pub(super) fn unit_seconds(unit: TimeUnit) -> f64 {
    const YEAR: f64 = 365.2425 * 86_400.0;
    match unit {
        TimeUnit::Second => 1.0,
        TimeUnit::Minute => 60.0,
        TimeUnit::Hour => 3600.0,
        TimeUnit::Day => 86_400.0,
        TimeUnit::Week => 7.0 * 86_400.0,
        TimeUnit::Month => YEAR / 12.0,
        TimeUnit::Year => YEAR,
        TimeUnit::Decade => 10.0 * YEAR,
        TimeUnit::Century => 100.0 * YEAR,
    }
}

/// ISO 8601 duration of `count` units: `P3Y`, `PT2H`, `P1.5D`, `P10Y` (a decade).
pub(super) fn iso_duration(count: Dec, unit: TimeUnit) -> Option<String> {
    let (n, designator, time) = match unit {
        TimeUnit::Second => (count, 'S', true),
        TimeUnit::Minute => (count, 'M', true),
        TimeUnit::Hour => (count, 'H', true),
        TimeUnit::Day => (count, 'D', false),
        TimeUnit::Week => (count, 'W', false),
        TimeUnit::Month => (count, 'M', false),
        TimeUnit::Year => (count, 'Y', false),
        TimeUnit::Decade => (count.mul(Dec::int(10))?, 'Y', false),
        TimeUnit::Century => (count.mul(Dec::int(100))?, 'Y', false),
    };
    Some(format!("P{}{n}{designator}", if time { "T" } else { "" }))
}

/// A duration entity at token `i`.
pub(super) fn duration(cx: &Context, i: usize) -> Option<Found> {
    let time = amount_of_time(cx.words, i)?;
    let value = DurationValue {
        iso: iso_duration(time.count, time.unit)?,
        seconds: time.count.to_f64() * unit_seconds(time.unit),
        amount: time.count.to_string(),
        unit: time.unit,
    };
    Some(Found::entity(
        time.end,
        Entity {
            kind: EntityKind::Duration,
            span: cx.span(i, time.end),
            value: Value::Duration(value),
            confidence: if time.bare { 0.6 } else { 0.9 },
        },
    ))
}
