//! The `slack` channel: an incoming-webhook message with one attachment
//! whose colour says the severity (green once resolved).
//!
//! Every text built from observed data (the summary, the message, the
//! monitor, the host, a remedy's details) passes `crate::text::slack`:
//! control characters as visible escapes, and `&`, `<`, `>` as Slack's
//! entities, so a message cannot mention `<!channel>` or disguise a link
//! `<https://evil/|Click here>`.

use super::super::Notification;
use super::http::post_json;
use crate::alert::state::EventKind;
use crate::config::Secret;
use crate::status::Status;
use crate::text::slack as esc;
use anyhow::Result;
use serde_json::{Value, json};
use std::time::Duration;

/// The attachment colour: red, amber, purple; green when resolved or
/// healed; blue for a test or the end of flapping (what follows says how
/// it stands); amber for flapping.
pub(super) fn colour(n: &Notification) -> &'static str {
    match (n.event, n.severity) {
        (EventKind::Resolved | EventKind::Healed, _) => "#2eb886",
        (EventKind::Test | EventKind::FlappingEnded, _) => "#439fe0",
        (EventKind::Flapping, _) => "#e8a33d",
        (_, Status::Critical) => "#d63232",
        (_, Status::Warning) => "#e8a33d",
        _ => "#8e44ad",
    }
}

/// The incoming-webhook payload.
pub(crate) fn body(n: &Notification) -> Value {
    if let Some(h) = &n.heal {
        let after =
            h.after.as_ref().map_or("not checked again".to_string(), |a| format!("{}: {}", a.status, a.message));
        return json!({
            "text": esc(&n.summary()),
            "attachments": [{
                "color": colour(n),
                "fallback": esc(&n.summary()),
                "title": esc(&format!("{} healed by {}", n.monitor, h.remedy)),
                "text": esc(&h.details),
                "fields": [
                    {"title": "Host", "value": esc(&n.host), "short": true},
                    {"title": "Outcome", "value": esc(&h.outcome), "short": true},
                    {"title": "Before", "value": esc(&format!("{}: {}", h.before.status, h.before.message)), "short": false},
                    {"title": "After", "value": esc(&after), "short": false},
                ],
                "footer": "hm",
            }],
        });
    }
    json!({
        "text": esc(&n.summary()),
        "attachments": [{
            "color": colour(n),
            "fallback": esc(&n.summary()),
            "title": esc(&format!("{} {}", n.monitor, n.event.as_str())),
            "text": esc(&n.message),
            "fields": [
                {"title": "Host", "value": esc(&n.host), "short": true},
                {"title": "Severity", "value": n.severity.as_str(), "short": true},
                {"title": "Since", "value": esc(&n.started_at), "short": true},
                {"title": "Alert", "value": n.alert_id.to_string(), "short": true},
            ],
            "footer": "hm",
        }],
    })
}

pub(super) fn send(url: &Secret, n: &Notification, timeout: Duration) -> Result<String> {
    post_json(&url.reveal()?, &body(n), &[], timeout)
}
