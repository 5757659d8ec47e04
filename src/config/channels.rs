//! `[alerts]` and `[[channel]]`: when a failing monitor becomes an alert,
//! and where its notifications go.
//!
//! Secrets (webhook URLs, tokens, routing keys) are [`Secret`]s: written
//! inline or as `{ env = "NAME" }`, read from the environment only when a
//! notification is sent, and never printed: `Debug` and every report show
//! [`Secret::shown`], which keeps at most a URL's scheme and host.

use super::model::CommandLine;
use crate::status::Status;
use serde::Deserialize;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// `[alerts]` as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAlerts {
    #[serde(rename = "for")]
    pub for_checks: Option<u32>,
    pub cooldown: Option<String>,
    pub timeout: Option<String>,
    pub retry: Option<String>,
    pub host: Option<String>,
    pub flap_high: Option<f64>,
    pub flap_low: Option<f64>,
}

/// Resolved `[alerts]`.
#[derive(Debug, Clone)]
pub(crate) struct AlertSettings {
    /// Consecutive non-ok checks before an alert fires.
    pub for_checks: u32,
    /// Least time between two notifications of an unchanged firing alert.
    pub cooldown: Duration,
    /// Default delivery timeout of a channel.
    pub timeout: Duration,
    /// First retry delay of a failed delivery; doubles per attempt, up to an hour.
    pub retry: Duration,
    /// The host name put in notifications (default: the system's).
    pub host: Option<String>,
    /// When a monitor starts and stops flapping (`flap_high`, `flap_low`).
    pub flap: FlapLimits,
}

/// The weighted percent of state changes over a monitor's last 21 checks
/// at which it starts flapping (`high`) and below which it settles
/// (`low`): Nagios's thresholds, whose defaults they keep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FlapLimits {
    pub high: f64,
    pub low: f64,
}

impl Default for FlapLimits {
    fn default() -> Self {
        FlapLimits { high: 50.0, low: 25.0 }
    }
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            for_checks: 2,
            cooldown: Duration::from_secs(300),
            timeout: Duration::from_secs(10),
            retry: Duration::from_secs(30),
            host: None,
            flap: FlapLimits::default(),
        }
    }
}

/// A secret value: inline, or the name of an environment variable.
#[derive(Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum Secret {
    Value(String),
    Env { env: String },
}

impl Secret {
    /// The value, read from the environment if need be.
    pub(crate) fn reveal(&self) -> anyhow::Result<String> {
        match self {
            Secret::Value(v) => Ok(v.clone()),
            Secret::Env { env } => std::env::var(env)
                .ok()
                .filter(|v| !v.is_empty())
                .ok_or_else(|| anyhow::anyhow!("environment variable {env} is not set")),
        }
    }

    /// What may be printed: `$NAME` for a variable, a URL's scheme and host
    /// (`https://hooks.slack.com/…`), or `…` for anything else.
    pub(crate) fn shown(&self) -> String {
        match self {
            Secret::Env { env } => format!("${env}"),
            Secret::Value(v) => redact_url(v),
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown())
    }
}

/// A URL cut down to scheme, host and port; user info, path and query
/// (where webhook services keep their tokens) become `…`.
pub(crate) fn redact_url(v: &str) -> String {
    let Some((scheme, rest)) = v.split_once("://") else { return "…".into() };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let hidden = authority.contains('@') || rest.len() > authority.len() + 1 || rest.ends_with(['?', '#']);
    format!("{scheme}://{host}{}", if hidden { "/…" } else { "" })
}

/// `text` with the password of every URL in it (`scheme://user:PASSWORD@`,
/// any scheme) replaced by `…`, for messages that echo a value of the
/// config. A URL ends at white space or a quote; its user info at the last
/// `@` before its path, query or fragment.
pub(crate) fn hide_url_passwords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        let token_end = after.find(|c: char| c.is_whitespace() || "\"'`<>".contains(c)).unwrap_or(after.len());
        let token = &after[..token_end];
        let userinfo_end = token[..token.find(['/', '?', '#']).unwrap_or(token.len())].rfind('@');
        match userinfo_end.and_then(|end| token[..end].find(':').map(|colon| (colon, end))) {
            Some((colon, end)) => {
                out.push_str(&token[..=colon]);
                out.push('…');
                out.push_str(&token[end..]);
            }
            None => out.push_str(token),
        }
        rest = &after[token_end..];
    }
    out.push_str(rest);
    out
}

/// Whether `v` is an http:// or https:// URL (for channels and http monitors).
pub(crate) fn is_http_url(v: &str) -> bool {
    v.starts_with("http://") || v.starts_with("https://")
}

