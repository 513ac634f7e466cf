//! Numbers and percentages with what bounds them, joined once the pass has
//! read every entity: two of them as the ends of a range (`بين 20 و30 ألف`,
//! `من 5 إلى 7 في المئة`, `between 3 and 5`, `5- 8 مليون`), and a word
//! written before or after one (`أكثر من 100`, `نحو 50%`, `100 على الأقل`),
//! from the phrases of `data/amount_bounds.tsv` that money and quantities
//! read too.
//!
//! Joined after the pass, not read at the first word: a number never takes
//! a token that starts a longer entity of another kind (`نحو 5 مساء` is a
//! time, `من 5 إلى 7 سنوات` a number and a duration, as before).

use super::bounds::{bound_after, bound_ending_at, bounded_span};
use super::decimal::Dec;
use super::lexicon::Sense;
use super::measures::{digits_scale, joins_range};
use super::numbers::in_basis_points;
use super::words::Words;
use super::{Bound, Context, Entity, EntityKind, Value};

/// An entity of the pass and the tokens `start..end` it was read from.
pub(super) struct Placed {
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
}

/// `placed` with each entity joined to the one kept before it where `join`
/// makes one entity of both (what was joined may join the next in turn).
pub(super) fn join_neighbours(
    placed: Vec<Placed>,
    join: impl Fn(&Placed, &Placed) -> Option<Placed>,
) -> Vec<Placed> {
    let mut joined: Vec<Placed> = Vec::with_capacity(placed.len());
    for p in placed {
        match joined.last().and_then(|before| join(before, &p)) {
            Some(both) => {
                joined.pop();
                joined.push(both);
            }
            None => joined.push(p),
        }
    }
    joined
}

/// The entities of the pass, in text order, with every range of two
/// numbers joined into one and every bound word taken into its number.
pub(super) fn join_bounds(cx: &Context, placed: Vec<Placed>) -> Vec<Placed> {
    let mut joined: Vec<Placed> = Vec::with_capacity(placed.len());
    let mut rest = placed.into_iter().peekable();
    while let Some(mut p) = rest.next() {
        let plain = plain_number(&p.entity).is_some();
        if plain || is_unbounded_fraction(&p.entity) {
            let free_from = joined.last().map_or(0, |q| q.end);
            let high = rest.peek().filter(|_| plain);
            if let Some(range) = high.and_then(|high| range(cx, free_from, &p, high)) {
                rest.next();
                p = range;
            }
            let free_to = rest.peek().map_or(cx.words.len(), |next| next.start);
            take_bound(cx, free_from, free_to, &mut p);
        }
        joined.push(p);
    }
    joined
}

/// Whether `e` is a fraction no decimal writes (`ثلث`), not yet bounded:
/// a bound takes it (`أكثر من ثلث`), a range does not.
fn is_unbounded_fraction(e: &Entity) -> bool {
    matches!(
        e.value,
        Value::Number {
            fraction: Some(_),
            bound: None,
            ..
        }
    )
}

/// The decimal of a number or percentage not yet bounded nor a range.
fn plain_number(e: &Entity) -> Option<&str> {
    match &e.value {
        Value::Number {
            decimal,
            max: None,
            bound: None,
            fraction: None,
            ..
        } if matches!(e.kind, EntityKind::Number | EntityKind::Percent) => Some(decimal),
        _ => None,
    }
}

/// The range of `low` and `high`, two numbers one joining token apart:
/// after a word for "from" or "between" (`بين`, `من`, `وبين`, `from`), by
/// a dash, a word for "to" or, after "between", "and"; without such a word
/// only by a dash, and only when the upper end's scale word or percent sign
/// is the lower end's too (`5- 8 مليون`, `5-7%`): `1 - 3` may be a score.
/// The lower end is lower; a percentage as lower end wants one as upper.
fn range(cx: &Context, free_from: usize, low: &Placed, high: &Placed) -> Option<Placed> {
    let w = cx.words;
    let sep = low.end;
    if high.start != sep + 1 || !w.next_on_line(sep) || !w.next_on_line(high.start) {
        return None;
    }
    let (low_decimal, high_decimal) = (plain_number(&low.entity)?, plain_number(&high.entity)?);
    let percent = high.entity.kind == EntityKind::Percent;
    if low.entity.kind == EntityKind::Percent && !percent {
        return None;
    }
    // `بين 25 و50 نقطة أساس`: the lower end counts basis points too.
    let low_value = match Dec::parse(low_decimal)? {
        v if low.entity.kind == EntityKind::Number && in_basis_points(w, high.end) => {
            v.div_exact(Dec::int(100))?
        }
        v => v,
    };
    if !low_value.lt(Dec::parse(high_decimal)?) {
        return None;
    }
    let from_at = low
        .start
        .checked_sub(1)
        .filter(|&f| f >= free_from && w.next_on_line(low.start) && is_from_word(w, f));
    if !joins_range(w, sep, from_at.is_some()) {
        return None;
    }
    let scale = digits_scale(w, high.start, high.end);
    // Digits alone before `30 ألف` took its scale when they were lower
    // than its digits (see `numbers::scale_of_upper_end`); `بين 40 و30
    // ألف` are two numbers.
    if let (Some(scale), Some(digits)) = (scale, lone_digits(w, low)) {
        if digits.mul(scale) != Dec::parse(low_decimal) {
            return None;
        }
    }
    let shares = percent || scale.is_some();
    if from_at.is_none() && !(w.folded(sep) == "-" && shares) {
        return None;
    }
    let start = match from_at {
        Some(f) => cx.span(f, f + 1).start,
        None => low.entity.span.start,
    };
    let low_decimal = low_value.to_string();
    let value = Value::Number {
        value: low_decimal.parse().unwrap_or(f64::NAN),
        decimal: low_decimal,
        max: Some(high_decimal.to_string()),
        bound: None,
        fraction: None,
    };
    Some(Placed {
        start: from_at.unwrap_or(low.start),
        end: high.end,
        entity: Entity {
            kind: high.entity.kind,
            span: super::Span::new(start, high.entity.span.end),
            value,
            confidence: 0.85,
        },
    })
}

/// The value of the digits `p` is read from, when it is one token of digits.
fn lone_digits(w: &Words, p: &Placed) -> Option<Dec> {
    (p.end == p.start + 1).then(|| w.number(p.start)).flatten()
}

/// Whether token `f` is a word for "from" or "between", alone or after a
/// one-letter proclitic (`وبين`, `ومن`).
fn is_from_word(w: &Words, f: usize) -> bool {
    w.class(f) & super::starts::FROM_WORD != 0
        && w.find(f, |s| matches!(s, Sense::From).then_some(()))
            .is_some()
}

/// The bound written before `p` (a phrase of `amount_bounds.tsv` that ends
/// where it starts, after `free_from`) or else after it (ending by
/// `free_to`), taken into its span and value.
fn take_bound(cx: &Context, free_from: usize, free_to: usize, p: &mut Placed) {
    let w = cx.words;
    let before = bound_ending_at(w, free_from, p.start);
    let bound = match before {
        Some((bound, b)) => {
            p.entity.span.start = bounded_span(cx, b, b + 1).start;
            p.start = b;
            bound
        }
        None => match bound_after(w, p.end).filter(|&(_, next)| next <= free_to) {
            Some((bound, next)) => {
                p.entity.span.end = w.tokens[next - 1].span.end;
                p.end = next;
                bound
            }
            None => return,
        },
    };
    set_bound(&mut p.entity.value, bound);
}

fn set_bound(value: &mut Value, to: Bound) {
    if let Value::Number { bound, .. } = value {
        *bound = Some(to);
    }
}
