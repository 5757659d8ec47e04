//! A `heartbeat` with a cron `schedule`: healthchecks.io's model. A job is
//! due at the first scheduled time after it last ran; it is late, and
//! critical, once that time plus `grace` has passed without a run since.
//! A run is the heartbeat's time (a ping, a file's mtime, a query's
//! timestamp); a run begun with `hm ping --start` and not ended counts from
//! its start, and is critical once it has taken longer than
//! `max_runtime`. A ping that reports failure is critical at once.
//!
//! The wall clock, not hm's steady one: the schedule is the host's (or
//! the zone's) calendar, and the times compared are the host's stamps.

use super::heartbeat::{critical, file_mtime, sql_timestamp};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::HeartbeatSource;
use crate::config::kinds::schedule::Schedule;
use crate::host::app_db::HotJournal;
use crate::status::Status;
use crate::units::{format_duration, secs};
use anyhow::Result;
use std::time::{Duration, Instant};

/// The last run: when, whether it worked (pings say), how long it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Run {
    pub ts: f64,
    pub ok: Option<bool>,
    pub took: Option<f64>,
}

pub(super) fn check(
    ctx: &CheckCtx<'_>,
    source: &HeartbeatSource,
    s: &Schedule,
    since: Option<f64>,
    timeout: Duration,
) -> Result<CheckOutput> {
    let (last, began) = match source {
        HeartbeatSource::File(path) => match file_mtime(path) {
            Ok(ts) => (Some(Run { ts, ok: None, took: None }), None),
            Err(e) if e.is_not_found() => (None, None),
            Err(e) => return Ok(critical(format!("cannot read {}: {e}", path.display()))),
        },
        HeartbeatSource::Ping(name) => {
            let last = ctx.pings.get(name).map(|p| Run { ts: p.ts, ok: Some(p.ok), took: p.took });
            (last, ctx.started.get(name).copied())
        }
        HeartbeatSource::Sql { database, query } => match sql_timestamp(database, query, Instant::now() + timeout) {
            Ok(ts) => (ts.map(|ts| Run { ts, ok: None, took: None }), None),
            Err(e) if HotJournal::in_chain(&e) => return Ok(critical(format!("{e:#}"))),
            Err(e) => {
                return Ok(CheckOutput { status: Status::Unknown, message: format!("{e:#}"), ..Default::default() });
            }
        },
    };
    Ok(judge(s, ctx.now, last, began, since))
}

/// The status of a scheduled job at `now`, from its last run and the
/// start of the run now going, if any. A job that never ran is expected
/// from when it was first checked (`watched`; now, at the first check):
/// a job set up with its monitor is not late before its first due time.
pub(super) fn judge(
    s: &Schedule,
    now: f64,
    last: Option<Run>,
    began: Option<f64>,
    watched: Option<f64>,
) -> CheckOutput {
    let ran = last.map(|r| {
        let how = match (r.ok, r.took) {
            (Some(false), _) => " (failed)".to_string(),
            (Some(true), Some(t)) => format!(" (ok, took {})", format_duration(secs(t.max(0.0)))),
            (Some(true), None) => " (ok)".to_string(),
            (None, _) => String::new(),
        };
        format!("last ran {}{how}", s.show_dated(r.ts))
    });
    let running = began.filter(|b| last.is_none_or(|r| *b > r.ts));
    let mut parts: Vec<String> = ran.into_iter().collect();
    if let Some(b) = running {
        let so_far = secs((now - b).max(0.0));
        parts.push(format!("running since {} ({})", s.show_seen(b, now), format_duration(so_far)));
        if let Some(max) = s.max_runtime
            && so_far > max
        {
            parts.push(format!("over max_runtime {}", format_duration(max)));
            return out(Status::Critical, parts, now, last);
        }
    }
    // The latest sign of life: the end of the last run, or the start of this one.
    let since = match running.or(last.map(|r| r.ts)) {
        Some(since) => since,
        None => {
            let watched = watched.unwrap_or(now).min(now);
            parts.push(format!("never ran (watched since {})", s.show_dated(watched)));
            watched
        }
    };
    if last.is_some_and(|r| r.ok == Some(false)) && running.is_none() {
        if let Some(n) = s.after(now) {
            parts.push(format!("next due {}", s.show(n, now)));
        }
        return out(Status::Critical, parts, now, last);
    }
    let Some(due) = s.after(since) else {
        parts.push(format!("`{}` is never due again", s.expr));
        return out(Status::Ok, parts, now, last);
    };
    let late_at = due + s.grace.as_secs_f64();
    let status = if now > late_at {
        parts.push(format!("due {}, late since {}", s.show(due, now), s.show(late_at, now)));
        Status::Critical
    } else if now >= due {
        parts.push(format!("due {}, within the grace until {}", s.show(due, now), s.show(late_at, now)));
        Status::Ok
    } else {
        parts.push(format!("next due {}", s.show(due, now)));
        Status::Ok
    };
    out(status, parts, now, last)
}

