//! The hot loop of normalization. It passes over the characters no step
//! changes, and it writes the commonest edits without leaving the loop:
//! - one Arabic letter folded (ة to ه, أ to ا, ٣ to 3...);
//! - the diacritics on a letter removed;
//! - a run of tatweel removed.
//!
//! Whatever else it meets stops it, and the general chunk path of [`Engine`]
//! takes over at a chunk boundary. Each shortcut writes exactly what the
//! general path would (a test compares the two on random text).

use super::fast::{self, Props};
use super::options::Whitespace;
use super::sprint;
use super::{unicode_form, Engine};
use crate::core::span::Span;

/// What the engine knows of the text written so far.
#[derive(Clone, Copy, Debug)]
struct Context {
    in_arabic_run: bool,
    wrote: bool,
    last_space: bool,
    last_char: Option<char>,
}

impl Context {
    /// The context after `c` (not whitespace) was written.
    fn wrote(&mut self, c: char) {
        self.wrote = true;
        self.last_space = false;
        self.last_char = Some(c);
    }
}

/// What a shortcut did with the character the loop stands on.
enum Step {
    /// Nothing changes it: it is passed like any unchanged character.
    Unchanged,
    /// An edit was written up to this offset, leaving this context.
    Edited(usize, Context),
}

/// The Arabic block, where folds map one character to at most one.
fn in_arabic_block(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Marks that compose with the letter before them (madda, hamza above and
/// below): removing them is left to the general path.
fn composes(c: char) -> bool {
    matches!(c, '\u{0653}'..='\u{0655}')
}

impl Engine<'_, '_> {
    fn context(&self) -> Context {
        Context {
            in_arabic_run: self.in_arabic_run,
            wrote: self.wrote,
            last_space: self.last_space,
            last_char: self.last_char,
        }
    }

    fn set_context(&mut self, context: Context) {
        self.in_arabic_run = context.in_arabic_run;
        self.wrote = context.wrote;
        self.last_space = context.last_space;
        self.last_char = context.last_char;
    }

    /// Goes from `pos` over everything the loop settles itself; returns
    /// where the general path must take over (a chunk boundary).
    pub(super) fn fast_forward(&mut self, pos: usize) -> usize {
        let text = self.input;
        let bytes = text.as_bytes();
        let table = fast::bmp_table();
        let form = self.options.form;
        let collapse = self.options.whitespace != Whitespace::Keep;
        // The context where the current stretch of unchanged text starts
        // (at `pos`, or after the last edit); within the stretch, it is
        // derived from the text when needed.
        let mut stretch = (pos, self.context());
        let mut in_arabic_run = stretch.1.in_arabic_run;
        // A space here would follow a space, or start the text.
        let mut space_dropped = !stretch.1.wrote || stretch.1.last_space;
        // The last starter passed unchanged, and whether an Arabic run was
        // open before it: what stops the loop may join that starter, and
        // then the general path starts there.
        let mut back: Option<(usize, bool)> = None;
        let mut last_class = 0u8;
        let mut i = pos;
        let mut stopped = None;
        let sprint = self.sprint.clone();
        while i < bytes.len() {
            if let Some(sprint) = &sprint {
                if !(collapse && space_dropped && bytes[i] == b' ') {
                    let run = sprint.run(bytes, i, back.is_some(), last_class, &mut self.out);
                    if run.end > i {
                        let (start, open_at_start) = match run.last_fold {
                            // As after an edit of `fold_letter`: the
                            // stretch starts after it, no starter before.
                            Some((end, folded)) => {
                                let open = sprint::arabic_run_after(text, i, end, in_arabic_run);
                                let after = Context {
                                    in_arabic_run: open,
                                    wrote: true,
                                    last_space: false,
                                    last_char: Some(folded),
                                };
                                stretch = (end, after);
                                back = None;
                                (end, open)
                            }
                            None => (i, in_arabic_run),
                        };
                        let (from, open) = match run.last_starter {
                            Some(last) => {
                                let open =
                                    sprint::arabic_run_after(text, start, last, open_at_start);
                                back = Some((last, open));
                                (last, open)
                            }
                            None => (start, open_at_start),
                        };
                        in_arabic_run = sprint::arabic_run_after(text, from, run.end, open);
                        last_class = run.last_class;
                        space_dropped =
                            run.last_starter == Some(run.end - 1) && bytes[run.end - 1] == b' ';
                        i = run.end;
                        if i >= bytes.len() {
                            break;
                        }
                    }
                }
            }
            let b = bytes[i];
            if (0xD8..=0xDB).contains(&b) {
                // The Arabic block, by table.
                let pass = self.arabic_pass[arabic_block_index(bytes, i)];
                if pass != fast::arabic_pass::STOP {
                    back = Some((i, in_arabic_run));
                    last_class = 0;
                    space_dropped = false;
                    in_arabic_run |= pass == fast::arabic_pass::PASS_ARABIC;
                    i += 2;
                    continue;
                }
            } else if b < 0x80 {
                let unchanged = match b {
                    b' ' => !collapse || !space_dropped,
                    0x21..=0x7E => self.ascii_unchanged[b as usize],
                    b'\n' | b'\t' => !collapse,
                    _ => false,
                };
                if !unchanged {
                    stopped = Some(b as char);
                    break;
                }
                back = Some((i, in_arabic_run));
                last_class = 0;
                space_dropped = b == b' ';
                if b.is_ascii_alphabetic() {
                    in_arabic_run = false;
                }
                i += 1;
                continue;
            }
            let (code, len) = decode_non_ascii(bytes, i);
            let props = match table.get(code as usize) {
                Some(&p) => p,
                None => fast::props(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)),
            };
            let changes = props.any(self.change_mask);
            if changes || !props.stable_under(form) {
                let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                // A mark the form and the folds leave alone, in canonical
                // order after the marks before it: the quick check's own test.
                if !changes && back.is_some() && !props.is_starter() && props.quick_yes(form) {
                    let class = fast::combining_class(c);
                    if class >= last_class {
                        last_class = class;
                        space_dropped = false;
                        if props.has_own_script() {
                            in_arabic_run = props.is_arabic();
                        }
                        i += len;
                        continue;
                    }
                }
                let step = if self.shortcuts && in_arabic_block(c) {
                    let now = self.context_at(stretch, i, in_arabic_run);
                    self.shortcut(i, c, props, now, back)
                } else {
                    None
                };
                match step {
                    // Passes below like any unchanged starter.
                    Some(Step::Unchanged) => {}
                    Some(Step::Edited(end, after)) => {
                        stretch = (end, after);
                        in_arabic_run = after.in_arabic_run;
                        space_dropped = !after.wrote || after.last_space;
                        back = None;
                        last_class = 0;
                        i = end;
                        continue;
                    }
                    None => {
                        stopped = Some(c);
                        break;
                    }
                }
            }
            // An unchanged starter.
            back = Some((i, in_arabic_run));
            last_class = 0;
            space_dropped = false;
            if props.has_own_script() {
                in_arabic_run = props.is_arabic();
            }
            i += len;
        }
        let mut end = i;
        if let Some((at, arabic_before)) = back {
            let last_is_space = at + 1 == i && bytes[at] == b' ';
            let back_off = match stopped {
                // What stopped the loop may attach to the character before
                // it, or be deleted before a mark: then that one goes too;
                // a space before other whitespace joins its run.
                Some(c) => {
                    let p = fast::props(c);
                    !p.is_boundary(form)
                        || p.any(self.drop_mask)
                        || (collapse && c.is_whitespace() && last_is_space)
                }
                // A trailing space is trimmed by the general path.
                None => collapse && last_is_space,
            };
            if back_off {
                end = at;
                in_arabic_run = arabic_before;
            }
        }
        let context = self.context_at(stretch, end, in_arabic_run);
        self.set_context(context);
        end
    }

    /// The context at `at`, in the stretch of unchanged text that starts
    /// with `stretch`, given whether an Arabic run is open there.
    fn context_at(&self, stretch: (usize, Context), at: usize, in_arabic_run: bool) -> Context {
        let (start, mut context) = stretch;
        if at > start {
            let last = self.input[start..at].chars().next_back();
            context.wrote = true;
            context.last_space = last == Some(' ');
            context.last_char = last;
        }
        context.in_arabic_run = in_arabic_run;
        context
    }

    /// Tries the shortcuts for the Arabic-block character `c` at `at`, with
    /// the context `now` before it.
    fn shortcut(
        &mut self,
        at: usize,
        c: char,
        props: Props,
        now: Context,
        back: Option<(usize, bool)>,
    ) -> Option<Step> {
        if !props.is_starter() {
            let (base, _) = back?;
            let end = self.strip_marks_after(base, at, &now)?;
            return Some(Step::Edited(end, now));
        }
        if props.any(self.drop_mask) {
            let end = self.delete_run(at, &now)?;
            return Some(Step::Edited(end, now));
        }
        self.fold_letter(at, c, props, now)
    }

    /// An Arabic-block letter folded, with the diacritics on it removed.
    fn fold_letter(&mut self, at: usize, c: char, props: Props, now: Context) -> Option<Step> {
        let form = self.options.form;
        let slow = fast::Props::JOINER | fast::Props::PRESENTATION;
        if !props.stable_under(form) || props.any(slow) {
            return None;
        }
        let mut context = now;
        if props.has_own_script() {
            context.in_arabic_run = props.is_arabic();
        }
        self.in_arabic_run = context.in_arabic_run;
        // Deleted letters are left to the general path (whitespace runs
        // look through them).
        let folded = self.arabic_block_fold(c)??;
        let marks_start = at + c.len_utf8();
        let end = if self.plain_start_at(marks_start) {
            marks_start
        } else {
            let end = self.removed_marks_end(marks_start, context.in_arabic_run)?;
            if !self.starts_chunk(end) {
                return None;
            }
            end
        };
        if end == marks_start && folded == c {
            return Some(Step::Unchanged);
        }
        let mut utf8 = [0u8; 4];
        self.out
            .replace_changed(Span::new(at, end), folded.encode_utf8(&mut utf8));
        context.wrote(folded);
        Some(Step::Edited(end, context))
    }

    /// The diacritics at `at` removed from the letter at `base` (and the
    /// marks kept after it), which passed unchanged.
    fn strip_marks_after(&mut self, base: usize, at: usize, now: &Context) -> Option<usize> {
        let text = self.input;
        let whitespace_base = text[base..].starts_with(char::is_whitespace);
        if whitespace_base || !now.in_arabic_run {
            return None;
        }
        self.in_arabic_run = true;
        let end = self.removed_marks_end(at, true)?;
        if end == at || !self.starts_chunk(end) {
            return None;
        }
        self.out
            .replace_changed(Span::new(base, end), &text[base..at]);
        Some(end)
    }

    /// A run of tatweel (or other Arabic-block characters that a fold
    /// deletes) removed, when a letter of its own follows.
    fn delete_run(&mut self, at: usize, now: &Context) -> Option<usize> {
        let text = self.input;
        let form = self.options.form;
        let after_whitespace = text[..at].ends_with(char::is_whitespace);
        if after_whitespace && self.options.whitespace != Whitespace::Keep {
            return None; // part of a whitespace run
        }
        self.in_arabic_run = now.in_arabic_run;
        let mut end = at;
        for d in text[at..].chars() {
            let p = fast::props(d);
            let deletable = in_arabic_block(d)
                && p.is_starter()
                && p.any(self.drop_mask)
                && !p.has_own_script()
                && p.stable_under(form);
            if !deletable || self.arabic_block_fold(d) != Some(None) {
                break;
            }
            end += d.len_utf8();
        }
        if end == at {
            return None;
        }
        if let Some(next) = text[end..].chars().next() {
            let p = fast::props(next);
            if !p.is_boundary(form) || p.any(self.drop_mask) {
                return None;
            }
        }
        self.out.replace_changed(Span::new(at, end), "");
        Some(end)
    }

    /// Where the run of marks at `from` ends if the folds remove every one
    /// of them (`from` itself when there is none); `None` when a mark stays,
    /// or may compose, or the run is not Arabic.
    fn removed_marks_end(&mut self, from: usize, in_arabic_run: bool) -> Option<usize> {
        let form = self.options.form;
        let mut end = from;
        for m in self.input[from..].chars() {
            let p = fast::props(m);
            if p.is_starter() {
                break;
            }
            let removable = in_arabic_run
                && in_arabic_block(m)
                && !composes(m)
                && p.quick_yes(form)
                && self.arabic_block_fold(m) == Some(None);
            if !removable {
                return None;
            }
            end += m.len_utf8();
        }
        Some(end)
    }

    /// Whether the text ends at `at`, or a character stands there that
    /// starts a chunk and that nothing deletes, decided from its bytes (the
    /// common case: a space, ASCII punctuation, an unchanged Arabic letter).
    fn plain_start_at(&self, at: usize) -> bool {
        let bytes = self.input.as_bytes();
        let Some(&b) = bytes.get(at) else {
            return true;
        };
        if b < 0x80 {
            return (0x20..0x7F).contains(&b) || matches!(b, b'\n' | b'\t' | b'\r');
        }
        if (0xD8..=0xDB).contains(&b) {
            return self.arabic_pass[arabic_block_index(bytes, at)] != fast::arabic_pass::STOP;
        }
        false
    }

    /// Whether a chunk starts at `at`: nothing after it joins what is before.
    fn starts_chunk(&self, at: usize) -> bool {
        let drop_mask = self.drop_mask;
        unicode_form::starts_chunk(self.input, at, self.options.form, |c| {
            fast::props(c).any(drop_mask)
        })
    }
}

/// The index in the Arabic-block pass table of the character at `i` of
/// `bytes`, whose lead byte is `D8..DB` (U+0600..U+06FF).
fn arabic_block_index(bytes: &[u8], i: usize) -> usize {
    ((bytes[i] as usize & 0x03) << 6) | (bytes[i + 1] as usize & 0x3F)
}

/// The code point and length of the non-ASCII UTF-8 sequence at `i` of
/// `bytes`, which come from a `str` and so are valid.
fn decode_non_ascii(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    let cont = |k: usize| (bytes[i + k] & 0x3F) as u32;
    if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}
