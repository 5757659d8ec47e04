//! The health score: 0–100 for each monitor and for the host, so a
//! dashboard or a fleet query can rank hosts by one number.
//!
//! A monitor's score starts from its status: critical 0, unknown 25,
//! warning 50. An ok monitor scores 75–100 by its *headroom*: how far its
//! closest metric is from its critical level (a disk 90% full with crit 95
//! is ok, but not as healthy as one 10% full). Recovery counts too: each
//! restart of the monitor's worker in the last 24 h costs 5 points, at
//! most 25, since a worker that keeps dying is not healthy even while it
//! runs.
//!
//! The host's score is the weighted mean of its monitors': workers
//! (process, heartbeat, sqlite, tmux) weigh 3, since their availability
//! is what the host is for; disk and memory 2; cpu and load 1. It is then
//! capped so that it never reads better than the worst monitor allows:
//! anything critical caps it at 49, anything warning or unknown at 89.

use crate::check::CheckResult;
use crate::status::Status;

/// The weight of a monitor kind in the host score.
pub(crate) fn weight(kind: &str) -> f64 {
    match kind {
        "process" | "heartbeat" | "sqlite" | "tmux" => 3.0,
        "disk" | "memory" => 2.0,
        _ => 1.0,
    }
}

/// How far the closest metric with a critical level is from it, 0–1.
fn headroom(r: &CheckResult) -> f64 {
    r.metrics
        .iter()
        .filter_map(|m| {
            let crit = m.crit.filter(|c| *c > 0.0)?;
            Some(((crit - m.value) / crit).clamp(0.0, 1.0))
        })
        .fold(1.0, f64::min)
}

/// One monitor's score, given its restarts in the last 24 h.
pub(crate) fn monitor_score(r: &CheckResult, restarts_24h: usize) -> f64 {
    let base = match r.status {
        Status::Critical => 0.0,
        Status::Unknown => 25.0,
        Status::Warning => 50.0,
        Status::Ok => 75.0 + 25.0 * headroom(r),
    };
    let penalty = (5.0 * restarts_24h as f64).min(25.0);
    ((base - penalty).max(0.0) * 10.0).round() / 10.0
}

/// The host's score from (kind, status, monitor score) triples; 100 with
/// no monitors.
pub(crate) fn host_score(monitors: &[(&str, Status, f64)]) -> f64 {
    let total: f64 = monitors.iter().map(|(k, _, _)| weight(k)).sum();
    if total == 0.0 {
        return 100.0;
    }
    let mean = monitors.iter().map(|(k, _, s)| weight(k) * s).sum::<f64>() / total;
    let worst = Status::worst_of(monitors.iter().map(|(_, s, _)| *s));
    let cap = match worst {
        Status::Critical => 49.0,
        Status::Warning | Status::Unknown => 89.0,
        Status::Ok => 100.0,
    };
    (mean.min(cap) * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Metric;
    use crate::config::Limits;

    fn result(kind: &str, status: Status, metrics: Vec<Metric>) -> CheckResult {
        CheckResult { metrics, ..CheckResult::stated("m", kind, status, String::new()) }
    }

    #[test]
    fn ok_monitors_score_by_headroom_to_their_critical_level() {
        let idle = result("disk", Status::Ok, vec![Metric::new("space", 10.0, "%").limits(Limits::new(85.0, 100.0))]);
        let full = result("disk", Status::Ok, vec![Metric::new("space", 80.0, "%").limits(Limits::new(85.0, 100.0))]);
        assert_eq!(monitor_score(&idle, 0), 97.5);
        assert_eq!(monitor_score(&full, 0), 80.0);
        assert_eq!(monitor_score(&result("cpu", Status::Ok, vec![]), 0), 100.0);
    }

    #[test]
    fn status_sets_the_base_and_restarts_cost_points() {
        assert_eq!(monitor_score(&result("process", Status::Critical, vec![]), 0), 0.0);
        assert_eq!(monitor_score(&result("process", Status::Warning, vec![]), 0), 50.0);
        assert_eq!(monitor_score(&result("process", Status::Unknown, vec![]), 0), 25.0);
        assert_eq!(monitor_score(&result("process", Status::Ok, vec![]), 2), 90.0);
        assert_eq!(monitor_score(&result("process", Status::Ok, vec![]), 50), 75.0, "at most 25 points");
    }

    #[test]
    fn the_host_score_is_weighted_and_capped_by_the_worst() {
        assert_eq!(host_score(&[]), 100.0);
        let healthy = [("process", Status::Ok, 100.0), ("cpu", Status::Ok, 80.0)];
        assert_eq!(host_score(&healthy), 95.0);
        // One dead worker among many healthy figures: well under 50.
        let dead = [("process", Status::Critical, 0.0), ("cpu", Status::Ok, 100.0), ("disk", Status::Ok, 100.0)];
        assert_eq!(host_score(&dead), 49.0);
        let dead_only = [("process", Status::Critical, 0.0), ("cpu", Status::Ok, 100.0)];
        assert_eq!(host_score(&dead_only), 25.0);
        assert_eq!(host_score(&[("cpu", Status::Warning, 50.0), ("load", Status::Ok, 100.0)]), 75.0);
    }
}
