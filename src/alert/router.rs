//! One run's alert bookkeeping: results in, alert rows and queued
//! notifications out, all in one transaction.

use super::state::{self, Alert, AlertState, Event, EventKind, Next, Policy};
use super::{Notification, dedup_key, host_name, route};
use crate::check::CheckResult;
use crate::config::Config;
use crate::status::Status;
use crate::store::{AlertRow, AlertTx, NewNotification, NotificationRow, Store};
use crate::time::rfc3339;
use anyhow::Result;
use serde::Serialize;

/// An alert event this run raised, for the run's report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Raised {
    pub alert_id: i64,
    pub monitor: String,
    /// `firing`, `changed`, `repeat`, `resolved`, `flapping` or
    /// `flapping-ended`.
    pub event: EventKind,
    pub severity: Status,
    /// The channels it was queued for (none when silenced or unrouted).
    pub channels: Vec<String>,
    /// A `firing` told to escalation tiers (`unacked_for`) only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
}

/// An alert that is counting failing checks and has not fired yet: the
/// report says so, or a first failing `hm check` would look as if alerting
/// were broken.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pending {
    pub monitor: String,
    /// Non-ok checks in a row so far.
    pub streak: u32,
    /// How many it takes to fire (`for`).
    pub for_checks: u32,
}

/// What a run did to the alerts.
#[derive(Debug, Default)]
pub(crate) struct Processed {
    pub raised: Vec<Raised>,
    pub pending: Vec<Pending>,
    /// When the next escalation tier is due (unix seconds), for the loop's timer.
    pub escalate_at: Option<f64>,
}

/// Build the notification of `ev` about `a`.
pub(crate) fn notification(a: &Alert, ev: &Event, host: &str, now: f64) -> Notification {
    Notification {
        version: 1,
        event: ev.kind,
        alert_id: a.id,
        monitor: a.monitor.clone(),
        kind: a.kind.clone(),
        severity: ev.severity,
        previous_severity: ev.previous,
        message: a.message.clone(),
        host: host.to_string(),
        started_at: rfc3339(a.started_at),
        at: rfc3339(now),
        streak: a.streak,
        dedup_key: dedup_key(host, &a.monitor),
        heal: None,
        death: None,
        escalated: false,
        unacked_for: None,
    }
}

/// Apply one step: store the alert, queue its notifications.
fn apply(
    tx: &AlertTx<'_>,
    config: &Config,
    host: &str,
    step: state::Step,
    told: &[String],
    now: f64,
) -> Result<Vec<Raised>> {
    let mut alert = match step.next {
        Next::Nothing => return Ok(Vec::new()),
        Next::Drop(id) => {
            tx.drop_pending(id)?;
            return Ok(Vec::new());
        }
        Next::Keep(a) => a,
    };
    alert.id = tx.save(&AlertRow::from(&alert))?;
    // Why its worker died, when it did since it began failing.
    // Only a certificate already recorded: this runs under the write
    // lock, which the coroner needs to record one. A `firing` queued
    // before its certificate gets it as it is delivered
    // (`outbox::with_death`), after the loop has waited for the coroner.
    let death = step
        .events
        .iter()
        .any(|e| e.kind == EventKind::Firing)
        .then(|| tx.last_death(&alert.monitor, alert.started_at - 60.0))
        .flatten();
    let mut raised = Vec::new();
    for ev in &step.events {
        let mut channels = Vec::new();
        for (ch, routed) in route(&config.channels, ev) {
            if !super::escalate::reaches(ch, told) {
                continue;
            }
            let mut n = notification(&alert, &routed, host, now);
            if routed.kind == EventKind::Firing {
                n.death.clone_from(&death);
            }
            let queued = tx.enqueue(&NewNotification {
                channel: &ch.name,
                alert_id: Some(alert.id),
                event: routed.kind.as_str(),
                notification: &NotificationRow::from(&n),
                now,
            })?;
            if queued {
                channels.push(ch.name.clone());
            }
        }
        if ev.kind != EventKind::Refresh {
            raised.push(Raised {
                alert_id: alert.id,
                monitor: alert.monitor.clone(),
                event: ev.kind,
                severity: ev.severity,
                channels,
                escalated: false,
            });
        }
    }
    Ok(raised)
}

