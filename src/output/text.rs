//! Text for people: comfy-table tables and short lines, one function per
//! report.

use super::Style;
use super::grid::Grid;
use super::pool::fold;
use crate::check::Metric;
use crate::engine::report::{
    ActionsReport, CheckReport, CleanReport, ClearLocksReport, HealReport, MonitorChange, MonitorList, PingReport,
    RestartReport, StatusReport, ValidateReport,
};
use crate::status::Status;
use crate::text::escape as esc;
use crate::units::{format_bytes, format_duration};
use comfy_table::{Cell, Color, ContentArrangement, Table};

/// A cell of observed text (a message, a path, a command line), escaped.
pub(super) fn cell(text: &str) -> Cell {
    Cell::new(esc(text))
}

pub(super) fn table(style: Style, header: &[&str]) -> Grid {
    let mut t = Table::new();
    t.load_style(super::grid::borders())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    Grid::new(t, header)
}

pub(super) fn status_cell(s: Status, style: Style) -> Cell {
    let cell = Cell::new(s.as_str());
    if !style.color {
        return cell;
    }
    match s {
        Status::Ok => cell.fg(Color::Green),
        Status::Warning => cell.fg(Color::Yellow),
        Status::Critical => cell.fg(Color::Red),
        Status::Unknown => cell.fg(Color::Magenta),
    }
}

/// A metric's value for people: `42.1%`, `1.5 GiB`, `3m12s`, `0.52`.
pub(super) fn metric_value(m: &Metric) -> String {
    match m.unit.as_str() {
        // Huge figures (a plugin may say 1e300) print short, not as 300
        // digits.
        _ if !m.value.is_finite() || m.value.abs() >= 1e15 => crate::config::checker::compact(m.value),
        "%" => format!("{:.1}%", m.value),
        "B" => format_bytes(m.value),
        "s" => format_duration(crate::units::secs(m.value.max(0.0))),
        _ if m.value.fract() == 0.0 => format!("{}", m.value),
        _ => format!("{:.2}", m.value),
    }
}

/// The key figures of a result: the metrics that have thresholds, worst first.
fn key_figures(metrics: &[Metric]) -> String {
    let mut judged: Vec<&Metric> =
        metrics.iter().filter(|m| m.warn.is_some() || m.crit.is_some() || m.name == "count").collect();
    judged.sort_by_key(|m| std::cmp::Reverse(m.status().exit_code().min(2)));
    judged.iter().take(4).map(|m| format!("{}={}", esc(&m.name), metric_value(m))).collect::<Vec<_>>().join(" ")
}

fn ago(secs: Option<f64>) -> String {
    secs.map_or_else(|| "-".to_string(), |s| format!("{} ago", format_duration(crate::units::secs(s))))
}

pub(super) fn check(r: &CheckReport, style: Style) -> String {
    let mut t = table(style, &["monitor", "kind", "status", "message", "figures"]);
    let rows = if style.all { r.results.iter().map(Err).collect() } else { fold(&r.results, &r.pools, |x| &x.monitor) };
    for row in rows {
        let res = match row {
            Ok(pool) => {
                t.add_row(vec![cell(&pool.pool), cell("pool"), status_cell(pool.status, style), cell(&pool.line())]);
                continue;
            }
            Err(res) => res,
        };
        t.add_row(vec![
            cell(&res.monitor),
            cell(&res.kind),
            status_cell(res.status, style),
            cell(&res.message),
            Cell::new(key_figures(&res.metrics)),
        ]);
    }
    let mut out = format!("{t}\n");
    for res in &r.results {
        for a in &res.anomalies {
            let unit = |v: f64| metric_value(&Metric::new(&a.metric, v, ""));
            out.push_str(&format!(
                "anomaly: {} {} = {} is {:.1} deviations from its usual {} (±{})\n",
                esc(&res.monitor),
                esc(&a.metric),
                unit(a.value),
                a.z,
                unit(a.mean),
                unit(a.deviation)
            ));
        }
    }
    out.push_str(&format!("{}\n", summary(r)));
    out.push_str(&super::alerts::raised(&r.alerts, &r.pending_alerts, r.notifications.as_ref()));
    out
}

