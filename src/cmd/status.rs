//! `hm status`: the latest recorded result of each monitor, from the
//! database only (`engine::query::snapshot`): it runs nothing, so it is
//! instant and safe to call often.

use crate::engine::Ctx;
use crate::engine::query::snapshot;
use crate::engine::report::StatusReport;
use crate::status::Status;
use crate::time::unix_now;
use anyhow::Result;

pub(crate) fn run(ctx: &Ctx) -> Result<StatusReport> {
    let config = ctx.config()?;
    let (store, recorded) = ctx.store_to_read(&config)?;
    let mut report = snapshot(&config, &store, unix_now())?;
    if !recorded {
        // Nothing to report on: unknown (exit 3), and no file created.
        report.status = Status::Unknown;
        report.summary =
            format!("nothing recorded yet (no database at {}): run `hm check`", ctx.db_path(&config).display());
    }
    Ok(report)
}
