//! Every report a command returns: data, never text. The report structs
//! are the JSON schema (`output/` writes them as they are, adding only
//! `"schema"`), and each knows the exit code it means ([`Report::exit_code`]),
//! so `hm::run` only asks.

mod alerts;
mod check;
mod config;
mod heal;
mod hold;
mod outcome;
mod query;
mod roll;
mod run;
mod why;

pub(crate) use crate::check::pools::{PoolSummary, pools};
pub(crate) use alerts::{AlertChange, AlertView, AlertsReport, OutboxReport, OutboxView, SilenceView, TestReport};
pub(crate) use check::CheckReport;
pub(crate) use config::{ExportReport, Format, MonitorChange, MonitorList, MonitorRow, PingReport, ValidateReport};
pub(crate) use heal::{CleanReport, ClearLocksReport, DbReport, HealReport, Remedy, RestartReport, RuleReport};
pub(crate) use hold::{HoldReport, HoldView, PoolHoldReport};
pub(crate) use outcome::{Outcome, RemedyKind};
pub(crate) use query::{Action, ActionsReport, HistoryReport, MonitorStatus, Series, StatusReport, WorkerExits};
pub(crate) use roll::RollReport;
pub(crate) use run::{Cycle, CycleFailed, Reload};
pub(crate) use why::{Death, WhyReport};

use crate::alert::outbox::Delivery;
use serde::Serialize;

/// What a command produced.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum Report {
    Check(CheckReport),
    Status(StatusReport),
    Ping(PingReport),
    MonitorList(MonitorList),
    MonitorChange(MonitorChange),
    Validate(ValidateReport),
    Clean(CleanReport),
    Restart(RestartReport),
    Roll(RollReport),
    Hold(HoldReport),
    PoolHold(PoolHoldReport),
    Heal(HealReport),
    ClearLocks(ClearLocksReport),
    Actions(ActionsReport),
    Why(WhyReport),
    Alerts(AlertsReport),
    AlertChange(AlertChange),
    Outbox(OutboxReport),
    Delivery(Delivery),
    ChannelTest(TestReport),
    Export(ExportReport),
    History(HistoryReport),
    /// Generated text (completion scripts, man pages), printed as is.
    #[serde(skip)]
    Raw(Vec<u8>),
}

impl Report {
    /// The exit code this report means (README, "Exit codes"): by health for `check`,
    /// `status`, `heal` and a Nagios export (0 ok, 1 warning, 2 critical,
    /// 3 unknown); 1 when a command did not do all it was asked; else 0.
    /// Every variant is named, with no catch-all arm: a new report is a
    /// compile error here until it says what it exits with.
    pub(crate) fn exit_code(&self) -> i32 {
        /// 1 when a command did not do all it was asked.
        fn fell_short(short: bool) -> i32 {
            i32::from(short)
        }
        match self {
            Report::Check(r) => r.status.exit_code(),
            Report::Status(r) => r.status.exit_code(),
            Report::Heal(r) if r.not_acting.is_some() => 3,
            Report::Heal(r) => r.status.exit_code(),
            Report::Validate(r) => fell_short(!r.valid),
            Report::Restart(r) => fell_short(r.failed()),
            Report::Roll(r) => fell_short(r.failed.is_some()),
            Report::Hold(r) => fell_short(!r.ok),
            Report::PoolHold(r) => fell_short(!r.failed.is_empty()),
            Report::ClearLocks(r) => fell_short(r.held()),
            Report::ChannelTest(r) => fell_short(!r.ok),
            Report::Export(r) if r.format == Format::Nagios => r.snapshot.status.exit_code(),
            Report::Delivery(r) => fell_short(!r.failed.is_empty()),
            Report::Clean(r) => fell_short(r.rules.iter().any(|r| !r.errors.is_empty())),
            Report::Export(_)
            | Report::Ping(_)
            | Report::MonitorList(_)
            | Report::MonitorChange(_)
            | Report::Actions(_)
            | Report::Why(_)
            | Report::Alerts(_)
            | Report::AlertChange(_)
            | Report::Outbox(_)
            | Report::History(_)
            | Report::Raw(_) => 0,
        }
    }
}
