//! The reports of the commands that read or change the config, and of
//! `hm ping` and `hm export`.

use super::query::StatusReport;
use crate::config::{ConfigIssue, Origin};
use serde::Serialize;
use std::path::PathBuf;

/// One monitor as listed.
#[derive(Debug, Serialize)]
pub(crate) struct MonitorRow {
    pub name: String,
    pub kind: String,
    /// `config` (hm.toml) or `default` (embedded host monitor).
    pub origin: Origin,
    pub enabled: bool,
    /// What it watches, e.g. `pattern gunicorn.*api`.
    pub target: String,
    /// Its thresholds, e.g. `warn 80 crit 95`.
    pub thresholds: String,
}

/// The result of `hm monitor list`.
#[derive(Debug, Serialize)]
pub(crate) struct MonitorList {
    /// The config file read; null when running on the embedded defaults.
    pub config: Option<PathBuf>,
    pub monitors: Vec<MonitorRow>,
}

/// The result of `hm monitor add/remove`.
#[derive(Debug, Serialize)]
pub(crate) struct MonitorChange {
    /// `added` or `removed`.
    pub action: String,
    pub name: String,
    /// The file changed.
    pub config: PathBuf,
}

/// The result of `hm validate`.
#[derive(Debug, Serialize)]
pub(crate) struct ValidateReport {
    /// The file checked; null when none exists and the embedded defaults apply.
    pub config: Option<PathBuf>,
    /// Where hm looks for its config (the file checked, or the one that
    /// `hm add` would create).
    pub path: PathBuf,
    /// Whether it is valid.
    pub valid: bool,
    /// How many monitors it defines (embedded ones included).
    pub monitors: usize,
    /// Every problem found.
    pub errors: Vec<ConfigIssue>,
    /// What is valid but will not work as things stand here: a secret
    /// read from an environment variable that is not set. The
    /// service's environment may differ from this shell's, so these do
    /// not make the file invalid.
    pub warnings: Vec<String>,
}

/// The result of `hm ping`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct PingReport {
    /// The heartbeat's name.
    pub name: String,
    /// Whether the run succeeded (true for a start).
    pub ok: bool,
    /// A start: the run began (`hm ping --start`, `POST /ping/NAME/start`);
    /// the ok or fail that ends it gets the time since as its duration.
    pub start: bool,
    /// The run's duration, milliseconds, if given.
    pub duration_ms: Option<f64>,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    /// The heartbeat monitor reading this ping, if one is configured.
    pub monitor: Option<String>,
}

/// The formats `hm export` writes: the one enum of them, for the report,
/// the command line (`cli/view.rs` gives it to clap) and the renderer
/// (`output::render`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    Prometheus,
    Json,
    Nagios,
}

/// What `hm export` produced.
#[derive(Debug, Serialize)]
pub(crate) struct ExportReport {
    pub format: Format,
    /// The file written, when `--output` named one.
    pub output: Option<PathBuf>,
    /// Bytes written to `output`.
    pub bytes: Option<usize>,
    /// The state exported.
    #[serde(flatten)]
    pub snapshot: StatusReport,
}
