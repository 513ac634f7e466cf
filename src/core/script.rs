//! Script facts about characters, used to keep folds inside their script.

use unicode_script::{Script, UnicodeScript};

/// Whether `c` belongs to the Arabic script proper (letters, Arabic-Indic
/// digits, Arabic-only marks), not merely used by it (tatweel, harakat).
pub fn is_arabic(c: char) -> bool {
    // The letters of most Arabic text and ASCII by range first: Unicode's
    // script lookup is a search of a long table.
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return true;
    }
    !c.is_ascii() && c.script() == Script::Arabic
}

/// Whether `c` carries a script of its own (not Common or Inherited).
pub fn has_own_script(c: char) -> bool {
    !matches!(
        c.script(),
        Script::Common | Script::Inherited | Script::Unknown
    )
}

/// The ISO 15924 code of the first character of `text` that has a script of
/// its own, or `"Zyyy"` (Common) when none has.
pub fn script_code(text: &str) -> &'static str {
    text.chars()
        .map(|c| c.script())
        .find(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown))
        .map_or("Zyyy", |s| s.short_name())
}

/// Whether `c` starts an emoji: pictographs, dingbats and regional indicators.
pub fn is_emoji_start(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x203C
        | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x21AA)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert!(is_arabic('ب'));
        assert!(is_arabic('٣'));
        assert!(!is_arabic('ـ'), "tatweel is shared by several scripts");
        assert!(!is_arabic('a'));
        assert_eq!(script_code("123 سلام"), "Arab");
        assert_eq!(script_code("Erdoğan"), "Latn");
        assert_eq!(script_code("42"), "Zyyy");
        assert!(is_emoji_start('😀'));
        assert!(is_emoji_start('🇸'));
        assert!(!is_emoji_start('a'));
    }

    #[test]
    fn is_arabic_agrees_with_the_script_property_on_every_character() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_arabic(c), c.script() == Script::Arabic, "{c:?}");
        }
    }
}
