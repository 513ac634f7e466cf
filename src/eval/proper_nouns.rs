//! The extraction pass's named entities against a treebank's proper nouns
//! (part of `lisan eval conllu`): a check of the named-entity recognizer
//! on text from another source than its training data, where no entity
//! annotation exists.
//!
//! Counted by syntactic word: a word is predicted when a named entity
//! (person, place, organization, event, misc) overlaps it, and gold when
//! the treebank marks it a proper noun or a word of a name. Words that the
//! pass reads as a date, time, amount or number are left out of both
//! sides: treebanks tag weekdays and months `PROPN`, and they are values
//! here. Demonyms (NORP) are adjectives in treebanks and are not counted.
//! This is not an entity-level F1 (a treebank has no entity types or
//! boundaries): precision says how many words of the names found are
//! proper nouns, recall how many proper nouns are found in some name.

use super::conllu::parse;
use super::score::{NonSpaceIndex, Score};
use crate::core::extract::{extract, EntityKind, ExtractOptions, Reference};

/// What an entity's words count as in the comparison.
enum Side {
    /// A name: its words should be proper nouns.
    Name,
    /// A value (date, time, amount, number): its words are left out.
    Value,
}

/// The side of an entity of `kind`; `None` for kinds that are neither
/// (demonyms, links), whose words are compared as any other word.
fn side(kind: EntityKind) -> Option<Side> {
    match kind {
        EntityKind::Person
        | EntityKind::Location
        | EntityKind::Organization
        | EntityKind::Event
        | EntityKind::Misc => Some(Side::Name),
        EntityKind::DateTime
        | EntityKind::Duration
        | EntityKind::Number
        | EntityKind::Ordinal
        | EntityKind::Money
        | EntityKind::Percent
        | EntityKind::Quantity => Some(Side::Value),
        _ => None,
    }
}

/// Scores the named entities of the extraction pass (embedded model) over
/// the text of the CoNLL-U treebank `gold` against its proper nouns.
pub fn evaluate(gold: &str) -> Score {
    let doc = parse(gold);
    let index = NonSpaceIndex::new(&doc.text);
    let options = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(chrono::NaiveDate::from_ymd_opt(2017, 1, 1).expect("a date")),
        ner_model: None,
    };
    let mut names = Vec::new();
    let mut values = Vec::new();
    for entity in extract(&doc.text, &options).entities {
        let span = index.span(entity.span.start, entity.span.end);
        match side(entity.kind) {
            Some(Side::Name) => names.push(span),
            Some(Side::Value) => values.push(span),
            None => {}
        }
    }
    let overlaps = |spans: &[(usize, usize)], word: (usize, usize)| {
        spans.iter().any(|s| s.0 < word.1 && word.0 < s.1)
    };
    let mut score = Score::default();
    for (&word, &proper) in doc.words.iter().zip(&doc.proper) {
        if overlaps(&values, word) {
            continue;
        }
        let named = overlaps(&names, word);
        score.gold += usize::from(proper);
        score.predicted += usize::from(named);
        score.correct += usize::from(proper && named);
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(id: usize, form: &str, upos: &str, misc: &str) -> String {
        format!("{id}\t{form}\t_\t{upos}\t_\t_\t_\t_\t_\t{misc}\n")
    }

    #[test]
    fn names_are_scored_against_proper_nouns_and_values_are_left_out() {
        // "President Barack Obama said in Paris on Monday that the new
        // minister will visit."
        let mut gold = String::from(
            "# newdoc id = d1\n# text = قال الرئيس باراك أوباما في باريس يوم الإثنين إن الوزير الجديد سيزور.\n",
        );
        for (i, (form, upos, misc)) in [
            ("قال", "VERB", "_"),
            ("الرئيس", "NOUN", "_"),
            ("باراك", "PROPN", "_"),
            ("أوباما", "PROPN", "_"),
            ("في", "ADP", "_"),
            ("باريس", "PROPN", "_"),
            ("يوم", "NOUN", "_"),
            ("الإثنين", "PROPN", "_"),
            ("إن", "PART", "_"),
            ("الوزير", "NOUN", "_"),
            ("الجديد", "ADJ", "_"),
            ("سيزور", "VERB", "SpaceAfter=No"),
            (".", "PUNCT", "_"),
        ]
        .into_iter()
        .enumerate()
        {
            gold.push_str(&word(i + 1, form, upos, misc));
        }
        gold.push('\n');
        let score = evaluate(&gold);
        assert_eq!(
            (score.gold, score.predicted, score.correct),
            (3, 3, 3),
            "the person and the city are found; the weekday is a date: {score:?}"
        );
    }

    #[test]
    fn a_word_marked_proper_counts_as_a_name() {
        let gold = format!(
            "# text = في الولايات المتحدة\n{}{}{}\n",
            word(1, "في", "ADP", "_"),
            word(2, "الولايات", "PROPN", "_"),
            word(3, "المتحدة", "ADJ", "Proper=True"),
        );
        let score = evaluate(&gold);
        assert_eq!((score.gold, score.correct), (2, 2), "{score:?}");
    }
}
