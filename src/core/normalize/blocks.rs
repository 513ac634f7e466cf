//! The sprint's block filter: which positions of a 64-byte block may stop
//! the sprint, found for all of them at once (AVX2 on x86_64 when the
//! processor has it, else SSE2; a scalar loop elsewhere; all three
//! computing the same mask).
//!
//! A block is four *lanes* of 16 bytes, each read as on its own (with the
//! byte after it): what the filter decides at a position depends on the
//! bytes of its lane and the one after, never on an earlier lane, so that
//! SSE2 (one lane at a time) and AVX2 (two lanes in each half) agree.
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
//! passes a haraka whose character before, within the lane, is an Arabic
//! letter the filter passes, or a haraka of a class no higher (the classes
//! of the harakat, 27 to 34, rise with their code points, so the order of
//! two is the order of their second bytes). The harakat compose with no
//! letter, so such a mark leaves the text NFC: the rule the table applies
//! to a mark one at a time (a base before it, no lower class after a
//! higher), read from four bytes at once.

/// The bytes checked at once.
pub(super) const BLOCK: usize = 4 * LANE;

/// The bytes of one lane (one SSE2 vector).
const LANE: usize = 16;

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
    pub stops: u64,
    /// The harakat it passed (their bases are in the block).
    pub harakat: u64,
}

impl Mask {
    /// The mask of a block from the masks of its lanes, first lane first.
    fn of_lanes(lanes: [LaneMask; BLOCK / LANE]) -> Mask {
        let mut mask = Mask {
            stops: 0,
            harakat: 0,
        };
        for (k, lane) in lanes.iter().enumerate() {
            mask.stops |= u64::from(lane.stops) << (k * LANE);
            mask.harakat |= u64::from(lane.harakat) << (k * LANE);
        }
        mask
    }
}

/// What the filter finds in one lane (or in two, from AVX2), one bit per
/// position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LaneMask {
    stops: u32,
    harakat: u32,
}

/// An inclusive range of byte values (empty when `lo > hi`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ByteRange {
    lo: u8,
    hi: u8,
}

/// One bit per index of the Arabic block, set for those that stop.
type Bitmap = [u8; 32];

