//! The endpoints. Every response is built here from the same reports the
//! commands print, so `/status` is `hm status --json` and `/metrics` is
//! `hm export`.

use super::State;
use crate::cmd::run::current;
use crate::cmd::status::snapshot;
use crate::cmd::{history, restart_worker, unix_now};
use crate::status::Status;
use serde::Serialize;
use serde_json::json;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response};

type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// Add a header (names and values are ASCII constants of ours, which always parse).
fn with(reply: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => reply.with_header(h),
        Err(()) => reply,
    }
}

fn text(status: u16, body: impl Into<String>, content_type: &str) -> Reply {
    let reply = Response::from_string(body.into()).with_status_code(status);
    with(with(reply, "Content-Type", content_type), "Cache-Control", "no-store")
}

fn json_reply(status: u16, body: &impl Serialize) -> Reply {
    let body = serde_json::to_string_pretty(body).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    text(status, body, "application/json")
}

fn error(status: u16, message: impl Into<String>) -> Reply {
    json_reply(status, &json!({ "error": message.into() }))
}

/// `%XX` escapes and `+` decoded; invalid escapes are kept as written.
fn decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query parameter `key` of a URL, decoded.
fn param(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| decode(v))
}

/// Constant-time comparison, so the token cannot be guessed byte by byte.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn restart(state: &State, request: &Request, name: &str) -> Reply {
    let config = current(&state.config);
    let Some(token) = &config.settings.serve_token else {
        return error(403, "restarting over HTTP is off: set [serve] token in hm.toml");
    };
    let Ok(token) = token.reveal() else {
        return error(403, "the [serve] token's environment variable is not set");
    };
    let given = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Authorization"))
        .and_then(|h| h.value.as_str().strip_prefix("Bearer "))
        .map(str::trim);
    if !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
        return with(error(401, "a valid bearer token is needed"), "WWW-Authenticate", "Bearer");
    }
    if !config.monitors.iter().any(|m| m.name == name) {
        return error(404, format!("no monitor named `{name}`"));
    }
    match restart_worker::run(&state.ctx, name, false, false) {
        Ok(report) if report.failed() => json_reply(500, &report),
        Ok(report) => json_reply(200, &report),
        Err(e) => error(409, format!("{e:#}")),
    }
}

fn route(state: &State, request: &Request) -> Reply {
    let url = request.url().to_string();
    let path = url.split('?').next().unwrap_or("");
    let method = request.method();
    if let Some(name) = path.strip_prefix("/monitors/").and_then(|p| p.strip_suffix("/restart")) {
        if *method != Method::Post {
            return with(error(405, "use POST"), "Allow", "POST");
        }
        return restart(state, request, name);
    }
    if *method != Method::Get && *method != Method::Head {
        return with(error(405, "use GET"), "Allow", "GET, HEAD");
    }
    if path == "/health" {
        return text(200, "ok\n", "text/plain; charset=utf-8");
    }
    if path == "/" {
        return text(200, super::dashboard::PAGE, "text/html; charset=utf-8");
    }
    let config = current(&state.config);
    let store = match state.ctx.store(&config) {
        Ok(s) => s,
        Err(e) => return error(503, format!("{e:#}")),
    };
    if let Some(name) = path.strip_prefix("/history/") {
        let since = match param(&url, "since").map(|s| crate::units::parse_duration(&s)).transpose() {
            Ok(s) => s.unwrap_or(Duration::from_secs(86_400)),
            Err(e) => return error(400, format!("since: {e}")),
        };
        let points = param(&url, "points").and_then(|p| p.parse().ok()).or(Some(300));
        if let Err(e) = config.select(&[name.to_string()]) {
            return error(404, format!("{e:#}"));
        }
        return match history::read(&store, name, param(&url, "metric").as_deref(), since, points) {
            Ok(h) => json_reply(200, &h),
            Err(e) => error(404, format!("{e:#}")),
        };
    }
    let snap = match snapshot(&config, &store, unix_now()) {
        Ok(s) => s,
        Err(e) => return error(503, format!("{e:#}")),
    };
    match path {
        "/status" => json_reply(200, &snap),
        "/metrics" => text(200, crate::output::prometheus_text(&snap), "text/plain; version=0.0.4; charset=utf-8"),
        "/ready" => {
            let reasons: Vec<String> = snap
                .monitors
                .iter()
                .filter(|m| m.status == Status::Critical)
                .map(|m| format!("{}: {}", m.monitor, m.message))
                .collect();
            if reasons.is_empty() {
                json_reply(200, &json!({"ready": true, "status": snap.status}))
            } else {
                json_reply(503, &json!({"ready": false, "status": snap.status, "reasons": reasons}))
            }
        }
        _ => error(404, format!("no such page: {path}")),
    }
}

/// Answer one request; a client that went away is not an error.
pub fn handle(state: &State, request: Request) {
    let reply = route(state, &request);
    let _ = request.respond(reply);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_are_decoded() {
        assert_eq!(param("/history/disk?metric=space%3A%2Fdata&since=1h", "metric").as_deref(), Some("space:/data"));
        assert_eq!(param("/x?a=b+c%zz", "a").as_deref(), Some("b c%zz"));
        assert_eq!(param("/x", "a"), None);
        assert!(same(b"token", b"token") && !same(b"token", b"tokem") && !same(b"tok", b"token"));
    }
}
