//! Text of `hm stop-worker`, `hm start-worker`, `hm monitor pause` and
//! `hm monitor resume`: the steps, then one line saying what holds now.

use crate::engine::report::{HoldReport, PoolHoldReport};
use crate::text::escape as esc;

pub(super) fn hold(r: &HoldReport) -> String {
    let mut out: String = r.steps.iter().map(|s| format!("  {}\n", esc(s))).collect();
    let pids = |p: &[u32]| if p.is_empty() { "none".to_string() } else { format!("{p:?}") };
    let until = r.until.as_ref().map_or(String::new(), |u| format!(" until {u}"));
    out.push_str(&format!(
        "{}: {}{until} by {} (before: {}, after: {})\n",
        esc(&r.monitor),
        esc(&r.outcome),
        esc(&r.by),
        pids(&r.old_pids),
        pids(&r.new_pids)
    ));
    out
}

/// Each instance's lines, then one for the pool.
pub(super) fn pool(r: &PoolHoldReport) -> String {
    let mut out: String = r.holds.iter().map(hold).collect();
    let done = r.holds.len() - r.failed.len();
    let verb = if r.holds.iter().any(|h| h.dry_run) { "would be done" } else { "done" };
    out.push_str(&format!("{}: {} {verb} on {done} of {} instances", esc(&r.pool), r.action, r.holds.len()));
    if !r.failed.is_empty() {
        out.push_str(&format!("; failed: {}", esc(&r.failed.join(", "))));
    }
    out.push('\n');
    out
}
