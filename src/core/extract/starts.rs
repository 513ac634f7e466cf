//! What each extractor can start at: every token gets, once, a set of bits
//! saying what it is (a number, which meanings its word has, with and
//! without the article, whether it starts a two-word, glued or holiday
//! form, whether it is one of the words some expression starts with), and
//! each extractor (and each part of the date extractors) says which bits
//! its first token needs. A plain word then costs one mask test per
//! extractor instead of the extractor's own failing checks.
//!
//! Each gate is a necessary condition read off the code of its extractor:
//! whatever the extractor reads at its first token (a sense with `find`,
//! `find_whole`, `find_after_article`, `find_pair`, `find_glued`, a folded
//! form compared with a literal, the token kind) has a bit here. The tests
//! hold the gated pass to the ungated one (`Context::gated`).

use super::lexicon::{lexicon, strip_proclitic, Sense};
use super::words::Words;

/// The bits of one token.
pub(super) type Class = u64;

/// The gate of an extractor that needs no bit (links, by token kind).
pub(super) const ALWAYS: Class = 0;

/// The bit of a sense's kind (its value aside).
pub(super) const fn sense_bit(sense: &Sense) -> Class {
    1 << match sense {
        Sense::Month(_) => 0,
        Sense::YearWord => 1,
        Sense::Num(..) => 2,
        Sense::Ordinal(..) => 3,
        Sense::Weekday(_) => 4,
        Sense::BareWeekday(_) => 5,
        Sense::Day(_) => 6,
        Sense::Now => 7,
        Sense::Unit(..) => 8,
        Sense::Direction(_) => 9,
        Sense::This => 10,
        Sense::Ago => 11,
        Sense::Later => 12,
        Sense::AgoAfter => 13,
        Sense::Period(_) => 14,
        Sense::Clock => 15,
        Sense::Zone(_) => 16,
        Sense::ZoneWord => 17,
        Sense::Hijri(_) => 18,
        Sense::HijriEra => 19,
        Sense::To => 20,
        Sense::From => 21,
        Sense::Currency(..) => 22,
        Sense::Measure(_) => 23,
        Sense::Particle => 24,
        Sense::Part(..) => 25,
        Sense::Within(_) => 26,
        Sense::Holiday(_) => 27,
        Sense::Tonight => 28,
        Sense::During => 29,
        Sense::Hour(_) => 30,
        Sense::DayPart(..) | Sense::NightBetween(_) => 31,
        Sense::Season(_) => 57,
        Sense::Decade(_) => 58,
        Sense::ZoneCity(_) => 59,
        Sense::Every | Sense::Frequency(_) | Sense::Weekdays(_) | Sense::Times(_) => 63,
    }
}

const MONTH: Class = 1 << 0;
const YEAR_WORD: Class = 1 << 1;
const NUM: Class = 1 << 2;
const ORDINAL: Class = 1 << 3;
const WEEKDAY: Class = 1 << 4;
const BARE_WEEKDAY: Class = 1 << 5;
const DAY: Class = 1 << 6;
const NOW: Class = 1 << 7;
const UNIT: Class = 1 << 8;
const DIRECTION: Class = 1 << 9;
const THIS: Class = 1 << 10;
const AGO: Class = 1 << 11;
const LATER: Class = 1 << 12;
const PERIOD: Class = 1 << 14;
const CLOCK: Class = 1 << 15;
const HIJRI: Class = 1 << 18;
const FROM: Class = 1 << 21;
/// A word meaning "from" or "between" (`من`, `from`, `between`).
pub(super) const FROM_WORD: Class = FROM;
pub(super) const CURRENCY: Class = 1 << 22;
const MEASURE: Class = 1 << 23;
/// A word that counts the amount before it: a unit of time, a currency, a
/// unit of measure (`سنة`, `دولار`, `متر`).
pub(super) const COUNTING_UNIT: Class = UNIT | CURRENCY | MEASURE;
const PART: Class = 1 << 25;
const WITHIN: Class = 1 << 26;
const TONIGHT: Class = 1 << 28;
const DURING: Class = 1 << 29;
const PARTICLE: Class = 1 << 24;
const HOUR: Class = 1 << 30;
const DAY_PART: Class = 1 << 31;
const SEASON: Class = 1 << 57;
const DECADE_WORD: Class = 1 << 58;
/// A word a recurrence starts with: `كل`, `every`, `يوميا`, `mondays`,
/// `مرتين`, `twice`.
pub(super) const REPEATING: Class = 1 << 63;