fn out(status: Status, parts: Vec<String>, now: f64, last: Option<Run>) -> CheckOutput {
    let metrics = last.map(|r| vec![Metric::new("age", (now - r.ts).max(0.0), "s")]).unwrap_or_default();
    CheckOutput { status, message: parts.join("; "), metrics, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::kinds::schedule::{parse_cron, parse_zone};

    fn nightly(max_runtime: Option<u64>) -> Schedule {
        let cron = parse_cron("0 2 * * *").expect("cron");
        let zone = parse_zone("UTC").expect("zone");
        Schedule::new("0 2 * * *", cron, zone, Duration::from_secs(1800), max_runtime.map(Duration::from_secs))
    }

    fn at(s: &str) -> f64 {
        chrono::DateTime::parse_from_rfc3339(s).expect("time").timestamp() as f64
    }

    fn ran(s: &str, ok: bool) -> Option<Run> {
        Some(Run { ts: at(s), ok: Some(ok), took: None })
    }

    fn judged(now: &str, last: Option<Run>, began: Option<&str>, max: Option<u64>) -> (Status, String) {
        let o = judge(&nightly(max), at(now), last, began.map(at), Some(at("2027-03-09T12:00:00Z")));
        (o.status, o.message)
    }

    #[test]
    fn issue30_on_time_within_the_grace_late_and_a_missed_day() {
        let last = ran("2027-03-10T02:05:00Z", true);
        let ok = judged("2027-03-10T12:00:00Z", last, None, None);
        assert_eq!(ok, (Status::Ok, "last ran 2027-03-10 02:05 (ok); next due 2027-03-11 02:00".into()));
        let grace = judged("2027-03-11T02:10:00Z", last, None, None);
        assert_eq!(
            grace,
            (Status::Ok, "last ran 2027-03-10 02:05 (ok); due 02:00, within the grace until 02:30".into())
        );
        let late = judged("2027-03-11T02:31:00Z", last, None, None);
        assert_eq!(late, (Status::Critical, "last ran 2027-03-10 02:05 (ok); due 02:00, late since 02:30".into()));
        let missed = judged("2027-03-12T01:00:00Z", last, None, None);
        assert_eq!(
            missed,
            (
                Status::Critical,
                "last ran 2027-03-10 02:05 (ok); due 2027-03-11 02:00, late since 2027-03-11 02:30".into()
            )
        );
        let failed = judged("2027-03-10T12:00:00Z", ran("2027-03-10T02:05:00Z", false), None, None);
        assert_eq!(failed, (Status::Critical, "last ran 2027-03-10 02:05 (failed); next due 2027-03-11 02:00".into()));
        // Watched since 2027-03-09 12:00: due on the 10th at 02:00.
        let never = judged("2027-03-09T13:00:00Z", None, None, None);
        assert_eq!(never, (Status::Ok, "never ran (watched since 2027-03-09 12:00); next due 2027-03-10 02:00".into()));
        let never = judged("2027-03-10T12:00:00Z", None, None, None);
        assert_eq!(
            never,
            (Status::Critical, "never ran (watched since 2027-03-09 12:00); due 02:00, late since 02:30".into())
        );
        let first = judge(&nightly(None), at("2027-03-10T12:00:00Z"), None, None, None);
        assert_eq!(first.status, Status::Ok, "{}", first.message);
    }

    #[test]
    fn issue30_a_run_begun_counts_until_it_takes_longer_than_max_runtime() {
        let last = ran("2027-03-10T02:05:00Z", true);
        let running = judged("2027-03-11T02:40:00Z", last, Some("2027-03-11T02:01:00Z"), Some(3600));
        assert_eq!(running.0, Status::Ok, "{}", running.1);
        assert!(running.1.contains("running since 02:01 (39m)"), "{}", running.1);
        let over = judged("2027-03-11T03:02:00Z", last, Some("2027-03-11T02:01:00Z"), Some(3600));
        assert_eq!(over.0, Status::Critical, "{}", over.1);
        assert!(over.1.ends_with("running since 02:01 (1h1m); over max_runtime 1h"), "{}", over.1);
        let took = Some(Run { ts: at("2027-03-10T02:05:00Z"), ok: Some(true), took: Some(240.0) });
        let (_, m) = judged("2027-03-10T12:00:00Z", took, Some("2027-03-10T02:01:00Z"), None);
        assert!(m.starts_with("last ran 2027-03-10 02:05 (ok, took 4m);"), "{m}");
    }
}
