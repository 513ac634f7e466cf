//! Tokens with what the extractors ask of them: raw text, folded form, the
//! meanings of a word (alone, after a proclitic, without its article), and
//! whether neighbours are on one line. Everything per token is computed
//! once, in one pass, into flat buffers: extractors never hash or allocate
//! to look a single word up.

use std::cell::{Cell, OnceCell};

use super::decimal::Dec;
use super::durations::AmountOfTime;
use super::lexicon::{
    fold, fold_into, lexicon, strip_article, strip_proclitic, without_possessive, Sense,
};
use super::measures::split_code_amount;
use super::number_words::Amount;
use super::numbers::decimal_value;
use super::starts::{
    word_class, Class, BOUND, CURRENCY, GLUE, LEAD_BOUND, LEAD_CLOCK, LEAD_DATE, LEAD_HOURS,
    LEAD_LIKE, LEAD_NTH, LEAD_PAST, MONTH_WORD, NUMBER, PAIR, START,
};
use crate::core::segment::{digit_value, Token, TokenKind};
use crate::core::stopwords::is_stopword;

/// How a word was found in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// As written.
    Whole,
    /// After a one-letter proclitic (`و`, `ب`...).
    Proclitic,
}

type Senses = &'static [Sense];

pub(super) struct Words<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
    /// Folded forms of the distinct words, one after the other.
    folded: String,
    /// What the lexicon says of each distinct word, symbol or punctuation
    /// text; the first entry stands for every other token (no folded form,
    /// no meaning).
    facts: Vec<Facts>,
    /// For each token, its entry in `facts`: four bytes a token instead of
    /// a copy of the facts (a 5 MB document has about a million tokens, and
    /// every byte a token is a megabyte to write and read).
    fact_of: Vec<u32>,
    /// What each token is, for the extractors' gates (see `starts.rs`),
    /// with [`START`]: whether some entity may start at the token (it is
    /// not a word, or a word with a meaning in the lexicon, with or without
    /// its article), and [`PAIR`]: whether the word (or the word after a
    /// proclitic) starts a two-word form.
    classes: Vec<Class>,
    /// For each token, its entry in `values` if it is a plain number
    /// (`12,500`, `٣٫٥`), else [`NO_VALUE`].
    value_of: Vec<u32>,
    /// The exact values of the plain numbers, in token order.
    values: Vec<Dec>,
    /// Whether token `i + 1` is on the line of token `i` (no line break
    /// between them); false for the last token. Computed once: the
    /// extractors ask it for most tokens, many times.
    same_line: Vec<bool>,
    /// Tokens that join the two ends of an interval, computed on first use
    /// (see `intervals::to_ahead`).
    between_ends: OnceCell<Vec<bool>>,
    /// Numbers found at recent tokens (see `number_words::amount`).
    pub(super) amounts: Memo<Option<Amount>>,
    /// Amounts of time found at recent tokens (see `durations::amount_of_time`).
    pub(super) amounts_of_time: Memo<Option<AmountOfTime>>,
    /// Meanings of the pairs of words at recent tokens (see `find_pair`).
    pairs: Memo<(Senses, Senses)>,
    /// Months found at recent tokens (see `dates::month`).
    pub(super) months: Memo<Option<(u32, usize, bool)>>,
}

/// Results of a pure function of a token index for the last few indices
/// asked: the extractors tried at one token ask the same parsers at the
/// same few tokens many times (`amount` about seven times per token).
pub(super) struct Memo<T: Copy>([Cell<Option<(usize, T)>>; MEMO_SLOTS]);

/// Slots of a [`Memo`]: more than the tokens one token's extractors look at
/// in most cases; a miss only costs the call.
const MEMO_SLOTS: usize = 8;

impl<T: Copy> Default for Memo<T> {
    fn default() -> Self {
        Memo(std::array::from_fn(|_| Cell::new(None)))
    }
}

impl<T: Copy> Memo<T> {
    /// The value at `i`, computed by `compute` unless it was kept. `compute`
    /// must give the same value for the same `i` every time. Asked for
    /// every word by many readers: `#[inline]`, so that the codegen units'
    /// partition does not leave it out of line.
    #[inline]
    pub(super) fn get(&self, i: usize, compute: impl FnOnce() -> T) -> T {
        let slot = &self.0[i % MEMO_SLOTS];
        if let Some((at, value)) = slot.get() {
            if at == i {
                return value;
            }
        }
        let value = compute();
        slot.set(Some((i, value)));
        value
    }
}

