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

mod blocks;
mod fast;
mod folds;
mod headings;
mod options;
mod scan;
mod sprint;
mod unicode_form;
mod whitespace;

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

pub use folds::Fold;
pub use options::{Digits, LetterVariants, NormalizeOptions, Profile, UnicodeForm, Whitespace};

use super::alignment::{Alignment, Rewriter};
use super::span::Span;
use folds::FoldContext;

/// The shortest input the hot loop sprints over (see `sprint`): below it,
/// finding the sprint table costs more than the sprint saves. The unit
/// tests sprint over any text, so that short random strings exercise it.
const SPRINT_MIN_LEN: usize = 64;

/// A normalized text and its alignment to the input.
#[derive(Debug)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    pub alignment: Alignment,
}

/// Which ASCII characters no stage of `folds` changes. Computing it takes
/// about a thousand checks, more than normalizing a short token: it is kept
/// per thread for the last fold list (the tokens of a document, and most
/// requests, share one).
fn ascii_unchanged(folds: &[Fold]) -> [bool; 128] {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Vec<Fold>, [bool; 128])>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((seen, table)) if seen.as_slice() == folds => *table,
            _ => {
                let table = std::array::from_fn(|b| {
                    let c = char::from(b as u8);
                    !folds.iter().any(|f| f.applies(c))
                });
                *last = Some((folds.to_vec(), table));
                table
            }
        }
    })
}

/// Computes the character tables, and the sprint table of every profile,
/// now rather than on the first request.
pub fn warm_up() {
    fast::warm_up();
    let long_enough = " ".repeat(SPRINT_MIN_LEN);
    for profile in Profile::ALL {
        normalize(&long_enough, &profile.options());
    }
}

/// Normalizes `input` under `options`.
///
/// ```
/// use lisan::core::normalize::{normalize, Profile};
/// let out = normalize("إلى المدرسةِ ٣", &Profile::Search.options());
/// assert_eq!(out.text, "الي المدرسه 3");
/// ```
pub fn normalize<'a>(input: &'a str, options: &NormalizeOptions) -> Normalized<'a> {
    Normalizer::new(options).normalize(input)
}

/// [`normalize`] with or without the hot loop's shortcuts (the general
/// path alone is the reference the shortcuts are tested against).
#[cfg(test)]
fn normalize_with<'a>(
    input: &'a str,
    options: &NormalizeOptions,
    shortcuts: bool,
) -> Normalized<'a> {
    Normalizer::new(options).run(input, shortcuts)
}

/// A normalization with the tables its options need built once, for many
/// texts under the same options (the tokens of a document: building them
/// costs more than normalizing a short word).
///
/// ```
/// use lisan::core::normalize::{Normalizer, Profile};
/// let options = Profile::Search.options();
/// let normalizer = Normalizer::new(&options);
/// assert_eq!(normalizer.normalize("إلى").text, "الي");
/// assert_eq!(normalizer.normalize("المدرسةِ").text, "المدرسه");
/// ```
pub struct Normalizer<'o> {
    options: &'o NormalizeOptions,
    folds: Vec<Fold>,
    ascii_unchanged: [bool; 128],
    change_mask: u32,
    arabic_pass: [u8; 256],
    drop_mask: u32,
}

