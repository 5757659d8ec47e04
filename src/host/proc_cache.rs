//! Command lines and names kept between the scans of `hm run` and `hm
//! serve`, so that a cycle reads `/proc/PID/cmdline` (and `comm`) only for
//! processes it has not seen.
//!
//! **Which process an entry belongs to.** A cached entry is keyed by the
//! pid and the inode number of its `/proc/PID` directory, which the
//! listing of `/proc` hands over for free (`d_ino`). Each process gets a
//! fresh inode: a dead process's `/proc/PID` dentry is flushed when it is
//! reaped, and a reused pid is instantiated anew with a new number (the
//! test `a_reused_pid_is_read_again` reuses a pid through `ns_last_pid`).
//! The start time from `/proc/PID/stat` would say the same, but reading
//! `stat` costs as much as reading `cmdline` (measured: 7.3–9.7 ms against
//! 7.7 ms CPU for 983 processes), so a cache keyed by it saves nothing. An
//! evicted dentry (memory pressure) only means a new number: a miss, read
//! again. An inode of 0 or 1 (the kernel could not instantiate it) is
//! never trusted.
//!
//! **What the cache may get wrong, and why that is safe.** A process can
//! change its command line without a new inode: `exec`, and titles set by
//! the process itself (nginx and gunicorn workers, forked from a master
//! whose command line they carry until they set their own). Both happen
//! as a process starts, so a command line is trusted only when it was
//! read at least [`SETTLE`] after the process was first listed, and is
//! read again after [`TTL`] (plus a spread by pid, so that not all expire
//! in one cycle) for titles changed later in life. A check counts a match
//! when the process is still the one listed under that inode
//! (`procfs::listed`), so a process that retitled itself after it settled
//! may be counted by its old title until the TTL. Nothing is signalled on
//! that: a remedy confirms every match on a fresh read of the command line
//! bound to the start time (`procfs::entry`, `check::find::running`), so
//! for what is signalled a stale entry can only delay a match, never make
//! one.
//!
//! The cache holds only the pids of the last listing.

use super::ProcEntry;
use std::collections::HashMap;
use std::fs::File;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long after a process is first listed its command line must have
/// been read to be kept: past the `exec` of a fork and a worker's title.
pub(crate) const SETTLE: Duration = Duration::from_secs(5);

/// How long a kept command line is believed, before the spread by pid.
pub(crate) const TTL: Duration = Duration::from_secs(300);

/// One process of the last listing.
#[derive(Debug)]
struct Seen {
    /// The inode number of its `/proc/PID`.
    ino: u64,
    /// When a listing first showed this pid with this inode.
    first: Instant,
    /// What was read of it, and when (the time before the read began).
    read: Option<(Instant, Option<String>, Option<String>)>,
}

/// The cache; one per [`crate::engine::Engine`], shared by the hosts its
/// factory makes.
#[derive(Debug, Default)]
pub(crate) struct ProcCache {
    seen: Mutex<HashMap<u32, Seen>>,
    /// `/proc/PID/stat` of processes matched, kept open (see [`ProcCache::stat_file`]).
    stat: Mutex<HashMap<u32, (u64, Arc<File>)>>,
}

/// A read of one process for [`ProcCache::update`]: its entry, and whether
/// every file asked for could be read.
pub(crate) struct Fresh {
    pub entry: ProcEntry,
    pub complete: bool,
}

fn believed(seen: &Seen, ino: u64, pid: u32, now: Instant) -> bool {
    let Some((at, ..)) = &seen.read else { return false };
    let ttl = TTL + Duration::from_secs(u64::from(pid) % TTL.as_secs());
    ino > 1
        && seen.ino == ino
        && at.saturating_duration_since(seen.first) >= SETTLE
        && now.saturating_duration_since(*at) < ttl
}

/// How many stat files a cache keeps open: a quarter of the soft limit on
/// open files, at most 4,096.
fn held_cap() -> usize {
    static CAP: OnceLock<usize> = OnceLock::new();
    *CAP.get_or_init(|| usize::try_from(super::fd_table::soft_limit() / 4).unwrap_or(usize::MAX).min(4096))
}

