//! Numbers written with words (`ثلاثة آلاف وخمسمائة`, `twenty-one`,
//! `متين تلاتة وستين`), digits with a scale word (`2.5 مليار`), and ordinals
//! (`الحادي والعشرين`, `21st`, `twenty-first`).
//!
//! Arabic puts units before tens (`خمسة وعشرون`: five and twenty) and joins
//! the parts of a number with `و`, which may be a separate word or glued to
//! the next one; Egyptian speech drops it after hundreds. A number is a sum
//! of groups below a thousand, each multiplied by a falling scale word.

use super::decimal::Dec;
use super::digit_groups::{arabic_comma_grouped, grouped};
use super::fractions::fraction_after;
use super::lexicon::{NumRole, Sense};
use super::numbers::parse_decimal;
use super::words::{Form, Words};
use crate::core::segment::TokenKind;

/// A number found at some token: the token after it and its exact value.
#[derive(Clone, Copy, Debug)]
pub(super) struct Amount {
    pub end: usize,
    pub value: Dec,
    /// Written at least partly with words.
    pub words: bool,
    /// Only an estimate (`بضعة`).
    pub approximate: bool,
}

/// What the last part of a group was, which decides what may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Unit,
    Compound,
    Teen,
    Ten,
    Hundreds,
}

fn num_sense(sense: &Sense) -> Option<(Dec, NumRole)> {
    match sense {
        Sense::Num(value, role) => Some((*value, *role)),
        _ => None,
    }
}

/// The number of the plain number token `i` (digits, separators, sign).
pub(super) fn digits_value(w: &Words, i: usize) -> Option<Dec> {
    w.number(i)
}

/// `4ر12`, `2717ر1`, `07ر0`: the decimal that Arabic wire services write
/// with `ر` between the digits (standing in for the Arabic decimal
/// separator `٫`, which it resembles), the fraction first in the order of
/// writing, so that a right-to-left line shows it right of the mark
/// (`12ر4` on screen: 12.4; 1.2717, 0.07). Both runs plain digits (the second
/// may carry a percent sign), all three tokens glued. The last token of the
/// number and its value.
fn fraction_before_ra(w: &Words, i: usize) -> Option<(usize, Dec)> {
    let glued = w.glued(i) && w.glued(i + 1) && w.raw(i + 1) == "ر";
    if !glued || !w.is_number(i) || !w.is_number(i + 2) {
        return None;
    }
    let fraction = plain_digits(w.raw(i))?;
    // The percent sign glued after (`07ر0%`) is read by the caller.
    let whole = plain_digits(w.raw(i + 2).trim_end_matches(['%', '٪']))?;
    Some((i + 2, Dec::parse(&format!("{whole}.{fraction}"))?))
}

/// Whether the scale word at `k`, first in its number, is the nominative
/// dual in construct before a currency or a unit (`مليارا دولار`, `ألفا
/// متر`: two of it), which Arabic spells as the accusative singular
/// (`ألفا`, `مليونا`, `مليارا`: one of it after a number, `20 مليارا`, or
/// alone, `أنفق مليارا على`).
fn dual_in_construct(w: &Words, k: usize) -> bool {
    let measured = |s: &Sense| matches!(s, Sense::Currency(..) | Sense::Measure(_)).then_some(());
    w.folded(k).ends_with('ا') && w.next_on_line(k + 1) && w.find_whole(k + 1, measured).is_some()
}

/// `raw` in ASCII digits when it is digits alone (any script).
fn plain_digits(raw: &str) -> Option<String> {
    let digits = parse_decimal(raw).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    (!digits.is_empty() && digits.len() <= 18).then_some(digits)
}

/// The scale a fraction at `k` is a part of, after `of` and `a` or
/// neither (`half a million`, `quarter of a million`, `نصف مليون`): its
/// value and the token after it.
pub(super) fn scale_after_fraction(w: &Words, k: usize) -> Option<(Dec, usize)> {
    let mut j = k + 1;
    for word in ["of", "a"] {
        if w.next_on_line(j) && w.folded(j) == word {
            j += 1;
        }
    }
    scale_word(w, j).map(|scale| (scale, j + 1))
}

/// The value of the singular scale word at `i` (`مليون`, `million`) on the
/// line of the token before.
fn scale_word(w: &Words, i: usize) -> Option<Dec> {
    if !w.next_on_line(i) {
        return None;
    }
    w.find_whole(i, scale_sense)
}

