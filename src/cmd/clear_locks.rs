//! `hm clear-locks DB...`: free stuck SQLite databases (see
//! `heal::clear_locks`), recording what was done.

use super::{Ctx, unix_now};
use crate::heal::clear_locks;
use crate::store::ActionRow;
use anyhow::{Result, bail};
use serde::Serialize;
use std::path::PathBuf;

/// A process holding a database open.
#[derive(Debug, Serialize)]
pub struct HolderReport {
    pub pid: u32,
    pub command: String,
}

/// What was found and done for one database.
#[derive(Debug, Serialize)]
pub struct DbReport {
    pub database: PathBuf,
    /// Processes with it open (then nothing is done to it).
    pub holders: Vec<HolderReport>,
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
        self.databases.iter().any(|d| !d.holders.is_empty())
    }
}

pub fn run(ctx: &Ctx, paths: &[PathBuf], dry_run: bool) -> Result<ClearLocksReport> {
    if paths.is_empty() {
        bail!("name the databases to clear: hm clear-locks /srv/app/app.db");
    }
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let _lock = crate::lock::unless_dry_run(&ctx.db_path(&config), dry_run)?;
    let mut databases = Vec::new();
    for path in paths {
        let c = clear_locks::clear(path, dry_run)?;
        if !dry_run {
            store.record_action(&ActionRow {
                ts: unix_now(),
                monitor: path.display().to_string(),
                action: "clear-locks".into(),
                outcome: if c.holders.is_empty() { "ok" } else { "skipped" }.into(),
                details: c.steps.join("; "),
            })?;
        }
        databases.push(DbReport {
            database: path.clone(),
            holders: c.holders.into_iter().map(|h| HolderReport { pid: h.pid, command: h.command }).collect(),
            hot_journal: c.hot_journal,
            wal_bytes_before: c.wal_bytes_before,
            wal_bytes_after: c.wal_bytes_after,
            steps: c.steps,
        });
    }
    Ok(ClearLocksReport { dry_run, databases })
}
