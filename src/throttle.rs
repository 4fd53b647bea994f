//! Rate-limited logging: a condition that can repeat thousands of times a second (a refused
//! connection, a forged packet) is logged at most once per period, with how many were
//! suppressed since, so no path can flood the log.

use std::sync::Mutex;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// Lets one event per `period` through.
#[derive(Debug)]
pub struct Throttle {
    period: Duration,
    state: Mutex<(Option<Instant>, u64)>,
}

impl Throttle {
    pub const fn new(period: Duration) -> Throttle {
        Throttle { period, state: Mutex::new((None, 0)) }
    }

    /// `Some(suppressed)` when this event should be logged (with how many were not since the
    /// last one), `None` when it should be counted and dropped.
    pub fn allow(&self) -> Option<u64> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        match state.0 {
            Some(last) if now.duration_since(last) < self.period => {
                state.1 += 1;
                None
            }
            _ => {
                let suppressed = std::mem::take(&mut state.1);
                state.0 = Some(now);
                Some(suppressed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_event_per_period_with_the_count_of_those_dropped() {
        let t = Throttle::new(Duration::from_secs(3600));
        assert_eq!(t.allow(), Some(0));
        assert_eq!((t.allow(), t.allow()), (None, None));
        let t = Throttle::new(Duration::ZERO);
        assert_eq!((t.allow(), t.allow()), (Some(0), Some(0)));
    }
}
