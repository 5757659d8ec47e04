//! Holds in the cycle: a worker stopped on purpose (`hm stop-worker`) or
//! a monitor paused (`hm monitor pause`) is not checked. Its result says
//! so, `ok`: nothing to alert on and nothing to heal, and no process for
//! the watcher to watch, so neither a heal, `hm run --heal` nor the
//! watcher restarts it. A monitor whose `worker` is stopped is held with
//! it: an `http` check of a server stopped on purpose would only alert.
//! A pause leaves the monitors that name the paused one alone.
//!
//! The budget (`restart::held_back`) refuses a restart of a held worker
//! too, whoever asks: the hold is lifted by `hm start-worker` or
//! `hm monitor resume`, on purpose, not by a side door.

use crate::check::CheckResult;
use crate::config::Monitor;
use crate::status::Status;
use crate::store::{HoldKind, HoldRow, Store};
use crate::time::rfc3339;

/// What a hold says of itself, and how it is lifted.
pub(crate) fn describe(h: &HoldRow) -> String {
    match h.kind {
        HoldKind::Stopped => {
            format!("stopped by {} at {} (hm start-worker {} starts it)", h.by, rfc3339(h.since), h.monitor)
        }
        HoldKind::Paused => {
            let until = h.until.map_or("until resumed".to_string(), |u| format!("until {}", rfc3339(u)));
            format!("paused by {} at {}, {until} (hm monitor resume {})", h.by, rfc3339(h.since), h.monitor)
        }
    }
}

/// The hold that keeps `m` from being checked: its own, or its worker's
/// when that worker is stopped.
fn holding<'h>(m: &Monitor, holds: &'h [HoldRow]) -> Option<(&'h HoldRow, bool)> {
    if let Some(h) = holds.iter().find(|h| h.monitor == m.name) {
        return Some((h, true));
    }
    let w = m.worker.as_deref()?;
    holds.iter().find(|h| h.monitor == w && h.kind == HoldKind::Stopped).map(|h| (h, false))
}

/// The result of a held monitor, in place of its check.
fn held_result(m: &Monitor, h: &HoldRow, own: bool) -> CheckResult {
    let message = if own {
        format!("not checked: {}", describe(h))
    } else {
        format!("not checked: its worker {} is {}", h.monitor, describe(h))
    };
    CheckResult::stated(m.name.clone(), m.kind(), Status::Ok, message)
}

/// The pools among `results`, an instance stopped on purpose counted as
/// such, not as running: its result is `ok` only so that nothing alerts.
pub(super) fn pools(results: &[CheckResult], holds: &[HoldRow]) -> Vec<crate::check::pools::PoolSummary> {
    let mut pools = crate::check::pools::pools(results.iter().map(|r| (r.monitor.as_str(), r.status)));
    let stopped = holds
        .iter()
        .filter(|h| h.kind == HoldKind::Stopped && results.iter().any(|r| r.monitor == h.monitor))
        .map(|h| h.monitor.as_str());
    crate::check::pools::mark_stopped(&mut pools, stopped);
    pools
}

/// The holds in force; none when they cannot be read (the checks run).
pub(super) fn in_force(store: Option<&Store>, now: f64) -> Vec<HoldRow> {
    store.and_then(|s| s.holds(now).ok()).unwrap_or_default()
}

/// `monitors` split into those to check and the results of those held.
pub(super) fn split(monitors: Vec<Monitor>, holds: &[HoldRow]) -> (Vec<Monitor>, Vec<CheckResult>) {
    if holds.is_empty() {
        return (monitors, Vec::new());
    }
    let mut run = Vec::with_capacity(monitors.len());
    let mut held = Vec::new();
    for m in monitors {
        match holding(&m, holds) {
            Some((h, own)) => held.push(held_result(&m, h, own)),
            None => run.push(m),
        }
    }
    (run, held)
}

/// Why `m`'s worker may not be restarted now: it is held.
pub(super) fn refusal(store: &Store, m: &Monitor, now: f64) -> anyhow::Result<Option<String>> {
    Ok(store.hold(&m.name, now)?.map(|h| format!("not restarted: {}", describe(&h))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor(name: &str, worker: Option<&str>) -> Monitor {
        let text = "[[monitor]]\nname = \"x\"\nkind = \"cpu\"\n";
        let mut m = crate::config::Config::parse("hm.toml", text).expect("valid").monitors.remove(0);
        m.name = name.into();
        m.worker = worker.map(String::from);
        m
    }

    fn hold(monitor: &str, kind: HoldKind) -> HoldRow {
        HoldRow { monitor: monitor.into(), kind, by: "root".into(), since: 0.0, until: None }
    }

    #[test]
    fn a_stopped_worker_holds_its_monitors_and_a_pause_only_its_own() {
        let ms = vec![monitor("api", None), monitor("web", Some("api")), monitor("beat", Some("jobs"))];
        let (run, held) = split(ms.clone(), &[hold("api", HoldKind::Stopped)]);
        assert_eq!(run.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["beat"]);
        assert_eq!(held.iter().map(|r| r.monitor.as_str()).collect::<Vec<_>>(), ["api", "web"]);
        assert!(held.iter().all(|r| r.status == Status::Ok && r.procs.is_empty()));
        assert!(held[1].message.contains("its worker api is stopped by root"), "{}", held[1].message);
        let (run, held) = split(ms, &[hold("jobs", HoldKind::Paused)]);
        assert_eq!(run.len(), 3);
        assert!(held.is_empty());
    }
}
