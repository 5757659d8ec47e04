//! What wakes the loop of `hm run` and `hm serve`: a signal, a cycle that
//! finished, or a watched process or file that changed (`engine::watch`).
//!
//! The main thread sleeps on one channel that all of them send to, so it
//! wakes only when something happened or a deadline came: between cycles
//! hm uses no CPU at all (polling flags every 50 ms cost about 0.08% of a
//! core on its own).

use super::daemon::Cycle;
use super::later::Later;
use anyhow::{Context, Result};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::sync::mpsc;
use std::time::Instant;

/// One reason to wake.
pub(super) enum Wake {
    Signal(i32),
    /// A cycle ended, with the restarts it left to verify.
    Done(Box<(Cycle, Vec<Later>)>),
    /// These monitors' watched processes exited or files changed.
    Changed(Vec<String>),
}

/// The signals the loop obeys, and the monitors that changed meanwhile.
pub(crate) struct Signals {
    tx: mpsc::Sender<Wake>,
    rx: mpsc::Receiver<Wake>,
    stop: Cell<bool>,
    reload: Cell<bool>,
    changed: RefCell<BTreeSet<String>>,
}

impl Signals {
    pub(crate) fn install() -> Result<Signals> {
        let (tx, rx) = mpsc::channel();
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])
            .context("cannot handle SIGTERM/SIGINT/SIGHUP")?;
        let forward = tx.clone();
        std::thread::Builder::new()
            .name("hm-signals".into())
            .spawn(move || {
                for sig in incoming.forever() {
                    // A remedy under way stops waiting at once and
                    // records what it did.
                    if sig != SIGHUP {
                        crate::host::stop::request();
                    }
                    if forward.send(Wake::Signal(sig)).is_err() {
                        break;
                    }
                }
            })
            .context("cannot start the signal thread")?;
        Ok(Signals { tx, rx, stop: Cell::new(false), reload: Cell::new(false), changed: RefCell::default() })
    }

    pub(crate) fn stopping(&self) -> bool {
        self.stop.get()
    }

    /// Whether a SIGHUP came and is not yet taken.
    pub(super) fn reloading(&self) -> bool {
        self.reload.get()
    }

    /// Whether a SIGHUP came since the last call.
    pub(super) fn take_reload(&self) -> bool {
        self.reload.replace(false)
    }

    /// Whether a watched monitor changed and is not yet taken.
    pub(super) fn changed(&self) -> bool {
        !self.changed.borrow().is_empty()
    }

    /// The monitors that changed since the last call, with whatever else
    /// is already queued: processes killed together come in together.
    pub(super) fn take_changed(&self) -> Vec<String> {
        while let Ok(wake) = self.rx.try_recv() {
            // No cycle runs now, so nothing queued is a finished one.
            let _ = self.note(wake);
        }
        std::mem::take(&mut *self.changed.borrow_mut()).into_iter().collect()
    }

    /// Note what comes until `quiet` passes with nothing new, or `most`
    /// has passed (no cycle runs now): a hundred workers killed at once
    /// die over tens of milliseconds on a busy host, and are healed in one
    /// run rather than in a second one queued behind the first.
    pub(super) fn settle(&self, quiet: std::time::Duration, most: std::time::Duration) {
        let end = Instant::now() + most;
        loop {
            let before = self.changed.borrow().len();
            let until = (Instant::now() + quiet).min(end);
            while !self.stopping() && self.wait(Some(until)).is_ok() {}
            if self.stopping() || self.changed.borrow().len() == before || Instant::now() >= end {
                return;
            }
        }
    }

    /// Where the watcher (and `hm serve`, for a monitor a remote ping
    /// fed) sends what changed; false once the loop is gone.
    pub(crate) fn changes(&self) -> impl Fn(Vec<String>) -> bool + Send + 'static {
        let tx = self.tx.clone();
        move |names| tx.send(Wake::Changed(names)).is_ok()
    }

    /// Where a cycle thread sends its outcome.
    pub(super) fn done(&self) -> impl FnOnce((Cycle, Vec<Later>)) + Send + 'static {
        let tx = self.tx.clone();
        move |c| {
            let _ = tx.send(Wake::Done(Box::new(c)));
        }
    }

    /// Sleep until something wakes the loop or `deadline` passes (`None`:
    /// no deadline). Signals and changes are noted as they come; a
    /// finished cycle is returned. `Err(())` when the deadline passed.
    pub(super) fn wait(&self, deadline: Option<Instant>) -> Result<Option<(Cycle, Vec<Later>)>, ()> {
        let wake = match deadline {
            None => self.rx.recv().map_err(|_| ())?,
            Some(at) => self.rx.recv_timeout(at.saturating_duration_since(Instant::now())).map_err(|_| ())?,
        };
        Ok(self.note(wake))
    }

    fn note(&self, wake: Wake) -> Option<(Cycle, Vec<Later>)> {
        match wake {
            Wake::Signal(SIGHUP) => self.reload.set(true),
            Wake::Signal(_) => self.stop.set(true),
            Wake::Changed(names) => self.changed.borrow_mut().extend(names),
            Wake::Done(c) => return Some(*c),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn issue29_a_burst_of_changes_is_taken_whole_and_an_endless_one_until_most() {
        let signals = Signals::install().expect("signals");
        // Forty changes 10 ms apart: 400 ms, each within the quiet 200 ms
        // of the one before. A fixed window of 200 ms took half of them.
        let send = signals.changes();
        let burst = std::thread::spawn(move || {
            for i in 0..40 {
                send(vec![format!("w{i}")]);
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        signals.settle(Duration::from_millis(200), Duration::from_secs(20));
        burst.join().expect("join");
        assert_eq!(signals.take_changed().len(), 40);
        // Changes that never stop: settled at `most`.
        let send = signals.changes();
        let start = Instant::now();
        let endless = std::thread::spawn(move || {
            for n in 0.. {
                if start.elapsed() > Duration::from_secs(3) {
                    break;
                }
                send(vec![format!("x{n}")]);
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        signals.settle(Duration::from_millis(200), Duration::from_millis(500));
        let took = start.elapsed();
        endless.join().expect("join");
        assert!(took >= Duration::from_millis(500) && took < Duration::from_millis(2500), "{took:?}");
    }
}
