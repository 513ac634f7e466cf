//! Named entities: people, places, organizations, demonyms (NORP), events
//! and other names, in Arabic and English, grouped by the entity they name.
//!
//! - [`features`]: what the tagger sees of a word (folded form, affixes,
//!   clitic-free stem, shape, neighbours, gazetteer, cue words, frequency);
//! - [`perceptron`]: a structured averaged perceptron with Viterbi decoding
//!   over BIO tags, and its training (`lisan train ner`);
//! - [`model`]: the trained weights and their checked binary file (the
//!   embedded `data/ner_ar.model`, or one given with `--ner-model`);
//! - [`gazetteer`]: CLDR place names and demonyms, cue words;
//! - [`rules`]: what the statistical tagger does not do: demonyms (NORP)
//!   linked to their country, events after an event word, places of the
//!   gazetteer it missed, clitics trimmed off mentions, Latin-script names;
//! - [`consistency`]: a person's surname is that person wherever the
//!   document uses it, and two surnames side by side are two people; a
//!   club the context showed is a club wherever the document names it;
//! - [`linking`]: mentions of one entity in a document grouped together;
//! - [`conll`]: CoNLL data and the entity-level score (`lisan eval ner`).

pub mod conll;
mod consistency;
pub mod features;
pub mod gazetteer;
pub mod linking;
pub mod model;
pub mod perceptron;
mod rules;
mod short_forms;
pub(crate) use rules::name_closing_mark;
mod whole_forms;

use super::budget::Budget;
use super::error::Error;
use super::language::arabic_script_orthography;
use super::segment::{is_initial, Token, TokenKind};
use super::span::Span;

pub use linking::Group;
pub use model::{Model, ModelError};

/// The kinds of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerKind {
    Person,
    Location,
    Organization,
    /// A nationality or other group named after a place (`السوري`).
    Norp,
    Event,
    Misc,
}

impl NerKind {
    /// The kind a CoNLL tag type names (`PERS`, `PER`, `LOC`, `ORG`, ...).
    pub fn from_tag(tag: &str) -> Option<NerKind> {
        Some(match tag {
            "PERS" | "PER" | "PERSON" => NerKind::Person,
            "LOC" | "GPE" | "LOCATION" => NerKind::Location,
            "ORG" | "ORGANIZATION" => NerKind::Organization,
            "NORP" => NerKind::Norp,
            "EVENT" => NerKind::Event,
            "MISC" => NerKind::Misc,
            _ => return None,
        })
    }
}

/// One mention of a named entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name, without clitics joined to its first word.
    pub span: Span,
    pub kind: NerKind,
    pub confidence: f32,
    /// The ISO 3166 code of the country a place or demonym names.
    pub country: Option<&'static str>,
    /// Index of its group in [`Recognized::groups`].
    pub group: usize,
}

/// The named entities of a text: mentions in text order, and the groups
/// (entities) they belong to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recognized {
    pub mentions: Vec<Mention>,
    pub groups: Vec<Group>,
}

/// Most tokens tagged as one sequence: a longer line is cut, so decoding
/// stays linear and bounded in memory.
const MAX_SENTENCE_TOKENS: usize = 120;

/// Sentences tagged together: the second stage sees the first stage's
/// tags of the whole window (a few times a training document).
const TAGGING_WINDOW: usize = 4 * perceptron::DOCUMENT_SENTENCES;

/// Tokens that end a sentence for the tagger.
fn ends_sentence(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Punctuation
        && matches!(
            token.span.slice(text),
            "." | "!" | "?" | "؟" | "؛" | ";" | "…"
        )
}

/// Whether the token at `i` is the period of an abbreviation that comes
/// before a name and never ends a sentence: a title (`Dr.`, `Mr.`, `Gen.`)
/// or an initial (`J.`, `د.`) written right before it.
fn abbreviates_before_a_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(word) = i.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    if word.kind != TokenKind::Word
        || word.span.end != tokens[i].span.start
        || tokens[i].span.slice(text) != "."
    {
        return false;
    }
    let written = word.span.slice(text);
    is_initial(written)
        || gazetteer::lists().cue(&gazetteer::fold(written)) == Some(gazetteer::Cue::Title)
}

