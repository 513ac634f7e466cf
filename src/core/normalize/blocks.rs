//! The sprint's block filter: which positions of a 16-byte block may stop
//! the sprint, found for all sixteen at once (SSE2 on x86_64, a scalar loop
//! elsewhere, both computing the same mask).
//!
//! A position passes the filter when its byte continues a character, or is
//! printable ASCII (when the options change none), or leads a character of
//! the Arabic block (`D8..DB`) that is outside the block's *stop ranges*;
//! a space before a space is flagged when whitespace is collapsed. All of it
//! is derived from the sprint's pair table, and the stop ranges may hold
//! more than the table stops at (they are merged to fit), never less: every
//! position the filter passes is one the table passes in a block. A position
//! it flags is checked by the table one character at a time.
//!
//! When the table passes the Arabic harakat (U+064B..U+0652, two bytes
//! `D9 8B..92`) as marks in canonical order, as under NFC, the filter also
//! passes a haraka whose character before, within the block, is an Arabic
//! letter the filter passes, or a haraka of a class no higher (the classes
//! of the harakat, 27 to 34, rise with their code points, so the order of
//! two is the order of their second bytes). The harakat compose with no
//! letter, so such a mark leaves the text NFC: the rule the table applies
//! to a mark one at a time (a base before it, no lower class after a
//! higher), read from four bytes at once.

/// The bytes checked at once.
pub(super) const BLOCK: usize = 16;

/// How many ranges of the Arabic block the filter flags.
const ARABIC_STOP_RANGES: usize = 4;

/// A byte that never occurs in UTF-8.
const NEVER: u8 = 0xC0;

/// Whether the pair `b0 b1` is one of the harakat U+064B..U+0652.
pub(super) fn is_haraka(b0: u8, b1: u8) -> bool {
    b0 == 0xD9 && (0x8B..=0x92).contains(&b1)
}

/// The canonical combining class of the haraka whose second byte is `b1`
/// (27 for U+064B up to 34 for U+0652).
pub(super) fn haraka_class(b1: u8) -> u8 {
    27 + (b1 - 0x8B)
}

/// What the filter finds in a block, one bit per position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mask {
    /// The positions that may stop the sprint.
    pub stops: u32,
    /// The harakat it passed (their bases are in the block).
    pub harakat: u32,
}

/// An inclusive range of byte values (empty when `lo > hi`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ByteRange {
    lo: u8,
    hi: u8,
}

impl ByteRange {
    const EMPTY: ByteRange = ByteRange { lo: 0xFF, hi: 0 };

    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn contains(self, b: u8) -> bool {
        (self.lo..=self.hi).contains(&b)
    }
}

pub(super) struct BlockFilter {
    /// Whether printable ASCII passes (a space before a space aside).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    printable_passes: bool,
    /// The byte whose pair with itself stops (a space when whitespace is
    /// collapsed, else `NEVER`).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    doubled_stops: u8,
    /// The characters of the Arabic block that may stop, by their index
    /// (the code point minus U+0600).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    arabic_stops: [ByteRange; ARABIC_STOP_RANGES],
    /// Whether a haraka in canonical order after a letter passes.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    harakat_pass: bool,
    /// The same, as the vector code reads them.
    #[cfg(target_arch = "x86_64")]
    vectors: Vectors,
}

/// Whether `b` continues a UTF-8 sequence.
fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// Whether `b` leads a character of the Arabic block.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn is_arabic_lead(b: u8) -> bool {
    b & 0xFC == 0xD8
}

/// The index in the Arabic block of the character led by `lead`.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn arabic_index(lead: u8, next: u8) -> u8 {
    (lead << 6) | (next & 0x3F)
}

/// The bytes that may follow `b0` in valid UTF-8 (within a pair).
fn may_follow(b0: u8, b1: u8) -> bool {
    match b0 {
        0x00..=0x7F => !is_continuation(b1),
        0xC2..=0xDF => is_continuation(b1),
        _ => true,
    }
}

