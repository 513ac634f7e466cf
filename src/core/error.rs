//! The core's error type: opaque, with a kind a caller can match on.

use std::fmt;

/// What went wrong, in terms a caller can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A request field holds a value the core does not accept.
    InvalidArgument,
    /// The document is larger than the configured limit.
    DocumentTooLarge,
    /// The work ran past its deadline and was stopped.
    DeadlineExceeded,
    /// The caller gave up (cancelled or disconnected) and the work was stopped.
    Cancelled,
}

impl ErrorKind {
    /// A stable, machine-readable reason, such as `DOCUMENT_TOO_LARGE`.
    pub fn reason(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "INVALID_ARGUMENT",
            ErrorKind::DocumentTooLarge => "DOCUMENT_TOO_LARGE",
            ErrorKind::DeadlineExceeded => "DEADLINE_EXCEEDED",
            ErrorKind::Cancelled => "CANCELLED",
        }
    }
}

/// An error from the core, naming the offending request field when there is one.
///
/// ```
/// use lisan::core::{Error, ErrorKind};
/// let err = Error::invalid_argument("options.profile", "unknown value 42");
/// assert_eq!(err.kind(), ErrorKind::InvalidArgument);
/// assert_eq!(err.field(), Some("options.profile"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    field: Option<String>,
    message: String,
}

impl Error {
    /// An invalid value in `field` (a dotted path of the request, like
    /// `document.text` or `options.offset_unit`).
    pub fn invalid_argument(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidArgument,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// A document over the size limit.
    pub fn document_too_large(field: impl Into<String>, size: usize, limit: usize) -> Error {
        Error {
            kind: ErrorKind::DocumentTooLarge,
            field: Some(field.into()),
            message: format!("document is {size} bytes; the limit is {limit} bytes"),
        }
    }

    /// Work stopped because its deadline passed.
    pub fn deadline_exceeded() -> Error {
        Error {
            kind: ErrorKind::DeadlineExceeded,
            field: None,
            message: "the deadline passed before processing finished".into(),
        }
    }

    /// Work stopped because the caller cancelled it.
    pub fn cancelled() -> Error {
        Error {
            kind: ErrorKind::Cancelled,
            field: None,
            message: "the call was cancelled before processing finished".into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
