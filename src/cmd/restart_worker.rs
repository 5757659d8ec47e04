//! `hm restart-worker NAME`: restart a `process` monitor's worker now,
//! verify it runs, and record the action (`engine::restart`); NAME a
//! pool: its rolling restart (`engine::roll`).

use crate::engine::report::Report;
use crate::engine::{DryRun, Engine, ResetBudget};
use anyhow::Result;

pub(crate) fn run(engine: &Engine, name: &str, dry_run: bool, reset: bool, parallel: usize) -> Result<Report> {
    let (dry_run, reset) = (DryRun::from(dry_run), ResetBudget::from(reset));
    let config = engine.ctx().config()?;
    if !config.monitors.iter().any(|m| m.name == name) && !config.pool(name).is_empty() {
        return Ok(Report::Roll(engine.roll(&config, name, parallel, dry_run, reset, crate::lock::WAIT)?));
    }
    Ok(Report::Restart(engine.restart(&config, name, dry_run, reset, crate::lock::WAIT)?))
}