fn scale_sense(sense: &Sense) -> Option<Dec> {
    match sense {
        Sense::Num(value, NumRole::Scale) => Some(*value),
        _ => None,
    }
}

/// After a fraction of `scale` that ends before `i`: past the scale said
/// again (`مليون ونصف المليون`, `ونصف مليون`), else `i`.
fn scale_again(w: &Words, i: usize, scale: Option<Dec>) -> usize {
    let said = w
        .find_whole(i, scale_sense)
        .or_else(|| w.find_after_article(i, scale_sense).map(|(s, _)| s));
    let again = scale.is_some() && said == scale;
    i + usize::from(again && w.next_on_line(i))
}

/// `ونصف`, `وربع` at `i` after digits and their scale (`3 ملايين ونصف
/// المليون`): the token after it (and after the scale said again) and
/// that part of `scale`.
fn part_of_scale_after(w: &Words, i: usize, scale: Dec) -> Option<(usize, Dec)> {
    if !w.next_on_line(i) || !w.folded(i).starts_with('و') {
        return None;
    }
    let ((part, NumRole::Fraction), Form::Proclitic) = w.find(i, num_sense)? else {
        return None;
    };
    Some((scale_again(w, i + 1, Some(scale)), part.mul(scale)?))
}

/// A number at token `i`: digits (with a following scale word or `فاصلة`
/// and digits), or number words.
// Asked from many files: inlinable across the release build's codegen
// units, wherever the compiler puts them.
#[inline]
pub(super) fn amount(w: &Words, i: usize) -> Option<Amount> {
    w.amounts.get(i, || find_amount(w, i))
}

fn find_amount(w: &Words, i: usize) -> Option<Amount> {
    // `خُمس`: a fifth, not five; a seventh has no decimal, so no amount.
    if let Some(of) = super::fractions::vocalized_part(w, i) {
        let part = Dec::int(1).div_exact(Dec::int(of))?;
        let (value, end) = match scale_after_fraction(w, i) {
            Some((scale, after)) => (part.mul(scale)?, after),
            None => (part, i + 1),
        };
        return Some(Amount {
            end,
            value,
            words: true,
            approximate: false,
        });
    }
    let found = find_amount_alone(w, i)?;
    // `ثلاثة أرباع`: the count of parts is no number of its own; before a
    // scale word, the parts are of it (`ثلاثة أرباع مليون`).
    if let Some(parts) = super::fractions::counted_parts(w, i, &found) {
        return parts.map(|parts| {
            scale_word(w, parts.end)
                .and_then(|scale| parts.value.mul(scale))
                .map_or(parts, |value| Amount {
                    end: parts.end + 1,
                    value,
                    ..parts
                })
        });
    }
    Some(with_smaller_after_and(w, found))
}

/// `3 آلاف و500`, `مليون و200 ألف`, `ثلاثة آلاف و500 شخص`, `3 آلاف
/// وخمسمائة`, `مليونين و500 ألف`: after an amount that ends with a scale
/// word (or its dual), `و` and an amount smaller than that scale (digits
/// alone or with a smaller scale, or words) add to it, as number words
/// after `و` do (`ثلاثة آلاف وخمسمائة`). Not smaller, they are the
/// next item of a list (`10 آلاف و20 ألفا`). Each step falls to a smaller
/// scale, so the chain is short (`5 ملايين و3 آلاف و200`).
fn with_smaller_after_and(w: &Words, found: Amount) -> Amount {
    let at = found.end;
    if !w.next_on_line(at) {
        return found;
    }
    // `و 500`, `و500` (the tokenizer cuts the digits off), `وخمسمائة`.
    let rest_at = if w.folded(at) == "و" {
        if !w.next_on_line(at + 1) || !w.is_number(at + 1) {
            return found;
        }
        at + 1
    } else if w.is_word(at) && w.folded(at).starts_with('و') {
        at
    } else {
        return found;
    };
    // The scale of the word before: `آلاف`, and of a dual (`مليونين`,
    // `ألفين`, `مائتين`) half its value.
    let scale = w.find_whole(at - 1, |s| match s {
        Sense::Num(scale, NumRole::Scale | NumRole::Scales) => Some(*scale),
        Sense::Num(two, NumRole::Dual) => two.div_exact(Dec::int(2)),
        _ => None,
    });
    let Some(scale) = scale else {
        return found;
    };
    // After a million or more, what follows is of the next scale down at
    // least (`مليون و200 ألف`); `3 مليون و2` is no 3,000,002.
    let floor = if Dec::int(1000).lt(scale) {
        scale.div_exact(Dec::int(1000))
    } else {
        Some(Dec::ZERO)
    };
    let fits = |rest: &Amount| rest.value.lt(scale) && floor.is_some_and(|f| !rest.value.lt(f));
    let Some(rest) = amount(w, rest_at).filter(fits) else {
        return found;
    };
    match found.value.add(rest.value) {
        Some(value) => Amount {
            end: rest.end,
            value,
            words: true,
            approximate: found.approximate || rest.approximate,
        },
        None => found,
    }
}

