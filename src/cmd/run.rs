//! `hm run`: the engine's loop (`engine::daemon`) in the foreground, for
//! systemd `Type=simple` or a terminal, each cycle printed as it ends
//! (and exported, with `[otlp]`).

use crate::engine::Engine;
use crate::engine::daemon::{Cycle, LoopArgs, Signals, current, run_loop, started};
use anyhow::Result;
use std::sync::{Arc, RwLock};

/// `hm run`: the loop, printing each cycle through `print`.
pub(crate) fn run(engine: &Arc<Engine>, args: &LoopArgs, mut print: impl FnMut(Cycle)) -> Result<()> {
    let signals = Signals::install()?;
    let loaded = engine.ctx().config()?;
    // One daemon per database: a second one refuses at once.
    let _watching = crate::lock::watch(&engine.ctx().db_path(&loaded))?;
    eprintln!("hm: checking: {}", started(engine.ctx(), &loaded, args));
    let otlp = loaded.settings.otlp.is_some();
    let config = Arc::new(RwLock::new(Arc::new(loaded)));
    let exporter = if otlp {
        let shared = config.clone();
        Some(crate::otlp::Exporter::start(Default::default(), engine.clone(), move || current(&shared))?)
    } else {
        None
    };
    let result = run_loop(engine, args, &signals, &config, |c| {
        if let Some(e) = &exporter {
            e.note(&c);
        }
        print(c)
    });
    if let Some(e) = exporter {
        e.stop();
    }
    // The commands of an unfinished cycle run in groups of their own: they
    // would outlive hm.
    crate::host::exec::kill_running();
    result
}
