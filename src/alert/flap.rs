//! Flap detection, Nagios's way: a monitor whose state changes often is
//! told once, not at every change.
//!
//! Over its last 21 checks (20 transitions), each change of status counts
//! with a weight that rises from 0.8 for the oldest to 1.2 for the newest,
//! so recent changes count more; the sum over 20 is the percent of state
//! change. At `flap_high` or more a quiet monitor starts flapping: one
//! `flapping` notification, then nothing (its alert still counts, fires
//! and resolves, silently). Below `flap_low` it settles: `flapping-ended`,
//! then the firing or resolved of the state it settled in. Heals are not
//! touched: flapping changes only who is told.
//!
//! The states come from the `checks` already recorded (one statement a
//! run, 21 index rows a monitor); whether a monitor is flapping is kept in
//! the `flapping` table, so it outlives a restart.

use super::router::Raised;
use super::state::{Alert, Event, EventKind};
use super::{Notification, dedup_key, route};
use crate::check::CheckResult;
use crate::config::{Config, FlapLimits};
use crate::status::Status;
use crate::store::{AlertTx, FLAP_WINDOW, FlapRow, NewNotification, NotificationRow};
use crate::time::rfc3339;
use anyhow::Result;
use std::collections::HashMap;

/// The weight of the oldest and of the newest transition.
const OLDEST: f64 = 0.8;
const NEWEST: f64 = 1.2;

/// The weighted percent of state change over `states` (oldest first; the
/// last [`FLAP_WINDOW`]). Fewer checks count as the newest of a full
/// window whose older ones did not change.
pub(crate) fn percent(states: &[Status]) -> f64 {
    let states = &states[states.len().saturating_sub(FLAP_WINDOW)..];
    let transitions = (FLAP_WINDOW - 1) as f64;
    let first = FLAP_WINDOW - states.len().max(1);
    let mut changes = 0.0;
    for (i, pair) in states.windows(2).enumerate() {
        if pair[0] != pair[1] {
            let x = (first + i) as f64;
            changes += OLDEST + x * (NEWEST - OLDEST) / (transitions - 1.0);
        }
    }
    changes * 100.0 / transitions
}

/// What a run does to a monitor's flapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Not flapping, before or now.
    Quiet,
    /// It began flapping with this check.
    Started,
    /// Still flapping.
    Flapping,
    /// It settled with this check.
    Ended,
}

impl Change {
    /// Whether the alert's own notifications are held back: while
    /// flapping, and when it settles ok (the resolved is [`announce`]'s).
    pub(crate) fn holds_back(self, status: Status) -> bool {
        match self {
            Change::Quiet => false,
            Change::Started | Change::Flapping => true,
            Change::Ended => status == Status::Ok,
        }
    }
}

/// Whether a monitor that `was` flapping is flapping at `pct`.
pub(crate) fn decide(was: bool, pct: f64, limits: FlapLimits) -> Change {
    match (was, pct) {
        (false, p) if p >= limits.high => Change::Started,
        (false, _) => Change::Quiet,
        (true, p) if p < limits.low => Change::Ended,
        (true, _) => Change::Flapping,
    }
}

/// The flapping of one run's monitors.
pub(crate) struct Flaps {
    /// Flapping before this run.
    rows: HashMap<String, FlapRow>,
    recent: HashMap<String, Vec<Status>>,
}

impl Flaps {
    /// Read what the run's `results` need (their states already recorded).
    pub(crate) fn read(tx: &AlertTx<'_>, results: &[CheckResult]) -> Result<Flaps> {
        let names: Vec<&str> = results.iter().map(|r| r.monitor.as_str()).collect();
        Ok(Flaps { rows: tx.flapping()?, recent: tx.recent_statuses(&names)? })
    }

    /// What this run does to `monitor`'s flapping, and its percent.
    pub(crate) fn change(&self, config: &Config, monitor: &str) -> (Change, f64) {
        let pct = self.recent.get(monitor).map_or(0.0, |s| percent(s));
        (decide(self.rows.contains_key(monitor), pct, config.flap_limits(monitor)), pct)
    }

    /// The severity flapping notifications carry: the worst non-ok of the
    /// recent checks.
    fn severity(&self, monitor: &str) -> Status {
        let recent = self.recent.get(monitor).map_or(&[][..], Vec::as_slice);
        Status::worst_of(recent.iter().copied().filter(|s| *s != Status::Ok))
    }

    /// The monitors flapping before this run.
    pub(crate) fn flapping_before(&self) -> impl Iterator<Item = &String> {
        self.rows.keys()
    }
}

/// Store a start or an end of flapping and queue what it tells: a start
/// `flapping`; an end `flapping-ended`, then `resolved` when it settled
/// ok (a non-ok state's firing comes from the alert itself).
#[expect(clippy::too_many_arguments, reason = "one call site, in the run's alert transaction")]
pub(crate) fn announce(
    tx: &AlertTx<'_>,
    config: &Config,
    host: &str,
    flaps: &Flaps,
    r: &CheckResult,
    (change, pct): (Change, f64),
    alert: Option<&Alert>,
    told: &[String],
    now: f64,
) -> Result<Vec<Raised>> {
    let (row, events) = match change {
        Change::Quiet | Change::Flapping => return Ok(Vec::new()),
        Change::Started => {
            let row = FlapRow { since: now, severity: flaps.severity(&r.monitor) };
            tx.set_flapping(&r.monitor, Some(&row))?;
            (row, vec![EventKind::Flapping])
        }
        Change::Ended => {
            let row = flaps.rows.get(&r.monitor).cloned().unwrap_or(FlapRow { since: now, severity: r.status });
            tx.set_flapping(&r.monitor, None)?;
            let mut events = vec![EventKind::FlappingEnded];
            if r.status == Status::Ok {
                events.push(EventKind::Resolved);
            }
            (row, events)
        }
    };
    let what = match change {
        Change::Started => "flapping",
        _ => "flapping ended",
    };
    let message = format!(
        "{what}: {pct:.0}% state change over the last {FLAP_WINDOW} checks; now {}: {}",
        r.status.as_str(),
        r.message
    );
    let mut raised = Vec::new();
    for kind in events {
        let n = Notification {
            version: 1,
            event: kind,
            alert_id: alert.map_or(0, |a| a.id),
            monitor: r.monitor.clone(),
            kind: r.kind.clone(),
            severity: row.severity,
            previous_severity: None,
            message: message.clone(),
            host: host.to_string(),
            started_at: rfc3339(row.since),
            at: rfc3339(now),
            streak: alert.map_or(0, |a| a.streak),
            dedup_key: dedup_key(host, &r.monitor),
            heal: None,
            death: None,
            escalated: false,
            unacked_for: None,
        };
        let stored = NotificationRow::from(&n);
        let ev = Event { kind, severity: row.severity, previous: None };
        let mut channels = Vec::new();
        for (ch, routed) in route(&config.channels, &ev) {
            if !super::escalate::reaches(ch, told) {
                continue;
            }
            let alert_id = alert.map(|a| a.id);
            let new = NewNotification { channel: &ch.name, alert_id, event: routed.kind.as_str(), notification: &stored, now };
            if tx.enqueue(&new)? {
                channels.push(ch.name.clone());
            }
        }
        raised.push(Raised {
            alert_id: alert.map_or(0, |a| a.id),
            monitor: r.monitor.clone(),
            event: kind,
            severity: row.severity,
            channels,
            escalated: false,
        });
    }
    Ok(raised)
}

#[cfg(test)]
#[path = "flap_tests.rs"]
mod tests;