fn find_amount_alone(w: &Words, i: usize) -> Option<Amount> {
    if let Some((last, value)) = fraction_before_ra(w, i) {
        return Some(after_digits(w, last, value));
    }
    if let Some(grouped) = grouped(w, i).or_else(|| arabic_comma_grouped(w, i)) {
        return Some(after_digits(w, grouped.end - 1, grouped.value));
    }
    if let Some(value) = digits_value(w, i) {
        if matches!(w.kind(i), Some(TokenKind::Punctuation | TokenKind::Symbol)) {
            // `.77`: the separator and the digits after it.
            return Some(Amount {
                end: i + 2,
                value,
                words: false,
                approximate: false,
            });
        }
        return Some(after_digits(w, i, value));
    }
    number_words(w, i, false)
}

/// A number in words whose first word carries the preposition `ل` ("to"),
/// as the upper end of a range (`من عشرة لعشرين`); the clitic is outside it.
pub(super) fn amount_after_lam(w: &Words, i: usize) -> Option<Amount> {
    if !w.folded(i).starts_with('ل') {
        return None;
    }
    number_words(w, i, true)
}

fn after_digits(w: &Words, i: usize, value: Dec) -> Amount {
    let plain = Amount {
        end: i + 1,
        value,
        words: false,
        approximate: false,
    };
    if !w.next_on_line(i + 1) {
        return plain;
    }
    if let Some(amount) = and_a_fraction(w, i + 1, value) {
        return amount;
    }
    match w.find_whole(i + 1, num_sense) {
        // `5k`, `3bn`; of the money abbreviations only a capital `M` (`1.2M`).
        Some((scale, role @ (NumRole::Abbr | NumRole::MoneyAbbr)))
            if w.glued(i) && (role == NumRole::Abbr || is_capital_mega(w, i + 1)) =>
        {
            value.mul(scale).map_or(plain, |v| Amount {
                end: i + 2,
                value: v,
                words: false,
                approximate: false,
            })
        }
        Some((scale, role @ (NumRole::Scale | NumRole::Scales))) => {
            value.mul(scale).map_or(plain, |v| {
                let (end, value) = if role == NumRole::Scale && scale == Dec::int(1000) {
                    thousand_of_scale(w, i + 2, v)
                } else {
                    part_of_scale_after(w, i + 2, scale)
                        .filter(|_| value.is_integer())
                        .and_then(|(end, part)| Some((end, v.add(part)?)))
                        .unwrap_or((i + 2, v))
                };
                Amount {
                    end,
                    value,
                    words: true,
                    approximate: false,
                }
            })
        }
        Some((_, NumRole::Point)) if w.next_on_line(i + 2) && w.is_number(i + 2) => {
            let raw = w.raw(i + 2);
            let fraction = parse_decimal(raw)
                .filter(|d| d.bytes().all(|b| b.is_ascii_digit()) && value.is_integer())
                .and_then(|d| Dec::parse(&format!("{value}.{d}")));
            fraction.map_or(plain, |v| {
                let (end, value) = scaled(w, i + 3, v);
                Amount {
                    end,
                    value,
                    words: true,
                    approximate: false,
                }
            })
        }
        _ => plain,
    }
}

/// Whether `total`, read up to a `thousand` just before, times the larger
/// scale `value` is a thousand of that scale: no scale of a million or more
/// came before (`two million three thousand million` is no number).
fn is_thousand_million(total: Dec, value: Dec) -> bool {
    let million = Dec::int(1_000_000);
    !value.lt(million) && total.lt(million)
}

