//! `hm heal` for a worker that is alive but stalled: a monitor with
//! `worker = "NAME"` that is critical (a `heartbeat` or `tasks` monitor
//! gone stale, an `http`, `tcp`, `command`, `sqlite` or `tmux` check that
//! fails) gets NAME's worker restarted, though its process runs. This is
//! what the seeds' daemons did for an orchestrator that had done nothing
//! for ten minutes, and Monit's `if failed port then restart`.
//!
//! The restart itself is `restart-worker`'s (budget, backoff, PID-reuse
//! guard, actions record), with the reason as its first step. A worker
//! is restarted at most once per heal, however many monitors ask (its own
//! process monitor, found down, included). And a worker just restarted
//! gets the time the monitor allows (the heartbeat's `crit`, the tasks'
//! `window`, else the worker's `min_uptime`) to show life before it is
//! judged again: its last beat is
//! still the old one for a while, and restarting it again for that would
//! kill a healthy worker every cycle until the budget ran out.
//!
//! A check that probes the worker live (`http`, `tcp`, `command`...)
//! ends that grace early: once it has passed after the restart finished,
//! the new worker has answered, and a failure after that is a real one (a
//! server that freezes right after a rolling restart), as supervisord's
//! `startsecs` ends once the program is RUNNING. A check that has not
//! passed since still waits out `min_uptime`: a slow boot is no failure.
//! A heartbeat or tasks check does not end it: passing, it may still show
//! the old worker's last beat.

use super::intent::Pending;
use super::later::Later;
use super::report::{Outcome, Remedy, RemedyKind};
use super::restart::Step;
use super::{Asker, DryRun, Engine};
use crate::check::CheckResult;
use crate::config::{Config, Monitor, Spec};
use crate::store::ActionKind;
use crate::store::Store;
use crate::time::unix_now;
use crate::units::format_duration;

impl Engine {
    /// Restart the workers of the `stalled` (critical) monitors, skipping
    /// those that `earlier` remedies of this heal already restarted; with
    /// why it stopped, when a restart could not record its intent. The
    /// restarts started go into `later` (their lines after `earlier`).
    pub(super) fn restart_stalled(
        &self,
        store: &Store,
        config: &Config,
        stalled: &[(&Monitor, &CheckResult)],
        earlier: &[Remedy],
        dry_run: DryRun,
        later: &mut Vec<Later>,
    ) -> (Vec<Remedy>, Option<String>) {
        // Worker name, and the monitor whose remedy restarted it.
        let mut done: Vec<(String, String)> = earlier
            .iter()
            .filter(|r| {
                r.remedy == RemedyKind::Restart
                    && matches!(
                        r.outcome,
                        Outcome::Restarted | Outcome::Started | Outcome::Failed | Outcome::WouldRestart
                    )
            })
            .map(|r| (r.monitor.clone(), r.monitor.clone()))
            .collect();
        let mut out = Vec::new();
        for (m, r) in stalled {
            let Some(name) = m.worker.as_deref() else { continue };
            let remedy =
                |outcome: Outcome, details: String| super::heal_steps::remedy(m, RemedyKind::Restart, outcome, details);
            if let Some((_, by)) = done.iter().find(|(w, _)| w == name) {
                let by = if by == name { "as its own monitor found it down".to_string() } else { format!("for {by}") };
                out.push(remedy(
                    Outcome::AlreadyRestarted,
                    format!("worker {name} was restarted once in this heal ({by})"),
                ));
                continue;
            }
            let Some(w) = config.monitors.iter().find(|w| w.name == name) else {
                out.push(remedy(Outcome::Failed, format!("no monitor named `{name}` (hm validate)")));
                continue;
            };
            if !w.enabled {
                out.push(remedy(Outcome::NotHealed, format!("worker {name}'s monitor is disabled: not restarted")));
                continue;
            }
            // The grace, and whether the check passing ends it.
            let (grace, live) = match (&m.spec, &w.spec) {
                (Spec::Heartbeat(h), _) => (h.crit, false),
                (Spec::Tasks(t), _) => (t.window, false),
                // A server restarted less than `min_uptime` ago is still
                // starting: a check that fails meanwhile waits for it,
                // unless it has answered since.
                (_, Spec::Process(p)) => (p.min_uptime, true),
                _ => continue,
            };
            let now = unix_now();
            match in_grace(store, m, name, now - grace.as_secs_f64(), live) {
                Err(e) => {
                    out.push(remedy(Outcome::Failed, format!("{e:#}")));
                    continue;
                }
                Ok(last) => {
                    if let Some(last) = last {
                        let ago = format_duration(crate::units::secs((now - last).max(0.0)));
                        let until = if live { ", or until this check passes once," } else { "" };
                        out.push(remedy(
                            Outcome::Waiting,
                            format!(
                                "worker {name} was restarted {ago} ago: it has {}{until} to show life before another restart",
                                format_duration(grace)
                            ),
                        ));
                        continue;
                    }
                }
            }
            let why = format!("{} {} critical: {}", m.kind(), m.name, r.message);
            done.push((name.to_string(), m.name.clone()));
            out.push(match self.restart_begin(store, w, Asker::Heal, dry_run, Some(&why)) {
                Ok(Step::Done(rep)) => Remedy {
                    retry_in: rep.retry_in,
                    ..remedy(rep.outcome, format!("worker {name}: {}", rep.steps.join("; ")))
                },
                // Verified with the heal's other restarts.
                Ok(Step::Later(b, pending)) => {
                    let mut l = Later::new(*b, pending.map(Pending::hold), &m.name, format!("worker {name}: "));
                    l.slot = earlier.len() + out.len();
                    let line = l.placeholder();
                    later.push(l);
                    line
                }
                Err(e) => {
                    // No intent, no restart: nothing more is begun.
                    if let Some(n) = super::intent::NotActing::find(&e) {
                        let why = n.to_string();
                        out.push(remedy(Outcome::Failed, format!("worker {name}: {why}")));
                        return (out, Some(why));
                    }
                    remedy(Outcome::Failed, format!("worker {name}: {e:#}"))
                }
            });
        }
        (out, None)
    }
}

/// When worker `name` was last restarted (by anyone) since `since`, if
/// that restart's grace still holds for `m`: with `live`, not once `m`
/// has passed after the restart finished (a pending restart has not).
fn in_grace(store: &Store, m: &Monitor, name: &str, since: f64, live: bool) -> anyhow::Result<Option<f64>> {
    let rows = store.attempts_since(name, &ActionKind::Restart, since)?;
    let Some(last) = rows.last() else { return Ok(None) };
    let answered = match last.finished_at {
        Some(done) if live => store.passed_since(&m.name, done)?,
        _ => false,
    };
    Ok((!answered).then_some(last.ts))
}
