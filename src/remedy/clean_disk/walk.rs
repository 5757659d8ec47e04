//! The walk below one opened root: each subdirectory opened relative to
//! its parent's descriptor with `O_NOFOLLOW`, never into another
//! filesystem or mount, and only regular files that still are the inode
//! judged are unlinked (see the module docs of `clean_disk`).

use super::{Cleaned, Removed, Rule};
use crate::asked::DryRun;
use crate::safe_path;
use anyhow::{Context, Result};
use nix::dir::{Dir, Type};
use nix::fcntl::{AtFlags, OFlag, openat};
use nix::sys::stat::{FileStat, Mode, fstatat};
use nix::unistd::{UnlinkatFlags, unlinkat};
use std::ffi::{CStr, OsStr};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// One walk of every root, deleting matching files older than `cutoff_s`;
/// returns the (mtime, size) of the matching files it left.
pub(super) fn walk_all(
    rule: &Rule,
    roots: &[safe_path::Dir],
    cutoff_s: i64,
    dry_run: DryRun,
    progress: &dyn Fn(u64, usize),
    out: &mut Cleaned,
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
    dry_run: DryRun,
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

    fn dir(&self, fd: OwnedFd, path: &Path, out: &mut Cleaned, depth: usize) {
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

    fn file(&self, dir: std::os::fd::BorrowedFd<'_>, name: &CStr, st: &FileStat, path: PathBuf, out: &mut Cleaned) {
        let bytes = freed_by_unlink(st);
        if self.dry_run.yes() {
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
