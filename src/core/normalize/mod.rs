//! Normalization: Unicode forms, cleanup and script-aware folds, with an
//! exact alignment back to the input.
//!
//! The text is processed in *chunks*: a starter character and the
//! combining characters that follow it, which is the smallest piece a
//! Unicode normalization form can change on its own. Each chunk goes through
//! the Unicode form, then through the ordered [`Fold`] stages; runs of
//! whitespace go through [`whitespace`]. Every change is recorded by a
//! [`Rewriter`], so unchanged text costs no allocation and every change maps
//! back to the input.

mod folds;
mod options;
mod unicode_form;
mod whitespace;

use std::borrow::Cow;

pub use folds::Fold;
pub use options::{NormalizeOptions, Profile, UnicodeForm};

use super::alignment::{Alignment, Rewriter};
use super::script;
use super::span::Span;
use folds::FoldContext;

/// A normalized text and its alignment to the input.
#[derive(Debug)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    pub alignment: Alignment,
}

/// Normalizes `input` under `options`.
///
/// ```
/// use lisan::core::normalize::{normalize, Profile};
/// let out = normalize("إلى المدرسةِ ٣", &Profile::Search.options());
/// assert_eq!(out.text, "الي المدرسه 3");
/// ```
pub fn normalize<'a>(input: &'a str, options: &NormalizeOptions) -> Normalized<'a> {
    let folds = options.folds();
    let mut engine = Engine {
        input,
        options,
        folds: &folds,
        out: Rewriter::new(input),
        in_arabic_run: false,
        chunk_buf: String::new(),
    };
    engine.run();
    let (text, alignment) = engine.out.finish();
    Normalized { text, alignment }
}

struct Engine<'a, 'o> {
    input: &'a str,
    options: &'o NormalizeOptions,
    folds: &'o [Fold],
    out: Rewriter<'a>,
    /// Whether the last letter seen was Arabic: shared marks (harakat,
    /// tatweel) are folded only inside Arabic runs.
    in_arabic_run: bool,
    chunk_buf: String,
}

impl Engine<'_, '_> {
    fn run(&mut self) {
        let text = self.input;
        let mut pos = 0;
        while pos < text.len() {
            let c = next_char(text, pos);
            if self.options.collapse_whitespace && c.is_whitespace() {
                let end = whitespace::run_end(text, pos);
                let replacement =
                    whitespace::collapsed(&text[pos..end], pos == 0, end == text.len());
                self.out.replace(Span::new(pos, end), replacement);
                pos = end;
                continue;
            }
            if is_plain_ascii_chunk(text.as_bytes(), pos) {
                // No form or fold changes printable ASCII without a mark after it.
                if c.is_ascii_alphabetic() {
                    self.in_arabic_run = false;
                }
                pos += 1;
                continue;
            }
            let end = unicode_form::chunk_end(text, pos, self.options.form);
            self.chunk(Span::new(pos, end));
            pos = end;
        }
    }

    fn chunk(&mut self, span: Span) {
        let chunk = span.slice(self.input);
        let base = chunk.chars().next().unwrap_or(' ');
        if script::has_own_script(base) {
            self.in_arabic_run = script::is_arabic(base);
        }
        let formed = unicode_form::apply(chunk, self.options.form);
        if self.folds.is_empty() {
            self.out.replace(span, &formed);
            return;
        }
        let ctx = FoldContext {
            in_arabic_run: self.in_arabic_run,
            before: self.input[..span.start].chars().next_back(),
            after: self.input[span.end..].chars().next(),
        };
        self.chunk_buf.clear();
        for c in formed.chars() {
            folds::apply_all(self.folds, c, &ctx, &mut self.chunk_buf);
        }
        self.out.replace(span, &self.chunk_buf);
    }
}

/// Whether the byte at `pos` is printable ASCII and the next one is ASCII
/// too (so no combining mark attaches to it).
fn is_plain_ascii_chunk(bytes: &[u8], pos: usize) -> bool {
    let printable = |b: u8| (0x20..0x7f).contains(&b);
    printable(bytes[pos]) && bytes.get(pos + 1).is_none_or(|b| b.is_ascii())
}

fn next_char(text: &str, pos: usize) -> char {
    text[pos..]
        .chars()
        .next()
        .expect("pos is a char boundary before the end")
}

#[cfg(test)]
mod tests;
