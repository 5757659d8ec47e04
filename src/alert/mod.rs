//! Alerts: turning check results into notifications that reach people.
//!
//! The flow of one run: [`router::process`] feeds each result through the
//! pure [`state`] machine, stores the alert changes and queues the
//! notifications they call for in the outbox (one transaction); then
//! [`outbox::deliver`] sends what is due, one thread per channel, each
//! with its timeout, in queue order per channel. A channel that fails
//! keeps its queue and is retried on later runs with backoff: delivery is
//! at least once, and nothing is dropped.
//!
//! A [`Notification`] is what is queued and what webhooks and commands
//! receive; each channel in [`notify`] turns it into its own body. It holds
//! no secret: those are added when sending, from the config.

pub(crate) mod escalate;
pub(crate) mod flap;
pub(crate) mod healed;
pub(crate) mod maintenance;
pub(crate) mod notify;
pub(crate) mod outbox;
pub(crate) mod pools;
pub(crate) mod router;
pub(crate) mod state;
pub(crate) mod stored;

use crate::config::{Channel, ChannelEvent};
use crate::status::Status;
use serde::{Deserialize, Serialize};
use state::{Event, EventKind};

/// One notification about one alert, the JSON document that webhooks and
/// `command` channels get.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Notification {
    /// The schema's version: 1.
    pub version: u32,
    /// `firing`, `changed`, `repeat`, `refresh`, `resolved`, `test`,
    /// `healed`, `flapping` or `flapping-ended`.
    pub event: EventKind,
    /// The alert's id (`hm alerts ack ID`); 0 for a test or `healed`.
    pub alert_id: i64,
    pub monitor: String,
    /// The monitor's check kind.
    pub kind: String,
    /// `warning`, `critical` or `unknown`; for `resolved`, the severity it
    /// had; for `healed`, the status before the remedy.
    pub severity: Status,
    /// For `changed`: the severity before.
    pub previous_severity: Option<Status>,
    /// The latest check's message.
    pub message: String,
    /// The host it is about.
    pub host: String,
    /// When the monitor began failing (RFC 3339); for `healed`, when the
    /// check before the remedy ran.
    pub started_at: String,
    /// When this notification was made (RFC 3339).
    pub at: String,
    /// Consecutive non-ok checks (0 for `healed`).
    pub streak: u32,
    /// Stable per host and monitor, for receivers that group or deduplicate.
    pub dedup_key: String,
    /// For `healed` only: what was done, and the monitor before and after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heal: Option<healed::Heal>,
    /// For `firing` and `healed` of a `process` monitor whose watched
    /// worker died: its death certificate, as `hm why` shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub death: Option<crate::host::death::Death>,
    /// For the `firing` an escalation tier gets once the alert has fired
    /// its `unacked_for` without an ack.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
    /// With `escalated`: the tier's `unacked_for`, as written (`15m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unacked_for: Option<String>,
}

impl Notification {
    /// A one-line summary, for logs, mail subjects and chat.
    pub(crate) fn summary(&self) -> String {
        let what = match self.event {
            EventKind::Resolved => "RESOLVED".to_string(),
            EventKind::Test => "TEST".to_string(),
            EventKind::Healed => "HEALED".to_string(),
            EventKind::Flapping => "FLAPPING".to_string(),
            EventKind::FlappingEnded => "FLAPPING ENDED".to_string(),
            _ => self.severity.as_str().to_uppercase(),
        };
        let mut s = format!("[{what}] {} on {}: {}", self.monitor, self.host, self.message);
        if let Some(after) = self.unacked_for.as_deref().filter(|_| self.escalated) {
            s.push_str(&format!(" | escalated: unacked for {after}"));
        }
        // One line more for a chat, a mail or a page: why it died.
        if let Some(d) = &self.death {
            s.push_str(&format!(" | {}", d.line()));
        }
        s
    }
}

/// The dedup key of a monitor's alerts on a host.
pub(crate) fn dedup_key(host: &str, monitor: &str) -> String {
    format!("hm/{host}/{monitor}")
}

/// The host name notifications carry: `[alerts] host`, else the system's.
pub(crate) fn host_name(configured: Option<&str>) -> String {
    if let Some(h) = configured {
        return h.to_string();
    }
    nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_else(|| "localhost".into())
}

/// Whether `ch` takes events of `kind` (its `events = [...]`): a refresh
/// goes where `firing` goes, a test everywhere.
fn wanted(ch: &Channel, kind: EventKind) -> bool {
    let e = match kind {
        // Flapping stands in for the firing and resolves it holds back.
        EventKind::Firing | EventKind::Refresh | EventKind::Flapping | EventKind::FlappingEnded => ChannelEvent::Firing,
        EventKind::Changed => ChannelEvent::Changed,
        EventKind::Repeat => ChannelEvent::Repeat,
        EventKind::Resolved => ChannelEvent::Resolved,
        EventKind::Healed => ChannelEvent::Healed,
        EventKind::Test => return true,
    };
    ch.wants(e)
}

