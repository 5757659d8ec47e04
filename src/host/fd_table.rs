//! The open-file limit and the descriptor table, set once at the start,
//! while hm has one thread.
//!
//! The limit: systemd starts services with a soft limit of 1,024 open
//! files (the hard one is 524,288), for the sake of old programs that use
//! select(2). hm does not, and a pool of a thousand workers needs a
//! pidfd per worker to reap it, another to watch it, and the stat files it
//! keeps: under 1,024, `hm run --heal` ran out of descriptors starting
//! the pool, then could not open its own database. So hm raises its soft
//! limit to the hard one ([`raise_limit`]), as Go's runtime does, and the
//! workers it starts get the soft limit hm was given back
//! ([`given_limit`]) unless their monitor sets `limits.nofile`. The
//! commands hm runs to check or to notify (`exec.rs`) keep the raised
//! one: they are short-lived tools, and resetting it would need a
//! `pre_exec` hook, which rules out posix_spawn for every command.
//!
//! The table:
//! Linux grows a process's table of open files by doubling it as
//! descriptors are opened (64, 128, … slots). When the table is shared by
//! several threads, each growth waits for an RCU grace period
//! (`expand_fdtable` calls `synchronize_rcu`): on a small VM that is
//! 10 to 20 ms each. `hm check` on a pool of a thousand workers keeps
//! each worker's `/proc/PID/stat` open (`ProcCache`) from four check
//! threads, so the table grew four times mid-check: 20 to 30 ms of a run
//! of 80, spent asleep. `hm run` grows it the same way with its pidfds.
//! Grown before any thread starts, the table needs no grace period, and
//! later opens never wait.

/// The open-file limit hm was started with (soft, hard), once
/// [`raise_limit`] raised the soft one; `None` when it did not.
static GIVEN: std::sync::OnceLock<(u64, u64)> = std::sync::OnceLock::new();

/// Raise the soft limit on open files to the hard one.
pub(crate) fn raise_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) else { return };
    if soft < hard && setrlimit(Resource::RLIMIT_NOFILE, hard, hard).is_ok() {
        let _ = GIVEN.set((soft, hard));
    }
}

/// The limit hm was started with, for what it starts: `None` when hm
/// left it as it was.
pub(crate) fn given_limit() -> Option<(u64, u64)> {
    GIVEN.get().copied()
}

/// The soft limit on open files now (1,024 if it cannot be read): what
/// the descriptors hm keeps (pidfds, stat files) are budgeted against.
pub(crate) fn soft_limit() -> u64 {
    nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).map_or(1024, |(s, _)| s)
}

/// How many slots to reserve at most: the stat files a cache keeps (at
/// most 4,096, `proc_cache`) are the bulk, and the table is 8 bytes a
/// slot.
const RESERVE: u64 = 4096;

/// Grow the descriptor table to hold `min(RESERVE, soft limit)` slots, by
/// duplicating a descriptor to the top of that range and closing it. Call
/// it before the first thread starts; a failure only means the table grows
/// later, as it would have.
pub(crate) fn reserve() {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    let Ok(top) = i32::try_from(RESERVE.min(soft_limit()).saturating_sub(1)) else { return };
    if top < 64 {
        return;
    }
    let Ok(root) = std::fs::File::open("/") else { return };
    // SAFETY: F_DUPFD_CLOEXEC on a descriptor we own returns a new one (or
    // -1), which the OwnedFd then owns and closes.
    let dup = unsafe { libc::fcntl(root.as_raw_fd(), libc::F_DUPFD_CLOEXEC, top) };
    if dup >= 0 {
        // SAFETY: `dup` was just returned by fcntl and is owned by nothing else.
        drop(unsafe { OwnedFd::from_raw_fd(dup) });
    }
}

#[cfg(test)]
mod tests {
    use nix::sys::resource::{Resource, getrlimit};

    #[test]
    fn the_soft_limit_is_raised_to_the_hard_one_and_the_given_one_kept() {
        let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).expect("rlimit");
        super::raise_limit();
        let now = getrlimit(Resource::RLIMIT_NOFILE).expect("rlimit");
        assert_eq!(now, (hard, hard));
        if soft < hard {
            assert_eq!(super::given_limit(), Some((soft, hard)));
        }
    }

    /// `FDSize` of /proc/self/status: the slots the table has now.
    fn slots() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").expect("status");
        status.lines().find_map(|l| l.strip_prefix("FDSize:")).and_then(|v| v.trim().parse().ok()).expect("FDSize")
    }

    #[test]
    fn the_table_holds_the_reserve_afterwards() {
        let soft = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).expect("rlimit").0;
        super::reserve();
        let want = super::RESERVE.min(soft);
        assert!(slots() >= want, "{} slots, wanted {want}", slots());
        let top = want - 1;
        assert!(std::fs::symlink_metadata(format!("/proc/self/fd/{top}")).is_err(), "fd {top} was closed again");
    }
}
