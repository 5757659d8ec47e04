//! The `actions` table: every remedy applied, with its outcome, so what hm
//! changed on the host can always be looked up afterwards (`hm actions`).
//!
//! Written ahead: a remedy first commits its intent (a row
//! whose outcome is [`ActionOutcome::Pending`], with what it will touch
//! and the pid of the hm acting), then acts, then completes the row. A row
//! left pending is a remedy whose hm died, or was stopped, mid-way: it
//! counts against the budgets like any attempt, and `hm actions` shows it
//! `interrupted`.

use super::Store;
use super::action_kinds::{ActionKind, ActionOutcome};
use anyhow::{Context, Result};
use rusqlite::params;
use std::collections::HashMap;

/// One recorded action.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActionRow {
    /// When it started.
    pub ts: f64,
    /// The monitor or rule it was for.
    pub monitor: String,
    /// What was done.
    pub action: ActionKind,
    /// How it ended; [`ActionOutcome::Pending`] until it does.
    pub outcome: ActionOutcome,
    /// The one thing within the monitor it was for, when a monitor
    /// watches many (a tmux session): what a budget kept per thing counts
    /// by. `None` for the others, and for rows older than the column
    /// other than unsticks (the migration read theirs from their details).
    pub target: Option<String>,
    pub details: String,
    /// What it was to touch: pids, paths (set with the intent).
    pub targets: String,
    /// Asked for by a person (`hm restart-worker`, the HTTP restart), not
    /// by a heal: it does not use up the automatic budget.
    pub manual: bool,
    /// The hm that acted.
    pub pid: Option<u32>,
    /// When its outcome was written; `None` for older rows and pending ones.
    pub finished_at: Option<f64>,
}

impl ActionRow {
    /// A row of `action` for `monitor` at `ts`, pending, with nothing else
    /// said yet.
    pub(crate) fn new(ts: f64, monitor: &str, action: ActionKind) -> ActionRow {
        ActionRow {
            ts,
            monitor: monitor.to_string(),
            action,
            outcome: ActionOutcome::Pending,
            target: None,
            details: String::new(),
            targets: String::new(),
            manual: false,
            pid: None,
            finished_at: None,
        }
    }
}

/// The columns [`action_row`] reads.
const COLUMNS: &str = "ts, monitor, action, outcome, details, targets, manual, pid, finished_at, target";

impl Store {
    /// Record an action done (intent and outcome at once).
    pub(crate) fn record_action(&self, row: &ActionRow) -> Result<()> {
        self.insert_action(row).map(|_| ())
    }

    fn insert_action(&self, row: &ActionRow) -> Result<i64> {
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO actions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ))
            .and_then(|mut s| {
                s.execute(params![
                    row.ts,
                    row.monitor,
                    row.action.as_str(),
                    row.outcome.as_str(),
                    row.details,
                    row.targets,
                    row.manual,
                    row.pid,
                    row.finished_at,
                    row.target
                ])
            })
            .with_context(|| format!("cannot record the action in {}", self.path().display()))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Commit the intents of `rows` (their outcome set to pending) in
    /// one transaction: all of them or none. Their row ids, in order.
    pub(crate) fn begin_actions(&self, rows: &[ActionRow]) -> Result<Vec<i64>> {
        let shown = self.path().display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot record the action in {shown}"))?;
        let mut ids = Vec::with_capacity(rows.len());
        for row in rows {
            let pending = ActionRow { outcome: ActionOutcome::Pending, finished_at: None, ..row.clone() };
            ids.push(self.insert_action(&pending)?);
        }
        tx.commit().with_context(|| format!("cannot record the action in {shown}"))?;
        Ok(ids)
    }

    /// What a pending action has done so far (the pid it started), for
    /// the record should hm die before it completes.
    pub(crate) fn note_action(&self, id: i64, details: &str) -> Result<()> {
        self.conn
            .execute("UPDATE actions SET details = ?2 WHERE rowid = ?1", params![id, details])
            .with_context(|| format!("cannot record the action in {}", self.path().display()))?;
        Ok(())
    }

    /// Complete a pending action with its outcome.
    pub(crate) fn finish_action(&self, id: i64, outcome: &ActionOutcome, details: &str, at: f64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE actions SET outcome = ?2, details = ?3, finished_at = ?4 WHERE rowid = ?1",
                params![id, outcome.as_str(), details, at],
            )
            .with_context(|| format!("cannot record the action in {}", self.path().display()))?;
        Ok(())
    }

    /// Actions since `since` (unix seconds), oldest first.
    pub(crate) fn actions_since(&self, since: f64) -> Result<Vec<ActionRow>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM actions WHERE ts >= ?1 ORDER BY ts, rowid"))?;
        let rows = stmt.query_map([since], action_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// Whose restarts [`Store::restarts_since`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RestartsBy {
    /// Only hm's own, automatic ones: what the restart budget counts.
    Hm,
    /// Manual ones too (`manual`): a worker just restarted, by anyone,
    /// gets its grace.
    Anyone,
}