/// Without the article: a number word, an ordinal, a time unit.
const ARTICLE_NUM: Class = 1 << 32;
const ARTICLE_ORDINAL: Class = 1 << 33;
const ARTICLE_UNIT: Class = 1 << 34;
/// The word (or the word after a proclitic) starts a two-word form.
pub(super) const PAIR: Class = 1 << 35;
/// The token starts a form the tokenizer splits (`ج.م`, `US$`, `HK$`).
pub(super) const GLUE: Class = 1 << 36;
/// The word (or the word after a proclitic) starts a holiday's name.
const HOLIDAY: Class = 1 << 37;
/// `شهر` or `الشهر`, with or without a proclitic (a month by its number),
/// or the dual `شهري` (the two months of, before two names).
pub(super) const MONTH_WORD: Class = 1 << 38;
/// A number token.
pub(super) const NUMBER: Class = 1 << 40;
/// An opening parenthesis (a phone number's area code).
pub(super) const OPEN: Class = 1 << 41;
/// A dash or `و` (between two ends of an interval).
const JOINER: Class = 1 << 42;
/// A word or sign joining two items of a list (`و`, `أو`, `and`, `or`, a
/// comma): asked of the tokens around every number (`coordinated.rs`).
pub(super) const LIST_JOINT: Class = 1 << 60;
const TO: Class = 1 << 20;
/// A word some bound of an amount of money starts with (`تحت`, `أقل من`).
pub(super) const BOUND: Class = 1 << 43;
/// A word some bound written after an amount of money starts with
/// (`على الأقل`, `فأكثر`).
pub(super) const BOUND_AFTER: Class = 1 << 44;
/// Some entity may start at the token (see `Words::may_start`): no gate
/// asks for it.
pub(super) const START: Class = 1 << 55;

/// Words that some expression starts with, compared as written in the
/// extractors (`في الشهر المقبل`, `the day after`, `at 10 pm`), by which
/// readers compare them: each group has a bit of its own, so that a reader
/// is not tried at a leading word it never reads (`في` starts no duration).
/// `في` and `in`: skipped before a month's part or middle, or the part of
/// the current unit (`في أوائل`, `in early`); `في` also before `now` and a
/// day word (`في هذه اللحظة`, `في هذا اليوم`).
const LEAD_FI: Class = 1 << 39;
const LEAD_IN: Class = 1 << 45;
/// `the`: before a day word, several units, or the nth day of a month.
const LEAD_THE: Class = 1 << 46;
/// `هذه`: before `اللحظة` (now) and `الليلة` (tonight).
const LEAD_THIS_F: Class = 1 << 47;
/// What `relative::day_word` reads first after `في`/`the`: `هذا`, `يوم`,
/// `day`, `اليوم`, and the shifts `بعد`, `after`, `قبل`, `اول`, `before`.
const LEAD_DAY: Class = 1 << 48;
/// `a`, `an` (`a week`, `an hour`, `a gallon`).
const LEAD_A: Class = 1 << 49;
/// Before a time of day: `عند`, `حوالي`, `تمام`, `at`, `around`.
pub(super) const LEAD_CLOCK: Class = 1 << 50;
/// Before a written date: `يوم`, `اليوم`, `بتاريخ`, `on` (`on the 15th`);
/// `امس`, `غدا` before a weekday and its date.
pub(super) const LEAD_DATE: Class = 1 << 51;
/// Before a weekday: `يوم`, `on`.
const LEAD_WEEKDAY: Class = 1 << 52;
/// `past`, `recent` (`the past 3 years`, `in recent years`).
pub(super) const LEAD_PAST: Class = 1 << 53;
/// Counted days or weeks of a month: `اخر`, `last`, `اليوم`, `الاسبوع`;
/// `غرة` (the first day of a Hijri month).
pub(super) const LEAD_NTH: Class = 1 << 54;
/// Before a time that it bounds: `before`, `until`, `since`, `from`, `قبل`, `منذ`, `بحلول`...;
/// also before a day it moves: `عشية`, `ليلة` (with a proclitic too) and `eve`, the
/// eve of a day (`eve.rs`).
pub(super) const LEAD_BOUND: Class = 1 << 56;
/// The hours of a part of a day it is said in: `الساعات` (`الساعات
/// الأولى من صباح اليوم`), `ساعة`, `وقت` (`في ساعة متأخرة من مساء أمس`,
/// `في وقت مبكر من صباح اليوم`).
pub(super) const LEAD_HOURS: Class = 1 << 61;
/// `مثل` (like), also after `ب` (in): `في مثل هذا اليوم من عام 1948`,
/// `بمثل هذا اليوم`, on this day in 1948.
pub(super) const LEAD_LIKE: Class = 1 << 62;

