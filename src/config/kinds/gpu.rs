//! `gpu`: utilisation, memory and temperature of every NVIDIA GPU, from
//! `nvidia-smi --query-gpu=... --format=csv,noheader,nounits`. A host with
//! no GPU, no driver or no nvidia-smi is `ok` with a note: the monitor can
//! be in a config shared by a fleet where only some hosts have GPUs.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::gpu`.

use super::{AddHelp, Described, Flag, Kind, limits_text, num, pct};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};

/// `gpu`: per-GPU levels from nvidia-smi.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GpuSpec {
    /// Memory used, %.
    pub memory: Limits,
    /// Temperature, °C.
    pub temperature: Limits,
    /// Utilisation, %.
    pub utilization: Limits,
}

pub(crate) static KIND: Kind = Kind {
    name: "gpu",
    keys: &["warn", "crit", "temp_warn", "temp_crit", "util_warn", "util_crit"],
    add: AddHelp {
        about: "Every NVIDIA GPU's memory, temperature and utilisation (ok with a note when none)",
        heading: "A gpu monitor",
        flags: &[
            Flag::number("warn", "PERCENT", "Memory warning level, % used (default 90)"),
            Flag::number("crit", "PERCENT", "Memory critical level, % (default 95)"),
            Flag::float("temp_warn", "CELSIUS", "Temperature warning level, °C (default 85)"),
            Flag::float("temp_crit", "CELSIUS", "Temperature critical level, °C (default 95)"),
            Flag::float("util_warn", "PERCENT", "Utilisation warning level, %"),
            Flag::float("util_crit", "PERCENT", "Utilisation critical level, %"),
        ],
        examples: "Example:\n  hm add gpu gpus --warn 90 --crit 98 --temp-warn 80 --temp-crit 90",
    },
    validate: |c, raw, _| validate(c, raw),
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let memory = Limits {
        warn: Some(c.number("warn", raw.warn.as_ref()).unwrap_or(90.0)),
        crit: Some(c.number("crit", raw.crit.as_ref()).unwrap_or(95.0)),
    };
    let temperature = Limits { warn: Some(raw.temp_warn.unwrap_or(85.0)), crit: Some(raw.temp_crit.unwrap_or(95.0)) };
    let utilization = Limits { warn: raw.util_warn, crit: raw.util_crit };
    Some(Spec::Gpu(GpuSpec {
        memory: pct(c, ("warn", "crit"), memory),
        temperature: c.limits("temp_warn", "temp_crit", temperature, None),
        utilization: pct(c, ("util_warn", "util_crit"), utilization),
    }))
}

pub(super) fn describe(g: &GpuSpec) -> Described {
    ("nvidia-smi".into(), vec![limits_text("", g.memory, num), limits_text("temp_", g.temperature, num)])
}
