//! Fractions of a unit, shared by quantities and durations: before the
//! unit (`3/4 cup`, `1/2 hour`, `half a mile`, `a quarter of an hour`,
//! `نصف لتر`, `ثلث ساعة`) and added after it (`ساعة ونصف`, `لتر وربع`, `an
//! hour and a half`, `ساعة وثلث`).

use super::decimal::Dec;
use super::lexicon::{lexicon, NumRole, Sense};
use super::number_words::{self, Amount};
use super::starts;
use super::words::{Form, Words};
use super::Ratio;

/// A fraction as a decimal where one writes it (`3/4`: 0.75), else as its
/// parts (a third: 1 of 3), which only a unit with a smaller one can hold
/// whole (a third of an hour is twenty minutes; see `durations`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fraction {
    Decimal(Dec),
    Parts { count: i128, of: i128 },
}

impl Fraction {
    /// `count` parts of `of`: the decimal when it is exact.
    fn new(count: i128, of: i128) -> Option<Fraction> {
        if count < 1 || of < 2 {
            return None;
        }
        Some(match Dec::int(count).div_exact(Dec::int(of)) {
            Some(value) => Fraction::Decimal(value),
            None => Fraction::Parts { count, of },
        })
    }

    pub(super) fn decimal(self) -> Option<Dec> {
        match self {
            Fraction::Decimal(value) => Some(value),
            Fraction::Parts { .. } => None,
        }
    }
}

fn fraction_sense(s: &Sense) -> Option<Fraction> {
    match s {
        Sense::Num(v, NumRole::Fraction) => Some(Fraction::Decimal(*v)),
        Sense::Num(v, NumRole::Thirds) => Fraction::new(v.to_i64()?.into(), 3),
        _ => None,
    }
}

/// A fraction before a unit at `i`: a proper fraction of whole numbers in
/// one token (`3/4`, `٣/٤`), or a fraction word with `of` and an article
/// after it (`half a`, `half-`, `a quarter of an`; a bare `half` is read as
/// a number). The value and the token where the unit should be, on the
/// line of the fraction; the caller checks the unit.
pub(super) fn fraction_before_unit(w: &Words, i: usize) -> Option<(Dec, usize)> {
    let (fraction, at) = any_fraction_before_unit(w, i)?;
    Some((fraction.decimal()?, at))
}

/// [`fraction_before_unit`], thirds (`ثلث ساعة`, `two thirds of an hour`)
/// and other parts no decimal writes too.
pub(super) fn any_fraction_before_unit(w: &Words, i: usize) -> Option<(Fraction, usize)> {
    let (fraction, at) = fraction_and_unit_at(w, i)?;
    (i + 1..=at)
        .all(|k| w.next_on_line(k))
        .then_some((fraction, at))
}

fn fraction_and_unit_at(w: &Words, i: usize) -> Option<(Fraction, usize)> {
    if w.is_number(i) {
        return Some((Fraction::Decimal(digit_fraction(w.raw(i))?), i + 1));
    }
    // `a quarter of an hour`: the article belongs to the fraction.
    let i = if matches!(w.folded(i), "a" | "an") && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    };
    let (value, mut at) = match w.find_whole(i, fraction_sense) {
        Some(value) => (value, i + 1),
        None => quarters(w, i)
            .map(|(value, at)| (Fraction::Decimal(value), at))
            .or_else(|| ordinal_fraction(w, i))?,
    };
    if w.glued(i) && w.folded(at) == "-" {
        at += 1;
    }
    if w.folded(at) == "of" {
        at += 1;
    }
    if matches!(w.folded(at), "a" | "an") {
        at += 1;
    }
    Some((value, at))
}

/// `three quarters`, `three-quarters` at `i` (two or three of them): the
/// value and the token after it.
fn quarters(w: &Words, i: usize) -> Option<(Dec, usize)> {
    let count = match w.folded(i) {
        "two" => 2,
        "three" => 3,
        _ => return None,
    };
    let hyphen = w.joins_by_hyphen(i + 1);
    let at = if hyphen { i + 2 } else { i + 1 };
    if !w.next_on_line(at) || w.folded(at) != "quarters" {
        return None;
    }
    Some((Dec::int(count).div_exact(Dec::int(4))?, at + 1))
}

