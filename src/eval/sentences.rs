//! `lisan eval sentences`: sentence segmentation against a file with one
//! gold sentence per line. The lines are joined with spaces into running
//! text (so line breaks give nothing away) and segmented by the core.

use super::score::{NonSpaceIndex, Score};
use crate::core::segment::segment;

/// Scores the core's sentences on the gold sentences of `gold` (one per line;
/// blank lines are skipped).
///
/// ```
/// use lisan::eval::sentences::evaluate;
/// let score = evaluate("قال إنه سيأتي.\nهل يأتي؟\n");
/// assert_eq!(score.f1(), 1.0);
/// ```
pub fn evaluate(gold: &str) -> Score {
    let sentences: Vec<&str> = gold
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let text = sentences.join(" ");
    let index = NonSpaceIndex::new(&text);
    let mut gold_spans = Vec::with_capacity(sentences.len());
    let mut offset = 0;
    for s in &sentences {
        gold_spans.push(index.span(offset, offset + s.len()));
        offset += s.len() + 1;
    }
    let predicted: Vec<(usize, usize)> = segment(&text)
        .sentences
        .iter()
        .map(|s| index.span(s.span.start, s.span.end))
        .collect();
    Score::compare(&gold_spans, &predicted)
}
