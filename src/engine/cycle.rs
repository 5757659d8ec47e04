//! One cycle: run the monitors now, then record results, metrics and
//! counters, raise alerts, deliver them and prune history past the
//! retention (hourly) (`hm check`, and each cycle of `hm run` and `hm serve`).
//!
//! The steps are open (the database, with the process scan in parallel) →
//! gather (what the checks need from earlier runs) → run → record → alert
//! → deliver. The database is not needed to check: when it cannot be
//! opened or written (disk full, read-only), the results are still
//! returned, with a warning that they were not recorded, and the exit code
//! follows health. A database that is not hm's is still an error: `--db`
//! names the wrong file.

use super::Engine;
use super::report::CheckReport;
use crate::alert::outbox::{Delivery, Due, deliver};
use crate::alert::router::{Processed, process};
use crate::alert::state::EventKind;
use crate::check::runner::{patterns, proc_needs, run_all};
use crate::check::{CheckResult, Inputs};
use crate::config::{Config, HeartbeatSource, Monitor, Spec};
use crate::remedy::restart::{Budget, budget};
use crate::status::Status;
use crate::store::RestartsBy;
use crate::store::{CheckRow, Failure, OpenError, Store, with_space_hint};
use crate::time::{rfc3339, unix_now};
use anyhow::Result;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// What a cycle does with what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Record, raise alerts and deliver what waits in the outbox (`hm
    /// check`, each cycle of the loop).
    RecordAndSend,
    /// Record and raise alerts, leaving the outbox: `hm heal` sends only
    /// once it has let go of the run lock.
    RecordUnsent,
    /// Record nothing, raise and send nothing (`hm heal --dry-run`).
    Look,
}

/// The longest a firing waits for its worker's death certificate.
const SETTLE: std::time::Duration = std::time::Duration::from_secs(1);

/// A worker whose automatic restart budget is spent is in a crash loop:
/// critical while it is down (hm will not restart it until
/// the window lets it), a warning while it runs, saying when the next
/// automatic restart is allowed.
fn gave_up(m: &Monitor, r: &mut CheckResult, now: f64, restarts: &HashMap<String, Vec<f64>>) {
    let Spec::Process(p) = &m.spec else { return };
    if !r.waiting_for.is_empty() {
        return; // waiting for a dependency, not restarted (`depends.rs`)
    }
    let Some(restart) = &p.restart else { return };
    let history = restarts.get(&m.name).map_or(&[][..], Vec::as_slice);
    if let Budget::GaveUp { restarts } = budget(restart, history, now) {
        let down = r.metrics.iter().find(|x| x.name == "count").is_none_or(|c| c.value < f64::from(p.min));
        let next = crate::remedy::restart::frees_in(restart, history, now);
        r.status = if down { Status::Critical } else { Status::worst_of([r.status, Status::Warning]) };
        r.message = format!("{}; {}", r.message, super::restart::crash_loop(m, restart, restarts, next));
    }
}

/// Gather what the checks need from earlier runs: counters, pings, task
/// windows.
fn gather(store: &Store, monitors: &[Monitor], now: f64) -> Result<Inputs> {
    let counters = store.counters()?.into_iter().map(|(k, c)| (k, c.into())).collect();
    let mut r = Inputs { counters, ..Inputs::default() };
    // Each ping name once, over the widest window of the tasks monitors
    // reading it; each monitor keeps to its own window.
    let mut windows: HashMap<&str, f64> = HashMap::new();
    for m in monitors {
        if let Spec::Tasks(t) = &m.spec {
            let w = windows.entry(t.ping.as_str()).or_insert(0.0);
            *w = w.max(t.window.as_secs_f64());
        }
    }
    for (ping, window) in windows {
        r.tasks.insert(ping.to_string(), store.task_pings(ping, now - window)?.into_iter().map(Into::into).collect());
    }
    for m in monitors {
        if let Spec::Heartbeat(h) = &m.spec
            && let HeartbeatSource::Ping(name) = &h.source
            && let Some(p) = store.last_ping(name)?
        {
            r.pings.insert(name.clone(), p.into());
        }
        // A scheduled job: the run now going (its runtime is judged too),
        // and since when it is expected, should it never have run.
        if let Spec::Heartbeat(h) = &m.spec
            && h.schedule.is_some()
        {
            if let HeartbeatSource::Ping(name) = &h.source
                && let Some(began) = store.open_start(name)?
            {
                r.started.insert(name.clone(), began);
            }
            if let Some(first) = store.first_check(&m.name)? {
                r.first_checked.insert(m.name.clone(), first);
            }
        }
    }
    Ok(r)
}

