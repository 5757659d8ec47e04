//! `[[monitor]]` as written: every key of every kind, all optional, for
//! serde to read before `validate` checks which apply to the kind.

use super::model::NumOrText;
use serde::Deserialize;
use std::path::PathBuf;

/// One `[[monitor]]` table as written. Unknown keys are not refused by
/// serde but by `validate::keys`, which knows the monitor's kind: a
/// `pattern` on a `cpu` monitor is an error, not ignored, and is reported
/// alongside any type error.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct RawMonitor {
    pub name: String,
    pub kind: String,
    pub enabled: Option<bool>,
    /// What the monitor is for: hm reads it only to accept it.
    pub description: Option<String>,
    pub timeout: Option<String>,
    /// Overrides `[alerts] for`.
    #[serde(rename = "for")]
    pub for_checks: Option<u32>,
    /// Overrides `[alerts] cooldown`.
    pub cooldown: Option<String>,
    /// The monitors this one waits for (`config::validate_depends`).
    pub depends_on: Option<Vec<String>>,
    /// Override `[alerts] flap_high` and `flap_low`.
    pub flap_high: Option<f64>,
    pub flap_low: Option<f64>,
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
    pub user: Option<String>,
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
    /// heartbeat, tasks: the `process` monitor restarted when this is critical.
    pub worker: Option<String>,
    // process remedies
    pub start: Option<CommandLine>,
    pub stop: Option<CommandLine>,
    pub shell: Option<bool>,
    pub restart_delay: Option<String>,
    pub min_uptime: Option<String>,
    pub grace: Option<String>,
    pub max_restarts: Option<u32>,
    pub restart_window: Option<String>,
    pub log: Option<PathBuf>,
    pub heal: Option<bool>,
    // how a process monitor's worker is started
    pub group: Option<String>,
    pub cwd: Option<PathBuf>,
    pub env: Option<std::collections::BTreeMap<String, super::channels::Secret>>,
    pub umask: Option<NumOrText>,
    pub limits: Option<RawStartLimits>,
    // tmux
    pub session: Option<String>,
    pub socket: Option<PathBuf>,
    pub stuck_after: Option<String>,
    pub keys: Option<Vec<String>>,
    pub on_stuck: Option<CommandLine>,
    pub busy_if: Option<CommandLine>,
    pub settle: Option<String>,
    // sqlite
    pub quick_check: Option<bool>,
    pub lock_timeout: Option<String>,
    pub wal_warn: Option<NumOrText>,
    pub wal_crit: Option<NumOrText>,
    pub killable: Option<Vec<String>>,
    // every kind with metrics
    pub anomaly: Option<f64>,
    // disk forecast
    pub forecast_warn: Option<String>,
    pub forecast_crit: Option<String>,
    // http, tcp
    pub url: Option<String>,
    pub method: Option<String>,
    pub expect_status: Option<Vec<u16>>,
    pub contains: Option<String>,
    pub address: Option<String>,
    // command
    pub command: Option<CommandLine>,
    // workspace
    pub required: Option<Vec<PathBuf>>,
    pub writable: Option<bool>,
    // tasks
    pub window: Option<String>,
    pub error_warn: Option<f64>,
    pub error_crit: Option<f64>,
    pub expected: Option<String>,
    // gpu
    pub temp_warn: Option<f64>,
    pub temp_crit: Option<f64>,
    pub util_warn: Option<f64>,
    pub util_crit: Option<f64>,
    // heartbeat on a cron schedule (with `grace`)
    pub schedule: Option<String>,
    pub tz: Option<String>,
    pub max_runtime: Option<String>,
    // heartbeat from SQL
    pub database: Option<PathBuf>,
    pub query: Option<String>,
}

/// A command as written: an argv array, or one string for `sh -c` (only
/// with `shell = true`: no shell unless the config asks for one).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum CommandLine {
    Argv(Vec<String>),
    Line(String),
}

/// `limits = { nofile = N }` of a process monitor: the started worker's
/// resource limits.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStartLimits {
    pub nofile: Option<u64>,
}
