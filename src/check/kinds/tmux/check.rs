//! `tmux`: a session is stuck when none of its panes printed anything for
//! longer than `stuck_after` (a job waiting on a prompt, a hung REPL).
//!
//! Stuck means no output, not no keystrokes. `#{session_activity}` moves
//! only when a client types (tmux 3.3), so a worker printing every second
//! looked idle to it and got Ctrl+C. `#{window_activity}` moves whenever a
//! pane of the window prints (tmux's input parser stamps it; tmux 3.3a,
//! Debian 12, checked by `tests/integration/tmux.rs`), needs no state of hm's and is
//! right from the first run, so a session's last output is the latest of
//! its windows'. (A hash of `capture-pane` kept between runs would see
//! nothing until a second run, and miss output that redraws the same
//! screen.) Selecting a window also stamps it: an operator at the session
//! counts as output.
//!
//! The one output that is not the job's is the echo of hm's own keys (the
//! terminal prints `^C`). When hm's keys did not help, the remedy leaves
//! two counters (see [`sent_key`]): until the session prints after them,
//! its last output stays what it was before the keys, so a session hm
//! failed to unstick stays stuck, and critical.
//!
//! The socket is inspected first, without connecting (`socket.rs`): what
//! keeps hm from confirming the server is critical, with the reason (see
//! SECURITY.md). No tmux server means no sessions; no tmux binary is
//! `unknown`.

use super::prompt;
use super::socket::Unconfirmed;
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::Limits;
use crate::config::TmuxSpec;
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::collections::BTreeMap;
use std::time::Duration;

/// A session and when it last printed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Session {
    pub name: String,
    /// Unix seconds of its last output (the echo of hm's keys left out).
    pub last_output: f64,
    /// Seconds since then.
    pub idle_s: f64,
    /// Whether output was left out as the echo of hm's keys.
    pub echo_left_out: bool,
    /// The shell every pane of it sits at the prompt of, when they all do
    /// and `busy_if` (run once it is silent past `stuck_after`) did not say
    /// it has a task: idle, never stuck (`prompt.rs`).
    pub prompt: Option<String>,
    /// Why `busy_if` could not say.
    pub busy_if_failed: Option<String>,
}

impl Session {
    /// Silent past `stuck_after` with a job running.
    pub(crate) fn stuck(&self, spec: &TmuxSpec) -> bool {
        self.prompt.is_none() && self.idle_s > spec.stuck_after.as_secs_f64()
    }
}

/// What `list-panes` said of a session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Listed {
    /// Its windows' latest activity.
    pub last: f64,
    /// The shell all its panes sit at the prompt of, if they do.
    pub prompt: Option<String>,
}

/// The counter holding the tmux activity stamp just after hm's keys that
/// did not unstick `session`; its companion ([`quiet_key`]) holds the
/// session's last output before them.
pub(crate) fn sent_key(spec: &TmuxSpec, session: &str) -> String {
    format!("tmux:{}:{session}:sent", socket_name(spec))
}

/// See [`sent_key`].
pub(crate) fn quiet_key(spec: &TmuxSpec, session: &str) -> String {
    format!("tmux:{}:{session}:quiet", socket_name(spec))
}

fn socket_name(spec: &TmuxSpec) -> String {
    spec.socket.as_ref().map_or_else(String::new, |s| s.display().to_string())
}