/// What history adds to the results: spent restart budgets, forecasts and
/// anomalies. Reads only.
fn annotate(store: &Store, monitors: &[Monitor], results: &mut [CheckResult], now: f64) -> Result<()> {
    // The restart history of every budgeted worker, read at once.
    let windows: HashMap<&str, f64> = monitors
        .iter()
        .filter_map(|m| match &m.spec {
            Spec::Process(p) => p.restart.as_ref().map(|r| (m.name.as_str(), now - r.window.as_secs_f64())),
            _ => None,
        })
        .collect();
    let restarts =
        if windows.is_empty() { HashMap::new() } else { store.restarts_of_many(&windows, RestartsBy::Hm)? };
    for (r, m) in results.iter_mut().zip(monitors.iter()) {
        gave_up(m, r, now, &restarts);
        crate::analyze::annotate(store, m, r, now)?;
    }
    Ok(())
}

/// Everything a run writes, after [`annotate`]: results, alerts,
/// deliveries (when `send` names the database to deliver for) and pruning
/// (hourly: [`crate::store::PRUNE_EVERY`]).
#[expect(clippy::too_many_arguments, reason = "one call site, each argument a different part of the engine")]
fn record(
    send: Option<&Path>,
    store: &mut Store,
    engine: &Engine,
    config: &Config,
    monitors: &[Monitor],
    results: &mut [CheckResult],
    now: f64,
    all: bool,
) -> Result<(Processed, Option<Delivery>)> {
    annotate(store, monitors, results, now)?;
    engine.counters.keep(now, results);
    let rows: Vec<CheckRow> = results.iter().map(CheckRow::from).collect();
    // What history last kept is read only where it decides anything: for
    // pool instances (`thin.rs`).
    let marks = if results.iter().any(|r| crate::config::instances::split(&r.monitor).is_some()) {
        store.marks()?
    } else {
        HashMap::new()
    };
    let log = super::thin::logged(results, &marks, now);
    store.record_logging(now, &rows, |i| log.get(i).copied().unwrap_or(true))?;
    engine.counters.written(now, results);
    let alerts = process(store, config, results, now, all)?;
    let notifications = match send {
        Some(db) if store.has_undelivered()? => {
            // A firing goes out with its worker's death certificate, which
            // the coroner may be writing now (milliseconds; at most
            // `SETTLE`). Only a firing waits: a restart after a first
            // failing check (the default `after` is 2) never does.
            let firing: Vec<&str> = alerts
                .raised
                .iter()
                .filter(|r| r.event == EventKind::Firing && !r.channels.is_empty())
                .map(|r| r.monitor.as_str())
                .collect();
            engine.deaths.settle(&firing, SETTLE);
            Some(deliver(store, config, db, now, Due::Now)?)
        }
        _ => None,
    };
    store.prune_if_due(now, now - config.settings.retention.as_secs_f64())?;
    Ok((alerts, notifications))
}

fn not_recorded(db: &Path, e: &anyhow::Error) -> String {
    format!("database {}: {e:#}; results were not recorded", db.display())
}

/// After a failure on an open database: a damaged file is moved aside and a
/// new database opened (once, with a note); anything else (a full disk) is a
/// warning, and this run is not recorded.
fn after_failure(db: &Path, e: Failure, warnings: &mut Vec<String>) -> Option<Store> {
    let reason = match e {
        Failure::Corrupt { reason } => reason,
        Failure::Busy(e) | Failure::Full(e) | Failure::ReadOnly(e) | Failure::Other(e) => {
            warnings.push(not_recorded(db, &with_space_hint(db, e)));
            return None;
        }
    };
    match Store::start_anew(db, &reason) {
        Ok((store, note)) => {
            warnings.push(note);
            Some(store)
        }
        Err(e) => {
            warnings.push(format!("{e:#}; results were not recorded"));
            None
        }
    }
}

impl Engine {
    /// Check and record: `hm check`, and a cycle of `hm run` and `hm serve`
    /// (with the config they keep until SIGHUP). `started` is when the run
    /// began, for its duration.
    pub(crate) fn check(&self, config: &Config, names: &[String], started: Instant) -> Result<CheckReport> {
        self.cycle(config, names, started, Keep::RecordAndSend)
    }

    /// Check and record, but leave what it queued in the outbox: `hm heal`
    /// holds the run lock while it checks, and sends only once it has let go
    /// of it, so that a `command` channel may run hm itself.
    pub(crate) fn check_unsent(&self, config: &Config, names: &[String], started: Instant) -> Result<CheckReport> {
        self.cycle(config, names, started, Keep::RecordUnsent)
    }