/// The leading words and their bits.
const LEADING_WORDS: [(&str, Class); 61] = [
    ("في", LEAD_FI),
    ("هذه", LEAD_THIS_F),
    ("هذا", LEAD_DAY),
    ("the", LEAD_THE),
    ("يوم", LEAD_DAY | LEAD_DATE | LEAD_WEEKDAY),
    ("اليوم", LEAD_DAY | LEAD_DATE | LEAD_NTH),
    ("امس", LEAD_DATE),
    ("غدا", LEAD_DATE),
    ("الاسبوع", LEAD_NTH),
    ("غره", LEAD_NTH),
    ("day", LEAD_DAY),
    ("بعد", LEAD_DAY | LEAD_BOUND),
    ("after", LEAD_DAY | LEAD_BOUND),
    ("قبل", LEAD_DAY | LEAD_BOUND),
    ("اول", LEAD_DAY),
    ("before", LEAD_DAY | LEAD_BOUND),
    ("on", LEAD_WEEKDAY | LEAD_DATE | LEAD_BOUND),
    ("بتاريخ", LEAD_DATE),
    ("past", LEAD_PAST),
    ("recent", LEAD_PAST),
    ("in", LEAD_IN | LEAD_BOUND),
    ("a", LEAD_A),
    ("an", LEAD_A),
    ("عند", LEAD_CLOCK),
    ("حوالي", LEAD_CLOCK),
    ("تمام", LEAD_CLOCK),
    ("at", LEAD_CLOCK | LEAD_BOUND),
    ("@", LEAD_CLOCK),
    ("around", LEAD_CLOCK),
    ("اخر", LEAD_NTH),
    ("last", LEAD_NTH),
    ("until", LEAD_BOUND),
    ("till", LEAD_BOUND),
    ("til", LEAD_BOUND),
    ("by", LEAD_BOUND),
    ("حتي", LEAD_BOUND),
    ("since", LEAD_BOUND),
    ("from", LEAD_BOUND),
    ("through", LEAD_BOUND),
    ("thru", LEAD_BOUND),
    ("منذ", LEAD_BOUND),
    ("بحلول", LEAD_BOUND),
    ("اعتبارا", LEAD_BOUND),
    ("ابتداء", LEAD_BOUND),
    ("ابتداءا", LEAD_BOUND),
    ("بدءا", LEAD_BOUND),
    ("starting", LEAD_BOUND),
    ("effective", LEAD_BOUND),
    ("no", LEAD_BOUND),
    ("not", LEAD_BOUND),
    ("later", LEAD_BOUND),
    ("earlier", LEAD_BOUND),
    ("eve", LEAD_BOUND),
    ("الساعات", LEAD_HOURS),
    ("ساعه", LEAD_HOURS),
    ("ساعات", LEAD_HOURS),
    ("وقت", LEAD_HOURS),
    ("مثل", LEAD_LIKE),
    ("بمثل", LEAD_LIKE),
    // `حتى تاريخه` (to date): the present moment after a word of `until`
    // (`relative::now`).
    ("تاريخه", NOW),
    // `عطلة نهاية الأسبوع` (the weekend), `weekends::arabic_weekend`.
    ("عطله", LEAD_THE),
];

/// The bits of a word, symbol or punctuation token from its folded form,
/// its meanings (as written or after a proclitic) and its meanings without
/// the article; the caller adds [`PAIR`].
pub(super) fn word_class(folded: &str, senses: &[Sense], article: &[Sense]) -> Class {
    let mut class = senses.iter().fold(0, |c, s| c | sense_bit(s));
    for s in article {
        class |= match s {
            Sense::Num(..) => ARTICLE_NUM,
            Sense::Ordinal(..) => ARTICLE_ORDINAL,
            Sense::Unit(..) => ARTICLE_UNIT,
            _ => 0,
        };
    }
    let lex = lexicon();
    if lex.starts_glued(folded) {
        class |= GLUE;
    }
    if lex.starts_holiday(folded) || strip_proclitic(folded).is_some_and(|r| lex.starts_holiday(r))
    {
        class |= HOLIDAY;
    }
    // The first words of the parts of a day of two words (`بعد ظهر`, `قبل
    // ظهر` in time_words.tsv), with a proclitic too (`وقبل ظهر`).
    let day_part_pair = |w: &str| matches!(w, "بعد" | "قبل");
    if day_part_pair(folded) || strip_proclitic(folded).is_some_and(day_part_pair) {
        class |= DAY_PART;
    }
    if matches!(folded, "شهر" | "الشهر" | "شهري") || strip_proclitic(folded) == Some("شهر")
    {
        class |= MONTH_WORD;
    }
    if super::eve::arabic_eve(folded).is_some() || super::dates::after_conjunction(folded).is_some()
    {
        class |= LEAD_BOUND;
    }
    if let Some((_, bits)) = LEADING_WORDS.iter().find(|(word, _)| *word == folded) {
        class |= bits;
    }
    if super::bounds::starts_bound(folded) {
        class |= BOUND;
    }
    if super::bounds::starts_bound_after(folded) {
        class |= BOUND_AFTER;
    }
    if folded == "(" {
        class |= OPEN;
    }
    // The article drawn out before digits (`الـ33`, two tokens) may start an
    // ordinal, as a number with the article does; the dual of a point
    // (`نقطتين مئويتين`) a percentage with no number before it.
    if folded == "ال" || super::numbers::points_dual(folded).is_some() {
        class |= ARTICLE_NUM;
    }
    if matches!(folded, "-" | "–" | "و") {
        class |= JOINER;
    }
    if matches!(folded, "و" | "او" | "أو" | "and" | "or" | "," | "،") {
        class |= LIST_JOINT;
    }
    class
}

