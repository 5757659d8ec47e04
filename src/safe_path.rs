//! Resolving a path once, so that nobody but root decides where it leads.
//!
//! hm runs as root and touches paths (clean roots, worker logs, pidfiles,
//! its config) whose directories may belong to ordinary users, who can swap
//! any of them for a symlink at any moment. Checking a path by name and
//! then opening it by name is a race such a user wins, and a
//! symlink they planted leads anywhere. So a path is walked here from `/`
//! one component at a time with `openat(O_NOFOLLOW)`; every check is made
//! on the descriptors that walk opened, and callers use only those
//! descriptors afterwards, never the name again.
//!
//! Symlinks are refused, or followed only where nobody but a trusted owner
//! could have planted them ([`Symlinks::FollowTrusted`], for a config that
//! operators link from `/etc` into a repository).
//!
//! The walk also says whether anyone but the trusted owners could have
//! changed where the path leads: the first directory on the way that such
//! a user owns or may write, as sshd's StrictModes does. A sticky directory
//! (`/tmp`) protects the entries its writers do not own.

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, readlinkat};
use nix::sys::stat::{FileStat, Mode, fstat, fstatat};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path, PathBuf};

/// What the walk does with a symlink on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Symlinks {
    /// Refuse it: the path must be written as its real path.
    Refuse,
    /// Follow it only if it sits where only trusted owners can write (so
    /// they, not another user, chose where it leads); refuse it otherwise.
    FollowTrusted,
}

/// Why a path was not opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PathError {
    #[error("{0} is not an absolute path")]
    Relative(PathBuf),
    #[error("{at} is a symlink; hm does not follow symlinks here (write the real path)")]
    Symlink { at: PathBuf },
    #[error("{at} is a symlink in {dir}, which {who}; hm does not follow it")]
    UntrustedSymlink { at: PathBuf, dir: PathBuf, who: String },
    #[error("{at} is not a directory")]
    NotDirectory { at: PathBuf },
    #[error("{0}: more than 40 symlinks on the way")]
    Loop(PathBuf),
    #[error("{at}: {errno}")]
    Io { at: PathBuf, errno: Errno },
}

impl PathError {
    /// Whether the path (or a directory on its way) does not exist.
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self, PathError::Io { errno: Errno::ENOENT, .. })
    }
}

/// A directory opened by [`open_dir`].
#[derive(Debug)]
pub(crate) struct Dir {
    pub fd: OwnedFd,
    /// The real path that was opened: every component a real directory.
    pub path: PathBuf,
    pub stat: FileStat,
    /// The first place on the way that someone other than the trusted
    /// owners could have changed, and why; `None` when nobody could.
    pub untrusted: Option<String>,
}

/// A file (of any type) opened by [`open_file`] inside its directory.
#[derive(Debug)]
pub(crate) struct File {
    pub fd: OwnedFd,
    pub path: PathBuf,
    pub stat: FileStat,
    /// As for [`Dir::untrusted`], the file's own name included (but not
    /// the file's own owner and mode: the caller judges those).
    pub untrusted: Option<String>,
}

const DIR_FLAGS: OFlag = OFlag::O_RDONLY.union(OFlag::O_DIRECTORY).union(OFlag::O_NOFOLLOW).union(OFlag::O_CLOEXEC);
const MAX_LINKS: usize = 40;

/// Whether `st` belongs to root or one of `owners`.
fn owned(st: &FileStat, owners: &[u32]) -> bool {
    st.st_uid == 0 || owners.contains(&st.st_uid)
}

/// Why a user other than root and `owners` could change the entry `child`
/// in the directory `dir`, if one could. Group write counts unless the
/// group is root's.
pub(crate) fn who_may_change(dir: &FileStat, child: Option<&FileStat>, owners: &[u32]) -> Option<String> {
    if !owned(dir, owners) {
        return Some(format!("belongs to uid {}", dir.st_uid));
    }
    let others = dir.st_mode & 0o002 != 0;
    let group = dir.st_mode & 0o020 != 0 && dir.st_gid != 0;
    if !others && !group {
        return None;
    }
    // A sticky directory keeps its writers off entries they do not own.
    let sticky = dir.st_mode & 0o1000 != 0;
    if sticky && child.is_some_and(|c| owned(c, owners)) {
        return None;
    }
    let who = if others { "anyone" } else { "its group" };
    Some(format!("may be written by {who} (mode {:o})", dir.st_mode & 0o7777))
}

