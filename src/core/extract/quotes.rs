//! Quotations: words between quotation marks (`"..."`, `«...»`, `“...”`) and
//! reported speech (`قال X إن ...`, `وذكر X أن ...`, `X said that ...`), each
//! with its speaker when one is found, linked to the person or organization
//! entity that covers it.
//!
//! Every search is bounded (a quotation is at most [`MAX_QUOTE_TOKENS`]
//! tokens and stops at a blank line; speakers are looked for a few tokens
//! around the verb), so the pass is linear in the text.

use crate::core::extract::fold_into;
use crate::core::fold::fold;
use crate::core::ner::gazetteer::{lists, Cue};
use crate::core::ner::{Mention, NerKind};
use crate::core::segment::{Token, TokenKind};
use crate::core::span::Span;
use crate::core::stopwords::is_stopword;

/// Longest quotation, in tokens.
pub const MAX_QUOTE_TOKENS: usize = 400;
/// How far from a verb of saying its speaker and its `إن`/`that` may be.
const SPEAKER_WINDOW: usize = 8;
/// Fewest word tokens between marks for a quotation (a quoted single word
/// is a term or a title, not a quotation).
const MIN_QUOTE_WORDS: usize = 2;

/// How a quotation is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// A clause after a verb of saying and `إن`/`أن`/`that`.
    Reported,
}

/// Something someone said.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// What was said, without the marks.
    pub span: Span,
    /// Who said it.
    pub speaker: Option<Span>,
    /// The named-entity group (person or organization) of the speaker.
    pub speaker_group: Option<usize>,
    /// The verb of saying.
    pub cue: Option<Span>,
}

/// Which way a quotation mark faces (see [`Marks::facing`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facing {
    Opens,
    Closes,
    Either,
}

fn closing_mark(open: &str) -> Option<&'static str> {
    match open {
        "«" => Some("»"),
        "“" => Some("”"),
        "\"" => Some("\""),
        _ => None,
    }
}

/// What each token is for quotations.
struct Marks<'a> {
    text: &'a str,
    tokens: &'a [Token],
    cues: Vec<Option<Cue>>,
}

impl Marks<'_> {
    fn slice(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }

    /// Whether a sentence or paragraph ends after token `i`.
    fn ends_sentence(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let blank_after = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| self.text[t.span.end..n.span.start].contains('\n'));
        blank_after
            || (t.kind == TokenKind::Punctuation
                && matches!(self.slice(i), "." | "!" | "?" | "؟" | "…"))
    }

    fn paragraph_break_after(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|n| {
            self.text[self.tokens[i].span.end..n.span.start]
                .matches('\n')
                .count()
                >= 2
        })
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end)
    }

    /// Which way the mark at token `i` faces, from what stands right
    /// around it: after a space (or a tatweel, `بـ"...`) and before a
    /// letter it opens (` "word`); after a letter and before a space or
    /// punctuation it closes (`word" `, `word".`). Only a straight quote
    /// needs this: `«` and `“` open, `»` and `”` close.
    fn facing(&self, i: usize) -> Facing {
        let span = self.tokens[i].span;
        let before = self.text[..span.start].chars().next_back();
        let after = self.text[span.end..].chars().next();
        let open_before = before.is_none_or(|c| c.is_whitespace() || c == 'ـ' || c == '(');
        let word_after = after.is_some_and(char::is_alphanumeric);
        let word_before = before.is_some_and(char::is_alphanumeric);
        let open_after = after.is_none_or(|c| !c.is_alphanumeric());
        match (open_before && word_after, word_before && open_after) {
            (true, false) => Facing::Opens,
            (false, true) => Facing::Closes,
            _ => Facing::Either,
        }
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether token `i` may be a word of a speaker: a word that does not
    /// end in a tatweel (`لـ`, a preposition written apart from what it
    /// governs, or a tatweel alone: a dash).
    fn is_speaker_word(&self, i: usize) -> bool {
        self.is_word(i) && !self.slice(i).ends_with('ـ')
    }
}

