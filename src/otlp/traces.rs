//! The trace of one cycle: a root span `hm.cycle`, a child per check
//! (monitor, kind, status, duration) and one per remedy (remedy, outcome,
//! and the cause of the death it answered, where a certificate says one).
//! A span whose check is critical or unknown, or whose remedy failed, has
//! the error status, and so has the root when any of its children has.

use super::metrics::attr;
use crate::engine::report::{CheckReport, Cycle, Outcome, RemedyKind};
use crate::status::Status;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::trace::v1::{ResourceSpans, ScopeSpans, Span, span, status};

/// A cycle as its trace needs it, taken from the report when it ends.
#[derive(Debug, Clone)]
pub(super) struct CycleSpans {
    pub start_ns: u64,
    pub end_ns: u64,
    pub checks: Vec<CheckSpan>,
    pub remedies: Vec<RemedySpan>,
    /// When the remedies ran: after the checks before, until those after.
    pub remedies_at: (u64, u64),
}

#[derive(Debug, Clone)]
pub(super) struct CheckSpan {
    pub monitor: String,
    pub kind: String,
    pub status: Status,
    pub duration_ms: f64,
    pub start_ns: u64,
}

#[derive(Debug, Clone)]
pub(super) struct RemedySpan {
    pub monitor: String,
    pub remedy: String,
    pub outcome: String,
    pub failed: bool,
    /// A restart that acted: the death it answered may have a certificate.
    pub restarted: bool,
}

/// The spans of a cycle that ended at `end_ns`; `None` for a turn that
/// checked and healed nothing (a failed cycle, a reload, an escalation).
/// A heal's checks are those it ran before (not those a verification
/// carries from the turn that restarted, which ran no check: its
/// `duration_ms` is 0) and the checks after its remedies.
pub(super) fn of(cycle: &Cycle, end_ns: u64) -> Option<CycleSpans> {
    let (checks, remedies, remedies_at) = match cycle {
        Cycle::Check(r) => (spans(r, end_ns.saturating_sub(ns(r.duration_ms))), Vec::new(), (end_ns, end_ns)),
        Cycle::Heal(h) => {
            let after_start = end_ns.saturating_sub(h.after.as_ref().map_or(0, |a| ns(a.duration_ms)));
            // The turn began when its checks did (a verification ran none).
            let began = (h.before.duration_ms > 0.0).then(|| started(&h.before.checked_at)).flatten();
            let start = began.unwrap_or(after_start).min(after_start);
            let mut checks = if began.is_some() { spans(&h.before, start) } else { Vec::new() };
            if let Some(after) = &h.after {
                checks.extend(spans(after, after_start));
            }
            let remedies_at = (start.saturating_add(ns(h.before.duration_ms)).min(after_start), after_start);
            let remedies = h
                .remedies
                .iter()
                .map(|r| RemedySpan {
                    monitor: r.monitor.clone(),
                    remedy: r.remedy.to_string(),
                    outcome: r.outcome.as_str().to_string(),
                    failed: matches!(r.outcome, Outcome::Failed | Outcome::GaveUp),
                    restarted: r.remedy == RemedyKind::Restart
                        && matches!(r.outcome, Outcome::Started | Outcome::Restarted | Outcome::Failed),
                })
                .collect();
            (checks, remedies, remedies_at)
        }
        Cycle::Failed(_) | Cycle::Reloaded(_) => return None,
    };
    if checks.is_empty() && remedies.is_empty() {
        return None;
    }
    let start_ns = checks.iter().map(|c| c.start_ns).min().unwrap_or(end_ns);
    Some(CycleSpans { start_ns, end_ns, checks, remedies, remedies_at })
}

/// A report's checks, all begun at `start_ns` (they run side by side).
fn spans(r: &CheckReport, start_ns: u64) -> Vec<CheckSpan> {
    r.results
        .iter()
        .map(|c| CheckSpan {
            monitor: c.monitor.clone(),
            kind: c.kind.clone(),
            status: c.status,
            duration_ms: c.duration_ms,
            start_ns,
        })
        .collect()
}

/// When a report's checks began (its `checked_at`), in nanoseconds.
fn started(rfc3339: &str) -> Option<u64> {
    let at = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    u64::try_from(at.timestamp_nanos_opt()?).ok()
}

/// Milliseconds as nanoseconds, saturating (a negative or NaN is 0).
fn ns(ms: f64) -> u64 {
    (ms * 1e6) as u64
}

