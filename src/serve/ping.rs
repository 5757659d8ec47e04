//! `POST /ping/NAME`, `/ping/NAME/fail` and `/ping/NAME/start`:
//! `hm ping` from another machine, the healthchecks.io pattern. The same
//! code as `hm ping` records it ([`crate::engine::ping`]).
//!
//! In this order: only `POST` (405); a bearer token, `[serve] ping_token`
//! or `[serve] token` (403 when neither is set, 401 when the request has
//! neither), before anything about names is said; a name no monitor
//! reads is 404; then the rate limit (429, see [`super::limit`]); the
//! database is waited on for at most a second (503). Answers never repeat
//! the name, the token or anything else the request carried. Once
//! recorded, the monitors reading the ping are checked at once.

use super::State;
use super::reply::Reply;
use super::request::Request;
use super::routes::{param, same};
use crate::config::Secret;
use crate::engine::daemon::current;
use crate::engine::ping::{Ping, PingError, ping, ping_names};
use crate::store::PingKind;
use std::time::{Duration, Instant};

/// The longest a ping waits for the database before it is 503.
const DB_WAIT: Duration = Duration::from_secs(1);

/// The bearer token a request carries, if any.
pub(super) fn bearer(request: &Request) -> Option<&str> {
    request.authorization.as_deref().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim)
}

/// Whether `given` is the value of `secret` (compared in constant time),
/// and whether `secret` has a value at all.
fn check(secret: Option<&Secret>, given: Option<&str>) -> (bool, bool) {
    match super::token_value(secret) {
        Some(token) => (given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())), true),
        None => (false, false),
    }
}

/// Answer `POST /ping/{name}`, `/fail` or `/start` (`kind`).
pub(super) fn route(state: &State, request: &Request, name: &str, kind: PingKind) -> Reply {
    let config = current(&state.config);
    let given = bearer(request);
    // Both are compared, whichever matches, so the time taken says nothing.
    let (serve_ok, serve_set) = check(config.settings.serve_token.as_ref(), given);
    let (ping_ok, ping_set) = check(config.settings.serve_ping_token.as_ref(), given);
    if !serve_set && !ping_set {
        return Reply::error(403, "pinging over HTTP is off: set [serve] ping_token (or token) in hm.toml");
    }
    if !(serve_ok | ping_ok) {
        return Reply::error(401, "a valid bearer token is needed").with("WWW-Authenticate", "Bearer");
    }
    if !ping_names(&config).any(|(n, _)| n == name) {
        return Reply::error(404, "no monitor reads that ping");
    }
    let duration = match param(&request.target, "duration").map(|d| super::duration::parse(&d, true)).transpose() {
        Ok(None) => None,
        Ok(Some(_)) if kind == PingKind::Start => return Reply::error(400, "duration: a start has none"),
        Ok(Some(d)) => Some(d),
        Err(_) => return Reply::error(400, "duration: not a duration such as 12.5 or 2m"),
    };
    if !state.limiter.allow(name, Instant::now()) {
        return Reply::error(429, "too many pings of that name: at most one a second is stored")
            .with("Retry-After", "1");
    }
    let p = Ping { name, kind, duration, create: false, wait: Some(DB_WAIT) };
    match ping(state.engine.ctx(), &config, &p) {
        Ok(report) => {
            // Every monitor reading it is checked now, not at the next cycle.
            let _ =
                (state.recheck)(ping_names(&config).filter(|(n, _)| *n == name).map(|(_, m)| m.to_string()).collect());
            Reply::json(200, &report)
        }
        Err(PingError::BadName(_) | PingError::Unknown { .. }) => Reply::error(404, "no monitor reads that ping"),
        Err(PingError::Store(e)) => {
            Reply::error(503, format!("the ping was not recorded: {e:#}")).with("Retry-After", "1")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_compared_only_when_it_has_a_value() {
        let (t, none) = (Secret::Value("0123456789abcdef".into()), Secret::Env { env: "HM_UNIT_UNSET_VAR".into() });
        assert_eq!(check(Some(&t), Some("0123456789abcdef")), (true, true));
        assert_eq!(check(Some(&t), Some("0123456789abcdeF")), (false, true));
        assert_eq!(check(Some(&t), None), (false, true));
        assert_eq!(check(Some(&none), Some("")), (false, false));
        assert_eq!(check(None, Some("x")), (false, false));
    }
}
