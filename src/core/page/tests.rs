use super::*;

/// The zones of `text` as (kind, text) pairs.
fn zones(text: &str, page: &Page) -> Vec<(ZoneKind, String)> {
    page.zones
        .iter()
        .map(|z| (z.kind, z.span.slice(text).to_string()))
        .collect()
}

#[test]
fn an_english_page_has_title_fields_body_related_article_and_boilerplate() {
    let text = "Home > World > Europe\n\
                Storm closes schools across the north\n\
                By Jane Doe\n\
                Published: 12 March 2024\n\
                Schools in five regions stayed shut on Tuesday as the storm moved east.\n\
                Officials said roads would reopen on Wednesday.\n\
                Tags: weather, storms, schools\n\
                Share Facebook Twitter\n\
                Related articles\n\
                Floods hit the coast\n\
                Rivers burst their banks overnight, flooding hundreds of homes.\n\
                © 2024 Example News. All rights reserved.";
    let page = page(text, PageHints::default());
    use ZoneKind::*;
    let want = [
        (Boilerplate, "Home > World > Europe"),
        (Title, "Storm closes schools across the north"),
        (Metadata, "By Jane Doe"),
        (Metadata, "Published: 12 March 2024"),
        (
            Body,
            "Schools in five regions stayed shut on Tuesday as the storm moved east.\n\
             Officials said roads would reopen on Wednesday.",
        ),
        (Metadata, "Tags: weather, storms, schools"),
        (Boilerplate, "Share Facebook Twitter"),
        (Related, "Related articles"),
        (Title, "Floods hit the coast"),
        (
            Body,
            "Rivers burst their banks overnight, flooding hundreds of homes.",
        ),
        (Boilerplate, "© 2024 Example News. All rights reserved."),
    ];
    let want: Vec<(ZoneKind, String)> = want.iter().map(|(k, s)| (*k, s.to_string())).collect();
    assert_eq!(zones(text, &page), want);
    assert_eq!(page.articles.len(), 2);
    assert!(!page.articles[0].related && page.articles[1].related);
    let fields: Vec<(FieldKind, &str)> = page.articles[0]
        .fields
        .iter()
        .map(|f| (f.kind, f.span.slice(text)))
        .collect();
    assert_eq!(
        fields,
        [
            (FieldKind::Title, "Storm closes schools across the north"),
            (FieldKind::Byline, "Jane Doe"),
            (FieldKind::Published, "12 March 2024"),
            (FieldKind::Tags, "weather, storms, schools"),
        ]
    );
    let tags: Vec<&str> = page.articles[0].fields[3]
        .items
        .iter()
        .map(|t| t.span.slice(text))
        .collect();
    assert_eq!(tags, ["weather", "storms", "schools"]);
    assert_eq!(
        page.articles[1].title.map(|t| t.slice(text)),
        Some("Floods hit the coast")
    );
}

#[test]
fn an_arabic_page_with_a_glued_title_and_a_related_list() {
    let text = "ارتفاع أسعار الذهب عالمياارتفعت أسعار الذهب اليوم بنسبة كبيرة في الأسواق.\n\
                نشر في 5 مايو 2024\n\
                وقال محللون إن الطلب زاد بسبب المخاوف.\n\
                المصدر: وكالات\n\
                الوسوم: الذهب، الأسواق، الاقتصاد\n\
                مواضيع ذات صلة:\n\
                النفط يتراجع\n\
                الدولار يستقر";
    let junction = text.find("ارتفعت").unwrap();
    let dates = [(
        Span::new(text.find('5').unwrap(), text.find("2024").unwrap() + 4),
        "2024-05-05".to_string(),
    )];
    let hints = PageHints {
        junctions: &[junction],
        dates: &dates,
    };
    let page = page(text, hints);
    assert_eq!(page.articles.len(), 1, "a list of links is no article");
    let article = &page.articles[0];
    assert_eq!(
        article.title.map(|t| t.slice(text)),
        Some("ارتفاع أسعار الذهب عالميا")
    );
    let published = article
        .fields
        .iter()
        .find(|f| f.kind == FieldKind::Published)
        .unwrap();
    assert_eq!(published.value, "2024-05-05");
    assert_eq!(published.label.slice(text), "نشر في");
    let source = article.fields.iter().find(|f| f.kind == FieldKind::Source);
    assert_eq!(source.map(|f| f.value.as_str()), Some("وكالات"));
    let tags = article.fields.iter().find(|f| f.kind == FieldKind::Tags);
    let tags: Vec<&str> = tags
        .unwrap()
        .items
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(tags, ["الذهب", "الأسواق", "الاقتصاد"]);
    let related: Vec<&str> = page
        .zones
        .iter()
        .filter(|z| z.kind == ZoneKind::Related)
        .map(|z| z.span.slice(text))
        .collect();
    assert_eq!(related, ["مواضيع ذات صلة:", "النفط يتراجع", "الدولار يستقر"]);
}

#[test]
fn tags_run_together_are_split_at_words_keeping_idafa_and_stop_words() {
    let text = "كلمات دلالية: أسعار النفط طاقة تعاون بين";
    let page = page(text, PageHints::default());
    let tags: Vec<&str> = page.articles[0].fields[0]
        .items
        .iter()
        .map(|t| t.span.slice(text))
        .collect();
    assert_eq!(tags, ["أسعار النفط", "طاقة", "تعاون بين"]);
}

#[test]
fn an_inline_read_also_link_does_not_end_the_article() {
    let text = "Markets rally\nStocks rose on Monday.\nRead also: Oil falls\nBonds rose too, traders said.";
    let page = page(text, PageHints::default());
    assert_eq!(page.articles.len(), 1);
    assert_eq!(page.articles[0].span.slice(text), text);
}

#[test]
fn hostile_pages_give_sensible_structures() {
    let long_line = "كلمة ".repeat(50_000);
    let only_markers = "اقرأ أيضا:\nRelated\nTags:\nشارك\n";
    let mixed = "Заголовок 标题 عنوان\nТекст. 文本。 نص.";
    let cases: [(&str, &str); 5] = [
        ("empty", ""),
        ("no markers", "One line of text without any label at all."),
        ("only markers", only_markers),
        ("long line", &long_line),
        ("mixed scripts", mixed),
    ];
    for (name, text) in cases {
        let page = page(text, PageHints::default());
        let mut end = 0;
        for zone in &page.zones {
            assert!(
                zone.span.start >= end && zone.span.end <= text.len(),
                "{name}"
            );
            assert!(text.is_char_boundary(zone.span.start), "{name}");
            end = zone.span.end;
        }
        match name {
            "empty" => assert!(page.zones.is_empty()),
            "no markers" => assert_eq!(page.zones[0].kind, ZoneKind::Body),
            "only markers" => assert!(page.articles.iter().all(|a| a.title.is_none())),
            "long line" => assert_eq!(page.zones.len(), 1),
            _ => assert_eq!(page.zones[0].kind, ZoneKind::Title),
        }
    }
}
