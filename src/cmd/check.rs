//! `hm check`: run the monitors now and record what they found
//! (`engine::cycle`).

use crate::engine::Engine;
use crate::engine::report::CheckReport;
use anyhow::Result;
use std::time::Instant;

pub(crate) fn run(engine: &Engine, names: &[String]) -> Result<CheckReport> {
    let started = Instant::now();
    let config = engine.ctx().config()?;
    engine.check(&config, names, started)
}
