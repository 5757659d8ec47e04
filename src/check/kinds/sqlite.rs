//! `sqlite`: the database opens, its write lock is free within
//! `lock_timeout`, and (when asked) `PRAGMA quick_check` passes; the size of
//! its WAL, a hot journal left by a crash, and the pids holding it are
//! reported.
//!
//! The check must not change what it watches (issue 25): the database is
//! opened once through [`AppDb`] (never through a symlink, SQLite confined
//! to its directory with its owner's rights), SQLite only ever reads it, a
//! hot journal is a finding (rolling it back is `hm clear-locks`' job), and
//! whether a writer holds the write lock is asked of the kernel's record
//! locks, not by taking it.

use super::{AddHelp, Described, Flag, Kind, limits_text, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::host::app_db::{AppDb, AppDbError, HOT_JOURNAL, HotJournal};
use crate::host::db_holders::pid_list;
use crate::status::Status;
use crate::units::{format_bytes, format_duration};
use anyhow::Result;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A `sqlite` monitor: the database opens, takes a write lock in time, and
/// (when asked) passes `PRAGMA quick_check`.
#[derive(Debug, Clone)]
pub(crate) struct SqliteSpec {
    pub path: PathBuf,
    pub quick_check: bool,
    pub lock_timeout: Duration,
    /// Size of the `-wal` file, bytes.
    pub wal: Limits,
    /// Regexes over a holder's command line: holders `hm clear-locks` may
    /// stop (SIGTERM, then SIGKILL) to free the database.
    pub killable: Vec<String>,
    /// Whether `hm heal` may clear its locks.
    pub heal: bool,
}

pub(crate) static KIND: Kind = Kind {
    name: "sqlite",
    keys: &["path", "quick_check", "lock_timeout", "wal_warn", "wal_crit", "killable", "heal"],
    add: AddHelp {
        about: "An SQLite database opens, takes a write lock in time, passes quick_check",
        heading: "A sqlite monitor",
        flags: &[
            Flag::path("path", "FILE", "The database file"),
            Flag::switch("quick_check", "Also run PRAGMA quick_check"),
            Flag::text("lock_timeout", "DURATION", "The write lock must be taken within this (default 1s)"),
            Flag::number("wal_warn", "SIZE", "Warning size of the -wal file, e.g. 256MiB"),
            Flag::number("wal_crit", "SIZE", "Critical size of the -wal file"),
            Flag::texts(
                "killable",
                "REGEX",
                "A regex over the command line of holders `hm clear-locks` may stop (repeatable)",
            ),
            Flag::boolean("heal", "false: `hm heal` never clears its locks"),
        ],
        examples: "Example:\n  \
                   hm add sqlite jobs-db --path /srv/jobs.db --lock-timeout 2s --wal-warn 256MiB --killable '^python3 .*report'",
    },
    is: |s| matches!(s, Spec::Sqlite(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Sqlite(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("sqlite", m)),
    },
    describe,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(path) = raw.path.clone() else {
        c.err("", "a sqlite monitor needs `path`, the database file");
        return None;
    };
    let mut killable = Vec::new();
    for k in raw.killable.clone().unwrap_or_default() {
        match crate::check::patterns::pattern_error(&k) {
            None => killable.push(k),
            Some(e) => c.err("killable", format!("invalid regex: {e}")),
        }
    }
    let wal =
        Limits { warn: c.size("wal_warn", raw.wal_warn.as_ref()), crit: c.size("wal_crit", raw.wal_crit.as_ref()) };
    Some(Spec::Sqlite(SqliteSpec {
        path,
        quick_check: raw.quick_check.unwrap_or(false),
        lock_timeout: c.duration("lock_timeout", raw.lock_timeout.as_deref(), Duration::from_secs(1)),
        wal: c.limits("wal_warn", "wal_crit", wal, Some((0.0, f64::MAX))),
        killable,
        heal: raw.heal.unwrap_or(true),
    }))
}

fn describe(m: &Monitor) -> Described {
    let Spec::Sqlite(q) = &m.spec else { return Described::default() };
    (
        format!("sqlite {}", q.path.display()),
        vec![
            Some(format!("lock within {}", format_duration(q.lock_timeout))),
            limits_text("wal_", q.wal, format_bytes),
        ],
    )
}

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
