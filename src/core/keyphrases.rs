//! Keyphrases: the phrases a document is about, by YAKE (Campos et al.,
//! "YAKE! Keyword extraction from single documents using multiple local
//! features", Information Sciences 509, 2020), unsupervised and
//! language-independent, over matching forms of words.
//!
//! A word's matching form is its stem without clitics or article
//! (`وبالاجتماع` and `الاجتماع` are both `اجتماع`, [`split_clitics`]), folded
//! ([`fold`]). Candidates are runs of one to [`MAX_PHRASE_WORDS`] words
//! with no stop word (`data/stopwords.tsv`), number, punctuation or line
//! break inside. Each word is scored on its frequency, position, spread over
//! sentences, case (Latin capitals) and the variety of its neighbours; a
//! phrase's score is YAKE's, `S / (tf * (1 + sum of S(w)))`, except that `S`
//! is the geometric mean of its words' scores where YAKE takes their
//! product (with the product, length alone wins on short texts: any three
//! rare words of the first sentence beat a phrase repeated throughout).
//! Lower is better in YAKE; it is reported as `relevance`, the best phrase's
//! score over this one's, so the top phrase has 1. Phrases whose words are a subset
//! of a better phrase's (or the reverse), that share two words with it, or
//! whose first occurrence overlaps its first occurrence are left out: they
//! are windows on one longer phrase (YAKE drops near-duplicates by string
//! similarity instead).
//!
//! Two passes over the tokens: the first counts, the second collects the
//! spans of the chosen phrases only, so memory stays proportional to the
//! vocabulary, not to the text.

/// Word and phrase tables of one document: foldhash (seeded per process)
/// is much cheaper than SipHash on these many short keys.
type HashMap<K, V> = foldhash::HashMap<K, V>;

use super::budget::Budget;
use super::error::Error;
use super::fold::fold;
use super::segment::{split_clitics, CliticConvention, MorphemeRole, Token, TokenKind};
use super::span::Span;
use super::stopwords::is_stopword;

/// Longest phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 3;
/// Phrases returned when the caller does not say.
pub const DEFAULT_MAX_PHRASES: usize = 10;

/// A keyphrase of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyphrase {
    /// The phrase as its occurrences most often write it (the earliest of
    /// those forms on a tie).
    pub text: String,
    /// Its matching form: the words' stems, folded, space-separated.
    pub normalized: String,
    /// In (0, 1]: the best phrase's YAKE score over this one's.
    pub relevance: f32,
    /// Every occurrence, in text order.
    pub occurrences: Vec<Span>,
}

/// A token as the phrase finder sees it.
#[derive(Clone, Copy)]
enum Item {
    /// A content word: its interned matching form, and whether it starts
    /// with a capital letter.
    Word(u32, bool),
    /// A stop word (interned too: it counts as a neighbour).
    Stop(u32),
    /// Punctuation, numbers, symbols: nothing spans them.
    Break,
}

/// Counts of one matching form.
#[derive(Clone, Default)]
struct WordStats {
    count: u32,
    capitalized: u32,
    sentences: Vec<u32>,
    left: Vec<u32>,
    right: Vec<u32>,
}

