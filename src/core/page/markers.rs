//! The vocabulary of page labels (`data/page_markers.tsv`), matched on
//! folded words at the start of a line.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::core::fold::fold;

const MARKERS: &str = include_str!("../../../data/page_markers.tsv");

/// What a label at the start of a line announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    Related,
    Published,
    Updated,
    Source,
    Byline,
    Tags,
    Boilerplate,
}

/// The marker phrases, each as folded words, longest first.
struct Vocabulary {
    phrases: Vec<(MarkerKind, Vec<String>)>,
    social: HashSet<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut social = HashSet::new();
        for line in MARKERS.lines().filter(|l| !l.starts_with('#')) {
            let Some((kind, phrase)) = line.split_once('\t') else {
                continue;
            };
            let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
            let Some(kind) = kind_named(kind) else {
                social.extend(words);
                continue;
            };
            phrases.push((kind, words));
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
        Vocabulary { phrases, social }
    })
}

/// The kind a data line names; `None` for `social` (share-button words).
fn kind_named(name: &str) -> Option<MarkerKind> {
    Some(match name {
        "related" => MarkerKind::Related,
        "published" => MarkerKind::Published,
        "updated" => MarkerKind::Updated,
        "source" => MarkerKind::Source,
        "byline" => MarkerKind::Byline,
        "tags" => MarkerKind::Tags,
        "boilerplate" => MarkerKind::Boilerplate,
        "social" => return None,
        other => panic!("data/page_markers.tsv: unknown kind {other:?}"),
    })
}

/// The labels of one kind as the data writes them (not folded): for the
/// extractors that read the same labels inside running text, such as the
/// publication date's.
pub(crate) fn labels(kind: MarkerKind) -> impl Iterator<Item = &'static str> {
    MARKERS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(move |line| {
            let (name, phrase) = line.split_once('\t')?;
            (kind_named(name) == Some(kind)).then_some(phrase)
        })
}

/// The longest marker phrase the folded `words` start with: its kind and
/// how many words it takes.
pub fn marker_at(words: &[String]) -> Option<(MarkerKind, usize)> {
    vocabulary()
        .phrases
        .iter()
        .find(|(_, phrase)| {
            phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| p == w)
        })
        .map(|(kind, phrase)| (*kind, phrase.len()))
}

/// Whether a folded word is a share-button word (`facebook`, `طباعة`).
pub fn is_social(word: &str) -> bool {
    vocabulary().social.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> Vec<String> {
        line.split_whitespace().map(fold).collect()
    }

    #[test]
    fn markers_match_their_spelling_variants_longest_first() {
        let cases = [
            ("إقرأ أيضاً", Some((MarkerKind::Related, 2))),
            ("اقرأ ايضا في الموقع", Some((MarkerKind::Related, 3))),
            ("Related Articles", Some((MarkerKind::Related, 2))),
            ("تاريخ النشر", Some((MarkerKind::Published, 2))),
            ("Published on", Some((MarkerKind::Published, 2))),
            ("كلمات دلالية", Some((MarkerKind::Tags, 2))),
            ("بقلم", Some((MarkerKind::Byline, 1))),
            ("قال الوزير", None),
        ];
        for (line, want) in cases {
            assert_eq!(marker_at(&folded(line)), want, "{line}");
        }
        assert!(is_social("facebook") && is_social(&fold("واتساب")));
        assert!(!is_social("الوزير"));
    }
}
