//! The host behind a small trait: processes, CPU counters, memory, load,
//! filesystems and systemd units.
//!
//! Checks only ever see `&dyn Host`, so they can be tested against a
//! [`fake::FakeHost`] with exact figures, while `hm` itself uses
//! [`linux::LinuxHost`], which reads the real machine once per run and only
//! what the configured checks need.

pub(crate) mod app_db;
pub(crate) mod children;
pub(crate) mod confine;
pub(crate) mod connector;
pub(crate) mod db_holders;
pub(crate) mod death;
pub(crate) mod exec;
mod exit_filter;
#[cfg(test)]
pub(crate) mod fake;
pub(crate) mod fd_table;
pub(crate) mod launch;
pub(crate) mod lineage;
pub(crate) mod linux;
pub(crate) mod locks;
pub(crate) mod oom;
mod proc_cache;
mod procfs;
mod reaper;
mod spawn;
pub(crate) mod stop;
pub(crate) mod syslog;
mod tty;
pub(crate) mod unit_exit;
pub(crate) mod worker_unit;

use anyhow::Result;
pub(crate) use nix::sys::signal::Signal;
pub(crate) use proc_cache::ProcCache;
use std::path::{Path, PathBuf};
use std::time::Duration;
pub(crate) use tty::Foreground;

/// One entry of the process-table scan: just enough to match on.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ProcEntry {
    pub pid: u32,
    /// Kernel name (`comm`, at most 15 bytes); empty unless names were asked for.
    pub name: String,
    /// Command line, arguments joined by single spaces; empty unless asked
    /// for, and always empty for kernel threads and zombies.
    pub cmdline: String,
    /// Start time (clock ticks since boot) read just before `name` and
    /// `cmdline` by [`Host::entry`] (the scan leaves it `None`): they
    /// belong to the process whose details show this same start time.
    pub start_ticks: Option<u64>,
    /// The inode number of `/proc/PID` in the listing the scan read `name`
    /// and `cmdline` under (0: unknown): they belong to the process that
    /// [`Host::listed`] still finds there.
    pub ino: u64,
}

impl ProcEntry {
    /// Whether `name` is this process's name: its `comm`, or the base name
    /// of `argv[0]` (comm is cut at 15 bytes, so long names need the latter).
    pub(crate) fn has_name(&self, name: &str) -> bool {
        if self.name == name {
            return true;
        }
        let argv0 = self.cmdline.split(' ').next().unwrap_or("");
        Path::new(argv0).file_name().is_some_and(|b| b == name)
    }
}

/// One process in detail, read when a check needs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ProcInfo {
    pub pid: u32,
    /// Kernel name (`comm`).
    pub name: String,
    /// Zombie (exited, not yet reaped).
    pub zombie: bool,
    /// Start time in clock ticks since boot: with `pid`, identifies the
    /// process exactly (a reused pid has a later start time).
    pub start_ticks: u64,
    /// Start time, seconds since the epoch.
    pub started_at: f64,
    /// User + system CPU time consumed so far, milliseconds.
    pub cpu_time_ms: u64,
    /// Resident memory, bytes.
    pub rss: u64,
}

/// Aggregate CPU counters from `/proc/stat`, in clock ticks.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct CpuTimes {
    /// Ticks spent doing anything but idle and iowait.
    pub busy: u64,
    /// Ticks spent waiting for I/O.
    pub iowait: u64,
    /// All ticks.
    pub total: u64,
}

/// Memory and swap, bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct MemInfo {
    pub total: u64,
    pub available: u64,
    pub swap_total: u64,
    pub swap_free: u64,
}

/// Load averages and the number of logical CPUs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LoadAvg {
    pub one: f64,
    pub five: f64,
    pub fifteen: f64,
    pub cpus: usize,
}

/// One mounted filesystem's space and inodes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FsInfo {
    pub mount: PathBuf,
    pub fs_type: String,
    pub device: String,
    pub total_bytes: u64,
    /// Bytes available to unprivileged users.
    pub avail_bytes: u64,
    /// Bytes in use.
    pub used_bytes: u64,
    pub inodes_total: u64,
    pub inodes_free: u64,
}

/// A systemd unit's state and processes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct UnitInfo {
    /// `ActiveState`: active, inactive, failed, activating...
    pub active_state: String,
    pub main_pid: u32,
    /// Every pid in the unit's control group.
    pub pids: Vec<u32>,
}

