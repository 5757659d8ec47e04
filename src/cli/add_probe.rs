//! `hm add` flags of the kinds that probe something outside the host's
//! tables: `tmux`, `sqlite`, `workspace`, `http`, `tcp`, `command`, `tasks`,
//! `gpu`. Each flag is a TOML key of the kind, with `_` written `-`; a key
//! holding a list takes a repeated flag (`--expect-status 200 --expect-status 204`).

use super::add::{CommonArgs, NAME_HELP};
use crate::config::NewMonitor;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(next_help_heading = "A tmux monitor")]
pub struct TmuxArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Only this session (default: every session of the server)
    #[arg(long, value_name = "NAME")]
    pub session: Option<String>,
    /// The server's socket, as for `tmux -S` (default: the default server)
    #[arg(long, value_name = "FILE")]
    pub socket: Option<PathBuf>,
    /// A session with no output for this long is stuck (default 30m)
    #[arg(long, value_name = "DURATION")]
    pub stuck_after: Option<String>,
    /// A tmux key `hm heal` sends a stuck session (repeatable; default C-c)
    #[arg(long, value_name = "KEY")]
    pub keys: Vec<String>,
    /// Then run this command, split into words like a shell would
    #[arg(long, value_name = "COMMAND", allow_hyphen_values = true)]
    pub on_stuck: Option<String>,
    /// Run --on-stuck with /bin/sh -c
    #[arg(long, requires = "on_stuck")]
    pub shell: bool,
    /// false: `hm heal` leaves its sessions alone
    #[arg(long, value_name = "BOOL")]
    pub heal: Option<bool>,
    /// How long after the keys hm looks again for output (default 2s)
    #[arg(long, value_name = "DURATION")]
    pub settle: Option<String>,
    /// At most this many unsticks per session within --restart-window (default 5)
    #[arg(long, value_name = "N")]
    pub max_restarts: Option<u32>,
    /// The window --max-restarts counts in (default 30m)
    #[arg(long, value_name = "DURATION")]
    pub restart_window: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl TmuxArgs {
    pub(super) fn monitor(self) -> anyhow::Result<NewMonitor> {
        let mut m = NewMonitor::new("tmux", self.name);
        m.text("session", self.session).path("socket", self.socket).text("stuck_after", self.stuck_after);
        m.list("keys", self.keys).command_line("on_stuck", self.on_stuck, self.shell)?;
        m.switch("shell", self.shell).boolean("heal", self.heal).text("settle", self.settle);
        m.number("max_restarts", self.max_restarts).text("restart_window", self.restart_window);
        self.common.write(&mut m);
        Ok(m)
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A sqlite monitor")]
pub struct SqliteArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// The database file
    #[arg(long, value_name = "FILE")]
    pub path: Option<PathBuf>,
    /// Also run PRAGMA quick_check
    #[arg(long)]
    pub quick_check: bool,
    /// The write lock must be taken within this (default 1s)
    #[arg(long, value_name = "DURATION")]
    pub lock_timeout: Option<String>,
    /// Warning size of the -wal file, e.g. 256MiB
    #[arg(long, value_name = "SIZE")]
    pub wal_warn: Option<String>,
    /// Critical size of the -wal file
    #[arg(long, value_name = "SIZE")]
    pub wal_crit: Option<String>,
    /// A regex over the command line of holders `hm clear-locks` may stop (repeatable)
    #[arg(long, value_name = "REGEX")]
    pub killable: Vec<String>,
    /// false: `hm heal` never clears its locks
    #[arg(long, value_name = "BOOL")]
    pub heal: Option<bool>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl SqliteArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("sqlite", self.name);
        m.path("path", self.path).switch("quick_check", self.quick_check).text("lock_timeout", self.lock_timeout);
        m.number("wal_warn", self.wal_warn).number("wal_crit", self.wal_crit).list("killable", self.killable);
        m.boolean("heal", self.heal);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A workspace monitor")]
pub struct WorkspaceArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// The directory
    #[arg(long, value_name = "DIR")]
    pub path: Option<PathBuf>,
    /// Warning size, e.g. 10GiB (default 1GiB)
    #[arg(long, value_name = "SIZE")]
    pub warn: Option<String>,
    /// Critical size (default 5GiB)
    #[arg(long, value_name = "SIZE")]
    pub crit: Option<String>,
    /// A path inside it that must exist (repeatable)
    #[arg(long, value_name = "PATH")]
    pub required: Vec<PathBuf>,
    /// hm must be able to create a file in it
    #[arg(long)]
    pub writable: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl WorkspaceArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("workspace", self.name);
        m.path("path", self.path).number("warn", self.warn).number("crit", self.crit);
        m.list("required", self.required.iter().map(|p| p.display().to_string()).collect());
        m.switch("writable", self.writable);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "An http monitor")]