/// How the filter reads the Arabic block's stops: by the merged ranges
/// (SSE2, which has no byte shuffle) or exactly, by the bitmap (AVX2).
#[cfg(any(test, not(target_arch = "x86_64")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arabic {
    Ranges,
    Bitmap,
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
    /// The same exactly, one bit per index (AVX2 reads it).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    arabic_bitmap: Bitmap,
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
        let arabic_stops: Vec<u8> = (0..=u8::MAX)
            .filter(|&index| {
                let code = 0x0600 + u32::from(index);
                let lead = 0xC0 | (code >> 6) as u8;
                let next = 0x80 | (code & 0x3F) as u8;
                !passes(lead, next)
            })
            .collect();
        let mut arabic_bitmap = [0u8; 32];
        for &index in &arabic_stops {
            arabic_bitmap[usize::from(index >> 3)] |= 1 << (index & 7);
        }
        let merged = merge_runs(runs(arabic_stops.into_iter()), ARABIC_STOP_RANGES);
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
            arabic_bitmap,
            #[cfg(any(test, not(target_arch = "x86_64")))]
            harakat_pass,
            #[cfg(target_arch = "x86_64")]
            vectors: Vectors::of(
                printable_passes,
                doubled_stops,
                &arabic_stops,
                &arabic_bitmap,
                harakat_pass,
            ),
        }
    }

    /// Whether the filter passes the pair `b0 b1` (the scalar model of the
    /// vector code), reading the Arabic block's stop ranges (as SSE2 does).
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn passes(&self, b0: u8, b1: u8) -> bool {
        self.passes_by(b0, b1, Arabic::Ranges)
    }

    /// [`BlockFilter::passes`], reading the Arabic block's stops as `arabic`
    /// says.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn passes_by(&self, b0: u8, b1: u8, arabic: Arabic) -> bool {
        let printable = self.printable_passes && (0x20..=0x7E).contains(&b0);
        let index = arabic_index(b0, b1);
        let stops = match arabic {
            Arabic::Ranges => self.arabic_stops.iter().any(|r| r.contains(index)),
            Arabic::Bitmap => self.arabic_bitmap[usize::from(index >> 3)] & (1 << (index & 7)) != 0,
        };
        let arabic = is_arabic_lead(b0) && !stops;
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
        if self.vectors.avx2 {
            // SAFETY: `avx2` is set only when the processor has AVX2.
            unsafe { self.vectors.stops_avx2(block) }
        } else {
            self.vectors.stops_sse2(block)
        }
    }

    /// The positions of `block[..BLOCK]` the filter flags, and the harakat
    /// it passes, as bits.
    #[cfg(not(target_arch = "x86_64"))]
    #[inline(always)]
    pub(super) fn stops(&self, block: &[u8; BLOCK + 1]) -> Mask {
        self.stops_scalar(block, Arabic::Bitmap)
    }

    /// [`BlockFilter::stops`] one position at a time, reading the Arabic
    /// block's stops as `arabic` says.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn stops_scalar(&self, block: &[u8; BLOCK + 1], arabic: Arabic) -> Mask {
        Mask::of_lanes(std::array::from_fn(|k| {
            let lane = block[k * LANE..=(k + 1) * LANE].try_into().expect("a lane");
            self.lane_scalar(lane, arabic)
        }))
    }

    /// The mask of one lane, one position at a time.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn lane_scalar(&self, lane: &[u8; LANE + 1], arabic: Arabic) -> LaneMask {
        let mut mask = LaneMask {
            stops: 0,
            harakat: 0,
        };
        for (k, pair) in lane.windows(2).enumerate() {
            if !self.passes_by(pair[0], pair[1], arabic) {
                if self.haraka_passes(lane, k, arabic) {
                    mask.harakat |= 1 << k;
                } else {
                    mask.stops |= 1 << k;
                }
            }
        }
        mask
    }

    /// Whether the character at `k` of `lane` is a haraka that passes: in
    /// canonical order after an Arabic letter the filter passes, or after
    /// a haraka, within the lane.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn haraka_passes(&self, lane: &[u8; LANE + 1], k: usize, arabic: Arabic) -> bool {
        if !self.harakat_pass || k < 2 || !is_haraka(lane[k], lane[k + 1]) {
            return false;
        }
        let (b0, b1) = (lane[k - 2], lane[k - 1]);
        let after_letter = is_arabic_lead(b0) && self.passes_by(b0, b1, arabic);
        let after_haraka = is_haraka(b0, b1) && b1 <= lane[k + 1];
        after_letter || after_haraka
    }
}

/// Thirty-two copies of a byte, aligned for a vector load (SSE2 reads the
/// first sixteen).
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Splat([u8; 32]);

#[cfg(target_arch = "x86_64")]
impl Splat {
    fn of(b: u8) -> Splat {
        Splat([b; 32])
    }

    /// Of a signed byte.
    fn signed(b: i8) -> Splat {
        Splat::of(b as u8)
    }
}

/// The filter as the vector code reads it. Byte ranges are compared as
/// signed bytes, the only comparison SSE2 and AVX2 have.
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
    /// The Arabic block's stop bitmap: its first and its last 16 bytes,
    /// each twice (one copy per AVX2 lane).
    bitmap_low: Splat,
    bitmap_high: Splat,
    /// The bit of each index in its bitmap byte (`1 << k` at `k`, per lane).
    bit_of: Splat,
    /// Whether any haraka may pass (else a block with a stop needs no
    /// refining: under SEARCH and ML, which remove the harakat).
    harakat_pass: bool,
    /// Whether the processor has AVX2 (checked once, when the filter is
    /// derived).
    avx2: bool,
}