/// The top `max` keyphrases of the tokens of `text` that lie inside `scope`
/// (all tokens when `scope` is empty), best first.
///
/// ```
/// use lisan::core::keyphrases::keyphrases;
/// use lisan::core::segment::tokenize;
/// let text = "Solar power grows. Solar power is cheap now. Investors like solar power.";
/// let found = keyphrases(text, &tokenize(text), &[], 3);
/// assert_eq!(found[0].normalized, "solar power");
/// assert_eq!(found[0].occurrences.len(), 3);
/// ```
pub fn keyphrases(text: &str, tokens: &[Token], scope: &[Span], max: usize) -> Vec<Keyphrase> {
    match keyphrases_within(text, tokens, scope, max, &Budget::unlimited()) {
        Ok(found) => found,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`keyphrases`] within a budget, checked every few thousand tokens.
pub fn keyphrases_within(
    text: &str,
    tokens: &[Token],
    scope: &[Span],
    max: usize,
    budget: &Budget,
) -> Result<Vec<Keyphrase>, Error> {
    let mut forms = Forms::default();
    let mut in_scope = InScope::new(scope);
    let mut items = Vec::with_capacity(tokens.len());
    let mut sentence_of = Vec::with_capacity(tokens.len());
    let mut sentence = 0u32;
    let mut previous_end = None;
    for (step, token) in tokens.iter().enumerate() {
        budget.check_at(step)?;
        if !in_scope.contains(token.span) {
            continue;
        }
        if let Some(end) = previous_end {
            if text[end..token.span.start].contains('\n') {
                sentence += 1;
                items.push(Item::Break);
                sentence_of.push(sentence);
            }
        }
        previous_end = Some(token.span.end);
        let item = forms.item(text, token);
        items.push(item);
        sentence_of.push(sentence);
        if matches!(item, Item::Break) && ends_sentence(token.span.slice(text)) {
            sentence += 1;
        }
    }
    let sentences = sentence + 1;
    let stats = word_stats(&items, &sentence_of, forms.len());
    budget.check()?;
    let word_scores = word_scores(&stats, sentences);
    let mut candidates: HashMap<PhraseKey, (u32, usize)> = HashMap::default();
    for_each_candidate(&items, |words, at| {
        let entry = candidates.entry(PhraseKey::of(words)).or_insert((0, at));
        entry.0 += 1;
    });
    budget.check()?;
    let mut scored: Vec<(f64, Vec<u32>, usize)> = candidates
        .into_iter()
        .map(|(key, (count, first))| {
            let words = key.words().to_vec();
            let product: f64 = words.iter().map(|&w| word_scores[w as usize]).product();
            let sum: f64 = words.iter().map(|&w| word_scores[w as usize]).sum();
            let mean = product.powf(1.0 / words.len() as f64);
            (mean / (f64::from(count) * (1.0 + sum)), words, first)
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    let mut chosen: Vec<(f64, Vec<u32>)> = Vec::new();
    let mut first_items: Vec<std::ops::Range<usize>> = Vec::new();
    for (score, words, first) in scored {
        if chosen.len() == max {
            break;
        }
        let at = first..first + words.len();
        let overlaps = chosen.iter().zip(&first_items).any(|((_, c), c_at)| {
            subset(&words, c) || subset(c, &words) || shared(&words, c) >= 2 || overlap(&at, c_at)
        });
        if !overlaps {
            chosen.push((score, words));
            first_items.push(at);
        }
    }
    Ok(phrases(text, tokens, scope, &items, &forms, &chosen))
}

/// Whether tokens, asked about in text order, lie in the scope's zones: a
/// cursor over the zones sorted by start, so a page of many zones costs
/// about one comparison per token rather than one per zone.
struct InScope {
    zones: Vec<Span>,
    /// Zones before it end before every token still to come.
    next: usize,
}

impl InScope {
    fn new(scope: &[Span]) -> InScope {
        let mut zones = scope.to_vec();
        zones.sort_by_key(|z| z.start);
        InScope { zones, next: 0 }
    }

    /// Whether `span` lies in a zone (every span when there is no zone);
    /// spans must come in order of their start.
    fn contains(&mut self, span: Span) -> bool {
        if self.zones.is_empty() {
            return true;
        }
        while self
            .zones
            .get(self.next)
            .is_some_and(|z| z.end < span.start)
        {
            self.next += 1;
        }
        self.zones[self.next..]
            .iter()
            .take_while(|z| z.start <= span.start)
            .any(|z| z.contains(span))
    }
}

/// A phrase's words as a fixed-size key (no allocation per occurrence).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct PhraseKey {
    len: u8,
    words: [u32; MAX_PHRASE_WORDS],
}

impl PhraseKey {
    fn of(words: &[u32]) -> PhraseKey {
        let mut key = PhraseKey {
            len: words.len() as u8,
            words: [0; MAX_PHRASE_WORDS],
        };
        key.words[..words.len()].copy_from_slice(words);
        key
    }

    fn words(&self) -> &[u32] {
        &self.words[..usize::from(self.len)]
    }
}

/// Whether every word of `a` is in `b`.
fn subset(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|w| b.contains(w))
}

/// How many words of `a` are in `b`. Two phrases that share two words
/// are windows on one longer phrase (`برنامج الإصلاح الاقتصادي`, `ويهدف
/// برنامج الإصلاح`), and the better one stands for both.
fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|w| b.contains(w)).count()
}

