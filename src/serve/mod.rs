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

use crate::cmd::Ctx;
use crate::cmd::run::{Cycle, LoopArgs, SharedConfig, Signals, run_loop};
use anyhow::{Context, Result};
use std::sync::{Arc, RwLock};

/// What the handlers share.
pub struct State {
    pub ctx: Ctx,
    pub config: SharedConfig,
}

/// Serve on `listen` and run the loop until SIGTERM/SIGINT. Connections
/// still open then are abandoned, not waited for: they go with the
/// process, so no client can delay hm's exit (issue 14).
pub fn serve(ctx: &Ctx, listen: &str, args: &LoopArgs, emit: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let state = Arc::new(State { ctx: ctx.clone(), config: RwLock::new(Arc::new(ctx.config()?)) });
    let listener = std::net::TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    if let Ok(config) = state.config.read() {
        eprintln!("hm: serving http://{listen}/: {}", crate::cmd::run::started(ctx, &config, args));
    }
    let server = server::start(listener, state.clone())?;
    let result = run_loop(ctx, args, &signals, &state.config, emit);
    server.stop();
    result
}
