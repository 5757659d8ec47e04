//! `cpu`: total CPU % from `/proc/stat` deltas.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::cpu`.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, RawMonitor, Spec};

pub(crate) static KIND: Kind = Kind {
    name: "cpu",
    keys: &["warn", "crit"],
    add: AddHelp {
        about: "Total CPU use, %",
        heading: "A cpu monitor",
        flags: &[
            Flag::number("warn", "PERCENT", "Warning level, % of all CPUs (default 80, or [thresholds])"),
            Flag::number("crit", "PERCENT", "Critical level, % (default 95)"),
        ],
        examples: "Example:\n  hm add cpu cpu-busy --warn 70 --crit 90",
    },
    validate,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor, t: &HostThresholds) -> Option<Spec> {
    let l = host_limits(c, raw, t.cpu);
    Some(Spec::Cpu { limits: c.limits("warn", "crit", l, Some((0.0, 100.0))) })
}

pub(super) fn describe(limits: Limits) -> Described {
    ("total CPU".into(), vec![limits_text("", limits, num)])
}
