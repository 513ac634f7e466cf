//! Extraction: dates, numbers, percentages, URLs and emails, with values.
//!
//! Extractors work over the tokens of the segmenter, so every entity starts
//! and ends on a token boundary. Links come first, then dates (which consume
//! the numbers they are made of), then the remaining numbers.

mod dates;
mod lexicon;
mod links;
mod numbers;

use chrono::NaiveDate;

use super::segment::{tokenize, Token};
use super::span::Span;

/// The kinds of entity the core extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    DateTime,
    Number,
    Percent,
    Url,
    Email,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::DateTime,
        EntityKind::Number,
        EntityKind::Percent,
        EntityKind::Url,
        EntityKind::Email,
    ];
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Year,
    Month,
    Day,
}

/// The typed value of an entity.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// ISO 8601 as precise as the grain: `2022`, `2012-03`, `2024-07-23`.
    DateTime { iso: String, grain: Grain },
    /// An exact ASCII decimal and its nearest double.
    Number { decimal: String, value: f64 },
    /// A normalized URL or email address.
    Link(String),
}

/// Something found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    pub span: Span,
    pub value: Value,
    pub confidence: f32,
}

/// What to extract, and the date that relative or year-less dates resolve against.
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    /// Kinds to return; empty means all.
    pub kinds: Vec<EntityKind>,
    pub reference_date: NaiveDate,
}

impl ExtractOptions {
    fn wants(&self, kind: EntityKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// Extracts entities from `text`, in text order, never overlapping.
///
/// ```
/// use chrono::NaiveDate;
/// use lisan::core::extract::{extract, EntityKind, ExtractOptions, Value};
/// let options = ExtractOptions { kinds: vec![], reference_date: NaiveDate::from_ymd_opt(2024, 7, 23).unwrap() };
/// let text = "في مارس/آذار 2012 بلغ النمو ٣٫٥٪";
/// let found = extract(text, &options);
/// assert_eq!(found[0].span.slice(text), "مارس/آذار 2012");
/// assert_eq!(found[0].value, Value::DateTime { iso: "2012-03".into(), grain: lisan::core::extract::Grain::Month });
/// assert_eq!(found[1].kind, EntityKind::Percent);
/// ```
pub fn extract(text: &str, options: &ExtractOptions) -> Vec<Entity> {
    let tokens = tokenize(text);
    extract_from_tokens(text, &tokens, options)
}

/// [`extract`] over tokens already computed for `text`.
pub fn extract_from_tokens(text: &str, tokens: &[Token], options: &ExtractOptions) -> Vec<Entity> {
    let mut found: Vec<Entity> = Vec::new();
    let mut taken = vec![false; tokens.len()];
    for (i, token) in tokens.iter().enumerate() {
        if let Some(entity) = links::link(text, *token) {
            taken[i] = true;
            found.push(entity);
        }
    }
    for (range, entity) in dates::dates(text, tokens, &taken, options.reference_date) {
        taken[range].iter_mut().for_each(|t| *t = true);
        found.extend(entity);
    }
    for (i, token) in tokens.iter().enumerate() {
        if !taken[i] {
            found.extend(numbers::number(text, *token));
        }
    }
    found.retain(|e| options.wants(e.kind));
    found.sort_by_key(|e| e.span);
    found
}

#[cfg(test)]
mod tests;
