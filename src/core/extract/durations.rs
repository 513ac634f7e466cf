//! Amounts of time: a number and a unit (`ثلاث سنوات`, `5 hours`), a dual
//! unit (`سنتين`, `ساعتان`), a unit alone (`أسبوع`: one), with an added half
//! or quarter (`ساعة ونصف`), and `عقد من الزمن`.

use super::decimal::Dec;
use super::fractions::{any_fraction_after, any_fraction_before_unit, Fraction};
use super::lexicon::{lexicon, strip_proclitic, Count, Sense, TimeUnit};
use super::number_words::{amount, amount_after_lam};
use super::relative;
use super::tense::after_preposition;
use super::words::{Form, Words};
use super::{Context, DurationValue, Entity, EntityKind, Found, Value};
use crate::core::stopwords::is_stopword;

/// An amount of time found at some token.
#[derive(Clone, Copy)]
pub(super) struct AmountOfTime {
    pub end: usize,
    pub count: Dec,
    pub unit: TimeUnit,
    /// A unit word alone (`عام`), without a number.
    pub bare: bool,
    /// The largest unit written (`2 years and 3 months`: year; `unit` is month).
    pub first: TimeUnit,
}

pub(super) fn unit_sense(s: &Sense) -> Option<(TimeUnit, Count)> {
    match s {
        Sense::Unit(u, c) => Some((*u, *c)),
        _ => None,
    }
}

/// An amount of time at token `i`.
pub(super) fn amount_of_time(w: &Words, i: usize) -> Option<AmountOfTime> {
    w.amounts_of_time.get(i, || {
        find_amount_of_time(w, i).map(|time| with_smaller_units(w, time))
    })
}

