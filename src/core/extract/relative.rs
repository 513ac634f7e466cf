//! Dates relative to the reference time: day words (`اليوم`, `أمس`,
//! `بعد غد`, `yesterday`), weekdays (`الثلاثاء`, `الثلاثاء الماضي`), a unit
//! and a direction (`الشهر المقبل`, `الأسبوع الماضي`, `this year`), an amount
//! of time before or after (`منذ ثلاثة أيام`, `بعد ساعتين`, `3 days ago`),
//! a month and a direction (`أغسطس/آب المقبل`), and `now`.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike};

use super::dates::{midnight, month, week_start, written_day, When};
use super::decimal::Dec;
use super::durations::{amount_of_time, unit_sense, AmountOfTime};
use super::lexicon::{Count, NumRole, Sense, TimeUnit};
use super::looking_back;
use super::number_words::ordinal;
use super::starts::{self, Gate};
use super::tense::{self, Tense};
use super::words::{Form, Words};
use super::{Anchor, Context, Grain};
use crate::core::stopwords::is_stopword;
use crate::core::wordfreq::is_ignored_mark;

/// One kind of relative date at a token.
type Part = fn(&Context, usize) -> Option<(usize, When)>;

/// The parts of [`relative`], each with its gate, in the order they are
/// tried (of two equally long readings, the later wins).
static PARTS: [(Gate, Part); 22] = [
    (starts::NOW_WORD, now),
    (starts::DAY_WORD, day_word),
    (starts::WEEKDAY_NEAR, weekday),
    // Before `unit_and_direction`, which wins at `next yr` (`yr` is one
    // year or several).
    (starts::UNITS_FROM_NOW, units_from_now),
    (starts::UNIT_AND_DIRECTION, unit_and_direction),
    (starts::SEVERAL_UNITS, several_units),
    (starts::FIRST_OR_LAST_UNITS, super::nth::first_or_last_units),
    (starts::MONTH_AND_DIRECTION, month_and_direction),
    (starts::AMOUNT_BEFORE_OR_AFTER, amount_before_or_after),
    (starts::UNITS_AGO, units_ago),
    (starts::SAME_DAY_IN_YEAR, same_day_in_year),
    (starts::MONTH_PART, month_part),
    (starts::PART_OF_CURRENT_UNIT, part_of_current_unit),
    (starts::TONIGHT_WORD, tonight),
    (starts::DURING_AMOUNT, during),
    (starts::MIDDLE_OF_MONTH, middle_of_month),
    (starts::WEEK_OF, week_of),
    (starts::PERIOD_END, period_end),
    (starts::PERIOD_END, period_to_date),
    (starts::DECADE, decade),
    (starts::CENTURY, century),
    (starts::PART_OF_DAY, part_of_day),
];

/// A relative date or time at token `i`, with the token after it: the
/// longest reading of the parts, the last of those of one length.
pub(super) fn relative(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if !cx.may_start(i, starts::RELATIVE) {
        return None;
    }
    // The bits of the token and the next, read once for the twelve gates.
    let (first, second) = (w.class(i), w.class(i + 1));
    let mut best: Option<(usize, When)> = None;
    for &(gate, part) in &PARTS {
        if cx.gated && !starts::passes(gate, first, second) {
            continue;
        }
        if let Some((end, when)) = part(cx, i) {
            if end <= w.len() && best.is_none_or(|(longest, _)| end >= longest) {
                best = Some((end, when));
            }
        }
    }
    best
}

pub(super) fn direction_at(w: &Words, i: usize) -> Option<i32> {
    if !w.next_on_line(i) {
        return None;
    }
    w.find_whole(i, |s| match s {
        Sense::Direction(d) => Some(*d),
        _ => None,
    })
}

/// A direction or `this` at word `k` (`last`, `next`, `this`, `current`,
/// `الماضي`, `هذا`): -1, +1 or 0.
pub(super) fn direction_or_this(w: &Words, k: usize) -> Option<i32> {
    w.find_whole(k, |s| match s {
        Sense::Direction(d) => Some(*d),
        Sense::This => Some(0),
        _ => None,
    })
}

/// `حالا`, `الآن`, `now`, `right now`, `just now`, `في هذه اللحظة`,
/// `تاريخه` after `حتى` ([`to_date`]).
fn now(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if w.folded(k) == "في" && w.next_on_line(k + 1) {
        k += 1;
    }
    let now_sense = |s: &Sense| matches!(s, Sense::Now).then_some(());
    // `آلان` (Alain) folds as `الآن` does; the article never carries a madda.
    let end = if !w.raw(k).starts_with('آ') && w.find_whole(k, now_sense).is_some() {
        k + 1
    } else if w.find_pair(k, now_sense).is_some() {
        // `right now`, `just now`.
        k + 2
    } else if w.folded(k) == "هذه" && w.next_on_line(k + 1) && w.folded(k + 1) == "اللحظه"
    {
        k + 2
    } else if k == i && to_date(w, k) {
        k + 1
    } else {
        return None;
    };
    Some((
        end,
        When::new(cx.reference.local, Grain::Second, Anchor::Reference),
    ))
}

/// Whether word `k` is `تاريخه` (its date) after `حتى` (`وحتى` too):
/// `حتى تاريخه` is "to date", the present moment as the end of what runs
/// until it (`منذ مطلع العام وحتى تاريخه`); alone the word is "its
/// history" (`عبر تاريخه`).
fn to_date(w: &Words, k: usize) -> bool {
    k > 0
        && w.next_on_line(k)
        && w.folded(k) == "تاريخه"
        && matches!(w.folded(k - 1), "حتي" | "وحتي")
}

fn day_sense(w: &Words, i: usize) -> Option<i64> {
    w.find_whole(i, |s| match s {
        Sense::Day(n) => Some(*n),
        _ => None,
    })
}

/// `اليوم`, `أمس`, `غدا`, `يوم غد`, `بعد غد`, `قبل أمس`, `اليوم السابق`,
/// `في هذا اليوم`, `اليوم الثلاثاء`, `أمس الاثنين`, `the day after tomorrow`.
fn day_word(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if matches!(w.folded(k), "في" | "the") && w.next_on_line(k + 1) {
        k += 1;
    }
    if matches!(w.folded(k), "هذا" | "يوم" | "day") && w.next_on_line(k + 1) {
        k += 1;
    }
    // `اليوم الذي بعد الغد`, `اليوم اللي قبل امبارح`: the day that is...
    if k + 2 < w.len()
        && matches!(w.folded(k), "اليوم" | "يوم")
        && w.next_on_line(k + 1)
        && RELATIVE_PRONOUNS.contains(&w.folded(k + 1))
        && w.next_on_line(k + 2)
        && matches!(w.folded(k + 2), "بعد" | "قبل" | "اول")
    {
        k += 2;
    }
    // بعد غد (+2), قبل أمس (-2), أول أمس and أول من أمس (-2), after tomorrow.
    let shift = match w.folded(k) {
        "بعد" | "after" => Some(1),
        "قبل" | "اول" | "before" => Some(-1),
        _ => None,
    };
    if shift.is_some()
        && w.folded(k) == "اول"
        && w.folded(k + 1) == "من"
        && w.next_on_line(k + 1)
        && w.next_on_line(k + 2)
    {
        k += 1;
    }
    let (days, end) = match shift {
        Some(s) if w.next_on_line(k + 1) => {
            let n = day_sense(w, k + 1).filter(|n| n.signum() == s)?;
            (n + s, k + 2)
        }
        _ => {
            let glued = || (k == i).then(|| day_after_proclitic(w, k)).flatten();
            let n = day_sense(w, k).or_else(glued)?;
            if n == 0 && (names_a_day(w, k) || of_the_story(w, k)) {
                return None;
            }
            match direction_at(w, k + 1).filter(|d| *d != 0 && n == 0) {
                Some(_) if told_from_the_story(w, i, k + 1, k + 2) => return None,
                Some(d) => (i64::from(d), k + 2),
                // أمس الأول: the day before yesterday.
                None if n == -1 && w.next_on_line(k + 1) && w.folded(k + 1) == "الاول" => {
                    (-2, k + 2)
                }
                None => (n, k + 1),
            }
        }
    };
    let date = cx.reference.date() + Duration::days(days);
    // اليوم الثلاثاء: today, named; أمس الاثنين, غدا الخميس when the weekday
    // is that day's (else two expressions: `غدا` and the next Monday).
    let named = weekday_sense(w, end).is_some_and(|d| {
        days == 0 || (-2..=2).contains(&days) && d == date.weekday().number_from_monday()
    });
    let end = if named && w.next_on_line(end) {
        end + 1
    } else {
        end
    };
    Some((end, When::day(date, Anchor::Reference)))
}

/// A day word after `و` or `ف` (`واليوم`, `وأمس`, `فغدا`: and today...),
/// or `الأمس` after `ب` (`بالأمس`, yesterday); the span leaves the letter
/// out. Not `لليوم` nor `باليوم` (for the day, by the day).
fn day_after_proclitic(w: &Words, k: usize) -> Option<i64> {
    let (n, form) = w.find(k, |s| match s {
        Sense::Day(n) => Some(*n),
        _ => None,
    })?;
    let folded = w.folded(k);
    let letter = folded.starts_with(['و', 'ف']) || folded == "بالامس";
    (form == Form::Proclitic && letter).then_some(n)
}

/// Whether `اليوم` at `k` is "the day" that the definite word after it
/// describes, not today: an ordinal (`اليوم الأول من المؤتمر`, `اليوم
/// الخامس عشر`) or a relational adjective, the article and a stem with
/// the nisba ending `ي` (`اليوم العالمي للمرأة`, `اليوم الوطني`), as
/// written (the folded `ى` of `تحل اليوم الذكرى`, today the anniversary
/// comes, is no such ending); not a word of direction (`اليوم الحالي` is
/// today).
fn names_a_day(w: &Words, k: usize) -> bool {
    let today = matches!(w.folded(k), "اليوم" | "واليوم" | "فاليوم");
    if !today || !w.next_on_line(k + 1) || direction_or_this(w, k + 1).is_some() {
        return false;
    }
    let next = w.folded(k + 1);
    let nisba = next.starts_with("ال")
        && w.raw(k + 1)
            .trim_end_matches(is_ignored_mark)
            .ends_with('ي')
        && next.chars().count() >= 6;
    nisba || ordinal(w, k + 1).is_some()
}

/// The relative pronouns that may join `اليوم` and what day it is (MSA
/// الذي, colloquial اللي and its spelling الي), folded.
const RELATIVE_PRONOUNS: [&str; 3] = ["الذي", "اللي", "الي"];

/// Words before `اليوم` or `الليلة` that make it a day or night of the
/// story (folded): that, the same.
const DISTANT_DEMONSTRATIVES: [&str; 4] = ["ذلك", "تلك", "ذات", "نفس"];

/// Words after `اليوم` or `الليلة` that say the same (`اليوم نفسه`, `الليلة
/// ذاتها`), folded.
const SAME_AFTER: [&str; 6] = ["نفسه", "ذاته", "عينه", "نفسها", "ذاتها", "عينها"];

/// Whether the day or night word at `k` points back into the story (`في
/// ذلك اليوم`, `في اليوم نفسه`, `نفس اليوم`, `تلك الليلة`), not at the
/// reference's day.
fn of_the_story(w: &Words, k: usize) -> bool {
    let before = k > 0 && w.next_on_line(k) && DISTANT_DEMONSTRATIVES.contains(&w.folded(k - 1));
    before || w.next_on_line(k + 1) && SAME_AFTER.contains(&w.folded(k + 1))
}

