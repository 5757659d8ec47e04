//! Restarting a `process` monitor's worker: `hm restart-worker NAME`, the
//! restart step of `hm heal` (which adds the budget's backoff), and
//! `hm serve`'s `POST /monitors/NAME/restart`. The worker is restarted,
//! verified with a fresh scan, and the action recorded: `held_back` reads
//! the budget, then the steps of `restart_steps` (the intent committed
//! before anything is stopped).
//!
//! A restart asked for by a person (`restart-worker`, HTTP) is recorded
//! as manual, and does not use up the automatic budget: the budget stops
//! hm from restarting a worker that dies at once, over and over; a person
//! who restarts it has decided to. It still gives a stalled worker its
//! grace, and it shows in `restarts_24h`.

use super::intent::Pending;
use super::intent::intend_one;
use super::report::{Outcome, RestartReport};
use super::restart_steps::{Begun, new_report, record};
use super::{Asker, DryRun, Engine, ResetBudget};
use crate::check::Inputs;
use crate::check::find::running;
use crate::check::patterns::PatternCache;
use crate::check::runner::{patterns, proc_needs};
use crate::config::{Config, Monitor, ProcessSpec, RestartSpec, Spec};
use crate::host::ProcInfo;
use crate::remedy::restart::{self, Budget};
use crate::store::RestartsBy;
use crate::store::{ActionKind, ActionOutcome, Store};
use crate::time::unix_now;
use crate::units::format_duration;
use anyhow::{Result, bail};

/// What a spent budget says: the worker is in a crash loop,
/// hm restarts it again once the window lets it, and a person may now.
pub(crate) fn crash_loop(m: &Monitor, r: &RestartSpec, restarts: usize, next: std::time::Duration) -> String {
    format!(
        "crash loop: {restarts} restarts in {}; next automatic restart in {} (hm restart-worker {} restarts it now)",
        format_duration(r.window),
        format_duration(next),
        m.name
    )
}

/// A restart done, or started with its verification to come.
pub(super) enum Step<'s> {
    Done(RestartReport),
    Later(Box<Begun>, Option<Pending<'s>>),
}

/// A process monitor's `min_uptime`.
fn min_uptime(m: &Monitor) -> std::time::Duration {
    match &m.spec {
        Spec::Process(p) => p.min_uptime,
        _ => crate::config::kinds::process::DEFAULT_MIN_UPTIME,
    }
}

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
        _ => match &m.worker {
            // A check that vouches for a worker: say which to name.
            Some(w) => bail!(
                "monitor `{}` is a {} monitor, not a process monitor: it vouches for `{w}` (hm restart-worker {w})",
                m.name,
                m.kind()
            ),
            None => bail!("monitor `{}` is a {} monitor, not a process monitor", m.name, m.kind()),
        },
    }
}

impl Engine {
    /// The worker's running processes, from a fresh scan. Its one pattern is
    /// compiled apart from the cycle's cached set, which stays as it is.
    pub(super) fn running_now(&self, m: &Monitor, spec: &ProcessSpec) -> Result<Vec<ProcInfo>> {
        let host = self.host(proc_needs([m]));
        let data = Inputs { patterns: patterns([m], &PatternCache::default()), ..Default::default() };
        running(&data.ctx(host.as_ref(), unix_now()), spec)
    }

    /// Restart `m` (unless the budget says otherwise) and verify it runs.
    /// A heal's restarts also respect the backoff between attempts.
    pub(crate) fn restart_and_verify(
        &self,
        store: &Store,
        m: &Monitor,
        asker: Asker,
        dry_run: DryRun,
    ) -> Result<RestartReport> {
        self.restart_because(store, m, asker, dry_run, None)
    }

    /// [`Engine::restart_and_verify`], with why it is restarted (a stalled
    /// heartbeat) as the first step, so the report and the actions table say it.
    pub(crate) fn restart_because(
        &self,
        store: &Store,
        m: &Monitor,
        asker: Asker,
        dry_run: DryRun,
        why: Option<&str>,
    ) -> Result<RestartReport> {
        match self.restart_begin(store, m, asker, dry_run, why)? {
            Step::Done(report) => Ok(report),
            Step::Later(b, pending) => record(pending, self.verify(*b)),
        }
    }