impl ProcCache {
    /// The entries of `listed` (pid, inode) the cache can answer with
    /// `cmdline` and `names` as asked, and the pids to read.
    pub(crate) fn plan(
        &self,
        listed: &[(u32, u64)],
        cmdline: bool,
        names: bool,
        now: Instant,
    ) -> (Vec<ProcEntry>, Vec<u32>) {
        let map = self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut hits = Vec::with_capacity(listed.len());
        let mut misses = Vec::new();
        for &(pid, ino) in listed {
            let hit = map.get(&pid).filter(|s| believed(s, ino, pid, now)).and_then(|s| {
                let (_, c, n) = s.read.as_ref()?;
                let cmdline = if cmdline { c.clone()? } else { String::new() };
                let name = if names { n.clone()? } else { String::new() };
                Some(ProcEntry { pid, name, cmdline, start_ticks: None, ino })
            });
            match hit {
                Some(e) => hits.push(e),
                None => misses.push(pid),
            }
        }
        (hits, misses)
    }

    /// Keep what `fresh` read (reading began at `at`), and forget every pid
    /// `listed` does not show.
    pub(crate) fn update(&self, listed: &[(u32, u64)], fresh: Vec<Fresh>, cmdline: bool, names: bool, at: Instant) {
        let mut map = self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // In place: most of a thousand entries stay as they were, and
        // building the map anew each cycle was a sixth of the scan.
        map.retain(|pid, _| listed.binary_search_by_key(pid, |&(p, _)| p).is_ok());
        self.stat().retain(|pid, (ino, _)| listed.binary_search(&(*pid, *ino)).is_ok());
        let mut fresh: HashMap<u32, Fresh> = fresh.into_iter().map(|f| (f.entry.pid, f)).collect();
        for &(pid, ino) in listed {
            let f = fresh.remove(&pid);
            let seen = map.entry(pid).or_insert(Seen { ino, first: at, read: None });
            if seen.ino != ino {
                *seen = Seen { ino, first: at, read: None };
            }
            match f {
                Some(f) if f.complete => {
                    seen.read = Some((at, cmdline.then_some(f.entry.cmdline), names.then_some(f.entry.name)));
                }
                Some(_) => seen.read = None,
                None => {}
            }
        }
    }

    fn stat(&self) -> std::sync::MutexGuard<'_, HashMap<u32, (u64, Arc<File>)>> {
        self.stat.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The `/proc/PID/stat` kept open for the process listed as `pid` with
    /// inode `ino`. A file opened in `/proc/PID` belongs to the process it
    /// was opened for: once that process is gone a read fails, whatever
    /// holds the pid then. So a `hm run` cycle reads a matched process's
    /// details with one `pread`, not an `open`, a `read`, a `close` and a
    /// `statx`.
    pub(crate) fn stat_file(&self, pid: u32, ino: u64) -> Option<Arc<File>> {
        self.stat().get(&pid).filter(|(i, _)| *i == ino).map(|(_, f)| f.clone())
    }

    /// Keep `file`, opened as `/proc/PID/stat` of the process listed as
    /// `pid` with inode `ino` (the caller checked), while there is room:
    /// a quarter of the open-file limit, so that the pidfds of `hm run`'s
    /// watch and everything else keep theirs.
    pub(crate) fn keep_stat(&self, pid: u32, ino: u64, file: File) {
        let mut stat = self.stat();
        if stat.len() < held_cap() {
            stat.insert(pid, (ino, Arc::new(file)));
        }
    }

    /// Stop keeping `pid`'s stat file (it could not be read).
    pub(crate) fn forget_stat(&self, pid: u32) {
        self.stat().remove(&pid);
    }

    /// How many processes the cache holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }

