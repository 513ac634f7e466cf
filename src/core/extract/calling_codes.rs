//! Country calling codes of ITU-T E.164 (`data/calling_codes.tsv`). The codes
//! form a prefix code: no code begins another, so the digits after `+` or
//! `00` split into a code and a national number in at most one way.

use std::collections::HashSet;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/calling_codes.tsv");

fn codes() -> &'static HashSet<&'static str> {
    static CODES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CODES.get_or_init(|| {
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next())
            .collect()
    })
}

/// Whether `code` (ASCII digits) is an assigned country calling code.
fn is_calling_code(code: &str) -> bool {
    codes().contains(code)
}

/// `digits` (ASCII) split into its calling code and the rest, when it begins
/// with an assigned code (of one to three digits).
pub(super) fn split_calling_code(digits: &str) -> Option<(&str, &str)> {
    (1..=3.min(digits.len()))
        .map(|n| digits.split_at(n))
        .find(|(code, _)| is_calling_code(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_split_after_their_calling_code() {
        assert_eq!(
            split_calling_code("966501234567"),
            Some(("966", "501234567"))
        );
        assert_eq!(split_calling_code("16507018887"), Some(("1", "6507018887")));
        assert_eq!(
            split_calling_code("201001234567"),
            Some(("20", "1001234567"))
        );
        assert_eq!(
            split_calling_code("447911123456"),
            Some(("44", "7911123456"))
        );
        // 999 and 0 are not assigned.
        assert_eq!(split_calling_code("999123"), None);
        assert_eq!(split_calling_code("0123"), None);
    }
}
