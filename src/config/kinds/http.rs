//! `http`: one request to a URL; the status code, a substring of the body
//! and the latency are judged. Redirects are not followed (a 301 is an
//! answer, and by default an acceptable one). The request's own timeout
//! is the monitor's, so a dead endpoint is reported, not waited on.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::http`.

use super::{AddHelp, Described, Flag, Kind, latency, limits_text, secs};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};

/// `http`: one request; the status, the body and the latency are judged.
#[derive(Debug, Clone)]
pub(crate) struct HttpSpec {
    pub url: String,
    /// `GET` unless told.
    pub method: String,
    /// Acceptable status codes; empty means 200–399.
    pub expect_status: Vec<u16>,
    /// A substring the body must contain.
    pub contains: Option<String>,
    /// Latency levels, seconds.
    pub latency: Limits,
}

impl HttpSpec {
    /// The URL as printed and stored: a password in it becomes `…`, and so
    /// does the query (it often carries a token). The path stays: it says
    /// what is checked.
    pub(crate) fn shown_url(&self) -> String {
        let Some((scheme, rest)) = self.url.split_once("://") else { return self.url.clone() };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let authority = match authority.rsplit_once('@') {
            Some((user, host)) => format!("{}:…@{host}", user.split(':').next().unwrap_or("")),
            None => authority.to_string(),
        };
        let path = tail.split(['?', '#']).next().unwrap_or("");
        let hidden = if tail.len() > path.len() { "?…" } else { "" };
        format!("{scheme}://{authority}{path}{hidden}")
    }
}

pub(crate) static KIND: Kind = Kind {
    name: "http",
    keys: &["url", "method", "expect_status", "contains", "warn", "crit", "worker"],
    add: AddHelp {
        about: "An HTTP request: status, body and latency",
        heading: "An http monitor",
        flags: &[
            Flag::text("url", "URL", "The http:// or https:// URL"),
            Flag::text("method", "METHOD", "The request method (default GET)"),
            Flag::codes("expect_status", "CODE", "An acceptable status (repeatable; default 200-399)"),
            Flag::text("contains", "TEXT", "Text the body must contain").dashes(),
            Flag::number("warn", "DURATION", "Warning latency, seconds or a duration (500ms)"),
            Flag::number("crit", "DURATION", "Critical latency"),
            Flag::text(
                "worker",
                "MONITOR",
                "The process monitor whose worker `hm heal` restarts when this is critical",
            ),
        ],
        examples: "Examples:\n  hm add http api --url http://127.0.0.1:8080/health --contains ok\n  \
                   hm add http site --url https://example.org/ --expect-status 200 --expect-status 301 --warn 1s --crit 5s",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(url) = raw.url.clone() else {
        c.err("", "an http monitor needs `url`");
        return None;
    };
    if !crate::config::channels::is_http_url(&url) {
        c.err("url", format!("`{url}` is not an http:// or https:// URL"));
    }
    let method = raw.method.clone().unwrap_or_else(|| "GET".into()).to_ascii_uppercase();
    if !["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"].contains(&method.as_str()) {
        c.err("method", format!("unknown HTTP method `{method}`"));
    }
    let expect_status = raw.expect_status.clone().unwrap_or_default();
    if let Some(bad) = expect_status.iter().find(|s| !(100..=599).contains(*s)) {
        c.err("expect_status", format!("{bad} is not an HTTP status code"));
    }
    let latency = latency(c, raw);
    Some(Spec::Http(Box::new(HttpSpec { url, method, expect_status, contains: raw.contains.clone(), latency })))
}

pub(super) fn describe(h: &HttpSpec) -> Described {
    (format!("{} {}", h.method, h.shown_url()), vec![limits_text("", h.latency, secs)])
}
