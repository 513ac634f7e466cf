//! Weekends: one near the reference (`this weekend`, `last weekend`, `this
//! past week-end`, `next weekend`; `over the weekend` by the tense of its
//! clause), one counted within a month (`the last
//! weekend of October 2017`, `the first weekend in May`, through
//! `nth::day_in_month`), and the long weekend of a holiday on a Monday or a
//! Friday (`labor day weekend`). A weekend runs from Friday 18:00 to Monday
//! 00:00, at hour grain, as Duckling reads it; a long one a day longer.
//!
//! The Arabic `عطلة نهاية الأسبوع` names Friday and Saturday in some
//! countries and Saturday and Sunday in others: it is read only when the
//! document's zone is a country's (an IANA zone, `Asia/Riyadh`), as the
//! whole days of that country's weekend (`data/weekends.tsv`, from CLDR);
//! with a fixed offset or UTC, where the text was written is not known,
//! and it is not read.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::dates::{midnight, When};
use super::relative::direction_or_this;
use super::tense::{clause_tense, Tense};
use super::words::Words;
use super::{Anchor, Context, Grain};

/// The ISO number of Saturday, the day a weekend is counted by.
pub(super) const SATURDAY: u32 = 6;

/// The token after the word `weekend` at `k` (`weekend`, `week-end`,
/// `wkend`, `week end`).
pub(super) fn weekend_word(w: &Words, k: usize) -> Option<usize> {
    match w.folded(k) {
        "weekend" | "week-end" | "wkend" => Some(k + 1),
        "week" if w.next_on_line(k + 1) => {
            let hyphen = w.joins_by_hyphen(k + 1);
            let end = if hyphen { k + 2 } else { k + 1 };
            (w.next_on_line(end) && w.folded(end) == "end").then_some(end + 1)
        }
        _ => None,
    }
}

/// The weekend whose Saturday is `saturday`: Friday 18:00 to Monday 00:00.
pub(super) fn weekend_of(saturday: NaiveDate, anchor: Anchor) -> Option<When> {
    let friday_evening =
        (saturday - Duration::days(1)).and_time(NaiveTime::from_hms_opt(18, 0, 0)?);
    let mut when = When::new(friday_evening, Grain::Hour, anchor);
    when.end = Some(midnight(saturday + Duration::days(2)));
    Some(when)
}

/// `labor day weekend`, `memorial day week-end`: the weekend a holiday on a
/// Monday or a Friday makes a day longer (Friday 18:00 to Tuesday 00:00,
/// or Thursday 18:00 to Monday 00:00); a holiday on a Saturday or a Sunday
/// is in a weekend as it is. Of a holiday on another day, none.
/// `found` is the holiday's reading (the token after its name, its day).
pub(super) fn holiday_weekend(w: &Words, found: (usize, When)) -> Option<(usize, When)> {
    let (end, holiday) = found;
    if !w.next_on_line(end) || holiday.end.is_some() {
        return None;
    }
    let after = weekend_word(w, end)?;
    let day = holiday.start.date();
    let (saturday, days_before, days_after) = match day.weekday().number_from_monday() {
        1 => (day - Duration::days(2), 0, 1),
        5 => (day + Duration::days(1), 1, 0),
        SATURDAY => (day, 0, 0),
        7 => (day - Duration::days(1), 0, 0),
        _ => return None,
    };
    let mut weekend = weekend_of(saturday, holiday.anchor)?;
    weekend.start -= Duration::days(days_before);
    weekend.end = weekend.end.map(|e| e + Duration::days(days_after));
    Some((after, weekend))
}

