//! Features of a word in its sentence, as 64-bit hashes: the word, its
//! folded form, affixes, its stem without clitics, its shape, the words
//! around it, gazetteer membership, cue words before it and how common it
//! is, whether it is a listed given name or surname, and what the rest of the
//! document says of the same stem ([`DocContext`]). Training and tagging
//! compute them with the same code, so a model is bound to
//! [`FEATURE_SET_VERSION`].

use std::ops::Deref;
use std::rc::Rc;

use super::gazetteer::{fold, lists, longest_place, Cue};
use super::model::FeatureMap;
use super::NerKind;
use crate::core::segment::{split_clitics, CliticConvention, MorphemeRole};
use crate::core::span::Span;
use crate::core::wordfreq::{letters_key, zipf};

/// The version of the feature templates below; a model trained with another
/// version is refused.
pub const FEATURE_SET_VERSION: u16 = 2;

/// What the features of a word are computed from that depends on the
/// word alone (computed once per distinct word of a document).
#[derive(Clone, Debug, Default)]
pub struct Base {
    /// Folded (SEARCH-profile Arabic folds, ASCII lowercase).
    pub norm: String,
    /// Folded, clitics off, article kept (`والسورية` -> `السوريه`).
    pub stem_article: String,
    /// Folded, clitics and article off (`والسورية` -> `سوريه`).
    pub stem: String,
    /// The proclitics taken off, folded and joined (`وب`), or empty.
    pub proclitics: String,
    /// Whether the clitic splitter took a pronoun off the end (`كتابي`:
    /// `كتاب` + `ي`).
    pub enclitic: bool,
    pub shape: u8,
    /// Cue role code of the word (or its stem), 0 for none.
    pub cue: u8,
    /// Zipf frequency bucket of the word as written (0: not listed).
    pub zipf: u8,
    /// Zipf bucket of the stem (0: not listed).
    pub stem_zipf: u8,
    /// Person-name lists: given-name bucket (0-3) + 4 x surname bucket (0-3).
    pub name: u8,
    /// A hash of `stem`, the key of the document-level contexts.
    pub stem_key: u64,
    /// The word's part in its own and its neighbours' features.
    pub hashes: WordHashes,
}

impl Base {
    /// Whether the word is listed as a given name.
    pub fn is_given_name(&self) -> bool {
        self.given_name_bucket() != 0
    }

    /// How many people carry the word as a given name, as a bucket (0: not
    /// listed; 1: under 10; 2: under 100; 3: more).
    pub fn given_name_bucket(&self) -> u8 {
        self.name & 3
    }

    /// The same bucket for the word as a surname.
    pub fn surname_bucket(&self) -> u8 {
        self.name >> 2
    }

    /// Whether the word is written with the article (`ال`).
    pub fn has_article(&self) -> bool {
        self.norm.starts_with("ال")
    }

    /// Whether the word as written is more common than its stem: what the
    /// clitic splitter took for a proclitic is then the word's own first
    /// letter (`باراك`, not `ب` + `اراك`; a word with a clitic is rarer
    /// than the word alone).
    pub fn is_commoner_than_its_stem(&self) -> bool {
        self.zipf > self.stem_zipf
    }
}

/// A word in its sentence: its [`Base`] and what depends on its neighbours.
#[derive(Clone, Debug)]
pub struct WordInfo {
    base: Rc<Base>,
    /// Gazetteer: 0, or a place kind code, +8 when inside (not first) a name.
    pub gazetteer: u8,
}

impl WordInfo {
    /// The gazetteer mark as the tagger's features see it: 0 for a
    /// [`PlaceKind::GeoNamesCity`](super::gazetteer::PlaceKind::GeoNamesCity),
    /// which the shipped model was not trained with.
    pub fn trained_gazetteer(&self) -> u8 {
        if self.gazetteer & 7 == super::gazetteer::PlaceKind::GeoNamesCity.code() {
            0
        } else {
            self.gazetteer
        }
    }
}