    /// For tests: every process as if first listed [`SETTLE`] earlier, and
    /// `pid`'s kept command line replaced by `cmdline`, if given (so a test can tell
    /// a kept one from one read).
    #[cfg(test)]
    pub(crate) fn backdate(&self, pid: u32, cmdline: Option<&str>) {
        let mut map = self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for (p, seen) in map.iter_mut() {
            seen.first = seen.first.checked_sub(SETTLE).unwrap_or(seen.first);
            if let Some((_, c, _)) = seen.read.as_mut().filter(|_| *p == pid)
                && let Some(cmdline) = cmdline
            {
                *c = Some(cmdline.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(pid: u32, cmdline: &str) -> Fresh {
        Fresh {
            entry: ProcEntry { pid, cmdline: cmdline.into(), name: "n".into(), start_ticks: None, ino: 0 },
            complete: true,
        }
    }

    fn at(t0: Instant, secs: u64) -> Instant {
        t0.checked_add(Duration::from_secs(secs)).expect("instant")
    }

    /// What a scan at `now` reads, with the cache as it is.
    fn misses(c: &ProcCache, listed: &[(u32, u64)], now: Instant) -> Vec<u32> {
        c.plan(listed, true, false, now).1
    }

    #[test]
    fn read_again_until_settled_then_kept_until_the_ttl() {
        let c = ProcCache::default();
        let t0 = Instant::now();
        let listed = [(10, 500), (11, 501)];
        assert_eq!(misses(&c, &listed, t0), [10, 11]);
        c.update(&listed, vec![fresh(10, "a"), fresh(11, "b")], true, false, t0);
        // Read as the process was first listed: maybe before its exec or title.
        assert_eq!(misses(&c, &listed, at(t0, 1)), [10, 11]);
        c.update(&listed, vec![fresh(10, "a2"), fresh(11, "b2")], true, false, at(t0, 30));
        let (hits, read) = c.plan(&listed, true, false, at(t0, 60));
        assert!(read.is_empty());
        assert_eq!(hits.iter().map(|e| e.cmdline.as_str()).collect::<Vec<_>>(), ["a2", "b2"]);
        // Names were not read: asked for, they are read.
        assert_eq!(c.plan(&listed, true, true, at(t0, 60)).1, [10, 11]);
        // Past the TTL (spread by pid) each is read again.
        assert!(misses(&c, &listed, at(t0, 30 + 300 + 9)).is_empty());
        assert_eq!(misses(&c, &listed, at(t0, 30 + 300 + 10)), [10]);
        assert_eq!(misses(&c, &listed, at(t0, 30 + 300 + 11)), [10, 11]);
    }

    #[test]
    fn a_new_inode_is_a_new_process_and_gone_pids_are_forgotten() {
        let c = ProcCache::default();
        let t0 = Instant::now();
        c.update(&[(10, 500), (11, 501)], vec![fresh(10, "a"), fresh(11, "b")], true, false, t0);
        c.update(&[(10, 500), (11, 501)], vec![fresh(10, "a"), fresh(11, "b")], true, false, at(t0, 30));
        assert!(misses(&c, &[(10, 500), (11, 501)], at(t0, 31)).is_empty());
        // Pid 10 reused (a new inode), pid 11 gone.
        assert_eq!(misses(&c, &[(10, 777)], at(t0, 31)), [10]);
        c.update(&[(10, 777)], vec![fresh(10, "other")], true, false, at(t0, 60));
        assert_eq!(c.len(), 1);
        // The new process settles from when it was first listed.
        assert_eq!(misses(&c, &[(10, 777)], at(t0, 61)), [10]);
        // An inode the kernel could not give is never trusted; nor a failed read.
        c.update(&[(12, 1)], vec![fresh(12, "x")], true, false, at(t0, 60));
        c.update(&[(12, 1)], vec![fresh(12, "x")], true, false, at(t0, 90));
        assert_eq!(misses(&c, &[(12, 1)], at(t0, 91)), [12]);
        let failed = Fresh { complete: false, ..fresh(13, "") };
        c.update(&[(13, 900)], vec![fresh(13, "y")], true, false, at(t0, 60));
        c.update(&[(13, 900)], vec![failed], true, false, at(t0, 90));
        assert_eq!(misses(&c, &[(13, 900)], at(t0, 91)), [13]);
    }
}
