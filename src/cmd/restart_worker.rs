//! `hm restart-worker NAME`: restart a `process` monitor's worker now,
//! verify it runs, and record the action (`engine::restart`).

use crate::engine::Engine;
use crate::engine::report::RestartReport;
use anyhow::Result;

pub(crate) fn run(engine: &Engine, name: &str, dry_run: bool, reset: bool) -> Result<RestartReport> {
    engine.restart(&engine.ctx().config()?, name, (dry_run, reset), crate::lock::WAIT)
}