impl Deref for WordInfo {
    type Target = Base;
    fn deref(&self) -> &Base {
        &self.base
    }
}

/// Distinct words already seen in a document, with their [`Base`]
/// (foldhash: the keys are short words, hashed once per token).
#[derive(Default)]
pub struct Cache(foldhash::HashMap<String, Rc<Base>>);

/// Distinct words a [`Cache`] keeps before it starts over (bounds memory).
const CACHE_WORDS: usize = 50_000;

impl Cache {
    /// Distinct words kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no word is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every word.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    fn get(&mut self, word: &str) -> Rc<Base> {
        if let Some(b) = self.0.get(word) {
            return b.clone();
        }
        if self.0.len() >= CACHE_WORDS {
            self.0.clear();
        }
        let base = Rc::new(word_info(word));
        self.0.insert(word.to_string(), base.clone());
        base
    }
}

/// Word shapes.
pub mod shape {
    pub const ARABIC: u8 = b'a';
    pub const CAPITALIZED: u8 = b'C';
    pub const UPPER: u8 = b'U';
    pub const LOWER: u8 = b'l';
    pub const MIXED: u8 = b'm';
    pub const DIGITS: u8 = b'd';
    pub const PUNCTUATION: u8 = b'p';
    pub const OTHER: u8 = b'o';
}

/// The shape of a word.
pub fn word_shape(word: &str) -> u8 {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return shape::OTHER;
    };
    if ('\u{0600}'..='\u{06FF}').contains(&first) || ('\u{0750}'..='\u{077F}').contains(&first) {
        return shape::ARABIC;
    }
    if first.is_numeric() {
        return shape::DIGITS;
    }
    if first.is_alphabetic() {
        let rest_lower = chars.clone().all(|c| !c.is_uppercase());
        let rest_upper = chars.all(|c| !c.is_lowercase());
        return match (first.is_uppercase(), rest_lower, rest_upper) {
            (true, _, true) if word.chars().count() > 1 => shape::UPPER,
            (true, true, _) => shape::CAPITALIZED,
            (false, true, _) => shape::LOWER,
            _ => shape::MIXED,
        };
    }
    if first.is_ascii_punctuation() || matches!(first, '،' | '؛' | '؟' | '«' | '»' | '“' | '”')
    {
        return shape::PUNCTUATION;
    }
    shape::OTHER
}

/// How many people carry a name, in four steps (0: not listed).
fn name_bucket(people: u32) -> u8 {
    match people {
        0 => 0,
        1..=9 => 1,
        10..=99 => 2,
        _ => 3,
    }
}

fn bucket(z: Option<f32>) -> u8 {
    z.map_or(0, |z| z.clamp(1.0, 8.0) as u8)
}

/// The infos of the words of one sentence (`words` as written).
pub fn word_infos(words: &[&str]) -> Vec<WordInfo> {
    word_infos_cached(words, &mut Cache::default())
}

/// [`word_infos`], taking the facts of words seen before from `cache`.
pub fn word_infos_cached(words: &[&str], cache: &mut Cache) -> Vec<WordInfo> {
    let mut infos: Vec<WordInfo> = words
        .iter()
        .map(|w| WordInfo {
            base: cache.get(w),
            gazetteer: 0,
        })
        .collect();
    let norms: Vec<&str> = infos.iter().map(|i| i.norm.as_str()).collect();
    let mut marks = vec![0u8; words.len()];
    let mut i = 0;
    while i < words.len() {
        // A place name takes proclitics (`بموسكو`) but no pronoun after it:
        // a word that is a place only without its last letters is some
        // other word (`صهيوني`, Zionist, is not `صهيون` + `ي`).
        let found = longest_place(&infos[i].norm, &norms, i).or_else(|| {
            (!infos[i].enclitic)
                .then(|| longest_place(&infos[i].stem_article, &norms, i))
                .flatten()
        });
        match found {
            Some((len, place)) => {
                marks[i] = place.kind.code();
                for m in marks.iter_mut().skip(i + 1).take(len - 1) {
                    *m = place.kind.code() + 8;
                }
                i += len;
            }
            None => i += 1,
        }
    }
    for (info, mark) in infos.iter_mut().zip(marks) {
        info.gazetteer = mark;
    }
    infos
}

