//! `hm export`: the latest recorded state, for Prometheus (text
//! exposition, e.g. for node_exporter's textfile collector), Nagios (one
//! plugin line with perfdata) or as JSON. It reads the database and runs
//! nothing; pair it with `hm check` in the same timer.

use crate::engine::Ctx;
use crate::engine::query::snapshot;
use crate::engine::report::{ExportReport, Format};
use crate::time::unix_now;
use anyhow::Result;
use std::path::{Path, PathBuf};

pub(crate) fn run(ctx: &Ctx, format: Format, output: Option<PathBuf>) -> Result<ExportReport> {
    let config = ctx.config()?;
    let (store, _) = ctx.store_to_read(&config)?;
    let snapshot = snapshot(&config, &store, unix_now())?;
    let mut report = ExportReport { format, output: None, bytes: None, snapshot };
    if let Some(path) = output {
        let text = crate::output::export(&report);
        write(&path, &text)?;
        report.bytes = Some(text.len());
        report.output = Some(path);
    }
    Ok(report)
}

/// Write atomically (a temp file in the same directory, then a rename):
/// node_exporter never reads half a file. New files are world-readable,
/// since the collector usually runs as another user.
pub(crate) fn write(path: &Path, text: &[u8]) -> Result<()> {
    crate::config::edit::write_file_atomic(path, text, 0o644)
}
