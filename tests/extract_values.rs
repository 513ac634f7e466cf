//! Extraction through the real server: resolved values of every kind, the
//! reference time and its source, the document's time zone, warnings, and
//! bad extraction options.

mod common;

use common::{document, TestServer};
use lisan::proto::v1 as pb;

/// 2024-07-23 00:00 UTC, a Tuesday.
fn tuesday() -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: 1_721_692_800,
        nanos: 0,
    }
}

async fn extract(
    client: &mut lisan::proto::v1::text_service_client::TextServiceClient<
        tonic::transport::Channel,
    >,
    doc: pb::Document,
) -> Result<pb::ExtractResponse, tonic::Status> {
    client
        .extract(pb::ExtractRequest {
            document: Some(doc),
            ..Default::default()
        })
        .await
        .map(|r| r.into_inner())
}

#[tokio::test]
async fn values_of_every_kind_come_resolved() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let text = "دفع عشرة آلاف يورو و 2 كغ من الذهب منذ ثلاث سنوات، اتصل على +966 50 123 4567 #غزة قبل عام 2011";
    let mut doc = document(text);
    doc.reference_time = Some(tuesday());
    let response = extract(&mut client, doc).await.unwrap();
    use pb::entity::Value as V;
    let got: Vec<(String, Option<V>)> = response
        .entities
        .into_iter()
        .map(|e| (e.text, e.value))
        .collect();
    let expected = vec![
        (
            "عشرة آلاف يورو".to_string(),
            Some(V::Money(pb::MoneyValue {
                amount: "10000".into(),
                currency: "EUR".into(),
                max_amount: String::new(),
                bound: pb::MoneyBound::Unspecified as i32,
            })),
        ),
        (
            "2 كغ من الذهب".to_string(),
            Some(V::Quantity(pb::QuantityValue {
                amount: "2".into(),
                unit: "kg".into(),
                dimension: pb::QuantityDimension::Mass as i32,
                base_amount: "2000".into(),
                product: "الذهب".into(),
                max_amount: String::new(),
                max_base_amount: String::new(),
                bound: pb::MoneyBound::Unspecified as i32,
            })),
        ),
        (
            "منذ ثلاث سنوات".to_string(),
            Some(V::DateTime(pb::DateTimeValue {
                value: "2021-07-23".into(),
                grain: pb::Grain::Day as i32,
                end: String::new(),
                anchor: pb::DateAnchor::ReferenceTime as i32,
                calendar: pb::CalendarSystem::Gregorian as i32,
                bound: pb::TimeBound::Unspecified as i32,
            })),
        ),
        (
            "+966 50 123 4567".to_string(),
            Some(V::PhoneNumber(pb::PhoneNumberValue {
                e164: "+966501234567".into(),
                national: "501234567".into(),
                extension: String::new(),
            })),
        ),
        ("#غزة".to_string(), Some(V::Tag("غزة".into()))),
        // Before 2011: the year, bounded.
        (
            "قبل عام 2011".to_string(),
            Some(V::DateTime(pb::DateTimeValue {
                value: "2011".into(),
                grain: pb::Grain::Year as i32,
                end: String::new(),
                anchor: pb::DateAnchor::Absolute as i32,
                calendar: pb::CalendarSystem::Gregorian as i32,
                bound: pb::TimeBound::Before as i32,
            })),
        ),
    ];
    assert_eq!(got, expected);
    assert_eq!(
        response.reference_time_source,
        pb::ReferenceTimeSource::Request as i32
    );
    server.stop().await;
}

#[tokio::test]
async fn times_resolve_in_the_document_zone_unless_the_text_names_one() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let mut doc = document("الاجتماع الساعة 10:30 صباحا والبث 8 مساء بتوقيت غرينتش");
    doc.reference_time = Some(tuesday());
    doc.time_zone = "+03:00".into();
    let response = extract(&mut client, doc).await.unwrap();
    let values: Vec<String> = response
        .entities
        .iter()
        .map(|e| match &e.value {
            Some(pb::entity::Value::DateTime(d)) => d.value.clone(),
            other => panic!("expected a time, got {other:?}"),
        })
        .collect();
    // 00:00 UTC is 03:00 at +03:00, still 23 July there.
    assert_eq!(
        values,
        ["2024-07-23T10:30:00+03:00", "2024-07-23T20:00:00+00:00"]
    );
    server.stop().await;
}