/// The facts of one word alone.
pub fn word_info(word: &str) -> Base {
    let shape = word_shape(word);
    let norm = fold(word);
    let mut info = Base {
        shape,
        ..Base::default()
    };
    if shape == shape::ARABIC {
        let key = letters_key(word);
        info.zipf = bucket(zipf(&key));
        let morphemes = split_clitics(word, Span::new(0, word.len()), CliticConvention::Treebank);
        for m in &morphemes {
            match m.role {
                MorphemeRole::Proclitic => info.proclitics.push_str(&m.form),
                MorphemeRole::Stem | MorphemeRole::Article => {
                    if info.stem_article.is_empty() {
                        info.stem_zipf = bucket(zipf(&m.form));
                        info.stem_article = fold(&m.form);
                    }
                }
                MorphemeRole::Enclitic => info.enclitic = true,
            }
        }
        if info.stem_article.is_empty() {
            info.stem_article = norm.clone();
        }
        info.stem = strip_article(&info.stem_article).to_string();
    } else {
        info.stem_article = norm.clone();
        info.stem = norm.clone();
    }
    let lists = lists();
    info.cue = lists
        .cue(&norm)
        .or_else(|| lists.cue(&info.stem_article))
        .map_or(0, |c| c.code());
    let name = [&norm, &info.stem_article, &info.stem]
        .into_iter()
        .map(|w| lists.person_name(w))
        .find(|n| n.given + n.surname > 0)
        .unwrap_or_default();
    info.name = name_bucket(name.given) | name_bucket(name.surname) << 2;
    info.stem_key = {
        let mut h = Hasher::new(0xff);
        h.str(&info.stem);
        h.0
    };
    info.norm = norm;
    info.hashes = WordHashes::of(&info);
    info
}

/// What the whole document says of each stem: a mask of
/// [`DocContext`] bits over all the stem's occurrences, so that a name
/// seen once after a title (`الرئيس X`) is known as a name everywhere.
#[derive(Default)]
pub struct DocContext(FeatureMap<u8>);

impl DocContext {
    /// An occurrence follows a title (`الرئيس X`).
    pub const AFTER_TITLE: u8 = 1;
    /// An occurrence follows a listed given name.
    pub const AFTER_GIVEN_NAME: u8 = 2;
    /// An occurrence comes before a listed given name or surname.
    pub const BEFORE_NAME: u8 = 4;
    /// An occurrence follows an organization head word, one or two words back.
    pub const AFTER_ORG_HEAD: u8 = 8;
    /// An occurrence is inside a gazetteer place name.
    pub const IN_PLACE: u8 = 16;
    /// An occurrence carries the article.
    pub const WITH_ARTICLE: u8 = 32;
    /// An occurrence follows a verb of saying.
    pub const AFTER_SPEECH: u8 = 64;
    /// An occurrence follows a place head word (`مدينة X`).
    pub const AFTER_PLACE_HEAD: u8 = 128;

