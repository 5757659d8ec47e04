//! The `log` channel: one line on stderr. Under systemd (`JOURNAL_STREAM`
//! is set) the line starts with a syslog priority (`<2>` for critical),
//! which journald turns into the entry's priority. Observed text in it
//! (the message) is escaped (`crate::text::escape`): one line, no ESC or
//! CR for a terminal or the journal.

use super::super::Notification;
use crate::alert::state::EventKind;
use crate::status::Status;
use crate::text::escape as esc;

/// The line, and its syslog priority.
pub(super) fn line(n: &Notification) -> (u8, String) {
    let priority = match (n.event, n.severity) {
        (EventKind::Resolved | EventKind::Healed | EventKind::FlappingEnded, _) => 5,
        (EventKind::Flapping, _) => 4,
        (EventKind::Test, _) => 6,
        (_, Status::Critical) => 2,
        (_, Status::Unknown) => 3,
        _ => 4,
    };
    if n.event == EventKind::Healed {
        return (priority, format!("hm healed: {} ({})", esc(&n.summary()), esc(&n.dedup_key)));
    }
    let summary = n.summary();
    let (summary, key) = (esc(&summary), esc(&n.dedup_key));
    (priority, format!("hm alert {}: {summary} (alert {}, {key})", n.event.as_str(), n.alert_id))
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
