//! The processes hm must never count or signal: pid 1, hm itself, and
//! every ancestor of hm.
//!
//! A `pattern` loose enough to match the shell that started hm (or a
//! pidfile someone pointed at it) once got hm's own parent killed: the
//! operator's terminal, the cron daemon, `systemd --user`. Whatever a
//! matcher finds, these pids are taken out first; and the signal path
//! refuses them again, so no way of finding processes can reach them.
//!
//! The chain is read from `/proc` each time it is asked for, at the time
//! of matching: an ancestor that exits is reparented, and hm's parent
//! changes with it.

use super::procfs;

/// Longest ancestor chain followed (a loop in a corrupt /proc ends here).
const MAX_DEPTH: usize = 4096;

/// pid 1, hm's own pid and each of its ancestors, up to the top of its
/// pid namespace.
pub(crate) fn protected_pids() -> Vec<u32> {
    let own = std::process::id();
    let mut out = vec![1, own];
    let mut pid = own;
    for _ in 0..MAX_DEPTH {
        match procfs::parent(pid) {
            Some(ppid) if ppid > 1 && !out.contains(&ppid) => {
                out.push(ppid);
                pid = ppid;
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hm_its_parent_and_init_are_protected() {
        let p = protected_pids();
        assert!(p.contains(&1) && p.contains(&std::process::id()));
        let parent = std::os::unix::process::parent_id();
        assert!(parent <= 1 || p.contains(&parent), "{p:?} lacks the parent {parent}");
    }
}
