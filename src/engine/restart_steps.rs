//! The steps of one restart, apart so that a heal can run the middle ones
//! of many workers side by side (`restart_many`): `prepare` finds what
//! runs (and, in a dry run, says what would be done), the caller commits
//! the intent (`intent`), `start` stops and starts, `verify` looks once
//! the delay is up, `record` completes the row. Only the intent and the
//! record touch the store.
//!
//! A stop signal during the wait ends it at once: the restart
//! is recorded `interrupted`, with the pid it started, and hm exits.

use super::intent::{Held, Intent, Pending};
use super::report::{Outcome, RestartReport};
use super::restart::restartable;
use super::{Asker, DryRun, Engine};
use crate::check::runner::proc_needs;
use crate::config::{Monitor, ProcessSpec, RestartHow, RestartSpec};
use crate::host::ProcInfo;
use crate::host::stop;
use crate::remedy::restart;
use crate::store::{ActionKind, ActionOutcome};
use crate::units::format_duration;
use anyhow::Result;
use std::time::Instant;

/// A restart begun: prepared (what runs), then stopped and started (or,
/// in a dry run, described), not yet verified.
/// Owned, so that its verification can wait beside the loop of `hm run`
/// (`engine::later`).
pub(super) struct Begun {
    m: Monitor,
    spec: ProcessSpec,
    r: RestartSpec,
    old: Vec<ProcInfo>,
    report: RestartReport,
    /// What was started, and when to look whether it runs; `None` when
    /// there is nothing to look at (a dry run, a start that failed).
    attempt: Option<(restart::Attempt, Instant)>,
}

/// A restart carried out (or, in a dry run, described), not yet recorded.
pub(super) struct Acted {
    pub report: RestartReport,
}

impl Begun {
    /// The intent to commit before [`Engine::start`]: what will be
    /// stopped and started.
    pub(super) fn intent(&self) -> Intent {
        let what = match &self.r.how {
            RestartHow::Unit(u) => format!("systemctl restart {u}"),
            RestartHow::Commands { start, .. } => format!("start {}", start.join(" ")),
        };
        let targets = if self.report.old_pids.is_empty() {
            what
        } else {
            format!("stop pids {:?}; {what}", self.report.old_pids)
        };
        Intent { manual: self.report.manual, ..Intent::new(&self.m.name, ActionKind::Restart, targets) }
    }

    /// The pid started, once started: noted in the pending row.
    pub(super) fn started(&self) -> Option<String> {
        let (a, _) = self.attempt.as_ref()?;
        Some(format!("{} (not verified yet)", a.steps.join("; ")))
    }

    /// When to look whether it runs; `None`: nothing to wait for.
    pub(super) fn due(&self) -> Option<Instant> {
        self.attempt.as_ref().map(|(_, due)| *due)
    }

    /// The worker's monitor.
    pub(super) fn monitor(&self) -> &str {
        &self.m.name
    }

    /// Found with nothing running and to be restarted for real, by a run
    /// that did not watch it die (`watching`: a coroner did): its death
    /// certificate, as found, before the restart that answers it.
    pub(super) fn record_found_dead(&mut self, store: &crate::store::Store, watching: bool) {
        if !self.old.is_empty() || self.report.dry_run || watching {
            return;
        }
        let by = if self.report.manual { "hm restart-worker" } else { "hm heal" };
        if let Some(e) = super::death::found_dead(store, &self.m, by) {
            self.report.steps.push(format!("its death was not recorded: {e}"));
        }
    }
}

impl Engine {
    /// What runs of `m`'s worker now; a dry run's description.
    ///
    /// `found`: what the heal's own check found running a moment ago
    /// (pid, start time), which saves a scan of the whole process table;
    /// each is read again, and only the same process still alive counts.
    pub(super) fn prepare(
        &self,
        m: &Monitor,
        dry_run: DryRun,
        why: Option<&str>,
        found: Option<&[(u32, u64)]>,
        asker: Asker,
    ) -> Result<Begun> {
        let (spec, r) = restartable(m)?;
        let old = match found {
            Some(found) => {
                let host = self.host(proc_needs([m]));
                found
                    .iter()
                    .filter_map(|(pid, start)| host.process(*pid).filter(|p| p.start_ticks == *start && !p.zombie))
                    .collect()
            }
            None => self.running_now(m, spec)?,
        };
        let mut report = new_report(m, &old, dry_run.yes(), why);
        report.manual = asker == Asker::Person;
        if dry_run.yes() {
            report.outcome = Outcome::WouldRestart;
            report.steps.push(match &r.how {
                RestartHow::Unit(u) => format!("would run systemctl restart {u}"),
                RestartHow::Commands { start, .. } if report.old_pids.is_empty() => {
                    format!("would start {} (nothing running to stop)", start.join(" "))
                }
                RestartHow::Commands { start, .. } => {
                    format!("would stop pids {:?} and start {}", report.old_pids, start.join(" "))
                }
            });
        }
        Ok(Begun { m: m.clone(), spec: spec.clone(), r: r.clone(), old, report, attempt: None })
    }

