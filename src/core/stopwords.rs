//! Stop words of Arabic, Persian, Urdu, English, French, German, Spanish,
//! Portuguese, Italian and Dutch (`data/stopwords.tsv`, from stopwords-iso): the words keyphrases never
//! start or end with, and evidence for language identification.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold::fold;

const STOPWORDS: &str = include_str!("../../data/stopwords.tsv");

/// The languages of the list, in the order of their bits.
pub const LANGUAGES: [&str; 10] = ["ar", "fa", "ur", "en", "fr", "de", "es", "pt", "it", "nl"];

/// These keys are short words from our own data: foldhash beats the
/// default SipHash (looked up for every word of every paragraph).
type FastMap<K> = HashMap<K, u16, foldhash::fast::RandomState>;

struct Lists {
    /// Word as written -> bit set of the languages listing it.
    written: FastMap<&'static str>,
    /// Folded word -> bit set of the languages listing it.
    folded: FastMap<String>,
    /// Bytes of the longest word as written: longer words are not looked up.
    longest: usize,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            written: FastMap::default(),
            folded: FastMap::default(),
            longest: 0,
        };
        for line in STOPWORDS.lines().filter(|l| !l.starts_with('#')) {
            let Some((language, word)) = line.split_once('\t') else {
                continue;
            };
            let Some(bit) = LANGUAGES.iter().position(|&l| l == language) else {
                continue;
            };
            lists.longest = lists.longest.max(word.len());
            *lists.written.entry(word).or_default() |= 1 << bit;
            *lists.folded.entry(fold(word)).or_default() |= 1 << bit;
        }
        lists
    })
}

/// The languages (bits in [`LANGUAGES`] order) whose list has `word` as written.
pub fn languages_of(word: &str) -> u16 {
    let lists = lists();
    if word.is_empty() || word.len() > lists.longest {
        return 0;
    }
    lists.written.get(word).copied().unwrap_or(0)
}

/// Whether the folded form `folded` is a stop word of any language listed.
///
/// ```
/// use lisan::core::stopwords::is_stopword;
/// assert!(is_stopword("في") && is_stopword("the") && is_stopword("ايضا"));
/// assert!(!is_stopword("اجتماع") && !is_stopword("economy"));
/// ```
pub fn is_stopword(folded: &str) -> bool {
    lists().folded.contains_key(folded)
}
