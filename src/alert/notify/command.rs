//! The `command` channel: run a command with the notification's JSON on
//! stdin, and its main fields in `HM_*` environment variables for scripts
//! that would rather not parse JSON (`HM_REMEDY` and `HM_OUTCOME` too for
//! `healed`). A non-zero exit is a failed delivery.
//!
//! hm delivers with its run lock released (see `engine::heal_events`), so the command
//! may run hm itself: `hm restart-worker`, `hm ping`.

use super::super::Notification;
use crate::host::exec;
use anyhow::Result;
use std::time::Duration;

pub(super) fn send(argv: &[String], n: &Notification, timeout: Duration) -> Result<String> {
    let json = serde_json::to_string(n)?;
    let id = n.alert_id.to_string();
    let mut env = vec![
        ("HM_EVENT", n.event.as_str()),
        ("HM_MONITOR", n.monitor.as_str()),
        ("HM_SEVERITY", n.severity.as_str()),
        ("HM_ALERT_ID", id.as_str()),
        ("HM_HOST", n.host.as_str()),
        ("HM_MESSAGE", n.message.as_str()),
    ];
    if let Some(h) = &n.heal {
        env.push(("HM_REMEDY", h.remedy.as_str()));
        env.push(("HM_OUTCOME", h.outcome.as_str()));
    }
    exec::output_with(argv, Some(json.as_bytes()), &env, timeout)?;
    Ok("command exited 0".into())
}
