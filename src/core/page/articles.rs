//! Lines in order -> zones and articles.

use super::lines::{Line, LineKind};
use super::metadata::{field, title_field};
use super::{Article, Page, Zone, ZoneKind};
use crate::core::budget::Budget;
use crate::core::error::Error;
use crate::core::span::Span;

/// Reading state while walking the lines.
struct Builder<'t> {
    text: &'t str,
    dates: &'t [(Span, String)],
    page: Page,
    /// The article lines now go to.
    current: Option<usize>,
    /// The current article has no title or body yet.
    expecting_title: bool,
    /// A related-articles label was passed and no article started since.
    in_related_block: bool,
}

/// The zones and articles of `lines`, with each article's fields.
pub fn assemble(
    text: &str,
    lines: &[Line],
    junctions: &[usize],
    dates: &[(Span, String)],
    budget: &Budget,
) -> Result<Page, Error> {
    let mut b = Builder {
        text,
        dates,
        page: Page::default(),
        current: None,
        expecting_title: true,
        in_related_block: false,
    };
    for (i, line) in lines.iter().enumerate() {
        budget.check_at(i)?;
        let next = lines.get(i + 1);
        match &line.kind {
            LineKind::Related { item } => b.related(line, item.is_some()),
            LineKind::Field { kind, value } => {
                let article = b.article();
                b.zone(ZoneKind::Metadata, line.span);
                let found = field(text, *kind, line.span, *value, b.dates);
                b.page.articles[article].fields.push(found);
            }
            LineKind::Boilerplate => {
                let article = b.current;
                b.push(ZoneKind::Boilerplate, line.span, article);
            }
            LineKind::Text => b.text_line(line, next, junction_in(junctions, line.span)),
        }
    }
    finish_spans(&mut b.page);
    Ok(b.page)
}

/// The first junction strictly inside `span`.
fn junction_in(junctions: &[usize], span: Span) -> Option<usize> {
    let i = junctions.partition_point(|&j| j <= span.start);
    junctions.get(i).copied().filter(|&j| j < span.end)
}

/// Whether `line` is followed by body text (a text line that is no title).
fn followed_by_body(text: &str, next: Option<&Line>) -> bool {
    next.is_some_and(|n| n.kind == LineKind::Text && !n.is_title_like(text))
}

impl Builder<'_> {
    /// The current article, started (as related when inside a related block) if none.
    fn article(&mut self) -> usize {
        if let Some(a) = self.current {
            return a;
        }
        self.page.articles.push(Article {
            span: Span::default(),
            related: self.in_related_block,
            title: None,
            fields: Vec::new(),
        });
        self.in_related_block = false;
        self.expecting_title = true;
        let a = self.page.articles.len() - 1;
        self.current = Some(a);
        a
    }

    /// A zone of the current article (started if needed).
    fn zone(&mut self, kind: ZoneKind, span: Span) {
        let article = self.article();
        self.push(kind, span, Some(article));
    }

    /// Adds a zone; body and boilerplate lines in a row make one zone.
    fn push(&mut self, kind: ZoneKind, span: Span, article: Option<usize>) {
        if span.is_empty() {
            return;
        }
        if let Some(last) = self.page.zones.last_mut() {
            let merges = matches!(kind, ZoneKind::Body | ZoneKind::Boilerplate);
            if merges && last.kind == kind && last.article == article {
                last.span.end = span.end;
                return;
            }
        }
        self.page.zones.push(Zone {
            kind,
            span,
            article,
        });
    }

    /// A related-articles label alone ends the article and opens a related
    /// block; with a link on its line it is one link, and the article goes on.
    fn related(&mut self, line: &Line, has_item: bool) {
        self.push(ZoneKind::Related, line.span, None);
        if !has_item {
            self.current = None;
            self.in_related_block = true;
        }
    }

    fn text_line(&mut self, line: &Line, next: Option<&Line>, junction: Option<usize>) {
        let title_like = line.is_title_like(self.text);
        if self.current.is_none() && self.in_related_block {
            let starts_article =
                junction.is_some() || !title_like || followed_by_body(self.text, next);
            if !starts_article {
                self.push(ZoneKind::Related, line.span, None);
                return;
            }
        }
        let article = self.article();
        let span = line.span;
        if self.expecting_title {
            self.expecting_title = false;
            let title = match junction {
                Some(at) => Some(Span::new(span.start, at)),
                None => title_like.then_some(span),
            };
            if let Some(title) = title {
                self.zone(ZoneKind::Title, title);
                self.page.articles[article].title = Some(title);
                let field = title_field(self.text, title);
                self.page.articles[article].fields.insert(0, field);
                self.zone(
                    ZoneKind::Body,
                    trimmed(self.text, Span::new(title.end, span.end)),
                );
                return;
            }
        } else if let Some(at) = junction {
            self.zone(ZoneKind::Heading, Span::new(span.start, at));
            self.zone(ZoneKind::Body, Span::new(at, span.end));
            return;
        } else if title_like && followed_by_body(self.text, next) {
            self.zone(ZoneKind::Heading, span);
            return;
        }
        self.zone(ZoneKind::Body, span);
    }
}

/// `span` without the whitespace at its ends.
fn trimmed(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    Span::new(start, start.max(span.start + slice.trim_end().len()))
}

/// Each article's span: from its first zone to its last.
fn finish_spans(page: &mut Page) {
    let mut started = vec![false; page.articles.len()];
    for zone in &page.zones {
        let Some(a) = zone.article else { continue };
        let article = &mut page.articles[a];
        if !started[a] {
            started[a] = true;
            article.span = zone.span;
        }
        article.span.end = zone.span.end;
    }
}
