//! `lisan eval duckling`: Duckling's corpus format (one JSON object a line:
//! `dim`, `text`, `value`, `negative`). A positive row passes when extraction
//! finds exactly one entity covering the whole text, of the row's dimension,
//! with the expected value; a negative row passes when nothing of its
//! dimension is found. Values resolve at Duckling's reference time,
//! 2013-02-12 04:30 at UTC-2. Dimensions the core does not extract fail.
//!
//! Values are compared as a user would: dates by their ISO prefix at day
//! grain and coarser, times as instants (a zone written in the text gives
//! another offset for the same instant), intervals by both ends, money by
//! ISO code and amount (Duckling's `Dollar` is USD, `Cent` a hundredth of
//! it, `Pound` EGP or GBP), quantities by their amount in the base unit,
//! phone numbers by E.164 or national digits and extension.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use serde_json::Value as Json;

use crate::core::extract::{
    extract, unit_factor, Bound, Entity, EntityKind, ExtractOptions, Grain, Reference,
    ReferenceSource, TimeBound, TimeUnit, TimeValue, Value, Zone,
};

/// Passes and totals per dimension.
pub type DimensionScores = BTreeMap<String, (usize, usize)>;

/// Duckling's reference time: 2013-02-12 04:30 at UTC-2.
fn reference() -> Reference {
    Reference {
        local: NaiveDate::from_ymd_opt(2013, 2, 12)
            .and_then(|d| d.and_hms_opt(4, 30, 0))
            .expect("a valid time"),
        zone: Zone::Fixed(-2 * 3600),
        source: ReferenceSource::Request,
    }
}

/// Runs every row of `corpus` and returns (passed, total) per dimension.
pub fn evaluate(corpus: &str) -> Result<DimensionScores, String> {
    evaluate_showing_failures(corpus, |_| {})
}

/// [`evaluate`], calling `failed` with a line that describes each failing
/// row: its dimension, text, expected value and what was found.
pub fn evaluate_showing_failures(
    corpus: &str,
    mut failed: impl FnMut(String),
) -> Result<DimensionScores, String> {
    // Duckling has no named entities: the tagger is not run.
    let options = ExtractOptions {
        kinds: EntityKind::ALL
            .into_iter()
            .filter(|k| !k.is_named())
            .collect(),
        reference: reference(),
        ner_model: None,
    };
    let mut scores = DimensionScores::new();
    for (n, line) in corpus
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let row: Json = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let dim = row["dim"].as_str().unwrap_or("?").to_string();
        let text = row["text"].as_str().unwrap_or("").trim();
        let found = extract(text, &options).entities;
        let kind = kind_of(&dim);
        let passed = if row["negative"].as_bool().unwrap_or(false) {
            !found.iter().any(|e| Some(e.kind) == kind)
        } else {
            kind.is_some()
                && found.len() == 1
                && Some(found[0].kind) == kind
                && covers_all(&found[0], text)
                && value_matches(&found[0], &row["value"])
        };
        if !passed {
            let got: Vec<String> = found
                .iter()
                .map(|e| {
                    format!(
                        "{:?} {:?} {:?}",
                        e.kind,
                        &text[e.span.start..e.span.end],
                        e.value
                    )
                })
                .collect();
            failed(format!("{dim}\t{text}\t{}\t{got:?}", row["value"]));
        }
        let entry = scores.entry(dim).or_default();
        entry.0 += usize::from(passed);
        entry.1 += 1;
    }
    Ok(scores)
}

/// The entity kind that answers a Duckling dimension, if the core has one.
fn kind_of(dim: &str) -> Option<EntityKind> {
    match dim {
        "Time" => Some(EntityKind::DateTime),
        "Numeral" | "Numeral_AR_EG" => Some(EntityKind::Number),
        "Ordinal" => Some(EntityKind::Ordinal),
        "Duration" => Some(EntityKind::Duration),
        "AmountOfMoney" => Some(EntityKind::Money),
        "Quantity" | "Volume" | "Temperature" | "Distance" => Some(EntityKind::Quantity),
        "PhoneNumber" => Some(EntityKind::PhoneNumber),
        "Email" => Some(EntityKind::Email),
        "Url" => Some(EntityKind::Url),
        _ => None,
    }
}

