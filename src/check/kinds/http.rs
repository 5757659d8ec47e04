//! `http`: one request to a URL; the status code, a substring of the body
//! and the latency are judged. Redirects are not followed (a 301 is an
//! answer, and by default an acceptable one). The request's own timeout
//! is the monitor's, so a dead endpoint is reported, not waited on.

use super::{AddHelp, Described, Flag, Kind, latency, limits_text, secs, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric, level};
use crate::config::checker::Checker;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::status::Status;
use anyhow::Result;
use std::io::Read;
use std::time::{Duration, Instant};

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
    keys: &["url", "method", "expect_status", "contains", "warn", "crit"],
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
        ],
        examples: "Examples:\n  hm add http api --url http://127.0.0.1:8080/health --contains ok\n  \
                   hm add http site --url https://example.org/ --expect-status 200 --expect-status 301 --warn 1s --crit 5s",
    },
    is: |s| matches!(s, Spec::Http(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Http(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("http", m)),
    },
    describe,
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

fn describe(m: &Monitor) -> Described {
    let Spec::Http(h) = &m.spec else { return Described::default() };
    (format!("{} {}", h.method, h.shown_url()), vec![limits_text("", h.latency, secs)])
}

/// The body read to look for `contains`, at most.
const BODY_LIMIT: u64 = 1 << 20;

pub(crate) fn check(_ctx: &CheckCtx<'_>, spec: &HttpSpec, timeout: Duration) -> Result<CheckOutput> {
    // A little less than the monitor's timeout, so the check's own answer
    // (which names the URL) comes before the runner gives up on it.
    let timeout = timeout.saturating_sub(Duration::from_millis(100)).max(Duration::from_millis(100));
    let agent = crate::http_agent::agent(timeout);
    let start = Instant::now();
    let req = ureq::http::Request::builder().method(spec.method.as_str()).uri(&spec.url).body(())?;
    let mut resp = match agent.run(req) {
        Ok(r) => r,
        Err(e) => {
            return Ok(CheckOutput {
                status: Status::Critical,
                message: format!("{} {}: {}", spec.method, spec.shown_url(), e.to_string().replace(&spec.url, "…")),
                metrics: vec![Metric::new("time", start.elapsed().as_secs_f64(), "s")],
                ..Default::default()
            });
        }
    };
    let code = resp.status().as_u16();
    // The first MiB is searched, whatever its size or encoding.
    let body = match &spec.contains {
        Some(_) => {
            let mut bytes = Vec::new();
            let _ = resp.body_mut().as_reader().take(BODY_LIMIT).read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        }
        None => String::new(),
    };
    let took = start.elapsed().as_secs_f64();
    let time = Metric::new("time", took, "s").limits(spec.latency);
    let mut status = time.status();
    let mut problems = Vec::new();
    let good_code =
        if spec.expect_status.is_empty() { (200..400).contains(&code) } else { spec.expect_status.contains(&code) };
    if !good_code {
        status = Status::Critical;
        problems.push(format!("status {code}"));
    }
    if let Some(want) = &spec.contains
        && !body.contains(want.as_str())
    {
        status = Status::Critical;
        problems.push(format!("body lacks \"{want}\""));
    }
    if level(took, spec.latency) != Status::Ok {
        problems.push(format!("slow ({})", level(took, spec.latency)));
    }
    let summary = format!("{} {} in {:.0} ms", code, spec.shown_url(), took * 1000.0);
    let message = if problems.is_empty() { summary } else { format!("{}: {summary}", problems.join(", ")) };
    Ok(CheckOutput {
        status,
        message,
        metrics: vec![Metric::new("status", f64::from(code), ""), time],
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(url: &str) -> String {
        HttpSpec {
            url: url.into(),
            method: "GET".into(),
            expect_status: vec![],
            contains: None,
            latency: Limits::default(),
        }
        .shown_url()
    }

    #[test]
    fn issue7_a_password_or_a_query_in_a_monitor_url_is_never_shown() {
        assert_eq!(shown("http://admin:pw@10.0.0.1:8080/health?token=x#top"), "http://admin:…@10.0.0.1:8080/health?…");
        assert_eq!(shown("http://a:b@c@host/x"), "http://a:…@host/x");
        assert_eq!(shown("https://example.com/status"), "https://example.com/status");
        assert_eq!(shown("http://127.0.0.1:9"), "http://127.0.0.1:9");
    }
}
