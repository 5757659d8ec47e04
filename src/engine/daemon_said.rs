//! What the loop of `hm run` and `hm serve` says of itself: its first
//! line (which config and database, how often), and a wall clock that
//! stepped away from hm's steady one, a warning to the caller's
//! sink. Apart from `daemon.rs`, which is the loop.

use super::daemon::LoopArgs;
use super::{Ctx, Say};
use crate::config::Config;

/// Say once, to `say`, when the system clock has stepped away from this
/// process's steady one (`time.rs`) by more than a minute
/// since it was last said; the drift said.
pub(super) fn say_drift(said: f64, say: &Say) -> f64 {
    let drift = crate::time::drift();
    if (drift - said).abs() <= 60.0 {
        return said;
    }
    let by = crate::units::format_duration(crate::units::secs(drift.abs()));
    let way = if drift > 0.0 { "ahead of" } else { "behind" };
    say.warning(format!(
        "the system clock is now {by} {way} hm's, which runs steadily from its start: \
         budgets, backoffs and cooldowns keep hm's time; restart hm to follow the system clock"
    ));
    drift
}

/// What a loop starts with, for its first line on stderr: which config
/// and database it uses (the first thing to doubt when nothing seems to
/// happen), and how often it checks.
pub(crate) fn started(ctx: &Ctx, config: &Config, args: &LoopArgs) -> String {
    let interval = args.interval.unwrap_or(config.settings.interval);
    let config_path = match &config.path {
        Some(p) => p.display().to_string(),
        None => "none: the embedded monitors".into(),
    };
    format!(
        "config {config_path}, database {}, {} monitors every {}{}; SIGHUP reloads, SIGTERM stops",
        ctx.db_path(config).display(),
        config.monitors.iter().filter(|m| m.enabled).count(),
        crate::units::format_duration(interval),
        if args.heal { ", healing" } else { "" }
    )
}

/// What an escalation between cycles did: a note per alert escalated (it
/// is not a cycle, so no cycle line), or the failure, as a cycle's.
pub(super) fn escalated(c: super::daemon::Cycle, say: &Say, emit: &mut impl FnMut(super::daemon::Cycle)) {
    let super::daemon::Cycle::Check(r) = &c else { return emit(c) };
    for w in &r.warnings {
        say.warning(w.clone());
    }
    for a in &r.alerts {
        say.note(format!(
            "escalated alert {} ({} {}) to {}",
            a.alert_id,
            a.monitor,
            a.severity.as_str(),
            a.channels.join(", ")
        ));
    }
    if let Some(d) = r.notifications.as_ref().filter(|d| !d.failed.is_empty()) {
        for f in &d.failed {
            say.warning(format!("cannot deliver to {}: {}", f.channel, f.error));
        }
    }
}
