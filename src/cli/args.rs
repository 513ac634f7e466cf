//! Command-line arguments (clap), with environment-variable fallbacks.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::proto::v1 as pb;
use crate::server::auth::Tokens;
use crate::server::config::{self, Config, TlsPem};

/// Lisan: text normalization, segmentation and extraction, excellent on Arabic.
#[derive(Debug, Parser)]
#[command(name = "lisan", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Log filter (tracing EnvFilter syntax), logs go to standard error
    /// (default: `info` for `serve`, which logs one line per call; `warn`
    /// for the other commands).
    #[arg(long, env = "LISAN_LOG", global = true)]
    pub log: Option<String>,
    /// Log format: `text` for people, `json` (one object per line) for collectors.
    #[arg(
        long,
        env = "LISAN_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
    /// Export spans to this OpenTelemetry collector over OTLP/HTTP
    /// (`http://collector:4318/v1/traces`).
    #[cfg(feature = "otlp")]
    #[arg(long, env = "LISAN_OTLP_ENDPOINT", global = true)]
    pub otlp_endpoint: Option<String>,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
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
    /// Train a model (`lisan train ner`).
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Score the core against gold data (precision, recall, F1).
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Analyze a corpus (JSONL, a directory or stdin) into JSONL, in order,
    /// locally or on servers; resumable.
    Batch(super::batch::BatchArgs),
    /// Load a server (loopback only by default) for a bounded time:
    /// requests/s, MB/s, latency percentiles, errors by code, server memory.
    Loadtest(super::loadtest::LoadtestArgs),
    /// Ask a server's grpc.health.v1 whether it serves: exit 0 when SERVING,
    /// 1 otherwise (for container health checks; needs no grpc_health_probe).
    Health {
        /// The server (http://HOST:PORT).
        #[arg(long, env = "LISAN_REMOTE", default_value = "http://127.0.0.1:50051")]
        remote: String,
        /// The service to ask about ("" is the whole server).
        #[arg(long, default_value = "lisan.v1.TextService")]
        service: String,
        /// Give up after this many milliseconds.
        #[arg(long, default_value_t = 2000)]
        timeout_ms: u64,
    },
    /// Print GetServiceInfo: version, limits, profiles, entity types.
    Info {
        /// Ask this server (http://HOST:PORT) instead of the embedded core.
        #[arg(long, env = "LISAN_REMOTE")]
        remote: Option<String>,
        /// Instead: write the service's encoded FileDescriptorSet (lisan.v1
        /// and its imports, as served by reflection) to this file, for
        /// code generators and `buf breaking`.
        #[arg(long, conflicts_with = "remote")]
        descriptor_set: Option<PathBuf>,
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
        /// Also print each failing row (dimension, text, expected, found) to standard error.
        #[arg(long)]
        show_failures: bool,
    },
    /// Sentences, tokens and words against a CoNLL-U treebank (CoNLL 2018
    /// measures), and the words of named entities against its proper nouns.
    Conllu {
        #[arg(long)]
        gold: std::path::PathBuf,
    },
    /// The named-entity tagger on CoNLL data: entity-level P/R/F1 per type.
    Ner {
        #[arg(long)]
        gold: std::path::PathBuf,
        /// Score this model instead of the embedded one.
        #[arg(long)]
        ner_model: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger (structured averaged perceptron) on CoNLL data.
    Ner(super::ner::TrainNerArgs),
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
    /// Documents processed at once on the CPU-bound pool (default: one per
    /// core; light jobs, about 50 µs of work, run where they arrive).
    #[arg(long, env = "LISAN_MAX_CONCURRENT_DOCUMENTS", default_value_t = config::default_concurrency())]
    pub max_concurrent_documents: usize,
    /// Documents of one AnalyzeStream in progress before the server stops reading it.
    #[arg(long, env = "LISAN_MAX_STREAM_IN_FLIGHT", default_value_t = config::DEFAULT_MAX_STREAM_IN_FLIGHT)]
    pub max_stream_in_flight: usize,
    /// Calls (unary, or whole streams) admitted at once; more are refused at
    /// once with RESOURCE_EXHAUSTED and RetryInfo (load shedding).
    #[arg(long, env = "LISAN_MAX_CONCURRENT_REQUESTS", default_value_t = config::DEFAULT_MAX_CONCURRENT_REQUESTS)]
    pub max_concurrent_requests: usize,
    /// The wait RetryInfo suggests to a shed caller, in milliseconds.
    #[arg(long, env = "LISAN_RETRY_AFTER_MS", default_value_t = config::DEFAULT_RETRY_AFTER.as_millis() as u64)]
    pub retry_after_ms: u64,
    /// Longest processing of one request or stream item, in milliseconds,
    /// before DEADLINE_EXCEEDED (a shorter client deadline wins); 0: no limit.
    #[arg(long, env = "LISAN_REQUEST_TIMEOUT_MS", default_value_t = config::DEFAULT_REQUEST_TIMEOUT.as_millis() as u64)]
    pub request_timeout_ms: u64,
    /// HTTP/2 keepalive ping interval, in seconds; 0: no pings.
    #[arg(long, env = "LISAN_KEEPALIVE_INTERVAL_SECONDS", default_value_t = 0)]
    pub keepalive_interval_seconds: u64,
    /// Seconds to wait for a keepalive answer before closing the connection.
    #[arg(long, env = "LISAN_KEEPALIVE_TIMEOUT_SECONDS", default_value_t = config::DEFAULT_KEEPALIVE_TIMEOUT.as_secs())]
    pub keepalive_timeout_seconds: u64,
    /// Close connections (gracefully) after this many seconds so load
    /// balancers rebalance; 0: never.
    #[arg(long, env = "LISAN_MAX_CONNECTION_AGE_SECONDS", default_value_t = 0)]
    pub max_connection_age_seconds: u64,
    /// Serve TLS with this PEM certificate chain (needs --tls-key).
    #[arg(long, env = "LISAN_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert.
    #[arg(long, env = "LISAN_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Require client certificates signed by this PEM CA (mutual TLS).
    #[arg(long, env = "LISAN_TLS_CLIENT_CA", requires = "tls_cert")]
    pub tls_client_ca: Option<PathBuf>,
    /// Require `authorization: Bearer <token>` with one of the tokens in
    /// this file (one per line, `#` comments) on TextService calls.
    #[arg(long, env = "LISAN_AUTH_TOKEN_FILE")]
    pub auth_token_file: Option<PathBuf>,
    /// Also accept gRPC-Web (for browsers; HTTP/1.1 is then accepted too).
    #[arg(long, env = "LISAN_GRPC_WEB")]
    pub grpc_web: bool,
    /// Also serve the HTTP/JSON API, /openapi.json and the playground page
    /// at http://ADDR/; off when unset.
    #[arg(long, env = "LISAN_HTTP_LISTEN")]
    pub http_listen: Option<SocketAddr>,
    /// HTTP/JSON API: milliseconds a client may take to send a request's
    /// headers, and its body (408 after).
    #[arg(long, env = "LISAN_HTTP_READ_TIMEOUT_MS", default_value_t = config::DEFAULT_HTTP_READ_TIMEOUT.as_millis() as u64)]
    pub http_read_timeout_ms: u64,
    /// Serve Prometheus metrics at http://ADDR/metrics; off when unset.
    #[arg(long, env = "LISAN_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// On SIGTERM: milliseconds to report NOT_SERVING while still serving.
    #[arg(long, env = "LISAN_SHUTDOWN_DRAIN_MS", default_value_t = 0)]
    pub shutdown_drain_ms: u64,
    /// Then: seconds in-flight calls may take before the server stops anyway.
    #[arg(long, env = "LISAN_SHUTDOWN_GRACE_SECONDS", default_value_t = 30)]
    pub shutdown_grace_seconds: u64,
    /// Milliseconds an AnalyzeStream answer may wait for a client that
    /// stopped reading before the stream ends (DEADLINE_EXCEEDED); 0: no limit.
    #[arg(long, env = "LISAN_STREAM_SEND_TIMEOUT_MS", default_value_t = config::DEFAULT_STREAM_SEND_TIMEOUT.as_millis() as u64)]
    pub stream_send_timeout_ms: u64,
    /// Test and benchmark mode: answer every TextService RPC without
    /// processing (the gRPC stack alone, the baseline of `lisan loadtest`).
    #[arg(long, env = "LISAN_ECHO")]
    pub echo: bool,
    /// Tag named entities with this model (from `lisan train ner`) instead
    /// of the embedded one; a corrupt or incompatible file stops start-up.
    #[arg(long, env = "LISAN_NER_MODEL")]
    pub ner_model: Option<PathBuf>,
}

