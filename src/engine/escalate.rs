//! The escalation timer's run, for `hm run` and `hm serve`: when a tier's
//! `unacked_for` comes between two cycles, its alert is escalated then,
//! not at the next cycle, without checking anything (a check would add a
//! result, and a heal a remedy, that the interval did not call for).

use super::Engine;
use super::report::CheckReport;
use crate::alert::outbox::{Due, deliver};
use crate::config::Config;
use crate::time::{rfc3339, unix_now};
use anyhow::Result;
use std::time::Instant;

impl Engine {
    /// Escalate what is due and deliver it: a report with no results, the
    /// alerts escalated, and the next mark in `escalate_at`.
    pub(crate) fn escalate(&self, config: &Config) -> Result<CheckReport> {
        let started = Instant::now();
        let now = unix_now();
        let db = self.ctx.db_path(config);
        let mut warnings = Vec::new();
        let mut report = CheckReport { recorded: false, ..CheckReport::of(rfc3339(now), Vec::new()) };
        if let Some(mut store) = self.open(&db, &mut warnings)? {
            let escalated = crate::alert::escalate::due_now(&mut store, config, now)?;
            if !escalated.raised.is_empty() {
                report.notifications = Some(deliver(&store, config, &db, now, Due::Now)?);
            }
            (report.alerts, report.escalate_at, report.recorded) = (escalated.raised, escalated.next, true);
            self.kept.keep(store);
        }
        report.warnings = warnings;
        report.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(report)
    }
}
