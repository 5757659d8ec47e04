//! The `maintenance` table: unplanned maintenance windows
//! (`hm alerts maintenance start --for 30m`). Like a hold, a window a
//! person opened at run time is kept in the database, so a restarted
//! `hm run` and a one-shot `hm check` see the same one; the planned
//! windows are in hm.toml (`[[maintenance]]`). A window that has ended is
//! deleted when the next one starts: the table stays a few rows long.

use super::{AlertTx, Store};
use anyhow::{Context, Result};
use rusqlite::{Connection, params};

/// One unplanned window.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MaintenanceRow {
    pub id: i64,
    /// The monitors it covers, as globs; empty for every monitor.
    pub monitors: Vec<String>,
    /// Who started it.
    pub by: String,
    pub since: f64,
    /// When it ends by itself (unix seconds).
    pub until: f64,
    /// Heal inside it (`--heal`); else heals are held.
    pub heal: bool,
}

fn windows(conn: &Connection, now: f64) -> rusqlite::Result<Vec<MaintenanceRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, monitors, by, since, until, heal FROM maintenance WHERE since <= ?1 AND until > ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([now], |r| {
        let monitors: String = r.get(1)?;
        Ok(MaintenanceRow {
            id: r.get(0)?,
            monitors: monitors.lines().map(String::from).collect(),
            by: r.get(2)?,
            since: r.get(3)?,
            until: r.get(4)?,
            heal: r.get(5)?,
        })
    })?;
    rows.collect()
}

impl Store {
    /// Start a window; its id. Windows already ended are forgotten.
    pub(crate) fn start_maintenance(&self, w: &MaintenanceRow) -> Result<i64> {
        let since = w.since;
        let shown = self.path().display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot start maintenance in {shown}"))?;
        tx.execute("DELETE FROM maintenance WHERE until <= ?1", [since])?;
        tx.execute(
            "INSERT INTO maintenance (monitors, by, since, until, heal) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![w.monitors.join("\n"), w.by, since, w.until, w.heal],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit().with_context(|| format!("cannot start maintenance in {shown}"))?;
        Ok(id)
    }

    /// End the windows `ended` picks among those open at `now`; those ended.
    pub(crate) fn stop_maintenance(
        &self,
        now: f64,
        ended: impl Fn(&MaintenanceRow) -> bool,
    ) -> Result<Vec<MaintenanceRow>> {
        let shown = self.path().display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot stop maintenance in {shown}"))?;
        let mut out = Vec::new();
        for w in windows(&tx, now)?.into_iter().filter(|w| ended(w)) {
            tx.execute("UPDATE maintenance SET until = ?2 WHERE id = ?1", params![w.id, now])?;
            out.push(w);
        }
        tx.commit().with_context(|| format!("cannot stop maintenance in {shown}"))?;
        Ok(out)
    }

    /// The unplanned windows open at `now`.
    pub(crate) fn maintenance(&self, now: f64) -> Result<Vec<MaintenanceRow>> {
        windows(&self.conn, now).with_context(|| format!("cannot read database {}", self.path().display()))
    }
}

impl AlertTx<'_> {
    /// The unplanned windows open at `now`.
    pub(crate) fn maintenance(&self, now: f64) -> Result<Vec<MaintenanceRow>> {
        Ok(windows(&self.tx, now)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue30_a_window_is_open_from_its_start_until_it_ends_or_is_stopped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("hm.db")).expect("open");
        let w = |monitors: Vec<String>, until| MaintenanceRow {
            id: 0,
            monitors,
            by: "root".into(),
            since: 100.0,
            until,
            heal: false,
        };
        store.start_maintenance(&w(vec!["api*".into()], 200.0)).expect("start");
        store.start_maintenance(&w(Vec::new(), 300.0)).expect("start");
        assert_eq!(store.maintenance(150.0).expect("read").len(), 2);
        assert_eq!(store.maintenance(250.0).expect("read")[0].monitors, Vec::<String>::new());
        let ended = store.stop_maintenance(160.0, |w| w.monitors.is_empty()).expect("stop");
        assert_eq!(ended.len(), 1);
        let open = store.maintenance(170.0).expect("read");
        assert_eq!(open.iter().map(|w| w.monitors.clone()).collect::<Vec<_>>(), [vec!["api*".to_string()]]);
    }
}
