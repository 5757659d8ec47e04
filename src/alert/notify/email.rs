//! The `email` channel: a plain-text mail handed to the local sendmail
//! binary (`sendmail -t -oi`: recipients from the headers, a lone `.` is
//! not the end), so the host's MTA deals with queues and relays.
//!
//! The subject is one header line of at most 200 characters, RFC 2047
//! encoded when not ASCII; observed text in headers and body has its
//! control characters escaped.

use super::super::Notification;
use crate::host::exec;
use crate::text::escape as esc;
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

/// The longest subject kept, in characters (before encoding).
const MAX_SUBJECT: usize = 200;

/// A header value on one line: control characters escaped.
fn one_line(s: &str) -> String {
    esc(s).into_owned()
}

/// The `Subject:` value: one line, at most [`MAX_SUBJECT`] characters, and
/// RFC 2047 encoded (`=?UTF-8?Q?...?=`, in words of at most 75 characters
/// on the one line) when it is not plain ASCII.
fn subject(summary: &str) -> String {
    let text = esc(summary);
    // Cut with `...`: a plain ASCII subject stays plain.
    let text = match text.char_indices().nth(MAX_SUBJECT) {
        Some(_) => format!("{}...", text.chars().take(MAX_SUBJECT - 3).collect::<String>()),
        None => text.into_owned(),
    };
    if text.is_ascii() {
        return text;
    }
    // 75 characters a word: `=?UTF-8?Q?` and `?=` leave 63 for the text.
    const ROOM: usize = 75 - "=?UTF-8?Q??=".len();
    // Twelve words at most: the line stays well under RFC 5322's 998.
    const BUDGET: usize = 12 * ROOM;
    let mut words: Vec<String> = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let encoded: String = c
            .encode_utf8(&mut buf)
            .bytes()
            .map(|b| match b {
                b' ' => "_".to_string(),
                b'=' | b'?' | b'_' => format!("={b:02X}"),
                b if b.is_ascii_graphic() => (b as char).to_string(),
                b => format!("={b:02X}"),
            })
            .collect();
        used += encoded.len();
        if used > BUDGET {
            break;
        }
        if words.last().is_some_and(|w| w.len() + encoded.len() > ROOM) {
            words.push(String::new());
        }
        if let Some(w) = words.last_mut() {
            w.push_str(&encoded);
        }
    }
    words.iter().map(|w| format!("=?UTF-8?Q?{w}?=")).collect::<Vec<_>>().join(" ")
}

/// The whole message, headers and body. Observed text (the message, a
/// remedy's details) is escaped: it cannot add a header or forge a line
/// of the body.
pub(super) fn message(to: &[String], from: Option<&str>, n: &Notification) -> String {
    let mut m = format!("To: {}\n", one_line(&to.join(", ")));
    if let Some(f) = from {
        m.push_str(&format!("From: {}\n", one_line(f)));
    }
    m.push_str(&format!("Subject: {}\n", subject(&n.summary())));
    m.push_str("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n");
    m.push_str(&format!("X-Hm-Dedup-Key: {}\n\n", one_line(&n.dedup_key)));
    let (monitor, host, kind, at) = (esc(&n.monitor), esc(&n.host), esc(&n.kind), esc(&n.at));
    if let Some(h) = &n.heal {
        let after =
            h.after.as_ref().map_or("not checked again".to_string(), |a| format!("{}: {}", a.status, esc(&a.message)));
        let (remedy, outcome, before, details) =
            (esc(&h.remedy), esc(&h.outcome), esc(&h.before.message), esc(&h.details));
        m.push_str(&format!(
            "hm healed {monitor} on {host}.\n\nremedy:   {remedy}\noutcome:  {outcome}\nbefore:   {}: {before}\nafter:    {after}\ndetails:  {details}\nmonitor:  {monitor} ({kind})\nat:       {at}\n",
            h.before.status,
        ));
        return m;
    }
    m.push_str(&format!(
        "{}\n\nmonitor:  {monitor} ({kind})\nhost:     {host}\nseverity: {}\nevent:    {}\nsince:    {}\nalert:    {} (hm alerts ack {})\n",
        esc(&n.message),
        n.severity.as_str(),
        n.event.as_str(),
        esc(&n.started_at),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue25_a_subject_is_one_short_line_encoded_when_not_ascii() {
        assert_eq!(subject("[CRITICAL] api on box1: down"), "[CRITICAL] api on box1: down");
        let forged = subject("[CRITICAL] api: x\r\nBcc: all@example.com\n\nfake body");
        assert_eq!(forged, "[CRITICAL] api: x\\r\\nBcc: all@example.com\\n\\nfake body");
        let long = subject(&"x".repeat(5000));
        assert_eq!(long.chars().count(), MAX_SUBJECT);
        let encoded = subject("[WARNING] disk on box1: Größe ▁ 99% full");
        assert!(encoded.is_ascii() && !encoded.contains(['\r', '\n']), "{encoded}");
        assert!(
            encoded.starts_with("=?UTF-8?Q?[WARNING]_disk_on_box1") && encoded.contains("Gr=C3=B6=C3=9Fe"),
            "{encoded}"
        );
        let wide = subject(&"日本".repeat(300));
        assert!(wide.split(' ').all(|w| w.len() <= 75 && w.starts_with("=?UTF-8?Q?") && w.ends_with("?=")), "{wide}");
        assert!(wide.len() < 998, "one header line under RFC 5322's limit: {}", wide.len());
    }
}
