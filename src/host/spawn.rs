//! Starting a worker without copying hm: clone(2) with `CLONE_VM |
//! CLONE_VFORK`, as glibc's posix_spawn does, instead of fork(2).
//!
//! fork copies hm's page tables and mappings (tens of MiB, a thread
//! stack per watched worker) for a child that execs at once: with a
//! hundred workers to start, that copy was most of the restart's time.
//! posix_spawn would avoid it, but cannot drop to a user or set a umask
//! or a limit ([`super::launch`]); so this does what posix_spawn does, with
//! those steps added.
//!
//! The child shares hm's memory until it execs, and runs while hm's other
//! threads run, so it follows posix_spawn's rules:
//! - everything it touches is prepared before the clone and kept alive by
//!   the suspended caller: no allocation, no lock, no Rust panic;
//! - every signal is blocked across the clone, and the child resets every
//!   handler to the default before unblocking, so none of hm's handlers
//!   runs in it;
//! - the ids are set by raw system calls: glibc's setuid(3) in a
//!   multi-threaded process signals every thread of hm to change its ids
//!   too, which from this child would reach hm's threads;
//! - what fails is written into the plan (shared memory) with its errno,
//!   and the child exits 127; the caller reaps it and reports the step.

use std::ffi::{CString, c_int, c_void};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::sync::atomic::{AtomicI32, Ordering};

/// The child's stack: it calls a few system calls and nothing deeper.
const STACK: usize = 64 * 1024;

/// What the child is to do, all read before the clone.
pub(super) struct Plan {
    /// stdin, stdout and stderr.
    pub stdio: [OwnedFd; 3],
    /// `RLIMIT_NOFILE`, soft and hard.
    pub nofile: Option<(u64, u64)>,
    pub umask: Option<u32>,
    /// Supplementary groups, gid, uid.
    pub ids: Option<(Vec<libc::gid_t>, libc::gid_t, libc::uid_t)>,
    pub cwd: Option<CString>,
}

/// The step that failed in the child, for the error.
#[derive(Clone, Copy)]
#[repr(i32)]
enum Step {
    Fine = 0,
    Stdio,
    Session,
    Limit,
    Ids,
    Cwd,
    Exec,
}

/// The plan as the child reads it: raw pointers into memory the caller
/// keeps until clone returns (the child has exec'd or exited by then).
struct Raw<'a> {
    stdio: [c_int; 3],
    plan: &'a Plan,
    candidates: &'a [*const libc::c_char],
    argv: *const *const libc::c_char,
    /// `/bin/sh`, a slot for the file, then argv\[1..\]: a file that is
    /// not a program is run by the shell, as execvp(3) does.
    script: *mut *const libc::c_char,
    envp: *const *const libc::c_char,
    step: AtomicI32,
    errno: AtomicI32,
}

fn errno() -> c_int {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)
}

