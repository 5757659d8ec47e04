//! `hm why NAME`: how the monitor's worker last died, from the
//! death certificates that `hm run`/`hm serve` recorded.

use crate::engine::Ctx;
use crate::engine::report::WhyReport;
use anyhow::Result;

/// The last death of `name`'s worker (every one kept, with `all`).
pub(crate) fn run(ctx: &Ctx, name: &str, all: bool) -> Result<WhyReport> {
    let config = ctx.config()?;
    // A pool's name: the deaths of all its instances, the last first.
    let monitors = config.monitor_or_pool(name)?;
    let (store, _) = ctx.store_to_read(&config)?;
    let limit = if all { usize::MAX } else { 1 };
    let mut deaths = Vec::new();
    for m in monitors {
        deaths.extend(store.deaths(Some(&m.name), 0.0, limit)?);
    }
    deaths.sort_by(|a, b| b.ts.total_cmp(&a.ts));
    deaths.truncate(limit);
    Ok(WhyReport { monitor: name.to_string(), deaths })
}
