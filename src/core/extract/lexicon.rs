//! Word lists of the extractors, loaded once from the data files in `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::normalize::{normalize, Profile};

const MONTHS: &str = include_str!("../../../data/months.tsv");
const YEAR_WORDS: &str = include_str!("../../../data/year_words.txt");

/// Month names (one or two words) and year words, keyed by their folded form.
pub(super) struct Lexicon {
    months: HashMap<String, u32>,
    two_word_months: HashMap<(String, String), u32>,
    year_words: Vec<String>,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// The form words are compared in: the SEARCH profile (alef, teh marbuta,
/// diacritics folded) and lower case.
pub(super) fn fold(word: &str) -> String {
    normalize(word, &Profile::Search.options())
        .text
        .to_lowercase()
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut months = HashMap::new();
        let mut two_word_months = HashMap::new();
        for line in data_lines(MONTHS) {
            let mut cols = line.split('\t');
            let (Some(number), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let number: u32 = number.parse().expect("months.tsv: month number");
            let words: Vec<String> = name.split(' ').map(fold).collect();
            match words.as_slice() {
                [one] => {
                    months.insert(one.clone(), number);
                }
                [first, second] => {
                    two_word_months.insert((first.clone(), second.clone()), number);
                }
                _ => panic!("months.tsv: month names have one or two words: {name}"),
            }
        }
        let year_words = data_lines(YEAR_WORDS).map(fold).collect();
        Lexicon {
            months,
            two_word_months,
            year_words,
        }
    }

    /// The month a folded word names, also after an Arabic proclitic.
    pub(super) fn month(&self, folded: &str) -> Option<u32> {
        self.months
            .get(folded)
            .or_else(|| strip_proclitic(folded).and_then(|rest| self.months.get(rest)))
            .copied()
    }

    /// The month two folded words name together (`كانون الثاني`).
    pub(super) fn two_word_month(&self, first: &str, second: &str) -> Option<u32> {
        let key = |f: &str| (f.to_string(), second.to_string());
        self.two_word_months
            .get(&key(first))
            .or_else(|| strip_proclitic(first).and_then(|f| self.two_word_months.get(&key(f))))
            .copied()
    }

    /// Whether a folded word introduces a bare year.
    pub(super) fn is_year_word(&self, folded: &str) -> bool {
        let matches = |w: &str| self.year_words.iter().any(|y| y == w);
        matches(folded) || strip_proclitic(folded).is_some_and(matches)
    }
}

/// The word without a one-letter Arabic proclitic (و ف ب ل), if it has one.
fn strip_proclitic(word: &str) -> Option<&str> {
    let rest = word.strip_prefix(['و', 'ف', 'ب', 'ل'])?;
    (rest.chars().count() >= 2).then_some(rest)
}
