//! Lines of a page and what each one is, judged on its own: a label line
//! (related block, metadata field, boilerplate), or text.

use super::markers::{is_social, marker_at, MarkerKind};
use crate::core::char_class::is_alphanumeric;
use crate::core::fold::fold;
use crate::core::span::Span;
use crate::core::wordfreq::is_ignored_mark;

/// Longest metadata line, in words (a tag list may be longer).
const MAX_FIELD_WORDS: usize = 25;
const MAX_TAG_WORDS: usize = 60;
/// Longest line a label without a colon (`By Jane Doe`, `نشر في 3 مايو`)
/// may start.
const MAX_BARE_LABEL_WORDS: usize = 10;
/// Longest boilerplate line, in words.
const MAX_BOILERPLATE_WORDS: usize = 15;
/// Longest line that may be a title or a heading, in words.
pub const MAX_TITLE_WORDS: usize = 20;
/// Longest related-article link after a marker on the same line, in words.
const MAX_RELATED_ITEM_WORDS: usize = 20;

/// The words of a line: how many, and the spans of the first
/// [`KEPT_WORDS`] (all a label or a boilerplate line can use).
#[derive(Clone, Debug, Default)]
pub struct Words {
    pub count: usize,
    pub first: Vec<Span>,
}

/// Words whose spans a line keeps.
const KEPT_WORDS: usize = MAX_BOILERPLATE_WORDS + 1;

/// The folded form of each kept word of `words`, at most `n`.
fn folded(text: &str, words: &Words, n: usize) -> Vec<String> {
    words
        .first
        .iter()
        .take(n)
        .map(|w| fold(w.slice(text)))
        .collect()
}

/// What a line is.
#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    /// A related-articles label; `item` is a link title on the same line.
    Related {
        item: Option<Span>,
    },
    /// A metadata label and the value after it (empty when none).
    Field {
        kind: MarkerKind,
        value: Span,
    },
    Boilerplate,
    Text,
}

/// A non-blank line: its span without surrounding whitespace, its words and kind.
#[derive(Clone, Debug)]
pub struct Line {
    pub span: Span,
    pub words: Words,
    pub kind: LineKind,
}

impl Line {
    /// Whether the line reads as a title or heading: short, and not ending
    /// as a sentence or an introduction does.
    pub fn is_title_like(&self, text: &str) -> bool {
        let last = self.span.slice(text).chars().next_back();
        self.words.count > 0
            && self.words.count <= MAX_TITLE_WORDS
            && !matches!(last, Some('.' | '!' | ':' | '…' | '۔' | '،' | ','))
    }
}

/// The non-blank lines of `text`, classified.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let offset = start + (piece.len() - piece.trim_start().len());
            let span = Span::new(offset, offset + trimmed.len());
            let words = words(text, span);
            let kind = classify(text, span, &words);
            out.push(Line { span, words, kind });
        }
        start = end;
    }
    out
}

/// A character that belongs to a word: letters, digits, marks, joiners.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '\'';
    }
    // Arabic letters: most of a page, and slow in Unicode's tables.
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return true;
    }
    is_alphanumeric(c) || is_ignored_mark(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\'')
}

/// The words of `span`: runs of word characters, and `©` on its own.
fn words(text: &str, span: Span) -> Words {
    let mut out = Words::default();
    let mut start = None;
    let slice = span.slice(text);
    let push = |s: usize, e: usize, out: &mut Words| {
        out.count += 1;
        if out.first.len() < KEPT_WORDS {
            out.first.push(Span::new(span.start + s, span.start + e));
        }
    };
    for (i, c) in slice.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(s, i, &mut out);
        }
        if c == '©' {
            push(i, i + c.len_utf8(), &mut out);
        }
    }
    if let Some(s) = start {
        push(s, slice.len(), &mut out);
    }
    out
}

/// Characters that separate a label from its value.
fn is_label_separator(c: char) -> bool {
    matches!(c, ':' | '：' | '-' | '–' | '—' | '|')
}

fn classify(text: &str, span: Span, words: &Words) -> LineKind {
    if let Some((kind, taken)) = marker_at(&folded(text, words, 4)) {
        let label_end = words.first[taken - 1].end;
        let after = &text[label_end..span.end];
        let rest = after.trim_start_matches(|c: char| c.is_whitespace() || is_label_separator(c));
        let separated = after.trim_start().starts_with(is_label_separator) || rest.is_empty();
        let value = Span::new(span.end - rest.len(), span.end);
        let value_words = words.count - taken;
        if let Some(line) = labelled(kind, value, value_words, separated, words.count) {
            return line;
        }
    }
    if is_boilerplate(text, span, words) {
        return LineKind::Boilerplate;
    }
    LineKind::Text
}

