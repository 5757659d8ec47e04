//! Counters kept in memory between the cycles of `hm run` and `hm serve`.
//!
//! A check's counters (each process's CPU time, the CPU ticks) are what
//! the next run divides by to get a rate. A one-shot `hm check` can only
//! find them in the database, so it writes them all: 400 upserts a
//! cycle for 100 process monitors of 2 workers, a fifth of what recording
//! costs. A loop has them at hand: the engine keeps the newest
//! value of every counter here, hands it to the next cycle's checks, and
//! writes a counter to the database only when it is new there or was
//! last written [`WRITE_EVERY`] ago. A one-shot run alongside finds a
//! counter at most that old, so its rate is an average over a longer
//! window, not a wrong one; a restarted loop likewise.
//!
//! What others write to the counters table meanwhile (a one-shot run,
//! what a remedy leaves for the next check, `hm.pruned_at`) is still read
//! every cycle, and the newer of the two values is used.

use crate::check::{CheckResult, Counter, MAX_COUNTER_AGE_S};
use std::collections::HashMap;
use std::sync::Mutex;

/// How often a counter that only a loop reads is written to the database:
/// as often as an unchanged pool instance's history row (`thin.rs`). Each
/// process monitor has two counters per process: a pool of a thousand
/// wrote 2,000 rows every other cycle at a 30 s interval with one minute.
pub(crate) const WRITE_EVERY_S: f64 = 300.0;

/// One counter: its newest value, and when the database last got it.
#[derive(Debug, Clone, Copy)]
struct Held {
    newest: Counter,
    written: Option<f64>,
}

/// The counters of an [`super::Engine`].
#[derive(Debug, Default)]
pub(super) struct Counters(Mutex<HashMap<String, Held>>);

impl Counters {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Held>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `stored` (what the database holds) with each counter this engine
    /// holds a newer value of replaced by it.
    pub(super) fn overlay(&self, stored: &mut HashMap<String, Counter>) {
        for (key, held) in self.map().iter() {
            match stored.get_mut(key) {
                Some(c) if c.ts >= held.newest.ts => {}
                Some(c) => *c = held.newest,
                None => {
                    stored.insert(key.clone(), held.newest);
                }
            }
        }
    }

    /// Keep every counter of `results` (measured at `now`), and leave in
    /// each result only those the database should get now: new ones, and
    /// those last written [`WRITE_EVERY_S`] ago or more (or in the future:
    /// the clock went back). Counters not seen for longer than a rate may
    /// span are forgotten.
    pub(super) fn keep(&self, now: f64, results: &mut [CheckResult]) {
        let mut map = self.map();
        map.retain(|_, h| now - h.newest.ts <= MAX_COUNTER_AGE_S);
        for r in results.iter_mut() {
            r.counters.retain(|(key, value)| {
                let newest = Counter { value: *value, ts: now };
                let held = map.entry(key.clone()).or_insert(Held { newest, written: None });
                held.newest = newest;
                held.written.is_none_or(|w| w > now || now - w >= WRITE_EVERY_S)
            });
        }
    }

    /// The counters left in `results` by [`Counters::keep`] were written at `now`.
    pub(super) fn written(&self, now: f64, results: &[CheckResult]) {
        let mut map = self.map();
        for (key, _) in results.iter().flat_map(|r| &r.counters) {
            if let Some(h) = map.get_mut(key) {
                h.written = Some(now);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(counters: &[(&str, f64)]) -> CheckResult {
        CheckResult {
            counters: counters.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..CheckResult::stated("m", "process", crate::status::Status::Ok, String::new())
        }
    }

    fn cycle(c: &Counters, now: f64, counters: &[(&str, f64)]) -> Vec<String> {
        let mut results = [result(counters)];
        c.keep(now, &mut results);
        c.written(now, &results);
        results[0].counters.iter().map(|(k, _)| k.clone()).collect()
    }

    #[test]
    fn issue18_written_when_new_then_once_a_period_and_always_handed_on() {
        let c = Counters::default();
        assert_eq!(cycle(&c, 1000.0, &[("a", 1.0)]), ["a"], "new: written");
        assert!(cycle(&c, 1001.0, &[("a", 2.0)]).is_empty(), "written a second ago");
        assert_eq!(cycle(&c, 1001.0, &[("a", 2.0), ("b", 5.0)]), ["b"]);
        // The next cycle gets the newest value, not the database's.
        let mut stored = HashMap::from([("a".to_string(), Counter { value: 1.0, ts: 1000.0 })]);
        c.overlay(&mut stored);
        assert_eq!(stored["a"], Counter { value: 2.0, ts: 1001.0 });
        assert_eq!(stored["b"], Counter { value: 5.0, ts: 1001.0 });
        assert!(cycle(&c, 1000.0 + WRITE_EVERY_S - 1.0, &[("a", 3.0)]).is_empty(), "not yet due");
        assert_eq!(cycle(&c, 1000.0 + WRITE_EVERY_S, &[("a", 3.0)]), ["a"], "due since it was written");
        assert_eq!(cycle(&c, 900.0, &[("a", 3.0)]), ["a"], "the clock went back");
    }

    #[test]
    fn issue18_a_newer_value_in_the_database_wins_and_unseen_counters_go() {
        let c = Counters::default();
        cycle(&c, 1000.0, &[("a", 1.0), ("gone", 1.0)]);
        // A one-shot run wrote `a` since.
        let mut stored = HashMap::from([("a".to_string(), Counter { value: 7.0, ts: 1005.0 })]);
        c.overlay(&mut stored);
        assert_eq!(stored["a"].value, 7.0);
        cycle(&c, 1000.0 + MAX_COUNTER_AGE_S + 1.0, &[("a", 9.0)]);
        let mut stored = HashMap::new();
        c.overlay(&mut stored);
        assert!(!stored.contains_key("gone"), "not seen for longer than a rate may span");
    }

    #[test]
    fn issue18_a_failed_write_is_written_next_time() {
        let c = Counters::default();
        let mut results = [result(&[("a", 1.0)])];
        c.keep(1000.0, &mut results);
        // Not marked written: the next cycle writes it.
        assert_eq!(cycle(&c, 1001.0, &[("a", 2.0)]), ["a"]);
    }
}
