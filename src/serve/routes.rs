//! The endpoints. Every response is built here from the same reports the
//! commands print, so `/status` is `hm status --json` and `/metrics` is
//! `hm export`.

use super::State;
use super::endpoints::{Endpoint, Found, find};
use super::openapi::Ready;
use super::reply::Reply;
use super::request::Request;
use crate::engine::daemon::current;
use crate::engine::query::{history, snapshot};
use crate::engine::{DryRun, ResetBudget};
use crate::status::Status;
use crate::time::unix_now;
use std::time::Duration;

fn error(status: u16, message: impl Into<String>) -> Reply {
    Reply::error(status, message)
}

fn json_reply(status: u16, body: &impl serde::Serialize) -> Reply {
    Reply::json(status, body)
}

fn text(status: u16, body: impl Into<String>, content_type: &'static str) -> Reply {
    Reply::text(status, body, content_type)
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
pub(super) fn param(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| decode(v))
}

/// Constant-time comparison, so the token cannot be guessed byte by byte.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What a handler answers: a reply now, or work that takes long (a
/// restart waits `restart_delay` for its worker to come up) and runs on
/// a thread of its own, so it never holds one of the few HTTP workers.
pub(super) enum Answer {
    Now(Reply),
    Later(Box<dyn FnOnce() -> Reply + Send>),
}

impl From<Reply> for Answer {
    fn from(r: Reply) -> Answer {
        Answer::Now(r)
    }
}

/// Why `request` may not act (restart, stop, start, pause, resume): no
/// `[serve] token`, or not its bearer. `None`: it may.
pub(super) fn refused(config: &crate::config::Config, request: &Request) -> Option<Reply> {
    let Some(token) = &config.settings.serve_token else {
        return Some(error(403, "restarting over HTTP is off: set [serve] token in hm.toml"));
    };
    let Some(token) = super::token_value(Some(token)) else {
        return Some(error(403, "the [serve] token's environment variable is not set, or too short"));
    };
    // Only this token acts: `[serve] ping_token` only pings.
    let given = super::ping::bearer(request);
    if !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
        return Some(error(401, "a valid bearer token is needed").with("WWW-Authenticate", "Bearer"));
    }
    None
}

fn restart(state: &State, request: &Request, name: &str) -> Answer {
    let config = current(&state.config);
    if let Some(reply) = refused(&config, request) {
        return reply.into();
    }
    if config.monitor_or_pool(name).is_err() {
        return error(404, "no monitor by that name").into();
    }
    let pool = !config.monitors.iter().any(|m| m.name == name);
    // One restart of a worker at a time: a second asked meanwhile is
    // refused, not queued behind the first to restart it again.
    let Some(flight) = InFlight::start(&state.restarting, name) else {
        return error(409, "a restart of this monitor over HTTP is already in progress").into();
    };
    // By the config in force, never a half-saved file on disk. A heal
    // cycle (this process's or a one-shot `hm heal`) holding the run lock
    // is waited for, within the request's time.
    let (engine, name) = (state.engine.clone(), name.to_string());
    Answer::Later(Box::new(move || {
        let _flight = flight;
        if pool {
            // A pool's rolling restart, one instance at a time, as `hm restart-worker POOL`.
            return match engine.roll(&config, &name, 1, DryRun::No, ResetBudget::No, RESTART_LOCK_WAIT) {
                Ok(report) if report.failed.is_some() => json_reply(500, &report),
                Ok(report) => json_reply(200, &report),
                Err(e) => error(409, format!("{e:#}")),
            };
        }
        match engine.restart(&config, &name, DryRun::No, ResetBudget::No, RESTART_LOCK_WAIT) {
            // Stopped or paused on purpose: resume it first, a conflict, not hm failing.
            Ok(report) if report.outcome == crate::engine::report::Outcome::Held => json_reply(409, &report),
            Ok(report) if report.failed() => json_reply(500, &report),
            Ok(report) => json_reply(200, &report),
            Err(e) => error(409, format!("{e:#}")),
        }
    }))
}

/// How long a restart over HTTP waits for the run lock: half the time a
/// request's work may take, the other half left for the restart itself
/// (its `restart_delay`).
const RESTART_LOCK_WAIT: Duration = Duration::from_secs(super::conn::WORK_TIMEOUT.as_secs() / 2);

/// The monitors being restarted over HTTP now.
pub(super) type Restarting = std::sync::Arc<std::sync::Mutex<std::collections::HashSet<String>>>;

/// One monitor's restart in progress; it leaves the set when dropped.
struct InFlight {
    set: Restarting,
    name: String,
}

