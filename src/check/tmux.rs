//! `tmux`: sessions that have shown no activity for longer than
//! `stuck_after` are stuck (a job waiting on a prompt, a hung REPL).
//!
//! tmux itself keeps the time of each session's last activity
//! (`#{session_activity}`), so one `list-sessions` call answers for all
//! sessions. No tmux server means no sessions; no tmux binary is `unknown`.

use super::{CheckCtx, CheckOutput, Metric};
use crate::config::{Limits, TmuxSpec};
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::time::Duration;

/// A session and how long it has been idle.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub name: String,
    pub idle_s: f64,
}

/// The sessions of the server (only the named one, if the spec names one).
pub fn sessions(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<Option<Vec<Session>>> {
    let argv = spec.tmux(&["list-sessions", "-F", "#{session_name}\t#{session_activity}"]);
    let text = match ctx.host.command_output(&argv, Duration::from_secs(5)) {
        Ok(t) => t,
        Err(e) => {
            let msg = format!("{e:#}");
            if msg.contains("no server running") || msg.contains("error connecting") {
                return Ok(None);
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((name, activity)) = line.rsplit_once('\t') else { continue };
        if spec.session.as_deref().is_some_and(|s| s != name) {
            continue;
        }
        let activity: f64 = activity.trim().parse().unwrap_or(ctx.now);
        out.push(Session { name: name.to_string(), idle_s: (ctx.now - activity).max(0.0) });
    }
    Ok(Some(out))
}

pub fn check(ctx: &CheckCtx<'_>, spec: &TmuxSpec) -> Result<CheckOutput> {
    let Some(sessions) = sessions(ctx, spec)? else {
        return Ok(match &spec.session {
            Some(s) => CheckOutput {
                status: Status::Critical,
                message: format!("no tmux server (session {s} expected)"),
                ..Default::default()
            },
            None => CheckOutput { status: Status::Ok, message: "no tmux server".into(), ..Default::default() },
        });
    };
    if let (Some(name), true) = (&spec.session, sessions.is_empty()) {
        return Ok(CheckOutput {
            status: Status::Critical,
            message: format!("session {name} not found"),
            ..Default::default()
        });
    }
    let limit = spec.stuck_after.as_secs_f64();
    let stuck: Vec<String> = sessions
        .iter()
        .filter(|s| s.idle_s > limit)
        .map(|s| format!("{} idle {}", s.name, format_duration(crate::units::secs(s.idle_s))))
        .collect();
    let metrics = sessions
        .iter()
        .map(|s| {
            Metric::new(format!("idle:{}", s.name), s.idle_s, "s").limits(Limits { warn: None, crit: Some(limit) })
        })
        .collect();
    let message = if stuck.is_empty() {
        format!("{} session{} active", sessions.len(), if sessions.len() == 1 { "" } else { "s" })
    } else {
        format!("stuck: {} (limit {})", stuck.join(", "), format_duration(spec.stuck_after))
    };
    Ok(CheckOutput::from_metrics(message, metrics))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CtxData;
    use crate::host::fake::FakeHost;

    fn spec(session: Option<&str>) -> TmuxSpec {
        TmuxSpec {
            session: session.map(String::from),
            socket: None,
            stuck_after: Duration::from_secs(1800),
            keys: vec!["C-c".into()],
            on_stuck: None,
            heal: true,
        }
    }

    #[test]
    fn idle_sessions_are_stuck() {
        let host = FakeHost { output: "build\t9000\nrepl with tabs\t1000\n".into(), ..Default::default() };
        let f = CtxData::default();
        let out = check(&f.ctx(&host, 10_000.0), &spec(None)).expect("check");
        assert_eq!(out.status, Status::Critical);
        assert_eq!(out.message, "stuck: repl with tabs idle 2h30m (limit 30m)");
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("build"))).expect("check");
        assert_eq!((out.status, out.message.as_str()), (Status::Ok, "1 session active"));
        let out = check(&f.ctx(&host, 10_000.0), &spec(Some("gone"))).expect("check");
        assert_eq!(out.status, Status::Critical);
    }
}