/// The components to walk: normal names and `..`, with `.` and the root
/// dropped. Errors on a relative path.
fn components(path: &Path) -> Result<Vec<PathBuf>, PathError> {
    if !path.is_absolute() {
        return Err(PathError::Relative(path.to_path_buf()));
    }
    Ok(path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(PathBuf::from(n)),
            Component::ParentDir => Some(PathBuf::from("..")),
            _ => None,
        })
        .collect())
}

/// One directory on the walk's stack.
struct Step {
    fd: OwnedFd,
    path: PathBuf,
    stat: FileStat,
}

/// The directories walked so far, from `/` down; `..` pops (so it is the
/// real parent, as the kernel's `..` is, never a lexical guess).
struct Walker {
    stack: Vec<Step>,
    untrusted: Option<String>,
    owners: Vec<u32>,
    symlinks: Symlinks,
    links: usize,
}

fn io(at: &Path) -> impl Fn(Errno) -> PathError + '_ {
    move |errno| PathError::Io { at: at.to_path_buf(), errno }
}

impl Walker {
    fn new(owners: &[u32], symlinks: Symlinks) -> Result<Walker, PathError> {
        let root = Path::new("/");
        let fd = nix::fcntl::open(root, DIR_FLAGS, Mode::empty()).map_err(io(root))?;
        let stat = fstat(&fd).map_err(io(root))?;
        let untrusted = who_may_change(&stat, None, owners).map(|why| format!("/ {why}"));
        Ok(Walker {
            stack: vec![Step { fd, path: root.to_path_buf(), stat }],
            untrusted,
            owners: owners.to_vec(),
            symlinks,
            links: 0,
        })
    }

    fn top(&self) -> &Step {
        // The stack always holds `/`: `..` at the root stays there.
        &self.stack[self.stack.len() - 1]
    }

    /// Note (the first) place where someone else could steer the walk.
    fn judge(&mut self, child: &FileStat) {
        if self.untrusted.is_none()
            && let Some(why) = who_may_change(&self.top().stat, Some(child), &self.owners)
        {
            self.untrusted = Some(format!("{} {why}", self.top().path.display()));
        }
    }

    /// Walk `names`, pushing each directory; a symlink's target is walked
    /// in its place when the policy allows.
    fn walk(&mut self, mut names: Vec<PathBuf>) -> Result<(), PathError> {
        names.reverse();
        while let Some(name) = names.pop() {
            if name.as_os_str() == ".." {
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
                continue;
            }
            let at = self.top().path.join(&name);
            match openat(&self.top().fd, name.as_path(), DIR_FLAGS, Mode::empty()) {
                Ok(fd) => {
                    let stat = fstat(&fd).map_err(io(&at))?;
                    self.judge(&stat);
                    self.stack.push(Step { fd, path: at, stat });
                }
                Err(Errno::ELOOP | Errno::ENOTDIR) => {
                    let st = fstatat(&self.top().fd, name.as_path(), AtFlags::AT_SYMLINK_NOFOLLOW).map_err(io(&at))?;
                    if st.st_mode & 0o170000 != 0o120000 {
                        return Err(PathError::NotDirectory { at });
                    }
                    let target = self.follow(&name, &st, &at)?;
                    let mut more = components_of_link(&target);
                    if target.is_absolute() {
                        self.stack.truncate(1);
                    }
                    more.reverse();
                    names.extend(more);
                }
                Err(errno) => return Err(PathError::Io { at, errno }),
            }
        }
        Ok(())
    }

    /// The target of the symlink `name`, if the policy lets hm follow it.
    fn follow(&mut self, name: &Path, st: &FileStat, at: &Path) -> Result<PathBuf, PathError> {
        if self.symlinks == Symlinks::Refuse {
            return Err(PathError::Symlink { at: at.to_path_buf() });
        }
        if let Some(who) = who_may_change(&self.top().stat, Some(st), &self.owners) {
            return Err(PathError::UntrustedSymlink { at: at.to_path_buf(), dir: self.top().path.clone(), who });
        }
        self.links += 1;
        if self.links > MAX_LINKS {
            return Err(PathError::Loop(at.to_path_buf()));
        }
        let target = readlinkat(&self.top().fd, name).map_err(io(at))?;
        Ok(PathBuf::from(target))
    }
}

/// A symlink target's components (`..` kept, `.` dropped).
fn components_of_link(target: &Path) -> Vec<PathBuf> {
    target
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(PathBuf::from(n)),
            Component::ParentDir => Some(PathBuf::from("..")),
            _ => None,
        })
        .collect()
}

