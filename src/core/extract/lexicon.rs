//! Word lists of the extractors, loaded once from the data files in `data/`
//! into one map from a folded word (or pair of words) to what it can mean.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::decimal::Dec;
use super::zone::Zone;

const MONTHS: &str = include_str!("../../../data/months.tsv");
const YEAR_WORDS: &str = include_str!("../../../data/year_words.txt");
const NUMBERS_AR: &str = include_str!("../../../data/number_words_ar.tsv");
const NUMBERS_EN: &str = include_str!("../../../data/number_words_en.tsv");
const ORDINALS: &str = include_str!("../../../data/ordinal_words.tsv");
const TIME_WORDS: &str = include_str!("../../../data/time_words.tsv");
const CURRENCIES: &str = include_str!("../../../data/currencies.tsv");
/// Every current currency's CLDR names, symbols and code, for what
/// `currencies.tsv` lacks (built by `scripts/build_currencies.py`).
const CURRENCIES_CLDR: &str = include_str!("../../../data/currencies_cldr.tsv");
const UNITS: &str = include_str!("../../../data/units.tsv");
const HOLIDAYS: &str = include_str!("../../../data/holidays.tsv");

/// What a number word does in a number (see `data/number_words_ar.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumRole {
    Unit,
    Teen,
    Compound,
    Number,
    Ten,
    Hundred,
    Hundreds,
    Scale,
    /// A plural scale word (`آلاف`): only after a number.
    Scales,
    Dual,
    Fraction,
    Few,
    /// An estimate only after the article (`a few`, `a couple`).
    FewAfterArticle,
    Point,
    Article,
    /// A scale abbreviation glued to digits (`5k`, `3bn`), nothing alone.
    Abbr,
    /// A scale abbreviation glued to the digits of an amount of money only
    /// (`$2.5m`; `5m` alone is five metres).
    MoneyAbbr,
    /// The sign read aloud (`minus`, `negative`) before a temperature.
    Minus,
    /// The plural of a fraction's noun (`أرباع`, `quarters`), its value the
    /// denominator: only after a count (see `fractions::counted_parts`).
    Parts,
    /// A count of thirds in one word (`ثلث`, `ثلثا`), no decimal: only as
    /// a part of a unit (see `fractions::Fraction`).
    Thirds,
}

/// A calendar unit of durations and relative dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// How many of a unit a unit word says by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Count {
    One,
    Two,
    Plural,
}

/// A part of the day after an hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    Am,
    Pm,
    Noon,
    Night,
}

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Mass,
    Volume,
    Length,
    Temperature,
    Area,
    /// Speeds, in km/h (an exact factor from mph, knots and m/s).
    Speed,
}

/// One meaning of a word.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Sense {
    Month(u32),
    YearWord,
    Num(Dec, NumRole),
    Ordinal(u32, bool),
    Weekday(u32),
    /// A weekday without the article (`ثلاثاء`), which only counts inside a
    /// longer expression.
    BareWeekday(u32),
    Day(i64),
    Now,
    Unit(TimeUnit, Count),
    Direction(i32),
    This,
    Ago,
    Later,
    AgoAfter,
    Period(Period),
    Clock,
    /// A time zone written after a time (`GMT`, `ET`, `مكة`).
    Zone(Zone),
    /// A city whose time a zone is named after, a zone only after a zone
    /// word (`بتوقيت القاهرة`).
    ZoneCity(Zone),
    ZoneWord,
    Hijri(u32),
    HijriEra,
    To,
    From,
    Currency(&'static str, u32),
    Measure(Measure),
    /// A word some expression starts with that means nothing alone (في, at).
    Particle,
    /// A third of a month or a year: 1 early, 2 mid, 3 late; `true` for a
    /// noun that takes `of` before what it is part of (`the end of`).
    Part(u32, bool),
    /// The part of a current unit before (-1) or after (+1) the reference.
    Within(i32),
    /// The evening of the reference day (`الليلة`, `tonight`).
    Tonight,
    /// Before an amount of time: from the reference until that long after
    /// it (`خلال`, `في غضون`, `within`).
    During,
    /// A named hour of the day, a time alone (`noon` 12, `midnight` 0).
    Hour(u32),
    /// A part of a day, from one hour to another (`morning` 4 to 12,
    /// `مساء` 18 to 24), read with the day it belongs to.
    DayPart(u32, u32),
    /// The night from an hour of one day to the morning of the next, read
    /// only before those two days (`ليلة السبت الأحد`): alone, `ليلة
    /// الأحد` may be the eve of Sunday or its night.
    NightBetween(u32),
    /// A holiday's name (of one or more words).
    Holiday(super::holidays::Rule),
    /// A season of the year (1 spring .. 4 winter), read only with a
    /// direction or a year.
    Season(u32),
    /// A decade by its tens (`التسعينيات`: 90), of the century the text
    /// names after it, else the latest one to have begun.
    Decade(u32),
    /// Before a unit, a weekday or a part of a day: each of them (`كل`,
    /// `every`), a recurrence.
    Every,
    /// Once every unit, in one word (`يوميا`, `weekly`).
    Frequency(TimeUnit),
    /// A weekday in the plural, every such day (`mondays`).
    Weekdays(u32),
    /// A count of times in each period (`مرتين`: 2, `twice`); 0 for the
    /// plural noun after its count (`مرات`, `times`).
    Times(u32),
}

