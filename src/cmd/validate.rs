//! `hm validate`: read hm.toml and report every error with file, line and
//! field (not just the first, as serde alone would).

use super::Ctx;
use crate::config::{Config, ConfigIssue};
use anyhow::Result;
use serde::Serialize;
use std::path::PathBuf;

/// The result of `hm validate`.
#[derive(Debug, Serialize)]
pub struct ValidateReport {
    /// The file checked; null when none exists and the embedded defaults apply.
    pub config: Option<PathBuf>,
    /// Where hm looks for its config (the file checked, or the one that
    /// `hm add` would create).
    pub path: PathBuf,
    /// Whether it is valid.
    pub valid: bool,
    /// How many monitors it defines (embedded ones included).
    pub monitors: usize,
    /// Every problem found.
    pub errors: Vec<ConfigIssue>,
}

pub fn run(ctx: &Ctx) -> Result<ValidateReport> {
    let (path, named) = ctx.config_path()?;
    // The same read (and refusals) as every other command's.
    let text = match crate::config::read::read_text(&path)? {
        Some(t) => t,
        None if !named => {
            let monitors = Config::embedded().monitors.len();
            return Ok(ValidateReport { config: None, path, valid: true, monitors, errors: Vec::new() });
        }
        None => anyhow::bail!("cannot read config {}: no such file (`hm add` creates it)", path.display()),
    };
    Ok(match Config::parse(&path.display().to_string(), &text) {
        Ok(c) => ValidateReport {
            config: Some(path.clone()),
            path,
            valid: true,
            monitors: c.monitors.len(),
            errors: Vec::new(),
        },
        Err(e) => ValidateReport { config: Some(path.clone()), path, valid: false, monitors: 0, errors: e.0 },
    })
}
