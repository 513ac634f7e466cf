//! `lisan eval duckling`: Duckling's corpus format (one JSON object a line:
//! `dim`, `text`, `value`, `negative`). A positive row passes when extraction
//! finds exactly one entity covering the whole text, of the row's dimension,
//! with the expected value; a negative row passes when nothing of its
//! dimension is found. Values resolve at Duckling's reference time,
//! 2013-02-12 04:30 at UTC-2. Dimensions the core does not extract yet fail.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value as Json;

use crate::core::extract::{extract, Entity, EntityKind, ExtractOptions, Grain, Value};

/// Passes and totals per dimension.
pub type DimensionScores = BTreeMap<String, (usize, usize)>;

/// Duckling's reference date (its reference time is 2013-02-12 04:30 UTC-2).
fn reference_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 2, 12).expect("a valid date")
}

/// Runs every row of `corpus` and returns (passed, total) per dimension.
pub fn evaluate(corpus: &str) -> Result<DimensionScores, String> {
    let options = ExtractOptions {
        kinds: Vec::new(),
        reference_date: reference_date(),
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
        let found = extract(text, &options);
        let kind = kind_of(&dim);
        let passed = if row["negative"].as_bool().unwrap_or(false) {
            !found.iter().any(|e| Some(e.kind) == kind)
        } else {
            kind.is_some()
                && found.len() == 1
                && covers_all(&found[0], text)
                && value_matches(&found[0], &row["value"])
        };
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
        _ => None,
    }
}

fn covers_all(entity: &Entity, text: &str) -> bool {
    entity.span.start == 0 && entity.span.end == text.len()
}

fn value_matches(entity: &Entity, expected: &Json) -> bool {
    match &entity.value {
        Value::Number { value, .. } => expected["value"]
            .as_f64()
            .is_some_and(|v| (v - value).abs() < 1e-9),
        Value::DateTime { iso, grain } => {
            let (Some(want), Some(want_grain)) =
                (expected["value"].as_str(), expected["grain"].as_str())
            else {
                return false;
            };
            let grain_name = match grain {
                Grain::Year => "year",
                Grain::Month => "month",
                Grain::Day => "day",
            };
            grain_name == want_grain && want.starts_with(iso.as_str())
        }
        Value::Link(_) => false,
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
{"dim": "Ordinal", "text": "الاول", "value": {"type": "value", "value": 1}, "negative": false}"#;
        let scores = evaluate(corpus).unwrap();
        assert_eq!(scores["Numeral"], (1, 2));
        assert_eq!(scores["Time"], (2, 2));
        assert_eq!(scores["Ordinal"], (0, 1));
    }
}
