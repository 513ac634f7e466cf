//! The tense of the clause a bare weekday or month stands in, from the words
//! next to it: `said on Tuesday`, `قال الرئيس يوم الثلاثاء`, `said in March`
//! tell of a Tuesday or a March past; `will meet on Tuesday`, `سوف يلتقي يوم
//! الثلاثاء` of one to come. The words are those of `data/tense_words.tsv`,
//! and the forms read by rule (English `-ed`, Arabic perfects in `ـوا` and
//! `ـت`, a listed verb with an object pronoun, the future prefix `سـ`).

use std::sync::OnceLock;

use super::lexicon::{self, Sense};
use super::words::Words;
use crate::core::segment::TokenKind;

const TENSE_WORDS: &str = include_str!("../../../data/tense_words.tsv");

/// How many words before an expression are looked at: a news sentence puts
/// its verb's object and an adverbial between the verb and the day (`fell
/// 3 percent in early trading on Monday`, `announced his resignation in a
/// speech on Monday`); a punctuation mark or a complementizer stops the look
/// sooner.
const WINDOW_BEFORE: usize = 8;

/// How many words after an expression are looked at (`On Tuesday, the
/// ministry said`).
const WINDOW_AFTER: usize = 4;

/// What a word says of its clause's tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// A complementizer (`that`, `إن`): the clause after it has a tense of
    /// its own, unknown from the words before it.
    Clause,
    /// A preposition: right before the expression, it makes the expression
    /// no time of the verb's (`talked about Monday`).
    Preposition,
}

/// The table of tense words (foldhash: short keys of our own data, looked
/// up for every word around a weekday).
type HashMap<K, V> = foldhash::HashMap<K, V>;

fn table() -> &'static HashMap<String, Tense> {
    static TABLE: OnceLock<HashMap<String, Tense>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TENSE_WORDS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| {
                let (form, tense) = line
                    .split_once('\t')
                    .expect("tense_words.tsv: form<TAB>tense");
                let tense = match tense.trim() {
                    "-1" => Tense::Past,
                    "1" => Tense::Future,
                    "0" => Tense::Clause,
                    "p" => Tense::Preposition,
                    other => panic!("tense_words.tsv: unknown tense {other}"),
                };
                (lexicon::fold(form), tense)
            })
            .collect()
    })
}

/// What word `k` says of its clause's tense, if anything.
fn tense_of(w: &Words, k: usize) -> Option<Tense> {
    let form = w.folded(k);
    let table = table();
    if let Some(tense) = table.get(form) {
        return Some(*tense);
    }
    if form.is_ascii() {
        return regular_english_past(w.raw(k)).then_some(Tense::Past);
    }
    // `وقال`, `فأعلنت`: a conjunction before the verb.
    if let Some(rest) = form.strip_prefix(['و', 'ف']) {
        if let Some(tense) = table.get(rest) {
            return Some(*tense);
        }
    }
    let letters = form.chars().count();
    let feminine_past = arabic_feminine_past(form, letters) && !after_preposition(w, k);
    if arabic_plural_past(form, letters) || feminine_past {
        return Some(Tense::Past);
    }
    if arabic_future(form, letters) {
        return Some(Tense::Future);
    }
    listed_verb_with_object(table, form, w.raw(k))
}

/// Whether word `k` is a verb of the past or the future by the table or the
/// rules (`قال`, `اندلعت`, `زاروا`, `سيتوجه`): no noun that a number before
/// it counts.
pub(super) fn is_verb(w: &Words, k: usize) -> bool {
    matches!(tense_of(w, k), Some(Tense::Past | Tense::Future))
}

/// The attached object pronouns of Arabic (`ـه`, `ـها`, `ـهم`, `ـهما`, `ـهن`,
/// `ـنا`), folded, longest first.
const OBJECT_PRONOUNS: [&str; 6] = ["هما", "هم", "هن", "ها", "نا", "ه"];

