//! `hm restart-worker NAME`: restart a `process` monitor's worker now,
//! verify it runs, and record the action. Also the restart step of
//! `hm heal`, which adds the budget's backoff.

use super::{Ctx, unix_now};
use crate::check::CtxData;
use crate::check::find::running;
use crate::check::runner::{patterns, proc_needs};
use crate::config::{Monitor, ProcessSpec, RestartSpec, Spec};
use crate::heal::restart::{self, Budget};
use crate::host::ProcInfo;
use crate::host::linux::LinuxHost;
use crate::store::{ActionRow, Store};
use crate::units::format_duration;
use anyhow::{Result, anyhow, bail};
use serde::Serialize;

/// The result of a restart.
#[derive(Debug, Serialize)]
pub struct RestartReport {
    pub monitor: String,
    /// `restarted`, `failed`, `would restart`, `backing off` or `gave up`.
    pub outcome: String,
    pub dry_run: bool,
    /// Pids running before.
    pub old_pids: Vec<u32>,
    /// Pids running after (verified with a fresh scan).
    pub new_pids: Vec<u32>,
    /// What was done, step by step.
    pub steps: Vec<String>,
}

impl RestartReport {
    pub fn failed(&self) -> bool {
        matches!(self.outcome.as_str(), "failed" | "gave up")
    }
}

/// The monitor's process spec and restart settings, or why it has none.
pub fn restartable(m: &Monitor) -> Result<(&ProcessSpec, &RestartSpec)> {
    match &m.spec {
        Spec::Process(p) => match &p.restart {
            Some(r) => Ok((p, r)),
            None => bail!(
                "monitor `{}` cannot be restarted: add start = [\"/path/to/worker\", ...] (or unit = \"name.service\") to its [[monitor]], then hm validate",
                m.name
            ),
        },
        _ => bail!("monitor `{}` is a {} monitor, not a process monitor", m.name, m.kind()),
    }
}

/// The worker's running processes, from a fresh scan.
fn running_now(m: &Monitor, spec: &ProcessSpec) -> Result<Vec<ProcInfo>> {
    let host = LinuxHost::new(proc_needs([m]));
    let data = CtxData { patterns: patterns([m]), ..Default::default() };
    running(&data.ctx(&host, unix_now()), spec)
}

/// Restart `m` (unless the budget says otherwise) and verify it runs.
/// `automatic` runs (heal) also respect the backoff between attempts.
pub fn restart_and_verify(store: &Store, m: &Monitor, automatic: bool, dry_run: bool) -> Result<RestartReport> {
    restart_because(store, m, automatic, dry_run, None)
}

/// [`restart_and_verify`], with why it is restarted (a stalled heartbeat)
/// as the first step, so the report and the actions table say it.
pub fn restart_because(
    store: &Store,
    m: &Monitor,
    automatic: bool,
    dry_run: bool,
    why: Option<&str>,
) -> Result<RestartReport> {
    let (spec, r) = restartable(m)?;
    let now = unix_now();
    let old = running_now(m, spec)?;
    let mut report = RestartReport {
        monitor: m.name.clone(),
        outcome: String::new(),
        dry_run,
        old_pids: old.iter().map(|p| p.pid).collect(),
        new_pids: Vec::new(),
        steps: why.map(String::from).into_iter().collect(),
    };
    let history = store.restarts_since(&m.name, now - r.window.as_secs_f64())?;
    match restart::budget(r, &history, now) {
        Budget::GaveUp { restarts } => {
            report.outcome = "gave up".into();
            report.steps.push(format!(
                "{restarts} restarts within {}; run `hm restart-worker {} --reset` once it is fixed",
                format_duration(r.window),
                m.name
            ));
            return Ok(report);
        }
        Budget::BackOff { since, wait } if automatic => {
            // Any restart counts, a manual one or one whose worker ran and
            // died since: the wait doubles with each restart in the window.
            report.outcome = "backing off".into();
            report.steps.push(format!(
                "last restarted {} ago: next attempt in {} (hm restart-worker {} restarts now)",
                format_duration(since),
                format_duration(wait),
                m.name
            ));
            return Ok(report);
        }
        _ => {}
    }
    if dry_run {
        report.outcome = "would restart".into();
        report.steps.push(match &r.how {
            crate::config::RestartHow::Unit(u) => format!("would run systemctl restart {u}"),
            crate::config::RestartHow::Commands { start, .. } if report.old_pids.is_empty() => {
                format!("would start {} (nothing running to stop)", start.join(" "))
            }
            crate::config::RestartHow::Commands { start, .. } => {
                format!("would stop pids {:?} and start {}", report.old_pids, start.join(" "))
            }
        });
        return Ok(report);
    }
    let host = LinuxHost::new(proc_needs([m]));
    let attempt = restart::restart(&host, &m.name, r, &old);
    let started_at = unix_now();
    let (ok, steps) = match attempt {
        Ok(mut a) => {
            std::thread::sleep(r.delay);
            let new = running_now(m, spec)?;
            report.new_pids = new.iter().map(|p| p.pid).collect();
            let ok = new.len() as u32 >= spec.min.max(1);
            if !ok {
                restart::stop_unseen(&host, &mut a, &report.new_pids, r.grace);
            }
            (ok, a.steps)
        }
        Err(e) => (false, vec![format!("{e:#}")]),
    };
    report.steps.extend(steps);
    report.outcome = if ok { "restarted" } else { "failed" }.into();
    if !ok {
        report.steps.push(format!("not running after {}", format_duration(r.delay)));
    }
    let details = if ok {
        format!("{}; running: {:?}", report.steps.join("; "), report.new_pids)
    } else {
        report.steps.join("; ")
    };
    store.record_action(&ActionRow {
        ts: started_at,
        monitor: m.name.clone(),
        action: "restart".into(),
        outcome: if ok { "ok" } else { "failed" }.into(),
        details,
    })?;
    Ok(report)
}

pub fn run(ctx: &Ctx, name: &str, dry_run: bool, reset: bool) -> Result<RestartReport> {
    run_with(ctx, &ctx.config()?, name, dry_run, reset)
}

/// [`run`] with the config in force: `hm serve` restarts by the config it
/// loaded (and reloads on SIGHUP), never by a half-saved file on disk
/// (issue 17).
pub fn run_with(
    ctx: &Ctx,
    config: &crate::config::Config,
    name: &str,
    dry_run: bool,
    reset: bool,
) -> Result<RestartReport> {
    let m = config.monitors.iter().find(|m| m.name == name).ok_or_else(|| anyhow!("no monitor named `{name}`"))?;
    restartable(m)?;
    let store = ctx.store(config)?;
    let _lock = crate::lock::unless_dry_run(&ctx.db_path(config), dry_run)?;
    if reset && !dry_run {
        store.record_action(&ActionRow {
            ts: unix_now(),
            monitor: name.to_string(),
            action: "reset".into(),
            outcome: "ok".into(),
            details: "restart budget reset by an operator".into(),
        })?;
    }
    restart_and_verify(&store, m, false, dry_run)
}
