//! From tags to mentions, with what the statistical tagger does not do:
//! demonyms (NORP) with their country, places of the gazetteer the tagger
//! left out, events (`قمة` + a name), names in the Latin script (capitalized
//! runs typed by cue words and the gazetteer), and clitics trimmed off the
//! first word of a mention (`وأردوغان` -> `أردوغان`).

use super::features::{shape, WordInfo};
use super::gazetteer::{fold, lists, Cue, Place, PlaceKind};
use super::{Mention, Model, NerKind};
use crate::core::segment::{split_clitics, CliticConvention, MorphemeRole, Token};
use crate::core::span::Span;
use crate::core::stopwords::is_stopword;
use crate::core::wordfreq::{is_ignored_mark, letters_key, zipf};

/// Confidence of a mention the tagger found.
const TAGGER_CONFIDENCE: f32 = 0.8;
/// Confidence of a demonym found in the gazetteer.
const DEMONYM_CONFIDENCE: f32 = 0.9;
/// Confidence of a place found in the gazetteer only.
const PLACE_CONFIDENCE: f32 = 0.7;
/// Confidence of a Latin-script name typed by a cue word or the gazetteer.
const LATIN_CONFIDENCE: f32 = 0.7;
/// Confidence of a Latin-script name with nothing to type it.
const LATIN_GUESS_CONFIDENCE: f32 = 0.4;
/// Words at least this common (Zipf bucket) are not taken as places on the
/// gazetteer alone.
const COMMON_WORD_ZIPF: u8 = 6;
/// One-word names of cities that are not major (under a million people,
/// not a capital) and at least this common (Zipf bucket) are not taken on
/// the gazetteer alone unless a word of place comes before them: such a
/// word is mostly the common word its letters also spell (`ترك` "left",
/// not Truk; `دوما` "always", not Douma; `حولي` "around me", not Hawalli),
/// and the tagger knows the frequent cities of news text.
const COMMON_CITY_ZIPF: u8 = 4;

/// A mention in token indices of the sentence.
#[derive(Clone, Debug)]
struct Found {
    start: usize,
    end: usize,
    kind: NerKind,
    confidence: f32,
    country: Option<&'static str>,
    /// The name fills a pair of quotation marks ([`quoted_names`]): its
    /// words are the name as written, none trimmed.
    quoted: bool,
    /// A club, by the match it plays or the demonym after it
    /// ([`clubs_of_a_match`], [`clubs_named_after_cities`]): the context
    /// decided its kind, for the whole document.
    club: bool,
}

impl Found {
    /// A mention of words `start..end` with no country.
    fn new(start: usize, end: usize, kind: NerKind, confidence: f32) -> Found {
        Found {
            start,
            end,
            kind,
            confidence,
            country: None,
            quoted: false,
            club: false,
        }
    }
}

/// Whether the word is a word of place without the article, in the
/// construct state before a name (`مدينة`, `نهر`; not `المدينة`).
fn is_indefinite_place_word(info: &WordInfo) -> bool {
    info.cue == Cue::LocHead.code() && !info.has_article()
}

fn is_latin(info: &WordInfo) -> bool {
    matches!(
        info.shape,
        shape::CAPITALIZED | shape::UPPER | shape::LOWER | shape::MIXED
    )
}

fn is_word(info: &WordInfo) -> bool {
    !matches!(info.shape, shape::PUNCTUATION | shape::OTHER)
}

/// The mentions of one sentence: `tokens` with their `infos` and the
/// tagger's `tags`.
pub(super) fn mentions(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    model: &Model,
    tags: &[usize],
    clubs: &mut Vec<Span>,
) -> Vec<Mention> {
    let mut found = tagged(infos, model, tags);
    quoted_names(text, tokens, infos, &mut found);
    people_taken_for_places(text, tokens, infos, &mut found);
    let mut covered = vec![false; tokens.len()];
    mark(&mut covered, &found);
    found.extend(organization_heads(infos, &covered));
    mark(&mut covered, &found);
    found.extend(definite_institutions(infos, &covered));
    mark(&mut covered, &found);
    found.extend(people_after_titles(infos, &covered));
    mark(&mut covered, &found);
    found.extend(people_of_rare_given_names(text, tokens, infos, &covered));
    mark(&mut covered, &found);
    found.extend(unlisted_speakers(text, tokens, infos, &covered));
    mark(&mut covered, &found);
    found.extend(names_after_place_words(infos, &covered));
    mark(&mut covered, &found);
    found.extend(names_after_organization_words(infos, &covered));
    mark(&mut covered, &found);
    found.extend(teams_before_their_demonym(infos, &covered));
    mark(&mut covered, &found);
    found.extend(places(infos, &covered));
    mark(&mut covered, &found);
    found.extend(latin_names(infos, &covered));
    found.sort_by_key(|f| f.start);
    events(infos, &mut found);
    clubs_named_after_cities(infos, &mut found);
    clubs_of_a_match(infos, &mut found);
    join_clubs_with_the_word_before(infos, &mut found);
    adjectives_of_organizations(infos, &mut found);
    countries_said_as_adjectives(infos, &mut found);
    demonyms_of_organizations(infos, &mut found);
    join_names_across_connectors(infos, &mut found);
    drop_participles_after_names(text, tokens, infos, &mut found);
    venues_named_after_people(infos, &mut found);
    trim_indefinite_words(text, tokens, infos, &mut found);
    drop_adjectives_after_place_words(infos, &mut found);
    for f in found.iter().filter(|f| f.club) {
        clubs.push(trimmed_span(text, tokens, infos, f));
    }
    found
        .into_iter()
        .map(|f| Mention {
            span: trimmed_span(text, tokens, infos, &f),
            kind: f.kind,
            confidence: f.confidence,
            country: f.country.or_else(|| country_of(infos, &f)),
            group: 0,
        })
        .collect()
}

/// Whether `word` is written with tanween (`دوماً`, `لطيفاً`): an
/// indefinite noun, adjective or adverb. Names of places, organizations
/// and foreign people take no tanween, and news text leaves it off Arabic
/// given names: of the 523 words with tanween in the ANERcorp training
/// data, two are in an entity.
pub(super) fn is_indefinite(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, '\u{064B}'..='\u{064D}' | '\u{08F0}'..='\u{08F2}'))
}

/// The Zipf frequency from which a word is common enough that the same
/// letters with an alef after them are read as its indefinite accusative.
const ACCUSATIVE_BARE_ZIPF: f32 = 3.8;

/// Whether `word` (its token, with its `info`) is a common noun or
/// adjective in the indefinite accusative, spelled with the alef of its
/// tanween and without the mark (`برنامجا`, `شريكا`, `وشيكا`): it ends in
/// `ا`, has no article, is listed neither as a place nor as a name, and
/// without that alef it is a common word (Zipf 3.8 or more) that is more
/// frequent than the form with the alef, as a noun's bare form is more
/// frequent than one of its cases. A name ending in an alef is listed
/// (`روسيا`, `ماريا`) or spells no common word without it (`أوباما`).
fn is_accusative_indefinite(word: &str, info: &WordInfo) -> bool {
    if !is_unlisted_without_article(info) || !ends_in_alef(word) {
        return false;
    }
    let written = letters_key(word);
    let proclitics = info.proclitics.chars().count();
    let stem_at = written
        .char_indices()
        .nth(proclitics)
        .map_or(written.len(), |(at, _)| at);
    let lists = lists();
    let accusative = |form: &str| {
        let Some(bare) = form.strip_suffix('ا') else {
            return false;
        };
        let folded = fold(bare);
        let listed = lists.place(&folded).is_some() || {
            let name = lists.person_name(&folded);
            name.given + name.surname > 0
        };
        let bare_zipf = zipf(bare).unwrap_or(0.0);
        bare.chars().count() >= 3
            && !listed
            && bare_zipf >= ACCUSATIVE_BARE_ZIPF
            && bare_zipf > zipf(form).unwrap_or(0.0)
    };
    accusative(&written) || (stem_at > 0 && accusative(&written[stem_at..]))
}

/// Whether the word is an Arabic word without the article that is listed
/// neither as a place nor as a name: one that may be indefinite.
fn is_unlisted_without_article(info: &WordInfo) -> bool {
    info.shape == shape::ARABIC
        && info.gazetteer == 0
        && info.name == 0
        && !info.stem_article.starts_with("ال")
}

/// Whether the last letter of `word`, after any marks, is an alef (`ا`).
fn ends_in_alef(word: &str) -> bool {
    word.chars().rev().find(|&c| !is_ignored_mark(c)) == Some('ا')
}

/// Takes words written with tanween off the ends of mentions (`يونغ يانغ
/// أناساً` -> `يونغ يانغ`, `شريكا` written without the mark too) and drops
/// the mentions left with none. Next to such a word, a word that may agree
/// with it in case (an alef or tanween at its end, no article, in no list)
/// goes with it: the adjective of an indefinite noun (`اتصالا هاتفيا`).
fn trim_indefinite_words(text: &str, tokens: &[Token], infos: &[WordInfo], found: &mut Vec<Found>) {
    let word = |k: usize| tokens[k].span.slice(text);
    let indefinite =
        |k: usize| is_indefinite(word(k)) || is_accusative_indefinite(word(k), &infos[k]);
    let agrees = |k: usize| {
        is_unlisted_without_article(&infos[k]) && (is_indefinite(word(k)) || ends_in_alef(word(k)))
    };
    found.retain_mut(|f| {
        if f.quoted {
            return true;
        }
        if f.start < f.end && indefinite(f.start) {
            f.start += 1;
            while f.start < f.end && agrees(f.start) {
                f.start += 1;
            }
        }
        if f.end > f.start && indefinite(f.end - 1) {
            f.end -= 1;
            while f.end > f.start && agrees(f.end - 1) {
                f.end -= 1;
            }
        }
        f.end > f.start
    });
}

/// Drops one-word places that describe the word of place before them: an
/// adjective (`مدينة كبيرة`, `منطقة ساحلية`: ending in teh marbuta) or the
/// verb of a relative clause (`منطقة تشهد توترا`, "a region that sees
/// tension": a common word with the prefix of the imperfect, `ت` or `ي`),
/// after an indefinite word of place, without the article, that no list
/// names. The tagger learned that a word after `مدينة` is a place.
fn drop_adjectives_after_place_words(infos: &[WordInfo], found: &mut Vec<Found>) {
    found.retain(|f| {
        let word = &infos[f.start];
        let description = f.kind == NerKind::Location
            && f.end == f.start + 1
            && f.start > 0
            && is_indefinite_place_word(&infos[f.start - 1])
            && !word.has_article()
            && word.gazetteer == 0
            && (word.norm.ends_with('ه') || is_common_imperfect(word));
        !description
    });
}

