//! The shape of `hm.toml`, in two layers.
//!
//! `Raw*` structs are what serde reads: flat, every field optional, unknown
//! keys refused. They exist so that every typo is caught with its line. The
//! resolved types (`Settings`, `Monitor`, `Spec`) are what the rest of hm
//! uses: thresholds filled in from defaults, durations parsed, regexes
//! compiled, and only the fields that make sense for the monitor's kind.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// A number, or a string with a unit (`"30s"`, `"512MiB"`): thresholds take
/// either, depending on the kind.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum NumOrText {
    /// A plain number.
    Num(f64),
    /// A number with a unit, parsed by the kind.
    Text(String),
}

/// Global settings: every top-level key of `hm.toml` except `[[monitor]]`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    pub interval: Option<String>,
    pub retention: Option<String>,
    pub db: Option<PathBuf>,
    pub host_defaults: Option<bool>,
    pub thresholds: Option<RawThresholds>,
}

/// `[thresholds]`: overrides for the embedded host monitors.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    pub cpu: Option<Limits>,
    pub memory: Option<Limits>,
    pub swap: Option<Limits>,
    pub load: Option<Limits>,
    pub disk: Option<Limits>,
    pub inodes: Option<Limits>,
}

/// A warning and a critical level; a value *above* a level crosses it.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Above this: warning.
    pub warn: Option<f64>,
    /// Above this: critical.
    pub crit: Option<f64>,
}

impl Limits {
    pub const fn new(warn: f64, crit: f64) -> Limits {
        Limits { warn: Some(warn), crit: Some(crit) }
    }
}

/// One `[[monitor]]` table as written. Unknown keys are not refused by
/// serde but by `validate::keys`, which knows the monitor's kind: a
/// `pattern` on a `cpu` monitor is an error, not ignored, and is reported
/// alongside any type error.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct RawMonitor {
    pub name: String,
    pub kind: String,
    pub enabled: Option<bool>,
    pub description: Option<String>,
    pub timeout: Option<String>,
    pub warn: Option<NumOrText>,
    pub crit: Option<NumOrText>,
    // memory
    pub swap_warn: Option<f64>,
    pub swap_crit: Option<f64>,
    // disk
    pub inode_warn: Option<f64>,
    pub inode_crit: Option<f64>,
    pub path: Option<PathBuf>,
    pub fs_types: Option<Vec<String>>,
    // process
    pub process: Option<String>,
    pub pattern: Option<String>,
    pub pidfile: Option<PathBuf>,
    pub unit: Option<String>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub cpu_warn: Option<f64>,
    pub cpu_crit: Option<f64>,
    pub rss_warn: Option<NumOrText>,
    pub rss_crit: Option<NumOrText>,
    pub zombies_warn: Option<f64>,
    pub zombies_crit: Option<f64>,
    // heartbeat
    pub file: Option<PathBuf>,
    pub ping: Option<String>,
    // process remedies
    pub start: Option<CommandLine>,
    pub stop: Option<CommandLine>,
    pub shell: Option<bool>,
    pub restart_delay: Option<String>,
    pub grace: Option<String>,
    pub max_restarts: Option<u32>,
    pub restart_window: Option<String>,
    pub log: Option<PathBuf>,
    pub heal: Option<bool>,
    // tmux
    pub session: Option<String>,
    pub socket: Option<PathBuf>,
    pub stuck_after: Option<String>,
    pub keys: Option<Vec<String>>,
    pub on_stuck: Option<CommandLine>,
    // sqlite
    pub quick_check: Option<bool>,
    pub lock_timeout: Option<String>,
    pub wal_warn: Option<NumOrText>,
    pub wal_crit: Option<NumOrText>,
    pub killable: Option<Vec<String>>,
}

/// A command as written: an argv array, or one string for `sh -c` (only
/// with `shell = true`: no shell unless the config asks for one).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum CommandLine {
    Argv(Vec<String>),
    Line(String),
}

