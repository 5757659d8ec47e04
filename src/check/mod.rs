//! Checks: one module per kind (`kinds`), each a function from the host (and what the
//! previous run left in the database) to a [`CheckOutput`]; the
//! [`runner`] runs them in parallel and stamps each with its monitor, kind
//! and duration.

pub(crate) mod find;
pub(crate) mod kinds;
pub(crate) mod nagios;
pub(crate) mod patterns;
pub(crate) mod pidfile;
pub(crate) mod pools;
pub(crate) mod runner;
mod stored;

pub(crate) use kinds::tmux;

use crate::config::Limits;
use crate::host::Host;
use crate::status::Status;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One measured figure, with the thresholds it was judged against
/// (Nagios perfdata semantics: a value above a level crosses it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, schemars::JsonSchema)]
pub(crate) struct Metric {
    /// Metric name, unique within its monitor (e.g. `cpu`, `space:/var`).
    pub name: String,
    /// The value.
    pub value: f64,
    /// Unit: `%`, `B`, `s`, or empty for a plain count or ratio.
    pub unit: String,
    /// Warning level, if any.
    pub warn: Option<f64>,
    /// Critical level, if any.
    pub crit: Option<f64>,
}

impl Metric {
    pub(crate) fn new(name: impl Into<String>, value: f64, unit: &str) -> Metric {
        Metric { name: name.into(), value, unit: unit.to_string(), warn: None, crit: None }
    }

    /// Attach thresholds.
    pub(crate) fn limits(mut self, l: Limits) -> Metric {
        self.warn = l.warn;
        self.crit = l.crit;
        self
    }

    /// The status this value has against its own thresholds.
    pub(crate) fn status(&self) -> Status {
        level(self.value, Limits { warn: self.warn, crit: self.crit })
    }
}

/// Judge a value against limits: above crit is critical, above warn warning.
pub(crate) fn level(value: f64, l: Limits) -> Status {
    if l.crit.is_some_and(|c| value > c) {
        Status::Critical
    } else if l.warn.is_some_and(|w| value > w) {
        Status::Warning
    } else {
        Status::Ok
    }
}

/// The result of one check, as printed and stored.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct CheckResult {
    /// The monitor's name.
    pub monitor: String,
    /// Its kind (`cpu`, `process`, ...).
    pub kind: String,
    /// ok, warning, critical or unknown.
    pub status: Status,
    /// One line for people.
    pub message: String,
    /// How long the check took, milliseconds.
    pub duration_ms: f64,
    /// The figures measured.
    pub metrics: Vec<Metric>,
    /// Counters to keep for the next run (CPU ticks); not printed.
    #[serde(skip, default)]
    pub counters: Vec<(String, f64)>,
    /// The processes a `process` check matched, as (pid, start ticks):
    /// what `hm run` watches for exits (`engine::watch`). Not printed or
    /// stored.
    #[serde(skip, default)]
    pub procs: Vec<(u32, u64)>,
    /// Figures far from their usual level (monitors with `anomaly` set).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anomalies: Vec<crate::analyze::anomaly::Anomaly>,
    /// The monitors it waits for (`depends_on`) that were not ok: its
    /// status is then `unknown`, and it is neither alerted nor healed
    /// (`engine::depends`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiting_for: Vec<String>,
}

impl CheckResult {
    /// A result hm states rather than measures (a pool's summary row, a
    /// held monitor's): no figures, no processes, no time taken.
    pub(crate) fn stated(
        monitor: impl Into<String>,
        kind: impl Into<String>,
        status: Status,
        message: String,
    ) -> CheckResult {
        CheckResult {
            monitor: monitor.into(),
            kind: kind.into(),
            status,
            message,
            duration_ms: 0.0,
            metrics: Vec::new(),
            counters: Vec::new(),
            procs: Vec::new(),
            anomalies: Vec::new(),
            waiting_for: Vec::new(),
        }
    }
}

/// What a check kind returns.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CheckOutput {
    pub status: Status,
    pub message: String,
    pub metrics: Vec<Metric>,
    /// Counters to store for the next run's deltas.
    pub counters: Vec<(String, f64)>,
    /// The processes matched (pid, start ticks), for `hm run` to watch.
    pub procs: Vec<(u32, u64)>,
}

