//! The exit status of a death, from whoever can tell it:
//!
//! 1. the kernel's process-event connector (root): any process's;
//! 2. waitpid(2), for a worker hm started itself (`host::children`),
//!    whoever hm runs as: known by its pid *and* start, so a reused pid
//!    never gets another's status;
//! 3. systemd (`host::unit_exit`), for a unit's main process: a `unit =`
//!    monitor's, or a worker hm started as a transient unit (which is not
//!    hm's child); `Result=oom-kill` is evidence of an OOM kill.
//!
//! Else the exit status is unknown, and the certificate says why: the
//! connector is not listening (not root, a kernel without it), it did not
//! report the exit, or it overran (events lost). The coroner asks, beside the loop: these waits
//! never hold a restart back.

use super::cert::{Source, Status};
use super::{AWAIT_STATUS, Gone, Registry};
use crate::config::{Matcher, RestartHow};
use crate::config::{Monitor, Spec};
use crate::host::{children, unit_exit, worker_unit};
use std::sync::PoisonError;
use std::time::{Duration, Instant};

/// How long systemd may take to record a unit's main process's exit.
const AWAIT_UNIT: Duration = Duration::from_millis(500);

impl Registry {
    /// The exit status of `gone`, which `m` watched.
    pub(super) fn status_of(&self, gone: &Gone, m: Option<&Monitor>) -> Status {
        let heard = self.heard_status(gone);
        let deaf = self.lock().deaf.is_some();
        // Waited for the connector already, unless it is deaf.
        let wait = if deaf { AWAIT_STATUS } else { Duration::ZERO };
        let child = children::status(gone.pid, gone.start_ticks, wait);
        if matches!(heard, Status::Known(..)) {
            return heard;
        }
        if let Some(s) = child {
            return Status::Known(s, Source::Child);
        }
        if let Some(e) = m.and_then(unit_of).and_then(|u| unit_exit::exit_of(&u, gone.pid, AWAIT_UNIT)) {
            return Status::Known(e.status, Source::Unit { oom_kill: e.oom_kill });
        }
        heard
    }

    /// The exit status the connector heard of `gone`, waiting a moment.
    fn heard_status(&self, gone: &Gone) -> Status {
        let deadline = Instant::now() + AWAIT_STATUS;
        let mut g = self.lock();
        loop {
            if let Some(why) = &g.deaf {
                return Status::unknown(&format!("no process-event connector: {why}"));
            }
            if let Some(s) = g.exits.get(&gone.pid) {
                return Status::Known(*s, Source::Kernel);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let since = gone.started_at.unwrap_or(0.0).min(gone.at - 1.0);
                return if g.lost_at.is_some_and(|t| t >= since) {
                    Status::unknown("events lost")
                } else {
                    Status::unknown("the process-event connector did not report it")
                };
            }
            g = self.heard.wait_timeout(g, left).unwrap_or_else(PoisonError::into_inner).0;
        }
    }
}

/// The systemd unit whose main process `m`'s worker may be: its `unit`,
/// the unit its restart restarts, or the transient unit hm starts its
/// worker in (as root, under systemd). `unit_exit` believes only a unit
/// whose main pid was the one that died.
pub(super) fn unit_of(m: &Monitor) -> Option<String> {
    let Spec::Process(p) = &m.spec else { return None };
    if let Matcher::Unit(u) = &p.matcher {
        return Some(u.clone());
    }
    match &p.restart.as_ref()?.how {
        RestartHow::Unit(u) => Some(u.clone()),
        RestartHow::Commands { .. } if nix::unistd::geteuid().is_root() && worker_unit::systemd_booted() => {
            Some(worker_unit::unit_name(&m.name))
        }
        RestartHow::Commands { .. } => None,
    }
}
