//! Money (`$10`, `10 دولارات`, `عشرة آلاف يورو`, `42 ج.م`, `ريال سعودي`,
//! `20 دولار و43 سنت`) with ISO 4217 codes, and quantities with units
//! (`2 كغ`, `250 مل`, `لترين`, `37° سلزيوس`, `5 km`, `درجتين تحت الصفر`).

use super::bounds::{bound_after, bound_before};
use super::decimal::Dec;
use super::lexicon::{Dimension, Measure, NumRole, Sense};
use super::number_words::{amount, amount_after_lam, Amount};
use super::words::Words;
use super::{Context, Entity, EntityKind, Found, QuantityValue, Value};

fn currency_sense(s: &Sense) -> Option<(&'static str, u32)> {
    match s {
        Sense::Currency(code, minor) => Some((code, *minor)),
        _ => None,
    }
}

/// A currency at `i`: two words (`ريال سعودي`), a glued abbreviation
/// (`ج.م`, `US$`), or one word or sign; with the token after it.
fn currency_at(w: &Words, i: usize) -> Option<((&'static str, u32), usize)> {
    if let Some(c) = w.find_pair(i, currency_sense) {
        return Some((c, i + 2));
    }
    let glued = w.find_glued(i, 4, currency_sense);
    let single = w.find(i, currency_sense).map(|(c, _)| (c, i + 1));
    match (glued, single) {
        (Some(g), Some(s)) => Some(if g.1 > s.1 { g } else { s }),
        (g, s) => g.or(s),
    }
}

/// The amount of money at `i`, as `(amount in the main unit, code, end)`.
fn money_at(w: &Words, i: usize) -> Option<(Dec, &'static str, usize)> {
    // A sign or code first: `$10`, `USD 10`, `€ 20`.
    if let Some(((code, minor), after)) = currency_at(w, i) {
        let number = amount(w, after).filter(|_| w.next_on_line(after))?;
        let (value, end) = with_money_scale(w, &number);
        return Some((in_main_unit(value, minor)?, code, end));
    }
    let number = amount(w, i)?;
    let (value, after) = with_money_scale(w, &number);
    if !w.next_on_line(after) {
        return None;
    }
    let ((code, minor), end) = currency_at(w, after)?;
    let value = in_main_unit(value, minor)?;
    // `20 دولار و43 سنت`: the minor unit added.
    if minor == 1 && w.next_on_line(end) && w.folded(end) == "و" {
        if let Some(cents) = amount(w, end + 1).filter(|_| w.next_on_line(end + 1)) {
            if let Some(((c, 100), after)) =
                currency_at(w, cents.end).filter(|_| w.next_on_line(cents.end))
            {
                if c == code {
                    return Some((value.add(in_main_unit(cents.value, 100)?)?, code, after));
                }
            }
        }
    }
    Some((value, code, end))
}

/// An amount of money with the scale abbreviation glued after its digits
/// that only money takes (`$2.5m`, `£3m`, `2.5m USD`: millions; `5m`
/// alone is five metres), and the token after it; else the amount as read.
fn with_money_scale(w: &Words, number: &Amount) -> (Dec, usize) {
    let scaled = || {
        let last = number.end.checked_sub(1)?;
        if number.words || !w.is_number(last) || !w.glued(last) {
            return None;
        }
        let scale = w.find_whole(number.end, |s| match s {
            Sense::Num(v, NumRole::MoneyAbbr) => Some(*v),
            _ => None,
        })?;
        Some((number.value.mul(scale)?, number.end + 1))
    };
    scaled().unwrap_or((number.value, number.end))
}

fn in_main_unit(value: Dec, minor: u32) -> Option<Dec> {
    if minor == 1 {
        return Some(value);
    }
    value.mul(Dec::parse(&format!("{}", 1.0 / f64::from(minor)))?)
}

/// A range of money at `i`: `10-20 دولار`, `بين 3 و5 ملايين يورو`,
/// `من عشرة إلى عشرين ألف دينار`. When only the upper end has a scale word
/// after digits (`3 و5 ملايين`), the lower end takes the same scale.
fn money_range(w: &Words, i: usize) -> Option<(Dec, Dec, &'static str, usize)> {
    let from = w
        .find_whole(i, |s| matches!(s, Sense::From).then_some(()))
        .is_some();
    let a_at = if from { i + 1 } else { i };
    if from && !w.next_on_line(a_at) {
        return None;
    }
    let low = amount(w, a_at)?;
    let sep = low.end;
    if !w.next_on_line(sep) {
        return None;
    }
    let dash = w.folded(sep) == "-";
    let and = matches!(w.folded(sep), "و" | "and");
    let to = w
        .find_whole(sep, |s| matches!(s, Sense::To).then_some(()))
        .is_some();
    // `من عشرة لعشرين دولار`: `ل` glued to the upper end means "to".
    let (high, high_at) = match amount_after_lam(w, sep).filter(|_| from && low.words) {
        Some(high) => (high, sep),
        None => {
            if !(dash || to || and && from) || !w.next_on_line(sep + 1) {
                return None;
            }
            (amount(w, sep + 1)?, sep + 1)
        }
    };
    let scale = digits_scale(w, high_at, high.end);
    let low_value = match scale {
        Some(scale) if !low.words => low.value.mul(scale)?,
        Some(_) => return None,
        None if low.words != high.words && !dash => return None,
        None => low.value,
    };
    // `عشرة إلى عشرين ألف`: words on both sides, the scale after the second.
    let low_value = match last_scale(w, high.end) {
        Some(s) if low.words && high.words && low_value.lt(s) && !high.value.lt(s) => {
            low_value.mul(s)?
        }
        _ => low_value,
    };
    if !low_value.lt(high.value) || !w.next_on_line(high.end) {
        return None;
    }
    let ((code, minor), end) = currency_at(w, high.end)?;
    Some((
        in_main_unit(low_value, minor)?,
        in_main_unit(high.value, minor)?,
        code,
        end,
    ))
}

/// The scale word of `5 ملايين` (digits at `i`, then the scale, ending at `end`).
fn digits_scale(w: &Words, i: usize, end: usize) -> Option<Dec> {
    w.number(i)?;
    if end != i + 2 {
        return None;
    }
    w.find_whole(i + 1, |s| match s {
        Sense::Num(scale, NumRole::Scale | NumRole::Scales) => Some(*scale),
        _ => None,
    })
}

/// The scale word that ends a number written in words (the token before `end`).
fn last_scale(w: &Words, end: usize) -> Option<Dec> {
    w.find_whole(end.checked_sub(1)?, |s| match s {
        Sense::Num(scale, NumRole::Scale | NumRole::Scales) => Some(*scale),
        _ => None,
    })
}

/// An amount or a range of money at `i`: `(amount, upper end, code, end)`.
fn money_or_range(w: &Words, i: usize) -> Option<(Dec, Option<Dec>, &'static str, usize)> {
    if let Some((low, high, code, end)) = money_range(w, i) {
        return Some((low, Some(high), code, end));
    }
    let (value, code, end) = money_at(w, i)?;
    Some((value, None, code, end))
}

/// A money entity at `i`, with a bound written before (`تحت 7 يورو`,
/// `أقل من 7 يورو`, `بحدود 10-20 دولار`) or after it (`3.42$ على الأقل`).
pub(super) fn money(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let before = bound_before(w, i)
        .and_then(|(bound, at)| money_or_range(w, at).map(|found| (Some(bound), found)));
    let (mut bound, (low, high, code, mut end)) = match before {
        Some(found) => found,
        None => (None, money_or_range(w, i)?),
    };
    if bound.is_none() {
        if let Some((after, next)) = bound_after(w, end) {
            bound = Some(after);
            end = next;
        }
    }
    if !cx.beats(end) {
        return None;
    }
    Some(Found::entity(
        end,
        Entity {
            kind: EntityKind::Money,
            span: cx.span(i, end),
            value: Value::Money {
                amount: low.to_string(),
                currency: code.to_string(),
                max: high.map(|h| h.to_string()),
                bound,
            },
            confidence: if high.is_some() { 0.85 } else { 0.9 },
        },
    ))
}

fn measure_sense(s: &Sense) -> Option<Measure> {
    match s {
        Sense::Measure(m) => Some(m.clone()),
        _ => None,
    }
}

/// A unit at `i` (two words, glued signs like `°C`, or one word), and the token after it.
fn unit_at(w: &Words, i: usize) -> Option<(Measure, usize)> {
    if let Some(m) = w.find_pair(i, measure_sense) {
        return Some((m, i + 2));
    }
    let glued = w.find_glued(i, 2, measure_sense);
    let single = w.find_whole(i, measure_sense).map(|m| (m, i + 1));
    match (glued, single) {
        (Some(g), Some(s)) => Some(if g.1 > s.1 { g } else { s }),
        (g, s) => g.or(s),
    }
}

/// A quantity entity at `i`; a temperature may follow the sign read aloud
/// (`minus ten degrees celsius`).
pub(super) fn quantity(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let minus = w
        .find_whole(i, |s| {
            matches!(s, Sense::Num(_, NumRole::Minus)).then_some(())
        })
        .is_some();
    if !minus {
        return unsigned_quantity(cx, i);
    }
    if !w.next_on_line(i + 1) {
        return None;
    }
    let mut found = unsigned_quantity(cx, i + 1)?;
    let entity = found.entity.as_mut()?;
    let Value::Quantity(q) = &mut entity.value else {
        return None;
    };
    if q.dimension != Dimension::Temperature {
        return None;
    }
    q.amount = Dec::parse(&q.amount)?.negate().to_string();
    q.base_amount = Dec::parse(&q.base_amount)?.negate().to_string();
    entity.span = cx.span(i, found.end);
    Some(found)
}

fn unsigned_quantity(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let (mut value, mut unit, mut end) = match amount(w, i) {
        Some(Amount { end, value, .. }) if w.next_on_line(end) => {
            let (unit, after) = unit_at(w, end)?;
            if unit.dual {
                return None;
            }
            (value, unit, after)
        }
        _ if matches!(w.folded(i), "a" | "an") => {
            // `a gallon`, `an ounce`: the article is one before a unit
            // written as a word (not a symbol such as `m`).
            if !w.next_on_line(i + 1) || !w.is_word(i + 1) || w.raw(i + 1).chars().count() < 3 {
                return None;
            }
            let (unit, after) = unit_at(w, i + 1)?;
            if unit.dual || unit.dimension == Dimension::Temperature {
                return None;
            }
            (Dec::int(1), unit, after)
        }
        _ => {
            // A dual unit alone (`لترين`), a unit and a fraction (`لتر
            // ونصف`), or a singular name alone (`كيلوجرام`; see units.tsv).
            let (unit, after) = unit_at(w, i)?;
            if unit.dual {
                (Dec::int(2), unit, after)
            } else if let Some((half, next)) = fraction_after(w, after) {
                (Dec::int(1).add(half)?, unit, next)
            } else if unit.one && after == i + 1 {
                (Dec::int(1), unit, after)
            } else {
                return None;
            }
        }
    };
    if unit.symbol == "°" && w.next_on_line(end) {
        // `37° سلزيوس`, `37 درجة مئوية`: the scale named after the degree.
        if let Some((scale, after)) =
            unit_at(w, end).filter(|(m, _)| m.symbol.starts_with('°') && m.symbol.len() > 2)
        {
            unit = scale;
            end = after;
        }
    }
    if let Some((half, after)) = fraction_after(w, end) {
        value = value.add(half.mul(Dec::int(1))?)?;
        end = after;
    }
    if unit.dimension == Dimension::Temperature
        && w.next_on_line(end)
        && matches!(w.folded(end), "تحت")
        && w.next_on_line(end + 1)
        && w.folded(end + 1) == "الصفر"
    {
        value = value.negate();
        end += 2;
    }
    let mut product = None;
    if matches!(unit.dimension, Dimension::Mass | Dimension::Volume)
        && w.next_on_line(end)
        && matches!(w.folded(end), "من" | "of")
        && w.next_on_line(end + 1)
        && w.is_word(end + 1)
        && (w.folded(end + 1).starts_with("ال") || w.folded(end).is_ascii())
    {
        product = Some(w.raw(end + 1).to_string());
        end += 2;
    }
    let base = if unit.dimension == Dimension::Temperature {
        value
    } else {
        value.mul(unit.factor)?
    };
    Some(Found::entity(
        end,
        Entity {
            kind: EntityKind::Quantity,
            span: cx.span(i, end),
            value: Value::Quantity(QuantityValue {
                amount: value.to_string(),
                unit: unit.symbol.to_string(),
                dimension: unit.dimension,
                base_amount: base.to_string(),
                product,
            }),
            confidence: 0.9,
        },
    ))
}

/// `ونصف`, `و نصف`, `وربع` after a unit: the fraction and the token after it.
fn fraction_after(w: &Words, i: usize) -> Option<(Dec, usize)> {
    if !w.next_on_line(i) {
        return None;
    }
    let (at, conj) = if w.folded(i) == "و" {
        (i + 1, true)
    } else {
        (i, false)
    };
    if conj && !w.next_on_line(at) {
        return None;
    }
    let (f, form) = w.find(at, |s| match s {
        Sense::Num(v, super::lexicon::NumRole::Fraction) => Some(*v),
        _ => None,
    })?;
    (conj && form == super::words::Form::Whole
        || !conj && form == super::words::Form::Proclitic && w.folded(at).starts_with('و'))
    .then_some((f, at + 1))
}

/// The factor from a unit symbol of `data/units.tsv` to its dimension's base unit.
pub fn unit_factor(symbol: &str) -> Option<f64> {
    super::lexicon::unit_factor(symbol)
}