impl CheckOutput {
    /// Status from the metrics' own thresholds.
    pub(crate) fn from_metrics(message: String, metrics: Vec<Metric>) -> CheckOutput {
        let status = Status::worst_of(metrics.iter().map(Metric::status));
        CheckOutput { status, message, metrics, ..Default::default() }
    }
}

/// A stored counter: value and when it was read (unix seconds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Counter {
    pub value: f64,
    pub ts: f64,
}

/// The last `hm ping` of a name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LastPing {
    pub ts: f64,
    pub ok: bool,
    /// How long the run took, in seconds, when told or timed from its start.
    pub took: Option<f64>,
}

/// Everything a check may read besides the monitor's own spec.
pub(crate) struct CheckCtx<'a> {
    pub host: &'a dyn Host,
    /// Unix seconds at the start of the run.
    pub now: f64,
    /// Counters from the previous run.
    pub counters: &'a HashMap<String, Counter>,
    /// Last ping per name, for heartbeat monitors.
    pub pings: &'a HashMap<String, LastPing>,
    /// When the run now going began (`hm ping --start`), per name, for
    /// heartbeat monitors on a schedule.
    pub started: &'a HashMap<String, f64>,
    /// When each heartbeat monitor on a schedule was first checked.
    pub first_checked: &'a HashMap<String, f64>,
    /// Recent pings per name, for tasks monitors.
    pub tasks: &'a HashMap<String, Vec<crate::config::TaskPing>>,
    /// Every `process` monitor's pattern, matched together.
    pub patterns: &'a patterns::PatternIndex,
}

/// Counters older than this are not used for deltas: the figure would be an
/// average over too long a time to mean "now".
pub(crate) const MAX_COUNTER_AGE_S: f64 = 900.0;

/// How long to sample when no usable previous counter exists.
pub(crate) const SAMPLE: std::time::Duration = std::time::Duration::from_millis(200);

impl CheckCtx<'_> {
    /// A previous counter that is recent enough for a delta.
    pub(crate) fn recent_counter(&self, key: &str) -> Option<Counter> {
        self.counters.get(key).copied().filter(|c| self.now - c.ts > 0.0 && self.now - c.ts <= MAX_COUNTER_AGE_S)
    }
}

/// What the checks of a run read besides the host and their own specs:
/// what earlier runs left in the database (counters, pings, task pings)
/// and the run's compiled patterns. A cycle gathers it once
/// (`engine::cycle`); a remedy that checks again, or a test, builds its
/// own. [`CheckCtx`] is its borrowed view, with the host and the time.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    pub counters: HashMap<String, Counter>,
    pub pings: HashMap<String, LastPing>,
    pub started: HashMap<String, f64>,
    pub first_checked: HashMap<String, f64>,
    pub tasks: HashMap<String, Vec<crate::config::TaskPing>>,
    pub patterns: patterns::PatternIndex,
}

impl Inputs {
    /// Stored counters, all read at `ts`.
    #[cfg(test)]
    pub(crate) fn counters(mut self, pairs: &[(&str, f64)], ts: f64) -> Inputs {
        for (k, v) in pairs {
            self.counters.insert(k.to_string(), Counter { value: *v, ts });
        }
        self
    }

    #[cfg(test)]
    pub(crate) fn ping(mut self, name: &str, ts: f64, ok: bool) -> Inputs {
        self.pings.insert(name.to_string(), LastPing { ts, ok, took: None });
        self
    }

    pub(crate) fn ctx<'a>(&'a self, host: &'a dyn Host, now: f64) -> CheckCtx<'a> {
        CheckCtx {
            host,
            now,
            counters: &self.counters,
            pings: &self.pings,
            started: &self.started,
            first_checked: &self.first_checked,
            tasks: &self.tasks,
            patterns: &self.patterns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_strictly_above() {
        let l = Limits::new(80.0, 95.0);
        assert_eq!(level(80.0, l), Status::Ok);
        assert_eq!(level(80.1, l), Status::Warning);
        assert_eq!(level(95.1, l), Status::Critical);
        assert_eq!(level(1e9, Limits::default()), Status::Ok);
    }
}
