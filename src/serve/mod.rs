//! `hm serve`: the check loop of `hm run`, plus an HTTP server on
//! 127.0.0.1 by default.
//!
//! Handlers only *read* what the loop recorded (each request opens the
//! database, WAL lets it read while the loop writes), so any number of
//! concurrent requests never cause an extra check. The endpoints that
//! act need a bearer token: `POST /monitors/NAME/restart` the one of
//! `[serve] token`, `POST /ping/NAME` (`ping.rs`) that one or
//! `[serve] ping_token`; with no token configured they are refused
//! outright. Without a token, hm serves only on a loopback address.

mod conn;
mod dashboard;
mod duration;
mod endpoints;
mod hold;
mod limit;
mod openapi;
mod ping;
mod queue;
mod reply;
pub(crate) mod request;
mod routes;
mod server;
mod table;
mod workers;

use crate::config::Config;
use crate::config::Secret;
use crate::config::validate::MIN_TOKEN_LEN;
use crate::engine::Engine;
use crate::engine::daemon::{Cycle, LoopArgs, SharedConfig, Signals, current, run_loop, started};
use anyhow::{Context, Result, bail};
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Arc, RwLock};

/// What the handlers share.
pub(crate) struct State {
    /// The engine the loop runs; a restart over HTTP goes through it.
    pub engine: Arc<Engine>,
    pub config: SharedConfig,
    /// Why the last check cycle failed, until one succeeds: `/health` and
    /// `/ready` say so (a loop that crashes every cycle is not healthy,
    /// whatever the last recorded checks said).
    pub failure: std::sync::Mutex<Option<String>>,
    /// The monitors being restarted over HTTP now.
    restarting: routes::Restarting,
    /// How many remote pings are stored.
    limiter: limit::Limiter,
    /// Tells the loop to check these monitors now: those a remote ping
    /// fed, so `/status` and alerts follow it at once.
    recheck: Box<dyn Fn(Vec<String>) -> bool + Send + Sync>,
    /// The exports to `[otlp]` dropped, for `/metrics`; `None` without it.
    pub otlp_dropped: Option<crate::otlp::Dropped>,
}

impl State {
    fn note(&self, cycle: &Cycle) {
        let failed = match cycle {
            Cycle::Failed(why) => Some(Some(why.to_string())),
            Cycle::Check(_) | Cycle::Heal(_) => Some(None),
            Cycle::Reloaded(_) => None,
        };
        if let Some(failed) = failed {
            *self.failure.lock().unwrap_or_else(|p| p.into_inner()) = failed;
        }
    }

    /// Why the last cycle failed, if it did.
    pub(crate) fn failure(&self) -> Option<String> {
        self.failure.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// Serve on `listen` and run the loop until SIGTERM/SIGINT. Connections
/// still open then are abandoned, not waited for: they go with the
/// process, so no client can delay hm's exit.
pub(crate) fn serve(engine: &Arc<Engine>, listen: &str, args: &LoopArgs, mut emit: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let loaded = short_tokens(engine.ctx().config()?)?;
    // One daemon per database: a second one refuses at once,
    // before it takes a port.
    let _watching = crate::lock::watch(&engine.ctx().db_path(&loaded))?;
    let otlp = loaded.settings.otlp.is_some();
    let state = Arc::new(State {
        engine: engine.clone(),
        config: RwLock::new(Arc::new(loaded)),
        failure: std::sync::Mutex::new(None),
        restarting: routes::Restarting::default(),
        limiter: limit::Limiter::new(std::time::Instant::now()),
        recheck: Box::new(signals.changes()),
        otlp_dropped: otlp.then(crate::otlp::Dropped::default),
    });
    let addrs = addresses(listen, &current(&state.config))?;
    let listener = std::net::TcpListener::bind(&addrs[..]).with_context(|| format!("cannot listen on {listen}"))?;
    if let Ok(config) = state.config.read() {
        eprintln!("hm: serving http://{listen}/: {}", started(engine.ctx(), &config, args));
    }
    let server = server::start(listener, state.clone())?;
    let exporter = match &state.otlp_dropped {
        Some(dropped) => {
            let shared = state.clone();
            Some(crate::otlp::Exporter::start(dropped.clone(), engine.clone(), move || current(&shared.config))?)
        }
        None => None,
    };
    let noted = state.clone();
    let result = run_loop(engine, args, &signals, &state.config, |c| {
        if let Some(e) = &exporter {
            e.note(&c);
        }
        noted.note(&c);
        emit(c)
    });
    server.stop();
    if let Some(e) = exporter {
        e.stop();
    }
    // An HTTP restart under way records what it did first.
    crate::host::stop::wait_idle(crate::host::exec::RECORD_ON_STOP);
    crate::host::exec::kill_running();
    result
}

/// The addresses `listen` names (an address or a host name, with its
/// port). Any that is not loopback (127.0.0.0/8, ::1, or 127.x mapped
/// into IPv6) is refused unless a token guards what acts: `[serve] token`
/// or `ping_token`, its variable set. `0.0.0.0` and `::` are
/// every address, so refused too.
fn addresses(listen: &str, config: &Config) -> Result<Vec<SocketAddr>> {
    let addrs: Vec<SocketAddr> =
        listen.to_socket_addrs().with_context(|| format!("cannot listen on {listen}"))?.collect();
    let s = &config.settings;
    let guarded = [&s.serve_token, &s.serve_ping_token].into_iter().any(|t| token_value(t.as_ref()).is_some());
    if !guarded && addrs.iter().any(|a| !a.ip().to_canonical().is_loopback()) {
        bail!(
            "refusing to listen on {listen}, not a loopback address, without a token: set [serve] token or ping_token in hm.toml (its variable set), or use --listen 127.0.0.1:PORT"
        );
    }
    Ok(addrs)
}

/// A `[serve]` token's value when it guards anything: set, and at least
/// [`MIN_TOKEN_LEN`] bytes long, from the environment as inline (else a
/// 3-character `HM_SERVE_TOKEN` would open `0.0.0.0` and restarts).
pub(crate) fn token_value(secret: Option<&Secret>) -> Option<String> {
    secret.and_then(|s| s.reveal().ok()).filter(|v| v.len() >= MIN_TOKEN_LEN)
}

/// Refuse to serve with a token read from a variable that is set but
/// shorter than an inline token may be (one line naming the variable).
fn short_tokens(config: Config) -> Result<Config> {
    let s = &config.settings;
    for (key, secret) in [("token", &s.serve_token), ("ping_token", &s.serve_ping_token)] {
        if let Some(Secret::Env { env }) = secret
            && std::env::var(env).is_ok_and(|v| !v.is_empty() && v.len() < MIN_TOKEN_LEN)
        {
            bail!(
                "refusing to serve: ${env} ([serve] {key}) is shorter than {MIN_TOKEN_LEN} characters, too short to guard anything; use a longer token"
            );
        }
    }
    Ok(config)
}
