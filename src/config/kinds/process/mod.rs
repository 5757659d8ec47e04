//! The `process` kind: workers found by name, command line, pidfile or
//! systemd unit, and how `hm heal` may restart them. The spec, its keys
//! and `hm add` flags, and its description are here; validation in
//! `validate.rs`, the check in `check::kinds::process`.

mod launch;
mod validate;

pub(crate) use launch::LaunchSpec;

use super::{AddHelp, Described, Flag, Kind, limits_text, num};
use crate::config::{Limits, Spec};
use crate::units::format_bytes;
use std::path::PathBuf;
use std::time::Duration;

/// How a `process` monitor finds its processes.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    /// Exact process name (comm, or the base name of argv\[0\]).
    Name(String),
    /// Regex over the whole command line, arguments joined by spaces;
    /// checked for syntax here, compiled with all the run's other patterns
    /// into one set (see `check::patterns`).
    Pattern(String),
    /// The pid written in a file, believed only when the file is trusted
    /// (see `check::pidfile`) and, if `is` is given, only when that process
    /// also has this name or matches this pattern.
    Pidfile { path: PathBuf, is: Option<Box<Matcher>> },
    /// The processes of a systemd unit.
    Unit(String),
}

/// A `process` monitor.
#[derive(Debug, Clone)]
pub(crate) struct ProcessSpec {
    pub matcher: Matcher,
    /// Only processes running as this user count (real and effective
    /// uid); their pidfile may belong to this user too.
    pub user: Option<RunAs>,
    pub min: u32,
    pub max: Option<u32>,
    /// Per-process CPU % (of one core).
    pub cpu: Limits,
    /// Per-process resident memory, bytes.
    pub rss: Limits,
    /// Zombie count among the matched processes.
    pub zombies: Limits,
    /// How to restart the worker, when the config allows it.
    pub restart: Option<RestartSpec>,
    /// A worker that dies sooner after its start is in a crash loop
    /// (the cause of its death, and its restart's backoff).
    pub min_uptime: Duration,
}

/// A `process` monitor's `user`, resolved when the config is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RunAs {
    pub name: String,
    pub uid: u32,
}

/// How a worker is restarted (`hm restart-worker`, `hm heal`).
#[derive(Debug, Clone)]
pub(crate) struct RestartSpec {
    pub how: RestartHow,
    /// Wait this long after starting before verifying it runs; also the
    /// base of the backoff between automatic attempts.
    pub delay: Duration,
    /// Between SIGTERM and SIGKILL.
    pub grace: Duration,
    /// At most this many restarts within `window`, then give up.
    pub max_restarts: u32,
    pub window: Duration,
    /// Where a started worker's stdout and stderr go (appended).
    pub log: Option<PathBuf>,
    /// As which user, where, with what environment and limits.
    pub(crate) launch: LaunchSpec,
}

/// Through systemd, or by stopping and starting it ourselves.
#[derive(Debug, Clone)]
pub(crate) enum RestartHow {
    Unit(String),
    Commands { start: Vec<String>, stop: Option<Vec<String>> },
}

/// Default restart settings (like systemd's StartLimitBurst=5 in 30 min).
pub(crate) const DEFAULT_RESTART_DELAY: Duration = Duration::from_secs(1);
/// Default `min_uptime`, like supervisord's `startsecs`, longer.
pub(crate) const DEFAULT_MIN_UPTIME: Duration = Duration::from_secs(60);
pub(crate) const DEFAULT_GRACE: Duration = Duration::from_secs(10);
pub(crate) const DEFAULT_MAX_RESTARTS: u32 = 5;
pub(crate) const DEFAULT_RESTART_WINDOW: Duration = Duration::from_secs(30 * 60);

