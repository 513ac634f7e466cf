//! Precision, recall and F1 of predicted spans against gold spans.

pub use crate::core::score::Score;

/// Maps byte offsets of a text to indices among its non-whitespace
/// characters, the CoNLL 2018 way of comparing segmentations.
pub struct NonSpaceIndex {
    /// For each byte offset: non-whitespace characters before it.
    before: Vec<usize>,
}

impl NonSpaceIndex {
    pub fn new(text: &str) -> NonSpaceIndex {
        let mut before = Vec::with_capacity(text.len() + 1);
        let mut count = 0;
        for c in text.chars() {
            for _ in 0..c.len_utf8() {
                before.push(count);
            }
            if !c.is_whitespace() {
                count += 1;
            }
        }
        before.push(count);
        NonSpaceIndex { before }
    }

    /// The span of bytes `[start, end)` as non-whitespace character indices.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.before[start], self.before[end])
    }
}
