//! The reports of the checks and the remedies.

use super::check::CheckReport;
use super::outcome::{Outcome, RemedyKind};
use crate::alert::outbox::Delivery;
use crate::remedy::clear_locks::Holder;
use crate::status::Status;
use serde::Serialize;
use std::path::PathBuf;

/// One remedy considered for one monitor.
#[derive(Debug, Serialize)]
pub(crate) struct Remedy {
    pub monitor: String,
    /// `restart`, `clean-disk`, `clear-locks`, `unstick` or `none`.
    pub remedy: RemedyKind,
    pub outcome: Outcome,
    pub details: String,
    /// When backing off: how long until an attempt is allowed. `hm run`
    /// tries again then, not at its next cycle. Not printed:
    /// `details` says it.
    #[serde(skip)]
    pub retry_in: Option<std::time::Duration>,
}

/// The result of `hm heal`.
#[derive(Debug, Serialize)]
pub(crate) struct HealReport {
    /// The status after healing (what the exit code says).
    pub status: Status,
    pub dry_run: bool,
    /// The checks before.
    pub before: CheckReport,
    pub remedies: Vec<Remedy>,
    /// The monitors healed, checked again; null when nothing was done.
    pub after: Option<Box<CheckReport>>,
    /// The `healed` events queued, one per remedy that changed something.
    pub healed: Vec<crate::alert::healed::Told>,
    /// What delivering notifications did, after the run lock was released;
    /// null when none were waiting.
    pub notifications: Option<Delivery>,
    /// Why hm stopped acting (an intent it could not record):
    /// the heal exits 3. Absent when it did all it could.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_acting: Option<String>,
    /// What went wrong after the remedies without undoing them (a `healed`
    /// notification that could not be queued or sent), also printed on
    /// stderr. Absent when nothing did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The result of a restart.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct RestartReport {
    pub monitor: String,
    /// `restarted`, `failed`, `would restart`, `backing off`, `gave up`
    /// or `interrupted`.
    pub outcome: Outcome,
    pub dry_run: bool,
    /// Asked for by a person (`hm restart-worker`, the HTTP restart): it
    /// does not use up the automatic restart budget.
    pub manual: bool,
    /// Pids running before.
    pub old_pids: Vec<u32>,
    /// Pids running after (verified with a fresh scan).
    pub new_pids: Vec<u32>,
    /// What was done, step by step.
    pub steps: Vec<String>,
    /// When backing off: how long until an attempt is allowed.
    #[serde(skip)]
    pub retry_in: Option<std::time::Duration>,
}

impl RestartReport {
    pub(crate) fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed | Outcome::GaveUp | Outcome::Interrupted | Outcome::Held)
    }
}

/// What one rule did (or would do).
#[derive(Debug, Serialize)]
pub(crate) struct RuleReport {
    /// The rule's name (`command-line` for a rule given as flags).
    pub rule: String,
    pub roots: Vec<PathBuf>,
    /// Files deleted (or that would be).
    pub files: usize,
    /// Bytes freed (or that would be).
    pub bytes: u64,
    /// The files, as paths (invalid UTF-8 shown with U+FFFD).
    pub removed: Vec<String>,
    /// Problems met on the way; the rest of the rule still ran.
    pub errors: Vec<String>,
    /// The journal vacuum, when the rule has one: what was run.
    pub journal: Option<String>,
}

/// The result of `hm clean-disk`.
#[derive(Debug, Serialize)]
pub(crate) struct CleanReport {
    /// True when nothing was deleted, only listed.
    pub dry_run: bool,
    pub rules: Vec<RuleReport>,
    /// Totals over all rules.
    pub files: usize,
    pub bytes: u64,
}

/// What was found and done for one database.
#[derive(Debug, Serialize)]
pub(crate) struct DbReport {
    pub database: PathBuf,
    /// Processes that had it open.
    pub holders: Vec<Holder>,
    /// Processes whose open files hm could not read (other users', when hm
    /// is not root): a holder may hide among them, so hm changed nothing
    /// without first having the database's write lock.
    pub unseen_processes: usize,
    /// True when held by a process that is not `killable`, or by a writer:
    /// nothing was done.
    pub left_alone: bool,
    pub hot_journal: bool,
    pub wal_bytes_before: u64,
    pub wal_bytes_after: u64,
    pub steps: Vec<String>,
}

/// The result of `hm clear-locks`.
#[derive(Debug, Serialize)]
pub(crate) struct ClearLocksReport {
    pub dry_run: bool,
    pub databases: Vec<DbReport>,
}

impl ClearLocksReport {
    /// Whether some database was left alone because it is held.
    pub(crate) fn held(&self) -> bool {
        self.databases.iter().any(|d| d.left_alone)
    }
}