/// Seconds or milliseconds where 0 means "off".
fn nonzero(duration: Duration) -> Option<Duration> {
    (!duration.is_zero()).then_some(duration)
}

/// A file named by a flag, read whole (the error names the flag).
fn read(flag: &str, path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{flag} {}: {e}", path.display()))
}

impl ServeArgs {
    /// The server configuration, with the TLS and token files read.
    pub fn config(&self) -> Result<Config, String> {
        let tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(TlsPem {
                cert: read("--tls-cert", cert)?,
                key: read("--tls-key", key)?,
                client_ca: match &self.tls_client_ca {
                    Some(ca) => Some(read("--tls-client-ca", ca)?),
                    None => None,
                },
            }),
            _ => None,
        };
        let auth_tokens = match &self.auth_token_file {
            Some(path) => {
                let text = String::from_utf8(read("--auth-token-file", path)?)
                    .map_err(|_| "--auth-token-file: not UTF-8".to_string())?;
                Some(Tokens::parse(&text).ok_or("--auth-token-file holds no token")?)
            }
            None => None,
        };
        Ok(Config {
            max_document_bytes: self.max_document_bytes,
            max_request_bytes: self.max_request_bytes,
            max_response_bytes: self.max_response_bytes,
            max_concurrent_documents: self.max_concurrent_documents,
            max_stream_in_flight: self.max_stream_in_flight,
            max_concurrent_requests: self.max_concurrent_requests,
            retry_after: Duration::from_millis(self.retry_after_ms),
            request_timeout: nonzero(Duration::from_millis(self.request_timeout_ms)),
            keepalive_interval: nonzero(Duration::from_secs(self.keepalive_interval_seconds)),
            keepalive_timeout: Duration::from_secs(self.keepalive_timeout_seconds),
            max_connection_age: nonzero(Duration::from_secs(self.max_connection_age_seconds)),
            tls,
            auth_tokens,
            grpc_web: self.grpc_web,
            metrics: Default::default(),
            shutdown_drain: Duration::from_millis(self.shutdown_drain_ms),
            shutdown_grace: Duration::from_secs(self.shutdown_grace_seconds),
            stream_send_timeout: nonzero(Duration::from_millis(self.stream_send_timeout_ms)),
            echo: self.echo,
            http_read_timeout: Duration::from_millis(self.http_read_timeout_ms.max(1)),
            ner_model: load_ner_model(self.ner_model.as_deref())?,
        })
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
    /// Time zone that dates and times resolve in: a fixed UTC offset
    /// (`+03:00`), `UTC`, or an IANA zone (`Asia/Riyadh`) (default: UTC).
    #[arg(long)]
    pub time_zone: Option<String>,
    /// The input is HTML: process its text, report spans into the markup.
    #[arg(long)]
    pub html: bool,
    /// Send the input as bytes in this charset (a WHATWG label such as
    /// windows-1256); `auto` lets the server detect it.
    #[arg(long)]
    pub charset: Option<String>,
    /// Segment and analyze: also split Arabic clitics off each token,
    /// reporting the article as the treebanks do or as a morpheme of its own.
    #[arg(long, value_enum)]
    pub clitics: Option<CliticsArg>,
    /// Extract: also the page structure (zones, articles, metadata fields).
    #[arg(long)]
    pub page: bool,
    /// Extract: also at most this many keyphrases.
    #[arg(long)]
    pub keyphrases: Option<u32>,
    /// Extract: also the document's and each paragraph's language.
    #[arg(long)]
    pub paragraph_languages: bool,
    /// Run locally with this named-entity model instead of the embedded one.
    #[arg(long, env = "LISAN_NER_MODEL")]
    pub ner_model: Option<PathBuf>,
}

