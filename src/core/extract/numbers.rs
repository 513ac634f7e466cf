//! Numbers and percentages: digits in any supported script, number words
//! (see `number_words.rs`), and ordinals.

use super::dates::counted;
use super::decimal::Dec;
use super::lexicon::{NumRole, Sense};
use super::measures::{digits_scale, is_from, joins_range};
use super::number_words::{
    amount, english_compound_ordinal, ordinal as ordinal_at, ordinal_after_and, Amount,
};
use super::words::Words;
use super::{Context, Entity, EntityKind, Found, Value};
use crate::core::segment::{digit_value, TokenKind};

/// A number or percentage at token `i`: a NUMBER token (`12,500`, `٣٫٥٪`),
/// digits with a scale word (`2.5 مليار`), or number words
/// (`ثلاثة آلاف وخمسمائة`), with an optional percent word after it
/// (`في المئة`, `بالمئة`, `percent`, `%`). Tokens that are times, dates or
/// ranges (`10:30`, `1/2/3`) are not numbers.
pub(super) fn number(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if w.kind(i) == Some(TokenKind::Number) {
        let raw = w.raw(i);
        if let Some(body) = raw.strip_suffix(['%', '٪']) {
            if !cx.beats(i + 1) {
                return None;
            }
            let decimal = parse_decimal(body)?;
            return Some(number_entity(
                cx,
                i,
                i + 1,
                EntityKind::Percent,
                decimal,
                0.99,
            ));
        }
    }
    let minus = |s: &Sense| matches!(s, Sense::Num(_, NumRole::Minus)).then_some(());
    if w.is_word(i) && w.find_whole(i, minus).is_some() {
        return signed(cx, i);
    }
    let Some(found) = amount(w, i) else {
        let found = unending_fraction_number(cx, i)
            .or_else(|| two_points(cx, i))
            .or_else(|| bounded_fraction_with_article(cx, i));
        if let Some(found) = found {
            return Some(found);
        }
        if !cx.beats(i + 1) {
            return None;
        }
        // Digits beyond the exact arithmetic of words keep their decimal.
        let decimal = w.is_number(i).then(|| parse_decimal(w.raw(i))).flatten()?;
        return Some(number_entity(
            cx,
            i,
            i + 1,
            EntityKind::Number,
            decimal,
            0.99,
        ));
    };
    let found = scale_of_upper_end(w, i, found);
    let confidence = match (found.approximate, found.words) {
        (true, _) => 0.5,
        (false, true) => 0.9,
        (false, false) => 0.99,
    };
    let (kind, end, value) = number_or_percent(cx, found.end, found.value)?;
    if !cx.beats(end) {
        return None;
    }
    Some(number_entity(
        cx,
        i,
        end,
        kind,
        value.to_string(),
        confidence,
    ))
}

/// The lower end of a range of two numbers that share the upper end's
/// scale word (`بين 20 و30 ألف متظاهر`, `من 3 إلى 5 ملايين`, `20-30
/// thousand`): digits alone at `i`, lower than the upper end's digits, take
/// its scale (20,000 and 30,000). Else `found` as it is.
fn scale_of_upper_end(w: &Words, i: usize, found: Amount) -> Amount {
    let from = i > 0 && w.next_on_line(i) && is_from(w, i - 1);
    let sep = found.end;
    let alone = !found.words && sep == i + 1 && w.next_on_line(sep) && w.next_on_line(sep + 1);
    if !alone || !joins_range(w, sep, from) || !w.is_number(sep + 1) {
        return found;
    }
    let Some(high) = amount(w, sep + 1) else {
        return found;
    };
    let shared = digits_scale(w, sep + 1, high.end)
        .filter(|_| w.number(sep + 1).is_some_and(|upper| found.value.lt(upper)))
        .and_then(|scale| found.value.mul(scale));
    match shared {
        Some(value) => Amount { value, ..found },
        None => found,
    }
}

/// `minus 5`, `negative 1200000`, `minus three million two hundred
/// thousand`, `سالب 5`: a number after a word for its sign, negated (a
/// percentage too: `minus 2 percent`). Not before a unit or a currency,
/// where the quantity is read at the number (`minus 5 degrees`), nor
/// before a number already signed.
fn signed(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    if !w.next_on_line(i + 1) {
        return None;
    }
    let found = amount(w, i + 1)?;
    if found.value.lt(Dec::ZERO) || counted(w, found.end) {
        return None;
    }
    let (kind, end, value) = number_or_percent(cx, found.end, found.value)?;
    if !cx.beats(end) {
        return None;
    }
    let decimal = value.negate().to_string();
    Some(number_entity(cx, i, end, kind, decimal, 0.9))
}