/// `الليلة`, `هذه الليلة`, `tonight`: 18:00 to midnight of the reference
/// day; `الليلة الماضية` (last night), `الليلة المقبلة` of the day before or after.
fn tonight(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // `تلك الليلة` (that night), `ذات الليلة`, `نفس الليلة`, `الليلة
    // نفسها` (the same night) point back into the story, not at tonight.
    if of_the_story(w, i) {
        return None;
    }
    let mut k = i;
    if matches!(w.folded(k), "هذه" | "this") && w.next_on_line(k + 1) {
        k += 1;
    }
    w.find_whole(k, |s| matches!(s, Sense::Tonight).then_some(()))?;
    let mut end = k + 1;
    let mut day = cx.reference.date();
    if let Some(d) = direction_at(w, end).filter(|d| *d != 0) {
        day += Duration::days(i64::from(d));
        end += 1;
    }
    let evening = day.and_hms_opt(18, 0, 0)?;
    let mut when = When::new(evening, Grain::Hour, Anchor::Reference);
    when.end = Some(midnight(day + Duration::days(1)));
    Some((end, when))
}

/// `this morning`, `tomorrow evening`, `Monday morning`, `Monday in the
/// morning`, `evening of Monday`, `last night`, `صباح اليوم`, `مساء أمس`,
/// `مساء الثلاثاء`, `هذا المساء`: a part of a day, as the hours its word spans (`daypart`
/// in data/time_words.tsv).
fn part_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if let Some(found) = early_hours(cx, i) {
        return Some(found);
    }
    if let Some(found) = midnight_or_noon_of_day(cx, i) {
        return Some(found);
    }
    // The part read after the hours it is said in (once: not a recursion,
    // which a long run of such words would take deep), and narrowed to
    // them; `وقت متأخر من الليلة الماضية` names the night as `الليلة`.
    match hours_of_part(w, i) {
        Some((k, portion)) => {
            // `the late Monday meeting`: after the article, `late` is the
            // meeting's.
            let article =
                i > 0 && w.next_on_line(i) && matches!(w.folded(i - 1), "the" | "a" | "an");
            let (end, part) = whole_part_of_day(cx, k)
                .or_else(|| tonight(cx, k))
                .or_else(|| all_hours_of_day(cx, k).filter(|_| !article))?;
            Some((end, portion.of(part)))
        }
        None => whole_part_of_day(cx, i),
    }
}

/// A day after the words of its early or late hours, as its 24 hours
/// (`late Wednesday`, `early on Monday`, `وقت متأخر من يوم الأربعاء`), of
/// which [`Portion::of`] keeps a half.
fn all_hours_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let on = w.folded(i) == "on" && w.next_on_line(i + 1);
    let (end, day) = one_day(cx, i + usize::from(on))?;
    Some((end, part_of(day, (0, 24))))
}

/// A part of a day named with its day, all its hours (see [`part_of_day`]).
fn whole_part_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // Arabic names the part first, then its day; English with `of` between
    // them (`morning of the 15th of February`, `the evening of Monday`).
    if let Some((from, _)) = w.find(i, night_between) {
        let (end, day) = one_day(cx, i + 1).filter(|_| w.next_on_line(i + 1))?;
        if let Some((end, next)) = night_into_next_day(cx, end, &day) {
            return Some((end, night_before(next, from)?));
        }
        // Before a day word, the night of that day (`ليلة أمس`, last
        // night; `ليلة الغد`); before a weekday, `ليلة` may be its eve.
        let (_, day) = day_word(cx, i + 1)
            .filter(|(day_end, when)| *day_end == end && when.grain == Grain::Day)?;
        return Some((end, part_of(day, (from, 24))));
    }
    // One word (`مساء`) or two (`بعد ظهر`, after noon).
    let named = w.find(i, day_part).map(|(hours, _)| (hours, i + 1));
    if let Some((hours, at)) = named.or_else(|| w.find_pair(i, day_part).map(|h| (h, i + 2))) {
        if !w.next_on_line(at) {
            return None;
        }
        if w.folded(at) == "of" && w.next_on_line(at + 1) {
            let (end, day) = one_day(cx, at + 1)
                .or_else(|| super::dates::written_day(cx, at + 1))
                .or_else(|| holiday_of_one_day(cx, at + 1))
                .filter(|(_, day)| day.grain == Grain::Day && day.end.is_none())?;
            return Some((end, part_of(day, hours)));
        }
        // The day, or a weekday with the date it corresponds to (`صباح يوم
        // الجمعة الموافق 12 يناير 2024`), or a holiday (`صباح عيد الفطر`).
        let written = super::dates::written_day(cx, at)
            .or_else(|| holiday_of_one_day(cx, at))
            .filter(|(_, day)| day.grain == Grain::Day && day.end.is_none());
        let (end, day) = match (written, one_day(cx, at)) {
            (Some(a), Some(b)) => longer(a, b),
            (a, b) => a.or(b)?,
        };
        if let Some((end, next)) = night_into_next_day(cx, end, &day).filter(|_| hours.1 == 24) {
            return Some((end, night_before(next, hours.0)?));
        }
        return Some((end, part_of(day, hours)));
    }
    // `هذا الصباح`, `هذا المساء` (this morning, this evening).
    if w.folded(i) == "هذا" && w.next_on_line(i + 1) {
        if let Some((hours, false)) = w.find_after_article(i + 1, day_part) {
            return Some((i + 2, hours_of(cx.reference.date(), hours)));
        }
    }
    // `this morning`; `last night` (of no other part is `last` said).
    let shift = w.find_whole(i, |s| match s {
        Sense::This => Some(0),
        Sense::Direction(-1) => Some(-1),
        _ => None,
    });
    if let Some(shift) = shift.filter(|_| w.next_on_line(i + 1)) {
        if let Some(hours) = w.find_whole(i + 1, day_part) {
            if shift == 0 || hours.1 == 24 {
                let day = cx.reference.date() + Duration::days(shift);
                return Some((i + 2, hours_of(day, hours)));
            }
        }
    }
    // English names the day first, the part after it or after `in the`
    // (`Monday morning`, `tomorrow in the evening`).
    let (end, day) = one_day(cx, i)?;
    part_after(w, end, day, true)
}

/// `منتصف ليل الخميس`, `منتصف ليل أمس` (the middle of a day's night, as
/// Arabic news dates a deadline): the midnight that ends that day, at the
/// grain of an hour as `منتصف الليل` alone is; `منتصف ليلة السبت`, the
/// night before a weekday (its eve, as `ليلة` before a weekday is), the
/// midnight that starts it. `منتصف نهار اليوم`, `منتصف نهار الجمعة` (the
/// middle of a day's daytime): its noon.
fn midnight_or_noon_of_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if w.folded(i) != "منتصف" || !w.next_on_line(i + 1) || !w.next_on_line(i + 2) {
        return None;
    }
    let (eve, noon) = match w.folded(i + 1) {
        "ليل" => (false, false),
        "ليله" => (weekday_sense(w, i + 2).is_some(), false),
        "نهار" => (false, true),
        _ => return None,
    };
    let (end, day) = one_day(cx, i + 2)?;
    let start = if noon {
        midnight(day.start.date()) + Duration::hours(12)
    } else if eve {
        day.start
    } else {
        midnight(day.start.date() + Duration::days(1))
    };
    Some((end, When::new(start, Grain::Hour, day.anchor)))
}

/// A holiday of one day at `k` (`عيد الفطر`, `christmas 2013`; not
/// `رمضان`, a month), for a part of its day (`صباح عيد الفطر`, `morning of
/// christmas`).
fn holiday_of_one_day(cx: &Context, k: usize) -> Option<(usize, When)> {
    let w = cx.words;
    if cx.gated && !starts::passes(starts::HOLIDAY_NAME, w.class(k), w.class(k + 1)) {
        return None;
    }
    super::holidays::holiday(cx, k).filter(|(_, day)| day.grain == Grain::Day && day.end.is_none())
}

/// Where the part of a day starts after the hours it is said in, and
/// which of its hours they are (`الساعات الأولى من صباح اليوم`, the early
/// hours of this morning; `ساعة متأخرة من مساء أمس`, a late hour of
/// yesterday evening; `وقت مبكر من`), or `None`. The part, with its day,
/// is then the time, those words in its span. English says it with one
/// word before the part and its day (`early this morning`, `late last
/// night`, `late Sunday night`).
fn hours_of_part(w: &Words, i: usize) -> Option<(usize, Portion)> {
    use Portion::{Early, Late};
    match w.folded(i) {
        "early" => return w.next_on_line(i + 1).then_some((i + 1, Early)),
        "late" => return w.next_on_line(i + 1).then_some((i + 1, Late)),
        _ => {}
    }
    let portion = match (w.folded(i), w.next_on_line(i + 1).then(|| w.folded(i + 1))) {
        ("الساعات", Some("الاولي")) => Early,
        ("ساعه", Some("مبكره")) | ("وقت", Some("مبكر")) => Early,
        ("ساعه" | "ساعات", Some("متاخره")) | ("وقت", Some("متاخر")) => Late,
        _ => return None,
    };
    let of = w.next_on_line(i + 2) && w.folded(i + 2) == "من";
    (of && w.next_on_line(i + 3)).then_some((i + 3, portion))
}

/// Which hours of a part of a day the words before it say.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Portion {
    /// Its first half: `early`, `وقت مبكر من`, `الساعات الأولى من`.
    Early,
    /// Its second half: `late`, `ساعة متأخرة من`, `وقت متأخر من`.
    Late,
}

impl Portion {
    /// This portion of `part`, cut at the whole hour at or before its
    /// middle: the evening's 18:00-24:00 is 18:00-21:00 early and
    /// 21:00-24:00 late, as Duckling reads `late last night`.
    fn of(self, mut part: When) -> When {
        let Some(end) = part.end else {
            return part;
        };
        let half = (end - part.start) / 2;
        let Some(middle) = (part.start + half).with_minute(0) else {
            return part;
        };
        if middle <= part.start || middle >= end {
            return part;
        }
        match self {
            Portion::Early => part.end = Some(middle),
            Portion::Late => part.start = middle,
        }
        part
    }
}

/// `the early hours of Sunday`, `early hours of Monday morning`, `the
/// early hours of this morning`: the day's first hours, from midnight to
/// the start of its morning (English names no part of the day between
/// them, as `الساعات الأولى من صباح اليوم` does).
fn early_hours(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let i = if w.folded(i) == "the" && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    };
    let said = ["early", "hours", "of"]
        .iter()
        .enumerate()
        .all(|(n, word)| (n == 0 || w.next_on_line(i + n)) && w.folded(i + n) == *word);
    let k = i + 3;
    if !said || !w.next_on_line(k) {
        return None;
    }
    let morning = |k: usize| w.next_on_line(k) && w.folded(k) == "morning";
    let (end, date) = if w.folded(k) == "this" && morning(k + 1) {
        (k + 2, cx.reference.date())
    } else {
        let (end, day) = one_day(cx, k).or_else(|| {
            super::dates::written_day(cx, k)
                .filter(|(_, day)| day.grain == Grain::Day && day.end.is_none())
        })?;
        // `Sunday morning`: the word is part of it.
        (if morning(end) { end + 1 } else { end }, day.start.date())
    };
    Some((end, hours_of(date, (0, MORNING_HOUR))))
}

/// Where the night of a day ends when it is said with the day after it:
/// the start of the morning (`صباح`, 4-12 in `data/time_words.tsv`).
const MORNING_HOUR: u32 = 4;

/// The night before `next`: from hour `from` of the day before to the
/// morning of `next`.
fn night_before(next: NaiveDate, from: u32) -> Option<When> {
    let mut night = hours_of(next.pred_opt()?, (from, 24));
    night.end = next.and_hms_opt(MORNING_HOUR, 0, 0);
    Some(night)
}

