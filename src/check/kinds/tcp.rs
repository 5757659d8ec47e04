//! `tcp`: a connection to `host:port` opens within the monitor's timeout;
//! the connect time is judged against the latency levels.

use super::{AddHelp, Described, Flag, Kind, latency, limits_text, secs, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::status::Status;
use anyhow::{Context, Result};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// `tcp`: a connect to `host:port`, and its latency.
#[derive(Debug, Clone)]
pub(crate) struct TcpSpec {
    pub address: String,
    /// Latency levels, seconds.
    pub latency: Limits,
}

pub(crate) static KIND: Kind = Kind {
    name: "tcp",
    keys: &["address", "warn", "crit"],
    add: AddHelp {
        about: "A TCP connect to host:port, and its latency",
        heading: "A tcp monitor",
        flags: &[
            Flag::text("address", "HOST:PORT", "host:port to connect to"),
            Flag::number("warn", "DURATION", "Warning latency, seconds or a duration (500ms)"),
            Flag::number("crit", "DURATION", "Critical latency"),
        ],
        examples: "Example:\n  hm add tcp postgres --address 127.0.0.1:5432 --warn 0.5 --crit 2",
    },
    is: |s| matches!(s, Spec::Tcp(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Tcp(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("tcp", m)),
    },
    describe,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(address) = raw.address.clone() else {
        c.err("", "a tcp monitor needs `address`, e.g. \"127.0.0.1:5432\"");
        return None;
    };
    if address.rsplit_once(':').is_none_or(|(_, port)| port.parse::<u16>().is_err()) {
        c.err("address", format!("`{address}` is not host:port"));
    }
    Some(Spec::Tcp(TcpSpec { address, latency: latency(c, raw) }))
}

fn describe(m: &Monitor) -> Described {
    let Spec::Tcp(t) = &m.spec else { return Described::default() };
    (format!("tcp {}", t.address), vec![limits_text("", t.latency, secs)])
}

pub(crate) fn check(_ctx: &CheckCtx<'_>, spec: &TcpSpec, timeout: Duration) -> Result<CheckOutput> {
    // A little less than the monitor's timeout, so this check's own answer comes first.
    let timeout = timeout.saturating_sub(Duration::from_millis(100)).max(Duration::from_millis(100));
    let start = Instant::now();
    let addrs: Vec<_> =
        spec.address.to_socket_addrs().with_context(|| format!("cannot resolve {}", spec.address))?.collect();
    let mut last_err = None;
    for addr in &addrs {
        let left = timeout.saturating_sub(start.elapsed());
        if left.is_zero() {
            break;
        }
        match TcpStream::connect_timeout(addr, left) {
            Ok(_) => {
                let took = start.elapsed().as_secs_f64();
                let time = Metric::new("time", took, "s").limits(spec.latency);
                let message = format!("connected to {} ({addr}) in {:.1} ms", spec.address, took * 1000.0);
                return Ok(CheckOutput::from_metrics(message, vec![time]));
            }
            Err(e) => last_err = Some(e),
        }
    }
    let why = last_err.map_or_else(|| "no address".to_string(), |e| e.to_string());
    Ok(CheckOutput {
        status: Status::Critical,
        message: format!("cannot connect to {}: {why}", spec.address),
        metrics: vec![Metric::new("time", start.elapsed().as_secs_f64(), "s")],
        ..Default::default()
    })
}