/// Each watched session's latest window activity and whether all its
/// panes sit at a prompt, as tmux reports them; `None` when no server runs.
pub(crate) fn activity(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<Option<BTreeMap<String, Listed>>> {
    if !super::socket::usable(spec)? {
        return Ok(None);
    }
    // Session names hold no tab (tmux escapes it); the start command,
    // last, may.
    let format = "#{window_activity}\t#{pane_pid}\t#{session_name}\t#{default-shell}\t#{pane_start_command}";
    let argv = spec.tmux(&["list-panes", "-a", "-F", format]);
    let text = match ctx.host.command_output(&argv, Duration::from_secs(5)) {
        Ok(t) => t,
        Err(e) => {
            if e.downcast_ref::<crate::host::exec::NotFound>().is_some() {
                return Err(e);
            }
            let msg = format!("{e:#}");
            if msg.contains("no server running") || msg.contains("error connecting") {
                return Ok(None);
            }
            // Unsafe permissions, a server that does not answer: what tmux
            // could not say is no answer either way.
            return Err(Unconfirmed(format!("tmux did not list the sessions: {msg}")).into());
        }
    };
    let etc_shells = prompt::etc_shells();
    let mut out: BTreeMap<String, Listed> = BTreeMap::new();
    for line in text.lines() {
        let mut f = line.splitn(5, '\t');
        let (Some(stamp), Some(pid), Some(name)) = (f.next(), f.next(), f.next()) else { continue };
        if !spec.watches(name) {
            continue;
        }
        let stamp: f64 = stamp.trim().parse().unwrap_or(ctx.now);
        let pane = prompt::Pane {
            pid: pid.trim().parse().unwrap_or(0),
            default_shell: f.next().unwrap_or(""),
            start_command: f.next().unwrap_or(""),
        };
        let shell = prompt::at_prompt(ctx.host, &pane, &etc_shells);
        let e = out.entry(name.to_string()).or_insert(Listed { last: stamp, prompt: shell.clone() });
        e.last = e.last.max(stamp);
        if shell.is_none() {
            e.prompt = None;
        }
    }
    Ok(Some(out))
}

/// The watched sessions of the server, with their last output.
pub(crate) fn sessions(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<Option<Vec<Session>>> {
    let Some(listed) = activity(ctx, spec)? else { return Ok(None) };
    let mut out = Vec::new();
    for (name, Listed { mut last, mut prompt }) in listed {
        let sent = ctx.counters.get(&sent_key(spec, &name));
        let quiet = ctx.counters.get(&quiet_key(spec, &name));
        let echo_left_out = match (sent, quiet) {
            (Some(sent), Some(quiet)) if last <= sent.value => {
                last = quiet.value;
                true
            }
            _ => false,
        };
        let idle_s = (ctx.now - last).max(0.0);
        let mut busy_if_failed = None;
        if let (Some(cmd), Some(_)) = (&spec.busy_if, &prompt)
            && idle_s > spec.stuck_after.as_secs_f64()
        {
            match prompt::busy(cmd, &name) {
                Ok(true) => prompt = None,
                Ok(false) => {}
                Err(e) => busy_if_failed = Some(e),
            }
        }
        out.push(Session { idle_s, name, last_output: last, echo_left_out, prompt, busy_if_failed });
    }
    Ok(Some(out))
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<CheckOutput> {
    let sessions = match sessions(ctx, spec) {
        Err(e) if e.downcast_ref::<Unconfirmed>().is_some() => {
            let message = format!("cannot confirm the tmux server: {e}{}", super::socket::fix(spec));
            return Ok(CheckOutput { status: Status::Critical, message, ..Default::default() });
        }
        other => other?,
    };
    let Some(sessions) = sessions else {
        return Ok(match spec.one_session() {
            Some(s) => CheckOutput {
                status: Status::Critical,
                message: format!("no tmux server (session {s} expected)"),
                ..Default::default()
            },
            None => CheckOutput { status: Status::Ok, message: "no tmux server".into(), ..Default::default() },
        });
    };
    if sessions.is_empty() {
        return Ok(match (spec.one_session(), &spec.session) {
            (Some(name), _) => CheckOutput {
                status: Status::Critical,
                message: format!("session {name} not found"),
                ..Default::default()
            },
            (None, Some(glob)) => {
                CheckOutput { status: Status::Ok, message: format!("no session matches {glob}"), ..Default::default() }
            }
            (None, None) => CheckOutput { status: Status::Ok, message: "no sessions".into(), ..Default::default() },
        });
    }
    let limit = spec.stuck_after.as_secs_f64();
    let stuck: Vec<String> = sessions
        .iter()
        .filter(|s| s.stuck(spec))
        .map(|s| format!("{} printed nothing for {}", s.name, format_duration(crate::units::secs(s.idle_s))))
        .collect();
    // An idle session's silence has no limit: it is waiting, not stuck.
    let metrics = sessions
        .iter()
        .map(|s| {
            let crit = s.prompt.is_none().then_some(limit);
            Metric::new(format!("idle:{}", s.name), s.idle_s, "s").limits(Limits { warn: None, crit })
        })
        .collect();
    let message = if stuck.is_empty() {
        let idle = sessions.iter().filter(|s| s.prompt.is_some()).count();
        let printing = sessions.len() - idle;
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match (printing, idle) {
            (0, 1) => {
                format!("idle at a prompt ({})", sessions.iter().find_map(|s| s.prompt.clone()).unwrap_or_default())
            }
            (0, n) => format!("{n} sessions idle at a prompt"),
            (n, 0) => format!("{n} session{} printing", plural(n)),
            (n, m) => format!("{n} session{} printing, {m} idle at a prompt", plural(n)),
        }
    } else {
        format!("stuck: {} (limit {})", stuck.join(", "), format_duration(spec.stuck_after))
    };
    let mut out = CheckOutput::from_metrics(message, metrics);
    // A `busy_if` that cannot say leaves the session idle (an idle prompt
    // is never sent keys) and says why.
    let failed: Vec<String> = sessions
        .iter()
        .filter_map(|s| s.busy_if_failed.as_ref().map(|e| format!("{}: busy_if: {e}", s.name)))
        .collect();
    if !failed.is_empty() {
        out.status = out.status.worst(Status::Warning);
        out.message = format!("{}; {}", out.message, failed.join("; "));
    }
    // Still silent since hm's keys: keep the note for the next run.
    for s in sessions.iter().filter(|s| s.echo_left_out) {
        for key in [sent_key(spec, &s.name), quiet_key(spec, &s.name)] {
            if let Some(c) = ctx.counters.get(&key) {
                out.counters.push((key, c.value));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::fake::FakeHost;

    fn spec(session: Option<&str>) -> TmuxSpec {
        TmuxSpec {
            session: session.map(String::from),
            socket: None,
            stuck_after: Duration::from_secs(1800),
            keys: vec!["C-c".into()],
            on_stuck: None,
            busy_if: None,
            heal: true,
            settle: Duration::from_secs(2),
            max_restarts: 5,
            window: Duration::from_secs(1800),
        }
    }

    #[test]
    fn sessions_whose_windows_all_stayed_silent_are_stuck() {
        // `build` has one window that printed recently; `repl with tabs` none.
        let host = FakeHost {
            output: "1000\t1\tbuild\t/bin/bash\t\n9000\t2\tbuild\t/bin/bash\t\n1000\t3\trepl with tabs\t/bin/bash\t\n\
                     9990\t4\tworker-1\t/bin/bash\t\"w 1\"\n"
                .into(),
            ..Default::default()
        };
        let f = Inputs::default();
        let out = check(&f.ctx(&host, 10_000.0), &spec(None)).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "stuck: repl with tabs printed nothing for 2h30m (limit 30m)");
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("build"))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "1 session printing"));
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("gone"))).expect("check");
        assert_eq!(out.status, Status::Critical);
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("worker-*"))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "1 session printing"));
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("db-*"))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "no session matches db-*"));
    }

    #[test]
    fn the_echo_of_hms_own_keys_is_not_output() {
        let host = FakeHost { output: "5000\t1\tjob\t/bin/sh\t\n".into(), ..Default::default() };
        let s = spec(Some("job"));
        // hm's keys at 5000 did not help: the job last printed at 1000.
        let f = Inputs::default().counters(&[(&sent_key(&s, "job"), 5000.0), (&quiet_key(&s, "job"), 1000.0)], 5001.0);
        let out = check(&f.ctx(&host, 5010.0), &s).expect("check");
        assert_eq!(out.status, Status::Critical, "{}", out.message);
        assert_eq!(out.counters.len(), 2, "kept for the next run");
        // It printed after the keys: its own output counts again.
        let host = FakeHost { output: "5005\t1\tjob\t/bin/sh\t\n".into(), ..Default::default() };
        let out = check(&f.ctx(&host, 5010.0), &s).expect("check");
        assert_eq!(out.status, Status::Ok);
        assert!(out.counters.is_empty());
    }

    #[test]
    fn issue26_a_session_idle_at_its_prompt_is_ok_and_busy_if_can_say_otherwise() {
        use crate::host::Foreground;
        let prompt = |pid| (pid, Foreground { own_group: true, argv: vec!["-bash".into()] });
        let job = |pid| (pid, Foreground { own_group: false, argv: vec!["-bash".into()] });
        // Silent for hours: `idle` at its prompt (two panes), `job` running one.
        let host = FakeHost {
            output: "1000\t1\tidle\t/bin/bash\t\n1000\t2\tidle\t/bin/bash\t\n1000\t3\tjob\t/bin/bash\t\n".into(),
            foreground: vec![prompt(1), prompt(2), job(3)],
            ..Default::default()
        };
        let f = Inputs::default();
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("idle"))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "idle at a prompt (bash)"));
        assert_eq!(out.metrics[0].value, 9000.0, "its silence is still told");
        let out = check(&f.ctx(&host, 10_000.0), &spec(None)).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "stuck: job printed nothing for 2h30m (limit 30m)");
        // One pane running a job makes the session busy.
        let host = FakeHost { foreground: vec![prompt(1), job(2)], ..host };
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("idle"))).expect("check");
        assert_eq!(out.status, Status::Critical);
        // busy_if: exit 0 is a task, exit 1 none, a failure a warning and no keys.
        let host = FakeHost { foreground: vec![prompt(1), prompt(2)], ..host };
        let with = |argv: &[&str]| TmuxSpec {
            busy_if: Some(argv.iter().map(|a| a.to_string()).collect()),
            ..spec(Some("idle"))
        };
        let out =
            check(&f.ctx(&host, 10_000.0), &with(&["/bin/sh", "-c", "test \"$HM_SESSION\" = idle"])).expect("check");
        assert_eq!(out.status, Status::Critical, "{}", out.message);
        let out = check(&f.ctx(&host, 10_000.0), &with(&["false"])).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "idle at a prompt (bash)"));
        let out = check(&f.ctx(&host, 10_000.0), &with(&["/nonexistent/busy"])).expect("check");
        assert_eq!(out.status, Status::Warning, "{}", out.message);
        assert!(out.message.starts_with("idle at a prompt (bash); idle: busy_if: "), "{}", out.message);
        // Not yet silent past stuck_after: busy_if is not run.
        let out = check(&f.ctx(&host, 1500.0), &with(&["/nonexistent/busy"])).expect("check");
        assert_eq!(out.status, Status::Ok, "{}", out.message);
    }
}