/// `number_words::amount`: digits, a number word, or a unit with the
/// article before `عشر` (`الخمسة عشر`, `الأحد عشر`: `definite_teen_unit`).
pub(super) const AMOUNT: Class = NUMBER | NUM | ARTICLE_NUM;
/// `number_words::ordinal` (and the English compound ordinal).
pub(super) const ORDINAL_WORDS: Class = NUMBER | ORDINAL | ARTICLE_ORDINAL | ARTICLE_NUM | NUM;
/// `dates::month`: one or two words naming a month, or `شهر` and a number.
const MONTH_NAME: Class = PAIR | MONTH | MONTH_WORD;
/// `dates::written_date`: digits, an ordinal day, a month, a year word.
const WRITTEN_DATE: Class = NUMBER | ORDINAL_WORDS | MONTH_NAME | YEAR_WORD;
/// `durations::amount_of_time`: an amount, `a`, or a unit word.
pub(super) const AMOUNT_OF_TIME: Class = AMOUNT | LEAD_A | UNIT;
/// `clock::time_of_day`: a leading word, `الساعة`, an hour, or minutes
/// counted from one (`half`, `a quarter`, `20` before `past`), or the
/// first of two words naming an hour (`منتصف الليل`, whose first word is a
/// part: a test of [`PAIR`] would let every pair through).
pub(super) const TIME_OF_DAY: Class =
    LEAD_CLOCK | CLOCK | NUMBER | ORDINAL_WORDS | AMOUNT | HOUR | LEAD_A | PART;
/// `coordinated::day_in_list`: a day in digits.
pub(super) const DAY_IN_LIST: Class = NUMBER;
/// `coordinated::month_in_list`: a month.
pub(super) const MONTH_IN_LIST: Class = MONTH_NAME;
/// `coordinated::ordinal_in_list`: an ordinal word, with the article or
/// after `و` and the article.
pub(super) const ORDINAL_IN_LIST: Class = ORDINAL_WORDS;
/// `clock::period_then_time`: `في` or `in` before a part of the day, or an
/// Arabic part (`مساء`, `بعد الظهر`).
pub(super) const PERIOD_THEN_TIME: Class = PERIOD | PAIR | LEAD_FI | LEAD_IN;
/// `dates::absolute`: `يوم`, a weekday, a written date, `the` before an
/// ordinal day, `in` before a year or a month, `on` before `the` and a day.
pub(super) const ABSOLUTE: Class =
    LEAD_DATE | WEEKDAY | BARE_WEEKDAY | WRITTEN_DATE | LEAD_THE | LEAD_IN;
/// `hijri::hijri_date`: a day number or a Hijri month.
pub(super) const HIJRI_DATE: Class = NUMBER | PAIR | HIJRI;
/// A Hijri month's name or the first word of a pair that may name one
/// (`ربيع الأول`): what `holidays::hijri_day` looks for after its day.
pub(super) const HIJRI_MONTH: Class = HIJRI | PAIR;
/// `holidays::hijri_month`: `شهر`, or a Hijri month's name (after `في`).
pub(super) const HIJRI_MONTH_ALONE: Class = HIJRI | PAIR | MONTH_WORD;
/// `holidays::hijri_day`: a day in digits or an ordinal word.
pub(super) const HIJRI_DAY: Class = NUMBER | ORDINAL_WORDS;
/// `intervals::consecutive_years`: a number (`2023/2024`, `2023-24`).
pub(super) const CONSECUTIVE_YEARS: Class = NUMBER;
/// `holidays::day_of_holiday`: an ordinal word (`أول أيام`, `second day
/// of`), `اليوم` before one, `العشر`, `غرة` (the first day of a Hijri
/// month), or `the` (`the second day of`); no digits.
pub(super) const DAY_OF_HOLIDAY: Class =
    ORDINAL | ARTICLE_ORDINAL | ARTICLE_NUM | LEAD_NTH | LEAD_THE;
