//! `cpu`: total CPU % from `/proc/stat` deltas.
//!
//! A one-shot run cannot wait a second to measure, so the counters of each
//! run are stored and the next run computes the delta against them. Only
//! when there is no recent counter (first run, or more than 15 minutes ago)
//! does the check sample for a short interval itself.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::cpu`.

use crate::check::{CheckCtx, CheckOutput, Metric, SAMPLE};
use crate::config::Limits;
use crate::host::CpuTimes;
use anyhow::Result;

const BUSY: &str = "cpu.busy";
const IOWAIT: &str = "cpu.iowait";
const TOTAL: &str = "cpu.total";
const BUSY_PCT: &str = "cpu.busy_pct";
const IOWAIT_PCT: &str = "cpu.iowait_pct";

/// Fewer ticks than this between two readings is too coarse to judge by.
const MIN_TICKS: f64 = 50.0;

pub(crate) fn check(ctx: &CheckCtx<'_>, limits: Limits) -> Result<CheckOutput> {
    let now = ctx.host.cpu_times()?;
    let previous = match (ctx.recent_counter(BUSY), ctx.recent_counter(IOWAIT), ctx.recent_counter(TOTAL)) {
        (Some(b), Some(i), Some(t)) => {
            Some(CpuTimes { busy: b.value as u64, iowait: i.value as u64, total: t.value as u64 })
        }
        _ => None,
    };
    let last_figures = (ctx.recent_counter(BUSY_PCT), ctx.recent_counter(IOWAIT_PCT));
    let (busy, iowait, counters) = match (previous, last_figures) {
        (Some(p), _) if now.total.saturating_sub(p.total) as f64 >= MIN_TICKS => {
            let (b, i) = percentages(p, now);
            (b, i, Some(now))
        }
        // Run again within a fraction of a second: the last figure still
        // stands, and the stored reading is kept so the next run's window
        // is long enough.
        (Some(_), (Some(b), Some(i))) => (b.value, i.value, None),
        _ => {
            std::thread::sleep(SAMPLE);
            let after = ctx.host.cpu_times()?;
            let (b, i) = percentages(now, after);
            (b, i, Some(after))
        }
    };
    let mut out = CheckOutput::from_metrics(
        format!("CPU {busy:.1}% busy, {iowait:.1}% iowait"),
        vec![Metric::new("cpu", busy, "%").limits(limits), Metric::new("iowait", iowait, "%")],
    );
    if let Some(reading) = counters {
        out.counters = vec![
            (BUSY.to_string(), reading.busy as f64),
            (IOWAIT.to_string(), reading.iowait as f64),
            (TOTAL.to_string(), reading.total as f64),
            (BUSY_PCT.to_string(), busy),
            (IOWAIT_PCT.to_string(), iowait),
        ];
    }
    Ok(out)
}

fn percentages(before: CpuTimes, after: CpuTimes) -> (f64, f64) {
    let total = after.total.saturating_sub(before.total).max(1) as f64;
    let busy = 100.0 * after.busy.saturating_sub(before.busy) as f64 / total;
    let iowait = 100.0 * after.iowait.saturating_sub(before.iowait) as f64 / total;
    (busy, iowait)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Inputs;
    use crate::host::fake::FakeHost;
    use crate::status::Status;

    #[test]
    fn delta_against_stored_counters_without_sleeping() {
        let host = FakeHost { cpu: CpuTimes { busy: 1900, iowait: 100, total: 3000 }, ..Default::default() };
        let f = Inputs::default().counters(&[(BUSY, 1000.0), (IOWAIT, 100.0), (TOTAL, 2000.0)], 970.0);
        let ctx = f.ctx(&host, 1000.0);
        let start = std::time::Instant::now();
        let out = check(&ctx, Limits::new(80.0, 95.0)).expect("check");
        assert!(start.elapsed() < SAMPLE, "must not sample when counters are recent");
        assert_eq!(out.metrics[0].value, 90.0);
        assert_eq!(out.status, Status::Warning);
        assert_eq!(out.counters[2], (TOTAL.to_string(), 3000.0));
    }

    #[test]
    fn a_run_right_after_another_reuses_its_figure() {
        let host = FakeHost { cpu: CpuTimes { busy: 1010, iowait: 100, total: 2010 }, ..Default::default() };
        let f = Inputs::default()
            .counters(&[(BUSY, 1000.0), (IOWAIT, 100.0), (TOTAL, 2000.0), (BUSY_PCT, 42.0), (IOWAIT_PCT, 1.0)], 999.9);
        let ctx = f.ctx(&host, 1000.0);
        let start = std::time::Instant::now();
        let out = check(&ctx, Limits::new(80.0, 95.0)).expect("check");
        assert!(start.elapsed() < SAMPLE);
        assert_eq!(out.metrics[0].value, 42.0);
        assert!(out.counters.is_empty(), "the older reading must be kept");
    }

    #[test]
    fn stale_counters_are_not_used() {
        let host = FakeHost { cpu: CpuTimes { busy: 1900, iowait: 0, total: 3000 }, ..Default::default() };
        let f = Inputs::default().counters(&[(BUSY, 0.0), (IOWAIT, 0.0), (TOTAL, 0.0)], 0.0);
        let ctx = f.ctx(&host, 10_000.0);
        let out = check(&ctx, Limits::new(80.0, 95.0)).expect("check");
        // The fake's counters do not move while sampling: 0% busy, not 63%.
        assert_eq!(out.metrics[0].value, 0.0);
    }
}
