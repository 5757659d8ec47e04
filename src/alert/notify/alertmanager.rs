//! The `alertmanager` channel: Alertmanager's v2 API, `POST
//! /api/v2/alerts`. Alertmanager forgets an alert that is not posted again
//! within its `resolve_timeout`, so a firing alert is re-posted every run
//! (the `refresh` event); a resolve posts it with `endsAt` = now.
//!
//! An alert is identified by its labels. When the severity changes, the
//! alert under the old `severity` label is ended in the same request.

use super::super::Notification;
use super::http::post_json;
use crate::alert::state::EventKind;
use crate::config::Secret;
use crate::status::Status;
use anyhow::Result;
use serde_json::{Value, json};
use std::time::Duration;

fn alert(n: &Notification, severity: Status, ends: bool) -> Value {
    let mut a = json!({
        "labels": {
            "alertname": n.monitor,
            "monitor": n.monitor,
            "kind": n.kind,
            "instance": n.host,
            "severity": severity.as_str(),
            "job": "hm",
        },
        "annotations": {
            "summary": n.summary(),
            "description": n.message,
        },
        "startsAt": n.started_at,
    });
    if ends {
        a["endsAt"] = json!(n.at);
    }
    a
}

/// The list of alerts to post.
pub(crate) fn body(n: &Notification) -> Value {
    let mut alerts = vec![alert(n, n.severity, n.event == EventKind::Resolved)];
    if let Some(prev) = n.previous_severity.filter(|p| *p != n.severity) {
        alerts.push(alert(n, prev, true));
    }
    Value::Array(alerts)
}

pub(super) fn send(url: &Secret, n: &Notification, timeout: Duration) -> Result<String> {
    // Alertmanager models alerts, not events (and the config refuses
    // `healed` for it): one queued before the config changed is let go.
    if n.event == EventKind::Healed {
        return Ok("not sent: Alertmanager takes alerts, not events".into());
    }
    let base = url.reveal()?;
    let endpoint = format!("{}/api/v2/alerts", base.trim_end_matches('/'));
    post_json(&endpoint, &body(n), &[], timeout)
}
