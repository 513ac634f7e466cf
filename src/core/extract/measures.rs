//! Money (`$10`, `10 دولارات`, `عشرة آلاف يورو`, `42 ج.م`, `ريال سعودي`,
//! `20 دولار و43 سنت`) with ISO 4217 codes, and quantities with units
//! (`2 كغ`, `250 مل`, `لترين`, `37° سلزيوس`, `5 km`, `درجتين تحت الصفر`).

use super::bounds::{bound_after, bound_before, bounded_span};
use super::decimal::Dec;
use super::fractions::{fraction_after, fraction_before_unit, mixed_number};
use super::lexicon::{fold, lexicon, Dimension, Measure, NumRole, Sense};
use super::number_words::{amount, amount_after_lam, Amount};
use super::numbers::decimal_value;
use super::starts;
use super::words::Words;
use super::{Bound, Context, Entity, EntityKind, Found, QuantityValue, Value};

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
    if let Some(glued) = code_glued_to_amount(w, i) {
        return Some(glued);
    }
    // A sign or code first: `$10`, `USD 10`, `€ 20`.
    if let Some((currency, mut after)) = currency_at(w, i) {
        // The period of an abbreviated symbol: `Rs. 20`.
        if w.raw(after) == "." && w.glued(after - 1) && w.is_word(after - 1) {
            after += 1;
        }
        let number = amount(w, after).filter(|_| w.next_on_line(after))?;
        let (value, end) = with_money_scale(w, &number);
        return priced(w, value, currency, end);
    }
    let Some(number) = amount(w, i) else {
        return one_by_article(w, i);
    };
    let (value, after) = with_money_scale(w, &number);
    if !w.next_on_line(after) {
        return None;
    }
    let (currency, end) = currency_at(w, after)?;
    priced(w, value, currency, end)
}

