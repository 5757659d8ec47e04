//! `hm add` flags of the kinds that read the host's own tables: `cpu`,
//! `memory`, `load`, `disk`, `process`, `heartbeat`. Each flag is a TOML key
//! of the kind (see its `keys` in `check::kinds`), with `_` written `-`.

use super::add::{CommonArgs, NAME_HELP};
use crate::config::NewMonitor;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(next_help_heading = "A cpu monitor")]
pub struct CpuArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Warning level, % of all CPUs (default 80, or [thresholds])
    #[arg(long, value_name = "PERCENT")]
    pub warn: Option<String>,
    /// Critical level, % (default 95)
    #[arg(long, value_name = "PERCENT")]
    pub crit: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl CpuArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("cpu", self.name);
        m.number("warn", self.warn).number("crit", self.crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A memory monitor")]
pub struct MemoryArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Warning level, % of memory used (default 90)
    #[arg(long, value_name = "PERCENT")]
    pub warn: Option<String>,
    /// Critical level, % (default 95)
    #[arg(long, value_name = "PERCENT")]
    pub crit: Option<String>,
    /// Swap warning level, %
    #[arg(long, value_name = "PERCENT")]
    pub swap_warn: Option<f64>,
    /// Swap critical level, %
    #[arg(long, value_name = "PERCENT")]
    pub swap_crit: Option<f64>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl MemoryArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("memory", self.name);
        m.number("warn", self.warn).number("crit", self.crit);
        m.number("swap_warn", self.swap_warn).number("swap_crit", self.swap_crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A load monitor")]
pub struct LoadArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Warning level, load per CPU (default 2)
    #[arg(long, value_name = "LOAD")]
    pub warn: Option<String>,
    /// Critical level, load per CPU (default 4)
    #[arg(long, value_name = "LOAD")]
    pub crit: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl LoadArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("load", self.name);
        m.number("warn", self.warn).number("crit", self.crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A disk monitor")]
pub struct DiskArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Only the filesystem holding this path (default: every real one)
    #[arg(long, value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Space warning level, % used (default 85)
    #[arg(long, value_name = "PERCENT")]
    pub warn: Option<String>,
    /// Space critical level, % (default 95)
    #[arg(long, value_name = "PERCENT")]
    pub crit: Option<String>,
    /// Inode warning level, %
    #[arg(long, value_name = "PERCENT")]
    pub inode_warn: Option<f64>,
    /// Inode critical level, %
    #[arg(long, value_name = "PERCENT")]
    pub inode_crit: Option<f64>,
    /// Also watch filesystems of this type, e.g. tmpfs (repeatable)
    #[arg(long, value_name = "TYPE")]
    pub fs_types: Vec<String>,
    /// Warning when forecast full within this (default 24h)
    #[arg(long, value_name = "DURATION")]
    pub forecast_warn: Option<String>,
    /// Critical when forecast full within this (default 4h)
    #[arg(long, value_name = "DURATION")]
    pub forecast_crit: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl DiskArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("disk", self.name);
        m.path("path", self.path).number("warn", self.warn).number("crit", self.crit);
        m.number("inode_warn", self.inode_warn).number("inode_crit", self.inode_crit).list("fs_types", self.fs_types);
        m.text("forecast_warn", self.forecast_warn).text("forecast_crit", self.forecast_crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A process monitor")]
pub struct ProcessArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Exact process name
    #[arg(long, value_name = "NAME")]
    pub process: Option<String>,
    /// Regex over the full command line
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,
    /// File holding the pid (believed only when root's; see SECURITY.md)
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// systemd unit
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only processes of this user count
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Minimum number running (default 1)
    #[arg(long)]
    pub min: Option<u32>,
    /// Maximum number running
    #[arg(long)]
    pub max: Option<u32>,
    /// Per-process CPU % (of one core) warning level
    #[arg(long, value_name = "PERCENT")]
    pub cpu_warn: Option<f64>,
    /// Per-process CPU % critical level
    #[arg(long, value_name = "PERCENT")]
    pub cpu_crit: Option<f64>,
    /// Per-process resident memory warning level, e.g. 512MiB
    #[arg(long, value_name = "SIZE")]
    pub rss_warn: Option<String>,
    /// Per-process resident memory critical level
    #[arg(long, value_name = "SIZE")]
    pub rss_crit: Option<String>,
    /// Zombie count warning level
    #[arg(long, value_name = "COUNT")]
    pub zombies_warn: Option<f64>,
    /// Zombie count critical level
    #[arg(long, value_name = "COUNT")]
    pub zombies_crit: Option<f64>,
    /// The command `hm heal` and `hm restart-worker` start the worker with,
    /// split into words like a shell would (quotes work; no pipes, `&&` or
    /// variables unless --shell)
    #[arg(long, value_name = "COMMAND", allow_hyphen_values = true)]
    pub start: Option<String>,
    /// The command that stops the worker (default: SIGTERM, then SIGKILL
    /// after --grace)
    #[arg(long, value_name = "COMMAND", requires = "start", allow_hyphen_values = true)]
    pub stop: Option<String>,
    /// Run --start and --stop with /bin/sh -c
    #[arg(long, requires = "start")]
    pub shell: bool,
    /// The file the started worker's stdout and stderr go to
    #[arg(long, value_name = "FILE", requires = "start")]
    pub log: Option<PathBuf>,
    /// Wait this long after starting before checking it runs (default 1s)
    #[arg(long, value_name = "DURATION")]
    pub restart_delay: Option<String>,
    /// Between SIGTERM and SIGKILL (default 10s)
    #[arg(long, value_name = "DURATION")]
    pub grace: Option<String>,
    /// At most this many restarts within --restart-window (default 5)
    #[arg(long, value_name = "N")]
    pub max_restarts: Option<u32>,
    /// The window --max-restarts counts in (default 30m)
    #[arg(long, value_name = "DURATION")]
    pub restart_window: Option<String>,
    /// false: `hm heal` never restarts it
    #[arg(long, value_name = "BOOL")]
    pub heal: Option<bool>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl ProcessArgs {
    pub(super) fn monitor(self) -> anyhow::Result<NewMonitor> {
        let mut m = NewMonitor::new("process", self.name);
        m.text("process", self.process).text("pattern", self.pattern).path("pidfile", self.pidfile);
        m.text("unit", self.unit).text("user", self.user).number("min", self.min).number("max", self.max);
        m.number("cpu_warn", self.cpu_warn).number("cpu_crit", self.cpu_crit);
        m.number("rss_warn", self.rss_warn).number("rss_crit", self.rss_crit);
        m.number("zombies_warn", self.zombies_warn).number("zombies_crit", self.zombies_crit);
        m.command_line("start", self.start, self.shell)?.command_line("stop", self.stop, self.shell)?;
        m.switch("shell", self.shell).path("log", self.log);
        m.text("restart_delay", self.restart_delay).text("grace", self.grace);
        m.number("max_restarts", self.max_restarts).text("restart_window", self.restart_window);
        m.boolean("heal", self.heal);
        self.common.write(&mut m);
        Ok(m)
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A heartbeat monitor")]
pub struct HeartbeatArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// A file whose modification time is the heartbeat
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The `hm ping` name (default: the monitor's name)
    #[arg(long, value_name = "NAME")]
    pub ping: Option<String>,
    /// An SQLite file whose --query gives the heartbeat's time
    #[arg(long, value_name = "FILE")]
    pub database: Option<PathBuf>,
    /// A query returning one timestamp (Unix seconds or SQLite date-time)
    #[arg(long, value_name = "SQL")]
    pub query: Option<String>,
    /// Warning age, e.g. 26h (default 30s)
    #[arg(long, value_name = "DURATION")]
    pub warn: Option<String>,
    /// Critical age (default 60s)
    #[arg(long, value_name = "DURATION")]
    pub crit: Option<String>,
    /// The process monitor whose worker `hm heal` restarts when this goes stale
    #[arg(long, value_name = "MONITOR")]
    pub worker: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl HeartbeatArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("heartbeat", self.name);
        m.path("file", self.file).text("ping", self.ping).path("database", self.database).text("query", self.query);
        m.number("warn", self.warn).number("crit", self.crit).text("worker", self.worker);
        self.common.write(&mut m);
        m
    }
}
