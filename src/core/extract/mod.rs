//! Extraction: dates and times (absolute, relative, intervals, Hijri),
//! durations, numbers (digits and words), ordinals, percentages, money,
//! quantities, phone numbers, URLs, emails, hashtags and mentions, each with
//! a resolved value.
//!
//! Extractors work over the tokens of the segmenter, so every entity starts
//! and ends on a token boundary. One pass goes left to right: at each token,
//! every extractor that can start there is tried and the longest match wins
//! (ties go to the earlier extractor in [`extractors`]); the pass then
//! continues after it. Every extractor looks a bounded number of tokens
//! ahead, so the pass is linear in the text.

mod anchored;
mod bounds;
mod calling_codes;
mod clock;
mod coordinated;
mod dates;
mod decimal;
mod digit_groups;
mod durations;
mod eve;
mod fractions;
mod hijri;
mod holidays;
mod intervals;
mod lexicon;
mod links;
mod looking_back;
mod measures;
mod named;
mod nth;
mod number_bounds;
mod number_words;
mod numbers;
mod open_ends;
mod phones;
mod publication;
pub mod quotes;
mod recurrences;
mod relative;
mod runs_for;
mod seasons;
mod starts;
mod tense;
mod timestamp;
mod ummalqura;
mod weekends;
mod zone;

pub use zone::Zone;
mod words;

use std::cell::Cell;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

pub(crate) use lexicon::fold_into;
pub use lexicon::{parse_offset, Dimension, TimeUnit};
pub use measures::unit_factor;
pub use named::{entity_kind, Named};

use super::budget::Budget;
use super::error::Error;
use super::segment::{Token, TokenKind};
use super::span::Span;
use words::Words;

/// The kinds of entity the core extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    DateTime,
    Number,
    Percent,
    Url,
    Email,
    Duration,
    Money,
    Quantity,
    Ordinal,
    PhoneNumber,
    Hashtag,
    Mention,
    Person,
    Location,
    Organization,
    Norp,
    Event,
    Misc,
    /// A time that repeats (`كل يوم`, `أسبوعيا`, `every Monday at 4pm`).
    Recurrence,
}

impl EntityKind {
    pub const ALL: [EntityKind; 19] = [
        EntityKind::DateTime,
        EntityKind::Number,
        EntityKind::Percent,
        EntityKind::Url,
        EntityKind::Email,
        EntityKind::Duration,
        EntityKind::Money,
        EntityKind::Quantity,
        EntityKind::Ordinal,
        EntityKind::PhoneNumber,
        EntityKind::Hashtag,
        EntityKind::Mention,
        EntityKind::Person,
        EntityKind::Location,
        EntityKind::Organization,
        EntityKind::Norp,
        EntityKind::Event,
        EntityKind::Misc,
        EntityKind::Recurrence,
    ];

    /// Whether the named-entity tagger finds this kind.
    pub fn is_named(self) -> bool {
        matches!(
            self,
            EntityKind::Person
                | EntityKind::Location
                | EntityKind::Organization
                | EntityKind::Norp
                | EntityKind::Event
                | EntityKind::Misc
        )
    }
}

/// How precise a date or time is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grain {
    Year,
    /// Three months from January, April, July or October (`Q3 2024`).
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// What a time value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Everything was written (`23 يوليو 2024`).
    Absolute,
    /// Relative to the reference time (`أمس`, `الشهر المقبل`, `10:30`).
    Reference,
    /// A written date missing its year took the reference's (`23 تموز`).
    ReferenceYear,
}

/// The calendar a date was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    /// Islamic (Hijri), converted with the Umm al-Qura calendar of Saudi
    /// Arabia from its published table, for 1343 to 1500 AH (1924 to 2077).
    IslamicUmmAlQura,
    /// Islamic (Hijri) outside the Umm al-Qura table, converted with the
    /// arithmetic (tabular) calendar:
    /// civil epoch (16 July 622 Julian), leap years 2, 5, 7, 10, 13, 16, 18,
    /// 21, 24, 26, 29 of each 30-year cycle. It may differ from the sighted
    /// or Umm al-Qura calendar by a day or two.
    IslamicTabular,
}

