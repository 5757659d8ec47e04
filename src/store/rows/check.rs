//! `latest.result`: a monitor's last whole result, as stored.
//!
//! The field names are those of the rows hm has always written (they were
//! once `CheckResult`'s own), fixed here whatever the report calls them.
//! The checks convert their results to and from these rows (`check/stored.rs`):
//! the store knows rows, not what produced them.

use super::status_name;
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// One row of `latest.result`, and what `checks` and `counters` keep of
/// the same result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct CheckRow {
    pub monitor: String,
    pub kind: String,
    #[serde(with = "status_name")]
    pub status: Status,
    pub message: String,
    pub duration_ms: f64,
    #[serde(default)]
    pub metrics: Vec<MetricRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anomalies: Vec<AnomalyRow>,
    /// Raw counters to keep for the next run: written to `counters`, not
    /// into the document (so they read back empty).
    #[serde(skip)]
    pub counters: Vec<(String, f64)>,
}

/// A metric with the thresholds it was judged against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct MetricRow {
    pub name: String,
    pub value: f64,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub warn: Option<f64>,
    #[serde(default)]
    pub crit: Option<f64>,
}

/// A figure that was judged anomalous.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct AnomalyRow {
    pub metric: String,
    pub value: f64,
    pub mean: f64,
    pub deviation: f64,
    pub z: f64,
}