impl<'t> Words<'t> {
    pub(super) fn new(text: &'t str, tokens: &'t [Token]) -> Words<'t> {
        let mut folded = String::with_capacity(text.len() / 16);
        let mut facts = vec![Facts::NONE];
        let mut fact_of = Vec::with_capacity(tokens.len());
        let mut classes = Vec::with_capacity(tokens.len());
        let mut value_of = Vec::with_capacity(tokens.len());
        let mut values = Vec::new();
        let same_line = tokens
            .windows(2)
            .map(|pair| !has_newline(&text.as_bytes()[pair[0].span.end..pair[1].span.start]))
            .chain(std::iter::once(false))
            .collect();
        // What a word says depends on its text alone: each distinct text is
        // folded and looked up once (a document repeats most of its words).
        // foldhash reads words eight bytes at a time (FNV goes byte by byte).
        let mut seen: foldhash::HashMap<&'t str, u32> = foldhash::HashMap::default();
        for t in tokens {
            if matches!(
                t.kind,
                TokenKind::Word | TokenKind::Symbol | TokenKind::Punctuation
            ) {
                let raw = t.span.slice(text);
                // A look-up first: most words were seen, and a miss hashes twice.
                let at = match seen.get(raw) {
                    Some(&at) => at,
                    None => {
                        let at = facts.len() as u32;
                        facts.push(Facts::of(raw, &mut folded));
                        seen.insert(raw, at);
                        at
                    }
                };
                let word = &facts[at as usize];
                let start_here = word.meaningful
                    || (t.kind == TokenKind::Punctuation && word.folded_in(&folded) == "(");
                fact_of.push(at);
                classes.push(word.class | if start_here { START } else { 0 });
            } else {
                fact_of.push(0);
                classes.push(
                    START
                        | if t.kind == TokenKind::Number {
                            NUMBER
                        } else {
                            0
                        },
                );
            }
            let value = match t.kind {
                TokenKind::Number => number_value(t.span.slice(text)),
                _ => None,
            };
            value_of.push(keep_value(&mut values, value));
        }
        for i in 0..tokens.len() {
            if let Some(value) = leading_point(text, tokens, i) {
                // `.77`, `٫٧٧`: a number, whether one token or two.
                value_of[i] = keep_value(&mut values, Some(value));
                classes[i] |= NUMBER | START;
            }
        }
        Words {
            text,
            tokens,
            folded,
            facts,
            fact_of,
            classes,
            value_of,
            values,
            same_line,
            between_ends: OnceCell::new(),
            amounts: Memo::default(),
            amounts_of_time: Memo::default(),
            months: Memo::default(),
            pairs: Memo::default(),
        }
    }

    /// The facts of token `i`'s text; past the end, those of no word.
    #[inline]
    fn facts(&self, i: usize) -> &Facts {
        let at = self.fact_of.get(i).copied().unwrap_or(0);
        &self.facts[at as usize]
    }

    /// For every token, whether `joins` says it joins an interval's two
    /// ends; computed once, on the first call.
    pub(super) fn between_ends(&self, joins: impl Fn(usize) -> bool) -> &[bool] {
        self.between_ends
            .get_or_init(|| (0..self.tokens.len()).map(joins).collect())
    }

    /// The exact value of number token `i`, if it is a plain number.
    pub(super) fn number(&self, i: usize) -> Option<Dec> {
        match self.value_of.get(i) {
            Some(&at) if at != NO_VALUE => Some(self.values[at as usize]),
            _ => None,
        }
    }

    /// Whether an entity may start at token `i` (see `starts`).
    pub(super) fn may_start(&self, i: usize) -> bool {
        self.class(i) & START != 0
    }

    /// What token `i` is, for the gates of `starts.rs`; nothing past the end.
    pub(super) fn class(&self, i: usize) -> Class {
        self.classes.get(i).copied().unwrap_or(0)
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i`, empty past the end.
    pub(super) fn raw(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The folded form of word, symbol or punctuation token `i`.
    pub(super) fn folded(&self, i: usize) -> &str {
        self.facts(i).folded_in(&self.folded)
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub(super) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Whether tokens `i` and `i + 1` are on the same line.
    pub(super) fn same_line(&self, i: usize) -> bool {
        self.same_line.get(i).copied().unwrap_or(false)
    }

    /// Whether word `i`, as written, is a number word (`two`, `ثلاثة`).
    pub(super) fn is_number_word(&self, i: usize) -> bool {
        self.find_whole(i, |s| matches!(s, Sense::Num(..)).then_some(()))
            .is_some()
    }

    /// Whether token `k` is a hyphen glued to the tokens on both sides of
    /// it (`twenty-one`, `third-quarter`, `mid-2024`).
    pub(super) fn joins_by_hyphen(&self, k: usize) -> bool {
        k > 0 && self.folded(k) == "-" && self.glued(k - 1) && self.glued(k)
    }

    /// Whether token `i + 1` directly follows token `i` (no space).
    pub(super) fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// The text between token `k - 1` and token `k`; empty at the first
    /// token or past the end.
    pub(super) fn gap_before(&self, k: usize) -> &'t str {
        match (
            k.checked_sub(1).and_then(|j| self.tokens.get(j)),
            self.tokens.get(k),
        ) {
            (Some(a), Some(b)) => &self.text[a.span.end..b.span.start],
            _ => "",
        }
    }

    /// The token after `i` when `i` is the article drawn out before a number
    /// (`الـ24`, two tokens), else `i`.
    #[inline]
    pub(super) fn past_drawn_article(&self, i: usize) -> usize {
        // The kind of the next token first: most tokens are before no number.
        let drawn = self.is_number(i + 1) && self.folded(i) == "ال" && self.glued(i);
        i + usize::from(drawn)
    }

    /// The token after `i` when `i` is `the` before a token on its line
    /// (`the first quarter`), else `i`.
    #[inline]
    pub(super) fn past_the(&self, i: usize) -> usize {
        i + usize::from(self.folded(i) == "the" && self.next_on_line(i + 1))
    }

    /// Whether token `i` exists and is on the line of token `i - 1`.
    pub(super) fn next_on_line(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.same_line(i - 1)
    }

    /// Whether token `i`, on the line of the token before, is a word other
    /// than a stop word: a noun that an amount before it may count (`2000
    /// people`).
    pub(super) fn noun_follows(&self, i: usize) -> bool {
        self.next_on_line(i) && self.is_word(i) && !is_stopword(self.folded(i))
    }

    /// Whether token `i` is a lower-case English noun (no stop word) or
    /// `of` on the line of the token before: an English expression before
    /// it is an adjective of the noun (`the weekend edition`, `the spring
    /// water`) or a part of a longer one (`the weekend of October 5`).
    pub(super) fn lower_noun_or_of_follows(&self, i: usize) -> bool {
        let lower = self.raw(i).starts_with(|c: char| c.is_ascii_lowercase());
        lower && (self.noun_follows(i) || (self.next_on_line(i) && self.folded(i) == "of"))
    }

    /// The meanings of word `i` as written, else after a proclitic.
    pub(super) fn senses(&self, i: usize) -> (Senses, Form) {
        self.facts(i).senses
    }

    /// The bytes of the proclitic that word `i` means something after
    /// (`و` of `وثلاث`, of `والسادس` before the article, with any marks on
    /// it), or 0.
    pub(super) fn proclitic_len(&self, i: usize) -> usize {
        let after_proclitic = match self.senses(i) {
            (senses, Form::Proclitic) if !senses.is_empty() => true,
            _ => {
                let (senses, conj) = self.facts(i).article;
                conj && !senses.is_empty()
            }
        };
        if !after_proclitic {
            return 0;
        }
        self.first_letter_len(i)
    }

    /// The bytes of the first letter of word `i`, with any marks on it.
    pub(super) fn first_letter_len(&self, i: usize) -> usize {
        self.raw(i)
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
            .map_or(0, |(at, _)| at)
    }

    /// The first meaning of word `i` (as written or after a proclitic) that
    /// `pick` accepts.
    pub(super) fn find<T>(
        &self,
        i: usize,
        pick: impl Fn(&Sense) -> Option<T>,
    ) -> Option<(T, Form)> {
        let (senses, form) = self.senses(i);
        senses.iter().find_map(&pick).map(|t| (t, form))
    }

    /// The first meaning of word `i` as written (no proclitic) that `pick` accepts.
    pub(super) fn find_whole<T>(&self, i: usize, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        match self.senses(i) {
            (senses, Form::Whole) => senses.iter().find_map(pick),
            _ => None,
        }
    }

    /// A meaning of words `i` and `i + 1` together (on one line), the first
    /// word possibly after a proclitic.
    pub(super) fn find_pair<T>(&self, i: usize, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        if self.class(i) & PAIR == 0 || !self.same_line(i) || !self.is_word(i + 1) {
            return None;
        }
        let (whole, after_proclitic) = self.pairs.get(i, || self.pair_senses(i));
        whole
            .iter()
            .find_map(&pick)
            .or_else(|| after_proclitic.iter().find_map(&pick))
    }

    /// The meanings of words `i` and `i + 1` together, the first as
    /// written, and after its proclitic.
    fn pair_senses(&self, i: usize) -> (Senses, Senses) {
        let first = self.folded(i);
        let second = self.folded(i + 1);
        let look = |f: &str| -> Senses {
            if !lexicon().starts_pair(f) {
                return &[];
            }
            // The two words joined by a space, on the stack: this runs for
            // every word that starts some pair.
            let mut key = [0u8; 96];
            let len = f.len() + 1 + second.len();
            let Some(key) = key.get_mut(..len) else {
                return &[];
            };
            key[..f.len()].copy_from_slice(f.as_bytes());
            key[f.len()] = b' ';
            key[f.len() + 1..].copy_from_slice(second.as_bytes());
            match std::str::from_utf8(key) {
                Ok(key) => lexicon().senses(key),
                Err(_) => &[],
            }
        };
        (look(first), strip_proclitic(first).map_or(&[], look))
    }

    /// A meaning of word `i` without its article (`الثالث`), or after `و`
    /// and the article (`والعشرين`, flagged true).
    pub(super) fn find_after_article<T>(
        &self,
        i: usize,
        pick: impl Fn(&Sense) -> Option<T>,
    ) -> Option<(T, bool)> {
        let (senses, conj) = self.facts(i).article;
        senses.iter().find_map(pick).map(|t| (t, conj))
    }

    /// The meaning of tokens `i..` written together without spaces (`ج.م`,
    /// `US$`, `°C`), at most `max` tokens, the longest first; returns it and
    /// the token after. One token alone is looked up as a word.
    pub(super) fn find_glued<T>(
        &self,
        i: usize,
        max: usize,
        pick: impl Fn(&Sense) -> Option<T>,
    ) -> Option<(T, usize)> {
        let single = || self.find_whole(i, &pick).map(|t| (t, i + 1));
        if !self.glued(i) || !lexicon().starts_glued(self.folded(i)) {
            return single();
        }
        let mut last = i;
        while last + 1 < self.tokens.len() && last + 1 < i + max && self.glued(last) {
            last += 1;
        }
        (i + 1..=last)
            .rev()
            .find_map(|end| {
                let raw = &self.text[self.tokens[i].span.start..self.tokens[end].span.end];
                lexicon()
                    .senses(&fold(raw))
                    .iter()
                    .find_map(&pick)
                    .map(|t| (t, end + 1))
            })
            .or_else(single)
    }

    /// The value and digit count of a plain number token of 1 to 4 digits.
    pub(super) fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_number(i) {
            return None;
        }
        digits(self.raw(i))
    }
}

