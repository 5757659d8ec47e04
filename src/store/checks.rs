//! The `checks` table: every check result, and its metrics.
//!
//! A result's metrics are kept in its own `checks` row (`metrics`, a JSON
//! object: name → `[value, unit]`), not a row each in `samples` (schema
//! 5). A row per metric puts each series' newest entry on a page of
//! its own in `samples`' index: a cycle of 100 process monitors wrote 500
//! rows and dirtied about 600 pages, most of what a cycle of `hm run` cost.
//! So a cycle writes one row per monitor, its metrics with it. Reading one
//! series parses the monitor's rows (`json_each`), which only `hm history`,
//! the dashboard and the forecasts do. `samples` still holds what older
//! versions wrote, and is read with the rest until it ages out.

use super::Store;
use super::rows::{CheckRow, MetricRow};
use crate::status::Status;
use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, params};

/// The latest result of one monitor, and since when it has had that status.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LatestCheck {
    pub ts: f64,
    pub kind: String,
    pub status: Status,
    pub message: String,
    /// When the current run of this status began.
    pub since: f64,
}

/// What history last kept of one monitor: `said` of its latest result
/// ([`said`]), and when a `checks` row was last written for it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Mark {
    pub said: Option<String>,
    pub logged: Option<f64>,
}

/// A result's status and message, as [`Mark::said`] keeps them: what a
/// result must differ in to be written to history when it would not be.
pub(crate) fn said(status: Status, message: &str) -> String {
    format!("{}\n{message}", status.as_str())
}

impl Store {
    /// Record a run's results, their metrics and counters in one transaction.
    #[cfg(test)]
    pub(crate) fn record_checks(&mut self, ts: f64, results: &[CheckRow]) -> Result<()> {
        self.record_logging(ts, results, |_| true)
    }