/// After digits and `thousand` (`3 thousand million`), read up to `total`:
/// the larger scale at `at` that takes the thousands, when there is one.
/// The token after the number and its value.
fn thousand_of_scale(w: &Words, at: usize, total: Dec) -> (usize, Dec) {
    if !w.next_on_line(at) {
        return (at, total);
    }
    match w.find_whole(at, num_sense) {
        Some((scale, NumRole::Scale | NumRole::Scales)) if is_thousand_million(total, scale) => {
            total.mul(scale).map_or((at, total), |v| (at + 1, v))
        }
        _ => (at, total),
    }
}

/// Number words from token `i`.
fn number_words(w: &Words, i: usize, lam: bool) -> Option<Amount> {
    let mut total = Dec::ZERO;
    let mut group = Dec::ZERO;
    let mut last = Last::Nothing;
    let mut last_scale: Option<Dec> = None;
    let mut compound = Dec::ZERO;
    let mut approximate = false;
    let mut end = i;
    let mut j = i;
    let mut article = false;
    // The word before was `thousand`, `ألف` (a scale of a thousand).
    let mut after_thousand = false;
    // Where the number ended after its last scale word.
    let mut end_at_scale: Option<usize> = None;
    loop {
        // A conjunction: a lone `و`/`and`/`-`, or `و` glued to the word.
        let mut conj = false;
        let mut hyphen = false;
        let mut k = j;
        if j > i && w.next_on_line(j) {
            let f = w.folded(j);
            hyphen = w.joins_by_hyphen(j);
            if matches!(f, "و" | "and") || hyphen {
                conj = true;
                k = j + 1;
            }
        }
        if k > i && !w.next_on_line(k) {
            break;
        }
        if w.kind(k) != Some(TokenKind::Word) {
            break;
        }
        let Some(((value, role), form)) = w
            .find(k, num_sense)
            .or_else(|| (k == i).then(|| definite_teen_unit(w, k)).flatten())
        else {
            break;
        };
        if form == Form::Proclitic {
            let and = w.folded(k).starts_with('و');
            if k == i {
                // `وثلاثة`, `بثلاثة`: the clitic is outside the number.
                let lam = lam && w.folded(k).starts_with('ل');
                if !and && !lam && !w.folded(k).starts_with('ب') {
                    break;
                }
            } else if conj || !and {
                break;
            } else {
                conj = true;
            }
        }
        let ok = match role {
            NumRole::Unit => {
                if matches!(last, Last::Nothing | Last::Hundreds)
                    || (last == Last::Ten && article_free(w, k))
                {
                    group = group.add(value)?;
                    last = Last::Unit;
                    true
                } else {
                    false
                }
            }
            NumRole::Compound => {
                if matches!(last, Last::Nothing | Last::Hundreds) && !conj {
                    compound = value;
                    last = Last::Compound;
                    true
                } else {
                    false
                }
            }
            NumRole::Teen => match last {
                Last::Compound if !conj => {
                    group = group.add(compound)?.add(value)?;
                    last = Last::Teen;
                    true
                }
                Last::Unit if !conj => {
                    group = group.add(value)?;
                    last = Last::Teen;
                    true
                }
                Last::Nothing | Last::Hundreds => {
                    group = group.add(value)?;
                    last = Last::Teen;
                    true
                }
                _ => false,
            },
            NumRole::Number => {
                if matches!(last, Last::Nothing | Last::Hundreds) {
                    group = group.add(value)?;
                    last = Last::Teen;
                    true
                } else {
                    false
                }
            }
            NumRole::Ten => {
                if matches!(last, Last::Nothing | Last::Hundreds) || (last == Last::Unit && conj) {
                    group = group.add(value)?;
                    last = Last::Ten;
                    true
                } else {
                    false
                }
            }
            NumRole::Hundred => {
                // English counts hundreds past nine: `fifteen hundred`,
                // `twenty-five hundred`.
                let english_teens = matches!(last, Last::Teen | Last::Ten | Last::Unit)
                    && total.is_zero()
                    && group.lt(Dec::int(100))
                    && article_free(w, k);
                if (last == Last::Unit && group_units(group) || english_teens) && !conj {
                    group = group.mul(value)?;
                    last = Last::Hundreds;
                    true
                } else if last == Last::Nothing && !conj {
                    group = value;
                    last = Last::Hundreds;
                    true
                } else {
                    false
                }
            }
            NumRole::Hundreds => {
                if last == Last::Nothing {
                    group = group.add(value)?;
                    last = Last::Hundreds;
                    true
                } else {
                    false
                }
            }
            NumRole::Scale | NumRole::Scales
                if after_thousand && !conj && is_thousand_million(total, value) =>
            {
                // `three thousand million`, `ألف مليون`: a thousand of the
                // larger scale (the British and Arabic way to say billion).
                total = total.mul(value)?;
                last_scale = Some(Dec::int(1000).mul(value)?);
                true
            }
            NumRole::Scales if group.is_zero() => false,
            NumRole::Scale | NumRole::Scales => {
                let falling = last_scale.is_none_or(|s| value.lt(s));
                if !falling && !group.is_zero() {
                    // `ألفين وثلاثة آلاف`: a second number of the same
                    // scale starts at the conjunction; this one ends before.
                    if let Some(at) = end_at_scale {
                        end = at;
                        group = Dec::ZERO;
                        last = Last::Nothing;
                    }
                    false
                } else if !falling || conj || last == Last::Compound {
                    false
                } else {
                    let times = if !group.is_zero() {
                        group
                    } else if total.is_zero() && j == i && dual_in_construct(w, k) {
                        Dec::int(2)
                    } else {
                        Dec::int(1)
                    };
                    if group.is_zero() && !(total.is_zero() && j == i || article) {
                        false
                    } else {
                        total = total.add(times.mul(value)?)?;
                        group = Dec::ZERO;
                        last = Last::Nothing;
                        last_scale = Some(value);
                        true
                    }
                }
            }
            NumRole::Dual => {
                if last == Last::Nothing && group.is_zero() {
                    total = total.add(value)?;
                    // The scale is the singular's: `مليونان ونصف` is two and
                    // a half million, `ألفين وثلاثة آلاف` two numbers.
                    last_scale = Some(value.div_exact(Dec::int(2))?);
                    true
                } else {
                    false
                }
            }
            NumRole::Fraction => {
                // `نصف مليون`, `ربع مليار`, `half a million`, `a quarter of
                // a million`: that part of the scale after it.
                let scale = scale_after_fraction(w, k);
                // First: a part of a period, or a text.
                let not_a_number = k == i
                    && (names_a_part_of_time(w, i) || is_text_not_half(w, i) && scale.is_none());
                if not_a_number {
                    false
                } else if k == i || article && k == i + 1 && scale.is_some() {
                    group = value;
                    end = k + 1;
                    if let Some((scale, after)) = scale {
                        group = value.mul(scale)?;
                        end = after;
                        end_at_scale = Some(after);
                    }
                    break;
                } else if hyphen && total.is_zero() && last == Last::Unit {
                    // `three-quarter`, `one-half`: that many parts.
                    group = group.mul(value)?;
                    end = k + 1;
                    break;
                } else if conj && last != Last::Compound {
                    let scale = last_scale.filter(|_| group.is_zero());
                    group = group.add(value.mul(scale.unwrap_or(Dec::int(1)))?)?;
                    end = scale_again(w, k + 1, scale);
                    break;
                } else {
                    false
                }
            }
            NumRole::Few | NumRole::FewAfterArticle => {
                // `بضعة` first; `few`, `couple` after `a` only.
                let placed = match role {
                    NumRole::Few => k == i,
                    _ => article && k == i + 1,
                };
                if placed {
                    group = value;
                    approximate = true;
                    last = Last::Unit;
                }
                placed
            }
            NumRole::Article => {
                if k == i {
                    article = true;
                    true
                } else {
                    false
                }
            }
            NumRole::Point
            | NumRole::Abbr
            | NumRole::MoneyAbbr
            | NumRole::Minus
            | NumRole::Parts
            | NumRole::Thirds => false,
        };
        if !ok {
            break;
        }
        if role == NumRole::Hundred && article {
            article = false;
        }
        after_thousand = role == NumRole::Scale && value == Dec::int(1000);
        j = k + 1;
        if last != Last::Compound && !(role == NumRole::Article) {
            end = j;
        }
        if matches!(role, NumRole::Scale | NumRole::Scales | NumRole::Dual) {
            end_at_scale = Some(end);
        }
    }
    if end == i || last == Last::Compound && end == j {
        return None;
    }
    // `a` counts one of a hundred, a scale or a few (`a hundred`, `a
    // million`, `a few`), never a unit or a ten (`a three-day visit`, `a
    // five star hotel`: the number alone).
    if article && !approximate && end_at_scale.is_none() {
        return None;
    }
    if approximate && article {
        end = of_before_noun(w, end);
    }
    let mut value = total.add(group)?;
    if last != Last::Nothing && last_scale.is_none() && !approximate {
        if let Some(amount) = and_a_fraction(w, end, value) {
            return Some(amount);
        }
    }
    if let Some((end_point, decimal)) = point_digits(w, end).filter(|_| !approximate) {
        if let Some(v) = Dec::parse(&format!("{value}.{decimal}")).filter(|_| value.is_integer()) {
            (end, value) = scaled(w, end_point, v);
        }
    }
    Some(Amount {
        end,
        value,
        words: true,
        approximate,
    })
}

