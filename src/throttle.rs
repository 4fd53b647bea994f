//! Rate-limited logging: a condition that can repeat thousands of times a second (a refused
//! connection, a forged packet) is logged at most once per period, with how many were
//! suppressed since, so no path can flood the log.

use std::sync::Mutex;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// Lets `burst` events per `period` through.
#[derive(Debug)]
pub struct Throttle {
    period: Duration,
    burst: u32,
    state: Mutex<Window>,
}

#[derive(Debug)]
struct Window {
    /// When the current period began, and how many were let through in it.
    start: Option<Instant>,
    allowed: u32,
    suppressed: u64,
}

impl Throttle {
    /// One event per `period`.
    pub const fn new(period: Duration) -> Throttle {
        Throttle::burst(1, period)
    }

    /// Up to `burst` events per `period` (for events that are normally few but each worth
    /// seeing, such as members joining).
    pub const fn burst(burst: u32, period: Duration) -> Throttle {
        Throttle { period, burst, state: Mutex::new(Window { start: None, allowed: 0, suppressed: 0 }) }
    }

    /// `Some(suppressed)` when this event should be logged (with how many were not since the
    /// last one), `None` when it should be counted and dropped.
    pub fn allow(&self) -> Option<u64> {
        let mut w = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if w.start.is_none_or(|start| now.duration_since(start) >= self.period) {
            w.start = Some(now);
            w.allowed = 0;
        }
        if w.allowed >= self.burst {
            w.suppressed += 1;
            return None;
        }
        w.allowed += 1;
        Some(std::mem::take(&mut w.suppressed))
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
        let t = Throttle::burst(2, Duration::from_secs(3600));
        assert_eq!((t.allow(), t.allow(), t.allow(), t.allow()), (Some(0), Some(0), None, None));
    }
}
