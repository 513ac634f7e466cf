//! Page structure, keyphrases and languages through the real server: on
//! the scraped Arabic page of `../shared/samples` when present, on hostile
//! inputs, and refusals of bad document-feature fields.

mod common;

use common::{document, shared_file, slice, TestServer};
use lisan::proto::v1 as pb;
use tonic_types::StatusExt;

const ALL_FEATURES: [pb::DocumentFeature; 3] = [
    pb::DocumentFeature::PageStructure,
    pb::DocumentFeature::Keyphrases,
    pb::DocumentFeature::Languages,
];

fn request(doc: pb::Document, unit: pb::OffsetUnit) -> pb::ExtractRequest {
    pb::ExtractRequest {
        document: Some(doc),
        offset_unit: unit as i32,
        document_features: ALL_FEATURES.iter().map(|f| *f as i32).collect(),
        ..Default::default()
    }
}

/// The field of a metadata type in an article.
fn field(article: &pb::PageArticle, kind: pb::MetadataFieldType) -> Option<&pb::MetadataField> {
    article.fields.iter().find(|f| f.r#type == kind as i32)
}

#[tokio::test]
async fn the_scraped_page_has_its_article_a_related_article_and_its_fields() {
    let Some(path) = shared_file("samples/news_ar_scraped.txt") else {
        eprintln!("skipped: ../shared/samples/news_ar_scraped.txt is absent");
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let unit = pb::OffsetUnit::Utf16CodeUnit;
    let response = client
        .extract(request(document(&text), unit))
        .await
        .unwrap()
        .into_inner();
    let at = |span: &Option<pb::Span>| slice(&text, span.as_ref().unwrap(), unit);
    let page = response.page.expect("the page structure was asked for");

    assert_eq!(
        page.articles.len(),
        2,
        "the page's article and the glued one"
    );
    let (own, related) = (&page.articles[0], &page.articles[1]);
    assert!(!own.related && related.related);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(at(&own.title), lines[0], "the first line is the title");
    // The related article's title is the line after the related label.
    let label = page
        .zones
        .iter()
        .find(|z| z.r#type == pb::PageZoneType::Related as i32)
        .expect("a related-articles label");
    let label_line = lines.iter().position(|l| *l == at(&label.span)).unwrap();
    assert_eq!(at(&related.title), lines[label_line + 1]);
    assert_eq!(related.title_text, lines[label_line + 1]);
    assert!(at(&related.span).ends_with(lines.last().unwrap()));

    let published = field(own, pb::MetadataFieldType::Published).expect("a publication date");
    assert_eq!(published.value, "2024-07-23");
    assert_eq!(at(&published.label), "تاريخ النشر");
    assert_eq!(at(&published.span), published.text);
    assert!(published.text.starts_with("23rd, July 2024"));
    let source = field(own, pb::MetadataFieldType::Source).expect("a source");
    assert_eq!(at(&source.span), source.value);
    let tags = field(own, pb::MetadataFieldType::Tags).expect("tags");
    assert!(tags.items.len() >= 3, "{:?}", tags.items);
    for item in &tags.items {
        assert_eq!(at(&item.span), item.text);
        assert!(at(&tags.span).contains(&item.text));
    }
    assert!(field(related, pb::MetadataFieldType::Tags).is_none());

    let mut end = 0;
    for zone in &page.zones {
        let span = zone.span.as_ref().unwrap();
        assert!(span.start >= end && span.end > span.start, "zones in order");
        end = span.end;
    }
    let headings = page
        .zones
        .iter()
        .filter(|z| z.r#type == pb::PageZoneType::Heading as i32)
        .count();
    assert!(headings >= 1, "glued subheadings are headings");

    assert!(!response.keyphrases.is_empty());
    let mut last = f32::INFINITY;
    for k in &response.keyphrases {
        assert!(k.relevance <= last && k.relevance > 0.0);
        last = k.relevance;
        // Shown as its occurrences most often write it.
        let written: Vec<String> = k.occurrences.iter().map(|o| at(&Some(*o))).collect();
        let count = |form: &str| written.iter().filter(|w| *w == form).count();
        assert!(written.iter().all(|w| count(w) <= count(&k.text)), "{k:?}");
        let own_span = own.span.as_ref().unwrap();
        assert!(k.occurrences.iter().all(|o| o.end <= own_span.end));
    }

    let language = response.document_language.unwrap();
    assert_eq!(language.language_code, "ar");
    assert!(language.confidence > 0.5);
    assert_eq!(response.paragraph_languages.len(), lines.len());
    server.stop().await;
}

#[tokio::test]
async fn hostile_pages_are_answered_sensibly() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let long_line = "كلمة word ".repeat(30_000);
    let cases = [
        "",
        "اقرأ أيضا:\nRelated\nTags:\n©",
        long_line.as_str(),
        "Заголовок 标题 عنوان\nТекст 文本 نص و text.",
        "\n\n\n",
    ];
    for text in cases {
        let response = client
            .extract(request(document(text), pb::OffsetUnit::Utf8Byte))
            .await
            .unwrap()
            .into_inner();
        let page = response.page.unwrap();
        for zone in &page.zones {
            let span = zone.span.as_ref().unwrap();
            assert!(span.end as usize <= text.len());
        }
        if text.trim().is_empty() {
            assert!(page.zones.is_empty() && response.keyphrases.is_empty());
            assert!(response.document_language.is_none());
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn features_are_off_unless_asked_for_and_bad_fields_are_refused() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let plain = client
        .extract(pb::ExtractRequest {
            document: Some(document("Title\nBody text here.")),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(plain.page.is_none() && plain.keyphrases.is_empty());
    assert!(plain.document_language.is_none() && plain.paragraph_languages.is_empty());

    let cases: [(Vec<i32>, u32, &str); 3] = [
        (vec![1, 99], 0, "document_features[1]"),
        (vec![0], 0, "document_features[0]"),
        (vec![2], 101, "max_keyphrases"),
    ];
    for (features, max, path) in cases {
        let err = client
            .extract(pb::ExtractRequest {
                document: Some(document("نص")),
                document_features: features,
                max_keyphrases: max,
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(err.code(), tonic::Code::InvalidArgument);
        let details = err.get_error_details();
        let violation = details.bad_request().unwrap().field_violations[0]
            .field
            .clone();
        assert_eq!(violation, path);
    }

    let three = client
        .extract(pb::ExtractRequest {
            document: Some(document(
                "Solar power grows. Wind power grows. Tidal power grows. Coal use falls.",
            )),
            document_features: vec![pb::DocumentFeature::Keyphrases as i32],
            max_keyphrases: 2,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(three.keyphrases.len(), 2);
    server.stop().await;
}

#[tokio::test]
async fn analyze_returns_document_features_with_its_extraction() {
    let server = TestServer::start_default().await;
    let mut client = server.client();
    let text = "Markets calm after the vote\nBy Jane Doe\nTags: markets, elections\n\nStocks rose on Monday as investors welcomed the result of the vote.";
    let analysis = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document(text)),
            options: Some(pb::AnalyzeOptions {
                document_features: ALL_FEATURES.iter().map(|f| *f as i32).collect(),
                max_keyphrases: 3,
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner()
        .analysis
        .unwrap();
    let extraction = analysis.extraction.unwrap();
    let page = extraction.page.expect("the page structure");
    let article = &page.articles[0];
    let title = field(article, pb::MetadataFieldType::Title).expect("a title");
    let span = title.span.as_ref().unwrap();
    assert_eq!(
        slice(text, span, pb::OffsetUnit::Utf8Byte),
        "Markets calm after the vote"
    );
    assert!(!extraction.keyphrases.is_empty() && extraction.keyphrases.len() <= 3);
    assert_eq!(extraction.document_language.unwrap().language_code, "en");

    // Without the extract feature they would have nowhere to go: refused.
    let err = client
        .analyze(pb::AnalyzeRequest {
            document: Some(document(text)),
            options: Some(pb::AnalyzeOptions {
                features: Some(pb::AnalyzeFeatures {
                    segment: true,
                    ..Default::default()
                }),
                document_features: vec![pb::DocumentFeature::PageStructure as i32],
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    let details = err.get_error_details();
    assert_eq!(
        details.bad_request().unwrap().field_violations[0].field,
        "options.document_features"
    );
    server.stop().await;
}
