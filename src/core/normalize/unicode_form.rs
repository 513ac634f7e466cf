//! Unicode normalization forms, applied chunk by chunk.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use super::fast::props;
use super::options::UnicodeForm;

/// The end of the chunk starting at `start`: the starter there and every
/// following character a normalization form may join to it (combining marks,
/// and characters that may compose with what precedes them), and characters
/// `dropped` says a fold may delete when a mark follows them (so that the
/// mark stays attached to the letter before).
pub(super) fn chunk_end(
    text: &str,
    start: usize,
    form: UnicodeForm,
    dropped: impl Fn(char) -> bool,
) -> usize {
    let mut chars = text[start..].char_indices();
    chars.next();
    while let Some((offset, c)) = chars.next() {
        if is_boundary_before(c, form)
            && !(dropped(c) && mark_after_drops(chars.clone(), form, &dropped))
        {
            return start + offset;
        }
    }
    text.len()
}

/// Whether a chunk starts at `at` (or the text ends there): the same test
/// [`chunk_end`] makes at each character.
pub(super) fn starts_chunk(
    text: &str,
    at: usize,
    form: UnicodeForm,
    dropped: impl Fn(char) -> bool,
) -> bool {
    let mut chars = text[at..].char_indices();
    match chars.next() {
        None => true,
        Some((_, c)) => {
            is_boundary_before(c, form) && !(dropped(c) && mark_after_drops(chars, form, &dropped))
        }
    }
}

/// How far past droppable characters to look for a mark: bounded, so that a
/// long run of them stays linear (a mark after more than this many deleted
/// characters stays where it was).
pub(super) const DROP_LOOKAHEAD: usize = 32;

/// Whether the first character of `rest` that `dropped` keeps is a mark
/// (would join the chunk before it).
fn mark_after_drops(
    rest: impl Iterator<Item = (usize, char)>,
    form: UnicodeForm,
    dropped: &impl Fn(char) -> bool,
) -> bool {
    for (_, c) in rest.take(DROP_LOOKAHEAD) {
        if !dropped(c) {
            return !is_boundary_before(c, form);
        }
    }
    false
}

/// Whether a chunk may start at `c`: a starter that composes with nothing
/// before it.
fn is_boundary_before(c: char, form: UnicodeForm) -> bool {
    props(c).is_boundary(form)
}

/// Whether the quick check proves `chunk` already in `form`. A starter with
/// one mark, each Yes alone, needs no ordering check.
pub(super) fn is_normalized(chunk: &str, form: UnicodeForm) -> bool {
    let mut chars = chunk.chars();
    let (first, second, third) = (chars.next(), chars.next(), chars.next());
    let starter_first = first.is_some_and(|c| props(c).stable_under(form));
    if third.is_none()
        && starter_first
        && [first, second]
            .into_iter()
            .flatten()
            .all(|c| props(c).quick_yes(form))
    {
        return true;
    }
    let quick = match form {
        UnicodeForm::None => return true,
        UnicodeForm::Nfc => is_nfc_quick(chunk.chars()),
        UnicodeForm::Nfd => is_nfd_quick(chunk.chars()),
        UnicodeForm::Nfkc => is_nfkc_quick(chunk.chars()),
        UnicodeForm::Nfkd => is_nfkd_quick(chunk.chars()),
    };
    quick == IsNormalized::Yes
}

/// `chunk` in `form`, borrowed when the quick check proves it unchanged.
pub(super) fn apply(chunk: &str, form: UnicodeForm) -> Cow<'_, str> {
    if is_normalized(chunk, form) {
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