/// `a tenth of`, `one fifth of`, `three-fifths of`, `an eighth of`,
/// `fourth of` at `i` (after the article, if there is one): a count (the
/// article, `one`, or a number word up to nine; none before a lone
/// denominator) and an English ordinal from third to tenth as the
/// denominator, singular for one and plural for more, with `of` after it
/// (`the fifth mile` is an ordinal) or, after a count or the article, the
/// end of the clause (`one eighth`, `a fifth.`). The fraction (thirds,
/// sixths... as parts) and the token of `of` (or after the denominator).
fn ordinal_fraction(w: &Words, i: usize) -> Option<(Fraction, usize)> {
    // The cheap tests first (this runs wherever an amount may start): a
    // number or ordinal word, and `of` after the denominator, one, two or
    // three tokens on.
    // Digits count no parts and are no denominator: a word starts it.
    let of_or_end = |k: usize| w.folded(k) == "of" || clause_ends(w, k);
    if w.class(i) & starts::COUNT_OR_ORDINAL == 0
        || !w.is_word(i)
        || !(i + 1..=i + 3).any(of_or_end)
    {
        return None;
    }
    let article = i > 0 && matches!(w.folded(i - 1), "a" | "an");
    let count = if article {
        None
    } else {
        w.find_whole(i, |s| match s {
            Sense::Num(v, NumRole::Unit) => v.to_i64().filter(|n| (1..=9).contains(n)),
            _ => None,
        })
        .filter(|_| w.raw(i).is_ascii())
    };
    let at = match count {
        Some(_) if w.joins_by_hyphen(i + 1) => i + 2,
        Some(_) => i + 1,
        None => i,
    };
    // A lone denominator after a number is no fraction (`two fifth`).
    let number_before =
        || i > 0 && w.next_on_line(i) && (w.is_number(i - 1) || w.is_number_word(i - 1));
    if count.is_none() && !article && number_before() {
        return None;
    }
    // A count that ends a longer number (`twenty-three fifths`, `twenty
    // three fifths`) is no count of parts up to nine.
    if count.is_some() && i > 0 && (w.joins_by_hyphen(i - 1) || number_before()) {
        return None;
    }
    let count = count.unwrap_or(1);
    if at > i && !w.next_on_line(at) || !w.is_word(at) || !w.raw(at).is_ascii() {
        return None;
    }
    let word = w.folded(at);
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    // `of` after it, or (with a count or an article: `finished fifth.` is
    // a rank) the end of the clause: `one eighth`, `a fifth.`.
    let of = w.folded(at + 1) == "of" && w.next_on_line(at + 1);
    let counted = article || at > i;
    if plural != (count > 1) || !(of || counted && clause_ends(w, at + 1)) {
        return None;
    }
    let denominator = lexicon().senses(singular).iter().find_map(denominator)?;
    Some((
        Fraction::new(i128::from(count), i128::from(denominator))?,
        at + 1,
    ))
}

/// The denominator an English ordinal names (`third`, `fifth`: 3 to 10).
fn denominator(s: &Sense) -> Option<u32> {
    match s {
        Sense::Ordinal(v, false) => (3..=10).contains(v).then_some(*v),
        _ => None,
    }
}

/// The fraction whose denominator is the English ordinal at `i` (`a fifth
/// of`, `an eighth of`, `one third of`): the ordinal is no rank there.
pub(super) fn denominator_at(w: &Words, i: usize) -> Option<Fraction> {
    let count_before = i > 0 && w.next_on_line(i) && w.is_word(i - 1);
    let (fraction, _) = ordinal_fraction(w, i)
        .or_else(|| count_before.then(|| ordinal_fraction(w, i - 1)).flatten())?;
    Some(fraction)
}

/// The fraction whose denominator is the English ordinal at `i` with no
/// count of parts (`a fifth of`, `fifth of`): not `three fifths`, whose
/// count reads it.
pub(super) fn lone_denominator(w: &Words, i: usize) -> Option<Fraction> {
    ordinal_fraction(w, i)
        .filter(|&(_, end)| end == i + 1)
        .map(|(fraction, _)| fraction)
}

