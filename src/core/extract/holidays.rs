//! Holidays by name (`عيد الفطر`, `رأس السنة الهجرية`, `Christmas`, `عيد
//! الفصح`), from the rules of `data/holidays.tsv`: a Hijri day (converted as
//! every Hijri date is), a whole Hijri month (`رمضان`: an interval), a
//! Gregorian day, or a day counted from Western Easter.
//!
//! A year after the name picks that year's occurrence (`رمضان 2019`, `عيد
//! الفطر 1445 هـ`); `المقبل`/`الماضي` the next or the previous one; alone, the
//! next one on or after the reference date, as Duckling reads it.

use chrono::{Datelike, Duration, NaiveDate};

use super::dates::{midnight, When};
use super::hijri;
use super::lexicon::{lexicon, strip_proclitic, Sense};
use super::relative::direction_or_this;
use super::words::Words;
use super::{Anchor, Calendar, Grain};

/// How a holiday's date follows from a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Rule {
    /// Day `1` of Islamic month `0`.
    Hijri(u32, u32),
    /// The whole Islamic month.
    HijriMonth(u32),
    /// Day `1` of Gregorian month `0`.
    Gregorian(u32, u32),
    /// Days from Western Easter Sunday.
    Easter(i64),
    /// Days from Eastern (Orthodox and Coptic) Easter Sunday.
    OrthodoxEaster(i64),
    /// The `n`th weekday `weekday` (1 Monday ... 7 Sunday) of Gregorian
    /// month `month`, the last for `n` = -1, then `offset` days.
    NthWeekday {
        month: u32,
        n: i32,
        weekday: u32,
        offset: i64,
    },
}

impl Rule {
    /// Parses a rule column of `data/holidays.tsv`.
    pub(super) fn parse(s: &str) -> Option<Rule> {
        let mut parts = s.split(' ');
        let kind = parts.next()?;
        let mut int = || parts.next()?.parse::<i64>().ok();
        Some(match kind {
            "hijri" => Rule::Hijri(u32::try_from(int()?).ok()?, u32::try_from(int()?).ok()?),
            "hijrimonth" => Rule::HijriMonth(u32::try_from(int()?).ok()?),
            "gregorian" => {
                Rule::Gregorian(u32::try_from(int()?).ok()?, u32::try_from(int()?).ok()?)
            }
            "easter" => Rule::Easter(int()?),
            "orthodox" => Rule::OrthodoxEaster(int()?),
            "weekday" => {
                let month = u32::try_from(int()?)
                    .ok()
                    .filter(|m| (1..=12).contains(m))?;
                let n = i32::try_from(int()?)
                    .ok()
                    .filter(|n| (1..=5).contains(n) || *n == -1)?;
                let weekday = u32::try_from(int()?).ok().filter(|d| (1..=7).contains(d))?;
                let offset = int().unwrap_or(0);
                Rule::NthWeekday {
                    month,
                    n,
                    weekday,
                    offset,
                }
            }
            _ => return None,
        })
    }

    /// The occurrence in Hijri year `year` (for Hijri rules) or Gregorian
    /// year `year`.
    fn in_year(self, year: i64) -> Option<Occurrence> {
        let gregorian = |start| Occurrence {
            start,
            end: None,
            calendar: Calendar::Gregorian,
        };
        match self {
            Rule::Hijri(month, day) => {
                let (start, calendar) = hijri::to_gregorian(year, month, day)?;
                Some(Occurrence {
                    start,
                    end: None,
                    calendar,
                })
            }
            Rule::HijriMonth(month) => {
                let (start, calendar) = hijri::to_gregorian(year, month, 1)?;
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                let (end, _) = hijri::to_gregorian(next_year, next_month, 1)?;
                Some(Occurrence {
                    start,
                    end: Some(end),
                    calendar,
                })
            }
            Rule::Gregorian(month, day) => Some(gregorian(NaiveDate::from_ymd_opt(
                i32::try_from(year).ok()?,
                month,
                day,
            )?)),
            Rule::Easter(days) => Some(gregorian(
                easter(i32::try_from(year).ok()?)? + Duration::days(days),
            )),
            Rule::OrthodoxEaster(days) => Some(gregorian(
                orthodox_easter(i32::try_from(year).ok()?)? + Duration::days(days),
            )),
            Rule::NthWeekday {
                month,
                n,
                weekday,
                offset,
            } => Some(gregorian(
                nth_weekday(i32::try_from(year).ok()?, month, n, weekday)? + Duration::days(offset),
            )),
        }
    }

