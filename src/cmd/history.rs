//! `hm history NAME`: a monitor's recorded figures over time, from the
//! metrics of its `checks` rows and what older versions left in `samples`
//! (`engine::query::history`).

use crate::engine::Ctx;
use crate::engine::query::history;
use crate::engine::report::HistoryReport;
use anyhow::Result;
use std::time::Duration;

pub(crate) fn run(
    ctx: &Ctx,
    monitor: &str,
    metric: Option<&str>,
    since: Duration,
    points: Option<usize>,
) -> Result<HistoryReport> {
    let config = ctx.config()?;
    config.monitor(monitor)?;
    let (store, _) = ctx.store_to_read(&config)?;
    history(&store, monitor, metric, since, points)
}
