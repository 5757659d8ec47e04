//! Which directories may be a cleaning root, and opening one safely: a
//! root is walked to from `/` without following symlinks, and refused when
//! it is, or lies in, a system tree (see the module docs of `clean_disk`).

use crate::safe_path::{self, Symlinks};
use std::path::{Path, PathBuf};

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
