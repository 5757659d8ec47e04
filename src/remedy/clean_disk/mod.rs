//! Freeing disk space: delete old files matching a rule, and nothing else.
//!
//! Safe by construction rather than by care:
//! - a root is resolved once, walking from `/` with `openat(O_NOFOLLOW)`
//!   one component at a time (`safe_path`): a symlink anywhere on the way
//!   is refused, and whatever the owner of a directory on the way swaps
//!   afterwards, the walk goes on in what was opened; `/`,
//!   system trees (`/usr`, `/etc`, `/var/lib`, ...) and directories too
//!   broad to clean (`/var/log`, `/home/USER`) are refused as roots;
//! - the walk opens each subdirectory *relative to its parent's descriptor*
//!   with `O_NOFOLLOW`, so a directory swapped for a symlink mid-walk fails
//!   to open instead of leading elsewhere; it never crosses into another
//!   filesystem, nor into a bind mount of the same one (mount ids);
//! - only regular files are deleted, with `unlinkat` on the parent's
//!   descriptor, after re-checking that the name still is the same inode;
//!   symlinks (and whatever they point to) are never touched; a file with
//!   other hard links frees nothing and counts as nothing;
//! - names are bytes: newlines and invalid UTF-8 are handled like any other.

use crate::asked::DryRun;
mod roots;
mod walk;

pub(crate) use roots::{open_root, refuse_root};

pub(crate) use crate::config::CleanRule as Rule;
use anyhow::Result;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};
use walk::walk_all;

/// One file deleted (or that would be).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Removed {
    pub path: PathBuf,
    pub bytes: u64,
}

/// What one rule did.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cleaned {
    pub removed: Vec<Removed>,
    /// Problems met on the way (a file that vanished, a directory that
    /// could not be opened); the walk goes on.
    pub errors: Vec<String>,
}

/// Apply (or, with `dry_run`, only plan) a rule, calling
/// `progress(entries seen, files matched)` as it walks.
pub(crate) fn run_with_progress(
    rule: &Rule,
    now: SystemTime,
    dry_run: DryRun,
    progress: &dyn Fn(u64, usize),
) -> Result<Cleaned> {
    let cutoff = now.checked_sub(rule.older_than).unwrap_or(UNIX_EPOCH);
    let cutoff_s = cutoff.duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    // Each root is resolved once; both walks below use what was opened.
    let roots = rule
        .roots
        .iter()
        .map(|r| open_root(r).map_err(|why| anyhow::anyhow!("rule {}: {why}", rule.name)))
        .collect::<Result<Vec<_>>>()?;
    let mut out = Cleaned::default();
    let young = walk_all(rule, &roots, cutoff_s, dry_run, progress, &mut out)?;
    // Over the size budget with what is left: the oldest of the younger
    // files go too, by a second walk with a later cutoff (the same safe
    // walk, so nothing is deleted through a stale path).
    if let Some(budget) = rule.budget {
        let mut young = young;
        young.sort_unstable();
        let mut total: u64 = young.iter().map(|(_, size)| size).sum();
        let mut newest_to_go = None;
        for (mtime, size) in &young {
            if total <= budget {
                break;
            }
            total = total.saturating_sub(*size);
            newest_to_go = Some(*mtime);
        }
        if let Some(mtime) = newest_to_go {
            let mut more = Cleaned::default();
            walk_all(rule, &roots, mtime + 1, dry_run, progress, &mut more)?;
            more.removed.retain(|r| !out.removed.contains(r));
            out.removed.extend(more.removed);
            out.errors.extend(more.errors);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
