//! The `alerts` and `silences` tables, and [`AlertTx`]: one transaction in
//! which a run's alert changes and the notifications they cause are
//! written together, so a notification is never lost nor sent for a
//! change that was not stored.

use super::Store;
use super::outbox::NewNotification;
use crate::host::death::Death;
use crate::status::Status;
use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};
use std::collections::HashMap;

const COLUMNS: &str =
    "id, monitor, kind, severity, state, streak, message, started_at, fired_at, last_sent_at, resolved_at, acked";
const INSERT: &str = "INSERT INTO alerts (monitor, kind, severity, state, streak, message, started_at, fired_at, last_sent_at, resolved_at, acked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// One row of `alerts`. The alert state machine (`alert/state.rs`)
/// converts its `Alert` to and from it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AlertRow {
    /// Row id; 0 until stored.
    pub id: i64,
    pub monitor: String,
    pub kind: String,
    pub severity: Status,
    /// `pending`, `firing` or `resolved`.
    pub state: String,
    pub streak: u32,
    pub message: String,
    pub started_at: f64,
    pub fired_at: Option<f64>,
    pub last_sent_at: Option<f64>,
    pub resolved_at: Option<f64>,
    pub acked: bool,
}

fn alert(r: &Row<'_>) -> rusqlite::Result<AlertRow> {
    Ok(AlertRow {
        id: r.get(0)?,
        monitor: r.get(1)?,
        kind: r.get(2)?,
        severity: Status::from_db(&r.get::<_, String>(3)?),
        state: r.get(4)?,
        streak: r.get(5)?,
        message: r.get(6)?,
        started_at: r.get(7)?,
        fired_at: r.get(8)?,
        last_sent_at: r.get(9)?,
        resolved_at: r.get(10)?,
        acked: r.get(11)?,
    })
}

/// A silence on one monitor.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Silence {
    pub monitor: String,
    /// Until when (unix seconds).
    pub until: f64,
    pub reason: String,
}

/// The open transaction of a run's alert changes.
pub(crate) struct AlertTx<'a> {
    pub(super) tx: Transaction<'a>,
    shown: String,
}

impl AlertTx<'_> {
    /// The last death of `monitor`'s worker since `since`, for the
    /// `death` of a notification.
    pub(crate) fn last_death(&self, monitor: &str, since: f64) -> Option<Death> {
        super::deaths::deaths(&self.tx, Some(monitor), since, 1).ok()?.pop()
    }
}

