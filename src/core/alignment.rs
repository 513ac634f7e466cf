//! Alignment between a normalized text and the text it came from.
//!
//! Normalization records what it replaced as a sorted list of edits; between
//! edits the text was copied unchanged. That is enough to map any span of the
//! output back to an exact span of the input, and it costs nothing when the
//! text did not change.

use std::borrow::Cow;

use super::span::Span;

/// One replacement: `input` bytes of the original became `output` bytes of
/// the normalized text (either may be empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub input: Span,
    pub output: Span,
}

/// A piece of the alignment, as reported to callers: a copied run or an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub input: Span,
    pub output: Span,
    pub edited: bool,
}

/// Which side of an edit a position at its border belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bias {
    /// The position starts a span: skip deletions that stand at it.
    Start,
    /// The position ends a span: stop before deletions that stand at it.
    End,
}

/// Maps byte offsets of a normalized text to byte offsets of its input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    input_len: usize,
    output_len: usize,
    edits: Vec<Edit>,
}

impl Alignment {
    /// The alignment of a text with itself.
    pub fn identity(len: usize) -> Alignment {
        Alignment {
            input_len: len,
            output_len: len,
            edits: Vec::new(),
        }
    }

    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    pub fn output_len(&self) -> usize {
        self.output_len
    }

    /// The input span that `output` (a span of the normalized text) came from.
    /// Edits are atomic: a span that starts or ends inside one covers all of it.
    ///
    /// ```
    /// use lisan::core::normalize::{normalize, NormalizeOptions, Profile};
    /// use lisan::core::Span;
    /// let input = "مُحَمَّد";
    /// let out = normalize(input, &Profile::Search.options());
    /// assert_eq!(out.text, "محمد");
    /// let whole = out.alignment.to_input(Span::new(0, out.text.len()));
    /// assert_eq!(whole.slice(input), input);
    /// ```
    pub fn to_input(&self, output: Span) -> Span {
        let end = self.map(output.end, Bias::End);
        let start = self.map(output.start, Bias::Start).min(end);
        Span::new(start, end)
    }

    fn map(&self, pos: usize, bias: Bias) -> usize {
        let idx = self.edits.partition_point(|e| e.output.start < pos);
        if idx > 0 {
            let inside = self.edits[idx - 1];
            if inside.output.end > pos {
                return match bias {
                    Bias::Start => inside.input.start,
                    Bias::End => inside.input.end,
                };
            }
        }
        let mut before = idx.checked_sub(1).map(|i| self.edits[i]);
        if bias == Bias::Start {
            for e in &self.edits[idx..] {
                if e.output.start != pos || !e.output.is_empty() {
                    break;
                }
                before = Some(*e);
            }
        }
        match before {
            Some(e) => pos - e.output.end + e.input.end,
            None => pos,
        }
    }

    /// Whether output offset `pos` falls strictly inside the output of an
    /// edit (edits are atomic, so nothing may be inserted there).
    pub fn is_inside_edit(&self, pos: usize) -> bool {
        let idx = self.edits.partition_point(|e| e.output.start < pos);
        idx > 0 && self.edits[idx - 1].output.end > pos
    }

    /// This alignment after `len` bytes were inserted into the output at each
    /// of the offsets `at` (ascending, none inside an edit): the inserted
    /// bytes map to an empty span of the input.
    pub fn with_insertions(&self, at: &[usize], len: usize) -> Alignment {
        let shifted = |e: &Edit, by: usize| Edit {
            input: e.input,
            output: Span::new(e.output.start + by, e.output.end + by),
        };
        let mut edits = Vec::with_capacity(self.edits.len() + at.len());
        let mut old = self.edits.iter().peekable();
        let mut shift = 0;
        // Where the input of the edits kept so far ends: an insertion right
        // after a deletion (which ends at `pos` too) comes after it.
        let mut input_floor = 0;
        for &pos in at {
            debug_assert!(!self.is_inside_edit(pos));
            while let Some(e) = old.next_if(|e| e.output.end <= pos) {
                edits.push(shifted(e, shift));
                input_floor = e.input.end;
            }
            let input = self.map(pos, Bias::End).max(input_floor);
            edits.push(Edit {
                input: Span::new(input, input),
                output: Span::new(pos + shift, pos + shift + len),
            });
            shift += len;
        }
        edits.extend(old.map(|e| shifted(e, shift)));
        Alignment {
            input_len: self.input_len,
            output_len: self.output_len + shift,
            edits,
        }
    }

    /// The whole alignment as ordered segments covering input and output.
    pub fn segments(&self) -> Vec<Segment> {
        self.iter_segments().collect()
    }

    /// [`segments`](Self::segments) one at a time, for a caller that turns
    /// each into something else (the server's response) without a vector
    /// of them in between.
    pub fn iter_segments(&self) -> Segments<'_> {
        Segments {
            edits: self.edits.iter(),
            pending: None,
            input: 0,
            output: 0,
            output_len: self.output_len,
        }
    }
}

