//! The alert state machine, one monitor at a time, with no I/O: given the
//! monitor's open alert (if any) and its latest check, what the alert
//! becomes and which notifications that calls for.
//!
//! ```text
//!  (none) --non-ok--> pending --`for` non-ok in a row--> firing --ok--> resolved
//!                        |                                  |
//!                        +--ok--> (dropped: never an alert)  +--non-ok--> firing
//!                                                                (repeat after `cooldown`,
//!                                                                 `changed` on a new severity)
//! ```
//!
//! Kept pure so every rule (the streak, the cooldown, silences, acks) is
//! tested without a database or a clock.

use crate::status::Status;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Where an alert stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum AlertState {
    /// Non-ok, but not yet for `for` checks in a row.
    Pending,
    /// Non-ok for `for` checks in a row or more.
    Firing,
    /// Ok again.
    Resolved,
}

impl AlertState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AlertState::Pending => "pending",
            AlertState::Firing => "firing",
            AlertState::Resolved => "resolved",
        }
    }

    pub(crate) fn from_db(s: &str) -> AlertState {
        match s {
            "pending" => AlertState::Pending,
            "firing" => AlertState::Firing,
            _ => AlertState::Resolved,
        }
    }
}

/// The alert of one monitor, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Alert {
    /// Row id; 0 until stored.
    pub id: i64,
    pub monitor: String,
    /// The monitor's check kind.
    pub kind: String,
    /// `warning`, `critical` or `unknown`: the latest non-ok status.
    pub severity: Status,
    pub state: AlertState,
    /// Consecutive non-ok checks so far.
    pub streak: u32,
    /// The latest check's message.
    pub message: String,
    /// The first non-ok check (unix seconds).
    pub started_at: f64,
    /// When it began firing.
    pub fired_at: Option<f64>,
    /// When a notification was last queued for it (not a refresh).
    pub last_sent_at: Option<f64>,
    /// When it resolved.
    pub resolved_at: Option<f64>,
    /// Acknowledged by an operator: no more repeats (a worse severity clears it).
    pub acked: bool,
}

/// Why a notification is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum EventKind {
    /// The alert began firing (or a channel began taking it).
    Firing,
    /// Its severity changed while firing.
    Changed,
    /// Still firing, `cooldown` after the last notification.
    Repeat,
    /// Still firing; for receivers that forget alerts not re-posted (Alertmanager).
    Refresh,
    /// Ok again.
    Resolved,
    /// `hm alerts test`.
    Test,
    /// A remedy changed something (not an alert event: see [`crate::alert::healed`]).
    Healed,
    /// The monitor began flapping: nothing more is told until it settles
    /// (see [`crate::alert::flap`]).
    Flapping,
    /// It settled; the firing or resolved of its state follows.
    #[serde(rename = "flapping-ended")]
    FlappingEnded,
}

impl EventKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventKind::Firing => "firing",
            EventKind::Changed => "changed",
            EventKind::Repeat => "repeat",
            EventKind::Refresh => "refresh",
            EventKind::Resolved => "resolved",
            EventKind::Test => "test",
            EventKind::Healed => "healed",
            EventKind::Flapping => "flapping",
            EventKind::FlappingEnded => "flapping-ended",
        }
    }
}

/// A notification the state machine asks for, before routing to channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Event {
    pub kind: EventKind,
    pub severity: Status,
    /// The severity before, for `changed`.
    pub previous: Option<Status>,
}

/// How a monitor's alerts behave.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy {
    pub for_checks: u32,
    pub cooldown: Duration,
    /// Checked and recorded, but not notified.
    pub silenced: bool,
}

/// What to do with the stored alert.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Next {
    /// No alert, none needed.
    Nothing,
    /// Store this alert (insert when its id is 0, else update).
    Keep(Alert),
    /// A pending alert that never fired: forget it.
    Drop(i64),
}

/// The outcome of one check for one monitor's alert.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub next: Next,
    pub events: Vec<Event>,
}

fn event(kind: EventKind, severity: Status) -> Event {
    Event { kind, severity, previous: None }
}

/// Apply one check result (`status`, `message`, `kind`) of `monitor` at `now`.
pub(crate) fn step(
    prev: Option<&Alert>,
    monitor: &str,
    kind: &str,
    status: Status,
    message: &str,
    now: f64,
    p: &Policy,
) -> Step {
    let mut events = Vec::new();
    if status == Status::Ok {
        let next = match prev {
            None => Next::Nothing,
            Some(a) if a.state == AlertState::Pending => Next::Drop(a.id),
            Some(a) => {
                // A resolve goes out even when silenced if people were told
                // it fired: nobody should be left with an open incident.
                if a.last_sent_at.is_some() {
                    events.push(event(EventKind::Resolved, a.severity));
                }
                Next::Keep(Alert {
                    state: AlertState::Resolved,
                    resolved_at: Some(now),
                    message: message.to_string(),
                    ..a.clone()
                })
            }
        };
        return Step { next, events };
    }
    let mut a = match prev {
        Some(a) => {
            let mut a = a.clone();
            a.streak = a.streak.saturating_add(1);
            a
        }
        None => Alert {
            id: 0,
            monitor: monitor.to_string(),
            kind: kind.to_string(),
            severity: status,
            state: AlertState::Pending,
            streak: 1,
            message: String::new(),
            started_at: now,
            fired_at: None,
            last_sent_at: None,
            resolved_at: None,
            acked: false,
        },
    };
    a.message = message.to_string();
    let previous = a.severity;
    a.severity = status;
    match a.state {
        AlertState::Firing if previous != status => {
            if status.worst(previous) == status {
                a.acked = false;
            }
            if !p.silenced {
                events.push(match a.last_sent_at {
                    Some(_) => Event { kind: EventKind::Changed, severity: status, previous: Some(previous) },
                    None => event(EventKind::Firing, status),
                });
                a.last_sent_at = Some(now);
            }
        }
        AlertState::Firing => {
            if !p.silenced {
                match a.last_sent_at {
                    None => {
                        events.push(event(EventKind::Firing, status));
                        a.last_sent_at = Some(now);
                    }
                    Some(last) if !a.acked && now - last >= p.cooldown.as_secs_f64() => {
                        events.push(event(EventKind::Repeat, status));
                        a.last_sent_at = Some(now);
                    }
                    Some(_) => events.push(event(EventKind::Refresh, status)),
                }
            }
        }
        AlertState::Pending | AlertState::Resolved => {
            if a.streak >= p.for_checks.max(1) {
                a.state = AlertState::Firing;
                a.fired_at = Some(now);
                if !p.silenced {
                    events.push(event(EventKind::Firing, status));
                    a.last_sent_at = Some(now);
                }
            }
        }
    }
    Step { next: Next::Keep(a), events }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
