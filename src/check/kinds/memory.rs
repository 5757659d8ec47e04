//! `memory`: used memory % (from MemAvailable, which counts reclaimable
//! cache as free, as `free` does) and swap %.

use super::{AddHelp, Described, Flag, Kind, host_limits, limits_text, num, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{HostThresholds, Limits, Monitor, RawMonitor, Spec};
use crate::units::format_bytes;
use anyhow::Result;

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
    is: |s| matches!(s, Spec::Memory { .. }),
    validate,
    check: |ctx, m| match &m.spec {
        Spec::Memory { memory, swap } => check(ctx, *memory, *swap),
        _ => Err(wrong_kind("memory", m)),
    },
    describe,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor, t: &HostThresholds) -> Option<Spec> {
    let pct = Some((0.0, 100.0));
    let m = host_limits(c, raw, t.memory);
    let s = Limits { warn: raw.swap_warn.or(t.swap.warn), crit: raw.swap_crit.or(t.swap.crit) };
    Some(Spec::Memory { memory: c.limits("warn", "crit", m, pct), swap: c.limits("swap_warn", "swap_crit", s, pct) })
}

fn describe(m: &Monitor) -> Described {
    let (memory, swap) = match &m.spec {
        Spec::Memory { memory, swap } => (*memory, *swap),
        _ => Default::default(),
    };
    ("memory and swap".into(), vec![limits_text("", memory, num), limits_text("swap_", swap, num)])
}

pub(crate) fn check(ctx: &CheckCtx<'_>, memory: Limits, swap: Limits) -> Result<CheckOutput> {
    let m = ctx.host.memory()?;
    let total = m.total.max(1) as f64;
    let used = 100.0 * (m.total.saturating_sub(m.available)) as f64 / total;
    let mut metrics =
        vec![Metric::new("memory", used, "%").limits(memory), Metric::new("available", m.available as f64, "B")];
    let swap_text = if m.swap_total > 0 {
        let s = 100.0 * m.swap_total.saturating_sub(m.swap_free) as f64 / m.swap_total as f64;
        metrics.push(Metric::new("swap", s, "%").limits(swap));
        format!("swap {s:.1}%")
    } else {
        "no swap".to_string()
    };
    Ok(CheckOutput::from_metrics(
        format!("memory {used:.1}% used ({} available), {swap_text}", format_bytes(m.available as f64)),
        metrics,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::{MemInfo, fake::FakeHost};
    use crate::status::Status;

    #[test]
    fn swap_can_be_critical_alone() {
        let host = FakeHost {
            mem: MemInfo { total: 1000, available: 500, swap_total: 100, swap_free: 2 },
            ..Default::default()
        };
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let out = check(&ctx, Limits::new(90.0, 95.0), Limits::new(90.0, 95.0)).expect("check");
        assert_eq!(out.metrics[0].value, 50.0);
        assert_eq!(out.metrics[2].value, 98.0);
        assert_eq!(out.status, Status::Critical);
    }

    #[test]
    fn no_swap_is_fine() {
        let host = FakeHost { mem: MemInfo { total: 1000, available: 50, ..Default::default() }, ..Default::default() };
        let f = Inputs::default();
        let ctx = f.ctx(&host, 0.0);
        let out = check(&ctx, Limits::new(90.0, 95.0), Limits::new(90.0, 95.0)).expect("check");
        assert_eq!(out.status, Status::Warning);
        assert!(out.message.ends_with("no swap"), "{}", out.message);
    }
}
