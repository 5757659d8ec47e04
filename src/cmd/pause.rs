//! `hm monitor pause NAME [--for D]` / `hm monitor resume NAME`: stop
//! checking and healing a monitor for a while, its worker left as it is
//! (`engine::hold_steps`).

use super::stop_worker::who;
use crate::engine::Engine;
use crate::engine::hold_steps::HoldRequest;
use crate::engine::report::HoldReport;
use anyhow::Result;
use std::time::Duration;

pub(crate) fn pause(engine: &Engine, name: &str, d: Option<Duration>, dry_run: bool) -> Result<HoldReport> {
    let by = who();
    engine.pause(
        &engine.ctx().config()?,
        name,
        d,
        &HoldRequest { by: &by, lock_wait: crate::lock::WAIT, dry_run: dry_run.into() },
    )
}

pub(crate) fn resume(engine: &Engine, name: &str, dry_run: bool) -> Result<HoldReport> {
    let by = who();
    engine.resume(
        &engine.ctx().config()?,
        name,
        &HoldRequest { by: &by, lock_wait: crate::lock::WAIT, dry_run: dry_run.into() },
    )
}
