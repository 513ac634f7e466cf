//! The sprint: the hot loop's innermost pass over characters that no step
//! changes whatever their context, read two bytes at a time through one
//! table so that a run of unchanged text costs a load, a test and an add per
//! character.
//!
//! The table answers, for the two bytes at a position, what kind of
//! character starts there: an ASCII or two-byte starter that passes, a
//! two-byte mark that passes when it is in canonical order, the lead of a
//! longer sequence to look up further, or one the general loop must see.
//! What the general loop tracks per character (the last starter, an open
//! Arabic run) is derived once at the end of a sprint instead.

use std::sync::{Arc, Mutex};

use unicode_normalization::char::is_combining_mark;

use super::blocks::{self, BlockFilter, BLOCK};
use super::fast::{self, Props};
use super::folds::{self, Fold, FoldContext};
use super::options::UnicodeForm;
use crate::core::alignment::Rewriter;
use crate::core::span::Span;

/// What a sprint table is built from: two engines with equal keys share it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Key {
    pub form: UnicodeForm,
    pub change_mask: u32,
    pub collapse: bool,
    pub ascii_unchanged: [bool; 128],
    /// The fold stages switched on, one bit per [`Fold`].
    pub folds: u16,
}

/// What a sprint table is built from besides its key (the same for equal
/// keys).
pub(super) struct Inputs<'a> {
    pub arabic_pass: &'a [u8; 256],
    pub folds: &'a [Fold],
    pub drop_mask: u32,
}

/// The bits of `folds` for [`Key::folds`].
pub(super) fn fold_bits(folds: &[Fold]) -> u16 {
    folds.iter().fold(0, |bits, &fold| bits | 1 << fold as u16)
}

/// The kinds of the table (below `MARK`, the length of a starter that passes).
mod kind {
    /// The general loop must see it.
    pub const STOP: u8 = 0;
    /// A two-byte mark that no step changes: it passes in canonical order.
    pub const MARK: u8 = 3;
    /// The lead of a three-byte sequence: its own table says.
    pub const THREE: u8 = 4;
    /// The lead of a four-byte sequence: its facts say.
    pub const FOUR: u8 = 5;
    /// A letter of the Arabic block that the sprint folds itself when a
    /// plain character follows (see [`super::SprintTable::lone_fold`]).
    pub const FOLD: u8 = 6;
    /// A mark of the Arabic block that the folds remove inside an Arabic
    /// run (the harakat under SEARCH): the sprint removes it, with the
    /// marks after it, from an Arabic letter it passed (see
    /// [`super::SprintTable::strip_marks`]).
    pub const STRIP: u8 = 7;
    /// A starter of the Arabic block that the folds delete inside an
    /// Arabic run (the tatweel): the sprint deletes a run of them after an
    /// Arabic letter it passed (see [`super::SprintTable::delete_run`]).
    pub const DELETE: u8 = 8;
}

/// How far a sprint goes one character at a time before it checks whole
/// blocks.
const STRETCH: usize = 16;

/// How many tables the process keeps (one per set of options in use; the
/// profiles and their common variants are far fewer).
const KEPT: usize = 16;

pub(super) struct SprintTable {
    key: Key,
    /// For each pair of bytes `b0 | b1 << 8`, the kind of what starts there.
    kinds: Box<[u8; 1 << 16]>,
    /// Which positions of a block may stop the sprint, derived from the
    /// pairs a block may hold at any position (a continuation byte, or an
    /// ASCII or two-byte starter that passes).
    blocks: BlockFilter,
    /// One bit per character of the Basic Multilingual Plane: a starter of
    /// three bytes that passes.
    three_pass: Box<[u64]>,
    /// For each character of the Arabic block (by index from U+0600), what
    /// the general loop folds it to on its own, whatever the script run,
    /// when nothing attached to it follows.
    lone_folds: Box<[Option<char>; 256]>,
    /// For each character of the Arabic block: after a lone fold, a chunk
    /// starts at it and nothing deletes it (so the fold is one edit).
    ends_lone_fold: Box<[bool; 256]>,
    /// For each character of the Arabic block: an Arabic letter that the
    /// table passes or folds (an Arabic run is open after it).
    arabic_letter: Box<[bool; 256]>,
    /// For each character of the Arabic block: a mark (not one that may
    /// compose) that the folds remove inside an Arabic run and that the
    /// form's quick check says Yes to alone (as `removed_marks_end` in
    /// `scan.rs` asks).
    removable_mark: Box<[bool; 256]>,
    /// For each presentation form from U+FB50 to U+FEFF (by its offset):
    /// what the general path writes for it alone, when that is Arabic
    /// letters whatever comes before it (see `presentation_fold_of`).
    presentation_folds: Box<[Option<Box<str>>]>,
    /// Whether a ZWNJ, a ZWJ, between two characters that join passes
    /// unchanged (the joiner rule keeps it and nothing else changes it).
    joiners_kept: [bool; 2],
    /// One bit per two-byte character (below U+0800): it joins.
    joins_two: [u64; 32],
}

