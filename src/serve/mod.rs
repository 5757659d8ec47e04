//! `hm serve`: the check loop of `hm run`, plus an HTTP server on
//! 127.0.0.1 by default.
//!
//! Handlers only *read* what the loop recorded (each request opens the
//! database, WAL lets it read while the loop writes), so any number of
//! concurrent requests never cause an extra check. The only endpoint that
//! acts, `POST /monitors/NAME/restart`, needs the bearer token from
//! `[serve] token`; with no token configured it is refused outright.

mod dashboard;
mod routes;

use crate::cmd::Ctx;
use crate::cmd::run::{Cycle, LoopArgs, SharedConfig, Signals, run_loop};
use anyhow::{Result, anyhow};
use std::sync::{Arc, RwLock};

/// Request-handling threads.
const WORKERS: usize = 4;

/// What the handlers share.
pub struct State {
    pub ctx: Ctx,
    pub config: SharedConfig,
}

/// Serve on `listen` and run the loop until SIGTERM/SIGINT.
pub fn serve(ctx: &Ctx, listen: &str, args: &LoopArgs, emit: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let state = Arc::new(State { ctx: ctx.clone(), config: RwLock::new(Arc::new(ctx.config()?)) });
    let server = Arc::new(tiny_http::Server::http(listen).map_err(|e| anyhow!("cannot listen on {listen}: {e}"))?);
    if let Ok(config) = state.config.read() {
        eprintln!("hm: serving http://{listen}/: {}", crate::cmd::run::started(ctx, &config, args));
    }
    let mut workers = Vec::new();
    for i in 0..WORKERS {
        let (server, state) = (server.clone(), state.clone());
        let worker = std::thread::Builder::new().name(format!("hm-http-{i}")).spawn(move || {
            for request in server.incoming_requests() {
                routes::handle(&state, request);
            }
        })?;
        workers.push(worker);
    }
    let result = run_loop(ctx, args, &signals, &state.config, emit);
    for _ in 0..WORKERS {
        server.unblock();
    }
    for w in workers {
        let _ = w.join();
    }
    result
}
