//! `hm history NAME`: a monitor's recorded figures over time, from the
//! samples table. Also what the dashboard's charts and `/history/NAME` read.

use super::{Ctx, rfc3339, unix_now};
use crate::store::Store;
use anyhow::{Result, bail};
use serde::Serialize;
use std::time::Duration;

/// One metric's values over time.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub metric: String,
    pub unit: String,
    /// `[unix seconds, value]` pairs, oldest first.
    pub points: Vec<(f64, f64)>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub last: Option<f64>,
}

/// The result of `hm history`.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryReport {
    pub monitor: String,
    /// The start of the window (RFC 3339).
    pub since: String,
    pub series: Vec<Series>,
}

/// At most `n` points: the mean of each of `n` equal time buckets (empty
/// buckets are skipped, so gaps stay gaps).
pub fn downsample(points: &[(f64, f64)], n: usize) -> Vec<(f64, f64)> {
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
pub fn read(
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

pub fn run(
    ctx: &Ctx,
    monitor: &str,
    metric: Option<&str>,
    since: Duration,
    points: Option<usize>,
) -> Result<HistoryReport> {
    let config = ctx.config()?;
    config.select(&[monitor.to_string()])?;
    let (store, _) = ctx.store_to_read(&config)?;
    read(&store, monitor, metric, since, points)
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
