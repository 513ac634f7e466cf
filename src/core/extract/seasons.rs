//! Seasons of the year, read only with a direction, a year, or in English
//! with the article in a clause told in the past (a season's name alone is too
//! often something else: `spring`, `fall`): near the
//! reference (`this summer`, `last winter`, `next spring`, `the current
//! summer`, `هذا الصيف`, `الصيف الماضي`, `الشتاء المقبل`) and of a year
//! (`summer 2019`, `the summer of 2019`, `fall of 2008`, `صيف 2019`, `صيف
//! عام 2019`).
//!
//! A season runs from its first day to the next season's first day, at day
//! grain: the astronomical seasons of the northern hemisphere with the
//! first days Duckling gives them (spring 20 March, summer 21 June, autumn
//! 23 September, winter 21 December; an equinox or a solstice falls on one
//! of two days, which these fix). A winter belongs to the year it begins in
//! (`winter 2019`: 21 December 2019 to 20 March 2020).

use chrono::{Datelike, NaiveDate};

use super::dates::{midnight, When};
use super::lexicon::Sense;
use super::relative::direction_or_this;
use super::tense::{clause_tense, Tense};
use super::words::Words;
use super::{Anchor, Context};

/// The first day (month, day) of each season, spring first.
const FIRST_DAYS: [(u32, u32); 4] = [(3, 20), (6, 21), (9, 23), (12, 21)];

/// Season `season` (1 spring .. 4 winter) of `year`, to the next season's
/// first day.
fn season_of(season: u32, year: i32, anchor: Anchor) -> Option<When> {
    let index = usize::try_from(season.checked_sub(1)?).ok()?;
    let (month, day) = *FIRST_DAYS.get(index)?;
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let (next_month, next_day) = FIRST_DAYS[(index + 1) % 4];
    let next_year = if index == 3 {
        year.checked_add(1)?
    } else {
        year
    };
    let mut when = When::day(start, anchor);
    when.end = Some(midnight(NaiveDate::from_ymd_opt(
        next_year, next_month, next_day,
    )?));
    Some(when)
}

/// The year of the occurrence of `season` that holds `date`, else of the
/// next one.
fn current_or_next(season: u32, date: NaiveDate) -> Option<i32> {
    let year = date.year();
    // The winter that began last December may still be running.
    [year - 1, year, year + 1].into_iter().find(|&y| {
        season_of(season, y, Anchor::Reference)
            .and_then(|s| s.end)
            .is_some_and(|end| date < end.date())
    })
}

/// The year of the occurrence of `season` that holds `date`, else of the
/// next one ([`current_or_next`]), and whether it has begun by `date`.
fn current_or_next_begun(season: u32, date: NaiveDate) -> Option<(i32, bool)> {
    let this = current_or_next(season, date)?;
    let begun = season_of(season, this, Anchor::Reference)?.start.date() <= date;
    Some((this, begun))
}

/// The season named by word `k`.
fn season_word(w: &Words, k: usize) -> Option<u32> {
    if !w.is_word(k) {
        return None;
    }
    w.find(k, |s| match s {
        Sense::Season(n) => Some(*n),
        _ => None,
    })
    .map(|(n, _)| n)
}

/// A season at token `i`, with the token after it.
pub(super) fn season(cx: &Context, i: usize) -> Option<(usize, When)> {
    let w = cx.words;
    let mut k = i;
    if w.folded(k) == "the" && w.next_on_line(k + 1) {
        k += 1;
    }
    // `this summer`, `last winter`, `هذا الصيف`.
    if let Some(d) = direction_or_this(w, k) {
        if !w.next_on_line(k + 1) {
            return None;
        }
        let season = season_word(w, k + 1)?;
        return near(cx, season, d).map(|when| (k + 2, when));
    }
    let season = season_word(w, k)?;
    if k > i {
        if let Some(when) = the_season_alone(cx, season, i, k + 1) {
            return Some((k + 1, when));
        }
    }
    // `الصيف الماضي`, `الشتاء المقبل` (a direction after the name).
    if !w.folded(k).is_ascii() && w.next_on_line(k + 1) {
        if let Some(d) = direction_or_this(w, k + 1) {
            return near(cx, season, d).map(|when| (k + 2, when));
        }
    }
    // `summer 2019`, `the summer of 2019`, `صيف عام 2019`: as after a month.
    let (year, end, anchor) = super::nth::year_after(cx, k + 1)?;
    Some((end, season_of(season, year, anchor)?))
}

/// English prepositions of time before `the` and a season alone.
const SEASON_PREPOSITIONS: [&str; 9] = [
    "in", "during", "over", "by", "until", "through", "since", "before", "after",
];

/// English `the spring`, `the summer` alone on words `start..end`, after a
/// preposition of time ([`SEASON_PREPOSITIONS`]) in a clause told in the
/// past: the last one begun by the reference (`He was arrested in the
/// summer`), as a bare month told in the past is read. In another tense,
/// none: the present tells of every year (`In the summer, temperatures
/// reach 50C`), and the words that tell the future of a weekday (`is`,
/// `are`: `The meeting is on Tuesday`) are the present's too. Not
/// before `of` (`the summer of 2019` is read by its year, `the spring of
/// his career` is none) nor a noun it describes (`in the spring water`).
fn the_season_alone(cx: &Context, season: u32, start: usize, end: usize) -> Option<When> {
    let w = cx.words;
    let after_preposition =
        start > 0 && w.same_line(start) && SEASON_PREPOSITIONS.contains(&w.folded(start - 1));
    if !w.folded(end - 1).is_ascii() || !after_preposition || w.lower_noun_or_of_follows(end) {
        return None;
    }
    if clause_tense(w, start, end)? != Tense::Past {
        return None;
    }
    let (this, begun) = current_or_next_begun(season, cx.reference.date())?;
    season_of(
        season,
        if begun { this } else { this - 1 },
        Anchor::Reference,
    )
}

/// `season` near the reference: the one the reference is in, else the next
/// (`this`, `current`); the one after that one when the reference is in it,
/// else that one (`next`); the one before it (`last`).
fn near(cx: &Context, season: u32, direction: i32) -> Option<When> {
    let (this, holds_today) = current_or_next_begun(season, cx.reference.date())?;
    let year = match direction {
        0 => this,
        d if d > 0 => this + i32::from(holds_today),
        _ => this - 1,
    };
    season_of(season, year, Anchor::Reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_seasons_tile_the_year() {
        for season in 1..=4 {
            let this = season_of(season, 2024, Anchor::Absolute).unwrap();
            let next = season_of(
                season % 4 + 1,
                2024 + i32::from(season == 4),
                Anchor::Absolute,
            );
            assert_eq!(this.end, Some(next.unwrap().start));
        }
        let winter = season_of(4, 2019, Anchor::Absolute).unwrap();
        assert_eq!(winter.start.date(), date(2019, 12, 21));
        assert_eq!(winter.end.unwrap().date(), date(2020, 3, 20));
    }

    #[test]
    fn the_current_season_else_the_next() {
        // In February, winter began the December before; summer is ahead.
        assert_eq!(current_or_next(4, date(2013, 2, 12)), Some(2012));
        assert_eq!(current_or_next(2, date(2013, 2, 12)), Some(2013));
        // On the last day of summer it is still summer.
        assert_eq!(current_or_next(2, date(2013, 9, 22)), Some(2013));
        assert_eq!(current_or_next(2, date(2013, 9, 23)), Some(2014));
    }
}
