//! Calendar dates: written with digits (`2024-07-23`, `٢٣/٧/٢٠٢٤`) or with
//! month names in Arabic (every regional system) and English, with or
//! without a day and a year, and bare years after a year word (`عام 2022`).

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::lexicon::{fold, lexicon};
use super::{Entity, EntityKind, Grain, Value};
use crate::core::segment::{digit_value, Token, TokenKind};
use crate::core::span::Span;

/// Every date in `tokens` not overlapping a `taken` token, with the token
/// range it covers. Year-less dates take the year of `reference`. A date that
/// does not exist (`31 فبراير 2024`) covers its tokens with no entity, so its
/// parts are not reported as numbers either.
pub(super) fn dates(
    text: &str,
    tokens: &[Token],
    taken: &[bool],
    reference: NaiveDate,
) -> Vec<(Range<usize>, Option<Entity>)> {
    let words = Words::new(text, tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let found = numeric_date(&words, i)
            .or_else(|| named_date(&words, i, reference.year()))
            .or_else(|| year_after_word(&words, i));
        match found {
            Some((end, date)) if !taken[i..end].contains(&true) => {
                let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
                out.push((i..end, date.map(|d| d.into_entity(span))));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A resolved date before it gets its span.
struct Date {
    year: i32,
    month: u32,
    day: Option<u32>,
    grain: Grain,
    confidence: f32,
}

impl Date {
    fn into_entity(self, span: Span) -> Entity {
        let iso = match self.grain {
            Grain::Year => format!("{:04}", self.year),
            Grain::Month => format!("{:04}-{:02}", self.year, self.month),
            Grain::Day => format!(
                "{:04}-{:02}-{:02}",
                self.year,
                self.month,
                self.day.unwrap_or(1)
            ),
        };
        Entity {
            kind: EntityKind::DateTime,
            span,
            value: Value::DateTime {
                iso,
                grain: self.grain,
            },
            confidence: self.confidence,
        }
    }

    /// A day date, if the day exists in that month.
    fn day(year: i32, month: u32, day: u32, confidence: f32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Date {
            year,
            month,
            day: Some(day),
            grain: Grain::Day,
            confidence,
        })
    }

    fn month(year: i32, month: u32, confidence: f32) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month,
            day: None,
            grain: Grain::Month,
            confidence,
        })
    }
}

/// Tokens with what date matching asks of them, computed once.
struct Words<'t> {
    text: &'t str,
    tokens: &'t [Token],
}

impl<'t> Words<'t> {
    fn new(text: &'t str, tokens: &'t [Token]) -> Words<'t> {
        Words { text, tokens }
    }

    /// The text of token `i`, empty past the end.
    fn raw(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether tokens `i` and `i + 1` are on the same line.
    fn same_line(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => !self.text[a.span.end..b.span.start].contains('\n'),
            _ => false,
        }
    }

    /// The value and digit count of a plain number token of 1 to 4 digits.
    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i)? != TokenKind::Number {
            return None;
        }
        digits(self.raw(i))
    }

    fn day(&self, i: usize) -> Option<u32> {
        let raw = self.raw(i);
        let body = raw
            .get(..raw.len().saturating_sub(2))
            .filter(|_| ordinal(raw))
            .unwrap_or(raw);
        let (value, len) = if self.kind(i)? == TokenKind::Number {
            digits(body)?
        } else {
            return None;
        };
        (len <= 2 && (1..=31).contains(&value)).then_some(value)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let (value, len) = self.small_number(i)?;
        (len == 4).then_some(value as i32)
    }

    /// The month at `i` (one or two words, then an optional `/` and a second
    /// name of the same month), and the token after it.
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let (month, mut next) = self.one_month(i)?;
        let mut paired = false;
        if self.kind(next) == Some(TokenKind::Punctuation) && self.raw(next) == "/" {
            if let Some((second, after)) = self.one_month(next + 1) {
                if second == month {
                    next = after;
                    paired = true;
                }
            }
        }
        Some((month, next, paired))
    }

    fn one_month(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i)? != TokenKind::Word {
            return None;
        }
        let first = fold(self.raw(i));
        if self.same_line(i) && self.kind(i + 1) == Some(TokenKind::Word) {
            let second = fold(self.raw(i + 1));
            if let Some(m) = lexicon().two_word_month(&first, &second) {
                return Some((m, i + 2));
            }
        }
        lexicon().month(&first).map(|m| (m, i + 1))
    }

    /// Skips a comma at `i` (on the same line), returning the next index.
    fn skip_comma(&self, i: usize) -> usize {
        if i < self.tokens.len() && matches!(self.raw(i), "," | "،") {
            i + 1
        } else {
            i
        }
    }

    /// `م` (Gregorian era) glued after a year.
    fn skip_era(&self, i: usize) -> usize {
        let glued = i > 0
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.span.start == self.tokens[i - 1].span.end);
        if glued && self.raw(i) == "م" {
            i + 1
        } else {
            i
        }
    }
}

