//! The command line: global flags and one enum variant per subcommand.
//!
//! Only this module and `lib.rs` know about clap; commands receive plain
//! argument structs. `hm list/add/remove` are the short forms of
//! `hm monitor list/add/remove` and share their argument types.

mod add;
mod add_kind;
mod alerts;
mod help;
mod monitor;
mod parse;
mod view;

pub(crate) use add::AddArgs;
pub(crate) use alerts::{AlertsArgs, AlertsCommand, MaintenanceCommand};
use clap::{Args, Parser, Subcommand};
pub(crate) use monitor::{MonitorCommand, RemoveArgs};
pub(crate) use parse::{ErrorMode, Told, command, parse};
use std::path::PathBuf;
pub(crate) use view::{ExportArgs, HistoryArgs, RunArgs, ServeArgs};

/// hm: host health monitoring and self-healing.
#[derive(Debug, Parser)]
#[command(name = "hm", version, about, after_help = help::HM, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every subcommand takes.
#[derive(Debug, Args, Clone)]
pub(crate) struct GlobalArgs {
    /// Config file [env: HM_CONFIG] [default: $XDG_CONFIG_HOME/hm/hm.toml if
    /// set, else /etc/hm/hm.toml as root, else ~/.config/hm/hm.toml; the
    /// embedded host monitors when it does not exist]
    // HM_CONFIG is read by `hm::run`, not by clap: clap lists a flag its
    // environment set in every usage line, as if it were required.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database file [env: HM_DB] [default: `db` in the config, else
    /// $XDG_STATE_HOME/hm/hm.db if set, else /var/lib/hm/hm.db as root, else
    /// ~/.local/state/hm/hm.db]
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Print one JSON document on stdout instead of a table
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run monitors now, record the results, print them
    #[command(after_help = help::CHECK)]
    Check(CheckArgs),
    /// Check, apply the remedies the config allows, and check again
    #[command(after_help = help::HEAL)]
    Heal(HealArgs),
    /// Show the latest recorded result of each monitor
    #[command(after_help = help::STATUS)]
    Status(PoolArgs),
    /// Record a heartbeat (or a task's outcome) for a heartbeat monitor
    #[command(after_help = help::PING)]
    Ping(PingArgs),
    /// List, add or remove monitors in hm.toml
    #[command(subcommand)]
    Monitor(MonitorCommand),
    /// List monitors (short for `hm monitor list`)
    List,
    /// Add a monitor to hm.toml (short for `hm monitor add`)
    #[command(after_help = help::ADD)]
    Add(Box<AddArgs>),
    /// Remove a monitor from hm.toml (short for `hm monitor remove`)
    #[command(after_help = help::REMOVE)]
    Remove(RemoveArgs),
    /// Restart a process monitor's worker now and check that it runs
    #[command(after_help = help::RESTART_WORKER)]
    RestartWorker(RestartArgs),
    /// Stop a process monitor's worker and keep it down until hm start-worker
    #[command(after_help = help::STOP_WORKER)]
    StopWorker(HoldArgs),
    /// Start a stopped worker, check that it runs, and lift its hold
    #[command(after_help = help::START_WORKER)]
    StartWorker(HoldArgs),
    /// Delete old files by the [[clean]] rules of hm.toml, or in the given directories
    #[command(after_help = help::CLEAN_DISK)]
    CleanDisk(CleanDiskArgs),
    /// Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal
    #[command(after_help = help::CLEAR_LOCKS)]
    ClearLocks(ClearLocksArgs),
    /// Show open alerts; acknowledge, silence, test channels, see the outbox
    #[command(after_help = help::ALERTS)]
    Alerts(AlertsArgs),
    /// Print the latest state for Prometheus, Nagios or scripts
    #[command(after_help = help::EXPORT)]
    Export(ExportArgs),
    /// Show a monitor's recorded figures over time, with sparklines
    #[command(after_help = help::HISTORY)]
    History(HistoryArgs),
    /// Check (and heal, with --heal) every interval, in the foreground
    #[command(after_help = help::RUN)]
    Run(RunArgs),
    /// Run the check loop and serve /health, /ready, /metrics, /status and a dashboard
    #[command(after_help = help::SERVE)]
    Serve(ServeArgs),
    /// Show what hm changed on the host (remedies applied)
    #[command(after_help = help::ACTIONS)]
    Actions(ActionsArgs),
    /// Show why a worker died: cause, exit status or signal, OOM evidence, its log's tail
    #[command(after_help = help::WHY)]
    Why(WhyArgs),
    /// Check hm.toml and report every error with its line and field
    #[command(after_help = help::VALIDATE)]
    Validate,
    /// Print a shell completion script
    #[command(after_help = help::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the man page
    #[command(after_help = help::MAN)]
    Man(ManArgs),
    /// Print the monitor or channel names of the config in force, one a
    /// line: what the completion scripts offer after `hm why` and the like.
    #[command(name = "__names", hide = true)]
    Names(NamesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Only these monitors (default: all enabled ones)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    #[command(flatten)]
    pub pools: PoolArgs,
}

#[derive(Debug, Args)]
pub(crate) struct PoolArgs {
    /// Show each instance of a pool (instances = N) on its own row, not the pool's one row
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub(crate) struct HealArgs {
    /// Only these monitors (default: all enabled ones)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
    /// Show what would be done, do nothing: nothing is recorded and no alert is raised or sent
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct PingArgs {
    /// The heartbeat's name (a heartbeat monitor's name or its `ping`)
    pub name: String,
    /// The task succeeded (the default)
    #[arg(long, conflicts_with = "fail")]
    pub ok: bool,
    /// The task failed
    #[arg(long)]
    pub fail: bool,
    /// The task began: the ping that ends it (ok or --fail, without
    /// --duration) gets the time since as its duration
    #[arg(long, conflicts_with_all = ["ok", "fail", "duration"])]
    pub start: bool,
    /// How long the task took, e.g. 12.5 or 2m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration_arg)]
    pub duration: Option<std::time::Duration>,
    /// Record it even though no monitor reads this ping yet (without it,
    /// an unknown name is an error: a typo in a cron job shows at once)
    #[arg(long)]
    pub create: bool,
}

pub(crate) fn parse_duration_arg(s: &str) -> Result<std::time::Duration, String> {
    crate::units::parse_duration(s)
}

/// A duration that must be longer than zero (`--for` of a silence).
pub(crate) fn parse_positive_duration_arg(s: &str) -> Result<std::time::Duration, String> {
    match crate::units::parse_duration(s)? {
        d if d.is_zero() => Err(format!("`{s}` is no time at all: give a duration longer than zero")),
        d => Ok(d),
    }
}

/// The interval of `hm run`/`hm serve`: at least [`crate::config::MIN_INTERVAL`],
/// as in hm.toml (`--interval 0s` would be a busy loop).
pub(crate) fn parse_interval_arg(s: &str) -> Result<std::time::Duration, String> {
    match crate::units::parse_duration(s)? {
        d if d < crate::config::MIN_INTERVAL => {
            Err(format!("`{s}` is shorter than 100ms, the shortest interval (a shorter one is a busy loop)"))
        }
        d => Ok(d),
    }
}

#[derive(Debug, Args)]
pub(crate) struct CleanDiskArgs {
    /// Directories to clean instead of the configured rules
    #[arg(value_name = "PATH", conflicts_with = "rule")]
    pub paths: Vec<PathBuf>,
    /// Only this configured rule
    #[arg(long, value_name = "NAME")]
    pub rule: Option<String>,
    /// With PATHs: only files last modified longer ago than this
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration_arg, requires = "paths")]
    pub older_than: std::time::Duration,
    /// With PATHs: only file names matching this glob (repeatable; default: all)
    #[arg(long, value_name = "GLOB", requires = "paths")]
    pub glob: Vec<String>,
    /// List what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RestartArgs {
    /// The process monitor
    pub name: String,
    /// Show what would be done, do nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Reset the automatic restart budget (after a crash loop), then restart
    #[arg(long)]
    pub reset: bool,
    /// A pool's rolling restart: how many instances at a time, each batch verified before the next
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub parallel: u16,
}

#[derive(Debug, Args)]
pub(crate) struct HoldArgs {
    /// The process monitor
    pub name: String,
    /// Show what would be done, do nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ClearLocksArgs {
    /// SQLite database files (default: those of every sqlite monitor)
    #[arg(value_name = "DB")]
    pub paths: Vec<PathBuf>,
    /// Show what would be done, do nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ActionsArgs {
    /// How far back to look
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration_arg)]
    pub since: std::time::Duration,
}

#[derive(Debug, Args)]
pub(crate) struct WhyArgs {
    /// The monitor
    pub name: String,
    /// Every death kept (the history), newest first
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell
    #[arg(required_unless_present = "dir")]
    pub shell: Option<clap_complete::Shell>,
    /// Write the scripts for every shell into this directory
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct NamesArgs {
    /// Which names
    #[arg(value_enum)]
    pub set: NameSet,
}

/// The names a completion script can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum NameSet {
    /// Monitors, with each pool's name beside its instances'
    Monitors,
    /// `[[channel]]`s
    Channels,
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write hm.1 and one page per subcommand into this directory
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}
