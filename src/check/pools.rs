//! A pool's summary (`instances = N`): its instances' results folded back
//! into one line's worth of data, for `hm check`, `hm status` and their
//! JSON (`pools`), beside each instance's own row, and for the pool's one
//! alert (`alert::pools`).

use crate::config::instances;
use crate::status::Status;
use serde::Serialize;

/// One pool: how many of its instances run, and which do not.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub(crate) struct PoolSummary {
    /// The pool's name; its instances are `POOL@1` … `POOL@N`.
    pub pool: String,
    /// The worst status of its instances.
    pub status: Status,
    pub instances: usize,
    /// Instances not critical or unknown (a warning, high CPU say, still runs).
    pub running: usize,
    /// The instances that are critical or unknown, in instance order.
    pub down: Vec<String>,
    /// The instances stopped on purpose (`hm stop-worker`): not running,
    /// and not down either.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stopped: Vec<String>,
}

/// At most this many instances are named in a pool's line.
const NAMED: usize = 10;

impl PoolSummary {
    /// "api: 97 of 100 running (api@7, api@31, api@64 down)".
    pub(crate) fn line(&self) -> String {
        let mut line = format!("{}: {} of {} running", self.pool, self.running, self.instances);
        if !self.down.is_empty() {
            let mut named = self.down.iter().take(NAMED).map(String::as_str).collect::<Vec<_>>().join(", ");
            if self.down.len() > NAMED {
                named.push_str(&format!(" and {} more", self.down.len() - NAMED));
            }
            line.push_str(&format!(" ({named} down)"));
        }
        if !self.stopped.is_empty() {
            line.push_str(&format!(", {} stopped on purpose", self.stopped.len()));
        }
        line
    }

    /// Count `name`, which its check found ok, as stopped on purpose.
    pub(crate) fn stopped(&mut self, name: &str) {
        if !self.down.iter().any(|d| d == name) {
            self.running = self.running.saturating_sub(1);
        }
        self.stopped.push(name.to_string());
    }
}

/// Count each of `names`, instances stopped on purpose whose check found
/// them ok, as stopped in its pool.
pub(crate) fn mark_stopped<'a>(pools: &mut [PoolSummary], names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        let Some((pool, _)) = instances::split(name) else { continue };
        if let Some(p) = pools.iter_mut().find(|p| p.pool == pool) {
            p.stopped(name);
        }
    }
}

/// The pools among `rows` (a monitor's name and status), in the order
/// their first instance comes; empty when there is none.
pub(crate) fn pools<'a>(rows: impl IntoIterator<Item = (&'a str, Status)>) -> Vec<PoolSummary> {
    let mut out: Vec<PoolSummary> = Vec::new();
    for (name, status) in rows {
        let Some((pool, _)) = instances::split(name) else { continue };
        let at = match out.iter().position(|p| p.pool == pool) {
            Some(at) => at,
            None => {
                let empty = PoolSummary {
                    pool: pool.into(),
                    status: Status::Ok,
                    instances: 0,
                    running: 0,
                    down: Vec::new(),
                    stopped: Vec::new(),
                };
                out.push(empty);
                out.len() - 1
            }
        };
        let p = &mut out[at];
        p.instances += 1;
        p.status = p.status.worst(status);
        if matches!(status, Status::Critical | Status::Unknown) {
            p.down.push(name.to_string());
        } else {
            p.running += 1;
        }
    }
    out
}
