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
//! What it needs of each monitor is kept in the `flap` table: its latest
//! status and which of its last 20 transitions changed, as bits. One
//! statement reads all of them a run, and only a row that changed is
//! written, so a monitor whose state holds costs nothing; it outlives a
//! restart.

use super::router::Raised;
use super::state::{Alert, Event, EventKind};
use super::{Notification, dedup_key, route};
use crate::check::CheckResult;
use crate::config::{Config, FlapLimits};
use crate::status::Status;
use crate::store::{AlertTx, FlapRow, NewNotification, NotificationRow};
use crate::time::rfc3339;
use anyhow::Result;
use std::collections::HashMap;

/// How many checks are weighed (Nagios's 21: 20 transitions).
pub(crate) const WINDOW: u32 = 21;

/// The transitions kept, one bit each, the newest lowest.
const MASK: u32 = (1 << (WINDOW - 1)) - 1;

/// The weight of the oldest and of the newest transition.
const OLDEST: f64 = 0.8;
const NEWEST: f64 = 1.2;

/// The weighted percent of state change of `changes` (bit 0 the newest
/// transition, bit 19 the oldest).
pub(crate) fn percent(changes: u32) -> f64 {
    let transitions = f64::from(WINDOW - 1);
    let sum: f64 = (0..WINDOW - 1)
        .filter(|i| changes & (1 << i) != 0)
        .map(|i| NEWEST - f64::from(i) * (NEWEST - OLDEST) / (transitions - 1.0))
        .sum();
    sum * 100.0 / transitions
}

/// A monitor's row after a check of `status` (flapping as it was).
pub(crate) fn next(prev: Option<&FlapRow>, status: Status) -> FlapRow {
    let Some(p) = prev else {
        return FlapRow { last: status, changes: 0, worst: status, since: None };
    };
    let changes = ((p.changes << 1) | u32::from(p.last != status)) & MASK;
    let calm = changes == 0 && status == Status::Ok;
    FlapRow { last: status, changes, worst: if calm { Status::Ok } else { p.worst.worst(status) }, since: p.since }
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

/// The flapping of a run's monitors: every monitor's row, read in one
/// statement; a row is written only when it changed (a monitor whose
/// state holds, the usual case, costs no write).
pub(crate) struct Flaps {
    rows: HashMap<String, FlapRow>,
}

impl Flaps {
    pub(crate) fn read(tx: &AlertTx<'_>) -> Result<Flaps> {
        Ok(Flaps { rows: tx.flap_rows()? })
    }

    /// Take in `r` at `now`: what it does to its monitor's flapping, and
    /// the percent.
    pub(crate) fn step(
        &mut self,
        tx: &AlertTx<'_>,
        config: &Config,
        r: &CheckResult,
        now: f64,
    ) -> Result<(Change, f64)> {
        let prev = self.rows.get(&r.monitor);
        let mut row = next(prev, r.status);
        let pct = percent(row.changes);
        let change = decide(row.since.is_some(), pct, config.flap_limits(&r.monitor));
        match change {
            Change::Started => row.since = Some(now),
            Change::Ended => row.since = None,
            Change::Quiet | Change::Flapping => {}
        }
        if prev != Some(&row) {
            tx.save_flap(&r.monitor, &row)?;
        }
        // An end keeps when it began, for its notification.
        let kept = if change == Change::Ended { FlapRow { since: prev.and_then(|p| p.since), ..row } } else { row };
        self.rows.insert(r.monitor.clone(), kept);
        Ok((change, pct))
    }

    /// The monitors flapping before this run.
    pub(crate) fn flapping_before(&self) -> impl Iterator<Item = &String> {
        self.rows.iter().filter(|(_, r)| r.since.is_some()).map(|(m, _)| m)
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
    let events = match change {
        Change::Quiet | Change::Flapping => return Ok(Vec::new()),
        Change::Started => vec![EventKind::Flapping],
        Change::Ended if r.status == Status::Ok => vec![EventKind::FlappingEnded, EventKind::Resolved],
        Change::Ended => vec![EventKind::FlappingEnded],
    };
    let row = flaps.rows.get(&r.monitor).copied().unwrap_or_else(|| next(None, r.status));
    // The worst of the checks weighed: a flap always holds a non-ok one.
    let severity = if row.worst == Status::Ok { Status::Unknown } else { row.worst };
    let since = row.since.unwrap_or(now);
    let what = match change {
        Change::Started => "flapping",
        _ => "flapping ended",
    };
    let message = format!(
        "{what}: {pct:.0}% state change over the last {WINDOW} checks; now {}: {}",
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
            severity,
            previous_severity: None,
            message: message.clone(),
            host: host.to_string(),
            started_at: rfc3339(since),
            at: rfc3339(now),
            streak: alert.map_or(0, |a| a.streak),
            dedup_key: dedup_key(host, &r.monitor),
            heal: None,
            death: None,
            escalated: false,
            unacked_for: None,
        };
        let stored = NotificationRow::from(&n);
        let ev = Event { kind, severity, previous: None };
        let mut channels = Vec::new();
        for (ch, routed) in route(&config.channels, &ev) {
            if !super::escalate::reaches(ch, told) {
                continue;
            }
            let alert_id = alert.map(|a| a.id);
            let new = NewNotification {
                channel: &ch.name,
                alert_id,
                event: routed.kind.as_str(),
                notification: &stored,
                now,
            };
            if tx.enqueue(&new)? {
                channels.push(ch.name.clone());
            }
        }
        raised.push(Raised {
            alert_id: alert.map_or(0, |a| a.id),
            monitor: r.monitor.clone(),
            event: kind,
            severity,
            channels,
            escalated: false,
        });
    }
    Ok(raised)
}

#[cfg(test)]
#[path = "flap_tests.rs"]
mod tests;