/// The runs of consecutive values in `values` (ascending).
fn runs(values: impl Iterator<Item = u8>) -> Vec<ByteRange> {
    let mut runs: Vec<ByteRange> = Vec::new();
    for b in values {
        match runs.last_mut() {
            Some(run) if run.hi.checked_add(1) == Some(b) => run.hi = b,
            _ => runs.push(ByteRange { lo: b, hi: b }),
        }
    }
    runs
}

/// What flagging a character of the Arabic block that passes costs, by its
/// index: one of the letters most Arabic text is made of (U+0621..U+064A)
/// more than all of the rest together (under SEARCH, whose stops fall between them, merging the
/// runs by their gaps alone flagged nearly every letter).
fn flag_cost(index: u8) -> u32 {
    if (0x21..=0x4A).contains(&index) {
        256
    } else {
        1
    }
}

/// Merges runs across the cheapest gaps (by the [`flag_cost`] of what
/// passes in them, then by their width) until at most `most` are left:
/// each merge fills one gap, so filling the cheapest ones one at a time
/// flags the least.
fn merge_runs(mut runs: Vec<ByteRange>, most: usize) -> Vec<ByteRange> {
    while runs.len() > most {
        let cost = |k: usize| {
            let gap = runs[k].hi + 1..runs[k + 1].lo;
            (gap.clone().map(flag_cost).sum::<u32>(), gap.len())
        };
        let Some(k) = (0..runs.len() - 1).min_by_key(|&k| cost(k)) else {
            break;
        };
        runs[k].hi = runs[k + 1].hi;
        runs.remove(k + 1);
    }
    runs
}

impl BlockFilter {
    /// The filter of a pair table: `passes(b0, b1)` says whether a block may
    /// hold the pair at any position; `harakat_pass`, whether the table
    /// passes every haraka as a mark in canonical order after a base.
    pub(super) fn derive(passes: impl Fn(u8, u8) -> bool, harakat_pass: bool) -> BlockFilter {
        let followers = |b0: u8| (0..=u8::MAX).filter(move |&b1| may_follow(b0, b1));
        let printable_passes = (0x20..=0x7E)
            .all(|b0| followers(b0).all(|b1| (b0 == b' ' && b1 == b' ') || passes(b0, b1)));
        let doubled_stops = if passes(b' ', b' ') { NEVER } else { b' ' };
        let arabic_stops = (0..=u8::MAX).filter(|&index| {
            let code = 0x0600 + u32::from(index);
            let lead = 0xC0 | (code >> 6) as u8;
            let next = 0x80 | (code & 0x3F) as u8;
            !passes(lead, next)
        });
        let merged = merge_runs(runs(arabic_stops), ARABIC_STOP_RANGES);
        let mut arabic_stops = [ByteRange::EMPTY; ARABIC_STOP_RANGES];
        arabic_stops[..merged.len()].copy_from_slice(&merged);
        BlockFilter {
            #[cfg(any(test, not(target_arch = "x86_64")))]
            printable_passes,
            #[cfg(any(test, not(target_arch = "x86_64")))]
            doubled_stops,
            #[cfg(any(test, not(target_arch = "x86_64")))]
            arabic_stops,
            #[cfg(any(test, not(target_arch = "x86_64")))]
            harakat_pass,
            #[cfg(target_arch = "x86_64")]
            vectors: Vectors::of(printable_passes, doubled_stops, &arabic_stops, harakat_pass),
        }
    }

