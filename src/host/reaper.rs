//! Reaping the workers hm started (`exec::spawn_detached`): one thread
//! for all of them, asleep in poll(2) on a pidfd for each, instead of a
//! thread blocked in waitpid(2) per worker (a pool of 1,000 was 1,000
//! threads, each with its stack).
//!
//! Reaped, a worker leaves no zombie in the process table every scan
//! reads, and its wait status goes to its death certificate
//! (`host::children`). A pidfd becomes readable when its process exits;
//! the pid cannot name another process until it is reaped here, so
//! `waitpid(pid)` then is this worker's. Without pidfds (Linux before
//! 5.3, a seccomp filter, `HM_NO_PIDFD=1`) each worker gets its thread,
//! as before.

use std::os::fd::{AsFd, FromRawFd, OwnedFd};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, PoisonError};

/// A worker to reap: pid, start ticks (for `host::children`), pidfd.
type Child = (u32, Option<u64>, OwnedFd);

/// The reaping thread's inbox, and the pipe that wakes it to read it.
static REAPER: Mutex<Option<(Sender<Child>, OwnedFd)>> = Mutex::new(None);

/// Reap `pid`, hm's child started at `ticks`, when it exits.
pub(super) fn reap(pid: u32, ticks: Option<u64>) {
    let Ok(raw) = libc::pid_t::try_from(pid) else { return };
    let no_pidfd = std::env::var_os("HM_NO_PIDFD").is_some_and(|v| !v.is_empty() && v != "0");
    // SAFETY: pidfd_open takes a pid and flags and returns a new
    // descriptor or -1; it touches no memory of ours.
    let fd = if no_pidfd { -1 } else { unsafe { libc::syscall(libc::SYS_pidfd_open, raw, 0) } };
    if let Ok(fd) = i32::try_from(fd)
        && fd >= 0
    {
        // SAFETY: the kernel just returned this descriptor; nothing else owns it.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        let mut g = REAPER.lock().unwrap_or_else(PoisonError::into_inner);
        if g.is_none() {
            *g = start();
        }
        if let Some((tx, wake)) = g.as_ref()
            && tx.send((pid, ticks, fd)).is_ok()
        {
            // A full pipe already holds a wake-up: nothing is lost.
            let _ = nix::unistd::write(wake, &[1]);
            return;
        }
    }
    // No pidfd, or no thread: a thread of its own, blocked in waitpid.
    let _ = std::thread::Builder::new().name("hm-reap".into()).stack_size(64 * 1024).spawn(move || {
        if let Some(status) = wait(raw) {
            done(pid, ticks, status);
        }
    });
}

/// waitpid(2) on our child `pid`: its status once it has exited.
fn wait(pid: libc::pid_t) -> Option<u32> {
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: waits for our own child, writing its status into `status`.
        match unsafe { libc::waitpid(pid, &raw mut status, 0) } {
            n if n > 0 => return Some(u32::from_ne_bytes(status.to_ne_bytes())),
            _ if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => {}
            _ => return None,
        }
    }
}

fn done(pid: u32, ticks: Option<u64>, status: u32) {
    if let Some(t) = ticks {
        super::children::reaped(pid, t, status);
    }
}

/// Start the reaping thread: its inbox and wake pipe.
fn start() -> Option<(Sender<Child>, OwnedFd)> {
    use nix::fcntl::OFlag;
    let (rd, wr) = nix::unistd::pipe2(OFlag::O_CLOEXEC | OFlag::O_NONBLOCK).ok()?;
    let (tx, rx) = channel();
    std::thread::Builder::new().name("hm-reap".into()).spawn(move || run(&rd, &rx)).ok()?;
    Some((tx, wr))
}

fn run(wake: &OwnedFd, inbox: &Receiver<Child>) {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    let mut children: Vec<Child> = Vec::new();
    loop {
        let mut fds = Vec::with_capacity(children.len() + 1);
        fds.push(PollFd::new(wake.as_fd(), PollFlags::POLLIN));
        fds.extend(children.iter().map(|(_, _, fd)| PollFd::new(fd.as_fd(), PollFlags::POLLIN)));
        if let Err(e) = poll(&mut fds, PollTimeout::NONE)
            && e != nix::errno::Errno::EINTR
        {
            // Should not happen; never spin on it.
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        drop(fds);
        if ready.first() == Some(&true) {
            let mut buf = [0u8; 64];
            while matches!(nix::unistd::read(wake, &mut buf), Ok(n) if n > 0) {}
        }
        let mut i = 0;
        children.retain(|(pid, ticks, _)| {
            i += 1;
            if ready.get(i) != Some(&true) {
                return true;
            }
            // It exited (its pidfd says so): waitpid returns at once.
            if let Some(s) = libc::pid_t::try_from(*pid).ok().and_then(wait) {
                done(*pid, *ticks, s);
            }
            false
        });
        children.extend(inbox.try_iter());
    }
}

#[cfg(test)]
mod tests {
    use crate::host::launch::Launch;

    fn reapers() -> usize {
        let tasks = std::fs::read_dir("/proc/self/task").expect("tasks");
        tasks
            .flatten()
            .filter(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == "hm-reap"))
            .count()
    }

    #[test]
    fn issue29_one_thread_reaps_every_started_worker_and_keeps_its_status() {
        let argv = |code: usize| vec!["sh".to_string(), "-c".into(), format!("sleep 0.3; exit {code}")];
        let started: Vec<(u32, Option<u64>)> = (0..20)
            .map(|i| crate::host::exec::spawn_detached(&argv(i), None, &Launch::default()).expect("spawn"))
            .map(|pid| (pid, crate::host::children::start_ticks(pid)))
            .collect();
        assert_eq!(reapers(), 1, "one thread reaps them all");
        for (i, (pid, ticks)) in started.into_iter().enumerate() {
            let status = ticks.and_then(|t| crate::host::children::status(pid, t, std::time::Duration::from_secs(10)));
            assert_eq!(status, Some(u32::try_from(i).expect("code") << 8), "worker {i} (pid {pid})");
        }
    }
}
