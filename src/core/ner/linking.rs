//! Within-document linking: mentions of one entity grouped together, as
//! Google Natural Language returns them (an entity and its mentions).
//!
//! A person mention joins the latest person group whose words contain its
//! words, or whose words it contains (`بشار الأسد` ... `الأسد`; the longer
//! name becomes the group's name); a demonym joins the group of its
//! country's other demonyms; any other mention joins a group of its kind
//! with the same words. Words are compared folded and without the article,
//! so `الأسد` and `للأسد` are one.

use super::features::strip_article;
use super::gazetteer::fold;
use super::{Mention, NerKind};
use crate::core::span::Span;

/// An entity of the document and its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub kind: NerKind,
    /// The longest mention's text (the first of the longest).
    pub name: Span,
    /// Indices of its mentions, in text order.
    pub mentions: Vec<usize>,
    /// The ISO 3166 code of the country it is or belongs to.
    pub country: Option<&'static str>,
    /// The share of the document's mentions that are this entity's (0..1).
    pub salience: f32,
}

/// The words of `span`, folded and without the article, as linking and
/// consistency compare them.
pub(super) fn words(text: &str, span: Span) -> Vec<String> {
    span.slice(text)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| strip_article(&fold(w)).to_string())
        .collect()
}

fn contains_all(big: &[String], small: &[String]) -> bool {
    small.iter().all(|w| big.contains(w))
}

/// Groups a word is looked up in, most recent last; only the latest
/// [`CANDIDATES_PER_WORD`] are kept, so linking stays linear.
const CANDIDATES_PER_WORD: usize = 8;

/// Groups `mentions` (setting each one's `group`) and returns the groups,
/// in the order of their first mention.
pub fn link(text: &str, mentions: &mut [Mention]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_words: Vec<Vec<String>> = Vec::new();
    // foldhash: the keys are short words of the document, hashed per mention.
    let mut by_word: foldhash::HashMap<String, Vec<usize>> = Default::default();
    let mut norp_by_country: foldhash::HashMap<&'static str, usize> = Default::default();
    for (index, m) in mentions.iter_mut().enumerate() {
        let w = words(text, m.span);
        let mut candidates: Vec<usize> = w
            .iter()
            .filter_map(|word| by_word.get(word))
            .flatten()
            .copied()
            .collect();
        if m.kind == NerKind::Norp {
            candidates.extend(m.country.and_then(|c| norp_by_country.get(c)).copied());
        }
        candidates.sort_unstable();
        candidates.dedup();
        let target = candidates.into_iter().rev().find(|&g| {
            let group = &groups[g];
            if group.kind != m.kind {
                return false;
            }
            match m.kind {
                NerKind::Norp => m.country.is_some() && group.country == m.country,
                NerKind::Person => {
                    contains_all(&group_words[g], &w) || contains_all(&w, &group_words[g])
                }
                _ => group_words[g] == w,
            }
        });
        let g = match target {
            Some(g) => g,
            None => {
                groups.push(Group {
                    kind: m.kind,
                    name: m.span,
                    mentions: Vec::new(),
                    country: m.country,
                    salience: 0.0,
                });
                group_words.push(w.clone());
                groups.len() - 1
            }
        };
        for word in &w {
            let list = match by_word.get_mut(word) {
                Some(list) => list,
                None => by_word.entry(word.clone()).or_default(),
            };
            if list.last() != Some(&g) {
                list.retain(|&x| x != g);
                list.push(g);
                if list.len() > CANDIDATES_PER_WORD {
                    list.remove(0);
                }
            }
        }
        if let (NerKind::Norp, Some(country)) = (m.kind, m.country) {
            norp_by_country.insert(country, g);
        }
        let group = &mut groups[g];
        group.mentions.push(index);
        if m.span.len() > group.name.len() {
            group.name = m.span;
        }
        if w.len() > group_words[g].len() {
            group_words[g] = w;
        }
        group.country = group.country.or(m.country);
        m.group = g;
    }
    let total = mentions.len().max(1) as f32;
    for g in &mut groups {
        g.salience = g.mentions.len() as f32 / total;
    }
    groups
}