/// The cue a word is: as written, or after a joined `و`/`ف` (`folded` is
/// a buffer for its folded form, kept from word to word).
fn cue_of(word: &str, folded: &mut String) -> Option<Cue> {
    folded.clear();
    fold_into(word, folded);
    let folded = folded.as_str();
    cue_of_folded(folded).or_else(|| {
        let rest = folded
            .strip_prefix('و')
            .or_else(|| folded.strip_prefix('ف'))?;
        (rest.chars().count() >= 2)
            .then(|| cue_of_folded(rest))
            .flatten()
    })
}

/// Pronouns that join the end of `إن`/`أن` (folded: `إنه`, `أنها`,
/// `أنهم`, `إنني`, `أننا`, `بأنه`), longest first.
const ATTACHED_PRONOUNS: [&str; 12] = [
    "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي",
];

/// The cue a folded word is, or `إن`/`أن` with a pronoun joined to it:
/// the complementizer whose clause's subject is the pronoun (`قال إنه
/// سيغادر`, `أكدت أنها لن تتراجع`).
fn cue_of_folded(folded: &str) -> Option<Cue> {
    let lists = lists();
    lists.cue(folded).or_else(|| {
        // Only `ان`/`بان` and a pronoun of at most three letters: six
        // Arabic letters, twelve bytes (most words are looked up once).
        if !(folded.starts_with("ان") || folded.starts_with("بان")) || folded.len() > 12 {
            return None;
        }
        ATTACHED_PRONOUNS
            .iter()
            .filter_map(|p| folded.strip_suffix(p))
            .any(|stem| lists.cue(stem) == Some(Cue::That))
            .then_some(Cue::That)
    })
}