impl InFlight {
    /// `None` when `name` is being restarted already.
    fn start(set: &Restarting, name: &str) -> Option<InFlight> {
        let fresh = set.lock().unwrap_or_else(|p| p.into_inner()).insert(name.to_string());
        fresh.then(|| InFlight { set: set.clone(), name: name.to_string() })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.set.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.name);
    }
}

/// What the event loop answers itself, without a worker: `/health`,
/// so it answers while every worker is busy.
pub(super) fn immediate(state: &State, request: &Request) -> Option<Reply> {
    (find(&request.method, request.path()) == Found::Route(Endpoint::Health, "")).then(|| health(state))
}

/// 503 while the check loop's last cycle failed (it crashed, or could
/// not use the database), so a supervisor sees what `hm serve` logs.
fn health(state: &State) -> Reply {
    match state.failure() {
        None => text(200, "ok\n", "text/plain; charset=utf-8"),
        Some(why) => text(503, format!("failing: the last check cycle failed: {why}\n"), "text/plain; charset=utf-8"),
    }
}

/// The OpenAPI document as served (and as `contrib/openapi.json` holds it).
pub(super) fn openapi_text() -> String {
    let mut text = serde_json::to_string_pretty(&super::openapi::document()).unwrap_or_default();
    text.push('\n');
    text
}

/// Answer one request, by the route table (`endpoints.rs`) alone. No
/// answer repeats what the request carried (its path, query or
/// headers): errors say what was wrong in fixed words.
pub(super) fn route(state: &State, request: &Request) -> Answer {
    let (endpoint, name) = match find(&request.method, request.path()) {
        Found::Route(endpoint, name) => (endpoint, name),
        Found::Method(method) => return method.refusal().into(),
        Found::Nothing => return error(404, "no such page").into(),
    };
    match endpoint {
        Endpoint::Ping(kind) => super::ping::route(state, request, name, kind).into(),
        Endpoint::Restart => restart(state, request, name),
        Endpoint::Hold(verb) => super::hold::route(state, request, name, verb),
        Endpoint::Health => health(state).into(),
        Endpoint::Dashboard => text(200, super::dashboard::PAGE, "text/html; charset=utf-8").into(),
        Endpoint::OpenApi => text(200, openapi_text(), "application/json").into(),
        Endpoint::History | Endpoint::Status | Endpoint::Metrics | Endpoint::Ready => {
            read(state, request, endpoint, name).into()
        }
    }
}

/// The answers read from the database.
fn read(state: &State, request: &Request, endpoint: Endpoint, name: &str) -> Reply {
    let url = request.target.as_str();
    let config = current(&state.config);
    let store = match state.engine.ctx().store(&config) {
        Ok(s) => s,
        Err(e) => return error(503, format!("{e:#}")),
    };
    if endpoint == Endpoint::History {
        let since = match param(url, "since").map(|s| super::duration::parse(&s, true)).transpose() {
            Ok(s) => s.unwrap_or(Duration::from_secs(86_400)),
            Err(_) => return error(400, "since: not a duration such as 30m, 6h or 7d"),
        };
        // A bad `points` is said, not silently replaced.
        let points = match param(url, "points").map(|p| p.parse::<usize>()) {
            None => Some(300),
            Some(Ok(n)) if (1..=10_000).contains(&n) => Some(n),
            Some(_) => return error(400, "points: a whole number from 1 to 10000"),
        };
        if config.monitor(name).is_err() {
            return error(404, "no monitor by that name");
        }
        let metric = param(url, "metric");
        return match history(&store, name, metric.as_deref(), since, points) {
            Ok(h) => json_reply(200, &h),
            // The error names the metric asked for: not repeated.
            Err(_) if metric.is_some() => error(404, "no values for that metric in that window"),
            Err(e) => error(503, format!("{e:#}")),
        };
    }
    let snap = match snapshot(&config, &store, unix_now()) {
        Ok(s) => s,
        Err(e) => return error(503, format!("{e:#}")),
    };
    match endpoint {
        Endpoint::Status => json_reply(200, &snap.without_log_tails()),
        Endpoint::Metrics => {
            let mut families = crate::output::prometheus::families(&snap);
            families.extend(state.otlp_dropped.as_ref().map(crate::otlp::Dropped::family));
            text(200, crate::output::prometheus::text(&families), "text/plain; version=0.0.4; charset=utf-8")
        }
        _ => {
            let mut reasons: Vec<String> = snap
                .monitors
                .iter()
                .filter(|m| m.status == Status::Critical)
                .map(|m| format!("{}: {}", m.monitor, m.message))
                .collect();
            if let Some(why) = state.failure() {
                reasons.insert(0, format!("the last check cycle failed: {why}"));
            }
            let ready = reasons.is_empty();
            json_reply(if ready { 200 } else { 503 }, &Ready { ready, status: snap.status, reasons })
        }
    }
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
