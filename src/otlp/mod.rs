//! OpenTelemetry export (`[otlp]` in hm.toml): `hm run` and `hm serve`
//! send, after each cycle, the series `/metrics` serves (`metrics.rs`)
//! and one trace of the cycle (`traces.rs`) to an OTLP/HTTP collector, as
//! protobuf (the message types are the OpenTelemetry project's own, the
//! `opentelemetry-proto` crate, without its gRPC transport).
//!
//! The loop only hands each cycle to a bounded queue (`queue.rs`); a
//! thread of its own builds and posts the exports (`export.rs`), so a
//! collector that is down or slow never slows a cycle. What cannot be
//! sent is dropped and counted (`hm_otlp_dropped_total`, on `/metrics`
//! and in the export itself). When hm stops, the thread gets at most
//! [`STOP_WAIT`] to finish the request it is in; it is then abandoned.
//!
//! `[otlp]` is read for each export from the config in force, so a reload
//! that changes or removes it applies from the next cycle; one that adds
//! it to an hm started without it needs a restart (no thread was started).

mod export;
mod metrics;
mod queue;
mod traces;

use crate::config::Config;
use crate::engine::Engine;
use crate::engine::report::Cycle;
use crate::output::prometheus::Family;
use anyhow::{Context, Result};
use opentelemetry_proto::tonic::common::v1::InstrumentationScope;
use opentelemetry_proto::tonic::resource::v1::Resource;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Cycles waiting to be exported at most; past it the oldest is dropped.
const QUEUE: usize = 64;

/// The longest hm's stop waits on the exporter.
pub(crate) const STOP_WAIT: Duration = Duration::from_millis(500);

/// How many exports were dropped since hm started.
#[derive(Clone, Default)]
pub(crate) struct Dropped(Arc<AtomicU64>);

impl Dropped {
    fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// `hm_otlp_dropped_total`, as `/metrics` and the export show it.
    pub(crate) fn family(&self) -> Family {
        Family {
            name: "hm_otlp_dropped_total".into(),
            help: "OpenTelemetry exports dropped: the queue was full or the collector did not take them.".into(),
            counter: true,
            samples: vec![(Vec::new(), self.get() as f64)],
        }
    }
}

/// What the loop and the exporter's thread share.
struct Shared {
    queue: queue::Queue<export::Job>,
    dropped: Dropped,
    /// When this hm started: where its counters count from.
    start_ns: u64,
}

/// The exporter of a running `hm run` or `hm serve`.
pub(crate) struct Exporter {
    shared: Arc<Shared>,
    thread: std::thread::JoinHandle<()>,
}

impl Exporter {
    /// Start exporting to the collector of the config in force
    /// (`config`), counting what is dropped in `dropped`; each export's
    /// metrics come from a snapshot of the store, as `/metrics`'.
    pub(crate) fn start(
        dropped: Dropped,
        engine: Arc<Engine>,
        config: impl Fn() -> Arc<Config> + Send + 'static,
    ) -> Result<Exporter> {
        let shared = Arc::new(Shared { queue: queue::Queue::new(QUEUE), dropped, start_ns: now_ns() });
        let theirs = shared.clone();
        let thread = std::thread::Builder::new()
            .name("hm-otlp".into())
            .spawn(move || export::run(&theirs, &engine, &config))
            .context("cannot start the OpenTelemetry exporter")?;
        Ok(Exporter { shared, thread })
    }

    /// Queue the exports of a cycle that just ended; never waits.
    pub(crate) fn note(&self, cycle: &Cycle) {
        if matches!(cycle, Cycle::Reloaded(_)) {
            return;
        }
        let job = export::Job { spans: traces::of(cycle, now_ns()) };
        if self.shared.queue.push(job).is_some() {
            self.shared.dropped.add(1);
        }
    }

    /// Stop: the thread's waits end at once, and a request under way
    /// gets at most [`STOP_WAIT`].
    pub(crate) fn stop(self) {
        self.shared.queue.stop();
        let asked = Instant::now();
        while !self.thread.is_finished() && asked.elapsed() < STOP_WAIT {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Now, in nanoseconds since the epoch, on hm's steady clock.
fn now_ns() -> u64 {
    (crate::time::unix_now() * 1e9) as u64
}

/// What every export says it comes from: hm on this host.
fn resource() -> Resource {
    let host = nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_default();
    Resource {
        attributes: vec![metrics::attr("service.name", "hm"), metrics::attr("host.name", &host)],
        ..Default::default()
    }
}

/// The instrumentation scope: hm itself, with its version.
fn scope() -> InstrumentationScope {
    InstrumentationScope { name: "hm".into(), version: env!("CARGO_PKG_VERSION").into(), ..Default::default() }
}
