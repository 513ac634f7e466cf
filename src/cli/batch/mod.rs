//! `lisan batch`: a whole corpus through the service, in order, with
//! bounded memory, resumable.
//!
//! A reader thread cuts the input into chunks (one document locally, up to
//! [`REMOTE_CHUNK`] documents per `AnalyzeStream` call remotely) and spawns
//! each chunk's work; their handles queue in a channel of `--concurrency`
//! places, so at most that many chunks are in flight. The writer awaits the
//! handles in order and writes one line per document.

mod input;
mod output;

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tonic::{Code, Request, Status};

use crate::client::{Client, RetryPolicy};
use crate::proto::v1 as pb;
use crate::proto::v1::text_service_server::TextService;
use crate::server::{self, Service};
use input::Item;
use output::Outcome;

/// Documents sent in one `AnalyzeStream` call by default (the unit of
/// balancing and retry).
pub const REMOTE_CHUNK: usize = 32;

type CliError = Box<dyn std::error::Error>;

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSONL file (`{"id": ..., "text": ...}` a line), a directory of text
    /// files, or - for JSONL on standard input.
    #[arg(long, default_value = "-")]
    pub input: String,
    /// Where to write one JSON line per input document, in input order.
    #[arg(long)]
    pub output: PathBuf,
    /// Servers to send the documents to (comma-separated URLs, balanced);
    /// without it the embedded core does the work.
    #[arg(long, env = "LISAN_REMOTE", value_delimiter = ',')]
    pub remote: Vec<String>,
    /// Chunks in flight (local: documents processed at once; default: cores).
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Skip the ids already in --output and append the rest.
    #[arg(long)]
    pub resume: bool,
    /// Bearer token for the servers.
    #[arg(long, env = "LISAN_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// PEM CA to trust for https:// servers.
    #[arg(long)]
    pub tls_ca: Option<PathBuf>,
    /// Documents per AnalyzeStream call: the unit of balancing over servers
    /// and of retry (remote only).
    #[arg(long, default_value_t = REMOTE_CHUNK, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=4096))]
    pub stream_chunk: usize,
    /// Deadline of each AnalyzeStream call (one chunk), in milliseconds.
    #[arg(long, default_value_t = 60_000)]
    pub timeout_ms: u64,
    /// Tag named entities with this model (from `lisan train ner`) instead
    /// of the embedded one, loaded once; a corrupt or incompatible file stops
    /// the run before any document. Local only: servers use their own.
    #[arg(long, env = "LISAN_NER_MODEL")]
    pub ner_model: Option<PathBuf>,
}

/// Who does the work.
#[derive(Clone)]
enum Backend {
    Local(Service),
    /// The client, and the documents per stream.
    Remote(Box<Client>, usize),
}

impl Backend {
    fn new(args: &BatchArgs, concurrency: usize) -> Result<Backend, CliError> {
        if args.remote.is_empty() {
            return Ok(Backend::Local(Service::new(server::Config {
                max_concurrent_documents: concurrency,
                max_concurrent_requests: usize::MAX >> 4,
                ner_model: super::args::load_ner_model(args.ner_model.as_deref())?,
                ..server::Config::default()
            })));
        }
        if let Some(model) = &args.ner_model {
            return Err(format!(
                "--ner-model {}: the embedded core's model, but --remote sends the documents \
                 to servers, which use their own (start them with --ner-model)",
                model.display()
            )
            .into());
        }
        let mut builder = Client::builder(args.remote.clone())
            .timeout(Duration::from_millis(args.timeout_ms))
            .retry(RetryPolicy {
                max_attempts: 8,
                ..RetryPolicy::default()
            });
        if let Some(token) = &args.token {
            builder = builder.token(token.clone());
        }
        if let Some(ca) = &args.tls_ca {
            builder = builder.tls_ca_pem(std::fs::read(ca).map_err(|e| format!("--tls-ca: {e}"))?);
        }
        Ok(Backend::Remote(
            Box::new(builder.build()?),
            args.stream_chunk,
        ))
    }

    fn chunk_size(&self) -> usize {
        match self {
            Backend::Local(_) => 1,
            Backend::Remote(_, chunk) => *chunk,
        }
    }

    /// One outcome per document of the chunk, in order.
    async fn run(self, documents: Vec<pb::Document>) -> Vec<Outcome> {
        match self {
            Backend::Local(service) => {
                let mut outcomes = Vec::with_capacity(documents.len());
                for document in documents {
                    let request = pb::AnalyzeRequest {
                        document: Some(document),
                        options: None,
                    };
                    outcomes.push(match service.analyze(Request::new(request)).await {
                        Ok(response) => Outcome::Analysis(Box::new(
                            response.into_inner().analysis.unwrap_or_default(),
                        )),
                        Err(status) => Outcome::from_status(&status),
                    });
                }
                outcomes
            }
            Backend::Remote(client, _) => stream_chunk(&client, documents).await,
        }
    }
}

