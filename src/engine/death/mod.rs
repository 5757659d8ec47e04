//! Why it died: a death certificate for every watched worker
//! that `hm run`/`hm serve` sees die.
//!
//! The [`Registry`] holds the processes watched (those the last checks
//! matched, from the pidfd watcher, and those a restart just started),
//! each with what was known while it ran: its start and its memory
//! cgroup's OOM-kill counter. Two witnesses report a death:
//!
//! - the pidfd watcher (`engine::watch`), which also wakes the loop;
//! - as root, the kernel's process-event connector (`host::connector`),
//!   heard on a thread that blocks in recv(2). Its socket filter lists the
//!   pids in the registry, replaced when they change: the kernel drops
//!   every other exit on the host, so the thread wakes only for a death
//!   (an idle `hm run` pays nothing per exit elsewhere, nothing per cycle).
//!
//! Whichever comes first hands the death to the coroner thread, which
//! waits a moment for the connector's status if it has not come yet,
//! writes the certificate (`cert.rs`) and records it in the `deaths`
//! table, on its own connection, beside the loop: the restart never waits
//! for it. Without the connector, the status comes from what else can
//! know it (`status.rs`): waitpid(2) for a worker hm started itself,
//! systemd for a unit's main process; else the certificate says why the
//! status is unknown ("exit status unknown (no process-event connector:
//! not root)", "(events lost)" after an overrun, `ENOBUFS`).

mod answered;
mod cert;
mod coroner;
mod found;
mod status;

pub(crate) use answered::answered;
pub(crate) use coroner::Coroner;
pub(crate) use found::found_dead;

use crate::host::connector::{Connector, Event};
use crate::host::oom::{self, OomCounter};
use crate::time::{unix_now, wall_now};
use std::collections::HashMap;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

/// How long the coroner waits for the connector's word of an exit that
/// the pidfd told first (the kernel sends it before the pidfd wakes; this
/// is the listener thread's scheduling).
const AWAIT_STATUS: Duration = Duration::from_millis(250);
/// Exit statuses kept for deaths not yet written, at most.
const MAX_EXITS: usize = 4096;
/// A started process not yet matched by a check is forgotten after this.
const STARTED_TTL: f64 = 600.0;

/// A death, as the witnesses report it to the coroner.
#[derive(Debug, Clone)]
pub(crate) struct Gone {
    pub monitor: String,
    pub pid: u32,
    /// Its start, in clock ticks since boot: with the pid, which process.
    pub start_ticks: u64,
    /// When it died: hm's clock (`time::unix_now`), and the wall clock
    /// its start time is on.
    pub at: f64,
    pub wall: f64,
    pub started_at: Option<f64>,
    pub oom: Option<OomCounter>,
}

/// A watched process.
#[derive(Debug, Clone)]
struct Watched {
    start_ticks: u64,
    started_at: f64,
    monitors: Vec<String>,
    oom: Option<OomCounter>,
    /// When it was registered; whether its death was reported already.
    since: f64,
    reported: bool,
    /// Matched by a check (else: started by a restart, not matched yet).
    matched: bool,
}

#[derive(Default)]
struct Inner {
    watched: HashMap<u32, Watched>,
    exits: HashMap<u32, u32>,
    /// When the connector last lost events.
    lost_at: Option<f64>,
    /// Why the connector does not listen (`None`: it does).
    deaf: Option<String>,
    to_coroner: Option<Sender<Gone>>,
    /// The connector, whose filter follows `watched`; the pids it lists.
    connector: Option<Arc<Connector>>,
    filtered: Vec<u32>,
    /// How long each monitor's last worker to die had run, seconds.
    last_uptime: HashMap<String, f64>,
}

/// What is watched, and what the connector heard of it. Shared by the
/// engine (restarts register what they start), the pidfd watcher, the
/// connector's listener and the coroner.
#[derive(Default)]
pub(crate) struct Registry {
    inner: Mutex<Inner>,
    heard: Condvar,
    /// Told when the coroner has written a certificate.
    written: Condvar,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The connector's filter brought to the pids watched, when they
    /// changed (not at every check: nothing is done while they stay).
    fn refilter(g: &mut Inner) {
        let Some(c) = &g.connector else { return };
        let mut pids: Vec<u32> = g.watched.keys().copied().collect();
        pids.sort_unstable();
        if pids != g.filtered && c.watch(&pids).is_ok() {
            g.filtered = pids;
        }
    }

    /// Watch what the checks matched (`(pid, start ticks)` by monitor):
    /// new ones get their start and OOM counter read now, while they run;
    /// the others matched no more are forgotten.
    pub(crate) fn matched(&self, procs: &[((u32, u64), Vec<String>)], host: &dyn crate::host::Host) {
        let mut g = self.lock();
        if g.to_coroner.is_none() {
            return; // no coroner: nothing to write certificates
        }
        let now = unix_now();
        let keep: std::collections::HashSet<u32> = procs.iter().map(|((pid, _), _)| *pid).collect();
        g.watched.retain(|pid, w| keep.contains(pid) || w.reported || (!w.matched && now - w.since < STARTED_TTL));
        for ((pid, ticks), monitors) in procs {
            if let Some(w) = g.watched.get_mut(pid)
                && w.start_ticks == *ticks
            {
                w.monitors.clone_from(monitors);
                w.matched = true;
                continue;
            }
            let Some(info) = host.process(*pid).filter(|p| p.start_ticks == *ticks) else { continue };
            let w = Watched {
                start_ticks: *ticks,
                started_at: info.started_at,
                monitors: monitors.clone(),
                oom: oom::counter_of(*pid),
                since: now,
                reported: false,
                matched: true,
            };
            g.watched.insert(*pid, w);
        }
        Self::refilter(&mut g);
    }

