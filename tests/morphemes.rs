//! Arabic clitics and glued headings through the real server.

mod common;

use common::{document, slice, TestServer};
use lisan::proto::v1 as pb;

async fn segment(
    text: &str,
    unit: pb::OffsetUnit,
    convention: pb::CliticConvention,
) -> pb::SegmentResponse {
    let server = TestServer::start_default().await;
    let response = server
        .client()
        .segment(pb::SegmentRequest {
            document: Some(document(text)),
            offset_unit: unit as i32,
            levels: vec![
                pb::SegmentLevel::Sentence as i32,
                pb::SegmentLevel::Morpheme as i32,
            ],
            clitic_convention: convention as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    server.stop().await;
    response
}

#[tokio::test]
async fn morphemes_point_into_the_callers_text_in_every_unit() {
    let text = "😀 وَبِالحكومةِ قالوا كتابهم للمدرسة.";
    for unit in [
        pb::OffsetUnit::Utf8Byte,
        pb::OffsetUnit::Utf16CodeUnit,
        pb::OffsetUnit::CodePoint,
    ] {
        let response = segment(text, unit, pb::CliticConvention::Unspecified).await;
        let pieces: Vec<Vec<String>> = response
            .tokens
            .iter()
            .map(|t| {
                t.morphemes
                    .iter()
                    .map(|m| slice(text, m.span.as_ref().unwrap(), unit))
                    .collect()
            })
            .collect();
        assert_eq!(pieces[1], ["وَ", "بِ", "الحكومةِ"], "{unit:?}");
        assert_eq!(pieces[3], ["كتاب", "هم"], "{unit:?}");
        assert_eq!(pieces[4], ["ل", "لمدرسة"], "{unit:?}");
        for token in &response.tokens {
            let joined: String = token
                .morphemes
                .iter()
                .map(|m| slice(text, m.span.as_ref().unwrap(), unit))
                .collect();
            assert_eq!(joined, token.text, "morphemes cover their token");
        }
        let forms: Vec<&str> = response.tokens[4]
            .morphemes
            .iter()
            .map(|m| m.form.as_str())
            .collect();
        assert_eq!(forms, ["ل", "المدرسة"]);
        assert_eq!(response.tokens[1].language, "ar");
        assert_eq!(
            response.tokens[0].language, "",
            "an emoji has no Arabic-script language"
        );
    }
}

#[tokio::test]
async fn the_article_is_a_morpheme_when_asked() {
    let response = segment(
        "بالحكومة",
        pb::OffsetUnit::Utf8Byte,
        pb::CliticConvention::SeparateArticle,
    )
    .await;
    let roles: Vec<(String, pb::MorphemeRole)> = response.tokens[0]
        .morphemes
        .iter()
        .map(|m| (m.form.clone(), m.role()))
        .collect();
    assert_eq!(
        roles,
        [
            ("ب".to_string(), pb::MorphemeRole::Proclitic),
            ("ال".to_string(), pb::MorphemeRole::Article),
            ("حكومة".to_string(), pb::MorphemeRole::Stem),
        ]
    );
}

#[tokio::test]
async fn morphemes_only_come_when_asked_for() {
    let server = TestServer::start_default().await;
    let response = server
        .client()
        .segment(pb::SegmentRequest {
            document: Some(document("وبالحكومة")),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.tokens.len(), 1);
    assert!(response.tokens[0].morphemes.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn a_glued_heading_is_reported_with_its_split_point() {
    let text =
        "قال الوزير إن المحادثات ستستمر.\nموقف واضحيذكر أن الحكومة أعلنت عن خطة جديدة للتعليم.";
    let response = segment(
        text,
        pb::OffsetUnit::Utf8Byte,
        pb::CliticConvention::Unspecified,
    )
    .await;
    let sentences: Vec<&str> = response.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(sentences[1], "موقف واضح");
    assert_eq!(response.sentences[1].end(), pb::SentenceEnd::GluedHeading);
    assert!(response.sentences[1].confidence > 0.0 && response.sentences[1].confidence < 1.0);
    assert_eq!(response.sentences[0].end(), pb::SentenceEnd::Punctuation);
    let split = response.sentences[1].span.unwrap().end as usize;
    assert!(text[split..].starts_with("يذكر"));
    assert!(
        response.tokens.iter().any(|t| t.text == "يذكر"),
        "the glued word is two tokens"
    );
}

#[tokio::test]
async fn an_unknown_clitic_convention_names_its_field() {
    let server = TestServer::start_default().await;
    let err = server
        .client()
        .segment(pb::SegmentRequest {
            document: Some(document("نص")),
            clitic_convention: 9,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(
        err.message().contains("clitic_convention"),
        "{}",
        err.message()
    );
    server.stop().await;
}
