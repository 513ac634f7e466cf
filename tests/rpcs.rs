//! Every RPC through the generated Rust client against the real server.

mod common;

use common::{document, TestServer};
use lisan::proto::v1 as pb;
use tokio_stream::StreamExt;

fn search() -> Option<pb::NormalizeOptions> {
    Some(pb::NormalizeOptions {
        profile: pb::NormalizationProfile::Search as i32,
        ..Default::default()
    })
}

#[tokio::test]
async fn normalize_applies_the_profile_and_explicit_overrides() {
    let server = TestServer::start_default().await;
    let mut client = server.client();

    let default = client
        .normalize(pb::NormalizeRequest {
            document: Some(document("مُحَمَّد\u{200B} e\u{0301}")),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        default.text, "مُحَمَّد é",
        "the default profile is lossless NFC + cleanup"
    );

    let folded = client
        .normalize(pb::NormalizeRequest {
            document: Some(document("مُحَمَّد  إلى المدرسة ٣")),
            options: search(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(folded.text, "محمد الي المدرسه 3");
    assert!(folded.alignment.iter().any(|s| s.edited));

    let mut keep_teh_marbuta = search().unwrap();
    keep_teh_marbuta.fold_teh_marbuta = Some(false);
    let overridden = client
        .normalize(pb::NormalizeRequest {
            document: Some(document("المدرسة")),
            options: Some(keep_teh_marbuta),
            omit_alignment: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(overridden.text, "المدرسة");
    assert!(
        overridden.alignment.is_empty(),
        "omit_alignment leaves it out"
    );
    server.stop().await;
}

#[tokio::test]
async fn normalize_reports_the_language_detected_or_hinted() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let ask = |text: &str, hint: &str| pb::NormalizeRequest {
        document: Some(pb::Document {
            text: text.into(),
            language_code: hint.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let persian = client
        .normalize(ask(
            "من می‌خواهم امروز به کتابخانه بروم و چند کتاب جدید بخرم",
            "",
        ))
        .await
        .unwrap()
        .into_inner()
        .language
        .unwrap();
    assert_eq!(persian.language_code, "fa");
    assert!(persian.confidence > 0.0 && persian.confidence <= 1.0);
    let hinted = client
        .normalize(ask("نص", "ar-EG"))
        .await
        .unwrap()
        .into_inner()
        .language
        .unwrap();
    assert_eq!(
        (hinted.language_code.as_str(), hinted.confidence),
        ("ar-EG", 1.0)
    );
    let err = client.normalize(ask("نص", "not a tag!")).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    server.stop().await;
}

#[tokio::test]
async fn every_profile_and_option_is_reachable_through_the_proto() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let run = |options: pb::NormalizeOptions, text: &str| pb::NormalizeRequest {
        document: Some(document(text)),
        options: Some(options),
        omit_alignment: true,
        ..Default::default()
    };
    let cases = [
        (
            pb::NormalizationProfile::Display,
            "ﻷ  سطر\nملفوف\n\nفقرة",
            "لأ سطر ملفوف\n\nفقرة",
        ),
        (
            pb::NormalizationProfile::Ml,
            "“نصٌّ” — ١٢\nسطر",
            "\"نص\" - 12 سطر",
        ),
        (
            pb::NormalizationProfile::None,
            "  ﻷ \u{200B}",
            "  ﻷ \u{200B}",
        ),
    ];
    for (profile, input, expected) in cases {
        let options = pb::NormalizeOptions {
            profile: profile as i32,
            ..Default::default()
        };
        let text = client
            .normalize(run(options, input))
            .await
            .unwrap()
            .into_inner()
            .text;
        assert_eq!(text, expected, "{profile:?}");
    }
    let explicit = pb::NormalizeOptions {
        profile: pb::NormalizationProfile::None as i32,
        whitespace: pb::WhitespaceMode::SingleLine as i32,
        letter_variants: pb::LetterVariants::ToPersian as i32,
        digits: pb::DigitStyle::ExtendedArabicIndic as i32,
        fold_hamza_carriers: Some(true),
        fold_arabic_punctuation: Some(true),
        case_fold: Some(true),
        strip_accents: Some(true),
        ..Default::default()
    };
    let text = client
        .normalize(run(explicit, "كتاب مسؤول 12،\nÉté"))
        .await
        .unwrap()
        .into_inner()
        .text;
    assert_eq!(text, "کتاب مسوول ۱۲, ete");
    let err = client
        .normalize(run(
            pb::NormalizeOptions {
                whitespace: 99,
                ..Default::default()
            },
            "x",
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    assert!(err.message().contains("options.whitespace"));
    server.stop().await;
}

#[tokio::test]
async fn segment_returns_the_requested_levels() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let text = "العنوان\nهذه جملة أولى. وهذه ثانية؟\n\nفقرة ثانية.";
    let response = client
        .segment(pb::SegmentRequest {
            document: Some(document(text)),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let sentences: Vec<&str> = response.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        sentences,
        ["العنوان", "هذه جملة أولى.", "وهذه ثانية؟", "فقرة ثانية."]
    );
    assert_eq!(response.paragraphs.len(), 2);
    assert_eq!(response.sentences[3].paragraph_index, 1);
    let first = &response.tokens[0];
    assert_eq!(
        (first.text.as_str(), first.script.as_str()),
        ("العنوان", "Arab")
    );
    assert_eq!(first.kind, pb::TokenKind::Word as i32);
    let question = response.tokens.iter().find(|t| t.text == "؟").unwrap();
    assert_eq!(question.kind, pb::TokenKind::Punctuation as i32);
    assert_eq!(question.sentence_index, 2);

    let only_sentences = client
        .segment(pb::SegmentRequest {
            document: Some(document(text)),
            levels: vec![pb::SegmentLevel::Sentence as i32],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(only_sentences.sentences.len(), 4);
    assert!(only_sentences.tokens.is_empty() && only_sentences.paragraphs.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn extract_resolves_values_and_filters_types() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let text = "في مارس/آذار 2012 ارتفعت الأسعار ٣٫٥٪ وبلغ العدد ١٢٬٥٠٠ https://example.com";
    let response = client
        .extract(pb::ExtractRequest {
            document: Some(document(text)),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let summary: Vec<(i32, &str)> = response
        .entities
        .iter()
        .map(|e| (e.r#type, e.text.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (pb::EntityType::DateTime as i32, "مارس/آذار 2012"),
            (pb::EntityType::Percent as i32, "٣٫٥٪"),
            (pb::EntityType::Number as i32, "١٢٬٥٠٠"),
            (pb::EntityType::Url as i32, "https://example.com"),
        ]
    );
    match &response.entities[0].value {
        Some(pb::entity::Value::DateTime(d)) => {
            assert_eq!(d.value, "2012-03");
            assert_eq!(d.grain, pb::Grain::Month as i32);
        }
        other => panic!("expected a date value, got {other:?}"),
    }
    match &response.entities[2].value {
        Some(pb::entity::Value::Number(n)) => {
            assert_eq!((n.decimal.as_str(), n.value), ("12500", 12500.0))
        }
        other => panic!("expected a number value, got {other:?}"),
    }

    let urls = client
        .extract(pb::ExtractRequest {
            document: Some(document(text)),
            entity_types: vec![pb::EntityType::Url as i32],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(urls.entities.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn year_less_dates_resolve_against_the_reference_time() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let mut doc = document("وصل في 15 آب");
    doc.reference_time = Some(prost_types::Timestamp {
        seconds: 1_420_070_400, // 2015-01-01
        nanos: 0,
    });
    let response = client
        .extract(pb::ExtractRequest {
            document: Some(doc),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    match &response.entities[0].value {
        Some(pb::entity::Value::DateTime(d)) => assert_eq!(d.value, "2015-08-15"),
        other => panic!("expected a date, got {other:?}"),
    }
    server.stop().await;
}

#[tokio::test]
async fn analyze_runs_only_the_chosen_features() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let all = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document("اليوم 23 يوليو 2024.")),
            options: None,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(all.document_id, "doc-1");
    let analysis = all.analysis.unwrap();
    assert!(
        analysis.normalization.is_some()
            && analysis.segmentation.is_some()
            && analysis.extraction.is_some()
    );

    let only_extract = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document("اليوم 23 يوليو 2024.")),
            options: Some(pb::AnalyzeOptions {
                features: Some(pb::AnalyzeFeatures {
                    extract: true,
                    ..Default::default()
                }),
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner()
        .analysis
        .unwrap();
    assert!(only_extract.normalization.is_none() && only_extract.segmentation.is_none());
    assert_eq!(
        only_extract.extraction.unwrap().entities[0].text,
        "اليوم 23 يوليو 2024"
    );
    server.stop().await;
}

#[tokio::test]
async fn analyze_stream_answers_in_order_with_ids() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let requests: Vec<pb::AnalyzeStreamRequest> = (0..50)
        .map(|i| pb::AnalyzeStreamRequest {
            document: Some(pb::Document {
                id: format!("d{i}"),
                text: format!("الوثيقة رقم {i}. ").repeat(1 + (i % 7) * 40),
                ..Default::default()
            }),
            options: None,
        })
        .collect();
    let mut responses = client
        .analyze_stream(tokio_stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    let mut seen = 0;
    while let Some(item) = responses.next().await {
        let item = item.unwrap();
        assert_eq!(item.index, seen);
        assert_eq!(item.document_id, format!("d{seen}"));
        assert!(matches!(
            item.outcome,
            Some(pb::analyze_stream_response::Outcome::Analysis(_))
        ));
        seen += 1;
    }
    assert_eq!(seen, 50);
    server.stop().await;
}

#[tokio::test]
async fn service_info_describes_limits_and_capabilities() {
    let server = TestServer::start(lisan::server::Config {
        max_document_bytes: 12_345,
        ..Default::default()
    })
    .await;
    let info = server
        .client()
        .get_service_info(pb::GetServiceInfoRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.limits.unwrap().max_document_bytes, 12_345);
    assert!(info.supported_languages.contains(&"ar".to_string()));
    assert_eq!(info.offset_units.len(), 3);
    let search = info
        .profiles
        .iter()
        .find(|p| p.profile == pb::NormalizationProfile::Search as i32)
        .unwrap();
    assert_eq!(
        search.options.as_ref().unwrap().remove_arabic_diacritics,
        Some(true)
    );
    assert!(info
        .entity_types
        .contains(&(pb::EntityType::DateTime as i32)));
    server.stop().await;
}
