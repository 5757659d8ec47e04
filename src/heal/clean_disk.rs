//! Freeing disk space: delete old files matching a rule, and nothing else.
//!
//! Safe by construction rather than by care:
//! - a root is resolved once, walking from `/` with `openat(O_NOFOLLOW)`
//!   one component at a time (`safe_path`): a symlink anywhere on the way
//!   is refused, and whatever the owner of a directory on the way swaps
//!   afterwards, the walk goes on in what was opened (issue 14); `/`,
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

use crate::safe_path::{self, Symlinks};
use anyhow::{Context, Result};
use nix::dir::{Dir, Type};
use nix::fcntl::{AtFlags, OFlag, openat};
use nix::sys::stat::{FileStat, Mode, fstatat};
use nix::unistd::{UnlinkatFlags, unlinkat};
use std::ffi::{CStr, OsStr};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Trees that are never cleaned, nor anything below them: the system's
/// programs, libraries, state and kernel interfaces (`/var/lib/dpkg` is
/// the package database, not a cache).
const REFUSED_TREES: &[&str] = &[
    "/bin",
    "/boot",
    "/dev",
    "/efi",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/snap",
    "/sys",
    "/usr",
    "/var/lib",
    "/var/lock",
    "/var/run",
];

/// Directories too broad to be a root themselves; a directory below them
/// (`/var/log/myapp`, `/srv/app/cache`, `/home/ann/tmp`) is fine.
const REFUSED_EXACT: &[&str] = &[
    "/",
    "/home",
    "/media",
    "/mnt",
    "/opt",
    "/root",
    "/srv",
    "/tmp",
    "/var",
    "/var/backups",
    "/var/cache",
    "/var/local",
    "/var/log",
    "/var/mail",
    "/var/opt",
    "/var/spool",
    "/var/tmp",
];

pub(crate) use crate::config::CleanRule as Rule;

/// One file deleted (or that would be).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Removed {
    pub path: PathBuf,
    pub bytes: u64,
}

/// What one rule did.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Outcome {
    pub removed: Vec<Removed>,
    /// Problems met on the way (a file that vanished, a directory that
    /// could not be opened); the walk goes on.
    pub errors: Vec<String>,
}

/// Why a path, as written, cannot be a root: relative, or a system
/// directory once `.` and `..` are taken out. Checked when the config is
/// read; [`open_root`] checks again on what it really opened.
pub(crate) fn refuse_written(path: &Path) -> Option<String> {
    if !path.is_absolute() {
        return Some(format!("{} is not an absolute path", path.display()));
    }
    refuse_system(&lexical(path))
}

fn refuse_system(path: &Path) -> Option<String> {
    let shown = path.display().to_string();
    let trimmed = if shown.len() > 1 { shown.trim_end_matches('/') } else { &shown };
    let under = |tree: &&str| trimmed == *tree || trimmed.strip_prefix(*tree).is_some_and(|r| r.starts_with('/'));
    let home = trimmed.strip_prefix("/home/").is_some_and(|user| !user.contains('/'));
    if REFUSED_EXACT.contains(&trimmed) || home || REFUSED_TREES.iter().any(under) {
        return Some(format!(
            "refusing to clean {trimmed}: a system directory (see SECURITY.md: roots below /var/log, /var/cache, /srv, /opt, /tmp or a home are fine)"
        ));
    }
    None
}

/// Open a root once, walking from `/` without following any symlink
/// (whoever owns a directory on the way could otherwise point it at
/// someone else's files), and refuse it if what was opened is a system
/// directory. Everything after works on the descriptor, never the name.
pub(crate) fn open_root(path: &Path) -> Result<safe_path::Dir, String> {
    if let Some(why) = refuse_written(path) {
        return Err(why);
    }
    let dir = safe_path::open_dir(path, &[], Symlinks::Refuse).map_err(|e| match e {
        safe_path::PathError::Symlink { at } => {
            format!("{} leads through a symlink at {}; write the real path in the rule", path.display(), at.display())
        }
        e => format!("cannot open {}: {e}", path.display()),
    })?;
    match refuse_system(&dir.path) {
        Some(why) => Err(why),
        None => Ok(dir),
    }
}

/// Why a path cannot be a root; `None` when it can.
pub(crate) fn refuse_root(path: &Path) -> Option<String> {
    open_root(path).err()
}

/// `path` with `.` and `..` taken out by their names alone, as it would
/// resolve if nothing on the way were a symlink.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Apply (or, with `dry_run`, only plan) a rule, calling
/// `progress(entries seen, files matched)` as it walks.
pub(crate) fn run_with_progress(
    rule: &Rule,
    now: SystemTime,
    dry_run: bool,
    progress: &dyn Fn(u64, usize),
) -> Result<Outcome> {
    let cutoff = now.checked_sub(rule.older_than).unwrap_or(UNIX_EPOCH);
    let cutoff_s = cutoff.duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    // Each root is resolved once; both walks below use what was opened.
    let roots = rule
        .roots
        .iter()
        .map(|r| open_root(r).map_err(|why| anyhow::anyhow!("rule {}: {why}", rule.name)))
        .collect::<Result<Vec<_>>>()?;
    let mut out = Outcome::default();
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
            let mut more = Outcome::default();
            walk_all(rule, &roots, mtime + 1, dry_run, progress, &mut more)?;
            more.removed.retain(|r| !out.removed.contains(r));
            out.removed.extend(more.removed);
            out.errors.extend(more.errors);
        }
    }
    Ok(out)
}

