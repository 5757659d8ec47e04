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
fn issue29_an_instance_copied_from_its_pool_is_the_one_read_from_its_own_table() {
    for i in [1, 7, 1000] {
        let t = table(POOL, i);
        let read = RawMonitor::deserialize(Deserializer::from(t.values())).expect("reads");
        let copied = Template::default().raw(&t).expect("copied");
        assert_eq!(said(&copied), said(&read), "instance {i}");
        assert!(said(&copied).contains(&format!("\"^api-{i}$\"")), "{}", said(&copied));
        assert!(said(&copied).contains(&format!("(\"N{{i}}\", \"value {i}{i}\")")), "{}", said(&copied));
        assert!(said(&copied).contains(&format!("env TOKEN_{i}")), "{}", said(&copied));
        assert!(!said(&copied).replace("N{i}", "").contains("{i}"), "{}", said(&copied));
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
fn a_string_without_the_placeholder_is_left_alone() {
    let mut s = String::from("^api$");
    s.fill("3");
    assert_eq!(s, "^api$");
}
