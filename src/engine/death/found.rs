//! A worker found dead by a run that did not watch it die: `hm heal` (or
//! `hm restart-worker`) from cron, with no `hm run`/`hm serve` and so no
//! witness. Its restart still answers a death, with what can be known
//! after the fact: the pid hm last started it as (so the kernel's OOM
//! line and, for a unit, systemd's word on its end can be looked up),
//! the last RSS and CPU the checks recorded, the log's tail and the
//! restarts in 24 h. When it died and its exit status are unknown, and
//! the certificate says so.

use super::cert::{self, Status};
use super::{Gone, status::unit_of};
use crate::config::Monitor;
use crate::host::unit_exit;
use crate::store::Store;
use crate::time::{unix_now, wall_now};
use std::time::Duration;

/// How far back hm's last restart of it may be, for its pid.
const LAST_START: f64 = 86_400.0;

/// Record the certificate of `m`'s worker, found not running, when it
/// ran before (hm started it, or a check measured it, within a day): a
/// worker never seen running did not die. `Some` says why it could not be
/// recorded (the restart goes on).
pub(crate) fn found_dead(store: &Store, m: &Monitor, by: &str) -> Option<String> {
    let (at, wall) = (unix_now(), wall_now());
    let pid = last_started(store, &m.name, at);
    let measured = || store.samples(&m.name, "rss", at - LAST_START).is_ok_and(|s| !s.is_empty());
    if pid.is_none() && !measured() {
        return None;
    }
    let pid = pid.unwrap_or(0);
    let gone = Gone { monitor: m.name.clone(), pid, start_ticks: 0, at, wall, started_at: None, oom: None };
    let unit = (pid != 0).then(|| unit_of(m)).flatten().and_then(|u| unit_exit::exit_of(&u, pid, Duration::ZERO));
    let status = match unit {
        Some(e) => Status::Known(e.status, cert::Source::Unit { oom_kill: e.oom_kill }),
        None => Status::unknown(&format!("found dead by {by}: no hm run or hm serve watched it die")),
    };
    let death = cert::write(&gone, status, Some(m), Some(store), &mut crate::host::oom::KernelLog::whole());
    store.record_death(&death).err().map(|e| format!("{e:#}"))
}

/// The pid of the worker hm last started for `monitor` (its restart's
/// "started ... (pid N)"), within a day.
fn last_started(store: &Store, monitor: &str, now: f64) -> Option<u32> {
    let rows = store.attempts_since(monitor, &crate::store::ActionKind::Restart, now - LAST_START).ok()?;
    rows.iter().rev().find_map(|r| started_pid(&r.details))
}

/// N of the last "(pid N)" in a restart's details.
fn started_pid(details: &str) -> Option<u32> {
    let at = details.rfind("(pid ")? + "(pid ".len();
    details[at..].split(')').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pid_a_restart_started() {
        assert_eq!(started_pid("stop pids [4]; started /bin/w --x (pid 30462); ok: 1 running"), Some(30462));
        assert_eq!(started_pid("started w as hm-worker-w.service (pid 7)"), Some(7));
        assert_eq!(started_pid("systemctl restart w.service"), None);
        assert_eq!(started_pid("started w (pid x)"), None);
    }
}