/// A listed verb with an object pronoun attached (`أعلنته` is `أعلنت` and
/// `ـه`, `وجههم`), after a conjunction or not: the verb's tense. The stem left
/// must be three letters or more, so that no pronoun is taken off a short
/// word that merely ends like one; the pronoun must be written as such in
/// `raw` (a teh marbuta, folded to `ه` in `form`, is none: `نشرة` is no `نشر`).
fn listed_verb_with_object(table: &HashMap<String, Tense>, form: &str, raw: &str) -> Option<Tense> {
    let form = form.strip_prefix(['و', 'ف']).unwrap_or(form);
    OBJECT_PRONOUNS.iter().find_map(|pronoun| {
        if !raw.ends_with(pronoun) {
            return None;
        }
        let stem = form.strip_suffix(pronoun)?;
        if stem.chars().count() < 3 {
            return None;
        }
        match table.get(stem) {
            Some(tense @ (Tense::Past | Tense::Future)) => Some(*tense),
            _ => None,
        }
    })
}

/// A day named from the reference right before the expression at `start`,
/// or before a comma, an opening parenthesis or `الأول` right before it:
/// `أمس الثلاثاء`, `yesterday, Monday`, `أمس (الاثنين)`, `أمس الأول الاثنين`
/// (the day before yesterday) tell of a day past, `غدا الأحد` of one to come.
/// Today with its weekday in apposition (`اليوم (الثلاثاء)`, `today,
/// Tuesday`) is read as the past is, on or before the reference: today
/// itself when it is that day.
fn day_word_before(w: &Words, start: usize) -> Option<Tense> {
    let k = start.checked_sub(1).filter(|&k| w.same_line(k))?;
    if let Some(tense) = day_word(w, k) {
        return Some(tense);
    }
    let apposed = matches!(w.raw(k), "," | "،" | "(") || w.folded(k) == "الاول";
    let j = k.checked_sub(1).filter(|&j| apposed && w.same_line(j))?;
    // Today, on or before the reference, as the past.
    match day_offset(w, j)? {
        n if n > 0 => Some(Tense::Future),
        _ => Some(Tense::Past),
    }
}

/// A day named from the reference at word `k` (`أمس`, `غدا`, `yesterday`;
/// not today).
fn day_word(w: &Words, k: usize) -> Option<Tense> {
    match day_offset(w, k)?.signum() {
        -1 => Some(Tense::Past),
        1 => Some(Tense::Future),
        _ => None,
    }
}

/// The days from the reference word `k` names (`أمس` -1, `اليوم` 0).
fn day_offset(w: &Words, k: usize) -> Option<i64> {
    let (n, _) = w.find(k, |s| match s {
        Sense::Day(n) => Some(*n),
        _ => None,
    })?;
    Some(n)
}

/// An Arabic perfect of the third person plural (`زاروا`, `قدموا`): a word of
/// four letters or more ending in `وا`, with no article and no prefix of the
/// imperfect (`يزوروا` is a subjunctive).
fn arabic_plural_past(form: &str, letters: usize) -> bool {
    form.ends_with("وا") && letters >= 4 && !form.starts_with("ال") && !form.starts_with(['ي', 'ت'])
}

/// Prepositions that are not in the table, folded: right before a weekday
/// they leave it a time of the verb's (`قال في يوم الخميس`), so they are no
/// `p` there; but a word after them is a noun as after the listed ones.
const UNLISTED_PREPOSITIONS: [&str; 3] = ["في", "على", "مع"];

/// Whether word `k` follows a preposition on its line (the table's or an
/// unlisted one): it is a noun (`في بوخارست` is no verb in `ـت`).
pub(super) fn after_preposition(w: &Words, k: usize) -> bool {
    if k == 0 || !w.same_line(k - 1) {
        return false;
    }
    let before = w.folded(k - 1);
    UNLISTED_PREPOSITIONS.contains(&before) || table().get(before) == Some(&Tense::Preposition)
}

