//! What a stop signal (SIGINT, SIGTERM) means while hm is changing the
//! host: the remedy under way completes its record of what it
//! already did (the pid it started), then hm exits, within a second,
//! without waiting out a verification.
//!
//! Process-global like `exec`'s list of running commands, and for the
//! same reason: a signal is sent to the process. [`request`] is called
//! by whichever thread receives the signal (a one-shot command's in
//! `exec::stop_children_on_signal`, the loop's in `engine::wake`); the
//! remedies hold an [`Acting`] from their intent to their outcome, sleep
//! through [`sleep_until`], and start nothing once a stop is requested.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

static STOP: AtomicBool = AtomicBool::new(false);
static ACTING: AtomicUsize = AtomicUsize::new(0);
/// Wakes the sleepers of [`sleep_until`] and the waiter of [`wait_idle`].
static BELL: (Mutex<()>, Condvar) = (Mutex::new(()), Condvar::new());

fn ring() {
    let _g = BELL.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    BELL.1.notify_all();
}

/// hm was told to stop: sleeps end, no new remedy begins.
pub(crate) fn request() {
    STOP.store(true, Ordering::SeqCst);
    ring();
}

/// Whether a stop was requested.
pub(crate) fn requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

/// A remedy between its intent and its outcome; the count drops when it
/// is dropped.
#[derive(Debug)]
pub(crate) struct Acting(());

impl Acting {
    /// `None` once a stop is requested: nothing new is begun then.
    pub(crate) fn begin() -> Option<Acting> {
        // Counted first, then the flag read: a stop requested meanwhile
        // either sees this count or is seen here (both SeqCst).
        ACTING.fetch_add(1, Ordering::SeqCst);
        let acting = Acting(());
        (!requested()).then_some(acting)
    }

    /// Counted whether or not a stop was requested: a remedy begun
    /// earlier that resumes (a verification the loop kept waiting)
    /// still completes its record before hm exits.
    pub(crate) fn resume() -> Acting {
        ACTING.fetch_add(1, Ordering::SeqCst);
        Acting(())
    }
}

impl Drop for Acting {
    fn drop(&mut self) {
        ACTING.fetch_sub(1, Ordering::SeqCst);
        ring();
    }
}

/// Sleep until `deadline`; false when a stop cut it short.
pub(crate) fn sleep_until(deadline: Instant) -> bool {
    let mut g = BELL.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        if requested() {
            return false;
        }
        let now = Instant::now();
        if now >= deadline {
            return true;
        }
        g = match BELL.1.wait_timeout(g, deadline - now) {
            Ok((g, _)) => g,
            Err(p) => p.into_inner().0,
        };
    }
}

/// Wait up to `within` for the remedies under way to complete their
/// records; true when none is left.
pub(crate) fn wait_idle(within: Duration) -> bool {
    let deadline = Instant::now() + within;
    let mut g = BELL.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        if ACTING.load(Ordering::SeqCst) == 0 {
            return true;
        }
        let now = Instant::now();
        if now >= deadline {
            return false;
        }
        g = match BELL.1.wait_timeout(g, (deadline - now).min(Duration::from_millis(20))) {
            Ok((g, _)) => g,
            Err(p) => p.into_inner().0,
        };
    }
}
