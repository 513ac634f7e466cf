//! Short forms of organizations. News text names an institution in full
//! once (`البنك التجاري القطري`, `مجلس التعاون الخليجي`, `منظمة الصحة
//! العالمية`) and then by the first words of that name (`البنك التجاري`,
//! `مجلس التعاون`, `منظمة الصحة`), which the tagger, reading a sentence at
//! a time, often leaves: alone they look like a common noun and its
//! adjective. Where the document named the organization in full, those
//! first words are that organization too.
//!
//! A short form is the organization word that opens the full name and
//! the words after it, up to a definite word that is no demonym (`البنك
//! التجاري`; not `البنك` alone, nor `حلف شمال`, whose second word is not
//! definite, nor `الجيش اللبناني`, a description): see [`prefixes`]. It is
//! read only where no mention covers its words and no definite word goes
//! on after it (`البنك التجاري الدولي` is another bank).

use super::consistency::{insert_in_order, token_range};
use super::features::{shape, WordInfo};
use super::gazetteer::{lists, Cue, PlaceKind};
use super::rules::word_span;
use super::{Mention, NerKind};
use crate::core::segment::Token;
use crate::core::span::Span;
use crate::core::stopwords::is_stopword;

/// Confidence of an organization found by the short form of a name the
/// document gives in full.
const SHORT_FORM_CONFIDENCE: f32 = 0.5;

/// Adds an organization mention for every short form of an organization
/// the document names in full, where no mention covers it; `mentions` are
/// in text order, do not overlap, and stay so.
pub(super) fn find(text: &str, tokens: &[Token], infos: &[&WordInfo], mentions: &mut Vec<Mention>) {
    let forms = ShortForms::of(tokens, infos, mentions);
    if forms.by_first_word.is_empty() {
        return;
    }
    let mut found = Vec::new();
    // The first mention that ends after token `k` starts: the walk over
    // tokens and mentions is one.
    let mut next = 0;
    let mut k = 0;
    while k < tokens.len() {
        let token = &tokens[k];
        while next < mentions.len() && mentions[next].span.end <= token.span.start {
            next += 1;
        }
        let free_until = mentions.get(next).map_or(usize::MAX, |m| m.span.start);
        let len = (token.span.end <= free_until)
            .then(|| forms.longest_at(tokens, infos, free_until, k))
            .flatten();
        let Some(len) = len else {
            k += 1;
            continue;
        };
        let start = word_span(text, token, infos[k]).start;
        found.push(Mention {
            span: Span::new(start, tokens[k + len - 1].span.end),
            kind: NerKind::Organization,
            confidence: SHORT_FORM_CONFIDENCE,
            country: None,
            group: 0,
        });
        k += len;
    }
    insert_in_order(mentions, found);
}

/// The short forms of a document's organizations.
struct ShortForms<'a> {
    /// The forms by the [`WordInfo::stem_key`] of their first word, each
    /// as the stems of its words (folded, clitics and article off),
    /// longest first.
    by_first_word: foldhash::HashMap<u64, Vec<Vec<&'a str>>>,
    /// Bit `key % 1024` of the first words' keys: most words are told
    /// apart by it, without a look-up.
    first_word_bits: [u64; 16],
}

impl<'a> ShortForms<'a> {
    /// The short forms of the organizations of `mentions`.
    fn of(tokens: &[Token], infos: &[&'a WordInfo], mentions: &[Mention]) -> ShortForms<'a> {
        let mut forms = ShortForms {
            by_first_word: Default::default(),
            first_word_bits: [0; 16],
        };
        for m in mentions.iter().filter(|m| m.kind == NerKind::Organization) {
            let name = &infos[token_range(tokens, m.span)];
            for len in prefixes(name) {
                let form: Vec<&str> = name[..len].iter().map(|w| w.stem.as_str()).collect();
                let key = name[0].stem_key;
                let (word, bit) = first_word_bit(key);
                forms.first_word_bits[word] |= bit;
                let same_start = forms.by_first_word.entry(key).or_default();
                if !same_start.contains(&form) {
                    same_start.push(form);
                }
            }
        }
        for same_start in forms.by_first_word.values_mut() {
            same_start.sort_unstable_by_key(|f| std::cmp::Reverse(f.len()));
        }
        forms
    }

    /// The length of the longest form at token `k`, which no mention
    /// covers: its words end before `free_until` (where the next mention
    /// starts), and no word that [`continues_a_name`] follows.
    fn longest_at(
        &self,
        tokens: &[Token],
        infos: &[&WordInfo],
        free_until: usize,
        k: usize,
    ) -> Option<usize> {
        let key = infos[k].stem_key;
        let (word, bit) = first_word_bit(key);
        if self.first_word_bits[word] & bit == 0 {
            return None;
        }
        let same_start = self.by_first_word.get(&key)?;
        let goes_on = |end: usize| infos.get(end).is_some_and(|w| continues_a_name(w));
        same_start
            .iter()
            .find(|form| {
                let end = k + form.len();
                end <= infos.len()
                    && tokens[end - 1].span.end <= free_until
                    && form
                        .iter()
                        .zip(&infos[k..end])
                        .all(|(stem, w)| *stem == w.stem)
                    && infos[k + 1..end].iter().all(|w| w.proclitics.is_empty())
                    && !goes_on(end)
            })
            .map(Vec::len)
    }
}

/// Where bit `key % 1024` of [`ShortForms::first_word_bits`] is: the
/// index of its `u64` and the bit in it.
fn first_word_bit(key: u64) -> (usize, u64) {
    ((key as usize >> 6) & 15, 1 << (key & 63))
}

/// The lengths of the short forms of one organization's name: the name
/// opens with an organization word and has three words or more, all
/// Arabic; a short form has two words or more, fewer than the name, and
/// ends in a definite word without proclitics (an adjective or a noun in
/// the genitive: `التجاري`, `التعاون`) that is no demonym (which would
/// make the form a description: `الجيش اللبناني`) nor a stop word.
fn prefixes<'a>(name: &'a [&'a WordInfo]) -> impl Iterator<Item = usize> + 'a {
    let opens = name.len() >= 3
        && name.iter().all(|w| w.shape == shape::ARABIC)
        && lists().cue(&name[0].stem) == Some(Cue::OrgHead);
    let ends_a_form = |w: &WordInfo| {
        w.has_article()
            && w.proclitics.is_empty()
            && w.gazetteer != PlaceKind::Demonym.code()
            && !is_stopword(&w.stem)
    };
    (2..name.len()).filter(move |&len| opens && ends_a_form(name[len - 1]))
}

/// Whether a word after a short form goes on with the noun phrase, so
/// that the form is the start of another name: a definite word, or `و`
/// and a definite relative adjective (`المجلس الاقتصادي والاجتماعي`).
fn continues_a_name(w: &WordInfo) -> bool {
    let adjective = || w.stem.ends_with('ي') || w.stem.ends_with("يه");
    let definite = w.stem_article.starts_with("ال");
    w.shape == shape::ARABIC
        && definite
        && (w.proclitics.is_empty() || (w.proclitics == "و" && adjective()))
}
