//! The `pings` table: `hm ping NAME` records, read by heartbeat monitors.

use super::Store;
use crate::check::LastPing;
use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Record a ping.
    pub(crate) fn record_ping(&self, ts: f64, name: &str, ok: bool, duration_ms: Option<f64>) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO pings (ts, name, kind, duration_ms, exit_code) VALUES (?1, ?2, ?3, ?4, NULL)",
                params![ts, name, if ok { "ok" } else { "fail" }, duration_ms],
            )
            .with_context(|| format!("cannot record the ping in {}", self.path().display()))?;
        Ok(())
    }

    /// Every ping of `name` since `since`, oldest first.
    pub(crate) fn task_pings(&self, name: &str, since: f64) -> Result<Vec<crate::config::TaskPing>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT ts, kind, duration_ms FROM pings WHERE name = ?1 AND ts >= ?2 ORDER BY ts")?;
        let rows = stmt.query_map(params![name, since], |r| {
            Ok(crate::config::TaskPing { ts: r.get(0)?, ok: r.get::<_, String>(1)? == "ok", duration_ms: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The latest ping of `name`.
    pub(crate) fn last_ping(&self, name: &str) -> Result<Option<LastPing>> {
        Ok(self
            .conn
            .prepare_cached("SELECT ts, kind FROM pings WHERE name = ?1 ORDER BY ts DESC LIMIT 1")?
            .query_row([name], |r| Ok(LastPing { ts: r.get(0)?, ok: r.get::<_, String>(1)? == "ok" }))
            .optional()?)
    }
}
