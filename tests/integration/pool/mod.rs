//! Pools (`instances = N`): each instance is its own monitor. Real
//! workers started by the real binary, real `kill -9`, real SIGHUP.

mod history;
mod http;
mod kill_one;
mod limits;
mod names;
mod roll;
mod scale;
mod scenario;
mod summary;

use crate::common::procs;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Kills what hm started under `prefix` when the test ends, passed or not.
pub(crate) struct Reap(pub &'static str);

impl Drop for Reap {
    fn drop(&mut self) {
        kill9(&procs(self.0));
    }
}

pub(crate) fn kill9(pids: &[i32]) {
    for pid in pids {
        let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
    }
}

/// A pool `api` of `n` workers whose argv\[0\] is `PREFIX-i`, each
/// `sleep 600`; `extra` is appended to its table.
pub(crate) fn pool(prefix: &str, n: u32, extra: &str) -> String {
    format!(
        "host_defaults = false\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = {n}\n\
         pattern = \"^{prefix}-{{i}} \"\nstart = [\"bash\", \"-c\", \"exec -a '{prefix}-{{i}} w' sleep 600\"]\n\
         restart_delay = \"100ms\"\n{extra}"
    )
}

/// Instance number → pid of the workers running under `prefix`.
pub(crate) fn pids(prefix: &str) -> BTreeMap<u32, Vec<i32>> {
    let mut out: BTreeMap<u32, Vec<i32>> = BTreeMap::new();
    for pid in procs(&format!("{prefix}-")) {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let text = String::from_utf8_lossy(&cmdline);
        let Some(i) = text.strip_prefix(&format!("{prefix}-")).and_then(|r| r.split(' ').next()) else { continue };
        if let Ok(i) = i.parse() {
            out.entry(i).or_default().push(pid);
        }
    }
    out
}

/// Wait up to `within` for `cond`; whether it came.
pub(crate) fn within(within: Duration, cond: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while !cond() {
        if start.elapsed() > within {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// Whether each of instances 1..=n runs exactly one worker, and no other runs.
pub(crate) fn exactly(prefix: &str, n: u32) -> bool {
    let p = pids(prefix);
    p.len() == n as usize && (1..=n).all(|i| p.get(&i).is_some_and(|v| v.len() == 1))
}
