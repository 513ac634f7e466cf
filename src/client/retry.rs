//! When to retry a failed call, and how long to wait first: exponential
//! backoff with jitter, never sooner than the server's `RetryInfo`.

use std::time::Duration;

use tonic::{Code, Status};
use tonic_types::StatusExt;

/// How a [`Client`](super::Client) retries calls that failed with
/// `UNAVAILABLE` or `RESOURCE_EXHAUSTED` (every Lisan RPC is a pure
/// function of its request, so retrying one is always safe).
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 turns retries off.
    pub max_attempts: u32,
    /// The backoff before the first retry; each later one is `multiplier`
    /// times longer, up to `max_backoff`.
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
    pub multiplier: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            initial_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_secs(2),
            multiplier: 2.0,
        }
    }
}

impl RetryPolicy {
    /// No retries: every call is attempted once.
    pub fn none() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The wait before retry number `retry` (1 for the first) after
    /// `status`, or `None` when the status is not worth retrying or the
    /// attempts are used up.
    pub fn delay(&self, retry: u32, status: &Status) -> Option<Duration> {
        if retry >= self.max_attempts || !is_retryable(status.code()) {
            return None;
        }
        let backoff = self.backoff(retry);
        // Full jitter over the upper half spreads callers that failed together.
        let jittered = backoff.mul_f64(0.5 + fastrand::f64() * 0.5);
        Some(match server_delay(status) {
            Some(asked) => asked.max(jittered) + asked.mul_f64(fastrand::f64() * 0.2),
            None => jittered,
        })
    }

    /// The backoff before retry number `retry`, without jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = self
            .multiplier
            .max(1.0)
            .powi(retry.saturating_sub(1) as i32);
        self.initial_backoff
            .mul_f64(factor.min(1e6))
            .min(self.max_backoff)
    }
}

/// Codes that say "not now" rather than "not this request".
pub fn is_retryable(code: Code) -> bool {
    matches!(code, Code::Unavailable | Code::ResourceExhausted)
}

/// The delay the server asked for in `google.rpc.RetryInfo`, if any.
pub fn server_delay(status: &Status) -> Option<Duration> {
    status.get_details_retry_info()?.retry_delay
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic_types::{ErrorDetails, StatusExt};

    #[test]
    fn backoff_grows_then_stops_at_the_cap() {
        let policy = RetryPolicy::default();
        let waits: Vec<_> = (1..=8).map(|r| policy.backoff(r).as_millis()).collect();
        assert_eq!(waits, [50, 100, 200, 400, 800, 1600, 2000, 2000]);
    }

    #[test]
    fn only_unavailable_and_resource_exhausted_are_retried() {
        let policy = RetryPolicy::default();
        for (code, retried) in [
            (Code::Unavailable, true),
            (Code::ResourceExhausted, true),
            (Code::InvalidArgument, false),
            (Code::DeadlineExceeded, false),
            (Code::Internal, false),
            (Code::Unauthenticated, false),
        ] {
            let delay = policy.delay(1, &Status::new(code, "x"));
            assert_eq!(delay.is_some(), retried, "{code:?}");
        }
        assert_eq!(
            policy.delay(5, &Status::unavailable("x")),
            None,
            "attempts used up"
        );
    }

    #[test]
    fn jitter_stays_within_the_upper_half_of_the_backoff() {
        let policy = RetryPolicy::default();
        for _ in 0..200 {
            let d = policy.delay(3, &Status::unavailable("x")).unwrap();
            assert!((100..=200).contains(&d.as_millis()), "{d:?}");
        }
    }

    #[test]
    fn the_server_delay_is_a_floor() {
        let asked = Duration::from_millis(700);
        let mut details = ErrorDetails::new();
        details.set_retry_info(Some(asked));
        let status = Status::with_error_details(Code::ResourceExhausted, "overloaded", details);
        for _ in 0..100 {
            let d = RetryPolicy::default().delay(1, &status).unwrap();
            assert!(d >= asked && d <= asked.mul_f64(1.2), "{d:?}");
        }
    }
}
