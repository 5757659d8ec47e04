//! The `tmux` kind: its spec, keys, `hm add` flags, validation and
//! description; the check is in `check::kinds::tmux`.

use super::process::{DEFAULT_MAX_RESTARTS, DEFAULT_RESTART_WINDOW};
use super::{AddHelp, Described, Flag, Kind};
use crate::config::checker::{Checker, argv};
use crate::config::{RawMonitor, Spec};
use crate::units::format_duration;
use std::path::PathBuf;
use std::time::Duration;

/// A `tmux` monitor: sessions running a job none of whose panes printed
/// anything for longer than `stuck_after` are stuck; sessions whose panes
/// all sit at their shell's prompt are idle.
#[derive(Debug, Clone)]
pub(crate) struct TmuxSpec {
    /// One session, the sessions a glob matches (`worker-*`), or every
    /// session of the server.
    pub session: Option<String>,
    /// The server's socket (`tmux -S`); the default server otherwise.
    pub socket: Option<PathBuf>,
    pub stuck_after: Duration,
    /// The remedy: keys sent to a stuck session (tmux key names)...
    pub keys: Vec<String>,
    /// ...then this command, if any.
    pub on_stuck: Option<Vec<String>>,
    /// Exits 0 when a session whose panes sit at a prompt has a task all
    /// the same (a job waiting in its own REPL): then its silence counts.
    pub busy_if: Option<Vec<String>>,
    /// Whether `hm heal` may unstick it.
    pub heal: bool,
    /// How long to wait after the keys for the session to print again.
    pub settle: Duration,
    /// At most this many unsticks of one session within `window`, then give up
    /// (the keys process monitors budget restarts with).
    pub max_restarts: u32,
    pub window: Duration,
}

impl TmuxSpec {
    /// `tmux`, with `-S socket` when one is configured.
    pub(crate) fn tmux(&self, args: &[&str]) -> Vec<String> {
        let mut argv = vec!["tmux".to_string()];
        if let Some(s) = &self.socket {
            argv.push("-S".into());
            argv.push(s.display().to_string());
        }
        argv.extend(args.iter().map(|a| a.to_string()));
        argv
    }

    /// Whether this monitor watches the session `name`: every session, the
    /// one named, or those its glob matches (checked when the config loads).
    pub(crate) fn watches(&self, name: &str) -> bool {
        match self.session.as_deref() {
            None => true,
            Some(s) if is_glob(s) => glob::Pattern::new(s).is_ok_and(|p| p.matches(name)),
            Some(s) => s == name,
        }
    }

    /// The one session that must exist, when `session` names one (not a glob).
    pub(crate) fn one_session(&self) -> Option<&str> {
        self.session.as_deref().filter(|s| !is_glob(s))
    }
}

/// Whether a tmux `session` is a glob (`worker-*`) rather than a name.
pub(crate) fn is_glob(session: &str) -> bool {
    session.contains(['*', '?', '['])
}

pub(crate) static KIND: Kind = Kind {
    name: "tmux",
    keys: &[
        "session",
        "socket",
        "stuck_after",
        "keys",
        "on_stuck",
        "busy_if",
        "shell",
        "heal",
        "settle",
        "max_restarts",
        "restart_window",
        "worker",
    ],
    add: AddHelp {
        about: "tmux sessions whose job printed nothing for too long; `hm heal` sends them keys",
        heading: "A tmux monitor",
        flags: &[
            Flag::text("session", "NAME", "Only this session (default: every session of the server)"),
            Flag::path("socket", "FILE", "The server's socket, as for `tmux -S` (default: the default server)"),
            Flag::text(
                "stuck_after",
                "DURATION",
                "A session running a job with no output for this long is stuck (default 30m); one idle at a shell prompt never is",
            ),
            Flag::texts("keys", "KEY", "A tmux key `hm heal` sends a stuck session (repeatable; default C-c)"),
            Flag::command_line("on_stuck", "Then run this command, split into words like a shell would"),
            Flag::command_line(
                "busy_if",
                "A session idle at a shell prompt has a task when this exits 0 (HM_SESSION names it)",
            ),
            Flag::switch("shell", "Run --on-stuck (and --busy-if) with /bin/sh -c").requires("on_stuck"),
            Flag::boolean("heal", "false: `hm heal` leaves its sessions alone"),
            Flag::text("settle", "DURATION", "How long after the keys hm looks again for output (default 2s)"),
            Flag::count(
                "max_restarts",
                "N",
                "At most this many unsticks per session within --restart-window (default 5)",
            ),
            Flag::text("restart_window", "DURATION", "The window --max-restarts counts in (default 30m)"),
            Flag::text(
                "worker",
                "MONITOR",
                "The process monitor whose worker `hm heal` restarts when this is critical",
            ),
        ],
        examples: "Examples:\n  hm add tmux jobs --session jobs --stuck-after 30m\n  \
                   hm add tmux agents --socket /run/agents.sock --stuck-after 10m --keys C-c --on-stuck 'mark-failed'",
    },
    validate: |c, raw, _| validate(c, raw),
};

pub(super) fn describe(t: &TmuxSpec) -> Described {
    (
        t.session.as_ref().map_or("every tmux session".into(), |s| format!("tmux session {s}")),
        vec![Some(format!("stuck after {}", format_duration(t.stuck_after)))],
    )
}

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let on_stuck = raw.on_stuck.as_ref().and_then(|cmd| argv(c, "on_stuck", cmd, raw.shell.unwrap_or(false)));
    let busy_if = raw.busy_if.as_ref().and_then(|cmd| argv(c, "busy_if", cmd, raw.shell.unwrap_or(false)));
    if let Some(s) = raw.session.as_deref().filter(|s| is_glob(s))
        && let Err(e) = glob::Pattern::new(s)
    {
        c.err("session", format!("invalid glob: {e}"));
    }
    if raw.socket.as_ref().is_some_and(|s| !s.is_absolute()) {
        c.err("socket", "give the socket's absolute path");
    }
    Some(Spec::Tmux(TmuxSpec {
        session: raw.session.clone(),
        socket: raw.socket.clone(),
        stuck_after: c.duration("stuck_after", raw.stuck_after.as_deref(), Duration::from_secs(30 * 60)),
        keys: raw.keys.clone().unwrap_or_else(|| vec!["C-c".to_string()]),
        on_stuck,
        busy_if,
        heal: raw.heal.unwrap_or(true),
        settle: c.duration("settle", raw.settle.as_deref(), Duration::from_secs(2)),
        max_restarts: raw.max_restarts.unwrap_or(DEFAULT_MAX_RESTARTS),
        window: c.duration("restart_window", raw.restart_window.as_deref(), DEFAULT_RESTART_WINDOW),
    }))
}
