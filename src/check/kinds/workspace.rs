//! `workspace`: a directory exists, holds its required files, is writable
//! when asked, and is not too big. The size walk (walkdir: no symlinks
//! followed, one filesystem) stops at most at 80% of the monitor's
//! timeout: a tree too big to measure in time is reported with a lower
//! bound, which is still decisive when it already passes the critical level.
//!
//! As root, the directory is someone's (issue 25): it is walked to once
//! without following a symlink anyone but root could have placed, and
//! everything else (required files, the write test, the size walk) runs
//! confined to it with its owner's rights ([`crate::host::confine`]), so a
//! symlink inside cannot show root's files to whoever reads `hm check` or
//! `/status`.

use super::{AddHelp, Described, Flag, Kind, limits_text, wrong_kind};
use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::checker::Checker;
use crate::config::{Limits, RawMonitor, Spec};
use crate::host::confine::{Rights, confined};
use crate::safe_path::{self, PathError, Symlinks};
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;
use std::os::fd::AsFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `workspace`: a directory's existence, size, writability, required files.
#[derive(Debug, Clone)]
pub(crate) struct WorkspaceSpec {
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
    let shown = &spec.path;
    let abs = crate::safe_write::absolute(shown)?;
    let dir = match safe_path::open_dir(&abs, &[], Symlinks::FollowTrusted) {
        Ok(d) => d,
        Err(e) if e.is_not_found() => return Ok(critical(format!("{} does not exist", shown.display()))),
        Err(PathError::NotDirectory { .. }) => {
            return Ok(critical(format!("{} is not a directory", shown.display())));
        }
        Err(e) => return Ok(critical(format!("refusing {}: {e}", shown.display()))),
    };
    let deadline = Instant::now() + timeout.mul_f64(0.8);
    let rights = Rights::owner_of(&dir.stat);
    let seen = confined(dir.fd.as_fd(), &dir.path, &rights, |base| look(base, spec, deadline))?;
    let mut problems = seen.problems;
    let size = Metric::new("size", seen.bytes as f64, "B").limits(spec.size);
    let mut status = size.status();
    let shown_size = format!(
        "{}{} in {}",
        if seen.complete { "" } else { "at least " },
        format_bytes(seen.bytes as f64),
        crate::units::count(seen.files as u64, "file")
    );
    if !seen.complete && status != Status::Critical {
        status = Status::Unknown;
        problems.push((Status::Unknown, format!("size walk not finished within {:?}", timeout.mul_f64(0.8))));
    }
    for (s, _) in &problems {
        status = status.worst(*s);
    }
    let mut message: Vec<String> = problems.into_iter().map(|(_, p)| p).collect();
    message.push(format!("{} {shown_size}", shown.display()));
    Ok(CheckOutput {
        status,
        message: message.join("; "),
        metrics: vec![size, Metric::new("files", seen.files as f64, "")],
        ..Default::default()
    })
}

/// What a look inside the workspace found.
struct Seen {
    problems: Vec<(Status, String)>,
    bytes: u64,
    files: u64,
    /// Whether the size walk finished before the deadline.
    complete: bool,
}

/// Look inside the workspace, found at `base` (its owner's view of it).
fn look(base: &Path, spec: &WorkspaceSpec, deadline: Instant) -> Seen {
    let mut problems = Vec::new();
    let missing: Vec<String> =
        spec.required.iter().filter(|r| !base.join(r).exists()).map(|r| r.display().to_string()).collect();
    if !missing.is_empty() {
        problems.push((Status::Critical, format!("missing {}", missing.join(", "))));
    }
    if spec.writable
        && let Err(e) = crate::safe_write::probe_writable(base)
    {
        problems.push((Status::Critical, format!("not writable: {e:#}")));
    }
    let (mut bytes, mut files, mut complete) = (0u64, 0u64, true);
    for entry in walkdir::WalkDir::new(base).follow_links(false).same_file_system(true) {
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
    Seen { problems, bytes, files, complete }
}

fn critical(message: String) -> CheckOutput {
    CheckOutput { status: Status::Critical, message, ..Default::default() }
}