/// The segments of an alignment in order: the text copied before each edit
/// (when there is some), the edit, and the text copied after the last one.
#[derive(Debug)]
pub struct Segments<'a> {
    edits: std::slice::Iter<'a, Edit>,
    /// An edit to give after the copied segment just given.
    pending: Option<Segment>,
    /// Where the next segment starts, in the input and the output.
    input: usize,
    output: usize,
    output_len: usize,
}

impl Iterator for Segments<'_> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        if let Some(edit) = self.pending.take() {
            return Some(edit);
        }
        let Some(e) = self.edits.next() else {
            if self.output >= self.output_len {
                return None;
            }
            let tail = copied(self.input, self.output, self.output_len - self.output);
            self.output = self.output_len;
            return Some(tail);
        };
        let edit = Segment {
            input: e.input,
            output: e.output,
            edited: true,
        };
        let gap = e.output.start.saturating_sub(self.output);
        let before = copied(self.input, self.output, gap);
        self.input = e.input.end;
        self.output = e.output.end;
        if gap == 0 {
            return Some(edit);
        }
        self.pending = Some(edit);
        Some(before)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let edits = self.edits.len() + usize::from(self.pending.is_some());
        (edits, Some(edits * 2 + 1))
    }
}

fn copied(input: usize, output: usize, len: usize) -> Segment {
    Segment {
        input: Span::new(input, input + len),
        output: Span::new(output, output + len),
        edited: false,
    }
}

/// Builds a normalized text from its input and a sequence of replacements,
/// given in input order. Allocates nothing until the first real change.
#[derive(Debug)]
pub struct Rewriter<'a> {
    input: &'a str,
    output: String,
    copied_upto: usize,
    edits: Vec<Edit>,
}

