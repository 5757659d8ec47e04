//! Unsticking one tmux session: send it keys (C-c by default), wait, and
//! look whether it printed again; then run the configured `on_stuck`
//! command with the session's context (mark the task failed, requeue it).
//! The budget and the record are the caller's (`engine::unstick`).
//!
//! The session is named exactly (`-t =name:`, its current pane), and
//! tmux and `on_stuck` run as argv arrays, never through a shell.
//!
//! "Printed again" leaves out the echo of the keys themselves: a program
//! that ignores SIGINT still gets `^C` written after its cursor. So the
//! pane is captured before the keys, just after them (once the echo has
//! landed) and after `settle`: it printed again when it changed during
//! `settle`, or when the keys changed more than the cursor's line (a
//! message on a line of its own, a new prompt, the screen scrolled).

use crate::config::TmuxSpec;
use crate::host::Host;
use std::time::Duration;

/// How many of the pane's last lines `on_stuck` gets on stdin...
pub(crate) const TAIL_LINES: usize = 50;
/// ...and at most this many bytes of them (the end is kept).
pub(crate) const TAIL_BYTES: usize = 16 * 1024;
/// Time for the echo of the keys to reach the pane.
const ECHO: Duration = Duration::from_millis(250);

/// Unsticks are budgeted like restarts: `max_restarts` within
/// `restart_window`, waiting `settle` (doubled for each try) between tries.
impl crate::remedy::restart::Allowance for TmuxSpec {
    fn max_attempts(&self) -> u32 {
        self.max_restarts
    }
    fn window(&self) -> Duration {
        self.window
    }
    fn backoff_base(&self) -> Duration {
        self.settle
    }
}

/// What the keys did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sent {
    /// It printed again, or the session ended.
    Unstuck,
    /// Nothing but the echo of the keys.
    StillStuck,
    /// tmux could not send them.
    Failed,
}

/// One attempt on one session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tried {
    pub outcome: Sent,
    /// One line per step, for the report and the actions table.
    pub steps: Vec<String>,
    /// The pane's last lines before the keys (for `on_stuck`).
    pub tail: String,
}

/// The current pane of `session`, its history's last lines included;
/// `None` when the session is gone.
fn capture(host: &dyn Host, spec: &TmuxSpec, session: &str) -> Option<Vec<String>> {
    let target = format!("={session}:");
    let argv = spec.tmux(&["capture-pane", "-p", "-J", "-S", "-50", "-t", &target]);
    let text = host.command_output(&argv, Duration::from_secs(5)).ok()?;
    Some(text.lines().map(|l| l.trim_end().to_string()).collect())
}

/// Whether `echoed` is `before` plus at most an echo at the cursor: the
/// same lines (`-J` joins wrapped ones), but one that grew at its end.
fn only_echo(before: &[String], echoed: &[String]) -> bool {
    before.len() == echoed.len()
        && before.iter().zip(echoed).filter(|(b, e)| b != e).all(|(b, e)| e.starts_with(b.as_str()))
        && before.iter().zip(echoed).filter(|(b, e)| b != e).count() <= 1
}

/// Whether the pane printed after the keys, beyond their echo.
fn printed_again(before: &[String], echoed: &[String], after: &[String]) -> bool {
    echoed != after || !only_echo(before, echoed)
}

/// The last [`TAIL_LINES`] lines (trailing empty ones left out), at most
/// [`TAIL_BYTES`] of their end.
pub(crate) fn tail(lines: &[String]) -> String {
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1);
    let lines = &lines[..end];
    let mut text = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
    text.push('\n');
    if text.len() > TAIL_BYTES {
        let mut cut = text.len() - TAIL_BYTES;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        text.drain(..cut);
    }
    text
}

/// Send the keys to `session` and see whether it prints again within
/// `settle`.
pub(crate) fn send_and_verify(host: &dyn Host, spec: &TmuxSpec, session: &str) -> Tried {
    let keys = spec.keys.join(" ");
    let before = capture(host, spec, session).unwrap_or_default();
    let tail = tail(&before);
    let target = format!("={session}:");
    let mut args = vec!["send-keys", "-t", target.as_str()];
    args.extend(spec.keys.iter().map(String::as_str));
    if let Err(e) = host.run_command(&spec.tmux(&args), Duration::from_secs(5)) {
        return Tried { outcome: Sent::Failed, steps: vec![format!("{e:#}")], tail };
    }
    let mut steps = vec![format!("sent {keys}")];
    std::thread::sleep(ECHO);
    let echoed = capture(host, spec, session);
    std::thread::sleep(spec.settle);
    let after = capture(host, spec, session);
    let outcome = match (echoed, after) {
        (Some(echoed), Some(after)) if !printed_again(&before, &echoed, &after) => {
            steps.push(format!("still no output after {}", crate::units::format_duration(spec.settle + ECHO)));
            Sent::StillStuck
        }
        (Some(_), Some(_)) => {
            steps.push("printed again".into());
            Sent::Unstuck
        }
        _ => {
            steps.push("the session ended".into());
            Sent::Unstuck
        }
    };
    Tried { outcome, steps, tail }
}

/// Run `on_stuck` with the session's context: `HM_MONITOR`, `HM_SESSION`,
/// `HM_IDLE_SECONDS` (whole seconds without output) and `HM_OUTCOME`
/// (`unstuck`, `still stuck`, `failed`) in its environment, the pane's
/// last lines on stdin. One line for the steps.
pub(crate) fn run_on_stuck(
    cmd: &[String],
    monitor: &str,
    session: &str,
    idle_s: f64,
    outcome: &str,
    tail: &str,
) -> String {
    let idle = format!("{}", idle_s.max(0.0).floor() as u64);
    let env =
        [("HM_MONITOR", monitor), ("HM_SESSION", session), ("HM_IDLE_SECONDS", idle.as_str()), ("HM_OUTCOME", outcome)];
    match crate::host::exec::output_with(cmd, Some(tail.as_bytes()), &env, Duration::from_secs(60)) {
        Ok(_) => format!("ran {}", cmd.join(" ")),
        Err(e) => format!("on_stuck: {e:#}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn the_echo_on_the_cursor_line_is_not_printing_again() {
        let before = lines("$ job\nworking\n\n");
        // SIGINT ignored: only `^C` at the cursor, then silence.
        let echoed = lines("$ job\nworking\n^C\n");
        assert!(!printed_again(&before, &echoed, &echoed));
        let echoed = lines("$ job\nworking^C\n\n");
        assert!(!printed_again(&before, &echoed, &echoed));
        // A message on a line of its own, at once or later.
        let reacted = lines("$ job\nworking\n^C\ninterrupted");
        assert!(printed_again(&before, &reacted, &reacted));
        assert!(printed_again(&before, &lines("$ job\nworking\n^C\n"), &lines("$ job\nworking\n^C\nnext task")));
    }

    #[test]
    fn the_tail_is_the_last_lines_and_bytes() {
        let many: Vec<String> = (0..80).map(|i| format!("line {i}")).collect();
        let t = tail(&many);
        assert!(t.starts_with("line 30\n") && t.ends_with("line 79\n"), "{t}");
        let wide = vec!["é".repeat(TAIL_BYTES)];
        let t = tail(&wide);
        assert!(t.len() <= TAIL_BYTES && t.ends_with("é\n"));
    }
}
