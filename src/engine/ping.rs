//! Recording a ping: `hm ping NAME` on the host and `POST /ping/NAME` of
//! `hm serve` go through [`ping`], so both check the name, refuse
//! a name no monitor reads and store the same rows.

use super::Ctx;
use super::report::PingReport;
use crate::config::validate::name_problem;
use crate::config::{Config, HeartbeatSource, Spec};
use crate::store::PingKind;
use crate::time::{rfc3339, unix_now};
use std::time::Duration;

/// One ping to record.
#[derive(Debug, Clone)]
pub(crate) struct Ping<'a> {
    pub name: &'a str,
    pub kind: PingKind,
    /// How long the run took; without it, an ok or fail that ends a run
    /// begun by a start gets the time since that start.
    pub duration: Option<Duration>,
    /// Record it even though no monitor reads this name.
    pub create: bool,
    /// Wait at most this long for the database (default: the store's 5 s).
    pub wait: Option<Duration>,
}

/// Why a ping was not recorded: the callers answer each differently
/// (`hm serve`: 404 for the first two, 503 for the last).
#[derive(Debug, thiserror::Error)]
pub(crate) enum PingError {
    /// Not a name hm allows (the text says why).
    #[error("{0}")]
    BadName(String),
    /// No heartbeat or tasks monitor reads this name.
    #[error(
        "no monitor reads the ping `{name}` (known: {known}); add one (`hm add heartbeat {name}`), or record it anyway with --create"
    )]
    Unknown { name: String, known: String },
    /// The database could not be opened or written.
    #[error(transparent)]
    Store(anyhow::Error),
}

/// The names the monitors of `config` read pings of.
pub(crate) fn ping_names(config: &Config) -> impl Iterator<Item = (&str, &str)> {
    config.monitors.iter().filter_map(|m| match &m.spec {
        Spec::Heartbeat(h) => match &h.source {
            HeartbeatSource::Ping(p) => Some((p.as_str(), m.name.as_str())),
            _ => None,
        },
        Spec::Tasks(t) => Some((t.ping.as_str(), m.name.as_str())),
        _ => None,
    })
}

/// Record `p` by the monitors of `config` in the database of `ctx`. A name
/// no monitor reads is refused unless `create` is set: a typo in a cron
/// job's `hm ping` would otherwise go unnoticed until the heartbeat it was
/// meant for fired.
pub(crate) fn ping(ctx: &Ctx, config: &Config, p: &Ping<'_>) -> Result<PingReport, PingError> {
    let name = p.name;
    if let Some(why) = name_problem(name, "ping name") {
        return Err(PingError::BadName(why));
    }
    let monitor = ping_names(config).find(|(n, _)| *n == name).map(|(_, m)| m.to_string());
    if monitor.is_none() && !p.create {
        let known: Vec<&str> = ping_names(config).map(|(n, _)| n).collect();
        let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
        return Err(PingError::Unknown { name: name.to_string(), known });
    }
    let store = ctx.store(config).map_err(PingError::Store)?;
    if let Some(wait) = p.wait {
        store.wait_at_most(wait).map_err(PingError::Store)?;
    }
    let now = unix_now();
    let mut duration_ms = p.duration.map(|d| d.as_secs_f64() * 1000.0);
    if duration_ms.is_none() && p.kind != PingKind::Start {
        let began = store.open_start(name).map_err(PingError::Store)?;
        duration_ms = began.map(|b| ((now - b) * 1000.0).max(0.0));
    }
    store.record_ping(now, name, p.kind, duration_ms).map_err(PingError::Store)?;
    Ok(PingReport {
        name: name.to_string(),
        ok: p.kind != PingKind::Fail,
        start: p.kind == PingKind::Start,
        duration_ms,
        recorded_at: rfc3339(now),
        monitor,
    })
}