    /// Whether the filter passes the pair `b0 b1` (the scalar model of the
    /// vector code).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn passes(&self, b0: u8, b1: u8) -> bool {
        let printable = self.printable_passes && (0x20..=0x7E).contains(&b0);
        let arabic = is_arabic_lead(b0)
            && !self
                .arabic_stops
                .iter()
                .any(|r| r.contains(arabic_index(b0, b1)));
        let doubled = b0 == self.doubled_stops && b1 == self.doubled_stops;
        (is_continuation(b0) || printable || arabic) && !doubled
    }

    /// [`BlockFilter::passes`] for a pair valid UTF-8 may hold (`None` for
    /// others).
    #[cfg(test)]
    pub(super) fn passes_valid_pair(&self, b0: u8, b1: u8) -> Option<bool> {
        may_follow(b0, b1).then(|| self.passes(b0, b1))
    }

    /// The positions of `block[..BLOCK]` the filter flags, and the harakat
    /// it passes, as bits.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    pub(super) fn stops(&self, block: &[u8; BLOCK + 1]) -> Mask {
        self.vectors.stops(block)
    }

    /// The positions of `block[..BLOCK]` the filter flags, and the harakat
    /// it passes, as bits.
    #[cfg(not(target_arch = "x86_64"))]
    #[inline(always)]
    pub(super) fn stops(&self, block: &[u8; BLOCK + 1]) -> Mask {
        self.stops_scalar(block)
    }

    /// [`BlockFilter::stops`] one position at a time.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn stops_scalar(&self, block: &[u8; BLOCK + 1]) -> Mask {
        let mut mask = Mask {
            stops: 0,
            harakat: 0,
        };
        for (k, pair) in block.windows(2).enumerate() {
            if !self.passes(pair[0], pair[1]) {
                if self.haraka_passes(block, k) {
                    mask.harakat |= 1 << k;
                } else {
                    mask.stops |= 1 << k;
                }
            }
        }
        mask
    }

    /// Whether the character at `k` of `block` is a haraka that passes: in
    /// canonical order after an Arabic letter the filter passes, or after
    /// a haraka, within the block.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn haraka_passes(&self, block: &[u8; BLOCK + 1], k: usize) -> bool {
        if !self.harakat_pass || k < 2 || !is_haraka(block[k], block[k + 1]) {
            return false;
        }
        let (b0, b1) = (block[k - 2], block[k - 1]);
        let after_letter = is_arabic_lead(b0) && self.passes(b0, b1);
        let after_haraka = is_haraka(b0, b1) && b1 <= block[k + 1];
        after_letter || after_haraka
    }
}

/// Sixteen copies of a byte, aligned for a vector load.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Splat([u8; BLOCK]);

#[cfg(target_arch = "x86_64")]
impl Splat {
    fn of(b: u8) -> Splat {
        Splat([b; BLOCK])
    }

    /// Of a signed byte.
    fn signed(b: i8) -> Splat {
        Splat::of(b as u8)
    }
}

/// The filter as the vector code reads it. Byte ranges are compared as
/// signed bytes, the only comparison SSE2 has.
#[cfg(target_arch = "x86_64")]
#[repr(C)]
struct Vectors {
    /// Bytes above it and below `printable_above + 0x60` are printable
    /// ASCII that passes (`0x1F`; `0x7F` when none passes).
    printable_above: Splat,
    printable_below: Splat,
    doubled: Splat,
    /// The stop ranges of the Arabic block, shifted to signed bytes.
    arabic_lo: [Splat; ARABIC_STOP_RANGES],
    arabic_hi: [Splat; ARABIC_STOP_RANGES],
    /// The indices of the harakat in the Arabic block (`4B..52`), shifted
    /// to signed bytes: above `harakat_above` and below `harakat_below`
    /// (an empty range when they do not pass).
    harakat_above: Splat,
    harakat_below: Splat,
    /// Whether any haraka may pass (else a block with a stop needs no
    /// refining: under SEARCH and ML, which remove the harakat).
    harakat_pass: bool,
}

#[cfg(target_arch = "x86_64")]
impl Vectors {
    fn of(
        printable_passes: bool,
        doubled: u8,
        arabic_stops: &[ByteRange; ARABIC_STOP_RANGES],
        harakat_pass: bool,
    ) -> Vectors {
        let signed = |b: u8| (b ^ 0x80) as i8;
        Vectors {
            printable_above: Splat::of(if printable_passes { 0x1F } else { 0x7F }),
            printable_below: Splat::of(0x7F),
            doubled: Splat::of(doubled),
            arabic_lo: arabic_stops.map(|r| Splat::signed(signed(r.lo))),
            arabic_hi: arabic_stops.map(|r| Splat::signed(signed(r.hi))),
            harakat_above: Splat::signed(if harakat_pass { signed(0x4A) } else { i8::MAX }),
            harakat_below: Splat::signed(signed(0x53)),
            harakat_pass,
        }
    }

