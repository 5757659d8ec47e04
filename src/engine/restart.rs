//! Restarting a `process` monitor's worker: `hm restart-worker NAME`, the
//! restart step of `hm heal` (which adds the budget's backoff), and
//! `hm serve`'s `POST /monitors/NAME/restart`. The worker is restarted,
//! verified with a fresh scan, and the action recorded: steps (`held_back`
//! reads the budget, `begin` stops and starts, `verify` looks once the
//! delay is up, neither touching the store, `record` writes), so that a
//! heal can run the middle ones of many workers side by side
//! (`restart_many`).

use super::Engine;
use super::report::{Outcome, RestartReport};
use crate::check::Inputs;
use crate::check::find::running;
use crate::check::patterns::PatternCache;
use crate::check::runner::{patterns, proc_needs};
use crate::config::{Config, Monitor, ProcessSpec, RestartSpec, Spec};
use crate::heal::restart::{self, Budget};
use crate::host::ProcInfo;
use crate::store::Store;
use crate::time::unix_now;
use crate::units::format_duration;
use anyhow::{Result, anyhow, bail};
use std::time::Instant;

/// The monitor's process spec and restart settings, or why it has none.
pub(crate) fn restartable(m: &Monitor) -> Result<(&ProcessSpec, &RestartSpec)> {
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

impl Engine {
    /// The worker's running processes, from a fresh scan. Its one pattern is
    /// compiled apart from the cycle's cached set, which stays as it is.
    fn running_now(&self, m: &Monitor, spec: &ProcessSpec) -> Result<Vec<ProcInfo>> {
        let host = self.host(proc_needs([m]));
        let data = Inputs { patterns: patterns([m], &PatternCache::default()), ..Default::default() };
        running(&data.ctx(host.as_ref(), unix_now()), spec)
    }

    /// Restart `m` (unless the budget says otherwise) and verify it runs.
    /// `automatic` runs (heal) also respect the backoff between attempts.
    pub(crate) fn restart_and_verify(
        &self,
        store: &Store,
        m: &Monitor,
        automatic: bool,
        dry_run: bool,
    ) -> Result<RestartReport> {
        self.restart_because(store, m, automatic, dry_run, None)
    }

    /// [`Engine::restart_and_verify`], with why it is restarted (a stalled
    /// heartbeat) as the first step, so the report and the actions table say it.
    pub(crate) fn restart_because(
        &self,
        store: &Store,
        m: &Monitor,
        automatic: bool,
        dry_run: bool,
        why: Option<&str>,
    ) -> Result<RestartReport> {
        if let Some(report) = self.held_back(store, m, automatic, dry_run, why)? {
            return Ok(report);
        }
        let acted = self.act(m, dry_run, why, None)?;
        record(store, acted)
    }

    /// What the budget says before a restart: `Some` (gave up, backing
    /// off) when `m` must not be restarted now. Reads the store only.
    pub(super) fn held_back(
        &self,
        store: &Store,
        m: &Monitor,
        automatic: bool,
        dry_run: bool,
        why: Option<&str>,
    ) -> Result<Option<RestartReport>> {
        let (spec, r) = restartable(m)?;
        let now = unix_now();
        let history = store.restarts_since(&m.name, now - r.window.as_secs_f64())?;
        let (outcome, step, retry_in) = match restart::budget(r, &history, now) {
            Budget::GaveUp { restarts } => (
                Outcome::GaveUp,
                format!(
                    "{restarts} restarts within {}; run `hm restart-worker {} --reset` once it is fixed",
                    format_duration(r.window),
                    m.name
                ),
                None,
            ),
            // Any restart counts, a manual one or one whose worker ran and
            // died since: the wait doubles with each restart in the window.
            Budget::BackOff { since, wait } if automatic => (
                Outcome::BackingOff,
                format!(
                    "last restarted {} ago: next attempt in {} (hm restart-worker {} restarts now)",
                    format_duration(since),
                    format_duration(wait),
                    m.name
                ),
                Some(wait),
            ),
            _ => return Ok(None),
        };
        let mut report = new_report(m, &self.running_now(m, spec)?, dry_run, why);
        report.outcome = outcome;
        report.steps.push(step);
        report.retry_in = retry_in;
        Ok(Some(report))
    }

    /// Stop, start and verify `m`'s worker, touching no store (restarts
    /// of a heal run side by side: `restart_many`). The outcome is to be
    /// recorded ([`record`]) before it is reported.
    pub(super) fn act(
        &self,
        m: &Monitor,
        dry_run: bool,
        why: Option<&str>,
        found: Option<&[(u32, u64)]>,
    ) -> Result<Acted> {
        self.begin(m, dry_run, why, found).map(|b| self.verify(b))
    }

    /// Stop and start `m`'s worker: [`Engine::act`] up to the wait before
    /// it is verified ([`Engine::verify`]). Split so that a mass restart
    /// does not hold one of its few threads through each `restart_delay`.
    ///
    /// `found`: what the heal's own check found running a moment ago
    /// (pid, start time), which saves a scan of the whole process table;
    /// each is read again, and only the same process still alive counts.
    pub(super) fn begin<'m>(
        &self,
        m: &'m Monitor,
        dry_run: bool,
        why: Option<&str>,
        found: Option<&[(u32, u64)]>,
    ) -> Result<Begun<'m>> {
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
        let mut report = new_report(m, &old, dry_run, why);
        if dry_run {
            report.outcome = Outcome::WouldRestart;
            report.steps.push(match &r.how {
                crate::config::RestartHow::Unit(u) => format!("would run systemctl restart {u}"),
                crate::config::RestartHow::Commands { start, .. } if report.old_pids.is_empty() => {
                    format!("would start {} (nothing running to stop)", start.join(" "))
                }
                crate::config::RestartHow::Commands { start, .. } => {
                    format!("would stop pids {:?} and start {}", report.old_pids, start.join(" "))
                }
            });
            return Ok(Begun { m, spec, r, report, started_at: unix_now(), attempt: None });
        }
        let host = self.host(proc_needs([m]));
        let attempt = restart::restart(host.as_ref(), &m.name, r, &old);
        let started_at = unix_now();
        let attempt = match attempt {
            Ok(a) => Some((a, Instant::now() + r.delay)),
            Err(e) => {
                report.steps.push(format!("{e:#}"));
                report.steps.push(format!("not running after {}", format_duration(r.delay)));
                None
            }
        };
        Ok(Begun { m, spec, r, report, started_at, attempt })
    }

    /// Once its `restart_delay` is up, look whether a begun restart's
    /// worker runs (a fresh scan); a started command that the monitor does
    /// not find is stopped again.
    pub(super) fn verify(&self, begun: Begun<'_>) -> Acted {
        let Begun { m, spec, r, mut report, started_at, attempt } = begun;
        let Some((mut a, due)) = attempt else { return Acted { report, started_at } };
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        let ok = match self.running_now(m, spec) {
            Ok(new) => {
                report.new_pids = new.iter().map(|p| p.pid).collect();
                let ok = new.len() as u32 >= spec.min.max(1);
                if !ok {
                    restart::stop_unseen(self.host(proc_needs([m])).as_ref(), &mut a, &report.new_pids, r.grace);
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
        Acted { report, started_at }
    }

    /// `hm restart-worker`, and `hm serve`'s restart, with the config in
    /// force: `hm serve` restarts by the config it loaded (and reloads on
    /// SIGHUP), never by a half-saved file on disk (issue 17). `reset` first
    /// records that an operator reset the restart budget. `lock_wait`: how
    /// long to wait for the run lock (`hm serve`'s restart waits out a heal
    /// cycle that holds it, issue 26).
    pub(crate) fn restart(
        &self,
        config: &Config,
        name: &str,
        (dry_run, reset): (bool, bool),
        lock_wait: std::time::Duration,
    ) -> Result<RestartReport> {
        let m = config.monitors.iter().find(|m| m.name == name).ok_or_else(|| anyhow!("no monitor named `{name}`"))?;
        restartable(m)?;
        let ctx = self.ctx();
        let store = ctx.store(config)?;
        let _lock = if dry_run { None } else { Some(crate::lock::acquire(&ctx.db_path(config), lock_wait)?) };
        if reset && !dry_run {
            let why = "restart budget reset by an operator".to_string();
            super::remedy::record(&store, unix_now(), name, "reset", "ok", why)?;
        }
        self.restart_and_verify(&store, m, false, dry_run)
    }
}

/// A restart begun: stopped and started (or, in a dry run, described),
/// not yet verified.
pub(super) struct Begun<'m> {
    m: &'m Monitor,
    spec: &'m ProcessSpec,
    r: &'m RestartSpec,
    report: RestartReport,
    started_at: f64,
    /// What was started, and when to look whether it runs; `None` when
    /// there is nothing to look at (a dry run, a start that failed).
    attempt: Option<(restart::Attempt, Instant)>,
}

/// A restart carried out (or, in a dry run, described), not yet recorded.
pub(super) struct Acted {
    pub report: RestartReport,
    /// When the worker was started, for the actions table.
    pub started_at: f64,
}

/// The report of a restart of `m`, before it is decided.
fn new_report(m: &Monitor, old: &[ProcInfo], dry_run: bool, why: Option<&str>) -> RestartReport {
    RestartReport {
        monitor: m.name.clone(),
        outcome: Outcome::Failed,
        dry_run,
        old_pids: old.iter().map(|p| p.pid).collect(),
        new_pids: Vec::new(),
        steps: why.map(String::from).into_iter().collect(),
        retry_in: None,
    }
}

/// Record what a restart did (a dry run records nothing): every action
/// goes into the actions table before the run reports it.
pub(super) fn record(store: &Store, acted: Acted) -> Result<RestartReport> {
    let Acted { report, started_at } = acted;
    if report.dry_run {
        return Ok(report);
    }
    let ok = report.outcome == Outcome::Restarted;
    let details = if ok {
        format!("{}; running: {:?}", report.steps.join("; "), report.new_pids)
    } else {
        report.steps.join("; ")
    };
    super::remedy::record(store, started_at, &report.monitor, "restart", if ok { "ok" } else { "failed" }, details)?;
    Ok(report)
}
