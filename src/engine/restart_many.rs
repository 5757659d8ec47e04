//! The restarts of one heal, side by side: when a hundred workers die
//! together (a deploy gone wrong, the OOM killer, `kill -9` of a process
//! group), restarting them one after another would take a hundred times
//! `restart_delay` plus two process scans each. Their stops
//! and starts run [`AT_ONCE`] at a time, and so do their verifications
//! (`engine::later`), each once its own `restart_delay` is up: no thread
//! sits out a delay while other workers wait to be started. The
//! verifications come after: `hm heal` waits for them, `hm run --heal`
//! keeps them beside its loop.
//!
//! Only the middle runs in parallel: the budgets are read first, the
//! intents of all of them committed together before any worker is
//! touched, and the outcomes recorded after, one after another
//! on the heal's one database connection, so every action is recorded
//! before it is done and before it is reported, and the heal's run lock
//! (taken once by `Engine::heal`) covers them all.
//! Each restart is its monitor's own (its budget, backoff, PID-reuse
//! checks, its verification scan): they share nothing but the thread pool.

use super::heal_steps::remedy;
use super::intent::{Intent, NotActing, Pending, intend};
use super::later::{Later, Step};
use super::report::{Outcome, Remedy, RemedyKind};
use super::restart_steps::{Begun, record};
use super::{Asker, DryRun, Engine};
use crate::check::CheckResult;
use crate::config::Monitor;
use crate::store::Store;
use anyhow::{Result, anyhow};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Restarts carried out at once, at most: enough that a mass failure
/// recovers in a few rounds of `restart_delay`, few enough that starting
/// workers does not swamp a machine already in trouble.
pub(super) const AT_ONCE: usize = 8;

impl Engine {
    /// Restart `monitors`' workers (within their budgets), [`AT_ONCE`] at
    /// a time; one step each, in `monitors`' order: a restart started is
    /// to be verified ([`Later`]). `results` are the heal's check: what it
    /// found running is what a restart stops.
    pub(super) fn restart_many(
        &self,
        store: &Store,
        monitors: &[&Monitor],
        results: &[CheckResult],
        dry_run: DryRun,
    ) -> Result<Vec<Step>, NotActing> {
        let line = |m: &Monitor, r: Result<super::report::RestartReport>| match r {
            Ok(rep) => {
                Remedy { retry_in: rep.retry_in, ..remedy(m, RemedyKind::Restart, rep.outcome, rep.steps.join("; ")) }
            }
            Err(e) => remedy(m, RemedyKind::Restart, Outcome::Failed, format!("{e:#}")),
        };
        let mut out: Vec<Option<Remedy>> = monitors.iter().map(|_| None).collect();
        let mut go = Vec::new();
        for (i, m) in monitors.iter().enumerate() {
            match self.held_back(store, m, Asker::Heal, dry_run, None) {
                Ok(None) => go.push(i),
                Ok(Some(rep)) => out[i] = Some(line(m, Ok(rep))),
                Err(e) => out[i] = Some(line(m, Err(e))),
            }
        }
        // What runs of each, side by side (the check's pids, read again).
        let prepared = side_by_side(&go, |i| {
            self.prepare(monitors[i], dry_run, None, found(results, monitors[i]), Asker::Heal)
                .map(|b| Mutex::new(Some(b)))
        });
        let mut ready = Vec::new();
        for (i, b) in prepared {
            match b {
                Ok(b) => ready.push((i, b)),
                Err(e) => out[i] = Some(line(monitors[i], Err(e))),
            }
        }
        ready.sort_by_key(|(i, _)| *i);
        let take = |k: usize| ready[k].1.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        // A worker found dead by a run that did not see it die: its death
        // first, before the restart that answers it.
        let watching = self.deaths.watching();
        for (_, b) in &ready {
            if let Some(b) = b.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_mut() {
                b.record_found_dead(store, watching);
            }
        }
        // Every intent committed at once, before any worker is touched
        //: all of them, or nothing is done.
        let mut pending: Vec<Option<Pending<'_>>> = if dry_run.yes() {
            ready.iter().map(|_| None).collect()
        } else {
            let intents: Vec<Intent> = ready
                .iter()
                .filter_map(|(_, b)| {
                    b.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref().map(|b| b.intent())
                })
                .collect();
            intend(store, &intents)?.into_iter().map(Some).collect()
        };
        // Stop and start AT_ONCE at a time, then verify each once its
        // `restart_delay` is up: no thread waits out a delay while workers
        // are left to start, so a hundred restarts take about one delay,
        // not a hundred over AT_ONCE of them.
        let nth: Vec<usize> = (0..ready.len()).collect();
        let started = side_by_side(&nth, |k| {
            let b = take(k).ok_or_else(|| anyhow!("internal error: a restart started twice"))?;
            Ok(Mutex::new(Some(self.start(b))))
        });
        let started: Vec<(usize, Mutex<Option<Begun>>)> = started
            .into_iter()
            .filter_map(|(k, b)| match b {
                Ok(b) => Some((k, b)),
                Err(e) => {
                    out[ready[k].0] = Some(line(monitors[ready[k].0], Err(e)));
                    None
                }
            })
            .collect();
        // What was started goes into its row before the wait; one that
        // did not start has nothing to wait for, and is recorded now.
        let mut steps: Vec<Option<Step>> = out.into_iter().map(|r| r.map(Step::Done)).collect();
        for (k, b) in started {
            let Some(b) = b.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) else { continue };
            let i = ready[k].0;
            let p = pending.get_mut(k).and_then(Option::take);
            steps[i] = Some(match b.started() {
                Some(what) => {
                    if let Some(p) = &p {
                        p.note(&what, &self.ctx().say);
                    }
                    Step::Later(Box::new(Later::new(b, p.map(Pending::hold), &monitors[i].name, String::new())))
                }
                None => Step::Done(line(monitors[i], record(p, self.verify(b)))),
            });
        }
        Ok(steps.into_iter().flatten().collect())
    }
}

