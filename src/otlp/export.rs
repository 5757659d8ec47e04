//! The exporter's thread: it takes each cycle from the queue, builds its
//! metrics (from a snapshot of the store, as `/metrics` does) and its
//! trace, and posts them, each retried with a doubling backoff while the
//! collector is unreachable or says to (429, 502, 503, 504), then dropped
//! with a counted warning. A warning says at most once a minute how many
//! were dropped; it names the collector by scheme and host only, and
//! never a header's value or anything the collector answered, which may
//! echo them.

use super::{Shared, metrics, traces};
use crate::config::Config;
use crate::config::otlp::OtlpSettings;
use crate::engine::Engine;
use crate::engine::report::StatusReport;
use crate::output::prometheus::families;
use prost::Message;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Tries of one request before it is dropped.
const ATTEMPTS: u32 = 3;
/// The wait before the second try; doubled before each next.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// The least time between two warnings of dropped exports.
const WARN_EVERY: Duration = Duration::from_secs(60);

/// What the thread gets per cycle: its spans (none for a turn that
/// checked nothing; its metrics are sent still).
pub(super) struct Job {
    pub spans: Option<traces::CycleSpans>,
}

/// Dropped exports not warned of yet, and when the last warning was.
#[derive(Default)]
struct Warned {
    unsaid: u64,
    last: Option<Instant>,
}

/// The thread's body: until hm stops. Each cycle is exported under the
/// config in force when its turn comes (a reload may have changed
/// `[otlp]`; without it now, the cycle is not exported).
pub(super) fn run(shared: &Shared, engine: &Engine, config: &dyn Fn() -> Arc<Config>) {
    let mut agent: Option<(Duration, ureq::Agent)> = None;
    let ids = RandomState::new();
    let mut n = 0u64;
    let mut next_id = || {
        n += 1;
        ids.hash_one(n)
    };
    let mut warned = Warned::default();
    while let Some(job) = shared.queue.pop() {
        let config = config();
        let Some(settings) = &config.settings.otlp else { continue };
        if agent.as_ref().is_none_or(|(t, _)| *t != settings.timeout) {
            agent = Some((settings.timeout, crate::http_agent::agent(settings.timeout)));
        }
        let Some((_, agent)) = &agent else { continue };
        let snap = snapshot(engine, &config).ok();
        if let Some(s) = &snap {
            let mut all = families(s);
            all.push(shared.dropped.family());
            let body = metrics::request(&all, shared.start_ns, super::now_ns()).encode_to_vec();
            send(shared, agent, settings, "metrics", body, &mut warned);
        }
        if let Some(spans) = job.spans {
            let cause = |monitor: &str| {
                let actions = snap.as_ref().map(|s| s.recent_actions.as_slice()).unwrap_or_default();
                let restart = actions.iter().find(|a| a.monitor == monitor && a.action == "restart")?;
                restart.death.as_ref().map(|d| d.cause.clone())
            };
            let body = traces::request(&spans, &mut next_id, &cause).encode_to_vec();
            send(shared, agent, settings, "traces", body, &mut warned);
        }
    }
}

/// What hm recorded, as `/metrics` reads it.
fn snapshot(engine: &Engine, config: &Config) -> anyhow::Result<StatusReport> {
    let store = engine.ctx().store(config)?;
    crate::engine::query::snapshot(config, &store, crate::time::unix_now())
}

/// Post one export, retrying; on giving up, count it and maybe warn.
fn send(shared: &Shared, agent: &ureq::Agent, s: &OtlpSettings, what: &str, body: Vec<u8>, warned: &mut Warned) {
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    let why = loop {
        match post(agent, s, what, &body) {
            Ok(()) => return,
            Err(f) if f.retry && attempt < ATTEMPTS && shared.queue.pause(backoff) => {
                attempt += 1;
                backoff *= 2;
            }
            Err(f) => break f.why,
        }
    };
    shared.dropped.add(1);
    warned.unsaid += 1;
    if shared.queue.stopping() || warned.last.is_some_and(|t| t.elapsed() < WARN_EVERY) {
        return;
    }
    let collector = crate::config::channels::redact_url(&s.endpoint);
    eprintln!(
        "hm: otlp: dropped {} export{} to {collector} (the last of {what}: {}); {} dropped since hm started",
        warned.unsaid,
        if warned.unsaid == 1 { "" } else { "s" },
        crate::text::escape(&why),
        shared.dropped.get()
    );
    *warned = Warned { unsaid: 0, last: Some(Instant::now()) };
}

/// Why a request failed, and whether to try it again.
struct Failure {
    retry: bool,
    why: String,
}

/// One POST of `body` to the collector's `/v1/WHAT`. The failure says
/// the status or the kind of error, never the answer's body.
fn post(agent: &ureq::Agent, s: &OtlpSettings, what: &str, body: &[u8]) -> Result<(), Failure> {
    let mut req = agent.post(format!("{}/v1/{what}", s.endpoint)).header("Content-Type", "application/x-protobuf");
    for (name, secret) in &s.headers {
        let value = secret.reveal().map_err(|e| Failure { retry: false, why: format!("header {name}: {e}") })?;
        req = req.header(name.as_str(), value);
    }
    match req.send(body) {
        Ok(resp) => {
            let status = resp.status().as_u16();
            if (200..300).contains(&status) {
                return Ok(());
            }
            Err(Failure { retry: [429, 502, 503, 504].contains(&status), why: format!("HTTP {status}") })
        }
        Err(e) => Err(Failure { retry: true, why: kind_of(&e) }),
    }
}

/// A transport error in a few fixed words: its text may quote what the
/// collector sent.
fn kind_of(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::Io(io) => format!("{}", io.kind()),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        _ => "the exchange failed".into(),
    }
}
