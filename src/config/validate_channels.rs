//! Validation of `[alerts]` and `[[channel]]` tables.

use super::ConfigIssue;
use super::channels::*;
use super::checker::Checker;
use super::checker::argv;
use super::load::Doc;
use crate::status::Status;
use std::path::PathBuf;
use toml::Spanned;
use toml::de::DeTable;

/// Resolve `[alerts]` (`c` checks the `[alerts]` table itself).
pub(crate) fn alerts(c: &mut Checker<'_, '_>, raw: RawAlerts) -> AlertSettings {
    let d = AlertSettings::default();
    let for_checks = match raw.for_checks {
        Some(0) => {
            c.err("for", "must be at least 1 (the number of consecutive non-ok checks before an alert fires)");
            d.for_checks
        }
        Some(n) => n,
        None => d.for_checks,
    };
    AlertSettings {
        for_checks,
        cooldown: c.duration("cooldown", raw.cooldown.as_deref(), d.cooldown),
        timeout: c.duration("timeout", raw.timeout.as_deref(), d.timeout),
        retry: c.duration("retry", raw.retry.as_deref(), d.retry),
        host: raw.host,
        flap: flap_limits(c, raw.flap_high, raw.flap_low, d.flap),
    }
}

/// `flap_high` and `flap_low` (of `[alerts]` or a monitor), each 0–100,
/// low below high; what is not given comes from `base`.
pub(crate) fn flap_limits(
    c: &mut Checker<'_, '_>,
    high: Option<f64>,
    low: Option<f64>,
    base: FlapLimits,
) -> FlapLimits {
    let mut out = base;
    for (key, v, slot) in [("flap_high", high, &mut out.high), ("flap_low", low, &mut out.low)] {
        match v {
            Some(v) if !(v.is_finite() && (0.0..=100.0).contains(&v)) => {
                c.err(key, format!("{v} is not a percent from 0 to 100"));
            }
            Some(v) => *slot = v,
            None => {}
        }
    }
    if out.low >= out.high && (high.is_some() || low.is_some()) {
        let key = if low.is_some() { "flap_low" } else { "flap_high" };
        c.err(key, format!("flap_low ({}) must be below flap_high ({}): it is where flapping ends", out.low, out.high));
    }
    out
}

fn url(c: &mut Checker<'_, '_>, key: &str, s: &Secret) {
    if let Secret::Value(v) = s
        && !is_http_url(v)
    {
        c.err(key, format!("`{}` is not an http:// or https:// URL", redact_url(v)));
    }
    if let Secret::Env { env } = s
        && env.is_empty()
    {
        c.err(key, "the environment variable name is empty");
    }
}

/// Resolve one `[[channel]]`; `None` when it has errors.
pub(crate) fn channel(
    doc: &Doc<'_>,
    table: &Spanned<DeTable<'_>>,
    prefix: &str,
    raw: RawChannel,
    alerts: &AlertSettings,
    issues: &mut Vec<ConfigIssue>,
) -> Option<Channel> {
    let mut c = Checker::new(doc, table.get_ref(), table.span().start, prefix.to_string(), issues);
    if let Some(why) = super::validate::name_problem(&raw.name, "name") {
        c.err("name", why);
    }
    let Some((kind, allowed, required)) = CHANNEL_KINDS.iter().find(|(k, _, _)| *k == raw.kind) else {
        let known: Vec<&str> = CHANNEL_KINDS.iter().map(|(k, _, _)| *k).collect();
        c.err("kind", format!("unknown channel kind `{}`; known kinds: {}", raw.kind, known.join(", ")));
        return None;
    };
    for (key, _) in table.get_ref().iter() {
        let key = key.get_ref().as_ref();
        let common = ["name", "kind", "severities", "events", "timeout", "unacked_for"].contains(&key);
        if !common && !allowed.contains(&key) {
            c.err(key, format!("`{key}` does not apply to a `{kind}` channel"));
        }
    }
    for key in *required {
        if !table.get_ref().iter().any(|(k, _)| k.get_ref() == key) {
            c.err("", format!("a `{kind}` channel needs `{key}`"));
        }
    }
    let severities = raw.severities.unwrap_or_else(|| vec![Status::Warning, Status::Critical, Status::Unknown]);
    if severities.contains(&Status::Ok) {
        c.err("severities", "`ok` is not an alert severity; use warning, critical and unknown");
    }
    let events = super::channel_events::events(&mut c, kind, raw.events.as_deref());
    let timeout = c.duration("timeout", raw.timeout.as_deref(), alerts.timeout);
    let unacked_for = raw.unacked_for.as_deref().and_then(|v| super::escalation::unacked_for(&mut c, v));
    if unacked_for.is_some() && !events.contains(&super::channel_events::ChannelEvent::Firing) {
        c.err("unacked_for", "a tier is told an alert by its `firing`, which its `events` leave out");
    }
    for (key, s) in [("url", &raw.url), ("token", &raw.token), ("routing_key", &raw.routing_key)] {
        if let Some(s) = s {
            if key == "url" {
                url(&mut c, key, s);
            } else if let Secret::Env { env } = s
                && env.is_empty()
            {
                c.err(key, "the environment variable name is empty");
            }
        }
    }
    let target = match *kind {
        "log" => Target::Log,
        "command" => {
            let cmd = raw.command.as_ref()?;
            Target::Command { argv: argv(&mut c, "command", cmd, raw.shell.unwrap_or(false))? }
        }
        "webhook" => Target::Webhook { url: raw.url?, token: raw.token },
        "slack" => Target::Slack { url: raw.url? },
        "pagerduty" => {
            let url = match raw.url {
                None => PAGERDUTY_URL.to_string(),
                Some(Secret::Value(v)) => v,
                Some(Secret::Env { .. }) => {
                    c.err("url", "the PagerDuty URL is not a secret: write it inline");
                    return None;
                }
            };
            if events.contains(&super::channel_events::ChannelEvent::Healed)
                && super::channel_events::pagerduty_change_url(&url).is_none()
            {
                c.err("events", "`healed` goes to PagerDuty's Change Events endpoint, the url with its final `/enqueue` made `/change/enqueue`: the url must end with `/enqueue`");
            }
            Target::PagerDuty { url, routing_key: raw.routing_key? }
        }
        "alertmanager" => Target::Alertmanager { url: raw.url? },
        _ => {
            let to = raw.to.unwrap_or_default();
            if to.is_empty() || to.iter().any(|a| !a.contains('@') || a.contains(['\n', '\r'])) {
                c.err("to", "give one or more mail addresses");
            }
            if raw.from.as_deref().is_some_and(|f| f.contains(['\n', '\r'])) {
                c.err("from", "a mail address cannot contain a line break");
            }
            Target::Email {
                to,
                from: raw.from,
                sendmail: raw.sendmail.unwrap_or_else(|| PathBuf::from("/usr/sbin/sendmail")),
            }
        }
    };
    if c.failed {
        return None;
    }
    Some(Channel { name: raw.name, severities, events, timeout, target, unacked_for })
}
