//! What escalation and flap detection keep: `told` (which escalation
//! tiers were told of an alert, so that only they get its resolve, each
//! once) and `flapping` (the monitors flapping now, since when, and at
//! `flap` (what flap detection keeps of each monitor's last 21 checks:
//! its latest status and which transitions changed, as bits, so a monitor
//! whose state holds is never written again). Both outlive the hm that
//! wrote them, so a restarted `hm run` neither escalates twice nor forgets
//! a flap. Reading `checks` instead cost 2–5 ms a run for 100 monitors
//! (2,100 table rows behind the index), a quarter of a cycle.

use super::Store;
use super::alerts::AlertTx;
use crate::status::Status;
use anyhow::{Context, Result};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// One row of `flap`: what flap detection keeps of a monitor's checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FlapRow {
    /// The status of its latest check.
    pub last: Status,
    /// Which of its last 20 transitions (21 checks) changed status: bit 0
    /// the newest, bit 19 the oldest.
    pub changes: u32,
    /// The worst status among those checks (`ok` once they are all ok).
    pub worst: Status,
    /// Flapping since (unix seconds); `None` when not flapping.
    pub since: Option<f64>,
}

/// The tiers told of each open alert.
fn told(conn: &Connection) -> Result<HashMap<i64, Vec<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT alert_id, channel FROM told WHERE alert_id IN (SELECT id FROM alerts WHERE resolved_at IS NULL)",
    )?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, channel) = row?;
        out.entry(id).or_default().push(channel);
    }
    Ok(out)
}

fn flap_rows(conn: &Connection, only_flapping: bool) -> Result<HashMap<String, FlapRow>> {
    let sql = if only_flapping {
        "SELECT monitor, last, changes, worst, since FROM flap WHERE since IS NOT NULL"
    } else {
        "SELECT monitor, last, changes, worst, since FROM flap"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| {
        let row = FlapRow {
            last: Status::from_db(&r.get::<_, String>(1)?),
            changes: r.get(2)?,
            worst: Status::from_db(&r.get::<_, String>(3)?),
            since: r.get(4)?,
        };
        Ok((r.get::<_, String>(0)?, row))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl AlertTx<'_> {
    /// The escalation tiers told of each open alert.
    pub(crate) fn told(&self) -> Result<HashMap<i64, Vec<String>>> {
        told(&self.tx)
    }

    /// Note that `channel` was told of alert `id`.
    pub(crate) fn tell(&self, id: i64, channel: &str, now: f64) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO told (alert_id, channel, at) VALUES (?1, ?2, ?3)")?
            .execute(params![id, channel, now])?;
        Ok(())
    }

    /// What flap detection keeps of every monitor (one statement).
    pub(crate) fn flap_rows(&self) -> Result<HashMap<String, FlapRow>> {
        flap_rows(&self.tx, false)
    }

    /// The monitors flapping now.
    pub(crate) fn flapping(&self) -> Result<HashMap<String, FlapRow>> {
        flap_rows(&self.tx, true)
    }

    /// Forget what flap detection kept of `monitor`.
    pub(crate) fn forget_flap(&self, monitor: &str) -> Result<()> {
        self.tx.prepare_cached("DELETE FROM flap WHERE monitor = ?1")?.execute([monitor])?;
        Ok(())
    }

    /// Forget which tiers were told of alert `id`, once it is resolved:
    /// only an open alert's are read.
    pub(crate) fn forget_told(&self, id: i64) -> Result<()> {
        self.tx.prepare_cached("DELETE FROM told WHERE alert_id = ?1")?.execute([id])?;
        Ok(())
    }

    /// Keep `row` for `monitor`.
    pub(crate) fn save_flap(&self, monitor: &str, row: &FlapRow) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO flap (monitor, last, changes, worst, since) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![monitor, row.last.as_str(), row.changes, row.worst.as_str(), row.since])?;
        Ok(())
    }
}

impl Store {
    /// The monitors flapping now, for `hm status` and `/metrics`.
    pub(crate) fn flapping(&self) -> Result<HashMap<String, FlapRow>> {
        flap_rows(&self.conn, true).with_context(|| format!("cannot read database {}", self.path().display()))
    }
}
