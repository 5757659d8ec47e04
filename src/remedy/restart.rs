//! Restarting a worker: through systemd, or by stopping it ourselves
//! (its `stop` command, then SIGTERM, then SIGKILL after a grace period)
//! and starting it detached.
//!
//! A pid is only ever signalled after re-reading it and finding the same
//! start time: between the scan and the signal the worker may have exited
//! and its pid gone to an innocent process. Nor is pid 1, hm or an
//! ancestor of hm ever signalled, whoever asks. Verifying that the new worker
//! runs is the caller's job, with a fresh process scan.

use crate::config::{RestartHow, RestartSpec};
use crate::host::{Host, ProcInfo, Signal};
use anyhow::Result;
use std::time::{Duration, Instant};

/// What stopping and starting did.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Attempt {
    /// One line per step, for the report and the actions table.
    pub steps: Vec<String>,
    /// The pid of the started command (not of systemd's worker).
    pub started: Option<u32>,
    /// The started command as found right after it started (its identity,
    /// should it have to be stopped again).
    pub started_proc: Option<ProcInfo>,
}

/// Whether `p` is still the process that was found (same pid, same start).
fn same(host: &dyn Host, p: &ProcInfo) -> bool {
    host.process(p.pid).is_some_and(|now| now.start_ticks == p.start_ticks && !now.zombie)
}

