//! Notification channels, one file each. Every channel turns a
//! [`Notification`] into its receiver's format (a pure function, tested on
//! its own) and sends it, returning a short description of what happened
//! or an error. Errors are scrubbed of the channel's secrets before they
//! leave this module, since they end up in the outbox and on screens.

mod alertmanager;
mod command;
mod email;
mod http;
mod log;
mod pagerduty;
mod slack;
mod webhook;

pub use alertmanager::body as alertmanager_body;
pub use pagerduty::body as pagerduty_body;
pub use slack::body as slack_body;

use super::Notification;
use crate::config::{Channel, Secret, Target};

/// Send one notification through one channel. `Ok` carries what the
/// receiver said (`HTTP 200`, `sent`); `Err` a one-line reason, with every
/// secret of the channel replaced by its redacted form.
pub fn send(ch: &Channel, n: &Notification) -> Result<String, String> {
    let result = match &ch.target {
        Target::Log => Ok(log::send(n)),
        Target::Command { argv } => command::send(argv, n, ch.timeout),
        Target::Webhook { url, token } => webhook::send(url, token.as_ref(), n, ch.timeout),
        Target::Slack { url } => slack::send(url, n, ch.timeout),
        Target::PagerDuty { url, routing_key } => pagerduty::send(url, routing_key, n, ch.timeout),
        Target::Alertmanager { url } => alertmanager::send(url, n, ch.timeout),
        Target::Email { to, from, sendmail } => email::send(sendmail, to, from.as_deref(), n, ch.timeout),
    };
    result.map_err(|e| scrub(&format!("{e:#}"), ch))
}

/// The channel's secrets, as (value, shown) pairs.
fn secrets(ch: &Channel) -> Vec<(String, String)> {
    let list: Vec<&Secret> = match &ch.target {
        Target::Webhook { url, token } => std::iter::once(url).chain(token).collect(),
        Target::Slack { url } | Target::Alertmanager { url } => vec![url],
        Target::PagerDuty { routing_key, .. } => vec![routing_key],
        _ => Vec::new(),
    };
    list.into_iter().filter_map(|s| s.reveal().ok().map(|v| (v, s.shown()))).filter(|(v, _)| !v.is_empty()).collect()
}

/// `text` with every secret of `ch` replaced by its shown form, and on one line.
pub fn scrub(text: &str, ch: &Channel) -> String {
    let mut out = text.replace(['\n', '\r'], " ");
    let mut secrets = secrets(ch);
    // Longest first, so a URL is replaced whole before any part of it.
    secrets.sort_by_key(|(v, _)| std::cmp::Reverse(v.len()));
    for (value, shown) in secrets {
        out = out.replace(&value, &shown);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn errors_never_carry_the_secret() {
        let url = "http://127.0.0.1:9/services/T000/B000/XXXXSECRET";
        let ch = Channel {
            name: "s".into(),
            severities: vec![],
            timeout: Duration::from_secs(1),
            target: Target::Webhook { url: Secret::Value(url.into()), token: Some(Secret::Value("tok-SECRET".into())) },
        };
        let scrubbed = scrub(&format!("failed to POST {url} with tok-SECRET\nsecond line"), &ch);
        assert_eq!(scrubbed, "failed to POST http://127.0.0.1:9/… with … second line");
    }
}
