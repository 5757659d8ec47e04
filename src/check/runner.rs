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
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
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

/// Monitors whose check is running now. Runs are sequential and a monitor
/// appears once per run, so a name found here when a check is about to
/// start belongs to a hung check of an earlier run. The engine owns one
/// for its whole life (`engine::Engine`); the abandoned threads hold a
/// clone.
#[derive(Debug, Default, Clone)]
pub(crate) struct Hung(Arc<Mutex<HashSet<String>>>);

impl Hung {
    fn set(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

enum Msg {
    Started(usize, Instant),
    Done(usize, CheckResult),
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
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<Msg>();
    let spawn_worker = || {
        let (shared, monitors, next, tx, hung) =
            (shared.clone(), monitors.clone(), next.clone(), tx.clone(), hung.clone());
        std::thread::Builder::new().name("hm-check".into()).spawn(move || {
            let ctx = shared.ctx();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(m) = monitors.get(i) else { break };
                if !hung.set().insert(m.name.clone()) {
                    let out = unknown("its check from an earlier cycle is still hung; not starting another".into());
                    if tx.send(Msg::Done(i, result(m, out, Duration::ZERO))).is_err() {
                        break;
                    }
                    continue;
                }
                if tx.send(Msg::Started(i, Instant::now())).is_err() {
                    break;
                }
                let r = run_one(&ctx, m);
                hung.set().remove(&m.name);
                if tx.send(Msg::Done(i, r)).is_err() {
                    break;
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
    let mut results: Vec<Option<CheckResult>> = vec![None; n];
    let mut deadlines: HashMap<usize, (Instant, Instant)> = HashMap::new();
    let mut remaining = n;
    while remaining > 0 {
        let now = Instant::now();
        let wait = deadlines.values().map(|(_, d)| d.saturating_duration_since(now)).min();
        let msg = match wait {
            Some(w) => rx.recv_timeout(w),
            None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        match msg {
            Ok(Msg::Started(i, at)) => {
                deadlines.insert(i, (at, at + monitors[i].timeout));
            }
            Ok(Msg::Done(i, r)) => {
                deadlines.remove(&i);
                if results[i].is_none() {
                    results[i] = Some(r);
                    remaining -= 1;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                let expired: Vec<usize> = deadlines.iter().filter(|(_, (_, d))| *d <= now).map(|(i, _)| *i).collect();
                for i in expired {
                    let (started, _) = deadlines.remove(&i).unwrap_or((now, now));
                    let m = &monitors[i];
                    let out = unknown(format!("timed out after {}", format_duration(m.timeout)));
                    results[i] = Some(result(m, out, now - started));
                    remaining -= 1;
                    // The hung worker is lost to the pool; replace it.
                    let _ = spawn_worker();
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    results
        .into_iter()
        .zip(monitors.iter())
        .map(|(r, m)| r.unwrap_or_else(|| result(m, unknown("the check did not run".into()), Duration::ZERO)))
        .collect()
}
