//! How common an Arabic word form is: the Zipf frequencies of the `wordfreq`
//! project's Arabic list (CC BY-SA 4.0), built into `data/wordfreq_ar.tsv` by
//! `scripts/build_wordfreq.py`.
//!
//! The Zipf scale is log10 of a form's frequency per billion words: 7 for
//! the commonest words (`في`), 3 for one in a million, and the list stops at
//! 2.5. Forms are written as the list writes them: hamza forms kept, no
//! diacritics or tatweel ([`letters_key`] prepares a form for lookup).

use std::collections::HashMap;
use std::sync::OnceLock;

const WORDFREQ_AR: &str = include_str!("../../data/wordfreq_ar.tsv");

/// The Zipf frequency of the Arabic form `word`, if the list has it.
///
/// ```
/// use lisan::core::wordfreq::zipf;
/// assert!(zipf("الحكومة").unwrap() > 5.0);
/// assert!(zipf("محتملمن").is_none());
/// ```
pub fn zipf(word: &str) -> Option<f32> {
    table().get(word).map(|&centi| f32::from(centi) / 100.0)
}

/// Loads the list now rather than on the first lookup.
pub fn warm_up() {
    table();
}

/// The form of `word` the list is keyed by: its characters without
/// Arabic diacritics and tatweel.
pub fn letters_key(word: &str) -> String {
    word.chars().filter(|&c| !is_ignored_mark(c)).collect()
}

/// Characters the list leaves out of its forms: harakat, Quranic marks and
/// tatweel.
pub fn is_ignored_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}')
}

/// foldhash: the keys are short and not chosen by callers (only looked
/// up), so a fast hash is the right trade. It reads eight bytes at a time
/// where the FNV-1a hash this replaced read one (a clitic split looks up
/// several forms per word).
type Table = HashMap<&'static str, u16, foldhash::fast::RandomState>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = Table::with_capacity_and_hasher(110_000, Default::default());
        for line in WORDFREQ_AR.lines().filter(|l| !l.starts_with('#')) {
            if let Some((form, centi)) = line.split_once('\t') {
                if let Ok(centi) = centi.parse() {
                    map.insert(form, centi);
                }
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_rank_above_rare_ones() {
        let common = zipf("في").unwrap();
        let rare = zipf("الحكومة").unwrap();
        assert!(common > 7.0 && rare < common, "{common} {rare}");
    }

    #[test]
    fn keys_drop_diacritics_and_tatweel() {
        assert_eq!(letters_key("مَرْحَبـاً"), "مرحبا");
        assert!(zipf(&letters_key("الحُكومة")).is_some());
    }
}
