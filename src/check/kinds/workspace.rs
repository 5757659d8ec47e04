//! `workspace`: a directory exists, holds its required files, is writable
//! when asked, and is not too big. The size walk (walkdir: no symlinks
//! followed, one filesystem) stops at most at 80% of the monitor's
//! timeout: a tree too big to measure in time is reported with a lower
//! bound, which is still decisive when it already passes the critical level.
//!
//! As root, the directory is someone's: it is walked to once
//! without following a symlink anyone but root could have placed, and
//! everything else (required files, the write test, the size walk) runs
//! confined to it with its owner's rights ([`crate::host::confine`]), so a
//! symlink inside cannot show root's files to whoever reads `hm check` or
//! `/status`.
//!
//! Here: the check; its spec, keys and validation are `config::kinds::workspace`.

use crate::check::{CheckCtx, CheckOutput, Metric};
use crate::config::kinds::workspace::WorkspaceSpec;
use crate::host::confine::{Rights, confined};
use crate::safe_path::{self, PathError, Symlinks};
use crate::status::Status;
use crate::units::format_bytes;
use anyhow::Result;
use std::os::fd::AsFd;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

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
