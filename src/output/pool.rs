//! Pools in text: a pool's instances (`NAME@i`) fold into one row,
//! "api: 97 of 100 running (api@7, api@31, api@64 down)", unless `--all`
//! asks for each; and a rolling restart, instance by instance.

use crate::config::instances;
use crate::engine::report::RollReport;
use crate::status::Status;
use crate::text::escape as esc;

/// At most this many instances are named in a pool's row.
const NAMED: usize = 10;

/// One pool's rows folded: its name, worst status, and its summary.
pub(super) struct Folded {
    pub pool: String,
    pub status: Status,
    pub summary: String,
}

/// The summary of a pool whose instances are `(name, status)`: an
/// instance counts as running unless it is critical (its worker is not
/// running) or unknown; a warning (high CPU, say) still runs.
pub(super) fn summary(pool: &str, instances: &[(&str, Status)]) -> String {
    let down: Vec<&str> =
        instances.iter().filter(|(_, s)| matches!(s, Status::Critical | Status::Unknown)).map(|(n, _)| *n).collect();
    let running = instances.len() - down.len();
    let mut line = format!("{pool}: {running} of {} running", instances.len());
    if !down.is_empty() {
        let mut named = down.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ");
        if down.len() > NAMED {
            named.push_str(&format!(" and {} more", down.len() - NAMED));
        }
        line.push_str(&format!(" ({named} down)"));
    }
    line
}

/// Fold `rows` (a monitor's name and status, each with its row) so each
/// pool is one row at its first instance's place; other rows pass as
/// they are. `Err` is a row kept, `Ok` a pool folded.
pub(super) fn fold<'r, T>(rows: &'r [T], key: impl Fn(&T) -> (&str, Status)) -> Vec<Result<Folded, &'r T>> {
    let mut out: Vec<Result<Folded, &T>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let (name, _) = key(row);
        let Some((pool, _)) = instances::split(name) else {
            out.push(Err(row));
            continue;
        };
        if !seen.insert(pool.to_string()) {
            continue;
        }
        let members: Vec<(&str, Status)> =
            rows.iter().map(&key).filter(|(n, _)| instances::split(n).is_some_and(|(p, _)| p == pool)).collect();
        let status = members.iter().fold(Status::Ok, |w, (_, s)| w.worst(*s));
        out.push(Ok(Folded { pool: pool.to_string(), status, summary: summary(pool, &members) }));
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
        None => out.push_str(&format!("{}: {done} of {} instances restarted\n", esc(&r.pool), r.restarts.len())),
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

    #[test]
    fn issue29_a_pool_folds_into_one_row_naming_its_down_instances() {
        let rows = vec![
            ("cpu", Status::Ok),
            ("api@1", Status::Ok),
            ("api@2", Status::Critical),
            ("disk", Status::Warning),
            ("api@3", Status::Ok),
        ];
        let folded = fold(&rows, |r| (r.0, r.1));
        assert_eq!(folded.len(), 3);
        let Ok(pool) = &folded[1] else { panic!("the pool's row") };
        assert_eq!(pool.summary, "api: 2 of 3 running (api@2 down)");
        assert_eq!(pool.status, Status::Critical);
        let many: Vec<(String, Status)> = (1..=100).map(|i| (format!("w@{i}"), Status::Critical)).collect();
        let many: Vec<(&str, Status)> = many.iter().map(|(n, s)| (n.as_str(), *s)).collect();
        assert!(summary("w", &many).ends_with("w@10 and 90 more down)"), "{}", summary("w", &many));
    }
}