/// A resolved date or time: the start, and for an interval its exclusive end.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeValue {
    /// ISO 8601 as precise as the grain: `2022`, `2012-03`, `2024-07-23`,
    /// or `2024-07-23T10:30:00+03:00` from hours down (with the offset of
    /// the zone written in the text, else the document's).
    pub iso: String,
    pub grain: Grain,
    /// For an interval, its exclusive end in the same form.
    pub end: Option<String>,
    pub anchor: Anchor,
    pub calendar: Calendar,
    /// Whether the text makes the time one end of an open interval
    /// (`before 11 am`, `منذ عام 2011`); `None` when no such word is written.
    pub bound: Option<TimeBound>,
}

/// How a word before a time bounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBound {
    /// The time is the end of what is meant: `before`, `until`, `till`,
    /// `by`, `قبل`, `حتى`.
    Before,
    /// The time is the start of what is meant: `after`, `since`, `بعد`,
    /// `منذ`.
    After,
}

/// An amount of time.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationValue {
    /// ISO 8601 duration: `P3Y`, `PT2H`, `P1.5D`.
    pub iso: String,
    /// The same in seconds (a year is 365.2425 days, a month a twelfth of it).
    pub seconds: f64,
    /// Exact decimal count of `unit`; empty when no unit counts it whole.
    pub amount: String,
    /// The smallest unit written, or a smaller one that makes the count
    /// whole; `None` where the units written mix years or months with days
    /// or smaller (`3 years and 5 days`), which hold no whole number of
    /// each other.
    pub unit: Option<TimeUnit>,
}

/// A time that repeats: every `interval` units, on some weekdays, at a
/// time of day or in a part of the day. [`RecurrenceValue::rrule`] writes
/// it as an RFC 5545 rule, [`RecurrenceValue::period`] its period.
#[derive(Clone, Debug, PartialEq)]
pub struct RecurrenceValue {
    pub unit: TimeUnit,
    /// Units from one occurrence to the next (`كل ثلاثة أسابيع`: 3).
    pub interval: u32,
    /// ISO weekdays (1 Monday .. 7 Sunday) it falls on, as written; `unit`
    /// is then a week.
    pub weekdays: Vec<u32>,
    /// The local hour and minute it falls at.
    pub time: Option<(u32, u32)>,
    /// The zone written with the time (`بتوقيت مكة`, `GMT`); `None`: the
    /// document's.
    pub zone: Option<Zone>,
    /// The part of the day it falls in, from one local hour to another
    /// (24: the midnight after): `كل صباح` is 4 to 12.
    pub day_part: Option<(u32, u32)>,
    /// The month it falls in, every year (`كل 15 مارس`: 3).
    pub month: Option<u32>,
    /// The day of the month it falls on (`كل 15 مارس`, `في 25 من كل
    /// شهر`: 15, 25).
    pub month_day: Option<u32>,
    /// How many times it falls in each period, when more than once
    /// (`مرتين في الأسبوع`: 2); a rule cannot say on which days, so
    /// [`RecurrenceValue::rrule`] is then empty.
    pub times: Option<u32>,
}

/// A measured quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityValue {
    /// Exact decimal, in `unit`.
    pub amount: String,
    /// The unit as written, as a symbol: `kg`, `ml`, `km`, `°C`, `°` (a
    /// degree of an unnamed scale).
    pub unit: String,
    pub dimension: Dimension,
    /// The amount in the dimension's base unit (g, l, m; temperatures stay
    /// in their scale), exact decimal.
    pub base_amount: String,
    /// What is measured, when written after `من`/`of` (`من الذهب`).
    pub product: Option<String>,
    /// For a range (`3-5 km`, `بين 20 و25 درجة`), its upper end in `unit`;
    /// `amount` is then the lower end.
    pub max: Option<String>,
    /// The upper end of a range in the base unit.
    pub max_base: Option<String>,
    /// How a word written with the amount bounds it (`under 40 degrees`,
    /// `أكثر من 5 كيلومترات`).
    pub bound: Option<Bound>,
}

/// A phone number.
#[derive(Clone, Debug, PartialEq)]
pub struct PhoneValue {
    /// E.164 (`+16507018887`) when a country code was written.
    pub e164: Option<String>,
    /// The digits as dialled, ASCII, without the country code.
    pub national: String,
    /// An extension (`x 897`, `فرعي 897`).
    pub extension: Option<String>,
}

