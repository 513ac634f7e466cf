//! Numbers and percentages written with digits in any supported script.

use super::{Entity, EntityKind, Value};
use crate::core::segment::{digit_value, Token, TokenKind};

/// The number or percentage a NUMBER token holds. Tokens that are times,
/// dates, ranges or ordinals (`10:30`, `1/2/3`, `21st`) are not numbers.
pub(super) fn number(text: &str, token: Token) -> Option<Entity> {
    if token.kind != TokenKind::Number {
        return None;
    }
    let raw = token.span.slice(text);
    let (body, kind) = match raw.strip_suffix(['%', '٪']) {
        Some(body) => (body, EntityKind::Percent),
        None => (raw, EntityKind::Number),
    };
    let decimal = parse_decimal(body)?;
    let value = decimal.parse::<f64>().ok()?;
    Some(Entity {
        kind,
        span: token.span,
        value: Value::Number { decimal, value },
        confidence: 0.99,
    })
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
