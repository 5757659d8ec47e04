//! `hm heal`: check, fix what the config allows, check again
//! (`engine::heal`).

use crate::engine::report::HealReport;
use crate::engine::{DryRun, Engine};
use anyhow::Result;

pub(crate) fn run(engine: &Engine, names: &[String], dry_run: bool) -> Result<HealReport> {
    engine.heal(&engine.ctx().config()?, names, DryRun::from(dry_run))
}
