//! Paragraphs: text between blank lines, trimmed of surrounding whitespace.

use crate::core::span::Span;

/// The paragraphs of `text`: maximal runs of lines that hold something other
/// than whitespace, each trimmed. A line of only whitespace separates them.
pub(super) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_span = Span::new(line_start, line_start + line.len());
        line_start = line_span.end;
        match trimmed(text, line_span) {
            Some(content) => {
                let span = current.map_or(content, |p| Span::new(p.start, content.end));
                current = Some(span);
            }
            None => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// `span` without leading and trailing whitespace, or `None` if nothing is left.
pub(super) fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    (start < end).then(|| Span::new(start, end))
}
