//! The `deaths` table (schema 7): the death certificate of each
//! watched worker hm saw die, kept as a document (`store/rows/death.rs`)
//! with the columns it is looked up by. Pruned with the rest of the
//! history; their count by cause (`exits`, schema 8) is not.

use super::Store;
use super::rows::DeathRow;
use crate::host::death::Death;
use anyhow::{Context, Result};
use rusqlite::{Connection, params};

/// [`Store::deaths`] on a connection (or a transaction's).
pub(super) fn deaths(conn: &Connection, monitor: Option<&str>, since: f64, limit: usize) -> Result<Vec<Death>> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc FROM deaths WHERE ts >= ?1 AND (?2 IS NULL OR monitor = ?2) ORDER BY ts DESC, rowid DESC LIMIT ?3",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let docs = stmt.query_map(params![since, monitor, limit], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for doc in docs {
        if let Ok(row) = serde_json::from_str::<DeathRow>(&doc?) {
            out.push(Death::from(row));
        }
    }
    Ok(out)
}

impl Store {
    /// Record a death, and count it in `exits` in the same transaction.
    pub(crate) fn record_death(&self, d: &Death) -> Result<()> {
        let doc = serde_json::to_string(&DeathRow::from(d)).context("cannot encode a death")?;
        let shown = self.path().display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot record a death in {shown}"))?;
        tx.prepare_cached("INSERT INTO deaths (ts, monitor, cause, doc) VALUES (?1, ?2, ?3, ?4)")
            .and_then(|mut s| s.execute(params![d.ts, d.monitor, d.cause, doc]))
            .and_then(|_| {
                tx.prepare_cached(
                    "INSERT INTO exits (monitor, cause, count) VALUES (?1, ?2, 1) \
                     ON CONFLICT(monitor, cause) DO UPDATE SET count = count + 1",
                )?
                .execute(params![d.monitor, d.cause])
            })
            .and_then(|_| tx.commit())
            .with_context(|| format!("cannot record a death in {shown}"))?;
        Ok(())
    }

    /// The deaths of `monitor` (every monitor's when `None`) since
    /// `since`, newest first, at most `limit`. Rows that cannot be read
    /// are skipped.
    pub(crate) fn deaths(&self, monitor: Option<&str>, since: f64, limit: usize) -> Result<Vec<Death>> {
        deaths(&self.conn, monitor, since, limit)
    }

    /// How many deaths each (monitor, cause) has had: the Prometheus
    /// counter `hm_worker_exits_total`, from `exits`, which pruning the
    /// history does not touch (a counter that dropped would read as a
    /// reset).
    pub(crate) fn exits_by_cause(&self) -> Result<Vec<(String, String, u64)>> {
        let mut stmt = self.conn.prepare_cached("SELECT monitor, cause, count FROM exits ORDER BY monitor, cause")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?)))?;
        let mut out = Vec::new();
        for r in rows {
            let (m, c, n) = r?;
            out.push((m, c, u64::try_from(n).unwrap_or(0)));
        }
        Ok(out)
    }
}