/// Whether the first occurrences `a` and `b` of two phrases (item
/// ranges) overlap: both are windows on one longer phrase (`الفتح الموعود
/// والجهاد`, `والجهاد المقدس`), and the better one stands for both.
fn overlap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a punctuation token ends a sentence.
fn ends_sentence(token: &str) -> bool {
    token.contains(['.', '!', '?', '؟', '۔', '…', '。'])
}

/// Calls `found` with the words and item index of each candidate phrase.
fn for_each_candidate(items: &[Item], mut found: impl FnMut(&[u32], usize)) {
    let mut run: Vec<u32> = Vec::with_capacity(MAX_PHRASE_WORDS);
    for (i, item) in items.iter().enumerate() {
        let Item::Word(w, _) = *item else {
            run.clear();
            continue;
        };
        if run.len() == MAX_PHRASE_WORDS {
            run.remove(0);
        }
        run.push(w);
        for start in 0..run.len() {
            found(&run[start..], i + 1 - (run.len() - start));
        }
    }
}

/// Interned matching forms, and what each written word already seen is.
#[derive(Default)]
struct Forms {
    ids: HashMap<String, u32>,
    names: Vec<String>,
    seen: HashMap<String, Item>,
}

impl Forms {
    fn len(&self) -> usize {
        self.names.len()
    }

    fn intern(&mut self, form: String) -> u32 {
        if let Some(&id) = self.ids.get(&form) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(form.clone());
        self.ids.insert(form, id);
        id
    }

    /// What `token` is: a content word, a stop word or a break.
    fn item(&mut self, text: &str, token: &Token) -> Item {
        if token.kind != TokenKind::Word {
            return Item::Break;
        }
        let written = token.span.slice(text);
        let capitalized = written.chars().next().is_some_and(char::is_uppercase);
        if let Some(&item) = self.seen.get(written) {
            return match item {
                Item::Word(id, _) => Item::Word(id, capitalized),
                other => other,
            };
        }
        let folded = fold(written);
        let stem = stem(text, token.span);
        let item = if is_stopword(&folded) || is_stopword(&stem) || stem.chars().count() < 2 {
            Item::Stop(self.intern(stem))
        } else if stem.chars().all(|c| c.is_numeric()) {
            Item::Break
        } else {
            Item::Word(self.intern(stem), false)
        };
        self.seen.insert(written.to_string(), item);
        match item {
            Item::Word(id, _) => Item::Word(id, capitalized),
            other => other,
        }
    }
}

/// The folded stem of the word at `span`, without clitics or article.
fn stem(text: &str, span: Span) -> String {
    let morphemes = split_clitics(text, span, CliticConvention::SeparateArticle);
    let stem = morphemes
        .iter()
        .find(|m| m.role == MorphemeRole::Stem)
        .map_or(span.slice(text), |m| m.form.as_str());
    fold(stem)
}

/// Counts, capitals, sentences and neighbours of each form.
fn word_stats(items: &[Item], sentence_of: &[u32], forms: usize) -> Vec<WordStats> {
    let mut stats = vec![WordStats::default(); forms];
    let id = |item: &Item| match *item {
        Item::Word(w, _) | Item::Stop(w) => Some(w),
        Item::Break => None,
    };
    for (i, item) in items.iter().enumerate() {
        let Item::Word(w, capitalized) = *item else {
            continue;
        };
        let s = &mut stats[w as usize];
        s.count += 1;
        let sentence_start = i == 0 || matches!(items[i - 1], Item::Break);
        if capitalized && !sentence_start {
            s.capitalized += 1;
        }
        if s.sentences.last() != Some(&sentence_of[i]) {
            s.sentences.push(sentence_of[i]);
        }
        if let Some(left) = i.checked_sub(1).and_then(|j| id(&items[j])) {
            s.left.push(left);
        }
        if let Some(right) = items.get(i + 1).and_then(id) {
            s.right.push(right);
        }
    }
    stats
}

