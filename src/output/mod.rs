//! Rendering, done once: every command returns a report, and here it
//! becomes one JSON document (`--json`) or text for people.
//!
//! The report structs are the JSON schema; `text` holds one renderer per
//! report. Colour is used only on a terminal, never with `NO_COLOR`,
//! `TERM=dumb` or `--json`. A closed stdout (`hm check | head -1`) is not an
//! error.
//!
//! Observed text (messages, file names, command lines) is escaped where it
//! is rendered (`crate::text::escape`), and every text output passes
//! `text::escape_lines` once more on its way out, so no control character
//! but a line's end and the renderer's own colour reaches a terminal.
//! JSON keeps the exact characters: serde escapes them.

mod alerts;
mod grid;
mod hold;
pub(crate) mod json;
pub(crate) mod nagios;
mod pool;
pub(crate) mod prometheus;
mod text;
mod view;
mod why;

use crate::engine::Said;
use crate::engine::report::{Cycle, Reload};
use crate::engine::report::{ExportReport, Format, Report};
use crate::text::{escape, escape_lines};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub json: bool,
    pub color: bool,
    /// Each instance of a pool on its own row (`--all`), not the pool's one row.
    pub all: bool,
}

/// Whether stdout is a terminal (a person), not a pipe (a script, NRPE).
pub(crate) fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

impl Style {
    /// Colour only on a terminal, and never when NO_COLOR or TERM=dumb.
    pub(crate) fn detect(json: bool) -> Style {
        let color = !json
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        Style { json, color, all: false }
    }
}

/// The export in its own format (Prometheus, Nagios or JSON).
pub(crate) fn export(r: &ExportReport) -> Vec<u8> {
    match r.format {
        Format::Prometheus => escape_lines(&prometheus::render(&r.snapshot), false).into_owned().into_bytes(),
        Format::Nagios => escape_lines(&nagios::render(&r.snapshot), false).into_owned().into_bytes(),
        Format::Json => json::document(&r.snapshot),
    }
}

/// Render a report to bytes.
pub(crate) fn render(report: &Report, style: Style) -> Vec<u8> {
    if let Report::Raw(bytes) = report {
        return bytes.clone();
    }
    // The export's own format is its output, unless it went to a file.
    if let Report::Export(r) = report
        && r.output.is_none()
    {
        return export(r);
    }
    if style.json {
        return json::document(report);
    }
    let text = match report {
        Report::Check(r) => text::check(r, style),
        Report::Status(r) => text::status(r, style),
        Report::Ping(r) => text::ping(r),
        Report::MonitorList(r) => text::monitor_list(r),
        Report::MonitorChange(r) => text::monitor_change(r),
        Report::Validate(r) => text::validate(r),
        Report::Clean(r) => text::clean(r, style),
        Report::Restart(r) => text::restart(r),
        Report::Roll(r) => pool::roll(r),
        Report::Hold(r) => hold::hold(r),
        Report::PoolHold(r) => hold::pool(r),
        Report::Heal(r) => text::heal(r, style),
        Report::ClearLocks(r) => text::clear_locks(r),
        Report::Actions(r) => text::actions(r, style),
        Report::Why(r) => why::why(r, style),
        Report::Alerts(r) => alerts::list(r, style),
        Report::AlertChange(r) => alerts::change(r),
        Report::Outbox(r) => alerts::outbox(r, style),
        Report::Delivery(r) => alerts::flush(r),
        Report::ChannelTest(r) => alerts::test(r),
        Report::History(r) => view::history(r, style),
        Report::Export(r) => format!(
            "wrote {} bytes to {}\n",
            r.bytes.unwrap_or(0),
            r.output.as_ref().map_or(String::new(), |p| p.display().to_string())
        ),
        Report::Raw(_) => String::new(),
    };
    escape_lines(&text, style.color).into_owned().into_bytes()
}

/// Print one cycle of `hm run` / `hm serve`: a line per cycle on stdout
/// (with `--json`, the cycle's whole report on one line, tagged with its
/// `type`: JSON Lines), and reloads and failures on stderr. Under `--json`
/// a failed cycle also has its line (`"type": "failed"`), so a script
/// reading the stream sees it; a reload has none, as it is not a cycle.
pub(crate) fn print_cycle(c: &Cycle, style: Style) {
    let line = match c {
        Cycle::Reloaded(Reload::Reloaded { path, monitors }) => {
            eprintln!("hm: {}", escape(&format!("reloaded {}: {monitors} monitors", path.display())));
            return;
        }
        Cycle::Reloaded(Reload::Kept(e)) => {
            eprintln!("hm: error: reload failed: {}", escape(&format!("{e:#}; keeping the previous config")));
            return;
        }
        Cycle::Failed(why) => {
            let msg = why.to_string();
            eprintln!("hm: error: {}", escape(&msg));
            if !style.json {
                return;
            }
            json::line("failed", &serde_json::json!({ "error": msg }))
        }
        Cycle::Check(r) => {
            r.warnings.iter().for_each(|w| warn(w));
            if style.json { json::line("check", r) } else { view::cycle_line(r, None) }
        }
        Cycle::Heal(r) => {
            r.before.warnings.iter().chain(&r.warnings).for_each(|w| warn(w));
            if style.json {
                json::line("heal", r)
            } else {
                view::cycle_line(r.after.as_deref().unwrap_or(&r.before), Some(r))
            }
        }
    };
    let line = if style.json { line } else { escape_lines(&line, false).into_owned() };
    let _ = write_stdout(format!("{}\n", line.trim_end()).as_bytes());
}

/// A warning on stderr: something went wrong that did not stop the command
/// (a corrupt database moved aside, results that could not be recorded).
pub(crate) fn warn(msg: &str) {
    eprintln!("hm: warning: {}", escape(msg));
}

/// What the engine said as it worked, on stderr at once: a warning, a
/// note of the loop about itself, or a scan's progress, which only a
/// terminal shows (one line, redrawn; never in logs or pipes).
pub(crate) fn said(s: &Said) {
    match s {
        Said::Warning(msg) => warn(msg),
        Said::Note(msg) => eprintln!("hm: {}", escape(msg)),
        Said::Scanning { rule, seen, matched } if std::io::stderr().is_terminal() => {
            eprint!("\r{}: {seen} entries scanned, {matched} to delete", escape(rule));
        }
        Said::Scanned if std::io::stderr().is_terminal() => eprint!("\r\x1b[K"),
        Said::Scanning { .. } | Said::Scanned => {}
    }
}

/// Write to stdout; a closed pipe is fine, other errors are returned.
pub(crate) fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The JSON document printed on stdout when a command fails under `--json`,
/// so `hm check --json | jq` always has something to read.
#[derive(Debug, Serialize)]
pub(crate) struct ErrorReport {
    /// `unknown` for health commands (check, status, heal); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::status::Status>,
    /// The one-line error.
    pub error: String,
}
