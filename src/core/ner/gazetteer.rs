//! The sourced word lists the tagger reads: place names and demonyms
//! (`data/gazetteer.tsv`, Unicode CLDR, built by `scripts/build_gazetteer.sh`)
//! and cue words (`data/ner_cues.tsv`: titles, organization, place and event
//! heads, verbs of saying), and person names (`data/person_names.tsv`,
//! Wikidata given names and surnames, built by `scripts/build_person_names.sh`;
//! `data/latin_names.tsv`, the Arabic spellings of US Census names, built by
//! `scripts/build_latin_names.sh`).
//! All are compiled in and keyed by folded forms.

use std::sync::OnceLock;

use crate::core::extract::fold_into;

const GAZETTEER: &str = include_str!("../../../data/gazetteer.tsv");
const DEMONYMS_EN: &str = include_str!("../../../data/demonyms_en.tsv");
const CUES: &str = include_str!("../../../data/ner_cues.tsv");
const PERSON_NAMES: &str = include_str!("../../../data/person_names.tsv");
const LATIN_NAMES: &str = include_str!("../../../data/latin_names.tsv");
const ENGLISH_WORDS: &str = include_str!("../../../data/english_words.tsv");
const WORK_HEADS: &str = include_str!("../../../data/work_heads.tsv");
const VENUE_HEADS: &str = include_str!("../../../data/venue_heads.tsv");

/// Longest gazetteer name, in words.
pub const MAX_NAME_WORDS: usize = 4;

/// What a gazetteer name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    /// A demonym (nisba adjective) of a country.
    Demonym,
    /// A city of GeoNames' Arabic names that CLDR lacks. The shipped model
    /// was trained without them, so the tagger's features do not see them
    /// ([`WordInfo::trained_gazetteer`](super::features::WordInfo::trained_gazetteer)):
    /// only the rules do (a place the tagger left untagged, a first letter
    /// that is no clitic).
    GeoNamesCity,
}

impl PlaceKind {
    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "city" => PlaceKind::City,
            "demonym" => PlaceKind::Demonym,
            "geonames_city" => PlaceKind::GeoNamesCity,
            _ => return None,
        })
    }

    /// A small number for features (1..=5; less than 8).
    pub fn code(self) -> u8 {
        match self {
            PlaceKind::Country => 1,
            PlaceKind::Region => 2,
            PlaceKind::City => 3,
            PlaceKind::Demonym => 4,
            PlaceKind::GeoNamesCity => 5,
        }
    }
}

/// A gazetteer entry: its kind and its code (ISO 3166, M49 or a zone id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    pub code: &'static str,
    /// A city of a million people or more, or a capital, by this name
    /// (the gazetteer's fourth column); false for other kinds.
    pub major: bool,
}

/// What a cue word announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    Title,
    OrgHead,
    LocHead,
    EventHead,
    Speech,
    That,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "title" => Cue::Title,
            "org_head" => Cue::OrgHead,
            "loc_head" => Cue::LocHead,
            "event_head" => Cue::EventHead,
            "speech" => Cue::Speech,
            "that" => Cue::That,
            _ => return None,
        })
    }

    /// A small number for features (1..=6).
    pub fn code(self) -> u8 {
        self as u8 + 1
    }
}

/// Tables of the lists (foldhash: the keys are short words of our own
/// data, looked up for every word of a document).
type HashMap<K, V> = foldhash::HashMap<K, V>;
type HashSet<K> = foldhash::HashSet<K>;

/// The compiled lists.
pub struct Lists {
    places: HashMap<String, Place>,
    /// Folded names listed as a demonym, whatever else they name
    /// (`السعودية`: the country and the Saudi one).
    demonyms: HashSet<String>,
    first_words: HashSet<String>,
    cues: HashMap<String, Cue>,
    /// Folded name word: people who carry it as a given name, as a surname.
    names: HashMap<String, (u32, u32)>,
    /// Lower-case English words and what they are (`data/english_words.tsv`).
    english: HashMap<String, EnglishWord>,
    /// Folded words that announce the title of a work (`data/work_heads.tsv`).
    work_heads: HashSet<String>,
    /// Folded words for a sports venue before its name (`data/venue_heads.tsv`).
    venue_heads: HashSet<String>,
}

/// What `data/english_words.tsv` says of a lower-case English word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnglishWord {
    /// A given name of the US Census lists (`donald`, `may`).
    GivenName,
    /// A frequent word that is no common name (`reserve`, `nations`).
    Common,
    /// A frequent word that is also a common surname, and no given name
    /// (`white`, `house`, `brown`).
    Surname,
}

