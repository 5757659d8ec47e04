//! Runs monitors in parallel, each within its own timeout, and turns each
//! outcome into a [`CheckResult`].
//!
//! A small pool of worker threads pulls monitors off a shared index; the
//! expensive part (the process-table scan) happens once inside the host and
//! is shared. Checks can block in the kernel — a pidfile on a hung NFS
//! mount, `statvfs` of a dead server, `systemctl` waiting on D-Bus — so the
//! pool's threads are not scoped: when a check passes its timeout it is
//! reported `unknown`, its thread is abandoned (the process exits at the
//! end of the run anyway) and a fresh worker takes its place, so one hung
//! check never holds up the others. A check that fails to run is `unknown`
//! with the reason, never an abort of the whole run.
//!
//! In a long-running process (`hm run`, `hm serve`) an abandoned thread
//! lives on, so a monitor whose check is still hung from an earlier cycle
//! is not started again: it is reported `unknown` at once. At most one
//! thread per monitor is ever stuck, however long the loop runs.

use super::patterns::{PatternCache, PatternIndex};
use super::{CheckCtx, CheckOutput, CheckResult, Inputs};
use crate::config::{Matcher, Monitor, Spec};
use crate::host::{Host, ProcNeeds};
use crate::status::Status;
use crate::units::format_duration;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

/// The patterns of these monitors' `process` checks, their set compiled
/// through `cache`.
pub(crate) fn patterns<'a>(monitors: impl IntoIterator<Item = &'a Monitor>, cache: &PatternCache) -> PatternIndex {
    PatternIndex::new(
        monitors.into_iter().filter_map(|m| match &m.spec {
            Spec::Process(p) => match &p.matcher {
                Matcher::Pattern(re) => Some(re.clone()),
                _ => None,
            },
            _ => None,
        }),
        cache,
    )
}

/// What the process scan must read for these monitors.
pub(crate) fn proc_needs<'a>(monitors: impl IntoIterator<Item = &'a Monitor>) -> ProcNeeds {
    let mut needs = ProcNeeds::default();
    for m in monitors {
        if let Spec::Process(p) = &m.spec {
            match p.matcher {
                Matcher::Name(_) => {
                    needs.names = true;
                    needs.cmdline = true;
                }
                Matcher::Pattern(_) => needs.cmdline = true,
                Matcher::Pidfile { .. } | Matcher::Unit(_) => {}
            }
        }
    }
    needs
}

/// What the checks of one run share, owned so that worker threads can
/// outlive a hung check.
struct Shared {
    host: Box<dyn Host + Send>,
    /// Unix seconds at the start of the run.
    now: f64,
    inputs: Inputs,
}

impl Shared {
    fn ctx(&self) -> CheckCtx<'_> {
        self.inputs.ctx(self.host.as_ref(), self.now)
    }
}

fn dispatch(ctx: &CheckCtx<'_>, m: &Monitor) -> anyhow::Result<CheckOutput> {
    super::kinds::check(ctx, m)
}

fn result(m: &Monitor, out: CheckOutput, took: Duration) -> CheckResult {
    CheckResult {
        monitor: m.name.clone(),
        kind: m.kind().to_string(),
        status: out.status,
        message: out.message,
        duration_ms: took.as_secs_f64() * 1000.0,
        metrics: out.metrics,
        counters: out.counters,
        procs: out.procs,
        anomalies: Vec::new(),
        waiting_for: Vec::new(),
    }
}

fn unknown(message: String) -> CheckOutput {
    CheckOutput { status: Status::Unknown, message, ..Default::default() }
}

/// Run one monitor on this thread.
pub(crate) fn run_one(ctx: &CheckCtx<'_>, m: &Monitor) -> CheckResult {
    let start = Instant::now();
    let out = match catch_unwind(AssertUnwindSafe(|| dispatch(ctx, m))) {
        Ok(Ok(out)) => out,
        Ok(Err(e)) => unknown(format!("{e:#}")),
        Err(_) => unknown("internal error: the check panicked".to_string()),
    };
    result(m, out, start.elapsed())
}

/// Monitors whose check was abandoned past its timeout and is still
/// running on its thread. The engine owns one for its whole life
/// (`engine::Engine`); the worker threads hold a clone. A monitor found
/// here is not started again: it is reported `unknown` at once.
///
/// Only abandoned checks are written here (by the thread that waits, as
/// it gives up on one; the check's own thread takes the name out as it
/// ends), not every check as it starts and ends: that was a lock taken
/// twice per check by every check thread, a thousand times a run on a
/// pool. `count` lets a run with nothing hung skip the lock.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hung(Arc<HungSet>);

#[derive(Debug, Default)]
struct HungSet {
    names: Mutex<HashSet<String>>,
    count: AtomicUsize,
}

