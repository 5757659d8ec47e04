//! The `outbox` table: every notification, written in the same transaction
//! as the alert change that caused it, then delivered (at least once) by
//! `alert::outbox`. A failed delivery stays here with its error and the
//! time of its next try; nothing is ever dropped undelivered. The
//! notification itself is kept as the store's own row
//! ([`super::rows::NotificationRow`]), not as the public JSON.

use super::Store;
use super::rows::NotificationRow;
use anyhow::{Context, Result};
use rusqlite::params;
use serde::Serialize;

/// A notification to queue.
#[derive(Debug)]
pub(crate) struct NewNotification<'a> {
    pub channel: &'a str,
    pub alert_id: Option<i64>,
    /// The event kind (`firing`, `resolved`, ...).
    pub event: &'a str,
    /// The notification (never a secret: channels add those when sending).
    pub notification: &'a NotificationRow,
    pub now: f64,
}

/// One queued notification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct OutboxRow {
    pub id: i64,
    pub channel: String,
    pub alert_id: Option<i64>,
    pub event: String,
    /// The notification, or why its stored row cannot be read.
    #[serde(skip)]
    pub notification: Result<NotificationRow, String>,
    /// When it was queued (unix seconds).
    pub created_at: f64,
    /// Delivery attempts so far.
    pub attempts: u32,
    /// Not tried again before this (unix seconds).
    pub next_try: f64,
    pub delivered_at: Option<f64>,
    /// Why the last attempt failed (secrets redacted).
    pub last_error: Option<String>,
}

const COLUMNS: &str = "id, channel, alert_id, event, payload, created_at, attempts, next_try, delivered_at, last_error";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: r.get(0)?,
        channel: r.get(1)?,
        alert_id: r.get(2)?,
        event: r.get(3)?,
        notification: read(&r.get::<_, String>(4)?),
        created_at: r.get(5)?,
        attempts: r.get(6)?,
        next_try: r.get(7)?,
        delivered_at: r.get(8)?,
        last_error: r.get(9)?,
    })
}

/// The stored form of a notification.
pub(super) fn payload(n: &NotificationRow) -> serde_json::Result<String> {
    serde_json::to_string(n)
}

/// A stored notification, or why it cannot be read.
fn read(payload: &str) -> Result<NotificationRow, String> {
    serde_json::from_str::<NotificationRow>(payload).map_err(|e| e.to_string())
}

impl Store {
    /// Every undelivered notification, oldest first.
    pub(crate) fn undelivered(&self) -> Result<Vec<OutboxRow>> {
        let sql = format!("SELECT {COLUMNS} FROM outbox WHERE delivered_at IS NULL ORDER BY id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Whether anything waits to be delivered (cheap: a partial index).
    pub(crate) fn has_undelivered(&self) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM outbox WHERE delivered_at IS NULL)")?;
        Ok(stmt.query_row([], |r| r.get(0))?)
    }

    /// How many notifications wait to be delivered.
    pub(crate) fn count_undelivered(&self) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")?;
        Ok(stmt.query_row([], |r| r.get::<_, i64>(0))? as usize)
    }

    /// The latest `limit` notifications, delivered or not, newest first.
    pub(crate) fn outbox_recent(&self, limit: usize) -> Result<Vec<OutboxRow>> {
        let sql = format!("SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?1");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Record a delivery. A delivered `refresh` (Alertmanager's re-post of
    /// a firing alert, one per run) is deleted instead: it says nothing the
    /// alert's other notifications do not, and would fill the table.
    pub(crate) fn delivered(&self, id: i64, now: f64) -> Result<()> {
        let shown = self.path().display();
        self.conn
            .prepare_cached("DELETE FROM outbox WHERE id = ?1 AND event = 'refresh'")?
            .execute([id])
            .with_context(|| format!("cannot write to database {shown}"))?;
        self.conn
            .prepare_cached(
                "UPDATE outbox SET delivered_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
            )?
            .execute(params![id, now])
            .with_context(|| format!("cannot write to database {shown}"))?;
        Ok(())
    }

    /// Record a failed attempt and when to try again.
    pub(crate) fn delivery_failed(&self, id: i64, next_try: f64, error: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE outbox SET attempts = attempts + 1, next_try = ?2, last_error = ?3 WHERE id = ?1")?
            .execute(params![id, next_try, error])
            .with_context(|| format!("cannot write to database {}", self.path().display()))?;
        Ok(())
    }
}