    /// Check without recording anything (results, alerts, deliveries): what
    /// `hm heal --dry-run` looks at, so that a dry run sends no alert.
    pub(crate) fn look(&self, config: &Config, names: &[String]) -> Result<CheckReport> {
        self.cycle(config, names, Instant::now(), Keep::Look)
    }

    /// Open the database: the one kept from the last cycle when it is still
    /// the file at the path, else a fresh connection.
    pub(super) fn open(&self, db: &Path, warnings: &mut Vec<String>) -> Result<Option<Store>> {
        let opened = match self.kept.take(db) {
            Some(kept) => Ok((kept, None)),
            None => Store::open_or_recover(db),
        };
        match opened {
            Ok((store, note)) => {
                warnings.extend(note);
                Ok(Some(store))
            }
            Err(OpenError::Unavailable(e)) => {
                warnings.push(format!("{e:#}; results were not recorded"));
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    fn cycle(&self, config: &Config, names: &[String], started: Instant, keep: Keep) -> Result<CheckReport> {
        let now = unix_now();
        let monitors: Vec<Monitor> = config.select(names)?.into_iter().cloned().collect();
        // Scan the process table while the database opens: the two are the
        // slowest parts of a run and need nothing from each other.
        let needs = proc_needs(&monitors);
        let hosts = self.hosts.clone();
        let scan = std::thread::Builder::new().name("hm-scan".into()).spawn(move || {
            let host = hosts(needs);
            // A failed scan is kept in the host and reported by the checks that need it.
            let _ = host.processes();
            host
        });
        let patterns = patterns(&monitors, &self.patterns);
        let db = self.ctx.db_path(config);
        let all = names.is_empty();
        let mut warnings = Vec::new();
        let mut store = self.open(&db, &mut warnings)?;
        let mut inputs = match store.as_ref().map(|s| gather(s, &monitors, now)) {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                drop(store.take()); // closed before it is moved aside
                store = after_failure(&db, e.into(), &mut warnings);
                Inputs::default()
            }
            None => Inputs::default(),
        };
        // A held monitor is not checked: its result says why (`hold.rs`).
        let holds = super::hold::in_force(store.as_ref(), now);
        let (monitors, held) = super::hold::split(monitors, &holds);
        self.counters.overlay(&mut inputs.counters);
        inputs.patterns = patterns;
        let host = match scan.map(|h| h.join()) {
            Ok(Ok(host)) => host,
            // No thread to be had, or it panicked: scan here instead.
            _ => self.host(needs),
        };
        let monitors = Arc::new(monitors);
        // Checks compare against the host's own stamps (file times, an
        // application's rows): the wall clock, not hm's steady one.
        let mut checked = run_all(host, inputs, crate::time::wall_now(), monitors.clone(), &self.hung);
        checked.extend(held); // after the checked, which `annotate` pairs with `monitors`
        // Waiting for a dependency: unknown, not alerted, not healed (`depends.rs`).
        super::depends::gate(store.as_ref(), config, &mut checked);
        let mut results = checked.clone();
        let mut written = None;
        if keep == Keep::Look {
            // A look: the same annotations, nothing written.
            if let Some(Err(e)) = store.as_ref().map(|s| annotate(s, &monitors, &mut results, now)) {
                warnings.push(format!("cannot read {}: {e:#}", db.display()));
            }
            store = None;
        }
        if let Some(mut s) = store {
            let send = (keep == Keep::RecordAndSend).then_some(db.as_path());
            match record(send, &mut s, self, config, &monitors, &mut results, now, all) {
                Ok(w) => {
                    written = Some(w);
                    self.kept.keep(s); // for the next cycle of `hm run`
                }
                Err(e) => {
                    drop(s);
                    // Damage found while writing: this run goes into a new
                    // database, from the unannotated results.
                    if let Some(mut fresh) = after_failure(&db, e.into(), &mut warnings) {
                        results = checked;
                        match record(send, &mut fresh, self, config, &monitors, &mut results, now, all) {
                            Ok(w) => {
                                written = Some(w);
                                self.kept.keep(fresh);
                            }
                            Err(e) => warnings.push(not_recorded(&db, &e)),
                        }
                    }
                }
            }
        }
        let recorded = written.is_some();
        let (processed, notifications) = written.unwrap_or_default();
        Ok(CheckReport {
            status: Status::worst_of(results.iter().map(|r| r.status)),
            checked_at: rfc3339(now),
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            recorded,
            pools: super::hold::pools(&results, &holds),
            warnings,
            results,
            alerts: processed.raised,
            pending_alerts: processed.pending,
            escalate_at: processed.escalate_at,
            notifications,
        })
    }
}