/// The request for one cycle's trace, its ids from `ids` (16 bytes for
/// the trace, 8 per span); `cause` is the death a monitor's restart
/// answered, where known.
pub(super) fn request(
    c: &CycleSpans,
    ids: &mut impl FnMut() -> u64,
    cause: &dyn Fn(&str) -> Option<String>,
) -> ExportTraceServiceRequest {
    let trace_id = [ids().to_be_bytes(), ids().to_be_bytes()].concat();
    let root_id = ids().to_be_bytes().to_vec();
    let child = |name: &str, id: u64, start: u64, end: u64, attributes, error: Option<String>| Span {
        trace_id: trace_id.clone(),
        span_id: id.to_be_bytes().to_vec(),
        parent_span_id: root_id.clone(),
        name: name.to_string(),
        kind: span::SpanKind::Internal as i32,
        start_time_unix_nano: start,
        end_time_unix_nano: end,
        attributes,
        status: error.map(|message| opentelemetry_proto::tonic::trace::v1::Status {
            message,
            code: status::StatusCode::Error as i32,
        }),
        ..Default::default()
    };
    let mut spans = Vec::new();
    for k in &c.checks {
        let attributes = vec![
            attr("monitor", &k.monitor),
            attr("kind", &k.kind),
            attr("status", k.status.as_str()),
            super::metrics::double("duration", k.duration_ms / 1000.0),
        ];
        let error = matches!(k.status, Status::Critical | Status::Unknown).then(|| k.status.as_str().to_string());
        let end = k.start_ns.saturating_add(ns(k.duration_ms)).min(c.end_ns);
        spans.push(child("hm.check", ids(), k.start_ns, end, attributes, error));
    }
    for r in &c.remedies {
        let mut attributes = vec![attr("monitor", &r.monitor), attr("remedy", &r.remedy), attr("outcome", &r.outcome)];
        if let Some(cause) = r.restarted.then(|| cause(&r.monitor)).flatten() {
            attributes.push(attr("cause", &cause));
        }
        let error = r.failed.then(|| r.outcome.clone());
        spans.push(child("hm.remedy", ids(), c.remedies_at.0, c.remedies_at.1, attributes, error));
    }
    let failed = spans.iter().any(|s| s.status.is_some());
    let mut root =
        child("hm.cycle", 0, c.start_ns, c.end_ns, Vec::new(), failed.then(|| "a check or remedy failed".into()));
    root.span_id = root_id.clone();
    root.parent_span_id = Vec::new();
    spans.insert(0, root);
    ExportTraceServiceRequest {
        resource_spans: vec![ResourceSpans {
            resource: Some(super::resource()),
            scope_spans: vec![ScopeSpans { scope: Some(super::scope()), spans, ..Default::default() }],
            ..Default::default()
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::{HealReport, Remedy};
    use prost::Message;

    fn report(duration_ms: f64, results: &[(&str, &str)]) -> CheckReport {
        let results = results
            .iter()
            .map(|(monitor, status)| {
                let doc = serde_json::json!({"monitor": monitor, "kind": "process", "status": status,
                    "message": "", "duration_ms": 2.0, "metrics": []});
                serde_json::from_value(doc).expect("a result")
            })
            .collect();
        CheckReport {
            status: Status::Ok,
            duration_ms,
            pools: Vec::new(),
            ..CheckReport::of("2026-01-01T00:00:00.000Z".into(), results)
        }
    }

    fn heal(before: CheckReport, outcome: Outcome) -> Cycle {
        let remedy = Remedy {
            monitor: "api".into(),
            remedy: RemedyKind::Restart,
            outcome,
            details: String::new(),
            retry_in: None,
        };
        Cycle::Heal(HealReport {
            status: Status::Ok,
            dry_run: false,
            before,
            remedies: vec![remedy],
            after: Some(Box::new(report(5.0, &[("api", "ok")]))),
            healed: Vec::new(),
            notifications: None,
            not_acting: None,
            warnings: Vec::new(),
        })
    }

    /// The spans of `cycle`'s trace as (name, parent is the root, error,
    /// attributes), after a round trip through the wire format.
    fn decoded(cycle: &Cycle, cause: Option<&str>) -> Vec<(String, bool, bool, Vec<String>)> {
        let spans = of(cycle, 1_767_225_600_500_000_000).expect("a trace");
        let mut n = 0;
        let mut ids = || {
            n += 1;
            n
        };
        let bytes = request(&spans, &mut ids, &|_| cause.map(str::to_string)).encode_to_vec();
        let back = ExportTraceServiceRequest::decode(&bytes[..]).expect("decodes");
        let spans = &back.resource_spans[0].scope_spans[0].spans;
        let root = &spans[0].span_id;
        spans
            .iter()
            .map(|s| {
                let attrs = s
                    .attributes
                    .iter()
                    .map(|a| format!("{}={:?}", a.key, a.value.as_ref().and_then(|v| v.value.clone())))
                    .collect();
                let error = s.status.as_ref().is_some_and(|st| st.code == status::StatusCode::Error as i32);
                (s.name.clone(), &s.parent_span_id == root, error, attrs)
            })
            .collect()
    }

    #[test]
    fn a_cycle_is_a_root_with_a_check_span_per_monitor_and_errors_where_critical() {
        let spans = decoded(&Cycle::Check(report(10.0, &[("api", "critical"), ("db", "ok")])), None);
        let shape: Vec<(&str, bool, bool)> = spans.iter().map(|(n, p, e, _)| (n.as_str(), *p, *e)).collect();
        assert_eq!(shape, [("hm.cycle", false, true), ("hm.check", true, true), ("hm.check", true, false)]);
        assert!(spans[1].3.iter().any(|a| a.contains("monitor=") && a.contains("\"api\"")), "{spans:?}");
        assert!(spans[1].3.iter().any(|a| a.starts_with("duration=Some(DoubleValue(0.002))")), "{spans:?}");
    }

    #[test]
    fn a_heal_has_a_remedy_span_with_its_cause_and_a_failed_one_is_an_error() {
        let spans = decoded(&heal(report(10.0, &[("api", "critical")]), Outcome::Failed), Some("oom-killed"));
        let names: Vec<&str> = spans.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(names, ["hm.cycle", "hm.check", "hm.check", "hm.remedy"]);
        let remedy = &spans[3];
        assert!(remedy.1 && remedy.2, "{remedy:?}");
        assert!(remedy.3.iter().any(|a| a.starts_with("cause=") && a.contains("oom-killed")), "{remedy:?}");
        // A verification carries the checks of the turn that restarted:
        // they ran then, not now, and are not spans again.
        let spans = decoded(&heal(report(0.0, &[("api", "critical")]), Outcome::Restarted), None);
        let names: Vec<&str> = spans.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(names, ["hm.cycle", "hm.check", "hm.remedy"]);
        assert!(spans.iter().all(|s| !s.2), "{spans:?}");
        assert!(spans[2].3.iter().all(|a| !a.starts_with("cause=")), "no certificate, no cause: {spans:?}");
    }
}
