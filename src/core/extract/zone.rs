//! The time zone a document's dates resolve in: a fixed UTC offset, or an
//! IANA zone (`Asia/Riyadh`, `America/New_York`) whose offset follows its
//! daylight-saving rules at each date.

use std::str::FromStr;

use chrono::{NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::lexicon::parse_offset;

/// A time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Seconds east of UTC, the same all year.
    Fixed(i32),
    /// A zone of the IANA time zone database.
    Named(Tz),
}

impl Default for Zone {
    fn default() -> Self {
        Zone::Fixed(0)
    }
}

impl Zone {
    /// The zone as [`Zone::parse`] reads it: `+03:00`, `-02:30`,
    /// `Asia/Riyadh`.
    ///
    /// ```
    /// use lisan::core::extract::Zone;
    /// assert_eq!(Zone::Fixed(-(2 * 3600 + 1800)).name(), "-02:30");
    /// assert_eq!(Zone::parse("Africa/Cairo").unwrap().name(), "Africa/Cairo");
    /// ```
    pub fn name(&self) -> String {
        match self {
            Zone::Fixed(seconds) => {
                let sign = if *seconds < 0 { '-' } else { '+' };
                let minutes = seconds.unsigned_abs() / 60;
                format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
            Zone::Named(tz) => tz.name().to_string(),
        }
    }

    /// A zone from `"+03:00"`, `"-0200"`, `"UTC"`, `"Z"` or an IANA name
    /// (`"Asia/Riyadh"`, case as the database writes it).
    ///
    /// ```
    /// use lisan::core::extract::Zone;
    /// assert_eq!(Zone::parse("+03:00"), Some(Zone::Fixed(3 * 3600)));
    /// assert!(matches!(Zone::parse("Africa/Cairo"), Some(Zone::Named(_))));
    /// assert_eq!(Zone::parse("Mars/Olympus"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Zone> {
        let s = s.trim();
        parse_offset(s)
            .map(Zone::Fixed)
            .or_else(|| Tz::from_str(s).ok().map(Zone::Named))
    }

    /// The local time of a UTC instant.
    pub fn local(&self, utc: NaiveDateTime) -> Option<NaiveDateTime> {
        utc.checked_add_signed(chrono::Duration::seconds(i64::from(
            self.offset_at_utc(utc),
        )))
    }

    /// Seconds east of UTC at the UTC instant `utc`.
    pub fn offset_at_utc(&self, utc: NaiveDateTime) -> i32 {
        match self {
            Zone::Fixed(seconds) => *seconds,
            Zone::Named(tz) => tz.offset_from_utc_datetime(&utc).fix().local_minus_utc(),
        }
    }

    /// Seconds east of UTC at the local time `local`. A time the clocks skip
    /// takes the offset before the change; a time they repeat, the first.
    pub fn offset_at(&self, local: NaiveDateTime) -> i32 {
        match self {
            Zone::Fixed(seconds) => *seconds,
            Zone::Named(tz) => match tz.offset_from_local_datetime(&local).earliest() {
                Some(offset) => offset.fix().local_minus_utc(),
                None => tz.offset_from_utc_datetime(&local).fix().local_minus_utc(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .unwrap()
    }

    #[test]
    fn named_zones_follow_daylight_saving() {
        let new_york = Zone::parse("America/New_York").unwrap();
        assert_eq!(new_york.offset_at(at(2024, 1, 15, 12, 0)), -5 * 3600);
        assert_eq!(new_york.offset_at(at(2024, 7, 15, 12, 0)), -4 * 3600);
        let riyadh = Zone::parse("Asia/Riyadh").unwrap();
        assert_eq!(riyadh.offset_at(at(2024, 7, 15, 12, 0)), 3 * 3600);
        // Cairo returned to summer time in 2023: +03:00 in July, +02:00 in January.
        let cairo = Zone::parse("Africa/Cairo").unwrap();
        assert_eq!(cairo.offset_at(at(2024, 7, 1, 12, 0)), 3 * 3600);
        assert_eq!(cairo.offset_at(at(2024, 1, 1, 12, 0)), 2 * 3600);
    }

    #[test]
    fn skipped_and_repeated_local_times_get_an_offset() {
        let new_york = Zone::parse("America/New_York").unwrap();
        // 2024-03-10 02:30 does not exist there; 2024-11-03 01:30 happens twice.
        assert_eq!(new_york.offset_at(at(2024, 3, 10, 2, 30)), -5 * 3600);
        assert_eq!(new_york.offset_at(at(2024, 11, 3, 1, 30)), -4 * 3600);
    }

    #[test]
    fn local_time_of_an_instant() {
        let tokyo = Zone::parse("Asia/Tokyo").unwrap();
        assert_eq!(
            tokyo.local(at(2024, 7, 1, 20, 0)),
            Some(at(2024, 7, 2, 5, 0))
        );
        assert_eq!(
            Zone::parse(" +03:00 ")
                .unwrap()
                .local(at(2024, 7, 1, 22, 0)),
            Some(at(2024, 7, 2, 1, 0))
        );
    }

    #[test]
    fn unknown_names_are_refused() {
        for bad in ["", "Asia/Nowhere", "asia riyadh", "+25:00"] {
            assert_eq!(Zone::parse(bad), None, "{bad:?}");
        }
    }
}