impl<'a> Rewriter<'a> {
    pub fn new(input: &'a str) -> Rewriter<'a> {
        Rewriter {
            input,
            output: String::new(),
            copied_upto: 0,
            edits: Vec::new(),
        }
    }

    /// Replaces `input` (a span after every span replaced so far) by
    /// `replacement`. A replacement equal to the input is not an edit.
    pub fn replace(&mut self, input: Span, replacement: &str) {
        if input.slice(self.input) == replacement {
            return;
        }
        self.replace_changed(input, replacement);
    }

    /// [`Rewriter::replace`] for a replacement known to differ from the input.
    pub fn replace_changed(&mut self, input: Span, replacement: &str) {
        debug_assert!(input.start >= self.copied_upto, "replacements out of order");
        if self.edits.is_empty() {
            self.reserve(replacement.len());
        }
        self.copy_upto(input.start);
        self.copied_upto = input.end;
        let out_start = self.output.len();
        self.output.push_str(replacement);
        let output = Span::new(out_start, self.output.len());
        if let Some(last) = self.edits.last_mut() {
            let adjacent = last.input.end == input.start && last.output.end == out_start;
            if adjacent && last.output.is_empty() && output.is_empty() {
                last.input.end = input.end;
                return;
            }
        }
        self.edits.push(Edit { input, output });
    }

    /// [`Rewriter::replace_changed`] for a replacement of one character
    /// (the common fold): the same text and the same edit, written without
    /// a copy call for the replacement. A non-empty replacement never merges
    /// with the edit before it.
    #[inline(always)]
    pub fn replace_changed_char(&mut self, input: Span, replacement: char) {
        debug_assert!(input.start >= self.copied_upto, "replacements out of order");
        if self.edits.is_empty() {
            self.reserve(replacement.len_utf8());
        }
        self.copy_upto(input.start);
        self.copied_upto = input.end;
        let out_start = self.output.len();
        self.output.push(replacement);
        let output = Span::new(out_start, self.output.len());
        self.edits.push(Edit { input, output });
    }

    /// Copies the input from where the last edit ended up to `to`, the
    /// start of the next edit. The gap between two folds is usually a few
    /// characters: it is copied as one fixed-size chunk that is then cut
    /// back to the gap, without a call to `memcpy` (about 40 instructions
    /// per edit under SEARCH).
    #[inline(always)]
    fn copy_upto(&mut self, to: usize) {
        const CHUNK: usize = 32;
        let from = self.copied_upto;
        let bytes = self.input.as_bytes();
        let short = to.wrapping_sub(from) <= CHUNK;
        // Both ends must be character boundaries, as slicing checks.
        let starts_char = |at: usize| bytes.get(at).is_some_and(|&b| (b as i8) >= -0x40);
        let boundary = starts_char(from) && starts_char(to);
        if let (true, true, Some(chunk)) = (short, boundary, bytes.get(from..from + CHUNK)) {
            // SAFETY: the bytes kept are `input[from..to]`, whole characters
            // of a `str` (both ends are boundaries, checked above): the
            // output is valid UTF-8 again once it is cut back.
            let output = unsafe { self.output.as_mut_vec() };
            let len = output.len();
            output.extend_from_slice(chunk);
            output.truncate(len + (to - from));
            return;
        }
        self.output.push_str(&self.input[from..to]);
    }

    /// Before the first edit: the output is about as long as the input, so
    /// it grows once.
    #[cold]
    fn reserve(&mut self, replacement_len: usize) {
        self.output.reserve(self.input.len() + replacement_len);
        self.edits.reserve(self.input.len() / 16);
    }

    /// The normalized text and its alignment.
    pub fn finish(mut self) -> (Cow<'a, str>, Alignment) {
        if self.edits.is_empty() {
            return (
                Cow::Borrowed(self.input),
                Alignment::identity(self.input.len()),
            );
        }
        self.output.push_str(&self.input[self.copied_upto..]);
        let alignment = Alignment {
            input_len: self.input.len(),
            output_len: self.output.len(),
            edits: self.edits,
        };
        (Cow::Owned(self.output), alignment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(input: &str, edits: &[(usize, usize, &str)]) -> (String, Alignment) {
        let mut w = Rewriter::new(input);
        for &(s, e, r) in edits {
            w.replace(Span::new(s, e), r);
        }
        let (text, alignment) = w.finish();
        (text.into_owned(), alignment)
    }

    #[test]
    fn no_edit_borrows_and_maps_identically() {
        let mut w = Rewriter::new("abc");
        w.replace(Span::new(1, 2), "b");
        let (text, al) = w.finish();
        assert!(matches!(text, Cow::Borrowed("abc")));
        assert_eq!(al.to_input(Span::new(1, 3)), Span::new(1, 3));
    }

    #[test]
    fn deletion_is_excluded_from_spans_that_only_touch_it() {
        // "ab--cd" -> "abcd": the "--" is deleted.
        let (text, al) = rewrite("ab--cd", &[(2, 4, "")]);
        assert_eq!(text, "abcd");
        assert_eq!(al.to_input(Span::new(0, 2)), Span::new(0, 2));
        assert_eq!(al.to_input(Span::new(2, 4)), Span::new(4, 6));
        assert_eq!(al.to_input(Span::new(0, 4)), Span::new(0, 6));
    }

    #[test]
    fn an_insertion_after_a_deletion_maps_after_it() {
        // "ab-cd" -> "abcd" -> "ab\ncd": the newline goes where the "-" was
        // deleted, and the segments still cover the input in order (found
        // by fuzzing glued headings after a removed control character).
        let (text, al) = rewrite("ab-cd", &[(2, 3, "")]);
        assert_eq!(text, "abcd");
        let al = al.with_insertions(&[2], 1);
        let mut input = 0;
        for segment in al.segments() {
            assert_eq!(segment.input.start, input, "{segment:?}");
            input = segment.input.end;
        }
        assert_eq!(input, 5);
        assert_eq!(al.to_input(Span::new(2, 3)), Span::new(3, 3));
    }

    #[test]
    fn replacement_is_atomic() {
        // "xﻷy" -> "xلأy": one char became two.
        let input = "xﻷy";
        let (text, al) = rewrite(input, &[(1, 4, "لأ")]);
        assert_eq!(text, "xلأy");
        assert_eq!(al.to_input(Span::new(1, 3)), Span::new(1, 4));
        assert_eq!(al.to_input(Span::new(3, 6)), Span::new(1, 5));
        assert_eq!(al.to_input(Span::new(6, 6)), Span::new(5, 5));
    }

    #[test]
    fn the_text_between_edits_is_copied_whole_at_every_length() {
        // Gaps of 0 to 70 bytes, of one- to four-byte characters, each
        // replaced character followed by a gap: the short-gap copy (a fixed
        // chunk cut back) and the long one must both keep the gap exactly.
        let pieces = ["a", "ب", "€", "😀"];
        for gap_chars in 0..24 {
            for (offset, piece) in pieces.iter().enumerate() {
                let gap: String = (0..gap_chars)
                    .map(|i| pieces[(i + offset) % pieces.len()])
                    .collect();
                let input = format!("{piece}{gap}x{gap}y{gap}");
                let x = piece.len() + gap.len();
                let y = x + 1 + gap.len();
                let mut w = Rewriter::new(&input);
                w.replace_changed_char(Span::new(x, x + 1), 'X');
                w.replace_changed(Span::new(y, y + 1), "YY");
                let (text, al) = w.finish();
                assert_eq!(text, format!("{piece}{gap}X{gap}YY{gap}"));
                assert_eq!(
                    al.to_input(Span::new(0, text.len())),
                    Span::new(0, input.len())
                );
            }
        }
    }

    #[test]
    fn adjacent_deletions_merge_and_segments_cover_both_texts() {
        let (text, al) = rewrite("a__b", &[(1, 2, ""), (2, 3, "")]);
        assert_eq!(text, "ab");
        assert_eq!(al.edits().len(), 1);
        let segs = al.segments();
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[1].input, Span::new(1, 3));
        assert_eq!(segs.last().unwrap().output.end, 2);
        assert_eq!(segs.last().unwrap().input.end, 4);
    }
}
