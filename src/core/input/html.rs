//! Text from HTML, with an alignment back to the markup.
//!
//! lol_html (an HTML5 tokenizer with source locations) reports where text,
//! tags and skipped elements are; the text is then rebuilt with a
//! [`Rewriter`] over the markup: tags become nothing, a line break (`br`)
//! or a paragraph break (block elements), character references are decoded,
//! and `script`, `style`, `nav`, `noscript`, `template` and `svg` contents
//! are dropped. Every edit is recorded, so spans of the text map back to the
//! HTML exactly.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::TextType;
use lol_html::{doc_text, element, HtmlRewriter, Settings};

use crate::core::alignment::{Alignment, Rewriter};
use crate::core::span::Span;

/// Text taken from HTML and its alignment to the HTML.
#[derive(Debug)]
pub struct HtmlText<'a> {
    pub text: Cow<'a, str>,
    pub alignment: Alignment,
}

/// Elements whose start or end is a paragraph break.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not text of the document.
const SKIPPED: &str = "script, style, nav, noscript, template, svg";

#[derive(Default)]
struct Events {
    texts: Vec<Range<usize>>,
    /// Tag ranges with their break: 2 for blocks, 1 for `br`.
    breaks: Vec<(Range<usize>, u8)>,
    skipped: Vec<Range<usize>>,
}

/// The text of `html`.
///
/// ```
/// use lisan::core::input::html::html_to_text;
/// use lisan::core::Span;
/// let html = "<h1>عنوان</h1><p>نص &amp; <b>مهم</b></p><script>x()</script>";
/// let out = html_to_text(html);
/// assert_eq!(out.text, "عنوان\n\nنص & مهم");
/// let word = out.text.find("مهم").unwrap();
/// let span = out.alignment.to_input(Span::new(word, word + "مهم".len()));
/// assert_eq!(span.slice(html), "مهم");
/// ```
pub fn html_to_text(html: &str) -> HtmlText<'_> {
    let events = collect(html);
    let mut out = Rewriter::new(html);
    let mut pos = 0;
    let mut breaks = events.breaks.iter().peekable();
    let mut wrote_text = false;
    for text in &events.texts {
        if text.start < pos
            || events
                .skipped
                .iter()
                .any(|s| s.start <= text.start && text.end <= s.end)
        {
            continue;
        }
        let mut strength = 0;
        while let Some((tag, b)) = breaks.peek() {
            if tag.start >= text.start {
                break;
            }
            if tag.start >= pos {
                strength = strength.max(*b);
            }
            breaks.next();
        }
        let separator = match (wrote_text, strength) {
            (false, _) | (_, 0) => "",
            (_, 1) => "\n",
            _ => "\n\n",
        };
        out.replace(Span::new(pos, text.start), separator);
        decode_references(html, text.clone(), &mut out);
        wrote_text |= !text.is_empty();
        pos = text.end;
    }
    out.replace(Span::new(pos, html.len()), "");
    let (text, alignment) = out.finish();
    HtmlText { text, alignment }
}