    /// The context of a document given as its sentences' word infos.
    pub fn build<'a>(sentences: impl IntoIterator<Item = &'a [WordInfo]>) -> DocContext {
        let mut map: FeatureMap<u8> = FeatureMap::default();
        for infos in sentences {
            for (i, w) in infos.iter().enumerate() {
                if !matches!(
                    w.shape,
                    shape::ARABIC | shape::CAPITALIZED | shape::UPPER | shape::MIXED
                ) || w.stem.chars().count() < 2
                {
                    continue;
                }
                let cue = |j: usize| i.checked_sub(j).map_or(0, |k| infos[k].cue);
                let mut mask = 0;
                if cue(1) == Cue::Title.code() {
                    mask |= Self::AFTER_TITLE;
                }
                if i > 0 && infos[i - 1].is_given_name() {
                    mask |= Self::AFTER_GIVEN_NAME;
                }
                if infos.get(i + 1).is_some_and(|n| n.name != 0) {
                    mask |= Self::BEFORE_NAME;
                }
                if cue(1) == Cue::OrgHead.code() || cue(2) == Cue::OrgHead.code() {
                    mask |= Self::AFTER_ORG_HEAD;
                }
                if w.trained_gazetteer() != 0 {
                    mask |= Self::IN_PLACE;
                }
                if w.stem != w.stem_article {
                    mask |= Self::WITH_ARTICLE;
                }
                if cue(1) == Cue::Speech.code() {
                    mask |= Self::AFTER_SPEECH;
                }
                if cue(1) == Cue::LocHead.code() {
                    mask |= Self::AFTER_PLACE_HEAD;
                }
                *map.entry(w.stem_key).or_default() |= mask;
            }
        }
        DocContext(map)
    }

    /// The mask of a word's stem (0 for one not seen).
    pub fn mask(&self, word: &Base) -> u8 {
        self.0.get(&word.stem_key).copied().unwrap_or(0)
    }
}

/// `word` without a leading article `ال` (when something is left).
pub fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    }
}

/// The entity types a first tagging stage gave each stem of a document,
/// as a mask of [`NerKind`] bits, read by the second stage.
#[derive(Default)]
pub struct TypeContext(FeatureMap<u8>);

impl TypeContext {
    /// The types of the stems of `sentences` under `tags` (first-stage tag
    /// indices, whose `meanings` are given).
    pub fn build<'a>(
        sentences: impl IntoIterator<Item = (&'a [WordInfo], &'a [usize])>,
        meanings: &[Option<(NerKind, bool)>],
    ) -> TypeContext {
        let mut map: FeatureMap<u8> = FeatureMap::default();
        for (infos, tags) in sentences {
            for (w, &tag) in infos.iter().zip(tags) {
                if let Some((kind, _)) = meanings[tag] {
                    *map.entry(w.stem_key).or_default() |= 1 << kind as u8;
                }
            }
        }
        TypeContext(map)
    }

    /// The mask of a word's stem (0 for one never tagged).
    pub fn mask(&self, word: &Base) -> u8 {
        self.0.get(&word.stem_key).copied().unwrap_or(0)
    }
}

/// The features the second stage adds for word `i`: the first stage's
/// tags around it and the types the first stage gave its stem anywhere in
/// the document.
pub fn stage_features(
    infos: &[WordInfo],
    tags: &[usize],
    types: &TypeContext,
    i: usize,
    out: &mut Vec<u64>,
) {
    let tag = |j: isize| -> u8 {
        let k = i as isize + j;
        if k < 0 {
            0xfe
        } else {
            tags.get(k as usize).map_or(0xff, |&t| t as u8)
        }
    };
    let own = types.mask(&infos[i]);
    feature_bytes(out, 60, &[tag(0)]);
    feature_bytes(out, 61, &[tag(-1), tag(0)]);
    feature_bytes(out, 62, &[tag(0), tag(1)]);
    feature_bytes(out, 63, &[own]);
    for bit in 0..6 {
        if own & (1 << bit) != 0 {
            feature_bytes(out, 64, &[bit]);
        }
    }
}

/// A feature hash: FNV-1a over the template number and the parts.
struct Hasher(u64);