/// After `a few`, `a couple` ending before `i`: the token after `of` when
/// `of` at `i` comes before a noun (`a couple of days`), else `i`.
fn of_before_noun(w: &Words, i: usize) -> usize {
    let noun_after = w.folded(i) == "of" && w.next_on_line(i) && w.noun_follows(i + 1);
    if noun_after {
        i + 1
    } else {
        i
    }
}

/// An English whole number followed at `i` by `and a half` or `and a
/// quarter` (`two and a half`, `2 and a half million`): the number with the fraction added, then the scale word after
/// it if one follows. Arabic adds its fractions inside the number (`ثلاثة
/// ونصف`), and after a unit (`ساعة ونصف`, in `fractions`).
fn and_a_fraction(w: &Words, i: usize, whole: Dec) -> Option<Amount> {
    if w.folded(i) != "and" || !whole.is_integer() {
        return None;
    }
    let (fraction, end) = fraction_after(w, i)?;
    let (end, value) = scaled(w, end, whole.add(fraction)?);
    Some(Amount {
        end,
        value,
        words: true,
        approximate: false,
    })
}

/// Whether token `i` is a capital `M` (glued to digits: a million, `1.2M`;
/// the metre is written `m`).
pub(super) fn is_capital_mega(w: &Words, i: usize) -> bool {
    w.raw(i) == "M"
}

