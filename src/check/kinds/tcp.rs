//! `tcp`: a connection to `host:port` opens within the monitor's timeout;
//! the connect time is judged against the latency levels.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::tcp`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::kinds::tcp::TcpSpec;
use crate::status::Status;
use anyhow::{Context, Result};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

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
