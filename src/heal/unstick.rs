//! Unsticking a tmux session: send it keys (C-c by default), then run the
//! configured `on_stuck` command (mark the task failed, requeue it).

use crate::check::CheckCtx;
use crate::check::tmux::sessions;
use crate::config::TmuxSpec;
use anyhow::Result;
use std::time::Duration;

/// Unstick every session of `spec` idle past its limit; one line per step.
pub fn unstick(ctx: &CheckCtx<'_>, spec: &TmuxSpec, dry_run: bool) -> Result<Vec<String>> {
    let stuck: Vec<String> = sessions(ctx, spec)?
        .unwrap_or_default()
        .into_iter()
        .filter(|s| s.idle_s > spec.stuck_after.as_secs_f64())
        .map(|s| s.name)
        .collect();
    let mut steps = Vec::new();
    for name in stuck {
        let keys = spec.keys.join(" ");
        if dry_run {
            steps.push(format!("would send {keys} to {name}"));
            if let Some(cmd) = &spec.on_stuck {
                steps.push(format!("would run {}", cmd.join(" ")));
            }
            continue;
        }
        // `=name:` is the session named exactly `name`, its current pane.
        let target = format!("={name}:");
        let mut args = vec!["send-keys", "-t", target.as_str()];
        args.extend(spec.keys.iter().map(String::as_str));
        match ctx.host.run_command(&spec.tmux(&args), Duration::from_secs(5)) {
            Ok(()) => steps.push(format!("sent {keys} to {name}")),
            Err(e) => steps.push(format!("{name}: {e:#}")),
        }
        if let Some(cmd) = &spec.on_stuck {
            match ctx.host.run_command(cmd, Duration::from_secs(60)) {
                Ok(()) => steps.push(format!("ran {}", cmd.join(" "))),
                Err(e) => steps.push(format!("on_stuck: {e:#}")),
            }
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CtxData;
    use crate::host::fake::FakeHost;

    #[test]
    fn keys_then_command_for_stuck_sessions_only() {
        let host = FakeHost { output: "busy\t990\nstuck\t10\n".into(), ..Default::default() };
        let f = CtxData::default();
        let spec = TmuxSpec {
            session: None,
            socket: Some("/tmp/s".into()),
            stuck_after: Duration::from_secs(60),
            keys: vec!["C-c".into()],
            on_stuck: Some(vec!["requeue".into()]),
            heal: true,
        };
        let steps = unstick(&f.ctx(&host, 1000.0), &spec, false).expect("unstick");
        assert_eq!(steps, ["sent C-c to stuck", "ran requeue"]);
        let cmds = host.commands.lock().expect("lock");
        assert_eq!(cmds[1], ["tmux", "-S", "/tmp/s", "send-keys", "-t", "=stuck:", "C-c"]);
        assert_eq!(cmds[2], ["requeue"]);
    }
}