/// Open the directory `path` by walking from `/` without following a
/// symlink that the policy refuses. `owners` are trusted besides root.
pub(crate) fn open_dir(path: &Path, owners: &[u32], symlinks: Symlinks) -> Result<Dir, PathError> {
    let names = components(path)?;
    let mut w = Walker::new(owners, symlinks)?;
    w.walk(names)?;
    let untrusted = w.untrusted.take();
    let top = w.stack.pop().ok_or_else(|| PathError::Io { at: path.to_path_buf(), errno: Errno::EINVAL })?;
    Ok(Dir { fd: top.fd, path: top.path, stat: top.stat, untrusted })
}

/// Open the file `path` with `flags` (plus `O_NOFOLLOW`, `O_NONBLOCK` and
/// `O_CLOEXEC`: a symlink is refused, a FIFO does not hang hm), its
/// directory walked as [`open_dir`] does. With `O_CREAT`, a new file gets
/// `mode`. The caller judges the file's type, owner and mode from `stat`.
pub(crate) fn open_file(
    path: &Path,
    owners: &[u32],
    symlinks: Symlinks,
    flags: OFlag,
    mode: Mode,
) -> Result<File, PathError> {
    let mut names = components(path)?;
    let mut w = Walker::new(owners, symlinks)?;
    for _ in 0..=MAX_LINKS {
        let name = match names.pop() {
            Some(n) if n.as_os_str() != ".." => n,
            _ => return Err(PathError::NotDirectory { at: path.to_path_buf() }),
        };
        w.walk(names)?;
        let at = w.top().path.join(&name);
        let flags = flags | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC;
        match openat(&w.top().fd, name.as_path(), flags, mode) {
            Ok(fd) => {
                let stat = fstat(&fd).map_err(io(&at))?;
                w.judge(&stat);
                return Ok(File { fd, path: at, stat, untrusted: w.untrusted.take() });
            }
            Err(Errno::ELOOP) => {
                let st = fstatat(&w.top().fd, name.as_path(), AtFlags::AT_SYMLINK_NOFOLLOW).map_err(io(&at))?;
                if st.st_mode & 0o170000 != 0o120000 {
                    return Err(PathError::Io { at, errno: Errno::ELOOP });
                }
                let target = w.follow(&name, &st, &at)?;
                if target.is_absolute() {
                    w.stack.truncate(1);
                }
                names = components_of_link(&target);
            }
            Err(errno) => return Err(PathError::Io { at, errno }),
        }
    }
    Err(PathError::Loop(path.to_path_buf()))
}

/// Open `path` as the kernel resolves it (symlinks followed), with the
/// same extra flags as [`open_file`] but `O_NOFOLLOW`; for paths whose
/// every directory belongs to the user hm runs as. `untrusted` is `None`.
pub(crate) fn open_file_following(path: &Path, flags: OFlag) -> Result<File, PathError> {
    let at = path.to_path_buf();
    let fd = nix::fcntl::open(path, flags | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC, Mode::empty())
        .map_err(|errno| PathError::Io { at: at.clone(), errno })?;
    let stat = fstat(&fd).map_err(|errno| PathError::Io { at: at.clone(), errno })?;
    Ok(File { fd, path: at, stat, untrusted: None })
}

/// The id of the mount that `fd` lies on (`statx` `STATX_MNT_ID`, Linux
/// 5.8+, else `/proc/self/fdinfo`). Bind mounts of one filesystem share
/// `st_dev` but not this.
pub(crate) fn mount_id(fd: impl AsFd) -> Option<u64> {
    use std::os::fd::AsRawFd;
    let raw = fd.as_fd().as_raw_fd();
    let mut stx = std::mem::MaybeUninit::<libc::statx>::zeroed();
    // SAFETY: statx writes at most size_of::<statx>() bytes into the
    // buffer we own; an empty path with AT_EMPTY_PATH names `raw` itself.
    let rc = unsafe { libc::statx(raw, c"".as_ptr(), libc::AT_EMPTY_PATH, libc::STATX_MNT_ID, stx.as_mut_ptr()) };
    if rc == 0 {
        // SAFETY: statx succeeded, so the buffer is initialised.
        let stx = unsafe { stx.assume_init() };
        if stx.stx_mask & libc::STATX_MNT_ID != 0 {
            return Some(stx.stx_mnt_id);
        }
    }
    let info = std::fs::read_to_string(format!("/proc/self/fdinfo/{raw}")).ok()?;
    info.lines().find_map(|l| l.strip_prefix("mnt_id:")).and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
#[path = "safe_path_tests.rs"]
mod tests;
