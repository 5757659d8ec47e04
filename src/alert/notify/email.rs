//! The `email` channel: a plain-text mail handed to the local sendmail
//! binary (`sendmail -t -oi`: recipients from the headers, a lone `.` is
//! not the end), so the host's MTA deals with queues and relays.

use super::super::Notification;
use crate::host::exec;
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

/// A header value on one line.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// The whole message, headers and body.
pub(super) fn message(to: &[String], from: Option<&str>, n: &Notification) -> String {
    let mut m = format!("To: {}\n", to.join(", "));
    if let Some(f) = from {
        m.push_str(&format!("From: {f}\n"));
    }
    m.push_str(&format!("Subject: {}\n", one_line(&n.summary())));
    m.push_str("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n");
    m.push_str(&format!("X-Hm-Dedup-Key: {}\n\n", one_line(&n.dedup_key)));
    if let Some(h) = &n.heal {
        let after =
            h.after.as_ref().map_or("not checked again".to_string(), |a| format!("{}: {}", a.status, a.message));
        m.push_str(&format!(
            "hm healed {} on {}.\n\nremedy:   {}\noutcome:  {}\nbefore:   {}: {}\nafter:    {after}\ndetails:  {}\nmonitor:  {} ({})\nat:       {}\n",
            n.monitor, n.host, h.remedy, h.outcome, h.before.status, h.before.message, h.details, n.monitor, n.kind, n.at
        ));
        return m;
    }
    m.push_str(&format!(
        "{}\n\nmonitor:  {} ({})\nhost:     {}\nseverity: {}\nevent:    {}\nsince:    {}\nalert:    {} (hm alerts ack {})\n",
        n.message,
        n.monitor,
        n.kind,
        n.host,
        n.severity.as_str(),
        n.event.as_str(),
        n.started_at,
        n.alert_id,
        n.alert_id
    ));
    m
}

pub(super) fn send(
    sendmail: &Path,
    to: &[String],
    from: Option<&str>,
    n: &Notification,
    timeout: Duration,
) -> Result<String> {
    let argv = vec![sendmail.display().to_string(), "-t".into(), "-oi".into()];
    exec::output_with(&argv, Some(message(to, from, n).as_bytes()), &[], timeout)?;
    Ok(format!("handed to {}", sendmail.display()))
}