/// A fraction no decimal writes, as a number of its own at `i` (`ثلث
/// السكان`, `two thirds of`): no decimal, its exact [`Ratio`] and the
/// nearest double.
fn unending_fraction_number(cx: &Context, i: usize) -> Option<Found> {
    let (ratio, end) = super::fractions::unending_fraction(cx.words, i)?;
    if !cx.beats(end) {
        return None;
    }
    let found = number_entity(cx, i, end, EntityKind::Number, String::new(), 0.9);
    Some(exact_fraction(found, ratio))
}

/// A number `found` as the exact fraction `ratio`, its value the nearest
/// double (its decimal left empty by the caller).
fn exact_fraction(mut found: Found, ratio: super::Ratio) -> Found {
    if let Some(Entity {
        value: Value::Number {
            value, fraction, ..
        },
        ..
    }) = found.entity.as_mut()
    {
        *value = ratio.numerator as f64 / ratio.denominator as f64;
        *fraction = Some(ratio);
    }
    found
}

/// A fraction with the article after a bound of amounts (`بنحو الثلث`,
/// `أكثر من النصف`, `قرابة الربع`, `حوالي الثلثين`): alone the article
/// makes it a part of something named (`الثلث الأخير من المباراة`, `النصف
/// الأول من العام`), after a bound it is a share, so a number (the bound
/// is taken into it as any amount's). Not before a word with the article,
/// its adjective (`أكثر من النصف الأول`), nor `النص` (the text).
fn bounded_fraction_with_article(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let (share, _) = w.find_after_article(i, |s| match s {
        Sense::Num(v, NumRole::Fraction) => Some(Share::Decimal(*v)),
        Sense::Num(v, NumRole::Thirds) => Some(Share::Thirds(v.to_i64()?)),
        _ => None,
    })?;
    let adjective_after = w.next_on_line(i + 1) && w.folded(i + 1).starts_with("ال");
    let bounded = super::bounds::bound_ending_at(w, 0, i).is_some();
    if adjective_after || w.folded(i) == "النص" || !bounded || !cx.beats(i + 1) {
        return None;
    }
    Some(match share {
        Share::Decimal(v) => number_entity(cx, i, i + 1, EntityKind::Number, v.to_string(), 0.9),
        Share::Thirds(n) => {
            let found = number_entity(cx, i, i + 1, EntityKind::Number, String::new(), 0.9);
            let thirds = super::Ratio {
                numerator: n,
                denominator: 3,
            };
            exact_fraction(found, thirds)
        }
    })
}

/// The value of a fraction word: a decimal (`نصف`, `ربع`) or a count of
/// thirds (`ثلث`, `ثلثين`).
enum Share {
    Decimal(Dec),
    Thirds(i64),
}

/// A number entity over tokens `start..end`.
pub(super) fn number_entity(
    cx: &Context,
    start: usize,
    end: usize,
    kind: EntityKind,
    decimal: String,
    confidence: f32,
) -> Found {
    let value = decimal.parse::<f64>().unwrap_or(f64::NAN);
    Found::entity(
        end,
        Entity {
            kind,
            span: cx.span(start, end),
            value: Value::Number {
                decimal,
                value,
                max: None,
                bound: None,
                fraction: None,
            },
            confidence,
        },
    )
}

/// A percentage when a percent sign or word is at `end`, the token after
/// an amount, else a number: the kind, the entity's end and the amount's
/// value in percent (basis points are hundredths of one).
fn number_or_percent(cx: &Context, end: usize, value: Dec) -> Option<(EntityKind, usize, Dec)> {
    // The sign glued to the last token of the number (`07ر0%`).
    let glued_sign = end > 0 && cx.words.raw(end - 1).ends_with(['%', '٪']);
    if glued_sign {
        return Some((EntityKind::Percent, end, value));
    }
    Some(match percent_after(cx, end) {
        Some((after, Points::Basis)) => {
            (EntityKind::Percent, after, value.div_exact(Dec::int(100))?)
        }
        Some((after, _)) => (EntityKind::Percent, after, value),
        None => (EntityKind::Number, end, value),
    })
}