/// How many CPUs hm may use, read once: the standard library reads the
/// cgroup's quota files at each call, three files a call and several calls
/// a cycle of `hm run`.
pub(crate) fn cpus() -> usize {
    static CPUS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CPUS.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Let glibc's malloc keep at most two arenas, for a process that lives
/// long (`hm run`, `hm serve`). Each new thread may get an arena of its
/// own (up to eight per CPU), and memory freed there stays with it: a
/// thousand-instance pool's restarts, each on its own thread, took `hm run
/// --heal` from 25 to 43 MiB, 28 with two arenas. Call it before the
/// threads start. Elsewhere than glibc, nothing.
pub(crate) fn few_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator; it takes no
    // pointer, and glibc serializes it with allocation.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// What the process-table scan must read, so it reads no more.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct ProcNeeds {
    /// Command lines (for `pattern` and `process` matchers).
    pub cmdline: bool,
    /// Kernel names (for `process` matchers).
    pub names: bool,
}

/// The machine, as checks see it.
pub(crate) trait Host: Sync {
    /// The process table, scanned once and shared by all checks of a run.
    fn processes(&self) -> Result<&[ProcEntry]>;
    /// A fresh, detailed read of one process; `None` when it is gone.
    fn process(&self, pid: u32) -> Option<ProcInfo>;
    /// A fresh read of one process's scan entry (what `needs` says, and
    /// the start time read before it); `None` when it is gone.
    fn entry(&self, pid: u32, needs: ProcNeeds) -> Option<ProcEntry>;
    /// The details of the process a scan entry was read from, read now:
    /// when `/proc/PID` still has the entry's inode number after they were
    /// read, or from its stat file, kept open since that was so (it reads
    /// only while that process lives). `None` when that cannot be known
    /// (the caller then confirms with [`Host::entry`]).
    fn listed(&self, _entry: &ProcEntry) -> Option<ProcInfo> {
        None
    }
    /// The uid a process runs as, when its real and effective uids agree.
    fn uid(&self, pid: u32) -> Option<u32>;
    /// Whether `pid`'s own group holds its terminal, and its argv (`tty.rs`);
    /// `None` when it is gone or has no terminal.
    fn foreground(&self, pid: u32) -> Option<Foreground>;
    /// Pids never counted as a match nor signalled: pid 1, hm itself and
    /// its ancestors, read now ([`lineage`]).
    fn protected_pids(&self) -> Vec<u32>;
    /// Aggregate CPU counters.
    fn cpu_times(&self) -> Result<CpuTimes>;
    fn memory(&self) -> Result<MemInfo>;
    fn load(&self) -> Result<LoadAvg>;
    /// Every real filesystem, plus those of the `extra_types` given.
    fn filesystems(&self, extra_types: &[String]) -> Result<Vec<FsInfo>>;
    /// The filesystem holding `path`.
    fn filesystem_of(&self, path: &Path) -> Result<FsInfo>;
    /// A systemd unit's state and pids.
    fn unit(&self, unit: &str) -> Result<UnitInfo>;
    /// Send a signal to a process. Callers verify the pid's identity first
    /// and never pass a [`Host::protected_pids`] one.
    fn signal(&self, pid: u32, signal: Signal) -> Result<()>;
    /// Run a command to completion (a `stop` command, `systemctl restart`),
    /// killing it after `timeout`; an error carries its first line of stderr.
    fn run_command(&self, argv: &[String], timeout: Duration) -> Result<()> {
        self.command_output(argv, timeout).map(|_| ())
    }
    /// Run a command to completion and return its standard output.
    fn command_output(&self, argv: &[String], timeout: Duration) -> Result<String>;
    /// Start monitor `name`'s worker so that it outlives hm: under systemd
    /// as its own transient unit ([`worker_unit`]), else detached (own
    /// session); stdin from /dev/null, output appended to `log` or
    /// discarded. `grace` is how long a stop may take.
    fn start_worker(
        &self,
        name: &str,
        argv: &[String],
        log: Option<&Path>,
        grace: Duration,
        launch: &launch::Launch,
    ) -> Result<Started>;
}

/// A started worker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Started {
    pub pid: u32,
    /// The transient systemd unit it runs in, if any.
    pub unit: Option<String>,
}
