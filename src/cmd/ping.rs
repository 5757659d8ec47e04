//! `hm ping NAME`: record that a job ran (and whether it worked), for
//! heartbeat monitors.

use super::{Ctx, rfc3339, unix_now};
use crate::config::validate::valid_name;
use anyhow::{Result, bail};
use serde::Serialize;
use std::time::Duration;

/// The result of `hm ping`.
#[derive(Debug, Serialize)]
pub struct PingReport {
    /// The heartbeat's name.
    pub name: String,
    /// Whether the run succeeded.
    pub ok: bool,
    /// The run's duration, milliseconds, if given.
    pub duration_ms: Option<f64>,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    /// The heartbeat monitor reading this ping, if one is configured.
    pub monitor: Option<String>,
}

pub fn run(ctx: &Ctx, name: &str, fail: bool, duration: Option<Duration>) -> Result<PingReport> {
    if !valid_name(name) {
        bail!("`{name}` is not a valid ping name: use lower-case letters, digits, `_`, `.` and `-`");
    }
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let now = unix_now();
    let duration_ms = duration.map(|d| d.as_secs_f64() * 1000.0);
    store.record_ping(now, name, !fail, duration_ms)?;
    let monitor = config.monitors.iter().find(|m| match &m.spec {
        crate::config::Spec::Heartbeat(h) => matches!(&h.source, crate::config::HeartbeatSource::Ping(p) if p == name),
        _ => false,
    });
    Ok(PingReport {
        name: name.to_string(),
        ok: !fail,
        duration_ms,
        recorded_at: rfc3339(now),
        monitor: monitor.map(|m| m.name.clone()),
    })
}
