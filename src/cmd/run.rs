//! `hm run`: check (or heal) every interval in the foreground, for
//! systemd `Type=simple` or a terminal; `hm serve` runs the same loop.
//!
//! Each cycle runs on a thread of its own while the main thread watches
//! the signals, so SIGTERM and SIGINT stop hm within a second even when a
//! check is slow (the cycle is given most of that second to finish; its
//! database writes are transactions, so one cut short leaves nothing
//! half-written). Cycles never overlap: one that overruns the interval
//! delays the next. SIGHUP reloads hm.toml between cycles; an invalid
//! (or vanished) file is reported and the old config kept, as systemd's
//! `reload` promises. Edits alone change nothing: the file is read only on
//! SIGHUP, so a half-saved file is never picked up.

use super::Ctx;
use super::check::CheckReport;
use super::heal::HealReport;
use crate::config::Config;
use anyhow::{Context, Result};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How often the main thread looks at the signal flags.
const TICK: Duration = Duration::from_millis(50);

/// How long a cycle in progress may take to finish after SIGTERM.
const FINISH: Duration = Duration::from_millis(800);

/// The signals the loop obeys, as flags set by their handlers.
#[derive(Clone)]
pub struct Signals {
    pub stop: Arc<AtomicBool>,
    pub reload: Arc<AtomicBool>,
}

impl Signals {
    pub fn install() -> Result<Signals> {
        let s = Signals { stop: Arc::new(AtomicBool::new(false)), reload: Arc::new(AtomicBool::new(false)) };
        for sig in [SIGTERM, SIGINT] {
            signal_hook::flag::register(sig, s.stop.clone()).context("cannot handle SIGTERM/SIGINT")?;
        }
        signal_hook::flag::register(SIGHUP, s.reload.clone()).context("cannot handle SIGHUP")?;
        Ok(s)
    }

    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// What one cycle produced.
#[derive(Debug)]
pub enum Cycle {
    Check(CheckReport),
    Heal(HealReport),
    /// The cycle failed as a whole (database unusable, ...).
    Failed(String),
    /// hm.toml was reloaded (`Ok`) or kept because the new one is invalid.
    Reloaded(Result<String, String>),
}

/// How the loop runs.
#[derive(Debug, Clone)]
pub struct LoopArgs {
    /// From the command line; else the config's `interval`.
    pub interval: Option<Duration>,
    pub heal: bool,
}

fn cycle(ctx: &Ctx, config: &Config, heal: bool) -> Cycle {
    let result = if heal {
        super::heal::run_with(ctx, config, &[], false).map(Cycle::Heal)
    } else {
        super::check::run_with(ctx, config, &[], Instant::now()).map(Cycle::Check)
    };
    result.unwrap_or_else(|e| Cycle::Failed(format!("{e:#}")))
}

/// Wait until `deadline` or a signal; true when told to stop.
fn sleep_until(deadline: Instant, signals: &Signals) -> bool {
    while Instant::now() < deadline {
        if signals.stopping() || signals.reload.load(Ordering::Relaxed) {
            break;
        }
        std::thread::sleep(TICK.min(deadline.saturating_duration_since(Instant::now())));
    }
    signals.stopping()
}

/// The config in force, shared with whoever else reads it (`hm serve`'s
/// handlers), replaced on SIGHUP.
pub type SharedConfig = RwLock<Arc<Config>>;

/// The config in force now.
pub fn current(shared: &SharedConfig) -> Arc<Config> {
    match shared.read() {
        Ok(c) => c.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Run cycles until SIGTERM or SIGINT; `emit` gets every cycle's outcome.
/// A SIGHUP reloads `shared` and starts a cycle at once.
pub fn run_loop(
    ctx: &Ctx,
    args: &LoopArgs,
    signals: &Signals,
    shared: &SharedConfig,
    mut emit: impl FnMut(Cycle),
) -> Result<()> {
    loop {
        if signals.reload.swap(false, Ordering::Relaxed) {
            // A config that came from a file must still be there: a file
            // moved away mid-edit is an error, not a switch to the
            // embedded defaults.
            let (path, named) = ctx.config_path();
            match Config::load(&path, named || current(shared).path.is_some()) {
                Ok(c) => {
                    let shown = path.display().to_string();
                    let n = c.monitors.len();
                    match shared.write() {
                        Ok(mut slot) => *slot = Arc::new(c),
                        Err(poisoned) => *poisoned.into_inner() = Arc::new(c),
                    }
                    emit(Cycle::Reloaded(Ok(format!("reloaded {shown}: {n} monitors"))));
                }
                Err(e) => emit(Cycle::Reloaded(Err(format!("{e:#}; keeping the previous config")))),
            }
        }
        let config = current(shared);
        let started = Instant::now();
        let (tx, rx) = mpsc::channel();
        let (c, cfg, heal) = (ctx.clone(), config.clone(), args.heal);
        std::thread::Builder::new()
            .name("hm-cycle".into())
            .spawn(move || {
                let _ = tx.send(cycle(&c, &cfg, heal));
            })
            .context("cannot start a check cycle")?;
        let mut stop_at: Option<Instant> = None;
        let outcome = loop {
            match rx.recv_timeout(TICK) {
                Ok(c) => break Some(c),
                Err(mpsc::RecvTimeoutError::Disconnected) => break Some(Cycle::Failed("the cycle crashed".into())),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            if signals.stopping() {
                let at = *stop_at.get_or_insert_with(|| Instant::now() + FINISH);
                if Instant::now() >= at {
                    break None;
                }
            }
        };
        match outcome {
            Some(c) => emit(c),
            None => return Ok(()), // stopping; the unfinished cycle goes with the process
        }
        let interval = args.interval.unwrap_or(config.settings.interval);
        if signals.stopping() || sleep_until(started + interval, signals) {
            return Ok(());
        }
    }
}

/// `hm run`: the loop, printing each cycle through `print`.
pub fn run(ctx: &Ctx, args: &LoopArgs, print: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let config = Arc::new(RwLock::new(Arc::new(ctx.config()?)));
    run_loop(ctx, args, &signals, &config, print)
}
