//! `hm heal`: check, fix what the config allows, check again.
//!
//! The plan is simple and explicit: a `process` monitor whose worker is
//! down (fewer running than `min`) and that has a way to restart gets
//! restarted (within its budget and backoff); a
//! `disk` monitor that is not ok gets the `[[clean]]` rules; a stuck `tmux`
//! session gets its keys and `on_stuck` command; a critical `heartbeat` or
//! `tasks` monitor with `worker = "NAME"` gets NAME's live but stalled
//! worker restarted (see `heal_worker`); a `sqlite` database that is
//! locked or has a hot journal gets `clear-locks`. Everything else
//! is reported as having no remedy. The whole run holds the run lock, so two
//! heals never act at once; what it has to tell (alerts, and a `healed`
//! event per remedy that changed something) is sent once it let go of the
//! lock (see [`super::heal_events`]).

use super::check::CheckReport;
use super::{Ctx, clean_disk, clear_locks, restart_worker};
use crate::config::{Config, Monitor, Spec};
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::{Context, Result};
use serde::Serialize;
use std::time::Instant;

/// One remedy considered for one monitor.
#[derive(Debug, Serialize)]
pub struct Remedy {
    pub monitor: String,
    /// `restart`, `clean-disk`, or `none`.
    pub remedy: String,
    /// `restarted`, `failed`, `cleaned`, `would restart`, `backing off`, `gave up`,
    /// `already restarted` (once per heal), `waiting` (a stalled worker just restarted), ...
    pub outcome: String,
    pub details: String,
}

/// The result of `hm heal`.
#[derive(Debug, Serialize)]
pub struct HealReport {
    /// The status after healing (what the exit code says).
    pub status: Status,
    pub dry_run: bool,
    /// The checks before.
    pub before: CheckReport,
    pub remedies: Vec<Remedy>,
    /// The monitors healed, checked again; null when nothing was done.
    pub after: Option<Box<CheckReport>>,
    /// The `healed` events queued, one per remedy that changed something.
    pub healed: Vec<crate::alert::healed::Told>,
    /// What delivering notifications did, after the run lock was released;
    /// null when none were waiting.
    pub notifications: Option<crate::alert::outbox::Delivery>,
}

pub fn run(ctx: &Ctx, names: &[String], dry_run: bool) -> Result<HealReport> {
    run_with(ctx, &ctx.config()?, names, dry_run)
}