    /// [`Engine::restart_because`] up to the worker started, its intent
    /// noted with what was started: its verification is the caller's
    /// (`hm heal` verifies its restarts together).
    pub(super) fn restart_begin<'s>(
        &self,
        store: &'s Store,
        m: &Monitor,
        asker: Asker,
        dry_run: DryRun,
        why: Option<&str>,
    ) -> Result<Step<'s>> {
        if let Some(report) = self.held_back(store, m, asker, dry_run, why)? {
            return Ok(Step::Done(report));
        }
        let mut begun = self.prepare(m, dry_run, why, None, asker)?;
        begun.record_found_dead(store, self.deaths.watching());
        // Record before acting: no intent, no restart.
        let pending = if dry_run.yes() { None } else { Some(intend_one(store, begun.intent())?) };
        let begun = self.start(begun);
        match begun.started() {
            Some(started) => {
                if let Some(p) = &pending {
                    p.note(&started, &self.ctx().say);
                }
                Ok(Step::Later(Box::new(begun), pending))
            }
            None => record(pending, self.verify(begun)).map(Step::Done),
        }
    }

    /// What the budget says before a restart: `Some` (gave up, backing
    /// off) when `m` must not be restarted now. Reads the store only.
    pub(super) fn held_back(
        &self,
        store: &Store,
        m: &Monitor,
        asker: Asker,
        dry_run: DryRun,
        why: Option<&str>,
    ) -> Result<Option<RestartReport>> {
        let automatic = asker == Asker::Heal;
        let (spec, r) = restartable(m)?;
        let now = unix_now();
        if let Some(why) = super::hold::refusal(store, m, now)? {
            let mut report = new_report(m, &self.running_now(m, spec)?, dry_run.yes(), None);
            report.outcome = Outcome::Held;
            report.steps.push(why);
            return Ok(Some(report));
        }
        let history = store.restarts_since(&m.name, now - r.window.as_secs_f64(), RestartsBy::Hm)?;
        let (outcome, step, retry_in) = match restart::budget(r, &history, now) {
            // A person's restart is never held back: only the
            // automatic ones are budgeted.
            Budget::GaveUp { restarts } if automatic => {
                let next = restart::frees_in(r, &history, now);
                (Outcome::GaveUp, crash_loop(m, r, restarts, next), Some(next))
            }
            // Any automatic restart counts, one whose worker ran and died
            // since too: the wait doubles with each restart in the window,
            // unless the worker ran `min_uptime` or longer before it died
            // (it is not crash-looping).
            Budget::BackOff { since, wait } if automatic && !self.deaths.ran_well(&m.name, min_uptime(m), since) => (
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
        let mut report = new_report(m, &self.running_now(m, spec)?, dry_run.yes(), why);
        report.outcome = outcome;
        report.steps.push(step);
        report.retry_in = retry_in;
        Ok(Some(report))
    }

    /// `hm restart-worker`, and `hm serve`'s restart, with the config in
    /// force: `hm serve` restarts by the config it loaded (and reloads on
    /// SIGHUP), never by a half-saved file on disk. `reset` first
    /// records that an operator reset the restart budget. `lock_wait`: how
    /// long to wait for the run lock (`hm serve`'s restart waits out a heal
    /// cycle that holds it).
    pub(crate) fn restart(
        &self,
        config: &Config,
        name: &str,
        dry_run: DryRun,
        reset: ResetBudget,
        lock_wait: std::time::Duration,
    ) -> Result<RestartReport> {
        let (dry_run, reset) = (dry_run.yes(), reset == ResetBudget::Yes);
        let m = config.monitor(name)?;
        restartable(m)?;
        let ctx = self.ctx();
        let store = if dry_run { ctx.store(config)? } else { super::intent::store_to_act(ctx, config)? };
        let _lock = if dry_run { None } else { Some(crate::lock::acquire(&ctx.db_path(config), lock_wait)?) };
        if reset && !dry_run {
            let why = "restart budget reset by an operator".to_string();
            super::heal_steps::record(&store, unix_now(), name, ActionKind::Reset, ActionOutcome::Ok, why)
                .map_err(|e| super::intent::NotActing::unrecorded(&store, e))?;
        }
        self.restart_and_verify(&store, m, Asker::Person, DryRun::from(dry_run))
    }
}
