//! Prometheus text exposition (format 0.0.4) of a status snapshot. Every
//! family has HELP and TYPE lines, label values are escaped, and the
//! output passes `promtool check metrics` (tested). The families are data
//! first ([`families`]): the OTLP export sends the same ones.

use crate::engine::report::{MonitorStatus, StatusReport};
use crate::status::Status;
use std::fmt::Write;

/// A label value, escaped: backslash, double quote and newline as the
/// format says; any other control character (ESC, CR from a plugin's
/// label) as its visible escape (`crate::text::escape`), whose backslash is
/// then escaped too: the value reads `\x1b`, never a raw ESC on the
/// terminal of whoever curls `/metrics`.
fn escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&crate::text::escape(&c.to_string()).replace('\\', "\\\\")),
            c => out.push(c),
        }
    }
    out
}

/// A sample value as Prometheus writes it.
fn value(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf".into() } else { "-Inf".into() }
    } else {
        format!("{v}")
    }
}

fn labels(pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let inner: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}=\"{}\"", escape(v))).collect();
    format!("{{{}}}", inner.join(","))
}

/// A monitor's labels, then `rest`: an instance of a pool (`api@7`) is
/// `monitor="api",worker="7"`, so `sum by (monitor)` adds up a pool. Not
/// `instance`: that label is Prometheus's own (the target scraped).
fn who<'a>(monitor: &'a str, rest: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut out = match monitor.split_once('@').filter(|_| crate::config::instances::split(monitor).is_some()) {
        Some((pool, i)) => vec![("monitor", pool), ("worker", i)],
        None => vec![("monitor", monitor)],
    };
    out.extend_from_slice(rest);
    out
}

/// One metric family: what `/metrics` writes as a `# HELP`, a `# TYPE`
/// and its samples, and what the OTLP export (`crate::otlp::metrics`)
/// sends as one metric, so the two cannot name or label a series apart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Family {
    pub name: String,
    pub help: String,
    /// A counter (only ever grows: OTLP's monotonic, cumulative sum), else
    /// a gauge.
    pub counter: bool,
    /// Each sample's labels, in order, and value.
    pub samples: Vec<(Vec<(String, String)>, f64)>,
}

/// Collects families in order.
struct Out(Vec<Family>);

impl Out {
    fn family(&mut self, name: &str, help: &str) {
        self.typed(name, help, "gauge");
    }

    fn typed(&mut self, name: &str, help: &str, kind: &str) {
        let family = Family { name: name.into(), help: help.into(), counter: kind == "counter", samples: Vec::new() };
        self.0.push(family);
    }

    /// A sample of the family begun last (`name` is that family's).
    fn sample(&mut self, name: &str, pairs: &[(&str, &str)], v: f64) {
        if let Some(f) = self.0.last_mut().filter(|f| f.name == name) {
            f.samples.push((pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), v));
        }
    }
}

/// The text of `families`, in their order.
pub(crate) fn text(families: &[Family]) -> String {
    let mut out = String::new();
    for f in families {
        let kind = if f.counter { "counter" } else { "gauge" };
        let _ = writeln!(out, "# HELP {} {}\n# TYPE {} {kind}", f.name, f.help, f.name);
        for (pairs, v) in &f.samples {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let _ = writeln!(out, "{}{} {}", f.name, labels(&pairs), value(*v));
        }
    }
    out
}

pub(super) fn render(r: &StatusReport) -> String {
    text(&families(r))
}

