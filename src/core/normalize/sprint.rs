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

use super::fast::{self, Props};
use super::options::UnicodeForm;

/// What a sprint table is built from: two engines with equal keys share it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Key {
    pub form: UnicodeForm,
    pub change_mask: u32,
    pub collapse: bool,
    pub ascii_unchanged: [bool; 128],
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
}

/// How many tables the process keeps (one per set of options in use; the
/// profiles and their common variants are far fewer).
const KEPT: usize = 16;

pub(super) struct SprintTable {
    key: Key,
    /// For each pair of bytes `b0 | b1 << 8`, the kind of what starts there.
    kinds: Box<[u8; 1 << 16]>,
    /// For each pair of bytes: 1 when a block may hold it at any position
    /// (a continuation byte, or an ASCII or two-byte starter that passes).
    block_ok: Box<[u8; 1 << 16]>,
    /// One bit per character of the Basic Multilingual Plane: a starter of
    /// three bytes that passes.
    three_pass: Box<[u64]>,
}

/// The bytes checked at once by [`SprintTable::pass_blocks`].
const BLOCK: usize = 16;

/// How far the sprint goes one character at a time before it tries whole
/// blocks again.
const STRETCH: usize = 32;

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
}

impl Sprint {
    fn stopped(end: usize, last_starter: usize, last_class: u8) -> Sprint {
        Sprint {
            end,
            last_starter: (last_starter != NONE).then_some(last_starter),
            last_class,
        }
    }
}

impl SprintTable {
    /// The table for `key`, shared by every thread: a table is built once
    /// per process for each set of options (about 6 M instructions), not
    /// once per thread, so that no request on a new worker pays for it.
    pub(super) fn for_key(key: Key, arabic_pass: &[u8; 256]) -> Arc<SprintTable> {
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
        let built = Arc::new(Self::build(key, arabic_pass));
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

    fn build(key: Key, arabic_pass: &[u8; 256]) -> SprintTable {
        let mut kinds = Box::new([kind::STOP; 1 << 16]);
        for (pair, kind) in (0..=u16::MAX).zip(kinds.iter_mut()) {
            let [b0, b1] = pair.to_le_bytes();
            *kind = kind_of(&key, arabic_pass, b0, b1);
        }
        let mut block_ok = Box::new([0; 1 << 16]);
        for (pair, ok) in (0..=u16::MAX).zip(block_ok.iter_mut()) {
            let [b0, _] = pair.to_le_bytes();
            let kind = kinds[usize::from(pair)];
            *ok = u8::from(is_continuation(b0) || kind == 1 || kind == 2);
        }
        let mut three_pass = vec![0u64; 0x1_0000 / 64].into_boxed_slice();
        for code in 0x800..0x1_0000u32 {
            if char::from_u32(code).is_some_and(|c| starter_passes(&key, fast::props(c))) {
                three_pass[code as usize / 64] |= 1 << (code % 64);
            }
        }
        SprintTable {
            key,
            kinds,
            block_ok,
            three_pass,
        }
    }

    /// Passes from `from` over the characters that pass unchanged, given
    /// whether an unchanged starter stands before `from` in this pass and
    /// the combining class of the character before. The last byte of the
    /// text is left to the general loop (no pair to read).
    #[inline]
    pub(super) fn run(&self, bytes: &[u8], from: usize, starter_before: bool, class: u8) -> Sprint {
        let mut i = from;
        let mut last_starter = NONE;
        let mut last_class = class;
        // A pair is read at every position below the last byte.
        let pairs_end = bytes.len().saturating_sub(1);
        // Blocks are tried only after a stretch passed one character at a
        // time (a sprint that stops soon never pays for a block).
        let mut try_blocks = false;
        while i < pairs_end {
            let blocks_end = if try_blocks {
                self.pass_blocks(bytes, i)
            } else {
                i
            };
            try_blocks = true;
            if blocks_end > i {
                // The last character passed may run one byte past the blocks.
                if is_continuation(bytes[blocks_end]) {
                    last_starter = blocks_end - 1;
                    i = blocks_end + 1;
                } else {
                    let two_bytes = is_continuation(bytes[blocks_end - 1]);
                    last_starter = blocks_end - 1 - usize::from(two_bytes);
                    i = blocks_end;
                }
                last_class = 0;
            }
            // One character at a time over what stopped the blocks.
            let stretch_end = pairs_end.min(i + STRETCH);
            while i < stretch_end {
                let b0 = bytes[i];
                let kind = self.kinds[usize::from(u16::from_le_bytes([b0, bytes[i + 1]]))];
                // The common case: an ASCII or two-byte starter that passes.
                // Its length comes from its first byte, not from the table,
                // so that the next position does not wait for the table.
                if kind.wrapping_sub(1) < 2 {
                    last_starter = i;
                    last_class = 0;
                    i += 1 + usize::from(b0 >> 7);
                    continue;
                }
                let has_base = starter_before || last_starter != NONE;
                match self.rare_step(bytes, i, kind, has_base, last_class) {
                    Some(Step::Starter(len)) => {
                        last_starter = i;
                        last_class = 0;
                        i += len;
                    }
                    Some(Step::Mark(mark_class)) => {
                        last_class = mark_class;
                        i += 2;
                    }
                    None => return Sprint::stopped(i, last_starter, last_class),
                }
            }
        }
        Sprint::stopped(i, last_starter, last_class)
    }

    /// Passes whole blocks of ASCII and two-byte starters from `i` (a
    /// character boundary); returns where the blocks end. Every position of
    /// a block is checked at once, with no position waiting for another.
    #[inline]
    fn pass_blocks(&self, bytes: &[u8], mut i: usize) -> usize {
        let block_ok: &[u8; 1 << 16] = &self.block_ok;
        while let Some(block) = bytes.get(i..i + BLOCK + 1) {
            let mut ok = 1;
            for pair in block.windows(2) {
                ok &= block_ok[usize::from(u16::from_le_bytes([pair[0], pair[1]]))];
            }
            if ok == 0 {
                break;
            }
            i += BLOCK;
        }
        i
    }

    /// What passes at `i`, whose pair is of a `kind` other than the common
    /// ones: a mark in canonical order after a base, or a longer starter.
    #[inline(never)]
    fn rare_step(
        &self,
        bytes: &[u8],
        i: usize,
        kind: u8,
        has_base: bool,
        class: u8,
    ) -> Option<Step> {
        match kind {
            kind::MARK => {
                let code = (u32::from(bytes[i] & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                let mark_class = char::from_u32(code).map_or(0, fast::combining_class);
                (has_base && mark_class >= class).then_some(Step::Mark(mark_class))
            }
            kind::THREE => {
                let b2 = *bytes.get(i + 2)?;
                self.three_passes(bytes[i], bytes[i + 1], b2)
                    .then_some(Step::Starter(3))
            }
            kind::FOUR => self.four_passes(&bytes[i..]).then_some(Step::Starter(4)),
            _ => None,
        }
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
