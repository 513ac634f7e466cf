//! Document-level consistency of person names and clubs. A surname the
//! document gives a person (`محمود عباس`) names that person where the
//! tagger, reading one sentence at a time, missed it (a headline:
//! `محادثات بين عباس ونتنياهو`), and two such surnames side by side are two
//! people, not one (`صافح عباس نتنياهو`: Abbas shook Netanyahu's hand).
//!
//! Only surnames of full names that start with a listed given name (or a
//! capitalized Latin word) are used: a word the tagger saw once as a whole
//! name can be a mistake, the last word of `given-name ...` seldom is. And
//! only where they are not common words (`حسن`, `الله` are also words).
//! A person named by one Arabic word alone (`وواصل البدري كلامه`) is that
//! person elsewhere too, when the word is rarer still: no given name
//! vouches for it.
//!
//! A capitalized Latin-script word named alone in the middle of a
//! sentence is that name where it opens a sentence too
//! ([`latin_words_named_elsewhere`]).
//!
//! A club the context showed (by the match it plays or the demonym after
//! it) is a club at every mention of its two words or more
//! ([`name_clubs`]).

use std::ops::Range;

use super::features::{shape, strip_article, WordInfo};
use super::gazetteer::{fold, lists};
use super::linking::words;
use super::rules::{is_indefinite, word_span};
use super::{Mention, NerKind};
use crate::core::segment::Token;
use crate::core::span::Span;

/// Words at least this common (Zipf bucket of the word or its stem) are
/// not taken as a surname away from the full name.
const COMMON_WORD_ZIPF: u8 = 5;

/// A one-word person name is taken as that person elsewhere in the
/// document only when the word is rarer than this Zipf bucket: a name
/// alone has no given name to vouch for it, so it must be no common
/// word either (`الراغب`, `إيتو`; not `كريم`, generous).
const ONE_WORD_NAME_ZIPF: u8 = 4;

/// Confidence of a mention found by a surname the document gave elsewhere.
const SURNAME_CONFIDENCE: f32 = 0.6;

/// Whether a word may be a surname away from its full name: not a
/// common word, and capitalized if in the Latin script.
fn is_name_like(info: &WordInfo) -> bool {
    info.zipf.max(info.stem_zipf) < COMMON_WORD_ZIPF
        && matches!(info.shape, shape::ARABIC | shape::CAPITALIZED)
}

/// Whether a word the tagger or a rule took for a person alone may name
/// that person elsewhere: Arabic script, and rarer than
/// [`ONE_WORD_NAME_ZIPF`] as written and as a stem.
fn is_rare_arabic_name(info: &WordInfo) -> bool {
    info.shape == shape::ARABIC && info.zipf.max(info.stem_zipf) < ONE_WORD_NAME_ZIPF
}

/// A one-word name of unknown type (a capitalized Latin word typed MISC
/// for want of a cue) that is a surname of the document is that person
/// (`Olaf Scholz` ... `Scholz`).
fn retype_guesses(text: &str, names: &[Surname], mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let one_word = !m.span.slice(text).contains(char::is_whitespace);
        if m.kind == NerKind::Misc
            && one_word
            && full_names(names, &key(text, m.span)).any(|n| !n.is_alone())
        {
            m.kind = NerKind::Person;
        }
    }
}

/// The folded word `span` as linking compares words: article off.
fn key(text: &str, span: Span) -> String {
    strip_article(&fold(span.slice(text))).to_string()
}

/// A surname of the document and the full name it ends (folded), or a
/// one-word name of the document (`full` is then `word`).
struct Surname {
    word: String,
    full: String,
}

impl Surname {
    /// Whether it is a one-word name rather than the end of a full name.
    fn is_alone(&self) -> bool {
        self.word == self.full
    }
}

/// The surnames of the document, sorted: the last word of each person
/// mention of two words or more that starts with a listed given name
/// (`بشار الأسد`) or a capitalized Latin word (`Olaf Scholz`), and each
/// person mention of one rare Arabic word (`الراغب`), unless it is a
/// common word or the same word is a place, an organization, a demonym or
/// an event of the document.
fn surnames(
    text: &str,
    tokens: &[Token],
    infos: &[&WordInfo],
    mentions: &[Mention],
) -> Vec<Surname> {
    let other: foldhash::HashSet<String> = mentions
        .iter()
        .filter(|m| !matches!(m.kind, NerKind::Person | NerKind::Misc))
        .filter(|m| !m.span.slice(text).contains(char::is_whitespace))
        .map(|m| key(text, m.span))
        .collect();
    let mut names: Vec<Surname> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == NerKind::Person) {
        let Range { start: first, end } = token_range(tokens, m.span);
        let given = |i: usize| infos[i].is_given_name() || infos[i].shape == shape::CAPITALIZED;
        // The last word of a compound given name is no surname when it is
        // a common word (`نور الدين`: `الدين`, religion, would make a
        // person of `دين`, debt).
        let is_surname = end >= first + 2 && given(first) && is_name_like(infos[end - 1]);
        let is_rare_alone = end == first + 1 && is_rare_arabic_name(infos[first]);
        if is_surname || is_rare_alone {
            let word = key(text, Span::new(tokens[end - 1].span.start, m.span.end));
            if word.chars().count() >= 3 && !other.contains(&word) {
                let full = if is_surname {
                    fold(m.span.slice(text))
                } else {
                    word.clone()
                };
                names.push(Surname { word, full });
            }
        }
    }
    names.sort_unstable_by(|a, b| (&a.word, &a.full).cmp(&(&b.word, &b.full)));
    names.dedup_by(|a, b| a.word == b.word && a.full == b.full);
    names
}

