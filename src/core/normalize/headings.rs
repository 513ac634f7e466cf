//! The optional stage that puts back the line break a scraped page lost
//! between a heading and the sentence glued to it.

use std::borrow::Cow;

use super::Normalized;
use crate::core::segment::{find_junctions, tokenize};

/// `normalized` with a newline at each glued-heading junction of its text,
/// the alignment mapping each inserted newline to an empty input span.
pub(super) fn split_glued_headings(normalized: Normalized<'_>) -> Normalized<'_> {
    let text = &normalized.text;
    let alignment = &normalized.alignment;
    let at: Vec<usize> = find_junctions(text, &tokenize(text))
        .into_iter()
        .map(|j| j.at)
        .filter(|&at| !alignment.is_inside_edit(at))
        .collect();
    if at.is_empty() {
        return normalized;
    }
    let mut repaired = String::with_capacity(text.len() + at.len());
    let mut copied = 0;
    for &pos in &at {
        repaired.push_str(&text[copied..pos]);
        repaired.push('\n');
        copied = pos;
    }
    repaired.push_str(&text[copied..]);
    Normalized {
        alignment: alignment.with_insertions(&at, '\n'.len_utf8()),
        text: Cow::Owned(repaired),
    }
}
