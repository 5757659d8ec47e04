//! `hm monitor pause NAME [--for D]` / `hm monitor resume NAME`: stop
//! checking and healing a monitor (or each instance of a pool) for a
//! while, its worker left as it is (`engine::hold_steps`).

use super::stop_worker::hold;
use crate::engine::Engine;
use crate::engine::hold_pool::HoldVerb;
use crate::engine::report::Report;
use anyhow::Result;
use std::time::Duration;

pub(crate) fn pause(engine: &Engine, name: &str, d: Option<Duration>, dry_run: bool) -> Result<Report> {
    hold(engine, name, HoldVerb::Pause(d), dry_run)
}

pub(crate) fn resume(engine: &Engine, name: &str, dry_run: bool) -> Result<Report> {
    hold(engine, name, HoldVerb::Resume, dry_run)
}
