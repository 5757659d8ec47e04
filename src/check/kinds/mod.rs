//! The check kinds, one module each, behind one registry ([`ALL`]).
//!
//! A kind's module holds everything about it: its spec (what a monitor of
//! that kind watches, resolved), the `hm.toml` keys it takes, how those
//! keys are validated into the spec, the check itself, and how `hm monitor
//! list` describes it. Everything that would list the kinds one by one
//! (the key lists, validation, the runner's dispatch, `describe`) asks the
//! registry instead, so a new kind is a new module plus its line in [`ALL`]
//! (and its variant of `config::Spec`, its README row and its tests). Its
//! `hm add` flags are data here too ([`flag`]): `src/cli/` builds them.

pub(crate) mod command;
pub(crate) mod cpu;
pub(crate) mod disk;
pub(crate) mod flag;
pub(crate) mod gpu;
pub(crate) mod heartbeat;
pub(crate) mod http;
pub(crate) mod load;
pub(crate) mod memory;
pub(crate) mod process;
pub(crate) mod sqlite;
pub(crate) mod tasks;
pub(crate) mod tcp;
pub(crate) mod tmux;
pub(crate) mod workspace;

use super::{CheckCtx, CheckOutput};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, Monitor, NumOrText, RawMonitor, Spec};
pub(crate) use flag::{AddHelp, Flag};
use std::time::Duration;

/// One check kind: its name and keys, and the functions that validate,
/// check and describe a monitor of it.
pub(crate) struct Kind {
    /// As written in `kind = "..."` and printed.
    pub name: &'static str,
    /// The `[[monitor]]` keys it takes beyond `config::COMMON`, in the
    /// order messages list them.
    pub keys: &'static [&'static str],
    /// `hm add KIND`'s help and flags, one per key (a test holds them to `keys`).
    pub add: AddHelp,
    /// Whether a resolved spec is of this kind.
    pub is: fn(&Spec) -> bool,
    /// The spec from the raw table, with every default filled in; `None`
    /// after reporting (through the checker) what makes it unusable. The
    /// host thresholds are the defaults of the kinds that have them.
    pub validate: fn(&mut Checker<'_, '_>, &RawMonitor, &HostThresholds) -> Option<Spec>,
    /// Run the check once.
    pub check: fn(&CheckCtx<'_>, &Monitor) -> anyhow::Result<CheckOutput>,
    /// What it watches and its thresholds, for `hm monitor list`.
    pub describe: fn(&Monitor) -> Described,
}

/// `hm monitor list`'s view of a monitor: its target (`tcp 127.0.0.1:5432`)
/// and the parts of its thresholds text (`warn 80`, `swap_crit 95`), the
/// missing ones left out when joined.
pub(crate) type Described = (String, Vec<Option<String>>);

/// Every kind this build knows, in the order `unknown kind` lists them.
pub(crate) static ALL: &[&Kind] = &[
    &cpu::KIND,
    &memory::KIND,
    &load::KIND,
    &disk::KIND,
    &process::KIND,
    &heartbeat::KIND,
    &tmux::KIND,
    &sqlite::KIND,
    &http::KIND,
    &tcp::KIND,
    &command::KIND,
    &workspace::KIND,
    &tasks::KIND,
    &gpu::KIND,
];

/// The kind named `name`, if this build knows it.
pub(crate) fn find(name: &str) -> Option<&'static Kind> {
    ALL.iter().copied().find(|k| k.name == name)
}

/// The kind of a resolved spec. Every variant of `Spec` has its kind here
/// (a test holds this), so the fallback is never taken.
pub(crate) fn of(spec: &Spec) -> &'static Kind {
    ALL.iter().copied().find(|k| (k.is)(spec)).unwrap_or(ALL[0])
}

/// The error of a kind's `check` or `describe` handed another kind's
/// monitor: the registry never does that.
pub(crate) fn wrong_kind(kind: &str, m: &Monitor) -> anyhow::Error {
    anyhow::anyhow!("internal error: `{}` is not a {kind} monitor", m.name)
}

