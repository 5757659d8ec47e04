//! Which results go into history (`checks`): all of them, except a pool
//! instance's result that says what its last one said.
//!
//! History is indexed by monitor, then time, so a cycle that writes a row
//! for each of a pool's thousand instances writes into a thousand places
//! of that index: once a few hours of history exist, a thousand pages, 4
//! MiB written to the WAL and again to the database by the checkpoint,
//! every cycle. That was half of an `hm check` on such a pool (record 25
//! to 30 ms, checkpoint 25 to 35 ms), and a week's history at a 30 s
//! interval would be about 5 GB. So an instance's result goes into
//! `checks` when its status or message changed (a death, a restart: the
//! message names the pid), and otherwise once every [`EVERY`], each
//! instance at its own moment within that period so the rows of a pool
//! spread over its cycles. Its latest result (`latest`, what `hm status`,
//! `/metrics` and the dashboard show) is written at every check still.
//! Other monitors, a pool's heartbeats and vouching checks among them
//! (a restart's grace ends on a row of its vouching check), keep a row per
//! check.

use crate::check::CheckResult;
use crate::store::{Mark, said};
use std::collections::HashMap;
use std::time::Duration;

/// How often an unchanged pool instance's result still goes into history.
pub(crate) const EVERY: Duration = Duration::from_secs(300);

/// Whether each of `results` is written to history, by index, given the
/// `marks` of what history last kept.
pub(super) fn logged(results: &[CheckResult], marks: &HashMap<String, Mark>, now: f64) -> Vec<bool> {
    results.iter().map(|r| log_one(r, marks.get(&r.monitor), now)).collect()
}

fn log_one(r: &CheckResult, mark: Option<&Mark>, now: f64) -> bool {
    let Some((_, i)) = crate::config::instances::split(&r.monitor) else { return true };
    if r.kind != "process" {
        return true;
    }
    let Some(Mark { said: Some(before), logged: Some(logged) }) = mark else { return true };
    if *before != said(r.status, &r.message) || *logged > now {
        return true;
    }
    // Instance i's period starts at its own phase, so that a thousand
    // instances do not all come due in the same cycle.
    let every = EVERY.as_secs_f64();
    let phase = (f64::from(i) * 0.618_033_988_75).fract() * every;
    ((now - phase) / every).floor() != ((logged - phase) / every).floor()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn result(monitor: &str, kind: &str, status: Status, message: &str) -> CheckResult {
        CheckResult::stated(monitor.to_string(), kind.to_string(), status, message.to_string())
    }

    fn mark(status: Status, message: &str, logged: f64) -> Mark {
        Mark { said: Some(said(status, message)), logged: Some(logged) }
    }

    #[test]
    fn an_unchanged_instance_is_logged_once_a_period_and_any_change_at_once() {
        let now = 1_000_000.0;
        let ok = result("api@7", "process", Status::Ok, "1 running (pid 10)");
        let marks = HashMap::from([("api@7".to_string(), mark(Status::Ok, "1 running (pid 10)", now - 1.0))]);
        assert!(logged(std::slice::from_ref(&ok), &HashMap::new(), now)[0], "never logged: logged");
        let due: Vec<f64> = (0..700)
            .filter(|s| logged(std::slice::from_ref(&ok), &marks, now + f64::from(*s))[0])
            .map(f64::from)
            .collect();
        assert!(!due.is_empty() && due[0] < EVERY.as_secs_f64(), "due within a period: {due:?}");
        assert!(!logged(std::slice::from_ref(&ok), &marks, now)[0], "unchanged, just logged: not logged");
        for changed in [
            result("api@7", "process", Status::Critical, "1 running (pid 10)"),
            result("api@7", "process", Status::Ok, "1 running (pid 11)"),
        ] {
            assert!(logged(&[changed], &marks, now)[0], "a change is logged at once");
        }
        let back = HashMap::from([("api@7".to_string(), mark(Status::Ok, "1 running (pid 10)", now + 60.0))]);
        assert!(logged(std::slice::from_ref(&ok), &back, now)[0], "logged in the future (a clock set back): logged");
    }

    #[test]
    fn other_monitors_are_logged_at_every_check() {
        let now = 1_000_000.0;
        for (name, kind) in [("api", "process"), ("beat@7", "heartbeat"), ("web@2", "http"), ("cpu", "cpu")] {
            let r = result(name, kind, Status::Ok, "fine");
            let marks = HashMap::from([(name.to_string(), mark(Status::Ok, "fine", now - 1.0))]);
            assert!(logged(&[r], &marks, now)[0], "{name}");
        }
    }

    #[test]
    fn a_pool_spreads_its_rows_over_the_period() {
        // 1000 instances checked every 30 s, all logged at the start: each
        // later cycle logs about a tenth, never all at once.
        let start = 1_000_000.0;
        let results: Vec<CheckResult> =
            (1..=1000).map(|i| result(&format!("api@{i}"), "process", Status::Ok, "1 running")).collect();
        let mut marks: HashMap<String, Mark> =
            results.iter().map(|r| (r.monitor.clone(), mark(Status::Ok, "1 running", start))).collect();
        for cycle in 1..=20 {
            let now = start + 30.0 * f64::from(cycle);
            let due = logged(&results, &marks, now);
            let n = due.iter().filter(|d| **d).count();
            assert!((40..=200).contains(&n), "cycle {cycle}: {n} of 1000 logged");
            for (r, d) in results.iter().zip(due) {
                if d {
                    marks.insert(r.monitor.clone(), mark(Status::Ok, "1 running", now));
                }
            }
        }
    }
}