/// The quotations of `text` (tokenized as `tokens`), with speakers linked
/// to `mentions` (in text order).
pub fn quotations(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Quote> {
    let mut folded = String::new();
    let cues = tokens
        .iter()
        .map(|t| {
            (t.kind == TokenKind::Word)
                .then(|| cue_of(t.span.slice(text), &mut folded))
                .flatten()
        })
        .collect();
    let marks = Marks { text, tokens, cues };
    let mut quotes = Vec::new();
    let mut inside = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let Some(close) = closing_token(&marks, i) else {
            i += 1;
            continue;
        };
        // A pair too short for a quotation (a quoted term, `بـ"الإرهاب"`)
        // is still a pair: its closing mark opens nothing.
        if let Some(quote) = direct(&marks, i, close) {
            inside[i..=close].fill(true);
            quotes.push(with_speaker(&marks, quote, i, close, mentions));
        }
        i = close + 1;
    }
    for (cue, _) in marks
        .cues
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(Cue::Speech))
    {
        if !inside[cue] {
            if let Some(q) = reported(&marks, cue, mentions) {
                quotes.push(q);
            }
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// The token that closes the quotation mark at token `open` (none when
/// `open` is no opening mark, or nothing closes it before a blank line or
/// [`MAX_QUOTE_TOKENS`]).
fn closing_token(marks: &Marks, open: usize) -> Option<usize> {
    let close_mark = closing_mark(marks.slice(open))?;
    // A straight quote that faces back closes something before it.
    let straight = close_mark == "\"";
    if straight && marks.facing(open) == Facing::Closes {
        return None;
    }
    let last = (open + MAX_QUOTE_TOKENS).min(marks.tokens.len() - 1);
    for j in open + 1..=last {
        if marks.slice(j) == close_mark {
            // One that faces forward opens the next quotation: this one
            // has lost its closing mark.
            return (!straight || marks.facing(j) != Facing::Opens).then_some(j);
        }
        if marks.paragraph_break_after(j) {
            break;
        }
    }
    None
}

/// The quotation between the marks at tokens `open` and `close`, when
/// it has words enough to be one.
fn direct(marks: &Marks, open: usize, close: usize) -> Option<Quote> {
    let words = (open + 1..close).filter(|&j| marks.is_word(j)).count();
    (words >= MIN_QUOTE_WORDS).then(|| Quote {
        kind: QuoteKind::Direct,
        span: marks.span(open + 1, close),
        speaker: None,
        speaker_group: None,
        cue: None,
    })
}

/// The direct quote's speaker: a verb of saying shortly before the opening
/// mark (`قال X: «...»`, `X said: "..."`), else shortly after the closing one
/// (`«...»، قال X`, `"...", X said`).
fn with_speaker(
    marks: &Marks,
    mut quote: Quote,
    open: usize,
    close: usize,
    mentions: &[Mention],
) -> Quote {
    let before = (open.saturating_sub(SPEAKER_WINDOW)..open)
        .rev()
        .take_while(|&j| !marks.ends_sentence(j))
        .find(|&j| marks.cues[j] == Some(Cue::Speech));
    let found = match before {
        Some(cue) => speaker_near(marks, cue, open, mentions).map(|s| (cue, s)),
        None => {
            let end = (close + 1 + SPEAKER_WINDOW).min(marks.tokens.len());
            (close + 1..end)
                .take_while(|&j| j == close + 1 || !marks.ends_sentence(j - 1))
                .find(|&j| marks.cues[j] == Some(Cue::Speech))
                .and_then(|cue| {
                    let stop = sentence_end(marks, cue, end);
                    speaker_near(marks, cue, stop, mentions)
                        .or_else(|| mention_ending_before(marks, cue, close + 1, mentions))
                        .map(|s| (cue, s))
                })
        }
    };
    if let Some((cue, (span, group))) = found {
        quote.cue = Some(marks.tokens[cue].span);
        quote.speaker = Some(span);
        quote.speaker_group = group;
    }
    quote
}

/// The first token after `from` where the sentence ends (at most `limit`).
fn sentence_end(marks: &Marks, from: usize, limit: usize) -> usize {
    (from..limit)
        .find(|&j| marks.ends_sentence(j))
        .map_or(limit, |j| j + 1)
}

/// The speaker after the verb at `cue`, before `stop`: a person or
/// organization mention there, else the words there (at most a few) unless
/// they say where or to whom it was said ([`is_placement`]). With no such
/// words after the verb, a mention right before it (`X said`).
fn speaker_near(
    marks: &Marks,
    cue: usize,
    stop: usize,
    mentions: &[Mention],
) -> Option<(Span, Option<usize>)> {
    let after = words_between(marks, cue + 1, stop);
    if let Some((start, end)) = after {
        let span = marks.span(start, end);
        if let Some(m) = speaker_mention(mentions, span) {
            return Some((m.span, Some(m.group)));
        }
        if !is_placement(marks, start, end) {
            let end = before_circumstances(marks, start, end, mentions);
            return Some((marks.span(start, end), None));
        }
    }
    mention_ending_before(marks, cue, cue.saturating_sub(SPEAKER_WINDOW), mentions)
}

/// Prepositions (folded) that open where, when or to whom something was
/// said after the verb, not who said it (`قال في رسالة`, `قال لـ«...»`,
/// `قال قبل الاجتماع`).
const PLACEMENT_PREPOSITIONS: [&str; 14] = [
    "في", "ل", "ب", "علي", "الي", "من", "عن", "مع", "قبل", "بعد", "عند", "لدي", "منذ", "حول",
];

/// Whether the words `start..end` after a verb of saying are no speaker:
/// a stop word alone (`قال هذا`, `قال إنه`), or words that open with one of
/// [`PLACEMENT_PREPOSITIONS`]. A quantifier or a demonstrative with a noun
/// is a speaker (`قال أحد المسؤولين`, `قالت هذه الموظفة`).
fn is_placement(marks: &Marks, start: usize, end: usize) -> bool {
    let first = fold(marks.slice(start));
    (end == start + 1 && is_stopword(&first)) || PLACEMENT_PREPOSITIONS.contains(&first.as_str())
}

/// Word tokens from `start` up to `stop` (at most [`SPEAKER_WINDOW`],
/// stopping at punctuation): their first and end indices.
fn words_between(marks: &Marks, start: usize, stop: usize) -> Option<(usize, usize)> {
    let mut end = start;
    while end < stop.min(start + SPEAKER_WINDOW)
        && marks.is_speaker_word(end)
        && marks.cues[end] != Some(Cue::That)
    {
        end += 1;
    }
    (end > start).then_some((start, end))
}

/// Prepositions that open the circumstances of what was said (when,
/// where, before whom) after the speaker: `قال X خلال مؤتمر صحفي`, `أمام
/// البرلمان`, `X said during a visit`.
const CIRCUMSTANCE_PREPOSITIONS: [&str; 6] = ["خلال", "اثناء", "عقب", "امام", "عبر", "during"];

/// Where the speaker's words `start..end` stop before the circumstances
/// of what was said: at one of [`CIRCUMSTANCE_PREPOSITIONS`], or at `في`
/// (`in`) before an indefinite word that names no place or institution
/// (`قالت X في مقابلة`, `البنك في بيان`, `الشرطة في وقت سابق`, `said in
/// a statement`). `في` before a definite word, a listed place or a named
/// entity is where the speaker belongs (`مسؤول في الإدارة`, `مصدر في مطار
/// دبي`, `المنتدى في جنيف`) and stays.
fn before_circumstances(marks: &Marks, start: usize, end: usize, mentions: &[Mention]) -> usize {
    (start + 1..end)
        .find(|&j| opens_circumstance(marks, j, end, mentions))
        .unwrap_or(end)
}

fn opens_circumstance(marks: &Marks, j: usize, end: usize, mentions: &[Mention]) -> bool {
    let word = fold(marks.slice(j));
    if CIRCUMSTANCE_PREPOSITIONS.contains(&word.as_str()) {
        return true;
    }
    let next = j + 1;
    if next >= end || !marks.is_word(next) {
        return false;
    }
    let mut following = String::new();
    fold_into(marks.slice(next), &mut following);
    match word.as_str() {
        "في" => {
            !following.starts_with("ال")
                && marks.cues[next].is_none()
                && lists().place(&following).is_none()
                && starting_in(mentions, marks.tokens[next].span).is_empty()
        }
        "in" => matches!(following.as_str(), "a" | "an"),
        _ => false,
    }
}

/// The mentions that start inside `span` (mentions are in text order).
fn starting_in(mentions: &[Mention], span: Span) -> &[Mention] {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let end = mentions.partition_point(|m| m.span.start < span.end);
    &mentions[first..end.max(first)]
}

/// A person or organization mention inside `span` (a person first).
fn speaker_mention(mentions: &[Mention], span: Span) -> Option<&Mention> {
    let inside = starting_in(mentions, span).iter().filter(|m| {
        span.contains(m.span) && matches!(m.kind, NerKind::Person | NerKind::Organization)
    });
    inside
        .clone()
        .find(|m| m.kind == NerKind::Person)
        .or_else(|| inside.into_iter().next())
}

/// A person or organization mention that ends just before the verb at
/// `cue` (a comma between allowed), starting at or after token `floor`.
fn mention_ending_before(
    marks: &Marks,
    cue: usize,
    floor: usize,
    mentions: &[Mention],
) -> Option<(Span, Option<usize>)> {
    let mut j = cue;
    while j > floor && matches!(marks.slice(j - 1), "," | "،") {
        j -= 1;
    }
    let end = marks.tokens.get(j.checked_sub(1)?)?.span.end;
    let floor = marks.tokens[floor.min(marks.tokens.len() - 1)].span.start;
    starting_in(mentions, Span::new(floor, end))
        .iter()
        .find(|m| {
            m.span.end == end
                && m.span.start >= floor
                && matches!(m.kind, NerKind::Person | NerKind::Organization)
        })
        .map(|m| (m.span, Some(m.group)))
}

/// Reported speech after the verb at `cue`: `قال X إن ...` (the speaker
/// between the verb and `إن`) or `X said that ...` (the speaker before the
/// verb); what was said runs to the end of the sentence.
fn reported(marks: &Marks, cue: usize, mentions: &[Mention]) -> Option<Quote> {
    let limit = (cue + 1 + SPEAKER_WINDOW).min(marks.tokens.len());
    let that = (cue + 1..limit)
        .take_while(|&j| !marks.ends_sentence(j - 1) && closing_mark(marks.slice(j)).is_none())
        .find(|&j| marks.cues[j] == Some(Cue::That))?;
    let content_start = that + 1;
    if content_start >= marks.tokens.len() || closing_mark(marks.slice(content_start)).is_some() {
        return None;
    }
    let end_limit = (content_start + MAX_QUOTE_TOKENS).min(marks.tokens.len());
    let mut end = sentence_end(marks, content_start, end_limit);
    while end > content_start && !marks.is_word(end - 1) {
        end -= 1;
    }
    let words = (content_start..end).filter(|&j| marks.is_word(j)).count();
    if words < MIN_QUOTE_WORDS {
        return None;
    }
    let speaker = if that > cue + 1 {
        speaker_between(marks, cue + 1, that, mentions)
    } else {
        mention_ending_before(marks, cue, cue.saturating_sub(SPEAKER_WINDOW), mentions)
    };
    Some(Quote {
        kind: QuoteKind::Reported,
        span: marks.span(content_start, end),
        speaker: speaker.map(|s| s.0),
        speaker_group: speaker.and_then(|s| s.1),
        cue: Some(marks.tokens[cue].span),
    })
}

/// The speaker in tokens `start..stop`, between a verb of saying and its
/// `إن`/`أن`: a person or organization mention there, else those words
/// without the punctuation at their ends (`وأكد المجتمعون، أن`) and the
/// stop words at their end (`أشار الوزير إلى أن`), unless
/// they start with a stop word: then they are a preposition and what it
/// governs, no speaker (`وأشار إلى أن`, `قال في بيان إن`).
fn speaker_between(
    marks: &Marks,
    start: usize,
    stop: usize,
    mentions: &[Mention],
) -> Option<(Span, Option<usize>)> {
    let first = (start..stop).find(|&j| marks.is_word(j))?;
    let end = (first..stop).rev().find(|&j| marks.is_word(j))? + 1;
    if let Some(m) = speaker_mention(mentions, marks.span(first, end)) {
        return Some((m.span, Some(m.group)));
    }
    let stop = before_circumstances(marks, first, end, mentions);
    let mut end = (first..stop).rev().find(|&j| marks.is_word(j))? + 1;
    // A stop word ends no speaker: it is the preposition the verb takes
    // before `أن` (`أشار الرئيس إلى أنه`).
    while end > first + 1 && is_stopword(&fold(marks.slice(end - 1))) {
        end -= 1;
    }
    (!is_stopword(&fold(marks.slice(first)))).then_some((marks.span(first, end), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::tokenize;

    /// (kind, quoted text, speaker text) of each quotation of `text`, with
    /// no named entities.
    fn quotes(text: &str) -> Vec<(QuoteKind, &str, Option<&str>)> {
        quotations(text, &tokenize(text), &[])
            .into_iter()
            .map(|q| (q.kind, q.span.slice(text), q.speaker.map(|s| s.slice(text))))
            .collect()
    }

    #[test]
    fn the_closing_mark_of_a_quoted_term_opens_nothing() {
        // `"الإرهاب"` is one word, too short for a quotation, but its marks
        // are a pair: its closing mark must not open a quotation that runs
        // to the next opening mark.
        let text = "وصف البيان الهجوم بـ\"الإرهاب\" وطالب بانسحاب القوات من \
                    المنطقة ضمن ما سماه \"خطة السلام\" الجديدة.";
        assert_eq!(quotes(text), [(QuoteKind::Direct, "خطة السلام", None)]);
    }

    #[test]
    fn a_straight_quote_that_faces_forward_opens_the_next_quotation() {
        // The first quotation lost its closing mark: the mark before
        // `شكرا` has a space before it and a word after it, so it opens.
        let text = "قال \"مرحبا بكم جميعا وغادر القاعة. ثم كتب \"شكرا لكم جميعا\" \
                    في رسالته.";
        assert_eq!(quotes(text), [(QuoteKind::Direct, "شكرا لكم جميعا", None)]);
    }

    #[test]
    fn a_direct_speaker_is_no_preposition_nor_a_dash() {
        let table = [
            ("قال في رسالة قصيرة: «سنعود قريبا إلى الحي».", None),
            ("وقال لـ«صحيفة الغد» إن الخطة جاهزة.", None),
            ("وقال هذا: «سنعود قريبا إلى الحي».", None),
            (
                "وقال أحد السكان: «سنعود قريبا إلى الحي».",
                Some("أحد السكان"),
            ),
            ("وقال الوزير ـ «سنعود قريبا إلى الحي».", Some("الوزير")),
        ];
        for (text, speaker) in table {
            let found = quotes(text);
            let direct = found.iter().find(|q| q.0 == QuoteKind::Direct);
            assert_eq!(direct.map(|q| q.2), Some(speaker), "{found:?} ({text})");
        }
    }

    #[test]
    fn reported_speech_opens_with_an_attached_pronoun_too() {
        // `إنه`, `أنها`, `بأنهم`: the complementizer with the clause's
        // subject joined to it; what was said starts after it.
        let table = [
            (
                "وقال المتحدث إنه سيغادر البلاد صباح الغد.",
                "سيغادر البلاد صباح الغد",
                Some("المتحدث"),
            ),
            (
                "وأكدت اللجنة أنها لن تقبل بأي تأجيل جديد.",
                "لن تقبل بأي تأجيل جديد",
                Some("اللجنة"),
            ),
            (
                "وصرح المدرب بأنهم استعدوا جيدا للمباراة.",
                "استعدوا جيدا للمباراة",
                Some("المدرب"),
            ),
            // The preposition the verb takes stays out of the speaker.
            (
                "وأشار المدير إلى أنه سيعلن النتائج قريبا.",
                "سيعلن النتائج قريبا",
                Some("المدير"),
            ),
        ];
        for (text, said, speaker) in table {
            assert_eq!(
                quotes(text),
                [(QuoteKind::Reported, said, speaker)],
                "{text}"
            );
        }
        // `لأنه` (because he) and `أنا` (I) are no complementizer.
        assert_eq!(quotes("وقال المتحدث لأنه تأخر عن الموعد كثيرا."), []);
        assert_eq!(quotes("وقال أنا سأحضر الاجتماع غدا."), []);
    }

    #[test]
    fn a_reported_speaker_is_words_without_punctuation_and_no_preposition() {
        let table = [
            (
                "وأكد المشاركون، أن المرحلة تتطلب الحذر الشديد.",
                Some("المشاركون"),
            ),
            ("وأشار إلى أن الاجتماع سيعقد الأسبوع المقبل.", None),
            ("وقال في بيان إن الاجتماع سيعقد الأسبوع المقبل.", None),
            (
                "وقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل.",
                Some("المتحدث"),
            ),
        ];
        for (text, speaker) in table {
            let found = quotes(text);
            assert_eq!(found.len(), 1, "{found:?} ({text})");
            assert_eq!(found[0].0, QuoteKind::Reported, "{text}");
            assert_eq!(found[0].2, speaker, "{text}");
        }
    }

    #[test]
    fn the_speaker_ends_where_the_circumstances_of_the_saying_begin() {
        // `في` before an indefinite word (`في مقابلة`, `في بيان`) and
        // `خلال` tell when and where it was said; `في` before a definite
        // word or a listed place tells where the speaker belongs.
        let table = [
            ("وقالت الوزيرة في مقابلة إن الخطة جاهزة.", "الوزيرة"),
            ("وقال البنك في بيان له إن القرض وقع.", "البنك"),
            ("وقال المدير خلال مؤتمر صحفي إن الخطة جاهزة.", "المدير"),
            ("وقال مسؤول في الوزارة إن الخطة جاهزة.", "مسؤول في الوزارة"),
            ("وقال مصدر في دمشق إن الخطة جاهزة.", "مصدر في دمشق"),
        ];
        for (text, speaker) in table {
            let found = quotes(text);
            assert_eq!(found.len(), 1, "{found:?} ({text})");
            assert_eq!(found[0].2, Some(speaker), "{text}");
        }
        let direct = quotes("وقالت المديرة خلال زيارتها: «سنعود قريبا إلى العمل».");
        assert_eq!(direct.len(), 1, "{direct:?}");
        assert_eq!(direct[0].2, Some("المديرة"));
    }
}