    /// What history last kept of each monitor in `latest`.
    pub(crate) fn marks(&self) -> Result<std::collections::HashMap<String, Mark>> {
        let mut stmt = self.conn.prepare_cached("SELECT monitor, said, logged FROM latest")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, Mark { said: r.get(1)?, logged: r.get(2)? })))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// [`Store::record_checks`], writing a `checks` row only for the
    /// results `log` says (by index); every result goes into `latest`.
    pub(crate) fn record_logging(&mut self, ts: f64, results: &[CheckRow], log: impl Fn(usize) -> bool) -> Result<()> {
        let shown = self.path().display().to_string();
        let tx = self.conn.transaction().with_context(|| format!("cannot write to database {shown}"))?;
        {
            let mut check = tx.prepare_cached(
                "INSERT INTO checks (ts, monitor, kind, status, message, duration_ms, metrics) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut latest = tx.prepare_cached(
                "INSERT INTO latest (monitor, ts, result, said, logged) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(monitor) \
                 DO UPDATE SET ts = excluded.ts, result = excluded.result, said = excluded.said, \
                 logged = coalesce(excluded.logged, latest.logged)",
            )?;
            let mut counter = tx.prepare_cached(
                "INSERT INTO counters (key, value, ts) VALUES (?1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET value = excluded.value, ts = excluded.ts",
            )?;
            for (i, r) in results.iter().enumerate() {
                let logged = log(i);
                if logged {
                    let metrics =
                        if r.metrics.is_empty() { None } else { Some(serde_json::to_string(&Packed(&r.metrics))?) };
                    check.execute(params![
                        ts,
                        r.monitor,
                        r.kind,
                        r.status.as_str(),
                        r.message,
                        r.duration_ms,
                        metrics
                    ])?;
                }
                let said = said(r.status, &r.message);
                latest.execute(params![r.monitor, ts, serde_json::to_string(r)?, said, logged.then_some(ts)])?;
                for (key, value) in &r.counters {
                    counter.execute(params![key, value, ts])?;
                }
            }
        }
        tx.execute("DELETE FROM counters WHERE ts < ?1", [ts - 86_400.0])?;
        tx.commit().with_context(|| format!("cannot write to database {shown}"))?;
        Ok(())
    }

    /// When `monitor` was first checked, within the history kept: since
    /// when a scheduled job that never ran has been expected.
    pub(crate) fn first_check(&self, monitor: &str) -> Result<Option<f64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT min(ts) FROM checks WHERE monitor = ?1")?
            .query_row([monitor], |r| r.get::<_, Option<f64>>(0))?)
    }

    /// Whether `monitor` was checked `ok` at `since` or after: a check
    /// that vouches for a worker has seen the restarted worker answer.
    pub(crate) fn passed_since(&self, monitor: &str, since: f64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM checks WHERE monitor = ?1 AND ts >= ?2 AND status = ?3)")?
            .query_row(params![monitor, since, Status::Ok.as_str()], |r| r.get(0))?)
    }

    /// The latest check of `monitor`, if it was ever checked: the one
    /// written last (`latest` says when), not the one with the largest
    /// time (rows a run wrote with the clock 3 days fast would stay
    /// "latest" for 3 days); by time only where `latest` has no row (a
    /// database from before it). History may not hold a row at that time
    /// (a pool instance's unchanged result is kept in `latest` only): its
    /// newest row before it says the same, and the time is `latest`'s.
    pub(crate) fn latest_check(&self, monitor: &str) -> Result<Option<LatestCheck>> {
        let checked: Option<f64> = self
            .conn
            .prepare_cached("SELECT ts FROM latest WHERE monitor = ?1")?
            .query_row([monitor], |r| r.get(0))
            .optional()?;
        let latest = self
            .conn
            .prepare_cached(
                "SELECT ts, kind, status, message FROM checks WHERE monitor = ?1 AND ts <= ?2 \
                 ORDER BY ts DESC, rowid DESC LIMIT 1",
            )?
            .query_row(params![monitor, checked.unwrap_or(f64::MAX)], |r| {
                Ok((r.get::<_, f64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })
            .optional()?;
        let Some((row_ts, kind, status, message)) = latest else { return Ok(None) };
        let ts = checked.unwrap_or(row_ts);
        // The current state began with the first check after the last one
        // that had a different status; rows dated after the latest (from
        // a clock that was fast) are left out.
        let since: f64 = self
            .conn
            .prepare_cached(
                "SELECT coalesce(min(ts), ?3) FROM checks WHERE monitor = ?1 AND ts <= ?3 AND ts > \
             coalesce((SELECT max(ts) FROM checks WHERE monitor = ?1 AND status != ?2 AND ts <= ?3), -1)",
            )?
            .query_row(params![monitor, status, ts], |r| r.get(0))?;
        Ok(Some(LatestCheck { ts, kind, status: Status::from_db(&status), message, since }))
    }

    /// The latest whole result of every monitor ever checked (with its
    /// metrics and their thresholds), and when it was recorded.
    pub(crate) fn latest_results(&self) -> Result<Vec<(f64, CheckRow)>> {
        Ok(self.latest_results_counted()?.0)
    }

    /// [`Store::latest_results`], and how many rows could not be read
    /// (written by another version, or damaged): those are skipped, not
    /// fatal, and the count lets the caller say so.
    pub(crate) fn latest_results_counted(&self) -> Result<(Vec<(f64, CheckRow)>, usize)> {
        let mut stmt = self.conn.prepare_cached("SELECT ts, result FROM latest")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, f64>(0)?, r.get::<_, String>(1)?)))?;
        let (mut out, mut unreadable) = (Vec::new(), 0);
        for row in rows {
            let (ts, text) = row?;
            match serde_json::from_str::<CheckRow>(&text) {
                Ok(r) => out.push((ts, r)),
                Err(_) => unreadable += 1,
            }
        }
        Ok((out, unreadable))
    }

    /// The names of the metrics recorded for `monitor` since `since`.
    pub(crate) fn metric_names(&self, monitor: &str, since: f64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT j.key FROM checks c, json_each(c.metrics) j WHERE c.monitor = ?1 AND c.ts >= ?2 \
             UNION SELECT metric FROM samples WHERE monitor = ?1 AND ts >= ?2 ORDER BY 1",
        )?;
        let rows = stmt.query_map(params![monitor, since], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// [`Store::samples`], and the metric's unit (its newest in the window:
    /// unbounded, finding it would parse the monitor's whole history).
    pub(crate) fn samples_with_unit(
        &self,
        monitor: &str,
        metric: &str,
        since: f64,
    ) -> Result<(Vec<(f64, f64)>, String)> {
        let unit: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT unit FROM (SELECT c.ts, j.value ->> 1 AS unit FROM checks c, json_each(c.metrics) j \
                 WHERE c.monitor = ?1 AND c.ts >= ?3 AND j.key = ?2 \
                 UNION ALL SELECT ts, unit FROM samples WHERE monitor = ?1 AND metric = ?2 AND ts >= ?3) \
                 ORDER BY ts DESC LIMIT 1",
            )?
            .query_row(params![monitor, metric, since], |r| r.get(0))
            .optional()?;
        Ok((self.samples(monitor, metric, since)?, unit.unwrap_or_default()))
    }

    /// The recorded values of one metric since `since`, oldest first.
    pub(crate) fn samples(&self, monitor: &str, metric: &str, since: f64) -> Result<Vec<(f64, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.ts, j.value ->> 0 AS v FROM checks c, json_each(c.metrics) j \
             WHERE c.monitor = ?1 AND c.ts >= ?3 AND j.key = ?2 AND v IS NOT NULL \
             UNION ALL SELECT ts, value FROM samples WHERE monitor = ?1 AND metric = ?2 AND ts >= ?3 ORDER BY 1",
        )?;
        let rows = stmt.query_map(params![monitor, metric, since], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// A result's metrics as stored in `checks.metrics`: `{"name": [value, unit]}`.
struct Packed<'a>(&'a [MetricRow]);

impl serde::Serialize for Packed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|m| (&m.name, (m.value, &m.unit))))
    }
}
