//! `sqlite`: the database opens, its write lock is free within
//! `lock_timeout`, and (when asked) `PRAGMA quick_check` passes; the size of
//! its WAL, a hot journal left by a crash, and the pids holding it are
//! reported.
//!
//! The check must not change what it watches: the database is
//! opened once through [`AppDb`] (never through a symlink, SQLite confined
//! to its directory with its owner's rights), SQLite only ever reads it, a
//! hot journal is a finding (rolling it back is `hm clear-locks`' job), and
//! whether a writer holds the write lock is asked of the kernel's record
//! locks, not by taking it.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::sqlite`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::kinds::sqlite::SqliteSpec;
use crate::host::app_db::{AppDb, AppDbError, HOT_JOURNAL, HotJournal};
use crate::host::db_holders::pid_list;
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;
use std::time::{Duration, Instant};

pub(crate) fn check(_ctx: &CheckCtx<'_>, spec: &SqliteSpec, timeout: Duration) -> Result<CheckOutput> {
    let deadline = Instant::now() + timeout;
    let fail = |status: Status, message: String, metrics: Vec<Metric>| CheckOutput {
        status,
        message,
        metrics,
        ..Default::default()
    };
    let db = match AppDb::open(&spec.path) {
        Ok(db) => db,
        Err(e @ AppDbError::Missing(_)) => return Ok(fail(Status::Critical, e.to_string(), Vec::new())),
        Err(e) => return Ok(fail(Status::Critical, format!("refusing it: {e}"), Vec::new())),
    };
    let held = db.holders()?.holders;
    let wal = db.companion_size("-wal");
    let mut metrics =
        vec![Metric::new("wal", wal as f64, "B").limits(spec.wal), Metric::new("holders", held.len() as f64, "")];
    let held_by = if held.is_empty() { String::new() } else { format!(" (held by pid {})", pid_list(&held)) };
    if db.hot_journal() {
        return Ok(fail(Status::Critical, HOT_JOURNAL.into(), metrics));
    }
    if let Some(pid) = db.writer_within(spec.lock_timeout.min(timeout)) {
        let by = if pid > 0 { format!(" (held by pid {pid})") } else { held_by };
        let msg = format!("locked: no write lock within {:?}{by}", spec.lock_timeout);
        return Ok(fail(Status::Critical, msg, metrics));
    }
    let quick_check = spec.quick_check;
    let read = db.sqlite(false, deadline, move |conn| {
        let _: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok(if quick_check {
            Some(conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)).unwrap_or_else(|e| e.to_string()))
        } else {
            None
        })
    });
    match read {
        Err(e) if HotJournal::in_chain(&e) => return Ok(fail(Status::Critical, HOT_JOURNAL.into(), metrics)),
        Err(e) => return Ok(fail(Status::Critical, format!("not usable: {e:#}"), metrics)),
        Ok(Some(result)) if result != "ok" => {
            return Ok(fail(Status::Critical, format!("quick_check: {result}"), metrics));
        }
        Ok(_) => {}
    }
    let mut out = CheckOutput::from_metrics(
        format!("write lock free, WAL {}{held_by}", format_bytes(wal as f64)),
        std::mem::take(&mut metrics),
    );
    if spec.quick_check {
        out.message.push_str(", quick_check ok");
    }
    Ok(out)
}
