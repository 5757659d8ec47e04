//! The `counters` table: raw counters kept between runs (CPU ticks, each
//! process's CPU time) so one-shot runs can compute rates without sleeping.

use super::Store;
use crate::check::Counter;
use anyhow::Result;
use std::collections::HashMap;

impl Store {
    /// Every stored counter (a few hundred rows at most: stale ones are
    /// deleted after a day).
    pub fn counters(&self) -> Result<HashMap<String, Counter>> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value, ts FROM counters")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, Counter { value: r.get(1)?, ts: r.get(2)? })))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }
}
