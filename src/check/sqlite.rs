//! `sqlite`: the database opens, a write lock is had within `lock_timeout`,
//! and (when asked) `PRAGMA quick_check` passes; the size of its WAL, a hot
//! journal left by a crash, and the pids holding it are reported.
//!
//! The check must not change what it watches: it never opens a database
//! with a hot journal (opening would roll it back; that is `hm clear-locks`'
//! job), its write transaction is rolled back at once, and its connection
//! closes without checkpointing.

use super::{CheckCtx, CheckOutput, Metric};
use crate::config::SqliteSpec;
use crate::heal::clear_locks::{companion, file_size, holders, pid_list};
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;
use rusqlite::{Connection, ErrorCode, OpenFlags};

pub fn check(_ctx: &CheckCtx<'_>, spec: &SqliteSpec) -> Result<CheckOutput> {
    let db = &spec.path;
    if !db.is_file() {
        return Ok(CheckOutput {
            status: Status::Critical,
            message: format!("{} does not exist", db.display()),
            ..Default::default()
        });
    }
    let held = holders(db)?;
    let wal = file_size(&companion(db, "-wal"));
    let mut metrics =
        vec![Metric::new("wal", wal as f64, "B").limits(spec.wal), Metric::new("holders", held.len() as f64, "")];
    let held_by = if held.is_empty() { String::new() } else { format!(" (held by pid {})", pid_list(&held)) };
    if held.is_empty() && file_size(&companion(db, "-journal")) > 0 {
        return Ok(CheckOutput {
            status: Status::Critical,
            message: "hot journal: an interrupted transaction (hm clear-locks rolls it back)".into(),
            metrics,
            ..Default::default()
        });
    }
    let fail = |status: Status, message: String, metrics: Vec<Metric>| CheckOutput {
        status,
        message,
        metrics,
        ..Default::default()
    };
    let conn =
        match Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX) {
            Ok(c) => c,
            Err(e) => return Ok(fail(Status::Critical, format!("cannot open: {e}"), metrics)),
        };
    let _ = conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
    conn.busy_timeout(spec.lock_timeout)?;
    match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
        Ok(()) => {}
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
        {
            let msg = format!("locked: no write lock within {:?}{held_by}", spec.lock_timeout);
            return Ok(fail(Status::Critical, msg, metrics));
        }
        Err(e) => return Ok(fail(Status::Critical, format!("not usable: {e}"), metrics)),
    }
    if spec.quick_check {
        let result: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap_or_else(|e| e.to_string());
        if result != "ok" {
            return Ok(fail(Status::Critical, format!("quick_check: {result}"), metrics));
        }
    }
    let mut out = CheckOutput::from_metrics(
        format!("writable, WAL {}{held_by}", format_bytes(wal as f64)),
        std::mem::take(&mut metrics),
    );
    if spec.quick_check {
        out.message.push_str(", quick_check ok");
    }
    Ok(out)
}