/// After the night of `day` at `end`, the weekday after it (`ليل السبت
/// الأحد`, `ليل السبت/الأحد`, `مساء السبت إلى الأحد`, the night between
/// them, as news says it): the token after that weekday and its date,
/// which a direction after it sets (`ليل الأحد الاثنين الماضي`).
fn night_into_next_day(cx: &Context, end: usize, day: &When) -> Option<(usize, NaiveDate)> {
    let w = cx.words;
    let mut k = end;
    if w.next_on_line(k) && matches!(w.raw(k), "/" | "-" | "إلى" | "الى" | "على") {
        k += 1;
    }
    let next_name = day.start.date().succ_opt()?.weekday().number_from_monday();
    if !w.next_on_line(k) || weekday_sense(w, k) != Some(next_name) {
        return None;
    }
    let (end, next) = weekday(cx, k)?;
    Some((end, next.start.date()))
}

/// The part of `day` written after it at `end`, after `in the` (`February
/// 15 in the morning`) or, when `bare`, alone (`Monday morning`): the token
/// after it and the part's hours, with the day's anchor.
pub(super) fn part_after(w: &Words, end: usize, day: When, bare: bool) -> Option<(usize, When)> {
    if !w.next_on_line(end) {
        return None;
    }
    // `الثلاثاء في الصباح`: `في` and the part with its article.
    if w.folded(end) == "في" && w.next_on_line(end + 1) {
        let (hours, conj) = w.find_after_article(end + 1, day_part)?;
        return (!conj).then(|| (end + 2, part_of(day, hours)));
    }
    let in_the = w.folded(end) == "in"
        && w.next_on_line(end + 1)
        && w.folded(end + 1) == "the"
        && w.next_on_line(end + 2);
    if !in_the && !bare {
        return None;
    }
    let at = if in_the { end + 2 } else { end };
    if let Some(hours) = w.find_whole(at, day_part) {
        return Some((at + 1, part_of(day, hours)));
    }
    let (after, hours) = adverb_of_part(w, at).filter(|_| !in_the)?;
    Some((after, part_of(day, hours)))
}

/// An Arabic part of the day said as an adverb after its day (`الثلاثاء
/// صباحا`, `أمس عصرا`, `الخميس بعد الظهر`): the accusative of the part's
/// noun (its alef of tanween after `صباح`, `عصر`, `فجر`, `ظهر`, `ليل`), or
/// `بعد` or `قبل` and `الظهر`, read as the noun before a day is (`صباح
/// الثلاثاء`, `بعد ظهر الخميس`). The token after it and the part's hours.
fn adverb_of_part(w: &Words, at: usize) -> Option<(usize, (u32, u32))> {
    let lexicon = super::lexicon::lexicon();
    let f = w.folded(at);
    if matches!(f, "بعد" | "قبل") && w.next_on_line(at + 1) && w.folded(at + 1) == "الظهر"
    {
        let pair = format!("{f} ظهر");
        return lexicon
            .senses(&pair)
            .iter()
            .find_map(day_part)
            .map(|h| (at + 2, h));
    }
    let noun = f
        .strip_suffix('ا')
        .filter(|n| !n.is_ascii() && n.chars().count() >= 3)?;
    lexicon
        .senses(noun)
        .iter()
        .find_map(day_part)
        .map(|h| (at + 1, h))
}

/// The hours of a part of `day`, with the day's anchor.
fn part_of(day: When, hours: (u32, u32)) -> When {
    let mut part = hours_of(day.start.date(), hours);
    part.anchor = day.anchor;
    // The calendar the day was found by (`صباح عيد الفطر`: Umm al-Qura).
    part.calendar = day.calendar;
    part
}

fn night_between(s: &Sense) -> Option<u32> {
    match s {
        Sense::NightBetween(from) => Some(*from),
        _ => None,
    }
}

pub(super) fn day_part(s: &Sense) -> Option<(u32, u32)> {
    match s {
        Sense::DayPart(from, to) => Some((*from, *to)),
        _ => None,
    }
}

/// Of two readings from one token, the one that ends later (the first on
/// a tie).
pub(super) fn longer(a: (usize, When), b: (usize, When)) -> (usize, When) {
    if b.0 > a.0 {
        b
    } else {
        a
    }
}

/// A day word or a weekday at `i` (`tomorrow`, `أمس`, `الثلاثاء الماضي`).
fn one_day(cx: &Context, i: usize) -> Option<(usize, When)> {
    match (day_word(cx, i), weekday(cx, i)) {
        (Some(a), Some(b)) => Some(longer(a, b)),
        (a, b) => a.or(b),
    }
    .filter(|(_, when)| when.grain == Grain::Day && when.end.is_none())
}

/// Hours `from` to `to` (24: midnight after) of `day`.
fn hours_of(day: NaiveDate, (from, to): (u32, u32)) -> When {
    let at = |h: u32| match day.and_hms_opt(h, 0, 0) {
        Some(t) => t,
        None => midnight(day + Duration::days(1)),
    };
    let mut when = When::new(at(from), Grain::Hour, Anchor::Reference);
    when.end = Some(at(to));
    when
}

/// `خلال أسبوعين`, `في غضون ثلاثة أيام`, `within 2 hours`: from the
/// reference until that long after it (to the start of that day for days
/// and longer units, as Duckling reads it); with a past direction after
/// the amount (`خلال 24 ساعة الماضية`), from that long before it until it.
fn during(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let during = |s: &Sense| matches!(s, Sense::During).then_some(());
    let start = match w.find_pair(i, during) {
        Some(()) => i + 2,
        None => w.find_whole(i, during).map(|()| i + 1)?,
    };
    // `خلال الـ24 ساعة الماضية`.
    let start = w.past_drawn_article(start);
    if !w.next_on_line(start) {
        return None;
    }
    let Some(time) = amount_of_time(w, start) else {
        let few = a_few_units(w, i, start)?;
        return Some((
            few.end,
            reference_and_amount(cx.reference.local, &few, 1.0)?,
        ));
    };
    // `خلال عام 2011` is a year.
    if time.bare && w.next_on_line(time.end) && w.is_number(time.end) {
        return None;
    }
    let t = cx.reference.local;
    // `خلال 24 ساعة الماضية`, `خلال ثلاثة أيام المقبلة`, `خلال الـ24 ساعة
    // الأخيرة`: a direction after the amount says which side of the
    // reference the time lies on.
    let (sign, end) = match direction_or_latest(w, time.end) {
        Some(-1) => (-1.0, time.end + 1),
        Some(1) => (1.0, time.end + 1),
        _ => (1.0, time.end),
    };
    Some((end, reference_and_amount(t, &time, sign)?))
}

/// `في غضون أيام`, `في غضون ساعات قليلة`, `within days`, `within weeks`: a
/// plural unit with no count after `في غضون` or `within` (at `lead`) is a
/// few of them, three, as `بضعة` is. Not after `خلال` (during: `خلال أيام
/// المعرض`), nor before a noun or `من`/`of` (`في غضون أيام العيد`, `within
/// hours of the attack`: of some other time than the reference).
fn a_few_units(w: &Words, lead: usize, k: usize) -> Option<AmountOfTime> {
    if w.folded(lead) == "خلال" {
        return None;
    }
    let (unit, Count::Plural) = w.find_whole(k, unit_sense)? else {
        return None;
    };
    let few = w.next_on_line(k + 1) && matches!(w.folded(k + 1), "قليله" | "few");
    let end = k + 1 + usize::from(few);
    if w.noun_follows(end) || w.next_on_line(end) && matches!(w.folded(end), "من" | "of") {
        return None;
    }
    Some(AmountOfTime {
        end,
        count: Dec::int(3),
        unit,
        bare: false,
        first: unit,
    })
}

/// The interval between `t` and an amount of time after it (`sign` 1) or
/// before it (-1), at second grain.
fn reference_and_amount(t: NaiveDateTime, time: &AmountOfTime, sign: f64) -> Option<When> {
    let count = time.count.to_f64() * sign;
    let other = match time.unit {
        TimeUnit::Second => moved_by_seconds(t, count)?,
        TimeUnit::Minute => moved_by_seconds(t, count * 60.0)?,
        TimeUnit::Hour => moved_by_seconds(t, count * 3600.0)?,
        unit => {
            if count.fract() != 0.0 {
                return None;
            }
            midnight(date_after(t.date(), unit, count as i64)?)
        }
    };
    let (from, to) = if sign < 0.0 { (other, t) } else { (t, other) };
    if to <= from {
        return None;
    }
    let mut when = When::new(from, Grain::Second, Anchor::Reference);
    when.end = Some(to);
    Some(when)
}

/// A weekday's name at `i`; not `الأحد` before `عشر` (`الأحد عشر كوكبا`,
/// the eleven), the number's first word.
pub(super) fn weekday_sense(w: &Words, i: usize) -> Option<u32> {
    let (day, _) = w.find(i, |s| match s {
        Sense::Weekday(d) => Some(*d),
        _ => None,
    })?;
    super::number_words::definite_teen_unit(w, i)
        .is_none()
        .then_some(day)
}

/// Whether a time of day begins at token `k`, on the line of the token
/// before (`Wed at 5pm`: an abbreviated weekday before a time is a day).
fn time_follows(cx: &Context, k: usize) -> bool {
    cx.words.next_on_line(k) && super::clock::time_of_day(cx, k).is_some()
}

/// An English weekday abbreviated and capitalized (`Thu`, `Fri`), read
/// after `this`, `next` or `last` (`next Fri`; `this sun` is the star),
/// after `on` (`on Fri`, `on Sat.`; `on Sun` would be `on the Sun`),
/// before a time of day (`Wed at 5pm`; `Sat at the park` is nothing), or
/// alone when it is no word too (see [`alone_weekday`]).
fn abbreviated_weekday(w: &Words, k: usize) -> Option<u32> {
    if !w.raw(k).starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    w.find_whole(k, |s| match s {
        Sense::BareWeekday(d) => Some(*d),
        _ => None,
    })
}

/// Whether the abbreviated weekday at `k` reads alone (`results due Tue`,
/// `closed Fri.`): not `Sat` and `Sun`, which are words too, not before a
/// capitalized word, with which it names something (`Mon State`), and not
/// after a comma, where it tells the weekday of the date before it (`Jul
/// 18, Fri`).
fn alone_weekday(w: &Words, k: usize) -> bool {
    let capital_after =
        w.next_on_line(k + 1) && w.raw(k + 1).starts_with(|c: char| c.is_ascii_uppercase());
    let comma_before = k > 0 && w.same_line(k - 1) && w.folded(k - 1) == ",";
    !matches!(w.folded(k), "sat" | "sun") && !capital_after && !comma_before
}

/// `الثلاثاء` (the next one, as Duckling reads it, or the last one when
/// the words next to it tell of the past: see `tense`), `الثلاثاء الماضي`,
/// `الثلاثاء القادم`, `يوم الجمعة`, `next friday`, `last monday`, `next
/// Fri`, `friday after next`.
fn weekday(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // Told in the past after `following` (`the following Monday`), the
    // weekday is the story's too.
    if i > 0 && w.next_on_line(i) && told_from_the_story(w, i - 1, i - 1, i + 1) {
        return None;
    }
    let mut k = i;
    let mut direction = None;
    if let Some(d) = direction_or_this(w, k) {
        direction = Some(d);
        k += 1;
    }
    let mut after_on = false;
    if matches!(w.folded(k), "يوم" | "on") && w.next_on_line(k + 1) {
        after_on = w.folded(k) == "on";
        k += 1;
    }
    if k > i && !w.next_on_line(k) {
        return None;
    }
    let day = weekday_sense(w, k).or_else(|| {
        let abbreviated = abbreviated_weekday(w, k)?;
        let after_direction = direction.is_some() && k == i + 1;
        let alone = k == i && (time_follows(cx, k + 1) || alone_weekday(w, k));
        (after_direction || after_on || alone).then_some(abbreviated)
    })?;
    let mut end = k + 1;
    if direction.is_none() {
        if let Some(d) = direction_at(w, end) {
            if told_from_the_story(w, i, end, end + 1) {
                return None;
            }
            direction = Some(d);
            end += 1;
        }
    } else if told_from_the_story(w, i, i, end) {
        return None;
    }
    let today = cx.reference.date();
    // `friday after next`, `الجمعة قبل الماضي`: a week beyond the next or
    // the last one.
    if direction.is_none() {
        if let Some(twice) = twice_removed(w, end) {
            let date = if twice > 0 {
                next_weekday(today, day) + Duration::weeks(1)
            } else {
                last_weekday(today, day) - Duration::weeks(1)
            };
            return Some((end + 2, When::day(date, Anchor::Reference)));
        }
    }
    let date = match direction {
        // `said on Tuesday`, `قال يوم الثلاثاء`: told in the past, the day is
        // the last one (the reference day itself when it is that weekday).
        None if tense::clause_tense(w, i, end) == Some(Tense::Past) => {
            last_weekday(today + Duration::days(1), day)
        }
        None | Some(1) => next_weekday(today, day),
        Some(-1) => last_weekday(today, day),
        Some(_) => week_start(today) + Duration::days(i64::from(day - 1)),
    };
    Some((end, When::day(date, Anchor::Reference)))
}

