//! Stop words of Arabic, Persian, Urdu, English, French, German, Spanish,
//! Portuguese, Italian and Dutch (`data/stopwords.tsv`, from stopwords-iso): the words keyphrases never
//! start or end with, and evidence for language identification.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::fold::fold;

const STOPWORDS: &str = include_str!("../../data/stopwords.tsv");

/// The languages of the list, in the order of their bits.
pub const LANGUAGES: [&str; 10] = ["ar", "fa", "ur", "en", "fr", "de", "es", "pt", "it", "nl"];

/// FNV-1a: these keys are short words from our own data, so a cheap hash
/// beats the default SipHash (called for every word of every paragraph).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvMap<K> = HashMap<K, u16, BuildHasherDefault<Fnv>>;

struct Lists {
    /// Word as written -> bit set of the languages listing it.
    written: FnvMap<&'static str>,
    /// Folded word -> bit set of the languages listing it.
    folded: FnvMap<String>,
    /// Bytes of the longest word as written: longer words are not looked up.
    longest: usize,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            written: FnvMap::default(),
            folded: FnvMap::default(),
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