/// Which channels get an event, and as what.
///
/// A channel takes the events and the severities it lists (for `healed`,
/// the severity is the status before the remedy). When a firing alert changes
/// severity, a channel that takes both is told `changed`; one that takes
/// only the new severity is told `firing`; one that took only the old is
/// told `resolved`, so no receiver is left with an incident nobody will
/// close. A `refresh` goes only to Alertmanager, which forgets alerts that
/// are not re-posted.
pub(crate) fn route<'c>(channels: &'c [Channel], ev: &Event) -> Vec<(&'c Channel, Event)> {
    let mut out = Vec::new();
    for ch in channels {
        let routed = match ev.kind {
            EventKind::Refresh if ch.kind() != "alertmanager" => None,
            EventKind::Changed => {
                let prev = ev.previous.unwrap_or(ev.severity);
                match (ch.takes(prev), ch.takes(ev.severity)) {
                    (true, true) => Some(*ev),
                    (false, true) => Some(Event { kind: EventKind::Firing, previous: None, ..*ev }),
                    (true, false) => Some(Event { kind: EventKind::Resolved, severity: prev, previous: None }),
                    (false, false) => None,
                }
            }
            _ if ch.takes(ev.severity) => Some(*ev),
            _ => None,
        };
        if let Some(e) = routed.filter(|e| wanted(ch, e.kind)) {
            out.push((ch, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Target;
    use std::time::Duration;

    fn ch(name: &str, severities: &[Status], target: Target) -> Channel {
        let events = crate::config::channel_events::default_events(target_kind(&target));
        let timeout = Duration::from_secs(1);
        Channel { name: name.into(), severities: severities.to_vec(), events, timeout, target, unacked_for: None }
    }

    fn target_kind(t: &Target) -> &'static str {
        match t {
            Target::Alertmanager { .. } => "alertmanager",
            _ => "log",
        }
    }

    #[test]
    fn routing_follows_severities_and_closes_what_it_opened() {
        use Status::{Critical as C, Warning as W};
        let chans = vec![
            ch("all", &[W, C], Target::Log),
            ch("pager", &[C], Target::Log),
            ch("am", &[W, C], Target::Alertmanager { url: crate::config::Secret::Value("http://x".into()) }),
        ];
        let names = |ev: Event| -> Vec<(String, EventKind, Status)> {
            route(&chans, &ev).into_iter().map(|(c, e)| (c.name.clone(), e.kind, e.severity)).collect()
        };
        let firing_w = Event { kind: EventKind::Firing, severity: W, previous: None };
        assert_eq!(names(firing_w), vec![("all".into(), EventKind::Firing, W), ("am".into(), EventKind::Firing, W)]);
        let up = Event { kind: EventKind::Changed, severity: C, previous: Some(W) };
        assert_eq!(
            names(up),
            vec![
                ("all".into(), EventKind::Changed, C),
                ("pager".into(), EventKind::Firing, C),
                ("am".into(), EventKind::Changed, C)
            ]
        );
        let down = Event { kind: EventKind::Changed, severity: W, previous: Some(C) };
        assert_eq!(names(down)[1], ("pager".into(), EventKind::Resolved, C));
        let refresh = Event { kind: EventKind::Refresh, severity: C, previous: None };
        assert_eq!(names(refresh), vec![("am".into(), EventKind::Refresh, C)]);
    }

    #[test]
    fn events_filter_and_a_channel_never_gets_a_resolve_it_cannot_place() {
        use crate::config::ChannelEvent as E;
        use Status::{Critical as C, Warning as W};
        let mut firing_only = ch("firing-only", &[W, C], Target::Log);
        firing_only.events = vec![E::Firing];
        let mut healed_only = ch("healed-only", &[W, C], Target::Log);
        healed_only.events = vec![E::Healed];
        let mut no_changed = ch("no-changed", &[W, C], Target::Log);
        no_changed.events = vec![E::Firing, E::Resolved];
        let mut pager = ch("pager", &[C], Target::Log);
        pager.events = vec![E::Firing, E::Resolved, E::Healed];
        let chans = vec![firing_only, healed_only, no_changed, pager];
        let names = |ev: Event| -> Vec<(String, EventKind)> {
            route(&chans, &ev).into_iter().map(|(c, e)| (c.name.clone(), e.kind)).collect()
        };
        let firing = Event { kind: EventKind::Firing, severity: C, previous: None };
        let all_but_healed = ["firing-only", "no-changed", "pager"].map(|n| (n.to_string(), EventKind::Firing));
        assert_eq!(names(firing), all_but_healed);
        let resolved = Event { kind: EventKind::Resolved, severity: C, previous: None };
        assert_eq!(
            names(resolved),
            vec![("no-changed".into(), EventKind::Resolved), ("pager".into(), EventKind::Resolved)]
        );
        // Down from critical: the pager closes what it opened, the others
        // that take both severities hear `changed` only if they take it.
        let down = Event { kind: EventKind::Changed, severity: W, previous: Some(C) };
        assert_eq!(names(down), vec![("pager".into(), EventKind::Resolved)]);
        let healed = Event { kind: EventKind::Healed, severity: W, previous: None };
        assert_eq!(names(healed), vec![("healed-only".into(), EventKind::Healed)], "pager takes critical only");
        let healed = Event { kind: EventKind::Healed, severity: C, previous: None };
        assert_eq!(names(healed), vec![("healed-only".into(), EventKind::Healed), ("pager".into(), EventKind::Healed)]);
    }
}