/// The child: between clone and exec. System calls only.
extern "C" fn child(arg: *mut c_void) -> c_int {
    // SAFETY: `arg` is the `Raw` that `spawn` passed, alive until the
    // child execs or exits; every call below is a system call on memory
    // prepared before the clone.
    unsafe {
        let raw = &*(arg as *const Raw<'_>);
        let fail = |step: Step| -> c_int {
            raw.errno.store(errno(), Ordering::Relaxed);
            raw.step.store(step as i32, Ordering::Relaxed);
            libc::_exit(127)
        };
        // hm's handlers go (they are hm's code, in hm's memory), and so
        // does SIGPIPE's ignore, which Rust programs start with.
        for sig in 1..=libc::SIGRTMAX() {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, std::ptr::null(), &raw mut old) != 0 {
                continue;
            }
            if sig == libc::SIGPIPE || (old.sa_sigaction != libc::SIG_IGN && old.sa_sigaction != libc::SIG_DFL) {
                let mut dfl: libc::sigaction = std::mem::zeroed();
                dfl.sa_sigaction = libc::SIG_DFL;
                libc::sigaction(sig, &raw const dfl, std::ptr::null_mut());
            }
        }
        for (to, from) in (0..).zip(raw.stdio) {
            if libc::dup2(from, to) < 0 {
                return fail(Step::Stdio);
            }
        }
        // Its own session: no controlling terminal, not in hm's group.
        if libc::setsid() < 0 {
            return fail(Step::Session);
        }
        if let Some((soft, hard)) = raw.plan.nofile {
            let lim = libc::rlimit { rlim_cur: soft, rlim_max: hard };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raw const lim) != 0 {
                return fail(Step::Limit);
            }
        }
        if let Some(m) = raw.plan.umask {
            libc::umask(m as libc::mode_t);
        }
        if let Some((groups, gid, uid)) = &raw.plan.ids {
            // Groups first, uid last; raw, for this process alone.
            if libc::syscall(libc::SYS_setgroups, groups.len(), groups.as_ptr()) != 0
                || libc::syscall(libc::SYS_setgid, *gid) != 0
                || libc::syscall(libc::SYS_setuid, *uid) != 0
            {
                return fail(Step::Ids);
            }
        }
        // Entered as the user: a directory the user may not enter fails.
        if let Some(cwd) = &raw.plan.cwd
            && libc::chdir(cwd.as_ptr()) != 0
        {
            return fail(Step::Cwd);
        }
        let mut none: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&raw mut none);
        libc::pthread_sigmask(libc::SIG_SETMASK, &raw const none, std::ptr::null_mut());
        // As execvp(3): each directory of PATH in turn; a file there that
        // may not be run is the answer only if none further can be.
        let mut denied = false;
        for c in raw.candidates {
            libc::execve(*c, raw.argv, raw.envp);
            match errno() {
                libc::EACCES => denied = true,
                libc::ENOENT | libc::ENOTDIR => {}
                libc::ENOEXEC => {
                    *raw.script.add(1) = *c;
                    libc::execve(c"/bin/sh".as_ptr(), raw.script, raw.envp);
                    return fail(Step::Exec);
                }
                _ => return fail(Step::Exec),
            }
        }
        if denied {
            *libc::__errno_location() = libc::EACCES;
        }
        fail(Step::Exec)
    }
}

fn cstring(s: impl AsRef<[u8]>) -> std::io::Result<CString> {
    CString::new(s.as_ref().to_vec()).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
}

/// The files the program may be: itself when it names a path, else in
/// each directory of `PATH` (of the environment it will have).
fn candidates(program: &str, env: &[(std::ffi::OsString, std::ffi::OsString)]) -> std::io::Result<Vec<CString>> {
    if program.contains('/') {
        return Ok(vec![cstring(program)?]);
    }
    let path = env.iter().rev().find(|(k, _)| k == "PATH").map(|(_, v)| v.as_bytes()).unwrap_or(b"/bin:/usr/bin");
    path.split(|b| *b == b':')
        .map(|dir| {
            let dir = if dir.is_empty() { &b"."[..] } else { dir };
            let mut full = dir.to_vec();
            full.push(b'/');
            full.extend_from_slice(program.as_bytes());
            cstring(full)
        })
        .collect()
}

/// A copy of `fd` numbered 3 or above, close-on-exec.
fn above_stdio(fd: &OwnedFd) -> std::io::Result<OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: F_DUPFD_CLOEXEC makes a new descriptor that nothing else owns.
    let new = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 3) };
    if new < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: just made, ours alone.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

