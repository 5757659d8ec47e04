//! `tasks`: how a job is doing, from its `hm ping NAME [--fail] --duration S`
//! records over a window: error rate (warn 5%, crit 10%), tasks per
//! minute, p50 and p95 duration, and "slow" (warning) when the average
//! duration is over twice the expected one.
//!
//! Here: its spec, its `hm.toml` keys and `hm add` flags, their
//! validation, and how `hm monitor list` shows it; the check is
//! `check::kinds::tasks`.

use super::{AddHelp, Described, Flag, Kind, limits_text, num, pct};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};
use crate::units::format_duration;
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
    validate: |c, raw, _| validate(c, raw),
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

pub(super) fn describe(t: &TasksSpec) -> Described {
    (format!("hm ping {} over {}", t.ping, format_duration(t.window)), vec![limits_text("error_", t.errors, num)])
}
