//! The command line: global flags and one enum variant per subcommand.
//!
//! Only this module and `lib.rs` know about clap; commands receive plain
//! argument structs. `hm list/add/remove` are the short forms of
//! `hm monitor list/add/remove` and share their argument types.

mod add;
mod add_kind;
mod alerts;
mod monitor;
mod view;

use add::ADD_EXAMPLES;
pub(crate) use add::AddArgs;
pub(crate) use alerts::{AlertsArgs, AlertsCommand};
use clap::{Args, Parser, Subcommand};
pub(crate) use monitor::{MonitorCommand, RemoveArgs};
use std::path::PathBuf;
pub(crate) use view::{ExportArgs, FormatArg, HistoryArgs, RunArgs, ServeArgs};

const EXAMPLES: &str = "\
Examples:
  hm check                         run every monitor, print a table
  hm check --json | jq .status     the same as one JSON document
  hm check api disk                only the named monitors
  hm add process api --pattern 'gunicorn.*api' --min 2
  hm ping nightly-backup           record a heartbeat from a job
  hm status                        latest result of each monitor

Exit codes (check, status): 0 ok, 1 warning, 2 critical, 3 unknown or error.
Other commands: 0 success, 1 failure, 2 usage error.";

/// hm: host health monitoring and self-healing.
#[derive(Debug, Parser)]
#[command(name = "hm", version, about, after_help = EXAMPLES, propagate_version = true)]
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
    #[command(
        after_help = "Examples:\n  hm check\n  hm check --json | jq '.results[] | select(.status != \"ok\")'\n  hm check api worker --config /etc/hm/hm.toml\n\nExit code: the worst status (0 ok, 1 warning, 2 critical, 3 unknown)."
    )]
    Check(CheckArgs),
    /// Check, apply the remedies the config allows, and check again
    #[command(
        after_help = "Examples:\n  hm heal --dry-run            what would be done\n  hm heal                      restart dead workers, clean full disks\n  hm heal api --json\n\nExit code: the worst status after healing (0 ok, 1 warning, 2 critical, 3 unknown).\nA second heal started while one runs waits 2 s, then exits 3."
    )]
    Heal(HealArgs),
    /// Show the latest recorded result of each monitor
    #[command(
        after_help = "Examples:\n  hm status\n  hm status --json | jq -r '.monitors[] | \"\\(.monitor) \\(.status)\"'\n  hm status --all      each instance of a pool on its own row\n\nExit code: the worst latest status; 3 for a monitor never checked."
    )]
    Status(PoolArgs),
    /// Record a heartbeat (or a task's outcome) for a heartbeat monitor
    #[command(
        after_help = "Examples:\n  backup.sh && hm ping backup\n  hm ping etl --fail --duration 12.5\n  hm ping etl --start; etl.sh && hm ping etl || hm ping etl --fail   (duration since the start)"
    )]
    Ping(PingArgs),
    /// List, add or remove monitors in hm.toml
    #[command(subcommand)]
    Monitor(MonitorCommand),
    /// List monitors (short for `hm monitor list`)
    List,
    /// Add a monitor to hm.toml (short for `hm monitor add`)
    #[command(after_help = ADD_EXAMPLES)]
    Add(Box<AddArgs>),
    /// Remove a monitor from hm.toml (short for `hm monitor remove`)
    #[command(after_help = "Example:\n  hm remove api")]
    Remove(RemoveArgs),
    /// Restart a process monitor's worker now and check that it runs
    #[command(
        after_help = "Examples:\n  hm restart-worker api --dry-run\n  hm restart-worker api\n  hm restart-worker api --reset      clear the automatic restart budget too\n  hm restart-worker api@7            one instance of a pool\n  hm restart-worker api --parallel 4 a pool's rolling restart, 4 at a time\n\nA pool (instances = N) named without its @i is restarted instance by instance,\neach batch verified running before the next; the first that fails stops the roll.\n\nA restart asked for here (or over HTTP) is recorded as manual: it is never held\nback by the automatic budget (max_restarts in restart_window, and the backoff)\nand does not use it up; `hm heal` counts only its own restarts.\nIts intent is recorded first: when hm cannot record it, nothing is done.\n\nExit code: 0 restarted, 1 failed (the roll's failed instance named), interrupted or not recorded."
    )]
    RestartWorker(RestartArgs),
    /// Stop a process monitor's worker and keep it down until hm start-worker
    #[command(
        after_help = "Examples:\n  hm stop-worker api --dry-run\n  hm stop-worker api\n  hm stop-worker api --json | jq .outcome\n\nThe worker is held down: neither hm heal, hm run --heal nor the watcher restarts\nit, and it raises no alert (nor do the monitors that name it as their worker).\n`hm status` shows it `stopped`, with who stopped it and when; the hold is kept in\nthe database, so it outlives hm restarts. Recorded in hm actions, intent first.\n\nExit code: 0 stopped, 1 when something still runs or it was not recorded."
    )]
    StopWorker(HoldArgs),
    /// Start a stopped worker, check that it runs, and lift its hold
    #[command(
        after_help = "Examples:\n  hm start-worker api --dry-run\n  hm start-worker api\n\nA worker already running is left as it is; its hold is lifted all the same.\nRecorded in hm actions, intent first.\n\nExit code: 0 started, 1 failed or not recorded."
    )]
    StartWorker(HoldArgs),
    /// Delete old files by the [[clean]] rules of hm.toml, or in the given directories
    #[command(
        after_help = "Examples:\n  hm clean-disk --dry-run                        what the configured rules would delete\n  hm clean-disk --rule app-logs\n  hm clean-disk /srv/app/tmp --older-than 3d --glob '*.tmp'\n\nOnly regular files are deleted; symlinks are never followed or removed, and\n/ and system directories are refused. Every real run is recorded (hm actions)."
    )]
    CleanDisk(CleanDiskArgs),
    /// Free stuck SQLite databases: checkpoint the WAL, roll back a hot journal
    #[command(
        after_help = "Examples:\n  hm clear-locks /srv/app/app.db --dry-run\n  hm clear-locks /srv/app/app.db /srv/app/jobs.db\n  hm clear-locks                    every sqlite monitor's database\n\nA -wal file is never deleted: its committed rows are copied into the database by\nSQLite. A database some process holds open is reported and left alone (exit 1),\nunless every holder matches the sqlite monitor's `killable` patterns: those are\nstopped first (SIGTERM, then SIGKILL)."
    )]
    ClearLocks(ClearLocksArgs),
    /// Show open alerts; acknowledge, silence, test channels, see the outbox
    #[command(
        after_help = "Examples:\n  hm alerts                       open alerts and silences\n  hm alerts --all --json\n  hm alerts ack 12\n  hm alerts silence api --for 2h\n  hm alerts outbox                notifications not delivered yet\n  hm alerts test ops-slack"
    )]
    Alerts(AlertsArgs),
    /// Print the latest state for Prometheus, Nagios or scripts
    #[command(
        after_help = "Examples:\n  hm export                                   Prometheus text on stdout\n  hm export --output /var/lib/node_exporter/textfile/hm.prom\n  hm export --format nagios                   for NRPE: one line, exit 0-3\n  hm export --format json | jq .score\n\nIt reads what `hm check` recorded and runs nothing: run both from the same timer."
    )]
    Export(ExportArgs),
    /// Show a monitor's recorded figures over time, with sparklines
    #[command(
        after_help = "Examples:\n  hm history cpu\n  hm history disk --metric 'space:/' --since 7d\n  hm history api --json --points 100"
    )]
    History(HistoryArgs),
    /// Check (and heal, with --heal) every interval, in the foreground
    #[command(
        after_help = "Examples:\n  hm run                         check every 30 s (or `interval` in hm.toml)\n  hm run --interval 10s --heal\n  hm run --json | jq -c .status   one JSON document per line, per cycle\n\nSIGHUP reloads hm.toml (an invalid file is reported and the old config kept);\nSIGTERM or SIGINT stops it within a second. Meant for systemd Type=simple."
    )]
    Run(RunArgs),
    /// Run the check loop and serve /health, /ready, /metrics, /status and a dashboard
    #[command(
        after_help = "Examples:\n  hm serve                               http://127.0.0.1:9184/\n  hm serve --listen 0.0.0.0:9184 --interval 15s --heal   (needs a [serve] token)\n  curl -s localhost:9184/metrics\n  curl -s 'localhost:9184/history/cpu?since=1h'\n  curl -X POST -H \"Authorization: Bearer $TOKEN\" localhost:9184/monitors/api/restart\n  curl -fsS -X POST -H \"Authorization: Bearer $TOKEN\" http://host:9184/ping/backup\n\nEndpoints: /health (200 while running), /ready (503 when something is critical),\n/metrics, /status, /history/NAME?since=24h, / (dashboard). Restarting needs\n[serve] token in hm.toml; POST /ping/NAME (/fail, /start; ?duration=12.5) is\n`hm ping` from another machine, with that token or [serve] ping_token. Without\na token, only a loopback address is served."
    )]
    Serve(ServeArgs),
    /// Show what hm changed on the host (remedies applied)
    #[command(after_help = "Examples:\n  hm actions\n  hm actions --since 7d --json")]
    Actions(ActionsArgs),
    /// Show why a worker died: cause, exit status or signal, OOM evidence, its log's tail
    #[command(
        after_help = "Examples:\n  hm why api\n  hm why api --all --json\n\nDeaths are seen by `hm run` and `hm serve` while they watch the worker; as root\nthe kernel's process-event connector tells the exit code or signal of any\nprocess, and the kernel log and the memory cgroup an OOM kill."
    )]
    Why(WhyArgs),
    /// Check hm.toml and report every error with its line and field
    #[command(after_help = "Examples:\n  hm validate\n  hm validate --config ./hm.toml --json")]
    Validate,
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  hm completions bash > /etc/bash_completion.d/hm\n  hm completions zsh > \"${fpath[1]}/_hm\"\n  hm completions --dir completions   (all shells)"
    )]
    Completions(CompletionsArgs),
    /// Print the man page
    #[command(after_help = "Examples:\n  hm man | man -l -\n  hm man --dir man   (hm.1 and one page per subcommand)")]
    Man(ManArgs),
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
pub(crate) struct ManArgs {
    /// Write hm.1 and one page per subcommand into this directory
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The command line as parsed, documented and completed: `Cli`, with the
/// global flags hidden where they do nothing (`completions`, `man`: no
/// config, no database, no JSON). clap propagates a global flag
/// only to subcommands that lack one of that name, so these two get
/// hidden ones of their own, of the same types.
pub(crate) fn command() -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory, value_parser};
    let mut cmd = Cli::command();
    for sub in ["completions", "man"] {
        cmd = cmd.mut_subcommand(sub, |s| {
            s.arg(Arg::new("config").long("config").value_parser(value_parser!(PathBuf)).hide(true))
                .arg(Arg::new("db").long("db").value_parser(value_parser!(PathBuf)).hide(true))
                .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).hide(true))
        });
    }
    cmd
}

