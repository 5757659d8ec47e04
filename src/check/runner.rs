//! Runs monitors in parallel and turns each outcome into a [`CheckResult`].
//!
//! A small pool of scoped threads pulls monitors off a shared index: the
//! expensive part (the process-table scan) happens once inside the host and
//! is shared, so the threads mostly overlap waiting (a CPU sample, a
//! `systemctl` call) with matching. A check that fails to run is `unknown`
//! with the reason, never an abort of the whole run.

use super::{CheckCtx, CheckOutput, CheckResult, cpu, disk, heartbeat, load, memory, process};
use crate::config::{Matcher, Monitor, Spec};
use crate::host::ProcNeeds;
use crate::status::Status;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// What the process scan must read for these monitors.
pub fn proc_needs(monitors: &[&Monitor]) -> ProcNeeds {
    let mut needs = ProcNeeds::default();
    for m in monitors {
        if let Spec::Process(p) = &m.spec {
            match p.matcher {
                Matcher::Name(_) => {
                    needs.names = true;
                    needs.cmdline = true;
                }
                Matcher::Pattern(_) => needs.cmdline = true,
                Matcher::Pidfile(_) | Matcher::Unit(_) => {}
            }
        }
    }
    needs
}

fn dispatch(ctx: &CheckCtx<'_>, m: &Monitor) -> anyhow::Result<CheckOutput> {
    match &m.spec {
        Spec::Cpu { limits } => cpu::check(ctx, *limits),
        Spec::Memory { memory: mem, swap } => memory::check(ctx, *mem, *swap),
        Spec::Load { limits } => load::check(ctx, *limits),
        Spec::Disk(spec) => disk::check(ctx, spec),
        Spec::Process(spec) => process::check(ctx, spec),
        Spec::Heartbeat(spec) => heartbeat::check(ctx, spec),
    }
}

/// Run one monitor.
pub fn run_one(ctx: &CheckCtx<'_>, m: &Monitor) -> CheckResult {
    let start = Instant::now();
    let out = match catch_unwind(AssertUnwindSafe(|| dispatch(ctx, m))) {
        Ok(Ok(out)) => out,
        Ok(Err(e)) => CheckOutput { status: Status::Unknown, message: format!("{e:#}"), ..Default::default() },
        Err(_) => CheckOutput {
            status: Status::Unknown,
            message: "internal error: the check panicked".to_string(),
            ..Default::default()
        },
    };
    CheckResult {
        monitor: m.name.clone(),
        kind: m.kind().to_string(),
        status: out.status,
        message: out.message,
        duration_ms: start.elapsed().as_secs_f64() * 1000.0,
        metrics: out.metrics,
        counters: out.counters,
    }
}

/// Run all monitors, in parallel; results come back in the monitors' order.
pub fn run_all(ctx: &CheckCtx<'_>, monitors: &[&Monitor]) -> Vec<CheckResult> {
    let cpus = std::thread::available_parallelism().map_or(2, |n| n.get());
    let workers = monitors.len().min(cpus.max(4));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<CheckResult>>> = Mutex::new(vec![None; monitors.len()]);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(m) = monitors.get(i) else { break };
                    let r = run_one(ctx, m);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default().into_iter().flatten().collect()
}
