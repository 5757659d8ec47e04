//! Restarts whose verification is still to come: a worker is
//! stopped and started, its intent row noted with the pid started, and
//! whether it runs is looked at once its `restart_delay` is up.
//!
//! `hm heal` waits for them all together, each until its own delay is up
//! (no restart waits for another's). `hm run --heal` and `hm serve
//! --heal` do not wait at all: the heal's cycle ends with its restarts
//! started, the loop keeps them with its timers (`engine::daemon`), and
//! verifies those due in a run of their own ([`Engine::verify_due`]),
//! which completes their rows and checks their monitors again. A 5 s
//! verification held the loop, and every other monitor with it, for 5 s.
//! Meanwhile the monitor is not restarted again (`remedy.rs`: `waiting`).
//!
//! The row stays pending until then, as it is while `hm heal` waits: it
//! counts against the budget, and a stop records it `interrupted`, with
//! the pid started ([`Engine::interrupt`]).

use super::intent::Held;
use super::report::{CheckReport, HealReport, Outcome, Remedy, RemedyKind};
use super::restart_steps::{Begun, record_held};
use super::{DryRun, Engine};
use crate::check::CheckResult;
use crate::config::Config;
use crate::status::Status;
use crate::store::Store;
use crate::units::format_duration;
use anyhow::{Result, anyhow};
use std::sync::Mutex;
use std::time::Instant;

/// What a restart of a heal came to: done (verified, or never begun), or
/// started, to be verified later.
pub(super) enum Step {
    Done(Remedy),
    Later(Box<Later>),
}

/// A restart started, its verification to come.
pub(crate) struct Later {
    begun: Begun,
    row: Option<Held>,
    /// The monitor whose line it is: the worker's own, or the stalled
    /// monitor that asked for it (then `prefix` names the worker).
    shown: String,
    prefix: String,
    /// Where its line is in its heal's remedies.
    pub(super) slot: usize,
    /// What the heal's check said of `shown`, and when it checked: the
    /// `before` of the run that verifies it.
    pub(super) before: Option<(CheckResult, String)>,
}

impl Later {
    pub(super) fn new(begun: Begun, row: Option<Held>, shown: &str, prefix: String) -> Later {
        Later { begun, row, shown: shown.to_string(), prefix, slot: 0, before: None }
    }

    /// When to look whether the worker runs.
    pub(crate) fn due(&self) -> Instant {
        self.begun.due().unwrap_or_else(Instant::now)
    }

    /// The worker's monitor: not restarted again until verified.
    pub(crate) fn worker(&self) -> &str {
        self.begun.monitor()
    }

    /// The monitor whose line it is.
    pub(super) fn shown(&self) -> &str {
        &self.shown
    }

    /// Kept by the loop, no thread on it: a stop need not wait for it.
    pub(crate) fn park(&mut self) {
        if let Some(row) = &mut self.row {
            row.park();
        }
    }

    /// Its line until it is verified: `started`.
    pub(super) fn placeholder(&self) -> Remedy {
        let started = self.begun.started().unwrap_or_default();
        let wait = format_duration(self.due().saturating_duration_since(Instant::now()));
        Remedy {
            monitor: self.shown.clone(),
            remedy: RemedyKind::Restart,
            outcome: Outcome::Started,
            details: format!("{}{started}; verified in {wait}", self.prefix),
            retry_in: None,
        }
    }
}

impl Engine {
    /// Verify `later` side by side, each once its delay is up, then record
    /// each on `store` (one connection, so one after another): its slot
    /// and its line.
    pub(super) fn verify_all(&self, store: &Store, later: Vec<Later>) -> Vec<(usize, Remedy)> {
        let mut rest = Vec::with_capacity(later.len());
        let mut begun = Vec::with_capacity(later.len());
        for mut l in later {
            if let Some(row) = &mut l.row {
                row.resume();
            }
            begun.push(Mutex::new(Some(l.begun)));
            rest.push((l.row, l.shown, l.prefix, l.slot));
        }
        let nth: Vec<usize> = (0..begun.len()).collect();
        let mut acted = super::restart_many::side_by_side(&nth, |k| {
            let b = begun[k].lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
            b.map(|b| self.verify(b)).ok_or_else(|| anyhow!("internal error: a restart verified twice"))
        });
        acted.sort_by_key(|(k, _)| *k);
        let mut out = Vec::with_capacity(acted.len());
        for ((row, shown, prefix, slot), (_, a)) in rest.into_iter().zip(acted) {
            let line = match a.and_then(|a| record_held(store, row, a)) {
                Ok(rep) => Remedy {
                    monitor: shown,
                    remedy: RemedyKind::Restart,
                    outcome: rep.outcome,
                    details: format!("{prefix}{}", rep.steps.join("; ")),
                    retry_in: rep.retry_in,
                },
                Err(e) => Remedy {
                    monitor: shown,
                    remedy: RemedyKind::Restart,
                    outcome: Outcome::Failed,
                    details: format!("{prefix}{e:#}"),
                    retry_in: None,
                },
            };
            out.push((slot, line));
        }
        out
    }

