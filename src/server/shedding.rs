//! Load shedding: at most `max_concurrent_requests` calls are admitted at
//! once; one more is refused at once with RESOURCE_EXHAUSTED and RetryInfo
//! instead of waiting in an unbounded queue.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::Status;

use super::metrics::Metrics;
use super::status;

/// The admission gate, shared by every clone of the service.
#[derive(Debug)]
pub struct Admission {
    slots: Arc<Semaphore>,
    limit: usize,
    retry_after: Duration,
}

/// Held for the life of an admitted call.
pub type Admitted = OwnedSemaphorePermit;

impl Admission {
    pub fn new(limit: usize, retry_after: Duration) -> Admission {
        let limit = limit.max(1);
        Admission {
            slots: Arc::new(Semaphore::new(limit)),
            limit,
            retry_after,
        }
    }

    /// A slot for one call of `method`, or the OVERLOADED status (counted as
    /// shed in `metrics`).
    pub fn admit(&self, method: &'static str, metrics: &Metrics) -> Result<Admitted, Status> {
        self.slots.clone().try_acquire_owned().map_err(|_| {
            metrics.shed(method);
            tracing::warn!(method, limit = self.limit, "overloaded: call shed");
            status::overloaded(self.limit, self.retry_after)
        })
    }
}