    fn is_hijri(self) -> bool {
        matches!(self, Rule::Hijri(..) | Rule::HijriMonth(_))
    }

    /// Occurrences around Gregorian year `year`, in order: Hijri years
    /// drift 11 days a year against it, so up to two fall in one year.
    fn around(self, year: i32) -> Vec<Occurrence> {
        let years: Vec<i64> = if self.is_hijri() {
            let hijri_year = ((i64::from(year) - 622) * 10_000 / 9_702) + 1;
            (hijri_year - 2..=hijri_year + 2).collect()
        } else {
            (i64::from(year) - 1..=i64::from(year) + 1).collect()
        };
        years.into_iter().filter_map(|y| self.in_year(y)).collect()
    }
}

/// One occurrence of a holiday.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Occurrence {
    start: NaiveDate,
    /// For a month, its exclusive end.
    end: Option<NaiveDate>,
    /// The calendar that converted it.
    calendar: Calendar,
}

/// The `n`th weekday `weekday` (1 Monday ... 7 Sunday) of `month`, the
/// last for `n` = -1 (Thanksgiving: the fourth Thursday of November).
fn nth_weekday(year: i32, month: u32, n: i32, weekday: u32) -> Option<NaiveDate> {
    let weekday = chrono::Weekday::try_from(u8::try_from(weekday - 1).ok()?).ok()?;
    if n == -1 {
        let (y, m) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        let mut day = NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()?;
        while day.weekday() != weekday {
            day = day.pred_opt()?;
        }
        return Some(day);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus of
/// Meeus, Jones and Butcher).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first year of the Gregorian calendar: Eastern Easter is given as a
/// Gregorian date from then on.
const FIRST_GREGORIAN_YEAR: i32 = 1583;

/// Eastern (Orthodox and Coptic) Easter Sunday of `year`, as a Gregorian
/// date: Meeus's Julian computus gives it in the Julian calendar, which
/// lags the Gregorian by the century leap days it keeps (13 days from 1900
/// to 2099). 2024: 5 May; 2025: 20 April, as the Western one.
fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    if year < FIRST_GREGORIAN_YEAR {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian =
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let lag = year / 100 - year / 400 - 2;
    Some(julian + Duration::days(i64::from(lag)))
}

/// Most tokens a holiday's name spans (`eid al - fitr` is four).
const MAX_NAME_TOKENS: usize = 6;

/// The holiday named at token `i`: its rule and the token after the name.
fn name(w: &Words, i: usize) -> Option<(Rule, usize)> {
    let pick = |s: &Sense| match s {
        Sense::Holiday(rule) => Some(*rule),
        _ => None,
    };
    let first = w.folded(i);
    let first = if lexicon().starts_holiday(first) {
        first
    } else {
        strip_proclitic(first).filter(|f| lexicon().starts_holiday(f))?
    };
    // Room for a few more words: the name grows word by word below.
    let mut key = String::with_capacity(first.len() * MAX_NAME_TOKENS + MAX_NAME_TOKENS);
    key.push_str(first);
    let mut best = lexicon()
        .senses(&key)
        .iter()
        .find_map(pick)
        .map(|r| (r, i + 1));
    let mut k = i + 1;
    while k < w.len() && k < i + MAX_NAME_TOKENS && w.same_line(k - 1) {
        if !w.glued(k - 1) {
            key.push(' ');
        }
        key.push_str(w.folded(k));
        k += 1;
        if let Some(rule) = lexicon().senses(&key).iter().find_map(pick) {
            best = Some((rule, k));
        }
    }
    best
}

/// A holiday at token `i`, with an optional year or direction after it.
// Asked from many files: inlinable across the release build's codegen
// units, wherever the compiler puts them.
#[inline]
pub(super) fn holiday(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if !w.is_word(i) {
        return None;
    }
    // `last Thanksgiving`, `next Easter`, `this Christmas`: the direction
    // before the name, as English writes it.
    let before = direction_or_this(w, i).filter(|_| w.next_on_line(i + 1) && w.is_word(i + 1));
    let (rule, end) = name(w, if before.is_some() { i + 1 } else { i })?;
    occurrence(cx, rule, end, before)
}

/// A day of a Hijri month written without its year at token `i`
/// (`العاشر من رمضان`, `27 رجب`, `الخامس عشر من شعبان المقبل`): read as a
/// holiday on that day is, its next occurrence on or after the reference
/// unless a direction or a year follows. `صفر` (also "zero": `1 صفر` is a
/// score) only after an ordinal or `من`.
pub(super) fn hijri_day(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // A Hijri month within the next few tokens (`الخامس عشر من شهر رمضان`),
    // or nothing here: most numbers and ordinals have none.
    if !(i + 1..=i + 4).any(|k| w.class(k) & super::starts::HIJRI_MONTH != 0) {
        return None;
    }
    let (day, mut k, ordinal) = match super::dates::day_number(w, i) {
        Some(day) => (day, i + 1, false),
        // A day is masculine (`اليوم`): `الأولى` of `الخمسة عشر يوما الأولى
        // من شهر رمضان` is of the days before it.
        None if w.is_word(i) && !w.raw(i).ends_with(['ى', 'ة']) => {
            // `الأسبوع الأول من شهر رمضان`: the ordinal counts weeks.
            if counts_a_unit_before(w, i) {
                return None;
            }
            let (end, day) = super::number_words::ordinal(w, i)?;
            (day, end, true)
        }
        None => return None,
    };
    let of = w.next_on_line(k) && w.folded(k) == "من";
    if of {
        k += 1;
    }
    if w.next_on_line(k) && w.folded(k) == "شهر" {
        k += 1;
    }
    if !(1..=30).contains(&day) || !w.next_on_line(k) {
        return None;
    }
    let (month, end) = hijri::month_at(w, k)?;
    if month == 2 && !(ordinal || of) {
        return None;
    }
    occurrence(cx, Rule::Hijri(month, day), end, None)
}

/// Whether the word before the ordinal at `i` is a unit of time other
/// than the day, with the article (`الأسبوع الأول`, `العام الثاني`): the
/// ordinal counts those units, not days.
fn counts_a_unit_before(w: &Words, i: usize) -> bool {
    i > 0
        && w.next_on_line(i)
        && w.find_after_article(i - 1, super::durations::unit_sense)
            .is_some_and(|((unit, _), conj)| !conj && unit != super::lexicon::TimeUnit::Day)
}

/// A Hijri month named alone after `في` or `شهر` (`في شعبان`, `في شهر ذي
/// الحجة`, `شهر رجب الماضي`, `في شوال المقبل`): the whole month, as
/// `رمضان` is read (its next occurrence on or after the reference, unless
/// a direction or a year follows), the span from `شهر` or the name. A name
/// alone is not read, nor one after `في` before another word: `رجب` and
/// `شعبان` are also given names (`في رجب طيب أردوغان`); `صفر` is zero
/// (read only after `شهر`).
pub(super) fn hijri_month(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let after_shahr = w.folded(i) == "شهر" && w.next_on_line(i + 1);
    let after_fi = i > 0 && w.folded(i - 1) == "في" && w.next_on_line(i);
    if !after_shahr && !after_fi {
        return None;
    }
    let k = i + usize::from(after_shahr);
    let (month, end) = hijri::month_at(w, k)?;
    // After `في` alone, a word after the name may make it a person's (`في
    // رجب طيب أردوغان`): only a sign, a stop word, a direction or a number.
    let ends_here = || !w.noun_follows(end) || super::relative::direction_at(w, end).is_some();
    if !after_shahr && (month == 2 || !ends_here()) {
        return None;
    }
    occurrence(cx, Rule::HijriMonth(month), end, None)
}

/// Most days of a one-day holiday that may be counted (`رابع أيام عيد
/// الأضحى`: the feast is kept four days).
const MOST_DAYS_OF_A_FEAST: u32 = 4;

/// The nth day of a holiday, or of a Hijri month named as one (`أول أيام
/// عيد الأضحى`, `ثاني أيام عيد الفطر`, `في اليوم الثالث من عيد الفطر`,
/// `اليوم الأول لعيد الأضحى`, `أول أيام رمضان`, `the second day of Eid
/// al-Fitr`): the occurrence of the holiday, the one a year or a direction
/// after its name picks, moved by the days before that day. Up to the
/// fourth day of a one-day holiday, up to the end of a month.
pub(super) fn day_of_holiday(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // A holiday's name or a Hijri month within the next few tokens (`the
    // second day of Eid`, `اليوم الحادي عشر من شهر رمضان`), or nothing
    // here: most ordinals and numbers count something else.
    if !(i + 1..=i + 6).any(|k| w.class(k) & super::starts::HOLIDAY_OR_HIJRI != 0) {
        return None;
    }
    if let Some(found) = first_of_hijri_month(cx, i).or_else(|| ten_days_of_hijri_month(cx, i)) {
        return Some(found);
    }
    let (n, at) = nth_day_before_name(w, i)?;
    let (rule, end) = name(w, at)?;
    let days_before = Duration::days(i64::from(n.max(1)) - 1);
    let (end, mut when) = occurrence_from(cx, rule, end, None, days_before)?;
    let start = when.start + days_before;
    let last = when
        .end
        .unwrap_or(when.start + Duration::days(i64::from(MOST_DAYS_OF_A_FEAST)));
    if n == 0 || start >= last {
        return None;
    }
    when.start = start;
    when.end = None;
    Some((end, when))
}

/// `غرة` (the first day of) before a Hijri month (`غرة رمضان`, `غرة شهر
/// شوال`, `غرة محرم المقبل`): its first day, as `1 رمضان` is read.
fn first_of_hijri_month(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if w.folded(i) != "غره" || !w.next_on_line(i + 1) {
        return None;
    }
    let k = if w.folded(i + 1) == "شهر" && w.next_on_line(i + 2) {
        i + 2
    } else {
        i + 1
    };
    let (month, end) = hijri::month_at(w, k)?;
    occurrence(cx, Rule::Hijri(month, 1), end, None)
}

/// `العشر الأواخر من رمضان` (the last ten nights of Ramadan), `العشر
/// الأوائل من ذي الحجة`, `العشر الأواسط`: days 1-10, 11-20 or 21 to the
/// end of a Hijri month, which `شهر` may precede.
fn ten_days_of_hijri_month(cx: &super::Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if w.folded(i) != "العشر" || !w.next_on_line(i + 1) || !w.next_on_line(i + 2) {
        return None;
    }
    let first_day = match w.folded(i + 1) {
        "الاوائل" => 0,
        "الاواسط" => 10,
        "الاواخر" => 20,
        _ => return None,
    };
    let mut k = i + 2;
    if w.folded(k) == "من" && w.next_on_line(k + 1) {
        k += 1;
    }
    if w.folded(k) == "شهر" && w.next_on_line(k + 1) {
        k += 1;
    }
    let (month, end) = hijri::month_at(w, k)?;
    // The month's occurrence whose tenth day of these is not past: its end
    // is the last ten's.
    let last_day = Duration::days(first_day + 9);
    let (end, mut when) = occurrence_from(cx, Rule::HijriMonth(month), end, None, last_day)?;
    when.start += Duration::days(first_day);
    if first_day < 20 {
        when.end = Some(when.start + Duration::days(10));
    }
    Some((end, when))
}

/// The count of a day before a holiday's name at `i` (`أول أيام`, `ثاني
/// أيام`, `اليوم الثالث من`, `اليوم الأول ل`, `the second day of`): the
/// count and the token where the name starts.
fn nth_day_before_name(w: &Words, i: usize) -> Option<(u32, usize)> {
    let on_line = |k: usize| w.next_on_line(k);
    // The words around the ordinal first: most ordinals and numbers count
    // something else, and are not parsed here.
    // `أول أيام`: the ordinal in the construct, before the plural, also
    // after a proclitic (`بأول أيام`).
    if on_line(i + 1) && w.folded(i + 1) == "ايام" && on_line(i + 2) {
        let n = super::number_words::ordinal(w, i)
            .filter(|&(k, _)| k == i + 1)
            .map(|(_, n)| n)
            .or_else(|| {
                w.find(i, |s| match s {
                    Sense::Ordinal(n, false) => Some(*n),
                    _ => None,
                })
                .map(|(n, _)| n)
            })?;
        return Some((n, i + 2));
    }
    // `اليوم الثالث من`, `اليوم الأول لعيد` (the name after its `ل`).
    if w.folded(i) == "اليوم" && on_line(i + 1) {
        let (k, n) = super::number_words::ordinal(w, i + 1)?;
        if !on_line(k) {
            return None;
        }
        let k = if w.folded(k) == "من" && on_line(k + 1) {
            k + 1
        } else {
            k
        };
        return Some((n, k));
    }
    // `the second day of`, `the twenty-first day of`.
    let k = if w.folded(i) == "the" && on_line(i + 1) {
        i + 1
    } else {
        i
    };
    if !(k + 1..k + 5).any(|d| w.folded(d) == "day") {
        return None;
    }
    let (k, n) = super::number_words::english_compound_ordinal(w, k)
        .or_else(|| super::number_words::ordinal(w, k))?;
    let said = on_line(k) && w.folded(k) == "day" && on_line(k + 1) && w.folded(k + 1) == "of";
    (said && on_line(k + 2)).then_some((n, k + 2))
}

/// The occurrence of `rule`, whose name ends at `end`: the one a direction
/// before it (`before`) or after it, `of next year` or a year after it
/// picks, else the next on or after the reference date; and the token after
/// what was read.
fn occurrence(
    cx: &super::Context,
    rule: Rule,
    end: usize,
    before: Option<i32>,
) -> Option<(usize, When)> {
    occurrence_from(cx, rule, end, before, Duration::zero())
}

/// [`occurrence`], where with nothing after the name the next occurrence
/// is the first whose day `days_in` days after its start is not past: said
/// during a holiday, its own days are meant (`اليوم، ثاني أيام عيد
/// الأضحى`, `العشر الأواخر من رمضان` on its 25th).
fn occurrence_from(
    cx: &super::Context,
    rule: Rule,
    mut end: usize,
    before: Option<i32>,
    days_in: Duration,
) -> Option<(usize, When)> {
    let w = cx.words;
    let today = cx.reference.date();
    let after = || {
        let d = super::relative::direction_at(w, end)?;
        end += 1;
        Some(d)
    };
    let (found, anchor) = if let Some(d) = before.or_else(after) {
        let occurrences = rule.around(today.year());
        let found = if d < 0 {
            occurrences.into_iter().rev().find(|o| o.start < today)
        } else {
            occurrences.into_iter().find(|o| o.start >= today)
        };
        (found?, Anchor::Reference)
    } else if let Some((d, after)) = of_relative_year(w, end) {
        // `thanksgiving of next year`: the occurrence in that year.
        end = after;
        let year = today.year() + d;
        let found = rule
            .around(year)
            .into_iter()
            .find(|o| o.start.year() == year)?;
        (found, Anchor::Reference)
    } else if let Some((year, after, hijri_era)) = year_after(w, end) {
        end = after;
        // A year up to 1600 after a Hijri day or month is a Hijri year,
        // with or without its era (`العاشر من رمضان 1445`), as
        // `hijri_date` reads one.
        let found = if hijri_era || rule.is_hijri() && year <= 1600 {
            rule.in_year(i64::from(year))?
        } else {
            rule.around(year)
                .into_iter()
                .find(|o| o.start.year() == year)?
        };
        (found, Anchor::Absolute)
    } else {
        let found = rule
            .around(today.year())
            .into_iter()
            .find(|o| o.start + days_in >= today)?;
        (found, Anchor::Reference)
    };
    let mut when = When::new(midnight(found.start), Grain::Day, anchor);
    when.end = found.end.map(midnight);
    when.calendar = found.calendar;
    Some((end, when))
}

/// `of last year`, `of next year`, `of this year` after a holiday's name:
/// the years from the reference year and the token after it.
fn of_relative_year(w: &Words, k: usize) -> Option<(i32, usize)> {
    if w.folded(k) != "of" || !w.next_on_line(k) || !w.next_on_line(k + 1) || !w.next_on_line(k + 2)
    {
        return None;
    }
    let d = direction_or_this(w, k + 1)?;
    w.find_whole(k + 2, |s| {
        matches!(s, Sense::Unit(super::TimeUnit::Year, _)).then_some(())
    })?;
    Some((d, k + 3))
}

/// A year after a holiday's name (`2019`, `عام 2024`, `1445 هـ`): the year,
/// the token after it, and whether it is a Hijri year.
fn year_after(w: &Words, k: usize) -> Option<(i32, usize, bool)> {
    if !w.next_on_line(k) {
        return None;
    }
    let year_word = w
        .find(k, |s| matches!(s, Sense::YearWord).then_some(()))
        .is_some();
    let k = if year_word { k + 1 } else { k };
    let (year, digits) = w.small_number(k).filter(|_| w.next_on_line(k))?;
    // The era after a year (`هـ`, `للهجرة`); with it, a year of one or two
    // digits too (`سنة 40 للهجرة`).
    let era_end = hijri::era_at(w, k + 1);
    if digits < 3 && era_end.is_none() {
        return None;
    }
    Some((
        i32::try_from(year).ok()?,
        era_end.unwrap_or(k + 1),
        era_end.is_some(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Easter Sundays as published in church calendars.
    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2013), Some(ymd(2013, 3, 31)));
        assert_eq!(easter(2024), Some(ymd(2024, 3, 31)));
        assert_eq!(easter(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(easter(2000), Some(ymd(2000, 4, 23)));
    }

    /// Eid al-Fitr 1445 fell on 10 April 2024 in Saudi Arabia; Ramadan 1440
    /// ran from 6 May to 3 June 2019.
    #[test]
    fn hijri_holidays_in_a_gregorian_year() {
        let fitr = Rule::parse("hijri 10 1").unwrap();
        let starts = |rule: Rule, year| -> Vec<_> {
            rule.around(year).iter().map(|o| (o.start, o.end)).collect()
        };
        assert!(starts(fitr, 2024).contains(&(ymd(2024, 4, 10), None)));
        let ramadan = Rule::parse("hijrimonth 9").unwrap();
        assert!(starts(ramadan, 2019).contains(&(ymd(2019, 5, 6), Some(ymd(2019, 6, 4)))));
        assert_eq!(Rule::parse("lunar 1 1"), None);
    }

    /// US holidays as the Office of Personnel Management lists them:
    /// Thanksgiving 2024 on 28 November, Memorial Day 2024 on 27 May,
    /// Labor Day 2025 on 1 September, Black Friday 2024 on 29 November.
    #[test]
    fn weekdays_counted_in_a_month() {
        let day = |rule: &str, year| Rule::parse(rule).unwrap().in_year(year).unwrap().start;
        assert_eq!(day("weekday 11 4 4", 2024), ymd(2024, 11, 28));
        assert_eq!(day("weekday 5 -1 1", 2024), ymd(2024, 5, 27));
        assert_eq!(day("weekday 9 1 1", 2025), ymd(2025, 9, 1));
        assert_eq!(day("weekday 11 4 4 1", 2024), ymd(2024, 11, 29));
        assert_eq!(day("weekday 12 -1 3", 2024), ymd(2024, 12, 25));
        assert_eq!(Rule::parse("weekday 13 1 1"), None);
        assert_eq!(Rule::parse("weekday 5 6 1"), None);
        assert_eq!(Rule::parse("weekday 5 1 8"), None);
        // A fifth weekday that a month lacks is no day.
        assert_eq!(Rule::parse("weekday 2 5 1").unwrap().in_year(2024), None);
    }
}
