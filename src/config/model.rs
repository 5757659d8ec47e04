//! The shape of `hm.toml`, in two layers.
//!
//! `Raw*` structs are what serde reads: flat, every field optional, unknown
//! keys refused. They exist so that every typo is caught with its line. The
//! resolved types (`Settings`, `Monitor`, `Spec`) are what the rest of hm
//! uses: thresholds filled in from defaults, durations parsed, regexes
//! compiled, and only the fields that make sense for the monitor's kind.

use super::kinds;
pub(crate) use super::kinds::{
    COMMON, DiskSpec, HeartbeatSource, Matcher, ProcessSpec, RestartHow, RestartSpec, SqliteSpec, TaskPing, TmuxSpec,
};
pub(crate) use super::raw::*;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// A number, or a string with a unit (`"30s"`, `"512MiB"`): thresholds take
/// either, depending on the kind.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum NumOrText {
    /// A plain number.
    Num(f64),
    /// A number with a unit, parsed by the kind.
    Text(String),
}

/// Global settings: every top-level key of `hm.toml` except `[[monitor]]`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSettings {
    pub interval: Option<String>,
    pub retention: Option<String>,
    pub db: Option<PathBuf>,
    pub host_defaults: Option<bool>,
    pub thresholds: Option<RawThresholds>,
    pub alerts: Option<super::channels::RawAlerts>,
    pub serve: Option<RawServe>,
    pub otlp: Option<super::otlp::RawOtlp>,
}

/// `[serve]`: settings of `hm serve`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawServe {
    /// The bearer token that `POST /monitors/NAME/restart` needs (it
    /// also pings).
    pub token: Option<super::channels::Secret>,
    /// A bearer token that can only ping (`POST /ping/NAME`).
    pub ping_token: Option<super::channels::Secret>,
}

/// `[thresholds]`: overrides for the embedded host monitors.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThresholds {
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
pub(crate) struct Limits {
    /// Above this: warning.
    pub warn: Option<f64>,
    /// Above this: critical.
    pub crit: Option<f64>,
}

impl Limits {
    pub(crate) const fn new(warn: f64, crit: f64) -> Limits {
        Limits { warn: Some(warn), crit: Some(crit) }
    }
}

/// Resolved global settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
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
    /// `[alerts]`.
    pub alerts: super::channels::AlertSettings,
    /// `[serve] token`: without it, nothing that acts is served.
    pub serve_token: Option<super::channels::Secret>,
    /// `[serve] ping_token`: a token that can only ping.
    pub serve_ping_token: Option<super::channels::Secret>,
    /// `[otlp]`: where `hm run` and `hm serve` export; `None` without it.
    pub otlp: Option<super::otlp::OtlpSettings>,
}

/// Thresholds of the embedded host monitors (`[thresholds]` in hm.toml, README).
#[derive(Debug, Clone, Copy)]
pub(crate) struct HostThresholds {
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
            alerts: super::channels::AlertSettings::default(),
            serve_token: None,
            serve_ping_token: None,
            otlp: None,
        }
    }
}

/// Where a monitor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Origin {
    /// Written in hm.toml.
    Config,
    /// One of the embedded host monitors.
    Embedded,
}

/// A monitor ready to run.
#[derive(Debug, Clone)]
pub(crate) struct Monitor {
    pub name: String,
    pub origin: Origin,
    pub enabled: bool,
    pub timeout: Duration,
    /// This monitor's `for`, if it overrides `[alerts]`.
    pub for_checks: Option<u32>,
    /// This monitor's `cooldown`, if it overrides `[alerts]`.
    pub cooldown: Option<Duration>,
    /// This monitor's `flap_high`/`flap_low`, if either overrides `[alerts]`.
    pub flap: Option<super::channels::FlapLimits>,
    /// Flag figures this many deviations from their usual level (off when `None`).
    pub anomaly: Option<f64>,
    /// `heartbeat`, `tasks`, `http`, `tcp`, `command`, `sqlite`, `tmux`:
    /// the `process` monitor whose worker `hm heal` restarts when this one
    /// is critical (alive is not enough: a worker that stopped beating or
    /// answering is restarted too).
    pub worker: Option<String>,
    /// `depends_on`: the monitors this one waits for. While one of them
    /// is not ok, this one is neither alerted nor healed
    /// (`engine::depends`).
    pub depends_on: Vec<String>,
    pub spec: Spec,
}

impl Monitor {
    /// The kind's name, as written in the config and printed.
    pub(crate) fn kind(&self) -> &'static str {
        self.spec.kind()
    }
}

/// What a monitor watches, by kind: one variant per kind, its spec
/// defined by the kind's module in `config::kinds`, whose exhaustive
/// `kinds::of` says which kind each variant is.
#[derive(Debug, Clone)]
pub(crate) enum Spec {
    Cpu { limits: Limits },
    Memory { memory: Limits, swap: Limits },
    Load { limits: Limits },
    Disk(kinds::disk::DiskSpec),
    Process(Box<kinds::process::ProcessSpec>),
    Heartbeat(kinds::heartbeat::HeartbeatSpec),
    Tmux(kinds::tmux::TmuxSpec),
    Sqlite(kinds::sqlite::SqliteSpec),
    Http(Box<kinds::http::HttpSpec>),
    Tcp(kinds::tcp::TcpSpec),
    Command(kinds::command::CommandSpec),
    Workspace(kinds::workspace::WorkspaceSpec),
    Tasks(kinds::tasks::TasksSpec),
    Gpu(kinds::gpu::GpuSpec),
}

impl Spec {
    /// The kind's name, as written in the config and printed.
    pub(crate) fn kind(&self) -> &'static str {
        kinds::of(self).name
    }
}

/// A clean-disk rule: delete regular files under `roots` whose name matches
/// one of `globs` and that were last modified longer ago than `older_than`.
#[derive(Debug, Clone)]
pub(crate) struct CleanRule {
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

/// A `[[clean]]` rule as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClean {
    pub name: String,
    pub roots: Vec<PathBuf>,
    pub globs: Option<Vec<String>>,
    pub older_than: Option<String>,
    pub journal_vacuum: Option<String>,
    pub budget: Option<NumOrText>,
}