/// What the check of `results` found running for `m`, when it found
/// processes at all (it counted them). A check that could not look (a
/// pidfile not trusted, a hung check) says nothing: the restart scans, and
/// refuses as it always did.
fn found<'r>(results: &'r [CheckResult], m: &Monitor) -> Option<&'r [(u32, u64)]> {
    let r = results.iter().find(|r| r.monitor == m.name)?;
    r.metrics.iter().any(|x| x.name == "count").then_some(r.procs.as_slice())
}

/// `f` of each of `items` on up to [`AT_ONCE`] threads; `(item, result)`
/// in no particular order. A panic is that item's error; with no thread
/// to be had, the items run here.
pub(super) fn side_by_side<T: Send>(items: &[usize], f: impl Fn(usize) -> Result<T> + Sync) -> Vec<(usize, Result<T>)> {
    let one = |i: usize| {
        catch_unwind(AssertUnwindSafe(|| f(i))).unwrap_or_else(|_| Err(anyhow!("internal error: the restart panicked")))
    };
    if items.len() <= 1 {
        return items.iter().map(|&i| (i, one(i))).collect();
    }
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(items.len()));
    let work = || {
        while let Some(&i) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
            let r = one(i);
            done.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((i, r));
        }
    };
    std::thread::scope(|s| {
        for _ in 1..items.len().min(AT_ONCE) {
            if std::thread::Builder::new().name("hm-restart".into()).spawn_scoped(s, work).is_err() {
                break;
            }
        }
        // This thread is one of the AT_ONCE: something gets done even with
        // no thread to be had.
        work();
    });
    done.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn at_most_eight_at_once_and_every_item_once() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let items: Vec<usize> = (0..40).collect();
        let mut out = side_by_side(&items, |i| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(20));
            running.fetch_sub(1, Ordering::SeqCst);
            if i == 7 { Err(anyhow!("seven")) } else { Ok(i * 2) }
        });
        out.sort_by_key(|(i, _)| *i);
        assert_eq!(out.len(), 40);
        assert!(out.iter().all(|(i, r)| r.as_ref().map_or(*i == 7, |v| *v == i * 2)));
        let most = most.load(Ordering::SeqCst);
        assert!(most <= AT_ONCE, "{most} at once");
        assert!(most > 1, "one after another");
    }
}