/// The names `word` is the surname of, or the one-word name it is.
fn full_names<'n>(names: &'n [Surname], word: &'n str) -> impl Iterator<Item = &'n Surname> {
    let from = names.partition_point(|n| n.word.as_str() < word);
    names[from..].iter().take_while(move |n| n.word == word)
}

/// Applies both rules to `mentions` (in text order) of the document
/// `tokens` with their `infos`, keeping them in text order.
pub(super) fn apply(
    text: &str,
    tokens: &[Token],
    infos: &[&WordInfo],
    mentions: &mut Vec<Mention>,
) {
    let names = surnames(text, tokens, infos, mentions);
    if names.is_empty() {
        return;
    }
    split_side_by_side(text, tokens, &names, mentions);
    retype_guesses(text, &names, mentions);
    let words = Surnames::new(&names);
    let mut found = Vec::new();
    for k in uncovered(tokens, mentions) {
        let (token, info) = (&tokens[k], infos[k]);
        if !is_name_like(info) || !words.may_end(info) || is_indefinite(token.span.slice(text)) {
            continue;
        }
        let span = word_span(text, token, info);
        let names_it = |n: &Surname| !n.is_alone() || is_rare_arabic_name(info);
        if full_names(&names, &key(text, span)).any(names_it) {
            found.push(Mention {
                span,
                kind: NerKind::Person,
                confidence: SURNAME_CONFIDENCE,
                country: None,
                group: 0,
            });
        }
    }
    insert_in_order(mentions, found);
}

/// The indices of the tokens that no mention of `mentions` (in text order)
/// covers, in order: one walk over both.
fn uncovered<'a>(tokens: &'a [Token], mentions: &'a [Mention]) -> impl Iterator<Item = usize> + 'a {
    let mut next = 0;
    tokens.iter().enumerate().filter_map(move |(k, token)| {
        while next < mentions.len() && mentions[next].span.end <= token.span.start {
            next += 1;
        }
        let covered = mentions
            .get(next)
            .is_some_and(|m| m.span.start < token.span.end);
        (!covered).then_some(k)
    })
}

/// The indices of the tokens that `span` overlaps.
pub(super) fn token_range(tokens: &[Token], span: Span) -> Range<usize> {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    first..end
}

/// Adds `found` to `mentions`, keeping them in text order.
pub(super) fn insert_in_order(mentions: &mut Vec<Mention>, found: Vec<Mention>) {
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Confidence of a Latin-script word named as the document names it
/// elsewhere.
const SAME_WORD_CONFIDENCE: f32 = 0.5;

/// A capitalized Latin-script word that the document names alone in the
/// middle of a sentence (`talks with Hamas`, `(Reuters)`) is that name
/// where it opens a sentence too, where the rules leave a capitalized word
/// alone unread (`Hamas rejected the offer.`), with the same type. A word
/// named with two types, or that is a frequent English word (`Amazon`,
/// the river or the company; `May`), is left alone.
pub(super) fn latin_words_named_elsewhere(
    text: &str,
    tokens: &[Token],
    infos: &[&WordInfo],
    mentions: &mut Vec<Mention>,
) {
    let latin = |info: &WordInfo| matches!(info.shape, shape::CAPITALIZED | shape::UPPER);
    let mut named: foldhash::HashMap<&str, Option<NerKind>> = foldhash::HashMap::default();
    for m in mentions.iter() {
        let first = tokens.partition_point(|t| t.span.end <= m.span.start);
        let one_word = tokens.get(first).is_some_and(|t| t.span == m.span);
        if !one_word || !latin(infos[first]) || lists().english_word(&infos[first].norm).is_some() {
            continue;
        }
        let kind = named.entry(m.span.slice(text)).or_insert(Some(m.kind));
        if *kind != Some(m.kind) {
            *kind = None;
        }
    }
    if named.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for k in uncovered(tokens, mentions) {
        let token = &tokens[k];
        if !latin(infos[k]) || !opens_a_sentence(text, tokens, k) {
            continue;
        }
        if let Some(Some(kind)) = named.get(token.span.slice(text)) {
            found.push(Mention {
                span: token.span,
                kind: *kind,
                confidence: SAME_WORD_CONFIDENCE,
                country: None,
                group: 0,
            });
        }
    }
    insert_in_order(mentions, found);
}

/// Whether token `k` opens its line or follows a mark that ends a sentence
/// or opens a quotation (where the rules leave a capitalized word alone
/// unread): a word in the middle of a sentence was read there already.
fn opens_a_sentence(text: &str, tokens: &[Token], k: usize) -> bool {
    let (Some(before), Some(token)) = (k.checked_sub(1).map(|b| &tokens[b]), tokens.get(k)) else {
        return true;
    };
    text[before.span.end..token.span.start].contains('\n')
        || matches!(
            before.span.slice(text),
            "." | "!" | "?" | ":" | "\"" | "«" | "“" | "(" | "-" | "—"
        )
}

/// The surnames' words, for a quick test of every word of the document.
struct Surnames<'n> {
    words: foldhash::HashSet<&'n str>,
    /// Bit `c % 64` for the last character `c` of each surname.
    last_chars: u64,
}

