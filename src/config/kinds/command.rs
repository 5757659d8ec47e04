//! `command`: any Nagios plugin. Its exit code is the status (0 ok,
//! 1 warning, 2 critical, 3 unknown; anything else, or a signal, is
//! unknown), its first line the message and its perfdata the metrics. A
//! plugin still running at the monitor's timeout is killed and reported
//! unknown.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::command`.

use super::{AddHelp, Described, Flag, Kind};
use crate::config::checker::{Checker, argv};
use crate::config::{RawMonitor, Spec};

/// `command`: any Nagios plugin; exit code 0–3 is the status.
#[derive(Debug, Clone)]
pub(crate) struct CommandSpec {
    pub argv: Vec<String>,
}

pub(crate) static KIND: Kind = Kind {
    name: "command",
    keys: &["command", "shell", "worker"],
    add: AddHelp {
        about: "Any Nagios plugin: the command after `--`; exit 0-3 is the status",
        heading: "A command monitor",
        flags: &[
            Flag::argv("command", "COMMAND", "The plugin and its arguments, after `--`"),
            Flag::switch("shell", "Run the command with /bin/sh -c (its words joined by spaces)"),
            Flag::text(
                "worker",
                "MONITOR",
                "The process monitor whose worker `hm heal` restarts when this is critical",
            ),
        ],
        examples: "Examples:\n  hm add command procs -- /usr/lib/nagios/plugins/check_procs -w 250\n  \
                   hm add command queue --shell -- 'redis-cli llen jobs | check_value -w 100'",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(cmd) = raw.command.as_ref() else {
        c.err("", "a command monitor needs `command`, e.g. [\"/usr/lib/nagios/plugins/check_load\", \"-w\", \"5\", \"-c\", \"10\"]");
        return None;
    };
    Some(Spec::Command(CommandSpec { argv: argv(c, "command", cmd, raw.shell.unwrap_or(false))? }))
}

pub(super) fn describe(c: &CommandSpec) -> Described {
    (c.argv.join(" "), vec![])
}
