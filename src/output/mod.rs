//! Rendering, done once: every command returns a report, and here it
//! becomes one JSON document (`--json`) or text for people.
//!
//! The report structs are the JSON schema; `text` holds one renderer per
//! report. Colour is used only on a terminal, never with `NO_COLOR`,
//! `TERM=dumb` or `--json`. A closed stdout (`hm check | head -1`) is not an
//! error.

mod alerts;
mod text;

use crate::alert::outbox::Delivery;
use crate::cmd::{
    actions::ActionsReport,
    alerts::{AlertChange, AlertsReport, OutboxReport, TestReport},
    check::CheckReport,
    clean_disk::CleanReport,
    clear_locks::ClearLocksReport,
    heal::HealReport,
    monitor::MonitorChange,
    monitor::MonitorList,
    ping::PingReport,
    restart_worker::RestartReport,
    status::StatusReport,
    validate::ValidateReport,
};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// What a command produced.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Report {
    Check(CheckReport),
    Status(StatusReport),
    Ping(PingReport),
    MonitorList(MonitorList),
    MonitorChange(MonitorChange),
    Validate(ValidateReport),
    Clean(CleanReport),
    Restart(RestartReport),
    Heal(HealReport),
    ClearLocks(ClearLocksReport),
    Actions(ActionsReport),
    Alerts(AlertsReport),
    AlertChange(AlertChange),
    Outbox(OutboxReport),
    Delivery(Delivery),
    ChannelTest(TestReport),
    /// Generated text (completion scripts, man pages), printed as is.
    #[serde(skip)]
    Raw(Vec<u8>),
}

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub json: bool,
    pub color: bool,
}

impl Style {
    /// Colour only on a terminal, and never when NO_COLOR or TERM=dumb.
    pub fn detect(json: bool) -> Style {
        let color = !json
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        Style { json, color }
    }
}

/// Render a report to bytes.
pub fn render(report: &Report, style: Style) -> Vec<u8> {
    if let Report::Raw(bytes) = report {
        return bytes.clone();
    }
    if style.json {
        let mut out =
            serde_json::to_vec_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}").into_bytes());
        out.push(b'\n');
        return out;
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
        Report::Heal(r) => text::heal(r, style),
        Report::ClearLocks(r) => text::clear_locks(r),
        Report::Actions(r) => text::actions(r, style),
        Report::Alerts(r) => alerts::list(r, style),
        Report::AlertChange(r) => alerts::change(r),
        Report::Outbox(r) => alerts::outbox(r, style),
        Report::Delivery(r) => alerts::flush(r),
        Report::ChannelTest(r) => alerts::test(r),
        Report::Raw(_) => String::new(),
    };
    text.into_bytes()
}

/// Write to stdout; a closed pipe is fine, other errors are returned.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The JSON document printed on stdout when a command fails under `--json`,
/// so `hm check --json | jq` always has something to read.
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    /// `unknown` for health commands (check, status, heal); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::status::Status>,
    /// The one-line error.
    pub error: String,
}