impl<'n> Surnames<'n> {
    fn new(names: &'n [Surname]) -> Surnames<'n> {
        let last_chars = names
            .iter()
            .filter_map(|n| n.word.chars().next_back())
            .fold(0, |bits, c| bits | 1 << (c as u32 % 64));
        let words = names.iter().map(|n| n.word.as_str()).collect();
        Surnames { words, last_chars }
    }

    /// Whether the word of `info` may be one of the surnames: its stem
    /// without clitics and article, or its folded form less a leading
    /// proclitic letter the clitic splitter did not see (a name it does not
    /// know, `ونتنياهو`). A few instructions for most words, two look-ups
    /// at most for the others: the pass stays linear.
    fn may_end(&self, info: &WordInfo) -> bool {
        let Some(last) = info.norm.chars().next_back() else {
            return false;
        };
        if self.last_chars & 1 << (last as u32 % 64) == 0 {
            return false;
        }
        let found = |word: &str| self.words.contains(strip_article(word));
        found(&info.stem_article)
            || (info.proclitics.is_empty()
                && info
                    .norm
                    .strip_prefix(['و', 'ب', 'ل', 'ف', 'ك'])
                    .is_some_and(found))
    }
}

/// Splits a person mention of two words that are both surnames of the
/// document, each of a full name other than the mention itself (`محمود
/// عباس` ... `بنيامين نتنياهو` ... `عباس نتنياهو`), into two.
fn split_side_by_side(
    text: &str,
    tokens: &[Token],
    names: &[Surname],
    mentions: &mut Vec<Mention>,
) {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let first = tokens.partition_point(|t| t.span.end <= m.span.start);
        let two_surnames = || {
            let end = tokens.partition_point(|t| t.span.start < m.span.end);
            let itself = fold(m.span.slice(text));
            let is_surname = |i: usize| {
                let span = Span::new(tokens[i].span.start.max(m.span.start), tokens[i].span.end);
                full_names(names, &key(text, span)).any(|n| !n.is_alone() && n.full != itself)
            };
            end == first + 2 && is_surname(first) && is_surname(first + 1)
        };
        if m.kind == NerKind::Person && two_surnames() {
            out.push(Mention {
                span: Span::new(m.span.start, tokens[first].span.end),
                ..m.clone()
            });
            out.push(Mention {
                span: Span::new(tokens[first + 1].span.start, m.span.end),
                ..m
            });
        } else {
            out.push(m);
        }
    }
    *mentions = out;
}

/// Gives the kind of a club of two words or more (`clubs`, found by the
/// match it plays or the demonym after it) to every mention of the same
/// words: the tagger, reading a sentence at a time, may take it for a
/// person or for the city in its name (`دينامو زغرب` ... `وكاد دينامو
/// زغرب يدرك التعادل`), or for two names side by side, which become one.
/// A club of one word is also the name of its city, and stays as found.
pub(super) fn name_clubs(text: &str, clubs: &[Span], mentions: &mut Vec<Mention>) {
    let names: foldhash::HashSet<Vec<String>> = clubs
        .iter()
        .map(|&span| words(text, span))
        .filter(|w| w.len() >= 2)
        .collect();
    if names.is_empty() {
        return;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions.drain(..) {
        if let Some(previous) = out.last_mut() {
            let between = &text[previous.span.end.min(m.span.start)..m.span.start];
            let joined = Span::new(previous.span.start, m.span.end);
            if previous.span.end <= m.span.start
                && between.chars().all(char::is_whitespace)
                && names.contains(&words(text, joined))
            {
                *previous = as_club(Mention { span: joined, ..m });
                continue;
            }
        }
        if m.kind != NerKind::Organization && names.contains(&words(text, m.span)) {
            m = as_club(m);
        }
        out.push(m);
    }
    *mentions = out;
}

/// `m` as an organization, of no country.
fn as_club(m: Mention) -> Mention {
    Mention {
        kind: NerKind::Organization,
        country: None,
        ..m
    }
}