/// How a word written with an amount (of money, of a quantity, or a number)
/// bounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The amount is an upper bound (`تحت`, `أقل من`, `under`, `على الأكثر`).
    AtMost,
    /// The amount is a lower bound (`أكثر من`, `على الأقل`, `at least`).
    AtLeast,
    /// The amount is approximate (`حوالي`, `بحدود`, `about`).
    About,
}

/// A number as a fraction in lowest terms, for those no decimal writes
/// exactly (a third: 1/3; `ثلث مليون`: 1000000/3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
}

/// The typed value of an entity.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    DateTime(TimeValue),
    /// An exact ASCII decimal and its nearest double (infinite when the
    /// number is beyond a double; the decimal is always exact); for a range
    /// (`بين 20 و30 ألف`, `5-7%`), its lower end and `max`; and how a word
    /// written with it bounds it (`أكثر من 100`, `نحو 50%`). A fraction
    /// whose decimal never ends (`ثلث`, `ثلثي`, `two thirds of`) has no
    /// `decimal` (it is empty) but its exact [`Ratio`] in `fraction`.
    Number {
        decimal: String,
        value: f64,
        max: Option<String>,
        bound: Option<Bound>,
        fraction: Option<Ratio>,
    },
    /// An amount (for a range, its lower end and `max`) and an ISO 4217
    /// code, and how a word written with it bounds it (`تحت`, `على الأقل`).
    Money {
        amount: String,
        currency: String,
        max: Option<String>,
        bound: Option<Bound>,
    },
    Duration(DurationValue),
    Recurrence(RecurrenceValue),
    Quantity(QuantityValue),
    Phone(PhoneValue),
    /// A normalized URL or email address.
    Link(String),
    /// A hashtag or mention without its sign.
    Tag(String),
    /// A named-entity mention: its group in [`Extraction::named`] and the
    /// ISO 3166 code of the country it names (places, demonyms).
    Named {
        group: usize,
        country: Option<&'static str>,
    },
}

/// Something found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    pub span: Span,
    pub value: Value,
    pub confidence: f32,
}

/// Something in the text that looked like an entity but could not be one.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub span: Span,
    /// Stable reason: `impossible_date`, `number_beyond_double`.
    pub reason: &'static str,
    pub message: String,
}

/// Where the reference time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceSource {
    /// The caller's `reference_time`.
    Request,
    /// The publication date found in the text (`تاريخ النشر: ...`).
    Document,
    /// The server clock.
    Clock,
}

/// The time that relative expressions resolve against, in the document's
/// time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Local time in the document's zone.
    pub local: NaiveDateTime,
    /// The document's zone, which dates and times resolve in.
    pub zone: Zone,
    pub source: ReferenceSource,
}

impl Reference {
    /// Midnight of `date` in UTC, given by the caller.
    pub fn at_date(date: NaiveDate) -> Reference {
        Reference {
            local: date.and_hms_opt(0, 0, 0).expect("midnight exists"),
            zone: Zone::Fixed(0),
            source: ReferenceSource::Request,
        }
    }

    pub(crate) fn date(&self) -> NaiveDate {
        self.local.date()
    }
}

/// What to extract, and the time relative expressions resolve against.
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    /// Kinds to return; empty means all.
    pub kinds: Vec<EntityKind>,
    /// With source `Clock`, a publication date found in the text replaces it.
    pub reference: Reference,
    /// The named-entity model; `None`: the embedded one.
    pub ner_model: Option<Arc<crate::core::ner::Model>>,
}

