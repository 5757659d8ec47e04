//! `POST /monitors/NAME/stop`, `/start`, `/pause` (`?for=2h`) and
//! `/resume`: `hm stop-worker`, `hm start-worker` and `hm monitor
//! pause|resume` over HTTP (a pool's name: each of its instances), with the `[serve] token` that restarts, by
//! the config in force, recorded in the actions table as the commands
//! record them. A stop or start waits out its worker's grace or
//! `restart_delay`, so each runs on a thread of its own.

use super::State;
use super::duration::Bad;
use super::endpoints::Hold;
use super::reply::Reply;
use super::request::Request;
use super::routes::{Answer, param, refused};
use crate::engine::DryRun;
use crate::engine::daemon::current;
use crate::engine::hold_pool::{Held, HoldVerb};
use crate::engine::hold_steps::HoldRequest;
use std::time::Duration;

/// Who a hold set over HTTP was set by.
const BY: &str = "http (serve token)";

/// How long a stop or start over HTTP waits for the run lock, as a
/// restart does.
const LOCK_WAIT: Duration = Duration::from_secs(super::conn::WORK_TIMEOUT.as_secs() / 2);

/// The answer to a stop, start, pause or resume of `name`.
pub(super) fn route(state: &State, request: &Request, name: &str, verb: Hold) -> Answer {
    let config = current(&state.config);
    if let Some(reply) = refused(&config, request) {
        return reply.into();
    }
    if config.monitor_or_pool(name).is_err() {
        return Reply::error(404, "no monitor by that name").into();
    }
    let d = match param(&request.target, "for").map(|s| super::duration::parse(&s, false)).transpose() {
        Err(Bad::Zero) => return Reply::error(400, "for: no time at all; give a duration").into(),
        Ok(d) if verb == Hold::Pause => d,
        Ok(_) => None,
        Err(_) => return Reply::error(400, "for: not a duration such as 30m, 2h or 1d").into(),
    };
    let verb = match verb {
        Hold::Stop => HoldVerb::Stop,
        Hold::Start => HoldVerb::Start,
        Hold::Pause => HoldVerb::Pause(d),
        Hold::Resume => HoldVerb::Resume,
    };
    let (engine, name) = (state.engine.clone(), name.to_string());
    Answer::Later(Box::new(move || {
        let who = HoldRequest { by: BY, lock_wait: LOCK_WAIT, dry_run: DryRun::No };
        // A pool's name: each instance, each recorded in the actions table.
        match engine.hold(&config, &name, verb, &who) {
            Ok(Held::One(report)) if !report.ok => Reply::json(500, &report),
            Ok(Held::One(report)) => Reply::json(200, &report),
            Ok(Held::Pool(report)) if !report.failed.is_empty() => Reply::json(500, &report),
            Ok(Held::Pool(report)) => Reply::json(200, &report),
            Err(e) => Reply::error(409, format!("{e:#}")),
        }
    }))
}
