//! `hm clean-disk`: free space by the `[[clean]]` rules of hm.toml, or by a
//! rule given on the command line (`engine::clean`). `--dry-run` lists
//! what would go; a real run holds the run lock and records one action
//! per rule.

use crate::asked::DryRun;
use crate::engine::Engine;
use crate::engine::clean::{AdHoc, rules};
use crate::engine::report::CleanReport;
use anyhow::Result;

pub(crate) fn run(engine: &Engine, rule: Option<&str>, ad_hoc: Option<AdHoc>, dry_run: bool) -> Result<CleanReport> {
    let dry_run = DryRun::from(dry_run);
    let ctx = engine.ctx();
    let config = ctx.config()?;
    let rules = rules(&config, rule, ad_hoc)?;
    // No record, no action.
    let store = if dry_run.yes() { ctx.store(&config)? } else { crate::engine::intent::store_to_act(ctx, &config)? };
    let _lock = crate::lock::unless_dry_run(&ctx.db_path(&config), dry_run)?;
    engine.clean(&store, &rules, dry_run)
}