/// `warn 80 crit 95`, with `prefix` before each (`swap_`), the levels
/// formatted by `fmt`; `None` when neither level is set.
pub(crate) fn limits_text(prefix: &str, l: Limits, fmt: impl Fn(f64) -> String) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(w) = l.warn {
        parts.push(format!("{prefix}warn {}", fmt(w)));
    }
    if let Some(c) = l.crit {
        parts.push(format!("{prefix}crit {}", fmt(c)));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A level as written: `80`, `0.5`.
pub(crate) fn num(v: f64) -> String {
    format!("{v}")
}

/// A level in seconds as a duration: `500ms`, `2s`.
pub(crate) fn secs(v: f64) -> String {
    crate::units::format_duration(crate::units::secs(v.max(0.0)))
}

/// Latency levels in seconds from `warn`/`crit` (numbers or durations).
pub(crate) fn latency(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Limits {
    let secs = |c: &mut Checker<'_, '_>, key: &str, v: Option<&NumOrText>| {
        v.map(|v| c.seconds(key, Some(v), Duration::ZERO).as_secs_f64())
    };
    let l = Limits { warn: secs(c, "warn", raw.warn.as_ref()), crit: secs(c, "crit", raw.crit.as_ref()) };
    c.limits("warn", "crit", l, None)
}

/// Percentage levels, 0 to 100.
pub(crate) fn pct(c: &mut Checker<'_, '_>, keys: (&str, &str), l: Limits) -> Limits {
    c.limits(keys.0, keys.1, l, Some((0.0, 100.0)))
}

/// `warn`/`crit` as plain numbers, each defaulting to its host threshold.
pub(crate) fn host_limits(c: &mut Checker<'_, '_>, raw: &RawMonitor, default: Limits) -> Limits {
    Limits {
        warn: c.number("warn", raw.warn.as_ref()).or(default.warn),
        crit: c.number("crit", raw.crit.as_ref()).or(default.crit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_once_and_found_by_name() {
        for (i, k) in ALL.iter().enumerate() {
            assert!(ALL[..i].iter().all(|o| o.name != k.name), "`{}` registered twice", k.name);
            assert!(std::ptr::eq(find(k.name).expect("found"), *k));
        }
    }

    /// A monitor of each kind, validated, is that kind again: `is` agrees
    /// with what `validate` builds (a new kind adds its line here).
    #[test]
    fn every_kind_validates_into_a_spec_it_recognises() {
        let least: &[(&str, &str)] = &[
            ("cpu", ""),
            ("memory", ""),
            ("load", ""),
            ("disk", ""),
            ("process", "process = \"x\""),
            ("heartbeat", ""),
            ("tmux", ""),
            ("sqlite", "path = \"/srv/x.db\""),
            ("http", "url = \"http://127.0.0.1:1/\""),
            ("tcp", "address = \"127.0.0.1:1\""),
            ("command", "command = [\"true\"]"),
            ("workspace", "path = \"/srv\""),
            ("tasks", ""),
            ("gpu", ""),
        ];
        let names: Vec<&str> = ALL.iter().map(|k| k.name).collect();
        assert_eq!(least.iter().map(|(k, _)| *k).collect::<Vec<_>>(), names);
        let text: String = least
            .iter()
            .map(|(k, keys)| format!("[[monitor]]\nname = \"my-{k}\"\nkind = \"{k}\"\n{keys}\n\n"))
            .collect();
        let config = crate::config::Config::parse("hm.toml", &text).expect("valid");
        for (kind, _) in least {
            let m = config.monitors.iter().find(|m| m.name == format!("my-{kind}")).expect("monitor");
            assert_eq!(m.kind(), *kind);
            assert!(std::ptr::eq(of(&m.spec), find(kind).expect("kind")));
        }
    }
}