/// A currency code or symbol in capitals glued before its amount in one
/// token (`USD3.14`, `GBP3.01`, `RM42`, `MYR1.2bn`), or a capitalized
/// two-letter symbol (`Rs20`), as the press of some countries writes it:
/// the currency and the amount's text.
pub(super) fn split_code_amount(raw: &str) -> Option<((&'static str, u32), &str)> {
    if !raw.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let digits_at = raw.find(|c: char| c.is_ascii_digit())?;
    let (code, amount) = raw.split_at(digits_at);
    let capitals = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    let symbol = code.len() == 2 && code.as_bytes()[1].is_ascii_lowercase();
    if !capitals && !symbol {
        return None;
    }
    let currency = lexicon()
        .senses(&fold(code))
        .iter()
        .find_map(currency_sense)?;
    Some((currency, amount))
}

/// [`split_code_amount`] at token `i`: digits, with a scale abbreviation
/// glued after them (`RM1.2bn`) or a scale word after the token (`RM42
/// million`).
fn code_glued_to_amount(w: &Words, i: usize) -> Option<(Dec, &'static str, usize)> {
    if !w.is_word(i) {
        return None;
    }
    let (currency, amount) = split_code_amount(w.raw(i))?;
    let letters_at = amount
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(amount.len());
    let (digits, abbreviation) = amount.split_at(letters_at);
    let mut value = decimal_value(digits)?;
    let mut end = i + 1;
    if !abbreviation.is_empty() {
        let senses = lexicon().senses(&fold(abbreviation));
        let scale = senses.iter().find_map(|s| match s {
            Sense::Num(v, NumRole::Abbr | NumRole::MoneyAbbr) => Some(*v),
            _ => None,
        })?;
        value = value.mul(scale)?;
    } else if w.next_on_line(end) {
        let scale = w.find_whole(end, |s| match s {
            Sense::Num(v, NumRole::Scale) => Some(*v),
            _ => None,
        });
        if let Some(scale) = scale {
            value = value.mul(scale)?;
            end += 1;
        }
    }
    priced(w, value, currency, end)
}

/// `a dollar`, `an euro`, `a cent`: the article is one before a currency
/// written as a name (not a sign, a code such as `USD`, or a letter), and
/// not one that also names a unit (`a pound` is a quantity, as it is read).
fn one_by_article(w: &Words, i: usize) -> Option<(Dec, &'static str, usize)> {
    if !article_before_word(w, i)
        || !w.raw(i + 1).chars().any(char::is_lowercase)
        || unit_at(w, i + 1).is_some()
    {
        return None;
    }
    let (currency, end) = currency_at(w, i + 1)?;
    priced(w, Dec::int(1), currency, end)
}

/// Whether token `i` is `a` or `an` before a word of three letters or more
/// on its line (a name, not a symbol such as `m` or `c`).
fn article_before_word(w: &Words, i: usize) -> bool {
    matches!(w.folded(i), "a" | "an")
        && w.next_on_line(i + 1)
        && w.is_word(i + 1)
        && w.raw(i + 1).chars().count() >= 3
}

/// `value` written in `currency` (a main or a minor unit) as an amount in
/// the main unit; a main unit may be followed by its minor unit.
fn priced(
    w: &Words,
    value: Dec,
    (code, minor): (&'static str, u32),
    end: usize,
) -> Option<(Dec, &'static str, usize)> {
    let value = in_main_unit(value, minor)?;
    if minor == 1 {
        return with_minor_unit(w, value, code, end);
    }
    Some((value, code, end))
}

/// An amount in a main unit followed by its minor unit, after `و`, `and` or
/// nothing (`20 دولار و43 سنت`, `$20 and 43 cents`, `20 dollars 43
/// cents`, `$20 and 43c`): the sum, the code and the token after it; else
/// the amount as it was. A bare number after it (`$20 43`) is not taken.
fn with_minor_unit(
    w: &Words,
    value: Dec,
    code: &'static str,
    end: usize,
) -> Option<(Dec, &'static str, usize)> {
    let minor = || {
        if !w.next_on_line(end) {
            return None;
        }
        let at = if matches!(w.folded(end), "و" | "and") {
            end + 1
        } else {
            end
        };
        let cents = amount(w, at).filter(|_| w.next_on_line(at))?;
        if cents.words && cents.value.lt(Dec::int(1)) || !w.next_on_line(cents.end) {
            return None;
        }
        // `43c`: a `c` glued to the digits is a hundredth of the currency
        // before it (`$20 and 43c`, `20 ringgit 43c`).
        let after = if !cents.words && w.glued(cents.end - 1) && w.raw(cents.end) == "c" {
            cents.end + 1
        } else {
            match currency_at(w, cents.end)? {
                ((c, 100), after) if c == code => after,
                _ => return None,
            }
        };
        if !cents.value.lt(Dec::int(100)) {
            return None;
        }
        Some((value.add(in_main_unit(cents.value, 100)?)?, code, after))
    };
    Some(minor().unwrap_or((value, code, end)))
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

/// Whether token `i` opens a range: `from`, `من`, `between`, `بين`.
pub(super) fn is_from(w: &Words, i: usize) -> bool {
    w.find_whole(i, |s| matches!(s, Sense::From).then_some(()))
        .is_some()
}

/// Whether token `sep` joins the two ends of a range: a dash, a word
/// meaning "to" (`to`, `إلى`, `till`), or, after `from`/`between`, `and`/`و`
/// (`between 3 and 5`; without it, `3 and 5` are two amounts).
pub(super) fn joins_range(w: &Words, sep: usize, from: bool) -> bool {
    w.folded(sep) == "-"
        || w.find_whole(sep, |s| matches!(s, Sense::To).then_some(()))
            .is_some()
        || from && matches!(w.folded(sep), "و" | "and")
}

/// How many times its lower end the upper end of a range of money said
/// with `to` alone may be (`10 to 20 dollars`, `5 إلى 50 دولارا`).
const RANGE_SPREAD: i128 = 20;

/// A range of money at `i`: `10-20 دولار`, `بين 3 و5 ملايين يورو`,
/// `من عشرة إلى عشرين ألف دينار`. When only the upper end has a scale word
/// after digits (`3 و5 ملايين`), the lower end takes the same scale.
fn money_range(w: &Words, i: usize) -> Option<(Dec, Dec, &'static str, usize)> {
    let from = is_from(w, i);
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
    // `من عشرة لعشرين دولار`: `ل` glued to the upper end means "to".
    let (high, high_at) = match amount_after_lam(w, sep).filter(|_| from && low.words) {
        Some(high) => (high, sep),
        None => {
            if !joins_range(w, sep, from) || !w.next_on_line(sep + 1) {
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
    // Without `from` or a dash, `to` is as often where something rose
    // to, after a number that was no amount (`ذهب عيار 21 إلى 2400 جنيه`:
    // 21 karat): ends that far apart are no range then.
    let far_apart = low_value
        .mul(Dec::int(RANGE_SPREAD))
        .is_none_or(|l| l.lt(high.value));
    if !from && !dash && far_apart {
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

/// A range with the currency written at both ends: `from 10 dollars to 20
/// dollars`, `between 10 dollars and 20 dollars`, `$10-$20`, `من 10
/// دولارات إلى 20 دولارا`; one currency, the lower end lower, and `from`
/// or a dash between them.
/// `single` is the amount of money read at `i`, if any.
fn money_ends_range(
    w: &Words,
    i: usize,
    single: Option<(Dec, &'static str, usize)>,
) -> Option<(Dec, Dec, &'static str, usize)> {
    let from = is_from(w, i);
    let (low, code, sep) = if from {
        // `من` and `from` are frequent: read on only before what may
        // start an amount of money.
        if !w.next_on_line(i + 1) || w.class(i + 1) & super::starts::MONEY == 0 {
            return None;
        }
        money_at(w, i + 1)?
    } else {
        single?
    };
    if !w.next_on_line(sep) || !w.next_on_line(sep + 1) {
        return None;
    }
    // Without `from`, only a dash joins two amounts of money: `ارتفع 7ر0
    // دولار إلى 87ر60 دولار`, `rose 7 cents to $60.87` tell a change and
    // where it ended, not a range.
    if !joins_range(w, sep, from) || !from && w.folded(sep) != "-" {
        return None;
    }
    let (high, high_code, end) = money_at(w, sep + 1)?;
    (high_code == code && low.lt(high)).then_some((low, high, code, end))
}

/// The scale word of `5 ملايين` (digits at `i`, then the scale, ending at `end`).
pub(super) fn digits_scale(w: &Words, i: usize, end: usize) -> Option<Dec> {
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
    let single = money_at(w, i);
    if let Some((low, high, code, end)) = money_ends_range(w, i, single) {
        return Some((low, Some(high), code, end));
    }
    let (value, code, end) = single?;
    Some((value, None, code, end))
}

/// A money entity at `i`, with a bound written before (`تحت 7 يورو`,
/// `أقل من 7 يورو`, `بحدود 10-20 دولار`) or after it (`3.42$ على الأقل`).
pub(super) fn money(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if starts::article_without_currency(w, i) {
        return None;
    }
    let before = bound_before(w, i)
        .and_then(|(bound, at)| money_or_range(w, at).map(|found| (Some(bound), found)));
    let bounded = before.is_some();
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
            span: if bounded {
                bounded_span(cx, i, end)
            } else {
                cx.span(i, end)
            },
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

/// A unit at `i` (three or two words, glued signs like `°C` or `km/h`, or
/// one word), and the token after it.
fn unit_at(w: &Words, i: usize) -> Option<(Measure, usize)> {
    if super::number_words::is_capital_mega(w, i) {
        return None;
    }
    if let Some(degrees) = glued_scale_letter(w, i) {
        return Some((degrees, i + 1));
    }
    let found = match w.find_pair(i, measure_sense) {
        Some(m) => (m, i + 2),
        None => {
            let glued = w.find_glued(i, 3, measure_sense);
            let single = w.find_whole(i, measure_sense).map(|m| (m, i + 1));
            match (glued, single) {
                (Some(g), Some(s)) => {
                    if g.1 > s.1 {
                        g
                    } else {
                        s
                    }
                }
                (g, s) => g.or(s)?,
            }
        }
    };
    Some(three_words_from(w, i, found.1).unwrap_or(found))
}

/// `C` or `F` in capitals glued to the digits before it at `i` (`40C`,
/// `104F`, as British news writes temperatures): degrees of that scale.
/// Spaced or in lower case it is no unit (`10 c`, cents); after a noun
/// that labels things by a number and a letter it is a label (`seat 5C`,
/// `flat 4F`).
fn glued_scale_letter(w: &Words, i: usize) -> Option<Measure> {
    if i == 0 || !w.glued(i - 1) || !w.is_number(i - 1) {
        return None;
    }
    let labelled = i >= 2 && w.next_on_line(i - 1) && LABEL_NOUNS.contains(&w.folded(i - 2));
    if labelled {
        return None;
    }
    let symbol = match w.raw(i) {
        "C" => "°c",
        "F" => "°f",
        _ => return None,
    };
    lexicon().senses(symbol).iter().find_map(measure_sense)
}

/// English nouns that name a place or a thing by a number and a letter
/// (`seat 5C`, `gate 12F`), folded.
const LABEL_NOUNS: [&str; 16] = [
    "seat",
    "row",
    "room",
    "gate",
    "flat",
    "apartment",
    "platform",
    "floor",
    "class",
    "form",
    "grade",
    "terminal",
    "suite",
    "block",
    "unit",
    "bay",
];

/// A unit of three words at `i` whose first word or two are a unit too
/// (`كيلو متر مربع`, `كيلومتر في الساعة`, `miles per hour`), found after
/// the shorter one ended at `end`.
fn three_words_from(w: &Words, i: usize, end: usize) -> Option<(Measure, usize)> {
    if end > i + 2 || !w.next_on_line(i + 1) || !w.next_on_line(i + 2) {
        return None;
    }
    let words = format!("{} {} {}", w.folded(i), w.folded(i + 1), w.folded(i + 2));
    let unit = lexicon().senses(&words).iter().find_map(measure_sense)?;
    Some((unit, i + 3))
}

/// A quantity entity at `i`: one amount with its unit or a range of two
/// (`3-5 km`, `between 2 and 7 grams`, `بين 20 و25 درجة مئوية`), with a
/// bound written before or after it (`under 40 degrees`, `أكثر من 5
/// كيلومترات`, `2 kg at least`), as money takes them.
pub(super) fn quantity(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let before = bound_before(w, i)
        .and_then(|(bound, at)| quantity_or_range(cx, at).map(|found| (Some(bound), found)));
    let bounded = before.is_some();
    let (mut bound, mut found) = match before {
        Some(found) => found,
        None => (None, quantity_or_range(cx, i)?),
    };
    if bound.is_none() {
        if let Some((after, next)) = bound_after(w, found.end) {
            bound = Some(after);
            found.end = next;
        }
    }
    let entity = found.entity.as_mut()?;
    let Value::Quantity(q) = &mut entity.value else {
        return None;
    };
    if q.unit == "°" && is_magnitude(w, i, found.end) {
        return None;
    }
    q.bound = bound;
    entity.span = if bounded {
        bounded_span(cx, i, found.end)
    } else {
        cx.span(i, found.end)
    };
    Some(found)
}

/// Whether degrees said at `start..end` are an earthquake's magnitude, no
/// temperature: after `بقوة` (with a strength of: `زلزال بقوة 6.2 درجات`)
/// or before a Richter scale (`6 درجات على مقياس ريختر`, `بمقياس ريختر`).
fn is_magnitude(w: &Words, start: usize, end: usize) -> bool {
    let strength = start > 0 && w.next_on_line(start) && w.folded(start - 1) == "بقوه";
    strength || (end..end + 3).any(|k| w.next_on_line(k) && w.folded(k) == "ريختر")
}

fn quantity_or_range(cx: &Context, i: usize) -> Option<Found> {
    // `from`, `من`, `between`: frequent words that start no quantity.
    let from = cx.words.class(i) & super::starts::FROM_WORD != 0 && is_from(cx.words, i);
    let single = if from { None } else { signed_quantity(cx, i) };
    if let Some(range) = quantity_range(cx, i, from, single.as_ref()) {
        return Some(range);
    }
    let mut found = single?;
    while let Some(longer) = composite(cx, i, &found) {
        found = longer;
    }
    Some(found)
}

/// A quantity followed by a smaller unit of its dimension, after a comma,
/// `and`, `و` or nothing (`7 feet 10 inches`, `2 km and 1 meter`, `3
/// أمتار و20 سنتيمترا`): one quantity, their sum in the smaller unit.
fn composite(cx: &Context, i: usize, found: &Found) -> Option<Found> {
    let w = cx.words;
    let Some(Entity {
        value: Value::Quantity(q),
        ..
    }) = &found.entity
    else {
        return None;
    };
    if q.dimension == Dimension::Temperature || !w.next_on_line(found.end) {
        return None;
    }
    let mut at = found.end;
    if matches!(w.folded(at), "," | "،" | "and" | "و") {
        at += 1;
        if !w.next_on_line(at) {
            return None;
        }
    }
    if w.find_whole(at, |s| {
        matches!(s, Sense::Num(_, NumRole::Minus)).then_some(())
    })
    .is_some()
    {
        return None;
    }
    let mut next = unsigned_quantity(cx, at)?;
    let Value::Quantity(part) = &mut next.entity.as_mut()?.value else {
        return None;
    };
    let lexicon = super::lexicon::unit_factor;
    let (big, small) = (lexicon(&q.unit)?, lexicon(&part.unit)?);
    if part.dimension != q.dimension
        || !small.lt(big)
        || part.product.is_some() && q.product.is_some()
    {
        return None;
    }
    let total = Dec::parse(&q.base_amount)?.add(Dec::parse(&part.base_amount)?)?;
    // In the smaller unit (`2 yards, 7 feet`: 13 ft), or else in the first
    // where the sum is not a whole count of the smaller across systems
    // (`1 meter and 1 foot`: 1.3048 m).
    match total.div_exact(small) {
        Some(amount) => part.amount = amount.to_string(),
        None => {
            part.amount = total.div_exact(big)?.to_string();
            part.unit.clone_from(&q.unit);
        }
    }
    part.base_amount = total.to_string();
    let entity = next.entity.as_mut()?;
    entity.span = cx.span(i, next.end);
    Some(next)
}

/// A range of quantities at `i`: two amounts joined by a dash, or by a word
/// meaning "to" or "and" after `from`/`between` (`3-5 kilometers`, `3km-5km`,
/// `from 30 degrees to 40 degrees`, `between 5 and six millimeters`, `من 5
/// إلى 7 كغ`). The unit is the upper end's; the lower end may repeat it
/// (another unit makes two quantities). A word of approximation before the
/// upper end (`between 2 g and about 7 g`, `2 - ~7 grams`) is part of it.
/// `from`: token `i` is `from`/`من`/`between`; `single` is the quantity
/// read at `i`, if any (the lower end when no `from` is written).
fn quantity_range(cx: &Context, i: usize, from: bool, single: Option<&Found>) -> Option<Found> {
    let w = cx.words;
    let low_at = if from { i + 1 } else { i };
    if from && !w.next_on_line(low_at) {
        return None;
    }
    let low_amount = amount(w, low_at)?;
    // The separator is read before the lower end's unit is: most amounts
    // are no range, and the unit is read once.
    let joins =
        |sep: usize| w.next_on_line(sep) && w.next_on_line(sep + 1) && joins_range(w, sep, from);
    let own;
    let low = if from {
        if !w.next_on_line(low_amount.end) {
            return None;
        }
        own = if joins(low_amount.end) {
            None
        } else {
            signed_quantity(cx, low_at)
        };
        own.as_ref()
    } else {
        single
    };
    let sep = low.map_or(low_amount.end, |f| f.end);
    // Two quantities with their units and no `from` are a range only by a
    // dash (`3km-5km`); `rose 2 degrees to 40 degrees` is a change and
    // where it ended.
    let units_at_both_ends = !from && low.is_some();
    if !joins(sep) || units_at_both_ends && w.folded(sep) != "-" {
        return None;
    }
    let high_at = match bound_before(w, sep + 1) {
        Some((Bound::About, at)) if w.next_on_line(at) => at,
        Some(_) => return None,
        None => sep + 1,
    };
    let mut high = signed_quantity(cx, high_at)?;
    let Value::Quantity(q) = &mut high.entity.as_mut()?.value else {
        return None;
    };
    let low_value = match low.and_then(|f| f.entity.as_ref()) {
        Some(Entity {
            value: Value::Quantity(l),
            ..
        }) if l.unit == q.unit => Dec::parse(&l.amount)?,
        // `from 500 g to 2 kg`: the lower end in the upper end's unit.
        Some(Entity {
            value: Value::Quantity(l),
            ..
        }) if l.dimension == q.dimension && q.dimension != Dimension::Temperature => {
            Dec::parse(&l.base_amount)?.div_exact(super::lexicon::unit_factor(&q.unit)?)?
        }
        Some(_) => return None,
        None => low_amount.value,
    };
    let high_value = Dec::parse(&q.amount)?;
    if !low_value.lt(high_value) {
        return None;
    }
    let low_base = if q.dimension == Dimension::Temperature {
        low_value
    } else {
        low_value.mul(super::lexicon::unit_factor(&q.unit)?)?
    };
    q.max = Some(std::mem::replace(&mut q.amount, low_value.to_string()));
    q.max_base = Some(std::mem::replace(&mut q.base_amount, low_base.to_string()));
    let entity = high.entity.as_mut()?;
    entity.confidence = 0.85;
    Some(high)
}

/// A quantity at `i`; a temperature may follow the sign read aloud
/// (`minus ten degrees celsius`).
fn signed_quantity(cx: &Context, i: usize) -> Option<Found> {
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
    let fraction = fraction_of_unit(w, i);
    let (mut value, mut unit, mut end) = match amount(w, i) {
        _ if fraction.is_some() => fraction?,
        Some(Amount { end, value, .. }) if w.next_on_line(end) => {
            // `2 below zero`: degrees of an unnamed scale.
            let (unit, after) = unit_at(w, end).or_else(|| {
                below_zero(w, end)?;
                Some((degree(), end))
            })?;
            if unit.dual {
                return None;
            }
            (value, unit, after)
        }
        _ if article_before_word(w, i) => {
            // `a gallon`, `an ounce`: the article is one before a unit
            // written as a word.
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
    let unit_token = end - 1;
    if unit.symbol == "°" && w.next_on_line(end) {
        // `37° سلزيوس`, `37 درجة مئوية`, `70 degrees F`: the scale named
        // after the degree (a lone `C` or `F` only there).
        let letter = match w.raw(end) {
            "C" | "c" => unit_at(w, end).or_else(|| scale_letter(w, "°c", end)),
            "F" | "f" => scale_letter(w, "°f", end),
            _ => unit_at(w, end),
        };
        if let Some((scale, after)) =
            letter.filter(|(m, _)| m.symbol.starts_with('°') && m.symbol.len() > 2)
        {
            unit = scale;
            end = after;
        }
    }
    if let Some((half, after)) = fraction_after(w, end) {
        value = value.add(half.mul(Dec::int(1))?)?;
        end = after;
    }
    if unit.dimension == Dimension::Temperature {
        if let Some(after) = below_zero(w, end) {
            value = value.negate();
            end = after;
        }
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
    if product.is_some() && names_currency(w, unit_token) && !value.lt(Dec::int(1_000_000)) {
        // `5 pounds` is money (ties go to money), `5 pounds of sugar` and
        // `5 pounds 3 ounces` weights; `2 million pounds of funding` money.
        return None;
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
                max: None,
                max_base: None,
                bound: None,
            }),
            confidence: 0.9,
        },
    ))
}

/// Whether the word at `i` also names a currency (`pounds`).
fn names_currency(w: &Words, i: usize) -> bool {
    w.find_whole(i, currency_sense).is_some()
}

/// A fraction and the unit it is of, at `i`: digits over digits (`3/4
/// cup`, `1/2 gallon`, after a whole number `2 1/4 inches`), or a fraction word before a unit written as a word
/// (`half a liter`, `half-litre`, `a quarter of a mile`, `نصف لتر`, `ربع
/// كيلو`): the value, the unit and the token after it.
fn fraction_of_unit(w: &Words, i: usize) -> Option<(Dec, Measure, usize)> {
    // `2 1/4 inches`: a whole number and a fraction before the unit.
    let (value, at) = mixed_number(w, i).or_else(|| fraction_before_unit(w, i))?;
    // A unit after a fraction word is written as a word (`half a liter`),
    // not a symbol such as `m`.
    if !w.is_number(i) && (!w.is_word(at) || w.raw(at).chars().count() < 3) {
        return None;
    }
    let (unit, after) = unit_at(w, at)?;
    if unit.dual || unit.dimension == Dimension::Temperature {
        return None;
    }
    Some((value, unit, after))
}

/// `تحت الصفر`, `below zero` at `i`: the token after it.
fn below_zero(w: &Words, i: usize) -> Option<usize> {
    let zero = match w.folded(i) {
        "تحت" => "الصفر",
        "below" => "zero",
        _ => return None,
    };
    (w.next_on_line(i) && w.next_on_line(i + 1) && w.folded(i + 1) == zero).then_some(i + 2)
}

/// The degree of an unnamed scale (`°` in `data/units.tsv`).
fn degree() -> Measure {
    Measure {
        symbol: "°",
        dimension: Dimension::Temperature,
        factor: Dec::int(1),
        dual: false,
        one: false,
    }
}

/// The temperature scale written `form` (`°c`, `°f` in `data/units.tsv`)
/// for a lone letter at `i` after a degree.
fn scale_letter(w: &Words, form: &str, i: usize) -> Option<(Measure, usize)> {
    if !w.is_word(i) {
        return None;
    }
    let m = super::lexicon::lexicon()
        .senses(form)
        .iter()
        .find_map(measure_sense)?;
    Some((m, i + 1))
}

/// The factor from a unit symbol of `data/units.tsv` to its dimension's base unit.
pub fn unit_factor(symbol: &str) -> Option<f64> {
    super::lexicon::unit_factor(symbol).map(Dec::to_f64)
}
