//! The process table straight from `/proc`.
//!
//! sysinfo's process refresh opens six files, stats four and lists two
//! directories per process even when asked for nothing; with a thousand
//! processes that alone took 80 ms, twice hm's whole budget. Matching needs
//! only each process's `cmdline` (and `comm` when matching by name), and the
//! details (state, CPU time, RSS, start time) come from one `stat` read,
//! done only for the processes that matched.

use super::proc_cache::{Fresh, ProcCache};
use super::{ProcEntry, ProcInfo, ProcNeeds};
use anyhow::{Context, Result};
use std::time::Instant;

/// Figures needed to turn `/proc/PID/stat` into a [`ProcInfo`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    /// `CLK_TCK`.
    pub ticks_per_second: u64,
    /// Boot time, seconds since the epoch (`btime` in `/proc/stat`).
    pub boot_time: u64,
    pub page_size: u64,
}

impl Clock {
    pub(super) fn read() -> Clock {
        let ticks_per_second = match nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK) {
            Ok(Some(t)) if t > 0 => t as u64,
            _ => 100,
        };
        let page_size = match nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE) {
            Ok(Some(p)) if p > 0 => p as u64,
            _ => 4096,
        };
        let boot_time = std::fs::read_to_string("/proc/stat")
            .ok()
            .and_then(|t| t.lines().find_map(|l| l.strip_prefix("btime ").and_then(|v| v.trim().parse().ok())))
            .unwrap_or(0);
        Clock { ticks_per_second, boot_time, page_size }
    }
}

/// Read a whole `/proc` file into `buf`; the bytes read. Not
/// `read_to_end`: that asks the file's size and position first (two more
/// system calls per file, always 0 in /proc), which was a third of a
/// scan's cost. A short read ends it: `cmdline` and `stat` hand over
/// everything they have in one read when the buffer is large enough, so
/// waiting for a read of 0 would only cost one more system call per file.
/// `buf` keeps its length from read to read (start it with the capacity
/// a file usually needs), so it is zeroed once, not before every read (zeroing a 4 KiB chunk per file is a tenth of a
/// one-shot run's instructions).
fn read_into<'a>(path: &str, buf: &'a mut Vec<u8>) -> Option<&'a [u8]> {
    let f = std::fs::File::open(path).ok()?;
    read_file(&f, buf)
}

