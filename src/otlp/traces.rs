//! The trace of one cycle: a root span `hm.cycle`, a child per check
//! (monitor, kind, status, duration) and one per remedy (remedy, outcome,
//! and the cause of the death it answered, where a certificate says one).
//! A span whose check is critical or unknown, or whose remedy failed, has
//! the error status, and so has the root when any of its children has.

use super::metrics::attr;
use crate::engine::report::{CheckReport, Cycle, Outcome};
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
        if let Some(cause) = cause(&r.monitor).filter(|_| r.remedy == "restart") {
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