/// A unit of measure from `data/units.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Measure {
    pub symbol: &'static str,
    pub dimension: Dimension,
    pub factor: Dec,
    pub dual: bool,
    /// The singular name alone says one of the unit (`كيلوجرام`).
    pub one: bool,
}

/// FNV-1a: lexicon keys are short words, for which it is several times
/// faster than SipHash; the keys come from our data files, not from callers.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Every word list, keyed by folded form: single words, and pairs of words
/// joined by one space (with the set of words that start a pair, so that
/// most words never build a pair key).
pub(super) struct Lexicon {
    words: FastMap<String, Vec<Sense>>,
    pair_firsts: HashSet<String, BuildHasherDefault<Fnv>>,
    /// Characters that appear inside multi-token forms (`ج.م`, `US$`, `°C`).
    glue_starts: HashSet<String, BuildHasherDefault<Fnv>>,
    /// First words of holiday names (`عيد`, `راس`, `christmas`).
    holiday_firsts: HashSet<String, BuildHasherDefault<Fnv>>,
    /// English month names that name a month written alone (`March`),
    /// with whether they may stand alone with no word before them (not
    /// `May`, the verb; see `data/months.tsv`, nor an abbreviation, `Aug`).
    lone_months: FastMap<String, bool>,
    /// CLDR's abbreviated English month names (`jan`, `sept`), folded.
    abbreviated_months: HashSet<String, BuildHasherDefault<Fnv>>,
    /// Unit words whose letters also spell an adjective (`عام`, "general"),
    /// folded, with whether the adjective is feminine (`ثانية`, "second").
    unit_adjectives: FastMap<String, bool>,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// The form words are compared in: Arabic diacritics and tatweel removed,
/// hamza and wasla alefs to bare alef, alef maqsura to yeh, teh marbuta to
/// heh, Persian yeh and keheh to their Arabic letters, and lower case (the
/// letter folds of the SEARCH profile, done per character without
/// allocation beyond the output).
pub(super) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    // Characters the fold keeps are copied in runs, not one by one.
    let mut kept = 0;
    for (at, c) in word.char_indices() {
        let unchanged = match c {
            'A'..='Z' => false,
            c if c.is_ascii() => true,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => false,
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ی' | 'ة' | 'ک' => false,
            '\u{0600}'..='\u{06FF}' => true,
            _ => false,
        };
        if unchanged {
            continue;
        }
        out.push_str(&word[kept..at]);
        kept = at + c.len_utf8();
        fold_char(c, out);
    }
    out.push_str(&word[kept..]);
}

/// An English word's folded form without its possessive `'s`
/// (`tuesday's`, `year’s`: a time word so written is that time, `Tuesday's
/// vote`, `last year's election`; `mother's day` is looked up as `mother
/// day`), when it has one after two letters or more; else the form.
pub(super) fn without_possessive(form: &str) -> &str {
    let stem = form
        .strip_suffix("'s")
        .or_else(|| form.strip_suffix("\u{2019}s"));
    match stem {
        Some(stem) if stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_lowercase()) => stem,
        _ => form,
    }
}

