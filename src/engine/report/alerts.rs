//! The reports of `hm alerts` and its subcommands.

use crate::alert::state::{Alert, AlertState};
use crate::status::Status;
use crate::store::Silence;
use crate::time::rfc3339;
use serde::Serialize;

/// One alert, for people and scripts.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct AlertView {
    pub id: i64,
    pub monitor: String,
    pub kind: String,
    /// `pending`, `firing` or `resolved`.
    pub state: AlertState,
    pub severity: Status,
    pub message: String,
    /// Consecutive non-ok checks.
    pub streak: u32,
    /// RFC 3339 times; null when it has not happened.
    pub started_at: String,
    pub fired_at: Option<String>,
    pub last_sent_at: Option<String>,
    pub resolved_at: Option<String>,
    pub acked: bool,
    /// Whether its monitor is silenced now.
    pub silenced: bool,
}

/// A silence in force.
#[derive(Debug, Serialize)]
pub(crate) struct SilenceView {
    pub monitor: String,
    /// RFC 3339.
    pub until: String,
    pub reason: String,
}

/// The result of `hm alerts`.
#[derive(Debug, Serialize)]
pub(crate) struct AlertsReport {
    /// Newest first.
    pub alerts: Vec<AlertView>,
    pub silences: Vec<SilenceView>,
    /// Whether resolved alerts were asked for (`--all`).
    #[serde(skip)]
    pub all: bool,
}

/// The result of `hm alerts ack|silence|unsilence`.
#[derive(Debug, Serialize)]
pub(crate) struct AlertChange {
    /// `ack`, `silence` or `unsilence`.
    pub action: String,
    /// The alert id or monitor it applies to.
    pub target: String,
    pub message: String,
}

/// One notification in the outbox.
#[derive(Debug, Serialize)]
pub(crate) struct OutboxView {
    pub id: i64,
    pub channel: String,
    pub alert_id: Option<i64>,
    pub event: String,
    pub monitor: String,
    pub severity: Option<Status>,
    pub created_at: String,
    pub attempts: u32,
    /// Null once delivered.
    pub next_try: Option<String>,
    pub delivered_at: Option<String>,
    pub last_error: Option<String>,
}

/// The result of `hm alerts outbox`.
#[derive(Debug, Serialize)]
pub(crate) struct OutboxReport {
    /// Oldest first.
    pub notifications: Vec<OutboxView>,
}

/// The result of `hm alerts test`.
#[derive(Debug, Serialize)]
pub(crate) struct TestReport {
    pub channel: String,
    pub kind: String,
    /// Where it went, secrets redacted.
    pub target: String,
    pub ok: bool,
    /// What the receiver said, or why it failed.
    pub detail: String,
}

impl AlertView {
    /// The view of `a`, silenced when one of `silenced` is its monitor's.
    pub(crate) fn new(a: Alert, silenced: &[Silence]) -> AlertView {
        AlertView {
            silenced: silenced.iter().any(|s| s.monitor == a.monitor),
            id: a.id,
            monitor: a.monitor,
            kind: a.kind,
            state: a.state,
            severity: a.severity,
            message: a.message,
            streak: a.streak,
            started_at: rfc3339(a.started_at),
            fired_at: a.fired_at.map(rfc3339),
            last_sent_at: a.last_sent_at.map(rfc3339),
            resolved_at: a.resolved_at.map(rfc3339),
            acked: a.acked,
        }
    }
}
