//! `hm heal` (and each cycle of `hm run --heal`): check, fix what the
//! config allows, check again.
//!
//! The plan ([`plan`]) is simple and explicit, and decided from the
//! config and the results alone: a `process` monitor whose worker is down
//! (fewer running than `min`) and that has a way to restart gets
//! restarted (within its budget and backoff); a `disk` monitor that is not
//! ok gets the `[[clean]]` rules (once per heal); a stuck `tmux` session
//! gets its keys and `on_stuck` command; a critical monitor of any kind
//! with `worker = "NAME"` gets NAME's live but stalled worker restarted
//! (see `heal_worker`); a `sqlite` database that is locked or
//! has a hot journal gets `clear-locks`. Everything else is reported as
//! having no remedy, with what would give it one. [`super::remedy`]
//! carries each step out.
//!
//! The whole run holds the run lock, so two heals never act at once; what
//! it has to tell (alerts, and a `healed` event per remedy that changed
//! something) is sent once it let go of the lock (see `heal_events`).

use super::later::Later;
use super::report::{CheckReport, HealReport, Remedy};
use super::{DryRun, Engine};
use crate::check::CheckResult;
use crate::config::{Config, Monitor, Spec};
use crate::status::Status;
use anyhow::Result;
use std::time::Instant;

/// What to do for one non-ok monitor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Plan {
    /// Its worker is down: restart it.
    Restart,
    /// A disk is short: run the `[[clean]]` rules.
    CleanDisk,
    /// A database is locked or has a hot journal.
    ClearLocks,
    /// A tmux session printed nothing for too long.
    Unstick,
    /// Critical, and names a worker: restart that worker (after the
    /// others, so a worker is restarted once per heal).
    RestartStalled,
    /// No remedy, and why.
    Nothing(String),
}

/// The plan for each non-ok result whose monitor is in `config`, in the
/// results' order.
pub(crate) fn plan<'c>(config: &'c Config, results: &[CheckResult]) -> Vec<(&'c Monitor, Plan)> {
    let mut cleaning = false;
    let mut out = Vec::new();
    for r in results.iter().filter(|r| r.status != Status::Ok) {
        let Some(m) = config.monitors.iter().find(|m| m.name == r.monitor) else { continue };
        let step = match &m.spec {
            // Waiting for a dependency: healed once it is ok.
            _ if !r.waiting_for.is_empty() => super::depends::waiting_plan(r),
            // Down: fewer running than `min` (or no count at all: pidfile
            // gone, unit failed). Too many, or too much CPU, is not "down".
            Spec::Process(p)
                if p.restart.is_some()
                    && r.metrics.iter().find(|x| x.name == "count").is_none_or(|c| c.value < f64::from(p.min)) =>
            {
                Plan::Restart
            }
            Spec::Disk(_) if !config.clean.is_empty() && !cleaning => {
                cleaning = true;
                Plan::CleanDisk
            }
            // Any kind that names its worker: a critical check restarts
            // it (Monit's `if failed port then restart`), ahead of the
            // kind's own remedy, which `worker` was set to go beyond.
            _ if m.worker.is_some() && r.status == Status::Critical => Plan::RestartStalled,
            Spec::Sqlite(q) if q.heal => Plan::ClearLocks,
            Spec::Tmux(t) if t.heal => Plan::Unstick,
            _ => Plan::Nothing(no_remedy(m, config)),
        };
        out.push((m, step));
    }
    out
}

impl Engine {
    /// Heal with an already loaded config, waiting for the verifications
    /// of its restarts (all together, each until its own delay is up).
    pub(crate) fn heal(&self, config: &Config, names: &[String], dry_run: DryRun) -> Result<HealReport> {
        self.heal_with(config, names, dry_run, None).map(|(r, _)| r)
    }

    /// [`Engine::heal`]; with `beside` (`hm run --heal`: the workers whose
    /// verification is still to come, not restarted again) it does not
    /// wait: the restarts it started are returned, their lines `started`,
    /// to be verified by [`Engine::verify_due`].
    pub(crate) fn heal_with(
        &self,
        config: &Config,
        names: &[String],
        dry_run: DryRun,
        beside: Option<&[String]>,
    ) -> Result<(HealReport, Vec<Later>)> {
        let ctx = self.ctx();
        let lock = crate::lock::unless_dry_run(&ctx.db_path(config), dry_run)?;
        // A dry run records nothing, so it raises and sends no alert either.
        let before =
            if dry_run.yes() { self.look(config, names)? } else { self.check_unsent(config, names, Instant::now())? };
        // Every action goes into the actions table first: no record, no
        // action.
        // The connection the check just recorded with, when it kept one:
        // `hm run --heal` opened two more a cycle, and each, closed with a
        // WAL past its limit, checkpointed it (a tenth of a cycle's CPU).
        let store = match self.kept.take(&ctx.db_path(config)) {
            Some(kept) => kept,
            None if dry_run.yes() => ctx.store(config)?,
            None => super::intent::store_to_act(ctx, config)?,
        };
        let plans = super::maintenance::hold_heals(&store, config, plan(config, &before.results))?;
        let mut done = self.carry_out(&store, config, &before.results, &plans, dry_run, beside.unwrap_or_default());
        let mut later = std::mem::take(&mut done.later);
        let mut freed = Vec::new();
        if beside.is_none() {
            for (slot, line) in self.verify_all(&store, std::mem::take(&mut later)) {
                if let Some(r) = done.remedies.get_mut(slot) {
                    *r = line;
                }
            }
            // Their dependencies healed, the monitors that waited are healed now.
            if !dry_run.yes() {
                freed = self.heal_dependents(&store, config, &before.results, &mut done, dry_run)?;
            }
        }
        for l in &mut later {
            l.before =
                before.results.iter().find(|r| r.monitor == l.shown()).map(|r| (r.clone(), before.checked_at.clone()));
        }
        self.kept.keep(store);
        // A restarted worker's process monitor and the monitors that asked
        // for it are checked again together.
        let pairs: Vec<(String, String)> = plans
            .iter()
            .chain(&plan(config, &freed))
            .filter_map(|(m, step)| match (step, &m.worker) {
                (Plan::RestartStalled, Some(w)) => Some((m.name.clone(), w.clone())),
                _ => None,
            })
            .collect();
        Ok((self.conclude(config, lock, before, done, dry_run, &pairs)?, later))
    }

