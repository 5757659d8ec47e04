//! How often remote pings are stored, so that a client in a
//! loop cannot fill the database: a token bucket per ping name (bursts of
//! [`BURST`], then one per second) and one for all names together (bursts
//! of [`GLOBAL_BURST`], then [`GLOBAL_PER_SECOND`] a second). A ping over
//! either is not stored: 429. Only names a monitor reads get a bucket,
//! and at most [`MAX_NAMES`] are kept (full ones go first), so memory is
//! bounded whatever the requests name. The state is `hm serve`'s
//! ([`super::State`]), not a process global.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Pings of one name stored at once, before the rate applies.
pub(super) const BURST: f64 = 10.0;
/// Pings of one name stored per second after a burst.
const PER_SECOND: f64 = 1.0;
/// Pings of all names stored at once, before the rate applies.
const GLOBAL_BURST: f64 = 100.0;
/// Pings of all names stored per second after a burst.
const GLOBAL_PER_SECOND: f64 = 20.0;
/// Names kept at once.
const MAX_NAMES: usize = 1024;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(at: Instant, burst: f64) -> Bucket {
        Bucket { tokens: burst, at }
    }

    /// Its tokens at `now`, refilled at `rate` up to `burst`.
    fn level(&self, now: Instant, burst: f64, rate: f64) -> f64 {
        (self.tokens + now.saturating_duration_since(self.at).as_secs_f64() * rate).min(burst)
    }
}

#[derive(Debug)]
struct Buckets {
    names: HashMap<String, Bucket>,
    all: Bucket,
}

/// The buckets of `hm serve`'s pings.
#[derive(Debug)]
pub(super) struct Limiter {
    buckets: Mutex<Buckets>,
}

impl Limiter {
    pub(super) fn new(now: Instant) -> Limiter {
        Limiter { buckets: Mutex::new(Buckets { names: HashMap::new(), all: Bucket::full(now, GLOBAL_BURST) }) }
    }

    /// Whether a ping of `name` may be stored at `now`; if so, it is counted.
    pub(super) fn allow(&self, name: &str, now: Instant) -> bool {
        let mut b = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if !b.names.contains_key(name) && b.names.len() >= MAX_NAMES {
            b.names.retain(|_, k| k.level(now, BURST, PER_SECOND) < BURST);
            if b.names.len() >= MAX_NAMES {
                return false;
            }
        }
        let all = b.all.level(now, GLOBAL_BURST, GLOBAL_PER_SECOND);
        let one = b.names.get(name).map_or(BURST, |k| k.level(now, BURST, PER_SECOND));
        if all < 1.0 || one < 1.0 {
            return false;
        }
        b.all = Bucket { tokens: all - 1.0, at: now };
        b.names.insert(name.to_string(), Bucket { tokens: one - 1.0, at: now });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_then_one_a_second_per_name_and_a_bound_for_all() {
        let t0 = Instant::now();
        let l = Limiter::new(t0);
        let allowed = (0..50).filter(|_| l.allow("a", t0)).count();
        assert_eq!(allowed, 10);
        assert!(l.allow("b", t0), "another name has its own bucket");
        assert!(!l.allow("a", t0 + Duration::from_millis(900)));
        assert!(l.allow("a", t0 + Duration::from_millis(1000)));
        assert!(!l.allow("a", t0 + Duration::from_millis(1500)));
        // All names together: 100 at once.
        let l = Limiter::new(t0);
        let allowed = (0..200).filter(|i| l.allow(&format!("n{i}"), t0)).count();
        assert_eq!(allowed, 100);
        // The map stays bounded, and full buckets make room.
        let l = Limiter::new(t0);
        let later = t0 + Duration::from_secs(3600);
        for i in 0..MAX_NAMES {
            let _ = l.allow(&format!("n{i}"), t0 + Duration::from_secs(i as u64));
        }
        assert!(l.allow("new", later), "old full buckets are dropped for a new name");
        let len = l.buckets.lock().map(|b| b.names.len()).unwrap_or(usize::MAX);
        assert!(len <= MAX_NAMES, "{len}");
    }
}
