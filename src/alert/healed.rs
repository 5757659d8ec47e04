//! `healed`: telling people what hm fixed.
//!
//! Most of what `hm heal` fixes never becomes an alert: a worker that
//! crashed is restarted on the first failing check, before `for` checks in
//! a row could fire one. The operators the old health daemons kept informed
//! would then learn nothing, so every remedy that changed something
//! (restarted, cleaned files away, cleared a lock, unstuck a session)
//! queues a `healed` notification, in the outbox like the alert events
//! (delivered at least once, retried). A remedy that failed or did nothing
//! sends none: the monitor stays non-ok and the alert it raises says so.

use super::state::{Event, EventKind};
use super::{Notification, dedup_key, host_name, route};
use crate::config::Config;
use crate::status::Status;
use crate::store::{NewNotification, NotificationRow, Store};
use crate::time::rfc3339;
use anyhow::Result;
use serde::{Deserialize, Serialize};

/// How long before a restart's `healed` a death may be the one it answered.
const DEATH_WINDOW: f64 = 600.0;

/// A monitor's status at one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Seen {
    pub status: Status,
    pub message: String,
}

/// What a `healed` notification adds to the common fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Heal {
    /// `restart`, `clean-disk`, `clear-locks` or `unstick`.
    pub remedy: String,
    /// `restarted`, `cleaned`, `cleared` or `unstuck`.
    pub outcome: String,
    /// What the remedy did, step by step.
    pub details: String,
    /// The check before the remedy.
    pub before: Seen,
    /// The check after it; null when the monitor was not checked again.
    pub after: Option<Seen>,
    /// For `clean-disk`: bytes freed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_freed: Option<u64>,
    /// For `clean-disk`: files deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_deleted: Option<usize>,
}

/// A remedy that changed something, about to be told.
#[derive(Debug, Clone)]
pub(crate) struct Fixed {
    pub monitor: String,
    /// The monitor's check kind.
    pub kind: String,
    /// When the check before the remedy ran (RFC 3339).
    pub checked_at: String,
    pub heal: Heal,
}

/// A `healed` event this run queued, for the run's report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Told {
    pub monitor: String,
    pub remedy: String,
    pub outcome: String,
    /// The channels it was queued for (none when no channel takes it).
    pub channels: Vec<String>,
}

/// The `healed` notification of `f`.
pub(crate) fn notification(f: &Fixed, host: &str, now: f64) -> Notification {
    let h = &f.heal;
    let mut message = format!("{}: {}; was {}: {}", h.remedy, h.outcome, h.before.status, h.before.message);
    if let Some(a) = &h.after {
        message.push_str(&format!("; now {}: {}", a.status, a.message));
    }
    Notification {
        version: 1,
        event: EventKind::Healed,
        alert_id: 0,
        monitor: f.monitor.clone(),
        kind: f.kind.clone(),
        severity: h.before.status,
        previous_severity: None,
        message,
        host: host.to_string(),
        started_at: f.checked_at.clone(),
        at: rfc3339(now),
        streak: 0,
        dedup_key: dedup_key(host, &f.monitor),
        heal: Some(h.clone()),
        death: None,
        escalated: false,
        unacked_for: None,
    }
}

/// Queue a `healed` notification of each of `fixed` for the channels that
/// take it, in one transaction.
pub(crate) fn queue(store: &mut Store, config: &Config, fixed: &[Fixed], now: f64) -> Result<Vec<Told>> {
    if fixed.is_empty() {
        return Ok(Vec::new());
    }
    let host = host_name(config.settings.alerts.host.as_deref());
    let tx = store.alert_tx()?;
    let mut told = Vec::new();
    // A pool's instances fixed together are told together.
    for f in super::pools::fold_fixed(fixed).iter() {
        let ev = Event { kind: EventKind::Healed, severity: f.heal.before.status, previous: None };
        let mut notification = notification(f, &host, now);
        // The death a restart answered: its monitor's last, in
        // the minutes before (none for a pool told together: `hm why` has each).
        if f.heal.remedy == "restart" {
            notification.death = tx.last_death(&f.monitor, now - DEATH_WINDOW);
        }
        let row = NotificationRow::from(&notification);
        let mut channels = Vec::new();
        for (ch, _) in route(&config.channels, &ev) {
            let n = NewNotification { channel: &ch.name, alert_id: None, event: "healed", notification: &row, now };
            if tx.enqueue(&n)? {
                channels.push(ch.name.clone());
            }
        }
        told.push(Told {
            monitor: f.monitor.clone(),
            remedy: f.heal.remedy.clone(),
            outcome: f.heal.outcome.clone(),
            channels,
        });
    }
    tx.commit()?;
    Ok(told)
}
