//! What hm recorded, read back: the status snapshot (`hm status`,
//! `hm export`, `/status`, `/metrics` and the dashboard read the same one,
//! so they all agree) and a monitor's history (`hm history`, the
//! dashboard's charts, `/history/NAME`). Reads only; runs nothing.

use super::report::{Action, AlertView, HistoryReport, MonitorStatus, Series, StatusReport, WorkerExits};
use crate::analyze::score::{host_score, monitor_score};
use crate::config::Config;
use crate::status::Status;
use crate::store::RestartsBy;
use crate::store::Store;
use crate::time::{rfc3339, unix_now};
use anyhow::{Result, bail};
use std::collections::HashMap;
use std::time::Duration;

/// How far ahead of now a check may be dated before it is flagged as
/// from the future: clocks of one host's processes agree to well within it.
const FUTURE_SLACK_S: f64 = 5.0;

/// Build the report from the database.
pub(crate) fn snapshot(config: &Config, store: &Store, now: f64) -> Result<StatusReport> {
    let latest: HashMap<String, (f64, crate::check::CheckResult)> =
        store.latest_results()?.into_iter().map(|(ts, r)| (r.monitor.clone(), (ts, r.into()))).collect();
    let mut monitors = Vec::new();
    let holds = store.holds(now)?;
    let flapping = store.flapping()?;
    let windows = crate::alert::maintenance::InForce::at(config, &store.maintenance(now)?, now);
    for m in config.monitors.iter().filter(|m| m.enabled) {
        let restarts_24h = store.restarts_since(&m.name, now - 86_400.0, RestartsBy::Anyone)?.len();
        let mut row = MonitorStatus {
            monitor: m.name.clone(),
            kind: m.kind().to_string(),
            status: Status::Unknown,
            message: "never checked".to_string(),
            checked_at: None,
            age_s: None,
            future_s: None,
            since: None,
            for_s: None,
            score: None,
            duration_ms: None,
            metrics: Vec::new(),
            restarts_24h,
            checked_ts: None,
            hold: holds.iter().find(|h| h.monitor == m.name).map(super::report::HoldView::of),
            flapping: flapping.contains_key(&m.name),
            maintenance: windows.of(&m.name).cloned(),
        };
        if let Some(l) = store.latest_check(&m.name)? {
            row.status = l.status;
            row.message = l.message;
            row.checked_at = Some(rfc3339(l.ts));
            row.age_s = Some((now - l.ts).max(0.0));
            // A row from the future is flagged, not taken as fresh.
            if l.ts - now > FUTURE_SLACK_S {
                row.future_s = Some(l.ts - now);
                row.message = format!(
                    "{} (recorded {} in the future: the clock was fast)",
                    row.message,
                    crate::units::format_duration(crate::units::secs(l.ts - now))
                );
            }
            row.since = Some(rfc3339(l.since));
            row.for_s = Some((now - l.since).max(0.0));
            row.checked_ts = Some(l.ts);
            if let Some((_, r)) = latest.get(&m.name) {
                row.score = Some(monitor_score(r, restarts_24h));
                row.duration_ms = Some(r.duration_ms);
                row.metrics = r.metrics.clone();
            }
        }
        // Held after its last check: that check's words no longer hold.
        if let Some(h) = holds.iter().find(|h| h.monitor == m.name)
            && row.checked_ts.is_none_or(|t| t < h.since)
        {
            row.message = format!("not checked since: {}", super::hold::describe(h));
        }
        monitors.push(row);
    }
    let mut counts: Vec<String> = Vec::new();
    for s in [Status::Ok, Status::Warning, Status::Critical, Status::Unknown] {
        let n = monitors.iter().filter(|m| m.status == s).count();
        if n > 0 {
            counts.push(format!("{n} {s}"));
        }
    }
    let scored: Vec<(&str, Status, f64)> =
        monitors.iter().map(|m| (m.kind.as_str(), m.status, m.score.unwrap_or(25.0))).collect();
    let rows = store.actions_since(now - 86_400.0)?;
    // Each restart with the death it answered.
    let answered = super::death::answered(&rows, &store.deaths(None, now - 2.0 * 86_400.0, usize::MAX)?);
    let mut recent_actions: Vec<Action> =
        rows.into_iter().zip(answered).map(|(r, death)| Action { death, ..Action::from(r) }).collect();
    recent_actions.drain(..recent_actions.len().saturating_sub(10));
    // Newest first, as the dashboard lists them.
    recent_actions.reverse();
    let silences = store.silences(now)?;
    Ok(StatusReport {
        score: host_score(&scored),
        recent_actions,
        status: Status::worst_of(monitors.iter().map(|m| m.status)),
        summary: if counts.is_empty() { "no monitors".to_string() } else { counts.join(", ") },
        alerts: store.alerts(false, 100)?.into_iter().map(|a| AlertView::new(a.into(), &silences)).collect(),
        outbox_waiting: store.count_undelivered()?,
        worker_exits: store
            .exits_by_cause()?
            .into_iter()
            .map(|(monitor, cause, count)| WorkerExits { monitor, cause, count })
            .collect(),
        pools: pools_of(&monitors),
        monitors,
    })
}

