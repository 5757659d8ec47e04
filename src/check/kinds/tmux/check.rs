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

use super::TmuxSpec;
use super::socket::Unconfirmed;
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::Limits;
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

/// Each watched session's latest window activity, as tmux reports it;
/// `None` when no server runs.
pub(crate) fn activity(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<Option<BTreeMap<String, f64>>> {
    if !super::socket::usable(spec)? {
        return Ok(None);
    }
    let argv = spec.tmux(&["list-windows", "-a", "-F", "#{session_name}\t#{window_activity}"]);
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
    let mut out: BTreeMap<String, f64> = BTreeMap::new();
    for line in text.lines() {
        let Some((name, stamp)) = line.rsplit_once('\t') else { continue };
        if !spec.watches(name) {
            continue;
        }
        let stamp: f64 = stamp.trim().parse().unwrap_or(ctx.now);
        let e = out.entry(name.to_string()).or_insert(stamp);
        *e = e.max(stamp);
    }
    Ok(Some(out))
}

/// The watched sessions of the server, with their last output.
pub(crate) fn sessions(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<Option<Vec<Session>>> {
    let Some(stamps) = activity(ctx, spec)? else { return Ok(None) };
    let mut out = Vec::new();
    for (name, mut last) in stamps {
        let sent = ctx.counters.get(&sent_key(spec, &name));
        let quiet = ctx.counters.get(&quiet_key(spec, &name));
        let echo_left_out = match (sent, quiet) {
            (Some(sent), Some(quiet)) if last <= sent.value => {
                last = quiet.value;
                true
            }
            _ => false,
        };
        out.push(Session { idle_s: (ctx.now - last).max(0.0), name, last_output: last, echo_left_out });
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
        .filter(|s| s.idle_s > limit)
        .map(|s| format!("{} printed nothing for {}", s.name, format_duration(crate::units::secs(s.idle_s))))
        .collect();
    let metrics = sessions
        .iter()
        .map(|s| {
            Metric::new(format!("idle:{}", s.name), s.idle_s, "s").limits(Limits { warn: None, crit: Some(limit) })
        })
        .collect();
    let message = if stuck.is_empty() {
        format!("{} session{} printing", sessions.len(), if sessions.len() == 1 { "" } else { "s" })
    } else {
        format!("stuck: {} (limit {})", stuck.join(", "), format_duration(spec.stuck_after))
    };
    let mut out = CheckOutput::from_metrics(message, metrics);
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
            output: "build\t1000\nbuild\t9000\nrepl with tabs\t1000\nworker-1\t9990\n".into(),
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
        let host = FakeHost { output: "job\t5000\n".into(), ..Default::default() };
        let s = spec(Some("job"));
        // hm's keys at 5000 did not help: the job last printed at 1000.
        let f = Inputs::default().counters(&[(&sent_key(&s, "job"), 5000.0), (&quiet_key(&s, "job"), 1000.0)], 5001.0);
        let out = check(&f.ctx(&host, 5010.0), &s).expect("check");
        assert_eq!(out.status, Status::Critical, "{}", out.message);
        assert_eq!(out.counters.len(), 2, "kept for the next run");
        // It printed after the keys: its own output counts again.
        let host = FakeHost { output: "job\t5005\n".into(), ..Default::default() };
        let out = check(&f.ctx(&host, 5010.0), &s).expect("check");
        assert_eq!(out.status, Status::Ok);
        assert!(out.counters.is_empty());
    }
}
