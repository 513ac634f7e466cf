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

use unicode_normalization::UnicodeNormalization;

pub use folds::Fold;
pub use options::{Digits, LetterVariants, NormalizeOptions, Profile, UnicodeForm, Whitespace};

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
        ascii_folds: options.touches_ascii(),
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
    /// Some stage changes printable ASCII, so the ASCII fast path is off.
    ascii_folds: bool,
    chunk_buf: String,
}

impl Engine<'_, '_> {
    fn run(&mut self) {
        let text = self.input;
        let mut pos = 0;
        while pos < text.len() {
            let c = next_char(text, pos);
            if self.options.whitespace != Whitespace::Keep && c.is_whitespace() {
                let end = whitespace::run_end(text, pos);
                let mode = self.options.whitespace;
                let replacement =
                    whitespace::collapsed(&text[pos..end], mode, pos == 0, end == text.len());
                self.out.replace(Span::new(pos, end), replacement);
                pos = end;
                continue;
            }
            if is_plain_ascii_chunk(text.as_bytes(), pos) && !self.ascii_folds {
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
        let prepared = prepare(self.options, chunk, base);
        let formed = unicode_form::apply(&prepared, self.options.form);
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

/// The chunk after the steps that must see it before the Unicode form:
/// presentation forms to letters, and accents stripped.
fn prepare<'c>(options: &NormalizeOptions, chunk: &'c str, base: char) -> Cow<'c, str> {
    let presentation = options.fold_presentation_forms && chunk.chars().any(is_presentation_form);
    let accents = options.strip_accents && !chunk.is_ascii() && has_strippable_accents(base);
    if !presentation && !accents {
        return Cow::Borrowed(chunk);
    }
    let mut out = String::with_capacity(chunk.len() * 2);
    for c in chunk.chars() {
        if presentation && is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else if accents {
            out.extend(std::iter::once(c).nfd().filter(|&m| !is_accent(m)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Arabic presentation forms A and B (the BOM at U+FEFF aside).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Scripts whose accents are stripped: Latin, Greek, Cyrillic.
fn has_strippable_accents(base: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(
        base.script(),
        Script::Latin | Script::Greek | Script::Cyrillic
    )
}

/// Combining accents of the general diacritical-mark blocks.
fn is_accent(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn next_char(text: &str, pos: usize) -> char {
    text[pos..]
        .chars()
        .next()
        .expect("pos is a char boundary before the end")
}

#[cfg(test)]
mod tests;