/// Start `argv` as `plan` says, with hm's environment and `env` over it;
/// its pid. The error says which step failed.
pub(super) fn spawn(argv: &[String], env: &[(String, String)], plan: &Plan) -> std::io::Result<u32> {
    let mut vars: Vec<(std::ffi::OsString, std::ffi::OsString)> = std::env::vars_os().collect();
    for (k, v) in env {
        vars.retain(|(key, _)| key.as_bytes() != k.as_bytes());
        vars.push((k.into(), v.into()));
    }
    let program = argv.first().map_or("", String::as_str);
    let candidates = candidates(program, &vars)?;
    let args: Vec<CString> = argv.iter().map(cstring).collect::<std::io::Result<_>>()?;
    let envs: Vec<CString> = vars
        .iter()
        .map(|(k, v)| cstring([k.as_bytes(), b"=", v.as_bytes()].concat()))
        .collect::<std::io::Result<_>>()?;
    let null_ended = |v: &[CString]| v.iter().map(|c| c.as_ptr()).chain([std::ptr::null()]).collect::<Vec<_>>();
    let (argp, envp) = (null_ended(&args), null_ended(&envs));
    let cands: Vec<*const libc::c_char> = candidates.iter().map(|c| c.as_ptr()).collect();
    let mut script: Vec<*const libc::c_char> = [c"/bin/sh".as_ptr(), std::ptr::null()].into();
    script.extend(argp.iter().skip(1));
    // Each of them above 2, so that no dup2 onto 0, 1 or 2 overwrites
    // another still to be copied (hm started with a standard file closed).
    let high: Vec<OwnedFd> = plan.stdio.iter().map(above_stdio).collect::<std::io::Result<_>>()?;
    let raw = Raw {
        stdio: [high[0].as_raw_fd(), high[1].as_raw_fd(), high[2].as_raw_fd()],
        plan,
        candidates: &cands,
        argv: argp.as_ptr(),
        script: script.as_mut_ptr(),
        envp: envp.as_ptr(),
        step: AtomicI32::new(Step::Fine as i32),
        errno: AtomicI32::new(0),
    };
    let mut stack = vec![0u128; STACK / 16];
    // SAFETY: the stack is ours and outlives the child's use of it (clone
    // with CLONE_VFORK returns once the child has exec'd or exited); its
    // top is 16-byte aligned, as u128s are. Signals are blocked across
    // the clone and restored after, so no handler of hm runs on it.
    let pid = unsafe {
        let top = stack.as_mut_ptr().add(stack.len()).cast::<c_void>();
        let (mut all, mut old): (libc::sigset_t, libc::sigset_t) = (std::mem::zeroed(), std::mem::zeroed());
        libc::sigfillset(&raw mut all);
        libc::pthread_sigmask(libc::SIG_SETMASK, &raw const all, &raw mut old);
        let flags = libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD;
        let pid = libc::clone(child, top, flags, (&raw const raw).cast_mut().cast::<c_void>());
        let e = std::io::Error::last_os_error();
        libc::pthread_sigmask(libc::SIG_SETMASK, &raw const old, std::ptr::null_mut());
        if pid < 0 {
            return Err(e);
        }
        pid
    };
    drop(stack);
    let step = raw.step.load(Ordering::Relaxed);
    if step == Step::Fine as i32 {
        return u32::try_from(pid).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData));
    }
    // It failed and exited: reaped here, as no one else waits for it.
    let mut status = 0;
    // SAFETY: waits for our own child, writing its status into `status`.
    while unsafe { libc::waitpid(pid, &raw mut status, 0) } < 0 && errno() == libc::EINTR {}
    let e = std::io::Error::from_raw_os_error(raw.errno.load(Ordering::Relaxed));
    let what = match step {
        s if s == Step::Stdio as i32 => "cannot set its stdin, stdout and stderr".to_string(),
        s if s == Step::Session as i32 => "cannot start its session".to_string(),
        s if s == Step::Limit as i32 => "cannot set its open-file limit".to_string(),
        s if s == Step::Ids as i32 => "cannot switch to its user and groups".to_string(),
        s if s == Step::Cwd as i32 => {
            let cwd = plan.cwd.as_ref().map(|c| c.to_string_lossy().into_owned()).unwrap_or_default();
            format!("cannot enter its directory {cwd}")
        }
        _ => return Err(e),
    };
    // Not the errno's kind: a directory that is not there is not a
    // program that is not there.
    Err(std::io::Error::other(format!("{what}: {e}")))
}

#[cfg(test)]
#[path = "spawn_tests.rs"]
mod tests;
