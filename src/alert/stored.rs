//! Alerts and notifications to and from the store's rows: the store keeps
//! its own row types (`store/rows/`, `store/alerts.rs`) and knows nothing
//! of the alert state machine, so the conversions live here.

use super::Notification;
use super::healed::{Heal, Seen};
use super::state::{Alert, AlertState, EventKind};
use crate::host::death::Death;
use crate::store::{AlertRow, DeathRow, HealRow, NotificationRow, SeenRow};

/// Every event kind, to read a stored one back by its word.
const EVENTS: [EventKind; 9] = [
    EventKind::Firing,
    EventKind::Changed,
    EventKind::Repeat,
    EventKind::Refresh,
    EventKind::Resolved,
    EventKind::Test,
    EventKind::Healed,
    EventKind::Flapping,
    EventKind::FlappingEnded,
];

impl From<AlertRow> for Alert {
    /// A state this build does not know reads as resolved.
    fn from(r: AlertRow) -> Alert {
        Alert {
            id: r.id,
            monitor: r.monitor,
            kind: r.kind,
            severity: r.severity,
            state: AlertState::from_db(&r.state),
            streak: r.streak,
            message: r.message,
            started_at: r.started_at,
            fired_at: r.fired_at,
            last_sent_at: r.last_sent_at,
            resolved_at: r.resolved_at,
            acked: r.acked,
        }
    }
}

impl From<&Alert> for AlertRow {
    fn from(a: &Alert) -> AlertRow {
        AlertRow {
            id: a.id,
            monitor: a.monitor.clone(),
            kind: a.kind.clone(),
            severity: a.severity,
            state: a.state.as_str().to_string(),
            streak: a.streak,
            message: a.message.clone(),
            started_at: a.started_at,
            fired_at: a.fired_at,
            last_sent_at: a.last_sent_at,
            resolved_at: a.resolved_at,
            acked: a.acked,
        }
    }
}

impl From<&Seen> for SeenRow {
    fn from(s: &Seen) -> SeenRow {
        SeenRow { status: s.status, message: s.message.clone() }
    }
}

impl From<SeenRow> for Seen {
    fn from(s: SeenRow) -> Seen {
        Seen { status: s.status, message: s.message }
    }
}

impl From<&Notification> for NotificationRow {
    fn from(n: &Notification) -> NotificationRow {
        NotificationRow {
            version: n.version,
            event: n.event.as_str().to_string(),
            alert_id: n.alert_id,
            monitor: n.monitor.clone(),
            kind: n.kind.clone(),
            severity: n.severity,
            previous_severity: n.previous_severity,
            message: n.message.clone(),
            host: n.host.clone(),
            started_at: n.started_at.clone(),
            at: n.at.clone(),
            streak: n.streak,
            dedup_key: n.dedup_key.clone(),
            heal: n.heal.as_ref().map(|h| HealRow {
                remedy: h.remedy.clone(),
                outcome: h.outcome.clone(),
                details: h.details.clone(),
                before: (&h.before).into(),
                after: h.after.as_ref().map(SeenRow::from),
                bytes_freed: h.bytes_freed,
                files_deleted: h.files_deleted,
            }),
            death: n.death.as_ref().map(DeathRow::from),
            escalated: n.escalated,
            unacked_for: n.unacked_for.clone(),
        }
    }
}

impl TryFrom<NotificationRow> for Notification {
    /// Why it cannot be sent: an event this build does not know.
    type Error = String;

    fn try_from(n: NotificationRow) -> Result<Notification, String> {
        let event =
            EVENTS.into_iter().find(|e| e.as_str() == n.event).ok_or_else(|| format!("unknown event `{}`", n.event))?;
        Ok(Notification {
            version: n.version,
            event,
            alert_id: n.alert_id,
            monitor: n.monitor,
            kind: n.kind,
            severity: n.severity,
            previous_severity: n.previous_severity,
            message: n.message,
            host: n.host,
            started_at: n.started_at,
            at: n.at,
            streak: n.streak,
            dedup_key: n.dedup_key,
            heal: n.heal.map(|h| Heal {
                remedy: h.remedy,
                outcome: h.outcome,
                details: h.details,
                before: h.before.into(),
                after: h.after.map(Seen::from),
                bytes_freed: h.bytes_freed,
                files_deleted: h.files_deleted,
            }),
            death: n.death.map(Death::from),
            escalated: n.escalated,
            unacked_for: n.unacked_for,
        })
    }
}

/// A queued notification as the store read it, or why it cannot be sent.
pub(crate) fn read(stored: Result<NotificationRow, String>) -> Result<Notification, String> {
    stored.and_then(Notification::try_from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row a newer hm queued with an event this build does not know is
    /// read by the store, but cannot be sent: it says why, and stays queued.
    #[test]
    fn issue27_a_stored_event_this_build_does_not_know_is_unreadable_not_lost() {
        let json = r#"{"version":1,"event":"paged","alert_id":3,"monitor":"api","kind":"process","severity":"critical","previous_severity":null,"message":"down","host":"box1","started_at":"2026-01-01T00:00:00Z","at":"2026-01-01T00:00:05Z","streak":2,"dedup_key":"hm/box1/api"}"#;
        let row: NotificationRow = serde_json::from_str(json).expect("the store reads it");
        assert_eq!(read(Ok(row.clone())), Err("unknown event `paged`".to_string()));
        let known = NotificationRow { event: "firing".into(), ..row };
        let n = read(Ok(known.clone())).expect("firing is known");
        assert_eq!((n.event, NotificationRow::from(&n)), (EventKind::Firing, known));
    }
}