/// The last day before `today` that is weekday `day` (1 Monday .. 7
/// Sunday): `الجمعة الماضية`, `last friday`.
fn last_weekday(today: NaiveDate, day: u32) -> NaiveDate {
    let back = (today.weekday().number_from_monday() + 7 - day) % 7;
    today - Duration::days(i64::from(if back == 0 { 7 } else { back }))
}

/// `قبل الماضي` / `before last` (-2) and `بعد المقبل` / `after next` (+2)
/// at word `k`, after a weekday or a unit: one beyond the last or the next.
fn twice_removed(w: &Words, k: usize) -> Option<i32> {
    if !w.next_on_line(k) {
        return None;
    }
    let step = match w.folded(k) {
        "قبل" | "before" => -1,
        "بعد" | "after" => 1,
        _ => return None,
    };
    // `a week before last year's vote` is a week before a year.
    (direction_of_no_unit(w, k + 1) == Some(step)).then_some(2 * step)
}

/// The direction at word `k` ([`direction_at`]) when no unit follows it,
/// which it would be said of (`last year's`, `next week`).
pub(super) fn direction_of_no_unit(w: &Words, k: usize) -> Option<i32> {
    let unit_follows = w.next_on_line(k + 1)
        && w.find_whole(k + 1, |s| matches!(s, Sense::Unit(..)).then_some(()))
            .is_some();
    direction_at(w, k).filter(|_| !unit_follows)
}

/// The first day after `today` that is weekday `day` (1 Monday .. 7
/// Sunday): a weekday alone, as Duckling reads it.
pub(super) fn next_weekday(today: NaiveDate, day: u32) -> NaiveDate {
    let forward = (day + 7 - today.weekday().number_from_monday()) % 7;
    today + Duration::days(i64::from(if forward == 0 { 7 } else { forward }))
}

pub(super) fn unit_with_article(w: &Words, i: usize) -> Option<TimeUnit> {
    let pick = |s: &Sense| match s {
        Sense::Unit(u, super::lexicon::Count::One) => Some(*u),
        _ => None,
    };
    if w.folded(i).is_ascii() {
        // The short names (`next yr`, `last wk`) serve for one unit too.
        let short = |s: &Sense| match s {
            Sense::Unit(u, _) if matches!(w.folded(i), "yr" | "wk") => Some(*u),
            _ => None,
        };
        return w.find_whole(i, pick).or_else(|| w.find_whole(i, short));
    }
    w.find_after_article(i, pick)
        .filter(|(_, conj)| !conj)
        .map(|(u, _)| u)
}

/// `الشهر المقبل`, `الأسبوع الماضي`, `هذا العام`, `العام الحالي`,
/// `next month`, `last year`, `this week`, `the following week`.
pub(super) fn unit_and_direction(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    // `the following week`, `the previous month`: the article is part of it.
    if w.folded(i) == "the" && w.next_on_line(i + 1) && direction_at(w, i + 1).is_some() {
        return unit_and_direction(cx, i + 1);
    }
    let lead = direction_or_this(w, i);
    let (unit, direction, end) = match lead {
        Some(d) if w.next_on_line(i + 1) => {
            let unit = unit_with_article(w, i + 1)?;
            // هذا الشهر الماضي is not a thing; a trailing direction is not read.
            (unit, d, i + 2)
        }
        _ => {
            let unit = unit_with_article(w, i)?;
            // `الأسبوع قبل الماضي`, `the year before last`, `الشهر بعد المقبل`.
            if let Some(twice) = twice_removed(w, i + 1) {
                (unit, twice, i + 3)
            } else if w.folded(i).is_ascii() {
                return None;
            } else {
                (unit, direction_at(w, i + 1)?, i + 2)
            }
        }
    };
    if told_from_the_story(w, i, if lead.is_some() { i } else { i + 1 }, end) {
        return None;
    }
    // `the last week of the campaign`, `the last hour of trading`: the last
    // unit of something else (`the last week of March` is read whole).
    let of_after = w.next_on_line(end) && w.folded(end) == "of";
    if lead.is_some() && of_after && i > 0 && w.folded(i - 1) == "the" {
        return None;
    }
    let when = match unit {
        // `the next hour`, `الساعة الماضية`: the clock's hour before or
        // after the reference's, as `the next 24 hours` counts them (the
        // current one, `this hour`, `هذه الساعة`, says "now" as often; `at
        // the last minute` is an idiom).
        TimeUnit::Hour if direction != 0 => {
            shifted_within_day(cx.reference.local, unit, i64::from(direction))?
        }
        _ => shifted(cx.reference.local, unit, i64::from(direction))?,
    };
    if unit == TimeUnit::Year {
        if let Some(found) = written_year_after(w, end, &when) {
            return Some(found);
        }
    }
    Some((end, when))
}

/// Whether the direction word at `k`, in an expression on `start..end`,
/// counts from a time the text has told of (following, preceding; the
/// reference otherwise) in a clause told in the past: `في اليوم التالي
/// أعلنت` and `the following week, talks collapsed` are the day and week
/// after the story's, which the reference does not give.
fn told_from_the_story(w: &Words, start: usize, k: usize, end: usize) -> bool {
    matches!(
        w.folded(k),
        "التالي" | "التاليه" | "السابق" | "السابقه" | "following" | "previous" | "preceding"
    ) && tense::clause_tense(w, start, end) == Some(Tense::Past)
}

