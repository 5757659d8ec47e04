//! `gpu`: utilisation, memory and temperature of every NVIDIA GPU, from
//! `nvidia-smi --query-gpu=... --format=csv,noheader,nounits`. A host with
//! no GPU, no driver or no nvidia-smi is `ok` with a note: the monitor can
//! be in a config shared by a fleet where only some hosts have GPUs.

use super::{AddHelp, Described, Flag, Kind, limits_text, num, pct, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::status::Status;
use anyhow::Result;
use std::time::Duration;

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
    is: |s| matches!(s, Spec::Gpu(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Gpu(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("gpu", m)),
    },
    describe,
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

fn describe(m: &Monitor) -> Described {
    let Spec::Gpu(g) = &m.spec else { return Described::default() };
    ("nvidia-smi".into(), vec![limits_text("", g.memory, num), limits_text("temp_", g.temperature, num)])
}

/// The fields asked for, in order.
pub(crate) const QUERY: &str = "index,name,utilization.gpu,memory.used,memory.total,temperature.gpu";

/// One GPU's figures; `None` where nvidia-smi says `[N/A]` or `[Not Supported]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gpu {
    pub index: String,
    pub name: String,
    pub utilization: Option<f64>,
    pub memory_used_mib: Option<f64>,
    pub memory_total_mib: Option<f64>,
    pub temperature: Option<f64>,
}

/// Parse nvidia-smi's CSV (no header, no units); lines that do not have
/// the six fields are skipped.
pub(crate) fn parse(csv: &str) -> Vec<Gpu> {
    csv.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split(',').map(str::trim).collect();
            if f.len() != 6 || f[0].is_empty() {
                return None;
            }
            let num = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
            Some(Gpu {
                index: f[0].to_string(),
                name: f[1].to_string(),
                utilization: num(f[2]),
                memory_used_mib: num(f[3]),
                memory_total_mib: num(f[4]),
                temperature: num(f[5]),
            })
        })
        .collect()
}

/// Why there is no GPU to check, when nvidia-smi's failure says so.
fn absent(error: &str) -> bool {
    let e = error.to_ascii_lowercase();
    [
        "not found",
        "no devices were found",
        "couldn't communicate with the nvidia driver",
        "driver/library version mismatch",
    ]
    .iter()
    .any(|s| e.contains(s))
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &GpuSpec, timeout: Duration) -> Result<CheckOutput> {
    let argv: Vec<String> =
        ["nvidia-smi", &format!("--query-gpu={QUERY}"), "--format=csv,noheader,nounits"].map(String::from).to_vec();
    let csv = match ctx.host.command_output(&argv, timeout) {
        Ok(out) => out,
        Err(e) if absent(&format!("{e:#}")) => {
            return Ok(CheckOutput { status: Status::Ok, message: format!("no GPU: {e:#}"), ..Default::default() });
        }
        Err(e) => return Ok(CheckOutput { status: Status::Unknown, message: format!("{e:#}"), ..Default::default() }),
    };
    let gpus = parse(&csv);
    if gpus.is_empty() {
        return Ok(CheckOutput {
            status: Status::Ok,
            message: "no GPU found by nvidia-smi".into(),
            ..Default::default()
        });
    }
    let mut metrics = Vec::new();
    let mut parts = Vec::new();
    for g in &gpus {
        let mut part = format!("gpu{} {}", g.index, g.name);
        if let Some(u) = g.utilization {
            metrics.push(Metric::new(format!("util:{}", g.index), u, "%").limits(spec.utilization));
            part.push_str(&format!(" {u:.0}% busy"));
        }
        if let (Some(used), Some(total)) = (g.memory_used_mib, g.memory_total_mib.filter(|t| *t > 0.0)) {
            let pct = 100.0 * used / total;
            metrics.push(Metric::new(format!("memory:{}", g.index), pct, "%").limits(spec.memory));
            metrics.push(Metric::new(format!("memory_used:{}", g.index), used * 1024.0 * 1024.0, "B"));
            part.push_str(&format!(", memory {pct:.0}%"));
        }
        if let Some(t) = g.temperature {
            metrics.push(Metric::new(format!("temperature:{}", g.index), t, "").limits(spec.temperature));
            part.push_str(&format!(", {t:.0}°C"));
        }
        parts.push(part);
    }
    Ok(CheckOutput::from_metrics(parts.join("; "), metrics))
}

#[cfg(test)]
#[path = "gpu_tests.rs"]
mod tests;