/// How many people carry a word as a given name and as a surname
/// (`data/person_names.tsv`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameCounts {
    pub given: u32,
    pub surname: u32,
}

/// The lists, parsed once per process.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(Lists::parse)
}

/// `word` folded as the lists are keyed (Arabic folds of the SEARCH profile,
/// ASCII lowercased).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Lists {
    fn parse() -> Lists {
        let mut places = HashMap::default();
        let mut first_words = HashSet::default();
        let mut demonyms = HashSet::default();
        for row in rows(GAZETTEER).chain(rows(DEMONYMS_EN)) {
            let (Some(name), Some(kind), Some(code)) = (row.first(), row.get(1), row.get(2)) else {
                panic!("data/gazetteer.tsv or demonyms_en.tsv: bad row {row:?}");
            };
            let kind = PlaceKind::parse(kind).expect("data/gazetteer.tsv: known kind");
            let key = name
                .split_whitespace()
                .map(fold)
                .collect::<Vec<_>>()
                .join(" ");
            if key.split(' ').count() > MAX_NAME_WORDS {
                continue;
            }
            first_words.insert(key.split(' ').next().unwrap_or_default().to_string());
            if kind == PlaceKind::Demonym {
                demonyms.insert(key.clone());
            }
            let major = row.get(3) == Some(&"major");
            // A country wins over a city of the same name (Kuwait, Djibouti);
            // a name is major when one of its cities is.
            let place = Place { kind, code, major };
            places
                .entry(key)
                .and_modify(|p: &mut Place| {
                    let major = p.major || major;
                    if kind.code() < p.kind.code() {
                        *p = place;
                    }
                    p.major = major;
                })
                .or_insert(place);
        }
        let cues = rows(CUES)
            .map(|row| {
                let cue = row.get(1).and_then(|c| Cue::parse(c));
                (fold(row[0]), cue.expect("data/ner_cues.tsv: known role"))
            })
            .collect();
        let mut names: HashMap<String, (u32, u32)> = HashMap::default();
        for row in rows(PERSON_NAMES).chain(rows(LATIN_NAMES)) {
            let (Some(name), Some(role), Some(count)) = (row.first(), row.get(1), row.get(2))
            else {
                panic!("data/person_names.tsv or latin_names.tsv: bad row {row:?}");
            };
            let count: u32 = count.parse().expect("person names: a count");
            let entry = names.entry(fold(name)).or_default();
            match *role {
                "given" => entry.0 += count,
                "surname" => entry.1 += count,
                _ => panic!("person names: unknown role {role:?}"),
            }
        }
        let english = rows(ENGLISH_WORDS)
            .map(|row| {
                let role = match row.get(1) {
                    Some(&"given") => EnglishWord::GivenName,
                    Some(&"common") => EnglishWord::Common,
                    Some(&"surname") => EnglishWord::Surname,
                    _ => panic!("data/english_words.tsv: bad row {row:?}"),
                };
                (row[0].to_string(), role)
            })
            .collect();
        Lists {
            places,
            demonyms,
            first_words,
            cues,
            names,
            english,
            work_heads: rows(WORK_HEADS).map(|row| fold(row[0])).collect(),
            venue_heads: rows(VENUE_HEADS).map(|row| fold(row[0])).collect(),
        }
    }

    /// Whether the folded word announces the title of a work (`برنامج`,
    /// `film`).
    pub fn announces_work(&self, folded: &str) -> bool {
        self.work_heads.contains(folded)
    }

    /// Whether the folded word names a sports venue before its name
    /// (`ملعب`, `استاد`, `stadium`).
    pub fn announces_venue(&self, folded: &str) -> bool {
        self.venue_heads.contains(folded)
    }

    /// What the English word list says of `lower` (a lower-case word).
    pub fn english_word(&self, lower: &str) -> Option<EnglishWord> {
        self.english.get(lower).copied()
    }

    /// How many people carry this folded word as a given name and as a
    /// surname (zero for a word that is not listed).
    pub fn person_name(&self, folded: &str) -> NameCounts {
        self.names
            .get(folded)
            .map_or_else(NameCounts::default, |&(given, surname)| NameCounts {
                given,
                surname,
            })
    }

    /// The place named by these folded words, joined by single spaces.
    pub fn place(&self, folded: &str) -> Option<Place> {
        self.places.get(folded).copied()
    }

    /// The country of a one-word place name that no list holds, by the
    /// demonym it makes (folded, clitics and article off): Arabic makes
    /// the adjective of a name in `يا` by dropping the alef, and of another
    /// name in `ا` by turning it into `ي` (`بريطانيا`: `بريطاني`, `أمريكا`:
    /// `أمريكي`); English adds `n` to a name in `a` (`America`: `American`). The demonym
    /// must be listed, as a country's.
    ///
    /// ```
    /// use lisan::core::ner::gazetteer::{fold, lists};
    /// assert_eq!(lists().country_by_demonym(&fold("بريطانيا")), Some("GB"));
    /// assert_eq!(lists().country_by_demonym(&fold("America")), Some("US"));
    /// assert_eq!(lists().country_by_demonym(&fold("Britain")), None);
    /// ```
    pub fn country_by_demonym(&self, folded: &str) -> Option<&'static str> {
        let demonym = if folded.is_ascii() {
            if !folded.ends_with('a') {
                return None;
            }
            format!("{folded}n")
        } else if let Some(name) = folded.strip_suffix("يا") {
            format!("{name}ي")
        } else {
            format!("{}ي", folded.strip_suffix('ا')?)
        };
        self.place(&demonym)
            .filter(|p| p.kind == PlaceKind::Demonym)
            .map(|p| p.code)
    }

    /// Whether these folded words are listed as a demonym, even where
    /// [`Lists::place`] gives the country of the same name.
    pub fn is_demonym(&self, folded: &str) -> bool {
        self.demonyms.contains(folded)
    }

    /// Whether some name starts with this folded word.
    pub fn starts_name(&self, folded: &str) -> bool {
        self.first_words.contains(folded)
    }

    /// The cue a folded word is.
    pub fn cue(&self, folded: &str) -> Option<Cue> {
        self.cues.get(folded).copied()
    }
}