/// The year written after `العام الجاري`, `العام المقبل`, `last year` at
/// `k` (`خلال العام الجاري 2024`), which says which year it is: that year,
/// as written, and the token after it. Read when it is the year the words
/// say, or when nothing follows it on its line but punctuation (a document
/// resolved against the wrong reference still gets the year it names); a
/// number that counts the word after it is no year (`قتل العام الماضي 2000
/// شخص`).
fn written_year_after(w: &Words, k: usize, said: &When) -> Option<(usize, When)> {
    let year = super::dates::year_number(w, k).filter(|_| w.next_on_line(k))?;
    let closes = !w.next_on_line(k + 1) || !(w.is_word(k + 1) || w.is_number(k + 1));
    if year != said.start.year() && !closes {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some((
        k + 1,
        When::new(midnight(start), Grain::Year, Anchor::Absolute),
    ))
}

/// `الأيام الثلاثة المقبلة`, `السنوات العشر الماضية`, `الأسابيع 3 القادمة`,
/// `آخر 3 سنوات`, `the next three weeks`, `the last 5 years`, `last 1 hour`: `n` whole
/// units after the current one, or before it, as an interval (`الأسابيع
/// الثلاثة القادمة` on a Tuesday: from next Monday for three weeks).
fn several_units(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let plural = |s: &Sense| match s {
        Sense::Unit(u, super::lexicon::Count::Plural) => Some(*u),
        _ => None,
    };
    let (unit, n, direction, end) = if w.folded(i).is_ascii() {
        let k = if w.folded(i) == "the" { i + 1 } else { i };
        let direction = match w.folded(k) {
            "past" => -1,
            _ => w.find_whole(k, |s| match s {
                Sense::Direction(d) if *d != 0 => Some(*d),
                _ => None,
            })?,
        };
        let (n, after) = few_after_direction(w, k + 1).or_else(|| {
            let amount = super::number_words::amount(w, k + 1).filter(|_| w.next_on_line(k + 1))?;
            Some((amount.value.to_i64(), amount.end))
        })?;
        // `last 1 hour`, `the next one week`: one unit, counted.
        let one = |s: &Sense| match s {
            Sense::Unit(u, super::lexicon::Count::One) if n == Some(1) => Some(*u),
            _ => None,
        };
        let unit = w
            .find_whole(after, |s| plural(s).or_else(|| one(s)))
            .filter(|_| w.next_on_line(after))?;
        (unit, n, direction, after + 1)
    } else if w.folded(i) == "اخر" && w.next_on_line(i + 1) {
        // `آخر 3 سنوات`, `في آخر عشر سنوات`, `آخر 24 ساعة`: the last ones.
        let time = amount_of_time(w, i + 1)
            .filter(|t| !t.bare && t.first == t.unit && t.count.is_integer())?;
        (time.unit, time.count.to_i64(), -1, time.end)
    } else if let Some((unit, false)) = w.find_after_article(i, |s| match s {
        Sense::Unit(u, super::lexicon::Count::Two) => Some(*u),
        _ => None,
    }) {
        // `العامين الماضيين`, `اليومين المقبلين`: two units, by the dual.
        let direction = direction_or_latest(w, i + 1)?;
        (unit, Some(2), direction, i + 2)
    } else if let Some((unit, conj)) = w.find_after_article(i, plural) {
        if conj || !w.next_on_line(i + 1) {
            return None;
        }
        let (n, after) = count_after_plural(w, i + 1)?;
        let direction = direction_or_latest(w, after)?;
        (unit, n, direction, after + 1)
    } else {
        // `الـ3 أيام المقبلة`, `العشر سنوات الأخيرة`: the number first.
        let (n, unit, after) = article_number_then_unit(w, i)?;
        let direction = direction_or_latest(w, after)?;
        (unit, n, direction, after + 1)
    };
    let n = n.filter(|n| (1..=1000).contains(n))?;
    // `الأيام العشرة الأخيرة من رمضان`, `من حياته`: units of something
    // else than the reference's time (not `من أجل`, `من الآن`: a stop word).
    let of = w.folded(end) == "من" && w.next_on_line(end) && w.next_on_line(end + 1);
    if of && !is_stopword(w.folded(end + 1)) {
        return None;
    }
    let t = cx.reference.local;
    let moved = |k: i64| shifted(t, unit, k).or_else(|| shifted_within_day(t, unit, k));
    let (first, last) = if direction > 0 {
        (moved(1)?, moved(n + 1)?)
    } else {
        (moved(-n)?, moved(0)?)
    };
    let mut when = first;
    when.end = Some(last.start);
    Some((end, when))
}

/// Units counted from the reference without a count: `الأيام المقبلة`,
/// `السنوات الأخيرة`, `خلال الساعات الماضية`, `in the coming days`, `in
/// recent years`, `the weeks ahead`. How many is not said, so the value is
/// the one end the words give, as a bound: the coming units start with the
/// next one (`After` tomorrow, for `الأيام المقبلة`); the past ones end
/// where the current one starts (`Before` today). Followed by `من` or `of`
/// they are the units of something else (`السنوات الأخيرة من حكمه`, `the
/// past years of his life`): nothing.
fn units_from_now(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let plural = |k: usize| plural_unit(w, k).filter(|_| w.next_on_line(k));
    let (unit, direction, end) = if w.folded(i).is_ascii() {
        let k = if w.folded(i) == "the" { i + 1 } else { i };
        match w.folded(k) {
            // `the weeks ahead`: the article is part of it.
            _ if k > i && w.folded(k + 1) == "ahead" && w.next_on_line(k + 1) => {
                (plural(k)?, 1, k + 2)
            }
            "past" | "recent" => (plural(k + 1)?, -1, k + 2),
            "coming" | "next" => (plural(k + 1)?, 1, k + 2),
            _ => return None,
        }
    } else {
        let (unit, conj) = w.find_after_article(i, |s| match s {
            Sense::Unit(u, Count::Plural) => Some(*u),
            _ => None,
        })?;
        if conj {
            return None;
        }
        // `السابقة`, `التالية` (preceding, following) count from the
        // story's time as often as from the reference (`الأيام السابقة
        // للانتخابات`).
        if matches!(w.folded(i + 1), "السابقه" | "التاليه") {
            return None;
        }
        (unit, direction_or_latest(w, i + 1)?, i + 2)
    };
    if w.next_on_line(end) && matches!(w.folded(end), "من" | "of") {
        return None;
    }
    let t = cx.reference.local;
    let first = if direction > 0 { 1 } else { 0 };
    let mut when = shifted(t, unit, first).or_else(|| shifted_within_day(t, unit, first))?;
    when.end = None;
    when.bound = Some(open_side(direction));
    Some((end, when))
}

/// The unit of time that word `k` names in the plural (`أيام`, `years`).
fn plural_unit(w: &Words, k: usize) -> Option<TimeUnit> {
    w.find_whole(k, |s| match s {
        Sense::Unit(u, Count::Plural) => Some(*u),
        _ => None,
    })
}

/// The end of an open interval a time is when what is meant lies on the
/// side `sign` of it: after it (positive), before it (negative).
fn open_side(sign: i32) -> super::TimeBound {
    if sign > 0 {
        super::TimeBound::After
    } else {
        super::TimeBound::Before
    }
}

/// A number with the article (drawn out before digits: `الـ3`) and the
/// unit it counts after it (`الـ3 أيام`, `الـ24 ساعة`, `الثلاثة أيام`,
/// `العشر سنوات`): the count, the unit and the token after the unit.
pub(super) fn article_number_then_unit(
    w: &Words,
    i: usize,
) -> Option<(Option<i64>, TimeUnit, usize)> {
    let k = w.past_drawn_article(i);
    let (n, after) = if k > i {
        let amount = super::number_words::amount(w, k)?;
        (amount.value.to_i64(), amount.end)
    } else {
        let (value, conj) = w.find_after_article(i, |s| match s {
            Sense::Num(d, NumRole::Unit | NumRole::Teen | NumRole::Ten) => Some(*d),
            _ => None,
        })?;
        (value.to_i64(), (!conj).then_some(i + 1)?)
    };
    if !w.next_on_line(after) {
        return None;
    }
    // A plural counts 3 to 10; from 11 on the noun is singular (`الـ24 ساعة`).
    let unit = w.find_whole(after, |s| match s {
        Sense::Unit(u, Count::Plural) => Some(*u),
        Sense::Unit(u, Count::One) if n.is_some_and(|n| n >= 11) => Some(*u),
        _ => None,
    })?;
    w.next_on_line(after + 1).then_some((n, unit, after + 1))
}

/// `الأخير` ("the latest") and its feminine, dual and plural forms,
/// folded: after a counted unit (`السنوات العشر الأخيرة`, `اليومين
/// الأخيرين`) they say what `الماضية` says; alone after a unit or a day they
/// may name the last of a span (`الأسبوع الأخير من الشهر`), so they are no
/// direction of their own.
pub(super) const LATEST: [&str; 5] = ["الاخير", "الاخيره", "الاخيرين", "الاخيرتين", "الاخيران"];

/// A past or future direction at word `k` after a counted unit, `الأخيرة`
/// included (-1).
pub(super) fn direction_or_latest(w: &Words, k: usize) -> Option<i32> {
    if w.next_on_line(k) && LATEST.contains(&w.folded(k)) {
        return Some(-1);
    }
    direction_at(w, k).filter(|d| *d != 0)
}

/// `few`, `couple` (and `of`) after a direction (`the past few days`, `the
/// next couple of weeks`): their estimate (three, two) and the token after.
fn few_after_direction(w: &Words, k: usize) -> Option<(Option<i64>, usize)> {
    let value = w
        .find_whole(k, |s| match s {
            Sense::Num(d, NumRole::FewAfterArticle) => Some(*d),
            _ => None,
        })
        .filter(|_| w.next_on_line(k))?;
    let after = if w.folded(k + 1) == "of" && w.next_on_line(k + 1) {
        k + 2
    } else {
        k + 1
    };
    Some((value.to_i64(), after))
}

/// `القليلة` ("few") after a plural unit, folded (`الأيام القليلة
/// الماضية`): an estimate, three, as `بضعة` is (`data/number_words_ar.tsv`).
pub(super) const FEW_AFTER_PLURAL: &str = "القليله";

/// The count after a plural unit: a number with the article (`الثلاثة`,
/// `العشر`, `الـ24`), digits or number words; its value and the token after
/// it.
pub(super) fn count_after_plural(w: &Words, k: usize) -> Option<(Option<i64>, usize)> {
    if w.folded(k) == FEW_AFTER_PLURAL {
        return Some((Some(3), k + 1));
    }
    // `الساعات الـ24 الماضية`.
    let k = w.past_drawn_article(k);
    let with_article = w.find_after_article(k, |s| match s {
        Sense::Num(d, NumRole::Unit | NumRole::Teen | NumRole::Ten) => Some(*d),
        _ => None,
    });
    if let Some((value, false)) = with_article {
        return Some((value.to_i64(), k + 1));
    }
    let amount = super::number_words::amount(w, k)?;
    Some((amount.value.to_i64(), amount.end))
}

/// The `unit` containing `t`, moved by `n` units.
pub(super) fn shifted(t: NaiveDateTime, unit: TimeUnit, n: i64) -> Option<When> {
    let date = t.date();
    let (start, grain) = match unit {
        TimeUnit::Day => (date + Duration::days(n), Grain::Day),
        TimeUnit::Week => (week_start(date) + Duration::weeks(n), Grain::Week),
        TimeUnit::Month => (add_months(date.with_day(1)?, n)?, Grain::Month),
        TimeUnit::Year => (
            add_months(date.with_day(1)?.with_month(1)?, n * 12)?,
            Grain::Year,
        ),
        TimeUnit::Decade => return years_of(date.year(), 10, n),
        TimeUnit::Century => return years_of(date.year(), 100, n),
        TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second => return None,
    };
    Some(When::new(midnight(start), grain, Anchor::Reference))
}

/// The `size` years (a decade, a century) containing `year`, counted as
/// the 1990s and `القرن الماضي` are (from a year ending in 0), moved by `n`
/// of them: their first year at year grain, with its end (`last decade`
/// in 2013 is 2000 to 2010).
fn years_of(year: i32, size: i32, n: i64) -> Option<When> {
    let first = i64::from(year.div_euclid(size) * size) + n.checked_mul(i64::from(size))?;
    let first = i32::try_from(first).ok()?;
    let start = NaiveDate::from_ymd_opt(first, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(first.checked_add(size)?, 1, 1)?;
    let mut when = When::new(midnight(start), Grain::Year, Anchor::Reference);
    when.end = Some(midnight(end));
    Some(when)
}

/// The hour, minute or second containing `t`, moved by `n` of them (for
/// `the next 3 hours`, `the last 2 minutes`; a lone `last minute` is an
/// idiom, so [`shifted`] has no such units).
fn shifted_within_day(t: NaiveDateTime, unit: TimeUnit, n: i64) -> Option<When> {
    let (seconds, grain) = match unit {
        TimeUnit::Hour => (3600, Grain::Hour),
        TimeUnit::Minute => (60, Grain::Minute),
        TimeUnit::Second => (1, Grain::Second),
        _ => return None,
    };
    let since_midnight = i64::from(t.time().num_seconds_from_midnight());
    let start = midnight(t.date()) + Duration::try_seconds(since_midnight / seconds * seconds)?;
    let start = start.checked_add_signed(Duration::try_seconds(n.checked_mul(seconds)?)?)?;
    Some(When::new(start, grain, Anchor::Reference))
}

/// `date` moved by `n` whole days, weeks, months, years, decades or
/// centuries (`None` past the calendar's range).
pub(super) fn date_after(date: NaiveDate, unit: TimeUnit, n: i64) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Day => date.checked_add_signed(Duration::try_days(n)?),
        TimeUnit::Week => date.checked_add_signed(Duration::try_weeks(n)?),
        TimeUnit::Month => add_months(date, n),
        TimeUnit::Year => add_months(date, n.checked_mul(12)?),
        TimeUnit::Decade => add_months(date, n.checked_mul(120)?),
        _ => add_months(date, n.checked_mul(1200)?),
    }
}

fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        date.checked_add_months(m)
    } else {
        date.checked_sub_months(m)
    }
}

/// The year of month `m` named with a direction from `today`: the next
/// one after the current month (`يناير المقبل` in February is next year's),
/// the last one before it, or this year's (`الجاري`).
pub(super) fn year_of_month(today: NaiveDate, m: u32, direction: i32) -> i32 {
    match direction {
        1 if m <= today.month() => today.year() + 1,
        -1 if m >= today.month() => today.year() - 1,
        _ => today.year(),
    }
}

/// `أغسطس/آب المقبل`, `مارس الماضي`, `next July`, and `this` before a
/// month (`this January`, `هذا يناير`: the reference year's; an English
/// month capitalised, since `this may` is the verb).
fn month_and_direction(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let today = cx.reference.date();
    let (m, direction, end) = match w.find_whole(i, |s| match s {
        Sense::Direction(d) => Some(*d),
        // `this January`, `هذا يناير`: the reference year's.
        Sense::This => Some(0),
        _ => None,
    }) {
        Some(0) if w.next_on_line(i + 1) && super::dates::month_case_fits(w, i + 1) => {
            let (m, end, _) = month(w, i + 1)?;
            (m, 0, end)
        }
        Some(d) if d != 0 && w.folded(i).is_ascii() && w.next_on_line(i + 1) => {
            let (m, end, _) = month(w, i + 1)?;
            (m, d, end)
        }
        // The direction after the month is Arabic (`مارس المقبل`); English
        // puts it first (`may next year`: the verb and a year).
        _ if !w.folded(i).is_ascii() => {
            let (m, end, _) = month(w, i)?;
            (m, direction_at(w, end)?, end + 1)
        }
        _ => return None,
    };
    let year = year_of_month(today, m, direction);
    let start = NaiveDate::from_ymd_opt(year, m, 1)?;
    Some((
        end,
        When::new(midnight(start), Grain::Month, Anchor::Reference),
    ))
}

