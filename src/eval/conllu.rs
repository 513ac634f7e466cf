//! `lisan eval conllu`: sentences and tokens against a CoNLL-U treebank.
//!
//! The raw text is rebuilt from the `# text =` lines (sentences joined by a
//! space, a new paragraph at `# newpar` and `# newdoc`). Gold tokens are the
//! surface tokens (multi-word token ranges, else words), gold words the
//! syntactic words, scored against the core's morphemes (tokens with Arabic
//! clitics split off, treebank convention).

use super::score::{NonSpaceIndex, Score};
use crate::core::segment::{segment, split_clitics, CliticConvention};

/// The scores of one treebank.
#[derive(Clone, Copy, Debug, Default)]
pub struct TreebankScores {
    pub sentences: Score,
    pub tokens: Score,
    pub words: Score,
}

/// Scores the core on the CoNLL-U text `gold`.
pub fn evaluate(gold: &str) -> TreebankScores {
    let doc = parse(gold);
    let index = NonSpaceIndex::new(&doc.text);
    let seg = segment(&doc.text);
    let predicted_sentences: Vec<_> = seg
        .sentences
        .iter()
        .map(|s| index.span(s.span.start, s.span.end))
        .collect();
    let predicted_tokens: Vec<_> = seg
        .tokens
        .iter()
        .map(|(t, _)| index.span(t.span.start, t.span.end))
        .collect();
    let predicted_words: Vec<_> = seg
        .tokens
        .iter()
        .flat_map(|(t, _)| split_clitics(&doc.text, t.span, CliticConvention::Treebank))
        .map(|m| index.span(m.span.start, m.span.end))
        .collect();
    TreebankScores {
        sentences: Score::compare(&doc.sentences, &predicted_sentences),
        tokens: Score::compare(&doc.tokens, &predicted_tokens),
        words: Score::compare(&doc.words, &predicted_words),
    }
}

/// A treebank as raw text with gold spans in non-whitespace characters.
#[derive(Default)]
pub(super) struct Gold {
    pub(super) text: String,
    pub(super) sentences: Vec<(usize, usize)>,
    pub(super) tokens: Vec<(usize, usize)>,
    pub(super) words: Vec<(usize, usize)>,
    /// For each word: a proper noun (UPOS `PROPN`), or a word of a name
    /// (`Proper=True` in MISC, as `المتحدة` of `الولايات المتحدة`).
    pub(super) proper: Vec<bool>,
}

/// Whether the word of CoNLL-U columns `cols` is (part of) a proper name.
fn is_proper(cols: &[&str]) -> bool {
    cols.get(3) == Some(&"PROPN")
        || cols
            .get(9)
            .is_some_and(|misc| misc.split('|').any(|f| f == "Proper=True"))
}

pub(super) fn parse(conllu: &str) -> Gold {
    let mut gold = Gold::default();
    let mut chars = 0; // non-whitespace characters so far
    let mut sentence_start = None;
    let mut mwt_until = 0; // last word id covered by a multi-word token
    let mut mwt_span = (0, 0);
    let mut mwt_words_end = None; // where the next word of a multi-word token starts
    for line in conllu.lines() {
        if let Some(text) = line.strip_prefix("# text = ") {
            if !gold.text.is_empty() {
                gold.text.push(' ');
            }
            gold.text.push_str(text);
            sentence_start = Some(chars);
            continue;
        }
        if line.starts_with("# newpar") || line.starts_with("# newdoc") {
            if !gold.text.is_empty() {
                gold.text.push_str("\n\n");
            }
            continue;
        }
        if line.trim().is_empty() {
            if let Some(start) = sentence_start.take() {
                gold.sentences.push((start, chars));
            }
            mwt_until = 0;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[0].contains('.') {
            continue;
        }
        let form_len = cols[1].chars().filter(|c| !c.is_whitespace()).count();
        if let Some((_, last)) = cols[0].split_once('-') {
            mwt_until = last.parse().unwrap_or(0);
            mwt_span = (chars, chars + form_len);
            gold.tokens.push(mwt_span);
            chars += form_len;
            continue;
        }
        let id: usize = cols[0].parse().unwrap_or(0);
        if id <= mwt_until {
            // A word inside a multi-word token: the token's characters are
            // given out in order, by the words' lengths, the last word taking
            // what remains (ل + الحكومة in للحكومة is ل + لحكومة).
            let start = mwt_words_end.unwrap_or(mwt_span.0);
            let end = if id == mwt_until {
                mwt_span.1
            } else {
                (start + form_len).min(mwt_span.1)
            };
            gold.words.push((start, end));
            gold.proper.push(is_proper(&cols));
            mwt_words_end = (id < mwt_until).then_some(end);
            continue;
        }
        let span = (chars, chars + form_len);
        gold.tokens.push(span);
        gold.words.push(span);
        gold.proper.push(is_proper(&cols));
        chars += form_len;
    }
    if let Some(start) = sentence_start {
        gold.sentences.push((start, chars));
    }
    gold
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "# newdoc id = d1\n# text = ذهب للحكومة.\n1\tذهب\t_\n2-3\tللحكومة\t_\n2\tل\t_\n3\tالحكومة\t_\n4\t.\t_\n\n# text = ثم عاد.\n1\tثم\t_\n2\tعاد\t_\n3\t.\t_\n\n";
    // The same, with the clitic as a token of its own (as UD Arabic-PUD writes it).
    const SPLIT_TOKENS: &str = "# newdoc id = d1\n# text = ذهب للحكومة.\n1\tذهب\t_\t_\t_\t_\t_\t_\t_\t_\n2\tل\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\tلحكومة\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";

    #[test]
    fn rebuilds_text_and_gold_spans() {
        let gold = parse(TINY);
        assert_eq!(gold.text, "ذهب للحكومة. ثم عاد.");
        assert_eq!(gold.sentences, [(0, 11), (11, 17)]);
        assert_eq!(gold.tokens.len(), 6);
        assert_eq!(
            gold.words.len(),
            7,
            "both words of the multi-word token are scored"
        );
        assert_eq!(
            (gold.words[1], gold.words[2]),
            ((3, 4), (4, 10)),
            "the words of a multi-word token divide its characters"
        );
    }

    #[test]
    fn scores_the_core() {
        let scores = evaluate(TINY);
        assert_eq!(scores.sentences.f1(), 1.0);
        assert_eq!((scores.tokens.correct, scores.tokens.gold), (6, 6));
        assert_eq!(
            (scores.words.correct, scores.words.gold),
            (7, 7),
            "the preposition of للحكومة is split off"
        );
    }

    #[test]
    fn clitics_written_as_tokens_are_scored_as_words() {
        let gold = parse(SPLIT_TOKENS);
        assert_eq!(gold.text, "ذهب للحكومة.");
        let scores = evaluate(SPLIT_TOKENS);
        assert_eq!((scores.words.correct, scores.words.gold), (4, 4));
        assert_eq!(scores.tokens.correct, 2, "surface tokens keep the clitic");
    }
}
