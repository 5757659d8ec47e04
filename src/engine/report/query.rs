//! The reports of what hm recorded: status, history, actions.

use super::alerts::AlertView;
use crate::check::Metric;
use crate::status::Status;
use crate::store::ActionRow;
use crate::time::rfc3339;
use serde::Serialize;

/// One monitor's latest state.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct MonitorStatus {
    pub monitor: String,
    pub kind: String,
    /// The latest status; `unknown` when never checked.
    pub status: Status,
    pub message: String,
    /// When it was last checked (RFC 3339), if ever.
    pub checked_at: Option<String>,
    /// Seconds since the last check; never negative.
    pub age_s: Option<f64>,
    /// How far in the future the last check is dated, seconds, when it is
    /// (the clock was fast when it was written); else absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub future_s: Option<f64>,
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
    /// Stopped (`hm stop-worker`) or paused (`hm monitor pause`): by whom,
    /// since and until when. Absent when neither.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold: Option<super::HoldView>,
    /// Flapping now: its state changes too often to tell each change
    /// (`alert::flap`); it is told again once it settles.
    pub flapping: bool,
    /// In a maintenance window now (`[[maintenance]]` or `hm alerts
    /// maintenance start`): checked and recorded, not alerted on. Absent
    /// when not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<crate::alert::maintenance::OpenWindow>,
}

/// The result of `hm status`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct StatusReport {
    /// The worst latest status.
    pub status: Status,
    /// The host's health score, 0–100.
    pub score: f64,
    /// e.g. "5 ok, 1 critical".
    pub summary: String,
    pub monitors: Vec<MonitorStatus>,
    /// Each pool (`instances = N`) summed up; its instances are in `monitors`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<super::PoolSummary>,
    /// Open alerts (pending and firing), newest first.
    pub alerts: Vec<AlertView>,
    /// Notifications waiting in the outbox.
    pub outbox_waiting: usize,
    /// What hm changed on the host in the last 24 hours, newest first (at
    /// most 10; `hm actions` has them all).
    pub recent_actions: Vec<Action>,
    /// Deaths of watched workers by monitor and cause, in the kept
    /// history (`hm why NAME` tells each).
    pub worker_exits: Vec<WorkerExits>,
}

impl StatusReport {
    /// The report without the tails of workers' logs, for `GET /status`,
    /// which any local user may ask: a log may hold what only root may
    /// read. `hm why` (root's command line) and root's channels keep them.
    pub(crate) fn without_log_tails(mut self) -> StatusReport {
        for death in self.recent_actions.iter_mut().filter_map(|a| a.death.as_mut()) {
            if !death.tail.is_empty() {
                death.tail.clear();
                death.tail_note = Some("not served over HTTP: hm why NAME shows it".into());
            }
        }
        self
    }
}

/// How many times a monitor's worker died of one cause.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct WorkerExits {
    pub monitor: String,
    /// As a death certificate says it (`killed by SIGKILL`, `oom-killed`).
    pub cause: String,
    pub count: u64,
}

/// One metric's values over time.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Series {
    pub metric: String,
    pub unit: String,
    /// `[unix seconds, value]` pairs, oldest first.
    pub points: Vec<(f64, f64)>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub last: Option<f64>,
}

/// The result of `hm history`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct HistoryReport {
    pub monitor: String,
    /// The start of the window (RFC 3339).
    pub since: String,
    pub series: Vec<Series>,
}

/// One action.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Action {
    /// When (RFC 3339).
    pub at: String,
    /// The monitor or rule it was for.
    pub monitor: String,
    pub action: String,
    /// `ok`, `partial`, `failed`; `interrupted` when its hm died or was
    /// stopped before it wrote the outcome, `in progress` while it runs.
    pub outcome: String,
    pub details: String,
    /// What it was to touch (pids, paths), written before it acted.
    pub targets: String,
    /// Asked for by a person (`hm restart-worker`, the HTTP restart).
    pub manual: bool,
    /// For a restart: the death of the worker it answered, as
    /// `hm why` shows it; null when none was seen.
    pub death: Option<super::Death>,
}

impl From<ActionRow> for Action {
    fn from(a: ActionRow) -> Action {
        Action {
            at: rfc3339(a.ts),
            outcome: crate::engine::intent::shown_outcome(&a),
            monitor: a.monitor,
            action: a.action.to_string(),
            details: a.details,
            targets: a.targets,
            manual: a.manual,
            death: None,
        }
    }
}

/// The result of `hm actions`.
#[derive(Debug, Serialize)]
pub(crate) struct ActionsReport {
    /// The start of the window (RFC 3339).
    pub since: String,
    pub actions: Vec<Action>,
}
