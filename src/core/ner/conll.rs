//! CoNLL-style named-entity data (a word and its BIO tag per line, a blank
//! line between sentences) and the CoNLL entity-level score (an entity is
//! right when its type and both ends are).

use std::collections::BTreeMap;

use crate::core::score::Score;

use super::perceptron::Sentence;

/// Parses CoNLL text: `word TAG` (space or tab) per line, blank lines
/// between sentences; the tag is the last field. Lines starting with
/// `-DOCSTART-` are skipped.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(word), Some(tag)) = (fields.next(), fields.next_back()) else {
            return Err(format!("line {}: expected `word TAG`", n + 1));
        };
        current.words.push(word.to_string());
        current.tags.push(tag.to_string());
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// The entities of a BIO tag sequence: (type, first word, end word).
/// An `I-X` that does not continue an `X` starts one (as conlleval does).
pub fn entities(tags: &[&str]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(k, _)| k == kind);
        if !continues {
            if let Some((k, start)) = open.take() {
                out.push((k, start, i));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((kind.to_string(), i));
            }
        }
    }
    if let Some((k, start)) = open {
        out.push((k, start, tags.len()));
    }
    out
}

/// Entity-level counts per type, and over all types.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    pub per_type: BTreeMap<String, Score>,
    pub overall: Score,
}

impl Evaluation {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[&str], predicted: &[&str]) {
        let gold = entities(gold);
        let predicted = entities(predicted);
        for (kind, ..) in &gold {
            self.per_type.entry(kind.clone()).or_default().gold += 1;
            self.overall.gold += 1;
        }
        for p in &predicted {
            let c = self.per_type.entry(p.0.clone()).or_default();
            c.predicted += 1;
            self.overall.predicted += 1;
            if gold.contains(p) {
                c.correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// A table of P/R/F1 per type and overall, in percent.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<8} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
            "type", "gold", "found", "P", "R", "F1"
        );
        let rows = self
            .per_type
            .iter()
            .map(|(k, c)| (k.as_str(), c))
            .chain([("overall", &self.overall)]);
        for (kind, c) in rows {
            out.push_str(&format!(
                "{:<8} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}\n",
                kind,
                c.gold,
                c.predicted,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_follow_conlleval() {
        let tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"];
        assert_eq!(
            entities(&tags),
            [
                ("PERS".to_string(), 0, 2),
                ("LOC".to_string(), 3, 4),
                ("ORG".to_string(), 4, 5),
                ("ORG".to_string(), 5, 7)
            ]
        );
    }

    #[test]
    fn a_wrong_boundary_is_a_miss() {
        let mut e = Evaluation::default();
        e.add(&["B-PERS", "I-PERS", "O"], &["B-PERS", "O", "O"]);
        assert_eq!(
            (e.overall.gold, e.overall.predicted, e.overall.correct),
            (1, 1, 0)
        );
        e.add(&["B-LOC"], &["B-LOC"]);
        assert_eq!(e.per_type["LOC"].f1(), 1.0);
    }

    #[test]
    fn parses_sentences() {
        let s = parse("a B-LOC\nb O\n\nc\tI-PERS\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].tags, ["I-PERS"]);
        assert!(parse("lonely\n").is_err());
    }
}