/// The key a data form is looked up by: its words folded, without an
/// English possessive, joined by a space (`Mother's Day`: `mother day`), as
/// the extraction folds a text's words.
fn key_of(form: &str) -> String {
    form.split(' ')
        .map(|word| without_possessive(&fold(word)).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One character of [`fold_into`] that the fold may change.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' | 'ی' => out.push('ي'),
        'ة' => out.push('ه'),
        'ک' => out.push('ك'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Arabic-block letters have no case: skip the case tables.
        c @ '\u{0600}'..='\u{06FF}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}

pub(super) fn data_lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn parse_dec(s: &str, file: &str) -> Dec {
    Dec::parse(s).unwrap_or_else(|| panic!("{file}: not a decimal: {s}"))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lexicon = Lexicon {
            words: FastMap::default(),
            pair_firsts: HashSet::default(),
            glue_starts: HashSet::default(),
            holiday_firsts: HashSet::default(),
            lone_months: FastMap::default(),
            unit_adjectives: FastMap::default(),
            abbreviated_months: HashSet::default(),
        };
        for cols in data_lines(MONTHS) {
            lexicon.add(cols[1], Sense::Month(cols[0].parse().expect("months.tsv")));
            if cols[2] == "en" {
                let alone = cols.get(3) != Some(&"not-alone");
                lexicon.lone_months.insert(fold(cols[1]), alone);
            }
            if cols[2] == "en-abbr" {
                lexicon.abbreviated_months.insert(fold(cols[1]));
                // An abbreviation names a month alone only after `in`
                // (`in Aug`; `Mar` and `Dec` are words and names too).
                lexicon.lone_months.insert(fold(cols[1]), false);
            }
        }
        for cols in data_lines(YEAR_WORDS) {
            lexicon.add(cols[0], Sense::YearWord);
        }
        for data in [NUMBERS_AR, NUMBERS_EN] {
            for cols in data_lines(data) {
                let role = match cols[2] {
                    "unit" => NumRole::Unit,
                    "teen" => NumRole::Teen,
                    "compound" => NumRole::Compound,
                    "number" => NumRole::Number,
                    "ten" => NumRole::Ten,
                    "hundred" => NumRole::Hundred,
                    "hundreds" => NumRole::Hundreds,
                    "scale" => NumRole::Scale,
                    "scales" => NumRole::Scales,
                    "dual" => NumRole::Dual,
                    "fraction" => NumRole::Fraction,
                    "few" => NumRole::Few,
                    "few-after-a" => NumRole::FewAfterArticle,
                    "point" => NumRole::Point,
                    "article" => NumRole::Article,
                    "abbr" => NumRole::Abbr,
                    "money-abbr" => NumRole::MoneyAbbr,
                    "minus" => NumRole::Minus,
                    "parts" => NumRole::Parts,
                    "thirds" => NumRole::Thirds,
                    other => panic!("number words: unknown role {other}"),
                };
                lexicon.add(
                    cols[0],
                    Sense::Num(parse_dec(cols[1], "number words"), role),
                );
            }
        }
        for cols in data_lines(ORDINALS) {
            let value = cols[1].parse().expect("ordinal_words.tsv: value");
            lexicon.add(cols[0], Sense::Ordinal(value, cols[2] == "compound"));
        }
        for cols in data_lines(TIME_WORDS) {
            if cols[1] == "adjective" {
                let feminine = match cols[2] {
                    "f" => true,
                    "m" => false,
                    other => panic!("time_words.tsv: unknown gender {other}"),
                };
                lexicon.unit_adjectives.insert(fold(cols[0]), feminine);
                continue;
            }
            lexicon.add(cols[0], time_sense(cols[1], cols[2]));
        }
        for cols in data_lines(CURRENCIES) {
            let minor = cols[2].parse().expect("currencies.tsv: divisor");
            lexicon.add(cols[0], Sense::Currency(cols[1], minor));
        }
        // The curated forms win: a form they give a currency keeps it.
        for cols in data_lines(CURRENCIES_CLDR) {
            if !lexicon.has_currency(cols[0]) {
                let minor = cols[2].parse().expect("currencies_cldr.tsv: divisor");
                lexicon.add(cols[0], Sense::Currency(cols[1], minor));
            }
        }
        for cols in data_lines(UNITS) {
            let dimension = match cols[2] {
                "mass" => Dimension::Mass,
                "volume" => Dimension::Volume,
                "length" => Dimension::Length,
                "temperature" => Dimension::Temperature,
                "area" => Dimension::Area,
                "speed" => Dimension::Speed,
                other => panic!("units.tsv: unknown dimension {other}"),
            };
            let measure = Measure {
                symbol: cols[1],
                dimension,
                factor: parse_dec(cols[3], "units.tsv"),
                dual: cols[4] == "1",
                one: cols[4] == "one",
            };
            lexicon.add(cols[0], Sense::Measure(measure));
        }
        for cols in data_lines(HOLIDAYS) {
            let rule = super::holidays::Rule::parse(cols[1])
                .unwrap_or_else(|| panic!("holidays.tsv: bad rule {}", cols[1]));
            lexicon.add(cols[0], Sense::Holiday(rule));
            let key = key_of(cols[0]);
            let first = key.split(' ').next().unwrap_or_default();
            lexicon.holiday_firsts.insert(first.to_string());
        }
        lexicon
    }

    /// Whether `form` already names a currency.
    fn has_currency(&self, form: &str) -> bool {
        self.words
            .get(&key_of(form))
            .is_some_and(|senses| senses.iter().any(|s| matches!(s, Sense::Currency(..))))
    }

    fn add(&mut self, form: &str, sense: Sense) {
        let key = key_of(form);
        if let Some((first, _)) = key.split_once(' ') {
            self.pair_firsts.insert(first.to_string());
        }
        // A form the tokenizer splits (`ج.م`, `$10`'s `$`, `°C`): remember its
        // first token's text, so that only those tokens try glued forms.
        // (A superscript, `km²`, is a token of its own, and so are digits
        // after Arabic letters, `كم2`.)
        let arabic = key.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c));
        let first_token: String = key
            .chars()
            .take_while(|&c| {
                c.is_alphanumeric() && !matches!(c, '²' | '³') && !(arabic && c.is_ascii_digit())
            })
            .collect();
        let first_token = if first_token.is_empty() {
            key.chars().next().map(String::from).unwrap_or_default()
        } else {
            first_token
        };
        if first_token.len() < key.len() && !key.contains(' ') {
            self.glue_starts.insert(first_token);
        }
        let senses = self.words.entry(key).or_default();
        if !senses.contains(&sense) {
            senses.push(sense);
        }
    }

    /// The meanings of a folded word (or two words joined by a space).
    pub(super) fn senses(&self, folded: &str) -> &[Sense] {
        self.words.get(folded).map_or(&[], Vec::as_slice)
    }

    /// Every form the lexicon knows (words and pairs of words), for tests
    /// that build text from them.
    #[cfg(test)]
    pub(super) fn forms(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    /// Whether a folded word starts some holiday's name.
    pub(super) fn starts_holiday(&self, folded: &str) -> bool {
        self.holiday_firsts.contains(folded)
    }

    /// For an English month's full name (folded), whether it names the
    /// month with no word before it (`March`; not `May`, which needs
    /// `in May`); `None` for any other word.
    pub(super) fn month_alone(&self, folded: &str) -> Option<bool> {
        self.lone_months.get(folded).copied()
    }

    /// For a unit word (folded) whose letters also spell an adjective,
    /// whether the adjective is feminine; `None` for any other word.
    pub(super) fn unit_adjective(&self, folded: &str) -> Option<bool> {
        self.unit_adjectives.get(folded).copied()
    }

    /// Whether a folded word is an abbreviated English month name (`jan`,
    /// `sept`), which news writes with a period (`Jan. 5`).
    pub(super) fn is_abbreviated_month(&self, folded: &str) -> bool {
        self.abbreviated_months.contains(folded)
    }

    /// Whether a folded word starts some two-word form.
    pub(super) fn starts_pair(&self, folded: &str) -> bool {
        self.pair_firsts.contains(folded)
    }

    /// Whether a folded token starts some form the tokenizer splits.
    pub(super) fn starts_glued(&self, folded: &str) -> bool {
        self.glue_starts.contains(folded)
    }
}

fn time_sense(role: &str, value: &'static str) -> Sense {
    let int = || value.parse::<i64>().expect("time_words.tsv: number");
    let unit = || match value {
        "second" => TimeUnit::Second,
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        "decade" => TimeUnit::Decade,
        "century" => TimeUnit::Century,
        other => panic!("time_words.tsv: unknown unit {other}"),
    };
    match role {
        "weekday" => Sense::Weekday(int() as u32),
        "bareweekday" => Sense::BareWeekday(int() as u32),
        "day" => Sense::Day(int()),
        "now" => Sense::Now,
        "unit" => Sense::Unit(unit(), Count::One),
        "unit2" => Sense::Unit(unit(), Count::Two),
        "units" => Sense::Unit(unit(), Count::Plural),
        "direction" => Sense::Direction(int() as i32),
        "this" => Sense::This,
        "ago" => Sense::Ago,
        "later" => Sense::Later,
        "agoafter" => Sense::AgoAfter,
        "period" => Sense::Period(match value {
            "am" => Period::Am,
            "pm" => Period::Pm,
            "noon" => Period::Noon,
            _ => Period::Night,
        }),
        "clock" => Sense::Clock,
        "zone" => Sense::Zone(Zone::parse(value).expect("time_words.tsv: zone")),
        "zonecity" => Sense::ZoneCity(Zone::parse(value).expect("time_words.tsv: zone")),
        "zoneword" => Sense::ZoneWord,
        "hijri" => Sense::Hijri(int() as u32),
        "hijriera" => Sense::HijriEra,
        "to" => Sense::To,
        "from" => Sense::From,
        "particle" => Sense::Particle,
        "part" => Sense::Part(int() as u32, false),
        "partof" => Sense::Part(int() as u32, true),
        "within" => Sense::Within(int() as i32),
        "tonight" => Sense::Tonight,
        "during" => Sense::During,
        "hour" => Sense::Hour(int() as u32),
        "season" => Sense::Season(int() as u32),
        "decade" => Sense::Decade(int() as u32),
        "daypart" => {
            let (from, to) = value.split_once('-').expect("time_words.tsv: daypart H-H");
            let hour = |h: &str| h.parse().expect("time_words.tsv: daypart hour");
            Sense::DayPart(hour(from), hour(to))
        }
        "nightbetween" => Sense::NightBetween(int() as u32),
        "every" => Sense::Every,
        "frequency" => Sense::Frequency(unit()),
        "weekdays" => Sense::Weekdays(int() as u32),
        "times" => Sense::Times(int() as u32),
        other => panic!("time_words.tsv: unknown role {other}"),
    }
}

/// Seconds east of UTC of `+03:00`, `-0200`, `+3`, `Z` or `UTC`.
pub fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    if matches!(s, "Z" | "z" | "UTC" | "utc" | "GMT" | "gmt") {
        return Some(0);
    }
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' | '\u{2212}' => -1,
        _ => return None,
    };
    let body = &s[s.chars().next()?.len_utf8()..];
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h, m),
        None if body.len() == 4 => body.split_at(2),
        None => (body, "0"),
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h.to_string().len() <= 2 && h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// The word without a one-letter Arabic proclitic (و ف ب ل ك), if it has one
/// and something of two letters or more is left.
pub(super) fn strip_proclitic(word: &str) -> Option<&str> {
    let rest = word.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])?;
    (rest.chars().count() >= 2).then_some(rest)
}