impl<'o> Normalizer<'o> {
    /// The tables of `options`.
    pub fn new(options: &'o NormalizeOptions) -> Normalizer<'o> {
        let folds = options.folds();
        let change_mask = fast::change_mask(options);
        Normalizer {
            options,
            ascii_unchanged: ascii_unchanged(&folds),
            arabic_pass: fast::arabic_pass_table(options.form, change_mask),
            drop_mask: fast::drop_mask(options),
            change_mask,
            folds,
        }
    }

    /// Normalizes `input` ([`normalize`]).
    pub fn normalize<'a>(&self, input: &'a str) -> Normalized<'a> {
        self.run(input, true)
    }

    /// The sprint table of these options (built once per process).
    fn sprint_table(&self) -> std::sync::Arc<sprint::SprintTable> {
        let key = sprint::Key {
            form: self.options.form,
            change_mask: self.change_mask,
            collapse: self.options.whitespace != Whitespace::Keep,
            ascii_unchanged: self.ascii_unchanged,
            folds: sprint::fold_bits(&self.folds),
        };
        let inputs = sprint::Inputs {
            arabic_pass: &self.arabic_pass,
            folds: &self.folds,
            drop_mask: self.drop_mask,
        };
        sprint::SprintTable::for_key(key, &inputs)
    }

    fn run<'a>(&self, input: &'a str, shortcuts: bool) -> Normalized<'a> {
        let options = self.options;
        // Below this length the sprint table's look-up costs more than it saves.
        let sprint = (shortcuts && (cfg!(test) || input.len() >= SPRINT_MIN_LEN))
            .then(|| self.sprint_table());
        let mut engine = Engine {
            input,
            options,
            folds: &self.folds,
            out: Rewriter::new(input),
            in_arabic_run: false,
            ascii_unchanged: self.ascii_unchanged,
            change_mask: self.change_mask,
            arabic_pass: self.arabic_pass,
            sprint,
            drop_mask: self.drop_mask,
            wrote: false,
            last_space: false,
            last_char: None,
            arabic_folds: [0; 0x200],
            trailing_scan: None,
            chunk_buf: String::new(),
            shortcuts,
        };
        engine.run();
        let (text, alignment) = engine.out.finish();
        let normalized = Normalized { text, alignment };
        if options.split_glued_headings {
            return headings::split_glued_headings(normalized);
        }
        normalized
    }
}

struct Engine<'a, 'o> {
    input: &'a str,
    options: &'o NormalizeOptions,
    folds: &'o [Fold],
    out: Rewriter<'a>,
    /// Whether the last letter seen was Arabic: shared marks (harakat,
    /// tatweel) are folded only inside Arabic runs.
    in_arabic_run: bool,
    /// For each printable ASCII byte: no fold changes it.
    ascii_unchanged: [bool; 128],
    /// Character facts that send a character to the slow path.
    change_mask: u32,
    /// What the hot loop does with each character of the Arabic block.
    arabic_pass: [u8; 256],
    /// Character facts of characters a fold may delete.
    drop_mask: u32,
    /// Something has been written: a whitespace run now is not leading.
    wrote: bool,
    /// The last character written is whitespace.
    last_space: bool,
    /// The last character written.
    last_char: Option<char>,
    /// What the last look for trailing whitespace found.
    trailing_scan: Option<Trailing>,
    /// Fold results for the Arabic block, outside and inside Arabic runs
    /// (0: not computed, 1: deleted, else the character + 2).
    arabic_folds: [u32; 0x200],
    chunk_buf: String,
    /// Whether the hot loop writes the common edits itself.
    shortcuts: bool,
    /// The table of the hot loop's sprint over unchanged text (a shortcut).
    sprint: Option<std::sync::Arc<sprint::SprintTable>>,
}

/// The result of a look past a whitespace run for anything kept.
#[derive(Clone, Copy, Debug)]
enum Trailing {
    /// A kept character stands at this offset.
    KeptAt(usize),
    /// Nothing is kept from this offset to the end.
    AllDropped(usize),
}

impl Engine<'_, '_> {
    fn run(&mut self) {
        let text = self.input;
        let mut pos = 0;
        while pos < text.len() {
            pos = self.fast_forward(pos);
            if pos >= text.len() {
                break;
            }
            let c = next_char(text, pos);
            if self.options.whitespace != Whitespace::Keep && c.is_whitespace() {
                let end = whitespace::run_end(text, pos, |c| self.dropped_in_run(c));
                let trailing = self.only_dropped_after(end);
                let mode = self.options.whitespace;
                let replacement =
                    whitespace::collapsed(&text[pos..end], mode, !self.wrote, trailing);
                if let Some(last) = replacement.chars().next_back() {
                    self.last_space = true;
                    self.last_char = Some(last);
                }
                self.out.replace(Span::new(pos, end), replacement);
                pos = end;
                continue;
            }
            if let Some(end) = self.lone_arabic_fold(pos, c) {
                pos = end;
                continue;
            }
            let end = unicode_form::chunk_end(text, pos, self.options.form, |c| {
                fast::props(c).any(self.drop_mask)
            });
            self.chunk(Span::new(pos, end));
            pos = end;
        }
    }

