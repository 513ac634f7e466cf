//! The Umm al-Qura calendar of Saudi Arabia, from its published month table
//! (`data/ummalqura.tsv`, 1343 to 1500 AH, i.e. 1924 to 2077).

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};

/// The table: one line per Hijri year, its 1 Muharram and twelve month lengths.
const TABLE: &str = include_str!("../../../data/ummalqura.tsv");

/// One year of the table.
struct Year {
    year: i64,
    first_day: NaiveDate,
    month_lengths: [u8; 12],
}

fn years() -> &'static [Year] {
    static YEARS: OnceLock<Vec<Year>> = OnceLock::new();
    YEARS.get_or_init(|| TABLE.lines().filter_map(parse_line).collect())
}

fn parse_line(line: &str) -> Option<Year> {
    if line.starts_with('#') {
        return None;
    }
    let mut fields = line.split('\t');
    let year = fields.next()?.parse().ok()?;
    let first_day = NaiveDate::parse_from_str(fields.next()?, "%Y-%m-%d").ok()?;
    let mut month_lengths = [0u8; 12];
    let mut lengths = fields.next()?.split(' ');
    for length in &mut month_lengths {
        *length = lengths.next()?.parse().ok()?;
    }
    Some(Year {
        year,
        first_day,
        month_lengths,
    })
}

/// What the table says of a Hijri date.
#[derive(Debug, PartialEq)]
pub(super) enum Lookup {
    /// The Gregorian date of this day.
    Date(NaiveDate),
    /// The year is in the table but the month has no such day.
    NoSuchDay,
    /// The year is outside the table (before 1343 or after 1500 AH).
    OutsideTable,
}

/// The Gregorian date of a day of the Umm al-Qura calendar.
pub(super) fn to_gregorian(year: i64, month: u32, day: u32) -> Lookup {
    let years = years();
    let Some(first) = years.first() else {
        return Lookup::OutsideTable;
    };
    let Some(entry) = usize::try_from(year - first.year)
        .ok()
        .and_then(|index| years.get(index))
    else {
        return Lookup::OutsideTable;
    };
    if !(1..=12).contains(&month) || day == 0 {
        return Lookup::NoSuchDay;
    }
    let before = &entry.month_lengths[..month as usize - 1];
    if day > u32::from(entry.month_lengths[month as usize - 1]) {
        return Lookup::NoSuchDay;
    }
    let offset = before.iter().map(|&l| u64::from(l)).sum::<u64>() + u64::from(day) - 1;
    match entry.first_day.checked_add_days(Days::new(offset)) {
        Some(date) => Lookup::Date(date),
        None => Lookup::NoSuchDay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Lookup {
        Lookup::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    /// Dates as the Saudi calendar printed them: 1 Ramadan 1445 was Monday
    /// 11 March 2024, Eid al-Fitr 1445 Wednesday 10 April 2024, 1 Muharram
    /// 1446 Sunday 7 July 2024 (the tabular calendar says the 8th).
    #[test]
    fn published_dates_convert() {
        assert_eq!(to_gregorian(1445, 9, 1), date(2024, 3, 11));
        assert_eq!(to_gregorian(1445, 10, 1), date(2024, 4, 10));
        assert_eq!(to_gregorian(1446, 1, 1), date(2024, 7, 7));
        assert_eq!(to_gregorian(1343, 1, 1), date(1924, 8, 1));
    }

    #[test]
    fn every_year_of_the_table_follows_the_previous_one() {
        let years = years();
        assert_eq!(years.len(), 158, "1343..=1500");
        for pair in years.windows(2) {
            let length: u64 = pair[0].month_lengths.iter().map(|&l| u64::from(l)).sum();
            assert_eq!(pair[0].year + 1, pair[1].year);
            assert_eq!(
                pair[0].first_day.checked_add_days(Days::new(length)),
                Some(pair[1].first_day),
                "{}",
                pair[1].year
            );
        }
    }

    #[test]
    fn days_beyond_a_month_and_years_beyond_the_table_are_told_apart() {
        assert_eq!(
            to_gregorian(1445, 1, 30),
            Lookup::NoSuchDay,
            "Muharram 1445 had 29 days"
        );
        assert_eq!(to_gregorian(1445, 13, 1), Lookup::NoSuchDay);
        assert_eq!(to_gregorian(1342, 12, 1), Lookup::OutsideTable);
        assert_eq!(to_gregorian(1501, 1, 1), Lookup::OutsideTable);
    }
}
