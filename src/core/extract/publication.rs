//! The document's own publication date: a written date after a
//! publication label of `data/page_markers.tsv` (kind `published`, the
//! labels the page structure reads too: `تاريخ النشر`, `نشر في`, `Published
//! on`...), where a colon and a weekday may sit between. The first one
//! found is the reference time.

use std::sync::OnceLock;

use super::dates::written_date;
use super::lexicon::{fold, Sense};
use super::words::Words;
use super::{Reference, ReferenceSource};

/// Words after a label that say "on" (`نشر في`, `published on`): grammar
/// rather than labels, so a label may come with or without one.
const CONNECTORS: [&str; 4] = ["في", "بتاريخ", "on", "يوم"];

/// The publication labels of the page data, as folded words without their
/// trailing connector (`نشر في` and `نشر يوم` are both `نشر`), longest first.
fn labels() -> &'static [Vec<String>] {
    static LABELS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut labels: Vec<Vec<String>> = Vec::new();
        for phrase in crate::core::page::marker_labels(crate::core::page::MarkerKind::Published) {
            let mut words: Vec<String> = phrase.split_whitespace().map(fold).collect();
            while words.len() > 1
                && words
                    .last()
                    .is_some_and(|w| CONNECTORS.contains(&w.as_str()))
            {
                words.pop();
            }
            if !words.is_empty() && !labels.contains(&words) {
                labels.push(words);
            }
        }
        labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
        labels
    })
}

/// Tokens after a publication label at `i` (and its connector), if one is there.
fn marker_end(w: &Words, i: usize) -> Option<usize> {
    let first = w.folded(i);
    let label = labels().iter().find(|label| {
        label[0] == first
            && label[1..]
                .iter()
                .enumerate()
                .all(|(k, word)| w.folded(i + 1 + k) == word)
    })?;
    let end = i + label.len();
    let on = CONNECTORS.contains(&w.folded(end));
    Some(if on { end + 1 } else { end })
}

/// The publication date of the text, as a reference at its midnight.
pub(super) fn published(w: &Words, zone: super::Zone) -> Option<Reference> {
    (0..w.len()).find_map(|i| {
        let mut k = marker_end(w, i)?;
        for _ in 0..3 {
            let skip = matches!(w.raw(k), ":" | "," | "،" | "-")
                || w.find(k, |s| matches!(s, Sense::Weekday(_)).then_some(()))
                    .is_some();
            if skip && w.same_line(k) {
                k += 1;
            }
        }
        let (_, Some((when, _))) = written_date(w, k, 0)? else {
            return None;
        };
        if when.anchor != super::Anchor::Absolute || when.grain != super::Grain::Day {
            return None;
        }
        Some(Reference {
            local: when.start,
            zone,
            source: ReferenceSource::Document,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::extract::{extract, EntityKind, ExtractOptions, ReferenceSource};
    use chrono::NaiveDate;

    /// The reference time extraction settles on for `text` when the caller
    /// gives none (the clock stands for 2030).
    fn reference_of(text: &str) -> Reference {
        let options = ExtractOptions {
            kinds: vec![EntityKind::DateTime],
            reference: Reference {
                source: ReferenceSource::Clock,
                ..Reference::at_date(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap())
            },
            ner_model: None,
        };
        extract(text, &options).reference
    }

    #[test]
    fn every_publication_label_of_the_page_data_dates_the_document() {
        let published = NaiveDate::from_ymd_opt(2024, 7, 23).unwrap();
        let labels: Vec<&str> =
            crate::core::page::marker_labels(crate::core::page::MarkerKind::Published).collect();
        assert!(labels.len() >= 5, "{labels:?}");
        for label in labels {
            for text in [
                format!("{label}: 23 يوليو 2024\nقال الوزير اليوم إن"),
                format!("{label} الثلاثاء، 23 يوليو 2024\nقال الوزير اليوم إن"),
            ] {
                let reference = reference_of(&text);
                assert_eq!(reference.source, ReferenceSource::Document, "{text}");
                assert_eq!(reference.local.date(), published, "{text}");
            }
        }
    }

    #[test]
    fn a_connector_may_follow_a_label_and_other_words_are_no_label() {
        let cases = [
            ("نشر في 23 يوليو 2024", true),
            ("نشر يوم 23 يوليو 2024", true),
            ("نشر بتاريخ 23 يوليو 2024", true),
            ("Published on 23 July 2024", true),
            ("posted 23 July 2024", true),
            ("وصل الوزير في 23 يوليو 2024", false),
            ("تحديث 23 يوليو 2024", false),
        ];
        for (text, dated) in cases {
            let source = reference_of(text).source;
            assert_eq!(source == ReferenceSource::Document, dated, "{text}");
        }
    }
}
