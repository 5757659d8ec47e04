//! `deaths.doc`: a worker's death certificate, as stored.
//! Every field is optional, so a row written by this version reads in any
//! later one; the certificate ([`Death`], a plain type below the store) is
//! converted from and to it here only.

use crate::host::death::Death;
use serde::{Deserialize, Serialize};

/// One row of `deaths.doc`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct DeathRow {
    monitor: String,
    at: String,
    ts: f64,
    pid: u32,
    uptime_s: Option<f64>,
    cause: String,
    exit_code: Option<i32>,
    signal: Option<String>,
    core_dumped: bool,
    status_from: String,
    status_note: Option<String>,
    oom: Option<String>,
    oom_note: Option<String>,
    rss: Option<f64>,
    cpu: Option<f64>,
    rss_trend: Vec<f64>,
    cpu_trend: Vec<f64>,
    log: Option<String>,
    tail: Vec<String>,
    tail_note: Option<String>,
    restarts_24h: usize,
}

impl From<&Death> for DeathRow {
    fn from(d: &Death) -> DeathRow {
        let d = d.clone();
        DeathRow {
            monitor: d.monitor,
            at: d.at,
            ts: d.ts,
            pid: d.pid,
            uptime_s: d.uptime_s,
            cause: d.cause,
            exit_code: d.exit_code,
            signal: d.signal,
            core_dumped: d.core_dumped,
            status_from: d.status_from,
            status_note: d.status_note,
            oom: d.oom,
            oom_note: d.oom_note,
            rss: d.rss,
            cpu: d.cpu,
            rss_trend: d.rss_trend,
            cpu_trend: d.cpu_trend,
            log: d.log,
            tail: d.tail,
            tail_note: d.tail_note,
            restarts_24h: d.restarts_24h,
        }
    }
}

impl From<DeathRow> for Death {
    fn from(r: DeathRow) -> Death {
        Death {
            monitor: r.monitor,
            at: r.at,
            ts: r.ts,
            pid: r.pid,
            uptime_s: r.uptime_s,
            cause: r.cause,
            exit_code: r.exit_code,
            signal: r.signal,
            core_dumped: r.core_dumped,
            status_from: r.status_from,
            status_note: r.status_note,
            oom: r.oom,
            oom_note: r.oom_note,
            rss: r.rss,
            cpu: r.cpu,
            rss_trend: r.rss_trend,
            cpu_trend: r.cpu_trend,
            log: r.log,
            tail: r.tail,
            tail_note: r.tail_note,
            restarts_24h: r.restarts_24h,
        }
    }
}