/// One `[[channel]]` as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChannel {
    pub name: String,
    pub kind: String,
    pub severities: Option<Vec<Status>>,
    pub events: Option<Vec<String>>,
    pub timeout: Option<String>,
    pub url: Option<Secret>,
    pub token: Option<Secret>,
    pub routing_key: Option<Secret>,
    pub command: Option<CommandLine>,
    pub shell: Option<bool>,
    pub to: Option<Vec<String>>,
    pub from: Option<String>,
    pub sendmail: Option<PathBuf>,
    pub unacked_for: Option<String>,
}

/// The channel kinds, with the keys each accepts (beyond name, kind,
/// severities, events and timeout) and the ones it needs.
pub(crate) const CHANNEL_KINDS: &[(&str, &[&str], &[&str])] = &[
    ("log", &[], &[]),
    ("command", &["command", "shell"], &["command"]),
    ("webhook", &["url", "token"], &["url"]),
    ("slack", &["url"], &["url"]),
    ("pagerduty", &["routing_key", "url"], &["routing_key"]),
    ("alertmanager", &["url"], &["url"]),
    ("email", &["to", "from", "sendmail"], &["to"]),
];

/// PagerDuty's Events API v2 endpoint.
pub(crate) const PAGERDUTY_URL: &str = "https://events.pagerduty.com/v2/enqueue";

/// A resolved notification channel.
#[derive(Debug, Clone)]
pub(crate) struct Channel {
    pub name: String,
    /// The alert severities this channel is told about.
    pub severities: Vec<Status>,
    /// The kinds of notification it takes (`events = [...]`).
    pub events: Vec<super::channel_events::ChannelEvent>,
    pub timeout: Duration,
    pub target: Target,
    /// An escalation tier: told of an alert only once it has fired this
    /// long without an ack (`unacked_for`); `None`: told at once.
    pub unacked_for: Option<Duration>,
}

impl Channel {
    /// Whether an alert of `severity` goes to this channel.
    pub(crate) fn takes(&self, severity: Status) -> bool {
        self.severities.contains(&severity)
    }

    /// Whether this channel takes notifications of `event`.
    pub(crate) fn wants(&self, event: super::channel_events::ChannelEvent) -> bool {
        self.events.contains(&event)
    }

    pub(crate) fn kind(&self) -> &'static str {
        match self.target {
            Target::Log => "log",
            Target::Command { .. } => "command",
            Target::Webhook { .. } => "webhook",
            Target::Slack { .. } => "slack",
            Target::PagerDuty { .. } => "pagerduty",
            Target::Alertmanager { .. } => "alertmanager",
            Target::Email { .. } => "email",
        }
    }

    /// Where it delivers, fit to print.
    pub(crate) fn shown(&self) -> String {
        match &self.target {
            Target::Log => "stderr".into(),
            Target::Command { argv } => argv.first().cloned().unwrap_or_default(),
            Target::Webhook { url, .. } | Target::Slack { url } | Target::Alertmanager { url } => url.shown(),
            Target::PagerDuty { url, .. } => redact_url(url),
            Target::Email { to, .. } => to.join(", "),
        }
    }
}

/// Where and how a channel delivers.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// One line per notification on stderr.
    Log,
    /// A command that gets the notification's JSON on stdin.
    Command { argv: Vec<String> },
    /// The notification's JSON, POSTed; `token` goes in `Authorization: Bearer`.
    Webhook { url: Secret, token: Option<Secret> },
    /// A Slack incoming webhook.
    Slack { url: Secret },
    /// PagerDuty Events API v2.
    PagerDuty { url: String, routing_key: Secret },
    /// An Alertmanager's base URL (`/api/v2/alerts` is added).
    Alertmanager { url: Secret },
    /// Mail through the local sendmail binary.
    Email { to: Vec<String>, from: Option<String>, sendmail: PathBuf },
}

#[cfg(test)]
mod tests {
    use super::hide_url_passwords;

    #[test]
    fn issue14_the_password_of_a_url_of_any_scheme_is_hidden() {
        for (text, shown) in [
            ("`smtp://user:pw@mail` is bad", "`smtp://user:…@mail` is bad"),
            ("postgres://u:p@ss@h/db?x=a@b and redis://:pw@cache", "postgres://u:…@h/db?x=a@b and redis://:…@cache"),
            ("\"http://u@h/x\" https://h:80/a@b", "\"http://u@h/x\" https://h:80/a@b"),
            ("no url at all: a:b@c", "no url at all: a:b@c"),
        ] {
            assert_eq!(hide_url_passwords(text), shown);
        }
    }
}