/// The value and digit count of a string of 1-4 digits.
fn digits(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars() {
        value = value * 10 + digit_value(c)?;
        len += 1;
        if len > 4 {
            return None;
        }
    }
    (len > 0).then_some((value, len))
}

fn ordinal(raw: &str) -> bool {
    raw.len() > 2 && raw.is_char_boundary(raw.len() - 2) && {
        let suffix = raw[raw.len() - 2..].to_ascii_lowercase();
        matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
    }
}

/// `2024-07-23`, `2024/07/23`, `23/07/2024`, `23-07-2024`, `23.07.2024`.
fn numeric_date(w: &Words, i: usize) -> Option<(usize, Option<Date>)> {
    if w.kind(i)? != TokenKind::Number {
        return None;
    }
    let raw = w.raw(i);
    let sep = ['-', '/', '.'].into_iter().find(|&s| raw.contains(s))?;
    let parts: Vec<(u32, usize)> = raw.split(sep).map(digits).collect::<Option<_>>()?;
    let (y, m, d) = match parts.as_slice() {
        [(y, 4), (m, 1..=2), (d, 1..=2)] => (*y, *m, *d),
        [(d, 1..=2), (m, 1..=2), (y, 4)] => (*y, *m, *d),
        _ => return None,
    };
    Some((i + 1, Date::day(y as i32, m, d, 0.95)))
}

/// `23 يوليو 2024`, `23rd, July 2024`, `July 23, 2024`, `مارس/آذار 2012`,
/// `23 تموز`, and a paired month alone (`يوليو/تموز`).
fn named_date(w: &Words, i: usize, reference_year: i32) -> Option<(usize, Option<Date>)> {
    if let Some(day) = w.day(i) {
        let after_day = w.skip_comma(i + 1);
        let (month, next, _) = w.month(after_day)?;
        let after_month = w.skip_comma(next);
        if let Some(year) = w.year(after_month).filter(|_| w.same_line(after_month - 1)) {
            let end = w.skip_era(after_month + 1);
            return Some((end, Date::day(year, month, day, 0.95)));
        }
        return Some((next, Date::day(reference_year, month, day, 0.8)));
    }
    let (month, next, paired) = w.month(i)?;
    if let Some(day) = w.day(next).filter(|_| w.same_line(next - 1)) {
        let after_day = w.skip_comma(next + 1);
        if let Some(year) = w.year(after_day).filter(|_| w.same_line(after_day - 1)) {
            return Some((w.skip_era(after_day + 1), Date::day(year, month, day, 0.95)));
        }
        return Some((next + 1, Date::day(reference_year, month, day, 0.8)));
    }
    if let Some(year) = w.year(next).filter(|_| w.same_line(next - 1)) {
        return Some((w.skip_era(next + 1), Date::month(year, month, 0.9)));
    }
    if paired {
        return Some((next, Date::month(reference_year, month, 0.75)));
    }
    None
}

/// `عام 2022`, `العام 2022`, `وسنة ١٩٩٩`, `year 2022`.
fn year_after_word(w: &Words, i: usize) -> Option<(usize, Option<Date>)> {
    if w.kind(i)? != TokenKind::Word || !w.same_line(i) || !lexicon().is_year_word(&fold(w.raw(i)))
    {
        return None;
    }
    let year = w.year(i + 1)?;
    let date = Date {
        year,
        month: 1,
        day: None,
        grain: Grain::Year,
        confidence: 0.9,
    };
    Some((w.skip_era(i + 2), Some(date)))
}