/// The model `--ner-model` names (refused with a clear message when
/// corrupt or of another version), or the embedded one.
pub fn load_ner_model(
    path: Option<&Path>,
) -> Result<std::sync::Arc<crate::core::ner::Model>, String> {
    match path {
        Some(path) => crate::core::ner::Model::load(path)
            .map(std::sync::Arc::new)
            .map_err(|e| format!("--ner-model: {e}")),
        None => Ok(crate::core::ner::Model::embedded()),
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CliticsArg {
    Treebank,
    SeparateArticle,
}

impl DocumentArgs {
    /// The segmentation levels and clitic convention the flags ask for
    /// (empty levels: the server's default).
    pub fn segment_levels(&self) -> (Vec<i32>, i32) {
        let Some(clitics) = self.clitics else {
            return (Vec::new(), 0);
        };
        let levels = [
            pb::SegmentLevel::Paragraph,
            pb::SegmentLevel::Sentence,
            pb::SegmentLevel::Token,
            pb::SegmentLevel::Morpheme,
        ];
        let convention = match clitics {
            CliticsArg::Treebank => pb::CliticConvention::Treebank,
            CliticsArg::SeparateArticle => pb::CliticConvention::SeparateArticle,
        };
        (levels.map(|l| l as i32).to_vec(), convention as i32)
    }
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
            Some(t) => Some(timestamp(t).map_err(|e| format!("--reference-time {e}"))?),
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
            time_zone: self.time_zone.clone().unwrap_or_default(),
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

/// An RFC 3339 time (`2024-07-23T10:30:00+03:00`) as a protobuf timestamp;
/// the error names the input.
pub fn timestamp(rfc3339: &str) -> Result<prost_types::Timestamp, String> {
    let parsed =
        chrono::DateTime::parse_from_rfc3339(rfc3339).map_err(|e| format!("{rfc3339}: {e}"))?;
    Ok(prost_types::Timestamp {
        seconds: parsed.timestamp(),
        nanos: parsed.timestamp_subsec_nanos() as i32,
    })
}
