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
//!
//! Not root, hm cannot read other users' `/proc/PID/fd`, so it says so,
//! and in any case it changes nothing before it has had the database's
//! write lock (`BEGIN IMMEDIATE` within a short wait): a writer it could
//! not see is still found, and the database is left alone.
//!
//! This is the one place hm writes to an application's database, so
//! only through [`AppDb`], opened once without following a symlink, with
//! SQLite confined to the database's directory and running with the
//! rights of the file's owner, so a journal planted beside it can only be
//! rolled back into what that user could write anyway.

use super::restart::terminate;
use crate::asked::DryRun;
use crate::config::pattern::short_error;
use crate::host::Host;
use crate::host::app_db::AppDb;
use anyhow::{Context, Result, bail};
use rusqlite::{Connection, ErrorCode};
use std::path::Path;
use std::time::{Duration, Instant};

pub(crate) use crate::host::db_holders::{Holder, pid_list};

/// What was found and done for one database.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cleared {
    pub holders: Vec<Holder>,
    /// Processes whose open files hm could not read (see [`crate::host::db_holders::Scan`]).
    pub unseen: usize,
    pub wal_bytes_before: u64,
    pub wal_bytes_after: u64,
    pub hot_journal: bool,
    /// Held by a process that may not be stopped, or by a writer: nothing
    /// was done.
    pub left_alone: bool,
    /// What was done (or would be), in order.
    pub steps: Vec<String>,
}