/// `this weekend`, `next weekend`, `the coming weekend` (the weekend the
/// reference is in, else the next one, as `next Friday` is the next
/// Friday), `last weekend`, `this past weekend` (the one before that).
pub(super) fn weekend_near(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if let Some(found) = the_weekend(cx, i) {
        return Some(found);
    }
    let mut k = i;
    if w.folded(k) == "the" && w.next_on_line(k + 1) {
        k += 1;
    }
    let mut direction = direction_or_this(w, k)?;
    // `this past weekend`, `this coming weekend`.
    if direction == 0 && w.next_on_line(k + 1) {
        if let Some(d) = direction_or_this(w, k + 1).filter(|d| *d != 0) {
            direction = d;
            k += 1;
        }
    }
    if !w.next_on_line(k + 1) {
        return None;
    }
    let end = weekend_word(w, k + 1)?;
    let saturday = current_or_next_saturday(cx.reference.date());
    let saturday = if direction < 0 {
        saturday - Duration::weeks(1)
    } else {
        saturday
    };
    Some((end, weekend_of(saturday, Anchor::Reference)?))
}

/// `the weekend` alone (`over the weekend`, `during the weekend`): the one
/// the tense of its clause tells, as a bare weekday's. Told in the past, the
/// last one begun by the reference (`talks collapsed over the weekend`);
/// else the one the reference is in, or the next (`talks will resume over
/// the weekend`). Not before a lower-case word it describes (`the weekend
/// edition`, `the weekend of October 5`).
fn the_weekend(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if w.folded(i) != "the" || !w.next_on_line(i + 1) {
        return None;
    }
    let end = weekend_word(w, i + 1)?;
    if w.lower_noun_or_of_follows(end) {
        return None;
    }
    let reference = cx.reference.local;
    let saturday = current_or_next_saturday(reference.date());
    let coming = weekend_of(saturday, Anchor::Reference)?;
    let past = clause_tense(w, i, end) == Some(Tense::Past);
    if past && coming.start > reference {
        return Some((
            end,
            weekend_of(saturday - Duration::weeks(1), Anchor::Reference)?,
        ));
    }
    Some((end, coming))
}

/// `عطلة نهاية الأسبوع` (the weekend), with a direction or `this` after
/// it (`الماضي`, `المقبل`, `الحالي`) or none, and `نهاية الأسبوع` alone
/// (`في نهاية الأسبوع`), where the document's zone says which days the
/// weekend is ([`weekend_days`]): with a direction read as `last weekend`,
/// `next weekend` are; without, by the tense of its clause as `over the
/// weekend` is (`زار جدة في عطلة نهاية الأسبوع`: the last one). Its whole
/// days, at day grain. `نهاية الأسبوع` with a direction or a word that
/// describes the week (`نهاية الأسبوع الماضي`, `نهاية الأسبوع الدراسي`)
/// is the end of that week (`relative::month_part`).
pub(super) fn arabic_weekend(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let holiday = w.folded(i) == "عطله";
    let at = i + usize::from(holiday);
    let said = (i + 1..=at + 1).all(|k| w.next_on_line(k))
        && w.folded(at) == "نهايه"
        && w.folded(at + 1) == "الاسبوع";
    if !said {
        return None;
    }
    let end = at + 2;
    let direction = w
        .next_on_line(end)
        .then(|| direction_or_this(w, end))
        .flatten();
    let described = w.next_on_line(end) && w.folded(end).starts_with("ال");
    if !holiday && (direction.is_some() || described) {
        return None;
    }
    let (first, last) = weekend_days(&cx.reference.zone)?;
    let today = cx.reference.date();
    let coming = current_or_next_weekend(today, first, last);
    let before = |d: NaiveDate| d - Duration::weeks(1);
    let (start, end) = match direction {
        Some(d) if d < 0 => (before(coming), end + 1),
        Some(_) => (coming, end + 1),
        None if coming > today && clause_tense(w, i, end) == Some(Tense::Past) => {
            (before(coming), end)
        }
        None => (coming, end),
    };
    let mut when = When::day(start, Anchor::Reference);
    when.end = Some(midnight(
        start + Duration::days(weekend_length(first, last)),
    ));
    Some((end, when))
}