/// Whether the amount that ends before `end` is counted in basis points
/// (`50 نقطة أساس`, `50 basis points`).
pub(super) fn in_basis_points(w: &Words, end: usize) -> bool {
    let basis = |first: usize| points_of(w.folded(first), w.folded(end - 1)) == Some(Points::Basis);
    (end >= 2 && basis(end - 2)) || (end >= 3 && w.joins_by_hyphen(end - 2) && basis(end - 3))
}

/// What a percent word after a number counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Points {
    /// `%`, `percent`, `في المئة`, and percentage points (`نقاط مئوية`),
    /// which a difference of percentages counts in.
    Percent,
    /// Basis points, hundredths of a percentage point (`نقطة أساس`).
    Basis,
}

/// The token after a percent sign or word at `i` (`%`, `في المئة`,
/// `بالمائة`, `percent`, `per cent`, `percentage points`, `نقاط مئوية`,
/// `basis points`, `basis-point`, `نقطة أساس`), if there is one on the
/// line, and what it counts.
fn percent_after(cx: &Context, i: usize) -> Option<(usize, Points)> {
    let w = cx.words;
    if !w.next_on_line(i) {
        return None;
    }
    let f = w.folded(i);
    let hundred = |s: &str| matches!(s, "المئه" | "المائه" | "المية");
    // British news glues `pc` to the digits (`3.9pc`); spaced it is a
    // computer.
    let glued_pc = f == "pc" && i > 0 && w.glued(i - 1);
    if matches!(f, "%" | "٪" | "percent" | "pct")
        || glued_pc
        || f.strip_prefix('ب').is_some_and(hundred)
    {
        return Some((i + 1, Points::Percent));
    }
    if !w.next_on_line(i + 1) {
        return None;
    }
    // `a 25 basis-point cut`: the two words hyphenated before a noun.
    if w.joins_by_hyphen(i + 1) && w.next_on_line(i + 2) {
        if let Some(points) = points_of(f, w.folded(i + 2)) {
            return Some((i + 3, points));
        }
    }
    let next = w.folded(i + 1);
    let points = match f {
        "في" => hundred(next).then_some(Points::Percent),
        // British usage writes it in two words (`12 per cent`).
        "per" => (next == "cent").then_some(Points::Percent),
        _ => points_of(f, next),
    }?;
    Some((i + 2, points))
}

/// Two percentage or basis points said by the dual alone at `i`, `ب`
/// glued or not (`نقطتين مئويتين`, `بنقطتين مئويتين`, `نقطتا أساس`): a
/// percentage of 2 or 0.02, the span without the letter.
fn two_points(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    let glued = points_dual(w.folded(i))?;
    if !w.next_on_line(i + 1) {
        return None;
    }
    let value = match w.folded(i + 1) {
        "مئويتين" | "مئويتان" => "2",
        "اساس" | "اساسيتين" | "اساسيتان" => "0.02",
        _ => return None,
    };
    if !cx.beats(i + 2) {
        return None;
    }
    let mut found = number_entity(cx, i, i + 2, EntityKind::Percent, value.into(), 0.9);
    if let Some(e) = found.entity.as_mut() {
        e.span.start = w.tokens[i].span.start + glued;
    }
    Some(found)
}

/// Whether `folded` is the dual of a point (`نقطتين`, `نقطتا`), `ب` glued
/// or not: the length of what is glued before it.
pub(super) fn points_dual(folded: &str) -> Option<usize> {
    let (glued, dual) = match folded.strip_prefix('ب') {
        Some(rest) => ('ب'.len_utf8(), rest),
        None => (0, folded),
    };
    matches!(dual, "نقطتين" | "نقطتان" | "نقطتي" | "نقطتا").then_some(glued)
}

/// What two words count as percent words (`percentage points`, `نقاط
/// مئوية`, `basis points`, `نقطة أساس`), folded.
fn points_of(first: &str, second: &str) -> Option<Points> {
    match (first, second) {
        ("percentage", "point" | "points") | ("نقطه" | "نقاط", "مئويه") => {
            Some(Points::Percent)
        }
        ("basis", "point" | "points") | ("نقطه" | "نقاط", "اساس" | "اساسيه") => {
            Some(Points::Basis)
        }
        _ => None,
    }
}

