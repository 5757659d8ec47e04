//! A reload that changes a pool's `instances`: the instances above the new
//! N are stopped (their worker stopped as `hm stop-worker` would, but not
//! held: the monitor is gone), each recorded in the actions table intent
//! first as `scale-down`; the new ones are found down by the next cycle
//! and started by the heal, as any worker that is not running.
//!
//! Only the instances of a pool that is still configured are stopped: a
//! removed monitor's worker is left running, as it always was (hm stops
//! watching what it no longer knows; a pool made smaller asks for fewer).

use super::Engine;
use super::intent::{Intent, intend_one, store_to_act};
use super::restart::restartable;
use crate::check::runner::proc_needs;
use crate::config::{Config, Monitor, instances};
use crate::store::{ActionKind, ActionOutcome};
use anyhow::Result;

/// The instances `old` had and `new` has not, of the pools `new` still has.
pub(crate) fn retired<'o>(old: &'o Config, new: &Config) -> Vec<&'o Monitor> {
    let pool_of = |name: &str| instances::split(name).map(|(p, _)| p.to_string());
    let kept: std::collections::HashSet<&str> = new.monitors.iter().map(|m| m.name.as_str()).collect();
    let pools: std::collections::HashSet<String> = new.monitors.iter().filter_map(|m| pool_of(&m.name)).collect();
    old.monitors
        .iter()
        .filter(|m| !kept.contains(m.name.as_str()))
        .filter(|m| pool_of(&m.name).is_some_and(|p| pools.contains(&p)))
        .collect()
}

impl Engine {
    /// Stop the workers of the instances `new` no longer has (by `old`,
    /// which knows how); one line each saying what was done.
    pub(crate) fn scale_down(&self, old: &Config, new: &Config) -> Result<Vec<String>> {
        let gone = retired(old, new);
        if gone.is_empty() {
            return Ok(Vec::new());
        }
        let store = store_to_act(self.ctx(), new)?;
        let _lock = crate::lock::acquire(&self.ctx().db_path(new), crate::lock::WAIT)?;
        let mut said = Vec::with_capacity(gone.len());
        for m in gone {
            let Ok((spec, r)) = restartable(m) else { continue };
            let old_pids = self.running_now(m, spec)?;
            let pids: Vec<u32> = old_pids.iter().map(|p| p.pid).collect();
            let intent = Intent {
                details: "its pool has fewer instances now".into(),
                ..Intent::new(&m.name, ActionKind::ScaleDown, format!("stop pids {pids:?}"))
            };
            let pending = intend_one(&store, intent)?;
            let host = self.host(proc_needs([m]));
            let mut steps = crate::remedy::stop_worker::stop(host.as_ref(), r, &old_pids);
            let left: Vec<u32> = self.running_now(m, spec)?.iter().map(|p| p.pid).collect();
            let outcome = if left.is_empty() { ActionOutcome::Ok } else { ActionOutcome::Failed };
            if !left.is_empty() {
                steps.push(format!("still running: {left:?}"));
            }
            let line = format!("{}: its pool has fewer instances now: {}", m.name, steps.join("; "));
            pending.finish(outcome, &steps.join("; "))?;
            said.push(line);
        }
        Ok(said)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn pool(n: u32) -> Config {
        let text = format!(
            "[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = {n}\npattern = \"^api {{i}}$\"\nstart = [\"/bin/api\"]\n"
        );
        Config::parse("hm.toml", &text).expect("valid")
    }

    #[test]
    fn issue29_a_smaller_pool_retires_the_instances_above_it_and_a_removed_pool_none() {
        let names = |old: &Config, new: &Config| -> Vec<String> {
            super::retired(old, new).iter().map(|m| m.name.clone()).collect()
        };
        assert_eq!(names(&pool(12), &pool(8)), ["api@9", "api@10", "api@11", "api@12"]);
        assert!(names(&pool(8), &pool(12)).is_empty());
        assert!(names(&pool(12), &Config::embedded()).is_empty());
    }
}
