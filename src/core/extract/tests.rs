//! Table-driven tests of extraction.

use super::*;

fn reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 23).unwrap()
}

/// Extracts from `text` and compares (text, kind, value) of every entity.
fn check(text: &str, expected: &[(&str, EntityKind, &str)]) {
    let options = ExtractOptions {
        kinds: vec![],
        reference: Reference::at_date(reference()),
    };
    let found: Vec<(&str, EntityKind, String)> = extract(text, &options)
        .entities
        .iter()
        .map(|e| (e.span.slice(text), e.kind, value_text(&e.value)))
        .collect();
    let expected: Vec<(&str, EntityKind, String)> = expected
        .iter()
        .map(|&(t, k, v)| (t, k, v.to_string()))
        .collect();
    assert_eq!(found, expected, "entities of {text:?}");
}

/// A value as one string: dates as `iso` or `iso/end`, numbers as their
/// decimal, money as `amount CODE`, quantities as `amount unit (base)`,
/// durations as ISO 8601, phones as E.164 or national digits.
fn value_text(value: &Value) -> String {
    match value {
        Value::DateTime(t) => match &t.end {
            Some(end) => format!("{}/{end}", t.iso),
            None => t.iso.clone(),
        },
        Value::Number { decimal, .. } => decimal.clone(),
        Value::Money { amount, currency } => format!("{amount} {currency}"),
        Value::Duration(d) => d.iso.clone(),
        Value::Quantity(q) => format!("{} {}", q.base_amount, q.unit),
        Value::Phone(p) => p.e164.clone().unwrap_or_else(|| p.national.clone()),
        Value::Link(link) | Value::Tag(link) => link.clone(),
    }
}

use EntityKind::*;

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
    check("يوم ٢٣ تموز", &[("٢٣ تموز", DateTime, "2024-07-23")]);
    check(
        "on July 4, 1776 they",
        &[("July 4, 1776", DateTime, "1776-07-04")],
    );
    check(
        "في يوليو/تموز الجاري",
        &[("يوليو/تموز", DateTime, "2024-07")],
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
fn dates_with_digits_and_years() {
    check(
        "2024-07-23 و٢٣/٧/٢٠٢٤",
        &[
            ("2024-07-23", DateTime, "2024-07-23"),
            ("٢٣/٧/٢٠٢٤", DateTime, "2024-07-23"),
        ],
    );
    check("في عام 2022، كما", &[("عام 2022", DateTime, "2022")]);
    check("وقبل العام 2011", &[("العام 2011", DateTime, "2011")]);
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
    check("الساعة 10:30", &[]);
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
        },
    )
    .entities;
    assert_eq!(found.len(), 1);
    match &found[0].value {
        Value::Number { decimal, .. } => assert_eq!(decimal, &digits),
        other => panic!("expected a number, got {other:?}"),
    }
}
