//! `hm add KIND NAME` (and `hm monitor add`): one subcommand per check kind,
//! each with the flags of that kind's TOML keys (`stuck_after` is
//! `--stuck-after`), so `hm add tmux --help` lists only what a tmux monitor
//! takes and a flag of another kind is a usage error. The flags become a
//! `config::NewMonitor`, validated like the file.

use super::add_host::{CpuArgs, DiskArgs, HeartbeatArgs, LoadArgs, MemoryArgs, ProcessArgs};
use super::add_probe::{CommandArgs, GpuArgs, HttpArgs, SqliteArgs, TasksArgs, TcpArgs, TmuxArgs, WorkspaceArgs};
use crate::config::NewMonitor;
use clap::{Args, Subcommand};

pub(super) const ADD_EXAMPLES: &str = "\
Examples:
  hm add process api --pattern 'gunicorn.*api' --min 2
  hm add process web --pattern 'http\\.server 8765' --start 'python3 -m http.server 8765' --log /tmp/web.log
  hm add heartbeat backup --warn 26h --crit 50h
  hm add disk data --path /data --warn 80 --crit 90
  hm add tmux jobs --session jobs --stuck-after 30m
  hm add sqlite jobs-db --path /srv/jobs.db --quick-check
  hm add http api-health --url http://127.0.0.1:8080/health --contains ok
  hm add tcp postgres --address 127.0.0.1:5432
  hm add command procs -- /usr/lib/nagios/plugins/check_procs -w 250
  hm add workspace scratch --path /srv/scratch --required config.yaml --writable
  hm add tasks etl --window 1h --error-warn 5
  hm add gpu gpus --temp-warn 80

Each kind takes the keys of its [[monitor]] table as flags (`stuck_after` is
--stuck-after); `hm add KIND --help` lists them. The result is validated like
the file, and nothing is written when it is invalid.";

/// The help of every kind's NAME.
pub(super) const NAME_HELP: &str = "The monitor's name: lower-case letters, digits, `_`, `.`, `-`";

/// `hm add` / `hm monitor add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(subcommand)]
    pub kind: AddKind,
}

/// The kinds `hm add` can create: every check kind.
#[derive(Debug, Subcommand)]
pub enum AddKind {
    /// Total CPU use, %
    #[command(after_help = "Example:\n  hm add cpu cpu-busy --warn 70 --crit 90")]
    Cpu(CpuArgs),
    /// Used memory and swap, %
    #[command(after_help = "Example:\n  hm add memory mem --warn 85 --crit 95 --swap-warn 50")]
    Memory(MemoryArgs),
    /// Load average per CPU
    #[command(after_help = "Example:\n  hm add load load --warn 1.5 --crit 3")]
    Load(LoadArgs),
    /// Space and inodes of one or every real filesystem, and when it will be full
    #[command(after_help = "Examples:\n  hm add disk data --path /data --warn 80 --crit 90\n  \
                            hm add disk scratch --path /scratch --fs-types tmpfs --forecast-warn 12h")]
    Disk(Box<DiskArgs>),
    /// Processes by name, command line, pidfile or systemd unit; restarts them
    #[command(after_help = "Examples:\n  hm add process api --pattern 'gunicorn.*api' --min 2\n  \
                            hm add process web --pattern 'http\\.server 8765' --start 'python3 -m http.server 8765' --log /tmp/web.log\n  \
                            hm add process api --pattern 'gunicorn.*api' --start 'cd /srv/api && exec bin/start' --shell\n  \
                            hm add process nginx --process nginx --rss-warn 512MiB\n  \
                            hm add process web --unit nginx.service")]
    Process(Box<ProcessArgs>),
    /// The age of a file's mtime, of the last `hm ping`, or of an SQL timestamp
    #[command(after_help = "Examples:\n  hm add heartbeat backup --warn 26h --crit 50h\n  \
                            hm add heartbeat spool --file /var/spool/job/last-run --warn 5m --crit 15m\n  \
                            hm add heartbeat runs --database /srv/lab/runs.db --query 'SELECT max(finished_at) FROM runs' --warn 1h --crit 2h")]
    Heartbeat(Box<HeartbeatArgs>),
    /// tmux sessions idle too long; `hm heal` sends them keys
    #[command(after_help = "Examples:\n  hm add tmux jobs --session jobs --stuck-after 30m\n  \
                            hm add tmux agents --socket /run/agents.sock --stuck-after 10m --keys C-c --on-stuck 'mark-failed'")]
    Tmux(Box<TmuxArgs>),
    /// An SQLite database opens, takes a write lock in time, passes quick_check
    #[command(
        after_help = "Example:\n  hm add sqlite jobs-db --path /srv/jobs.db --lock-timeout 2s --wal-warn 256MiB --killable '^python3 .*report'"
    )]
    Sqlite(Box<SqliteArgs>),
    /// A directory exists, is writable, holds its files, is not too big
    #[command(
        after_help = "Example:\n  hm add workspace scratch --path /srv/scratch --required config.yaml --writable --warn 10GiB --crit 20GiB"
    )]
    Workspace(Box<WorkspaceArgs>),
    /// An HTTP request: status, body and latency
    #[command(after_help = "Examples:\n  hm add http api --url http://127.0.0.1:8080/health --contains ok\n  \
                            hm add http site --url https://example.org/ --expect-status 200 --expect-status 301 --warn 1s --crit 5s")]
    Http(Box<HttpArgs>),
    /// A TCP connect to host:port, and its latency
    #[command(after_help = "Example:\n  hm add tcp postgres --address 127.0.0.1:5432 --warn 0.5 --crit 2")]
    Tcp(Box<TcpArgs>),
    /// Any Nagios plugin: the command after `--`; exit 0-3 is the status
    #[command(after_help = "Examples:\n  hm add command procs -- /usr/lib/nagios/plugins/check_procs -w 250\n  \
                            hm add command queue --shell -- 'redis-cli llen jobs | check_value -w 100'")]
    Command(Box<CommandArgs>),
    /// Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`
    #[command(after_help = "Example:\n  hm add tasks etl --window 1h --error-warn 5 --error-crit 20 --expected 2m")]
    Tasks(Box<TasksArgs>),
    /// Every NVIDIA GPU's memory, temperature and utilisation (ok with a note when none)
    #[command(after_help = "Example:\n  hm add gpu gpus --warn 90 --crit 98 --temp-warn 80 --temp-crit 90")]
    Gpu(Box<GpuArgs>),
}

