//! The end of `hm heal` (and of each `hm run --heal` cycle): queue a
//! `healed` event for every remedy that changed something and left its
//! monitor ok, let go of the run lock, then deliver what waits in the
//! outbox.
//!
//! Delivering comes after the lock on purpose (issue 15): a `command`
//! channel may call hm (`hm restart-worker`, `hm clean-disk`), which takes
//! the run lock, and would fail on it if hm were still holding it. Making
//! the lock re-entrant for hm's own children was the other way; it would
//! need a mark in the environment, which whoever starts hm controls, so a
//! process could pass itself off as hm's child and act beside a running
//! heal. Releasing first needs no such trust.
//!
//! Nothing here fails the heal: the remedies are done and recorded, so a
//! notification that cannot be queued or sent is a warning in the report,
//! and what is queued is retried on later runs.

use super::Ctx;
use super::report::{HealReport, Remedy, RemedyKind};
use crate::alert::healed::{self, Fixed, Heal, Seen};
use crate::alert::outbox::deliver;
use crate::check::CheckResult;
use crate::config::Config;
use crate::config::channels::hide_url_passwords;
use crate::lock::RunLock;
use crate::status::Status;
use crate::time::unix_now;

fn seen(results: &[CheckResult], monitor: &str) -> Option<Seen> {
    results.iter().find(|r| r.monitor == monitor).map(|r| Seen { status: r.status, message: r.message.clone() })
}

/// The remedies of `report` that changed something. `cleaned`: files and
/// bytes the clean-disk remedy deleted, if it ran; one that deleted
/// nothing changed nothing.
fn fixed(report: &HealReport, cleaned: Option<(usize, u64)>) -> Vec<Fixed> {
    let did = |r: &Remedy| {
        r.outcome.changed() && (r.remedy != RemedyKind::CleanDisk || cleaned.is_none_or(|(files, _)| files > 0))
    };
    let mut out = Vec::new();
    for r in report.remedies.iter().filter(|r| did(r)) {
        let Some(before) = report.before.results.iter().find(|b| b.monitor == r.monitor) else { continue };
        // `healed` only when the check after says so (issue 26): a C-c
        // that ended the tmux session changed something, and healed
        // nothing. The monitor stays non-ok, and its alert tells.
        let after = report.after.as_ref().and_then(|a| seen(&a.results, &r.monitor));
        if after.as_ref().is_none_or(|a| a.status != Status::Ok) {
            continue;
        }
        let disk = (r.remedy == RemedyKind::CleanDisk).then_some(cleaned).flatten();
        out.push(Fixed {
            monitor: r.monitor.clone(),
            kind: before.kind.clone(),
            checked_at: report.before.checked_at.clone(),
            heal: Heal {
                remedy: r.remedy.to_string(),
                outcome: r.outcome.to_string(),
                // What `hm heal` prints, for receivers off the host: a
                // URL's password in a start command stays here.
                details: hide_url_passwords(&r.details),
                before: Seen { status: before.status, message: before.message.clone() },
                after,
                bytes_freed: disk.map(|(_, bytes)| bytes),
                files_deleted: disk.map(|(files, _)| files),
            },
        });
    }
    out
}

/// Queue the `healed` events of `report`, release `lock`, deliver. A dry
/// run recorded nothing and sends nothing.
pub(super) fn tell(
    ctx: &Ctx,
    config: &Config,
    lock: Option<RunLock>,
    report: &mut HealReport,
    cleaned: Option<(usize, u64)>,
) {
    if report.dry_run {
        return;
    }
    let fixed = fixed(report, cleaned);
    let mut store = match ctx.store(config) {
        Ok(s) => s,
        Err(e) => {
            report.warnings.push(format!("healed, but cannot tell anyone: {e:#}"));
            return;
        }
    };
    match healed::queue(&mut store, config, &fixed, unix_now()) {
        Ok(told) => report.healed = told,
        Err(e) => report.warnings.push(format!("healed, but cannot queue the `healed` notifications: {e:#}")),
    }
    drop(lock);
    let delivery = store
        .has_undelivered()
        .and_then(|any| any.then(|| deliver(&store, config, &ctx.db_path(config), unix_now(), false)).transpose());
    match delivery {
        Ok(d) => report.notifications = d,
        Err(e) => report.warnings.push(format!("cannot deliver notifications (retried on later runs): {e:#}")),
    }
}
