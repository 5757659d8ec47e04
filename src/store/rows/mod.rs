//! The store's own row types: what a table keeps, apart from the reports
//! hm prints.
//!
//! Three tables keep whole documents as JSON: `latest` (each monitor's last
//! result, with its metrics and thresholds), `outbox` (each queued
//! notification) and `deaths` (each worker's death certificate). Were they
//! the serde JSON of the public structs (`CheckResult`, `Notification`),
//! renaming a report field would make every stored row unreadable: every
//! monitor "never checked", every queued notification undeliverable. The
//! rows here spell their fields as those rows were first written and never
//! change with the reports. The store imports nothing above it: the
//! modules that own the public structs convert them to and from these rows
//! (`check/stored.rs`, `alert/stored.rs`); the death certificate, a plain
//! type below the store (`host/death.rs`), is converted here. A field added
//! later must be optional (`#[serde(default)]`), so that older rows still
//! read.
//!
//! The tables with real columns (`checks`, `samples`, `alerts`, `actions`,
//! `pings`, `counters`, `silences`) already are rows: they are read column
//! by column in their own modules.

mod check;
mod death;
mod notification;

pub(crate) use check::{AnomalyRow, CheckRow, MetricRow};
pub(crate) use death::DeathRow;
pub(crate) use notification::{HealRow, NotificationRow, SeenRow};

/// A stored status: its name, as the `checks` and `alerts` columns keep
/// it. A name this build does not know reads as `unknown`.
mod status_name {
    use crate::status::Status;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(s: &Status, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Status, D::Error> {
        Ok(Status::from_db(&String::deserialize(de)?))
    }
}

#[cfg(test)]
mod tests;
