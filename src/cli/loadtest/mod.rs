//! `lisan loadtest`: a bounded load against one server, reporting
//! requests/s, MB/s, latency percentiles, errors by status code and (for a
//! local server) its memory and descriptors sampled from `/proc`.
//!
//! `--concurrency` workers each send one request at a time, as fast as the
//! server answers, over `--connections` HTTP/2 connections, for
//! `--duration` seconds (and at most `--max-requests`). Documents are
//! generated with [`crate::core::corpus`], so two runs load the same text.
//! Run it against `lisan serve --echo` for the baseline of the gRPC stack.

mod procfs;
mod report;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use tonic::transport::{Channel, Endpoint};
use tonic::Status;

use crate::core::corpus::{self, Mix};
use crate::proto::v1 as pb;
use crate::proto::v1::text_service_client::TextServiceClient;
pub use report::{Latency, Report, Sample, ServerFigures};

type CliError = Box<dyn std::error::Error>;

/// Upper bounds that keep a mistyped command from running away.
const MAX_CONCURRENCY: usize = 4096;
const MAX_DURATION_SECONDS: f64 = 24.0 * 3600.0;
const MAX_DOC_BYTES: usize = 64 << 20;

#[derive(Debug, Args)]
pub struct LoadtestArgs {
    /// The server (http://HOST:PORT); loopback only unless --allow-remote.
    #[arg(long, default_value = "http://127.0.0.1:50051")]
    pub remote: String,
    /// The RPC to call (normalize uses the SEARCH profile; the others
    /// their defaults).
    #[arg(long, value_enum, default_value = "analyze")]
    pub rpc: Rpc,
    /// Requests in flight at once (one per worker).
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// HTTP/2 connections the workers share (default: concurrency, at most 4).
    #[arg(long)]
    pub connections: Option<usize>,
    /// Seconds to run.
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    /// Requests per second to send, spread over the workers (an open-loop
    /// pace, for latency at a given load); default: as fast as answered.
    #[arg(long)]
    pub rate: Option<f64>,
    /// Stop after this many requests even if time is left.
    #[arg(long)]
    pub max_requests: Option<u64>,
    /// Bytes of each document.
    #[arg(long, default_value_t = 1024)]
    pub doc_size: usize,
    /// Different documents sent in turn.
    #[arg(long, default_value_t = 64)]
    pub docs: usize,
    /// What the documents are written in.
    #[arg(long, value_enum, default_value = "arabic")]
    pub mix: MixArg,
    /// Deadline of each request, in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    pub timeout_ms: u64,
    /// The server's process id, for its memory and descriptors (default:
    /// the process listening on the port, when the server is local).
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Milliseconds between samples of the server's memory and descriptors.
    #[arg(long, default_value_t = 1000)]
    pub sample_ms: u64,
    /// Allow a server that is not on this machine's loopback.
    #[arg(long)]
    pub allow_remote: bool,
    /// Print the report as one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Rpc {
    Analyze,
    Normalize,
    Segment,
    Extract,
}

