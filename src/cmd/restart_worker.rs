//! `hm restart-worker NAME`: restart a `process` monitor's worker now,
//! verify it runs, and record the action (`engine::restart`).

use crate::engine::report::RestartReport;
use crate::engine::{DryRun, Engine, ResetBudget};
use anyhow::Result;

pub(crate) fn run(engine: &Engine, name: &str, dry_run: bool, reset: bool) -> Result<RestartReport> {
    let (dry_run, reset) = (DryRun::from(dry_run), ResetBudget::from(reset));
    engine.restart(&engine.ctx().config()?, name, dry_run, reset, crate::lock::WAIT)
}
