//! Page structure of scraped text: the zones of the page (title, metadata
//! lines, body, in-body headings, related-article blocks, boilerplate), the
//! articles it holds (a second article glued after a related-articles label
//! is its own article, marked related), and the typed metadata fields of
//! each (publication and update date, source, byline, tags, title).
//!
//! The page is read line by line. Each line is first judged alone
//! ([`lines`]): a label from `data/page_markers.tsv` at its start makes it a
//! metadata field, a related-articles label or boilerplate; share-button
//! lines, `©` lines and navigation trails are boilerplate; the rest is text.
//! Then the lines are read in order ([`articles`]): the first text line of
//! an article is its title when it reads as one (short, not ending as a
//! sentence), or the part of it before a glued-heading junction; a related
//! label starts a related block, whose short lines are links until one is
//! followed by body text: that one is the title of a new, related article.
//! Work is linear in the text: each line is looked at a bounded number of
//! times.

mod articles;
mod lines;
mod markers;
mod metadata;

pub(crate) use markers::{labels as marker_labels, MarkerKind};

use super::budget::Budget;
use super::error::Error;
use super::span::Span;

/// What a zone of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ZoneKind {
    Title,
    Metadata,
    Body,
    /// A heading inside the body (a short line, or the part of a line
    /// before a glued-heading junction).
    Heading,
    /// A related-articles label, or a link to another article.
    Related,
    Boilerplate,
}

/// A zone: its kind, span, and the article it belongs to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zone {
    pub kind: ZoneKind,
    pub span: Span,
    /// Index into [`Page::articles`]; `None` for related labels and links
    /// outside any article.
    pub article: Option<usize>,
}

/// What a metadata field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Title,
    Published,
    Updated,
    Source,
    Byline,
    Tags,
}

/// A tag of a tag list.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldItem {
    pub span: Span,
    pub text: String,
}

/// A typed metadata field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub kind: FieldKind,
    /// The label (`تاريخ النشر`, `Tags`); empty for a title.
    pub label: Span,
    /// The value as written.
    pub span: Span,
    /// The value: an ISO 8601 date for a date written in full (from the
    /// extraction's dates), else the text of `span`.
    pub value: String,
    /// The tags of a tag list, each with its span.
    pub items: Vec<FieldItem>,
}

/// An article of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// From its first zone to its last.
    pub span: Span,
    /// Reached through a related-articles label: not the page's own article.
    pub related: bool,
    pub title: Option<Span>,
    pub fields: Vec<Field>,
}

/// The structure of a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// In text order, never overlapping.
    pub zones: Vec<Zone>,
    /// In text order; the first is the page's own article.
    pub articles: Vec<Article>,
}

/// What the page reader may use from other steps: glued-heading junctions
/// (byte offsets, ascending) and dates found by extraction (span and ISO
/// value).
#[derive(Clone, Copy, Debug, Default)]
pub struct PageHints<'h> {
    pub junctions: &'h [usize],
    pub dates: &'h [(Span, String)],
}

/// The zones and articles of `text`.
///
/// ```
/// use lisan::core::page::{page, PageHints, ZoneKind};
/// let text = "Oil prices fall\nPublished: 3 May 2024\nPrices fell on Monday.\nRead also:\nGold rises\nGold rose as well, traders said.";
/// let found = page(text, PageHints::default());
/// assert_eq!(found.articles.len(), 2);
/// assert!(found.articles[1].related);
/// let title = found.articles[1].title.unwrap();
/// assert_eq!(title.slice(text), "Gold rises");
/// assert_eq!(found.zones[0].kind, ZoneKind::Title);
/// ```
pub fn page(text: &str, hints: PageHints<'_>) -> Page {
    match page_within(text, hints, &Budget::unlimited()) {
        Ok(page) => page,
        Err(_) => unreachable!("an unlimited budget never runs out"),
    }
}

/// [`page`] within a budget, checked every few thousand lines.
pub fn page_within(text: &str, hints: PageHints<'_>, budget: &Budget) -> Result<Page, Error> {
    let lines = lines::lines(text);
    budget.check()?;
    articles::assemble(text, &lines, hints.junctions, hints.dates, budget)
}

#[cfg(test)]
mod tests;
