//! The loop of `hm run` and `hm serve`: check (or heal) every interval in
//! the foreground, for systemd `Type=simple` or a terminal.
//!
//! Each cycle runs on a thread of its own while the main thread waits for
//! the signals, so SIGTERM and SIGINT stop hm within a second even when a
//! check is slow (the cycle is given most of that second to finish; its
//! database writes are transactions, so one cut short leaves nothing
//! half-written). Cycles never overlap: one that overruns the interval
//! delays the next. SIGHUP reloads hm.toml between cycles; an invalid
//! (or vanished) file is reported and the old config kept, as systemd's
//! `reload` promises. Edits alone change nothing: the file is read only on
//! SIGHUP, so a half-saved file is never picked up.
//!
//! Between cycles the loop also wakes when a watched worker exits or a
//! stale heartbeat file is touched (`engine::watch`): just those
//! monitors are checked (or healed) then, at once, and the next full cycle
//! keeps its time. A restart held back by its backoff is tried again when
//! the backoff ends, not at the next cycle. Changes that come during a cycle wait for its end and
//! are run together, so cycles still never overlap.
//!
//! An escalation tier's `unacked_for` is a timer too: the loop wakes at
//! the next one and escalates then (`engine::escalate`), checking nothing.
//!
//! A heal's restarts are verified beside the loop (`engine::later`):
//! its cycle ends once they are started, and they are verified in a
//! run of their own when their `restart_delay` is up, so other monitors
//! are checked and healed meanwhile.

use super::daemon_said::say_drift;
pub(crate) use super::daemon_said::started;
use super::later::{Later, Waiting};
pub(crate) use super::report::Cycle;
use super::report::{CycleFailed, Reload};
pub(crate) use super::wake::Signals;
use super::watch::{Want, Watcher};
use super::{Ctx, DryRun, Engine};
use crate::config::Config;
use crate::host::ProcNeeds;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long the loop waits for more changes after the last, so that
/// workers killed together are healed together, and at most.
const SETTLE: Duration = Duration::from_millis(5);
const SETTLE_MOST: Duration = Duration::from_millis(50);

/// How long a cycle in progress may take to finish after SIGTERM.
const FINISH: Duration = Duration::from_millis(800);

/// How the loop runs.
#[derive(Debug, Clone)]
pub(crate) struct LoopArgs {
    /// From the command line; else the config's `interval`.
    pub interval: Option<Duration>,
    pub heal: bool,
}

/// What a cycle thread runs.
enum Job {
    /// Every monitor (none named), or those that changed; a heal does not
    /// restart the workers waiting for their verification.
    Cycle { names: Vec<String>, waiting: Vec<String> },
    /// The verifications now due.
    Verify(Vec<Later>),
    /// An escalation tier's `unacked_for` has come: escalate, check nothing.
    Escalate,
}

/// One cycle, and the restarts it left to verify.
fn cycle(engine: &Engine, config: &Config, heal: bool, job: Job) -> (Cycle, Vec<Later>) {
    let failed = |e: anyhow::Error| Cycle::Failed(CycleFailed::Error(e));
    match job {
        Job::Verify(due) => (engine.verify_due(config, due).map_or_else(failed, Cycle::Heal), Vec::new()),
        Job::Escalate => (engine.escalate(config).map_or_else(failed, Cycle::Check), Vec::new()),
        Job::Cycle { names, waiting } if heal => match engine.heal_with(config, &names, DryRun::No, Some(&waiting)) {
            Ok((r, later)) => (Cycle::Heal(r), later),
            // Another hm acts (a person's rolling restart of a pool holds
            // the run lock throughout): this cycle checks and records, and
            // the next heals. Not a failed cycle: `/health` stays 200.
            Err(e) if crate::lock::Busy::is(&e) => match engine.check(config, &names, Instant::now()) {
                Ok(mut r) => {
                    r.warnings.push(format!("not healed this cycle: {e:#}"));
                    (Cycle::Check(r), Vec::new())
                }
                Err(e) => (failed(e), Vec::new()),
            },
            Err(e) => (failed(e), Vec::new()),
        },
        Job::Cycle { names, .. } => {
            (engine.check(config, &names, Instant::now()).map_or_else(failed, Cycle::Check), Vec::new())
        }
    }
}