fn covers_all(entity: &Entity, text: &str) -> bool {
    entity.span.start == 0 && entity.span.end == text.len()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn value_matches(entity: &Entity, expected: &Json) -> bool {
    match &entity.value {
        Value::Number { value, .. } => expected["value"].as_f64().is_some_and(|v| close(v, *value)),
        Value::DateTime(t) => time_matches(t, expected),
        Value::Duration(d) => {
            expected["value"]
                .as_f64()
                .is_some_and(|v| d.amount.parse().is_ok_and(|a: f64| close(a, v)))
                && expected["unit"].as_str() == d.unit.map(unit_name)
        }
        Value::Money {
            amount,
            currency,
            max,
            bound,
        } => {
            let Some((name, value, _)) = simple_args(expected) else {
                return false;
            };
            if !bound_matches(*bound, expected) {
                return false;
            }
            let want_max = range_max(expected);
            let scale = if name == "Cent" { 0.01 } else { 1.0 };
            let max_ok = match (max, want_max) {
                (None, None) => true,
                (Some(m), Some(w)) => m.parse().is_ok_and(|m: f64| close(m, w * scale)),
                _ => false,
            };
            if !max_ok {
                return false;
            }
            let (codes, value): (&[&str], f64) = match name {
                "Dollar" => (&["USD"], value),
                "Cent" => (&["USD"], value / 100.0),
                "Pound" => (&["EGP", "GBP"], value),
                code => {
                    return currency == code && amount.parse().is_ok_and(|a: f64| close(a, value))
                }
            };
            codes.contains(&currency.as_str()) && amount.parse().is_ok_and(|a: f64| close(a, value))
        }
        Value::Quantity(q) => {
            let Some((name, value, product)) = simple_args(expected) else {
                return false;
            };
            let Some(symbol) = unit_symbol(name) else {
                return false;
            };
            let temperature = q.dimension == crate::core::extract::Dimension::Temperature;
            // Temperatures compare in their scale, other quantities in the base unit.
            let same = |got: Option<&str>, want: f64| {
                let Some(got) = got.and_then(|g| g.parse::<f64>().ok()) else {
                    return false;
                };
                if temperature {
                    q.unit == symbol && close(got, want)
                } else {
                    unit_factor(symbol).is_some_and(|f| close(got, f * want))
                }
            };
            let (low, high) = if temperature {
                (q.amount.as_str(), q.max.as_deref())
            } else {
                (q.base_amount.as_str(), q.max_base.as_deref())
            };
            let max_ok = match (high, range_max(expected)) {
                (None, None) => true,
                (Some(h), Some(w)) => same(Some(h), w),
                _ => false,
            };
            bound_matches(q.bound, expected)
                && max_ok
                && same(Some(low), value)
                && q.product == product
        }
        Value::Phone(p) => {
            let Some(want) = expected["value"].as_str() else {
                return false;
            };
            let (number, extension) = match want.split_once(" ext ") {
                Some((n, e)) => (n, Some(e.to_string())),
                None => (want, None),
            };
            let got = match number.strip_prefix("(+").and_then(|r| r.split_once(") ")) {
                Some((cc, national)) => {
                    p.e164.as_deref()
                        == Some(format!("+{cc}{}", national.trim_start_matches('0')).as_str())
                }
                None => p.e164.is_none() && p.national == number,
            };
            got && p.extension == extension
        }
        // Duckling has no dimension of recurrences.
        Value::Link(_) | Value::Tag(_) | Value::Named { .. } | Value::Recurrence(_) => false,
    }
}

/// Whether the bound of an amount is Duckling's `under`/`above` (an
/// approximation is no bound for Duckling).
fn bound_matches(bound: Option<Bound>, expected: &Json) -> bool {
    match expected["type"].as_str() {
        Some("under") => bound == Some(Bound::AtMost),
        Some("above") => bound == Some(Bound::AtLeast),
        _ => matches!(bound, None | Some(Bound::About)),
    }
}

/// Duckling's `"simple"` values: `Dollar 10`, `Gram 2 Nothing`,
/// `Ounce 3 (Just "الذهب")`, `Degree (-2)`: the name, the number, the product.
fn simple_args(expected: &Json) -> Option<(&str, f64, Option<String>)> {
    let args = expected["args"].as_str()?;
    let (name, rest) = args.split_once(' ')?;
    let rest = rest.trim();
    let (number, tail) = if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        (&inner[..close], inner[close + 1..].trim())
    } else {
        rest.split_once(' ').unwrap_or((rest, ""))
    };
    // A range `(10, 20)`: its lower end (see `range_max`).
    let number = number.split(',').next().unwrap_or(number);
    let value: f64 = number.trim().parse().ok()?;
    let product = tail
        .strip_prefix("(Just \"")
        .and_then(|p| p.strip_suffix("\")"))
        .map(str::to_string);
    Some((name, value, product))
}

