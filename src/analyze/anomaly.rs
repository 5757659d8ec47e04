//! Anomalies: a figure far from its usual level, judged by an
//! exponentially weighted moving mean and deviation (EWMA) over its
//! recorded history.
//!
//! A point already judged anomalous does not move the baseline: one spike
//! is flagged once, and the normal points after it are not flagged for
//! looking different from the spike. [`SHIFT`] anomalous points in a row
//! are a change of level, not noise: the baseline restarts from them, so
//! a lasting change is flagged a few times and then is the new normal.
//! Off unless a monitor sets `anomaly`
//! (the z-score to flag at), because many figures (CPU on a busy host) are
//! too noisy for it to mean anything.

use serde::{Deserialize, Serialize};

/// Weight of the newest point in the moving mean and variance.
const ALPHA: f64 = 0.1;

/// Points needed before anything is judged.
pub(crate) const MIN_HISTORY: usize = 10;

/// Anomalous points in a row that make a new level.
pub(crate) const SHIFT: usize = 3;

/// A figure judged anomalous.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Anomaly {
    pub metric: String,
    pub value: f64,
    /// The usual level (EWMA mean) and spread (EWMA deviation).
    pub mean: f64,
    pub deviation: f64,
    /// How many deviations away.
    pub z: f64,
}

/// The moving baseline of a series.
#[derive(Debug, Clone, Default)]
pub(crate) struct Baseline {
    pub mean: f64,
    pub var: f64,
    pub n: usize,
    /// The anomalous points just seen, in a row.
    run: Vec<f64>,
}

impl Baseline {
    /// The spread used for z-scores, with a floor: a series that never
    /// moved must not make every tiny change infinitely unusual.
    pub(crate) fn deviation(&self) -> f64 {
        self.var.sqrt().max(0.01 * self.mean.abs()).max(1e-6)
    }

    /// How many deviations `x` is from the mean.
    pub(crate) fn z(&self, x: f64) -> f64 {
        (x - self.mean).abs() / self.deviation()
    }

    /// Take `x` in, unless it is itself anomalous at `threshold`; true when it was.
    pub(crate) fn push(&mut self, x: f64, threshold: f64) -> bool {
        if self.n >= MIN_HISTORY && self.z(x) > threshold {
            self.run.push(x);
            if self.run.len() >= SHIFT {
                let k = self.run.len() as f64;
                self.mean = self.run.iter().sum::<f64>() / k;
                self.var = self.run.iter().map(|v| (v - self.mean).powi(2)).sum::<f64>() / k;
                self.run.clear();
            }
            return true;
        }
        self.run.clear();
        if self.n == 0 {
            self.mean = x;
        } else {
            let diff = x - self.mean;
            let incr = ALPHA * diff;
            self.mean += incr;
            self.var = (1.0 - ALPHA) * (self.var + diff * incr);
        }
        self.n += 1;
        false
    }
}

/// Judge `value` of `metric` against its `history` (oldest first).
pub(crate) fn judge(metric: &str, history: &[f64], value: f64, threshold: f64) -> Option<Anomaly> {
    let mut b = Baseline::default();
    for &x in history {
        b.push(x, threshold);
    }
    (b.n >= MIN_HISTORY && b.z(value) > threshold).then(|| Anomaly {
        metric: metric.to_string(),
        value,
        mean: b.mean,
        deviation: b.deviation(),
        z: b.z(value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A steady series with a little deterministic noise.
    fn steady(n: usize) -> Vec<f64> {
        (0..n).map(|i| 50.0 + [0.0, 1.0, -1.0, 0.5, -0.5][i % 5]).collect()
    }

    #[test]
    fn a_spike_is_flagged_once_and_its_neighbours_are_not() {
        let mut series = steady(60);
        series[40] = 95.0;
        let flagged: Vec<usize> =
            (MIN_HISTORY..series.len()).filter(|&i| judge("m", &series[..i], series[i], 4.0).is_some()).collect();
        assert_eq!(flagged, [40]);
        let a = judge("m", &series[..40], 95.0, 4.0).expect("flagged");
        assert!((a.mean - 50.0).abs() < 1.0 && a.z > 4.0, "{a:?}");
    }

    #[test]
    fn too_little_history_judges_nothing() {
        assert_eq!(judge("m", &steady(MIN_HISTORY - 1), 1e6, 4.0), None);
    }

    #[test]
    fn a_lasting_shift_is_flagged_a_few_times_then_becomes_the_new_normal() {
        let mut series = steady(40);
        series.extend((0..20).map(|i| 80.0 + [0.0, 1.0, -1.0, 0.5, -0.5][i % 5]));
        let flagged: Vec<usize> = (40..60).filter(|&i| judge("m", &series[..i], series[i], 4.0).is_some()).collect();
        assert_eq!(flagged, [40, 41, 42]);
    }
}