/// Run a cycle on a thread of its own and wait for it, noting signals and
/// changes meanwhile; `None` when told to stop (the unfinished cycle goes
/// with the process).
fn run_cycle(
    engine: &Arc<Engine>,
    config: &Arc<Config>,
    heal: bool,
    job: Job,
    signals: &Signals,
) -> Result<Option<(Cycle, Vec<Later>)>> {
    let (done, cfg, e) = (signals.done(), config.clone(), engine.clone());
    std::thread::Builder::new()
        .name("hm-cycle".into())
        .spawn(move || {
            // A cycle that panics still wakes the loop.
            done(
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cycle(&e, &cfg, heal, job)))
                    .unwrap_or_else(|_| (Cycle::Failed(CycleFailed::Crashed), Vec::new())),
            );
        })
        .context("cannot start a check cycle")?;
    let mut stop_at: Option<Instant> = None;
    loop {
        // Once stopping, look every few milliseconds whether a heal still
        // has a remedy to record.
        let deadline = stop_at.map(|at| at.min(Instant::now() + Duration::from_millis(10)));
        if let Ok(Some(c)) = signals.wait(deadline) {
            return Ok(Some(c));
        }
        if signals.stopping() {
            let at = *stop_at.get_or_insert_with(|| Instant::now() + FINISH);
            // A heal with no remedy under way has nothing to record: it
            // is not waited for (one waiting on the run lock
            // could hold hm 1.5 s). FINISH passed: the cycle goes with hm.
            if Instant::now() >= at || (heal && crate::host::stop::wait_idle(Duration::ZERO)) {
                return Ok(None);
            }
        }
    }
}

/// Wait until `deadline`, SIGHUP, a stop signal or a change; true when
/// told to stop.
fn sleep_until(deadline: Instant, signals: &Signals) -> bool {
    while !signals.stopping() && !signals.reloading() && !signals.changed() && Instant::now() < deadline {
        if signals.wait(Some(deadline)).is_err() {
            break;
        }
    }
    signals.stopping()
}

/// What a run's results say to watch next: a full cycle's replace all, a
/// targeted run's its own monitors' (a heal's check after its remedies
/// last, so a restarted worker's new pid is watched).
fn take_in(want: &mut Want, config: &Config, c: &Cycle, full: bool) {
    match c {
        Cycle::Check(r) => want.update(config, &r.results, full),
        Cycle::Heal(h) => {
            want.update(config, &h.before.results, full);
            if let Some(after) = &h.after {
                want.update(config, &after.results, false);
            }
        }
        Cycle::Failed(_) | Cycle::Reloaded(_) => {}
    }
}

/// When the escalation a cycle's alerts left is due, on the loop's clock
/// (a hair late rather than early: early finds nothing due and waits again).
fn escalation_mark(c: &Cycle) -> Option<Instant> {
    let at = match c {
        Cycle::Check(r) => r.escalate_at,
        Cycle::Heal(h) => h.after.as_ref().map_or(h.before.escalate_at, |a| a.escalate_at.or(h.before.escalate_at)),
        Cycle::Failed(_) | Cycle::Reloaded(_) => None,
    }?;
    let wait = (at - crate::time::unix_now()).max(0.0);
    Some(Instant::now() + Duration::from_secs_f64(wait) + Duration::from_millis(20))
}

/// The config in force, shared with whoever else reads it (`hm serve`'s
/// handlers), replaced on SIGHUP.
pub(crate) type SharedConfig = RwLock<Arc<Config>>;