/// The word without the Arabic article (ال), if it has it.
pub(super) fn strip_article(word: &str) -> Option<&str> {
    let rest = word.strip_prefix("ال")?;
    (rest.chars().count() >= 2).then_some(rest)
}

/// The factor from a unit symbol of `data/units.tsv` to its dimension's
/// base unit (gram, litre, metre), if the symbol is known.
pub(super) fn unit_factor(symbol: &str) -> Option<Dec> {
    static FACTORS: OnceLock<std::collections::HashMap<&'static str, Dec>> = OnceLock::new();
    let factors = FACTORS.get_or_init(|| {
        lexicon()
            .words
            .values()
            .flatten()
            .filter_map(|s| match s {
                Sense::Measure(m) => Some((m.symbol, m.factor)),
                _ => None,
            })
            .collect()
    });
    factors.get(symbol).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copying unchanged runs folds exactly as folding every character.
    #[test]
    fn fold_copies_runs_as_it_folds_characters() {
        let words = [
            "الأُسْبُوعُ",
            "إلى آخر ٱلكتاب",
            "مدرسة ی ک ـــ ٰ",
            "Hello WORLD ÀÉÎ Straße İx",
            "日本語 ١٢٣ ۴۵ ΣΑΣ",
            "",
        ];
        for word in words {
            let mut by_char = String::new();
            for c in word.chars() {
                fold_char(c, &mut by_char);
            }
            assert_eq!(fold(word), by_char, "{word}");
        }
        assert_eq!(fold("الأسبوعَ"), "الاسبوع");
    }
}