/// How long to wait for the database's write lock, and for a checkpoint.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// How long a killable holder gets between SIGTERM and SIGKILL.
const HOLDER_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Stop the holders whose command line matches `killable` (only if all of
/// them do: one innocent holder and the database is left alone). Returns
/// whether the database is now free.
fn stop_killable(host: &dyn Host, db: &AppDb, killable: &[String], dry_run: DryRun, c: &mut Cleared) -> Result<bool> {
    let set = regex::RegexSet::new(killable).map_err(|e| anyhow::anyhow!("killable: {}", short_error(&e)))?;
    let protected = host.protected_pids();
    if killable.is_empty() || !c.holders.iter().all(|h| set.is_match(&h.command) && !protected.contains(&h.pid)) {
        c.steps.push(format!("held open by pid {}: left alone", pid_list(&c.holders)));
        return Ok(false);
    }
    for h in &c.holders {
        if dry_run.yes() {
            c.steps.push(format!("would stop pid {} (killable: {})", h.pid, h.command));
        } else if let Some(p) = host.process(h.pid) {
            terminate(host, &p, HOLDER_GRACE, &mut c.steps);
        }
    }
    if dry_run.yes() {
        return Ok(true);
    }
    let still = db.holders()?.holders;
    if !still.is_empty() {
        c.steps.push(format!("still held open by pid {}: left alone", pid_list(&still)));
        return Ok(false);
    }
    Ok(true)
}

/// Clear `db` (or, with `dry_run`, say what would be done). Holders whose
/// command line matches one of `killable` are stopped first. Nothing is
/// changed while a writer may be at work: not while a holder is seen, and
/// not unless the write lock is had, since holders hm may not see (other
/// users', when it is not root) would otherwise go unnoticed.
pub(crate) fn clear(host: &dyn Host, path: &Path, killable: &[String], dry_run: DryRun) -> Result<Cleared> {
    // Before anything, and in a dry run too: a dry run finds the errors the
    // real run would meet.
    let db = AppDb::open(path).map_err(|e| anyhow::anyhow!("{e}"))?;
    if !db.is_database(Instant::now() + LOCK_WAIT)? {
        bail!(
            "{} is not an SQLite database (it does not start with SQLite's header): nothing to clear",
            db.path().display()
        );
    }
    let scan = db.holders()?;
    let mut c = Cleared {
        holders: scan.holders,
        unseen: scan.unseen,
        wal_bytes_before: db.companion_size("-wal"),
        hot_journal: db.hot_journal(),
        ..Default::default()
    };
    c.wal_bytes_after = c.wal_bytes_before;
    if c.unseen > 0 {
        c.steps.push(format!(
            "cannot see which files {} processes of other users have open (hm is not root), so a holder may hide among them",
            c.unseen
        ));
    }
    if !c.holders.is_empty() && !stop_killable(host, &db, killable, dry_run, &mut c)? {
        c.left_alone = true;
        return Ok(c);
    }
    if dry_run.yes() {
        let unless = if c.unseen > 0 { ", unless a writer holds its write lock" } else { "" };
        if c.hot_journal {
            c.steps.push(format!("would roll back the hot journal by opening the database{unless}"));
        }
        if c.wal_bytes_before > 0 {
            c.steps.push(format!("would checkpoint the WAL ({} bytes) into the database{unless}", c.wal_bytes_before));
        }
        if !c.hot_journal && c.wal_bytes_before == 0 {
            c.steps.push("nothing to do".into());
        }
        return Ok(c);
    }
    let shown = db.path().to_path_buf();
    let deadline = Instant::now() + LOCK_WAIT * 4;
    // Taking the write lock reads the database first, which rolls back a
    // hot journal; a journal with a live writer behind it is not hot, and
    // SQLite leaves it alone.
    let done = db.sqlite(true, deadline, move |conn| {
        conn.busy_timeout(LOCK_WAIT)?;
        if !write_lock_free(conn).with_context(|| format!("{} is not a usable SQLite database", shown.display()))? {
            return Ok(None);
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .with_context(|| format!("{} is not a usable SQLite database", shown.display()))?;
        Ok(Some(if mode.eq_ignore_ascii_case("wal") {
            Some(checkpoint(conn).with_context(|| format!("cannot checkpoint {}", shown.display()))?)
        } else {
            None
        }))
    })?;
    let Some(outcome) = done else {
        c.steps.push(format!(
            "a writer holds the database (its write lock was not free within {}s): left alone",
            LOCK_WAIT.as_secs()
        ));
        c.left_alone = true;
        return Ok(c);
    };
    if c.unseen > 0 {
        c.steps.push("no writer holds it: its write lock is free".into());
    }
    if c.hot_journal {
        c.steps.push(if db.hot_journal() {
            "the journal is still there after opening the database".into()
        } else {
            "rolled back the hot journal".into()
        });
    }
    c.wal_bytes_after = db.companion_size("-wal");
    if let Some(outcome) = outcome {
        let sizes = format!("WAL {} → {} bytes", c.wal_bytes_before, c.wal_bytes_after);
        c.steps.push(match outcome {
            Checkpoint::Done { frames: 0 } => format!("the WAL held no frames to copy; {sizes}"),
            Checkpoint::Done { frames } => format!("checkpointed the WAL's {frames} frames into the database; {sizes}"),
            Checkpoint::Writer { copied, of } => format!(
                "checkpoint stopped by a writer that took the database meanwhile: {copied} of {of} WAL frames copied; {sizes}"
            ),
            Checkpoint::Reader { copied, of } => format!(
                "checkpoint held back by a reader still reading from the WAL: {copied} of {of} WAL frames copied, and the WAL is kept; {sizes}"
            ),
        });
    }
    Ok(c)
}

/// Whether this connection gets the database's write lock within its busy
/// timeout (`BEGIN IMMEDIATE`), which it gives back at once. Only a writer
/// holds it for long.
fn write_lock_free(conn: &Connection) -> Result<bool> {
    match conn.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            conn.execute_batch("ROLLBACK")?;
            Ok(true)
        }
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// How a checkpoint went.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Checkpoint {
    /// Every one of the WAL's `frames` is in the database; the WAL is empty.
    Done { frames: i64 },
    /// A writer held the write lock.
    Writer { copied: i64, of: i64 },
    /// A reader still reads from the WAL, so it may not be emptied.
    Reader { copied: i64, of: i64 },
}

/// Copy the WAL into the database and truncate it. A `TRUNCATE`
/// checkpoint that succeeds reports 0 frames (the WAL is empty by then),
/// so a `PASSIVE` one first counts them.
fn checkpoint(conn: &Connection) -> Result<Checkpoint> {
    let run = |mode: &str| -> rusqlite::Result<(i64, i64, i64)> {
        conn.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    };
    let (_, frames, _) = run("PASSIVE")?;
    let (busy, of, copied) = run("TRUNCATE")?;
    if busy == 0 {
        return Ok(Checkpoint::Done { frames: frames.max(0) });
    }
    conn.busy_timeout(Duration::ZERO)?;
    Ok(if write_lock_free(conn)? { Checkpoint::Reader { copied, of } } else { Checkpoint::Writer { copied, of } })
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
        let file_size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
        assert!(file_size(&wal) > 0, "committed rows wait in the WAL");

        let host = crate::host::fake::FakeHost::default();
        let plan = clear(&host, &db, &[], DryRun::Yes).expect("dry run");
        assert!(plan.steps[0].starts_with("would checkpoint"), "{plan:?}");
        assert!(file_size(&wal) > 0);

        let done = clear(&host, &db, &[], DryRun::No).expect("clear");
        assert!(done.holders.is_empty());
        // The pages checkpointed are counted: not "checkpointed 0 WAL pages".
        let step = done.steps.iter().find(|s| s.starts_with("checkpointed")).expect("a checkpoint step");
        let frames: i64 = step.split(' ').nth(3).and_then(|n| n.parse().ok()).expect("a frame count");
        assert!(frames > 0, "{step}");
        assert!(step.ends_with(&format!("WAL {} → 0 bytes", done.wal_bytes_before)), "{step}");
        let conn = Connection::open(&db).expect("reopen");
        let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).expect("count");
        assert_eq!(n, 500, "every committed row is still there");
    }
}
