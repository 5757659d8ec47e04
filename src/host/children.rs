//! The wait statuses of the workers hm started itself. Where
//! the kernel's process-event connector cannot be heard (hm is not root,
//! or the kernel has none), a worker that hm started detached is still
//! hm's child: the thread that reaps it ([`super::exec::spawn_detached`])
//! gets its status from waitpid(2), and keeps it here for the coroner to
//! write into the worker's death certificate.
//!
//! Keyed by pid *and* start time (in clock ticks since boot, as
//! `/proc/PID/stat` says): a pid the kernel gave out again is another
//! process, and never gets the status of the one before.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Statuses of children reaped and not taken, kept at most: a death no
/// one watched is not asked for, so the oldest are dropped past this.
const MAX_KEPT: usize = 4096;

/// A child, by pid and start ticks: `None` while it runs, then its status.
type Children = HashMap<(u32, u64), Option<(u32, Instant)>>;

static CHILDREN: Mutex<Option<Children>> = Mutex::new(None);
static REAPED: Condvar = Condvar::new();

/// The start ticks of `pid`, read from `/proc/PID/stat` (field 22).
pub(crate) fn start_ticks(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let close = text.rfind(')')?;
    text.get(close + 1..)?.split_whitespace().nth(19)?.parse().ok()
}

/// `pid` (started at `ticks`) is a child of hm, not reaped yet.
pub(super) fn spawned(pid: u32, ticks: u64) {
    let mut g = CHILDREN.lock().unwrap_or_else(PoisonError::into_inner);
    g.get_or_insert_with(HashMap::new).insert((pid, ticks), None);
}

/// The child `pid` (started at `ticks`) was reaped with the wait(2)
/// `status`.
pub(super) fn reaped(pid: u32, ticks: u64, status: u32) {
    let mut g = CHILDREN.lock().unwrap_or_else(PoisonError::into_inner);
    let map = g.get_or_insert_with(HashMap::new);
    if map.values().filter(|s| s.is_some()).count() >= MAX_KEPT
        && let Some(oldest) = map.iter().filter_map(|(k, s)| s.map(|(_, at)| (*k, at))).min_by_key(|(_, at)| *at)
    {
        map.remove(&oldest.0);
    }
    map.insert((pid, ticks), Some((status, Instant::now())));
    drop(g);
    REAPED.notify_all();
}

/// The wait status of hm's child `pid` started at `ticks`, waiting up to
/// `wait` for its reaper (the pidfd may tell a death a moment before
/// waitpid returns): `None` when it is not hm's child, or was not reaped
/// in time. Taken: asked once per death.
pub(crate) fn status(pid: u32, ticks: u64, wait: Duration) -> Option<u32> {
    let deadline = Instant::now() + wait;
    let mut g = CHILDREN.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let map = g.get_or_insert_with(HashMap::new);
        match map.get(&(pid, ticks)) {
            None => return None,
            Some(Some((s, _))) => {
                let s = *s;
                map.remove(&(pid, ticks));
                return Some(s);
            }
            Some(None) => {}
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        g = REAPED.wait_timeout(g, left).unwrap_or_else(PoisonError::into_inner).0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue28_a_status_goes_to_its_pid_and_start_only_once() {
        // Pids beyond pid_max: no real child of this test is confused.
        spawned(u32::MAX - 1, 100);
        assert_eq!(status(u32::MAX - 1, 100, Duration::ZERO), None, "running");
        let t = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(30));
            reaped(u32::MAX - 1, 100, 3 << 8);
        });
        assert_eq!(status(u32::MAX - 1, 99, Duration::from_millis(500)), None, "another start: not hm's child");
        assert_eq!(status(u32::MAX - 1, 100, Duration::from_secs(5)), Some(3 << 8), "waited for its reaper");
        t.join().expect("join");
        assert_eq!(status(u32::MAX - 1, 100, Duration::ZERO), None, "taken");
        assert_eq!(start_ticks(std::process::id()), start_ticks(std::process::id()).filter(|t| *t > 0));
    }
}
