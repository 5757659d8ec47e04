//! Pools: a `process` monitor with `instances = N` is N monitors,
//! `NAME@1` … `NAME@N`, each with its own status, restart budget,
//! backoff, watch, history and death record. Expanding the tables when
//! the config is read gives every part of hm that for free: nothing past
//! the config knows a pool from N monitors, except the summaries that
//! group them back by the name before `@`.
//!
//! `{i}` in a pool's string values (`pattern`, `start`, `stop`, `log`,
//! `pidfile`, `cwd`, `env`, …) becomes the instance number, like
//! systemd's `%i`. A monitor whose `worker` names a pool and which has
//! `{i}` in a value (its `file`, `query`, `url`…) is expanded alongside:
//! its instance i vouches for worker `NAME@i`. User-written names cannot
//! contain `@` (`validate::name_problem`), so an instance's name never
//! clashes with another monitor's.

use super::ConfigIssue;
use super::checker::Checker;
use super::load::Doc;
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The most instances one pool may have.
pub(crate) const MAX_INSTANCES: u32 = 1000;

/// What a config's placeholder is written as.
pub(crate) const PLACEHOLDER: &str = "{i}";

/// One `[[monitor]]` table to validate: the table as written, the name it
/// is labelled by in messages (the pool's), and its instance, if any.
///
/// A pool's instances share the one table the pool wrote (its keys, spans
/// and so every message's line and field are the same for all of them);
/// an instance's copy with `{i}` replaced is made only to be read
/// ([`Table::values`]) and dropped at once: a thousand copies kept, and
/// each copied again to be read, cost more than the rest of reading the
/// config of a thousand-instance pool.
pub(crate) struct Table<'i> {
    pub table: Rc<Spanned<DeTable<'i>>>,
    pub label: Option<String>,
    pub instance: Option<u32>,
    /// A paired monitor's worker, `POOL@i`, set once it is validated.
    pub worker: Option<String>,
}

impl<'i> Table<'i> {
    /// The table to deserialize: an instance's copy with `{i}` replaced
    /// (but in its name), any other table as written.
    pub(crate) fn values(&self) -> Spanned<DeTable<'i>> {
        let mut copy = Spanned::clone(&self.table);
        if let Some(i) = self.instance {
            let number = i.to_string();
            for (key, value) in copy.get_mut().iter_mut() {
                if key.get_ref() != "name" {
                    replace(value.get_mut(), &number);
                }
            }
        }
        copy
    }

    /// Whether `kind` holds `{i}`: then each instance's kind, and so which
    /// keys it takes, is its own.
    pub(crate) fn kind_varies(&self) -> bool {
        self.instance.is_some()
            && self.table.get_ref().iter().any(|(k, v)| k.get_ref() == "kind" && has_placeholder(v.get_ref()))
    }

    /// The monitor's name once validated: `NAME@i` for an instance.
    pub(crate) fn final_name(&self, name: &str) -> String {
        match self.instance {
            Some(i) => instance_name(name, i),
            None => name.to_string(),
        }
    }
}

/// `NAME@i`.
pub(crate) fn instance_name(pool: &str, i: u32) -> String {
    format!("{pool}@{i}")
}

/// The pool and instance number of an instance's name (`api@7` →
/// `("api", 7)`); `None` for any other monitor.
pub(crate) fn split(name: &str) -> Option<(&str, u32)> {
    let (pool, i) = name.split_once('@')?;
    Some((pool, i.parse().ok()?))
}

fn string<'a>(table: &'a DeTable<'_>, key: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| k.get_ref() == key).and_then(|(_, v)| v.get_ref().as_str())
}

/// Whether any string value under `value` holds `{i}`.
fn has_placeholder(value: &DeValue<'_>) -> bool {
    match value {
        DeValue::String(s) => s.contains(PLACEHOLDER),
        DeValue::Array(items) => items.iter().any(|v| has_placeholder(v.get_ref())),
        DeValue::Table(t) => t.iter().any(|(_, v)| has_placeholder(v.get_ref())),
        _ => false,
    }
}

/// The keys of `table` (but its name, kind and worker) whose values hold `{i}`.
fn placeholder_keys(table: &DeTable<'_>) -> Vec<String> {
    table
        .iter()
        .filter(|(k, v)| !["name", "kind", "worker"].contains(&k.get_ref().as_ref()) && has_placeholder(v.get_ref()))
        .map(|(k, _)| k.get_ref().to_string())
        .collect()
}

/// `value` with every `{i}` in its strings replaced by `i`; spans kept,
/// so an instance's mistake is reported at the line the pool wrote it.
fn replace<'i>(value: &mut DeValue<'i>, i: &str) {
    match value {
        DeValue::String(s) if s.contains(PLACEHOLDER) => *s = Cow::Owned(s.replace(PLACEHOLDER, i)),
        DeValue::Array(items) => items.iter_mut().for_each(|v| replace(v.get_mut(), i)),
        DeValue::Table(t) => t.iter_mut().for_each(|(_, v)| replace(v.get_mut(), i)),
        _ => {}
    }
}

