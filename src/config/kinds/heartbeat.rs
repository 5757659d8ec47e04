//! `heartbeat`: something that should happen regularly did happen recently:
//! a file's mtime (a job touches it), the last `hm ping NAME`, or a
//! timestamp an SQL query reads from an SQLite database ("an experiment
//! finished in the last 10 minutes").
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::heartbeat`.

use super::{AddHelp, Described, Flag, Kind};
use crate::config::checker::Checker;
use crate::config::validate::name_problem;
use crate::config::{RawMonitor, Spec};
use crate::units::format_duration;
use std::path::PathBuf;
use std::time::Duration;

/// A `heartbeat` monitor: the age of a file's mtime or of the last `hm ping`.
#[derive(Debug, Clone)]
pub(crate) struct HeartbeatSpec {
    pub source: HeartbeatSource,
    pub warn: Duration,
    pub crit: Duration,
}

/// Where a heartbeat's timestamp comes from.
#[derive(Debug, Clone)]
pub(crate) enum HeartbeatSource {
    File(PathBuf),
    Ping(String),
    /// A query on an SQLite database returning one timestamp (Unix seconds
    /// or an SQLite date-time text).
    Sql {
        database: PathBuf,
        query: String,
    },
}

pub(crate) static KIND: Kind = Kind {
    name: "heartbeat",
    keys: &["file", "ping", "database", "query", "warn", "crit", "worker"],
    add: AddHelp {
        about: "The age of a file's mtime, of the last `hm ping`, or of an SQL timestamp",
        heading: "A heartbeat monitor",
        flags: &[
            Flag::path("file", "FILE", "A file whose modification time is the heartbeat"),
            Flag::text("ping", "NAME", "The `hm ping` name (default: the monitor's name)"),
            Flag::path("database", "FILE", "An SQLite file whose --query gives the heartbeat's time"),
            Flag::text("query", "SQL", "A query returning one timestamp (Unix seconds or SQLite date-time)"),
            Flag::number("warn", "DURATION", "Warning age, e.g. 26h (default 30s)"),
            Flag::number("crit", "DURATION", "Critical age (default 60s)"),
            Flag::text("worker", "MONITOR", "The process monitor whose worker `hm heal` restarts when this goes stale"),
        ],
        examples: "Examples:\n  hm add heartbeat backup --warn 26h --crit 50h\n  \
                   hm add heartbeat spool --file /var/spool/job/last-run --warn 5m --crit 15m\n  \
                   hm add heartbeat runs --database /srv/lab/runs.db --query 'SELECT max(finished_at) FROM runs' --warn 1h --crit 2h",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let source = match (&raw.file, &raw.ping) {
        _ if raw.database.is_some() || raw.query.is_some() => sql_source(c, raw)?,
        (Some(_), Some(_)) => {
            c.err("ping", "set either `file` or `ping`, not both");
            HeartbeatSource::Ping(raw.name.clone())
        }
        (Some(f), None) => HeartbeatSource::File(f.clone()),
        (None, Some(p)) => {
            if let Some(why) = name_problem(p, "ping name") {
                c.err("ping", why);
            }
            HeartbeatSource::Ping(p.clone())
        }
        (None, None) => HeartbeatSource::Ping(raw.name.clone()),
    };
    let warn = c.seconds("warn", raw.warn.as_ref(), Duration::from_secs(30));
    let crit = c.seconds("crit", raw.crit.as_ref(), Duration::from_secs(60));
    if warn > crit {
        c.err("warn", format!("warn ({}) is above crit ({})", format_duration(warn), format_duration(crit)));
    }
    Some(Spec::Heartbeat(HeartbeatSpec { source, warn, crit }))
}

/// A heartbeat read from an SQL query.
fn sql_source(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<HeartbeatSource> {
    if raw.file.is_some() || raw.ping.is_some() {
        c.err("database", "set one of `file`, `ping`, or `database` with `query`");
    }
    match (&raw.database, &raw.query) {
        (Some(database), Some(query)) => {
            Some(HeartbeatSource::Sql { database: database.clone(), query: query.clone() })
        }
        (None, _) => {
            c.err("query", "`query` needs `database`, the SQLite file to run it on");
            None
        }
        (_, None) => {
            c.err("database", "`database` needs `query`, returning one timestamp");
            None
        }
    }
}

pub(super) fn describe(h: &HeartbeatSpec) -> Described {
    let target = match &h.source {
        HeartbeatSource::File(f) => format!("mtime of {}", f.display()),
        HeartbeatSource::Ping(n) => format!("hm ping {n}"),
        HeartbeatSource::Sql { database, .. } => format!("query on {}", database.display()),
    };
    (target, vec![Some(format!("warn {} crit {}", format_duration(h.warn), format_duration(h.crit)))])
}
