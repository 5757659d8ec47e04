//! Telling an OOM kill: a SIGKILL is a SIGKILL, whoever sent
//! it. Two witnesses say it was the kernel's OOM killer:
//!
//! - the kernel log (`/dev/kmsg`, root only, read-only here): the OOM
//!   killer's `Killed process N (name)` or `oom-kill:…,pid=N,…` line;
//! - the worker's memory cgroup: its `oom_kill` counter (v2
//!   `memory.events`, v1 `memory.oom_control`), read while the worker ran
//!   and again after it died.
//!
//! Each is read only when a watched worker dies of SIGKILL, never on a
//! cycle. Files are opened by their real paths under the cgroup mounts
//! (`/proc/self/mountinfo`), which only root can change.

use nix::fcntl::OFlag;
use std::io::Read;
use std::path::PathBuf;

/// A memory cgroup's OOM-kill counter: where, and what it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OomCounter {
    pub file: PathBuf,
    pub kills: u64,
}

/// The `oom_kill` count of the memory cgroup `pid` is in, now.
pub(crate) fn counter_of(pid: u32) -> Option<OomCounter> {
    let cgroups = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok()?;
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let file = memory_file(&cgroups, &mounts)?;
    read_counter(file)
}

/// The same counter read again.
pub(crate) fn reread(c: &OomCounter) -> Option<OomCounter> {
    read_counter(c.file.clone())
}

fn read_counter(file: PathBuf) -> Option<OomCounter> {
    let text = std::fs::read_to_string(&file).ok()?;
    let kills = text.lines().find_map(|l| l.strip_prefix("oom_kill ")).and_then(|v| v.trim().parse().ok())?;
    Some(OomCounter { file, kills })
}

/// The counter file of the memory cgroup in `/proc/PID/cgroup` text,
/// given the mounts: v1's `memory` hierarchy first, else v2's.
pub(crate) fn memory_file(cgroups: &str, mountinfo: &str) -> Option<PathBuf> {
    let mut v1 = None;
    let mut v2 = None;
    for line in mountinfo.lines() {
        // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS ... - FSTYPE SOURCE SUPEROPTS
        let (left, right) = line.split_once(" - ")?;
        let point = left.split(' ').nth(4)?;
        let mut r = right.split(' ');
        match (r.next(), r.nth(1)) {
            (Some("cgroup"), Some(opts)) if opts.split(',').any(|o| o == "memory") => v1 = Some(point.to_string()),
            (Some("cgroup2"), _) if v2.is_none() => v2 = Some(point.to_string()),
            _ => {}
        }
    }
    for line in cgroups.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        let path = path.trim_start_matches('/');
        if path.contains("..") {
            continue;
        }
        if controllers.split(',').any(|c| c == "memory")
            && let Some(m) = &v1
        {
            return Some(PathBuf::from(m).join(path).join("memory.oom_control"));
        }
    }
    let path = cgroups.lines().find_map(|l| l.strip_prefix("0::"))?.trim_start_matches('/');
    let file = PathBuf::from(v2?).join(path).join("memory.events");
    (!path.contains("..")).then_some(file)
}

/// The OOM killer's lines of the kernel log, read as they come: one
/// descriptor on `/dev/kmsg` kept open, each look reading only the records
/// logged since the last, so a hundred workers killed at once cost one
/// read of what is new, not a hundred reads of the whole log.
pub(crate) struct KernelLog {
    file: Result<std::fs::File, String>,
    /// The OOM killer's lines read so far, the newest last, at most [`KEPT`].
    lines: std::collections::VecDeque<String>,
}

/// OOM-killer lines kept: two per kill, for the last few hundred kills.
const KEPT: usize = 1024;

impl KernelLog {
    fn open() -> Result<std::fs::File, String> {
        let fd = nix::fcntl::open(
            "/dev/kmsg",
            OFlag::O_RDONLY | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )
        .map_err(|e| format!("no kernel log: /dev/kmsg: {}", e.desc()))?;
        Ok(std::fs::File::from(fd))
    }

    /// What the kernel logs from now on (a loop that watches its workers
    /// die: the log before it started says nothing of them).
    pub(crate) fn from_now() -> KernelLog {
        let file = Self::open().map(|mut f| {
            use std::io::Seek;
            // On /dev/kmsg, the end is past the last record.
            let _ = f.seek(std::io::SeekFrom::End(0));
            f
        });
        KernelLog { file, lines: std::collections::VecDeque::new() }
    }

    /// All the kernel still holds (a run that found its worker dead after
    /// the fact).
    pub(crate) fn whole() -> KernelLog {
        KernelLog { file: Self::open(), lines: std::collections::VecDeque::new() }
    }

