//! `hm why NAME`: how the monitor's worker last died, from the
//! death certificates that `hm run`/`hm serve` recorded.

use crate::engine::Ctx;
use crate::engine::report::WhyReport;
use anyhow::{Result, bail};

/// The last death of `name`'s worker (every one kept, with `all`).
pub(crate) fn run(ctx: &Ctx, name: &str, all: bool) -> Result<WhyReport> {
    let config = ctx.config()?;
    if !config.monitors.iter().any(|m| m.name == name) {
        bail!("no monitor named `{name}`");
    }
    let (store, _) = ctx.store_to_read(&config)?;
    let deaths = store.deaths(Some(name), 0.0, if all { usize::MAX } else { 1 })?;
    Ok(WhyReport { monitor: name.to_string(), deaths })
}