    /// The end of a heal (and of a run of verifications): the monitors
    /// acted on checked again (with the other of each of `pairs` where one
    /// was), the lines of remedies that left their monitor non-ok say so,
    /// then `heal_events` tells.
    pub(super) fn conclude(
        &self,
        config: &Config,
        lock: Option<crate::lock::RunLock>,
        before: CheckReport,
        done: Done,
        dry_run: DryRun,
        pairs: &[(String, String)],
    ) -> Result<HealReport> {
        let ctx = self.ctx();
        let mut acted: Vec<String> =
            done.remedies.iter().filter(|r| r.outcome.acted()).map(|r| r.monitor.clone()).collect();
        for (a, b) in pairs {
            if acted.contains(a) || acted.contains(b) {
                for name in [a, b] {
                    if !acted.contains(name) {
                        acted.push(name.clone());
                    }
                }
            }
        }
        // A restart verified after a reload that took its monitor away (a
        // pool's instances above a lowered `instances`): nothing to check again.
        acted.retain(|name| config.monitors.iter().any(|m| &m.name == name));
        let after = if acted.is_empty() { None } else { Some(self.check_unsent(config, &acted, Instant::now())?) };
        let status = match &after {
            None => before.status,
            Some(a) => Status::worst_of(
                before
                    .results
                    .iter()
                    .filter(|r| !acted.contains(&r.monitor))
                    .map(|r| r.status)
                    .chain(a.results.iter().map(|r| r.status)),
            ),
        };
        let mut remedies = done.remedies;
        // A remedy that changed something but left its monitor non-ok
        // healed nothing, and its line says so.
        if let Some(a) = &after {
            for r in remedies.iter_mut().filter(|r| r.outcome.changed()) {
                if let Some(now) = a.results.iter().find(|x| x.monitor == r.monitor && x.status != Status::Ok) {
                    r.details.push_str(&format!("; not healed: now {}: {}", now.status, now.message));
                }
            }
        }
        let mut report = HealReport {
            status,
            dry_run: dry_run.yes(),
            before,
            remedies,
            after: after.map(Box::new),
            healed: Vec::new(),
            notifications: None,
            not_acting: done.not_acting,
            warnings: Vec::new(),
        };
        let kept = self.kept.take(&ctx.db_path(config));
        if let Some(store) = super::heal_events::tell(ctx, config, kept, lock, &mut report, done.cleaned) {
            self.kept.keep(store);
        }
        Ok(report)
    }
}

/// Why a non-ok monitor gets no remedy, and what would give it one.
fn no_remedy(m: &Monitor, config: &Config) -> String {
    let file = config.path.as_ref().map_or("hm.toml".to_string(), |p| p.display().to_string());
    match &m.spec {
        Spec::Process(p) if p.restart.is_none() => format!(
            "no remedy: add start = [\"/path/to/worker\", ...] (or unit = \"name.service\") to monitor {} in {file}",
            m.name
        ),
        Spec::Process(_) => "running, just not as wanted (too many, or over a limit): not restarted".into(),
        Spec::Disk(_) if config.clean.is_empty() => format!("no remedy: add a [[clean]] rule to {file}"),
        Spec::Disk(_) => "the [[clean]] rules already ran for another disk monitor".into(),
        _ if m.worker.is_some() => format!(
            "not critical: worker {} is restarted only when this monitor is critical",
            m.worker.as_deref().unwrap_or_default()
        ),
        Spec::Sqlite(_) | Spec::Tmux(_) => "heal = false for this monitor".into(),
        _ => format!("hm has no remedy for a {} monitor", m.kind()),
    }
}

/// What [`Engine::carry_out`] did: the remedies, and the files and bytes
/// the clean-disk remedy deleted, if it ran.
pub(super) struct Done {
    pub remedies: Vec<Remedy>,
    pub cleaned: Option<(usize, u64)>,
    /// Why the heal stopped acting: an intent it could not record.
    pub not_acting: Option<String>,
    /// The restarts started, to be verified (their lines `started`).
    pub later: Vec<Later>,
}