/// Sends `documents` through `AnalyzeStream`. When the call fails or breaks
/// (a replica going away, load shedding), the documents not yet answered
/// are sent again, with the client's backoff; those answered are kept.
async fn stream_chunk(client: &Client, documents: Vec<pb::Document>) -> Vec<Outcome> {
    let policy = RetryPolicy {
        max_attempts: 8,
        ..RetryPolicy::default()
    };
    let mut outcomes = Vec::with_capacity(documents.len());
    let mut failures = 0;
    while outcomes.len() < documents.len() {
        let rest: Vec<_> = documents[outcomes.len()..]
            .iter()
            .map(|d| pb::AnalyzeStreamRequest {
                document: Some(d.clone()),
                options: None,
            })
            .collect();
        let attempt = async {
            let mut answers = client.analyze_stream(tokio_stream::iter(rest)).await?;
            while let Some(answer) = answers.message().await? {
                outcomes.push(Outcome::from_stream(answer));
            }
            Ok::<(), Status>(())
        };
        let status = match attempt.await {
            Ok(()) if outcomes.len() == documents.len() => break,
            Ok(()) => Status::unavailable("the stream ended early"),
            Err(status) => status,
        };
        failures += 1;
        // A broken stream surfaces as UNKNOWN or INTERNAL from the transport;
        // item errors never end a stream, so these are worth another try.
        let status = match status.code() {
            Code::Unknown | Code::Internal | Code::Cancelled => {
                Status::unavailable(status.message())
            }
            _ => status,
        };
        match policy.delay(failures, &status) {
            Some(delay) => {
                tracing::warn!(
                    code = ?status.code(),
                    message = status.message(),
                    resend = documents.len() - outcomes.len(),
                    ?delay,
                    "stream failed; re-sending its unanswered documents"
                );
                tokio::time::sleep(delay).await
            }
            None => {
                while outcomes.len() < documents.len() {
                    outcomes.push(Outcome::from_status(&status));
                }
            }
        }
    }
    outcomes
}

/// A chunk's items and the work on its valid documents.
struct Chunk {
    items: Vec<(u64, String, Option<String>)>,
    work: JoinHandle<Vec<Outcome>>,
}

pub async fn run(args: BatchArgs) -> Result<(), CliError> {
    let concurrency = args
        .concurrency
        .unwrap_or_else(server::config::default_concurrency)
        .max(1);
    let backend = Backend::new(&args, concurrency)?;
    let done = if args.resume {
        output::resume(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?
    } else {
        HashSet::new()
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(args.resume)
        .write(true)
        .truncate(!args.resume)
        .open(&args.output)
        .map_err(|e| format!("{}: {e}", args.output.display()))?;
    let items = input::items(&args.input)?;

    let (chunks_tx, mut chunks_rx) = mpsc::channel::<Chunk>(concurrency);
    let runtime = tokio::runtime::Handle::current();
    let chunk_size = backend.chunk_size();
    let reader = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        let mut pending: Vec<Item> = Vec::with_capacity(chunk_size);
        let send = |pending: &mut Vec<Item>| {
            let chunk = spawn_chunk(&runtime, backend.clone(), std::mem::take(pending));
            chunks_tx.blocking_send(chunk).is_ok()
        };
        for item in items {
            let item = item?;
            if done.contains(&item.id) {
                continue;
            }
            pending.push(item);
            if pending.len() == chunk_size && !send(&mut pending) {
                return Ok(());
            }
        }
        if !pending.is_empty() {
            send(&mut pending);
        }
        Ok(())
    });

    let mut out = std::io::BufWriter::new(file);
    let progress = Progress::new();
    while let Some(chunk) = chunks_rx.recv().await {
        let mut outcomes = chunk.work.await?.into_iter();
        for (index, id, invalid) in chunk.items {
            let outcome = match invalid {
                Some(message) => Outcome::Error {
                    code: Code::InvalidArgument,
                    message,
                },
                None => outcomes.next().ok_or("a chunk lost an outcome")?,
            };
            let line = output::line(index, &id, &outcome)?;
            writeln!(out, "{line}")?;
            progress.document(line.len());
        }
        // Whole lines reach the file chunk by chunk, so an interrupted run
        // loses at most the chunks in flight and --resume finds whole lines.
        out.flush()?;
    }
    reader.await??;
    out.flush()?;
    progress.finish();
    Ok(())
}

fn spawn_chunk(runtime: &tokio::runtime::Handle, backend: Backend, items: Vec<Item>) -> Chunk {
    let mut documents = Vec::with_capacity(items.len());
    let items = items
        .into_iter()
        .map(|item| match item.document {
            Ok(document) => {
                documents.push(document);
                (item.index, item.id, None)
            }
            Err(message) => (item.index, item.id, Some(message)),
        })
        .collect();
    Chunk {
        items,
        work: runtime.spawn(backend.run(documents)),
    }
}

/// A progress bar on standard error when it is a terminal: documents,
/// documents/s and output MB/s. Silent otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    bytes: std::cell::Cell<usize>,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
            bytes: Default::default(),
        }
    }

    fn document(&self, bytes: usize) {
        self.bytes.set(self.bytes.get() + bytes);
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{:.1} documents/s, {:.2} MB/s written",
                bar.position() as f64 / seconds,
                self.bytes.get() as f64 / 1e6 / seconds
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}
