//! Disk-full forecast: a least-squares line through a filesystem's recorded
//! fill level (like Prometheus' `predict_linear`), extended to 100%.
//!
//! Only the last [`WINDOW`] of samples counts, so a disk that filled fast
//! last week and is steady now is not forecast to fill. A fit needs points
//! spread over at least an hour, and a line that explains them (R² of at
//! least [`MIN_R2`]): nine minutes of a build's ups and downs can give
//! "/ full in 22h" at 16%. A flat or falling line forecasts
//! nothing.

/// How far back the fit looks.
pub(crate) const WINDOW: f64 = 6.0 * 3600.0;

/// The fewest points, and the shortest time span, worth fitting.
const MIN_POINTS: usize = 6;
const MIN_SPAN: f64 = 3600.0;
/// How much of the points' variation the line must explain.
pub(crate) const MIN_R2: f64 = 0.8;

/// The share of the variation of `points` that the line explains (R²).
fn r_squared(points: &[(f64, f64)], slope: f64, intercept: f64) -> f64 {
    let n = points.len() as f64;
    let mean = points.iter().map(|p| p.1).sum::<f64>() / n;
    let total: f64 = points.iter().map(|p| (p.1 - mean).powi(2)).sum();
    let residual: f64 = points.iter().map(|p| (p.1 - (slope * p.0 + intercept)).powi(2)).sum();
    if total <= 0.0 { 0.0 } else { 1.0 - residual / total }
}

/// Slope (per second) and intercept of the least-squares line through
/// `points` (`(t, value)`); `None` when it is not determined.
pub(crate) fn fit(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    // Centre the times: Unix seconds squared lose precision in f64.
    let t0 = points[0].0;
    let (st, sv) = points.iter().fold((0.0, 0.0), |(a, b), (t, v)| (a + (t - t0), b + v));
    let (mt, mv) = (st / n, sv / n);
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (t, v) in points {
        let dt = t - t0 - mt;
        sxy += dt * (v - mv);
        sxx += dt * dt;
    }
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    Some((slope, mv - slope * (mt + t0)))
}

/// Seconds from `now` until `points` reach `full`, if they are heading there.
pub(crate) fn time_to(points: &[(f64, f64)], full: f64, now: f64) -> Option<f64> {
    let span = points.last()?.0 - points.first()?.0;
    if points.len() < MIN_POINTS || span < MIN_SPAN {
        return None;
    }
    let (slope, intercept) = fit(points)?;
    if slope <= 0.0 || r_squared(points, slope, intercept) < MIN_R2 {
        return None;
    }
    let at_full = (full - intercept) / slope;
    Some((at_full - now).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_fill_is_extrapolated_to_full() {
        let now = 1_800_000_000.0;
        // 1% an hour, 50% now: full in 50 hours.
        let pts: Vec<(f64, f64)> =
            (0..=12).map(|i| (now - 1800.0 * f64::from(12 - i), 50.0 - 0.5 * f64::from(12 - i))).collect();
        let t = time_to(&pts, 100.0, now).expect("filling");
        assert!((t - 50.0 * 3600.0).abs() < 1.0, "{t}");
    }

    #[test]
    fn flat_falling_or_thin_data_forecasts_nothing() {
        let now = 1_800_000_000.0;
        let flat: Vec<(f64, f64)> = (0..10).map(|i| (now - 600.0 * f64::from(i), 40.0)).collect();
        assert_eq!(time_to(&flat, 100.0, now), None);
        let falling: Vec<(f64, f64)> = (0..10).map(|i| (now - 600.0 * f64::from(i), 40.0 + f64::from(i))).collect();
        assert_eq!(time_to(&falling, 100.0, now), None);
        assert_eq!(time_to(&[(now - 100.0, 1.0), (now - 50.0, 2.0), (now, 3.0)], 100.0, now), None, "too short a span");
        assert_eq!(fit(&[(now, 1.0), (now, 2.0)]), None);
    }

    #[test]
    fn issue16_minutes_of_noise_or_a_noisy_hour_forecast_nothing() {
        let now = 1_800_000_000.0;
        // Nine minutes of a build: up 4 points, down 3, up again.
        let build: Vec<(f64, f64)> = [12.0, 14.0, 16.0, 13.0, 15.0, 16.0]
            .iter()
            .enumerate()
            .map(|(i, v)| (now - 540.0 + 108.0 * i as f64, *v))
            .collect();
        assert_eq!(time_to(&build, 100.0, now), None, "too short");
        // An hour that rises a little under big swings: the line explains little.
        let noisy: Vec<(f64, f64)> = (0..=12)
            .map(|i| (now - 300.0 * f64::from(12 - i), 40.0 + 0.1 * f64::from(i) + if i % 2 == 0 { 8.0 } else { -8.0 }))
            .collect();
        assert_eq!(time_to(&noisy, 100.0, now), None, "R² too low");
    }
}