    /// What [`Registry::matched`] does when the processes matched are the
    /// same as last time: forget the started processes that no check
    /// matched within `STARTED_TTL`.
    pub(crate) fn expire(&self) {
        let mut g = self.lock();
        if g.to_coroner.is_none() {
            return;
        }
        let now = unix_now();
        let before = g.watched.len();
        g.watched.retain(|_, w| w.matched || w.reported || now - w.since < STARTED_TTL);
        if g.watched.len() != before {
            Self::refilter(&mut g);
        }
    }

    /// Whether a coroner writes the certificates of the deaths watched
    /// (`hm run`, `hm serve`); else a run finds its dead (`found_dead`).
    pub(crate) fn watching(&self) -> bool {
        self.lock().to_coroner.is_some()
    }

    /// Watch a worker a restart of `monitor` just started.
    pub(crate) fn started(&self, monitor: &str, p: &crate::host::ProcInfo) {
        let mut g = self.lock();
        // Its predecessor's uptime says nothing of it.
        g.last_uptime.remove(monitor);
        if g.to_coroner.is_none() || g.watched.contains_key(&p.pid) {
            return;
        }
        let w = Watched {
            start_ticks: p.start_ticks,
            started_at: p.started_at,
            monitors: vec![monitor.to_string()],
            oom: oom::counter_of(p.pid),
            since: unix_now(),
            reported: false,
            matched: false,
        };
        g.watched.insert(p.pid, w);
        Self::refilter(&mut g);
    }

    /// A watched process died (pid and start ticks): tell the coroner,
    /// once, whichever witness says it first.
    pub(crate) fn died(&self, pid: u32, ticks: Option<u64>) {
        let mut g = self.lock();
        let (at, wall) = (unix_now(), wall_now());
        let Some(w) = g.watched.get_mut(&pid) else { return };
        if w.reported || ticks.is_some_and(|t| t != w.start_ticks) {
            return;
        }
        w.reported = true;
        let w = w.clone();
        for m in &w.monitors {
            g.last_uptime.insert(m.clone(), (wall - w.started_at).max(0.0));
        }
        if let Some(tx) = &g.to_coroner {
            for monitor in w.monitors {
                let gone = Gone {
                    monitor,
                    pid,
                    start_ticks: w.start_ticks,
                    at,
                    wall,
                    started_at: Some(w.started_at),
                    oom: w.oom.clone(),
                };
                let _ = tx.send(gone);
            }
        }
    }

    fn heard(&self, events: &[Event]) {
        let mut died = Vec::new();
        {
            let mut g = self.lock();
            for e in events {
                match *e {
                    Event::Exit { pid, status } if g.watched.contains_key(&pid) => {
                        if g.exits.len() >= MAX_EXITS {
                            g.exits.clear();
                        }
                        g.exits.insert(pid, status);
                        died.push(pid);
                    }
                    Event::Exit { .. } => {}
                    Event::Lost => g.lost_at = Some(unix_now()),
                }
            }
        }
        if !died.is_empty() {
            self.heard.notify_all();
        }
        for pid in died {
            self.died(pid, None);
        }
    }

    /// Whether `monitor`'s worker ran well before it died: for
    /// at least `min_uptime`, by its death as the witnesses told it, else
    /// by the time since its last restart (`since`). Such a worker is not
    /// crash-looping: its restart is not held back by the doubling backoff.
    pub(crate) fn ran_well(&self, monitor: &str, min_uptime: Duration, since: Duration) -> bool {
        let min = min_uptime.as_secs_f64();
        match self.lock().last_uptime.get(monitor) {
            Some(up) => *up >= min,
            None => since.as_secs_f64() >= min,
        }
    }

    /// The certificate written: forget the process.
    fn done(&self, pid: u32) {
        let mut g = self.lock();
        g.exits.remove(&pid);
        if g.watched.get(&pid).is_some_and(|w| w.reported) {
            g.watched.remove(&pid);
        }
        self.written.notify_all();
    }

    /// Wait, at most `within`, until the coroner has written the deaths
    /// of `monitors`' workers that it is writing now: a `firing` about to
    /// be delivered then carries its certificate. No wait when none is.
    pub(crate) fn settle(&self, monitors: &[&str], within: Duration) {
        if monitors.is_empty() {
            return;
        }
        let deadline = std::time::Instant::now() + within;
        let mut g = self.lock();
        loop {
            let pending = |w: &Watched| w.reported && w.monitors.iter().any(|m| monitors.contains(&m.as_str()));
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if !g.watched.values().any(pending) || left.is_zero() {
                return;
            }
            g = self.written.wait_timeout(g, left).unwrap_or_else(PoisonError::into_inner).0;
        }
    }
}

#[cfg(test)]
mod tests;