/// `منذ ثلاثة أيام`, `قبل يومين`, `بعد ساعتين`, `in 3 days`, `3 days ago`,
/// `7 days hence`, `2 minutes from now`.
fn amount_before_or_after(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (sign, start) = match w.find_whole(i, |s| match s {
        Sense::Ago => Some(-1),
        Sense::Later => Some(1),
        _ => None,
    }) {
        Some(sign) if w.next_on_line(i + 1) => (sign, i + 1),
        _ => (0, i),
    };
    // Only English puts a bound first (`more than two years ago`); Arabic
    // says `منذ`, `قبل` or `بعد` before it, read above.
    if sign == 0 && !w.folded(i).is_ascii() && w.class(i) & starts::AMOUNT_OF_TIME == 0 {
        return None;
    }
    // `قبل نحو أسبوع`, `منذ حوالي ثلاثة أيام`: an approximate amount moves
    // the reference all the same, as `around next week` is next week. More
    // or less than an amount (`منذ أكثر من عامين`, `more than two years
    // ago`, `in less than an hour`) moves it as far, and the time is one end
    // of an open interval.
    let (compared, start) = match super::bounds::bound_before(w, start) {
        Some((super::Bound::About, next)) => (None, next),
        Some((bound @ (super::Bound::AtLeast | super::Bound::AtMost), next)) => (Some(bound), next),
        _ => (None, start),
    };
    // `منذ عامين وشهر و21 يوما`, `a year and 5 days ago`, `منذ شهرين ويوم
    // واحد وساعتين`: days or hours after the years and months, read as one
    // amount.
    let mut time = amount_of_time(w, start)?;
    let rest = super::durations::rest_after_months(w, &time);
    // `منذ عام 2011` is a year, not "a year ago".
    if time.bare && w.next_on_line(time.end) && w.is_number(time.end) {
        return None;
    }
    // `the highest level in 20 years`: the twenty years up to the reference.
    // More than an amount back is no time the words give (`the best result
    // in more than a decade`): nothing.
    if sign == 1 && w.folded(i) == "in" && looking_back::counts_back(w, i) && rest.is_none() {
        let when =
            reference_and_amount(cx.reference.local, &time, -1.0).filter(|_| compared.is_none())?;
        return Some((time.end, when));
    }
    if let Some(rest) = &rest {
        time.end = rest.end;
    }
    let (sign, end) = match sign {
        0 if w.next_on_line(time.end)
            && w.find_whole(time.end, |s| matches!(s, Sense::AgoAfter).then_some(()))
                .is_some() =>
        {
            (-1, time.end + 1)
        }
        0 => (1, from_now(w, time.end)?),
        // `منذ` counts back from the reference whatever follows.
        s if matches!(w.folded(i), "منذ" | "ومنذ") => (s, time.end),
        s => (s, after_event_or_now(w, time.end)?),
    };
    let count = time.count.to_f64() * f64::from(sign);
    let t = cx.reference.local;
    let mut when = match rest {
        // The months move the date, the rest the instant from it.
        Some(rest) => {
            let months = date_after(t.date(), time.unit, time.count.to_i64()? * i64::from(sign))?;
            let count = rest.count.to_f64() * f64::from(sign);
            moved_by(months.and_time(t.time()), rest.unit, count)?
        }
        None => moved_by(t, time.unit, count)?,
    };
    when.bound = compared.map(|bound| open_end(bound, sign));
    Some((end, when))
}

/// `t` moved by `count` units (negative: back). The moved instant keeps
/// the reference's finer parts (`in 2 hours` at 04:30 is 06:30), so its
/// grain is one finer than the unit's; a part of an hour (`in half an
/// hour`) is counted in minutes, finer still; days and longer units give
/// the day.
fn moved_by(t: NaiveDateTime, unit: TimeUnit, count: f64) -> Option<When> {
    let whole = count.fract() == 0.0;
    let (moved, grain) = match unit {
        TimeUnit::Second => (moved_by_seconds(t, count)?, Grain::Second),
        TimeUnit::Minute => (moved_by_seconds(t, count * 60.0)?, Grain::Second),
        TimeUnit::Hour if whole => (moved_by_seconds(t, count * 3600.0)?, Grain::Minute),
        TimeUnit::Hour => (moved_by_seconds(t, count * 3600.0)?, Grain::Second),
        unit => {
            // `منذ عام ونصف`: a year and a half is 18 months.
            let (unit, count) = match unit {
                TimeUnit::Year if (count * 12.0).fract() == 0.0 => (TimeUnit::Month, count * 12.0),
                _ => (unit, count),
            };
            if count.fract() != 0.0 {
                return None;
            }
            let date = date_after(t.date(), unit, count as i64)?;
            (midnight(date), Grain::Day)
        }
    };
    Some(When::new(moved, grain, Anchor::Reference))
}

/// `في مثل هذا اليوم من عام 1948`, `في مثل هذا الوقت من العام الماضي`,
/// `بمثل هذا اليوم من عام 1948` (`ب`, in, as `في`), `this day in 1948`,
/// `this time last year`: the reference's day and
/// month in the year named (none in a year without that day, 29 February).
fn same_day_in_year(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let word = |k: usize, forms: &[&str]| w.next_on_line(k) && forms.contains(&w.folded(k));
    let k = if w.folded(i) == "في" && word(i + 1, &["مثل"]) {
        i + 1
    } else {
        i
    };
    let year_at = match w.folded(k) {
        "مثل" | "بمثل"
            if word(k + 1, &["هذا"])
                && word(k + 2, &["اليوم", "الوقت"])
                && word(k + 3, &["من"]) =>
        {
            k + 4
        }
        "this" if word(k + 1, &["day", "time"]) => k + 2,
        _ => return None,
    };
    if !w.next_on_line(year_at) {
        return None;
    }
    let (end, year) = year_named(cx, year_at)?;
    let today = cx.reference.date();
    let date = NaiveDate::from_ymd_opt(year, today.month(), today.day())?;
    Some((end, When::day(date, Anchor::Reference)))
}

/// A year at `k` by its number after `عام`, `سنة` or `in` (`عام 1948`,
/// `in 1948`), or said from the reference (`العام الماضي`, `last year`):
/// the token after it and the year.
fn year_named(cx: &Context, k: usize) -> Option<(usize, i32)> {
    let w = cx.words;
    if matches!(w.folded(k), "عام" | "سنه" | "in") && w.next_on_line(k + 1) {
        return Some((k + 2, super::dates::year_number(w, k + 1)?));
    }
    let (end, when) = unit_and_direction(cx, k)?;
    (when.grain == Grain::Year).then_some((end, when.start.year()))
}

/// Words after a plural unit that say how many (`عديدة`, `طويلة`,
/// `قليلة`, `كثيرة`: many, long, few) or that they are past (`مضت`),
/// folded.
const HOW_MANY_UNITS: [&str; 6] = ["عديده", "طويله", "قليله", "كثيره", "مضت", "خلت"];

/// `عدة` (several) before a plural, folded.
const SEVERAL: &str = "عده";

/// An amount of time said by its plural alone: `قبل أيام`, `منذ سنوات`,
/// `بعد أسابيع`, `years ago`, `days ago`. A plural says more than two in
/// Arabic, which has a dual, and more than one in English, so the time is
/// one end of an open interval, as for `منذ أكثر من عامين` (more than two
/// years ago): before the time two units back in Arabic (after it two units
/// on, for `بعد`), before the time one unit back in English. Counted from an
/// event (`قبل أيام من الانتخابات`) or the first term of a noun phrase
/// (`قبل أيام العيد`): nothing.
fn units_ago(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let (unit, sign, more_than, end) = if w.folded(i).is_ascii() {
        let unit = plural_unit(w, i)?;
        let ago = w.next_on_line(i + 1)
            && w.find_whole(i + 1, |s| matches!(s, Sense::AgoAfter).then_some(()))
                .is_some();
        (unit, -1, 1, ago.then_some(i + 2)?)
    } else {
        let sign = w.find_whole(i, |s| match s {
            Sense::Ago => Some(-1),
            Sense::Later => Some(1),
            _ => None,
        })?;
        // `قبل عدة أيام` (several days ago) says no more than the plural.
        let several = w.next_on_line(i + 1) && w.folded(i + 1) == SEVERAL;
        let at = i + 1 + usize::from(several);
        let unit = plural_unit(w, at).filter(|_| w.next_on_line(at))?;
        // `قبل أيام العيد` (before the days of the feast): a plural before a
        // definite noun is its first term, no amount of time.
        if w.next_on_line(at + 1) && w.folded(at + 1).starts_with("ال") {
            return None;
        }
        // `منذ سنوات طويلة`, `قبل أيام قليلة`, `منذ شهور مضت`: words that
        // tell how many, or that they are past, are part of it.
        let told = w.next_on_line(at + 1) && HOW_MANY_UNITS.contains(&w.folded(at + 1));
        let end = if told { at + 2 } else { at + 1 };
        (unit, sign, 2, after_event_or_now(w, end)?)
    };
    let mut when = moved_by(cx.reference.local, unit, f64::from(sign * more_than))?;
    when.bound = Some(open_side(sign));
    Some((end, when))
}

/// The end of an open interval a time moved by more or less than an
/// amount is: more than two years ago is before the time two years ago,
/// less than an hour from now before the time an hour from now.
fn open_end(bound: super::Bound, sign: i32) -> super::TimeBound {
    use super::TimeBound::{After, Before};
    match (bound, sign < 0) {
        (super::Bound::AtLeast, true) | (super::Bound::AtMost, false) => Before,
        _ => After,
    }
}

/// `t` moved by `seconds`, `None` beyond what the calendar holds
/// (`تريليونان hour ago`): an amount of time too large for a date is no
/// date, never a panic.
fn moved_by_seconds(t: NaiveDateTime, seconds: f64) -> Option<NaiveDateTime> {
    t.checked_add_signed(Duration::try_seconds(seconds as i64)?)
}

/// Where `قبل`/`بعد` and an amount of time end, at `k` after the amount:
/// `k`, or after `من الآن`, `من اليوم` (from the reference); `None` when
/// `من` names an event instead (`بعد ثلاث سنوات من الحرب`: three years
/// after the war, no date the reference gives; the amount is read as a
/// duration).
fn after_event_or_now(w: &Words, k: usize) -> Option<usize> {
    if !(w.next_on_line(k) && w.folded(k) == "من" && w.next_on_line(k + 1)) {
        return Some(k);
    }
    matches!(w.folded(k + 1), "الان" | "اليوم").then_some(k + 2)
}

/// `hence`, `from now`, `from right now` or `from today` after an amount
/// of time (`7 days hence`, `3 years from today`): the token after them.
fn from_now(w: &Words, i: usize) -> Option<usize> {
    if !w.next_on_line(i) {
        return None;
    }
    match w.folded(i) {
        "hence" => Some(i + 1),
        "from" if w.next_on_line(i + 1) => {
            let k = if w.folded(i + 1) == "right" {
                i + 2
            } else {
                i + 1
            };
            (w.next_on_line(k) && matches!(w.folded(k), "now" | "today")).then_some(k + 1)
        }
        _ => None,
    }
}

/// A third of a month or a year. Of a month named (`في أوائل آذار`,
/// `أواخر شهر مارس 2024`, `منتصف يوليو`, `early July`, `mid-July`, `the
/// end of July`): days 1-10, 11-20, or 21 to the end of the month. Of a
/// month or a year named by a direction, as the current one, or by its
/// number (`نهاية الشهر الجاري`, `early next month`, `the end of the year`,
/// `مطلع العام المقبل`, `أواخر 2024`, `mid-2024`): the same thirds of a
/// month, and of a year its months 1-4, 5-8 or 9-12.
fn month_part(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if matches!(w.folded(k), "في" | "in" | "the") && w.next_on_line(k + 1) {
        k += 1;
    }
    if let Some((part, after)) = third_named(w, k) {
        k = after;
        if w.folded(k) == "شهر" && w.next_on_line(k + 1) {
            k += 1;
        }
        return part_of_month_or_year(cx, i, k, part);
    }
    let ((part, noun), _) = w.find(k, |s| match s {
        Sense::Part(p, noun) => Some((*p, *noun)),
        _ => None,
    })?;
    k += 1;
    if w.joins_by_hyphen(k) {
        k += 1; // mid-July, mid-2024
    } else if matches!(w.folded(k), "شهر" | "of") && w.next_on_line(k + 1) {
        k += 1;
        if w.folded(k) == "the" && w.next_on_line(k + 1) {
            k += 1;
        }
    } else if noun {
        return None;
    }
    if !w.next_on_line(k) {
        return None;
    }
    part_of_month_or_year(cx, i, k, part)
}

/// `الثلث الأول من`, `الثلث الأخير من` at `k`: the third it names (1 to
/// 3) and the token after `من`.
fn third_named(w: &Words, k: usize) -> Option<(u32, usize)> {
    if w.folded(k) != "الثلث" || !w.next_on_line(k + 1) {
        return None;
    }
    let part = match w.folded(k + 1) {
        "الاخير" => 3,
        _ => {
            let (end, n) = ordinal(w, k + 1)?;
            (end == k + 2 && (1..=3).contains(&n)).then_some(n)?
        }
    };
    (w.folded(k + 2) == "من" && w.next_on_line(k + 2) && w.next_on_line(k + 3))
        .then_some((part, k + 3))
}

