//! What the server knows about one call besides its message: when it
//! started, its deadline (the client's `grpc-timeout` and the server's
//! request timeout, whichever is sooner), and its tracing span, which
//! continues the caller's W3C `traceparent`.

use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tonic::metadata::MetadataMap;
use tonic::Extensions;
use tracing::field::Empty;

use super::config::Config;

/// The response header that carries the processing time in milliseconds.
pub const PROCESSING_TIME_HEADER: &str = "lisan-processing-time-ms";

/// One call in progress.
#[derive(Debug)]
pub struct Call {
    pub method: &'static str,
    pub started: Instant,
    /// When processing must be over; `None`: no deadline at all.
    pub deadline: Option<Instant>,
    /// The client's own deadline (from `grpc-timeout`), if it sent one.
    pub client_deadline: Option<Instant>,
    pub span: tracing::Span,
}

impl Call {
    /// Starts the span of a call of `method`; its clock started when its
    /// headers arrived (see [`ArrivalLayer`]), so the deadline counts the
    /// time spent receiving the message, as the client's does.
    pub fn begin(
        method: &'static str,
        metadata: &MetadataMap,
        extensions: &Extensions,
        config: &Config,
    ) -> Call {
        let started = extensions
            .get::<Arrived>()
            .map_or_else(Instant::now, |a| a.0);
        let client = metadata
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout)
            .map(|t| started + answer_time(t));
        let server = config.request_timeout.map(|t| started + t);
        let deadline = match (client, server) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let span = tracing::info_span!(
            "rpc",
            method,
            document_id = Empty,
            document_bytes = Empty,
            request_bytes = Empty,
            response_bytes = Empty,
            code = Empty,
            elapsed_ms = Empty,
            trace_id = Empty,
            parent_span_id = Empty,
        );
        if let Some((trace_id, parent, sampled)) = metadata
            .get("traceparent")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_traceparent)
        {
            span.record("trace_id", trace_id);
            span.record("parent_span_id", parent);
            #[cfg(feature = "otlp")]
            super::otlp::continue_trace(&span, trace_id, parent, sampled);
            #[cfg(not(feature = "otlp"))]
            let _ = sampled;
        }
        Call {
            method,
            started,
            deadline,
            client_deadline: client,
            span,
        }
    }
}

/// How much of a client's timeout processing may use: the server answers a
/// little early (a fifth, at most 100 ms) so that its DEADLINE_EXCEEDED
/// reaches the client before the client's own timer gives up on the call.
fn answer_time(timeout: Duration) -> Duration {
    timeout - (timeout / 5).min(Duration::from_millis(100))
}

/// When a call's headers arrived, put in its extensions by [`ArrivalLayer`].
#[derive(Clone, Copy, Debug)]
pub struct Arrived(pub Instant);

/// A tower layer that stamps each HTTP request with its arrival time
/// before the message body is read.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArrivalLayer;

impl<S> tower::Layer<S> for ArrivalLayer {
    type Service = Arrival<S>;
    fn layer(&self, inner: S) -> Arrival<S> {
        Arrival(inner)
    }
}

/// The service of [`ArrivalLayer`].
#[derive(Clone, Debug)]
pub struct Arrival<S>(S);

impl<S, B> tower::Service<http::Request<B>> for Arrival<S>
where
    S: tower::Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> S::Future {
        request.extensions_mut().insert(Arrived(Instant::now()));
        self.0.call(request)
    }
}

/// A `grpc-timeout` value: at most 8 digits and a unit (H, M, S, m, u, n).
pub fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// The trace id, parent span id and sampled flag of a W3C `traceparent`
/// header (`00-<32 hex>-<16 hex>-<2 hex>`); all-zero ids are invalid.
pub fn parse_traceparent(value: &str) -> Option<(&str, &str, bool)> {
    let mut parts = value.trim().split('-');
    let (version, trace_id, parent, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let hex = |s: &str, len: usize| {
        s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    let valid = hex(version, 2)
        && version != "ff"
        && hex(trace_id, 32)
        && hex(parent, 16)
        && hex(flags, 2)
        && trace_id.bytes().any(|b| b != b'0')
        && parent.bytes().any(|b| b != b'0');
    let sampled = u8::from_str_radix(flags, 16).is_ok_and(|f| f & 1 == 1);
    valid.then_some((trace_id, parent, sampled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeouts_parse_by_unit_and_reject_malformed_values() {
        for (value, expected) in [
            ("5S", Some(Duration::from_secs(5))),
            ("250m", Some(Duration::from_millis(250))),
            ("2H", Some(Duration::from_secs(7200))),
            ("7u", Some(Duration::from_micros(7))),
            ("123456789m", None),
            ("S", None),
            ("5x", None),
            ("-5S", None),
            ("", None),
        ] {
            assert_eq!(parse_grpc_timeout(value), expected, "{value:?}");
        }
    }

    #[test]
    fn traceparent_yields_ids_only_when_well_formed() {
        let ok = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(
            parse_traceparent(ok),
            Some(("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true))
        );
        for bad in [
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-01",
        ] {
            assert_eq!(parse_traceparent(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_server_answers_before_the_client_deadline() {
        assert_eq!(
            answer_time(Duration::from_millis(200)),
            Duration::from_millis(160)
        );
        assert_eq!(
            answer_time(Duration::from_secs(10)),
            Duration::from_millis(9900)
        );
    }
}