pub(super) fn status(r: &StatusReport, style: Style) -> String {
    let mut t = table(style, &["monitor", "kind", "status", "score", "for", "checked", "message"]);
    let rows =
        if style.all { r.monitors.iter().map(Err).collect() } else { fold(&r.monitors, &r.pools, |x| &x.monitor) };
    for row in rows {
        let m = match row {
            Ok(pool) => {
                let status = status_cell(pool.status, style);
                t.add_row(vec![
                    cell(&pool.pool),
                    cell("pool"),
                    status,
                    cell("-"),
                    cell("-"),
                    cell("-"),
                    cell(&pool.line()),
                ]);
                continue;
            }
            Err(m) => m,
        };
        t.add_row(vec![
            cell(&m.monitor),
            cell(&m.kind),
            match &m.hold {
                Some(h) => Cell::new(h.state),
                None if m.maintenance.is_some() => Cell::new(format!("{} (maintenance)", m.status)),
                None if m.flapping => Cell::new(format!("{} (flapping)", m.status)),
                None => status_cell(m.status, style),
            },
            Cell::new(m.score.map_or("-".to_string(), |s| format!("{s:.0}"))),
            Cell::new(m.for_s.map_or("-".to_string(), |s| format_duration(crate::units::secs(s)))),
            Cell::new(ago(m.age_s)),
            cell(&m.message),
        ]);
    }
    let mut out = format!("{t}\n{}: {} (health score {:.0})\n", r.status.as_str().to_uppercase(), r.summary, r.score);
    for m in &r.monitors {
        if let Some(w) = &m.maintenance {
            let heals = if w.heal { "healed" } else { "not healed" };
            out.push_str(&format!(
                "{} in maintenance ({}) until {}: not alerted, {heals}\n",
                esc(&m.monitor),
                esc(&w.window),
                w.until
            ));
        }
    }
    for a in r.alerts.iter().filter(|a| a.state == crate::alert::state::AlertState::Firing) {
        out.push_str(&format!("alert {} firing: {} since {} (hm alerts)\n", a.id, esc(&a.monitor), a.started_at));
    }
    if r.outbox_waiting > 0 {
        out.push_str(&format!("{} notifications waiting (hm alerts outbox)\n", r.outbox_waiting));
    }
    if !r.recent_actions.is_empty() {
        out.push_str("recent actions:\n");
        for a in &r.recent_actions {
            let details = match &a.death {
                Some(d) => format!("answered: {}; {}", d.line(), a.details),
                None => a.details.clone(),
            };
            let (monitor, details) = (esc(&a.monitor), esc(&details));
            out.push_str(&format!("  {} {monitor} {} {}: {details}\n", a.at, esc(&a.action), esc(&a.outcome)));
        }
    }
    out
}

pub(super) fn ping(r: &PingReport) -> String {
    let outcome = match (r.start, r.ok) {
        (true, _) => "start",
        (false, true) => "ok",
        (false, false) => "failure",
    };
    let dur =
        r.duration_ms.map(|d| format!(" ({})", format_duration(crate::units::secs(d / 1000.0)))).unwrap_or_default();
    let note = match &r.monitor {
        Some(m) => format!(" for monitor {}", esc(m)),
        None => " (no heartbeat monitor reads this name yet)".to_string(),
    };
    format!("recorded {outcome} ping of {}{dur}{note}\n", esc(&r.name))
}

pub(super) fn monitor_list(r: &MonitorList) -> String {
    let mut t =
        table(Style { json: false, color: false, all: false }, &["name", "kind", "watches", "thresholds", "from"]);
    for m in &r.monitors {
        let from = match (m.origin, m.enabled) {
            (crate::config::Origin::Embedded, _) => "embedded",
            (_, true) => "config",
            (_, false) => "config (disabled)",
        };
        t.add_row(vec![cell(&m.name), cell(&m.kind), cell(&m.target), cell(&m.thresholds), Cell::new(from)]);
    }
    let source = r.config.as_ref().map_or("no config file: embedded defaults".to_string(), |p| p.display().to_string());
    format!("{t}\n{} ({source})\n", crate::units::count(r.monitors.len() as u64, "monitor"))
}

pub(super) fn monitor_change(r: &MonitorChange) -> String {
    format!("{} monitor {} ({})\n", r.action, esc(&r.name), esc(&r.config.display().to_string()))
}

pub(super) fn validate(r: &ValidateReport) -> String {
    let file = r.config.as_ref().map_or_else(
        || format!("no config at {}: embedded defaults (`hm add` creates it)", r.path.display()),
        |p| p.display().to_string(),
    );
    if r.valid {
        let warnings: String = r.warnings.iter().map(|w| format!("warning: {}\n", esc(w))).collect();
        return format!("{warnings}{file}: valid, {}\n", crate::units::count(r.monitors as u64, "monitor"));
    }
    let mut out: String = r.errors.iter().map(|e| format!("{}\n", esc(&e.to_string()))).collect();
    out.push_str(&format!("{file}: {} error{}\n", r.errors.len(), if r.errors.len() == 1 { "" } else { "s" }));
    out
}

