//! Cooperative cancellation: a [`Budget`] that long loops of the core check
//! now and then, so work for a caller who gave up (deadline passed, call
//! cancelled, client gone) stops early.
//!
//! No async runtime here: a flag and an optional deadline, read with a
//! relaxed atomic load and, every few thousand steps, the clock.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use super::error::Error;

/// How much longer a piece of work may run: until `deadline` (if any) and
/// until someone holding a [`Cancel`] handle cancels it.
///
/// ```
/// use lisan::core::budget::Budget;
/// use lisan::core::ErrorKind;
/// let budget = Budget::unlimited();
/// assert!(budget.check().is_ok());
/// budget.cancel_handle().cancel();
/// assert_eq!(budget.check().unwrap_err().kind(), ErrorKind::Cancelled);
/// ```
#[derive(Clone, Debug)]
pub struct Budget {
    cancelled: Arc<AtomicBool>,
    deadline: Option<Instant>,
}

/// The handle that cancels a [`Budget`] (and every clone of it).
#[derive(Clone, Debug)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Makes every later `check` of the budget fail with `Cancelled`.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Steps between two checks in the core's loops: frequent enough to stop
/// within a millisecond or so, rare enough to cost nothing measurable.
pub const CHECK_EVERY: usize = 4096;

impl Budget {
    /// No deadline; only a cancel stops it.
    pub fn unlimited() -> Budget {
        Budget {
            cancelled: Arc::new(AtomicBool::new(false)),
            deadline: None,
        }
    }

    /// Work must end by `deadline`.
    pub fn until(deadline: Instant) -> Budget {
        Budget {
            deadline: Some(deadline),
            ..Budget::unlimited()
        }
    }

    /// A handle that cancels this budget.
    pub fn cancel_handle(&self) -> Cancel {
        Cancel(self.cancelled.clone())
    }

    /// `Err` (kind `Cancelled` or `DeadlineExceeded`) once the work should stop.
    pub fn check(&self) -> Result<(), Error> {
        if self.cancelled.load(Ordering::Relaxed) {
            return Err(Error::cancelled());
        }
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(Error::deadline_exceeded()),
            _ => Ok(()),
        }
    }

    /// `check`, but only on every [`CHECK_EVERY`]th `step` of a loop.
    #[inline]
    pub fn check_at(&self, step: usize) -> Result<(), Error> {
        if step.is_multiple_of(CHECK_EVERY) {
            self.check()
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ErrorKind;
    use std::time::Duration;

    #[test]
    fn a_passed_deadline_fails_the_check() {
        let budget = Budget::until(Instant::now() - Duration::from_millis(1));
        assert_eq!(
            budget.check().unwrap_err().kind(),
            ErrorKind::DeadlineExceeded
        );
        let later = Budget::until(Instant::now() + Duration::from_secs(60));
        assert!(later.check().is_ok());
    }

    #[test]
    fn cancelling_reaches_clones_and_checks_only_every_nth_step() {
        let budget = Budget::unlimited();
        let clone = budget.clone();
        budget.cancel_handle().cancel();
        assert_eq!(clone.check().unwrap_err().kind(), ErrorKind::Cancelled);
        assert!(clone.check_at(1).is_ok(), "off-step checks are free");
        assert!(clone.check_at(CHECK_EVERY).is_err());
    }
}
