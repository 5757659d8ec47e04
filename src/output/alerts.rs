//! Text for the alert reports: `hm alerts` and its subcommands, and the
//! alert lines under `hm check`.

use super::Style;
use super::text::{cell, status_cell, table};
use crate::alert::healed::Told;
use crate::alert::outbox::Delivery;
use crate::alert::router::{Pending, Raised};
use crate::engine::report::{AlertChange, AlertsReport, OutboxReport, TestReport};
use crate::text::escape as esc;
use comfy_table::Cell;

/// The lines under a check table: alert events, alerts still counting, and
/// delivery trouble.
pub(super) fn raised(alerts: &[Raised], pending: &[Pending], delivery: Option<&Delivery>) -> String {
    let mut out = String::new();
    for p in pending {
        let left = p.for_checks.saturating_sub(p.streak);
        out.push_str(&format!(
            "alert pending: {} ({} of {} failing checks in a row; it fires after {left} more)\n",
            esc(&p.monitor),
            p.streak,
            p.for_checks
        ));
    }
    for a in alerts {
        let to = if a.channels.is_empty() { "no channel".to_string() } else { a.channels.join(", ") };
        out.push_str(&format!(
            "alert {}{} {}: {} (alert {}, to {})\n",
            a.event.as_str(),
            if a.escalated { " (escalated)" } else { "" },
            a.severity,
            esc(&a.monitor),
            a.alert_id,
            esc(&to)
        ));
    }
    if let Some(d) = delivery {
        out.push_str(&delivery_line(d));
    }
    out
}

/// The `healed` events a heal queued, then delivery trouble.
pub(super) fn told(told: &[Told], delivery: Option<&Delivery>) -> String {
    let mut out = String::new();
    for t in told {
        let to = if t.channels.is_empty() { "no channel".to_string() } else { t.channels.join(", ") };
        let (monitor, to) = (esc(&t.monitor), esc(&to));
        out.push_str(&format!("healed: {monitor} ({} {}, to {to})\n", esc(&t.remedy), esc(&t.outcome)));
    }
    if let Some(d) = delivery {
        out.push_str(&delivery_line(d));
    }
    out
}

fn delivery_line(d: &Delivery) -> String {
    let mut out = String::new();
    if d.skipped {
        out.push_str(&format!("notifications: another hm run is delivering; {} waiting\n", d.waiting));
        return out;
    }
    for f in &d.failed {
        out.push_str(&format!("notify {}: failed: {}\n", esc(&f.channel), esc(&f.error)));
    }
    if !d.failed.is_empty() || d.waiting > 0 {
        out.push_str(&format!(
            "notifications: {} delivered, {} waiting (retried on later runs; hm alerts outbox)\n",
            d.delivered, d.waiting
        ));
    }
    out
}

pub(super) fn list(r: &AlertsReport, style: Style) -> String {
    let mut out = String::new();
    if r.alerts.is_empty() {
        out.push_str(if r.all { "no alerts\n" } else { "no open alerts (hm alerts --all shows resolved ones)\n" });
    } else {
        let mut t = table(style, &["id", "monitor", "state", "severity", "since", "message", "notes"]);
        for a in &r.alerts {
            let mut notes = Vec::new();
            if a.acked {
                notes.push("acked".to_string());
            }
            if a.silenced {
                notes.push("silenced".to_string());
            }
            if let Some(at) = &a.resolved_at {
                notes.push(format!("resolved {}", esc(at)));
            }
            t.add_row(vec![
                Cell::new(a.id),
                cell(&a.monitor),
                Cell::new(a.state.as_str()),
                status_cell(a.severity, style),
                cell(&a.started_at),
                cell(&a.message),
                Cell::new(notes.join(", ")),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    }
    for s in &r.silences {
        let reason = if s.reason.is_empty() { String::new() } else { format!(" ({})", esc(&s.reason)) };
        out.push_str(&format!("silenced: {} until {}{reason}\n", esc(&s.monitor), esc(&s.until)));
    }
    out
}

pub(super) fn change(r: &AlertChange) -> String {
    format!("{}\n", esc(&r.message))
}

pub(super) fn outbox(r: &OutboxReport, style: Style) -> String {
    if r.notifications.is_empty() {
        return "outbox empty: every notification was delivered\n".into();
    }
    let mut t = table(style, &["id", "channel", "event", "monitor", "queued", "tries", "state", "last error"]);
    for n in &r.notifications {
        let state = match (&n.delivered_at, &n.next_try) {
            (Some(at), _) => format!("delivered {}", esc(at)),
            (None, Some(next)) => format!("next try {}", esc(next)),
            (None, None) => "waiting".into(),
        };
        t.add_row(vec![
            Cell::new(n.id),
            cell(&n.channel),
            cell(&n.event),
            cell(&n.monitor),
            cell(&n.created_at),
            Cell::new(n.attempts),
            Cell::new(state),
            cell(n.last_error.as_deref().unwrap_or("")),
        ]);
    }
    format!("{t}\n")
}

pub(super) fn flush(d: &Delivery) -> String {
    let line = delivery_line(d);
    if line.is_empty() { format!("{} delivered, nothing waiting\n", d.delivered) } else { line }
}

pub(super) fn test(r: &TestReport) -> String {
    let verdict = if r.ok { "sent" } else { "FAILED" };
    format!("{} ({} to {}): {verdict}: {}\n", esc(&r.channel), esc(&r.kind), esc(&r.target), esc(&r.detail))
}
