//! Doing a user's file work with that user's rights, inside the directory
//! hm opened.
//!
//! hm runs as root, and some of what it watches belongs to ordinary users:
//! an application's SQLite database, a workspace. Root's rights there are a
//! weapon for the owner: SQLite opens the database, its `-journal`, `-wal`
//! and `-shm` by name, at different moments, following symlinks, so the
//! owner of the directory could make root's SQLite "roll back" a crafted
//! journal into any file root may write; a symlink from a workspace into
//! `/root` would make root report what is there.
//!
//! So such work runs on a thread of its own that (as root) first
//! - unshares its filesystem context (`unshare(CLONE_FS)`: its root and
//!   working directory are its own, not the process's) and `chroot`s into
//!   the directory that [`crate::safe_path`] opened, so every name it uses
//!   (SQLite's companions included) resolves there and nowhere else, and an
//!   absolute symlink leads inside that directory, never out of it;
//! - takes the owner's filesystem identity (`setfsgid`, `setgroups`,
//!   `setfsuid`, all per thread on Linux: the raw system calls, not glibc's,
//!   which would change every thread), so the kernel refuses whatever the
//!   owner could not do anyway. Dropping the fsuid from 0 also drops the
//!   thread's file capabilities (`CAP_DAC_OVERRIDE` and its kin).
//!
//! Where a sandbox refuses `unshare` or `chroot` (a container's seccomp
//! profile), the thread keeps the process's root and the work uses the
//! directory's real path, still with the owner's rights only: those are
//! what keep it from doing more than the owner could.
//!
//! The thread ends with the work, and its identity and root with it; the
//! rest of hm never runs with them. Not root, hm has no rights beyond its
//! user's to lend, nor the right to `chroot`: the work runs on the calling
//! thread with the directory's real path, as walked.

use nix::sys::stat::FileStat;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::{Path, PathBuf};

/// A user's filesystem identity: what the kernel checks a file access
/// against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rights {
    pub uid: u32,
    pub gid: u32,
    /// Supplementary groups, from the group database.
    pub groups: Vec<u32>,
}

impl Rights {
    /// The rights of the user owning `st`: their primary group and
    /// supplementary groups from the user database, or the file's group
    /// alone for a uid with no account.
    pub(crate) fn owner_of(st: &FileStat) -> Rights {
        let uid = nix::unistd::Uid::from_raw(st.st_uid);
        match nix::unistd::User::from_uid(uid).ok().flatten() {
            Some(user) => {
                let name = std::ffi::CString::new(user.name.as_bytes()).ok();
                let groups = name
                    .and_then(|n| nix::unistd::getgrouplist(&n, user.gid).ok())
                    .map(|g| g.into_iter().map(|g| g.as_raw()).collect())
                    .unwrap_or_default();
                Rights { uid: st.st_uid, gid: user.gid.as_raw(), groups }
            }
            None => Rights { uid: st.st_uid, gid: st.st_gid, groups: Vec::new() },
        }
    }
}

/// Why confined work could not start.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConfineError {
    #[error("cannot confine the work to {dir}: {what}: {errno}")]
    Setup { dir: PathBuf, what: &'static str, errno: nix::errno::Errno },
    #[error("the confined work on {0} panicked")]
    Panicked(PathBuf),
}

/// Whether this process may lend rights and `chroot` (root).
pub(crate) fn can_confine() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Run `work` with the rights of `rights`, confined to the directory `dir`
/// (opened by the walk, its real path `path`). `work` gets the path under
/// which it finds that directory: `/` when confined, else `path` itself
/// (not root; or `unshare`/`chroot` refused, see [`enter`]).
pub(crate) fn confined<T: Send>(
    dir: BorrowedFd<'_>,
    path: &Path,
    rights: &Rights,
    work: impl FnOnce(&Path) -> T + Send,
) -> Result<T, ConfineError> {
    if !can_confine() {
        return Ok(work(path));
    }
    before_confinement();
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new()
            .name("hm-confined".into())
            .spawn_scoped(s, move || -> Result<T, ConfineError> {
                let base = enter(dir, path, rights)?;
                Ok(work(&base))
            })
            .map_err(|e| ConfineError::Setup {
                dir: path.to_path_buf(),
                what: "thread",
                errno: nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EAGAIN)),
            })?;
        handle.join().map_err(|_| ConfineError::Panicked(path.to_path_buf()))?
    })
}

/// What must happen while the process's own root is still in place:
/// SQLite seeds its random numbers from `/dev/urandom` at their first use,
/// which inside the directory would be the owner's file of that name.
fn before_confinement() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut byte = 0u8;
        // SAFETY: asks SQLite for one random byte, written into `byte`.
        unsafe { rusqlite::ffi::sqlite3_randomness(1, (&raw mut byte).cast()) };
    });
}

/// Confine this thread: its own filesystem context, rooted at `dir`, with
/// the owner's filesystem identity. Returns where the work finds the
/// directory: `/`, or `path` itself where the kernel or a sandbox (a
/// container's seccomp profile) refuses `unshare` or `chroot`: the work
/// then still runs with the owner's rights only, which is what keeps it
/// from doing more than the owner could.
fn enter(dir: BorrowedFd<'_>, path: &Path, rights: &Rights) -> Result<PathBuf, ConfineError> {
    let fail =
        |what: &'static str| ConfineError::Setup { dir: path.to_path_buf(), what, errno: nix::errno::Errno::last() };
    // SAFETY: each call below takes plain integers or a static C string
    // and changes only this thread's state (CLONE_FS was unshared first,
    // so fchdir and chroot no longer reach the other threads).
    let rooted = unsafe {
        libc::unshare(libc::CLONE_FS) == 0
            && libc::fchdir(dir.as_raw_fd()) == 0
            && libc::chroot(c".".as_ptr()) == 0
            && libc::chdir(c"/".as_ptr()) == 0
    };
    let base = if rooted { PathBuf::from("/") } else { path.to_path_buf() };
    if rights.uid == 0 {
        return Ok(base);
    }
    // SAFETY: as above; the raw system calls change this thread's ids only.
    unsafe {
        // The order matters: groups first, while the thread still has
        // CAP_SETGID; the fsuid last.
        libc::syscall(libc::SYS_setfsgid, rights.gid);
        let groups: Vec<libc::gid_t> = rights.groups.clone();
        if libc::syscall(libc::SYS_setgroups, groups.len(), groups.as_ptr()) != 0 {
            return Err(fail("setgroups"));
        }
        libc::syscall(libc::SYS_setfsuid, rights.uid);
        // setfsuid and setfsgid report no error: ask again (an invalid id
        // changes nothing and returns the current one).
        let fsuid = libc::syscall(libc::SYS_setfsuid, u32::MAX);
        let fsgid = libc::syscall(libc::SYS_setfsgid, u32::MAX);
        if fsuid != i64::from(rights.uid) || fsgid != i64::from(rights.gid) {
            return Err(ConfineError::Setup {
                dir: path.to_path_buf(),
                what: "setfsuid",
                errno: nix::errno::Errno::EPERM,
            });
        }
    }
    Ok(base)
}

#[cfg(test)]
#[path = "confine_tests.rs"]
mod tests;