/// An ordinal at token `i`, its value a whole number.
pub(super) fn ordinal(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.words;
    // `one-third`: the count before the hyphen read it as a fraction, or
    // as none when no decimal writes it.
    if i >= 2 && w.joins_by_hyphen(i - 1) && w.is_number_word(i - 2) {
        return None;
    }
    // `a fifth of`: a fraction, a number; `a third of`: one no decimal
    // writes. With its count (`three fifths`, at either word) it is the
    // count's to read, as a number of both words, or none.
    if super::fractions::denominator_at(w, i).is_some() {
        let fraction = super::fractions::lone_denominator(w, i)?;
        let Some(value) = fraction.decimal() else {
            return unending_fraction_number(cx, i);
        };
        if !cx.beats(i + 1) {
            return None;
        }
        return Some(number_entity(
            cx,
            i,
            i + 1,
            EntityKind::Number,
            value.to_string(),
            0.9,
        ));
    }
    if super::durations::is_again(w, i) {
        return None;
    }
    // After the first of a list, with `و` glued (`السابع عشر والثامن عشر`):
    // the span leaves the letter out.
    let (end, value) = ordinal_at(w, i)
        .or_else(|| ordinal_after_and(w, i))
        .or_else(|| english_compound_ordinal(w, i))?;
    if !cx.beats(end) {
        return None;
    }
    let mut found = number_entity(cx, i, end, EntityKind::Ordinal, value.to_string(), 0.9);
    if let Some(e) = found.entity.as_mut() {
        e.confidence = if w.is_number(i) { 0.99 } else { 0.85 };
    }
    Some(found)
}

/// Whether `body` starts with a minus sign (`-`, `\u{2212}`), and the rest
/// after its sign (`+` too); `None` when it is empty.
fn split_sign(body: &str) -> Option<(bool, &str)> {
    let first = body.chars().next()?;
    Some(match first {
        '-' | '\u{2212}' => (true, &body[first.len_utf8()..]),
        '+' => (false, &body[1..]),
        _ => (false, body),
    })
}

/// `body` as an exact ASCII decimal: digits of any script, an optional sign,
/// thousands separators and one decimal separator.
///
/// `٫` is always decimal and `٬` always grouping. With both `,` and `.`, the
/// last one is decimal. A lone separator kind groups when every group after
/// the first has three digits and there is more than one separator, or when
/// it is a comma followed by exactly three digits; otherwise it is decimal.
pub(super) fn parse_decimal(body: &str) -> Option<String> {
    let (negative, unsigned) = split_sign(body)?;
    let decimal_mark = decimal_mark(unsigned)?;
    let mut out = String::with_capacity(unsigned.len() + 1);
    if negative {
        out.push('-');
    }
    for c in unsigned.chars() {
        if let Some(d) = digit_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else if Some(c) == decimal_mark {
            out.push('.');
        }
    }
    Some(out)
}

/// The value of the decimal [`parse_decimal`] writes for `body`, read
/// straight into a [`Dec`] (what `Dec::parse` of that string gives,
/// without the string): every number token's value is read this way.
pub(super) fn decimal_value(body: &str) -> Option<Dec> {
    let (negative, unsigned) = split_sign(body)?;
    let decimal_mark = decimal_mark(unsigned)?;
    let (mut digits, mut scale, mut fraction, mut mantissa) = (0, 0, false, 0i128);
    for c in unsigned.chars() {
        if let Some(d) = digit_value(c) {
            // `Dec::parse` takes at most 36 digits, which always fit.
            if digits == MAX_DIGITS {
                return None;
            }
            digits += 1;
            mantissa = mantissa * 10 + i128::from(d);
            if fraction {
                scale += 1;
            }
        } else if Some(c) == decimal_mark {
            fraction = true;
        }
    }
    if digits == 0 {
        return None;
    }
    Some(Dec::from_parts(
        if negative { -mantissa } else { mantissa },
        scale,
    ))
}

/// The most digits an exact decimal is read with (see `Dec::parse`).
const MAX_DIGITS: usize = 36;

