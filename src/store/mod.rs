//! The SQLite database: what happened (observed state).
//!
//! One file, WAL mode (readers never block the writer, a cron run and an
//! operator's `hm status` can overlap), a busy timeout instead of "database
//! is locked" errors, and schema migrations numbered by `user_version`.
//! Opening refuses a file that is not an hm database rather than touching
//! it: nothing is ever overwritten. A damaged hm database is moved aside,
//! never deleted, and a new one started (see [`open`]).

mod action_kinds;
mod actions;
mod alerts;
mod checks;
mod counters;
mod deaths;
mod escalations;
mod holds;
mod maintenance;
mod open;
mod outbox;
mod pings;
mod read_only;
mod rows;
mod wal;

pub(crate) use action_kinds::{ActionKind, ActionOutcome};
pub(crate) use actions::{ActionRow, RestartsBy};
pub(crate) use alerts::{AlertRow, AlertTx, Silence};
pub(crate) use checks::{Mark, said};
pub(crate) use counters::CounterRow;
pub(crate) use escalations::FlapRow;
pub(crate) use holds::{HoldKind, HoldRow};
pub(crate) use maintenance::MaintenanceRow;
pub(crate) use open::{Failure, OpenError, with_space_hint};
pub(crate) use outbox::{NewNotification, OutboxRow};
pub(crate) use pings::{PingKind, PingRow};
pub(crate) use read_only::ReadOnly;
pub(crate) use rows::{AnomalyRow, CheckRow, DeathRow, HealRow, MetricRow, NotificationRow, SeenRow};

