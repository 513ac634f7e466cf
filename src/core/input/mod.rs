//! What callers send, turned into the text the core works on: bytes in a
//! declared or detected charset ([`decode`]), and HTML ([`html`]), whose
//! text keeps an [`Alignment`](crate::core::Alignment) back to the markup.

pub mod decode;
pub mod html;
