//! The `log` channel: one line on stderr. Under systemd (`JOURNAL_STREAM`
//! is set) the line starts with a syslog priority (`<2>` for critical),
//! which journald turns into the entry's priority.

use super::super::Notification;
use crate::alert::state::EventKind;
use crate::status::Status;

/// The line, and its syslog priority.
pub(super) fn line(n: &Notification) -> (u8, String) {
    let priority = match (n.event, n.severity) {
        (EventKind::Resolved | EventKind::Healed, _) => 5,
        (EventKind::Test, _) => 6,
        (_, Status::Critical) => 2,
        (_, Status::Unknown) => 3,
        _ => 4,
    };
    if n.event == EventKind::Healed {
        return (priority, format!("hm healed: {} ({})", n.summary(), n.dedup_key));
    }
    (priority, format!("hm alert {}: {} (alert {}, {})", n.event.as_str(), n.summary(), n.alert_id, n.dedup_key))
}

pub(super) fn send(n: &Notification) -> String {
    let (priority, line) = line(n);
    if std::env::var_os("JOURNAL_STREAM").is_some() {
        eprintln!("<{priority}>{line}");
    } else {
        eprintln!("{line}");
    }
    "written to stderr".into()
}
