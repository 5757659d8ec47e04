//! The commands for looking: `export`, `history`, `run` and `serve`.

use crate::engine::report::Format;
use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

/// `hm export --format`: the one [`Format`] enum, as clap offers it (clap
/// stays in `cli/`). The match is exhaustive, so a new format cannot be
/// forgotten here; its entry in `value_variants` is what offers it.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Prometheus, Format::Json, Format::Nagios]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Format::Prometheus => {
                PossibleValue::new("prometheus").help("Prometheus text exposition (node_exporter's textfile collector)")
            }
            Format::Json => PossibleValue::new("json").help("The status snapshot as JSON"),
            Format::Nagios => {
                PossibleValue::new("nagios").help("One Nagios plugin line with perfdata; the exit code is the status")
            }
        })
    }
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Output format [default: prometheus, or json with --json]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_offered_by_its_json_name() {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .map(|f| f.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default())
            .collect();
        let json: Vec<String> = Format::value_variants()
            .iter()
            .map(|f| serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
            .collect();
        assert_eq!(names, ["prometheus", "json", "nagios"]);
        assert_eq!(names, json, "`--format NAME` and the report's `format` say the same word");
    }
}
