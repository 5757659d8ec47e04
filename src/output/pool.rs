//! Pools in text: a pool's instances (`NAME@i`) fold into one row,
//! "api: 97 of 100 running (api@7, api@31, api@64 down)", unless `--all`
//! asks for each; and a rolling restart, instance by instance.

use crate::config::instances;
use crate::engine::report::{PoolSummary, RollReport};
use crate::text::escape as esc;

/// `rows` with each pool's instances folded into its summary, at its
/// first instance's place (`Ok`); other rows pass as they are (`Err`).
pub(super) fn fold<'r, T>(
    rows: &'r [T],
    pools: &'r [PoolSummary],
    name: impl Fn(&T) -> &str,
) -> Vec<Result<&'r PoolSummary, &'r T>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut shown = std::collections::HashSet::new();
    for row in rows {
        let Some((pool, _)) = instances::split(name(row)) else {
            out.push(Err(row));
            continue;
        };
        // One instance alone (`hm check api@7`) is its own row: a summary
        // "1 of 1" would hide which it is.
        match pools.iter().find(|p| p.pool == pool && p.instances > 1) {
            Some(p) if shown.insert(pool.to_string()) => out.push(Ok(p)),
            Some(_) => {}
            None => out.push(Err(row)),
        }
    }
    out
}

/// `hm restart-worker POOL`.
pub(super) fn roll(r: &RollReport) -> String {
    let mut out = String::new();
    for one in &r.restarts {
        out.push_str(&super::text::restart(one));
    }
    let done = r.restarts.iter().filter(|x| !x.failed()).count();
    match &r.failed {
        None => {
            let verb = if r.dry_run { "would be restarted" } else { "restarted" };
            out.push_str(&format!("{}: {done} of {} instances {verb}\n", esc(&r.pool), r.restarts.len()));
        }
        Some(failed) => {
            out.push_str(&format!("{}: rolling restart stopped: {} failed\n", esc(&r.pool), esc(failed)));
            if !r.not_reached.is_empty() {
                out.push_str(&format!("not restarted: {}\n", esc(&r.not_reached.join(", "))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::pools;
    use crate::status::Status;

    #[test]
    fn issue29_a_pool_folds_into_one_row_naming_its_down_instances() {
        let rows = vec![
            ("cpu", Status::Ok),
            ("api@1", Status::Ok),
            ("api@2", Status::Critical),
            ("disk", Status::Warning),
            ("api@3", Status::Warning),
        ];
        let summed = pools(rows.iter().copied());
        let folded = fold(&rows, &summed, |r| r.0);
        assert_eq!(folded.len(), 3);
        let Ok(pool) = &folded[1] else { panic!("the pool's row") };
        assert_eq!(pool.line(), "api: 2 of 3 running (api@2 down)");
        assert_eq!(pool.status, Status::Critical);
        let many: Vec<String> = (1..=100).map(|i| format!("w@{i}")).collect();
        let p = &pools(many.iter().map(|n| (n.as_str(), Status::Critical)))[0];
        assert!(p.line().ends_with("w@10 and 90 more down)"), "{}", p.line());
    }
}