    /// The context after `skipped` was passed through unchanged.
    fn after_skip(&mut self, skipped: &str) {
        let last = skipped.chars().next_back();
        self.wrote = true;
        self.last_space = last == Some(' ');
        self.last_char = last;
        for c in skipped.chars().rev() {
            if c.is_ascii_alphabetic() {
                self.in_arabic_run = false;
                return;
            }
            let p = fast::props(c);
            if !c.is_ascii() && p.has_own_script() {
                self.in_arabic_run = p.is_arabic();
                return;
            }
        }
    }

    fn chunk(&mut self, span: Span) {
        let chunk = span.slice(self.input);
        let base = chunk.chars().next().unwrap_or(' ');
        let base_props = fast::props(base);
        // Script runs are decided on the text as written out: a chunk the
        // form changes (NFKC turns Greek ΄ into a space and a mark) sets the
        // run by what it becomes, so a second pass decides the same.
        let untouched = chunk.chars().all(|c| !fast::props(c).any(self.change_mask));
        if untouched && unicode_form::is_normalized(chunk, self.options.form) {
            // Neither the form nor any fold changes this chunk; its last
            // character with a script of its own sets the run.
            self.after_skip(chunk);
            return;
        }
        let single = chunk.len() == base.len_utf8();
        if single && base_props.stable_under(self.options.form) && !base_props.any(SLOW_ALONE) {
            if base_props.has_own_script() {
                self.in_arabic_run = base_props.is_arabic();
            }
            // One character the form leaves alone: only the folds apply, and
            // in the Arabic block their result is remembered for this call.
            if let Some(folded) = self.arabic_block_fold(base) {
                let mut utf8 = [0u8; 4];
                let replacement = folded.map_or("", |c| c.encode_utf8(&mut utf8));
                self.emit(span, replacement);
                return;
            }
            let mut folded = std::mem::take(&mut self.chunk_buf);
            folded.clear();
            let ctx = FoldContext {
                in_arabic_run: self.in_arabic_run,
                before: self.last_char,
                after: None,
            };
            folds::apply_all(self.folds, base, &ctx, &mut folded);
            self.emit(span, &folded);
            self.chunk_buf = folded;
            return;
        }
        let prepared = prepare(self.options, chunk, base);
        let formed = unicode_form::apply(&prepared, self.options.form);
        if self.folds.is_empty() {
            let formed = formed.into_owned();
            self.emit(span, &formed);
            return;
        }
        let mut folded = std::mem::take(&mut self.chunk_buf);
        folded.clear();
        // Context for the stages that look at neighbours (ZWNJ/ZWJ): what
        // was written before, and what comes next and will stay. What
        // follows the chunk is looked at when a joiner asks, with the script
        // run of what the chunk wrote before it (a tatweel after the chunk
        // is deleted in an Arabic run).
        let mut chars = formed.chars();
        while let Some(c) = chars.next() {
            let props = fast::props(c);
            if props.has_own_script() {
                self.in_arabic_run = props.is_arabic();
            }
            // Only joiners look ahead; marks after them are looked through.
            let after = if matches!(c, '\u{200C}' | '\u{200D}') {
                // (Haraka forms deleted whole are folded in `formed`, and
                // passed by `first_written_after` in the input after it.)
                let stays = |n: char| !is_combining_mark(n) && !self.may_drop(n);
                let within = chars
                    .clone()
                    .take(unicode_form::DROP_LOOKAHEAD)
                    .find(|&n| stays(n));
                within.or_else(|| self.first_written_after(span.end, stays))
            } else {
                None
            };
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                if let Some(result) = self.arabic_block_fold(c) {
                    folded.extend(result);
                    continue;
                }
            }
            let ctx = FoldContext {
                in_arabic_run: self.in_arabic_run,
                before: folded.chars().next_back().or(self.last_char),
                after,
            };
            folds::apply_all(self.folds, c, &ctx, &mut folded);
        }
        if folded != *formed {
            // A fold removed or replaced something: marks may now compose
            // (or need reordering) with what is left.
            let reformed = unicode_form::apply(&folded, self.options.form).into_owned();
            self.emit(span, &reformed);
        } else {
            self.emit(span, &folded);
        }
        self.chunk_buf = folded;
    }

    /// The short path for the most common edit: one Arabic-block character
    /// that the form leaves alone, with nothing attached to it, folded (ة to
    /// ه, أ to ا...). Returns where it ends, or `None` for the general path.
    fn lone_arabic_fold(&mut self, pos: usize, c: char) -> Option<usize> {
        if !('\u{0600}'..='\u{06FF}').contains(&c) {
            return None;
        }
        let form = self.options.form;
        let props = fast::props(c);
        if !props.stable_under(form) || props.any(SLOW_ALONE) {
            return None;
        }
        let end = pos + c.len_utf8();
        if let Some(next) = self.input[end..].chars().next() {
            let after = fast::props(next);
            if !after.is_boundary(form) || after.any(self.drop_mask) {
                return None;
            }
        }
        if props.has_own_script() {
            self.in_arabic_run = props.is_arabic();
        }
        let folded = self.arabic_block_fold(c)?;
        let mut utf8 = [0u8; 4];
        let replacement = folded.map_or("", |f| f.encode_utf8(&mut utf8));
        if let Some(f) = folded {
            self.wrote = true;
            self.last_space = false;
            self.last_char = Some(f);
        }
        self.out.replace(Span::new(pos, end), replacement);
        Some(end)
    }

    /// The folds' result for a character of the Arabic block (U+0600-06FF):
    /// `Some(None)` when it is deleted. Folds there map one character to at
    /// most one and depend on nothing but the Arabic-run flag, so each result
    /// is computed once per call and per flag.
    fn arabic_block_fold(&mut self, c: char) -> Option<Option<char>> {
        let index = (c as usize).checked_sub(0x0600).filter(|&i| i < 0x100)?;
        let slot = index + if self.in_arabic_run { 0x100 } else { 0 };
        match self.arabic_folds[slot] {
            0 => {}
            1 => return Some(None),
            code => return Some(char::from_u32(code - 2)),
        }
        let mut folded = std::mem::take(&mut self.chunk_buf);
        folded.clear();
        let ctx = FoldContext {
            in_arabic_run: self.in_arabic_run,
            before: None,
            after: None,
        };
        folds::apply_all(self.folds, c, &ctx, &mut folded);
        let mut chars = folded.chars();
        let result = match (chars.next(), chars.next()) {
            (None, _) => Some(None),
            (Some(one), None) => Some(Some(one)),
            _ => None,
        };
        self.chunk_buf = folded;
        if let Some(result) = result {
            self.arabic_folds[slot] = result.map_or(1, |c| c as u32 + 2);
        }
        result
    }

    /// Writes the replacement of a chunk. When whitespace is collapsed, a
    /// space that a compatibility form produced (NFKC of `¯` is ` ̄`) is
    /// dropped where a collapsed run would not have kept it.
    fn emit(&mut self, span: Span, replacement: &str) {
        let mut replacement = replacement;
        if self.options.whitespace != Whitespace::Keep && (!self.wrote || self.last_space) {
            replacement = replacement.trim_start();
        }
        if let Some(last) = replacement.chars().next_back() {
            self.wrote = true;
            self.last_space = last.is_whitespace();
            self.last_char = Some(last);
        }
        self.out.replace(span, replacement);
    }

    /// The first character of the input after `from` that `stays` accepts,
    /// as this engine will write it: the input there is not formed yet, so a
    /// joiner before `⑿` sees the `(` that NFKC writes, and before `ﹶ` the
    /// space that folding presentation forms writes. A haraka form deleted
    /// whole is passed. Bounded like every look past deletable characters.
    fn first_written_after(&self, from: usize, stays: impl Fn(char) -> bool) -> Option<char> {
        let compatibility = matches!(self.options.form, UnicodeForm::Nfkc | UnicodeForm::Nfkd);
        let canonical = self.options.form != UnicodeForm::None;
        for c in self.input[from..]
            .chars()
            .take(unicode_form::DROP_LOOKAHEAD)
        {
            if deletes_haraka_form(self.options, c) {
                continue;
            }
            let mut found = None;
            let mut look = |d: char| {
                if found.is_none() && stays(d) {
                    found = Some(d);
                }
            };
            if compatibility || (self.options.fold_presentation_forms && is_presentation_form(c)) {
                unicode_normalization::char::decompose_compatible(c, &mut look);
            } else if canonical {
                unicode_normalization::char::decompose_canonical(c, &mut look);
            } else {
                look(c);
            }
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Whether invisible-character removal drops `c` (ZWNJ/ZWJ aside, which
    /// depend on their neighbours).
    fn drops_invisible(&self, c: char) -> bool {
        self.options.remove_invisible && folds::is_removable_invisible(c)
    }

    /// Whether some stage may delete `c`: such a character never starts a
    /// chunk, so that marks after it stay with the letter before it.
    fn may_drop(&self, c: char) -> bool {
        self.drops_invisible(c)
            || (self.options.remove_invisible && matches!(c, '\u{200C}' | '\u{200D}'))
            || (self.options.remove_tatweel && self.in_arabic_run && c == '\u{0640}')
    }

    /// Whether `c`, inside a whitespace run, is certainly deleted: then it
    /// does not interrupt the run. (A ZWNJ/ZWJ there joins nothing.)
    fn dropped_in_run(&self, c: char) -> bool {
        let o = self.options;
        self.drops_invisible(c)
            || (o.remove_invisible && matches!(c, '\u{200C}' | '\u{200D}'))
            || (self.in_arabic_run && o.remove_tatweel && c == '\u{0640}')
            || (o.remove_arabic_diacritics && self.drops_as_diacritic(c))
            || deletes_haraka_form(o, c)
    }

    /// Whether `c` is an Arabic diacritic the diacritics fold removes here:
    /// inside an Arabic run only (a mark never opens a run, not even one
    /// of the Arabic script itself such as U+065B).
    fn drops_as_diacritic(&self, c: char) -> bool {
        folds::is_arabic_diacritic(c) && self.in_arabic_run
    }

    /// Whether everything after `from` is whitespace or will be deleted: a
    /// whitespace run ending there is trailing. The answer is remembered
    /// (where the first kept character is, or that none is), so the scans of
    /// all runs together stay linear.
    fn only_dropped_after(&mut self, from: usize) -> bool {
        match self.trailing_scan {
            Some(Trailing::KeptAt(kept)) if from <= kept => return false,
            Some(Trailing::AllDropped(start)) if from >= start => return true,
            _ => {}
        }
        let kept = self.input[from..].char_indices().find(|&(_, c)| {
            !(c.is_whitespace()
                || self.may_drop(c)
                || (self.options.remove_arabic_diacritics && self.drops_as_diacritic(c)))
        });
        self.trailing_scan = Some(match kept {
            Some((offset, _)) => Trailing::KeptAt(from + offset),
            None => Trailing::AllDropped(from),
        });
        kept.is_none()
    }
}

/// Facts that need the general chunk path even for a lone character:
/// joiners look at their neighbours, presentation forms and accents are
/// decomposed first.
const SLOW_ALONE: u32 = fast::Props::JOINER | fast::Props::PRESENTATION | fast::Props::DECOMPOSABLE;

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
            let start = out.len();
            out.extend(std::iter::once(c).nfkc());
            // The spacing forms of harakat (ﹸ is a space and a damma) are
            // diacritics: with diacritics removed, nothing is left of them.
            if deletes_haraka_form(options, c) {
                out.truncate(start);
            }
        } else if accents {
            out.extend(std::iter::once(c).nfd().filter(|&m| !is_accent(m)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A presentation form of harakat drawn on their own (ﹸ: NFKC gives a
/// space and the marks) or on a tatweel (ﹷ: a tatweel and the marks), with
/// which of the two carries them.
fn haraka_form_carrier(c: char) -> Option<char> {
    if !matches!(c, '\u{FC5E}'..='\u{FC63}' | '\u{FCF2}'..='\u{FCF4}' | '\u{FE70}'..='\u{FE7F}') {
        return None;
    }
    let expanded: String = std::iter::once(c).nfkc().collect();
    let carrier = expanded.chars().next()?;
    let marks = &expanded[carrier.len_utf8()..];
    (matches!(carrier, ' ' | '\u{0640}')
        && !marks.is_empty()
        && marks.chars().all(folds::is_arabic_diacritic))
    .then_some(carrier)
}

/// Whether the options delete such a form whole: its marks go with the
/// diacritics, and its carrier is a space, or a tatweel that goes too.
fn deletes_haraka_form(options: &NormalizeOptions, c: char) -> bool {
    options.fold_presentation_forms
        && options.remove_arabic_diacritics
        && match haraka_form_carrier(c) {
            Some(' ') => true,
            Some(_) => options.remove_tatweel,
            None => false,
        }
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
pub(super) fn is_accent(c: char) -> bool {
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
