//! pidfds (`pidfd_open(2)`, Linux 5.3): a descriptor for one process that
//! poll(2) reports readable the moment the process exits, whoever its
//! parent is. Unlike a pid, a pidfd never comes to name another process.

use nix::errno::Errno;
use std::os::fd::{FromRawFd, OwnedFd};

/// A pidfd for `pid` (close-on-exec, as the kernel makes it).
pub(super) fn open(pid: u32) -> Result<OwnedFd, Errno> {
    let pid = libc::pid_t::try_from(pid).map_err(|_| Errno::ESRCH)?;
    // SAFETY: pidfd_open takes a pid and flags and returns a new
    // descriptor or -1; it touches no memory of ours.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(Errno::last());
    }
    let fd = i32::try_from(fd).map_err(|_| Errno::EBADF)?;
    // SAFETY: the kernel just returned this descriptor; nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Whether processes can be watched; `Err` says why not (an old kernel:
/// ENOSYS; a seccomp filter: EPERM; or `HM_NO_PIDFD=1`, for tests).
pub(super) fn available() -> Result<(), String> {
    if std::env::var_os("HM_NO_PIDFD").is_some_and(|v| !v.is_empty() && v != "0") {
        return Err("HM_NO_PIDFD is set".into());
    }
    open(std::process::id()).map(drop).map_err(|e| format!("pidfd_open: {}", e.desc()))
}

/// How many pidfds to hold at most: half the soft limit on descriptors
/// (the rest is the checks', the database's and the server's).
pub(super) fn cap() -> usize {
    usize::try_from(crate::host::fd_table::soft_limit() / 2).unwrap_or(usize::MAX).clamp(64, 1 << 16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::os::fd::AsFd;

    #[test]
    fn a_pidfd_is_readable_once_its_process_exits() {
        if available().is_err() {
            return; // an old kernel: the fallback is tested end to end
        }
        let mut child = std::process::Command::new("sleep").arg("30").spawn().expect("sleep");
        let fd = open(child.id()).expect("pidfd");
        let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
        assert_eq!(poll(&mut fds, PollTimeout::ZERO).expect("poll"), 0, "alive: not readable");
        child.kill().expect("kill");
        let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
        assert_eq!(poll(&mut fds, PollTimeout::from(5000u16)).expect("poll"), 1, "dead: readable");
        let _ = child.wait();
    }
}
