//! `latest.result`: a monitor's last whole result, as stored.
//!
//! The field names are those of the rows hm has always written (they were
//! once `CheckResult`'s own), fixed here whatever the report calls them.

use super::status_name;
use crate::analyze::anomaly::Anomaly;
use crate::check::{CheckResult, Metric};
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// One row of `latest.result`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct CheckRow {
    monitor: String,
    kind: String,
    #[serde(with = "status_name")]
    status: Status,
    message: String,
    duration_ms: f64,
    #[serde(default)]
    metrics: Vec<MetricRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    anomalies: Vec<AnomalyRow>,
}

/// A metric with the thresholds it was judged against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct MetricRow {
    name: String,
    value: f64,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    warn: Option<f64>,
    #[serde(default)]
    crit: Option<f64>,
}

/// A figure that was judged anomalous.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct AnomalyRow {
    metric: String,
    value: f64,
    mean: f64,
    deviation: f64,
    z: f64,
}

impl From<&CheckResult> for CheckRow {
    fn from(r: &CheckResult) -> CheckRow {
        CheckRow {
            monitor: r.monitor.clone(),
            kind: r.kind.clone(),
            status: r.status,
            message: r.message.clone(),
            duration_ms: r.duration_ms,
            metrics: r
                .metrics
                .iter()
                .map(|m| MetricRow {
                    name: m.name.clone(),
                    value: m.value,
                    unit: m.unit.clone(),
                    warn: m.warn,
                    crit: m.crit,
                })
                .collect(),
            anomalies: r
                .anomalies
                .iter()
                .map(|a| AnomalyRow {
                    metric: a.metric.clone(),
                    value: a.value,
                    mean: a.mean,
                    deviation: a.deviation,
                    z: a.z,
                })
                .collect(),
        }
    }
}

impl From<CheckRow> for CheckResult {
    /// The stored result; its counters are not kept here (they have their
    /// own table), so they come back empty.
    fn from(r: CheckRow) -> CheckResult {
        CheckResult {
            monitor: r.monitor,
            kind: r.kind,
            status: r.status,
            message: r.message,
            duration_ms: r.duration_ms,
            metrics: r
                .metrics
                .into_iter()
                .map(|m| Metric { name: m.name, value: m.value, unit: m.unit, warn: m.warn, crit: m.crit })
                .collect(),
            counters: Vec::new(),
            procs: Vec::new(),
            anomalies: r
                .anomalies
                .into_iter()
                .map(|a| Anomaly { metric: a.metric, value: a.value, mean: a.mean, deviation: a.deviation, z: a.z })
                .collect(),
        }
    }
}