/// A holiday's first word, a Hijri month or the first word of a pair that
/// may name one (`ذي الحجة`): what `holidays::day_of_holiday` looks for
/// after its day.
pub(super) const HOLIDAY_OR_HIJRI: Class = HOLIDAY | HIJRI_MONTH;
/// `nth::weekday_of_week`: a weekday, or `يوم` before one.
pub(super) const WEEKDAY_OF_WEEK: Class = WEEKDAY | BARE_WEEKDAY | LEAD_WEEKDAY;
/// `seasons::season`: a season's name, after `the`, a direction or `this`
/// or not; or `the` before a direction (`the past spring`).
pub(super) const SEASON_NAME: Gate = (LEAD_THE | DIRECTION | THIS, SEASON | DIRECTION | THIS);
/// `recurrences::recurrence`: a word of every, of a frequency or a plural
/// weekday; `أيام` before weekdays (a unit); a part of a day before `كل`
/// (`صباح كل يوم`, and `بعد ظهر`).
pub(super) const RECURRENCE: Class = REPEATING | UNIT | DAY_PART;
/// `weekends::weekend_near`: `the`, a direction or `this`; and
/// `weekends::arabic_weekend`: `عطلة`, which has the bit of `the`, or
/// `نهاية`, a part.
pub(super) const WEEKEND_NEAR: Class = LEAD_THE | DIRECTION | THIS | PART;
/// `dates::bounded`: a word that bounds the time after it.
pub(super) const TIME_BOUND: Class = LEAD_BOUND;
/// `nth::day_in_month`: a leading word, an ordinal or a weekday.
pub(super) const DAY_IN_MONTH: Class = LEAD_THE | LEAD_NTH | ORDINAL_WORDS | WEEKDAY | BARE_WEEKDAY;
/// `nth::quarter_of_year` and `nth::half_of_year`: `the`, an ordinal or
/// `الربع`/`النصف`, `Q1`..`Q4`, `H1`, `H2` (particles), or a direction or
/// `this` (`next quarter`).
pub(super) const QUARTER: Class = LEAD_THE | ORDINAL_WORDS | PARTICLE | DIRECTION | THIS;
/// `holidays::holiday`: the first word of a holiday's name, after a
/// direction (`last`, `next`, `this`) or not.
pub(super) const HOLIDAY_NAME: Gate = (DIRECTION | THIS, HOLIDAY);

