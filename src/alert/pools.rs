//! A pool raises one alert, not one per instance: before the state
//! machine sees a run's results, a pool's instances (`api@1` … `api@N`)
//! are folded into one result named for the pool (`api`), its worst
//! status, and a message naming the instances down ("api: 97 of 100
//! running (api@7, api@31, api@64 down)"). So a hundred deaths page once,
//! `hm alerts silence api` silences the pool, and the pool resolves when
//! every instance runs again.
//!
//! A run that checked only some of a pool's instances (the watcher's, for
//! the one that died) says nothing of the pool: the message would count
//! only those, and one instance back would resolve the pool's alert while
//! others are still down. The next full cycle tells it.

use crate::check::CheckResult;
use crate::check::pools::pools;
use crate::config::{Config, instances};
use std::borrow::Cow;

/// `results` with each pool's instances folded into one result for the
/// pool, at its first instance's place; a pool only part of which was
/// checked is left out. Without pools, `results` as they are.
pub(crate) fn grouped<'r>(config: &Config, results: &'r [CheckResult]) -> Cow<'r, [CheckResult]> {
    if !results.iter().any(|r| instances::split(&r.monitor).is_some()) {
        return Cow::Borrowed(results);
    }
    let summed = pools(results.iter().map(|r| (r.monitor.as_str(), r.status)));
    let configured = |pool: &str| {
        config
            .monitors
            .iter()
            .filter(|m| m.enabled && instances::split(&m.name).is_some_and(|(p, _)| p == pool))
            .count()
    };
    let mut out = Vec::with_capacity(results.len());
    let mut done = std::collections::HashSet::new();
    for r in results {
        let Some((pool, _)) = instances::split(&r.monitor) else {
            out.push(r.clone());
            continue;
        };
        if !done.insert(pool.to_string()) {
            continue;
        }
        let Some(p) = summed.iter().find(|p| p.pool == pool) else { continue };
        if p.instances < configured(pool) {
            continue;
        }
        // The worst instance speaks for the pool's kind.
        let worst = results
            .iter()
            .filter(|x| instances::split(&x.monitor).is_some_and(|(q, _)| q == pool))
            .find(|x| x.status == p.status)
            .unwrap_or(r);
        out.push(CheckResult {
            monitor: pool.to_string(),
            kind: worst.kind.clone(),
            status: p.status,
            message: p.line(),
            duration_ms: 0.0,
            metrics: Vec::new(),
            counters: Vec::new(),
            procs: Vec::new(),
            anomalies: Vec::new(),
        });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn result(monitor: &str, status: Status) -> CheckResult {
        CheckResult {
            monitor: monitor.into(),
            kind: "process".into(),
            status,
            message: String::new(),
            duration_ms: 1.0,
            metrics: Vec::new(),
            counters: Vec::new(),
            procs: Vec::new(),
            anomalies: Vec::new(),
        }
    }

    #[test]
    fn issue29_a_pool_is_one_alert_naming_its_instances_down_and_a_partial_run_says_nothing_of_it() {
        let text = "host_defaults = false\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\n\
                    pattern = \"^api {i}$\"\n[[monitor]]\nname = \"db\"\nkind = \"process\"\nprocess = \"db\"\n";
        let config = Config::parse("hm.toml", text).expect("valid");
        let all = [
            result("api@1", Status::Ok),
            result("api@2", Status::Critical),
            result("db", Status::Ok),
            result("api@3", Status::Critical),
        ];
        let g = grouped(&config, &all);
        let names: Vec<&str> = g.iter().map(|r| r.monitor.as_str()).collect();
        assert_eq!(names, ["api", "db"]);
        assert_eq!(g[0].status, Status::Critical);
        assert_eq!(g[0].message, "api: 1 of 3 running (api@2, api@3 down)");
        let partial = [result("api@2", Status::Ok)];
        assert!(grouped(&config, &partial).is_empty());
    }
}
