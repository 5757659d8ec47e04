//! A pool's rolling restart (`hm restart-worker POOL`): its instances are
//! restarted a few at a time (one by default, `--parallel K`), and each
//! batch is verified running before the next is touched, so the pool
//! never has more than K instances down on purpose. The first instance
//! that fails its verification stops the roll: what it did to the others
//! is reported, and the instances not reached are named and left running.
//!
//! Each instance goes through the one restart path (`restart.rs`: a
//! person's restart, recorded intent first), under one run lock for the
//! whole roll, so no heal decides on an instance half restarted. An
//! instance held down (`hm stop-worker`) or paused is skipped, not failed:
//! it was kept down on purpose.

use super::intent::store_to_act;
use super::report::{Outcome, RollReport};
use super::restart::{Step, restartable};
use super::restart_steps::record;
use super::{Asker, DryRun, Engine, ResetBudget};
use crate::config::Config;
use crate::store::{ActionKind, ActionOutcome};
use crate::time::unix_now;
use anyhow::{Result, bail};
use std::time::Duration;

impl Engine {
    /// Restart every instance of pool `pool`, `parallel` at a time, each
    /// batch verified before the next.
    pub(crate) fn roll(
        &self,
        config: &Config,
        pool: &str,
        parallel: usize,
        dry_run: DryRun,
        reset: ResetBudget,
        lock_wait: Duration,
    ) -> Result<RollReport> {
        let members = config.pool(pool);
        if members.is_empty() {
            bail!("no monitor or pool named `{pool}`");
        }
        if let Some(m) = members.first() {
            let vouched = m.worker.as_deref().and_then(crate::config::instances::split).map(|(p, _)| p);
            match (restartable(m), vouched) {
                (Ok(_), _) => {}
                (Err(_), Some(p)) => bail!(
                    "pool `{pool}` is of {} monitors, not process monitors: it vouches for pool `{p}` (hm restart-worker {p})",
                    m.kind()
                ),
                (Err(e), None) => bail!("pool `{pool}`: {e:#}"),
            }
        }
        let ctx = self.ctx();
        let store = if dry_run.yes() { ctx.store(config)? } else { store_to_act(ctx, config)? };
        let _lock = if dry_run.yes() { None } else { Some(crate::lock::acquire(&ctx.db_path(config), lock_wait)?) };
        let parallel = parallel.max(1);
        let mut report = RollReport {
            pool: pool.to_string(),
            parallel,
            dry_run: dry_run.yes(),
            restarts: Vec::new(),
            failed: None,
            not_reached: Vec::new(),
        };
        for (n, batch) in members.chunks(parallel).enumerate() {
            if report.failed.is_some() {
                report.not_reached.extend(members[n * parallel..].iter().map(|m| m.name.clone()));
                break;
            }
            let mut begun = Vec::with_capacity(batch.len());
            for m in batch {
                if reset == ResetBudget::Yes && !dry_run.yes() {
                    let why = "restart budget reset by an operator".to_string();
                    super::heal_steps::record(&store, unix_now(), &m.name, ActionKind::Reset, ActionOutcome::Ok, why)
                        .map_err(|e| super::intent::NotActing::unrecorded(&store, e))?;
                }
                begun.push(self.restart_begin(&store, m, Asker::Person, dry_run, Some("rolling restart"))?);
            }
            for step in begun {
                let done = match step {
                    Step::Done(r) => r,
                    Step::Later(b, pending) => record(pending, self.verify(*b))?,
                };
                if done.failed() && done.outcome != Outcome::Held && report.failed.is_none() {
                    report.failed = Some(done.monitor.clone());
                }
                report.restarts.push(done);
            }
        }
        Ok(report)
    }
}