/// One vector width's comparisons and bit operations, so that the filter's
/// steps are written once for SSE2 (16 bytes) and AVX2 (32 bytes).
/// `$arabic_stops` is a closure from the Arabic-block index of each
/// position (as read, and shifted to a signed byte) to the positions whose
/// index stops: by the merged ranges under SSE2, by the bitmap under AVX2.
#[cfg(target_arch = "x86_64")]
macro_rules! lane_mask {
    ($self:ident, $here:ident, $next:ident, $load:expr, $arabic_stops:expr,
     $set1:ident, $and:ident, $andnot:ident, $or:ident, $xor:ident, $cmpeq:ident, $cmpgt:ident,
     $slli16:ident, $slli_bytes:ident, $movemask:ident) => {{
        let v = $self;
        let load = $load;
        // Continuation bytes are below -0x40 as signed bytes.
        let continuation = $cmpgt($set1(-0x40), $here);
        let printable = $and(
            $cmpgt($here, load(&v.printable_above)),
            $cmpgt(load(&v.printable_below), $here),
        );
        let arabic_lead = $cmpeq($and($here, $set1(0xFCu8 as i8)), $set1(0xD8u8 as i8));
        // The index in the Arabic block: the lead's two low bits above the
        // next byte's six, as a signed byte.
        let lead_bits = $and($slli16::<6>($here), $set1(0xC0u8 as i8));
        let next_bits = $and($next, $set1(0x3F));
        let raw_index = $or(lead_bits, next_bits);
        let index = $xor(raw_index, $set1(0x80u8 as i8));
        let arabic = $andnot($arabic_stops(raw_index, index), arabic_lead);
        let passes = $or($or(continuation, printable), arabic);
        let doubled = $and(
            $cmpeq($here, load(&v.doubled)),
            $cmpeq($next, load(&v.doubled)),
        );
        let stops = $andnot(passes, $set1(-1));
        let stops = $movemask($or(stops, doubled)) as u32;
        if stops == 0 || !v.harakat_pass {
            // Most blocks, and every block when no haraka passes: nothing
            // to refine.
            LaneMask { stops, harakat: 0 }
        } else {
            // The harakat (indices 4B..52), and those that pass: after a
            // letter that passes, or after a haraka whose index (whose
            // class) is no higher, two bytes before within the lane (the
            // byte shifts stay within each 16-byte lane). The next byte
            // must continue the lead, as in `is_haraka` (the index reads
            // only its six low bits; text is valid UTF-8, but the filter
            // answers as the scalar model does on any bytes).
            let haraka = $and(
                $and(arabic_lead, $cmpgt($set1(-0x40), $next)),
                $and(
                    $cmpgt(index, load(&v.harakat_above)),
                    $cmpgt(load(&v.harakat_below), index),
                ),
            );
            let after_letter = $slli_bytes::<2>(arabic);
            let in_order = $andnot(
                $cmpgt($slli_bytes::<2>(index), index),
                $slli_bytes::<2>(haraka),
            );
            let passed = $and(haraka, $or(after_letter, in_order));
            let harakat = $movemask(passed) as u32 & stops;
            LaneMask {
                stops: stops & !harakat,
                harakat,
            }
        }
    }};
}

