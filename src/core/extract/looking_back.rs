//! Whether an English `in` before an amount of time counts back from the
//! reference: after a superlative, `first` or a perfect negation, `in 20
//! years` is the twenty years up to the reference (`the highest level in 20
//! years`, `the first visit in five years`, `it hasn't rained in a decade`),
//! not the day twenty years after it (`we will finish in 20 years`).

use super::words::Words;
use crate::core::ner::gazetteer::lists;
use crate::core::segment::TokenKind;

/// How many words before `in` are looked at: a superlative and its noun
/// (`the highest annual inflation rate in 20 years`); a punctuation mark
/// stops the look sooner.
const WINDOW: usize = 6;

/// Superlatives not formed with `-est`, and `first`, `never`.
const CUES: [&str; 6] = ["first", "best", "worst", "most", "least", "never"];

/// Whether the words before `in` at token `i`, in its clause, make the
/// amount after it one counted back from the reference.
pub(super) fn counts_back(w: &Words, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < WINDOW && w.next_on_line(k) {
        k -= 1;
        if w.kind(k) != Some(TokenKind::Word) {
            return false;
        }
        let word = w.folded(k);
        if CUES.contains(&word) || perfect_negation(w, k) || is_superlative(word) {
            return true;
        }
    }
    false
}

/// `hasn't`, `haven't`, `hadn't`, or `not` after `has`, `have`, `had`.
fn perfect_negation(w: &Words, k: usize) -> bool {
    let word = w.folded(k);
    let perfect = |aux: &str| matches!(aux, "has" | "have" | "had");
    match word
        .strip_suffix("n't")
        .or_else(|| word.strip_suffix("n’t"))
    {
        Some(aux) => perfect(aux),
        None => word == "not" && k > 0 && w.next_on_line(k) && perfect(w.folded(k - 1)),
    }
}

/// Whether a lower-case word is a superlative in `-est`: its comparative
/// in `-er` is a listed English word (`highest`: higher, `largest`: larger,
/// `biggest`: bigger), or it is unlisted and its base is (`deadliest`:
/// deadly). Not `protest`, `interest`, `forest` (no `-er` form), nor
/// `latest`.
fn is_superlative(word: &str) -> bool {
    // `at the latest in 3 days` sets a deadline to come.
    if word == "latest" {
        return false;
    }
    let Some(stem) = word.strip_suffix("est").filter(|s| s.len() >= 2) else {
        return false;
    };
    let english = lists();
    let listed = |w: &str| english.english_word(w).is_some();
    if listed(&format!("{stem}er")) {
        return true;
    }
    if listed(word) {
        return false;
    }
    let bytes = stem.as_bytes();
    let doubled = bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
    listed(stem)
        || listed(&format!("{stem}e"))
        || (doubled && listed(&stem[..stem.len() - 1]))
        || stem
            .strip_suffix('i')
            .is_some_and(|s| listed(&format!("{s}y")))
}

#[cfg(test)]
mod tests {
    use super::is_superlative;

    #[test]
    fn superlatives_are_told_from_words_in_est() {
        for word in [
            "highest",
            "largest",
            "biggest",
            "deadliest",
            "lowest",
            "hottest",
        ] {
            assert!(is_superlative(word), "{word}");
        }
        for word in [
            "protest", "interest", "forest", "request", "test", "west", "latest",
        ] {
            assert!(!is_superlative(word), "{word}");
        }
    }
}
