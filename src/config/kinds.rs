//! The resolved spec of each check kind, and of clean rules: what a
//! monitor of that kind watches and what may be done about it, with every
//! default filled in and every value checked.

use super::model::Limits;
use std::path::PathBuf;
use std::time::Duration;

/// A `disk` monitor: one path's filesystem, or every real filesystem.
#[derive(Debug, Clone)]
pub struct DiskSpec {
    pub path: Option<PathBuf>,
    /// Filesystem types to include beyond the real ones (e.g. `tmpfs`).
    pub fs_types: Vec<String>,
    pub space: Limits,
    pub inodes: Limits,
    /// When a filesystem is forecast to be full within these, it is warning / critical.
    pub forecast: Forecast,
}

/// Disk-full forecast levels (DESIGN.md: warn within 24 h, crit within 4 h).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Forecast {
    pub warn: Duration,
    pub crit: Duration,
}

impl Default for Forecast {
    fn default() -> Self {
        Forecast { warn: Duration::from_secs(24 * 3600), crit: Duration::from_secs(4 * 3600) }
    }
}

/// How a `process` monitor finds its processes.
#[derive(Debug, Clone)]
pub enum Matcher {
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
pub struct ProcessSpec {
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
}

/// A `process` monitor's `user`, resolved when the config is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunAs {
    pub name: String,
    pub uid: u32,
}

/// How a worker is restarted (`hm restart-worker`, `hm heal`).
#[derive(Debug, Clone)]
pub struct RestartSpec {
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
}

/// Through systemd, or by stopping and starting it ourselves.
#[derive(Debug, Clone)]
pub enum RestartHow {
    Unit(String),
    Commands { start: Vec<String>, stop: Option<Vec<String>> },
}

/// A `heartbeat` monitor: the age of a file's mtime or of the last `hm ping`.
#[derive(Debug, Clone)]
pub struct HeartbeatSpec {
    pub source: HeartbeatSource,
    pub warn: Duration,
    pub crit: Duration,
}

/// Where a heartbeat's timestamp comes from.
#[derive(Debug, Clone)]
pub enum HeartbeatSource {
    File(PathBuf),
    Ping(String),
    /// A query on an SQLite database returning one timestamp (Unix seconds
    /// or an SQLite date-time text).
    Sql {
        database: PathBuf,
        query: String,
    },
}

/// A clean-disk rule: delete regular files under `roots` whose name matches
/// one of `globs` and that were last modified longer ago than `older_than`.
#[derive(Debug, Clone)]
pub struct CleanRule {
    pub name: String,
    pub roots: Vec<PathBuf>,
    /// Patterns on the file name (not the path); empty means every file.
    pub globs: Vec<glob::Pattern>,
    pub older_than: Duration,
    /// Also `journalctl --vacuum-time` this (journal entries older than it go).
    pub journal_vacuum: Option<Duration>,
    /// Keep the matching files under this many bytes: past it, the oldest
    /// go even when younger than `older_than`.
    pub budget: Option<u64>,
}

/// A `tmux` monitor: sessions none of whose panes printed anything for
/// longer than `stuck_after` are stuck.
#[derive(Debug, Clone)]
pub struct TmuxSpec {
    /// One session, the sessions a glob matches (`worker-*`), or every
    /// session of the server.
    pub session: Option<String>,
    /// The server's socket (`tmux -S`); the default server otherwise.
    pub socket: Option<PathBuf>,
    pub stuck_after: Duration,
    /// The remedy: keys sent to a stuck session (tmux key names)...
    pub keys: Vec<String>,
    /// ...then this command, if any.
    pub on_stuck: Option<Vec<String>>,
    /// Whether `hm heal` may unstick it.
    pub heal: bool,
    /// How long to wait after the keys for the session to print again.
    pub settle: Duration,
    /// At most this many unsticks of one session within `window`, then give up
    /// (the keys process monitors budget restarts with).
    pub max_restarts: u32,
    pub window: Duration,
}

impl TmuxSpec {
    /// `tmux`, with `-S socket` when one is configured.
    pub fn tmux(&self, args: &[&str]) -> Vec<String> {
        let mut argv = vec!["tmux".to_string()];
        if let Some(s) = &self.socket {
            argv.push("-S".into());
            argv.push(s.display().to_string());
        }
        argv.extend(args.iter().map(|a| a.to_string()));
        argv
    }

    /// Whether this monitor watches the session `name`: every session, the
    /// one named, or those its glob matches (checked when the config loads).
    pub fn watches(&self, name: &str) -> bool {
        match self.session.as_deref() {
            None => true,
            Some(s) if is_glob(s) => glob::Pattern::new(s).is_ok_and(|p| p.matches(name)),
            Some(s) => s == name,
        }
    }

    /// The one session that must exist, when `session` names one (not a glob).
    pub fn one_session(&self) -> Option<&str> {
        self.session.as_deref().filter(|s| !is_glob(s))
    }
}

/// Whether a tmux `session` is a glob (`worker-*`) rather than a name.
pub fn is_glob(session: &str) -> bool {
    session.contains(['*', '?', '['])
}

/// A `sqlite` monitor: the database opens, takes a write lock in time, and
/// (when asked) passes `PRAGMA quick_check`.
#[derive(Debug, Clone)]
pub struct SqliteSpec {
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

/// Keys every monitor accepts.
pub const COMMON: &[&str] = &["name", "kind", "enabled", "description", "timeout", "for", "cooldown", "anomaly"];

/// The check kinds this build knows, with the keys each accepts.
pub const KINDS: &[(&str, &[&str])] = &[
    ("cpu", &["warn", "crit"]),
    ("memory", &["warn", "crit", "swap_warn", "swap_crit"]),
    ("load", &["warn", "crit"]),
    ("disk", &["warn", "crit", "inode_warn", "inode_crit", "path", "fs_types", "forecast_warn", "forecast_crit"]),
    (
        "process",
        &[
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
            "log",
            "heal",
        ],
    ),
    ("heartbeat", &["file", "ping", "database", "query", "warn", "crit", "worker"]),
    (
        "tmux",
        &[
            "session",
            "socket",
            "stuck_after",
            "keys",
            "on_stuck",
            "shell",
            "heal",
            "settle",
            "max_restarts",
            "restart_window",
        ],
    ),
    ("sqlite", &["path", "quick_check", "lock_timeout", "wal_warn", "wal_crit", "killable", "heal"]),
    ("http", &["url", "method", "expect_status", "contains", "warn", "crit"]),
    ("tcp", &["address", "warn", "crit"]),
    ("command", &["command", "shell"]),
    ("workspace", &["path", "warn", "crit", "required", "writable"]),
    ("tasks", &["ping", "window", "error_warn", "error_crit", "expected", "worker"]),
    ("gpu", &["warn", "crit", "temp_warn", "temp_crit", "util_warn", "util_crit"]),
];