impl Rpc {
    fn name(self) -> &'static str {
        match self {
            Rpc::Analyze => "Analyze",
            Rpc::Normalize => "Normalize",
            Rpc::Segment => "Segment",
            Rpc::Extract => "Extract",
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MixArg {
    Arabic,
    Mixed,
}

/// Runs the load and prints the report.
pub async fn run(args: LoadtestArgs) -> Result<(), CliError> {
    let report = load(&args).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(())
}

/// Checks the arguments, runs the load and measures it.
pub async fn load(args: &LoadtestArgs) -> Result<Report, CliError> {
    check_bounds(args)?;
    let uri: http::Uri = args
        .remote
        .parse()
        .map_err(|e| format!("--remote {}: {e}", args.remote))?;
    let host = uri.host().ok_or("--remote needs a host")?.to_string();
    let port = uri.port_u16().unwrap_or(80);
    if !args.allow_remote && !is_loopback(&host, port).await? {
        return Err(format!(
            "--remote {}: not a loopback address; pass --allow-remote to load another machine",
            args.remote
        )
        .into());
    }
    let server_pid = args.server_pid.or_else(|| procfs::listener_pid(port));

    let mix = match args.mix {
        MixArg::Arabic => Mix::Arabic,
        MixArg::Mixed => Mix::Mixed,
    };
    let documents: Arc<Vec<String>> =
        Arc::new(corpus::documents(args.docs.max(1), args.doc_size, 1, mix));
    let connections = args
        .connections
        .unwrap_or(args.concurrency.min(4))
        .clamp(1, args.concurrency);
    let mut channels = Vec::with_capacity(connections);
    for _ in 0..connections {
        channels.push(
            Endpoint::from_shared(args.remote.clone())?
                .connect()
                .await
                .map_err(|e| format!("{}: {e}", args.remote))?,
        );
    }

    let sent = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = server_pid.map(|pid| {
        let stop = stop.clone();
        tokio::spawn(sample(
            pid,
            Duration::from_millis(args.sample_ms.max(10)),
            stop,
        ))
    });
    let started = Instant::now();
    let end = started + Duration::from_secs_f64(args.duration);
    let mut workers = Vec::with_capacity(args.concurrency);
    for worker in 0..args.concurrency {
        let plan = Plan {
            client: TextServiceClient::new(channels[worker % connections].clone())
                .max_decoding_message_size(usize::MAX),
            rpc: args.rpc,
            documents: documents.clone(),
            first: worker,
            stride: args.concurrency,
            end,
            max_requests: args.max_requests.unwrap_or(u64::MAX),
            sent: sent.clone(),
            timeout: Duration::from_millis(args.timeout_ms),
            // Each worker sends its share of the rate, the workers offset.
            pace: args.rate.filter(|r| *r > 0.0).map(|rate| {
                let interval = Duration::from_secs_f64(args.concurrency as f64 / rate);
                let offset = interval.mul_f64(worker as f64 / args.concurrency as f64);
                (started + offset, interval)
            }),
        };
        workers.push(tokio::spawn(plan.run()));
    }
    let mut tally = Tally::default();
    for worker in workers {
        tally.merge(worker.await?);
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let samples = match sampler {
        Some(task) => task.await?,
        None => Vec::new(),
    };
    Ok(Report::new(
        args.rpc.name(),
        args,
        connections,
        elapsed,
        tally,
        server_pid.map(|pid| ServerFigures { pid, samples }),
    ))
}

fn check_bounds(args: &LoadtestArgs) -> Result<(), CliError> {
    if args.concurrency == 0 || args.concurrency > MAX_CONCURRENCY {
        return Err(format!("--concurrency: 1 to {MAX_CONCURRENCY}").into());
    }
    if !(args.duration > 0.0 && args.duration <= MAX_DURATION_SECONDS) {
        return Err(format!("--duration: more than 0 and at most {MAX_DURATION_SECONDS} s").into());
    }
    if args.doc_size == 0 || args.doc_size > MAX_DOC_BYTES {
        return Err(format!("--doc-size: 1 to {MAX_DOC_BYTES} bytes").into());
    }
    Ok(())
}

/// Whether every address `host` names is on the loopback interface.
async fn is_loopback(host: &str, port: u16) -> Result<bool, CliError> {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(ip.is_loopback());
    }
    let addresses: Vec<_> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| format!("--remote {host}: {e}"))?
        .collect();
    Ok(!addresses.is_empty() && addresses.iter().all(|a| a.ip().is_loopback()))
}

/// Samples the server's memory and descriptors until `stop`.
async fn sample(pid: u32, every: Duration, stop: Arc<AtomicBool>) -> Vec<Sample> {
    let started = Instant::now();
    let mut samples = Vec::new();
    loop {
        if let (Some(rss_kib), Some(fds), Some(cpu_seconds)) = (
            procfs::rss_kib(pid),
            procfs::open_fds(pid),
            procfs::cpu_seconds(pid),
        ) {
            samples.push(Sample {
                seconds: started.elapsed().as_secs_f64(),
                rss_kib,
                fds,
                cpu_seconds,
            });
        }
        if stop.load(Ordering::Relaxed) {
            return samples;
        }
        tokio::time::sleep(every).await;
    }
}

/// What one worker sends.
struct Plan {
    client: TextServiceClient<Channel>,
    rpc: Rpc,
    documents: Arc<Vec<String>>,
    first: usize,
    stride: usize,
    end: Instant,
    max_requests: u64,
    sent: Arc<AtomicU64>,
    timeout: Duration,
    /// When to send the first request and the interval between two.
    pace: Option<(Instant, Duration)>,
}

/// What the workers counted.
#[derive(Default)]
pub struct Tally {
    /// Latency of every answered request (any status), in microseconds.
    pub latencies_us: Vec<u32>,
    /// Requests answered OK.
    pub ok: u64,
    /// Requests answered with another status, by code name.
    pub errors: BTreeMap<String, u64>,
    /// Document bytes of the requests answered OK.
    pub bytes: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.latencies_us.extend(other.latencies_us);
        self.ok += other.ok;
        self.bytes += other.bytes;
        for (code, n) in other.errors {
            *self.errors.entry(code).or_default() += n;
        }
    }
}

