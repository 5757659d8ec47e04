//! Text for the looking commands: `hm history` and the per-cycle line of
//! `hm run` / `hm serve`.

use super::Style;
use super::text::{cell, metric_value, table};
use crate::check::Metric;
use crate::engine::report::{CheckReport, HealReport, HistoryReport};
use crate::status::Status;
use crate::text::escape as esc;
use comfy_table::Cell;

/// One line per cycle of `hm run`: when, the worst status, what is not ok,
/// then alert and remedy lines.
pub(super) fn cycle_line(r: &CheckReport, heal: Option<&HealReport>) -> String {
    let bad: Vec<String> = r
        .results
        .iter()
        .filter(|x| x.status != Status::Ok)
        .map(|x| format!("{} {} ({})", esc(&x.monitor), x.status, esc(&x.message)))
        .collect();
    let mut out = format!(
        "{} {}{}{}\n",
        r.checked_at,
        super::text::summary(r),
        if bad.is_empty() { "" } else { "; " },
        bad.join("; ")
    );
    if let Some(h) = heal {
        for m in h.remedies.iter().filter(|m| m.remedy != crate::engine::report::RemedyKind::None) {
            out.push_str(&format!("  {} {}: {} ({})\n", esc(&m.monitor), m.remedy, m.outcome, esc(&m.details)));
        }
        out.push_str(&super::alerts::raised(&r.alerts, &r.pending_alerts, None));
        out.push_str(&super::alerts::told(&h.healed, h.notifications.as_ref()));
        return out;
    }
    out.push_str(&super::alerts::raised(&r.alerts, &r.pending_alerts, r.notifications.as_ref()));
    out
}

/// `hm history`: a row per metric, with a sparkline of its values.
pub(super) fn history(r: &HistoryReport, style: Style) -> String {
    if r.series.is_empty() {
        return format!(
            "no values recorded for {} since {} (hm check {} records some)\n",
            esc(&r.monitor),
            r.since,
            esc(&r.monitor)
        );
    }
    let mut t = table(style, &["metric", "points", "min", "max", "last", "trend"]);
    for s in &r.series {
        let m = |v: Option<f64>| v.map_or("-".to_string(), |v| metric_value(&Metric::new(&s.metric, v, &s.unit)));
        let values: Vec<f64> = crate::engine::query::downsample(&s.points, 40).iter().map(|p| p.1).collect();
        t.add_row(vec![
            cell(&s.metric),
            Cell::new(s.points.len()),
            Cell::new(m(s.min)),
            Cell::new(m(s.max)),
            Cell::new(m(s.last)),
            Cell::new(sparkline(&values, &s.unit)),
        ]);
    }
    format!("{t}\n{}: since {}\n", esc(&r.monitor), r.since)
}

/// `▁▂▃▄▅▆▇█`, scaled between the values' min and max, over a span of at
/// least a tenth of their size (and a point for `%`), centred: values
/// that differ by less, which the min and max columns show alike, draw a
/// near-flat line (not `▅█▁▁` for 2.46% to 2.54%).
pub(super) fn sparkline(values: &[f64], unit: &str) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let least = (0.1 * lo.abs().max(hi.abs())).max(if unit == "%" { 1.0 } else { 0.0 });
    let span = (hi - lo).max(least);
    let mid = (hi + lo) / 2.0;
    values
        .iter()
        .map(|v| {
            let i = if span > 0.0 { 3.0 + ((v - mid) / span * 7.0).round() } else { 3.0 };
            BARS[i.clamp(0.0, 7.0) as usize]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn issue26_values_that_hardly_differ_draw_a_near_flat_line() {
        assert_eq!(sparkline(&[2.5, 2.54, 2.46, 2.47], "%"), "▄▄▄▄");
        assert_eq!(sparkline(&[25.0, 25.4, 24.6], ""), "▄▅▃");
        assert_eq!(sparkline(&[1000.0, 1001.0, 999.0], "B"), "▄▄▄");
        assert_eq!(sparkline(&[5.0, 5.0], ""), "▄▄");
        assert_eq!(sparkline(&[0.0, 0.0], "%"), "▄▄");
        // Real swings still use the whole height.
        assert_eq!(sparkline(&[0.0, 50.0, 100.0], "%"), "▁▄█");
        assert_eq!(sparkline(&[2.0, 9.0, 2.0], ""), "▁█▁");
    }
}