/// A decimal read aloud, then the scale word after it when one follows
/// (`two point two million`, `3 point 5 billion`): the token after them and
/// the value.
fn scaled(w: &Words, end: usize, value: Dec) -> (usize, Dec) {
    if !w.next_on_line(end) {
        return (end, value);
    }
    match w.find_whole(end, num_sense) {
        Some((scale, NumRole::Scale)) => value.mul(scale).map_or((end, value), |v| (end + 1, v)),
        _ => (end, value),
    }
}

/// The digits read one by one after the decimal point read aloud
/// (`three point five`, `one point two five`): the token after them and the
/// digits.
fn point_digits(w: &Words, i: usize) -> Option<(usize, String)> {
    if !w.next_on_line(i) || !matches!(w.find_whole(i, num_sense), Some((_, NumRole::Point))) {
        return None;
    }
    let mut k = i + 1;
    let mut digits = String::new();
    while w.next_on_line(k) && w.kind(k) == Some(TokenKind::Word) {
        match w.find_whole(k, num_sense) {
            Some((d, NumRole::Unit)) if d.is_integer() && d.lt(Dec::int(10)) => {
                digits.push_str(&d.to_string());
                k += 1;
            }
            _ => break,
        }
    }
    (!digits.is_empty()).then_some((k, digits))
}

