//! How many connections one client address may hold open (`limits.http_max_conns_per_client`,
//! as the reference): one more is refused at accept, before a byte of it is read.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// Open connections per client IP, shared by one listener's accept loop and its connections.
#[derive(Debug, Clone)]
pub struct ConnLimiter {
    max: usize,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One counted connection; dropping it frees the slot.
#[derive(Debug)]
pub struct ConnPermit {
    ip: IpAddr,
    open: Option<Arc<Mutex<HashMap<IpAddr, usize>>>>,
}

impl ConnLimiter {
    /// At most `max` open connections per client IP; 0 means no limit.
    pub fn new(max: usize) -> ConnLimiter {
        ConnLimiter { max, open: Arc::default() }
    }

    /// A slot for a connection from `ip`, or `None` when it already holds the most allowed.
    pub fn try_acquire(&self, ip: IpAddr) -> Option<ConnPermit> {
        if self.max == 0 {
            return Some(ConnPermit { ip, open: None });
        }
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let n = open.entry(ip).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(ConnPermit { ip, open: Some(self.open.clone()) })
    }

    /// How many connections `ip` holds now.
    pub fn open(&self, ip: IpAddr) -> usize {
        self.open.lock().unwrap_or_else(PoisonError::into_inner).get(&ip).copied().unwrap_or(0)
    }
}

impl Drop for ConnPermit {
    fn drop(&mut self) {
        let Some(open) = &self.open else { return };
        let mut open = open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_at_most_max_slots_and_a_dropped_permit_frees_one() {
        let limiter = ConnLimiter::new(2);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first = limiter.try_acquire(a).unwrap();
        let _second = limiter.try_acquire(a).unwrap();
        assert!(limiter.try_acquire(a).is_none(), "a third from the same address");
        assert!(limiter.try_acquire(b).is_some(), "another address has its own slots");
        drop(first);
        assert_eq!(limiter.open(a), 1);
        assert!(limiter.try_acquire(a).is_some());
        assert!(ConnLimiter::new(0).try_acquire(a).is_some(), "0 is no limit");
    }
}
