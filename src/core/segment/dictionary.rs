//! Words of scripts written without spaces between words (Thai, Lao, Khmer,
//! Myanmar, Chinese, Japanese), found by ICU4X's word segmenter with its
//! built-in dictionaries (Chinese, Japanese) and LSTM models (Southeast
//! Asian scripts), instead of one token per run or per character.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use std::sync::OnceLock;
use unicode_script::{Script, UnicodeScript};

/// Whether `c` belongs to a script that needs a dictionary to find words.
pub(super) fn needs_dictionary(c: char) -> bool {
    // Thai is the first of these scripts in code point order.
    c >= '\u{0E00}'
        && matches!(
            c.script(),
            Script::Thai
                | Script::Lao
                | Script::Khmer
                | Script::Myanmar
                | Script::Han
                | Script::Hiragana
                | Script::Katakana
        )
        || c == '\u{30FC}' // the Japanese prolonged sound mark (Common)
}

/// Bytes of the run at the start of `rest` made of such characters and
/// the marks that go with them.
pub(super) fn run_len(rest: &str) -> usize {
    // Characters below U+0800 (lead byte below 0xE0) need no dictionary.
    if rest.as_bytes().first().is_none_or(|&b| b < 0xE0)
        || !rest.chars().next().is_some_and(needs_dictionary)
    {
        return 0;
    }
    rest.char_indices()
        .find(|&(_, c)| !(needs_dictionary(c) || c.script() == Script::Inherited))
        .map_or(rest.len(), |(i, _)| i)
}

/// The words of `run`, as byte ranges of it, in order.
pub(super) fn words(run: &str) -> Vec<(usize, usize)> {
    static SEGMENTER: OnceLock<WordSegmenterBorrowed<'static>> = OnceLock::new();
    let segmenter =
        SEGMENTER.get_or_init(|| WordSegmenter::new_auto(WordBreakInvariantOptions::default()));
    let breaks: Vec<usize> = segmenter.segment_str(run).collect();
    breaks
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|&(a, b)| a < b)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn thai_and_japanese_split_into_words() {
        // "I like to eat rice" and "I am a student".
        assert!(words_of("ฉันชอบกินข้าว").len() >= 3);
        let ja = words_of("私は学生です");
        assert!(ja.len() >= 3, "{ja:?}");
        assert_eq!(ja.concat(), "私は学生です");
    }

    #[test]
    fn runs_stop_at_other_scripts() {
        assert_eq!(run_len("ภาษาไทย abc"), "ภาษาไทย".len());
        assert_eq!(run_len("abc"), 0);
    }
}