    /// The positions of `block[..BLOCK]` the filter flags, as bits.
    #[inline(always)]
    fn stops(&self, block: &[u8; BLOCK + 1]) -> Mask {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of every x86_64 target, so its intrinsics may
        // be called. The two unaligned loads read 16 bytes from offset 0 and
        // 1 of a 17-byte array, so within it; the aligned loads read a
        // `Splat`, 16 bytes aligned to 16.
        unsafe {
            let load = |splat: &Splat| _mm_load_si128((splat as *const Splat).cast());
            let here = _mm_loadu_si128(block.as_ptr().cast());
            let next = _mm_loadu_si128(block.as_ptr().add(1).cast());
            // Continuation bytes are below -0x40 as signed bytes.
            let continuation = _mm_cmplt_epi8(here, _mm_set1_epi8(-0x40));
            let printable = _mm_and_si128(
                _mm_cmpgt_epi8(here, load(&self.printable_above)),
                _mm_cmplt_epi8(here, load(&self.printable_below)),
            );
            let arabic_lead = _mm_cmpeq_epi8(
                _mm_and_si128(here, _mm_set1_epi8(0xFCu8 as i8)),
                _mm_set1_epi8(0xD8u8 as i8),
            );
            // The index in the Arabic block: the lead's two low bits above
            // the next byte's six, as a signed byte.
            let lead_bits = _mm_and_si128(_mm_slli_epi16(here, 6), _mm_set1_epi8(0xC0u8 as i8));
            let next_bits = _mm_and_si128(next, _mm_set1_epi8(0x3F));
            let index = _mm_xor_si128(
                _mm_or_si128(lead_bits, next_bits),
                _mm_set1_epi8(0x80u8 as i8),
            );
            let mut arabic_stops = _mm_setzero_si128();
            for (lo, hi) in self.arabic_lo.iter().zip(&self.arabic_hi) {
                let outside = _mm_or_si128(
                    _mm_cmplt_epi8(index, load(lo)),
                    _mm_cmpgt_epi8(index, load(hi)),
                );
                arabic_stops = _mm_or_si128(arabic_stops, _mm_andnot_si128(outside, arabic_lead));
            }
            let arabic = _mm_andnot_si128(arabic_stops, arabic_lead);
            let passes = _mm_or_si128(_mm_or_si128(continuation, printable), arabic);
            let doubled = _mm_and_si128(
                _mm_cmpeq_epi8(here, load(&self.doubled)),
                _mm_cmpeq_epi8(next, load(&self.doubled)),
            );
            let stops = _mm_andnot_si128(passes, _mm_set1_epi8(-1));
            let stops = _mm_movemask_epi8(_mm_or_si128(stops, doubled)) as u32;
            if stops == 0 || !self.harakat_pass {
                // Most blocks, and every block when no haraka passes:
                // nothing to refine.
                return Mask { stops, harakat: 0 };
            }
            // The harakat (indices 4B..52), and those that pass: after a
            // letter that passes, or after a haraka whose index (whose
            // class) is no higher, two bytes before within the block.
            let haraka = _mm_and_si128(
                arabic_lead,
                _mm_and_si128(
                    _mm_cmpgt_epi8(index, load(&self.harakat_above)),
                    _mm_cmplt_epi8(index, load(&self.harakat_below)),
                ),
            );
            let after_letter = _mm_slli_si128(arabic, 2);
            let in_order = _mm_andnot_si128(
                _mm_cmpgt_epi8(_mm_slli_si128(index, 2), index),
                _mm_slli_si128(haraka, 2),
            );
            let passed = _mm_and_si128(haraka, _mm_or_si128(after_letter, in_order));
            let harakat = _mm_movemask_epi8(passed) as u32 & stops;
            Mask {
                stops: stops & !harakat,
                harakat,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A toy pair table: ASCII letters and Arabic letters pass, harakat
    /// (`D9 8B..9F`) and three-byte leads do not, a space not before a space.
    fn toy(b0: u8, b1: u8) -> bool {
        match b0 {
            b' ' => b1 != b' ',
            0x21..=0x7E => true,
            0xD9 => !(0x8B..=0x9F).contains(&b1),
            0xD8 | 0xDA | 0xDB => true,
            0x80..=0xBF => true,
            _ => false,
        }
    }

    #[test]
    fn the_filter_passes_no_pair_the_table_stops() {
        let filter = BlockFilter::derive(toy, true);
        for b0 in 0..=u8::MAX {
            for b1 in (0..=u8::MAX).filter(|&b1| may_follow(b0, b1)) {
                if filter.passes(b0, b1) {
                    assert!(toy(b0, b1), "{b0:02X} {b1:02X} passed");
                }
            }
        }
        // The Arabic letters and the letters pass without a table look-up.
        assert!(filter.passes(0xD9, 0x84) && filter.passes(b'a', b'b'));
        assert!(!filter.passes(b' ', b' ') && filter.passes(b' ', b'a'));
    }

    /// SEARCH-like stops between the common letters (teh marbuta, alef
    /// variants, tatweel, alef maqsura, the harakat, digits and much of
    /// the rest of the block): the four ranges leave the letters of Arabic
    /// text (alef, beh, lam, meem, noon, heh, waw) to pass without a table
    /// look-up, where merging by the narrowest gaps flagged them all.
    #[test]
    fn the_stop_ranges_flag_the_common_letters_last() {
        let stops = |index: u8| {
            matches!(index, 0x00..=0x05 | 0x10..=0x1A | 0x1C | 0x22 | 0x23 | 0x25 | 0x29 | 0x40
                | 0x49 | 0x4B..=0x6C | 0x70..=0x78 | 0xA9 | 0xC0..=0xC1 | 0xCC | 0xD0
                | 0xD2..=0xED | 0xF0..=0xF9)
        };
        let table = |b0: u8, b1: u8| match b0 {
            0xD8..=0xDB => !stops(((b0 & 3) << 6) | (b1 & 0x3F)),
            _ => b0 < 0xC0,
        };
        let filter = BlockFilter::derive(table, false);
        for letter in ['ا', 'ب', 'ت', 'ر', 'س', 'ع', 'ل', 'م', 'ن', 'ه', 'و'] {
            let mut utf8 = [0; 2];
            letter.encode_utf8(&mut utf8);
            assert!(filter.passes(utf8[0], utf8[1]), "{letter} is flagged");
        }
        for stop in ['ة', 'أ', 'ـ', 'ى', '\u{064E}', '٣'] {
            let mut utf8 = [0; 2];
            stop.encode_utf8(&mut utf8);
            assert!(!filter.passes(utf8[0], utf8[1]), "{stop} passes");
        }
    }

    #[test]
    fn no_continuation_byte_is_flagged() {
        let filter = BlockFilter::derive(|b0, _| b0 < 0x80, false);
        assert!((0x80..=0xBF).all(|b| filter.passes(b, b'a')));
    }

    /// A table that stops at a pseudo-random set of pairs.
    fn scrambled(seed: u8) -> impl Fn(u8, u8) -> bool {
        move |b0: u8, b1: u8| !(b0.wrapping_mul(31) ^ b1.wrapping_add(seed)).is_multiple_of(29)
    }

    proptest! {
        #[test]
        fn vector_and_scalar_masks_agree(
            block in any::<[u8; BLOCK + 1]>(),
            seed in any::<u8>(),
            harakat in any::<bool>(),
        ) {
            for filter in [BlockFilter::derive(scrambled(seed), harakat), BlockFilter::derive(toy, true)] {
                prop_assert_eq!(filter.stops(&block), filter.stops_scalar(&block));
            }
        }

        #[test]
        fn vector_and_scalar_masks_agree_on_arabic(
            pairs in prop::collection::vec((0xD8..=0xDBu8, 0x80..=0xBFu8), 9),
            seed in any::<u8>(),
            harakat in any::<bool>(),
        ) {
            let bytes: Vec<u8> = pairs.iter().flat_map(|&(lead, next)| [lead, next]).collect();
            let block: &[u8; BLOCK + 1] = bytes[..BLOCK + 1].try_into().unwrap();
            for filter in [BlockFilter::derive(scrambled(seed), harakat), BlockFilter::derive(toy, true)] {
                prop_assert_eq!(filter.stops(block), filter.stops_scalar(block));
            }
        }

        /// Blocks of Arabic letters and harakat in any order, at both
        /// parities: the harakat rule reads four bytes at once.
        #[test]
        fn vector_and_scalar_masks_agree_on_harakat(
            chars in prop::collection::vec(
                prop_oneof![
                    3 => (0x8Bu8..=0x92).prop_map(|b1| vec![0xD9, b1]),
                    2 => prop::sample::select(vec![
                        vec![0xD8, 0xA8], vec![0xD9, 0x84], vec![0xD8, 0xA7], vec![0xD9, 0x93],
                        vec![0xD9, 0x8A], vec![0xD9, 0x95], vec![0xD9, 0x80], vec![0xD8, 0x8C],
                        vec![b'a'], vec![b' '], vec![0xC3, 0xA9],
                    ]),
                ],
                18,
            ),
            shift in 0..2usize,
            seed in any::<u8>(),
        ) {
            let bytes: Vec<u8> = chars.concat();
            let block: &[u8; BLOCK + 1] = bytes[shift..shift + BLOCK + 1].try_into().unwrap();
            for filter in [
                BlockFilter::derive(scrambled(seed), true),
                BlockFilter::derive(toy, true),
                BlockFilter::derive(toy, false),
            ] {
                prop_assert_eq!(filter.stops(block), filter.stops_scalar(block));
            }
        }
    }

    #[test]
    fn a_haraka_passes_after_a_letter_and_in_canonical_order_only() {
        let filter = BlockFilter::derive(toy, true);
        let stops = |text: &str| {
            let mut block = [b'a'; BLOCK + 1];
            block[..text.len()].copy_from_slice(text.as_bytes());
            filter.stops(&block).stops & ((1 << text.len()) - 1)
        };
        // بَّ: fatha (30) then shadda (33) after a letter: nothing stops.
        assert_eq!(stops("\u{0628}\u{064E}\u{0651}"), 0);
        let mut block = [b'a'; BLOCK + 1];
        block[..6].copy_from_slice("\u{0628}\u{064E}\u{0651}".as_bytes());
        assert_eq!(filter.stops(&block).harakat, 0b01_0100);
        // Shadda then fatha: the fatha is out of order.
        assert_eq!(stops("\u{0628}\u{0651}\u{064E}"), 1 << 4);
        // A haraka at the start of the block, or after a space: no base seen.
        assert_eq!(stops("\u{064E}\u{0628}"), 1);
        assert_eq!(stops(" \u{064E}"), 1 << 1);
        // After a mark that is not a haraka (hamza above, U+0654).
        assert_eq!(stops("\u{0627}\u{0654}\u{064E}") & (1 << 4), 1 << 4);
        // Without the harakat rule, every haraka stops.
        let plain = BlockFilter::derive(toy, false);
        let mut block = [b'a'; BLOCK + 1];
        block[..6].copy_from_slice("\u{0628}\u{064E}\u{0651}".as_bytes());
        assert_eq!(plain.stops(&block).stops & 0x3F, 0b01_0100);
        assert_eq!(plain.stops(&block).harakat, 0);
    }
}
