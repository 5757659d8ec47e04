//! `hm serve`: the check loop of `hm run`, plus an HTTP server on
//! 127.0.0.1 by default.
//!
//! Handlers only *read* what the loop recorded (each request opens the
//! database, WAL lets it read while the loop writes), so any number of
//! concurrent requests never cause an extra check. The only endpoint that
//! acts, `POST /monitors/NAME/restart`, needs the bearer token from
//! `[serve] token`; with no token configured it is refused outright.

mod conn;
mod dashboard;
mod reply;
mod request;
mod routes;
mod server;

use crate::engine::Engine;
use crate::engine::daemon::{Cycle, LoopArgs, SharedConfig, Signals, run_loop, started};
use anyhow::{Context, Result};
use std::sync::{Arc, RwLock};

/// What the handlers share.
pub(crate) struct State {
    /// The engine the loop runs; a restart over HTTP goes through it.
    pub engine: Arc<Engine>,
    pub config: SharedConfig,
    /// Why the last check cycle failed, until one succeeds: `/health` and
    /// `/ready` say so (a loop that crashes every cycle is not healthy,
    /// whatever the last recorded checks said; issue 16).
    pub failure: std::sync::Mutex<Option<String>>,
}

impl State {
    fn note(&self, cycle: &Cycle) {
        let failed = match cycle {
            Cycle::Failed(why) => Some(Some(why.clone())),
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
/// process, so no client can delay hm's exit (issue 14).
pub(crate) fn serve(engine: &Arc<Engine>, listen: &str, args: &LoopArgs, mut emit: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let state = Arc::new(State {
        engine: engine.clone(),
        config: RwLock::new(Arc::new(engine.ctx().config()?)),
        failure: std::sync::Mutex::new(None),
    });
    let listener = std::net::TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    if let Ok(config) = state.config.read() {
        eprintln!("hm: serving http://{listen}/: {}", started(engine.ctx(), &config, args));
    }
    let server = server::start(listener, state.clone())?;
    let noted = state.clone();
    let result = run_loop(engine, args, &signals, &state.config, |c| {
        noted.note(&c);
        emit(c)
    });
    server.stop();
    crate::host::exec::kill_running();
    result
}