    /// What the kernel log says of `pid`: the OOM killer's latest line
    /// naming it, or `Err` with why it cannot tell (no kernel log).
    pub(crate) fn line_of(&mut self, pid: u32) -> Result<Option<String>, String> {
        self.read_new()?;
        Ok(self.lines.iter().rev().find_map(|l| oom_line(l, pid)))
    }

    /// Take in the records logged since the last read.
    fn read_new(&mut self) -> Result<(), String> {
        let file = self.file.as_mut().map_err(|why| why.clone())?;
        // One record per read; a record overwritten before it was read is
        // EPIPE, and the next read goes on from the oldest one kept.
        let mut buf = vec![0u8; 8192];
        for _ in 0..1_000_000 {
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let rec = String::from_utf8_lossy(&buf[..n]);
                    let msg = rec.split_once(';').map_or(&*rec, |(_, m)| m);
                    if msg.contains("Killed process ") || msg.starts_with("oom-kill:") {
                        if self.lines.len() >= KEPT {
                            self.lines.pop_front();
                        }
                        self.lines.push_back(rec.into_owned());
                    }
                }
                Err(e) if e.raw_os_error() == Some(libc::EPIPE) || e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break, // EAGAIN: the end
            }
        }
        Ok(())
    }
}

/// The message of a kmsg record (`PRI,SEQ,TS,FLAGS;MESSAGE`) when it is
/// the OOM killer's line naming `pid`.
pub(crate) fn oom_line(record: &str, pid: u32) -> Option<String> {
    let msg = record.split_once(';').map_or(record, |(_, m)| m).lines().next()?.trim_end();
    let killed = format!("Killed process {pid} (");
    let listed = format!(",pid={pid},");
    let names = msg.contains(&killed)
        || (msg.starts_with("oom-kill:") && (msg.contains(&listed) || msg.ends_with(&format!(",pid={pid}"))));
    names.then(|| msg.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oom_killers_lines_name_the_pid_and_no_other() {
        let rec =
            "3,1234,5678,-;Memory cgroup out of memory: Killed process 4242 (tail) total-vm:300kB, anon-rss:100kB";
        assert!(oom_line(rec, 4242).is_some_and(|l| l.starts_with("Memory cgroup out of memory: Killed process 4242")));
        assert!(oom_line(rec, 424).is_none());
        let rec = "6,1,2,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),task=tail,pid=77,uid=0";
        assert!(oom_line(rec, 77).is_some());
        assert!(oom_line(rec, 7).is_none());
        assert!(oom_line("6,1,2,-;Killed process 5 by hand", 5).is_none());
    }

    #[test]
    fn the_memory_cgroup_file_is_v1s_else_v2s() {
        let mounts = "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n\
                      31 25 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
        let cg = "4:memory:/hm-test\n0::/user.slice\n";
        assert_eq!(memory_file(cg, mounts), Some(PathBuf::from("/sys/fs/cgroup/memory/hm-test/memory.oom_control")));
        let only2 = "31 25 0:27 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw\n";
        assert_eq!(memory_file("0::/a/b\n", only2), Some(PathBuf::from("/sys/fs/cgroup/a/b/memory.events")));
        assert_eq!(memory_file("0::/../x\n", only2), None);
    }

    /// Log `msg` as the kernel would, through /dev/kmsg (root only).
    fn log(msg: &str) -> bool {
        use std::io::Write;
        std::fs::OpenOptions::new().write(true).open("/dev/kmsg").and_then(|mut f| f.write_all(msg.as_bytes())).is_ok()
    }

    #[test]
    fn issue29_the_kernel_log_is_read_on_from_where_it_was() {
        // Pids beyond pid_max: no real process's line.
        let (before, after) = (u32::MAX - 11, u32::MAX - 12);
        if !log(&format!("<6>hm-test: Killed process {before} (hm-test)\n")) {
            eprintln!("SKIPPED: cannot write /dev/kmsg (not root?)");
            return;
        }
        let mut kernel = KernelLog::from_now();
        assert_eq!(kernel.line_of(before), Ok(None), "logged before it was opened");
        assert!(KernelLog::whole().line_of(before).is_ok_and(|l| l.is_some()), "the whole log has it");
        assert!(log(&format!("<6>hm-test: Killed process {after} (hm-test)\n")));
        let line = kernel.line_of(after).expect("read").expect("found");
        assert!(line.ends_with(&format!("Killed process {after} (hm-test)")), "{line}");
        // Kept once read: a later death's look does not read it again.
        assert!(kernel.line_of(after).is_ok_and(|l| l.is_some()));
        assert_eq!(kernel.line_of(before), Ok(None));
    }
}