pub(crate) static KIND: Kind = Kind {
    name: "process",
    keys: &[
        "process",
        "pattern",
        "pidfile",
        "unit",
        "user",
        "min",
        "max",
        "cpu_warn",
        "cpu_crit",
        "rss_warn",
        "rss_crit",
        "zombies_warn",
        "zombies_crit",
        "start",
        "stop",
        "shell",
        "restart_delay",
        "grace",
        "max_restarts",
        "restart_window",
        "min_uptime",
        "log",
        "heal",
        "group",
        "cwd",
        "env",
        "umask",
        "limits",
    ],
    add: AddHelp {
        about: "Processes by name, command line, pidfile or systemd unit; restarts them",
        heading: "A process monitor",
        flags: &[
            Flag::text("process", "NAME", "Exact process name"),
            Flag::text("pattern", "REGEX", "Regex over the full command line"),
            Flag::path("pidfile", "FILE", "File holding the pid (believed only when root's; see SECURITY.md)"),
            Flag::text("unit", "UNIT", "systemd unit"),
            Flag::text("user", "USER", "Only processes of this user count; with --start, it starts as this user"),
            Flag::count("min", "MIN", "Minimum number running (default 1)"),
            Flag::count("max", "MAX", "Maximum number running"),
            Flag::float("cpu_warn", "PERCENT", "Per-process CPU % (of one core) warning level"),
            Flag::float("cpu_crit", "PERCENT", "Per-process CPU % critical level"),
            Flag::number("rss_warn", "SIZE", "Per-process resident memory warning level, e.g. 512MiB"),
            Flag::number("rss_crit", "SIZE", "Per-process resident memory critical level"),
            Flag::float("zombies_warn", "COUNT", "Zombie count warning level"),
            Flag::float("zombies_crit", "COUNT", "Zombie count critical level"),
            Flag::command_line(
                "start",
                "The command `hm heal` and `hm restart-worker` start the worker with, split into words \
                 like a shell would (quotes work; no pipes, `&&` or variables unless --shell)",
            ),
            Flag::command_line(
                "stop",
                "The command that stops the worker (default: SIGTERM, then SIGKILL after --grace)",
            )
            .requires("start"),
            Flag::switch("shell", "Run --start and --stop with /bin/sh -c").requires("start"),
            Flag::path("log", "FILE", "The file the started worker's stdout and stderr go to").requires("start"),
            Flag::text(
                "restart_delay",
                "DURATION",
                "Wait this long after starting before checking it runs (default 1s)",
            ),
            Flag::text("grace", "DURATION", "Between SIGTERM and SIGKILL (default 10s)"),
            Flag::count("max_restarts", "N", "At most this many restarts within --restart-window (default 5)"),
            Flag::text("restart_window", "DURATION", "The window --max-restarts counts in (default 30m)"),
            Flag::text(
                "min_uptime",
                "DURATION",
                "A worker that dies sooner after its start is in a crash loop; one that ran longer is restarted \
                 after --restart-delay, without the doubling backoff. A check with `worker` naming it waits this \
                 long after a restart before restarting it again, unless that check has passed since (default 60s)",
            ),
            Flag::boolean("heal", "false: `hm heal` never restarts it"),
            Flag::text("group", "GROUP", "Start the worker with this primary group (needs --user)").requires("start"),
            Flag::path("cwd", "DIR", "The directory the worker starts in (absolute)").requires("start"),
            Flag::text("umask", "OCTAL", "The started worker's umask, e.g. 027").requires("start"),
        ],
        examples: "Examples:\n  hm add process api --pattern 'gunicorn.*api' --min 2\n  \
                   hm add process web --pattern 'http\\.server 8765' --start 'python3 -m http.server 8765' --log /tmp/web.log\n  \
                   hm add process api --pattern 'gunicorn.*api' --start 'cd /srv/api && exec bin/start' --shell\n  \
                   hm add process nginx --process nginx --rss-warn 512MiB\n  \
                   hm add process web --unit nginx.service",
    },
    validate: |c, raw, _| Some(Spec::Process(Box::new(validate::process(c, raw)?))),
};

pub(super) fn describe(p: &ProcessSpec) -> Described {
    let target = match &p.matcher {
        Matcher::Name(n) => format!("process {n}"),
        Matcher::Pattern(re) => format!("pattern {re}"),
        Matcher::Pidfile { path, is: None } => format!("pidfile {}", path.display()),
        Matcher::Pidfile { path, is: Some(is) } => match is.as_ref() {
            Matcher::Name(n) => format!("pidfile {} (process {n})", path.display()),
            Matcher::Pattern(re) => format!("pidfile {} (pattern {re})", path.display()),
            _ => format!("pidfile {}", path.display()),
        },
        Matcher::Unit(u) => format!("unit {u}"),
    };
    let count = match p.max {
        Some(max) => format!("min {} max {max}", p.min),
        None => format!("min {}", p.min),
    };
    (target, vec![Some(count), limits_text("cpu_", p.cpu, num), limits_text("rss_", p.rss, format_bytes)])
}
