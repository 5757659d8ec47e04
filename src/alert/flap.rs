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

    /// Take in `r` at `now`: keep its monitor's row, and queue what a
    /// start or an end of flapping tells (to the tiers in `told` among
    /// the rest). Says whether the alert's own notifications are held
    /// back (see [`Change::holds_back`]); an `alert` that settles non-ok
    /// loses its `last_sent_at`, so its firing is told again after
    /// `flapping-ended`.
    #[expect(clippy::too_many_arguments, reason = "one call site, in the run's alert transaction")]
    pub(crate) fn take(
        &mut self,
        tx: &AlertTx<'_>,
        config: &Config,
        host: &str,
        r: &CheckResult,
        mut alert: Option<&mut Alert>,
        told: &[String],
        now: f64,
    ) -> Result<(bool, Vec<Raised>)> {
        let prev = self.rows.get(&r.monitor).copied();
        let mut row = next(prev.as_ref(), r.status);
        let pct = percent(row.changes);
        let change = decide(row.since.is_some(), pct, config.flap_limits(&r.monitor));
        let began = match change {
            Change::Started => Some(now),
            Change::Ended => prev.and_then(|p| p.since),
            Change::Quiet | Change::Flapping => row.since,
        };
        row.since = if change == Change::Ended { None } else { began };
        if prev != Some(row) {
            tx.save_flap(&r.monitor, &row)?;
        }
        self.rows.insert(r.monitor.clone(), row);
        if change == Change::Ended
            && r.status != Status::Ok
            && let Some(a) = alert.as_mut()
        {
            a.last_sent_at = None;
        }
        // The worst of the checks weighed: a flap always holds a non-ok one.
        let severity = if row.worst == Status::Ok { Status::Unknown } else { row.worst };
        let flap = Flap { change, pct, severity, since: began.unwrap_or(now) };
        let raised = announce(tx, config, host, r, &flap, alert.as_deref(), told, now)?;
        Ok((change.holds_back(r.status), raised))
    }

    /// Whether `monitor` is flapping now (after this run's checks).
    pub(crate) fn is_flapping(&self, monitor: &str) -> bool {
        self.rows.get(monitor).is_some_and(|r| r.since.is_some())
    }

    /// Delete the rows of monitors `config` no longer has (removed, or a
    /// pool's instances past a lowered `instances`): nothing else would,
    /// and each one is read again by every run. A pool's row is kept by
    /// its name. Only rows already read are looked at: no extra read.
    pub(crate) fn forget_gone(&mut self, tx: &AlertTx<'_>, config: &Config) -> Result<()> {
        let known = |m: &str| {
            config
                .monitors
                .iter()
                .any(|c| c.name == m || crate::config::instances::split(&c.name).is_some_and(|(p, _)| p == m))
        };
        let gone: Vec<String> = self.rows.keys().filter(|m| !known(m)).cloned().collect();
        for m in gone {
            tx.forget_flap(&m)?;
            self.rows.remove(&m);
        }
        Ok(())
    }
}

/// What a start or an end of flapping tells.
struct Flap {
    change: Change,
    pct: f64,
    severity: Status,
    /// When it began flapping.
    since: f64,
}

/// Queue what a start or an end of flapping tells: a start `flapping`;
/// an end `flapping-ended`, then `resolved` when it settled ok (a non-ok
/// state's firing comes from the alert itself).
#[expect(clippy::too_many_arguments, reason = "one call site, in the run's alert transaction")]
fn announce(
    tx: &AlertTx<'_>,
    config: &Config,
    host: &str,
    r: &CheckResult,
    flap: &Flap,
    alert: Option<&Alert>,
    told: &[String],
    now: f64,
) -> Result<Vec<Raised>> {
    let (events, what) = match flap.change {
        Change::Quiet | Change::Flapping => return Ok(Vec::new()),
        Change::Started => (vec![EventKind::Flapping], "flapping"),
        Change::Ended if r.status == Status::Ok => {
            (vec![EventKind::FlappingEnded, EventKind::Resolved], "flapping ended")
        }
        Change::Ended => (vec![EventKind::FlappingEnded], "flapping ended"),
    };
    let (severity, pct) = (flap.severity, flap.pct);
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
            started_at: rfc3339(flap.since),
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
            let event = routed.kind.as_str();
            let new =
                NewNotification { channel: &ch.name, alert_id: alert.map(|a| a.id), event, notification: &stored, now };
            if tx.enqueue(&new)? {
                channels.push(ch.name.clone());
            }
        }
        let alert_id = alert.map_or(0, |a| a.id);
        let monitor = r.monitor.clone();
        raised.push(Raised { alert_id, monitor, event: kind, severity, channels, escalated: false });
    }
    Ok(raised)
}

#[cfg(test)]
#[path = "flap_tests.rs"]
mod tests;
