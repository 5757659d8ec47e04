//! Nagios plugin output: `HM CRITICAL - summary | perfdata`, with perfdata
//! as `'label'=value[UOM];[warn];[crit];[min];[max]`, labels quoted (a
//! quote in a label doubled). The exit code (0–3) is chosen by `run()`.
//!
//! Status line and perfdata are one line: a message or a plugin's label
//! holding a newline (or ESC, CR) shows it as a visible escape
//! (`crate::text::escape`), and a `|` in a message becomes `/`, so
//! observed text can forge neither a second line nor perfdata.

use crate::engine::report::StatusReport;
use crate::status::Status;
use crate::text::escape;

fn label(monitor: &str, metric: &str) -> String {
    format!("'{}'", escape(&format!("{monitor}:{metric}")).replace('\'', "''"))
}

fn num(v: f64) -> String {
    let text = if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v:.3}") };
    // `0.0004` rounds to `0.000`: trimmed, that would be `0.`.
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    if text == "-0" { "0".to_string() } else { text.to_string() }
}

/// `text` in a status line: no `|` (it would start perfdata), control
/// characters escaped (no line breaks).
fn flat(text: &str) -> String {
    escape(text).replace('|', "/")
}

/// `text` as one line of plugin output: [`flat`], at most 300 characters.
pub(crate) fn one_line(text: &str) -> String {
    crate::text::cut(&flat(text), 301).into_owned()
}

pub(crate) fn render(r: &StatusReport) -> String {
    let mut problems: Vec<String> = r
        .monitors
        .iter()
        .filter(|m| m.status != Status::Ok)
        .map(|m| format!("{} {} ({})", m.status.as_str(), flat(&m.monitor), flat(&m.message)))
        .collect();
    if problems.is_empty() {
        problems.push(format!("{} ok", crate::units::count(r.monitors.len() as u64, "monitor")));
    }
    let mut perf = vec![format!("'health_score'={};;;0;100", num(r.score))];
    for m in &r.monitors {
        for x in &m.metrics {
            let opt = |v: Option<f64>| v.map(num).unwrap_or_default();
            let (min, max) = if x.unit == "%" { ("0", "100") } else { ("", "") };
            perf.push(format!(
                "{}={}{};{};{};{min};{max}",
                label(&m.monitor, &x.name),
                num(x.value),
                escape(&x.unit),
                opt(x.warn),
                opt(x.crit)
            ));
        }
    }
    format!(
        "HM {} - {}; score {} | {}\n",
        r.status.as_str().to_uppercase(),
        problems.join(", "),
        num(r.score),
        perf.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_quoted_and_numbers_short() {
        assert_eq!(label("api", "it's"), "'api:it''s'");
        assert_eq!((num(95.0), num(12.5), num(0.3333333)), ("95".into(), "12.5".into(), "0.333".into()));
    }

    #[test]
    fn issue26_a_value_that_rounds_to_zero_is_written_0() {
        for v in [0.0, -0.0, 0.0004, -0.0004, 0.0001] {
            assert_eq!(num(v), "0", "{v}");
        }
        assert_eq!((num(100.0), num(-2.5), num(0.0106)), ("100".into(), "-2.5".into(), "0.011".into()));
    }
}