    /// `hm run --heal`: verify the restarts now due, complete their rows,
    /// check their monitors again and tell as a heal does; one report,
    /// whose `before` is what the heals that started them found.
    pub(crate) fn verify_due(&self, config: &Config, later: Vec<Later>) -> Result<HealReport> {
        let ctx = self.ctx();
        let mut warnings = Vec::new();
        // The rows are completed even when another run holds the lock
        // past its wait: they were begun under one.
        let lock = crate::lock::unless_dry_run(&ctx.db_path(config), DryRun::No)
            .map_err(|e| warnings.push(format!("verifying without the run lock: {e:#}")))
            .ok()
            .flatten();
        let store = ctx.store(config)?;
        let pairs: Vec<(String, String)> = later.iter().map(|l| (l.shown.clone(), l.worker().to_string())).collect();
        let befores: Vec<(CheckResult, String)> = later.iter().filter_map(|l| l.before.clone()).collect();
        let remedies: Vec<Remedy> = self.verify_all(&store, later).into_iter().map(|(_, r)| r).collect();
        let results: Vec<CheckResult> = befores.iter().map(|(r, _)| r.clone()).collect();
        let checked_at = befores.first().map(|(_, at)| at.clone()).unwrap_or_default();
        let before = CheckReport { warnings, ..CheckReport::of(checked_at, results) };
        let done = super::heal::Done { remedies, cleaned: None, not_acting: None, later: Vec::new() };
        self.conclude(config, lock, before, done, DryRun::No, &pairs)
    }

    /// On a stop: the restarts not yet verified are recorded
    /// `interrupted`, with what was started (`verify` sees the stop).
    pub(crate) fn interrupt(&self, config: &Config, later: Vec<Later>) {
        if later.is_empty() {
            return;
        }
        match self.ctx().store(config) {
            Ok(store) => drop(self.verify_all(&store, later)),
            Err(e) => self.ctx().say.warning(format!("cannot record the restarts not yet verified: {e:#}")),
        }
    }
}

/// The verifications `hm run --heal` keeps beside its loop, parked.
#[derive(Default)]
pub(crate) struct Waiting(Vec<Later>);

impl Waiting {
    /// Keep what a heal left to verify.
    pub(crate) fn add(&mut self, later: Vec<Later>) {
        for mut l in later {
            l.park();
            self.0.push(l);
        }
    }

    /// Those due by `now`, taken.
    pub(crate) fn take_due(&mut self, now: Instant) -> Vec<Later> {
        let (due, rest) = std::mem::take(&mut self.0).into_iter().partition(|l| l.due() <= now);
        self.0 = rest;
        due
    }

    /// When the next is due.
    pub(crate) fn next(&self) -> Option<Instant> {
        self.0.iter().map(Later::due).min()
    }

    /// The workers not to restart again meanwhile.
    pub(crate) fn workers(&self) -> Vec<String> {
        self.0.iter().map(|l| l.worker().to_string()).collect()
    }

    /// On a stop: all of them recorded `interrupted`.
    pub(crate) fn interrupt(&mut self, engine: &Engine, config: &Config) {
        engine.interrupt(config, std::mem::take(&mut self.0));
    }
}

/// The workers a run of verifications restarted (or failed to) that its
/// check after finds down: a worker that died after its start, before its
/// new pid was watched, wakes nothing, and would otherwise wait for the
/// next full cycle. The loop heals them again at once, within their
/// budgets and backoffs.
pub(crate) fn down_after(report: &HealReport) -> Vec<String> {
    let Some(after) = &report.after else { return Vec::new() };
    let restarted = |m: &str| report.remedies.iter().any(|r| r.monitor == m && r.remedy == RemedyKind::Restart);
    after
        .results
        .iter()
        .filter(|r| r.status == Status::Critical && restarted(&r.monitor))
        .map(|r| r.monitor.clone())
        .collect()
}
