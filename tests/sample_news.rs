//! The real scraped Arabic news page from `../shared/samples`, when present:
//! all four RPCs give sensible, offset-exact results on it.

mod common;

use common::{shared_file, slice, TestServer};
use lisan::proto::v1 as pb;

fn sample() -> Option<pb::Document> {
    let path = shared_file("samples/news_ar_scraped.txt")?;
    Some(pb::Document {
        id: "news".into(),
        text: std::fs::read_to_string(path).unwrap(),
        reference_time: Some(prost_types::Timestamp {
            seconds: 1_721_692_800, // 2024-07-23
            nanos: 0,
        }),
        ..Default::default()
    })
}

#[tokio::test]
async fn the_scraped_page_is_processed_sensibly() {
    let Some(doc) = sample() else { return };
    let text = doc.text.clone();
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let unit = pb::OffsetUnit::Utf16CodeUnit;

    let normalized = client
        .normalize(pb::NormalizeRequest {
            document: Some(doc.clone()),
            offset_unit: unit as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let rebuilt: String = normalized
        .alignment
        .iter()
        .map(|s| slice(&text, s.input.as_ref().unwrap(), unit))
        .collect();
    assert_eq!(rebuilt, text, "the alignment covers the page");

    let seg = client
        .segment(pb::SegmentRequest {
            document: Some(doc.clone()),
            offset_unit: unit as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.text.as_str()).collect();
    let first_line = text.lines().next().unwrap();
    assert_eq!(
        sentences[0], first_line,
        "the headline is a sentence of its own"
    );
    assert!(
        sentences[1].starts_with("تاريخ النشر:"),
        "the date line is its own sentence: {:?}",
        sentences[1]
    );
    for label in ["المصدر: الجزيرة", "إقرأ أيضاً:"] {
        assert!(
            sentences.contains(&label),
            "{label} should be its own sentence"
        );
    }
    let wrapped = sentences.iter().find(|s| s.contains("مطالبين")).unwrap();
    assert!(
        wrapped.contains("مطالبين\nالقوة"),
        "a hard-wrapped line does not end a sentence"
    );
    for s in &seg.sentences {
        assert_eq!(slice(&text, s.span.as_ref().unwrap(), unit), s.text);
    }
    for t in &seg.tokens {
        assert_eq!(slice(&text, t.span.as_ref().unwrap(), unit), t.text);
    }
    let persian_yeh = seg
        .tokens
        .iter()
        .find(|t| t.text == "بین")
        .expect("the Persian-yeh word is one token");
    assert_eq!(persian_yeh.script, "Arab");

    let entities = client
        .extract(pb::ExtractRequest {
            document: Some(doc.clone()),
            offset_unit: unit as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .entities;
    let dates: Vec<(&str, String)> = entities
        .iter()
        .filter_map(|e| match &e.value {
            Some(pb::entity::Value::DateTime(d)) => Some((e.text.as_str(), d.value.clone())),
            _ => None,
        })
        .collect();
    for (surface, value) in [
        ("23rd, July 2024", "2024-07-23"),
        ("اليوم الثلاثاء", "2024-07-23"),
        ("الشهر المقبل", "2024-08"),
        ("أغسطس/آب المقبل", "2024-08"),
        ("يوليو/تموز الجاري", "2024-07"),
        ("عام 2022", "2022"),
        ("قبل عام 2011", "2011"),
        ("مارس/آذار 2012", "2012-03"),
    ] {
        assert!(
            dates.contains(&(surface, value.to_string())),
            "{surface} = {value} not among {dates:?}"
        );
    }
    for e in &entities {
        assert_eq!(slice(&text, e.span.as_ref().unwrap(), unit), e.text);
    }

    let analysis = client
        .analyze(pb::AnalyzeRequest {
            document: Some(doc),
            options: None,
        })
        .await
        .unwrap()
        .into_inner()
        .analysis
        .unwrap();
    assert_eq!(
        analysis.segmentation.unwrap().sentences.len(),
        seg.sentences.len()
    );
    assert_eq!(analysis.extraction.unwrap().entities.len(), entities.len());
    server.stop().await;
}