impl Store {
    /// Begin the alert transaction; `IMMEDIATE`, so two runs that overlap
    /// take turns instead of both acting on the same open alert.
    pub(crate) fn alert_tx(&mut self) -> Result<AlertTx<'_>> {
        let shown = self.path().display().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .with_context(|| format!("cannot write to database {shown}"))?;
        Ok(AlertTx { tx, shown })
    }

    /// Alerts, newest first: the open ones, or all when `all`.
    pub(crate) fn alerts(&self, all: bool, limit: usize) -> Result<Vec<AlertRow>> {
        let filter = if all { "" } else { "WHERE resolved_at IS NULL" };
        let sql = format!("SELECT {COLUMNS} FROM alerts {filter} ORDER BY id DESC LIMIT ?1");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], alert)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One alert by id.
    pub(crate) fn alert(&self, id: i64) -> Result<Option<AlertRow>> {
        let sql = format!("SELECT {COLUMNS} FROM alerts WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], alert).optional()?)
    }

    /// Acknowledge an alert; false when there is no such alert.
    pub(crate) fn ack(&self, id: i64) -> Result<bool> {
        let n = self
            .conn
            .execute("UPDATE alerts SET acked = 1 WHERE id = ?1", [id])
            .with_context(|| format!("cannot write to database {}", self.path().display()))?;
        Ok(n > 0)
    }

    /// Silence a monitor until `until` (replacing any silence it had).
    pub(crate) fn silence(&self, s: &Silence, now: f64) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO silences (monitor, until, reason, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(monitor) DO UPDATE SET until = excluded.until, reason = excluded.reason, created_at = excluded.created_at",
                params![s.monitor, s.until, s.reason, now],
            )
            .with_context(|| format!("cannot write to database {}", self.path().display()))?;
        Ok(())
    }

    /// Lift a monitor's silence; false when it had none.
    pub(crate) fn unsilence(&self, monitor: &str) -> Result<bool> {
        let n = self
            .conn
            .execute("DELETE FROM silences WHERE monitor = ?1", [monitor])
            .with_context(|| format!("cannot write to database {}", self.path().display()))?;
        Ok(n > 0)
    }

    /// Silences still in force at `now`.
    pub(crate) fn silences(&self, now: f64) -> Result<Vec<Silence>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT monitor, until, reason FROM silences WHERE until > ?1 ORDER BY monitor")?;
        let rows =
            stmt.query_map([now], |r| Ok(Silence { monitor: r.get(0)?, until: r.get(1)?, reason: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl AlertTx<'_> {
    /// The open (pending or firing) alerts, by monitor.
    pub(crate) fn open_alerts(&self) -> Result<HashMap<String, AlertRow>> {
        let sql = format!("SELECT {COLUMNS} FROM alerts WHERE resolved_at IS NULL");
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let rows = stmt.query_map([], alert)?;
        let mut open = HashMap::new();
        for a in rows {
            let a = a?;
            open.insert(a.monitor.clone(), a);
        }
        Ok(open)
    }

    /// Monitors silenced at `now`.
    pub(crate) fn silenced(&self, now: f64) -> Result<Vec<String>> {
        let mut stmt = self.tx.prepare_cached("SELECT monitor FROM silences WHERE until > ?1")?;
        let rows = stmt.query_map([now], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Insert (id 0) or update an alert; returns its id.
    pub(crate) fn save(&self, a: &AlertRow) -> Result<i64> {
        let values = params![
            a.monitor,
            a.kind,
            a.severity.as_str(),
            a.state,
            a.streak,
            a.message,
            a.started_at,
            a.fired_at,
            a.last_sent_at,
            a.resolved_at,
            a.acked
        ];
        if a.id == 0 {
            self.tx.prepare_cached(INSERT)?.execute(values)?;
            return Ok(self.tx.last_insert_rowid());
        }
        let mut stmt = self.tx.prepare_cached(
            "UPDATE alerts SET monitor = ?1, kind = ?2, severity = ?3, state = ?4, streak = ?5, message = ?6,
             started_at = ?7, fired_at = ?8, last_sent_at = ?9, resolved_at = ?10, acked = ?11 WHERE id = ?12",
        )?;
        let mut v: Vec<&dyn rusqlite::ToSql> = values.to_vec();
        v.push(&a.id);
        stmt.execute(v.as_slice())?;
        Ok(a.id)
    }

    /// Forget a pending alert that never fired.
    pub(crate) fn drop_pending(&self, id: i64) -> Result<()> {
        self.tx.execute("DELETE FROM alerts WHERE id = ?1 AND state = 'pending'", [id])?;
        Ok(())
    }

    /// Queue a notification. A refresh is skipped when the channel still
    /// has one of this alert's notifications waiting: that one will do.
    pub(crate) fn enqueue(&self, n: &NewNotification<'_>) -> Result<bool> {
        let sql = if n.event == "refresh" {
            "INSERT INTO outbox (channel, alert_id, event, payload, created_at, next_try)
             SELECT ?1, ?2, ?3, ?4, ?5, ?5 WHERE NOT EXISTS
             (SELECT 1 FROM outbox WHERE channel = ?1 AND alert_id = ?2 AND delivered_at IS NULL)"
        } else {
            "INSERT INTO outbox (channel, alert_id, event, payload, created_at, next_try) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
        };
        let payload = super::outbox::payload(n.notification)?;
        let n = self.tx.prepare_cached(sql)?.execute(params![n.channel, n.alert_id, n.event, payload, n.now])?;
        Ok(n > 0)
    }

    pub(crate) fn commit(self) -> Result<()> {
        self.tx.commit().with_context(|| format!("cannot write to database {}", self.shown))
    }
}
