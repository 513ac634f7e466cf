//! Lisan: a gRPC text-processing service (normalize, segment, extract),
//! excellent on Arabic.
//!
//! - [`core`]: the pure, synchronous processing core (no protocol types);
//! - [`proto`]: the generated protobuf messages, server and client;
//! - [`server`]: the tonic server (the only module that knows the protocol
//!   besides the generated code) and the proto <-> core conversion;
//! - [`client`]: a typed client with balancing, retries, deadlines, TLS
//!   and tokens;
//! - [`cli`]: the `lisan` command line.

pub mod cli;
pub mod client;
pub mod core;
pub mod eval;
pub mod proto;
pub mod server;

/// The README's Rust examples, compiled as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
