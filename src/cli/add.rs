//! `hm add KIND NAME` (and `hm monitor add`): one subcommand per check kind,
//! each with the flags of that kind's TOML keys (`stuck_after` is
//! `--stuck-after`), so `hm add tmux --help` lists only what a tmux monitor
//! takes and a flag of another kind is a usage error. The subcommands come
//! from the kinds' registry (`add_kind.rs`), not a clap derive per kind; the
//! flags become a `config::NewMonitor`, validated like the file.

use super::add_kind;
use crate::config::NewMonitor;
use crate::config::kinds::{self, Kind};
use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand, error::ErrorKind};

/// The help of every kind's NAME.
pub(super) const NAME_HELP: &str = "The monitor's name: lower-case letters, digits, `_`, `.`, `-`";

/// `hm add` / `hm monitor add`.
#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    #[command(subcommand)]
    pub kind: AddKind,
}

/// The kind `hm add` was given, and what its flags matched. It becomes a
/// monitor only in [`AddArgs::monitor`], so that a command line that does
/// not split is an error of the run (exit 1), not of usage.
pub(crate) struct AddKind {
    kind: &'static Kind,
    matches: ArgMatches,
}

impl std::fmt::Debug for AddKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddKind").field("kind", &self.kind.name).field("matches", &self.matches).finish()
    }
}

impl FromArgMatches for AddKind {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        match m.subcommand() {
            Some((name, sub)) => match kinds::find(name) {
                Some(kind) => Ok(AddKind { kind, matches: sub.clone() }),
                None => Err(clap::Error::raw(ErrorKind::InvalidSubcommand, format!("unknown kind `{name}`\n"))),
            },
            None => Err(clap::Error::raw(ErrorKind::MissingSubcommand, "a kind is required\n")),
        }
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = AddKind::from_arg_matches(m)?;
        Ok(())
    }
}

/// The kinds `hm add` can create: every check kind of the registry.
impl Subcommand for AddKind {
    fn augment_subcommands(cmd: Command) -> Command {
        cmd.subcommands(add_kind::commands())
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        AddKind::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        kinds::find(name).is_some()
    }
}

impl AddArgs {
    /// The monitor the flags describe.
    pub(crate) fn monitor(self) -> anyhow::Result<NewMonitor> {
        add_kind::monitor(self.kind.kind, &self.kind.matches)
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::{Cli, Command};
    use crate::config::COMMON;
    use crate::config::kinds;
    use clap::{CommandFactory, Parser};

    /// The `[[monitor]]` table `hm ARGS` would add.
    fn toml(args: &[&str]) -> String {
        let cli = Cli::try_parse_from(["hm"].iter().chain(args)).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let Command::Add(a) = cli.command else { panic!("not add: {args:?}") };
        a.monitor().expect("monitor").table().to_string()
    }

    /// Every key a kind takes in hm.toml is a flag of `hm add KIND` (a
    /// key added to a kind's `keys` in `config::kinds` needs its flag in the
    /// kind's `add.flags`), and no flag writes a key the kind does not take.
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
            // Tables, written in hm.toml by hand.
            want.retain(|k| !["worker", "env", "limits"].contains(&k.as_str()));
            want.sort();
            assert_eq!(flags, want, "`hm add {kind}`");
        }
    }

    /// The subcommands built from the kinds' flags are ones clap accepts:
    /// no flag named twice, every `requires` names a flag of its kind.
    #[test]
    fn the_kinds_subcommands_are_well_formed() {
        crate::cli::command().debug_assert();
    }

    /// A heartbeat or tasks monitor names the worker it restarts
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