    /// Stop and start a prepared restart (its intent committed). Split
    /// from [`Engine::verify`] so that a mass restart does not hold one of
    /// its few threads through each `restart_delay`.
    pub(super) fn start(&self, mut b: Begun) -> Begun {
        if b.report.dry_run {
            return b;
        }
        let host = self.host(proc_needs([&b.m]));
        let attempt = restart::restart(host.as_ref(), &b.m.name, &b.r, &b.old);
        // Its death, should it die before a check matches it.
        if let Some(p) = attempt.as_ref().ok().and_then(|a| a.started_proc.as_ref()) {
            self.deaths.started(&b.m.name, p);
        }
        b.attempt = match attempt {
            Ok(a) => Some((a, Instant::now() + b.r.delay)),
            Err(e) => {
                b.report.steps.push(format!("{e:#}"));
                b.report.steps.push(format!("not running after {}", format_duration(b.r.delay)));
                None
            }
        };
        b
    }

    /// Once its `restart_delay` is up, look whether a begun restart's
    /// worker runs (a fresh scan); a started command that the monitor does
    /// not find is stopped again. A stop signal ends the wait: the restart
    /// is `interrupted`, what was started recorded, nothing verified.
    pub(super) fn verify(&self, begun: Begun) -> Acted {
        let Begun { m, spec, r, mut report, attempt, .. } = begun;
        let Some((mut a, due)) = attempt else { return Acted { report } };
        if !stop::sleep_until(due) {
            report.steps.append(&mut a.steps);
            report.steps.push("hm was stopped before it could verify the worker runs".into());
            report.outcome = Outcome::Interrupted;
            return Acted { report };
        }
        let ok = match self.running_now(&m, &spec) {
            Ok(new) => {
                report.new_pids = new.iter().map(|p| p.pid).collect();
                let ok = new.len() as u32 >= spec.min.max(1);
                if !ok {
                    restart::stop_unseen(self.host(proc_needs([&m])).as_ref(), &mut a, &report.new_pids, r.grace);
                }
                report.steps.append(&mut a.steps);
                if !ok {
                    report.steps.push(format!("not running after {}", format_duration(r.delay)));
                }
                ok
            }
            Err(e) => {
                report.steps.append(&mut a.steps);
                report.steps.push(format!("cannot look whether it runs: {e:#}"));
                false
            }
        };
        report.outcome = if ok { Outcome::Restarted } else { Outcome::Failed };
        Acted { report }
    }
}

/// The report of a restart of `m`, before it is decided.
pub(super) fn new_report(m: &Monitor, old: &[ProcInfo], dry_run: bool, why: Option<&str>) -> RestartReport {
    RestartReport {
        monitor: m.name.clone(),
        outcome: Outcome::Failed,
        dry_run,
        manual: false,
        old_pids: old.iter().map(|p| p.pid).collect(),
        new_pids: Vec::new(),
        steps: why.map(String::from).into_iter().collect(),
        retry_in: None,
    }
}

/// Complete the intent of a restart with what it did (a dry run has none):
/// every action is in the actions table before the run reports it.
pub(super) fn record(pending: Option<Pending<'_>>, acted: Acted) -> Result<RestartReport> {
    let Acted { report } = acted;
    let Some(pending) = pending else { return Ok(report) };
    let (outcome, details) = row_outcome(&report);
    pending.finish(outcome, &details)?;
    Ok(report)
}

/// [`record`] of a row held past its connection, on `store`.
pub(super) fn record_held(store: &crate::store::Store, held: Option<Held>, acted: Acted) -> Result<RestartReport> {
    let Acted { report } = acted;
    let Some(held) = held else { return Ok(report) };
    let (outcome, details) = row_outcome(&report);
    held.finish(store, outcome, &details)?;
    Ok(report)
}

/// The outcome and details the actions row of a restart gets.
fn row_outcome(report: &RestartReport) -> (ActionOutcome, String) {
    match report.outcome {
        Outcome::Restarted => {
            (ActionOutcome::Ok, format!("{}; running: {:?}", report.steps.join("; "), report.new_pids))
        }
        Outcome::Interrupted => (ActionOutcome::Interrupted, report.steps.join("; ")),
        _ => (ActionOutcome::Failed, report.steps.join("; ")),
    }
}
