//! Hijri dates (`15 رمضان 1445 هـ`, `رمضان 1445`), converted to Gregorian
//! with the Umm al-Qura calendar for the years its table covers (1343 to
//! 1500 AH), else with the arithmetic (tabular) Islamic calendar; see
//! [`Calendar`].

use chrono::NaiveDate;

use super::dates::{midnight, When};
use super::lexicon::Sense;
use super::ummalqura::{self, Lookup};
use super::words::Words;
use super::{Anchor, Calendar, Context, Grain};

/// Julian day number of 1 Muharram 1 AH in the civil (Friday) epoch.
const EPOCH_JDN: i64 = 1_948_440;
/// Julian day number of 1 January 1 CE (proleptic Gregorian) minus one,
/// the offset of chrono's days-from-CE count.
const CE_JDN_OFFSET: i64 = 1_721_425;

/// The Gregorian date of a day of the tabular Islamic calendar.
pub(super) fn tabular_to_gregorian(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=9999).contains(&year) {
        return None;
    }
    let month_days = |m: u32| {
        if m % 2 == 1 || (m == 12 && is_leap(year)) {
            30
        } else {
            29
        }
    };
    if day > month_days(month) {
        return None;
    }
    let m = i64::from(month);
    let jdn = i64::from(day)
        + (59 * (m - 1) + 1) / 2 // 29.5 days a month, rounded up: ceil(29.5 (m - 1))
        + (year - 1) * 354
        + (3 + 11 * year).div_euclid(30)
        + EPOCH_JDN
        - 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - CE_JDN_OFFSET).ok()?)
}

/// The Gregorian date of a Hijri date, and the calendar that converted it:
/// Umm al-Qura inside its table, tabular outside it. `None` for a day the
/// month does not have.
pub(super) fn to_gregorian(year: i64, month: u32, day: u32) -> Option<(NaiveDate, Calendar)> {
    match ummalqura::to_gregorian(year, month, day) {
        Lookup::Date(date) => Some((date, Calendar::IslamicUmmAlQura)),
        Lookup::NoSuchDay => None,
        Lookup::OutsideTable => {
            tabular_to_gregorian(year, month, day).map(|date| (date, Calendar::IslamicTabular))
        }
    }
}

/// Leap years of the 30-year cycle: 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29.
fn is_leap(year: i64) -> bool {
    (14 + 11 * year).rem_euclid(30) < 11
}

/// The Hijri month named at `i` (`رمضان`, `ربيع الأول`): its number and
/// the token after its name.
pub(super) fn month_at(w: &Words, i: usize) -> Option<(u32, usize)> {
    let pick = |s: &Sense| match s {
        Sense::Hijri(m) => Some(*m),
        _ => None,
    };
    if let Some(m) = w.find_pair(i, pick) {
        return Some((m, i + 2));
    }
    w.find(i, pick).map(|(m, _)| (m, i + 1))
}

/// The Hijri era at `k` (`هـ`, `هجري`, `هجرية`, `الهجري`, `للهجرة`): the
/// token after it.
pub(super) fn era_at(w: &Words, k: usize) -> Option<usize> {
    if !w.next_on_line(k) {
        return None;
    }
    let hijri = |s: &Sense| matches!(s, Sense::HijriEra).then_some(());
    let after_lam = w.folded(k).strip_prefix("لل").is_some_and(|rest| {
        super::lexicon::lexicon()
            .senses(rest)
            .iter()
            .any(|s| hijri(s).is_some())
    });
    let found = w.find(k, hijri).is_some() || w.find_after_article(k, hijri).is_some() || after_lam;
    found.then_some(k + 1)
}

/// The Hijri year `year` (`عام 1445 هـ`, `سنة 36 للهجرة`): its days, from
/// 1 Muharram to the next 1 Muharram, in the calendar that converts them.
pub(super) fn year_when(year: u32) -> Option<When> {
    if year == 0 {
        return None;
    }
    let (first, calendar) = to_gregorian(i64::from(year), 1, 1)?;
    let (next, _) = to_gregorian(i64::from(year) + 1, 1, 1)?;
    let mut when = When::new(midnight(first), Grain::Day, Anchor::Absolute);
    when.end = Some(midnight(next));
    when.calendar = calendar;
    Some(when)
}

/// A Hijri date at `i`: an optional day, a Hijri month and a year (with an
/// optional era mark `هـ`). A month with a year and no day is the month.
#[inline]
pub(super) fn hijri_date(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (day, at) = match super::dates::day_number(w, i) {
        Some(d) if w.next_on_line(i + 1) => (Some(d), i + 1),
        _ => (None, i),
    };
    let (month, after) = month_at(w, at)?;
    if !w.next_on_line(after) {
        return None;
    }
    let (year, len) = w.small_number(after)?;
    if len < 3 {
        return None;
    }
    let mut end = after + 1;
    let era = w.next_on_line(end)
        && w.find(end, |s| matches!(s, Sense::HijriEra).then_some(()))
            .is_some();
    if era {
        end += 1;
    } else if year > 1600 {
        return None; // a Gregorian year after a Hijri month name (رمضان 2019)
    }
    let (first, calendar) = to_gregorian(i64::from(year), month, day.unwrap_or(1))?;
    let mut when = When::new(midnight(first), Grain::Day, Anchor::Absolute);
    when.calendar = calendar;
    if day.is_none() {
        let (next, _) = if month == 12 {
            to_gregorian(i64::from(year) + 1, 1, 1)?
        } else {
            to_gregorian(i64::from(year), month + 1, 1)?
        };
        when.end = Some(midnight(next));
    }
    Some((end, when))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates of the tabular (civil, type II) calendar as published in
    /// calendar tables (e.g. the Calendrical Calculations "Islamic" arithmetic
    /// calendar): 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 Gregorian.
    #[test]
    fn tabular_conversion_matches_known_dates() {
        let cases = [
            ((1, 1, 1), (622, 7, 19)),
            ((1445, 1, 1), (2023, 7, 19)),
            ((1445, 9, 1), (2024, 3, 11)),
            ((1446, 1, 1), (2024, 7, 8)),
        ];
        for ((y, m, d), (gy, gm, gd)) in cases {
            assert_eq!(
                tabular_to_gregorian(y, m, d),
                NaiveDate::from_ymd_opt(gy, gm, gd),
                "{y}-{m}-{d}"
            );
        }
        assert_eq!(tabular_to_gregorian(1445, 2, 30), None, "Safar has 29 days");
    }

    #[test]
    fn the_table_decides_inside_its_years_and_arithmetic_outside() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            to_gregorian(1446, 1, 1),
            Some((ymd(2024, 7, 7), Calendar::IslamicUmmAlQura))
        );
        let outside = tabular_to_gregorian(1300, 1, 1).map(|d| (d, Calendar::IslamicTabular));
        assert!(outside.is_some());
        assert_eq!(
            to_gregorian(1300, 1, 1),
            outside,
            "before the table: arithmetic"
        );
        assert_eq!(to_gregorian(1445, 1, 30), None, "Muharram 1445 had 29 days");
    }
}