/// The parts of `relative::relative`, each a pair: the bits of a word it
/// may skip first (`في`, `the`; see [`Gate`]), and those of the token
/// after it or, without that word, of the first.
pub(super) const NOW_WORD: Gate = (LEAD_FI, LEAD_THIS_F | NOW | PAIR);
pub(super) const DAY_WORD: Gate = (LEAD_FI | LEAD_THE, LEAD_DAY | DAY);
pub(super) const WEEKDAY_NEAR: Gate = (0, DIRECTION | THIS | LEAD_WEEKDAY | WEEKDAY | BARE_WEEKDAY);
pub(super) const UNIT_AND_DIRECTION: Gate = (LEAD_THE, DIRECTION | THIS | UNIT | ARTICLE_UNIT);
pub(super) const SEVERAL_UNITS: Gate = (
    0,
    LEAD_THE | LEAD_PAST | DIRECTION | ARTICLE_UNIT | ARTICLE_NUM | LEAD_NTH,
);
/// `relative::units_from_now`: `the`, then a direction, `past`, `recent`
/// or a unit (`the weeks ahead`); or a unit with the article.
pub(super) const UNITS_FROM_NOW: Gate = (LEAD_THE, LEAD_PAST | DIRECTION | UNIT | ARTICLE_UNIT);
/// `relative::same_day_in_year`: `في` before `مثل`, `مثل`, or `this`.
pub(super) const SAME_DAY_IN_YEAR: Gate = (LEAD_FI, LEAD_LIKE | THIS);
pub(super) const MONTH_AND_DIRECTION: Gate = (0, DIRECTION | THIS | MONTH_NAME);
/// `dates::month_after_fi`: `في` before a month's name or `شهر`, or `شهر`
/// itself.
pub(super) const MONTH_AFTER_FI: Gate = (LEAD_FI, MONTH_NAME);
/// `dates::year_after_fi`: `في` before a number.
pub(super) const YEAR_AFTER_FI: Gate = (LEAD_FI, NUMBER);
/// `relative::amount_before_or_after`: `منذ`, `in`, an amount of time, or
/// a bound before it (`more than two years ago`).
pub(super) const AMOUNT_BEFORE_OR_AFTER: Gate = (0, AGO | LATER | AMOUNT_OF_TIME | BOUND);
/// `relative::units_ago`: `منذ`, `قبل`, `بعد` or a unit (`years ago`).
pub(super) const UNITS_AGO: Gate = (0, AGO | LATER | UNIT);
/// `relative::month_part`: a part word, or `الثلث` (a number word with the
/// article) before its ordinal.
pub(super) const MONTH_PART: Gate = (LEAD_FI | LEAD_IN | LEAD_THE, PART | ARTICLE_NUM);
pub(super) const PART_OF_CURRENT_UNIT: Gate = (LEAD_FI | LEAD_IN, PAIR | WITHIN);
pub(super) const TONIGHT_WORD: Gate = (0, LEAD_THIS_F | THIS | TONIGHT);
pub(super) const DURING_AMOUNT: Gate = (0, PAIR | DURING);
pub(super) const MIDDLE_OF_MONTH: Gate = (LEAD_FI | LEAD_IN, NUM);
/// `relative::week_of`: `the week of`, `week of`, `the week beginning`.
pub(super) const WEEK_OF: Gate = (LEAD_THE, UNIT);
/// `relative::period_end`: `year-end`, `the month end`; and
/// `relative::period_to_date`: `year to date`, `month-to-date`.
pub(super) const PERIOD_END: Gate = (LEAD_THE, UNIT);
/// `relative::century`: `the` or `القرن`, an ordinal before `century`.
pub(super) const CENTURY: Gate = (LEAD_THE, ARTICLE_UNIT | ORDINAL_WORDS);
/// `nth::first_or_last_units`: `the first`, `the last`, or months or days
/// with the article (`الأشهر`, `الأيام`).
pub(super) const FIRST_OR_LAST_UNITS: Gate = (LEAD_THE, ORDINAL_WORDS | DIRECTION | ARTICLE_UNIT);
/// `relative::decade`: `the 1990s`, `1990s`, `التسعينيات`.
pub(super) const DECADE: Gate = (LEAD_THE, NUMBER | DECADE_WORD);
/// `relative::part_of_day`: a part of a day first (`صباح اليوم`, of two
/// words: `بعد ظهر أمس`), the hours it is said in (`الساعات الأولى من`,
/// `early`, `late`: parts of a period), `this`, or what a day word or a
/// weekday starts with.
pub(super) const PART_OF_DAY: Gate = (
    DAY_WORD.0 | WEEKDAY_NEAR.0,
    DAY_PART | DAY_WORD.1 | WEEKDAY_NEAR.1 | LEAD_HOURS | PART,
);
/// `relative::relative`: any of its parts.
pub(super) const RELATIVE: Class = either(NOW_WORD)
    | either(DAY_WORD)
    | either(WEEKDAY_NEAR)
    | either(UNIT_AND_DIRECTION)
    | either(SEVERAL_UNITS)
    | either(UNITS_FROM_NOW)
    | either(FIRST_OR_LAST_UNITS)
    | either(MONTH_AND_DIRECTION)
    | either(AMOUNT_BEFORE_OR_AFTER)
    | either(UNITS_AGO)
    | either(SAME_DAY_IN_YEAR)
    | either(MONTH_PART)
    | either(PART_OF_CURRENT_UNIT)
    | either(TONIGHT_WORD)
    | either(DURING_AMOUNT)
    | either(MIDDLE_OF_MONTH)
    | either(WEEK_OF)
    | either(PERIOD_END)
    | either(DECADE)
    | either(CENTURY)
    | either(PART_OF_DAY);

/// The gate of an expression that may open with a word it skips: the bits
/// of that word, and the bits of the token after it (or, without the word,
/// of the first token). `في` alone passes no gate: only `في` before a token
/// that passes does.
pub(super) type Gate = (Class, Class);

/// The bits of a first token that passes `gate` either way, for the gate
/// of a whole extractor (a necessary condition; see [`passes`]).
const fn either(gate: Gate) -> Class {
    gate.0 | gate.1
}

/// Whether an expression with `gate` may start at a token of bits `first`
/// followed by one of bits `second`.
pub(super) fn passes(gate: Gate, first: Class, second: Class) -> bool {
    first & gate.1 != 0 || (first & gate.0 != 0 && second & gate.1 != 0)
}

