//! The processing core: pure, synchronous text processing.
//!
//! Nothing in here knows about gRPC, protobuf or async runtimes (it imports
//! no tonic, prost or tokio). Every result carries byte spans into the text
//! the caller handed in; [`offsets::OffsetConverter`] turns them into the
//! unit the caller asked for.

pub mod alignment;
pub mod analyze;
pub mod budget;
pub mod char_class;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod fold;
pub mod input;
pub mod keyphrases;
pub mod language;
pub mod ner;
pub mod normalize;
pub mod offsets;
pub mod page;
pub mod score;
pub mod script;
pub mod segment;
pub mod span;
pub mod stopwords;
pub mod wordfreq;

pub use alignment::Alignment;
pub use budget::Budget;
pub use error::{Error, ErrorKind};
pub use offsets::{OffsetConverter, OffsetUnit};
pub use span::Span;
