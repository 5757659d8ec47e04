//! `hm check`: run monitors now, record results, metrics and counters, and
//! prune history past the retention.

use super::{Ctx, rfc3339, unix_now};
use crate::alert::engine::{Raised, process};
use crate::alert::outbox::{Delivery, deliver};
use crate::check::CheckResult;
use crate::check::runner::{Shared, patterns, proc_needs, run_all};
use crate::config::{Config, HeartbeatSource, Monitor, Spec};
use crate::heal::restart::{Budget, budget};
use crate::host::Host;
use crate::host::linux::LinuxHost;
use crate::status::Status;
use crate::store::Store;
use crate::units::format_duration;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

/// The result of `hm check`.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// The worst status of all results.
    pub status: Status,
    /// When the run started (RFC 3339, UTC).
    pub checked_at: String,
    /// How long the whole run took, milliseconds.
    pub duration_ms: f64,
    /// One result per monitor, in config order.
    pub results: Vec<CheckResult>,
    /// Alert events this run raised: `firing`, `changed`, `repeat`, `resolved`.
    pub alerts: Vec<Raised>,
    /// What delivering notifications did; null when none were waiting.
    pub notifications: Option<Delivery>,
}

/// A worker whose restart budget is spent stays critical, whatever it does
/// now, until an operator resets it: hm stopped healing it, and someone
/// has to know.
fn gave_up(store: &Store, m: &Monitor, r: &mut CheckResult, now: f64) -> Result<()> {
    let Spec::Process(p) = &m.spec else { return Ok(()) };
    let Some(restart) = &p.restart else { return Ok(()) };
    let history = store.restarts_since(&m.name, now - restart.window.as_secs_f64())?;
    if let Budget::GaveUp { restarts } = budget(restart, &history, now) {
        r.status = Status::Critical;
        r.message = format!(
            "{}; gave up after {restarts} restarts in {} (hm restart-worker {} --reset)",
            r.message,
            format_duration(restart.window),
            m.name
        );
    }
    Ok(())
}

pub fn run(ctx: &Ctx, names: &[String]) -> Result<CheckReport> {
    let started = Instant::now();
    let config = ctx.config()?;
    run_with(ctx, &config, names, started)
}

/// Check with an already loaded config (`hm run` and `hm serve` keep theirs
/// until SIGHUP); `started` is when the run began, for its duration.
pub fn run_with(ctx: &Ctx, config: &Config, names: &[String], started: Instant) -> Result<CheckReport> {
    let now = unix_now();
    let monitors: Vec<Monitor> = config.select(names)?.into_iter().cloned().collect();
    // Scan the process table while the database opens: the two are the
    // slowest parts of a run and need nothing from each other.
    let needs = proc_needs(&monitors);
    let scan = std::thread::Builder::new().name("hm-scan".into()).spawn(move || {
        let host = LinuxHost::new(needs);
        // A failed scan is kept in the host and reported by the checks that need it.
        let _ = host.processes();
        host
    });
    let patterns = patterns(&monitors);
    let mut store = ctx.store(config)?;
    let counters = store.counters()?;
    let mut pings = HashMap::new();
    // Each ping name once, over the widest window of the tasks monitors
    // reading it; each monitor keeps to its own window.
    let mut windows: HashMap<&str, f64> = HashMap::new();
    for m in &monitors {
        if let Spec::Tasks(t) = &m.spec {
            let w = windows.entry(t.ping.as_str()).or_insert(0.0);
            *w = w.max(t.window.as_secs_f64());
        }
    }
    let mut tasks = HashMap::new();
    for (ping, window) in windows {
        tasks.insert(ping.to_string(), store.task_pings(ping, now - window)?);
    }
    for m in &monitors {
        if let Spec::Heartbeat(h) = &m.spec
            && let HeartbeatSource::Ping(name) = &h.source
            && let Some(p) = store.last_ping(name)?
        {
            pings.insert(name.clone(), p);
        }
    }
    let host = match scan.map(|h| h.join()) {
        Ok(Ok(host)) => host,
        // No thread to be had, or it panicked: scan here instead.
        _ => LinuxHost::new(needs),
    };
    let shared = Arc::new(Shared { host: Box::new(host), now, counters, pings, tasks, patterns });
    let monitors = Arc::new(monitors);
    let mut results = run_all(shared, monitors.clone());
    for (r, m) in results.iter_mut().zip(monitors.iter()) {
        gave_up(&store, m, r, now)?;
        crate::analyze::annotate(&store, m, r, now)?;
    }
    store.record_checks(now, &results)?;
    let alerts = process(&mut store, config, &results, now, names.is_empty())?;
    let notifications =
        if store.has_undelivered()? { Some(deliver(&store, config, &ctx.db_path(config), now, false)?) } else { None };
    store.prune(now - config.settings.retention.as_secs_f64())?;
    Ok(CheckReport {
        status: Status::worst_of(results.iter().map(|r| r.status)),
        checked_at: rfc3339(now),
        duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        results,
        alerts,
        notifications,
    })
}