/// An Arabic perfect of the third person feminine singular (`اعتبرت`,
/// `اندلعت`, `وافقت`): a word of four letters or more ending in `ت`, with no
/// article, not a plural or a noun of the common endings `ـات`, `ـوت`, `ـيت`
/// (`حكومات`, `بيروت`, `تثبيت`), and not an imperfect (`يثبت`, `نلتفت`).
fn arabic_feminine_past(form: &str, letters: usize) -> bool {
    form.ends_with('ت')
        && letters >= 4
        && !form.starts_with("ال")
        && !form.starts_with(['ي', 'ن'])
        && !["ات", "وت", "يت"]
            .iter()
            .any(|ending| form.ends_with(ending))
}

/// An Arabic imperfect with the future prefix `سـ` (`سيتوجه`, `ستعقد`): `سي`
/// or `ست` and a consonant (not `سيارة`, `سياسة`), five letters or more.
fn arabic_future(form: &str, letters: usize) -> bool {
    let mut chars = form.chars();
    letters >= 5
        && matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some('س'), Some('ي' | 'ت'), Some(third)) if third != 'ا'
        )
}

/// An English regular past form written in lower case (`announced`,
/// `killed`, `died`; not a name such as `Ahmed`, nor `speed`, `hundred`, or
/// the short nouns and adjectives in `-ed`: `bed`, `red`, `shed`, `sled`,
/// `aged` as in `aged 82`).
fn regular_english_past(raw: &str) -> bool {
    raw.len() >= 4
        && raw.bytes().all(|b| b.is_ascii_lowercase())
        && raw.ends_with("ed")
        && !raw.ends_with("eed")
        && !matches!(raw, "hundred" | "shed" | "sled" | "aged")
}

/// Whether the punctuation at `k` is a dash between two numbers (a score,
/// `فاز 3-1 مساء السبت`, `1 - صفر`; a range): no end of the clause.
fn joins_numbers(w: &Words, k: usize) -> bool {
    let number = |k: usize| w.is_number(k) || w.is_number_word(k);
    matches!(w.folded(k), "-" | "–") && k > 0 && number(k - 1) && number(k + 1)
}

/// Whether the English past form at word `k` is a participle after a word
/// of the future or present (`will be held`, `is expected`).
fn participle_after_future(w: &Words, k: usize) -> bool {
    k > 0
        && w.same_line(k - 1)
        && w.folded(k).is_ascii()
        && tense_of(w, k - 1) == Some(Tense::Future)
}

/// The tense of the clause of the expression on words `start..end`: the
/// nearest word of tense before it on its line (up to a punctuation mark
/// or a complementizer; none after a preposition right before it; a day
/// word right before it, `أمس الثلاثاء`, says which), else after it (past
/// one comma right after it: `On Tuesday, the ministry said`; `أشار إلى أن
/// الكلمة التي وجهها مساء الاثنين تميزت`). `None` when no word tells.
pub(super) fn clause_tense(w: &Words, start: usize, end: usize) -> Option<Tense> {
    if let Some(tense) = day_word_before(w, start) {
        return Some(tense);
    }
    let mut k = start;
    for _ in 0..WINDOW_BEFORE {
        if k == 0 || !w.same_line(k - 1) {
            break;
        }
        k -= 1;
        if w.kind(k) == Some(TokenKind::Punctuation) && !joins_numbers(w, k) {
            break;
        }
        match tense_of(w, k) {
            // The verb of the clause, if any, comes after the expression.
            Some(Tense::Clause) => break,
            Some(Tense::Preposition) if k + 1 == start => return None,
            Some(Tense::Preposition) | None => {}
            Some(Tense::Past) if participle_after_future(w, k) => return Some(Tense::Future),
            Some(tense) => return Some(tense),
        }
    }
    let mut k = end;
    if w.next_on_line(k) && matches!(w.raw(k), "," | "،") {
        k += 1;
    }
    for _ in 0..WINDOW_AFTER {
        if !w.next_on_line(k) || w.kind(k) == Some(TokenKind::Punctuation) {
            break;
        }
        match tense_of(w, k) {
            Some(Tense::Clause) => return None,
            Some(Tense::Preposition) | None => {}
            Some(tense) => return Some(tense),
        }
        k += 1;
    }
    None
}