/// `dates::date_or_time`, also after a word that makes it approximate
/// (`قرابة`, one of the bounds of money), and an amount of time before or
/// after a date.
pub(super) const DATE_OR_TIME: Class = ABSOLUTE
    | RELATIVE
    | HIJRI_DATE
    | HIJRI_DAY
    | WEEKDAY_OF_WEEK
    | DAY_IN_MONTH
    | QUARTER
    | WEEKEND_NEAR
    | either(SEASON_NAME)
    | either(HOLIDAY_NAME)
    | TIME_OF_DAY
    | PERIOD_THEN_TIME
    | BOUND
    | LEAD_BOUND
    | OFFSET_FROM_DATE;
/// `anchored::offset_from_date`: an amount of time (English), `قبل` or
/// `بعد` (Arabic).
pub(super) const OFFSET_FROM_DATE: Class = AMOUNT_OF_TIME | AGO | LATER;
/// `eve::eve_of`: `عشية`, `ليلة`, `eve`, or `the` before one of them.
pub(super) const EVE: Gate = (LEAD_THE, LEAD_BOUND);
/// `intervals::to_at`: a dash, `و`, or a word meaning "to" (exact: the
/// test it replaces reads nothing else of the token).
pub(super) const TO_AT: Class = JOINER | TO;
/// `intervals::interval`: `من`, or a first end (a date, a day, a month, a
/// year, a time, a weekday, `يوم` before a weekday).
pub(super) const INTERVAL: Class =
    FROM | WRITTEN_DATE | YEAR_WORD | TIME_OF_DAY | WEEKDAY | LEAD_WEEKDAY;
/// `measures::money`: a bound, a range (`من`, an amount), a currency, an
/// amount, or `a` before a currency.
pub(super) const MONEY: Class = BOUND | FROM | AMOUNT | PAIR | GLUE | CURRENCY | LEAD_A;

/// Whether token `i` may start money only as the article before a currency
/// (`a dollar`) and no currency follows it: most `a`s, passed at once.
pub(super) fn article_without_currency(w: &Words, i: usize) -> bool {
    w.class(i) & MONEY == LEAD_A && w.class(i + 1) & CURRENCY == 0
}

