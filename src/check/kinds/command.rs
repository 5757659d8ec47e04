//! `command`: any Nagios plugin. Its exit code is the status (0 ok,
//! 1 warning, 2 critical, 3 unknown; anything else, or a signal, is
//! unknown), its first line the message and its perfdata the metrics. A
//! plugin still running at the monitor's timeout is killed and reported
//! unknown.

use super::{AddHelp, Described, Flag, Kind, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, nagios};
use crate::config::checker::{Checker, argv};
use crate::config::{RawMonitor, Spec};
use crate::host::exec;
use crate::status::Status;
use anyhow::Result;
use std::time::Duration;

/// `command`: any Nagios plugin; exit code 0–3 is the status.
#[derive(Debug, Clone)]
pub(crate) struct CommandSpec {
    pub argv: Vec<String>,
}

pub(crate) static KIND: Kind = Kind {
    name: "command",
    keys: &["command", "shell"],
    add: AddHelp {
        about: "Any Nagios plugin: the command after `--`; exit 0-3 is the status",
        heading: "A command monitor",
        flags: &[
            Flag::argv("command", "COMMAND", "The plugin and its arguments, after `--`"),
            Flag::switch("shell", "Run the command with /bin/sh -c (its words joined by spaces)"),
        ],
        examples: "Examples:\n  hm add command procs -- /usr/lib/nagios/plugins/check_procs -w 250\n  \
                   hm add command queue --shell -- 'redis-cli llen jobs | check_value -w 100'",
    },
    is: |s| matches!(s, Spec::Command(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Command(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("command", m)),
    },
    describe: |m| match &m.spec {
        Spec::Command(c) => (c.argv.join(" "), vec![]),
        _ => Described::default(),
    },
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(cmd) = raw.command.as_ref() else {
        c.err("", "a command monitor needs `command`, e.g. [\"/usr/lib/nagios/plugins/check_load\", \"-w\", \"5\", \"-c\", \"10\"]");
        return None;
    };
    Some(Spec::Command(CommandSpec { argv: argv(c, "command", cmd, raw.shell.unwrap_or(false))? }))
}

pub(crate) fn check(_ctx: &CheckCtx<'_>, spec: &CommandSpec, timeout: Duration) -> Result<CheckOutput> {
    // A little less than the monitor's timeout, so the plugin is killed
    // (not left running) and its own result reported.
    let budget = timeout.saturating_sub(Duration::from_millis(100)).max(Duration::from_millis(100));
    let run = match exec::capture(&spec.argv, None, &[], budget) {
        Ok(run) => run,
        Err(e) => {
            let message = match e.downcast_ref::<exec::TimedOut>() {
                Some(t) => format!(
                    "`{}` did not finish within its timeout of {}",
                    t.command,
                    crate::units::format_duration(timeout)
                ),
                None => format!("{e:#}"),
            };
            return Ok(CheckOutput { status: Status::Unknown, message, ..Default::default() });
        }
    };
    let status = match run.code {
        Some(0) => Status::Ok,
        Some(1) => Status::Warning,
        Some(2) => Status::Critical,
        _ => Status::Unknown,
    };
    let (mut message, perf) = nagios::output(&run.stdout);
    if message.is_empty() {
        let err = run.stderr.lines().next().unwrap_or("").trim();
        message = match (run.code, err.is_empty()) {
            (_, false) => err.to_string(),
            (Some(code), true) => format!("no output (exit {code})"),
            (None, true) => "killed by a signal, no output".to_string(),
        };
    } else if !matches!(run.code, Some(0..=3)) {
        message = format!("{message} (exit {})", run.code.map_or("by signal".to_string(), |c| c.to_string()));
    }
    Ok(CheckOutput { status, message, metrics: perf.iter().map(nagios::metric).collect(), ..Default::default() })
}
