//! The coroner and the process-event connector's listener, for one loop
//! of `hm run`/`hm serve`: two threads beside the loop. The listener
//! blocks in recv(2) and hands the exits it hears to the registry; the
//! coroner writes one certificate per death, in order, on its own
//! database connection, so that the restart never waits for it.

use super::{Gone, Registry, cert};
use crate::config::Config;
use crate::host::connector::Connector;
use crate::host::oom::KernelLog;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};

/// The coroner and the connector's listener, for one loop: started by
/// `daemon::run_loop`, which hands it the config in force.
pub(crate) struct Coroner {
    config: Arc<Mutex<Arc<Config>>>,
    registry: Arc<Registry>,
    /// Why exit statuses are not heard, for the loop to say once.
    pub note: Option<String>,
}

impl Coroner {
    /// Start the threads on `registry`; certificates are recorded through
    /// `engine`'s context.
    pub(crate) fn start(engine: &Arc<crate::engine::Engine>, config: Arc<Config>) -> Coroner {
        let registry = engine.deaths.clone();
        let (tx, rx) = channel();
        let mut listening = None;
        let deaf = match Connector::open() {
            Ok(c) => {
                let c = Arc::new(c);
                listening = Some(c.clone());
                let r = registry.clone();
                let spawned = std::thread::Builder::new().name("hm-connector".into()).spawn(move || {
                    let mut events = Vec::new();
                    while c.recv(&mut events).is_ok() {
                        r.heard(&events);
                        events.clear();
                    }
                });
                spawned.err().map(|e| format!("cannot start its thread: {e}"))
            }
            Err(why) => Some(why),
        };
        let note = deaf.as_ref().map(|why| {
            format!(
                "process-event connector unavailable ({why}): a dead worker's exit status is known only when hm \
                 started it or systemd ran it"
            )
        });
        {
            let mut g = registry.lock();
            g.deaf = deaf;
            g.to_coroner = Some(tx);
            g.connector = listening.filter(|_| g.deaf.is_none());
            g.filtered.clear();
            Registry::refilter(&mut g);
        }
        let config = Arc::new(Mutex::new(config));
        let (e, c) = (engine.clone(), config.clone());
        // Opened now: an OOM kill logged before the coroner's first death
        // is still read.
        let mut kernel = KernelLog::from_now();
        let _ = std::thread::Builder::new().name("hm-coroner".into()).spawn(move || run(&e, &c, &rx, &mut kernel));
        Coroner { config, registry, note }
    }

    /// The config in force from now on.
    pub(crate) fn config(&self, config: &Arc<Config>) {
        *self.config.lock().unwrap_or_else(PoisonError::into_inner) = config.clone();
    }
}

impl Drop for Coroner {
    /// The loop ends: the connector's subscription with it (its listener
    /// thread holds the socket, blocked, until the process ends).
    fn drop(&mut self) {
        if let Some(c) = self.registry.lock().connector.take() {
            c.unsubscribe();
        }
    }
}

/// The coroner's thread: one certificate per death, in order.
fn run(engine: &crate::engine::Engine, config: &Mutex<Arc<Config>>, rx: &Receiver<Gone>, kernel: &mut KernelLog) {
    let mut store: Option<(std::path::PathBuf, crate::store::Store)> = None;
    while let Ok(gone) = rx.recv() {
        let config = config.lock().unwrap_or_else(PoisonError::into_inner).clone();
        let m = config.monitors.iter().find(|m| m.name == gone.monitor);
        let status = engine.deaths.status_of(&gone, m);
        let ctx = engine.ctx();
        let path = ctx.db_path(&config);
        if store.as_ref().is_none_or(|(p, _)| *p != path) {
            store = ctx.store(&config).ok().map(|s| (path, s));
        }
        let death = cert::write(&gone, status, m, store.as_ref().map(|(_, s)| s), kernel);
        if let Some((_, s)) = &store
            && let Err(e) = s.record_death(&death)
        {
            ctx.say.warning(format!("{e:#}"));
        }
        engine.deaths.done(gone.pid);
    }
}