/// Words at least this common (Zipf bucket) with the prefix of the
/// imperfect are read as verbs after a word of place.
const COMMON_VERB_ZIPF: u8 = 4;

/// Whether the word starts as the imperfect of the third person does (`ت`,
/// `ي`) and is common (`تشهد`, `يعيش`): a verb, as place names are rare
/// words.
fn is_common_imperfect(word: &WordInfo) -> bool {
    (word.norm.starts_with('ت') || word.norm.starts_with('ي')) && word.zipf >= COMMON_VERB_ZIPF
}

fn mark(covered: &mut [bool], found: &[Found]) {
    for f in found {
        covered[f.start..f.end].fill(true);
    }
}

/// The tagger's entities (BIO), without punctuation at their ends and
/// without those with a Latin-script word (the Latin rules type
/// those: the training data is Arabic).
fn tagged(infos: &[WordInfo], model: &Model, tags: &[usize]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some((kind, _)) = model.meanings[tags[i]] else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && model.meanings[tags[end]] == Some((kind, false)) {
            end += 1;
        }
        let (mut start, mut stop) = (i, end);
        while start < stop && !is_word(&infos[start]) {
            start += 1;
        }
        while stop > start && !is_word(&infos[stop - 1]) {
            stop -= 1;
        }
        // A title or honorific before a name is not part of it (`معالي X`).
        while kind == NerKind::Person && stop - start > 1 && infos[start].cue == Cue::Title.code() {
            start += 1;
        }
        if stop > start && !infos[start..stop].iter().any(is_latin) {
            out.push(Found::new(start, stop, kind, TAGGER_CONFIDENCE));
        }
        i = end;
    }
    out
}

/// Gazetteer names on words the tagger left out: demonyms always (the
/// training data tags none), places when not a common word.
fn places(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let lists = lists();
    let mut out = Vec::new();
    let mut i = 0;
    while i < infos.len() {
        let mark = infos[i].gazetteer;
        if mark == 0 || mark > 8 || is_latin(&infos[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < infos.len() && infos[end].gazetteer == mark + 8 {
            end += 1;
        }
        if !covered[i..end].iter().any(|&c| c) {
            let key = name_key(infos, i, end);
            let place = lists.place(&key).or_else(|| lists.place(&infos[i].norm));
            let demonym = mark == PlaceKind::Demonym.code();
            let common = end - i == 1 && is_common_word(infos, i, place);
            let head = is_head_of_a_place(infos, i, end);
            if demonym || !(common || head || is_world_alone(infos, i, place)) {
                out.push(Found {
                    start: i,
                    end,
                    kind: if demonym {
                        NerKind::Norp
                    } else {
                        NerKind::Location
                    },
                    confidence: if demonym {
                        DEMONYM_CONFIDENCE
                    } else {
                        PLACE_CONFIDENCE
                    },
                    country: place
                        .filter(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Demonym))
                        .map(|p| p.code),
                    quoted: false,
                    club: false,
                });
            }
        }
        i = end;
    }
    out
}

/// Arabic nouns of a part of a place or of a place near it, before the
/// place's name (`ريف إدلب`, the countryside of Idlib; `شمال حلب`, `بريف
/// دمشق`, `ضواحي بيروت`), folded and without clitics or article.
const PLACE_RELATIONS: [&str; 14] = [
    "ريف",
    "ضواحي",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "وسط",
    "قرب",
    "محيط",
    "اطراف",
];

/// Whether the one-word place name at `i` (listed as `place`) is also a
/// common word, not to be taken on the gazetteer alone: a very common
/// word, or a common one for a city that is not major, with no word of
/// place before it (`في`, `إلى`, `مدينة`, [`PLACE_RELATIONS`]).
fn is_common_word(infos: &[WordInfo], i: usize, place: Option<Place>) -> bool {
    let zipf = infos[i].zipf.max(infos[i].stem_zipf);
    let minor_city = place
        .is_some_and(|p| matches!(p.kind, PlaceKind::City | PlaceKind::GeoNamesCity) && !p.major);
    let after_place_word = i > 0
        && (infos[i - 1].cue == Cue::LocHead.code()
            || matches!(infos[i - 1].norm.as_str(), "في" | "الي")
            || PLACE_RELATIONS.contains(&infos[i - 1].stem.as_str()));
    zipf >= COMMON_WORD_ZIPF || (minor_city && zipf >= COMMON_CITY_ZIPF && !after_place_word)
}

/// Whether the one-word city at `i..end` stands right before another
/// city or a country, with no conjunction: a city is not followed by
/// another place, so the word is a noun in the construct state whose
/// letters also spell a city (`بورصة لندن`, the London exchange, not
/// Bursa).
fn is_head_of_a_place(infos: &[WordInfo], i: usize, end: usize) -> bool {
    end == i + 1
        && marks_city(infos[i].gazetteer)
        && infos.get(end).is_some_and(|next| {
            marks_city_or_country(next.gazetteer) && next.proclitics.is_empty() && !is_latin(next)
        })
}

/// Whether a gazetteer mark starts a city's name (CLDR's or GeoNames').
fn marks_city(mark: u8) -> bool {
    mark == PlaceKind::City.code() || mark == PlaceKind::GeoNamesCity.code()
}

/// Whether a gazetteer mark starts a city's or a country's name.
fn marks_city_or_country(mark: u8) -> bool {
    marks_city(mark) || mark == PlaceKind::Country.code()
}

/// CLDR's region of the whole world (`العالم`, `World`).
const WORLD: &str = "001";

/// Whether the place at `i` is the world without an event or organization
/// word before it: `كأس العالم` names an event, `العالم` alone is the
/// common word "world".
fn is_world_alone(infos: &[WordInfo], i: usize, place: Option<Place>) -> bool {
    let head = |cue: u8| cue == Cue::EventHead.code() || cue == Cue::OrgHead.code();
    place.is_some_and(|p| p.code == WORLD) && !(i > 0 && head(infos[i - 1].cue))
}

/// The folded key of words `start..end` as the gazetteer writes names
/// (the first word without its clitics).
fn name_key(infos: &[WordInfo], start: usize, end: usize) -> String {
    let mut key = infos[start].stem_article.clone();
    for info in &infos[start + 1..end] {
        // The period that ends an abbreviation (`U.S.`: `U.S` and `.`).
        if info.norm != "." {
            key.push(' ');
        }
        key.push_str(&info.norm);
    }
    key
}

/// The place listed under `key`, or under it without its periods (`U.K.`
/// is listed as `UK`).
fn listed_place(lists: &super::gazetteer::Lists, key: &str) -> Option<Place> {
    lists.place(key).or_else(|| {
        key.contains('.')
            .then(|| lists.place(&key.replace('.', "")))
            .flatten()
    })
}

/// The country a place or demonym names, when the gazetteer lists it as a
/// country, or a place of one word makes a listed demonym
/// ([`Lists::country_by_demonym`](super::gazetteer::Lists::country_by_demonym):
/// `بريطانيا`); for an organization, the country of a demonym that ends its
/// name (`وكالة الأنباء الفرنسية`).
fn country_of(infos: &[WordInfo], f: &Found) -> Option<&'static str> {
    let lists = lists();
    let find = |keys: &[&str], kinds: &[PlaceKind]| {
        keys.iter()
            .filter_map(|k| listed_place(lists, k))
            .find(|p| kinds.contains(&p.kind))
            .map(|p| p.code)
    };
    match f.kind {
        NerKind::Location | NerKind::Norp => {
            let key = name_key(infos, f.start, f.end);
            let listed = find(
                &[key.as_str(), infos[f.start].norm.as_str()],
                &[PlaceKind::Country, PlaceKind::Demonym],
            );
            let one_place = f.kind == NerKind::Location && f.end == f.start + 1;
            listed.or_else(|| {
                one_place
                    .then(|| lists.country_by_demonym(&infos[f.start].stem))
                    .flatten()
            })
        }
        NerKind::Organization if f.end - f.start > 1 => find(
            &[infos[f.end - 1].stem_article.as_str()],
            &[PlaceKind::Demonym],
        ),
        _ => None,
    }
}

/// Confidence of a person found by a title before the name.
const TITLE_CONFIDENCE: f32 = 0.6;
/// Definite words (`الأمريكي`, `الخارجية`, `السابق`) that may stand between
/// a title and the name it announces.
const MAX_WORDS_AFTER_TITLE: usize = 2;
/// Words at most this common (Zipf bucket) may be a name after a title that
/// no list has: names are rarer than the common words a title can precede
/// (`الرئيس يلقي كلمة`).
const NAME_AFTER_TITLE_ZIPF: u8 = 4;

/// A name of two or three words the tagger left out after a title and the
/// definite words that describe it (`الرئيس الأمريكي دونالد ترامب`,
/// `وزير الخارجية جون كيري`): words without the article, a clitic or
/// tanween, no stop, cue or place word, each rare or a listed name, and
/// followed by no more such words. A word no list holds as a name does not
/// end as Arabic nouns inflect (teh marbuta, a pronoun: `الوزير تشكيل فرق
/// طبية`, `الفريق سيقاطع جلسة`). The last word may be a family name
/// with the article (`النائب مثال الآلوسي`, `المدرب حسام البدري`), as
/// rare or listed, and no place or demonym.
fn people_after_titles(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let free = |k: usize| k < infos.len() && !covered[k];
    let name_like = |k: usize| {
        let w = &infos[k];
        free(k)
            && w.shape == shape::ARABIC
            && !w.has_article()
            && (w.proclitics.is_empty() || w.is_commoner_than_its_stem())
            && !w.enclitic
            && w.cue == 0
            && w.gazetteer == 0
            && !is_stopword(&w.norm)
            && (w.zipf <= NAME_AFTER_TITLE_ZIPF || w.name != 0)
            && (w.name != 0 || !ends_as_an_inflected_noun(&w.norm))
    };
    let mut out = Vec::new();
    for i in 0..infos.len() {
        if infos[i].cue != Cue::Title.code() || !free(i) {
            continue;
        }
        let mut start = i + 1;
        while start < infos.len()
            && start - i <= MAX_WORDS_AFTER_TITLE
            && free(start)
            && infos[start].shape == shape::ARABIC
            && infos[start].has_article()
            && !is_stopword(&infos[start].norm)
        {
            start += 1;
        }
        let mut end = start;
        while end < infos.len() && name_like(end) {
            end += 1;
        }
        if end > start && free(end) && is_family_name_with_article(&infos[end]) {
            end += 1;
        }
        let ends_there = infos.get(end).is_none_or(|next| {
            matches!(next.shape, shape::PUNCTUATION)
                || is_stopword(&next.norm)
                || next.cue == Cue::Speech.code()
        });
        if (2..=3).contains(&(end - start))
            && ends_there
            && !out.iter().any(|f: &Found| f.end > start)
        {
            out.push(Found::new(start, end, NerKind::Person, TITLE_CONFIDENCE));
        }
    }
    out
}

