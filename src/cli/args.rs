//! Command-line arguments (clap), with environment-variable fallbacks.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::proto::v1 as pb;
use crate::server::config::{self, Config};

/// Lisan: text normalization, segmentation and extraction, excellent on Arabic.
#[derive(Debug, Parser)]
#[command(name = "lisan", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Log filter (tracing EnvFilter syntax), logs go to standard error.
    #[arg(long, env = "LISAN_LOG", default_value = "info", global = true)]
    pub log: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the gRPC server.
    Serve(ServeArgs),
    /// Normalize a text and print the NormalizeResponse as JSON.
    Normalize(DocumentArgs),
    /// Segment a text into paragraphs, sentences and tokens.
    Segment(DocumentArgs),
    /// Extract dates, times, durations, numbers, ordinals, money, quantities, phone numbers, links and tags.
    Extract(DocumentArgs),
    /// Normalize, segment and extract in one pass.
    Analyze(DocumentArgs),
    /// Score the core against gold data (precision, recall, F1).
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Print GetServiceInfo: version, limits, profiles, entity types.
    Info {
        /// Ask this server (http://HOST:PORT) instead of the embedded core.
        #[arg(long, env = "LISAN_REMOTE")]
        remote: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Sentence segmentation against a file of one gold sentence per line.
    Sentences {
        #[arg(long)]
        gold: std::path::PathBuf,
    },
    /// Extraction against a corpus in Duckling's format (pass rate per dimension).
    Duckling {
        #[arg(long)]
        corpus: std::path::PathBuf,
    },
    /// Sentences, tokens and words against a CoNLL-U treebank (CoNLL 2018 measures).
    Conllu {
        #[arg(long)]
        gold: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LISAN_LISTEN", default_value = "127.0.0.1:50051")]
    pub listen: SocketAddr,
    /// Largest Document.text accepted, in UTF-8 bytes (INVALID_ARGUMENT above);
    /// at most 4294967295, as spans are 32-bit.
    #[arg(long, env = "LISAN_MAX_DOCUMENT_BYTES", default_value_t = config::DEFAULT_MAX_DOCUMENT_BYTES,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=u64::from(u32::MAX)))]
    pub max_document_bytes: usize,
    /// Largest request message, in bytes (OUT_OF_RANGE above).
    #[arg(long, env = "LISAN_MAX_REQUEST_BYTES", default_value_t = config::DEFAULT_MAX_REQUEST_BYTES)]
    pub max_request_bytes: usize,
    /// Largest response message, in bytes.
    #[arg(long, env = "LISAN_MAX_RESPONSE_BYTES", default_value_t = config::DEFAULT_MAX_RESPONSE_BYTES)]
    pub max_response_bytes: usize,
    /// Documents processed at once (default: one per core).
    #[arg(long, env = "LISAN_MAX_CONCURRENT_DOCUMENTS", default_value_t = config::default_concurrency())]
    pub max_concurrent_documents: usize,
    /// Documents of one AnalyzeStream in progress before the server stops reading it.
    #[arg(long, env = "LISAN_MAX_STREAM_IN_FLIGHT", default_value_t = config::DEFAULT_MAX_STREAM_IN_FLIGHT)]
    pub max_stream_in_flight: usize,
    /// On SIGTERM: milliseconds to report NOT_SERVING while still serving.
    #[arg(long, env = "LISAN_SHUTDOWN_DRAIN_MS", default_value_t = 0)]
    pub shutdown_drain_ms: u64,
    /// Then: seconds in-flight calls may take before the server stops anyway.
    #[arg(long, env = "LISAN_SHUTDOWN_GRACE_SECONDS", default_value_t = 30)]
    pub shutdown_grace_seconds: u64,
}

impl ServeArgs {
    pub fn config(&self) -> Config {
        Config {
            max_document_bytes: self.max_document_bytes,
            max_request_bytes: self.max_request_bytes,
            max_response_bytes: self.max_response_bytes,
            max_concurrent_documents: self.max_concurrent_documents,
            max_stream_in_flight: self.max_stream_in_flight,
            shutdown_drain: Duration::from_millis(self.shutdown_drain_ms),
            shutdown_grace: Duration::from_secs(self.shutdown_grace_seconds),
        }
    }
}

#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The text file to read, or - for standard input.
    #[arg(default_value = "-")]
    pub input: String,
    /// Send the request to this server (http://HOST:PORT) instead of running locally.
    #[arg(long, env = "LISAN_REMOTE")]
    pub remote: Option<String>,
    /// Document id, echoed back.
    #[arg(long, default_value = "")]
    pub id: String,
    /// BCP-47 language hint.
    #[arg(long, default_value = "")]
    pub language: String,
    /// Unit of every offset in the output.
    #[arg(long, value_enum, default_value = "utf8")]
    pub offset_unit: Unit,
    /// Normalization profile (for segment: of the tokens' normalized forms).
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Reference time for relative dates, RFC 3339 (default: now).
    #[arg(long)]
    pub reference_time: Option<String>,
    /// The input is HTML: process its text, report spans into the markup.
    #[arg(long)]
    pub html: bool,
    /// Send the input as bytes in this charset (a WHATWG label such as
    /// windows-1256); `auto` lets the server detect it.
    #[arg(long)]
    pub charset: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Unit {
    Utf8,
    Utf16,
    Codepoint,
}

impl From<Unit> for pb::OffsetUnit {
    fn from(u: Unit) -> Self {
        match u {
            Unit::Utf8 => pb::OffsetUnit::Utf8Byte,
            Unit::Utf16 => pb::OffsetUnit::Utf16CodeUnit,
            Unit::Codepoint => pb::OffsetUnit::CodePoint,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ProfileArg {
    None,
    Nfc,
    Search,
}

impl DocumentArgs {
    /// The document: the input's text with the id, language and reference time.
    pub fn document(&self) -> Result<pb::Document, Box<dyn std::error::Error>> {
        let reference_time = match &self.reference_time {
            Some(t) => {
                let parsed = chrono::DateTime::parse_from_rfc3339(t)
                    .map_err(|e| format!("--reference-time {t}: {e}"))?;
                Some(prost_types::Timestamp {
                    seconds: parsed.timestamp(),
                    nanos: parsed.timestamp_subsec_nanos() as i32,
                })
            }
            None => None,
        };
        let content_type = if self.html {
            pb::ContentType::Html
        } else {
            pb::ContentType::PlainText
        };
        let mut document = pb::Document {
            id: self.id.clone(),
            language_code: self.language.clone(),
            reference_time,
            content_type: content_type as i32,
            ..Default::default()
        };
        let bytes = super::read_input(&self.input)?;
        match &self.charset {
            Some(label) => {
                document.content = bytes;
                document.charset = if label == "auto" {
                    String::new()
                } else {
                    label.clone()
                };
            }
            None => {
                document.text = String::from_utf8(bytes).map_err(|e| {
                    format!(
                        "{}: not UTF-8 ({e}); name its charset with --charset",
                        self.input
                    )
                })?;
            }
        }
        Ok(document)
    }

    pub fn normalize_options(&self) -> Option<pb::NormalizeOptions> {
        let profile = match self.profile? {
            ProfileArg::None => pb::NormalizationProfile::None,
            ProfileArg::Nfc => pb::NormalizationProfile::Nfc,
            ProfileArg::Search => pb::NormalizationProfile::Search,
        };
        Some(pb::NormalizeOptions {
            profile: profile as i32,
            ..Default::default()
        })
    }
}
