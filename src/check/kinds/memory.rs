//! `memory`: used memory % (from MemAvailable, which counts reclaimable
//! cache as free, as `free` does) and swap %.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::memory`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::Limits;
use crate::units::format_bytes;
use anyhow::Result;

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
