//! `depends_on = ["db", "queue"]` on a monitor names the monitors it waits
//! for: while one is not ok, this one is neither alerted nor healed. Each
//! name must be a monitor hm knows, and the graph must have no cycle (a
//! monitor waiting for itself, through any chain, would never be alerted
//! or healed again). Both can only be checked once every monitor is read.

use super::ConfigIssue;
use super::checker::Checker;
use super::instances::Table;
use super::load::Doc;
use super::model::Monitor;
use std::collections::{HashMap, HashSet};

/// Check every `depends_on` in `monitors` (read from `tables`, labelled
/// `monitor[NAME]`): unknown names (the embedded host monitors are
/// known while `host_defaults` keeps them), and cycles, each reported
/// once, on the monitor where the cycle is found closing.
pub(crate) fn depends(
    doc: &Doc<'_>,
    tables: &[Table<'_>],
    monitors: &[Monitor],
    host_defaults: bool,
    issues: &mut Vec<ConfigIssue>,
) {
    let named = |t: &Table<'_>| {
        t.table
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == "name")
            .and_then(|(_, v)| v.get_ref().as_str().map(String::from))
    };
    // Only a monitor that waits for another has anything to check, or can
    // close a cycle: a pool of a thousand that waits for none costs nothing.
    if monitors.iter().all(|m| m.depends_on.is_empty()) {
        return;
    }
    let embedded = if host_defaults { super::defaults::host_monitors(&Default::default()) } else { Vec::new() };
    // A pool's instances are validated under the pool's name: an error of
    // `api@2` is told on the pool's table, once for all its instances.
    let mut told = HashSet::new();
    let mut report = |name: &str, message: String| {
        let Some(t) = tables.iter().find(|t| named(t).is_some_and(|n| t.final_name(&n) == name)) else { return };
        let (raw, table) = (named(t).unwrap_or_default(), &t.table);
        if told.insert((table.span().start, message.clone())) {
            let prefix = format!("monitor[{raw}]");
            Checker::new(doc, table.get_ref(), table.span().start, prefix, issues).err("depends_on", message);
        }
    };
    let known = |n: &str| {
        monitors.iter().chain(&embedded).any(|m| m.name == n) || tables.iter().any(|t| named(t).as_deref() == Some(n))
    };
    for m in monitors {
        let own_pool = super::instances::split(&m.name).map(|(pool, _)| pool);
        for d in &m.depends_on {
            let of_pool = |n: &str| Some(n) == own_pool || super::instances::split(n).map(|(p, _)| p) == own_pool;
            if own_pool.is_some() && of_pool(d) {
                let pool = own_pool.unwrap_or_default();
                report(
                    &m.name,
                    format!(
                        "names its own pool `{pool}` (or one of its instances): an instance cannot wait for its own pool; name what the pool waits for"
                    ),
                );
            } else if *d == m.name {
                report(&m.name, format!("`{d}` is this monitor: a monitor cannot wait for itself"));
            } else if !known(d) {
                report(&m.name, format!("no monitor named `{d}`: name the monitors this one waits for"));
            }
        }
    }
    let graph: HashMap<&str, &[String]> = monitors.iter().map(|m| (m.name.as_str(), m.depends_on.as_slice())).collect();
    for cycle in cycles(&graph) {
        let message = format!("a cycle: {} (a monitor in it would wait for itself)", cycle.join(" → "));
        report(cycle[0], message);
    }
}