/// What a count before the plural of a fraction's noun says (`ثلاثة
/// أرباع`, `خمسة أثمان`, `سبعة أعشار`, `three quarters of`, `two fifths
/// of`): a count of one to ten parts, in words or digits, then the plural
/// (in English, with `of` after it: `the three quarters` of a game are
/// periods), or at the end of its clause (`three quarters.`; not after
/// `the`). `start` is the count's first token. `Some(Some(amount))`: the
/// parts as a number, their value an exact decimal (`0.75`); `Some(None)`: a value no decimal writes
/// (`ثلاثة أثلاث`, `two thirds of`), so no number is read, since the
/// count alone would be a wrong value; `None`: no such plural follows.
pub(super) fn counted_parts(w: &Words, start: usize, count: &Amount) -> Option<Option<Amount>> {
    let mut at = count.end;
    // `three-quarters of`, `a two-thirds majority`: the hyphen joins them
    // (and makes them a fraction without `of`).
    let hyphen = w.joins_by_hyphen(at) && w.raw(at + 1).is_ascii();
    at += usize::from(hyphen);
    if count.approximate || !w.next_on_line(at) || !w.is_word(at) {
        return None;
    }
    let part = |value: Dec, end: usize| Amount {
        end,
        value,
        words: true,
        approximate: false,
    };
    // `one fifth of`, `one third of`, `a one-third stake`: one part, its
    // ordinal singular.
    if count.words && count.value == Dec::int(1) && w.raw(at).is_ascii() {
        if let Some((fraction, of)) = ordinal_fraction(w, count.end - 1) {
            return Some(fraction.decimal().map(|value| part(value, of)));
        }
        if let Some(d) = w.find_whole(at, denominator).filter(|_| hyphen) {
            let fraction = Fraction::new(1, i128::from(d))?;
            return Some(fraction.decimal().map(|value| part(value, at + 1)));
        }
    }
    let denominator = w.find_whole(at, |s| match s {
        Sense::Num(v, NumRole::Parts) => Some(*v),
        _ => None,
    })?;
    let n = count.value.to_i64().filter(|n| (1..=10).contains(n))?;
    // Without `of`, at the end of its clause; not after `the` (`the three
    // quarters` of a game are periods).
    let of = w.next_on_line(at + 1) && w.folded(at + 1) == "of";
    let the = start > 0 && w.folded(start - 1) == "the";
    if w.raw(at).is_ascii() && !hyphen && !of && (the || !clause_ends(w, at + 1)) {
        return None;
    }
    let value = Dec::int(i128::from(n)).div_exact(denominator);
    // `three quarters of a million`: those parts of the scale after it.
    if let (Some(v), Some((scale, after))) =
        (value, super::number_words::scale_after_fraction(w, at))
    {
        return Some(v.mul(scale).map(|v| part(v, after)));
    }
    Some(value.map(|value| part(value, at + 1)))
}

/// Whether no word follows on the line at `k` (the line ends, or a sign or
/// punctuation comes): an English fraction said there is one without
/// `of` (`two thirds.`, `three quarters,`, `one eighth`), where a word
/// after it would make it a count of a noun (`three quarters were
/// played`: periods of a game).
fn clause_ends(w: &Words, k: usize) -> bool {
    !(w.next_on_line(k) && w.is_word(k))
}

/// `3/4`, `٣/٤`: a proper fraction of whole numbers of at most six digits.
/// A mixed number in digits at `i`: a whole number and, spaced after it on
/// its line, a proper fraction (`2 1/4`, `٢ ١/٢`): the value and the token
/// after it.
pub(super) fn mixed_number(w: &Words, i: usize) -> Option<(Dec, usize)> {
    if !w.is_number(i) || !w.is_number(i + 1) || !w.next_on_line(i + 1) || w.glued(i) {
        return None;
    }
    let whole_part = whole(w.raw(i))?;
    whole_part
        .add(digit_fraction(w.raw(i + 1))?)
        .map(|v| (v, i + 2))
}

fn digit_fraction(raw: &str) -> Option<Dec> {
    let slash = raw.bytes().position(|b| b == b'/')?;
    let (top, bottom) = (whole(&raw[..slash])?, whole(&raw[slash + 1..])?);
    if !top.lt(bottom) {
        return None;
    }
    top.div_exact(bottom)
}

/// A whole number of at most six digits of any script (`12`, `١٢`).
fn whole(digits: &str) -> Option<Dec> {
    if digits.is_empty() || digits.chars().count() > 6 {
        return None;
    }
    digits.chars().try_fold(Dec::int(0), |n, c| {
        let d = c.to_digit(10).or_else(|| {
            let c = u32::from(c);
            [0x660, 0x6F0]
                .iter()
                .find_map(|zero| (c.wrapping_sub(*zero) < 10).then(|| c - zero))
        })?;
        n.mul(Dec::int(10))?.add(Dec::int(i128::from(d)))
    })
}

/// A fraction added after a unit at `i`: `ونصف`, `و نصف`, `وربع`, `and a
/// half`, `and half`. The fraction and the token after it.
pub(super) fn fraction_after(w: &Words, i: usize) -> Option<(Dec, usize)> {
    let (fraction, at) = any_fraction_after(w, i)?;
    Some((fraction.decimal()?, at))
}