/// The longest place name starting at word `i` of `words` (folded forms;
/// `first` is the form to try for the first word, e.g. without its
/// clitics): its length in words and the place.
pub fn longest_place(first: &str, words: &[&str], i: usize) -> Option<(usize, Place)> {
    let lists = lists();
    if !lists.starts_name(first) {
        return None;
    }
    let mut key = String::from(first);
    let mut best = lists.place(&key).map(|p| (1, p));
    for (n, next) in words
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(MAX_NAME_WORDS - 1)
    {
        key.push(' ');
        key.push_str(next);
        if let Some(p) = lists.place(&key) {
            best = Some((n - i + 1, p));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_cities_and_demonyms_are_listed_in_both_languages() {
        let l = lists();
        for (name, kind, code) in [
            ("سوريا", PlaceKind::Country, "SY"),
            ("Syria", PlaceKind::Country, "SY"),
            ("دمشق", PlaceKind::City, "Asia/Damascus"),
            ("السوري", PlaceKind::Demonym, "SY"),
            ("التركية", PlaceKind::Demonym, "TR"),
        ] {
            let place = l
                .place(&fold(name))
                .unwrap_or_else(|| panic!("{name} missing"));
            assert_eq!((place.kind, place.code), (kind, code), "{name}");
        }
        assert_eq!(l.cue(&fold("وزارة")), Some(Cue::OrgHead));
        assert_eq!(l.cue(&fold("قال")), Some(Cue::Speech));
    }

    #[test]
    fn person_names_are_listed_by_role() {
        let l = lists();
        assert!(l.person_name(&fold("أحمد")).given > 1000);
        assert!(l.person_name(&fold("فاطمة")).given > 100);
        assert!(l.person_name(&fold("الخطيب")).surname > 10);
        assert_eq!(l.person_name(&fold("الحكومة")), NameCounts::default());
    }

    #[test]
    fn arabic_spellings_of_census_names_are_person_names() {
        let l = lists();
        for given in ["دونالد", "ريتشارد", "ناتاليا", "سوزان"] {
            assert!(l.person_name(&fold(given)).given > 0, "{given}");
        }
        for surname in ["ترامب", "جونسون", "هولاند"] {
            assert!(l.person_name(&fold(surname)).surname > 0, "{surname}");
        }
        // Spellings that are Arabic words, English loanwords or places
        // are left out: `اليك` (Alec), `فايروس` (virus), `رايك` (Rick),
        // `امريكا` (America).
        for word in ["اليك", "اريد", "فايروس", "رايك", "امريكا"] {
            assert_eq!(l.person_name(&fold(word)), NameCounts::default(), "{word}");
        }
    }

    #[test]
    fn multiword_names_match_longest() {
        let words: Vec<String> = ["في", "الولايات", "المتحدة", "اليوم"]
            .iter()
            .map(|w| fold(w))
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (len, place) = longest_place(refs[1], &refs, 1).expect("a match");
        assert_eq!((len, place.code), (2, "US"));
    }
}
