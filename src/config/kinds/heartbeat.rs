//! `heartbeat`: something that should happen regularly did happen recently:
//! a file's mtime (a job touches it), the last `hm ping NAME`, or a
//! timestamp an SQL query reads from an SQLite database ("an experiment
//! finished in the last 10 minutes").
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::heartbeat`.

use super::schedule::{Schedule, Zone, parse_cron, parse_zone};
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
    /// `schedule`: judged against its cron times (and `grace`), not
    /// `warn`/`crit`.
    pub schedule: Option<Box<Schedule>>,
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
    keys: &["file", "ping", "database", "query", "warn", "crit", "schedule", "tz", "grace", "max_runtime", "worker"],
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
            Flag::text(
                "schedule",
                "CRON",
                "Due on this cron schedule, e.g. '0 2 * * *' or @daily (instead of --warn/--crit)",
            ),
            Flag::text("tz", "ZONE", "The schedule's time zone, e.g. Europe/Berlin (default: the host's)"),
            Flag::text("grace", "DURATION", "How late a scheduled run may be before it is critical (default 1h)")
                .requires("schedule"),
            Flag::text("max_runtime", "DURATION", "How long a run begun with `hm ping --start` may take")
                .requires("schedule"),
            Flag::text("worker", "MONITOR", "The process monitor whose worker `hm heal` restarts when this goes stale"),
        ],
        examples: "Examples:\n  hm add heartbeat backup --warn 26h --crit 50h\n  \
                   hm add heartbeat spool --file /var/spool/job/last-run --warn 5m --crit 15m\n  \
                   hm add heartbeat nightly --schedule '0 2 * * *' --tz Europe/Berlin --grace 30m\n  \
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
    let schedule = schedule(c, raw);
    Some(Spec::Heartbeat(HeartbeatSpec { source, warn, crit, schedule }))
}

/// `schedule` with `tz`, `grace` and `max_runtime`: a cron expression
/// and the zone its times are in. `warn`/`crit` are for plain intervals,
/// and the other keys need a schedule.
fn schedule(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Box<Schedule>> {
    let Some(expr) = &raw.schedule else {
        for (key, given) in
            [("tz", raw.tz.is_some()), ("grace", raw.grace.is_some()), ("max_runtime", raw.max_runtime.is_some())]
        {
            if given {
                c.err(key, format!("`{key}` applies to a heartbeat with a `schedule`"));
            }
        }
        return None;
    };
    for key in ["warn", "crit"] {
        if (key == "warn" && raw.warn.is_some()) || (key == "crit" && raw.crit.is_some()) {
            c.err(key, format!("`{key}` is for a plain interval: a heartbeat with a `schedule` is late after `grace`"));
        }
    }
    let cron = match parse_cron(expr) {
        Ok(cron) => Some(cron),
        Err(e) => {
            c.err("schedule", e);
            None
        }
    };
    let zone = match raw.tz.as_deref().map(parse_zone) {
        None => Some(Zone::Local),
        Some(Ok(z)) => Some(z),
        Some(Err(e)) => {
            c.err("tz", e);
            None
        }
    };
    let grace = c.duration("grace", raw.grace.as_deref(), DEFAULT_GRACE);
    let max_runtime = raw.max_runtime.as_deref().map(|v| c.duration("max_runtime", Some(v), Duration::ZERO));
    if max_runtime == Some(Duration::ZERO) {
        c.err("max_runtime", "must be longer than 0s");
    }
    Some(Box::new(Schedule::new(expr, cron?, zone?, grace, max_runtime)))
}

/// How late a scheduled run may be, unless `grace` says (healthchecks.io's
/// default).
const DEFAULT_GRACE: Duration = Duration::from_secs(3600);

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
    let limits = match &h.schedule {
        Some(s) => {
            let zone = match s.zone {
                Zone::Local => String::new(),
                Zone::Named(z) => format!(" {z}"),
            };
            format!("schedule {}{zone} grace {}", s.expr, format_duration(s.grace))
        }
        None => format!("warn {} crit {}", format_duration(h.warn), format_duration(h.crit)),
    };
    (target, vec![Some(limits)])
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn issues(keys: &str) -> Vec<String> {
        let text = format!("[[monitor]]\nname = \"nightly\"\nkind = \"heartbeat\"\n{keys}\n");
        match Config::parse("hm.toml", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
        }
    }

    #[test]
    fn issue30_a_schedule_is_validated_with_its_zone_grace_and_runtime() {
        assert_eq!(
            issues("schedule = \"0 2 * * *\"\ntz = \"Europe/Berlin\"\ngrace = \"30m\"\nmax_runtime = \"2h\""),
            Vec::<String>::new()
        );
        assert_eq!(issues("schedule = \"@daily\""), Vec::<String>::new());
        let cases = [
            (
                "schedule = \"0 2 * 13 *\"",
                "hm.toml:4: monitor[nightly].schedule: `0 2 * 13 *`: field 4 (month) `13` is not valid",
            ),
            (
                "schedule = \"0 2 * * *\"\ntz = \"Mars/Olympus\"",
                "hm.toml:5: monitor[nightly].tz: unknown time zone `Mars/Olympus`",
            ),
            (
                "schedule = \"0 2 * * *\"\nwarn = \"1h\"",
                "hm.toml:5: monitor[nightly].warn: `warn` is for a plain interval",
            ),
            ("grace = \"30m\"", "hm.toml:4: monitor[nightly].grace: `grace` applies to a heartbeat with a `schedule`"),
            ("schedule = \"0 2 * * *\"\ngrace = \"forever\"", "hm.toml:5: monitor[nightly].grace:"),
        ];
        for (keys, want) in cases {
            let got = issues(keys);
            assert!(got.iter().any(|i| i.starts_with(want)), "{want}\nnot in {got:?}");
        }
    }
}
