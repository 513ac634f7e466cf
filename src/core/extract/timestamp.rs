//! An ISO 8601 timestamp as machines write it in pages and feeds
//! (`2016-12-16T12:23:59`, `2024-07-23T10:00+03:00`,
//! `2024-07-23T07:00:00.250Z`): the date, `T`, the time to the minute or
//! the second (a fraction of a second is read and dropped), and the zone
//! when written (`Z`, `+03:00`, `+0300`). The tokenizer cuts it into
//! several tokens (`2016-12-16`, `T12`, `:`, `23:59`); it is read from the
//! text, and must end where a token ends.

use chrono::{NaiveDate, NaiveTime};

use super::dates::When;
use super::{Anchor, Context, Found, Grain, Zone};

/// The timestamp starting at token `i` (the date glued to `T`).
pub(super) fn timestamp(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let start = w.tokens[i].span.start;
    // The date is one token: `2016-12-16`.
    if w.raw(i).len() != 10 || !w.glued(i) {
        return None;
    }
    let (when, len) = parse(&w.text[start..])?;
    let end_byte = start + len;
    let end = (i + 1..w.len()).find(|&k| w.tokens[k].span.end >= end_byte)?;
    if w.tokens[end].span.end != end_byte {
        return None;
    }
    Some(when.found(cx, i, end + 1, 0.95))
}

/// The timestamp at the start of `s` and its length in bytes.
fn parse(s: &str) -> Option<(When, usize)> {
    let b = s.as_bytes();
    let mut at = Reader { b, at: 0 };
    let year = at.digits(4)?;
    at.expect(b'-')?;
    let month = at.digits(2)?;
    at.expect(b'-')?;
    let day = at.digits(2)?;
    if !(at.byte(b'T') || at.byte(b't')) {
        return None;
    }
    let hour = at.digits(2)?;
    at.expect(b':')?;
    let minute = at.digits(2)?;
    let mut grain = Grain::Minute;
    let mut second = 0;
    if at.byte(b':') {
        second = at.digits(2)?;
        grain = Grain::Second;
        if at.byte(b'.') {
            at.digits(1)?;
            while at.digits(1).is_some() {}
        }
    }
    let zone = at.zone();
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let mut when = When::new(date.and_time(time), grain, Anchor::Absolute);
    when.zone = zone;
    Some((when, at.at))
}

/// Bytes read one by one; a failed read moves nothing.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// Whether the next byte is `want` (read when it is).
    fn byte(&mut self, want: u8) -> bool {
        let found = self.b.get(self.at) == Some(&want);
        self.at += usize::from(found);
        found
    }

    /// The next byte, which must be `want`.
    fn expect(&mut self, want: u8) -> Option<()> {
        self.byte(want).then_some(())
    }

    /// `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let digits = self.b.get(self.at..self.at + n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += n;
        Some(digits.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
    }

    /// `Z`, or a sign and hours and minutes with or without a colon.
    fn zone(&mut self) -> Option<Zone> {
        if self.byte(b'Z') || self.byte(b'z') {
            return Some(Zone::Fixed(0));
        }
        let sign = match self.b.get(self.at) {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return None,
        };
        let before = self.at;
        self.at += 1;
        let offset = self.digits(2).and_then(|hours| {
            let _ = self.byte(b':');
            let minutes = self.digits(2)?;
            (hours <= 14 && minutes < 60).then_some(hours * 3600 + minutes * 60)
        });
        match offset {
            Some(seconds) => Some(Zone::Fixed(sign * seconds as i32)),
            None => {
                self.at = before;
                None
            }
        }
    }
}