#[cfg(target_arch = "x86_64")]
impl Vectors {
    fn of(
        printable_passes: bool,
        doubled: u8,
        arabic_stops: &[ByteRange; ARABIC_STOP_RANGES],
        arabic_bitmap: &Bitmap,
        harakat_pass: bool,
    ) -> Vectors {
        let signed = |b: u8| (b ^ 0x80) as i8;
        let twice = |bytes: &[u8]| Splat(std::array::from_fn(|k| bytes[k % LANE]));
        Vectors {
            printable_above: Splat::of(if printable_passes { 0x1F } else { 0x7F }),
            printable_below: Splat::of(0x7F),
            doubled: Splat::of(doubled),
            arabic_lo: arabic_stops.map(|r| Splat::signed(signed(r.lo))),
            arabic_hi: arabic_stops.map(|r| Splat::signed(signed(r.hi))),
            harakat_above: Splat::signed(if harakat_pass { signed(0x4A) } else { i8::MAX }),
            harakat_below: Splat::signed(signed(0x53)),
            bitmap_low: twice(&arabic_bitmap[..LANE]),
            bitmap_high: twice(&arabic_bitmap[LANE..]),
            bit_of: Splat(std::array::from_fn(|k| 1 << (k % 8))),
            harakat_pass,
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }

    /// The mask of a block, one lane at a time.
    #[inline(always)]
    fn stops_sse2(&self, block: &[u8; BLOCK + 1]) -> Mask {
        Mask::of_lanes(std::array::from_fn(|k| self.lane_sse2(block, k * LANE)))
    }

    /// The mask of the lane at `at` of `block`.
    #[inline(always)]
    fn lane_sse2(&self, block: &[u8; BLOCK + 1], at: usize) -> LaneMask {
        use std::arch::x86_64::*;
        debug_assert!(at + LANE < block.len());
        // SAFETY: SSE2 is part of every x86_64 target, so its intrinsics may
        // be called. The two unaligned loads read 16 bytes from `at` and
        // `at + 1`, with `at + 16` within the block; the aligned loads read
        // the first 16 bytes of a `Splat`, aligned to 32.
        unsafe {
            let here = _mm_loadu_si128(block.as_ptr().add(at).cast());
            let next = _mm_loadu_si128(block.as_ptr().add(at + 1).cast());
            let load = |splat: &Splat| _mm_load_si128((splat as *const Splat).cast());
            lane_mask!(
                self,
                here,
                next,
                load,
                |_, index| {
                    let mut stops = _mm_setzero_si128();
                    for (lo, hi) in self.arabic_lo.iter().zip(&self.arabic_hi) {
                        let outside = _mm_or_si128(
                            _mm_cmplt_epi8(index, load(lo)),
                            _mm_cmpgt_epi8(index, load(hi)),
                        );
                        stops = _mm_or_si128(stops, _mm_andnot_si128(outside, _mm_set1_epi8(-1)));
                    }
                    stops
                },
                _mm_set1_epi8,
                _mm_and_si128,
                _mm_andnot_si128,
                _mm_or_si128,
                _mm_xor_si128,
                _mm_cmpeq_epi8,
                _mm_cmpgt_epi8,
                _mm_slli_epi16,
                _mm_slli_si128,
                _mm_movemask_epi8
            )
        }
    }

    /// The mask of a block, two lanes at a time.
    ///
    /// # Safety
    /// The processor must have AVX2.
    #[target_feature(enable = "avx2")]
    unsafe fn stops_avx2(&self, block: &[u8; BLOCK + 1]) -> Mask {
        let low = self.half_avx2(block, 0);
        let high = self.half_avx2(block, 2 * LANE);
        Mask {
            stops: u64::from(low.stops) | (u64::from(high.stops) << (2 * LANE)),
            harakat: u64::from(low.harakat) | (u64::from(high.harakat) << (2 * LANE)),
        }
    }

    /// The mask of the two lanes at `at` of `block`.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn half_avx2(&self, block: &[u8; BLOCK + 1], at: usize) -> LaneMask {
        use std::arch::x86_64::*;
        debug_assert!(at + 2 * LANE < block.len());
        // SAFETY: the two unaligned loads read 32 bytes from `at` and
        // `at + 1`, with `at + 32` within the block; the aligned loads read
        // a `Splat`, 32 bytes aligned to 32.
        unsafe {
            let here = _mm256_loadu_si256(block.as_ptr().add(at).cast());
            let next = _mm256_loadu_si256(block.as_ptr().add(at + 1).cast());
            let load = |splat: &Splat| _mm256_load_si256((splat as *const Splat).cast());
            lane_mask!(
                self,
                here,
                next,
                load,
                |raw_index, _| {
                    // The bitmap byte of an index is at its top five bits:
                    // the shuffles read 16 bytes and give 0 where bit 7 of
                    // the selector is set, so adding 0x70 to the five bits
                    // selects in the first half (below 16) and, with bit 7
                    // flipped, in the second.
                    let top =
                        _mm256_and_si256(_mm256_srli_epi16::<3>(raw_index), _mm256_set1_epi8(0x1F));
                    let low = _mm256_add_epi8(top, _mm256_set1_epi8(0x70));
                    let high = _mm256_xor_si256(low, _mm256_set1_epi8(0x80u8 as i8));
                    let byte = _mm256_or_si256(
                        _mm256_shuffle_epi8(load(&self.bitmap_low), low),
                        _mm256_shuffle_epi8(load(&self.bitmap_high), high),
                    );
                    let bit = _mm256_shuffle_epi8(
                        load(&self.bit_of),
                        _mm256_and_si256(raw_index, _mm256_set1_epi8(7)),
                    );
                    _mm256_cmpeq_epi8(_mm256_and_si256(byte, bit), bit)
                },
                _mm256_set1_epi8,
                _mm256_and_si256,
                _mm256_andnot_si256,
                _mm256_or_si256,
                _mm256_xor_si256,
                _mm256_cmpeq_epi8,
                _mm256_cmpgt_epi8,
                _mm256_slli_epi16,
                _mm256_slli_si256,
                _mm256_movemask_epi8
            )
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

    /// The masks of `block` from every vector path this processor runs
    /// (SSE2, and AVX2 when it has it), each with the scalar model's.
    fn masks_agree(filter: &BlockFilter, block: &[u8; BLOCK + 1]) -> Result<(), TestCaseError> {
        let by_ranges = filter.stops_scalar(block, Arabic::Ranges);
        let exact = filter.stops_scalar(block, Arabic::Bitmap);
        #[cfg(target_arch = "x86_64")]
        {
            prop_assert_eq!(filter.vectors.stops_sse2(block), by_ranges, "SSE2");
            let avx2 = filter.vectors.avx2;
            if avx2 {
                // SAFETY: the filter found AVX2 on this processor.
                let mask = unsafe { filter.vectors.stops_avx2(block) };
                prop_assert_eq!(mask, exact, "AVX2");
            }
            prop_assert_eq!(filter.stops(block), if avx2 { exact } else { by_ranges });
        }
        #[cfg(not(target_arch = "x86_64"))]
        prop_assert_eq!(filter.stops(block), exact);
        // The ranges flag what the bitmap flags, and more.
        prop_assert_eq!(exact.stops & !by_ranges.stops, 0);
        Ok(())
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
                masks_agree(&filter, &block)?;
            }
        }

        #[test]
        fn vector_and_scalar_masks_agree_on_arabic(
            pairs in prop::collection::vec((0xD8..=0xDBu8, 0x80..=0xBFu8), BLOCK / 2 + 1),
            seed in any::<u8>(),
            harakat in any::<bool>(),
        ) {
            let bytes: Vec<u8> = pairs.iter().flat_map(|&(lead, next)| [lead, next]).collect();
            let block: &[u8; BLOCK + 1] = bytes[..BLOCK + 1].try_into().unwrap();
            for filter in [BlockFilter::derive(scrambled(seed), harakat), BlockFilter::derive(toy, true)] {
                masks_agree(&filter, block)?;
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
                BLOCK + 2,
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
                masks_agree(&filter, block)?;
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
        // A haraka that begins a lane is flagged, whatever stands before it
        // in the lane before: each lane is read on its own.
        let mut block = [b'a'; BLOCK + 1];
        block[LANE - 2..LANE + 2].copy_from_slice("\u{0628}\u{064E}".as_bytes());
        assert_eq!(filter.stops(&block).stops, 1 << LANE);
        block[LANE - 4..LANE + 2].copy_from_slice("\u{0628}\u{064E}\u{0651}".as_bytes());
        assert_eq!(filter.stops(&block).stops, 1 << LANE);
        assert_eq!(filter.stops(&block).harakat, 1 << (LANE - 2));
        // Without the harakat rule, every haraka stops.
        let plain = BlockFilter::derive(toy, false);
        let mut block = [b'a'; BLOCK + 1];
        block[..6].copy_from_slice("\u{0628}\u{064E}\u{0651}".as_bytes());
        assert_eq!(plain.stops(&block).stops & 0x3F, 0b01_0100);
        assert_eq!(plain.stops(&block).harakat, 0);
    }
}