/// Whether `b` continues a UTF-8 sequence.
fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// No starter passed yet.
const NONE: usize = usize::MAX;

/// What passed at one position, outside the common case.
enum Step {
    /// A starter of this many bytes.
    Starter(usize),
    /// A two-byte mark of this combining class.
    Mark(u8),
}

/// Where a sprint stopped and what it passed.
pub(super) struct Sprint {
    /// Where the general loop takes over.
    pub end: usize,
    /// Where the last starter passed begins (none when only marks passed).
    pub last_starter: Option<usize>,
    /// The combining class of the last character passed (0 for a starter).
    pub last_class: u8,
    /// Where the last edit the sprint wrote ends, and the last character
    /// written before that end (the last starter, if any, comes after it).
    pub last_fold: Option<(usize, char)>,
}

/// What a sprint passed so far.
struct Passed {
    /// Where the next character starts.
    end: usize,
    /// Where the last starter passed begins (`NONE` when none was).
    last_starter: usize,
    /// The combining class of the last character passed.
    last_class: u8,
    /// Whether an unchanged starter stood before the sprint (or the last
    /// fold).
    starter_before: bool,
    /// Where the last fold the sprint wrote ends, and what it wrote.
    last_fold: Option<(usize, char)>,
}

impl Passed {
    fn starter(&mut self, at: usize, len: usize) {
        self.last_starter = at;
        self.last_class = 0;
        self.end = at + len;
    }

    /// Passes up to `to` the characters of a block that the filter let
    /// through: ASCII and two-byte starters, and harakat after an Arabic
    /// letter or a haraka (see `blocks`); the last may run one byte past
    /// `to`.
    /// `harakat` says whether the filter passed any haraka in the block.
    #[inline(always)]
    fn plain_upto(&mut self, bytes: &[u8], to: usize, harakat: bool) {
        if to <= self.end {
            return;
        }
        let (last, end) = if is_continuation(bytes[to]) {
            (to - 1, to + 1)
        } else {
            (to - 1 - usize::from(is_continuation(bytes[to - 1])), to)
        };
        if !harakat || !blocks::is_haraka(bytes[last], bytes[last + 1]) {
            self.last_starter = last;
            self.last_class = 0;
            self.end = end;
            return;
        }
        // The filter passed this haraka after a letter or a haraka two bytes
        // before: the last starter is the letter under the harakat, unless
        // the harakat go back to where the filter took over (then it was
        // passed before, and the last starter is unchanged).
        self.last_class = blocks::haraka_class(bytes[last + 1]);
        let mut at = last;
        while at >= self.end + 2 {
            at -= 2;
            if !blocks::is_haraka(bytes[at], bytes[at + 1]) {
                self.last_starter = at;
                break;
            }
        }
        self.end = end;
    }

    /// After an edit up to `end` that wrote `last` last: the general loop
    /// starts afresh there.
    fn edited(&mut self, end: usize, last: char) {
        self.end = end;
        self.last_starter = NONE;
        self.last_class = 0;
        self.starter_before = false;
        self.last_fold = Some((end, last));
    }

    fn stopped(&self) -> Sprint {
        Sprint {
            end: self.end,
            last_starter: (self.last_starter != NONE).then_some(self.last_starter),
            last_class: self.last_class,
            last_fold: self.last_fold,
        }
    }
}