/// The unit of a number of 11-19 with the article at `i` (`الخمسة عشر
/// يوما`, `الثلاث عشرة سنة`, `الأحد عشر`: the fifteen days): a cardinal,
/// whose ordinal is another word (`الخامس عشر`). Alone (`الخمسة`, the five
/// of them) the word is no number here, nor after `يوم` (`يوم الأحد`), nor
/// when 1 or 2 disagree in gender with `عشر` (`الأحد عشرة قتلى`: Sunday,
/// ten dead; `أحد عشر`, `إحدى عشرة` agree).
pub(super) fn definite_teen_unit(w: &Words, i: usize) -> Option<((Dec, NumRole), Form)> {
    let (unit, conj) = w.find_after_article(i, num_sense)?;
    if conj || !matches!(unit.1, NumRole::Unit | NumRole::Compound) || !w.next_on_line(i + 1) {
        return None;
    }
    let (_, NumRole::Teen) = w.find_whole(i + 1, num_sense)? else {
        return None;
    };
    // The feminine of the ten ends in ة, of 1 in ى, of 2 in تا/تي
    // (`اثنتا`); 1 and 2 take their forms of 11 and 12 (`اثنا`, not the
    // weekday `الاثنين`). The ending of 3-9 is often written either way.
    let agree = !unit.0.lt(Dec::int(3))
        || unit.1 == NumRole::Compound
            && (w.raw(i).ends_with('ى') || w.raw(i).contains("نت")) == w.raw(i + 1).ends_with('ة');
    let after_day = i > 0 && w.next_on_line(i) && matches!(w.folded(i - 1), "يوم" | "ويوم");
    (agree && !after_day).then_some((unit, Form::Whole))
}

/// Whether a group so far holds only a unit (below ten).
fn group_units(group: Dec) -> bool {
    group.lt(Dec::int(10))
}

/// English puts units after tens without a conjunction ("twenty one");
/// Arabic never does, so a unit after a ten is English only.
fn article_free(w: &Words, k: usize) -> bool {
    w.folded(k).is_ascii()
}

/// An ordinal at token `i`: `21st`, `الثالث`, `الحادي عشر`,
/// `الحادي والعشرين`, `الواحد والثلاثون`, `العشرون`, `twenty-first`.
pub(super) fn ordinal(w: &Words, i: usize) -> Option<(usize, u32)> {
    if w.past_drawn_article(i) != i {
        // `القمة الـ33`: digits after the drawn article that count a
        // singular noun are its rank.
        let value = digits_value_str(w.raw(i + 1)).filter(|_| ranks_a_singular(w, i))?;
        return Some((i + 2, value));
    }
    if w.is_number(i) {
        let raw = w.raw(i);
        let body = raw.get(..raw.len().checked_sub(2)?)?;
        if !is_ordinal_suffix(&raw[body.len()..]) {
            return None;
        }
        let value = digits_value_str(body)?;
        return Some((i + 1, value));
    }
    if !w.is_word(i) {
        return None;
    }
    let ordinal_sense = |s: &Sense| match s {
        Sense::Ordinal(v, compound) => Some((*v, *compound)),
        _ => None,
    };
    // An ordinal word, with or without the article.
    let word = w.find_whole(i, ordinal_sense).or_else(|| {
        w.find_after_article(i, ordinal_sense)
            .filter(|(_, conj)| !conj)
            .map(|(v, _)| v)
    });
    if let Some((value, compound)) = word {
        if let Some(rest) = ordinal_tail(w, i + 1) {
            return Some((rest.0, value + rest.1));
        }
        return (!compound).then_some((i + 1, value));
    }
    // A cardinal with the article: الواحد والثلاثون، العشرون، الأحد عشر
    // (the eleventh also as الحادي عشر, above). Another unit with عشر is a
    // cardinal (`الخمسة عشر يوما`, the fifteen days): the ordinal of 12-19
    // takes the ordinal unit (`الخامس عشر`).
    let (value, role) = w
        .find_after_article(i, num_sense)
        .filter(|(_, conj)| !conj)
        .map(|(v, _)| v)?;
    let value = value.to_i64()? as u32;
    match role {
        NumRole::Ten => Some((i + 1, value)),
        NumRole::Unit | NumRole::Compound if (1..10).contains(&value) => {
            let eleven = value == 1 && definite_teen_unit(w, i).is_some();
            let (end, add) = ordinal_tail(w, i + 1).filter(|&(_, add)| add >= 20 || eleven)?;
            Some((end, value + add))
        }
        _ => None,
    }
}

/// An Arabic ordinal word after `و` and the article (`والسادس`, `والحادي
/// والعشرين`): an item of a list of ordinals after the first (`الخامس
/// والسادس`). The token after it and its value.
pub(super) fn ordinal_after_and(w: &Words, i: usize) -> Option<(usize, u32)> {
    if !w.is_word(i) {
        return None;
    }
    let ((value, compound), conj) = w.find_after_article(i, |s| match s {
        Sense::Ordinal(v, compound) => Some((*v, *compound)),
        _ => None,
    })?;
    if !conj {
        return None;
    }
    if let Some((end, add)) = ordinal_tail(w, i + 1) {
        return Some((end, value + add));
    }
    (!compound).then_some((i + 1, value))
}

