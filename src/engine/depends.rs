//! Dependencies in the cycle and the heal: a monitor with
//! `depends_on = ["db"]` waits for `db`. While `db` is not ok, a failing
//! dependent is the consequence, not a cause: its own check still runs
//! and is recorded (its message keeps what it found, its metrics are
//! kept), but its status is `unknown`, "waiting for db (critical)", and
//! it is neither alerted (the alerts leave it as it was) nor healed (its
//! plan is nothing). A dependent that is ok stays ok: it is fine, and
//! saying so hides nothing.
//!
//! A heal restarts the dependencies first; once they are verified, the
//! dependents that waited for them are checked again and healed in the
//! same heal ([`Engine::heal_dependents`]), so `db` comes back before
//! `api` is restarted against it.

use super::heal::{Done, Plan, plan};
use super::{DryRun, Engine};
use crate::check::CheckResult;
use crate::config::Config;
use crate::status::Status;
use crate::store::Store;
use anyhow::Result;
use std::time::Instant;

/// Mark each non-ok result whose monitor waits for a monitor that is not
/// ok. A dependency's status is its result in this run (after its own
/// wait: a chain waits all the way down), else its latest recorded (a run
/// of only some monitors); a disabled or never checked one holds nothing
/// back.
pub(super) fn gate(store: Option<&Store>, config: &Config, results: &mut [CheckResult]) {
    if config.monitors.iter().all(|m| m.depends_on.is_empty()) {
        return; // the usual config: nothing to look up
    }
    // A result marked waiting stays so, and its status stays non-ok, so
    // each pass only adds; a chain settles in at most its length.
    loop {
        let mut changed = false;
        for i in 0..results.len() {
            if results[i].status == Status::Ok || !results[i].waiting_for.is_empty() {
                continue;
            }
            let Some(m) = config.monitors.iter().find(|m| m.name == results[i].monitor) else { continue };
            let blocking: Vec<(String, Status)> = m
                .depends_on
                .iter()
                .filter_map(|d| status_of(store, config, results, d).map(|s| (d.clone(), s)))
                .filter(|(_, s)| *s != Status::Ok)
                .collect();
            if blocking.is_empty() {
                continue;
            }
            let r = &mut results[i];
            let own = format!("{}: {}", r.status, r.message);
            r.message = format!("{}; its own check: {own}", waiting_text(&blocking));
            r.status = Status::Unknown;
            r.waiting_for = blocking.into_iter().map(|(d, _)| d).collect();
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// `waiting for db (critical), queue (warning)`.
fn waiting_text(blocking: &[(String, Status)]) -> String {
    let each: Vec<String> = blocking.iter().map(|(d, s)| format!("{d} ({s})")).collect();
    format!("waiting for {}", each.join(", "))
}

/// The status of dependency `name`: this run's, else the latest recorded.
fn status_of(store: Option<&Store>, config: &Config, results: &[CheckResult], name: &str) -> Option<Status> {
    if let Some(r) = results.iter().find(|r| r.monitor == name) {
        return Some(r.status);
    }
    if !config.monitors.iter().any(|m| m.name == name && m.enabled) {
        // A pool's name: its worst instance, as its one summary row reads.
        let pool = config.pool(name);
        return pool.iter().filter_map(|m| status_of(store, config, results, &m.name)).reduce(Status::worst);
    }
    store.and_then(|s| s.latest_check(name).ok().flatten()).map(|l| l.status)
}

/// The plan of a result that waits: nothing, and why.
pub(super) fn waiting_plan(r: &CheckResult) -> Plan {
    Plan::Nothing(format!("waiting for {}: healed once it is ok", r.waiting_for.join(", ")))
}

impl Engine {
    /// After a heal's remedies are verified: the monitors that waited for
    /// one it acted on are checked again, and those no longer waiting are
    /// healed now, their lines in place of their "waiting" lines. Repeats
    /// while a round acts (a chain `api` → `db` → `disk`), at most once per
    /// monitor. Returns the results they were healed from (for the pairs
    /// of stalled workers and the report's `before`).
    pub(super) fn heal_dependents(
        &self,
        store: &Store,
        config: &Config,
        first: &[CheckResult],
        done: &mut Done,
        dry_run: DryRun,
    ) -> Result<Vec<CheckResult>> {
        let mut healed_from = Vec::new();
        let mut waiting: Vec<String> =
            first.iter().filter(|r| !r.waiting_for.is_empty()).map(|r| r.monitor.clone()).collect();
        while !waiting.is_empty() && done.not_acting.is_none() {
            let acted: Vec<&str> =
                done.remedies.iter().filter(|r| r.outcome.acted()).map(|r| r.monitor.as_str()).collect();
            let freed: Vec<String> = waiting
                .iter()
                .filter(|w| {
                    let m = config.monitors.iter().find(|m| &m.name == *w);
                    m.is_some_and(|m| m.depends_on.iter().any(|d| acted.contains(&d.as_str())))
                })
                .cloned()
                .collect();
            if freed.is_empty() {
                break;
            }
            waiting.retain(|w| !freed.contains(w));
            // Checked with their dependencies, whose verification was not
            // recorded as a check: each waits on what they are now.
            let mut names = freed.clone();
            for w in &freed {
                let deps = config.monitors.iter().find(|m| &m.name == w).map(|m| m.depends_on.clone());
                for d in deps.unwrap_or_default() {
                    if !names.contains(&d) {
                        names.push(d);
                    }
                }
            }
            let again = self.check_unsent(config, &names, Instant::now())?;
            // A dependent inside a maintenance window stays held.
            let plans: Vec<_> = super::maintenance::hold_heals(store, config, plan(config, &again.results))?
                .into_iter()
                .filter(|(m, p)| freed.contains(&m.name) && !matches!(p, Plan::Nothing(_)))
                .collect();
            if plans.is_empty() {
                continue;
            }
            let mut more = self.carry_out(store, config, &again.results, &plans, dry_run, &[]);
            for (slot, line) in self.verify_all(store, std::mem::take(&mut more.later)) {
                if let Some(r) = more.remedies.get_mut(slot) {
                    *r = line;
                }
            }
            // Each monitor's new lines take the place of its waiting line.
            for line in more.remedies {
                match done.remedies.iter().position(|r| r.monitor == line.monitor && !r.outcome.acted()) {
                    Some(at) => done.remedies[at] = line,
                    None => done.remedies.push(line),
                }
            }
            done.not_acting = done.not_acting.take().or(more.not_acting);
            healed_from.extend(again.results.into_iter().filter(|r| freed.contains(&r.monitor)));
        }
        Ok(healed_from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(name: &str, status: Status) -> CheckResult {
        CheckResult::stated(name, "cpu", status, "as found".into())
    }

    fn config() -> Config {
        let m = |n: &str, d: &str| format!("[[monitor]]\nname = \"{n}\"\nkind = \"cpu\"\ndepends_on = [{d}]\n\n");
        let text =
            format!("{}{}{}{}", m("api", "\"db\""), m("db", "\"disk1\""), m("disk1", ""), m("web", "\"db\", \"api\""));
        Config::parse("hm.toml", &text).expect("valid")
    }

    #[test]
    fn issue30_a_failing_dependent_waits_down_a_chain_and_an_ok_one_stays_ok() {
        let config = config();
        let mut rs = vec![
            result("api", Status::Critical),
            result("db", Status::Critical),
            result("disk1", Status::Warning),
            result("web", Status::Ok),
        ];
        gate(None, &config, &mut rs);
        assert_eq!(rs[0].status, Status::Unknown);
        assert_eq!(rs[0].message, "waiting for db (critical); its own check: critical: as found");
        assert_eq!(rs[1].status, Status::Unknown);
        assert_eq!(rs[1].message, "waiting for disk1 (warning); its own check: critical: as found");
        assert_eq!(rs[1].waiting_for, ["disk1"]);
        assert_eq!((rs[2].status, rs[3].status), (Status::Warning, Status::Ok));
        assert_eq!(waiting_plan(&rs[0]), Plan::Nothing("waiting for db: healed once it is ok".into()));
    }

    #[test]
    fn issue30_nothing_waits_once_the_dependencies_are_ok() {
        let config = config();
        let mut rs = vec![result("api", Status::Critical), result("db", Status::Ok), result("web", Status::Warning)];
        gate(None, &config, &mut rs);
        assert_eq!(rs[0].status, Status::Critical);
        // web waits for api, which is critical on its own account.
        assert_eq!(rs[2].waiting_for, ["api"]);
    }
}
