//! The `holds` table: workers stopped on purpose (`hm stop-worker`) and
//! monitors paused (`hm monitor pause`). A hold is desired state a person
//! set at run time, so it is kept in the database, where every hm (a
//! one-shot `hm heal`, the `hm run` loop, one started after a reboot)
//! reads the same one, rather than in hm.toml, which hm never writes on
//! its own. One hold per monitor: a stop replaces a pause.

use super::Store;
use anyhow::{Context, Result};
use rusqlite::{OptionalExtension, params};

/// What a hold does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HoldKind {
    /// The worker was stopped and is kept down: not checked, not restarted.
    Stopped,
    /// Not checked, not healed; the worker is left as it is.
    Paused,
}

impl HoldKind {
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            HoldKind::Stopped => "stopped",
            HoldKind::Paused => "paused",
        }
    }

    fn from_db(s: &str) -> HoldKind {
        if s == "paused" { HoldKind::Paused } else { HoldKind::Stopped }
    }
}

/// One hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HoldRow {
    pub monitor: String,
    pub kind: HoldKind,
    /// Who set it: a user, or the HTTP client.
    pub by: String,
    /// When it was set (unix seconds).
    pub since: f64,
    /// When it ends by itself (a pause's `--for`); `None`: until lifted.
    pub until: Option<f64>,
}

fn hold_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HoldRow> {
    Ok(HoldRow {
        monitor: r.get(0)?,
        kind: HoldKind::from_db(&r.get::<_, String>(1)?),
        by: r.get(2)?,
        since: r.get(3)?,
        until: r.get(4)?,
    })
}

const COLUMNS: &str = "monitor, kind, by, since, until";

impl Store {
    /// Set `row`'s hold, replacing any other of its monitor.
    pub(crate) fn set_hold(&self, row: &HoldRow) -> Result<()> {
        self.conn
            .prepare_cached(&format!("INSERT OR REPLACE INTO holds ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"))
            .and_then(|mut s| s.execute(params![row.monitor, row.kind.as_str(), row.by, row.since, row.until]))
            .with_context(|| format!("cannot record the hold in {}", self.path().display()))?;
        Ok(())
    }

    /// Lift `monitor`'s hold; the hold lifted, if there was one.
    pub(crate) fn lift_hold(&self, monitor: &str) -> Result<Option<HoldRow>> {
        let shown = self.path().display();
        let tx = self.conn.unchecked_transaction().with_context(|| format!("cannot lift the hold in {shown}"))?;
        let row =
            tx.query_row(&format!("SELECT {COLUMNS} FROM holds WHERE monitor = ?1"), [monitor], hold_row).optional()?;
        tx.execute("DELETE FROM holds WHERE monitor = ?1", [monitor])?;
        tx.commit().with_context(|| format!("cannot lift the hold in {shown}"))?;
        Ok(row)
    }

    /// The holds in force at `now` (a pause past its `until` has ended).
    pub(crate) fn holds(&self, now: f64) -> Result<Vec<HoldRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM holds WHERE until IS NULL OR until > ?1 ORDER BY monitor"
        ))?;
        let rows = stmt.query_map([now], hold_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// `monitor`'s hold in force at `now`, if any.
    pub(crate) fn hold(&self, monitor: &str, now: f64) -> Result<Option<HoldRow>> {
        Ok(self.holds(now)?.into_iter().find(|h| h.monitor == monitor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(monitor: &str, kind: HoldKind, until: Option<f64>) -> HoldRow {
        HoldRow { monitor: monitor.into(), kind, by: "root".into(), since: 100.0, until }
    }

    #[test]
    fn a_hold_is_kept_until_lifted_and_a_pause_ends_by_itself() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("hm.db")).expect("open");
        store.set_hold(&row("api", HoldKind::Stopped, None)).expect("set");
        store.set_hold(&row("web", HoldKind::Paused, Some(200.0))).expect("set");
        assert_eq!(store.holds(150.0).expect("holds").len(), 2);
        assert_eq!(store.holds(200.0).expect("holds"), vec![row("api", HoldKind::Stopped, None)]);
        // A stop replaces a pause.
        store.set_hold(&row("web", HoldKind::Stopped, None)).expect("set");
        assert_eq!(store.hold("web", 1e9).expect("hold").map(|h| h.kind), Some(HoldKind::Stopped));
        assert_eq!(store.lift_hold("api").expect("lift"), Some(row("api", HoldKind::Stopped, None)));
        assert_eq!(store.lift_hold("api").expect("lift"), None);
        assert_eq!(store.hold("api", 150.0).expect("hold"), None);
    }
}
