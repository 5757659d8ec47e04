//! The parsers that read text from outside hm, for the fuzz targets in
//! `fuzz/`: one narrow function per parser (`hm.toml`, Nagios plugin
//! output and ranges, durations and sizes, the requests `hm serve`
//! reads), returning plain data. Only
//! what is here is public, so the models behind them (the config, the
//! checks' metrics) stay `pub(crate)`, where `unreachable_pub` and the
//! dead-code warnings see them. Not a stable API: the library's one entry
//! point is [`crate::run`].

use crate::config::{Config, Origin};

/// What Nagios plugins print: perfdata items and threshold ranges, as data.
pub use crate::check::nagios::{Perf, Range};
/// Durations and sizes, the one parser of each for config values and flags.
pub use crate::units::{MAX_DURATION, MAX_SIZE, format_bytes, format_duration, parse_duration, parse_size, secs};

/// A plugin's perfdata (`'label'=value[UOM];[warn];[crit];[min];[max]`).
pub fn perfdata(text: &str) -> Vec<Perf> {
    crate::check::nagios::perfdata(text)
}

/// A plugin's whole output: the message (its first line's text) and all
/// its perfdata.
pub fn output(stdout: &str) -> (String, Vec<Perf>) {
    crate::check::nagios::output(stdout)
}

/// What hm records of a perfdata item: its value and levels in hm's units
/// (seconds, bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaled {
    pub value: f64,
    pub warn: Option<f64>,
    pub crit: Option<f64>,
}

/// A perfdata item as hm records it.
pub fn metric(p: &Perf) -> Scaled {
    let m = crate::check::nagios::metric(p);
    Scaled { value: m.value, warn: m.warn, crit: m.crit }
}

/// The most bytes hm's HTTP server holds of one connection's request
/// before it must answer (the request line and headers, then a body).
pub const HTTP_MAX_PENDING: usize = crate::serve::request::MAX_PENDING;

/// What hm's HTTP server makes of the bytes a connection sent so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpRequest {
    /// More bytes are needed.
    Partial,
    /// A whole request, and how many bytes of the buffer it took.
    Done {
        method: String,
        /// The target as sent: path and query.
        target: String,
        /// The target without its query, %-decoded once, as the endpoints route it.
        path: String,
        authorization: Option<String>,
        keep_alive: bool,
        used: usize,
    },
    /// Refused with this status, and the connection closed.
    Refused(u16),
}

/// The request at the start of `buf`, as `hm serve` reads it.
pub fn http_request(buf: &[u8]) -> HttpRequest {
    use crate::serve::request::{Parsed, parse};
    match parse(buf) {
        Parsed::Partial => HttpRequest::Partial,
        Parsed::Done(r, used) => HttpRequest::Done {
            path: r.path().to_string(),
            method: r.method,
            target: r.target,
            authorization: r.authorization,
            keep_alive: r.keep_alive,
            used,
        },
        Parsed::Refused(reply) => HttpRequest::Refused(reply.status),
    }
}

/// What a config that loads holds, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The names of the monitors the file defines, in its order.
    pub configured: Vec<String>,
    /// Every monitor's name, the embedded host monitors' too.
    pub names: Vec<String>,
    /// How many `[[clean]]` rules.
    pub clean: usize,
    /// How many `[[channel]]`s.
    pub channels: usize,
}

/// One problem of a config that does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The file, as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// `hm.toml` as every subcommand reads it, from `text` said to be `file`:
/// what loaded, or every issue and the one line hm prints for them.
pub fn config(file: &str, text: &str) -> Result<Loaded, (Vec<Issue>, String)> {
    match Config::parse(file, text) {
        Ok(c) => Ok(Loaded {
            configured: c.monitors.iter().filter(|m| m.origin == Origin::Config).map(|m| m.name.clone()).collect(),
            names: c.monitors.iter().map(|m| m.name.clone()).collect(),
            clean: c.clean.len(),
            channels: c.channels.len(),
        }),
        Err(errors) => {
            let line = errors.to_string();
            let issues =
                errors.0.into_iter().map(|i| Issue { file: i.file, line: i.line, message: i.message }).collect();
            Err((issues, line))
        }
    }
}
