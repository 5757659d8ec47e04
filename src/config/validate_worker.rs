//! `worker = "NAME"` on a monitor (the kinds whose keys list it) names the
//! `process` monitor whose worker `hm heal` restarts when the monitor is
//! critical: a worker can be alive and still have done nothing for an
//! hour, or not answer its port. That only works
//! when NAME is a process monitor that hm knows how to start, which can be
//! checked only once every monitor is read.

use super::ConfigIssue;
use super::checker::Checker;
use super::instances::Table;
use super::load::Doc;
use super::model::{Monitor, Spec};
use std::collections::HashMap;

/// Check every `worker` reference in `monitors` (read from `tables`,
/// labelled `monitor[NAME]`). A worker whose own table had errors is not
/// reported again here.
pub(crate) fn workers(doc: &Doc<'_>, tables: &[Table<'_>], monitors: &[Monitor], issues: &mut Vec<ConfigIssue>) {
    // Only a monitor that names a worker has one to check (an embedded
    // monitor names none): a pool of a thousand with none costs nothing.
    if monitors.iter().all(|m| m.worker.is_none()) {
        return;
    }
    // A table's monitor is named as validated: an instance `NAME@i`.
    let named = |t: &Table<'_>| {
        t.table
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == "name")
            .and_then(|(_, v)| v.get_ref().as_str().map(|n| t.final_name(n)))
    };
    let embedded = super::defaults::host_monitors(&Default::default());
    // A paired table's instances each name their own `POOL@i`: what is
    // wrong with the pool is told once, of the pool, not once an instance.
    let mut told = std::collections::HashSet::new();
    // By name, the first of each (a pool's thousand tables each looked
    // through every monitor).
    let mut by_name: HashMap<&str, &Monitor> = HashMap::new();
    for m in monitors.iter().chain(&embedded) {
        by_name.entry(m.name.as_str()).or_insert(m);
    }
    for t in tables {
        let Some(name) = named(t) else { continue };
        // (An embedded monitor names no worker.)
        let Some(worker) = by_name.get(name.as_str()).and_then(|m| m.worker.as_deref()) else {
            continue;
        };
        let shown = match (t.instance, super::instances::split(worker)) {
            (Some(_), Some((pool, _))) => pool,
            _ => worker,
        };
        let problem = match by_name.get(worker) {
            None if tables.iter().any(|t| named(t).as_deref() == Some(worker)) => None,
            None => Some(format!("no monitor named `{worker}`: name the `process` monitor of the worker to restart")),
            Some(w) => match &w.spec {
                Spec::Process(p) if p.restart.is_some() => None,
                Spec::Process(_) => Some(format!(
                    "`{shown}` has no way to start its worker: add start = [\"/path/to/worker\", ...] (or unit = \"name.service\") to it, and do not set heal = false"
                )),
                _ => Some(format!("`{shown}` is a {} monitor: `worker` names a `process` monitor", w.kind())),
            },
        };
        if let Some(message) = problem.filter(|m| told.insert((t.table.span().start, m.clone()))) {
            let label = t.label.clone().unwrap_or(name);
            let prefix = format!("monitor[{label}]");
            Checker::new(doc, t.table.get_ref(), t.table.span().start, prefix, issues).err("worker", message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    const API: &str = "[[monitor]]\nname = \"api\"\nkind = \"process\"\npattern = \"^api\"\nstart = [\"/srv/api\"]\n\n";

    fn issues(text: &str) -> Vec<String> {
        match Config::parse("hm.toml", text) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
        }
    }

    #[test]
    fn issue29_a_paired_pool_monitor_is_told_once_of_its_pool() {
        let text = "[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 50\npattern = \"^x-{i} \"\n\n\
                    [[monitor]]\nname = \"port\"\nkind = \"tcp\"\naddress = \"127.0.0.1:80{i}\"\nworker = \"api\"\n";
        assert_eq!(
            issues(text),
            [
                "hm.toml:11: monitor[port].worker: `api` has no way to start its worker: add start = [\"/path/to/worker\", ...] (or unit = \"name.service\") to it, and do not set heal = false"
            ]
        );
    }

    #[test]
    fn a_heartbeat_or_tasks_monitor_may_name_a_restartable_process_monitor() {
        let text = format!(
            "{API}[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nfile = \"/run/beat\"\nworker = \"api\"\n\n\
             [[monitor]]\nname = \"jobs\"\nkind = \"tasks\"\nworker = \"api\"\n"
        );
        let c = Config::parse("hm.toml", &text).expect("valid");
        let worker = |n: &str| c.monitors.iter().find(|m| m.name == n).and_then(|m| m.worker.clone());
        assert_eq!(worker("beat").as_deref(), Some("api"));
        assert_eq!(worker("jobs").as_deref(), Some("api"));
        assert_eq!(worker("api"), None);
    }

    #[test]
    fn a_worker_that_hm_cannot_start_is_refused_with_its_field() {
        let beat =
            |worker: &str| format!("[[monitor]]\nname = \"beat\"\nkind = \"heartbeat\"\nworker = \"{worker}\"\n");
        let cases = [
            (beat("nope"), "hm.toml:4: monitor[beat].worker: no monitor named `nope`"),
            (beat("cpu"), "monitor[beat].worker: `cpu` is a cpu monitor"),
            (
                format!("[[monitor]]\nname = \"api\"\nkind = \"process\"\nprocess = \"api\"\n\n{}", beat("api")),
                "monitor[beat].worker: `api` has no way to start its worker",
            ),
            (
                format!("{}\nheal = false\n\n{}", API.trim_end(), beat("api")),
                "monitor[beat].worker: `api` has no way to start its worker",
            ),
        ];
        for (text, want) in cases {
            let got = issues(&text);
            assert!(got.iter().any(|i| i.contains(want)), "{want}\nnot in {got:?}\nfor:\n{text}");
        }
    }

    #[test]
    fn issue29_worker_applies_to_every_kind_that_can_vouch_for_a_worker() {
        for (kind, keys) in [
            ("http", "url = \"http://x/\""),
            ("tcp", "address = \"127.0.0.1:1\""),
            ("command", "command = [\"/bin/true\"]"),
            ("sqlite", "path = \"/srv/app.db\""),
            ("tmux", "session = \"w\""),
        ] {
            let text = format!("{API}[[monitor]]\nname = \"web\"\nkind = \"{kind}\"\n{keys}\nworker = \"api\"\n");
            let c = Config::parse("hm.toml", &text).unwrap_or_else(|e| panic!("{kind}: {e}"));
            assert_eq!(c.monitors[1].worker.as_deref(), Some("api"), "{kind}");
            let bad = text.replace("worker = \"api\"", "worker = \"nope\"");
            assert!(issues(&bad).iter().any(|i| i.contains("monitor[web].worker: no monitor named `nope`")), "{kind}");
        }
        let text = format!("{API}[[monitor]]\nname = \"d\"\nkind = \"disk\"\nworker = \"api\"\n");
        let got = issues(&text);
        assert!(
            got.iter().any(|i| i.contains("monitor[d].worker: `worker` does not apply to a `disk` monitor")),
            "{got:?}"
        );
    }
}
