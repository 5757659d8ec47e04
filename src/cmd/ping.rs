//! `hm ping NAME`: record that a job ran (and whether it worked), or that
//! it began, for heartbeat and tasks monitors.

use crate::engine::Ctx;
use crate::engine::ping::{Ping, ping};
use crate::engine::report::PingReport;
use crate::store::PingKind;
use anyhow::Result;
use std::time::Duration;

/// Record a ping by the config in `ctx` (see [`crate::engine::ping`]);
/// `start_fail` is `(--start, --fail)`.
pub(crate) fn run(
    ctx: &Ctx,
    name: &str,
    start_fail: (bool, bool),
    duration: Option<Duration>,
    create: bool,
) -> Result<PingReport> {
    let kind = match start_fail {
        (true, _) => PingKind::Start,
        (false, true) => PingKind::Fail,
        (false, false) => PingKind::Ok,
    };
    let config = ctx.config()?;
    Ok(ping(ctx, &config, &Ping { name, kind, duration, create, wait: None })?)
}
