//! `workspace`: a directory exists, holds its required files, is writable
//! when asked, and is not too big. The size walk (walkdir: no symlinks
//! followed, one filesystem) stops at most at 80% of the monitor's
//! timeout: a tree too big to measure in time is reported with a lower
//! bound, which is still decisive when it already passes the critical level.

use super::{AddHelp, Described, Flag, Kind, limits_text, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// `workspace`: a directory's existence, size, writability, required files.
#[derive(Debug, Clone)]
pub struct WorkspaceSpec {
    pub path: PathBuf,
    /// Size levels, bytes.
    pub size: Limits,
    /// Paths relative to `path` that must exist.
    pub required: Vec<PathBuf>,
    /// Whether hm must be able to create a file in it.
    pub writable: bool,
}

pub(crate) static KIND: Kind = Kind {
    name: "workspace",
    keys: &["path", "warn", "crit", "required", "writable"],
    add: AddHelp {
        about: "A directory exists, is writable, holds its files, is not too big",
        heading: "A workspace monitor",
        flags: &[
            Flag::path("path", "DIR", "The directory"),
            Flag::number("warn", "SIZE", "Warning size, e.g. 10GiB (default 1GiB)"),
            Flag::number("crit", "SIZE", "Critical size (default 5GiB)"),
            Flag::paths("required", "PATH", "A path inside it that must exist (repeatable)"),
            Flag::switch("writable", "hm must be able to create a file in it"),
        ],
        examples: "Example:\n  \
                   hm add workspace scratch --path /srv/scratch --required config.yaml --writable --warn 10GiB --crit 20GiB",
    },
    is: |s| matches!(s, Spec::Workspace(_)),
    validate: |c, raw, _| validate(c, raw),
    check: |ctx, m| match &m.spec {
        Spec::Workspace(spec) => check(ctx, spec, m.timeout),
        _ => Err(wrong_kind("workspace", m)),
    },
    describe: |m| match &m.spec {
        Spec::Workspace(w) => (format!("directory {}", w.path.display()), vec![limits_text("", w.size, format_bytes)]),
        _ => Described::default(),
    },
};

fn validate(c: &mut Checker<'_, '_>, raw: &RawMonitor) -> Option<Spec> {
    let Some(path) = raw.path.clone() else {
        c.err("", "a workspace monitor needs `path`, the directory");
        return None;
    };
    let size = Limits {
        warn: Some(c.size("warn", raw.warn.as_ref()).unwrap_or(1024.0 * 1024.0 * 1024.0)),
        crit: Some(c.size("crit", raw.crit.as_ref()).unwrap_or(5.0 * 1024.0 * 1024.0 * 1024.0)),
    };
    let size = c.limits("warn", "crit", size, None);
    let required = raw.required.clone().unwrap_or_default();
    for r in &required {
        if r.is_absolute() || r.components().any(|p| p == std::path::Component::ParentDir) {
            c.err("required", format!("`{}` must be a path inside the workspace", r.display()));
        }
    }
    Some(Spec::Workspace(WorkspaceSpec { path, size, required, writable: raw.writable.unwrap_or(false) }))
}

pub(crate) fn check(_ctx: &CheckCtx<'_>, spec: &WorkspaceSpec, timeout: Duration) -> Result<CheckOutput> {
    let dir = &spec.path;
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Ok(critical(format!("{} is not a directory", dir.display()))),
        Err(e) => return Ok(critical(format!("{}: {e}", dir.display()))),
    }
    let mut problems = Vec::new();
    let missing: Vec<String> =
        spec.required.iter().filter(|r| !dir.join(r).exists()).map(|r| r.display().to_string()).collect();
    if !missing.is_empty() {
        problems.push((Status::Critical, format!("missing {}", missing.join(", "))));
    }
    if spec.writable
        && let Err(e) = crate::safe_write::probe_writable(dir)
    {
        problems.push((Status::Critical, format!("not writable: {e:#}")));
    }
    let deadline = Instant::now() + timeout.mul_f64(0.8);
    let (mut bytes, mut files, mut complete) = (0u64, 0u64, true);
    for entry in walkdir::WalkDir::new(dir).follow_links(false).same_file_system(true) {
        if Instant::now() > deadline {
            complete = false;
            break;
        }
        // Unreadable corners are skipped: the size is of what hm can see.
        let Ok(entry) = entry else { continue };
        if let Ok(meta) = entry.metadata()
            && meta.is_file()
        {
            // Allocated blocks, like du: sparse files count what they use.
            bytes += meta.blocks() * 512;
            files += 1;
        }
    }
    let size = Metric::new("size", bytes as f64, "B").limits(spec.size);
    let mut status = size.status();
    let shown = format!("{}{} in {files} files", if complete { "" } else { "at least " }, format_bytes(bytes as f64));
    if !complete && status != Status::Critical {
        status = Status::Unknown;
        problems.push((Status::Unknown, format!("size walk not finished within {:?}", timeout.mul_f64(0.8))));
    }
    for (s, _) in &problems {
        status = status.worst(*s);
    }
    let mut message: Vec<String> = problems.into_iter().map(|(_, p)| p).collect();
    message.push(format!("{} {shown}", dir.display()));
    Ok(CheckOutput {
        status,
        message: message.join("; "),
        metrics: vec![size, Metric::new("files", files as f64, "")],
        ..Default::default()
    })
}

fn critical(message: String) -> CheckOutput {
    CheckOutput { status: Status::Critical, message, ..Default::default() }
}