pub(super) fn clean(r: &CleanReport, style: Style) -> String {
    let verb = if r.dry_run { "would delete" } else { "deleted" };
    let mut out = String::new();
    for rule in &r.rules {
        for path in &rule.removed {
            // A file name's newline would forge a line of this report, its
            // ESC or CR rewrite the screen.
            out.push_str(&format!("{verb} {}\n", esc(path)));
        }
        if let Some(j) = &rule.journal {
            out.push_str(&format!("journal: {}\n", esc(j)));
        }
        for e in &rule.errors {
            out.push_str(&format!("problem: {}\n", esc(e)));
        }
    }
    let mut t = table(style, &["rule", "roots", "files", "freed"]);
    for rule in &r.rules {
        let roots: Vec<String> = rule.roots.iter().map(|p| p.display().to_string()).collect();
        t.add_row(vec![
            cell(&rule.rule),
            cell(&roots.join(" ")),
            Cell::new(rule.files),
            Cell::new(format_bytes(rule.bytes as f64)),
        ]);
    }
    out.push_str(&format!("{t}\n"));
    let what = if r.dry_run { "would free" } else { "freed" };
    out.push_str(&format!(
        "{}, {what} {}{}\n",
        crate::units::count(r.files as u64, "file"),
        format_bytes(r.bytes as f64),
        if r.dry_run { " (dry run)" } else { "" }
    ));
    out
}

pub(super) fn actions(r: &ActionsReport, style: Style) -> String {
    if r.actions.is_empty() {
        return format!("no actions since {}\n", r.since);
    }
    let mut t = table(style, &["at", "monitor", "action", "outcome", "details"]);
    for a in &r.actions {
        let action = if a.manual { format!("{} (manual)", a.action) } else { a.action.clone() };
        // An interrupted remedy may have noted nothing: what it was to touch.
        let details = if a.details.is_empty() { &a.targets } else { &a.details };
        // The death a restart answered.
        let details = match &a.death {
            Some(d) => &format!("answered: {}; {details}", d.line()),
            None => details,
        };
        t.add_row(vec![cell(&a.at), cell(&a.monitor), cell(&action), cell(&a.outcome), cell(details)]);
    }
    format!("{t}\n")
}

pub(crate) fn restart(r: &RestartReport) -> String {
    let mut out: String = r.steps.iter().map(|s| format!("  {}\n", esc(s))).collect();
    let pids = |p: &[u32]| if p.is_empty() { "none".to_string() } else { format!("{p:?}") };
    out.push_str(&format!(
        "{}: {} (before: {}, after: {})\n",
        esc(&r.monitor),
        r.outcome,
        pids(&r.old_pids),
        pids(&r.new_pids)
    ));
    out
}

pub(super) fn heal(r: &HealReport, style: Style) -> String {
    let mut out = check(&r.before, style);
    if r.remedies.is_empty() {
        out.push_str("nothing to heal\n");
        out.push_str(&super::alerts::told(&[], r.notifications.as_ref()));
        return out;
    }
    let mut t = table(style, &["monitor", "remedy", "outcome", "details"]);
    for m in &r.remedies {
        t.add_row(vec![cell(&m.monitor), cell(m.remedy.as_str()), cell(m.outcome.as_str()), cell(&m.details)]);
    }
    out.push_str(&format!("{t}\n"));
    if let Some(after) = &r.after {
        out.push_str("after healing:\n");
        out.push_str(&check(after, style));
    }
    out.push_str(&super::alerts::told(&r.healed, r.notifications.as_ref()));
    out.push_str(&format!("{}{}\n", r.status.as_str().to_uppercase(), if r.dry_run { " (dry run)" } else { "" }));
    out
}

pub(super) fn clear_locks(r: &ClearLocksReport) -> String {
    let mut out = String::new();
    for d in &r.databases {
        out.push_str(&format!("{}:\n", esc(&d.database.display().to_string())));
        for h in &d.holders {
            out.push_str(&format!("  held by pid {} ({})\n", h.pid, esc(&h.command)));
        }
        if d.hot_journal {
            out.push_str("  hot journal found\n");
        }
        out.push_str(&format!(
            "  WAL {} -> {}\n",
            format_bytes(d.wal_bytes_before as f64),
            format_bytes(d.wal_bytes_after as f64)
        ));
        for s in &d.steps {
            out.push_str(&format!("  {}\n", esc(s)));
        }
    }
    out
}

/// `CRITICAL: 1 critical, 4 ok (5 monitors, 6 ms)`: the worst status and
/// how many have each, so the count is never read as "5 are critical".
pub(super) fn summary(r: &CheckReport) -> String {
    let counts: Vec<String> = [Status::Critical, Status::Unknown, Status::Warning, Status::Ok]
        .iter()
        .filter_map(|s| {
            let n = r.results.iter().filter(|x| x.status == *s).count();
            (n > 0).then(|| format!("{n} {s}"))
        })
        .collect();
    let n = r.results.len();
    format!(
        "{}: {} ({n} monitor{}, {:.0} ms)",
        r.status.as_str().to_uppercase(),
        if counts.is_empty() { "nothing checked".to_string() } else { counts.join(", ") },
        if n == 1 { "" } else { "s" },
        r.duration_ms
    )
}
