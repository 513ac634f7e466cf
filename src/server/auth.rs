//! Optional bearer-token authentication for `lisan.v1.TextService` (health
//! and reflection stay open for probes): an interceptor that compares the
//! `authorization: Bearer <token>` header with every configured token in
//! constant time.

use std::sync::Arc;

use subtle::ConstantTimeEq;
use tonic::service::Interceptor;
use tonic::{Request, Status};

use super::status;

/// The accepted tokens (never printed).
#[derive(Clone)]
pub struct Tokens(Arc<Vec<Vec<u8>>>);

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tokens({} configured)", self.0.len())
    }
}

impl Tokens {
    /// Tokens from a file's text: one per line; blank lines and lines
    /// starting with `#` are skipped, surrounding whitespace trimmed.
    /// `None` when there is no token at all.
    pub fn parse(file_text: &str) -> Option<Tokens> {
        let tokens: Vec<Vec<u8>> = file_text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.as_bytes().to_vec())
            .collect();
        (!tokens.is_empty()).then(|| Tokens(Arc::new(tokens)))
    }

    /// Whether `candidate` is one of the tokens. Every token is compared, in
    /// constant time for equal lengths, so timing tells nothing about which
    /// bytes matched.
    pub fn accepts(&self, candidate: &[u8]) -> bool {
        self.0.iter().fold(0u8, |found, token| {
            found | token.ct_eq(candidate).unwrap_u8()
        }) == 1
    }
}

/// The interceptor: passes everything when no tokens are configured.
#[derive(Clone, Debug)]
pub struct Auth(pub Option<Tokens>);

impl Interceptor for Auth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let Some(tokens) = &self.0 else {
            return Ok(request);
        };
        let presented = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(bearer);
        match presented {
            Some(token) if tokens.accepts(token.as_bytes()) => Ok(request),
            _ => Err(status::unauthenticated()),
        }
    }
}

/// The token of an `authorization` header value `Bearer <token>` (the
/// scheme is case-insensitive).
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_files_skip_blanks_and_comments_and_accept_each_token() {
        let tokens = Tokens::parse("# ops\n alpha \n\nbeta\n").unwrap();
        for (candidate, accepted) in [
            ("alpha", true),
            ("beta", true),
            ("alph", false),
            ("alphaa", false),
            ("", false),
            ("# ops", false),
        ] {
            assert_eq!(
                tokens.accepts(candidate.as_bytes()),
                accepted,
                "{candidate:?}"
            );
        }
        assert!(Tokens::parse("\n# none\n").is_none());
    }

    #[test]
    fn bearer_scheme_is_case_insensitive_and_required() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("abc"), None);
    }
}
