//! The `counters` table: raw counters kept between runs (CPU ticks, each
//! process's CPU time) so one-shot runs can compute rates without sleeping;
//! and what a remedy leaves for the next check to know (a tmux session's
//! output that was only the echo of hm's own keys).

use super::Store;
use anyhow::{Context, Result};
use rusqlite::params;
use std::collections::HashMap;

/// One stored counter: its value and when it was taken (unix seconds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CounterRow {
    pub value: f64,
    pub ts: f64,
}

impl Store {
    /// Every stored counter (a few hundred rows at most: stale ones are
    /// deleted after a day).
    pub(crate) fn counters(&self) -> Result<HashMap<String, CounterRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value, ts FROM counters")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, CounterRow { value: r.get(1)?, ts: r.get(2)? })))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// Set one counter now, outside a check run.
    pub(crate) fn set_counter(&self, key: &str, c: CounterRow) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO counters (key, value, ts) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value, ts = excluded.ts",
                params![key, c.value, c.ts],
            )
            .with_context(|| format!("cannot record a counter in {}", self.path().display()))?;
        Ok(())
    }
}
