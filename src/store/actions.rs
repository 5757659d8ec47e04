//! The `actions` table: every remedy applied, with its outcome, so what hm
//! changed on the host can always be looked up afterwards (`hm actions`).

use super::Store;
use anyhow::{Context, Result};
use rusqlite::params;

/// One recorded action.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActionRow {
    pub ts: f64,
    /// The monitor or rule it was for.
    pub monitor: String,
    /// What was done: `clean-disk`, `restart`, ...
    pub action: String,
    /// `ok`, `partial`, `failed`.
    pub outcome: String,
    pub details: String,
}

impl Store {
    /// Record an action.
    pub(crate) fn record_action(&self, row: &ActionRow) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO actions (ts, monitor, action, outcome, details) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![row.ts, row.monitor, row.action, row.outcome, row.details],
            )
            .with_context(|| format!("cannot record the action in {}", self.path().display()))?;
        Ok(())
    }

    /// Actions since `since` (unix seconds), oldest first.
    pub(crate) fn actions_since(&self, since: f64) -> Result<Vec<ActionRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT ts, monitor, action, outcome, details FROM actions WHERE ts >= ?1 ORDER BY ts")?;
        let rows = stmt.query_map([since], action_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Store {
    /// When `monitor`'s worker was restarted since `since`, not counting
    /// restarts before the last `--reset`.
    pub(crate) fn restarts_since(&self, monitor: &str, since: f64) -> Result<Vec<f64>> {
        Ok(self.attempts_since(monitor, "restart", since)?.into_iter().map(|a| a.ts).collect())
    }

    /// The `action`s taken for `monitor` since `since`, oldest first, not
    /// counting those before the last `reset`: what a remedy's budget
    /// counts (restarts, unsticks).
    pub(crate) fn attempts_since(&self, monitor: &str, action: &str, since: f64) -> Result<Vec<ActionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ts, monitor, action, outcome, details FROM actions WHERE monitor = ?1 AND action = ?3 AND ts >= max(?2, \
             coalesce((SELECT max(ts) FROM actions WHERE monitor = ?1 AND action = 'reset'), 0)) ORDER BY ts",
        )?;
        let rows = stmt.query_map(params![monitor, since, action], action_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// One row of `SELECT ts, monitor, action, outcome, details FROM actions`.
fn action_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActionRow> {
    Ok(ActionRow { ts: r.get(0)?, monitor: r.get(1)?, action: r.get(2)?, outcome: r.get(3)?, details: r.get(4)? })
}
