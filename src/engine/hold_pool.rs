//! A stop, start, pause or resume given a pool's name (`hm stop-worker
//! api`, `POST /monitors/api/stop`): done to every instance, one after
//! the other, each through the one-instance path (`hold_steps.rs`), so
//! each is its own intent and outcome in the actions table. An instance
//! that fails does not stop the others: a person who stops a pool wants
//! every instance down, and is told which one would not go.

use super::Engine;
use super::hold_steps::HoldRequest;
use super::report::{HoldReport, PoolHoldReport};
use super::restart::restartable;
use crate::config::Config;
use anyhow::{Result, anyhow, bail};
use std::time::Duration;

/// What is done to a worker or monitor, or to each instance of a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HoldVerb {
    Stop,
    Start,
    /// For so long, or until resumed.
    Pause(Option<Duration>),
    Resume,
}

impl HoldVerb {
    /// The action's name, as a `HoldReport` says it.
    pub(crate) fn action(self) -> &'static str {
        match self {
            HoldVerb::Stop => "stop-worker",
            HoldVerb::Start => "start-worker",
            HoldVerb::Pause(_) => "pause",
            HoldVerb::Resume => "resume",
        }
    }
}

/// One monitor's hold, or each of a pool's.
pub(crate) enum Held {
    One(HoldReport),
    Pool(PoolHoldReport),
}

impl Engine {
    /// `verb` on monitor `name`.
    pub(crate) fn hold_one(
        &self,
        config: &Config,
        name: &str,
        verb: HoldVerb,
        who: &HoldRequest<'_>,
    ) -> Result<HoldReport> {
        match verb {
            HoldVerb::Stop => self.stop_worker(config, name, who),
            HoldVerb::Start => self.start_worker(config, name, who),
            HoldVerb::Pause(d) => self.pause(config, name, d, who),
            HoldVerb::Resume => self.resume(config, name, who),
        }
    }

    /// `verb` on monitor `name`, or on each instance of pool `name`.
    pub(crate) fn hold(&self, config: &Config, name: &str, verb: HoldVerb, who: &HoldRequest<'_>) -> Result<Held> {
        let members = config.monitor_or_pool(name)?;
        let [first, ..] = members.as_slice() else { bail!("{}", config.unknown(name, "")) };
        if members.len() == 1 && first.name == name {
            return self.hold_one(config, name, verb, who).map(Held::One);
        }
        // Said once for the pool, not once an instance.
        if matches!(verb, HoldVerb::Stop | HoldVerb::Start) {
            restartable(first).map_err(|e| anyhow!("pool `{name}`: {e:#}"))?;
        }
        let mut holds = Vec::with_capacity(members.len());
        for m in members {
            holds.push(self.hold_one(config, &m.name, verb, who).unwrap_or_else(|e| HoldReport {
                monitor: m.name.clone(),
                action: verb.action(),
                outcome: "failed".into(),
                dry_run: who.dry_run.yes(),
                by: who.by.to_string(),
                until: None,
                old_pids: Vec::new(),
                new_pids: Vec::new(),
                steps: vec![format!("{e:#}")],
                ok: false,
            }));
        }
        let failed = holds.iter().filter(|h| !h.ok).map(|h| h.monitor.clone()).collect();
        Ok(Held::Pool(PoolHoldReport { pool: name.to_string(), action: verb.action(), holds, failed }))
    }
}