impl Hung {
    fn set(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.0.names.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn contains(&self, name: &str) -> bool {
        self.0.count.load(Ordering::Acquire) > 0 && self.set().contains(name)
    }

    fn insert(&self, name: &str) {
        let mut set = self.set();
        set.insert(name.to_string());
        self.0.count.store(set.len(), Ordering::Release);
    }

    fn remove(&self, name: &str) {
        let mut set = self.set();
        set.remove(name);
        self.0.count.store(set.len(), Ordering::Release);
    }
}

/// One run's shared state: each monitor's start time and result slot.
/// A slot is set once, by whoever comes first: the check's thread with
/// its result, or the waiting thread with "timed out" (the check's late
/// result is then dropped). Only the last result wakes the waiting
/// thread: one message a run, not two a check.
struct Board {
    /// Nanoseconds from `epoch` to the check's start, plus one; 0 while
    /// it has not started.
    started: Vec<AtomicU64>,
    /// Each result, set once; a lock only so that it can be taken out at the end.
    results: Vec<OnceLock<Mutex<Option<CheckResult>>>>,
    remaining: AtomicUsize,
    epoch: Instant,
    done: Mutex<mpsc::Sender<()>>,
}

impl Board {
    fn new(n: usize, done: mpsc::Sender<()>) -> Board {
        Board {
            started: (0..n).map(|_| AtomicU64::new(0)).collect(),
            results: (0..n).map(|_| OnceLock::new()).collect(),
            remaining: AtomicUsize::new(n),
            epoch: Instant::now(),
            done: Mutex::new(done),
        }
    }

    fn start(&self, i: usize) {
        let ns = u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX - 1);
        self.started[i].store(ns + 1, Ordering::Release);
    }

    fn started_at(&self, i: usize) -> Option<Instant> {
        match self.started[i].load(Ordering::Acquire) {
            0 => None,
            ns => Some(self.epoch + Duration::from_nanos(ns - 1)),
        }
    }

    /// Put `r` in slot `i`; false when the slot was set already.
    fn put(&self, i: usize, r: CheckResult) -> bool {
        if self.results[i].set(Mutex::new(Some(r))).is_err() {
            return false;
        }
        if self.remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
            let _ = self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner).send(());
        }
        true
    }
}

/// Run all monitors in parallel; results come back in the monitors' order.
pub(crate) fn run_all(
    host: Box<dyn Host + Send>,
    inputs: Inputs,
    now: f64,
    monitors: Arc<Vec<Monitor>>,
    hung: &Hung,
) -> Vec<CheckResult> {
    let shared = Arc::new(Shared { host, now, inputs });
    let n = monitors.len();
    if n == 0 {
        return Vec::new();
    }
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<()>();
    let board = Arc::new(Board::new(n, tx));
    let spawn_worker = || {
        let (shared, monitors, next, board, hung) =
            (shared.clone(), monitors.clone(), next.clone(), board.clone(), hung.clone());
        std::thread::Builder::new().name("hm-check".into()).spawn(move || {
            let ctx = shared.ctx();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(m) = monitors.get(i) else { break };
                if hung.contains(&m.name) {
                    let out = unknown("its check from an earlier cycle is still hung; not starting another".into());
                    board.put(i, result(m, out, Duration::ZERO));
                    continue;
                }
                board.start(i);
                let r = run_one(&ctx, m);
                if !board.put(i, r) {
                    // Given up on as hung meanwhile: no longer hung now.
                    // On to the next monitor all the same, as before: the
                    // fresh worker started in its place may not have been.
                    hung.remove(&m.name);
                }
            }
        })
    };
    let cpus = crate::host::cpus();
    let spawned = (0..n.min(cpus.max(4))).filter(|_| spawn_worker().is_ok()).count();
    if spawned == 0 {
        // No threads to be had: run here, without timeouts, rather than not at all.
        let ctx = shared.ctx();
        return monitors.iter().map(|m| run_one(&ctx, m)).collect();
    }
    // The shortest timeout: no check that has not started yet can time
    // out sooner than that from now.
    let shortest = monitors.iter().map(|m| m.timeout).min().unwrap_or(Duration::ZERO);
    while board.remaining.load(Ordering::Acquire) > 0 {
        let now = Instant::now();
        let mut wake = now + shortest;
        let mut expired = Vec::new();
        for (i, m) in monitors.iter().enumerate() {
            if board.results[i].get().is_some() {
                continue;
            }
            if let Some(at) = board.started_at(i) {
                let deadline = at + m.timeout;
                if deadline <= now {
                    expired.push((i, at));
                } else {
                    wake = wake.min(deadline);
                }
            }
        }
        for (i, started) in expired {
            let m = &monitors[i];
            // Named hung first: a result the check's thread puts after
            // this finds the slot set and takes the name out again.
            hung.insert(&m.name);
            let out = unknown(format!("timed out after {}", format_duration(m.timeout)));
            if board.put(i, result(m, out, now - started)) {
                // The hung worker is lost to the pool; replace it.
                let _ = spawn_worker();
            } else {
                hung.remove(&m.name);
            }
        }
        if board.remaining.load(Ordering::Acquire) == 0 {
            break;
        }
        match rx.recv_timeout(wake.saturating_duration_since(Instant::now())) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    (0..n)
        .map(|i| {
            let m = &monitors[i];
            board.results[i]
                .get()
                .and_then(|r| r.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take())
                .unwrap_or_else(|| result(m, unknown("the check did not run".into()), Duration::ZERO))
        })
        .collect()
}
