//! Results, counters and pings to and from the store's rows: the store
//! keeps its own row types (`store/rows/`) and knows nothing of checks, so
//! the conversions live here, with the types they convert.

use super::{CheckResult, Counter, LastPing, Metric};
use crate::analyze::anomaly::Anomaly;
use crate::store::{AnomalyRow, CheckRow, CounterRow, MetricRow, PingRow};

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
            counters: r.counters.clone(),
        }
    }
}

impl From<CheckRow> for CheckResult {
    /// The stored result; its counters are not kept in the document (they
    /// have their own table), so they come back empty.
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
            waiting_for: Vec::new(),
        }
    }
}

impl From<CounterRow> for Counter {
    fn from(c: CounterRow) -> Counter {
        Counter { value: c.value, ts: c.ts }
    }
}

impl From<Counter> for CounterRow {
    fn from(c: Counter) -> CounterRow {
        CounterRow { value: c.value, ts: c.ts }
    }
}

impl From<PingRow> for LastPing {
    fn from(p: PingRow) -> LastPing {
        LastPing { ts: p.ts, ok: p.ok, took: p.duration_ms.map(|d| d / 1000.0) }
    }
}

impl From<PingRow> for crate::config::TaskPing {
    fn from(p: PingRow) -> crate::config::TaskPing {
        crate::config::TaskPing { ts: p.ts, ok: p.ok, duration_ms: p.duration_ms }
    }
}
