//! Table-driven tests of extraction.

use super::*;

fn reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()
}

/// Extracts from `text` and compares (text, kind, value) of every entity
/// the rules find (named entities have their own tests in `core::ner`).
fn check(text: &str, expected: &[(&str, EntityKind, &str)]) {
    check_with(Reference::at_date(reference()), text, expected);
}

/// [`check`] with the reference at the same date in the IANA zone `zone`.
fn check_in_zone(zone: &str, text: &str, expected: &[(&str, EntityKind, &str)]) {
    let reference = Reference {
        zone: Zone::parse(zone).expect("a zone"),
        ..Reference::at_date(reference())
    };
    check_with(reference, text, expected);
}

/// [`check`] with `reference`.
fn check_with(reference: Reference, text: &str, expected: &[(&str, EntityKind, &str)]) {
    let options = ExtractOptions {
        kinds: vec![],
        reference,
        ner_model: None,
    };
    let found: Vec<(&str, EntityKind, String)> = extract(text, &options)
        .entities
        .iter()
        .filter(|e| !e.kind.is_named())
        .map(|e| (e.span.slice(text), e.kind, value_text(&e.value)))
        .collect();
    let expected: Vec<(&str, EntityKind, String)> = expected
        .iter()
        .map(|&(t, k, v)| (t, k, v.to_string()))
        .collect();
    assert_eq!(found, expected, "entities of {text:?}");
    let (tokens, _) =
        crate::core::segment::word_tokens_within(text, &Budget::unlimited()).expect("no budget");
    let full =
        extract_gated(text, &tokens, &options, &Budget::unlimited(), false).expect("no budget");
    let full: Vec<&Entity> = full
        .entities
        .iter()
        .filter(|e| !e.kind.is_named())
        .collect();
    let gated = extract(text, &options);
    let gated: Vec<&Entity> = gated
        .entities
        .iter()
        .filter(|e| !e.kind.is_named())
        .collect();
    assert_eq!(
        gated, full,
        "the gates of starts.rs change the entities of {text:?}"
    );
}

/// A value as one string: dates as `iso` or `iso/end`, numbers as their
/// decimal (`low-high` for a range), money as `amount CODE`, quantities as
/// `amount unit (base)`, a bound before the amount (`AtLeast 100`),
/// durations as ISO 8601, phones as E.164 or national digits.
fn value_text(value: &Value) -> String {
    match value {
        Value::DateTime(t) => match &t.end {
            Some(end) => format!("{}/{end}", t.iso),
            None => t.iso.clone(),
        },
        Value::Number {
            decimal,
            max,
            bound,
            fraction,
            ..
        } => {
            let range = match (max, fraction) {
                (_, Some(f)) => format!("{}/{}", f.numerator, f.denominator),
                (Some(max), None) => format!("{decimal}-{max}"),
                (None, None) => decimal.clone(),
            };
            match bound {
                Some(bound) => format!("{bound:?} {range}"),
                None => range,
            }
        }
        Value::Money {
            amount,
            currency,
            max,
            bound,
        } => {
            let range = match max {
                Some(max) => format!("{amount}-{max} {currency}"),
                None => format!("{amount} {currency}"),
            };
            match bound {
                Some(bound) => format!("{bound:?} {range}"),
                None => range,
            }
        }
        Value::Duration(d) => d.iso.clone(),
        Value::Quantity(q) => {
            let range = match &q.max_base {
                Some(max) => format!("{}-{max} {}", q.base_amount, q.unit),
                None => format!("{} {}", q.base_amount, q.unit),
            };
            match q.bound {
                Some(bound) => format!("{bound:?} {range}"),
                None => range,
            }
        }
        Value::Phone(p) => p.e164.clone().unwrap_or_else(|| p.national.clone()),
        Value::Link(link) | Value::Tag(link) => link.clone(),
        Value::Named { country, .. } => country.unwrap_or_default().to_string(),
        Value::Recurrence(r) => match (r.day_part, r.times) {
            (Some((from, to)), _) => format!("{} {} {from}-{to}", r.rrule(), r.period()),
            (None, Some(times)) => format!("{times} times {}", r.period()),
            (None, None) => format!("{} {}", r.rrule(), r.period()),
        },
    }
}

use EntityKind::*;

