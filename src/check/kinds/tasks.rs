//! `tasks`: how a job is doing, from its `hm ping NAME [--fail] --duration S`
//! records over a window: error rate (warn 5%, crit 10%), tasks per
//! minute, p50 and p95 duration, and "slow" (warning) when the average
//! duration is over twice the expected one.

use super::{AddHelp, Described, Flag, Kind, limits_text, num, pct, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, Monitor, RawMonitor, Spec};
use crate::status::Status;
use crate::units::format_duration;
use anyhow::Result;
use std::time::Duration;

/// `tasks`: outcomes and durations from `hm ping NAME [--fail] --duration S`.
#[derive(Debug, Clone)]
pub(crate) struct TasksSpec {
    /// The ping name (default: the monitor's name).
    pub ping: String,
    /// The window the rates are computed over.
    pub window: Duration,
    /// Error-rate levels, %.
    pub errors: Limits,
    /// A task's expected duration: slow (warning) when the average is over twice this.
    pub expected: Option<Duration>,
}

/// A recorded ping, as the tasks check reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TaskPing {
    pub ts: f64,
    pub ok: bool,
    pub duration_ms: Option<f64>,
}

pub(crate) static KIND: Kind = Kind {
    name: "tasks",
    keys: &["ping", "window", "error_warn", "error_crit", "expected", "worker"],
    add: AddHelp {
        about: "Task outcomes and durations recorded by `hm ping NAME [--fail] --duration S`",
        heading: "A tasks monitor",
        flags: &[
            Flag::text("ping", "NAME", "The `hm ping` name (default: the monitor's name)"),
            Flag::text("window", "DURATION", "The rates are computed over this (default 1h)"),
            Flag::float("error_warn", "PERCENT", "Warning error rate, % (default 5)"),
            Flag::float("error_crit", "PERCENT", "Critical error rate, % (default 10)"),
            Flag::text("expected", "DURATION", "A task's expected duration: slow when the mean is over twice this"),
            Flag::text("worker", "MONITOR", "The process monitor whose worker `hm heal` restarts when this goes stale"),
        ],
        examples: "Example:\n  hm add tasks etl --window 1h --error-warn 5 --error-crit 20 --expected 2m",
    },
    is: |s| matches!(s, Spec::Tasks(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Tasks(spec) => check(ctx, spec),
        _ => Err(wrong_kind("tasks", m)),
    },
    describe,
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let ping = raw.ping.clone().unwrap_or_else(|| raw.name.clone());
    if let Some(why) = crate::config::validate::name_problem(&ping, "ping name") {
        c.err("ping", why);
    }
    let window = c.duration("window", raw.window.as_deref(), Duration::from_secs(3600));
    let errors = Limits { warn: Some(raw.error_warn.unwrap_or(5.0)), crit: Some(raw.error_crit.unwrap_or(10.0)) };
    let errors = pct(c, ("error_warn", "error_crit"), errors);
    let expected = raw.expected.as_deref().map(|e| c.duration("expected", Some(e), Duration::ZERO));
    Some(Spec::Tasks(TasksSpec { ping, window, errors, expected }))
}

fn describe(m: &Monitor) -> Described {
    let Spec::Tasks(t) = &m.spec else { return Described::default() };
    (format!("hm ping {} over {}", t.ping, format_duration(t.window)), vec![limits_text("error_", t.errors, num)])
}

/// The `q` quantile (0–1) of sorted values, nearest rank.
pub(crate) fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

pub(crate) fn check(ctx: &CheckCtx<'_>, spec: &TasksSpec) -> Result<CheckOutput> {
    let window_s = spec.window.as_secs_f64();
    let pings: Vec<&TaskPing> = ctx
        .tasks
        .get(&spec.ping)
        .map(|v| v.iter().filter(|p| ctx.now - p.ts <= window_s).collect())
        .unwrap_or_default();
    let window = format_duration(spec.window);
    if pings.is_empty() {
        return Ok(CheckOutput {
            status: Status::Unknown,
            message: format!("no `{}` tasks recorded in the last {window} (hm ping {})", spec.ping, spec.ping),
            ..Default::default()
        });
    }
    let total = pings.len() as f64;
    let failed = pings.iter().filter(|p| !p.ok).count() as f64;
    let errors = Metric::new("error_rate", 100.0 * failed / total, "%").limits(spec.errors);
    let rate = Metric::new("per_minute", total / (window_s / 60.0), "");
    let mut durations: Vec<f64> = pings.iter().filter_map(|p| p.duration_ms).map(|ms| ms / 1000.0).collect();
    durations.sort_by(f64::total_cmp);
    let mut metrics = vec![errors.clone(), rate, Metric::new("tasks", total, "")];
    let mut status = errors.status();
    let mut message = format!("{} tasks in {window}, {:.1}% failed", pings.len(), errors.value);
    if let (Some(p50), Some(p95)) = (quantile(&durations, 0.5), quantile(&durations, 0.95)) {
        let mean = durations.iter().sum::<f64>() / durations.len() as f64;
        metrics.push(Metric::new("p50", p50, "s"));
        metrics.push(Metric::new("p95", p95, "s"));
        let mut avg = Metric::new("mean", mean, "s");
        let show = |s: f64| format_duration(crate::units::secs(s));
        message.push_str(&format!(", p50 {} p95 {}", show(p50), show(p95)));
        if let Some(expected) = spec.expected {
            avg.warn = Some(2.0 * expected.as_secs_f64());
            if avg.status() != Status::Ok {
                status = status.worst(Status::Warning);
                message.push_str(&format!(
                    "; slow: mean {} is over twice the expected {}",
                    show(mean),
                    show(expected.as_secs_f64())
                ));
            }
        }
        metrics.push(avg);
    }
    Ok(CheckOutput { status, message, metrics, ..Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!((quantile(&v, 0.5), quantile(&v, 0.95), quantile(&v, 1.0)), (Some(50.0), Some(95.0), Some(100.0)));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[7.0], 0.95), Some(7.0));
    }
}