/// Parse `args` as [`command`] describes them.
pub(crate) fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// How a run's errors are reported, from the raw arguments (so even a
/// usage error is reported the right way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorMode {
    /// `check`, `status`, `heal`: health unknown, exit 3.
    Health,
    /// A Nagios plugin (`check`, `export --format nagios`): exit 3 and one
    /// `HM UNKNOWN - reason` line on stdout, as the plugin guidelines say.
    Plugin,
    /// Everything else: exit 1 (2 for usage).
    Other,
}

/// Whether the subcommand is `check`.
pub(crate) fn is_check(args: &[std::ffi::OsString]) -> bool {
    subcommand(args).0 == Some("check")
}

/// The subcommand's name and the words after it.
fn subcommand(args: &[std::ffi::OsString]) -> (Option<&str>, Vec<&str>) {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let mut rest = words.into_iter();
    while let Some(a) = rest.next() {
        match a {
            "--config" | "--db" => {
                rest.next();
            }
            a if a.starts_with('-') => {}
            a => return (Some(a), rest.collect()),
        }
    }
    (None, Vec::new())
}

/// The subcommand's [`ErrorMode`].
pub(crate) fn error_mode(args: &[std::ffi::OsString]) -> ErrorMode {
    let (command, after) = subcommand(args);
    let nagios = after.windows(2).any(|w| w == ["--format", "nagios"]) || after.contains(&"--format=nagios");
    match command {
        Some("check") => ErrorMode::Plugin,
        Some("export") if nagios => ErrorMode::Plugin,
        Some("status" | "heal") => ErrorMode::Health,
        _ => ErrorMode::Other,
    }
}