/// The first and last day of the weekend (ISO weekday numbers) of the
/// country of `zone`, an IANA zone of a country (`data/weekends.tsv`).
fn weekend_days(zone: &super::zone::Zone) -> Option<(u32, u32)> {
    static DAYS: OnceLock<HashMap<&'static str, (u32, u32)>> = OnceLock::new();
    let super::zone::Zone::Named(tz) = zone else {
        return None;
    };
    let days = DAYS.get_or_init(|| {
        include_str!("../../../data/weekends.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let zone = fields.next()?;
                let first = fields.nth(1)?.parse().ok()?;
                let last = fields.next()?.parse().ok()?;
                Some((zone, (first, last)))
            })
            .collect()
    });
    days.get(tz.name()).copied()
}

/// The days from the weekend's `first` day to its `last` (ISO weekday
/// numbers), both included: 2 for Friday and Saturday, 1 for Sunday alone.
fn weekend_length(first: u32, last: u32) -> i64 {
    i64::from((last + 7 - first) % 7 + 1)
}

/// The first day of the weekend of days `first` to `last` that `date` is
/// in, else of the next one.
fn current_or_next_weekend(date: NaiveDate, first: u32, last: u32) -> NaiveDate {
    let since_first = (date.weekday().number_from_monday() + 7 - first) % 7;
    if i64::from(since_first) < weekend_length(first, last) {
        date - Duration::days(i64::from(since_first))
    } else {
        date + Duration::days(i64::from(7 - since_first))
    }
}

/// The Saturday of the weekend `date` is in (a Saturday or a Sunday), else
/// of the next one (from Monday to Friday, Friday evening included).
fn current_or_next_saturday(date: NaiveDate) -> NaiveDate {
    current_or_next_weekend(date, SATURDAY, 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_current_weekend_is_the_one_ahead_until_it_is_over() {
        // 2013-02-12 is a Tuesday; the weekend ahead has Saturday the 16th.
        for day in 12..=17 {
            assert_eq!(
                current_or_next_saturday(date(2013, 2, day)),
                date(2013, 2, 16)
            );
        }
        // Monday: the weekend just over is behind, the next one ahead.
        assert_eq!(
            current_or_next_saturday(date(2013, 2, 18)),
            date(2013, 2, 23)
        );
    }

    #[test]
    fn a_weekend_runs_from_friday_evening_to_monday() {
        let weekend = weekend_of(date(2013, 2, 16), Anchor::Reference).unwrap();
        assert_eq!(
            weekend.start,
            date(2013, 2, 15).and_hms_opt(18, 0, 0).unwrap()
        );
        assert_eq!(weekend.end, Some(midnight(date(2013, 2, 18))));
        assert_eq!(weekend.grain, Grain::Hour);
    }

    #[test]
    fn a_countrys_weekend_is_current_from_its_first_day_to_its_last() {
        // Friday and Saturday: 2013-02-15 is a Friday.
        for day in 12..=16 {
            assert_eq!(
                current_or_next_weekend(date(2013, 2, day), 5, 6),
                date(2013, 2, 15)
            );
        }
        assert_eq!(
            current_or_next_weekend(date(2013, 2, 17), 5, 6),
            date(2013, 2, 22)
        );
        // Sunday alone; Thursday and Friday.
        assert_eq!(
            current_or_next_weekend(date(2013, 2, 17), 7, 7),
            date(2013, 2, 17)
        );
        assert_eq!(
            current_or_next_weekend(date(2013, 2, 18), 7, 7),
            date(2013, 2, 24)
        );
        assert_eq!(weekend_length(4, 5), 2);
        assert_eq!(weekend_length(7, 7), 1);
    }

    #[test]
    fn the_weekend_days_come_from_the_zones_country() {
        use super::super::zone::Zone;
        let days = |zone: &str| weekend_days(&Zone::parse(zone).unwrap());
        assert_eq!(days("Asia/Riyadh"), Some((5, 6)));
        assert_eq!(days("Asia/Kabul"), Some((4, 5)));
        assert_eq!(days("Europe/Paris"), Some((6, 7)));
        assert_eq!(days("Asia/Dubai"), Some((6, 7)));
        // No country's: a fixed offset, UTC.
        assert_eq!(days("+03:00"), None);
        assert_eq!(days("UTC"), None);
    }
}