/// Words at most this common (Zipf bucket) may be a given name or a
/// surname that the tagger left out: rarer than the common words that are
/// also Arabic given names (`أمل`, `سعيد`, `كريم`).
const RARE_NAME_ZIPF: u8 = 3;

/// Whether an unlisted word ends as Arabic words inflect and foreign
/// surnames seldom do: teh marbuta (`أصيلة`), a pronoun (`سقوفه`, `أخاك`,
/// `مجاهدونا`), the feminine plural (`للمشغولات`), or an imperfect verb's
/// plural (`يستنجدون`).
fn has_arabic_inflection(word: &str) -> bool {
    ["ة", "ه", "ها", "هم", "نا", "ك", "ات"]
        .iter()
        .any(|end| word.ends_with(end))
        || (word.starts_with('ي') && word.ends_with("ون"))
}

/// Whether a folded word ends in teh marbuta (folded to `ه`), a pronoun of
/// the third person or the feminine plural (`طبية`, `جلسته`, `مطالبها`,
/// `سيارات`): the endings of [`has_arabic_inflection`] that foreign names
/// seldom have (`باراك`, `دانا` end as the pronouns `ك` and `نا` do).
fn ends_as_an_inflected_noun(norm: &str) -> bool {
    ["ه", "ها", "هم", "ات"]
        .iter()
        .any(|end| norm.ends_with(end))
}

/// Listed surnames at most this common (Zipf bucket) may follow a rare
/// given name as its surname.
const RARE_SURNAME_ZIPF: u8 = 2;

/// Confidence of a person found by a listed given name and the rare words
/// after it, as sure as one found after a title.
const RARE_NAME_CONFIDENCE: f32 = TITLE_CONFIDENCE;

/// Whether `word` (with its `info`) is an Arabic word as a foreign or
/// rare name is written: no article as written (`ألفريد` folds like
/// `الفريد`), tanween, clitic, cue or place, no stop word, and at most
/// `max_zipf` common (Zipf bucket).
fn is_bare_unlisted_word(word: &str, info: &WordInfo, max_zipf: u8) -> bool {
    info.shape == shape::ARABIC
        && !word.starts_with("ال")
        && !is_indefinite(word)
        && info.proclitics.is_empty()
        && !info.enclitic
        && info.cue == 0
        && info.gazetteer == 0
        && info.zipf <= max_zipf
        && !is_stopword(&info.norm)
}

