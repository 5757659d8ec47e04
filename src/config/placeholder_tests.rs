//! An instance's monitor copied from its pool's is the one read from its
//! own table.

use super::{Fill, Template};
use crate::config::instances::Table;
use crate::config::raw::RawMonitor;
use crate::config::{Config, Secret};
use serde::Deserialize;
use std::rc::Rc;
use toml::Spanned;
use toml::de::{DeTable, Deserializer};

/// A pool table with `{i}` in a value of every type that holds strings.
const POOL: &str = "name = \"api\"\nkind = \"process\"\npattern = \"^api-{i}$\"\npidfile = \"/run/api-{i}.pid\"\n\
    start = \"/srv/api --n {i}\"\nshell = true\nstop = [\"/bin/kill\", \"{i}\"]\nlog = \"/var/log/{i}.log\"\n\
    cwd = \"/srv/{i}\"\nenv = { \"N{i}\" = \"{i}{i}\", TOKEN = { env = \"TOKEN_{i}\" } }\nrss_warn = \"{i}MiB\"\n\
    depends_on = [\"db@{i}\", \"cache\"]\nrequired = [\"/srv/{i}/data\"]\nuser = \"root\"\nmax_restarts = 7\n\
    limits = { nofile = 4096 }\n";

fn table(text: &str, instance: u32) -> Table<'_> {
    let root = DeTable::parse(text).expect("toml");
    let span = root.span();
    Table { table: Rc::new(Spanned::new(span, root.into_inner())), label: None, instance: Some(instance), worker: None }
}

/// What a monitor says, secrets too (their `Debug` hides them).
fn said(raw: &RawMonitor) -> String {
    let env: Vec<(String, String)> = raw
        .env
        .iter()
        .flatten()
        .map(|(k, v)| match v {
            Secret::Value(s) => (k.clone(), format!("value {s}")),
            Secret::Env { env } => (k.clone(), format!("env {env}")),
        })
        .collect();
    format!("{raw:?} {env:?}")
}

#[test]
fn issue29_an_instance_filled_in_from_its_pool_is_the_one_read_from_its_own_table() {
    // One template for all, as when a pool is read: each instance is
    // filled in over the one before.
    let pool = table(POOL, 1);
    let mut template = Template::default();
    for i in [1, 7, 1000, 2] {
        let t = Table { table: Rc::clone(&pool.table), label: None, instance: Some(i), worker: None };
        let read = RawMonitor::deserialize(Deserializer::from(t.values())).expect("reads");
        let filled = said(template.raw(&t).expect("filled"));
        assert_eq!(filled, said(&read), "instance {i}");
        assert!(filled.contains(&format!("\"^api-{i}$\"")), "{filled}");
        assert!(filled.contains(&format!("(\"N{{i}}\", \"value {i}{i}\")")), "{filled}");
        assert!(filled.contains(&format!("env TOKEN_{i}")), "{filled}");
        assert!(!filled.replace("N{i}", "").contains("{i}"), "{filled}");
    }
}

#[test]
fn issue29_a_pool_that_does_not_read_or_whose_kind_varies_is_read_instance_by_instance() {
    let mut template = Template::default();
    assert!(template.raw(&table("name = \"a\"\nkind = \"process\"\nmax = \"{i}\"\n", 2)).is_none());
    assert!(template.raw(&table("name = \"a\"\nkind = \"p{i}\"\n", 2)).is_none());
    let mut plain = table("name = \"a\"\nkind = \"process\"\n", 2);
    plain.instance = None;
    assert!(template.raw(&plain).is_none());
    // Its errors are each instance's own, as before a template was read.
    let text = "host_defaults = false\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 2\n\
                pattern = \"^a-{i}$\"\nmax = \"x{i}\"\n";
    let got: Vec<String> = match Config::parse("hm.toml", text) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(|i| i.to_string()).collect(),
    };
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with("hm.toml:7: monitor[api].max:") && got[0].contains("x1"), "{got:?}");
    assert!(got[1].contains("x2"), "{got:?}");
}

#[test]
fn a_string_is_filled_as_str_replace_would() {
    for written in ["^api$", "{i}", "a{i}b{i}", "{i{i}}", "{{i}", "{", "{i", "é{i}ü"] {
        let mut s = String::from("last instance's");
        if !written.contains("{i}") {
            s = written.to_string();
        }
        s.fill(&written.to_string(), "12");
        assert_eq!(s, written.replace("{i}", "12"), "{written}");
    }
}
