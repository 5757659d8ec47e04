//! Reading the recorded state for meaning: the health score, the disk-full
//! forecast and anomalies.

pub(crate) mod anomaly;
pub(crate) mod forecast;
pub(crate) mod score;

use crate::check::{CheckResult, Metric};
use crate::config::{Monitor, Spec};
use crate::status::Status;
use crate::store::Store;
use crate::units::format_duration;
use anyhow::Result;

/// Add what the history says to a fresh result: for a disk, when each
/// filesystem will be full (a `full_in:MOUNT` metric, warning or critical
/// within the monitor's forecast levels); for a monitor with `anomaly`,
/// the figures far from their usual level (a warning).
pub(crate) fn annotate(store: &Store, m: &Monitor, r: &mut CheckResult, now: f64) -> Result<()> {
    if let Spec::Disk(d) = &m.spec {
        let mut notes = Vec::new();
        let mut added = Vec::new();
        for x in r.metrics.iter().filter(|x| x.name.starts_with("space:")) {
            let mut points = store.samples(&m.name, &x.name, now - forecast::WINDOW)?;
            points.push((now, x.value));
            let Some(t) = forecast::time_to(&points, 100.0, now) else { continue };
            let mount = &x.name["space:".len()..];
            added.push(Metric::new(format!("full_in:{mount}"), t, "s"));
            let level = if t < d.forecast.crit.as_secs_f64() {
                Status::Critical
            } else if t < d.forecast.warn.as_secs_f64() {
                Status::Warning
            } else {
                continue;
            };
            r.status = r.status.worst(level);
            notes.push(format!("{mount} full in {} ({level})", format_duration(crate::units::secs(t))));
        }
        r.metrics.extend(added);
        if !notes.is_empty() {
            r.message = format!("{}; {}", r.message, notes.join(", "));
        }
    }
    if let Some(threshold) = m.anomaly {
        for x in &r.metrics {
            // The history before this run (the fresh value is not stored yet).
            let history: Vec<f64> =
                store.samples(&m.name, &x.name, now - 86_400.0)?.into_iter().map(|(_, v)| v).collect();
            if let Some(a) = anomaly::judge(&x.name, &history, x.value, threshold) {
                r.anomalies.push(a);
            }
        }
        if !r.anomalies.is_empty() {
            r.status = r.status.worst(Status::Warning);
        }
    }
    Ok(())
}
