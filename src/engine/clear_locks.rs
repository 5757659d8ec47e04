//! Freeing stuck SQLite databases (see `remedy::clear_locks`), recording
//! what was done: `hm clear-locks DB...` and the clear-locks step of
//! `hm heal`.

use super::intent::{Intent, intend_one};
use super::report::{ClearLocksReport, DbReport};
use super::{DryRun, Engine};
use crate::config::{Config, Spec, SqliteSpec};
use crate::host::ProcNeeds;
use crate::remedy::clear_locks;
use crate::store::{ActionKind, ActionOutcome, Store};
use anyhow::{Result, bail};
use std::path::PathBuf;

/// The databases to clear and their `killable` patterns: the given paths
/// (with the patterns of a `sqlite` monitor watching the same file), or
/// every `sqlite` monitor's database.
pub(crate) fn targets(config: &Config, paths: &[PathBuf]) -> Result<Vec<(PathBuf, Vec<String>)>> {
    let monitors: Vec<&SqliteSpec> = config
        .monitors
        .iter()
        .filter_map(|m| match &m.spec {
            Spec::Sqlite(s) => Some(s),
            _ => None,
        })
        .collect();
    if paths.is_empty() {
        if monitors.is_empty() {
            bail!("name the databases to clear (hm clear-locks /srv/app/app.db), or add sqlite monitors");
        }
        return Ok(monitors.iter().map(|s| (s.path.clone(), s.killable.clone())).collect());
    }
    let same =
        |a: &PathBuf, b: &PathBuf| a == b || a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
    Ok(paths
        .iter()
        .map(|p| {
            let killable = monitors.iter().find(|s| same(&s.path, p)).map(|s| s.killable.clone()).unwrap_or_default();
            (p.clone(), killable)
        })
        .collect())
}

/// Clear each database with its `killable` patterns (the caller holds the
/// run lock) and record what was done.
impl Engine {
    pub(crate) fn clear_locks(
        &self,
        store: &Store,
        targets: &[(PathBuf, Vec<String>)],
        dry_run: DryRun,
    ) -> Result<ClearLocksReport> {
        let mut databases = Vec::new();
        let host = self.host(ProcNeeds::default());
        for (path, killable) in targets {
            let monitor = path.display().to_string();
            // Record before acting.
            let pending = if dry_run.yes() {
                None
            } else {
                let what = if killable.is_empty() {
                    format!("checkpoint {monitor}")
                } else {
                    format!("checkpoint {monitor}; stop its holders matching {}", killable.join(", "))
                };
                Some(intend_one(store, Intent::new(&monitor, ActionKind::ClearLocks, what))?)
            };
            let c = match clear_locks::clear(host.as_ref(), path, killable, dry_run) {
                Ok(c) => c,
                Err(e) => {
                    if let Some(p) = pending {
                        p.finish(ActionOutcome::Failed, &format!("{e:#}"))?;
                    }
                    return Err(e);
                }
            };
            if let Some(p) = pending {
                let outcome = if c.left_alone { ActionOutcome::Skipped } else { ActionOutcome::Ok };
                p.finish(outcome, &c.steps.join("; "))?;
            }
            databases.push(DbReport {
                database: path.clone(),
                left_alone: c.left_alone,
                holders: c.holders,
                unseen_processes: c.unseen,
                hot_journal: c.hot_journal,
                wal_bytes_before: c.wal_bytes_before,
                wal_bytes_after: c.wal_bytes_after,
                steps: c.steps,
            });
        }
        Ok(ClearLocksReport { dry_run: dry_run.yes(), databases })
    }
}
