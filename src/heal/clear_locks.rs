//! Clearing a stuck SQLite database without losing a committed row.
//!
//! What keeps a database "locked" after a crash is a process still holding
//! it, a hot `-journal` (an interrupted rollback-journal transaction) or a
//! large `-wal`. The WAL holds *committed* data not yet copied into the
//! main file, so it is never deleted: SQLite itself copies it back
//! (`PRAGMA wal_checkpoint(TRUNCATE)`), and opening the database rolls a hot
//! journal back. All of that happens only when no process has the file
//! open; holders are found by reading every `/proc/PID/fd` and are
//! reported and left alone — unless every one of them matches the
//! monitor's `killable` patterns, in which case they are stopped first
//! (SIGTERM, then SIGKILL, each after re-checking the pid's identity).

use super::restart::terminate;
use crate::check::patterns::short_error;
use crate::host::Host;
use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A process holding the database (or its -wal, -shm, -journal) open.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Holder {
    pub pid: u32,
    /// Its command line (or name, for processes without one).
    pub command: String,
}

/// What was found and done for one database.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleared {
    pub holders: Vec<Holder>,
    pub wal_bytes_before: u64,
    pub wal_bytes_after: u64,
    pub hot_journal: bool,
    /// Held by a process that may not be stopped: nothing was done.
    pub left_alone: bool,
    /// What was done (or would be), in order.
    pub steps: Vec<String>,
}

/// `app.db` + `-wal` → `app.db-wal`.
pub fn companion(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The database and the files SQLite keeps beside it.
fn companions(db: &Path) -> Vec<PathBuf> {
    let mut out = vec![db.to_path_buf()];
    out.extend(["-wal", "-shm", "-journal"].map(|s| companion(db, s)));
    out
}

/// Every process (but this one) with the database or a companion open.
pub fn holders(db: &Path) -> Result<Vec<Holder>> {
    let wanted = companions(db);
    let own = std::process::id();
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").context("cannot list /proc")?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid == own {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else { continue };
        let holds = fds.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| wanted.contains(&target)));
        if holds {
            let raw = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            let command = String::from_utf8_lossy(raw.strip_suffix(&[0]).unwrap_or(&raw)).replace('\0', " ");
            out.push(Holder { pid, command });
        }
    }
    Ok(out)
}

/// A file's size; 0 when it does not exist.
pub fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}

/// `12, 345`: the holders' pids, for messages.
pub fn pid_list(holders: &[Holder]) -> String {
    holders.iter().map(|h| h.pid.to_string()).collect::<Vec<_>>().join(", ")
}

/// How long a killable holder gets between SIGTERM and SIGKILL.
const HOLDER_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Stop the holders whose command line matches `killable` (only if all of
/// them do: one innocent holder and the database is left alone). Returns
/// whether the database is now free.
fn stop_killable(host: &dyn Host, db: &Path, killable: &[String], dry_run: bool, c: &mut Cleared) -> Result<bool> {
    let set = regex::RegexSet::new(killable).map_err(|e| anyhow::anyhow!("killable: {}", short_error(&e)))?;
    let protected = host.protected_pids();
    if killable.is_empty() || !c.holders.iter().all(|h| set.is_match(&h.command) && !protected.contains(&h.pid)) {
        c.steps.push(format!("held open by pid {}: left alone", pid_list(&c.holders)));
        return Ok(false);
    }
    for h in &c.holders {
        if dry_run {
            c.steps.push(format!("would stop pid {} (killable: {})", h.pid, h.command));
        } else if let Some(p) = host.process(h.pid) {
            terminate(host, &p, HOLDER_GRACE, &mut c.steps);
        }
    }
    if dry_run {
        return Ok(true);
    }
    let still = holders(db)?;
    if !still.is_empty() {
        c.steps.push(format!("still held open by pid {}: left alone", pid_list(&still)));
        return Ok(false);
    }
    Ok(true)
}

/// Clear `db` (or, with `dry_run`, say what would be done). Holders whose
/// command line matches one of `killable` are stopped first.
pub fn clear(host: &dyn Host, db: &Path, killable: &[String], dry_run: bool) -> Result<Cleared> {
    if !db.is_file() {
        bail!("{} is not a file", db.display());
    }
    let db = db.canonicalize().with_context(|| format!("cannot resolve {}", db.display()))?;
    let (wal, journal) = (companion(&db, "-wal"), companion(&db, "-journal"));
    let mut c = Cleared {
        holders: holders(&db)?,
        wal_bytes_before: file_size(&wal),
        hot_journal: file_size(&journal) > 0,
        ..Default::default()
    };
    c.wal_bytes_after = c.wal_bytes_before;
    if !c.holders.is_empty() && !stop_killable(host, &db, killable, dry_run, &mut c)? {
        c.left_alone = true;
        return Ok(c);
    }
    if dry_run {
        if c.hot_journal {
            c.steps.push("would roll back the hot journal by opening the database".into());
        }
        if c.wal_bytes_before > 0 {
            c.steps.push(format!("would checkpoint the WAL ({} bytes) into the database", c.wal_bytes_before));
        }
        if c.steps.is_empty() {
            c.steps.push("nothing to do".into());
        }
        return Ok(c);
    }
    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("cannot open {}", db.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // The first read rolls back a hot journal.
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .with_context(|| format!("{} is not a usable SQLite database", db.display()))?;
    if c.hot_journal {
        c.steps.push("rolled back the hot journal".into());
    }
    if mode.eq_ignore_ascii_case("wal") {
        let (busy, log, done): (i64, i64, i64) = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .with_context(|| format!("cannot checkpoint {}", db.display()))?;
        if busy != 0 {
            c.steps.push(format!("checkpoint blocked by a reader: {done} of {log} pages copied"));
        } else {
            c.steps.push(format!("checkpointed {log} WAL pages into the database"));
        }
    }
    drop(conn);
    c.wal_bytes_after = file_size(&wal);
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wal_with_committed_rows_is_checkpointed_not_lost() {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("app.db");
        let conn = Connection::open(&db).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
        conn.pragma_update(None, "wal_autocheckpoint", 0).expect("no autocheckpoint");
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).expect("cfg");
        conn.execute_batch("CREATE TABLE t (x); WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500) INSERT INTO t SELECT x FROM n;")
            .expect("rows");
        drop(conn);
        let wal = dir.path().join("app.db-wal");
        assert!(file_size(&wal) > 0, "committed rows wait in the WAL");

        let host = crate::host::fake::FakeHost::default();
        let plan = clear(&host, &db, &[], true).expect("dry run");
        assert!(plan.steps[0].starts_with("would checkpoint"), "{plan:?}");
        assert!(file_size(&wal) > 0);

        let done = clear(&host, &db, &[], false).expect("clear");
        assert!(done.holders.is_empty());
        assert!(done.steps.iter().any(|s| s.starts_with("checkpointed")), "{done:?}");
        let conn = Connection::open(&db).expect("reopen");
        let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).expect("count");
        assert_eq!(n, 500, "every committed row is still there");
    }
}