/// N instances of `table`, sharing it; `{i}` is replaced as each is read
/// ([`Table::values`]).
fn copies<'i>(table: Spanned<DeTable<'i>>, label: &str, n: u32, worker: Option<&str>) -> Vec<Table<'i>> {
    let table = Rc::new(table);
    (1..=n)
        .map(|i| Table {
            table: Rc::clone(&table),
            label: Some(label.to_string()),
            instance: Some(i),
            worker: worker.map(|w| instance_name(w, i)),
        })
        .collect()
}

/// Read `instances` off each table and expand the pools and the monitors
/// paired with them; every other table passes through as written.
pub(crate) fn expand<'i>(
    doc: &Doc<'_>,
    tables: Vec<Spanned<DeTable<'i>>>,
    issues: &mut Vec<ConfigIssue>,
) -> Vec<Table<'i>> {
    let mut pools: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<Option<u32>> = Vec::with_capacity(tables.len());
    let mut tables = tables;
    for (index, table) in tables.iter_mut().enumerate() {
        let label = string(table.get_ref(), "name").map_or_else(|| format!("#{}", index + 1), str::to_string);
        let at = table.span().start;
        let given = table.get_ref().iter().find(|(k, _)| k.get_ref() == "instances").map(|(_, v)| v.get_ref().clone());
        let mut c = Checker::new(doc, table.get_ref(), at, format!("monitor[{label}]"), issues);
        let n = given.and_then(|v| count(&mut c, table.get_ref(), &v));
        let failed = c.failed;
        table.get_mut().remove("instances");
        if let (Some(n), Some(name)) = (n, string(table.get_ref(), "name")) {
            pools.insert(name.to_string(), n);
        }
        counts.push(if failed { None } else { n });
    }
    let mut out = Vec::with_capacity(tables.len());
    for (table, n) in tables.into_iter().zip(counts) {
        let name = string(table.get_ref(), "name").unwrap_or_default().to_string();
        let label = format!("monitor[{name}]");
        let worker = string(table.get_ref(), "worker").map(str::to_string);
        let marked = placeholder_keys(table.get_ref());
        if let Some(n) = n {
            out.extend(copies(table, &name, n, None));
            continue;
        }
        let mut c = Checker::new(doc, table.get_ref(), table.span().start, label, issues);
        match worker.as_deref().and_then(|w| pools.get(w).map(|n| (w, *n))) {
            Some((pool, n)) if !marked.is_empty() => {
                out.extend(copies(table, &name, n, Some(pool)));
                continue;
            }
            Some((pool, n)) => c.err(
                "worker",
                format!(
                    "`{pool}` is a pool of {n}: put {PLACEHOLDER} in this monitor's `file` (or `query`, `url`, …) \
                     to pair one with each instance, or name one instance, e.g. worker = \"{pool}@1\""
                ),
            ),
            None if worker.is_some() || string(table.get_ref(), "kind") == Some("process") => {
                if let Some(key) = marked.first() {
                    c.err(
                        key,
                        format!(
                            "{PLACEHOLDER} is replaced only in a pool (`instances = N`) and in a monitor whose \
                             `worker` is one"
                        ),
                    );
                }
            }
            None => {}
        }
        out.push(Table { table: Rc::new(table), label: None, instance: None, worker: None });
    }
    out
}

/// A pool's `instances`, checked: an integer 1..=1000 on a `process`
/// monitor whose instances can tell their processes apart.
fn count(c: &mut Checker<'_, '_>, table: &DeTable<'_>, value: &DeValue<'_>) -> Option<u32> {
    if string(table, "kind") != Some("process") {
        c.err("instances", "`instances` applies to a `process` monitor only");
        return None;
    }
    let n = match value {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
        _ => None,
    };
    let Some(n) = n.and_then(|n| u32::try_from(n).ok()).filter(|n| (1..=MAX_INSTANCES).contains(n)) else {
        c.err("instances", format!("must be a whole number from 1 to {MAX_INSTANCES}"));
        return None;
    };
    let apart = ["pattern", "pidfile", "unit"]
        .iter()
        .any(|k| table.iter().any(|(key, v)| key.get_ref() == *k && has_placeholder(v.get_ref())));
    if !apart {
        c.err(
            "instances",
            format!(
                "each instance must find its own process: put {PLACEHOLDER} in `pattern` (or `pidfile`, `unit`), \
                 e.g. pattern = \"^/srv/api --worker {PLACEHOLDER}$\""
            ),
        );
        return None;
    }
    Some(n)
}

#[cfg(test)]
#[path = "instances_tests.rs"]
mod tests;