/// Third `part` of the month or year named at `k`, in words from `i`.
fn part_of_month_or_year(cx: &Context, i: usize, k: usize, part: u32) -> Option<(usize, When)> {
    let w = cx.words;
    let Some((m, end, _)) = month(w, k) else {
        let (end, unit) = month_or_year_at(cx, k, part)?;
        // `عطلة نهاية الأسبوع الماضي` is last weekend, whose days depend on
        // the country (see `weekends`), not the end of last week.
        let holiday = i > 0 && w.folded(i - 1).starts_with("عطل");
        if holiday && unit.grain == Grain::Week {
            return None;
        }
        return third_of(part, unit).map(|when| (end, when));
    };
    let (year, anchor, end) = year_after_month(cx, end);
    // `نهاية مارس الماضي`, `منتصف يوليو المقبل`: the month's last or next
    // occurrence, as `مارس الماضي` alone reads; the direction in the span.
    // (English puts none there: `early March next year`.)
    let direction = (anchor == Anchor::ReferenceYear && !w.folded(end).is_ascii())
        .then(|| direction_at(w, end))
        .flatten();
    let (year, anchor, end) = match direction {
        Some(d) => (
            year_of_month(cx.reference.date(), m, d),
            Anchor::Reference,
            end + 1,
        ),
        None => (year, anchor, end),
    };
    let first = NaiveDate::from_ymd_opt(year, m, 1)?;
    let month = When::new(midnight(first), Grain::Month, anchor);
    third_of(part, month).map(|when| (end, when))
}

/// `year-end`, `year end`, `month-end` (`by year-end`, `at the month
/// end`): the last third of the current year or month, as `the end of the
/// year` is.
fn period_end(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let k = if w.folded(i) == "the" && w.next_on_line(i + 1) {
        i + 1
    } else {
        i
    };
    let unit = match w.folded(k) {
        "year" => TimeUnit::Year,
        "month" => TimeUnit::Month,
        _ => return None,
    };
    let mut end = k + 1;
    if w.joins_by_hyphen(end) {
        end += 1;
    } else if !w.next_on_line(end) {
        return None;
    }
    if w.folded(end) != "end" {
        return None;
    }
    let current = shifted(cx.reference.local, unit, 0)?;
    third_of(3, current).map(|when| (end + 1, when))
}

/// `year to date`, `year-to-date`, `month to date`, `week-to-date` (`up
/// 20% year to date`, as financial news writes it): from the current
/// unit's first day through the reference day.
fn period_to_date(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let unit = match w.folded(i) {
        "year" => TimeUnit::Year,
        "month" => TimeUnit::Month,
        "week" => TimeUnit::Week,
        _ => return None,
    };
    // The next word, after a hyphen or a space on the line.
    let next = |k: usize| {
        if w.joins_by_hyphen(k + 1) {
            Some(k + 2)
        } else {
            (w.next_on_line(k + 1) && !w.glued(k)).then_some(k + 1)
        }
    };
    let to = next(i).filter(|&k| w.folded(k) == "to")?;
    let date = next(to).filter(|&k| w.folded(k) == "date")?;
    let current = shifted(cx.reference.local, unit, 0)?;
    let through = midnight(cx.reference.date() + Duration::days(1));
    let mut when = When::day(current.start.date(), Anchor::Reference);
    when.end = Some(through);
    Some((date + 1, when))
}

/// A month or a year at `k` that third `part` may be of: with a direction
/// or `this` (`next month`, `العام المقبل`), by its number (`2024`, `عام
/// 2024`), or alone as the current one (`the year`, `year`, `الشهر`; not
/// before a word with the article, which describes it: `العام الدراسي`).
fn month_or_year_at(cx: &Context, k: usize, part: u32) -> Option<(usize, When)> {
    let w = cx.words;
    // A week, a month, a year, a decade or a century.
    let yearly = |j: usize| {
        matches!(
            unit_with_article(w, j),
            Some(
                TimeUnit::Week
                    | TimeUnit::Month
                    | TimeUnit::Year
                    | TimeUnit::Decade
                    | TimeUnit::Century
            )
        )
    };
    if yearly(k) || w.next_on_line(k + 1) && yearly(k + 1) {
        if let Some(found) = unit_and_direction(cx, k) {
            return Some(found);
        }
    }
    if let Some(found) = decade_at(cx, k).or_else(|| century(cx, k)) {
        return Some(found);
    }
    // A year's digits (not glued to a word, as `1990s` or `1990th` are).
    let glued_word = w.glued(k) && w.is_word(k + 1);
    if let (Some((y, 4)), false) = (w.small_number(k), glued_word) {
        let first = NaiveDate::from_ymd_opt(y as i32, 1, 1)?;
        return Some((
            k + 1,
            When::new(midnight(first), Grain::Year, Anchor::Absolute),
        ));
    }
    if let Some((end, Some((when, _)))) = super::dates::year_after_word(w, k) {
        return Some((end, when));
    }
    let described = w.next_on_line(k + 1) && w.folded(k + 1).starts_with("ال");
    let unit = unit_with_article(w, k)?;
    // Alone, only a month or a year is the current one (`the end of the
    // year`), and a week (`by the end of the week`, `منذ مطلع الأسبوع`)
    // but for its end in Arabic: `نهاية الأسبوع` alone is as often the
    // weekend, whose days depend on the country (`weekends` reads it where
    // the zone names one). `the end of the century`
    // is no date.
    let week = unit == TimeUnit::Week && (w.folded(k).is_ascii() || part != 3);
    if !(matches!(unit, TimeUnit::Month | TimeUnit::Year) || week) || described {
        return None;
    }
    shifted(cx.reference.local, unit, 0).map(|when| (k + 1, when))
}

/// The first, middle or last third (`part` 1, 2, 3) of a week, a month, a
/// year or a decade or century (a year with an end, as [`decade_at`] and
/// [`shifted`] give them): Monday-Tuesday, Wednesday-Thursday and Friday
/// to Sunday of a week (the ISO week the pass counts weeks by); days 1-10,
/// 11-20 and 21 to the end of a month; months 1-4, 5-8 and 9-12 of a year;
/// years 0-3, 4-6 and 7-9 of a decade (the early, mid and late 1990s), and
/// in the same proportion 0-39, 40-69 and 70-99 of a century.
fn third_of(part: u32, unit: When) -> Option<When> {
    let first = unit.start.date();
    if let (Grain::Year, Some(end)) = (unit.grain, unit.end) {
        let months = (end.year() - first.year()) * 12;
        let (from, to) = match part {
            1 => (0, months * 4 / 10),
            2 => (months * 4 / 10, months * 7 / 10),
            _ => (months * 7 / 10, months),
        };
        let mut when = When::day(add_months(first, i64::from(from))?, unit.anchor);
        when.end = Some(midnight(add_months(first, i64::from(to))?));
        return Some(when);
    }
    if unit.grain == Grain::Week {
        let (from, to) = match part {
            1 => (0, 2),
            2 => (2, 4),
            _ => (4, 7),
        };
        let mut when = When::day(first + Duration::days(from), unit.anchor);
        when.end = Some(midnight(first + Duration::days(to)));
        return Some(when);
    }
    let (from, to) = match (unit.grain, part) {
        (Grain::Month, 1) => (first, first.with_day(11)?),
        (Grain::Month, 2) => (first.with_day(11)?, first.with_day(21)?),
        (Grain::Month, _) => (first.with_day(21)?, add_months(first, 1)?),
        (Grain::Year, 1) => (first, add_months(first, 4)?),
        (Grain::Year, 2) => (add_months(first, 4)?, add_months(first, 8)?),
        (Grain::Year, _) => (add_months(first, 8)?, add_months(first, 12)?),
        _ => return None,
    };
    let mut when = When::day(from, unit.anchor);
    when.end = Some(midnight(to));
    Some(when)
}

/// A decade at `k`, written with its digits or as a word (see
/// [`decade_word`]): the token after it, and the decade as a year with its
/// end ten years later.
fn decade_at(cx: &Context, k: usize) -> Option<(usize, When)> {
    let (end, year) = decade_digits(cx.words, k)
        .or_else(|| decade_two_digits(cx, k))
        .or_else(|| decade_word(cx, k))?;
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let mut when = When::new(midnight(first), Grain::Year, Anchor::Absolute);
    when.end = Some(midnight(add_months(first, 120)?));
    Some((end, when))
}

/// `التسعينيات`, `الثمانينات`, `تسعينيات القرن الماضي`: the decade of the
/// century named after the word (`القرن` and a direction), else the latest
/// to have begun by the reference year. The token after it and its first
/// year.
fn decade_word(cx: &Context, k: usize) -> Option<(usize, i32)> {
    let w = cx.words;
    let (tens, _) = w.find(k, |s| match s {
        Sense::Decade(n) => Some(*n as i32),
        _ => None,
    })?;
    // English only after `the` (`in his seventies` is an age).
    if w.folded(k).is_ascii() && !(k > 0 && w.folded(k - 1) == "the") {
        return None;
    }
    let this_year = cx.reference.date().year();
    let century = this_year.div_euclid(100) * 100;
    // `تسعينيات القرن الماضي`, `الثمانينيات من القرن الماضي`, `تسعينيات
    // القرن التاسع عشر`.
    let of = usize::from(w.next_on_line(k + 1) && w.folded(k + 1) == "من");
    let named = w.next_on_line(k + 1 + of) && w.folded(k + 1 + of) == "القرن";
    if let Some(shift) = named.then(|| direction_at(w, k + 2 + of)).flatten() {
        return Some((k + 3 + of, century + 100 * shift + tens));
    }
    if let Some((n, end)) = named.then(|| numbered_century(w, k + 1 + of)).flatten() {
        return Some((end, (n as i32 - 1) * 100 + tens));
    }
    let year = if century + tens <= this_year {
        century + tens
    } else {
        century - 100 + tens
    };
    Some((k + 1, year))
}

/// A decade written with its digits at `k` (`1990s`, `1980's`: a year
/// ending in 0 glued to `s`): the token after it and its first year.
fn decade_digits(w: &Words, k: usize) -> Option<(usize, i32)> {
    // The glued `s` first: most numbers have none.
    if !w.glued(k) {
        return None;
    }
    let s = if w.raw(k + 1) == "'" && w.glued(k + 1) {
        k + 2
    } else {
        k + 1
    };
    if w.raw(s) != "s" {
        return None;
    }
    let Some((year, 4)) = w.small_number(k) else {
        return None;
    };
    (year % 10 == 0).then_some((s + 1, year as i32))
}

/// A decade by its tens with an apostrophe (`'70s`, `70's`: the span from
/// the digits), the latest to have begun by the reference year; not
/// `70s` alone, as often temperatures or ages (`highs in the 70s`). The
/// token after it and its first year.
fn decade_two_digits(cx: &Context, k: usize) -> Option<(usize, i32)> {
    let w = cx.words;
    if !w.glued(k) {
        return None;
    }
    let apostrophe_before = k > 0 && w.raw(k - 1) == "'" && w.glued(k - 1);
    let s = if w.raw(k + 1) == "'" && w.glued(k + 1) {
        k + 2
    } else if apostrophe_before {
        k + 1
    } else {
        return None;
    };
    let Some((tens, 2)) = w.small_number(k) else {
        return None;
    };
    if w.raw(s) != "s" || tens % 10 != 0 {
        return None;
    }
    let this_year = cx.reference.date().year();
    let century = this_year.div_euclid(100) * 100;
    let year = century + tens as i32;
    Some((s + 1, if year <= this_year { year } else { year - 100 }))
}