/// Feed a run's results to the alerts. `full` says every enabled monitor
/// was checked: open alerts of monitors that were not (removed from the
/// config, or disabled) are then resolved.
pub(crate) fn process(
    store: &mut Store,
    config: &Config,
    results: &[CheckResult],
    now: f64,
    full: bool,
) -> Result<Processed> {
    let host = host_name(config.settings.alerts.host.as_deref());
    let tx = store.alert_tx()?;
    let mut open: std::collections::HashMap<String, Alert> =
        tx.open_alerts()?.into_iter().map(|(m, a)| (m, Alert::from(a))).collect();
    let silenced = tx.silenced(now)?;
    let told = super::escalate::told(&tx, config)?;
    let mut flaps = super::flap::Flaps::read(&tx)?;
    let windows = super::maintenance::InForce::at(config, &tx.maintenance(now)?, now);
    let mut out = Processed::default();
    let resting = |m: &str| windows.of(m).is_some();
    for r in super::pools::grouped(config, results, &resting).iter() {
        if !r.waiting_for.is_empty() || windows.of(&r.monitor).is_some() {
            // Waiting for a dependency that is not ok, or in a
            // maintenance window: nothing is told, and its alert stays as
            // it was until the window ends.
            open.remove(&r.monitor);
            continue;
        }
        // A pool's alert follows its instances' `for` and `cooldown`.
        let of_pool = |m: &&crate::config::Monitor| {
            crate::config::instances::split(&m.name).is_some_and(|(pool, _)| pool == r.monitor)
        };
        let (for_checks, cooldown) = match config.monitors.iter().find(|m| m.name == r.monitor || of_pool(m)) {
            Some(m) => config.alert_policy(m),
            None => (config.settings.alerts.for_checks, config.settings.alerts.cooldown),
        };
        let mut prev = open.remove(&r.monitor);
        let told_here = prev.as_ref().and_then(|a| told.get(&a.id)).map_or(&[][..], Vec::as_slice);
        // Flapping holds back what the alert itself would tell.
        let (held, flapped) = flaps.take(&tx, config, &host, r, prev.as_mut(), told_here, now)?;
        out.raised.extend(flapped);
        let policy = Policy { for_checks, cooldown, silenced: held || silenced.contains(&r.monitor) };
        let mut step = state::step(prev.as_ref(), &r.monitor, &r.kind, r.status, &r.message, now, &policy);
        if held {
            step.events.clear();
        }
        if let Next::Keep(a) = &step.next
            && a.state == AlertState::Pending
        {
            out.pending.push(Pending { monitor: a.monitor.clone(), streak: a.streak, for_checks: for_checks.max(1) });
        }
        out.raised.extend(apply(&tx, config, &host, step, told_here, now)?);
    }
    if full {
        for (monitor, a) in open {
            let policy = Policy {
                for_checks: config.settings.alerts.for_checks,
                cooldown: config.settings.alerts.cooldown,
                silenced: silenced.contains(&monitor),
            };
            let message = "no longer checked (removed from the config or disabled)";
            let step = state::step(Some(&a), &monitor, &a.kind, Status::Ok, message, now, &policy);
            let told_here = told.get(&a.id).map_or(&[][..], Vec::as_slice);
            out.raised.extend(apply(&tx, config, &host, step, told_here, now)?);
            // Its resolve went to the tiers told; nothing reads them again.
            tx.forget_told(a.id)?;
        }
        flaps.forget_gone(&tx, config)?;
    }
    let held = |m: &str| silenced.iter().any(|s| s == m) || flaps.is_flapping(m) || windows.of(m).is_some();
    let escalated = super::escalate::run(&tx, config, &host, now, &held)?;
    out.raised.extend(escalated.raised);
    out.escalate_at = escalated.next;
    tx.commit()?;
    Ok(out)
}