/// The pools among `monitors`, an instance stopped on purpose counted as such.
fn pools_of(monitors: &[MonitorStatus]) -> Vec<super::report::PoolSummary> {
    let mut pools = super::report::pools(monitors.iter().map(|m| (m.monitor.as_str(), m.status)));
    let stopped = monitors.iter().filter(|m| m.hold.as_ref().is_some_and(|h| h.state == "stopped"));
    crate::check::pools::mark_stopped(&mut pools, stopped.map(|m| m.monitor.as_str()));
    pools
}

/// At most `n` points: the mean of each of `n` equal time buckets (empty
/// buckets are skipped, so gaps stay gaps).
pub(crate) fn downsample(points: &[(f64, f64)], n: usize) -> Vec<(f64, f64)> {
    if n == 0 || points.len() <= n {
        return points.to_vec();
    }
    let (first, last) = (points[0].0, points[points.len() - 1].0);
    let width = ((last - first) / n as f64).max(f64::MIN_POSITIVE);
    let mut buckets: Vec<(f64, f64, usize)> = vec![(0.0, 0.0, 0); n];
    for &(t, v) in points {
        let i = (((t - first) / width) as usize).min(n - 1);
        let b = &mut buckets[i];
        *b = (b.0 + t, b.1 + v, b.2 + 1);
    }
    buckets.into_iter().filter(|b| b.2 > 0).map(|(t, v, c)| (t / c as f64, v / c as f64)).collect()
}

/// Read the history of `monitor` from an open store.
pub(crate) fn history(
    store: &Store,
    monitor: &str,
    metric: Option<&str>,
    since: Duration,
    points: Option<usize>,
) -> Result<HistoryReport> {
    let from = unix_now() - since.as_secs_f64();
    let names = match metric {
        Some(m) => vec![m.to_string()],
        None => store.metric_names(monitor, from)?,
    };
    let mut series = Vec::new();
    for name in names {
        let (raw, unit) = store.samples_with_unit(monitor, &name, from)?;
        if raw.is_empty() && metric.is_some() {
            let known = store.metric_names(monitor, from)?;
            bail!("no `{name}` values for {monitor} in that window (it has: {})", known.join(", "));
        }
        let values = raw.iter().map(|p| p.1);
        series.push(Series {
            min: values.clone().reduce(f64::min),
            max: values.reduce(f64::max),
            last: raw.last().map(|p| p.1),
            points: downsample(&raw, points.unwrap_or(0)),
            metric: name,
            unit,
        });
    }
    Ok(HistoryReport { monitor: monitor.to_string(), since: rfc3339(from), series })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_averages_equal_time_buckets() {
        let pts: Vec<(f64, f64)> = (0..10).map(|i| (f64::from(i), f64::from(i * 10))).collect();
        assert_eq!(downsample(&pts, 20), pts);
        let two = downsample(&pts, 2);
        assert_eq!(two, vec![(2.0, 20.0), (7.0, 70.0)]);
    }
}