/// A listed given name that is no common word, followed by one or two
/// words that the frequency list lacks or that are rare listed surnames,
/// where the tagger found nothing (`ألفريد ديمورا`, a foreign name in
/// Arabic letters): a person. The words have no article as written
/// (`ألفريد` folds to the letters of `الفريد`, "the unique"), clitic,
/// tanween, cue or place.
fn people_of_rare_given_names(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    covered: &[bool],
) -> Vec<Found> {
    let written = |k: usize| tokens[k].span.slice(text);
    let rare =
        |k: usize| !covered[k] && is_bare_unlisted_word(written(k), &infos[k], RARE_NAME_ZIPF);
    // After the given name: a word the frequency list lacks, or a listed
    // surname that is rarer still.
    let surname = |k: usize| {
        k < infos.len()
            && rare(k)
            && !has_arabic_inflection(written(k))
            && (infos[k].zipf == 0
                || (infos[k].surname_bucket() != 0 && infos[k].zipf <= RARE_SURNAME_ZIPF))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < infos.len() {
        if !(rare(i) && infos[i].is_given_name() && surname(i + 1)) {
            i += 1;
            continue;
        }
        let end = if surname(i + 2) { i + 3 } else { i + 2 };
        out.push(Found::new(i, end, NerKind::Person, RARE_NAME_CONFIDENCE));
        i = end;
    }
    out
}

/// Given-name bucket of `data/person_names.tsv` (10 people or more) a
/// word needs to make a person of the place after it: nouns that a few
/// people are named (`سلالة`, breed; `فيضان`, flood) come before places.
const WELL_ATTESTED_GIVEN_NAME: u8 = 2;

/// A place of one word that no list holds, right after a given name that
/// [`WELL_ATTESTED_GIVEN_NAME`] people carry, that is no common word and
/// that the tagger left out, is the person's surname (`فايزة أبوالنجا`:
/// the tagger took the surname for a village): a person of both words.
/// The given name passes the checks of [`people_of_rare_given_names`].
fn people_taken_for_places(text: &str, tokens: &[Token], infos: &[WordInfo], found: &mut [Found]) {
    for k in 0..found.len() {
        let f = &found[k];
        let Some(given) = f.start.checked_sub(1) else {
            continue;
        };
        let free = k == 0 || found[k - 1].end <= given;
        let is_person = f.kind == NerKind::Location
            && f.end == f.start + 1
            && infos[f.start].gazetteer == 0
            && free
            && infos[given].given_name_bucket() >= WELL_ATTESTED_GIVEN_NAME
            && is_bare_unlisted_word(
                tokens[given].span.slice(text),
                &infos[given],
                RARE_NAME_ZIPF,
            );
        if is_person {
            let f = &mut found[k];
            f.start = given;
            f.kind = NerKind::Person;
            f.confidence = RARE_NAME_CONFIDENCE;
            f.country = None;
        }
    }
}

/// Words a quoted title of a work may have at most: longer quotations
/// after `بعنوان` are headlines and sayings, not names.
const MAX_TITLE_WORDS: usize = 5;

/// Confidence of a work found by its quoted title after a word that
/// announces it.
const TITLE_OF_WORK_CONFIDENCE: f32 = 0.6;

/// The pairs of quotation marks (opening, closing) around a quoted name (a
/// title, `«نجوم الغد»`): the rule below finds the name between a pair, and
/// the extraction's NER step keeps a name between a pair whole.
const NAME_QUOTE_PAIRS: [(char, char); 4] = [('«', '»'), ('"', '"'), ('“', '”'), ('\'', '\'')];

/// The closing mark of a quoted name opened by `open`, if `open` opens one.
pub(crate) fn name_closing_mark(open: char) -> Option<char> {
    NAME_QUOTE_PAIRS
        .iter()
        .find(|&&(o, _)| o == open)
        .map(|&(_, close)| close)
}

/// The one character `token` is, if it is one.
fn lone_char(token: &str) -> Option<char> {
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// A name in quotation marks right after a word that says what it names:
/// a title after a word that announces a work (`برنامج «نجوم الغد»`,
/// `بعنوان "أيام الصيف"`, `the film "The Long Road"`; `data/work_heads.tsv`)
/// or a name after a word for a sports venue (`ملعب «النخيل»`;
/// `data/venue_heads.tsv`) is MISC, a name after an organization word
/// (`صحيفة «النهار العربي»`, `وكالة «وفا»`) an organization. One to
/// [`MAX_TITLE_WORDS`] words between an opening mark and its own closing
/// mark, the marks left out; what the tagger found inside is a word of the
/// name and gives way to it. In ANERcorp's training text a quoted title after such a
/// word is MISC 29 times in 37.
fn quoted_names(text: &str, tokens: &[Token], infos: &[WordInfo], found: &mut Vec<Found>) {
    let lists = lists();
    let written = |k: usize| tokens[k].span.slice(text);
    for i in 0..infos.len().saturating_sub(2) {
        let Some(closing) = lone_char(written(i + 1)).and_then(name_closing_mark) else {
            continue;
        };
        let stem = &infos[i].stem;
        let kind = if lists.announces_work(stem) || lists.announces_venue(stem) {
            NerKind::Misc
        } else if infos[i].cue == Cue::OrgHead.code() {
            NerKind::Organization
        } else {
            continue;
        };
        let start = i + 2;
        let Some(close) = (start..infos.len().min(start + MAX_TITLE_WORDS + 1))
            .find(|&k| lone_char(written(k)) == Some(closing))
        else {
            continue;
        };
        let overlapping = |f: &Found| f.start < close && start < f.end;
        let inside = |f: &Found| start <= f.start && f.end <= close;
        if close > start
            && (start..close).all(|k| is_word(&infos[k]))
            && found.iter().filter(|f| overlapping(f)).all(inside)
        {
            found.retain(|f| !overlapping(f));
            found.push(Found {
                quoted: true,
                ..Found::new(start, close, kind, TITLE_OF_WORK_CONFIDENCE)
            });
        }
    }
}

/// Words at most this common (Zipf bucket) right after a verb of saying
/// may be the name of its speaker: the common nouns that speak there
/// (`مسؤول`, `مصدر`, `متحدث`) are commoner.
const SPEAKER_NAME_ZIPF: u8 = 2;

/// Confidence of a person found as the unlisted speaker of a verb of
/// saying.
const SPEAKER_CONFIDENCE: f32 = 0.5;

/// One or two rare words no list holds right after a verb of saying and
/// before what was said (`وقالت تسفيرا: ...`, `وأضاف X أن ...`, `يقول X
/// في ...`): the speaker, a person, where the tagger found nothing.
/// In ANERcorp's training text, such a word is a person 36 times in 44;
/// the others are plurals and duals of common nouns (`متمردون`,
/// `مراقبو`, `حركتا`), which the rule leaves out by their endings. The
/// words have no article as written, clitic, tanween, Arabic inflection,
/// cue or place, and the word after them is punctuation, a stop word
/// (`في`, `إن`) or nothing.
fn unlisted_speakers(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    covered: &[bool],
) -> Vec<Found> {
    let written = |k: usize| tokens[k].span.slice(text);
    // `k` is a word of the sentence (the callers check); the frequency
    // look-ups of `is_plural_or_dual` come last.
    let name_like = |k: usize| {
        let word = written(k);
        !covered[k]
            && is_bare_unlisted_word(word, &infos[k], SPEAKER_NAME_ZIPF)
            && word.chars().count() >= 3
            && !has_arabic_inflection(word)
            && !is_plural_or_dual(word)
    };
    let ends_there = |k: usize| {
        infos.get(k).is_none_or(|next| {
            next.shape == shape::PUNCTUATION
                || next.cue == Cue::That.code()
                || is_stopword(&next.norm)
        })
    };
    let mut out = Vec::new();
    for i in 0..infos.len() {
        if infos[i].cue != Cue::Speech.code() || i + 1 >= infos.len() || !name_like(i + 1) {
            continue;
        }
        let end = if i + 2 < infos.len() && name_like(i + 2) {
            i + 3
        } else {
            i + 2
        };
        if ends_there(end) {
            out.push(Found::new(i + 1, end, NerKind::Person, SPEAKER_CONFIDENCE));
        }
    }
    out
}

/// The Zipf frequency from which the letters left when a plural or dual
/// ending is taken off are a common word (`متمرد` of `متمردون`).
const PLURAL_STEM_ZIPF: f32 = 3.0;

/// Whether the word is the sound masculine plural or the dual of a common
/// noun, in the nominative of a verb's subject (`متمردون`, `مسؤولان`,
/// `مراقبو` before its complement, `حركتا` of `حركة`): the word less the
/// ending, of three letters or more, is a common word.
fn is_plural_or_dual(word: &str) -> bool {
    [("ون", ""), ("ان", ""), ("و", ""), ("تا", "ة")]
        .iter()
        .any(|(ending, restored)| {
            word.strip_suffix(ending).is_some_and(|stem| {
                stem.chars().count() >= 3
                    && zipf(&letters_key(&format!("{stem}{restored}")))
                        .is_some_and(|z| z >= PLURAL_STEM_ZIPF)
            })
        })
}

/// Whether the word may be a family name with the article after a given
/// name (`الآلوسي`, `البدري`): an Arabic word with the article and no
/// other clitic, no cue, place, demonym or stop word, and rare (a common
/// noun with the article is as rare as a name without it: `وزيرة شؤون
/// الأسرة`) or a listed name.
fn is_family_name_with_article(w: &WordInfo) -> bool {
    w.shape == shape::ARABIC
        && w.has_article()
        && w.proclitics.is_empty()
        && !w.enclitic
        && w.cue == 0
        && w.gazetteer == 0
        && !is_stopword(&w.norm)
        && (w.zipf <= FAMILY_NAME_ZIPF || w.name != 0)
}

/// Words with the article at most this common (Zipf bucket) may be a
/// family name after a title and a given name.
const FAMILY_NAME_ZIPF: u8 = 3;

/// Words at most this common (Zipf bucket) after a word of place (`نهر`,
/// `جبل`, `مدينة`) are the name of that place: a common word there is a
/// description (`مدينة كبيرة`, `في بحر الأسبوع`).
const NAME_AFTER_PLACE_WORD_ZIPF: u8 = 3;

/// The name after a word of place in the construct state (`نهر
/// بوتوماك`, `جبال الألب`, `مخيم الزعتري`), one or two rare words the
/// tagger and the gazetteer left out, not ending in teh marbuta: a place,
/// the word of place left out of it (as the training data writes it).
fn names_after_place_words(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    names_after_heads(infos, covered, is_indefinite_place_word, |_, _| true)
        .map(|(start, end)| Found::new(start, end, NerKind::Location, PLACE_CONFIDENCE))
        .collect()
}

/// Organization words that are not also common nouns (`حركة` is a
/// motion, `اتحاد` a union of anything, `مجموعة` a group), folded: the
/// ones whose next rare word is a name.
const NAMING_ORGANIZATION_WORDS: [&str; 11] = [
    "شركه",
    "صحيفه",
    "جريده",
    "مجله",
    "قناه",
    "وكاله",
    "منظمه",
    "حزب",
    "بنك",
    "مصرف",
    "نادي",
];

/// The name after an organization word in the construct state (`شركة
/// سياك`, `صحيفة معاريف`, `حزب كديما`), found as after a word of place:
/// an organization, the word left out of it. The word is one of
/// [`NAMING_ORGANIZATION_WORDS`]; the name has no proclitic (a noun in the
/// construct state is followed by its own), and after a masculine word
/// does not end in the nisba `ي` (`حزب يساري` is a leftist party), which
/// after a feminine one would be no adjective (`شركة سوني`).
fn names_after_organization_words(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let is_head = |w: &WordInfo| {
        !w.has_article() && NAMING_ORGANIZATION_WORDS.contains(&w.stem_article.as_str())
    };
    let may_be_name = |head: &WordInfo, w: &WordInfo| {
        let feminine = head.stem_article.ends_with('ه');
        w.proclitics.is_empty() && !w.norm.starts_with("لل") && (feminine || !w.norm.ends_with('ي'))
    };
    names_after_heads(infos, covered, is_head, may_be_name)
        .map(|(start, end)| Found::new(start, end, NerKind::Organization, HEAD_CONFIDENCE))
        .collect()
}

/// The words `start..end` of each name after a head word (`is_head`, in
/// the construct state, no pronoun after it): one or two rare words the
/// tagger and the gazetteer left out (that `may_be_name` after the head),
/// not ending in teh marbuta, the second without the article.
fn names_after_heads<'a>(
    infos: &'a [WordInfo],
    covered: &'a [bool],
    is_head: impl Fn(&WordInfo) -> bool + 'a,
    may_be_name: impl Fn(&WordInfo, &WordInfo) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let rare = move |head: usize, k: usize| {
        let w = &infos[k];
        !covered[k]
            && w.shape == shape::ARABIC
            && w.cue == 0
            && w.gazetteer == 0
            && !w.enclitic
            && !is_stopword(&w.norm)
            && w.zipf.max(w.stem_zipf) <= NAME_AFTER_PLACE_WORD_ZIPF
            // An adjective agreeing with a feminine word or a plural
            // (`منطقة مجاورة`, `جزر غرانيتية`).
            && !w.norm.ends_with('ه')
            && may_be_name(&infos[head], w)
    };
    (0..infos.len().saturating_sub(1)).filter_map(move |i| {
        let head = &infos[i];
        if !is_head(head)
            || head.shape != shape::ARABIC
            || head.enclitic
            || covered[i]
            || !rare(i, i + 1)
        {
            return None;
        }
        let end = if i + 2 < infos.len() && rare(i, i + 2) && !infos[i + 2].has_article() {
            i + 3
        } else {
            i + 2
        };
        Some((i + 1, end))
    })
}

/// Confidence of an organization found by its head word alone.
const HEAD_CONFIDENCE: f32 = 0.6;

/// An organization word in the construct state before a definite noun the
/// tagger left out (`وزارة` + `الخارجية`, `وكالة` + `الأنباء`); not one
/// with a pronoun suffix, which is a noun of its own (`حزبهم`, their
/// party).
fn organization_heads(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    (0..infos.len().saturating_sub(1))
        .filter(|&i| {
            infos[i].cue == Cue::OrgHead.code()
                && !infos[i].enclitic
                && infos[i].shape == shape::ARABIC
                && infos[i + 1].shape == shape::ARABIC
                && infos[i + 1].has_article()
                && !is_stopword(&infos[i + 1].norm)
                && !covered[i]
                && !covered[i + 1]
        })
        .map(|i| Found::new(i, i + 2, NerKind::Organization, HEAD_CONFIDENCE))
        .collect()
}

/// How many adjectives a definite institution's name takes after its
/// organization word (`المجلس الأعلى`, `البنك المركزي المصري`).
const INSTITUTION_ADJECTIVES: usize = 3;

/// How many definite words follow the `ل` phrase of an institution's name
/// (`للقوات المسلحة`, `لحقوق الإنسان`, `لقوى الثورة والمعارضة`).
const INSTITUTION_DOMAIN_WORDS: usize = 3;

/// An organization word with the article, its relative adjectives, and
/// what it is for after `ل` and the article (`المجلس الأعلى للقوات
/// المسلحة`, `المركز الوطني للأرصاد`), or an adjective and a demonym
/// (`المجلس الوطني السوري`, `البنك المركزي المصري`): the name of one
/// institution, where the tagger saw words apart or none. An adjective
/// alone (`المجلس البلدي`, the municipal council; `البنك الدولي`) is left
/// to the tagger.
fn definite_institutions(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < infos.len() {
        match definite_institution_at(infos, covered, i) {
            Some(end) => {
                out.push(Found::new(i, end, NerKind::Organization, HEAD_CONFIDENCE));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The end of a definite institution's name ([`definite_institutions`])
/// starting at word `i`.
fn definite_institution_at(infos: &[WordInfo], covered: &[bool], i: usize) -> Option<usize> {
    let head = &infos[i];
    let free = |k: usize| k < infos.len() && !covered[k] && infos[k].shape == shape::ARABIC;
    if !(free(i) && head.has_article() && !head.enclitic) {
        return None;
    }
    // Not a feminine ordinal (`المجموعة الثانية للتصفيات`: the second
    // group), whose masculine is a stop word.
    let ordinal = |k: usize| infos[k].norm.strip_suffix('ه').is_some_and(is_stopword);
    let adjective = |k: usize| {
        free(k)
            && infos[k].proclitics.is_empty()
            && !ordinal(k)
            && (is_relative_adjective(&infos[k]) || infos[k].gazetteer == PlaceKind::Demonym.code())
    };
    let mut end = i + 1;
    while end < i + 1 + INSTITUTION_ADJECTIVES && adjective(end) {
        end += 1;
    }
    // The tagger's cue is the word's as written, which the article hides:
    // the stem's is asked (last: a look-up).
    if end == i + 1 || lists().cue(&head.stem) != Some(Cue::OrgHead) {
        return None;
    }
    // `ل` and what the institution is for, with the article (`للقوات
    // المسلحة`, `للأرصاد`), then definite words (`و` joins them). Without
    // the article it is as often what the institution does or has (`البنك
    // التجاري لتحقيق النجاح`, `لأوراق الدين`): not read.
    let domain = |k: usize| {
        free(k)
            && infos[k].proclitics == "ل"
            && infos[k].stem_article.starts_with("ال")
            && !is_stopword(&infos[k].stem)
    };
    if domain(end) {
        let mut k = end + 1;
        let definite = |k: usize| {
            free(k) && infos[k].has_article() && matches!(infos[k].proclitics.as_str(), "" | "و")
        };
        while k < end + 1 + INSTITUTION_DOMAIN_WORDS && definite(k) {
            k += 1;
        }
        return Some(k);
    }
    // A demonym after an adjective of the institution's own (`المجلس
    // الوطني السوري`); alone it describes the institution (`الجيش
    // اللبناني`, `الشركة القطرية`).
    let demonym = |k: usize| infos[k].gazetteer == PlaceKind::Demonym.code();
    (end >= i + 3 && demonym(end - 1) && !demonym(end - 2)).then_some(end)
}

/// An event word right before a name makes an event of both (`قمة` +
/// `العشرين`, `حرب الخليج`, `World Cup`), and a name that opens with one is
/// an event (`الحرب العالمية الثانية`); an organization word before a
/// place makes an organization (`جامعة` + `دمشق`).
fn events(infos: &[WordInfo], found: &mut Vec<Found>) {
    let event = Cue::EventHead.code();
    let org = Cue::OrgHead.code();
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let head = f.start.checked_sub(1);
        // Asked last (a look-up for a word with the article).
        let starts_with_head = || f.end - f.start > 1 && is_event_word(&infos[f.start]);
        let free = |h: usize| merged.last().is_none_or(|m: &Found| m.end <= h);
        match head {
            Some(h) if infos[h].cue == event && free(h) => {
                merged.push(Found {
                    start: h,
                    kind: NerKind::Event,
                    country: None,
                    ..f
                });
            }
            Some(h) if infos[h].cue == org && f.kind == NerKind::Location && free(h) => {
                merged.push(Found {
                    start: h,
                    kind: NerKind::Organization,
                    ..f
                });
            }
            _ if f.kind != NerKind::Person && starts_with_head() => merged.push(Found {
                kind: NerKind::Event,
                country: None,
                ..f
            }),
            _ => merged.push(f),
        }
    }
    *found = merged;
}

/// Whether the word is an event word, as written or after the article
/// (`الحرب`, `والانتخابات`), whose cue the article hides from the tagger's
/// features.
fn is_event_word(info: &WordInfo) -> bool {
    info.cue == Cue::EventHead.code()
        || (info.stem != info.stem_article && lists().cue(&info.stem) == Some(Cue::EventHead))
}

/// Whether the word is a masculine singular demonym with the article
/// (`الألماني`, not `الألمانية` or `الألمان`).
fn is_masculine_demonym(info: &WordInfo) -> bool {
    info.gazetteer == PlaceKind::Demonym.code()
        && info.proclitics.is_empty()
        && info.has_article()
        && info.norm.ends_with('ي')
}

/// A city or country with a masculine demonym right after it is a club
/// named after it: Arabic gives a city feminine agreement (`باريس
/// الفرنسية`), and the masculine one agrees with the club or team it
/// stands for (`هامبورغ الألماني`, `موناكو الفرنسي`). The place is a
/// listed city or country, or a place the tagger found that no list holds
/// and that is written without the article (`بنفيكا البرتغالي`, `ستيوا
/// بوخارست الروماني`): names of teams are the unlisted places news text
/// most often gives a demonym. Not after a head word, whose own gender the
/// demonym may agree with, nor for a listed region or a place with the
/// article (`الجولان السوري` is the Golan, `الخليج العربي` the Gulf).
fn clubs_named_after_cities(infos: &[WordInfo], found: &mut [Found]) {
    for k in 1..found.len() {
        let (place, demonym) = (&found[k - 1], &found[k]);
        let is_club = place.kind == NerKind::Location
            && is_listed_or_unlisted_city(&infos[place.start])
            && !follows_a_head_word(infos, place.start)
            && demonym.kind == NerKind::Norp
            && demonym.start == place.end
            && demonym.end == demonym.start + 1
            && is_masculine_demonym(&infos[demonym.start]);
        if is_club {
            found[k - 1].kind = NerKind::Organization;
            found[k - 1].club = true;
        }
    }
}

/// Words more common than this (Zipf bucket) are too often function words,
/// verbs or nouns before a demonym taken as a noun (`على الفرنسي`, against
/// the Frenchman; `وقال البرازيلي`, `لعب القطري`) to be taken for a team;
/// a listed city may be one bucket more common (`ليل الفرنسي`, Lille).
const TEAM_MAX_ZIPF: u8 = 3;

/// A word the tagger left, right before a masculine demonym with the
/// article, is a club or a national team (`تعادل اندرلخت البلجيكي`, `حقق
/// ليون الفرنسي فوزه`): an adjective with the article follows a definite
/// noun, and a word with neither the article nor a pronoun after it is
/// definite as a name; a city takes the feminine (`باريس الفرنسية`), a
/// club the masculine. The word is one no list holds, or a city's name;
/// no person's name (`حمزة المصري` is a man and his surname), no cue word,
/// not common (see [`TEAM_MAX_ZIPF`]), not after a head word (whose gender
/// the demonym may agree with). No name follows the demonym: in `وسجل
/// البرازيلي رونالدو` the demonym is the noun and the word before it a
/// verb.
fn teams_before_their_demonym(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    for k in 0..infos.len().saturating_sub(1) {
        let word = &infos[k];
        let name_after = covered.get(k + 2) == Some(&true)
            || infos.get(k + 2).is_some_and(|next| next.name != 0);
        let city = marks_city(word.gazetteer);
        let max_zipf = if city {
            TEAM_MAX_ZIPF + 1
        } else {
            TEAM_MAX_ZIPF
        };
        let is_team = !covered[k]
            && word.shape == shape::ARABIC
            && word.norm.chars().all(char::is_alphabetic)
            && !has_article_after_clitics(word)
            && !word.enclitic
            // A pronoun the splitter left (`أدائه`), or a feminine noun.
            && !word.norm.ends_with('ه')
            && word.name == 0
            && word.cue == 0
            && word.zipf.max(word.stem_zipf) <= max_zipf
            && (word.gazetteer == 0 || city)
            && is_masculine_demonym(&infos[k + 1])
            && demonym_has_the_article(&infos[k + 1])
            && !name_after
            && !follows_a_head_word(infos, k);
        if is_team {
            out.push(Found {
                club: true,
                ..Found::new(k, k + 1, NerKind::Organization, TEAM_CONFIDENCE)
            });
        }
    }
    out
}

/// Whether the word at `k` follows a word of place, organization or event
/// (a demonym after the word at `k` may agree with that word instead).
fn follows_a_head_word(infos: &[WordInfo], k: usize) -> bool {
    let heads = [
        Cue::LocHead.code(),
        Cue::OrgHead.code(),
        Cue::EventHead.code(),
    ];
    k > 0 && heads.contains(&infos[k - 1].cue)
}

/// Whether the word has the article, after its proclitics or not
/// (`التأطير`, `والتأطير`, `للتأطير`).
fn has_article_after_clitics(info: &WordInfo) -> bool {
    let norm = info.norm.as_str();
    let after_letter = norm
        .strip_prefix(['و', 'ف', 'ب', 'ك'])
        .is_some_and(|rest| rest.starts_with("ال"));
    info.stem_article.starts_with("ال")
        || norm.starts_with("ال")
        || norm.starts_with("لل")
        || after_letter
}

/// Whether a demonym is written with the article: its letters after `ال`
/// are a demonym too (`الألماني`; `ألماني`, folded `الماني`, is not).
fn demonym_has_the_article(info: &WordInfo) -> bool {
    info.norm
        .strip_prefix("ال")
        .and_then(|rest| lists().place(rest))
        .is_some_and(|p| p.kind == PlaceKind::Demonym)
}

/// The confidence of a team found by its demonym alone.
const TEAM_CONFIDENCE: f32 = 0.6;

/// The words for the sides of a match in sports reporting, with a
/// pronoun after them (`ضيفه`, his guest; `مضيفه`, his host): the team
/// after them is a club.
const SIDES_OF_A_MATCH: [&str; 2] = ["ضيف", "مضيف"];

/// A city, or a place the tagger found that no list holds, that plays a
/// match is the club named after it: right before a score (`زغرب 2 - 1`,
/// `زغرب 1 - صفر`) or right after the host or the guest of the other side
/// (`على مضيفه زغرب`), there with an unlisted word the tagger left before
/// it (`مع ضيفه رابيد براغ`). Countries stay places:
/// their teams are named by the country.
fn clubs_of_a_match(infos: &[WordInfo], found: &mut [Found]) {
    let is_score_part = |k: usize| {
        infos
            .get(k)
            .is_some_and(|w| w.shape == shape::DIGITS || w.norm == "صفر")
    };
    let is_dash = |k: usize| {
        infos
            .get(k)
            .is_some_and(|w| DATELINE_DASHES.contains(&w.norm.as_str()))
    };
    let is_side =
        |k: usize| infos[k].enclitic && SIDES_OF_A_MATCH.contains(&infos[k].stem.as_str());
    for k in 0..found.len() {
        let f = &found[k];
        let first = &infos[f.start];
        if f.kind != NerKind::Location
            || !is_listed_or_unlisted_city(first)
            || first.gazetteer == PlaceKind::Country.code()
        {
            continue;
        }
        let before_score = is_score_part(f.end) && is_dash(f.end + 1) && is_score_part(f.end + 2);
        let after_side = f.start > 0 && is_side(f.start - 1);
        let free_before = k == 0 || found[k - 1].end < f.start;
        let word_after_side = f.start > 1
            && free_before
            && is_side(f.start - 2)
            && is_unlisted_without_article(&infos[f.start - 1]);
        if before_score || after_side || word_after_side {
            let f = &mut found[k];
            f.kind = NerKind::Organization;
            f.country = None;
            if word_after_side {
                f.start -= 1;
            }
            f.club = true;
        }
    }
}

/// A club named after its city is often named by a word before the city
/// too (`ستيوا بوخارست`, `دينامو زغرب`), which the tagger may have taken
/// for a name of its own: one unlisted word without the article right
/// before a club, found as any name but a demonym, is the club's first
/// word.
fn join_clubs_with_the_word_before(infos: &[WordInfo], found: &mut Vec<Found>) {
    absorb_into_previous(found, |word, club| {
        let joins = club.club
            && word.end == club.start
            && word.end == word.start + 1
            && word.kind != NerKind::Norp
            && is_unlisted_without_article(&infos[word.start]);
        if joins {
            *word = Found {
                start: word.start,
                ..club.clone()
            };
        }
        joins
    });
}

/// Whether the first word of a place is a listed city or country, or a
/// word without the article that no place list holds.
fn is_listed_or_unlisted_city(first: &WordInfo) -> bool {
    marks_city_or_country(first.gazetteer) || (first.gazetteer == 0 && !first.has_article())
}

/// A country whose name is also its feminine demonym (`السعودية`: Saudi
/// Arabia, and Saudi), right after a definite feminine word that is no
/// place (ending in `ة`, or a plural in `ات`, as the adjective agrees), is
/// the adjective of that word (`العائلة المالكة السعودية`, `الحكومة
/// السعودية`, `وكالة الأنباء السعودية`): a NORP, which an organization
/// before it then takes in ([`demonyms_of_organizations`]). After a
/// preposition, a masculine noun (`زار الوزير السعودية`: visited), a comma
/// or with a proclitic (`في السعودية`, `والسعودية`), it is the country.
fn countries_said_as_adjectives(infos: &[WordInfo], found: &mut [Found]) {
    let lists = lists();
    let feminine = |w: &WordInfo| w.norm.ends_with('ه') || w.norm.ends_with("ات");
    for k in 0..found.len() {
        let f = &found[k];
        if f.kind != NerKind::Location || f.end - f.start != 1 || f.start == 0 {
            continue;
        }
        let (word, before) = (&infos[f.start], &infos[f.start - 1]);
        if !word.proclitics.is_empty() || !word.has_article() {
            continue;
        }
        let key = name_key(infos, f.start, f.end);
        let Some(country) = lists.place(&key).filter(|p| p.kind == PlaceKind::Country) else {
            continue;
        };
        if !lists.is_demonym(&key) {
            continue;
        }
        // The adjective agrees with the word before it, or with the head of
        // the organization that ends there (`وكالة الأنباء`).
        let noun = before.has_article()
            && !is_stopword(&before.norm)
            && (before.gazetteer == 0 || before.gazetteer == PlaceKind::Demonym.code())
            && feminine(before);
        let organization = k > 0
            && found[k - 1].kind == NerKind::Organization
            && found[k - 1].end == f.start
            && feminine(&infos[found[k - 1].start]);
        if noun || organization {
            found[k].kind = NerKind::Norp;
            found[k].country = Some(country.code);
        }
    }
}

/// A demonym right after an organization gives it its country. It is part
/// of the name only after an organization word and a common noun, where it
/// says which one is meant (`وكالة الأنباء الفرنسية`, `وزارة الخارجية
/// التركية`); after a proper name it describes it (`ريال مدريد الإسباني`)
/// and stays a demonym of its own.
fn demonyms_of_organizations(infos: &[WordInfo], found: &mut Vec<Found>) {
    absorb_into_previous(found, |org, f| {
        if org.kind != NerKind::Organization || f.kind != NerKind::Norp || org.end != f.start {
            return false;
        }
        org.country = f.country.or_else(|| country_of(infos, f));
        let generic = is_generic_organization(infos, org);
        if generic {
            org.end = f.end;
        }
        generic
    });
}

/// An organization named by its head word and a definite noun goes on
/// over the definite relative adjectives after it (`مجلس الأمن` +
/// `الدولي`, `هيئة الأوراق` + `المالية`): they say which council or
/// authority it is, as a demonym does ([`demonyms_of_organizations`]). A
/// head with the article is a noun and its adjective (`الأمم المتحدة`),
/// complete: an adjective after it describes something else (`أهداف
/// الأمم المتحدة الإنمائية`).
fn adjectives_of_organizations(infos: &[WordInfo], found: &mut [Found]) {
    for k in 0..found.len() {
        let org = &found[k];
        if org.kind != NerKind::Organization
            || !is_generic_organization(infos, org)
            || infos[org.start].has_article()
        {
            continue;
        }
        let limit = found.get(k + 1).map_or(infos.len(), |next| next.start);
        let mut end = org.end;
        while end < limit && is_relative_adjective(&infos[end]) {
            end += 1;
        }
        found[k].end = end;
    }
}

/// Whether the word is a definite relative adjective (nisba: `الدولي`,
/// `المالية`) that names no place or people of the gazetteer and is no
/// stop word (`الثاني`).
fn is_relative_adjective(info: &WordInfo) -> bool {
    info.shape == shape::ARABIC
        && info.proclitics.is_empty()
        && info.has_article()
        && info.gazetteer == 0
        && (info.norm.ends_with('ي') || info.norm.ends_with("يه"))
        && info.norm.chars().count() >= 6
        && !is_stopword(&info.norm)
}

/// Walks `found` in order, offering each mention to the one kept before
/// it: `absorb(previous, next)` may change the previous mention and says
/// whether the next is now part of it (dropped) or stays (kept).
fn absorb_into_previous(
    found: &mut Vec<Found>,
    mut absorb: impl FnMut(&mut Found, &Found) -> bool,
) {
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let absorbed = kept.last_mut().is_some_and(|previous| absorb(previous, &f));
        if !absorbed {
            kept.push(f);
        }
    }
    *found = kept;
}

/// The words of Arabic names that link one part to the next (`بن`,
/// `ابن`, `بنت`, `آل`, `أبو`, `أبي`, `عبد`), folded as
/// [`WordInfo::norm`](super::features::Base::norm) is: a name never ends
/// with one.
const ARABIC_NAME_CONNECTORS: [&str; 7] = ["بن", "ابن", "بنت", "ال", "ابو", "ابي", "عبد"];

/// Joins a person whose last word is a connector to the person right
/// after it: the tagger may start a new name where the connector says the
/// name goes on (`محمد بن راشد آل` + `مكتوم`).
fn join_names_across_connectors(infos: &[WordInfo], found: &mut Vec<Found>) {
    absorb_into_previous(found, |person, f| {
        let joins = person.kind == NerKind::Person
            && f.kind == NerKind::Person
            && person.end == f.start
            && ARABIC_NAME_CONNECTORS.contains(&infos[person.end - 1].norm.as_str());
        if joins {
            person.end = f.end;
            person.confidence = person.confidence.min(f.confidence);
        }
        joins
    });
}

/// A person's name right after a word for a sports venue without the
/// article, or after it and a title, names the venue (`استاد الشيخ زايد`,
/// a stadium named after the sheikh): MISC, title and all, as a quoted
/// venue name is ([`quoted_names`]). After the word with the article it
/// is someone there (`في الملعب محمد`).
fn venues_named_after_people(infos: &[WordInfo], found: &mut [Found]) {
    let lists = lists();
    let is_venue = |k: usize| !infos[k].has_article() && lists.announces_venue(&infos[k].stem);
    for f in found.iter_mut().filter(|f| f.kind == NerKind::Person) {
        let titled = f.start > 1 && infos[f.start - 1].cue == Cue::Title.code();
        if f.start > 0 && is_venue(f.start - 1) {
            f.kind = NerKind::Misc;
        } else if titled && is_venue(f.start - 2) {
            f.kind = NerKind::Misc;
            f.start -= 1;
        }
    }
}

/// Letters a plural participle has at least: `م`, a root of three and the
/// ending (`مبتهلون`, `مسافرين`).
const PLURAL_PARTICIPLE_LETTERS: usize = 6;

/// Takes off the end of a person of three words or more a plural active
/// or passive participle that describes the people around the name
/// (`سلطان بن زايد آل نهيان مبتهلون`, "... praying"): `م`, then the
/// sound plural's `ين` or `ون`, written without the article, and no listed
/// name or place (`مارتين` is a name).
fn drop_participles_after_names(
    text: &str,
    tokens: &[Token],
    infos: &[WordInfo],
    found: &mut [Found],
) {
    let is_plural_participle = |k: usize| {
        let word = tokens[k].span.slice(text);
        let w = &infos[k];
        w.shape == shape::ARABIC
            && w.proclitics.is_empty()
            && w.name == 0
            && w.gazetteer == 0
            && word.starts_with('م')
            && (word.ends_with("ين") || word.ends_with("ون"))
            && word.chars().count() >= PLURAL_PARTICIPLE_LETTERS
    };
    for f in found.iter_mut() {
        if f.kind == NerKind::Person && f.end - f.start >= 3 && is_plural_participle(f.end - 1) {
            f.end -= 1;
        }
    }
}

/// Whether `org` is an organization word and a definite noun (`وزارة
/// الخارجية`), with the relative adjectives after them if any (`مجلس
/// الأمن الدولي`), a description rather than a proper name. `الله` (God) is
/// written with the letters of the article but is a proper name: `حزب
/// الله` is named, and a demonym after it describes it.
fn is_generic_organization(infos: &[WordInfo], org: &Found) -> bool {
    org.end - org.start >= 2
        && infos[org.start].cue == Cue::OrgHead.code()
        && infos[org.start + 1].has_article()
        && infos[org.start + 1].norm != NAME_OF_GOD
        && infos[org.start + 2..org.end]
            .iter()
            .all(is_relative_adjective)
}

/// `الله`, folded.
const NAME_OF_GOD: &str = "الله";

/// Whether a capitalized run is a demonym and frequent English words that
/// are no given names (`American Red Cross`, `British Council`): what is
/// of the nation, an organization, not a person. A demonym before a name
/// is the person's nationality instead (`Egyptian Mohamed Salah`; see
/// [`demonym_before_a_name`]).
fn is_national_institution(words: &[WordInfo], lists: &super::gazetteer::Lists) -> bool {
    use super::gazetteer::EnglishWord;
    words.len() > 1
        && words[0].gazetteer == PlaceKind::Demonym.code()
        && words[1..].iter().all(|w| {
            matches!(
                lists.english_word(&w.norm),
                Some(EnglishWord::Common | EnglishWord::Surname)
            )
        })
}

/// Whether the run `start..end` opens with a demonym before a name that is
/// no national institution (`Mexican Andres Lopez`, `Egyptian Mohamed
/// Salah`): the demonym is a NORP of its own, the name after it a name.
fn demonym_before_a_name(
    infos: &[WordInfo],
    start: usize,
    end: usize,
    lists: &super::gazetteer::Lists,
) -> bool {
    end - start > 1
        && infos[start].gazetteer == PlaceKind::Demonym.code()
        && lists.place(&name_key(infos, start, end)).is_none()
        && !is_national_institution(&infos[start..end], lists)
}

/// Small words allowed inside a Latin-script name (`Bank of England`,
/// `Bashar al-Assad`).
const LATIN_CONNECTORS: [&str; 18] = [
    "of", "al", "el", "bin", "ibn", "de", "van", "von", "der", "den", "da", "di", "du", "del",
    "dos", "das", "la", "-",
];

/// Words that open a sentence or a name without being part of it: the
/// determiners, and the prepositions a line or sentence may start with
/// before a name (`By Daniel Reed`, a byline; `In Paris`).
const LATIN_DETERMINERS: [&str; 14] = [
    "the", "a", "an", "this", "by", "in", "at", "from", "on", "for", "with", "to", "after",
    "during",
];

/// Prepositions after which a lone capitalized word is a place (`in Paris`).
const LATIN_PLACE_PREPOSITIONS: [&str; 3] = ["in", "from", "at"];

/// Runs of capitalized Latin-script words, typed by what is in or before
/// them: an organization word (`Ministry`, `Bank`), an event word (`Summit`),
/// the gazetteer (places), a title before or inside (`President`, `Treasury
/// Secretary`: the name is after it), all capitals
/// (an acronym: an organization); two words or more are a person; one
/// word alone is a name of unknown type (MISC), unless it starts the
/// sentence (where any word is capitalized).
fn latin_names(infos: &[WordInfo], covered: &[bool]) -> Vec<Found> {
    let lists = lists();
    let capital = |i: usize| matches!(infos[i].shape, shape::CAPITALIZED | shape::UPPER);
    let mut out = Vec::new();
    let mut i = 0;
    while i < infos.len() {
        if !capital(i) || covered[i] {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < infos.len() && capital(end) && !covered[end] {
                end += 1;
            } else if let Some(n) = (1..=2).find(|&n| {
                end + n < infos.len()
                    && infos[end..end + n]
                        .iter()
                        .all(|w| LATIN_CONNECTORS.contains(&w.norm.as_str()))
                    && capital(end + n)
                    && !covered[end + n]
            }) {
                // One or two connectors, then a capital (`Bank of England`,
                // `Ursula von der Leyen`).
                end += n + 1;
            } else {
                break;
            }
        }
        let mut start = i;
        while start + 1 < end && LATIN_DETERMINERS.contains(&infos[start].norm.as_str()) {
            start += 1;
        }
        // A sentence's first word, capitalized as every first word is, is
        // no part of the name when it is a frequent word that is no name
        // nor a cue and `of` follows (`Shares of Apple Inc`; `Bank of
        // England` keeps its organization word).
        if start + 2 < end
            && !sentence_middle(infos, start)
            && infos[start].cue == 0
            && infos[start + 1].norm == "of"
            && lists.english_word(&infos[start].norm) == Some(super::gazetteer::EnglishWord::Common)
        {
            start += 2;
        }
        if opens_before_a_demonym(infos, start, end, lists) {
            start += 1;
        }
        // A title opens the run or stands right before it, its
        // abbreviation's period a token of its own (`Dr.` `Smith`): the name
        // is after it.
        let title_at = |k: usize| infos[k].cue == Cue::Title.code();
        let mut titled =
            i > 0 && (title_at(i - 1) || (i > 1 && infos[i - 1].norm == "." && title_at(i - 2)));
        while start < end && infos[start].cue == Cue::Title.code() {
            start += 1;
            titled = true;
        }
        // A title inside the run (`Fed Chair Jerome Powell`, `European
        // Commission President Ursula von der Leyen`): the name is after the
        // last one; the words before it describe the office, and are named
        // only when they are a place or a demonym of the gazetteer or an
        // organization (with its organization word).
        if let Some(t) = (start + 1..end.saturating_sub(1))
            .rev()
            .find(|&t| infos[t].cue == Cue::Title.code())
        {
            let office_of = &infos[start..t];
            if lists.place(&name_key(infos, start, t)).is_some()
                || office_of.iter().any(|w| w.cue == Cue::OrgHead.code())
            {
                out.extend(latin_name(infos, start, t, false, lists));
            } else if let Some(e) = (start + 1..t)
                .rev()
                .find(|&e| lists.place(&name_key(infos, start, e)).is_some())
            {
                // The office's country before the words of the office
                // (`Israeli Prime Minister`, `South African Deputy
                // President`).
                out.extend(latin_name(infos, start, e, false, lists));
            } else if office_of[0].shape == shape::UPPER && office_of[0].norm.len() > 1 {
                // An acronym opens the office: the organization's (`WHO
                // Director-General`, `NATO Secretary General`).
                out.extend(latin_name(infos, start, start + 1, false, lists));
            }
            start = t + 1;
            titled = true;
        }
        // A title with `of` names an office (`Mayor of New York`, `Secretary
        // of State Antony Blinken`): its domain follows (the longest place
        // of the gazetteer there, else one word), named only when it is a
        // place; a name after it is the office holder's.
        if titled && start + 1 < end && infos[start].norm == "of" {
            start += 1;
            let domain_end = (start + 1..=end)
                .rev()
                .find(|&e| lists.place(&name_key(infos, start, e)).is_some());
            if let Some(domain_end) = domain_end {
                out.extend(latin_name(infos, start, domain_end, false, lists));
            }
            start = domain_end.unwrap_or(start + 1);
        }
        if !titled && start < end && demonym_before_a_name(infos, start, end, lists) {
            out.extend(latin_name(infos, start, start + 1, false, lists));
            start += 1;
        }
        if start < end {
            if let Some(f) = latin_name(infos, start, end, titled, lists) {
                out.push(f);
            }
        }
        i = end;
    }
    out
}

/// Whether the run `start..end` opens a sentence with a frequent word
/// that is no name nor a cue (a common word or a stop word, capitalized as
/// every first word is) before a listed demonym (`Many Syrian refugees`,
/// `Former British prime minister`): that word is no part of the name. A
/// place listed from that word on (`New Zealand Prime Minister`) and a
/// direction keep it; before a country it may be a name's (`Air France`).
fn opens_before_a_demonym(
    infos: &[WordInfo],
    start: usize,
    end: usize,
    lists: &super::gazetteer::Lists,
) -> bool {
    use super::gazetteer::EnglishWord;
    let first = &infos[start];
    start + 1 < end
        && !sentence_middle(infos, start)
        && first.cue == 0
        && (lists.english_word(&first.norm) == Some(EnglishWord::Common)
            || is_stopword(&first.norm))
        && !LATIN_DIRECTIONS.contains(&first.norm.as_str())
        && (start + 1..=end).all(|e| lists.place(&name_key(infos, start, e)).is_none())
        && lists
            .place(&name_key(infos, start + 1, start + 2))
            .is_some_and(|p| p.kind == PlaceKind::Demonym)
}

fn latin_name(
    infos: &[WordInfo],
    start: usize,
    end: usize,
    titled: bool,
    lists: &super::gazetteer::Lists,
) -> Option<Found> {
    let words = &infos[start..end];
    let has = |cue: Cue| words.iter().any(|w| w.cue == cue.code());
    // Before a verb of saying, or after `according to`: a source, a person
    // or an organization.
    let speaks = infos.get(end).is_some_and(|w| w.cue == Cue::Speech.code())
        || (start >= 2 && infos[start - 2].norm == "according" && infos[start - 1].norm == "to");
    // A city of GeoNames may be someone's surname too (`Lancaster`,
    // `Carmona`, `Bolton`): after a title or as a source it is the person.
    // An abbreviation's last period is a token of its own (`U.S` `.`): the
    // place may be listed with it (`U.S.`), and the mention then takes it.
    let with_period = (infos[end - 1].norm.contains('.')
        && infos.get(end).is_some_and(|w| w.norm == "."))
    .then_some(end + 1);
    let (place, end) = match lists.place(&name_key(infos, start, end)) {
        Some(p) => (Some(p), end),
        None => with_period
            .and_then(|e| listed_place(lists, &name_key(infos, start, e)).map(|p| (Some(p), e)))
            .unwrap_or((None, end)),
    };
    let place = place.filter(|p| !(p.kind == PlaceKind::GeoNamesCity && (titled || speaks)));
    let (kind, confidence) = if has(Cue::OrgHead) {
        (NerKind::Organization, LATIN_CONFIDENCE)
    } else if (has(Cue::EventHead) || words[words.len() - 1].norm == "open") && end - start > 1 {
        // `Open` ends the name of a tournament (`French Open`, `US Open`);
        // it opens others' (`Open Society`).
        (NerKind::Event, LATIN_CONFIDENCE)
    } else if place.is_none() && !titled && is_national_institution(words, lists) {
        (NerKind::Organization, LATIN_GUESS_CONFIDENCE)
    } else if let Some(p) = place {
        let kind = match p.kind {
            PlaceKind::Demonym => NerKind::Norp,
            _ => NerKind::Location,
        };
        (kind, LATIN_CONFIDENCE)
    } else if !titled && end - start == 1 && lists.country_by_demonym(&words[0].norm).is_some() {
        // A country by the demonym it makes (`America`: `American`).
        (NerKind::Location, LATIN_CONFIDENCE)
    } else if let Some(kind) = (!titled && end - start > 1)
        .then(|| named_after_a_place(infos, start, end, lists))
        .flatten()
    {
        (kind, LATIN_GUESS_CONFIDENCE)
    } else if !titled && end - start > 1 && names_an_institution(words, lists) {
        (NerKind::Organization, LATIN_GUESS_CONFIDENCE)
    } else if after_a_place_noun(infos, start) {
        (NerKind::Location, LATIN_GUESS_CONFIDENCE)
    } else if titled || (speaks && end - start > 1) {
        (NerKind::Person, LATIN_CONFIDENCE)
    } else if is_dateline(infos, start, end) {
        (NerKind::Location, LATIN_GUESS_CONFIDENCE)
    } else if start > 1 && is_dateline(infos, 0, start - 1) {
        // The agency of a dateline, in its parentheses (`WASHINGTON
        // (Reuters) -`).
        (NerKind::Organization, LATIN_GUESS_CONFIDENCE)
    } else if end - start == 1 && words[0].shape == shape::UPPER && !words[0].norm.contains('.') {
        (NerKind::Organization, LATIN_GUESS_CONFIDENCE)
    } else if end - start > 1 && !opens_with_a_common_word(words, lists) {
        (NerKind::Person, LATIN_GUESS_CONFIDENCE)
    } else if end - start > 1 {
        (NerKind::Misc, LATIN_GUESS_CONFIDENCE)
    } else if start > 0 && LATIN_PLACE_PREPOSITIONS.contains(&infos[start - 1].norm.as_str()) {
        (NerKind::Location, LATIN_GUESS_CONFIDENCE)
    } else if start == 0 || !sentence_middle(infos, start) {
        return None;
    } else if speaks {
        (NerKind::Person, LATIN_GUESS_CONFIDENCE)
    } else {
        (NerKind::Misc, LATIN_GUESS_CONFIDENCE)
    };
    Some(Found::new(start, end, kind, confidence))
}

/// English nouns of a kind of place, which name the place after `of`
/// (`the city of Aleppo`, `the port of Hodeidah`).
const LATIN_PLACE_NOUNS: [&str; 12] = [
    "city",
    "town",
    "village",
    "port",
    "province",
    "region",
    "district",
    "governorate",
    "county",
    "island",
    "enclave",
    "suburb",
];

/// Whether the name at `start` follows a noun of a kind of place in lower
/// case and `of` (`the town of Kafr Nabl`): that place.
fn after_a_place_noun(infos: &[WordInfo], start: usize) -> bool {
    start >= 2
        && infos[start - 1].norm == "of"
        && infos[start - 2].shape == shape::LOWER
        && LATIN_PLACE_NOUNS.contains(&infos[start - 2].norm.as_str())
}

/// English words of direction before a place that make a part of it
/// (`Eastern Ukraine`, `Greater London`).
const LATIN_DIRECTIONS: [&str; 16] = [
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "greater",
    "upper",
    "lower",
];

/// The type of a run of two words or more that is no listed place but is
/// made from one: a place with a place word (`Gaza Strip`, `Kurdistan
/// Region`, `Red Sea`) or a direction (`Eastern Ukraine`) is a LOCATION; a
/// run that starts or ends with a country or city name is named after it,
/// an ORGANIZATION (`Bayern Munich`, `Real Madrid`, `Air France`), unless
/// it starts with a given name (`Paris Hilton`, `John Denver`).
fn named_after_a_place(
    infos: &[WordInfo],
    start: usize,
    end: usize,
    lists: &super::gazetteer::Lists,
) -> Option<NerKind> {
    let words = &infos[start..end];
    if words.iter().any(|w| w.cue == Cue::LocHead.code()) {
        return Some(NerKind::Location);
    }
    let is_place = |key: &str| {
        lists
            .place(key)
            .is_some_and(|p| !matches!(p.kind, PlaceKind::Demonym | PlaceKind::Region))
    };
    if LATIN_DIRECTIONS.contains(&words[0].norm.as_str())
        && is_place(&name_key(infos, start + 1, end))
    {
        return Some(NerKind::Location);
    }
    let first = &words[0].norm;
    let last = &words[words.len() - 1].norm;
    if lists.english_word(first) == Some(super::gazetteer::EnglishWord::GivenName) {
        return None;
    }
    (is_place(first) || is_place(last)).then_some(NerKind::Organization)
}

/// Dashes that end a news dateline.
const DATELINE_DASHES: [&str; 3] = ["-", "\u{2013}", "\u{2014}"];

/// Whether words `start..end` are a news dateline's place: all capitals at
/// the start of the sentence, then a dash, or an agency in parentheses and a
/// dash (`WASHINGTON (Reuters) -`, `SAN JUAN —`). An acronym in the same
/// place is followed by its expansion and no dash (`NATO (North Atlantic
/// Treaty Organization) said`).
fn is_dateline(infos: &[WordInfo], start: usize, end: usize) -> bool {
    let dash = |i: usize| {
        infos
            .get(i)
            .is_some_and(|w| DATELINE_DASHES.contains(&w.norm.as_str()))
    };
    if start != 0 || !infos[start..end].iter().all(|w| w.shape == shape::UPPER) {
        return false;
    }
    if dash(end) {
        return true;
    }
    infos.get(end).is_some_and(|w| w.norm == "(")
        && (end + 2..(end + 5).min(infos.len()))
            .find(|&i| infos[i].norm == ")")
            .is_some_and(|close| dash(close + 1))
}

/// Whether a capitalized run with no cue names an institution rather than
/// a person: it ends with a frequent English word that is no name and does
/// not start with a given name (`Federal Reserve`, `United Nations`,
/// `Manchester United`; not `Donald Trump`, `John Smith`, `Rishi Sunak`), or
/// every word of it is a frequent word, some of them common surnames too
/// (`White House`; not `Gordon Brown`, whose first word is a given name,
/// nor `Condoleezza Rice`, whose first word is no frequent word).
fn names_an_institution(words: &[WordInfo], lists: &super::gazetteer::Lists) -> bool {
    use super::gazetteer::EnglishWord;
    let role = |w: &WordInfo| lists.english_word(&w.norm);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let ends_common =
        role(last) == Some(EnglishWord::Common) && role(first) != Some(EnglishWord::GivenName);
    ends_common
        || words
            .iter()
            .all(|w| matches!(role(w), Some(EnglishWord::Common | EnglishWord::Surname)))
}

/// Whether a capitalized run opens with a frequent English word that is
/// no name (`Old Trafford`, `Golden Gate`): a person's name opens with a
/// given name, and the Census lists the given names that are words too
/// (`Mark`, `Grant`, `Hope`).
fn opens_with_a_common_word(words: &[WordInfo], lists: &super::gazetteer::Lists) -> bool {
    use super::gazetteer::EnglishWord;
    words
        .first()
        .is_some_and(|w| lists.english_word(&w.norm) == Some(EnglishWord::Common))
}

/// Whether the word before `i` is a lower-case word or a comma (so a
/// capital at `i` is not the capital of a sentence start).
fn sentence_middle(infos: &[WordInfo], i: usize) -> bool {
    i > 0
        && (matches!(
            infos[i - 1].shape,
            shape::LOWER | shape::CAPITALIZED | shape::UPPER
        ) || infos[i - 1].norm == ",")
}

/// The span of a mention, its first word's proclitics left out; a person's
/// first word that is, whole, a listed given name keeps them (`فيصل بن
/// فرحان` is no `ف` + `يصل`, "arrives", though the verb is more common),
/// unless the word is very common ([`COMMON_AS_A_PHRASE_ZIPF`]).
fn trimmed_span(text: &str, tokens: &[Token], infos: &[WordInfo], f: &Found) -> Span {
    let end = tokens[f.end - 1].span.end;
    let first = &infos[f.start];
    if f.kind == NerKind::Person
        && !first.proclitics.is_empty()
        && first.zipf < COMMON_AS_A_PHRASE_ZIPF
        && lists().person_name(&first.norm).given >= GIVEN_NAME_KEPT_WHOLE
    {
        return Span::new(tokens[f.start].span.start, end);
    }
    let first = word_span(text, &tokens[f.start], first);
    Span::new(first.start, end)
}

/// People (in `data/person_names.tsv`) a word must name as their given
/// name for a person's first word to be read whole.
const GIVEN_NAME_KEPT_WHOLE: u32 = 10;

/// The Zipf bucket from which a given name with a proclitic's letter first
/// is more often that proclitic and a word (`باسم`, Basim, is 5.4 as
/// `ب` + `اسم`, "in the name of"; `فيصل` 4.8).
const COMMON_AS_A_PHRASE_ZIPF: u8 = 5;

/// The span of the word `token` (with its `info`), its proclitics left out,
/// unless the whole word is a listed place (`بكين` is Beijing, not `ب` +
/// `كين`) or more common than what is left without them
/// ([`Base::is_commoner_than_its_stem`](super::features::Base::is_commoner_than_its_stem)).
/// The future's `س` and what follows it stay: it goes on verbs, never on a
/// name (`شركة سياك` is no `س` + `ياك`).
pub(super) fn word_span(text: &str, token: &Token, info: &WordInfo) -> Span {
    let word = token.span;
    let start = if lists().place(&info.norm).is_some() || info.is_commoner_than_its_stem() {
        word.start
    } else if info.proclitics.is_empty() {
        word.start + unlisted_proclitic(word.slice(text))
    } else {
        split_clitics(text, word, CliticConvention::Treebank)
            .iter()
            .find(|m| m.role != MorphemeRole::Proclitic || m.span.slice(text) == "س")
            .map_or(word.start, |m| m.span.start)
    };
    Span::new(start, word.end)
}

/// Proclitics the clitic splitter cannot see on a name it does not know
/// (`وأردوغان` when `أردوغان` is not in the word list): bytes of a leading
/// `و` `ب` `ل` `ف` `ك` when the whole word is not a listed word and what is
/// left (three letters or more) is a listed word or a place; a leading `و`
/// also when neither is listed (an Arabic name seldom starts with `و` +
/// something unknown). 0 otherwise.
fn unlisted_proclitic(word: &str) -> usize {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let rest = chars.as_str();
    if !matches!(first, 'و' | 'ب' | 'ل' | 'ف' | 'ك') || rest.chars().count() < 3 {
        return 0;
    }
    let known = |w: &str| zipf(&letters_key(w)).is_some();
    if known(word) || !rest.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return 0;
    }
    if known(rest) || lists().place(&fold(rest)).is_some() || first == 'و' {
        first.len_utf8()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ner::features::word_infos;

    fn person(start: usize, end: usize) -> Found {
        Found::new(start, end, NerKind::Person, 0.8)
    }

    fn spans(found: &[Found]) -> Vec<(usize, usize)> {
        found.iter().map(|f| (f.start, f.end)).collect()
    }

    #[test]
    fn a_name_that_ends_in_a_connector_goes_on_into_the_next() {
        let infos = word_infos(&["استقبل", "حمد", "بن", "جاسم", "آل", "ثاني", "الوفد"]);
        let mut found = vec![person(1, 5), person(5, 6)];
        join_names_across_connectors(&infos, &mut found);
        assert_eq!(spans(&found), [(1, 6)]);
        // Two names side by side without a connector stay two.
        let infos = word_infos(&["التقى", "حمد", "جاسم", "سعيد", "خالد"]);
        let mut found = vec![person(1, 3), person(3, 5)];
        join_names_across_connectors(&infos, &mut found);
        assert_eq!(spans(&found), [(1, 3), (3, 5)]);
        // Nor a place after a name that ends in one.
        let infos = word_infos(&["وصل", "حمد", "بن", "دمشق"]);
        let mut found = vec![person(1, 3), Found::new(3, 4, NerKind::Location, 0.8)];
        join_names_across_connectors(&infos, &mut found);
        assert_eq!(spans(&found), [(1, 3), (3, 4)]);
    }
}