/// Whether `نص` at `i`, Egyptian for half (`نص مليون`, `نص ساعة`, `ساعة
/// ونص`), is the Standard Arabic `نصّ`, a text (`نص الاتفاق`, `نقبل نص
/// التقدم`): first in its number, with no unit, currency or scale word
/// after it to count.
fn is_text_not_half(w: &Words, i: usize) -> bool {
    w.folded(i) == "نص" && !super::dates::counted(w, i + 1)
}

/// Whether the English fraction word at `i` (`quarter`, `half`) names a
/// part of a period rather than a number, by the word before it: `the
/// quarter ended March 31`, `its first half`, `last quarter`, `the second
/// half` (`a quarter`, `half of them`, `one and a half` stay numbers).
fn names_a_part_of_time(w: &Words, i: usize) -> bool {
    const BEFORE_A_PERIOD: [&str; 17] = [
        "the", "this", "that", "each", "every", "its", "their", "our", "last", "next", "first",
        "second", "third", "fourth", "fiscal", "final", "previous",
    ];
    w.next_on_line(i) && w.folded(i).is_ascii() && BEFORE_A_PERIOD.contains(&w.folded(i - 1))
}

/// Whether `suffix` is an English ordinal suffix in any case (`st`, `ND`).
/// Whether the drawn article at `i` (`الـ33`) follows a definite singular
/// noun of the feminine endings (`القمة`, `للمرة`, `الذكرى`; past a nisba
/// adjective, `القمة العربية`): its number is a rank (`القمة الـ33`, the 33rd
/// summit). After a plural (`الساعات الـ24`, `الدول العربية الـ22`) it counts,
/// and a masculine singular is not told from a broken plural: no rank.
fn ranks_a_singular(w: &Words, i: usize) -> bool {
    let definite_word = |k: usize| {
        let word = w.raw(k).trim_start_matches(['و', 'ف']);
        w.same_line(k)
            && w.is_word(k)
            && ["ال", "لل", "بال", "كال"]
                .iter()
                .any(|a| word.starts_with(a))
    };
    let Some(mut k) = i.checked_sub(1).filter(|&k| definite_word(k)) else {
        return false;
    };
    if w.raw(k).ends_with("ية") && k > 0 && definite_word(k - 1) {
        k -= 1;
    }
    w.raw(k).ends_with(['ة', 'ى'])
}

pub(super) fn is_ordinal_suffix(suffix: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s))
}

/// `twenty-first`, `twenty first`: a ten, an optional hyphen and an ordinal unit.
pub(super) fn english_compound_ordinal(w: &Words, i: usize) -> Option<(usize, u32)> {
    let (ten, role) = w.find_whole(i, num_sense)?;
    if role != NumRole::Ten || !w.folded(i).is_ascii() {
        return None;
    }
    let mut k = i + 1;
    if w.joins_by_hyphen(k) {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let (unit, _) = w.find_whole(k, |s| match s {
        Sense::Ordinal(v, false) if *v < 10 => Some((*v, false)),
        _ => None,
    })?;
    Some((k + 1, ten.to_i64()? as u32 + unit))
}

/// After an Arabic ordinal unit: `عشر`/`عشرة` (+10) or `و` + a ten with
/// the article (`والعشرين`, `و العشرين`).
fn ordinal_tail(w: &Words, i: usize) -> Option<(usize, u32)> {
    if !w.next_on_line(i) {
        return None;
    }
    if let Some((value, NumRole::Teen)) = w.find_whole(i, num_sense) {
        return Some((i + 1, value.to_i64()? as u32));
    }
    let ten_after_article = |k: usize, glued_conj: bool| {
        let ((value, role), conj) = w.find_after_article(k, num_sense)?;
        (role == NumRole::Ten && conj == glued_conj)
            .then(|| value.to_i64())??
            .try_into()
            .ok()
    };
    if let Some(v) = ten_after_article(i, true) {
        return Some((i + 1, v));
    }
    if w.folded(i) == "و" && w.next_on_line(i + 1) {
        if let Some(v) = ten_after_article(i + 1, false) {
            return Some((i + 2, v));
        }
    }
    None
}

fn digits_value_str(s: &str) -> Option<u32> {
    let d = parse_decimal(s)?;
    d.parse().ok()
}