/// For each (text, span, grain): the one date or time found in the text
/// spans `span` and has `grain` (the values are checked by [`check`]).
fn check_grains(cases: &[(&str, &str, Grain)]) {
    let options = ExtractOptions {
        kinds: vec![EntityKind::DateTime],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    for &(text, span, grain) in cases {
        let found: Vec<(&str, Grain)> = extract(text, &options)
            .entities
            .iter()
            .filter_map(|e| match &e.value {
                Value::DateTime(t) => Some((e.span.slice(text), t.grain)),
                _ => None,
            })
            .collect();
        assert_eq!(found, vec![(span, grain)], "the date or time of {text:?}");
    }
}

#[test]
fn dates_with_month_names() {
    check(
        "تاريخ النشر: 23rd, July 2024 GMT",
        &[("23rd, July 2024", DateTime, "2024-07-23")],
    );
    check(
        "وفي مارس/آذار 2012 أغلقت",
        &[("مارس/آذار 2012", DateTime, "2012-03")],
    );
    check(
        "في 5 كانون الثاني 2020",
        &[("5 كانون الثاني 2020", DateTime, "2020-01-05")],
    );
    check("يوم ٢٣ تموز", &[("يوم ٢٣ تموز", DateTime, "2024-07-23")]);
    check(
        "on July 4, 1776 they",
        &[("July 4, 1776", DateTime, "1776-07-04")],
    );
    check(
        "في يوليو/تموز الجاري",
        &[("يوليو/تموز الجاري", DateTime, "2024-07")],
    );
    // A second name between brackets, as agencies gloss a month; a
    // different month between brackets is no gloss.
    check(
        "في 12 اكتوبر ( تشرين الاول ) 2005 ،",
        &[("12 اكتوبر ( تشرين الاول ) 2005", DateTime, "2005-10-12")],
    );
    check(
        "في يناير (كانون الثاني) عام 2003",
        &[("يناير (كانون الثاني) عام 2003", DateTime, "2003-01")],
    );
    check("في يوليو (آب) 2001", &[("2001", Number, "2001")]);
    // The year after `عام` (`year`), or after `من العام` ("of the year").
    check(
        "في 14 أيار عام 1904 .",
        &[("14 أيار عام 1904", DateTime, "1904-05-14")],
    );
    check(
        "ولدت في كانون الثاني (يناير) من العام 1901 .",
        &[("كانون الثاني (يناير) من العام 1901", DateTime, "1901-01")],
    );
    check(
        "في 3 جانفي 2021 و15 أوت",
        &[
            ("3 جانفي 2021", DateTime, "2021-01-03"),
            ("15 أوت", DateTime, "2024-08-15"),
        ],
    );
    check("في إبريل 2019", &[("إبريل 2019", DateTime, "2019-04")]);
    check(
        "on July 23 they met",
        &[("July 23", DateTime, "2024-07-23")],
    );
    check(
        "July 12\n2024",
        &[
            ("July 12", DateTime, "2024-07-12"),
            ("2024", Number, "2024"),
        ],
    );
}

#[test]
fn english_days_after_the_month_and_direction_synonyms() {
    check_all(&[
        // A day after the month: `the` and an ordinal, or an ordinal word
        // after a capitalised month.
        (
            "February the 15th",
            &[("February the 15th", DateTime, "2024-02-15")],
        ),
        (
            "May the first",
            &[("May the first", DateTime, "2024-05-01")],
        ),
        (
            "March third 2015",
            &[("March third 2015", DateTime, "2015-03-03")],
        ),
        ("March first", &[("March first", DateTime, "2024-03-01")]),
        // `may` lower-case before an ordinal word is the verb.
        ("you may first check", &[("first", Ordinal, "1")]),
        // `past` and `following` as `last` and `next` before a unit, with
        // `the` (no `the this week`).
        (
            "the past week",
            &[("the past week", DateTime, "2024-07-15")],
        ),
        (
            "the following week",
            &[("the following week", DateTime, "2024-07-29")],
        ),
        (
            "the previous month",
            &[("the previous month", DateTime, "2024-06")],
        ),
        ("the this week", &[("this week", DateTime, "2024-07-22")]),
        ("in the past", &[]),
        ("following the meeting", &[]),
    ]);
}

#[test]
fn dates_with_digits_and_years() {
    check(
        "2024-07-23 و٢٣/٧/٢٠٢٤",
        &[
            ("2024-07-23", DateTime, "2024-07-23"),
            ("٢٣/٧/٢٠٢٤", DateTime, "2024-07-23"),
        ],
    );
    check("في عام 2022، كما", &[("عام 2022", DateTime, "2022")]);
    check("وقبل العام 2011", &[("قبل العام 2011", DateTime, "2011")]);
    // A year of fewer digits with the era after it; `م` is then no metre.
    check(
        "بحلول عام 200 م. أصبحت",
        &[("بحلول عام 200 م", DateTime, "0200")],
    );
    check("في سنة 533م .", &[("سنة 533م", DateTime, "0533")]);
    check("على بعد 200 م.", &[("200 م", Quantity, "200 m")]);
    // The era spaced after a four-digit year belongs to the date.
    check("ولد عام 1882 م في", &[("عام 1882 م", DateTime, "1882")]);
    check("سنة 1948 ميلادية", &[("سنة 1948 ميلادية", DateTime, "1948")]);
    check(
        "في 23 يوليو 2024 م",
        &[("23 يوليو 2024 م", DateTime, "2024-07-23")],
    );
    // Before Christ: astronomical years, as ISO 8601 numbers them.
    check(
        "وبحلول سنة 1500 ق.م. كانت",
        &[("بحلول سنة 1500 ق.م", DateTime, "-1499")],
    );
    check(
        "عام 500 قبل الميلاد",
        &[("عام 500 قبل الميلاد", DateTime, "-0499")],
    );
    // The era alone says a number is a year.
    check(
        "بنيت نحو 600 ق م في بابل",
        &[("نحو 600 ق م", DateTime, "-0599")],
    );
    // A year in number words after `عام` or a date, not before a noun it
    // may count.
    check(
        "في عام ألفين وعشرين شهد العالم",
        &[("عام ألفين وعشرين", DateTime, "2020")],
    );
    check(
        "ولد في 10 سبتمبر ألف وتسعمائة وواحد",
        &[("10 سبتمبر ألف وتسعمائة وواحد", DateTime, "1901-09-10")],
    );
    check(
        "في العاشر من سبتمبر، ألفين",
        &[("العاشر من سبتمبر، ألفين", DateTime, "2000-09-10")],
    );
    check(
        "in the year two thousand twenty",
        &[("year two thousand twenty", DateTime, "2020")],
    );
    check("قتل عام ألف شخص", &[("ألف", Number, "1000")]);
    check("in 500 BC", &[("500 BC", DateTime, "-0499")]);
    check("in 500 B.C. and", &[("500 B.C.", DateTime, "-0499")]);
    check("in 2014 BC", &[("2014 BC", DateTime, "-2013")]);
    // The era after Christ: in capitals or with its dots (`ad` alone is a
    // word: `500 ad slots`).
    check("in 2014 AD", &[("in 2014 AD", DateTime, "2014")]);
    check("in 14 a.d.", &[("14 a.d.", DateTime, "0014")]);
    check("300 CE", &[("300 CE", DateTime, "0300")]);
    check("500 ad slots", &[("500", Number, "500")]);
    check(
        "بين سنتي 16000 ق.م. و13000 ق.م. كان",
        &[
            ("16000 ق.م", DateTime, "-15999"),
            ("13000 ق.م", DateTime, "-12999"),
        ],
    );
    // A century before Christ, not its number as a year.
    check(
        "حتى القرن 17 ق.م. عندما",
        &[("حتى القرن 17 ق.م", DateTime, "-1699/-1599")],
    );
    // A year of the Hijri era is its days, 1 Muharram to 1 Muharram (Umm
    // al-Qura in its table, tabular before it), not a Gregorian year.
    check(
        "في عام 1445 هـ",
        &[("عام 1445 هـ", DateTime, "2023-07-19/2024-07-07")],
    );
    check(
        "الخلافة سنة 36 للهجرة ودامت",
        &[("سنة 36 للهجرة", DateTime, "0656-07-03/0657-06-22")],
    );
    check(
        "توفي 38 هـ .",
        &[("38 هـ", DateTime, "0658-06-12/0659-06-01")],
    );
    check(
        "من عام 1420ه الى عام 1421ه",
        &[(
            "من عام 1420ه الى عام 1421ه",
            DateTime,
            "1999-04-17/2001-03-26",
        )],
    );
}

/// A numbered century is its hundred years, counted as `القرن الماضي` is.
#[test]
fn numbered_centuries() {
    check_all(&[
        (
            "في القرن التاسع عشر",
            &[("القرن التاسع عشر", DateTime, "1800/1900")],
        ),
        ("في القرن 19م .", &[("القرن 19م", DateTime, "1800/1900")]),
        (
            "القرن الحادي والعشرين",
            &[("القرن الحادي والعشرين", DateTime, "2000/2100")],
        ),
        (
            "in the 19th century",
            &[("the 19th century", DateTime, "1800/1900")],
        ),
        ("القرن 45", &[("45", Number, "45")]),
        // Hijri centuries are not read as Gregorian ones.
        ("في القرن الرابع الهجري", &[("الرابع", Ordinal, "4")]),
        ("منذ القرن الثاني للهجرة", &[("الثاني", Ordinal, "2")]),
        // Before Christ, counted back from year 1 (500 BC to 401 BC).
        (
            "في القرن الخامس قبل الميلاد",
            &[("القرن الخامس قبل الميلاد", DateTime, "-0499/-0399")],
        ),
        ("القرن 5 ق.م", &[("القرن 5 ق.م", DateTime, "-0499/-0399")]),
        // The article drawn out before the number (`الـ21`), and no year of
        // another era read from it.
        ("في القرن الـ21", &[("القرن الـ21", DateTime, "2000/2100")]),
        (
            "في القرن الـ5 قبل الميلاد",
            &[("القرن الـ5 قبل الميلاد", DateTime, "-0499/-0399")],
        ),
        ("في القرن الـ4 الهجري", &[("4", Number, "4")]),
        // A half of a year, not of a decade's or a century's first year.
        (
            "النصف الثاني من العقد الماضي",
            &[
                ("الثاني", Ordinal, "2"),
                ("العقد الماضي", DateTime, "2010/2020"),
            ],
        ),
    ]);
}

/// Numeric dates with the year last: day first, month first only when the
/// second number cannot be a month (the US order).
#[test]
fn numeric_dates_day_first_unless_only_month_first_exists() {
    check_all(&[
        ("07/23/2024", &[("07/23/2024", DateTime, "2024-07-23")]),
        ("12-25-2023", &[("12-25-2023", DateTime, "2023-12-25")]),
        ("23/07/2024", &[("23/07/2024", DateTime, "2024-07-23")]),
        // Both orders exist: day first (3 April), as most of the world writes.
        ("03/04/2024", &[("03/04/2024", DateTime, "2024-04-03")]),
        // Neither order exists.
        ("13/13/2024", &[]),
    ]);
    check_grains(&[("07/23/2024", "07/23/2024", Grain::Day)]);
}

/// A numeric date followed by the Hijri era is a Hijri date (Umm al-Qura:
/// 4 Sha'ban 1445 is Wednesday 14 February 2024); the Gregorian era after
/// one joins its span.
#[test]
fn numeric_dates_with_their_era() {
    check_all(&[
        (
            "الأربعاء 1445/8/4هـ الموافق 2024/2/14م",
            &[
                ("الأربعاء 1445/8/4هـ", DateTime, "2024-02-14"),
                ("2024/2/14م", DateTime, "2024-02-14"),
            ],
        ),
        (
            "بتاريخ 4/8/1445 هـ",
            &[("بتاريخ 4/8/1445 هـ", DateTime, "2024-02-14")],
        ),
        ("1445/13/4 هـ", &[]),
    ]);
}

#[test]
fn impossible_dates_are_not_dates() {
    check("31 فبراير 2024", &[]);
    check("99/99/9999", &[]);
}

#[test]
fn numbers_and_percentages() {
    check(
        "12,500 و١٢٬٥٠٠ و3.5 و-7 و1.234.567",
        &[
            ("12,500", Number, "12500"),
            ("١٢٬٥٠٠", Number, "12500"),
            ("3.5", Number, "3.5"),
            ("-7", Number, "-7"),
            ("1.234.567", Number, "1234567"),
        ],
    );
    check(
        "نما ٣٫٥٪ و 40%",
        &[("٣٫٥٪", Percent, "3.5"), ("40%", Percent, "40")],
    );
    check("۱۴۰۲", &[("۱۴۰۲", Number, "1402")]);
    check("१1 ١1", &[("١1", Number, "11")]);
}

#[test]
fn links_and_emails() {
    check(
        "راجع https://example.com/a?b=1. أو www.lisan.dev أو Info@Lisan.DEV",
        &[
            (
                "https://example.com/a?b=1",
                Url,
                "https://example.com/a?b=1",
            ),
            ("www.lisan.dev", Url, "http://www.lisan.dev"),
            ("Info@Lisan.DEV", Email, "Info@lisan.dev"),
        ],
    );
}

#[test]
fn kinds_filter_the_output() {
    let options = ExtractOptions {
        kinds: vec![EntityKind::Url],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    let found = extract("عام 2022 https://a.example 5", &options).entities;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, EntityKind::Url);
}

#[test]
fn huge_numbers_keep_their_exact_decimal() {
    let digits = "7".repeat(10_000);
    let found = extract(
        &digits,
        &ExtractOptions {
            kinds: vec![],
            reference: Reference::at_date(reference()),
            ner_model: None,
        },
    )
    .entities;
    assert_eq!(found.len(), 1);
    match &found[0].value {
        Value::Number { decimal, .. } => assert_eq!(decimal, &digits),
        other => panic!("expected a number, got {other:?}"),
    }
}

/// One row of a table: text, then every entity as (text, kind, value).
type Case = (
    &'static str,
    &'static [(&'static str, EntityKind, &'static str)],
);

fn check_all(cases: &[Case]) {
    for (text, expected) in cases {
        check(text, expected);
    }
}

/// Seasons, from their first day to the next season's (reference: Tuesday
/// 2024-07-23, in the summer of 2024).
#[test]
fn seasons_with_a_direction_or_a_year() {
    check_all(&[
        (
            "this summer",
            &[("this summer", DateTime, "2024-06-21/2024-09-23")],
        ),
        (
            "هذا الصيف",
            &[("هذا الصيف", DateTime, "2024-06-21/2024-09-23")],
        ),
        // In the summer, the next one is a year away; the next winter is
        // this year's.
        (
            "next summer",
            &[("next summer", DateTime, "2025-06-21/2025-09-23")],
        ),
        (
            "الشتاء المقبل",
            &[("الشتاء المقبل", DateTime, "2024-12-21/2025-03-20")],
        ),
        (
            "last winter",
            &[("last winter", DateTime, "2023-12-21/2024-03-20")],
        ),
        (
            "الصيف الماضي",
            &[("الصيف الماضي", DateTime, "2023-06-21/2023-09-23")],
        ),
        (
            "last fall",
            &[("last fall", DateTime, "2023-09-23/2023-12-21")],
        ),
        // Of a year.
        (
            "summer 2019",
            &[("summer 2019", DateTime, "2019-06-21/2019-09-23")],
        ),
        (
            "the winter of 2019",
            &[("the winter of 2019", DateTime, "2019-12-21/2020-03-20")],
        ),
        (
            "صيف عام 2019",
            &[("صيف عام 2019", DateTime, "2019-06-21/2019-09-23")],
        ),
        // In English, after a preposition, told in the past: the last one
        // begun.
        (
            "He was arrested in the spring.",
            &[("the spring", DateTime, "2024-03-20/2024-06-21")],
        ),
        (
            "Talks resumed in the summer.",
            &[("the summer", DateTime, "2024-06-21/2024-09-23")],
        ),
        // A season's name alone is not a date: not told in the past, a
        // noun after it, no preposition.
        ("The vote will be held in the spring.", &[]),
        ("Leaves fall in the autumn.", &[]),
        ("In the summer, the days are long.", &[]),
        ("They swam in the spring water.", &[]),
        ("The spring was dry.", &[]),
        ("الربيع العربي", &[]),
    ]);
}

/// Weekends, Friday 18:00 to Monday 00:00 (reference: Tuesday 2024-07-23).
#[test]
fn weekends_near_the_reference_and_counted_in_a_month() {
    check_all(&[
        (
            "See you this weekend.",
            &[(
                "this weekend",
                DateTime,
                "2024-07-26T18:00:00+00:00/2024-07-29T00:00:00+00:00",
            )],
        ),
        (
            "next week-end",
            &[(
                "next week-end",
                DateTime,
                "2024-07-26T18:00:00+00:00/2024-07-29T00:00:00+00:00",
            )],
        ),
        (
            "It rained last weekend.",
            &[(
                "last weekend",
                DateTime,
                "2024-07-19T18:00:00+00:00/2024-07-22T00:00:00+00:00",
            )],
        ),
        (
            "this past weekend",
            &[(
                "this past weekend",
                DateTime,
                "2024-07-19T18:00:00+00:00/2024-07-22T00:00:00+00:00",
            )],
        ),
        // Counted by its Saturday: June 2024 begins on one.
        (
            "the first weekend of June",
            &[(
                "the first weekend of June",
                DateTime,
                "2024-05-31T18:00:00+00:00/2024-06-03T00:00:00+00:00",
            )],
        ),
        (
            "the last weekend of October",
            &[(
                "the last weekend of October",
                DateTime,
                "2024-10-25T18:00:00+00:00/2024-10-28T00:00:00+00:00",
            )],
        ),
        (
            "the second week end in August 2025",
            &[(
                "the second week end in August 2025",
                DateTime,
                "2025-08-08T18:00:00+00:00/2025-08-11T00:00:00+00:00",
            )],
        ),
        // A holiday on a Monday makes its weekend a day longer; one on a
        // Wednesday (Christmas 2024) has none.
        (
            "labor day weekend",
            &[(
                "labor day weekend",
                DateTime,
                "2024-08-30T18:00:00+00:00/2024-09-03T00:00:00+00:00",
            )],
        ),
        (
            "christmas weekend",
            &[("christmas", DateTime, "2024-12-25")],
        ),
        // `the weekend` alone is the one its clause's tense tells, as a
        // bare weekday is; not as an adjective; `last week` is a week.
        (
            "Talks collapsed over the weekend.",
            &[(
                "the weekend",
                DateTime,
                "2024-07-19T18:00:00+00:00/2024-07-22T00:00:00+00:00",
            )],
        ),
        (
            "Talks will resume over the weekend.",
            &[(
                "the weekend",
                DateTime,
                "2024-07-26T18:00:00+00:00/2024-07-29T00:00:00+00:00",
            )],
        ),
        ("the weekend edition sold out", &[]),
        ("weekend", &[]),
        (
            "last week ended quietly",
            &[("last week", DateTime, "2024-07-15")],
        ),
    ]);
}

/// Values computed by hand (reference: Tuesday 2024-07-23 00:00 UTC).
#[test]
fn number_words_in_arabic_and_english() {
    check_all(&[
        (
            "ثلاثة آلاف وخمسمائة",
            &[("ثلاثة آلاف وخمسمائة", Number, "3500")],
        ),
        ("مليونان", &[("مليونان", Number, "2000000")]),
        // The construct dual of a billion, and parts of a scale.
        ("ملياري شخص", &[("ملياري", Number, "2000000000")]),
        // Its nominative, spelt as the accusative singular: two before a
        // currency or a unit, one after a number or alone.
        ("مليارا دولار", &[("مليارا دولار", Money, "2000000000 USD")]),
        ("ألفا متر", &[("ألفا متر", Quantity, "2000 m")]),
        (
            "20 مليارا دولار",
            &[("20 مليارا دولار", Money, "20000000000 USD")],
        ),
        ("أنفق مليونا على", &[("مليونا", Number, "1000000")]),
        ("نصف مليون دولار", &[("نصف مليون دولار", Money, "500000 USD")]),
        (
            "half a million dollars",
            &[("half a million dollars", Money, "500000 USD")],
        ),
        // The article and `of` before the scale (was 0.25 and a million).
        (
            "a quarter of a million people",
            &[("a quarter of a million", Number, "250000")],
        ),
        ("a quarter of the vote", &[("quarter", Number, "0.25")]),
        (
            "three quarters of a million",
            &[("three quarters of a million", Number, "750000")],
        ),
        ("ربع مليار", &[("ربع مليار", Number, "250000000")]),
        (
            "مليونان ونصف المليون",
            &[("مليونان ونصف المليون", Number, "2500000")],
        ),
        (
            "3 ملايين ونصف المليون دولار",
            &[("3 ملايين ونصف المليون دولار", Money, "3500000 USD")],
        ),
        (
            "خمسة ملايين ونصف مليون نسمة",
            &[("خمسة ملايين ونصف مليون", Number, "5500000")],
        ),
        ("نصف الكمية", &[("نصف", Number, "0.5")]),
        // Egyptian `نص` is half before what it counts; first and alone it is
        // the Standard `نصّ`, a text.
        ("نص مليون جنيه", &[("نص مليون جنيه", Money, "500000 EGP")]),
        ("اشترى نص كيلو", &[("نص كيلو", Quantity, "500 kg")]),
        ("نشر نص الاتفاق كاملا", &[]),
        ("اعتمد نص القرار", &[]),
        // A second number of the same scale after a dual starts anew.
        (
            "بين ألفين وثلاثة آلاف جندي",
            &[("ألفين", Number, "2000"), ("ثلاثة آلاف", Number, "3000")],
        ),
        (
            "مليونين وثلاثمائة ألف",
            &[("مليونين وثلاثمائة ألف", Number, "2300000")],
        ),
        ("خمسة وعشرون", &[("خمسة وعشرون", Number, "25")]),
        ("خمسة و عشرون", &[("خمسة و عشرون", Number, "25")]),
        ("إحدى عشرة", &[("إحدى عشرة", Number, "11")]),
        ("اثنا عشر", &[("اثنا عشر", Number, "12")]),
        ("مئتين وخمسين", &[("مئتين وخمسين", Number, "250")]),
        ("ثلاث مئة", &[("ثلاث مئة", Number, "300")]),
        (
            "تسعمائة وتسعة وتسعون ألفا",
            &[("تسعمائة وتسعة وتسعون ألفا", Number, "999000")],
        ),
        (
            "سبعة ملايين وثلاثمائة ألف",
            &[("سبعة ملايين وثلاثمائة ألف", Number, "7300000")],
        ),
        ("5 ملايين", &[("5 ملايين", Number, "5000000")]),
        ("2.5 مليار", &[("2.5 مليار", Number, "2500000000")]),
        ("تريليون", &[("تريليون", Number, "1000000000000")]),
        ("متين تلاتة وستين", &[("متين تلاتة وستين", Number, "263")]),
        ("twenty-one", &[("twenty-one", Number, "21")]),
        ("a hundred", &[("a hundred", Number, "100")]),
        (
            "three thousand two hundred and five",
            &[("three thousand two hundred and five", Number, "3205")],
        ),
        ("one million", &[("one million", Number, "1000000")]),
        ("نما ٣٫٥ في المئة", &[("٣٫٥ في المئة", Percent, "3.5")]),
        ("عشرون بالمئة", &[("عشرون بالمئة", Percent, "20")]),
        ("قال أحد المسؤولين", &[]),
        ("وثلاثة آلاف", &[("ثلاثة آلاف", Number, "3000")]),
        ("آلاف المتظاهرين", &[]),
        // English plural scales multiply a number, and alone are none.
        (
            "three billions",
            &[("three billions", Number, "3000000000")],
        ),
        ("200 dozens", &[("200 dozens", Number, "2400")]),
        ("millions of people", &[]),
    ]);
}

#[test]
fn ordinals() {
    check_all(&[
        ("الحادي والعشرين", &[("الحادي والعشرين", Ordinal, "21")]),
        ("الثالث عشر", &[("الثالث عشر", Ordinal, "13")]),
        ("الأولى", &[("الأولى", Ordinal, "1")]),
        ("the 21st", &[("21st", Ordinal, "21")]),
        ("twenty-first", &[("twenty-first", Ordinal, "21")]),
        // After the first of a list, `و` glued: the letter outside the span
        // (was `عشر`, a number 10, alone).
        (
            "في القرنين الخامس عشر والسادس عشر",
            &[("الخامس عشر", Ordinal, "15"), ("السادس عشر", Ordinal, "16")],
        ),
        (
            "طلاب الصفين العاشر والحادي عشر",
            &[("العاشر", Ordinal, "10"), ("الحادي عشر", Ordinal, "11")],
        ),
    ]);
}

/// A bound word glued to `ب` (`ارتفع بنحو 7%`: by about), and a bare year
/// after `منذ`/`since` unless it counts what follows it.
#[test]
fn bounds_after_bi_and_bare_years_since() {
    check_all(&[
        (
            "ارتفع بنحو 400 مليون شيكل",
            &[("نحو 400 مليون شيكل", Money, "About 400000000 ILS")],
        ),
        (
            "ارتفع المؤشر بحوالي 5%",
            &[("حوالي 5%", Percent, "About 5")],
        ),
        ("منذ 2011 تشهد البلاد", &[("منذ 2011", DateTime, "2011")]),
        (
            "since 2011, prices rose",
            &[("since 2011", DateTime, "2011")],
        ),
        ("منذ 2000 عام", &[("منذ 2000 عام", DateTime, "0024-07-23")]),
    ]);
}

/// A time after `since` or `منذ` has begun: the last such weekday or
/// month, the current one included (the reference is Tuesday 2024-07-23);
/// an Arabic month alone after `منذ` is a date, as after `في`.
#[test]
fn a_time_since_is_in_the_past() {
    check_all(&[
        (
            "Fighting has continued since Thursday.",
            &[("since Thursday", DateTime, "2024-07-18")],
        ),
        (
            "وتتواصل الاشتباكات منذ الخميس",
            &[("منذ الخميس", DateTime, "2024-07-18")],
        ),
        (
            "Ships have been attacked since November.",
            &[("since November", DateTime, "2023-11")],
        ),
        (
            "وتتواصل الاشتباكات منذ نوفمبر",
            &[("منذ نوفمبر", DateTime, "2023-11")],
        ),
        (
            "منذ تشرين الثاني",
            &[("منذ تشرين الثاني", DateTime, "2023-11")],
        ),
        ("منذ شهر يوليو", &[("منذ شهر يوليو", DateTime, "2024-07")]),
        // Without `since`, the next one, as before.
        (
            "Talks resume on Thursday.",
            &[("on Thursday", DateTime, "2024-07-25")],
        ),
        ("في نوفمبر", &[("في نوفمبر", DateTime, "2024-11")]),
        // `منذ شهر` alone is a month ago.
        ("منذ شهر", &[("منذ شهر", DateTime, "2024-06-23")]),
    ]);
}

/// A time as wire services write it (`30ر8` is 8:30) with `الساعة`, a part
/// of the day or a zone; alone, the same marks are a decimal.
#[test]
fn wire_service_times_with_their_cue() {
    check_all(&[
        (
            "يعرض في 30ر8 بتوقيت مكة المكرمة",
            &[(
                "30ر8 بتوقيت مكة المكرمة",
                DateTime,
                "2024-07-23T08:30:00+03:00",
            )],
        ),
        (
            "الساعة 00ر10 مساء",
            &[("الساعة 00ر10 مساء", DateTime, "2024-07-23T22:00:00+00:00")],
        ),
        ("بلغ 25ر1 مليون", &[("25ر1 مليون", Number, "1250000")]),
        ("ارتفع 30ر8 نقطة", &[("30ر8", Number, "8.3")]),
    ]);
}

/// A weekday with the date it corresponds to (`الموافق`), Gregorian or
/// Hijri, is that date, with a part of the day before it too.
#[test]
fn a_weekday_takes_the_date_it_corresponds_to() {
    check_all(&[
        (
            "يوم الأحد، الموافق 5 مايو 2024 عقد الاجتماع",
            &[("يوم الأحد، الموافق 5 مايو 2024", DateTime, "2024-05-05")],
        ),
        (
            "الخميس الموافق 25/7/2024",
            &[("الخميس الموافق 25/7/2024", DateTime, "2024-07-25")],
        ),
        (
            "صباح يوم الجمعة الموافق 12 يناير 2024",
            &[(
                "صباح يوم الجمعة الموافق 12 يناير 2024",
                DateTime,
                "2024-01-12T04:00:00+00:00/2024-01-12T12:00:00+00:00",
            )],
        ),
        (
            "صباح يوم الخميس 4 رمضان 1445 هـ",
            &[(
                "صباح يوم الخميس 4 رمضان 1445 هـ",
                DateTime,
                "2024-03-14T04:00:00+00:00/2024-03-14T12:00:00+00:00",
            )],
        ),
        (
            "صباح الثلاثاء 18 يوليو الماضي",
            &[(
                "صباح الثلاثاء 18 يوليو الماضي",
                DateTime,
                "2024-07-18T04:00:00+00:00/2024-07-18T12:00:00+00:00",
            )],
        ),
    ]);
}

/// A unit with the article before `عشر` is a cardinal (the fifteen days),
/// not an ordinal (`الخامس عشر`), but for the eleventh (`الأحد عشر`, as
/// Duckling reads it); `الأحد` and `الاثنين` stay weekdays unless the next
/// word is their ten of the same gender.
#[test]
fn a_number_of_eleven_to_nineteen_with_the_article_is_a_cardinal() {
    check_all(&[
        (
            "طوال الخمسة عشر يوما الأولى",
            &[
                ("الخمسة عشر يوما", Duration, "P15D"),
                ("الأولى", Ordinal, "1"),
            ],
        ),
        ("الثلاث عشرة سنة", &[("الثلاث عشرة سنة", Duration, "P13Y")]),
        ("أعضاء المجلس الخمسة عشر", &[("الخمسة عشر", Number, "15")]),
        ("الأحد عشر", &[("الأحد عشر", Ordinal, "11")]),
        ("الدول الاثنتا عشرة", &[("الاثنتا عشرة", Number, "12")]),
        (
            "الشهور الاثني عشر القادمة",
            &[("الشهور الاثني عشر القادمة", DateTime, "2024-08/2025-08")],
        ),
        (
            "الأحد عشرة قتلى",
            &[("الأحد", DateTime, "2024-07-28"), ("عشرة", Number, "10")],
        ),
        (
            "يوم الاثنين عشر قتلى",
            &[
                ("يوم الاثنين", DateTime, "2024-07-29"),
                ("عشر", Number, "10"),
            ],
        ),
    ]);
}

#[test]
fn digits_after_the_drawn_article_rank_a_singular_noun() {
    check_all(&[
        ("القمة الـ33", &[("الـ33", Ordinal, "33")]),
        ("القمة العربية الـ٣٣", &[("الـ٣٣", Ordinal, "33")]),
        ("الذكرى الـ75 للنكبة", &[("الـ75", Ordinal, "75")]),
        ("للمرة الـ3 على التوالي", &[("الـ3", Ordinal, "3")]),
        // After a plural the number counts.
        ("الدول العربية الـ22", &[("22", Number, "22")]),
    ]);
}

#[test]
fn relative_dates_resolve_against_the_reference() {
    check_all(&[
        ("أمس", &[("أمس", DateTime, "2024-07-22")]),
        ("غدا", &[("غدا", DateTime, "2024-07-24")]),
        ("بعد غد", &[("بعد غد", DateTime, "2024-07-25")]),
        ("قبل أمس", &[("قبل أمس", DateTime, "2024-07-21")]),
        // An approximate amount moves the reference all the same.
        (
            "قبل نحو أسبوع",
            &[("قبل نحو أسبوع", DateTime, "2024-07-16")],
        ),
        (
            "منذ حوالي ثلاثة أيام",
            &[("منذ حوالي ثلاثة أيام", DateTime, "2024-07-20")],
        ),
        (
            "اليوم الثلاثاء",
            &[("اليوم الثلاثاء", DateTime, "2024-07-23")],
        ),
        ("الشهر المقبل", &[("الشهر المقبل", DateTime, "2024-08")]),
        (
            "الأسبوع الماضي",
            &[("الأسبوع الماضي", DateTime, "2024-07-15")],
        ),
        ("العام الماضي", &[("العام الماضي", DateTime, "2023")]),
        // The year written after it says which year it is.
        (
            "خلال العام الجاري 2024",
            &[("العام الجاري 2024", DateTime, "2024")],
        ),
        (
            "موازنة العام المقبل 2025 التي",
            &[("العام المقبل 2025", DateTime, "2025")],
        ),
        // Another year, before a word: a count of it, not the year.
        (
            "قتل العام الماضي 2000 شخص",
            &[("العام الماضي", DateTime, "2023"), ("2000", Number, "2000")],
        ),
        // Another year closing the phrase: the year it names.
        (
            "تقرير العام الماضي 2022.",
            &[("العام الماضي 2022", DateTime, "2022")],
        ),
        (
            "منذ ثلاثة أيام",
            &[("منذ ثلاثة أيام", DateTime, "2024-07-20")],
        ),
        // More than an amount: the time that amount away (its bound is
        // tested with the other bounds).
        (
            "منذ أكثر من عامين",
            &[("منذ أكثر من عامين", DateTime, "2022-07-23")],
        ),
        (
            "بعد ساعتين",
            &[("بعد ساعتين", DateTime, "2024-07-23T02:00:00+00:00")],
        ),
        (
            "أغسطس/آب المقبل",
            &[("أغسطس/آب المقبل", DateTime, "2024-08")],
        ),
        ("مارس الماضي", &[("مارس الماضي", DateTime, "2024-03")]),
        // `this` before a month: the reference year's; `this may` is the
        // verb.
        ("this January", &[("this January", DateTime, "2024-01")]),
        ("this Nov", &[("this Nov", DateTime, "2024-11")]),
        ("هذا يناير", &[("هذا يناير", DateTime, "2024-01")]),
        ("this may help", &[]),
        // `the month of` before a month: the month alone, in the span.
        (
            "we met in the month of March",
            &[("the month of March", DateTime, "2024-03")],
        ),
        (
            "the month of Jan",
            &[("the month of Jan", DateTime, "2025-01")],
        ),
        (
            "الجمعة الماضية",
            &[("الجمعة الماضية", DateTime, "2024-07-19")],
        ),
        ("الخميس", &[("الخميس", DateTime, "2024-07-25")]),
        ("yesterday", &[("yesterday", DateTime, "2024-07-22")]),
        ("next month", &[("next month", DateTime, "2024-08")]),
        ("3 days ago", &[("3 days ago", DateTime, "2024-07-20")]),
        // A year after `منذ` (since) is that year, bounded (not "a year ago").
        ("منذ عام 2011", &[("منذ عام 2011", DateTime, "2011")]),
        (
            "في وقت سابق من الشهر الجاري",
            &[(
                "في وقت سابق من الشهر الجاري",
                DateTime,
                "2024-07-01/2024-07-23",
            )],
        ),
        (
            "كانون الأول 2023",
            &[("كانون الأول 2023", DateTime, "2023-12")],
        ),
        (
            "وقت سابق من هذا الشهر",
            &[("وقت سابق من هذا الشهر", DateTime, "2024-07-01/2024-07-23")],
        ),
        (
            "later this year",
            &[("later this year", DateTime, "2024-07-24/2025-01-01")],
        ),
    ]);
}

#[test]
fn times_of_day_intervals_and_hijri_dates() {
    check_all(&[
        (
            "الساعة 10:30 صباحا",
            &[("الساعة 10:30 صباحا", DateTime, "2024-07-23T10:30:00+00:00")],
        ),
        (
            "5 مساءً",
            &[("5 مساءً", DateTime, "2024-07-23T17:00:00+00:00")],
        ),
        (
            "10:30 pm",
            &[("10:30 pm", DateTime, "2024-07-23T22:30:00+00:00")],
        ),
        (
            "الساعة 8 بتوقيت مكة",
            &[("الساعة 8 بتوقيت مكة", DateTime, "2024-07-23T08:00:00+03:00")],
        ),
        (
            "الخميس الساعة 8 GMT",
            &[("الخميس الساعة 8 GMT", DateTime, "2024-07-25T08:00:00+00:00")],
        ),
        // Midnight (CLDR ar's day period): the next one, the reference's
        // own at 00:00.
        (
            "عند منتصف الليل",
            &[("عند منتصف الليل", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        (
            "يحل منتصف الليل",
            &[("منتصف الليل", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        // `الظهيرة` (noon) after a word that leads a time; `شمس الظهيرة` is
        // the noon sun.
        (
            "تصل القافلة عند الظهيرة",
            &[("عند الظهيرة", DateTime, "2024-07-23T12:00:00+00:00")],
        ),
        ("تحت شمس الظهيرة الحارقة", &[]),
        (
            "من 5 إلى 7 مارس",
            &[("من 5 إلى 7 مارس", DateTime, "2024-03-05/2024-03-08")],
        ),
        (
            "بين عامي 2011 و2014",
            &[("بين عامي 2011 و2014", DateTime, "2011/2015")],
        ),
        (
            "15 رمضان 1445 هـ",
            &[("15 رمضان 1445 هـ", DateTime, "2024-03-25")],
        ),
        (
            "من الساعة 9 إلى الساعة 11 صباحا",
            &[(
                "من الساعة 9 إلى الساعة 11 صباحا",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        (
            "في أواخر شباط",
            &[("في أواخر شباط", DateTime, "2024-02-21/2024-03-01")],
        ),
        // A direction after the month says which one (reference: 23 July
        // 2024).
        (
            "في نهاية مارس الماضي",
            &[("في نهاية مارس الماضي", DateTime, "2024-03-21/2024-04-01")],
        ),
        (
            "منتصف يوليو المقبل",
            &[("منتصف يوليو المقبل", DateTime, "2025-07-11/2025-07-21")],
        ),
        (
            "early March next year",
            &[
                ("early March", DateTime, "2024-03-01/2024-03-11"),
                ("next year", DateTime, "2025"),
            ],
        ),
        (
            "early July 2023",
            &[("early July 2023", DateTime, "2023-07-01/2023-07-11")],
        ),
        (
            "اليوم 23 يوليو 2024.",
            &[("اليوم 23 يوليو 2024", DateTime, "2024-07-23")],
        ),
        (
            "اليوم الأول من شهر آذار",
            &[("اليوم الأول من شهر آذار", DateTime, "2024-03-01")],
        ),
    ]);
}

#[test]
fn durations() {
    check_all(&[
        ("ثلاث سنوات", &[("ثلاث سنوات", Duration, "P3Y")]),
        ("سنتين", &[("سنتين", Duration, "P2Y")]),
        ("عقد من الزمن", &[("عقد من الزمن", Duration, "P10Y")]),
        // After a relative pronoun or `قد` the word is the verb (held).
        ("وقال إن الاجتماع الذي عقد", &[]),
        ("وكان المؤتمر قد عقد", &[]),
        ("منذ عقد", &[("منذ عقد", DateTime, "2014-07-23")]),
        ("ساعة ونصف", &[("ساعة ونصف", Duration, "PT1H30M")]),
        ("5 hours", &[("5 hours", Duration, "PT5H")]),
        ("يوم الأحد", &[("يوم الأحد", DateTime, "2024-07-28")]),
    ]);
}

/// After 11 to 99 the unit is singular and accusative (`20 عاما`, `ستة عشر
/// عاماً`, `15 يوما`); alone, that form is an adverb (`يوما ما`, "some
/// day"; `ثانيةً`, "again").
#[test]
fn accusative_units_after_a_number() {
    check_all(&[
        ("مضى 20 عاما على", &[("20 عاما", Duration, "P20Y")]),
        ("طيلة ستة عشر عاماً.", &[("ستة عشر عاماً", Duration, "P16Y")]),
        ("منذ 11 شهرا", &[("منذ 11 شهرا", DateTime, "2023-08-23")]),
        ("بعد 15 يوماً", &[("بعد 15 يوماً", DateTime, "2024-08-07")]),
        ("عمل يوما واحدا", &[("يوما واحدا", Duration, "P1D")]),
        ("لم ألتق بهم يوما ، شكرا", &[]),
        // `ثانيةً` alone is "again", after `مرةً` the ordinal; one second
        // is `ثانية واحدة`.
        ("لن يعود إليها ثانيةً", &[]),
        ("جرب مرةً ثانيةً", &[("ثانيةً", Ordinal, "2")]),
        ("توقف ثانية واحدة", &[("ثانية واحدة", Duration, "PT1S")]),
    ]);
}

/// One unit said whole: `كامل` after it says "one", as `واحد` does
/// (`شهرا كاملا`, `عام كامل`, `سنة كاملة`), and `a full year`, `a whole
/// week` in English; one unit after `كل` (every) is none.
#[test]
fn one_unit_said_whole_is_a_duration() {
    check_all(&[
        ("استمر الإضراب شهرا كاملا", &[("شهرا كاملا", Duration, "P1M")]),
        (
            "أغلق المتجر لمدة عام كامل",
            &[("عام كامل", Duration, "P1Y")],
        ),
        ("لمدة سنة كاملة", &[("سنة كاملة", Duration, "P1Y")]),
        ("for a full year", &[("a full year", Duration, "P1Y")]),
        // After `كل` (every), a unit is a recurrence, no amount (as
        // English `every day` is none); a count is its period.
        (
            "يزور الموقع كل يوم",
            &[("كل يوم", Recurrence, "FREQ=DAILY P1D")],
        ),
        (
            "يحين موعد سدادها كل عام .",
            &[("كل عام", Recurrence, "FREQ=YEARLY P1Y")],
        ),
        (
            "كل يومين",
            &[("كل يومين", Recurrence, "FREQ=DAILY;INTERVAL=2 P2D")],
        ),
        ("a whole week", &[("a whole week", Duration, "P1W")]),
        // Not an amount: a compound adjective, a noun of another kind.
        ("a full-time job", &[]),
        ("a full house", &[]),
    ]);
}

/// An amount of time after the preposition `ل` (for) glued to its number
/// word (`لثلاث سنوات`) or to a dual unit (`لعامين`), and after `ب` glued
/// to a dual (`بيومين`): the amount, the preposition outside its span.
/// One unit with `ل` only said whole (`ليوم كامل`); `لعام 2024` is a year.
#[test]
fn amounts_of_time_after_a_glued_preposition() {
    check_all(&[
        (
            "حكم عليه بالسجن لثلاث سنوات",
            &[("ثلاث سنوات", Duration, "P3Y")],
        ),
        ("تراجع الإنتاج لسبعة أشهر", &[("سبعة أشهر", Duration, "P7M")]),
        ("استمر الحصار لعامين", &[("عامين", Duration, "P2Y")]),
        ("قبل الانتخابات بيومين", &[("يومين", Duration, "P2D")]),
        ("أغلق المطار ليوم كامل", &[("يوم كامل", Duration, "P1D")]),
        ("لعام 2024", &[("عام 2024", DateTime, "2024")]),
        // `عاد` (he came back) is a past verb: the last Friday.
        ("عاد ليوم الجمعة", &[("الجمعة", DateTime, "2024-07-19")]),
        ("لست أدري", &[]),
    ]);
}

/// A fraction of an hour with its article is an amount of time (`نصف
/// الساعة`, `ربع الساعة`), as without it; of a year it is a number, as
/// `نصف العام` may be its middle.
#[test]
fn a_fraction_of_the_hour() {
    check_all(&[
        ("تأخر لمدة نصف الساعة", &[("نصف الساعة", Duration, "PT30M")]),
        ("انتظر ربع ساعة", &[("ربع ساعة", Duration, "PT15M")]),
        ("في نصف العام", &[("نصف", Number, "0.5")]),
    ]);
}

/// A weekday of a week named relatively, `يوم` or `on` before it in the
/// span, or after the week (reference: Tuesday 23 July 2024); with
/// `منتصف النهار`, midday.
#[test]
fn a_weekday_of_a_week_named_after_yawm_or_on() {
    check_all(&[
        (
            "يوم الجمعة من الأسبوع المقبل",
            &[("يوم الجمعة من الأسبوع المقبل", DateTime, "2024-08-02")],
        ),
        (
            "يوم الخميس من الأسبوع الماضي",
            &[("يوم الخميس من الأسبوع الماضي", DateTime, "2024-07-18")],
        ),
        (
            "on Monday next week",
            &[("on Monday next week", DateTime, "2024-07-29")],
        ),
        ("يوم الخميس", &[("يوم الخميس", DateTime, "2024-07-25")]),
        // The week first, then its day.
        (
            "الأسبوع المقبل يوم الثلاثاء",
            &[("الأسبوع المقبل يوم الثلاثاء", DateTime, "2024-07-30")],
        ),
        (
            "next week on Monday",
            &[("next week on Monday", DateTime, "2024-07-29")],
        ),
        // An English weekday abbreviated may be a word.
        (
            "next week sun will shine",
            &[("next week", DateTime, "2024-07-29")],
        ),
        (
            "يبدأ الاجتماع عند منتصف النهار",
            &[("عند منتصف النهار", DateTime, "2024-07-23T12:00:00+00:00")],
        ),
    ]);
}

/// The rest of the current week, month or year, from the reference day to
/// its end (reference: Tuesday 23 July 2024): `بقية العام`, `لباقي الأسبوع
/// الجاري`, `the rest of the year`; not of another one, nor of anything
/// else.
#[test]
fn the_rest_of_the_current_unit() {
    check_all(&[
        (
            "ستبقى الأسعار مرتفعة خلال بقية العام",
            &[("بقية العام", DateTime, "2024-07-23/2025-01-01")],
        ),
        (
            "لبقية الأسبوع الجاري",
            &[("بقية الأسبوع الجاري", DateTime, "2024-07-23/2024-07-29")],
        ),
        (
            "باقي الشهر",
            &[("باقي الشهر", DateTime, "2024-07-23/2024-08-01")],
        ),
        (
            "for the rest of the year",
            &[("rest of the year", DateTime, "2024-07-23/2025-01-01")],
        ),
        (
            "the remainder of this month",
            &[("remainder of this month", DateTime, "2024-07-23/2024-08-01")],
        ),
        // Last year's rest is no part of the current one.
        ("بقية العام الماضي", &[("العام الماضي", DateTime, "2023")]),
        ("بقية الفريق", &[]),
        ("the rest of the team", &[]),
    ]);
}

/// `قبل`/`بعد` an amount of time `من` an event is not counted from the
/// reference: the amount is a duration. `من الآن` is from the reference.
#[test]
fn an_amount_before_or_after_an_event_is_a_duration() {
    check_all(&[
        ("بعد ثلاث سنوات من الحرب", &[("ثلاث سنوات", Duration, "P3Y")]),
        ("قبل أسبوعين من الانتخابات", &[("أسبوعين", Duration, "P2W")]),
        (
            "بعد عامين من الآن",
            &[("بعد عامين من الآن", DateTime, "2026-07-23")],
        ),
        (
            "قبل ثلاثة أيام",
            &[("قبل ثلاثة أيام", DateTime, "2024-07-20")],
        ),
        // A year and a half is counted in months.
        ("منذ عام ونصف", &[("منذ عام ونصف", DateTime, "2023-01-23")]),
        (
            "منذ عام ونصف العام، سنجد",
            &[("منذ عام ونصف العام", DateTime, "2023-01-23")],
        ),
    ]);
}

/// An amount of time before or after a day or a time the text names is
/// that far from it, in both orders Arabic puts them (the amount first
/// with `من`/`على`, or last with `ب`); from an event, or `from` a day that
/// starts a range, it stays a duration.
#[test]
fn an_amount_before_or_after_a_date_is_that_far_from_it() {
    check_all(&[
        (
            "3 days after March 5",
            &[("3 days after March 5", DateTime, "2024-03-08")],
        ),
        (
            "two weeks before Christmas",
            &[("two weeks before Christmas", DateTime, "2024-12-11")],
        ),
        (
            "a year after March 5, 2011",
            &[("a year after March 5, 2011", DateTime, "2012-03-05")],
        ),
        // Was the day after tomorrow: `after tomorrow` alone is that day.
        (
            "three days after tomorrow",
            &[("three days after tomorrow", DateTime, "2024-07-27")],
        ),
        // A count of weekdays from the reference (were a number and a
        // recurrence).
        (
            "3 fridays from now",
            &[("3 fridays from now", DateTime, "2024-08-09")],
        ),
        (
            "2 thursdays ago",
            &[("2 thursdays ago", DateTime, "2024-07-11")],
        ),
        (
            "2 weeks from tomorrow",
            &[("2 weeks from tomorrow", DateTime, "2024-08-07")],
        ),
        (
            "15 minutes from 1pm",
            &[("15 minutes from 1pm", DateTime, "2024-07-23T13:15:00+00:00")],
        ),
        (
            "3 days from March 5 to March 8",
            &[
                ("3 days", Duration, "P3D"),
                ("from March 5 to March 8", DateTime, "2024-03-05/2024-03-09"),
            ],
        ),
        (
            "two weeks before the election",
            &[("two weeks", Duration, "P2W")],
        ),
        (
            "بعد ثلاثة أيام من عيد الفطر",
            &[("بعد ثلاثة أيام من عيد الفطر", DateTime, "2025-04-02")],
        ),
        (
            "قبل أسبوع من الخميس المقبل",
            &[("قبل أسبوع من الخميس المقبل", DateTime, "2024-07-18")],
        ),
        (
            "وبعد مرور عام على 11 سبتمبر 2001",
            &[("بعد مرور عام على 11 سبتمبر 2001", DateTime, "2002-09-11")],
        ),
        (
            "قبل 5 مارس بأسبوعين",
            &[("قبل 5 مارس بأسبوعين", DateTime, "2024-02-20")],
        ),
        // Months of the Gregorian calendar do not move a Hijri holiday.
        (
            "قبل عيد الفطر بشهر",
            &[("قبل عيد الفطر", DateTime, "2025-03-30")],
        ),
    ]);
}

/// An ISO 8601 timestamp is one time, in the zone it writes (was a day, a
/// word and a time of the reference day).
#[test]
fn iso_timestamps_are_one_time() {
    check_all(&[
        (
            "updated 2016-12-16T12:23:59 by",
            &[("2016-12-16T12:23:59", DateTime, "2016-12-16T12:23:59+00:00")],
        ),
        (
            "2024-07-23T10:00+03:00",
            &[(
                "2024-07-23T10:00+03:00",
                DateTime,
                "2024-07-23T10:00:00+03:00",
            )],
        ),
        (
            "at 2024-07-23T07:00:00.250Z.",
            &[(
                "2024-07-23T07:00:00.250Z",
                DateTime,
                "2024-07-23T07:00:00+00:00",
            )],
        ),
        // No such month: no timestamp, no date.
        ("2024-13-23T10:00", &[("00", Number, "0")]),
    ]);
}

/// A bare year after a word that bounds it is that year, one end of an
/// open interval; not before a noun it could count, nor after `from`.
#[test]
fn a_bare_year_after_a_bound() {
    check_all(&[
        ("before 1990, it was", &[("before 1990", DateTime, "1990")]),
        ("by 2030, emissions", &[("by 2030", DateTime, "2030")]),
        ("قبل 2011 كان", &[("قبل 2011", DateTime, "2011")]),
        ("بحلول 2030 ستكون", &[("بحلول 2030", DateTime, "2030")]),
        ("before 2014 elections", &[("2014", Number, "2014")]),
        ("data from 2014 shows", &[("2014", Number, "2014")]),
        ("بعد 2000 قتيل", &[("2000", Number, "2000")]),
    ]);
}

/// A start (`from`, `starting`, `اعتبارا من`, Arabic `من`) and the amount
/// after `for` or `لمدة` are one interval (reference: Tuesday 2024-07-23);
/// a time said as no start keeps its amount apart.
#[test]
fn a_start_and_how_long_it_runs_are_one_interval() {
    check_all(&[
        (
            "the fair runs from 18th Dec for 10 days",
            &[(
                "from 18th Dec for 10 days",
                DateTime,
                "2024-12-18/2024-12-28",
            )],
        ),
        (
            "يغلق المعبر اعتبارا من اليوم ولمدة ثلاثة أيام",
            &[(
                "اعتبارا من اليوم ولمدة ثلاثة أيام",
                DateTime,
                "2024-07-23/2024-07-26",
            )],
        ),
        (
            "يقام المعرض من 18 ديسمبر لمدة 10 أيام",
            &[(
                "من 18 ديسمبر لمدة 10 أيام",
                DateTime,
                "2024-12-18/2024-12-28",
            )],
        ),
        (
            "from 4pm for thirty minutes",
            &[(
                "from 4pm for thirty minutes",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-23T16:30:00+00:00",
            )],
        ),
        (
            "he was jailed on Monday for 10 years",
            &[
                ("on Monday", DateTime, "2024-07-22"),
                ("10 years", Duration, "P10Y"),
            ],
        ),
    ]);
}

/// A time and the `until` time right after it are one interval, from the
/// first's start to the second's end (were a start and an end apart); not
/// with `before` (a deadline), nor after a time with its own end.
/// An Arabic part of the day said as an adverb after its day is that
/// part of the day (`أمس عصرا`, `الثلاثاء صباحا`, `الخميس بعد الظهر`),
/// as the noun before the day is (`عصر أمس`); the hours of a time keep
/// the adverb as their period (`الساعة 8 صباحا`).
#[test]
fn an_arabic_part_of_the_day_as_an_adverb_after_its_day() {
    check_all(&[
        (
            "وصل الوفد أمس عصرا",
            &[(
                "أمس عصرا",
                DateTime,
                "2024-07-22T13:00:00+00:00/2024-07-22T18:00:00+00:00",
            )],
        ),
        (
            "تبدأ المحادثات غدا صباحا",
            &[(
                "غدا صباحا",
                DateTime,
                "2024-07-24T04:00:00+00:00/2024-07-24T12:00:00+00:00",
            )],
        ),
        (
            "يصل الخميس بعد الظهر",
            &[(
                "الخميس بعد الظهر",
                DateTime,
                "2024-07-25T13:00:00+00:00/2024-07-25T18:00:00+00:00",
            )],
        ),
        (
            "يوم الجمعة ليلا",
            &[(
                "يوم الجمعة ليلا",
                DateTime,
                "2024-07-26T18:00:00+00:00/2024-07-27T00:00:00+00:00",
            )],
        ),
        (
            "غدا الساعة 8 صباحا",
            &[("غدا الساعة 8 صباحا", DateTime, "2024-07-24T08:00:00+00:00")],
        ),
    ]);
}

/// Narrow currency symbols of one currency (`₡`, `₾`) and the names of
/// former currencies (`French francs`, `مارك ألماني`: CLDR's, for older
/// text) are money; `C$`, the cordoba's narrow symbol and the Canadian
/// dollar in news, is not read as either. Financial news abbreviates its
/// scales (`$1.2b`, `$3trn`, `5 bln`).
#[test]
fn narrow_symbols_former_currencies_and_abbreviated_scales() {
    check_all(&[
        ("it costs 100 ₡", &[("100 ₡", Money, "100 CRC")]),
        ("a fee of 100₾", &[("100₾", Money, "100 GEL")]),
        (
            "sales of 20 billion French francs",
            &[("20 billion French francs", Money, "20000000000 FRF")],
        ),
        (
            "بلغت الصفقة مليون مارك ألماني",
            &[("مليون مارك ألماني", Money, "1000000 DEM")],
        ),
        ("5 ليرات تركية", &[("5 ليرات تركية", Money, "5 TRY")]),
        // The abbreviated scales of financial news: `b` only after money.
        ("raised $1.2b", &[("$1.2b", Money, "1200000000 USD")]),
        ("a $3trn economy", &[("$3trn", Money, "3000000000000 USD")]),
        (
            "a loss of 5 bln euros",
            &[("5 bln euros", Money, "5000000000 EUR")],
        ),
        ("2 mln people", &[("2 mln", Number, "2000000")]),
        ("5b", &[("5", Number, "5")]),
    ]);
}

/// The hour before or after the reference's on the clock, as `the next 24
/// hours` counts whole hours (the current one, `this hour`, says "now" as
/// often, and is not read; nor is a minute, `at the last minute` being an
/// idiom); the last unit of something else
/// is no time (`the last week of the campaign` was last week).
#[test]
fn the_next_or_last_hour_midnight_of_a_day_and_the_last_unit_of_something() {
    check_all(&[
        (
            "results are due in the next hour",
            &[("the next hour", DateTime, "2024-07-23T01:00:00+00:00")],
        ),
        (
            "ارتفع عدد القتلى خلال الساعة الماضية",
            &[("الساعة الماضية", DateTime, "2024-07-22T23:00:00+00:00")],
        ),
        ("this hour", &[]),
        ("at the last minute", &[]),
        // The midnight of a day's night ends it; of the night before a
        // weekday (its eve), starts it (was the evening without `منتصف`).
        (
            "حتى منتصف ليل الخميس",
            &[(
                "حتى منتصف ليل الخميس",
                DateTime,
                "2024-07-26T00:00:00+00:00",
            )],
        ),
        (
            "تنتهي المهلة منتصف ليلة السبت",
            &[("منتصف ليلة السبت", DateTime, "2024-07-27T00:00:00+00:00")],
        ),
        (
            "منتصف ليل أمس",
            &[("منتصف ليل أمس", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        // The middle of a day's daytime is its noon (was the day alone).
        (
            "تبدأ الجلسة منتصف نهار اليوم",
            &[("منتصف نهار اليوم", DateTime, "2024-07-23T12:00:00+00:00")],
        ),
        (
            "منتصف نهار الجمعة",
            &[("منتصف نهار الجمعة", DateTime, "2024-07-26T12:00:00+00:00")],
        ),
        ("in the last week of the campaign", &[]),
        ("in the last hour of trading", &[]),
    ]);
}

/// The current year, month or week to date runs from its first day
/// through the reference day (`year-to-date`, as financial news writes
/// it); the week beginning, commencing or starting on a day is the seven
/// days from it (the week of a day is its Monday-to-Sunday week).
#[test]
fn a_period_to_date_and_the_week_beginning_a_day() {
    check_all(&[
        (
            "year-to-date sales rose",
            &[("year-to-date", DateTime, "2024-01-01/2024-07-24")],
        ),
        (
            "the index is flat month to date",
            &[("month to date", DateTime, "2024-07-01/2024-07-24")],
        ),
        ("it took a year to date her", &[("a year", Duration, "P1Y")]),
        (
            "in the week beginning 5 August",
            &[(
                "the week beginning 5 August",
                DateTime,
                "2024-08-05/2024-08-12",
            )],
        ),
        (
            "for the week commencing Monday",
            &[(
                "the week commencing Monday",
                DateTime,
                "2024-07-29/2024-08-05",
            )],
        ),
    ]);
}

/// A start said with `from` or `من` and a time after `to` or `إلى`, or two
/// times after `between` and joined by `and`, are one interval when no
/// rule of two times read them as one (`from 4pm today to 5pm tomorrow`
/// was two times, the first `_AFTER`); a time of day said alone first
/// still runs to no other day. A last day, month or year coarser than the
/// first runs to its own end (`and Feb 2018` ended 2 February, `until
/// tomorrow` at 01:00 of tomorrow).
#[test]
fn a_start_from_and_an_end_to_are_one_interval() {
    check_all(&[
        (
            "the road is closed from 4pm today to 5pm tomorrow",
            &[(
                "from 4pm today to 5pm tomorrow",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-24T18:00:00+00:00",
            )],
        ),
        (
            "from Monday 9am to Tuesday 5pm",
            &[(
                "from Monday 9am to Tuesday 5pm",
                DateTime,
                "2024-07-29T09:00:00+00:00/2024-07-30T18:00:00+00:00",
            )],
        ),
        (
            "between 9am tomorrow and noon Friday",
            &[(
                "between 9am tomorrow and noon Friday",
                DateTime,
                "2024-07-24T09:00:00+00:00/2024-07-26T13:00:00+00:00",
            )],
        ),
        (
            "between January 1st 2015 and Feb 2018",
            &[(
                "between January 1st 2015 and Feb 2018",
                DateTime,
                "2015-01-01/2018-03-01",
            )],
        ),
        (
            "open from 9am today until tomorrow",
            &[(
                "from 9am today until tomorrow",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-25T00:00:00+00:00",
            )],
        ),
        (
            "البرنامج للفترة من العام الحالي إلى عام 2027",
            &[("من العام الحالي إلى عام 2027", DateTime, "2024/2028")],
        ),
        (
            "later than 9:30 but before 11:00 on Thursday",
            &[
                ("later than 9:30", DateTime, "2024-07-23T09:30:00+00:00"),
                (
                    "before 11:00 on Thursday",
                    DateTime,
                    "2024-07-25T11:00:00+00:00",
                ),
            ],
        ),
    ]);
}

#[test]
fn a_time_until_another_is_one_interval() {
    check_all(&[
        (
            "منذ عام 2011 حتى الآن",
            &[(
                "منذ عام 2011 حتى الآن",
                DateTime,
                "2011-01-01T00:00:00+00:00/2024-07-23T00:00:01+00:00",
            )],
        ),
        (
            "from today till tomorrow",
            &[(
                "from today till tomorrow",
                DateTime,
                "2024-07-23/2024-07-25",
            )],
        ),
        (
            "من اليوم حتى نهاية الشهر",
            &[(
                "من اليوم حتى نهاية الشهر",
                DateTime,
                "2024-07-23/2024-08-01",
            )],
        ),
        (
            "منذ مارس الماضي وحتى اليوم",
            &[(
                "منذ مارس الماضي وحتى اليوم",
                DateTime,
                "2024-03-01/2024-07-24",
            )],
        ),
        // A part of a unit after `since` starts where the part starts.
        (
            "منذ بداية العام وحتى اليوم",
            &[(
                "منذ بداية العام وحتى اليوم",
                DateTime,
                "2024-01-01/2024-07-24",
            )],
        ),
        (
            "خلال ثلاثة أشهر حتى يونيو",
            &[
                (
                    "خلال ثلاثة أشهر",
                    DateTime,
                    "2024-07-23T00:00:00+00:00/2024-10-23T00:00:00+00:00",
                ),
                ("حتى يونيو", DateTime, "2025-06"),
            ],
        ),
        // A time said with its day may run to a time of another day.
        (
            "من الساعة 4 مساءً اليوم حتى 5 مساءً غدًا",
            &[(
                "من الساعة 4 مساءً اليوم حتى 5 مساءً غدًا",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-24T18:00:00+00:00",
            )],
        ),
        (
            "today before Sunday",
            &[
                ("today", DateTime, "2024-07-23"),
                ("before Sunday", DateTime, "2024-07-28"),
            ],
        ),
        (
            "خلال ثلاثة أشهر حتى يونيو",
            &[
                (
                    "خلال ثلاثة أشهر",
                    DateTime,
                    "2024-07-23T00:00:00+00:00/2024-10-23T00:00:00+00:00",
                ),
                ("حتى يونيو", DateTime, "2025-06"),
            ],
        ),
    ]);
}

/// `حتى تاريخه` and `to date` (after `from` or `since`) end at the present
/// moment; a time with an end of its own after `من` starts what runs until
/// another (`من بداية العام`); a month named alone that would start after
/// the end is the one just past (`from September until now` in July).
#[test]
fn to_date_and_starts_said_with_min() {
    check_all(&[
        (
            "ارتفع المؤشر منذ مطلع العام وحتى تاريخه",
            &[(
                "منذ مطلع العام وحتى تاريخه",
                DateTime,
                "2024-01-01T00:00:00+00:00/2024-07-23T00:00:01+00:00",
            )],
        ),
        (
            "لم يصدر حتى تاريخه أي قرار",
            &[("حتى تاريخه", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        // Alone, the word is "its history".
        ("تغير الحزب كثيرا عبر تاريخه", &[]),
        (
            "تراجعت المبيعات من بداية العام حتى اليوم",
            &[(
                "من بداية العام حتى اليوم",
                DateTime,
                "2024-01-01/2024-07-24",
            )],
        ),
        (
            "prices rose from September until now",
            &[(
                "from September until now",
                DateTime,
                "2023-09-01T00:00:00+00:00/2024-07-23T00:00:01+00:00",
            )],
        ),
        // `to date` after a start said with `from` or `since`.
        (
            "prices rose from January to date",
            &[(
                "from January to date",
                DateTime,
                "2024-01-01T00:00:00+00:00/2024-07-23T00:00:01+00:00",
            )],
        ),
        (
            "since 2010 to date, output grew",
            &[(
                "since 2010 to date",
                DateTime,
                "2010-01-01T00:00:00+00:00/2024-07-23T00:00:01+00:00",
            )],
        ),
        ("the best result to date", &[]),
        (
            "from Monday to date her",
            &[("from Monday", DateTime, "2024-07-29")],
        ),
        (
            "من الشهر المقبل حتى الآن",
            &[
                ("الشهر المقبل", DateTime, "2024-08"),
                ("حتى الآن", DateTime, "2024-07-23T00:00:00+00:00"),
            ],
        ),
    ]);
}

/// Days of a range after `the` (`from the 13th to the 15th of July`: was
/// an ordinal and the last day), and a weekday before a compound ordinal
/// day (`Friday the twenty second`: was Friday and twenty seconds).
#[test]
fn ordinal_days_after_the_in_ranges_and_after_weekdays() {
    check_all(&[
        (
            "from the 13th to the 15th of July",
            &[(
                "from the 13th to the 15th of July",
                DateTime,
                "2024-07-13/2024-07-16",
            )],
        ),
        (
            "between the 5th and the 7th of March",
            &[(
                "between the 5th and the 7th of March",
                DateTime,
                "2024-03-05/2024-03-08",
            )],
        ),
        (
            "Friday the twenty sixth",
            &[("Friday the twenty sixth", DateTime, "2024-07-26")],
        ),
    ]);
}

/// English bounds of several words bound the time after them (were the
/// time alone, or nothing for a bare year); `later than 9:30 but before
/// 11:00` is one interval on one day.
#[test]
fn english_bounds_of_several_words() {
    check_all(&[
        (
            "on or before March 1",
            &[("on or before March 1", DateTime, "2024-03-01")],
        ),
        (
            "no later than June 30",
            &[("no later than June 30", DateTime, "2024-06-30")],
        ),
        (
            "earlier than 2016",
            &[("earlier than 2016", DateTime, "2016")],
        ),
        (
            "before or on 1/1/2016",
            &[("before or on 1/1/2016", DateTime, "2016-01-01")],
        ),
        (
            "in or after 2016",
            &[("in or after 2016", DateTime, "2016")],
        ),
        ("later than expected", &[]),
        (
            "later than 3:30pm but before 6pm",
            &[(
                "later than 3:30pm but before 6pm",
                DateTime,
                "2024-07-23T15:30:00+00:00/2024-07-23T18:01:00+00:00",
            )],
        ),
        (
            "later than 9:30 but before 11:00 on Thursday",
            &[
                ("later than 9:30", DateTime, "2024-07-23T09:30:00+00:00"),
                (
                    "before 11:00 on Thursday",
                    DateTime,
                    "2024-07-25T11:00:00+00:00",
                ),
            ],
        ),
    ]);
}

/// A time with `am`, `pm` or `o'clock` beside a part of a day is that
/// time of that day, the words in the span (were cut before them, or two
/// entities); an `am` or `pm` outside the part joins nothing (was 07:00).
#[test]
fn a_time_with_its_period_beside_a_part_of_the_day() {
    check_all(&[
        (
            "10pm tonight",
            &[("10pm tonight", DateTime, "2024-07-23T22:00:00+00:00")],
        ),
        (
            "8am this morning",
            &[("8am this morning", DateTime, "2024-07-23T08:00:00+00:00")],
        ),
        (
            "tonight at 9:30 pm",
            &[("tonight at 9:30 pm", DateTime, "2024-07-23T21:30:00+00:00")],
        ),
        (
            "tomorrow morning at 9 o'clock",
            &[(
                "tomorrow morning at 9 o'clock",
                DateTime,
                "2024-07-24T09:00:00+00:00",
            )],
        ),
        (
            "this morning at 7pm",
            &[
                (
                    "this morning",
                    DateTime,
                    "2024-07-23T04:00:00+00:00/2024-07-23T12:00:00+00:00",
                ),
                ("at 7pm", DateTime, "2024-07-23T19:00:00+00:00"),
            ],
        ),
    ]);
}

/// A bare hour after a day and `at` or `في` is its time (`tomorrow at 10`,
/// `غدا في الرابعة`), read as an hour alone is (the next from the
/// reference's time of day: at midnight, in the morning); not before a
/// word (`at 10 Downing Street`, `في الرابعة من عمره`), nor an age (`at
/// 84`). An Arabic weekday before a feminine ordinal takes it as its hour,
/// not its day (`الأحد في الثالثة` was 4 August, the first Sunday the
/// 3rd). `Tues.` and `Thurs.` are weekdays. So are two bare hours after a
/// day and `from` or `between` (`اليوم من الخامسة إلى السابعة`), with no
/// word after them.
#[test]
fn a_bare_hour_after_a_day_and_at() {
    check_all(&[
        (
            "see you tomorrow at 10",
            &[("tomorrow at 10", DateTime, "2024-07-24T10:00:00+00:00")],
        ),
        (
            "see you at 10 tomorrow",
            &[("at 10 tomorrow", DateTime, "2024-07-24T10:00:00+00:00")],
        ),
        (
            "the vote is on Thurs. at 4",
            &[("on Thurs. at 4", DateTime, "2024-07-25T04:00:00+00:00")],
        ),
        (
            "tomorrow at 10 and Friday at 11",
            &[
                ("tomorrow at 10", DateTime, "2024-07-24T10:00:00+00:00"),
                ("Friday at 11", DateTime, "2024-07-26T11:00:00+00:00"),
            ],
        ),
        (
            "يبدأ الاجتماع غدا في الرابعة.",
            &[("غدا في الرابعة", DateTime, "2024-07-24T04:00:00+00:00")],
        ),
        (
            "اجتماع يوم الأحد في الثالثة.",
            &[("يوم الأحد في الثالثة", DateTime, "2024-07-28T03:00:00+00:00")],
        ),
        (
            "she met him on Friday at 10 Downing Street",
            &[("on Friday", DateTime, "2024-07-19"), ("10", Number, "10")],
        ),
        (
            "he died on Friday at 84",
            &[("on Friday", DateTime, "2024-07-19"), ("84", Number, "84")],
        ),
        (
            "توفي أمس في الرابعة من عمره",
            &[("أمس", DateTime, "2024-07-22"), ("الرابعة", Ordinal, "4")],
        ),
        // Two bare hours after a day, with no word after them.
        (
            "سأخرج اليوم من الخامسة إلى السابعة",
            &[(
                "اليوم من الخامسة إلى السابعة",
                DateTime,
                "2024-07-23T05:00:00+00:00/2024-07-23T08:00:00+00:00",
            )],
        ),
        (
            "غدا بين الثامنة والعاشرة.",
            &[(
                "غدا بين الثامنة والعاشرة",
                DateTime,
                "2024-07-24T08:00:00+00:00/2024-07-24T11:00:00+00:00",
            )],
        ),
        (
            "open tomorrow from 5 to 7",
            &[(
                "tomorrow from 5 to 7",
                DateTime,
                "2024-07-24T05:00:00+00:00/2024-07-24T08:00:00+00:00",
            )],
        ),
        (
            "tomorrow from 5 to 7 people",
            &[
                ("tomorrow", DateTime, "2024-07-24"),
                ("from 5 to 7", Number, "5-7"),
            ],
        ),
        (
            "من الخامسة إلى السابعة",
            &[("الخامسة", Ordinal, "5"), ("السابعة", Ordinal, "7")],
        ),
    ]);
}

/// An English fraction in words ends its clause as it ends before `of`
/// (`three quarters.` was 3, `one eighth` was 1 and the ordinal 8); a word
/// after it makes the count a count of a noun, a lone ordinal is a rank,
/// and the last word of a longer number counts no parts.
#[test]
fn english_fractions_at_the_end_of_a_clause() {
    check_all(&[
        (
            "three quarters, he said",
            &[("three quarters", Number, "0.75")],
        ),
        ("one eighth", &[("one eighth", Number, "0.125")]),
        ("two fifths.", &[("two fifths", Number, "0.4")]),
        // No decimal writes two thirds: the fraction rather than 2.
        ("two thirds", &[("two thirds", Number, "2/3")]),
        ("three quarters were played", &[("three", Number, "3")]),
        ("He finished fifth.", &[("fifth", Ordinal, "5")]),
        ("twenty-three fifths", &[("twenty-three", Number, "23")]),
    ]);
}

/// A lower-case month before an ordinal word is that day (`march first`
/// was the ordinal alone), but `march` and `may` only where the ordinal
/// ends the clause or its year follows: they are as often verbs.
#[test]
fn a_lower_case_month_and_an_ordinal_word() {
    check_all(&[
        ("march first", &[("march first", DateTime, "2024-03-01")]),
        (
            "march third 2015",
            &[("march third 2015", DateTime, "2015-03-03")],
        ),
        ("june second", &[("june second", DateTime, "2024-06-02")]),
        ("we march first to the square", &[("first", Ordinal, "1")]),
        ("they may second it", &[("second", Ordinal, "2")]),
    ]);
}

/// A month in digits with its year, one token, is that month (was
/// nothing); not a season (`2010-11`), a decimal, nor a number's
/// reference.
#[test]
fn a_month_in_digits_with_its_year() {
    check_all(&[
        ("in 2/2013", &[("2/2013", DateTime, "2013-02")]),
        ("2016/11", &[("2016/11", DateTime, "2016-11")]),
        ("2010-11 season", &[("2010-11", DateTime, "2010/2012")]),
        ("2015.3", &[("2015.3", Number, "2015.3")]),
        ("القانون رقم 3/2015", &[]),
        ("case No. 5/2016", &[]),
    ]);
}

/// A year before its quarter's code (`2018 Q4`) is that quarter (was the
/// number and the quarter of the reference year).
#[test]
fn a_year_then_its_quarter() {
    check_all(&[
        ("2018 Q4", &[("2018 Q4", DateTime, "2018-10")]),
        ("2018-Q4 results", &[("2018-Q4", DateTime, "2018-10")]),
        ("2018Q1", &[("2018Q1", DateTime, "2018-01")]),
    ]);
}

/// `عام` ("general") and `ثانية` ("second") alone after an indefinite noun
/// of their gender are adjectives, not one year or one second; after a noun
/// of time passing (`مرور`) a unit alone is one of it.
#[test]
fn unit_words_that_are_adjectives_after_a_noun() {
    check_all(&[
        ("بشكل عام ، لكن", &[]),
        ("قال المدير إنه مدير عام .", &[]),
        ("من جهة ثانية ، قال", &[("ثانية", Ordinal, "2")]),
        ("بقي لمدة عام .", &[("عام", Duration, "P1Y")]),
        ("قضى في السجن عام .", &[("عام", Duration, "P1Y")]),
        ("انتظر حوالي عام .", &[("عام", Duration, "P1Y")]),
        ("وصل منذ عام .", &[("منذ عام", DateTime, "2023-07-23")]),
        // After a noun of time passing, one unit, whatever follows it.
        ("بعد مرور عام على الحرب", &[("عام", Duration, "P1Y")]),
        ("بعد انقضاء شهر على الانتخابات", &[("شهر", Duration, "P1M")]),
    ]);
}

#[test]
fn durations_of_several_units_and_fractions() {
    check_all(&[
        // A fraction before or after the unit, in the smaller unit when
        // that is a whole number of it.
        ("half an hour", &[("half an hour", Duration, "PT30M")]),
        ("1/2 hour", &[("1/2 hour", Duration, "PT30M")]),
        (
            "an hour and a half",
            &[("an hour and a half", Duration, "PT1H30M")],
        ),
        (
            "one hour and half",
            &[("one hour and half", Duration, "PT1H30M")],
        ),
        (
            "a day and a half",
            &[("a day and a half", Duration, "P1DT12H")],
        ),
        ("ساعتين وربع", &[("ساعتين وربع", Duration, "PT2H15M")]),
        // Half a month: no whole number of days.
        (
            "a month and a half",
            &[("a month and a half", Duration, "P1.5M")],
        ),
        // `and half` before a noun is half of the noun.
        (
            "5 hours and half the staff",
            &[("5 hours", Duration, "PT5H"), ("half", Number, "0.5")],
        ),
        // Falling units joined by `and`, a comma or `و`.
        (
            "2 years and 3 months",
            &[("2 years and 3 months", Duration, "P2Y3M")],
        ),
        (
            "2 years, 3 months",
            &[("2 years, 3 months", Duration, "P2Y3M")],
        ),
        (
            "2 hours, 3 minutes and 4 seconds",
            &[("2 hours, 3 minutes and 4 seconds", Duration, "PT2H3M4S")],
        ),
        (
            "سنتين وثلاثة أشهر",
            &[("سنتين وثلاثة أشهر", Duration, "P2Y3M")],
        ),
        (
            "ساعتين و30 دقيقة",
            &[("ساعتين و30 دقيقة", Duration, "PT2H30M")],
        ),
        (
            "3 weeks and 2 days",
            &[("3 weeks and 2 days", Duration, "P23D")],
        ),
        // Side by side after a counted unit, as durations are written in
        // reports and schedules.
        (
            "lasted 1 hour 30 minutes",
            &[("1 hour 30 minutes", Duration, "PT1H30M")],
        ),
        ("3 days 4 hours", &[("3 days 4 hours", Duration, "P3DT4H")]),
        ("3 أيام 5 ساعات", &[("3 أيام 5 ساعات", Duration, "P3DT5H")]),
        // A number and a unit joined by a hyphen before a noun; an age, and
        // an ordinal after a number word, are not amounts of time.
        ("a 10-minute walk", &[("10-minute", Duration, "PT10M")]),
        ("a three-day visit", &[("three-day", Duration, "P3D")]),
        (
            "a two-week-long trip",
            &[("two-week-long", Duration, "P2W")],
        ),
        ("a 40-year-old man", &[("40", Number, "40")]),
        ("the forty-second", &[("forty-second", Ordinal, "42")]),
        // `a` counts a hundred or a scale, not a unit.
        ("a five star hotel", &[("five", Number, "5")]),
        // A unit alone is one of it when a smaller amount is joined to it.
        (
            "استمر الاجتماع ساعة و30 دقيقة",
            &[("ساعة و30 دقيقة", Duration, "PT1H30M")],
        ),
        (
            "سجن سنة وثلاثة أشهر",
            &[("سنة وثلاثة أشهر", Duration, "P1Y3M")],
        ),
        // A number that counts something else stays a number; a larger
        // unit after a smaller one starts an amount of its own.
        (
            "for 3 days 2 people",
            &[("3 days", Duration, "P3D"), ("2", Number, "2")],
        ),
        (
            "8 hours a day",
            &[("8 hours", Duration, "PT8H"), ("a day", Duration, "P1D")],
        ),
        // Rising units stay apart.
        (
            "3 months and 2 years",
            &[("3 months", Duration, "P3M"), ("2 years", Duration, "P2Y")],
        ),
        // Years or months, then days or smaller: one duration that no unit
        // counts whole.
        (
            "1 year and 2 days",
            &[("1 year and 2 days", Duration, "P1Y2D")],
        ),
        (
            "3 years, 2 months and 5 days",
            &[("3 years, 2 months and 5 days", Duration, "P3Y2M5D")],
        ),
        (
            "1 year, 2 days, 3 hours and 4 seconds",
            &[(
                "1 year, 2 days, 3 hours and 4 seconds",
                Duration,
                "P1Y2DT3H4S",
            )],
        ),
        (
            "حكم عليه بالسجن شهر و21 يوما",
            &[("شهر و21 يوما", Duration, "P1M21D")],
        ),
        (
            "قضى 3 سنوات وأسبوعين",
            &[("3 سنوات وأسبوعين", Duration, "P3Y14D")],
        ),
        // A unit with `و` glued to it after an amount: a dual, or one unit
        // no noun follows.
        ("سجن سنة وشهرين", &[("سنة وشهرين", Duration, "P1Y2M")]),
        (
            "سجن عامين وشهرا واحدا",
            &[("عامين وشهرا واحدا", Duration, "P2Y1M")],
        ),
        (
            "سجن عامين وشهر في سجن المدينة",
            &[("عامين وشهر", Duration, "P2Y1M")],
        ),
        (
            "قضى عامين وشهر رمضان",
            &[
                ("عامين", Duration, "P2Y"),
                ("شهر رمضان", DateTime, "2025-03-01/2025-03-30"),
            ],
        ),
        // CLDR's short unit names after a number; alone they are no unit.
        ("2 mins", &[("2 mins", Duration, "PT2M")]),
        ("one sec", &[("one sec", Duration, "PT1S")]),
        ("3 hrs", &[("3 hrs", Duration, "PT3H")]),
        ("the SEC said", &[]),
    ]);
}

/// The amount before `ago` or after `منذ`, `بعد`, `in` may mix years or
/// months with days: the months move first (reference: Tuesday 2024-07-23).
#[test]
fn mixed_amounts_before_or_after_the_reference() {
    check_all(&[
        (
            "غادر منذ عامين وشهر واحد و21 يوما",
            &[("منذ عامين وشهر واحد و21 يوما", DateTime, "2022-06-02")],
        ),
        (
            "وصل منذ سنة وشهرين",
            &[("منذ سنة وشهرين", DateTime, "2023-05-23")],
        ),
        // Hours after the days move the instant, at minute grain.
        (
            "التقيا منذ شهرين ويوم واحد وساعتين",
            &[(
                "منذ شهرين ويوم واحد وساعتين",
                DateTime,
                "2024-05-21T22:00:00+00:00",
            )],
        ),
        (
            "يعود بعد شهر ويومين",
            &[("بعد شهر ويومين", DateTime, "2024-08-25")],
        ),
        (
            "a year and 5 days ago",
            &[("a year and 5 days ago", DateTime, "2023-07-18")],
        ),
        (
            "in 2 years and 3 weeks",
            &[("in 2 years and 3 weeks", DateTime, "2026-08-13")],
        ),
    ]);
}

#[test]
fn days_around_the_reference_tonight_and_within() {
    check_all(&[
        ("بعد الغد", &[("بعد الغد", DateTime, "2024-07-25")]),
        ("أول أمس", &[("أول أمس", DateTime, "2024-07-21")]),
        ("قبل امبارح", &[("قبل امبارح", DateTime, "2024-07-21")]),
        ("بعد بكرة", &[("بعد بكرة", DateTime, "2024-07-25")]),
        (
            "اليوم الذي بعد الغد",
            &[("اليوم الذي بعد الغد", DateTime, "2024-07-25")],
        ),
        (
            "اليوم الذي قبل أمس",
            &[("اليوم الذي قبل أمس", DateTime, "2024-07-21")],
        ),
        (
            "اليوم اللي بعد بكرة",
            &[("اليوم اللي بعد بكرة", DateTime, "2024-07-25")],
        ),
        (
            "اليوم الي قبل امبارح",
            &[("اليوم الي قبل امبارح", DateTime, "2024-07-21")],
        ),
        (
            "هذه الليلة",
            &[(
                "هذه الليلة",
                DateTime,
                "2024-07-23T18:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        (
            "الليلة",
            &[(
                "الليلة",
                DateTime,
                "2024-07-23T18:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        (
            "tonight",
            &[(
                "tonight",
                DateTime,
                "2024-07-23T18:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        ("في تلك الليلة", &[]),
        ("ذات الليلة", &[]),
        (
            "الليلة الماضية",
            &[(
                "الليلة الماضية",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "خلال أسبوعين",
            &[(
                "خلال أسبوعين",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-08-06T00:00:00+00:00",
            )],
        ),
        (
            "في غضون ثلاثة أيام",
            &[(
                "في غضون ثلاثة أيام",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-26T00:00:00+00:00",
            )],
        ),
        (
            "خلال ساعتين",
            &[(
                "خلال ساعتين",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-23T02:00:00+00:00",
            )],
        ),
        // A direction after the amount: the time before the reference, or
        // after it (the direction is part of the expression).
        (
            "خلال 24 ساعة الماضية",
            &[(
                "خلال 24 ساعة الماضية",
                DateTime,
                "2024-07-22T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // The article drawn out before the number (`الـ24`, two tokens).
        (
            "خلال الـ24 ساعة الماضية",
            &[(
                "خلال الـ24 ساعة الماضية",
                DateTime,
                "2024-07-22T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "الساعات الـ24 الماضية",
            &[(
                "الساعات الـ24 الماضية",
                DateTime,
                "2024-07-22T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // The number with the article before the unit, without `خلال`.
        (
            "الـ24 ساعة الماضية",
            &[(
                "الـ24 ساعة الماضية",
                DateTime,
                "2024-07-22T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "الـ3 أيام المقبلة",
            &[("الـ3 أيام المقبلة", DateTime, "2024-07-24/2024-07-27")],
        ),
        (
            "في العشر سنوات الأخيرة",
            &[("العشر سنوات الأخيرة", DateTime, "2014/2024")],
        ),
        (
            "في الـ10 من مارس",
            &[("10 من مارس", DateTime, "2024-03-10")],
        ),
        ("القمة العربية الـ33", &[("الـ33", Ordinal, "33")]),
        (
            "خلال ثلاثة أيام المقبلة",
            &[(
                "خلال ثلاثة أيام المقبلة",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-26T00:00:00+00:00",
            )],
        ),
        (
            "within 2 months",
            &[(
                "within 2 months",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-09-23T00:00:00+00:00",
            )],
        ),
        // `خلال` before a year, or before no amount of time, is no interval.
        ("خلال عام 2011", &[("عام 2011", DateTime, "2011")]),
        ("خلال الاجتماع", &[]),
    ]);
}

#[test]
fn the_middle_of_a_month() {
    check_all(&[
        ("نصف شهر مارس", &[("نصف شهر مارس", DateTime, "2024-03-15")]),
        (
            "في نص شهر ثلاثة",
            &[("في نص شهر ثلاثة", DateTime, "2024-03-15")],
        ),
        (
            "نصف آذار 2025",
            &[("نصف آذار 2025", DateTime, "2025-03-15")],
        ),
        ("نص أكتوبر", &[("نص أكتوبر", DateTime, "2024-10-15")]),
        // Half a month with no month named is an amount of time.
        ("نصف شهر", &[("نصف شهر", Duration, "P0.5M")]),
    ]);
}

#[test]
fn numbers_with_a_leading_decimal_separator() {
    check_all(&[
        (".77", &[(".77", Number, "0.77")]),
        ("٫٧٧", &[("٫٧٧", Number, "0.77")]),
        ("نسبة .5 فقط", &[(".5", Number, "0.5")]),
        ("٫٥ كغ", &[("٫٥ كغ", Quantity, "500 kg")]),
        (".25 دولار", &[(".25 دولار", Money, "0.25 USD")]),
        // A digit or a word glued before the separator: not a leading one.
        ("3.5", &[("3.5", Number, "3.5")]),
        ("الخبر.5", &[("5", Number, "5")]),
    ]);
}

/// Two numbers of a range share the upper end's scale word and are one
/// range; a lower end that is not lower, or `و` without `بين`, makes two
/// plain numbers.
#[test]
fn the_lower_end_of_a_range_takes_the_scale_of_the_upper_end() {
    check_all(&[
        (
            "ما بين 20 و30 ألف متظاهر",
            &[("بين 20 و30 ألف", Number, "20000-30000")],
        ),
        (
            "من 1,6 إلى 1,8 مليون وفاة",
            &[("من 1,6 إلى 1,8 مليون", Number, "1600000-1800000")],
        ),
        (
            "between 20 and 30 thousand people",
            &[("between 20 and 30 thousand", Number, "20000-30000")],
        ),
        (
            "نحو 5- 8 مليون نسمة",
            &[("نحو 5- 8 مليون", Number, "About 5000000-8000000")],
        ),
        (
            "بين 40 و30 ألف",
            &[("40", Number, "40"), ("30 ألف", Number, "30000")],
        ),
        (
            "في 20 و30 ألف",
            &[("20", Number, "20"), ("30 ألف", Number, "30000")],
        ),
    ]);
}

/// Digits after `و` smaller than the scale word before it add to the
/// amount, as number words do (`ثلاثة آلاف وخمسمائة`); not smaller, they
/// are the next of a list.
#[test]
fn digits_after_wa_below_the_scale_before_add_to_the_amount() {
    check_all(&[
        ("3 آلاف و500 شخص", &[("3 آلاف و500", Number, "3500")]),
        (
            "مليون و200 ألف نسمة",
            &[("مليون و200 ألف", Number, "1200000")],
        ),
        (
            "5 ملايين و3 آلاف و200",
            &[("5 ملايين و3 آلاف و200", Number, "5003200")],
        ),
        (
            "405 ملايين و24 ألف دولار",
            &[("405 ملايين و24 ألف دولار", Money, "405024000 USD")],
        ),
        ("ثلاثة آلاف و 500 جندي", &[("ثلاثة آلاف و 500", Number, "3500")]),
        ("3 آلاف وخمسمائة شخص", &[("3 آلاف وخمسمائة", Number, "3500")]),
        (
            "مليونين و500 ألف نسمة",
            &[("مليونين و500 ألف", Number, "2500000")],
        ),
        // `مئات` alone is "hundreds", no number; after one, its hundreds.
        ("مئات الآلاف من المتظاهرين", &[]),
        ("ثلاث مئات وخمسون", &[("ثلاث مئات وخمسون", Number, "350")]),
        // After a million, digits alone are no part of it.
        (
            "3 ملايين و2",
            &[("3 ملايين", Number, "3000000"), ("2", Number, "2")],
        ),
        (
            "10 آلاف و20 ألفا",
            &[("10 آلاف", Number, "10000"), ("20 ألفا", Number, "20000")],
        ),
        (
            "عام 2010 و500 شخص",
            &[("عام 2010", DateTime, "2010"), ("500", Number, "500")],
        ),
    ]);
}

/// Two numbers or percentages after a word for "from" or "between" are one
/// range, its span from that word; by a dash alone only when they share a
/// scale word or the percent sign (`1 - 3` may be a score). Ranges of dates,
/// money and quantities stay theirs; a number before a unit of time stays a
/// duration.
#[test]
fn numbers_and_percentages_in_a_range_are_one_entity() {
    check_all(&[
        ("قتل ما بين 10 و15 شخصا", &[("بين 10 و15", Number, "10-15")]),
        ("وبين 3 و5 مرشحين", &[("بين 3 و5", Number, "3-5")]),
        (
            "from three to five people",
            &[("from three to five", Number, "3-5")],
        ),
        (
            "بنسبة تتراوح بين 5 و7 في المئة",
            &[("بين 5 و7 في المئة", Percent, "5-7")],
        ),
        ("من 5% إلى 7%", &[("من 5% إلى 7%", Percent, "5-7")]),
        (
            "نمو 3 - 4% سنويا",
            &[
                ("3 - 4%", Percent, "3-4"),
                ("سنويا", Recurrence, "FREQ=YEARLY P1Y"),
            ],
        ),
        // A score, a change to a percentage, an upper end not higher.
        ("فاز 1 - 3", &[("1", Number, "1"), ("3", Number, "3")]),
        ("من 5% إلى 7", &[("5%", Percent, "5"), ("7", Number, "7")]),
        ("من 7 إلى 5", &[("7", Number, "7"), ("5", Number, "5")]),
        // Other kinds keep their ranges, units of time their numbers.
        (
            "بين 20 و30 ألف دولار",
            &[("بين 20 و30 ألف دولار", Money, "20000-30000 USD")],
        ),
        (
            "من 5 إلى 7 مارس",
            &[("من 5 إلى 7 مارس", DateTime, "2024-03-05/2024-03-08")],
        ),
        (
            "من 5 إلى 7 سنوات",
            &[("5", Number, "5"), ("7 سنوات", Duration, "P7Y")],
        ),
    ]);
}

/// A word before or after a number or percentage that bounds it is part of
/// it (`data/amount_bounds.tsv`, as for money); not a word before a number
/// that another entity starts with.
#[test]
fn a_number_takes_the_word_that_bounds_it() {
    check_all(&[
        (
            "قتل أكثر من 100 شخص",
            &[("أكثر من 100", Number, "AtLeast 100")],
        ),
        ("نحو 50% من الناخبين", &[("نحو 50%", Percent, "About 50")]),
        (
            "حوالي ثلاثة آلاف متظاهر",
            &[("حوالي ثلاثة آلاف", Number, "About 3000")],
        ),
        (
            "اعتقل 20 على الأقل",
            &[("20 على الأقل", Number, "AtLeast 20")],
        ),
        (
            "ما لا يقل عن 40 قتيلا",
            &[("ما لا يقل عن 40", Number, "AtLeast 40")],
        ),
        (
            "وحوالي 5 كيلومترات وأكثر من 100 دولار",
            &[
                ("حوالي 5 كيلومترات", Quantity, "About 5000 km"),
                ("أكثر من 100 دولار", Money, "AtLeast 100 USD"),
            ],
        ),
        (
            "ما يربو على 40 ألف لاجئ وزهاء 200 جريح",
            &[
                ("ما يربو على 40 ألف", Number, "AtLeast 40000"),
                ("زهاء 200", Number, "About 200"),
            ],
        ),
        (
            "at least 3 people and fewer than 10 cars",
            &[
                ("at least 3", Number, "AtLeast 3"),
                ("fewer than 10", Number, "AtMost 10"),
            ],
        ),
        (
            "أقل من 5 في المئة",
            &[("أقل من 5 في المئة", Percent, "AtMost 5")],
        ),
        // English approximations and bounds of news style.
        (
            "nearly 100 people and some 200 protesters",
            &[
                ("nearly 100", Number, "About 100"),
                ("some 200", Number, "About 200"),
            ],
        ),
        (
            "an estimated 5,000 people, as many as 50 cars",
            &[
                ("an estimated 5,000", Number, "About 5000"),
                ("as many as 50", Number, "AtMost 50"),
            ],
        ),
        (
            "upwards of 20 km in excess of 40 km",
            &[
                ("upwards of 20 km", Quantity, "AtLeast 20000 km"),
                ("in excess of 40 km", Quantity, "AtLeast 40000 km"),
            ],
        ),
        ("some people", &[]),
        (
            "nearly three weeks ago",
            &[("nearly three weeks ago", DateTime, "2024-07-02")],
        ),
        // Units of time, money and times of day keep what they had; after
        // `منذ` more than an amount of time is a date before it (its bound
        // is tested with the other bounds of times).
        ("استمر أكثر من 3 سنوات", &[("3 سنوات", Duration, "P3Y")]),
        (
            "منذ أكثر من 3 سنوات",
            &[("منذ أكثر من 3 سنوات", DateTime, "2021-07-23")],
        ),
        (
            "أكثر من 100 دولار",
            &[("أكثر من 100 دولار", Money, "AtLeast 100 USD")],
        ),
    ]);
}

/// A conjunction or preposition glued to an entity's first word is no part
/// of its span (marks on it included).
#[test]
fn the_proclitic_of_the_first_word_is_left_out_of_the_span() {
    check_all(&[
        (
            "مدة أربع سنوات وَثلاث سنوات",
            &[
                ("أربع سنوات", Duration, "P4Y"),
                ("ثلاث سنوات", Duration, "P3Y"),
            ],
        ),
        (
            "بنهاية هذا الأسبوع",
            &[("نهاية هذا الأسبوع", DateTime, "2024-07-26/2024-07-29")],
        ),
        (
            "بين ألفين وثلاثة آلاف",
            &[("ألفين", Number, "2000"), ("ثلاثة آلاف", Number, "3000")],
        ),
    ]);
}

/// Wire services write a decimal with `ر` between its digits, the fraction
/// first (`4ر12` is 12.4); digits glued to an Arabic word are read
/// (`عام2022`, `م2`).
#[test]
fn decimals_with_ra_and_digits_glued_to_words() {
    check_all(&[
        (
            "أغلق السهم على 4ر12 درهم",
            &[("4ر12 درهم", Money, "12.4 AED")],
        ),
        (
            "ارتفع اليورو الي 2717ر1 دولار",
            &[("2717ر1 دولار", Money, "1.2717 USD")],
        ),
        (
            "نحو 5ر1 مليار شخص",
            &[("نحو 5ر1 مليار", Number, "About 1500000000")],
        ),
        ("نمو 07ر0%", &[("07ر0%", Percent, "0.07")]),
        // Spaced, `ر` is a word of its own.
        ("5 ر 1", &[("5", Number, "5"), ("1", Number, "1")]),
        ("وقع ذلك عام2022", &[("عام2022", DateTime, "2022")]),
        (
            "الساعة10:30 صباحا",
            &[("الساعة10:30 صباحا", DateTime, "2024-07-23T10:30:00+00:00")],
        ),
        (
            "عام١٤٤٥هـ",
            &[("عام١٤٤٥هـ", DateTime, "2023-07-19/2024-07-07")],
        ),
        (
            "في16 اكتوبر 2006",
            &[("16 اكتوبر 2006", DateTime, "2006-10-16")],
        ),
        ("بمساحة 59 كم2", &[("59 كم2", Quantity, "59000000 km²")]),
        ("شقة 120 م2", &[("120 م2", Quantity, "120 m²")]),
    ]);
}

#[test]
fn money_with_a_bound_before_or_after_it() {
    check_all(&[
        ("تحت 7 يورو", &[("تحت 7 يورو", Money, "AtMost 7 EUR")]),
        (
            "تحت سبعة دنانير",
            &[("تحت سبعة دنانير", Money, "AtMost 7 KWD")],
        ),
        (
            "أقل من 50 دولارا",
            &[("أقل من 50 دولارا", Money, "AtMost 50 USD")],
        ),
        (
            "اقل من ١٠٠ ريال سعودي",
            &[("اقل من ١٠٠ ريال سعودي", Money, "AtMost 100 SAR")],
        ),
        ("under $5", &[("under $5", Money, "AtMost 5 USD")]),
        (
            "أكثر من ألف جنيه",
            &[("أكثر من ألف جنيه", Money, "AtLeast 1000 EGP")],
        ),
        (
            "3.42$ على الأقل",
            &[("3.42$ على الأقل", Money, "AtLeast 3.42 USD")],
        ),
        (
            "20 يورو على الأكثر",
            &[("20 يورو على الأكثر", Money, "AtMost 20 EUR")],
        ),
        (
            "10 دولارات فأكثر",
            &[("10 دولارات فأكثر", Money, "AtLeast 10 USD")],
        ),
        (
            "حوالي 300 درهم",
            &[("حوالي 300 درهم", Money, "About 300 AED")],
        ),
        (
            "بحدود 10-20 دولار",
            &[("بحدود 10-20 دولار", Money, "About 10-20 USD")],
        ),
        (
            "في حدود خمسة آلاف يورو",
            &[("في حدود خمسة آلاف يورو", Money, "About 5000 EUR")],
        ),
        (
            "من عشرة لعشرين دولار",
            &[("من عشرة لعشرين دولار", Money, "10-20 USD")],
        ),
        (
            "من ثلاثة لخمسة آلاف يورو",
            &[("من ثلاثة لخمسة آلاف يورو", Money, "3000-5000 EUR")],
        ),
        // A bound word without an amount of money stays out of it; a
        // number takes it.
        ("تحت الطاولة 7 يورو", &[("7 يورو", Money, "7 EUR")]),
        ("أقل من 7", &[("أقل من 7", Number, "AtMost 7")]),
    ]);
}

/// A range of money with `to` alone between its ends (no `from`, no
/// dash) has ends of one order: far apart, the lower end was no amount and
/// `to` where a price rose to (`ذهب عيار 21 إلى 2400 جنيه`: 21 karat).
#[test]
fn a_range_of_money_said_with_to_alone_has_ends_of_one_order() {
    check_all(&[
        (
            "ارتفع سعر الذهب عيار 21 إلى 2400 جنيه",
            &[("21", Number, "21"), ("2400 جنيه", Money, "2400 EGP")],
        ),
        (
            "يتراوح السعر 5 إلى 50 دولارا",
            &[("5 إلى 50 دولارا", Money, "5-50 USD")],
        ),
        (
            "costs 10 to 20 dollars",
            &[("10 to 20 dollars", Money, "10-20 USD")],
        ),
        (
            "من 5 إلى 500 دولار",
            &[("من 5 إلى 500 دولار", Money, "5-500 USD")],
        ),
        ("10-2000 دولار", &[("10-2000 دولار", Money, "10-2000 USD")]),
    ]);
}

#[test]
fn money_quantities_phones_and_tags() {
    check_all(&[
        ("$10", &[("$10", Money, "10 USD")]),
        ("10 دولارات", &[("10 دولارات", Money, "10 USD")]),
        ("عشرة آلاف يورو", &[("عشرة آلاف يورو", Money, "10000 EUR")]),
        ("500 ليرة سورية", &[("500 ليرة سورية", Money, "500 SYP")]),
        ("42 ج.م", &[("42 ج.م", Money, "42 EGP")]),
        ("100 ريال سعودي", &[("100 ريال سعودي", Money, "100 SAR")]),
        ("10-20 دولار", &[("10-20 دولار", Money, "10-20 USD")]),
        (
            "بين 3 و5 ملايين يورو",
            &[("بين 3 و5 ملايين يورو", Money, "3000000-5000000 EUR")],
        ),
        (
            "من عشرة إلى عشرين ألف دينار أردني",
            &[(
                "من عشرة إلى عشرين ألف دينار أردني",
                Money,
                "10000-20000 JOD",
            )],
        ),
        // The accusative singular after 11 to 99, with its nisba adjective.
        (
            "250 درهما إماراتيا",
            &[("250 درهما إماراتيا", Money, "250 AED")],
        ),
        ("40 دينارا أردنيا", &[("40 دينارا أردنيا", Money, "40 JOD")]),
        ("99 سنتا", &[("99 سنتا", Money, "0.99 USD")]),
        ("2 كغ", &[("2 كغ", Quantity, "2000 kg")]),
        ("250 مل", &[("250 مل", Quantity, "0.25 ml")]),
        ("على بعد 30 كلم", &[("30 كلم", Quantity, "30000 km")]),
        ("كلم الرئيس نظيره", &[]),
        ("5 km", &[("5 km", Quantity, "5000 km")]),
        ("37° سلزيوس", &[("37° سلزيوس", Quantity, "37 °C")]),
        ("لترين", &[("لترين", Quantity, "2 l")]),
        (
            "+966 50 123 4567",
            &[("+966 50 123 4567", PhoneNumber, "+966501234567")],
        ),
        (
            "+966501234567",
            &[("+966501234567", PhoneNumber, "+966501234567")],
        ),
        (
            "00966 50 123 4567",
            &[("00966 50 123 4567", PhoneNumber, "+966501234567")],
        ),
        (
            "٠٠٢٠١٠٠١٢٣٤٥٦٧",
            &[("٠٠٢٠١٠٠١٢٣٤٥٦٧", PhoneNumber, "+201001234567")],
        ),
        (
            "+44 (0)20 7946 0958",
            &[("+44 (0)20 7946 0958", PhoneNumber, "+442079460958")],
        ),
        // No country code: national digits, no E.164.
        (
            "050-123-4567",
            &[("050-123-4567", PhoneNumber, "0501234567")],
        ),
        (
            "#غزة و@lisan",
            &[("#غزة", Hashtag, "غزة"), ("@lisan", Mention, "lisan")],
        ),
    ]);
}

#[test]
fn publication_date_is_the_reference_when_none_is_given() {
    let text = "تاريخ النشر: 23 يوليو 2024\nقال الوزير اليوم الثلاثاء إن";
    let options = ExtractOptions {
        kinds: vec![EntityKind::DateTime],
        reference: Reference {
            source: ReferenceSource::Clock,
            ..Reference::at_date(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap())
        },
        ner_model: None,
    };
    let found = extract(text, &options);
    assert_eq!(found.reference.source, ReferenceSource::Document);
    let values: Vec<String> = found
        .entities
        .iter()
        .map(|e| value_text(&e.value))
        .collect();
    assert_eq!(values, ["2024-07-23", "2024-07-23"]);
}

/// An hour written with its leading zero is on the 24-hour clock; without
/// it, an hour up to 12 is the next one after the reference (Duckling's
/// reading), here at 09:00.
#[test]
fn zero_led_hours_are_on_the_24_hour_clock() {
    let options = ExtractOptions {
        kinds: vec![EntityKind::DateTime],
        reference: Reference {
            local: reference().and_hms_opt(9, 0, 0).unwrap(),
            ..Reference::at_date(reference())
        },
        ner_model: None,
    };
    let values = |text: &str| -> Vec<String> {
        extract(text, &options)
            .entities
            .iter()
            .map(|e| value_text(&e.value))
            .collect()
    };
    assert_eq!(
        values("وقع الانفجار في الساعة 04:00 بتوقيت غرينتش"),
        ["2024-07-23T04:00:00+00:00"]
    );
    assert_eq!(values("at ٠٧:٣٠"), ["2024-07-23T07:30:00+00:00"]);
    assert_eq!(values("الساعة 4:00"), ["2024-07-23T16:00:00+00:00"]);
    assert_eq!(values("09:30 مساء"), ["2024-07-23T21:30:00+00:00"]);
}

#[test]
fn impossible_dates_come_with_a_warning() {
    let found = extract(
        "في 31 فبراير 2024",
        &ExtractOptions {
            kinds: vec![],
            reference: Reference::at_date(reference()),
            ner_model: None,
        },
    );
    assert!(found.entities.is_empty());
    assert_eq!(found.warnings.len(), 1);
    assert_eq!(found.warnings[0].reason, "impossible_date");
}

#[test]
fn a_cancelled_budget_stops_extraction() {
    use crate::core::budget::Budget;
    let text = "في 23 يوليو 2024 دفع 10 دولارات. ".repeat(2_000);
    let tokens = crate::core::segment::tokenize(&text);
    let options = ExtractOptions {
        kinds: Vec::new(),
        reference: Reference::at_date(chrono::NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()),
        ner_model: None,
    };
    let budget = Budget::unlimited();
    budget.cancel_handle().cancel();
    assert!(extract_from_tokens_within(&text, &tokens, &options, &budget).is_err());
    let done = extract_from_tokens_within(&text, &tokens, &options, &Budget::unlimited()).unwrap();
    assert!(done.entities.len() >= 4_000);
}

/// Days counted within a month and weekdays of relative weeks (the reference
/// is Tuesday 23 July 2024; dates read off the calendar).
#[test]
fn days_counted_within_months_and_weeks() {
    check_all(&[
        (
            "ثاني أربعاء من شهر نوفمبر 2024",
            &[("ثاني أربعاء من شهر نوفمبر 2024", DateTime, "2024-11-13")],
        ),
        (
            "الجمعة الأخيرة من مايو 2025",
            &[("الجمعة الأخيرة من مايو 2025", DateTime, "2025-05-30")],
        ),
        (
            "آخر يوم من فبراير 2028",
            &[("آخر يوم من فبراير 2028", DateTime, "2028-02-29")],
        ),
        (
            "اليوم العاشر من شهر أغسطس",
            &[("اليوم العاشر من شهر أغسطس", DateTime, "2024-08-10")],
        ),
        (
            "the first Monday of September 2025",
            &[("the first Monday of September 2025", DateTime, "2025-09-01")],
        ),
        (
            "خميس الأسبوع المقبل",
            &[("خميس الأسبوع المقبل", DateTime, "2024-08-01")],
        ),
        // No fifth Tuesday in February 2025: not a date, and not a guess.
        (
            "خامس ثلاثاء من فبراير 2025",
            &[("خامس", Ordinal, "5"), ("فبراير 2025", DateTime, "2025-02")],
        ),
    ]);
}

/// Holidays by their calendars' rules: Islamic ones through Umm al-Qura
/// (Eid al-Adha 1445 was 16 June 2024, Eid al-Fitr 1446 30 March 2025,
/// Ramadan 1446 from 1 to 29 March 2025), in Arabic and in English, Easter
/// by the computus.
#[test]
fn holidays_resolve_by_rule() {
    check_all(&[
        ("عيد الفطر", &[("عيد الفطر", DateTime, "2025-03-30")]),
        (
            "بعيد الأضحى 2024",
            &[("بعيد الأضحى 2024", DateTime, "2024-06-16")],
        ),
        (
            "عيد الفطر 1445 هـ",
            &[("عيد الفطر 1445 هـ", DateTime, "2024-04-10")],
        ),
        (
            "رمضان 2025",
            &[("رمضان 2025", DateTime, "2025-03-01/2025-03-30")],
        ),
        (
            "عيد الأضحى الماضي",
            &[("عيد الأضحى الماضي", DateTime, "2024-06-16")],
        ),
        ("Christmas", &[("Christmas", DateTime, "2024-12-25")]),
        ("Eid al-Fitr", &[("Eid al-Fitr", DateTime, "2025-03-30")]),
        (
            "عيد الفصح 2025",
            &[("عيد الفصح 2025", DateTime, "2025-04-20")],
        ),
        // Laylat al-Qadr on the 27th of Ramadan (1 Ramadan 1445 was 11
        // March 2024); the English spellings of English-language news
        // (1 Muharram 1447 is 26 June 2025, 1 Rabi al-Awwal 1446 4
        // September 2024).
        (
            "ليلة القدر 2024",
            &[("ليلة القدر 2024", DateTime, "2024-04-06")],
        ),
        ("Ashura", &[("Ashura", DateTime, "2025-07-05")]),
        (
            "Eid ul-Adha 2024",
            &[("Eid ul-Adha 2024", DateTime, "2024-06-16")],
        ),
        (
            "Mawlid al-Nabawi",
            &[("Mawlid al-Nabawi", DateTime, "2024-09-15")],
        ),
        // The Eastern churches' Easter by the Julian computus (5 May 2024,
        // 20 April 2025 with the Western one, 8 April 2018), Sham el-Nessim
        // the Monday after it; Western feasts counted from Easter (20
        // April 2025).
        (
            "احتفل الأقباط بعيد القيامة",
            &[("بعيد القيامة", DateTime, "2025-04-20")],
        ),
        (
            "إجازة شم النسيم 2024",
            &[("شم النسيم 2024", DateTime, "2024-05-06")],
        ),
        (
            "orthodox easter 2018",
            &[("orthodox easter 2018", DateTime, "2018-04-08")],
        ),
        ("mardi gras", &[("mardi gras", DateTime, "2025-03-04")]),
        ("whit monday", &[("whit monday", DateTime, "2025-06-09")]),
    ]);
}

/// The days of a holiday counted as Arabic news counts them (`أول أيام عيد
/// الأضحى`, `ثاني أيام عيد الفطر`), `غرة` (the first day of) a Hijri
/// month, and the night of mid-Sha'ban (Eid al-Adha 1446 is 6 June 2025,
/// Eid al-Fitr 1446 30 March 2025, 1 Ramadan 1446 1 March 2025, 1
/// Muharram 1446 7 July 2024, 1 Sha'ban 1446 31 January 2025).
#[test]
fn days_of_holidays() {
    check_all(&[
        (
            "يحتفل المسلمون بأول أيام عيد الأضحى",
            &[("أول أيام عيد الأضحى", DateTime, "2025-06-06")],
        ),
        (
            "ثاني أيام عيد الفطر 2025",
            &[("ثاني أيام عيد الفطر 2025", DateTime, "2025-03-31")],
        ),
        (
            "في اليوم الثالث من عيد الفطر",
            &[("اليوم الثالث من عيد الفطر", DateTime, "2025-04-01")],
        ),
        (
            "on the second day of Eid al-Fitr",
            &[("the second day of Eid al-Fitr", DateTime, "2025-03-31")],
        ),
        (
            "أول أيام رمضان",
            &[("أول أيام رمضان", DateTime, "2025-03-01")],
        ),
        // A feast is kept four days at most.
        (
            "خامس أيام عيد الأضحى",
            &[
                ("خامس", Ordinal, "5"),
                ("عيد الأضحى", DateTime, "2025-06-06"),
            ],
        ),
        // Of no holiday, no date.
        ("في أول أيام العام الدراسي", &[("أول", Ordinal, "1")]),
        (
            "غرة شهر رمضان",
            &[("غرة شهر رمضان", DateTime, "2025-03-01")],
        ),
        (
            "مع غرة محرم 1446 هـ",
            &[("غرة محرم 1446 هـ", DateTime, "2024-07-07")],
        ),
        (
            "ليلة النصف من شعبان",
            &[("ليلة النصف من شعبان", DateTime, "2025-02-14")],
        ),
        // The last ten days of Ramadan 1446 (1 March to 29 March 2025),
        // the first ten of Dhu al-Hijja 1446 (from 28 May 2025).
        (
            "يعتكف المصلون في العشر الأواخر من رمضان",
            &[("العشر الأواخر من رمضان", DateTime, "2025-03-21/2025-03-30")],
        ),
        (
            "العشر الأوائل من ذي الحجة",
            &[(
                "العشر الأوائل من ذي الحجة",
                DateTime,
                "2025-05-28/2025-06-07",
            )],
        ),
    ]);
}

/// The eve of a holiday or of a day written with its month is the day
/// before it, as is the night of a holiday (reference Tuesday 2024-07-23:
/// Eid al-Fitr 1446 is 30 March 2025, Ramadan 1446 from 1 March 2025). Not
/// of an event, and not of a weekday: `عشية الأحد` may be Sunday evening.
#[test]
fn eves_are_the_day_before() {
    check_all(&[
        (
            "وصل الوفد عشية عيد الفطر",
            &[("عشية عيد الفطر", DateTime, "2025-03-29")],
        ),
        (
            "وعشية عيد الفطر 1445 هـ",
            &[("عشية عيد الفطر 1445 هـ", DateTime, "2024-04-09")],
        ),
        ("عشية رمضان", &[("عشية رمضان", DateTime, "2025-02-28")]),
        (
            "عشية 25 ديسمبر",
            &[("عشية 25 ديسمبر", DateTime, "2024-12-24")],
        ),
        (
            "on the eve of Christmas",
            &[("the eve of Christmas", DateTime, "2024-12-24")],
        ),
        (
            "eve of New Year's Day 2025",
            &[("eve of New Year's Day 2025", DateTime, "2024-12-31")],
        ),
        // The night before a feast is its eve; a night that is a holiday
        // itself keeps its date, and a night before a weekday or a written
        // day is not read as an eve.
        (
            "ليلة عيد الميلاد",
            &[("ليلة عيد الميلاد", DateTime, "2024-12-24")],
        ),
        (
            "وليلة رأس السنة الميلادية",
            &[("ليلة رأس السنة الميلادية", DateTime, "2024-12-31")],
        ),
        (
            "ليلة القدر 2024",
            &[("ليلة القدر 2024", DateTime, "2024-04-06")],
        ),
        ("ليلة 27 رمضان", &[("27 رمضان", DateTime, "2025-03-27")]),
        // A part of a holiday's day is those hours of it (`صباح عيد الفطر`,
        // `morning of Christmas`); of a month-long one, no part is read.
        (
            "صباح عيد الفطر",
            &[(
                "صباح عيد الفطر",
                DateTime,
                "2025-03-30T04:00:00+00:00/2025-03-30T12:00:00+00:00",
            )],
        ),
        (
            "the morning of Christmas 2024",
            &[(
                "morning of Christmas 2024",
                DateTime,
                "2024-12-25T04:00:00+00:00/2024-12-25T12:00:00+00:00",
            )],
        ),
        (
            "صباح رمضان",
            &[("رمضان", DateTime, "2025-03-01/2025-03-30")],
        ),
        ("عشية الانتخابات الرئاسية", &[]),
        ("on the eve of the vote", &[]),
        ("عشية الأحد", &[("الأحد", DateTime, "2024-07-28")]),
    ]);
}

/// During a feast, its days are this one's: on 17 June 2024, the second
/// day of Eid al-Adha 1445 (16 June 2024) is that day; during Ramadan, its
/// last ten days are this one's.
#[test]
fn a_day_of_a_holiday_said_during_it() {
    let text = "اليوم، ثاني أيام عيد الأضحى";
    let options = ExtractOptions {
        kinds: vec![],
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2024, 6, 17).unwrap()),
        ner_model: None,
    };
    let found = extract(text, &options).entities;
    let day = found
        .iter()
        .find(|e| e.span.slice(text) == "ثاني أيام عيد الأضحى")
        .expect("the day of the feast");
    assert_eq!(value_text(&day.value), "2024-06-17");
    // On 25 March 2025, the last ten days of this Ramadan (1446), begun.
    let text = "العشر الأواخر من رمضان";
    let options = ExtractOptions {
        reference: Reference::at_date(NaiveDate::from_ymd_opt(2025, 3, 25).unwrap()),
        ..options
    };
    let found = extract(text, &options).entities;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(value_text(&found[0].value), "2025-03-21/2025-03-30");
}

/// Days of the United States' calendar counted by weekday in English, a
/// direction before a holiday's name, and the movable Christian feasts.
#[test]
fn holidays_by_weekday_of_month_and_direction_before() {
    check_all(&[
        ("thanksgiving", &[("thanksgiving", DateTime, "2024-11-28")]),
        ("black friday", &[("black friday", DateTime, "2024-11-29")]),
        (
            "labor day 2025",
            &[("labor day 2025", DateTime, "2025-09-01")],
        ),
        ("labour day", &[("labour day", DateTime, "2025-05-01")]),
        ("MLK day", &[("MLK day", DateTime, "2025-01-20")]),
        ("Memorial Day", &[("Memorial Day", DateTime, "2025-05-26")]),
        ("mother's day", &[("mother's day", DateTime, "2025-05-11")]),
        ("عيد الأم", &[("عيد الأم", DateTime, "2025-03-21")]),
        (
            "last halloween",
            &[("last halloween", DateTime, "2023-10-31")],
        ),
        (
            "next thanksgiving",
            &[("next thanksgiving", DateTime, "2024-11-28")],
        ),
        (
            "this christmas eve",
            &[("this christmas eve", DateTime, "2024-12-24")],
        ),
        (
            "thanksgiving of next year",
            &[("thanksgiving of next year", DateTime, "2025-11-27")],
        ),
        (
            "christmas of last year",
            &[("christmas of last year", DateTime, "2023-12-25")],
        ),
        ("palm sunday", &[("palm sunday", DateTime, "2025-04-13")]),
        ("أحد الشعانين", &[("أحد الشعانين", DateTime, "2025-04-13")]),
        // A direction before a word that names no holiday is not taken.
        ("next to the hall", &[]),
    ]);
}

/// Several whole units before or after the current one, as intervals
/// (reference: Tuesday 23 July 2024).
#[test]
fn several_units_before_or_after() {
    check_all(&[
        (
            "خلال الأيام الثلاثة المقبلة",
            &[("الأيام الثلاثة المقبلة", DateTime, "2024-07-24/2024-07-27")],
        ),
        (
            "الأسابيع الثلاثة القادمة",
            &[("الأسابيع الثلاثة القادمة", DateTime, "2024-07-29/2024-08-19")],
        ),
        (
            "في السنوات العشر الماضية",
            &[("السنوات العشر الماضية", DateTime, "2014/2024")],
        ),
        // `آخر` before an amount: the last ones; of something else after
        // `من`, an amount.
        (
            "ارتفعت الأسعار خلال آخر 3 سنوات",
            &[("آخر 3 سنوات", DateTime, "2021/2024")],
        ),
        (
            "في آخر عشرين عاما",
            &[("آخر عشرين عاما", DateTime, "2004/2024")],
        ),
        ("في آخر 3 أيام من المعرض", &[("3 أيام", Duration, "P3D")]),
        (
            "the next three weeks",
            &[("the next three weeks", DateTime, "2024-07-29/2024-08-19")],
        ),
        (
            "over the past 5 years",
            &[("the past 5 years", DateTime, "2019/2024")],
        ),
        // `الأخيرة` ("the latest") after a counted unit is the past.
        (
            "خلال السنوات الـ10 الأخيرة",
            &[("السنوات الـ10 الأخيرة", DateTime, "2014/2024")],
        ),
        (
            "في الأيام الثلاثة الأخيرة",
            &[("الأيام الثلاثة الأخيرة", DateTime, "2024-07-20/2024-07-23")],
        ),
        (
            "خلال الـ24 ساعة الأخيرة",
            &[(
                "خلال الـ24 ساعة الأخيرة",
                DateTime,
                "2024-07-22T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // A dual unit and a dual direction: two units.
        (
            "خلال العامين الماضيين",
            &[("العامين الماضيين", DateTime, "2022/2024")],
        ),
        (
            "في اليومين المقبلين",
            &[("اليومين المقبلين", DateTime, "2024-07-24/2024-07-26")],
        ),
        (
            "خلال الشهرين الأخيرين",
            &[("الشهرين الأخيرين", DateTime, "2024-05/2024-07")],
        ),
        // Alone after a unit, `الأخير` may be the last of a span: nothing.
        ("في الأسبوع الأخير من الشهر", &[]),
        // A few units: three, as `بضعة`; a couple: two.
        (
            "خلال الأيام القليلة الماضية",
            &[("الأيام القليلة الماضية", DateTime, "2024-07-20/2024-07-23")],
        ),
        (
            "في الأسابيع القليلة المقبلة",
            &[("الأسابيع القليلة المقبلة", DateTime, "2024-07-29/2024-08-19")],
        ),
        (
            "over the past few days",
            &[("the past few days", DateTime, "2024-07-20/2024-07-23")],
        ),
        (
            "in the next couple of months",
            &[("the next couple of months", DateTime, "2024-08/2024-10")],
        ),
        ("الأيام القليلة", &[]),
        // Units without a count: the one end their words give (see the
        // bounds in `words_before_a_time_bound_it`).
        (
            "سيعلن القرار خلال الأيام المقبلة",
            &[("الأيام المقبلة", DateTime, "2024-07-24")],
        ),
        (
            "في الأسابيع القادمة",
            &[("الأسابيع القادمة", DateTime, "2024-07-29")],
        ),
        (
            "ارتفعت الأسعار في السنوات الأخيرة",
            &[("السنوات الأخيرة", DateTime, "2024")],
        ),
        (
            "خلال الساعات الماضية",
            &[("الساعات الماضية", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        (
            "over the past decades",
            &[("the past decades", DateTime, "2020")],
        ),
        (
            "in recent months",
            &[("recent months", DateTime, "2024-07")],
        ),
        (
            "prices will rise in the coming weeks",
            &[("the coming weeks", DateTime, "2024-07-29")],
        ),
        (
            "in the days ahead",
            &[("the days ahead", DateTime, "2024-07-24")],
        ),
        // The last years of something, and days counted from the story's
        // time: nothing.
        ("في السنوات الأخيرة من حكمه", &[]),
        ("the past years of his life", &[]),
        ("في الأيام السابقة للانتخابات", &[]),
    ]);
}

/// ISO forms written by hand are chrono's `%Y-%m-%d` and
/// `%Y-%m-%dT%H:%M:%S` with the offset, for every year and a leap second.
#[test]
fn iso_forms_match_chrono_formats() {
    use super::dates::iso;
    let times = [
        (1, 1, 1, 0, 0, 0, 0),
        (999, 12, 31, 23, 59, 59, 0),
        (2024, 7, 23, 8, 5, 9, 0),
        (2024, 6, 30, 23, 59, 59, 1_500_000_000),
        (9999, 12, 31, 0, 0, 0, 0),
        (-44, 3, 15, 12, 0, 0, 0),
        (10_000, 1, 1, 0, 0, 0, 0),
    ];
    for (y, mo, d, h, mi, s, nano) in times {
        let t = NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|date| date.and_hms_nano_opt(h, mi, s, nano))
            .expect("a valid time");
        assert_eq!(iso(t, Grain::Day, 0), t.format("%Y-%m-%d").to_string());
        for offset in [0_i32, 10_800, -16_200] {
            let sign = if offset < 0 { '-' } else { '+' };
            let abs = offset.unsigned_abs();
            let expected = format!(
                "{}{sign}{:02}:{:02}",
                t.format("%Y-%m-%dT%H:%M:%S"),
                abs / 3600,
                abs % 3600 / 60
            );
            assert_eq!(iso(t, Grain::Second, offset), expected);
        }
    }
}

#[test]
fn iso_years_and_months_match_the_formatter() {
    use super::dates::iso;
    for y in [-44, 0, 1, 999, 2024, 9999, 10_000] {
        for mo in [1, 7, 12] {
            let t = NaiveDate::from_ymd_opt(y, mo, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .expect("a valid time");
            assert_eq!(iso(t, Grain::Year, 0), t.format("%Y").to_string());
            assert_eq!(iso(t, Grain::Month, 0), t.format("%Y-%m").to_string());
            assert_eq!(iso(t, Grain::Day, 0), format!("{}-01", t.format("%Y-%m")));
        }
    }
}

/// `a few` (three) and `a couple` (two) are estimates, as `بضعة`, read
/// only after the article: `few` alone is "not many". Their `of` belongs to
/// them before a noun.
#[test]
fn english_estimates_a_few_and_a_couple() {
    check_all(&[
        (
            "a few days ago",
            &[("a few days ago", DateTime, "2024-07-20")],
        ),
        (
            "in a couple of hours",
            &[(
                "in a couple of hours",
                DateTime,
                "2024-07-23T02:00:00+00:00",
            )],
        ),
        (
            "for a couple of weeks",
            &[("a couple of weeks", Duration, "P2W")],
        ),
        (
            "a few thousand people",
            &[("a few thousand", Number, "3000")],
        ),
        ("a few of them left", &[("a few", Number, "3")]),
        ("few people came", &[]),
        ("the couple married", &[]),
        (
            "منذ بضعة أيام",
            &[("منذ بضعة أيام", DateTime, "2024-07-20")],
        ),
    ]);
}

/// English grammar of issue 5: number words (`dozen`, hundreds past nine,
/// `point`, `5k`), `a`/`an` as one before a unit, named hours, British
/// spellings, clipped units and currency names with a country adjective.
#[test]
fn english_numbers_units_and_named_hours() {
    check_all(&[
        ("a dozen", &[("a dozen", Number, "12")]),
        ("three dozen", &[("three dozen", Number, "36")]),
        ("fifteen hundred", &[("fifteen hundred", Number, "1500")]),
        (
            "twenty-five hundred",
            &[("twenty-five hundred", Number, "2500")],
        ),
        ("three point five", &[("three point five", Number, "3.5")]),
        (
            "two point two million",
            &[("two point two million", Number, "2200000")],
        ),
        (
            "3 point 5 billion",
            &[("3 point 5 billion", Number, "3500000000")],
        ),
        (
            "two point two millions",
            &[("two point two", Number, "2.2")],
        ),
        (
            "one point two five",
            &[("one point two five", Number, "1.25")],
        ),
        ("5k", &[("5k", Number, "5000")]),
        ("3bn", &[("3bn", Number, "3000000000")]),
        ("1.2M users", &[("1.2M", Number, "1200000")]),
        ("a 2h drive", &[("2h", Duration, "PT2H")]),
        ("for a fortnight", &[("a fortnight", Duration, "P2W")]),
        (
            "a fortnight ago",
            &[("a fortnight ago", DateTime, "2024-07-09")],
        ),
        ("section 2 h", &[("2", Number, "2")]),
        ("3m", &[("3m", Quantity, "3 m")]),
        ("3 M", &[("3", Number, "3")]),
        ("an hour", &[("an hour", Duration, "PT1H")]),
        ("a gallon", &[("a gallon", Quantity, "3.785411784 gal")]),
        (
            "750 millilitres",
            &[("750 millilitres", Quantity, "0.75 ml")],
        ),
        ("two kilos", &[("two kilos", Quantity, "2000 kg")]),
        ("15 Swiss francs", &[("15 Swiss francs", Money, "15 CHF")]),
        ("noon", &[("noon", DateTime, "2024-07-23T12:00:00+00:00")]),
        (
            "at midnight",
            &[("at midnight", DateTime, "2024-07-23T00:00:00+00:00")],
        ),
        (
            "minus ten degrees celsius",
            &[("minus ten degrees celsius", Quantity, "-10 °C")],
        ),
        ("a degree in physics", &[]),
    ]);
}

/// Ranges of quantities and the words that bound them, as money has them:
/// the value is the lower end and the upper end in the base unit.
#[test]
fn quantity_ranges_and_bounds() {
    check_all(&[
        ("3-5 km", &[("3-5 km", Quantity, "3000-5000 km")]),
        ("3km-5km", &[("3km-5km", Quantity, "3000-5000 km")]),
        (
            "between 5 and six millimeters",
            &[("between 5 and six millimeters", Quantity, "0.005-0.006 mm")],
        ),
        (
            "from 30 degrees to 40 degrees",
            &[("from 30 degrees to 40 degrees", Quantity, "30-40 °")],
        ),
        (
            "30-40 degrees celsius",
            &[("30-40 degrees celsius", Quantity, "30-40 °C")],
        ),
        (
            "between 2 g and about 7 g",
            &[("between 2 g and about 7 g", Quantity, "2-7 g")],
        ),
        (
            "from 100 to 1000 g of flour",
            &[("from 100 to 1000 g of flour", Quantity, "100-1000 g")],
        ),
        (
            "تتراوح الحرارة بين 20 و25 درجة مئوية",
            &[("بين 20 و25 درجة مئوية", Quantity, "20-25 °C")],
        ),
        // Degrees of an earthquake's strength are its magnitude, a number,
        // no temperature (were °).
        (
            "ضرب زلزال بقوة 6.2 درجات على مقياس ريختر",
            &[("6.2", Number, "6.2")],
        ),
        ("هزة قوتها 5 درجات بمقياس ريختر", &[("5", Number, "5")]),
        ("انخفضت الحرارة 5 درجات", &[("5 درجات", Quantity, "5 °")]),
        // A capital `C` or `F` glued to the digits is the scale (were
        // numbers); after a noun that labels by a number and a letter, or
        // spaced, it is none.
        (
            "Temperatures hit 40C on Tuesday",
            &[
                ("40C", Quantity, "40 °C"),
                ("on Tuesday", DateTime, "2024-07-30"),
            ],
        ),
        ("a -5C night", &[("-5C", Quantity, "-5 °C")]),
        ("It was 104F", &[("104F", Quantity, "104 °F")]),
        ("Passengers in seat 5C", &[("5", Number, "5")]),
        ("10 c", &[("10", Number, "10")]),
        (
            "من 5 إلى 7 كغ",
            &[("من 5 إلى 7 كغ", Quantity, "5000-7000 kg")],
        ),
        (
            "under 40 degrees",
            &[("under 40 degrees", Quantity, "AtMost 40 °")],
        ),
        (
            "no more than 6 lbs",
            &[("no more than 6 lbs", Quantity, "AtMost 2721.55422 lb")],
        ),
        (
            "at least two cups",
            &[("at least two cups", Quantity, "AtLeast 0.473176473 cup")],
        ),
        (
            "أكثر من 5 كيلومترات",
            &[("أكثر من 5 كيلومترات", Quantity, "AtLeast 5000 km")],
        ),
        (
            "2 kg at least",
            &[("2 kg at least", Quantity, "AtLeast 2000 kg")],
        ),
        (
            "around 3-5 kilometers",
            &[("around 3-5 kilometers", Quantity, "About 3000-5000 km")],
        ),
        ("~2-7 grams", &[("~2-7 grams", Quantity, "About 2-7 g")]),
        (
            "2 degrees below zero",
            &[("2 degrees below zero", Quantity, "-2 °")],
        ),
        ("2 below zero", &[("2 below zero", Quantity, "-2 °")]),
        ("70 degrees F", &[("70 degrees F", Quantity, "70 °F")]),
        ("45 deg.", &[("45 deg", Quantity, "45 °")]),
        // Not ranges: the lower end is not lower, the units differ, or
        // `and` joins two amounts with no `between`.
        (
            "5-3 km",
            &[("5", Number, "5"), ("3 km", Quantity, "3000 km")],
        ),
        (
            "from 500 g to 2 kg",
            &[("from 500 g to 2 kg", Quantity, "500-2000 kg")],
        ),
        (
            "from 20 degrees to 2 km",
            &[
                ("20 degrees", Quantity, "20 °"),
                ("2 km", Quantity, "2000 km"),
            ],
        ),
        (
            "5 and 6 mm",
            &[("5", Number, "5"), ("6 mm", Quantity, "0.006 mm")],
        ),
        // A bound with no unit after it bounds the number.
        ("less than 5 people", &[("less than 5", Number, "AtMost 5")]),
    ]);
}

/// Money with its minor unit after `and`, `و` or nothing, ranges with the
/// currency at both ends, and ISO codes of more currencies.
#[test]
fn money_minor_units_ranges_with_two_currencies_and_codes() {
    check_all(&[
        (
            "$20 and 43 cents",
            &[("$20 and 43 cents", Money, "20.43 USD")],
        ),
        (
            "20 dollars 43 cents",
            &[("20 dollars 43 cents", Money, "20.43 USD")],
        ),
        (
            "more than 1 dollar and forty-two cents",
            &[(
                "more than 1 dollar and forty-two cents",
                Money,
                "AtLeast 1.42 USD",
            )],
        ),
        ("3 GBP 1 pence", &[("3 GBP 1 pence", Money, "3.01 GBP")]),
        // The article is one before a currency written as a word.
        ("a dollar", &[("a dollar", Money, "1 USD")]),
        (
            "above a dollar and 42 cents",
            &[("above a dollar and 42 cents", Money, "AtLeast 1.42 USD")],
        ),
        ("it costs an euro", &[("an euro", Money, "1 EUR")]),
        ("a cent", &[("a cent", Money, "0.01 USD")]),
        ("a pound", &[("a pound", Quantity, "453.59237 lb")]),
        (
            "from 10 dollars to 20 dollars",
            &[("from 10 dollars to 20 dollars", Money, "10-20 USD")],
        ),
        (
            "about $10-$20",
            &[("about $10-$20", Money, "About 10-20 USD")],
        ),
        (
            "من 10 دولارات إلى 20 دولارا",
            &[("من 10 دولارات إلى 20 دولارا", Money, "10-20 USD")],
        ),
        ("42 MYR", &[("42 MYR", Money, "42 MYR")]),
        ("RM 42", &[("RM 42", Money, "42 MYR")]),
        ("BGN 42", &[("BGN 42", Money, "42 BGN")]),
        // Not one amount: a bare number after, two currencies, a
        // descending range, 100 cents or more.
        ("$20 43", &[("$20", Money, "20 USD"), ("43", Number, "43")]),
        ("a $ sign", &[]),
        ("a USD account", &[]),
        (
            "20 dollars and 5 euros",
            &[("20 dollars", Money, "20 USD"), ("5 euros", Money, "5 EUR")],
        ),
        (
            "$20-$10",
            &[("$20", Money, "20 USD"), ("$10", Money, "10 USD")],
        ),
        // A change and where it ended: two amounts, `to` without `from`.
        (
            "rose 7 cents to $60.87",
            &[
                ("7 cents", Money, "0.07 USD"),
                ("$60.87", Money, "60.87 USD"),
            ],
        ),
        (
            "ارتفع 07ر0 دولار إلى 87ر60 دولار",
            &[
                ("07ر0 دولار", Money, "0.07 USD"),
                ("87ر60 دولار", Money, "60.87 USD"),
            ],
        ),
        (
            "rose 2 degrees to 40 degrees",
            &[
                ("2 degrees", Quantity, "2 °"),
                ("40 degrees", Quantity, "40 °"),
            ],
        ),
        (
            "20 dollars 150 cents",
            &[
                ("20 dollars", Money, "20 USD"),
                ("150 cents", Money, "1.5 USD"),
            ],
        ),
    ]);
}

/// A quantity written in two or three units of one dimension, largest
/// first, is one quantity in the smallest (in the first when the sum is no
/// whole count of the smallest); fractions before a unit.
/// A Hijri month named alone after `في` or `شهر` is the whole month, as
/// `رمضان` is (reference: 23 July 2024, 17 Muharram 1446); not a given name
/// after `في`, nor `صفر` (zero) without `شهر`.
#[test]
fn a_hijri_month_alone_after_fi_or_shahr() {
    check_all(&[
        (
            "في شهر شعبان",
            &[("شهر شعبان", DateTime, "2025-01-31/2025-03-01")],
        ),
        (
            "في ذي الحجة، يحج المسلمون",
            &[("ذي الحجة", DateTime, "2025-05-28/2025-06-26")],
        ),
        (
            "في شوال الماضي",
            &[("شوال الماضي", DateTime, "2024-04-10/2024-05-09")],
        ),
        ("ثقة في رجب طيب أردوغان", &[]),
        ("في صفر", &[("صفر", Number, "0")]),
    ]);
}

/// Minutes joined to an hour by `و` without their word are the clock's
/// fives from ten (`الساعة 10 و30`): `5 و6` after `بين` is two hours, a
/// range, not 5:06 (reference: 2024-07-23).
#[test]
fn two_hours_between_are_a_range_not_minutes() {
    check_all(&[
        (
            "بين 5 و6 مساء",
            &[(
                "بين 5 و6 مساء",
                DateTime,
                "2024-07-23T17:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "بين الساعة 5 و6 مساء",
            &[(
                "بين الساعة 5 و6 مساء",
                DateTime,
                "2024-07-23T17:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "الساعة 10 و30",
            &[("الساعة 10 و30", DateTime, "2024-07-23T10:30:00+00:00")],
        ),
        (
            "الساعة الخامسة و5 دقائق",
            &[(
                "الساعة الخامسة و5 دقائق",
                DateTime,
                "2024-07-23T05:05:00+00:00",
            )],
        ),
    ]);
}

/// The kilo- units written in two words are one unit: `5 كيلو غرام` was
/// five kilograms and one gram, `70 كيلو متر` seventy kilograms (values
/// in the base unit: grams, metres, square metres).
#[test]
fn kilo_units_in_two_words() {
    check_all(&[
        ("وزنه 5 كيلو غرام", &[("5 كيلو غرام", Quantity, "5000 kg")]),
        (
            "قطع مسافة 70 كيلو متر",
            &[("70 كيلو متر", Quantity, "70000 km")],
        ),
        (
            "مساحة 200 كيلو متر مربع",
            &[("200 كيلو متر مربع", Quantity, "200000000 km²")],
        ),
        (
            "5 كيلو من السكر",
            &[("5 كيلو من السكر", Quantity, "5000 kg")],
        ),
    ]);
}

#[test]
fn composite_quantities_and_fractions_of_a_unit() {
    check_all(&[
        (
            "1 meter and 1 foot",
            &[("1 meter and 1 foot", Quantity, "1.3048 m")],
        ),
        (
            "7 feet 10 inches",
            &[("7 feet 10 inches", Quantity, "2.3876 in")],
        ),
        (
            "2 km and 1 meter",
            &[("2 km and 1 meter", Quantity, "2001 m")],
        ),
        (
            "10 kms, 8 metres, 6 cm",
            &[("10 kms, 8 metres, 6 cm", Quantity, "10008.06 cm")],
        ),
        (
            "3 أمتار و20 سنتيمترا",
            &[("3 أمتار و20 سنتيمترا", Quantity, "3.2 cm")],
        ),
        // Not composites: a larger unit after, or another dimension.
        (
            "1 meter and 1 km",
            &[("1 meter", Quantity, "1 m"), ("1 km", Quantity, "1000 km")],
        ),
        (
            "2 kg and 3 litres",
            &[("2 kg", Quantity, "2000 kg"), ("3 litres", Quantity, "3 l")],
        ),
        ("3/4 cup", &[("3/4 cup", Quantity, "0.177441177375 cup")]),
        // A mixed number: the whole number and its fraction, spaced.
        ("2 1/4 inches", &[("2 1/4 inches", Quantity, "0.05715 in")]),
        ("٢ ١/٢ كيلو", &[("٢ ١/٢ كيلو", Quantity, "2500 kg")]),
        ("١/٢ لتر", &[("١/٢ لتر", Quantity, "0.5 l")]),
        ("half a mile", &[("half a mile", Quantity, "804.672 mi")]),
        (
            "a quarter of a mile",
            &[("a quarter of a mile", Quantity, "402.336 mi")],
        ),
        (
            "in a quarter of an hour",
            &[(
                "in a quarter of an hour",
                DateTime,
                "2024-07-23T00:15:00+00:00",
            )],
        ),
        ("a quarter of the votes", &[("quarter", Number, "0.25")]),
        ("half-litre", &[("half-litre", Quantity, "0.5 l")]),
        (
            "نصف لتر من الحليب",
            &[("نصف لتر من الحليب", Quantity, "0.5 l")],
        ),
        ("ربع كيلو", &[("ربع كيلو", Quantity, "250 kg")]),
        // A date or an improper fraction before a unit is no fraction of it.
        ("12/5 km", &[]),
        ("half the people", &[("half", Number, "0.5")]),
    ]);
}

/// English grammar of issue 5 (reference: Tuesday 2024-07-23 00:00 UTC).
#[test]
fn english_month_alone_year_after_in_and_the_ordinal_day() {
    check_all(&[
        // The next March, the current July.
        ("March", &[("March", DateTime, "2025-03")]),
        ("July", &[("July", DateTime, "2024-07")]),
        ("please march forward", &[]),
        ("in May", &[("in May", DateTime, "2025-05")]),
        // An abbreviated month after `in` (its period with it), not alone;
        // told in the past, the last one.
        ("in Aug", &[("in Aug", DateTime, "2024-08")]),
        ("sales fell in Sept.", &[("in Sept.", DateTime, "2023-09")]),
        ("Aug", &[]),
        ("in 2015", &[("in 2015", DateTime, "2015")]),
        ("in 2015, sales", &[("in 2015", DateTime, "2015")]),
        ("in 2015-2016", &[("2015-2016", DateTime, "2015/2017")]),
        // A year and the next with a slash, or the next by its last two
        // digits: a season, a school or fiscal year across both.
        ("موسم 2023/2024", &[("2023/2024", DateTime, "2023/2025")]),
        ("the 2023/24 season", &[("2023/24", DateTime, "2023/2025")]),
        ("the 2023-24 budget", &[("2023-24", DateTime, "2023/2025")]),
        ("صدر في 2015/16", &[("2015/16", DateTime, "2015/2017")]),
        // Not two years in a row: a fraction or a score, not read.
        ("2019/2021", &[]),
        ("2023/25", &[]),
        ("in 2000 metres", &[("2000 metres", Quantity, "2000 m")]),
        ("in 1500 dollars", &[("1500 dollars", Money, "1500 USD")]),
        ("in March 2024", &[("March 2024", DateTime, "2024-03")]),
        (
            "the 23rd of July",
            &[("the 23rd of July", DateTime, "2024-07-23")],
        ),
        (
            "the first of March 2024",
            &[("the first of March 2024", DateTime, "2024-03-01")],
        ),
        (
            "the July 23 meeting",
            &[("July 23", DateTime, "2024-07-23")],
        ),
    ]);
    check_grains(&[
        ("March", "March", Grain::Month),
        ("in May", "in May", Grain::Month),
        ("in 2015", "in 2015", Grain::Year),
        ("the 23rd of July", "the 23rd of July", Grain::Day),
    ]);
    // `May` alone is the verb.
    let options = ExtractOptions {
        kinds: vec![DateTime],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    assert!(extract("May I come in", &options).entities.is_empty());
}

#[test]
fn english_minutes_past_or_to_an_hour() {
    check_all(&[
        (
            "half past seven pm",
            &[("half past seven pm", DateTime, "2024-07-23T19:30:00+00:00")],
        ),
        (
            "a quarter past 6 pm",
            &[("a quarter past 6 pm", DateTime, "2024-07-23T18:15:00+00:00")],
        ),
        (
            "quarter to 5 pm",
            &[("quarter to 5 pm", DateTime, "2024-07-23T16:45:00+00:00")],
        ),
        (
            "ten minutes to 8 am",
            &[("ten minutes to 8 am", DateTime, "2024-07-23T07:50:00+00:00")],
        ),
        (
            "20 past 6 pm",
            &[("20 past 6 pm", DateTime, "2024-07-23T18:20:00+00:00")],
        ),
        // A bare count before `after`, or one of 13 to 59 before `to`,
        // when the hour has its period or is noon or midnight.
        (
            "twenty after 3 pm",
            &[("twenty after 3 pm", DateTime, "2024-07-23T15:20:00+00:00")],
        ),
        (
            "20 to 3pm",
            &[("20 to 3pm", DateTime, "2024-07-23T14:40:00+00:00")],
        ),
        (
            "15 to noon",
            &[("15 to noon", DateTime, "2024-07-23T11:45:00+00:00")],
        ),
        // Without them, a score or a count.
        (
            "they won 20 to 3",
            &[("20", Number, "20"), ("3", Number, "3")],
        ),
        (
            "scored 5 after 3 rounds",
            &[("5", Number, "5"), ("3", Number, "3")],
        ),
        // No period: the next such time after the reference (00:00).
        (
            "half past seven",
            &[("half past seven", DateTime, "2024-07-23T07:30:00+00:00")],
        ),
        ("a quarter of the budget", &[("quarter", Number, "0.25")]),
        (
            "3 in the AM",
            &[("3 in the AM", DateTime, "2024-07-23T03:00:00+00:00")],
        ),
    ]);
    check_grains(&[
        ("half past seven pm", "half past seven pm", Grain::Minute),
        ("quarter to 5 pm", "quarter to 5 pm", Grain::Minute),
    ]);
}

#[test]
fn english_ranges_of_hours_and_weekdays() {
    check_all(&[
        // A bare hour after a time with its part of the day: the first
        // such hour after it (8am until 6: to 18:00, its hour included).
        (
            "polls open from 8am until 6",
            &[(
                "from 8am until 6",
                DateTime,
                "2024-07-23T08:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "من 9 مساء حتى 11",
            &[(
                "من 9 مساء حتى 11",
                DateTime,
                "2024-07-23T21:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        (
            "from 8am to 6 dollars",
            &[
                ("from 8am", DateTime, "2024-07-23T08:00:00+00:00"),
                ("6 dollars", Money, "6 USD"),
            ],
        ),
        (
            "from 3 to 5 pm",
            &[(
                "from 3 to 5 pm",
                DateTime,
                "2024-07-23T15:00:00+00:00/2024-07-23T18:00:00+00:00",
            )],
        ),
        (
            "from 9 to 5 pm",
            &[(
                "from 9 to 5 pm",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-23T18:00:00+00:00",
            )],
        ),
        (
            "3 - 5 pm",
            &[(
                "3 - 5 pm",
                DateTime,
                "2024-07-23T15:00:00+00:00/2024-07-23T18:00:00+00:00",
            )],
        ),
        // No part of the day written: a range of numbers.
        ("from 3 to 5", &[("from 3 to 5", Number, "3-5")]),
        (
            "from Monday to Friday",
            &[("from Monday to Friday", DateTime, "2024-07-29/2024-08-03")],
        ),
        (
            "Friday to Monday",
            &[("Friday to Monday", DateTime, "2024-07-26/2024-07-30")],
        ),
        (
            "من الاثنين إلى الجمعة",
            &[("من الاثنين إلى الجمعة", DateTime, "2024-07-29/2024-08-03")],
        ),
        // `يوم` before either weekday, with `من` or without.
        (
            "من يوم الأحد إلى يوم الخميس",
            &[(
                "من يوم الأحد إلى يوم الخميس",
                DateTime,
                "2024-07-28/2024-08-02",
            )],
        ),
        (
            "يوم الجمعة حتى الأحد",
            &[("يوم الجمعة حتى الأحد", DateTime, "2024-07-26/2024-07-29")],
        ),
        // A direction after the second weekday: the coming days, in the
        // span, or the last ones (Tuesday 23 July: last Tuesday is the
        // 16th); not the direction of a unit after it.
        (
            "من الجمعة حتى الأحد القادم",
            &[(
                "من الجمعة حتى الأحد القادم",
                DateTime,
                "2024-07-26/2024-07-29",
            )],
        ),
        (
            "من الأحد إلى الثلاثاء الماضي",
            &[(
                "من الأحد إلى الثلاثاء الماضي",
                DateTime,
                "2024-07-14/2024-07-17",
            )],
        ),
        (
            "from Monday to Friday next week",
            &[
                ("from Monday to Friday", DateTime, "2024-07-29/2024-08-03"),
                ("next week", DateTime, "2024-07-29"),
            ],
        ),
    ]);
    check_grains(&[
        ("from 3 to 5 pm", "from 3 to 5 pm", Grain::Hour),
        ("from Monday to Friday", "from Monday to Friday", Grain::Day),
    ]);
}

#[test]
fn phone_numbers_written_with_dots() {
    check_all(&[
        (
            "650.701.8887",
            &[("650.701.8887", PhoneNumber, "6507018887")],
        ),
        (
            "01.46.64.79.98",
            &[("01.46.64.79.98", PhoneNumber, "0146647998")],
        ),
        ("12.05.2024", &[("12.05.2024", DateTime, "2024-05-12")]),
        ("192.168.10.200", &[]),
        ("1.2.3", &[]),
        // Amounts before a unit are no phone number.
        (
            "منذ 32000 - 190000 سنة",
            &[
                ("32000", Number, "32000"),
                ("190000 سنة", Duration, "P190000Y"),
            ],
        ),
        (
            "اتصل على 050-1234567 للاستفسار",
            &[("050-1234567", PhoneNumber, "0501234567")],
        ),
    ]);
}

/// Digits grouped by thousands with spaces are one number, and an amount
/// of money or a quantity with it; a phone number written in groups keeps
/// its country code, trunk `0` or a group of four.
#[test]
fn digits_grouped_by_spaces_are_one_number() {
    check_all(&[
        (
            "يبلغ عدد سكان البلاد 104 000 000 نسمة",
            &[("104 000 000", Number, "104000000")],
        ),
        (
            "a population of 1 414 021 100 people",
            &[("1 414 021 100", Number, "1414021100")],
        ),
        ("1 234 567.89", &[("1 234 567.89", Number, "1234567.89")]),
        ("دفع 3 000 دولار", &[("3 000 دولار", Money, "3000 USD")]),
        (
            "بلغت الكلفة ٢ ٥٠٠ ٠٠٠ يورو",
            &[("٢ ٥٠٠ ٠٠٠ يورو", Money, "2500000 EUR")],
        ),
        (
            "le prix est de 1\u{202f}250,50 euros",
            &[("1\u{202f}250,50 euros", Money, "1250.5 EUR")],
        ),
        ("1 250 ألف", &[("1 250 ألف", Number, "1250000")]),
        // Groups of another size, or two spaces, are separate numbers.
        (
            "الأرقام 5 10 20",
            &[
                ("5", Number, "5"),
                ("10", Number, "10"),
                ("20", Number, "20"),
            ],
        ),
        ("12  500", &[("12", Number, "12"), ("500", Number, "500")]),
        (
            "في عام 2013 200 قتيل",
            &[("عام 2013", DateTime, "2013"), ("200", Number, "200")],
        ),
        // Phone numbers.
        (
            "اتصل على 050 123 4567",
            &[("050 123 4567", PhoneNumber, "0501234567")],
        ),
        (
            "call +34 912 345 678",
            &[("+34 912 345 678", PhoneNumber, "+34912345678")],
        ),
        (
            "650 701 8887",
            &[("650 701 8887", PhoneNumber, "6507018887")],
        ),
    ]);
}

/// The Arabic comma between digits groups thousands (three digits after
/// it), or marks the decimal part of what a unit, a currency, a scale word
/// or a percent sign measures; elsewhere it lists numbers.
#[test]
fn the_arabic_comma_between_digits_groups_thousands_or_marks_decimals() {
    check_all(&[
        ("استقبل الملعب 45،000 مشجع", &[("45،000", Number, "45000")]),
        (
            "بلغت الكلفة ٢،٧٥٠،٠٠٠ يورو",
            &[("٢،٧٥٠،٠٠٠ يورو", Money, "2750000 EUR")],
        ),
        (
            "تبلغ الميزانية 4،2 مليار دولار",
            &[("4،2 مليار دولار", Money, "4200000000 USD")],
        ),
        ("ارتفع بنسبة ٢،٥٪", &[("٢،٥٪", Percent, "2.5")]),
        ("يزن 1،5 كيلوغرام", &[("1،5 كيلوغرام", Quantity, "1500 kg")]),
        ("استمر 7،5 سنة", &[("7،5 سنة", Duration, "P7Y6M")]),
        // A list: days, articles, several short numbers.
        (
            "يومي 20،21 يونيو",
            &[
                ("20", DateTime, "2024-06-20"),
                ("21 يونيو", DateTime, "2024-06-21"),
            ],
        ),
        (
            "البندين 3،4 من الاتفاق",
            &[("3", Number, "3"), ("4", Number, "4")],
        ),
        (
            "الأرقام 1،2،3",
            &[("1", Number, "1"), ("2", Number, "2"), ("3", Number, "3")],
        ),
    ]);
}

/// `m` glued to the digits of an amount of money is a million; elsewhere
/// a metre.
#[test]
fn m_is_a_million_after_a_currency_and_a_metre_alone() {
    check_all(&[
        ("$2.5m", &[("$2.5m", Money, "2500000 USD")]),
        ("£3m", &[("£3m", Money, "3000000 GBP")]),
        ("2.5m USD", &[("2.5m USD", Money, "2500000 USD")]),
        ("5 m", &[("5 m", Quantity, "5 m")]),
        ("5m", &[("5m", Quantity, "5 m")]),
        // Not glued: the amount and a metre are not money.
        ("$2.5 m", &[("$2.5", Money, "2.5 USD")]),
    ]);
}

/// A date after an Arabic word that makes it approximate keeps its value
/// and spans the word (reference: Tuesday 2024-07-23).
#[test]
fn approximate_dates_in_arabic() {
    check_all(&[
        (
            "قرابة الثلاثاء القادم",
            &[("قرابة الثلاثاء القادم", DateTime, "2024-07-30")],
        ),
        (
            "حوالي يوم الجمعة",
            &[("حوالي يوم الجمعة", DateTime, "2024-07-26")],
        ),
        ("قرابة 100 شخص", &[("قرابة 100", Number, "About 100")]),
        // In English `about` is as often "concerning".
        ("talked about Monday", &[("Monday", DateTime, "2024-07-29")]),
    ]);
    check_grains(&[("قرابة الثلاثاء القادم", "قرابة الثلاثاء القادم", Grain::Day)]);
}

/// A singular Arabic name of a unit of mass or volume alone is one of it;
/// abbreviations and lengths alone are not read.
#[test]
fn singular_unit_names_alone_are_one_unit() {
    check_all(&[
        ("كيلوجرام", &[("كيلوجرام", Quantity, "1000 kg")]),
        ("لتر", &[("لتر", Quantity, "1 l")]),
        ("سعر كيلوغرام اللحم", &[("كيلوغرام", Quantity, "1000 kg")]),
        ("لترين", &[("لترين", Quantity, "2 l")]),
        ("كغ", &[]),
        ("كم", &[]),
        ("كيلومتر مربع", &[]),
    ]);
}

/// Two month names after `from` (reference: July 2024).
#[test]
fn ranges_of_months_after_from() {
    check_all(&[
        (
            "from March to June",
            &[("from March to June", DateTime, "2025-03/2025-07")],
        ),
        (
            "from July to September",
            &[("from July to September", DateTime, "2024-07/2024-10")],
        ),
        (
            "from November to February",
            &[("from November to February", DateTime, "2024-11/2025-03")],
        ),
        (
            "from November to February 2024",
            &[(
                "from November to February 2024",
                DateTime,
                "2023-11/2024-03",
            )],
        ),
        (
            "من مارس إلى يونيو",
            &[("من مارس إلى يونيو", DateTime, "2025-03/2025-07")],
        ),
    ]);
    check_grains(&[("from March to June", "from March to June", Grain::Month)]);
}

/// Parts of a day, with the day they belong to, in both word orders
/// (reference: Tuesday 2024-07-23 00:00 UTC; hours in data/time_words.tsv).
#[test]
fn parts_of_a_day() {
    check_all(&[
        (
            "this morning",
            &[(
                "this morning",
                DateTime,
                "2024-07-23T04:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        (
            "tomorrow evening",
            &[(
                "tomorrow evening",
                DateTime,
                "2024-07-24T18:00:00+00:00/2024-07-25T00:00:00+00:00",
            )],
        ),
        (
            "on Monday morning",
            &[(
                "on Monday morning",
                DateTime,
                "2024-07-29T04:00:00+00:00/2024-07-29T12:00:00+00:00",
            )],
        ),
        (
            "last night",
            &[(
                "last night",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "tomorrow in the evening",
            &[(
                "tomorrow in the evening",
                DateTime,
                "2024-07-24T18:00:00+00:00/2024-07-25T00:00:00+00:00",
            )],
        ),
        (
            "February 15 in the morning",
            &[(
                "February 15 in the morning",
                DateTime,
                "2024-02-15T04:00:00+00:00/2024-02-15T12:00:00+00:00",
            )],
        ),
        (
            "وصل الوفد يوم الخميس في المساء",
            &[(
                "يوم الخميس في المساء",
                DateTime,
                "2024-07-18T18:00:00+00:00/2024-07-19T00:00:00+00:00",
            )],
        ),
        (
            "وصل الوفد أمس في الصباح",
            &[(
                "أمس في الصباح",
                DateTime,
                "2024-07-22T04:00:00+00:00/2024-07-22T12:00:00+00:00",
            )],
        ),
        (
            "the morning of the 15th of February",
            &[(
                "morning of the 15th of February",
                DateTime,
                "2024-02-15T04:00:00+00:00/2024-02-15T12:00:00+00:00",
            )],
        ),
        (
            "evening of Monday",
            &[(
                "evening of Monday",
                DateTime,
                "2024-07-29T18:00:00+00:00/2024-07-30T00:00:00+00:00",
            )],
        ),
        ("the night of the long knives", &[]),
        // `in the` and no part of the day: the day alone.
        (
            "tomorrow in the city",
            &[("tomorrow", DateTime, "2024-07-24")],
        ),
        (
            "صباح اليوم",
            &[(
                "صباح اليوم",
                DateTime,
                "2024-07-23T04:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        (
            "مساء أمس",
            &[(
                "مساء أمس",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "وقال مساء الثلاثاء الماضي",
            &[(
                "مساء الثلاثاء الماضي",
                DateTime,
                "2024-07-16T18:00:00+00:00/2024-07-17T00:00:00+00:00",
            )],
        ),
        // Dawn and afternoon by CLDR ar's day periods (03-06, 13-18); the
        // era (`عصر النهضة`) and the verb `فجر` (blew up) are no dates.
        (
            "فجر اليوم",
            &[(
                "فجر اليوم",
                DateTime,
                "2024-07-23T03:00:00+00:00/2024-07-23T06:00:00+00:00",
            )],
        ),
        (
            "عصر أمس",
            &[(
                "عصر أمس",
                DateTime,
                "2024-07-22T13:00:00+00:00/2024-07-22T18:00:00+00:00",
            )],
        ),
        ("في عصر النهضة", &[]),
        ("فجر انتحاري نفسه", &[]),
        // Noon (`ظهر`) with its day; alone it is the verb (appeared).
        (
            "وصل الوفد ظهر اليوم",
            &[(
                "ظهر اليوم",
                DateTime,
                "2024-07-23T12:00:00+00:00/2024-07-23T13:00:00+00:00",
            )],
        ),
        ("ظهر الرئيس في مؤتمر صحفي", &[]),
        // The night (`ليل`) as the evening; said with the next day, the
        // night between them, to the morning (`ليلة` only so: alone, `ليلة
        // الأحد` may be the eve of Sunday).
        (
            "غارة ليل الثلاثاء",
            &[(
                "ليل الثلاثاء",
                DateTime,
                "2024-07-30T18:00:00+00:00/2024-07-31T00:00:00+00:00",
            )],
        ),
        (
            "ليل السبت الأحد",
            &[(
                "ليل السبت الأحد",
                DateTime,
                "2024-07-27T18:00:00+00:00/2024-07-28T04:00:00+00:00",
            )],
        ),
        (
            "ليلة الخميس إلى الجمعة الماضية",
            &[(
                "ليلة الخميس إلى الجمعة الماضية",
                DateTime,
                "2024-07-18T18:00:00+00:00/2024-07-19T04:00:00+00:00",
            )],
        ),
        ("ليلة الأحد", &[("الأحد", DateTime, "2024-07-28")]),
        // Before a day word, the night of that day: `ليلة أمس`, last night.
        (
            "اندلع الحريق ليلة أمس",
            &[(
                "ليلة أمس",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // `صبيحة` (the morning of a day) as `صباح`; the verb tells the
        // past Sunday.
        (
            "وقع الحادث صبيحة يوم الأحد",
            &[(
                "صبيحة يوم الأحد",
                DateTime,
                "2024-07-21T04:00:00+00:00/2024-07-21T12:00:00+00:00",
            )],
        ),
        ("يعملون ليل نهار", &[]),
        // After and before noon (CLDR ar's afternoon2, 13-18; the
        // morning), and midday (afternoon1, 12-13); `ظهر` alone may be
        // the verb "appeared" and is left out.
        (
            "عقد مؤتمرا بعد ظهر أمس",
            &[(
                "بعد ظهر أمس",
                DateTime,
                "2024-07-22T13:00:00+00:00/2024-07-22T18:00:00+00:00",
            )],
        ),
        (
            "غادر باريس قبل ظهر أمس",
            &[(
                "قبل ظهر أمس",
                DateTime,
                "2024-07-22T04:00:00+00:00/2024-07-22T12:00:00+00:00",
            )],
        ),
        (
            "ظهيرة اليوم",
            &[(
                "ظهيرة اليوم",
                DateTime,
                "2024-07-23T12:00:00+00:00/2024-07-23T13:00:00+00:00",
            )],
        ),
        ("ظهر الرئيس أمس", &[("أمس", DateTime, "2024-07-22")]),
        // The hours are feminine: a masculine ordinal before a part of a
        // day is no hour (a king's name, `ربع الساعة الأول`).
        (
            "الملك عبدالله الثاني مساء أمس",
            &[(
                "مساء أمس",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // A part of a day with no day to belong to is not a date.
        ("good morning", &[]),
        ("in the evening light", &[]),
    ]);
}

/// Counted units back from the reference without `the`, time zones by
/// their abbreviation, and the Indian scales of numbers.
#[test]
fn past_units_zone_abbreviations_and_indian_scales() {
    check_all(&[
        (
            "past 2 days",
            &[("past 2 days", DateTime, "2024-07-21/2024-07-23")],
        ),
        (
            "at 8:00 PST",
            &[("at 8:00 PST", DateTime, "2024-07-23T08:00:00-08:00")],
        ),
        (
            "4pm CET",
            &[("4pm CET", DateTime, "2024-07-23T16:00:00+01:00")],
        ),
        ("30 lakh", &[("30 lakh", Number, "3000000")]),
        ("12 crore", &[("12 crore", Number, "120000000")]),
        (
            "previous week",
            &[("previous week", DateTime, "2024-07-15")],
        ),
    ]);
}

/// Quarters of a year: three months at month grain, of the reference year
/// when none is written (reference: 2024-07-23).
#[test]
fn quarters_of_a_year() {
    check_all(&[
        (
            "in the third quarter",
            &[("the third quarter", DateTime, "2024-07")],
        ),
        ("Q4 2018", &[("Q4 2018", DateTime, "2018-10")]),
        // Hyphened before a noun (was an ordinal and a quarter, 0.25).
        (
            "third-quarter results",
            &[("third-quarter", DateTime, "2024-07")],
        ),
        (
            "fourth-quarter 2023 earnings",
            &[("fourth-quarter 2023", DateTime, "2023-10")],
        ),
        (
            "the 1st qtr of 2025",
            &[("the 1st qtr of 2025", DateTime, "2025-01")],
        ),
        (
            "الربع الأول من عام 2024",
            &[("الربع الأول من عام 2024", DateTime, "2024-01")],
        ),
        ("في الربع الرابع", &[("الربع الرابع", DateTime, "2024-10")]),
        // A quarter of something else, or a fifth quarter, is no date (nor
        // the number 0.25: it is a part of the match).
        ("the third quarter of the match", &[("third", Ordinal, "3")]),
        ("Q5 2018", &[("2018", Number, "2018")]),
        // Quarters near the reference (Q3 2024).
        ("next quarter", &[("next quarter", DateTime, "2024-10")]),
        ("this qtr", &[("this qtr", DateTime, "2024-07")]),
        ("last quarter", &[("last quarter", DateTime, "2024-04")]),
        // Alone, `الربع الأخير` is the latest quarter, as `last quarter` is.
        (
            "أرباح جيدة في الربع الأخير.",
            &[("الربع الأخير", DateTime, "2024-04")],
        ),
        ("الربع المقبل", &[("الربع المقبل", DateTime, "2024-10")]),
    ]);
    check_grains(&[
        ("Q4 2018", "Q4 2018", Grain::Quarter),
        ("next quarter", "next quarter", Grain::Quarter),
    ]);
}

/// English names of currencies that CLDR gives one currency, the English
/// names of the Arabic generic ones (resolved as the Arabic ones are), and
/// the rupee with its Indian scales.
#[test]
fn english_currency_names() {
    check_all(&[
        ("20 rupees", &[("20 rupees", Money, "20 INR")]),
        ("Rs 500 crore", &[("Rs 500 crore", Money, "5000000000 INR")]),
        ("42 ringgit", &[("42 ringgit", Money, "42 MYR")]),
        ("10 riyals", &[("10 riyals", Money, "10 SAR")]),
        (
            "5 billion yuan",
            &[("5 billion yuan", Money, "5000000000 CNY")],
        ),
        (
            "2 million shekels",
            &[("2 million shekels", Money, "2000000 ILS")],
        ),
        // A currency's name with no amount is not money.
        ("the lira fell", &[]),
    ]);
}

/// Every current currency by its CLDR names in Arabic and English, its
/// symbol or its code (`data/currencies_cldr.tsv`), where the curated list
/// has no form: `دولار كندي` was the US dollar and a demonym, `روبية
/// باكستانية` the Indian rupee. The curated forms keep their currency.
#[test]
fn every_current_currency_by_its_cldr_names() {
    check_all(&[
        ("100 دولار كندي", &[("100 دولار كندي", Money, "100 CAD")]),
        (
            "1000 روبية باكستانية",
            &[("1000 روبية باكستانية", Money, "1000 PKR")],
        ),
        ("50 بيزو مكسيكي", &[("50 بيزو مكسيكي", Money, "50 MXN")]),
        (
            "20 Canadian dollars",
            &[("20 Canadian dollars", Money, "20 CAD")],
        ),
        ("CAD 3.03", &[("CAD 3.03", Money, "3.03 CAD")]),
        ("10MNT", &[("10MNT", Money, "10 MNT")]),
        // A symbol the tokenizer splits before its amount.
        ("HK$20", &[("HK$20", Money, "20 HKD")]),
        ("NT$5 billion", &[("NT$5 billion", Money, "5000000000 TWD")]),
        ("R$ 20", &[("R$ 20", Money, "20 BRL")]),
        // The curated forms: the generic dollar, and the Lebanese pound as
        // the Levant names it (CLDR's Arabic calls it جنيه لبناني).
        ("10 dollars", &[("10 dollars", Money, "10 USD")]),
        (
            "5000 ليرة لبنانية",
            &[("5000 ليرة لبنانية", Money, "5000 LBP")],
        ),
        // A one-word name that is also a demonym is left out (the afghani).
        ("100 أفغاني", &[("100", Number, "100")]),
    ]);
}

/// `o'clock` and a part of the day after an hour (reference: 2024-07-23).
#[test]
fn hours_with_oclock_and_a_part_of_the_day() {
    check_all(&[
        (
            "3 o'clock in the afternoon",
            &[(
                "3 o'clock in the afternoon",
                DateTime,
                "2024-07-23T15:00:00+00:00",
            )],
        ),
        (
            "at 8 in the evening",
            &[("at 8 in the evening", DateTime, "2024-07-23T20:00:00+00:00")],
        ),
        (
            "3:15 in the afternoon",
            &[(
                "3:15 in the afternoon",
                DateTime,
                "2024-07-23T15:15:00+00:00",
            )],
        ),
        (
            "11 at night",
            &[("11 at night", DateTime, "2024-07-23T23:00:00+00:00")],
        ),
        (
            "3 oclock am",
            &[("3 oclock am", DateTime, "2024-07-23T03:00:00+00:00")],
        ),
        // A part of the day with no hour, or after an amount, is no time.
        ("in the morning", &[]),
        ("2 hours in the afternoon", &[("2 hours", Duration, "PT2H")]),
    ]);
}

/// A time of day followed by its day (reference: Tuesday 2024-07-23).
#[test]
fn time_of_day_then_its_day() {
    check_all(&[
        (
            "at 5pm tomorrow",
            &[("at 5pm tomorrow", DateTime, "2024-07-24T17:00:00+00:00")],
        ),
        (
            "at 9am on Saturday",
            &[("at 9am on Saturday", DateTime, "2024-07-27T09:00:00+00:00")],
        ),
        (
            "الساعة الخامسة مساء أمس",
            &[(
                "الساعة الخامسة مساء أمس",
                DateTime,
                "2024-07-22T17:00:00+00:00",
            )],
        ),
        (
            "الساعة 10 صباحا يوم الخميس",
            &[(
                "الساعة 10 صباحا يوم الخميس",
                DateTime,
                "2024-07-25T10:00:00+00:00",
            )],
        ),
        // A month after a time is not its day.
        (
            "at 5pm March",
            &[
                ("at 5pm", DateTime, "2024-07-23T17:00:00+00:00"),
                ("March", DateTime, "2025-03"),
            ],
        ),
    ]);
}

/// A part of the day said before a time sets its half of the clock, with
/// its day or without one (the reference day); a bare number after the part
/// counts, unless a word makes it an hour (reference: Tuesday 2024-07-23).
#[test]
fn part_of_the_day_before_a_time() {
    check_all(&[
        (
            "وصل الوفد مساء أمس الساعة 8",
            &[("مساء أمس الساعة 8", DateTime, "2024-07-22T20:00:00+00:00")],
        ),
        (
            "بدأت الجلسة صباح اليوم، في الساعة العاشرة",
            &[(
                "صباح اليوم، في الساعة العاشرة",
                DateTime,
                "2024-07-23T10:00:00+00:00",
            )],
        ),
        (
            "انطلقت المسيرة بعد الظهر الساعة الرابعة",
            &[(
                "بعد الظهر الساعة الرابعة",
                DateTime,
                "2024-07-23T16:00:00+00:00",
            )],
        ),
        (
            "يفتح المعرض في المساء الساعة 7:30",
            &[(
                "في المساء الساعة 7:30",
                DateTime,
                "2024-07-23T19:30:00+00:00",
            )],
        ),
        (
            "وقع الانفجار ليلا الساعة 11",
            &[("ليلا الساعة 11", DateTime, "2024-07-23T23:00:00+00:00")],
        ),
        (
            "the vote opens in the evening at eight",
            &[(
                "in the evening at eight",
                DateTime,
                "2024-07-23T20:00:00+00:00",
            )],
        ),
        (
            "In the morning at 9 the doors open",
            &[("In the morning at 9", DateTime, "2024-07-23T09:00:00+00:00")],
        ),
        // A period the time says itself wins over the part's.
        (
            "في الصباح عند الساعة 7 مساء",
            &[(
                "في الصباح عند الساعة 7 مساء",
                DateTime,
                "2024-07-23T19:00:00+00:00",
            )],
        ),
        // Bare numbers after a part count people.
        ("قتل في المساء 3 أشخاص", &[("3", Number, "3")]),
        ("in the afternoon, 3 people died", &[("3", Number, "3")]),
    ]);
}

/// A currency code or symbol in capitals glued to its amount is money, with
/// a scale glued after it or written after the token; a `c` glued to the
/// digits after an amount of money is its hundredths.
#[test]
fn a_code_glued_to_its_amount_and_cents_to_theirs() {
    check_all(&[
        ("$20 and 43c", &[("$20 and 43c", Money, "20.43 USD")]),
        ("20 ringgit 43c", &[("20 ringgit 43c", Money, "20.43 MYR")]),
        (
            "$20 and 43cm",
            &[("$20", Money, "20 USD"), ("43cm", Quantity, "0.43 cm")],
        ),
        ("USD3.14", &[("USD3.14", Money, "3.14 USD")]),
        ("a fee of GBP3.01.", &[("GBP3.01", Money, "3.01 GBP")]),
        ("RM1.2bn", &[("RM1.2bn", Money, "1200000000 MYR")]),
        ("RM42 million", &[("RM42 million", Money, "42000000 MYR")]),
        ("over USD5", &[("over USD5", Money, "AtLeast 5 USD")]),
        // Not a code in capitals, or not a currency, or not an amount.
        ("usd3", &[]),
        ("MP3", &[]),
        ("RM42xyz", &[]),
    ]);
}

/// A sign read aloud before a number negates it; before a unit it is left
/// to the quantity (a temperature takes it).
#[test]
fn a_sign_read_aloud_negates_the_number() {
    check_all(&[
        (
            "minus 1,200,000",
            &[("minus 1,200,000", Number, "-1200000")],
        ),
        (
            "negative five hundred and four",
            &[("negative five hundred and four", Number, "-504")],
        ),
        (
            "negative 2 percent",
            &[("negative 2 percent", Percent, "-2")],
        ),
        ("سالب 5", &[("سالب 5", Number, "-5")]),
        ("minus 5 degrees", &[("minus 5 degrees", Quantity, "-5 °")]),
        ("minus -5", &[("-5", Number, "-5")]),
        ("the test was negative", &[]),
    ]);
}

/// `on the` and an ordinal with no word after it is a day of the month, its
/// next occurrence (today included); one unit counted after `last` or
/// `next` is an interval, as two are.
#[test]
fn a_day_of_the_month_alone_and_one_unit_counted() {
    check_all(&[
        ("on the 15th", &[("on the 15th", DateTime, "2024-08-15")]),
        (
            "On the 23rd, they met",
            &[("On the 23rd", DateTime, "2024-07-23")],
        ),
        ("on the 31st.", &[("on the 31st", DateTime, "2024-07-31")]),
        ("on the first", &[("on the first", DateTime, "2024-08-01")]),
        ("on the 15th floor", &[("15th", Ordinal, "15")]),
        ("on the first try", &[("first", Ordinal, "1")]),
        (
            "on the 15th of March",
            &[("the 15th of March", DateTime, "2024-03-15")],
        ),
        (
            "last 1 hour",
            &[(
                "last 1 hour",
                DateTime,
                "2024-07-22T23:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "the next one week",
            &[("the next one week", DateTime, "2024-07-29/2024-08-05")],
        ),
    ]);
}

/// A range of times takes the day written before or after it, as one time
/// does; `between` joins two times or two years with `and`; bare years need
/// `from` or `between` and no noun after them.
#[test]
fn ranges_of_times_on_their_day_and_ranges_of_bare_years() {
    check_all(&[
        (
            "between 9:30 and 11:00 on Thursday",
            &[(
                "between 9:30 and 11:00 on Thursday",
                DateTime,
                "2024-07-25T09:30:00+00:00/2024-07-25T11:01:00+00:00",
            )],
        ),
        (
            "Thursday from 9:30 to 11:00",
            &[(
                "Thursday from 9:30 to 11:00",
                DateTime,
                "2024-07-25T09:30:00+00:00/2024-07-25T11:01:00+00:00",
            )],
        ),
        (
            "1pm-2pm tomorrow",
            &[(
                "1pm-2pm tomorrow",
                DateTime,
                "2024-07-24T13:00:00+00:00/2024-07-24T15:00:00+00:00",
            )],
        ),
        (
            "يوم الخميس من الساعة 3 إلى الساعة 5 مساء",
            &[(
                "يوم الخميس من الساعة 3 إلى الساعة 5 مساء",
                DateTime,
                "2024-07-25T15:00:00+00:00/2024-07-25T18:00:00+00:00",
            )],
        ),
        // The part of the day written only with the first time puts the
        // second first after it.
        (
            "يستقبل الزوار من 3 مساءً حتى السابعة والنصف",
            &[(
                "من 3 مساءً حتى السابعة والنصف",
                DateTime,
                "2024-07-23T15:00:00+00:00/2024-07-23T19:31:00+00:00",
            )],
        ),
        (
            "from 9am to 5:30",
            &[(
                "from 9am to 5:30",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-23T17:31:00+00:00",
            )],
        ),
        (
            "July 13 through 15",
            &[("July 13 through 15", DateTime, "2024-07-13/2024-07-16")],
        ),
        // `and` joins two times only after `between`.
        (
            "at 9:30 and 11:00",
            &[
                ("at 9:30", DateTime, "2024-07-23T09:30:00+00:00"),
                ("11:00", DateTime, "2024-07-23T11:00:00+00:00"),
            ],
        ),
        (
            "from 2011 to 2014",
            &[("from 2011 to 2014", DateTime, "2011/2015")],
        ),
        (
            "between 2011 and 2014, prices rose",
            &[("between 2011 and 2014", DateTime, "2011/2015")],
        ),
        (
            "بين 2011 و2014",
            &[("بين 2011 و2014", DateTime, "2011/2015")],
        ),
        // A word for a period before them: years, whatever follows.
        (
            "خلال الفترة من 2005 الى 2010 شهدت البلاد",
            &[("من 2005 الى 2010", DateTime, "2005/2011")],
        ),
        (
            "في الفترة ما بين 1991 و2003 تضاعف",
            &[("بين 1991 و2003", DateTime, "1991/2004")],
        ),
        // Right after that word, a spaced dash joins them too; falling, or
        // out of the years a bare range may name, they stay numbers.
        (
            "للفترة 2010 – 2015 بلغ النمو",
            &[("2010 – 2015", DateTime, "2010/2016")],
        ),
        (
            "خلال الفترة 1500 - 2000",
            &[("1500", Number, "1500"), ("2000", Number, "2000")],
        ),
        (
            "الفترة 2015 - 2010",
            &[("2015", Number, "2015"), ("2010", Number, "2010")],
        ),
        (
            "ما بين 1500 و2000 شخص",
            &[("بين 1500 و2000", Number, "1500-2000")],
        ),
        // Two years alone between brackets: a lifespan, a war, a career.
        (
            "نجيب محفوظ ( 1911 - 2006 ) في القاهرة",
            &[("1911 - 2006", DateTime, "1911/2007")],
        ),
        (
            "Winston Churchill (1874–1965) was",
            &[("1874–1965", DateTime, "1874/1966")],
        ),
        (
            "عاما (1891 إلى 1972) استغرقتها",
            &[("1891 إلى 1972", DateTime, "1891/1973")],
        ),
        // Counted after the bracket, or more than two centuries apart: amounts.
        (
            "بين (1500 - 2000) دولار",
            &[("1500", Number, "1500"), ("2000", Number, "2000")],
        ),
        (
            "(1200 - 1500) متر",
            &[("1200", Number, "1200"), ("1500", Number, "1500")],
        ),
        (
            "(1200 - 1900)",
            &[("1200", Number, "1200"), ("1900", Number, "1900")],
        ),
        // A noun after them: amounts, not years.
        (
            "from 1990 to 2000 people",
            &[("from 1990 to 2000", Number, "1990-2000")],
        ),
        // Outside the years a bare range may name: numbers; falling: two.
        (
            "between 2000 and 3000",
            &[("between 2000 and 3000", Number, "2000-3000")],
        ),
        (
            "from 2014 to 2011",
            &[("2014", Number, "2014"), ("2011", Number, "2011")],
        ),
        // Without `from` or `between`: numbers.
        (
            "2011 to 2014",
            &[("2011", Number, "2011"), ("2014", Number, "2014")],
        ),
    ]);
}

/// Duckling's English corpus, held out, showed these forms missing; the
/// values are read off a calendar of 2024 (the reference is Tuesday 23
/// July 2024, 00:00 UTC).
#[test]
fn english_counted_days_weekday_dates_and_hours_in_a_part_of_the_day() {
    check_all(&[
        // A counted weekday or day with its month last in the text.
        (
            "the last Monday of March",
            &[("the last Monday of March", DateTime, "2024-03-25")],
        ),
        (
            "first tuesday in october",
            &[("first tuesday in october", DateTime, "2024-10-01")],
        ),
        (
            "third day of october",
            &[("third day of october", DateTime, "2024-10-03")],
        ),
        // Ranges of hours and minutes; a lone `last minute` is an idiom.
        (
            "the next 3 hours",
            &[(
                "the next 3 hours",
                DateTime,
                "2024-07-23T01:00:00+00:00/2024-07-23T04:00:00+00:00",
            )],
        ),
        (
            "the last 2 minutes",
            &[(
                "the last 2 minutes",
                DateTime,
                "2024-07-22T23:58:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        ("at the last minute", &[]),
        (
            "friday after next",
            &[("friday after next", DateTime, "2024-08-02")],
        ),
        // One beyond the last or the next: a weekday or a unit.
        (
            "يوم الجمعة قبل الماضي",
            &[("يوم الجمعة قبل الماضي", DateTime, "2024-07-12")],
        ),
        (
            "الأسبوع قبل الماضي",
            &[("الأسبوع قبل الماضي", DateTime, "2024-07-08")],
        ),
        (
            "العام قبل الماضي",
            &[("العام قبل الماضي", DateTime, "2022")],
        ),
        (
            "الشهر بعد المقبل",
            &[("الشهر بعد المقبل", DateTime, "2024-09")],
        ),
        (
            "the year before last",
            &[("year before last", DateTime, "2022")],
        ),
        (
            "monday before last",
            &[("monday before last", DateTime, "2024-07-15")],
        ),
        // `last` before a unit belongs to it: a week, then before last year.
        (
            "a week before last year",
            &[
                ("a week", Duration, "P1W"),
                ("before last year", DateTime, "2023"),
            ],
        ),
        // An abbreviated weekday after `this`, `next`, `last`, capitalized.
        ("next Fri", &[("next Fri", DateTime, "2024-07-26")]),
        ("last Sat", &[("last Sat", DateTime, "2024-07-20")]),
        ("this sun", &[]),
        // ... or before a time of day.
        (
            "Wed at 5pm",
            &[("Wed at 5pm", DateTime, "2024-07-24T17:00:00+00:00")],
        ),
        (
            "Mon 9am",
            &[("Mon 9am", DateTime, "2024-07-29T09:00:00+00:00")],
        ),
        ("Sat at the park", &[]),
        // ... or after `on`, or alone when it is no word too, not before a
        // capitalized word nor after the date it tells the weekday of.
        ("the vote on Fri.", &[("on Fri", DateTime, "2024-07-26")]),
        ("on Sat", &[("on Sat", DateTime, "2024-07-27")]),
        ("results due Thu", &[("Thu", DateTime, "2024-07-25")]),
        ("the Sun", &[]),
        ("in Mon State", &[]),
        ("Aug 2, Fri", &[("Aug 2", DateTime, "2024-08-02")]),
        // Two-digit years after slashes, month first when the
        // second number cannot be a month.
        ("10/31/74", &[("10/31/74", DateTime, "1974-10-31")]),
        ("3/3/15", &[("3/3/15", DateTime, "2015-03-03")]),
        // Clock times: compact with a period, a glued letter, spelled.
        (
            "330 p.m.",
            &[("330 p.m.", DateTime, "2024-07-23T15:30:00+00:00")],
        ),
        ("3:15p", &[("3:15p", DateTime, "2024-07-23T15:15:00+00:00")]),
        ("9a", &[("9a", DateTime, "2024-07-23T09:00:00+00:00")]),
        (
            "ten thirty am",
            &[("ten thirty am", DateTime, "2024-07-23T10:30:00+00:00")],
        ),
        (
            "at three twenty",
            &[("at three twenty", DateTime, "2024-07-23T03:20:00+00:00")],
        ),
        (
            "three twenty",
            &[("three", Number, "3"), ("twenty", Number, "20")],
        ),
        (
            "It starts at 3 p.m. on Monday.",
            &[("at 3 p.m. on Monday", DateTime, "2024-07-29T15:00:00+00:00")],
        ),
        // An hour with the part of the day it is in, either order.
        (
            "8 tonight",
            &[("8 tonight", DateTime, "2024-07-23T20:00:00+00:00")],
        ),
        (
            "tomorrow afternoon at 5",
            &[(
                "tomorrow afternoon at 5",
                DateTime,
                "2024-07-24T17:00:00+00:00",
            )],
        ),
        (
            "at 5 tomorrow afternoon",
            &[(
                "at 5 tomorrow afternoon",
                DateTime,
                "2024-07-24T17:00:00+00:00",
            )],
        ),
        // An abbreviated weekday before a date; the year in which the date
        // falls on it (18 July 2024 is a Thursday).
        ("Mon, July 29", &[("Mon, July 29", DateTime, "2024-07-29")]),
        ("Fri, Jul 18", &[("Fri, Jul 18", DateTime, "2025-07-18")]),
        // After `on`, the weekday and its date are one date, not `on
        // Friday` and a date after it.
        (
            "markets closed lower on Friday, March 8, 2024",
            &[("on Friday, March 8, 2024", DateTime, "2024-03-08")],
        ),
        (
            "on Tuesday the 30th",
            &[("on Tuesday the 30th", DateTime, "2024-07-30")],
        ),
        // A weekday and a day of no month: the next month where they meet.
        (
            "Tuesday the 30th",
            &[("Tuesday the 30th", DateTime, "2024-07-30")],
        ),
        ("Thu 15th", &[("Thu 15th", DateTime, "2024-08-15")]),
        // Abbreviations alone are words; an English unit alone is a noun.
        ("He sat 23 days in jail", &[("23 days", Duration, "P23D")]),
        ("independence day", &[]),
        ("the second", &[("second", Ordinal, "2")]),
        // An amount of time from now.
        (
            "2 minutes from now",
            &[("2 minutes from now", DateTime, "2024-07-23T00:02:00+00:00")],
        ),
        (
            "3 years from today",
            &[("3 years from today", DateTime, "2027-07-23")],
        ),
        ("7 days hence", &[("7 days hence", DateTime, "2024-07-30")]),
        // A time, then its written date (23 August 2024 is a Friday).
        (
            "at 7:30 PM on Fri, Aug 23",
            &[(
                "at 7:30 PM on Fri, Aug 23",
                DateTime,
                "2024-08-23T19:30:00+00:00",
            )],
        ),
        (
            "at about 3pm",
            &[("at about 3pm", DateTime, "2024-07-23T15:00:00+00:00")],
        ),
        // `@` as `at`; an address is no time.
        (
            "see you @ 3pm",
            &[("@ 3pm", DateTime, "2024-07-23T15:00:00+00:00")],
        ),
        ("email me @ home", &[]),
        ("next yr", &[("next yr", DateTime, "2025")]),
        (
            "sunday from last week",
            &[("sunday from last week", DateTime, "2024-07-21")],
        ),
    ]);
    // The instant `in 2 hours` keeps the reference's minutes: its grain is
    // the minute, one finer than the unit.
    check_grains(&[
        ("in 2 hours", "in 2 hours", Grain::Minute),
        ("in 15 minutes", "in 15 minutes", Grain::Second),
        ("in half an hour", "in half an hour", Grain::Second),
        ("in 3 days", "in 3 days", Grain::Day),
    ]);
}

/// Spans of times and their bounds.
type Bounds<'a> = Vec<(&'a str, Option<TimeBound>)>;

/// The bound a word before a time puts on it, with the time's span.
fn time_bounds(text: &str) -> Bounds<'_> {
    let options = ExtractOptions {
        kinds: vec![EntityKind::DateTime],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    extract(text, &options)
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            Value::DateTime(t) => Some((e.span.slice(text), t.bound)),
            _ => None,
        })
        .collect()
}

/// A bound word with `و` or `ف` glued before it bounds the time after it,
/// the letter outside the span; `وحتى` still ends an interval.
#[test]
fn bound_words_after_a_conjunction_bound_the_time() {
    assert_eq!(
        time_bounds("ومنذ عام 2011 تشهد البلاد أزمة"),
        [("منذ عام 2011", Some(TimeBound::After))]
    );
    assert_eq!(
        time_bounds("وبحلول عام 2030 سيتضاعف العدد"),
        [("بحلول عام 2030", Some(TimeBound::Before))]
    );
    assert_eq!(
        time_bounds("فقبل عام 2011 كان الوضع مختلفا"),
        [("قبل عام 2011", Some(TimeBound::Before))]
    );
    assert_eq!(
        time_bounds("منذ عام 2011 وحتى عام 2020"),
        [("منذ عام 2011 وحتى عام 2020", None)]
    );
    // `منذ` then `إلى` is from one to the other, as `from` then `to`.
    assert_eq!(
        time_bounds("ومنذ عام 2000 إلى عام 2008 تضاعف الإنتاج"),
        [("منذ عام 2000 إلى عام 2008", None)]
    );
    // With `ف` glued as with `و` (were two entities, bounded each).
    assert_eq!(
        time_bounds("فمنذ عام 2000 إلى عام 2008 تضاعف الإنتاج"),
        [("منذ عام 2000 إلى عام 2008", None)]
    );
    assert_eq!(
        time_bounds("منذ عام 2011 فحتى عام 2020"),
        [("منذ عام 2011 فحتى عام 2020", None)]
    );
}

/// `عطلة نهاية الأسبوع` (the weekend), and `نهاية الأسبوع` alone, is the
/// whole days of the weekend of the country of the document's zone (CLDR):
/// Friday and Saturday in Riyadh, Saturday and Sunday in Casablanca, Sunday
/// alone in Kolkata; not read in UTC, where the country is not known
/// (reference: Tuesday 2024-07-23).
#[test]
fn the_arabic_weekend_is_the_weekend_of_the_zones_country() {
    let cases: &[(&str, Case)] = &[
        (
            "Asia/Riyadh",
            (
                "سيمضي الوفد عطلة نهاية الأسبوع في جدة",
                &[("عطلة نهاية الأسبوع", DateTime, "2024-07-26/2024-07-28")],
            ),
        ),
        (
            "Asia/Riyadh",
            (
                "زار الوفد جدة في عطلة نهاية الأسبوع",
                &[("عطلة نهاية الأسبوع", DateTime, "2024-07-19/2024-07-21")],
            ),
        ),
        (
            "Africa/Casablanca",
            (
                "عطلة نهاية الأسبوع الماضي",
                &[(
                    "عطلة نهاية الأسبوع الماضي",
                    DateTime,
                    "2024-07-20/2024-07-22",
                )],
            ),
        ),
        (
            "Africa/Casablanca",
            (
                "خلال عطلة نهاية الأسبوع المقبل",
                &[(
                    "عطلة نهاية الأسبوع المقبل",
                    DateTime,
                    "2024-07-27/2024-07-29",
                )],
            ),
        ),
        // `نهاية الأسبوع` alone is the weekend too; with a direction or a
        // word that describes the week, the end of that week.
        (
            "Asia/Riyadh",
            (
                "يلتقي الوزيران في نهاية الأسبوع",
                &[("نهاية الأسبوع", DateTime, "2024-07-26/2024-07-28")],
            ),
        ),
        (
            "Asia/Riyadh",
            (
                "بحلول نهاية الأسبوع",
                &[("بحلول نهاية الأسبوع", DateTime, "2024-07-26/2024-07-28")],
            ),
        ),
        (
            "Asia/Riyadh",
            (
                "نهاية الأسبوع الماضي",
                &[("نهاية الأسبوع الماضي", DateTime, "2024-07-19/2024-07-22")],
            ),
        ),
        ("Asia/Riyadh", ("نهاية الأسبوع الدراسي", &[])),
        (
            "Asia/Kolkata",
            (
                "عطلة نهاية الأسبوع الحالية",
                &[(
                    "عطلة نهاية الأسبوع الحالية",
                    DateTime,
                    "2024-07-28/2024-07-29",
                )],
            ),
        ),
    ];
    for (zone, (text, expected)) in cases {
        check_in_zone(zone, text, expected);
    }
    check(
        "عطلة نهاية الأسبوع الماضي",
        &[("الأسبوع الماضي", DateTime, "2024-07-15")],
    );
    check("يلتقي الوزيران في نهاية الأسبوع", &[]);
}

/// A day in digits alone after `يوم` is that day of the month: the next
/// one, or the last when the clause tells of the past; not a day of
/// something else (`يوم 27 من الإضراب`) nor a count (reference: Tuesday
/// 2024-07-23).
#[test]
fn arabic_day_of_the_month_alone_after_yawm() {
    check_all(&[
        (
            "تعقد الجلسة يوم 27 في القاهرة",
            &[("يوم 27", DateTime, "2024-07-27")],
        ),
        ("عقدت الجلسة يوم 3", &[("يوم 3", DateTime, "2024-07-03")]),
        ("عقدت الجلسة يوم 30", &[("يوم 30", DateTime, "2024-06-30")]),
        ("تعقد الجلسة يوم 5.", &[("يوم 5", DateTime, "2024-08-05")]),
        ("يوم 27 من الإضراب", &[("27", Number, "27")]),
        ("بعد يوم 45", &[("45", Number, "45")]),
    ]);
}

/// A day in digits before a month named by a direction without `من` (`في
/// 22 الشهر الجاري`), as Arabic news writes it, after a word that makes it
/// a day; a count before the month stays a number (reference: Tuesday
/// 2024-07-23).
#[test]
fn arabic_days_before_a_relative_month_without_min() {
    check_all(&[
        (
            "وقع الحادث في 22 الشهر الجاري",
            &[("22 الشهر الجاري", DateTime, "2024-07-22")],
        ),
        (
            "وصل الوفد يوم 15 الشهر الماضي",
            &[("يوم 15 الشهر الماضي", DateTime, "2024-06-15")],
        ),
        (
            "تبدأ المحادثات الأحد 4 الشهر المقبل",
            &[("الأحد 4 الشهر المقبل", DateTime, "2024-08-04")],
        ),
        (
            "يسري القرار اعتبارا من 1 الشهر المقبل",
            &[("اعتبارا من 1 الشهر المقبل", DateTime, "2024-08-01")],
        ),
        (
            "ارتفع عدد المصابين إلى 15 الشهر الماضي",
            &[("15", Number, "15"), ("الشهر الماضي", DateTime, "2024-06")],
        ),
    ]);
}

/// The current month left out after a day (`يوم 15 الجاري`), and a time
/// of day in a part of a day with its day (`الساعة العاشرة من صباح
/// اليوم`), as Arabic news dates events (reference: Tuesday 2024-07-23).
#[test]
fn arabic_days_of_the_current_month_and_hours_of_a_part_of_a_day() {
    check_all(&[
        (
            "يوم 15 الجاري",
            &[("يوم 15 الجاري", DateTime, "2024-07-15")],
        ),
        (
            "الأحد 28 الحالي",
            &[("الأحد 28 الحالي", DateTime, "2024-07-28")],
        ),
        (
            "في الخامس من الجاري",
            &[("الخامس من الجاري", DateTime, "2024-07-05")],
        ),
        (
            "الجمعة 2 من الشهر المقبل",
            &[("الجمعة 2 من الشهر المقبل", DateTime, "2024-08-02")],
        ),
        // `الجاري` after a noun is no month.
        (
            "الأسبوع الجاري",
            &[("الأسبوع الجاري", DateTime, "2024-07-22")],
        ),
        (
            "الساعة العاشرة من صباح اليوم",
            &[(
                "الساعة العاشرة من صباح اليوم",
                DateTime,
                "2024-07-23T10:00:00+00:00",
            )],
        ),
        (
            "في الساعة 8 من مساء الخميس",
            &[(
                "الساعة 8 من مساء الخميس",
                DateTime,
                "2024-07-25T20:00:00+00:00",
            )],
        ),
        // `مساء` names the hours after noon before CLDR's evening (18:00).
        (
            "حتى الساعة الخامسة من مساء الخميس",
            &[(
                "حتى الساعة الخامسة من مساء الخميس",
                DateTime,
                "2024-07-25T17:00:00+00:00",
            )],
        ),
        (
            "في الرابعة من مساء اليوم",
            &[(
                "الرابعة من مساء اليوم",
                DateTime,
                "2024-07-23T16:00:00+00:00",
            )],
        ),
        (
            "الساعة الثالثة من فجر أمس",
            &[(
                "الساعة الثالثة من فجر أمس",
                DateTime,
                "2024-07-22T03:00:00+00:00",
            )],
        ),
    ]);
}

/// An amount of time too large for the calendar, before or after the
/// reference, is a duration and no date: never a panic (it was one, and
/// the request failed as INTERNAL).
#[test]
fn amounts_of_time_beyond_the_calendar_are_no_date() {
    for text in [
        "in 3000000000000 hours",
        "two trillion hours ago",
        "قبل 3000000000000 ساعة",
        "بعد تريليوني دقيقة",
        "خلال 99999999999999 ساعة الماضية",
        "in two trillion minutes",
    ] {
        assert!(time_bounds(text).is_empty(), "{text}");
    }
}

/// Days of a month with a direction after the month and no year: the
/// year the direction gives the first day, as for one day (reference:
/// Tuesday 2024-07-23).
#[test]
fn days_of_a_month_with_a_direction_after_it() {
    check_all(&[
        (
            "بين 5 و7 مارس الماضي",
            &[("بين 5 و7 مارس الماضي", DateTime, "2024-03-05/2024-03-08")],
        ),
        (
            "من 10 إلى 15 يوليو الجاري",
            &[(
                "من 10 إلى 15 يوليو الجاري",
                DateTime,
                "2024-07-10/2024-07-16",
            )],
        ),
        (
            "من 5 إلى 7 مارس المقبل",
            &[("من 5 إلى 7 مارس المقبل", DateTime, "2025-03-05/2025-03-08")],
        ),
        (
            "بين 5 و7 سبتمبر الماضي",
            &[("بين 5 و7 سبتمبر الماضي", DateTime, "2023-09-05/2023-09-08")],
        ),
    ]);
}

/// One o'clock, a cardinal among ordinals (`الساعة الواحدة`), the small
/// hours after midnight (`الثانية بعد منتصف الليل`), and `هذا المساء`
/// (reference: Tuesday 2024-07-23, 00:00).
#[test]
fn one_oclock_the_hours_after_midnight_and_this_evening() {
    check_all(&[
        (
            "الساعة الواحدة ظهرا",
            &[("الساعة الواحدة ظهرا", DateTime, "2024-07-23T13:00:00+00:00")],
        ),
        (
            "وقع الانفجار في الثانية بعد منتصف الليل",
            &[(
                "الثانية بعد منتصف الليل",
                DateTime,
                "2024-07-23T02:00:00+00:00",
            )],
        ),
        (
            "الساعة الواحدة بعد منتصف الليل",
            &[(
                "الساعة الواحدة بعد منتصف الليل",
                DateTime,
                "2024-07-23T01:00:00+00:00",
            )],
        ),
        (
            "يعقد الاجتماع هذا المساء",
            &[(
                "هذا المساء",
                DateTime,
                "2024-07-23T18:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        // The hour before one is twelve.
        (
            "الساعة الواحدة إلا ربعا",
            &[(
                "الساعة الواحدة إلا ربعا",
                DateTime,
                "2024-07-23T12:45:00+00:00",
            )],
        ),
        (
            "الساعة 1 إلا ربعا بعد منتصف الليل",
            &[(
                "الساعة 1 إلا ربعا بعد منتصف الليل",
                DateTime,
                "2024-07-23T00:45:00+00:00",
            )],
        ),
        // The cardinal alone is no hour.
        ("الدولة الواحدة", &[]),
    ]);
}

/// An hour counted in the feminine is a time with a part of the hour after
/// it (`في الثامنة والنصف`), with no `الساعة` or part of the day, or
/// before `من` and a part of a day with its day; two such hours after
/// `بين`, the second with `و` glued and its part of the day, are a range;
/// `في المساء` after a time is its part of the day (reference:
/// 2024-07-23).
#[test]
fn ordinal_hours_with_a_part_or_between() {
    check_all(&[
        (
            "يبدأ العرض في الثامنة والنصف",
            &[("الثامنة والنصف", DateTime, "2024-07-23T08:30:00+00:00")],
        ),
        (
            "وصلوا في الحادية عشرة إلا ربعا",
            &[(
                "الحادية عشرة إلا ربعا",
                DateTime,
                "2024-07-23T10:45:00+00:00",
            )],
        ),
        (
            "بين الخامسة والسادسة مساء",
            &[(
                "بين الخامسة والسادسة مساء",
                DateTime,
                "2024-07-23T17:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "بين الساعة الثامنة والنصف والتاسعة صباحا",
            &[(
                "بين الساعة الثامنة والنصف والتاسعة صباحا",
                DateTime,
                "2024-07-23T08:30:00+00:00/2024-07-23T09:01:00+00:00",
            )],
        ),
        // `في` and a part of the day with the article after a time; before
        // `من` and a part of a day with its day, the hour is that part's.
        (
            "الساعة 8 في المساء",
            &[("الساعة 8 في المساء", DateTime, "2024-07-23T20:00:00+00:00")],
        ),
        (
            "وقع الانفجار في السابعة من صباح اليوم",
            &[(
                "السابعة من صباح اليوم",
                DateTime,
                "2024-07-23T07:00:00+00:00",
            )],
        ),
        ("أصيب 3 في الصباح", &[("3", Number, "3")]),
        ("الدقيقة الثالثة من صباح", &[("الثالثة", Ordinal, "3")]),
        // Ranks: no part of an hour, no part of the day.
        (
            "حلت في المرتبتين الخامسة والسادسة",
            &[("الخامسة", Ordinal, "5"), ("السادسة", Ordinal, "6")],
        ),
        (
            "الطبعة الثالثة ونصف الكمية",
            &[("الثالثة", Ordinal, "3"), ("نصف", Number, "0.5")],
        ),
        // Minutes by their word after an ordinal hour, when a word that
        // leads a time comes before it; else an ordinal and an amount.
        (
            "تبدأ الجلسة في الثامنة وعشرين دقيقة",
            &[(
                "الثامنة وعشرين دقيقة",
                DateTime,
                "2024-07-23T08:20:00+00:00",
            )],
        ),
        (
            "الحلقة الثالثة و10 دقائق",
            &[("الثالثة", Ordinal, "3"), ("10 دقائق", Duration, "PT10M")],
        ),
    ]);
}

/// `before`, `until`, `since`, `قبل`, `منذ`... before a time make it one
/// end of an open interval; before an amount of time they do not.
#[test]
fn words_before_a_time_bound_it() {
    use TimeBound::{After, Before};
    let cases: &[(&str, Bounds)] = &[
        ("before 11 am", vec![("before 11 am", Some(Before))]),
        ("until 2:00pm", vec![("until 2:00pm", Some(Before))]),
        ("since 2pm", vec![("since 2pm", Some(After))]),
        ("from 2 pm", vec![("from 2 pm", Some(After))]),
        ("through 2:00pm", vec![("through 2:00pm", Some(Before))]),
        (
            "runs through Friday",
            vec![("through Friday", Some(Before))],
        ),
        ("from 9 to 11 am", vec![("from 9 to 11 am", None)]),
        (
            "from Monday to Friday",
            vec![("from Monday to Friday", None)],
        ),
        ("through 3 stages", vec![]),
        ("من الساعة 2", vec![("الساعة 2", None)]),
        ("after March 2025", vec![("after March 2025", Some(After))]),
        ("قبل عام 2011", vec![("قبل عام 2011", Some(Before))]),
        ("منذ عام 2011", vec![("منذ عام 2011", Some(After))]),
        ("حتى يوم الخميس", vec![("حتى يوم الخميس", Some(Before))]),
        // A part of a unit, with its end, is one time all the same.
        ("حتى نهاية الشهر", vec![("حتى نهاية الشهر", Some(Before))]),
        ("منذ مطلع العام", vec![("منذ مطلع العام", Some(After))]),
        ("منذ مطلع الأسبوع", vec![("منذ مطلع الأسبوع", Some(After))]),
        (
            "by the end of next month",
            vec![("by the end of next month", Some(Before))],
        ),
        // `بحلول` is "by".
        ("بحلول عام 2030", vec![("بحلول عام 2030", Some(Before))]),
        // An Arabic month alone after `حتى`, `قبل`, `بعد` as after `منذ`.
        ("حتى مارس", vec![("حتى مارس", Some(Before))]),
        ("بعد شهر مايو", vec![("بعد شهر مايو", Some(After))]),
        // An amount of time, an interval, a day word: no bound.
        ("منذ ثلاثة أيام", vec![("منذ ثلاثة أيام", None)]),
        ("قبل نحو أسبوع", vec![("قبل نحو أسبوع", None)]),
        // More or less than an amount before or after the reference: the
        // time that amount away, one end of an open interval.
        (
            "منذ أكثر من عامين",
            vec![("منذ أكثر من عامين", Some(Before))],
        ),
        ("قبل أقل من عامين", vec![("قبل أقل من عامين", Some(After))]),
        (
            "more than two years ago",
            vec![("more than two years ago", Some(Before))],
        ),
        (
            "in less than an hour",
            vec![("in less than an hour", Some(Before))],
        ),
        (
            "بعد أكثر من أسبوع",
            vec![("بعد أكثر من أسبوع", Some(After))],
        ),
        // Units counted from the reference without a count: the coming
        // ones start after it, the past ones end before the current one.
        ("خلال الأيام المقبلة", vec![("الأيام المقبلة", Some(After))]),
        ("في السنوات الأخيرة", vec![("السنوات الأخيرة", Some(Before))]),
        ("in recent years", vec![("recent years", Some(Before))]),
        ("the weeks ahead", vec![("the weeks ahead", Some(After))]),
        // A plural unit alone: more than two (Arabic) or one (English).
        ("قبل أيام", vec![("قبل أيام", Some(Before))]),
        ("بعد أسابيع", vec![("بعد أسابيع", Some(After))]),
        ("years ago", vec![("years ago", Some(Before))]),
        ("بعد غد", vec![("بعد غد", None)]),
        ("from 3 to 5 pm", vec![("from 3 to 5 pm", None)]),
        ("by the river", vec![]),
        // The start of a period said in two words, or with a participle.
        (
            "اعتبارا من الأول من يناير المقبل",
            vec![("اعتبارا من الأول من يناير المقبل", Some(After))],
        ),
        (
            "ابتداءً من الأسبوع المقبل",
            vec![("ابتداءً من الأسبوع المقبل", Some(After))],
        ),
        ("بدءا من اليوم", vec![("بدءا من اليوم", Some(After))]),
        (
            "starting next week",
            vec![("starting next week", Some(After))],
        ),
        (
            "effective March 1",
            vec![("effective March 1", Some(After))],
        ),
        // `as of` is as often "at" that time.
        ("as of January 1", vec![("January 1", None)]),
        ("starting 5 players", vec![]),
    ];
    for (text, want) in cases {
        assert_eq!(&time_bounds(text), want, "bounds in {text:?}");
    }
    check_all(&[
        ("قبل عام 2011", &[("قبل عام 2011", DateTime, "2011")]),
        // The month the clause's tense says (reference: July 2024).
        (
            "سيستمر العمل حتى مارس",
            &[("حتى مارس", DateTime, "2025-03")],
        ),
        ("وقال الوزير حتى مارس", &[("حتى مارس", DateTime, "2024-03")]),
        (
            "before 11 am",
            &[("before 11 am", DateTime, "2024-07-23T11:00:00+00:00")],
        ),
    ]);
}

/// English whole numbers with `and a half`, weights in pounds of a
/// product, fractions of quarters, and minutes from noon and midnight
/// (reference: Tuesday 2024-07-23, 00:00 UTC).
#[test]
fn english_halves_pounds_quarters_and_named_hours() {
    check_all(&[
        // The half belongs to the number, not to the unit after it.
        (
            "two and a half years",
            &[("two and a half years", Duration, "P2Y6M")],
        ),
        (
            "2 and a half hours",
            &[("2 and a half hours", Duration, "PT2H30M")],
        ),
        (
            "two and a half million dollars",
            &[("two and a half million dollars", Money, "2500000 USD")],
        ),
        ("5 and a half", &[("5 and a half", Number, "5.5")]),
        // `and half` before a word is half of that word.
        (
            "5 hours and half the staff",
            &[("5 hours", Duration, "PT5H"), ("half", Number, "0.5")],
        ),
        // Pounds of a product weigh; pounds alone and millions of them are money.
        (
            "two pounds of meat",
            &[("two pounds of meat", Quantity, "907.18474 lb")],
        ),
        ("5 pounds", &[("5 pounds", Money, "5 GBP")]),
        (
            "2 million pounds of funding",
            &[("2 million pounds", Money, "2000000 GBP")],
        ),
        (
            "three quarters of a mile",
            &[("three quarters of a mile", Quantity, "1207.008 mi")],
        ),
        (
            "three-quarters of an hour",
            &[("three-quarters of an hour", Duration, "PT45M")],
        ),
        (
            "a quarter to noon",
            &[("a quarter to noon", DateTime, "2024-07-23T11:45:00+00:00")],
        ),
        (
            "ten minutes to midnight",
            &[(
                "ten minutes to midnight",
                DateTime,
                "2024-07-23T23:50:00+00:00",
            )],
        ),
    ]);
}

/// A date with a direction after its month, and a day of a month named by
/// a direction (reference: Tuesday 2024-07-23).
#[test]
fn days_of_a_month_named_with_a_direction() {
    check_all(&[
        // `يناير المقبل` is next year's January, and so is its first day.
        (
            "الأول من يناير المقبل",
            &[("الأول من يناير المقبل", DateTime, "2025-01-01")],
        ),
        // A day's last occurrence before the reference, or its next after.
        (
            "18 يوليو الماضي",
            &[("18 يوليو الماضي", DateTime, "2024-07-18")],
        ),
        (
            "25 يوليو الماضي",
            &[("25 يوليو الماضي", DateTime, "2023-07-25")],
        ),
        (
            "10 يوليو المقبل",
            &[("10 يوليو المقبل", DateTime, "2025-07-10")],
        ),
        (
            "25 تموز القادم",
            &[("25 تموز القادم", DateTime, "2024-07-25")],
        ),
        (
            "العاشر من الشهر الجاري",
            &[("العاشر من الشهر الجاري", DateTime, "2024-07-10")],
        ),
        (
            "الخامس من الشهر المقبل",
            &[("الخامس من الشهر المقبل", DateTime, "2024-08-05")],
        ),
        // After another day, `و` glued: the letter outside the span (was
        // an ordinal and the month).
        (
            "بين الثلاثين من يونيو والثالث من الشهر الجاري",
            &[
                ("الثلاثين من يونيو", DateTime, "2024-06-30"),
                ("الثالث من الشهر الجاري", DateTime, "2024-07-03"),
            ],
        ),
        (
            "3 من الشهر الماضي",
            &[("3 من الشهر الماضي", DateTime, "2024-06-03")],
        ),
        (
            "on the 5th of next month",
            &[("the 5th of next month", DateTime, "2024-08-05")],
        ),
        // A month with no direction is no date.
        ("العاشر من الشهر", &[("العاشر", Ordinal, "10")]),
    ]);
}

/// A third of a week, a month, a year, a decade or a century named by a
/// direction, of a month or a year as the current one or by its number
/// (reference: Tuesday 2024-07-23).
#[test]
fn thirds_of_months_and_years() {
    check_all(&[
        (
            "نهاية الشهر الجاري",
            &[("نهاية الشهر الجاري", DateTime, "2024-07-21/2024-08-01")],
        ),
        (
            "early next month",
            &[("early next month", DateTime, "2024-08-01/2024-08-11")],
        ),
        (
            "by the end of the year",
            &[("by the end of the year", DateTime, "2024-09-01/2025-01-01")],
        ),
        // The same said as one compound.
        (
            "by year-end",
            &[("by year-end", DateTime, "2024-09-01/2025-01-01")],
        ),
        (
            "year-end results",
            &[("year-end", DateTime, "2024-09-01/2025-01-01")],
        ),
        (
            "at the month end",
            &[("the month end", DateTime, "2024-07-21/2024-08-01")],
        ),
        ("the year ended", &[]),
        // The current week alone too (Monday to Sunday), but for its end in
        // Arabic: `نهاية الأسبوع` alone is as often the weekend.
        (
            "by the end of the week",
            &[("by the end of the week", DateTime, "2024-07-26/2024-07-29")],
        ),
        ("نهاية الأسبوع", &[]),
        ("أواخر الأسبوع", &[]),
        (
            "ارتفعت الأسعار في مطلع الأسبوع",
            &[("في مطلع الأسبوع", DateTime, "2024-07-22/2024-07-24")],
        ),
        (
            "منتصف الأسبوع",
            &[("منتصف الأسبوع", DateTime, "2024-07-24/2024-07-26")],
        ),
        (
            "مطلع العام المقبل",
            &[("مطلع العام المقبل", DateTime, "2025-01-01/2025-05-01")],
        ),
        // The third named by its ordinal; of no month or year, nothing.
        (
            "في الثلث الأخير من الشهر",
            &[("في الثلث الأخير من الشهر", DateTime, "2024-07-21/2024-08-01")],
        ),
        (
            "الثلث الأول من العام المقبل",
            &[(
                "الثلث الأول من العام المقبل",
                DateTime,
                "2025-01-01/2025-05-01",
            )],
        ),
        ("الثلث الأخير من الليل", &[]),
        (
            "mid-2023",
            &[("mid-2023", DateTime, "2023-05-01/2023-09-01")],
        ),
        (
            "أواخر عام 2023",
            &[("أواخر عام 2023", DateTime, "2023-09-01/2024-01-01")],
        ),
        (
            "the end of July",
            &[("the end of July", DateTime, "2024-07-21/2024-08-01")],
        ),
        // A noun part needs `of`; a year described by an adjective
        // (the academic year) is not the calendar's.
        ("end July", &[("July", DateTime, "2024-07")]),
        ("بداية العام الدراسي", &[]),
        ("the end of the war", &[]),
        // A week named by a direction: Monday-Tuesday, Wednesday-Thursday,
        // Friday to Sunday; `عطلة نهاية الأسبوع` is the weekend, whose days
        // depend on the country, and is not read as the week's end.
        (
            "مطلع الأسبوع المقبل",
            &[("مطلع الأسبوع المقبل", DateTime, "2024-07-29/2024-07-31")],
        ),
        (
            "early next week",
            &[("early next week", DateTime, "2024-07-29/2024-07-31")],
        ),
        (
            "نهاية الأسبوع الجاري",
            &[("نهاية الأسبوع الجاري", DateTime, "2024-07-26/2024-07-29")],
        ),
        (
            "عطلة نهاية الأسبوع الماضي",
            &[("الأسبوع الماضي", DateTime, "2024-07-15")],
        ),
        // A decade or a century named by a direction, in the proportions
        // of a decade's years; alone, a century is no date.
        (
            "أواخر القرن الماضي",
            &[("أواخر القرن الماضي", DateTime, "1970-01-01/2000-01-01")],
        ),
        (
            "أواخر العقد الماضي",
            &[("أواخر العقد الماضي", DateTime, "2017-01-01/2020-01-01")],
        ),
        ("by mid-century", &[]),
        ("in the 1990s", &[("the 1990s", DateTime, "1990/2000")]),
        // English decades by their tens: a word after `the`, digits with
        // an apostrophe (were nothing, or the number 70); not an age, nor
        // bare tens (temperatures).
        (
            "in the seventies",
            &[("the seventies", DateTime, "1970/1980")],
        ),
        ("in his seventies", &[]),
        ("since the '80s", &[("80s", DateTime, "1980/1990")]),
        ("the 70's", &[("the 70's", DateTime, "1970/1980")]),
        ("highs in the 70s", &[("70", Number, "70")]),
        (
            "the late 1980s",
            &[("the late 1980s", DateTime, "1987-01-01/1990-01-01")],
        ),
        (
            "mid-1990s",
            &[("mid-1990s", DateTime, "1994-01-01/1997-01-01")],
        ),
        // Arabic decades: of the century named, else the latest begun (in
        // 2024, the twenties are this century's).
        ("في التسعينيات", &[("التسعينيات", DateTime, "1990/2000")]),
        ("العشرينيات", &[("العشرينيات", DateTime, "2020/2030")]),
        (
            "عشرينيات القرن الماضي",
            &[("عشرينيات القرن الماضي", DateTime, "1920/1930")],
        ),
        (
            "أواخر الثمانينات",
            &[("أواخر الثمانينات", DateTime, "1987-01-01/1990-01-01")],
        ),
        // A decade of a century named by its number is of that century,
        // not of the latest: one date, not a decade and a century apart.
        (
            "في تسعينيات القرن التاسع عشر",
            &[("تسعينيات القرن التاسع عشر", DateTime, "1890/1900")],
        ),
        (
            "الستينيات من القرن العشرين",
            &[("الستينيات من القرن العشرين", DateTime, "1960/1970")],
        ),
        (
            "عشرينيات القرن الحادي والعشرين",
            &[("عشرينيات القرن الحادي والعشرين", DateTime, "2020/2030")],
        ),
        // Thirds of a numbered century, as of the last century.
        (
            "في أواخر القرن التاسع عشر",
            &[(
                "في أواخر القرن التاسع عشر",
                DateTime,
                "1870-01-01/1900-01-01",
            )],
        ),
        (
            "منتصف القرن 20م",
            &[("منتصف القرن 20م", DateTime, "1940-01-01/1970-01-01")],
        ),
        (
            "in the late 19th century",
            &[("the late 19th century", DateTime, "1870-01-01/1900-01-01")],
        ),
        // Not of the Hijri era.
        ("أوائل القرن الرابع الهجري", &[("الرابع", Ordinal, "4")]),
    ]);
}

/// The rupee symbol as South Asian papers write it: abbreviated with a
/// period, or glued to its digits.
#[test]
fn rupees_abbreviated_or_glued() {
    check_all(&[
        ("He paid Rs. 20 for it.", &[("Rs. 20", Money, "20 INR")]),
        ("Rs20bn", &[("Rs20bn", Money, "20000000000 INR")]),
        (
            "Rs. 500 crore",
            &[("Rs. 500 crore", Money, "5000000000 INR")],
        ),
    ]);
}

/// The week that holds a day written, and a day and month of digits
/// after `on` (reference: Tuesday 2024-07-23).
#[test]
fn the_week_of_a_day_and_a_day_after_on() {
    check_all(&[
        ("on 15/8", &[("on 15/8", DateTime, "2024-08-15")]),
        ("on 8/15", &[("on 8/15", DateTime, "2024-08-15")]),
        // Alone, a fraction or a score; a day that does not exist is none.
        ("2/15", &[]),
        ("on 31/2", &[]),
        (
            "the week of October 9",
            &[("the week of October 9", DateTime, "2024-10-07")],
        ),
        (
            "week of 7 Oct 2025",
            &[("week of 7 Oct 2025", DateTime, "2025-10-06")],
        ),
    ]);
}

/// Fractions named by an English ordinal, a thousand of a larger scale,
/// zero as nought, dates after `around`, and a bare hour after `at` with
/// its zone (reference: Tuesday 2024-07-23).
#[test]
fn ordinal_fractions_thousand_millions_and_approximate_dates() {
    check_all(&[
        (
            "a tenth of a gallon",
            &[("a tenth of a gallon", Quantity, "0.3785411784 gal")],
        ),
        (
            "three-fifths of a mile",
            &[("three-fifths of a mile", Quantity, "965.6064 mi")],
        ),
        (
            "fourth of liter",
            &[("fourth of liter", Quantity, "0.25 l")],
        ),
        (
            "one tenth of a second",
            &[("one tenth of a second", Duration, "PT0.1S")],
        ),
        // A third has no exact decimal, and is no rank either (a number of
        // its own, the mile another); a fifth of a counted thing is its
        // fraction; the ordinal of a date stays one.
        (
            "a third of a mile",
            &[
                ("third", Number, "1/3"),
                ("a mile", Quantity, "1609.344 mi"),
            ],
        ),
        (
            "the fourth of July",
            &[("the fourth of July", DateTime, "2024-07-04")],
        ),
        ("a fifth of the votes", &[("fifth", Number, "0.2")]),
        // Two fifths, not two and a fifth.
        (
            "two fifth of a mile",
            &[
                ("two", Number, "2"),
                ("fifth", Ordinal, "5"),
                ("a mile", Quantity, "1609.344 mi"),
            ],
        ),
        (
            "three thousand million dollars",
            &[("three thousand million dollars", Money, "3000000000 USD")],
        ),
        (
            "three thousand millions",
            &[("three thousand millions", Number, "3000000000")],
        ),
        (
            "3 thousand millions",
            &[("3 thousand millions", Number, "3000000000")],
        ),
        ("ألف مليون", &[("ألف مليون", Number, "1000000000")]),
        // A scale of a million or more before: two numbers.
        (
            "two million three thousand million",
            &[
                ("two million three thousand", Number, "2003000"),
                ("million", Number, "1000000"),
            ],
        ),
        ("nought", &[("nought", Number, "0")]),
        ("5 lac", &[("5 lac", Number, "500000")]),
        (
            "around next week",
            &[("around next week", DateTime, "2024-07-29")],
        ),
        (
            "around Christmas",
            &[("around Christmas", DateTime, "2024-12-25")],
        ),
        // `about` a day is as often "concerning" it.
        ("about Monday", &[("Monday", DateTime, "2024-07-29")]),
        (
            "at 8 GMT",
            &[("at 8 GMT", DateTime, "2024-07-23T08:00:00+00:00")],
        ),
        (
            "Thursday at 8 GMT",
            &[("Thursday at 8 GMT", DateTime, "2024-07-25T08:00:00+00:00")],
        ),
        // Without `at`, a number and a zone are not a time.
        ("8 GMT", &[("8", Number, "8")]),
    ]);
}

/// A zone named after a time that keeps daylight saving (`ET`, `بتوقيت
/// القاهرة`) takes the offset of the date the time falls on; a city is a
/// zone only after the zone word.
#[test]
fn zones_that_keep_daylight_saving_take_the_offset_of_their_date() {
    check_all(&[
        (
            "at 5 pm ET on July 4",
            &[(
                "at 5 pm ET on July 4",
                DateTime,
                "2024-07-04T17:00:00-04:00",
            )],
        ),
        (
            "at 9 am PT on January 10",
            &[(
                "at 9 am PT on January 10",
                DateTime,
                "2024-01-10T09:00:00-08:00",
            )],
        ),
        (
            "at 10 a.m. Eastern Time on Thursday",
            &[(
                "at 10 a.m. Eastern Time on Thursday",
                DateTime,
                "2024-07-25T10:00:00-04:00",
            )],
        ),
        // `Eastern` alone may start `Eastern European Time`: no zone.
        (
            "8 p.m. Eastern",
            &[("8 p.m.", DateTime, "2024-07-23T20:00:00+00:00")],
        ),
        (
            "الساعة 10 صباحا بتوقيت بيروت",
            &[(
                "الساعة 10 صباحا بتوقيت بيروت",
                DateTime,
                "2024-07-23T10:00:00+03:00",
            )],
        ),
        (
            "الساعة 5 مساء بتوقيت القاهرة يوم 5 يناير",
            &[(
                "الساعة 5 مساء بتوقيت القاهرة يوم 5 يناير",
                DateTime,
                "2024-01-05T17:00:00+02:00",
            )],
        ),
        (
            "الساعة 10 صباحا القاهرة",
            &[("الساعة 10 صباحا", DateTime, "2024-07-23T10:00:00+00:00")],
        ),
    ]);
}

/// Areas (CLDR's area units; the Egyptian feddan): in m², not the length of
/// their first word.
#[test]
fn areas_are_measured_in_square_metres() {
    check_all(&[
        (
            "بمساحة 500 متر مربع",
            &[("500 متر مربع", Quantity, "500 m²")],
        ),
        (
            "تبلغ مساحتها 1.2 مليون كيلومتر مربع",
            &[("1.2 مليون كيلومتر مربع", Quantity, "1200000000000 km²")],
        ),
        ("مساحة 20 كم²", &[("20 كم²", Quantity, "20000000 km²")]),
        ("300 هكتار", &[("300 هكتار", Quantity, "3000000 ha")]),
        (
            "زراعة 50 ألف فدان",
            &[("50 ألف فدان", Quantity, "210041500 feddan")],
        ),
        ("a 120 km² park", &[("120 km²", Quantity, "120000000 km²")]),
        (
            "an area of 1,000 square kilometres",
            &[("1,000 square kilometres", Quantity, "1000000000 km²")],
        ),
        (
            "3,000 acres",
            &[("3,000 acres", Quantity, "12140569.2672 ac")],
        ),
        // A metre alone is still a length.
        ("على بعد 500 متر", &[("500 متر", Quantity, "500 m")]),
    ]);
}

/// Speeds (CLDR's speed units and the spellings of news) in km/h: one
/// quantity, not a length and an hour.
#[test]
fn speeds_are_measured_in_kilometres_per_hour() {
    check_all(&[
        (
            "رياح تصل سرعتها إلى 80 كم/س",
            &[("80 كم/س", Quantity, "80 km/h")],
        ),
        (
            "بسرعة 120 كم/ساعة",
            &[("120 كم/ساعة", Quantity, "120 km/h")],
        ),
        (
            "بسرعة 90 كيلومترا في الساعة",
            &[("90 كيلومترا في الساعة", Quantity, "90 km/h")],
        ),
        (
            "بين 40 و60 كم في الساعة",
            &[("بين 40 و60 كم في الساعة", Quantity, "40-60 km/h")],
        ),
        ("بسرعة 30 عقدة", &[("30 عقدة", Quantity, "55.56 kn")]),
        (
            "سرعة 15 مترا في الثانية",
            &[("15 مترا في الثانية", Quantity, "54 m/s")],
        ),
        ("winds of 60 mph", &[("60 mph", Quantity, "96.56064 mph")]),
        (
            "a top speed of 250km/h",
            &[("250km/h", Quantity, "250 km/h")],
        ),
        (
            "at 300 kilometres an hour",
            &[("300 kilometres an hour", Quantity, "300 km/h")],
        ),
        // A distance and the time it took stay two.
        (
            "قطع 120 كم في ساعتين",
            &[
                ("120 كم", Quantity, "120000 km"),
                ("ساعتين", Duration, "PT2H"),
            ],
        ),
    ]);
}

/// The accusative singular after 11 to 99 (`40 برميلا`, `30 هكتارا`, on
/// both words of an area, `120 كيلومترا مربعا`) is that unit; `ميلا` with no
/// amount before it is a word (inclination).
#[test]
fn arabic_units_in_the_accusative_after_eleven_to_ninety_nine() {
    check_all(&[
        (
            "تبلغ مساحتها 120 كيلومترا مربعا",
            &[("120 كيلومترا مربعا", Quantity, "120000000 km²")],
        ),
        (
            "ينتج 40 برميلا يوميا",
            &[
                ("40 برميلا", Quantity, "6359.49179712 bbl"),
                ("يوميا", Recurrence, "FREQ=DAILY P1D"),
            ],
        ),
        ("زراعة 30 هكتارا", &[("30 هكتارا", Quantity, "300000 ha")]),
        ("على بعد 15 ميلا", &[("15 ميلا", Quantity, "24140.16 mi")]),
        ("نحو 20 لترا", &[("نحو 20 لترا", Quantity, "About 20 l")]),
        ("كان أكثر ميلا للحل", &[]),
    ]);
}

/// A counted unit with the article and no direction is that many units
/// (with a direction it is a span of dates); a count that goes on is not
/// cut.
#[test]
fn counted_units_with_the_article_are_durations() {
    check_all(&[
        (
            "قضى الأيام الثلاثة في المستشفى",
            &[("الأيام الثلاثة", Duration, "P3D")],
        ),
        (
            "قضى الثلاثة أيام في المستشفى",
            &[("الثلاثة أيام", Duration, "P3D")],
        ),
        (
            "طوال التسعين دقيقة قبل",
            &[("التسعين دقيقة", Duration, "PT90M")],
        ),
        (
            "خلال الأيام الثلاثة المقبلة",
            &[("الأيام الثلاثة المقبلة", DateTime, "2024-07-24/2024-07-27")],
        ),
        ("الأيام القليلة في المستشفى", &[]),
        (
            "خلال الساعات الأربع والعشرين في",
            &[("الأربع والعشرين", Ordinal, "24")],
        ),
    ]);
}

/// (text, kind) of every entity, named ones included.
fn all_entities(text: &str) -> Vec<(&str, EntityKind)> {
    let options = ExtractOptions {
        kinds: vec![],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    extract(text, &options)
        .entities
        .iter()
        .map(|e| (e.span.slice(text), e.kind))
        .collect()
}

#[test]
fn names_keep_their_number_words_and_a_time_zone_is_no_name() {
    // An ordinal or number written in words inside a name is a word of the
    // name (`آل ثاني`, `عبدالله الثاني`), not a value of its own.
    let found = all_entities("استقبل الشيخ حمد بن خليفة آل ثاني الوفد في الدوحة.");
    assert!(
        found.contains(&("حمد بن خليفة آل ثاني", Person)),
        "{found:?}"
    );
    assert!(!found.iter().any(|&(_, k)| k == Ordinal), "{found:?}");
    // Digits stay values, and outside a name the word is an ordinal.
    let found = all_entities("وصل في المركز الثاني بعد سباق طويل.");
    assert!(found.contains(&("الثاني", Ordinal)), "{found:?}");
    // `GMT` after a date is the zone, not an acronym of an organization.
    let found = all_entities("Published: 23rd, July 2024 GMT\nThe meeting was held in Ankara.");
    assert!(!found.iter().any(|&(t, _)| t == "GMT"), "{found:?}");
    // `آلان` (Alain) folds like `الآن` (now) but is a name.
    check("وقال المدرب آلان بيرين إن الفريق جاهز", &[]);
    check(
        "نحن هنا الآن",
        &[("الآن", DateTime, "2024-07-23T00:00:00+00:00")],
    );
    // `right now` and `just now` are the moment as `now` is.
    check(
        "prices are falling right now",
        &[("right now", DateTime, "2024-07-23T00:00:00+00:00")],
    );
    check(
        "he left just now",
        &[("just now", DateTime, "2024-07-23T00:00:00+00:00")],
    );
}

#[test]
fn a_quoted_title_keeps_the_dates_and_numbers_of_its_words() {
    // `الغد` (tomorrow) and `العشرة` (ten) are words of the titles.
    let found = all_entities("تقدم المذيعة برنامجا بعنوان «نجوم الغد» على القناة الأولى.");
    assert!(found.contains(&("نجوم الغد", Misc)), "{found:?}");
    assert!(!found.iter().any(|&(_, k)| k == DateTime), "{found:?}");
    let found = all_entities("وعرض فيلم \"الأيام العشرة\" في افتتاح المهرجان.");
    assert!(found.contains(&("الأيام العشرة", Misc)), "{found:?}");
    assert!(!found.iter().any(|&(_, k)| k == Number), "{found:?}");
}

#[test]
fn a_month_alone_is_the_next_one_or_the_last_when_told_in_the_past() {
    check_all(&[
        ("في مارس", &[("في مارس", DateTime, "2025-03")]),
        (
            "سيعقد المؤتمر في سبتمبر",
            &[("في سبتمبر", DateTime, "2024-09")],
        ),
        (
            "قال الوزير في شهر مارس إن",
            &[("في شهر مارس", DateTime, "2024-03")],
        ),
        ("في شهر ثلاثة", &[("في شهر ثلاثة", DateTime, "2025-03")]),
        // A direction or a year after the month is read with it.
        (
            "في شهر مارس الماضي",
            &[("مارس الماضي", DateTime, "2024-03")],
        ),
        ("في مارس 2023", &[("مارس 2023", DateTime, "2023-03")]),
        (
            "The company said in September that",
            &[("in September", DateTime, "2023-09")],
        ),
        (
            "In March, the ministry announced",
            &[("In March", DateTime, "2024-03")],
        ),
        (
            "The vote will be held in March",
            &[("in March", DateTime, "2025-03")],
        ),
    ]);
}

#[test]
fn the_word_month_before_a_month_name_makes_it_a_date() {
    check_all(&[
        ("وصل الوفد شهر مارس", &[("شهر مارس", DateTime, "2024-03")]),
        (
            "سيعقد المؤتمر خلال شهر أيار",
            &[("شهر أيار", DateTime, "2025-05")],
        ),
        // The month and its direction are read at the month, as after `في`.
        (
            "وصل الوفد شهر يناير الماضي",
            &[("يناير الماضي", DateTime, "2024-01")],
        ),
    ]);
    // `شهر` before a number is an amount of time, no month.
    let found = all_entities("استمر الحصار شهر واحد");
    assert!(found.contains(&("شهر واحد", Duration)), "{found:?}");
}

#[test]
fn a_bare_year_after_fi_is_that_year_unless_it_counts_a_noun() {
    check_all(&[
        ("ولد في 1970 في القاهرة", &[("في 1970", DateTime, "1970")]),
        (
            "وقعت الحرب في 1967، وخسرت",
            &[("في 1967", DateTime, "1967")],
        ),
        ("قتل في 2014 الآلاف", &[("في 2014", DateTime, "2014")]),
        ("بل هي هنا في 2016.", &[("في 2016", DateTime, "2016")]),
        // A verb the tense words know (the feminine perfect, a listed
        // verb) counts nothing.
        ("في 2011 اندلعت الثورة", &[("في 2011", DateTime, "2011")]),
        ("في 1990 قال الرئيس", &[("في 1990", DateTime, "1990")]),
    ]);
    // A word without the article after it may be what it counts: not
    // read; nor a year glued to more, nor one out of range.
    for text in [
        "في 2000 قرية",
        "في 2005 حالات",
        "صدر في 2015/18",
        "في 1500 موقع",
        "في 2000 دولار",
    ] {
        let found = all_entities(text);
        assert!(
            !found.iter().any(|&(_, k)| k == DateTime),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn abbreviated_months_keep_their_period() {
    check_all(&[
        (
            "Officials said on Jan. 5, 2024 that",
            &[("Jan. 5, 2024", DateTime, "2024-01-05")],
        ),
        (
            "the Sept. 11, 2001 attacks",
            &[("Sept. 11, 2001", DateTime, "2001-09-11")],
        ),
        (
            "since Feb. 2023",
            &[("since Feb. 2023", DateTime, "2023-02")],
        ),
        (
            "from Jan. 5 to Feb. 3",
            &[("from Jan. 5 to Feb. 3", DateTime, "2024-01-05/2024-02-04")],
        ),
        // A full name's period ends the sentence: not part of the month.
        (
            "It rained on March 3.",
            &[("March 3", DateTime, "2024-03-03")],
        ),
    ]);
}

#[test]
fn a_comma_after_a_day_without_its_year_is_left_out_and_compound_ordinals_are_days() {
    check_all(&[
        // The comma closes the clause: the date ends at its day.
        (
            "On July 4, officials said",
            &[("July 4", DateTime, "2024-07-04")],
        ),
        ("Jul 18, Fri", &[("Jul 18", DateTime, "2024-07-18")]),
        // With the year after it, the comma is inside the date.
        (
            "On July 4, 2015, officials said",
            &[("July 4, 2015", DateTime, "2015-07-04")],
        ),
        // English ordinals of two words or with a hyphen name the day.
        (
            "twenty-fifth of March",
            &[("twenty-fifth of March", DateTime, "2024-03-25")],
        ),
        (
            "the thirty first of December 2023",
            &[("the thirty first of December 2023", DateTime, "2023-12-31")],
        ),
        (
            "March twenty-fifth",
            &[("March twenty-fifth", DateTime, "2024-03-25")],
        ),
    ]);
}

#[test]
fn a_fraction_word_after_a_determiner_or_an_ordinal_names_a_part_not_a_number() {
    check_all(&[
        ("for the quarter ended", &[]),
        (
            "profits rose in the second half",
            &[("second", Ordinal, "2")],
        ),
        ("its first half", &[("first", Ordinal, "1")]),
        // With an article or alone, the fraction is a number.
        ("a quarter of the votes", &[("quarter", Number, "0.25")]),
        ("half of them left", &[("half", Number, "0.5")]),
    ]);
}

/// A count of parts (`ثلاثة أرباع`, `three quarters of`) is that fraction,
/// not the count: a value no decimal writes (`two thirds of`) is its exact
/// fraction rather than a wrong decimal.
#[test]
fn a_count_of_parts_is_a_fraction() {
    check_all(&[
        ("ثلاثة أرباع الميزانية", &[("ثلاثة أرباع", Number, "0.75")]),
        ("خمسة أثمان", &[("خمسة أثمان", Number, "0.625")]),
        ("3 أخماس العمل", &[("3 أخماس", Number, "0.6")]),
        (
            "three quarters of the budget",
            &[("three quarters", Number, "0.75")],
        ),
        ("two fifths of the seats", &[("two fifths", Number, "0.4")]),
        ("two thirds of voters", &[("two thirds", Number, "2/3")]),
        // Of a scale word, and of a unit of time.
        (
            "دفع ثلاثة أرباع مليون دولار",
            &[("ثلاثة أرباع مليون دولار", Money, "750000 USD")],
        ),
        ("ثلاثة أرباع ساعة", &[("ثلاثة أرباع ساعة", Duration, "PT45M")]),
        // Without `of`, English quarters may be periods of a game; the
        // plural alone is the prices (`أثمان`).
        ("the three quarters", &[("three", Number, "3")]),
        ("ارتفعت أثمان السلع", &[]),
    ]);
}

/// A fraction no decimal writes, said as a number (`ثلث السكان`, `ثلثي
/// الأصوات`, `two thirds of`), is its exact fraction, with a proclitic, a
/// scale and a bound; with the article (`الثلث`) or a rank it is none.
#[test]
fn fractions_no_decimal_writes() {
    check_all(&[
        ("حصل على ثلثي الأصوات", &[("ثلثي", Number, "2/3")]),
        ("وثلثا الأعضاء صوتوا", &[("ثلثا", Number, "2/3")]),
        ("فاز بثلثي المقاعد", &[("ثلثي", Number, "2/3")]),
        ("خسر ثلث مليون وظيفة", &[("ثلث مليون", Number, "1000000/3")]),
        (
            "أكثر من ثلث السكان",
            &[("أكثر من ثلث", Number, "AtLeast 1/3")],
        ),
        ("نحو ثلثي الأراضي", &[("نحو ثلثي", Number, "About 2/3")]),
        ("الثلث الأخير من المباراة", &[]),
        ("في مثلث الحدود", &[]),
        ("one-third of the budget", &[("one-third", Number, "1/3")]),
        (
            "five sevenths of the cake",
            &[("five sevenths", Number, "5/7")],
        ),
        (
            "two thirds of a million",
            &[("two thirds of a million", Number, "2000000/3")],
        ),
        ("He finished third.", &[("third", Ordinal, "3")]),
        // A count the rule of `the` leaves a count (`the three quarters`)
        // is no fraction at either word (were two entities of 0.6).
        ("the three fifths", &[("three", Number, "3")]),
    ]);
}

/// A fraction with the article after a bound of amounts is a share, a
/// number with its bound (`تراجع بنحو الثلث`); alone, or before its
/// adjective, it is a part of something (`الثلث الأخير`, `النصف الأول`).
#[test]
fn fractions_with_the_article_after_a_bound() {
    check_all(&[
        (
            "تراجعت الصادرات بنحو الثلث",
            &[("نحو الثلث", Number, "About 1/3")],
        ),
        (
            "انخفض الإنتاج بأكثر من النصف",
            &[("أكثر من النصف", Number, "AtLeast 0.5")],
        ),
        (
            "قرابة الثلثين من الناخبين",
            &[("قرابة الثلثين", Number, "About 2/3")],
        ),
        ("ارتفع بنحو الربع", &[("نحو الربع", Number, "About 0.25")]),
        ("خسر الفريق النصف الآخر", &[]),
        ("قام أكثر من الثلث الأخير من الليل", &[]),
        ("قرأ أكثر من النص", &[]),
    ]);
}

/// A unit word vocalized as a fraction, its first letter with a damma, is
/// that fraction (`خُمس` a fifth, `خَمس` five), of a scale after it too.
#[test]
fn vocalized_fractions_are_no_cardinals() {
    check_all(&[
        ("خُمس السكان", &[("خُمس", Number, "0.2")]),
        ("وعُشر الميزانية", &[("عُشر", Number, "0.1")]),
        ("سُبع الأرض", &[("سُبع", Number, "1/7")]),
        (
            "دفع عُشر مليون دولار",
            &[("عُشر مليون دولار", Money, "100000 USD")],
        ),
        ("خَمس دول", &[("خَمس", Number, "5")]),
        ("تِسع دول", &[("تِسع", Number, "9")]),
    ]);
}

/// Thirds, which no decimal writes, of a unit of time are a whole number of
/// a smaller unit; of anything else they are a number of their own, an
/// exact fraction (see `fractions_no_decimal_writes`). An English
/// ordinal after `a` or `one` and before `of` is a fraction, not a rank
/// (reference: Tuesday 2024-07-23, midnight).
#[test]
fn thirds_of_a_unit_of_time_and_fractions_of_one_part() {
    check_all(&[
        ("انتظر ثلث ساعة", &[("ثلث ساعة", Duration, "PT20M")]),
        ("استغرق ثلثي الساعة", &[("ثلثي الساعة", Duration, "PT40M")]),
        (
            "استمرت المباراة ساعتين وثلث",
            &[("ساعتين وثلث", Duration, "PT2H20M")],
        ),
        (
            "وصل بعد ثلث ساعة",
            &[("بعد ثلث ساعة", DateTime, "2024-07-23T00:20:00+00:00")],
        ),
        (
            "it took an hour and a third",
            &[("an hour and a third", Duration, "PT1H20M")],
        ),
        (
            "two thirds of an hour",
            &[("two thirds of an hour", Duration, "PT40M")],
        ),
        (
            "a third of a day",
            &[("a third of a day", Duration, "PT8H")],
        ),
        (
            "a sixth of an hour",
            &[("a sixth of an hour", Duration, "PT10M")],
        ),
        // No smaller unit holds a third of a month whole.
        (
            "a third of a month",
            &[("third", Number, "1/3"), ("a month", Duration, "P1M")],
        ),
        ("ثلث السكان", &[("ثلث", Number, "1/3")]),
        ("a third of the budget", &[("third", Number, "1/3")]),
        ("one third of the budget", &[("one third", Number, "1/3")]),
        ("a fifth of the voters", &[("fifth", Number, "0.2")]),
        ("one fifth of voters", &[("one fifth", Number, "0.2")]),
        // Hyphened, a count of parts without `of` (were 3.25, 1.5, two,
        // one and the third).
        (
            "a three-quarter majority",
            &[("three-quarter", Number, "0.75")],
        ),
        ("one-half", &[("one-half", Number, "0.5")]),
        ("a two-thirds majority", &[]),
        ("a one-third stake", &[]),
        ("a one-fifth stake", &[("one-fifth", Number, "0.2")]),
        (
            "three-quarters of voters",
            &[("three-quarters", Number, "0.75")],
        ),
        (
            "the fifth of November",
            &[("the fifth of November", DateTime, "2024-11-05")],
        ),
    ]);
}

/// Percentage points count as percent, basis points as hundredths of one,
/// both ends of a range alike, two of them in the dual too; points of an
/// index are a number; `per cent` is `percent`.
#[test]
fn percentage_and_basis_points() {
    check_all(&[
        ("ارتفع 3 نقاط مئوية", &[("3 نقاط مئوية", Percent, "3")]),
        (
            "خفض الفائدة 25 نقطة أساس",
            &[("25 نقطة أساس", Percent, "0.25")],
        ),
        ("50 نقطة أساسية", &[("50 نقطة أساسية", Percent, "0.5")]),
        (
            "rose 1.5 percentage points",
            &[("1.5 percentage points", Percent, "1.5")],
        ),
        (
            "a cut of 25 basis points",
            &[("25 basis points", Percent, "0.25")],
        ),
        (
            "بين 25 و50 نقطة أساس",
            &[("بين 25 و50 نقطة أساس", Percent, "0.25-0.5")],
        ),
        // Hyphenated before the noun they describe (were the number alone).
        (
            "a 25 basis-point cut",
            &[("25 basis-point", Percent, "0.25")],
        ),
        (
            "between 25 and 50 basis-point cuts",
            &[("between 25 and 50 basis-point", Percent, "0.25-0.5")],
        ),
        (
            "a 2 percentage-point lead",
            &[("2 percentage-point", Percent, "2")],
        ),
        ("ارتفع المؤشر 50 نقطة", &[("50", Number, "50")]),
        // Two points said by the dual alone, `ب` glued or not (were
        // nothing); two points of a match are none.
        ("تراجع بنقطتين مئويتين", &[("نقطتين مئويتين", Percent, "2")]),
        ("خفض الفائدة نقطتي أساس", &[("نقطتي أساس", Percent, "0.02")]),
        ("سجل الفريق نقطتين فقط", &[]),
        // `pc` glued to the digits is percent, as British news writes it.
        ("Unemployment fell to 3.9pc", &[("3.9pc", Percent, "3.9")]),
        ("He bought 3 pc", &[("3", Number, "3")]),
        // British usage: `per cent` in two words.
        (
            "shares rose 4.5 per cent",
            &[("4.5 per cent", Percent, "4.5")],
        ),
        (
            "between 5 and 7 per cent",
            &[("between 5 and 7 per cent", Percent, "5-7")],
        ),
        (
            "fell by three per cent",
            &[("three per cent", Percent, "3")],
        ),
    ]);
}

/// `following` and `previous` (`التالي`, `السابق`) count from the story's
/// time in a clause told in the past: no date the reference gives, and a
/// weekday after them is no name either; told otherwise, from the
/// reference (reference: Tuesday 2024-07-23).
#[test]
fn following_and_previous_told_in_the_past_count_from_the_story() {
    check_all(&[
        ("وفي اليوم التالي أعلنت الوزارة", &[]),
        ("وكان قد أعلن في اليوم السابق", &[]),
        ("ارتفعت الأسعار في العام السابق", &[]),
        ("talks collapsed the following week", &[]),
        ("he resigned the following Monday", &[]),
        (
            "سأعود في اليوم التالي",
            &[("في اليوم التالي", DateTime, "2024-07-24")],
        ),
        (
            "we will meet the following week",
            &[("the following week", DateTime, "2024-07-29")],
        ),
    ]);
}

/// `اليوم` after `ذلك`, `نفس`, `ذات` or before `نفسه`, `ذاته` is a day of
/// the story, not today; counted units before `من` and a word (`الأيام
/// العشرة الأخيرة من رمضان`) are units of that, not the reference's; an
/// ordinal after a unit other than the day counts those units, no day of
/// a Hijri month (reference: Tuesday 2024-07-23).
#[test]
fn days_and_units_of_the_story_or_of_a_month_are_not_the_reference_s() {
    check_all(&[
        ("حطت الطائرة في نفس اليوم", &[]),
        ("غادرها مساء اليوم نفسه", &[]),
        ("كان ذلك اليوم شديد الحرارة", &[]),
        ("صباح اليوم ذاته", &[]),
        (
            "مساء اليوم",
            &[(
                "مساء اليوم",
                DateTime,
                "2024-07-23T18:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        ("السنوات الخمس الأخيرة من حياته", &[]),
        (
            "الأيام الثلاثة المقبلة من أجل التفاوض",
            &[("الأيام الثلاثة المقبلة", DateTime, "2024-07-24/2024-07-27")],
        ),
        (
            "في الأسبوع الأول من شهر رمضان",
            &[
                ("الأول", Ordinal, "1"),
                ("شهر رمضان", DateTime, "2025-03-01/2025-03-30"),
            ],
        ),
        (
            "اليوم الأول من رمضان",
            &[("اليوم الأول من رمضان", DateTime, "2025-03-01")],
        ),
    ]);
}

/// An English time word with the possessive `'s` is that time, the
/// token's span with it (reference: Tuesday 2024-07-23).
#[test]
fn english_time_words_with_the_possessive() {
    check_all(&[
        (
            "after Tuesday's vote",
            &[("after Tuesday's", DateTime, "2024-07-30")],
        ),
        (
            "yesterday's attack",
            &[("yesterday's", DateTime, "2024-07-22")],
        ),
        ("last year’s election", &[("last year’s", DateTime, "2023")]),
        (
            "next week's summit",
            &[("next week's", DateTime, "2024-07-29")],
        ),
        (
            "valentine's day",
            &[("valentine's day", DateTime, "2025-02-14")],
        ),
    ]);
}

/// A half of a month is days 1 to 15 or 16 to the last (reference: Tuesday
/// 2024-07-23), not the day its ordinal would name.
#[test]
fn halves_of_a_month() {
    check_all(&[
        (
            "خلال النصف الأول من الشهر الجاري",
            &[(
                "النصف الأول من الشهر الجاري",
                DateTime,
                "2024-07-01/2024-07-16",
            )],
        ),
        (
            "the second half of March",
            &[(
                "the second half of March",
                DateTime,
                "2024-03-16/2024-04-01",
            )],
        ),
        (
            "the first half of next month",
            &[(
                "the first half of next month",
                DateTime,
                "2024-08-01/2024-08-16",
            )],
        ),
        (
            "النصف الثاني من شهر فبراير المقبل",
            &[(
                "النصف الثاني من شهر فبراير المقبل",
                DateTime,
                "2025-02-16/2025-03-01",
            )],
        ),
        ("النصف الثاني من المباراة", &[("الثاني", Ordinal, "2")]),
    ]);
}

#[test]
fn halves_of_a_year_and_years_said_relative_to_the_reference() {
    check_all(&[
        (
            "in the first half of 2024",
            &[("the first half of 2024", DateTime, "2024-01/2024-07")],
        ),
        (
            "H2 2023 results",
            &[("H2 2023", DateTime, "2023-07/2024-01")],
        ),
        (
            "النصف الأول من عام 2024",
            &[("النصف الأول من عام 2024", DateTime, "2024-01/2024-07")],
        ),
        (
            "خلال النصف الثاني من العام الجاري",
            &[("النصف الثاني من العام الجاري", DateTime, "2024-07/2025-01")],
        ),
        (
            "the first quarter of the year",
            &[("the first quarter of the year", DateTime, "2024-01")],
        ),
        // Without its year, a half is as often of a match.
        ("the second half of the match", &[("second", Ordinal, "2")]),
        // `من العام` alone is the reference's year, as `of the year` is;
        // not a year another word describes (a fiscal year).
        (
            "خلال النصف الأول من العام",
            &[("النصف الأول من العام", DateTime, "2024-01/2024-07")],
        ),
        (
            "الربع الأول من السنة",
            &[("الربع الأول من السنة", DateTime, "2024-01")],
        ),
        ("النصف الأول من العام المالي", &[("الأول", Ordinal, "1")]),
        ("الربع الأول من العام نفسه", &[("الأول", Ordinal, "1")]),
        // The last quarter or half of a year.
        (
            "الربع الأخير من العام الماضي",
            &[("الربع الأخير من العام الماضي", DateTime, "2023-10")],
        ),
        (
            "the last quarter of 2023",
            &[("the last quarter of 2023", DateTime, "2023-10")],
        ),
        ("last quarter", &[("last quarter", DateTime, "2024-04")]),
        ("the last quarter of the match", &[]),
        // The first or last months of a year said.
        (
            "في الأشهر التسعة الأولى من العام الجاري",
            &[(
                "الأشهر التسعة الأولى من العام الجاري",
                DateTime,
                "2024-01/2024-10",
            )],
        ),
        (
            "الشهور الستة الأخيرة من عام 2023",
            &[(
                "الشهور الستة الأخيرة من عام 2023",
                DateTime,
                "2023-07/2024-01",
            )],
        ),
        (
            "in the first nine months of 2023",
            &[("the first nine months of 2023", DateTime, "2023-01/2023-10")],
        ),
        (
            "the last three months of the year",
            &[(
                "the last three months of the year",
                DateTime,
                "2024-10/2025-01",
            )],
        ),
        // Months of something else than a year are no date.
        ("الأشهر الثلاثة الأولى من الحرب", &[("الأولى", Ordinal, "1")]),
        // The first or last days of a month said (the first was the 1st
        // of the month alone, the last nothing).
        (
            "خلال الأيام العشرة الأولى من الشهر الجاري",
            &[(
                "الأيام العشرة الأولى من الشهر الجاري",
                DateTime,
                "2024-07-01/2024-07-11",
            )],
        ),
        (
            "الأيام الثلاثة الأخيرة من فبراير 2024",
            &[(
                "الأيام الثلاثة الأخيرة من فبراير 2024",
                DateTime,
                "2024-02-27/2024-03-01",
            )],
        ),
        (
            "the first ten days of August",
            &[(
                "the first ten days of August",
                DateTime,
                "2024-08-01/2024-08-11",
            )],
        ),
    ]);
    // A year said relative to the reference anchors the part to it.
    let options = ExtractOptions {
        kinds: vec![DateTime],
        reference: Reference::at_date(reference()),
        ner_model: None,
    };
    for text in ["الربع الأول من العام الجاري", "the second half of next year"]
    {
        let found = extract(text, &options);
        let Some(Value::DateTime(when)) = found.entities.first().map(|e| &e.value) else {
            panic!("no date in {text}: {found:?}");
        };
        assert_eq!(when.anchor, Anchor::Reference, "{text}");
    }
}

#[test]
fn a_decade_or_century_near_the_reference_is_its_ten_or_hundred_years() {
    check_all(&[
        (
            "خلال العقد الماضي",
            &[("العقد الماضي", DateTime, "2010/2020")],
        ),
        ("this decade", &[("this decade", DateTime, "2020/2030")]),
        (
            "the next decade",
            &[("the next decade", DateTime, "2030/2040")],
        ),
        ("القرن الماضي", &[("القرن الماضي", DateTime, "1900/2000")]),
    ]);
}

/// A weekday alone is the next one, unless the words next to it tell of the
/// past: then the last one, or the reference day itself (reference:
/// Tuesday 2024-07-23).
#[test]
fn a_weekday_told_in_the_past_is_the_last_one() {
    check_all(&[
        (
            "The minister said on Friday that",
            &[("on Friday", DateTime, "2024-07-19")],
        ),
        (
            "On Sunday, the ministry announced",
            &[("On Sunday", DateTime, "2024-07-21")],
        ),
        (
            "He was killed on Tuesday",
            &[("on Tuesday", DateTime, "2024-07-23")],
        ),
        // A regular past of four letters.
        (
            "The driver died on Monday",
            &[("on Monday", DateTime, "2024-07-22")],
        ),
        // `shed` is a noun as often: no tense.
        (
            "the shed on Monday",
            &[("on Monday", DateTime, "2024-07-29")],
        ),
        (
            "قال الرئيس يوم الخميس",
            &[("يوم الخميس", DateTime, "2024-07-18")],
        ),
        (
            "وأعلنت الوزارة يوم الاثنين",
            &[("يوم الاثنين", DateTime, "2024-07-22")],
        ),
        // The verb's object and an adverbial between the verb and the day.
        (
            "Shares of the company fell 3 percent in early trading on Monday",
            &[
                ("3 percent", Percent, "3"),
                ("on Monday", DateTime, "2024-07-22"),
            ],
        ),
        (
            "The leaders will meet in the capital of France on Friday",
            &[("on Friday", DateTime, "2024-07-26")],
        ),
        // After a complementizer, the verb after the day tells.
        (
            "أشار إلى أن الكلمة التي وجهها الأمين العام مساء الاثنين تميزت",
            &[(
                "مساء الاثنين",
                DateTime,
                "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // A perfect of the plural, read by its ending.
        (
            "الذين زاروا الخميس بيروت",
            &[("الخميس", DateTime, "2024-07-18")],
        ),
        // A day word right before the weekday says which, whatever verb
        // follows: one expression when the weekday is that day's; else
        // two, the weekday read as its own.
        (
            "ارتفع النفط أمس الاثنين",
            &[("أمس الاثنين", DateTime, "2024-07-22")],
        ),
        (
            "اجتماع الوزراء غدا الاثنين وقالت",
            &[
                ("غدا", DateTime, "2024-07-24"),
                ("الاثنين", DateTime, "2024-07-29"),
            ],
        ),
        // The future, a participle after `be`, a clause of its own after a
        // complementizer, or nothing said: the next one, as before.
        (
            "The vote will be held on Friday",
            &[("on Friday", DateTime, "2024-07-26")],
        ),
        (
            "قال إن الاجتماع يعقد يوم الخميس",
            &[("يوم الخميس", DateTime, "2024-07-25")],
        ),
        (
            "سوف يصل الوفد يوم الخميس",
            &[("يوم الخميس", DateTime, "2024-07-25")],
        ),
        ("Ahmed on Friday", &[("on Friday", DateTime, "2024-07-26")]),
        (
            "قال الوزير إنه سيبقى حتى يوم الخميس",
            &[("حتى يوم الخميس", DateTime, "2024-07-25")],
        ),
    ]);
}

#[test]
fn inflected_past_verbs_and_day_words_in_apposition_tell_of_the_past() {
    check_all(&[
        // A feminine perfect, read by its ending; a listed verb with an
        // object pronoun.
        (
            "اعتبرت الوزارة يوم الأحد أن القرار خاطئ",
            &[("يوم الأحد", DateTime, "2024-07-21")],
        ),
        (
            "التي اندلعت الثلاثاء بين القوات",
            &[("الثلاثاء", DateTime, "2024-07-23")],
        ),
        (
            "والذي أعلنته موسكو الجمعة",
            &[("الجمعة", DateTime, "2024-07-19")],
        ),
        // Masculine perfects of news events with no noun of their letters.
        (
            "استقال وزير المالية يوم الأحد",
            &[("يوم الأحد", DateTime, "2024-07-21")],
        ),
        (
            "وعاد الوفد إلى القاهرة الاثنين",
            &[("الاثنين", DateTime, "2024-07-22")],
        ),
        (
            "وارتفع مؤشر البورصة الخميس",
            &[("الخميس", DateTime, "2024-07-18")],
        ),
        // A verb that is a noun as often (`بحث`, research) tells nothing.
        ("بحث الجامعة الخميس", &[("الخميس", DateTime, "2024-07-25")]),
        // A noun of those endings is no verb: the next one, as before.
        ("نشرة الخميس", &[("الخميس", DateTime, "2024-07-25")]),
        (
            "افتتاح مهرجان بيروت الخميس",
            &[("الخميس", DateTime, "2024-07-25")],
        ),
        // The day named after a comma, or after `أمس الأول` (the day before
        // yesterday, as `أول من أمس`: one expression).
        (
            "They met yesterday, Monday, in Geneva",
            &[
                ("yesterday", DateTime, "2024-07-22"),
                ("Monday", DateTime, "2024-07-22"),
            ],
        ),
        (
            "وصل الوفد أمس الأول الأحد",
            &[("أمس الأول الأحد", DateTime, "2024-07-21")],
        ),
        // The weekday in parentheses after its day word, as Arabic papers
        // write it; today with its weekday is today.
        (
            "قال الوزير أمس (الاثنين) إن",
            &[
                ("أمس", DateTime, "2024-07-22"),
                ("الاثنين", DateTime, "2024-07-22"),
            ],
        ),
        (
            "يلتقي الرئيس اليوم (الثلاثاء) وفدا",
            &[
                ("اليوم", DateTime, "2024-07-23"),
                ("الثلاثاء", DateTime, "2024-07-23"),
            ],
        ),
        (
            "He spoke today, Tuesday, in Paris",
            &[
                ("today", DateTime, "2024-07-23"),
                ("Tuesday", DateTime, "2024-07-23"),
            ],
        ),
        (
            "يصل الوفد غدا (الأربعاء)",
            &[
                ("غدا", DateTime, "2024-07-24"),
                ("الأربعاء", DateTime, "2024-07-24"),
            ],
        ),
        ("وصل أول من أمس", &[("أول من أمس", DateTime, "2024-07-21")]),
    ]);
}

/// Dates in a list take the month and year the first complete one after
/// them writes (`5 و6 يونيو 2023`: 5 June 2023), each item a date of its
/// own; after `between`/`بين`, `and`/`و` joins the two ends of an interval.
#[test]
fn dates_in_a_list_share_what_the_last_one_writes() {
    check_all(&[
        (
            "يومي 5 و6 يونيو 2023",
            &[
                ("5", DateTime, "2023-06-05"),
                ("6 يونيو 2023", DateTime, "2023-06-06"),
            ],
        ),
        (
            "في 12 و13 مارس",
            &[
                ("12", DateTime, "2024-03-12"),
                ("13 مارس", DateTime, "2024-03-13"),
            ],
        ),
        (
            "on 5, 6 and 7 June 2023",
            &[
                ("5", DateTime, "2023-06-05"),
                ("6", DateTime, "2023-06-06"),
                ("7 June 2023", DateTime, "2023-06-07"),
            ],
        ),
        // The list ends at its first complete date: 30 and 31 May.
        (
            "30 و31 مايو و1 يونيو 2023",
            &[
                ("30", DateTime, "2024-05-30"),
                ("31 مايو", DateTime, "2024-05-31"),
                ("1 يونيو 2023", DateTime, "2023-06-01"),
            ],
        ),
        (
            "في مايو ويونيو/حزيران 2009",
            &[
                ("في مايو", DateTime, "2009-05"),
                ("يونيو/حزيران 2009", DateTime, "2009-06"),
            ],
        ),
        (
            "خلال شهري يناير وفبراير ومارس 2020",
            &[
                ("شهري يناير", DateTime, "2020-01"),
                ("فبراير", DateTime, "2020-02"),
                ("مارس 2020", DateTime, "2020-03"),
            ],
        ),
        // The dual `شهري` (the two months of) leads a list as `في` does;
        // before one month it is "monthly".
        (
            "خلال شهري مارس وأبريل",
            &[
                ("شهري مارس", DateTime, "2025-03"),
                ("أبريل", DateTime, "2025-04"),
            ],
        ),
        ("راتب شهري مارس", &[]),
        (
            "في أكتوبر أو نوفمبر 2022",
            &[
                ("في أكتوبر", DateTime, "2022-10"),
                ("نوفمبر 2022", DateTime, "2022-11"),
            ],
        ),
        (
            "in May and June 2009",
            &[
                ("in May", DateTime, "2009-05"),
                ("June 2009", DateTime, "2009-06"),
            ],
        ),
        // The month first: the first day is a date already, the year after
        // the last day is the year of all.
        (
            "June 5 and 6, 2023",
            &[
                ("June 5", DateTime, "2023-06-05"),
                ("6, 2023", DateTime, "2023-06-06"),
            ],
        ),
        (
            "the talks on Jan. 5, 6 and 7 ended",
            &[
                ("Jan. 5", DateTime, "2024-01-05"),
                ("6", DateTime, "2024-01-06"),
                ("7", DateTime, "2024-01-07"),
            ],
        ),
        (
            "On July 4, officials said 5 and 6 were",
            &[
                ("July 4", DateTime, "2024-07-04"),
                ("5", Number, "5"),
                ("6", Number, "6"),
            ],
        ),
        // Without a year, `في` makes every month of its list a date, in the
        // year the first one is read in (the next, or the last when told in
        // the past).
        (
            "في شهري مايو ويونيو",
            &[
                ("في شهري مايو", DateTime, "2025-05"),
                ("يونيو", DateTime, "2025-06"),
            ],
        ),
        (
            "قال في ديسمبر ويناير",
            &[
                ("في ديسمبر", DateTime, "2023-12"),
                ("يناير", DateTime, "2024-01"),
            ],
        ),
        ("في مصر ويونيو", &[]),
        (
            "we may and June 2020",
            &[("June 2020", DateTime, "2020-06")],
        ),
        // Years joined by `و` are two years, unless `بين` comes first (with
        // its proclitic too) or they follow each other (their range is the
        // two of them).
        (
            "في عامي 2008 و2012",
            &[("عامي 2008", DateTime, "2008"), ("2012", DateTime, "2012")],
        ),
        (
            "في عام 2008 و2010 و2012",
            &[
                ("عام 2008", DateTime, "2008"),
                ("2010", DateTime, "2010"),
                ("2012", DateTime, "2012"),
            ],
        ),
        (
            "in 2008 and 2012",
            &[("in 2008", DateTime, "2008"), ("2012", DateTime, "2012")],
        ),
        (
            "فبين عامي 1922 و 1942",
            &[("بين عامي 1922 و 1942", DateTime, "1922/1943")],
        ),
        // `بين` with its proclitic starts the span, the proclitic left out.
        (
            "وبين 5 و7 مارس 2022",
            &[("بين 5 و7 مارس 2022", DateTime, "2022-03-05/2022-03-08")],
        ),
        (
            "خلال عامي 2011 و2012",
            &[("عامي 2011 و2012", DateTime, "2011/2013")],
        ),
        (
            "in 2008 and 2012 dollars",
            &[
                ("in 2008", DateTime, "2008"),
                ("2012 dollars", Money, "2012 USD"),
            ],
        ),
        // December before January of 2010 is of 2009: not guessed.
        ("ديسمبر ويناير 2010", &[("يناير 2010", DateTime, "2010-01")]),
        // Numbers joined with no date after them stay numbers.
        ("فاز 3 و2", &[("3", Number, "3"), ("2", Number, "2")]),
        (
            "بين 5 و7 مارس 2022",
            &[("بين 5 و7 مارس 2022", DateTime, "2022-03-05/2022-03-08")],
        ),
        (
            "between 5 and 7 March",
            &[("between 5 and 7 March", DateTime, "2024-03-05/2024-03-08")],
        ),
        (
            "between June 5 and 7, 2023",
            &[(
                "between June 5 and 7, 2023",
                DateTime,
                "2023-06-05/2023-06-08",
            )],
        ),
        (
            "بين يناير ومارس 2021",
            &[("بين يناير ومارس 2021", DateTime, "2021-01/2021-04")],
        ),
    ]);
}

/// A year said from the reference after a month, a day and a month, the
/// months of a list or a range of days or months (`من العام الماضي`, `من
/// هذا العام`, `of last year`, `next year`) is their year, and in their
/// span (reference: 2024-07-23).
#[test]
fn a_year_said_from_the_reference_after_a_month_is_its_year() {
    check_all(&[
        (
            "في يناير من العام الماضي",
            &[("يناير من العام الماضي", DateTime, "2023-01")],
        ),
        (
            "في 5 يناير من العام المقبل",
            &[("5 يناير من العام المقبل", DateTime, "2025-01-05")],
        ),
        (
            "في الخامس من مارس من هذا العام",
            &[("الخامس من مارس من هذا العام", DateTime, "2024-03-05")],
        ),
        (
            "in January of last year",
            &[("January of last year", DateTime, "2023-01")],
        ),
        (
            "on March 5 last year",
            &[("March 5 last year", DateTime, "2023-03-05")],
        ),
        (
            "في شهري يناير وفبراير من العام الماضي",
            &[
                ("في شهري يناير", DateTime, "2023-01"),
                ("فبراير من العام الماضي", DateTime, "2023-02"),
            ],
        ),
        (
            "من 5 إلى 7 مارس من العام الماضي",
            &[(
                "من 5 إلى 7 مارس من العام الماضي",
                DateTime,
                "2023-03-05/2023-03-08",
            )],
        ),
        (
            "من أغسطس حتى ديسمبر من العام الماضي",
            &[(
                "من أغسطس حتى ديسمبر من العام الماضي",
                DateTime,
                "2023-08/2024-01",
            )],
        ),
        // An English month alone is capitalised: `may` is the verb.
        ("you may next year", &[("next year", DateTime, "2025")]),
        // A year written after it still wins.
        (
            "في يناير من العام 1901",
            &[("يناير من العام 1901", DateTime, "1901-01")],
        ),
    ]);
}

/// Ordinal days in a list share the month and year of the last one, which
/// carries `و` on its article (`والسادس`; the span leaves it out), in the
/// year a direction after the month gives (reference: 2024-07-23).
#[test]
fn ordinal_days_in_a_list_share_the_last_ones_month() {
    check_all(&[
        (
            "في الخامس والسادس من يونيو 2023",
            &[
                ("الخامس", DateTime, "2023-06-05"),
                ("السادس من يونيو 2023", DateTime, "2023-06-06"),
            ],
        ),
        (
            "الحادي والعشرين والثاني والعشرين من يوليو 2020",
            &[
                ("الحادي والعشرين", DateTime, "2020-07-21"),
                ("الثاني والعشرين من يوليو 2020", DateTime, "2020-07-22"),
            ],
        ),
        (
            "في الأول، الثاني والثالث من مارس",
            &[
                ("الأول", DateTime, "2024-03-01"),
                ("الثاني", DateTime, "2024-03-02"),
                ("الثالث من مارس", DateTime, "2024-03-03"),
            ],
        ),
        (
            "في 27 يوليو والثامن من أغسطس",
            &[
                ("27 يوليو", DateTime, "2024-07-27"),
                ("الثامن من أغسطس", DateTime, "2024-08-08"),
            ],
        ),
        (
            "في الرابع والخامس من يوليو الماضي",
            &[
                ("الرابع", DateTime, "2024-07-04"),
                ("الخامس من يوليو الماضي", DateTime, "2024-07-05"),
            ],
        ),
        (
            "يومي 1 و2 مارس المقبل",
            &[
                ("1", DateTime, "2025-03-01"),
                ("2 مارس المقبل", DateTime, "2025-03-02"),
            ],
        ),
        // No month after the list: ordinals.
        (
            "الفصل الخامس والسادس من الكتاب",
            &[("الخامس", Ordinal, "5"), ("السادس", Ordinal, "6")],
        ),
    ]);
}

/// A day of a Hijri month without its year is read as a holiday on that
/// day: the next on or after the reference, or the one a direction or a
/// Hijri year after it gives (reference: 2024-07-23, 17 Muharram 1446).
#[test]
fn a_hijri_day_without_its_year_is_its_next_occurrence() {
    check_all(&[
        (
            "في العاشر من رمضان",
            &[("العاشر من رمضان", DateTime, "2025-03-10")],
        ),
        ("27 رجب", &[("27 رجب", DateTime, "2025-01-27")]),
        (
            "الثاني عشر من ربيع الأول",
            &[("الثاني عشر من ربيع الأول", DateTime, "2024-09-15")],
        ),
        (
            "السابع والعشرين من رمضان الماضي",
            &[("السابع والعشرين من رمضان الماضي", DateTime, "2024-04-06")],
        ),
        (
            "العاشر من رمضان 1445",
            &[("العاشر من رمضان 1445", DateTime, "2024-03-20")],
        ),
        (
            "العاشر من صفر",
            &[("العاشر من صفر", DateTime, "2024-08-14")],
        ),
        (
            "في 21 من رمضان سنة 40 للهجرة",
            &[("21 من رمضان سنة 40 للهجرة", DateTime, "0661-01-31")],
        ),
        // A day is masculine: `الأولى` is of the days before it.
        (
            "الليالي الأولى من شهر رمضان",
            &[
                ("الأولى", Ordinal, "1"),
                ("شهر رمضان", DateTime, "2025-03-01/2025-03-30"),
            ],
        ),
        // A year up to 1600 after a Hijri holiday is Hijri too.
        (
            "عيد الفطر 1445",
            &[("عيد الفطر 1445", DateTime, "2024-04-10")],
        ),
        // `صفر` after digits is zero (a score).
        ("1 صفر", &[("1", Number, "1"), ("صفر", Number, "0")]),
    ]);
}

/// A day and a month with a slash and no year (`15/8`), as news dates the
/// events of its year: a date after `يوم`, `بتاريخ` (dated), a weekday or
/// `on`, whose word is part of it, or before a time; alone it may be a
/// fraction or a score (reference: Tuesday 2024-07-23).
#[test]
fn days_and_months_with_a_slash_after_a_word_or_before_a_time_are_dates() {
    check_all(&[
        (
            "تعقد الجلسة يوم 15/8",
            &[("يوم 15/8", DateTime, "2024-08-15")],
        ),
        (
            "صدر القرار بتاريخ 3/7",
            &[("بتاريخ 3/7", DateTime, "2024-07-03")],
        ),
        (
            "بتاريخ 12/3/2024",
            &[("بتاريخ 12/3/2024", DateTime, "2024-03-12")],
        ),
        // The weekday says which year: 25 July is a Thursday in 2024, and
        // 15 February a Sunday first in 2026.
        ("الخميس ٢٥/٧", &[("الخميس ٢٥/٧", DateTime, "2024-07-25")]),
        (
            "يوم الأحد 15/2",
            &[("يوم الأحد 15/2", DateTime, "2026-02-15")],
        ),
        (
            "the vote is Friday 7/26",
            &[("Friday 7/26", DateTime, "2024-07-26")],
        ),
        ("في 2/3 من الحالات", &[]),
        (
            "تصل البعثة 15/8 الساعة 10 صباحا",
            &[(
                "15/8 الساعة 10 صباحا",
                DateTime,
                "2024-08-15T10:00:00+00:00",
            )],
        ),
        (
            "4/25 at 4:00pm",
            &[("4/25 at 4:00pm", DateTime, "2024-04-25T16:00:00+00:00")],
        ),
    ]);
}

/// Local time said after a time (`بالتوقيت المحلي`, `local time`) is the
/// document's zone: part of the time's span, its value in that zone
/// (reference: Tuesday 2024-07-23).
#[test]
fn local_time_said_after_a_time_is_the_documents_zone() {
    check_all(&[
        (
            "تبدأ الجلسة الساعة العاشرة صباحا بالتوقيت المحلي",
            &[(
                "الساعة العاشرة صباحا بالتوقيت المحلي",
                DateTime,
                "2024-07-23T10:00:00+00:00",
            )],
        ),
        (
            "عند الساعة 8 مساء حسب التوقيت المحلي",
            &[(
                "عند الساعة 8 مساء حسب التوقيت المحلي",
                DateTime,
                "2024-07-23T20:00:00+00:00",
            )],
        ),
        (
            "الساعة 9:30 وفقاً للتوقيت المحلي",
            &[(
                "الساعة 9:30 وفقاً للتوقيت المحلي",
                DateTime,
                "2024-07-23T09:30:00+00:00",
            )],
        ),
        // A bare hour after `at` is a time before a zone said, local too.
        (
            "polls close at 8 local time",
            &[("at 8 local time", DateTime, "2024-07-23T08:00:00+00:00")],
        ),
        ("the local time is uncertain", &[]),
    ]);
    let options = ExtractOptions {
        kinds: vec![EntityKind::DateTime],
        reference: Reference {
            zone: Zone::parse("Asia/Riyadh").expect("a zone"),
            ..Reference::at_date(reference())
        },
        ner_model: None,
    };
    let text = "at 5 pm local time";
    let found: Vec<(&str, String)> = extract(text, &options)
        .entities
        .iter()
        .map(|e| (e.span.slice(text), value_text(&e.value)))
        .collect();
    assert_eq!(
        found,
        [(
            "at 5 pm local time",
            "2024-07-23T17:00:00+03:00".to_string()
        )]
    );
}

/// A day or week counted in a month named from the reference (`الأسبوع
/// الثاني من الشهر المقبل`, `the last week of this month`): the counted
/// one, not the ordinal as a day of that month (reference: Tuesday
/// 2024-07-23; August 2024 starts on a Thursday).
#[test]
fn days_and_weeks_counted_in_a_month_named_from_the_reference() {
    check_all(&[
        (
            "في الأسبوع الثاني من الشهر المقبل",
            &[("الأسبوع الثاني من الشهر المقبل", DateTime, "2024-08-12")],
        ),
        (
            "الأسبوع الأخير من الشهر الجاري",
            &[("الأسبوع الأخير من الشهر الجاري", DateTime, "2024-07-22")],
        ),
        (
            "اليوم الأول من الشهر المقبل",
            &[("اليوم الأول من الشهر المقبل", DateTime, "2024-08-01")],
        ),
        (
            "الجمعة الأخيرة من الشهر الماضي",
            &[("الجمعة الأخيرة من الشهر الماضي", DateTime, "2024-06-28")],
        ),
        (
            "the first week of next month",
            &[("the first week of next month", DateTime, "2024-08-05")],
        ),
        (
            "the second Tuesday of next month",
            &[("the second Tuesday of next month", DateTime, "2024-08-13")],
        ),
        // Still the second day of the month without a counted unit.
        (
            "الثاني من الشهر المقبل",
            &[("الثاني من الشهر المقبل", DateTime, "2024-08-02")],
        ),
    ]);
    check_grains(&[
        (
            "الأسبوع الأول من الشهر المقبل",
            "الأسبوع الأول من الشهر المقبل",
            Grain::Week,
        ),
        (
            "the last week of this month",
            "the last week of this month",
            Grain::Week,
        ),
    ]);
}

/// The hours a part of a day is said in, as Arabic news dates an event
/// (`في الساعات الأولى من صباح اليوم`, the early hours of this morning; `في
/// ساعة متأخرة من مساء أمس`, late yesterday evening): the first or second
/// half of the part with its day, the words in its span, no ordinal of
/// their own (reference: Tuesday 2024-07-23).
#[test]
fn hours_a_part_of_a_day_is_said_in() {
    check_all(&[
        (
            "وقع الانفجار في الساعات الأولى من صباح اليوم",
            &[(
                "الساعات الأولى من صباح اليوم",
                DateTime,
                "2024-07-23T04:00:00+00:00/2024-07-23T08:00:00+00:00",
            )],
        ),
        (
            "في ساعة متأخرة من مساء أمس",
            &[(
                "ساعة متأخرة من مساء أمس",
                DateTime,
                "2024-07-22T21:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // The night as `الليلة` names it, last night.
        (
            "قتل في وقت متأخر من الليلة الماضية",
            &[(
                "وقت متأخر من الليلة الماضية",
                DateTime,
                "2024-07-22T21:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "في وقت مبكر من فجر أمس",
            &[(
                "وقت مبكر من فجر أمس",
                DateTime,
                "2024-07-22T03:00:00+00:00/2024-07-22T04:00:00+00:00",
            )],
        ),
        // Hours of something else than a day's part are no time.
        ("الساعات الأولى من المباراة", &[("الأولى", Ordinal, "1")]),
        // English says it with `early` or `late` before the part and its day.
        (
            "died late last night",
            &[(
                "late last night",
                DateTime,
                "2024-07-22T21:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "talks ran late yesterday evening",
            &[(
                "late yesterday evening",
                DateTime,
                "2024-07-22T21:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "the vote comes late tonight",
            &[(
                "late tonight",
                DateTime,
                "2024-07-23T21:00:00+00:00/2024-07-24T00:00:00+00:00",
            )],
        ),
        (
            "early Monday morning",
            &[(
                "early Monday morning",
                DateTime,
                "2024-07-29T04:00:00+00:00/2024-07-29T08:00:00+00:00",
            )],
        ),
        (
            "early this morning",
            &[(
                "early this morning",
                DateTime,
                "2024-07-23T04:00:00+00:00/2024-07-23T08:00:00+00:00",
            )],
        ),
        (
            "the late Monday meeting",
            &[("Monday", DateTime, "2024-07-29")],
        ),
        // A day itself: its first or last twelve hours (said: the last
        // Wednesday).
        (
            "the ministry said late Wednesday",
            &[(
                "late Wednesday",
                DateTime,
                "2024-07-17T12:00:00+00:00/2024-07-18T00:00:00+00:00",
            )],
        ),
        (
            "the talks resume early on Monday",
            &[(
                "early on Monday",
                DateTime,
                "2024-07-29T00:00:00+00:00/2024-07-29T12:00:00+00:00",
            )],
        ),
        (
            "وصل الوفد في وقت متأخر من أمس",
            &[(
                "وقت متأخر من أمس",
                DateTime,
                "2024-07-22T12:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // `the early hours of` a day: from its midnight to its morning.
        (
            "in the early hours of Sunday",
            &[(
                "the early hours of Sunday",
                DateTime,
                "2024-07-28T00:00:00+00:00/2024-07-28T04:00:00+00:00",
            )],
        ),
        (
            "in the early hours of this morning",
            &[(
                "the early hours of this morning",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-23T04:00:00+00:00",
            )],
        ),
        (
            "early hours of Monday morning",
            &[(
                "early hours of Monday morning",
                DateTime,
                "2024-07-29T00:00:00+00:00/2024-07-29T04:00:00+00:00",
            )],
        ),
        ("in the early hours of the war", &[]),
    ]);
}

/// `تمام` (on the dot) before a time, as `at`: `في تمام الساعة العاشرة`
/// is the time, and after a day the time of that day (before, the day
/// and a time of the reference's day; reference: Tuesday 2024-07-23).
#[test]
fn a_time_on_the_dot_is_a_time_of_its_day() {
    check_all(&[
        (
            "تبدأ المباراة في تمام الساعة العاشرة صباحا",
            &[(
                "تمام الساعة العاشرة صباحا",
                DateTime,
                "2024-07-23T10:00:00+00:00",
            )],
        ),
        (
            "يوم الأحد في تمام الساعة 8 مساء",
            &[(
                "يوم الأحد في تمام الساعة 8 مساء",
                DateTime,
                "2024-07-28T20:00:00+00:00",
            )],
        ),
        ("الأمور تمام", &[]),
    ]);
}

/// A day word, its weekday and the date (`اليوم الثلاثاء 23 يوليو`, `غدا
/// الأربعاء الموافق 24 يوليو`): one date, the written one (before, the
/// day word and weekday, and the date apart; reference: Tuesday
/// 2024-07-23).
#[test]
fn a_day_word_its_weekday_and_its_date_are_one_date() {
    check_all(&[
        (
            "اليوم الثلاثاء 23 يوليو",
            &[("اليوم الثلاثاء 23 يوليو", DateTime, "2024-07-23")],
        ),
        (
            "غدا الأربعاء الموافق 24 يوليو",
            &[("غدا الأربعاء الموافق 24 يوليو", DateTime, "2024-07-24")],
        ),
        (
            "أمس الاثنين، 22 يوليو 2024",
            &[("أمس الاثنين، 22 يوليو 2024", DateTime, "2024-07-22")],
        ),
        // A number after the weekday that is no date.
        (
            "اليوم الثلاثاء 3 قتلى",
            &[
                ("اليوم الثلاثاء", DateTime, "2024-07-23"),
                ("3", Number, "3"),
            ],
        ),
    ]);
}

/// After a superlative, `first` or a perfect negation, `in` and an amount
/// of time count back from the reference: the amount up to it (reference:
/// Tuesday 23 July 2024, 00:00 UTC).
#[test]
fn in_an_amount_after_a_superlative_counts_back() {
    check_all(&[
        (
            "inflation reached its highest level in 20 years",
            &[(
                "in 20 years",
                DateTime,
                "2004-07-23T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "the deadliest attack in a decade",
            &[(
                "in a decade",
                DateTime,
                "2014-07-23T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        (
            "his first visit in five years",
            &[
                ("first", Ordinal, "1"),
                (
                    "in five years",
                    DateTime,
                    "2019-07-23T00:00:00+00:00/2024-07-23T00:00:00+00:00",
                ),
            ],
        ),
        (
            "it hasn't rained in 3 months",
            &[(
                "in 3 months",
                DateTime,
                "2024-04-23T00:00:00+00:00/2024-07-23T00:00:00+00:00",
            )],
        ),
        // Without such a word, or past a comma, the time to come.
        (
            "we will finish in 20 years",
            &[("in 20 years", DateTime, "2044-07-23")],
        ),
        (
            "a protest in 2 days",
            &[("in 2 days", DateTime, "2024-07-25")],
        ),
        (
            "the biggest, in 2 days",
            &[("in 2 days", DateTime, "2024-07-25")],
        ),
        (
            "the results at the latest in 2 days",
            &[("in 2 days", DateTime, "2024-07-25")],
        ),
    ]);
}

/// An amount of time said by its plural alone (or after `عدة`, several) is
/// more than two units in Arabic, which has a dual, and more than one in
/// English: the time that
/// far from the reference, one end of an open interval (reference: Tuesday
/// 23 July 2024, 00:00 UTC; the bounds are in `words_before_a_time_bound_it`).
#[test]
fn a_plural_unit_alone_is_more_than_two_or_one() {
    check_all(&[
        ("وصل قبل أيام", &[("قبل أيام", DateTime, "2024-07-21")]),
        (
            "نعمل على ذلك منذ سنوات طويلة",
            &[("منذ سنوات طويلة", DateTime, "2022-07-23")],
        ),
        ("بعد أسابيع", &[("بعد أسابيع", DateTime, "2024-08-06")]),
        // `عدة` (several) says no more than the plural.
        (
            "زار المدينة قبل عدة أيام",
            &[("قبل عدة أيام", DateTime, "2024-07-21")],
        ),
        ("قبل عدة أيام من الانتخابات", &[]),
        (
            "قبل ساعات",
            &[("قبل ساعات", DateTime, "2024-07-22T22:00:00+00:00")],
        ),
        (
            "it happened years ago",
            &[("years ago", DateTime, "2023-07-23")],
        ),
        // Counted from an event, or the first term of a noun phrase: no
        // amount from the reference.
        ("قبل أيام من الانتخابات", &[]),
        ("قبل أيام العيد", &[]),
    ]);
}

/// Earlier or later today: from midnight to the reference, or from it to
/// midnight (reference: Tuesday 23 July 2024 at noon, UTC).
#[test]
fn earlier_or_later_today() {
    let at_noon = |text: &str| -> Vec<(String, String)> {
        let options = ExtractOptions {
            kinds: vec![EntityKind::DateTime],
            reference: Reference {
                local: reference().and_hms_opt(12, 0, 0).expect("noon exists"),
                ..Reference::at_date(reference())
            },
            ner_model: None,
        };
        extract(text, &options)
            .entities
            .iter()
            .map(|e| (e.span.slice(text).to_string(), value_text(&e.value)))
            .collect()
    };
    let cases = [
        (
            "قال الوزير في وقت سابق اليوم",
            "في وقت سابق اليوم",
            "2024-07-23T00:00:00+00:00/2024-07-23T12:00:00+00:00",
        ),
        (
            "he will speak later today",
            "later today",
            "2024-07-23T12:00:00+00:00/2024-07-24T00:00:00+00:00",
        ),
        (
            "في وقت لاحق من اليوم",
            "في وقت لاحق من اليوم",
            "2024-07-23T12:00:00+00:00/2024-07-24T00:00:00+00:00",
        ),
    ];
    for (text, span, value) in cases {
        assert_eq!(
            at_noon(text),
            vec![(span.to_string(), value.to_string())],
            "{text}"
        );
    }
}

/// The reference's day and month in a year named: `في مثل هذا اليوم من
/// عام 1948` (on this day in 1948), `this time last year` (reference:
/// Tuesday 23 July 2024).
#[test]
fn this_day_in_a_year_named() {
    check_all(&[
        (
            "في مثل هذا اليوم من عام 1948",
            &[("في مثل هذا اليوم من عام 1948", DateTime, "1948-07-23")],
        ),
        (
            "في مثل هذا الوقت من العام الماضي",
            &[("في مثل هذا الوقت من العام الماضي", DateTime, "2023-07-23")],
        ),
        // `ب` (in) for `في`.
        (
            "بمثل هذا اليوم من عام 1948",
            &[("بمثل هذا اليوم من عام 1948", DateTime, "1948-07-23")],
        ),
        (
            "prices rose compared with this time last year",
            &[("this time last year", DateTime, "2023-07-23")],
        ),
        (
            "on this day in 1948",
            &[("this day in 1948", DateTime, "1948-07-23")],
        ),
        // No year: the words alone say nothing of one.
        ("at this time, we wait", &[]),
    ]);
}

/// Times that repeat: `كل` or `every` before a unit, an amount, a weekday
/// or a part of a day; a frequency in one word; weekdays in the plural;
/// each with a time of day written after or before it.
#[test]
fn recurrences_are_rules_with_their_period() {
    check_all(&[
        ("نلتقي كل يوم", &[("كل يوم", Recurrence, "FREQ=DAILY P1D")]),
        (
            "تصدر المجلة شهريا وتوزع أسبوعيًا",
            &[
                ("شهريا", Recurrence, "FREQ=MONTHLY P1M"),
                ("أسبوعيًا", Recurrence, "FREQ=WEEKLY P1W"),
            ],
        ),
        (
            "تجرى الانتخابات كل أربع سنوات",
            &[("كل أربع سنوات", Recurrence, "FREQ=YEARLY;INTERVAL=4 P4Y")],
        ),
        (
            "يتناول الدواء كل ساعتين",
            &[("كل ساعتين", Recurrence, "FREQ=HOURLY;INTERVAL=2 PT2H")],
        ),
        (
            "تمر حافلة كل نصف ساعة",
            &[("كل نصف ساعة", Recurrence, "FREQ=MINUTELY;INTERVAL=30 PT30M")],
        ),
        (
            "يجتمع المجلس كل خميس",
            &[("كل خميس", Recurrence, "FREQ=WEEKLY;BYDAY=TH P1W")],
        ),
        (
            "وكل يوم سبت نذهب إلى السوق",
            &[("كل يوم سبت", Recurrence, "FREQ=WEEKLY;BYDAY=SA P1W")],
        ),
        (
            "السوق مفتوح أيام الخميس والجمعة",
            &[(
                "أيام الخميس والجمعة",
                Recurrence,
                "FREQ=WEEKLY;BYDAY=TH,FR P1W",
            )],
        ),
        (
            "يمشي كل مساء في الحديقة",
            &[("كل مساء", Recurrence, "FREQ=DAILY P1D 18-24")],
        ),
        (
            "يصلي فجر كل جمعة",
            &[("فجر كل جمعة", Recurrence, "FREQ=WEEKLY;BYDAY=FR P1W 3-6")],
        ),
        (
            "تنطلق الرحلة كل يوم أحد الساعة 10 صباحا",
            &[(
                "كل يوم أحد الساعة 10 صباحا",
                Recurrence,
                "FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;BYMINUTE=0 P1W",
            )],
        ),
        (
            "تغلق الأبواب الساعة 11:30 مساءً كل يوم",
            &[(
                "الساعة 11:30 مساءً كل يوم",
                Recurrence,
                "FREQ=DAILY;BYHOUR=23;BYMINUTE=30 P1D",
            )],
        ),
        // An hour of the clock in a part of the day after noon is its
        // afternoon or evening hour.
        (
            "يعود كل ليلة في 10",
            &[(
                "كل ليلة في 10",
                Recurrence,
                "FREQ=DAILY;BYHOUR=22;BYMINUTE=0 P1D 18-24",
            )],
        ),
        (
            "we meet every other Tuesday and report weekly",
            &[
                (
                    "every other Tuesday",
                    Recurrence,
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU P2W",
                ),
                ("weekly", Recurrence, "FREQ=WEEKLY P1W"),
            ],
        ),
        (
            "The shop opens at 8am daily and closes on Sundays and Mondays",
            &[
                (
                    "at 8am daily",
                    Recurrence,
                    "FREQ=DAILY;BYHOUR=8;BYMINUTE=0 P1D",
                ),
                (
                    "Sundays and Mondays",
                    Recurrence,
                    "FREQ=WEEKLY;BYDAY=SU,MO P1W",
                ),
            ],
        ),
        (
            "every 3 months, each morning at 7",
            &[
                ("every 3 months", Recurrence, "FREQ=MONTHLY;INTERVAL=3 P3M"),
                (
                    "each morning at 7",
                    Recurrence,
                    "FREQ=DAILY;BYHOUR=7;BYMINUTE=0 P1D 4-12",
                ),
            ],
        ),
    ]);
}

/// What only looks like a recurrence: `كل` before a word of a number
/// (everyone, every two), a rate (`لكل`), the whole of something (`ككل`),
/// a frequency word starting a name, and `كل` before the article.
#[test]
fn every_before_a_number_word_a_rate_or_a_name_is_no_recurrence() {
    check_all(&[
        ("لا يعرف كل أحد ذلك", &[]),
        (
            "يدفع عشرة دولارات لكل يوم",
            &[("عشرة دولارات", Money, "10 USD")],
        ),
        ("نظر إلى العام ككل", &[]),
        ("قرأ الخبر في the Daily Telegraph", &[]),
        (
            "قضى كل اليوم في البيت",
            &[("اليوم", DateTime, "2024-07-23")],
        ),
        ("each other", &[]),
    ]);
}

/// A schedule's hour without its period is the hour written whatever the
/// reference's time (a time alone is the next such hour after it), and the
/// zone written with the time is kept.
#[test]
fn a_recurrences_hour_is_as_written_with_its_zone() {
    let late_evening = |text: &str| -> Vec<(String, String, Option<Zone>)> {
        let options = ExtractOptions {
            kinds: vec![EntityKind::Recurrence],
            reference: Reference {
                local: reference().and_hms_opt(22, 0, 0).expect("22:00 exists"),
                ..Reference::at_date(reference())
            },
            ner_model: None,
        };
        extract(text, &options)
            .entities
            .iter()
            .map(|e| match &e.value {
                Value::Recurrence(r) => (e.span.slice(text).to_string(), r.rrule(), r.zone),
                other => panic!("a recurrence, not {other:?}"),
            })
            .collect()
    };
    assert_eq!(
        late_evening("يبث البرنامج يوميا في 8:30"),
        [(
            "يوميا في 8:30".to_string(),
            "FREQ=DAILY;BYHOUR=8;BYMINUTE=30".to_string(),
            None
        )]
    );
    assert_eq!(
        late_evening("الساعة 7:15 بتوقيت مكة كل يوم"),
        [(
            "الساعة 7:15 بتوقيت مكة كل يوم".to_string(),
            "FREQ=DAILY;BYHOUR=7;BYMINUTE=15".to_string(),
            Some(Zone::Fixed(3 * 3600))
        )]
    );
}

/// A day of the year after `كل` or `every`, before or after a yearly
/// recurrence, and a day of the month before a monthly one, is when the
/// recurrence falls; a date with its year is one day.
#[test]
fn recurrences_on_a_day_of_the_year_or_of_the_month() {
    check_all(&[
        (
            "يحتفلون كل 15 مارس",
            &[(
                "كل 15 مارس",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15 P1Y",
            )],
        ),
        (
            "every March 3",
            &[(
                "every March 3",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3 P1Y",
            )],
        ),
        (
            "تستحق كل 4/15",
            &[(
                "كل 4/15",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15 P1Y",
            )],
        ),
        (
            "كل 29 فبراير",
            &[(
                "كل 29 فبراير",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 P1Y",
            )],
        ),
        (
            "تحتفل به في 21 مارس من كل عام",
            &[(
                "21 مارس من كل عام",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=21 P1Y",
            )],
        ),
        (
            "يقام المهرجان 5 أغسطس كل سنة",
            &[(
                "5 أغسطس كل سنة",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=5 P1Y",
            )],
        ),
        (
            "كل عام في 15 مايو",
            &[(
                "كل عام في 15 مايو",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=15 P1Y",
            )],
        ),
        (
            "held every year on October 2",
            &[(
                "every year on October 2",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=2 P1Y",
            )],
        ),
        (
            "June 1st of each year",
            &[(
                "June 1st of each year",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1 P1Y",
            )],
        ),
        (
            "كل 10 مايو الساعة 9 صباحا",
            &[(
                "كل 10 مايو الساعة 9 صباحا",
                Recurrence,
                "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=10;BYHOUR=9;BYMINUTE=0 P1Y",
            )],
        ),
        (
            "تصرف الرواتب في 27 من كل شهر",
            &[("27 من كل شهر", Recurrence, "FREQ=MONTHLY;BYMONTHDAY=27 P1M")],
        ),
        (
            "في الخامس عشر من كل شهر",
            &[(
                "الخامس عشر من كل شهر",
                Recurrence,
                "FREQ=MONTHLY;BYMONTHDAY=15 P1M",
            )],
        ),
        (
            "due on the 1st of every month",
            &[(
                "1st of every month",
                Recurrence,
                "FREQ=MONTHLY;BYMONTHDAY=1 P1M",
            )],
        ),
        // A date with its year is one day; a number of every ten is no day.
        (
            "كل 15 مارس 2024",
            &[("15 مارس 2024", DateTime, "2024-03-15")],
        ),
        (
            "ثلاثة من كل عشرة",
            &[("ثلاثة", Number, "3"), ("عشرة", Number, "10")],
        ),
        (
            "40 من كل شهر",
            &[
                ("40", Number, "40"),
                ("كل شهر", Recurrence, "FREQ=MONTHLY P1M"),
            ],
        ),
    ]);
}

/// `اليوم` before an ordinal or a relational adjective is the day they
/// describe, not today; before a weekday, a direction or anything else,
/// today.
#[test]
fn the_day_described_after_it_is_not_today() {
    check_all(&[
        ("في اليوم الأول من المؤتمر", &[("الأول", Ordinal, "1")]),
        (
            "صبيحة اليوم التاسع عشر من الشهر",
            &[("التاسع عشر", Ordinal, "19")],
        ),
        ("احتفلوا باليوم العالمي للمسرح", &[]),
        ("في اليوم الوطني", &[]),
        (
            "تحل اليوم الذكرى الثلاثون",
            &[
                ("اليوم", DateTime, "2024-07-23"),
                ("الثلاثون", Ordinal, "30"),
            ],
        ),
        ("اليوم الحالي", &[("اليوم الحالي", DateTime, "2024-07-23")]),
        (
            "يعقد اليوم الثلاثاء",
            &[("اليوم الثلاثاء", DateTime, "2024-07-23")],
        ),
        ("وصل اليوم الرئيس", &[("اليوم", DateTime, "2024-07-23")]),
    ]);
}

/// Two bare hours with the part of the day said after the second, with
/// `في` or `in the`, are a range of times; bare digits alone before it,
/// or a range of counted things, are numbers.
#[test]
fn a_range_of_bare_hours_takes_the_part_of_the_day_said_after_it() {
    check_all(&[
        (
            "من 5 إلى 6 في المساء",
            &[(
                "من 5 إلى 6 في المساء",
                DateTime,
                "2024-07-23T17:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "تفتح من الساعة 8 إلى 11 في الصباح",
            &[(
                "من الساعة 8 إلى 11 في الصباح",
                DateTime,
                "2024-07-23T08:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        (
            "بين 9 و11 في الصباح",
            &[(
                "بين 9 و11 في الصباح",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        (
            "open from 5 to 6 in the evening",
            &[(
                "from 5 to 6 in the evening",
                DateTime,
                "2024-07-23T17:00:00+00:00/2024-07-23T19:00:00+00:00",
            )],
        ),
        (
            "between 9 and 11 in the morning",
            &[(
                "between 9 and 11 in the morning",
                DateTime,
                "2024-07-23T09:00:00+00:00/2024-07-23T12:00:00+00:00",
            )],
        ),
        ("أصيب 3 في الصباح", &[("3", Number, "3")]),
        (
            "من 5 إلى 7 أشخاص في المساء",
            &[("من 5 إلى 7", Number, "5-7")],
        ),
    ]);
}

/// Two numbers joined by a dash before an Arabic time, the first not below
/// the second or after a word of a match's result, are a match's score,
/// not a range of hours nor an hour, unless `من`, `بين` or `الساعة` before
/// them makes them one; a range that runs forward is a range, and English
/// `3-4pm` too.
#[test]
fn a_score_before_an_arabic_time_is_no_range_of_hours() {
    check_all(&[
        // A loser's score first, after the result's word and the team (was
        // 13:00 to 16:00).
        (
            "خسر الفريق 1-3 مساء أمس",
            &[
                ("1", Number, "1"),
                ("3", Number, "3"),
                (
                    "مساء أمس",
                    DateTime,
                    "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
                ),
            ],
        ),
        (
            "يفتح المتجر 1-3 مساء",
            &[(
                "1-3 مساء",
                DateTime,
                "2024-07-23T13:00:00+00:00/2024-07-23T16:00:00+00:00",
            )],
        ),
        (
            "فاز الفريق 3-1 مساء السبت",
            &[
                ("3", Number, "3"),
                ("1", Number, "1"),
                (
                    "مساء السبت",
                    DateTime,
                    "2024-07-20T18:00:00+00:00/2024-07-21T00:00:00+00:00",
                ),
            ],
        ),
        (
            "تعادلا 2 - 2 مساء أمس",
            &[
                ("2", Number, "2"),
                ("2", Number, "2"),
                (
                    "مساء أمس",
                    DateTime,
                    "2024-07-22T18:00:00+00:00/2024-07-23T00:00:00+00:00",
                ),
            ],
        ),
        (
            "فاز 1 - صفر مساء الجمعة",
            &[
                ("1", Number, "1"),
                ("صفر", Number, "0"),
                (
                    "مساء الجمعة",
                    DateTime,
                    "2024-07-19T18:00:00+00:00/2024-07-20T00:00:00+00:00",
                ),
            ],
        ),
        (
            "يفتح المعرض من 4 - 8 مساء",
            &[(
                "من 4 - 8 مساء",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-23T21:00:00+00:00",
            )],
        ),
        (
            "الساعة 4 - 8 مساء",
            &[(
                "الساعة 4 - 8 مساء",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-23T21:00:00+00:00",
            )],
        ),
        (
            "الخميس 9-11 صباحا",
            &[(
                "الخميس 9-11 صباحا",
                DateTime,
                "2024-07-25T09:00:00+00:00/2024-07-25T12:00:00+00:00",
            )],
        ),
        (
            "open 4-8pm",
            &[(
                "4-8pm",
                DateTime,
                "2024-07-23T16:00:00+00:00/2024-07-23T21:00:00+00:00",
            )],
        ),
    ]);
}

/// A day word after `و` or `ف`, and `الأمس` after `ب`, is that day, the
/// letter outside the span; `لليوم` and `باليوم` (for, by the day) are not.
#[test]
fn a_day_word_after_a_conjunction_or_bi_is_that_day() {
    check_all(&[
        ("واليوم يعيش الناس", &[("اليوم", DateTime, "2024-07-23")]),
        ("وأمس قال المتحدث", &[("أمس", DateTime, "2024-07-22")]),
        ("فغدا يبدأ العمل", &[("غدا", DateTime, "2024-07-24")]),
        ("ارتفع المنسوب بالأمس", &[("الأمس", DateTime, "2024-07-22")]),
        (
            "وأمس الأول قالت مصادر",
            &[("أمس الأول", DateTime, "2024-07-21")],
        ),
        ("لليوم الثاني", &[("الثاني", Ordinal, "2")]),
        ("يحتفلون باليوم كله", &[]),
        ("واليوم الأول من المؤتمر", &[("الأول", Ordinal, "1")]),
    ]);
}

/// A dash, slash or dot glued after the day of a written date separates
/// it from the month (and a second one from the year); a dot after a
/// number may end a sentence, so a date needs a year after it.
#[test]
fn a_written_date_with_separators_between_its_parts() {
    check_all(&[
        (
            "نشر في 12-مارس-2023",
            &[("12-مارس-2023", DateTime, "2023-03-12")],
        ),
        (
            "سأعود في 28-نوفمبر",
            &[("28-نوفمبر", DateTime, "2024-11-28")],
        ),
        (
            "يوم 2/ أكتوبر",
            &[("يوم 2/ أكتوبر", DateTime, "2024-10-02")],
        ),
        (
            "16. نوفمبر. 2016",
            &[("16. نوفمبر. 2016", DateTime, "2016-11-16")],
        ),
        ("قتل 12. مارس كان شهرا", &[("12", Number, "12")]),
        (
            "في 16 مارس. 2016 كان",
            &[
                ("16 مارس", DateTime, "2024-03-16"),
                ("2016", Number, "2016"),
            ],
        ),
        (
            "10-20 مارس",
            &[("10-20 مارس", DateTime, "2024-03-10/2024-03-21")],
        ),
    ]);
}

/// A count of times before a period says how many times a recurrence falls
/// in each (no rule says on which days); once is the plain recurrence; a
/// count before one named period (last week) or before no period is none.
#[test]
fn a_count_of_times_in_each_period() {
    check_all(&[
        (
            "يتناول الدواء مرتين في اليوم",
            &[("مرتين في اليوم", Recurrence, "2 times P1D")],
        ),
        (
            "تصدر ثلاث مرات أسبوعيا",
            &[("ثلاث مرات أسبوعيا", Recurrence, "3 times P1W")],
        ),
        (
            "يتدرب 4 مرات في الأسبوع",
            &[("4 مرات في الأسبوع", Recurrence, "4 times P1W")],
        ),
        (
            "تجتمع مرة واحدة في الشهر",
            &[("مرة واحدة في الشهر", Recurrence, "FREQ=MONTHLY P1M")],
        ),
        (
            "مرة كل أسبوعين",
            &[("مرة كل أسبوعين", Recurrence, "FREQ=WEEKLY;INTERVAL=2 P2W")],
        ),
        (
            "twice a week",
            &[("twice a week", Recurrence, "2 times P1W")],
        ),
        (
            "take it three times a day",
            &[("three times a day", Recurrence, "3 times P1D")],
        ),
        (
            "twice weekly",
            &[("twice weekly", Recurrence, "2 times P1W")],
        ),
        (
            "once a month",
            &[("once a month", Recurrence, "FREQ=MONTHLY P1M")],
        ),
        // Twice a year falls on more than the one day after it: the count
        // is kept and the day is a date of its own.
        (
            "يجتمع المجلس مرتين سنويا في 21 مارس",
            &[
                ("مرتين سنويا", Recurrence, "2 times P1Y"),
                ("21 مارس", DateTime, "2024-03-21"),
            ],
        ),
        // No count, one named period, or no period.
        ("عدة مرات في الأسبوع", &[]),
        (
            "زاره مرتين في العام الماضي",
            &[("العام الماضي", DateTime, "2023")],
        ),
        ("مرة أخرى", &[]),
        ("3 times larger", &[("3", Number, "3")]),
    ]);
}

/// A plural unit with no count after `في غضون` or `within` is a few of
/// them (three, as `بضعة`); not after `خلال` (during), nor before a noun or
/// `من`/`of`, which make it the days of something else.
#[test]
fn within_a_plural_unit_alone_is_within_a_few() {
    check_all(&[
        (
            "سيعلن في غضون أيام أن",
            &[(
                "في غضون أيام",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-26T00:00:00+00:00",
            )],
        ),
        (
            "في غضون ساعات قليلة",
            &[(
                "في غضون ساعات قليلة",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-07-23T03:00:00+00:00",
            )],
        ),
        (
            "within weeks, the plan",
            &[(
                "within weeks",
                DateTime,
                "2024-07-23T00:00:00+00:00/2024-08-13T00:00:00+00:00",
            )],
        ),
        ("خلال أيام المعرض", &[]),
        ("في غضون أيام العيد", &[]),
        ("within hours of the attack", &[]),
    ]);
}
