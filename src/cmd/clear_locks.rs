//! `hm clear-locks DB...`: free stuck SQLite databases, recording what was
//! done (`engine::clear_locks`).

use crate::asked::DryRun;
use crate::engine::Engine;
use crate::engine::clear_locks::targets;
use crate::engine::report::ClearLocksReport;
use anyhow::Result;
use std::path::PathBuf;

pub(crate) fn run(engine: &Engine, paths: &[PathBuf], dry_run: bool) -> Result<ClearLocksReport> {
    let dry_run = DryRun::from(dry_run);
    let ctx = engine.ctx();
    let config = ctx.config()?;
    let targets = targets(&config, paths)?;
    // No record, no action.
    let store = if dry_run.yes() { ctx.store(&config)? } else { crate::engine::intent::store_to_act(ctx, &config)? };
    let _lock = crate::lock::unless_dry_run(&ctx.db_path(&config), dry_run)?;
    engine.clear_locks(&store, &targets, dry_run)
}