use anyhow::{Context, Result};
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Schema migrations; entry `i` moves `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE samples (ts REAL NOT NULL, monitor TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL DEFAULT '');
CREATE INDEX samples_monitor_metric_ts ON samples (monitor, metric, ts);
CREATE INDEX samples_ts ON samples (ts);
CREATE TABLE checks (ts REAL NOT NULL, monitor TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, duration_ms REAL NOT NULL);
CREATE INDEX checks_monitor_ts ON checks (monitor, ts);
CREATE INDEX checks_ts ON checks (ts);
CREATE TABLE pings (ts REAL NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, duration_ms REAL, exit_code INTEGER);
CREATE INDEX pings_name_ts ON pings (name, ts);
CREATE TABLE counters (key TEXT PRIMARY KEY, value REAL NOT NULL, ts REAL NOT NULL) WITHOUT ROWID;
"#,
    r#"
CREATE TABLE actions (ts REAL NOT NULL, monitor TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, details TEXT NOT NULL DEFAULT '');
CREATE INDEX actions_ts ON actions (ts);
"#,
    r#"
CREATE TABLE alerts (id INTEGER PRIMARY KEY, monitor TEXT NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL, state TEXT NOT NULL, streak INTEGER NOT NULL, message TEXT NOT NULL, started_at REAL NOT NULL, fired_at REAL, last_sent_at REAL, resolved_at REAL, acked INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX alerts_open ON alerts (monitor) WHERE resolved_at IS NULL;
CREATE INDEX alerts_resolved_at ON alerts (resolved_at);
CREATE TABLE silences (monitor TEXT PRIMARY KEY, until REAL NOT NULL, reason TEXT NOT NULL DEFAULT '', created_at REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE outbox (id INTEGER PRIMARY KEY, channel TEXT NOT NULL, alert_id INTEGER, event TEXT NOT NULL, payload TEXT NOT NULL, created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL, delivered_at REAL, last_error TEXT);
CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;
"#,
    r#"
CREATE TABLE latest (monitor TEXT PRIMARY KEY, ts REAL NOT NULL, result TEXT NOT NULL) WITHOUT ROWID;
"#,
    // Metrics go with their result, in one row (`checks.rs`);
    // `samples` keeps what was written before, until it ages out.
    r#"
ALTER TABLE checks ADD COLUMN metrics TEXT;
"#,
    // Write-ahead actions: a remedy commits its intent (outcome
    // `pending`, what it will touch, the pid of the hm that acts) before
    // it acts, and completes the row after. Rows of older versions are
    // complete, manual or not alike, as they were counted.
    r#"
ALTER TABLE actions ADD COLUMN targets TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN pid INTEGER;
ALTER TABLE actions ADD COLUMN finished_at REAL;
"#,
    // A death certificate for each watched worker seen dying;
    // a restart's death is the last of its monitor before it.
    r#"
CREATE TABLE deaths (ts REAL NOT NULL, monitor TEXT NOT NULL, cause TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX deaths_monitor_ts ON deaths (monitor, ts);
CREATE INDEX deaths_ts ON deaths (ts);
"#,
    // The count of deaths by (monitor, cause), `hm_worker_exits_total`:
    // kept apart from `deaths`, which is pruned, so that pruning never
    // reads as a counter reset. Begins at what is recorded.
    r#"
CREATE TABLE exits (monitor TEXT NOT NULL, cause TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (monitor, cause)) WITHOUT ROWID;
INSERT INTO exits (monitor, cause, count) SELECT monitor, cause, count(*) FROM deaths GROUP BY monitor, cause;
"#,
    // The one thing within its monitor an action was for (a tmux
    // session), so a budget kept per thing counts its rows by a column
    // rather than by how their details begin. The unsticks recorded
    // before have it read from their details (`SESSION: ...`: a tmux
    // session's name holds no `:`).
    r#"
ALTER TABLE actions ADD COLUMN target TEXT;
UPDATE actions SET target = substr(details, 1, instr(details, ': ') - 1) WHERE action = 'unstick' AND instr(details, ': ') > 1;
"#,
    // Workers stopped on purpose and monitors paused (`holds.rs`): kept
    // here so that they outlive the hm that set them. Never pruned.
    r#"
CREATE TABLE holds (monitor TEXT PRIMARY KEY, kind TEXT NOT NULL, by TEXT NOT NULL, since REAL NOT NULL, until REAL) WITHOUT ROWID;
"#,
    // Escalation and flapping (`escalations.rs`): the tiers told of each
    // alert, and each monitor's recent changes of state.
    r#"
CREATE TABLE told (alert_id INTEGER NOT NULL, channel TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (alert_id, channel)) WITHOUT ROWID;
CREATE TABLE flap (monitor TEXT PRIMARY KEY, last TEXT NOT NULL, changes INTEGER NOT NULL, worst TEXT NOT NULL, since REAL) WITHOUT ROWID;
"#,
    // Unplanned maintenance windows (`maintenance.rs`): kept here so that
    // they outlive the hm that started them. `monitors` is the globs, one
    // a line; empty for every monitor.
    r#"
CREATE TABLE maintenance (id INTEGER PRIMARY KEY, monitors TEXT NOT NULL, by TEXT NOT NULL, since REAL NOT NULL, until REAL NOT NULL, heal INTEGER NOT NULL);
"#,
    // What history last kept of each monitor (`checks.rs`, `engine/thin.rs`):
    // `said`, the status and message of its latest result, and `logged`,
    // when a `checks` row was last written for it. A pool instance's
    // unchanged result goes into `latest` only.
    r#"
ALTER TABLE latest ADD COLUMN said TEXT;
ALTER TABLE latest ADD COLUMN logged REAL;
"#,
];

/// How often history past the retention is deleted: every run would
/// read each table's oldest rows (two without an index on their time, read
/// whole), for rows that only age by one interval between runs. Rows
/// outlive the retention by an hour at most.
pub(crate) const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// The counter that says when history was last pruned (unix seconds, as
/// its value and its time; no check's counter starts with `hm.`).
pub(crate) const PRUNED_AT: &str = "hm.pruned_at";

/// The size past which the WAL is checkpointed and cut back when a
/// connection closes: 1 MiB, a few one-shot runs of a hundred
/// process monitors (about 300 KiB each, their metrics in
/// their `checks` rows). Every open reads and checksums the whole WAL, so
/// this bounds what each `hm check` reads (8 MiB is a thousand page reads
/// a run, a few milliseconds).
pub(super) const WAL_LIMIT: u64 = 1 << 20;

/// The WAL size, in pages, past which SQLite checkpoints as it commits
/// (`wal_autocheckpoint`): 8 MiB. It matters to `hm run` and `hm serve`,
/// whose connection stays open, so its WAL is never read again by an
/// open: the pages that tens of cycles share are copied and synced once.
pub(super) const AUTO_CHECKPOINT_PAGES: i64 = 2048;

/// An open database.
pub(crate) struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Opened read-only (`read_only.rs`): never checkpointed on close.
    read_only: bool,
}

/// Connections close without SQLite's checkpoint (`open.rs`: a one-shot run
/// must not pay for one at every exit), so nothing else ever empties the
/// WAL of a database only one-shot runs write: SQLite restarts a WAL only
/// when a write begins after a complete checkpoint, and a run that opens
/// the database rebuilds its index from the whole WAL and counts none of
/// it checkpointed. Left alone the WAL grows by every run, and every `hm
/// check` reads and checksums all of it (13 MB after 30 runs of 100
/// monitors, 128 MB after 45 on one with history: most of a run's CPU).
/// Cut back past [`WAL_LIMIT`], the WAL a run reads stays
/// under that.
impl Drop for Store {
    fn drop(&mut self) {
        if !self.read_only {
            self.truncate_wal();
        }
    }
}

