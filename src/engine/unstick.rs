//! The unstick step of `hm heal`: each stuck session of a `tmux` monitor
//! on its own (a glob watches many), within its budget, verified and
//! recorded.
//!
//! The budget is a worker's restart budget (`remedy::restart::budget`, the
//! same `max_restarts` in `restart_window` and doubling backoff), counted
//! per session from the actions table: each attempt is an `unstick` row
//! of the monitor whose `target` is the session. Once it is spent hm sends
//! nothing more, records `gave up` once, and the session stays stuck, so
//! critical, until it prints or the window passes.

use super::intent::{Intent, intend_one};
use super::report::Outcome;
use super::{DryRun, Engine};
use crate::check::tmux::{Session, activity, quiet_key, sent_key, sessions};
use crate::check::{CheckCtx, Counter, Inputs};
use crate::config::TmuxSpec;
use crate::host::ProcNeeds;
use crate::remedy::restart::{Budget, budget};
use crate::remedy::unstick::{Sent, run_on_stuck, send_and_verify};
use crate::store::{ActionKind, ActionOutcome, ActionRow, Store};
use crate::time::unix_now;
use crate::units::format_duration;
use anyhow::Result;

/// What healing did for one session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionHeal {
    pub session: String,
    /// `unstuck`, `still stuck`, `failed`, `would unstick`, `backing off`
    /// or `gave up`.
    pub outcome: Outcome,
    /// `SESSION: step; step`.
    pub details: String,
}

impl Engine {
    /// Unstick every stuck session of the monitor `monitor`.
    pub(crate) fn unstick_all(
        &self,
        store: &Store,
        monitor: &str,
        spec: &TmuxSpec,
        dry_run: DryRun,
    ) -> Result<Vec<SessionHeal>> {
        let host = self.host(ProcNeeds::default());
        // The counters say which output was only the echo of earlier keys.
        let counters = store.counters()?.into_iter().map(|(k, c)| (k, c.into())).collect();
        let data = Inputs { counters, ..Default::default() };
        let ctx = data.ctx(host.as_ref(), unix_now());
        // A session idle at a prompt is never sent keys.
        let stuck: Vec<Session> =
            sessions(&ctx, spec)?.unwrap_or_default().into_iter().filter(|s| s.stuck(spec)).collect();
        let history = store.attempts_since(monitor, &ActionKind::Unstick, ctx.now - spec.window.as_secs_f64())?;
        stuck.iter().map(|s| one(&ctx, store, monitor, spec, s, &history, dry_run)).collect()
    }
}

fn one(
    ctx: &CheckCtx<'_>,
    store: &Store,
    monitor: &str,
    spec: &TmuxSpec,
    s: &Session,
    history: &[ActionRow],
    dry_run: DryRun,
) -> Result<SessionHeal> {
    let name = s.name.as_str();
    let prefix = format!("{name}: ");
    let mine: Vec<&ActionRow> = history.iter().filter(|r| r.target.as_deref() == Some(name)).collect();
    let tries: Vec<f64> = mine.iter().filter(|r| r.outcome != ActionOutcome::GaveUp).map(|r| r.ts).collect();
    let keys = spec.keys.join(" ");
    let done = |outcome: Outcome, steps: &[String]| SessionHeal {
        session: name.to_string(),
        outcome,
        details: format!("{prefix}{}", steps.join("; ")),
    };
    let record = |outcome: ActionOutcome, ts: f64, h: &SessionHeal| {
        let row = ActionRow {
            outcome,
            target: Some(name.to_string()),
            details: h.details.clone(),
            pid: Some(std::process::id()),
            finished_at: Some(ts),
            ..ActionRow::new(ts, monitor, ActionKind::Unstick)
        };
        store.record_action(&row)
    };
    match budget(spec, &tries, ctx.now) {
        Budget::GaveUp { restarts } => {
            let h = done(
                Outcome::GaveUp,
                &[format!(
                    "{restarts} tries within {} and still no output: no more {keys} until it prints or the window passes",
                    format_duration(spec.window)
                )],
            );
            // Once per spell, not once per run.
            let last = tries.last().copied().unwrap_or(0.0);
            if !dry_run.yes() && !mine.iter().any(|r| r.outcome == ActionOutcome::GaveUp && r.ts >= last) {
                record(ActionOutcome::GaveUp, unix_now(), &h)?;
            }
            return Ok(h);
        }
        Budget::BackOff { since, wait } => {
            let step = format!("last tried {} ago: next try in {}", format_duration(since), format_duration(wait));
            return Ok(done(Outcome::BackingOff, &[step]));
        }
        Budget::Go => {}
    }
    if dry_run.yes() {
        let mut steps = vec![format!("would send {keys}")];
        if let Some(cmd) = &spec.on_stuck {
            steps.push(format!("would run {}", cmd.join(" ")));
        }
        return Ok(done(Outcome::WouldUnstick, &steps));
    }
    // Record before acting: the row counts against the
    // session's budget from now on, whatever becomes of hm.
    let mut targets = format!("session {name}: send {keys}");
    if let Some(cmd) = &spec.on_stuck {
        targets.push_str(&format!("; run {}", cmd.join(" ")));
    }
    let intent = Intent {
        target: Some(name.to_string()),
        details: format!("{prefix}sending {keys}"),
        ..Intent::new(monitor, ActionKind::Unstick, targets)
    };
    let pending = intend_one(store, intent)?;
    let tried = send_and_verify(ctx.host, spec, name);
    let outcome = match tried.outcome {
        Sent::Unstuck => Outcome::Unstuck,
        Sent::StillStuck => Outcome::StillStuck,
        Sent::Failed => Outcome::Failed,
    };
    if tried.outcome == Sent::StillStuck {
        // Its output so far is the echo of these keys: the session stays
        // stuck since its own last output.
        let now = unix_now();
        let stamp = activity(ctx, spec).ok().flatten().and_then(|a| a.get(name).map(|l| l.last)).unwrap_or(now.floor());
        store.set_counter(&sent_key(spec, name), Counter { value: stamp, ts: now }.into())?;
        store.set_counter(&quiet_key(spec, name), Counter { value: s.last_output, ts: now }.into())?;
    }
    let mut steps = tried.steps;
    if let (Some(cmd), false) = (&spec.on_stuck, tried.outcome == Sent::Failed) {
        steps.push(run_on_stuck(cmd, monitor, name, s.idle_s, outcome.as_str(), &tried.tail));
    }
    let h = done(outcome, &steps);
    pending
        .finish(if tried.outcome == Sent::Unstuck { ActionOutcome::Ok } else { ActionOutcome::Failed }, &h.details)?;
    Ok(h)
}