impl Store {
    /// When `monitor`'s worker was restarted since `since` (by `by`), not
    /// counting restarts before the last `--reset`.
    pub(crate) fn restarts_since(&self, monitor: &str, since: f64, by: RestartsBy) -> Result<Vec<f64>> {
        let rows = self.attempts_since(monitor, &ActionKind::Restart, since)?;
        Ok(rows.into_iter().filter(|a| by == RestartsBy::Anyone || !a.manual).map(|a| a.ts).collect())
    }

    /// [`Store::restarts_since`] of many monitors at once, `since` given per
    /// monitor: a cycle asks for every monitor with a restart budget, and
    /// a query per monitor (each scanning the table for the last reset) was
    /// most of a thousand-instance pool's cycle. Two queries in all: the
    /// restarts since the earliest `since`, and the last reset of each
    /// monitor. Monitors with none have an empty history.
    pub(crate) fn restarts_of_many(
        &self,
        since: &HashMap<&str, f64>,
        by: RestartsBy,
    ) -> Result<HashMap<String, Vec<f64>>> {
        let mut out: HashMap<String, Vec<f64>> = since.keys().map(|m| ((*m).to_string(), Vec::new())).collect();
        let Some(earliest) = since.values().copied().reduce(f64::min) else { return Ok(out) };
        let mut resets =
            self.conn.prepare_cached("SELECT monitor, max(ts) FROM actions WHERE action = ?1 GROUP BY monitor")?;
        let reset: HashMap<String, f64> = resets
            .query_map([ActionKind::Reset.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT monitor, ts, manual FROM actions WHERE action = ?1 AND ts >= ?2 ORDER BY ts")?;
        let rows = stmt.query_map(params![ActionKind::Restart.as_str(), earliest], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?, r.get::<_, bool>(2)?))
        })?;
        for row in rows {
            let (monitor, ts, manual) = row?;
            let Some(&from) = since.get(monitor.as_str()) else { continue };
            let from = from.max(reset.get(&monitor).copied().unwrap_or(0.0));
            if ts >= from
                && (by == RestartsBy::Anyone || !manual)
                && let Some(h) = out.get_mut(&monitor)
            {
                h.push(ts);
            }
        }
        Ok(out)
    }

    /// The `action`s taken for `monitor` since `since`, oldest first, not
    /// counting those before the last `reset`: what a remedy's budget
    /// counts (restarts, unsticks), pending ones included.
    pub(crate) fn attempts_since(&self, monitor: &str, action: &ActionKind, since: f64) -> Result<Vec<ActionRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM actions WHERE monitor = ?1 AND action = ?3 AND ts >= max(?2, \
             coalesce((SELECT max(ts) FROM actions WHERE monitor = ?1 AND action = ?4), 0)) ORDER BY ts"
        ))?;
        let rows = stmt.query_map(params![monitor, since, action.as_str(), ActionKind::Reset.as_str()], action_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// One row of `SELECT {COLUMNS} FROM actions`.
fn action_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActionRow> {
    Ok(ActionRow {
        ts: r.get(0)?,
        monitor: r.get(1)?,
        action: ActionKind::from_db(&r.get::<_, String>(2)?),
        outcome: ActionOutcome::from_db(&r.get::<_, String>(3)?),
        details: r.get(4)?,
        targets: r.get(5)?,
        manual: r.get(6)?,
        pid: r.get(7)?,
        finished_at: r.get(8)?,
        target: r.get(9)?,
    })
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;
