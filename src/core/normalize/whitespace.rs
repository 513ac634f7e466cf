//! Whitespace collapsing: a run of whitespace becomes one space, one newline
//! or one blank line, and disappears at the edges of the text.

use super::options::Whitespace;

/// The end of the whitespace run that starts at `start`; characters that
/// `invisible` says will be removed do not interrupt it.
pub(super) fn run_end(text: &str, start: usize, invisible: impl Fn(char) -> bool) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace() && !invisible(c))
        .map_or(text.len(), |(offset, _)| start + offset)
}

/// What the run `run` becomes under `mode` (never `Keep`): nothing at the
/// edges of the text; else a blank line when it holds two or more line
/// breaks, a newline for one, a space for none (as each mode allows).
pub(super) fn collapsed(run: &str, mode: Whitespace, at_start: bool, at_end: bool) -> &'static str {
    if at_start || at_end {
        return "";
    }
    match (mode, line_breaks(run)) {
        (Whitespace::SingleLine, _) | (_, 0) => " ",
        (Whitespace::Paragraphs, 1) => " ",
        (_, 1) => "\n",
        _ => "\n\n",
    }
}

/// Line breaks in a run: CRLF counts once; a paragraph separator counts twice.
fn line_breaks(run: &str) -> usize {
    let mut count = 0;
    let mut after_cr = false;
    for c in run.chars() {
        count += match c {
            '\n' if after_cr => 0,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        after_cr = c == '\r';
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_collapse_by_their_line_breaks() {
        use Whitespace::*;
        assert_eq!(collapsed(" \u{00A0}\t", Collapse, false, false), " ");
        assert_eq!(collapsed(" \r\n ", Collapse, false, false), "\n");
        assert_eq!(collapsed("\r\n\r\n\n", Collapse, false, false), "\n\n");
        assert_eq!(collapsed("\u{2029}", Collapse, false, false), "\n\n");
        assert_eq!(collapsed("  ", Collapse, true, false), "");
        assert_eq!(collapsed(" \n ", Paragraphs, false, false), " ");
        assert_eq!(collapsed("\n \n", Paragraphs, false, false), "\n\n");
        assert_eq!(collapsed("\n\n", SingleLine, false, false), " ");
        assert_eq!(run_end("a  \u{3000}b", 1, |_| false), 6);
        assert_eq!(run_end("a \u{200B} b", 1, |c| c == '\u{200B}'), 6);
    }
}