/// Resolved global settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How often `hm run` checks.
    pub interval: Duration,
    /// How long history is kept.
    pub retention: Duration,
    /// Database path from the config, if any.
    pub db: Option<PathBuf>,
    /// Whether the embedded host monitors are added to the configured ones.
    pub host_defaults: bool,
    /// Thresholds for the embedded host monitors.
    pub thresholds: HostThresholds,
}

/// Thresholds of the embedded host monitors (DESIGN.md's defaults).
#[derive(Debug, Clone, Copy)]
pub struct HostThresholds {
    pub cpu: Limits,
    pub memory: Limits,
    pub swap: Limits,
    pub load: Limits,
    pub disk: Limits,
    pub inodes: Limits,
}

impl Default for HostThresholds {
    fn default() -> Self {
        HostThresholds {
            cpu: Limits::new(80.0, 95.0),
            memory: Limits::new(90.0, 95.0),
            swap: Limits::new(90.0, 95.0),
            load: Limits::new(2.0, 4.0),
            disk: Limits::new(85.0, 95.0),
            inodes: Limits::new(85.0, 95.0),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            interval: Duration::from_secs(30),
            retention: Duration::from_secs(7 * 86_400),
            db: None,
            host_defaults: true,
            thresholds: HostThresholds::default(),
        }
    }
}

/// Where a monitor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Written in hm.toml.
    Config,
    /// One of the embedded host monitors.
    Default,
}

/// A monitor ready to run.
#[derive(Debug, Clone)]
pub struct Monitor {
    pub name: String,
    pub origin: Origin,
    pub enabled: bool,
    pub timeout: Duration,
    pub spec: Spec,
}

impl Monitor {
    /// The kind's name, as written in the config and printed.
    pub fn kind(&self) -> &'static str {
        self.spec.kind()
    }
}

/// What a monitor watches, by kind.
#[derive(Debug, Clone)]
pub enum Spec {
    Cpu { limits: Limits },
    Memory { memory: Limits, swap: Limits },
    Load { limits: Limits },
    Disk(DiskSpec),
    Process(Box<ProcessSpec>),
    Heartbeat(HeartbeatSpec),
    Tmux(TmuxSpec),
    Sqlite(SqliteSpec),
}

impl Spec {
    pub fn kind(&self) -> &'static str {
        match self {
            Spec::Cpu { .. } => "cpu",
            Spec::Memory { .. } => "memory",
            Spec::Load { .. } => "load",
            Spec::Disk(_) => "disk",
            Spec::Process(_) => "process",
            Spec::Heartbeat(_) => "heartbeat",
            Spec::Tmux(_) => "tmux",
            Spec::Sqlite(_) => "sqlite",
        }
    }
}

/// A `disk` monitor: one path's filesystem, or every real filesystem.
#[derive(Debug, Clone)]
pub struct DiskSpec {
    pub path: Option<PathBuf>,
    /// Filesystem types to include beyond the real ones (e.g. `tmpfs`).
    pub fs_types: Vec<String>,
    pub space: Limits,
    pub inodes: Limits,
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
    /// The pid written in a file.
    Pidfile(PathBuf),
    /// The processes of a systemd unit.
    Unit(String),
}

/// A `process` monitor.
#[derive(Debug, Clone)]
pub struct ProcessSpec {
    pub matcher: Matcher,
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
}

/// A `[[clean]]` rule as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawClean {
    pub name: String,
    pub roots: Vec<PathBuf>,
    pub globs: Option<Vec<String>>,
    pub older_than: Option<String>,
    pub journal_vacuum: Option<String>,
    pub budget: Option<NumOrText>,
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

/// A `tmux` monitor: sessions idle longer than `stuck_after` are stuck.
#[derive(Debug, Clone)]
pub struct TmuxSpec {
    /// One session, or every session of the server.
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