/// [`fraction_after`], thirds too (`وثلث`, `and a third`).
pub(super) fn any_fraction_after(w: &Words, i: usize) -> Option<(Fraction, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    let (mut at, conj) = match w.folded(i) {
        "و" | "and" => (i + 1, true),
        _ => (i, false),
    };
    if conj && !w.next_on_line(at) {
        return None;
    }
    let english = conj && w.folded(i) == "and";
    let article = english && matches!(w.folded(at), "a" | "an");
    if article {
        at += 1;
        if !w.next_on_line(at) {
            return None;
        }
    }
    // `and half` without the article ends the phrase: in `5 hours and
    // half the staff`, half is of the staff.
    if english && !article && w.next_on_line(at + 1) && w.is_word(at + 1) {
        return None;
    }
    // `and a third`: English says its thirds with the ordinal.
    let third = |s: &Sense| {
        matches!(s, Sense::Ordinal(3, false)).then_some(Fraction::Parts { count: 1, of: 3 })
    };
    if article && w.raw(at).is_ascii() {
        if let Some(f) = w.find_whole(at, third) {
            return Some((f, at + 1));
        }
    }
    let (f, form) = w.find(at, fraction_sense)?;
    (conj && form == Form::Whole
        || !conj && form == Form::Proclitic && w.folded(at).starts_with('و'))
    .then_some((f, at + 1))
}

/// A fraction no decimal writes, said as a number of its own at `i`: an
/// Arabic third or two (`ثلث السكان`, `وثلثا الأعضاء`, `بثلثي الأصوات`; not
/// with the article, `الثلث الأخير`), a seventh or a ninth so vocalized
/// (`سُبع`, see [`vocalized_part`]), or an English ordinal from third to
/// tenth after a count or `a` (`one third of`, `two-thirds`, `a third of`
/// at `third`), and a scale after either (`ثلث مليون`, `two thirds of a
/// million`). The fraction in lowest terms and the token after it.
pub(super) fn unending_fraction(w: &Words, i: usize) -> Option<(Ratio, usize)> {
    let (count, of, end) = arabic_thirds(w, i)
        .or_else(|| vocalized_part(w, i).map(|of| (1, of, i + 1)))
        .or_else(|| english_parts(w, i))?;
    let (numerator, end) = match number_words::scale_after_fraction(w, end - 1) {
        Some((scale, after)) => (scale.mul(Dec::int(count))?.to_i64()?, after),
        None => (i64::try_from(count).ok()?, end),
    };
    Some((lowest_terms(numerator, i64::try_from(of).ok()?), end))
}

/// `ثلث`, `ثلثا`, `ثلثي`, `ثلثين` at `i`, after a one-letter proclitic or
/// none: the count of thirds, 3 and the token after it.
fn arabic_thirds(w: &Words, i: usize) -> Option<(i128, i128, usize)> {
    let (count, _) = w.find(i, |s| match s {
        Sense::Num(v, NumRole::Thirds) => v.to_i64(),
        _ => None,
    })?;
    Some((count.into(), 3, i + 1))
}

/// `one third`, `two-thirds`, `five sevenths` at `i` (the count) or `a
/// third` at `i` (the ordinal): a count of parts whose decimal never ends,
/// and the token after the ordinal. A lone ordinal with `of` (`the third
/// of July`) is no fraction here.
fn english_parts(w: &Words, i: usize) -> Option<(i128, i128, usize)> {
    let (fraction, end) = ordinal_fraction(w, i)?;
    let article = i > 0 && matches!(w.folded(i - 1), "a" | "an");
    match fraction {
        Fraction::Parts { count, of } if article || end > i + 1 => Some((count, of, end)),
        _ => None,
    }
}

/// `numerator / denominator` with their common divisor taken out.
fn lowest_terms(numerator: i64, denominator: i64) -> Ratio {
    let (mut a, mut b) = (numerator.unsigned_abs(), denominator.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let common = i64::try_from(a.max(1)).unwrap_or(1);
    Ratio {
        numerator: numerator / common,
        denominator: denominator / common,
    }
}

/// The denominator an Arabic number word vocalized as a fraction names at
/// `i`: its first letter with a damma, where the cardinal has a fatha or a
/// kasra (`خُمس` a fifth, `خَمس` five; `سُبع`, `تُسع`, `عُشر`; Wright § 330
/// on the pattern فُعْل of fractions), after a proclitic or none.
pub(super) fn vocalized_part(w: &Words, i: usize) -> Option<i128> {
    let raw = &w.raw(i)[w.proclitic_len(i)..];
    let mut chars = raw.chars();
    if chars.next().is_none() || chars.next() != Some('\u{064F}') {
        return None;
    }
    let (value, _) = w.find(i, |s| match s {
        Sense::Num(v, NumRole::Unit | NumRole::Teen) => v.to_i64(),
        _ => None,
    })?;
    matches!(value, 5 | 7 | 9 | 10).then_some(value.into())
}
