//! Prometheus metrics: what the service counts, and a minimal HTTP endpoint
//! (`GET /metrics`, text exposition format 0.0.4) on its own listener.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tonic::Code;

/// Upper bounds of the latency histogram buckets, in seconds.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Counters of the service. Cheap to update from many tasks.
#[derive(Debug, Default)]
pub struct Metrics {
    in_flight: AtomicI64,
    documents: AtomicU64,
    per_method: Mutex<BTreeMap<&'static str, MethodStats>>,
}

#[derive(Debug, Default)]
struct MethodStats {
    /// Finished calls by status code name.
    by_code: BTreeMap<&'static str, u64>,
    /// Calls refused by load shedding (also counted in `by_code`).
    shed: u64,
    bytes_in: u64,
    bytes_out: u64,
    /// Count per latency bucket (not cumulative), then the sum in seconds.
    buckets: [u64; LATENCY_BUCKETS.len() + 1],
    latency_sum: f64,
}

/// What one finished call reports.
#[derive(Debug)]
pub struct CallRecord {
    pub method: &'static str,
    pub code: Code,
    pub elapsed: Duration,
    pub bytes_in: usize,
    pub bytes_out: usize,
}

/// Counts one call in flight while it lives.
#[derive(Debug)]
pub struct InFlight<'a>(&'a Metrics);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    /// Marks a call in flight until the guard drops.
    pub fn in_flight(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self)
    }

    /// Counts one document processed (a unary call or a stream item).
    pub fn document_processed(&self) {
        self.documents.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a call refused by load shedding.
    pub fn shed(&self, method: &'static str) {
        self.with(method, |m| m.shed += 1);
    }

    /// Counts a finished call: its code, latency and sizes.
    pub fn record(&self, call: &CallRecord) {
        self.with(call.method, |m| {
            *m.by_code.entry(code_name(call.code)).or_default() += 1;
            m.bytes_in += call.bytes_in as u64;
            m.bytes_out += call.bytes_out as u64;
            let seconds = call.elapsed.as_secs_f64();
            let bucket = LATENCY_BUCKETS
                .iter()
                .position(|&le| seconds <= le)
                .unwrap_or(LATENCY_BUCKETS.len());
            m.buckets[bucket] += 1;
            m.latency_sum += seconds;
        });
    }

    fn with(&self, method: &'static str, update: impl FnOnce(&mut MethodStats)) {
        let mut map = self.per_method.lock().unwrap_or_else(|e| e.into_inner());
        update(map.entry(method).or_default());
    }

    /// The metrics in Prometheus text format.
    pub fn render(&self) -> String {
        let map = self.per_method.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        let mut family = |name: &str, kind: &str, help: &str| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
        };
        family(
            "lisan_requests_total",
            "counter",
            "Finished calls by method and gRPC status code.",
        );
        family(
            "lisan_request_duration_seconds",
            "histogram",
            "Time from receiving a call to answering it.",
        );
        family(
            "lisan_request_bytes_total",
            "counter",
            "Request message bytes received (decoded).",
        );
        family(
            "lisan_response_bytes_total",
            "counter",
            "Response message bytes sent (before compression).",
        );
        family(
            "lisan_shed_requests_total",
            "counter",
            "Calls refused with RESOURCE_EXHAUSTED by load shedding.",
        );
        family(
            "lisan_documents_processed_total",
            "counter",
            "Documents processed (unary calls and stream items).",
        );
        family(
            "lisan_in_flight_requests",
            "gauge",
            "Calls being served now.",
        );
        for (method, m) in map.iter() {
            for (code, n) in &m.by_code {
                let _ = writeln!(
                    out,
                    "lisan_requests_total{{method=\"{method}\",code=\"{code}\"}} {n}"
                );
            }
            let mut cumulative = 0;
            for (i, le) in LATENCY_BUCKETS.iter().enumerate() {
                cumulative += m.buckets[i];
                let _ = writeln!(out, "lisan_request_duration_seconds_bucket{{method=\"{method}\",le=\"{le}\"}} {cumulative}");
            }
            cumulative += m.buckets[LATENCY_BUCKETS.len()];
            let _ = writeln!(out, "lisan_request_duration_seconds_bucket{{method=\"{method}\",le=\"+Inf\"}} {cumulative}");
            let _ = writeln!(
                out,
                "lisan_request_duration_seconds_sum{{method=\"{method}\"}} {}",
                m.latency_sum
            );
            let _ = writeln!(
                out,
                "lisan_request_duration_seconds_count{{method=\"{method}\"}} {cumulative}"
            );
            let _ = writeln!(
                out,
                "lisan_request_bytes_total{{method=\"{method}\"}} {}",
                m.bytes_in
            );
            let _ = writeln!(
                out,
                "lisan_response_bytes_total{{method=\"{method}\"}} {}",
                m.bytes_out
            );
            let _ = writeln!(
                out,
                "lisan_shed_requests_total{{method=\"{method}\"}} {}",
                m.shed
            );
        }
        let _ = writeln!(
            out,
            "lisan_documents_processed_total {}",
            self.documents.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "lisan_in_flight_requests {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        out
    }
}

/// The canonical name of a gRPC code, as in the gRPC spec (`DEADLINE_EXCEEDED`).
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// Serves `GET /metrics` on `listener` until the task is dropped: one short
/// HTTP/1.1 exchange per connection, anything else gets 404.
pub async fn serve_metrics(listener: TcpListener, metrics: std::sync::Arc<Metrics>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let metrics = metrics.clone();
        tokio::spawn(async move {
            let _ = tokio::time::timeout(Duration::from_secs(5), answer(stream, &metrics)).await;
        });
    }
}

/// Largest request head read from a scraper.
const MAX_HEAD: usize = 8 * 1024;

async fn answer(mut stream: TcpStream, metrics: &Metrics) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = head.split(|&b| b == b'\r').next().unwrap_or_default();
    let is_metrics = line.starts_with(b"GET /metrics ") || line.starts_with(b"GET /metrics?");
    let (status, body) = if is_metrics {
        ("200 OK", metrics.render())
    } else {
        (
            "404 Not Found",
            "only GET /metrics is served here\n".to_string(),
        )
    };
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/plain; version=0.0.4; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_codes_counted() {
        let metrics = Metrics::default();
        for (ms, code) in [(3, Code::Ok), (40, Code::Ok), (40, Code::InvalidArgument)] {
            metrics.record(&CallRecord {
                method: "Normalize",
                code,
                elapsed: Duration::from_millis(ms),
                bytes_in: 10,
                bytes_out: 20,
            });
        }
        let text = metrics.render();
        for line in [
            "lisan_requests_total{method=\"Normalize\",code=\"OK\"} 2",
            "lisan_requests_total{method=\"Normalize\",code=\"INVALID_ARGUMENT\"} 1",
            "lisan_request_duration_seconds_bucket{method=\"Normalize\",le=\"0.005\"} 1",
            "lisan_request_duration_seconds_bucket{method=\"Normalize\",le=\"0.05\"} 3",
            "lisan_request_duration_seconds_bucket{method=\"Normalize\",le=\"+Inf\"} 3",
            "lisan_request_bytes_total{method=\"Normalize\"} 30",
            "lisan_response_bytes_total{method=\"Normalize\"} 60",
        ] {
            assert!(text.contains(line), "{line} missing from\n{text}");
        }
    }
}
