//! `memory`: used memory % (from MemAvailable, which counts reclaimable
//! cache as free, as `free` does) and swap %.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::memory`.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, RawMonitor, Spec};

pub(crate) static KIND: Kind = Kind {
    name: "memory",
    keys: &["warn", "crit", "swap_warn", "swap_crit"],
    add: AddHelp {
        about: "Used memory and swap, %",
        heading: "A memory monitor",
        flags: &[
            Flag::number("warn", "PERCENT", "Warning level, % of memory used (default 90)"),
            Flag::number("crit", "PERCENT", "Critical level, % (default 95)"),
            Flag::float("swap_warn", "PERCENT", "Swap warning level, %"),
            Flag::float("swap_crit", "PERCENT", "Swap critical level, %"),
        ],
        examples: "Example:\n  hm add memory mem --warn 85 --crit 95 --swap-warn 50",
    },
    validate,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor, t: &HostThresholds) -> Option<Spec> {
    let pct = Some((0.0, 100.0));
    let m = host_limits(c, raw, t.memory);
    let s = Limits { warn: raw.swap_warn.or(t.swap.warn), crit: raw.swap_crit.or(t.swap.crit) };
    Some(Spec::Memory { memory: c.limits("warn", "crit", m, pct), swap: c.limits("swap_warn", "swap_crit", s, pct) })
}

pub(super) fn describe(memory: Limits, swap: Limits) -> Described {
    ("memory and swap".into(), vec![limits_text("", memory, num), limits_text("swap_", swap, num)])
}