/// Runs lol_html over `html` and records where text, breaks and skipped
/// elements are.
fn collect(html: &str) -> Events {
    let events = Rc::new(RefCell::new(Events::default()));
    let (texts, tags, skips) = (events.clone(), events.clone(), events.clone());
    let settings = Settings {
        element_content_handlers: vec![
            element!("*", move |el| {
                let name = el.tag_name();
                let strength = if name == "br" {
                    1
                } else if BLOCKS.contains(&name.as_str()) {
                    2
                } else {
                    0
                };
                if strength > 0 {
                    tags.borrow_mut()
                        .breaks
                        .push((el.source_location().bytes(), strength));
                    let ends = tags.clone();
                    if let Some(handlers) = el.end_tag_handlers() {
                        let handler: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                            ends.borrow_mut()
                                .breaks
                                .push((end.source_location().bytes(), strength));
                            Ok(())
                        });
                        handlers.push(handler);
                    }
                }
                Ok(())
            }),
            element!(SKIPPED, move |el| {
                let start = el.source_location().bytes().start;
                let index = {
                    let mut e = skips.borrow_mut();
                    e.skipped.push(start..usize::MAX);
                    e.skipped.len() - 1
                };
                let ends = skips.clone();
                if el.is_self_closing() || el.end_tag_handlers().is_none() {
                    // `<svg/>`: nothing inside to skip.
                    let start_tag_end = el.source_location().bytes().end;
                    skips.borrow_mut().skipped[index].end = start_tag_end;
                } else if let Some(handlers) = el.end_tag_handlers() {
                    let handler: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                        ends.borrow_mut().skipped[index].end = end.source_location().bytes().end;
                        Ok(())
                    });
                    handlers.push(handler);
                }
                Ok(())
            }),
        ],
        document_content_handlers: vec![doc_text!(move |chunk| {
            if !matches!(chunk.text_type(), TextType::RawText | TextType::ScriptData) {
                let range = chunk.source_location().bytes();
                if !range.is_empty() {
                    texts.borrow_mut().texts.push(range);
                }
            }
            Ok(())
        })],
        ..Settings::new()
    };
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // lol_html only fails on its memory limit or handler errors; ours never
    // fail, and a failure leaves what was collected so far.
    let _ = rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end());
    let mut events = std::mem::take(&mut *events.borrow_mut());
    events.breaks.sort_by_key(|(range, _)| range.start);
    events
}

/// Decodes the character references (`&amp;`, `&#1605;`, `&#x645;`) in `range`.
fn decode_references(html: &str, range: Range<usize>, out: &mut Rewriter<'_>) {
    let text = &html[range.clone()];
    let mut search = 0;
    while let Some(found) = text[search..].find('&') {
        let start = search + found;
        search = start + 1;
        let Some(len) = text[start..].bytes().take(40).position(|b| b == b';') else {
            continue;
        };
        let reference = &text[start..=start + len];
        let decoded = html_escape::decode_html_entities(reference);
        if decoded != reference {
            out.replace(
                Span::new(range.start + start, range.start + start + len + 1),
                &decoded,
            );
            search = start + len + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: &str) {
        let out = html_to_text(html);
        assert_eq!(out.text, expected, "text of {html:?}");
        for segment in out.alignment.segments() {
            if !segment.edited {
                assert_eq!(segment.output.slice(&out.text), segment.input.slice(html));
            }
        }
    }

    #[test]
    fn blocks_break_and_inline_tags_vanish() {
        check("<p>أولى</p><p>ثانية</p>", "أولى\n\nثانية");
        check("سطر<br>آخر", "سطر\naخر".replace("a", "آ").as_str());
        check("<span>كلمة</span><b>واحدة</b>", "كلمةواحدة");
        check("<!doctype html><html><head><title>العنوان</title></head><body><div>نص</div></body></html>", "العنوان\n\nنص");
    }

    #[test]
    fn scripts_styles_and_navigation_are_skipped() {
        check(
            "<nav><a>الرئيسية</a></nav><p>خبر</p><script>var a = '<p>';</script><style>p{}</style>",
            "خبر",
        );
        check("<p>a<!-- comment -->b</p>", "ab");
    }

    #[test]
    fn references_are_decoded_and_map_back() {
        let html =
            "<p>&#1605;&#x631;&#1581;&#1576;&#1575; &amp; &quot;hi&quot; &nbsp;x &bogus;</p>";
        let out = html_to_text(html);
        assert_eq!(out.text, "مرحبا & \"hi\" \u{a0}x &bogus;");
        let amp = out.text.find('&').unwrap();
        assert_eq!(
            out.alignment.to_input(Span::new(amp, amp + 1)).slice(html),
            "&amp;"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<p",
            "</div></div>text",
            "<nav>never closed",
            "<<<>>>",
            "&",
            "<p>&#99999999;</p>",
            "",
        ] {
            let out = html_to_text(html);
            assert!(out.alignment.output_len() == out.text.len());
        }
    }
}
