//! `tcp`: a connection to `host:port` opens within the monitor's timeout;
//! the connect time is judged against the latency levels.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::tcp`.

use super::{AddHelp, Described, Flag, Kind, latency, limits_text, secs};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};

/// `tcp`: a connect to `host:port`, and its latency.
#[derive(Debug, Clone)]
pub(crate) struct TcpSpec {
    pub address: String,
    /// Latency levels, seconds.
    pub latency: Limits,
}

pub(crate) static KIND: Kind = Kind {
    name: "tcp",
    keys: &["address", "warn", "crit", "worker"],
    add: AddHelp {
        about: "A TCP connect to host:port, and its latency",
        heading: "A tcp monitor",
        flags: &[
            Flag::text("address", "HOST:PORT", "host:port to connect to"),
            Flag::number("warn", "DURATION", "Warning latency, seconds or a duration (500ms)"),
            Flag::number("crit", "DURATION", "Critical latency"),
            Flag::text(
                "worker",
                "MONITOR",
                "The process monitor whose worker `hm heal` restarts when this is critical",
            ),
        ],
        examples: "Example:\n  hm add tcp postgres --address 127.0.0.1:5432 --warn 0.5 --crit 2",
    },
    validate: |c, raw, _| validate(c, raw),
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

pub(super) fn describe(t: &TcpSpec) -> Described {
    (format!("tcp {}", t.address), vec![limits_text("", t.latency, secs)])
}
