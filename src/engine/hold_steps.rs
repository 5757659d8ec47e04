//! Stopping and starting a worker on purpose, and pausing a monitor:
//! `hm stop-worker`, `hm start-worker`, `hm monitor pause|resume`, and
//! their HTTP endpoints. Each commits its intent to the actions table
//! before it changes anything (`intent.rs`) and completes it after; the
//! hold itself is a row of `holds` (`store/holds.rs`), read by every
//! cycle (`hold.rs`).
//!
//! Stop and start hold the run lock, as a restart does: a heal never
//! decides on a worker half stopped. The hold is written before the
//! worker is stopped, so a watcher that sees it die finds it held; and
//! lifted once it is started again, so no check in between finds it down.

use super::Engine;
use super::intent::{Intent, intend_one, store_to_act};
use super::report::{HoldReport, Outcome};
use super::restart::restartable;
use crate::asked::{Asker, DryRun};
use crate::check::runner::proc_needs;
use crate::config::{Config, Monitor};
use crate::store::{ActionKind, ActionOutcome, HoldKind, HoldRow, Store};
use crate::time::{rfc3339, unix_now};
use anyhow::{Result, bail};
use std::time::Duration;

/// A stop, start, pause or resume as asked: who asks, how long to wait
/// for the run lock, and whether only to say what would be done.
pub(crate) struct HoldRequest<'a> {
    pub by: &'a str,
    pub lock_wait: Duration,
    pub dry_run: DryRun,
}

fn find<'c>(config: &'c Config, name: &str) -> Result<&'c Monitor> {
    config.monitor(name)
}

fn report(m: &Monitor, action: &'static str, who: &HoldRequest<'_>) -> HoldReport {
    HoldReport {
        monitor: m.name.clone(),
        action,
        outcome: String::new(),
        dry_run: who.dry_run.yes(),
        by: who.by.to_string(),
        until: None,
        old_pids: Vec::new(),
        new_pids: Vec::new(),
        steps: Vec::new(),
        ok: true,
    }
}

impl Engine {
    fn hold_store(&self, config: &Config, dry_run: DryRun) -> Result<Store> {
        if dry_run.yes() { self.ctx().store(config) } else { store_to_act(self.ctx(), config) }
    }

    /// `hm stop-worker NAME`: hold it down, then stop it.
    pub(crate) fn stop_worker(&self, config: &Config, name: &str, who: &HoldRequest<'_>) -> Result<HoldReport> {
        let m = find(config, name)?;
        let (spec, r) = restartable(m)?;
        let store = self.hold_store(config, who.dry_run)?;
        let _lock = if who.dry_run.yes() {
            None
        } else {
            Some(crate::lock::acquire(&self.ctx().db_path(config), who.lock_wait)?)
        };
        let old = self.running_now(m, spec)?;
        let mut rep = report(m, "stop-worker", who);
        rep.old_pids = old.iter().map(|p| p.pid).collect();
        if who.dry_run.yes() {
            rep.outcome = "would stop".into();
            rep.steps.push(format!("would stop pids {:?} and keep {name} down until hm start-worker", rep.old_pids));
            return Ok(rep);
        }
        let intent = Intent {
            manual: true,
            ..Intent::new(name, ActionKind::StopWorker, format!("stop pids {:?}", rep.old_pids))
        };
        let pending = intend_one(&store, intent)?;
        let now = unix_now();
        let hold =
            HoldRow { monitor: name.into(), kind: HoldKind::Stopped, by: who.by.into(), since: now, until: None };
        if let Err(e) = store.set_hold(&hold) {
            pending.finish(ActionOutcome::Failed, &format!("{e:#}"))?;
            return Err(e);
        }
        let host = self.host(proc_needs([m]));
        rep.steps = crate::remedy::stop_worker::stop(host.as_ref(), r, &old);
        rep.new_pids = self.running_now(m, spec)?.iter().map(|p| p.pid).collect();
        rep.ok = rep.new_pids.is_empty();
        rep.outcome = if rep.ok { "stopped" } else { "failed" }.into();
        if !rep.ok {
            rep.steps.push(format!("still running: {:?} (held down all the same)", rep.new_pids));
        }
        rep.steps.push(super::hold::describe(&hold));
        pending.finish(if rep.ok { ActionOutcome::Ok } else { ActionOutcome::Failed }, &rep.steps.join("; "))?;
        Ok(rep)
    }