pub struct HttpArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// The http:// or https:// URL
    #[arg(long)]
    pub url: Option<String>,
    /// The request method (default GET)
    #[arg(long)]
    pub method: Option<String>,
    /// An acceptable status (repeatable; default 200-399)
    #[arg(long, value_name = "CODE")]
    pub expect_status: Vec<u16>,
    /// Text the body must contain
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub contains: Option<String>,
    /// Warning latency, seconds or a duration (500ms)
    #[arg(long, value_name = "DURATION")]
    pub warn: Option<String>,
    /// Critical latency
    #[arg(long, value_name = "DURATION")]
    pub crit: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl HttpArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("http", self.name);
        m.text("url", self.url).text("method", self.method);
        m.list("expect_status", self.expect_status.into_iter().map(i64::from).collect());
        m.text("contains", self.contains).number("warn", self.warn).number("crit", self.crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A tcp monitor")]
pub struct TcpArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// host:port to connect to
    #[arg(long, value_name = "HOST:PORT")]
    pub address: Option<String>,
    /// Warning latency, seconds or a duration (500ms)
    #[arg(long, value_name = "DURATION")]
    pub warn: Option<String>,
    /// Critical latency
    #[arg(long, value_name = "DURATION")]
    pub crit: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl TcpArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("tcp", self.name);
        m.text("address", self.address).number("warn", self.warn).number("crit", self.crit);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A command monitor")]
pub struct CommandArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Run the command with /bin/sh -c (its words joined by spaces)
    #[arg(long)]
    pub shell: bool,
    /// The plugin and its arguments, after `--`
    #[arg(last = true, required = true, value_name = "COMMAND", help_heading = None::<&str>)]
    pub command: Vec<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl CommandArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("command", self.name);
        m.argv("command", "COMMAND", self.command, self.shell).switch("shell", self.shell);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A tasks monitor")]
pub struct TasksArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// The `hm ping` name (default: the monitor's name)
    #[arg(long, value_name = "NAME")]
    pub ping: Option<String>,
    /// The rates are computed over this (default 1h)
    #[arg(long, value_name = "DURATION")]
    pub window: Option<String>,
    /// Warning error rate, % (default 5)
    #[arg(long, value_name = "PERCENT")]
    pub error_warn: Option<f64>,
    /// Critical error rate, % (default 10)
    #[arg(long, value_name = "PERCENT")]
    pub error_crit: Option<f64>,
    /// A task's expected duration: slow when the mean is over twice this
    #[arg(long, value_name = "DURATION")]
    pub expected: Option<String>,
    /// The process monitor whose worker `hm heal` restarts when this goes stale
    #[arg(long, value_name = "MONITOR")]
    pub worker: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl TasksArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("tasks", self.name);
        m.text("ping", self.ping).text("window", self.window);
        m.number("error_warn", self.error_warn).number("error_crit", self.error_crit);
        m.text("expected", self.expected).text("worker", self.worker);
        self.common.write(&mut m);
        m
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "A gpu monitor")]
pub struct GpuArgs {
    #[arg(help = NAME_HELP, help_heading = None::<&str>)]
    pub name: String,
    /// Memory warning level, % used (default 90)
    #[arg(long, value_name = "PERCENT")]
    pub warn: Option<String>,
    /// Memory critical level, % (default 95)
    #[arg(long, value_name = "PERCENT")]
    pub crit: Option<String>,
    /// Temperature warning level, °C (default 85)
    #[arg(long, value_name = "CELSIUS")]
    pub temp_warn: Option<f64>,
    /// Temperature critical level, °C (default 95)
    #[arg(long, value_name = "CELSIUS")]
    pub temp_crit: Option<f64>,
    /// Utilisation warning level, %
    #[arg(long, value_name = "PERCENT")]
    pub util_warn: Option<f64>,
    /// Utilisation critical level, %
    #[arg(long, value_name = "PERCENT")]
    pub util_crit: Option<f64>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl GpuArgs {
    pub(super) fn monitor(self) -> NewMonitor {
        let mut m = NewMonitor::new("gpu", self.name);
        m.number("warn", self.warn).number("crit", self.crit);
        m.number("temp_warn", self.temp_warn).number("temp_crit", self.temp_crit);
        m.number("util_warn", self.util_warn).number("util_crit", self.util_crit);
        self.common.write(&mut m);
        m
    }
}
