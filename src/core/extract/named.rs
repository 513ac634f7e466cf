//! Named entities and quotations in the extraction pass: the tagger's
//! mentions join the other entities (where they do not overlap one: a
//! date or an amount found by the rules wins), grouped per entity, and
//! quotations are found with their speakers.

use std::sync::Arc;

use super::lexicon::{fold, lexicon, Sense};
use super::quotes::{quotations, Quote};
use super::{Entity, EntityKind, ExtractOptions, Value};
use crate::core::budget::Budget;
use crate::core::error::Error;
use crate::core::ner::{self, linking, name_closing_mark, Group, Mention, Model, NerKind};
use crate::core::segment::Token;
use crate::core::span::Span;

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

/// Whether `entity` is a number or ordinal written in words inside `name`
/// and shorter than it: a word of the name, not a value of its own.
fn is_word_of_name(text: &str, entity: &Entity, name: Span) -> bool {
    matches!(entity.kind, EntityKind::Ordinal | EntityKind::Number)
        && name.start <= entity.span.start
        && entity.span.end <= name.end
        && entity.span.len() < name.len()
        && !entity.span.slice(text).chars().any(char::is_numeric)
}

/// Whether the mention fills a pair of quotation marks (`«نجوم الغد»`, a
/// work's title; `شركة «العشرين»`): the quoted name is one name, and what
/// would be a date or a number inside it (`الغد`) is a word of it.
fn fills_quotation_marks(text: &str, mention: &Mention) -> bool {
    let before = text[..mention.span.start].trim_end();
    let after = text[mention.span.end..].trim_start();
    let closing = before.chars().next_back().and_then(name_closing_mark);
    closing.is_some_and(|c| after.starts_with(c))
}

/// Whether `name` is a time zone's acronym (`GMT`), which the Latin rules
/// of the tagger would otherwise take for an organization's.
fn is_time_zone(name: &str) -> bool {
    let acronym = name.len() <= 5 && name.bytes().all(|b| b.is_ascii_uppercase());
    acronym
        && lexicon()
            .senses(&fold(name))
            .iter()
            .any(|s| matches!(s, Sense::Zone(_)))
}

/// Whether `name` is one word that names a weekday (`Monday`, `الجمعة`),
/// which the time extractors leave where it counts from the story's time
/// (`the following Monday`): no name.
fn is_weekday(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && lexicon()
            .senses(&fold(name))
            .iter()
            .any(|s| matches!(s, Sense::Weekday(_)))
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
    // sweep finds the rule entities each mention overlaps. The rule entity
    // wins, unless it is a number word inside the name (`آل ثاني`,
    // `عبدالله الثاني`, `مجموعة العشرين`) or the name fills a pair of
    // quotation marks (`برنامج «نجوم الغد»`): then the name does.
    let mut next = 0;
    let mut taken_by_names = vec![false; entities.len()];
    mentions.retain(|m| {
        while next < entities.len() && entities[next].span.end <= m.span.start {
            next += 1;
        }
        let name = m.span.slice(text);
        if !options.wants(entity_kind(m.kind)) || is_time_zone(name) || is_weekday(name) {
            return false;
        }
        let overlapped =
            (next..entities.len()).take_while(|&k| entities[k].span.start < m.span.end);
        let quoted = fills_quotation_marks(text, m);
        if overlapped
            .clone()
            .all(|k| quoted || is_word_of_name(text, &entities[k], m.span))
        {
            overlapped.for_each(|k| taken_by_names[k] = true);
            true
        } else {
            false
        }
    });
    if taken_by_names.contains(&true) {
        let mut taken = taken_by_names.into_iter();
        entities.retain(|_| !taken.next().unwrap_or(false));
    }
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