/// Each cycle of `graph` once, as the path that closes it (`a`, `b`, `a`),
/// found by a depth-first walk from each monitor in name order.
fn cycles<'a>(graph: &HashMap<&'a str, &'a [String]>) -> Vec<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn walk<'a>(
        at: &'a str,
        graph: &HashMap<&'a str, &'a [String]>,
        marks: &mut HashMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
        found: &mut Vec<Vec<&'a str>>,
    ) {
        marks.insert(at, Mark::Open);
        path.push(at);
        for next in graph.get(at).copied().unwrap_or_default() {
            let next = next.as_str();
            if next == at || !graph.contains_key(next) {
                continue; // itself, or unknown: reported by name
            }
            match marks.get(next) {
                Some(Mark::Open) => {
                    let from = path.iter().position(|p| *p == next).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next);
                    found.push(cycle);
                }
                Some(Mark::Done) => {}
                None => walk(next, graph, marks, path, found),
            }
        }
        path.pop();
        marks.insert(at, Mark::Done);
    }
    let mut names: Vec<&str> = graph.keys().copied().collect();
    names.sort_unstable();
    let mut marks = HashMap::new();
    let mut found = Vec::new();
    for n in names {
        // A monitor that waits for none closes no cycle from itself.
        if !marks.contains_key(n) && graph.get(n).is_some_and(|d| !d.is_empty()) {
            walk(n, graph, &mut marks, &mut Vec::new(), &mut found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn monitor(name: &str, deps: &[&str]) -> String {
        let deps: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
        format!("[[monitor]]\nname = \"{name}\"\nkind = \"cpu\"\ndepends_on = [{}]\n\n", deps.join(", "))
    }

    fn issues(text: &str) -> Vec<String> {
        match Config::parse("hm.toml", text) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
        }
    }

    #[test]
    fn issue29_a_pool_cannot_wait_for_itself() {
        let pool = |deps: &str| {
            format!(
                "host_defaults = false\n[[monitor]]\nname = \"db\"\nkind = \"cpu\"\n\n[[monitor]]\nname = \"api\"\nkind = \"process\"\n\
                 instances = 3\npattern = \"w-{{i}}\"\ndepends_on = [{deps}]\n"
            )
        };
        for own in ["\"api\"", "\"api@2\"", "\"api@{i}\""] {
            let found = issues(&pool(own));
            assert_eq!(
                found,
                [
                    "hm.toml:11: monitor[api].depends_on: names its own pool `api` (or one of its instances): an instance cannot wait for its own pool; name what the pool waits for"
                ],
                "{own}"
            );
        }
        // Another monitor may wait for the pool, and the pool for another.
        assert_eq!(issues(&pool("\"db\"")), Vec::<String>::new());
        let waits = format!("{}[[monitor]]\nname = \"web\"\nkind = \"cpu\"\ndepends_on = [\"api\"]\n", pool("\"db\""));
        assert_eq!(issues(&waits), Vec::<String>::new());
    }

    #[test]
    fn issue30_depends_on_names_known_monitors() {
        let text = format!("{}{}", monitor("db", &[]), monitor("api", &["db", "load"]));
        let c = Config::parse("hm.toml", &text).expect("valid");
        assert_eq!(c.monitors[1].depends_on, ["db", "load"]);
        assert!(c.monitors[0].depends_on.is_empty());
    }

    #[test]
    fn issue30_an_unknown_name_or_a_cycle_is_an_error_with_file_line_and_field() {
        let unknown = format!("{}{}", monitor("db", &[]), monitor("api", &["db", "nope"]));
        assert_eq!(
            issues(&unknown),
            ["hm.toml:9: monitor[api].depends_on: no monitor named `nope`: name the monitors this one waits for"]
        );
        let itself = monitor("api", &["api"]);
        assert_eq!(
            issues(&itself),
            ["hm.toml:4: monitor[api].depends_on: `api` is this monitor: a monitor cannot wait for itself"]
        );
        let cycle = format!("{}{}{}", monitor("a", &["b"]), monitor("b", &["c"]), monitor("c", &["a"]));
        assert_eq!(
            issues(&cycle),
            ["hm.toml:4: monitor[a].depends_on: a cycle: a → b → c → a (a monitor in it would wait for itself)"]
        );
        let gone = format!("host_defaults = false\n{}", monitor("api", &["load"]));
        assert_eq!(
            issues(&gone),
            ["hm.toml:5: monitor[api].depends_on: no monitor named `load`: name the monitors this one waits for"]
        );
        let two = format!("{}{}{}", monitor("x", &[]), monitor("a", &["x", "b"]), monitor("b", &["a"]));
        assert_eq!(issues(&two).len(), 1, "{:?}", issues(&two));
    }

    #[test]
    fn an_unknown_name_in_a_pool_is_an_error_once_on_the_pools_table() {
        let pool = "host_defaults = false\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\n\
                    pattern = \"^api-{i} \"\ndepends_on = [\"nope\"]\n";
        assert_eq!(
            issues(pool),
            ["hm.toml:7: monitor[api].depends_on: no monitor named `nope`: name the monitors this one waits for"]
        );
    }
}