impl ExtractOptions {
    fn wants(&self, kind: EntityKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// The entities of a text, the reference time used, and warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub reference: Reference,
    pub warnings: Vec<Warning>,
    /// Named entities (groups of mentions) and quotations.
    pub named: Named,
}

/// Extracts entities from `text`, in text order, never overlapping.
///
/// ```
/// use chrono::NaiveDate;
/// use lisan::core::extract::{extract, EntityKind, ExtractOptions, Grain, Reference, Value};
/// let options = ExtractOptions {
///     kinds: vec![],
///     reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()),
///     ner_model: None,
/// };
/// let text = "في مارس/آذار 2012 بلغ النمو ٣٫٥٪ وثلاثة آلاف وخمسمائة";
/// let found = extract(text, &options).entities;
/// assert_eq!(found[0].span.slice(text), "مارس/آذار 2012");
/// let Value::DateTime(date) = &found[0].value else { panic!() };
/// assert_eq!((date.iso.as_str(), date.grain), ("2012-03", Grain::Month));
/// assert_eq!(found[1].kind, EntityKind::Percent);
/// let Value::Number { decimal, max, .. } = &found[2].value else { panic!() };
/// assert_eq!((decimal.as_str(), max), ("3500", &None));
/// ```
pub fn extract(text: &str, options: &ExtractOptions) -> Extraction {
    let (tokens, _) = crate::core::segment::word_tokens_within(text, &Budget::unlimited())
        .expect("an unlimited budget never runs out");
    extract_from_tokens(text, &tokens, options)
}

/// What an extractor found at a token: the token after it, and the entity
/// (none for something that only looks like one, like `31 فبراير`, which
/// then comes with a warning).
pub(crate) struct Found {
    end: usize,
    entity: Option<Entity>,
    warning: Option<Warning>,
}

impl Found {
    fn entity(end: usize, entity: Entity) -> Found {
        Found {
            end,
            entity: Some(entity),
            warning: None,
        }
    }
}

/// Everything an extractor may read.
pub(crate) struct Context<'a, 't> {
    words: &'a Words<'t>,
    reference: Reference,
    /// Times of day found at recent tokens (see `clock::time_of_day`),
    /// which depend on the reference as well as on the words.
    times_of_day: words::Memo<Option<(usize, dates::When)>>,
    /// Whether extractors skip tokens their gate refuses (see `starts.rs`);
    /// false only in the tests that hold the gates to the full search.
    gated: bool,
    /// The end an entity found at the current token must pass to be kept:
    /// the end of the longest one an earlier extractor found there (ties go
    /// to the earlier), else the token itself. See [`Context::beats`].
    to_beat: Cell<usize>,
}

impl Context<'_, '_> {
    /// Whether something whose first token needs `gate` may start at `i`.
    fn may_start(&self, i: usize, gate: starts::Class) -> bool {
        !self.gated || gate == starts::ALWAYS || self.words.class(i) & gate != 0
    }

    /// Whether something ending before token `end` would be kept over what
    /// earlier extractors found at the current token. An extractor may give
    /// `None` instead of a [`Found`] that would not be kept, and so skip
    /// building its value (the pass keeps the same entities either way).
    fn beats(&self, end: usize) -> bool {
        end > self.to_beat.get()
    }

    /// The span of tokens `start..end`, without the proclitic that the
    /// first word was read after (`وثلاث سنوات` spans `ثلاث سنوات`, `بواحد
    /// وثمانين عاما` spans `واحد وثمانين عاما`): the conjunction or
    /// preposition is no part of the amount or the date.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.words.tokens[start].span.start + self.words.proclitic_len(start),
            self.words.tokens[end - 1].span.end,
        )
    }
}

type Extractor = fn(&Context, usize) -> Option<Found>;

/// The extractors that may start at a token of this kind, most specific
/// first (ties in length go to the first), each with the gate its first
/// token must pass (see `starts.rs`; links need none).
fn extractors(kind: TokenKind) -> &'static [(starts::Class, Extractor)] {
    match kind {
        TokenKind::Url | TokenKind::Email | TokenKind::Hashtag | TokenKind::Mention => {
            &[(starts::ALWAYS, links::link)]
        }
        TokenKind::Word => &WORD_EXTRACTORS,
        _ => &ALL_EXTRACTORS,
    }
}

/// Extractors of entities that may start with a word (no link, no phone;
/// a recurrence only starts with a word).
const WORD_EXTRACTORS: [(starts::Class, Extractor); 8] = [
    (starts::RECURRENCE, recurrences::recurrence),
    (starts::INTERVAL, intervals::interval),
    (starts::DATE_OR_TIME, dates::date_or_time),
    (starts::MONEY, measures::money),
    (starts::QUANTITY, measures::quantity),
    (starts::DURATION, durations::duration),
    (starts::ORDINAL_NUMBER, numbers::ordinal),
    (starts::NUMBER_ENTITY, numbers::number),
];

