//! What `hm stop-worker`, `hm start-worker`, `hm monitor pause` and
//! `hm monitor resume` did, and a hold as `hm status` shows it.

use serde::Serialize;

/// One stop, start, pause or resume.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct HoldReport {
    pub monitor: String,
    /// `stop-worker`, `start-worker`, `pause` or `resume`.
    pub action: &'static str,
    /// `stopped`, `started`, `paused`, `resumed`, `failed`, or in a dry
    /// run `would stop` ...
    pub outcome: String,
    pub dry_run: bool,
    /// Who asked.
    pub by: String,
    /// When a pause ends by itself (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The worker's pids before, and after.
    pub old_pids: Vec<u32>,
    pub new_pids: Vec<u32>,
    /// What was done, step by step.
    pub steps: Vec<String>,
    /// Whether it did all it was asked (the exit code: 0, else 1).
    pub ok: bool,
}

/// A monitor's hold, in `hm status`: its status cell reads `stopped` or
/// `paused`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct HoldView {
    /// `stopped` or `paused`.
    pub state: &'static str,
    pub by: String,
    /// When it was set (RFC 3339).
    pub since: String,
    /// When a pause ends (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

impl HoldView {
    pub(crate) fn of(h: &crate::store::HoldRow) -> HoldView {
        HoldView {
            state: h.kind.as_str(),
            by: h.by.clone(),
            since: crate::time::rfc3339(h.since),
            until: h.until.map(crate::time::rfc3339),
        }
    }
}

/// A stop, start, pause or resume of each instance of a pool.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct PoolHoldReport {
    /// The pool's name (its instances are `POOL@i`).
    pub pool: String,
    /// `stop-worker`, `start-worker`, `pause` or `resume`.
    pub action: &'static str,
    /// Each instance's, in instance order.
    pub holds: Vec<HoldReport>,
    /// The instances that did not do all they were asked (the exit code:
    /// 0 when empty, else 1).
    pub failed: Vec<String>,
}
