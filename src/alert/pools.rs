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
//!
//! An instance in a maintenance window is left out of its pool's alert
//! ("…, 1 in maintenance"), as a monitor in one is left out of alerting:
//! taking `api@3` down for an hour must not page for `api`, and another
//! instance dying meanwhile still must.

use super::healed::{Fixed, Seen};
use crate::check::CheckResult;
use crate::check::pools::pools;
use crate::config::{Config, instances};
use std::borrow::Cow;

/// `results` with each pool's instances folded into one result for the
/// pool, at its first instance's place, less the instances `resting` says
/// are in a maintenance window; a pool only part of which was checked is
/// left out. Without pools, `results` as they are.
pub(crate) fn grouped<'r>(
    config: &Config,
    results: &'r [CheckResult],
    resting: &dyn Fn(&str) -> bool,
) -> Cow<'r, [CheckResult]> {
    if !results.iter().any(|r| instances::split(&r.monitor).is_some()) {
        return Cow::Borrowed(results);
    }
    let resting_in = |pool: &str| {
        results
            .iter()
            .filter(|r| instances::split(&r.monitor).is_some_and(|(p, _)| p == pool) && resting(&r.monitor))
            .count()
    };
    let summed = pools(results.iter().filter(|r| !resting(&r.monitor)).map(|r| (r.monitor.as_str(), r.status)));
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
        // Every instance resting: nothing to say of the pool.
        let Some(p) = summed.iter().find(|p| p.pool == pool) else { continue };
        let resting = resting_in(pool);
        if p.instances + resting < configured(pool) {
            continue;
        }
        // The worst instance speaks for the pool's kind.
        let worst = results
            .iter()
            .filter(|x| instances::split(&x.monitor).is_some_and(|(q, _)| q == pool))
            .find(|x| x.status == p.status)
            .unwrap_or(r);
        let mut line = p.line();
        if resting > 0 {
            line.push_str(&format!(", {resting} in maintenance"));
        }
        out.push(CheckResult::stated(pool, worst.kind.clone(), p.status, line));
    }
    Cow::Owned(out)
}

/// `fixed` with the instances of one pool that one remedy fixed alike
/// told together: one `healed` for the pool, naming them ("restarted
/// api@7, api@31"), not a notification per instance. A pool with one
/// instance fixed keeps its own, with its death.
pub(crate) fn fold_fixed(fixed: &[Fixed]) -> Cow<'_, [Fixed]> {
    let key = |f: &Fixed| instances::split(&f.monitor).map(|(p, _)| (p.to_string(), f.heal.remedy.clone()));
    let together = |f: &Fixed| fixed.iter().filter(|g| key(g).is_some() && key(g) == key(f)).count();
    if !fixed.iter().any(|f| together(f) > 1) {
        return Cow::Borrowed(fixed);
    }
    let mut out: Vec<Fixed> = Vec::with_capacity(fixed.len());
    let mut done = std::collections::HashSet::new();
    for f in fixed {
        let Some((pool, remedy)) = key(f).filter(|_| together(f) > 1) else {
            out.push(f.clone());
            continue;
        };
        if !done.insert((pool.clone(), remedy.clone())) {
            continue;
        }
        let group: Vec<&Fixed> = fixed.iter().filter(|g| key(g) == Some((pool.clone(), remedy.clone()))).collect();
        let names: Vec<&str> = group.iter().map(|g| g.monitor.as_str()).collect();
        let mut heal = f.heal.clone();
        heal.details =
            group.iter().map(|g| format!("{}: {}", g.monitor, g.heal.details)).collect::<Vec<_>>().join("; ");
        heal.before =
            Seen { status: f.heal.before.status, message: format!("{} down: {}", names.len(), names.join(", ")) };
        heal.after = group.iter().all(|g| g.heal.after.is_some()).then(|| Seen {
            status: group.iter().fold(crate::status::Status::Ok, |w, g| {
                w.worst(g.heal.after.as_ref().map_or(crate::status::Status::Ok, |a| a.status))
            }),
            message: format!("{} {}", names.len(), heal.outcome),
        });
        out.push(Fixed { monitor: pool, kind: f.kind.clone(), checked_at: f.checked_at.clone(), heal });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn result(monitor: &str, status: Status) -> CheckResult {
        CheckResult { duration_ms: 1.0, ..CheckResult::stated(monitor, "process", status, String::new()) }
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
        let g = grouped(&config, &all, &|_| false);
        let names: Vec<&str> = g.iter().map(|r| r.monitor.as_str()).collect();
        assert_eq!(names, ["api", "db"]);
        assert_eq!(g[0].status, Status::Critical);
        assert_eq!(g[0].message, "api: 1 of 3 running (api@2, api@3 down)");
        let partial = [result("api@2", Status::Ok)];
        assert!(grouped(&config, &partial, &|_| false).is_empty());
        // api@2 and api@3 in maintenance: the pool is its one running instance.
        let rest = grouped(&config, &all, &|m| m == "api@2" || m == "api@3");
        assert_eq!((rest[0].status, rest[0].message.as_str()), (Status::Ok, "api: 1 of 1 running, 2 in maintenance"));
        let some = grouped(&config, &all, &|m| m == "api@3");
        assert_eq!(some[0].message, "api: 1 of 2 running (api@2 down), 1 in maintenance");
        assert_eq!(some[0].status, Status::Critical);
    }

    fn fixed(monitor: &str) -> Fixed {
        let seen = |status| Seen { status, message: String::new() };
        Fixed {
            monitor: monitor.into(),
            kind: "process".into(),
            checked_at: String::new(),
            heal: crate::alert::healed::Heal {
                remedy: "restart".into(),
                outcome: "restarted".into(),
                details: format!("started {monitor}"),
                before: seen(Status::Critical),
                after: Some(seen(Status::Ok)),
                bytes_freed: None,
                files_deleted: None,
            },
        }
    }

    #[test]
    fn issue29_a_pools_instances_healed_together_are_told_once() {
        let all = [fixed("api@7"), fixed("db"), fixed("api@31"), fixed("web@2")];
        let told = fold_fixed(&all);
        let names: Vec<&str> = told.iter().map(|f| f.monitor.as_str()).collect();
        assert_eq!(names, ["api", "db", "web@2"]);
        assert_eq!(told[0].heal.before.message, "2 down: api@7, api@31");
        assert_eq!(told[0].heal.details, "api@7: started api@7; api@31: started api@31");
        assert_eq!(told[0].heal.after.as_ref().map(|a| a.status), Some(Status::Ok));
    }
}