/// [`read_into`] from a file already open: read from its start with
/// `pread`, so that a file kept open reads afresh each time (a `/proc`
/// file is made anew by a read at offset 0).
fn read_file<'a>(f: &std::fs::File, buf: &'a mut Vec<u8>) -> Option<&'a [u8]> {
    use std::os::unix::fs::FileExt;
    let mut len = 0;
    loop {
        // Room for at least 256 bytes more: the capacity the caller gave
        // first, then twice as much each time.
        if buf.len() < len + 256 {
            let grown = (len + 256).max(buf.capacity()).max(2 * buf.len());
            buf.resize(grown, 0);
        }
        let room = buf.len() - len;
        match f.read_at(&mut buf[len..], len as u64) {
            Ok(0) => break,
            Ok(n) => {
                len += n;
                if n < room {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    buf.get(..len)
}

/// Every process (not threads) and the inode number of its `/proc/PID`
/// (what [`ProcCache`] knows a process by), sorted by pid.
fn list() -> Result<Vec<(u32, u64)>> {
    use std::os::unix::fs::DirEntryExt;
    let mut pids: Vec<(u32, u64)> = std::fs::read_dir("/proc")
        .context("cannot list /proc")?
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()).map(|pid| (pid, e.ino())))
        .collect();
    pids.sort_unstable();
    Ok(pids)
}

/// Every process (not threads): pid, and `comm`/`cmdline` if needed,
/// from `cache` where it knows them, else read (and kept there).
///
/// Reading a thousand small files is mostly system-call latency, so the
/// pids are split across one thread per CPU (at most four).
pub(super) fn scan(needs: ProcNeeds, cache: &ProcCache) -> Result<Vec<ProcEntry>> {
    let listed = list()?;
    if !needs.cmdline && !needs.names {
        return Ok(listed.into_iter().map(|(pid, _)| ProcEntry { pid, ..Default::default() }).collect());
    }
    let started = Instant::now();
    let (mut out, pids) = cache.plan(&listed, needs.cmdline, needs.names, started);
    let threads = super::cpus().clamp(1, 4);
    let chunk = pids.len().div_ceil(threads).max(64);
    let parts: Vec<Vec<Fresh>> = std::thread::scope(|s| {
        let handles: Vec<_> = pids.chunks(chunk).map(|c| s.spawn(move || read_entries(c, needs))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let fresh: Vec<Fresh> = parts.into_iter().flatten().collect();
    // The cache's hits carry their inode number already; what was read
    // gets the one it was listed with.
    let ino = |pid: u32| listed.binary_search_by_key(&pid, |&(p, _)| p).map_or(0, |i| listed[i].1);
    out.extend(fresh.iter().map(|f| ProcEntry { ino: ino(f.entry.pid), ..f.entry.clone() }));
    out.sort_unstable_by_key(|e| e.pid);
    cache.update(&listed, fresh, needs.cmdline, needs.names, started);
    Ok(out)
}

fn read_entries(pids: &[u32], needs: ProcNeeds) -> Vec<Fresh> {
    let mut buf = Vec::with_capacity(4096);
    let mut out = Vec::with_capacity(pids.len());
    for &pid in pids {
        let mut e = ProcEntry { pid, ..Default::default() };
        let mut complete = true;
        if needs.cmdline {
            if let Some(read) = read_into(&format!("/proc/{pid}/cmdline"), &mut buf) {
                // Arguments are NUL-separated (and NUL-terminated).
                let trimmed = read.strip_suffix(&[0]).unwrap_or(read);
                e.cmdline = String::from_utf8_lossy(trimmed).replace('\0', " ");
            } else {
                complete = false;
            }
        }
        if needs.names {
            if let Some(read) = read_into(&format!("/proc/{pid}/comm"), &mut buf) {
                e.name = String::from_utf8_lossy(read).trim_end_matches('\n').to_string();
            } else {
                complete = false;
            }
        }
        out.push(Fresh { entry: e, complete });
    }
    out
}

/// One process's scan entry read afresh: its start time first, then what
/// `needs` says (as [`scan`] reads it). A match on what was read counts
/// only if the details read afterwards show the same start time, so a pid
/// reused meanwhile never inherits it. The scan itself does not
/// read start times: that would double its cost, and only matches need it.
pub(super) fn entry(pid: u32, needs: ProcNeeds) -> Option<ProcEntry> {
    let mut buf = Vec::with_capacity(512);
    let buf = read_into(&format!("/proc/{pid}/stat"), &mut buf)?;
    let start_ticks = Some(stat_field(&String::from_utf8_lossy(buf), 22)?);
    let mut e = read_entries(&[pid], needs).pop()?.entry;
    e.start_ticks = start_ticks;
    Some(e)
}

/// The details of the process `entry` was scanned from, or `None` when
/// `/proc/PID` has another inode number (or none) once they are read.
///
/// Why that is enough: the listing showed inode `ino` before
/// the scan read the command line, and the details are read after it.
/// A `/proc/PID` inode number is given once per process (`get_next_ino`
/// as its dentry is made; a reused pid gets a new one), so the same
/// number after the details means the same process held the pid from the
/// listing on: the command line and the details are both its. One file
/// and one `statx` per match, where confirming it afresh ([`entry`]) reads
/// its start time, its command line again and then its details: three
/// files, the command line the costliest (the kernel reads it from the
/// process's memory). A dentry evicted and made again only gives a new
/// number: `None`, and the caller confirms the old way.
///
/// The stat file so checked is kept open in `cache` (while there is room),
/// and later cycles read it again from there: it reads only while its
/// process lives, and `cache` forgets it once `/proc/PID` is listed with
/// another inode.
pub(super) fn listed(entry: &ProcEntry, clock: &Clock, cache: &ProcCache) -> Option<ProcInfo> {
    use std::os::unix::fs::MetadataExt;
    if entry.ino <= 1 {
        return None;
    }
    if let Some(kept) = cache.stat_file(entry.pid, entry.ino) {
        let details = stat_of(&kept, entry.pid, clock);
        if details.is_none() {
            cache.forget_stat(entry.pid);
        }
        return details;
    }
    let file = std::fs::File::open(format!("/proc/{}/stat", entry.pid)).ok()?;
    let details = stat_of(&file, entry.pid, clock)?;
    let now = std::fs::metadata(format!("/proc/{}", entry.pid)).ok()?.ino();
    if now != entry.ino {
        return None;
    }
    cache.keep_stat(entry.pid, entry.ino, file);
    Some(details)
}

/// The uid `pid` runs as, when its real and effective uids agree (from
/// `/proc/PID/status`; the owner of `/proc/PID` is root for processes that
/// changed user, so it will not do).
pub(super) fn uid(pid: u32) -> Option<u32> {
    let mut buf = Vec::with_capacity(2048);
    let buf = read_into(&format!("/proc/{pid}/status"), &mut buf)?;
    let text = String::from_utf8_lossy(buf);
    let line = text.lines().find_map(|l| l.strip_prefix("Uid:"))?;
    let mut ids = line.split_whitespace().map(|v| v.parse::<u32>().ok());
    match (ids.next()??, ids.next()??) {
        (real, effective) if real == effective => Some(real),
        _ => None,
    }
}

/// One process in detail, from `/proc/PID/stat`.
pub(super) fn process(pid: u32, clock: &Clock) -> Option<ProcInfo> {
    stat_of(&std::fs::File::open(format!("/proc/{pid}/stat")).ok()?, pid, clock)
}

/// `pid`'s details from its `/proc/PID/stat`, open as `file`.
fn stat_of(file: &std::fs::File, pid: u32, clock: &Clock) -> Option<ProcInfo> {
    let mut buf = Vec::with_capacity(512);
    parse_stat(pid, &String::from_utf8_lossy(read_file(file, &mut buf)?), clock)
}

/// Field `n` (numbered as in proc(5)) of a `/proc/PID/stat` line, counted
/// from the last `)` since the name may hold anything.
fn stat_field(text: &str, n: usize) -> Option<u64> {
    let close = text.rfind(')')?;
    text.get(close + 1..)?.split_whitespace().nth(n.checked_sub(3)?)?.parse().ok()
}

/// The parent of `pid` (field 4 of `/proc/PID/stat`); `None` when gone.
pub(super) fn parent(pid: u32) -> Option<u32> {
    let mut buf = Vec::with_capacity(512);
    let buf = read_into(&format!("/proc/{pid}/stat"), &mut buf)?;
    stat_field(&String::from_utf8_lossy(buf), 4).and_then(|p| u32::try_from(p).ok())
}

/// Parse `/proc/PID/stat`. The name is in parentheses and may itself hold
/// spaces and parentheses, so fields are counted from the *last* `)`.
pub(super) fn parse_stat(pid: u32, text: &str, clock: &Clock) -> Option<ProcInfo> {
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let name = text.get(open + 1..close)?.to_string();
    // One pass over the fields, nothing collected: `hm run` parses every
    // matched process's line each cycle.
    let (mut state, mut utime, mut stime, mut start_ticks, mut rss_pages) = (None, 0, 0, 0, 0);
    // The first field after the name is field 3 of proc(5): state.
    for (n, field) in text.get(close + 1..)?.split_ascii_whitespace().enumerate().take(22) {
        let num = || field.parse().unwrap_or(0);
        match n + 3 {
            3 => state = Some(field),
            14 => utime = num(),
            15 => stime = num(),
            22 => start_ticks = num(),
            24 => rss_pages = num(),
            _ => {}
        }
    }
    let tps = clock.ticks_per_second.max(1);
    Some(ProcInfo {
        pid,
        name,
        zombie: state? == "Z",
        start_ticks,
        started_at: clock.boot_time as f64 + start_ticks as f64 / tps as f64,
        cpu_time_ms: (utime + stime) * 1000 / tps,
        rss: rss_pages * clock.page_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_with_awkward_name() {
        let clock = Clock { ticks_per_second: 100, boot_time: 1_000, page_size: 4096 };
        let text = "42 (my (odd) name) Z 1 42 42 0 -1 4194560 100 0 0 0 250 150 0 0 20 0 1 0 5000 1000000 300 18446744073709551615\n";
        let p = parse_stat(42, text, &clock).expect("parsed");
        assert_eq!(p.name, "my (odd) name");
        assert!(p.zombie);
        assert_eq!(p.cpu_time_ms, 4_000);
        assert_eq!(p.start_ticks, 5_000);
        assert_eq!(p.started_at, 1_050.0);
        assert_eq!(p.rss, 300 * 4096);
    }

    #[test]
    fn command_lines_longer_than_one_read() {
        use std::os::unix::process::CommandExt;
        let long = format!("hm-test-long-{}", "x".repeat(9000));
        let mut child = std::process::Command::new("sleep").arg0(&long).arg("30").spawn().expect("spawn");
        let pid = child.id();
        let mut found = String::new();
        for _ in 0..200 {
            let all = scan(ProcNeeds { cmdline: true, names: false }, &ProcCache::default()).expect("scan");
            found = all.into_iter().find(|e| e.pid == pid).map(|e| e.cmdline).unwrap_or_default();
            if found.starts_with("hm-test-long") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(found, format!("{long} 30"));
    }

    fn spawn(argv0: &str) -> std::process::Child {
        use std::os::unix::process::CommandExt;
        std::process::Command::new("sleep").arg0(argv0).arg("30").spawn().expect("spawn")
    }

    fn scanned(cache: &ProcCache, pid: u32) -> Option<String> {
        let all = scan(ProcNeeds { cmdline: true, names: false }, cache).expect("scan");
        all.into_iter().find(|e| e.pid == pid).map(|e| e.cmdline)
    }

    #[test]
    fn issue18_a_settled_process_is_not_read_again() {
        let mut a = spawn("hm-test-cache-a");
        let cache = ProcCache::default();
        // Read until exec'd: the first reads may see the fork's command line.
        for _ in 0..200 {
            if scanned(&cache, a.id()).is_some_and(|c| c.starts_with("hm-test-cache-a")) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // Read SETTLE after it was first listed: believed from now on.
        cache.backdate(a.id(), None);
        assert_eq!(scanned(&cache, a.id()).as_deref(), Some("hm-test-cache-a 30"));
        cache.backdate(a.id(), Some("kept"));
        assert_eq!(scanned(&cache, a.id()).as_deref(), Some("kept"), "kept, not read again");
        let _ = a.kill();
        let _ = a.wait();
    }

    /// A process started as `argv0` with the pid `pid` (which must be free),
    /// through `ns_last_pid` (root only).
    fn reuse(pid: u32, argv0: &str) -> std::process::Child {
        for _ in 0..100 {
            std::fs::write("/proc/sys/kernel/ns_last_pid", (pid - 1).to_string()).expect("ns_last_pid");
            let mut c = spawn(argv0);
            if c.id() == pid {
                return c;
            }
            let _ = c.kill();
            let _ = c.wait();
        }
        panic!("pid {pid} not reused");
    }

    /// The details of a scanned process are its own, and never those of a
    /// process that took its pid since (`listed` in place of a
    /// second read of the command line).
    #[test]
    fn issue18_a_scan_entry_is_never_taken_for_the_process_that_reused_its_pid() {
        let clock = Clock::read();
        let cache = ProcCache::default();
        let mut a = spawn("hm-test-listed-a");
        let pid = a.id();
        let entry = scan(ProcNeeds { cmdline: true, names: false }, &cache)
            .expect("scan")
            .into_iter()
            .find(|e| e.pid == pid)
            .expect("listed");
        assert!(entry.ino > 1);
        let details = listed(&entry, &clock, &cache).expect("still the listed process");
        assert_eq!((details.pid, Some(details.start_ticks)), (pid, process(pid, &clock).map(|p| p.start_ticks)));
        assert!(cache.stat_file(pid, entry.ino).is_some(), "kept open");
        assert!(listed(&entry, &clock, &cache).is_some(), "read again from the kept file");
        let other = ProcCache::default();
        assert!(listed(&ProcEntry { ino: entry.ino + 1, ..entry.clone() }, &clock, &other).is_none(), "another inode");
        assert!(listed(&ProcEntry { ino: 0, ..entry.clone() }, &clock, &other).is_none(), "unknown");
        let _ = a.kill();
        let _ = a.wait();
        if !nix::unistd::geteuid().is_root() {
            assert!(listed(&entry, &clock, &cache).is_none(), "gone");
            eprintln!("skipped in part: forcing a pid's reuse needs root");
            return;
        }
        // The pid is taken before the kept file is read again, and the
        // file no longer kept is opened afresh: neither is the new process.
        let mut b = reuse(pid, "hm-test-listed-b");
        let kept = listed(&entry, &clock, &cache);
        let afresh = listed(&entry, &clock, &cache);
        let _ = b.kill();
        let _ = b.wait();
        assert!(kept.is_none(), "pid {pid} reused, yet its kept stat file read: {kept:?}");
        assert!(afresh.is_none(), "pid {pid} reused, yet taken for the scanned process: {afresh:?}");
        assert!(cache.stat_file(pid, entry.ino).is_none(), "forgotten");
    }

    /// A stat file kept open reads the process's figures as they are now.
    #[test]
    fn issue18_a_kept_stat_file_reads_afresh() {
        let clock = Clock::read();
        let me = std::process::id();
        let file = std::fs::File::open(format!("/proc/{me}/stat")).expect("open");
        let mut buf = Vec::with_capacity(512);
        let cpu = |buf: &mut Vec<u8>| {
            parse_stat(me, &String::from_utf8_lossy(read_file(&file, buf).expect("read")), &clock)
                .expect("parse")
                .cpu_time_ms
        };
        let before = cpu(&mut buf);
        let t = std::time::Instant::now();
        let mut x = 0u64;
        while t.elapsed() < std::time::Duration::from_millis(300) {
            x = std::hint::black_box(x.wrapping_add(1));
        }
        assert!(cpu(&mut buf) >= before + 100, "CPU time moved on");
    }

    /// A pid reused by another process is read again, not taken from the
    /// cache (pid reuse forced through `ns_last_pid`, which needs root).
    #[test]
    fn issue18_a_reused_pid_is_read_again() {
        if !nix::unistd::geteuid().is_root() {
            eprintln!("skipped: forcing a pid's reuse needs root");
            return;
        }
        let mut a = spawn("hm-test-reuse-a");
        let pid = a.id();
        let cache = ProcCache::default();
        for _ in 0..200 {
            if scanned(&cache, pid).is_some_and(|c| c.starts_with("hm-test-reuse-a")) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        cache.backdate(pid, None);
        assert_eq!(scanned(&cache, pid).as_deref(), Some("hm-test-reuse-a 30"));
        let _ = a.kill();
        let _ = a.wait();
        let mut b = reuse(pid, "hm-test-reuse-b");
        // Once it has exec'd, the very next scan must see it.
        for _ in 0..200 {
            let now = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if now.starts_with(b"hm-test-reuse-b") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let seen = scanned(&cache, pid);
        let _ = b.kill();
        let _ = b.wait();
        assert_eq!(seen.as_deref(), Some("hm-test-reuse-b 30"));
    }

    #[test]
    fn scan_finds_this_process_with_its_cmdline() {
        let me = std::process::id();
        let all = scan(ProcNeeds { cmdline: true, names: true }, &ProcCache::default()).expect("scan");
        let entry = all.iter().find(|e| e.pid == me).expect("self in scan");
        assert!(!entry.cmdline.is_empty());
        assert!(!entry.name.is_empty());
        let info = process(me, &Clock::read()).expect("details");
        assert!(!info.zombie && info.rss > 0 && info.started_at > 0.0);
    }
}