impl Hasher {
    fn new(template: u8) -> Hasher {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn str(&mut self, s: &str) -> &mut Hasher {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
}

fn feature(out: &mut Vec<u64>, template: u8, parts: &[&str]) {
    let mut h = Hasher::new(template);
    for p in parts {
        h.str(p);
    }
    out.push(h.0);
}

fn feature_bytes(out: &mut Vec<u64>, template: u8, bytes: &[u8]) {
    let mut h = Hasher::new(template);
    for &b in bytes {
        h.byte(b);
    }
    out.push(h.0);
}

/// The first `n` chars of `s` (all of it when shorter).
fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

/// The last `n` chars of `s`, when `s` is longer than `n`.
fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

const START: &str = "<s>";
const END: &str = "</s>";

/// Templates whose first part is a word's folded form, in the order of
/// [`WordHashes::norm`].
const NORM_TEMPLATES: [u8; 8] = [1, 12, 13, 14, 15, 18, 19, 34];
/// Templates whose first part is a word's stem, in the order of
/// [`WordHashes::stem`].
const STEM_TEMPLATES: [u8; 6] = [2, 16, 17, 32, 37, 38];

/// One word's part in the features of its sentence, hashed once per
/// distinct word: for each template that begins with the word's folded
/// form or stem, the hash of that part alone (the whole feature for one
/// part, the hasher's state to go on from for two), and the word's own
/// affix, shape and clitic features.
#[derive(Clone, Debug, Default)]
pub struct WordHashes {
    /// Per [`NORM_TEMPLATES`].
    norm: [u64; NORM_TEMPLATES.len()],
    /// Per [`STEM_TEMPLATES`].
    stem: [u64; STEM_TEMPLATES.len()],
    /// Templates 3 to 10 (prefixes and suffixes of the folded form,
    /// suffixes of the stem), as many as the word is long enough for.
    affixes: [u64; 8],
    affix_count: u8,
    /// Templates 35 and 36 (prefixes of the stem), as many as there are.
    stem_prefixes: [u64; 2],
    stem_prefix_count: u8,
    /// Template 11: shape and length.
    shape_length: u64,
    /// Template 28: the proclitics and the article.
    clitics: u64,
}

impl WordHashes {
    /// The hashes of a word with these facts (its `hashes` aside).
    fn of(word: &Base) -> WordHashes {
        let mut hashes = WordHashes::of_parts(&word.norm, &word.stem);
        let mut out = Vec::with_capacity(8);
        for n in 1..=3 {
            if let Some(p) = prefix(&word.norm, n) {
                feature(&mut out, 2 + n as u8, &[p]);
            }
            if let Some(s) = suffix(&word.norm, n) {
                feature(&mut out, 5 + n as u8, &[s]);
            }
        }
        for n in 2..=3 {
            if let Some(s) = suffix(&word.stem, n) {
                feature(&mut out, 7 + n as u8, &[s]);
            }
        }
        hashes.affixes[..out.len()].copy_from_slice(&out);
        hashes.affix_count = out.len() as u8;
        out.clear();
        for n in 2..=3 {
            if let Some(p) = prefix(&word.stem, n) {
                feature(&mut out, 33 + n as u8, &[p]);
            }
        }
        hashes.stem_prefixes[..out.len()].copy_from_slice(&out);
        hashes.stem_prefix_count = out.len() as u8;
        out.clear();
        feature_bytes(&mut out, 11, &[word.shape, length_bucket(&word.norm)]);
        let article = if word.stem != word.stem_article {
            "ال"
        } else {
            ""
        };
        feature(&mut out, 28, &[&word.proclitics, article]);
        hashes.shape_length = out[0];
        hashes.clitics = out[1];
        hashes
    }

    /// The hashes of the templates that begin with `norm` or `stem`.
    fn of_parts(norm: &str, stem: &str) -> WordHashes {
        let alone = |template: u8, part: &str| {
            let mut h = Hasher::new(template);
            h.str(part);
            h.0
        };
        WordHashes {
            norm: NORM_TEMPLATES.map(|t| alone(t, norm)),
            stem: STEM_TEMPLATES.map(|t| alone(t, stem)),
            ..WordHashes::default()
        }
    }

    /// The hash of `template` (one of [`NORM_TEMPLATES`]) over the folded
    /// form.
    fn norm(&self, template: u8) -> u64 {
        let at = NORM_TEMPLATES.iter().position(|&t| t == template);
        self.norm[at.expect("a template of the folded form")]
    }

    /// The hash of `template` (one of [`STEM_TEMPLATES`]) over the stem.
    fn stem(&self, template: u8) -> u64 {
        let at = STEM_TEMPLATES.iter().position(|&t| t == template);
        self.stem[at.expect("a template of the stem")]
    }

    fn affixes(&self) -> &[u64] {
        &self.affixes[..usize::from(self.affix_count)]
    }

    fn stem_prefixes(&self) -> &[u64] {
        &self.stem_prefixes[..usize::from(self.stem_prefix_count)]
    }
}

/// A feature of two parts: `first` (the hash of the template and the first
/// part, from [`WordHashes`]) followed by `second`.
fn then(first: u64, second: &str) -> u64 {
    let mut h = Hasher(first);
    h.str(second);
    h.0
}

/// What the features of a word read of a neighbour: its folded form, stem
/// and their hashes (the sentence's ends stand for words of their own).
struct Neighbour<'a> {
    norm: &'a str,
    stem: &'a str,
    hashes: &'a WordHashes,
}

/// The hashes of the sentence's start and end as neighbours.
fn boundary_hashes() -> &'static [WordHashes; 2] {
    static HASHES: std::sync::OnceLock<[WordHashes; 2]> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        [
            WordHashes::of_parts(START, START),
            WordHashes::of_parts(END, END),
        ]
    })
}

