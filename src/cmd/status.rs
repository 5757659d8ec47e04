//! `hm status`: the latest recorded result of each monitor, from the
//! database only: it runs nothing, so it is instant and safe to call often.

use super::{Ctx, rfc3339, unix_now};
use crate::status::Status;
use anyhow::Result;
use serde::Serialize;

/// One monitor's latest state.
#[derive(Debug, Serialize)]
pub struct MonitorStatus {
    pub monitor: String,
    pub kind: String,
    /// The latest status; `unknown` when never checked.
    pub status: Status,
    pub message: String,
    /// When it was last checked (RFC 3339), if ever.
    pub checked_at: Option<String>,
    /// Seconds since the last check.
    pub age_s: Option<f64>,
    /// When the current status began (RFC 3339).
    pub since: Option<String>,
    /// Seconds in the current status.
    pub for_s: Option<f64>,
}

/// The result of `hm status`.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// The worst latest status.
    pub status: Status,
    /// e.g. "5 ok, 1 critical".
    pub summary: String,
    pub monitors: Vec<MonitorStatus>,
    /// What hm changed on the host in the last 24 hours, newest last (at
    /// most 10; `hm actions` has them all).
    pub recent_actions: Vec<super::actions::Action>,
}

pub fn run(ctx: &Ctx) -> Result<StatusReport> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let now = unix_now();
    let mut monitors = Vec::new();
    for m in config.monitors.iter().filter(|m| m.enabled) {
        let row = match store.latest_check(&m.name)? {
            Some(l) => MonitorStatus {
                monitor: m.name.clone(),
                kind: m.kind().to_string(),
                status: l.status,
                message: l.message,
                checked_at: Some(rfc3339(l.ts)),
                age_s: Some((now - l.ts).max(0.0)),
                since: Some(rfc3339(l.since)),
                for_s: Some((now - l.since).max(0.0)),
            },
            None => MonitorStatus {
                monitor: m.name.clone(),
                kind: m.kind().to_string(),
                status: Status::Unknown,
                message: "never checked".to_string(),
                checked_at: None,
                age_s: None,
                since: None,
                for_s: None,
            },
        };
        monitors.push(row);
    }
    let mut counts: Vec<String> = Vec::new();
    for s in [Status::Ok, Status::Warning, Status::Critical, Status::Unknown] {
        let n = monitors.iter().filter(|m| m.status == s).count();
        if n > 0 {
            counts.push(format!("{n} {s}"));
        }
    }
    let mut recent_actions: Vec<super::actions::Action> =
        store.actions_since(now - 86_400.0)?.into_iter().map(super::actions::Action::from).collect();
    recent_actions.drain(..recent_actions.len().saturating_sub(10));
    Ok(StatusReport {
        recent_actions,
        status: Status::worst_of(monitors.iter().map(|m| m.status)),
        summary: if counts.is_empty() { "no monitors".to_string() } else { counts.join(", ") },
        monitors,
    })
}