/// Which separator is the decimal mark (None: an integer); `None` overall
/// when the separators do not make a number (a time, a date, a range).
fn decimal_mark(s: &str) -> Option<Option<char>> {
    // One pass counts each separator (a time, a date, a range or digits of
    // a script we do not read have another sign: not a number).
    const SEPARATORS: [char; 4] = ['.', ',', '٫', '٬'];
    let mut counts = [0usize; 4];
    let mut last = None;
    for c in s.chars() {
        if digit_value(c).is_some() {
            continue;
        }
        let kind = SEPARATORS.iter().position(|&sep| sep == c)?;
        counts[kind] += 1;
        last = Some(c);
    }
    let count = |c: char| counts[SEPARATORS.iter().position(|&sep| sep == c).unwrap_or(0)];
    if count('٫') > 0 {
        return (count('٫') == 1).then_some(Some('٫'));
    }
    let last = match last {
        None | Some('٬') => return Some(None),
        Some(c) => c,
    };
    let mixed = SEPARATORS
        .iter()
        .any(|&c| c != last && c != '٬' && count(c) > 0);
    if mixed {
        // "1,234.5" or "1.234,5": the last separator is decimal and occurs once.
        return (count(last) == 1).then_some(Some(last));
    }
    let mut all_thousands = true;
    for group in s.split(last).skip(1) {
        all_thousands &= group.chars().count() == 3;
    }
    let groups = count(last);
    let grouping = all_thousands && (groups > 1 || last == ',');
    if grouping {
        Some(None)
    } else if groups == 1 {
        Some(Some(last))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal_mark, decimal_value, parse_decimal};
    use crate::core::extract::decimal::Dec;
    use crate::core::segment::digit_value;

    /// [`decimal_mark`] as first written, collecting the separators and the
    /// group lengths: the reference the allocation-free one is held to.
    fn decimal_mark_collected(s: &str) -> Option<Option<char>> {
        if s.contains([':', '/', '-']) {
            return None;
        }
        let seps: Vec<char> = s.chars().filter(|c| digit_value(*c).is_none()).collect();
        if seps.iter().any(|c| !matches!(c, '.' | ',' | '٫' | '٬')) {
            return None;
        }
        if seps.contains(&'٫') {
            return (seps.iter().filter(|&&c| c == '٫').count() == 1).then_some(Some('٫'));
        }
        let last = match seps.last() {
            None => return Some(None),
            Some('٬') => return Some(None),
            Some(&c) => c,
        };
        let mixed = seps.iter().any(|&c| c != last && c != '٬');
        if mixed {
            return (seps.iter().filter(|&&c| c == last).count() == 1).then_some(Some(last));
        }
        let groups: Vec<usize> = s.split(last).skip(1).map(|g| g.chars().count()).collect();
        let all_thousands = groups.iter().all(|&g| g == 3);
        let grouping = all_thousands && (groups.len() > 1 || last == ',');
        if grouping {
            Some(None)
        } else if groups.len() == 1 {
            Some(Some(last))
        } else {
            None
        }
    }

    /// Every non-empty string of up to `max` characters over `alphabet`,
    /// shorter ones first.
    fn strings_up_to(alphabet: &[char], max: usize) -> Vec<String> {
        let mut all = Vec::new();
        let mut strings = vec![String::new()];
        for _ in 0..max {
            let mut longer = Vec::new();
            for s in &strings {
                for &c in alphabet {
                    let mut t = s.clone();
                    t.push(c);
                    longer.push(t);
                }
            }
            all.extend(longer.iter().cloned());
            strings = longer;
        }
        all
    }

    /// The value read straight from the text is the value of the string
    /// `parse_decimal` writes, for every string of up to six characters
    /// over signs, digits and separators, and for long runs of digits.
    #[test]
    fn decimal_values_are_read_as_through_the_string() {
        let through_string = |s: &str| parse_decimal(s).and_then(|d| Dec::parse(&d));
        let alphabet = ['1', '0', '٢', '.', ',', '٫', '٬', '-', '+', '\u{2212}', '%'];
        for t in strings_up_to(&alphabet, 6) {
            assert_eq!(decimal_value(&t), through_string(&t), "{t:?}");
        }
        for len in 30..40 {
            for s in [
                "9".repeat(len),
                format!("-{}", "1".repeat(len)),
                format!("1.{}", "0".repeat(len)),
                format!("{}.5", "7".repeat(len)),
                format!("0.{}", "١".repeat(len)),
            ] {
                assert_eq!(decimal_value(&s), through_string(&s), "{s:?}");
            }
        }
    }

    /// Every string of up to six characters over digits of two scripts,
    /// the four separators and other signs.
    #[test]
    fn the_decimal_mark_is_read_as_by_collecting() {
        let alphabet = ['1', '٢', '.', ',', '٫', '٬', 'x', '-', ':'];
        let mut checked = 0;
        for t in strings_up_to(&alphabet, 6) {
            assert_eq!(decimal_mark(&t), decimal_mark_collected(&t), "{t:?}");
            checked += 1;
        }
        assert!(checked > 500_000);
    }
}