/// A number word or an ordinal word (what `fractions::ordinal_fraction`
/// starts with: `two fifths`, `tenth`).
pub(super) const COUNT_OR_ORDINAL: Class = NUM | ORDINAL;
/// `measures::quantity`: a bound, a range (`from`, an amount), an amount, a
/// unit of measure, `a` before one, or the ordinal of a fraction (`tenth
/// of a gallon`).
pub(super) const QUANTITY: Class = BOUND | FROM | AMOUNT | PAIR | GLUE | MEASURE | LEAD_A | ORDINAL;
/// `durations::duration`: an amount of time, the ordinal of a fraction
/// (`tenth of a second`), or a unit or number with the article (`الأيام
/// الثلاثة`, `الثلاثة أيام`).
pub(super) const DURATION: Class = AMOUNT_OF_TIME | ORDINAL | ARTICLE_UNIT | ARTICLE_NUM;
/// `phones::phone`: digits, or `(` before them.
pub(super) const PHONE: Class = NUMBER | OPEN;
/// `numbers::ordinal`.
pub(super) const ORDINAL_NUMBER: Class = ORDINAL_WORDS;
/// `numbers::number`: an amount.
pub(super) const NUMBER_ENTITY: Class = AMOUNT;

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::super::{extract_gated, lexicon::lexicon, EntityKind, ExtractOptions, Reference};
    use super::{sense_bit, LEADING_WORDS};
    use crate::core::budget::Budget;
    use crate::core::corpus::{generate_mix, Mix};
    use crate::core::segment::word_tokens_within;

    /// The gated pass finds exactly what trying every extractor at every
    /// token finds (entities, values, warnings).
    fn assert_gates_change_nothing(text: &str) {
        let (tokens, _) = word_tokens_within(text, &Budget::unlimited()).expect("no budget");
        let options = ExtractOptions {
            kinds: EntityKind::ALL
                .into_iter()
                .filter(|k| !k.is_named())
                .collect(),
            reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 7, 23).expect("a date")),
            ner_model: None,
        };
        let budget = Budget::unlimited();
        let gated = extract_gated(text, &tokens, &options, &budget, true).expect("no budget");
        let full = extract_gated(text, &tokens, &options, &budget, false).expect("no budget");
        assert_eq!(gated.entities, full.entities, "entities of {text:?}");
        assert_eq!(gated.warnings, full.warnings, "warnings of {text:?}");
    }

    #[test]
    fn gates_change_nothing_on_generated_news() {
        for seed in 1..=4 {
            for mix in [Mix::Mixed, Mix::Arabic] {
                assert_gates_change_nothing(&generate_mix(1 << 16, seed, mix));
            }
        }
    }

    #[test]
    fn gates_change_nothing_on_the_golden_texts() {
        for text in [
            include_str!("../../../tests/golden/ar_news.txt"),
            include_str!("../../../tests/golden/en_mixed.txt"),
            include_str!("../../../tests/golden/fa_ur.txt"),
        ] {
            assert_gates_change_nothing(text);
        }
    }

    /// The pieces every extractor is built from, in pools drawn from
    /// evenly (so that rare kinds of word come as often as number words):
    /// the forms of the lexicon by the kind of their first meaning, with a
    /// proclitic or the article; the leading words; numbers of every shape;
    /// the signs that join or follow them.
    fn pools() -> Vec<Vec<String>> {
        let mut by_kind: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
        let mut forms: Vec<&str> = lexicon().forms().collect();
        forms.sort_unstable();
        for form in forms {
            let kind = lexicon()
                .senses(form)
                .first()
                .map_or(64, |s| sense_bit(s).trailing_zeros());
            let pool = by_kind.entry(kind).or_default();
            pool.push(form.to_string());
            if !form.is_ascii() {
                pool.push(format!("و{form}"));
                pool.push(format!("ال{form}"));
                pool.push(format!("ب{form}"));
            }
        }
        let mut pools: Vec<Vec<String>> = by_kind.into_values().collect();
        pools.push(LEADING_WORDS.iter().map(|(w, _)| w.to_string()).collect());
        let bounds = [
            "تحت",
            "أقل",
            "من",
            "على",
            "الأقل",
            "حوالي",
            "في",
            "حدود",
            "فأكثر",
            "تقريبا",
            "at",
            "least",
            "under",
            "or",
            "more",
        ];
        pools.push(bounds.iter().map(|b| b.to_string()).collect());
        let numbers = [
            "3",
            "12",
            "23",
            "٢٣",
            "2024",
            "1445",
            "12,500",
            "3.5",
            "٣٫٥",
            "10:30",
            "15:23:24",
            "2024-07-23",
            "23/07/2024",
            "45%",
            "21st",
            "+966",
            "050",
            "123",
            "4567",
            "0",
        ];
        pools.push(numbers.iter().map(|n| n.to_string()).collect());
        let signs = [
            "(",
            ")",
            "-",
            "/",
            ":",
            ",",
            "،",
            ".",
            "$",
            "و",
            "and",
            "أو",
            "or",
            "بين",
            "between",
            "من",
            "إلى",
            "of",
            "\n",
            "😀",
            "#وسم",
            "https://example.com",
            "شهر",
            "شهري",
            "الشهر",
            "بشهر",
            "هـ",
            "م",
        ];
        pools.push(signs.iter().map(|s| s.to_string()).collect());
        pools
    }

    /// Short texts of pieces joined by a space, or glued.
    fn text() -> impl Strategy<Value = String> {
        let pools = pools();
        let pick = (
            0..pools.len(),
            any::<prop::sample::Index>(),
            prop::bool::weighted(0.85),
        );
        prop::collection::vec(pick, 1..10).prop_map(move |picks| {
            let mut text = String::new();
            for (pool, index, spaced) in picks {
                if spaced && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(index.get(&pools[pool]).as_str());
            }
            text
        })
    }

    /// Amounts that start at a unit with the article (`الأحد عشر`, read
    /// by `definite_teen_unit`) before a currency or a unit: the money and
    /// quantity gates open there too (the property test below found them
    /// shut).
    #[test]
    fn gates_change_nothing_at_a_definite_teen_before_a_currency() {
        for text in [
            "الاحد عشره بل.ل q2",
            "دفع الخمسة عشر دولارا",
            "قطع الاثني عشر كيلومترا",
        ] {
            assert_gates_change_nothing(text);
        }
    }

    /// Forms whose first word opens an extractor through a gate of its
    /// own (`early`, `year`, a bound word before an amount of time).
    #[test]
    fn gates_change_nothing_at_words_that_open_a_reading() {
        for text in [
            "died late last night",
            "early Monday morning",
            "by year-end",
            "at the month end",
            "more than two years ago",
            "in less than an hour",
            "منذ أكثر من عامين",
            "a three-day visit",
            "1 hour 30 minutes",
            "ساعة و30 دقيقة",
            "خلال العام الجاري 2024",
            "in recent years",
            "in the weeks ahead",
            "خلال الساعات الماضية",
            "in the early hours of Sunday",
            "the highest level in 20 years",
            "قبل أيام",
            "years ago",
            "في وقت سابق اليوم",
            "later today",
            "في مثل هذا اليوم من عام 1948",
            "this time last year",
        ] {
            assert_gates_change_nothing(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12000))]
        #[test]
        fn gates_change_nothing_on_any_mix_of_the_pieces(text in text()) {
            assert_gates_change_nothing(&text);
        }
    }
}
