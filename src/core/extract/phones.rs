//! Phone numbers: digit groups of any script separated by spaces, dashes,
//! dots or parentheses, with an optional country code after `+` or the
//! international prefix `00`, and an extension (`+١ ٦٥٠٧٠١٨٨٨٧`,
//! `(+33) 1 46 64 79 98`, `00966 50 123 4567`, `+966501234567`,
//! `650-701-8887 x 897`). With an assigned country code (ITU-T E.164, see
//! [`super::calling_codes`]) the value is E.164 (`+16507018887`). Digits
//! grouped by thousands without a country code are a number
//! (`1 414 021 100`, see `digit_groups.rs`).

use super::calling_codes::split_calling_code;
use super::digit_groups::grouped;
use super::starts::COUNTING_UNIT;
use super::{Context, Entity, EntityKind, Found, PhoneValue, Value};
use crate::core::segment::digit_value;

/// Digits of a phone number: E.164 allows 15 with the country code.
const MAX_DIGITS: usize = 15;
/// The fewest digits any plausible number has (a national number of six
/// after a country code).
const MIN_DIGITS: usize = 6;

/// A phone number at token `i`.
pub(super) fn phone(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let mut k = i;
    let mut open = false;
    if w.raw(k) == "(" && w.glued(k) {
        open = true;
        k += 1;
    }
    if !w.is_number(k) {
        return None;
    }
    // The digits are only counted here; they are written out once the
    // count can make a phone number (most number tokens are not one).
    let mut digits = 0;
    let mut end = k;
    let mut separated = false;
    while k < w.len() {
        let raw = w.raw(k);
        if w.is_number(k) && (k == i + usize::from(open) || w.next_on_line(k)) {
            let plus = raw.starts_with('+');
            if plus && k != i + usize::from(open) {
                break;
            }
            if raw
                .chars()
                .any(|c| digit_value(c).is_none() && !matches!(c, '+' | '-' | '.'))
            {
                return None; // 12,500 or 10:30 or a percentage: not a phone
            }
            separated |= raw.contains(['-', '.']);
            digits += raw.chars().filter(|&c| digit_value(c).is_some()).count();
            if digits > MAX_DIGITS {
                return None;
            }
            k += 1;
            end = k;
            continue;
        }
        let f = w.folded(k);
        if matches!(f, "-" | "." | ")" | "(")
            && w.next_on_line(k)
            && (w.is_number(k + 1) || matches!(w.raw(k + 1), "(" | ")"))
        {
            if f == ")" {
                if !open {
                    break;
                }
                open = false;
            } else if f == "(" {
                if open {
                    break;
                }
                open = true; // a trunk prefix or area code: +44 (0)20 ...
            }
            separated = true;
            k += 1;
            end = k;
            continue;
        }
        break;
    }
    // Every plausible number below has at least six digits.
    if open || digits < MIN_DIGITS {
        return None;
    }
    let mut country = None;
    let mut groups: Vec<String> = Vec::new();
    for t in i..end {
        if !w.is_number(t) {
            continue;
        }
        let raw = w.raw(t);
        let group: String = raw
            .chars()
            .filter_map(digit_value)
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        if raw.starts_with('+') {
            country = Some(group);
        } else {
            groups.push(group);
        }
    }
    let (country, national) = international(country, groups.concat());
    let with_country = country.is_some();
    // `1 414 021 100 نسمة`, `1 234 567.89`: digits grouped by thousands,
    // with no country code, are a number.
    if !with_country && grouped(w, i).is_some_and(|g| g.end >= end) {
        return None;
    }
    let plausible = match (with_country, groups.len()) {
        (true, _) => (6..=14).contains(&national.len()),
        (false, 1) if end == i + 1 && dotted_shape(w.raw(i)) => true,
        (false, 1) => (10..=MAX_DIGITS).contains(&national.len()) && !separated,
        (false, n) => (9..=MAX_DIGITS).contains(&national.len()) && (n >= 3 || separated),
    };
    // Amounts before a unit (`32000 - 190000 سنة`, a range of years) are
    // no phone number.
    let counted = w.next_on_line(end) && w.class(end) & COUNTING_UNIT != 0;
    if !plausible || counted && !with_country {
        return None;
    }
    let mut extension = None;
    if w.next_on_line(end)
        && matches!(w.folded(end), "x" | "ext" | "فرعي" | "تحويله" | "داخلي")
        && w.next_on_line(end + 1)
        && w.is_number(end + 1)
    {
        let ext: String = w
            .raw(end + 1)
            .chars()
            .filter_map(digit_value)
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        if !ext.is_empty() && ext.len() <= 6 {
            extension = Some(ext);
            end += 2;
        }
    }
    let e164 = country.as_ref().map(|c| format!("+{c}{national}"));
    Some(Found::entity(
        end,
        Entity {
            kind: EntityKind::PhoneNumber,
            span: cx.span(i, end),
            value: Value::Phone(PhoneValue {
                e164,
                national,
                extension,
            }),
            confidence: if with_country { 0.9 } else { 0.7 },
        },
    ))
}

/// The country code and national number of a number's digits: the digits
/// after `+` may hold the whole number (`+966501234567`), digits after `00`
/// are international; a leading trunk `0` after the country code goes
/// (`+44 (0)20 ...`). Without an assigned code the number stays national.
fn international(plus: Option<String>, rest: String) -> (Option<String>, String) {
    let (code, national) = match plus {
        Some(digits) => (digits, rest),
        None => match rest.strip_prefix("00") {
            Some(after) => (after.to_string(), String::new()),
            None => return (None, rest),
        },
    };
    let digits = code + &national;
    let Some((code, national)) = split_calling_code(&digits) else {
        return (None, digits);
    };
    (
        Some(code.to_string()),
        national.trim_start_matches('0').to_string(),
    )
}

/// Whether one number token is a phone number written with dots: the
/// North American 3.3.4 (`650.701.8887`), or five pairs from a trunk `0`
/// (`01.46.64.79.98`, as France writes them). Other dotted numbers are
/// decimals, versions, dates (`12.05.2024`) or addresses (`192.168.10.200`).
///
/// ```text
/// 650.701.8887 yes   01.46.64.79.98 yes   12.05.2024 no   1.2.3 no
/// ```
fn dotted_shape(raw: &str) -> bool {
    let mut lengths = [0usize; 6];
    let mut groups = 0;
    for group in raw.split('.') {
        if groups == lengths.len() || group.is_empty() {
            return false;
        }
        if !group.chars().all(|c| digit_value(c).is_some()) {
            return false;
        }
        lengths[groups] = group.chars().count();
        groups += 1;
    }
    match &lengths[..groups] {
        [3, 3, 4] => true,
        [2, 2, 2, 2, 2] => raw.starts_with('0'),
        _ => false,
    }
}