/// The upper end of a range in Duckling's `"Dollar (10, 20)"`.
fn range_max(expected: &Json) -> Option<f64> {
    let args = expected["args"].as_str()?;
    let inner = args.split_once('(')?.1.split_once(')')?.0;
    inner.split_once(',')?.1.trim().parse().ok()
}

fn unit_symbol(duckling: &str) -> Option<&'static str> {
    Some(match duckling {
        "Gram" => "g",
        "Kilogram" => "kg",
        "Milligram" => "mg",
        "Ounce" => "oz",
        "Pound" => "lb",
        "Cup" => "cup",
        "Litre" => "l",
        "Millilitre" => "ml",
        "Hectolitre" => "hl",
        "Gallon" => "gal",
        "Metre" => "m",
        "Kilometre" => "km",
        "Centimetre" => "cm",
        "Millimetre" => "mm",
        "Inch" => "in",
        "Foot" => "ft",
        "Yard" => "yd",
        "Mile" => "mi",
        "Celsius" => "°C",
        "Fahrenheit" => "°F",
        "Degree" => "°",
        _ => return None,
    })
}

fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "second",
        TimeUnit::Minute => "minute",
        TimeUnit::Hour => "hour",
        TimeUnit::Day => "day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => "year",
    }
}

fn grain_name(grain: Grain) -> &'static str {
    match grain {
        Grain::Year => "year",
        Grain::Month => "month",
        Grain::Week => "week",
        Grain::Quarter => "quarter",
        Grain::Day => "day",
        Grain::Hour => "hour",
        Grain::Minute => "minute",
        Grain::Second => "second",
    }
}

/// Whether our ISO value names the same time as Duckling's timestamp.
fn same_time(ours: &str, want: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(ours),
        DateTime::parse_from_rfc3339(want),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => !ours.contains('T') && want.starts_with(ours),
    }
}

fn time_matches(t: &TimeValue, expected: &Json) -> bool {
    if expected["grain"].as_str() != Some(grain_name(t.grain)) {
        return false;
    }
    // An open interval: Duckling writes only its one end.
    if let Some(bound) = t.bound {
        let (mine, other) = match bound {
            TimeBound::Before => ("to", "from"),
            TimeBound::After => ("from", "to"),
        };
        return t.end.is_none()
            && expected[other].is_null()
            && expected[mine]
                .as_str()
                .is_some_and(|want| same_time(&t.iso, want));
    }
    match (expected["value"].as_str(), &t.end) {
        (Some(want), None) => same_time(&t.iso, want),
        (None, Some(end)) => {
            let (Some(from), Some(to)) = (expected["from"].as_str(), expected["to"].as_str())
            else {
                return false;
            };
            same_time(&t.iso, from) && same_time(end, to)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_pass_and_fail_by_their_rules() {
        let corpus = r#"{"dim": "Numeral", "text": "١٢", "value": {"type": "value", "value": 12.0}, "negative": false}
{"dim": "Numeral", "text": "12", "value": {"type": "value", "value": 13.0}, "negative": false}
{"dim": "Time", "text": "3 مارس 2013", "value": {"type": "value", "value": "2013-03-03T00:00:00.000-02:00", "grain": "day"}, "negative": false}
{"dim": "Time", "text": "لا شيء", "value": null, "negative": true}
{"dim": "Time", "text": "الساعة 3 صباحا", "value": {"type": "value", "value": "2013-02-12T03:00:00.000-02:00", "grain": "hour"}, "negative": false}
{"dim": "AmountOfMoney", "text": "عشرة دولارات", "value": {"type": "simple", "args": "Dollar 10"}, "negative": false}
{"dim": "Quantity", "text": "0.5 كغ", "value": {"type": "simple", "args": "Gram 500 Nothing"}, "negative": false}
{"dim": "Ordinal", "text": "الحادي عشر", "value": {"type": "value", "value": 11}, "negative": false}
{"dim": "Ordinal", "text": "الثالث", "value": {"type": "value", "value": 4}, "negative": false}
{"dim": "Flight", "text": "x", "value": {"type": "value", "value": 1}, "negative": false}"#;
        let scores = evaluate(corpus).unwrap();
        assert_eq!(scores["Numeral"], (1, 2));
        assert_eq!(scores["Time"], (3, 3));
        assert_eq!(scores["AmountOfMoney"], (1, 1));
        assert_eq!(scores["Quantity"], (1, 1));
        assert_eq!(scores["Ordinal"], (1, 2));
        assert_eq!(scores["Flight"], (0, 1));
    }
}
