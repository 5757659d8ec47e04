//! Where the config and the database are, as the command line and the
//! environment said, and how each is opened; and where the engine tells
//! what went wrong without stopping it (the caller's sink).

use super::said::Say;
use crate::config::{self, Config};
use crate::store::{ReadOnly, Store};
use anyhow::Result;
use std::path::PathBuf;

/// What every command may need: where the config and database are, and
/// where warnings go.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// `--config` / `HM_CONFIG`.
    pub config: Option<PathBuf>,
    /// `--db` / `HM_DB`.
    pub db: Option<PathBuf>,
    /// Where the engine's warnings go as they happen (`hm::run` renders
    /// them on stderr).
    pub say: Say,
}

impl Ctx {
    /// The config file path, and whether the user named it.
    pub(crate) fn config_path(&self) -> Result<(PathBuf, bool)> {
        Ok(match &self.config {
            Some(p) => (p.clone(), true),
            None => (config::default_config_path()?, false),
        })
    }

    /// Load the config (embedded defaults when no file exists at the default path).
    pub(crate) fn config(&self) -> Result<Config> {
        let (path, named) = self.config_path()?;
        let config = Config::load(&path, named)?;
        if self.db.is_none() && config.settings.db.is_none() {
            // Fail here, once, rather than at each use of the path.
            config::default_db_path()?;
        }
        Ok(config)
    }

    /// The database path: `--db`, else the config's `db`, else the default.
    pub(crate) fn db_path(&self, config: &Config) -> PathBuf {
        // `config()` has made sure the default can be had when needed.
        self.db
            .clone()
            .or_else(|| config.settings.db.clone())
            .or_else(|| config::default_db_path().ok())
            .unwrap_or_else(|| PathBuf::from("/nonexistent/hm.db"))
    }

    /// Open the database; a corrupt one is moved aside (with a warning to
    /// [`Ctx::say`]) and a new one started.
    pub(crate) fn store(&self, config: &Config) -> Result<Store> {
        let (store, note) = Store::open_or_recover(&self.db_path(config))?;
        if let Some(note) = note {
            self.say.warning(note);
        }
        Ok(store)
    }

    /// The database for a command that only reads it: when none exists
    /// yet, an empty one in memory (nothing recorded), and no file is
    /// created. The flag says whether a database file was there. It is
    /// opened read-only (on a filesystem remounted read-only
    /// these commands would fail), with one warning line when its WAL cannot
    /// be used; one that must be written first (migrated, repaired) is
    /// opened as every other command opens it.
    pub(crate) fn store_to_read(&self, config: &Config) -> Result<(Store, bool)> {
        let path = self.db_path(config);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Store::empty()?, false)),
            _ => match Store::open_read_only(&path)? {
                ReadOnly::Open(store, note) => {
                    if let Some(note) = note {
                        self.say.warning(note);
                    }
                    Ok((store, true))
                }
                ReadOnly::NeedsWrite => Ok((self.store(config)?, true)),
            },
        }
    }
}