impl SprintTable {
    /// The table for `key`, shared by every thread: a table is built once
    /// per process for each set of options (about 6 M instructions), not
    /// once per thread, so that no request on a new worker pays for it.
    pub(super) fn for_key(key: Key, inputs: &Inputs) -> Arc<SprintTable> {
        static TABLES: Mutex<Vec<Arc<SprintTable>>> = Mutex::new(Vec::new());
        let find = |tables: &[Arc<SprintTable>]| tables.iter().find(|t| t.key == key).cloned();
        let lock = || {
            TABLES
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some(table) = find(&lock()) {
            return table;
        }
        let built = Arc::new(Self::build(key, inputs));
        let mut tables = lock();
        if let Some(table) = find(&tables) {
            return table; // another thread built it meanwhile
        }
        if tables.len() == KEPT {
            tables.remove(0);
        }
        tables.push(Arc::clone(&built));
        built
    }

    fn build(key: Key, inputs: &Inputs) -> SprintTable {
        let arabic_pass = inputs.arabic_pass;
        let mut kinds = Box::new([kind::STOP; 1 << 16]);
        for (pair, kind) in (0..=u16::MAX).zip(kinds.iter_mut()) {
            let [b0, b1] = pair.to_le_bytes();
            *kind = kind_of(&key, arabic_pass, b0, b1);
        }
        let lone_folds = Box::new(std::array::from_fn(|index| {
            lone_fold_of(&key, inputs, index)
        }));
        for (index, fold) in lone_folds.iter().enumerate() {
            if fold.is_some() {
                let code = 0x0600 + index as u32;
                let pair = [0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8];
                kinds[usize::from(u16::from_le_bytes(pair))] = kind::FOLD;
            }
        }
        let ends_lone_fold = Box::new(std::array::from_fn(|index| {
            let c = char::from_u32(0x0600 + index as u32).unwrap_or('\0');
            let props = fast::props(c);
            arabic_pass[index] != fast::arabic_pass::STOP
                || (props.is_starter()
                    && props.is_boundary(key.form)
                    && !props.any(inputs.drop_mask))
        }));
        let removable_mark = Box::new(std::array::from_fn(|index| {
            removable_mark_of(&key, inputs, index)
        }));
        for index in 0..256 {
            let code = 0x0600 + index as u32;
            let pair = [0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8];
            let slot = &mut kinds[usize::from(u16::from_le_bytes(pair))];
            if *slot != kind::STOP {
                continue;
            }
            if removable_mark[index] {
                *slot = kind::STRIP;
            } else if deleted_in_run_of(&key, inputs, index) {
                *slot = kind::DELETE;
            }
        }
        let arabic_letter = Box::new(std::array::from_fn(|index| {
            let c = char::from_u32(0x0600 + index as u32).unwrap_or('\0');
            let props = fast::props(c);
            let passes = inputs.arabic_pass[index] == fast::arabic_pass::PASS_ARABIC
                || lone_folds[index].is_some();
            passes && props.is_starter() && props.has_own_script() && props.is_arabic()
        }));
        let kind_at = |b0: u8, b1: u8| kinds[usize::from(u16::from_le_bytes([b0, b1]))];
        let harakat_pass = (0x8B..=0x92).all(|b1| kind_at(0xD9, b1) == kind::MARK);
        let blocks = BlockFilter::derive(
            |b0, b1| {
                let kind = kind_at(b0, b1);
                is_continuation(b0) || kind == 1 || kind == 2
            },
            harakat_pass,
        );
        let mut three_pass = vec![0u64; 0x1_0000 / 64].into_boxed_slice();
        for code in 0x800..0x1_0000u32 {
            if char::from_u32(code).is_some_and(|c| starter_passes(&key, fast::props(c))) {
                three_pass[code as usize / 64] |= 1 << (code % 64);
            }
        }
        let joiners_kept =
            ['\u{200C}', '\u{200D}'].map(|joiner| joiner_kept_of(&key, inputs, joiner));
        let mut joins_two = [0u64; 32];
        for code in 0x80..0x800u32 {
            if char::from_u32(code).is_some_and(|c| folds::joins(Some(c))) {
                joins_two[code as usize / 64] |= 1 << (code % 64);
            }
        }
        let presentation_folds = (PRESENTATION_FIRST..=PRESENTATION_LAST)
            .map(|code| presentation_fold_of(&key, inputs, code))
            .collect();
        SprintTable {
            key,
            kinds,
            blocks,
            three_pass,
            lone_folds,
            ends_lone_fold,
            arabic_letter,
            removable_mark,
            presentation_folds,
            joiners_kept,
            joins_two,
        }
    }

    /// Passes from `from` over the characters that pass unchanged, given
    /// whether an unchanged starter stands before `from` in this pass and
    /// the combining class of the character before. The last byte of the
    /// text is left to the general loop (no pair to read).
    #[inline]
    pub(super) fn run(
        &self,
        bytes: &[u8],
        from: usize,
        starter_before: bool,
        class: u8,
        out: &mut Rewriter,
    ) -> Sprint {
        let mut passed = Passed {
            end: from,
            last_starter: NONE,
            last_class: class,
            starter_before,
            last_fold: None,
        };
        // A pair is read at every position below the last byte.
        let pairs_end = bytes.len().saturating_sub(1);
        // One character at a time first: a sprint that stops soon (as under
        // SEARCH, which folds about one Arabic character in ten) never pays
        // for a block.
        let stretch_end = pairs_end.min(from + STRETCH);
        while passed.end < stretch_end {
            if !self.step(bytes, &mut passed, out) {
                return passed.stopped();
            }
        }
        // Whole blocks: the positions the filter flags are checked through
        // the table one character at a time, the others pass.
        while let Some(block) = bytes.get(passed.end..passed.end + BLOCK + 1) {
            let start = passed.end;
            let mask = self
                .blocks
                .stops(block.try_into().expect("BLOCK + 1 bytes"));
            let harakat = mask.harakat != 0;
            let mut stops = mask.stops;
            while stops != 0 {
                let at = start + stops.trailing_zeros() as usize;
                stops &= stops - 1;
                if at < passed.end {
                    continue; // inside a character a step passed
                }
                passed.plain_upto(bytes, at, harakat);
                if !self.step(bytes, &mut passed, out) {
                    return passed.stopped();
                }
            }
            passed.plain_upto(bytes, start + BLOCK, harakat);
        }
        while passed.end < pairs_end {
            if !self.step(bytes, &mut passed, out) {
                break;
            }
        }
        passed.stopped()
    }

    /// Passes the character at `passed.end` if the table lets it pass.
    #[inline(always)]
    fn step(&self, bytes: &[u8], passed: &mut Passed, out: &mut Rewriter) -> bool {
        let i = passed.end;
        let (b0, b1) = (bytes[i], bytes[i + 1]);
        let kind = self.kinds[usize::from(u16::from_le_bytes([b0, b1]))];
        // The common case: an ASCII or two-byte starter that passes. Its
        // length comes from its first byte, not from the table, so that the
        // next position does not wait for the table.
        if kind.wrapping_sub(1) < 2 {
            passed.starter(i, 1 + usize::from(b0 >> 7));
            return true;
        }
        if kind == kind::FOLD {
            return self.lone_fold(bytes, passed, out);
        }
        if kind == kind::STRIP {
            return self.strip_marks(bytes, passed, out);
        }
        if kind == kind::DELETE {
            return self.delete_run(bytes, passed, out);
        }
        let has_base = passed.starter_before || passed.last_starter != NONE;
        if kind == kind::MARK && blocks::is_haraka(b0, b1) {
            // A haraka: its class from its second byte.
            let class = blocks::haraka_class(b1);
            if !has_base || class < passed.last_class {
                return false;
            }
            passed.last_class = class;
            passed.end += 2;
            return true;
        }
        let joined = (passed.last_class == 0).then_some(passed.last_starter);
        match self.rare_step(bytes, i, kind, has_base, passed.last_class, joined) {
            Some(Step::Starter(len)) => passed.starter(i, len),
            Some(Step::Mark(mark_class)) => {
                passed.last_class = mark_class;
                passed.end += 2;
            }
            None if kind == kind::THREE => return self.presentation_fold(bytes, passed, out),
            None => return false,
        }
        true
    }

    /// Folds the Arabic-block letter at `passed.end` (of kind `FOLD`) when
    /// what follows ends the fold, after the removable marks on it if it is
    /// an Arabic letter (the general loop's `fold_letter` would then write
    /// the same edit: the letter and its marks become the folded letter);
    /// else the sprint stops there. Out of line (inlined, it made the
    /// sprint's own loop slower under NFC), with the edit's writing inlined.
    #[inline(never)]
    fn lone_fold(&self, bytes: &[u8], passed: &mut Passed, out: &mut Rewriter) -> bool {
        let at = passed.end;
        let index = arabic_index(bytes, at);
        let mut end = at + 2;
        if self.arabic_letter[index] {
            end = self.removable_marks_end(bytes, end);
        }
        let Some(folded) = self.lone_folds[index] else {
            return false;
        };
        if !self.ends_edit(bytes, end) {
            return false;
        }
        out.replace_changed_char(Span::new(at, end), folded);
        passed.edited(end, folded);
        true
    }

    /// Removes the marks at `passed.end` (of kind `STRIP`) from the Arabic
    /// letter the sprint passed just before them, when every mark up to the
    /// next starter goes and that starter ends the edit: the general loop's
    /// `strip_marks_after` would write the same edit (the letter and its
    /// marks become the letter). Else the sprint stops there.
    #[inline(never)]
    fn strip_marks(&self, bytes: &[u8], passed: &mut Passed, out: &mut Rewriter) -> bool {
        let at = passed.end;
        let Some(base) = self.arabic_letter_before(bytes, passed) else {
            return false;
        };
        let end = self.removable_marks_end(bytes, at);
        if !self.ends_edit(bytes, end) {
            return false;
        }
        let letter = decode2(bytes[base], bytes[base + 1]);
        out.replace_changed_char(Span::new(base, end), letter);
        passed.edited(end, letter);
        true
    }

    /// Deletes the run of characters at `passed.end` (of kind `DELETE`, the
    /// tatweel) after the Arabic letter the sprint passed just before them,
    /// when what follows ends the edit: the general loop's `delete_run`
    /// would write the same edit. Else the sprint stops there.
    #[inline(never)]
    fn delete_run(&self, bytes: &[u8], passed: &mut Passed, out: &mut Rewriter) -> bool {
        let at = passed.end;
        let Some(base) = self.arabic_letter_before(bytes, passed) else {
            return false;
        };
        let mut end = at;
        while let Some(&[b0, b1]) = bytes.get(end..end + 2) {
            if self.kinds[usize::from(u16::from_le_bytes([b0, b1]))] != kind::DELETE {
                break;
            }
            end += 2;
        }
        if !self.ends_edit(bytes, end) {
            return false;
        }
        out.replace_changed(Span::new(at, end), "");
        passed.edited(end, decode2(bytes[base], bytes[base + 1]));
        true
    }

    /// Writes what the general path writes for the presentation form at
    /// `passed.end` (a three-byte character that does not pass) when it
    /// has an entry in `presentation_folds` and what follows ends the edit
    /// (the general path then takes it as a chunk of its own); else the
    /// sprint stops there.
    #[inline(never)]
    fn presentation_fold(&self, bytes: &[u8], passed: &mut Passed, out: &mut Rewriter) -> bool {
        let at = passed.end;
        let Some(&[0xEF, b1, b2]) = bytes.get(at..at + 3) else {
            return false;
        };
        let code = 0xF000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        let Some(offset) = code.checked_sub(PRESENTATION_FIRST) else {
            return false;
        };
        let Some(Some(folded)) = self.presentation_folds.get(offset as usize) else {
            return false;
        };
        let end = at + 3;
        if !self.ends_edit(bytes, end) {
            return false;
        }
        out.replace_changed(Span::new(at, end), folded);
        let last = folded
            .chars()
            .next_back()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        passed.edited(end, last);
        true
    }

    /// Where the last starter passed begins, when it is an Arabic letter
    /// right before `passed.end` (two bytes, no mark after it): an Arabic
    /// run is open, and it is no whitespace.
    fn arabic_letter_before(&self, bytes: &[u8], passed: &Passed) -> Option<usize> {
        let base = passed.last_starter;
        let letter = base != NONE
            && base + 2 == passed.end
            && passed.last_class == 0
            && (0xD8..=0xDB).contains(&bytes[base])
            && self.arabic_letter[arabic_index(bytes, base)];
        letter.then_some(base)
    }

    /// Where the run of removable marks at `from` ends (`from` when there
    /// is none).
    fn removable_marks_end(&self, bytes: &[u8], from: usize) -> usize {
        let mut end = from;
        while let Some(&[b0 @ 0xD8..=0xDB, b1]) = bytes.get(end..end + 2) {
            if !self.removable_mark[arabic_index(&[b0, b1], 0)] {
                break;
            }
            end += 2;
        }
        end
    }

    /// Whether an edit may end at `end`: the text ends there, or a
    /// character stands there that starts a chunk and that nothing deletes
    /// (plain ASCII, or such a character of the Arabic block).
    fn ends_edit(&self, bytes: &[u8], end: usize) -> bool {
        match bytes.get(end).copied() {
            None => true,
            Some(b) if b < 0x80 => (0x20..0x7F).contains(&b) || matches!(b, b'\n' | b'\t' | b'\r'),
            Some(0xD8..=0xDB) => self.ends_lone_fold[arabic_index(bytes, end)],
            Some(_) => false,
        }
    }

    /// Whether the block filter passes the character `c` (of two bytes)
    /// without a table look-up.
    #[cfg(test)]
    pub(super) fn filter_passes(&self, c: char) -> bool {
        let mut utf8 = [0u8; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        self.blocks.passes_valid_pair(bytes[0], bytes[1]) == Some(true)
    }

    /// The pairs of valid UTF-8 that the block filter passes but the table
    /// does not let a block hold (there must be none).
    #[cfg(test)]
    pub(super) fn pairs_the_filter_passes_wrongly(&self) -> Vec<(u8, u8)> {
        let mut wrong = Vec::new();
        for pair in 0..=u16::MAX {
            let [b0, b1] = pair.to_le_bytes();
            let kind = self.kinds[usize::from(pair)];
            let table_passes = is_continuation(b0) || kind == 1 || kind == 2;
            if self.blocks.passes_valid_pair(b0, b1) == Some(true) && !table_passes {
                wrong.push((b0, b1));
            }
            // The sprint takes a haraka passed in a block for a mark: the
            // table must never pass one as a starter.
            if blocks::is_haraka(b0, b1) && table_passes {
                wrong.push((b0, b1));
            }
        }
        wrong
    }

    /// What passes at `i`, whose pair is of a `kind` other than the common
    /// ones: a mark in canonical order after a base, or a longer starter.
    #[inline(never)]
    /// `joined` is where the starter just before `i` begins, if one passed
    /// in this sprint (for a joiner).
    fn rare_step(
        &self,
        bytes: &[u8],
        i: usize,
        kind: u8,
        has_base: bool,
        class: u8,
        joined: Option<usize>,
    ) -> Option<Step> {
        match kind {
            kind::MARK => {
                let code = (u32::from(bytes[i] & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                let mark_class = char::from_u32(code).map_or(0, fast::combining_class);
                (has_base && mark_class >= class).then_some(Step::Mark(mark_class))
            }
            kind::THREE => {
                let b2 = *bytes.get(i + 2)?;
                let passes = self.three_passes(bytes[i], bytes[i + 1], b2)
                    || self.joiner_kept(bytes, i, joined.filter(|&at| at != NONE));
                passes.then_some(Step::Starter(3))
            }
            kind::FOUR => self.four_passes(&bytes[i..]).then_some(Step::Starter(4)),
            _ => None,
        }
    }

    /// Whether the character at `i` is a ZWNJ or ZWJ that the general path
    /// keeps unchanged: the starter before it, at `before` (passed in this
    /// sprint, no mark after it), and the character after it, a starter
    /// that passes unchanged and that nothing deletes, both join (letters,
    /// digits, emoji), and no stage but the joiner rule changes it.
    fn joiner_kept(&self, bytes: &[u8], i: usize, before: Option<usize>) -> bool {
        let (Some(before), Some(&[0xE2, 0x80, last])) = (before, bytes.get(i..i + 3)) else {
            return false;
        };
        let kept = match last {
            0x8C => self.joiners_kept[0],
            0x8D => self.joiners_kept[1],
            _ => false,
        };
        kept && self.joins_before(bytes, before, i) && self.joins_after(bytes, i + 3)
    }

    /// Whether the starter at `bytes[from..to]` joins (see `folds::joins`).
    fn joins_before(&self, bytes: &[u8], from: usize, to: usize) -> bool {
        match to - from {
            1 => bytes[from].is_ascii_alphanumeric(),
            2 => self.joins_two_byte(bytes[from], bytes[from + 1]),
            _ => decode(&bytes[from..to]).is_some_and(|c| folds::joins(Some(c))),
        }
    }

    /// Whether the character at `at` is a starter that passes unchanged,
    /// that nothing deletes and that joins: an ASCII letter or digit, a
    /// two-byte letter, or a four-byte emoji or letter. Never a mark, even
    /// one of combining class 0 (U+0488, U+113B9): the general path looks
    /// through marks for what follows a joiner.
    fn joins_after(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&b0) = bytes.get(at) else {
            return false;
        };
        if b0 < 0x80 {
            return b0.is_ascii_alphanumeric() && self.key.ascii_unchanged[usize::from(b0)];
        }
        let Some(&b1) = bytes.get(at + 1) else {
            return false;
        };
        match b0 {
            0xC2..=0xDF => {
                let kind = self.kinds[usize::from(u16::from_le_bytes([b0, b1]))];
                kind.wrapping_sub(1) < 2
                    && self.joins_two_byte(b0, b1)
                    && !is_combining_mark(decode2(b0, b1))
            }
            0xF0..=0xF4 => {
                self.four_passes(&bytes[at..])
                    && bytes
                        .get(at..at + 4)
                        .and_then(decode)
                        .is_some_and(|c| folds::joins(Some(c)) && !is_combining_mark(c))
            }
            _ => false,
        }
    }

    /// Whether the two-byte character `b0 b1` joins.
    fn joins_two_byte(&self, b0: u8, b1: u8) -> bool {
        let code = (usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F);
        self.joins_two[code / 64] & (1 << (code % 64)) != 0
    }

    fn three_passes(&self, b0: u8, b1: u8, b2: u8) -> bool {
        let code =
            (usize::from(b0 & 0x0F) << 12) | (usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F);
        self.three_pass[code / 64] & (1 << (code % 64)) != 0
    }

    /// Whether the four-byte character at the start of `bytes` (a valid
    /// sequence, from a `str`) passes as a starter.
    fn four_passes(&self, bytes: &[u8]) -> bool {
        let Some(sequence) = bytes.get(..4) else {
            return false;
        };
        let code = (u32::from(sequence[0] & 0x07) << 18)
            | (u32::from(sequence[1] & 0x3F) << 12)
            | (u32::from(sequence[2] & 0x3F) << 6)
            | u32::from(sequence[3] & 0x3F);
        char::from_u32(code).is_some_and(|c| starter_passes(&self.key, fast::props(c)))
    }
}

/// The two-byte character `b0 b1`.
fn decode2(b0: u8, b1: u8) -> char {
    let code = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The character of the valid UTF-8 sequence `bytes`.
fn decode(bytes: &[u8]) -> Option<char> {
    std::str::from_utf8(bytes).ok()?.chars().next()
}

/// The index in the Arabic block of the character at `i` of `bytes`, whose
/// lead byte is `D8..DB`.
fn arabic_index(bytes: &[u8], i: usize) -> usize {
    (usize::from(bytes[i] & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F)
}

/// What the general loop folds the character `index` of the Arabic block to
/// when it stands alone (the one-letter shortcut of `scan.rs`): a starter
/// the form leaves alone, that nothing deletes, that no joiner or
/// presentation step sees, folded to one other character whether or not an
/// Arabic run is open.
fn lone_fold_of(key: &Key, inputs: &Inputs, index: usize) -> Option<char> {
    let c = char::from_u32(0x0600 + index as u32)?;
    let props = fast::props(c);
    let slow = Props::JOINER | Props::PRESENTATION;
    let eligible = inputs.arabic_pass[index] == fast::arabic_pass::STOP
        && props.is_starter()
        && props.stable_under(key.form)
        && !props.any(inputs.drop_mask | slow);
    if !eligible {
        return None;
    }
    let fold_in = |in_arabic_run: bool| {
        let context = FoldContext {
            in_arabic_run,
            before: None,
            after: None,
        };
        let mut folded = String::new();
        folds::apply_all(inputs.folds, c, &context, &mut folded);
        let mut chars = folded.chars();
        match (chars.next(), chars.next()) {
            (Some(one), None) if one != c => Some(one),
            _ => None,
        }
    };
    let folded = fold_in(false)?;
    (fold_in(true) == Some(folded)).then_some(folded)
}

/// Whether the character `index` of the Arabic block is a mark that the
/// general loop's `removed_marks_end` removes inside an Arabic run: not one
/// of the marks that compose (U+0653..U+0655), Yes to the form's quick check
/// alone, deleted by the folds in an Arabic run.
fn removable_mark_of(key: &Key, inputs: &Inputs, index: usize) -> bool {
    let Some(c) = char::from_u32(0x0600 + index as u32) else {
        return false;
    };
    let props = fast::props(c);
    !props.is_starter()
        && !matches!(c, '\u{0653}'..='\u{0655}')
        && props.quick_yes(key.form)
        && deleted_in_arabic_run(inputs, c)
}

/// Whether the character `index` of the Arabic block is one the general
/// loop's `delete_run` deletes: a starter with no script of its own that the
/// form leaves alone, that may be deleted, and that the folds delete in an
/// Arabic run.
fn deleted_in_run_of(key: &Key, inputs: &Inputs, index: usize) -> bool {
    let Some(c) = char::from_u32(0x0600 + index as u32) else {
        return false;
    };
    let props = fast::props(c);
    props.is_starter()
        && props.any(inputs.drop_mask)
        && !props.has_own_script()
        && props.stable_under(key.form)
        && deleted_in_arabic_run(inputs, c)
}

/// Whether the folds delete `c` inside an Arabic run.
fn deleted_in_arabic_run(inputs: &Inputs, c: char) -> bool {
    let context = FoldContext {
        in_arabic_run: true,
        before: None,
        after: None,
    };
    let mut folded = String::new();
    folds::apply_all(inputs.folds, c, &context, &mut folded);
    folded.is_empty()
}

/// The presentation forms the sprint may fold: Arabic presentation forms A
/// and B (U+FB50..U+FDFF, U+FE70..U+FEFF) and what lies between.
const PRESENTATION_FIRST: u32 = 0xFB50;
const PRESENTATION_LAST: u32 = 0xFEFF;

/// What the general path writes for the presentation form `code` when it is
/// a chunk of its own (a starter the form may begin a chunk at, that
/// nothing deletes, an Arabic character): its compatibility decomposition
/// (`prepare`), the form, the folds, the form again (`Engine::chunk`), when
/// the decomposition is Arabic letters only, each of which opens an Arabic
/// run before its fold, so the result depends on nothing before it and
/// leaves an Arabic run open, as the general path, or the sprint's look
/// back at the form itself, finds.
fn presentation_fold_of(key: &Key, inputs: &Inputs, code: u32) -> Option<Box<str>> {
    use unicode_normalization::UnicodeNormalization;
    let c = char::from_u32(code)?;
    let props = fast::props(c);
    let folded_first = key.change_mask & Props::PRESENTATION != 0 && super::is_presentation_form(c);
    let eligible = folded_first
        && super::haraka_form_carrier(c).is_none()
        && props.is_boundary(key.form)
        && !props.any(inputs.drop_mask)
        && props.has_own_script()
        && props.is_arabic();
    if !eligible {
        return None;
    }
    let prepared: String = std::iter::once(c).nfkc().collect();
    let formed = super::unicode_form::apply(&prepared, key.form).into_owned();
    let arabic_letter = |l: char| {
        let p = fast::props(l);
        ('\u{0600}'..='\u{06FF}').contains(&l)
            && p.is_starter()
            && p.has_own_script()
            && p.is_arabic()
    };
    if formed.is_empty() || !formed.chars().all(arabic_letter) {
        return None;
    }
    let context = FoldContext {
        in_arabic_run: true,
        before: None,
        after: None,
    };
    let mut folded = String::new();
    for l in formed.chars() {
        folds::apply_all(inputs.folds, l, &context, &mut folded);
    }
    let written = if folded != formed {
        super::unicode_form::apply(&folded, key.form).into_owned()
    } else {
        folded
    };
    (!written.is_empty() && !written.chars().eq([c])).then(|| written.into_boxed_str())
}

/// Whether the general loop leaves `joiner` (a ZWNJ or ZWJ) unchanged
/// between two letters that pass: the form leaves it alone, no stage but the
/// joiner rule may change it, and the stages keep it in that context.
fn joiner_kept_of(key: &Key, inputs: &Inputs, joiner: char) -> bool {
    let props = fast::props(joiner);
    if props.any(key.change_mask & !Props::JOINER) || !props.stable_under(key.form) {
        return false;
    }
    [false, true].into_iter().all(|in_arabic_run| {
        let context = FoldContext {
            in_arabic_run,
            before: Some('\u{0628}'),
            after: Some('\u{0628}'),
        };
        let mut folded = String::new();
        folds::apply_all(inputs.folds, joiner, &context, &mut folded);
        folded.chars().eq([joiner])
    })
}

/// Whether a starter with `props` passes the general loop unchanged.
fn starter_passes(key: &Key, props: Props) -> bool {
    !props.any(key.change_mask) && props.stable_under(key.form)
}

/// The kind of the character starting with `b0` (followed by `b1`).
fn kind_of(key: &Key, arabic_pass: &[u8; 256], b0: u8, b1: u8) -> u8 {
    let continuation = (0x80..=0xBF).contains(&b1);
    match b0 {
        // With collapsing on, a space passes only when no space follows it
        // (the general loop never lets a space after a space pass).
        b' ' => u8::from(!key.collapse || b1 != b' '),
        0x21..=0x7E => u8::from(key.ascii_unchanged[usize::from(b0)]),
        b'\n' | b'\t' => u8::from(!key.collapse),
        0xC2..=0xDF if continuation => {
            let code = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            let props = char::from_u32(code).map_or(Props(0), fast::props);
            let mark = !props.is_starter() && props.quick_yes(key.form);
            if mark && !props.any(key.change_mask) {
                return kind::MARK;
            }
            let passes = if (0xD8..=0xDB).contains(&b0) {
                arabic_pass[(code - 0x0600) as usize] != fast::arabic_pass::STOP
            } else {
                starter_passes(key, props)
            };
            if passes {
                2
            } else {
                kind::STOP
            }
        }
        0xE0..=0xEF if continuation => kind::THREE,
        0xF0..=0xF4 if continuation => kind::FOUR,
        _ => kind::STOP,
    }
}

/// Whether an Arabic run is open after `text[from..to]`, given whether one
/// was open at `from`: the last character with a script of its own decides.
/// ASCII and two-byte characters are read from their bytes.
pub(super) fn arabic_run_after(text: &str, from: usize, to: usize, open_at_from: bool) -> bool {
    let bytes = text.as_bytes();
    let mut end = to;
    while end > from {
        let b = bytes[end - 1];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                return false;
            }
            end -= 1;
            continue;
        }
        let (props, len) = match bytes[end - 2] {
            lead @ 0xC2..=0xDF => {
                let code = (u32::from(lead & 0x1F) << 6) | u32::from(b & 0x3F);
                (fast::bmp_table()[code as usize], 2)
            }
            _ => {
                let c = text[..end].chars().next_back().unwrap_or(' ');
                (fast::props(c), c.len_utf8())
            }
        };
        if props.has_own_script() {
            return props.is_arabic();
        }
        end -= len;
    }
    open_at_from
}
