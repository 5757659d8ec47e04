//! Finding a monitor by the name a person typed, where a pool's name and
//! its instances' names (`api`, `api@7`) are both about: what to say when
//! a name is neither a monitor nor a pool, so a typo, an instance past
//! the pool's size (`api@0`, `api@1001`) or a pool given where one
//! instance is needed each get a line that says what to type instead.

use super::{Config, Monitor, instances};
use anyhow::{Result, anyhow};

impl Config {
    /// The instances of pool `name`, in instance order; empty when `name`
    /// is not a pool.
    pub(crate) fn pool(&self, name: &str) -> Vec<&Monitor> {
        let mut found: Vec<(u32, &Monitor)> = self
            .monitors
            .iter()
            .filter_map(|m| instances::split(&m.name).filter(|(pool, _)| *pool == name).map(|(_, i)| (i, m)))
            .collect();
        found.sort_by_key(|(i, _)| *i);
        found.into_iter().map(|(_, m)| m).collect()
    }

    /// The one monitor named `name`, or an error that says why not: a
    /// pool (name one of its instances), an instance the pool does not
    /// have, or no such name.
    pub(crate) fn monitor(&self, name: &str) -> Result<&Monitor> {
        self.monitors.iter().find(|m| m.name == name).ok_or_else(|| anyhow!(self.unknown(name, "")))
    }

    /// The monitor named `name`, or every instance of the pool `name`.
    pub(crate) fn monitor_or_pool(&self, name: &str) -> Result<Vec<&Monitor>> {
        if let Some(m) = self.monitors.iter().find(|m| m.name == name) {
            return Ok(vec![m]);
        }
        let pool = self.pool(name);
        if pool.is_empty() { Err(anyhow!(self.unknown(name, ""))) } else { Ok(pool) }
    }

    /// Why `name` is no monitor, in one line; `known` is appended to the
    /// plain "no monitor named" case.
    pub(crate) fn unknown(&self, name: &str, known: &str) -> String {
        let range = |pool: &str, n: usize| match n {
            1 => format!("{pool}@1"),
            _ => format!("{pool}@1 … {pool}@{n}"),
        };
        let pool = self.pool(name);
        if let Some(first) = pool.first() {
            return format!(
                "`{name}` is a pool of {} ({}): name one instance, e.g. `{}`",
                pool.len(),
                range(name, pool.len()),
                first.name
            );
        }
        if let Some((base, _)) = name.split_once('@') {
            let n = self.pool(base).len();
            if n > 0 {
                return format!(
                    "no monitor named `{name}`: pool `{base}` has {n} instance{} ({})",
                    if n == 1 { "" } else { "s" },
                    range(base, n)
                );
            }
        }
        format!("no monitor named `{name}`{known}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let text = "host_defaults = false\n[[monitor]]\nname = \"api\"\nkind = \"process\"\ninstances = 3\n\
                    pattern = \"w-{i}\"\n[[monitor]]\nname = \"db\"\nkind = \"process\"\npattern = \"db\"\n";
        Config::parse("hm.toml", text).expect("valid")
    }

    #[test]
    fn issue29_names_of_pools_and_instances_are_told_apart() {
        let c = config();
        assert_eq!(c.monitor("api@2").expect("instance").name, "api@2");
        assert_eq!(c.monitor("db").expect("plain").name, "db");
        let err = |n: &str| c.monitor(n).expect_err(n).to_string();
        assert_eq!(err("api"), "`api` is a pool of 3 (api@1 … api@3): name one instance, e.g. `api@1`");
        for n in ["api@0", "api@4", "api@1001", "api@x", "api@"] {
            assert_eq!(err(n), format!("no monitor named `{n}`: pool `api` has 3 instances (api@1 … api@3)"));
        }
        assert_eq!(err("nope"), "no monitor named `nope`");
        assert_eq!(err("nope@1"), "no monitor named `nope@1`");
        let names = |n: &str| c.monitor_or_pool(n).map(|v| v.iter().map(|m| m.name.clone()).collect::<Vec<_>>());
        assert_eq!(names("api").expect("pool"), ["api@1", "api@2", "api@3"]);
        assert_eq!(names("api@3").expect("one"), ["api@3"]);
        assert!(names("api@9").is_err());
    }
}