/// Heal with an already loaded config.
pub fn run_with(ctx: &Ctx, config: &Config, names: &[String], dry_run: bool) -> Result<HealReport> {
    let lock = crate::lock::unless_dry_run(&ctx.db_path(config), dry_run)?;
    // A dry run records nothing, so it raises and sends no alert either.
    let before = if dry_run {
        super::check::look(ctx, config, names)?
    } else {
        super::check::run_unsent(ctx, config, names, Instant::now())?
    };
    // Every action goes into the actions table first: no record, no action.
    let store = ctx.store(config).context("not healing: hm records every action it takes and cannot record now")?;
    let mut remedies = Vec::new();
    let mut cleaned_disk = false;
    // Critical heartbeats and tasks naming a worker: restarted after the
    // loop, so a worker its own monitor restarted is not restarted twice.
    let mut stalled = Vec::new();
    let mut cleaned = None;
    for r in before.results.iter().filter(|r| r.status != Status::Ok) {
        let Some(m) = config.monitors.iter().find(|m| m.name == r.monitor) else { continue };
        let remedy = match &m.spec {
            // Down: fewer running than `min` (or no count at all: pidfile
            // gone, unit failed). Too many, or too much CPU, is not "down".
            Spec::Process(p)
                if p.restart.is_some()
                    && r.metrics.iter().find(|x| x.name == "count").is_none_or(|c| c.value < f64::from(p.min)) =>
            {
                match restart_worker::restart_and_verify(&store, m, true, dry_run) {
                    Ok(rep) => Remedy {
                        monitor: m.name.clone(),
                        remedy: "restart".into(),
                        outcome: rep.outcome,
                        details: rep.steps.join("; "),
                    },
                    Err(e) => Remedy {
                        monitor: m.name.clone(),
                        remedy: "restart".into(),
                        outcome: "failed".into(),
                        details: format!("{e:#}"),
                    },
                }
            }
            Spec::Disk(_) if !config.clean.is_empty() && !cleaned_disk => {
                cleaned_disk = true;
                match clean_disk::apply(&store, &config.clean, dry_run) {
                    Ok(c) => {
                        cleaned = Some((c.files, c.bytes));
                        Remedy {
                            monitor: m.name.clone(),
                            remedy: "clean-disk".into(),
                            outcome: if dry_run { "would clean" } else { "cleaned" }.into(),
                            details: format!("{} files, {}", c.files, format_bytes(c.bytes as f64)),
                        }
                    }
                    Err(e) => Remedy {
                        monitor: m.name.clone(),
                        remedy: "clean-disk".into(),
                        outcome: "failed".into(),
                        details: format!("{e:#}"),
                    },
                }
            }
            Spec::Sqlite(q) if q.heal => {
                let targets = [(q.path.clone(), q.killable.clone())];
                let (outcome, details) = match clear_locks::apply(&store, &targets, dry_run) {
                    Ok(rep) => {
                        let d = &rep.databases[0];
                        let outcome = match (dry_run, d.left_alone) {
                            (_, true) => "left alone",
                            (true, false) => "would clear",
                            (false, false) => "cleared",
                        };
                        (outcome.to_string(), d.steps.join("; "))
                    }
                    Err(e) => ("failed".to_string(), format!("{e:#}")),
                };
                Remedy { monitor: m.name.clone(), remedy: "clear-locks".into(), outcome, details }
            }
            Spec::Tmux(t) if t.heal => {
                // One remedy per stuck session, each budgeted and recorded
                // on its own (cmd::unstick).
                match super::unstick::unstick_all(&store, &m.name, t, dry_run) {
                    Ok(done) if done.is_empty() => Remedy {
                        monitor: m.name.clone(),
                        remedy: "unstick".into(),
                        outcome: "not healed".into(),
                        details: "no session stuck any more".into(),
                    },
                    Ok(done) => {
                        let mut each: Vec<Remedy> = done
                            .into_iter()
                            .map(|s| Remedy {
                                monitor: m.name.clone(),
                                remedy: "unstick".into(),
                                outcome: s.outcome,
                                details: s.details,
                            })
                            .collect();
                        let Some(last) = each.pop() else { continue };
                        remedies.extend(each);
                        last
                    }
                    Err(e) => Remedy {
                        monitor: m.name.clone(),
                        remedy: "unstick".into(),
                        outcome: "failed".into(),
                        details: format!("{e:#}"),
                    },
                }
            }
            Spec::Heartbeat(_) | Spec::Tasks(_) if m.worker.is_some() && r.status == Status::Critical => {
                stalled.push((m, r));
                continue;
            }
            _ => Remedy {
                monitor: m.name.clone(),
                remedy: "none".into(),
                outcome: "not healed".into(),
                details: no_remedy(m, config),
            },
        };
        remedies.push(remedy);
    }
    let restarted = super::heal_worker::restart_stalled(&store, config, &stalled, &remedies, dry_run);
    remedies.extend(restarted);
    let mut acted: Vec<String> = remedies
        .iter()
        .filter(|r| {
            matches!(r.outcome.as_str(), "restarted" | "failed" | "cleaned" | "unstuck" | "still stuck" | "cleared")
        })
        .map(|r| r.monitor.clone())
        .collect();
    // A restarted worker's process monitor and the monitors that asked for
    // it are checked again together.
    for (m, _) in &stalled {
        if let Some(w) = &m.worker
            && (acted.contains(&m.name) || acted.contains(w))
        {
            for name in [&m.name, w] {
                if !acted.contains(name) {
                    acted.push(name.clone());
                }
            }
        }
    }
    let after =
        if acted.is_empty() { None } else { Some(super::check::run_unsent(ctx, config, &acted, Instant::now())?) };
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
    let after = after.map(Box::new);
    let mut report = HealReport { status, dry_run, before, remedies, after, healed: Vec::new(), notifications: None };
    super::heal_events::tell(ctx, config, lock, &mut report, cleaned);
    Ok(report)
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
        Spec::Sqlite(_) | Spec::Tmux(_) => "heal = false for this monitor".into(),
        _ if m.worker.is_some() => format!(
            "not critical: worker {} is restarted only when this monitor is critical",
            m.worker.as_deref().unwrap_or_default()
        ),
        _ => format!("hm has no remedy for a {} monitor", m.kind()),
    }
}