fn find_amount_of_time(w: &Words, i: usize) -> Option<AmountOfTime> {
    if let Some(fraction) = fraction_of_unit(w, i) {
        return Some(fraction);
    }
    // `لثلاث سنوات` (for three years): the preposition glued to a number
    // word is outside the amount, as `ب` of `بثلاث سنوات` is.
    let number = amount(w, i).or_else(|| amount_after_lam(w, i));
    if let Some(number) = number.filter(|a| w.next_on_line(a.end)) {
        // The article opens no hyphenated amount (`a hundred-year flood`:
        // the article is the noun's).
        let article = matches!(w.folded(i), "a" | "an");
        if let Some(found) = hyphenated(w, number.end, number.value).filter(|_| !article) {
            return Some(found);
        }
        let (unit, count) = w.find_whole(number.end, unit_sense)?;
        // The narrow hour is glued to its digits (`1h`; `2 h` is no unit).
        if w.raw(number.end).eq_ignore_ascii_case("h") && !w.glued(number.end - 1) {
            return None;
        }
        // A dual takes no number; `سنة 2015` after a number is a year.
        let year_follows = w.next_on_line(number.end + 1)
            && w.small_number(number.end + 1).is_some_and(|(_, l)| l == 4);
        if count == Count::Two || count == Count::One && year_follows {
            return None;
        }
        return Some(with_fraction(w, number.end + 1, number.value, unit, false));
    }
    let article = matches!(w.folded(i), "a" | "an") && w.next_on_line(i + 1);
    // `a full year`, `a whole week`: one unit, said whole.
    let whole = article && matches!(w.folded(i + 1), "full" | "whole") && w.next_on_line(i + 2);
    let at = i + usize::from(article) + usize::from(whole);
    let (unit, count) = match w.find_whole(at, unit_sense) {
        Some(found) => found,
        None => unit_after_preposition(w, at)?,
    };
    if whole && count != Count::One {
        return None;
    }
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
    // An English unit word alone is a noun (`the second`, `independence
    // day`); one unit is written `a day`, `one day`.
    if found.bare && found.end == at + 1 && w.folded(at).is_ascii() {
        return None;
    }
    // `بعد مرور عام على الحرب`, `بعد انقضاء شهر`: the passing of one unit.
    if found.bare && found.end == at + 1 && after_time_passing(w, at) {
        return Some(AmountOfTime {
            bare: false,
            ..found
        });
    }
    if found.bare && found.end == at + 1 && adjective_after_noun(w, at) {
        return None;
    }
    if found.bare && found.end == at + 1 && after_verb_particle(w, at) {
        return None;
    }
    if found.bare && found.end == at + 1 && after_every(w, at) {
        return None;
    }
    // A unit word alone before another word is a noun in a phrase (يوم
    // الخميس, ساعة الصفر), not an amount; `واحد` after it says "one".
    if found.bare && found.end == at + 1 && w.next_on_line(at + 1) {
        // `ساعة و30 دقيقة`, `سنة وثلاثة أشهر`: the unit alone is one of it
        // when a smaller amount is joined to it.
        let joined = with_smaller_units(w, found);
        if joined.end > found.end {
            return Some(joined);
        }
        // `شهر و21 يوما`: one month, then days that no month holds a
        // whole number of (see [`rest_after_months`]).
        let smaller_joined = next_amount(w, &found)
            .is_some_and(|next| unit_seconds(next.first) < unit_seconds(found.unit));
        if smaller_joined {
            return Some(AmountOfTime {
                bare: false,
                ..found
            });
        }
        let next = w.folded(at + 1);
        if says_one(next) {
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
    // The accusative singular alone (`يوما ما`, `لم ألتقهم يوما`: some day,
    // ever) is an adverb; it counts only after a number (`20 يوما`).
    let folded = w.folded(at);
    if found.bare && found.end == at + 1 && !folded.is_ascii() && folded.ends_with('ا') {
        return None;
    }
    if found.bare && found.end == at + 1 && is_accusative_second(w, at) {
        return None;
    }
    Some(found)
}

/// Whether word `k` is `ثانيةً`, its accusative written: alone, the adverb
/// "again" (`لن نعود فقراء ثانيةً`), or the ordinal after the noun it
/// agrees with (`مرةً ثانيةً`); not one second, said `ثانية واحدة`.
fn is_accusative_second(w: &Words, k: usize) -> bool {
    w.folded(k) == "ثانيه" && w.raw(k).trim_end_matches('\u{0651}').ends_with('\u{064B}')
}

/// Whether word `k` is `ثانيةً` as the adverb "again", no ordinal: not
/// after `مرة` (see [`is_accusative_second`]).
pub(super) fn is_again(w: &Words, k: usize) -> bool {
    is_accusative_second(w, k) && !(k > 0 && w.same_line(k - 1) && w.folded(k - 1) == "مره")
}

/// A unit word at `k` with `ل` (for) or `ب` (by) glued to it that counts
/// itself: a dual (`لعامين`, `ليومين`, `قبل الانتخابات بيومين`), or one
/// unit said whole (`ليوم كامل`, `لعام واحد`). `لعام 2024` names a year.
fn unit_after_preposition(w: &Words, k: usize) -> Option<(TimeUnit, Count)> {
    let ((unit, count), Form::Proclitic) = w.find(k, unit_sense)? else {
        return None;
    };
    if !w.folded(k).starts_with(['ل', 'ب']) {
        return None;
    }
    match count {
        Count::Two => Some((unit, count)),
        Count::One if w.next_on_line(k + 1) && says_one(w.folded(k + 1)) => Some((unit, count)),
        _ => None,
    }
}

/// Whether a word after one unit says it is one: `واحد` (one), `كامل`
/// (whole: `عام كامل`, `شهرا كاملا`, `سنة كاملة`).
fn says_one(folded: &str) -> bool {
    matches!(
        folded,
        "واحد" | "واحده" | "واحدا" | "كامل" | "كامله" | "كاملا"
    )
}

/// An English number and singular unit joined by a hyphen before a noun
/// (`a 10-minute walk`, `a three-day visit`, `the 24-hour strike`), the
/// hyphen at `k`: that amount of time, with `-long` after it if written
/// (`a two-week-long trip`). An age (`a 40-year-old man`) is left to the
/// number.
fn hyphenated(w: &Words, k: usize, count: Dec) -> Option<AmountOfTime> {
    if !w.joins_by_hyphen(k) {
        return None;
    }
    let (unit, form) = w.find_whole(k + 1, unit_sense)?;
    if form != Count::One || !w.folded(k + 1).is_ascii() {
        return None;
    }
    // `forty-second` after a number word is the ordinal.
    if w.folded(k + 1) == "second" && !w.is_number(k - 1) {
        return None;
    }
    let mut end = k + 2;
    if w.glued(k + 1) && w.folded(end) == "-" {
        if !(w.glued(end) && w.folded(end + 1) == "long") {
            return None;
        }
        end += 2;
    }
    Some(AmountOfTime {
        end,
        count,
        unit,
        bare: false,
        first: unit,
    })
}

/// Arabic words after which a clause or a verb comes, never a noun of
/// time alone: the relative pronouns and the particle of the perfect
/// (`قد`, `لقد`).
const BEFORE_A_VERB: [&str; 10] = [
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللذين",
    "اللتين",
    "اللاتي",
    "قد",
    "لقد",
];

/// Whether the unit word at `k`, alone, comes after a relative pronoun or
/// `قد` and so is the verb its letters also spell (`الاجتماع الذي عقد`,
/// `وكان المؤتمر قد عقد`: was held), not a decade.
fn after_verb_particle(w: &Words, k: usize) -> bool {
    k > 0 && w.same_line(k - 1) && BEFORE_A_VERB.contains(&w.folded(k - 1))
}

/// Whether the unit word at `k`, alone, comes after `كل` (every: `كل يوم`,
/// `من كل عام`, `لكل ساعة`): a recurrence, not an amount of one unit, as
/// English `every day` is none.
fn after_every(w: &Words, k: usize) -> bool {
    k > 0 && w.same_line(k - 1) && matches!(w.folded(k - 1), "كل" | "لكل" | "وكل" | "بكل")
}

/// Whether the unit word at `k` follows, on its line, a noun of time
/// passing (`مرور`, `انقضاء`, `مضي`, with a proclitic too: `وبمرور`): one
/// unit then passes (`بعد مرور عام على الحرب`), whatever follows it.
fn after_time_passing(w: &Words, k: usize) -> bool {
    let passing = |f: &str| matches!(f, "مرور" | "انقضاء" | "مضي");
    k > 0 && w.next_on_line(k) && {
        let before = w.folded(k - 1);
        passing(before) || strip_proclitic(before).is_some_and(passing)
    }
}

/// Whether the unit word at `k`, alone, is rather the adjective its letters
/// also spell (`بشكل عام`, "in general"; `من جهة ثانية`, "on the other
/// hand"; `مدير عام`): the word before it, on its line, is a noun of the
/// adjective's gender (feminine ends in `ة`) and, as the adjective, without
/// the article (`قضى في السجن عام` is a year). Not after a preposition or
/// another stop word (`منذ عام`, `حوالي عام` are a year), unless the stop
/// word is a proclitic and a noun (`بشكل`); not after a noun of the other
/// gender (`لمدة عام`: for a year).
fn adjective_after_noun(w: &Words, k: usize) -> bool {
    let Some(feminine) = lexicon().unit_adjective(w.folded(k)) else {
        return false;
    };
    if k == 0 || !w.next_on_line(k) || !w.is_word(k - 1) || after_preposition(w, k) {
        return false;
    }
    let before = w.folded(k - 1);
    let stem = strip_proclitic(before);
    let noun = !is_stopword(before) || stem.is_some_and(|r| !is_stopword(r));
    // An adjective without the article follows a noun without it.
    let definite = before.starts_with("ال")
        || before.starts_with("لل")
        || stem.is_some_and(|r| r.starts_with("ال"));
    noun && !definite && w.raw(k - 1).ends_with('ة') == feminine
}

/// Adds `ونصف`/`وربع`/`and a half` after a unit (`وثلث` in a smaller unit:
/// `ساعة وثلث` is 80 minutes).
fn with_fraction(w: &Words, end: usize, count: Dec, unit: TimeUnit, bare: bool) -> AmountOfTime {
    let plain = AmountOfTime {
        end,
        count,
        unit,
        bare,
        first: unit,
    };
    let added = any_fraction_after(w, end).and_then(|(fraction, after)| {
        let (part, small) = part_of_unit(fraction, unit)?;
        let whole = count.mul(Dec::int(units_in(unit, small)?))?;
        Some((whole.add(part)?, small, after))
    });
    match added {
        Some((count, small, end)) => AmountOfTime {
            // `عام ونصف العام`: the half said of the unit again.
            end: end
                + usize::from(
                    w.next_on_line(end) && super::relative::unit_with_article(w, end) == Some(unit),
                ),
            count,
            unit: small,
            bare: false,
            first: unit,
        },
        None => plain,
    }
}

/// A fraction of one unit at `i`: `half an hour`, `a quarter of an hour`,
/// `1/2 hour`, `ثلث ساعة`; of the hour with the article too, as Arabic says
/// it (`نصف الساعة`, `ربع الساعة`: a half of other units with the article,
/// `نصف العام`, is as often the middle of a year).
fn fraction_of_unit(w: &Words, i: usize) -> Option<AmountOfTime> {
    let (fraction, at) = any_fraction_before_unit(w, i)?;
    let the_hour = || match w.find_after_article(at, unit_sense) {
        Some(((TimeUnit::Hour, Count::One), false)) => Some((TimeUnit::Hour, Count::One)),
        _ => None,
    };
    match w.find_whole(at, unit_sense).or_else(the_hour)? {
        (unit, Count::One) => {
            let (count, small) = part_of_unit(fraction, unit)?;
            Some(AmountOfTime {
                end: at + 1,
                count,
                unit: small,
                bare: false,
                first: unit,
            })
        }
        _ => None,
    }
}

/// `fraction` of one `unit`: a decimal of the unit itself, or parts no
/// decimal writes as a whole number of the first smaller unit that holds
/// them (a third of an hour: 20 minutes; of a day: 8 hours; a seventh of a
/// week: a day). None when none does (a third of a month).
fn part_of_unit(fraction: Fraction, unit: TimeUnit) -> Option<(Dec, TimeUnit)> {
    let (count, of) = match fraction {
        Fraction::Decimal(value) => return Some((value, unit)),
        Fraction::Parts { count, of } => (count, of),
    };
    let mut small = smaller(unit)?;
    loop {
        let n = units_in(unit, small)? * count;
        if n % of == 0 {
            return Some((Dec::int(n / of), small));
        }
        small = smaller(small)?;
    }
}

/// More amounts of time after `time`, each of a smaller unit that a
/// larger one holds a whole number of, joined by `and`, `,` or `و`, or
/// written side by side after a counted unit: `2 years and 3 months` (27
/// months), `1 hour, 20 minutes and 5 seconds`, `سنتين وثلاثة أشهر`, `1
/// hour 30 minutes`. `5 hours and 2 days` and `a month and 3 days` (no
/// whole number of days in a month) stay two amounts here; a duration
/// reads the second as the [`rest_after_months`].
fn with_smaller_units(w: &Words, time: AmountOfTime) -> AmountOfTime {
    let Some(next) = next_amount(w, &time) else {
        return time;
    };
    let joined = units_in(time.unit, next.first)
        .filter(|n| *n > 1)
        .and_then(|_| {
            time.count
                .mul(Dec::int(units_in(time.unit, next.unit)?))?
                .add(next.count)
        });
    match joined {
        Some(count) => AmountOfTime {
            end: next.end,
            count,
            unit: next.unit,
            bare: false,
            first: time.first,
        },
        None => time,
    }
}

/// The amount of time joined after `time` by `and`, `,` or `و` (glued to a
/// number or a unit: `وثلاثة أشهر`, `وشهرين`), or written right after a
/// counted unit (`3 days 4 hours`), whatever its unit.
fn next_amount(w: &Words, time: &AmountOfTime) -> Option<AmountOfTime> {
    let end = time.end;
    if !w.next_on_line(end) {
        return None;
    }
    let mut at = match w.folded(end) {
        "and" | "و" | "," => end + 1,
        // `وثلاثة أشهر`: the conjunction glued to a number word.
        f if f.starts_with('و')
            && w.find(end, |s| matches!(s, Sense::Num(..)).then_some(()))
                .is_some_and(|(_, form)| form == Form::Proclitic) =>
        {
            end
        }
        // `وشهرين`, `وشهر`: glued to a unit.
        f if f.starts_with('و') => {
            return unit_after_and(w, end).map(|u| with_smaller_units(w, u))
        }
        // `3 days 4 hours`: a number right after a counted unit.
        _ if !time.bare && amount(w, end).is_some() => end,
        _ => return None,
    };
    if w.folded(end) == "," && w.next_on_line(at) && w.folded(at) == "and" {
        at += 1;
    }
    if at > end && !w.next_on_line(at) {
        return None;
    }
    amount_of_time(w, at).filter(|next| !next.bare)
}

/// A unit with `و` glued to it that counts itself, after an amount: a dual
/// (`سنة وشهرين`) or one unit (`عامين وشهر`, `وشهرا واحدا`) that no noun
/// follows (`عام وشهر رمضان` names the month).
fn unit_after_and(w: &Words, k: usize) -> Option<AmountOfTime> {
    let ((unit, count), Form::Proclitic) = w.find(k, unit_sense)? else {
        return None;
    };
    let (n, end) = match count {
        Count::Two => (2, k + 1),
        Count::One if w.next_on_line(k + 1) && says_one(w.folded(k + 1)) => (1, k + 2),
        Count::One if !w.noun_follows(k + 1) => (1, k + 1),
        _ => return None,
    };
    Some(AmountOfTime {
        end,
        count: Dec::int(n),
        unit,
        bare: false,
        first: unit,
    })
}

/// The amount in days or smaller after `months`, an amount in years or
/// months, which no unit holds a whole number of both of (`3 years, 2
/// months and 5 days`, `شهر و21 يوما`, `عامين وشهر واحد و21 يوما`).
pub(super) fn rest_after_months(w: &Words, months: &AmountOfTime) -> Option<AmountOfTime> {
    if !size_in_chain(months.unit).0 || !months.count.is_integer() || !w.next_on_line(months.end) {
        return None;
    }
    next_amount(w, months).filter(|rest| !size_in_chain(rest.first).0 && rest.count.is_integer())
}

/// A unit's size in the smallest unit of its chain of exact conversions:
/// months (a year is 12, a decade 120) or seconds (a week is 604,800).
fn size_in_chain(unit: TimeUnit) -> (bool, i128) {
    match unit {
        TimeUnit::Month => (true, 1),
        TimeUnit::Year => (true, 12),
        TimeUnit::Decade => (true, 120),
        TimeUnit::Century => (true, 1200),
        TimeUnit::Second => (false, 1),
        TimeUnit::Minute => (false, 60),
        TimeUnit::Hour => (false, 3600),
        TimeUnit::Day => (false, 86_400),
        TimeUnit::Week => (false, 604_800),
    }
}

/// How many `small` make one `big`, when that is a whole number.
fn units_in(big: TimeUnit, small: TimeUnit) -> Option<i128> {
    let ((big_months, big), (small_months, small)) = (size_in_chain(big), size_in_chain(small));
    (big_months == small_months && big % small == 0).then_some(big / small)
}

/// The next smaller unit that `unit` holds a whole number of.
fn smaller(unit: TimeUnit) -> Option<TimeUnit> {
    Some(match unit {
        TimeUnit::Century => TimeUnit::Decade,
        TimeUnit::Decade => TimeUnit::Year,
        TimeUnit::Year => TimeUnit::Month,
        TimeUnit::Week => TimeUnit::Day,
        TimeUnit::Day => TimeUnit::Hour,
        TimeUnit::Hour => TimeUnit::Minute,
        TimeUnit::Minute => TimeUnit::Second,
        TimeUnit::Month | TimeUnit::Second => return None,
    })
}

/// `count` units as a whole number of a smaller unit where one exists:
/// an hour and a half is 90 minutes, half a day 12 hours; half a month
/// (no whole number of days) stays 0.5 months.
pub(super) fn in_whole_units(count: Dec, unit: TimeUnit) -> (Dec, TimeUnit) {
    let (mut c, mut u) = (count, unit);
    while !c.is_integer() {
        let Some(next) = smaller(u).and_then(|s| Some((c.mul(Dec::int(units_in(u, s)?))?, s)))
        else {
            return (count, unit);
        };
        (c, u) = next;
    }
    (c, u)
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

/// ISO 8601 duration of `count` units written from the larger unit
/// `first` down: `PT1H30M` for an hour and a half (90 minutes), `P2Y3M`,
/// `P2DT3H4S`; weeks, decades and centuries are carried in the next unit
/// (ISO writes no weeks beside other units). A single unit as
/// [`iso_duration`] writes it.
fn iso_from(count: Dec, unit: TimeUnit, first: TimeUnit) -> Option<String> {
    if first == unit || !count.is_integer() || units_in(first, unit).is_none() {
        return iso_duration(count, unit);
    }
    let mut left = i128::from(count.to_i64()?);
    let (mut date, mut time) = (String::new(), String::new());
    let mut u = Some(first);
    while let Some(part) = u.filter(|_| left > 0) {
        let designator = match part {
            TimeUnit::Year => Some((&mut date, 'Y')),
            TimeUnit::Month => Some((&mut date, 'M')),
            TimeUnit::Day => Some((&mut date, 'D')),
            TimeUnit::Hour => Some((&mut time, 'H')),
            TimeUnit::Minute => Some((&mut time, 'M')),
            TimeUnit::Second => Some((&mut time, 'S')),
            TimeUnit::Week | TimeUnit::Decade | TimeUnit::Century => None,
        };
        if let Some((out, d)) = designator {
            let per = units_in(part, unit)?;
            if left / per > 0 {
                out.push_str(&format!("{}{d}", left / per));
            }
            left %= per;
        }
        u = smaller(part).filter(|_| part != unit);
    }
    match (date.is_empty(), time.is_empty()) {
        (true, true) => iso_duration(count, unit),
        (_, true) => Some(format!("P{date}")),
        _ => Some(format!("P{date}T{time}")),
    }
}

/// A counted unit with the article and no direction after it (`الأيام
/// الثلاثة`, `السنوات الخمس`, `الثلاثة أيام`): that many units. With a
/// direction (`الأيام الثلاثة المقبلة`) it is a span of dates (see
/// `relative.rs`); `الأيام القليلة` counts no number.
fn definite_count(w: &Words, i: usize) -> Option<AmountOfTime> {
    let plural = |s: &Sense| match s {
        Sense::Unit(u, Count::Plural) => Some(*u),
        _ => None,
    };
    let (n, unit, after) = match w.find_after_article(i, plural) {
        Some((unit, false)) if w.next_on_line(i + 1) => {
            if w.folded(i + 1) == relative::FEW_AFTER_PLURAL {
                return None;
            }
            let (n, after) = relative::count_after_plural(w, i + 1)?;
            (n, unit, after)
        }
        Some(_) => return None,
        None => relative::article_number_then_unit(w, i)?,
    };
    // A number goes on after the count (`الساعات الأربع والعشرين`, `الأشهر
    // السبعة عشر`): the count is not read whole, so nothing is.
    // So does an ordinal after it (`الأشهر الثلاثة الأولى من الحرب`: a part
    // of a span, read as dates where it can be).
    let number = |s: &Sense| matches!(s, Sense::Num(..) | Sense::Ordinal(..)).then_some(());
    let number_goes_on = w.next_on_line(after)
        && (w.find(after, number).is_some() || w.find_after_article(after, number).is_some());
    if number_goes_on || relative::direction_or_latest(w, after).is_some() {
        return None;
    }
    let n = n.filter(|n| (2..=1000).contains(n))?;
    Some(AmountOfTime {
        end: after,
        count: Dec::int(i128::from(n)),
        unit,
        bare: false,
        first: unit,
    })
}

/// A duration entity at token `i`.
pub(super) fn duration(cx: &Context, i: usize) -> Option<Found> {
    let time = amount_of_time(cx.words, i).or_else(|| definite_count(cx.words, i))?;
    if let Some(rest) = rest_after_months(cx.words, &time) {
        return mixed_duration(cx, i, &time, &rest);
    }
    let (count, unit) = in_whole_units(time.count, time.unit);
    let value = DurationValue {
        iso: iso_from(count, unit, time.first)?,
        seconds: count.to_f64() * unit_seconds(unit),
        amount: count.to_string(),
        unit: Some(unit),
    };
    Some(duration_entity(cx, i, time.end, value, time.bare))
}

/// Years or months and the [`rest_after_months`] as a duration: its ISO
/// form writes both parts (`P3Y2M5D`, `P1Y2DT3H4S`), its seconds add their
/// mean lengths, and no unit counts it whole.
fn mixed_duration(
    cx: &Context,
    i: usize,
    months: &AmountOfTime,
    rest: &AmountOfTime,
) -> Option<Found> {
    let (rest_count, rest_unit) = match rest.unit {
        // ISO writes no weeks beside other units.
        TimeUnit::Week => (rest.count.mul(Dec::int(7))?, TimeUnit::Day),
        unit => (rest.count, unit),
    };
    let rest_first = match rest.first {
        TimeUnit::Week => TimeUnit::Day,
        unit => unit,
    };
    let rest_iso = iso_from(rest_count, rest_unit, rest_first)?;
    let value = DurationValue {
        iso: iso_from(months.count, months.unit, months.first)? + rest_iso.strip_prefix('P')?,
        seconds: months.count.to_f64() * unit_seconds(months.unit)
            + rest_count.to_f64() * unit_seconds(rest_unit),
        amount: String::new(),
        unit: None,
    };
    Some(duration_entity(cx, i, rest.end, value, false))
}

fn duration_entity(cx: &Context, i: usize, end: usize, value: DurationValue, bare: bool) -> Found {
    Found::entity(
        end,
        Entity {
            kind: EntityKind::Duration,
            span: cx.span(i, end),
            value: Value::Duration(value),
            confidence: if bare { 0.6 } else { 0.9 },
        },
    )
}
