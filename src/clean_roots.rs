//! Which directories may be a cleaning root, by name: not relative, not a
//! system tree nor in one, not a directory too broad to clean. Plain rules
//! on paths, below both the config (which refuses such a rule when it is
//! read) and the clean-disk remedy (which asks again of what it opened).

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
/// read; `remedy::clean_disk::open_root` checks again on what it really
/// opened.
pub(crate) fn refuse_written(path: &Path) -> Option<String> {
    if !path.is_absolute() {
        return Some(format!("{} is not an absolute path", path.display()));
    }
    refuse_system(&lexical(path))
}

/// Why a path with no `.` or `..` left cannot be a root: it is a system
/// directory, lies in a system tree, or is too broad to clean.
pub(crate) fn refuse_system(path: &Path) -> Option<String> {
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
