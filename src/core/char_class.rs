//! Unicode character properties asked on every character of a page, with
//! the characters below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew,
//! Arabic, Syriac) answered from bit tables: the standard library's lookup
//! is slow for Arabic vowel marks, Arabic-Indic digits and accented letters.
//!
//! ```
//! use lisan::core::char_class::{is_alphabetic, is_alphanumeric};
//! assert!(is_alphabetic('ب') && is_alphabetic('\u{064E}') && !is_alphabetic('٣'));
//! assert!(is_alphanumeric('٣') && is_alphanumeric('é') && !is_alphanumeric('،'));
//! ```

use std::sync::OnceLock;

/// Characters a [`Table`] answers for.
const TABLE_END: u32 = 0x800;

/// One bit per character below [`TABLE_END`].
type Table = [u64; TABLE_END as usize / 64];

/// `char::is_alphabetic` (Unicode's Alphabetic property: letters and the
/// vowel marks, not digits).
pub fn is_alphabetic(c: char) -> bool {
    static TABLE: OnceLock<Table> = OnceLock::new();
    in_table(c, &TABLE, char::is_alphabetic)
}

/// `char::is_alphanumeric` (Alphabetic, or a number of any script).
pub fn is_alphanumeric(c: char) -> bool {
    static TABLE: OnceLock<Table> = OnceLock::new();
    in_table(c, &TABLE, char::is_alphanumeric)
}

/// `property(c)`, from `table` (built on first use) below [`TABLE_END`].
fn in_table(c: char, table: &OnceLock<Table>, property: fn(char) -> bool) -> bool {
    let code = c as u32;
    if code >= TABLE_END {
        return property(c);
    }
    let table = table.get_or_init(|| {
        let mut table = [0u64; TABLE_END as usize / 64];
        for (code, c) in (0..TABLE_END).filter_map(|n| Some((n, char::from_u32(n)?))) {
            if property(c) {
                table[code as usize / 64] |= 1 << (code % 64);
            }
        }
        table
    });
    table[code as usize / 64] & (1 << (code % 64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_agree_with_the_standard_library_on_every_character() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