/// One walk of every root, deleting matching files older than `cutoff_s`;
/// returns the (mtime, size) of the matching files it left.
fn walk_all(
    rule: &Rule,
    roots: &[safe_path::Dir],
    cutoff_s: i64,
    dry_run: bool,
    progress: &dyn Fn(u64, usize),
    out: &mut Outcome,
) -> Result<Vec<(i64, u64)>> {
    let mut young = Vec::new();
    for root in roots {
        let fd = nix::unistd::dup(&root.fd).with_context(|| format!("cannot use {}", root.path.display()))?;
        let walk = Walk {
            rule,
            cutoff_s,
            dev: root.stat.st_dev,
            mount: safe_path::mount_id(&root.fd),
            dry_run,
            seen: std::cell::Cell::new(0),
            progress,
            young: std::cell::RefCell::new(Vec::new()),
        };
        walk.dir(fd, &root.path, out, 0);
        young.extend(walk.young.into_inner());
    }
    Ok(young)
}

struct Walk<'a> {
    rule: &'a Rule,
    seen: std::cell::Cell<u64>,
    progress: &'a dyn Fn(u64, usize),
    /// Matching files too young to go: (mtime, size), for the size budget.
    young: std::cell::RefCell<Vec<(i64, u64)>>,
    cutoff_s: i64,
    dev: u64,
    /// The root's mount: a bind mount inside a root shares its `st_dev`
    /// (the same filesystem) but leads outside, so it is not entered.
    mount: Option<u64>,
    dry_run: bool,
}

/// Deeper than this is a loop or an attack, not a log directory.
const MAX_DEPTH: usize = 64;

impl Walk<'_> {
    fn matches(&self, name: &CStr) -> bool {
        if self.rule.globs.is_empty() {
            return true;
        }
        let lossy = String::from_utf8_lossy(name.to_bytes());
        self.rule.globs.iter().any(|g| g.matches(&lossy))
    }

    fn dir(&self, fd: OwnedFd, path: &Path, out: &mut Outcome, depth: usize) {
        if depth > MAX_DEPTH {
            out.errors.push(format!("{}: deeper than {MAX_DEPTH} levels, skipped", path.display()));
            return;
        }
        let names: Vec<(std::ffi::CString, Option<Type>)> = match nix::unistd::dup(&fd).and_then(Dir::from_fd) {
            Ok(mut dir) => dir
                .iter()
                .filter_map(|e| e.ok())
                .filter(|e| !matches!(e.file_name().to_bytes(), b"." | b".."))
                .map(|e| (e.file_name().to_owned(), e.file_type()))
                .collect(),
            Err(e) => {
                out.errors.push(format!("{}: {e}", path.display()));
                return;
            }
        };
        for (name, _) in names {
            self.seen.set(self.seen.get() + 1);
            (self.progress)(self.seen.get(), out.removed.len());
            let child = path.join(OsStr::from_bytes(name.to_bytes()));
            let st = match fstatat(&fd, name.as_c_str(), AtFlags::AT_SYMLINK_NOFOLLOW) {
                Ok(st) => st,
                Err(e) => {
                    out.errors.push(format!("{}: {e}", child.display()));
                    continue;
                }
            };
            match st.st_mode & libc_fmt::S_IFMT {
                libc_fmt::S_IFDIR if st.st_dev == self.dev => {
                    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
                    match openat(&fd, name.as_c_str(), flags, Mode::empty()) {
                        // Like another filesystem: not entered.
                        Ok(sub) if self.mount.is_some() && safe_path::mount_id(&sub) != self.mount => {}
                        Ok(sub) => self.dir(sub, &child, out, depth + 1),
                        Err(e) => out.errors.push(format!("{}: {e}", child.display())),
                    }
                }
                libc_fmt::S_IFREG if self.matches(&name) => {
                    if st.st_mtime < self.cutoff_s {
                        self.file(fd.as_fd(), &name, &st, child, out);
                    } else {
                        self.young.borrow_mut().push((st.st_mtime, freed_by_unlink(&st)));
                    }
                }
                // Symlinks, sockets, devices, other filesystems, young files: left alone.
                _ => {}
            }
        }
    }

    fn file(&self, dir: std::os::fd::BorrowedFd<'_>, name: &CStr, st: &FileStat, path: PathBuf, out: &mut Outcome) {
        let bytes = freed_by_unlink(st);
        if self.dry_run {
            out.removed.push(Removed { path, bytes });
            return;
        }
        // The name must still be the file that was judged.
        match fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(now) if now.st_ino == st.st_ino && now.st_dev == st.st_dev => {}
            _ => {
                out.errors.push(format!("{}: changed while cleaning, left alone", path.display()));
                return;
            }
        }
        match unlinkat(dir, name, UnlinkatFlags::NoRemoveDir) {
            Ok(()) => out.removed.push(Removed { path, bytes }),
            Err(e) => out.errors.push(format!("{}: {e}", path.display())),
        }
    }
}

/// What removing one name of a file frees: its size when it is the last
/// name, nothing while a hard link elsewhere keeps it.
fn freed_by_unlink(st: &FileStat) -> u64 {
    if st.st_nlink == 1 { st.st_size.max(0) as u64 } else { 0 }
}

/// File type bits of `st_mode` (from `libc`, spelled out to keep the
/// dependency list as it is).
mod libc_fmt {
    pub(super) const S_IFMT: u32 = 0o170000;
    pub(super) const S_IFDIR: u32 = 0o040000;
    pub(super) const S_IFREG: u32 = 0o100000;
}

#[cfg(test)]
#[path = "clean_disk_tests.rs"]
mod tests;