/// What the lexicon says of one word, shared by every token with its text.
#[derive(Clone, Copy)]
struct Facts {
    /// Where its folded form is in `Words::folded`: start and end.
    folded: (u32, u32),
    senses: (Senses, Form),
    article: (Senses, bool),
    /// A meaning as written, without the article, or as a pair's start.
    meaningful: bool,
    class: Class,
}

impl Facts {
    /// The facts of a token that is no word: no folded form, no meaning.
    const NONE: Facts = Facts {
        folded: (0, 0),
        senses: (&[], Form::Whole),
        article: (&[], false),
        meaningful: false,
        class: 0,
    };

    /// Its folded form.
    #[inline]
    fn folded_in<'f>(&self, folded: &'f str) -> &'f str {
        &folded[self.folded.0 as usize..self.folded.1 as usize]
    }

    /// Folds `raw` onto the end of `folded` and looks the form up.
    fn of(raw: &str, folded: &mut String) -> Facts {
        let start = folded.len();
        fold_into(raw, folded);
        let stem = without_possessive(&folded[start..]).len();
        folded.truncate(start + stem);
        let form = &folded[start..];
        let senses = look_up(form);
        let article = after_article(form);
        let pair = lexicon().starts_pair(form)
            || strip_proclitic(form).is_some_and(|r| lexicon().starts_pair(r));
        let mut class = word_class(form, senses.0, article.0) | if pair { PAIR } else { 0 };
        if split_code_amount(raw).is_some() {
            class |= CURRENCY;
        }
        Facts {
            folded: (start as u32, folded.len() as u32),
            senses,
            article,
            meaningful: !senses.0.is_empty()
                || !article.0.is_empty()
                || pair
                // A form the tokenizer splits starts there (`HK$` of `HK$20`).
                // The dual `شهري` (the two months of) has no sense of its own.
                || class & (BOUND | LEAD_BOUND | LEAD_CLOCK | LEAD_DATE | LEAD_HOURS | LEAD_NTH | LEAD_PAST | LEAD_LIKE | CURRENCY | GLUE | MONTH_WORD)
                    != 0
                // The article drawn out before digits (`الـ33`), the dual
                // of a point (`نقطتين مئويتين`), `تاريخه` of `حتى تاريخه`
                // (to date) and `عطلة` of `عطلة نهاية الأسبوع` (the weekend).
                || matches!(form, "ال" | "تاريخه" | "عطله")
                || super::numbers::points_dual(form).is_some(),
            class,
        }
    }
}

