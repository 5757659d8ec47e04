//! Carrying out a heal's plan: one [`Plan`] step per monitor, each ending
//! in a [`Remedy`] line of the report. The remedies themselves (budgets,
//! verification, the actions record) are in their own files; this is the
//! one place that maps a plan onto them and an error onto `failed`.

use super::heal::{Done, Plan};
use super::intent::NotActing;
use super::later::Step;
use super::report::{Outcome, Remedy, RemedyKind};
use super::{DryRun, Engine};
use crate::check::CheckResult;
use crate::config::{Config, Monitor, Spec};
use crate::store::{ActionKind, ActionOutcome, ActionRow, Store};
use crate::time::unix_now;
use crate::units::format_bytes;
use anyhow::Result;

/// A line of the report.
pub(super) fn remedy(m: &Monitor, remedy: RemedyKind, outcome: Outcome, details: String) -> Remedy {
    Remedy { monitor: m.name.clone(), remedy, outcome, details, retry_in: None }
}

/// Record, at once, what needs no intent (a budget reset, a `gave up`) or
/// what could not have one (`clean-disk` on the database's full disk).
pub(super) fn record(
    store: &Store,
    ts: f64,
    monitor: &str,
    action: ActionKind,
    outcome: ActionOutcome,
    details: String,
) -> Result<()> {
    store.record_action(&ActionRow {
        outcome,
        details,
        pid: Some(std::process::id()),
        finished_at: Some(unix_now()),
        ..ActionRow::new(ts, monitor, action)
    })
}

impl Engine {
    /// Carry out `plans`: the workers that are down first, [`AT_ONCE`] at
    /// a time (`restart_many`); the stalled workers last, so a worker its
    /// own monitor restarted is not restarted twice. The restarts started
    /// are in `Done::later`, their lines `started` until verified; the
    /// workers in `waiting` (started by an earlier heal, not verified yet)
    /// are not restarted again.
    ///
    /// [`AT_ONCE`]: super::restart_many::AT_ONCE
    pub(super) fn carry_out(
        &self,
        store: &Store,
        config: &Config,
        results: &[CheckResult],
        plans: &[(&Monitor, Plan)],
        dry_run: DryRun,
        waiting: &[String],
    ) -> Done {
        let mut remedies = Vec::new();
        let mut cleaned = None;
        let mut stalled = Vec::new();
        // The first remedy that cannot record its intent stops the heal:
        // nothing more is begun.
        let mut refused: Option<String> = None;
        // The workers that are down first, side by side; their
        // lines keep their places in the report.
        let down: Vec<&Monitor> =
            plans.iter().filter(|(m, s)| *s == Plan::Restart && !waiting.contains(&m.name)).map(|(m, _)| *m).collect();
        let mut later = Vec::new();
        let mut restarted = match self.restart_many(store, &down, results, dry_run) {
            Ok(r) => r.into_iter(),
            Err(e) => {
                refused = Some(e.to_string());
                Vec::new().into_iter()
            }
        };
        for (m, step) in plans {
            // The restarts are done already (or refused, all together).
            if *step == Plan::Restart && waiting.contains(&m.name) {
                let why = "restarted; its verification is pending (restart_delay): not restarted again";
                remedies.push(remedy(m, RemedyKind::Restart, Outcome::Waiting, why.into()));
                continue;
            }
            if *step == Plan::Restart {
                let why = || refused.clone().unwrap_or_default();
                match restarted.next() {
                    Some(Step::Done(r)) => remedies.push(r),
                    Some(Step::Later(mut l)) => {
                        l.slot = remedies.len();
                        remedies.push(l.placeholder());
                        later.push(*l);
                    }
                    None => remedies.push(remedy(m, RemedyKind::Restart, Outcome::Failed, why())),
                }
                continue;
            }
            if let (Some(why), false) = (&refused, matches!(step, Plan::Nothing(_))) {
                remedies.push(remedy(m, kind_of(step), Outcome::Failed, why.clone()));
                continue;
            }
            let mut failed = |kind, e: anyhow::Error| {
                if let Some(n) = NotActing::find(&e) {
                    refused = Some(n.to_string());
                }
                remedy(m, kind, Outcome::Failed, format!("{e:#}"))
            };
            match step {
                Plan::Restart => {}
                Plan::CleanDisk => remedies.push(match self.clean(store, &config.clean, dry_run) {
                    Ok(c) => {
                        cleaned = Some((c.files, c.bytes));
                        let outcome = if dry_run.yes() { Outcome::WouldClean } else { Outcome::Cleaned };
                        let details = format!(
                            "{}, {}",
                            crate::units::count(c.files as u64, "file"),
                            format_bytes(c.bytes as f64)
                        );
                        remedy(m, RemedyKind::CleanDisk, outcome, details)
                    }
                    Err(e) => failed(RemedyKind::CleanDisk, e),
                }),
                Plan::ClearLocks => {
                    let Spec::Sqlite(q) = &m.spec else { continue };
                    let targets = [(q.path.clone(), q.killable.clone())];
                    remedies.push(match self.clear_locks(store, &targets, dry_run) {
                        Ok(rep) => {
                            let d = &rep.databases[0];
                            let outcome = match (dry_run.yes(), d.left_alone) {
                                (_, true) => Outcome::LeftAlone,
                                (true, false) => Outcome::WouldClear,
                                (false, false) => Outcome::Cleared,
                            };
                            remedy(m, RemedyKind::ClearLocks, outcome, d.steps.join("; "))
                        }
                        Err(e) => failed(RemedyKind::ClearLocks, e),
                    });
                }
                Plan::Unstick => {
                    let Spec::Tmux(t) = &m.spec else { continue };
                    // One remedy per stuck session, each budgeted and
                    // recorded on its own (engine::unstick).
                    match self.unstick_all(store, &m.name, t, dry_run) {
                        Ok(done) if done.is_empty() => remedies.push(remedy(
                            m,
                            RemedyKind::Unstick,
                            Outcome::NotHealed,
                            "no session stuck any more".into(),
                        )),
                        Ok(done) => remedies
                            .extend(done.into_iter().map(|s| remedy(m, RemedyKind::Unstick, s.outcome, s.details))),
                        Err(e) => remedies.push(failed(RemedyKind::Unstick, e)),
                    }
                }
                Plan::RestartStalled => {
                    if let Some(r) = results.iter().find(|r| r.monitor == m.name) {
                        stalled.push((*m, r));
                    }
                }
                Plan::Nothing(why) => remedies.push(remedy(m, RemedyKind::None, Outcome::NotHealed, why.clone())),
            }
        }
        if let Some(why) = &refused {
            remedies.extend(stalled.iter().map(|(m, _)| remedy(m, RemedyKind::Restart, Outcome::Failed, why.clone())));
        } else {
            let (lines, not_acting) = self.restart_stalled(store, config, &stalled, &remedies, dry_run, &mut later);
            remedies.extend(lines);
            refused = not_acting;
        }
        Done { remedies, cleaned, not_acting: refused, later }
    }
}

/// The remedy a plan carries out.
fn kind_of(plan: &Plan) -> RemedyKind {
    match plan {
        Plan::Restart | Plan::RestartStalled => RemedyKind::Restart,
        Plan::CleanDisk => RemedyKind::CleanDisk,
        Plan::ClearLocks => RemedyKind::ClearLocks,
        Plan::Unstick => RemedyKind::Unstick,
        Plan::Nothing(_) => RemedyKind::None,
    }
}
