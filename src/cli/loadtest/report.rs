//! The figures of one load run, as text for people and JSON for scripts.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use serde_json::{json, Value};

use super::{LoadtestArgs, Tally};

/// Latency percentiles, in milliseconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Latency {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

impl Latency {
    /// Nearest-rank percentiles of `micros` (sorted here).
    pub fn of(micros: &mut [u32]) -> Latency {
        micros.sort_unstable();
        let at = |q: f64| -> f64 {
            if micros.is_empty() {
                return 0.0;
            }
            let rank = ((q * micros.len() as f64).ceil() as usize).clamp(1, micros.len());
            f64::from(micros[rank - 1]) / 1000.0
        };
        Latency {
            p50: at(0.50),
            p90: at(0.90),
            p99: at(0.99),
            p999: at(0.999),
            max: at(1.0),
        }
    }
}

/// The server's memory and descriptors at one moment of the run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Since the load started.
    pub seconds: f64,
    pub rss_kib: u64,
    pub fds: u64,
    /// CPU time the server has used since it started.
    pub cpu_seconds: f64,
}

/// What `/proc` said about a local server during the run.
#[derive(Clone, Debug)]
pub struct ServerFigures {
    pub pid: u32,
    pub samples: Vec<Sample>,
}

impl ServerFigures {
    fn peak_rss_kib(&self) -> u64 {
        self.samples.iter().map(|s| s.rss_kib).max().unwrap_or(0)
    }

    /// CPU time the server used between the first and the last sample.
    fn cpu_seconds(&self) -> f64 {
        match (self.samples.first(), self.samples.last()) {
            (Some(a), Some(b)) => b.cpu_seconds - a.cpu_seconds,
            _ => 0.0,
        }
    }
}

/// The figures of one run.
#[derive(Clone, Debug)]
pub struct Report {
    pub rpc: &'static str,
    pub concurrency: usize,
    pub connections: usize,
    pub doc_bytes: usize,
    pub seconds: f64,
    /// Requests sent and answered (OK or not): every request is counted
    /// once, a request the deadline cut as DeadlineExceeded.
    pub requests: u64,
    pub ok: u64,
    pub errors: BTreeMap<String, u64>,
    /// OK answers per second.
    pub requests_per_second: f64,
    /// Document megabytes (10^6) of OK answers per second.
    pub megabytes_per_second: f64,
    pub latency_ms: Latency,
    pub server: Option<ServerFigures>,
}

impl Report {
    pub(super) fn new(
        rpc: &'static str,
        args: &LoadtestArgs,
        connections: usize,
        elapsed: Duration,
        mut tally: Tally,
        server: Option<ServerFigures>,
    ) -> Report {
        let seconds = elapsed.as_secs_f64().max(1e-9);
        Report {
            rpc,
            concurrency: args.concurrency,
            connections,
            doc_bytes: args.doc_size,
            seconds,
            requests: tally.latencies_us.len() as u64,
            ok: tally.ok,
            requests_per_second: tally.ok as f64 / seconds,
            megabytes_per_second: tally.bytes as f64 / 1e6 / seconds,
            latency_ms: Latency::of(&mut tally.latencies_us),
            errors: tally.errors,
            server,
        }
    }

    pub fn to_json(&self) -> Value {
        let l = &self.latency_ms;
        let server = self.server.as_ref().map(|s| {
            json!({
                "pid": s.pid,
                "rss_kib_start": s.samples.first().map(|x| x.rss_kib),
                "rss_kib_peak": s.peak_rss_kib(),
                "rss_kib_end": s.samples.last().map(|x| x.rss_kib),
                "fds_start": s.samples.first().map(|x| x.fds),
                "fds_end": s.samples.last().map(|x| x.fds),
                // Requests per CPU-second of the server: its capacity per
                // core, whatever else shares the machine.
                "cpu_seconds": s.cpu_seconds(),
                "requests_per_cpu_second": self.ok as f64 / s.cpu_seconds().max(1e-9),
                "samples": s.samples.iter()
                    .map(|x| json!({"seconds": x.seconds, "rss_kib": x.rss_kib, "fds": x.fds}))
                    .collect::<Vec<_>>(),
            })
        });
        json!({
            "rpc": self.rpc,
            "concurrency": self.concurrency,
            "connections": self.connections,
            "doc_bytes": self.doc_bytes,
            "seconds": self.seconds,
            "requests": self.requests,
            "ok": self.ok,
            "errors": self.errors,
            "requests_per_second": self.requests_per_second,
            "megabytes_per_second": self.megabytes_per_second,
            "latency_ms": {"p50": l.p50, "p90": l.p90, "p99": l.p99, "p99.9": l.p999, "max": l.max},
            "server": server,
        })
    }

    pub fn to_text(&self) -> String {
        let l = &self.latency_ms;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} x{} over {} connection(s), {} B documents, {:.1} s",
            self.rpc, self.concurrency, self.connections, self.doc_bytes, self.seconds
        );
        let _ = writeln!(
            out,
            "requests   {} ({} OK)  {:.0} req/s  {:.2} MB/s",
            self.requests, self.ok, self.requests_per_second, self.megabytes_per_second
        );
        let _ = writeln!(
            out,
            "latency ms p50 {:.3}  p90 {:.3}  p99 {:.3}  p99.9 {:.3}  max {:.3}",
            l.p50, l.p90, l.p99, l.p999, l.max
        );
        if self.errors.is_empty() {
            let _ = writeln!(out, "errors     none");
        }
        for (code, n) in &self.errors {
            let _ = writeln!(out, "errors     {code}: {n}");
        }
        if let Some(server) = &self.server {
            if let (Some(first), Some(last)) = (server.samples.first(), server.samples.last()) {
                let _ = writeln!(
                    out,
                    "server     pid {}  RSS {} -> {} KiB (peak {})  fds {} -> {}  CPU {:.2} s ({:.0} req per CPU-second)",
                    server.pid,
                    first.rss_kib,
                    last.rss_kib,
                    server.peak_rss_kib(),
                    first.fds,
                    last.fds,
                    server.cpu_seconds(),
                    self.ok as f64 / server.cpu_seconds().max(1e-9)
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Latency;

    #[test]
    fn percentiles_are_nearest_ranks() {
        let mut micros: Vec<u32> = (1..=1000).rev().map(|ms| ms * 1000).collect();
        let l = Latency::of(&mut micros);
        assert_eq!(
            (l.p50, l.p90, l.p99, l.p999, l.max),
            (500.0, 900.0, 990.0, 999.0, 1000.0)
        );
        assert_eq!(Latency::of(&mut []).p99, 0.0);
    }
}
