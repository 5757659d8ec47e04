//! `hm status`: the latest recorded result of each monitor, from the
//! database only: it runs nothing, so it is instant and safe to call often.
//! [`snapshot`] is also what `hm export`, `/status`, `/metrics` and the
//! dashboard read, so they all agree.

use super::alerts::AlertView;
use super::{Ctx, rfc3339, unix_now};
use crate::analyze::score::{host_score, monitor_score};
use crate::check::Metric;
use crate::config::Config;
use crate::status::Status;
use crate::store::Store;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;

/// One monitor's latest state.
#[derive(Debug, Clone, Serialize)]
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
    /// Health score 0–100 (see `analyze::score`); null when never checked.
    pub score: Option<f64>,
    /// How long the latest check took, milliseconds.
    pub duration_ms: Option<f64>,
    /// The latest check's figures, with their thresholds.
    pub metrics: Vec<Metric>,
    /// Worker restarts in the last 24 hours.
    pub restarts_24h: usize,
    /// Unix time of the last check (for exporters).
    #[serde(skip)]
    pub checked_ts: Option<f64>,
}

/// The result of `hm status`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The worst latest status.
    pub status: Status,
    /// The host's health score, 0–100.
    pub score: f64,
    /// e.g. "5 ok, 1 critical".
    pub summary: String,
    pub monitors: Vec<MonitorStatus>,
    /// Open alerts (pending and firing), newest first.
    pub alerts: Vec<AlertView>,
    /// Notifications waiting in the outbox.
    pub outbox_waiting: usize,
    /// What hm changed on the host in the last 24 hours, newest first (at
    /// most 10; `hm actions` has them all).
    pub recent_actions: Vec<super::actions::Action>,
}

/// Build the report from the database.
pub fn snapshot(config: &Config, store: &Store, now: f64) -> Result<StatusReport> {
    let latest: HashMap<String, (f64, crate::check::CheckResult)> =
        store.latest_results()?.into_iter().map(|(ts, r)| (r.monitor.clone(), (ts, r))).collect();
    let mut monitors = Vec::new();
    for m in config.monitors.iter().filter(|m| m.enabled) {
        let restarts_24h = store.restarts_since(&m.name, now - 86_400.0)?.len();
        let mut row = MonitorStatus {
            monitor: m.name.clone(),
            kind: m.kind().to_string(),
            status: Status::Unknown,
            message: "never checked".to_string(),
            checked_at: None,
            age_s: None,
            since: None,
            for_s: None,
            score: None,
            duration_ms: None,
            metrics: Vec::new(),
            restarts_24h,
            checked_ts: None,
        };
        if let Some(l) = store.latest_check(&m.name)? {
            row.status = l.status;
            row.message = l.message;
            row.checked_at = Some(rfc3339(l.ts));
            row.age_s = Some((now - l.ts).max(0.0));
            row.since = Some(rfc3339(l.since));
            row.for_s = Some((now - l.since).max(0.0));
            row.checked_ts = Some(l.ts);
            if let Some((_, r)) = latest.get(&m.name) {
                row.score = Some(monitor_score(r, restarts_24h));
                row.duration_ms = Some(r.duration_ms);
                row.metrics = r.metrics.clone();
            }
        }
        monitors.push(row);
    }
    let mut counts: Vec<String> = Vec::new();
    for s in [Status::Ok, Status::Warning, Status::Critical, Status::Unknown] {
        let n = monitors.iter().filter(|m| m.status == s).count();
        if n > 0 {
            counts.push(format!("{n} {s}"));
        }
    }
    let scored: Vec<(&str, Status, f64)> =
        monitors.iter().map(|m| (m.kind.as_str(), m.status, m.score.unwrap_or(25.0))).collect();
    let mut recent_actions: Vec<super::actions::Action> =
        store.actions_since(now - 86_400.0)?.into_iter().map(super::actions::Action::from).collect();
    recent_actions.drain(..recent_actions.len().saturating_sub(10));
    // Newest first, as the dashboard lists them (issue 16).
    recent_actions.reverse();
    let silences = store.silences(now)?;
    Ok(StatusReport {
        score: host_score(&scored),
        recent_actions,
        status: Status::worst_of(monitors.iter().map(|m| m.status)),
        summary: if counts.is_empty() { "no monitors".to_string() } else { counts.join(", ") },
        alerts: store.alerts(false, 100)?.into_iter().map(|a| super::alerts::view(a, &silences)).collect(),
        outbox_waiting: store.count_undelivered()?,
        monitors,
    })
}

pub fn run(ctx: &Ctx) -> Result<StatusReport> {
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
