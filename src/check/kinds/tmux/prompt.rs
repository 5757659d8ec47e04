//! Idle is not stuck: a pane whose foreground process is its
//! shell, waiting at its prompt, has no task to be stuck on. Sending it
//! Ctrl+C every `stuck_after` would only draw a fresh prompt, then "give
//! up", and the session would stay critical for good.
//!
//! A pane is at a prompt when its first process (`#{pane_pid}`) holds the
//! terminal itself (its own group is the foreground group: no job it
//! started runs), and that process is a shell run without a script or a
//! `-c` command: every argument an option. A shell is one of the usual
//! names, a name in `/etc/shells`, tmux's `default-shell` (the user's
//! shell, what a pane runs when given no command), or the program of the
//! pane's own start command (a pane started as `python3` sits at its own
//! REPL's prompt). `#{pane_current_command}` alone is not enough: it is
//! `argv[0]` of the foreground group, so a script typed at the prompt
//! reads `bash` while it runs.
//!
//! A job that waits at a prompt of its own (a REPL given a task) looks
//! idle this way; `busy_if` says when it is not: an argv that exits 0
//! while the session has a task, run with `HM_SESSION` in its environment,
//! only when a session at a prompt has been silent past `stuck_after`.

use crate::host::Host;
use std::path::Path;
use std::time::Duration;

/// The usual shells' names, besides those `/etc/shells` lists.
const SHELLS: &[&str] = &[
    "sh", "bash", "rbash", "dash", "ash", "zsh", "fish", "ksh", "ksh93", "mksh", "oksh", "pdksh", "yash", "posh",
    "csh", "tcsh", "nu", "elvish", "xonsh",
];

/// How long `busy_if` may take.
pub(super) const BUSY_IF_TIMEOUT: Duration = Duration::from_secs(5);

/// One pane as `list-panes` gave it.
pub(super) struct Pane<'a> {
    pub pid: u32,
    /// tmux's `default-shell`.
    pub default_shell: &'a str,
    /// `#{pane_start_command}`: empty for the default shell.
    pub start_command: &'a str,
}

/// The base name of a program, a login shell's `-` left out.
fn base(program: &str) -> &str {
    let name = Path::new(program).file_name().and_then(|n| n.to_str()).unwrap_or(program);
    name.strip_prefix('-').unwrap_or(name)
}

/// The program of a start command as tmux prints it (`"python3 -i"`).
fn start_program(start: &str) -> &str {
    base(
        start
            .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .split_whitespace()
            .next()
            .unwrap_or(""),
    )
}

/// Whether `name` is the pane's shell.
fn is_shell(name: &str, pane: &Pane<'_>, etc_shells: &str) -> bool {
    !name.is_empty()
        && (SHELLS.contains(&name)
            || name == base(pane.default_shell)
            || name == start_program(pane.start_command)
            || etc_shells.lines().map(str::trim).filter(|l| !l.starts_with('#')).any(|l| base(l) == name))
}

/// The shell `pane` sits at the prompt of; `None` while anything else
/// runs in it (or it cannot be read: then it is judged by its silence).
pub(super) fn at_prompt(host: &dyn Host, pane: &Pane<'_>, etc_shells: &str) -> Option<String> {
    let fg = host.foreground(pane.pid)?;
    let (program, args) = fg.argv.split_first()?;
    let name = base(program);
    let interactive = args.iter().all(|a| a.starts_with('-') && a != "-c");
    (fg.own_group && interactive && is_shell(name, pane, etc_shells)).then(|| name.to_string())
}

/// `/etc/shells`, or nothing.
pub(super) fn etc_shells() -> String {
    std::fs::read_to_string("/etc/shells").unwrap_or_default()
}

/// Whether `busy_if` says `session` has a task: it exited 0. An error
/// when it could not be run or did not finish.
pub(super) fn busy(cmd: &[String], session: &str) -> Result<bool, String> {
    match crate::host::exec::capture(cmd, None, &[("HM_SESSION", session)], BUSY_IF_TIMEOUT) {
        Ok(c) => Ok(c.code == Some(0)),
        Err(e) => Err(format!("{e:#}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Foreground;
    use crate::host::fake::FakeHost;

    fn host(own_group: bool, argv: &[&str]) -> FakeHost {
        let argv = argv.iter().map(|a| a.to_string()).collect();
        FakeHost { foreground: vec![(7, Foreground { own_group, argv })], ..Default::default() }
    }

    fn pane<'a>(start_command: &'a str) -> Pane<'a> {
        Pane { pid: 7, default_shell: "/usr/local/bin/myshell", start_command }
    }

    #[test]
    fn issue26_a_shell_holding_its_terminal_without_a_script_is_at_a_prompt() {
        let at = |own: bool, argv: &[&str], start: &str| at_prompt(&host(own, argv), &pane(start), "");
        assert_eq!(at(true, &["-bash"], "").as_deref(), Some("bash"));
        assert_eq!(at(true, &["/bin/zsh", "-l"], "").as_deref(), Some("zsh"));
        // The user's shell, by tmux's default-shell; a pane's own program.
        assert_eq!(at(true, &["myshell"], "").as_deref(), Some("myshell"));
        assert_eq!(at(true, &["python3"], "\"python3\"").as_deref(), Some("python3"));
        // A job it started holds the terminal.
        assert_eq!(at(false, &["-bash"], ""), None);
        // A script, a command, a program that is no shell.
        assert_eq!(at(true, &["/bin/bash", "./job.sh"], ""), None);
        assert_eq!(at(true, &["bash", "-c", "sleep 1000"], ""), None);
        assert_eq!(at(true, &["sleep", "1000"], "\"sleep 1000\""), None);
        assert_eq!(at(true, &["python3"], ""), None);
        // Gone or unreadable: judged by its silence.
        assert_eq!(at_prompt(&FakeHost::default(), &pane(""), ""), None);
    }

    #[test]
    fn issue26_etc_shells_names_shells_too() {
        let h = host(true, &["/opt/bin/rc"]);
        assert_eq!(at_prompt(&h, &pane(""), "# comment\n/bin/sh\n/opt/bin/rc\n").as_deref(), Some("rc"));
        assert_eq!(at_prompt(&h, &pane(""), "/bin/sh\n"), None);
    }
}
