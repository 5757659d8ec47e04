//! The monitor kinds as the config knows them, one module each, behind
//! one registry ([`ALL`]): a kind's spec (what a monitor of that kind
//! watches, resolved), the `hm.toml` keys it takes, its `hm add` help and
//! flags ([`flag`], plain data that `src/cli/` builds), how those keys are
//! validated into the spec (through [`Checker`], so every message names
//! file, line and field), and how `hm monitor list` describes it. What a
//! kind does on the host, its check, is `check::kinds`: specs are plain
//! data here, below the checks, so the config never needs the checks.
//!
//! A spec finds its kind through one exhaustive `match` ([`of`]), as it
//! finds its check (`check::kinds::check`): a `Spec` variant without its
//! kind does not compile.

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
pub(crate) mod schedule;
pub(crate) mod sqlite;
pub(crate) mod tasks;
pub(crate) mod tcp;
pub(crate) mod tmux;
pub(crate) mod workspace;

pub(crate) use disk::DiskSpec;
pub(crate) use flag::{AddHelp, Flag};
pub(crate) use heartbeat::HeartbeatSource;
pub(crate) use process::{Matcher, ProcessSpec, RestartHow, RestartSpec};
pub(crate) use sqlite::SqliteSpec;
pub(crate) use tasks::TaskPing;
pub(crate) use tmux::TmuxSpec;

use super::checker::Checker;
use super::{HostThresholds, Limits, NumOrText, RawMonitor, Spec};
use std::time::Duration;

/// Keys every monitor accepts.
pub(crate) const COMMON: &[&str] = &[
    "name",
    "kind",
    "enabled",
    "description",
    "timeout",
    "for",
    "cooldown",
    "flap_high",
    "flap_low",
    "anomaly",
    "depends_on",
];

/// One monitor kind: its name and keys, its `hm add` flags, and the
/// function that validates a monitor of it.
pub(crate) struct Kind {
    /// As written in `kind = "..."` and printed.
    pub name: &'static str,
    /// The `[[monitor]]` keys it takes beyond [`COMMON`], in the order
    /// messages list them.
    pub keys: &'static [&'static str],
    /// `hm add KIND`'s help and flags, one per key (a test holds them to `keys`).
    pub add: AddHelp,
    /// The spec from the raw table, with every default filled in; `None`
    /// after reporting (through the checker) what makes it unusable. The
    /// host thresholds are the defaults of the kinds that have them.
    pub validate: fn(&mut Checker<'_, '_>, &RawMonitor, &HostThresholds) -> Option<Spec>,
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

/// The kind of a resolved spec.
pub(crate) fn of(spec: &Spec) -> &'static Kind {
    match spec {
        Spec::Cpu { .. } => &cpu::KIND,
        Spec::Memory { .. } => &memory::KIND,
        Spec::Load { .. } => &load::KIND,
        Spec::Disk(_) => &disk::KIND,
        Spec::Process(_) => &process::KIND,
        Spec::Heartbeat(_) => &heartbeat::KIND,
        Spec::Tmux(_) => &tmux::KIND,
        Spec::Sqlite(_) => &sqlite::KIND,
        Spec::Http(_) => &http::KIND,
        Spec::Tcp(_) => &tcp::KIND,
        Spec::Command(_) => &command::KIND,
        Spec::Workspace(_) => &workspace::KIND,
        Spec::Tasks(_) => &tasks::KIND,
        Spec::Gpu(_) => &gpu::KIND,
    }
}

/// What a spec watches and its thresholds, for `hm monitor list`: each
/// kind handed its own spec.
pub(crate) fn describe(spec: &Spec) -> Described {
    match spec {
        Spec::Cpu { limits } => cpu::describe(*limits),
        Spec::Memory { memory, swap } => memory::describe(*memory, *swap),
        Spec::Load { limits } => load::describe(*limits),
        Spec::Disk(s) => disk::describe(s),
        Spec::Process(s) => process::describe(s),
        Spec::Heartbeat(s) => heartbeat::describe(s),
        Spec::Tmux(s) => tmux::describe(s),
        Spec::Sqlite(s) => sqlite::describe(s),
        Spec::Http(s) => http::describe(s),
        Spec::Tcp(s) => tcp::describe(s),
        Spec::Command(s) => command::describe(s),
        Spec::Workspace(s) => workspace::describe(s),
        Spec::Tasks(s) => tasks::describe(s),
        Spec::Gpu(s) => gpu::describe(s),
    }
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

    /// A monitor of each kind, validated, is that kind again: [`of`]
    /// agrees with what `validate` builds (a new kind adds its line here).
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
