//! Conversion of byte offsets into the unit a caller counts in.

/// The unit in which offsets are reported to callers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust, Go, C).
    #[default]
    Utf8Byte,
    /// UTF-16 code units (JavaScript, Java, C#).
    Utf16CodeUnit,
    /// Unicode scalar values (Python).
    CodePoint,
}

impl OffsetUnit {
    /// How many units `c` counts for.
    fn width(self, c: char) -> usize {
        match self {
            OffsetUnit::Utf8Byte => c.len_utf8(),
            OffsetUnit::Utf16CodeUnit => c.len_utf16(),
            OffsetUnit::CodePoint => 1,
        }
    }
}

/// Bytes between two checkpoints of the converter.
const BLOCK: usize = 64;

/// Converts byte offsets of one text into another unit in O(1) amortized time:
/// it keeps the unit count at the first char boundary of every 64-byte block,
/// and counts the few chars from there.
///
/// ```
/// use lisan::core::{OffsetConverter, OffsetUnit};
/// let text = "a😀b";
/// let conv = OffsetConverter::new(text, OffsetUnit::Utf16CodeUnit);
/// assert_eq!(conv.convert(5), 3); // after the emoji: 1 + 2 code units
/// ```
#[derive(Debug)]
pub struct OffsetConverter<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// For block k: (first char boundary at or after k*BLOCK, units before it).
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetConverter<'t> {
    pub fn new(text: &'t str, unit: OffsetUnit) -> OffsetConverter<'t> {
        let identity = unit == OffsetUnit::Utf8Byte || text.is_ascii();
        let checkpoints = if identity {
            Vec::new()
        } else {
            build_checkpoints(text, unit)
        };
        OffsetConverter {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset, in this converter's unit, of byte offset `byte` (which must
    /// be a char boundary of the text, or its length).
    #[inline]
    pub fn convert(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        self.convert_counting(byte)
    }

    /// [`OffsetConverter::convert`] for a unit other than the text's bytes.
    fn convert_counting(&self, byte: usize) -> usize {
        let (boundary, units) = self.checkpoints[byte / BLOCK];
        debug_assert!(boundary <= byte, "offset {byte} is not a char boundary");
        let between = &self.text[boundary..byte];
        units + between.chars().map(|c| self.unit.width(c)).sum::<usize>()
    }
}

fn build_checkpoints(text: &str, unit: OffsetUnit) -> Vec<(usize, usize)> {
    let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        while checkpoints.len() * BLOCK <= byte {
            checkpoints.push((byte, units));
        }
        units += unit.width(c);
    }
    while checkpoints.len() * BLOCK <= text.len() {
        checkpoints.push((text.len(), units));
    }
    checkpoints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, unit: OffsetUnit, expected: &[(usize, usize)]) {
        let conv = OffsetConverter::new(text, unit);
        for &(byte, want) in expected {
            assert_eq!(
                conv.convert(byte),
                want,
                "{unit:?} of byte {byte} in {text:?}"
            );
        }
    }

    #[test]
    fn converts_every_boundary_like_a_naive_count() {
        let text = "سلام 😀👩‍👩‍👧 abc ".repeat(20);
        for unit in [OffsetUnit::Utf16CodeUnit, OffsetUnit::CodePoint] {
            let conv = OffsetConverter::new(&text, unit);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let naive: usize = text[..byte].chars().map(|c| unit.width(c)).sum();
                assert_eq!(conv.convert(byte), naive);
            }
        }
    }

    #[test]
    fn small_cases() {
        check(
            "aé😀",
            OffsetUnit::Utf8Byte,
            &[(0, 0), (1, 1), (3, 3), (7, 7)],
        );
        check("aé😀", OffsetUnit::Utf16CodeUnit, &[(1, 1), (3, 2), (7, 4)]);
        check("aé😀", OffsetUnit::CodePoint, &[(1, 1), (3, 2), (7, 3)]);
        check("", OffsetUnit::CodePoint, &[(0, 0)]);
    }
}
