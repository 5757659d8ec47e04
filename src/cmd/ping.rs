//! `hm ping NAME`: record that a job ran (and whether it worked), for
//! heartbeat monitors.

use crate::config::validate::name_problem;
use crate::config::{HeartbeatSource, Spec};
use crate::engine::Ctx;
use crate::engine::report::PingReport;
use crate::time::{rfc3339, unix_now};
use anyhow::{Result, bail};
use std::time::Duration;

/// Record a ping. A name no monitor reads is refused unless `create` is
/// set: a typo in a cron job's `hm ping` would otherwise go unnoticed
/// until the heartbeat it was meant for fired (issue 16).
pub(crate) fn run(ctx: &Ctx, name: &str, fail: bool, duration: Option<Duration>, create: bool) -> Result<PingReport> {
    if let Some(why) = name_problem(name, "ping name") {
        bail!("{why}");
    }
    let config = ctx.config()?;
    let reads = |m: &&crate::config::Monitor| match &m.spec {
        Spec::Heartbeat(h) => matches!(&h.source, HeartbeatSource::Ping(p) if p == name),
        Spec::Tasks(t) => t.ping == name,
        _ => false,
    };
    let monitor = config.monitors.iter().find(reads);
    if monitor.is_none() && !create {
        let known: Vec<&str> = config
            .monitors
            .iter()
            .filter_map(|m| match &m.spec {
                Spec::Heartbeat(h) => match &h.source {
                    HeartbeatSource::Ping(p) => Some(p.as_str()),
                    _ => None,
                },
                Spec::Tasks(t) => Some(t.ping.as_str()),
                _ => None,
            })
            .collect();
        let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
        bail!(
            "no monitor reads the ping `{name}` (known: {known}); add one (`hm add heartbeat {name}`), or record it anyway with --create"
        );
    }
    let store = ctx.store(&config)?;
    let now = unix_now();
    let duration_ms = duration.map(|d| d.as_secs_f64() * 1000.0);
    store.record_ping(now, name, !fail, duration_ms)?;
    Ok(PingReport {
        name: name.to_string(),
        ok: !fail,
        duration_ms,
        recorded_at: rfc3339(now),
        monitor: monitor.map(|m| m.name.clone()),
    })
}