/// Keys every kind takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Every kind")]
pub struct CommonArgs {
    /// A note for people
    #[arg(long)]
    pub description: Option<String>,
    /// Check timeout, e.g. 10s (the default)
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// Alert after this many non-ok checks in a row (default: [alerts] for)
    #[arg(long = "for", value_name = "CHECKS")]
    pub for_checks: Option<u32>,
    /// Re-send a firing alert at most this often (default: [alerts] cooldown)
    #[arg(long, value_name = "DURATION")]
    pub cooldown: Option<String>,
    /// Flag figures this many deviations from their usual level, e.g. 4
    #[arg(long, value_name = "Z")]
    pub anomaly: Option<f64>,
    /// false: write the monitor disabled
    #[arg(long, value_name = "BOOL")]
    pub enabled: Option<bool>,
}

impl CommonArgs {
    pub(super) fn write(self, m: &mut NewMonitor) {
        m.text("description", self.description)
            .text("timeout", self.timeout)
            .number("for", self.for_checks)
            .text("cooldown", self.cooldown)
            .number("anomaly", self.anomaly)
            .boolean("enabled", self.enabled);
    }
}

impl AddArgs {
    /// The monitor the flags describe.
    pub fn monitor(self) -> anyhow::Result<NewMonitor> {
        Ok(match self.kind {
            AddKind::Cpu(a) => a.monitor(),
            AddKind::Memory(a) => a.monitor(),
            AddKind::Load(a) => a.monitor(),
            AddKind::Disk(a) => a.monitor(),
            AddKind::Process(a) => a.monitor()?,
            AddKind::Heartbeat(a) => a.monitor(),
            AddKind::Tmux(a) => a.monitor()?,
            AddKind::Sqlite(a) => a.monitor(),
            AddKind::Workspace(a) => a.monitor(),
            AddKind::Http(a) => a.monitor(),
            AddKind::Tcp(a) => a.monitor(),
            AddKind::Command(a) => a.monitor(),
            AddKind::Tasks(a) => a.monitor(),
            AddKind::Gpu(a) => a.monitor(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::check::kinds;
    use crate::cli::{Cli, Command};
    use crate::config::COMMON;
    use clap::{CommandFactory, Parser};

    /// The `[[monitor]]` table `hm ARGS` would add.
    fn toml(args: &[&str]) -> String {
        let cli = Cli::try_parse_from(["hm"].iter().chain(args)).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let Command::Add(a) = cli.command else { panic!("not add: {args:?}") };
        a.monitor().expect("monitor").table().to_string()
    }

    /// Every key a kind takes in hm.toml is a flag of `hm add KIND` (a
    /// key added to a kind's `keys` in `check::kinds` needs its flag), and no flag
    /// writes a key the kind does not take.
    #[test]
    fn every_key_of_every_kind_has_its_flag() {
        let cli = Cli::command();
        let add = cli.find_subcommand("add").expect("add");
        for kinds::Kind { name: kind, keys, .. } in kinds::ALL.iter().copied() {
            let sub = add.find_subcommand(kind).unwrap_or_else(|| panic!("no `hm add {kind}`"));
            let mut flags: Vec<String> = sub
                .get_arguments()
                .filter(|a| !a.is_global_set() && !["help", "version", "name"].contains(&a.get_id().as_str()))
                .map(|a| a.get_long().map_or(a.get_id().to_string(), |l| l.replace('-', "_")))
                .collect();
            flags.retain(|f| !["config", "db", "json", "worker"].contains(&f.as_str()));
            flags.sort();
            let mut want: Vec<String> = COMMON
                .iter()
                .chain(keys.iter())
                .filter(|k| !["name", "kind"].contains(k))
                .map(|k| k.to_string())
                .collect();
            want.retain(|k| k != "worker");
            want.sort();
            assert_eq!(flags, want, "`hm add {kind}`");
        }
    }

    /// Issue 15: a heartbeat or tasks monitor names the worker it restarts
    /// (`worker = "NAME"`, validated by the config, not here).
    #[test]
    fn issue15_worker_flag_writes_the_worker_key() {
        let hb = toml(&["add", "heartbeat", "orch", "--warn", "10m", "--worker", "orchestrator"]);
        assert_eq!(hb, "name = \"orch\"\nkind = \"heartbeat\"\nwarn = \"10m\"\nworker = \"orchestrator\"\n");
        let tasks = toml(&["add", "tasks", "etl", "--worker", "etl-runner"]);
        assert_eq!(tasks, "name = \"etl\"\nkind = \"tasks\"\nworker = \"etl-runner\"\n");
    }

    #[test]
    fn flags_become_keys_of_their_type() {
        let cases: &[(&[&str], &str)] = &[
            (
                &[
                    "add",
                    "tmux",
                    "jobs",
                    "--session",
                    "jobs",
                    "--stuck-after",
                    "30m",
                    "--keys",
                    "C-c",
                    "--keys",
                    "Enter",
                    "--heal",
                    "false",
                ],
                "session = \"jobs\"\nstuck_after = \"30m\"\nkeys = [\"C-c\", \"Enter\"]\nheal = false\n",
            ),
            (
                &[
                    "add",
                    "sqlite",
                    "db",
                    "--path",
                    "/srv/j.db",
                    "--quick-check",
                    "--wal-warn",
                    "256MiB",
                    "--killable",
                    "^x",
                ],
                "path = \"/srv/j.db\"\nquick_check = true\nwal_warn = \"256MiB\"\nkillable = [\"^x\"]\n",
            ),
            (
                &[
                    "add",
                    "http",
                    "api",
                    "--url",
                    "http://h/x",
                    "--expect-status",
                    "200",
                    "--expect-status",
                    "204",
                    "--warn",
                    "0.5",
                ],
                "url = \"http://h/x\"\nexpect_status = [200, 204]\nwarn = 0.5\n",
            ),
            (
                &["add", "command", "procs", "--for", "3", "--", "/usr/lib/nagios/plugins/check_procs", "-w", "250"],
                "command = [\"/usr/lib/nagios/plugins/check_procs\", \"-w\", \"250\"]\nfor = 3\n",
            ),
            (
                &["add", "workspace", "w", "--path", "/srv/w", "--required", "a/b", "--writable", "--enabled", "false"],
                "path = \"/srv/w\"\nrequired = [\"a/b\"]\nwritable = true\nenabled = false\n",
            ),
            (&["add", "gpu", "g", "--temp-warn", "80", "--util-crit", "99.5"], "temp_warn = 80\nutil_crit = 99.5\n"),
        ];
        for (args, want) in cases {
            let text = toml(args);
            assert!(text.ends_with(want), "{args:?}:\n{text}");
        }
    }
}