/// A number written with a leading decimal separator and no digit before
/// it (`.77`, `٫٧٧`), at token `i`: its value. The separator and the
/// digits are two tokens (`.` `77`) or one word (`٫٧٧`).
fn leading_point(text: &str, tokens: &[Token], i: usize) -> Option<Dec> {
    let raw = tokens[i].span.slice(text);
    let (digits, two) = match (tokens[i].kind, raw) {
        (TokenKind::Word, _) if raw.starts_with('٫') => (&raw['٫'.len_utf8()..], false),
        (TokenKind::Punctuation | TokenKind::Symbol, "." | "٫") => {
            let next = tokens.get(i + 1)?;
            if next.kind != TokenKind::Number || next.span.start != tokens[i].span.end {
                return None;
            }
            (next.span.slice(text), true)
        }
        _ => return None,
    };
    if digits.is_empty() || !digits.chars().all(|c| digit_value(c).is_some()) {
        return None;
    }
    // Asked last: the shape above rules out most tokens more cheaply.
    let digit_before = i > 0
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens[i - 1]
            .span
            .slice(text)
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '٫' | '٬'));
    if digit_before {
        return None;
    }
    let after = if two { i + 2 } else { i + 1 };
    if tokens
        .get(after)
        .is_some_and(|t| t.span.start == tokens[after - 1].span.end && t.kind != TokenKind::Word)
    {
        return None; // `.5.6`, `.77%`: something else glued on.
    }
    let mut decimal = String::from("0.");
    decimal.extend(
        digits
            .chars()
            .filter_map(|c| digit_value(c).map(|d| char::from(b'0' + d as u8))),
    );
    Dec::parse(&decimal)
}