/// The config in force now.
pub(crate) fn current(shared: &SharedConfig) -> Arc<Config> {
    match shared.read() {
        Ok(c) => c.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Reload hm.toml into `shared`, or say why the old config stays.
fn reload(ctx: &Ctx, shared: &SharedConfig, emit: &mut impl FnMut(Cycle)) -> Result<()> {
    // A config that came from a file must still be there: a file moved
    // away mid-edit is an error, not a switch to the embedded defaults.
    let (path, named) = ctx.config_path()?;
    match Config::load(&path, named || current(shared).path.is_some()) {
        Ok(c) => {
            let monitors = c.monitors.len();
            match shared.write() {
                Ok(mut slot) => *slot = Arc::new(c),
                Err(poisoned) => *poisoned.into_inner() = Arc::new(c),
            }
            emit(Cycle::Reloaded(Reload::Reloaded { path, monitors }));
        }
        Err(e) => emit(Cycle::Reloaded(Reload::Kept(e))),
    }
    Ok(())
}

/// Run cycles until SIGTERM or SIGINT; `emit` gets every cycle's outcome.
/// A SIGHUP reloads `shared` and starts a cycle at once; a watched process
/// that exits or a watched file that changes (`engine::watch`) has its
/// monitors checked (or healed) at once, between cycles, without moving
/// the next one. Restarts not yet verified when it stops are recorded
/// `interrupted`.
pub(crate) fn run_loop(
    engine: &Arc<Engine>,
    args: &LoopArgs,
    signals: &Signals,
    shared: &SharedConfig,
    emit: impl FnMut(Cycle),
) -> Result<()> {
    crate::host::few_malloc_arenas();
    let mut waiting = Waiting::default();
    let result = cycles(engine, args, signals, shared, emit, &mut waiting);
    waiting.interrupt(engine, &current(shared));
    result
}

fn cycles(
    engine: &Arc<Engine>,
    args: &LoopArgs,
    signals: &Signals,
    shared: &SharedConfig,
    mut emit: impl FnMut(Cycle),
    waiting: &mut Waiting,
) -> Result<()> {
    let ctx = engine.ctx();
    let say = &ctx.say;
    let watcher =
        Watcher::start(engine.host(ProcNeeds::default()), engine.deaths.clone(), say.clone(), signals.changes())?;
    if let Some(note) = &watcher.note {
        say.note(note.as_str());
    }
    // Death certificates, written beside the loop.
    let coroner = super::death::Coroner::start(engine, current(shared));
    if let Some(note) = &coroner.note {
        say.note(note.as_str());
    }
    let mut want = Want::default();
    let mut next_full = Instant::now();
    // Workers backing off, and when their next attempt is allowed.
    let mut retries: BTreeMap<String, Instant> = BTreeMap::new();
    // How far the system clock had moved from hm's when last said.
    let mut drift_said = 0.0;
    // When the next escalation tier is due (`alert::escalate`).
    let mut escalate_at: Option<Instant> = None;
    loop {
        drift_said = say_drift(drift_said, say);
        if signals.take_reload() {
            let before = current(shared);
            reload(ctx, shared, &mut emit)?;
            // A removed monitor's processes are no longer watched.
            want.retain(&current(shared));
            watcher.arm(&want);
            if args.heal {
                match engine.scale_down(&before, &current(shared)) {
                    Ok(lines) => lines.into_iter().for_each(|l| say.note(l)),
                    Err(e) => say.warning(format!("cannot stop the instances above a pool's new size: {e:#}")),
                }
            }
            next_full = Instant::now();
        }
        let config = current(shared);
        coroner.config(&config);
        let started = Instant::now();
        // The verifications due first, in a run of their own.
        let due = waiting.take_due(started);
        if !due.is_empty() {
            let Some((c, _)) = run_cycle(engine, &config, args.heal, Job::Verify(due), signals)? else { return Ok(()) };
            take_in(&mut want, &config, &c, false);
            watcher.arm(&want);
            if let Cycle::Heal(h) = &c {
                retries.extend(super::later::down_after(h).into_iter().map(|n| (n, started)));
            }
            emit(c);
            continue;
        }
        if escalate_at.is_some_and(|at| at <= started) {
            let Some((c, _)) = run_cycle(engine, &config, args.heal, Job::Escalate, signals)? else { return Ok(()) };
            // Its mark is the whole truth: what was acked since is gone.
            escalate_at = escalation_mark(&c);
            super::daemon_said::escalated(c, say, &mut emit);
            continue;
        }
        let full = started >= next_full;
        // What changed, and the backoffs that ended; a full cycle checks
        // them all anyway.
        if !full && signals.changed() {
            // Workers killed together die within moments of each other:
            // until a few milliseconds pass with no more, and they are
            // healed in one run.
            signals.settle(SETTLE, SETTLE_MOST);
            if signals.stopping() {
                return Ok(());
            }
        }
        let mut names = signals.take_changed();
        let due: Vec<String> = retries.iter().filter(|(_, at)| **at <= started).map(|(n, _)| n.clone()).collect();
        for n in due {
            retries.remove(&n);
            names.push(n);
        }
        names.sort();
        names.dedup();
        names.retain(|n| config.monitors.iter().any(|m| &m.name == n && m.enabled));
        if full || !names.is_empty() {
            if full {
                names.clear();
                retries.clear();
                next_full = started + args.interval.unwrap_or(config.settings.interval);
            }
            let job = Job::Cycle { names, waiting: waiting.workers() };
            let Some((c, later)) = run_cycle(engine, &config, args.heal, job, signals)? else { return Ok(()) };
            waiting.add(later);
            escalate_at = escalation_mark(&c).or(escalate_at);
            take_in(&mut want, &config, &c, full);
            watcher.arm(&want);
            if let Cycle::Heal(h) = &c {
                for r in &h.remedies {
                    if let Some(wait) = r.retry_in {
                        // A hair late rather than early: early backs off again.
                        retries.insert(r.monitor.clone(), Instant::now() + wait + Duration::from_millis(20));
                    }
                }
            }
            emit(c);
        }
        let wake_at = retries.values().copied().chain(waiting.next()).chain(escalate_at).fold(next_full, Instant::min);
        if signals.stopping() || sleep_until(wake_at, signals) {
            return Ok(());
        }
    }
}
