//! The commands for looking: `export`, `history`, `run` and `serve`.

use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

/// The formats of `hm export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    /// Prometheus text exposition (node_exporter's textfile collector)
    Prometheus,
    /// The status snapshot as JSON
    Json,
    /// One Nagios plugin line with perfdata; the exit code is the status
    Nagios,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Output format [default: prometheus, or json with --json]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this file atomically (temp file + rename) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    /// The monitor
    pub name: String,
    /// Only this metric (default: all of the monitor's)
    #[arg(long, value_name = "NAME")]
    pub metric: Option<String>,
    /// How far back
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = super::parse_duration_arg)]
    pub since: Duration,
    /// At most this many points per metric (averaged over equal time buckets)
    #[arg(long, value_name = "N")]
    pub points: Option<usize>,
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// Time between the starts of two cycles, at least 100ms [default: `interval` in hm.toml, else 30s]
    #[arg(long, value_name = "DURATION", value_parser = super::parse_interval_arg)]
    pub interval: Option<Duration>,
    /// Heal as well as check (`hm heal` each cycle)
    #[arg(long)]
    pub heal: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9184")]
    pub listen: String,
    #[command(flatten)]
    pub run: RunArgs,
}