/// `Words::value_of` for a token that is no plain number.
const NO_VALUE: u32 = u32::MAX;

/// Keeps `value`, if any, at the end of `values`; returns where, else [`NO_VALUE`].
fn keep_value(values: &mut Vec<Dec>, value: Option<Dec>) -> u32 {
    match value {
        Some(value) => {
            values.push(value);
            (values.len() - 1) as u32
        }
        None => NO_VALUE,
    }
}

/// Whether a gap between tokens holds a line break.
fn has_newline(gap: &[u8]) -> bool {
    // Most gaps are one space: no search for those.
    gap != b" " && gap.contains(&b'\n')
}

/// The value of a plain number token: not a percentage, time, date or range.
fn number_value(raw: &str) -> Option<Dec> {
    if raw.ends_with(['%', '٪']) {
        return None;
    }
    decimal_value(raw)
}

/// The meanings of a folded word as written, else after a proclitic.
fn look_up(folded: &str) -> (Senses, Form) {
    if folded.is_empty() {
        return (&[], Form::Whole);
    }
    let whole = lexicon().senses(folded);
    if !whole.is_empty() {
        return (whole, Form::Whole);
    }
    match strip_proclitic(folded) {
        Some(rest) => (lexicon().senses(rest), Form::Proclitic),
        None => (&[], Form::Whole),
    }
}

fn after_article(folded: &str) -> (Senses, bool) {
    let (rest, conj) = match folded.strip_prefix('و').and_then(strip_article) {
        Some(rest) => (rest, true),
        None => match strip_article(folded) {
            Some(rest) => (rest, false),
            None => return (&[], false),
        },
    };
    (lexicon().senses(rest), conj)
}

/// The value and digit count of a string of 1-4 digits of any script.
pub(super) fn digits(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars() {
        value = value * 10 + digit_value(c)?;
        len += 1;
        if len > 4 {
            return None;
        }
    }
    (len > 0).then_some((value, len))
}
