//! URLs, email addresses, hashtags and mentions, from the tokens that hold them.

use super::{Context, Entity, EntityKind, Found, Value};
use crate::core::segment::TokenKind;

/// The link or tag entity token `i` is, if it is one.
pub(super) fn link(cx: &Context, i: usize) -> Option<Found> {
    let token = *cx.words.tokens.get(i)?;
    let raw = token.span.slice(cx.words.text);
    let (kind, value) = match token.kind {
        TokenKind::Url if raw.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) => {
            (EntityKind::Url, Value::Link(format!("http://{raw}")))
        }
        TokenKind::Url => (EntityKind::Url, Value::Link(raw.to_string())),
        TokenKind::Email => {
            let (local, domain) = raw.split_once('@')?;
            (
                EntityKind::Email,
                Value::Link(format!("{local}@{}", domain.to_ascii_lowercase())),
            )
        }
        TokenKind::Hashtag => (EntityKind::Hashtag, Value::Tag(raw[1..].to_string())),
        TokenKind::Mention => (EntityKind::Mention, Value::Tag(raw[1..].to_string())),
        _ => return None,
    };
    Some(Found::entity(
        i + 1,
        Entity {
            kind,
            span: token.span,
            value,
            confidence: 0.99,
        },
    ))
}
