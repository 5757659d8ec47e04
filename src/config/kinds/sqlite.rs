//! `sqlite`: the database opens, its write lock is free within
//! `lock_timeout`, and (when asked) `PRAGMA quick_check` passes; the size of
//! its WAL, a hot journal left by a crash, and the pids holding it are
//! reported.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::sqlite`.

use super::{AddHelp, Described, Flag, Kind, limits_text};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};
use crate::units::{format_bytes, format_duration};
use std::path::PathBuf;
use std::time::Duration;

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
    keys: &["path", "quick_check", "lock_timeout", "wal_warn", "wal_crit", "killable", "heal", "worker"],
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
            Flag::text(
                "worker",
                "MONITOR",
                "The process monitor whose worker `hm heal` restarts when this is critical",
            ),
        ],
        examples: "Example:\n  \
                   hm add sqlite jobs-db --path /srv/jobs.db --lock-timeout 2s --wal-warn 256MiB --killable '^python3 .*report'",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(path) = raw.path.clone() else {
        c.err("", "a sqlite monitor needs `path`, the database file");
        return None;
    };
    let mut killable = Vec::new();
    for k in raw.killable.clone().unwrap_or_default() {
        match crate::config::pattern::pattern_error(&k) {
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

pub(super) fn describe(q: &SqliteSpec) -> Described {
    (
        format!("sqlite {}", q.path.display()),
        vec![
            Some(format!("lock within {}", format_duration(q.lock_timeout))),
            limits_text("wal_", q.wal, format_bytes),
        ],
    )
}