/// YAKE's score of each form (lower is more important); stop words get a
/// neutral 1.
fn word_scores(stats: &[WordStats], sentences: u32) -> Vec<f64> {
    let counts: Vec<f64> = stats
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| f64::from(s.count))
        .collect();
    let n = counts.len().max(1) as f64;
    let mean = counts.iter().sum::<f64>() / n;
    let std = (counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / n).sqrt();
    let max = counts.iter().copied().fold(1.0, f64::max);
    stats
        .iter()
        .map(|s| {
            if s.count == 0 {
                return 1.0;
            }
            let tf = f64::from(s.count);
            let case = f64::from(s.capitalized) / (1.0 + tf.ln());
            let median = f64::from(s.sentences[s.sentences.len() / 2]);
            let position = (3.0 + median).ln().ln();
            let frequency = tf / (mean + std);
            let relatedness = 1.0 + (distinct_share(&s.left) + distinct_share(&s.right)) * tf / max;
            let spread = s.sentences.len() as f64 / f64::from(sentences);
            position * relatedness / (case + frequency / relatedness + spread / relatedness)
        })
        .collect()
}

/// Distinct neighbours over all neighbours (0 with none).
fn distinct_share(neighbours: &[u32]) -> f64 {
    if neighbours.is_empty() {
        return 0.0;
    }
    let mut sorted = neighbours.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.len() as f64 / neighbours.len() as f64
}

/// The chosen phrases with their text, relevance and every occurrence.
fn phrases(
    text: &str,
    tokens: &[Token],
    scope: &[Span],
    items: &[Item],
    forms: &Forms,
    chosen: &[(f64, Vec<u32>)],
) -> Vec<Keyphrase> {
    let index: HashMap<PhraseKey, usize> = chosen
        .iter()
        .enumerate()
        .map(|(i, (_, w))| (PhraseKey::of(w), i))
        .collect();
    let mut occurrences: Vec<Vec<(usize, usize)>> = vec![Vec::new(); chosen.len()];
    for_each_candidate(items, |words, at| {
        if let Some(&i) = index.get(&PhraseKey::of(words)) {
            occurrences[i].push((at, at + words.len()));
        }
    });
    // Items are the in-scope tokens plus line-break markers; map back.
    let spans = item_spans(text, tokens, scope);
    let best = chosen.first().map_or(1.0, |c| c.0);
    chosen
        .iter()
        .zip(occurrences)
        .map(|((score, words), found)| {
            let spans: Vec<Span> = found
                .iter()
                .map(|&(a, b)| Span::new(spans[a].start, spans[b - 1].end))
                .collect();
            Keyphrase {
                text: commonest_form(text, &spans).to_string(),
                normalized: words
                    .iter()
                    .map(|&w| forms.names[w as usize].as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                relevance: if *score > 0.0 {
                    (best / score) as f32
                } else {
                    1.0
                },
                occurrences: spans,
            }
        })
        .collect()
}

/// The way the occurrences `spans` are most often written (the earliest
/// of the commonest): `أردوغان` where the first occurrence is `وأردوغان`.
fn commonest_form<'t>(text: &'t str, spans: &[Span]) -> &'t str {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::default();
    for (order, span) in spans.iter().enumerate() {
        counts.entry(span.slice(text)).or_insert((0, order)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (count, order))| (count, std::cmp::Reverse(order)))
        .map_or("", |(form, _)| form)
}

