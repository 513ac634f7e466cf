//! The matching form of a word for word lists (page labels, stop words,
//! keyphrases): spelling variants that writers mix freely fold together.

use super::wordfreq::is_ignored_mark;

/// `word` without Arabic diacritics or tatweel, with alef carrying hamza or
/// madda as bare alef, alef maqsura and Persian yeh as yeh, keheh as kaf,
/// and lower case.
///
/// ```
/// use lisan::core::fold::fold;
/// assert_eq!(fold("إقرأ"), "اقرا");
/// assert_eq!(fold("أيضاً"), "ايضا");
/// assert_eq!(fold("Tags"), "tags");
/// ```
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_ignored_mark(c) {
            continue;
        }
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}
