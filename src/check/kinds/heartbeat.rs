//! `heartbeat`: something that should happen regularly did happen recently:
//! a file's mtime (a job touches it), the last `hm ping NAME`, or a
//! timestamp an SQL query reads from an SQLite database ("an experiment
//! finished in the last 10 minutes").
//!
//! Here: the check; its spec, keys and validation are `config::kinds::heartbeat`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::Limits;
use crate::config::kinds::heartbeat::{HeartbeatSource, HeartbeatSpec};
use crate::host::app_db::{AppDb, HotJournal, sql_error};
use crate::safe_path::{self, Symlinks};
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::time::{Duration, Instant};

pub(crate) fn check(ctx: &CheckCtx<'_>, monitor: &str, spec: &HeartbeatSpec, timeout: Duration) -> Result<CheckOutput> {
    if let Some(schedule) = &spec.schedule {
        let since = ctx.first_checked.get(monitor).copied();
        return super::heartbeat_schedule::check(ctx, &spec.source, schedule, since, timeout);
    }
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
/// (a user's symlink would otherwise show root the mtime of
/// files only root may see), and the time is read from the file opened.
pub(super) fn file_mtime(path: &std::path::Path) -> Result<f64, safe_path::PathError> {
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
/// directory with its owner's rights ([`AppDb`]), and a query
/// still running at `deadline` is stopped there, not left spinning.
pub(super) fn sql_timestamp(database: &std::path::Path, query: &str, deadline: Instant) -> Result<Option<f64>> {
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

pub(super) fn critical(message: String) -> CheckOutput {
    CheckOutput { status: Status::Critical, message, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::fake::FakeHost;

    fn spec(source: HeartbeatSource) -> HeartbeatSpec {
        HeartbeatSpec { source, warn: Duration::from_secs(30), crit: Duration::from_secs(60), schedule: None }
    }

    #[test]
    fn ping_ages() {
        let host = FakeHost::default();
        let f = Inputs::default().ping("job", 955.0, true).ping("bad", 999.0, false);
        let ctx = f.ctx(&host, 1000.0);
        let out = check(&ctx, "hb", &spec(HeartbeatSource::Ping("job".into())), Duration::from_secs(5)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Warning, "last ping of `job` 45s ago"));
        let out = check(&ctx, "hb", &spec(HeartbeatSource::Ping("bad".into())), Duration::from_secs(5)).expect("check");
        assert_eq!(out.status, Status::Critical);
        let out =
            check(&ctx, "hb", &spec(HeartbeatSource::Ping("never".into())), Duration::from_secs(5)).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Critical, "no ping recorded for `never`"));
    }
}
