//! Numbers and percentages: digits in any supported script, number words
//! (see `number_words.rs`), and ordinals.

use super::number_words::{amount, english_compound_ordinal, ordinal as ordinal_at};
use super::{Context, Entity, EntityKind, Found, Value};
use crate::core::segment::{digit_value, TokenKind};

/// A number or percentage at token `i`: a NUMBER token (`12,500`, `٣٫٥٪`),
/// digits with a scale word (`2.5 مليار`), or number words
/// (`ثلاثة آلاف وخمسمائة`), with an optional percent word after it
/// (`في المئة`, `بالمئة`, `percent`, `%`). Tokens that are times, dates or
/// ranges (`10:30`, `1/2/3`) are not numbers.
pub(super) fn number(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if w.kind(i) == Some(TokenKind::Number) {
        let raw = w.raw(i);
        if let Some(body) = raw.strip_suffix(['%', '٪']) {
            if !cx.beats(i + 1) {
                return None;
            }
            let decimal = parse_decimal(body)?;
            return Some(number_entity(
                cx,
                i,
                i + 1,
                EntityKind::Percent,
                decimal,
                0.99,
            ));
        }
    }
    let Some(found) = amount(w, i) else {
        if !cx.beats(i + 1) {
            return None;
        }
        // Digits beyond the exact arithmetic of words keep their decimal.
        let decimal = w.is_number(i).then(|| parse_decimal(w.raw(i))).flatten()?;
        return Some(number_entity(
            cx,
            i,
            i + 1,
            EntityKind::Number,
            decimal,
            0.99,
        ));
    };
    let confidence = match (found.approximate, found.words) {
        (true, _) => 0.5,
        (false, true) => 0.9,
        (false, false) => 0.99,
    };
    let (kind, end) = match percent_after(cx, found.end) {
        Some(end) => (EntityKind::Percent, end),
        None => (EntityKind::Number, found.end),
    };
    if !cx.beats(end) {
        return None;
    }
    Some(number_entity(
        cx,
        i,
        end,
        kind,
        found.value.to_string(),
        confidence,
    ))
}

/// A number entity over tokens `start..end`.
pub(super) fn number_entity(
    cx: &Context,
    start: usize,
    end: usize,
    kind: EntityKind,
    decimal: String,
    confidence: f32,
) -> Found {
    let value = decimal.parse::<f64>().unwrap_or(f64::NAN);
    Found::entity(
        end,
        Entity {
            kind,
            span: cx.span(start, end),
            value: Value::Number { decimal, value },
            confidence,
        },
    )
}

/// The token after a percent sign or word at `i` (`%`, `في المئة`, `بالمائة`,
/// `percent`), if there is one on the line.
fn percent_after(cx: &Context, i: usize) -> Option<usize> {
    let w = cx.words;
    if !w.next_on_line(i) {
        return None;
    }
    let f = w.folded(i);
    let hundred = |s: &str| matches!(s, "المئه" | "المائه" | "المية");
    if matches!(f, "%" | "٪" | "percent" | "pct") || f.strip_prefix('ب').is_some_and(hundred) {
        return Some(i + 1);
    }
    (f == "في" && w.next_on_line(i + 1) && hundred(w.folded(i + 1))).then_some(i + 2)
}

/// An ordinal at token `i`, its value a whole number.
pub(super) fn ordinal(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let (end, value) = ordinal_at(w, i).or_else(|| english_compound_ordinal(w, i))?;
    if !cx.beats(end) {
        return None;
    }
    let mut found = number_entity(cx, i, end, EntityKind::Ordinal, value.to_string(), 0.9);
    if let Some(e) = found.entity.as_mut() {
        e.confidence = if w.is_number(i) { 0.99 } else { 0.85 };
    }
    Some(found)
}

/// `body` as an exact ASCII decimal: digits of any script, an optional sign,
/// thousands separators and one decimal separator.
///
/// `٫` is always decimal and `٬` always grouping. With both `,` and `.`, the
/// last one is decimal. A lone separator kind groups when every group after
/// the first has three digits and there is more than one separator, or when
/// it is a comma followed by exactly three digits; otherwise it is decimal.
pub(super) fn parse_decimal(body: &str) -> Option<String> {
    let (negative, unsigned) = match body.chars().next()? {
        '-' | '\u{2212}' => (true, &body[body.chars().next()?.len_utf8()..]),
        '+' => (false, &body[1..]),
        _ => (false, body),
    };
    let decimal_mark = decimal_mark(unsigned)?;
    let mut out = String::with_capacity(unsigned.len() + 1);
    if negative {
        out.push('-');
    }
    for c in unsigned.chars() {
        if let Some(d) = digit_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else if Some(c) == decimal_mark {
            out.push('.');
        }
    }
    Some(out)
}

/// Which separator is the decimal mark (None: an integer); `None` overall
/// when the separators do not make a number (a time, a date, a range).
fn decimal_mark(s: &str) -> Option<Option<char>> {
    if s.contains([':', '/', '-']) {
        return None;
    }
    let seps: Vec<char> = s.chars().filter(|c| digit_value(*c).is_none()).collect();
    if seps.iter().any(|c| !matches!(c, '.' | ',' | '٫' | '٬')) {
        return None; // digits of a script we do not read, or other signs
    }
    if seps.contains(&'٫') {
        return (seps.iter().filter(|&&c| c == '٫').count() == 1).then_some(Some('٫'));
    }
    let last = match seps.last() {
        None => return Some(None),
        Some('٬') => return Some(None),
        Some(&c) => c,
    };
    let mixed = seps.iter().any(|&c| c != last && c != '٬');
    if mixed {
        // "1,234.5" or "1.234,5": the last separator is decimal and occurs once.
        return (seps.iter().filter(|&&c| c == last).count() == 1).then_some(Some(last));
    }
    let groups: Vec<usize> = s.split(last).skip(1).map(|g| g.chars().count()).collect();
    let all_thousands = groups.iter().all(|&g| g == 3);
    let grouping = all_thousands && (groups.len() > 1 || last == ',');
    if grouping {
        Some(None)
    } else if groups.len() == 1 {
        Some(Some(last))
    } else {
        None
    }
}
