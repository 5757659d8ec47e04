//! The end of `hm heal` (and of each `hm run --heal` cycle): queue a
//! `healed` event for every remedy that changed something and left its
//! monitor ok, let go of the run lock, then deliver what waits in the
//! outbox.
//!
//! Delivering comes after the lock on purpose: a `command`
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
use crate::alert::outbox::{Due, deliver};
use crate::check::CheckResult;
use crate::config::Config;
use crate::config::channels::hide_url_passwords;
use crate::lock::RunLock;
use crate::status::Status;
use crate::store::Store;
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
        // `healed` only when the check after says so: a C-c
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
/// run recorded nothing and sends nothing. Through `kept` (the engine's
/// connection) when given, else a connection of its own; the one used is
/// handed back, for the engine to keep.
pub(super) fn tell(
    ctx: &Ctx,
    config: &Config,
    kept: Option<Store>,
    lock: Option<RunLock>,
    report: &mut HealReport,
    cleaned: Option<(usize, u64)>,
) -> Option<Store> {
    if report.dry_run {
        return kept;
    }
    let fixed = fixed(report, cleaned);
    let mut store = match kept.map_or_else(|| ctx.store(config), Ok) {
        Ok(s) => s,
        Err(e) => {
            report.warnings.push(format!("healed, but cannot tell anyone: {e:#}"));
            return None;
        }
    };
    // A store that failed is not kept (`kept.rs`).
    let mut failed = false;
    match healed::queue(&mut store, config, &fixed, unix_now()) {
        Ok(told) => report.healed = told,
        Err(e) => {
            failed = true;
            report.warnings.push(format!("healed, but cannot queue the `healed` notifications: {e:#}"));
        }
    }
    drop(lock);
    let delivery = store
        .has_undelivered()
        .and_then(|any| any.then(|| deliver(&store, config, &ctx.db_path(config), unix_now(), Due::Now)).transpose());
    match delivery {
        Ok(d) => report.notifications = d,
        Err(e) => {
            failed = true;
            report.warnings.push(format!("cannot deliver notifications (retried on later runs): {e:#}"));
        }
    }
    (!failed).then_some(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::CheckReport;
    use crate::engine::{Said, Say};

    #[test]
    fn issue27_a_heal_that_cannot_tell_says_so_in_its_report_not_on_stderr() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a-file");
        std::fs::write(&file, "").expect("write");
        // No database can be opened under a file.
        let (say, said) = Say::kept();
        let ctx = Ctx { config: None, db: Some(file.join("hm.db")), say };
        let config = Config::parse("hm.toml", "host_defaults = false\n").expect("config");
        let before = CheckReport::of(String::new(), Vec::new());
        let mut report = HealReport {
            status: Status::Ok,
            dry_run: false,
            before,
            remedies: Vec::new(),
            after: None,
            healed: Vec::new(),
            notifications: None,
            not_acting: None,
            warnings: Vec::new(),
        };
        tell(&ctx, &config, None, None, &mut report, None);
        assert!(
            matches!(&report.warnings[..], [w] if w.starts_with("healed, but cannot tell anyone: ")),
            "{:?}",
            report.warnings
        );
        let lines: Vec<Said> = said.lock().expect("lines").clone();
        assert!(lines.is_empty(), "nothing told beside the report: {lines:?}");
    }
}
