//! `hm clear-locks DB...`: free stuck SQLite databases (see
//! `heal::clear_locks`), recording what was done.

use super::{Ctx, unix_now};
use crate::config::{Config, Spec, SqliteSpec};
use crate::heal::clear_locks::{self, Holder};
use crate::host::ProcNeeds;
use crate::host::linux::LinuxHost;
use crate::store::{ActionRow, Store};
use anyhow::{Result, bail};
use serde::Serialize;
use std::path::PathBuf;

/// What was found and done for one database.
#[derive(Debug, Serialize)]
pub struct DbReport {
    pub database: PathBuf,
    /// Processes that had it open.
    pub holders: Vec<Holder>,
    /// Processes whose open files hm could not read (other users', when hm
    /// is not root): a holder may hide among them, so hm changed nothing
    /// without first having the database's write lock.
    pub unseen_processes: usize,
    /// True when held by a process that is not `killable`, or by a writer:
    /// nothing was done.
    pub left_alone: bool,
    pub hot_journal: bool,
    pub wal_bytes_before: u64,
    pub wal_bytes_after: u64,
    pub steps: Vec<String>,
}

/// The result of `hm clear-locks`.
#[derive(Debug, Serialize)]
pub struct ClearLocksReport {
    pub dry_run: bool,
    pub databases: Vec<DbReport>,
}

impl ClearLocksReport {
    /// Whether some database was left alone because it is held.
    pub fn held(&self) -> bool {
        self.databases.iter().any(|d| d.left_alone)
    }
}

/// The databases to clear and their `killable` patterns: the given paths
/// (with the patterns of a `sqlite` monitor watching the same file), or
/// every `sqlite` monitor's database.
fn targets(config: &Config, paths: &[PathBuf]) -> Result<Vec<(PathBuf, Vec<String>)>> {
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

pub fn run(ctx: &Ctx, paths: &[PathBuf], dry_run: bool) -> Result<ClearLocksReport> {
    let config = ctx.config()?;
    let targets = targets(&config, paths)?;
    let store = ctx.store(&config)?;
    let _lock = crate::lock::unless_dry_run(&ctx.db_path(&config), dry_run)?;
    apply(&store, &targets, dry_run)
}

/// Clear each database with its `killable` patterns (the caller holds the
/// run lock) and record what was done.
pub fn apply(store: &Store, targets: &[(PathBuf, Vec<String>)], dry_run: bool) -> Result<ClearLocksReport> {
    let mut databases = Vec::new();
    let host = LinuxHost::new(ProcNeeds::default());
    for (path, killable) in targets {
        let c = clear_locks::clear(&host, path, killable, dry_run)?;
        if !dry_run {
            store.record_action(&ActionRow {
                ts: unix_now(),
                monitor: path.display().to_string(),
                action: "clear-locks".into(),
                outcome: if c.left_alone { "skipped" } else { "ok" }.into(),
                details: c.steps.join("; "),
            })?;
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
    Ok(ClearLocksReport { dry_run, databases })
}
