//! The `pagerduty` channel: Events API v2. Firing, changed and repeat are
//! `trigger`s, resolved is a `resolve`, all with the same `dedup_key`
//! (host and monitor), so PagerDuty keeps one incident per failing monitor.
//!
//! `healed` has no place among alerts: it is a Change Event (Events API
//! v2's `/v2/change/enqueue`), which shows on the service's timeline and
//! never pages. A pagerduty channel sends it only when its `events` list
//! `healed` (see `config::channel_events`).

use super::super::Notification;
use super::http::post_json;
use crate::alert::state::EventKind;
use crate::config::Secret;
use crate::config::channel_events::pagerduty_change_url;
use crate::status::Status;
use anyhow::Result;
use serde_json::{Value, json};
use std::time::Duration;

/// PagerDuty's longest summary, in characters: it refuses longer ones.
const MAX_SUMMARY: usize = 1024;

/// The summary: one line (control characters escaped), cut to
/// [`MAX_SUMMARY`]. The custom details keep the exact text (JSON).
fn summary(n: &Notification) -> String {
    crate::text::cut(&crate::text::escape(&n.summary()), MAX_SUMMARY).into_owned()
}

/// The Change Events body of a `healed` notification.
pub(super) fn change_body(n: &Notification, routing_key: &str) -> Value {
    let summary = summary(n);
    json!({
        "routing_key": routing_key,
        "payload": {
            "summary": summary,
            "timestamp": n.at,
            "source": n.host,
            "custom_details": {
                "monitor": n.monitor,
                "kind": n.kind,
                "event": n.event.as_str(),
                "heal": n.heal,
                "dedup_key": n.dedup_key,
            },
        },
    })
}

/// The Events API v2 body.
pub(crate) fn body(n: &Notification, routing_key: &str) -> Value {
    if n.event == EventKind::Resolved {
        return json!({"routing_key": routing_key, "event_action": "resolve", "dedup_key": n.dedup_key});
    }
    let severity = match (n.event, n.severity) {
        (EventKind::Test | EventKind::FlappingEnded, _) => "info",
        (EventKind::Flapping, _) => "warning",
        (_, Status::Critical) => "critical",
        (_, Status::Warning) => "warning",
        _ => "error",
    };
    let summary = summary(n);
    json!({
        "routing_key": routing_key,
        "event_action": "trigger",
        "dedup_key": n.dedup_key,
        "client": "hm",
        "payload": {
            "summary": summary,
            "source": n.host,
            "severity": severity,
            "timestamp": n.at,
            "component": n.monitor,
            "class": n.kind,
            "custom_details": {
                "message": n.message,
                "event": n.event.as_str(),
                "alert_id": n.alert_id,
                "started_at": n.started_at,
                "streak": n.streak,
                "escalated": n.escalated,
            },
        },
    })
}

pub(super) fn send(url: &str, routing_key: &Secret, n: &Notification, timeout: Duration) -> Result<String> {
    if n.event == EventKind::Healed {
        let Some(change) = pagerduty_change_url(url) else {
            anyhow::bail!(
                "cannot send `healed`: the url does not end with /enqueue, so it has no Change Events endpoint"
            );
        };
        return post_json(&change, &change_body(n, &routing_key.reveal()?), &[], timeout);
    }
    post_json(url, &body(n, &routing_key.reveal()?), &[], timeout)
}