/// The word `j` places from word `i` of `infos`, or the sentence's start or
/// end past it.
fn neighbour(infos: &[WordInfo], i: usize, j: isize) -> Neighbour<'_> {
    let k = i as isize + j;
    let (end, hashes) = if k < 0 {
        (START, &boundary_hashes()[0])
    } else if let Some(x) = infos.get(k as usize) {
        return Neighbour {
            norm: &x.norm,
            stem: &x.stem,
            hashes: &x.hashes,
        };
    } else {
        (END, &boundary_hashes()[1])
    };
    Neighbour {
        norm: end,
        stem: end,
        hashes,
    }
}

/// The features of word `i` of a sentence of a document whose context is
/// `doc`, appended to `out`. The parts that depend on one word alone come
/// hashed from its [`WordHashes`].
pub fn features(infos: &[WordInfo], i: usize, doc: &DocContext, out: &mut Vec<u64>) {
    let w = &infos[i];
    let h = &w.hashes;
    let (before2, before, after, after2) = (
        neighbour(infos, i, -2),
        neighbour(infos, i, -1),
        neighbour(infos, i, 1),
        neighbour(infos, i, 2),
    );
    let at = |j: isize| -> Option<&WordInfo> {
        let k = i as isize + j;
        (k >= 0).then(|| infos.get(k as usize)).flatten()
    };
    let byte = |j: isize, f: fn(&WordInfo) -> u8| at(j).map_or(0xfe, f);
    feature(out, 0, &[]);
    out.push(h.norm(1));
    out.push(h.stem(2));
    out.extend_from_slice(h.affixes());
    out.push(h.shape_length);
    out.push(before.hashes.norm(12));
    out.push(before2.hashes.norm(13));
    out.push(after.hashes.norm(14));
    out.push(after2.hashes.norm(15));
    out.push(before.hashes.stem(16));
    out.push(after.hashes.stem(17));
    out.push(then(before.hashes.norm(18), &w.norm));
    out.push(then(h.norm(19), after.norm));
    feature_bytes(out, 20, &[w.trained_gazetteer()]);
    feature_bytes(out, 21, &[byte(-1, |x| x.trained_gazetteer())]);
    feature_bytes(out, 22, &[byte(1, |x| x.trained_gazetteer())]);
    feature_bytes(out, 23, &[byte(-1, |x| x.cue)]);
    feature_bytes(out, 24, &[byte(-2, |x| x.cue)]);
    feature_bytes(out, 25, &[w.cue]);
    feature_bytes(out, 26, &[byte(1, |x| x.cue)]);
    feature_bytes(out, 27, &[w.zipf, w.stem_zipf]);
    out.push(h.clitics);
    feature_bytes(
        out,
        29,
        &[byte(-1, |x| x.shape), w.shape, byte(1, |x| x.shape)],
    );
    feature_bytes(out, 30, &[u8::from(i == 0), w.shape]);
    feature_bytes(
        out,
        31,
        &[byte(-1, |x| x.zipf), w.zipf, byte(1, |x| x.zipf)],
    );
    out.push(then(before.hashes.stem(32), &w.stem));
    feature_bytes(out, 33, &[w.trained_gazetteer(), byte(-1, |x| x.cue)]);
    out.push(then(before.hashes.norm(34), after.norm));
    out.extend_from_slice(h.stem_prefixes());
    out.push(then(before2.hashes.stem(37), before.stem));
    out.push(then(after.hashes.stem(38), after2.stem));
    feature_bytes(out, 39, &[w.name]);
    feature_bytes(out, 40, &[byte(-1, |x| x.name), w.name]);
    feature_bytes(out, 41, &[w.name, byte(1, |x| x.name)]);
    let mask = doc.mask(w);
    feature_bytes(out, 42, &[mask]);
    for bit in 0..8 {
        if mask & (1 << bit) != 0 {
            feature_bytes(out, 43, &[bit]);
        }
    }
    let doc_mask = |j: isize| at(j).map_or(0xff, |x| doc.mask(x));
    feature_bytes(out, 44, &[doc_mask(-1), mask]);
    feature_bytes(out, 45, &[mask, doc_mask(1)]);
}

