//! The report of a pool's rolling restart (`hm restart-worker POOL`).

use super::RestartReport;
use serde::Serialize;

/// What a rolling restart did, instance by instance.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct RollReport {
    /// The pool's name (its instances are `POOL@i`).
    pub pool: String,
    /// How many instances were restarted at once.
    pub parallel: usize,
    pub dry_run: bool,
    /// Each instance restarted (or skipped: held), in order.
    pub restarts: Vec<RestartReport>,
    /// The instance whose restart failed and stopped the roll; null when
    /// every one runs again.
    pub failed: Option<String>,
    /// The instances left as they were because the roll stopped.
    pub not_reached: Vec<String>,
}
