//! Every span of every RPC slices the caller's text to exactly the reported
//! text, in all three offset units, on text that normalization changes.

mod common;

use common::{document, slice, TestServer};
use lisan::proto::v1 as pb;

const MIXED: &str = "قالَ الرئيسُ في ٢٣ يوليو ٢٠٢٤: «مرحباً» 👩\u{200D}👩\u{200D}👧 Erdoğan visited on July 4, 2024 — \
see https://example.com/x?y=1 or mail team@lisan.dev.\n\nمی\u{200C}خواهم ۱۲۳ بخرم. Growth was 3.5% in 2023. 🇸🇾 العـــربية";

const UNITS: [pb::OffsetUnit; 3] = [
    pb::OffsetUnit::Utf8Byte,
    pb::OffsetUnit::Utf16CodeUnit,
    pb::OffsetUnit::CodePoint,
];

#[tokio::test]
async fn every_span_slices_the_original_text_in_every_unit() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    for unit in UNITS {
        let request = pb::AnalyzeRequest {
            document: Some(document(MIXED)),
            options: Some(pb::AnalyzeOptions {
                offset_unit: unit as i32,
                normalization: Some(pb::NormalizeOptions {
                    profile: pb::NormalizationProfile::Search as i32,
                    ..Default::default()
                }),
                ..Default::default()
            }),
        };
        let analysis = client
            .analyze(request)
            .await
            .unwrap()
            .into_inner()
            .analysis
            .unwrap();

        let seg = analysis.segmentation.unwrap();
        assert!(seg.tokens.len() > 30, "{unit:?}: too few tokens");
        for token in &seg.tokens {
            assert_eq!(
                slice(MIXED, token.span.as_ref().unwrap(), unit),
                token.text,
                "{unit:?} token"
            );
        }
        for sentence in &seg.sentences {
            assert_eq!(
                slice(MIXED, sentence.span.as_ref().unwrap(), unit),
                sentence.text,
                "{unit:?} sentence"
            );
        }
        assert_eq!(seg.paragraphs.len(), 2);

        let entities = analysis.extraction.unwrap().entities;
        let texts: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        for wanted in [
            "٢٣ يوليو ٢٠٢٤",
            "July 4, 2024",
            "https://example.com/x?y=1",
            "team@lisan.dev",
            "3.5%",
        ] {
            assert!(
                texts.contains(&wanted),
                "{unit:?}: {wanted} not among {texts:?}"
            );
        }
        for entity in &entities {
            assert_eq!(
                slice(MIXED, entity.span.as_ref().unwrap(), unit),
                entity.text,
                "{unit:?} entity"
            );
        }

        let normalized = analysis.normalization.unwrap();
        let mut rebuilt_input = String::new();
        for segment in &normalized.alignment {
            let input = slice(MIXED, segment.input.as_ref().unwrap(), unit);
            let output = slice(&normalized.text, segment.output.as_ref().unwrap(), unit);
            if !segment.edited {
                assert_eq!(input, output, "{unit:?}: a copied segment differs");
            }
            rebuilt_input.push_str(&input);
        }
        assert_eq!(
            rebuilt_input, MIXED,
            "{unit:?}: alignment does not cover the input"
        );
        assert!(
            normalized.text.contains("Erdoğan")
                && normalized.text.contains("👩\u{200D}👩\u{200D}👧")
        );
        assert!(
            normalized.text.contains("مي\u{200C}خواهم"),
            "ZWNJ must survive; SEARCH folds the Persian yeh"
        );
    }
    server.stop().await;
}