/// The families of a snapshot, as `/metrics` serves them.
pub(crate) fn families(r: &StatusReport) -> Vec<Family> {
    let mut o = Out(Vec::new());
    o.family("hm_up", "Whether hm could read its state (1) or not (0).");
    o.sample("hm_up", &[], 1.0);
    o.family("hm_health_score", "The host's health score, 0 to 100.");
    o.sample("hm_health_score", &[], r.score);

    type Get = fn(&MonitorStatus) -> Option<f64>;
    let per_monitor: [(&str, &str, Get); 6] = [
        ("hm_monitor_status", "The latest status: 0 ok, 1 warning, 2 critical, 3 unknown.", |m| {
            Some(f64::from(m.status.exit_code()))
        }),
        ("hm_monitor_health_score", "The monitor's health score, 0 to 100.", |m| m.score),
        ("hm_monitor_flapping", "Whether the monitor is flapping now (1) or not (0).", |m| {
            Some(f64::from(u8::from(m.flapping)))
        }),
        ("hm_monitor_in_maintenance", "Whether the monitor is in a maintenance window now (1) or not (0).", |m| {
            Some(f64::from(u8::from(m.maintenance.is_some())))
        }),
        ("hm_check_duration_seconds", "How long the latest check took.", |m| m.duration_ms.map(|d| d / 1000.0)),
        ("hm_last_check_timestamp_seconds", "When the monitor was last checked (Unix time).", |m| m.checked_ts),
    ];
    for (name, help, get) in per_monitor {
        o.family(name, help);
        for m in &r.monitors {
            if let Some(v) = get(m) {
                o.sample(name, &who(&m.monitor, &[("kind", &m.kind)]), v);
            }
        }
    }

    type Pick = fn(&crate::check::Metric) -> Option<f64>;
    let metric_families: [(&str, &str, Pick); 3] = [
        ("hm_metric", "A figure measured by the monitor's latest check.", |x| Some(x.value)),
        ("hm_metric_warning_threshold", "The warning level of a figure.", |x| x.warn),
        ("hm_metric_critical_threshold", "The critical level of a figure.", |x| x.crit),
    ];
    for (name, help, pick) in metric_families {
        o.family(name, help);
        for m in &r.monitors {
            for x in &m.metrics {
                if let Some(v) = pick(x) {
                    let l = who(&m.monitor, &[("kind", &m.kind), ("name", &x.name), ("unit", &x.unit)]);
                    o.sample(name, &l, v);
                }
            }
        }
    }

    o.family("hm_restarts_24h", "Worker restarts by hm in the last 24 hours.");
    for m in r.monitors.iter().filter(|m| m.kind == "process") {
        o.sample("hm_restarts_24h", &who(&m.monitor, &[]), m.restarts_24h as f64);
    }
    o.typed(
        "hm_worker_exits_total",
        "Deaths of watched workers by cause; kept apart from the history, never pruned.",
        "counter",
    );
    for e in &r.worker_exits {
        o.sample("hm_worker_exits_total", &who(&e.monitor, &[("cause", &e.cause)]), e.count as f64);
    }
    o.family("hm_alerts_firing", "Alerts firing, by severity.");
    for s in [Status::Warning, Status::Critical, Status::Unknown] {
        let n =
            r.alerts.iter().filter(|a| a.state == crate::alert::state::AlertState::Firing && a.severity == s).count();
        o.sample("hm_alerts_firing", &[("severity", s.as_str())], n as f64);
    }
    o.family("hm_outbox_waiting", "Alert notifications not delivered yet.");
    o.sample("hm_outbox_waiting", &[], r.outbox_waiting as f64);
    o.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_and_special_numbers_are_written_as_prometheus_reads_them() {
        assert_eq!(labels(&[("a", "x\"y\\z\nw")]), "{a=\"x\\\"y\\\\z\\nw\"}");
        // Other control characters show as escapes, never raw.
        assert_eq!(labels(&[("a", "\x1b]0;t\x07\r")]), "{a=\"\\\\x1b]0;t\\\\x07\\\\r\"}");
        assert_eq!(
            (value(f64::NAN), value(f64::INFINITY), value(-f64::INFINITY)),
            ("NaN".into(), "+Inf".into(), "-Inf".into())
        );
        assert_eq!(value(95.0), "95");
        assert_eq!(value(0.25), "0.25");
    }

    #[test]
    fn issue29_an_instance_is_its_pool_with_a_worker_label() {
        assert_eq!(labels(&who("api@7", &[("kind", "process")])), "{monitor=\"api\",worker=\"7\",kind=\"process\"}");
        assert_eq!(labels(&who("cpu", &[])), "{monitor=\"cpu\"}");
    }
}