/// SIGTERM, wait up to `grace`, then SIGKILL — each only if the pid is
/// still the same process.
pub(crate) fn terminate(host: &dyn Host, p: &ProcInfo, grace: Duration, steps: &mut Vec<String>) {
    if host.protected_pids().contains(&p.pid) {
        steps.push(format!("pid {} is init, hm or an ancestor of hm: not signalled", p.pid));
        return;
    }
    if !same(host, p) {
        steps.push(format!("pid {} already gone (or reused): not signalled", p.pid));
        return;
    }
    if let Err(e) = host.signal(p.pid, Signal::SIGTERM) {
        steps.push(format!("{e:#}"));
        return;
    }
    let start = Instant::now();
    while start.elapsed() < grace {
        if !same(host, p) {
            steps.push(format!("pid {} stopped on SIGTERM", p.pid));
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if same(host, p) {
        match host.signal(p.pid, Signal::SIGKILL) {
            Ok(()) => steps.push(format!("pid {} killed after {grace:?}", p.pid)),
            Err(e) => steps.push(format!("{e:#}")),
        }
    }
}

/// A started command that the monitor does not see (its `start` runs
/// something other than what `pattern` matches) is stopped again, so that
/// every failed heal does not leave one more stray process behind.
pub(crate) fn stop_unseen(host: &dyn Host, a: &mut Attempt, seen: &[u32], grace: Duration) {
    let Some(p) = &a.started_proc else { return };
    if seen.contains(&p.pid) || !same(host, p) {
        return;
    }
    a.steps.push(format!(
        "pid {} runs, but the monitor does not find it: check that `start` runs what the monitor matches",
        p.pid
    ));
    terminate(host, p, grace, &mut a.steps);
}

/// Stop the `current` processes and start monitor `name`'s worker again.
pub(crate) fn restart(host: &dyn Host, name: &str, spec: &RestartSpec, current: &[ProcInfo]) -> Result<Attempt> {
    let mut a = Attempt::default();
    match &spec.how {
        RestartHow::Unit(unit) => {
            let argv = ["systemctl", "restart", "--", unit.as_str()].map(String::from);
            host.run_command(&argv, Duration::from_secs(90))?;
            a.steps.push(format!("systemctl restart {unit}"));
        }
        RestartHow::Commands { start, stop } => {
            if let Some(stop) = stop {
                match host.run_command(stop, spec.grace) {
                    Ok(()) => a.steps.push(format!("ran {}", stop.join(" "))),
                    Err(e) => a.steps.push(format!("stop command: {e:#}")),
                }
            }
            for p in current {
                terminate(host, p, spec.grace, &mut a.steps);
            }
            let launch = spec.launch.resolve()?;
            let started = host.start_worker(name, start, spec.log.as_deref(), spec.grace, &launch)?;
            let pid = started.pid;
            match &started.unit {
                Some(unit) => a.steps.push(format!("started {} as {unit} (pid {pid})", start.join(" "))),
                None => a.steps.push(format!("started {} (pid {pid})", start.join(" "))),
            }
            a.started = Some(pid);
            a.started_proc = host.process(pid);
        }
    }
    Ok(a)
}

/// Whether an automatic restart may happen now, from the times of the
/// restarts already made within the window (since the last reset).
#[derive(Debug, PartialEq)]
pub(crate) enum Budget {
    Go,
    /// The budget is spent: an operator must `--reset`.
    GaveUp {
        restarts: usize,
    },
    /// Too soon after the last attempt (`since` ago): wait this long.
    BackOff {
        since: Duration,
        wait: Duration,
    },
}

/// Longest wait between automatic attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);

/// What a budget allows: so many attempts within a window, and the base of
/// the backoff between them. Restarts of a worker and unsticks of a tmux
/// session are budgeted alike, by the same keys (`max_restarts`,
/// `restart_window`).
pub(crate) trait Allowance {
    fn max_attempts(&self) -> u32;
    fn window(&self) -> Duration;
    /// The first wait, doubled for each attempt in the window.
    fn backoff_base(&self) -> Duration;
}

impl Allowance for RestartSpec {
    fn max_attempts(&self) -> u32 {
        self.max_restarts
    }
    fn window(&self) -> Duration {
        self.window
    }
    fn backoff_base(&self) -> Duration {
        self.delay
    }
}

pub(crate) fn budget(spec: &impl Allowance, restarts: &[f64], now: f64) -> Budget {
    let recent: Vec<f64> = restarts.iter().copied().filter(|t| now - t < spec.window().as_secs_f64()).collect();
    if recent.len() >= spec.max_attempts() as usize {
        return Budget::GaveUp { restarts: recent.len() };
    }
    let Some(last) = recent.iter().copied().reduce(f64::max) else { return Budget::Go };
    let factor = 2u32.saturating_pow(recent.len() as u32);
    let backoff = spec.backoff_base().saturating_mul(factor).min(MAX_BACKOFF);
    let since = crate::units::secs((now - last).max(0.0));
    if since < backoff { Budget::BackOff { since, wait: backoff.saturating_sub(since) } } else { Budget::Go }
}

/// How long until the budget allows an automatic attempt again: until
/// enough of the attempts in the window have aged out of it.
pub(crate) fn frees_in(spec: &impl Allowance, restarts: &[f64], now: f64) -> Duration {
    let window = spec.window().as_secs_f64();
    let mut recent: Vec<f64> = restarts.iter().copied().filter(|t| now - t < window).collect();
    recent.sort_by(f64::total_cmp);
    let max = spec.max_attempts() as usize;
    if recent.len() < max {
        return Duration::ZERO;
    }
    // The oldest of the attempts that must age out for one to be free.
    let key = recent[recent.len() - max];
    crate::units::secs((key + window - now).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::fake::FakeHost;

    fn spec() -> RestartSpec {
        RestartSpec {
            how: RestartHow::Commands { start: vec!["worker".into()], stop: None },
            delay: Duration::from_secs(2),
            grace: Duration::from_millis(100),
            max_restarts: 3,
            window: Duration::from_secs(1800),
            log: None,
            launch: Default::default(),
        }
    }

    fn proc(pid: u32, start_ticks: u64) -> ProcInfo {
        ProcInfo { pid, start_ticks, ..Default::default() }
    }

    #[test]
    fn a_reused_pid_is_never_signalled() {
        // Found as pid 10 started at tick 100; pid 10 is now another process.
        let host = FakeHost { procs: vec![proc(10, 200)], ..Default::default() };
        let a = restart(&host, "api", &spec(), &[proc(10, 100)]).expect("restart");
        assert!(host.signals.lock().expect("lock").is_empty());
        assert_eq!(a.steps[0], "pid 10 already gone (or reused): not signalled");
        assert_eq!(a.started, Some(4242));
    }

    #[test]
    fn a_process_that_ignores_sigterm_is_killed() {
        let host = FakeHost { procs: vec![proc(10, 100)], ..Default::default() };
        let a = restart(&host, "api", &spec(), &[proc(10, 100)]).expect("restart");
        assert_eq!(*host.signals.lock().expect("lock"), vec![(10, Signal::SIGTERM), (10, Signal::SIGKILL)]);
        assert!(a.steps[0].starts_with("pid 10 killed after"), "{:?}", a.steps);
        assert_eq!(*host.commands.lock().expect("lock"), vec![vec!["worker".to_string()]]);
    }

    #[test]
    fn issue14_init_hm_and_its_ancestors_are_never_signalled() {
        let host = FakeHost { procs: vec![proc(1, 1), proc(7, 50)], ancestors: vec![7], ..Default::default() };
        let a = restart(&host, "api", &spec(), &[proc(1, 1), proc(7, 50)]).expect("restart");
        assert!(host.signals.lock().expect("lock").is_empty(), "{:?}", a.steps);
        assert_eq!(a.steps[1], "pid 7 is init, hm or an ancestor of hm: not signalled");
    }

    #[test]
    fn budget_and_backoff() {
        let s = spec();
        assert_eq!(budget(&s, &[], 1000.0), Budget::Go);
        // One restart 3 s ago: the next waits 2 s × 2¹ = 4 s.
        assert_eq!(
            budget(&s, &[997.0], 1000.0),
            Budget::BackOff { since: Duration::from_secs(3), wait: Duration::from_secs(1) }
        );
        assert_eq!(budget(&s, &[990.0], 1000.0), Budget::Go);
        assert_eq!(budget(&s, &[900.0, 950.0, 990.0], 1000.0), Budget::GaveUp { restarts: 3 });
        // The 1800 s window: the attempt at 900 ages out at 2700.
        assert_eq!(frees_in(&s, &[900.0, 950.0, 990.0], 1000.0), Duration::from_secs(1700));
        assert_eq!(frees_in(&s, &[990.0, 900.0, 950.0, 980.0], 1000.0), Duration::from_secs(1750));
        assert_eq!(frees_in(&s, &[990.0], 1000.0), Duration::ZERO);
        // Outside the window they no longer count.
        assert_eq!(budget(&s, &[-5000.0, -4000.0, -3000.0], 1000.0), Budget::Go);
    }
}
