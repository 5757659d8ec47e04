//! `heartbeat`: something that should happen regularly did happen recently:
//! a file's mtime (a job touches it), the last `hm ping NAME`, or a
//! timestamp an SQL query reads from an SQLite database ("an experiment
//! finished in the last 10 minutes").

use super::{AddHelp, Described, Flag, Kind, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::validate::name_problem;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::host::app_db::{AppDb, HotJournal, sql_error};
use crate::safe_path::{self, Symlinks};
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::path::PathBuf;
use std::time::{Duration, Instant};

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
    is: |s| matches!(s, Spec::Heartbeat(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Heartbeat(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("heartbeat", m)),
    },
    describe,
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

fn describe(m: &Monitor) -> Described {
    let Spec::Heartbeat(h) = &m.spec else { return Described::default() };
    let target = match &h.source {
        HeartbeatSource::File(f) => format!("mtime of {}", f.display()),
        HeartbeatSource::Ping(n) => format!("hm ping {n}"),
        HeartbeatSource::Sql { database, .. } => format!("query on {}", database.display()),
    };
    (target, vec![Some(format!("warn {} crit {}", format_duration(h.warn), format_duration(h.crit)))])
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &HeartbeatSpec, timeout: Duration) -> Result<CheckOutput> {
    let (age, what) = match &spec.source {
        HeartbeatSource::File(path) => match file_mtime(path) {
            Ok(ts) => (ctx.now - ts, format!("{} modified", path.display())),
            Err(e) if e.is_not_found() => return Ok(critical(format!("{} does not exist", path.display()))),
            Err(e) => return Ok(critical(format!("cannot read {}: {e}", path.display()))),
        },
        HeartbeatSource::Ping(name) => match ctx.pings.get(name) {
            None => return Ok(critical(format!("no ping recorded for `{name}`"))),
            Some(p) if !p.ok => {
                let ago = format_duration(crate::units::secs((ctx.now - p.ts).max(0.0)));
                return Ok(critical(format!("last ping of `{name}` reported failure ({ago} ago)")));
            }
            Some(p) => (ctx.now - p.ts, format!("last ping of `{name}`")),
        },
        HeartbeatSource::Sql { database, query } => match sql_timestamp(database, query, Instant::now() + timeout) {
            Ok(Some(ts)) => (ctx.now - ts, format!("latest from {}", database.display())),
            Ok(None) => return Ok(critical(format!("the query on {} returned no timestamp", database.display()))),
            Err(e) if HotJournal::in_chain(&e) => return Ok(critical(format!("{e:#}"))),
            Err(e) => {
                return Ok(CheckOutput { status: Status::Unknown, message: format!("{e:#}"), ..Default::default() });
            }
        },
    };
    let age = age.max(0.0);
    let limits = Limits { warn: Some(spec.warn.as_secs_f64()), crit: Some(spec.crit.as_secs_f64()) };
    Ok(CheckOutput::from_metrics(
        format!("{what} {} ago", format_duration(crate::units::secs(age))),
        vec![Metric::new("age", age, "s").limits(limits)],
    ))
}

/// The heartbeat file's mtime (Unix seconds). The path is walked once
/// without following a symlink that anyone but root could have placed
/// (issue 25: a user's symlink would otherwise show root the mtime of
/// files only root may see), and the time is read from the file opened.
fn file_mtime(path: &std::path::Path) -> Result<f64, safe_path::PathError> {
    use nix::fcntl::OFlag;
    let abs = crate::safe_write::absolute(path).map_err(|_| safe_path::PathError::Relative(path.to_path_buf()))?;
    let f = safe_path::open_file(
        &abs,
        &[],
        Symlinks::FollowTrusted,
        OFlag::O_RDONLY | OFlag::O_NOCTTY,
        nix::sys::stat::Mode::empty(),
    )?;
    Ok(f.stat.st_mtime as f64 + f.stat.st_mtime_nsec as f64 / 1e9)
}

/// Run `query` on `database`, read-only, and read its first column as a
/// time: Unix seconds, or any date-time text SQLite understands (UTC).
/// The database is the application's, so SQLite runs confined to its
/// directory with its owner's rights ([`AppDb`], issue 25), and a query
/// still running at `deadline` is stopped there, not left spinning.
fn sql_timestamp(database: &std::path::Path, query: &str, deadline: Instant) -> Result<Option<f64>> {
    use rusqlite::OptionalExtension;
    use rusqlite::types::Value;
    let db = AppDb::open(database).map_err(|e| anyhow::anyhow!("{e}"))?;
    let shown = db.path().to_path_buf();
    let query = query.to_string();
    db.sqlite(false, deadline, move |conn| {
        let value = conn
            .query_row(&query, [], |r| r.get::<_, Value>(0))
            .optional()
            .map_err(|e| sql_error(e, &shown, "run the query on"))?;
        Ok(match value {
            None | Some(Value::Null) => None,
            Some(Value::Integer(i)) => Some(i as f64),
            Some(Value::Real(f)) => Some(f),
            Some(Value::Text(t)) => {
                let parsed: Option<f64> = conn.query_row("SELECT unixepoch(?1, 'subsec')", [&t], |r| r.get(0))?;
                Some(
                    parsed.ok_or_else(|| {
                        anyhow::anyhow!("the query on {} returned `{t}`, not a time", shown.display())
                    })?,
                )
            }
            Some(Value::Blob(_)) => anyhow::bail!("the query on {} returned a blob, not a time", shown.display()),
        })
    })
}

fn critical(message: String) -> CheckOutput {
    CheckOutput { status: Status::Critical, message, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::fake::FakeHost;

    fn spec(source: HeartbeatSource) -> HeartbeatSpec {
        HeartbeatSpec { source, warn: Duration::from_secs(30), crit: Duration::from_secs(60) }
    }

    #[test]
    fn ping_ages() {
        let host = FakeHost::default();
        let f = Inputs::default().ping("job", 955.0, true).ping("bad", 999.0, false);
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, &spec(HeartbeatSource::Ping("job".into())), Duration::from_secs(5)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Warning, "last ping of `job` 45s ago"));
        let out = check(&ctx, &spec(HeartbeatSource::Ping("bad".into())), Duration::from_secs(5)).expect("check");
        assert_eq!(out.status, Status::Critical);
        let out = check(&ctx, &spec(HeartbeatSource::Ping("never".into())), Duration::from_secs(5)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Critical, "no ping recorded for `never`"));
    }
}
