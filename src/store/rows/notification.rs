//! `outbox.payload`: a queued notification, as stored.
//!
//! A notification waits in the outbox until its receiver takes it, which
//! may be after an upgrade of hm: a row hm cannot read blocks its channel
//! for good (a channel stops at its first failure). So the stored form is
//! the store's, with the field names the rows have always had, and the
//! public [`Notification`] (the JSON that webhooks and commands receive)
//! is free to change.

use super::status_name;
use crate::alert::Notification;
use crate::alert::healed::{Heal, Seen};
use crate::alert::state::EventKind;
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// One row of `outbox.payload`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct NotificationRow {
    version: u32,
    #[serde(with = "event_name")]
    event: EventKind,
    alert_id: i64,
    monitor: String,
    kind: String,
    #[serde(with = "status_name")]
    severity: Status,
    #[serde(default, with = "maybe_status_name")]
    previous_severity: Option<Status>,
    message: String,
    host: String,
    started_at: String,
    at: String,
    streak: u32,
    dedup_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    heal: Option<HealRow>,
    /// Added after the first rows were written: optional, so they read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    death: Option<super::DeathRow>,
}

/// What a `healed` notification adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct HealRow {
    remedy: String,
    outcome: String,
    #[serde(default)]
    details: String,
    before: SeenRow,
    #[serde(default)]
    after: Option<SeenRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bytes_freed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    files_deleted: Option<usize>,
}

/// A monitor's status at one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SeenRow {
    #[serde(with = "status_name")]
    status: Status,
    message: String,
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
            event: n.event,
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
            death: n.death.as_ref().map(super::DeathRow::from),
        }
    }
}

impl From<NotificationRow> for Notification {
    fn from(n: NotificationRow) -> Notification {
        Notification {
            version: n.version,
            event: n.event,
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
            death: n.death.map(crate::engine::report::Death::from),
        }
    }
}

/// A stored event kind: its name, as the `outbox.event` column keeps it.
mod event_name {
    use crate::alert::state::EventKind;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    const ALL: [EventKind; 7] = [
        EventKind::Firing,
        EventKind::Changed,
        EventKind::Repeat,
        EventKind::Refresh,
        EventKind::Resolved,
        EventKind::Test,
        EventKind::Healed,
    ];

    pub(super) fn serialize<S: Serializer>(e: &EventKind, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(e.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<EventKind, D::Error> {
        let name = String::deserialize(de)?;
        ALL.into_iter().find(|e| e.as_str() == name).ok_or_else(|| D::Error::custom(format!("unknown event `{name}`")))
    }
}

/// An optional stored status (`null` when absent).
mod maybe_status_name {
    use crate::status::Status;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(s: &Option<Status>, ser: S) -> Result<S::Ok, S::Error> {
        match s {
            Some(s) => ser.serialize_str(s.as_str()),
            None => ser.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Status>, D::Error> {
        Ok(Option::<String>::deserialize(de)?.map(|s| Status::from_db(&s)))
    }
}
