//! Escalation tiers: a channel with `unacked_for` is told of an alert
//! only once it has been firing that long without an ack, as a pager
//! after Slack and a manager's mail after the pager. Tiers are plain
//! channels, so a tier is told its alert's later notifications (changed,
//! repeat, resolved) only once it was told it fired, and a tier never
//! told never hears its resolve. What was told is kept in the database
//! (`told`), so a restarted `hm run` neither escalates twice nor forgets
//! whom to send the resolve.
//!
//! Escalation is looked at in every run's alert transaction (a one-shot
//! `hm check` escalates at its next run); `hm run` and `hm serve` also
//! keep the next mark as a timer and escalate at it, between cycles
//! ([`due_now`]).

use super::router::{Raised, notification};
use super::state::{Alert, AlertState, Event, EventKind};
use crate::config::{Channel, ChannelEvent, Config};
use crate::store::{AlertTx, NewNotification, NotificationRow, Store};
use anyhow::Result;
use std::collections::HashMap;

/// Whether a notification about an alert may go to `ch`, told of
/// `told`: a tier only once it was told the alert fired.
pub(crate) fn reaches(ch: &Channel, told: &[String]) -> bool {
    ch.unacked_for.is_none() || told.contains(&ch.name)
}

/// Whether any channel is a tier; when none is, escalation reads nothing.
pub(crate) fn any_tiers(config: &Config) -> bool {
    config.channels.iter().any(|c| c.unacked_for.is_some())
}

/// The tiers told of each open alert (none read when there are no tiers).
pub(crate) fn told(tx: &AlertTx<'_>, config: &Config) -> Result<HashMap<i64, Vec<String>>> {
    if any_tiers(config) { tx.told() } else { Ok(HashMap::new()) }
}

/// When tier `ch` is due to be told of `a` (unix seconds); `None` when it
/// never is: not a tier, not firing, acked, or not for this severity.
fn mark(ch: &Channel, a: &Alert) -> Option<f64> {
    let wait = ch.unacked_for?;
    let fired = a.fired_at?;
    let takes = ch.takes(a.severity) && ch.wants(ChannelEvent::Firing);
    (a.state == AlertState::Firing && !a.acked && takes).then_some(fired + wait.as_secs_f64())
}

/// What escalating did: the events raised, and the next mark to come.
#[derive(Debug, Default)]
pub(crate) struct Escalated {
    pub raised: Vec<Raised>,
    /// The earliest mark still to come (unix seconds).
    pub next: Option<f64>,
}

/// Tell every tier whose mark has come of its open alert, in `tx`.
/// `held` says which monitors are told nothing now (silenced, flapping).
pub(crate) fn run(
    tx: &AlertTx<'_>,
    config: &Config,
    host: &str,
    now: f64,
    held: &dyn Fn(&str) -> bool,
) -> Result<Escalated> {
    let mut out = Escalated::default();
    if !any_tiers(config) {
        return Ok(out);
    }
    let told = tx.told()?;
    for (monitor, row) in tx.open_alerts()? {
        if held(&monitor) {
            continue;
        }
        let a = Alert::from(row);
        let told = told.get(&a.id).map_or(&[][..], Vec::as_slice);
        let mut channels = Vec::new();
        for ch in config.channels.iter().filter(|c| !told.contains(&c.name)) {
            let (Some(at), Some(wait)) = (mark(ch, &a), ch.unacked_for) else { continue };
            if at > now {
                out.next = Some(out.next.map_or(at, |n: f64| n.min(at)));
                continue;
            }
            let ev = Event { kind: EventKind::Firing, severity: a.severity, previous: None };
            let mut n = notification(&a, &ev, host, now);
            n.escalated = true;
            n.unacked_for = Some(crate::units::format_duration(wait));
            let row = NotificationRow::from(&n);
            let new =
                NewNotification { channel: &ch.name, alert_id: Some(a.id), event: "firing", notification: &row, now };
            tx.enqueue(&new)?;
            tx.tell(a.id, &ch.name, now)?;
            channels.push(ch.name.clone());
        }
        if !channels.is_empty() {
            out.raised.push(Raised {
                alert_id: a.id,
                monitor,
                event: EventKind::Firing,
                severity: a.severity,
                channels,
                escalated: true,
            });
        }
    }
    Ok(out)
}

/// Escalate what is due now, in a transaction of its own: the timer of
/// `hm run` and `hm serve`, between cycles.
pub(crate) fn due_now(store: &mut Store, config: &Config, now: f64) -> Result<Escalated> {
    let host = super::host_name(config.settings.alerts.host.as_deref());
    let tx = store.alert_tx()?;
    let silenced = tx.silenced(now)?;
    let flapping = tx.flapping()?;
    let held = |m: &str| silenced.iter().any(|s| s == m) || flapping.contains_key(m);
    let out = run(&tx, config, &host, now, &held)?;
    tx.commit()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Target;
    use crate::status::Status;
    use std::time::Duration;

    fn tier(name: &str, after: Option<u64>) -> Channel {
        let events = vec![ChannelEvent::Firing, ChannelEvent::Resolved];
        let timeout = Duration::from_secs(1);
        let (severities, target) = (vec![Status::Critical], Target::Log);
        Channel { name: name.into(), severities, events, timeout, target, unacked_for: after.map(Duration::from_secs) }
    }

    #[test]
    fn issue30_a_tier_is_due_its_wait_after_firing_unless_acked_or_not_its_severity() {
        let a = Alert {
            id: 3,
            monitor: "api".into(),
            kind: "process".into(),
            severity: Status::Critical,
            state: AlertState::Firing,
            streak: 2,
            message: String::new(),
            started_at: 900.0,
            fired_at: Some(1000.0),
            last_sent_at: Some(1000.0),
            resolved_at: None,
            acked: false,
        };
        assert_eq!(mark(&tier("pager", Some(900)), &a), Some(1900.0));
        assert_eq!(mark(&tier("chat", None), &a), None, "not a tier");
        assert_eq!(mark(&tier("pager", Some(900)), &Alert { acked: true, ..a.clone() }), None);
        assert_eq!(mark(&tier("pager", Some(900)), &Alert { severity: Status::Warning, ..a.clone() }), None);
        assert_eq!(mark(&tier("pager", Some(900)), &Alert { state: AlertState::Pending, ..a }), None);
        // Later events reach a tier only once it was told.
        assert!(reaches(&tier("chat", None), &[]));
        assert!(!reaches(&tier("pager", Some(900)), &[]));
        assert!(reaches(&tier("pager", Some(900)), &["pager".to_string()]));
    }
}