/// `the 1990s`, `1980's`, `في التسعينيات`: the ten years of a decade.
fn decade(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let k = w.past_the(i);
    decade_at(cx, k)
}

/// `القرن التاسع عشر`, `القرن 19م`, `القرن الحادي والعشرين`, `the 19th
/// century`, `the nineteenth century`: the hundred years of a numbered
/// century, counted as `القرن الماضي` is (the 19th is 1800 to 1900); an
/// Arabic one before Christ counted back (`القرن الخامس قبل الميلاد`); none
/// of the Hijri era (`القرن الرابع الهجري`).
fn century(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let century = |s: &Sense| matches!(s, Sense::Unit(TimeUnit::Century, Count::One)).then_some(());
    let is_century = |k: usize| w.next_on_line(k) && w.find_whole(k, century).is_some();
    let (n, end) = if w.folded(i).is_ascii() {
        let k = w.past_the(i);
        let (end, n) = super::number_words::ordinal(w, k)?;
        is_century(end).then_some((n, end + 1))?
    } else {
        return numbered_century(w, i)
            .and_then(|(n, end)| Some((end, century_years(n)?)))
            .or_else(|| century_before_christ(w, i));
    };
    if !(1..=30).contains(&n) || other_era(w, end) {
        return None;
    }
    Some((end, century_years(n)?))
}

/// The number of the century named at `i` in Arabic (`القرن التاسع عشر`,
/// `القرن 19م`, `القرن الـ21`, `القرن الحادي والعشرين`) and the token
/// after it; none of the Hijri era or before Christ.
fn numbered_century(w: &Words, i: usize) -> Option<(u32, usize)> {
    let (n, end) = century_number(w, i)?;
    (!other_era(w, end)).then_some((n, end))
}

/// `القرن الخامس قبل الميلاد`, `القرن 5 ق.م`: the hundred years of a
/// century before Christ, counted back from year 1 (the 5th is 500 BC to
/// 401 BC, the ISO years -0499 to -0400, as a year before Christ is read).
fn century_before_christ(w: &Words, i: usize) -> Option<(usize, When)> {
    let (n, end) = century_number(w, i)?;
    let after = super::dates::before_christ(w, end)?;
    let first = 1 - n as i32 * 100;
    let start = NaiveDate::from_ymd_opt(first, 1, 1)?;
    let mut when = When::new(midnight(start), Grain::Year, Anchor::Absolute);
    when.end = Some(midnight(NaiveDate::from_ymd_opt(first + 100, 1, 1)?));
    Some((after, when))
}

/// The number (1 to 30) of the century named at `i` in Arabic, whatever
/// its era, and the token after it (after the Gregorian era's mark).
fn century_number(w: &Words, i: usize) -> Option<(u32, usize)> {
    let century = |s: &Sense| matches!(s, Sense::Unit(TimeUnit::Century, Count::One)).then_some(());
    w.find_after_article(i, century).filter(|(_, conj)| !conj)?;
    if !w.next_on_line(i + 1) {
        return None;
    }
    // `القرن الـ21`: the article drawn out before the number.
    let k = w.past_drawn_article(i + 1);
    let (n, end) = match w.small_number(k) {
        Some((n, 1..=2)) => (n, gregorian_era(w, k + 1)),
        _ if k > i + 1 => return None,
        _ => {
            let (end, n) = super::number_words::ordinal(w, i + 1)?;
            (n, gregorian_era(w, end))
        }
    };
    (1..=30).contains(&n).then_some((n, end))
}

/// The hundred years of the `n`th century (the 19th: 1800 to 1900).
fn century_years(n: u32) -> Option<When> {
    let mut when = years_of((n as i32 - 1) * 100, 100, 0)?;
    when.anchor = Anchor::Absolute;
    Some(when)
}

/// Whether an era other than the Gregorian follows at `k`: the Hijri
/// (`الهجري`, `للهجرة`, `هـ`) or before Christ (`قبل الميلاد`, `ق.م`).
fn other_era(w: &Words, k: usize) -> bool {
    super::hijri::era_at(w, k).is_some() || super::dates::before_christ(w, k).is_some()
}

/// The Gregorian era after a number at `k` (`م`, glued or not, or
/// `الميلادي`): the token after it, else `k`.
fn gregorian_era(w: &Words, k: usize) -> usize {
    let era = w.next_on_line(k) && matches!(w.folded(k), "م" | "الميلادي");
    k + usize::from(era)
}

/// The year a month name at `end` belongs to: a four-digit year written
/// after it (then the expression ends after the year), else the reference
/// year.
fn year_after_month(cx: &Context, end: usize) -> (i32, Anchor, usize) {
    let w = cx.words;
    match w.small_number(end) {
        Some((y, 4)) if w.next_on_line(end) => (y as i32, Anchor::Absolute, end + 1),
        _ => (cx.reference.date().year(), Anchor::ReferenceYear, end),
    }
}

/// `نصف شهر مارس`, `في نص شهر ثلاثة`, `نصف آذار 2024`: the middle of a
/// month, its 15th day (as Duckling reads it; `منتصف` is the middle third).
fn middle_of_month(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if matches!(w.folded(k), "في" | "in") && w.next_on_line(k + 1) {
        k += 1;
    }
    let half = w.find_whole(k, |s| match s {
        Sense::Num(v, NumRole::Fraction) => Some(*v),
        _ => None,
    })?;
    if half.to_f64() != 0.5 || !w.is_word(k) || !w.next_on_line(k + 1) {
        return None;
    }
    k += 1;
    let (m, end, _) = match month(w, k) {
        Some(found) => found,
        None if w.folded(k) == "شهر" && w.next_on_line(k + 1) => month(w, k + 1)?,
        None => return None,
    };
    let (year, anchor, end) = year_after_month(cx, end);
    Some((
        end,
        When::day(NaiveDate::from_ymd_opt(year, m, 15)?, anchor),
    ))
}

/// `the week of October 7`, `week of 7 Oct 2024`: the week (Monday to
/// Sunday) that holds the day written; `the week beginning 4 February`,
/// `week commencing Feb 4`, `the week starting on Monday 4 Feb` (as
/// British business writes it): the seven days from that day.
fn week_of(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let k = w.past_the(i);
    if w.folded(k) != "week" || !w.next_on_line(k + 1) || !w.next_on_line(k + 2) {
        return None;
    }
    let from_that_day = match w.folded(k + 1) {
        "of" => false,
        "beginning" | "commencing" | "starting" => true,
        _ => return None,
    };
    let mut at = k + 2;
    if from_that_day && w.folded(at) == "on" && w.next_on_line(at + 1) {
        at += 1;
    }
    // A day said from the reference starts one too (`the week starting
    // Monday`).
    let said = || from_that_day.then(|| relative(cx, at)).flatten();
    let (end, day) = written_day(cx, at).or_else(said)?;
    if day.grain != Grain::Day || day.end.is_some() {
        return None;
    }
    if from_that_day {
        let mut when = day;
        when.end = Some(day.start + Duration::days(7));
        return Some((end, when));
    }
    let start = midnight(week_start(day.start.date()));
    Some((end, When::new(start, Grain::Week, day.anchor)))
}

/// `في وقت سابق من الشهر الجاري` (from the start of this month to the
/// reference day), `في وقت لاحق من هذا العام` (from the next day to the end
/// of the year), `earlier this month`, `later this year`; the rest of it
/// (`بقية العام`, `لباقي الأسبوع`, `the rest of the year`, `the remainder
/// of this month`: from the reference day to the end); of today, from
/// midnight to the reference or from it to midnight (`في وقت سابق اليوم`,
/// `later today`, `بقية اليوم`).
fn part_of_current_unit(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if matches!(w.folded(k), "في" | "in") && w.next_on_line(k + 1) {
        k += 1;
    }
    let within = |s: &Sense| match s {
        Sense::Within(d) => Some(*d),
        _ => None,
    };
    let (side, after) = match w.find_pair(k, within) {
        Some(d) => (d, k + 2),
        // The rest after a proclitic too (`لبقية العام`: for the rest).
        None => match w.find(k, within)? {
            (d, Form::Whole) | (d @ REST_OF_UNIT, _) => (d, k + 1),
            _ => return None,
        },
    };
    let mut k = after;
    if matches!(w.folded(k), "من" | "of") && w.next_on_line(k + 1) {
        k += 1;
    }
    if !w.next_on_line(k) {
        return None;
    }
    let today = cx.reference.date();
    // `earlier today`, `في وقت لاحق اليوم`: from midnight to the reference,
    // or from it to midnight.
    if let Some((end, day)) = day_word(cx, k) {
        if day.grain != Grain::Day || day.end.is_some() || day.start.date() != today {
            return None;
        }
        let t = cx.reference.local;
        let (from, to) = if side < 0 {
            (midnight(today), t)
        } else {
            (t, midnight(today + Duration::days(1)))
        };
        if to <= from {
            return None;
        }
        let mut when = When::new(from, Grain::Second, Anchor::Reference);
        when.end = Some(to);
        return Some((end, when));
    }
    // The current unit: الشهر الجاري, هذا العام, this month; after `بقية`,
    // `rest of`, the unit with the article alone (`بقية العام`, `the rest
    // of the year`).
    let (unit, end) = match unit_and_direction(cx, k) {
        Some((end, when)) if when.start <= cx.reference.local && current(cx, &when) => (when, end),
        _ if side == REST_OF_UNIT => definite_current_unit(cx, k)?,
        _ => return None,
    };
    let next = match unit.grain {
        Grain::Week => unit.start.date() + Duration::weeks(1),
        Grain::Month => add_months(unit.start.date(), 1)?,
        Grain::Year => add_months(unit.start.date(), 12)?,
        _ => return None,
    };
    let (from, to) = match side {
        REST_OF_UNIT => (today, next),
        side if side < 0 => (unit.start.date(), today),
        _ => (today + Duration::days(1), next),
    };
    if to <= from {
        return None;
    }
    let mut when = When::day(from, Anchor::Reference);
    when.end = Some(midnight(to));
    Some((end, when))
}

/// The side of `بقية`, `rest` (`data/time_words.tsv`, role `within`): the
/// current unit from the reference day on.
const REST_OF_UNIT: i32 = 2;

/// A week, month or year named with the article alone at `k` (`الأسبوع`,
/// `العام`, `the year`; no direction after it): the one that holds the
/// reference day, and the token after it.
fn definite_current_unit(cx: &Context, k: usize) -> Option<(When, usize)> {
    let w = cx.words;
    let one_unit = |s: &Sense| match s {
        Sense::Unit(u, Count::One) => Some(*u),
        _ => None,
    };
    let (unit, at) = if w.folded(k) == "the" && w.next_on_line(k + 1) {
        (w.find_whole(k + 1, one_unit)?, k + 1)
    } else {
        match w.find_after_article(k, one_unit)? {
            (unit, false) => (unit, k),
            _ => return None,
        }
    };
    // `بقية العام الماضي`: another year, said by its direction.
    if direction_at(w, at + 1).is_some() {
        return None;
    }
    let today = cx.reference.date();
    let (start, grain) = match unit {
        TimeUnit::Week => (week_start(today), Grain::Week),
        TimeUnit::Month => (today.with_day(1)?, Grain::Month),
        TimeUnit::Year => (NaiveDate::from_ymd_opt(today.year(), 1, 1)?, Grain::Year),
        _ => return None,
    };
    Some((When::new(midnight(start), grain, Anchor::Reference), at + 1))
}

/// Whether a unit found by [`unit_and_direction`] holds the reference day.
fn current(cx: &Context, unit: &When) -> bool {
    let today = cx.reference.date();
    let start = unit.start.date();
    match unit.grain {
        Grain::Week => start == week_start(today),
        Grain::Month => start.year() == today.year() && start.month() == today.month(),
        Grain::Year => start.year() == today.year(),
        _ => false,
    }
}