fn length_bucket(s: &str) -> u8 {
    match s.chars().count() {
        0..=2 => 0,
        3 => 1,
        4..=5 => 2,
        6..=8 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`features`] as first written: every part hashed from its string
    /// for every word.
    fn features_from_strings(infos: &[WordInfo], i: usize, doc: &DocContext, out: &mut Vec<u64>) {
        let w = &infos[i];
        let norm = |j: isize| -> &str {
            let k = i as isize + j;
            if k < 0 {
                START
            } else {
                infos.get(k as usize).map_or(END, |x| x.norm.as_str())
            }
        };
        let stem = |j: isize| -> &str {
            let k = i as isize + j;
            if k < 0 {
                START
            } else {
                infos.get(k as usize).map_or(END, |x| x.stem.as_str())
            }
        };
        let at = |j: isize| -> Option<&WordInfo> {
            let k = i as isize + j;
            (k >= 0).then(|| infos.get(k as usize)).flatten()
        };
        let byte = |j: isize, f: fn(&WordInfo) -> u8| at(j).map_or(0xfe, f);
        feature(out, 0, &[]);
        feature(out, 1, &[&w.norm]);
        feature(out, 2, &[&w.stem]);
        for n in 1..=3 {
            if let Some(p) = prefix(&w.norm, n) {
                feature(out, 2 + n as u8, &[p]);
            }
            if let Some(s) = suffix(&w.norm, n) {
                feature(out, 5 + n as u8, &[s]);
            }
        }
        for n in 2..=3 {
            if let Some(s) = suffix(&w.stem, n) {
                feature(out, 7 + n as u8, &[s]);
            }
        }
        feature_bytes(out, 11, &[w.shape, length_bucket(&w.norm)]);
        feature(out, 12, &[norm(-1)]);
        feature(out, 13, &[norm(-2)]);
        feature(out, 14, &[norm(1)]);
        feature(out, 15, &[norm(2)]);
        feature(out, 16, &[stem(-1)]);
        feature(out, 17, &[stem(1)]);
        feature(out, 18, &[norm(-1), &w.norm]);
        feature(out, 19, &[&w.norm, norm(1)]);
        feature_bytes(out, 20, &[w.trained_gazetteer()]);
        feature_bytes(out, 21, &[byte(-1, |x| x.trained_gazetteer())]);
        feature_bytes(out, 22, &[byte(1, |x| x.trained_gazetteer())]);
        feature_bytes(out, 23, &[byte(-1, |x| x.cue)]);
        feature_bytes(out, 24, &[byte(-2, |x| x.cue)]);
        feature_bytes(out, 25, &[w.cue]);
        feature_bytes(out, 26, &[byte(1, |x| x.cue)]);
        feature_bytes(out, 27, &[w.zipf, w.stem_zipf]);
        feature(
            out,
            28,
            &[
                &w.proclitics,
                if w.stem != w.stem_article { "ال" } else { "" },
            ],
        );
        feature_bytes(
            out,
            29,
            &[byte(-1, |x| x.shape), w.shape, byte(1, |x| x.shape)],
        );
        feature_bytes(out, 30, &[u8::from(i == 0), w.shape]);
        feature_bytes(
            out,
            31,
            &[byte(-1, |x| x.zipf), w.zipf, byte(1, |x| x.zipf)],
        );
        feature(out, 32, &[stem(-1), &w.stem]);
        feature_bytes(out, 33, &[w.trained_gazetteer(), byte(-1, |x| x.cue)]);
        feature(out, 34, &[norm(-1), norm(1)]);
        for n in 2..=3 {
            if let Some(p) = prefix(&w.stem, n) {
                feature(out, 33 + n as u8, &[p]);
            }
        }
        feature(out, 37, &[stem(-2), stem(-1)]);
        feature(out, 38, &[stem(1), stem(2)]);
        feature_bytes(out, 39, &[w.name]);
        feature_bytes(out, 40, &[byte(-1, |x| x.name), w.name]);
        feature_bytes(out, 41, &[w.name, byte(1, |x| x.name)]);
        let mask = doc.mask(w);
        feature_bytes(out, 42, &[mask]);
        for bit in 0..8 {
            if mask & (1 << bit) != 0 {
                feature_bytes(out, 43, &[bit]);
            }
        }
        let doc_mask = |j: isize| at(j).map_or(0xff, |x| doc.mask(x));
        feature_bytes(out, 44, &[doc_mask(-1), mask]);
        feature_bytes(out, 45, &[mask, doc_mask(1)]);
    }

    #[test]
    fn features_from_word_hashes_agree_with_features_from_strings() {
        let mut text = crate::core::corpus::generate(100_000, 5);
        text.push_str("X . a b . ال . «و» 2024");
        let tokens = crate::core::segment::tokenize(&text);
        let mut cache = Cache::default();
        let infos: Vec<Vec<WordInfo>> = crate::core::ner::sentences(&text, &tokens)
            .into_iter()
            .map(|range| {
                let words: Vec<&str> = tokens[range].iter().map(|t| t.span.slice(&text)).collect();
                word_infos_cached(&words, &mut cache)
            })
            .collect();
        let doc = DocContext::build(infos.iter().map(Vec::as_slice));
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        for infos in &infos {
            for i in 0..infos.len() {
                fast.clear();
                slow.clear();
                features(infos, i, &doc, &mut fast);
                features_from_strings(infos, i, &doc, &mut slow);
                assert_eq!(fast, slow, "{:?} word {i}", infos[i].norm);
            }
        }
    }

    #[test]
    fn stems_lose_clitics_and_article() {
        let info = word_info("والسورية");
        assert_eq!(info.norm, "والسوريه");
        assert_eq!(info.stem_article, "السوريه");
        assert_eq!(info.stem, "سوريه");
        assert_eq!(info.proclitics, "و");
    }

    #[test]
    fn shapes() {
        for (w, s) in [
            ("سوريا", shape::ARABIC),
            ("Damascus", shape::CAPITALIZED),
            ("NATO", shape::UPPER),
            ("said", shape::LOWER),
            ("2024", shape::DIGITS),
            ("«", shape::PUNCTUATION),
        ] {
            assert_eq!(word_shape(w), s, "{w}");
        }
    }

    #[test]
    fn a_place_marks_every_word_of_its_name() {
        let infos = word_infos(&["زار", "الولايات", "المتحدة", "أمس"]);
        let marks: Vec<u8> = infos.iter().map(|i| i.gazetteer).collect();
        assert_eq!(marks, [0, 1, 9, 0]);
    }
}