impl Plan {
    async fn run(mut self) -> Tally {
        let mut tally = Tally::default();
        let mut next = self.first;
        let documents = self.documents.clone();
        let mut sends = 0u32;
        loop {
            // Paced, latency counts from when the request was due (a late
            // send is waiting the client would have seen too).
            let due = self.pace.map(|(first, interval)| first + interval * sends);
            if let Some(due) = due {
                tokio::time::sleep_until(due.into()).await;
                sends += 1;
            }
            if Instant::now() >= self.end
                || self.sent.fetch_add(1, Ordering::Relaxed) >= self.max_requests
            {
                break;
            }
            let text = &documents[next % documents.len()];
            next += self.stride;
            let started = due.unwrap_or_else(Instant::now);
            let outcome = tokio::time::timeout(self.timeout, self.call(text)).await;
            let micros = started.elapsed().as_micros().min(u32::MAX as u128) as u32;
            tally.latencies_us.push(micros);
            match outcome {
                Ok(Ok(())) => {
                    tally.ok += 1;
                    tally.bytes += text.len() as u64;
                }
                Ok(Err(status)) => {
                    *tally
                        .errors
                        .entry(format!("{:?}", status.code()))
                        .or_default() += 1
                }
                Err(_) => *tally.errors.entry("DeadlineExceeded".into()).or_default() += 1,
            }
        }
        tally
    }

    /// One request of the plan's RPC; the answer is decoded and dropped.
    async fn call(&mut self, text: &str) -> Result<(), Status> {
        let document = Some(pb::Document {
            text: text.to_string(),
            ..Default::default()
        });
        let timeout = self.timeout;
        match self.rpc {
            Rpc::Analyze => {
                let message = pb::AnalyzeRequest {
                    document,
                    options: None,
                };
                self.client.analyze(with_deadline(message, timeout)).await?;
            }
            Rpc::Normalize => {
                let message = pb::NormalizeRequest {
                    document,
                    options: Some(pb::NormalizeOptions {
                        profile: pb::NormalizationProfile::Search as i32,
                        ..Default::default()
                    }),
                    ..Default::default()
                };
                self.client
                    .normalize(with_deadline(message, timeout))
                    .await?;
            }
            Rpc::Segment => {
                let message = pb::SegmentRequest {
                    document,
                    ..Default::default()
                };
                self.client.segment(with_deadline(message, timeout)).await?;
            }
            Rpc::Extract => {
                let message = pb::ExtractRequest {
                    document,
                    ..Default::default()
                };
                self.client.extract(with_deadline(message, timeout)).await?;
            }
        }
        Ok(())
    }
}

/// `message` as a request with a deadline (sent as `grpc-timeout`).
fn with_deadline<T>(message: T, timeout: Duration) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.set_timeout(timeout);
    request
}
