//! What escalation and flap detection keep: `told` (which escalation
//! tiers were told of an alert, so that only they get its resolve, each
//! once) and `flapping` (the monitors flapping now, since when, and at
//! what severity). Both outlive the hm that wrote them, so a restarted
//! `hm run` neither escalates twice nor forgets a flap. The states flap
//! detection weighs come from `checks`, which keeps them anyway.

use super::Store;
use super::alerts::AlertTx;
use crate::status::Status;
use anyhow::{Context, Result};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// How many checks flap detection weighs (Nagios's 21).
pub(crate) const FLAP_WINDOW: usize = 21;

/// One row of `flapping`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FlapRow {
    /// When it began flapping (unix seconds).
    pub since: f64,
    /// The severity its notifications carry.
    pub severity: Status,
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

fn flapping(conn: &Connection) -> Result<HashMap<String, FlapRow>> {
    let mut stmt = conn.prepare_cached("SELECT monitor, since, severity FROM flapping")?;
    let rows = stmt.query_map([], |r| {
        let severity = Status::from_db(&r.get::<_, String>(2)?);
        Ok((r.get::<_, String>(0)?, FlapRow { since: r.get(1)?, severity }))
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

    /// The monitors flapping now.
    pub(crate) fn flapping(&self) -> Result<HashMap<String, FlapRow>> {
        flapping(&self.tx)
    }

    /// `monitor` began flapping (`Some`) or settled (`None`).
    pub(crate) fn set_flapping(&self, monitor: &str, row: Option<&FlapRow>) -> Result<()> {
        match row {
            Some(f) => self
                .tx
                .prepare_cached("INSERT OR REPLACE INTO flapping (monitor, since, severity) VALUES (?1, ?2, ?3)")?
                .execute(params![monitor, f.since, f.severity.as_str()])?,
            None => self.tx.prepare_cached("DELETE FROM flapping WHERE monitor = ?1")?.execute([monitor])?,
        };
        Ok(())
    }

    /// The statuses of each of `monitors`' last [`FLAP_WINDOW`] checks,
    /// oldest first: one statement, [`FLAP_WINDOW`] index rows a monitor.
    pub(crate) fn recent_statuses(&self, monitors: &[&str]) -> Result<HashMap<String, Vec<Status>>> {
        let names = serde_json::to_string(monitors)?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT m.value, c.status FROM json_each(?1) m JOIN checks c ON c.rowid IN \
             (SELECT rowid FROM checks WHERE monitor = m.value ORDER BY ts DESC LIMIT ?2) ORDER BY m.value, c.ts",
        )?;
        let window = i64::try_from(FLAP_WINDOW).unwrap_or(21);
        let mut out: HashMap<String, Vec<Status>> = HashMap::new();
        for row in stmt.query_map(params![names, window], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (monitor, status) = row?;
            out.entry(monitor).or_default().push(Status::from_db(&status));
        }
        Ok(out)
    }
}

impl Store {
    /// The monitors flapping now, for `hm status` and `/metrics`.
    pub(crate) fn flapping(&self) -> Result<HashMap<String, FlapRow>> {
        flapping(&self.conn).with_context(|| format!("cannot read database {}", self.path().display()))
    }
}
