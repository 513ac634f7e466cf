//! Named entities and quotations in the extraction pass: the tagger's
//! mentions join the other entities (where they do not overlap one: a
//! date or an amount found by the rules wins), grouped per entity, and
//! quotations are found with their speakers.

use std::sync::Arc;

use super::quotes::{quotations, Quote};
use super::{Entity, EntityKind, ExtractOptions, Value};
use crate::core::budget::Budget;
use crate::core::error::Error;
use crate::core::ner::{self, linking, Group, Model, NerKind};
use crate::core::segment::Token;

/// The entity kind of a named-entity kind.
pub fn entity_kind(kind: NerKind) -> EntityKind {
    match kind {
        NerKind::Person => EntityKind::Person,
        NerKind::Location => EntityKind::Location,
        NerKind::Organization => EntityKind::Organization,
        NerKind::Norp => EntityKind::Norp,
        NerKind::Event => EntityKind::Event,
        NerKind::Misc => EntityKind::Misc,
    }
}

/// What the named-entity step adds to an extraction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Named {
    pub groups: Vec<Group>,
    pub quotes: Vec<Quote>,
}

/// Whether the options ask for named entities at all.
fn wants_names(options: &ExtractOptions) -> bool {
    options.kinds.is_empty() || options.kinds.iter().any(|k| k.is_named())
}

/// Whether the options ask for quotations (all kinds, or speakers' kinds).
fn wants_quotes(options: &ExtractOptions) -> bool {
    options.kinds.is_empty()
        || options.kinds.contains(&EntityKind::Person)
        || options.kinds.contains(&EntityKind::Organization)
}

/// Tags `tokens`, adds the mentions the options want to `entities` (kept
/// in text order, never overlapping) and returns the groups and quotations.
pub fn add_named(
    text: &str,
    tokens: &[Token],
    options: &ExtractOptions,
    budget: &Budget,
    entities: &mut Vec<Entity>,
) -> Result<Named, Error> {
    if !wants_names(options) && !wants_quotes(options) {
        return Ok(Named::default());
    }
    let model: Arc<Model> = options.ner_model.clone().unwrap_or_else(Model::embedded);
    let mut mentions = ner::mentions_within(text, tokens, &model, budget)?;
    // Both lists are in text order and never overlap within themselves: one
    // sweep finds the mentions that overlap a rule entity.
    let mut next = 0;
    mentions.retain(|m| {
        while next < entities.len() && entities[next].span.end <= m.span.start {
            next += 1;
        }
        let overlaps = entities.get(next).is_some_and(|e| e.span.overlaps(m.span));
        options.wants(entity_kind(m.kind)) && !overlaps
    });
    let groups = linking::link(text, &mut mentions);
    let quotes = if wants_quotes(options) {
        quotations(text, tokens, &mentions)
    } else {
        Vec::new()
    };
    let named = mentions.iter().map(|m| Entity {
        kind: entity_kind(m.kind),
        span: m.span,
        value: Value::Named {
            group: m.group,
            country: m.country,
        },
        confidence: m.confidence,
    });
    let mut all: Vec<Entity> = entities.drain(..).chain(named).collect();
    all.sort_by_key(|e| e.span.start);
    *entities = all;
    Ok(Named { groups, quotes })
}
