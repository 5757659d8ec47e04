//! `load`: the 1, 5 and 15-minute load averages divided by the number of
//! CPUs, so one threshold fits a laptop and a 64-core server alike.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::load`.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, RawMonitor, Spec};

pub(crate) static KIND: Kind = Kind {
    name: "load",
    keys: &["warn", "crit"],
    add: AddHelp {
        about: "Load average per CPU",
        heading: "A load monitor",
        flags: &[
            Flag::number("warn", "LOAD", "Warning level, load per CPU (default 2)"),
            Flag::number("crit", "LOAD", "Critical level, load per CPU (default 4)"),
        ],
        examples: "Example:\n  hm add load load --warn 1.5 --crit 3",
    },
    validate,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor, t: &HostThresholds) -> Option<Spec> {
    let l = host_limits(c, raw, t.load);
    Some(Spec::Load { limits: c.limits("warn", "crit", l, Some((0.0, f64::MAX))) })
}

pub(super) fn describe(limits: Limits) -> Described {
    ("load per CPU".into(), vec![limits_text("", limits, num)])
}
