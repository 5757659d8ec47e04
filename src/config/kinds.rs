//! What the config resolves besides the check kinds' own specs: the keys
//! every monitor takes, and clean rules. Each kind's spec lives with the
//! kind (`check::kinds`); the ones code elsewhere names are re-exported
//! here, where they were before the kinds had modules of their own.

pub(crate) use crate::check::kinds::disk::DiskSpec;
pub(crate) use crate::check::kinds::heartbeat::HeartbeatSource;
pub(crate) use crate::check::kinds::process::{Matcher, ProcessSpec, RestartHow, RestartSpec};
pub(crate) use crate::check::kinds::sqlite::SqliteSpec;
pub(crate) use crate::check::kinds::tasks::TaskPing;
pub(crate) use crate::check::kinds::tmux::TmuxSpec;
use std::path::PathBuf;
use std::time::Duration;

/// A clean-disk rule: delete regular files under `roots` whose name matches
/// one of `globs` and that were last modified longer ago than `older_than`.
#[derive(Debug, Clone)]
pub(crate) struct CleanRule {
    pub name: String,
    pub roots: Vec<PathBuf>,
    /// Patterns on the file name (not the path); empty means every file.
    pub globs: Vec<glob::Pattern>,
    pub older_than: Duration,
    /// Also `journalctl --vacuum-time` this (journal entries older than it go).
    pub journal_vacuum: Option<Duration>,
    /// Keep the matching files under this many bytes: past it, the oldest
    /// go even when younger than `older_than`.
    pub budget: Option<u64>,
}

/// Keys every monitor accepts.
pub(crate) const COMMON: &[&str] = &["name", "kind", "enabled", "description", "timeout", "for", "cooldown", "anomaly"];