/// The kind of a line whose first words are a label of `kind`, when the
/// rest of the line fits it.
fn labelled(
    kind: MarkerKind,
    value: Span,
    value_words: usize,
    separated: bool,
    line_words: usize,
) -> Option<LineKind> {
    let bare_ok = matches!(
        kind,
        MarkerKind::Byline | MarkerKind::Published | MarkerKind::Updated
    ) && line_words <= MAX_BARE_LABEL_WORDS;
    if !separated && !bare_ok {
        return None;
    }
    match kind {
        MarkerKind::Related if value_words <= MAX_RELATED_ITEM_WORDS => Some(LineKind::Related {
            item: (!value.is_empty()).then_some(value),
        }),
        MarkerKind::Related => None,
        MarkerKind::Boilerplate => {
            (line_words <= MAX_BOILERPLATE_WORDS).then_some(LineKind::Boilerplate)
        }
        MarkerKind::Tags if value_words <= MAX_TAG_WORDS => Some(LineKind::Field { kind, value }),
        _ if value_words <= MAX_FIELD_WORDS && value_words > 0 => {
            Some(LineKind::Field { kind, value })
        }
        _ => None,
    }
}

/// What separates the steps of a navigation trail.
const TRAIL_SEPARATORS: [&str; 11] = ["»", "«", ">", "<", "/", "|", "›", "‹", "←", "→", "•"];

/// Page furniture: a short line that starts with a boilerplate label or
/// holds `©`, a line of only share-button words, or a navigation trail
/// (short parts between ` » `, ` > `, ` / `, ` | ` and the like).
fn is_boilerplate(text: &str, span: Span, words: &Words) -> bool {
    if words.count == 0 || words.count > MAX_BOILERPLATE_WORDS {
        return false;
    }
    let folded = folded(text, words, MAX_BOILERPLATE_WORDS);
    if folded.iter().any(|w| w == "©") || folded.iter().all(|w| is_social(w)) {
        return true;
    }
    let line = span.slice(text);
    let separators = line
        .split_whitespace()
        .filter(|w| TRAIL_SEPARATORS.contains(w))
        .count();
    let trail = separators >= 2 && !line.ends_with(['.', '!', '?', '؟', ':']);
    trail && line.split_whitespace().all(|w| w.chars().count() <= 25)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_kind_is_told_by_its_label_and_shape() {
        let cases: [(&str, &str); 14] = [
            ("تاريخ النشر: 23 يوليو 2024", "published"),
            ("نشر في 3 مايو 2023", "published"),
            ("By Jane Doe", "byline"),
            ("بقلم: أحمد علي", "byline"),
            ("المصدر: وكالات", "source"),
            ("Tags: economy, oil", "tags"),
            ("إقرأ أيضاً:", "related"),
            ("Read also: Oil prices fall again", "related"),
            ("© 2024 جميع الحقوق محفوظة", "boilerplate"),
            ("Facebook Twitter WhatsApp", "boilerplate"),
            ("الرئيسية » أخبار » سياسة", "boilerplate"),
            ("قال الوزير إن الاجتماع سيعقد غدا في العاصمة.", "text"),
            (
                "Related to this, the minister said the talks would go on for weeks.",
                "text",
            ),
            (
                "Share prices rose sharply on Monday after the central bank cut rates.",
                "text",
            ),
        ];
        for (line, want) in cases {
            let got = match &lines(line)[0].kind {
                LineKind::Related { .. } => "related",
                LineKind::Field { kind, .. } => match kind {
                    MarkerKind::Published => "published",
                    MarkerKind::Byline => "byline",
                    MarkerKind::Source => "source",
                    MarkerKind::Tags => "tags",
                    _ => "other field",
                },
                LineKind::Boilerplate => "boilerplate",
                LineKind::Text => "text",
            };
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn lines_are_trimmed_and_blank_lines_skipped() {
        let text = "  عنوان  \n\n\tنص.\r\n";
        let spans: Vec<&str> = lines(text).iter().map(|l| l.span.slice(text)).collect();
        assert_eq!(spans, ["عنوان", "نص."]);
    }
}