impl Store {
    /// Bring the schema from `from` up to date. Two hm processes may open a
    /// new database at once (`hm serve`'s first cycle and a request): each
    /// step takes the write lock first and reads the version again under it,
    /// so only one of them runs it.
    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let step = i64::try_from(i).unwrap_or(i64::MAX);
            if now > step {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", step + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The file this store lives in.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Cut the WAL back to nothing when it has grown past [`WAL_LIMIT`]
    /// (see [`Drop for Store`](#impl-Drop-for-Store)). Never waits: a
    /// busy database is left for the next run to cut.
    fn truncate_wal(&self) {
        let mut wal = self.path.as_os_str().to_os_string();
        wal.push("-wal");
        if std::fs::metadata(&wal).map_or(true, |m| m.len() <= WAL_LIMIT) {
            return;
        }
        let _ = self.conn.busy_timeout(std::time::Duration::ZERO);
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }

    /// Delete history older than `before` (unix seconds). Counters are kept
    /// apart: they are overwritten in place, and stale ones go after a day;
    /// `exits` (the count of deaths by cause) is never pruned.
    /// One transaction: one write lock, not one per table.
    pub(crate) fn prune(&self, before: f64) -> Result<usize> {
        let shown = self.path.display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot prune {shown}"))?;
        let mut n = 0;
        for (table, column) in [
            ("samples", "ts"),
            ("checks", "ts"),
            ("pings", "ts"),
            ("actions", "ts"),
            ("deaths", "ts"),
            ("alerts", "resolved_at"),
            ("outbox", "delivered_at"),
            ("silences", "until"),
        ] {
            n += tx
                .execute(&format!("DELETE FROM {table} WHERE {column} < ?1"), [before])
                .with_context(|| format!("cannot prune {table} in {shown}"))?;
        }
        // What tiers were told goes with its alert, and is read only while it is open.
        n += tx
            .execute("DELETE FROM told WHERE alert_id NOT IN (SELECT id FROM alerts WHERE resolved_at IS NULL)", [])
            .with_context(|| format!("cannot prune told in {shown}"))?;
        tx.commit().with_context(|| format!("cannot prune {shown}"))?;
        Ok(n)
    }

    /// [`Store::prune`] at `now`, if the last prune was [`PRUNE_EVERY`] ago
    /// or more (or in the future: the clock went back); the rows deleted.
    /// When it last ran is a counter ([`PRUNED_AT`]), so one-shot runs
    /// know it too.
    pub(crate) fn prune_if_due(&self, now: f64, before: f64) -> Result<usize> {
        let last: Option<f64> = self
            .conn
            .prepare_cached("SELECT value FROM counters WHERE key = ?1")?
            .query_row([PRUNED_AT], |r| r.get(0))
            .optional()?;
        if last.is_some_and(|t| t <= now && now - t < PRUNE_EVERY.as_secs_f64()) {
            return Ok(0);
        }
        let n = self.prune(before)?;
        self.set_counter(PRUNED_AT, CounterRow { value: now, ts: now })?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests;
