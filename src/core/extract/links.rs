//! URLs and email addresses, from the tokens that hold them.

use super::{Entity, EntityKind, Value};
use crate::core::segment::{Token, TokenKind};

/// The link entity a token is, if it is one.
pub(super) fn link(text: &str, token: Token) -> Option<Entity> {
    let raw = token.span.slice(text);
    let (kind, value) = match token.kind {
        TokenKind::Url if raw.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) => {
            (EntityKind::Url, format!("http://{raw}"))
        }
        TokenKind::Url => (EntityKind::Url, raw.to_string()),
        TokenKind::Email => {
            let (local, domain) = raw.split_once('@')?;
            (
                EntityKind::Email,
                format!("{local}@{}", domain.to_ascii_lowercase()),
            )
        }
        _ => return None,
    };
    Some(Entity {
        kind,
        span: token.span,
        value: Value::Link(value),
        confidence: 0.99,
    })
}
