//! Typed metadata fields from labelled lines: dates (ISO from extraction),
//! source, byline, and tag lists split into tags.

use super::markers::MarkerKind;
use super::{Field, FieldItem, FieldKind};
use crate::core::fold::fold;
use crate::core::span::Span;
use crate::core::stopwords::is_stopword;

/// Characters that separate the tags of a list.
const TAG_SEPARATORS: [char; 10] = [',', '،', ';', '؛', '|', '#', '•', '·', '/', '\t'];

/// The title as a field.
pub fn title_field(text: &str, title: Span) -> Field {
    Field {
        kind: FieldKind::Title,
        label: Span::new(title.start, title.start),
        span: title,
        value: title.slice(text).to_string(),
        items: Vec::new(),
    }
}

/// The field of a line labelled `kind` with its value at `value`.
pub fn field(
    text: &str,
    kind: MarkerKind,
    line: Span,
    value: Span,
    dates: &[(Span, String)],
) -> Field {
    let label_text = text[line.start..value.start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '|')
    });
    let label = Span::new(line.start, line.start + label_text.len());
    let kind = match kind {
        MarkerKind::Published => FieldKind::Published,
        MarkerKind::Updated => FieldKind::Updated,
        MarkerKind::Source => FieldKind::Source,
        MarkerKind::Byline => FieldKind::Byline,
        // Related and boilerplate labels never make field lines.
        MarkerKind::Tags | MarkerKind::Related | MarkerKind::Boilerplate => FieldKind::Tags,
    };
    let written = value.slice(text).to_string();
    let date = matches!(kind, FieldKind::Published | FieldKind::Updated)
        .then(|| dates.iter().find(|(span, _)| value.contains(*span)))
        .flatten();
    Field {
        kind,
        label,
        span: value,
        value: date.map_or(written, |(_, iso)| iso.clone()),
        items: if kind == FieldKind::Tags {
            tags(text, value)
        } else {
            Vec::new()
        },
    }
}

/// The tags of a list: split at separators (`,` `،` `;` `|` `#` ...) when
/// there are any; else (tags that were links, run together with spaces)
/// each word starts a tag, except that a word with the article after a word
/// (an idafa: `حراك الجامعات`) and a stop word (`اجتماع بين`) join the tag
/// before them.
fn tags(text: &str, value: Span) -> Vec<FieldItem> {
    let slice = value.slice(text);
    let mut items = Vec::new();
    if slice.contains(TAG_SEPARATORS) {
        let mut start = 0;
        for piece in slice.split_inclusive(TAG_SEPARATORS) {
            let body = piece.trim_end_matches(TAG_SEPARATORS);
            push_item(text, value.start + start, body, &mut items);
            start += piece.len();
        }
        return items;
    }
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for word in slice.split(' ') {
        let span = Span::new(value.start + offset, value.start + offset + word.len());
        offset += word.len() + 1;
        if word.trim().is_empty() {
            continue;
        }
        let folded = fold(word);
        let joins = folded.starts_with("ال") || is_stopword(&folded);
        match current.as_mut() {
            Some(item) if joins => item.end = span.end,
            _ => {
                if let Some(done) = current.replace(span) {
                    push_item(text, done.start, done.slice(text), &mut items);
                }
            }
        }
    }
    if let Some(done) = current {
        push_item(text, done.start, done.slice(text), &mut items);
    }
    items
}

/// Adds the tag `body` written at `start`, trimmed, when not empty.
fn push_item(text: &str, start: usize, body: &str, items: &mut Vec<FieldItem>) {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = start + (body.len() - body.trim_start().len());
    let span = Span::new(s, s + trimmed.len());
    items.push(FieldItem {
        span,
        text: span.slice(text).to_string(),
    });
}