#[tokio::test]
async fn the_publication_date_anchors_relative_dates_without_a_reference() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let doc = document("نشر في 23 يوليو 2024\nوقال الوزير إن الشهر المقبل سيشهد الافتتاح");
    let response = extract(&mut client, doc).await.unwrap();
    assert_eq!(
        response.reference_time_source,
        pb::ReferenceTimeSource::Document as i32
    );
    assert_eq!(response.reference_time, Some(tuesday()));
    let next_month = response
        .entities
        .iter()
        .find(|e| e.text == "الشهر المقبل")
        .expect("the relative month is found");
    match &next_month.value {
        Some(pb::entity::Value::DateTime(d)) => assert_eq!(d.value, "2024-08"),
        other => panic!("expected a month, got {other:?}"),
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_dates_and_numbers_are_warned_about_never_wrong() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let digits = "9".repeat(10_000);
    let mut doc = document(&format!("في 31 فبراير 2024 بلغ العدد {digits}"));
    doc.reference_time = Some(tuesday());
    let response = extract(&mut client, doc).await.unwrap();
    let reasons: Vec<&str> = response
        .warnings
        .iter()
        .map(|w| w.reason.as_str())
        .collect();
    assert_eq!(reasons, ["impossible_date", "number_beyond_double"]);
    assert_eq!(response.entities.len(), 1);
    match &response.entities[0].value {
        Some(pb::entity::Value::Number(n)) => assert_eq!(n.decimal, digits),
        other => panic!("expected the number, got {other:?}"),
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_entity_types_and_zones_are_invalid_arguments() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let status = client
        .extract(pb::ExtractRequest {
            document: Some(document("x")),
            entity_types: vec![pb::EntityType::Money as i32, 99],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    assert!(
        status.message().contains("entity_types[1]"),
        "{}",
        status.message()
    );

    let mut doc = document("x");
    doc.time_zone = "Mars/Olympus".into();
    let status = extract(&mut client, doc).await.unwrap_err();
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    assert!(
        status.message().contains("document.time_zone"),
        "{}",
        status.message()
    );
    server.stop().await;
}

/// The values of the date and time entities of `text`, resolved in `zone`
/// with `reference` as the reference time.
async fn date_values(text: &str, zone: &str, reference: prost_types::Timestamp) -> Vec<String> {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let mut doc = document(text);
    doc.reference_time = Some(reference);
    doc.time_zone = zone.into();
    let response = extract(&mut client, doc).await.unwrap();
    server.stop().await;
    response
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            Some(pb::entity::Value::DateTime(d)) => Some(d.value.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn iana_zones_take_the_offset_of_each_date() {
    // New York is at -04:00 in July (daylight saving) and -05:00 in January.
    let text = "الموعد الساعة 10:30 صباحا يوم 15 يناير 2025";
    assert_eq!(
        date_values("الساعة 10:30 صباحا", "America/New_York", tuesday()).await,
        ["2024-07-22T10:30:00-04:00"],
        "00:00 UTC on the 23rd is the evening of the 22nd in New York"
    );
    // The time and the date written after it are one value, in January.
    assert_eq!(
        date_values(text, "America/New_York", tuesday()).await,
        ["2025-01-15T10:30:00-05:00"]
    );
    let january = prost_types::Timestamp {
        seconds: 1_736_942_400, // 2025-01-15 12:00 UTC
        nanos: 0,
    };
    assert_eq!(
        date_values("الساعة 10:30 صباحا", "America/New_York", january).await,
        ["2025-01-15T10:30:00-05:00"]
    );
}

#[tokio::test]
async fn hijri_dates_use_umm_al_qura_inside_its_table() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let mut doc = document("بدأ العام الهجري في 1 محرم 1446 هـ، وكتب المؤرخ عن 1 محرم 1300 هـ");
    doc.reference_time = Some(tuesday());
    let response = extract(&mut client, doc).await.unwrap();
    let got: Vec<(String, i32)> = response
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            Some(pb::entity::Value::DateTime(d)) => Some((d.value.clone(), d.calendar)),
            _ => None,
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    // Saudi Arabia's calendar began 1446 on Sunday 7 July 2024.
    assert_eq!(
        got[0],
        (
            "2024-07-07".to_string(),
            pb::CalendarSystem::IslamicUmmAlQura as i32
        )
    );
    // 1300 AH predates the table: the arithmetic calendar, and it says so.
    assert_eq!(got[1].1, pb::CalendarSystem::IslamicTabular as i32);
    assert!(got[1].0.starts_with("1882-11-"), "{got:?}");
    server.stop().await;
}

#[tokio::test]
async fn quantity_ranges_bounds_areas_and_speeds_reach_the_client() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let doc = document(
        "تتراوح الحرارة بين 20 و25 درجة مئوية على مسافة أكثر من 5 كيلومترات في حديقة مساحتها 3 هكتارات وتهب رياح بسرعة 30 كم/س",
    );
    let response = extract(&mut client, doc).await.unwrap();
    let quantities: Vec<(String, pb::QuantityValue)> = response
        .entities
        .into_iter()
        .filter_map(|e| match e.value {
            Some(pb::entity::Value::Quantity(q)) => Some((e.text, q)),
            _ => None,
        })
        .collect();
    let expected = vec![
        (
            "بين 20 و25 درجة مئوية".to_string(),
            pb::QuantityValue {
                amount: "20".into(),
                unit: "°C".into(),
                dimension: pb::QuantityDimension::Temperature as i32,
                base_amount: "20".into(),
                product: String::new(),
                max_amount: "25".into(),
                max_base_amount: "25".into(),
                bound: pb::MoneyBound::Unspecified as i32,
            },
        ),
        (
            "أكثر من 5 كيلومترات".to_string(),
            pb::QuantityValue {
                amount: "5".into(),
                unit: "km".into(),
                dimension: pb::QuantityDimension::Length as i32,
                base_amount: "5000".into(),
                product: String::new(),
                max_amount: String::new(),
                max_base_amount: String::new(),
                bound: pb::MoneyBound::AtLeast as i32,
            },
        ),
        (
            "3 هكتارات".to_string(),
            pb::QuantityValue {
                amount: "3".into(),
                unit: "ha".into(),
                dimension: pb::QuantityDimension::Area as i32,
                base_amount: "30000".into(),
                product: String::new(),
                max_amount: String::new(),
                max_base_amount: String::new(),
                bound: pb::MoneyBound::Unspecified as i32,
            },
        ),
        (
            "30 كم/س".to_string(),
            pb::QuantityValue {
                amount: "30".into(),
                unit: "km/h".into(),
                dimension: pb::QuantityDimension::Speed as i32,
                base_amount: "30".into(),
                product: String::new(),
                max_amount: String::new(),
                max_base_amount: String::new(),
                bound: pb::MoneyBound::Unspecified as i32,
            },
        ),
    ];
    assert_eq!(quantities, expected);
    server.stop().await;
}

#[tokio::test]
async fn number_ranges_bounds_and_fractions_reach_the_client() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let doc = document(
        "قتل ما بين 20 و30 ألف شخص، وأصيب أكثر من 100، ونزح نحو 50% من السكان، وصوّت ثلثا الأعضاء",
    );
    let response = extract(&mut client, doc).await.unwrap();
    let numbers: Vec<(String, i32, pb::NumberValue)> = response
        .entities
        .into_iter()
        .filter_map(|e| match e.value {
            Some(pb::entity::Value::Number(n)) => Some((e.text, e.r#type, n)),
            _ => None,
        })
        .collect();
    let number = |decimal: &str, max: &str, bound: pb::MoneyBound| pb::NumberValue {
        decimal: decimal.into(),
        value: decimal.parse().unwrap_or_default(),
        max_decimal: max.into(),
        max_value: if max.is_empty() {
            0.0
        } else {
            max.parse().unwrap()
        },
        bound: bound as i32,
        fraction: None,
    };
    let expected = vec![
        (
            "بين 20 و30 ألف".to_string(),
            pb::EntityType::Number as i32,
            number("20000", "30000", pb::MoneyBound::Unspecified),
        ),
        (
            "أكثر من 100".to_string(),
            pb::EntityType::Number as i32,
            number("100", "", pb::MoneyBound::AtLeast),
        ),
        (
            "نحو 50%".to_string(),
            pb::EntityType::Percent as i32,
            number("50", "", pb::MoneyBound::About),
        ),
        // Two thirds: no decimal writes it, so its exact fraction.
        (
            "ثلثا".to_string(),
            pb::EntityType::Number as i32,
            pb::NumberValue {
                value: 2.0 / 3.0,
                fraction: Some(pb::Fraction {
                    numerator: 2,
                    denominator: 3,
                }),
                ..number("", "", pb::MoneyBound::Unspecified)
            },
        ),
    ];
    assert_eq!(numbers, expected);
    server.stop().await;
}

#[tokio::test]
async fn recurrences_reach_the_client_as_rules() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let response = client
        .extract(pb::ExtractRequest {
            document: Some(document(
                "تنعقد الجلسة كل يوم اثنين الساعة 9:30 صباحا، ويمشي كل مساء، وتصدر كل ثلاثة أسابيع، ويحتفل في 21 مارس من كل عام، ويقبض في 27 من كل شهر، ويتدرب مرتين في الأسبوع",
            )),
            entity_types: vec![pb::EntityType::Recurrence as i32],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let got: Vec<(String, Option<pb::entity::Value>)> = response
        .entities
        .into_iter()
        .map(|e| (e.text, e.value))
        .collect();
    let recurrence = |text: &str, value: pb::RecurrenceValue| {
        (text.to_string(), Some(pb::entity::Value::Recurrence(value)))
    };
    let expected = vec![
        recurrence(
            "كل يوم اثنين الساعة 9:30 صباحا",
            pb::RecurrenceValue {
                rrule: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=30".into(),
                period: "P1W".into(),
                unit: pb::TimeUnit::Week as i32,
                interval: 1,
                weekdays: vec![1],
                time_of_day: "09:30".into(),
                ..Default::default()
            },
        ),
        recurrence(
            "كل مساء",
            pb::RecurrenceValue {
                rrule: "FREQ=DAILY".into(),
                period: "P1D".into(),
                unit: pb::TimeUnit::Day as i32,
                interval: 1,
                day_part_start_hour: 18,
                day_part_end_hour: 24,
                ..Default::default()
            },
        ),
        recurrence(
            "كل ثلاثة أسابيع",
            pb::RecurrenceValue {
                rrule: "FREQ=WEEKLY;INTERVAL=3".into(),
                period: "P3W".into(),
                unit: pb::TimeUnit::Week as i32,
                interval: 3,
                ..Default::default()
            },
        ),
        recurrence(
            "21 مارس من كل عام",
            pb::RecurrenceValue {
                rrule: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=21".into(),
                period: "P1Y".into(),
                unit: pb::TimeUnit::Year as i32,
                interval: 1,
                month: 3,
                month_day: 21,
                ..Default::default()
            },
        ),
        recurrence(
            "27 من كل شهر",
            pb::RecurrenceValue {
                rrule: "FREQ=MONTHLY;BYMONTHDAY=27".into(),
                period: "P1M".into(),
                unit: pb::TimeUnit::Month as i32,
                interval: 1,
                month_day: 27,
                ..Default::default()
            },
        ),
        recurrence(
            "مرتين في الأسبوع",
            pb::RecurrenceValue {
                period: "P1W".into(),
                unit: pb::TimeUnit::Week as i32,
                interval: 1,
                times: 2,
                ..Default::default()
            },
        ),
    ];
    assert_eq!(got, expected);
    server.stop().await;
}