/// Extractors of entities that may start with a number, sign or bracket.
const ALL_EXTRACTORS: [(starts::Class, Extractor); 8] = [
    (starts::INTERVAL, intervals::interval),
    (starts::DATE_OR_TIME, dates::date_or_time),
    (starts::MONEY, measures::money),
    (starts::QUANTITY, measures::quantity),
    (starts::DURATION, durations::duration),
    (starts::PHONE, phones::phone),
    (starts::ORDINAL_NUMBER, numbers::ordinal),
    (starts::NUMBER_ENTITY, numbers::number),
];

/// The longest entity (or warning) the extractors find at token `i`, the
/// first extractor's of those of one length; none that ends at `i`.
fn longest_at(cx: &Context, i: usize) -> Option<Found> {
    cx.to_beat.set(i);
    let mut best = None;
    for (gate, extract) in extractors(cx.words.tokens[i].kind) {
        if !cx.may_start(i, *gate) {
            continue;
        }
        if let Some(found) = extract(cx, i).filter(|f| cx.beats(f.end)) {
            cx.to_beat.set(found.end);
            best = Some(found);
        }
    }
    best
}

/// [`extract`] over tokens already computed for `text`.
pub fn extract_from_tokens(text: &str, tokens: &[Token], options: &ExtractOptions) -> Extraction {
    match extract_from_tokens_within(text, tokens, options, &Budget::unlimited()) {
        Ok(extraction) => extraction,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`extract_from_tokens`], stopping with the budget's error once it runs
/// out (checked after the words are prepared and every few thousand steps).
pub fn extract_from_tokens_within(
    text: &str,
    tokens: &[Token],
    options: &ExtractOptions,
    budget: &Budget,
) -> Result<Extraction, Error> {
    extract_gated(text, tokens, options, budget, true)
}

/// [`extract_from_tokens_within`], with the gates of `starts.rs` on or (to
/// test them) off.
fn extract_gated(
    text: &str,
    tokens: &[Token],
    options: &ExtractOptions,
    budget: &Budget,
    gated: bool,
) -> Result<Extraction, Error> {
    let words = Words::new(text, tokens);
    budget.check()?;
    let reference = match options.reference.source {
        ReferenceSource::Clock => {
            publication::published(&words, options.reference.zone).unwrap_or(options.reference)
        }
        _ => options.reference,
    };
    let context = Context {
        words: &words,
        reference,
        times_of_day: words::Memo::default(),
        gated,
        to_beat: Cell::new(0),
    };
    let mut placed = Vec::new();
    let mut warnings = Vec::new();
    let mut i = 0;
    let mut steps = 0usize;
    while i < tokens.len() {
        steps += 1;
        budget.check_at(steps)?;
        if !words.may_start(i) {
            i += 1;
            continue;
        }
        match longest_at(&context, i) {
            Some(found) => {
                placed.extend(found.entity.map(|entity| number_bounds::Placed {
                    start: i,
                    end: found.end,
                    entity,
                }));
                warnings.extend(found.warning);
                i = found.end;
            }
            None => i += 1,
        }
    }
    // Ranges and bounds of numbers are joined before the kinds the caller
    // asked for are kept: what a number is joined with is read in full.
    let placed = recurrences::join_times_and_days(&context, placed);
    let placed = open_ends::join_open_ends(&context, placed);
    let placed = runs_for::join_starts_and_amounts(&context, placed);
    let mut entities: Vec<Entity> = number_bounds::join_bounds(&context, placed)
        .into_iter()
        .map(|p| p.entity)
        .filter(|e| options.wants(e.kind))
        .collect();
    for entity in &entities {
        if let Value::Number { value, .. } = entity.value {
            if value.is_infinite() {
                warnings.push(Warning {
                    span: entity.span,
                    reason: "number_beyond_double",
                    message: "the number is beyond a double; its decimal is exact".into(),
                });
            }
        }
    }
    budget.check()?;
    let named = named::add_named(text, tokens, options, budget, &mut entities)?;
    Ok(Extraction {
        entities,
        reference,
        warnings,
        named,
    })
}

#[cfg(test)]
mod tests;
