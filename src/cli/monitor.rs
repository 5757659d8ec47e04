//! `hm monitor list|add|remove` (and the short forms `hm list|add|remove`).

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

pub(super) const ADD_EXAMPLES: &str = "\
Examples:
  hm add process api --pattern 'gunicorn.*api' --min 2
  hm add process web --pattern 'http\\.server 8765' --start 'python3 -m http.server 8765' --log /tmp/web.log
  hm add process api --pattern 'gunicorn.*api' --start 'cd /srv/api && exec bin/start' --shell
  hm add process nginx --process nginx --rss-warn 512MiB
  hm add process web --unit nginx.service
  hm add heartbeat backup --warn 26h --crit 50h
  hm add heartbeat spool --file /var/spool/job/last-run --warn 5m --crit 15m
  hm add disk data --path /data --warn 80 --crit 90";

#[derive(Debug, Subcommand)]
pub enum MonitorCommand {
    /// List configured and embedded monitors
    List,
    /// Add a monitor to hm.toml, keeping its comments and order
    #[command(after_help = ADD_EXAMPLES)]
    Add(Box<AddArgs>),
    /// Remove a monitor from hm.toml
    Remove(RemoveArgs),
}

/// The kinds `hm add` can create.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Cpu,
    Memory,
    Load,
    Disk,
    Process,
    Heartbeat,
}

impl KindArg {
    pub fn as_str(self) -> &'static str {
        match self {
            KindArg::Cpu => "cpu",
            KindArg::Memory => "memory",
            KindArg::Load => "load",
            KindArg::Disk => "disk",
            KindArg::Process => "process",
            KindArg::Heartbeat => "heartbeat",
        }
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The check kind
    pub kind: KindArg,
    /// The monitor's name: lower-case letters, digits, `_`, `.`, `-`
    pub name: String,
    /// process: regex over the full command line
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,
    /// process: exact process name
    #[arg(long, value_name = "NAME")]
    pub process: Option<String>,
    /// process: file holding the pid
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// process: systemd unit
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// process: minimum number running (default 1)
    #[arg(long)]
    pub min: Option<u32>,
    /// process: maximum number running
    #[arg(long)]
    pub max: Option<u32>,
    /// Warning threshold (a number, or a duration for heartbeat)
    #[arg(long, value_name = "VALUE")]
    pub warn: Option<String>,
    /// Critical threshold (a number, or a duration for heartbeat)
    #[arg(long, value_name = "VALUE")]
    pub crit: Option<String>,
    /// process: per-process CPU % warning level
    #[arg(long, value_name = "PERCENT")]
    pub cpu_warn: Option<f64>,
    /// process: per-process CPU % critical level
    #[arg(long, value_name = "PERCENT")]
    pub cpu_crit: Option<f64>,
    /// process: per-process resident memory warning level, e.g. 512MiB
    #[arg(long, value_name = "SIZE")]
    pub rss_warn: Option<String>,
    /// process: per-process resident memory critical level
    #[arg(long, value_name = "SIZE")]
    pub rss_crit: Option<String>,
    /// process: the command `hm heal` and `hm restart-worker` start the
    /// worker with, split into words like a shell would (quotes work; no
    /// pipes, `&&` or variables unless --shell)
    #[arg(long, value_name = "COMMAND", allow_hyphen_values = true)]
    pub start: Option<String>,
    /// process: the command that stops the worker (default: SIGTERM, then
    /// SIGKILL after `grace`)
    #[arg(long, value_name = "COMMAND", requires = "start", allow_hyphen_values = true)]
    pub stop: Option<String>,
    /// process: run --start and --stop with /bin/sh -c
    #[arg(long, requires = "start")]
    pub shell: bool,
    /// process: the file the started worker's stdout and stderr go to
    #[arg(long, value_name = "FILE", requires = "start")]
    pub log: Option<PathBuf>,
    /// heartbeat: a file whose modification time is the heartbeat
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// heartbeat: the `hm ping` name (default: the monitor's name)
    #[arg(long, value_name = "NAME")]
    pub ping: Option<String>,
    /// disk: only the filesystem holding this path
    #[arg(long, value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Check timeout, e.g. 10s
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// A note for people
    #[arg(long)]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The monitor to remove
    pub name: String,
}
