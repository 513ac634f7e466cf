//! Unicode normalization forms, applied chunk by chunk.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use super::options::UnicodeForm;

/// The end of the chunk starting at `start`: the starter there and every
/// following character a normalization form may join to it (combining marks,
/// and characters that may compose with what precedes them).
pub(super) fn chunk_end(text: &str, start: usize, form: UnicodeForm) -> usize {
    let mut chars = text[start..].char_indices();
    chars.next();
    for (offset, c) in chars {
        if is_boundary_before(c, form) {
            return start + offset;
        }
    }
    text.len()
}

fn is_boundary_before(c: char, form: UnicodeForm) -> bool {
    if canonical_combining_class(c) != 0 {
        return false;
    }
    match form {
        UnicodeForm::Nfc => is_nfc_quick(std::iter::once(c)) != IsNormalized::Maybe,
        UnicodeForm::Nfkc => is_nfkc_quick(std::iter::once(c)) != IsNormalized::Maybe,
        UnicodeForm::None | UnicodeForm::Nfd | UnicodeForm::Nfkd => true,
    }
}

/// `chunk` in `form`, borrowed when the quick check proves it unchanged.
pub(super) fn apply(chunk: &str, form: UnicodeForm) -> Cow<'_, str> {
    let quick = match form {
        UnicodeForm::None => return Cow::Borrowed(chunk),
        UnicodeForm::Nfc => is_nfc_quick(chunk.chars()),
        UnicodeForm::Nfd => is_nfd_quick(chunk.chars()),
        UnicodeForm::Nfkc => is_nfkc_quick(chunk.chars()),
        UnicodeForm::Nfkd => is_nfkd_quick(chunk.chars()),
    };
    if quick == IsNormalized::Yes {
        return Cow::Borrowed(chunk);
    }
    let formed: String = match form {
        UnicodeForm::Nfc => chunk.nfc().collect(),
        UnicodeForm::Nfd => chunk.nfd().collect(),
        UnicodeForm::Nfkc => chunk.nfkc().collect(),
        UnicodeForm::Nfkd => chunk.nfkd().collect(),
        UnicodeForm::None => unreachable!("returned above"),
    };
    if formed == chunk {
        Cow::Borrowed(chunk)
    } else {
        Cow::Owned(formed)
    }
}
