//! The report of `hm check` (and of each cycle of `hm run`).

use crate::alert::outbox::Delivery;
use crate::alert::router::{Pending, Raised};
use crate::check::CheckResult;
use crate::status::Status;
use serde::Serialize;

/// The result of `hm check`.
#[derive(Debug, Serialize)]
pub(crate) struct CheckReport {
    /// The worst status of all results.
    pub status: Status,
    /// When the run started (RFC 3339, UTC).
    pub checked_at: String,
    /// How long the whole run took, milliseconds.
    pub duration_ms: f64,
    /// One result per monitor, in config order.
    pub results: Vec<CheckResult>,
    /// Each pool (`instances = N`) summed up; its instances are in `results`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<super::PoolSummary>,
    /// Alert events this run raised: `firing`, `changed`, `repeat`, `resolved`.
    pub alerts: Vec<Raised>,
    /// Monitors failing for fewer checks in a row than their `for`: no
    /// alert yet.
    pub pending_alerts: Vec<Pending>,
    /// When the next escalation tier is due (unix seconds): the loop of
    /// `hm run` wakes for it. Not part of the report.
    #[serde(skip)]
    pub escalate_at: Option<f64>,
    /// What delivering notifications did; null when none were waiting.
    pub notifications: Option<Delivery>,
    /// Whether the results were recorded in the database.
    pub recorded: bool,
    /// What went wrong without stopping the run (also printed on stderr).
    pub warnings: Vec<String>,
}

impl CheckReport {
    /// A report of `results` that nothing else happened in: its status
    /// and pools from them, no alerts, nothing delivered, recorded, no
    /// warnings. For reports made up rather than run (a heal's "before"
    /// from verifications, an escalation's), which change what differs.
    pub(crate) fn of(checked_at: String, results: Vec<CheckResult>) -> CheckReport {
        CheckReport {
            status: Status::worst_of(results.iter().map(|r| r.status)),
            checked_at,
            duration_ms: 0.0,
            pools: super::pools(results.iter().map(|r| (r.monitor.as_str(), r.status))),
            results,
            alerts: Vec::new(),
            pending_alerts: Vec::new(),
            escalate_at: None,
            notifications: None,
            recorded: true,
            warnings: Vec::new(),
        }
    }
}