/// The span of each item, in the order the first pass made them (line
/// breaks between in-scope tokens are empty spans).
fn item_spans(text: &str, tokens: &[Token], scope: &[Span]) -> Vec<Span> {
    let mut in_scope = InScope::new(scope);
    let mut spans = Vec::with_capacity(tokens.len());
    let mut previous_end = None;
    for token in tokens {
        if !in_scope.contains(token.span) {
            continue;
        }
        if let Some(end) = previous_end {
            if text[end..token.span.start].contains('\n') {
                spans.push(Span::new(end, end));
            }
        }
        previous_end = Some(token.span.end);
        spans.push(token.span);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::segment::tokenize;

    #[test]
    fn arabic_phrases_match_across_clitics_and_the_article() {
        let text = "أسعار النفط ترتفع مع زيادة الطلب.\nقال خبراء إن أسعار النفط قد تصعد أكثر هذا الشهر.\n\
                    وتراجعت الأسهم بعد صعود بأسعار النفط في الأسواق.\nويتوقع المحللون استمرار ارتفاع الأسعار.";
        let found = keyphrases(text, &tokenize(text), &[], 5);
        let top = &found[0];
        assert_eq!(top.normalized, "اسعار نفط");
        let written: Vec<&str> = top.occurrences.iter().map(|s| s.slice(text)).collect();
        assert_eq!(written, ["أسعار النفط", "أسعار النفط", "بأسعار النفط"]);
        assert_eq!(top.text, "أسعار النفط");
        assert_eq!(top.relevance, 1.0);
        assert!(found
            .iter()
            .all(|k| k.relevance <= 1.0 && k.relevance > 0.0));
    }

    #[test]
    fn a_phrase_is_shown_as_its_occurrences_most_often_write_it() {
        let text = "والمصنع المصنع بالمصنع المصنع";
        let spans = tokenize(text).iter().map(|t| t.span).collect::<Vec<_>>();
        assert_eq!(commonest_form(text, &spans), "المصنع");
        // A tie: the earliest of the commonest.
        assert_eq!(commonest_form(text, &spans[..3]), "والمصنع");
        assert_eq!(commonest_form(text, &[]), "");
    }

    #[test]
    fn windows_on_one_longer_phrase_give_one_keyphrase() {
        // A four-word name, longer than a candidate: its three-word windows
        // (and the two-word ones) are one keyphrase, not several.
        let text = "أعلنت الحكومة برنامج الإصلاح الاقتصادي الشامل أمس.\n\
                    ويهدف برنامج الإصلاح الاقتصادي الشامل إلى خفض العجز.\n\
                    ورحب البنك الدولي ببرنامج الإصلاح الاقتصادي الشامل.";
        let found = keyphrases(text, &tokenize(text), &[], 10);
        let windows: Vec<&str> = found
            .iter()
            .map(|k| k.normalized.as_str())
            .filter(|n| n.contains("اصلاح"))
            .collect();
        assert_eq!(windows.len(), 1, "{windows:?}");
    }

    #[test]
    fn scope_membership_follows_the_zones_in_any_order() {
        let zones = [Span::new(20, 30), Span::new(0, 10), Span::new(40, 50)];
        let mut in_scope = InScope::new(&zones);
        let asked = [
            (0, 4, true),
            (5, 10, true),
            (9, 12, false),
            (12, 18, false),
            (20, 25, true),
        ];
        let more = [
            (26, 30, true),
            (31, 35, false),
            (45, 50, true),
            (50, 55, false),
        ];
        for (start, end, inside) in asked.into_iter().chain(more) {
            let span = Span::new(start, end);
            assert_eq!(in_scope.contains(span), inside, "{span:?}");
            assert_eq!(zones.iter().any(|z| z.contains(span)), inside, "{span:?}");
        }
        assert!(
            InScope::new(&[]).contains(Span::new(3, 4)),
            "no zones: everything"
        );
    }

    #[test]
    fn stop_words_numbers_and_scope_bound_phrases() {
        let text = "The central bank raised rates in 2024. Critics of the central bank said \
                    growth would slow. The central bank disagreed. Out of scope: bond yields, bond yields.";
        let scope = [Span::new(0, text.find(" Out of scope").unwrap())];
        let found = keyphrases(text, &tokenize(text), &scope, 10);
        for k in &found {
            assert!(
                !k.normalized.split(' ').any(is_stopword),
                "{}",
                k.normalized
            );
            assert!(!k.normalized.contains("2024"));
            assert!(k.occurrences.iter().all(|s| scope[0].contains(*s)));
        }
        assert_eq!(found[0].normalized, "central bank");
    }

    #[test]
    fn empty_and_stop_word_only_texts_have_no_phrases() {
        for text in ["", "of the and in", "... !!! 123"] {
            assert!(
                keyphrases(text, &tokenize(text), &[], 10).is_empty(),
                "{text}"
            );
        }
    }
}
