//! `outbox.payload`: a queued notification, as stored.
//!
//! A notification waits in the outbox until its receiver takes it, which
//! may be after an upgrade of hm: a row hm cannot read blocks its channel
//! for good (a channel stops at its first failure). So the stored form is
//! the store's, with the field names the rows have always had, and the
//! public `Notification` (the JSON that webhooks and commands receive)
//! is free to change. The alerts convert it to and from this row
//! (`alert/stored.rs`).

use super::status_name;
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// One row of `outbox.payload`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct NotificationRow {
    pub version: u32,
    /// `firing`, `changed`, `repeat`, `refresh`, `resolved`, `test`,
    /// `healed`, `flapping` or `flapping-ended`; a word this build does not know fails its conversion.
    pub event: String,
    pub alert_id: i64,
    pub monitor: String,
    pub kind: String,
    #[serde(with = "status_name")]
    pub severity: Status,
    #[serde(default, with = "maybe_status_name")]
    pub previous_severity: Option<Status>,
    pub message: String,
    pub host: String,
    pub started_at: String,
    pub at: String,
    pub streak: u32,
    pub dedup_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heal: Option<HealRow>,
    /// Added after the first rows were written: optional, so they read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub death: Option<super::DeathRow>,
    /// An escalation tier's `firing`; added later, so optional.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unacked_for: Option<String>,
}

/// What a `healed` notification adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct HealRow {
    pub remedy: String,
    pub outcome: String,
    #[serde(default)]
    pub details: String,
    pub before: SeenRow,
    #[serde(default)]
    pub after: Option<SeenRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_freed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_deleted: Option<usize>,
}

/// A monitor's status at one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SeenRow {
    #[serde(with = "status_name")]
    pub status: Status,
    pub message: String,
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