    /// `hm start-worker NAME`: start it (unless it runs), verify it runs,
    /// and lift its hold.
    pub(crate) fn start_worker(&self, config: &Config, name: &str, who: &HoldRequest<'_>) -> Result<HoldReport> {
        let m = find(config, name)?;
        let (spec, _) = restartable(m)?;
        let store = self.hold_store(config, who.dry_run)?;
        let _lock = if who.dry_run.yes() {
            None
        } else {
            Some(crate::lock::acquire(&self.ctx().db_path(config), who.lock_wait)?)
        };
        let old = self.running_now(m, spec)?;
        let mut rep = report(m, "start-worker", who);
        rep.old_pids = old.iter().map(|p| p.pid).collect();
        let held = store.hold(name, unix_now())?;
        if let Some(h) = held.as_ref().filter(|h| h.kind == HoldKind::Paused) {
            bail!("monitor `{name}` is paused, not stopped: hm monitor resume {name} ({})", super::hold::describe(h));
        }
        if who.dry_run.yes() {
            rep.outcome = "would start".into();
            rep.steps.push(match (&held, old.is_empty()) {
                (_, false) => format!("already running: {:?}; would lift the hold", rep.old_pids),
                (Some(_), true) => "would start it and lift the hold".into(),
                (None, true) => "would start it (it is not held)".into(),
            });
            return Ok(rep);
        }
        let intent = Intent { manual: true, ..Intent::new(name, ActionKind::StartWorker, "start".into()) };
        let pending = intend_one(&store, intent)?;
        if old.is_empty() {
            let begun = self.start(self.prepare(m, DryRun::No, None, Some(&[]), Asker::Person)?);
            store.lift_hold(name)?;
            let acted = self.verify(begun).report;
            rep.steps = acted.steps;
            rep.new_pids = acted.new_pids;
            rep.ok = acted.outcome == Outcome::Restarted;
        } else {
            store.lift_hold(name)?;
            rep.steps.push(format!("already running: {:?}", rep.old_pids));
            rep.new_pids = rep.old_pids.clone();
        }
        rep.outcome = if rep.ok { "started" } else { "failed" }.into();
        rep.steps.push(match held {
            Some(_) => "hold lifted: hm restarts it again when it dies".into(),
            None => "it was not held".into(),
        });
        pending.finish(if rep.ok { ActionOutcome::Ok } else { ActionOutcome::Failed }, &rep.steps.join("; "))?;
        Ok(rep)
    }

    /// `hm monitor pause NAME [--for D]`: neither check nor heal it until
    /// resumed, or until `for` is up. The worker is not touched.
    pub(crate) fn pause(
        &self,
        config: &Config,
        name: &str,
        d: Option<Duration>,
        who: &HoldRequest<'_>,
    ) -> Result<HoldReport> {
        let m = find(config, name)?;
        let store = self.hold_store(config, who.dry_run)?;
        let now = unix_now();
        if let Some(h) = store.hold(name, now)?.filter(|h| h.kind == HoldKind::Stopped) {
            bail!("monitor `{name}` is {}: a stopped worker is not checked already", super::hold::describe(&h));
        }
        let until = d.map(|d| now + d.as_secs_f64());
        let mut rep = report(m, "pause", who);
        rep.until = until.map(rfc3339);
        let hold = HoldRow { monitor: name.into(), kind: HoldKind::Paused, by: who.by.into(), since: now, until };
        if who.dry_run.yes() {
            rep.outcome = "would pause".into();
            return Ok(rep);
        }
        let pending =
            intend_one(&store, Intent { manual: true, ..Intent::new(name, ActionKind::Pause, String::new()) })?;
        store.set_hold(&hold)?;
        rep.outcome = "paused".into();
        rep.steps.push(super::hold::describe(&hold));
        pending.finish(ActionOutcome::Ok, &rep.steps.join("; "))?;
        Ok(rep)
    }

    /// `hm monitor resume NAME`: check and heal it again.
    pub(crate) fn resume(&self, config: &Config, name: &str, who: &HoldRequest<'_>) -> Result<HoldReport> {
        let m = find(config, name)?;
        let store = self.hold_store(config, who.dry_run)?;
        let held = store.hold(name, unix_now())?;
        if let Some(h) = held.as_ref().filter(|h| h.kind == HoldKind::Stopped) {
            bail!("monitor `{name}` is {}: a stopped worker is started, not resumed", super::hold::describe(h));
        }
        let mut rep = report(m, "resume", who);
        rep.steps.push(match &held {
            Some(h) => format!("was {}", super::hold::describe(h)),
            None => "it was not paused".into(),
        });
        if who.dry_run.yes() {
            rep.outcome = "would resume".into();
            return Ok(rep);
        }
        let pending =
            intend_one(&store, Intent { manual: true, ..Intent::new(name, ActionKind::Resume, String::new()) })?;
        store.lift_hold(name)?;
        rep.outcome = "resumed".into();
        pending.finish(ActionOutcome::Ok, &rep.steps.join("; "))?;
        Ok(rep)
    }
}
