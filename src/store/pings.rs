//! The `pings` table: `hm ping NAME` (and `POST /ping/NAME` of `hm serve`)
//! records, read by heartbeat and tasks monitors.
//!
//! A row's `kind` is `ok`, `fail` or `start`. A start only marks when a
//! run began: it is neither a heartbeat nor a task, so the readers skip
//! it, and the ok or fail that ends the run gets the time since as its
//! duration.

use super::Store;
use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, params};
use std::time::Duration;

/// What a ping says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PingKind {
    /// The job ran and worked.
    Ok,
    /// The job ran and failed.
    Fail,
    /// The job began: its end's ping gets the time since as its duration.
    Start,
}

/// One ok or failed ping, as read back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PingRow {
    pub ts: f64,
    /// `ok` rather than `fail`.
    pub ok: bool,
    /// The run's duration, when it was told or timed from its start.
    pub duration_ms: Option<f64>,
}

impl PingKind {
    /// The word stored in `pings.kind`.
    pub(crate) fn word(self) -> &'static str {
        match self {
            PingKind::Ok => "ok",
            PingKind::Fail => "fail",
            PingKind::Start => "start",
        }
    }
}

impl Store {
    /// Record a ping.
    pub(crate) fn record_ping(&self, ts: f64, name: &str, kind: PingKind, duration_ms: Option<f64>) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO pings (ts, name, kind, duration_ms, exit_code) VALUES (?1, ?2, ?3, ?4, NULL)",
                params![ts, name, kind.word(), duration_ms],
            )
            .with_context(|| format!("cannot record the ping in {}", self.path().display()))?;
        Ok(())
    }

    /// When the run of `name` now going began: the time of its latest
    /// ping when that is a start (no ok or fail has ended it yet).
    pub(crate) fn open_start(&self, name: &str) -> Result<Option<f64>> {
        let latest = self
            .conn
            .prepare_cached("SELECT ts, kind FROM pings WHERE name = ?1 ORDER BY ts DESC LIMIT 1")?
            .query_row([name], |r| Ok((r.get::<_, f64>(0)?, r.get::<_, String>(1)?)))
            .optional()?;
        Ok(latest.filter(|(_, kind)| kind == PingKind::Start.word()).map(|(ts, _)| ts))
    }

    /// Wait at most `wait` for another writer, instead of the usual 5 s:
    /// `hm serve` answers 503 rather than hold an HTTP worker.
    pub(crate) fn wait_at_most(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait).context("cannot set the database's busy timeout")
    }

    /// Every ok or failed ping of `name` since `since`, oldest first.
    pub(crate) fn task_pings(&self, name: &str, since: f64) -> Result<Vec<PingRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ts, kind, duration_ms FROM pings WHERE name = ?1 AND ts >= ?2 AND kind <> 'start' ORDER BY ts",
        )?;
        let rows = stmt.query_map(params![name, since], |r| {
            Ok(PingRow { ts: r.get(0)?, ok: r.get::<_, String>(1)? == "ok", duration_ms: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The latest ok or failed ping of `name`.
    pub(crate) fn last_ping(&self, name: &str) -> Result<Option<PingRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT ts, kind, duration_ms FROM pings WHERE name = ?1 AND kind <> 'start' ORDER BY ts DESC LIMIT 1",
            )?
            .query_row([name], |r| {
                Ok(PingRow { ts: r.get(0)?, ok: r.get::<_, String>(1)? == "ok", duration_ms: r.get(2)? })
            })
            .optional()?)
    }
}