/// The token ranges the tagger works on: sentences, cut at line breaks and
/// at [`MAX_SENTENCE_TOKENS`], not after the period of a title or an
/// initial.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let line_break = i + 1 < tokens.len()
            && text[tokens[i].span.end..tokens[i + 1].span.start].contains('\n');
        let ends = ends_sentence(text, &tokens[i]) && !abbreviates_before_a_name(text, tokens, i);
        if ends || line_break || i + 1 - start >= MAX_SENTENCE_TOKENS {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Finds the named entities of `text` (tokenized as `tokens`) with `model`,
/// checking `budget` as it goes, and links them.
pub fn recognize_within(
    text: &str,
    tokens: &[Token],
    model: &Model,
    budget: &Budget,
) -> Result<Recognized, Error> {
    let mut mentions = mentions_within(text, tokens, model, budget)?;
    let groups = linking::link(text, &mut mentions);
    Ok(Recognized { mentions, groups })
}

/// Distinct words whose facts a thread keeps from one document to the next
/// (more are kept within one document, up to the cache's own bound).
const WORDS_KEPT_BETWEEN_DOCUMENTS: usize = 16_384;

thread_local! {
    /// The facts of words met on this thread: news repeats its words from
    /// document to document, and a word's facts depend on the word alone
    /// ([`features::word_info`]), so keeping them changes no result.
    static WORDS: std::cell::RefCell<features::Cache> = std::cell::RefCell::default();
}

/// The mentions of [`recognize_within`], not yet linked (for a caller that
/// drops some before linking the rest).
pub fn mentions_within(
    text: &str,
    tokens: &[Token],
    model: &Model,
    budget: &Budget,
) -> Result<Vec<Mention>, Error> {
    WORDS.with_borrow_mut(|cache| {
        let found = mentions_with(text, tokens, model, budget, cache);
        if cache.len() > WORDS_KEPT_BETWEEN_DOCUMENTS {
            cache.clear();
        }
        found
    })
}

/// [`mentions_within`] with the word facts of `cache`.
fn mentions_with(
    text: &str,
    tokens: &[Token],
    model: &Model,
    budget: &Budget,
    cache: &mut features::Cache,
) -> Result<Vec<Mention>, Error> {
    let mut mentions = Vec::new();
    // Clubs by the match they play: a club wherever the document names them.
    let mut clubs = Vec::new();
    let mut sentences: Vec<(std::ops::Range<usize>, Vec<features::WordInfo>)> = Vec::new();
    for range in self::sentences(text, tokens) {
        // A sentence costs microseconds: the clock is read once per sentence.
        budget.check()?;
        let words: Vec<&str> = tokens[range.clone()]
            .iter()
            .map(|t| t.span.slice(text))
            .collect();
        let infos = features::word_infos_cached(&words, cache);
        sentences.push((range, infos));
    }
    let doc = features::DocContext::build(sentences.iter().map(|(_, infos)| infos.as_slice()));
    // The second stage reads the first stage's tags of a window of
    // sentences: features are kept for one window at a time.
    for window in sentences.chunks(TAGGING_WINDOW) {
        budget.check()?;
        let infos: Vec<&[features::WordInfo]> =
            window.iter().map(|(_, infos)| infos.as_slice()).collect();
        let tags = model.tag_sentences(&infos, &doc);
        for ((range, infos), tags) in window.iter().zip(tags) {
            let sentence = &tokens[range.clone()];
            // The model knows Arabic: Persian and Urdu sentences get no tags
            // from it (the Latin-script and gazetteer rules still apply).
            let passage = &text[sentence[0].span.start..sentence[sentence.len() - 1].span.end];
            let tags = match arabic_script_orthography(passage) {
                Some("fa" | "ur") => vec![model.outside(); infos.len()],
                _ => tags,
            };
            mentions.extend(rules::mentions(
                text, sentence, infos, model, &tags, &mut clubs,
            ));
        }
    }
    budget.check()?;
    let infos: Vec<&features::WordInfo> = sentences.iter().flat_map(|(_, infos)| infos).collect();
    consistency::apply(text, tokens, &infos, &mut mentions);
    consistency::latin_words_named_elsewhere(text, tokens, &infos, &mut mentions);
    consistency::name_clubs(text, &clubs, &mut mentions);
    short_forms::find(text, tokens, &infos, &mut mentions);
    whole_forms::restore(text, tokens, &mut mentions);
    Ok(mentions)
}

/// [`recognize_within`] without a budget.
pub fn recognize(text: &str, tokens: &[Token], model: &Model) -> Recognized {
    match recognize_within(text, tokens, model, &Budget::unlimited()) {
        Ok(r) => r,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

#[cfg(test)]
mod tests;
